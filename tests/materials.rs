//! glTF materials as the specification says, on spec-derived cases built here: a textured quad
//! facing the camera, with the texture's sampler (wrap modes, filters) and mipmaps checked on the
//! rendered pixels against values worked out from the texture.

use serde_json::json;

use crate::util::{read_png, Sandbox};

/// Writes `quad.gltf` (+ `quad.bin`, `texture.png`): a 2×2 quad in the XY plane facing +Z, its
/// texture coordinates running from 0 to `uv_max` across and down, textured with `texture`
/// through `sampler` (a glTF sampler object).
fn textured_quad(sandbox: &Sandbox, texture: &image::RgbaImage, uv_max: [f32; 2], sampler: serde_json::Value) {
    let material = json!({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}, "metallicFactor": 0}});
    quad(sandbox, material, Some((texture, sampler)), uv_max);
}

/// Writes `quad.gltf` (+ `quad.bin`, and `texture.png` when `texture` is given with its sampler):
/// the quad of [`textured_quad`] with `material` (a glTF material object; texture 0 is `texture`).
fn quad(
    sandbox: &Sandbox,
    material: serde_json::Value,
    texture: Option<(&image::RgbaImage, serde_json::Value)>,
    uv_max: [f32; 2],
) {
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
    let mut gltf = json!({
        "asset": {"version": "2.0"},
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2}, "indices": 3, "material": 0}]}],
        "materials": [material],
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
    if let Some((texture, sampler)) = texture {
        texture.save(sandbox.path("texture.png")).unwrap();
        gltf["textures"] = json!([{"source": 0, "sampler": 0}]);
        gltf["images"] = json!([{"uri": "texture.png"}]);
        gltf["samplers"] = json!([sampler]);
    }
    std::fs::write(sandbox.path("quad.gltf"), gltf.to_string()).unwrap();
}

/// The quad rendered shaded over a transparent background (`view`: front or back), `size` square.
fn quad_frame(sandbox: &Sandbox, view: &str, size: u32) -> image::RgbaImage {
    let dims = format!("{size}x{size}");
    let args = ["render", "quad.gltf", "--camera", view, "--style", "shaded", "--frames", "1", "-s", &dims];
    let out = format!("{view}-{size}.png");
    sandbox.run(&[&args[..], &["--msaa", "1", "-o", &out, "-q"]].concat()).expect_success();
    read_png(&sandbox.path(&out))
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

#[test]
fn alpha_modes_ignore_cut_or_blend_the_alpha_as_the_specification_says() {
    // Left half alpha 0.2, right half 0.8 (nearest magnification: no blend between them).
    let texture = image::RgbaImage::from_fn(2, 1, |x, _| image::Rgba([255, 255, 255, if x == 0 { 51 } else { 204 }]));
    let alphas = |extra: serde_json::Value| {
        let sandbox = Sandbox::new();
        let mut material = json!({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}, "metallicFactor": 0}});
        material.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        quad(&sandbox, material, Some((&texture, json!({"magFilter": 9728}))), [1.0, 1.0]);
        let frame = quad_frame(&sandbox, "front", 64);
        (frame.get_pixel(20, 32)[3], frame.get_pixel(44, 32)[3])
    };
    assert_eq!(alphas(json!({})), (255, 255), "OPAQUE (the default) ignores alpha");
    assert_eq!(alphas(json!({"alphaMode": "OPAQUE"})), (255, 255), "OPAQUE ignores alpha");
    assert_eq!(alphas(json!({"alphaMode": "MASK"})), (0, 255), "MASK cuts at the default cutoff 0.5");
    assert_eq!(alphas(json!({"alphaMode": "MASK", "alphaCutoff": 0.1})), (255, 255), "MASK at cutoff 0.1");
    let (left, right) = alphas(json!({"alphaMode": "BLEND"}));
    assert!(left.abs_diff(51) <= 2 && right.abs_diff(204) <= 2, "BLEND keeps alpha: {left}, {right}");
}

