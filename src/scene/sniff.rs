//! Content sniffing: tells what a file really holds, so a renamed file gets a clear error
//! instead of a parser's confusion.

use std::path::Path;

use anyhow::Result;

use super::{Loader, LOADERS};
use crate::error::Problem;

/// What a file's first bytes say it is, when they say anything recognisable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// Binary glTF.
    Glb,
    /// A ZIP archive.
    Zip,
    /// A PDF document.
    Pdf,
    /// Binary FBX.
    BinaryFbx,
    /// ASCII FBX (its `; FBX 7.4.0 project file` header comment).
    AsciiFbx,
    /// A PLY file.
    Ply,
    /// JSON (glTF's text form).
    Json,
    /// Text that starts with `solid`, as an ASCII STL does.
    AsciiStl,
}

impl Content {
    /// The content of `bytes`, when they start with a signature holoforge knows.
    pub fn of(bytes: &[u8]) -> Option<Self> {
        const SIGNATURES: &[(&[u8], Content)] = &[
            (b"\x89PNG\r\n\x1a\n", Content::Png),
            (b"\xff\xd8\xff", Content::Jpeg),
            (b"GIF8", Content::Gif),
            (b"glTF", Content::Glb),
            (b"PK\x03\x04", Content::Zip),
            (b"%PDF", Content::Pdf),
            (b"Kaydara FBX Binary", Content::BinaryFbx),
            (b"; FBX ", Content::AsciiFbx),
            (b"ply", Content::Ply),
        ];
        if let Some((_, content)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
            return Some(*content);
        }
        let text = strip_bom(bytes).trim_ascii_start();
        if text.starts_with(b"{") {
            return Some(Self::Json);
        }
        if text.starts_with(b"solid") {
            return Some(Self::AsciiStl);
        }
        None
    }

    /// What it is, for messages (`a PNG image`).
    pub fn description(self) -> &'static str {
        match self {
            Self::Png => "a PNG image",
            Self::Jpeg => "a JPEG image",
            Self::Gif => "a GIF image",
            Self::Glb => "a binary glTF (GLB) file",
            Self::Zip => "a ZIP archive",
            Self::Pdf => "a PDF document",
            Self::BinaryFbx => "a binary FBX file",
            Self::AsciiFbx => "an ASCII FBX file",
            Self::Ply => "a PLY file",
            Self::Json => "JSON (glTF JSON?)",
            Self::AsciiStl => "an ASCII STL file",
        }
    }
}

/// A file's first bytes and its length, as a loader's recogniser sees them.
#[derive(Debug, Clone, Copy)]
pub struct Head<'a> {
    /// The first bytes (up to 4 KiB).
    pub bytes: &'a [u8],
    /// The whole file's length.
    pub file_len: u64,
    /// The signature found in `bytes`, if any.
    pub content: Option<Content>,
}

impl<'a> Head<'a> {
    /// The head of a file of `file_len` bytes that starts with `bytes`.
    pub fn new(bytes: &'a [u8], file_len: u64) -> Self {
        Self { bytes, file_len, content: Content::of(bytes) }
    }

    /// Whether the bytes look like text (see [`looks_like_text`]).
    pub fn is_text(&self) -> bool {
        looks_like_text(self.bytes)
    }
}

/// What a loader makes of a file's head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognised {
    /// Its signature: certainly this format, read as a file with this extension.
    Is(&'static str),
    /// Nothing speaks against it (text, for a text format).
    May,
    /// Not this format.
    Not,
}

/// A loader's recogniser: what it makes of a head, or a problem only it can explain (a binary
/// STL whose size contradicts its triangle count).
pub type Recogniser = fn(head: &Head) -> Result<Recognised, Problem>;

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

