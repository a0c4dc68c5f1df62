//! `cargo xtask fuzz [--seconds N] [TARGET]`: builds the libFuzzer targets of
//! fuzz/ (their own workspace and lock file) into target/fuzz and runs each
//! for N seconds, printing executions and coverage; a crash or a hang fails
//! with the input's path and the command that replays it.
//!
//! No cargo-fuzz and no nightly: libfuzzer-sys brings libFuzzer, and the
//! coverage instrumentation is the stable `-Cpasses=sancov-module` with the
//! LLVM options cargo-fuzz passes. No AddressSanitizer (that needs `-Z`
//! flags and a sanitized std): the core is safe Rust, so what fuzzing can
//! find here is panics, broken properties and hangs, which need no sanitizer.

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};

use crate::workspace::{self, capture, Steps, Tool, Workspace, CARGO};

/// The fuzz targets (fuzz/fuzz_targets/<name>.rs), in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// `Generator::with_corpus` on arbitrary text.
    Corpus,
    /// `generate_goodbye` and `Generator::new` from arbitrary options.
    Options,
}

impl Target {
    pub const ALL: [Target; 2] = [Target::Corpus, Target::Options];

    fn name(self) -> &'static str {
        match self {
            Target::Corpus => "corpus",
            Target::Options => "options",
        }
    }

    /// libFuzzer's `-max_len`: whole corpus files for the parser (the real
    /// ones are about 3 kB each, 24 kB together), small records for options.
    fn max_len(self) -> usize {
        match self {
            Target::Corpus => 32 * 1024,
            Target::Options => 4096,
        }
    }
}

/// The flags cargo-fuzz gives rustc for libFuzzer (coverage counters, the
/// PC table, comparison tracing, stack depth) and `--cfg fuzzing`.
const SANCOV_FLAGS: &[&str] = &[
    "-Cpasses=sancov-module",
    "-Cllvm-args=-sanitizer-coverage-level=4",
    "-Cllvm-args=-sanitizer-coverage-inline-8bit-counters",
    "-Cllvm-args=-sanitizer-coverage-pc-table",
    "-Cllvm-args=-sanitizer-coverage-trace-compares",
    "-Cllvm-args=-sanitizer-coverage-stack-depth",
    "--cfg",
    "fuzzing",
];

/// Each target's time in `cargo xtask test`: long enough to pass the seeds and
/// mutate them a while, short enough to keep the step under two minutes cold.
pub const TEST_SECONDS: u64 = 20;

/// A single input slower than this is reported as a hang (libFuzzer's `-timeout`).
const HANG_SECONDS: u32 = 10;

/// What one target's run reported.
#[derive(Debug, PartialEq, Eq)]
pub struct Report {
    pub executions: u64,
    pub seconds: u64,
    /// Coverage counters hit (libFuzzer's `cov:`) and features (`ft:`).
    pub coverage: u64,
    pub features: u64,
    pub corpus_inputs: u64,
}

/// Build the targets, then run `targets` (all when empty) for `seconds` each.
pub fn run(ws: &Workspace, seconds: u64, targets: &[Target]) -> Result<()> {
    let targets = if targets.is_empty() {
        &Target::ALL[..]
    } else {
        targets
    };
    let mut list = vec![(
        "build".to_owned(),
        "building the fuzz targets (fuzz/, libFuzzer, sancov) into target/fuzz".to_owned(),
    )];
    for t in targets {
        list.push((
            t.name().to_owned(),
            format!("fuzzing `{}` for {seconds} s", t.name()),
        ));
    }
    let steps = Steps::new(list);
    steps.start("build");
    let bin_dir = build(ws)?;
    for &target in targets {
        steps.start(target.name());
        let report = run_target(ws, &bin_dir, target, seconds)?;
        println!(
            "fuzz {}: {} executions in {} s, coverage {} (features {}), corpus {} inputs",
            target.name(),
            report.executions,
            report.seconds,
            report.coverage,
            report.features,
            report.corpus_inputs
        );
    }
    Ok(())
}

