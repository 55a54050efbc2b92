//! The passes of a frame, recorded into its command encoder: the views, the bloom, the encode.

use super::gpu_scene::{Draw, DrawClass, GpuScene};
use super::pipelines::{Pipelines, Variants};
use super::target::FrameTarget;
use super::uniforms::BloomUniforms;
use super::{RenderSettings, WORKGROUP};
use crate::look::Style;

/// The bloom's three compute passes (bright pass into image a, blur a→b across, b→a down) and their bind groups.
pub(super) struct BloomPasses {
    bright: wgpu::BindGroup,
    across: wgpu::BindGroup,
    down: wgpu::BindGroup,
    size: (u32, u32),
}

/// The passes of glow scale `scale` (0: the core, 1: the halo; see [`crate::look::Look::glow_scales`]).
pub(super) fn bloom_passes(
    device: &wgpu::Device,
    pipelines: &Pipelines,
    target: &FrameTarget,
    settings: &RenderSettings,
    scale: usize,
) -> BloomPasses {
    let tiling = &settings.tiling;
    let look = &settings.look;
    let (radius, _) = look.glow_scales()[scale];
    let (bloom_width, bloom_height) = tiling.bloom_tile(radius);
    let factor = tiling.bloom_factor(radius);
    let sigma = radius * tiling.tile_height as f32 / factor as f32;
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
    let [a, b] = &target.bloom_views[scale];
    BloomPasses {
        bright: group("bloom bright pass", [0; 4], &target.resolved_view, a),
        across: group("bloom blur across", [1, 0, 0, 0], a, b),
        down: group("bloom blur down", [0, 1, 0, 0], b, a),
        size: (bloom_width * tiling.cols, bloom_height * tiling.rows),
    }
}

impl BloomPasses {
    pub(super) fn record(&self, encoder: &mut wgpu::CommandEncoder, pipelines: &Pipelines) {
        dispatch(encoder, "bloom bright pass", &pipelines.bloom_bright, &self.bright, self.size);
        dispatch(encoder, "bloom blur across", &pipelines.bloom_blur, &self.across, self.size);
        dispatch(encoder, "bloom blur down", &pipelines.bloom_blur, &self.down, self.size);
    }
}

pub(super) fn encode_bind_group(
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
            wgpu::BindGroupEntry {
                binding: 2,
                resource: wgpu::BindingResource::TextureView(&target.bloom_views[0][0]),
            },
            wgpu::BindGroupEntry { binding: 3, resource: wgpu::BindingResource::TextureView(&target.output_view) },
            wgpu::BindGroupEntry {
                binding: 4,
                resource: wgpu::BindingResource::TextureView(&target.bloom_views[1][0]),
            },
            wgpu::BindGroupEntry { binding: 5, resource: wgpu::BindingResource::Sampler(&target.glow_sampler) },
        ],
    })
}

/// The parts of drawing the views, in drawing order. A frame draws them all in one render pass;
/// the benchmark (`holoforge bench`) draws each in a pass of its own to time it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewPart {
    /// The depth-only pre-pass that lets only the front-most surface show.
    DepthPrepass,
    /// The style's surfaces.
    Surfaces,
    /// The wireframe's lines and the hologram's glowing edges.
    Edges,
}

impl ViewPart {
    /// Every part, in drawing order.
    pub const ALL: [ViewPart; 3] = [ViewPart::DepthPrepass, ViewPart::Surfaces, ViewPart::Edges];
}

