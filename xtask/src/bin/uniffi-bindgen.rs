//! The workspace's `uniffi-bindgen`, which maturin runs when it builds the
//! wheel: the same pinned uniffi_bindgen as `cargo xtask generate` uses, so
//! the wheel's Python is byte for byte the committed generated/python.
fn main() {
    uniffi::uniffi_bindgen_main()
}
