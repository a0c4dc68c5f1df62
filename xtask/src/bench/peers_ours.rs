//! Our generator on the peer cases (benches/peers/README.md): benches/peers/ours,
//! a UniFFI crate over the same core, built into an npm package by
//! `joyous-bindgen build` run from outside the repository as a stranger runs it,
//! installed by name, then timed against the hand-written wasm-bindgen baseline
//! (benches/wasm-baseline) in Node and in workerd (benches/js/peer-*.mjs).

use anyhow::{ensure, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::js::{js_json, JsBench, BASELINE_STEM, JS_TARGET};
use super::report::{Row, Section, Stats, Unit};
use crate::npm::{self, NODE};
use crate::workspace::{self as ws_fs, Workspace};

const CRATE_DIR: &str = "benches/peers/ours";
/// Its npm name (`[package.metadata.joyous-bindgen] npm-name` in its Cargo.toml).
const NPM_NAME: &str = "joyous-peer-ours";

/// (case as benches/js/peer-cases.mjs names it): the order of the table.
const CASES: [&str; 7] = [
    "version",
    "generate_goodbye(name, location, seed)",
    "generate_batch(1000): 1,000 records out",
    "total_text_bytes: 1,000 records in",
    "echo: 1 KB string round trip",
    "callback: one JS call from Rust",
    "async: echo of a 40-char string, awaited",
];

/// Which build of both sides a project holds.
#[derive(Clone, Copy)]
pub(super) enum Build {
    /// What ships: timed.
    Shipped,
    /// The same code with the .wasm files' names kept (`joyous-bindgen build
    /// --profiling`; the baseline's `wasm-opt -Oz -g` build): profiled.
    Profiling,
}

/// target/bench/peers/ours/project (or profile-project): our peer package
/// installed by name, with benches/js in bench/ and the baseline's glue in
/// bench/baseline/.
pub(super) fn setup(ws: &Workspace, js: &JsBench, build: Build) -> Result<Utf8PathBuf> {
    let bindgen = crate::outside::bindgen_binary(ws)?;
    let work = ws.target_dir().join("bench/peers/ours");
    let (dist, project, flags, baseline) = match build {
        Build::Shipped => ("dist", "project", &[][..], js.project.join("bench/baseline")),
        Build::Profiling => {
            let named = ws.target_dir().join("bench/wasm-profile/baseline");
            super::sizes::named_build(js, &js.baseline_raw, BASELINE_STEM, &named)?;
            ("profile-dist", "profile-project", &["--profiling"][..], named)
        }
    };
    let out_dir = Utf8PathBuf::try_from(std::path::absolute(work.join(dist))?)?;
    ws_fs::remove_dir_all(&out_dir)?;
    let tarball = crate::outside::build_outside(ws, &bindgen, &ws.path(CRATE_DIR), &out_dir, flags)?;

    let project = work.join(project);
    npm::install_tarballs(&project, &[(NPM_NAME, tarball)])?;
    let bench = project.join("bench");
    npm::copy_dir(&ws.path("benches/js"), &bench)?;
    npm::copy_dir(&baseline, &bench.join("baseline"))?;
    Ok(project)
}

/// Our peer package as a row of the peers' table: the same API as theirs, so
/// its .wasm is the like-for-like size.
pub(super) fn as_peer(project: &Utf8Path) -> Result<super::peers::Peer> {
    use super::peers::{Outcome, Peer};
    let wasm = project
        .join("node_modules")
        .join(NPM_NAME)
        .join("dist/wasm/joyous_peer_ours_wasm_bg.wasm");
    ensure!(wasm.is_file(), "the installed {NPM_NAME} has no {wasm}");
    Ok(Peer {
        name: "ours: benches/peers/ours, UniFFI 0.32.2 + joyous-bindgen",
        wasm: Some(wasm),
        wasm_note: "its package's, as installed".into(),
        runtime: None,
        build: Outcome::Ok("`joyous-bindgen build`, from outside the repository".into()),
        node: Outcome::Ok("imported by name; timed below".into()),
        workerd: Outcome::Ok("bundled by name into a Worker; timed below".into()),
    })
}

#[derive(Deserialize)]
pub(super) struct PeerTimings {
    runtime: String,
    /// case -> side (`ours`, `baseline`) -> stats in µs.
    results: BTreeMap<String, BTreeMap<String, Stats>>,
    /// case -> calls per timed batch.
    calls: BTreeMap<String, u64>,
}

/// With `ubrn` (peers_ubrn::deviation's bundle), uniffi-bindgen-react-native
/// is timed as a third side on the cases it has.
pub(super) fn node_timings(
    project: &Utf8Path,
    ubrn: Option<&Utf8Path>,
    quick: bool,
) -> Result<PeerTimings> {
    let mut cmd = NODE.command()?;
    cmd.current_dir(project)
        .arg(project.join("bench/peer-node-bench.mjs"))
        .args(quick.then_some("--quick"));
    if let Some(bundle) = ubrn {
        cmd.arg("--ubrn").arg(bundle);
    }
    js_json(&mut cmd, "bench/peer-node-bench.mjs")
}

pub(super) fn workerd_timings(
    ws: &Workspace,
    project: &Utf8Path,
    quick: bool,
) -> Result<PeerTimings> {
    // The bundler and Miniflare come from tests/js/node_modules.
    npm::tools(ws)?;
    js_json(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("benches/js/workerd-bench.mjs"))
            .arg(project)
            .args(["--worker", "peer-worker.mjs"])
            .args(quick.then_some("--quick")),
        "benches/js/workerd-bench.mjs --worker peer-worker.mjs",
    )
}

