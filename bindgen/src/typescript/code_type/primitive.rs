//! Integers, floats, booleans, strings, bytes, timestamps and durations.

use uniffi_bindgen::interface::{Literal, Type};

use super::{generic_literal, CodeType, NativeTs};
use crate::typescript::formatter::{Formatter, RT};

pub struct Primitive(pub Type);

fn is_big(t: &Type) -> bool {
    matches!(t, Type::UInt64 | Type::Int64)
}

impl CodeType for Primitive {
    fn type_label(&self, f: &Formatter) -> String {
        match &self.0 {
            Type::UInt64 | Type::Int64 => "bigint".into(),
            Type::Boolean => "boolean".into(),
            Type::String => "string".into(),
            Type::Bytes => f.builtins.uint8array.clone(),
            Type::Timestamp => f.builtins.date.clone(),
            // Integers that fit, floats, and durations in milliseconds.
            _ => "number".into(),
        }
    }

    fn default_value(&self, f: &Formatter) -> String {
        match &self.0 {
            Type::UInt64 | Type::Int64 => "0n".into(),
            Type::Boolean => "false".into(),
            Type::String => "\"\"".into(),
            Type::Bytes => format!("new {}(0)", f.builtins.uint8array),
            Type::Timestamp => format!("new {}(0)", f.builtins.date),
            _ => "0".into(),
        }
    }

    fn literal(&self, f: &Formatter, lit: &Literal) -> String {
        match lit {
            Literal::UInt(v, ..) if is_big(&self.0) => format!("{v}n"),
            Literal::Int(v, ..) if is_big(&self.0) => format!("{v}n"),
            other => generic_literal(f, other),
        }
    }
}

/// Integer bounds as TypeScript literals, for argument checks.
fn int_bounds(ty: &Type) -> Option<(&'static str, &'static str)> {
    Some(match ty {
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

pub fn native_number(f: &Formatter, t: &Type) -> NativeTs {
    match t {
        Type::Boolean => simple(f, "boolean", "checkBool", "false"),
        Type::Float32 | Type::Float64 => simple(f, "number", "checkNumber", "0"),
        t => {
            let (lo, hi) = int_bounds(t).expect("an integer");
            let (ts, check, zero) = if is_big(t) {
                ("bigint", "checkBigInt", "0n")
            } else {
                ("number", "checkInt", "0")
            };
            NativeTs {
                param_type: ts.into(),
                check_fn: format!("{RT}.{check}"),
                leading: String::new(),
                extra: format!(", {lo}, {hi}"),
                zero,
            }
        }
    }
}

pub fn simple(_f: &Formatter, param_type: &str, check: &str, zero: &'static str) -> NativeTs {
    NativeTs {
        param_type: param_type.into(),
        check_fn: format!("{RT}.{check}"),
        leading: String::new(),
        extra: String::new(),
        zero,
    }
}
