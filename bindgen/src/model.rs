//! The callables of a component (functions, constructors, methods) in one
//! shape, with their crossing planned, so both backends print the same thing.
//! Run `check::check` first: this module assumes a supported interface.

use uniffi_bindgen::interface::{
    Argument, AsType, ComponentInterface, DefaultValue, FfiFunction, FfiType, Method, Type,
};

use crate::crossing::{self, FlatRecord, Lifting, Lowering, Returning};

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
    /// For an async callable, the FFI type its future completes with (the
    /// suffix of UniFFI's `rust_future_*` functions): `Some(None)` is `void`.
    pub future: Option<Option<FfiType>>,
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
    is_async: bool,
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
        lifting: crossing::lifting(ci, s.ret_type.as_ref()),
        future: s
            .is_async
            .then(|| s.ret_type.as_ref().map(FfiType::from)),
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
                is_async: f.is_async(),
            },
        ));
    }
    for object in ci.object_definitions() {
        for c in object.constructors() {
            // A JavaScript constructor cannot be async: an async `new` is a static.
            let kind = Kind::Constructor {
                object: object.name().into(),
                primary: c.is_primary_constructor() && !c.is_async(),
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
                    is_async: c.is_async(),
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
                    is_async: m.is_async(),
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

/// The result types of the async callables, one per set of UniFFI's
/// RustFuture functions (named by `FfiType::return_type_name`, which handles
/// and `u64`s share; `None` is `void`), in first-use order.
pub fn future_results(callables: &[Callable]) -> Vec<Option<FfiType>> {
    let mut out: Vec<Option<FfiType>> = Vec::new();
    for ret in callables.iter().filter_map(|c| c.future.as_ref()) {
        let name = FfiType::return_type_name(ret.as_ref());
        if !out.iter().any(|r| FfiType::return_type_name(r.as_ref()) == name) {
            out.push(ret.clone());
        }
    }
    out
}

/// A trait whose implementations the foreign side provides: a callback
/// interface, or a trait exported `with_foreign` (which Rust may implement too).
#[derive(Debug, Clone)]
pub struct Trait {
    pub name: String,
    pub docs: Option<String>,
    /// Whether Rust implementations exist too (a class in TypeScript).
    pub rust_too: bool,
    /// UniFFI's function that registers the trait's VTable.
    pub init_fn: String,
    pub methods: Vec<TraitMethod>,
}

#[derive(Debug, Clone)]
pub struct TraitMethod {
    pub name: String,
    /// Its position in the VTable, after `uniffi_free` and `uniffi_clone`.
    pub index: usize,
    pub docs: Option<String>,
    pub is_async: bool,
    /// Arguments cross from Rust to JavaScript as return values do.
    pub args: Vec<(String, Type, Lifting)>,
    pub ret_type: Option<Type>,
    /// The FFI type of the result (`None`: `void`).
    pub ret_ffi: Option<FfiType>,
    pub returning: Returning,
    pub throws: Option<Type>,
}

fn trait_method(ci: &ComponentInterface, index: usize, m: &Method) -> TraitMethod {
    TraitMethod {
        name: m.name().to_string(),
        index,
        docs: m.docstring().map(str::to_string),
        is_async: m.is_async(),
        args: m
            .arguments()
            .into_iter()
            .map(|a| {
                let ty = a.as_type();
                let lifting = crossing::lifting(ci, Some(&ty));
                (a.name().to_string(), ty, lifting)
            })
            .collect(),
        ret_ffi: m.return_type().map(FfiType::from),
        returning: crossing::returning(ci, m.return_type()),
        ret_type: m.return_type().cloned(),
        throws: m.throws_type().cloned(),
    }
}

/// Every trait the foreign side implements: callback interfaces, then traits
/// exported `with_foreign`, each in declaration order.
pub fn traits(ci: &ComponentInterface) -> Vec<Trait> {
    let methods = |ms: Vec<&Method>| -> Vec<TraitMethod> {
        ms.into_iter()
            .enumerate()
            .map(|(i, m)| trait_method(ci, i, m))
            .collect()
    };
    let mut out: Vec<Trait> = ci
        .callback_interface_definitions()
        .iter()
        .map(|cb| Trait {
            name: cb.name().to_string(),
            docs: cb.docstring().map(str::to_string),
            rust_too: false,
            init_fn: cb.ffi_init_callback().name().to_string(),
            methods: methods(cb.methods()),
        })
        .collect();
    for o in ci.object_definitions() {
        if o.has_callback_interface() {
            out.push(Trait {
                name: o.name().to_string(),
                docs: o.docstring().map(str::to_string),
                rust_too: true,
                init_fn: o.ffi_init_callback().name().to_string(),
                methods: methods(o.methods()),
            });
        }
    }
    out
}
