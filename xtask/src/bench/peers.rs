//! The JS peer generators on the same core (benches/peers/): each built the
//! way its own docs say, by its own CLI that the bench installs under
//! target/bench/tools; then what built, what loaded in Node and in workerd
//! (the error is the result where it did not), and each .wasm beside ours.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::process::Command;

use super::js::{cached, js_json, JsBench};
use super::report::{Row, Section, Unit};
use crate::npm::{self, NODE};
use crate::workspace::{self as ws_fs, Workspace, CARGO};

/// (crate, version, binary): the CLIs the peers are built with.
/// wasm-bindgen's CLI is what `boltffi pack wasm` runs on a .wasm that imports
/// from JS (the core's wasm32 build asks the host's Intl for time zones); the
/// version must be the core's wasm-bindgen.
const TOOLS: [(&str, &str, &str); 2] = [
    ("boltffi_cli", "0.32.1", "boltffi"),
    ("wasm-bindgen-cli", "0.2.130", "wasm-bindgen"),
];

/// BoltFFI's crate and the module name its boltffi.toml sets.
const BOLTFFI_DIR: &str = "benches/peers/boltffi";
const BOLTFFI_STEM: &str = "joyous_peer_boltffi";

/// target/bench/tools/bin, with every CLI of [`TOOLS`] installed at its version.
pub(super) fn install_tools(ws: &Workspace) -> Result<Utf8PathBuf> {
    let root = ws.target_dir().join("bench/tools");
    let bin = root.join("bin");
    for (krate, version, binary) in TOOLS {
        let exe = bin.join(binary);
        let installed = Command::new(&exe)
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
        if installed.as_deref().is_some_and(|v| v.contains(version)) {
            continue;
        }
        eprintln!("   cargo install {krate} {version} into {root} (once; minutes)");
        let mut cmd = CARGO.command()?;
        cmd.args([
            "install",
            "--quiet",
            "--version",
            version,
            "--root",
            root.as_str(),
        ]);
        // wasm-bindgen-cli 0.2.130's own lock file pins a webpki-roots release
        // the registry no longer serves, so it resolves afresh.
        if krate != "wasm-bindgen-cli" {
            cmd.arg("--locked");
        }
        crate::workspace::exec(cmd.arg(krate))
            .with_context(|| format!("installing {krate} {version} into {root}"))?;
    }
    Ok(bin)
}

/// How one peer fared: its package (if it built), its .wasm, and whether it
/// loaded in Node and in workerd.
#[derive(Default)]
pub(super) struct Peer {
    pub(super) name: &'static str,
    /// The .wasm measured: the peer's package's, or where the package did not
    /// build, its cargo output through wasm-bindgen and `wasm-opt -Oz` as ours.
    pub(super) wasm: Option<Utf8PathBuf>,
    pub(super) wasm_note: String,
    /// Whether the registry has the runtime package its generated code imports.
    pub(super) runtime: Option<Outcome>,
    pub(super) build: Outcome,
    pub(super) node: Outcome,
    pub(super) workerd: Outcome,
}

#[derive(Default)]
pub(super) enum Outcome {
    Ok(String),
    Failed(String),
    #[default]
    NotTried,
}

impl Outcome {
    fn cell(&self) -> String {
        match self {
            Outcome::Ok(what) => format!("yes: {what}"),
            Outcome::Failed(error) => format!("**no**: {error}"),
            Outcome::NotTried => "not tried (nothing to load)".into(),
        }
    }
}

/// Runs `cmd`; Ok(stdout) or Err(the last lines of its stderr and stdout).
pub(super) fn run(cmd: &mut Command) -> Result<std::result::Result<String, String>> {
    let out = cmd
        .output()
        .with_context(|| format!("could not start {:?}", cmd.get_program()))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        return Ok(Ok(stdout));
    }
    let text = format!("{}\n{stdout}", String::from_utf8_lossy(&out.stderr));
    let (shown, more) = first_error_lines(&text);
    Ok(Err(format!(
        "{shown}{} ({})",
        if more > 0 {
            format!(" (+{more} more lines)")
        } else {
            String::new()
        },
        out.status
    )))
}

/// The first error line of `text` and the one after it, joined by " / ", and
/// how many non-empty lines follow them: the first error line names the
/// cause; what follows is often its cascade. No error line: the last line.
pub(super) fn first_error_lines(text: &str) -> (String, usize) {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let first = lines
        .iter()
        .position(|l| l.to_lowercase().contains("error"))
        .unwrap_or(lines.len().saturating_sub(1));
    let shown: Vec<&str> = lines[first..].iter().take(2).copied().collect();
    let more = (lines.len() - first).saturating_sub(shown.len());
    (shown.join(" / "), more)
}