/// The loader and extension a model's content calls for, for input without a name (standard
/// input): the first loader that recognises its signature, else the first that may read it.
pub fn loader_for_content(bytes: &[u8]) -> Option<(&'static Loader, &'static str)> {
    let head = Head::new(bytes, bytes.len() as u64);
    let said = |loader: &'static Loader| (loader, (loader.recognise)(&head).unwrap_or(Recognised::Not));
    let verdicts: Vec<_> = LOADERS.iter().map(said).collect();
    verdicts
        .iter()
        .find_map(|&(loader, verdict)| match verdict {
            Recognised::Is(extension) => Some((loader, extension)),
            _ => None,
        })
        .or_else(|| verdicts.iter().find(|(_, v)| *v == Recognised::May).map(|&(l, _)| (l, l.extensions[0])))
}

/// Checks that a file's content fits the loader its extension chose, from its first bytes
/// (`head`) and its length; errors name what it is instead.
pub fn check_content(path: &Path, loader: &Loader, head: &[u8], file_len: u64) -> Result<()> {
    let head = Head::new(head, file_len);
    match (loader.recognise)(&head) {
        Ok(Recognised::Is(_) | Recognised::May) => return Ok(()),
        Ok(Recognised::Not) => {}
        Err(problem) => {
            return Err(Problem { message: format!("{}: {}", path.display(), problem.message), ..problem }.into())
        }
    }
    let what = match head.content {
        Some(Content::AsciiStl) => "binary data after an ASCII STL's 'solid' (and its size fits no binary STL)",
        Some(seen) => seen.description(),
        None if head.is_text() => "unrecognised text",
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

    fn loader(name: &str) -> &'static Loader {
        LOADERS.iter().find(|l| l.name == name).unwrap()
    }

    #[test]
    fn standard_input_is_read_by_the_loader_its_content_calls_for() {
        let pick = |bytes: &[u8]| loader_for_content(bytes).map(|(l, ext)| (l.name, ext));
        assert_eq!(pick(b"glTF\x02\0\0\0"), Some(("gltf", "glb")));
        assert_eq!(pick(b"{\"asset\":{}}"), Some(("gltf", "gltf")));
        assert_eq!(pick(b"solid cube\nendsolid\n"), Some(("stl", "stl")));
        let mut binary_stl = vec![0u8; 84 + 50];
        binary_stl[80] = 1;
        assert_eq!(pick(&binary_stl), Some(("stl", "stl")));
        assert_eq!(pick(b"v 0 0 0\nf 1 1 1\n"), Some(("obj", "obj")));
        assert_eq!(pick(b"\x89PNG\r\n\x1a\n...."), None);
        assert_eq!(pick(&[0u8, 1, 2, 3, 4, 5, 6, 7]), None);
    }

    #[test]
    fn png_renamed_obj_is_refused_naming_png() {
        let err = check_content(Path::new("m.obj"), loader("obj"), b"\x89PNG\r\n\x1a\n....", 12).unwrap_err();
        assert_eq!(
            err.to_string(),
            "m.obj: the content is a PNG image, not a valid .obj model (the file may be misnamed or corrupt)"
        );
    }

    #[test]
    fn gltf_loader_accepts_glb_and_json() {
        assert!(check_content(Path::new("a.glb"), loader("gltf"), b"glTF\x02\0\0\0", 8).is_ok());
        assert!(check_content(Path::new("a.glb"), loader("gltf"), b"\xef\xbb\xbf  {\"asset\":{}}", 16).is_ok());
        assert!(check_content(Path::new("a.glb"), loader("gltf"), b"solid x", 7).is_err());
    }

    #[test]
    fn solid_followed_by_binary_data_is_not_ascii_stl() {
        let mut head = b"solid x\n".to_vec();
        head.resize(4096, 0);
        let err = check_content(Path::new("a.stl"), loader("stl"), &head, 1 << 30).unwrap_err();
        assert!(err.to_string().contains("the content is binary data after an ASCII STL's 'solid'"), "{err}");
        assert!(check_content(Path::new("a.stl"), loader("stl"), &head, 84).is_ok(), "a binary STL with 0 triangles");
    }

    #[test]
    fn random_binary_is_not_text() {
        let noise: Vec<u8> = (0..1024u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(!looks_like_text(&noise));
        assert!(looks_like_text(b"v 1 2 3\nf 1 2 3\n"));
    }
}
