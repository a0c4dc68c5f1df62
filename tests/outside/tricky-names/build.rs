fn main() {
    // The UDL half of the API; the proc-macro half is in src/macros.rs.
    uniffi::generate_scaffolding("src/tricky.udl").expect("UniFFI scaffolding from src/tricky.udl");
}
