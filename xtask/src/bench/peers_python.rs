//! The pure-Python `joyous-departures` 2.0.1 (what Python users install
//! today) beside our UniFFI wheel and the PyO3 baseline, on the calls all
//! three have. It shares our wheel's import name, so it runs in a venv and a
//! process of its own (benches/python/pure_bench.py, same timing method).

use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::python::PythonTimings;
use super::report::{Row, Section, Stats, Unit};
use crate::python::Venv;
use crate::workspace::{self as ws_fs, capture, Workspace};

const REQUIREMENTS: &str = "benches/python/pure-requirements.txt";

#[derive(Deserialize)]
pub(super) struct PureTimings {
    package: String,
    /// case -> `pure` -> stats in µs.
    results: BTreeMap<String, BTreeMap<String, Stats>>,
}

/// (case as bench.py and pure_bench.py name it, row name).
const CASES: [(&str, &str); 2] = [
    ("generate_goodbye/defaults", "a default goodbye"),
    (
        "generate_goodbye/name_location",
        "a goodbye with name and location",
    ),
];

/// target/bench/pure-venv with the pinned package, installed again only when
/// the requirements file changes.
pub(super) fn pure_venv(ws: &Workspace) -> Result<Venv> {
    let dir = ws.target_dir().join("bench/pure-venv");
    let requirements = ws.path(REQUIREMENTS);
    let wanted = ws_fs::read_to_string(&requirements)?;
    let stamp = dir.join(".installed-requirements");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(Venv { dir });
    }
    let venv = Venv::create(&dir)?;
    venv.pip_install(&["-r", requirements.as_str()])
        .with_context(|| format!("installing {REQUIREMENTS} into {dir}"))?;
    ws_fs::write(&stamp, wanted)?;
    Ok(venv)
}

pub(super) fn pure_timings(ws: &Workspace, venv: &Venv, quick: bool) -> Result<PureTimings> {
    let mut cmd = venv.python();
    cmd.current_dir(&ws.root)
        .arg(ws.path("benches/python/pure_bench.py"))
        .args(quick.then_some("--quick"));
    serde_json::from_str(&capture(&mut cmd).context("benches/python/pure_bench.py")?)
        .context("reading pure_bench.py's JSON")
}

pub(super) fn pure_section(ours: &PythonTimings, pure: &PureTimings) -> Result<Section> {
    let mut section = Section::new(format!(
        "Python peers: our UniFFI wheel and the PyO3 baseline vs the pure-Python {}, per call",
        pure.package
    ));
    for (case, name) in CASES {
        let theirs = pure
            .results
            .get(case)
            .and_then(|sides| sides.get("pure"))
            .copied()
            .with_context(|| format!("pure_bench.py printed no `{case}`"))?;
        let side = |s: &str| {
            ours.results
                .get(case)
                .and_then(|sides| sides.get(s))
                .copied()
                .with_context(|| format!("bench.py printed no `{case}` for {s}"))
        };
        let peer = format!("pure {}", pure.package);
        section.rows.push(
            Row::timed(
                format!("{name}: ours (UniFFI)"),
                side("uniffi")?,
                Unit::Micros,
            )
            .against(&peer, theirs.median),
        );
        section.rows.push(
            Row::timed(
                format!("{name}: PyO3 baseline"),
                side("pyo3")?,
                Unit::Micros,
            )
            .against(&peer, theirs.median),
        );
        section
            .rows
            .push(Row::timed(format!("{name}: {peer}"), theirs, Unit::Micros));
    }
    section.notes.push(
        "benches/python/pure_bench.py: the library's `generate_goodbye_sync` (its \
         `generate_goodbye` is a coroutine around it), timed by the same timeit rounds \
         (benches/python/timing.py) in its own venv and process, since it has our \
         wheel's import name; so it is not interleaved with the other two, which are. \
         It cannot be seeded, so its output is checked against its own corpus instead \
         of against ours; its corpus and rules differ from the core's."
            .into(),
    );
    Ok(section)
}
