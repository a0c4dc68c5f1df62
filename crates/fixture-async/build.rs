fn main() {
    // The UDL half of the API; the proc-macro half is in src/.
    uniffi::generate_scaffolding("src/fixture_async.udl")
        .expect("UniFFI scaffolding from src/fixture_async.udl");
}
