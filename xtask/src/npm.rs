//! The npm side: the pinned JavaScript tools (tests/js), and a component's
//! npm package: the wasm32 release build of its committed glue, then
//! joyous-bindgen's packaging (wasm-bindgen, wasm-opt, tsc, npm pack).

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;

use crate::components::Component;
use crate::workspace::{exec, Tool, Workspace, CARGO};

pub const NODE: Tool = Tool {
    program: "node",
    install_hint: "install Node.js 20 or newer (Debian: `apt-get install nodejs npm`)",
};
pub const NPM: Tool = Tool {
    program: "npm",
    install_hint: "install npm (Debian: `apt-get install npm`)",
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

/// The optimized .wasm of a glue crate (wasm32, the size-optimized
/// `wasm-release` profile).
pub fn build_wasm(ws: &Workspace, package: &str) -> Result<Utf8PathBuf> {
    joyous_bindgen::build::tools::ensure_wasm_target(&ws.root)?;
    exec(CARGO.command()?.current_dir(&ws.root).args([
        "build",
        "--quiet",
        "--profile",
        WASM_PROFILE,
        "--target",
        WASM_TARGET,
        "--package",
        package,
    ]))
    .with_context(|| format!("building {package} for {WASM_TARGET}"))?;
    let wasm = ws
        .target_dir()
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join(format!("{}.wasm", package.replace('-', "_")));
    anyhow::ensure!(wasm.is_file(), "cargo built no {wasm}");
    Ok(wasm)
}

// The packaging steps live once, in joyous-bindgen; bench uses them too.
pub use joyous_bindgen::build::package::copy_dir;
pub use joyous_bindgen::build::{wasm_bindgen, WASM_FEATURES, WASM_PROFILE};

/// `wasm-opt -Oz` in place, with the binaryen of `tools` (tests/js).
pub fn wasm_opt(tools: &Utf8Path, wasm: &Utf8Path) -> Result<()> {
    joyous_bindgen::build::wasm_opt(&mut tool_bin(tools, "wasm-opt"), wasm)
}

/// Builds the npm package of `component` from the committed glue and
/// TypeScript (joyous-bindgen's own packaging) into `<repo>/target/dist`,
/// beside the wheel whatever `CARGO_TARGET_DIR` says; returns the tarball.
pub fn build_package(ws: &Workspace, component: &Component) -> Result<Utf8PathBuf> {
    let glue = component.glue_package();
    eprintln!(
        "   {}: building {glue} for {WASM_TARGET} ({WASM_PROFILE})",
        component.npm_name
    );
    let wasm = build_wasm(ws, &glue)?;
    joyous_bindgen::build::package(
        &joyous_bindgen::build::Package {
            npm_name: component.npm_name,
            wasm: &wasm,
            typescript: &component.typescript_dir(&ws.root),
            work_dir: &ws.target_dir().join("joyous-bindgen"),
            out_dir: &ws.path("target/dist"),
            keep_names: false,
        },
        &mut joyous_bindgen::build::Progress::nested(),
    )
    .with_context(|| format!("packaging {}", component.npm_name))
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
