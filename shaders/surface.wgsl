// Surface stage: draws the model into one view (a tile of the frame) in one of three styles.
//   hologram  (vs_main + fs_hologram): Fresnel rim glow, scanlines, fill, blended additively;
//   shaded    (vs_main + fs_shaded):   key/fill/rim lights on the base colour, blended "over";
//   wireframe (vs_wire + fs_wire):     glowing screen-space lines, one instance per edge.
// Output is premultiplied linear light in a floating-point target (ARCHITECTURE.md, "Conventions").

struct ViewUniforms {
    view_projection: mat4x4<f32>,
    // xyz: camera position in world space, w: clip time in seconds.
    eye: vec4<f32>,
    // rgb: hologram colour (linear), a: rim whitening.
    color: vec4<f32>,
    // x: rim power, y: rim strength, z: fill brightness, w: fill opacity.
    rim_fill: vec4<f32>,
    // x: scanlines per view (or model) height, y: strength, z: scroll per second, w: 1 = model space.
    scanlines: vec4<f32>,
    // xy: the view's top-left corner in the frame (pixels), zw: its width and height.
    view_rect: vec4<f32>,
    // x: world height of the model's bottom, y: model height, z: flicker brightness factor,
    // w: 1 = back faces of single-sided surfaces are culled (the shaded style).
    model: vec4<f32>,
    // x: half line width (pixels), y: line brightness, z: how far lines are pulled towards the eye
    // (in line reaches),
    // w: brightness of hidden lines (relative).
    wire: vec4<f32>,
    // Camera basis in world space, for the shaded style's lights.
    camera_right: vec4<f32>,
    camera_up: vec4<f32>,
    // x: how strongly the base colour's local contrast (panel lines, scratches) drives the
    // hologram's brightness.
    hologram: vec4<f32>,
};

struct Material {
    // Linear base colour factor.
    base_color: vec4<f32>,
    // rgb: emitted linear light (times the emissive texture), a: 1 = unlit.
    emissive: vec4<f32>,
    // x: alpha mode (0 opaque, 1 mask, 2 blend), y: mask cutoff, z: 1 = single-sided,
    // w: normal map scale (0 = no normal map).
    alpha: vec4<f32>,
};

// All materials live in one buffer, indexed by the draw's instance index, so drawing a model
// with many materials does not switch bind groups per draw (each switch costs milliseconds on
// CPU drivers). Textures are bound per group of draws that share one.
// Set per pipeline: the draw's material has an emissive texture or a normal map to read (else
// both are skipped; CPU drivers pay for every texture read).
override MAPS: bool = true;

@group(0) @binding(0) var<uniform> view: ViewUniforms;
@group(1) @binding(0) var<storage, read> materials: array<Material>;
@group(2) @binding(0) var base_texture: texture_2d<f32>;
@group(2) @binding(1) var base_sampler: sampler;
@group(2) @binding(2) var emissive_texture: texture_2d<f32>;
@group(2) @binding(3) var emissive_sampler: sampler;
@group(2) @binding(4) var normal_texture: texture_2d<f32>;
@group(2) @binding(5) var normal_sampler: sampler;

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
    out.clip_position = view.view_projection * vec4<f32>(v.position, 1.0);
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
    return view.view_projection * vec4<f32>(v.position, 1.0);
}

// The pre-pass writes depth only (its colour writes are masked off).
@fragment
fn fs_depth() -> @location(0) vec4<f32> {
    return vec4<f32>(0.0);
}

// The pre-pass of surfaces whose fragments may be discarded: the same tests as their shading.
@fragment
fn fs_depth_discarding(in: VertexOut, @builtin(front_facing) front: bool) -> @location(0) vec4<f32> {
    cull_back_face(in, front);
    let alpha = material_alpha(in, base_color(in).a);
    return vec4<f32>(alpha);
}

// Back faces of a single-sided material are not drawn, in styles that cull (glTF doubleSided).
fn cull_back_face(in: VertexOut, front: bool) {
    if (!front && view.model.w > 0.5 && materials[in.material].alpha.z > 0.5) {
        discard;
    }
}

// The alpha a surface is drawn with, by its material's alpha mode (glTF alphaMode): OPAQUE
// ignores alpha, MASK cuts below the cutoff and is opaque above it, BLEND keeps it.
fn material_alpha(in: VertexOut, alpha: f32) -> f32 {
    let mode = materials[in.material].alpha;
    if (mode.x < 0.5) {
        return 1.0;
    }
    if (mode.x < 1.5) {
        if (alpha < mode.y) {
            discard;
        }
        return 1.0;
    }
    return clamp(alpha, 0.0, 1.0);
}

