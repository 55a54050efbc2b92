//! PLY loader (ASCII, binary little and big endian), parsed by the `ply-rs-bw` crate into
//! holoforge's own element types: vertices with normals, colours and texture coordinates
//! (`s,t`, `u,v`, `texture_u,texture_v`, `texture_s,texture_t`), faces of any arity
//! (fan-triangulated, with per-corner `texcoord` lists when present), triangle strips
//! (`tristrips`, `-1` restarts a strip), and the texture a `comment TextureFile NAME` line names.
//!
//! Every element count in the header is checked against the bytes that follow it and against the
//! memory budget before the payload is read. PLY has no up-axis convention: scans from the
//! Stanford repository and MeshLab exports are Y-up, so Y is the default (`--up z` for Z-up CAD
//! and photogrammetry exports). A file with vertices and no faces (a point cloud) is refused.

use std::borrow::Cow;
use std::io::{Cursor, Read};
use std::path::Path;

use anyhow::Result;
use ply_rs_bw::parser::{ParseError, Parser, Reader};
use ply_rs_bw::ply::{Encoding, Header, Property, PropertyAccess, PropertyAccessResult, PropertyType, ScalarType};

use super::budget::Budget;
use super::files::{ModelFiles, MAX_SIDE_FILE_BYTES};
use super::paths::resolve_inside;
use super::sniff::{Content, Head, Recognised};
use super::textures::{decode_texture, srgb_colour};
use super::{LoadContext, Material, Mesh, RawScene, Texture, TextureSlot, Vertex};
use crate::error::Problem;
use crate::text::{first_line, plural, quoted};

/// Recognises PLY by its first line, `ply`.
pub fn recognise(head: &Head) -> Result<Recognised, Problem> {
    Ok(match head.content {
        Some(Content::Ply) => Recognised::Is("ply"),
        _ => Recognised::Not,
    })
}

/// Loads a PLY file and the texture it names.
pub fn load(context: &mut LoadContext, bytes: &[u8]) -> Result<RawScene> {
    let mut warnings = Vec::new();
    let (header_text, payload) = split_header(bytes);
    let header_text = mend_stray_lines(header_text, &mut warnings);
    let mut reader = Reader::new(Cursor::new(header_text.as_ref()).chain(Cursor::new(payload)));
    let header =
        Parser::<PlyVertex>::new().read_header(&mut reader).map_err(|e| invalid(&first_line(&e.to_string())))?;
    let header_left = header_text.len() as u64 - reader.get_ref().get_ref().0.position();
    check_counts(&header, header_left + payload.len() as u64)?;
    let vertex_def = header.elements.get("vertex").ok_or_else(|| invalid("the header declares no `vertex` element"))?;
    if let Some(axis) = ["x", "y", "z"].into_iter().find(|axis| !vertex_def.properties.contains_key(*axis)) {
        return Err(invalid(&format!("the `vertex` element has no `{axis}` property")));
    }
    let vertex_bytes = (std::mem::size_of::<PlyVertex>() + std::mem::size_of::<Vertex>()) as u64;
    context.budget.reserve(|| "the PLY's vertices".into(), vertex_def.count as u64, vertex_bytes)?;

    let (mut vertices, mut faces, mut strips) = (Vec::new(), Vec::new(), Vec::new());
    for (name, def) in &header.elements {
        let failed = |e: ParseError| invalid(&format!("element `{name}`: {}", first_line(&e.to_string())));
        match name.as_str() {
            "vertex" => {
                vertices =
                    Parser::<PlyVertex>::new().read_payload_for_element(&mut reader, def, &header).map_err(failed)?
            }
            "face" | "tristrips" => {
                context.budget.reserve(|| format!("the PLY's `{name}` elements"), def.count as u64, 64)?;
                let read =
                    Parser::<PlyFace>::new().read_payload_for_element(&mut reader, def, &header).map_err(failed)?;
                match name.as_str() {
                    "face" => faces = read,
                    _ => strips = read,
                }
            }
            _ => {
                Parser::<Skipped>::new().read_payload_for_element(&mut reader, def, &header).map_err(failed)?;
            }
        }
    }

    let triangles = triangulate(&faces, &strips, vertices.len(), &mut warnings);
    if triangles.is_empty() && faces.is_empty() && strips.is_empty() {
        return Err(Problem::input(format!(
            "the PLY file has {} and no faces (a point cloud)",
            vertex_count(vertices.len())
        ))
        .with_hint("holoforge renders surfaces; mesh a scan first (surface reconstruction in MeshLab or Open3D)")
        .into());
    }
    if triangles.is_empty() {
        return Err(invalid(&format!("no face makes a triangle ({})", warnings.join("; "))));
    }
    context.budget.reserve(|| "the PLY's triangles".into(), triangles.len() as u64, 3 * (4 + vertex_bytes))?;
    let mesh = build_mesh(&vertices, &triangles);

    let mut textures = Vec::new();
    let texture = header.comments.iter().find_map(|c| texture_file(c)).and_then(|name| {
        match read_texture(name, &mut *context.files, &mut context.budget, &mut warnings) {
            Ok(texture) => {
                textures.push(texture);
                Some(0)
            }
            Err(e) => {
                warnings.push(format!("texture {}: {e:#}; rendering untextured", quoted(name)));
                None
            }
        }
    });
    let material = Material {
        name: "ply".into(),
        base_color_texture: texture.map(TextureSlot::smooth),
        ..Material::default_white()
    };
    Ok(RawScene { meshes: vec![mesh], materials: vec![material], textures, warnings, ..RawScene::default() })
}

