//! Fuzz target: holoforge::harness::manifest (see src/harness.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| holoforge::harness::manifest(data));
