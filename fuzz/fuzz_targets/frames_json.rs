//! Fuzz target: holoforge::harness::frames_json (see src/harness.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| holoforge::harness::frames_json(data));
