//! Texture decoding with limits, so a corrupt or hostile image is a warning, not a crash.

use std::io::Cursor;

use anyhow::{Context, Result};

use super::Texture;

/// Largest texture side accepted (the GPU's common limit).
const MAX_TEXTURE_SIDE: u32 = 16384;
/// Most memory one decoded texture may take.
const MAX_TEXTURE_BYTES: u64 = 1 << 30;

/// Decodes PNG/JPEG bytes into an RGBA8 texture, refusing images over the size limits.
pub fn decode_texture(label: &str, bytes: &[u8]) -> Result<Texture> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes)).with_guessed_format().context("unreadable image")?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_TEXTURE_SIDE);
    limits.max_image_height = Some(MAX_TEXTURE_SIDE);
    limits.max_alloc = Some(MAX_TEXTURE_BYTES);
    reader.limits(limits);
    let image = reader.decode().context("cannot decode the image")?.into_rgba8();
    Ok(Texture { name: label.to_string(), width: image.width(), height: image.height(), rgba: image.into_raw() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(decode_texture("x", b"not an image").is_err());
        assert!(decode_texture("x", b"\x89PNG\r\n\x1a\n\0\0").is_err());
    }

    #[test]
    fn a_png_decodes_to_rgba() {
        let mut png = Vec::new();
        image::RgbImage::from_pixel(2, 3, image::Rgb([10, 20, 30]))
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let t = decode_texture("x", &png).unwrap();
        assert_eq!((t.width, t.height), (2, 3));
        assert_eq!(&t.rgba[..4], &[10, 20, 30, 255]);
    }
}
