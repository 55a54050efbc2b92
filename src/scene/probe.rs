//! A quick look at a model file without loading it — the files it names (glTF buffers and images,
//! OBJ material libraries and textures) and its animations' lengths — for plans (`validate`,
//! `run --dry-run`) and for the checks made before any work. Lenient: what cannot be read here is
//! reported by the real load.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use super::paths::resolve_inside;

/// Largest glTF JSON or OBJ text read for a probe.
pub(crate) const MAX_PROBE_BYTES: u64 = 256 << 20;
/// Largest PLY header read for a probe.
const MAX_PLY_HEADER_BYTES: u64 = 1 << 20;

/// What a probe found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Probe {
    /// Files the model names, inside its folder (whether or not they exist).
    pub dependencies: Vec<PathBuf>,
    /// The glTF animations, in file order.
    pub animations: Vec<ProbedAnimation>,
}

/// One animation as the glTF JSON declares it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbedAnimation {
    /// Its name (or `animation #N`, as the loader names it).
    pub name: String,
    /// Its length: the largest keyframe time its samplers' input accessors declare (`max`).
    pub seconds: Option<f64>,
}

/// Probes a model file with its loader's probe (by its extension); an unreadable file, or one of
/// a format that names no other files, gives an empty probe.
pub fn probe(path: &Path) -> Probe {
    let folder = path.parent().unwrap_or(Path::new(""));
    let probe = super::loader_for(path).ok().and_then(|loader| loader.probe);
    probe.and_then(|probe| probe(path, folder)).unwrap_or_default()
}

/// Probes a glTF or GLB file: the buffers and images it names, its animations.
pub fn probe_gltf(path: &Path, folder: &Path) -> Option<Probe> {
    let (mut file, _) = super::files::open_regular(path).ok()?;
    let mut head = [0u8; 20];
    let mut bytes = Vec::new();
    let head_len = file.read(&mut head).ok()?;
    if head_len == 20 && head.starts_with(b"glTF") {
        // A GLB: only its JSON chunk, which follows the 12-byte header and an 8-byte chunk header.
        let json_len = u32::from_le_bytes([head[12], head[13], head[14], head[15]]) as u64;
        file.take(json_len.min(MAX_PROBE_BYTES)).read_to_end(&mut bytes).ok()?;
    } else {
        bytes.extend_from_slice(&head[..head_len]);
        file.take(MAX_PROBE_BYTES).read_to_end(&mut bytes).ok()?;
    }
    probe_gltf_json(&bytes, folder)
}

/// Probes a model held in memory (standard input): a GLB's JSON chunk or glTF JSON; others
/// give an empty probe.
pub fn probe_bytes(bytes: &[u8]) -> Probe {
    let json = match bytes.get(..20) {
        Some(head) if head.starts_with(b"glTF") => {
            let length = u32::from_le_bytes([head[12], head[13], head[14], head[15]]) as usize;
            bytes.get(20..20usize.saturating_add(length)).unwrap_or_default()
        }
        _ => bytes,
    };
    probe_gltf_json(json, Path::new("")).map(|p| Probe { dependencies: Vec::new(), ..p }).unwrap_or_default()
}

/// Probes glTF JSON (`bytes`, a GLB's JSON chunk or a `.gltf` file) of a model in `folder`.
pub fn probe_gltf_json(bytes: &[u8], folder: &Path) -> Option<Probe> {
    let json = super::sniff::strip_bom(bytes);
    // The raw JSON, read with checked indices: the document is not validated yet.
    let root: gltf::json::Root = gltf::json::deserialize::from_slice(json).ok()?;
    let uris = root
        .buffers
        .iter()
        .filter_map(|b| b.uri.as_deref())
        .chain(root.images.iter().filter_map(|i| i.uri.as_deref()))
        .filter(|uri| !uri.starts_with("data:"));
    let dependencies = uris.filter_map(|uri| super::gltf::resolve_relative_uri(uri, folder).ok()).collect();
    let animations = root
        .animations
        .iter()
        .enumerate()
        .map(|(index, animation)| {
            let maxima: Option<Vec<f64>> = animation
                .channels
                .iter()
                .map(|channel| {
                    let sampler = animation.samplers.get(channel.sampler.value())?;
                    let input = root.accessors.get(sampler.input.value())?;
                    input.max.as_ref()?.get(0)?.as_f64()
                })
                .collect();
            ProbedAnimation {
                name: animation.name.clone().unwrap_or_else(|| format!("animation #{index}")),
                seconds: maxima.map(|m| m.into_iter().filter(|t| t.is_finite()).fold(0.0, f64::max)),
            }
        })
        .collect();
    Some(Probe { dependencies, animations })
}