/// The header (through the `end_header` line within the first MiB) and the payload after it; all
/// header when the line is not found there (the parser then reads on, or says it is missing).
fn split_header(bytes: &[u8]) -> (&[u8], &[u8]) {
    let head = &bytes[..bytes.len().min(1 << 20)];
    let end = head.windows(10).position(|w| w == b"end_header").and_then(|at| {
        let newline = bytes[at..].iter().position(|&b| b == b'\n')?;
        Some(at + newline + 1)
    });
    bytes.split_at(end.unwrap_or(bytes.len()))
}

/// Header lines that start with no PLY keyword (old Blender exports write a bare
/// `Created by Blender3D 247 …` line) are read as comments, with a warning.
fn mend_stray_lines<'a>(header: &'a [u8], warnings: &mut Vec<String>) -> Cow<'a, [u8]> {
    const KEYWORDS: &[&str] = &["ply", "format", "comment", "obj_info", "element", "property", "end_header"];
    let is_stray = |line: &[u8]| {
        let word = line.split(|b| b.is_ascii_whitespace()).next().unwrap_or_default();
        !word.is_empty() && !KEYWORDS.iter().any(|k| k.as_bytes() == word)
    };
    let lines = || header.split(|&b| b == b'\n');
    let stray: Vec<usize> = lines().enumerate().filter(|(_, l)| is_stray(l)).map(|(i, _)| i).collect();
    if stray.is_empty() {
        return Cow::Borrowed(header);
    }
    let numbers: Vec<String> = stray.iter().map(|i| (i + 1).to_string()).collect();
    warnings.push(format!("header line {} starts with no PLY keyword; read as a comment", numbers.join(", ")));
    let mut mended = Vec::with_capacity(header.len() + 8 * stray.len());
    for (i, line) in lines().enumerate() {
        if i > 0 {
            mended.push(b'\n');
        }
        if stray.contains(&i) {
            mended.extend_from_slice(b"comment ");
        }
        mended.extend_from_slice(line);
    }
    Cow::Owned(mended)
}

/// The texture a header comment names (`comment TextureFile wood.png`, as MeshLab writes it).
pub fn texture_file(comment: &str) -> Option<&str> {
    comment.trim().strip_prefix("TextureFile").map(str::trim).filter(|name| !name.is_empty())
}

/// `1 vertex`, `8 vertices`.
fn vertex_count(count: usize) -> String {
    match count {
        1 => "1 vertex".into(),
        n => format!("{n} vertices"),
    }
}

fn invalid(what: &str) -> anyhow::Error {
    Problem::input(format!("invalid PLY: {what}")).into()
}

fn read_texture(
    name: &str,
    files: &mut dyn ModelFiles,
    budget: &mut Budget,
    warnings: &mut Vec<String>,
) -> Result<Texture> {
    let path = resolve_inside(name, Path::new(""))?;
    let bytes = files.read(&path, name, MAX_SIDE_FILE_BYTES)?;
    decode_texture(name, &bytes, budget, warnings)
}

