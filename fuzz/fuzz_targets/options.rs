//! Rendering from arbitrary options (src/options.rs says what is checked).
#![no_main]

libfuzzer_sys::fuzz_target!(|input: joyous_departures_fuzz::options::Input| {
    joyous_departures_fuzz::options::check(&input)
});
