//! The unit that flows from the renderer to the exports.

/// One rendered frame: 8-bit sRGB-encoded RGBA with straight alpha, rows top to bottom, no padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Frame number within the clip (`--start-frame` based, not the position in this run).
    pub index: u32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}
