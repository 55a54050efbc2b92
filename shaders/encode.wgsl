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
    // x: the composition (as COMPOSE, below); y: 1 = pyramid views' tops point inward; z: pyramid view side in the output, or the rows
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

// Each render's encode pipeline is specialised by these constants: CPU drivers (llvmpipe) run
// both sides of every branch, so a branch on a uniform costs as much as the code it skips.
// The layout's composition (0 = tiles as they are, 1 = pyramid, 2 = circle, 3 = tiles in the
// bottom-left corner; see `compose`), FXAA, the glitch (a frame's pipeline has it when the frame
// glitches), the bloom's core and its halo.
override COMPOSE: u32 = 0u;
override FXAA: bool = false;
override GLITCH: bool = false;
override BLOOM: bool = false;
override HALO: bool = false;

@group(0) @binding(0) var<uniform> params: EncodeUniforms;
@group(0) @binding(1) var source: texture_2d<f32>;
@group(0) @binding(2) var glow: texture_2d<f32>;
@group(0) @binding(3) var output: texture_storage_2d<rgba8unorm, write>;
@group(0) @binding(4) var halo: texture_2d<f32>;
@group(0) @binding(5) var glow_sampler: sampler;

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

// Floor division of non-negative `p` by positive `d`, in floating point: exact below 2^23 (the
// quotient's rounding error stays under 0.5/d), and vectorised on CPU drivers, where integer
// division is done one lane at a time (llvmpipe: 50 ms a 720p frame).
fn div_floor(p: vec2<i32>, d: vec2<i32>) -> vec2<i32> {
    return vec2<i32>(floor((vec2<f32>(p) + 0.5) / vec2<f32>(d)));
}

// `p` and its tile: (tile column, tile row, x, y within the tile).
fn in_tile(p: vec2<i32>, tile: vec2<i32>) -> vec4<i32> {
    let cell = div_floor(p, tile);
    return vec4<i32>(cell, p - cell * tile);
}

// Where output pixel `p` comes from: (tile column, tile row, x, y within the tile), or x < 0
// where the output shows only the background.
fn locate(p: vec2<i32>) -> vec4<i32> {
    let tile = vec2<i32>(params.tiles.xy);
    if (COMPOSE == 1u) {
        // Pyramid: views 0..3 (front, right, back, left) below, right of, above and left of the
        // centre; each view's top points away from the centre (or towards it), turned by quarter
        // turns (and mirrored, below).
        let side = i32(params.compose.z);
        let canvas = vec2<i32>(textureDimensions(output));
        let start = (canvas.x - side) >> 1u;
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
        let scaled = div_floor(local * tile, vec2<i32>(side));
        return vec4<i32>(view & 1, view >> 1u, scaled);
    }
    if (COMPOSE == 3u) {
        let q = p - vec2<i32>(0, i32(params.compose.z));
        if (q.y < 0 || q.x >= tile.x * i32(params.tiles.z)) {
            return vec4<i32>(-1);
        }
        return in_tile(q, tile);
    }
    if (COMPOSE == 2u) {
        let size = vec2<f32>(textureDimensions(output));
        let offset = vec2<f32>(p) + 0.5 - 0.5 * size;
        if (length(offset) > 0.5 * min(size.x, size.y)) {
            return vec4<i32>(-1);
        }
    }
    return in_tile(p, tile);
}

// One glow scale's light at tile-local position `local` of tile `cell`, bilinear within the
// tile (the sampler's filter; the position is clamped half a texel inside the tile, so views
// never bleed into each other); `scale` is its uniform (strength, downsample factor, tile size
// in `image`).
fn glow_at(image: texture_2d<f32>, scale: vec4<f32>, cell: vec2<i32>, local: vec2<i32>) -> vec3<f32> {
    let size = scale.zw;
    let at = clamp((vec2<f32>(local) + 0.5) / scale.y, vec2<f32>(0.5), size - 0.5);
    let uv = (vec2<f32>(cell) * size + at) / vec2<f32>(textureDimensions(image));
    return textureSampleLevel(image, glow_sampler, uv, 0.0).rgb * scale.x;
}

// FXAA (after Timothy Lottes' FXAA 3.11, quality preset): a pixel on an edge is blended with
// its neighbour across the edge by how far it lies from the end of the edge's stair step, which
// turns a staircase into the ramp a straight edge's coverage would give. Luma weighs alpha
// (silhouettes over a transparent background) and perceived brightness (edges inside the view).
const FXAA_EDGE_THRESHOLD: f32 = 0.125;
const FXAA_EDGE_MIN: f32 = 0.0312;
const FXAA_SUBPIXEL: f32 = 0.75;
const FXAA_SEARCH_STEPS: i32 = 10;

// The view `cell`'s texel at `local`, clamped inside the tile.
fn tile_texel(cell: vec2<i32>, local: vec2<i32>) -> vec4<f32> {
    let tile = vec2<i32>(params.tiles.xy);
    return textureLoad(source, cell * tile + clamp(local, vec2<i32>(0), tile - 1), 0);
}

fn luma_of(c: vec4<f32>) -> f32 {
    let light = dot(max(c.rgb, vec3<f32>(0.0)), vec3<f32>(0.2126, 0.7152, 0.0722));
    return 0.5 * clamp(c.a, 0.0, 1.0) + 0.5 * sqrt(clamp(light, 0.0, 1.0));
}

fn tile_luma(cell: vec2<i32>, local: vec2<i32>) -> f32 {
    return luma_of(tile_texel(cell, local));
}

