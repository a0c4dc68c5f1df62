//! How each value crosses between JavaScript and the UniFFI scaffolding.
//!
//! Measured (docs/wasm-crossing.md): handing wasm-bindgen native values
//! (numbers, strings, options) is several times cheaper than encoding records
//! into UniFFI's byte format in JavaScript. So arguments are *flattened*: a
//! record argument becomes one wasm-bindgen parameter per field (recursively;
//! an optional record adds a presence flag), and the glue crate writes
//! UniFFI's buffer format in Rust with uniffi's own converters. Types without
//! a flat form (sequences, maps, enums with data) are encoded by the
//! TypeScript runtime and passed as bytes. Compound return values come back as
//! UniFFI's bytes and are decoded in TypeScript, where that costs one
//! `TextDecoder` call per string.
//!
//! This module decides the crossing; `wasm` prints the Rust side and
//! `typescript` the TypeScript side from the same plan.

use anyhow::{bail, Result};
use uniffi_bindgen::interface::{AsType, ComponentInterface, Type};

use crate::names::{glue_param, ts_name};
use crate::types::{int_bounds, unboxed, write_fn};

/// A parameter of a glue export.
#[derive(Debug, Clone)]
pub struct Param {
    /// Rust identifier in the glue function.
    pub glue_name: String,
    /// Its wasm-bindgen type.
    pub rust_type: String,
    /// The TypeScript expression passed for it (checked and defaulted).
    pub ts_value: String,
}

/// How one argument of a callable gets from TypeScript to the FFI call.
#[derive(Debug, Clone)]
pub struct ArgCrossing {
    pub params: Vec<Param>,
    /// TypeScript statements that must run before the call (locals for records).
    pub ts_prelude: Vec<String>,
    /// Rust expression producing the FFI value from the params; may use `?`.
    pub rust_value: String,
}

/// How a return value gets from the FFI call to TypeScript.
#[derive(Debug, Clone)]
pub enum ReturnCrossing {
    Void,
    /// Returned as the given wasm-bindgen type; the Rust expression converts
    /// the FFI value `r`. TypeScript uses the value as it is.
    Native {
        rust_type: String,
        rust_value: String,
    },
    /// An object handle as `f64`; TypeScript wraps it in the class.
    Object {
        class: String,
    },
    /// UniFFI's bytes; TypeScript decodes with `reader`.
    Buffer {
        reader: String,
    },
}

/// The single wasm-bindgen parameter a type can cross as, if it has one.
struct Single {
    rust_type: String,
    /// TypeScript check of an expression, producing the value to pass.
    ts_check: Box<dyn Fn(&str, &str) -> String>,
    /// A value of the parameter type to pass where the enclosing optional record is absent.
    ts_zero: &'static str,
    /// Rust statement(s) writing param `{p}` into `buf` in UniFFI's format.
    rust_write: Box<dyn Fn(&str) -> String>,
}

fn lower_write(rust_builtin: &str, value: &str) -> String {
    format!("<{rust_builtin} as ::uniffi::Lower<crate::rt::Tag>>::write({value}, &mut buf);")
}

fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// The Rust type uniffi itself uses for a builtin type, if `ty` is one.
fn rust_builtin(ty: &Type) -> Option<&'static str> {
    Some(match unboxed(ty) {
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
        Type::String => "String",
        Type::Bytes => "Vec<u8>",
        _ => return None,
    })
}

