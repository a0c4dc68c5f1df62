//! The Rust side of the crossing plan: the wasm-bindgen type of each native
//! parameter, the statements writing it in UniFFI's format, one lowering
//! helper per flattened record, and the FFI value of each argument.

use crate::crossing::{FieldShape, FlatRecord, Lifting, Lowering, Native, ParamKind, Scalar};
use crate::wasm::formatter::{self, RT};

/// The Rust type uniffi itself uses for a number or boolean.
pub fn number_type(t: &uniffi_bindgen::interface::Type) -> &'static str {
    use uniffi_bindgen::interface::Type;
    match t {
        Type::UInt8 => "u8",
        Type::Int8 => "i8",
        Type::UInt16 => "u16",
        Type::Int16 => "i16",
        Type::UInt32 => "u32",
        Type::Int32 => "i32",
        Type::UInt64 => "u64",
        Type::Int64 => "i64",
        Type::Float32 => "f32",
        Type::Float64 => "f64",
        Type::Boolean => "bool",
        other => unreachable!("not a number: {other:?}"),
    }
}

fn native_type(n: &Native) -> &'static str {
    match n {
        Native::Number(t) => number_type(t),
        Native::String => "String",
        Native::Bytes => "Vec<u8>",
        Native::Timestamp | Native::Duration => "f64",
        Native::FlatEnum(_) => "u32",
    }
}

/// The wasm-bindgen type of a glue parameter.
pub fn param_type(kind: &ParamKind) -> String {
    match kind {
        ParamKind::Present => "bool".into(),
        ParamKind::Encoded => "Vec<u8>".into(),
        ParamKind::Scalar(s) if s.optional => format!("Option<{}>", native_type(&s.native)),
        ParamKind::Scalar(s) => native_type(&s.native).into(),
    }
}

fn write_native(n: &Native, value: &str) -> String {
    let lower =
        |ty: &str, v: &str| format!("<{ty} as ::uniffi::Lower<{RT}::Tag>>::write({v}, jb_buf);");
    match n {
        Native::Number(t) => lower(number_type(t), value),
        Native::String => lower("String", value),
        Native::Bytes => lower("Vec<u8>", value),
        Native::Timestamp => lower(
            "::std::time::SystemTime",
            &format!("{RT}::timestamp({value})"),
        ),
        Native::Duration => lower("::std::time::Duration", &format!("{RT}::duration({value})")),
        Native::FlatEnum(_) => {
            format!("jb_buf.extend_from_slice(&({value} as i32).to_be_bytes());")
        }
    }
}

/// Statements writing scalar param `p` into `jb_buf`.
fn write_scalar(s: &Scalar, p: &str) -> String {
    if s.optional {
        format!(
            "match {p} {{ None => jb_buf.push(0), Some(jb_v) => {{ jb_buf.push(1); {} }} }}",
            write_native(&s.native, "jb_v")
        )
    } else {
        write_native(&s.native, p)
    }
}

/// `fn jb_lower_R(jb_buf, jb_p0, ...)`: writes a flattened record's params
/// into UniFFI's format.
pub fn helper(record: &FlatRecord) -> String {
    let params = record.params();
    let mut next = 0;
    let body = fields(record, &mut next);
    let list: Vec<String> = params
        .iter()
        .enumerate()
        .map(|(k, p)| format!("{}: {}", formatter::helper_param(k), param_type(&p.kind)))
        .collect();
    format!(
        "fn {}(jb_buf: &mut Vec<u8>, {}) {{\n{body}}}\n",
        formatter::lower(&record.name),
        list.join(", ")
    )
}

