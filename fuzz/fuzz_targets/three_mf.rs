//! Fuzz target: holoforge::harness::three_mf (see src/harness.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| holoforge::harness::three_mf(data));
