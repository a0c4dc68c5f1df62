//! The TypeScript facade: types, error classes, object classes and functions
//! over the glue exports, plus the runtime, one entry per JavaScript runtime,
//! package.json and tsconfig.json.

use anyhow::{bail, Result};
use askama::Template;
use uniffi_bindgen::interface::{
    AsType, ComponentInterface, DefaultValue, Enum, Field, Literal, Record, Type,
};

use crate::crossing::ReturnCrossing;
use crate::model::{Callable, Kind};
use crate::names::ts_name;
use crate::types::{compound_types, mangled, read_fn, ts_type, unboxed, write_fn};
use crate::{Config, File};

/// A default value as a TypeScript literal of the type users see.
pub fn default_literal(ci: &ComponentInterface, ty: &Type, default: &DefaultValue) -> String {
    match default {
        DefaultValue::Literal(lit) => literal(ci, ty, lit),
        DefaultValue::Default => type_default(ci, ty),
    }
}

fn literal(ci: &ComponentInterface, ty: &Type, lit: &Literal) -> String {
    let is_big = |t: &Type| matches!(unboxed(t), Type::UInt64 | Type::Int64);
    match lit {
        Literal::Boolean(b) => b.to_string(),
        Literal::String(s) => format!("{s:?}"),
        Literal::UInt(v, _, t) => {
            if is_big(t) {
                format!("{v}n")
            } else {
                v.to_string()
            }
        }
        Literal::Int(v, _, t) => {
            if is_big(t) {
                format!("{v}n")
            } else {
                v.to_string()
            }
        }
        Literal::Float(s, _) => s.clone(),
        Literal::Enum(variant, _) => format!("{variant:?}"),
        Literal::EmptySequence => "[]".into(),
        Literal::EmptyMap => "new Map()".into(),
        Literal::EmptySet => "new Set()".into(),
        Literal::None => "undefined".into(),
        Literal::Some { inner } => match unboxed(ty) {
            Type::Optional { inner_type } => default_literal(ci, inner_type, inner),
            _ => default_literal(ci, ty, inner),
        },
    }
}

/// `Default::default()` of a type, as TypeScript.
fn type_default(ci: &ComponentInterface, ty: &Type) -> String {
    match unboxed(ty) {
        Type::UInt64 | Type::Int64 => "0n".into(),
        Type::Boolean => "false".into(),
        Type::String => "\"\"".into(),
        Type::Bytes => "new Uint8Array(0)".into(),
        Type::Optional { .. } => "undefined".into(),
        Type::Sequence { .. } => "[]".into(),
        Type::Map { .. } => "new Map()".into(),
        Type::Set { .. } => "new Set()".into(),
        Type::Record { .. } => "{}".into(),
        Type::Custom { builtin, .. } => type_default(ci, builtin),
        Type::Enum { name, .. } => match ci
            .get_enum_definition(name)
            .and_then(|e| e.variants().first())
        {
            Some(v) => format!("{:?}", v.name()),
            None => "undefined".into(),
        },
        _ => "0".into(),
    }
}

/// TSDoc for a docstring, indented.
fn tsdoc(docs: Option<&str>, indent: &str) -> String {
    let Some(docs) = docs.map(str::trim).filter(|d| !d.is_empty()) else {
        return String::new();
    };
    let mut out = format!("{indent}/**\n");
    for line in docs.lines() {
        let line = line.replace("*/", "*\\/");
        if line.trim().is_empty() {
            out += &format!("{indent} *\n");
        } else {
            out += &format!("{indent} * {line}\n");
        }
    }
    out + &format!("{indent} */\n")
}

struct FieldDef {
    ts_name: String,
    docs: String,
    optional: bool,
    ts_type: String,
    read_fn: String,
    write_fn: String,
    /// The value written: defaulted when the field is left out.
    write_value: String,
}

