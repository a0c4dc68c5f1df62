//! `Option<T>`, `Vec<T>`, `HashSet<T>` and `HashMap<K, V>`.

use uniffi_bindgen::interface::{ComponentInterface, DefaultValue, Literal, Type};

use super::{default_literal, generic_literal, type_label, CodeType};
use crate::typescript::formatter::Formatter;

pub struct Optional<'a> {
    pub ci: &'a ComponentInterface,
    pub inner: &'a Type,
}

impl CodeType for Optional<'_> {
    fn type_label(&self, f: &Formatter) -> String {
        format!("{} | undefined", type_label(self.ci, f, self.inner))
    }

    fn default_value(&self, _f: &Formatter) -> String {
        "undefined".into()
    }

    fn literal(&self, f: &Formatter, lit: &Literal) -> String {
        match lit {
            Literal::Some { inner } => default_literal(self.ci, f, self.inner, inner),
            Literal::None => "undefined".into(),
            // A bare literal for an optional field means `Some(literal)`.
            other => default_literal(
                self.ci,
                f,
                self.inner,
                &DefaultValue::Literal(other.clone()),
            ),
        }
    }
}

pub struct Sequence<'a> {
    pub ci: &'a ComponentInterface,
    pub inner: &'a Type,
}

impl CodeType for Sequence<'_> {
    fn type_label(&self, f: &Formatter) -> String {
        format!(
            "{}<{}>",
            f.builtins.array,
            type_label(self.ci, f, self.inner)
        )
    }

    fn default_value(&self, _f: &Formatter) -> String {
        "[]".into()
    }
}

pub struct Set<'a> {
    pub ci: &'a ComponentInterface,
    pub inner: &'a Type,
}

impl CodeType for Set<'_> {
    fn type_label(&self, f: &Formatter) -> String {
        format!("{}<{}>", f.builtins.set, type_label(self.ci, f, self.inner))
    }

    fn default_value(&self, f: &Formatter) -> String {
        format!("new {}()", f.builtins.set)
    }
}

pub struct Map<'a> {
    pub ci: &'a ComponentInterface,
    pub key: &'a Type,
    pub value: &'a Type,
}

impl CodeType for Map<'_> {
    fn type_label(&self, f: &Formatter) -> String {
        format!(
            "{}<{}, {}>",
            f.builtins.map,
            type_label(self.ci, f, self.key),
            type_label(self.ci, f, self.value)
        )
    }

    fn default_value(&self, f: &Formatter) -> String {
        format!("new {}()", f.builtins.map)
    }

    fn literal(&self, f: &Formatter, lit: &Literal) -> String {
        generic_literal(f, lit)
    }
}
