//! `holoforge inspect MODEL`: what the loader understood, as text or JSON.

use anyhow::Result;
use serde::Serialize;

use crate::cli::InspectCommand;
use crate::error::Exit;
use crate::scene::{self, AnimationInfo, Bounds, Scene, UpAxis};

/// The JSON shape of `inspect --json`.
#[derive(Debug, Serialize)]
pub struct Inspection {
    /// The model file.
    pub file: String,
    /// Loader used.
    pub format: &'static str,
    /// Triangles after triangulation.
    pub triangles: usize,
    /// Vertices uploaded to the GPU.
    pub vertices: usize,
    /// Meshes (one per glTF primitive / OBJ object).
    pub meshes: usize,
    /// Bounds after the up-axis fix (+Y up).
    pub bounds: Bounds,
    /// Size of the bounds.
    pub size: [f32; 3],
    /// Up axis the file was read with.
    pub up_axis: UpAxis,
    /// Materials.
    pub materials: Vec<scene::Material>,
    /// Decoded textures: name and size.
    pub textures: Vec<TextureSummary>,
    /// Animation clips.
    pub animations: Vec<AnimationInfo>,
    /// Cameras in the file (usable with `--camera file:NAME`).
    pub cameras: Vec<scene::FileCamera>,
    /// Loader warnings.
    pub warnings: Vec<String>,
}

/// A texture as `inspect` reports it.
#[derive(Debug, Serialize)]
pub struct TextureSummary {
    /// Source name.
    pub name: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Inspection {
    /// Summarises a loaded scene.
    pub fn of(scene: &Scene) -> Self {
        Self {
            file: scene.source.display().to_string(),
            format: scene.format,
            triangles: scene.triangle_count(),
            vertices: scene.vertex_count(),
            meshes: scene.meshes.len(),
            bounds: scene.bounds,
            size: scene.bounds.size().into(),
            up_axis: scene.up_axis,
            materials: scene.materials.clone(),
            textures: scene
                .textures
                .iter()
                .map(|t| TextureSummary { name: t.name.clone(), width: t.width, height: t.height })
                .collect(),
            animations: scene.animations.clone(),
            cameras: scene.cameras.clone(),
            warnings: scene.warnings.clone(),
        }
    }
}

/// Loads the model and prints the summary; loader warnings go to stderr.
pub fn inspect(command: InspectCommand) -> Result<Exit> {
    let scene = scene::load(&command.model, command.up)?;
    for warning in &scene.warnings {
        eprintln!("warning: {}: {warning}", command.model.display());
    }
    let report = Inspection::of(&scene);
    if command.json {
        crate::outln!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(Exit::Success);
    }
    let [sx, sy, sz] = report.size;
    crate::outln!("file:       {}", report.file);
    crate::outln!("format:     {}", report.format);
    crate::outln!("triangles:  {}", report.triangles);
    crate::outln!("vertices:   {}", report.vertices);
    crate::outln!("meshes:     {}", report.meshes);
    crate::outln!("up axis:    {:?} (shown +Y up)", report.up_axis);
    crate::outln!("bounds:     min {:?} max {:?}", report.bounds.min, report.bounds.max);
    crate::outln!("size:       {sx} x {sy} x {sz}");
    crate::outln!("materials:  {}", report.materials.len());
    for m in &report.materials {
        let texture =
            m.base_color_texture.map(|t| format!(", texture {}", report.textures[t.index].name)).unwrap_or_default();
        crate::outln!("  {} (base colour {:?}{texture})", m.name, m.base_color);
    }
    crate::outln!("textures:   {}", report.textures.len());
    for t in &report.textures {
        crate::outln!("  {} ({}x{})", t.name, t.width, t.height);
    }
    crate::outln!("animations: {}", report.animations.len());
    for a in &report.animations {
        crate::outln!("  {} ({:.2} s, {} channels)", a.name, a.duration, a.channels);
    }
    crate::outln!("cameras:    {}", report.cameras.len());
    for c in &report.cameras {
        crate::outln!("  {} (--camera {}{})", c.name, crate::camera::FILE_CAMERA_PREFIX, c.name);
    }
    Ok(Exit::Success)
}