fn field_defs(ci: &ComponentInterface, fields: &[Field], obj: &str) -> Vec<FieldDef> {
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let ty = f.as_type();
            let ts = if f.name().is_empty() {
                format!("v{i}")
            } else {
                ts_name(f.name())
            };
            let access = format!("{obj}.{ts}");
            let write_value = match f.default_value() {
                Some(d) => format!(
                    "({access} === undefined ? {} : {access})",
                    default_literal(ci, &ty, d)
                ),
                None => access,
            };
            FieldDef {
                docs: tsdoc(f.docstring(), "  "),
                optional: f.default_value().is_some()
                    || matches!(unboxed(&ty), Type::Optional { .. }),
                ts_type: ts_type(&ty),
                read_fn: read_fn(&ty),
                write_fn: write_fn(&ty),
                write_value,
                ts_name: ts,
            }
        })
        .collect()
}

struct VariantDef {
    name: String,
    index: usize,
    docs: String,
    fields: Vec<FieldDef>,
    /// Whether a field is called `message` (errors use it as the message).
    has_message: bool,
}

fn variant_defs(ci: &ComponentInterface, e: &Enum, obj: &str) -> Vec<VariantDef> {
    e.variants()
        .iter()
        .enumerate()
        .map(|(i, v)| VariantDef {
            name: v.name().into(),
            index: i + 1,
            docs: tsdoc(v.docstring(), "  "),
            fields: field_defs(ci, v.fields(), obj),
            has_message: v.fields().iter().any(|f| f.name() == "message"),
        })
        .collect()
}

enum TypeDef {
    Record {
        name: String,
        docs: String,
        fields: Vec<FieldDef>,
    },
    FlatEnum {
        name: String,
        docs: String,
        variants: Vec<VariantDef>,
    },
    DataEnum {
        name: String,
        docs: String,
        variants: Vec<VariantDef>,
    },
    Error {
        name: String,
        docs: String,
        flat: bool,
        variants: Vec<VariantDef>,
    },
    Custom {
        name: String,
        docs: String,
        builtin_ts: String,
        read_fn: String,
        write_fn: String,
    },
    Optional {
        m: String,
        ts: String,
        inner_read: String,
        inner_write: String,
    },
    Sequence {
        m: String,
        ts: String,
        inner_read: String,
        inner_write: String,
    },
    Set {
        m: String,
        ts: String,
        inner_read: String,
        inner_write: String,
    },
    Map {
        m: String,
        ts: String,
        key_read: String,
        key_write: String,
        value_read: String,
        value_write: String,
    },
    ObjectIo {
        m: String,
    },
}

fn record_def(ci: &ComponentInterface, r: &Record) -> TypeDef {
    TypeDef::Record {
        name: r.name().into(),
        docs: tsdoc(r.docstring(), ""),
        fields: field_defs(ci, r.fields(), "v"),
    }
}

fn type_defs(ci: &ComponentInterface) -> Result<Vec<TypeDef>> {
    let mut defs = Vec::new();
    for ty in compound_types(ci) {
        let m = mangled(&ty);
        let ts = ts_type(&ty);
        defs.push(match &ty {
            Type::Record { name, .. } => {
                record_def(ci, ci.get_record_definition(name).expect("record"))
            }
            Type::Enum { name, .. } => {
                let e = ci.get_enum_definition(name).expect("enum");
                let docs = tsdoc(e.docstring(), "");
                if ci.is_name_used_as_error(name) {
                    TypeDef::Error {
                        name: name.clone(),
                        docs,
                        flat: e.is_flat(),
                        variants: variant_defs(ci, e, "fields"),
                    }
                } else if crate::crossing::is_flat_plain_enum(ci, name) {
                    TypeDef::FlatEnum {
                        name: name.clone(),
                        docs,
                        variants: variant_defs(ci, e, "v"),
                    }
                } else {
                    TypeDef::DataEnum {
                        name: name.clone(),
                        docs,
                        variants: variant_defs(ci, e, "v"),
                    }
                }
            }
            Type::Custom { name, builtin, .. } => TypeDef::Custom {
                name: name.clone(),
                docs: tsdoc(
                    ci.get_custom_type_definition(name)
                        .and_then(|c| c.docstring()),
                    "",
                ),
                builtin_ts: ts_type(builtin),
                read_fn: read_fn(builtin),
                write_fn: write_fn(builtin),
            },
            Type::Optional { inner_type } => TypeDef::Optional {
                m,
                ts,
                inner_read: read_fn(inner_type),
                inner_write: write_fn(inner_type),
            },
            Type::Sequence { inner_type } => TypeDef::Sequence {
                m,
                ts,
                inner_read: read_fn(inner_type),
                inner_write: write_fn(inner_type),
            },
            Type::Set { inner_type } => TypeDef::Set {
                m,
                ts,
                inner_read: read_fn(inner_type),
                inner_write: write_fn(inner_type),
            },
            Type::Map {
                key_type,
                value_type,
            } => TypeDef::Map {
                m,
                ts,
                key_read: read_fn(key_type),
                key_write: write_fn(key_type),
                value_read: read_fn(value_type),
                value_write: write_fn(value_type),
            },
            Type::Object { .. } => TypeDef::ObjectIo { m },
            Type::CallbackInterface { name, .. } => {
                bail!("callback interface `{name}` is not supported yet")
            }
            other => bail!("unexpected compound type {other:?}"),
        });
    }
    Ok(defs)
}

