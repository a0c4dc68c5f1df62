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

/// A measure may rise this much between the first and the last third of its
/// post-warm-up series without counting as growth: RSS moves with allocator
/// and GC noise, wasm memory only in 64 KiB pages and never shrinks.
const RSS_TOLERANCE: u64 = 8 << 20;
const WASM_TOLERANCE: u64 = 1 << 20;

pub fn run(ws: &Workspace, quick: bool, leak: bool) -> Result<()> {
    let steps = Steps::new([
        ("wheel", "building the Python wheel and installing it into a fresh venv"),
        ("python", "Python soak (tests/soak/soak.py)"),
        ("npm", "building the npm package and installing it into target/npm-test"),
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
        failures.extend(judge_report(&report));
    }
    println!("soak took {:.0} s", started.elapsed().as_secs_f64());
    if !failures.is_empty() {
        bail!("memory kept growing after warm-up:\n  {}", failures.join("\n  "));
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
fn judge_report(report: &Report) -> Vec<String> {
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
            let tolerance = if measure == "wasm" { WASM_TOLERANCE } else { RSS_TOLERANCE };
            if let Some(why) = grows(&series, tolerance) {
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
/// it does: the max of its last third exceeds the max of its first third by
/// more than `tolerance`, and the rise is not a single step (the last third
/// itself still climbs, or each third is above the one before). A memory
/// leak climbs steadily; a heap that grows once and stays flat does not.
fn grows(series: &[u64], tolerance: u64) -> Option<String> {
    if series.len() < 6 {
        return Some(format!("only {} samples; at least 6 are needed to judge", series.len()));
    }
    let third = series.len() / 3;
    let max = |s: &[u64]| s.iter().copied().max().unwrap_or(0);
    let (first, middle, last) = (
        max(&series[..third]),
        max(&series[third..series.len() - third]),
        max(&series[series.len() - third..]),
    );
    let rise = last.saturating_sub(first);
    if rise <= tolerance {
        return None;
    }
    let tail = &series[series.len() - third..];
    let still_climbing = tail.last() > tail.first();
    let stepwise = middle > first && last > middle;
    if still_climbing || stepwise {
        return Some(format!(
            "the last third's max is {} above the first third's ({} -> {}), more than the {} allowed",
            mib(rise),
            mib(first),
            mib(last),
            mib(tolerance)
        ));
    }
    None
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / f64::from(1 << 20))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1 << 20;

    #[test]
    fn a_flat_noisy_series_does_not_grow() {
        let series: Vec<u64> = (0..21).map(|i| 100 * MB + (i * 7919 % 5) * MB).collect();
        assert_eq!(grows(&series, 8 * MB), None);
    }

    #[test]
    fn a_steady_climb_grows_and_is_named() {
        let series: Vec<u64> = (0..21).map(|i| 100 * MB + i * MB).collect();
        let why = grows(&series, 8 * MB).expect("a leak of 1 MiB a sample grows");
        assert!(why.contains("106.0 -> 120.0"), "{why}");
    }

    #[test]
    fn one_step_then_flat_does_not_grow() {
        let series: Vec<u64> = (0..21).map(|i| if i < 10 { 100 * MB } else { 120 * MB }).collect();
        assert_eq!(grows(&series, 8 * MB), None);
    }

    #[test]
    fn a_rise_within_tolerance_does_not_grow() {
        let series: Vec<u64> = (0..21).map(|i| 100 * MB + i * 64 * 1024).collect();
        assert_eq!(grows(&series, 2 * MB), None);
    }

    #[test]
    fn too_few_samples_fail() {
        assert!(grows(&[1, 2, 3], MB).unwrap().contains("only 3 samples"));
    }
}
