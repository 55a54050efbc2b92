//! Entry points shared by the fuzz targets (`fuzz/`) and the test that replays their findings
//! (`tests/fuzz_regressions.rs`): each feeds arbitrary bytes to one parser and must return —
//! an error is fine, a panic, an abort or an allocation beyond the memory budget is a bug.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::scene::files::MemoryFiles;
use crate::scene::{self, UpChoice};
use crate::settings::Settings;

/// One fuzz target's entry point: takes any bytes, must return.
pub type Entry = fn(&[u8]);

/// The fuzz targets, by name (the folder names under `fuzz/regressions/`).
pub const TARGETS: &[(&str, Entry)] = &[
    ("gltf", gltf),
    ("fbx", fbx),
    ("obj", obj),
    ("ply", ply),
    ("stl", stl),
    ("three_mf", three_mf),
    ("texture", texture),
    ("manifest", manifest),
    ("frames_json", frames_json),
];

/// A `.glb`/`.gltf` file (the content decides); `buffer.bin` and `texture.png` exist beside it
/// and hold the input's second half.
pub fn gltf(data: &[u8]) {
    let mut files = MemoryFiles::default();
    let tail = data[data.len() / 2..].to_vec();
    files.0.insert(PathBuf::from("buffer.bin"), tail.clone());
    files.0.insert(PathBuf::from("texture.png"), tail);
    let _ = scene::load_bytes(Path::new("model.glb"), data, &mut files, UpChoice::Auto);
    let _ = scene::probe::probe_gltf_json(data, Path::new(""));
}

/// An FBX file, binary or ASCII; `texture.png` beside it holds the input's second half.
pub fn fbx(data: &[u8]) {
    load_with_texture("model.fbx", data);
}

/// An OBJ file; the text after a line `#MTL` is `model.mtl` beside it (`mtllib model.mtl`).
pub fn obj(data: &[u8]) {
    let split = data.windows(5).position(|w| w == b"\n#MTL").unwrap_or(data.len());
    let mut files = MemoryFiles::default();
    files.0.insert(PathBuf::from("model.mtl"), data[split..].to_vec());
    let _ = scene::load_bytes(Path::new("model.obj"), &data[..split], &mut files, UpChoice::Auto);
}

/// A PLY file, any encoding; `texture.png` beside it holds the input's second half.
pub fn ply(data: &[u8]) {
    load_with_texture("model.ply", data);
}

/// Loads `data` as the model `name`, with `texture.png` beside it holding the input's second half.
fn load_with_texture(name: &str, data: &[u8]) {
    let mut files = MemoryFiles::default();
    files.0.insert(PathBuf::from("texture.png"), data[data.len() / 2..].to_vec());
    let _ = scene::load_bytes(Path::new(name), data, &mut files, UpChoice::Auto);
}

/// A 3MF archive.
pub fn three_mf(data: &[u8]) {
    let _ = scene::load_bytes(Path::new("model.3mf"), data, &mut MemoryFiles::default(), UpChoice::Auto);
}

/// A texture image: PNG, JPEG, WebP, BMP, TGA or KTX2 (Basis Universal).
pub fn texture(data: &[u8]) {
    let mut budget = crate::scene::budget::Budget::default();
    let _ = crate::scene::textures::decode_texture("texture", data, &mut budget, &mut Vec::new());
}

/// An STL file, ASCII or binary.
pub fn stl(data: &[u8]) {
    let mut files = MemoryFiles::default();
    let _ = scene::load_bytes(Path::new("model.stl"), data, &mut files, UpChoice::Auto);
}

/// A job manifest, in a folder that holds `model.stl` and `model.glb` (so jobs resolve fully).
pub fn manifest(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let folder = model_folder();
    let _ = crate::manifest::parse(&folder.join("jobs.toml"), text, folder, &Settings::default());
}

/// `encode`'s `frames.json` sidecar.
pub fn frames_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = crate::commands::encode::parse_sidecar(Path::new("frames.json"), text);
}

/// A scratch folder with a small STL and glTF model, made once per process.
fn model_folder() -> &'static Path {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        // A folder of its own, made new (create_dir fails on a name that exists: nothing is overwritten).
        let base = std::env::temp_dir().join(format!("holoforge-harness-{}", std::process::id()));
        let folder = (0..1000)
            .map(|n| base.with_extension(n.to_string()))
            .find(|f| std::fs::create_dir(f).is_ok())
            .unwrap_or(base);
        let mut stl = [0u8; 84 + 50];
        stl[80] = 1;
        for (i, v) in [1.0f32, 0.0, 0.0, 0.0, 1.0, 0.0].iter().enumerate() {
            stl[84 + 24 + 4 * i..84 + 28 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        let gltf = SLIDING_TRIANGLE.replace("INTERPOLATION", "LINEAR");
        for (name, bytes) in [("model.stl", &stl[..]), ("model.glb", gltf.as_bytes())] {
            // create_new: a file that is already there is left alone.
            let file = std::fs::OpenOptions::new().write(true).create_new(true).open(folder.join(name));
            let _ = file.and_then(|mut f| std::io::Write::write_all(&mut f, bytes));
        }
        folder
    })
}

/// A triangle whose node slides from x = −2 to x = +2 over one second (an animated glTF for
/// manifest jobs and tests); `INTERPOLATION` is replaced by the sampler's interpolation.
pub const SLIDING_TRIANGLE: &str = r#"{
  "asset": {"version": "2.0"},
  "scene": 0,
  "scenes": [{"nodes": [0]}],
  "nodes": [{"mesh": 0}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
  "animations": [{"name": "slide", "channels": [{"sampler": 0, "target": {"node": 0, "path": "translation"}}],
                  "samplers": [{"input": 1, "output": 2, "interpolation": "INTERPOLATION"}]}],
  "accessors": [
    {"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [-0.5, 0, 0], "max": [0.5, 1, 0]},
    {"bufferView": 1, "componentType": 5126, "count": 2, "type": "SCALAR", "min": [0], "max": [1]},
    {"bufferView": 2, "componentType": 5126, "count": 2, "type": "VEC3"}
  ],
  "bufferViews": [{"buffer": 0, "byteLength": 36}, {"buffer": 0, "byteOffset": 36, "byteLength": 8}, {"buffer": 0, "byteOffset": 44, "byteLength": 24}],
  "buffers": [{"byteLength": 68, "uri": "data:application/octet-stream;base64,AAAAvwAAAAAAAAAAAAAAPwAAAAAAAAAAAAAAAAAAgD8AAAAAAAAAAAAAgD8AAADAAAAAAAAAAAAAAABAAAAAAAAAAAA="}]
}"#;
