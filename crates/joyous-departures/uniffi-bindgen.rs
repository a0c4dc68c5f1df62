//! uniffi-bindgen of the crate's own pinned uniffi: maturin runs it on the built
//! cdylib to write the wheel's Python (from the sdist too, where xtask is absent).
fn main() {
    uniffi::uniffi_bindgen_main()
}