fn single(ci: &ComponentInterface, ty: &Type) -> Option<Single> {
    let ty = unboxed(ty);
    if let Some(builtin) = rust_builtin(ty) {
        let (check, zero): (Box<dyn Fn(&str, &str) -> String>, &'static str) = match ty {
            Type::Boolean => (
                Box::new(|e, n| format!("rt.checkBool({e}, {})", quoted(n))),
                "false",
            ),
            Type::String => (
                Box::new(|e, n| format!("rt.checkString({e}, {})", quoted(n))),
                "\"\"",
            ),
            Type::Bytes => (
                Box::new(|e, n| format!("rt.checkBytes({e}, {})", quoted(n))),
                "rt.EMPTY_BYTES",
            ),
            Type::Float32 | Type::Float64 => (
                Box::new(|e, n| format!("rt.checkNumber({e}, {})", quoted(n))),
                "0",
            ),
            Type::UInt64 | Type::Int64 => {
                let (lo, hi) = int_bounds(ty).expect("integer");
                (
                    Box::new(move |e, n| format!("rt.checkBigInt({e}, {lo}, {hi}, {})", quoted(n))),
                    "0n",
                )
            }
            _ => {
                let (lo, hi) = int_bounds(ty).expect("integer");
                (
                    Box::new(move |e, n| format!("rt.checkInt({e}, {lo}, {hi}, {})", quoted(n))),
                    "0",
                )
            }
        };
        return Some(Single {
            rust_type: builtin.to_string(),
            ts_check: check,
            ts_zero: zero,
            rust_write: Box::new(move |p| lower_write(builtin, p)),
        });
    }
    match ty {
        Type::Timestamp => Some(Single {
            rust_type: "f64".into(),
            ts_check: Box::new(|e, n| format!("rt.checkDate({e}, {})", quoted(n))),
            ts_zero: "0",
            rust_write: Box::new(|p| {
                lower_write(
                    "::std::time::SystemTime",
                    &format!("crate::rt::timestamp({p})"),
                )
            }),
        }),
        Type::Duration => Some(Single {
            rust_type: "f64".into(),
            ts_check: Box::new(|e, n| format!("rt.checkDuration({e}, {})", quoted(n))),
            ts_zero: "0",
            rust_write: Box::new(|p| {
                lower_write(
                    "::std::time::Duration",
                    &format!("crate::rt::duration({p})"),
                )
            }),
        }),
        Type::Custom { builtin, .. } => single(ci, builtin),
        Type::Enum { name, .. } if is_flat_plain_enum(ci, name) => {
            let index = format!("{name}_INDEX");
            Some(Single {
                rust_type: "u32".into(),
                ts_check: Box::new(move |e, n| {
                    format!("rt.enumIndex({index}, {e}, {})", quoted(n))
                }),
                ts_zero: "0",
                rust_write: Box::new(|p| {
                    format!("buf.extend_from_slice(&({p} as i32).to_be_bytes());")
                }),
            })
        }
        Type::Optional { inner_type } => {
            let inner = single(ci, inner_type)?;
            if inner.rust_type.starts_with("Option<") {
                return None;
            }
            let Single {
                rust_type,
                ts_check,
                rust_write,
                ..
            } = inner;
            Some(Single {
                rust_type: format!("Option<{rust_type}>"),
                ts_check: Box::new(move |e, n| {
                    format!("({e} == null ? undefined : {})", ts_check(e, n))
                }),
                ts_zero: "undefined",
                rust_write: Box::new(move |p| {
                    format!(
                        "match {p} {{ None => buf.push(0), Some(v) => {{ buf.push(1); {} }} }}",
                        rust_write("v")
                    )
                }),
            })
        }
        _ => None,
    }
}

/// A plain (non-error) enum without fields: crosses as its 1-based index.
pub fn is_flat_plain_enum(ci: &ComponentInterface, name: &str) -> bool {
    ci.get_enum_definition(name).is_some_and(|e| {
        !ci.is_name_used_as_error(name) && e.variants().iter().all(|v| !v.has_fields())
    })
}

/// Builds the params and statements of one argument.
struct Flattener<'a> {
    ci: &'a ComponentInterface,
    params: Vec<Param>,
    prelude: Vec<String>,
    locals: usize,
}

/// Caps how far records are flattened; deeper values go as bytes.
const MAX_DEPTH: usize = 4;

