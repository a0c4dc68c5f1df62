//! The npm side: the pinned JavaScript tools (tests/js), and building a
//! component's npm package: wasm32 release build -> wasm-bindgen (as a
//! library, the crate's exact version) -> wasm-opt (npm binaryen) -> tsc ->
//! npm pack.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;

use crate::components::Component;
use crate::workspace::{capture, exec, Tool, Workspace, CARGO};

pub const NODE: Tool = Tool {
    program: "node",
    install_hint: "install Node.js 20 or newer (Debian: `apt-get install nodejs npm`)",
};
pub const NPM: Tool = Tool {
    program: "npm",
    install_hint: "install npm (Debian: `apt-get install npm`)",
};
const RUSTUP: Tool = Tool {
    program: "rustup",
    install_hint: "install rustup (the wasm32 target is added through it)",
};
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// tests/js with its pinned tools installed (`npm ci`, again only when the
/// lock file changes).
pub fn tools(ws: &Workspace) -> Result<Utf8PathBuf> {
    let dir = ws.path("tests/js");
    let lock = std::fs::read_to_string(dir.join("package-lock.json"))
        .context("reading tests/js/package-lock.json")?;
    let stamp = dir.join("node_modules/.installed-lock");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(lock.as_str()) {
        eprintln!("   installing the JavaScript tools of tests/js (npm ci)");
        exec(
            NPM.command()?
                .current_dir(&dir)
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .stdout(std::io::stderr()),
        )?;
        std::fs::write(&stamp, &lock)?;
    }
    Ok(dir)
}

pub fn tool_bin(tools: &Utf8Path, name: &str) -> Command {
    Command::new(tools.join("node_modules/.bin").join(name))
}

