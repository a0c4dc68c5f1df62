//! The callables of a component (functions, constructors, methods) in one
//! shape, with their crossing planned, so both backends print the same thing.
//! Run `check::check` first: this module assumes a supported interface.

use uniffi_bindgen::interface::{
    Argument, AsType, ComponentInterface, DefaultValue, FfiFunction, Type,
};

use crate::crossing::{self, FlatRecord, Lifting, Lowering};

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
    },
}

#[derive(Debug, Clone)]
pub struct Arg {
    /// The UniFFI name.
    pub name: String,
    pub ty: Type,
    pub default: Option<DefaultValue>,
    pub lowering: Lowering,
}

#[derive(Debug, Clone)]
pub struct Callable {
    pub kind: Kind,
    /// The UniFFI name.
    pub name: String,
    pub ffi_name: String,
    pub docs: Option<String>,
    pub args: Vec<Arg>,
    /// The declared return type (the object itself for constructors).
    pub ret_type: Option<Type>,
    pub lifting: Lifting,
    pub throws: Option<Type>,
}

impl Callable {
    pub fn object(&self) -> Option<&str> {
        match &self.kind {
            Kind::Function => None,
            Kind::Constructor { object, .. } | Kind::Method { object } => Some(object),
        }
    }
}

fn callable(
    ci: &ComponentInterface,
    kind: Kind,
    name: &str,
    arguments: Vec<&Argument>,
    ret_type: Option<Type>,
    throws: Option<&Type>,
    ffi: &FfiFunction,
    docs: Option<&str>,
) -> Callable {
    let args = arguments
        .into_iter()
        .map(|a| {
            let ty = a.as_type();
            Arg {
                name: a.name().to_string(),
                default: a.default_value().cloned(),
                lowering: crossing::lowering(ci, &ty),
                ty,
            }
        })
        .collect();
    Callable {
        kind,
        name: name.to_string(),
        ffi_name: ffi.name().to_string(),
        docs: docs.map(str::to_string),
        args,
        lifting: crossing::lifting(ret_type.as_ref()),
        ret_type,
        throws: throws.cloned(),
    }
}

/// Every callable of the component, functions first, then per object its
/// constructors and methods, each in declaration order.
pub fn callables(ci: &ComponentInterface) -> Vec<Callable> {
    let mut out = Vec::new();
    for f in ci.function_definitions() {
        out.push(callable(
            ci,
            Kind::Function,
            f.name(),
            f.arguments(),
            f.return_type().cloned(),
            f.throws_type(),
            f.ffi_func(),
            f.docstring(),
        ));
    }
    for object in ci.object_definitions() {
        for c in object.constructors() {
            let kind = Kind::Constructor {
                object: object.name().into(),
                primary: c.is_primary_constructor(),
            };
            let ret = object.as_type();
            out.push(callable(
                ci,
                kind,
                c.name(),
                c.arguments(),
                Some(ret),
                c.throws_type(),
                c.ffi_func(),
                c.docstring(),
            ));
        }
        for m in object.methods() {
            let kind = Kind::Method {
                object: object.name().into(),
            };
            out.push(callable(
                ci,
                kind,
                m.name(),
                m.arguments(),
                m.return_type().cloned(),
                m.throws_type(),
                m.ffi_func(),
                m.docstring(),
            ));
        }
    }
    out
}

/// The records that arguments flatten, each once by name, in first-use
/// order: each gets one lowering helper in each backend.
pub fn flat_records(callables: &[Callable]) -> Vec<FlatRecord> {
    let mut out: Vec<FlatRecord> = Vec::new();
    for arg in callables.iter().flat_map(|c| &c.args) {
        if let Lowering::Record { record, .. } = &arg.lowering {
            if !out.iter().any(|r| r.name == record.name) {
                out.push(record.clone());
            }
        }
    }
    out
}
