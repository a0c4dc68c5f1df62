//! The glue's side of futures and foreign traits: the facade's *host* object
//! (an imported wasm-bindgen type whose methods the glue calls), UniFFI's
//! RustFuture exports, and one VTable per trait the foreign side implements.
//!
//! Every call into JavaScript goes through the host, which the facade
//! registers once per instance (`uniffi_set_host`); registering also hands
//! UniFFI each VTable. Nothing here runs at load time, schedules work or
//! keeps a timer: wakes are calls of `host.wake`, which resolve a promise.

use uniffi_bindgen::interface::{ComponentInterface, FfiType, Type};

use super::formatter::{FFI, RT};
use super::lower::number_type;
use super::{ffi_rust_type, Extern};
use crate::crossing::{Lifting, Returning};
use crate::model::{Callable, Trait, TraitMethod};
use crate::names;

/// The wasm-bindgen type of a callback argument (Rust to JavaScript).
fn arg_type(l: &Lifting) -> String {
    match l {
        Lifting::Void => "()".into(),
        Lifting::Direct(Type::Boolean) => "bool".into(),
        Lifting::Direct(t) => number_type(t).into(),
        Lifting::String => "String".into(),
        Lifting::OptionalString => "Option<String>".into(),
        Lifting::Object(_) | Lifting::Foreign(_) => "f64".into(),
        Lifting::Bytes | Lifting::Buffer(_) => "Vec<u8>".into(),
    }
}

/// The expression turning FFI argument `v` into its wasm-bindgen value.
fn arg_value(l: &Lifting, v: &str) -> String {
    match l {
        Lifting::Void => "()".into(),
        Lifting::Direct(Type::Boolean) => format!("{v} != 0"),
        Lifting::Direct(_) => v.into(),
        Lifting::String => format!("{RT}::lift_arg::<String>({v})"),
        Lifting::OptionalString => format!("{RT}::lift_arg::<Option<String>>({v})"),
        Lifting::Bytes => format!("{RT}::lift_arg::<Vec<u8>>({v})"),
        Lifting::Object(_) | Lifting::Foreign(_) => format!("{v} as f64"),
        Lifting::Buffer(_) => format!("{v}.destroy_into_vec()"),
    }
}

/// The wasm-bindgen type a sync foreign method's wrapper returns.
fn sync_return_type(r: &Returning) -> String {
    match r {
        Returning::Void => "()".into(),
        Returning::Direct(Type::Boolean) => "bool".into(),
        Returning::Direct(t) => number_type(t).into(),
        Returning::String => "String".into(),
        Returning::Object(_) | Returning::Foreign(_) => "f64".into(),
        Returning::Encoded(_) => "Vec<u8>".into(),
    }
}

/// The FFI value of what a sync wrapper returned (`v`).
fn sync_return_value(r: &Returning, v: &str) -> String {
    match r {
        Returning::Void => "()".into(),
        Returning::Direct(Type::Boolean) => format!("{v} as i8"),
        Returning::Direct(_) => v.into(),
        Returning::String => format!("::uniffi::RustBuffer::from_vec({v}.into_bytes())"),
        Returning::Object(_) | Returning::Foreign(_) => format!("{v} as u64"),
        Returning::Encoded(_) => format!("::uniffi::RustBuffer::from_vec({v})"),
    }
}

/// The Rust type of an FFI return value (`()` for none).
fn ffi_value_type(t: Option<&FfiType>) -> String {
    t.map_or("()".into(), |t| ffi_rust_type(t).expect("checked FFI type"))
}

/// How a foreign future's result crosses back: the name of the export that
/// completes it, its value's wasm-bindgen type and the FFI value of `value`.
/// Handles and `u64`s share an FFI type but not a JavaScript one.
pub fn completion(t: Option<&FfiType>) -> (String, String, String) {
    let (suffix, ty, value): (&str, &str, String) = match t {
        None => ("void", "", "()".into()),
        Some(FfiType::Handle) => ("handle", "f64", "value as u64".into()),
        Some(FfiType::RustBuffer(_)) => (
            "rust_buffer",
            "Vec<u8>",
            "::uniffi::RustBuffer::from_vec(value)".into(),
        ),
        Some(other) => {
            let rust = ffi_rust_type(other).expect("checked FFI type");
            let name = FfiType::return_type_name(Some(other));
            return (format!("uniffi_complete_{name}"), rust, "value".into());
        }
    };
    (format!("uniffi_complete_{suffix}"), ty.into(), value)
}

