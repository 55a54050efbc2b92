//! A job: every setting resolved and validated before any work ([`Job::resolve`]), and running
//! it ([`run`]) — load, frame, render once, stream the frames into one export sink per format.

mod resolve;
mod run;

use std::ops::Range;
use std::path::PathBuf;

use anyhow::Result;

use crate::camera::{find_file_camera, CameraSettings, FileCameraChoice, Framing, Motion};
use crate::error::Problem;
use crate::export::output::{self, OutputClaim};
use crate::export::{ExportStrategy, Quality};
use crate::layout::Layout;
use crate::look::Rgb;
use crate::render::{FrameInput, RenderSettings};
use crate::scene::anim::{Clip, Rig};
use crate::scene::{self, Scene, UpChoice};

pub use resolve::format_of_extension;
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
    /// A model read from standard input (`holoforge render -`); its content tells its format.
    Stdin(std::sync::Arc<Vec<u8>>),
}

impl ModelSource {
    /// Name for messages.
    pub fn label(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::BuiltIn => "built-in demo".into(),
            Self::Stdin(_) => "standard input".into(),
        }
    }

    /// Loads the scene.
    pub fn load(&self, up: UpChoice) -> Result<Scene> {
        match self {
            Self::File(path) => scene::load(path, up),
            Self::BuiltIn => Ok(scene::demo::scene()),
            Self::Stdin(bytes) => scene::load_stdin(bytes, up),
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
    /// Set for a poster: the one frame this output takes (the others pass it by).
    pub only_frame: Option<u32>,
}

impl Output {
    /// How many frames this output takes of a run of `frames`.
    pub fn frames(&self, frames: u32) -> u32 {
        if self.only_frame.is_some() {
            1
        } else {
            frames
        }
    }
}

/// A fully resolved job.
pub struct Job {
    /// Name for summaries (the manifest's `name`, else the model's file name).
    pub name: String,
    /// The model.
    pub model: ModelSource,
    /// One output per format; the frames are rendered once.
    pub outputs: Vec<Output>,
    /// Views and layout, MSAA, look, background.
    pub render: RenderSettings,
    /// The display layout the views are made for.
    pub layout: Layout,
    /// Frames per second.
    pub fps: u32,
    /// Frames in the whole clip (one turntable turn spans it): `duration × fps`, else one play of
    /// an animated model's clip, else the default 6 s — whatever frames this run renders.
    pub clip_frames: u32,
    /// The glTF animation to play (name or index); the first one when unset.
    pub animation: Option<String>,
    /// Playback speed factor.
    pub animation_speed: f64,
    /// Whether the clip loops (else it holds its last pose).
    pub animation_loops: bool,
    /// The frames this run renders (inside the clip).
    pub frames: Range<u32>,
    /// The model and the files it names (known before loading), which no output may replace.
    pub inputs: Vec<PathBuf>,
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

/// An animation clip being played on a rig.
#[derive(Debug, Clone, Copy)]
pub struct Playback<'a> {
    /// The scene's rig.
    pub rig: &'a Rig,
    /// The clip.
    pub clip: &'a Clip,
    /// Speed factor.
    pub speed: f64,
    /// Loop (else hold the last pose).
    pub loops: bool,
}

impl Playback<'_> {
    /// The scene's vertices at job time `time` (scaled by the speed; looping or clamped).
    pub fn vertices_at(&self, meshes: &[crate::scene::Mesh], time: f64) -> Vec<crate::scene::Vertex> {
        let duration = self.clip.duration as f64;
        let time = time * self.speed;
        let t = match (duration > 0.0, self.loops) {
            (false, _) => 0.0,
            (true, true) => time.rem_euclid(duration),
            (true, false) => time.clamp(0.0, duration),
        };
        self.rig.pose(meshes, self.clip, t as f32)
    }

    /// Seconds one play of the clip takes at this speed.
    pub fn play_seconds(&self) -> f64 {
        self.clip.duration as f64 / self.speed
    }

    /// The model's points over the whole clip (sampled), for a framing that does not breathe.
    fn sampled_points(&self, meshes: &[crate::scene::Mesh]) -> Vec<glam::Vec3> {
        const SAMPLES: usize = 24;
        (0..=SAMPLES)
            .flat_map(|i| self.vertices_at(meshes, self.play_seconds() * i as f64 / SAMPLES as f64))
            .map(|v| glam::Vec3::from(v.position))
            .collect()
    }
}

