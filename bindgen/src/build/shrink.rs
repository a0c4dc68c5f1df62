//! Post-link shrinking of wasm-bindgen's `.wasm`, before `wasm-opt -Oz`:
//! what the linker must keep but the package can never run.
//!
//! - Exports the glue JavaScript never calls. A cdylib exports every
//!   `#[no_mangle]` function it links, so UniFFI's C-ABI scaffolding (checksums,
//!   `UNIFFI_META_*`, RustBuffer helpers, `rust_future_*` of every type, the
//!   `uniffi_*_fn_*` functions our wasm-bindgen exports wrap) stays exported,
//!   and its code stays alive, although only wasm-bindgen's `_bg.js` calls in.
//! - std's backtrace printing and rustc_demangle. UniFFI formats a failed
//!   argument lift with `{:?}` of an `anyhow::Error`, whose `Debug` prints a
//!   captured backtrace; on wasm32-unknown-unknown std captures no frames
//!   (its unwinder is a no-op and it reads no environment), so a backtrace is
//!   never `Captured` and that printing is dead code the compiler cannot see
//!   as dead. Its bodies become `unreachable` (a trap, which the facade
//!   reports as a `PanicError`, should it ever run).

use anyhow::{Context, Result};
use camino::Utf8Path;
use std::collections::BTreeSet;

/// Exports kept although the `_bg.js` does not name them: the entries call
/// `__wbindgen_start`, and the panic recovery reads `memory` (runtime.ts).
const KEPT_EXPORTS: [&str; 2] = ["__wbindgen_start", "memory"];

/// Functions only a captured backtrace reaches (see the module's comment),
/// matched on the name section's demangled names with crate disambiguators
/// (`std[1a2b]::`) taken out. A path matches where it starts the name or
/// follows `<` or `&` (a method's `<Type>::`, a trait impl's `<&Type as ..>`).
const DEAD_ON_WASM32: [&str; 4] = [
    "rustc_demangle::",
    "std::backtrace_rs::print::",
    "std::backtrace_rs::symbolize::",
    "std::backtrace::Capture",
];

/// What [`shrink`] did, for the progress line.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Shrunk {
    pub exports_removed: usize,
    pub exports_kept: usize,
    pub functions_stubbed: usize,
    pub bytes_before: usize,
    pub bytes_after: usize,
}

/// Shrinks `wasm` (wasm-bindgen's output) in place, keeping the exports its
/// `glue_js` (the `_bg.js`) calls.
pub fn shrink(wasm: &Utf8Path, glue_js: &Utf8Path) -> Result<Shrunk> {
    let js = std::fs::read_to_string(glue_js).with_context(|| format!("reading {glue_js}"))?;
    let bytes = std::fs::read(wasm).with_context(|| format!("reading {wasm}"))?;
    let (out, mut shrunk) =
        shrink_bytes(&bytes, &called_exports(&js)).with_context(|| format!("shrinking {wasm}"))?;
    shrunk.bytes_before = bytes.len();
    shrunk.bytes_after = out.len();
    std::fs::write(wasm, out).with_context(|| format!("writing {wasm}"))?;
    Ok(shrunk)
}

/// The exports wasm-bindgen's glue calls: every `wasm.<name>` in its text.
pub fn called_exports(js: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = js;
    while let Some(at) = rest.find("wasm.") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "wasm.".len()..];
        // `wasm.` inside a longer identifier (`somewasm.x`) is not the glue's.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.') {
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(rest.len());
        if end > 0 {
            names.insert(rest[..end].to_string());
        }
    }
    names
}

fn shrink_bytes(bytes: &[u8], called: &BTreeSet<String>) -> Result<(Vec<u8>, Shrunk)> {
    let mut module = walrus::Module::from_buffer(bytes)?;
    let mut shrunk = Shrunk::default();

    let unused: Vec<_> = module
        .exports
        .iter()
        .filter(|e| !called.contains(&e.name) && !KEPT_EXPORTS.contains(&e.name.as_str()))
        .map(|e| e.id())
        .collect();
    shrunk.exports_removed = unused.len();
    for id in unused {
        module.exports.delete(id);
    }
    shrunk.exports_kept = module.exports.iter().count();
    // A glue that calls nothing is not wasm-bindgen's: refuse rather than
    // empty the module.
    anyhow::ensure!(
        shrunk.exports_kept > KEPT_EXPORTS.len(),
        "the glue JavaScript calls none of the module's exports: is it wasm-bindgen's `_bg.js` for this module?"
    );

    let dead: Vec<_> = module
        .funcs
        .iter()
        .filter(|f| matches!(f.kind, walrus::FunctionKind::Local(_)))
        .filter(|f| f.name.as_deref().is_some_and(dead_on_wasm32))
        .map(|f| f.id())
        .collect();
    shrunk.functions_stubbed = dead.len();
    for id in dead {
        let ty = module.funcs.get(id).ty();
        let (params, results) = {
            let ty = module.types.get(ty);
            (ty.params().to_vec(), ty.results().to_vec())
        };
        let mut builder = walrus::FunctionBuilder::new(&mut module.types, &params, &results);
        builder.func_body().unreachable();
        let args = params.iter().map(|&t| module.locals.add(t)).collect();
        module.funcs.get_mut(id).kind = walrus::FunctionKind::Local(builder.local_func(args));
    }

    // Drops the functions, data and table entries nothing reaches any more.
    walrus::passes::gc::run(&mut module);
    Ok((module.emit_wasm(), shrunk))
}

/// Whether the demangled `name` is one of [`DEAD_ON_WASM32`]'s paths.
fn dead_on_wasm32(name: &str) -> bool {
    let name = without_disambiguators(name);
    DEAD_ON_WASM32.iter().any(|path| {
        name.match_indices(path)
            .any(|(at, _)| at == 0 || matches!(name.as_bytes()[at - 1], b'<' | b'&'))
    })
}

/// `std[1a2b3c]::x` -> `std::x` (v0 mangling's crate disambiguators).
fn without_disambiguators(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|c| open + c);
        match close {
            Some(close)
                if close > open + 1
                    && rest[open + 1..close].bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                out.push_str(&rest[..open]);
                rest = &rest[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_called_exports_are_the_glue_s_wasm_names() {
        let js = "const r = wasm.fn_version(a);\nwasm.__wbindgen_free(p, n, 1);\n\
                  foo.wasm.not_this(); notwasm.nor_this(); let w = wasm.memory.buffer;";
        let names: Vec<_> = called_exports(js).into_iter().collect();
        assert_eq!(names, ["__wbindgen_free", "fn_version", "memory"]);
    }

    #[test]
    fn backtrace_printing_is_matched_and_capturing_is_not() {
        for name in [
            "<rustc_demangle::v0::Printer>::print_path",
            "<&rustc_demangle::DemangleStyle as core::fmt::Display>::fmt",
            "rustc_demangle::demangle",
            "<std[5a2b]::backtrace_rs::print::BacktraceFrameFmt>::print_raw_with_column",
            "std::backtrace_rs::symbolize::gimli::resolve",
        ] {
            assert!(dead_on_wasm32(name), "{name}");
        }
        for name in [
            "<std::backtrace::Backtrace>::capture",
            "core::ptr::drop_in_place<std::backtrace::Backtrace>",
            "anyhow::error::<impl anyhow::Error>::msg",
            "anyhow::fmt::<impl anyhow::error::ErrorImpl>::debug",
            "my_crate::rustc_demangle::shadow",
            "core::slice::index[3]::x",
        ] {
            assert!(!dead_on_wasm32(name), "{name}");
        }
    }
}
