//! `cargo xtask generate`: the declared API -> generated/, all or nothing.
//!
//! Everything is generated into target/generate first; only when every
//! component generated are generated/'s output directories swapped for the
//! fresh ones, so a failure leaves generated/ as it was.

use anyhow::{Context, Result};
use camino::{Utf8Path, Utf8PathBuf};
use uniffi_bindgen::bindings::{GenerateOptions, TargetLanguage};
use uniffi_bindgen::interface::ComponentInterface;

use crate::components::{Component, ALL};
use crate::workspace::{self as ws_fs, Steps, Workspace};

pub fn run(ws: &Workspace) -> Result<()> {
    // The repository's own target/, not CARGO_TARGET_DIR: a rename into
    // generated/ must not cross file systems.
    let scratch = ws.path("target/generate");
    ws_fs::remove_dir_all(&scratch)?;
    generate_into(ws, &scratch).context(
        "generation failed; generated/ is untouched (the partial output is in target/generate)",
    )?;
    swap_in(ws, &scratch)?;
    ws_fs::remove_dir_all(&scratch)?;
    eprintln!("generated/ is up to date; review with `git diff generated/` and commit it");
    Ok(())
}

/// The output directories of every component: (in generated/, in `scratch`).
fn output_dirs(ws: &Workspace, scratch: &Utf8Path) -> Vec<(Utf8PathBuf, Utf8PathBuf)> {
    let mut out = Vec::new();
    for component in ALL {
        for dir in [
            Component::python_dir,
            Component::wasm_dir,
            Component::typescript_dir,
        ] {
            out.push((dir(component, &ws.root), dir(component, scratch)));
        }
    }
    out
}

/// Moves each fresh output directory into generated/, the old one aside
/// first; if a move fails, the ones already moved are put back.
fn swap_in(ws: &Workspace, scratch: &Utf8Path) -> Result<()> {
    let old = scratch.join("replaced");
    let mut done: Vec<(Utf8PathBuf, Utf8PathBuf)> = Vec::new();
    for (i, (committed, fresh)) in output_dirs(ws, scratch).into_iter().enumerate() {
        let aside = old.join(i.to_string());
        let swapped = (|| {
            ws_fs::create_dir_all(&old)?;
            // A new component's directory in generated/ does not exist yet.
            if let Some(parent) = committed.parent() {
                ws_fs::create_dir_all(parent)?;
            }
            if committed.exists() {
                ws_fs::rename(&committed, &aside)?;
            }
            ws_fs::rename(&fresh, &committed)
        })();
        if let Err(error) = swapped {
            // Put back this directory and every one replaced before it.
            done.push((committed, aside));
            let mut not_restored = Vec::new();
            for (committed, aside) in done.iter().rev() {
                if aside.exists() {
                    let restored = ws_fs::remove_dir_all(committed)
                        .and_then(|()| ws_fs::rename(aside, committed));
                    if restored.is_err() {
                        not_restored.push(committed.to_string());
                    }
                }
            }
            let what = if not_restored.is_empty() {
                "generated/ was put back as it was".to_owned()
            } else {
                format!(
                    "could not put back {}; restore with `git checkout -- generated/`",
                    not_restored.join(", ")
                )
            };
            return Err(error.context(format!(
                "replacing generated/ with the fresh generation failed; {what}"
            )));
        }
        done.push((committed, aside));
    }
    Ok(())
}

/// Everything under `<root>/generated/`: `root` is a scratch directory
/// (target/generate for generate, target/verify for verify). Returns each
/// component's interface, in the order of `ALL`.
pub fn generate_into(ws: &Workspace, root: &Utf8Path) -> Result<Vec<ComponentInterface>> {
    let steps = Steps::new(ALL.iter().flat_map(|c| {
        [
            (
                format!("cdylib {}", c.package),
                format!("building the {} cdylib (UniFFI metadata)", c.package),
            ),
            (
                format!("bindings {}", c.package),
                format!("generating the bindings of {}", c.package),
            ),
        ]
    }));
    let mut interfaces = Vec::new();
    for component in ALL {
        steps.start(&format!("cdylib {}", component.package));
        let cdylib = component.build_cdylib(ws)?;
        steps.start(&format!("bindings {}", component.package));
        python_bindings(&cdylib, &component.python_dir(root))?;
        interfaces.push(wasm_and_typescript(ws, component, &cdylib, root)?);
    }
    Ok(interfaces)
}

/// The interface of `component` read from its built cdylib.
pub fn component_interface(component: &Component, cdylib: &Utf8Path) -> Result<ComponentInterface> {
    joyous_bindgen::load_component_interfaces(cdylib)?
        .into_iter()
        .find(|c| c.crate_name() == component.lib)
        .with_context(|| format!("{cdylib} has no UniFFI crate `{}`", component.lib))
}

/// The glue crate and the TypeScript package sources, replacing what was
/// there; returns the component's interface they came from.
fn wasm_and_typescript(
    ws: &Workspace,
    component: &Component,
    cdylib: &Utf8Path,
    root: &Utf8Path,
) -> Result<ComponentInterface> {
    let ci = component_interface(component, cdylib)?;
    let generated = joyous_bindgen::generate(&ci, &component.bindgen_config(ws)?)?;
    for (dir, files) in [
        (component.wasm_dir(root), &generated.wasm),
        (component.typescript_dir(root), &generated.typescript),
    ] {
        ws_fs::remove_dir_all(&dir)?;
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