/// Draws the `parts` of every view into its tile: depth pre-pass (unless x-ray), then the style's
/// surfaces and edges. The shaded style draws blended surfaces last, back to front from each
/// view's `eyes`, over the opaque ones and without hiding what lies behind them. A pass that
/// holds the first part clears the target; one that holds the last resolves it.
#[allow(clippy::too_many_arguments)] // one frame's resources, as the frame loop holds them
pub(super) fn draw_views(
    encoder: &mut wgpu::CommandEncoder,
    pipelines: &Pipelines,
    scene: &GpuScene,
    target: &FrameTarget,
    view_bind_groups: &[wgpu::BindGroup],
    eyes: &[glam::Vec3],
    settings: &RenderSettings,
    parts: &[ViewPart],
) {
    let look = &settings.look;
    let first = parts.contains(&ViewPart::ALL[0]);
    let last = parts.contains(&ViewPart::ALL[ViewPart::ALL.len() - 1]);
    // With MSAA the samples are resolved into `resolved_view` (by the pass that draws the last
    // part) and need not be kept after it.
    let (view, resolve_target, store) = match (&target.msaa_view, last) {
        (Some(msaa), true) => (msaa, Some(&target.resolved_view), wgpu::StoreOp::Discard),
        (Some(msaa), false) => (msaa, None, wgpu::StoreOp::Store),
        (None, _) => (&target.resolved_view, None, wgpu::StoreOp::Store),
    };
    let (colour_load, depth_load) = match first {
        true => (wgpu::LoadOp::Clear(wgpu::Color::TRANSPARENT), wgpu::LoadOp::Clear(1.0)),
        false => (wgpu::LoadOp::Load, wgpu::LoadOp::Load),
    };
    let depth_store = if last { wgpu::StoreOp::Discard } else { wgpu::StoreOp::Store };
    let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
        label: Some("views"),
        color_attachments: &[Some(wgpu::RenderPassColorAttachment {
            view,
            depth_slice: None,
            resolve_target,
            ops: wgpu::Operations { load: colour_load, store },
        })],
        depth_stencil_attachment: Some(wgpu::RenderPassDepthStencilAttachment {
            view: &target.depth_view,
            depth_ops: Some(wgpu::Operations { load: depth_load, store: depth_store }),
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
        // The draws in drawing order: the shaded style's blended ones last, farthest first.
        let mut order: Vec<&Draw> = scene.draws.iter().collect();
        if shaded {
            let eye = eyes[index as usize];
            let split = order.partition_point(|d| d.class != DrawClass::Blend);
            order[split..].sort_by(|a, b| b.centre.distance_squared(eye).total_cmp(&a.centre.distance_squared(eye)));
        }
        // Blended shaded surfaces let what lies behind them show: they stay out of the pre-pass.
        let hides = |draw: &Draw| !(shaded && draw.class == DrawClass::Blend);
        // Without x-ray, a depth-only pre-pass lets just the front-most surface show.
        if !xray && parts.contains(&ViewPart::DepthPrepass) {
            pass.set_pipeline(&pipelines.depth_prepass);
            for draw in order.iter().filter(|d| hides(d) && !d.discards) {
                pass.draw_indexed(draw.indices.clone(), draw.base_vertex, 0..1);
            }
            let discarding: Vec<&&Draw> = order.iter().filter(|d| hides(d) && d.discards).collect();
            if !discarding.is_empty() {
                pass.set_pipeline(&pipelines.depth_prepass_discarding);
                pass.set_bind_group(1, &scene.materials, &[]);
                draw_with_textures(&mut pass, scene, None, discarding.into_iter().copied());
            }
        }
        if let Some(variants) = surface.filter(|_| parts.contains(&ViewPart::Surfaces)) {
            pass.set_bind_group(1, &scene.materials, &[]);
            draw_with_textures(&mut pass, scene, Some(variants), order.iter().copied());
        }
        if let Some(edges) = scene.edges.as_ref().filter(|_| parts.contains(&ViewPart::Edges)) {
            pass.set_vertex_buffer(0, edges.buffer.slice(..));
            let instances = 0..edges.pairs.len() as u32;
            if !xray && look.wire_hidden > 0.0 {
                pass.set_pipeline(&pipelines.wire_hidden);
                pass.draw(0..6, instances.clone());
            }
            pass.set_pipeline(if xray { &pipelines.wire_xray } else { &pipelines.wire });
            pass.draw(0..6, instances);
        }
    }
    // wgpu's GL backend resolves MSAA with the last scissor rectangle still set: without this,
    // only the last view would reach the resolved image (llvmpipe; Vulkan is unaffected).
    let (width, height) = tiling.grid_size();
    pass.set_viewport(0.0, 0.0, width as f32, height as f32, 0.0, 1.0);
    pass.set_scissor_rect(0, 0, width, height);
}

/// Draws `draws` with their materials, binding each draw's textures (and, with `variants`, its
/// pipeline variant) when they change.
fn draw_with_textures<'a>(
    pass: &mut wgpu::RenderPass,
    scene: &GpuScene,
    variants: Option<&Variants>,
    draws: impl Iterator<Item = &'a Draw>,
) {
    let (mut bound_texture, mut bound_variant) = (None, None);
    for draw in draws {
        if let Some(variants) = variants.filter(|_| bound_variant != Some(draw.maps)) {
            pass.set_pipeline(variants.for_draw(draw.maps));
            bound_variant = Some(draw.maps);
        }
        if bound_texture != Some(draw.texture) {
            pass.set_bind_group(2, &scene.textures[draw.texture], &[]);
            bound_texture = Some(draw.texture);
        }
        pass.draw_indexed(draw.indices.clone(), draw.base_vertex, draw.material..draw.material + 1);
    }
}

/// Records one compute pass over a `size` image in 8×8 workgroups.
pub(super) fn dispatch(
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
