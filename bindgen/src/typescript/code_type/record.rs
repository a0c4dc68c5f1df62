//! Records: TypeScript interfaces whose defaulted fields may be left out.

use super::CodeType;
use crate::typescript::formatter::Formatter;

pub struct Record<'a> {
    pub name: &'a str,
}

impl CodeType for Record<'_> {
    fn type_label(&self, _f: &Formatter) -> String {
        self.name.to_string()
    }

    /// Every field of a record that defaults is itself defaulted.
    fn default_value(&self, _f: &Formatter) -> String {
        "{}".into()
    }
}
