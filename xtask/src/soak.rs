//! `cargo xtask soak`: a million calls, 100,000 objects dropped without
//! cleanup and 100,000 async calls (10,000 cancelled) in Python (the wheel in
//! a fresh venv) and in Node (the npm package installed by name). The runners
//! (tests/soak) sample memory; this module prints each series and fails when
//! a measure keeps growing after warm-up. Not a timing.

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::components::SDK;
use crate::npm::{install_packages, NODE};
use crate::python::fresh_venv_with_wheel;
use crate::workspace::{capture, Steps, Workspace};

/// How far the median of the last third of a measure's post-warm-up series
/// may be above the first third's without counting as growth: RSS moves with
/// allocator and GC noise (about a MiB in Node), wasm memory only in 64 KiB
/// pages and not at all once warm.
const RSS_TOLERANCE: u64 = 1 << 20;
const WASM_TOLERANCE: u64 = 128 << 10;

/// Growth that is understood and cannot be fixed here: (runtime, phase,
/// measure, why). Reported as known instead of failing the run; when one no
/// longer grows in a full run, the run says so, so that it is removed here.
const KNOWN_LEAKS: &[(&str, &str, &str, &str)] = &[(
    "python",
    "async",
    "rss",
    "UniFFI 0.32.2's generated Python never completes a foreign future whose \
     Rust future was dropped, so each cancelled call whose translator is still \
     working leaks its channel (about 250 bytes); see docs/maintainers.md",
)];

pub fn run(ws: &Workspace, quick: bool, leak: bool) -> Result<()> {
    let steps = Steps::new([
        (
            "wheel",
            "building the Python wheel and installing it into a fresh venv",
        ),
        ("python", "Python soak (tests/soak/soak.py)"),
        (
            "npm",
            "building the npm package and installing it into target/npm-test",
        ),
        ("node", "Node soak (tests/soak/soak.mjs)"),
    ]);
    let scale = if quick { "0.1" } else { "1" };
    let mut extra = vec!["--scale", scale];
    if leak {
        extra.push("--leak");
    }
    let started = std::time::Instant::now();

    steps.start("wheel");
    let wheel = crate::dist::build_wheel(ws)?;
    let venv = fresh_venv_with_wheel(ws, &wheel)?;
    steps.start("python");
    let python = capture(
        venv.python()
            .current_dir(&ws.root)
            .arg(ws.path("tests/soak/soak.py"))
            .args(&extra),
    )
    .context("the Python soak runner")?;

    steps.start("npm");
    let project = install_packages(ws, &[&SDK])?;
    steps.start("node");
    // Copied into the project, so "joyous-departures" resolves from its node_modules.
    let dir = project.join("soak");
    crate::workspace::create_dir_all(&dir)?;
    crate::workspace::copy(&ws.path("tests/soak/soak.mjs"), &dir.join("soak.mjs"))?;
    let node = capture(
        NODE.command()?
            .current_dir(&dir)
            .args(["--expose-gc", "soak.mjs"])
            .args(&extra),
    )
    .context("the Node soak runner")?;

    let mut failures = Vec::new();
    for output in [python, node] {
        let report: Report = serde_json::from_str(output.trim())
            .with_context(|| format!("the soak runner printed no JSON report: {output}"))?;
        failures.extend(judge_report(&report, quick));
    }
    println!("soak took {:.0} s", started.elapsed().as_secs_f64());
    if !failures.is_empty() {
        bail!(
            "memory kept growing after warm-up:\n  {}",
            failures.join("\n  ")
        );
    }
    println!("soak: no measure kept growing after warm-up");
    Ok(())
}

#[derive(Deserialize)]
struct Report {
    runtime: String,
    phases: Vec<Phase>,
}

#[derive(Deserialize)]
struct Phase {
    name: String,
    ops: u64,
    warmup: u64,
    /// Each `{ "at": ops done after warm-up, "<measure>": bytes, ... }`.
    samples: Vec<std::collections::BTreeMap<String, u64>>,
}

/// Prints every series of `report`; returns one line per measure that grew.
/// `quick` runs are too short for a known leak's absence to mean anything.
fn judge_report(report: &Report, quick: bool) -> Vec<String> {
    let mut failures = Vec::new();
    for phase in &report.phases {
        println!(
            "{} {}: {} ops after {} warm-up, {} samples",
            report.runtime,
            phase.name,
            phase.ops,
            phase.warmup,
            phase.samples.len()
        );
        let measures: std::collections::BTreeSet<&String> = phase
            .samples
            .iter()
            .flat_map(|s| s.keys())
            .filter(|k| *k != "at")
            .collect();
        for measure in measures {
            let series: Vec<u64> = phase
                .samples
                .iter()
                .filter_map(|s| s.get(measure).copied())
                .collect();
            let shown: Vec<String> = series.iter().map(|b| mib(*b)).collect();
            println!("  {measure:<5} MiB: {}", shown.join(" "));
            let tolerance = if measure == "wasm" {
                WASM_TOLERANCE
            } else {
                RSS_TOLERANCE
            };
            let known = KNOWN_LEAKS
                .iter()
                .find(|(r, p, m, _)| *r == report.runtime && *p == phase.name && m == measure);
            let growth = grows(&series, tolerance);
            if let (Some(why), Some((.., cause))) = (&growth, known) {
                println!("  known leak, not a failure: {why}; {cause}");
            } else if let (None, Some(_), false) = (&growth, known, quick) {
                println!(
                    "  the known leak of {} {} {measure} did not grow in this run: if a full \
                     run agrees, remove it from KNOWN_LEAKS in xtask/src/soak.rs",
                    report.runtime, phase.name
                );
            } else if let Some(why) = growth {
                failures.push(format!(
                    "{} {} {measure}: {why}; series (MiB): {}",
                    report.runtime,
                    phase.name,
                    shown.join(" ")
                ));
            }
        }
    }
    failures
}

