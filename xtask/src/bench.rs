//! `cargo xtask bench`: what each binding costs beside what a user would write
//! by hand (benches/pyo3-baseline now; benches/wasm-baseline for the JS
//! sections) and beside the core itself (benches/core-bench). Prints a table;
//! writes target/bench/report.md and report.json.
//!
//! A report is a list of [`Section`]s of [`Row`]s; a runtime adds its own
//! section (a function returning a `Section`) to [`run`]. Targets are goals
//! printed beside the figures, never asserted: a missed target is a finding,
//! explained by the profile printed under it.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::python::{tools_venv, Venv};
use crate::workspace::{capture, exec, step, Workspace, CARGO, PYTHON};

const STEPS: usize = 5;

pub fn run(ws: &Workspace, quick: bool) -> Result<()> {
    step(
        1,
        STEPS,
        "timing the core natively (release build of benches/core-bench)",
    );
    let core = core_timings(ws, quick)?;

    step(
        2,
        STEPS,
        "building the wheel (UniFFI) and the PyO3 baseline wheel (release)",
    );
    let wheel = crate::dist::build_wheel(ws)?;
    let baseline_wheel = build_pyo3_baseline(ws)?;

    step(3, STEPS, "installing both wheels into a fresh venv");
    let venv = bench_venv(ws, &[&wheel, &baseline_wheel])?;

    step(
        4,
        STEPS,
        "timing Python: generated bindings and PyO3 baseline in alternating rounds",
    );
    let python: PythonTimings = serde_json::from_str(
        &capture(&mut bench_py(ws, &venv, quick)).context("benches/python/bench.py")?,
    )
    .context("reading bench.py's JSON")?;
    let (mut python_section, missed) = python_section(&python, &core)?;

    step(
        5,
        STEPS,
        "profiling the generated bindings where a target is missed",
    );
    for case in missed {
        let profile: PythonProfile = serde_json::from_str(
            &capture(bench_py(ws, &venv, quick).args(["--profile", case, "--top", "8"]))
                .with_context(|| format!("benches/python/bench.py --profile {case}"))?,
        )
        .context("reading bench.py's profile JSON")?;
        python_section.notes.push(profile.to_markdown());
    }

    let report = Report {
        title: "cargo xtask bench".into(),
        quick,
        sections: vec![
            core_section(&core)?,
            python_section,
            size_section(&venv, &wheel, &baseline_wheel)?,
        ],
    };
    print!("{}", report.sections_markdown());
    let (md, json) = report.write(&ws.path("target/bench"))?;
    eprintln!("wrote {md} and {json}");
    Ok(())
}

// ---------------------------------------------------------------------------
// The report: sections of rows, as a table (stdout, report.md) and as JSON.

#[derive(Serialize)]
pub struct Report {
    pub title: String,
    /// `--quick`: fewer, shorter rounds; noisier figures.
    pub quick: bool,
    pub sections: Vec<Section>,
}

#[derive(Serialize)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
    /// Markdown printed under the table: how it was measured, profiles.
    pub notes: Vec<String>,
}

/// One figure: the median of several rounds with their min and max, and
/// optionally what it is compared with and the goal for it.
#[derive(Serialize)]
pub struct Row {
    pub name: String,
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub unit: Unit,
    pub baseline: Option<Baseline>,
    /// median / baseline median.
    pub ratio: Option<f64>,
    pub target: Option<Target>,
    pub target_met: Option<bool>,
}

/// What a row is compared with, in the row's unit.
#[derive(Serialize)]
pub struct Baseline {
    pub name: String,
    pub median: f64,
}

/// A goal, shown beside the figure and never asserted.
#[derive(Serialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// ratio to the baseline at most this.
    MaxRatio(f64),
    /// median at most this, in the row's unit.
    MaxValue(f64),
}

#[derive(Serialize, Clone, Copy, PartialEq)]
pub enum Unit {
    #[serde(rename = "ns")]
    Nanos,
    #[serde(rename = "us")]
    Micros,
    #[serde(rename = "KB")]
    KiloBytes,
}