#[test]
fn emissive_light_shows_on_a_black_surface_and_unlit_shows_the_base_colour() {
    let colour_of = |material: serde_json::Value| {
        let sandbox = Sandbox::new();
        quad(&sandbox, material, None, [1.0, 1.0]);
        *quad_frame(&sandbox, "front", 48).get_pixel(24, 24)
    };
    let black = json!({"pbrMetallicRoughness": {"baseColorFactor": [0, 0, 0, 1], "metallicFactor": 0}});
    let dark = colour_of(black.clone());
    let mut emissive = black.clone();
    emissive["emissiveFactor"] = json!([1.0, 0.25, 0.0]);
    let glowing = colour_of(emissive);
    assert!(dark[0] < 90 && dark[0].abs_diff(dark[1]) < 8, "black without emission: {dark:?}");
    assert!(glowing[0] > 200 && glowing[1] > dark[1] && glowing[1] < glowing[0] - 60, "emissive orange: {glowing:?}");
    // (Tone mapping rolls the bright red towards white a little, so blue is the least, not none.)
    assert!(glowing[2] < glowing[1] / 2, "blue is not emitted: {glowing:?}");
    // KHR_materials_emissive_strength scales the factor: half the factor at strength 2 is the same light.
    let mut strong = black;
    strong["emissiveFactor"] = json!([0.5, 0.125, 0.0]);
    strong["extensions"] = json!({"KHR_materials_emissive_strength": {"emissiveStrength": 2.0}});
    let same = colour_of(strong);
    assert!((0..3).all(|c| same[c].abs_diff(glowing[c]) <= 2), "strength 2: {same:?} vs {glowing:?}");
    // Unlit: exactly the base colour (linear 0.2, 0.6, 0.2 is sRGB 124, 203, 124), no lighting.
    let unlit = colour_of(json!({
        "pbrMetallicRoughness": {"baseColorFactor": [0.2, 0.6, 0.2, 1]},
        "extensions": {"KHR_materials_unlit": {}}
    }));
    assert!([124u8, 203, 124].iter().zip(unlit.0).all(|(want, got)| want.abs_diff(got) <= 1), "unlit: {unlit:?}");
}

#[test]
fn a_single_sided_surface_is_culled_from_behind_and_a_double_sided_one_is_not() {
    for (double_sided, seen) in [(false, false), (true, true)] {
        let sandbox = Sandbox::new();
        quad(&sandbox, json!({"doubleSided": double_sided}), None, [1.0, 1.0]);
        assert_eq!(quad_frame(&sandbox, "front", 32).get_pixel(16, 16)[3], 255, "the front face is drawn");
        let back = quad_frame(&sandbox, "back", 32);
        assert_eq!(back.pixels().any(|p| p[3] > 0), seen, "doubleSided {double_sided}: seen from behind");
    }
}

/// The `front` shaded still of a model in the shared corpus at `size`, on grey; `None` where the
/// corpus is absent (a clone without `../shared`).
fn corpus_front_still(model: &str, size: &str) -> Option<image::RgbaImage> {
    let model = crate::util::shared_models()?.join(model);
    let sandbox = Sandbox::new();
    let args = ["render", model.to_str().unwrap(), "--camera", "front", "--style", "shaded", "--frames", "1"];
    sandbox
        .run(&[&args[..], &["-s", size, "--background", "#404040", "-o", "test.png", "-q"]].concat())
        .expect_success();
    Some(read_png(&sandbox.path("test.png")))
}

/// The green of the Khronos test models' check marks.
fn is_check_mark_green(p: image::Rgba<u8>) -> bool {
    p[1] > 140 && p[0] < 120 && p[2] < 120
}

#[test]
fn the_alpha_blend_mode_test_model_shows_its_check_marks() {
    // Khronos AlphaBlendModeTest: a green check mark under the "Opaque" and the "Blend" panel
    // shows only when OPAQUE ignores alpha and BLEND lets what lies behind show through (a
    // renderer that gets it wrong shows dark squares there).
    let Some(frame) = corpus_front_still("glb/AlphaBlendModeTest.glb", "1600x600") else { return };
    for (label, x0, x1) in [("Opaque", 0.20, 0.26), ("Blend", 0.36, 0.41)] {
        let green = (432..492)
            .flat_map(|y| ((1600.0 * x0) as u32..(1600.0 * x1) as u32).map(move |x| (x, y)))
            .filter(|&(x, y)| is_check_mark_green(*frame.get_pixel(x, y)))
            .count();
        assert!(green > 40, "{label}: {green} green check-mark pixels");
    }
}

