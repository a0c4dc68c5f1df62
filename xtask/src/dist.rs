//! `cargo xtask dist`: the Python wheel and the npm packages in target/dist/.

use anyhow::{bail, Context, Result};
use camino::Utf8PathBuf;

use crate::components::ALL;
use crate::npm::build_package;
use crate::python::tools_venv;
use crate::workspace::{exec, step, Workspace};

pub fn run(ws: &Workspace) -> Result<()> {
    let total = 1 + ALL.len();
    step(1, total, "building the Python wheel with maturin (release)");
    let wheel = build_wheel(ws)?;
    println!("{wheel} ({})", kb(&wheel)?);
    for (i, component) in ALL.iter().enumerate() {
        step(
            2 + i,
            total,
            &format!("building the npm package {}", component.npm_name),
        );
        let tarball = build_package(ws, component)?;
        println!("{tarball} ({})", kb(&tarball)?);
    }
    Ok(())
}

fn kb(path: &camino::Utf8Path) -> Result<String> {
    Ok(format!(
        "{:.0} KB",
        std::fs::metadata(path)?.len() as f64 / 1024.0
    ))
}

/// The wheel of this version in target/dist/, built now by maturin.
pub fn build_wheel(ws: &Workspace) -> Result<Utf8PathBuf> {
    let venv = tools_venv(ws)?;
    let out_dir = ws.path("target/dist");
    let prefix = format!("joyous_departures-{}-", ws.version());
    // Drop wheels of this version from earlier builds so the one we return is this build's.
    if let Ok(entries) = out_dir.read_dir_utf8() {
        for entry in entries.flatten() {
            if entry.file_name().starts_with(&prefix) && entry.file_name().ends_with(".whl") {
                std::fs::remove_file(entry.path())?;
            }
        }
    }
    exec(
        venv.tool("maturin")
            .current_dir(&ws.root)
            .args(["build", "--release", "--quiet", "--manifest-path"])
            .arg(ws.core_dir().join("Cargo.toml"))
            .args(["--out", out_dir.as_str()])
            // maturin's and uniffi-bindgen's chatter is progress, not a result.
            .stdout(std::io::stderr()),
    )
    .context("maturin build")?;
    let wheels: Vec<Utf8PathBuf> = out_dir
        .read_dir_utf8()?
        .flatten()
        .filter(|e| e.file_name().starts_with(&prefix) && e.file_name().ends_with(".whl"))
        .map(|e| e.into_path())
        .collect();
    match wheels.as_slice() {
        [wheel] => Ok(wheel.clone()),
        other => bail!("expected one {prefix}*.whl in {out_dir}, found {other:?}"),
    }
}
