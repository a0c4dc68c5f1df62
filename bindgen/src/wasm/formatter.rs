//! Every identifier the glue crate prints. The crate's own items start with
//! `jb_`; exports are named by `names::glue_export`, which both backends use.

use heck::ToSnakeCase;

/// The glue's runtime module and its FFI declarations.
pub const RT: &str = "crate::jb_rt";
pub const FFI: &str = "jb_ffi";

/// The lowering helper of a flattened record.
pub fn lower(record: &str) -> String {
    format!("jb_lower_{record}")
}

/// A param of a record's lowering helper, by position.
pub fn helper_param(k: usize) -> String {
    format!("jb_p{k}")
}

/// The glue param of argument `index` (for records: its `k`th field param).
pub fn arg_param(index: usize, name: &str) -> String {
    format!("jb_a{index}_{}", name.to_snake_case())
}

pub fn record_param(index: usize, k: usize, path: &[String]) -> String {
    let path: Vec<String> = path.iter().map(|p| p.to_snake_case()).collect();
    format!("jb_a{index}_{k}_{}", path.join("_"))
}