/// The writes of `record`'s fields; `next` numbers the helper's params in
/// the order `FlatRecord::params` lists them.
fn fields(record: &FlatRecord, next: &mut usize) -> String {
    let mut out = String::new();
    for field in &record.fields {
        let p = format!("jb_p{next}");
        match &field.shape {
            FieldShape::Scalar(s) => {
                *next += 1;
                out += &write_scalar(s, &p);
            }
            FieldShape::Encoded => {
                *next += 1;
                out += &format!("jb_buf.extend_from_slice(&{p});");
            }
            FieldShape::Record {
                record,
                optional: false,
            } => out += &fields(record, next),
            FieldShape::Record {
                record,
                optional: true,
            } => {
                *next += 1;
                let inner = fields(record, next);
                out += &format!("if {p} {{ jb_buf.push(1); {inner} }} else {{ jb_buf.push(0); }}");
            }
        }
        out.push('\n');
    }
    out
}

/// An argument's glue params (name, type) and the expression of its FFI value.
pub fn argument(
    index: usize,
    name: &str,
    lowering: &Lowering,
    clone_fn: impl Fn(&str) -> String,
) -> (Vec<(String, String)>, String) {
    let p = formatter::arg_param(index, name);
    match lowering {
        Lowering::Direct(t) => {
            let value = if matches!(t, uniffi_bindgen::interface::Type::Boolean) {
                format!("{p} as i8")
            } else {
                p.clone()
            };
            (vec![(p, number_type(t).into())], value)
        }
        Lowering::String => {
            let value = format!("::uniffi::RustBuffer::from_vec({p}.into_bytes())");
            (vec![(p, "String".into())], value)
        }
        Lowering::Object(object) => {
            let value = format!("{RT}::clone_handle({}, {p})?", clone_fn(object));
            (vec![(p, "f64".into())], value)
        }
        // The facade made this handle (a foreign object's, or a cloned Rust one).
        Lowering::Foreign(_) => {
            let value = format!("{p} as u64");
            (vec![(p, "f64".into())], value)
        }
        Lowering::Scalar(s) => {
            let value = format!("{RT}::buffer(|jb_buf| {{ {} }})", write_scalar(s, &p));
            (vec![(p, param_type(&ParamKind::Scalar(s.clone())))], value)
        }
        Lowering::Encoded => {
            let value = format!("::uniffi::RustBuffer::from_vec({p})");
            (vec![(p, "Vec<u8>".into())], value)
        }
        Lowering::Record { record, optional } => {
            let mut params = Vec::new();
            let present = format!("{p}_present");
            if *optional {
                params.push((present.clone(), "bool".into()));
            }
            let flat: Vec<(String, String)> = record
                .params()
                .iter()
                .enumerate()
                .map(|(k, fp)| {
                    (
                        formatter::record_param(index, k, &fp.path),
                        param_type(&fp.kind),
                    )
                })
                .collect();
            let names: Vec<&str> = flat.iter().map(|(n, _)| n.as_str()).collect();
            let call = format!(
                "{}(jb_buf, {})",
                formatter::lower(&record.name),
                names.join(", ")
            );
            let value = if *optional {
                format!("{RT}::buffer(|jb_buf| if {present} {{ jb_buf.push(1); {call}; }} else {{ jb_buf.push(0); }})")
            } else {
                format!("{RT}::buffer(|jb_buf| {call})")
            };
            params.extend(flat);
            (params, value)
        }
    }
}

/// The export's return type and the expression turning the FFI value `jb_r` into it.
pub fn returned(lifting: &Lifting) -> (String, String) {
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    match lifting {
        Lifting::Void => s("()", "()"),
        Lifting::Direct(uniffi_bindgen::interface::Type::Boolean) => s("bool", "jb_r != 0"),
        Lifting::Direct(t) => s(number_type(t), "jb_r"),
        Lifting::String => s("String", &format!("{RT}::lift::<String>(jb_r)?")),
        Lifting::Bytes => s("Vec<u8>", &format!("{RT}::lift::<Vec<u8>>(jb_r)?")),
        Lifting::OptionalString => s(
            "Option<String>",
            &format!("{RT}::lift::<Option<String>>(jb_r)?"),
        ),
        Lifting::Object(_) | Lifting::Foreign(_) => {
            s("f64", &format!("{RT}::handle_out(jb_r)?"))
        }
        Lifting::Buffer(_) => s("Vec<u8>", "jb_r.destroy_into_vec()"),
    }
}
