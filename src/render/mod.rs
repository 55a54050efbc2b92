//! The GPU renderer (every wgpu call of the program lives under this module).
//!
//! One [`Renderer`] owns one device for the whole run. [`Renderer::render`] draws a sequence of
//! camera poses and hands each finished frame to a callback while the GPU keeps drawing: frames
//! go through a small ring of readback buffers, so memory does not grow with the frame count.

mod adapter;
mod gpu_scene;
mod pipelines;
pub mod shaders;
mod target;

use std::collections::{HashMap, VecDeque};

use anyhow::{Context, Result};

pub use adapter::AdapterSummary;
use gpu_scene::GpuScene;
use pipelines::Pipelines;
use target::FrameTarget;

use crate::camera::CameraPose;
use crate::error::Problem;
use crate::frame::Frame;
use crate::look::{Background, Look};
use crate::scene::{Scene, Vertex};

/// Side of the encode pass's workgroup (`@workgroup_size(8, 8)` in `encode.wgsl`).
const ENCODE_WORKGROUP: u32 = 8;
/// Readback buffers in flight: the GPU draws frame i+1 while frame i is read back.
const READBACK_RING: usize = 3;

/// What one render produces: size, anti-aliasing and style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RenderSettings {
    /// Frame width in pixels.
    pub width: u32,
    /// Frame height in pixels.
    pub height: u32,
    /// MSAA samples: 1 or 4.
    pub msaa: u32,
    /// Hologram style.
    pub look: Look,
    /// Transparent or an opaque colour.
    pub background: Background,
}

/// The inputs of one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameInput {
    /// Frame number in the clip.
    pub index: u32,
    /// Clip time in seconds (`index / fps`).
    pub time: f64,
    /// Camera for this frame.
    pub camera: CameraPose,
    /// The scene's vertices posed for this frame (animated scenes), in upload order.
    pub vertices: Option<Vec<Vertex>>,
}

/// Per-frame uniforms, laid out as `FrameUniforms` in `hologram.wgsl`.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct FrameUniforms {
    view_projection: [[f32; 4]; 4],
    eye: [f32; 4],
    color: [f32; 4],
    rim_fill: [f32; 4],
    scanlines: [f32; 4],
    target_size: [f32; 4],
}

/// The GPU device, queue and compiled pipelines for a run.
pub struct Renderer {
    device: wgpu::Device,
    queue: wgpu::Queue,
    adapter: AdapterSummary,
    max_texture_side: u32,
    pipelines: HashMap<u32, Pipelines>,
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
        Ok(Self {
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
        if settings.width > max || settings.height > max {
            return Err(Problem::usage(format!(
                "{}x{} is larger than this GPU allows ({max} px per side on {})",
                settings.width, settings.height, self.adapter
            ))
            .into());
        }
        let device = &self.device;
        let too_big = |error: wgpu::Error| -> anyhow::Error {
            Problem::usage(format!(
                "the GPU cannot hold a {}x{} render with {}× MSAA of this model on {} ({error})",
                settings.width, settings.height, settings.msaa, self.adapter
            ))
            .with_hint("use a smaller --size, or --msaa 1")
            .into()
        };
        let setup = CapturedErrors::start(device);
        let pipelines = self.pipelines.entry(settings.msaa).or_insert_with(|| Pipelines::new(device, settings.msaa));
        let gpu_scene = GpuScene::upload(device, &self.queue, pipelines, scene, self.max_texture_side);
        let target = FrameTarget::new(device, settings.width, settings.height, settings.msaa, READBACK_RING);
        let frame_uniforms = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("frame uniforms"),
            size: std::mem::size_of::<FrameUniforms>() as u64,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let frame_bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("frame uniforms"),
            layout: &pipelines.frame_layout,
            entries: &[wgpu::BindGroupEntry { binding: 0, resource: frame_uniforms.as_entire_binding() }],
        });
        let encode_bind_group = encode_bind_group(device, pipelines, &target, settings.background);
        if let Some(error) = setup.finish() {
            return Err(too_big(error));
        }

        let mut in_flight: VecDeque<(u32, usize, wgpu::SubmissionIndex)> = VecDeque::new();
        for (n, input) in frames.into_iter().enumerate() {
            let slot = n % READBACK_RING;
            if in_flight.len() == READBACK_RING {
                let oldest = in_flight.pop_front().expect("ring is full");
                deliver(read_back(device, &target, oldest)?)?;
            }
            let frame_errors = CapturedErrors::start(device);
            self.queue.write_buffer(&frame_uniforms, 0, bytemuck::bytes_of(&frame_uniforms_for(&input, settings)));
            if let Some(vertices) = &input.vertices {
                self.queue.write_buffer(&gpu_scene.vertex_buffer, 0, bytemuck::cast_slice(vertices));
            }
            let mut encoder =
                self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("frame") });
            draw_scene(&mut encoder, pipelines, &gpu_scene, &target, &frame_bind_group, settings.look.xray);
            encode_output(&mut encoder, pipelines, &target, &encode_bind_group);
            target.copy_to_readback(&mut encoder, slot);
            let submission = self.queue.submit([encoder.finish()]);
            target.readback[slot].map_async(wgpu::MapMode::Read, .., |_| {});
            if let Some(error) = frame_errors.finish() {
                return Err(too_big(error));
            }
            in_flight.push_back((input.index, slot, submission));
        }
        while let Some(oldest) = in_flight.pop_front() {
            deliver(read_back(device, &target, oldest)?)?;
        }
        Ok(())
    }
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
    wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle_from_env())
}