/// The name of the host method that runs a trait method.
pub fn host_method(trait_name: &str, index: usize) -> String {
    format!("cb_{}{trait_name}_{index}", trait_name.len())
}

fn vtable_struct(t: &Trait) -> String {
    format!("VTableCallbackInterface{}", t.name)
}

fn vtable_static(t: &Trait) -> String {
    format!("JB_VTABLE_{}", names::snake(&t.name).to_uppercase())
}

fn method_fn(t: &Trait, m: &TraitMethod) -> String {
    format!("jb_{}", host_method(&t.name, m.index))
}

/// The extern "C" signature of a method's VTable slot, parameter names included.
fn slot_params(m: &TraitMethod) -> Vec<(String, String)> {
    let mut params = vec![("jb_handle".to_string(), "u64".to_string())];
    for (i, (_, ty, _)) in m.args.iter().enumerate() {
        let ffi = ffi_rust_type(&FfiType::from(ty)).expect("checked FFI type");
        params.push((format!("jb_a{i}"), ffi));
    }
    let ret = ffi_value_type(m.ret_ffi.as_ref());
    if m.is_async {
        params.push((
            "jb_complete".into(),
            format!("extern \"C\" fn(u64, {RT}::FutureResult<{ret}>)"),
        ));
        params.push(("jb_data".into(), "u64".into()));
        params.push((
            "jb_dropped".into(),
            "&mut ::uniffi::ForeignFutureDroppedCallbackStruct".into(),
        ));
    } else {
        params.push(("jb_out".into(), format!("&mut {ret}")));
        params.push(("jb_status".into(), "&mut ::uniffi::RustCallStatus".into()));
    }
    params
}

/// The host method's declaration inside the `extern "C"` block.
fn host_decl(host: &str, t: &Trait, m: &TraitMethod) -> String {
    let name = host_method(&t.name, m.index);
    let mut params = vec![format!("this: &{host}"), "jb_handle: f64".to_string()];
    for (i, (_, _, l)) in m.args.iter().enumerate() {
        params.push(format!("jb_a{i}: {}", arg_type(l)));
    }
    let ret = if m.is_async {
        params.push("jb_token: f64".into());
        "()".to_string()
    } else {
        sync_return_type(&m.returning)
    };
    format!(
        "#[wasm_bindgen(method, catch, js_name = {name})]\n    fn {name}({}) -> Result<{ret}, JsValue>;",
        params.join(", ")
    )
}

/// The extern "C" function UniFFI calls through the VTable slot.
fn slot_fn(t: &Trait, m: &TraitMethod) -> String {
    let params: Vec<String> = slot_params(m)
        .into_iter()
        .map(|(n, ty)| format!("{n}: {ty}"))
        .collect();
    let mut args = vec!["jb_handle as f64".to_string()];
    for (i, (_, _, l)) in m.args.iter().enumerate() {
        args.push(arg_value(l, &format!("jb_a{i}")));
    }
    let host = host_method(&t.name, m.index);
    let body = if m.is_async {
        let ret = ffi_value_type(m.ret_ffi.as_ref());
        format!(
            "let jb_token = {RT}::pending::<{ret}>(jb_complete, jb_data, jb_dropped);\n\
             let jb_r = jb_host(|jb_h| jb_h.{host}({}, jb_token));\n\
             if let Err(jb_e) = jb_r {{ {RT}::fail_pending::<{ret}>(jb_token, jb_e); }}",
            args.join(", ")
        )
    } else {
        format!(
            "let jb_r = jb_host(|jb_h| jb_h.{host}({}));\n\
             if let Some(jb_v) = {RT}::callback_outcome(jb_r, jb_status) {{ *jb_out = {}; }}",
            args.join(", "),
            sync_return_value(&m.returning, "jb_v")
        )
    };
    format!(
        "extern \"C\" fn {}({}) {{\n{body}\n}}\n",
        method_fn(t, m),
        params.join(", ")
    )
}

fn vtable(t: &Trait) -> String {
    let mut fields = vec![
        "pub uniffi_free: extern \"C\" fn(u64),".to_string(),
        "pub uniffi_clone: extern \"C\" fn(u64) -> u64,".to_string(),
    ];
    let mut values = vec![
        "uniffi_free: jb_free_foreign,".to_string(),
        "uniffi_clone: jb_clone_foreign,".to_string(),
    ];
    for m in &t.methods {
        let types: Vec<String> = slot_params(m).into_iter().map(|(_, ty)| ty).collect();
        fields.push(format!(
            "pub m{}: extern \"C\" fn({}),",
            m.index,
            types.join(", ")
        ));
        values.push(format!("m{}: {},", m.index, method_fn(t, m)));
    }
    let name = vtable_struct(t);
    format!(
        "/// UniFFI's VTable of `{trait_name}`, laid out as its scaffolding declares it.\n\
         #[repr(C)]\npub struct {name} {{\n{}\n}}\n\n\
         static {}: {name} = {name} {{\n{}\n}};\n",
        fields.join("\n"),
        vtable_static(t),
        values.join("\n"),
        trait_name = t.name,
    )
}

