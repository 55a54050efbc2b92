//! `EXT_meshopt_compression` and `KHR_meshopt_compression`: buffer views whose bytes are stored
//! compressed by meshoptimizer's codecs. Each is decoded by the reference decoder (the `meshopt`
//! crate builds meshoptimizer itself) into the buffer the view describes, before anything reads
//! an accessor, so the rest of the loader sees an ordinary file. A fallback buffer (one that
//! exists only to be decoded into) is allocated, zeroed, instead of read.
//!
//! Every size is checked before the C decoder runs: the extension's count and stride against the
//! specification's limits and the view's length, the compressed range against its buffer, and
//! the decoded bytes against the memory budget. The decoders themselves are safe on untrusted
//! input (they report an error or produce garbage, which the index and range checks then meet).

use anyhow::Result;
use serde::Deserialize;

use crate::error::Problem;
use crate::scene::budget::Budget;

/// The extension's two names (the EXT original and its KHR successor, the same bitstream).
pub const EXTENSIONS: &[&str] = &["EXT_meshopt_compression", "KHR_meshopt_compression"];

/// A buffer view's compression, as the extension's JSON gives it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Compressed {
    buffer: usize,
    #[serde(default)]
    byte_offset: usize,
    byte_length: usize,
    byte_stride: usize,
    count: usize,
    mode: Mode,
    #[serde(default)]
    filter: Filter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Mode {
    Attributes,
    Triangles,
    Indices,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Filter {
    #[default]
    None,
    Octahedral,
    Quaternion,
    Exponential,
    Color,
}

/// The extension's JSON on a buffer view or buffer, under either name.
fn extension<'v>(value: impl Fn(&str) -> Option<&'v serde_json::Value>) -> Option<&'v serde_json::Value> {
    EXTENSIONS.iter().find_map(|name| value(name))
}

/// Whether a buffer is a fallback buffer: one that compressed views decode into, with no data of
/// its own to read.
pub fn is_fallback(buffer: &gltf::Buffer) -> bool {
    extension(|name| buffer.extension_value(name))
        .and_then(|e| e.get("fallback"))
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false)
}

/// Whether compressed views decode into `buffer` (a fallback buffer whose flag is missing, as in
/// some exporters' files: it has no URI, and no GLB chunk is left for it).
pub fn is_decoded_into(document: &gltf::Gltf, buffer: &gltf::Buffer) -> bool {
    document
        .views()
        .any(|view| view.buffer().index() == buffer.index() && extension(|name| view.extension_value(name)).is_some())
}

/// Decodes every compressed buffer view of the document into its buffer.
pub fn decompress(document: &gltf::Gltf, buffers: &mut [Vec<u8>], budget: &mut Budget) -> Result<()> {
    for view in document.views() {
        let Some(json) = extension(|name| view.extension_value(name)) else { continue };
        let label = || format!("buffer view {} (meshopt)", view.index());
        let compressed: Compressed =
            serde_json::from_value(json.clone()).map_err(|e| Problem::input(format!("{}: {e}", label())))?;
        let decoded_length =
            check(&compressed, view.length()).map_err(|why| Problem::input(format!("{}: {why}", label())))?;
        let source = buffers
            .get(compressed.buffer)
            .and_then(|b| b.get(compressed.byte_offset..compressed.byte_offset.checked_add(compressed.byte_length)?))
            .ok_or_else(|| {
                Problem::input(format!("{}: its compressed bytes lie outside buffer {}", label(), compressed.buffer))
            })?
            .to_vec();
        budget.reserve(label, decoded_length as u64, 1)?;
        let words = decode(&compressed, &source).map_err(|why| Problem::input(format!("{}: {why}", label())))?;
        let decoded: &[u8] = bytemuck::cast_slice(&words);
        let target = buffers
            .get_mut(view.buffer().index())
            .and_then(|b| b.get_mut(view.offset()..view.offset().checked_add(decoded_length)?))
            .ok_or_else(|| Problem::input(format!("{}: the view lies outside its buffer", label())))?;
        target.copy_from_slice(&decoded[..decoded_length]);
    }
    Ok(())
}

/// Checks the extension's numbers against the specification and the view; gives the decoded length.
fn check(c: &Compressed, view_length: usize) -> Result<usize, String> {
    let stride_ok = match c.mode {
        Mode::Attributes => c.byte_stride.is_multiple_of(4) && (4..=256).contains(&c.byte_stride),
        Mode::Triangles | Mode::Indices => c.byte_stride == 2 || c.byte_stride == 4,
    };
    if !stride_ok {
        return Err(format!("byteStride {} is not allowed for mode {}", c.byte_stride, json_name(c.mode)));
    }
    if c.mode == Mode::Triangles && !c.count.is_multiple_of(3) {
        return Err(format!("a TRIANGLES stream of {} indices is not whole triangles", c.count));
    }
    let filter_ok = match c.filter {
        Filter::None => true,
        _ if c.mode != Mode::Attributes => false,
        Filter::Octahedral | Filter::Color => c.byte_stride == 4 || c.byte_stride == 8,
        Filter::Quaternion => c.byte_stride == 8,
        Filter::Exponential => true,
    };
    if !filter_ok {
        return Err(format!(
            "filter {} does not fit byteStride {} and mode {}",
            json_name(c.filter),
            c.byte_stride,
            json_name(c.mode)
        ));
    }
    let length = c.count.checked_mul(c.byte_stride).filter(|&l| l <= view_length);
    length.ok_or_else(|| {
        format!("{} elements of {} bytes do not fit the view's {} bytes", c.count, c.byte_stride, view_length)
    })
}

