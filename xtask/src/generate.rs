//! `cargo xtask generate`: the declared API -> generated/.

use anyhow::{Context, Result};
use camino::Utf8Path;
use uniffi_bindgen::bindings::{GenerateOptions, TargetLanguage};
use uniffi_bindgen::interface::ComponentInterface;

use crate::components::{Component, ALL};
use crate::workspace::{step, Workspace};

pub fn run(ws: &Workspace) -> Result<()> {
    generate_into(ws, &ws.root)?;
    eprintln!("generated/ is up to date; review with `git diff generated/` and commit it");
    Ok(())
}

/// Everything under `<root>/generated/`: `root` is the repository, or a
/// scratch directory when verify compares a fresh generation with it.
/// Returns each component's interface, in the order of `ALL`.
pub fn generate_into(ws: &Workspace, root: &Utf8Path) -> Result<Vec<ComponentInterface>> {
    let total = ALL.len() * 2;
    let mut interfaces = Vec::new();
    for (i, component) in ALL.iter().enumerate() {
        step(
            2 * i + 1,
            total,
            &format!(
                "building the {} cdylib (UniFFI metadata)",
                component.package
            ),
        );
        let cdylib = component.build_cdylib(ws)?;
        step(
            2 * i + 2,
            total,
            &format!("generating the bindings of {}", component.package),
        );
        python_bindings(&cdylib, &component.python_dir(root))?;
        interfaces.push(wasm_and_typescript(ws, component, &cdylib, root)?);
    }
    Ok(interfaces)
}

/// The glue crate and the TypeScript package sources, replacing what was
/// there; returns the component's interface they came from.
fn wasm_and_typescript(
    ws: &Workspace,
    component: &Component,
    cdylib: &Utf8Path,
    root: &Utf8Path,
) -> Result<ComponentInterface> {
    let ci = joyous_bindgen::load_component_interfaces(cdylib)?
        .into_iter()
        .find(|c| c.crate_name() == component.lib)
        .with_context(|| format!("{cdylib} has no UniFFI crate `{}`", component.lib))?;
    let generated = joyous_bindgen::generate(&ci, &component.bindgen_config(ws))?;
    for (dir, files) in [
        (component.wasm_dir(root), &generated.wasm),
        (component.typescript_dir(root), &generated.typescript),
    ] {
        if dir.exists() {
            std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {dir}"))?;
        }
        joyous_bindgen::write_files(&dir, files)?;
    }
    Ok(ci)
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
