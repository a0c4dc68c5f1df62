//! uniffi-bindgen-react-native 0.31.0-5's web target as a bench step:
//! benches/peers/ubrn's npm project copied to target/bench/peers/ubrn, its
//! pinned CLI installed by `npm ci`, then `ubrn build web --release` as its
//! docs say. What it printed is the result; where it built a .wasm but no
//! package, that .wasm is sized as BoltFFI's is (wasm-bindgen, `wasm-opt -Oz`).

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;

use super::js::JsBench;
use super::peers::{Outcome, Peer};
use crate::npm;
use crate::workspace::{self as ws_fs, Workspace};

const UBRN_DIR: &str = "benches/peers/ubrn";
/// The wasm crate ubrn generates (ubrn.config.yaml `wasmCrateName`), as a file stem.
const UBRN_WASM_STEM: &str = "joyous_peer_ubrn_wasm";
const UBRN_VERSION: &str = "0.31.0-5";

pub(super) fn ubrn(ws: &Workspace, js: &JsBench) -> Result<Peer> {
    let mut peer = Peer {
        name: "uniffi-bindgen-react-native 0.31.0-5 (web)",
        ..Default::default()
    };
    let crate_dir = ws.path(UBRN_DIR);
    let work = ws.target_dir().join("bench/peers/ubrn");
    ws_fs::create_dir_all(&work)?;
    for file in ["package.json", "package-lock.json", "ubrn.config.yaml"] {
        ws_fs::copy(&crate_dir.join(file), &work.join(file))?;
    }
    // The CLI compiles itself (cargo, debug) into its own node_modules
    // directory on first use, for about 20 minutes here: `npm ci` would delete
    // that, so it runs only when the pinned CLI is not installed yet.
    let installed =
        ws_fs::read_to_string(&work.join("node_modules/uniffi-bindgen-react-native/package.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .is_some_and(|p| p["version"] == UBRN_VERSION);
    if !installed {
        crate::workspace::exec(npm::NPM.command()?.current_dir(&work).args([
            "ci",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ]))
        .with_context(|| format!("npm ci in {work} (benches/peers/ubrn/package-lock.json)"))?;
    }
    // The runtime its generated TypeScript imports, pinned in the lock file.
    let runtime = ws_fs::read_to_string(&work.join("node_modules/@ubjs/core/package.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|p| p["version"].as_str().map(str::to_owned));
    peer.runtime = Some(match runtime {
        Some(v) => Outcome::Ok(format!("@ubjs/core {v}, installed by `npm ci`")),
        None => Outcome::Failed("`npm ci` installed no @ubjs/core".into()),
    });
    eprintln!("   ubrn build web --config ubrn.config.yaml --release in {work} (minutes)");
    let out = Command::new(work.join("node_modules/.bin/ubrn"))
        .current_dir(&work)
        .args(["build", "web", "--config", "ubrn.config.yaml", "--release"])
        .output()
        .with_context(|| format!("could not start {work}/node_modules/.bin/ubrn"))?;
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    ws_fs::write(&work.join("build-web.log"), &text)?;
    let package = work.join("src/generated/wasm-bindgen/index_bg.wasm");
    peer.build = if out.status.success() && package.is_file() {
        peer.wasm = Some(package);
        peer.wasm_note = "its package's".into();
        Outcome::Ok("`ubrn build web --release`".into())
    } else {
        Outcome::Failed(format!(
            "`ubrn build web --release`: {} ({}; the whole output in target/bench/peers/ubrn/build-web.log)",
            summary(&text),
            out.status
        ))
    };
    if peer.wasm.is_none() {
        let raw = work.join(format!(
            "rust_modules/wasm/target/wasm32-unknown-unknown/release/{UBRN_WASM_STEM}.wasm"
        ));
        if raw.is_file() {
            peer.wasm = Some(super::peers::sized_wasm(
                js,
                &raw,
                UBRN_WASM_STEM,
                &work.join("wasm-opt"),
            )?);
            peer.wasm_note = "the wasm crate it generated and built, through our wasm-bindgen \
                              0.2.130 and `wasm-opt -Oz` as ours is, since its own wasm-bindgen \
                              step failed"
                .into();
        }
    }
    // Nothing to load as built: the package's TypeScript imports the
    // wasm-bindgen output that was never written.
    Ok(peer)
}

/// The labelled deviation, where `ubrn build web` failed at its wasm-bindgen:
/// the wasm crate it built, through wasm-bindgen 0.2.130 (the core's, from
/// `tools`) with ubrn's own arguments into the directory its TypeScript
/// imports, then its `src/index.web.ts` bundled for Node by esbuild with
/// `@ubjs/core` aliased to the CLI package's own runtime (the registry's
/// newest @ubjs/core, 0.31.0-3, lacks the `readFromCursor`/`writeIntoCursor`
/// converters 0.31.0-5's generated code calls, so every record crossing
/// throws). Returns the bundle (it exports the API and `uniffiInitAsync`).
pub(super) fn deviation(
    ws: &Workspace,
    js: &JsBench,
    tools: &Utf8Path,
) -> Result<Option<Utf8PathBuf>> {
    let work = ws.target_dir().join("bench/peers/ubrn");
    let raw = work.join(format!(
        "rust_modules/wasm/target/wasm32-unknown-unknown/release/{UBRN_WASM_STEM}.wasm"
    ));
    if !raw.is_file() || !work.join("src/index.web.ts").is_file() {
        return Ok(None);
    }
    eprintln!("   deviation: wasm-bindgen 0.2.130 on ubrn's wasm crate, esbuild with @ubjs/core -> its CLI's runtime");
    let out = work.join("src/generated/wasm-bindgen");
    crate::workspace::exec(
        Command::new(tools.join("wasm-bindgen"))
            .args([
                "--target",
                "web",
                "--omit-default-module-path",
                "--out-name",
                "index",
            ])
            .arg("--out-dir")
            .arg(&out)
            .arg(&raw),
    )
    .with_context(|| format!("wasm-bindgen 0.2.130 on {raw}"))?;
    let bundle = work.join("deviation/ubrn.mjs");
    crate::workspace::exec(
        Command::new(js.tools.join("node_modules/.bin/esbuild"))
            .current_dir(&work)
            .args([
                "src/index.web.ts",
                "--bundle",
                "--format=esm",
                "--platform=node",
                "--target=node20",
                "--loader:.wasm=binary",
                "--alias:@ubjs/core=uniffi-bindgen-react-native",
                "--log-level=warning",
            ])
            .arg(format!("--outfile={bundle}")),
    )
    .with_context(|| format!("esbuild on {work}/src/index.web.ts"))?;
    Ok(Some(bundle))
}

/// The lines that say why: wasm-bindgen's two schema versions when that is
/// the failure, else the first line naming an error and the one after it.
fn summary(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let schema: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.contains("schema version:"))
        .collect();
    if !schema.is_empty() {
        return format!("its in-process wasm-bindgen: {}", schema.join("; "));
    }
    super::peers::first_error_lines(text).0
}

#[cfg(test)]
mod tests {
    use super::summary;

    #[test]
    fn summary_names_both_schema_versions() {
        let text = "Running in-process \"wasm-bindgen\"\nError: \n\nit looks like ...\n  rust Wasm file schema version: 0.2.130\n     this binary schema version: 0.2.100\n";
        assert_eq!(
            summary(text),
            "its in-process wasm-bindgen: rust Wasm file schema version: 0.2.130; this binary schema version: 0.2.100"
        );
    }

    #[test]
    fn summary_falls_back_to_the_first_error_line() {
        let text = "Compiling x\nerror[E0432]: unresolved import `y`\n --> src/lib.rs:1\nmore\n";
        assert_eq!(
            summary(text),
            "error[E0432]: unresolved import `y` / --> src/lib.rs:1"
        );
    }
}