/// Median, min and max of the rounds of one measurement, as the timing
/// programs print them.
#[derive(Deserialize, Clone, Copy)]
pub struct Stats {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Unit {
    fn symbol(self) -> &'static str {
        match self {
            Unit::Nanos => "ns",
            Unit::Micros => "µs",
            Unit::KiloBytes => "KB",
        }
    }

    fn show(self, value: f64) -> String {
        let digits = match value.abs() {
            v if v >= 100.0 => 0,
            v if v >= 10.0 => 1,
            v if v >= 1.0 => 2,
            _ => 3,
        };
        format!("{value:.digits$} {}", self.symbol())
    }
}

impl Row {
    pub fn timed(name: impl Into<String>, stats: Stats, unit: Unit) -> Self {
        Self {
            name: name.into(),
            median: stats.median,
            min: stats.min,
            max: stats.max,
            unit,
            baseline: None,
            ratio: None,
            target: None,
            target_met: None,
        }
    }

    /// A figure measured once (a size).
    pub fn single(name: impl Into<String>, value: f64, unit: Unit) -> Self {
        Self::timed(
            name,
            Stats {
                median: value,
                min: value,
                max: value,
            },
            unit,
        )
    }

    /// Compared with `median` of `name`, in this row's unit.
    pub fn against(mut self, name: impl Into<String>, median: f64) -> Self {
        self.ratio = Some(self.median / median);
        self.baseline = Some(Baseline {
            name: name.into(),
            median,
        });
        self.target_met = self.target.map(|t| self.meets(t));
        self
    }

    pub fn target(mut self, target: Target) -> Self {
        self.target = Some(target);
        self.target_met = Some(self.meets(target));
        self
    }

    fn meets(&self, target: Target) -> bool {
        match target {
            Target::MaxRatio(max) => self.ratio.is_some_and(|r| r <= max),
            Target::MaxValue(max) => self.median <= max,
        }
    }

    fn cells(&self) -> [String; 6] {
        let u = self.unit;
        let spread = if self.min == self.max {
            String::new()
        } else {
            format!("{} – {}", u.show(self.min), u.show(self.max))
        };
        let baseline = self
            .baseline
            .as_ref()
            .map(|b| format!("{} {}", b.name, u.show(b.median)))
            .unwrap_or_default();
        let ratio = self.ratio.map(|r| format!("{r:.2}×")).unwrap_or_default();
        let target = match (self.target, self.target_met) {
            (Some(t), Some(met)) => {
                let goal = match t {
                    Target::MaxRatio(r) => format!("≤ {r}×"),
                    Target::MaxValue(v) => format!("≤ {v} {}", u.symbol()),
                };
                format!("{goal}: {}", if met { "met" } else { "MISSED" })
            }
            _ => String::new(),
        };
        [
            self.name.clone(),
            u.show(self.median),
            spread,
            baseline,
            ratio,
            target,
        ]
    }
}

