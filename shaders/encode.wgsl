// Final stage (compute): composes the rendered views into the output picture (as they are, as
// the four rotated views of a Pepper's-ghost pyramid, or cut to a fan's circle), displaces
// glitch bands (with a chromatic split, brightness spikes and row jitter), adds the bloom (a tight
// core and a wide halo) and turns premultiplied linear light into 8-bit sRGB with straight
// alpha, composited over an opaque background when the job has one (ARCHITECTURE.md, "Conventions").
// A compute pass rather than a full-screen draw: on lavapipe, a fragment shader that reads a
// just-rendered texture per pixel leaks about one frame of memory per frame (Mesa 22.3).

struct EncodeUniforms {
    // rgb: background colour (sRGB-encoded), a: 1 for an opaque background, 0 for transparent.
    background: vec4<f32>,
    // xy: tile size in pixels, zw: tile columns and rows.
    tiles: vec4<u32>,
    // x: 0 = tiles as they are, 1 = pyramid, 2 = circle, 3 = tiles in the bottom-left corner;
    // y: 1 = pyramid views' tops point inward; z: pyramid view side in the output, or the rows
    // above the tiles (pixels); w: 1 = pyramid views are mirrored (their reflection reads right).
    compose: vec4<u32>,
    // x: glitch shift (fraction of the tile width, 0 = calm), y: bands per tile height, z: key,
    // w: red/blue split (fraction of the tile width).
    glitch: vec4<f32>,
    // x: brightness spike of shifted bands, y: row jitter (fraction of the tile width).
    glitch_extra: vec4<f32>,
    // The bloom's tight core and its wide halo, each x: strength (0 = none), y: downsample
    // factor, zw: tile size in its image.
    bloom: vec4<f32>,
    halo: vec4<f32>,
};

@group(0) @binding(0) var<uniform> params: EncodeUniforms;
@group(0) @binding(1) var source: texture_2d<f32>;
@group(0) @binding(2) var glow: texture_2d<f32>;
@group(0) @binding(3) var output: texture_storage_2d<rgba8unorm, write>;
@group(0) @binding(4) var halo: texture_2d<f32>;

fn linear_to_srgb(c: vec3<f32>) -> vec3<f32> {
    let low = c * 12.92;
    let high = 1.055 * pow(c, vec3<f32>(1.0 / 2.4)) - 0.055;
    return select(high, low, c <= vec3<f32>(0.0031308));
}

