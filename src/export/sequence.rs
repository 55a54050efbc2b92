//! Frame sequences: a folder of one file per frame, written on several threads — `png`
//! (straight-alpha RGBA PNGs), `jpeg` (opaque, over the background) and `rgba` (raw RGBA8 plus a
//! `frames.json` sidecar). A one-frame `png` or `jpeg` render is one file.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use std::io::Write;

use anyhow::{anyhow, Context, Result};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::ImageEncoder;

use super::output::{PendingOutput, Shape};
use super::{Alpha, ExportStrategy, Quality, Sink, SinkSpec};
use crate::frame::Frame;

/// Turns one frame into the bytes of its file, at a quality (JPEG) or lossless.
type Encode = fn(Frame, Quality, Option<u32>) -> Result<Vec<u8>>;

/// A frame-sequence format: how one frame is encoded, and whether a sidecar describes the frames.
pub struct SequenceFormat {
    name: &'static str,
    description: &'static str,
    file_extension: &'static str,
    encode: Encode,
    alpha: Alpha,
    quality_presets: &'static str,
    crf_range: Option<(u32, u32)>,
    sidecar: bool,
    /// A one-frame render is written as a single file rather than a folder.
    single_file_still: bool,
}

/// `png`: RGBA PNG files.
pub const PNG: SequenceFormat = SequenceFormat {
    name: "png",
    description: "PNG sequence with alpha (a folder of frame_00000.png …)",
    file_extension: "png",
    encode: encode_png,
    alpha: Alpha::Full,
    quality_presets: "lossless: the presets do not change the pictures",
    crf_range: None,
    sidecar: false,
    single_file_still: true,
};

/// JPEG quality for low, medium, high, ultra.
const JPEG_QUALITY: [u32; 4] = [70, 85, 92, 97];

/// `jpeg`: JPEG files (stills and thumbnails), opaque over the background colour.
pub const JPEG: SequenceFormat = SequenceFormat {
    name: "jpeg",
    description: "JPEG still or sequence (frame_00000.jpg …); opaque, over the background colour",
    file_extension: "jpg",
    encode: encode_jpeg,
    alpha: Alpha::None,
    quality_presets: "JPEG quality 70 / 85 / 92 / 97; --crf sets the quality (1..100)",
    crf_range: Some((1, 100)),
    sidecar: false,
    single_file_still: true,
};

/// `rgba`: raw RGBA8 files plus `frames.json` (size, rate, pixel format) for pipelines of their own.
pub const RGBA: SequenceFormat = SequenceFormat {
    name: "rgba",
    description: "raw RGBA8 frames (frame_00000.rgba …) with a frames.json sidecar",
    file_extension: "rgba",
    encode: encode_raw,
    alpha: Alpha::Full,
    quality_presets: "lossless: the presets do not change the pictures",
    crf_range: None,
    sidecar: true,
    single_file_still: false,
};

impl ExportStrategy for SequenceFormat {
    fn name(&self) -> &'static str {
        self.name
    }
    fn description(&self) -> &'static str {
        self.description
    }
    fn extension(&self) -> Option<&'static str> {
        None
    }
    fn alpha(&self) -> Alpha {
        self.alpha
    }
    fn crf_range(&self) -> Option<(u32, u32)> {
        self.crf_range
    }
    fn required_encoders(&self) -> &'static [&'static str] {
        &[]
    }
    fn needs_even_size(&self) -> bool {
        false
    }
    fn quality_presets(&self) -> &'static str {
        self.quality_presets
    }
    fn still_extension(&self) -> Option<&'static str> {
        self.single_file_still.then_some(self.file_extension)
    }
    fn can_stream(&self, frames: u32) -> bool {
        // Raw frames concatenate into a stream; PNG files do not, but one PNG is a file.
        self.sidecar || (self.single_file_still && frames == 1)
    }
    fn open(&self, spec: &SinkSpec) -> Result<Box<dyn Sink>> {
        let quality = (spec.quality, spec.crf);
        if spec.output.is_stdout() {
            return Ok(Box::new(StdoutSink { encode: self.encode, quality }));
        }
        if spec.output.shape() == Shape::File {
            let pending = PendingOutput::new(spec.output)?;
            return Ok(Box::new(StillSink { pending: Some(pending), encode: self.encode, quality }));
        }
        let sink = SequenceSink::start(spec, self.file_extension, self.encode)?;
        if self.sidecar {
            write_sidecar(sink.folder(), spec)?;
        }
        Ok(Box::new(sink))
    }
}

/// One frame written as one file (a product shot).
struct StillSink {
    pending: Option<PendingOutput>,
    encode: Encode,
    quality: (Quality, Option<u32>),
}

impl Sink for StillSink {
    fn push(&mut self, frame: Frame) -> Result<()> {
        let pending = self.pending.as_ref().expect("push before finish");
        write_file(pending.temp_path(), &(self.encode)(frame, self.quality.0, self.quality.1)?)
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        self.pending.take().expect("finish runs once").commit()
    }
}

