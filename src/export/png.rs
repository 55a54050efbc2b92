//! `png`: a folder of `frame_00000.png` files (straight-alpha RGBA), encoded on several threads.

use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use anyhow::{anyhow, Context, Result};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::ImageEncoder;

use super::output::PendingOutput;
use super::{ExportStrategy, Sink, SinkSpec};
use crate::frame::Frame;

/// The PNG-sequence strategy.
pub struct PngSequence;

impl ExportStrategy for PngSequence {
    fn name(&self) -> &'static str {
        "png"
    }
    fn description(&self) -> &'static str {
        "PNG sequence with alpha (a folder of frame_00000.png …)"
    }
    fn extension(&self) -> Option<&'static str> {
        None
    }
    fn keeps_alpha(&self) -> bool {
        true
    }
    fn required_encoders(&self) -> &'static [&'static str] {
        &[]
    }
    fn needs_even_size(&self) -> bool {
        false
    }
    fn open(&self, spec: &SinkSpec) -> Result<Box<dyn Sink>> {
        Ok(Box::new(PngSink::start(spec)?))
    }
}

/// File name of frame `index` in a sequence folder.
pub fn frame_file_name(index: u32, extension: &str) -> String {
    format!("frame_{index:05}.{extension}")
}

type SharedError = Arc<Mutex<Option<anyhow::Error>>>;

struct PngSink {
    /// Taken by `finish`; dropping it unfinished removes the partial folder.
    pending: Option<PendingOutput>,
    sender: Option<SyncSender<Frame>>,
    workers: Vec<JoinHandle<()>>,
    error: SharedError,
}

impl PngSink {
    fn start(spec: &SinkSpec) -> Result<Self> {
        let pending = PendingOutput::new(spec.output, spec.force)?;
        std::fs::create_dir(pending.temp_path())
            .with_context(|| format!("cannot create {}", pending.temp_path().display()))?;
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (sender, receiver) = sync_channel::<Frame>(threads * 2);
        let receiver = Arc::new(Mutex::new(receiver));
        let error: SharedError = Arc::default();
        let workers = (0..threads)
            .map(|i| {
                let receiver = Arc::clone(&receiver);
                let error = Arc::clone(&error);
                let folder = pending.temp_path().to_path_buf();
                std::thread::Builder::new().name(format!("png-{i}")).spawn(move || loop {
                    let next = receiver.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok(frame) = next else { break };
                    if let Err(e) = write_png(&folder.join(frame_file_name(frame.index, "png")), &frame) {
                        error.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert(e);
                    }
                })
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        Ok(Self { pending: Some(pending), sender: Some(sender), workers, error })
    }

    fn take_error(&self) -> Option<anyhow::Error> {
        self.error.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

fn write_png(path: &std::path::Path, frame: &Frame) -> Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let encoder =
        PngEncoder::new_with_quality(std::io::BufWriter::new(file), CompressionType::Fast, FilterType::Adaptive);
    encoder
        .write_image(&frame.rgba, frame.width, frame.height, image::ExtendedColorType::Rgba8)
        .with_context(|| format!("cannot write {}", path.display()))
}

impl Sink for PngSink {
    fn push(&mut self, frame: Frame) -> Result<()> {
        if let Some(e) = self.take_error() {
            return Err(e);
        }
        let sender = self.sender.as_ref().expect("push after finish");
        sender.send(frame).map_err(|_| anyhow!("the PNG writers stopped"))
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        self.sender = None;
        for worker in self.workers.drain(..) {
            worker.join().map_err(|_| anyhow!("a PNG writer thread panicked"))?;
        }
        if let Some(e) = self.take_error() {
            return Err(e);
        }
        self.pending.take().expect("finish runs once").commit()
    }
}

impl Drop for PngSink {
    fn drop(&mut self) {
        self.sender = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
