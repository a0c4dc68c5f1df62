//! Tooling: how long `cargo xtask verify` takes with nothing changed.

use anyhow::{Context, Result};

use super::report::{Row, Section, Stats, Unit};
use crate::workspace::{Workspace, CARGO};

/// Wall seconds of `runs` runs of `cargo xtask verify`, after one untimed run:
/// the first verify after the bench's maturin builds recompiles the debug core.
pub(super) fn verify_timings(ws: &Workspace, runs: usize) -> Result<Stats> {
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

pub(super) fn stats(values: &[f64]) -> Stats {
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

pub(super) fn tooling_section(verify: Stats) -> Section {
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
