//! Objects: classes over a Rust handle.

use super::CodeType;
use crate::typescript::formatter::Formatter;

pub struct Object<'a> {
    pub name: &'a str,
}

impl CodeType for Object<'_> {
    fn type_label(&self, _f: &Formatter) -> String {
        self.name.to_string()
    }

    fn default_value(&self, _f: &Formatter) -> String {
        // UniFFI allows no default for objects; `check` rejects one earlier.
        "undefined".into()
    }
}
