//! Names in the generated code: TypeScript's camelCase, identifiers that are
//! safe in JavaScript, and the glue crate's export names, which both backends use.

use heck::{ToLowerCamelCase, ToSnakeCase};

/// Words that cannot name a JavaScript binding, parameter or property we emit.
const JS_RESERVED: &[&str] = &[
    "arguments",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "globalThis",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// `generate_goodbye` -> `generateGoodbye`; reserved words get a trailing `_`.
pub fn ts_name(rust_name: &str) -> String {
    let camel = rust_name.to_lower_camel_case();
    if JS_RESERVED.contains(&camel.as_str()) {
        format!("{camel}_")
    } else {
        camel
    }
}

/// A property name (record and variant fields): camelCase as it is, since
/// JavaScript allows reserved words as property names.
pub fn ts_property(rust_name: &str) -> String {
    rust_name.to_lower_camel_case()
}

/// A snake_case identifier for the glue crate (`GoodbyeOptions` -> `goodbye_options`).
pub fn snake(name: &str) -> String {
    name.to_snake_case()
}

/// The name the glue crate exports a callable under, in Rust and in
/// JavaScript. Object names carry their length (`method_3Foo_bar_baz`,
/// `method_6FooBar_baz`), so no two items can meet whatever their names; the
/// kind prefixes differ in their first two letters.
pub fn glue_export(kind: &crate::model::Kind, name: &str) -> String {
    use crate::model::Kind;
    match kind {
        Kind::Function => format!("fn_{name}"),
        Kind::Constructor { object, .. } => format!("ctor_{}{object}_{name}", object.len()),
        Kind::Method { object } => format!("method_{}{object}_{name}", object.len()),
    }
}

/// The glue export that completes an async callable's future and returns
/// its result.
pub fn glue_complete(kind: &crate::model::Kind, name: &str) -> String {
    format!("complete_{}", glue_export(kind, name))
}

/// The glue exports that free and clone an object's handle.
pub fn glue_free(object: &str) -> String {
    format!("free_{}{object}", object.len())
}

pub fn glue_clone(object: &str) -> String {
    format!("clone_{}{object}", object.len())
}

/// The TypeScript class of Rust-made objects of a trait the foreign side can
/// implement: the trait's name is the interface users implement (as
/// uniffi's Kotlin does).
pub fn rust_class(trait_name: &str) -> String {
    format!("{trait_name}Impl")
}

/// Names the generated package itself exports beside the user's items.
pub const RESERVED_EXPORTS: &[&str] = &[
    "AsyncOptions",
    "DisposedError",
    "InternalError",
    "LoadError",
    "NotInitializedError",
    "PanicError",
    "init",
    "initSync",
    "InitInput",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_and_reserved_words() {
        assert_eq!(ts_name("generate_goodbye"), "generateGoodbye");
        assert_eq!(ts_name("delete"), "delete_");
        assert_eq!(ts_name("new"), "new_");
    }
}
