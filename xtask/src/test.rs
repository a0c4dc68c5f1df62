//! `cargo xtask test`: cargo tests, then pytest against the built wheel in a
//! fresh venv, then the conformance runners of every runtime.

use anyhow::{Context, Result};

use crate::python::{fresh_venv_with_wheel, Venv};
use crate::workspace::{exec, step, Workspace, CARGO, CORE_PACKAGE};

const STEPS: usize = 4;

pub fn run(ws: &Workspace) -> Result<()> {
    step(1, STEPS, "cargo tests (conformance runs in step 4)");
    exec(CARGO.command()?.current_dir(&ws.root).args([
        "test",
        "--workspace",
        "--",
        "--skip",
        "conformance",
    ]))
    .context("cargo tests")?;

    step(
        2,
        STEPS,
        "building the Python wheel and installing it into a fresh venv",
    );
    let wheel = crate::dist::build_wheel(ws)?;
    let venv = fresh_venv_with_wheel(ws, &wheel)?;

    step(
        3,
        STEPS,
        "pytest against the installed wheel (tests/python)",
    );
    pytest(ws, &venv, "tests/python").context("Python API tests")?;

    step(4, STEPS, "conformance vectors: Rust, Python");
    exec(CARGO.command()?.current_dir(&ws.root).args([
        "test",
        "--package",
        CORE_PACKAGE,
        "--test",
        "conformance",
        "--",
        "--nocapture",
    ]))
    .context("Rust conformance runner")?;
    pytest(ws, &venv, "tests/conformance/python").context("Python conformance runner")?;
    println!("all tests passed");
    Ok(())
}

fn pytest(ws: &Workspace, venv: &Venv, dir: &str) -> Result<()> {
    // -p no:cacheprovider: keep the tree clean; the wheel is imported, never the source.
    exec(
        venv.python()
            .current_dir(&ws.root)
            .env("JOYOUS_REPO_ROOT", &ws.root)
            .args(["-m", "pytest", "-p", "no:cacheprovider", "-q", dir]),
    )
}