/// The RustFuture functions of one result type, by UniFFI's suffix.
pub struct FutureFns {
    pub suffix: String,
    pub poll: String,
    pub cancel: String,
    pub free: String,
    pub complete: String,
}

pub fn future_fns(ci: &ComponentInterface, ret: Option<&FfiType>) -> FutureFns {
    FutureFns {
        suffix: FfiType::return_type_name(ret),
        poll: ci.ffi_rust_future_poll(ret.cloned()).name().to_string(),
        cancel: ci.ffi_rust_future_cancel(ret.cloned()).name().to_string(),
        free: ci.ffi_rust_future_free(ret.cloned()).name().to_string(),
        complete: ci.ffi_rust_future_complete(ret.cloned()).name().to_string(),
    }
}

/// The glue exports that poll, cancel and free futures of one result type.
pub fn future_exports(suffix: &str) -> (String, String, String) {
    (
        format!("future_poll_{suffix}"),
        format!("future_cancel_{suffix}"),
        format!("future_free_{suffix}"),
    )
}

/// UniFFI's continuation and the poll around it. A continuation called
/// during its own future's poll (a future ready at once, or woken while
/// polled) is answered by the poll's return value instead of a crossing into
/// JS; one called later goes to the facade's `wake`. Polls nest (a foreign
/// method may start and poll another future), so every poll in progress is
/// kept, by its callback data.
const CONTINUATION: &str = "\
thread_local! {
    static JB_POLLING: ::std::cell::RefCell<Vec<(u64, i8)>> = const { ::std::cell::RefCell::new(Vec::new()) };
}

/// What a poll returns when its continuation has not run yet: the facade waits for `wake`.
const JB_POLL_PENDING: i8 = -1;

extern \"C\" fn jb_continuation(data: u64, poll: i8) {
    let during_its_poll = JB_POLLING.with(|p| {
        let mut polling = p.borrow_mut();
        let found = polling.iter_mut().rev().find(|(d, _)| *d == data);
        found.map(|(_, code)| *code = poll).is_some()
    });
    if !during_its_poll {
        jb_host(|h| h.wake(data as f64, poll));
    }
}

fn jb_poll(data: f64, poll: impl FnOnce(u64)) -> i8 {
    let data = data as u64;
    JB_POLLING.with(|p| p.borrow_mut().push((data, JB_POLL_PENDING)));
    poll(data);
    JB_POLLING.with(|p| p.borrow_mut().pop()).map_or(JB_POLL_PENDING, |(_, code)| code)
}

";

