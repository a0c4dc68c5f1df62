fn main() {
    // src/joyous_departures.udl is a symlink to udl/joyous_departures.udl, the
    // UDL half of the declared API: uniffi's library mode (xtask, maturin) looks
    // for a crate's UDL under its src/, while the design keeps it in udl/.
    #[cfg(feature = "ffi")]
    {
        let udl = "src/joyous_departures.udl";
        println!("cargo:rerun-if-changed=../../udl/joyous_departures.udl");
        uniffi::generate_scaffolding(udl)
            .expect("UniFFI scaffolding from udl/joyous_departures.udl");
        // The wheel's PEP 561 marker, which pyproject.toml includes from OUT_DIR:
        // a joyous_departures/ folder beside it would make maturin nest the module.
        let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
        std::fs::write(std::path::Path::new(&out).join("py.typed"), "")
            .expect("writing py.typed into OUT_DIR");
    }
}
