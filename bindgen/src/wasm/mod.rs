//! The wasm-bindgen glue crate: one `#[wasm_bindgen]` export per callable,
//! each taking flat wasm-bindgen values, building UniFFI's FFI values and
//! calling the component's scaffolding function directly.

use anyhow::{bail, Result};
use askama::Template;
use uniffi_bindgen::interface::{ComponentInterface, FfiFunction, FfiType};

mod formatter;
mod host;
mod lower;

use crate::crossing::Lifting;
use crate::model::{Callable, Kind, Trait};
use crate::{Config, File, UNIFFI_VERSION, WASM_BINDGEN_VERSION};
use formatter::{FFI, RT};
pub use host::host_method;

/// The glue export that completes a foreign future with this result type.
pub fn completion_export(ret: Option<&FfiType>) -> String {
    host::completion(ret).0
}

/// One export of the glue crate, ready to print.
struct GlueFn {
    name: String,
    params: String,
    ret_type: String,
    lets: Vec<String>,
    ffi_name: String,
    call_args: String,
    ret_value: String,
    has_result: bool,
    /// Whether the FFI function takes a `RustCallStatus` (async starts do not).
    status: bool,
}

struct ObjectFns {
    free_name: String,
    clone_name: String,
    free_fn: String,
    clone_fn: String,
}

pub(crate) struct Extern {
    name: String,
    params: String,
    ret: String,
}

#[derive(Template)]
#[template(path = "wasm/templates/lib.rs", escape = "none")]
struct LibRs<'a> {
    /// The component's library name: what the glue links and names in its header.
    crate_name: &'a str,
    externs: Vec<Extern>,
    helpers: Vec<String>,
    fns: Vec<GlueFn>,
    /// Futures and foreign traits (`host.rs`); empty when there are none.
    host: String,
    objects: Vec<ObjectFns>,
    checksums: Vec<(String, u16)>,
    contract_fn: String,
    contract_version: u32,
    fingerprint: String,
}

#[derive(Template)]
#[template(path = "wasm/templates/Cargo.toml", escape = "none")]
struct CargoToml<'a> {
    config: &'a Config,
    crate_name: &'a str,
    uniffi_version: &'a str,
    wasm_bindgen_version: &'a str,
}

pub(crate) fn ffi_rust_type(t: &FfiType) -> Result<String> {
    Ok(match t {
        FfiType::UInt8 => "u8".into(),
        FfiType::Int8 => "i8".into(),
        FfiType::UInt16 => "u16".into(),
        FfiType::Int16 => "i16".into(),
        FfiType::UInt32 => "u32".into(),
        FfiType::Int32 => "i32".into(),
        FfiType::UInt64 | FfiType::Handle => "u64".into(),
        FfiType::Int64 => "i64".into(),
        FfiType::Float32 => "f32".into(),
        FfiType::Float64 => "f64".into(),
        FfiType::RustBuffer(_) => "::uniffi::RustBuffer".into(),
        FfiType::ForeignBytes => "::uniffi::ForeignBytes".into(),
        other => bail!("FFI type {other:?} is not supported yet"),
    })
}

fn extern_decl(f: &FfiFunction) -> Result<Extern> {
    let mut params = f
        .arguments()
        .iter()
        .map(|a| Ok(format!("{}: {}", a.name(), ffi_rust_type(&a.type_())?)))
        .collect::<Result<Vec<_>>>()?;
    if f.has_rust_call_status_arg() {
        params.push("status: &mut ::uniffi::RustCallStatus".into());
    }
    let ret = match f.return_type() {
        Some(t) => format!(" -> {}", ffi_rust_type(t)?),
        None => String::new(),
    };
    Ok(Extern {
        name: f.name().into(),
        params: params.join(", "),
        ret,
    })
}

/// The glue exports of a callable: one, or for an async one the export that
/// starts its future and the one that completes it.
fn glue_fns(ci: &ComponentInterface, c: &Callable) -> Vec<GlueFn> {
    let Some(ret) = &c.future else {
        return vec![glue_fn(ci, c, true)];
    };
    // UniFFI's async scaffolding takes no call status: errors come with the result.
    let mut start = glue_fn(ci, c, false);
    start.ret_type = "f64".into();
    start.ret_value = format!("{RT}::handle_out(jb_r)?");
    start.has_result = true;
    let (ret_type, ret_value) = lower::returned(&c.lifting);
    let done = GlueFn {
        name: crate::names::glue_complete(&c.kind, &c.name),
        params: "jb_future: f64".into(),
        ret_type,
        lets: Vec::new(),
        ffi_name: host::future_fns(ci, ret.as_ref()).complete,
        call_args: "jb_future as u64, &mut jb_status".into(),
        ret_value,
        has_result: !matches!(c.lifting, Lifting::Void),
        status: true,
    };
    vec![start, done]
}