/// Why `series` (sampled after warm-up, at even intervals) keeps growing, if
/// it does: the medians of its first, middle and last thirds each exceed the
/// one before, and the last is more than `tolerance` above the first. A leak
/// climbs through all three; a heap that grows once and stays flat (the
/// middle median equals the last) and noise (medians out of order, or close)
/// do not count.
fn grows(series: &[u64], tolerance: u64) -> Option<String> {
    if series.len() < 6 {
        return Some(format!(
            "only {} samples; at least 6 are needed to judge",
            series.len()
        ));
    }
    let third = series.len() / 3;
    let median = |s: &[u64]| {
        let mut sorted = s.to_vec();
        sorted.sort_unstable();
        sorted[sorted.len() / 2]
    };
    let (first, middle, last) = (
        median(&series[..third]),
        median(&series[third..series.len() - third]),
        median(&series[series.len() - third..]),
    );
    if first < middle && middle < last && last - first > tolerance {
        return Some(format!(
            "the medians of its thirds climb {} -> {} -> {}, {} in all, more than the {} allowed",
            mib(first),
            mib(middle),
            mib(last),
            mib(last - first),
            mib(tolerance)
        ));
    }
    None
}

fn mib(bytes: u64) -> String {
    format!("{:.2}", bytes as f64 / f64::from(1 << 20))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1 << 20;

    /// MiB with two decimals, as the runners' samples print.
    fn series(mib: &[f64]) -> Vec<u64> {
        mib.iter().map(|m| (m * MB as f64) as u64).collect()
    }

    #[test]
    fn a_flat_noisy_series_does_not_grow() {
        // Node's RSS over 100,000 async calls (a real run).
        let rss = series(&[
            99.3, 100.7, 100.5, 100.7, 100.1, 100.4, 99.6, 100.8, 100.7, 101.3, 100.7, 101.2,
            101.2, 100.4, 100.1, 101.3, 101.3, 99.7, 100.4, 100.8, 100.7,
        ]);
        assert_eq!(grows(&rss, RSS_TOLERANCE), None);
    }

    #[test]
    fn one_step_then_flat_does_not_grow() {
        // Node's RSS over a million calls: V8's heap grows twice, then stays (a real run).
        let rss = series(&[
            70.9, 71.5, 79.3, 79.3, 79.3, 79.3, 79.3, 79.8, 95.3, 95.3, 95.3, 95.3, 95.3, 95.3,
            95.3, 95.3, 95.3, 95.3, 95.3, 95.3, 95.3,
        ]);
        assert_eq!(grows(&rss, RSS_TOLERANCE), None);
    }

    #[test]
    fn a_leak_of_a_few_hundred_bytes_a_cancelled_call_grows() {
        // Python's RSS over 100,000 async calls, 10,000 cancelled (a real run).
        let rss = series(&[
            30.8, 30.9, 31.0, 31.2, 31.3, 31.4, 31.5, 31.7, 31.8, 31.9, 32.0, 32.2, 32.3, 32.4,
            32.6, 32.7, 32.8, 32.9, 33.1, 33.2, 33.3,
        ]);
        let why = grows(&rss, RSS_TOLERANCE).expect("a steady climb grows");
        assert!(why.contains("31.20 -> 32.00 -> 32.90"), "{why}");
        // Node's wasm memory over 20,000 async calls, 2,000 cancelled, before
        // the glue completed dropped foreign futures without a buffer (a real run).
        let wasm = series(&[
            2.12, 2.12, 2.12, 2.19, 2.19, 2.19, 2.25, 2.25, 2.31, 2.31, 2.31, 2.38, 2.38, 2.38,
            2.44, 2.44, 2.44, 2.50, 2.50, 2.50, 2.56,
        ]);
        assert!(grows(&wasm, WASM_TOLERANCE).is_some());
    }

    #[test]
    fn a_flat_wasm_memory_does_not_grow() {
        assert_eq!(grows(&[3 * MB; 21], WASM_TOLERANCE), None);
    }

    #[test]
    fn too_few_samples_fail() {
        assert!(grows(&[1, 2, 3], MB).unwrap().contains("only 3 samples"));
    }

    #[test]
    fn a_known_leak_is_reported_not_failed_and_only_where_it_is_known() {
        let climbing: Vec<u64> = (0..21).map(|i| 30 * MB + i * MB / 5).collect();
        let report = |runtime: &str| Report {
            runtime: runtime.into(),
            phases: vec![Phase {
                name: "async".into(),
                ops: 100_000,
                warmup: 10_000,
                samples: climbing
                    .iter()
                    .enumerate()
                    .map(|(i, rss)| {
                        [("at".to_string(), i as u64), ("rss".to_string(), *rss)].into()
                    })
                    .collect(),
            }],
        };
        assert!(
            judge_report(&report("python"), false).is_empty(),
            "Python's async RSS leak is known"
        );
        let node = judge_report(&report("node"), false);
        assert_eq!(
            node.len(),
            1,
            "the same growth in Node is a failure: {node:?}"
        );
        assert!(node[0].starts_with("node async rss:"), "{}", node[0]);
    }
}
