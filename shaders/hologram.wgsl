// Hologram surface shader: Fresnel rim glow + scanlines, tinted by the hologram colour, with the
// model's base colour / texture / vertex colour modulating brightness. Output is premultiplied
// linear light, blended additively into a floating-point target (see DESIGN.md, "Render path").

struct FrameUniforms {
    view_projection: mat4x4<f32>,
    // xyz: camera position in world space.
    eye: vec4<f32>,
    // rgb: hologram colour (linear), a: rim colour mix.
    color: vec4<f32>,
    // x: rim power, y: rim strength, z: fill brightness, w: fill opacity.
    rim_fill: vec4<f32>,
    // x: scanlines per frame height, y: scanline strength, z: scroll (frame heights per second), w: time (s).
    scanlines: vec4<f32>,
    // x: frame height in pixels, y: width, z: flicker brightness factor for this frame.
    target_size: vec4<f32>,
};

struct Material {
    // Linear base colour factor.
    base_color: vec4<f32>,
};

// All materials live in one buffer, indexed by the draw's instance index, so drawing a model
// with many materials does not switch bind groups per draw (each switch costs milliseconds on
// CPU drivers). Textures are bound per group of draws that share one.
@group(0) @binding(0) var<uniform> frame: FrameUniforms;
@group(1) @binding(0) var<storage, read> materials: array<Material>;
@group(2) @binding(0) var base_texture: texture_2d<f32>;
@group(2) @binding(1) var base_sampler: sampler;

struct VertexIn {
    @location(0) position: vec3<f32>,
    @location(1) normal: vec3<f32>,
    @location(2) uv: vec2<f32>,
    @location(3) color: vec4<f32>,
};

struct VertexOut {
    @invariant @builtin(position) clip_position: vec4<f32>,
    @location(0) world_position: vec3<f32>,
    @location(1) normal: vec3<f32>,
    @location(2) uv: vec2<f32>,
    @location(3) color: vec4<f32>,
    @location(4) @interpolate(flat) material: u32,
};

@vertex
fn vs_main(v: VertexIn, @builtin(instance_index) material: u32) -> VertexOut {
    var out: VertexOut;
    out.clip_position = frame.view_projection * vec4<f32>(v.position, 1.0);
    out.world_position = v.position;
    out.normal = v.normal;
    out.uv = v.uv;
    out.color = v.color;
    out.material = material;
    return out;
}

// Depth pre-pass: position only, so the front-most surface wins before the additive pass.
@vertex
fn vs_depth(v: VertexIn) -> @invariant @builtin(position) vec4<f32> {
    return frame.view_projection * vec4<f32>(v.position, 1.0);
}

// The pre-pass writes depth only (its colour writes are masked off).
@fragment
fn fs_depth() -> @location(0) vec4<f32> {
    return vec4<f32>(0.0);
}

fn luminance(c: vec3<f32>) -> f32 {
    return dot(c, vec3<f32>(0.2126, 0.7152, 0.0722));
}

@fragment
fn fs_main(in: VertexOut) -> @location(0) vec4<f32> {
    // Untextured draws bind a 1×1 white texture, so sampling is unconditional (and uniform).
    let base = materials[in.material].base_color * in.color * textureSample(base_texture, base_sampler, in.uv);
    let view_dir = normalize(frame.eye.xyz - in.world_position);
    let n = normalize(in.normal);
    // Two-sided: the rim is where the surface turns away from the viewer, whichever side we see.
    let facing = abs(dot(n, view_dir));
    let fresnel = pow(1.0 - clamp(facing, 0.0, 1.0), frame.rim_fill.x);

    // Detail from the model: brightness follows the base colour's luminance, never fully dark.
    let detail = 0.3 + 0.7 * clamp(luminance(base.rgb), 0.0, 1.0);
    let fill = frame.rim_fill.z * detail;
    let rim = frame.rim_fill.y * fresnel;

    // Scanlines in screen space, density per frame height so 720p and 4K look alike.
    let y = in.clip_position.y / frame.target_size.x;
    let phase = (y + frame.scanlines.z * frame.scanlines.w) * frame.scanlines.x;
    let line = 0.5 + 0.5 * cos(6.2831853 * phase);
    let scan = 1.0 - frame.scanlines.y * line;

    let rim_color = mix(frame.color.rgb, vec3<f32>(1.0), frame.color.a * fresnel);
    let rgb = (frame.color.rgb * fill + rim_color * rim) * scan;
    // Material transparency thins the hologram but never hides it: a fully transparent
    // material (`d 0` in OBJ) would otherwise render an empty frame.
    let presence = (0.25 + 0.75 * clamp(base.a, 0.0, 1.0)) * frame.target_size.z;
    let alpha = clamp((frame.rim_fill.w + fresnel) * presence * scan, 0.0, 1.0);
    return vec4<f32>(rgb * presence, alpha);
}
