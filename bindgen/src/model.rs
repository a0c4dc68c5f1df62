//! The callables of a component (functions, constructors, methods) in one
//! shape, with their crossing planned, so both backends print the same thing.

use anyhow::{bail, Context, Result};
use uniffi_bindgen::interface::{Argument, AsType, ComponentInterface, FfiFunction, Type};

use crate::crossing::{self, ArgCrossing, ReturnCrossing};
use crate::names::{snake, ts_name};
use crate::types::ts_type;

#[derive(Debug, Clone)]
pub enum Kind {
    Function,
    /// `primary` is the constructor named `new`, which becomes the class constructor.
    Constructor {
        object: String,
        primary: bool,
    },
    Method {
        object: String,
        clone_fn: String,
    },
}

#[derive(Debug, Clone)]
pub struct Arg {
    pub ts_name: String,
    pub ts_type: String,
    /// TypeScript default-parameter literal, if the argument has a default.
    pub ts_default: Option<String>,
    /// `Option<T>`: may be left out (as `undefined`) when it is trailing.
    pub is_option: bool,
    pub crossing: ArgCrossing,
}

#[derive(Debug, Clone)]
pub struct Callable {
    pub kind: Kind,
    pub rust_name: String,
    pub ts_name: String,
    /// The glue crate's export for this callable.
    pub glue_name: String,
    pub ffi_name: String,
    pub docs: Option<String>,
    pub args: Vec<Arg>,
    pub ret: ReturnCrossing,
    /// `void` when nothing is returned.
    pub ts_return: String,
    /// The error type's reader, e.g. `readGoodbyeError`.
    pub error_reader: Option<String>,
    /// The error type's TypeScript name, e.g. `GoodbyeError`.
    pub error_type: Option<String>,
}

impl Callable {
    pub fn throws(&self) -> bool {
        self.error_reader.is_some()
    }
}

struct Source<'a> {
    name: &'a str,
    is_async: bool,
    arguments: Vec<&'a Argument>,
    return_type: Option<&'a Type>,
    throws: Option<&'a Type>,
    ffi: &'a FfiFunction,
    docs: Option<&'a str>,
}

fn plan(ci: &ComponentInterface, kind: Kind, glue_name: String, s: Source<'_>) -> Result<Callable> {
    if s.is_async {
        bail!("async functions are not supported yet");
    }
    let mut locals = 0;
    let mut args = Vec::new();
    for arg in s.arguments {
        let ty = arg.as_type();
        let ts = ts_name(arg.name());
        let crossing = crossing::argument(ci, arg.name(), &ts, &ty, &mut locals)
            .with_context(|| format!("argument `{}`", arg.name()))?;
        args.push(Arg {
            ts_default: arg
                .default_value()
                .map(|d| crate::typescript::default_literal(ci, &ty, d)),
            ts_type: ts_type(&ty),
            is_option: matches!(crate::types::unboxed(&ty), Type::Optional { .. }),
            ts_name: ts,
            crossing,
        });
    }
    let ret = crossing::returned(ci, s.return_type).context("return type")?;
    let ts_return = s.return_type.map_or("void".into(), ts_type);
    Ok(Callable {
        kind,
        rust_name: s.name.to_string(),
        ts_name: ts_name(s.name),
        glue_name,
        ffi_name: s.ffi.name().to_string(),
        docs: s.docs.map(str::to_string),
        args,
        ret,
        ts_return,
        error_reader: s.throws.map(crate::types::read_fn),
        error_type: s.throws.map(ts_type),
    })
}

/// Every callable of the component, functions first, then per object its
/// constructors and methods, each in declaration order.
pub fn callables(ci: &ComponentInterface) -> Result<Vec<Callable>> {
    let mut out = Vec::new();
    for f in ci.function_definitions() {
        let source = Source {
            name: f.name(),
            is_async: f.is_async(),
            arguments: f.arguments(),
            return_type: f.return_type(),
            throws: f.throws_type(),
            ffi: f.ffi_func(),
            docs: f.docstring(),
        };
        let glue = format!("fn_{}", snake(f.name()));
        out.push(
            plan(ci, Kind::Function, glue, source)
                .with_context(|| format!("function `{}`", f.name()))?,
        );
    }
    for object in ci.object_definitions() {
        if object.has_callback_interface() {
            bail!(
                "object `{}`: foreign-implemented traits are not supported yet",
                object.name()
            );
        }
        let prefix = snake(object.name());
        for c in object.constructors() {
            let source = Source {
                name: c.name(),
                is_async: c.is_async(),
                arguments: c.arguments(),
                return_type: None,
                throws: c.throws_type(),
                ffi: c.ffi_func(),
                docs: c.docstring(),
            };
            let kind = Kind::Constructor {
                object: object.name().into(),
                primary: c.is_primary_constructor(),
            };
            let glue = format!("ctor_{prefix}_{}", snake(c.name()));
            let mut callable = plan(ci, kind, glue, source)
                .with_context(|| format!("constructor `{}::{}`", object.name(), c.name()))?;
            callable.ret = ReturnCrossing::Object {
                class: object.name().into(),
            };
            callable.ts_return = object.name().into();
            out.push(callable);
        }
        for m in object.methods() {
            let source = Source {
                name: m.name(),
                is_async: m.is_async(),
                arguments: m.arguments(),
                return_type: m.return_type(),
                throws: m.throws_type(),
                ffi: m.ffi_func(),
                docs: m.docstring(),
            };
            let kind = Kind::Method {
                object: object.name().into(),
                clone_fn: object.ffi_object_clone().name().into(),
            };
            let glue = format!("method_{prefix}_{}", snake(m.name()));
            out.push(
                plan(ci, kind, glue, source)
                    .with_context(|| format!("method `{}::{}`", object.name(), m.name()))?,
            );
        }
    }
    for record in ci.record_definitions() {
        if !record.methods().is_empty() || !record.constructors().is_empty() {
            bail!(
                "record `{}`: methods on records are not supported yet",
                record.name()
            );
        }
    }
    for e in ci.enum_definitions() {
        if !e.methods().is_empty() || !e.constructors().is_empty() {
            bail!(
                "enum `{}`: methods on enums are not supported yet",
                e.name()
            );
        }
    }
    if let Some(cb) = ci.callback_interface_definitions().first() {
        bail!(
            "callback interface `{}`: callback interfaces are not supported yet",
            cb.name()
        );
    }
    Ok(out)
}