/// `rustup target add wasm32-unknown-unknown` unless it is there.
pub fn ensure_wasm_target() -> Result<()> {
    let installed = capture(RUSTUP.command()?.args(["target", "list", "--installed"]))?;
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        eprintln!("   adding the {WASM_TARGET} target with rustup");
        exec(RUSTUP.command()?.args(["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

/// The optimized .wasm of a glue crate (release build for wasm32).
pub fn build_wasm(ws: &Workspace, package: &str) -> Result<Utf8PathBuf> {
    ensure_wasm_target()?;
    exec(CARGO.command()?.current_dir(&ws.root).args([
        "build",
        "--quiet",
        "--release",
        "--target",
        WASM_TARGET,
        "--package",
        package,
    ]))
    .with_context(|| format!("building {package} for {WASM_TARGET}"))?;
    let wasm = ws
        .target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{}.wasm", package.replace('-', "_")));
    anyhow::ensure!(wasm.is_file(), "cargo built no {wasm}");
    Ok(wasm)
}

/// wasm-bindgen's bundler-target glue for `wasm` into `out_dir`: `<stem>_bg.js`
/// (glue functions only; our entries instantiate), `<stem>_bg.wasm` and the
/// typings, renamed to `<stem>_bg.d.ts` so TypeScript sees the file we import.
pub fn wasm_bindgen(wasm: &Utf8Path, stem: &str, out_dir: &Utf8Path) -> Result<()> {
    std::fs::create_dir_all(out_dir)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .bundler(true)?
        .typescript(true)
        .out_name(stem)
        .remove_producers_section(true)
        .generate(out_dir)
        .with_context(|| format!("wasm-bindgen on {wasm}"))?;
    // The bundler target's `<stem>.js` imports the .wasm as an ES module
    // (ESM integration), which Workers and Node reject; our entries replace it.
    std::fs::remove_file(out_dir.join(format!("{stem}.js")))?;
    let typings = std::fs::read_to_string(out_dir.join(format!("{stem}.d.ts")))?;
    std::fs::remove_file(out_dir.join(format!("{stem}.d.ts")))?;
    std::fs::write(
        out_dir.join(format!("{stem}_bg.d.ts")),
        typings + "export function __wbg_set_wasm(exports: WebAssembly.Exports): void;\n",
    )?;
    Ok(())
}

/// The wasm features rustc's wasm32 output uses, for binaryen's tools.
pub const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// `wasm-opt -Oz` from the npm binaryen package (Debian's is too old for
/// wasm-bindgen's output).
pub fn wasm_opt(tools: &Utf8Path, wasm: &Utf8Path) -> Result<()> {
    exec(
        tool_bin(tools, "wasm-opt")
            .args([wasm.as_str(), "-Oz"])
            .args(WASM_FEATURES)
            .args(["-o", wasm.as_str()]),
    )
    .with_context(|| format!("wasm-opt on {wasm}"))
}

/// Builds the npm package of `component` and packs it into target/dist;
/// returns the tarball.
pub fn build_package(ws: &Workspace, component: &Component) -> Result<Utf8PathBuf> {
    let tools = tools(ws)?;
    let glue = component.glue_package();
    let stem = glue.replace('-', "_");
    eprintln!(
        "   {}: building {glue} for {WASM_TARGET} (release)",
        component.npm_name
    );
    let wasm = build_wasm(ws, &glue)?;

    eprintln!(
        "   {}: wasm-bindgen, wasm-opt -Oz, tsc, npm pack",
        component.npm_name
    );
    let staging = ws.target_dir().join("npm").join(component.npm_name);
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    copy_dir(&component.typescript_dir(&ws.root), &staging)?;
    let wasm_dir = staging.join("src/wasm");
    wasm_bindgen(&wasm, &stem, &wasm_dir)?;
    wasm_opt(&tools, &wasm_dir.join(format!("{stem}_bg.wasm")))?;
    exec(
        tool_bin(&tools, "tsc")
            .current_dir(&staging)
            .args(["-p", "tsconfig.json"]),
    )
    .with_context(|| format!("tsc on {staging}"))?;
    // tsc compiles only the .ts; the glue .js and the .wasm ship beside it.
    copy_dir(&wasm_dir, &staging.join("dist/wasm"))?;
    let readme = component.typescript_dir(&ws.root).join("README.md");
    if !readme.exists() {
        std::fs::write(
            staging.join("README.md"),
            format!("# {}\n\nGenerated by joyous-bindgen.\n", component.npm_name),
        )?;
    }
    let dist = ws.target_dir().join("dist");
    std::fs::create_dir_all(&dist)?;
    let out = capture(NPM.command()?.current_dir(&staging).args([
        "pack",
        "--silent",
        "--pack-destination",
        dist.as_str(),
    ]))?;
    let tarball = dist.join(
        out.trim()
            .lines()
            .last()
            .context("npm pack printed no file name")?,
    );
    anyhow::ensure!(tarball.is_file(), "npm pack wrote no {tarball}");
    Ok(tarball)
}

pub fn copy_dir(from: &Utf8Path, to: &Utf8Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {to}"))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {from}"))? {
        let entry = entry?;
        let path = Utf8PathBuf::try_from(entry.path())?;
        let target = to.join(path.file_name().expect("entry name"));
        if entry.file_type()?.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).with_context(|| format!("copying {path}"))?;
        }
    }
    Ok(())
}

/// target/npm-test: a scratch project with the packages' tarballs installed
/// by name, as a user installs them.
pub fn install_packages(ws: &Workspace, components: &[&Component]) -> Result<Utf8PathBuf> {
    let mut tarballs = Vec::new();
    for component in components {
        tarballs.push((component.npm_name, build_package(ws, component)?));
    }
    let project = ws.target_dir().join("npm-test");
    install_tarballs(&project, &tarballs)?;
    Ok(project)
}

/// A fresh scratch project at `project` with each `(npm name, tarball)`
/// installed by name (the bench uses its own, so a test run's stays intact).
pub fn install_tarballs(project: &Utf8Path, tarballs: &[(&str, Utf8PathBuf)]) -> Result<()> {
    let mut dependencies = serde_json::Map::new();
    for (name, tarball) in tarballs {
        dependencies.insert((*name).into(), format!("file:{tarball}").into());
    }
    if project.exists() {
        std::fs::remove_dir_all(project)?;
    }
    std::fs::create_dir_all(project)?;
    let manifest =
        serde_json::json!({ "private": true, "type": "module", "dependencies": dependencies });
    std::fs::write(
        project.join("package.json"),
        serde_json::to_string_pretty(&manifest)?,
    )?;
    // npm's summary is progress, not a result: keep stdout for results.
    exec(
        NPM.command()?
            .current_dir(project)
            .args(["install", "--no-audit", "--no-fund", "--loglevel=error"])
            .stdout(std::io::stderr()),
    )
    .with_context(|| format!("installing the tarballs into {project}"))?;
    Ok(())
}
