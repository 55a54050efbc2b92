//! The GPU renderer (every wgpu call of the program lives under this module).
//!
//! One [`Renderer`] owns one device for the whole run. [`Renderer::begin`] starts a render of one
//! scene and gives a [`FrameStream`]: the caller submits each frame's inputs and receives the
//! finished frames in order while the GPU keeps drawing; frames go through a small ring of
//! readback buffers, so memory does not grow with the frame count. Each frame draws its views
//! into tiles of one target (`passes`), blooms and encodes them.

mod adapter;
mod antialiasing;
mod failure;
mod gpu_scene;
mod mipmaps;
mod passes;
mod pipelines;
pub mod shaders;
mod stream;
mod target;
mod tiling;
mod uniforms;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use anyhow::Result;

pub use adapter::AdapterSummary;
pub use antialiasing::{method_names as antialiasing_names, Antialiasing, METHODS as ANTIALIASING};
use failure::{CapturedErrors, GpuFailures};
pub use passes::ViewPart;
use pipelines::Pipelines;
pub use stream::{FrameStream, Frames, StageName};
pub use tiling::{Compose, Tiling};

use crate::camera::CameraPose;
use crate::error::Problem;
use crate::look::{Background, Look};
use crate::scene::{Scene, Vertex};

/// Side of the compute passes' workgroups (`@workgroup_size(8, 8)` in the WGSL).
const WORKGROUP: u32 = 8;
/// What one render produces: views and layout, anti-aliasing, style and background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RenderSettings {
    /// The views of each frame and how they make the output picture.
    pub tiling: Tiling,
    /// How edges are anti-aliased.
    pub aa: Antialiasing,
    /// Style and its parameters.
    pub look: Look,
    /// Transparent or an opaque colour.
    pub background: Background,
}

impl RenderSettings {
    /// One view of `width × height`.
    pub fn single(width: u32, height: u32, aa: Antialiasing, look: Look, background: Background) -> Self {
        Self { tiling: Tiling::single(width, height), aa, look, background }
    }

    /// Size of the output picture.
    pub fn output_size(&self) -> (u32, u32) {
        self.tiling.output_size()
    }
}

/// The inputs of one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameInput {
    /// Frame number in the clip.
    pub index: u32,
    /// Clip time in seconds (`index / fps`).
    pub time: f64,
    /// One camera per view, in tile order (see [`Tiling`]).
    pub views: Vec<CameraPose>,
    /// The scene's vertices posed for this frame (animated scenes), in upload order.
    pub vertices: Option<Vec<Vertex>>,
}

/// The GPU device, queue and compiled pipelines for a run.
pub struct Renderer {
    device: wgpu::Device,
    queue: wgpu::Queue,
    adapter: AdapterSummary,
    max_texture_side: u32,
    pipelines: HashMap<u32, Pipelines>,
    /// Set by wgpu when the device is lost (driver reset, GPU fault, removed eGPU).
    lost: Arc<Mutex<Option<String>>>,
}

impl Renderer {
    /// Every adapter on this machine, best first.
    pub fn list_adapters() -> Vec<AdapterSummary> {
        adapter::list(&new_instance())
    }

    /// Opens the best adapter (or the one whose name contains `adapter_name`) with its real limits.
    pub fn new(adapter_name: Option<&str>) -> Result<Self> {
        let adapter = adapter::select(&new_instance(), adapter_name)?;
        let summary = adapter::summarise(&adapter.get_info());
        let limits = adapter.limits();
        let (device, queue) = pollster::block_on(adapter.request_device(&wgpu::DeviceDescriptor {
            label: Some("holoforge"),
            required_features: wgpu::Features::empty(),
            required_limits: limits.clone(),
            experimental_features: Default::default(),
            memory_hints: wgpu::MemoryHints::Performance,
            trace: Default::default(),
        }))
        .map_err(|e| Problem::environment(format!("cannot open GPU device {summary}: {e}")))?;
        let lost = Arc::new(Mutex::new(None));
        let lost_reason = Arc::clone(&lost);
        device.set_device_lost_callback(move |reason, message| {
            *lost_reason.lock().unwrap_or_else(|p| p.into_inner()) = Some(format!("{reason:?}: {message}"));
        });
        Ok(Self {
            lost,
            device,
            queue,
            adapter: summary,
            max_texture_side: limits.max_texture_dimension_2d,
            pipelines: HashMap::new(),
        })
    }

    /// The adapter in use.
    pub fn adapter(&self) -> &AdapterSummary {
        &self.adapter
    }

    /// Largest frame side (width or height) this device can render.
    pub fn max_texture_side(&self) -> u32 {
        self.max_texture_side
    }

    /// Starts a render of `scene` with `settings`: uploads the scene and allocates the target.
    /// Frames then come out, in the order of their inputs, from [`FrameStream::frames`].
    pub fn begin<'r>(&'r mut self, scene: &Scene, settings: &RenderSettings) -> Result<FrameStream<'r>> {
        let max = self.max_texture_side;
        let (grid_width, grid_height) = settings.tiling.grid_size();
        let (width, height) = settings.output_size();
        if grid_width.max(width) > max || grid_height.max(height) > max {
            return Err(Problem::usage(format!(
                "{}x{} is larger than this GPU allows ({max} px per side on {})",
                grid_width.max(width),
                grid_height.max(height),
                self.adapter
            ))
            .into());
        }
        let samples = settings.aa.samples();
        let failures = GpuFailures {
            adapter: self.adapter.clone(),
            lost: Arc::clone(&self.lost),
            size: (width, height),
            msaa: samples,
        };
        let Self { device, queue, pipelines, .. } = self;
        let setup = CapturedErrors::start(device);
        let pipelines = &*pipelines.entry(samples).or_insert_with(|| Pipelines::new(device, samples));
        let stream = FrameStream::new((device, queue, pipelines), scene, settings, max, failures.clone());
        match setup.finish() {
            Some(error) => Err(failures.explain(error)),
            None => Ok(stream),
        }
    }
}

/// A wgpu instance for every backend, honouring `WGPU_BACKEND` and friends.
fn new_instance() -> wgpu::Instance {
    quiet_mesa_device_select();
    wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle_from_env())
}

/// Mesa's Vulkan device-select layer prints a scary "XDG_RUNTIME_DIR is invalid" on headless
/// machines; it only matters with several GPUs, where holoforge chooses the adapter itself. Set
/// once, before the first instance loads Vulkan, for the binary and library users alike (unless
/// the caller set `NODEVICE_SELECT` already).
fn quiet_mesa_device_select() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("NODEVICE_SELECT").is_none() {
            std::env::set_var("NODEVICE_SELECT", "1");
        }
    });
}
