//! `cargo xtask bench`: what each binding costs beside what a user would write
//! by hand (benches/pyo3-baseline for Python, benches/wasm-baseline for Node
//! and workerd, driven by the scripts in benches/js) and beside the core
//! itself (benches/core-bench); cold starts, sizes (with a profile of the
//! .wasm) and `cargo xtask verify`'s time. Prints a table; writes
//! target/bench/report.md, report.json and report.svg (a chart of the ratios). docs/performance.md reads a run.
//!
//! A report is a list of [`report::Section`]s of [`report::Row`]s, one module
//! per concern; a runtime adds its own section (a function returning a
//! `Section`) to [`run`]. Targets are goals
//! printed beside the figures, never asserted: a missed target is a finding,
//! explained by the profile printed under it.

mod chart;
mod cold;
mod core;
mod js;
mod peers;
mod peers_ours;
mod peers_profile;
mod peers_python;
mod peers_ubrn;
mod python;
mod report;
mod sizes;
mod tooling;

use anyhow::{Context, Result};

use crate::npm::NODE;
use crate::prereqs::{self, Need};
use crate::workspace::{capture, Steps, Workspace};
use js::{js_json, JsRuntime, JsTimings};
use report::Report;

pub fn run(ws: &Workspace, quick: bool) -> Result<()> {
    let steps = Steps::new([
        ("core", "timing the core natively (release build of benches/core-bench)"),
        ("wheels", "building the wheel (UniFFI) and the PyO3 baseline wheel (release)"),
        ("venv", "installing both wheels into a fresh venv"),
        ("python", "timing Python: generated bindings and PyO3 baseline in alternating rounds"),
        ("profile", "profiling the generated bindings where a target is missed"),
        (
            "python-peer",
            "timing the pure-Python joyous-departures 2.0.1 in its own venv (target/bench/pure-venv)",
        ),
        (
            "npm",
            "building the npm package and the wasm-bindgen baseline (wasm32 wasm-release, shrink, wasm-opt -Oz); \
             installing the package by name into target/bench/npm",
        ),
        (
            "node",
            "timing Node: the package (imported by name) and the baseline's exports in alternating batches",
        ),
        ("workerd", "timing workerd (Miniflare): the package and the baseline in one Worker"),
        ("cold", "cold starts: a fresh node process, a fresh Miniflare per sample"),
        ("sizes", "sizes, and a size profile of the package's .wasm"),
        (
            "peer-tools",
            "installing the peers' CLIs (boltffi_cli 0.32.1, wasm-bindgen-cli 0.2.130) into target/bench/tools (once)",
        ),
        (
            "boltffi",
            "BoltFFI: `boltffi pack wasm --release` on benches/peers/boltffi, then its package in Node",
        ),
        (
            "ubrn",
            "uniffi-bindgen-react-native 0.31.0-5: `ubrn build web --release` on a copy of benches/peers/ubrn in target/bench/peers/ubrn",
        ),
        (
            "peers-ours",
            "the peer cases: `joyous-bindgen build` on benches/peers/ours (from outside the repository), installed by name into target/bench/peers/ours/project",
        ),
        ("peers-node", "timing Node: the peer cases, ours vs the wasm-bindgen baseline in alternating batches"),
        ("peers-workerd", "timing workerd (Miniflare): the peer cases, ours vs the baseline in one Worker"),
        (
            "peers-profile",
            "profiling the peer cases ours misses in Node (V8's CPU profiler; `joyous-bindgen build --profiling`)",
        ),
        ("verify", "timing `cargo xtask verify` with nothing changed (a subprocess per run)"),
    ]);
    // Before anything compiles: no build wasted on a missing venv module or Node.
    prereqs::ensure(&[Need::PythonVenv, Need::Node])?;

    steps.start("core");
    let core = core::core_timings(ws, quick)?;

    steps.start("wheels");
    let wheel = crate::dist::build_wheel(ws)?;
    let baseline_wheel = python::build_pyo3_baseline(ws)?;

    steps.start("venv");
    let venv = python::bench_venv(ws, &[&wheel, &baseline_wheel])?;

    steps.start("python");
    let python: python::PythonTimings = serde_json::from_str(
        &capture(&mut python::bench_py(ws, &venv, quick)).context("benches/python/bench.py")?,
    )
    .context("reading bench.py's JSON")?;
    let (mut python_section, missed) = python::python_section(&python, &core)?;

    steps.start("profile");
    for case in missed {
        let profile: python::PythonProfile = serde_json::from_str(
            &capture(python::bench_py(ws, &venv, quick).args(["--profile", case, "--top", "8"]))
                .with_context(|| format!("benches/python/bench.py --profile {case}"))?,
        )
        .context("reading bench.py's profile JSON")?;
        python_section.notes.push(profile.to_markdown());
    }

    steps.start("python-peer");
    let pure_venv = peers_python::pure_venv(ws)?;
    let pure = peers_python::pure_timings(ws, &pure_venv, quick)?;
    let pure_section = peers_python::pure_section(&python, &pure)?;

    steps.start("npm");
    let js = js::js_setup(ws)?;

    steps.start("node");
    let node: JsTimings = js_json(
        NODE.command()?
            .current_dir(&js.project)
            .arg(js.project.join("bench/node-bench.mjs"))
            .args(quick.then_some("--quick")),
        "bench/node-bench.mjs",
    )?;

    let asynchronous: js::AsyncTimings = js_json(
        NODE.command()?
            .current_dir(&js.project)
            .arg(js.project.join("bench/async-bench.mjs"))
            .args(quick.then_some("--quick")),
        "bench/async-bench.mjs",
    )?;

    steps.start("workerd");
    let workerd: JsTimings = js_json(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("benches/js/workerd-bench.mjs"))
            .arg(&js.project)
            .args(quick.then_some("--quick")),
        "benches/js/workerd-bench.mjs",
    )?;

    steps.start("cold");
    let cold: cold::ColdStarts = js_json(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("benches/js/cold.mjs"))
            .arg(&js.project)
            .args(quick.then_some("--quick")),
        "benches/js/cold.mjs",
    )?;

    steps.start("sizes");
    let wasm = sizes::wasm_sizes(ws, &js)?;

    steps.start("peer-tools");
    let peer_tools = peers::install_tools(ws)?;

    steps.start("boltffi");
    let boltffi = peers::boltffi(ws, &js, &peer_tools)?;
    steps.start("ubrn");
    let ubrn = peers_ubrn::ubrn(ws, &js)?;
    // Only where its own build failed: then the deviation, labelled as such.
    let ubrn_bundle = if ubrn.build_ok() {
        None
    } else {
        peers_ubrn::deviation(ws, &js, &peer_tools)?
    };
    steps.start("peers-ours");
    let peer_project = peers_ours::setup(ws, &js, peers_ours::Build::Shipped)?;
    let ours_peer = peers_ours::as_peer(&peer_project)?;
    let peers_section = peers::peers_section(ws, &js, &[ours_peer, boltffi, ubrn])?;

    steps.start("peers-node");
    let mut peers_node = peers_ours::section(&peers_ours::node_timings(
        &peer_project,
        ubrn_bundle.as_deref(),
        quick,
    )?)?;
    steps.start("peers-workerd");
    let peers_workerd =
        peers_ours::section(&peers_ours::workerd_timings(ws, &peer_project, quick)?)?;

    steps.start("peers-profile");
    let missed = peers_ours::missed(&peers_node);
    if missed.is_empty() {
        eprintln!("   every peer case met its target in Node: nothing to profile");
    } else {
        let project = peers_ours::setup(ws, &js, peers_ours::Build::Profiling)?;
        let profile = peers_profile::profile(&project, &missed, quick)?;
        peers_node.notes.extend(profile.to_markdown()?);
    }

    steps.start("verify");
    let verify = tooling::verify_timings(ws, if quick { 1 } else { 3 })?;

    let report = Report {
        title: "cargo xtask bench".into(),
        quick,
        sections: vec![
            core::core_section(&core)?,
            python_section,
            pure_section,
            js::js_section(&node, &core, JsRuntime::Node)?,
            js::js_section(&workerd, &core, JsRuntime::Workerd)?,
            js::async_section(&asynchronous)?,
            cold::cold_section(&cold)?,
            sizes::size_section(&venv, &wheel, &baseline_wheel, &js, &wasm)?,
            peers_section,
            peers_node,
            peers_workerd,
            tooling::tooling_section(verify),
        ],
    };
    print!("{}", report.sections_markdown());
    let (md, json) = report.write(&ws.path("target/bench"))?;
    let svg = ws.path("target/bench/report.svg");
    crate::workspace::write(&svg, chart::svg(&report))?;
    eprintln!("wrote {md}, {json} and {svg}");
    Ok(())
}
