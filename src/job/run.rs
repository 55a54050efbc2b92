//! Running one job: load the scene, render its frames once and stream them into every output's
//! sink on a thread of its own; no partial output survives a failure or Ctrl-C.

use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::Instant;

use anyhow::{anyhow, Context, Result};

use super::Job;
use crate::error::Problem;
use crate::export::ffmpeg::Ffmpeg;
use crate::export::output::OutputClaim;
use crate::export::{Sink, SinkSpec};
use crate::frame::Frame;
use crate::interrupt;
use crate::label::Label;
use crate::look::{Background, Rgb};
use crate::progress::Progress;
use crate::render::{FrameInput, FrameStream, Renderer};
use crate::text::plural;

/// Frames buffered between the renderer and the sinks: memory stays flat however long the clip.
const FRAME_QUEUE: usize = 2;

/// What a finished job produced.
#[derive(Debug, Clone)]
pub struct JobReport {
    /// The output paths, one per format.
    pub outputs: Vec<PathBuf>,
    /// Frames written.
    pub frames: u32,
    /// Wall time of the job in seconds.
    pub seconds: f64,
}

/// Checks that `ffmpeg` has every encoder the job needs (before any rendering).
pub fn check_encoders(job: &Job, ffmpeg: Option<&Ffmpeg>) -> Result<()> {
    for (format, encoders) in job.required_encoders() {
        match ffmpeg {
            Some(ffmpeg) => ffmpeg.require_encoders(format, encoders)?,
            None => return Err(Problem::environment(format!("format {format} needs ffmpeg")).into()),
        }
    }
    Ok(())
}

/// One output's sink on the sink thread, with what it takes of each frame.
struct SinkEntry {
    sink: Box<dyn Sink>,
    /// Opaque outputs of a transparent render: composite over this colour.
    composite_over: Option<Rgb>,
    /// A poster's one frame.
    only_frame: Option<u32>,
}

/// Messages from the renderer to the sink thread; a closed channel without `End` means "abort".
enum ToSink {
    Frame(Frame),
    End,
}

/// Runs one job into its claimed outputs (see [`Job::claim_outputs`]): load, frame, render and
/// export. No partial output survives a failure.
pub fn run(
    job: &Job,
    claims: &[OutputClaim],
    renderer: &mut Renderer,
    ffmpeg: Option<&Ffmpeg>,
    progress: &mut Progress,
) -> Result<JobReport> {
    let started = Instant::now();
    let scene = job.model.load(job.up)?;
    // The load knows every file the model read (buffers, textures, .mtl): none may be an output.
    for claim in claims {
        claim.refuse_inputs(&scene.files)?;
    }
    for warning in job.layout.warnings(job.fps) {
        progress.warn(&format!("{}: {warning}", job.name));
    }
    for warning in &scene.warnings {
        progress.warn(&format!("{}: {warning}", job.model.label()));
    }
    let playback = job.playback_for(&scene)?;
    let camera = job.camera_for(&scene)?;
    let framing = job.framing(&scene, playback.as_ref(), &camera);
    let paths: Vec<String> = job.outputs.iter().map(|o| o.path.display().to_string()).collect();
    let names: Vec<&str> = job.outputs.iter().map(|o| o.format.name()).collect();
    progress.info(&format!(
        "rendering {} → {} ({}x{}, {}, {}) on {}",
        job.model.label(),
        paths.join(", "),
        job.render.output_size().0,
        job.render.output_size().1,
        plural(job.frames.len(), "frame"),
        names.join(", "),
        renderer.adapter()
    ));
    let mut sinks = Vec::with_capacity(job.outputs.len());
    for (output, claim) in job.outputs.iter().zip(claims) {
        let spec = SinkSpec {
            output: claim,
            width: job.render.output_size().0,
            height: job.render.output_size().1,
            fps: job.fps,
            frames: output.frames(job.frames.len() as u32),
            transparent: job.render.background == Background::Transparent && output.composite_over.is_none(),
            quality: job.quality,
            crf: job.crf,
            encoder_preset: job.encoder_preset.as_deref(),
            ffmpeg,
        };
        sinks.push(SinkEntry {
            sink: output.format.open(&spec)?,
            composite_over: output.composite_over,
            only_frame: output.only_frame,
        });
    }
    let (sender, receiver) = sync_channel::<ToSink>(FRAME_QUEUE);
    let sink_thread = std::thread::Builder::new().name("sinks".into()).spawn(move || drive_sinks(sinks, receiver))?;

    progress.start_frames(job.frames.len() as u64);
    let mut delivery = Delivery { sender, labels: job.layout.labels(&job.render.tiling), empty_frames: Vec::new() };
    let inputs = job.frame_inputs(&scene, framing, &camera, playback);
    let streamed =
        renderer.begin(&scene, &job.render).and_then(|stream| stream_frames(stream, inputs, &mut delivery, progress));
    progress.finish_frames();
    let Delivery { sender, empty_frames, .. } = delivery;
    if matches!(streamed, Ok(Streamed::Complete)) {
        // The sink thread may already have failed; then this send fails and its error is reported below.
        let _ = sender.send(ToSink::End);
    }
    drop(sender);
    let sunk = sink_thread.join().map_err(|_| anyhow!("the output writer panicked"))?;
    if interrupt::requested() {
        return Err(interrupt::interrupted());
    }
    let subject = || format!("{} → {}", job.model.label(), paths.join(", "));
    let outputs = match streamed {
        Ok(Streamed::Complete) => sunk.with_context(subject)?,
        // The sink thread stopped taking frames: its error says why.
        Ok(Streamed::WriterStopped) => match sunk {
            Err(sink_error) => return Err(sink_error.context(subject())),
            Ok(_) => return Err(anyhow!("the output writer stopped").context(subject())),
        },
        Err(render_error) => return Err(render_error.context(subject())),
    };
    if !empty_frames.is_empty() {
        progress.warn(&format!(
            "{}: {} empty (nothing of the model is visible: is the camera inside it or pointing away?)",
            job.model.label(),
            describe_frames(&empty_frames)
        ));
    }
    Ok(JobReport { outputs, frames: job.frames.len() as u32, seconds: started.elapsed().as_secs_f64() })
}

