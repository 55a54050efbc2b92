//! The WGSL sources, compiled into the binary from `shaders/`: one file per stage of a frame.

/// Surface stage: the hologram, shaded and wireframe styles (vertex + fragment).
pub const SURFACE: &str = include_str!("../../shaders/surface.wgsl");
/// Bloom stage (compute): bright pass and separable blur, per tile.
pub const BLOOM: &str = include_str!("../../shaders/bloom.wgsl");
/// Final stage (compute): layout composition, glitch, bloom, straight-alpha sRGB, background.
pub const ENCODE: &str = include_str!("../../shaders/encode.wgsl");

/// Every shader with its file name, for validation.
pub const ALL: &[(&str, &str)] = &[("surface.wgsl", SURFACE), ("bloom.wgsl", BLOOM), ("encode.wgsl", ENCODE)];
