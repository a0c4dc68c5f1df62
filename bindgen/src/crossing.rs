//! How each value crosses between JavaScript and the UniFFI scaffolding, as
//! data: the backends (`wasm`, `typescript`) each print this plan.
//!
//! Measured (docs/bindgen.md, "How values cross"): handing wasm-bindgen native
//! values (numbers, strings, options) is several times cheaper than encoding
//! records into UniFFI's byte format in JavaScript. So a record argument is
//! *flattened*: one wasm-bindgen parameter per field, recursively (an optional
//! record adds a presence flag), and the glue writes UniFFI's buffer format in
//! Rust with uniffi's own converters. Types without a flat form (sequences,
//! maps, enums with data) are encoded by the TypeScript runtime and passed as
//! bytes. Compound returns come back as UniFFI's bytes and are decoded in
//! TypeScript.

use uniffi_bindgen::interface::{AsType, ComponentInterface, DefaultValue, Record, Type};

use crate::types::{is_flat_plain_enum, is_number, unboxed};

/// A value that crosses as one native wasm-bindgen parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Native {
    /// An integer, float or boolean: its UniFFI type says which.
    Number(Type),
    String,
    Bytes,
    /// Milliseconds since the epoch, as `f64`.
    Timestamp,
    /// Milliseconds, as `f64`.
    Duration,
    /// A field-less enum, as its 1-based index.
    FlatEnum(String),
}

/// One native parameter, possibly `Option`al.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    pub native: Native,
    pub optional: bool,
}

/// The scalar form of `ty`, if it has one.
pub fn scalar(ci: &ComponentInterface, ty: &Type) -> Option<Scalar> {
    let plain = |native| {
        Some(Scalar {
            native,
            optional: false,
        })
    };
    match unboxed(ty) {
        t if is_number(t) => plain(Native::Number(t.clone())),
        Type::String => plain(Native::String),
        Type::Bytes => plain(Native::Bytes),
        Type::Timestamp => plain(Native::Timestamp),
        Type::Duration => plain(Native::Duration),
        Type::Custom { builtin, .. } => scalar(ci, builtin),
        Type::Enum { name, .. } if is_flat_plain_enum(ci, name) => {
            plain(Native::FlatEnum(name.clone()))
        }
        Type::Optional { inner_type } => match scalar(ci, inner_type)? {
            Scalar {
                optional: false,
                native,
            } => Some(Scalar {
                native,
                optional: true,
            }),
            // `Option<Option<T>>` has no native form.
            _ => None,
        },
        _ => None,
    }
}

/// A record argument, flattened: the tree both backends walk to print one
/// lowering helper per record.
#[derive(Debug, Clone)]
pub struct FlatRecord {
    pub name: String,
    pub fields: Vec<FlatField>,
}

#[derive(Debug, Clone)]
pub struct FlatField {
    /// The UniFFI field name.
    pub name: String,
    pub ty: Type,
    pub default: Option<DefaultValue>,
    pub shape: FieldShape,
}

#[derive(Debug, Clone)]
pub enum FieldShape {
    Scalar(Scalar),
    /// A nested record, flattened in place (a presence flag first if optional).
    Record {
        record: FlatRecord,
        optional: bool,
    },
    /// No flat form: TypeScript encodes it into UniFFI's bytes.
    Encoded,
}

/// Caps how far records are flattened; deeper values go as bytes.
const MAX_DEPTH: usize = 4;

fn flat_record(ci: &ComponentInterface, record: &Record, depth: usize) -> FlatRecord {
    let fields = record
        .fields()
        .iter()
        .map(|f| {
            let ty = f.as_type();
            FlatField {
                name: f.name().to_string(),
                default: f.default_value().cloned(),
                shape: field_shape(ci, &ty, depth + 1),
                ty,
            }
        })
        .collect();
    FlatRecord {
        name: record.name().to_string(),
        fields,
    }
}

fn flattenable<'a>(ci: &'a ComponentInterface, ty: &Type, depth: usize) -> Option<&'a Record> {
    match unboxed(ty) {
        Type::Record { name, .. } if depth < MAX_DEPTH && !ci.is_recursive(name) => {
            ci.get_record_definition(name)
        }
        _ => None,
    }
}

