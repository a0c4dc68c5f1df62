//! The project's Python environments: `.venv` holds the pinned build and test
//! tools; each test run installs the wheel into a brand-new venv, so tests see
//! only what a user who pip-installs the wheel sees.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;

use crate::workspace::{self as ws_fs, exec, Workspace, PYTHON};

pub struct Venv {
    pub dir: Utf8PathBuf,
}

impl Venv {
    pub fn python(&self) -> Command {
        Command::new(self.dir.join("bin/python"))
    }

    pub fn tool(&self, name: &str) -> Command {
        Command::new(self.dir.join("bin").join(name))
    }

    pub fn create(dir: &Utf8Path) -> Result<Venv> {
        exec(
            PYTHON
                .command()?
                .args(["-m", "venv", "--clear", dir.as_str()]),
        )
        .with_context(|| {
            format!("creating a Python venv at {dir} (Debian: `apt-get install python3-venv`)")
        })?;
        Ok(Venv {
            dir: dir.to_owned(),
        })
    }

    pub fn pip_install(&self, args: &[&str]) -> Result<()> {
        exec(
            self.python()
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                ])
                .args(args),
        )
    }
}

/// `.venv` with the pinned tools of tests/python/requirements.txt, installed
/// again only when that file changes.
pub fn tools_venv(ws: &Workspace) -> Result<Venv> {
    let dir = ws.path(".venv");
    let requirements = ws.path("tests/python/requirements.txt");
    let wanted = ws_fs::read_to_string(&requirements)?;
    let stamp = dir.join(".installed-requirements");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(Venv { dir });
    }
    eprintln!("   installing Python tools from tests/python/requirements.txt into .venv");
    let venv = Venv::create(&dir)?;
    venv.pip_install(&["-r", requirements.as_str()])?;
    ws_fs::write(&stamp, wanted)?;
    Ok(venv)
}

/// A new venv under target/ with only the wheel and pytest in it.
pub fn fresh_venv_with_wheel(ws: &Workspace, wheel: &Utf8Path) -> Result<Venv> {
    let venv = Venv::create(&ws.path("target/python-test-venv"))?;
    let requirements = ws_fs::read_to_string(&ws.path("tests/python/requirements.txt"))?;
    let pytest = requirements
        .lines()
        .find(|l| l.starts_with("pytest=="))
        .context("tests/python/requirements.txt pins no pytest")?;
    venv.pip_install(&[pytest, wheel.as_str()])
        .with_context(|| format!("installing {wheel} into a fresh venv"))?;
    Ok(venv)
}