impl Section {
    fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn markdown(&self) -> String {
        const HEAD: [&str; 6] = ["measure", "median", "min – max", "vs", "ratio", "target"];
        let cells: Vec<[String; 6]> = self.rows.iter().map(Row::cells).collect();
        let width = |i: usize| {
            cells
                .iter()
                .map(|c| c[i].chars().count())
                .chain([HEAD[i].len()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..6).map(width).collect();
        let line = |row: &[String]| {
            let padded: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            format!("| {} |\n", padded.join(" | "))
        };
        let mut out = format!("\n## {}\n\n", self.title);
        out += &line(&HEAD.map(String::from));
        out += &line(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>());
        for row in &cells {
            out += &line(row);
        }
        for note in &self.notes {
            out += &format!("\n{note}\n");
        }
        out
    }
}

impl Report {
    fn sections_markdown(&self) -> String {
        self.sections.iter().map(Section::markdown).collect()
    }

    /// report.md and report.json in `dir`.
    fn write(&self, dir: &Utf8Path) -> Result<(Utf8PathBuf, Utf8PathBuf)> {
        std::fs::create_dir_all(dir)?;
        let md = dir.join("report.md");
        let json = dir.join("report.json");
        let header = format!(
            "# {}\n\n{}; {} CPU(s). Medians of interleaved rounds; targets are goals, never asserted.\n",
            self.title,
            if self.quick {
                "`--quick`: few short rounds, noisy"
            } else {
                "full rounds"
            },
            std::thread::available_parallelism().map_or(0, |n| n.get()),
        );
        std::fs::write(&md, header + &self.sections_markdown())?;
        std::fs::write(&json, serde_json::to_string_pretty(self)? + "\n")?;
        Ok((md, json))
    }
}

// ---------------------------------------------------------------------------
// Core, natively.

#[derive(Deserialize)]
struct CoreTimings {
    results: BTreeMap<String, Stats>,
}

impl CoreTimings {
    fn get(&self, case: &str) -> Result<Stats> {
        self.results
            .get(case)
            .copied()
            .with_context(|| format!("benches/core-bench printed no `{case}`"))
    }
}

fn core_timings(ws: &Workspace, quick: bool) -> Result<CoreTimings> {
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
const CORE_CASES: [(&str, &str, Option<Target>); 4] = [
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

fn core_section(core: &CoreTimings) -> Result<Section> {
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

// ---------------------------------------------------------------------------
// Python: UniFFI's generated bindings (the wheel) against the PyO3 baseline.

#[derive(Deserialize)]
struct PythonTimings {
    python: String,
    /// case -> side (`uniffi`, `pyo3`) -> stats in µs.
    results: BTreeMap<String, BTreeMap<String, Stats>>,
}

#[derive(Deserialize)]
struct PythonProfile {
    case: String,
    statement: String,
    calls: u64,
    profiled_us_per_call: f64,
    ffi_calls_per_call: f64,
    functions: Vec<ProfiledFunction>,
}

#[derive(Deserialize)]
struct ProfiledFunction {
    function: String,
    calls_per_call: f64,
    tottime_us_per_call: f64,
    share: f64,
}

impl PythonProfile {
    fn to_markdown(&self) -> String {
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
const PYTHON_CASES: [(&str, &str, Option<Target>); 4] = [
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
    // The working goal of /work/shared/python-facts.md for the hot path.
    (
        "Generator.generate",
        "Generator.generate().text",
        Some(Target::MaxValue(5.0)),
    ),
    ("version", "version()", None),
];

/// The section, and the cases whose UniFFI row misses its target.
fn python_section(
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
        section.rows.push(
            Row::timed(format!("{name}: PyO3"), pyo3, Unit::Micros)
                .against("core", core.get(case)?.median / 1000.0),
        );
    }
    section.notes.push(
        "benches/python/bench.py: `timeit` loops of the statement a user writes \
         (options built in the call), the two sides in alternating rounds; \
         \"core\" is the native figure above. Targets: generate_goodbye within 1.5× of \
         PyO3; the hot path (a Generator holding its options) within 5 µs."
            .into(),
    );
    Ok((section, missed))
}

fn bench_py(ws: &Workspace, venv: &Venv, quick: bool) -> std::process::Command {
    let mut cmd = venv.python();
    cmd.current_dir(&ws.root)
        .arg(ws.path("benches/python/bench.py"));
    if quick {
        cmd.arg("--quick");
    }
    cmd
}

/// The PyO3 baseline's wheel in target/bench/wheels/, built now by maturin.
fn build_pyo3_baseline(ws: &Workspace) -> Result<Utf8PathBuf> {
    let tools = tools_venv(ws)?;
    let out_dir = ws.path("target/bench/wheels");
    let prefix = "joyous_pyo3_baseline-";
    remove_wheels(&out_dir, prefix)?;
    exec(
        tools
            .tool("maturin")
            .current_dir(&ws.root)
            .args(["build", "--release", "--quiet", "--manifest-path"])
            .arg(ws.path("benches/pyo3-baseline/Cargo.toml"))
            .args(["--out", out_dir.as_str(), "--interpreter"])
            .arg(tools.dir.join("bin/python"))
            .stdout(std::io::stderr()),
    )
    .context("maturin build of benches/pyo3-baseline")?;
    let wheels = wheels(&out_dir, prefix)?;
    match wheels.as_slice() {
        [wheel] => Ok(wheel.clone()),
        other => anyhow::bail!("expected one {prefix}*.whl in {out_dir}, found {other:?}"),
    }
}

fn wheels(dir: &Utf8Path, prefix: &str) -> Result<Vec<Utf8PathBuf>> {
    Ok(match dir.read_dir_utf8() {
        Ok(entries) => entries
            .flatten()
            .filter(|e| e.file_name().starts_with(prefix) && e.file_name().ends_with(".whl"))
            .map(|e| e.into_path())
            .collect(),
        Err(_) => Vec::new(),
    })
}

fn remove_wheels(dir: &Utf8Path, prefix: &str) -> Result<()> {
    for wheel in wheels(dir, prefix)? {
        std::fs::remove_file(&wheel).with_context(|| format!("removing {wheel}"))?;
    }
    Ok(())
}

/// A new venv at target/bench/venv with only the given wheels.
fn bench_venv(ws: &Workspace, wheels: &[&Utf8Path]) -> Result<Venv> {
    let dir = ws.path("target/bench/venv");
    exec(
        PYTHON
            .command()?
            .args(["-m", "venv", "--clear", dir.as_str()]),
    )
    .with_context(|| format!("creating a Python venv at {dir}"))?;
    let venv = Venv { dir };
    exec(
        venv.python()
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(wheels.iter().map(|w| w.as_str())),
    )
    .context("installing the wheels into the bench venv")?;
    Ok(venv)
}

// ---------------------------------------------------------------------------
// Sizes.

/// Lists each wheel's largest member (the native library) as JSON.
const WHEEL_LIBRARY: &str = r#"
import json, sys, zipfile
out = {}
for path in sys.argv[1:]:
    member = max(zipfile.ZipFile(path).infolist(), key=lambda i: i.file_size)
    out[path] = {"name": member.filename, "bytes": member.file_size}
print(json.dumps(out))
"#;

#[derive(Deserialize)]
struct WheelMember {
    name: String,
    bytes: u64,
}

fn size_section(venv: &Venv, wheel: &Utf8Path, baseline: &Utf8Path) -> Result<Section> {
    let kb = |bytes: u64| bytes as f64 / 1024.0;
    let file_kb = |p: &Utf8Path| -> Result<f64> {
        Ok(kb(std::fs::metadata(p)
            .with_context(|| format!("reading the size of {p}"))?
            .len()))
    };
    let members: BTreeMap<String, WheelMember> =
        serde_json::from_str(&capture(venv.python().args([
            "-c",
            WHEEL_LIBRARY,
            wheel.as_str(),
            baseline.as_str(),
        ]))?)?;
    let member = |p: &Utf8Path| {
        members
            .get(p.as_str())
            .with_context(|| format!("no member listed for {p}"))
    };
    let (ours, theirs) = (member(wheel)?, member(baseline)?);
    let mut section = Section::new("Sizes");
    section.rows.push(
        Row::single("wheel: UniFFI", file_kb(wheel)?, Unit::KiloBytes)
            .against("PyO3", file_kb(baseline)?),
    );
    section.rows.push(
        Row::single(
            "native library, uncompressed: UniFFI",
            kb(ours.bytes),
            Unit::KiloBytes,
        )
        .against("PyO3", kb(theirs.bytes)),
    );
    section.notes.push(format!(
        "Both wheels built by maturin with the workspace's release profile; the libraries \
         are `{}` and `{}`.",
        ours.name, theirs.name
    ));
    Ok(section)
}
