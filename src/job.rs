//! A job: every setting resolved and validated before any work, and running it — load, frame,
//! render, stream frames into the export sink on its own thread.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::time::Instant;

use anyhow::{anyhow, Context, Result};

use crate::camera::{turntable_pose, CameraSettings, Framing};
use crate::cli::RenderOptions;
use crate::error::Problem;
use crate::export::ffmpeg::Ffmpeg;
use crate::export::{self, Alpha, ExportStrategy, Quality, Sink, SinkSpec};
use crate::frame::Frame;
use crate::interrupt;
use crate::look::{Background, Look, Rgb};
use crate::progress::Progress;
use crate::render::{FrameInput, RenderSettings, Renderer};
use crate::scene::{self, Scene, UpChoice};
use crate::size::FrameSize;

/// Default clip length in seconds.
pub const DEFAULT_DURATION: f64 = 6.0;
/// Frames buffered between the renderer and the sink: memory stays flat however long the clip.
const FRAME_QUEUE: usize = 2;

/// Where a job's model comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelSource {
    /// A model file.
    File(PathBuf),
    /// The demo model compiled into the binary.
    BuiltIn,
}

impl ModelSource {
    /// Name for messages.
    pub fn label(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::BuiltIn => "built-in demo".into(),
        }
    }

    /// Loads the scene.
    pub fn load(&self, up: UpChoice) -> Result<Scene> {
        match self {
            Self::File(path) => scene::load(path, up),
            Self::BuiltIn => Ok(scene::demo::scene()),
        }
    }
}

/// A fully resolved job.
pub struct Job {
    /// The model.
    pub model: ModelSource,
    /// Output path (file or folder).
    pub output: PathBuf,
    /// Export format.
    pub format: &'static dyn ExportStrategy,
    /// Size, MSAA, look, background.
    pub render: RenderSettings,
    /// Frames per second.
    pub fps: u32,
    /// Frames in the whole clip (one turntable turn spans it).
    pub clip_frames: u32,
    /// The frames this run renders.
    pub frames: Range<u32>,
    /// Camera settings.
    pub camera: CameraSettings,
    /// Up axis choice.
    pub up: UpChoice,
    /// GPU adapter name filter.
    pub adapter: Option<String>,
    /// Explicit ffmpeg path.
    pub ffmpeg: Option<PathBuf>,
    /// Replace an existing output.
    pub force: bool,
    /// Encoding quality preset.
    pub quality: Quality,
    /// Explicit CRF (or the format's quality number).
    pub crf: Option<u32>,
    /// Encoder speed preset.
    pub encoder_preset: Option<String>,
}

impl Job {
    /// Resolves command-line options into a job, validating every value.
    pub fn resolve(model: ModelSource, options: &RenderOptions) -> Result<Self> {
        let format = export::find(&options.format)?;
        let size = FrameSize::parse(&options.size)?;
        export::check_size(format, size.width, size.height)?;
        let background = match options.background.as_deref() {
            Some(text) => Background::parse(text)?,
            None if format.alpha() == Alpha::Full => Background::Transparent,
            None => Background::Color(Rgb([0, 0, 0])),
        };
        if background == Background::Transparent && format.alpha() == Alpha::None {
            return Err(Problem::usage(format!("format {} cannot keep a transparent background", format.name()))
                .with_hint("pass a colour (e.g. --background '#000000'), or pick an alpha format: png, webm-alpha, prores, webp, apng")
                .into());
        }
        let (clip_frames, frames) = frame_range(options)?;
        let camera = camera_settings(options)?;
        let look = Look { color: Rgb::parse(&options.color)?, ..Look::default() };
        let output = match &options.output {
            Some(path) => path.clone(),
            None => default_output(&model, format),
        };
        Ok(Self {
            model,
            output,
            format,
            render: RenderSettings { width: size.width, height: size.height, msaa: options.msaa, look, background },
            fps: options.fps,
            clip_frames,
            frames,
            camera,
            up: options.up,
            adapter: options.adapter.clone(),
            ffmpeg: options.ffmpeg.clone(),
            force: options.force,
            quality: options.quality,
            crf: options.crf,
            encoder_preset: options.encoder_preset.clone(),
        })
    }

