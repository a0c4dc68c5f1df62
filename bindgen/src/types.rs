//! What each UniFFI type is called in TypeScript and which reader/writer
//! function moves it through UniFFI's buffer format. Pure functions over
//! `Type`; the backends only print what these return.

use uniffi_bindgen::interface::{ComponentInterface, Type};

/// `T` without the `Box` indirection, which foreign code never sees.
pub fn unboxed(ty: &Type) -> &Type {
    match ty {
        Type::Box { inner_type } => unboxed(inner_type),
        other => other,
    }
}

/// The TypeScript type users see.
pub fn ts_type(ty: &Type) -> String {
    match unboxed(ty) {
        Type::UInt8 | Type::Int8 | Type::UInt16 | Type::Int16 | Type::UInt32 | Type::Int32 => {
            "number".into()
        }
        Type::UInt64 | Type::Int64 => "bigint".into(),
        Type::Float32 | Type::Float64 | Type::Duration => "number".into(),
        Type::Boolean => "boolean".into(),
        Type::String => "string".into(),
        Type::Bytes => "Uint8Array".into(),
        Type::Timestamp => "Date".into(),
        Type::Optional { inner_type } => format!("{} | undefined", ts_type(inner_type)),
        Type::Sequence { inner_type } => format!("Array<{}>", ts_type(inner_type)),
        Type::Set { inner_type } => format!("Set<{}>", ts_type(inner_type)),
        Type::Map {
            key_type,
            value_type,
        } => {
            format!("Map<{}, {}>", ts_type(key_type), ts_type(value_type))
        }
        Type::Record { name, .. }
        | Type::Enum { name, .. }
        | Type::Object { name, .. }
        | Type::Custom { name, .. }
        | Type::CallbackInterface { name, .. } => name.clone(),
        Type::Box { .. } => unreachable!("unboxed"),
    }
}

/// A name unique per type, for generated reader/writer functions.
pub fn mangled(ty: &Type) -> String {
    match unboxed(ty) {
        Type::Optional { inner_type } => format!("Optional{}", mangled(inner_type)),
        Type::Sequence { inner_type } => format!("Sequence{}", mangled(inner_type)),
        Type::Set { inner_type } => format!("Set{}", mangled(inner_type)),
        Type::Map {
            key_type,
            value_type,
        } => {
            format!("Map{}{}", mangled(key_type), mangled(value_type))
        }
        Type::Record { name, .. }
        | Type::Enum { name, .. }
        | Type::Object { name, .. }
        | Type::Custom { name, .. }
        | Type::CallbackInterface { name, .. } => name.clone(),
        primitive => primitive_name(primitive).to_string(),
    }
}

fn primitive_name(ty: &Type) -> &'static str {
    match ty {
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
        _ => unreachable!("not a primitive: {ty:?}"),
    }
}

/// Whether the runtime has a ready-made reader/writer (`rt.readU8`, ...).
pub fn is_primitive(ty: &Type) -> bool {
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
            | Type::String
            | Type::Bytes
            | Type::Timestamp
            | Type::Duration
    )
}

/// The function that reads `ty` from a `rt.Reader`.
pub fn read_fn(ty: &Type) -> String {
    if is_primitive(ty) {
        format!("rt.read{}", mangled(ty))
    } else {
        format!("read{}", mangled(ty))
    }
}

/// The function that writes `ty` to a `rt.Writer`: `(w, value, name)`.
pub fn write_fn(ty: &Type) -> String {
    if is_primitive(ty) {
        format!("rt.write{}", mangled(ty))
    } else {
        format!("write{}", mangled(ty))
    }
}

/// Integer bounds as TypeScript literals, for argument checks.
pub fn int_bounds(ty: &Type) -> Option<(&'static str, &'static str)> {
    Some(match unboxed(ty) {
        Type::UInt8 => ("0", "255"),
        Type::Int8 => ("-128", "127"),
        Type::UInt16 => ("0", "65535"),
        Type::Int16 => ("-32768", "32767"),
        Type::UInt32 => ("0", "4294967295"),
        Type::Int32 => ("-2147483648", "2147483647"),
        Type::UInt64 => ("0n", "18446744073709551615n"),
        Type::Int64 => ("-9223372036854775808n", "9223372036854775807n"),
        _ => return None,
    })
}

/// Every non-primitive type the interface mentions, each once, in a stable
/// order with nested types first (so readers are defined before use sites
/// that a reader of the generated code looks for).
pub fn compound_types(ci: &ComponentInterface) -> Vec<Type> {
    let mut seen = std::collections::BTreeMap::new();
    for ty in ci.iter_local_types().chain(ci.iter_external_types()) {
        for t in ty.iter_types() {
            let t = unboxed(t);
            if !is_primitive(t) {
                seen.entry(mangled(t)).or_insert_with(|| t.clone());
            }
        }
    }
    seen.into_values().collect()
}
