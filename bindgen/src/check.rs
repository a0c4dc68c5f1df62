//! Checks a whole interface before anything is generated, so a user learns of
//! every unsupported item at once, each with its path.

use std::fmt;

use uniffi_bindgen::interface::{
    Argument, AsType, ComponentInterface, DefaultValue, Field, Literal, Type,
};

use crate::types::{enum_variant, unboxed};

/// One item the generator cannot handle, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// E.g. `["function `fetch`", "argument `cb`"]`, under the crate.
    pub path: Vec<String>,
    pub what: String,
}

/// Every problem found in a crate's interface.
#[derive(Debug)]
pub struct Unsupported {
    pub crate_name: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        writeln!(
            f,
            "`{}` has {n} item{} joyous-bindgen cannot generate (nothing was written):",
            self.crate_name,
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            writeln!(
                f,
                "  {} > {}: {}",
                self.crate_name,
                p.path.join(" > "),
                p.what
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for Unsupported {}

struct Checker<'a> {
    ci: &'a ComponentInterface,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, path: &[String], what: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_vec(),
            what: what.into(),
        });
    }

    /// Whether `ty` (and everything inside it) can cross.
    fn ty(&mut self, path: &[String], ty: &Type) {
        for t in ty.iter_types() {
            match unboxed(t) {
                Type::CallbackInterface { name, .. }
                    if self.ci.get_callback_interface_definition(name).is_none() =>
                {
                    self.report(path, format!("callback interface `{name}` is defined in another crate: external types are not supported yet"))
                }
                Type::Object { name, .. } => match self.ci.get_object_definition(name) {
                    Some(_) => {}
                    None => self.report(path, format!("object `{name}` is defined in another crate: external types are not supported yet")),
                },
                Type::Record { name, .. } if self.ci.get_record_definition(name).is_none() => {
                    self.report(path, format!("record `{name}` is defined in another crate: external types are not supported yet"))
                }
                Type::Enum { name, .. } if self.ci.get_enum_definition(name).is_none() => {
                    self.report(path, format!("enum `{name}` is defined in another crate: external types are not supported yet"))
                }
                _ => {}
            }
        }
    }

    fn default(&mut self, path: &[String], ty: &Type, default: Option<&DefaultValue>) {
        let mut literal = match default {
            Some(DefaultValue::Literal(lit)) => lit,
            _ => return,
        };
        let mut ty = unboxed(ty);
        while let Literal::Some { inner } = literal {
            let DefaultValue::Literal(inner) = inner.as_ref() else {
                return;
            };
            literal = inner;
            if let Type::Optional { inner_type } = ty {
                ty = unboxed(inner_type);
            }
        }
        if let (Literal::Enum(variant, _), Type::Enum { name, .. }) = (literal, ty) {
            if enum_variant(self.ci, name, variant).is_none() {
                self.report(
                    path,
                    format!("default `{variant}` names no variant of `{name}`"),
                );
            }
        }
    }

    fn arguments(&mut self, path: &[String], args: &[&Argument]) {
        for arg in args {
            let mut p = path.to_vec();
            p.push(format!("argument `{}`", arg.name()));
            self.ty(&p, &arg.as_type());
            self.default(&p, &arg.as_type(), arg.default_value());
        }
    }

    fn fields(&mut self, path: &[String], fields: &[Field]) {
        for field in fields {
            let mut p = path.to_vec();
            p.push(format!("field `{}`", field.name()));
            self.ty(&p, &field.as_type());
            self.default(&p, &field.as_type(), field.default_value());
        }
    }

    fn callable(
        &mut self,
        path: Vec<String>,
        args: &[&Argument],
        ret: Option<&Type>,
        throws: Option<&Type>,
    ) {
        self.arguments(&path, args);
        for ty in ret.into_iter().chain(throws) {
            let mut p = path.clone();
            p.push("return type".into());
            self.ty(&p, ty);
        }
    }
}

