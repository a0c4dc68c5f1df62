//! Every identifier the TypeScript backend prints. Public names come from
//! the UniFFI names (camelCase); private ones start with `$`, which no UniFFI
//! name contains, so a user's `rt`, `handle` or `Map` never meets ours.

use std::collections::BTreeSet;

use uniffi_bindgen::interface::{ComponentInterface, Type};

use crate::types::{is_primitive, key, primitive_name};

/// The namespace the runtime is imported as.
pub const RT: &str = "$rt";
/// The namespace the wasm-bindgen glue is imported as.
pub const GLUE: &str = "$glue";

/// JavaScript globals the generated code uses. Where a user type has the same
/// name, the global is reached through `globalThis` instead.
pub struct Builtins {
    pub array: String,
    pub map: String,
    pub set: String,
    pub date: String,
    pub error: String,
    pub object: String,
    pub type_error: String,
    pub string: String,
    pub bigint: String,
    pub symbol: String,
    pub uint8array: String,
    pub disposable: String,
}

pub struct Formatter {
    pub builtins: Builtins,
}

impl Formatter {
    pub fn new(ci: &ComponentInterface) -> Self {
        let user_types: BTreeSet<String> = ci
            .iter_local_types()
            .filter_map(|t| t.name().map(str::to_string))
            .collect();
        let global = |name: &str| {
            if user_types.contains(name) {
                format!("globalThis.{name}")
            } else {
                name.to_string()
            }
        };
        let builtins = Builtins {
            array: global("Array"),
            map: global("Map"),
            set: global("Set"),
            date: global("Date"),
            error: global("Error"),
            object: global("Object"),
            type_error: global("TypeError"),
            string: global("String"),
            bigint: global("BigInt"),
            symbol: global("Symbol"),
            uint8array: global("Uint8Array"),
            disposable: global("Disposable"),
        };
        Self { builtins }
    }

    /// A function, method, argument or field name: camelCase, a reserved word
    /// with a trailing `_`.
    pub fn public(&self, uniffi_name: &str) -> String {
        crate::names::ts_name(uniffi_name)
    }

    /// A record or variant field: reserved words are fine as property names.
    pub fn property(&self, uniffi_name: &str) -> String {
        crate::names::ts_property(uniffi_name)
    }

    /// The reader of `ty` from a `$rt.Reader`.
    pub fn read(&self, ty: &Type) -> String {
        if is_primitive(ty) {
            format!("{RT}.read{}", primitive_name(ty))
        } else {
            format!("$read${}", key(ty))
        }
    }

    /// The writer of `ty` to a `$rt.Writer`: `(w, value, name)`.
    pub fn write(&self, ty: &Type) -> String {
        if is_primitive(ty) {
            format!("{RT}.write{}", primitive_name(ty))
        } else {
            format!("$write${}", key(ty))
        }
    }

    /// The lowering helper of a flattened record.
    pub fn lower(&self, record: &str) -> String {
        format!("$lower${record}")
    }

    /// The glue parameters of an absent optional record argument.
    pub fn absent(&self, record: &str) -> String {
        format!("$absent${record}")
    }

    /// A flat enum's variant names, and its name -> index table.
    pub fn enum_variants(&self, name: &str) -> String {
        format!("$variants${name}")
    }

    pub fn enum_index(&self, name: &str) -> String {
        format!("$index${name}")
    }

    /// The glue function a callable calls, e.g. `$glue.fn_version`.
    pub fn glue(&self, export: &str) -> String {
        format!("{GLUE}.{export}")
    }

    /// A trait value as a handle for Rust, and a handle from Rust as a value.
    pub fn handle_of(&self, trait_name: &str) -> String {
        format!("$handleOf${trait_name}")
    }

    pub fn value_of_handle(&self, trait_name: &str) -> String {
        format!("$fromHandle${trait_name}")
    }

    /// The poll, cancel and free exports of futures with one result type.
    pub fn future_fns(&self, suffix: &str) -> String {
        format!("$future${suffix}")
    }

    /// The local holding the lowered parameters of argument `index`.
    pub fn arg_local(&self, index: usize) -> String {
        format!("$a{index}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_names_cannot_meet_user_names() {
        let udl = camino::Utf8Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../crates/joyous-departures/src/joyous_departures.udl");
        let ci = crate::load_component_interfaces(&udl).unwrap().remove(0);
        let f = Formatter::new(&ci);
        let seq = Type::Sequence {
            inner_type: Box::new(Type::String),
        };
        assert_eq!(f.read(&seq), "$read$Sequence$String");
        assert_eq!(f.read(&Type::String), "$rt.readString");
        assert_eq!(f.builtins.map, "Map");
        assert_eq!(f.public("delete"), "delete_");
    }
}
