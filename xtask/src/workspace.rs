//! The workspace's paths, progress lines, and running external commands with
//! errors that name the step, the command and how to get a missing tool.

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::{Command, Stdio};

pub struct Workspace {
    pub root: Utf8PathBuf,
}

/// The core crate, as cargo and maturin name it.
pub const CORE_PACKAGE: &str = "joyous-departures";

impl Workspace {
    pub fn locate() -> Result<Self> {
        let xtask_dir = Utf8Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = xtask_dir
            .parent()
            .context("xtask has no parent directory")?
            .to_owned();
        Ok(Self { root })
    }

    pub fn path(&self, relative: &str) -> Utf8PathBuf {
        self.root.join(relative)
    }

    pub fn core_dir(&self) -> Utf8PathBuf {
        self.path("crates/joyous-departures")
    }

    pub fn version(&self) -> &'static str {
        env!("CARGO_PKG_VERSION")
    }

    /// Cargo's target directory (honours `CARGO_TARGET_DIR`).
    pub fn target_dir(&self) -> Utf8PathBuf {
        std::env::var("CARGO_TARGET_DIR")
            .map(Utf8PathBuf::from)
            .unwrap_or_else(|_| self.path("target"))
    }
}

/// `-- <what> [i/n]` on stderr, so long runs say where they are while stdout
/// keeps only results.
pub fn step(index: usize, total: usize, what: &str) {
    eprintln!("-- {what} [{index}/{total}]");
}

/// A system tool we do not install ourselves, with one line on how to get it.
pub struct Tool {
    pub program: &'static str,
    pub install_hint: &'static str,
}

pub const PYTHON: Tool = Tool {
    program: "python3",
    install_hint: "install Python 3.9+ with venv (Debian: `apt-get install python3 python3-venv`)",
};
pub const CARGO: Tool = Tool {
    program: "cargo",
    install_hint: "install Rust with rustup",
};

impl Tool {
    pub fn command(&self) -> Result<Command> {
        which(self.program)
            .with_context(|| format!("`{}` not found: {}", self.program, self.install_hint))?;
        Ok(Command::new(self.program))
    }
}

fn which(program: &str) -> Option<Utf8PathBuf> {
    let path = std::env::var("PATH").ok()?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
        .and_then(|p| Utf8PathBuf::from_path_buf(p).ok())
}

/// Run to completion with output shown; fail naming the command.
pub fn exec(cmd: &mut Command) -> Result<()> {
    let shown = describe(cmd);
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Run and return stdout (stderr passes through); fail naming the command.
pub fn capture(cmd: &mut Command) -> Result<String> {
    let shown = describe(cmd);
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("could not start `{shown}`"))?;
    if !out.status.success() {
        bail!("`{shown}` failed ({})", out.status);
    }
    String::from_utf8(out.stdout).with_context(|| format!("`{shown}` printed non-UTF-8 output"))
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}
