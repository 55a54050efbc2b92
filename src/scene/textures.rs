//! Texture decoding within the model's budget: the image's size is read from its header before
//! anything is decoded; a texture over the per-texture or per-model pixel budget is downscaled by
//! a power of two (with a warning) — a JPEG while it is decoded (DCT scaling, so a 16384² JPEG
//! never exists at full size in memory), a PNG after decoding — and a PNG too large to decode
//! within the memory budget is left out (with a warning). A hostile image is a warning, not a crash.

use std::io::Cursor;

use anyhow::{bail, Context, Result};

use super::budget::{describe_bytes, Budget, MODEL_TEXTURE_PIXELS, TEXTURE_PIXELS};
use super::Texture;

/// Largest texture side read at all.
const MAX_TEXTURE_SIDE: u32 = 16384;
/// Most pixels decoded at full size before downscaling (8192²: 256 MiB of RGBA).
const MAX_DECODED_PIXELS: u64 = 8192 * 8192;

/// Decodes PNG, JPEG, WebP, BMP or TGA bytes into an RGBA8 texture, downscaled to what the budget grants.
pub fn decode_texture(label: &str, bytes: &[u8], budget: &mut Budget, warnings: &mut Vec<String>) -> Result<Texture> {
    let reader = || -> Result<_> {
        let mut reader =
            image::ImageReader::new(Cursor::new(bytes)).with_guessed_format().context("unreadable image")?;
        // TGA, common in game and FBX pipelines, has no signature: it is what is left to try.
        if reader.format().is_none() {
            reader.set_format(image::ImageFormat::Tga);
        }
        Ok(reader)
    };
    let (width, height) = reader()?.into_dimensions().context("cannot read the image's size")?;
    if width == 0 || height == 0 || width > MAX_TEXTURE_SIDE || height > MAX_TEXTURE_SIDE {
        bail!("the image is {width}x{height}; textures must be 1 to {MAX_TEXTURE_SIDE} pixels per side");
    }
    let pixels = width as u64 * height as u64;
    let is_jpeg = bytes.starts_with(b"\xff\xd8\xff");
    if pixels > MAX_DECODED_PIXELS && !is_jpeg {
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
    let mut factor = 1;
    while (width / factor).max(1) as u64 * (height / factor).max(1) as u64 > granted {
        factor *= 2;
    }
    let (w, h) = ((width / factor).max(1), (height / factor).max(1));
    let mut image = if is_jpeg && factor > 1 {
        decode_scaled_jpeg(bytes, w, h)?
    } else {
        let mut reader = reader()?;
        let mut limits = image::Limits::default();
        limits.max_image_width = Some(MAX_TEXTURE_SIDE);
        limits.max_image_height = Some(MAX_TEXTURE_SIDE);
        limits.max_alloc = Some(pixels * 4 * 2);
        reader.limits(limits);
        reader.decode().context("cannot decode the image")?.into_rgba8()
    };
    if factor > 1 {
        if image.dimensions() != (w, h) {
            image = image::imageops::resize(&image, w, h, image::imageops::FilterType::Triangle);
        }
        warnings.push(format!(
            "texture {label}: {width}x{height} downscaled to {w}x{h} (a texture keeps at most {TEXTURE_PIXELS} pixels, a model {MODEL_TEXTURE_PIXELS})"
        ));
    }
    Ok(Texture { name: label.to_string(), width: image.width(), height: image.height(), rgba: image.into_raw() })
}

/// Decodes a JPEG at a reduced size (1/2, 1/4 or 1/8 by DCT scaling: the smallest at least
/// `width`×`height`), so memory follows the reduced size, not the file's.
fn decode_scaled_jpeg(bytes: &[u8], width: u32, height: u32) -> Result<image::RgbaImage> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    let (w, h) = decoder.scale(width.min(u16::MAX as u32) as u16, height.min(u16::MAX as u32) as u16)?;
    let (w, h) = (w as u32, h as u32);
    decoder.set_max_decoding_buffer_size(w as usize * h as usize * 4 * 2);
    let pixels = decoder.decode().context("cannot decode the JPEG")?;
    let format = decoder.info().context("the JPEG has no frame")?.pixel_format;
    use jpeg_decoder::PixelFormat;
    let rgba: Vec<u8> = match format {
        PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l, 255]).collect(),
        PixelFormat::L16 => pixels.chunks_exact(2).flat_map(|l| [l[0], l[0], l[0], 255]).collect(),
        PixelFormat::RGB24 => pixels.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        PixelFormat::CMYK32 => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                let ink = |c: u8| ((255 - c as u32) * (255 - p[3] as u32) / 255) as u8;
                [ink(p[0]), ink(p[1]), ink(p[2]), 255]
            })
            .collect(),
    };
    image::RgbaImage::from_raw(w, h, rgba).context("the JPEG decoded to the wrong size")
}

/// A display (sRGB-encoded) colour, as MTL and PLY files give them, as the linear RGBA the scene
/// stores; alpha is linear already.
pub fn srgb_colour([r, g, b]: [f32; 3], alpha: f32) -> [f32; 4] {
    let linear = |c: f32| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    [linear(r.clamp(0.0, 1.0)), linear(g.clamp(0.0, 1.0)), linear(b.clamp(0.0, 1.0)), alpha.clamp(0.0, 1.0)]
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
    fn a_large_jpeg_is_downscaled_while_it_is_decoded() {
        let mut jpeg = Vec::new();
        let source = image::RgbImage::from_fn(8192, 4096, |x, _| image::Rgb([(x / 32) as u8, 128, 40]));
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80).encode_image(&source).unwrap();
        let (mut budget, mut warnings) = (Budget::default(), Vec::new());
        let t = decode_texture("big.jpg", &jpeg, &mut budget, &mut warnings).unwrap();
        assert_eq!((t.width, t.height), (4096, 2048));
        let left = &t.rgba[(1024 * 4096 + 8) * 4..][..3];
        assert!(left[0] < 8 && (120..=136).contains(&left[1]), "{left:?}");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
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