// Luma of the edge between `p` and `p + across`, relative to `average`.
fn edge_luma(cell: vec2<i32>, p: vec2<i32>, across: vec2<i32>, average: f32) -> f32 {
    return 0.5 * (tile_luma(cell, p) + tile_luma(cell, p + across)) - average;
}

fn fxaa(cell: vec2<i32>, local: vec2<i32>) -> vec4<f32> {
    let centre = tile_texel(cell, local);
    let m = luma_of(centre);
    let n = tile_luma(cell, local + vec2<i32>(0, -1));
    let s = tile_luma(cell, local + vec2<i32>(0, 1));
    let e = tile_luma(cell, local + vec2<i32>(1, 0));
    let w = tile_luma(cell, local + vec2<i32>(-1, 0));
    let high = max(m, max(max(n, s), max(e, w)));
    let low = min(m, min(min(n, s), min(e, w)));
    let range = high - low;
    if (range < max(FXAA_EDGE_MIN, high * FXAA_EDGE_THRESHOLD)) {
        return centre;
    }
    let nw = tile_luma(cell, local + vec2<i32>(-1, -1));
    let ne = tile_luma(cell, local + vec2<i32>(1, -1));
    let sw = tile_luma(cell, local + vec2<i32>(-1, 1));
    let se = tile_luma(cell, local + vec2<i32>(1, 1));
    // Sub-pixel aliasing: how much the pixel stands out from its neighbourhood.
    let average = (2.0 * (n + s + e + w) + nw + ne + sw + se) / 12.0;
    let contrast = clamp(abs(average - m) / range, 0.0, 1.0);
    let smooth_contrast = (-2.0 * contrast + 3.0) * contrast * contrast;
    let subpixel = smooth_contrast * smooth_contrast * FXAA_SUBPIXEL;
    // Is the edge horizontal (luma changes along y) or vertical?
    let horizontal = abs(nw + sw - 2.0 * w) + 2.0 * abs(n + s - 2.0 * m) + abs(ne + se - 2.0 * e)
        >= abs(nw + ne - 2.0 * n) + 2.0 * abs(w + e - 2.0 * m) + abs(sw + se - 2.0 * s);
    let luma_before = select(w, n, horizontal);
    let luma_after = select(e, s, horizontal);
    let steeper_before = abs(luma_before - m) >= abs(luma_after - m);
    let gradient = 0.25 * max(abs(luma_before - m), abs(luma_after - m));
    let axis = select(vec2<i32>(0, 1), vec2<i32>(1, 0), horizontal);
    let normal = select(vec2<i32>(1, 0), vec2<i32>(0, 1), horizontal);
    let across = select(normal, -normal, steeper_before);
    let edge_average = 0.5 * (m + select(luma_after, luma_before, steeper_before));
    // Walk along the edge both ways until its luma changes: the ends of the stair step.
    var back = local - axis;
    var ahead = local + axis;
    var end_back = edge_luma(cell, back, across, edge_average);
    var end_ahead = edge_luma(cell, ahead, across, edge_average);
    var done_back = abs(end_back) >= gradient;
    var done_ahead = abs(end_ahead) >= gradient;
    for (var i = 0; i < FXAA_SEARCH_STEPS && !(done_back && done_ahead); i++) {
        // Steps of 1, 1, 1, 1, 2, 2, 2, 2, 4, 8 pixels (a reach of 24).
        let step = select(select(select(8, 4, i < 9), 2, i < 8), 1, i < 4);
        if (!done_back) {
            back -= axis * step;
            end_back = edge_luma(cell, back, across, edge_average);
            done_back = abs(end_back) >= gradient;
        }
        if (!done_ahead) {
            ahead += axis * step;
            end_ahead = edge_luma(cell, ahead, across, edge_average);
            done_ahead = abs(end_ahead) >= gradient;
        }
    }
    let to_back = f32(dot(local - back, axis));
    let to_ahead = f32(dot(ahead - local, axis));
    let nearer_back = to_back < to_ahead;
    let nearest = min(to_back, to_ahead);
    let offset = 0.5 - nearest / (to_back + to_ahead);
    // Blend only when the nearer end turns the same way as the pixel (a real stair step).
    let end = select(end_ahead, end_back, nearer_back);
    let good = (end < 0.0) != (m < edge_average);
    let blend = max(select(0.0, offset, good), subpixel);
    return mix(centre, tile_texel(cell, local + across), blend);
}

// The view `cell`'s own pixel at `local`, anti-aliased when the job asks for FXAA.
fn source_texel(cell: vec2<i32>, local: vec2<i32>) -> vec4<f32> {
    if (FXAA) {
        return fxaa(cell, local);
    }
    let tile = vec2<i32>(params.tiles.xy);
    return textureLoad(source, cell * tile + local, 0);
}

// The rendered view `cell` at tile-local `local`, with its bloom; nothing outside the tile.
fn view_texel(cell: vec2<i32>, local: vec2<i32>) -> vec4<f32> {
    let tile = vec2<i32>(params.tiles.xy);
    if (local.x < 0 || local.x >= tile.x) {
        return vec4<f32>(0.0);
    }
    var color = source_texel(cell, local);
    if (BLOOM) {
        color += vec4<f32>(glow_at(glow, params.bloom, cell, local), 0.0);
    }
    if (HALO) {
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
        if (GLITCH) {
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
        if (GLITCH && split != 0) {
            let red = view_texel(found.xy, local + vec2<i32>(split, 0));
            let blue = view_texel(found.xy, local - vec2<i32>(split, 0));
            color = vec4<f32>(red.r, color.g, blue.b, max(color.a, max(red.a, blue.a)));
        }
        color = vec4<f32>(color.rgb * spike, color.a);
    }
    textureStore(output, pixel, encode(color));
}
