//! `cargo xtask test`: cargo tests, then pytest against the built wheel in a
//! fresh venv, then the conformance runners of every runtime, then the npm
//! packages installed by name into a scratch project and tested in Node,
//! workerd and Chromium. Installs the system packages it needs first.

use anyhow::{Context, Result};
use camino::Utf8Path;

use crate::components::{FIXTURE, FIXTURE_ASYNC, SDK};
use crate::npm::{install_packages, NODE};

use crate::prereqs::{self, Need};
use crate::python::{fresh_venv_with_wheel, Venv};
use crate::workspace::{exec, Steps, Workspace, CARGO, CORE_PACKAGE};

pub fn run(ws: &Workspace) -> Result<()> {
    let steps = Steps::new([
        (
            "verify",
            "cargo xtask verify: generated/, API surfaces, parity",
        ),
        (
            "cargo",
            "cargo tests (the conformance runner runs with Python's, below)",
        ),
        (
            "fuzz",
            "a bounded fuzz of each target of fuzz/ (libFuzzer; build into target/fuzz)",
        ),
        (
            "wheel",
            "building the Python wheel and installing it into a fresh venv",
        ),
        (
            "pytest",
            "pytest against the installed wheel (tests/python), fixture-async's Python in asyncio",
        ),
        ("conformance", "conformance vectors: Rust, Python"),
        (
            "npm",
            "building the npm packages and installing them into target/npm-test",
        ),
        (
            "differential",
            "differential: seeded random options, native vs Python, Node, workerd (JD_DIFF_SEED)",
        ),
        (
            "node",
            "Node: joyous-departures from the installed tarball (node --test)",
        ),
        (
            "fixture",
            "Node: fixture-types, every type row (node --test)",
        ),
        (
            "async",
            "fixture-async, futures and foreign traits: Node (memory, release), workerd (I/O in a callback), Chromium",
        ),
        (
            "workerd",
            "workerd (Miniflare): a Worker importing the package by name; static checks",
        ),
        (
            "chromium",
            "Chromium (headless): the browser entry with await init(); TypeScript typings",
        ),
        (
            "faults",
            "load faults (truncated, other version, missing, unlinkable .wasm): Node, workerd, Chromium",
        ),
        (
            "examples",
            "examples/: Python (and mypy --strict), Node (tsc), Deno, Bun, Chromium, wrangler dev",
        ),
        (
            "typings",
            "a consumer project's tsc under moduleResolution node16, nodenext and bundler",
        ),
        (
            "outside",
            "an outside UniFFI crate (tests/outside/tricky-names) through `joyous-bindgen build`: Node, workerd",
        ),
        (
            "negative",
            "verify's negative tests, in a clean clone of the repository",
        ),
    ]);
    // Before anything compiles: a missing Chromium must not cost a build first.
    prereqs::ensure(&[Need::PythonVenv, Need::Node, Need::Chromium])?;

    steps.start("verify");
    crate::verify::run(ws).context("verify")?;

    steps.start("cargo");
    exec(CARGO.command()?.current_dir(&ws.root).args([
        "test",
        "--workspace",
        "--",
        "--skip",
        "conformance",
    ]))
    .context("cargo tests")?;

    steps.start("fuzz");
    crate::fuzz::run(ws, crate::fuzz::TEST_SECONDS, &[]).context("the bounded fuzz")?;

    steps.start("wheel");
    let wheel = crate::dist::build_wheel(ws)?;
    let venv = fresh_venv_with_wheel(ws, &wheel)?;

    steps.start("pytest");
    pytest(ws, &venv, "tests/python").context("Python API tests")?;
    pytest_fixture_async(ws, &venv).context("fixture-async Python tests")?;

    steps.start("conformance");
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

    steps.start("npm");
    let project = install_packages(ws, &[&SDK, &FIXTURE, &FIXTURE_ASYNC])?;
    let conformance = ws.path("tests/conformance");
    steps.start("differential");
    let config = crate::differential::Config::from_env(None, None)?;
    crate::differential::run(ws, &project, &venv, &config).context("differential tests")?;
    steps.start("node");
    node_runner(ws, "node", &project, Some(&conformance)).context("Node tests")?;
    steps.start("fixture");
    let fixture_dir = project.join("fixture");
    crate::npm::copy_dir(&ws.path("tests/js/fixture"), &fixture_dir)?;
    exec(NODE.command()?.current_dir(&fixture_dir).args([
        "--test",
        "--test-reporter=spec",
        "fixture.test.mjs",
    ]))
    .context("fixture-types Node tests")?;
    steps.start("async");
    fixture_async(ws, &project)?;
    steps.start("workerd");
    node_runner(ws, "workerd", &project, Some(&conformance)).context("workerd tests")?;
    steps.start("chromium");
    node_runner(ws, "chromium", &project, Some(&conformance)).context("Chromium tests")?;
    node_runner(ws, "types", &project, None).context("TypeScript typings check")?;
    steps.start("faults");
    crate::faults::run(ws, &project)?;
    steps.start("examples");
    crate::examples::run(ws, &project, &venv).context("the examples")?;
    steps.start("typings");
    crate::examples::typings(ws, &project)?;
    steps.start("outside");
    crate::outside::run(ws).context("the outside crate")?;
    steps.start("negative");
    crate::verify_negative::run(ws).context("verify negative tests")?;
    println!("all tests passed");
    Ok(())
}