impl Flattener<'_> {
    /// Writes `ty`, whose TypeScript value is `expr` (named `name` in
    /// errors), into `buf`; `absent` is a TypeScript condition under which an
    /// enclosing optional record is missing (then the params carry zeros).
    fn write(
        &mut self,
        ty: &Type,
        expr: &str,
        name: &str,
        path: &[&str],
        absent: Option<&str>,
        depth: usize,
    ) -> String {
        let guarded = |value: String, zero: &str| match absent {
            Some(cond) => format!("({cond} ? {zero} : {value})"),
            None => value,
        };
        let ty = unboxed(ty);
        if let Some(s) = single(self.ci, ty) {
            let glue_name = glue_param(path);
            let write = (s.rust_write)(&glue_name);
            self.params.push(Param {
                ts_value: guarded((s.ts_check)(expr, name), s.ts_zero),
                glue_name,
                rust_type: s.rust_type,
            });
            return write;
        }
        let record = |t: &Type| match t {
            Type::Record { name, .. } if depth < MAX_DEPTH && !self.ci.is_recursive(name) => {
                self.ci.get_record_definition(name).cloned()
            }
            _ => None,
        };
        if let Some(rec) = record(ty) {
            let local = self.local();
            let checked = format!("rt.checkObject({expr}, {})", quoted(name));
            self.prelude.push(format!(
                "const {local} = {};",
                guarded(checked, "undefined")
            ));
            let child_absent = absent.map(|_| format!("{local} === undefined"));
            return self.fields(&rec, &local, name, path, child_absent.as_deref(), depth);
        }
        if let Type::Optional { inner_type } = ty {
            if let Some(rec) = record(unboxed(inner_type)) {
                let local = self.local();
                let checked = format!("rt.optObject({expr}, {})", quoted(name));
                self.prelude.push(format!(
                    "const {local} = {};",
                    guarded(checked, "undefined")
                ));
                let mut present_path = path.to_vec();
                present_path.push("present");
                let present = glue_param(&present_path);
                self.params.push(Param {
                    glue_name: present.clone(),
                    rust_type: "bool".into(),
                    ts_value: format!("{local} !== undefined"),
                });
                let absent_cond = format!("{local} === undefined");
                let body = self.fields(&rec, &local, name, path, Some(&absent_cond), depth);
                return format!("if {present} {{ buf.push(1); {body} }} else {{ buf.push(0); }}");
            }
        }
        // No flat form: the TypeScript runtime encodes it.
        let glue_name = glue_param(path);
        let value = format!("rt.encode({}, {expr}, {})", write_fn(ty), quoted(name));
        self.params.push(Param {
            ts_value: guarded(value, "rt.EMPTY_BYTES"),
            glue_name: glue_name.clone(),
            rust_type: "Vec<u8>".into(),
        });
        format!("buf.extend_from_slice(&{glue_name});")
    }

    fn fields(
        &mut self,
        rec: &uniffi_bindgen::interface::Record,
        local: &str,
        name: &str,
        path: &[&str],
        absent: Option<&str>,
        depth: usize,
    ) -> String {
        let mut body = String::new();
        for field in rec.fields() {
            let ts_field = ts_name(field.name());
            let access = format!("{local}.{ts_field}");
            let expr = match field.default_value() {
                Some(default) => format!(
                    "({access} === undefined ? {} : {access})",
                    crate::typescript::default_literal(self.ci, &field.as_type(), default)
                ),
                None => access,
            };
            let mut child_path = path.to_vec();
            child_path.push(field.name());
            let child_name = format!("{name}.{ts_field}");
            body += &self.write(
                &field.as_type(),
                &expr,
                &child_name,
                &child_path,
                absent,
                depth + 1,
            );
            body.push('\n');
        }
        body
    }

    fn local(&mut self) -> String {
        self.locals += 1;
        format!("v{}", self.locals)
    }
}

/// Plans one argument `ts_arg` (the TypeScript parameter name) of type `ty`;
/// `locals_used` numbers TypeScript locals across the arguments of a call.
pub fn argument(
    ci: &ComponentInterface,
    rust_arg: &str,
    ts_arg: &str,
    ty: &Type,
    locals_used: &mut usize,
) -> Result<ArgCrossing> {
    let ty = unboxed(ty);
    if let Type::Custom { builtin, .. } = ty {
        // A custom type crosses the FFI exactly as its builtin does.
        return argument(ci, rust_arg, ts_arg, builtin, locals_used);
    }
    let glue_name = glue_param(&[rust_arg]);
    let mut f = Flattener {
        ci,
        params: vec![],
        prelude: vec![],
        locals: *locals_used,
    };
    let rust_value = match ty {
        Type::Object { name, .. } => {
            let object = ci.get_object_definition(name).expect("object in interface");
            if object.has_callback_interface() {
                bail!("{name}: foreign-implemented traits are not supported yet");
            }
            f.params.push(Param {
                glue_name: glue_param(&[rust_arg]),
                rust_type: "f64".into(),
                ts_value: format!("rt.checkHandle({ts_arg}, {name}, {})", quoted(ts_arg)),
            });
            format!(
                "crate::rt::clone_handle(crate::ffi::{}, {glue_name})?",
                object.ffi_object_clone().name()
            )
        }
        Type::CallbackInterface { name, .. } => {
            bail!("{name}: callback interfaces are not supported yet")
        }
        t if rust_builtin(t).is_some() && !matches!(t, Type::String | Type::Bytes) => {
            let s = single(ci, t).expect("scalar");
            f.params.push(Param {
                glue_name: glue_name.clone(),
                rust_type: s.rust_type,
                ts_value: (s.ts_check)(ts_arg, ts_arg),
            });
            if matches!(t, Type::Boolean) {
                format!("{glue_name} as i8")
            } else {
                glue_name
            }
        }
        Type::String => {
            f.params.push(Param {
                glue_name: glue_name.clone(),
                rust_type: "String".into(),
                ts_value: format!("rt.checkString({ts_arg}, {})", quoted(ts_arg)),
            });
            format!("::uniffi::RustBuffer::from_vec({glue_name}.into_bytes())")
        }
        t => {
            let body = f.write(t, ts_arg, ts_arg, &[rust_arg], None, 0);
            if f.params.len() == 1
                && f.params[0].rust_type == "Vec<u8>"
                && body.starts_with("buf.extend")
            {
                // Encoded whole by TypeScript: the bytes are the buffer.
                format!("::uniffi::RustBuffer::from_vec({})", f.params[0].glue_name)
            } else {
                format!(
                    "{{ let mut buf = Vec::new();\n{body}::uniffi::RustBuffer::from_vec(buf) }}"
                )
            }
        }
    };
    *locals_used = f.locals;
    Ok(ArgCrossing {
        params: f.params,
        ts_prelude: f.prelude,
        rust_value,
    })
}

