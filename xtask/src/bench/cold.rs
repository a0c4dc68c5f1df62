//! Cold starts: a fresh node process, a fresh Miniflare per sample.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::report::{Row, Section, Stats, Unit};

#[derive(Deserialize)]
pub(super) struct ColdStarts {
    /// side (`facade`, `baseline`, `intl`) -> its timings.
    node: BTreeMap<String, ColdNode>,
    /// Worker (`empty`, `intl`, `facade`, `baseline`) -> its timings.
    workerd: BTreeMap<String, ColdWorker>,
}

#[derive(Deserialize)]
pub(super) struct ColdNode {
    /// ms from just before `import` to the first result.
    first_result: Stats,
    /// ms of the `import` alone.
    import: Stats,
}

#[derive(Deserialize)]
pub(super) struct ColdWorker {
    /// ms from `new Miniflare` to the first response's body.
    first_response: Stats,
    /// ms from the first `dispatchFetch` after `ready` to the body.
    first_fetch: Stats,
}

pub(super) fn cold_section(cold: &ColdStarts) -> Result<Section> {
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
