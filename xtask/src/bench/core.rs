//! The core natively: benches/core-bench, the figure every binding is set beside.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::report::{Row, Section, Stats, Target, Unit};
use crate::workspace::{capture, Workspace, CARGO};

#[derive(Deserialize)]
pub(super) struct CoreTimings {
    results: BTreeMap<String, Stats>,
}

impl CoreTimings {
    pub(super) fn get(&self, case: &str) -> Result<Stats> {
        self.results
            .get(case)
            .copied()
            .with_context(|| format!("benches/core-bench printed no `{case}`"))
    }
}

pub(super) fn core_timings(ws: &Workspace, quick: bool) -> Result<CoreTimings> {
    let mut cmd = CARGO.command()?;
    cmd.current_dir(&ws.root).args([
        "run",
        "--release",
        "--quiet",
        "--package",
        "joyous-core-bench",
        "--",
    ]);
    if quick {
        cmd.arg("--quick");
    }
    let out = capture(&mut cmd).context("benches/core-bench")?;
    serde_json::from_str(&out).context("reading benches/core-bench's JSON")
}

/// (case as core-bench names it, row name, target in ns).
pub(super) const CORE_CASES: [(&str, &str, Option<Target>); 4] = [
    (
        "generate_goodbye/defaults",
        "generate_goodbye, default options",
        None,
    ),
    (
        "generate_goodbye/all_variables",
        "generate_goodbye, all four variables",
        Some(Target::MaxValue(1000.0)),
    ),
    ("Generator.generate", "Generator::generate", None),
    ("version", "version", None),
];

pub(super) fn core_section(core: &CoreTimings) -> Result<Section> {
    let mut section = Section::new("Core, native Rust (release), per call");
    for (case, name, target) in CORE_CASES {
        let mut row = Row::timed(name, core.get(case)?, Unit::Nanos);
        if let Some(target) = target {
            row = row.target(target);
        }
        section.rows.push(row);
    }
    section.notes.push(
        "benches/core-bench: options built per call as a Rust caller does; \
         `black_box` around inputs and results."
            .into(),
    );
    Ok(section)
}