/// A peer's raw wasm32 build through our wasm-bindgen and `wasm-opt -Oz` into
/// `dir` (cached by its bytes), for sizing beside ours; the `_bg.wasm` path.
pub(super) fn sized_wasm(
    js: &JsBench,
    raw: &Utf8Path,
    stem: &str,
    dir: &Utf8Path,
) -> Result<Utf8PathBuf> {
    let wasm = dir.join(format!("{stem}_bg.wasm"));
    cached(dir, raw, "wasm-bindgen, wasm-opt -Oz", || {
        npm::wasm_bindgen(raw, stem, dir)?;
        npm::wasm_opt(&js.tools, &wasm)
    })?;
    Ok(wasm)
}

/// `boltffi pack wasm --release`, as BoltFFI's docs say, with its outputs
/// redirected under target/bench/peers/boltffi by an overlay (the CLI's own
/// `--overlay`), so nothing is written into benches/.
pub(super) fn boltffi(ws: &Workspace, js: &JsBench, tools: &Utf8Path) -> Result<Peer> {
    let mut peer = Peer {
        name: "BoltFFI 0.32.1",
        ..Default::default()
    };
    let crate_dir = ws.path(BOLTFFI_DIR);
    let work = ws.target_dir().join("bench/peers/boltffi");
    let target = work.join("target");
    let overlay = work.join("overlay.toml");
    ws_fs::create_dir_all(&work)?;
    // The generated code imports @boltffi/runtime: ask the registry for it, as
    // installing the package would.
    peer.runtime = Some(
        match run(crate::npm::NPM.command()?.current_dir(&work).args([
            "view",
            "@boltffi/runtime",
            "version",
        ]))? {
            Ok(v) if !v.trim().is_empty() => Outcome::Ok(format!("@boltffi/runtime {}", v.trim())),
            Ok(_) => Outcome::Failed("`npm view @boltffi/runtime` printed no version".into()),
            // The 404 names the registry's address; the code says it all.
            Err(error) if error.contains("E404") => Outcome::Failed(
                "`npm view @boltffi/runtime`: E404, the registry has no such package".into(),
            ),
            Err(error) => Outcome::Failed(format!("`npm view @boltffi/runtime`: {error}")),
        },
    );
    // @types/node for the pack's tsc step, from the committed lock file; tsc
    // finds it in a parent of the pack's staging directory.
    for file in ["package.json", "package-lock.json"] {
        ws_fs::copy(&crate_dir.join(file), &work.join(file))?;
    }
    crate::workspace::exec(crate::npm::NPM.command()?.current_dir(&work).args([
        "ci",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ]))
    .with_context(|| format!("npm ci in {work} (benches/peers/boltffi/package-lock.json)"))?;
    ws_fs::write(
        &overlay,
        format!(
            "[targets.wasm.typescript]\noutput = {:?}\n\n[targets.wasm.npm]\noutput = {:?}\n",
            work.join("ts").as_str(),
            work.join("pkg").as_str()
        ),
    )?;
    // tsc and wasm-opt, which the pack runs, from tests/js; the CLIs from tools.
    let path = std::env::join_paths(
        [tools.to_owned(), js.tools.join("node_modules/.bin")]
            .into_iter()
            .map(std::path::PathBuf::from)
            .chain(std::env::split_paths(
                &std::env::var_os("PATH").unwrap_or_default(),
            )),
    )?;
    eprintln!("   boltffi pack wasm --release in {BOLTFFI_DIR}");
    let packed = run(Command::new(tools.join("boltffi"))
        .current_dir(&crate_dir)
        .env("PATH", &path)
        .env("CARGO_TARGET_DIR", &target)
        .env("BOLTFFI_WASM_BINDGEN", tools.join("wasm-bindgen"))
        .arg("--overlay")
        .arg(&overlay)
        .args(["pack", "wasm", "--release"]))?;
    let package = work.join("pkg");
    let packaged_wasm = package.join(format!("{BOLTFFI_STEM}_bg.wasm"));
    match packed {
        Ok(_) if packaged_wasm.is_file() => {
            peer.build = Outcome::Ok("`boltffi pack wasm --release`".into());
            peer.wasm = Some(packaged_wasm);
            peer.wasm_note = "its package's".into();
        }
        Ok(_) => {
            peer.build = Outcome::Failed(format!("the pack wrote no {packaged_wasm}"));
        }
        Err(error) => peer.build = Outcome::Failed(format!("`boltffi pack wasm`: {error}")),
    }
    if peer.wasm.is_none() {
        // The pack builds the .wasm before it fails: measure that, treated as ours is.
        let raw = target.join(format!(
            "wasm32-unknown-unknown/release/{BOLTFFI_STEM}.wasm"
        ));
        if raw.is_file() {
            peer.wasm = Some(sized_wasm(js, &raw, BOLTFFI_STEM, &work.join("wasm-opt"))?);
            peer.wasm_note = "its cargo build (by the pack) through wasm-bindgen and \
                              `wasm-opt -Oz`, as ours is, since the pack did not finish"
                .into();
        }
    }
    if peer.build_ok() {
        peer.node = load_in_node(&package, &work.join("node-project"))?;
    }
    Ok(peer)
}

