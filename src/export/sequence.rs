//! Frame sequences: a folder of one file per frame, written on several threads — `png`
//! (straight-alpha RGBA PNGs) and `rgba` (raw RGBA8 plus a `frames.json` sidecar).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use std::io::Write;

use anyhow::{anyhow, Context, Result};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::ImageEncoder;

use super::output::{PendingOutput, Shape};
use super::{Alpha, ExportStrategy, Sink, SinkSpec};
use crate::frame::Frame;

/// A frame-sequence format: how one frame is written, and whether a sidecar describes the frames.
pub struct SequenceFormat {
    name: &'static str,
    description: &'static str,
    file_extension: &'static str,
    write_frame: fn(&Path, &Frame) -> Result<()>,
    sidecar: bool,
    /// A one-frame render is written as a single file rather than a folder.
    single_file_still: bool,
}

/// `png`: RGBA PNG files.
pub const PNG: SequenceFormat = SequenceFormat {
    name: "png",
    description: "PNG sequence with alpha (a folder of frame_00000.png …)",
    file_extension: "png",
    write_frame: write_png,
    sidecar: false,
    single_file_still: true,
};

/// `rgba`: raw RGBA8 files plus `frames.json` (size, rate, pixel format) for pipelines of their own.
pub const RGBA: SequenceFormat = SequenceFormat {
    name: "rgba",
    description: "raw RGBA8 frames (frame_00000.rgba …) with a frames.json sidecar",
    file_extension: "rgba",
    write_frame: write_raw,
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
        Alpha::Full
    }
    fn required_encoders(&self) -> &'static [&'static str] {
        &[]
    }
    fn needs_even_size(&self) -> bool {
        false
    }
    fn quality_presets(&self) -> &'static str {
        "lossless: the presets do not change the pictures"
    }
    fn still_extension(&self) -> Option<&'static str> {
        self.single_file_still.then_some(self.file_extension)
    }
    fn can_stream(&self, frames: u32) -> bool {
        // Raw frames concatenate into a stream; PNG files do not, but one PNG is a file.
        self.sidecar || (self.single_file_still && frames == 1)
    }
    fn open(&self, spec: &SinkSpec) -> Result<Box<dyn Sink>> {
        if spec.output.is_stdout() {
            return Ok(Box::new(StdoutSink { png: self.single_file_still }));
        }
        if spec.output.shape() == Shape::File {
            let pending = PendingOutput::new(spec.output)?;
            return Ok(Box::new(StillSink { pending: Some(pending), write_frame: self.write_frame }));
        }
        let sink = SequenceSink::start(spec, self.file_extension, self.write_frame)?;
        if self.sidecar {
            write_sidecar(sink.folder(), spec)?;
        }
        Ok(Box::new(sink))
    }
}

/// One frame written as one file (a product shot).
struct StillSink {
    pending: Option<PendingOutput>,
    write_frame: fn(&Path, &Frame) -> Result<()>,
}

impl Sink for StillSink {
    fn push(&mut self, frame: Frame) -> Result<()> {
        let pending = self.pending.as_ref().expect("push before finish");
        (self.write_frame)(pending.temp_path(), &frame)
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        self.pending.take().expect("finish runs once").commit()
    }
}

/// Frames written to standard output (`-o -`): raw RGBA bytes back to back, or one PNG.
struct StdoutSink {
    png: bool,
}

impl Sink for StdoutSink {
    fn push(&mut self, frame: Frame) -> Result<()> {
        let bytes = match self.png {
            true => {
                let mut png = Vec::new();
                PngEncoder::new_with_quality(&mut png, CompressionType::Fast, FilterType::Adaptive).write_image(
                    &frame.rgba,
                    frame.width,
                    frame.height,
                    image::ExtendedColorType::Rgba8,
                )?;
                png
            }
            false => frame.rgba,
        };
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
    fn start(spec: &SinkSpec, extension: &'static str, write_frame: fn(&Path, &Frame) -> Result<()>) -> Result<Self> {
        let pending = PendingOutput::new(spec.output)?;
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
                    if let Err(e) = write_frame(&folder.join(frame_file_name(frame.index, extension)), &frame) {
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

fn write_raw(path: &Path, frame: &Frame) -> Result<()> {
    std::fs::write(path, &frame.rgba).with_context(|| format!("cannot write {}", path.display()))
}

fn write_png(path: &Path, frame: &Frame) -> Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let encoder =
        PngEncoder::new_with_quality(std::io::BufWriter::new(file), CompressionType::Fast, FilterType::Adaptive);
    encoder
        .write_image(&frame.rgba, frame.width, frame.height, image::ExtendedColorType::Rgba8)
        .with_context(|| format!("cannot write {}", path.display()))
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
