//! One small module per kind of UniFFI type, each answering for its type:
//! what TypeScript calls it, what its default and literals look like, and
//! (for types that cross natively) how a value is checked on the way in.
//! The model is uniffi's gen_kotlin, one `CodeType` per type kind.

mod compound;
mod custom;
mod enumeration;
mod object;
mod primitive;
mod record;

use uniffi_bindgen::interface::{ComponentInterface, DefaultValue, Literal, Type};

use super::formatter::Formatter;
use crate::crossing::Native;
use crate::types::unboxed;

pub trait CodeType {
    /// The TypeScript type users see.
    fn type_label(&self, f: &Formatter) -> String;

    /// `Default::default()` of the type, as TypeScript.
    fn default_value(&self, f: &Formatter) -> String;

    /// A UDL or proc-macro literal of this type, as TypeScript.
    fn literal(&self, f: &Formatter, lit: &Literal) -> String {
        generic_literal(f, lit)
    }
}

/// The code type of `ty`.
pub fn of<'a>(ci: &'a ComponentInterface, ty: &'a Type) -> Box<dyn CodeType + 'a> {
    match unboxed(ty) {
        Type::Optional { inner_type } => Box::new(compound::Optional {
            ci,
            inner: inner_type,
        }),
        Type::Sequence { inner_type } => Box::new(compound::Sequence {
            ci,
            inner: inner_type,
        }),
        Type::Set { inner_type } => Box::new(compound::Set {
            ci,
            inner: inner_type,
        }),
        Type::Map {
            key_type,
            value_type,
        } => Box::new(compound::Map {
            ci,
            key: key_type,
            value: value_type,
        }),
        Type::Record { name, .. } => Box::new(record::Record { name }),
        Type::Enum { name, .. } => Box::new(enumeration::Enum { ci, name }),
        Type::Object { name, .. } | Type::CallbackInterface { name, .. } => {
            Box::new(object::Object { name })
        }
        Type::Custom { name, builtin, .. } => Box::new(custom::Custom { ci, name, builtin }),
        t => Box::new(primitive::Primitive(t.clone())),
    }
}

pub fn type_label(ci: &ComponentInterface, f: &Formatter, ty: &Type) -> String {
    of(ci, ty).type_label(f)
}

/// A default value as a TypeScript expression of the type users see.
pub fn default_literal(
    ci: &ComponentInterface,
    f: &Formatter,
    ty: &Type,
    default: &DefaultValue,
) -> String {
    let code = of(ci, ty);
    match default {
        DefaultValue::Literal(lit) => code.literal(f, lit),
        DefaultValue::Default => code.default_value(f),
    }
}

fn generic_literal(f: &Formatter, lit: &Literal) -> String {
    match lit {
        Literal::Boolean(b) => b.to_string(),
        Literal::String(s) => format!("{s:?}"),
        Literal::UInt(v, _, _) => v.to_string(),
        Literal::Int(v, _, _) => v.to_string(),
        Literal::Float(s, _) => s.clone(),
        Literal::Enum(variant, _) => format!("{variant:?}"),
        Literal::EmptySequence => "[]".into(),
        Literal::EmptyMap => format!("new {}()", f.builtins.map),
        Literal::EmptySet => format!("new {}()", f.builtins.set),
        Literal::None => "undefined".into(),
        Literal::Some { .. } => unreachable!("`Some` is handled by the optional code type"),
    }
}

/// How a scalar parameter of the glue is checked and what it carries when
/// an enclosing optional record is absent.
pub struct NativeTs {
    /// The TypeScript type of the glue parameter.
    pub param_type: String,
    /// The runtime's check function.
    check_fn: String,
    /// Arguments before the value (a flat enum's index table).
    leading: String,
    /// Arguments after it (integer bounds).
    extra: String,
    pub zero: &'static str,
}

impl NativeTs {
    /// The check of `value` (an expression) named `name` + `field` in errors.
    pub fn check(&self, value: &str, name: &str, field: &str) -> String {
        let field = if field.is_empty() {
            String::new()
        } else {
            format!(", {field:?}")
        };
        format!(
            "{}({}{value}{}, {name}{field})",
            self.check_fn, self.leading, self.extra
        )
    }
}

/// How a native crosses from TypeScript.
pub fn native(f: &Formatter, n: &Native) -> NativeTs {
    match n {
        Native::Number(t) => primitive::native_number(f, t),
        Native::String => primitive::simple(f, "string", "checkString", "\"\""),
        Native::Bytes => {
            primitive::simple(f, &f.builtins.uint8array, "checkBytes", "$rt.EMPTY_BYTES")
        }
        Native::Timestamp => primitive::simple(f, "number", "checkDate", "0"),
        Native::Duration => primitive::simple(f, "number", "checkDuration", "0"),
        Native::FlatEnum(name) => enumeration::native_flat(f, name),
    }
}
