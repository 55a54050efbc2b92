//! `mp4`: H.264 in MP4 through an ffmpeg child (libx264, yuv420p, CRF 18, `+faststart`, BT.709).

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::ffmpeg::FfmpegChild;
use super::output::PendingOutput;
use super::{ExportStrategy, Sink, SinkSpec};
use crate::error::Problem;
use crate::frame::Frame;

/// The H.264 MP4 strategy.
pub struct Mp4H264;

/// Constant rate factor: visually lossless for most hologram footage.
const CRF: u32 = 18;

impl ExportStrategy for Mp4H264 {
    fn name(&self) -> &'static str {
        "mp4"
    }
    fn description(&self) -> &'static str {
        "H.264 MP4 (libx264, yuv420p, CRF 18, +faststart); opaque, over the background colour"
    }
    fn extension(&self) -> Option<&'static str> {
        Some("mp4")
    }
    fn keeps_alpha(&self) -> bool {
        false
    }
    fn required_encoders(&self) -> &'static [&'static str] {
        &["libx264"]
    }
    fn needs_even_size(&self) -> bool {
        true
    }
    fn open(&self, spec: &SinkSpec) -> Result<Box<dyn Sink>> {
        let ffmpeg = spec.ffmpeg.ok_or_else(|| Problem::environment("the mp4 format needs ffmpeg"))?;
        let pending = PendingOutput::new(spec.output, spec.force)?;
        let args = raw_input_args(spec.width, spec.height, spec.fps)
            .into_iter()
            .chain(
                [
                    "-c:v",
                    "libx264",
                    "-preset",
                    "medium",
                    "-crf",
                    &CRF.to_string(),
                    // RGB → BT.709 limited-range YUV, and say so in the stream.
                    "-vf",
                    "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p",
                    "-colorspace",
                    "bt709",
                    "-color_primaries",
                    "bt709",
                    "-color_trc",
                    "bt709",
                    "-color_range",
                    "tv",
                    "-movflags",
                    "+faststart",
                    "-f",
                    "mp4",
                ]
                .map(str::to_string),
            )
            .chain([pending.temp_path().display().to_string()])
            .collect::<Vec<_>>();
        let child = FfmpegChild::spawn(ffmpeg, &args).context("cannot start the MP4 encoder")?;
        Ok(Box::new(FfmpegSink { child, pending }))
    }
}

/// ffmpeg arguments that read raw RGBA frames of this size and rate from stdin.
pub fn raw_input_args(width: u32, height: u32, fps: u32) -> Vec<String> {
    [
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
    ]
    .map(str::to_string)
    .to_vec()
}

/// A sink that streams raw frames into an ffmpeg child writing a temporary file.
pub struct FfmpegSink {
    child: FfmpegChild,
    pending: PendingOutput,
}

impl Sink for FfmpegSink {
    fn push(&mut self, frame: Frame) -> Result<()> {
        self.child.write(&frame.rgba)
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        self.child.finish()?;
        let FfmpegSink { pending, .. } = *self;
        pending.commit()
    }
}