/// Refuses a header whose element counts need more bytes than follow it: at least one byte per
/// binary element (its scalars and list counts), two per ASCII value (a digit and a separator).
fn check_counts(header: &Header, payload_len: u64) -> Result<()> {
    let mut needed: u64 = 0;
    for (name, def) in &header.elements {
        let each = match header.encoding {
            Encoding::Ascii => 2 * def.properties.len() as u64,
            Encoding::BinaryBigEndian | Encoding::BinaryLittleEndian => def
                .properties
                .values()
                .map(|p| match &p.data_type {
                    PropertyType::Scalar(t) | PropertyType::List(t, _) => scalar_bytes(t),
                })
                .sum(),
        };
        needed = needed.saturating_add((def.count as u64).saturating_mul(each.max(1)));
        if needed > payload_len {
            return Err(Problem::input(format!(
                "invalid PLY: the header declares {} `{name}` elements, which need at least {needed} bytes with the \
                 elements before them, but only {payload_len} bytes follow the header",
                def.count
            ))
            .with_hint("the file is truncated, or its header is wrong")
            .into());
        }
    }
    Ok(())
}

fn scalar_bytes(scalar: &ScalarType) -> u64 {
    match scalar {
        ScalarType::Char | ScalarType::UChar => 1,
        ScalarType::Short | ScalarType::UShort => 2,
        ScalarType::Int | ScalarType::UInt | ScalarType::Float => 4,
        ScalarType::Double => 8,
    }
}

/// One corner of a triangle: its vertex and, when the face has a `texcoord` list, its own UV.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Corner {
    vertex: u32,
    uv: Option<[f32; 2]>,
}

/// The triangles of the faces (fans) and strips; faces that name missing vertices or have fewer
/// than three corners are skipped with a warning.
fn triangulate(faces: &[PlyFace], strips: &[PlyFace], vertices: usize, warnings: &mut Vec<String>) -> Vec<[Corner; 3]> {
    let known = |i: i64| usize::try_from(i).is_ok_and(|i| i < vertices);
    let (mut missing, mut too_small) = (0, 0);
    let mut triangles = Vec::new();
    for face in faces {
        if face.indices.len() < 3 {
            too_small += 1;
            continue;
        }
        if !face.indices.iter().all(|&i| known(i)) {
            missing += 1;
            continue;
        }
        let uv_per_corner = face.texcoords.len() == 2 * face.indices.len();
        let corner = |k: usize| Corner {
            vertex: face.indices[k] as u32,
            uv: uv_per_corner.then(|| [face.texcoords[2 * k], face.texcoords[2 * k + 1]]),
        };
        triangles.extend((1..face.indices.len() - 1).map(|k| [corner(0), corner(k), corner(k + 1)]));
    }
    for run in strips.iter().flat_map(|strip| strip.indices.split(|&i| i < 0)) {
        if !run.iter().all(|&i| known(i)) {
            missing += 1;
            continue;
        }
        let corner = |i: i64| Corner { vertex: i as u32, uv: None };
        for (k, w) in run.windows(3).enumerate() {
            // Every other triangle of a strip is wound the other way round.
            let (a, b, c) = if k % 2 == 0 { (w[0], w[1], w[2]) } else { (w[1], w[0], w[2]) };
            if a != b && b != c && a != c {
                triangles.push([corner(a), corner(b), corner(c)]);
            }
        }
    }
    if missing > 0 {
        warnings.push(format!(
            "skipped {} naming vertices the file does not have (it has {})",
            plural(missing, "face"),
            vertex_count(vertices)
        ));
    }
    if too_small > 0 {
        warnings.push(format!("skipped {} with fewer than three corners", plural(too_small, "face")));
    }
    triangles
}

/// The mesh of the triangles: vertices shared as the file shares them, or one per corner when
/// faces carry their own texture coordinates. PLY's V runs upwards; the scene's downwards.
fn build_mesh(vertices: &[PlyVertex], triangles: &[[Corner; 3]]) -> Mesh {
    let vertex = |corner: &Corner| {
        let v = &vertices[corner.vertex as usize];
        let [u, t] = corner.uv.unwrap_or(v.uv);
        let [r, g, b, a] = v.color;
        Vertex { position: v.position, normal: v.normal, uv: [u, 1.0 - t], color: srgb_colour([r, g, b], a) }
    };
    let (vertices, indices) = if triangles.iter().flatten().any(|c| c.uv.is_some()) {
        (triangles.iter().flatten().map(vertex).collect(), (0..triangles.len() as u32 * 3).collect())
    } else {
        let shared = (0..vertices.len() as u32).map(|i| vertex(&Corner { vertex: i, uv: None })).collect();
        (shared, triangles.iter().flatten().map(|c| c.vertex).collect())
    };
    Mesh { name: "ply".into(), material: 0, vertices, indices }
}

