//! Wavefront OBJ loader (tobj): MTL diffuse colour and `map_Kd` textures, polygons triangulated,
//! vertex colours. A missing `.mtl` or texture is a warning; paths never leave the model folder.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use super::budget::Budget;
use super::files::{ModelFiles, MAX_SIDE_FILE_BYTES};
use super::paths::resolve_inside;
use super::sniff::{Head, Recognised};
use super::textures::{decode_texture, srgb_colour};
use super::{LoadContext, Material, Mesh, RawScene, Texture, TextureSlot, Vertex};
use crate::error::Problem;
use crate::text::quoted;

/// OBJ has no signature: text that no other format's signature claims may be one.
pub fn recognise(head: &Head) -> Result<Recognised, Problem> {
    Ok(match head.content.is_none() && head.is_text() {
        true => Recognised::May,
        false => Recognised::Not,
    })
}

/// Loads an OBJ file and the MTL files and textures it names.
pub fn load(context: &mut LoadContext, bytes: &[u8]) -> Result<RawScene> {
    let (text, skipped) = without_points_and_lines(&decode_text(bytes)?);
    reserve_geometry(&text, &mut context.budget)?;
    let base_dir = PathBuf::new();
    let warnings = RefCell::new(Vec::new());
    let mtl_dirs = RefCell::new(Vec::<PathBuf>::new());
    let options =
        tobj::LoadOptions { single_index: true, triangulate: true, ignore_points: false, ignore_lines: false };
    let files = RefCell::new(&mut *context.files);
    let (models, materials) = tobj::load_obj_buf(&mut Cursor::new(text.as_bytes()), &options, |mtl| {
        load_mtl(mtl, &base_dir, &mut **files.borrow_mut(), &warnings, &mtl_dirs)
    })
    .map_err(|e| Problem::input(format!("invalid OBJ: {}", describe_tobj_error(&e, &text))))?;
    let files = files.into_inner();
    let mut warnings = warnings.into_inner();
    if skipped > 0 {
        warnings.push(format!("skipped {skipped} point/line statement(s) (`p`, `l`): only faces are rendered"));
    }
    let obj_materials = materials.unwrap_or_default();
    for name in undefined_materials(&text, &obj_materials) {
        warnings.push(format!("material '{name}' is used but not defined in any .mtl; using a default material"));
    }
    let mut search_dirs = vec![base_dir.clone()];
    search_dirs.extend(mtl_dirs.into_inner());

    let mut textures = TextureCache::default();
    let mut scene_materials: Vec<Material> = obj_materials
        .iter()
        .map(|m| Material {
            name: m.name.clone(),
            base_color: srgb_colour(m.diffuse.unwrap_or([1.0; 3]), m.dissolve.unwrap_or(1.0)),
            base_color_texture: m
                .diffuse_texture
                .as_deref()
                .and_then(|t| textures.load(t, &search_dirs, files, &mut context.budget, &mut warnings))
                .map(TextureSlot::smooth),
            ..Material::default_white()
        })
        .collect();
    let default_material = scene_materials.len();
    scene_materials.push(Material::default_white());

    let mut meshes = Vec::new();
    for model in models {
        let mesh = model.mesh;
        if mesh.indices.is_empty() {
            continue;
        }
        let material = match mesh.material_id {
            Some(id) if id < obj_materials.len() => id,
            Some(_) | None => default_material,
        };
        meshes.push(Mesh { name: model.name, material, vertices: vertices_of(&mesh), indices: mesh.indices });
    }
    if meshes.is_empty() {
        bail!(Problem::input("the OBJ file has no faces, so there is nothing to render")
            .with_hint("holoforge renders triangle meshes; points (`p`), lines (`l`) and bare vertices are not drawn"));
    }
    let used: Vec<bool> = (0..scene_materials.len()).map(|i| meshes.iter().any(|m| m.material == i)).collect();
    if !used[default_material] {
        scene_materials.pop();
    }
    Ok(RawScene {
        meshes,
        materials: scene_materials,
        textures: textures.textures,
        animations: Vec::new(),
        cameras: Vec::new(),
        rig: None,
        warnings,
    })
}

/// The OBJ text without `p` and `l` statements (tobj would turn long `l` polylines into faces),
/// and how many were removed.
fn without_points_and_lines(text: &str) -> (String, usize) {
    let mut skipped = 0;
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| {
            let keyword = line.split_whitespace().next().unwrap_or("");
            let drop = keyword == "p" || keyword == "l";
            skipped += drop as usize;
            !drop
        })
        .collect();
    (kept.join("\n"), skipped)
}