fn field_shape(ci: &ComponentInterface, ty: &Type, depth: usize) -> FieldShape {
    if let Some(s) = scalar(ci, ty) {
        return FieldShape::Scalar(s);
    }
    if let Some(rec) = flattenable(ci, ty, depth) {
        return FieldShape::Record {
            record: flat_record(ci, rec, depth),
            optional: false,
        };
    }
    if let Type::Optional { inner_type } = unboxed(ty) {
        if let Some(rec) = flattenable(ci, inner_type, depth) {
            return FieldShape::Record {
                record: flat_record(ci, rec, depth),
                optional: true,
            };
        }
    }
    FieldShape::Encoded
}

/// One native parameter of a flattened record, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlatParam {
    /// Field names from the record down to this value.
    pub path: Vec<String>,
    pub kind: ParamKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamKind {
    Scalar(Scalar),
    /// Whether an optional nested record is there.
    Present,
    /// UniFFI bytes encoded by TypeScript.
    Encoded,
}

impl FlatRecord {
    /// The native parameters this record crosses as, in the order both
    /// backends use.
    pub fn params(&self) -> Vec<FlatParam> {
        let mut out = Vec::new();
        self.collect(&mut Vec::new(), &mut out);
        out
    }

    fn collect(&self, prefix: &mut Vec<String>, out: &mut Vec<FlatParam>) {
        for field in &self.fields {
            prefix.push(field.name.clone());
            match &field.shape {
                FieldShape::Scalar(s) => out.push(FlatParam {
                    path: prefix.clone(),
                    kind: ParamKind::Scalar(s.clone()),
                }),
                FieldShape::Encoded => out.push(FlatParam {
                    path: prefix.clone(),
                    kind: ParamKind::Encoded,
                }),
                FieldShape::Record { record, optional } => {
                    if *optional {
                        out.push(FlatParam {
                            path: prefix.clone(),
                            kind: ParamKind::Present,
                        });
                    }
                    record.collect(prefix, out);
                }
            }
            prefix.pop();
        }
    }
}

/// How one argument gets from TypeScript to the FFI call.
#[derive(Debug, Clone)]
pub enum Lowering {
    /// A number or boolean passed as the FFI value itself.
    Direct(Type),
    /// A string, handed to the glue natively and wrapped in a `RustBuffer`.
    String,
    /// An object's handle, cloned for the call.
    Object(String),
    /// A callback interface or a trait the foreign side may implement: the
    /// facade hands over a handle (a foreign object's, or a cloned Rust one).
    Foreign(String),
    /// A record (or optional record) through its lowering helper.
    Record { record: FlatRecord, optional: bool },
    /// Any other scalar: one native parameter the glue writes into a buffer.
    Scalar(Scalar),
    /// No flat form: TypeScript encodes the whole value.
    Encoded,
}

/// Whether values of `ty` may be implemented by the foreign side.
pub fn is_foreign_capable(ci: &ComponentInterface, ty: &Type) -> bool {
    match unboxed(ty) {
        Type::CallbackInterface { .. } => true,
        Type::Object { name, .. } => ci
            .get_object_definition(name)
            .is_some_and(|o| o.has_callback_interface()),
        _ => false,
    }
}

/// Plans an argument of type `ty`.
pub fn lowering(ci: &ComponentInterface, ty: &Type) -> Lowering {
    let ty = unboxed(ty);
    match ty {
        Type::Custom { builtin, .. } => lowering(ci, builtin),
        t if is_foreign_capable(ci, t) => Lowering::Foreign(t.name().expect("named").to_string()),
        Type::Object { name, .. } => Lowering::Object(name.clone()),
        Type::String => Lowering::String,
        Type::Bytes | Type::Timestamp | Type::Duration => {
            Lowering::Scalar(scalar(ci, ty).expect("scalar"))
        }
        t if matches!(
            scalar(ci, t),
            Some(Scalar {
                native: Native::Number(_),
                optional: false
            })
        ) =>
        {
            Lowering::Direct(t.clone())
        }
        t => match field_shape(ci, t, 0) {
            FieldShape::Scalar(s) => Lowering::Scalar(s),
            FieldShape::Record { record, optional } => Lowering::Record { record, optional },
            FieldShape::Encoded => Lowering::Encoded,
        },
    }
}

