//! One render in progress: the scene on the GPU, the target and uniforms, and the ring of
//! readback buffers that lets the GPU draw frame i+1 while frame i is read back.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use super::failure::{CapturedErrors, GpuFailures};
use super::gpu_scene::GpuScene;
use super::passes::{bloom_passes, dispatch, draw_views, encode_bind_group, BloomPasses, ViewPart};
use super::pipelines::{EncodePipelines, Pipelines, VIEW_UNIFORM_STRIDE};
use super::target::FrameTarget;
use super::uniforms::{encode_uniforms_for, model_extent, view_uniform_bytes, EncodeUniforms, ViewUniforms};
use super::{FrameInput, RenderSettings};
use crate::frame::Frame;
use crate::scene::{Bounds, Scene};

/// Readback buffers in flight: the GPU draws frame i+1 while frame i is read back.
const READBACK_RING: usize = 3;

/// The GPU resources of one render, made once before its first frame.
struct FrameResources {
    gpu_scene: GpuScene,
    target: FrameTarget,
    view_uniforms: wgpu::Buffer,
    /// One bind group per view, each at its own offset in `view_uniforms`.
    view_bind_groups: Vec<wgpu::BindGroup>,
    encode_uniforms: wgpu::Buffer,
    encode_bind_group: wgpu::BindGroup,
    /// The encode pass specialised for this render.
    encode: EncodePipelines,
    /// The bloom passes of each glow scale in use.
    bloom_passes: Vec<BloomPasses>,
    /// Bottom and height of the model, for scanlines in model space.
    model: [f32; 2],
}

impl FrameResources {
    /// Uploads `scene` and allocates the target, uniforms and bind groups for `settings`.
    fn new(
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        pipelines: &Pipelines,
        scene: &Scene,
        settings: &RenderSettings,
        max_texture_side: u32,
    ) -> Self {
        let look = &settings.look;
        let gpu_scene = GpuScene::upload(device, queue, pipelines, scene, max_texture_side, look.line_angle());
        // The glow scales the look uses, each with its own downsampled images.
        let scales = look.glow_scales().map(|(radius, strength)| (strength > 0.0).then_some(radius));
        let bloom_tiles = scales.map(|radius| radius.map(|r| settings.tiling.bloom_tile(r)));
        let target = FrameTarget::new(device, &settings.tiling, settings.aa.samples(), READBACK_RING, bloom_tiles);
        let uniform_buffer = |label: &str, size: u64| {
            device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(label),
                size,
                usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
                mapped_at_creation: false,
            })
        };
        let view_uniforms = uniform_buffer("view uniforms", VIEW_UNIFORM_STRIDE * settings.tiling.views() as u64);
        let view_bind_groups = (0..settings.tiling.views() as u64)
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
        let bloom_passes = (0..scales.len())
            .filter(|&scale| scales[scale].is_some())
            .map(|scale| bloom_passes(device, pipelines, &target, settings, scale))
            .collect();
        Self {
            gpu_scene,
            target,
            view_uniforms,
            view_bind_groups,
            encode_uniforms,
            encode_bind_group,
            encode: pipelines.encode_for(device, settings),
            bloom_passes,
            model: model_extent(&Bounds::of_meshes(&scene.meshes)),
        }
    }
}

/// What one recording step draws: some parts of the views, the bloom, the encode pass, or the
/// copy into a readback buffer.
#[derive(Clone, Copy)]
enum Stage<'p> {
    Views(&'p [ViewPart]),
    Bloom,
    Encode,
    Readback,
}

/// A stage of a frame as [`FrameStream::profile`] times it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageName {
    /// Writing the frame's uniforms and posed vertices.
    Upload,
    /// One part of drawing the views.
    View(ViewPart),
    /// The bright passes and blurs of every glow scale.
    Bloom,
    /// Composition, glitch, anti-aliasing and 8-bit encoding of the output picture.
    Encode,
    /// Copying the output into a mapped buffer and unpadding its rows.
    Readback,
}

impl StageName {
    /// The stage's name in the benchmark's table.
    pub fn label(self) -> &'static str {
        match self {
            StageName::Upload => "upload",
            StageName::View(ViewPart::DepthPrepass) => "depth pre-pass",
            StageName::View(ViewPart::Surfaces) => "surfaces",
            StageName::View(ViewPart::Edges) => "edges",
            StageName::Bloom => "bloom",
            StageName::Encode => "encode",
            StageName::Readback => "readback",
        }
    }
}