fn fuzz_target_dir(ws: &Workspace) -> Utf8PathBuf {
    ws.target_dir().join("fuzz")
}

/// libfuzzer-sys compiles libFuzzer with the cc crate: `$CXX`, else `c++`.
const CXX: Tool = Tool {
    program: "c++",
    install_hint: "libFuzzer is C++: install a C++ compiler (Debian: `apt-get install g++`) \
                   or name one in CXX",
};

/// `cargo build` of fuzz/ with the sancov flags; returns the binaries' directory.
fn build(ws: &Workspace) -> Result<Utf8PathBuf> {
    if std::env::var_os("CXX").is_none() && !CXX.found() {
        bail!("`{}` not found: {}", CXX.program, CXX.install_hint);
    }
    // An explicit --target keeps RUSTFLAGS off build scripts and proc macros,
    // which cannot link without libFuzzer's coverage callbacks.
    let host = host_triple()?;
    let target_dir = fuzz_target_dir(ws);
    workspace::exec(
        CARGO
            .command()?
            .current_dir(ws.path("fuzz"))
            .env_remove("RUSTFLAGS")
            .env("CARGO_ENCODED_RUSTFLAGS", SANCOV_FLAGS.join("\x1f"))
            .args(["build", "--locked", "--release", "--bins", "--target"])
            .arg(&host)
            .arg("--target-dir")
            .arg(&target_dir),
    )
    .context("building the fuzz targets (fuzz/Cargo.toml)")?;
    Ok(target_dir.join(&host).join("release"))
}

fn host_triple() -> Result<String> {
    // The rustc cargo runs (RUSTC when set), so the triple is the one it builds for.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let out = capture(std::process::Command::new(rustc).arg("-vV"))?;
    out.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_owned)
        .context("`rustc -vV` printed no `host:` line")
}

/// Run one target for `seconds` over its working corpus (target/fuzz/corpus,
/// kept between runs) and the seeds in fuzz/corpus; its output goes to
/// target/fuzz/logs/<target>.log.
fn run_target(ws: &Workspace, bin_dir: &Utf8Path, target: Target, seconds: u64) -> Result<Report> {
    let name = target.name();
    let root = fuzz_target_dir(ws);
    let work = root.join("corpus").join(name);
    let artifacts = root.join("artifacts").join(name);
    let logs = root.join("logs");
    for dir in [&work, &artifacts, &logs] {
        workspace::create_dir_all(dir)?;
    }
    let mut seeds = vec![ws.path("fuzz/corpus").join(name)];
    if target == Target::Corpus {
        // The real corpus files seed the parser as they are, without a copy to keep in step.
        seeds.push(ws.path("crates/joyous-departures/corpus"));
    }
    let dict = ws.path("fuzz/dict").join(format!("{name}.dict"));
    let log = logs.join(format!("{name}.log"));
    let binary = bin_dir.join(name);
    let mut cmd = std::process::Command::new(&binary);
    cmd.arg(format!("-max_total_time={seconds}"))
        .arg(format!("-timeout={HANG_SECONDS}"))
        .arg(format!("-max_len={}", target.max_len()))
        .arg("-rss_limit_mb=2048")
        .arg("-print_final_stats=1")
        // The artifact prefix is a path prefix: it must end with `/`.
        .arg(format!("-artifact_prefix={artifacts}/"));
    if dict.exists() {
        cmd.arg(format!("-dict={dict}"));
    }
    cmd.arg(&work).args(seeds.iter().filter(|d| d.exists()));
    let output = cmd
        .output()
        .with_context(|| format!("could not start {binary}"))?;
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    workspace::write(&log, &text)?;
    if !output.status.success() {
        // The panic (message and place) says what broke; the rest is in the log.
        eprintln!("{}", failure_summary(&text));
        match crash_input(&text) {
            Some(input) => bail!(
                "fuzz target `{name}` failed on {input} (log: {log}); replay it with `{binary} \
                 {input}`, then add it as a test in crates/joyous-departures/tests/fuzz_regressions.rs \
                 (docs/maintainers.md)"
            ),
            None => bail!("fuzz target `{name}` failed ({}); see {log}", output.status),
        }
    }
    parse_report(&text).with_context(|| format!("reading libFuzzer's summary in {log}"))
}