/// The cases whose `ours` row in `section` (this module's table) missed
/// [`JS_TARGET`]: the table's own verdict.
pub(super) fn missed(section: &Section) -> Vec<&'static str> {
    CASES
        .into_iter()
        .filter(|case| {
            let name = format!("{case}: ours");
            section.rows.iter().any(|row| row.name == name && row.target_met == Some(false))
        })
        .collect()
}

/// One runtime's table: ours against the baseline on every peer case.
pub(super) fn section(timings: &PeerTimings) -> Result<Section> {
    let mut section = Section::new(format!(
        "{}: the peer cases, our generator (benches/peers/ours via joyous-bindgen build) vs hand-written wasm-bindgen, per call",
        timings.runtime
    ));
    for case in CASES {
        let sides = timings
            .results
            .get(case)
            .with_context(|| format!("{} printed no peer case `{case}`", timings.runtime))?;
        let side = |s: &str| {
            sides
                .get(s)
                .copied()
                .with_context(|| format!("{} printed no `{case}` for {s}", timings.runtime))
        };
        let (ours, baseline) = (side("ours")?, side("baseline")?);
        section.rows.push(
            Row::timed(format!("{case}: ours"), ours, Unit::Micros)
                .against("baseline", baseline.median)
                .target(JS_TARGET),
        );
        section.rows.push(Row::timed(
            format!("{case}: baseline"),
            baseline,
            Unit::Micros,
        ));
        if let Some(ubrn) = sides.get("ubrn").copied() {
            section.rows.push(
                Row::timed(format!("{case}: ubrn (deviation)"), ubrn, Unit::Micros)
                    .against("baseline", baseline.median),
            );
            section.rows.push(
                Row::timed(format!("{case}: ours, vs ubrn"), ours, Unit::Micros)
                    .against("ubrn (deviation)", ubrn.median),
            );
        }
    }
    if timings.results.values().any(|s| s.contains_key("ubrn")) {
        section.notes.push(
            "\"ubrn (deviation)\" is uniffi-bindgen-react-native 0.31.0-5's web package for \
             benches/peers/ubrn, which its own `ubrn build web` cannot finish: the bench runs \
             wasm-bindgen 0.2.130 (the core's) with ubrn's own arguments on the wasm crate ubrn \
             built, and bundles ubrn's TypeScript by esbuild with `@ubjs/core` aliased to the \
             runtime inside the CLI's npm package, since the registry's newest @ubjs/core \
             (0.31.0-3) lacks the converters the generated code calls (every record crossing \
             throws `TypeError: this.write is not a function`). Node only: the bundle compiles \
             its .wasm from bytes at run time, which workerd refuses. This crate gives it no \
             async function or callback."
                .into(),
        );
    }
    let calls: Vec<String> = timings
        .calls
        .iter()
        .map(|(case, n)| format!("{case} {n}"))
        .collect();
    section.notes.push(format!(
        "benches/js/peer-cases.mjs: the same functions as benches/peers/boltffi, called as a \
         user of each would (ours: a `GoodbyeArgs` object, records as plain objects; the \
         baseline: flat arguments, records built by a one-line JS helper and read through \
         imported getters, since it has neither serde-wasm-bindgen nor js-sys), results \
         checked equal first; both sides in alternating batches of the same number of calls \
         ({}), medians of the batches. The records-in case passes the same 1,000 records \
         each call. The callback is `{{ shout: (t) => t.toUpperCase() }}` on both sides. \
         The async case awaits each call: ours is a UniFFI async fn (the future protocol); \
         the baseline has no wasm-bindgen-futures, so its side is its sync `echo` behind an \
         `async` JS arrow. Target: ours within 1.2× of the baseline.",
        calls.join(", ")
    ));
    Ok(section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missed_are_the_cases_whose_ours_row_missed_the_target() {
        let stats = |median| Stats { median, min: median, max: median };
        let mut section = Section::new(String::from("t"));
        for (case, ours) in [(CASES[0], 1.3), (CASES[1], 1.1), (CASES[2], 2.0)] {
            section.rows.push(
                Row::timed(format!("{case}: ours"), stats(ours), Unit::Micros)
                    .against("baseline", 1.0_f64)
                    .target(JS_TARGET),
            );
            section.rows.push(Row::timed(format!("{case}: baseline"), stats(1.0), Unit::Micros));
        }
        assert_eq!(missed(&section), vec![CASES[0], CASES[2]]);
    }
}
