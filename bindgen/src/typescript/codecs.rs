//! Which readers, writers and enum tables the facade needs: only those that
//! a call reaches, directly or inside another type.

use std::collections::BTreeSet;

use uniffi_bindgen::interface::{AsType, ComponentInterface, Type};

use crate::crossing::{FieldShape, FlatRecord, Lifting, Lowering, Native, Returning, Scalar};
use crate::model::{Callable, Trait};
use crate::types::{is_primitive, key, unboxed};

#[derive(Default)]
pub struct Usage {
    /// Type keys (`types::key`) whose reader is used.
    pub read: BTreeSet<String>,
    /// Type keys whose writer is used.
    pub write: BTreeSet<String>,
    /// Flat enums whose name -> index table is used.
    pub index: BTreeSet<String>,
    /// Records used as optional arguments (they need an "absent" tuple).
    pub absent: BTreeSet<String>,
}

impl Usage {
    pub fn of(ci: &ComponentInterface, callables: &[Callable], traits: &[Trait]) -> Self {
        let mut u = Usage::default();
        for c in callables {
            if let Lifting::Buffer(ty) = &c.lifting {
                u.need_read(ci, ty);
            }
            if let Some(e) = &c.throws {
                u.need_read(ci, e);
            }
            for arg in &c.args {
                match &arg.lowering {
                    Lowering::Scalar(s) => u.scalar(s),
                    Lowering::Encoded => u.need_write(ci, &arg.ty),
                    Lowering::Record { record, optional } => {
                        u.record(ci, record);
                        if *optional {
                            u.absent.insert(record.name.clone());
                        }
                    }
                    Lowering::Direct(_)
                    | Lowering::String
                    | Lowering::Object(_)
                    | Lowering::Foreign(_) => {}
                }
            }
        }
        // Foreign methods read their arguments and write their results and errors.
        for t in traits {
            for m in &t.methods {
                for (_, _, lifting) in &m.args {
                    if let Lifting::Buffer(ty) = lifting {
                        u.need_read(ci, ty);
                    }
                }
                if let Returning::Encoded(ty) = &m.returning {
                    u.need_write(ci, ty);
                }
                if let Some(e) = &m.throws {
                    u.need_write(ci, e);
                }
            }
        }
        u
    }

    pub fn reads(&self, ty: &Type) -> bool {
        self.read.contains(&key(ty))
    }

    pub fn writes(&self, ty: &Type) -> bool {
        self.write.contains(&key(ty))
    }

    fn scalar(&mut self, s: &Scalar) {
        if let Native::FlatEnum(name) = &s.native {
            self.index.insert(name.clone());
        }
    }

    fn record(&mut self, ci: &ComponentInterface, r: &FlatRecord) {
        for f in &r.fields {
            match &f.shape {
                FieldShape::Scalar(s) => self.scalar(s),
                FieldShape::Encoded => self.need_write(ci, &f.ty),
                FieldShape::Record { record, .. } => self.record(ci, record),
            }
        }
    }

    fn need_read(&mut self, ci: &ComponentInterface, ty: &Type) {
        let ty = unboxed(ty);
        if is_primitive(ty) || !self.read.insert(key(ty)) {
            return;
        }
        for inner in inner_types(ci, ty) {
            self.need_read(ci, &inner);
        }
    }

    fn need_write(&mut self, ci: &ComponentInterface, ty: &Type) {
        let ty = unboxed(ty);
        if is_primitive(ty) || !self.write.insert(key(ty)) {
            return;
        }
        if let Type::Enum { name, .. } = ty {
            if crate::types::is_flat_plain_enum(ci, name) {
                self.index.insert(name.clone());
            }
        }
        for inner in inner_types(ci, ty) {
            self.need_write(ci, &inner);
        }
    }
}

/// The types a codec of `ty` calls the codecs of.
fn inner_types(ci: &ComponentInterface, ty: &Type) -> Vec<Type> {
    match ty {
        Type::Optional { inner_type }
        | Type::Sequence { inner_type }
        | Type::Set { inner_type } => {
            vec![(**inner_type).clone()]
        }
        Type::Map {
            key_type,
            value_type,
        } => vec![(**key_type).clone(), (**value_type).clone()],
        Type::Custom { builtin, .. } => vec![(**builtin).clone()],
        Type::Record { name, .. } => ci
            .get_record_definition(name)
            .map(|r| r.fields().iter().map(|f| f.as_type()).collect())
            .unwrap_or_default(),
        Type::Enum { name, .. } => ci
            .get_enum_definition(name)
            .map(|e| {
                e.variants()
                    .iter()
                    .flat_map(|v| v.fields().iter().map(|f| f.as_type()))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}
