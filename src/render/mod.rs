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
mod tiling;

use std::collections::{HashMap, VecDeque};

use anyhow::{Context, Result};

pub use adapter::AdapterSummary;
use gpu_scene::GpuScene;
use pipelines::{Pipelines, VIEW_UNIFORM_STRIDE};
use target::FrameTarget;
pub use tiling::{Compose, Tiling};

use crate::camera::CameraPose;
use crate::error::Problem;
use crate::frame::Frame;
use crate::look::{Background, Look, ScanlineSpace, Style};
use crate::scene::{Bounds, Scene, Vertex};

/// Side of the compute passes' workgroups (`@workgroup_size(8, 8)` in the WGSL).
const WORKGROUP: u32 = 8;
/// Readback buffers in flight: the GPU draws frame i+1 while frame i is read back.
const READBACK_RING: usize = 3;
/// Widest glitch shift (intensity 1), as a fraction of the view width.
const GLITCH_MAX_SHIFT: f32 = 0.15;
/// Glitch bands per view height.
const GLITCH_BANDS: f32 = 12.0;
/// How far wireframe lines are pulled towards the eye so they win against their own faces.
const WIRE_DEPTH_PULL: f32 = 0.002;

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

/// Per-view uniforms, laid out as `ViewUniforms` in `surface.wgsl`.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct ViewUniforms {
    view_projection: [[f32; 4]; 4],
    eye: [f32; 4],
    color: [f32; 4],
    rim_fill: [f32; 4],
    scanlines: [f32; 4],
    view_rect: [f32; 4],
    model: [f32; 4],
    wire: [f32; 4],
    camera_right: [f32; 4],
    camera_up: [f32; 4],
}

/// Encode-pass uniforms, laid out as `EncodeUniforms` in `encode.wgsl`.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct EncodeUniforms {
    background: [f32; 4],
    tiles: [u32; 4],
    compose: [u32; 4],
    glitch: [f32; 4],
    bloom: [f32; 4],
}

