//! The system pieces the verbs need and that no project file pins: Node.js,
//! Python's venv module, Chromium, and qemu-user with debootstrap. Checked
//! before anything compiles; missing Debian packages are installed with apt-get when we are root on
//! Debian, otherwise the verb stops at once with the one command to run.

use anyhow::{bail, Context, Result};
use camino::Utf8PathBuf;
use std::process::Command;

use crate::npm::{NODE, NPM};
use crate::workspace::{capture, PYTHON};

/// The oldest Node.js major the package and the test tools support.
const NODE_MAJOR: u32 = 20;

#[derive(Clone, Copy, PartialEq)]
pub enum Need {
    /// python3 with the `venv` and `ensurepip` modules (the wheel's venvs).
    PythonVenv,
    /// node and npm, 20 or newer.
    Node,
    /// A Chromium binary for the browser tests.
    Chromium,
    /// qemu-user and debootstrap, for the aarch64 wheel's smoke test.
    Qemu,
}

/// Installs or asks for what `needs` lacks; returns once all is there.
pub fn ensure(needs: &[Need]) -> Result<()> {
    if needs.contains(&Need::Node) {
        check_node()?;
    }
    let missing = missing_packages(needs)?;
    if missing.is_empty() {
        return Ok(());
    }
    match plan(&missing, is_debian(), is_root()) {
        Plan::Install(packages) => install(&packages)?,
        Plan::Stop(message) => bail!(message),
    }
    let still = missing_packages(needs)?;
    if !still.is_empty() {
        bail!(
            "apt-get reported success but {} still missing; install {} by hand and run again",
            still.join(", "),
            if still.len() == 1 { "is" } else { "are" }
        );
    }
    Ok(())
}

/// What to do about missing Debian packages.
#[derive(Debug, PartialEq)]
enum Plan {
    Install(Vec<&'static str>),
    Stop(String),
}

fn plan(missing: &[&'static str], debian: bool, root: bool) -> Plan {
    let list = missing.join(" ");
    match (debian, root) {
        (true, true) => Plan::Install(missing.to_vec()),
        (true, false) => Plan::Stop(format!(
            "missing system packages: {}; install them with \
             `sudo apt-get update && sudo apt-get install -y {list}`, then run this command again",
            missing.join(", ")
        )),
        (false, _) => Plan::Stop(format!(
            "missing system packages (Debian names): {}; install them with your system's \
             package manager (on Debian: `apt-get install -y {list}`), or set CHROMIUM_PATH \
             to a Chromium binary, then run this command again",
            missing.join(", ")
        )),
    }
}

/// The Debian packages that would supply what `needs` lacks.
fn missing_packages(needs: &[Need]) -> Result<Vec<&'static str>> {
    let mut missing = Vec::new();
    if needs.contains(&Need::PythonVenv) {
        if !PYTHON.found() {
            missing.extend(["python3", "python3-venv"]);
        } else if !python_has_venv() {
            missing.push("python3-venv");
        }
    }
    if needs.contains(&Need::Chromium) && chromium()?.is_none() {
        missing.push("chromium");
    }
    if needs.contains(&Need::Qemu) {
        if !on_path("qemu-aarch64-static") {
            missing.push("qemu-user-static");
        }
        if !on_path("debootstrap") {
            missing.push("debootstrap");
        }
    }
    Ok(missing)
}

/// Whether `program` is on PATH or in /usr/sbin (debootstrap's home, which a
/// non-root PATH often lacks).
fn on_path(program: &str) -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([std::path::PathBuf::from("/usr/sbin")])
        .any(|dir| dir.join(program).is_file())
}

fn python_has_venv() -> bool {
    Command::new(PYTHON.program)
        .args(["-c", "import ensurepip, venv"])
        .output()
        .is_ok_and(|out| out.status.success())
}

/// The Chromium the browser tests will run (tests/js/tools/chromium.mjs
/// reads the same `CHROMIUM_PATH`, else /usr/bin/chromium), if it exists.
fn chromium() -> Result<Option<Utf8PathBuf>> {
    match std::env::var("CHROMIUM_PATH") {
        Ok(path) => {
            let path = Utf8PathBuf::from(path);
            if !path.is_file() {
                bail!(
                    "CHROMIUM_PATH is {path}, which is not a file: point it at a Chromium \
                     binary, or unset it to use Debian's /usr/bin/chromium"
                );
            }
            Ok(Some(path))
        }
        Err(_) => {
            let path = Utf8PathBuf::from("/usr/bin/chromium");
            Ok(path.is_file().then_some(path))
        }
    }
}

fn check_node() -> Result<()> {
    let version = capture(NODE.command()?.arg("--version"))?;
    NPM.command()?;
    let major = node_major(&version)
        .with_context(|| format!("`node --version` printed `{}`", version.trim()))?;
    if major < NODE_MAJOR {
        bail!(
            "Node.js {} is too old: {NODE_MAJOR} or newer is needed; {}",
            version.trim(),
            NODE.install_hint
        );
    }
    Ok(())
}

/// `v20.11.1` -> 20.
fn node_major(version: &str) -> Option<u32> {
    version
        .trim()
        .strip_prefix('v')?
        .split('.')
        .next()?
        .parse()
        .ok()
}

fn is_debian() -> bool {
    std::path::Path::new("/etc/debian_version").exists()
}

fn is_root() -> bool {
    // `id -u` rather than a libc binding: one call, no dependency.
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

fn install(packages: &[&str]) -> Result<()> {
    eprintln!(
        "-- installing {} with apt-get (system packages the tests need)",
        packages.join(" ")
    );
    // dpkg prints hundreds of lines per package: shown only if apt-get fails.
    let apt = |args: &[&str]| -> Result<()> {
        let shown = format!("apt-get {}", args.join(" "));
        let out = Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .output()
            .with_context(|| format!("could not start `{shown}`"))?;
        if !out.status.success() {
            eprint!("{}", String::from_utf8_lossy(&out.stdout));
            eprint!("{}", String::from_utf8_lossy(&out.stderr));
            bail!("`{shown}` failed ({}): its output is above", out.status);
        }
        Ok(())
    };
    apt(&["update", "-qq"]).context("apt-get update (is Debian's package mirror reachable?)")?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(packages);
    apt(&args).with_context(|| format!("installing {}", packages.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_on_debian_installs() {
        assert_eq!(
            plan(&["chromium", "python3-venv"], true, true),
            Plan::Install(vec!["chromium", "python3-venv"])
        );
    }

    #[test]
    fn otherwise_stops_with_the_command() {
        let Plan::Stop(message) = plan(&["chromium"], true, false) else {
            panic!("a non-root user cannot apt-get install");
        };
        assert!(
            message.contains("`sudo apt-get update && sudo apt-get install -y chromium`"),
            "{message}"
        );
        let Plan::Stop(message) = plan(&["chromium", "python3-venv"], false, true) else {
            panic!("apt-get is Debian's");
        };
        assert!(message.contains("chromium, python3-venv"), "{message}");
        assert!(message.contains("CHROMIUM_PATH"), "{message}");
    }

    #[test]
    fn node_versions() {
        assert_eq!(node_major("v20.20.2\n"), Some(20));
        assert_eq!(node_major("v8.1.0"), Some(8));
        assert_eq!(node_major("20.1"), None);
    }
}
