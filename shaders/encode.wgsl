// Final pass: turns the resolved premultiplied linear image into 8-bit sRGB with straight alpha,
// composited over an opaque background when the job has one (DESIGN.md, "Colour").

struct EncodeUniforms {
    // rgb: background colour (sRGB-encoded), a: 1 for an opaque background, 0 for transparent.
    background: vec4<f32>,
};

@group(0) @binding(0) var<uniform> params: EncodeUniforms;
@group(0) @binding(1) var source: texture_2d<f32>;

@vertex
fn vs_fullscreen(@builtin(vertex_index) index: u32) -> @builtin(position) vec4<f32> {
    // One triangle that covers the whole target.
    let x = f32((index << 1u) & 2u) * 2.0 - 1.0;
    let y = f32(index & 2u) * 2.0 - 1.0;
    return vec4<f32>(x, y, 0.0, 1.0);
}

fn linear_to_srgb(c: vec3<f32>) -> vec3<f32> {
    let low = c * 12.92;
    let high = 1.055 * pow(c, vec3<f32>(1.0 / 2.4)) - 0.055;
    return select(high, low, c <= vec3<f32>(0.0031308));
}

@fragment
fn fs_encode(@builtin(position) position: vec4<f32>) -> @location(0) vec4<f32> {
    let premultiplied = max(textureLoad(source, vec2<i32>(position.xy), 0), vec4<f32>(0.0));
    // Additive glow can make colour exceed coverage: widen alpha so the colour survives un-premultiplying.
    let alpha = clamp(max(premultiplied.a, max(premultiplied.r, max(premultiplied.g, premultiplied.b))), 0.0, 1.0);
    var straight = vec3<f32>(0.0);
    if (alpha > 0.0) {
        straight = clamp(premultiplied.rgb / alpha, vec3<f32>(0.0), vec3<f32>(1.0));
    }
    if (params.background.a > 0.5) {
        // "Over" an opaque colour on the encoded values, as compositing tools do with 8-bit straight
        // alpha, so a transparent render composited over C matches this render to rounding.
        let composited = linear_to_srgb(straight) * alpha + params.background.rgb * (1.0 - alpha);
        return vec4<f32>(composited, 1.0);
    }
    return vec4<f32>(linear_to_srgb(straight), alpha);
}
