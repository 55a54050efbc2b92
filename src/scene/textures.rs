//! Texture decoding within the model's budget: the image's size is read from its header before
//! anything is decoded; a texture over the per-texture or per-model pixel budget is downscaled by
//! a power of two (with a warning), and one too large to decode within the memory budget is left
//! out (with a warning), so a hostile image is a warning, not a crash.

use std::io::Cursor;

use anyhow::{bail, Context, Result};

use super::budget::{describe_bytes, Budget, MODEL_TEXTURE_PIXELS, TEXTURE_PIXELS};
use super::Texture;

/// Largest texture side read at all.
const MAX_TEXTURE_SIDE: u32 = 16384;
/// Most pixels decoded at full size before downscaling (8192²: 256 MiB of RGBA).
const MAX_DECODED_PIXELS: u64 = 8192 * 8192;

/// Decodes PNG/JPEG bytes into an RGBA8 texture, downscaled to what the budget grants.
pub fn decode_texture(label: &str, bytes: &[u8], budget: &mut Budget, warnings: &mut Vec<String>) -> Result<Texture> {
    let reader = || image::ImageReader::new(Cursor::new(bytes)).with_guessed_format().context("unreadable image");
    let (width, height) = reader()?.into_dimensions().context("cannot read the image's size")?;
    if width == 0 || height == 0 || width > MAX_TEXTURE_SIDE || height > MAX_TEXTURE_SIDE {
        bail!("the image is {width}x{height}; textures must be 1 to {MAX_TEXTURE_SIDE} pixels per side");
    }
    let pixels = width as u64 * height as u64;
    if pixels > MAX_DECODED_PIXELS {
        bail!(
            "the image is {width}x{height} ({} of RGBA), more than holoforge decodes ({}x{} at most)",
            describe_bytes(pixels * 4),
            8192,
            8192
        );
    }
    let granted = budget.grant_texture_pixels(pixels);
    if granted == 0 {
        bail!("the model's textures already use the whole texture budget ({MODEL_TEXTURE_PIXELS} pixels)");
    }
    let mut reader = reader()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_TEXTURE_SIDE);
    limits.max_image_height = Some(MAX_TEXTURE_SIDE);
    limits.max_alloc = Some(pixels * 4 * 2);
    reader.limits(limits);
    let mut image = reader.decode().context("cannot decode the image")?.into_rgba8();
    let mut factor = 1;
    while (width / factor).max(1) as u64 * (height / factor).max(1) as u64 > granted {
        factor *= 2;
    }
    if factor > 1 {
        let (w, h) = ((width / factor).max(1), (height / factor).max(1));
        image = image::imageops::resize(&image, w, h, image::imageops::FilterType::Triangle);
        warnings.push(format!(
            "texture {label}: {width}x{height} downscaled to {w}x{h} (a texture keeps at most {TEXTURE_PIXELS} pixels, a model {MODEL_TEXTURE_PIXELS})"
        ));
    }
    Ok(Texture { name: label.to_string(), width: image.width(), height: image.height(), rgba: image.into_raw() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut png = Vec::new();
        image::RgbImage::from_pixel(width, height, image::Rgb([10, 20, 30]))
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        png
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let (mut budget, mut warnings) = (Budget::default(), Vec::new());
        assert!(decode_texture("x", b"not an image", &mut budget, &mut warnings).is_err());
        assert!(decode_texture("x", b"\x89PNG\r\n\x1a\n\0\0", &mut budget, &mut warnings).is_err());
    }

    #[test]
    fn a_png_decodes_to_rgba() {
        let (mut budget, mut warnings) = (Budget::default(), Vec::new());
        let t = decode_texture("x", &png(2, 3), &mut budget, &mut warnings).unwrap();
        assert_eq!((t.width, t.height), (2, 3));
        assert_eq!(&t.rgba[..4], &[10, 20, 30, 255]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn textures_beyond_the_model_budget_are_downscaled_with_a_warning() {
        let (mut budget, mut warnings) = (Budget::default(), Vec::new());
        let big = png(4096, 4096);
        for _ in 0..4 {
            let t = decode_texture("big.png", &big, &mut budget, &mut warnings).unwrap();
            assert_eq!(t.width, 4096);
        }
        assert!(warnings.is_empty());
        let err = decode_texture("big.png", &big, &mut budget, &mut warnings).unwrap_err();
        assert!(err.to_string().contains("whole texture budget"), "{err}");
        let mut budget = Budget::default();
        let t = decode_texture("wide.png", &png(8192, 4096), &mut budget, &mut warnings).unwrap();
        assert_eq!((t.width, t.height), (4096, 2048));
        assert_eq!(
            warnings,
            ["texture wide.png: 8192x4096 downscaled to 4096x2048 (a texture keeps at most 16777216 pixels, a model 67108864)"]
        );
    }
}
