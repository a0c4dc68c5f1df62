//! `Generator::with_corpus` on arbitrary text (src/corpus.rs says what is checked).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| joyous_departures_fuzz::corpus::check(data));