/// A frame submitted to the GPU and not yet read back.
struct InFlight {
    index: u32,
    slot: usize,
    submission: wgpu::SubmissionIndex,
}

/// A render in progress (see [`super::Renderer::begin`]): frames go in as [`FrameInput`]s and
/// come out as [`Frame`]s in the order they went in, at most a ring's worth behind.
pub struct FrameStream<'r> {
    device: &'r wgpu::Device,
    queue: &'r wgpu::Queue,
    pipelines: &'r Pipelines,
    resources: FrameResources,
    settings: RenderSettings,
    failures: GpuFailures,
    in_flight: VecDeque<InFlight>,
    submitted: usize,
}

impl<'r> FrameStream<'r> {
    /// Uploads `scene`, allocates what a render with `settings` needs, and has nothing in flight yet.
    pub(super) fn new(
        (device, queue, pipelines): (&'r wgpu::Device, &'r wgpu::Queue, &'r Pipelines),
        scene: &Scene,
        settings: &RenderSettings,
        max_texture_side: u32,
        failures: GpuFailures,
    ) -> Self {
        let resources = FrameResources::new(device, queue, pipelines, scene, settings, max_texture_side);
        let settings = *settings;
        Self { device, queue, pipelines, resources, settings, failures, in_flight: VecDeque::new(), submitted: 0 }
    }

    /// Renders `inputs` in order and yields their frames as they come back, at most a ring's
    /// worth behind; after an error it yields nothing more.
    pub fn frames<I: IntoIterator<Item = FrameInput>>(self, inputs: I) -> Frames<'r, I::IntoIter> {
        Frames { stream: self, inputs: inputs.into_iter(), failed: false }
    }

