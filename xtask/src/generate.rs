//! `cargo xtask generate`: the declared API -> generated/.

use anyhow::{Context, Result};
use camino::Utf8Path;
use uniffi_bindgen::bindings::{GenerateOptions, TargetLanguage};

use crate::workspace::{build_core_cdylib, step, Workspace};

pub fn run(ws: &Workspace) -> Result<()> {
    step(1, 2, "building the core cdylib (UniFFI metadata)");
    let cdylib = build_core_cdylib(ws)?;
    step(2, 2, "generating Python bindings into generated/python");
    python_bindings(&cdylib, &ws.path("generated/python"))?;
    eprintln!("generated/ is up to date; review with `git diff generated/` and commit it");
    Ok(())
}

/// UniFFI's Python for the cdylib, exactly as maturin's uniffi mode makes it
/// for the wheel (no formatter), so the wheel ships the reviewed bytes.
pub fn python_bindings(cdylib: &Utf8Path, out_dir: &Utf8Path) -> Result<()> {
    uniffi_bindgen::bindings::generate(GenerateOptions {
        languages: vec![TargetLanguage::Python],
        source: cdylib.to_owned(),
        out_dir: out_dir.to_owned(),
        format: false,
        ..GenerateOptions::default()
    })
    .with_context(|| format!("uniffi_bindgen: Python bindings from {cdylib} into {out_dir}"))
}
