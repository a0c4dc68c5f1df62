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
mod traits;

use anyhow::Result;
use askama::Template;
use uniffi_bindgen::interface::{AsType, ComponentInterface, Enum, Field, Type};

use crate::crossing::Lifting;
use crate::model::{Callable, Kind, Trait};
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
    /// A trait the foreign side may implement: through its handle helpers.
    Foreign {
        to_handle: String,
        from_handle: String,
        name: String,
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
            t if crate::crossing::is_foreign_capable(ci, t) => {
                let name = t.name().expect("named");
                DefKind::Foreign {
                    to_handle: f.handle_of(name),
                    from_handle: f.value_of_handle(name),
                    name: name.to_string(),
                }
            }
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
    is_async: bool,
}

/// What users see of a value the glue returned (`call`).
pub(crate) fn lifted(f: &Formatter, lifting: &Lifting, call: &str) -> String {
    match lifting {
        Lifting::Object(class) => format!("{class}.$wrap({call})"),
        Lifting::Foreign(name) => format!("{}({call})", f.value_of_handle(name)),
        Lifting::Buffer(ty) => format!("{}(new {RT}.Reader({call}))", f.read(ty)),
        _ => call.to_string(),
    }
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
    let error_reader = c.throws.as_ref().map_or("undefined".into(), |e| f.read(e));
    let options = async_options_name(f, c);
    let statement = match &c.future {
        None if matches!(c.lifting, Lifting::Void) => format!("{call};"),
        None => format!("return {};", lifted(f, &c.lifting, &call)),
        Some(ret) => {
            let complete = f.glue(&crate::names::glue_complete(&c.kind, &c.name));
            let done = lifted(f, &c.lifting, &format!("{complete}($f)"));
            let suffix = uniffi_bindgen::interface::FfiType::return_type_name(ret.as_ref());
            format!(
                "return {RT}.callAsync(\n{indent}    () => {call},\n{indent}    {},\n{indent}    ($f) => {done},\n{indent}    {error_reader},\n{indent}    {options},\n{indent}  );",
                f.future_fns(&suffix)
            )
        }
    };
    let mut docs = c.docs.clone().unwrap_or_default();
    if let Some(error) = &c.throws {
        if !docs.is_empty() {
            docs.push_str("\n\n");
        }
        let error = type_label(ci, f, error);
        docs.push_str(&if c.future.is_some() {
            format!("@throws {{{error}}} (rejects with) one of the `{error}` variants")
        } else {
            format!("@throws {{{error}}} one of the `{error}` variants")
        });
    }
    let mut params = params(ci, f, c);
    if c.future.is_some() {
        if !params.is_empty() {
            params.push_str(", ");
        }
        params.push_str(&format!("{options}?: AsyncOptions"));
    }
    let ret = match &c.ret_type {
        None => "void".into(),
        Some(t) => type_label(ci, f, t),
    };
    CallDef {
        ts_name: match (&c.kind, c.future.is_some()) {
            // An async primary constructor is the static `new` (a property
            // name, so the reserved word is fine).
            (Kind::Constructor { .. }, true) if c.name == "new" => "new".into(),
            _ => f.public(&c.name),
        },
        docs: tsdoc(Some(&docs), indent),
        params,
        ts_return: if c.future.is_some() {
            format!("Promise<{ret}>")
        } else {
            ret
        },
        prelude,
        call,
        statement,
        error_reader,
        is_async: c.future.is_some(),
    }
}

/// The name of an async callable's options argument: `options`, or
/// `callOptions` when an argument has that name (`callOptions` too: `$options`).
fn async_options_name(f: &Formatter, c: &Callable) -> &'static str {
    let taken = |n: &str| c.args.iter().any(|a| f.public(&a.name) == n);
    match (taken("options"), taken("callOptions")) {
        (false, _) => "options",
        (true, false) => "callOptions",
        (true, true) => "$options",
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
    /// Foreign traits, futures and the host (`traits.rs`).
    foreign: String,
    has_async: bool,
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
    traits: &[Trait],
    config: &Config,
) -> Result<Vec<File>> {
    let glue_stem = config.glue_crate.replace('-', "_");
    let f = Formatter::new(ci);
    let usage = Usage::of(ci, callables, traits);
    let classes = ci
        .object_definitions()
        .iter()
        .map(|o| {
            let mine = || callables.iter().filter(|c| c.object() == Some(o.name()));
            let def = |c: &Callable| call_def(ci, &f, c, "  ");
            ClassDef {
                name: if o.has_callback_interface() {
                    crate::names::rust_class(o.name())
                } else {
                    o.name().into()
                },
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
    let suffixes: Vec<String> = crate::model::future_results(callables)
        .iter()
        .map(|ret| uniffi_bindgen::interface::FfiType::return_type_name(ret.as_ref()))
        .collect();
    let foreign = traits::print(ci, &f, traits, &suffixes);
    let api = ApiTs {
        crate_name: ci.crate_name(),
        glue_stem: glue_stem.clone(),
        namespace_docs: tsdoc(ci.namespace_docstring(), ""),
        rt: RT,
        glue: GLUE,
        b: &f.builtins,
        types: type_defs(ci, &f, &usage),
        lowerings,
        has_async: !suffixes.is_empty(),
        foreign,
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

#[cfg(test)]
mod tests {
    use uniffi_bindgen::interface::DefaultValue;

    use super::*;

    const UDL: &str = r#"
        namespace demo {
            string label(string name, Options options, optional u32 times = 2, string? note);
        };
        dictionary Options {
            string greeting = "hi";
            boolean loud = false;
        };
    "#;

    /// `label`'s TypeScript parameters, its `options` argument defaulted as
    /// `default` (UDL has no record default; proc-macros declare one with
    /// `#[uniffi::export(default(options))]`, which is `DefaultValue::Default`).
    fn label_params(default: Option<DefaultValue>) -> String {
        let mut ci = ComponentInterface::from_webidl(UDL, "demo").unwrap();
        ci.derive_ffi_funcs().unwrap();
        let mut callables = crate::model::callables(&ci);
        let label = callables.iter_mut().find(|c| c.name == "label").unwrap();
        label.args[1].default = default;
        params(&ci, &Formatter::new(&ci), label)
    }

    #[test]
    fn an_argument_with_a_declared_default_may_be_left_out() {
        assert_eq!(
            label_params(Some(DefaultValue::Default)),
            "name: string, options: Options = {}, times: number = 2, note?: string | undefined"
        );
        // Without the declaration it is required, and so is everything before it.
        assert_eq!(
            label_params(None),
            "name: string, options: Options, times: number = 2, note?: string | undefined"
        );
    }
}
