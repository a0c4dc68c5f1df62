//! Traits the JavaScript side implements (callback interfaces and traits
//! exported `with_foreign`): the interface users implement, the helpers that
//! turn a value into a handle for Rust and a handle back into a value, and
//! the host object the glue calls (`runtime.ts` drives it).

use uniffi_bindgen::interface::{ComponentInterface, Type};

use super::code_type::{native, type_label};
use super::formatter::{Formatter, GLUE, RT};
use super::{lifted, tsdoc};
use crate::crossing::{Native, Returning};
use crate::model::{Trait, TraitMethod};

/// `export interface T { ... }` with each method's signature.
fn interface(ci: &ComponentInterface, f: &Formatter, t: &Trait) -> String {
    let mut out = format!("{}export interface {} {{\n", tsdoc(t.docs.as_deref(), ""), t.name);
    for m in &t.methods {
        let params: Vec<String> = m
            .args
            .iter()
            .map(|(name, ty, _)| format!("{}: {}", f.public(name), type_label(ci, f, ty)))
            .collect();
        let ret = m
            .ret_type
            .as_ref()
            .map_or("void".into(), |t| type_label(ci, f, t));
        let ret = if m.is_async {
            format!("Promise<{ret}>")
        } else {
            ret
        };
        let mut docs = m.docs.clone().unwrap_or_default();
        if let Some(e) = &m.throws {
            if !docs.is_empty() {
                docs.push_str("\n\n");
            }
            let e = type_label(ci, f, e);
            docs.push_str(&format!(
                "@throws {{{e}}} to fail with that error in Rust; anything else thrown reaches Rust as an unexpected error"
            ));
        }
        out += &tsdoc(Some(&docs), "  ");
        out += &format!("  {}({}): {ret};\n", f.public(&m.name), params.join(", "));
    }
    out + "}\n"
}

/// `$handleOf$T` and `$fromHandle$T`.
fn handle_helpers(f: &Formatter, t: &Trait) -> String {
    let methods: Vec<String> = t
        .methods
        .iter()
        .map(|m| format!("{:?}", f.public(&m.name)))
        .collect();
    let insert = format!(
        "{RT}.foreignHandle($v, [{}], \"{}\", $name)",
        methods.join(", "),
        t.name
    );
    let (to, from) = if t.rust_too {
        let class = crate::names::rust_class(&t.name);
        (
            format!(
                "$v instanceof {class} ? {}($v.$handle()) : {insert}",
                f.glue(&crate::names::glue_clone(&t.name))
            ),
            format!("{RT}.isForeignHandle($raw) ? ({RT}.foreign.take($raw) as {}) : {class}.$wrap($raw)", t.name),
        )
    } else {
        (
            insert,
            format!("{RT}.foreign.take($raw) as {}", t.name),
        )
    };
    format!(
        "/** @internal A `{name}` as a handle Rust owns. */\n\
         function {}($v: {name}, $name: string): number {{\n  return {to};\n}}\n\n\
         /** @internal What a `{name}` handle from Rust stands for. */\n\
         function {}($raw: number): {name} {{\n  return {from};\n}}\n",
        f.handle_of(&t.name),
        f.value_of_handle(&t.name),
        name = t.name,
    )
}

/// The checked FFI value of a foreign method's result `v`, and the value
/// sent in its place when the method throws. Async results cross as UniFFI's
/// future result, where booleans are numbers and strings are bytes.
fn returned(f: &Formatter, r: &Returning, v: &str, name: &str, is_async: bool) -> (String, String) {
    let number = |t: &Type| native(f, &Native::Number(t.clone()));
    match r {
        Returning::Void => (format!("void {v}"), "undefined".into()),
        Returning::Direct(Type::Boolean) if is_async => {
            (format!("{RT}.checkBool({v}, {name}) ? 1 : 0"), "0".into())
        }
        Returning::Direct(t) => {
            let n = number(t);
            (n.check(v, name, ""), n.zero.to_string())
        }
        Returning::String if is_async => (
            format!("{RT}.utf8({RT}.checkString({v}, {name}))"),
            format!("{RT}.EMPTY_BYTES"),
        ),
        Returning::String => (format!("{RT}.checkString({v}, {name})"), "\"\"".into()),
        Returning::Object(class) => (
            format!(
                "{}({RT}.checkHandle({v}, {class}, {name}))",
                f.glue(&crate::names::glue_clone(class))
            ),
            "0".into(),
        ),
        Returning::Foreign(t) => (format!("{}({v}, {name})", f.handle_of(t)), "0".into()),
        Returning::Encoded(ty) => (
            format!("{RT}.encode({}, {v}, {name})", f.write(ty)),
            format!("{RT}.EMPTY_BYTES"),
        ),
    }
}

