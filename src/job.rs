//! A job: every setting resolved and validated before any work, and running it — load, frame,
//! render once, stream the frames into one export sink per format on its own thread.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::time::Instant;

use anyhow::{anyhow, Context, Result};

use crate::camera::{camera_pose, find_file_camera, preset, CameraSettings, Framing, Motion, View, PRESETS};
use crate::error::Problem;
use crate::export::ffmpeg::Ffmpeg;
use crate::export::{self, Alpha, ExportStrategy, Quality, Sink, SinkSpec};
use crate::frame::Frame;
use crate::interrupt;
use crate::look::{Background, Look, Rgb};
use crate::progress::Progress;
use crate::render::{FrameInput, RenderSettings, Renderer};
use crate::scene::{self, Scene, UpChoice};
use crate::settings::{located, value, Settings};
use crate::size::FrameSize;

/// Default clip length in seconds.
pub const DEFAULT_DURATION: f64 = 6.0;
/// Default frame size.
pub const DEFAULT_SIZE: &str = "1080p";
/// Default frame rate.
pub const DEFAULT_FPS: u32 = 30;
/// Default export format.
pub const DEFAULT_FORMAT: &str = "mp4";
/// Frames buffered between the renderer and the sinks: memory stays flat however long the clip.
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

/// One output of a job.
pub struct Output {
    /// Its format.
    pub format: &'static dyn ExportStrategy,
    /// File, or folder for sequences.
    pub path: PathBuf,
    /// Set when the job renders transparent frames (for its alpha outputs) but this format is
    /// opaque: its frames are composited over this colour on the way in.
    pub composite_over: Option<Rgb>,
}

/// A fully resolved job.
pub struct Job {
    /// Name for summaries (the manifest's `name`, else the model's file name).
    pub name: String,
    /// The model.
    pub model: ModelSource,
    /// One output per format; the frames are rendered once.
    pub outputs: Vec<Output>,
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
    /// Encoding quality preset.
    pub quality: Quality,
    /// Explicit CRF (or the format's quality number).
    pub crf: Option<u32>,
    /// Encoder speed preset.
    pub encoder_preset: Option<String>,
}

impl Job {
    /// Resolves settings into a job, validating every value; relative paths are taken from `base_dir`.
    pub fn resolve(model: ModelSource, settings: &Settings, base_dir: &Path) -> Result<Self> {
        let formats = formats(settings)?;
        let size = FrameSize::parse(value(&settings.size).map_or(DEFAULT_SIZE, String::as_str))
            .map_err(|e| located(e, "size", &settings.size))?;
        for format in &formats {
            export::check_size(*format, size.width, size.height).map_err(|e| located(e, "size", &settings.size))?;
        }
        let background = background(settings, &formats)?;
        let look = match value(&settings.color) {
            Some(text) => {
                Look { color: Rgb::parse(text).map_err(|e| located(e, "color", &settings.color))?, ..Look::default() }
            }
            None => Look::default(),
        };
        let msaa = match value(&settings.msaa).copied().unwrap_or(4) {
            samples @ (1 | 4) => samples,
            other => {
                return Err(located(
                    Problem::usage(format!("msaa {other} is not supported; use 1 or 4")).into(),
                    "msaa",
                    &settings.msaa,
                ))
            }
        };
        let fps = value(&settings.fps).copied().unwrap_or(DEFAULT_FPS);
        if !(1..=240).contains(&fps) {
            return Err(located(
                Problem::usage(format!("fps {fps} is out of range (1 to 240)")).into(),
                "fps",
                &settings.fps,
            ));
        }
        let (clip_frames, frames) = frame_range(settings, fps)?;
        let outputs = outputs(&model, settings, base_dir, &formats, background, frames.len() == 1)?;
        let name = value(&settings.name).cloned().unwrap_or_else(|| match &model {
            ModelSource::File(path) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            }
            ModelSource::BuiltIn => "demo".into(),
        });
        Ok(Self {
            name,
            model,
            outputs,
            render: RenderSettings { width: size.width, height: size.height, msaa, look, background },
            fps,
            clip_frames,
            frames,
            camera: camera_settings(settings, clip_frames as f64 / fps as f64)?,
            up: value(&settings.up).copied().unwrap_or_default(),
            quality: value(&settings.quality).copied().unwrap_or_default(),
            crf: value(&settings.crf).copied(),
            encoder_preset: value(&settings.encoder_preset).cloned(),
        })
    }

    /// The frame inputs (time and camera) for this job's frame range, with `camera` resolved
    /// against the loaded scene (see [`Job::camera_for`]).
    pub fn frame_inputs<'a>(
        &'a self,
        framing: Framing,
        camera: &'a CameraSettings,
    ) -> impl Iterator<Item = FrameInput> + 'a {
        let aspect = self.render.width as f32 / self.render.height as f32;
        self.frames.clone().map(move |index| FrameInput {
            index,
            time: index as f64 / self.fps as f64,
            camera: camera_pose(&framing, camera, aspect, index as f64 / self.clip_frames as f64),
        })
    }

    /// The job's camera with a `gltf:NAME` selector replaced by that camera of the scene.
    pub fn camera_for(&self, scene: &Scene) -> Result<CameraSettings> {
        let Motion::FileCamera(selector) = &self.camera.motion else {
            return Ok(self.camera.clone());
        };
        let camera = find_file_camera(&scene.cameras, selector).ok_or_else(|| {
            let names: Vec<&str> = scene.cameras.iter().map(|c| c.name.as_str()).collect();
            let known = if names.is_empty() {
                "the file has no cameras".to_string()
            } else {
                format!("cameras: {}", names.join(", "))
            };
            Problem::input(format!("{}: no camera '{selector}' in the file", self.model.label())).with_hint(known)
        })?;
        Ok(CameraSettings { motion: Motion::Fixed(camera.clone()), ..self.camera.clone() })
    }

    /// The ffmpeg encoders the job's formats need.
    pub fn required_encoders(&self) -> Vec<(&'static str, &'static [&'static str])> {
        self.outputs
            .iter()
            .map(|o| (o.format.name(), o.format.required_encoders()))
            .filter(|(_, e)| !e.is_empty())
            .collect()
    }
}

