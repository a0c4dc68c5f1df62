//! Times the core natively, the way a Rust user calls it; prints JSON on stdout
//! for `cargo xtask bench` (build with `--release`).
//!
//! `joyous-core-bench [--quick] [--case NAME]`: for each case (or only NAME,
//! e.g. to run under a profiler), the median, min and max of several rounds in
//! ns per call; the cases take turns round by round so that a noisy neighbour
//! hits them alike.

use std::hint::black_box;
use std::time::{Duration, Instant};

use joyous_departures::{generate_goodbye, version, Generator, GoodbyeOptions, TemplateArgs};
use serde_json::json;

/// All four template variables given (the same values as benches/python/bench.py).
fn all_variables() -> GoodbyeOptions {
    GoodbyeOptions {
        template_args: Some(TemplateArgs {
            name: Some("Ada".into()),
            location: Some("Lisbon".into()),
            date: Some("23 November 2026".into()),
            time: Some("14:05".into()),
        }),
        ..Default::default()
    }
}

type Case = (&'static str, Box<dyn FnMut()>);

fn cases() -> Vec<Case> {
    let all = all_variables();
    let generator = Generator::new(GoodbyeOptions::default()).expect("default options are valid");
    vec![
        // Options are built per call, as a caller of the one-shot function does.
        (
            "generate_goodbye/defaults",
            Box::new(|| {
                black_box(generate_goodbye(black_box(GoodbyeOptions::default())).unwrap());
            }),
        ),
        (
            "generate_goodbye/all_variables",
            Box::new(move || {
                black_box(generate_goodbye(black_box(all.clone())).unwrap());
            }),
        ),
        (
            "Generator.generate",
            Box::new(move || {
                black_box(black_box(&generator).generate());
            }),
        ),
        (
            "version",
            Box::new(|| {
                black_box(version());
            }),
        ),
    ]
}

/// Calls per round so that one round lasts at least `round`.
fn calibrate(f: &mut dyn FnMut(), round: Duration) -> u64 {
    let mut n = 1u64;
    loop {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        if start.elapsed() >= round / 4 {
            return n * 4;
        }
        n *= 2;
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let only = args
        .iter()
        .position(|a| a == "--case")
        .and_then(|i| args.get(i + 1));
    let (rounds, round) = if quick {
        (5, Duration::from_millis(40))
    } else {
        (15, Duration::from_millis(150))
    };
    let mut cases = cases();
    if let Some(only) = only {
        cases.retain(|(name, _)| name == only);
        assert!(!cases.is_empty(), "no case named {only}");
    }
    let calls: Vec<u64> = cases.iter_mut().map(|(_, f)| calibrate(f, round)).collect();
    let mut samples = vec![Vec::with_capacity(rounds); cases.len()];
    for _ in 0..rounds {
        for ((_, f), (n, out)) in cases.iter_mut().zip(calls.iter().zip(&mut samples)) {
            let start = Instant::now();
            for _ in 0..*n {
                f();
            }
            out.push(start.elapsed().as_nanos() as f64 / *n as f64);
        }
    }
    let results: serde_json::Map<String, serde_json::Value> = cases
        .iter()
        .zip(samples.iter_mut().zip(&calls))
        .map(|((name, _), (s, n))| {
            s.sort_by(f64::total_cmp);
            let stats = json!({"median": s[s.len() / 2], "min": s[0], "max": s[s.len() - 1],
                               "rounds": s.len(), "calls_per_round": n});
            ((*name).to_owned(), stats)
        })
        .collect();
    println!("{}", json!({"unit": "ns", "results": results}));
}
