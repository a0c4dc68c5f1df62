fn main() {
    // The UDL half of the declared API lives in the workspace's udl/ folder.
    #[cfg(feature = "ffi")]
    {
        let udl = "../../udl/joyous_departures.udl";
        println!("cargo:rerun-if-changed={udl}");
        // The UDL sits outside the crate, so name the crate rather than let uniffi guess it.
        uniffi::generate_scaffolding_for_crate(udl, "joyous_departures").expect("UniFFI scaffolding from udl/joyous_departures.udl");
    }
}
