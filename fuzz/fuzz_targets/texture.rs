//! Fuzz target: holoforge::harness::texture (see src/harness.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| holoforge::harness::texture(data));