    /// The frame inputs (time and camera) for this job's frame range.
    pub fn frame_inputs(&self, framing: Framing) -> impl Iterator<Item = FrameInput> + '_ {
        let aspect = self.render.width as f32 / self.render.height as f32;
        self.frames.clone().map(move |index| FrameInput {
            index,
            time: index as f64 / self.fps as f64,
            camera: turntable_pose(&framing, &self.camera, aspect, index as f64 / self.clip_frames as f64),
        })
    }
}

/// Clip length and the range to render: `--duration` sets the clip; `--frames` alone sets both.
fn frame_range(options: &RenderOptions) -> Result<(u32, Range<u32>)> {
    if let Some(duration) = options.duration {
        if !(duration.is_finite() && duration > 0.0 && duration <= 86_400.0) {
            return Err(Problem::usage(format!("--duration {duration} must be between 0 and 86400 seconds")).into());
        }
    }
    let clip_frames = match (options.duration, options.frames) {
        (Some(duration), _) => (duration * options.fps as f64).round().max(1.0) as u32,
        (None, Some(frames)) if options.start_frame == 0 => frames,
        _ => (DEFAULT_DURATION * options.fps as f64).round() as u32,
    };
    let start = options.start_frame;
    let count = match options.frames {
        Some(frames) => frames,
        None => clip_frames.checked_sub(start).filter(|&n| n > 0).ok_or_else(|| {
            Problem::usage(format!("--start-frame {start} is past the end of the {clip_frames}-frame clip"))
                .with_hint("give --frames N, or a longer --duration")
        })?,
    };
    let end = start.checked_add(count).ok_or_else(|| Problem::usage("--start-frame + --frames is too large"))?;
    Ok((clip_frames, start..end))
}

fn camera_settings(options: &RenderOptions) -> Result<CameraSettings> {
    let check = |name: &str, value: f32, range: std::ops::RangeInclusive<f32>| -> Result<f32> {
        if value.is_finite() && range.contains(&value) {
            Ok(value)
        } else {
            Err(Problem::usage(format!("--{name} {value} is out of range ({} to {})", range.start(), range.end()))
                .into())
        }
    };
    Ok(CameraSettings {
        elevation_deg: check("elevation", options.elevation, -89.9..=89.9)?,
        turns: check("turns", options.turns, -100.0..=100.0)?,
        fov_deg: check("fov", options.fov, 1.0..=170.0)?,
        margin: check("margin", options.margin, 0.0..=10.0)?,
    })
}

/// `<model stem>.<ext>` (or `<model stem>-<format>/` for sequences) in the current folder.
pub fn default_output(model: &ModelSource, format: &dyn ExportStrategy) -> PathBuf {
    let stem = match model {
        ModelSource::File(path) => {
            path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "model".into())
        }
        ModelSource::BuiltIn => "holoforge-demo".into(),
    };
    match format.extension() {
        Some(ext) => PathBuf::from(format!("{stem}.{ext}")),
        None => PathBuf::from(format!("{stem}-{}", format.name())),
    }
}

/// What a finished job produced.
#[derive(Debug, Clone)]
pub struct JobReport {
    /// The output path.
    pub output: PathBuf,
    /// Frames written.
    pub frames: u32,
    /// Wall time of the job in seconds.
    pub seconds: f64,
}

/// Finds ffmpeg when the format needs it and checks its encoders (before any rendering).
pub fn ffmpeg_for(job: &Job) -> Result<Option<Ffmpeg>> {
    let needed = job.format.required_encoders();
    if needed.is_empty() {
        return Ok(None);
    }
    let ffmpeg = Ffmpeg::locate(job.ffmpeg.as_deref())?;
    ffmpeg.require_encoders(job.format.name(), needed)?;
    Ok(Some(ffmpeg))
}

