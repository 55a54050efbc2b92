//! glTF buffers: GLB blob, `data:` URIs and files beside the model, read safely, and range checks
//! of buffer views and accessors before any accessor is read.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use base64::Engine;

use crate::error::Problem;
use crate::scene::budget::Budget;
use crate::scene::files::ModelFiles;
use crate::scene::paths::resolve_inside;
use crate::text::quoted;

/// Largest file one URI may name (the model file's own limit).
const MAX_URI_FILE_BYTES: u64 = 2 << 30;

/// Reads every buffer of the document; each must hold at least its declared `byteLength`, and
/// their bytes count against the model's memory budget. A meshopt fallback buffer is zeros, for
/// its compressed views to be decoded into; `decoded` holds the buffers Draco primitives were
/// decoded into (see [`super::draco`]).
pub fn load_all(
    document: &gltf::Gltf,
    decoded: super::draco::Decoded,
    files: &mut dyn ModelFiles,
    budget: &mut Budget,
) -> Result<Vec<Vec<u8>>> {
    let mut blob = document.blob.clone();
    // The buffers decoded from Draco come last, after the file's own.
    let first_decoded = document.buffers().len() - decoded.buffers.len();
    let mut already_read = decoded.read;
    let mut decoded = decoded.buffers.into_iter();
    document
        .buffers()
        .map(|buffer| {
            let mut decoded_into = || -> Result<Vec<u8>> {
                budget.reserve(
                    || format!("buffer {} (meshopt fallback)", buffer.index()),
                    buffer.length() as u64,
                    1,
                )?;
                Ok(vec![0; buffer.length()])
            };
            let data = match buffer.source() {
                _ if buffer.index() >= first_decoded => decoded.next().unwrap_or_default(),
                // Compressed views decode into it: it has no bytes of its own to read.
                _ if super::meshopt::is_fallback(&buffer) => decoded_into()?,
                gltf::buffer::Source::Bin => match blob.take() {
                    Some(blob) => blob,
                    None if super::meshopt::is_decoded_into(document, &buffer) => decoded_into()?,
                    None => bail!(Problem::input(format!(
                        "buffer {} refers to the GLB's BIN chunk, but there is none",
                        buffer.index()
                    ))),
                },
                gltf::buffer::Source::Uri(uri) => match already_read.remove(&buffer.index()) {
                    Some(data) => data,
                    None => {
                        let data = read_uri(uri, files).map_err(|e| e.context(format!("buffer {}", buffer.index())))?;
                        budget.reserve(|| format!("buffer {}", buffer.index()), data.len() as u64, 1)?;
                        data
                    }
                },
            };
            if data.len() < buffer.length() {
                bail!(Problem::input(format!(
                    "buffer {} declares {} bytes but its data holds only {}",
                    buffer.index(),
                    buffer.length(),
                    data.len()
                )));
            }
            Ok(data)
        })
        .collect()
}

/// Reads a URI's bytes: a base64 `data:` URI, or a relative path inside the model's folder.
pub fn read_uri(uri: &str, files: &mut dyn ModelFiles) -> Result<Vec<u8>> {
    if let Some(rest) = uri.strip_prefix("data:") {
        let Some((header, payload)) = rest.split_once(',') else {
            bail!(Problem::input("malformed data: URI (no comma)"));
        };
        if !header.ends_with(";base64") {
            bail!(Problem::input("data: URI is not base64-encoded"));
        }
        return base64::engine::general_purpose::STANDARD
            .decode(payload.trim())
            .map_err(|e| Problem::input(format!("data: URI is not valid base64 ({e})")).into());
    }
    let relative = resolve_relative_uri(uri, Path::new(""))?;
    // The error names the file (or the URI, where the file was refused).
    files.read(&relative, uri, MAX_URI_FILE_BYTES)
}

/// Resolves a relative URI against the model folder, refusing anything that would leave it
/// (absolute paths, schemes, `..` past the folder, including after percent-decoding).
pub fn resolve_relative_uri(uri: &str, base_dir: &Path) -> Result<PathBuf> {
    let decoded = percent_decode(uri)
        .ok_or_else(|| Problem::input(format!("URI {} has invalid percent-encoding", quoted(uri))))?;
    resolve_inside(&decoded, base_dir).map_err(|e| e.context(format!("URI {}", quoted(uri))))
}

