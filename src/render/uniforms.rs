//! The uniform blocks the shaders read, laid out as their WGSL structs, filled from the settings
//! and each frame's inputs.

use super::pipelines::VIEW_UNIFORM_STRIDE;
use super::{Compose, FrameInput, RenderSettings};
use crate::look::{Background, ScanlineSpace, Style};
use crate::scene::Bounds;

/// Widest glitch shift (intensity 1), as a fraction of the view width.
pub(super) const GLITCH_MAX_SHIFT: f32 = 0.15;
/// Glitch bands per view height.
pub(super) const GLITCH_BANDS: f32 = 12.0;
/// How far lines are pulled towards the eye so they win against their own faces, in line
/// reaches (half width + 1 px) measured in pixels at the line: enough for a face that meets the
/// line within about 20° of edge-on.
pub(super) const WIRE_DEPTH_PULL: f32 = 3.0;
/// Half the narrowest line drawn, in pixels: thinner lines are drawn this wide and dimmer (the
/// same light), so they never fall between pixel centres.
pub(super) const MIN_HALF_LINE: f32 = 0.75;

/// Per-view uniforms, laid out as `ViewUniforms` in `surface.wgsl`.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
pub(super) struct ViewUniforms {
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
    hologram: [f32; 4],
}

/// Encode-pass uniforms, laid out as `EncodeUniforms` in `encode.wgsl`.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
pub(super) struct EncodeUniforms {
    background: [f32; 4],
    tiles: [u32; 4],
    compose: [u32; 4],
    glitch: [f32; 4],
    glitch_extra: [f32; 4],
    bloom: [f32; 4],
    halo: [f32; 4],
}

/// Bloom-pass uniforms, laid out as `BloomUniforms` in `bloom.wgsl`.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
pub(super) struct BloomUniforms {
    pub(super) tiles: [u32; 4],
    pub(super) params: [f32; 4],
    pub(super) direction: [i32; 4],
}

/// Bottom and height of the model, for scanlines in model space.
pub(super) fn model_extent(bounds: &Bounds) -> [f32; 2] {
    let height = bounds.max[1] - bounds.min[1];
    if bounds.is_finite() && height > 0.0 {
        [bounds.min[1], height]
    } else {
        [0.0, 1.0]
    }
}

/// Every view's uniforms, each at its offset in the view buffer.
pub(super) fn view_uniform_bytes(
    input: &FrameInput,
    settings: &RenderSettings,
    [model_bottom, model_height]: [f32; 2],
) -> Vec<u8> {
    let look = &settings.look;
    let tiling = &settings.tiling;
    let [r, g, b] = look.color.to_linear();
    let (tile_width, tile_height) = (tiling.tile_width as f32, tiling.tile_height as f32);
    let model_space = if look.scanline_space == ScanlineSpace::Model { 1.0 } else { 0.0 };
    let requested_half_line = look.wire_width / 1000.0 * tile_height * 0.5;
    let half_line = requested_half_line.max(MIN_HALF_LINE);
    // The wireframe's own lines, or the hologram's glowing creases.
    let line_brightness = match look.style {
        Style::Hologram => look.edge_glow,
        _ => look.wire_brightness,
    } * requested_half_line
        / half_line;
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
            // w: the style culls back faces of single-sided surfaces (only the shaded reference does).
            model: [
                model_bottom,
                model_height,
                look.flicker_at(input.time),
                (look.style == Style::Shaded) as u32 as f32,
            ],
            wire: [half_line, line_brightness, WIRE_DEPTH_PULL, look.wire_hidden],
            camera_right: camera.view.row(0).truncate().extend(0.0).into(),
            camera_up: camera.view.row(1).truncate().extend(0.0).into(),
            hologram: [look.detail, 0.0, 0.0, 0.0],
        };
        let start = i * VIEW_UNIFORM_STRIDE as usize;
        bytes[start..start + std::mem::size_of::<ViewUniforms>()].copy_from_slice(bytemuck::bytes_of(&uniforms));
    }
    bytes
}

pub(super) fn encode_uniforms_for(input: &FrameInput, settings: &RenderSettings) -> EncodeUniforms {
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
        Compose::Pyramid { inward, mirror, .. } => [1, inward as u32, tiling.tile_width, mirror as u32],
        Compose::Circle => [2, 0, 0, 0],
        Compose::Quilt { height, .. } => [3, 0, height - tiling.rows * tiling.tile_height, 0],
    };
    let (glitch, glitch_extra) = match look.glitch_at(input.time) {
        Some(key) => (
            [look.glitch * GLITCH_MAX_SHIFT, GLITCH_BANDS, key as f32, look.glitch_split],
            [look.glitch_spike, look.glitch_jitter, 0.0, 0.0],
        ),
        None => ([0.0; 4], [0.0; 4]),
    };
    let scale = |(radius, strength): (f32, f32)| {
        let (width, height) = tiling.bloom_tile(radius);
        [strength, tiling.bloom_factor(radius) as f32, width as f32, height as f32]
    };
    let [core, halo] = look.glow_scales();
    EncodeUniforms {
        background,
        tiles: [tiling.tile_width, tiling.tile_height, tiling.cols, tiling.rows],
        compose,
        glitch,
        glitch_extra,
        bloom: scale(core),
        halo: scale(halo),
    }
}
