//! Generic generator from a UniFFI `ComponentInterface` to a wasm-bindgen glue
//! crate and a TypeScript facade. It knows nothing about any one crate.
//!
//! So far: loading the interfaces (`load`). The backends come next.

pub mod load;

pub use load::load_component_interfaces;
