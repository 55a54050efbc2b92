// Final pass (compute): turns the resolved premultiplied linear image into 8-bit sRGB with
// straight alpha, composited over an opaque background when the job has one (DESIGN.md, "Colour").
// A compute pass rather than a full-screen draw: on lavapipe, a fragment shader that reads a
// just-rendered texture per pixel leaks about one frame of memory per frame (Mesa 22.3).

struct EncodeUniforms {
    // rgb: background colour (sRGB-encoded), a: 1 for an opaque background, 0 for transparent.
    background: vec4<f32>,
};

@group(0) @binding(0) var<uniform> params: EncodeUniforms;
@group(0) @binding(1) var source: texture_2d<f32>;
@group(0) @binding(2) var output: texture_storage_2d<rgba8unorm, write>;

fn linear_to_srgb(c: vec3<f32>) -> vec3<f32> {
    let low = c * 12.92;
    let high = 1.055 * pow(c, vec3<f32>(1.0 / 2.4)) - 0.055;
    return select(high, low, c <= vec3<f32>(0.0031308));
}

fn encode(premultiplied_in: vec4<f32>) -> vec4<f32> {
    let premultiplied = max(premultiplied_in, vec4<f32>(0.0));
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

@compute @workgroup_size(8, 8)
fn cs_encode(@builtin(global_invocation_id) id: vec3<u32>) {
    let size = textureDimensions(source);
    if (id.x >= size.x || id.y >= size.y) {
        return;
    }
    let pixel = vec2<i32>(id.xy);
    textureStore(output, pixel, encode(textureLoad(source, pixel, 0)));
}