/// One method of the host object: `cb_<len><Trait>_<i>(handle, args...)`.
fn host_entry(f: &Formatter, t: &Trait, m: &TraitMethod) -> String {
    let mut params = vec!["$h: number".to_string()];
    let mut values = Vec::new();
    for (i, (_, _, lifting)) in m.args.iter().enumerate() {
        params.push(format!("$a{i}: never"));
        values.push(lifted(f, lifting, &format!("$a{i}")));
    }
    let what = format!("\"the result of {}.{}()\"", t.name, f.public(&m.name));
    let call = format!(
        "({RT}.foreign.get($h) as {}).{}({})",
        t.name,
        f.public(&m.name),
        values.join(", ")
    );
    let (error_class, write_error) = match &m.throws {
        Some(e @ Type::Enum { name, .. }) => (name.clone(), f.write(e)),
        _ => ("undefined".into(), "undefined".into()),
    };
    let name = crate::wasm::host_method(&t.name, m.index);
    if m.is_async {
        params.push("$token: number".into());
        let (value, fallback) = returned(f, &m.returning, "await $r", &what, true);
        let complete = crate::wasm::completion_export(m.ret_ffi.as_ref());
        let complete = if m.ret_ffi.is_none() {
            format!("($t: number, $c: number, _v: undefined, $e: Uint8Array) => {GLUE}.{complete}($t, $c, $e)")
        } else {
            format!("{GLUE}.{complete}")
        };
        format!(
            "  {name}: ({}) =>\n    {RT}.callbackAsync(\n      async () => {{\n        const $r = {call};\n        return {value};\n      }},\n      $token,\n      {complete},\n      {fallback},\n      {error_class},\n      {write_error},\n    ),\n",
            params.join(", ")
        )
    } else {
        let (value, fallback) = returned(f, &m.returning, "$r", &what, false);
        format!(
            "  {name}: ({}) =>\n    {RT}.callback(\n      () => {{\n        const $r = {call};\n        return {value};\n      }},\n      {fallback},\n      {error_class},\n      {write_error},\n    ),\n",
            params.join(", ")
        )
    }
}

/// What api.ts declares for foreign traits and futures: interfaces, handle
/// helpers, each result type's future exports and the host registration.
pub fn print(ci: &ComponentInterface, f: &Formatter, traits: &[Trait], future_suffixes: &[String]) -> String {
    let mut out = String::new();
    for t in traits {
        out += &interface(ci, f, t);
        out.push('\n');
        out += &handle_helpers(f, t);
        out.push('\n');
    }
    for suffix in future_suffixes {
        out += &format!(
            "const {}: {RT}.FutureFns = {{\n  poll: {GLUE}.future_poll_{suffix},\n  cancel: {GLUE}.future_cancel_{suffix},\n  free: {GLUE}.future_free_{suffix},\n}};\n\n",
            f.future_fns(suffix)
        );
    }
    if traits.is_empty() && future_suffixes.is_empty() {
        return out;
    }
    out += &format!(
        "// What the glue calls: wakes of Rust futures and the methods of\n// JavaScript objects Rust holds. Registering it only stores it.\n{RT}.setHost({{\n  wake: {RT}.wake,\n  free_foreign: ($h: number) => {RT}.foreign.free($h),\n  clone_foreign: ($h: number) => {RT}.foreign.clone($h),\n"
    );
    for t in traits {
        for m in &t.methods {
            out += &host_entry(f, t, m);
        }
    }
    out + "});\n"
}
