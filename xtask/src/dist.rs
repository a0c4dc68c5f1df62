//! `cargo xtask dist`: the Python wheels (every platform of wheels.rs, each
//! tag checked), the sdist and the npm packages, all in target/dist/.

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};

use crate::components::ALL;
use crate::npm::build_package;
use crate::python::{fresh_venv_with_wheel, tools_venv};
use crate::wheels;
use crate::workspace::{capture, exec, Steps, Workspace};

pub fn run(ws: &Workspace) -> Result<()> {
    let steps = Steps::new(
        wheels::ALL
            .iter()
            .map(|p| {
                (
                    p.tag.to_string(),
                    format!("building the {} wheel (maturin --zig, release)", p.tag),
                )
            })
            .chain([
                (
                    "import".to_string(),
                    "importing this machine's wheel in a fresh venv".to_string(),
                ),
                ("sdist".to_string(), "building the sdist".to_string()),
            ])
            .chain(ALL.iter().map(|c| {
                (
                    c.npm_name.to_string(),
                    format!("building the npm package {}", c.npm_name),
                )
            })),
    );
    let host = wheels::host_platform()?;
    let mut host_wheel = None;
    for platform in wheels::ALL {
        steps.start(platform.tag);
        let wheel = wheels::build(ws, platform)?;
        println!("{} ({})", wheel.path, kb(&wheel.path)?);
        println!(
            "  cdylib {:.0} KB as linked, {:.0} KB stripped; {}",
            wheel.cdylib_linked as f64 / 1024.0,
            wheel.cdylib_shipped as f64 / 1024.0,
            wheel.auditwheel
        );
        if platform.tag == host.tag {
            host_wheel = Some(wheel.path);
        }
    }
    steps.start("import");
    let wheel = host_wheel.context("xtask bug: the host's platform is not in wheels::ALL")?;
    let venv = fresh_venv_with_wheel(ws, &wheel)?;
    let goodbye = capture(venv.python().args(["-c", crate::smoke::PYTHON]))
        .with_context(|| format!("importing {wheel}"))?;
    crate::smoke::expect(goodbye.trim_end())?;
    steps.start("sdist");
    let sdist = wheels::build_sdist(ws)?;
    println!("{sdist} ({})", kb(&sdist)?);
    for component in ALL {
        steps.start(component.npm_name);
        let tarball = build_package(ws, component)?;
        println!("{tarball} ({})", kb(&tarball)?);
    }
    Ok(())
}

fn kb(path: &camino::Utf8Path) -> Result<String> {
    Ok(format!(
        "{:.0} KB",
        std::fs::metadata(path)
            .with_context(|| format!("reading {path}"))?
            .len() as f64
            / 1024.0
    ))
}

/// The manylinux wheel of this machine's architecture in target/dist/, built
/// and checked now (what the tests, the demo and the bench install).
pub fn build_wheel(ws: &Workspace) -> Result<Utf8PathBuf> {
    Ok(wheels::build(ws, wheels::host_platform()?)?.path)
}

/// `maturin build --release` of `manifest` into `out_dir`, returning the one
/// wheel named `<prefix>*.whl` (older ones of that prefix are removed first,
/// so the wheel returned is this build's).
pub fn maturin_wheel(
    ws: &Workspace,
    manifest: &Utf8Path,
    out_dir: &Utf8Path,
    prefix: &str,
    extra_args: &[&str],
) -> Result<Utf8PathBuf> {
    let venv = tools_venv(ws)?;
    for wheel in wheels_named(out_dir, prefix) {
        std::fs::remove_file(&wheel).with_context(|| format!("removing {wheel}"))?;
    }
    exec(
        venv.tool("maturin")
            .current_dir(&ws.root)
            .args([
                "build",
                "--release",
                "--quiet",
                "--manifest-path",
                manifest.as_str(),
            ])
            .args(["--out", out_dir.as_str()])
            .args(extra_args)
            // maturin's and uniffi-bindgen's chatter is progress, not a result.
            .stdout(std::io::stderr()),
    )
    .with_context(|| format!("maturin build of {manifest}"))?;
    match wheels_named(out_dir, prefix).as_slice() {
        [wheel] => Ok(wheel.clone()),
        other => bail!("expected one {prefix}*.whl in {out_dir}, found {other:?}"),
    }
}

/// The wheels named `<prefix>*.whl` in `dir` (none if `dir` does not exist).
fn wheels_named(dir: &Utf8Path, prefix: &str) -> Vec<Utf8PathBuf> {
    match dir.read_dir_utf8() {
        Ok(entries) => entries
            .flatten()
            .filter(|e| e.file_name().starts_with(prefix) && e.file_name().ends_with(".whl"))
            .map(|e| e.into_path())
            .collect(),
        Err(_) => Vec::new(),
    }
}
