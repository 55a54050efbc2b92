//! Compressed glTF: meshopt (`EXT_meshopt_compression`), quantised (`KHR_mesh_quantization`) and
//! Draco (`KHR_draco_mesh_compression`) variants of one model draw its silhouette at its size; a
//! meshopt file has the geometry of its uncompressed fallback; WebP (`EXT_texture_webp`) and KTX2
//! (`KHR_texture_basisu`) textures give their PNG source's colours; broken compressed data gets a
//! clear error.

use crate::util::{self, read_png, Sandbox};

fn compressed(name: &str) -> std::path::PathBuf {
    util::fixture("compressed").join(name)
}

fn inspect(sandbox: &Sandbox, path: &std::path::Path) -> serde_json::Value {
    let run = sandbox.run(&["inspect", path.to_str().unwrap(), "--json"]);
    run.expect_success();
    serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}\n{run}"))
}

/// A front still of `model`, shaded, 96×96.
fn still(sandbox: &Sandbox, model: &std::path::Path, out: &str) -> image::RgbaImage {
    let args = ["render", model.to_str().unwrap(), "--camera", "front", "--style", "shaded", "--frames", "1"];
    sandbox.run(&[&args[..], &["-s", "96x96", "-o", out]].concat()).expect_success();
    read_png(&sandbox.path(out))
}

#[test]
fn meshopt_quantised_and_draco_variants_draw_their_source_at_its_size() {
    let sandbox = Sandbox::new();
    let source = util::fixture("kenney_alien.glb");
    let reference = inspect(&sandbox, &source);
    let silhouette = |frame: &image::RgbaImage| frame.pixels().map(|p| p[3] > 127).collect::<Vec<bool>>();
    let expected = silhouette(&still(&sandbox, &source, "source.png"));
    for variant in ["alien-meshopt.glb", "alien-quantized.glb", "alien-draco.glb"] {
        let report = inspect(&sandbox, &compressed(variant));
        assert_eq!(report["triangles"], reference["triangles"], "{variant}");
        for (got, want) in report["size"].as_array().unwrap().iter().zip(reference["size"].as_array().unwrap()) {
            let (got, want) = (got.as_f64().unwrap(), want.as_f64().unwrap());
            assert!((got - want).abs() < 2e-3 * want.max(1e-3), "{variant}: size {got}, source {want}");
        }
        let drawn = silhouette(&still(&sandbox, &compressed(variant), &format!("{variant}.png")));
        let differing = drawn.iter().zip(&expected).filter(|(a, b)| a != b).count();
        // Quantisation moves edges by a fraction of a pixel: a few edge pixels may flip.
        assert!(differing * 100 < expected.len(), "{variant}: {differing} silhouette pixels differ");
    }
}

#[test]
fn a_meshopt_file_has_the_geometry_of_its_uncompressed_fallback() {
    let sandbox = Sandbox::new();
    for name in ["meshopt-fallback.bin", "meshopt-fallback.fallback.bin"] {
        std::fs::copy(compressed(name), sandbox.path(name)).unwrap();
    }
    let text = std::fs::read_to_string(compressed("meshopt-fallback.gltf")).unwrap();
    std::fs::write(sandbox.path("decoded.gltf"), &text).unwrap();
    // The same document without the extension reads the fallback buffer as plain data.
    let mut plain: serde_json::Value = serde_json::from_str(&text).unwrap();
    for list in ["bufferViews", "buffers"] {
        for item in plain[list].as_array_mut().unwrap() {
            item.as_object_mut().unwrap().remove("extensions");
        }
    }
    for list in ["extensionsUsed", "extensionsRequired"] {
        if let Some(names) = plain[list].as_array_mut() {
            names.retain(|n| n != "EXT_meshopt_compression");
        }
    }
    std::fs::write(sandbox.path("plain.gltf"), plain.to_string()).unwrap();
    let (decoded, fallback) =
        (inspect(&sandbox, &sandbox.path("decoded.gltf")), inspect(&sandbox, &sandbox.path("plain.gltf")));
    assert_eq!(decoded["triangles"], 60);
    assert_eq!(decoded["bounds"], fallback["bounds"]);
    // (The positions are the fallback's bit for bit and the normals its octahedral values
    // filtered: see the meshopt module's unit test.)
}

#[test]
fn webp_and_ktx2_textures_give_the_colours_of_their_png_source() {
    let sandbox = Sandbox::new();
    let png = still(&sandbox, &compressed("box-textured.glb"), "png.png");
    let white = still(&sandbox, &util::fixture("box-gltf/Box.gltf"), "white.png");
    let untextured = mean_difference(&png, &white);
    // WebP (EXT_texture_webp), and KTX2 (KHR_texture_basisu) as ETC1S with mipmaps and as UASTC
    // with Zstandard: the files require their extension and hold no PNG fallback.
    for variant in ["box-textured-webp.glb", "box-textured-etc1s.glb", "box-textured-uastc.glb"] {
        let drawn = still(&sandbox, &compressed(variant), &format!("{variant}.png"));
        let report = inspect(&sandbox, &compressed(variant));
        assert_eq!(report["textures"].as_array().unwrap().len(), 1, "{variant}: {report}");
        assert_eq!(report["warnings"].as_array().map_or(0, Vec::len), 0, "{variant}: {report}");
        let mean = mean_difference(&png, &drawn);
        // Lossy codecs move colours a little; an untextured (white) box differs by far more.
        assert!(mean < 4.0, "{variant}: mean difference {mean}");
        assert!(untextured > 4.0 * mean.max(1.0), "{variant}: the check can tell textures apart ({untextured})");
    }
}

