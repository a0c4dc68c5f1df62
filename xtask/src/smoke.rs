//! `cargo xtask smoke`: the packages the tests do not install, each imported
//! and asked for one seeded goodbye, which must equal the Rust core's: the
//! sdist built by pip from source in a fresh venv, and the manylinux aarch64
//! wheel installed by an arm64 Debian's own python3 under qemu-user.

use anyhow::{ensure, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, UNIX_EPOCH};

use joyous_departures::{generate_goodbye, GoodbyeOptions, TemplateArgs};

use crate::prereqs::{self, Need};
use crate::python::Venv;
use crate::wheels::{self, MANYLINUX_AARCH64};
use crate::workspace::{self as ws_fs, capture, exec, Steps, Workspace};

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
pub enum Check {
    /// `pip install --no-binary :all:` of the sdist (compiles the crate).
    Sdist,
    /// The manylinux aarch64 wheel in an arm64 Debian under qemu-user.
    Aarch64,
}

/// The smoke test, as a user would write it (no options but the seeded ones).
pub const PYTHON: &str = r#"
from datetime import datetime, timezone
import joyous_departures as jd
now = datetime(2026, 11, 23, 14, 5, tzinfo=timezone.utc)
args = jd.TemplateArgs(name="Ada", location="Lisbon")
print(jd.generate_goodbye(jd.GoodbyeOptions(language_code="en-GB", seed=18,
      timezone="Europe/Lisbon", now=now, template_args=args)))
"#;

/// What the Rust core says for [`PYTHON`]'s options.
fn expected() -> Result<String> {
    let now: jiff::Timestamp = "2026-11-23T14:05:00Z".parse()?;
    Ok(generate_goodbye(GoodbyeOptions {
        language_code: "en-GB".into(),
        seed: Some(18),
        timezone: "Europe/Lisbon".into(),
        now: Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(now.as_second())?)),
        template_args: Some(TemplateArgs {
            name: Some("Ada".into()),
            location: Some("Lisbon".into()),
            ..TemplateArgs::default()
        }),
        ..GoodbyeOptions::default()
    })?)
}

/// Fails unless `printed` (a smoke run's output) is the Rust core's goodbye.
pub fn expect(printed: &str) -> Result<()> {
    let want = expected()?;
    ensure!(
        printed == want,
        "the smoke test printed `{printed}`, but the Rust core gives `{want}` for the same options"
    );
    Ok(())
}

