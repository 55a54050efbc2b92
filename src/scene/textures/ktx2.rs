//! KTX2 textures with a Basis Universal payload, as glTF's `KHR_texture_basisu` carries them:
//! ETC1S (BasisLZ) or UASTC (raw or Zstandard-supercompressed), transcoded to RGBA8 at load by
//! the pure-Rust `basisu` transcoder (a port of the reference C++ transcoder, bit-exact to it).
//!
//! Everything that sizes an allocation is checked first: the sides (by the caller), the layout
//! the extension allows (one 2D image: no layers, faces or depth), and a Zstandard level's
//! declared inflated size against what its blocks can take.

use anyhow::{bail, Result};
use basisu::{DecodeFlags, SourceFormat, Supercompression, TargetFormat, Transcoder};

use crate::scene::guard::catch_parser_panics;

/// The twelve bytes every KTX2 file starts with.
const IDENTIFIER: [u8; 12] = [0xAB, b'K', b'T', b'X', b' ', b'2', b'0', 0xBB, b'\r', b'\n', 0x1A, b'\n'];
/// Bytes of a UASTC block (4×4 texels), the most a Zstandard level's blocks may inflate to.
const UASTC_BLOCK_BYTES: u64 = 16;

/// True when `bytes` are a KTX2 file (by its identifier).
pub fn is_ktx2(bytes: &[u8]) -> bool {
    bytes.starts_with(&IDENTIFIER)
}

/// An opened KTX2 texture: its base size and mip levels, ready to transcode one level.
pub struct Ktx2<'a> {
    bytes: &'a [u8],
    transcoder: Transcoder<'a>,
}

impl<'a> Ktx2<'a> {
    /// Opens a KTX2 file and checks it is a single 2D ETC1S or UASTC LDR image.
    pub fn open(bytes: &'a [u8]) -> Result<Self> {
        let transcoder = catch_parser_panics("KTX2", || Transcoder::new(bytes).map_err(describe))?;
        if transcoder.layer_count() > 1 || transcoder.face_count() != 1 || read_u32(bytes, 28) > 1 {
            bail!(
                "the KTX2 texture is an array, cubemap or 3D texture ({} layers, {} faces); glTF textures are single 2D images",
                transcoder.layer_count(),
                transcoder.face_count()
            );
        }
        match transcoder.source_format() {
            SourceFormat::Etc1s | SourceFormat::UastcLdr => {}
            other => bail!(
                "the KTX2 texture is encoded as {other:?}; KHR_texture_basisu textures are ETC1S or UASTC (LDR), which holoforge reads"
            ),
        }
        if transcoder.is_video() {
            bail!("the KTX2 texture is a Basis video; glTF textures are single images");
        }
        Ok(Self { bytes, transcoder })
    }

    /// Width and height of the base level, in texels.
    pub fn size(&self) -> (u32, u32) {
        self.transcoder.base_dimensions()
    }

    /// How many mip levels the file stores (at least 1).
    pub fn levels(&self) -> u32 {
        self.transcoder.level_count()
    }

    /// Transcodes mip `level` to RGBA8 (values as stored: sRGB for colour textures).
    pub fn rgba(&self, level: u32) -> Result<image::RgbaImage> {
        let info = self.transcoder.image_level_info(level).map_err(describe)?;
        if self.transcoder.supercompression() == Supercompression::Zstandard {
            let blocks = info.num_blocks_x as u64 * info.num_blocks_y as u64;
            let declared = level_inflated_length(self.bytes, level);
            if declared > blocks * UASTC_BLOCK_BYTES {
                bail!(
                    "KTX2 level {level} declares {declared} bytes once inflated, more than its {}x{} texels can hold",
                    info.width,
                    info.height
                );
            }
        }
        let rgba = catch_parser_panics("KTX2", || {
            self.transcoder.transcode(level, TargetFormat::Rgba32, DecodeFlags::NONE).map_err(|error| match error {
                // ETC1S and UASTC do transcode to RGBA: the level's data is what failed.
                basisu::Error::UnsupportedFeature(_) => {
                    anyhow::anyhow!("the data of KTX2 level {level} is corrupt (the Basis transcoder cannot decode it)")
                }
                other => describe(other),
            })
        })?;
        match image::RgbaImage::from_raw(info.width, info.height, rgba) {
            Some(image) => Ok(image),
            None => bail!("the KTX2 level {level} transcoded to the wrong number of bytes"),
        }
    }
}

/// The level index's `uncompressedByteLength` of `level` (the transcoder has checked the index
/// lies inside the file).
fn level_inflated_length(bytes: &[u8], level: u32) -> u64 {
    let at = 80 + level as usize * 24 + 16;
    bytes.get(at..at + 8).and_then(|b| b.try_into().ok()).map_or(u64::MAX, u64::from_le_bytes)
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    bytes.get(at..at + 4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes)
}

/// The transcoder's error, for a person.
fn describe(error: basisu::Error) -> anyhow::Error {
    let text = match error {
        basisu::Error::Truncated => "the KTX2 file ends early (truncated), or an offset in it points past its end".into(),
        basisu::Error::InvalidData => {
            "not a KTX2 texture with a Basis Universal (ETC1S or UASTC) payload, or its header, codebooks or level index are corrupt".into()
        }
        basisu::Error::ZstdRequired => "the KTX2 level is Zstandard-compressed and cannot be inflated".into(),
        other => format!("the KTX2 texture cannot be transcoded ({other:?})"),
    };
    anyhow::anyhow!(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_after_the_identifier_is_an_error() {
        let mut bytes = IDENTIFIER.to_vec();
        bytes.extend_from_slice(&[0xFF; 100]);
        assert!(is_ktx2(&bytes));
        let err = Ktx2::open(&bytes).err().unwrap();
        assert!(err.to_string().contains("not a KTX2 texture with a Basis Universal"), "{err}");
    }
}