#[test]
fn a_broken_ktx2_texture_is_a_warning_and_the_model_renders_untextured() {
    let sandbox = Sandbox::new();
    let bytes = std::fs::read(compressed("box-textured-uastc.glb")).unwrap();
    let (json, bin) = glb_chunks(&bytes);
    let view = &json["bufferViews"][json["images"][0]["bufferView"].as_u64().unwrap() as usize];
    let start = bin + view["byteOffset"].as_u64().unwrap() as usize;
    // The Zstandard frame of level 0 (after the 12-byte identifier, header and indices) garbled.
    let mut broken = bytes.clone();
    let level_offset = u64::from_le_bytes(broken[start + 80..start + 88].try_into().unwrap()) as usize;
    broken[start + level_offset..start + level_offset + 64].fill(0x5A);
    expect_inspect_warning(
        &sandbox,
        "broken.glb",
        &broken,
        "warning: broken.glb: texture embedded image #0: the data of KTX2 level 0 is corrupt (the Basis transcoder cannot decode it); rendering untextured",
    );
    // A level that declares more inflated bytes than its blocks can hold is refused before inflating.
    let mut inflated = bytes;
    inflated[start + 96..start + 104].copy_from_slice(&(1u64 << 40).to_le_bytes());
    expect_inspect_warning(
        &sandbox,
        "inflated.glb",
        &inflated,
        "warning: inflated.glb: texture embedded image #0: KTX2 level 0 declares 1099511627776 bytes once inflated, more than its 211x211 texels can hold; rendering untextured",
    );
}

/// Writes `bytes` as `name` in the sandbox and checks that `inspect` reads it with `warning` on stderr.
fn expect_inspect_warning(sandbox: &Sandbox, name: &str, bytes: &[u8], warning: &str) {
    std::fs::write(sandbox.path(name), bytes).unwrap();
    let run = sandbox.run(&["inspect", name]);
    run.expect_success();
    assert!(run.stderr().contains(warning), "{run}");
}

/// Mean absolute difference of two same-sized frames' channels.
fn mean_difference(a: &image::RgbaImage, b: &image::RgbaImage) -> f64 {
    let total: u64 = a.as_raw().iter().zip(b.as_raw()).map(|(x, y)| x.abs_diff(*y) as u64).sum();
    total as f64 / a.as_raw().len() as f64
}

/// A GLB's JSON and binary chunks.
fn glb_chunks(bytes: &[u8]) -> (serde_json::Value, usize) {
    let length = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    let json = serde_json::from_slice(&bytes[20..20 + length]).unwrap();
    (json, 20 + length + 8)
}

#[test]
fn broken_compressed_data_gets_a_clear_error() {
    let sandbox = Sandbox::new();
    // Draco: the compressed stream overwritten with zeros, its length kept.
    let mut draco = std::fs::read(compressed("alien-draco.glb")).unwrap();
    let (json, bin) = glb_chunks(&draco);
    let view_index = json["meshes"][0]["primitives"][0]["extensions"]["KHR_draco_mesh_compression"]["bufferView"]
        .as_u64()
        .unwrap() as usize;
    let view = &json["bufferViews"][view_index];
    let start = bin + view["byteOffset"].as_u64().unwrap_or(0) as usize;
    let end = start + view["byteLength"].as_u64().unwrap() as usize;
    draco[start..end].fill(0);
    std::fs::write(sandbox.path("draco.glb"), &draco).unwrap();
    let run = sandbox.run(&["inspect", "draco.glb"]);
    run.expect_code(1);
    assert!(
        run.stderr().starts_with(
            "error: draco.glb: mesh 0 primitive 0 (KHR_draco_mesh_compression): the Draco data cannot be decoded"
        ),
        "{run}"
    );

    // meshopt: a stride the specification does not allow.
    for name in ["meshopt-fallback.bin", "meshopt-fallback.fallback.bin"] {
        std::fs::copy(compressed(name), sandbox.path(name)).unwrap();
    }
    let text = std::fs::read_to_string(compressed("meshopt-fallback.gltf")).unwrap();
    let mut document: serde_json::Value = serde_json::from_str(&text).unwrap();
    document["bufferViews"][0]["extensions"]["EXT_meshopt_compression"]["byteStride"] = 6.into();
    std::fs::write(sandbox.path("stride.gltf"), document.to_string()).unwrap();
    let run = sandbox.run(&["inspect", "stride.gltf"]);
    run.expect_code(1);
    assert!(
        run.stderr().starts_with(
            "error: stride.gltf: buffer view 0 (meshopt): byteStride 6 is not allowed for mode ATTRIBUTES"
        ),
        "{run}"
    );
}