// Emitted light: the material's emissive factor times its emissive texture.
fn emission(in: VertexOut) -> vec3<f32> {
    if (!MAPS) {
        return materials[in.material].emissive.rgb;
    }
    return materials[in.material].emissive.rgb * textureSample(emissive_texture, emissive_sampler, in.uv).rgb;
}

// The normal `n` (unit, facing the viewer) bent by the material's tangent-space normal map
// (glTF: +X along +u, +Y towards −v, i.e. up the texture), in a tangent frame built from the
// derivatives of position and texture coordinate (no tangents needed); `n` itself without one.
fn mapped_normal(in: VertexOut, n: vec3<f32>) -> vec3<f32> {
    if (!MAPS) {
        return n;
    }
    let scale = materials[in.material].alpha.w;
    // Sampled and differentiated unconditionally (uniform control flow), used only with a map.
    let sample = textureSample(normal_texture, normal_sampler, in.uv).xyz * 2.0 - 1.0;
    let dp1 = dpdx(in.world_position);
    let dp2 = dpdy(in.world_position);
    let duv1 = dpdx(in.uv);
    let duv2 = dpdy(in.uv);
    let dp2perp = cross(dp2, n);
    let dp1perp = cross(n, dp1);
    // Divided by the sign of the screen-space determinant: its sign depends on the framebuffer's
    // y direction (down in wgpu), its size is normalised away below.
    let orientation = select(-1.0, 1.0, dot(dp1, dp2perp) >= 0.0);
    let t = (dp2perp * duv1.x + dp1perp * duv2.x) * orientation;
    let b = (dp2perp * duv1.y + dp1perp * duv2.y) * orientation;
    let size = max(dot(t, t), dot(b, b));
    let tangent_space = vec3<f32>(sample.xy * scale, sample.z);
    // `b` points along +v; glTF's +Y points along −v.
    let bent = t * tangent_space.x - b * tangent_space.y + n * tangent_space.z * sqrt(size);
    let usable = scale != 0.0 && size > 1e-20 && length(bent) > 0.0;
    return select(n, normalize(bent), usable);
}

// Khronos PBR Neutral tone mapping: colours up to about 0.8 stay as they are (the base colour
// reads true), brighter light rolls off towards white instead of clipping, so white surfaces
// keep their shading.
fn tone_map(color_in: vec3<f32>) -> vec3<f32> {
    let start = 0.8 - 0.04;
    let desaturation = 0.15;
    let x = min(color_in.r, min(color_in.g, color_in.b));
    let offset = select(0.04, x - 6.25 * x * x, x < 0.08);
    var color = color_in - offset;
    let peak = max(color.r, max(color.g, color.b));
    if (peak < start) {
        return color;
    }
    let d = 1.0 - start;
    let new_peak = 1.0 - d * d / (peak + d - start);
    color *= new_peak / peak;
    let g = 1.0 - 1.0 / (desaturation * (peak - new_peak) + 1.0);
    return mix(color, vec3<f32>(new_peak), g);
}

fn luminance(c: vec3<f32>) -> f32 {
    return dot(c, vec3<f32>(0.2126, 0.7152, 0.0722));
}

// Base colour × vertex colour × texture. Untextured draws bind a 1×1 white texture, so
// sampling is unconditional (and uniform).
fn base_color(in: VertexOut) -> vec4<f32> {
    return materials[in.material].base_color * in.color * textureSample(base_texture, base_sampler, in.uv);
}

// 1 between scanlines, 1 - strength on them. Screen space: per view height, so 720p and 4K look
// alike; model space: per model height, so the lines ride along with the model.
// Band-limited: the stripe (a raised cosine) is averaged over the pixel's footprint `w` (in
// line periods, from the derivatives of the line coordinate), which scales its contrast by
// sinc(πw), and faded to nothing as the period nears 2 pixels (w → 0.5), where it could only
// alias. The mean brightness stays 1 - strength/2 at every size, so a small preview looks like
// the large frame shrunk, and model-space slices seen edge-on grey out instead of stair-stepping.
fn scanline(in: VertexOut) -> f32 {
    var y = (in.clip_position.y - view.view_rect.y) / view.view_rect.w;
    if (view.scanlines.w > 0.5) {
        y = (in.world_position.y - view.model.x) / view.model.y;
    }
    let phase = (y + view.scanlines.z * view.eye.w) * view.scanlines.x;
    let w = max(length(vec2<f32>(dpdx(phase), dpdy(phase))), 1e-4);
    let box_average = sin(3.14159265 * w) / (3.14159265 * w);
    let contrast = select(box_average, 0.0, w >= 0.5) * (1.0 - smoothstep(0.25, 0.5, w));
    let line = 0.5 + 0.5 * cos(6.2831853 * phase) * contrast;
    return 1.0 - view.scanlines.y * line;
}

