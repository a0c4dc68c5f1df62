//! Where the time goes in the peer cases our package misses in Node: each
//! side of each missed case under V8's CPU profiler (benches/js/peer-profile.mjs),
//! on builds that keep their wasm function names, as markdown for the notes
//! under the Node peer table.

use anyhow::{Context, Result};
use camino::Utf8Path;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;

use super::js::js_json;
use crate::npm::NODE;

#[derive(Deserialize)]
pub(super) struct PeerProfile {
    runtime: String,
    interval_us: f64,
    /// case -> side (`ours`, `baseline`) -> profile.
    cases: BTreeMap<String, BTreeMap<String, SideProfile>>,
}

#[derive(Deserialize)]
struct SideProfile {
    us_per_call: f64,
    calls: u64,
    samples: u64,
    /// Where the samples fell -> µs per call.
    by_where: BTreeMap<String, f64>,
    top: Vec<TopFunction>,
}

#[derive(Deserialize)]
struct TopFunction {
    name: String,
    #[serde(rename = "where")]
    place: String,
    us: f64,
}

/// Runs the profiler on `cases` in `project` (peers_ours::setup's profiling build).
pub(super) fn profile(project: &Utf8Path, cases: &[&str], quick: bool) -> Result<PeerProfile> {
    let mut cmd = NODE.command()?;
    cmd.current_dir(project)
        .arg(project.join("bench/peer-profile.mjs"))
        .args(quick.then_some("--quick"));
    for case in cases {
        cmd.args(["--case", case]);
    }
    js_json(&mut cmd, "bench/peer-profile.mjs")
}

impl PeerProfile {
    /// One note per case: where each side's time went, and ours's top functions.
    pub(super) fn to_markdown(&self) -> Result<Vec<String>> {
        self.cases
            .iter()
            .map(|(case, sides)| {
                let side = |name: &str| {
                    sides
                        .get(name)
                        .with_context(|| format!("the profile of `{case}` has no side {name}"))
                };
                let (ours, baseline) = (side("ours")?, side("baseline")?);
                Ok(case_markdown(case, ours, baseline, &self.runtime, self.interval_us))
            })
            .collect()
    }
}

fn case_markdown(
    case: &str,
    ours: &SideProfile,
    baseline: &SideProfile,
    runtime: &str,
    interval_us: f64,
) -> String {
    let mut md = format!(
        "Profile of `{case}` ({runtime}, V8's sampling profiler every {interval_us} µs; \
         builds that kept their wasm names): ours {:.2} µs a call under the profiler \
         ({} calls, {} samples), the baseline {:.2} µs ({} calls, {} samples). \
         Each sample's share of its loop's time, per call:\n\n\
         | where | ours µs | baseline µs | ours − baseline |\n|---|---:|---:|---:|\n",
        ours.us_per_call,
        ours.calls,
        ours.samples,
        baseline.us_per_call,
        baseline.calls,
        baseline.samples,
    );
    let mut places: Vec<&String> = ours.by_where.keys().chain(baseline.by_where.keys()).collect();
    places.sort();
    places.dedup();
    let us = |side: &SideProfile, place: &str| side.by_where.get(place).copied().unwrap_or(0.0);
    // Largest difference first: what the gap is made of.
    places.sort_by(|a, b| {
        let gap = |p: &str| us(ours, p) - us(baseline, p);
        gap(b).total_cmp(&gap(a))
    });
    for place in places {
        let (o, b) = (us(ours, place), us(baseline, place));
        let _ = writeln!(md, "| {place} | {o:.3} | {b:.3} | {:+.3} |", o - b);
    }
    md.push_str("\nOurs, the functions with the most samples of their own:\n\n| function | where | µs a call |\n|---|---|---:|\n");
    for f in &ours.top {
        let _ = writeln!(md, "| `{}` | {} | {:.3} |", f.name.replace('|', "\\|"), f.place, f.us);
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_listed_largest_first_and_names_every_place() {
        let profile: PeerProfile = serde_json::from_str(
            r#"{"runtime":"Node v20","interval_us":50,"cases":{"c":{
                "ours":{"us_per_call":3,"calls":10,"samples":100,
                        "by_where":{"wasm":1.0,"ours: wasm-bindgen glue (JS)":1.5,"GC":0.5},
                        "top":[{"name":"lift|x","where":"wasm","us":0.9}]},
                "baseline":{"us_per_call":1.5,"calls":10,"samples":60,
                        "by_where":{"wasm":0.8,"baseline: wasm-bindgen glue (JS)":0.7},
                        "top":[]}}}}"#,
        )
        .unwrap();
        let md = profile.to_markdown().unwrap().remove(0);
        let glue = md.find("| ours: wasm-bindgen glue (JS) | 1.500 | 0.000 | +1.500 |").unwrap();
        let gc = md.find("| GC | 0.500 | 0.000 | +0.500 |").unwrap();
        let base_glue = md.find("| baseline: wasm-bindgen glue (JS) | 0.000 | 0.700 | -0.700 |").unwrap();
        assert!(glue < gc && gc < base_glue, "{md}");
        assert!(md.contains("| `lift\\|x` | wasm | 0.900 |"), "{md}");
    }

    #[test]
    fn a_case_without_a_side_is_an_error_naming_it() {
        let profile: PeerProfile = serde_json::from_str(
            r#"{"runtime":"Node","interval_us":50,"cases":{"echo":{"ours":
                {"us_per_call":1,"calls":1,"samples":1,"by_where":{},"top":[]}}}}"#,
        )
        .unwrap();
        let err = profile.to_markdown().unwrap_err().to_string();
        assert!(err.contains("`echo`") && err.contains("baseline"), "{err}");
    }
}
