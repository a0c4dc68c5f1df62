//! Loading the `ComponentInterface`s of a UniFFI crate through uniffi's own
//! `BindgenLoader` (the supported way in since 0.31), so both halves of an API
//! are seen: proc-macro items from a built cdylib's metadata, and the UDL that
//! metadata points to (found under each crate's `src/` via `cargo metadata`).
//! Every use of uniffi's loader lives here.

use anyhow::{bail, Context, Result};
use camino::Utf8Path;
use uniffi_bindgen::cargo_metadata::CrateConfigSupplier;
use uniffi_bindgen::interface::ComponentInterface;
use uniffi_bindgen::{BindgenLoader, BindgenPaths, GlobalConfig};

/// Every component in `source` (a built cdylib, or a `.udl` file for UDL items
/// only), finding UDL files through the cargo workspace of the current
/// directory. Sorted by crate name so output order is stable.
pub fn load_component_interfaces(source: &Utf8Path) -> Result<Vec<ComponentInterface>> {
    load(source, None)
}

/// As [`load_component_interfaces`], but UDL files are found through the
/// workspace of `manifest` (a crate's Cargo.toml), so it works from any directory.
pub fn load_component_interfaces_of(
    source: &Utf8Path,
    manifest: &Utf8Path,
) -> Result<Vec<ComponentInterface>> {
    load(source, Some(manifest))
}

fn load(source: &Utf8Path, manifest: Option<&Utf8Path>) -> Result<Vec<ComponentInterface>> {
    // With dependencies: a UDL file may belong to any crate linked into the cdylib.
    let mut command = cargo_metadata::MetadataCommand::new();
    if let Some(manifest) = manifest {
        command.manifest_path(manifest);
    }
    let shown = manifest.map_or_else(|| "the current directory".to_string(), |m| m.to_string());
    let metadata = command
        .exec()
        .map_err(|e| anyhow::anyhow!("{}", e.to_string().trim()))
        .with_context(|| {
            format!("running `cargo metadata` on {shown} to find the crates' UDL files")
        })?;
    let mut paths = BindgenPaths::default();
    paths.add_layer(CrateConfigSupplier::from(metadata));
    let loader = BindgenLoader::new(paths, GlobalConfig::default());
    let metadata = loader
        .load_metadata(source)
        .with_context(|| format!("reading UniFFI metadata from {source}"))?;
    let mut components = loader
        .load_cis(metadata)
        .with_context(|| format!("building the component interfaces of {source}"))?;
    anyhow::ensure!(!components.is_empty(), "{source} holds no UniFFI component");
    for ci in &mut components {
        // The FFI signatures (arguments, return types) are only filled in here.
        ci.derive_ffi_funcs()
            .with_context(|| format!("deriving the FFI functions of `{}`", ci.crate_name()))?;
    }
    components.sort_by(|a, b| a.crate_name().cmp(b.crate_name()));
    Ok(components)
}

/// The component called `name` (a library name, as UniFFI calls crates), or
/// the only one when `name` is `None`.
pub fn select<'a>(
    components: &'a [ComponentInterface],
    name: Option<&str>,
    source: &Utf8Path,
) -> Result<&'a ComponentInterface> {
    let names = || {
        components
            .iter()
            .map(|c| format!("`{}`", c.crate_name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (name, components) {
        (Some(name), _) => components
            .iter()
            .find(|c| c.crate_name() == name)
            .with_context(|| format!("{source} has no UniFFI crate `{name}` (it has {})", names())),
        (None, [only]) => Ok(only),
        (None, _) => bail!(
            "{source} holds several UniFFI crates ({}); pick one with `--crate`",
            names()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_a_udl_file_with_its_docs() {
        let udl = Utf8Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../crates/joyous-departures/src/joyous_departures.udl");
        let components = load_component_interfaces(&udl).unwrap();
        let [ci] = components.as_slice() else {
            panic!("{} components", components.len())
        };
        assert_eq!(ci.namespace(), "joyous_departures");
        let function = ci
            .get_function_definition("supported_languages")
            .expect("UDL function");
        assert!(function
            .docstring()
            .is_some_and(|d| d.contains("language codes")));
        assert!(ci.get_record_definition("GoodbyeOptions").is_some());
        assert!(ci.get_enum_definition("GoodbyeError").is_some());
    }

    #[test]
    fn loads_through_a_manifest_from_another_directory() {
        let dir = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/joyous-departures");
        let udl = dir.join("src/joyous_departures.udl");
        let components = load_component_interfaces_of(&udl, &dir.join("Cargo.toml")).unwrap();
        let ci = select(&components, None, &udl).unwrap();
        assert_eq!(ci.crate_name(), "joyous_departures");
        let err = format!("{:#}", select(&components, Some("nope"), &udl).unwrap_err());
        assert!(
            err.contains("no UniFFI crate `nope`") && err.contains("`joyous_departures`"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_source_is_an_error_naming_it() {
        let err = load_component_interfaces(Utf8Path::new("no/such/libfoo.so")).unwrap_err();
        assert!(format!("{err:#}").contains("no/such/libfoo.so"), "{err:#}");
    }
}
