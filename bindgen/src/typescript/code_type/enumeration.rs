//! Enums: flat ones are string unions (crossing as their index), those with
//! data are tagged unions, errors are `Error` subclasses.

use uniffi_bindgen::interface::{ComponentInterface, Literal};

use super::{generic_literal, CodeType, NativeTs};
use crate::typescript::formatter::{Formatter, RT};

pub struct Enum<'a> {
    pub ci: &'a ComponentInterface,
    pub name: &'a str,
}

impl CodeType for Enum<'_> {
    fn type_label(&self, _f: &Formatter) -> String {
        self.name.to_string()
    }

    fn default_value(&self, _f: &Formatter) -> String {
        match self
            .ci
            .get_enum_definition(self.name)
            .and_then(|e| e.variants().first())
        {
            Some(v) => format!("{:?}", v.name()),
            None => "undefined".into(),
        }
    }

    /// The declared variant, whatever case the default was written in.
    fn literal(&self, f: &Formatter, lit: &Literal) -> String {
        match lit {
            Literal::Enum(written, _) => {
                let variant = crate::types::enum_variant(self.ci, self.name, written)
                    .expect("`check` rejects defaults that name no variant");
                format!("{variant:?}")
            }
            other => generic_literal(f, other),
        }
    }
}

/// A flat enum crosses as its 1-based index, looked up from the variant name.
pub fn native_flat(f: &Formatter, name: &str) -> NativeTs {
    NativeTs {
        param_type: "number".into(),
        check_fn: format!("{RT}.enumIndex"),
        leading: format!("{}, ", f.enum_index(name)),
        extra: String::new(),
        zero: "0",
    }
}