fn frame_uniforms_for(input: &FrameInput, settings: &RenderSettings) -> FrameUniforms {
    let look = &settings.look;
    let [r, g, b] = look.color.to_linear();
    FrameUniforms {
        view_projection: input.camera.view_projection().to_cols_array_2d(),
        eye: input.camera.eye.extend(1.0).into(),
        color: [r, g, b, look.rim_whiten],
        rim_fill: [look.rim_power, look.rim_strength, look.fill, look.fill_opacity],
        scanlines: [look.scanline_density, look.scanline_strength, look.scanline_speed, input.time as f32],
        target_size: [settings.height as f32, settings.width as f32, look.flicker_at(input.time), 0.0],
    }
}

fn encode_bind_group(
    device: &wgpu::Device,
    pipelines: &Pipelines,
    target: &FrameTarget,
    background: Background,
) -> wgpu::BindGroup {
    let params: [f32; 4] = match background {
        Background::Transparent => [0.0; 4],
        Background::Color(c) => {
            let [r, g, b] = c.to_encoded();
            [r, g, b, 1.0]
        }
    };
    let buffer = wgpu::util::DeviceExt::create_buffer_init(
        device,
        &wgpu::util::BufferInitDescriptor {
            label: Some("encode parameters"),
            contents: bytemuck::cast_slice(&params),
            usage: wgpu::BufferUsages::UNIFORM,
        },
    );
    device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("encode"),
        layout: &pipelines.encode_layout,
        entries: &[
            wgpu::BindGroupEntry { binding: 0, resource: buffer.as_entire_binding() },
            wgpu::BindGroupEntry { binding: 1, resource: wgpu::BindingResource::TextureView(&target.resolved_view) },
            wgpu::BindGroupEntry { binding: 2, resource: wgpu::BindingResource::TextureView(&target.output_view) },
        ],
    })
}

fn draw_scene(
    encoder: &mut wgpu::CommandEncoder,
    pipelines: &Pipelines,
    scene: &GpuScene,
    target: &FrameTarget,
    frame_bind_group: &wgpu::BindGroup,
    xray: bool,
) {
    // With MSAA the samples are resolved into `resolved_view` and need not be kept.
    let (view, resolve_target, store) = match &target.msaa_view {
        Some(msaa) => (msaa, Some(&target.resolved_view), wgpu::StoreOp::Discard),
        None => (&target.resolved_view, None, wgpu::StoreOp::Store),
    };
    let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
        label: Some("scene"),
        color_attachments: &[Some(wgpu::RenderPassColorAttachment {
            view,
            depth_slice: None,
            resolve_target,
            ops: wgpu::Operations { load: wgpu::LoadOp::Clear(wgpu::Color::TRANSPARENT), store },
        })],
        depth_stencil_attachment: Some(wgpu::RenderPassDepthStencilAttachment {
            view: &target.depth_view,
            depth_ops: Some(wgpu::Operations { load: wgpu::LoadOp::Clear(1.0), store: wgpu::StoreOp::Discard }),
            stencil_ops: None,
        }),
        timestamp_writes: None,
        occlusion_query_set: None,
        multiview_mask: None,
    });
    pass.set_bind_group(0, frame_bind_group, &[]);
    pass.set_vertex_buffer(0, scene.vertex_buffer.slice(..));
    pass.set_index_buffer(scene.index_buffer.slice(..), wgpu::IndexFormat::Uint32);
    // Without x-ray, a depth-only pre-pass lets just the front-most surface glow.
    if !xray {
        pass.set_pipeline(&pipelines.depth_prepass);
        for draw in &scene.draws {
            pass.draw_indexed(draw.indices.clone(), draw.base_vertex, 0..1);
        }
    }
    pass.set_pipeline(if xray { &pipelines.hologram_xray } else { &pipelines.hologram });
    pass.set_bind_group(1, &scene.materials, &[]);
    let mut bound_texture = None;
    for draw in &scene.draws {
        if bound_texture != Some(draw.texture) {
            pass.set_bind_group(2, &scene.textures[draw.texture], &[]);
            bound_texture = Some(draw.texture);
        }
        pass.draw_indexed(draw.indices.clone(), draw.base_vertex, draw.material..draw.material + 1);
    }
}

fn encode_output(
    encoder: &mut wgpu::CommandEncoder,
    pipelines: &Pipelines,
    target: &FrameTarget,
    bind_group: &wgpu::BindGroup,
) {
    let mut pass =
        encoder.begin_compute_pass(&wgpu::ComputePassDescriptor { label: Some("encode"), timestamp_writes: None });
    pass.set_pipeline(&pipelines.encode);
    pass.set_bind_group(0, bind_group, &[]);
    pass.dispatch_workgroups(target.width.div_ceil(ENCODE_WORKGROUP), target.height.div_ceil(ENCODE_WORKGROUP), 1);
}
