//! The integration tests, one binary (each file a module): a binary per file would link wgpu
//! once each. Run one group with `cargo test --test suite golden::`.

mod util;

mod antialiasing;
mod bad_input;
mod compressed;
mod corpus;
mod docs;
mod doctor;
mod fbx;
mod formats;
mod fuzz_regressions;
mod golden;
mod layouts;
mod look;
mod manifest;
mod materials;
mod ply;
mod render;
mod scripts;
mod shaders;
mod three_mf;
mod trust;
mod video;
