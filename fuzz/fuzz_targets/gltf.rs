//! Fuzz target: holoforge::harness::gltf (see src/harness.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| holoforge::harness::gltf(data));
