//! Custom types: a name for their builtin type, which is how they cross.

use uniffi_bindgen::interface::{ComponentInterface, Literal, Type};

use super::{of, CodeType};
use crate::typescript::formatter::Formatter;

pub struct Custom<'a> {
    pub ci: &'a ComponentInterface,
    pub name: &'a str,
    pub builtin: &'a Type,
}

impl CodeType for Custom<'_> {
    fn type_label(&self, _f: &Formatter) -> String {
        self.name.to_string()
    }

    fn default_value(&self, f: &Formatter) -> String {
        of(self.ci, self.builtin).default_value(f)
    }

    fn literal(&self, f: &Formatter, lit: &Literal) -> String {
        of(self.ci, self.builtin).literal(f, lit)
    }
}