pub fn run(ws: &Workspace, checks: &[Check]) -> Result<()> {
    let checks = if checks.is_empty() {
        vec![Check::Sdist, Check::Aarch64]
    } else {
        checks.to_vec()
    };
    let steps = Steps::new([
        (
            "sdist",
            "the sdist: pip builds it from source in a fresh venv",
        ),
        ("aarch64", "the manylinux aarch64 wheel under qemu-user"),
    ]);
    if checks.contains(&Check::Aarch64) {
        prereqs::ensure(&[Need::PythonVenv, Need::Qemu])?;
    } else {
        prereqs::ensure(&[Need::PythonVenv])?;
    }
    for check in checks {
        let started = Instant::now();
        let printed = match check {
            Check::Sdist => {
                steps.start("sdist");
                sdist(ws)?
            }
            Check::Aarch64 => {
                steps.start("aarch64");
                aarch64(ws)?
            }
        };
        expect(&printed)?;
        println!(
            "{}: {printed} ({:.0} s)",
            match check {
                Check::Sdist => "sdist",
                Check::Aarch64 => "aarch64 (qemu)",
            },
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// Builds the sdist, installs it from source into a fresh venv, runs [`PYTHON`].
fn sdist(ws: &Workspace) -> Result<String> {
    let sdist = wheels::build_sdist(ws)?;
    let venv = Venv::create(&ws.target_dir().join("sdist-test-venv"))?;
    // Every package from source, as on a platform without wheels, except the
    // build tool itself (maturin from source alone takes longer than our crate).
    venv.pip_install(&[
        "--no-binary",
        ":all:",
        "--only-binary",
        "maturin",
        sdist.as_str(),
    ])
    .with_context(|| format!("installing {sdist} from source into {}", venv.dir))?;
    let out = capture(
        venv.python()
            .current_dir(ws.target_dir())
            .args(["-c", PYTHON]),
    )
    .with_context(|| format!("the smoke test in {}", venv.dir))?;
    Ok(out.trim_end().to_owned())
}

/// An arm64 Debian (first stage of debootstrap, every package unpacked; cached
/// under target/) whose python3 runs under qemu-aarch64 with the guest's files
/// first (`-L`): no chroot and no binfmt_misc, which containers often lack.
fn aarch64(ws: &Workspace) -> Result<String> {
    let wheel = wheels::build(ws, &MANYLINUX_AARCH64)?;
    let root = arm64_root(ws)?;
    let site = ws.target_dir().join("qemu/site");
    ws_fs::remove_dir_all(&site)?;
    let python = |args: &[&str]| -> Command {
        let mut cmd = Command::new("qemu-aarch64-static");
        cmd.arg("-L")
            .arg(&root)
            .arg(root.join("usr/bin/python3"))
            .args(args)
            .env("PYTHONPATH", &site)
            .env_remove("PYTHONHOME");
        cmd
    };
    // The guest's pip decides from the guest's interpreter whether the tag fits.
    exec(
        python(&["-m", "pip", "install", "--quiet", "--no-index", "--no-deps"])
            .args([
                "--disable-pip-version-check",
                "--root-user-action=ignore",
                "--target",
            ])
            .arg(&site)
            .arg(&wheel.path),
    )
    .with_context(|| format!("installing {} with the arm64 pip", wheel.path))?;
    let out = capture(&mut python(&["-c", PYTHON])).context("the smoke test under qemu")?;
    Ok(out.trim_end().to_owned())
}

/// Debian's suite for the arm64 root (python3 3.11, glibc 2.36).
const SUITE: &str = "bookworm";
const GUEST_PACKAGES: &str = "python3,python3-pip,tzdata";

/// target/qemu/arm64-<suite>: made once, then reused while its stamp matches.
fn arm64_root(ws: &Workspace) -> Result<Utf8PathBuf> {
    let root = ws.target_dir().join(format!("qemu/arm64-{SUITE}"));
    let stamp = root.join(".joyous-packages");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(GUEST_PACKAGES) {
        return Ok(root);
    }
    ws_fs::remove_dir_all(&root)?;
    eprintln!("   debootstrap: an arm64 Debian {SUITE} with {GUEST_PACKAGES} into {root}");
    // --foreign only downloads and unpacks: its second stage would run arm64
    // code, so the packages it downloaded are unpacked here instead (no
    // maintainer scripts: python3 and pip need none to run).
    exec(
        Command::new("debootstrap")
            .args(["--foreign", "--arch=arm64", "--variant=minbase"])
            .arg(format!("--include={GUEST_PACKAGES}"))
            .arg(SUITE)
            .arg(&root)
            .stdout(std::io::stderr()),
    )
    .context("debootstrap of the arm64 root (is Debian's package mirror reachable?)")?;
    let archives = root.join("var/cache/apt/archives");
    for deb in debs(&archives)? {
        exec(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root))
            .with_context(|| format!("unpacking {deb} into {root}"))?;
    }
    let python = root.join("usr/bin/python3");
    ensure!(
        python.exists() || python.is_symlink(),
        "debootstrap made {root} but no {python}"
    );
    ws_fs::write(&stamp, GUEST_PACKAGES)?;
    Ok(root)
}

fn debs(dir: &Utf8Path) -> Result<Vec<Utf8PathBuf>> {
    let mut found: Vec<Utf8PathBuf> = dir
        .read_dir_utf8()
        .with_context(|| format!("reading {dir}"))?
        .flatten()
        .filter(|e| e.file_name().ends_with(".deb"))
        .map(|e| e.into_path())
        .collect();
    found.sort();
    ensure!(!found.is_empty(), "debootstrap left no .deb in {dir}");
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_core_s_goodbye_passes() {
        let want = expected().unwrap();
        assert!(expect(&want).is_ok());
        let error = expect("Goodbye!").unwrap_err().to_string();
        assert!(error.contains("printed `Goodbye!`"), "{error}");
        assert!(error.contains(&want), "{error}");
    }
}
