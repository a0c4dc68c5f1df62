//! Python: UniFFI's generated bindings (the wheel) against the hand-written
//! PyO3 baseline (benches/pyo3-baseline), with a cProfile of a missed target.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::core::CoreTimings;
use super::report::{Row, Section, Stats, Target, Unit};
use crate::python::{tools_venv, Venv};
use crate::workspace::Workspace;

#[derive(Deserialize)]
pub(super) struct PythonTimings {
    python: String,
    /// case -> side (`uniffi`, `pyo3`) -> stats in µs (per goodbye for batches).
    pub(super) results: BTreeMap<String, BTreeMap<String, Stats>>,
    /// side -> `import` in a fresh process (`-X importtime`), in ms.
    imports: BTreeMap<String, Stats>,
}

#[derive(Deserialize)]
pub(super) struct PythonProfile {
    case: String,
    statement: String,
    calls: u64,
    profiled_us_per_call: f64,
    ffi_calls_per_call: f64,
    functions: Vec<ProfiledFunction>,
}

#[derive(Deserialize)]
pub(super) struct ProfiledFunction {
    function: String,
    calls_per_call: f64,
    tottime_us_per_call: f64,
    share: f64,
}

impl PythonProfile {
    pub(super) fn to_markdown(&self) -> String {
        let mut out = format!(
            "Profile of the generated bindings on `{}` (cProfile, {} calls of `{}`): \
             {:.0} calls into Rust per call; {:.1} µs a call under the profiler, whose \
             per-call overhead inflates code made of many small calls; a ctypes call into \
             Rust counts in its caller's own time.\n\n\
             | own time | µs/call | calls/call | function |\n|---|---|---|---|\n",
            self.case,
            self.calls,
            self.statement,
            self.ffi_calls_per_call,
            self.profiled_us_per_call
        );
        for f in &self.functions {
            out += &format!(
                "| {:.1}% | {:.2} | {:.1} | `{}` |\n",
                f.share * 100.0,
                f.tottime_us_per_call,
                f.calls_per_call,
                f.function
            );
        }
        out
    }
}

/// (case as bench.py names it, row name, target for the UniFFI row).
pub(super) const PYTHON_CASES: [(&str, &str, Option<Target>); 8] = [
    (
        "generate_goodbye/defaults",
        "generate_goodbye, default options",
        Some(Target::MaxRatio(1.5)),
    ),
    (
        "generate_goodbye/all_variables",
        "generate_goodbye, all four variables",
        Some(Target::MaxRatio(1.5)),
    ),
    ("Generator.generate", "Generator.generate().text", None),
    ("version", "version()", None),
    (
        "generate_goodbye/no_options",
        "generate_goodbye() without options",
        Some(Target::MaxValue(10.0)),
    ),
    // The hot path's working goal: about twice the floor of one ctypes call.
    (
        "Generator.generate_text",
        "Generator.generate_text()",
        Some(Target::MaxValue(5.0)),
    ),
    (
        "Generator.generate_batch/1000",
        "Generator.generate_batch(1000), per goodbye",
        None,
    ),
    // Faster per goodbye than the pure-Python 2.x library's single call.
    (
        "Generator.generate_texts/1000",
        "Generator.generate_texts(1000), per goodbye",
        Some(Target::MaxValue(1.0)),
    ),
];

/// `import joyous_departures`'s goal, in ms.
const IMPORT_TARGET_MS: f64 = 25.0;

/// The section, and the cases whose UniFFI row misses its target.
pub(super) fn python_section(
    python: &PythonTimings,
    core: &CoreTimings,
) -> Result<(Section, Vec<&'static str>)> {
    let mut missed = Vec::new();
    let mut section = Section::new(format!(
        "Python {}: UniFFI-generated bindings vs hand-written PyO3, per call",
        python.python
    ));
    for (case, name, target) in PYTHON_CASES {
        let sides = python
            .results
            .get(case)
            .with_context(|| format!("bench.py printed no `{case}`"))?;
        let side = |s: &str| {
            sides
                .get(s)
                .copied()
                .with_context(|| format!("bench.py printed no `{case}` for {s}"))
        };
        let (uniffi, pyo3) = (side("uniffi")?, side("pyo3")?);
        let mut uniffi_row = Row::timed(format!("{name}: UniFFI"), uniffi, Unit::Micros)
            .against("PyO3", pyo3.median);
        if let Some(target) = target {
            uniffi_row = uniffi_row.target(target);
        }
        if uniffi_row.target_met == Some(false) {
            missed.push(case);
        }
        section.rows.push(uniffi_row);
        let mut pyo3_row = Row::timed(format!("{name}: PyO3"), pyo3, Unit::Micros);
        // core-bench times only the calls without a Python-only shape.
        if let Ok(native) = core.get(case) {
            pyo3_row = pyo3_row.against("core", native.median / 1000.0);
        }
        section.rows.push(pyo3_row);
    }
    let import = |s: &str| {
        python
            .imports
            .get(s)
            .copied()
            .with_context(|| format!("bench.py printed no import time for {s}"))
    };
    let (uniffi, pyo3) = (import("uniffi")?, import("pyo3")?);
    let import_row = Row::timed("import: UniFFI", uniffi, Unit::Millis)
        .target(Target::MaxValue(IMPORT_TARGET_MS))
        .against("PyO3", pyo3.median);
    section.rows.push(import_row);
    section
        .rows
        .push(Row::timed("import: PyO3", pyo3, Unit::Millis));
    section.notes.push(
        "benches/python/bench.py: `timeit` loops of the statement a user writes \
         (options built in the call), the two sides in alternating rounds; \
         \"core\" is the native figure above; batches are per goodbye (a call's time / 1000). \
         Import: `python -X importtime -c 'import …'` in a fresh process per sample, \
         the module's cumulative figure, sides alternating. Targets: generate_goodbye \
         within 1.5× of PyO3; without options within 10 µs; the hot path (a Generator \
         holding its options) within 5 µs; texts in bulk under 1 µs per goodbye (the \
         pure-Python 2.x library's single call is about 1.1 µs); import within 25 ms."
            .into(),
    );
    Ok((section, missed))
}

pub(super) fn bench_py(ws: &Workspace, venv: &Venv, quick: bool) -> std::process::Command {
    let mut cmd = venv.python();
    cmd.current_dir(&ws.root)
        .arg(ws.path("benches/python/bench.py"));
    if quick {
        cmd.arg("--quick");
    }
    cmd
}

/// The PyO3 baseline's wheel in target/bench/wheels/, built now by maturin
/// for the tools venv's interpreter.
pub(super) fn build_pyo3_baseline(ws: &Workspace) -> Result<Utf8PathBuf> {
    let python = tools_venv(ws)?.dir.join("bin/python");
    crate::dist::maturin_wheel(
        ws,
        &ws.path("benches/pyo3-baseline/Cargo.toml"),
        &ws.path("target/bench/wheels"),
        "joyous_pyo3_baseline-",
        &["--interpreter", python.as_str()],
    )
}

/// A new venv at target/bench/venv with only the given wheels.
pub(super) fn bench_venv(ws: &Workspace, wheels: &[&Utf8Path]) -> Result<Venv> {
    let venv = Venv::create(&ws.path("target/bench/venv"))?;
    let args: Vec<&str> = wheels.iter().map(|w| w.as_str()).collect();
    venv.pip_install(&args)
        .context("installing the wheels into the bench venv")?;
    Ok(venv)
}