fn encode(premultiplied_in: vec4<f32>) -> vec4<f32> {
    let premultiplied = max(premultiplied_in, vec4<f32>(0.0));
    // Additive glow can make colour exceed coverage: widen alpha so the colour survives
    // un-premultiplying. This is also what gives the bloom its alpha: its brightness.
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

// Integer hash (lowbias32): the same bits on every GPU.
fn hash(x_in: u32) -> u32 {
    var x = x_in;
    x ^= x >> 16u;
    x *= 0x7feb352du;
    x ^= x >> 15u;
    x *= 0x846ca68bu;
    x ^= x >> 16u;
    return x;
}

// Where output pixel `p` comes from: (tile column, tile row, x, y within the tile), or x < 0
// where the output shows only the background.
fn locate(p: vec2<i32>) -> vec4<i32> {
    let tile = vec2<i32>(params.tiles.xy);
    if (params.compose.x == 1u) {
        // Pyramid: views 0..3 (front, right, back, left) below, right of, above and left of the
        // centre; each view's top points away from the centre (or towards it), turned by quarter
        // turns (and mirrored, below).
        let side = i32(params.compose.z);
        let canvas = vec2<i32>(textureDimensions(output));
        let start = (canvas.x - side) / 2;
        let last = side - 1;
        var view = -1;
        var local = vec2<i32>(0);
        if (p.y >= canvas.y - side && p.x >= start && p.x < start + side) {
            let d = vec2<i32>(p.x - start, p.y - (canvas.y - side));
            view = 0;
            local = vec2<i32>(last - d.x, last - d.y);
        } else if (p.x >= canvas.x - side && p.y >= start && p.y < start + side) {
            let d = vec2<i32>(p.x - (canvas.x - side), p.y - start);
            view = 1;
            local = vec2<i32>(d.y, last - d.x);
        } else if (p.y < side && p.x >= start && p.x < start + side) {
            view = 2;
            local = vec2<i32>(p.x - start, p.y);
        } else if (p.x < side && p.y >= start && p.y < start + side) {
            view = 3;
            local = vec2<i32>(last - (p.y - start), p.x);
        }
        if (view < 0) {
            return vec4<i32>(-1);
        }
        if (params.compose.y == 1u) {
            local = vec2<i32>(last) - local;
        }
        // The pane's reflection reverses handedness: mirror each view across its up direction
        // (the derivation is in layout.rs, `Layout::Pyramid`).
        if (params.compose.w == 1u) {
            local.x = last - local.x;
        }
        // The views were rendered at the tile size; scale when the output side differs.
        let scaled = local * tile / vec2<i32>(side);
        return vec4<i32>(view % 2, view / 2, scaled);
    }
    if (params.compose.x == 3u) {
        let q = p - vec2<i32>(0, i32(params.compose.z));
        if (q.y < 0 || q.x >= tile.x * i32(params.tiles.z)) {
            return vec4<i32>(-1);
        }
        return vec4<i32>(q / tile, q % tile);
    }
    if (params.compose.x == 2u) {
        let size = vec2<f32>(textureDimensions(output));
        let offset = vec2<f32>(p) + 0.5 - 0.5 * size;
        if (length(offset) > 0.5 * min(size.x, size.y)) {
            return vec4<i32>(-1);
        }
    }
    return vec4<i32>(p / tile, p % tile);
}

// One glow scale's light at tile-local position `local` of tile `cell`, bilinear within the
// tile; `scale` is its uniform (strength, downsample factor, tile size in `image`).
fn glow_at(image: texture_2d<f32>, scale: vec4<f32>, cell: vec2<i32>, local: vec2<i32>) -> vec3<f32> {
    let size = vec2<i32>(scale.zw);
    let at = (vec2<f32>(local) + 0.5) / scale.y - 0.5;
    let clamped = clamp(at, vec2<f32>(0.0), vec2<f32>(size - 1));
    let low = vec2<i32>(floor(clamped));
    let high = min(low + 1, size - 1);
    let f = clamped - vec2<f32>(low);
    let origin = cell * size;
    let top = mix(textureLoad(image, origin + low, 0).rgb, textureLoad(image, origin + vec2<i32>(high.x, low.y), 0).rgb, f.x);
    let bottom = mix(textureLoad(image, origin + vec2<i32>(low.x, high.y), 0).rgb, textureLoad(image, origin + high, 0).rgb, f.x);
    return mix(top, bottom, f.y) * scale.x;
}

// The rendered view `cell` at tile-local `local`, with its bloom; nothing outside the tile.
fn view_texel(cell: vec2<i32>, local: vec2<i32>) -> vec4<f32> {
    let tile = vec2<i32>(params.tiles.xy);
    if (local.x < 0 || local.x >= tile.x) {
        return vec4<f32>(0.0);
    }
    var color = textureLoad(source, cell * tile + local, 0);
    if (params.bloom.x > 0.0) {
        color += vec4<f32>(glow_at(glow, params.bloom, cell, local), 0.0);
    }
    if (params.halo.x > 0.0) {
        color += vec4<f32>(glow_at(halo, params.halo, cell, local), 0.0);
    }
    return color;
}

@compute @workgroup_size(8, 8)
fn cs_encode(@builtin(global_invocation_id) id: vec3<u32>) {
    let size = textureDimensions(output);
    if (id.x >= size.x || id.y >= size.y) {
        return;
    }
    let pixel = vec2<i32>(id.xy);
    let found = locate(pixel);
    var color = vec4<f32>(0.0);
    if (found.x >= 0) {
        let tile = vec2<i32>(params.tiles.xy);
        var local = found.zw;
        var split = 0;
        var spike = 1.0;
        if (params.glitch.x > 0.0) {
            // Bands of the view jump sideways, each by its own seeded amount; about a third move,
            // and flash brighter as they do.
            let band = u32(f32(local.y) / f32(tile.y) * params.glitch.y);
            let h = hash(u32(params.glitch.z) ^ (band * 0x9e3779b9u));
            if ((h & 0xffu) < 85u) {
                let shift = (f32((h >> 8u) & 0xffffu) / 65535.0 * 2.0 - 1.0) * params.glitch.x * f32(tile.x);
                local.x -= i32(round(shift));
                spike = 1.0 + params.glitch_extra.x * f32(h >> 24u) / 255.0;
            }
            // Every row jitters a little on its own (a torn signal's scanlines).
            let r = hash(u32(params.glitch.z) ^ (u32(local.y) * 0x85ebca6bu) ^ 0x27d4eb2du);
            local.x -= i32(round((f32(r & 0xffffu) / 65535.0 * 2.0 - 1.0) * params.glitch_extra.y * f32(tile.x)));
            // The red and blue channels come apart (chromatic split).
            split = i32(round(params.glitch.w * f32(tile.x)));
        }
        color = view_texel(found.xy, local);
        if (split != 0) {
            let red = view_texel(found.xy, local + vec2<i32>(split, 0));
            let blue = view_texel(found.xy, local - vec2<i32>(split, 0));
            color = vec4<f32>(red.r, color.g, blue.b, max(color.a, max(red.a, blue.a)));
        }
        color = vec4<f32>(color.rgb * spike, color.a);
    }
    textureStore(output, pixel, encode(color));
}