/// Bloom-pass uniforms, laid out as `BloomUniforms` in `bloom.wgsl`.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct BloomUniforms {
    tiles: [u32; 4],
    params: [f32; 4],
    direction: [i32; 4],
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
        let too_big = |error: wgpu::Error| -> anyhow::Error {
            Problem::usage(format!(
                "the GPU cannot hold a {width}x{height} render with {}× MSAA of this model on {} ({error})",
                settings.msaa, self.adapter
            ))
            .with_hint("use a smaller --size, or --msaa 1")
            .into()
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
            return Err(too_big(error));
        }

        let model = model_extent(&Bounds::of_meshes(&scene.meshes));
        let mut in_flight: VecDeque<(u32, usize, wgpu::SubmissionIndex)> = VecDeque::new();
        for (n, input) in frames.into_iter().enumerate() {
            let slot = n % READBACK_RING;
            if in_flight.len() == READBACK_RING {
                let oldest = in_flight.pop_front().expect("ring is full");
                deliver(read_back(device, &target, oldest)?)?;
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

/// Bottom and height of the model, for scanlines in model space.
fn model_extent(bounds: &Bounds) -> [f32; 2] {
    let height = bounds.max[1] - bounds.min[1];
    if bounds.is_finite() && height > 0.0 {
        [bounds.min[1], height]
    } else {
        [0.0, 1.0]
    }
}

/// Every view's uniforms, each at its dynamic offset.
fn view_uniform_bytes(
    input: &FrameInput,
    settings: &RenderSettings,
    [model_bottom, model_height]: [f32; 2],
) -> Vec<u8> {
    let look = &settings.look;
    let tiling = &settings.tiling;
    let [r, g, b] = look.color.to_linear();
    let (tile_width, tile_height) = (tiling.tile_width as f32, tiling.tile_height as f32);
    let model_space = if look.scanline_space == ScanlineSpace::Model { 1.0 } else { 0.0 };
    let half_line = (look.wire_width / 1000.0 * tile_height * 0.5).max(0.6);
    let mut bytes = vec![0u8; VIEW_UNIFORM_STRIDE as usize * input.views.len()];
    for (i, camera) in input.views.iter().enumerate() {
        let (x, y) = tiling.tile_origin(i as u32);
        let uniforms = ViewUniforms {
            view_projection: camera.view_projection().to_cols_array_2d(),
            eye: camera.eye.extend(input.time as f32).into(),
            color: [r, g, b, look.rim_whiten],
            rim_fill: [look.rim_power, look.rim_strength, look.fill, look.fill_opacity],
            scanlines: [look.scanline_density, look.scanline_strength, look.scanline_speed, model_space],
            view_rect: [x as f32, y as f32, tile_width, tile_height],
            model: [model_bottom, model_height, look.flicker_at(input.time), 0.0],
            wire: [half_line, look.wire_brightness, WIRE_DEPTH_PULL, 0.0],
            camera_right: camera.view.row(0).truncate().extend(0.0).into(),
            camera_up: camera.view.row(1).truncate().extend(0.0).into(),
        };
        let start = i * VIEW_UNIFORM_STRIDE as usize;
        bytes[start..start + std::mem::size_of::<ViewUniforms>()].copy_from_slice(bytemuck::bytes_of(&uniforms));
    }
    bytes
}

fn encode_uniforms_for(input: &FrameInput, settings: &RenderSettings) -> EncodeUniforms {
    let tiling = &settings.tiling;
    let look = &settings.look;
    let background = match settings.background {
        Background::Transparent => [0.0; 4],
        Background::Color(c) => {
            let [r, g, b] = c.to_encoded();
            [r, g, b, 1.0]
        }
    };
    let compose = match tiling.compose {
        Compose::Grid => [0, 0, 0, 0],
        Compose::Pyramid { inward, .. } => [1, inward as u32, tiling.tile_width, 0],
        Compose::Circle => [2, 0, 0, 0],
        Compose::Quilt { height, .. } => [3, 0, height - tiling.rows * tiling.tile_height, 0],
    };
    let glitch = match look.glitch_at(input.time) {
        Some(key) => [look.glitch * GLITCH_MAX_SHIFT, GLITCH_BANDS, key as f32, 0.0],
        None => [0.0; 4],
    };
    let (bloom_width, bloom_height) = tiling.bloom_tile(look.bloom_radius);
    EncodeUniforms {
        background,
        tiles: [tiling.tile_width, tiling.tile_height, tiling.cols, tiling.rows],
        compose,
        glitch,
        bloom: [look.bloom, tiling.bloom_factor(look.bloom_radius) as f32, bloom_width as f32, bloom_height as f32],
    }
}

/// The bloom's three compute passes (bright pass into image a, blur a→b across, b→a down) and their bind groups.
struct BloomPasses {
    bright: wgpu::BindGroup,
    across: wgpu::BindGroup,
    down: wgpu::BindGroup,
    size: (u32, u32),
}

fn bloom_passes(
    device: &wgpu::Device,
    pipelines: &Pipelines,
    target: &FrameTarget,
    settings: &RenderSettings,
) -> BloomPasses {
    let tiling = &settings.tiling;
    let look = &settings.look;
    let (bloom_width, bloom_height) = tiling.bloom_tile(look.bloom_radius);
    let factor = tiling.bloom_factor(look.bloom_radius);
    let sigma = look.bloom_radius * tiling.tile_height as f32 / factor as f32;
    let group = |label: &str, direction: [i32; 4], source: &wgpu::TextureView, out: &wgpu::TextureView| {
        let uniforms = BloomUniforms {
            tiles: [tiling.tile_width, tiling.tile_height, bloom_width, bloom_height],
            params: [look.bloom_threshold, look.bloom_threshold * 0.5, sigma, factor as f32],
            direction,
        };
        let buffer = wgpu::util::DeviceExt::create_buffer_init(
            device,
            &wgpu::util::BufferInitDescriptor {
                label: Some(label),
                contents: bytemuck::bytes_of(&uniforms),
                usage: wgpu::BufferUsages::UNIFORM,
            },
        );
        device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some(label),
            layout: &pipelines.bloom_layout,
            entries: &[
                wgpu::BindGroupEntry { binding: 0, resource: buffer.as_entire_binding() },
                wgpu::BindGroupEntry { binding: 1, resource: wgpu::BindingResource::TextureView(source) },
                wgpu::BindGroupEntry { binding: 2, resource: wgpu::BindingResource::TextureView(out) },
            ],
        })
    };
    let [a, b] = &target.bloom_views;
    BloomPasses {
        bright: group("bloom bright pass", [0; 4], &target.resolved_view, a),
        across: group("bloom blur across", [1, 0, 0, 0], a, b),
        down: group("bloom blur down", [0, 1, 0, 0], b, a),
        size: (bloom_width * tiling.cols, bloom_height * tiling.rows),
    }
}

impl BloomPasses {
    fn record(&self, encoder: &mut wgpu::CommandEncoder, pipelines: &Pipelines) {
        dispatch(encoder, "bloom bright pass", &pipelines.bloom_bright, &self.bright, self.size);
        dispatch(encoder, "bloom blur across", &pipelines.bloom_blur, &self.across, self.size);
        dispatch(encoder, "bloom blur down", &pipelines.bloom_blur, &self.down, self.size);
    }
}

