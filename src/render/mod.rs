//! The GPU renderer (every wgpu call of the program lives under this module).
//!
//! One [`Renderer`] owns one device for the whole run. [`Renderer::render`] draws a sequence of
//! camera poses and hands each finished frame to a callback while the GPU keeps drawing: frames
//! go through a small ring of readback buffers, so memory does not grow with the frame count.
//! Each frame draws its views into tiles of one target (`passes`), blooms and encodes them.

mod adapter;
mod gpu_scene;
mod passes;
mod pipelines;
pub mod shaders;
mod target;
mod tiling;
mod uniforms;

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};

pub use adapter::AdapterSummary;
use gpu_scene::GpuScene;
use passes::{bloom_passes, dispatch, draw_views, encode_bind_group};
use pipelines::{Pipelines, VIEW_UNIFORM_STRIDE};
use target::FrameTarget;
pub use tiling::{Compose, Tiling};
use uniforms::{encode_uniforms_for, model_extent, view_uniform_bytes, EncodeUniforms, ViewUniforms};

use crate::camera::CameraPose;
use crate::error::Problem;
use crate::frame::Frame;
use crate::look::{Background, Look, Style};
use crate::scene::{Bounds, Scene, Vertex};

/// Side of the compute passes' workgroups (`@workgroup_size(8, 8)` in the WGSL).
const WORKGROUP: u32 = 8;
/// Readback buffers in flight: the GPU draws frame i+1 while frame i is read back.
const READBACK_RING: usize = 3;
/// What one render produces: views and layout, anti-aliasing, style and background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RenderSettings {
    /// The views of each frame and how they make the output picture.
    pub tiling: Tiling,
    /// MSAA samples: 1 or 4.
    pub msaa: u32,
    /// Style and its parameters.
    pub look: Look,
    /// Transparent or an opaque colour.
    pub background: Background,
}

impl RenderSettings {
    /// One view of `width × height`.
    pub fn single(width: u32, height: u32, msaa: u32, look: Look, background: Background) -> Self {
        Self { tiling: Tiling::single(width, height), msaa, look, background }
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

    /// Renders `frames` of `scene`, calling `deliver` with each finished frame in order.
    /// Stops at the first error from `deliver` and returns it.
    pub fn render(
        &mut self,
        scene: &Scene,
        settings: &RenderSettings,
        frames: impl IntoIterator<Item = FrameInput>,
        deliver: &mut dyn FnMut(Frame) -> Result<()>,
    ) -> Result<()> {
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
        let device = &self.device;
        let (lost, adapter) = (Arc::clone(&self.lost), self.adapter.clone());
        let explain_lost = |error: anyhow::Error| match lost_reason(&lost) {
            Some(reason) => device_lost(&adapter, &reason),
            None => error,
        };
        let gpu_error = |error: wgpu::Error| -> anyhow::Error {
            match lost_reason(&lost) {
                Some(reason) => device_lost(&adapter, &reason),
                None => classify_gpu_error(error, &adapter, (width, height), settings.msaa),
            }
        };
        let look = &settings.look;
        let bloom = look.bloom > 0.0;
        let setup = CapturedErrors::start(device);
        let pipelines = self.pipelines.entry(settings.msaa).or_insert_with(|| Pipelines::new(device, settings.msaa));
        let wire_angle = (look.style == Style::Wireframe).then_some(look.wire_angle);
        let gpu_scene = GpuScene::upload(device, &self.queue, pipelines, scene, self.max_texture_side, wire_angle);
        let bloom_tile = bloom.then(|| settings.tiling.bloom_tile(look.bloom_radius));
        let target = FrameTarget::new(device, &settings.tiling, settings.msaa, READBACK_RING, bloom_tile);
        let uniform_buffer = |label: &str, size: u64| {
            device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(label),
                size,
                usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
                mapped_at_creation: false,
            })
        };
        let view_uniforms = uniform_buffer("view uniforms", VIEW_UNIFORM_STRIDE * settings.tiling.views() as u64);
        // One bind group per view, each at its own offset in the view buffer.
        let view_bind_groups: Vec<wgpu::BindGroup> = (0..settings.tiling.views() as u64)
            .map(|index| {
                device.create_bind_group(&wgpu::BindGroupDescriptor {
                    label: Some("view uniforms"),
                    layout: &pipelines.view_layout,
                    entries: &[wgpu::BindGroupEntry {
                        binding: 0,
                        resource: wgpu::BindingResource::Buffer(wgpu::BufferBinding {
                            buffer: &view_uniforms,
                            offset: index * VIEW_UNIFORM_STRIDE,
                            size: wgpu::BufferSize::new(std::mem::size_of::<ViewUniforms>() as u64),
                        }),
                    }],
                })
            })
            .collect();
        let encode_uniforms = uniform_buffer("encode uniforms", std::mem::size_of::<EncodeUniforms>() as u64);
        let encode_bind_group = encode_bind_group(device, pipelines, &target, &encode_uniforms);
        let bloom_passes = bloom.then(|| bloom_passes(device, pipelines, &target, settings));
        if let Some(error) = setup.finish() {
            return Err(gpu_error(error));
        }