/// A mode's or filter's name as the extension's JSON spells it (`ATTRIBUTES`, `OCTAHEDRAL`).
fn json_name(value: impl std::fmt::Debug) -> String {
    format!("{value:?}").to_uppercase()
}

/// Runs meshoptimizer's decoder (and filter) for one view, into words (so the filters see their
/// components aligned) holding at least count × byteStride bytes; sizes were checked by [`check`].
fn decode(c: &Compressed, source: &[u8]) -> Result<Vec<u32>, String> {
    let mut words = vec![0u32; (c.count * c.byte_stride).div_ceil(4)];
    let target = words.as_mut_ptr().cast::<std::ffi::c_void>();
    // SAFETY: `target` holds count × byteStride bytes, as each decoder writes; the strides and
    // counts are ones the decoders accept (checked), so their assertions cannot fire.
    let status = unsafe {
        match c.mode {
            Mode::Attributes => {
                meshopt::ffi::meshopt_decodeVertexBuffer(target, c.count, c.byte_stride, source.as_ptr(), source.len())
            }
            Mode::Triangles => {
                meshopt::ffi::meshopt_decodeIndexBuffer(target, c.count, c.byte_stride, source.as_ptr(), source.len())
            }
            Mode::Indices => {
                meshopt::ffi::meshopt_decodeIndexSequence(target, c.count, c.byte_stride, source.as_ptr(), source.len())
            }
        }
    };
    if status != 0 {
        return Err(format!("the compressed data is malformed (meshoptimizer's decoder returned {status})"));
    }
    // SAFETY: as above; each filter rewrites count × byteStride bytes in place.
    unsafe {
        match c.filter {
            Filter::None => {}
            Filter::Octahedral => meshopt::ffi::meshopt_decodeFilterOct(target, c.count, c.byte_stride),
            Filter::Quaternion => meshopt::ffi::meshopt_decodeFilterQuat(target, c.count, c.byte_stride),
            Filter::Exponential => meshopt::ffi::meshopt_decodeFilterExp(target, c.count, c.byte_stride),
            Filter::Color => meshopt::ffi::meshopt_decodeFilterColor(target, c.count, c.byte_stride),
        }
    }
    Ok(words)
}
#[cfg(test)]
mod tests {
    /// gltf-pipeline's meshopt sample: buffer 1 is decoded into, and its `.fallback.bin` holds the
    /// same data uncompressed but not yet filtered.
    #[test]
    fn the_sample_decodes_to_its_fallback_positions_and_filtered_normals() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compressed");
        let text = std::fs::read(dir.join("meshopt-fallback.gltf")).unwrap();
        let document = gltf::Gltf::from_slice_without_validation(&text).unwrap();
        let fallback = std::fs::read(dir.join("meshopt-fallback.fallback.bin")).unwrap();
        let mut buffers = vec![std::fs::read(dir.join("meshopt-fallback.bin")).unwrap(), vec![0; fallback.len()]];
        super::decompress(&document, &mut buffers, &mut crate::scene::budget::Budget::default()).unwrap();
        let decoded = &buffers[1];
        // View 0: quantised positions, bit for bit.
        assert_eq!(decoded[..400], fallback[..400]);
        // View 1: normals, 4 bytes each; the fallback holds their octahedral (x, y) before the filter.
        for (ours, theirs) in decoded[400..600].chunks(4).zip(fallback[400..600].chunks(4)) {
            let [x, y] = [theirs[0], theirs[1]].map(|c| (c as i8 as f32 / 127.0).max(-1.0));
            let z = 1.0 - x.abs() - y.abs();
            let (x, y) = if z < 0.0 { ((1.0 - y.abs()) * x.signum(), (1.0 - x.abs()) * y.signum()) } else { (x, y) };
            let length = (x * x + y * y + z * z).sqrt();
            let want = [x / length, y / length, z / length];
            let got = [ours[0], ours[1], ours[2]].map(|c| c as i8 as f32 / 127.0);
            for (g, w) in got.iter().zip(want) {
                assert!((g - w).abs() <= 1.5 / 127.0, "decoded {got:?}, octahedral {want:?}");
            }
        }
        // View 2: the same triangles, each possibly rotated (the index codec keeps the winding).
        let triangles = |bytes: &[u8]| -> Vec<[u16; 3]> {
            let indices: Vec<u16> = bytes.chunks(2).map(|b| u16::from_le_bytes([b[0], b[1]])).collect();
            let mut triangles: Vec<[u16; 3]> = indices
                .chunks(3)
                .map(|t| {
                    let first = (0..3).min_by_key(|&i| t[i]).unwrap();
                    [t[first], t[(first + 1) % 3], t[(first + 2) % 3]]
                })
                .collect();
            triangles.sort();
            triangles
        };
        assert_eq!(triangles(&decoded[600..960]), triangles(&fallback[600..960]));
    }
}
