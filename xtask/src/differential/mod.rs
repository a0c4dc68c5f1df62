//! Differential tests across runtimes (`cargo xtask diff`, and the
//! "differential" step of `cargo xtask test`): seeded random options rendered
//! by the native core (cases.rs) and then by the installed wheel, the npm
//! package in Node and in workerd (tests/differential); every runtime must
//! give the same text or the same error variant, or a documented zone-data
//! difference (tests/differential/known-zone-differences.json).

mod cases;

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};

use crate::npm::NODE;
use crate::python::Venv;
use crate::workspace::{self, Workspace};

/// Cases per run unless `--cases` or `JD_DIFF_CASES` says otherwise.
pub const DEFAULT_CASES: usize = 3000;
/// No runner may take longer than this (a hang fails, naming the runner).
const RUNNER_TIMEOUT: Duration = Duration::from_secs(300);

pub struct Config {
    pub seed: u64,
    pub cases: usize,
}

impl Config {
    /// From `JD_DIFF_SEED` / `JD_DIFF_CASES` (or the verb's flags); a fresh seed otherwise.
    pub fn from_env(seed: Option<u64>, cases: Option<usize>) -> Result<Self> {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let seed = match (seed, env("JD_DIFF_SEED")) {
            (Some(s), _) => s,
            (None, Some(v)) => v.parse().with_context(|| {
                format!("JD_DIFF_SEED=`{v}` is not a whole number from 0 to 2^64-1")
            })?,
            (None, None) => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)?
                .as_nanos() as u64,
        };
        let cases = match (cases, env("JD_DIFF_CASES")) {
            (Some(n), _) => n,
            (None, Some(v)) => v
                .parse()
                .with_context(|| format!("JD_DIFF_CASES=`{v}` is not a whole number"))?,
            (None, None) => DEFAULT_CASES,
        };
        Ok(Self { seed, cases })
    }
}

/// Generates the cases and runs every runtime's runner over them.
pub fn run(ws: &Workspace, project: &Utf8Path, venv: &Venv, config: &Config) -> Result<()> {
    let Config { seed, cases } = *config;
    eprintln!("   differential: seed {seed}, {cases} cases (JD_DIFF_SEED={seed} JD_DIFF_CASES={cases} reproduces them)");
    let started = Instant::now();
    let data = cases::generate(seed, cases).context("generating the differential cases")?;
    let dir = ws.target_dir().join("differential");
    workspace::create_dir_all(&dir)?;
    let file = dir.join("cases.json");
    workspace::write(&file, serde_json::to_vec(&data)?)?;
    println!(
        "differential: seed {seed}: {cases} cases rendered natively in {:.1}s",
        started.elapsed().as_secs_f64()
    );

    let runners = ws.path("tests/differential");
    let mut failed = Vec::new();
    let mut python = venv.python();
    python.arg(runners.join("python/run.py")).arg(&file);
    let mut node = NODE.command()?;
    node.arg(runners.join("js/run-node.mjs"))
        .arg(project)
        .arg(&file);
    crate::npm::tools(ws)?;
    let mut workerd = NODE.command()?;
    workerd
        .arg(runners.join("js/run-workerd.mjs"))
        .arg(project)
        .arg(&file);
    for (name, mut cmd) in [("python", python), ("node", node), ("workerd", workerd)] {
        cmd.current_dir(&ws.root);
        let started = Instant::now();
        if let Err(e) = run_bounded(name, &mut cmd) {
            eprintln!("differential: {name}: {e:#}");
            failed.push(name);
        }
        eprintln!(
            "   differential: {name} took {:.1}s",
            started.elapsed().as_secs_f64()
        );
    }
    if !failed.is_empty() {
        bail!(
            "the differential test failed in {} (seed {seed}, {cases} cases); rerun with \
             `JD_DIFF_SEED={seed} JD_DIFF_CASES={cases} cargo xtask diff`",
            failed.join(", ")
        );
    }
    Ok(())
}

/// Runs `cmd` to completion, or kills it after RUNNER_TIMEOUT.
fn run_bounded(name: &str, cmd: &mut Command) -> Result<()> {
    let mut child = cmd
        .spawn()
        .with_context(|| format!("could not start the {name} runner"))?;
    let deadline = Instant::now() + RUNNER_TIMEOUT;
    loop {
        if let Some(status) = child.try_wait()? {
            if status.success() {
                return Ok(());
            }
            bail!("the {name} runner failed ({status}); its report is above");
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            bail!(
                "the {name} runner did not finish in {}s: a hang (or a much slower build)",
                RUNNER_TIMEOUT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `cargo xtask diff`: builds and installs the wheel and the npm package, then runs.
/// With `installed`, uses the venv and the npm project a previous `test`,
/// `demo` or `diff` left under target/ as they are (a quick rerun of a seed).
pub fn verb(ws: &Workspace, config: &Config, installed: bool) -> Result<()> {
    use crate::prereqs::{self, Need};
    prereqs::ensure(&[Need::PythonVenv, Need::Node])?;
    if installed {
        let venv = Venv {
            dir: ws.path("target/python-test-venv"),
        };
        anyhow::ensure!(
            venv.dir.join("bin/python").exists(),
            "--installed: no venv at {}; run `cargo xtask diff` without it once",
            venv.dir
        );
        let project = ws.target_dir().join("npm-test");
        anyhow::ensure!(
            project.join("node_modules/joyous-departures").exists(),
            "--installed: {project} has no joyous-departures; run `cargo xtask diff` without it once"
        );
        run(ws, &project, &venv, config)?;
        println!("differential: all runtimes agree");
        return Ok(());
    }
    let steps = workspace::Steps::new([
        (
            "wheel",
            "building the Python wheel and installing it into a fresh venv",
        ),
        (
            "npm",
            "building the npm package and installing it into target/npm-test",
        ),
        (
            "differential",
            "the differential cases: native, Python, Node, workerd",
        ),
    ]);
    steps.start("wheel");
    let wheel = crate::dist::build_wheel(ws)?;
    let venv = crate::python::fresh_venv_with_wheel(ws, &wheel)?;
    steps.start("npm");
    let project: Utf8PathBuf = crate::npm::install_packages(ws, &[&crate::components::SDK])?;
    steps.start("differential");
    run(ws, &project, &venv, config)?;
    println!("differential: all runtimes agree");
    Ok(())
}