        let model = model_extent(&Bounds::of_meshes(&scene.meshes));
        let mut in_flight: VecDeque<(u32, usize, wgpu::SubmissionIndex)> = VecDeque::new();
        for (n, input) in frames.into_iter().enumerate() {
            let slot = n % READBACK_RING;
            if in_flight.len() == READBACK_RING {
                let oldest = in_flight.pop_front().expect("ring is full");
                deliver(read_back(device, &target, oldest).map_err(explain_lost)?)?;
            }
            let frame_errors = CapturedErrors::start(device);
            self.queue.write_buffer(&view_uniforms, 0, &view_uniform_bytes(&input, settings, model));
            self.queue.write_buffer(&encode_uniforms, 0, bytemuck::bytes_of(&encode_uniforms_for(&input, settings)));
            if let Some(vertices) = &input.vertices {
                gpu_scene.write_vertices(&self.queue, vertices);
            }
            let mut encoder =
                self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("frame") });
            draw_views(&mut encoder, pipelines, &gpu_scene, &target, &view_bind_groups, settings);
            if let Some(passes) = &bloom_passes {
                passes.record(&mut encoder, pipelines);
            }
            dispatch(&mut encoder, "encode", &pipelines.encode, &encode_bind_group, (target.width, target.height));
            target.copy_to_readback(&mut encoder, slot);
            let submission = self.queue.submit([encoder.finish()]);
            target.readback[slot].map_async(wgpu::MapMode::Read, .., |_| {});
            if let Some(error) = frame_errors.finish() {
                return Err(gpu_error(error));
            }
            in_flight.push_back((input.index, slot, submission));
        }
        while let Some(oldest) = in_flight.pop_front() {
            deliver(read_back(device, &target, oldest).map_err(explain_lost)?)?;
        }
        Ok(())
    }
}

/// What a wgpu error means for the user: out of memory is a render too large for this GPU (a
/// usage error), a validation error is a bug in holoforge (said so), an internal error is the
/// driver or the system failing.
fn classify_gpu_error(
    error: wgpu::Error,
    adapter: &AdapterSummary,
    (width, height): (u32, u32),
    msaa: u32,
) -> anyhow::Error {
    match error {
        wgpu::Error::OutOfMemory { .. } => Problem::usage(format!(
            "a {width}x{height} render with {msaa}× MSAA of this model is too large for this GPU ({adapter})"
        ))
        .with_hint("use a smaller --size, or --msaa 1")
        .into(),
        wgpu::Error::Validation { description, .. } => Problem::input(format!(
            "internal error: the GPU ({adapter}) refused holoforge's commands, which is a bug in holoforge, not in your model or settings: {description}"
        ))
        .with_hint("please report it with the command line and `holoforge doctor`; another --adapter may work meanwhile")
        .into(),
        wgpu::Error::Internal { description, .. } => Problem::environment(format!(
            "the GPU driver failed ({adapter}): {description}"
        ))
        .with_hint("run it again; if it repeats, update the driver or render on the CPU with --adapter llvmpipe")
        .into(),
    }
}

