//! `cargo xtask test`'s load faults (tests/js/faults): copies of the installed
//! npm package with a truncated, another version's, missing, or
//! unlinkable .wasm, loaded in Node, workerd and Chromium; each must give
//! LoadError at its step (or, in workerd, stop the bundle or the start), and a
//! good load afterwards must work.

use anyhow::{Context, Result};
use camino::Utf8Path;

use crate::npm::NODE;
use crate::workspace::{exec, Workspace};

pub fn run(ws: &Workspace, project: &Utf8Path) -> Result<()> {
    let dir = project.join("faults");
    crate::workspace::remove_dir_all(&dir)?;
    crate::npm::copy_dir(&ws.path("tests/js/faults"), &dir)?;
    exec(NODE.command()?.current_dir(&dir).args([
        "--test",
        "--test-reporter=spec",
        "faults.test.mjs",
    ]))
    .context("load faults in Node")?;
    crate::npm::tools(ws)?;
    for runner in ["run-workerd.mjs", "run-chromium.mjs"] {
        exec(
            NODE.command()?
                .current_dir(&ws.root)
                .arg(ws.path(&format!("tests/js/faults/{runner}")))
                .arg(project),
        )
        .with_context(|| format!("load faults: {runner}"))?;
    }
    Ok(())
}
