//! The WGSL sources, compiled into the binary from `shaders/`.

/// Hologram surface shader (vertex + fragment).
pub const HOLOGRAM: &str = include_str!("../../shaders/hologram.wgsl");
/// Final encode pass: premultiplied linear → straight-alpha sRGB, background composite.
pub const ENCODE: &str = include_str!("../../shaders/encode.wgsl");

/// Every shader with its file name, for validation.
pub const ALL: &[(&str, &str)] = &[("hologram.wgsl", HOLOGRAM), ("encode.wgsl", ENCODE)];