/// Decodes `%XX` escapes; None when an escape is malformed or the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Checks that every buffer view lies inside its buffer and every accessor inside its view,
/// with overflow-checked arithmetic, so reading accessors cannot go out of bounds.
pub fn check_ranges(document: &gltf::Gltf, buffers: &[Vec<u8>]) -> Result<()> {
    for view in document.views() {
        let buffer_len = buffers[view.buffer().index()].len();
        let end = view.offset().checked_add(view.length());
        if end.is_none_or(|end| end > buffer_len) {
            bail!(Problem::input(format!(
                "bufferView {} (offset {}, length {}) lies outside buffer {} of {} bytes",
                view.index(),
                view.offset(),
                view.length(),
                view.buffer().index(),
                buffer_len
            )));
        }
        if let Some(stride) = view.stride() {
            if !(4..=252).contains(&stride) {
                bail!(Problem::input(format!("bufferView {} has byteStride {stride} (must be 4..252)", view.index())));
            }
        }
    }
    for accessor in document.accessors() {
        if let Some(view) = accessor.view() {
            let element = accessor.size();
            let stride = view.stride().unwrap_or(element);
            if stride < element {
                bail!(Problem::input(format!(
                    "accessor {} elements are {element} bytes but bufferView {} has byteStride {stride}",
                    accessor.index(),
                    view.index()
                )));
            }
            if !fits(accessor.offset(), accessor.count(), stride, element, view.length()) {
                bail!(Problem::input(format!(
                    "accessor {} ({} elements from offset {}) runs past the end of bufferView {} ({} bytes)",
                    accessor.index(),
                    accessor.count(),
                    accessor.offset(),
                    view.index(),
                    view.length()
                )));
            }
        } else if accessor.sparse().is_none() {
            continue;
        }
        if let Some(sparse) = accessor.sparse() {
            check_sparse(&accessor, &sparse, buffers)?;
        }
    }
    Ok(())
}

fn fits(offset: usize, count: usize, stride: usize, element: usize, available: usize) -> bool {
    if count == 0 {
        return offset <= available;
    }
    (count - 1)
        .checked_mul(stride)
        .and_then(|span| span.checked_add(element))
        .and_then(|span| span.checked_add(offset))
        .is_some_and(|end| end <= available)
}

fn check_sparse(accessor: &gltf::Accessor, sparse: &gltf::accessor::sparse::Sparse, buffers: &[Vec<u8>]) -> Result<()> {
    let count = sparse.count();
    let indices = sparse.indices();
    let index_size = match indices.index_type() {
        gltf::accessor::sparse::IndexType::U8 => 1,
        gltf::accessor::sparse::IndexType::U16 => 2,
        gltf::accessor::sparse::IndexType::U32 => 4,
    };
    let values_view = sparse.values().view();
    let ok_indices = fits(indices.offset(), count, index_size, index_size, indices.view().length());
    let ok_values = fits(sparse.values().offset(), count, accessor.size(), accessor.size(), values_view.length());
    if !ok_indices || !ok_values {
        bail!(Problem::input(format!("sparse data of accessor {} runs past its bufferView", accessor.index())));
    }
    let view = indices.view();
    let data = &buffers[view.buffer().index()][view.offset()..view.offset() + view.length()];
    for i in 0..count {
        let at = indices.offset() + i * index_size;
        let index = match index_size {
            1 => data[at] as usize,
            2 => u16::from_le_bytes([data[at], data[at + 1]]) as usize,
            _ => u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]) as usize,
        };
        if index >= accessor.count() {
            bail!(Problem::input(format!(
                "sparse accessor {} replaces element {index}, but the accessor has {} elements",
                accessor.index(),
                accessor.count()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoded_uris_are_decoded_before_the_folder_check() {
        let base = Path::new("/models/box");
        assert_eq!(resolve_relative_uri("a%20b.png", base).unwrap(), base.join("a b.png"));
        assert!(resolve_relative_uri("%2e%2e/x.bin", base).is_err());
        assert!(resolve_relative_uri("%zz", base).is_err());
    }

    #[test]
    fn accessor_span_arithmetic_cannot_wrap() {
        assert!(fits(0, 3, 12, 12, 36));
        assert!(!fits(0, 4, 12, 12, 36));
        assert!(!fits(0, usize::MAX / 4, 12, 12, 36));
    }
}