/// Why the device was lost, once wgpu said so.
fn lost_reason(lost: &Mutex<Option<String>>) -> Option<String> {
    lost.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

/// The error for a lost GPU device.
fn device_lost(adapter: &AdapterSummary, reason: &str) -> anyhow::Error {
    Problem::environment(format!("the GPU device was lost ({adapter}; {reason}): the driver reset or the GPU failed"))
        .with_hint("run it again; if it repeats, check the GPU driver (dmesg, nvidia-smi) or render on the CPU with --adapter llvmpipe")
        .into()
}

/// Captures wgpu's out-of-memory and validation errors while alive, so that a render too large for
/// the device becomes an error instead of wgpu's default panic.
struct CapturedErrors {
    out_of_memory: wgpu::ErrorScopeGuard,
    validation: wgpu::ErrorScopeGuard,
}

impl CapturedErrors {
    fn start(device: &wgpu::Device) -> Self {
        let out_of_memory = device.push_error_scope(wgpu::ErrorFilter::OutOfMemory);
        let validation = device.push_error_scope(wgpu::ErrorFilter::Validation);
        Self { out_of_memory, validation }
    }

    /// The first error captured, if any (scopes pop in reverse order).
    fn finish(self) -> Option<wgpu::Error> {
        let validation = pollster::block_on(self.validation.pop());
        let out_of_memory = pollster::block_on(self.out_of_memory.pop());
        out_of_memory.or(validation)
    }
}

/// Waits for a frame's submission and copies its pixels out of readback buffer `slot`.
fn read_back(
    device: &wgpu::Device,
    target: &FrameTarget,
    (index, slot, submission): (u32, usize, wgpu::SubmissionIndex),
) -> Result<Frame> {
    device
        .poll(wgpu::PollType::Wait { submission_index: Some(submission), timeout: None })
        .context("the GPU did not finish the frame")?;
    let buffer = &target.readback[slot];
    let rgba = {
        let view = buffer.get_mapped_range(..).context("cannot map the readback buffer")?;
        target.rows.unpad(&view, target.height)
    };
    buffer.unmap();
    Ok(Frame { index, width: target.width, height: target.height, rgba })
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

#[cfg(test)]
mod gpu_error_tests {
    use super::*;

    fn adapter() -> AdapterSummary {
        AdapterSummary { name: "Test GPU".into(), backend: "Vulkan".into(), device_type: "DiscreteGpu".into() }
    }

    fn source() -> Box<dyn std::error::Error + Send + Sync + 'static> {
        Box::new(std::io::Error::other("detail"))
    }

    #[test]
    fn gpu_errors_say_what_happened() {
        let oom = classify_gpu_error(wgpu::Error::OutOfMemory { source: source() }, &adapter(), (7680, 4320), 4);
        assert_eq!(
            oom.to_string(),
            "a 7680x4320 render with 4× MSAA of this model is too large for this GPU (Test GPU (Vulkan, DiscreteGpu))"
        );
        assert_eq!(crate::error::ExitCode::for_error(&oom), crate::error::ExitCode::Usage);
        let validation = wgpu::Error::Validation { source: source(), description: "bad binding".into() };
        let bug = classify_gpu_error(validation, &adapter(), (64, 64), 1);
        assert!(
            bug.to_string().starts_with("internal error: the GPU (Test GPU (Vulkan, DiscreteGpu)) refused"),
            "{bug}"
        );
        assert!(!bug.to_string().contains("--size"), "not blamed on the size");
        let internal = wgpu::Error::Internal { source: source(), description: "VK_ERROR_DEVICE_LOST".into() };
        let driver = classify_gpu_error(internal, &adapter(), (64, 64), 1);
        assert_eq!(crate::error::ExitCode::for_error(&driver), crate::error::ExitCode::Environment);
        let lost = device_lost(&adapter(), "Unknown: reset");
        assert!(lost.to_string().starts_with("the GPU device was lost"), "{lost}");
    }
}