/// The panic's lines up to its backtrace, else libFuzzer's last lines.
fn failure_summary(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    let start = lines.iter().position(|l| l.contains(" panicked at "));
    let picked: Vec<&str> = match start {
        Some(i) => lines[i..]
            .iter()
            .take_while(|l| !l.starts_with("stack backtrace:") && !l.starts_with("note: "))
            .take(20)
            .copied()
            .collect(),
        None => lines[lines.len().saturating_sub(15)..].to_vec(),
    };
    picked.join("\n")
}

/// The input libFuzzer saved for a crash, hang or out-of-memory.
fn crash_input(log: &str) -> Option<String> {
    log.lines().find_map(|l| {
        l.split_once("Test unit written to ")
            .map(|(_, p)| p.trim().to_owned())
    })
}

/// Executions from `Done N runs in S second(s)` and coverage from the last
/// status line (`#N ... cov: C ft: F corp: K/...`).
fn parse_report(log: &str) -> Result<Report> {
    let (executions, seconds) = log
        .lines()
        .find_map(|l| {
            let rest = l.strip_prefix("Done ")?;
            let (runs, rest) = rest.split_once(" runs in ")?;
            let (secs, _) = rest.split_once(' ')?;
            Some((runs.parse().ok()?, secs.parse().ok()?))
        })
        .context("no `Done N runs in S second(s)` line")?;
    let status = log
        .lines()
        .rev()
        .find(|l| l.starts_with('#') && l.contains(" cov: "))
        .context("no status line with `cov:`")?;
    let field = |key: &str| -> Result<u64> {
        let after = status
            .split_once(key)
            .with_context(|| format!("no `{key}` in `{status}`"))?
            .1;
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        digits
            .parse()
            .with_context(|| format!("`{key}` is not a number in `{status}`"))
    };
    Ok(Report {
        executions,
        seconds,
        coverage: field(" cov: ")?,
        features: field(" ft: ")?,
        corpus_inputs: field(" corp: ")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzers_summary() {
        let log = "INFO: Seed: 1\n\
                   #2\tINITED cov: 10 ft: 11 corp: 1/1b exec/s: 0 rss: 30Mb\n\
                   #48351\tDONE   cov: 1403 ft: 3152 corp: 325/12332b lim: 513 exec/s: 8058 rss: 30Mb\n\
                   Done 48351 runs in 6 second(s)\n";
        assert_eq!(
            parse_report(log).unwrap(),
            Report {
                executions: 48351,
                seconds: 6,
                coverage: 1403,
                features: 3152,
                corpus_inputs: 325
            }
        );
        assert!(parse_report("INFO: Seed: 1\n").is_err());
    }

    #[test]
    fn finds_the_saved_input_of_a_crash() {
        let log = "SUMMARY: libFuzzer: deadly signal\n\
                   artifact_prefix='a/'; Test unit written to a/crash-03f9\n";
        assert_eq!(crash_input(log).as_deref(), Some("a/crash-03f9"));
        assert_eq!(crash_input("Done 1 runs in 1 second(s)\n"), None);
    }

    #[test]
    fn a_failure_shows_the_panic_without_its_backtrace() {
        let log = "INFO: Seed: 1\n\
                   thread '<unnamed>' panicked at src/corpus.rs:51:13:\n\
                   emoji left with use_emojis = false\n\
                   stack backtrace:\n   0: frame\n";
        assert_eq!(
            failure_summary(log),
            "thread '<unnamed>' panicked at src/corpus.rs:51:13:\nemoji left with use_emojis = false"
        );
        assert_eq!(failure_summary("a\nb"), "a\nb");
    }
}
