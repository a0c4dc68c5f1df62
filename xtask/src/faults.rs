//! `cargo xtask test`'s load faults (tests/js/faults): copies of the installed
//! npm package with a truncated, another version's, missing, or
//! unlinkable .wasm, loaded in Node, workerd and Chromium; each must give
//! LoadError at its step (or, in workerd, stop the bundle or the start), and a
//! good load afterwards must work.

use anyhow::Result;
use camino::Utf8Path;

use crate::workspace::Workspace;

pub fn run(ws: &Workspace, project: &Utf8Path) -> Result<()> {
    crate::test::in_three_runtimes(ws, project, "faults", &[], "faults.test.mjs")
}
