//! Facts about UniFFI types that every backend needs: unboxing, a unique
//! key per type, which types are primitive, how a default names an enum
//! variant. Pure functions over `Type`; nothing here prints a language.

use heck::ToShoutySnakeCase;
use uniffi_bindgen::interface::{ComponentInterface, Type};

/// `T` without the `Box` indirection, which foreign code never sees.
pub fn unboxed(ty: &Type) -> &Type {
    match ty {
        Type::Box { inner_type } => unboxed(inner_type),
        other => other,
    }
}

/// A key unique per type, with `$` (which no UniFFI name contains) between
/// the parts: `Option<Foo>` is `Optional$Foo`, never the record `OptionalFoo`.
/// Backends build their codec names from it.
pub fn key(ty: &Type) -> String {
    match unboxed(ty) {
        Type::Optional { inner_type } => format!("Optional${}", key(inner_type)),
        Type::Sequence { inner_type } => format!("Sequence${}", key(inner_type)),
        Type::Set { inner_type } => format!("Set${}", key(inner_type)),
        Type::Map {
            key_type,
            value_type,
        } => format!("Map${}${}", key(key_type), key(value_type)),
        // User types carry a `$` in front, so `Map` the record is `$Map`, not the map type.
        Type::Record { name, .. }
        | Type::Enum { name, .. }
        | Type::Object { name, .. }
        | Type::Custom { name, .. }
        | Type::CallbackInterface { name, .. } => format!("${name}"),
        primitive => primitive_name(primitive).to_string(),
    }
}

/// The name of a primitive type, as the TypeScript runtime's codecs spell it.
pub fn primitive_name(ty: &Type) -> &'static str {
    match unboxed(ty) {
        Type::UInt8 => "U8",
        Type::Int8 => "I8",
        Type::UInt16 => "U16",
        Type::Int16 => "I16",
        Type::UInt32 => "U32",
        Type::Int32 => "I32",
        Type::UInt64 => "U64",
        Type::Int64 => "I64",
        Type::Float32 => "F32",
        Type::Float64 => "F64",
        Type::Boolean => "Bool",
        Type::String => "String",
        Type::Bytes => "Bytes",
        Type::Timestamp => "Timestamp",
        Type::Duration => "Duration",
        other => unreachable!("not a primitive: {other:?}"),
    }
}

/// Whether the runtime has ready-made codecs for `ty`.
pub fn is_primitive(ty: &Type) -> bool {
    is_number(ty)
        || matches!(
            unboxed(ty),
            Type::String | Type::Bytes | Type::Timestamp | Type::Duration
        )
}

/// Integers, floats and booleans: what crosses as a plain number.
pub fn is_number(ty: &Type) -> bool {
    matches!(
        unboxed(ty),
        Type::UInt8
            | Type::Int8
            | Type::UInt16
            | Type::Int16
            | Type::UInt32
            | Type::Int32
            | Type::UInt64
            | Type::Int64
            | Type::Float32
            | Type::Float64
            | Type::Boolean
    )
}

/// A plain (non-error) enum without fields: crosses as its 1-based index.
pub fn is_flat_plain_enum(ci: &ComponentInterface, name: &str) -> bool {
    ci.get_enum_definition(name).is_some_and(|e| {
        !ci.is_name_used_as_error(name) && e.variants().iter().all(|v| !v.has_fields())
    })
}

/// The declared variant a default names. UniFFI accepts a variant in any
/// case (`"DEUX"` for `Deux`), as its own backends compare shouty-snake forms.
pub fn enum_variant<'a>(
    ci: &'a ComponentInterface,
    enum_name: &str,
    written: &str,
) -> Option<&'a str> {
    let wanted = written.to_shouty_snake_case();
    ci.get_enum_definition(enum_name)?
        .variants()
        .iter()
        .map(|v| v.name())
        .find(|v| *v == written || v.to_shouty_snake_case() == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_user_names_apart_from_builtin_shapes() {
        let record = |name: &str| Type::Record {
            name: name.into(),
            module_path: "m".into(),
        };
        let optional_foo = Type::Optional {
            inner_type: Box::new(record("Foo")),
        };
        assert_eq!(key(&optional_foo), "Optional$$Foo");
        assert_eq!(key(&record("OptionalFoo")), "$OptionalFoo");
        let map = Type::Map {
            key_type: Box::new(Type::String),
            value_type: Box::new(record("Map")),
        };
        assert_eq!(key(&map), "Map$String$$Map");
        assert_ne!(key(&record("Map")), key(&map));
    }
}