/// fixture-async's checks in Node (with what only Node can measure), then
/// inside a Worker during a request, then in Chromium.
fn fixture_async(ws: &Workspace, project: &Utf8Path) -> Result<()> {
    in_three_runtimes(ws, project, "fixture-async", &["--expose-gc"], "async.test.mjs")
}

/// tests/js/<suite> copied into the project: `node --test <node_test>` there,
/// then its run-workerd.mjs and run-chromium.mjs, each given the project.
pub(crate) fn in_three_runtimes(
    ws: &Workspace,
    project: &Utf8Path,
    suite: &str,
    node_flags: &[&str],
    node_test: &str,
) -> Result<()> {
    let dir = project.join(suite);
    crate::workspace::remove_dir_all(&dir)?;
    crate::npm::copy_dir(&ws.path(&format!("tests/js/{suite}")), &dir)?;
    exec(
        NODE.command()?
            .current_dir(&dir)
            .args(node_flags)
            .args(["--test", "--test-reporter=spec", node_test]),
    )
    .with_context(|| format!("{suite}: Node tests"))?;
    crate::npm::tools(ws)?;
    for runner in ["run-workerd.mjs", "run-chromium.mjs"] {
        exec(
            NODE.command()?
                .current_dir(&ws.root)
                .arg(ws.path(&format!("tests/js/{suite}/{runner}")))
                .arg(project),
        )
        .with_context(|| format!("{suite}: {runner}"))?;
    }
    Ok(())
}

/// One of the runners in tests/js/<name>/run.mjs, which resolve their tools
/// from tests/js/node_modules and the package from the project.
fn node_runner(
    ws: &Workspace,
    name: &str,
    project: &Utf8Path,
    conformance: Option<&Utf8Path>,
) -> Result<()> {
    crate::npm::tools(ws)?;
    let mut cmd = NODE.command()?;
    cmd.current_dir(&ws.root)
        .arg(ws.path(&format!("tests/js/{name}/run.mjs")))
        .arg(project);
    if let Some(dir) = conformance {
        cmd.arg(dir);
    }
    exec(&mut cmd)
}

/// fixture-async's UniFFI Python (generated/) loaded beside its host cdylib:
/// the same cases as its JavaScript checks, in asyncio.
fn pytest_fixture_async(ws: &Workspace, venv: &Venv) -> Result<()> {
    let cdylib = FIXTURE_ASYNC.build_cdylib(ws)?;
    let dir = ws.target_dir().join("python-fixture-async");
    crate::workspace::remove_dir_all(&dir)?;
    crate::workspace::create_dir_all(&dir)?;
    let module = format!("{}.py", FIXTURE_ASYNC.lib);
    for (from, name) in [
        (
            FIXTURE_ASYNC.python_dir(&ws.root).join(&module),
            module.as_str(),
        ),
        (
            cdylib.clone(),
            cdylib.file_name().context("cdylib file name")?,
        ),
    ] {
        std::fs::copy(&from, dir.join(name)).with_context(|| format!("copying {from} to {dir}"))?;
    }
    exec(
        venv.python()
            .current_dir(&ws.root)
            .env("PYTHONPATH", &dir)
            .args([
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-q",
                "tests/python-fixture-async",
            ]),
    )
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
