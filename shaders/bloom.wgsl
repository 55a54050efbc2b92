// Bloom stage (compute): the bright parts of each view, box-downsampled into a smaller image and
// blurred with a separable Gaussian whose width is a fraction of the view height, so the glow
// looks the same at every resolution. Every read is clamped to its own tile: the views of a
// layout never bleed into each other. The encode pass adds the result to the picture; the glow
// then gets its alpha from its brightness (bloom keeps alpha).

struct BloomUniforms {
    // xy: tile size in the frame (pixels), zw: tile size in the bloom image (texels).
    tiles: vec4<u32>,
    // x: threshold (linear luminance), y: soft knee, z: Gaussian sigma (bloom texels), w: downsample factor.
    params: vec4<f32>,
    // Blur direction in texels: (1, 0) or (0, 1).
    direction: vec4<i32>,
};

@group(0) @binding(0) var<uniform> bloom: BloomUniforms;
@group(0) @binding(1) var source: texture_2d<f32>;
@group(0) @binding(2) var destination: texture_storage_2d<rgba16float, write>;

fn luminance(c: vec3<f32>) -> f32 {
    return dot(c, vec3<f32>(0.2126, 0.7152, 0.0722));
}

// Light above the threshold, with a soft knee so the glow does not switch on abruptly.
fn bright(c: vec3<f32>) -> vec3<f32> {
    let l = luminance(c);
    let knee = bloom.params.y;
    var soft = clamp(l - bloom.params.x + knee, 0.0, 2.0 * knee);
    soft = soft * soft / (4.0 * knee + 1e-5);
    let weight = max(soft, l - bloom.params.x) / max(l, 1e-5);
    return c * max(weight, 0.0);
}

// The tile of texel `p` for tiles of `size`: floor division in floating point, exact below 2^23
// and vectorised on CPU drivers (which divide integers one lane at a time; as in encode.wgsl).
fn tile_of(p: vec2<u32>, size: vec2<u32>) -> vec2<u32> {
    return vec2<u32>(floor((vec2<f32>(p) + 0.5) / vec2<f32>(size)));
}

@compute @workgroup_size(8, 8)
fn cs_bright(@builtin(global_invocation_id) id: vec3<u32>) {
    let size = textureDimensions(destination);
    if (id.x >= size.x || id.y >= size.y) {
        return;
    }
    let factor = u32(bloom.params.w);
    let tile = tile_of(id.xy, bloom.tiles.zw);
    let local = id.xy - tile * bloom.tiles.zw;
    let tile_origin = tile * bloom.tiles.xy;
    let start = local * factor;
    var sum = vec3<f32>(0.0);
    var count = 0.0;
    for (var dy = 0u; dy < factor; dy++) {
        for (var dx = 0u; dx < factor; dx++) {
            let p = start + vec2<u32>(dx, dy);
            if (p.x < bloom.tiles.x && p.y < bloom.tiles.y) {
                sum += max(textureLoad(source, vec2<i32>(tile_origin + p), 0).rgb, vec3<f32>(0.0));
                count += 1.0;
            }
        }
    }
    textureStore(destination, vec2<i32>(id.xy), vec4<f32>(bright(sum / max(count, 1.0)), 1.0));
}

@compute @workgroup_size(8, 8)
fn cs_blur(@builtin(global_invocation_id) id: vec3<u32>) {
    let size = textureDimensions(destination);
    if (id.x >= size.x || id.y >= size.y) {
        return;
    }
    let tile_origin = vec2<i32>(tile_of(id.xy, bloom.tiles.zw) * bloom.tiles.zw);
    let tile_last = tile_origin + vec2<i32>(bloom.tiles.zw) - 1;
    let sigma = max(bloom.params.z, 0.5);
    let reach = min(i32(ceil(3.0 * sigma)), 64);
    var sum = vec3<f32>(0.0);
    var weights = 0.0;
    for (var i = -reach; i <= reach; i++) {
        let p = vec2<i32>(id.xy) + bloom.direction.xy * i;
        let w = exp(-0.5 * f32(i * i) / (sigma * sigma));
        // Outside the tile counts as dark, so a glow fades at the tile's edge.
        if (all(p >= tile_origin) && all(p <= tile_last)) {
            sum += textureLoad(source, p, 0).rgb * w;
        }
        weights += w;
    }
    textureStore(destination, vec2<i32>(id.xy), vec4<f32>(sum / weights, 1.0));
}