/// Frames written to standard output (`-o -`): raw RGBA bytes back to back, or one PNG.
struct StdoutSink {
    encode: Encode,
    quality: (Quality, Option<u32>),
}

impl Sink for StdoutSink {
    fn push(&mut self, frame: Frame) -> Result<()> {
        let bytes = (self.encode)(frame, self.quality.0, self.quality.1)?;
        let mut out = std::io::stdout().lock();
        out.write_all(&bytes).and_then(|()| out.flush()).context("cannot write to standard output")
    }

    fn finish(self: Box<Self>) -> Result<PathBuf> {
        Ok(PathBuf::from("-"))
    }
}

/// `frames.json`: what a program needs to read the raw frames back.
fn write_sidecar(folder: &Path, spec: &SinkSpec) -> Result<()> {
    let sidecar = serde_json::json!({
        "width": spec.width,
        "height": spec.height,
        "fps": spec.fps,
        "pixel_format": "rgba8",
        "bytes_per_frame": spec.width as u64 * spec.height as u64 * 4,
        "alpha": if spec.transparent { "straight" } else { "opaque" },
        "colour": "sRGB",
        "row_order": "top to bottom",
        "files": "frame_NNNNN.rgba, NNNNN = frame number",
    });
    let path = folder.join("frames.json");
    std::fs::write(&path, serde_json::to_string_pretty(&sidecar)? + "\n")
        .with_context(|| format!("cannot write {}", path.display()))
}

/// File name of frame `index` in a sequence folder.
pub fn frame_file_name(index: u32, extension: &str) -> String {
    format!("frame_{index:05}.{extension}")
}

type SharedError = Arc<Mutex<Option<anyhow::Error>>>;

struct SequenceSink {
    /// Taken by `finish`; dropping it unfinished removes the partial folder.
    pending: Option<PendingOutput>,
    sender: Option<SyncSender<Frame>>,
    workers: Vec<JoinHandle<()>>,
    error: SharedError,
}

impl SequenceSink {
    fn start(spec: &SinkSpec, extension: &'static str, encode: Encode) -> Result<Self> {
        let pending = PendingOutput::new(spec.output)?;
        let (quality, crf) = (spec.quality, spec.crf);
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (sender, receiver) = sync_channel::<Frame>(threads * 2);
        let receiver = Arc::new(Mutex::new(receiver));
        let error: SharedError = Arc::default();
        let workers = (0..threads)
            .map(|i| {
                let receiver = Arc::clone(&receiver);
                let error = Arc::clone(&error);
                let folder = pending.temp_path().to_path_buf();
                std::thread::Builder::new().name(format!("frames-{i}")).spawn(move || loop {
                    let next = receiver.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok(frame) = next else { break };
                    let path = folder.join(frame_file_name(frame.index, extension));
                    if let Err(e) = encode(frame, quality, crf).and_then(|bytes| write_file(&path, &bytes)) {
                        error.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert(e);
                    }
                })
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        Ok(Self { pending: Some(pending), sender: Some(sender), workers, error })
    }

    fn folder(&self) -> &Path {
        self.pending.as_ref().expect("open until finished").temp_path()
    }

    fn take_error(&self) -> Option<anyhow::Error> {
        self.error.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

fn encode_raw(frame: Frame, _quality: Quality, _crf: Option<u32>) -> Result<Vec<u8>> {
    Ok(frame.rgba)
}

/// The `png` sequence's encoding of one frame (RGBA, fast deflate, adaptive filters).
pub fn encode_png(frame: Frame, _quality: Quality, _crf: Option<u32>) -> Result<Vec<u8>> {
    let mut png = Vec::new();
    PngEncoder::new_with_quality(&mut png, CompressionType::Fast, FilterType::Adaptive)
        .write_image(&frame.rgba, frame.width, frame.height, image::ExtendedColorType::Rgba8)
        .context("cannot encode the PNG")?;
    Ok(png)
}

/// JPEG has no alpha: the frame (already opaque over the background) loses its alpha channel.
fn encode_jpeg(frame: Frame, quality: Quality, crf: Option<u32>) -> Result<Vec<u8>> {
    let rgb: Vec<u8> = frame.rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let quality = crf.unwrap_or(quality.pick(JPEG_QUALITY)).clamp(1, 100) as u8;
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, quality)
        .write_image(&rgb, frame.width, frame.height, image::ExtendedColorType::Rgb8)
        .context("cannot encode the JPEG")?;
    Ok(jpeg)
}

impl Sink for SequenceSink {
    fn push(&mut self, frame: Frame) -> Result<()> {
        if let Some(e) = self.take_error() {
            return Err(e);
        }
        let sender = self.sender.as_ref().expect("push after finish");
        sender.send(frame).map_err(|_| anyhow!("the frame writers stopped"))
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        self.sender = None;
        for worker in self.workers.drain(..) {
            worker.join().map_err(|_| anyhow!("a frame writer thread panicked"))?;
        }
        if let Some(e) = self.take_error() {
            return Err(e);
        }
        self.pending.take().expect("finish runs once").commit()
    }
}

impl Drop for SequenceSink {
    fn drop(&mut self) {
        self.sender = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
