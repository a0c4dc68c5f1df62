//! The outside crate (tests/outside/tricky-names) built as a stranger builds
//! theirs: `joyous-bindgen build` run from a directory outside the repository,
//! its tarball installed by name into a scratch project, then the Node tests
//! and the workerd check of tests/js/outside run against it.

use anyhow::{ensure, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};

use crate::npm::{install_tarballs, NODE};
use crate::workspace::{capture, exec, Workspace, CARGO};

/// The crate, relative to the repository root.
const CRATE_DIR: &str = "tests/outside/tricky-names";
/// Its npm name (`[package.metadata.joyous-bindgen] npm-name` in its Cargo.toml).
const NPM_NAME: &str = "tricky-names";

const STEPS: [&str; 5] = [
    "building the joyous-bindgen binary",
    "joyous-bindgen build on tests/outside/tricky-names, from outside the repository",
    "installing the tricky-names tarball by name into target/outside/project",
    "Node: tricky-names from the installed tarball (node --test)",
    "workerd (Miniflare): a Worker importing tricky-names by name",
];

fn step(index: usize) {
    crate::workspace::step(index + 1, STEPS.len(), STEPS[index]);
}

pub fn run(ws: &Workspace) -> Result<()> {
    step(0);
    let bindgen = bindgen_binary(ws)?;

    step(1);
    // Absolute: the tool runs in another directory.
    let out_dir = Utf8PathBuf::try_from(std::path::absolute(
        ws.target_dir().join("outside").join("dist"),
    )?)?;
    let tarball = build_outside(ws, &bindgen, &ws.path(CRATE_DIR), &out_dir, &[])?;

    step(2);
    let project = ws.target_dir().join("outside").join("project");
    install_tarballs(&project, &[(NPM_NAME, tarball)])?;
    let tests = project.join("tests");
    crate::npm::copy_dir(&ws.path("tests/js/outside"), &tests)?;

    step(3);
    exec(NODE.command()?.current_dir(&tests).args([
        "--test",
        "--test-reporter=spec",
        "tricky.test.mjs",
    ]))
    .context("the tricky-names Node tests (tests/js/outside/tricky.test.mjs) failed")?;

    step(4);
    // The runner resolves esbuild and miniflare from tests/js/node_modules.
    crate::npm::tools(ws)?;
    exec(
        NODE.command()?
            .current_dir(&ws.root)
            .arg(ws.path("tests/js/outside/run-workerd.mjs"))
            .arg(&project),
    )
    .context("the tricky-names workerd check (tests/js/outside/run-workerd.mjs) failed")?;
    println!("outside crate: tricky-names passed in Node and workerd");
    Ok(())
}

/// Builds the `joyous-bindgen` binary (debug) and returns its path.
pub(crate) fn bindgen_binary(ws: &Workspace) -> Result<Utf8PathBuf> {
    exec(CARGO.command()?.current_dir(&ws.root).args([
        "build",
        "--quiet",
        "--package",
        "joyous-bindgen",
    ]))
    .context("building the joyous-bindgen binary")?;
    let bindgen = ws.target_dir().join("debug").join("joyous-bindgen");
    ensure!(bindgen.is_file(), "cargo built no {bindgen}");
    Ok(bindgen)
}

/// Runs `joyous-bindgen build` on the crate in `crate_dir` with its current
/// directory in a fresh temporary directory outside the repository, as a user
/// would run it from their own project, writing into `out_dir` (absolute),
/// with `flags` after the others (e.g. `--profiling`); returns the tarball path it printed on stdout.
pub(crate) fn build_outside(
    ws: &Workspace,
    bindgen: &Utf8Path,
    crate_dir: &Utf8Path,
    out_dir: &Utf8Path,
    flags: &[&str],
) -> Result<Utf8PathBuf> {
    let manifest = crate_dir.join("Cargo.toml");
    let cwd = ScratchDir::new("joyous-outside")?;
    ensure!(
        !cwd.path.starts_with(&ws.root),
        "the temporary directory {} is inside the repository {}; set TMPDIR to a directory outside it",
        cwd.path,
        ws.root
    );
    let stdout = capture(
        std::process::Command::new(bindgen)
            .current_dir(&cwd.path)
            .args(["build", "--manifest-path", manifest.as_str()])
            .args(["--out-dir", out_dir.as_str()])
            .args(flags),
    )
    .with_context(|| {
        format!(
            "`joyous-bindgen build --manifest-path {manifest}` failed when run from {} (outside the repository)",
            cwd.path
        )
    })?;
    let printed = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .with_context(|| {
            format!(
                "`joyous-bindgen build` printed no tarball path on stdout (it printed {stdout:?})"
            )
        })?;
    // A relative path would be relative to the directory it ran in.
    let tarball = cwd.path.join(printed.trim());
    ensure!(
        tarball.is_file() && tarball.as_str().ends_with(".tgz"),
        "`joyous-bindgen build` printed `{printed}`, which is no .tgz file"
    );
    ensure!(
        tarball.starts_with(out_dir),
        "`joyous-bindgen build` wrote {tarball}, not into --out-dir {out_dir}"
    );
    eprintln!("   tarball: {tarball}");
    Ok(tarball)
}

/// An empty directory under the system's temporary directory, removed on drop.
struct ScratchDir {
    path: Utf8PathBuf,
}

impl ScratchDir {
    fn new(prefix: &str) -> Result<Self> {
        let tmp = Utf8PathBuf::try_from(std::env::temp_dir())
            .context("the temporary directory's path is not UTF-8")?;
        let path = tmp.join(format!("{prefix}-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).with_context(|| format!("removing {path}"))?;
        }
        std::fs::create_dir_all(&path).with_context(|| format!("creating {path}"))?;
        Ok(Self { path })
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        // Best effort: a leftover empty directory in /tmp harms nothing.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