impl Job {
    /// The framing of this job on `scene` with `camera` (see [`Job::camera_for`]): the sphere
    /// that keeps the model in view from any side (over the whole clip when one plays); a
    /// single-view still is instead fitted to the model's extent as seen from its view.
    pub fn framing(&self, scene: &Scene, playback: Option<&Playback>, camera: &CameraSettings) -> Framing {
        let fits_view = camera.motion == Motion::Still && self.layout == Layout::Single;
        let aspect = self.layout.camera_aspect(&self.render.tiling);
        let clear = self.render.look.glow_reach();
        match playback {
            Some(playback) => {
                let points = playback.sampled_points(&scene.meshes);
                match fits_view {
                    true => Framing::fitted_to_view(|| points.iter().copied(), camera, aspect, clear),
                    false => Framing::from_points(&points),
                }
            }
            None if fits_view => {
                let points = || {
                    scene
                        .meshes
                        .iter()
                        .flat_map(|m| m.indices.iter().map(|&i| glam::Vec3::from(m.vertices[i as usize].position)))
                };
                Framing::fitted_to_view(points, camera, aspect, clear)
            }
            None => Framing::from_scene(scene),
        }
    }

    /// The frame inputs (time, camera, posed vertices) of the job's frames, with `camera`
    /// resolved against the loaded scene (see [`Job::camera_for`]).
    pub fn frame_inputs<'a>(
        &'a self,
        scene: &'a Scene,
        framing: Framing,
        camera: &'a CameraSettings,
        playback: Option<Playback<'a>>,
    ) -> impl Iterator<Item = FrameInput> + 'a {
        let aspect = self.layout.camera_aspect(&self.render.tiling);
        self.frames.clone().map(move |index| {
            let time = index as f64 / self.fps as f64;
            FrameInput {
                index,
                time,
                views: self.layout.views(&framing, camera, aspect, index as f64 / self.clip_frames as f64),
                vertices: playback.map(|p| p.vertices_at(&scene.meshes, time)),
            }
        })
    }

    /// The clip this job plays on `scene`, if the scene is animated.
    pub fn playback_for<'a>(&self, scene: &'a Scene) -> Result<Option<Playback<'a>>> {
        let Some(rig) = scene.rig.as_ref().filter(|r| !r.clips.is_empty()) else {
            return match &self.animation {
                Some(name) => Err(Problem::input(format!(
                    "{}: --animation {name}: the model has no animations",
                    self.model.label()
                ))
                .into()),
                None => Ok(None),
            };
        };
        let clip = match &self.animation {
            None => &rig.clips[0],
            Some(selector) => rig
                .clips
                .iter()
                .find(|c| &c.name == selector)
                .or_else(|| selector.parse::<usize>().ok().and_then(|i| rig.clips.get(i)))
                .ok_or_else(|| {
                    let names: Vec<&str> = rig.clips.iter().map(|c| c.name.as_str()).collect();
                    Problem::input(format!("{}: no animation '{selector}' in the file", self.model.label()))
                        .with_hint(format!("animations: {}", names.join(", ")))
                })?,
        };
        Ok(Some(Playback { rig, clip, speed: self.animation_speed, loops: self.animation_loops }))
    }

    /// The job's camera with a `file:NAME` selector replaced by that camera of the scene.
    pub fn camera_for(&self, scene: &Scene) -> Result<CameraSettings> {
        let Motion::FileCamera(FileCameraChoice::Named(selector)) = &self.camera.motion else {
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
        Ok(CameraSettings {
            motion: Motion::FileCamera(FileCameraChoice::Found(camera.clone())),
            ..self.camera.clone()
        })
    }

    /// Claims every output (see [`crate::export::output::claim`]): checked, and locked against
    /// other writers until the claims are dropped.
    pub fn claim_outputs(&self, force: bool) -> Result<Vec<OutputClaim>> {
        let frames = self.frames.len() as u32;
        self.outputs
            .iter()
            .map(|o| match o.path.as_os_str() == "-" {
                true => Ok(OutputClaim::stdout()),
                false => output::claim(&o.path, o.format.shape(o.frames(frames)), force, &self.inputs),
            })
            .collect()
    }

    /// Checks what [`Job::claim_outputs`] checks that `--force` cannot change (outputs that are
    /// inputs, folders holoforge did not write, protected places), without locking anything.
    pub fn check_outputs(&self) -> Result<()> {
        let frames = self.frames.len() as u32;
        for o in self.outputs.iter().filter(|o| o.path.as_os_str() != "-") {
            output::check(&o.path, o.format.shape(o.frames(frames)), true, &self.inputs)?;
        }
        Ok(())
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
