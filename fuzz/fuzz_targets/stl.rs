//! Fuzz target: holoforge::harness::stl (see src/harness.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| holoforge::harness::stl(data));