/// How the frames' stream ended, when the renderer did not fail.
enum Streamed {
    /// Every frame went to the sink thread.
    Complete,
    /// The sink thread stopped taking frames (its own result says why).
    WriterStopped,
}

/// Where rendered frames go: stamped with the layout's labels, noted when blank, then sent to
/// the sink thread.
struct Delivery {
    sender: SyncSender<ToSink>,
    labels: Vec<Label>,
    /// Frames in which nothing of the model is visible.
    empty_frames: Vec<u32>,
}

impl Delivery {
    /// Stamps `frame` and sends it on; false when the sink thread no longer takes frames.
    fn deliver(&mut self, mut frame: Frame) -> bool {
        if frame.is_blank() {
            self.empty_frames.push(frame.index);
        }
        for label in &self.labels {
            label.stamp(&mut frame);
        }
        self.sender.send(ToSink::Frame(frame)).is_ok()
    }
}

/// Renders `inputs` in order on the started `stream` and delivers each frame, stopping at a
/// signal, a GPU error or a sink thread that no longer takes frames.
fn stream_frames(
    stream: FrameStream,
    inputs: impl Iterator<Item = FrameInput>,
    delivery: &mut Delivery,
    progress: &mut Progress,
) -> Result<Streamed> {
    for frame in stream.frames(inputs) {
        let frame = frame?;
        if interrupt::requested() {
            return Err(interrupt::interrupted());
        }
        if !delivery.deliver(frame) {
            return Ok(Streamed::WriterStopped);
        }
        progress.frame_done();
    }
    Ok(Streamed::Complete)
}

/// The sink thread: hands every frame to every sink (compositing it for opaque ones when asked)
/// until `End` (then finishes them all) or until the channel closes (then drops them, which
/// removes their partial outputs).
fn drive_sinks(mut sinks: Vec<SinkEntry>, receiver: Receiver<ToSink>) -> Result<Vec<PathBuf>> {
    for message in receiver {
        match message {
            ToSink::Frame(frame) => {
                let index = frame.index;
                let takes = |entry: &SinkEntry| entry.only_frame.is_none_or(|only| only == index);
                let last = sinks.iter().rposition(takes);
                let mut original = Some(frame);
                for (i, entry) in sinks.iter_mut().enumerate().filter(|(_, entry)| takes(entry)) {
                    // Copies for all but the last taker, which takes the frame itself.
                    let mut frame = match Some(i) == last {
                        true => original.take().expect("the last sink takes the frame"),
                        false => original.clone().expect("frame until the last sink"),
                    };
                    if let Some(colour) = entry.composite_over {
                        frame.composite_over(colour);
                    }
                    entry.sink.push(frame)?;
                }
            }
            ToSink::End => return sinks.into_iter().map(|entry| entry.sink.finish()).collect(),
        }
    }
    Err(anyhow!("rendering stopped before the last frame"))
}

/// `frame 3 is`, `frames 3, 7-9 are`: frame numbers folded into ranges, for messages.
fn describe_frames(frames: &[u32]) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for &f in frames {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == f => *end = f,
            _ => ranges.push((f, f)),
        }
    }
    let listed: Vec<String> =
        ranges.iter().map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}-{b}") }).collect();
    match frames.len() {
        1 => format!("frame {} is", listed[0]),
        _ => format!("frames {} are", listed.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn frame_lists_fold_into_ranges() {
        assert_eq!(super::describe_frames(&[3]), "frame 3 is");
        assert_eq!(super::describe_frames(&[0, 1, 2, 7, 9, 10]), "frames 0-2, 7, 9-10 are");
    }
}
