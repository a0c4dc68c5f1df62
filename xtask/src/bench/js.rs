//! JavaScript: the npm package's TypeScript facade against the hand-written
//! wasm-bindgen baseline (benches/wasm-baseline), per call in Node and in
//! workerd; also what the other JS measurements need on disk.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::core::CoreTimings;
use super::report::{Row, Section, Stats, Target, Unit};
use crate::components::SDK;
use crate::npm;
use crate::workspace::{self as ws_fs, capture, Workspace};

pub(super) struct JsBench {
    /// target/bench/npm: the package installed by name, benches/js copied to
    /// bench/ with the baseline's glue in bench/baseline/.
    pub(super) project: Utf8PathBuf,
    pub(super) tools: Utf8PathBuf,
    pub(super) tarball: Utf8PathBuf,
    /// The package's .wasm as installed.
    pub(super) sdk_wasm: Utf8PathBuf,
    /// The package's wasm-bindgen glue (`_bg.js`) as installed.
    pub(super) sdk_glue: Utf8PathBuf,
    pub(super) baseline_wasm: Utf8PathBuf,
    /// Both .wasm files as cargo built them, before wasm-bindgen (building
    /// them again would recompile the core: the two differ in its features).
    pub(super) sdk_raw: Utf8PathBuf,
    pub(super) baseline_raw: Utf8PathBuf,
}

pub(super) const BASELINE_PACKAGE: &str = "joyous-wasm-baseline";
pub(super) const BASELINE_STEM: &str = "joyous_wasm_baseline";

pub(super) fn js_setup(ws: &Workspace) -> Result<JsBench> {
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
    eprintln!(
        "   {BASELINE_PACKAGE}: building for wasm32 ({}), wasm-bindgen, shrink, wasm-opt -Oz",
        npm::WASM_PROFILE
    );
    let baseline_raw = npm::build_wasm(ws, BASELINE_PACKAGE)?;
    let built = ws.target_dir().join("bench/wasm-baseline");
    cached(&built, &baseline_raw, "wasm-bindgen, shrink, wasm-opt -Oz", || {
        npm::wasm_bindgen(&baseline_raw, BASELINE_STEM, &built)?;
        let wasm = built.join(format!("{BASELINE_STEM}_bg.wasm"));
        joyous_bindgen::build::shrink(&wasm, &built.join(format!("{BASELINE_STEM}_bg.js")))?;
        npm::wasm_opt(&tools, &wasm)
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
pub(super) fn cached(
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
    ws_fs::remove_dir_all(dir)?;
    ws_fs::create_dir_all(dir)?;
    make()?;
    ws_fs::write(&stamp, key)?;
    Ok(())
}

/// Runs a node script that prints one JSON document on stdout.
pub(super) fn js_json<T: serde::de::DeserializeOwned>(
    cmd: &mut std::process::Command,
    what: &str,
) -> Result<T> {
    let out = capture(cmd).with_context(|| what.to_owned())?;
    serde_json::from_str(&out).with_context(|| format!("reading {what}'s JSON"))
}

#[derive(Deserialize)]
pub(super) struct JsTimings {
    runtime: String,
    /// case -> side (`facade`, `glue`, `baseline`) -> stats in µs.
    results: BTreeMap<String, BTreeMap<String, Stats>>,
    /// case -> calls per timed batch.
    calls: BTreeMap<String, u64>,
    /// workerd only: how its clock behaved.
    clock: Option<WorkerdClock>,
}

#[derive(Deserialize)]
pub(super) struct WorkerdClock {
    advances_without_io: bool,
    resolution_ms: Option<f64>,
    empty_batch_ms: Stats,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum JsRuntime {
    Node,
    Workerd,
}

/// (case as benches/js/cases.mjs names it, row name, core-bench's case).
pub(super) const JS_CASES: [(&str, &str, Option<&str>); 6] = [
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
    (
        "generateGoodbye/no_options",
        "generateGoodbye() without options",
        Some("generate_goodbye/defaults"),
    ),
    (
        "Generator.generateText",
        "Generator.generateText()",
        Some("Generator.generate"),
    ),
    ("version", "version()", Some("version")),
];

/// The facade's goal beside the hand-written baseline: at most this ratio.
pub(super) const JS_TARGET_RATIO: f64 = 1.2;
pub(super) const JS_TARGET: Target = Target::MaxRatio(JS_TARGET_RATIO);

pub(super) fn js_section(
    timings: &JsTimings,
    core: &CoreTimings,
    runtime: JsRuntime,
) -> Result<Section> {
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
        JS_TARGET_RATIO
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

#[derive(Deserialize)]
pub(super) struct AsyncTimings {
    runtime: String,
    /// side (`sync`, `async`, `translated`) -> stats in µs.
    results: BTreeMap<String, Stats>,
}

/// generateGoodbyeAsync beside generateGoodbye with the same options:
/// what the future protocol and a JavaScript translator add to one call.
pub(super) fn async_section(timings: &AsyncTimings) -> Result<Section> {
    let side = |s: &str| {
        timings
            .results
            .get(s)
            .copied()
            .with_context(|| format!("bench/async-bench.mjs printed no `{s}`"))
    };
    let (sync, plain, translated) = (side("sync")?, side("async")?, side("translated")?);
    let mut section = Section::new(format!(
        "{}: generateGoodbyeAsync vs generateGoodbye (the same options, sequential awaits), per call",
        timings.runtime
    ));
    section
        .rows
        .push(Row::timed("generateGoodbye (sync)", sync, Unit::Micros));
    section.rows.push(
        Row::timed(
            "generateGoodbyeAsync, no translator (fr)",
            plain,
            Unit::Micros,
        )
        .against("sync", sync.median),
    );
    section.rows.push(
        Row::timed(
            "generateGoodbyeAsync, an immediate JS translator (nl-NL)",
            translated,
            Unit::Micros,
        )
        .against("sync", sync.median),
    );
    Ok(section)
}