/// Names given to `usemtl` that no loaded material has.
fn undefined_materials(text: &str, materials: &[tobj::Material]) -> Vec<String> {
    let mut missing: Vec<String> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix("usemtl"))
        .map(|rest| rest.trim().to_string())
        .filter(|name| !name.is_empty() && !materials.iter().any(|m| &m.name == name))
        .collect();
    missing.sort();
    missing.dedup();
    missing
}

/// OBJ text as UTF-8: UTF-8 (with or without BOM) or UTF-16 with a BOM.
fn decode_text(bytes: &[u8]) -> Result<String> {
    let utf16 = |be: bool| -> Result<String> {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| if be { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) })
            .collect();
        String::from_utf16(&units).map_err(|_| Problem::input("invalid UTF-16 text in the OBJ file").into())
    };
    if bytes.starts_with(b"\xfe\xff") {
        return utf16(true);
    }
    if bytes.starts_with(b"\xff\xfe") {
        return utf16(false);
    }
    let bytes = super::sniff::strip_bom(bytes);
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// Reserves the budget for what tobj will build from `text`: a vertex and an index per face
/// corner (at most), counted before tobj allocates anything.
fn reserve_geometry(text: &str, budget: &mut Budget) -> Result<()> {
    let mut corners = 0u64;
    let mut triangles = 0u64;
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() == Some("f") {
            let n = words.count() as u64;
            corners += n;
            triangles += n.saturating_sub(2);
        }
    }
    budget.reserve(|| "the OBJ's faces".into(), triangles * 3, 4 + 4)?;
    budget.reserve(|| "the OBJ's face corners".into(), corners, std::mem::size_of::<Vertex>() as u64 + 36)
}

fn load_mtl(
    reference: &Path,
    base_dir: &Path,
    files: &mut dyn ModelFiles,
    warnings: &RefCell<Vec<String>>,
    mtl_dirs: &RefCell<Vec<PathBuf>>,
) -> tobj::MTLLoadResult {
    let reference = reference.to_string_lossy();
    let resolved = resolve_inside(&reference, base_dir);
    let result = resolved.and_then(|path| {
        let bytes = files.read(&path, &reference, MAX_SIDE_FILE_BYTES)?;
        let text = decode_text(&bytes)?;
        let parsed = tobj::load_mtl_buf(&mut Cursor::new(text.as_bytes()))
            .map_err(|e| Problem::input(format!("{}: {}", quoted(&reference), describe_tobj_error(&e, &text))))?;
        if let Some(dir) = path.parent() {
            mtl_dirs.borrow_mut().push(dir.to_path_buf());
        }
        Ok(parsed)
    });
    result.map_err(|e| {
        warnings.borrow_mut().push(format!("material library {e:#}; using a default material"));
        tobj::LoadError::OpenFileFailed
    })
}

/// What tobj's error means, with the line it most likely stopped at (tobj does not say).
fn describe_tobj_error(error: &tobj::LoadError, text: &str) -> String {
    let what = describe_tobj_error_kind(error);
    match offending_line(error, text) {
        Some((number, line)) => format!("line {number}: {what}: {}", quoted(line.trim())),
        None => what,
    }
}

/// The first line whose statement tobj's error is about and that does not parse as it should.
fn offending_line<'t>(error: &tobj::LoadError, text: &'t str) -> Option<(usize, &'t str)> {
    use tobj::LoadError::*;
    let (keyword, numbers): (&str, usize) = match error {
        PositionParseError => ("v", 3),
        NormalParseError => ("vn", 3),
        TexcoordParseError => ("vt", 1),
        FaceParseError
        | InvalidPolygon
        | FaceVertexOutOfBounds
        | FaceTexCoordOutOfBounds
        | FaceNormalOutOfBounds
        | FaceColorOutOfBounds => ("f", 0),
        _ => return None,
    };
    let mut counts = [0usize; 3];
    for (index, line) in text.lines().enumerate() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        match first {
            "v" => counts[0] += 1,
            "vt" => counts[1] += 1,
            "vn" => counts[2] += 1,
            _ => {}
        }
        if first != keyword {
            continue;
        }
        let rest: Vec<&str> = words.collect();
        let bad = if keyword == "f" {
            rest.len() < 3 || rest.iter().any(|corner| !face_corner_fits(corner, counts))
        } else {
            rest.len() < numbers || rest.iter().take(numbers).any(|w| w.parse::<f32>().is_err())
        };
        if bad {
            return Some((index + 1, line));
        }
    }
    None
}

/// Whether a face corner `v/vt/vn` has numbers that refer to elements defined so far.
fn face_corner_fits(corner: &str, counts: [usize; 3]) -> bool {
    corner.split('/').zip(counts).all(|(part, count)| {
        part.is_empty() || part.parse::<i64>().is_ok_and(|i| i != 0 && (i.unsigned_abs() as usize) <= count)
    })
}

