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
    // x: frame height in pixels.
    target_size: vec4<f32>,
};

struct MaterialUniforms {
    base_color: vec4<f32>,
    // x: 1 when a base-colour texture is bound.
    flags: vec4<f32>,
};

@group(0) @binding(0) var<uniform> frame: FrameUniforms;
@group(1) @binding(0) var<uniform> material: MaterialUniforms;
@group(1) @binding(1) var base_texture: texture_2d<f32>;
@group(1) @binding(2) var base_sampler: sampler;

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
};

@vertex
fn vs_main(v: VertexIn) -> VertexOut {
    var out: VertexOut;
    out.clip_position = frame.view_projection * vec4<f32>(v.position, 1.0);
    out.world_position = v.position;
    out.normal = v.normal;
    out.uv = v.uv;
    out.color = v.color;
    return out;
}

fn luminance(c: vec3<f32>) -> f32 {
    return dot(c, vec3<f32>(0.2126, 0.7152, 0.0722));
}

@fragment
fn fs_main(in: VertexOut) -> @location(0) vec4<f32> {
    var base = material.base_color * in.color;
    if (material.flags.x > 0.5) {
        base = base * textureSample(base_texture, base_sampler, in.uv);
    }
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
    let presence = 0.25 + 0.75 * clamp(base.a, 0.0, 1.0);
    let alpha = clamp((frame.rim_fill.w + fresnel) * presence * scan, 0.0, 1.0);
    return vec4<f32>(rgb * presence, alpha);
}