/// Plans a return value of type `ty` (the FFI value is named `r`).
pub fn returned(ci: &ComponentInterface, ty: Option<&Type>) -> Result<ReturnCrossing> {
    let Some(ty) = ty.map(unboxed) else {
        return Ok(ReturnCrossing::Void);
    };
    let native = |rust_type: &str, rust_value: &str| ReturnCrossing::Native {
        rust_type: rust_type.into(),
        rust_value: rust_value.into(),
    };
    Ok(match ty {
        Type::Custom { builtin, .. } => return returned(ci, Some(builtin)),
        Type::Boolean => native("bool", "r != 0"),
        Type::String => native("String", "crate::rt::lift::<String>(r)?"),
        Type::Bytes => native("Vec<u8>", "crate::rt::lift::<Vec<u8>>(r)?"),
        Type::Optional { inner_type } if matches!(unboxed(inner_type), Type::String) => {
            native("Option<String>", "crate::rt::lift::<Option<String>>(r)?")
        }
        Type::Object { name, .. } => {
            if ci
                .get_object_definition(name)
                .is_some_and(|o| o.has_callback_interface())
            {
                bail!("{name}: foreign-implemented traits are not supported yet");
            }
            ReturnCrossing::Object {
                class: name.clone(),
            }
        }
        Type::CallbackInterface { name, .. } => {
            bail!("{name}: callback interfaces are not supported yet")
        }
        t => match rust_builtin(t) {
            Some(scalar) => native(scalar, "r"),
            None => ReturnCrossing::Buffer {
                reader: crate::types::read_fn(t),
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use camino::Utf8Path;

    fn sdk() -> ComponentInterface {
        let udl = Utf8Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../crates/joyous-departures/src/joyous_departures.udl");
        crate::load_component_interfaces(&udl).unwrap().remove(0)
    }

    #[test]
    fn a_record_argument_is_flattened_into_native_params() {
        let ci = sdk();
        let f = ci.get_function_definition("generate_goodbye").unwrap();
        let arg = f.arguments()[0];
        let plan = argument(&ci, arg.name(), "options", &arg.as_type(), &mut 0).unwrap();
        let params: Vec<(&str, &str)> = plan
            .params
            .iter()
            .map(|p| (p.glue_name.as_str(), p.rust_type.as_str()))
            .collect();
        assert_eq!(
            params,
            [
                ("p_options__language_code", "String"),
                ("p_options__template_args__present", "bool"),
                ("p_options__template_args__name", "Option<String>"),
                ("p_options__template_args__location", "Option<String>"),
                ("p_options__template_args__date", "Option<String>"),
                ("p_options__template_args__time", "Option<String>"),
                ("p_options__use_emojis", "bool"),
                ("p_options__timezone", "String"),
                ("p_options__seed", "Option<u64>"),
                ("p_options__now", "Option<f64>"),
            ]
        );
        // Defaults are applied in TypeScript, and fields under the optional record carry zeros when it is absent.
        assert!(
            plan.params[0].ts_value.contains("\"en-GB\""),
            "{}",
            plan.params[0].ts_value
        );
        assert!(
            plan.params[2]
                .ts_value
                .starts_with("(v2 === undefined ? undefined"),
            "{}",
            plan.params[2].ts_value
        );
        assert!(plan
            .rust_value
            .contains("if p_options__template_args__present"));
    }

    #[test]
    fn a_sequence_argument_is_encoded_by_typescript() {
        let ci = sdk();
        let ty = Type::Sequence {
            inner_type: Box::new(Type::String),
        };
        let plan = argument(&ci, "words", "words", &ty, &mut 0).unwrap();
        assert_eq!(plan.params.len(), 1);
        assert_eq!(plan.params[0].rust_type, "Vec<u8>");
        assert!(plan.params[0]
            .ts_value
            .starts_with("rt.encode(writeSequenceString, words"));
        assert_eq!(plan.rust_value, "::uniffi::RustBuffer::from_vec(p_words)");
    }

    #[test]
    fn returns_cross_natively_or_as_bytes() {
        let ci = sdk();
        assert!(matches!(
            returned(&ci, Some(&Type::String)).unwrap(),
            ReturnCrossing::Native { .. }
        ));
        assert!(matches!(returned(&ci, None).unwrap(), ReturnCrossing::Void));
        let list = Type::Sequence {
            inner_type: Box::new(Type::String),
        };
        match returned(&ci, Some(&list)).unwrap() {
            ReturnCrossing::Buffer { reader } => assert_eq!(reader, "readSequenceString"),
            other => panic!("{other:?}"),
        }
    }
}
