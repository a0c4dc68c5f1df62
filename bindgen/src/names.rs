//! Names in the generated code: TypeScript's camelCase, identifiers that are
//! safe in both Rust and JavaScript, and the glue crate's export names.

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

/// A snake_case identifier for the glue crate (`GoodbyeOptions` -> `goodbye_options`).
pub fn snake(name: &str) -> String {
    name.to_snake_case()
}

/// A glue parameter name that cannot clash with Rust keywords or our locals.
pub fn glue_param(path: &[&str]) -> String {
    format!(
        "p_{}",
        path.iter().map(|p| snake(p)).collect::<Vec<_>>().join("__")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_and_reserved_words() {
        assert_eq!(ts_name("generate_goodbye"), "generateGoodbye");
        assert_eq!(ts_name("delete"), "delete_");
        assert_eq!(ts_name("new"), "new_");
        assert_eq!(
            glue_param(&["options", "templateArgs"]),
            "p_options__template_args"
        );
    }
}
