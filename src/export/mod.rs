//! Export strategies: each output format is one [`ExportStrategy`]; the [`REGISTRY`] lists them.
//! Adding a format is one new strategy and one registry line; nothing else changes: `--help`,
//! `holoforge formats` and `holoforge doctor` all read the registry.

mod apng;
pub mod ffmpeg;
mod gif;
mod h264;
mod hevc;
pub mod output;
mod prores;
mod sequence;
pub use h264::mp4_video_args;
pub use sequence::encode_png;
pub use video::raw_input_args;
mod video;
mod vp9;
mod webp;

use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use crate::error::Problem;
use crate::frame::Frame;
use ffmpeg::Ffmpeg;
use output::{OutputClaim, Shape};

/// Encoding quality presets (each format maps them to its own encoder settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Quality {
    /// Small files for previews.
    Low,
    /// A balance for the web.
    Medium,
    /// Visually lossless for most footage (the default).
    #[default]
    High,
    /// For masters and further compositing.
    Ultra,
}

impl Quality {
    /// Picks the entry for this quality from a `[low, medium, high, ultra]` table.
    pub fn pick<T: Copy>(self, table: [T; 4]) -> T {
        table[self as usize]
    }
}

/// How much of the alpha channel a format can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Alpha {
    /// Opaque: frames are composited over the background colour.
    None,
    /// On/off transparency only (GIF): transparent output is possible, but not the default.
    Binary,
    /// Full 8-bit (or better) alpha: transparent by default.
    Full,
}

/// What a sink needs to know to start writing.
#[derive(Debug, Clone)]
pub struct SinkSpec<'a> {
    /// The claimed output (file, or folder for sequences).
    pub output: &'a OutputClaim,
    /// Frame width.
    pub width: u32,
    /// Frame height.
    pub height: u32,
    /// Frames per second.
    pub fps: u32,
    /// How many frames will be pushed.
    pub frames: u32,
    /// Whether the frames carry transparency (the job's background is transparent).
    pub transparent: bool,
    /// Quality preset.
    pub quality: Quality,
    /// Explicit constant rate factor, overriding the preset where the format has one.
    pub crf: Option<u32>,
    /// Encoder speed preset (e.g. x264's `slow`), where the format has one.
    pub encoder_preset: Option<&'a str>,
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
    /// For frame sequences: the file extension when a one-frame render becomes one file.
    fn still_extension(&self) -> Option<&'static str> {
        None
    }
    /// Whether a render of `frames` frames writes one file or a folder of frames.
    fn shape(&self, frames: u32) -> Shape {
        match (self.extension(), self.still_extension()) {
            (Some(_), _) => Shape::File,
            (None, Some(_)) if frames == 1 => Shape::File,
            (None, _) => Shape::Folder,
        }
    }
    /// Whether a render of `frames` frames can be written to standard output (`-o -`): a format
    /// whose file needs no seeking (fragmented MP4, WebM, GIF, raw RGBA, one PNG).
    fn can_stream(&self, frames: u32) -> bool {
        let _ = frames;
        false
    }
    /// How much alpha the output keeps (otherwise frames are composited over the background).
    fn alpha(&self) -> Alpha;
    /// ffmpeg encoders this format needs; empty for native writers.
    fn required_encoders(&self) -> &'static [&'static str];
    /// Whether width and height must be even (4:2:0 chroma subsampling).
    fn needs_even_size(&self) -> bool;
    /// What `--quality low|medium|high|ultra` means for this format, in its encoder's terms.
    fn quality_presets(&self) -> &'static str;
    /// The values `--crf` may take for this format's encoder, or None when it has no such number.
    fn crf_range(&self) -> Option<(u32, u32)> {
        None
    }
    /// Starts a sink writing to a temporary path beside `spec.output`.
    fn open(&self, spec: &SinkSpec) -> Result<Box<dyn Sink>>;
}

/// Every export format, in the order `holoforge formats` shows them.
pub static REGISTRY: &[&dyn ExportStrategy] = &[
    &sequence::PNG,
    &sequence::JPEG,
    &sequence::RGBA,
    &h264::MP4,
    &hevc::MP4_HEVC,
    &gif::GIF,
    &vp9::WEBM,
    &vp9::WEBM_ALPHA,
    &prores::PRORES,
    &webp::WEBP,
    &apng::APNG,
    &h264::STACKED_ALPHA,
];

/// The names of every format, for messages and `--help`.
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

/// `base.mp4`, or `base-png` for a sequence folder (`base.png` for a one-frame still).
pub fn with_format_suffix(base: PathBuf, format: &dyn ExportStrategy, still: bool) -> PathBuf {
    let mut name = base.into_os_string();
    let extension = match still {
        true => format.still_extension().or(format.extension()),
        false => format.extension(),
    };
    match extension {
        Some(ext) => name.push(format!(".{ext}")),
        None => name.push(format!("-{}", format.name())),
    }
    PathBuf::from(name)
}

/// Checks a format's size constraints before any rendering.
pub fn check_size(strategy: &dyn ExportStrategy, width: u32, height: u32) -> Result<()> {
    if strategy.needs_even_size() && (!width.is_multiple_of(2) || !height.is_multiple_of(2)) {
        return Err(Problem::usage(format!(
            "{width}x{height}: format {} needs an even width and height (4:2:0 video)",
            strategy.name()
        ))
        .with_hint(format!("use e.g. --size {}x{}", width + width % 2, height + height % 2))
        .into());
    }
    Ok(())
}
