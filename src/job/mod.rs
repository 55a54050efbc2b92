//! A job: every setting resolved and validated before any work ([`Job::resolve`]), and running
//! it ([`run`]) — load, frame, render once, stream the frames into one export sink per format.

mod resolve;
mod run;

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::camera::{camera_pose, find_file_camera, CameraSettings, Framing, Motion};
use crate::error::Problem;
use crate::export::{ExportStrategy, Quality};
use crate::look::Rgb;
use crate::render::{FrameInput, RenderSettings};
use crate::scene::{self, Scene, UpChoice};

pub use run::{check_encoders, run, JobReport};

/// Default clip length in seconds.
pub const DEFAULT_DURATION: f64 = 6.0;
/// Default frame size.
pub const DEFAULT_SIZE: &str = "1080p";
/// Default frame rate.
pub const DEFAULT_FPS: u32 = 30;
/// Default export format.
pub const DEFAULT_FORMAT: &str = "mp4";

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