impl Peer {
    pub(super) fn build_ok(&self) -> bool {
        matches!(self.build, Outcome::Ok(_))
    }
}

/// Installs the package directory into a scratch project as a user would
/// (npm install, which fetches its dependencies) and imports it in Node.
fn load_in_node(package: &Utf8Path, project: &Utf8Path) -> Result<Outcome> {
    ws_fs::remove_dir_all(project)?;
    ws_fs::create_dir_all(project)?;
    ws_fs::write(
        &project.join("package.json"),
        "{ \"private\": true, \"type\": \"module\" }\n",
    )?;
    let installed = run(crate::npm::NPM
        .command()?
        .current_dir(project)
        .args(["install", "--no-audit", "--no-fund", "--loglevel=error"])
        .arg(package))?;
    if let Err(error) = installed {
        return Ok(Outcome::Failed(format!(
            "npm install of its package: {error}"
        )));
    }
    let name: serde_json::Value =
        serde_json::from_str(&ws_fs::read_to_string(&package.join("package.json"))?)?;
    let name = name["name"].as_str().unwrap_or_default().to_owned();
    let loaded = run(NODE
        .command()?
        .current_dir(project)
        .args(["--input-type=module", "-e"])
        .arg(format!(
            "const m = await import({name:?}); console.log(m.version());"
        )))?;
    Ok(match loaded {
        Ok(out) => Outcome::Ok(format!("version() = {}", out.trim())),
        Err(error) => Outcome::Failed(format!("import: {error}")),
    })
}

#[derive(Deserialize)]
struct FileSize {
    bytes: u64,
    gzip: u64,
}

/// The peers' table: what built and loaded; each .wasm beside ours.
pub(super) fn peers_section(ws: &Workspace, js: &JsBench, peers: &[Peer]) -> Result<Section> {
    let mut args = vec![format!("ours={}", js.sdk_wasm)];
    for (i, p) in peers.iter().enumerate() {
        if let Some(w) = &p.wasm {
            args.push(format!("peer{i}={w}"));
        }
    }
    let sizes: BTreeMap<String, FileSize> = js_json(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("benches/js/peer-sizes.mjs"))
            .args(&args),
        "benches/js/peer-sizes.mjs",
    )?;
    let kb = |b: u64| b as f64 / 1024.0;
    let ours = sizes
        .get("ours")
        .context("peer-sizes.mjs printed no `ours`")?;
    let mut section =
        Section::new("JS peer generators on the same core: what built, what loaded, .wasm sizes");
    let mut table = String::from(
        "| peer | its runtime package on the registry | built | loads in Node | loads in workerd |\n|---|---|---|---|---|\n",
    );
    for (i, p) in peers.iter().enumerate() {
        table += &format!(
            "| {} | {} | {} | {} | {} |\n",
            p.name,
            p.runtime
                .as_ref()
                .map_or("none needed".into(), |r| r.cell().replace('|', "\\|")),
            p.build.cell().replace('|', "\\|"),
            p.node.cell().replace('|', "\\|"),
            p.workerd.cell().replace('|', "\\|"),
        );
        if let Some(size) = sizes.get(&format!("peer{i}")) {
            section.rows.push(
                Row::single(
                    format!(".wasm, raw: {}", p.name),
                    kb(size.bytes),
                    Unit::KiloBytes,
                )
                .against("ours", kb(ours.bytes)),
            );
            section.rows.push(
                Row::single(
                    format!(".wasm, gzipped: {}", p.name),
                    kb(size.gzip),
                    Unit::KiloBytes,
                )
                .against("ours", kb(ours.gzip)),
            );
            section
                .notes
                .push(format!("{}'s .wasm is {}.", p.name, p.wasm_note));
        }
    }
    section.rows.push(Row::single(
        ".wasm, raw: ours (the package's)",
        kb(ours.bytes),
        Unit::KiloBytes,
    ));
    section.rows.push(Row::single(
        ".wasm, gzipped: ours (the package's)",
        kb(ours.gzip),
        Unit::KiloBytes,
    ));
    section.notes.insert(0, table);
    section.notes.push(
        "Each peer exports benches/peers/README.md's API over crates/joyous-departures \
         (without its `ffi` feature), in a Cargo workspace of its own with a committed \
         lock file, built with the workspace's release profile; gzip is zlib level 9. \
         \"ratio\" is the peer's size over ours."
            .into(),
    );
    Ok(section)
}