fn describe_tobj_error_kind(error: &tobj::LoadError) -> String {
    use tobj::LoadError::*;
    match error {
        OpenFileFailed => "cannot open the file".into(),
        ReadError => "read error".into(),
        UnrecognizedCharacter => "unrecognised character".into(),
        PositionParseError => "a vertex position (`v`) is not a valid number".into(),
        NormalParseError => "a normal (`vn`) is not a valid number".into(),
        TexcoordParseError => "a texture coordinate (`vt`) is not a valid number".into(),
        FaceParseError => "a face (`f`) is malformed".into(),
        MaterialParseError => "a material statement is malformed".into(),
        InvalidObjectName => "an object name is invalid".into(),
        InvalidPolygon => "a face has fewer than 3 vertices".into(),
        FaceVertexOutOfBounds => "a face refers to a vertex that does not exist".into(),
        FaceTexCoordOutOfBounds => "a face refers to a texture coordinate that does not exist".into(),
        FaceNormalOutOfBounds => "a face refers to a normal that does not exist".into(),
        FaceColorOutOfBounds => "a face refers to a vertex colour that does not exist".into(),
        InvalidLoadOptionConfig => "invalid loader options".into(),
        GenericFailure => "the file could not be parsed".into(),
        ScalingByZeroError => "a texture option scales by zero".into(),
        ColorParseError => "a vertex colour is not a valid number".into(),
    }
}

fn vertices_of(mesh: &tobj::Mesh) -> Vec<Vertex> {
    let count = mesh.positions.len() / 3;
    let has = |data: &[f32], width: usize| data.len() >= count * width && !data.is_empty();
    let (normals, uvs, colours) = (has(&mesh.normals, 3), has(&mesh.texcoords, 2), has(&mesh.vertex_color, 3));
    (0..count)
        .map(|i| Vertex {
            position: [mesh.positions[3 * i], mesh.positions[3 * i + 1], mesh.positions[3 * i + 2]],
            normal: if normals {
                [mesh.normals[3 * i], mesh.normals[3 * i + 1], mesh.normals[3 * i + 2]]
            } else {
                [0.0; 3]
            },
            // OBJ's v runs bottom-to-top; the renderer samples glTF-style (top-to-bottom).
            uv: if uvs { [mesh.texcoords[2 * i], 1.0 - mesh.texcoords[2 * i + 1]] } else { [0.0; 2] },
            color: if colours {
                srgb_colour([mesh.vertex_color[3 * i], mesh.vertex_color[3 * i + 1], mesh.vertex_color[3 * i + 2]], 1.0)
            } else {
                [1.0; 4]
            },
        })
        .collect()
}

/// Whether a read failed only because the file is not there (so other folders may be searched).
fn is_missing(error: &anyhow::Error) -> bool {
    let text = error.to_string();
    text.ends_with("no such file")
}

/// Decodes each texture file once, searching the OBJ's folder and the folders of its MTL files.
#[derive(Default)]
struct TextureCache {
    textures: Vec<Texture>,
    by_reference: HashMap<String, Option<usize>>,
}

impl TextureCache {
    fn load(
        &mut self,
        reference: &str,
        search_dirs: &[PathBuf],
        files: &mut dyn ModelFiles,
        budget: &mut Budget,
        warnings: &mut Vec<String>,
    ) -> Option<usize> {
        if let Some(&known) = self.by_reference.get(reference) {
            return known;
        }
        let result = self.read(reference, search_dirs, files, budget, warnings);
        let index = match result {
            Ok(texture) => {
                self.textures.push(texture);
                Some(self.textures.len() - 1)
            }
            Err(e) => {
                warnings.push(format!("texture {}: {e:#}; rendering untextured", quoted(reference)));
                None
            }
        };
        self.by_reference.insert(reference.to_string(), index);
        index
    }

    fn read(
        &self,
        reference: &str,
        search_dirs: &[PathBuf],
        files: &mut dyn ModelFiles,
        budget: &mut Budget,
        warnings: &mut Vec<String>,
    ) -> Result<Texture> {
        // `map_Kd -s 1 1 1 file.png`: options come first, the file name last.
        let file_name = reference.split_whitespace().last().unwrap_or(reference);
        let candidates = [reference, file_name];
        let mut last_error = None;
        for dir in search_dirs {
            for candidate in candidates {
                let path = resolve_inside(candidate, dir)?;
                match files.read(&path, candidate, MAX_SIDE_FILE_BYTES) {
                    Ok(bytes) => return decode_texture(candidate, &bytes, budget, warnings),
                    Err(e) if is_missing(&e) => last_error = Some(anyhow::anyhow!("file not found")),
                    Err(e) => return Err(e),
                }
            }
        }
        Err(last_error.unwrap_or_else(|| anyhow::anyhow!("file not found")))
    }
}
