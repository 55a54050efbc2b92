//! Fuzz target: holoforge::harness::fbx (see src/harness.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| holoforge::harness::fbx(data));