/// Names the package already uses: the runtime's exports beside the user's,
/// and `free` on every class.
fn reserved_names(c: &mut Checker<'_>) {
    let ci = c.ci;
    let top = ci
        .function_definitions()
        .iter()
        .map(|f| {
            (
                format!("function `{}`", f.name()),
                crate::names::ts_name(f.name()),
            )
        })
        .chain(ci.iter_local_types().filter_map(|t| {
            let name = t.name()?;
            Some((format!("type `{name}`"), name.to_string()))
        }));
    for (at, ts) in top.collect::<Vec<_>>() {
        if crate::names::RESERVED_EXPORTS.contains(&ts.as_str()) {
            c.report(&[at], format!("`{ts}` is a name the generated package exports itself: rename it (e.g. `#[uniffi::export(name = \"...\")]`)"));
        }
    }
    let names: Vec<String> = ci
        .iter_local_types()
        .filter_map(|t| t.name().map(str::to_string))
        .collect();
    for o in ci.object_definitions() {
        let class = crate::names::rust_class(o.name());
        if o.has_callback_interface() && names.contains(&class) {
            c.report(
                &[format!("type `{class}`")],
                format!("`{class}` is the TypeScript class of Rust implementations of trait `{}`: rename one of them", o.name()),
            );
        }
        for m in o.methods() {
            if crate::names::ts_name(m.name()) == "free" {
                c.report(
                    &[
                        format!("object `{}`", o.name()),
                        format!("method `{}`", m.name()),
                    ],
                    "`free` is the method that releases the Rust object in TypeScript: rename it",
                );
            }
        }
    }
}

/// Every item of `ci` that bindgen cannot generate, or `Ok` if there is none.
pub fn check(ci: &ComponentInterface) -> Result<(), Unsupported> {
    let mut c = Checker {
        ci,
        problems: Vec::new(),
    };
    for f in ci.function_definitions() {
        c.callable(
            vec![format!("function `{}`", f.name())],
            &f.arguments(),
            f.return_type(),
            f.throws_type(),
        );
    }
    for o in ci.object_definitions() {
        let at = format!("object `{}`", o.name());
        for ctor in o.constructors() {
            c.callable(
                vec![at.clone(), format!("constructor `{}`", ctor.name())],
                &ctor.arguments(),
                None,
                ctor.throws_type(),
            );
        }
        for m in o.methods() {
            c.callable(
                vec![at.clone(), format!("method `{}`", m.name())],
                &m.arguments(),
                m.return_type(),
                m.throws_type(),
            );
        }
    }
    for r in ci.record_definitions() {
        let at = vec![format!("record `{}`", r.name())];
        if !r.methods().is_empty() || !r.constructors().is_empty() {
            c.report(
                &at,
                "methods and constructors on records are not supported yet",
            );
        }
        c.fields(&at, r.fields());
    }
    for e in ci.enum_definitions() {
        let at = format!("enum `{}`", e.name());
        if !e.methods().is_empty() || !e.constructors().is_empty() {
            c.report(
                std::slice::from_ref(&at),
                "methods and constructors on enums are not supported yet",
            );
        }
        for v in e.variants() {
            c.fields(&[at.clone(), format!("variant `{}`", v.name())], v.fields());
        }
    }
    reserved_names(&mut c);
    for cb in ci.callback_interface_definitions() {
        for m in cb.methods() {
            c.callable(
                vec![
                    format!("callback interface `{}`", cb.name()),
                    format!("method `{}`", m.name()),
                ],
                &m.arguments(),
                m.return_type(),
                m.throws_type(),
            );
        }
    }
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(Unsupported {
            crate_name: ci.crate_name().to_string(),
            problems: c.problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use camino::Utf8Path;

    #[test]
    fn every_unsupported_item_is_reported_at_once_with_its_path() {
        let udl =
            Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unsupported/src/unsupported.udl");
        let ci = crate::load_component_interfaces(&udl).unwrap().remove(0);
        let report = super::check(&ci).unwrap_err().to_string();
        let lines: Vec<&str> = report.lines().skip(1).map(str::trim).collect();
        assert_eq!(
            lines,
            [
                "unsupported > record `Settings` > field `other`: default `DREI` names no variant of `Level`",
                "unsupported > object `Client` > method `free`: `free` is the method that releases the Rust object in TypeScript: rename it",
                "unsupported > type `StoreImpl`: `StoreImpl` is the TypeScript class of Rust implementations of trait `Store`: rename one of them",
            ],
            "{report}"
        );
        assert!(
            report.starts_with(
                "`unsupported` has 3 items joyous-bindgen cannot generate (nothing was written):"
            ),
            "{report}"
        );
    }
}
