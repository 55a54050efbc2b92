//! Content sniffing: tells what a file really holds, so a renamed file gets a clear error
//! instead of a parser's confusion.

use std::path::Path;

use anyhow::Result;

use crate::error::Problem;

/// What the first bytes of a file say it is, when they say anything recognisable.
pub fn describe(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"glTF", "a binary glTF (GLB) file"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"%PDF", "a PDF document"),
        (b"Kaydara FBX Binary", "an FBX file"),
        (b"ply", "a PLY file"),
    ];
    if let Some((_, name)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(name);
    }
    let text = strip_bom(bytes).trim_ascii_start();
    if text.starts_with(b"{") {
        return Some("JSON (glTF JSON?)");
    }
    if text.starts_with(b"solid") {
        return Some("an ASCII STL file");
    }
    None
}

/// The bytes after a UTF-8 byte-order mark, if there is one.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

/// True when the start of the file looks like text (UTF-8/ASCII, few control bytes) or UTF-16 with a BOM.
pub fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xfe\xff") || bytes.starts_with(b"\xff\xfe") {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let binary = head.iter().filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b)).count();
    binary * 100 <= head.len()
}

/// The loader extension a model's content calls for (`glb`, `gltf`, `stl`, `obj`), for input
/// without a name (standard input).
pub fn model_extension(bytes: &[u8]) -> Option<&'static str> {
    match describe(bytes) {
        Some("a binary glTF (GLB) file") => Some("glb"),
        Some("JSON (glTF JSON?)") => Some("gltf"),
        Some("an ASCII STL file") => Some("stl"),
        Some(_) => None,
        None if is_binary_stl_size(bytes, bytes.len() as u64) => Some("stl"),
        None if looks_like_text(bytes) => Some("obj"),
        None => None,
    }
}

/// Whether a file of `file_len` bytes starting with `head` has the exact size of a binary STL
/// (80-byte header, triangle count, 50 bytes per triangle).
pub fn is_binary_stl_size(head: &[u8], file_len: u64) -> bool {
    let Some(count) = head.get(80..84) else { return false };
    let count = u32::from_le_bytes([count[0], count[1], count[2], count[3]]) as u64;
    84 + 50 * count == file_len
}

/// Checks that a file's content fits the loader its extension chose, from its first bytes
/// (`head`) and its length; errors name what it is instead.
pub fn check_content(path: &Path, loader: &str, head: &[u8], file_len: u64) -> Result<()> {
    let seen = describe(head);
    let fits = match loader {
        "gltf" => matches!(seen, Some("a binary glTF (GLB) file") | Some("JSON (glTF JSON?)")),
        "obj" => seen.is_none() && looks_like_text(head),
        // ASCII STL is text; anything else must be a binary STL of exactly the size its count says.
        "stl" => match seen {
            Some("an ASCII STL file") => looks_like_text(head) || is_binary_stl_size(head, file_len),
            // Not ASCII: a binary STL must have exactly the size its triangle count says.
            None if !is_binary_stl_size(head, file_len) && !looks_like_text(head) => {
                let problem = super::stl::describe_bad_binary(head, file_len);
                return Err(Problem { message: format!("{}: {}", path.display(), problem.message), ..problem }.into());
            }
            None => true,
            Some(_) => false,
        },
        _ => true,
    };
    if fits {
        return Ok(());
    }
    let what = match seen {
        Some("an ASCII STL file") => "binary data after an ASCII STL's 'solid' (and its size fits no binary STL)",
        Some(seen) => seen,
        None if looks_like_text(head) => "unrecognised text",
        None => "unrecognised binary data",
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Err(Problem::input(format!(
        "{}: the content is {what}, not a valid .{ext} model (the file may be misnamed or corrupt)",
        path.display()
    ))
    .with_hint("check that the file is the model you meant and that its extension matches its format")
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_renamed_obj_is_refused_naming_png() {
        let err = check_content(Path::new("m.obj"), "obj", b"\x89PNG\r\n\x1a\n....", 12).unwrap_err();
        assert_eq!(
            err.to_string(),
            "m.obj: the content is a PNG image, not a valid .obj model (the file may be misnamed or corrupt)"
        );
    }

    #[test]
    fn gltf_loader_accepts_glb_and_json() {
        assert!(check_content(Path::new("a.glb"), "gltf", b"glTF\x02\0\0\0", 8).is_ok());
        assert!(check_content(Path::new("a.glb"), "gltf", b"\xef\xbb\xbf  {\"asset\":{}}", 16).is_ok());
        assert!(check_content(Path::new("a.glb"), "gltf", b"solid x", 7).is_err());
    }

    #[test]
    fn solid_followed_by_binary_data_is_not_ascii_stl() {
        let mut head = b"solid x\n".to_vec();
        head.resize(4096, 0);
        let err = check_content(Path::new("a.stl"), "stl", &head, 1 << 30).unwrap_err();
        assert!(err.to_string().contains("the content is binary data after an ASCII STL's 'solid'"), "{err}");
        assert!(check_content(Path::new("a.stl"), "stl", &head, 84).is_ok(), "a binary STL with 0 triangles");
    }

    #[test]
    fn random_binary_is_not_text() {
        let noise: Vec<u8> = (0..1024u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(!looks_like_text(&noise));
        assert!(looks_like_text(b"v 1 2 3\nf 1 2 3\n"));
    }
}