#[test]
fn the_texture_transform_test_model_points_every_arrow_at_its_check_mark() {
    // Khronos TextureTransformTest: the top row offsets the UV atlas by U, V and both, so each
    // panel shows its own green, blue or cyan tile (without KHR_texture_transform all three show
    // the atlas's yellow "not supported" tile); in the bottom row the arrow's tip lands on the
    // green check mark only when rotation, scale and their composition follow the specification
    // (wrong conventions point it at the yellow or red marker).
    let Some(frame) = corpus_front_still("gltf/TextureTransformTest/TextureTransformTest.gltf", "900x600") else {
        return;
    };
    let panels = [(50, 300), (325, 575), (598, 848)];
    let in_panel = |(x0, x1): (u32, u32), (y0, y1): (u32, u32)| {
        let frame = &frame;
        (y0..y1).flat_map(move |y| (x0..x1).map(move |x| (x, y, *frame.get_pixel(x, y))))
    };
    for (panel, (label, tile)) in panels.iter().zip([("U", [0, 200, 0]), ("V", [0, 0, 180]), ("UV", [0, 180, 180])]) {
        let near = |p: image::Rgba<u8>, c: [u8; 3]| (0..3).all(|i| (p[i] as i32 - c[i] as i32).abs() < 60);
        let own = in_panel(*panel, (40, 260)).filter(|&(_, _, p)| near(p, tile)).count();
        let yellow = in_panel(*panel, (40, 260)).filter(|&(_, _, p)| near(p, [200, 190, 0])).count();
        assert!(own > 20_000 && yellow < 500, "offset {label}: {own} pixels of its tile, {yellow} yellow");
    }
    for (panel, label) in panels.iter().zip(["rotation", "scale", "all three"]) {
        let centroid = |pick: &dyn Fn(image::Rgba<u8>) -> bool| {
            let hits: Vec<(u32, u32)> =
                in_panel(*panel, (295, 600)).filter(|&(_, _, p)| pick(p)).map(|(x, y, _)| (x, y)).collect();
            let n = hits.len().max(1) as f32;
            (hits.iter().map(|h| h.0 as f32).sum::<f32>() / n, hits.iter().map(|h| h.1 as f32).sum::<f32>() / n)
        };
        let check_mark = centroid(&is_check_mark_green);
        let tip = in_panel(*panel, (295, 600))
            .filter(|&(_, _, p)| p[0] < 40 && p[1] < 40 && p[2] < 40)
            .max_by_key(|&(_, y, _)| y)
            .map(|(x, y, _)| (x as f32, y as f32))
            .expect("an arrow");
        let wrong_marker = centroid(&|p| p[0] > 150 && (p[2] < 80 || p[1] < 60));
        let from = |m: (f32, f32)| ((tip.0 - m.0).powi(2) + (tip.1 - m.1).powi(2)).sqrt();
        let (miss, wrong) = (from(check_mark), from(wrong_marker));
        assert!(
            miss < 40.0 && miss * 2.0 < wrong,
            "{label}: the arrow's tip {tip:?} is {miss} px from the check mark {check_mark:?}, {wrong} px from the wrong markers"
        );
    }
}

#[test]
fn a_white_cube_keeps_its_form_under_tone_mapping() {
    // The key light alone would take a white top face past 1.0: clipped, it would be pure white
    // and flat; tone-mapped it stays below white and apart from the other two faces.
    let sandbox = Sandbox::new();
    let cube = crate::util::fixture("unit_cube.stl");
    let args = ["render", cube.to_str().unwrap(), "--camera", "angle45", "--style", "shaded", "--frames", "1"];
    sandbox.run(&[&args[..], &["-s", "64x64", "--msaa", "1", "-o", "cube.png", "-q"]].concat()).expect_success();
    let frame = read_png(&sandbox.path("cube.png"));
    let mut counts = std::collections::HashMap::new();
    for p in frame.pixels().filter(|p| p[3] == 255) {
        *counts.entry(p[0] as u32 + p[1] as u32 + p[2] as u32).or_insert(0) += 1;
    }
    let brightest = counts.keys().max().copied().unwrap();
    assert!(brightest < 3 * 250, "the top face clips to white: {brightest}");
    // The three faces, as the three largest groups of nearly equal brightness.
    let mut levels: Vec<(u32, u32)> = counts.into_iter().map(|(level, n)| (n, level)).collect();
    levels.sort_unstable_by(|a, b| b.cmp(a));
    let mut faces: Vec<u32> = Vec::new();
    for (_, level) in levels {
        if faces.iter().all(|f| f.abs_diff(level) > 15) {
            faces.push(level);
        }
    }
    assert!(faces.len() >= 3, "the three faces are told apart: {faces:?}");
}

#[test]
fn a_normal_map_bends_the_shading_the_way_gltf_defines_its_axes() {
    // One-texel normal maps leaning the surface left, right, up or down (glTF tangent space: +X
    // along +u, +Y up the texture). The key light comes from the upper left: a surface leaning
    // left or up is lit more than one leaning right or down.
    let brightness = |normal: [u8; 3]| {
        let sandbox = Sandbox::new();
        let texture = image::RgbaImage::from_pixel(1, 1, image::Rgba([normal[0], normal[1], normal[2], 255]));
        let material = json!({"normalTexture": {"index": 0}, "pbrMetallicRoughness": {"metallicFactor": 0}});
        quad(&sandbox, material, Some((&texture, json!({}))), [1.0, 1.0]);
        let p = *quad_frame(&sandbox, "front", 48).get_pixel(24, 24);
        p[0] as i32 + p[1] as i32 + p[2] as i32
    };
    let flat = brightness([128, 128, 255]);
    let (left, right) = (brightness([64, 128, 238]), brightness([192, 128, 238]));
    let (up, down) = (brightness([128, 192, 238]), brightness([128, 64, 238]));
    assert!(left > right + 60, "leaning left {left} vs right {right} (flat {flat})");
    assert!(up > down + 60, "leaning up {up} vs down {down} (flat {flat})");
    assert!(up > flat && down < flat && right < flat, "flat {flat}: up {up}, down {down}, right {right}");
}