struct ClassDef {
    name: String,
    docs: String,
    snake: String,
    primary: Option<Callable>,
    statics: Vec<Callable>,
    methods: Vec<Callable>,
}

#[derive(Template)]
#[template(path = "typescript/templates/api.ts", escape = "none")]
struct ApiTs<'a> {
    crate_name: &'a str,
    glue_stem: String,
    namespace_docs: String,
    types: Vec<TypeDef>,
    functions: Vec<&'a Callable>,
    classes: Vec<ClassDef>,
}

impl ApiTs<'_> {
    /// TSDoc from the Rust docs, plus `@throws` for the declared error type.
    fn doc(&self, c: &Callable, indent: &str) -> String {
        let mut docs = c.docs.clone().unwrap_or_default();
        if let Some(error) = &c.error_type {
            if !docs.is_empty() {
                docs.push_str("\n\n");
            }
            docs.push_str(&format!(
                "@throws {{{error}}} one of the `{error}` variants"
            ));
        }
        tsdoc(Some(&docs), indent)
    }

    /// `name: Type = default, ...` for a callable's TypeScript signature.
    /// An option-typed argument may be left out when every later one may be too.
    fn params(&self, c: &Callable) -> String {
        let mut trailing_optional = true;
        let mut out: Vec<String> = c
            .args
            .iter()
            .rev()
            .map(|a| match &a.ts_default {
                Some(d) => format!("{}: {} = {d}", a.ts_name, a.ts_type),
                None if trailing_optional && a.is_option => {
                    format!("{}?: {}", a.ts_name, a.ts_type)
                }
                None => {
                    trailing_optional = false;
                    format!("{}: {}", a.ts_name, a.ts_type)
                }
            })
            .collect();
        out.reverse();
        out.join(", ")
    }

    fn prelude(&self, c: &Callable) -> Vec<String> {
        c.args
            .iter()
            .flat_map(|a| a.crossing.ts_prelude.clone())
            .collect()
    }

    /// The glue call with its arguments, e.g. `glue.fn_x(handle, a, b)`.
    fn glue_call(&self, c: &Callable) -> String {
        let mut values: Vec<String> = Vec::new();
        if matches!(c.kind, Kind::Method { .. }) {
            values.push("handle".into());
        }
        values.extend(
            c.args
                .iter()
                .flat_map(|a| a.crossing.params.iter().map(|p| p.ts_value.clone())),
        );
        if values.len() > 2 {
            format!(
                "glue.{}(\n        {},\n      )",
                c.glue_name,
                values.join(",\n        ")
            )
        } else {
            format!("glue.{}({})", c.glue_name, values.join(", "))
        }
    }

    /// The statement that calls the glue and returns what users see.
    fn call_statement(&self, c: &Callable) -> String {
        let call = self.glue_call(c);
        match &c.ret {
            ReturnCrossing::Void => format!("{call};"),
            ReturnCrossing::Native { .. } => format!("return {call};"),
            ReturnCrossing::Object { class } => format!("return {class}._wrap({call});"),
            ReturnCrossing::Buffer { reader } => format!("return {reader}(new rt.Reader({call}));"),
        }
    }

    fn error_reader(&self, c: &Callable) -> String {
        c.error_reader.clone().unwrap_or_else(|| "undefined".into())
    }

    fn snake(&self, name: &str) -> String {
        crate::names::snake(name)
    }
}