/// Probes an OBJ file: the material libraries it names and the textures they name.
pub fn probe_obj(path: &Path, folder: &Path) -> Option<Probe> {
    let (file, _) = super::files::open_regular(path).ok()?;
    let mut dependencies = Vec::new();
    let reader = std::io::BufReader::new(file.take(MAX_PROBE_BYTES));
    for line in reader.split(b'\n').map_while(Result::ok) {
        let line = String::from_utf8_lossy(&line);
        let Some(libraries) = line.trim().strip_prefix("mtllib") else { continue };
        for library in libraries.split_whitespace() {
            let Ok(relative) = resolve_inside(library, Path::new("")) else { continue };
            let mtl = folder.join(&relative);
            dependencies.extend(mtl_textures(&mtl, folder, relative.parent().unwrap_or(Path::new(""))));
            dependencies.push(mtl);
        }
    }
    Some(Probe { dependencies, animations: Vec::new() })
}

/// Probes a PLY file: the texture its header's `comment TextureFile` names.
pub fn probe_ply(path: &Path, folder: &Path) -> Option<Probe> {
    let (file, _) = super::files::open_regular(path).ok()?;
    let reader = std::io::BufReader::new(file.take(MAX_PLY_HEADER_BYTES));
    let mut dependencies = Vec::new();
    for line in reader.split(b'\n').map_while(Result::ok) {
        let line = String::from_utf8_lossy(&line);
        if line.trim() == "end_header" {
            break;
        }
        let texture = line.trim().strip_prefix("comment").and_then(super::ply::texture_file);
        if let Some(relative) = texture.and_then(|name| resolve_inside(name, Path::new("")).ok()) {
            dependencies.push(folder.join(relative));
        }
    }
    Some(Probe { dependencies, animations: Vec::new() })
}

/// The `map_Kd` textures an `.mtl` names.
fn mtl_textures(mtl: &Path, folder: &Path, mtl_dir: &Path) -> Vec<PathBuf> {
    let Ok((file, _)) = super::files::open_regular(mtl) else { return Vec::new() };
    let mut text = String::new();
    if file.take(MAX_PROBE_BYTES).read_to_string(&mut text).is_err() {
        return Vec::new();
    }
    text.lines()
        .filter_map(|line| line.trim().strip_prefix("map_Kd"))
        .filter_map(|rest| rest.split_whitespace().last())
        .flat_map(|name| [resolve_inside(name, mtl_dir), resolve_inside(name, Path::new(""))])
        .filter_map(Result::ok)
        .map(|relative| folder.join(relative))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gltf_probe_lists_its_files_and_animation_lengths() {
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("m.gltf");
        std::fs::write(
            &model,
            r#"{"asset": {"version": "2.0"}, "nodes": [{}], "buffers": [{"byteLength": 4, "uri": "data/b%20c.bin"}],
               "images": [{"uri": "t.png"}],
               "accessors": [{"componentType": 5126, "count": 2, "type": "SCALAR", "max": [2.5]}],
               "animations": [{"channels": [{"sampler": 0, "target": {"node": 0, "path": "translation"}}],
                               "samplers": [{"input": 0, "output": 0}]}]}"#,
        )
        .unwrap();
        let probe = probe(&model);
        assert_eq!(probe.dependencies, [dir.path().join("data/b c.bin"), dir.path().join("t.png")]);
        assert_eq!(probe.animations, [ProbedAnimation { name: "animation #0".into(), seconds: Some(2.5) }]);
    }
}