/// The export of `c`; `status`: whether its FFI function takes a call status.
fn glue_fn(ci: &ComponentInterface, c: &Callable, status: bool) -> GlueFn {
    let clone_fn = |object: &str| {
        let o = ci.get_object_definition(object).expect("checked");
        format!("{FFI}::{}", o.ffi_object_clone().name())
    };
    let mut params = Vec::new();
    let mut lets = Vec::new();
    let mut call_args = Vec::new();
    if let Kind::Method { object } = &c.kind {
        params.push("jb_handle: f64".to_string());
        lets.push(format!(
            "let jb_this = {RT}::clone_handle({}, jb_handle)?;",
            clone_fn(object)
        ));
        call_args.push("jb_this".to_string());
    }
    for (i, arg) in c.args.iter().enumerate() {
        let (arg_params, value) = lower::argument(i, &arg.name, &arg.lowering, clone_fn);
        params.extend(arg_params.iter().map(|(n, t)| format!("{n}: {t}")));
        lets.push(format!("let jb_v{i} = {value};"));
        call_args.push(format!("jb_v{i}"));
    }
    if status {
        call_args.push("&mut jb_status".into());
    }
    let (ret_type, ret_value) = lower::returned(&c.lifting);
    GlueFn {
        name: crate::names::glue_export(&c.kind, &c.name),
        params: params.join(", "),
        ret_type,
        lets,
        ffi_name: c.ffi_name.clone(),
        call_args: call_args.join(", "),
        has_result: !matches!(c.lifting, Lifting::Void),
        ret_value,
        status,
    }
}

/// `src/lib.rs`, `src/rt.rs` and `Cargo.toml` of the glue crate.
pub fn generate(
    ci: &ComponentInterface,
    callables: &[Callable],
    traits: &[Trait],
    config: &Config,
) -> Result<Vec<File>> {
    let fns: Vec<GlueFn> = callables.iter().flat_map(|c| glue_fns(ci, c)).collect();
    let mut wanted: Vec<String> = fns.iter().map(|f| f.ffi_name.clone()).collect();
    let (host, host_externs) = host::print(ci, callables, traits);
    let objects: Vec<ObjectFns> = ci
        .object_definitions()
        .iter()
        .map(|o| ObjectFns {
            free_name: crate::names::glue_free(o.name()),
            clone_name: crate::names::glue_clone(o.name()),
            free_fn: o.ffi_object_free().name().into(),
            clone_fn: o.ffi_object_clone().name().into(),
        })
        .collect();
    for o in &objects {
        wanted.push(o.free_fn.clone());
        wanted.push(o.clone_fn.clone());
    }
    let checksums: Vec<(String, u16)> = ci.iter_checksums().collect();
    wanted.extend(checksums.iter().map(|(name, _)| name.clone()));
    let contract = ci.ffi_uniffi_contract_version();
    wanted.push(contract.name().into());
    let mut externs = Vec::new();
    for f in ci.iter_ffi_function_definitions() {
        if wanted.iter().any(|w| w == f.name()) {
            externs.push(extern_decl(&f)?);
        }
    }
    externs.extend(host_externs);
    externs.sort_by(|a, b| a.name.cmp(&b.name));
    externs.dedup_by(|a, b| a.name == b.name);
    let lib = LibRs {
        crate_name: ci.crate_name(),
        externs,
        helpers: crate::model::flat_records(callables)
            .iter()
            .map(lower::helper)
            .collect(),
        fns,
        host,
        objects,
        checksums,
        contract_fn: contract.name().into(),
        contract_version: ci.uniffi_contract_version(),
        fingerprint: crate::fingerprint(ci),
    };
    let cargo = CargoToml {
        config,
        crate_name: ci.crate_name(),
        uniffi_version: UNIFFI_VERSION,
        wasm_bindgen_version: WASM_BINDGEN_VERSION,
    };
    Ok(vec![
        File::new("Cargo.toml", cargo.render()?),
        File::new("src/lib.rs", crate::rustfmt(&lib.render()?)?),
        File::new("src/rt.rs", include_str!("templates/rt.rs").to_string()),
    ])
}