fn encode_bind_group(
    device: &wgpu::Device,
    pipelines: &Pipelines,
    target: &FrameTarget,
    uniforms: &wgpu::Buffer,
) -> wgpu::BindGroup {
    device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("encode"),
        layout: &pipelines.encode_layout,
        entries: &[
            wgpu::BindGroupEntry { binding: 0, resource: uniforms.as_entire_binding() },
            wgpu::BindGroupEntry { binding: 1, resource: wgpu::BindingResource::TextureView(&target.resolved_view) },
            wgpu::BindGroupEntry { binding: 2, resource: wgpu::BindingResource::TextureView(&target.bloom_views[0]) },
            wgpu::BindGroupEntry { binding: 3, resource: wgpu::BindingResource::TextureView(&target.output_view) },
        ],
    })
}

/// Draws every view into its tile: depth pre-pass (unless x-ray), then the style's surfaces and edges.
fn draw_views(
    encoder: &mut wgpu::CommandEncoder,
    pipelines: &Pipelines,
    scene: &GpuScene,
    target: &FrameTarget,
    view_bind_groups: &[wgpu::BindGroup],
    settings: &RenderSettings,
) {
    let look = &settings.look;
    // With MSAA the samples are resolved into `resolved_view` and need not be kept.
    let (view, resolve_target, store) = match &target.msaa_view {
        Some(msaa) => (msaa, Some(&target.resolved_view), wgpu::StoreOp::Discard),
        None => (&target.resolved_view, None, wgpu::StoreOp::Store),
    };
    let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
        label: Some("views"),
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
    let shaded = look.style == Style::Shaded;
    let xray = look.xray && !shaded;
    let surface = match look.style {
        Style::Hologram => Some(if xray { &pipelines.hologram_xray } else { &pipelines.hologram }),
        Style::Shaded => Some(&pipelines.shaded),
        Style::Wireframe => {
            look.wire_over_hologram.then_some(if xray { &pipelines.hologram_xray } else { &pipelines.hologram })
        }
    };
    let tiling = &settings.tiling;
    for index in 0..tiling.views() {
        let (x, y) = tiling.tile_origin(index);
        let (width, height) = (tiling.tile_width, tiling.tile_height);
        pass.set_viewport(x as f32, y as f32, width as f32, height as f32, 0.0, 1.0);
        pass.set_scissor_rect(x, y, width, height);
        pass.set_bind_group(0, &view_bind_groups[index as usize], &[]);
        pass.set_vertex_buffer(0, scene.vertex_buffer.slice(..));
        pass.set_index_buffer(scene.index_buffer.slice(..), wgpu::IndexFormat::Uint32);
        // Without x-ray, a depth-only pre-pass lets just the front-most surface show.
        if !xray {
            pass.set_pipeline(&pipelines.depth_prepass);
            for draw in &scene.draws {
                pass.draw_indexed(draw.indices.clone(), draw.base_vertex, 0..1);
            }
        }
        if let Some(pipeline) = surface {
            pass.set_pipeline(pipeline);
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
        if let Some(edges) = &scene.edges {
            pass.set_pipeline(if xray { &pipelines.wire_xray } else { &pipelines.wire });
            pass.set_vertex_buffer(0, edges.buffer.slice(..));
            pass.draw(0..6, 0..edges.pairs.len() as u32);
        }
    }
    // wgpu's GL backend resolves MSAA with the last scissor rectangle still set: without this,
    // only the last view would reach the resolved image (llvmpipe; Vulkan is unaffected).
    let (width, height) = tiling.grid_size();
    pass.set_viewport(0.0, 0.0, width as f32, height as f32, 0.0, 1.0);
    pass.set_scissor_rect(0, 0, width, height);
}

/// Records one compute pass over a `size` image in 8×8 workgroups.
fn dispatch(
    encoder: &mut wgpu::CommandEncoder,
    label: &str,
    pipeline: &wgpu::ComputePipeline,
    bind_group: &wgpu::BindGroup,
    (width, height): (u32, u32),
) {
    let mut pass =
        encoder.begin_compute_pass(&wgpu::ComputePassDescriptor { label: Some(label), timestamp_writes: None });
    pass.set_pipeline(pipeline);
    pass.set_bind_group(0, bind_group, &[]);
    pass.dispatch_workgroups(width.div_ceil(WORKGROUP), height.div_ceil(WORKGROUP), 1);
}