/// A vertex as read: position, normal (zero when absent: repaired from the faces), display colour
/// in 0..1 (white when absent) and texture coordinate.
#[derive(Debug, Clone, Copy)]
struct PlyVertex {
    position: [f32; 3],
    normal: [f32; 3],
    color: [f32; 4],
    uv: [f32; 2],
}

impl PropertyAccess for PlyVertex {
    fn new() -> Self {
        Self { position: [0.0; 3], normal: [0.0; 3], color: [1.0; 4], uv: [0.0; 2] }
    }

    fn set_property(&mut self, name: &str, property: Property) -> PropertyAccessResult {
        let Some(value) = property.to_f32_lossy() else { return PropertyAccessResult::Ignored };
        let slot = match name {
            "x" => &mut self.position[0],
            "y" => &mut self.position[1],
            "z" => &mut self.position[2],
            "nx" => &mut self.normal[0],
            "ny" => &mut self.normal[1],
            "nz" => &mut self.normal[2],
            "s" | "u" | "texture_u" | "texture_s" => &mut self.uv[0],
            "t" | "v" | "texture_v" | "texture_t" => &mut self.uv[1],
            _ => {
                let channel = match name {
                    "red" | "r" | "diffuse_red" => 0,
                    "green" | "g" | "diffuse_green" => 1,
                    "blue" | "b" | "diffuse_blue" => 2,
                    "alpha" | "a" | "diffuse_alpha" => 3,
                    _ => return PropertyAccessResult::Ignored,
                };
                self.color[channel] = colour_unit(&property);
                return PropertyAccessResult::Set;
            }
        };
        *slot = value;
        PropertyAccessResult::Set
    }
}

/// A colour channel in 0..1: integers are scaled by their type's largest value, floats are
/// taken as they are.
fn colour_unit(property: &Property) -> f32 {
    let unit = match *property {
        Property::UChar(v) => f32::from(v) / 255.0,
        Property::Char(v) => f32::from(v) / 127.0,
        Property::UShort(v) => f32::from(v) / 65535.0,
        Property::Short(v) => f32::from(v) / 32767.0,
        Property::Int(v) => v as f32 / 255.0,
        Property::UInt(v) => v as f32 / 255.0,
        Property::Float(v) => v,
        Property::Double(v) => v as f32,
        _ => 1.0,
    };
    unit.clamp(0.0, 1.0)
}

/// A face or a triangle strip: its vertex indices (a strip's `-1` ends a run) and per-corner
/// texture coordinates when the file has them.
#[derive(Debug, Clone, Default)]
struct PlyFace {
    indices: Vec<i64>,
    texcoords: Vec<f32>,
}

impl PropertyAccess for PlyFace {
    fn new() -> Self {
        Self::default()
    }

    fn set_property(&mut self, name: &str, property: Property) -> PropertyAccessResult {
        match name {
            "vertex_indices" | "vertex_index" => match integers(property) {
                Some(indices) => self.indices = indices,
                None => return PropertyAccessResult::UnsupportedType,
            },
            "texcoord" => match property {
                Property::ListFloat(values) => self.texcoords = values,
                Property::ListDouble(values) => self.texcoords = values.into_iter().map(|v| v as f32).collect(),
                _ => return PropertyAccessResult::UnsupportedType,
            },
            _ => return PropertyAccessResult::Ignored,
        }
        PropertyAccessResult::Set
    }
}

/// An integer list's values.
fn integers(property: Property) -> Option<Vec<i64>> {
    Some(match property {
        Property::ListChar(v) => v.into_iter().map(i64::from).collect(),
        Property::ListUChar(v) => v.into_iter().map(i64::from).collect(),
        Property::ListShort(v) => v.into_iter().map(i64::from).collect(),
        Property::ListUShort(v) => v.into_iter().map(i64::from).collect(),
        Property::ListInt(v) => v.into_iter().map(i64::from).collect(),
        Property::ListUInt(v) => v.into_iter().map(i64::from).collect(),
        _ => return None,
    })
}

/// An element holoforge does not use (`edge`, `material`, …): read past, nothing kept.
struct Skipped;

impl PropertyAccess for Skipped {
    fn new() -> Self {
        Skipped
    }
}