/// The job's formats: `formats = [...]`, or `format`, or the default.
fn formats(settings: &Settings) -> Result<Vec<&'static dyn ExportStrategy>> {
    if settings.format.is_some() && settings.formats.is_some() {
        return Err(located(
            Problem::usage("give either `format` or `formats`, not both").into(),
            "formats",
            &settings.formats,
        ));
    }
    let names: Vec<String> = match (value(&settings.formats), value(&settings.format)) {
        (Some(list), _) => list.clone(),
        (None, Some(one)) => vec![one.clone()],
        (None, None) => vec![DEFAULT_FORMAT.to_string()],
    };
    if names.is_empty() {
        return Err(located(Problem::usage("`formats` is empty").into(), "formats", &settings.formats));
    }
    let key = if settings.formats.is_some() { "formats" } else { "format" };
    names
        .iter()
        .map(|n| {
            export::find(n).map_err(|e| {
                if key == "formats" {
                    located(e, key, &settings.formats)
                } else {
                    located(e, key, &settings.format)
                }
            })
        })
        .collect()
}

/// The render's background: transparent when any output keeps alpha (opaque outputs are then
/// composited on the way in), else black; an explicit setting wins.
fn background(settings: &Settings, formats: &[&'static dyn ExportStrategy]) -> Result<Background> {
    let explicit = match value(&settings.background) {
        Some(text) => Some(Background::parse(text).map_err(|e| located(e, "background", &settings.background))?),
        None => None,
    };
    if explicit == Some(Background::Transparent) && formats.len() == 1 && formats[0].alpha() == Alpha::None {
        return Err(located(
            Problem::usage(format!("format {} cannot keep a transparent background", formats[0].name()))
                .with_hint("pass a colour (e.g. --background '#000000'), or pick an alpha format: png, webm-alpha, prores, webp, apng")
                .into(),
            "background",
            &settings.background,
        ));
    }
    Ok(explicit.unwrap_or(if formats.iter().any(|f| f.alpha() == Alpha::Full) {
        Background::Transparent
    } else {
        Background::Color(Rgb([0, 0, 0]))
    }))
}

/// Output paths: `output` as given for one format; for several, `output` is a base name that each
/// format's extension (or `-<format>` for sequences) is added to. Default: named after the model.
fn outputs(
    model: &ModelSource,
    settings: &Settings,
    base_dir: &Path,
    formats: &[&'static dyn ExportStrategy],
    background: Background,
    still: bool,
) -> Result<Vec<Output>> {
    let stem = match model {
        ModelSource::File(path) => {
            path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "model".into())
        }
        ModelSource::BuiltIn => "holoforge-demo".into(),
    };
    let given = value(&settings.output).map(|o| base_dir.join(o));
    let outputs: Vec<Output> = formats
        .iter()
        .map(|&format| {
            let path = match (&given, formats.len()) {
                (Some(path), 1) => path.clone(),
                (Some(base), _) => with_format_suffix(base.clone(), format, still),
                (None, _) => with_format_suffix(base_dir.join(&stem), format, still),
            };
            let composite_over = match (background, format.alpha()) {
                (Background::Transparent, Alpha::None | Alpha::Binary) if formats.len() > 1 => Some(Rgb([0, 0, 0])),
                _ => None,
            };
            Output { format, path, composite_over }
        })
        .collect();
    for (i, a) in outputs.iter().enumerate() {
        if let Some(b) = outputs[..i].iter().find(|b| b.path == a.path) {
            return Err(located(
                Problem::usage(format!(
                    "formats {} and {} would both write {}",
                    b.format.name(),
                    a.format.name(),
                    a.path.display()
                ))
                .into(),
                "output",
                &settings.output,
            ));
        }
    }
    Ok(outputs)
}

/// `base.mp4`, or `base-png` for a sequence folder (`base.png` for a one-frame still).
fn with_format_suffix(base: PathBuf, format: &dyn ExportStrategy, still: bool) -> PathBuf {
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

/// Clip length and the range to render: `duration` sets the clip; `frames` alone sets both.
fn frame_range(settings: &Settings, fps: u32) -> Result<(u32, Range<u32>)> {
    let duration = value(&settings.duration).copied();
    if let Some(duration) = duration {
        if !(duration.is_finite() && duration > 0.0 && duration <= 86_400.0) {
            return Err(located(
                Problem::usage(format!("--duration {duration} must be between 0 and 86400 seconds")).into(),
                "duration",
                &settings.duration,
            ));
        }
    }
    let frames = value(&settings.frames).copied();
    if frames == Some(0) {
        return Err(located(Problem::usage("--frames must be at least 1").into(), "frames", &settings.frames));
    }
    let start = value(&settings.start_frame).copied().unwrap_or(0);
    let clip_frames = match (duration, frames) {
        (Some(duration), _) => (duration * fps as f64).round().max(1.0) as u32,
        (None, Some(frames)) if start == 0 => frames,
        _ => (DEFAULT_DURATION * fps as f64).round() as u32,
    };
    let count = match frames {
        Some(frames) => frames,
        None => clip_frames.checked_sub(start).filter(|&n| n > 0).ok_or_else(|| {
            located(
                Problem::usage(format!("--start-frame {start} is past the end of the {clip_frames}-frame clip"))
                    .with_hint("give --frames N, or a longer --duration")
                    .into(),
                "start-frame",
                &settings.start_frame,
            )
        })?,
    };
    let end = start.checked_add(count).ok_or_else(|| Problem::usage("--start-frame + --frames is too large"))?;
    Ok((clip_frames, start..end))
}

fn camera_settings(settings: &Settings, clip_seconds: f64) -> Result<CameraSettings> {
    let defaults = CameraSettings::default();
    let check = |name: &'static str,
                 setting: &Option<toml::Spanned<f32>>,
                 default: f32,
                 range: std::ops::RangeInclusive<f32>|
     -> Result<f32> {
        let v = value(setting).copied().unwrap_or(default);
        if v.is_finite() && range.contains(&v) {
            Ok(v)
        } else {
            Err(located(
                Problem::usage(format!("--{name} {v} is out of range ({} to {})", range.start(), range.end())).into(),
                name,
                setting,
            ))
        }
    };
    let views = || PRESETS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
    let default_camera = if settings.path.is_some() { "path" } else { "turntable" };
    let camera = value(&settings.camera).map_or(default_camera, String::as_str);
    let (motion, still_view) = match camera {
        "turntable" | "orbit" | "still" | "path" => (camera, None),
        file if file.starts_with("gltf:") => (file, None),
        other => match preset(other) {
            Some(view) => ("still", Some(view)),
            None => {
                return Err(located(
                    Problem::usage(format!("camera '{other}' is not a motion or a view"))
                        .with_hint(format!("use turntable, orbit, still, path, gltf:NAME or a view: {}", views()))
                        .into(),
                    "camera",
                    &settings.camera,
                ))
            }
        },
    };
    let start = match value(&settings.view) {
        Some(name) => preset(name).ok_or_else(|| {
            located(
                Problem::usage(format!("'{name}' is not a named view")).with_hint(format!("views: {}", views())).into(),
                "view",
                &settings.view,
            )
        })?,
        None => still_view.unwrap_or(defaults.start),
    };
    let start = View {
        azimuth_deg: check("azimuth", &settings.azimuth, start.azimuth_deg, -360.0..=360.0)?,
        elevation_deg: check("elevation", &settings.elevation, start.elevation_deg, -90.0..=90.0)?,
    };
    let motion = match motion {
        "turntable" => Motion::Turntable { turns: check("turns", &settings.turns, 1.0, -100.0..=100.0)? },
        "orbit" => Motion::Orbit {
            sweep_deg: check("orbit-sweep", &settings.orbit_sweep, 90.0, 0.0..=360.0)?,
            swing_deg: check("orbit-swing", &settings.orbit_swing, 10.0, 0.0..=90.0)?,
        },
        "path" => {
            let keys = value(&settings.path).cloned().unwrap_or_default();
            crate::camera_path::validate(&keys).map_err(|e| located(e, "path", &settings.path))?;
            Motion::Path { keys, clip_seconds }
        }
        "still" => Motion::Still,
        file => Motion::FileCamera(file.trim_start_matches("gltf:").to_string()),
    };
    Ok(CameraSettings {
        start,
        motion,
        fov_deg: check("fov", &settings.fov, defaults.fov_deg, 1.0..=170.0)?,
        margin: check("margin", &settings.margin, defaults.margin, 0.0..=10.0)?,
        ortho: value(&settings.ortho).copied().unwrap_or(false),
    })
}

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

/// Messages from the renderer to the sink thread; a closed channel without `End` means "abort".
enum ToSink {
    Frame(Frame),
    End,
}

/// Runs one job: load, frame, render and export. No partial output survives a failure.
pub fn run(
    job: &Job,
    renderer: &mut Renderer,
    ffmpeg: Option<&Ffmpeg>,
    force: bool,
    progress: &mut Progress,
) -> Result<JobReport> {
    let started = Instant::now();
    for output in &job.outputs {
        export::output::check_target(&output.path, force)?;
    }
    let scene = job.model.load(job.up)?;
    for warning in &scene.warnings {
        progress.warn(&format!("{}: {warning}", job.model.label()));
    }
    let framing = Framing::from_scene(&scene);
    let camera = job.camera_for(&scene)?;
    let paths: Vec<String> = job.outputs.iter().map(|o| o.path.display().to_string()).collect();
    let names: Vec<&str> = job.outputs.iter().map(|o| o.format.name()).collect();
    progress.info(&format!(
        "rendering {} → {} ({}x{}, {}, {}) on {}",
        job.model.label(),
        paths.join(", "),
        job.render.width,
        job.render.height,
        plural(job.frames.len(), "frame"),
        names.join(", "),
        renderer.adapter()
    ));
    let mut sinks = Vec::with_capacity(job.outputs.len());
    for output in &job.outputs {
        let spec = SinkSpec {
            output: &output.path,
            width: job.render.width,
            height: job.render.height,
            fps: job.fps,
            frames: job.frames.len() as u32,
            transparent: job.render.background == Background::Transparent && output.composite_over.is_none(),
            quality: job.quality,
            crf: job.crf,
            encoder_preset: job.encoder_preset.as_deref(),
            force,
            ffmpeg,
        };
        sinks.push((output.format.open(&spec)?, output.composite_over));
    }
    let (sender, receiver) = sync_channel::<ToSink>(FRAME_QUEUE);
    let sink_thread = std::thread::Builder::new().name("sinks".into()).spawn(move || drive_sinks(sinks, receiver))?;

    progress.start_frames(job.frames.len() as u64);
    let rendered = renderer.render(&scene, &job.render, job.frame_inputs(framing, &camera), &mut |frame| {
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
    if interrupt::requested() {
        return Err(interrupt::interrupted());
    }
    let subject = || format!("{} → {}", job.model.label(), paths.join(", "));
    // A sink error explains a failed send better than the send error itself.
    let outputs = match (rendered, sunk) {
        (Ok(()), sunk) => sunk.with_context(subject)?,
        (Err(render_error), Err(sink_error)) if render_error.to_string() == "the output writer stopped" => {
            return Err(sink_error.context(subject()))
        }
        (Err(render_error), _) => return Err(render_error.context(subject())),
    };
    Ok(JobReport { outputs, frames: job.frames.len() as u32, seconds: started.elapsed().as_secs_f64() })
}

/// The sink thread: hands every frame to every sink (compositing it for opaque ones when asked)
/// until `End` (then finishes them all) or until the channel closes (then drops them, which
/// removes their partial outputs).
fn drive_sinks(mut sinks: Vec<(Box<dyn Sink>, Option<Rgb>)>, receiver: Receiver<ToSink>) -> Result<Vec<PathBuf>> {
    for message in receiver {
        match message {
            ToSink::Frame(frame) => {
                let count = sinks.len();
                let mut original = Some(frame);
                for (i, (sink, composite_over)) in sinks.iter_mut().enumerate() {
                    // Copies for all but the last sink, which takes the frame itself.
                    let mut frame = match i + 1 == count {
                        true => original.take().expect("the last sink takes the frame"),
                        false => original.clone().expect("frame until the last sink"),
                    };
                    if let Some(colour) = composite_over {
                        frame.composite_over(*colour);
                    }
                    sink.push(frame)?;
                }
            }
            ToSink::End => return sinks.into_iter().map(|(sink, _)| sink.finish()).collect(),
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

/// A short description of a file's or folder's size (`1.2 MB`), for messages.
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
