//! STL loader: binary (50-byte records read here) and ASCII (parsed here, for line-numbered errors and
//! the variants found in the wild: several solids, tabs, a missing `endsolid`). Flat normals.
//!
//! Binary is recognised by size (`84 + 50 · count`), never by the word `solid`: CAD tools write
//! binary files whose header starts with it.

use anyhow::{bail, Result};

use super::geometry::flat_shaded;
use super::sniff::{Content, Head, Recognised};
use super::{LoadContext, Material, Mesh, RawScene, Vertex};
use crate::error::Problem;
use crate::text::quoted;

const HEADER_LEN: usize = 80;
const TRIANGLE_LEN: usize = 50;

/// Recognises ASCII STL by its `solid` (when text follows) and binary STL by its exact size;
/// other text may be an STL with a broken start, and other binary data is explained.
pub fn recognise(head: &Head) -> Result<Recognised, Problem> {
    let binary = binary_triangle_count(head.bytes, head.file_len).is_some();
    match head.content {
        Some(Content::AsciiStl) if head.is_text() || binary => Ok(Recognised::Is("stl")),
        None if binary => Ok(Recognised::Is("stl")),
        None if head.is_text() => Ok(Recognised::May),
        None => Err(describe_bad_binary(head.bytes, head.file_len)),
        Some(_) => Ok(Recognised::Not),
    }
}

/// Loads a binary or ASCII STL file.
pub fn load(context: &mut LoadContext, bytes: &[u8]) -> Result<RawScene> {
    let mut warnings = Vec::new();
    // Per triangle: three positions, three flat-shaded vertices and their indices.
    let per_triangle = 3 * (12 + std::mem::size_of::<Vertex>() as u64 + 4);
    let positions = match binary_triangle_count(bytes, bytes.len() as u64) {
        Some(count) => {
            context.budget.reserve(|| "the binary STL's triangles".into(), count, per_triangle)?;
            read_binary(bytes, count as usize)?
        }
        None if bytes.trim_ascii_start().starts_with(b"solid") => read_ascii(bytes, &mut warnings)?,
        None => bail!(describe_bad_binary(bytes, bytes.len() as u64)),
    };
    if positions.is_empty() {
        bail!(Problem::input("the STL file has no triangles, so there is nothing to render"));
    }
    context.budget.reserve(|| "the STL's triangles".into(), positions.len() as u64 / 3, per_triangle)?;
    let (vertices, indices) = flat_shaded(&positions, [1.0; 4]);
    Ok(RawScene {
        meshes: vec![Mesh { name: "stl".into(), material: 0, vertices, indices }],
        materials: vec![Material::default_white()],
        textures: Vec::new(),
        animations: Vec::new(),
        cameras: Vec::new(),
        rig: None,
        warnings,
    })
}

/// The triangle count in the header (`head`, the file's first bytes) when the file's length
/// matches a binary STL of that many triangles exactly (80-byte header, count, 50 bytes each).
fn binary_triangle_count(head: &[u8], file_len: u64) -> Option<u64> {
    let count = u32::from_le_bytes(head.get(HEADER_LEN..HEADER_LEN + 4)?.try_into().ok()?) as u64;
    (count * TRIANGLE_LEN as u64 + (HEADER_LEN + 4) as u64 == file_len).then_some(count)
}

/// Why a file that is not ASCII STL is not a binary STL either: its size does not match the
/// triangle count in its header (`head` is at least its first 84 bytes where the file has them).
pub fn describe_bad_binary(head: &[u8], file_len: u64) -> Problem {
    let Some(count) = head.get(HEADER_LEN..HEADER_LEN + 4) else {
        return Problem::input(format!(
            "the file is {file_len} bytes: too short for a binary STL (84-byte header) and not ASCII STL (no 'solid')"
        ));
    };
    let count = u32::from_le_bytes([count[0], count[1], count[2], count[3]]) as u64;
    let expected = 84 + 50 * count;
    let body = (file_len - HEADER_LEN as u64 - 4) / TRIANGLE_LEN as u64;
    let what = if file_len < expected { "truncated" } else { "longer than its triangle count says" };
    Problem::input(format!(
        "binary STL header says {count} triangles ({expected} bytes) but the file has {file_len} bytes, room for {body}: the file is {what}"
    ))
    .with_hint("the file is corrupt or cut off; export it again")
}

/// The triangles of a binary STL whose size matched its count: 50-byte records of a normal,
/// three little-endian f32 vertices and a 2-byte attribute (the normal is recomputed).
fn read_binary(bytes: &[u8], count: usize) -> Result<Vec<[f32; 3]>> {
    let f32_at = |at: usize| f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let mut positions = Vec::with_capacity(count * 3);
    for record in (0..count).map(|i| HEADER_LEN + 4 + i * TRIANGLE_LEN) {
        for vertex in 0..3 {
            let at = record + 12 + vertex * 12;
            positions.push([f32_at(at), f32_at(at + 4), f32_at(at + 8)]);
        }
    }
    Ok(positions)
}

