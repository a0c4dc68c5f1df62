//! `cargo xtask dist`: the Python wheel and the npm packages in target/dist/.

use anyhow::{bail, Context, Result};
use camino::{Utf8Path, Utf8PathBuf};

use crate::components::ALL;
use crate::npm::build_package;
use crate::python::tools_venv;
use crate::workspace::{exec, Steps, Workspace};

pub fn run(ws: &Workspace) -> Result<()> {
    let steps = Steps::new(
        std::iter::once((
            "wheel".to_string(),
            "building the Python wheel with maturin (release)".to_string(),
        ))
        .chain(ALL.iter().map(|c| {
            (
                c.npm_name.to_string(),
                format!("building the npm package {}", c.npm_name),
            )
        })),
    );
    steps.start("wheel");
    let wheel = build_wheel(ws)?;
    println!("{wheel} ({})", kb(&wheel)?);
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

/// The wheel of this version in target/dist/, built now by maturin.
pub fn build_wheel(ws: &Workspace) -> Result<Utf8PathBuf> {
    let prefix = format!("joyous_departures-{}-", ws.version());
    maturin_wheel(
        ws,
        &ws.core_dir().join("Cargo.toml"),
        &ws.path("target/dist"),
        &prefix,
        &[],
    )
    .context("maturin build")
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
    for wheel in wheels(out_dir, prefix) {
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
    match wheels(out_dir, prefix).as_slice() {
        [wheel] => Ok(wheel.clone()),
        other => bail!("expected one {prefix}*.whl in {out_dir}, found {other:?}"),
    }
}

/// The wheels named `<prefix>*.whl` in `dir` (none if `dir` does not exist).
fn wheels(dir: &Utf8Path, prefix: &str) -> Vec<Utf8PathBuf> {
    match dir.read_dir_utf8() {
        Ok(entries) => entries
            .flatten()
            .filter(|e| e.file_name().starts_with(prefix) && e.file_name().ends_with(".whl"))
            .map(|e| e.into_path())
            .collect(),
        Err(_) => Vec::new(),
    }
}
