//! `cargo xtask bench`: what each binding costs beside what a user would write
//! by hand (benches/pyo3-baseline for Python, benches/wasm-baseline for Node
//! and workerd, driven by the scripts in benches/js) and beside the core
//! itself (benches/core-bench); cold starts, sizes (with a profile of the
//! .wasm) and `cargo xtask verify`'s time. Prints a table; writes
//! target/bench/report.md and report.json. docs/performance.md reads a run.
//!
//! A report is a list of [`Section`]s of [`Row`]s; a runtime adds its own
//! section (a function returning a `Section`) to [`run`]. Targets are goals
//! printed beside the figures, never asserted: a missed target is a finding,
//! explained by the profile printed under it.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::components::SDK;
use crate::npm::{self, NODE};
use crate::python::{tools_venv, Venv};
use crate::workspace::{capture, exec, step, Workspace, CARGO};

const STEPS: usize = 11;

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

    step(
        6,
        STEPS,
        "building the npm package and the wasm-bindgen baseline (wasm32 release, wasm-opt -Oz); \
         installing the package by name into target/bench/npm",
    );
    let js = js_setup(ws)?;

    step(
        7,
        STEPS,
        "timing Node: the package (imported by name) and the baseline's exports in alternating batches",
    );
    let node: JsTimings = js_json(
        NODE.command()?
            .current_dir(&js.project)
            .arg(js.project.join("bench/node-bench.mjs"))
            .args(quick.then_some("--quick")),
        "bench/node-bench.mjs",
    )?;

    step(
        8,
        STEPS,
        "timing workerd (Miniflare): the package and the baseline in one Worker",
    );
    let workerd: JsTimings = js_json(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("benches/js/workerd-bench.mjs"))
            .arg(&js.project)
            .args(quick.then_some("--quick")),
        "benches/js/workerd-bench.mjs",
    )?;

    step(
        9,
        STEPS,
        "cold starts: a fresh node process, a fresh Miniflare per sample",
    );
    let cold: ColdStarts = js_json(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("benches/js/cold.mjs"))
            .arg(&js.project)
            .args(quick.then_some("--quick")),
        "benches/js/cold.mjs",
    )?;

    step(
        10,
        STEPS,
        "sizes, and a size profile of the package's .wasm",
    );
    let wasm = wasm_sizes(ws, &js)?;

    step(
        11,
        STEPS,
        "timing `cargo xtask verify` with nothing changed (a subprocess per run)",
    );
    let verify = verify_timings(ws, if quick { 1 } else { 3 })?;

    let report = Report {
        title: "cargo xtask bench".into(),
        quick,
        sections: vec![
            core_section(&core)?,
            python_section,
            js_section(&node, &core, JsRuntime::Node)?,
            js_section(&workerd, &core, JsRuntime::Workerd)?,
            cold_section(&cold)?,
            size_section(&venv, &wheel, &baseline_wheel, &js, &wasm)?,
            tooling_section(verify),
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
    #[serde(rename = "ms")]
    Millis,
    #[serde(rename = "s")]
    Seconds,
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
            Unit::Millis => "ms",
            Unit::Seconds => "s",
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

/// The PyO3 baseline's wheel in target/bench/wheels/, built now by maturin
/// for the tools venv's interpreter.
fn build_pyo3_baseline(ws: &Workspace) -> Result<Utf8PathBuf> {
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
fn bench_venv(ws: &Workspace, wheels: &[&Utf8Path]) -> Result<Venv> {
    let venv = Venv::create(&ws.path("target/bench/venv"))?;
    let args: Vec<&str> = wheels.iter().map(|w| w.as_str()).collect();
    venv.pip_install(&args)
        .context("installing the wheels into the bench venv")?;
    Ok(venv)
}

// ---------------------------------------------------------------------------
// JavaScript: the npm package's TypeScript facade against the hand-written
// wasm-bindgen baseline (benches/wasm-baseline), in Node and in workerd.

/// What the JS timings need on disk.
struct JsBench {
    /// target/bench/npm: the package installed by name, benches/js copied to
    /// bench/ with the baseline's glue in bench/baseline/.
    project: Utf8PathBuf,
    tools: Utf8PathBuf,
    tarball: Utf8PathBuf,
    /// The package's .wasm as installed.
    sdk_wasm: Utf8PathBuf,
    /// The package's wasm-bindgen glue (`_bg.js`) as installed.
    sdk_glue: Utf8PathBuf,
    baseline_wasm: Utf8PathBuf,
    /// Both .wasm files as cargo built them, before wasm-bindgen (building
    /// them again would recompile the core: the two differ in its features).
    sdk_raw: Utf8PathBuf,
    baseline_raw: Utf8PathBuf,
}

const BASELINE_PACKAGE: &str = "joyous-wasm-baseline";
const BASELINE_STEM: &str = "joyous_wasm_baseline";

fn js_setup(ws: &Workspace) -> Result<JsBench> {
    let tools = npm::tools(ws)?;
    let tarball = npm::build_package(ws, &SDK)?;
    // Already built by build_package (a no-op now): its path, for the profile.
    let sdk_raw = npm::build_wasm(ws, &SDK.glue_package())?;
    let project = ws.target_dir().join("bench/npm");
    npm::install_tarballs(&project, &[(SDK.npm_name, tarball.clone())])?;
    let bench = project.join("bench");
    npm::copy_dir(&ws.path("benches/js"), &bench)?;

    // The baseline, built exactly as the package's .wasm is (npm::build_package),
    // then copied beside the scripts.
    eprintln!("   {BASELINE_PACKAGE}: building for wasm32 (release), wasm-bindgen, wasm-opt -Oz");
    let baseline_raw = npm::build_wasm(ws, BASELINE_PACKAGE)?;
    let built = ws.target_dir().join("bench/wasm-baseline");
    cached(&built, &baseline_raw, "wasm-bindgen, wasm-opt -Oz", || {
        npm::wasm_bindgen(&baseline_raw, BASELINE_STEM, &built)?;
        npm::wasm_opt(&tools, &built.join(format!("{BASELINE_STEM}_bg.wasm")))
    })?;
    let baseline_dir = bench.join("baseline");
    npm::copy_dir(&built, &baseline_dir)?;
    let baseline_wasm = baseline_dir.join(format!("{BASELINE_STEM}_bg.wasm"));

    let stem = SDK.glue_package().replace('-', "_");
    let installed = project
        .join("node_modules")
        .join(SDK.npm_name)
        .join("dist/wasm");
    let js = JsBench {
        sdk_wasm: installed.join(format!("{stem}_bg.wasm")),
        sdk_glue: installed.join(format!("{stem}_bg.js")),
        project,
        tools,
        tarball,
        baseline_wasm,
        sdk_raw,
        baseline_raw,
    };
    for file in [&js.sdk_wasm, &js.sdk_glue, &js.baseline_wasm] {
        anyhow::ensure!(file.is_file(), "expected {file} after building");
    }
    Ok(js)
}

/// Fills `dir` by `make` unless it already holds the output of `recipe` for
/// exactly these `input` bytes (a stamp of their hash): wasm-bindgen and
/// wasm-opt take seconds each, and their input rarely changes between runs.
fn cached(
    dir: &Utf8Path,
    input: &Utf8Path,
    recipe: &str,
    make: impl FnOnce() -> Result<()>,
) -> Result<()> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(input)
        .with_context(|| format!("reading {input}"))?
        .hash(&mut hasher);
    recipe.hash(&mut hasher);
    npm::WASM_FEATURES.hash(&mut hasher);
    let key = format!("{:016x}", hasher.finish());
    let stamp = dir.join(".bench-input");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(key.as_str()) {
        return Ok(());
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    make()?;
    std::fs::write(&stamp, key)?;
    Ok(())
}

/// Runs a node script that prints one JSON document on stdout.
fn js_json<T: serde::de::DeserializeOwned>(
    cmd: &mut std::process::Command,
    what: &str,
) -> Result<T> {
    let out = capture(cmd).with_context(|| what.to_owned())?;
    serde_json::from_str(&out).with_context(|| format!("reading {what}'s JSON"))
}

#[derive(Deserialize)]
struct JsTimings {
    runtime: String,
    /// case -> side (`facade`, `glue`, `baseline`) -> stats in µs.
    results: BTreeMap<String, BTreeMap<String, Stats>>,
    /// case -> calls per timed batch.
    calls: BTreeMap<String, u64>,
    /// workerd only: how its clock behaved.
    clock: Option<WorkerdClock>,
}

#[derive(Deserialize)]
struct WorkerdClock {
    advances_without_io: bool,
    resolution_ms: Option<f64>,
    empty_batch_ms: Stats,
}

#[derive(Clone, Copy, PartialEq)]
enum JsRuntime {
    Node,
    Workerd,
}

/// (case as benches/js/cases.mjs names it, row name, core-bench's case).
const JS_CASES: [(&str, &str, Option<&str>); 4] = [
    (
        "generateGoodbye/all_variables",
        "generateGoodbye, all four variables",
        Some("generate_goodbye/all_variables"),
    ),
    (
        "generateGoodbye/clock",
        "generateGoodbye, clock (name, location, now, Europe/Lisbon, seed 18n)",
        None,
    ),
    (
        "Generator.generate",
        "Generator.generate()",
        Some("Generator.generate"),
    ),
    ("version", "version()", Some("version")),
];

/// The facade's goal beside the hand-written baseline.
const JS_TARGET: Target = Target::MaxRatio(1.2);

fn js_section(timings: &JsTimings, core: &CoreTimings, runtime: JsRuntime) -> Result<Section> {
    let mut section = Section::new(format!(
        "{}: the npm package (TypeScript facade) vs hand-written wasm-bindgen exports, per call",
        timings.runtime
    ));
    for (case, name, core_case) in JS_CASES {
        let sides = timings
            .results
            .get(case)
            .with_context(|| format!("{} printed no `{case}`", timings.runtime))?;
        let side = |s: &str| {
            sides
                .get(s)
                .copied()
                .with_context(|| format!("{} printed no `{case}` for {s}", timings.runtime))
        };
        let (facade, glue, baseline) = (side("facade")?, side("glue")?, side("baseline")?);
        section.rows.push(
            Row::timed(format!("{name}: package"), facade, Unit::Micros)
                .against("baseline", baseline.median)
                .target(JS_TARGET),
        );
        section.rows.push(
            Row::timed(
                format!("{name}: package's glue export alone"),
                glue,
                Unit::Micros,
            )
            .against("baseline", baseline.median),
        );
        let mut row = Row::timed(format!("{name}: baseline"), baseline, Unit::Micros);
        if let Some(core_case) = core_case {
            row = row.against("core", core.get(core_case)?.median / 1000.0);
        }
        section.rows.push(row);
    }
    let calls: Vec<String> = timings
        .calls
        .iter()
        .map(|(case, n)| format!("{case} {n}"))
        .collect();
    section.notes.push(format!(
        "benches/js/cases.mjs: the call a user writes with each (the package's options \
         object built in the call; the baseline's flat arguments), the same seeded \
         results checked first; the sides in alternating batches (package, glue, \
         baseline, package, ...) of the same number of calls ({}), medians of the \
         batches. \"Glue export alone\" calls the package's own wasm-bindgen export \
         (`fn_generate_goodbye`, ...) with the flat arguments the facade passes: the \
         package minus its TypeScript layer; the rest of the gap to the baseline is the \
         glue's UniFFI path in wasm (options written to UniFFI's bytes and read back by \
         the scaffolding). `Generator.generate()` is `.generate().text` on the package (a \
         `Goodbye` record of three strings decoded from UniFFI's bytes in TypeScript), \
         the bytes alone for the glue, and the baseline's `generate()` (the text only); \
         all generators seeded alike. \"core\" is the native figure above. Target: the \
         package within {}× of the baseline.",
        calls.join(", "),
        match JS_TARGET {
            Target::MaxRatio(r) => r,
            Target::MaxValue(v) => v,
        }
    ));
    match (runtime, &timings.clock) {
        (JsRuntime::Node, _) => section.notes.push(
            "benches/js/node-bench.mjs, `performance.now()` around each batch; the package \
             imported by name (its `node` export), the baseline loaded the same way \
             (benches/js/baseline-node.mjs)."
                .into(),
        ),
        (JsRuntime::Workerd, Some(clock)) => section.notes.push(format!(
            "benches/js/worker.mjs in one Worker under Miniflare (esbuild bundle, .wasm as \
             CompiledWasm), reported by fetch. The clock here {} (smallest step {}); each \
             batch is bracketed by `await scheduler.wait(0)` before both clock reads, so \
             that a clock advancing only across I/O (as in production Workers) has \
             advanced, and lasts tens of ms; an empty bracketed batch measured {:.2} ms \
             (min {:.2}, max {:.2}), included in every batch.",
            if clock.advances_without_io {
                "advanced inside synchronous code"
            } else {
                "stood still inside synchronous code"
            },
            clock
                .resolution_ms
                .map_or("none seen".to_owned(), |r| format!("{r} ms")),
            clock.empty_batch_ms.median,
            clock.empty_batch_ms.min,
            clock.empty_batch_ms.max,
        )),
        (JsRuntime::Workerd, None) => anyhow::bail!("the Worker reported no clock probe"),
    }
    Ok(section)
}

// ---------------------------------------------------------------------------
// Cold starts.

#[derive(Deserialize)]
struct ColdStarts {
    /// side (`facade`, `baseline`, `intl`) -> its timings.
    node: BTreeMap<String, ColdNode>,
    /// Worker (`empty`, `intl`, `facade`, `baseline`) -> its timings.
    workerd: BTreeMap<String, ColdWorker>,
}

#[derive(Deserialize)]
struct ColdNode {
    /// ms from just before `import` to the first result.
    first_result: Stats,
    /// ms of the `import` alone.
    import: Stats,
}

#[derive(Deserialize)]
struct ColdWorker {
    /// ms from `new Miniflare` to the first response's body.
    first_response: Stats,
    /// ms from the first `dispatchFetch` after `ready` to the body.
    first_fetch: Stats,
}

fn cold_section(cold: &ColdStarts) -> Result<Section> {
    let mut section = Section::new("Cold start");
    let node = |side: &str| {
        cold.node
            .get(side)
            .with_context(|| format!("cold.mjs printed no Node `{side}`"))
    };
    let (facade, baseline) = (node("facade")?, node("baseline")?);
    section.rows.push(
        Row::timed(
            "Node, import → first result: package",
            facade.first_result,
            Unit::Millis,
        )
        .against("baseline", baseline.first_result.median),
    );
    section.rows.push(Row::timed(
        "Node, import → first result: baseline",
        baseline.first_result,
        Unit::Millis,
    ));
    section.rows.push(
        Row::timed(
            "Node, of which the import: package",
            facade.import,
            Unit::Millis,
        )
        .against("baseline", baseline.import.median),
    );
    section.rows.push(Row::timed(
        "Node, of which the import: baseline",
        baseline.import,
        Unit::Millis,
    ));
    section.rows.push(Row::timed(
        "Node, a first Intl.DateTimeFormat alone (no package)",
        node("intl")?.first_result,
        Unit::Millis,
    ));
    let worker = |name: &str| {
        cold.workerd
            .get(name)
            .with_context(|| format!("cold.mjs printed no `{name}` Worker"))
    };
    let (empty, intl, facade, baseline) = (
        worker("empty")?,
        worker("intl")?,
        worker("facade")?,
        worker("baseline")?,
    );
    for (w, name) in [
        (facade, "Worker using the package"),
        (baseline, "Worker using the baseline"),
        (intl, "Worker building one Intl.DateTimeFormat"),
    ] {
        section.rows.push(
            Row::timed(
                format!("workerd, first response: {name}"),
                w.first_response,
                Unit::Millis,
            )
            .against("empty Worker", empty.first_response.median),
        );
    }
    section.rows.push(Row::timed(
        "workerd, first response: empty Worker",
        empty.first_response,
        Unit::Millis,
    ));
    for (w, name) in [
        (facade, "package"),
        (baseline, "baseline"),
        (intl, "one Intl.DateTimeFormat"),
    ] {
        section.rows.push(
            Row::timed(
                format!("workerd, of which the first fetch after `ready`: {name}"),
                w.first_fetch,
                Unit::Millis,
            )
            .against("empty Worker", empty.first_fetch.median),
        );
    }
    section.rows.push(Row::timed(
        "workerd, of which the first fetch after `ready`: empty Worker",
        empty.first_fetch,
        Unit::Millis,
    ));
    section.notes.push(
        "benches/js/cold.mjs, the sides interleaved sample by sample. Node: a fresh `node` \
         process per sample (benches/js/cold-node.mjs) reads `performance.now()` just before \
         `await import(...)`, after it, and after the first `generateGoodbye` (all four \
         variables, seed 7) returns; the first call includes the core's one-time setup \
         (parsing the corpus, the zone's `Intl.DateTimeFormat`). \"A first \
         Intl.DateTimeFormat alone\" times only that formatter (en-US, Europe/London, the \
         options platform.rs uses) in a fresh process without the package. workerd: a \
         fresh Miniflare (a new workerd process) per sample and Worker, timed from \
         `new Miniflare` to the first response's body; the second part is from the first \
         `dispatchFetch` after `await mf.ready` to that body."
            .into(),
    );
    Ok(section)
}

// ---------------------------------------------------------------------------
// Tooling.

/// Wall seconds of `runs` runs of `cargo xtask verify`, after one untimed run:
/// the first verify after the bench's maturin builds recompiles the debug core.
fn verify_timings(ws: &Workspace, runs: usize) -> Result<Stats> {
    let mut seconds = Vec::new();
    for run in 0..=runs {
        let start = std::time::Instant::now();
        let out = CARGO
            .command()?
            .current_dir(&ws.root)
            .args(["xtask", "verify"])
            .output()
            .context("could not start `cargo xtask verify`")?;
        let elapsed = start.elapsed().as_secs_f64();
        if !out.status.success() {
            eprint!("{}", String::from_utf8_lossy(&out.stderr));
            anyhow::bail!(
                "`cargo xtask verify` failed ({}): its output is above",
                out.status
            );
        }
        if run > 0 {
            seconds.push(elapsed);
        }
    }
    Ok(stats(&seconds))
}

fn stats(values: &[f64]) -> Stats {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    let median = if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    };
    Stats {
        median,
        min: v[0],
        max: v[v.len() - 1],
    }
}

fn tooling_section(verify: Stats) -> Section {
    let mut section = Section::new("Tooling");
    section.rows.push(Row::timed(
        "cargo xtask verify, nothing changed",
        verify,
        Unit::Seconds,
    ));
    section.notes.push(
        "Wall time of the `cargo xtask verify` subprocess with nothing changed: cargo's \
         freshness checks, the two host cdylibs (up to date), a fresh generation into \
         target/verify, the surface snapshots and parity. One untimed run first: the \
         first verify after the bench's maturin builds recompiles the debug core."
            .into(),
    );
    section
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

/// Sizes of the .wasm files and the tarball, and the package's .wasm profiled.
#[derive(Deserialize)]
struct WasmSizes {
    /// `sdk`, `baseline`, `tarball` -> sizes.
    files: BTreeMap<String, FileSize>,
    /// Markdown: what the package's .wasm is made of.
    profile: String,
}

#[derive(Deserialize)]
struct FileSize {
    bytes: u64,
    gzip: u64,
}

/// Runs benches/js/wasm-size.mjs on the built files, with second builds of
/// both .wasm files that keep their function names (wasm-bindgen, then
/// `wasm-opt -Oz -g`: the same code plus a name section) for the profile.
fn wasm_sizes(ws: &Workspace, js: &JsBench) -> Result<WasmSizes> {
    let profile = ws.target_dir().join("bench/wasm-profile");
    let stem = SDK.glue_package().replace('-', "_");
    let named = named_build(js, &js.sdk_raw, &stem, &profile.join("package"))?;
    let named_baseline = named_build(
        js,
        &js.baseline_raw,
        BASELINE_STEM,
        &profile.join("baseline"),
    )?;
    let scratch = profile.join("scratch");
    js_json(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("benches/js/wasm-size.mjs"))
            .args(["--tools", js.tools.as_str()])
            .args(["--sdk", js.sdk_wasm.as_str()])
            .args(["--glue", js.sdk_glue.as_str()])
            .args(["--named", named.as_str()])
            .args(["--named-baseline", named_baseline.as_str()])
            .args(["--baseline", js.baseline_wasm.as_str()])
            .args(["--tarball", js.tarball.as_str()])
            .arg("--corpus")
            .arg(ws.core_dir().join("corpus"))
            .args(["--scratch", scratch.as_str(), "--"])
            .args(npm::WASM_FEATURES),
        "benches/js/wasm-size.mjs",
    )
}

/// `raw` through wasm-bindgen and `wasm-opt -Oz -g` into `dir`.
fn named_build(js: &JsBench, raw: &Utf8Path, stem: &str, dir: &Utf8Path) -> Result<Utf8PathBuf> {
    let named = dir.join(format!("{stem}_bg.wasm"));
    cached(dir, raw, "wasm-bindgen, wasm-opt -Oz -g", || {
        npm::wasm_bindgen(raw, stem, dir)?;
        exec(
            npm::tool_bin(&js.tools, "wasm-opt")
                .args([named.as_str(), "-Oz", "-g"])
                .args(npm::WASM_FEATURES)
                .args(["-o", named.as_str()]),
        )
        .with_context(|| format!("wasm-opt -g on {named}"))
    })?;
    Ok(named)
}

/// The goal for the package's .wasm, gzipped.
const WASM_GZIP_TARGET_KB: f64 = 60.0;

fn size_section(
    venv: &Venv,
    wheel: &Utf8Path,
    baseline: &Utf8Path,
    js: &JsBench,
    wasm: &WasmSizes,
) -> Result<Section> {
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
    let file = |key: &str| {
        wasm.files
            .get(key)
            .with_context(|| format!("wasm-size.mjs printed no `{key}`"))
    };
    let (sdk, base, tarball) = (file("sdk")?, file("baseline")?, file("tarball")?);
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
    section.rows.push(
        Row::single("npm tarball", kb(tarball.bytes), Unit::KiloBytes)
            .against("wheel", file_kb(wheel)?),
    );
    section.rows.push(
        Row::single(".wasm, raw: package", kb(sdk.bytes), Unit::KiloBytes)
            .against("baseline", kb(base.bytes)),
    );
    section.rows.push(
        Row::single(".wasm, gzipped: package", kb(sdk.gzip), Unit::KiloBytes)
            .against("baseline", kb(base.gzip))
            .target(Target::MaxValue(WASM_GZIP_TARGET_KB)),
    );
    section.notes.push(format!(
        "Both wheels built by maturin with the workspace's release profile; the libraries \
         are `{}` and `{}`. The npm tarball is `{}` (npm pack). The .wasm files are the \
         package's as installed and benches/wasm-baseline's, both wasm32 release builds \
         through wasm-bindgen 0.2.130 and `wasm-opt -Oz`; gzip is zlib level 9.",
        ours.name,
        theirs.name,
        js.tarball.file_name().unwrap_or_default(),
    ));
    section.notes.push(wasm.profile.clone());
    Ok(section)
}