#[derive(Template)]
#[template(path = "typescript/templates/entry-workerd.ts", escape = "none")]
struct WorkerdEntry<'a> {
    glue_stem: &'a str,
}

#[derive(Template)]
#[template(path = "typescript/templates/entry-node.ts", escape = "none")]
struct NodeEntry<'a> {
    glue_stem: &'a str,
}

#[derive(Template)]
#[template(path = "typescript/templates/entry-browser.ts", escape = "none")]
struct BrowserEntry<'a> {
    glue_stem: &'a str,
}

#[derive(Template)]
#[template(path = "typescript/templates/fingerprint.ts", escape = "none")]
struct FingerprintTs {
    fingerprint: String,
}

#[derive(Template)]
#[template(path = "typescript/templates/package.json", escape = "none")]
struct PackageJson<'a> {
    config: &'a Config,
    description: String,
}

/// The TypeScript sources, package.json and tsconfig.json of the package.
pub fn generate(
    ci: &ComponentInterface,
    callables: &[Callable],
    config: &Config,
) -> Result<Vec<File>> {
    let glue_stem = config.glue_crate.replace('-', "_");
    let mut classes = Vec::new();
    for o in ci.object_definitions() {
        let mine = |c: &&Callable| match &c.kind {
            Kind::Constructor { object, .. } | Kind::Method { object, .. } => object == o.name(),
            Kind::Function => false,
        };
        let ctors: Vec<Callable> = callables
            .iter()
            .filter(mine)
            .filter(|c| matches!(c.kind, Kind::Constructor { .. }))
            .cloned()
            .collect();
        let (primary, statics): (Vec<_>, Vec<_>) = ctors
            .into_iter()
            .partition(|c| matches!(c.kind, Kind::Constructor { primary: true, .. }));
        classes.push(ClassDef {
            name: o.name().into(),
            docs: tsdoc(o.docstring(), ""),
            snake: crate::names::snake(o.name()),
            primary: primary.into_iter().next(),
            statics,
            methods: callables
                .iter()
                .filter(mine)
                .filter(|c| matches!(c.kind, Kind::Method { .. }))
                .cloned()
                .collect(),
        });
    }
    let api = ApiTs {
        crate_name: ci.crate_name(),
        glue_stem: glue_stem.clone(),
        namespace_docs: tsdoc(ci.namespace_docstring(), ""),
        types: type_defs(ci)?,
        functions: callables
            .iter()
            .filter(|c| matches!(c.kind, Kind::Function))
            .collect(),
        classes,
    };
    let description = ci
        .namespace_docstring()
        .and_then(|d| d.lines().next())
        .unwrap_or(ci.namespace())
        .to_string();
    Ok(vec![
        File::new("src/api.ts", api.render()?),
        File::new(
            "src/runtime.ts",
            include_str!("templates/runtime.ts").to_string(),
        ),
        File::new(
            "src/compile.ts",
            include_str!("templates/compile.ts").to_string(),
        ),
        File::new(
            "src/fingerprint.ts",
            FingerprintTs {
                fingerprint: crate::fingerprint(ci),
            }
            .render()?,
        ),
        File::new(
            "src/workerd.ts",
            WorkerdEntry {
                glue_stem: &glue_stem,
            }
            .render()?,
        ),
        File::new(
            "src/node.ts",
            NodeEntry {
                glue_stem: &glue_stem,
            }
            .render()?,
        ),
        File::new(
            "src/browser.ts",
            BrowserEntry {
                glue_stem: &glue_stem,
            }
            .render()?,
        ),
        File::new(
            "src/ambient.d.ts",
            include_str!("templates/ambient.d.ts").to_string(),
        ),
        File::new(
            "package.json",
            PackageJson {
                config,
                description: serde_json::to_string(&description)?,
            }
            .render()?,
        ),
        File::new(
            "tsconfig.json",
            include_str!("templates/tsconfig.json").to_string(),
        ),
    ])
}