/// How a return value gets from the FFI call to TypeScript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lifting {
    Void,
    /// A number or boolean, returned as it is.
    Direct(Type),
    String,
    Bytes,
    OptionalString,
    /// A handle, wrapped in the class.
    Object(String),
    /// A handle of a trait the foreign side may implement: the foreign
    /// object itself, or the class of Rust implementations.
    Foreign(String),
    /// UniFFI's bytes, decoded in TypeScript.
    Buffer(Type),
}

/// Plans a return value of type `ty` (also a callback's argument, which
/// crosses from Rust to JavaScript the same way).
pub fn lifting(ci: &ComponentInterface, ty: Option<&Type>) -> Lifting {
    let Some(ty) = ty.map(unboxed) else {
        return Lifting::Void;
    };
    match ty {
        Type::Custom { builtin, .. } => lifting(ci, Some(builtin)),
        t if is_foreign_capable(ci, t) => Lifting::Foreign(t.name().expect("named").to_string()),
        Type::String => Lifting::String,
        Type::Bytes => Lifting::Bytes,
        Type::Optional { inner_type } if matches!(unboxed(inner_type), Type::String) => {
            Lifting::OptionalString
        }
        Type::Object { name, .. } => Lifting::Object(name.clone()),
        t if is_number(t) => Lifting::Direct(t.clone()),
        t => Lifting::Buffer(t.clone()),
    }
}

/// How a foreign method's result gets back to Rust: the facade checks the
/// value and hands the glue an FFI-shaped value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Returning {
    Void,
    /// A number or boolean, as it is.
    Direct(Type),
    /// A string, which the glue puts in a `RustBuffer`.
    String,
    /// A Rust object's handle, cloned by the glue.
    Object(String),
    /// A handle the facade made (a foreign object's, or a cloned Rust one).
    Foreign(String),
    /// Encoded into UniFFI's bytes by TypeScript.
    Encoded(Type),
}

/// Plans a foreign method's return value of type `ty`.
pub fn returning(ci: &ComponentInterface, ty: Option<&Type>) -> Returning {
    let Some(ty) = ty.map(unboxed) else {
        return Returning::Void;
    };
    match ty {
        Type::Custom { builtin, .. } => returning(ci, Some(builtin)),
        t if is_foreign_capable(ci, t) => Returning::Foreign(t.name().expect("named").to_string()),
        Type::Object { name, .. } => Returning::Object(name.clone()),
        Type::String => Returning::String,
        t if is_number(t) => Returning::Direct(t.clone()),
        t => Returning::Encoded(t.clone()),
    }
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
        // The record `generate_goodbye` takes (a proc-macro function, so not in the UDL).
        let options = ci.get_record_definition("GoodbyeOptions").unwrap();
        let Lowering::Record {
            record,
            optional: false,
        } = lowering(&ci, &options.as_type())
        else {
            panic!("not flattened")
        };
        let params = record.params();
        let names: Vec<String> = params.iter().map(|p| p.path.join(".")).collect();
        assert_eq!(
            names,
            [
                "language_code",
                "template_args",
                "template_args.name",
                "template_args.location",
                "template_args.date",
                "template_args.time",
                "use_emojis",
                "timezone",
                "seed",
                "now",
            ]
        );
        assert_eq!(params[1].kind, ParamKind::Present);
        assert_eq!(
            params[8].kind,
            ParamKind::Scalar(Scalar {
                native: Native::Number(Type::UInt64),
                optional: true
            })
        );
        assert_eq!(
            params[9].kind,
            ParamKind::Scalar(Scalar {
                native: Native::Timestamp,
                optional: true
            })
        );
    }

    #[test]
    fn sequences_are_encoded_and_numbers_cross_directly() {
        let ci = sdk();
        let list = Type::Sequence {
            inner_type: Box::new(Type::String),
        };
        assert!(matches!(lowering(&ci, &list), Lowering::Encoded));
        assert!(matches!(
            lowering(&ci, &Type::UInt32),
            Lowering::Direct(Type::UInt32)
        ));
        assert!(matches!(lowering(&ci, &Type::String), Lowering::String));
    }

    #[test]
    fn returns_cross_natively_or_as_bytes() {
        let ci = sdk();
        assert_eq!(lifting(&ci, Some(&Type::String)), Lifting::String);
        assert_eq!(lifting(&ci, None), Lifting::Void);
        let list = Type::Sequence {
            inner_type: Box::new(Type::String),
        };
        assert_eq!(lifting(&ci, Some(&list)), Lifting::Buffer(list));
    }
}
