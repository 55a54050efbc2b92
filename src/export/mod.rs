//! Export strategies: each output format is one [`ExportStrategy`]; the [`REGISTRY`] lists them.
//! Adding a format is one new strategy and one registry line; nothing else changes.

pub mod ffmpeg;
mod mp4;
pub mod output;
mod png;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::Problem;
use crate::frame::Frame;
use ffmpeg::Ffmpeg;

/// What a sink needs to know to start writing.
#[derive(Debug, Clone)]
pub struct SinkSpec<'a> {
    /// Final output path (file, or folder for sequences).
    pub output: &'a Path,
    /// Frame width.
    pub width: u32,
    /// Frame height.
    pub height: u32,
    /// Frames per second.
    pub fps: u32,
    /// Replace an existing output.
    pub force: bool,
    /// The ffmpeg to use, for formats that need one.
    pub ffmpeg: Option<&'a Ffmpeg>,
}

/// Consumes the frames of one job, in order, and produces the output.
pub trait Sink: Send {
    /// Takes the next frame.
    fn push(&mut self, frame: Frame) -> Result<()>;
    /// Completes the output and moves it into place; returns its path.
    fn finish(self: Box<Self>) -> Result<PathBuf>;
}

/// One output format.
pub trait ExportStrategy: Sync {
    /// The `--format` value.
    fn name(&self) -> &'static str;
    /// One line for `--help` and `holoforge formats`.
    fn description(&self) -> &'static str;
    /// File extension of the output, or `None` when the output is a folder of frames.
    fn extension(&self) -> Option<&'static str>;
    /// Whether the output keeps the alpha channel (otherwise frames are composited over the background).
    fn keeps_alpha(&self) -> bool;
    /// ffmpeg encoders this format needs; empty for native writers.
    fn required_encoders(&self) -> &'static [&'static str];
    /// Whether width and height must be even (4:2:0 chroma subsampling).
    fn needs_even_size(&self) -> bool;
    /// Starts a sink writing to a temporary path beside `spec.output`.
    fn open(&self, spec: &SinkSpec) -> Result<Box<dyn Sink>>;
}

/// Every export format, in the order `holoforge formats` shows them.
pub static REGISTRY: &[&dyn ExportStrategy] = &[&png::PngSequence, &mp4::Mp4H264];

/// The names of every format, for messages.
pub fn format_names() -> Vec<&'static str> {
    REGISTRY.iter().map(|s| s.name()).collect()
}

/// Finds a format by name.
pub fn find(name: &str) -> Result<&'static dyn ExportStrategy> {
    REGISTRY.iter().copied().find(|s| s.name().eq_ignore_ascii_case(name)).ok_or_else(|| {
        Problem::usage(format!("unknown format '{name}'"))
            .with_hint(format!("available formats: {}", format_names().join(", ")))
            .into()
    })
}

/// Checks a format's size constraints before any rendering.
pub fn check_size(strategy: &dyn ExportStrategy, width: u32, height: u32) -> Result<()> {
    if strategy.needs_even_size() && (!width.is_multiple_of(2) || !height.is_multiple_of(2)) {
        return Err(Problem::usage(format!(
            "{}x{height}: format {} needs an even width and height (4:2:0 video)",
            width,
            strategy.name()
        ))
        .with_hint(format!("use e.g. --size {}x{}", width + width % 2, height + height % 2))
        .into());
    }
    Ok(())
}