/// Parses ASCII STL: `solid … facet normal … outer loop vertex×3 endloop endfacet … endsolid`,
/// any number of solids.
fn read_ascii(bytes: &[u8], warnings: &mut Vec<String>) -> Result<Vec<[f32; 3]>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Problem::input(format!("ASCII STL is not valid text (invalid UTF-8 at byte {})", e.valid_up_to()))
    })?;
    let mut positions = Vec::new();
    let mut facet: Vec<[f32; 3]> = Vec::with_capacity(3);
    let mut in_facet = false;
    let mut in_solid = false;
    let mut last_line = 0;
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        last_line = number;
        let mut words = line.split_whitespace();
        let Some(keyword) = words.next() else {
            continue;
        };
        let fail = |what: String| -> anyhow::Error { Problem::input(format!("line {number}: {what}")).into() };
        match keyword.to_ascii_lowercase().as_str() {
            "solid" => in_solid = true,
            "endsolid" => in_solid = false,
            "facet" => {
                if in_facet {
                    return Err(fail("'facet' inside another facet (missing 'endfacet')".into()));
                }
                in_facet = true;
                facet.clear();
            }
            "outer" | "endloop" => {}
            "vertex" => {
                if !in_facet {
                    return Err(fail("'vertex' outside a facet".into()));
                }
                let coords: Vec<&str> = words.collect();
                if coords.len() != 3 {
                    return Err(fail(format!("'vertex' needs 3 coordinates, found {}", coords.len())));
                }
                let mut p = [0.0f32; 3];
                for (slot, word) in p.iter_mut().zip(&coords) {
                    *slot = word
                        .parse()
                        .map_err(|_| fail(format!("vertex coordinate {} is not a number", quoted(word))))?;
                }
                facet.push(p);
            }
            "endfacet" => {
                if facet.len() < 3 {
                    return Err(fail(format!("facet has {} vertices; a facet needs 3", facet.len())));
                }
                if facet.len() > 3 {
                    warnings.push(format!("line {number}: facet with {} vertices fanned into triangles", facet.len()));
                }
                for i in 2..facet.len() {
                    positions.extend([facet[0], facet[i - 1], facet[i]]);
                }
                in_facet = false;
            }
            _ => return Err(fail(format!("unexpected {} in ASCII STL", quoted(keyword)))),
        }
    }
    if in_facet {
        bail!(Problem::input(format!("the file ends inside a facet (line {last_line}): it is truncated")));
    }
    if in_solid {
        warnings.push("the ASCII STL has no closing 'endsolid'".into());
    }
    Ok(positions)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn load_test(bytes: &[u8]) -> Result<RawScene> {
        let mut files = crate::scene::files::MemoryFiles::default();
        let mut context = LoadContext {
            path: Path::new("t.stl"),
            files: &mut files,
            budget: crate::scene::budget::Budget::default(),
        };
        load(&mut context, bytes)
    }

    #[test]
    fn a_huge_token_is_quoted_short() {
        let text = format!("solid x\n{}\n", "y".repeat(100_000));
        let err = load_test(text.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), format!("line 2: unexpected '{}…' (100000 bytes) in ASCII STL", "y".repeat(40)));
    }

    const TRIANGLE: &str = "solid t\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0 0\n   vertex 0 1 0\n  endloop\n endfacet\nendsolid t\n";

    #[test]
    fn ascii_with_two_solids_reads_both() {
        let text = format!("{TRIANGLE}{TRIANGLE}");
        let raw = load_test(text.as_bytes()).unwrap();
        assert_eq!(raw.meshes[0].indices.len(), 6);
    }

    #[test]
    fn ascii_bad_number_names_the_line() {
        let text = TRIANGLE.replace("vertex 1 0 0", "vertex 1 abc 0");
        let err = load_test(text.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), "line 5: vertex coordinate 'abc' is not a number");
    }

    #[test]
    fn binary_whose_header_starts_with_solid_is_read_as_binary() {
        let mut bytes = vec![0u8; 84 + 50];
        bytes[..6].copy_from_slice(b"solid ");
        bytes[80] = 1;
        for (i, v) in [1.0f32, 0.0, 0.0, 0.0, 1.0, 0.0].iter().enumerate() {
            bytes[84 + 24 + 4 * i..84 + 28 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        let raw = load_test(&bytes).unwrap();
        assert_eq!(raw.meshes[0].vertices[1].position, [1.0, 0.0, 0.0]);
    }

    #[test]
    fn a_count_larger_than_the_file_is_refused_without_allocating() {
        let mut bytes = vec![0u8; 84 + 100];
        bytes[80..84].copy_from_slice(&4_000_000_000u32.to_le_bytes());
        let err = load_test(&bytes).unwrap_err();
        assert!(err.to_string().starts_with("binary STL header says 4000000000 triangles"), "{err}");
    }
}
