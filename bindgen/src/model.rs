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

/// What UniFFI declares of one callable.
struct Signature<'a> {
    name: &'a str,
    arguments: Vec<&'a Argument>,
    ret_type: Option<Type>,
    throws: Option<&'a Type>,
    ffi: &'a FfiFunction,
    docs: Option<&'a str>,
}

fn callable(ci: &ComponentInterface, kind: Kind, s: Signature<'_>) -> Callable {
    let args = s
        .arguments
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
        name: s.name.to_string(),
        ffi_name: s.ffi.name().to_string(),
        docs: s.docs.map(str::to_string),
        args,
        lifting: crossing::lifting(s.ret_type.as_ref()),
        ret_type: s.ret_type,
        throws: s.throws.cloned(),
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
            Signature {
                name: f.name(),
                arguments: f.arguments(),
                ret_type: f.return_type().cloned(),
                throws: f.throws_type(),
                ffi: f.ffi_func(),
                docs: f.docstring(),
            },
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
                Signature {
                    name: c.name(),
                    arguments: c.arguments(),
                    ret_type: Some(ret),
                    throws: c.throws_type(),
                    ffi: c.ffi_func(),
                    docs: c.docstring(),
                },
            ));
        }
        for m in object.methods() {
            let kind = Kind::Method {
                object: object.name().into(),
            };
            out.push(callable(
                ci,
                kind,
                Signature {
                    name: m.name(),
                    arguments: m.arguments(),
                    ret_type: m.return_type().cloned(),
                    throws: m.throws_type(),
                    ffi: m.ffi_func(),
                    docs: m.docstring(),
                },
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