@fragment
fn fs_hologram(in: VertexOut) -> @location(0) vec4<f32> {
    let base_sample = base_color(in);
    let base = vec4<f32>(base_sample.rgb, material_alpha(in, base_sample.a));
    let view_dir = normalize(view.eye.xyz - in.world_position);
    let n = normalize(in.normal);
    // Two-sided: the rim is where the surface turns away from the viewer, whichever side we see.
    let facing = abs(dot(n, view_dir));
    let fresnel = pow(1.0 - clamp(facing, 0.0, 1.0), view.rim_fill.x);

    // Detail from the model: brightness follows the base colour's luminance, never fully dark,
    // and its local contrast: the texel against the texture's average around it (a coarser mip
    // level), so panel lines and scratches show even where the colour is uniformly dark.
    let tint = materials[in.material].base_color.rgb * in.color.rgb;
    let surroundings = tint * textureSampleBias(base_texture, base_sampler, in.uv, 4.0).rgb;
    let contrast = clamp(view.hologram.x * 4.0 * (luminance(base.rgb) - luminance(surroundings)), -0.8, 2.0);
    let detail = (0.3 + 0.7 * clamp(luminance(base.rgb), 0.0, 1.0)) * (1.0 + contrast);
    let fill = view.rim_fill.z * detail;
    let rim = view.rim_fill.y * fresnel * (1.0 + 0.5 * contrast);
    let scan = scanline(in);

    let rim_color = mix(view.color.rgb, vec3<f32>(1.0), view.color.a * fresnel);
    // Emissive parts are the brightest layer: they glow in the hologram's colour, whitened.
    let glow = 2.0 * luminance(emission(in));
    let glow_color = mix(view.color.rgb, vec3<f32>(1.0), 0.35) * glow;
    let rgb = (view.color.rgb * fill + rim_color * rim + glow_color) * scan;
    // Material transparency thins the hologram but never hides it: a fully transparent
    // material (`d 0` in OBJ) would otherwise render an empty frame.
    let presence = (0.25 + 0.75 * clamp(base.a, 0.0, 1.0)) * view.model.z;
    let alpha = clamp((view.rim_fill.w + fresnel + glow) * presence * scan, 0.0, 1.0);
    return vec4<f32>(rgb * presence, alpha);
}

// Shaded reference look: a hemisphere ambient, a warm key light from the upper left, a cool
// fill from the right, a Blinn-Phong highlight and a rim light, all fixed to the camera so
// every frame of a turntable is lit alike.
@fragment
fn fs_shaded(in: VertexOut, @builtin(front_facing) front: bool) -> @location(0) vec4<f32> {
    cull_back_face(in, front);
    let base = base_color(in);
    let alpha = material_alpha(in, base.a);
    let emitted = emission(in);
    if (materials[in.material].emissive.a > 0.5) {
        // Unlit (KHR_materials_unlit): the base colour as it is, not tone-mapped.
        return vec4<f32>((base.rgb + emitted) * alpha, alpha);
    }
    let v = normalize(view.eye.xyz - in.world_position);
    var n = normalize(in.normal);
    if (dot(n, v) < 0.0) {
        n = -n;
    }
    n = mapped_normal(in, n);
    let right = view.camera_right.xyz;
    let up = view.camera_up.xyz;
    let back = cross(right, up);
    let key = normalize(-0.55 * right + 0.65 * up + 0.55 * back);
    let fill = normalize(0.8 * right + 0.1 * up + 0.5 * back);
    let world_up = vec3<f32>(0.0, 1.0, 0.0);
    let ambient = mix(0.10, 0.28, 0.5 + 0.5 * dot(n, world_up));
    let diffuse = ambient + 0.95 * max(dot(n, key), 0.0) * vec3<f32>(1.0, 0.97, 0.92)
        + 0.35 * max(dot(n, fill), 0.0) * vec3<f32>(0.85, 0.92, 1.0);
    let h = normalize(key + v);
    let specular = 0.25 * pow(max(dot(n, h), 0.0), 48.0);
    let rim = 0.35 * pow(1.0 - max(dot(n, v), 0.0), 4.0);
    let rgb = tone_map(base.rgb * diffuse + vec3<f32>(specular + rim) + emitted);
    return vec4<f32>(rgb * alpha, alpha);
}

struct WireOut {
    @builtin(position) clip_position: vec4<f32>,
    // Signed distance from the line's centre, in pixels (linear in screen space).
    @location(0) @interpolate(linear) across: f32,
};