/// Everything of the host, or an empty string for a crate without async
/// callables or foreign traits. Also returns the externs it calls.
pub fn print(
    ci: &ComponentInterface,
    callables: &[Callable],
    traits: &[Trait],
) -> (String, Vec<Extern>) {
    let futures: Vec<FutureFns> = crate::model::future_results(callables)
        .iter()
        .map(|ret| future_fns(ci, ret.as_ref()))
        .collect();
    if futures.is_empty() && traits.is_empty() {
        return (String::new(), Vec::new());
    }
    let host = format!(
        "Jb{}Host",
        heck::ToUpperCamelCase::to_upper_camel_case(ci.crate_name())
    );
    let mut out = String::new();
    let mut externs = Vec::new();

    // The host type. Its name carries the crate's, as wasm-bindgen merges
    // same-named imported types across crates.
    out += &format!(
        "#[wasm_bindgen]\nextern \"C\" {{\n\
         /// The facade's object that futures and foreign traits call (api.ts).\n\
         pub type {host};\n\
         #[wasm_bindgen(method, js_name = wake)]\n    fn wake(this: &{host}, data: f64, poll: i8);\n\
         #[wasm_bindgen(method, js_name = free_foreign)]\n    fn free_foreign(this: &{host}, handle: f64);\n\
         #[wasm_bindgen(method, js_name = clone_foreign)]\n    fn clone_foreign(this: &{host}, handle: f64) -> f64;\n"
    );
    for t in traits {
        for m in &t.methods {
            out += &host_decl(&host, t, m);
            out.push('\n');
        }
    }
    out += "}\n\n";
    out += &format!(
        "thread_local! {{\n    static JB_HOST: ::std::cell::RefCell<Option<{host}>> = const {{ ::std::cell::RefCell::new(None) }};\n}}\n\n\
         /// Runs `f` with the host; the facade registers it before any call can need it.\n\
         fn jb_host<R>(f: impl FnOnce(&{host}) -> R) -> R {{\n\
             JB_HOST.with(|h| f(h.borrow().as_ref().expect(\"the facade registers its host at instantiation\")))\n\
         }}\n\n"
    );
    let inits: Vec<String> = traits
        .iter()
        .map(|t| format!("unsafe {{ {FFI}::{}(&{}) }};", t.init_fn, vtable_static(t)))
        .collect();
    out += &format!(
        "/// Registers the facade's host and hands UniFFI this crate's VTables;\n\
         /// the facade calls it once for each new instance.\n\
         #[wasm_bindgen]\npub fn uniffi_set_host(host: {host}) {{\n\
             JB_HOST.with(|h| *h.borrow_mut() = Some(host));\n{}\n}}\n\n",
        inits.join("\n")
    );

    if !futures.is_empty() {
        out += CONTINUATION;
    }
    for f in &futures {
        let (poll, cancel, free) = future_exports(&f.suffix);
        out += &format!(
            "#[wasm_bindgen]\npub fn {poll}(handle: f64, data: f64) -> i8 {{\n    jb_poll(data, |data| unsafe {{ {FFI}::{}(handle as u64, jb_continuation, data) }})\n}}\n\n\
             #[wasm_bindgen]\npub fn {cancel}(handle: f64) {{\n    unsafe {{ {FFI}::{}(handle as u64) }}\n}}\n\n\
             #[wasm_bindgen]\npub fn {free}(handle: f64) {{\n    unsafe {{ {FFI}::{}(handle as u64) }}\n}}\n\n",
            f.poll, f.cancel, f.free
        );
        externs.push(Extern {
            name: f.poll.clone(),
            params: "handle: u64, callback: extern \"C\" fn(u64, i8), callback_data: u64".into(),
            ret: String::new(),
        });
        for name in [&f.cancel, &f.free] {
            externs.push(Extern {
                name: name.clone(),
                params: "handle: u64".into(),
                ret: String::new(),
            });
        }
    }

    if !traits.is_empty() {
        out += "extern \"C\" fn jb_free_foreign(handle: u64) {\n    jb_host(|h| h.free_foreign(handle as f64));\n}\n\n\
                extern \"C\" fn jb_clone_foreign(handle: u64) -> u64 {\n    jb_host(|h| h.clone_foreign(handle as f64)) as u64\n}\n\n";
        out += &format!(
            "/// What a foreign method threw, reported by the facade just before it returns.\n\
             #[wasm_bindgen]\npub fn uniffi_callback_error(code: i8, bytes: Vec<u8>) {{\n    {RT}::set_callback_error(code, bytes);\n}}\n\n"
        );
    }
    let mut completions: Vec<(String, String, String, String)> = Vec::new();
    for t in traits {
        for m in &t.methods {
            out += &slot_fn(t, m);
            out.push('\n');
            if m.is_async {
                let (name, ty, value) = completion(m.ret_ffi.as_ref());
                if !completions.iter().any(|c| c.0 == name) {
                    completions.push((name, ty, value, ffi_value_type(m.ret_ffi.as_ref())));
                }
            }
        }
        out += &vtable(t);
        out.push('\n');
        externs.push(Extern {
            name: t.init_fn.clone(),
            params: format!("vtable: &'static crate::{}", vtable_struct(t)),
            ret: String::new(),
        });
    }
    for (name, ty, value, rust) in completions {
        let value_param = if ty.is_empty() {
            String::new()
        } else {
            format!(", value: {ty}")
        };
        out += &format!(
            "/// Completes a foreign future: `code` 0 with `value`, else UniFFI's error\n\
             /// code with the error's bytes.\n\
             #[wasm_bindgen]\npub fn {name}(token: f64, code: i8{value_param}, error: Vec<u8>) {{\n\
                 if {RT}::complete_if_dropped::<{rust}>(token) {{ return; }}\n\
                 let value: {rust} = if code == 0 {{ {value} }} else {{ ::uniffi::FfiDefault::ffi_default() }};\n\
                 {RT}::complete_pending(token, value, {RT}::status(code, error));\n}}\n\n"
        );
    }
    (out, externs)
}