    /// Draws one frame. When the ring is full, the oldest frame is read back first and returned.
    fn submit(&mut self, input: &FrameInput) -> Result<Option<Frame>> {
        let finished = match self.in_flight.len() == READBACK_RING {
            true => self.next_in_flight()?,
            false => None,
        };
        let slot = self.submitted % READBACK_RING;
        let frame_errors = CapturedErrors::start(self.device);
        self.upload(input);
        let mut encoder = self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("frame") });
        for stage in [Stage::Views(&ViewPart::ALL), Stage::Bloom, Stage::Encode, Stage::Readback] {
            self.record(&mut encoder, stage, input, slot);
        }
        let submission = self.queue.submit([encoder.finish()]);
        self.resources.target.readback[slot].map_async(wgpu::MapMode::Read, .., |_| {});
        if let Some(error) = frame_errors.finish() {
            return Err(self.failures.explain(error));
        }
        self.in_flight.push_back(InFlight { index: input.index, slot, submission });
        self.submitted += 1;
        Ok(finished)
    }

    /// Draws one frame a stage at a time, each submitted alone and waited for, and returns the
    /// frame with the wall time of every stage (for `holoforge bench`; a frame drawn this way has
    /// the same pixels as one drawn by [`FrameStream::frames`]).
    pub fn profile(&mut self, input: &FrameInput) -> Result<(Frame, Vec<(StageName, Duration)>)> {
        while self.next_in_flight()?.is_some() {}
        let frame_errors = CapturedErrors::start(self.device);
        let mut times = Vec::new();
        let started = Instant::now();
        self.upload(input);
        self.wait_for(self.queue.submit([]))?;
        times.push((StageName::Upload, started.elapsed()));
        let parts = ViewPart::ALL
            .map(|part| (StageName::View(part), Stage::Views(std::slice::from_ref(&ViewPart::ALL[part as usize]))));
        for (name, stage) in
            parts.into_iter().chain([(StageName::Bloom, Stage::Bloom), (StageName::Encode, Stage::Encode)])
        {
            let started = Instant::now();
            let mut encoder =
                self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("stage") });
            self.record(&mut encoder, stage, input, 0);
            self.wait_for(self.queue.submit([encoder.finish()]))?;
            times.push((name, started.elapsed()));
        }
        let started = Instant::now();
        let mut encoder =
            self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("readback") });
        self.record(&mut encoder, Stage::Readback, input, 0);
        let submission = self.queue.submit([encoder.finish()]);
        self.resources.target.readback[0].map_async(wgpu::MapMode::Read, .., |_| {});
        let frame =
            read_back(self.device, &self.resources.target, InFlight { index: input.index, slot: 0, submission })
                .map_err(|e| self.failures.explain_readback(e))?;
        times.push((StageName::Readback, started.elapsed()));
        if let Some(error) = frame_errors.finish() {
            return Err(self.failures.explain(error));
        }
        Ok((frame, times))
    }

    /// Writes a frame's uniforms (and posed vertices) into their buffers.
    fn upload(&self, input: &FrameInput) {
        let (queue, resources, settings) = (self.queue, &self.resources, &self.settings);
        queue.write_buffer(&resources.view_uniforms, 0, &view_uniform_bytes(input, settings, resources.model));
        queue.write_buffer(&resources.encode_uniforms, 0, bytemuck::bytes_of(&encode_uniforms_for(input, settings)));
        if let Some(vertices) = &input.vertices {
            resources.gpu_scene.write_vertices(queue, vertices);
        }
    }

    /// Records one stage of the frame of `input`; the readback copies into buffer `slot`.
    fn record(&self, encoder: &mut wgpu::CommandEncoder, stage: Stage, input: &FrameInput, slot: usize) {
        let (pipelines, resources, settings) = (self.pipelines, &self.resources, &self.settings);
        let target = &resources.target;
        match stage {
            Stage::Views(parts) => {
                let eyes: Vec<glam::Vec3> = input.views.iter().map(|v| v.eye).collect();
                let groups = &resources.view_bind_groups;
                draw_views(encoder, pipelines, &resources.gpu_scene, target, groups, &eyes, settings, parts);
            }
            Stage::Bloom => {
                for passes in &resources.bloom_passes {
                    passes.record(encoder, pipelines);
                }
            }
            Stage::Encode => {
                let size = (target.width, target.height);
                let encode = match settings.look.glitch_at(input.time) {
                    Some(_) => &resources.encode.glitching,
                    None => &resources.encode.calm,
                };
                dispatch(encoder, "encode", encode, &resources.encode_bind_group, size);
            }
            Stage::Readback => target.copy_to_readback(encoder, slot),
        }
    }

    /// Waits until `submission` has finished on the GPU.
    fn wait_for(&self, submission: wgpu::SubmissionIndex) -> Result<()> {
        wait(self.device, submission)
    }

    /// Waits for the oldest frame still on the GPU and returns it; None once every submitted
    /// frame has come out.
    fn next_in_flight(&mut self) -> Result<Option<Frame>> {
        let Some(oldest) = self.in_flight.pop_front() else { return Ok(None) };
        read_back(self.device, &self.resources.target, oldest).map(Some).map_err(|e| self.failures.explain_readback(e))
    }
}

/// The frames of a [`FrameStream`], in the order of their inputs (see [`FrameStream::frames`]).
pub struct Frames<'r, I> {
    stream: FrameStream<'r>,
    inputs: I,
    failed: bool,
}

impl<I: Iterator<Item = FrameInput>> Iterator for Frames<'_, I> {
    type Item = Result<Frame>;

    fn next(&mut self) -> Option<Result<Frame>> {
        if self.failed {
            return None;
        }
        let finished = loop {
            let step = match self.inputs.next() {
                Some(input) => self.stream.submit(&input),
                None => break self.stream.next_in_flight().transpose(),
            };
            match step {
                Ok(None) => continue,
                finished => break finished.transpose(),
            }
        };
        self.failed = matches!(finished, Some(Err(_)));
        finished
    }
}

/// Waits for a frame's submission and copies its pixels out of readback buffer `slot`.
fn read_back(
    device: &wgpu::Device,
    target: &FrameTarget,
    InFlight { index, slot, submission }: InFlight,
) -> Result<Frame> {
    wait(device, submission)?;
    let buffer = &target.readback[slot];
    let rgba = {
        let view = buffer.get_mapped_range(..).context("cannot map the readback buffer")?;
        target.rows.unpad(&view, target.height)
    };
    buffer.unmap();
    Ok(Frame { index, width: target.width, height: target.height, rgba })
}

/// Waits until `submission` has finished on the GPU.
fn wait(device: &wgpu::Device, submission: wgpu::SubmissionIndex) -> Result<()> {
    device
        .poll(wgpu::PollType::Wait { submission_index: Some(submission), timeout: None })
        .context("the GPU did not finish the frame")?;
    Ok(())
}