// `p` pulled towards the eye by `view.wire.z` line reaches measured in pixels at `p`, so a line
// wins the depth test against its own faces across its whole width, even where a face meets it
// at a grazing angle (a crease or silhouette), at any resolution. One pixel at depth w spans
// 2w / (P11 · height) world units, perspective or orthographic (w = 1); P11 is the length of the
// view-projection's second row (the view matrix is a rotation).
fn pulled(p: vec3<f32>) -> vec3<f32> {
    let m = view.view_projection;
    let p11 = length(vec3<f32>(m[0].y, m[1].y, m[2].y));
    let w = max((m * vec4<f32>(p, 1.0)).w, 1e-6);
    let pixel = 2.0 * w / (p11 * view.view_rect.w);
    let to_eye = view.eye.xyz - p;
    let distance = length(to_eye);
    // At most 1.5 % of the distance: in a small picture a pixel is large, and lines just behind
    // a surface would show through it.
    let pull = min(view.wire.z * (view.wire.x + 1.0) * pixel, 0.015 * distance);
    return p + to_eye / max(distance, 1e-12) * pull;
}

// One screen-space quad per edge: two triangles (6 vertices), `view.wire.x` pixels either side
// of the line plus one pixel for its anti-aliased border, so lines keep their width at any
// resolution.
@vertex
fn vs_wire(@builtin(vertex_index) corner: u32, @location(0) a: vec3<f32>, @location(1) b: vec3<f32>) -> WireOut {
    var out: WireOut;
    let ca = view.view_projection * vec4<f32>(pulled(a), 1.0);
    let cb = view.view_projection * vec4<f32>(pulled(b), 1.0);
    if (ca.w <= 1e-6 || cb.w <= 1e-6) {
        // Behind the camera: a degenerate triangle outside the view.
        out.clip_position = vec4<f32>(2.0, 2.0, 2.0, 1.0);
        out.across = 0.0;
        return out;
    }
    let half_size = 0.5 * view.view_rect.zw;
    let sa = ca.xy / ca.w * half_size;
    let sb = cb.xy / cb.w * half_size;
    var along = sb - sa;
    if (length(along) < 1e-6) {
        along = vec2<f32>(1.0, 0.0);
    }
    let dir = normalize(along);
    let normal = vec2<f32>(-dir.y, dir.x);
    let at_b = corner == 1u || corner == 4u || corner == 5u;
    let side = select(-1.0, 1.0, corner == 2u || corner == 3u || corner == 5u);
    // Across: the half width and a pixel for the anti-aliased border; along: a square cap of
    // the half width (more would pile light up into dots where lines meet at a corner).
    let reach = view.wire.x + 1.0;
    var c = select(ca, cb, at_b);
    let offset = normal * side * reach + dir * select(-1.0, 1.0, at_b) * view.wire.x;
    c = vec4<f32>(c.xy + offset / half_size * c.w, c.zw);
    out.clip_position = c;
    out.across = side * reach;
    return out;
}

// The light of a line at `in`, `brightness` times the look's: the share of the pixel the line
// covers (a one-pixel box against a strip `2 × view.wire.x` wide, computed exactly, so a line
// gives every row or column it crosses the same light, wherever its centre falls between pixel
// centres: it never beads or vanishes). Lines a few pixels wide also glow, whitened, towards
// their centre; thinner ones cannot show a profile and keep an even tint.
fn wire_light(in: WireOut, brightness: f32) -> vec4<f32> {
    let half_width = view.wire.x;
    let d = abs(in.across);
    let coverage = clamp(min(half_width, d + 0.5) - max(-half_width, d - 0.5), 0.0, 1.0);
    let centre = 1.0 - clamp(d / half_width, 0.0, 1.0);
    let profiled = smoothstep(1.5, 4.0, half_width);
    let glow = coverage * mix(1.0, 0.45 + 0.55 * centre * centre, profiled);
    let whiten = mix(0.35, 0.6 * centre, profiled);
    let rgb = mix(view.color.rgb, vec3<f32>(1.0), whiten) * glow * view.wire.y * brightness * view.model.z;
    return vec4<f32>(rgb, clamp(glow * brightness * view.model.z, 0.0, 1.0));
}

@fragment
fn fs_wire(in: WireOut) -> @location(0) vec4<f32> {
    return wire_light(in, 1.0);
}

// Lines behind the front-most surface (drawn where the depth test fails), dimmed.
@fragment
fn fs_wire_hidden(in: WireOut) -> @location(0) vec4<f32> {
    return wire_light(in, view.wire.w);
}
