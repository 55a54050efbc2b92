//! glTF materials as the specification says, on spec-derived cases built here: a textured quad
//! facing the camera, with the texture's sampler (wrap modes, filters) and mipmaps checked on the
//! rendered pixels against values worked out from the texture.

use serde_json::json;

use crate::util::{read_png, Sandbox};

/// Writes `quad.gltf` (+ `quad.bin`, `texture.png`): a 2×2 quad in the XY plane facing +Z, its
/// texture coordinates running from 0 to `uv_max` across and down, textured with `texture`
/// through `sampler` (a glTF sampler object).
fn textured_quad(sandbox: &Sandbox, texture: &image::RgbaImage, uv_max: [f32; 2], sampler: serde_json::Value) {
    let positions = [[-1.0f32, -1.0, 0.0], [1.0, -1.0, 0.0], [1.0, 1.0, 0.0], [-1.0, 1.0, 0.0]];
    let uvs = [[0.0, uv_max[1]], [uv_max[0], uv_max[1]], [uv_max[0], 0.0], [0.0f32, 0.0]];
    let normals = [[0.0f32, 0.0, 1.0]; 4];
    let indices: [u16; 6] = [0, 1, 2, 0, 2, 3];
    let mut bin: Vec<u8> = Vec::new();
    for p in positions.iter().chain(&normals) {
        bin.extend(p.iter().flat_map(|v| v.to_le_bytes()));
    }
    bin.extend(uvs.iter().flatten().flat_map(|v| v.to_le_bytes()));
    bin.extend(indices.iter().flat_map(|i| i.to_le_bytes()));
    std::fs::write(sandbox.path("quad.bin"), &bin).unwrap();
    texture.save(sandbox.path("texture.png")).unwrap();
    let gltf = json!({
        "asset": {"version": "2.0"},
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2}, "indices": 3, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}, "metallicFactor": 0}}],
        "textures": [{"source": 0, "sampler": 0}],
        "images": [{"uri": "texture.png"}],
        "samplers": [sampler],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3", "min": [-1, -1, 0], "max": [1, 1, 0]},
            {"bufferView": 0, "byteOffset": 48, "componentType": 5126, "count": 4, "type": "VEC3"},
            {"bufferView": 1, "componentType": 5126, "count": 4, "type": "VEC2"},
            {"bufferView": 2, "componentType": 5123, "count": 6, "type": "SCALAR"}
        ],
        "bufferViews": [
            {"buffer": 0, "byteLength": 96},
            {"buffer": 0, "byteOffset": 96, "byteLength": 32},
            {"buffer": 0, "byteOffset": 128, "byteLength": 12}
        ],
        "buffers": [{"uri": "quad.bin", "byteLength": bin.len()}]
    });
    std::fs::write(sandbox.path("quad.gltf"), gltf.to_string()).unwrap();
}

/// The quad seen face on, orthographic (so lighting is the same on every pixel), shaded, as
/// linear RGB of the pixels inside its middle `share` (of each side).
fn quad_pixels(sandbox: &Sandbox, size: u32, share: f32) -> Vec<[f32; 3]> {
    let dims = format!("{size}x{size}");
    let args =
        ["render", "quad.gltf", "--camera", "front", "--ortho", "--style", "shaded", "--frames", "1", "-s", &dims];
    sandbox.run(&[&args[..], &["--msaa", "1", "-o", "quad.png", "-q"]].concat()).expect_success();
    let frame = read_png(&sandbox.path("quad.png"));
    let linear = |c: u8| {
        let c = c as f32 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    // The still's fit leaves the 10 % margin around the quad: its middle lies well inside it.
    let (low, high) = ((size as f32 * (0.5 - share / 2.0)) as u32, (size as f32 * (0.5 + share / 2.0)) as u32);
    let mut pixels = Vec::new();
    for y in low..high {
        for x in low..high {
            let p = frame.get_pixel(x, y);
            assert_eq!(p[3], 255, "({x}, {y}) is inside the quad");
            pixels.push([linear(p[0]), linear(p[1]), linear(p[2])]);
        }
    }
    pixels
}

#[test]
fn wrap_modes_repeat_clamp_and_mirror_as_the_sampler_says() {
    // Red | blue, stretched over texture coordinates 0..3 across: repeated, half the quad is
    // red; clamped to the edge, only the first third's red half is (the rest reads the blue
    // edge texel): 1/6. Lighting adds the same white to every channel, so (R − G) and (B − G)
    // measure the texture's red and blue.
    let texture = image::RgbaImage::from_fn(2, 1, |x, _| {
        if x == 0 {
            image::Rgba([255, 0, 0, 255])
        } else {
            image::Rgba([0, 0, 255, 255])
        }
    });
    let red_share = |wrap: u32| {
        let sandbox = Sandbox::new();
        textured_quad(&sandbox, &texture, [3.0, 1.0], json!({"wrapS": wrap, "wrapT": 33071}));
        let (red, blue) = quad_pixels(&sandbox, 120, 0.98 / 1.1)
            .iter()
            .fold((0.0, 0.0), |(r, b), p| (r + (p[0] - p[1]) as f64, b + (p[2] - p[1]) as f64));
        red / (red + blue)
    };
    let (repeat, clamp, mirror) = (red_share(10497), red_share(33071), red_share(33648));
    assert!((repeat - 0.5).abs() < 0.03, "REPEAT: red share {repeat:.3}");
    assert!((clamp - 1.0 / 6.0).abs() < 0.03, "CLAMP_TO_EDGE: red share {clamp:.3}");
    assert!((mirror - 0.5).abs() < 0.03, "MIRRORED_REPEAT: red share {mirror:.3}");
}

#[test]
fn a_one_pixel_checker_seen_small_is_a_smooth_grey_through_mipmaps() {
    let checker = image::RgbaImage::from_fn(512, 512, |x, y| {
        image::Rgba(if (x + y) % 2 == 0 { [255; 4] } else { [0, 0, 0, 255] })
    });
    let spread = |sampler: serde_json::Value| {
        let sandbox = Sandbox::new();
        textured_quad(&sandbox, &checker, [1.0, 1.0], sampler);
        let grey: Vec<f32> = quad_pixels(&sandbox, 64, 0.8).iter().map(|p| p[1]).collect();
        let mean = grey.iter().sum::<f32>() / grey.len() as f32;
        let deviation = (grey.iter().map(|g| (g - mean).powi(2)).sum::<f32>() / grey.len() as f32).sqrt();
        (mean, deviation)
    };
    // Default (no filters given): trilinear through the mip chain, an even grey.
    let (mean, smooth) = spread(json!({}));
    assert!(smooth < 0.01 * mean.max(0.01) + 0.002, "trilinear: deviation {smooth} around {mean}");
    // The sampler's own choice is honoured: NEAREST minification reads single texels (speckles).
    let (_, speckled) = spread(json!({"minFilter": 9728, "magFilter": 9728}));
    assert!(speckled > 20.0 * smooth.max(0.001), "NEAREST: deviation {speckled}, trilinear {smooth}");
}