/// Messages from the renderer to the sink thread; a closed channel without `End` means "abort".
enum ToSink {
    Frame(Frame),
    End,
}

/// Runs one job: load, frame, render and export. No partial output survives a failure.
pub fn run(job: &Job, renderer: &mut Renderer, ffmpeg: Option<&Ffmpeg>, progress: &mut Progress) -> Result<JobReport> {
    let started = Instant::now();
    export::output::check_target(&job.output, job.force)?;
    let scene = job.model.load(job.up)?;
    for warning in &scene.warnings {
        progress.warn(&format!("{}: {warning}", job.model.label()));
    }
    let framing = Framing::from_scene(&scene);
    progress.info(&format!(
        "rendering {} → {} ({}x{}, {}, {}) on {}",
        job.model.label(),
        job.output.display(),
        job.render.width,
        job.render.height,
        plural(job.frames.len(), "frame"),
        job.format.name(),
        renderer.adapter()
    ));
    let spec = SinkSpec {
        output: &job.output,
        width: job.render.width,
        height: job.render.height,
        fps: job.fps,
        transparent: job.render.background == Background::Transparent,
        quality: job.quality,
        crf: job.crf,
        encoder_preset: job.encoder_preset.as_deref(),
        force: job.force,
        ffmpeg,
    };
    let sink = job.format.open(&spec)?;
    let (sender, receiver) = sync_channel::<ToSink>(FRAME_QUEUE);
    let sink_thread = std::thread::Builder::new().name("sink".into()).spawn(move || drive_sink(sink, receiver))?;

    progress.start_frames(job.frames.len() as u64);
    let rendered = renderer.render(&scene, &job.render, job.frame_inputs(framing), &mut |frame| {
        if interrupt::requested() {
            return Err(interrupt::interrupted());
        }
        sender.send(ToSink::Frame(frame)).map_err(|_| anyhow!("the output writer stopped"))?;
        progress.frame_done();
        Ok(())
    });
    progress.finish_frames();
    if rendered.is_ok() {
        // The sink thread may already have failed; then this send fails and its error is reported below.
        let _ = sender.send(ToSink::End);
    }
    drop(sender);
    let sunk = sink_thread.join().map_err(|_| anyhow!("the output writer panicked"))?;
    // A sink error explains a failed send better than the send error itself.
    if interrupt::requested() {
        return Err(interrupt::interrupted());
    }
    let subject = || format!("{} → {}", job.model.label(), job.output.display());
    let output = match (rendered, sunk) {
        (Ok(()), sunk) => sunk.with_context(subject)?,
        (Err(render_error), Err(sink_error)) if render_error.to_string() == "the output writer stopped" => {
            return Err(sink_error.context(subject()))
        }
        (Err(render_error), _) => return Err(render_error.context(subject())),
    };
    Ok(JobReport { output, frames: job.frames.len() as u32, seconds: started.elapsed().as_secs_f64() })
}

/// The sink thread: pushes frames until `End` (then finishes) or until the channel closes (then
/// drops the sink, which removes its partial output).
fn drive_sink(mut sink: Box<dyn Sink>, receiver: Receiver<ToSink>) -> Result<PathBuf> {
    for message in receiver {
        match message {
            ToSink::Frame(frame) => sink.push(frame)?,
            ToSink::End => return sink.finish(),
        }
    }
    Err(anyhow!("rendering stopped before the last frame"))
}

/// `1 frame`, `2 frames`.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// A short description of a file's size (`1.2 MB`), for messages.
pub fn describe_size(path: &Path) -> String {
    let bytes = if path.is_dir() {
        std::fs::read_dir(path)
            .map(|entries| entries.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum())
            .unwrap_or(0)
    } else {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    };
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1 << 10 => format!("{:.1} kB", b as f64 / 1e3),
        b => format!("{b} bytes"),
    }
}
