//! Generic generator from a UniFFI `ComponentInterface` to a wasm-bindgen glue
//! crate and a TypeScript facade. Filled in by the TypeScript backend work;
//! empty for now so the workspace layout is the design's from the start.
