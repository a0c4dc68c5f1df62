//! Loading the `ComponentInterface`s of a UniFFI crate through uniffi's own
//! `BindgenLoader` (the supported way in since 0.31), so both halves of an API
//! are seen: proc-macro items from a built cdylib's metadata, and the UDL that
//! metadata points to (found under the crate's `src/` via `cargo metadata`).

use anyhow::{Context, Result};
use camino::Utf8Path;
use uniffi_bindgen::interface::ComponentInterface;
use uniffi_bindgen::{BindgenLoader, BindgenPaths, GlobalConfig};

/// Every component in `source`: a built cdylib (library mode) or a `.udl` file
/// (UDL items only). Sorted by crate name so output order is stable.
pub fn load_component_interfaces(source: &Utf8Path) -> Result<Vec<ComponentInterface>> {
    let mut paths = BindgenPaths::default();
    paths
        .add_cargo_metadata_layer(false)
        .context("running `cargo metadata` to find the crates' UDL files")?;
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
            .get_function_definition("generate_goodbye")
            .expect("UDL function");
        assert!(function
            .docstring()
            .is_some_and(|d| d.contains("same `seed`")));
        assert!(ci.get_record_definition("GoodbyeOptions").is_some());
        assert!(ci.get_enum_definition("GoodbyeError").is_some());
    }

    #[test]
    fn a_missing_source_is_an_error_naming_it() {
        let err = load_component_interfaces(Utf8Path::new("no/such/libfoo.so")).unwrap_err();
        assert!(format!("{err:#}").contains("no/such/libfoo.so"), "{err:#}");
    }
}
