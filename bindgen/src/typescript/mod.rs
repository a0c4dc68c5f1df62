//! The TypeScript facade: types, error classes, object classes and functions
//! over the glue exports, plus the runtime, one entry per JavaScript runtime,
//! package.json and tsconfig.json.
//!
//! `code_type/` answers per type kind, `formatter` names everything,
//! `lower` prints the argument side of the crossing plan, `codecs` decides
//! which readers and writers are emitted.

mod code_type;
mod codecs;
mod formatter;
mod lower;

use anyhow::Result;
use askama::Template;
use uniffi_bindgen::interface::{AsType, ComponentInterface, Enum, Field, Type};

use crate::crossing::Lifting;
use crate::model::{Callable, Kind};
use crate::types::{key, unboxed};
use crate::{Config, File};
use code_type::{default_literal, type_label};
use codecs::Usage;
use formatter::{Builtins, Formatter, GLUE, RT};

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
    /// The default, when the field may be left out.
    default: Option<String>,
}

fn field_defs(ci: &ComponentInterface, f: &Formatter, fields: &[Field]) -> Vec<FieldDef> {
    fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let ty = field.as_type();
            FieldDef {
                ts_name: if field.name().is_empty() {
                    format!("v{i}")
                } else {
                    f.property(field.name())
                },
                docs: tsdoc(field.docstring(), "  "),
                optional: field.default_value().is_some()
                    || matches!(unboxed(&ty), Type::Optional { .. }),
                ts_type: type_label(ci, f, &ty),
                read_fn: f.read(&ty),
                write_fn: f.write(&ty),
                default: field
                    .default_value()
                    .map(|d| default_literal(ci, f, &ty, d)),
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

fn variant_defs(ci: &ComponentInterface, f: &Formatter, e: &Enum) -> Vec<VariantDef> {
    e.variants()
        .iter()
        .enumerate()
        .map(|(i, v)| VariantDef {
            name: v.name().into(),
            index: i + 1,
            docs: tsdoc(v.docstring(), "  "),
            fields: field_defs(ci, f, v.fields()),
            has_message: v.fields().iter().any(|f| f.name() == "message"),
        })
        .collect()
}

/// What a type needs in api.ts: its public declaration (user types) and
/// the codecs calls reach (`read`/`write`).
struct TypeDef {
    /// The codec names' stem, e.g. `$read$Optional$String` without `$read`.
    read_fn: String,
    write_fn: String,
    ts: String,
    read: bool,
    write: bool,
    kind: DefKind,
}

enum DefKind {
    Record {
        name: String,
        docs: String,
        fields: Vec<FieldDef>,
    },
    FlatEnum {
        name: String,
        docs: String,
        variants: Vec<VariantDef>,
        index: bool,
        variants_const: String,
        index_const: String,
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
        builtin_read: String,
        builtin_write: String,
    },
    Optional {
        inner_read: String,
        inner_write: String,
    },
    Sequence {
        inner_read: String,
        inner_write: String,
    },
    Set {
        inner_read: String,
        inner_write: String,
    },
    Map {
        key_read: String,
        key_write: String,
        value_read: String,
        value_write: String,
    },
    Object {
        name: String,
        clone_fn: String,
    },
}

/// Every non-primitive type the interface mentions, each once, in a stable
/// order.
fn compound_types(ci: &ComponentInterface) -> Vec<Type> {
    let mut seen = std::collections::BTreeMap::new();
    for ty in ci.iter_local_types() {
        for t in ty.iter_types() {
            let t = unboxed(t);
            if !crate::types::is_primitive(t) {
                seen.entry(key(t)).or_insert_with(|| t.clone());
            }
        }
    }
    seen.into_values().collect()
}

fn type_defs(ci: &ComponentInterface, f: &Formatter, usage: &Usage) -> Vec<TypeDef> {
    let mut defs = Vec::new();
    for ty in compound_types(ci) {
        let kind = match &ty {
            Type::Record { name, .. } => {
                let r = ci.get_record_definition(name).expect("checked");
                DefKind::Record {
                    name: name.clone(),
                    docs: tsdoc(r.docstring(), ""),
                    fields: field_defs(ci, f, r.fields()),
                }
            }
            Type::Enum { name, .. } => {
                let e = ci.get_enum_definition(name).expect("checked");
                let docs = tsdoc(e.docstring(), "");
                let variants = variant_defs(ci, f, e);
                if ci.is_name_used_as_error(name) {
                    DefKind::Error {
                        name: name.clone(),
                        docs,
                        flat: e.is_flat(),
                        variants,
                    }
                } else if crate::types::is_flat_plain_enum(ci, name) {
                    DefKind::FlatEnum {
                        name: name.clone(),
                        docs,
                        variants,
                        index: usage.index.contains(name),
                        variants_const: f.enum_variants(name),
                        index_const: f.enum_index(name),
                    }
                } else {
                    DefKind::DataEnum {
                        name: name.clone(),
                        docs,
                        variants,
                    }
                }
            }
            Type::Custom { name, builtin, .. } => DefKind::Custom {
                name: name.clone(),
                docs: tsdoc(
                    ci.get_custom_type_definition(name)
                        .and_then(|c| c.docstring()),
                    "",
                ),
                builtin_ts: type_label(ci, f, builtin),
                builtin_read: f.read(builtin),
                builtin_write: f.write(builtin),
            },
            Type::Optional { inner_type } => DefKind::Optional {
                inner_read: f.read(inner_type),
                inner_write: f.write(inner_type),
            },
            Type::Sequence { inner_type } => DefKind::Sequence {
                inner_read: f.read(inner_type),
                inner_write: f.write(inner_type),
            },
            Type::Set { inner_type } => DefKind::Set {
                inner_read: f.read(inner_type),
                inner_write: f.write(inner_type),
            },
            Type::Map {
                key_type,
                value_type,
            } => DefKind::Map {
                key_read: f.read(key_type),
                key_write: f.write(key_type),
                value_read: f.read(value_type),
                value_write: f.write(value_type),
            },
            Type::Object { name, .. } => DefKind::Object {
                name: name.clone(),
                clone_fn: f.glue(&crate::names::glue_clone(name)),
            },
            // `check` has rejected every other kind.
            _ => continue,
        };
        defs.push(TypeDef {
            read_fn: f.read(&ty),
            write_fn: f.write(&ty),
            ts: type_label(ci, f, &ty),
            read: usage.reads(&ty),
            write: usage.writes(&ty),
            kind,
        });
    }
    defs
}

/// A callable, ready to print.
struct CallDef {
    ts_name: String,
    docs: String,
    params: String,
    ts_return: String,
    prelude: Vec<String>,
    /// The glue call with its arguments.
    call: String,
    /// The statement returning what users see (or the bare call for `void`).
    statement: String,
    error_reader: String,
}

fn call_def(ci: &ComponentInterface, f: &Formatter, c: &Callable, indent: &str) -> CallDef {
    let (prelude, mut values) = lower::call_args(f, &c.args);
    if matches!(c.kind, Kind::Method { .. }) {
        values.insert(0, "$handle".into());
    }
    let export = f.glue(&crate::names::glue_export(&c.kind, &c.name));
    let one_line = values.iter().map(|v| v.len() + 2).sum::<usize>() < 80;
    let call = if !one_line {
        let sep = format!(",\n{indent}      ");
        format!(
            "{export}(\n{indent}      {},\n{indent}    )",
            values.join(&sep)
        )
    } else {
        format!("{export}({})", values.join(", "))
    };
    let statement = match &c.lifting {
        Lifting::Void => format!("{call};"),
        Lifting::Object(class) => format!("return {class}.$wrap({call});"),
        Lifting::Buffer(ty) => format!("return {}(new {RT}.Reader({call}));", f.read(ty)),
        _ => format!("return {call};"),
    };
    let mut docs = c.docs.clone().unwrap_or_default();
    if let Some(error) = &c.throws {
        if !docs.is_empty() {
            docs.push_str("\n\n");
        }
        let error = type_label(ci, f, error);
        docs.push_str(&format!(
            "@throws {{{error}}} one of the `{error}` variants"
        ));
    }
    CallDef {
        ts_name: f.public(&c.name),
        docs: tsdoc(Some(&docs), indent),
        params: params(ci, f, c),
        ts_return: match (&c.kind, &c.ret_type) {
            (_, None) => "void".into(),
            (_, Some(t)) => type_label(ci, f, t),
        },
        prelude,
        call,
        statement,
        error_reader: c.throws.as_ref().map_or("undefined".into(), |e| f.read(e)),
    }
}

/// `name: Type = default, ...` for a callable's TypeScript signature. An
/// option-typed argument may be left out when every later one may be too.
fn params(ci: &ComponentInterface, f: &Formatter, c: &Callable) -> String {
    let mut trailing_optional = true;
    let mut out: Vec<String> = c
        .args
        .iter()
        .rev()
        .map(|a| {
            let ts = f.public(&a.name);
            let ty = type_label(ci, f, &a.ty);
            match &a.default {
                Some(d) => format!("{ts}: {ty} = {}", default_literal(ci, f, &a.ty, d)),
                None if trailing_optional && matches!(unboxed(&a.ty), Type::Optional { .. }) => {
                    format!("{ts}?: {ty}")
                }
                None => {
                    trailing_optional = false;
                    format!("{ts}: {ty}")
                }
            }
        })
        .collect();
    out.reverse();
    out.join(", ")
}

struct ClassDef {
    name: String,
    docs: String,
    free_fn: String,
    primary: Option<CallDef>,
    statics: Vec<CallDef>,
    methods: Vec<CallDef>,
}

#[derive(Template)]
#[template(path = "typescript/templates/api.ts", escape = "none")]
struct ApiTs<'a> {
    crate_name: &'a str,
    glue_stem: String,
    namespace_docs: String,
    rt: &'static str,
    glue: &'static str,
    b: &'a Builtins,
    types: Vec<TypeDef>,
    lowerings: Vec<String>,
    functions: Vec<CallDef>,
    classes: Vec<ClassDef>,
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
    /// JSON values, printed as they are.
    description: String,
    keywords: Option<String>,
    repository: Option<String>,
}

/// `["a", "b"]` as package.json is written (none when empty).
fn json_list(items: &[String]) -> Result<Option<String>> {
    if items.is_empty() {
        return Ok(None);
    }
    let items: Vec<String> = items
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<_, _>>()?;
    Ok(Some(format!("[{}]", items.join(", "))))
}

/// The TypeScript sources, package.json and tsconfig.json of the package.
pub fn generate(
    ci: &ComponentInterface,
    callables: &[Callable],
    config: &Config,
) -> Result<Vec<File>> {
    let glue_stem = config.glue_crate.replace('-', "_");
    let f = Formatter::new(ci);
    let usage = Usage::of(ci, callables);
    let classes = ci
        .object_definitions()
        .iter()
        .map(|o| {
            let mine = || callables.iter().filter(|c| c.object() == Some(o.name()));
            let def = |c: &Callable| call_def(ci, &f, c, "  ");
            ClassDef {
                name: o.name().into(),
                docs: tsdoc(o.docstring(), ""),
                free_fn: f.glue(&crate::names::glue_free(o.name())),
                primary: mine()
                    .find(|c| matches!(c.kind, Kind::Constructor { primary: true, .. }))
                    .map(def),
                statics: mine()
                    .filter(|c| matches!(c.kind, Kind::Constructor { primary: false, .. }))
                    .map(def)
                    .collect(),
                methods: mine()
                    .filter(|c| matches!(c.kind, Kind::Method { .. }))
                    .map(def)
                    .collect(),
            }
        })
        .collect();
    let mut lowerings = Vec::new();
    for record in crate::model::flat_records(callables) {
        lowerings.push(lower::helper(ci, &f, &record));
        if usage.absent.contains(&record.name) {
            lowerings.push(lower::absent_tuple(&f, &record));
        }
    }
    let api = ApiTs {
        crate_name: ci.crate_name(),
        glue_stem: glue_stem.clone(),
        namespace_docs: tsdoc(ci.namespace_docstring(), ""),
        rt: RT,
        glue: GLUE,
        b: &f.builtins,
        types: type_defs(ci, &f, &usage),
        lowerings,
        functions: callables
            .iter()
            .filter(|c| matches!(c.kind, Kind::Function))
            .map(|c| call_def(ci, &f, c, ""))
            .collect(),
        classes,
    };
    // The first paragraph of the crate's docs, on one line.
    let description = ci
        .namespace_docstring()
        .map(|d| {
            d.lines()
                .map(str::trim)
                .take_while(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| ci.namespace().to_string());
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
                keywords: json_list(&config.keywords)?,
                repository: config
                    .repository
                    .as_ref()
                    .map(serde_json::to_string)
                    .transpose()?,
            }
            .render()?,
        ),
        File::new(
            "tsconfig.json",
            include_str!("templates/tsconfig.json").to_string(),
        ),
    ])
}
