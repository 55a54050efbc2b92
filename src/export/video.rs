//! The shared shape of every ffmpeg-encoded format: a [`VideoFormat`] describes the format and
//! builds its ffmpeg arguments; [`VideoSink`] streams raw RGBA frames into the ffmpeg child.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::ffmpeg::FfmpegChild;
use super::output::PendingOutput;
use super::{Alpha, ExportStrategy, Sink, SinkSpec};
use crate::error::Problem;
use crate::frame::Frame;

/// An ffmpeg-encoded format: everything that differs between formats is data or `encode_args`.
pub struct VideoFormat {
    /// `--format` value.
    pub name: &'static str,
    /// One-line description.
    pub description: &'static str,
    /// File extension.
    pub extension: &'static str,
    /// ffmpeg muxer (`-f`), so the temporary file name does not matter.
    pub muxer: &'static str,
    /// Alpha support.
    pub alpha: Alpha,
    /// Encoders it needs.
    pub encoders: &'static [&'static str],
    /// Whether width and height must be even.
    pub even_size: bool,
    /// The values `--crf` may take (the encoder's own scale), or None when it has no such number.
    pub crf_range: Option<(u32, u32)>,
    /// Whether the muxer can write to a pipe (MP4 then fragmented: `frag_keyframe+empty_moov`).
    pub streamable: bool,
    /// `--quality` presets in the encoder's terms.
    pub quality_presets: &'static str,
    /// ffmpeg arguments between the raw input and the output file (filters, codec, options).
    pub encode_args: fn(&SinkSpec) -> Vec<String>,
}

impl ExportStrategy for VideoFormat {
    fn name(&self) -> &'static str {
        self.name
    }
    fn description(&self) -> &'static str {
        self.description
    }
    fn extension(&self) -> Option<&'static str> {
        Some(self.extension)
    }
    fn alpha(&self) -> Alpha {
        self.alpha
    }
    fn required_encoders(&self) -> &'static [&'static str] {
        self.encoders
    }
    fn needs_even_size(&self) -> bool {
        self.even_size
    }
    fn quality_presets(&self) -> &'static str {
        self.quality_presets
    }
    fn crf_range(&self) -> Option<(u32, u32)> {
        self.crf_range
    }
    fn can_stream(&self, _frames: u32) -> bool {
        self.streamable
    }
    fn open(&self, spec: &SinkSpec) -> Result<Box<dyn Sink>> {
        let ffmpeg =
            spec.ffmpeg.ok_or_else(|| Problem::environment(format!("the {} format needs ffmpeg", self.name)))?;
        let mut args = raw_input_args(spec.width, spec.height, spec.fps);
        args.extend((self.encode_args)(spec));
        let streaming = spec.output.is_stdout();
        let pending = match streaming {
            // A pipe cannot be seeked back to the start: MP4 is fragmented instead of fast-started.
            true => {
                for arg in args.iter_mut().filter(|a| *a == "+faststart") {
                    *arg = "frag_keyframe+empty_moov".into();
                }
                None
            }
            false => Some(PendingOutput::new(spec.output)?),
        };
        let destination = pending.as_ref().map_or("pipe:1".into(), |p| p.temp_path().display().to_string());
        // Bit-exact muxing: no random segment ids, dates or library versions, so the same job
        // writes the same bytes (farms compare checksums).
        args.extend(strings(&["-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1"]));
        args.extend(["-f".to_string(), self.muxer.to_string(), destination]);
        let child = FfmpegChild::spawn(ffmpeg, &args, streaming)
            .with_context(|| format!("cannot start the {} encoder", self.name))?;
        Ok(Box::new(VideoSink { child, pending }))
    }
}

/// ffmpeg arguments that read raw RGBA frames of this size and rate from stdin.
pub fn raw_input_args(width: u32, height: u32, fps: u32) -> Vec<String> {
    strings(&[
        "-hide_banner",
        "-loglevel",
        "error",
        "-nostdin",
        "-y",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgba",
        "-s",
        &format!("{width}x{height}"),
        "-r",
        &fps.to_string(),
        "-i",
        "-",
    ])
}

/// Owned copies of string arguments.
pub fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

/// Tags that say the stream is BT.709 limited range, as converted by [`BT709_SCALE`].
pub const BT709_TAGS: &[&str] =
    &["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"];
/// The RGB → YUV conversion that matches [`BT709_TAGS`] (ffmpeg's default matrix is BT.601).
pub const BT709_SCALE: &str = "scale=out_color_matrix=bt709:out_range=tv";

/// A sink that streams raw frames into an ffmpeg child writing a temporary file (or stdout).
pub struct VideoSink {
    child: FfmpegChild,
    /// None when ffmpeg writes to holoforge's standard output.
    pending: Option<PendingOutput>,
}

impl Sink for VideoSink {
    fn push(&mut self, frame: Frame) -> Result<()> {
        self.child.write(&frame.rgba)
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        self.child.finish()?;
        let VideoSink { pending, .. } = *self;
        match pending {
            Some(pending) => pending.commit(),
            None => Ok(PathBuf::from("-")),
        }
    }
}
