//! Texture decoding within the model's budget: the image's size is read from its header before
//! anything is decoded; a texture over the per-texture or per-model pixel budget is downscaled by
//! a power of two (with a warning) — a JPEG while it is decoded (DCT scaling, so a 16384² JPEG
//! never exists at full size in memory), a KTX2 by transcoding the largest mip level that fits, a
//! PNG after decoding — and a PNG too large to decode within the memory budget is left out (with a
//! warning). A hostile image is a warning, not a crash.

use std::io::Cursor;

use anyhow::{bail, Context, Result};

use super::budget::{describe_bytes, Budget, MODEL_TEXTURE_PIXELS, TEXTURE_PIXELS};
use super::Texture;

mod ktx2;

/// Largest texture side read at all.
const MAX_TEXTURE_SIDE: u32 = 16384;
/// Most pixels decoded at full size before downscaling (8192²: 256 MiB of RGBA).
const MAX_DECODED_PIXELS: u64 = 8192 * 8192;

/// Decodes PNG, JPEG, WebP, BMP, TGA or KTX2 (Basis Universal) bytes into an RGBA8 texture,
/// downscaled to what the budget grants.
pub fn decode_texture(label: &str, bytes: &[u8], budget: &mut Budget, warnings: &mut Vec<String>) -> Result<Texture> {
    if ktx2::is_ktx2(bytes) {
        return decode_ktx2(label, bytes, budget, warnings);
    }
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
    let pixels = check_size(width, height)?;
    let is_jpeg = bytes.starts_with(b"\xff\xd8\xff");
    if !is_jpeg {
        check_decodable(width, height)?;
    }
    let factor = reduction(width, height, budget)?;
    let (w, h) = reduced(width, height, factor);
    let image = if is_jpeg && factor > 1 {
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
    Ok(texture(label, image, (width, height), factor, warnings))
}

/// A KTX2 texture: the largest stored mip level the budget grants is transcoded, so a big
/// texture with mipmaps never exists at full size in memory.
fn decode_ktx2(label: &str, bytes: &[u8], budget: &mut Budget, warnings: &mut Vec<String>) -> Result<Texture> {
    let file = ktx2::Ktx2::open(bytes)?;
    let (width, height) = file.size();
    check_size(width, height)?;
    let factor = reduction(width, height, budget)?;
    let level = factor.trailing_zeros().min(file.levels() - 1);
    let (w, h) = reduced(width, height, 1 << level);
    check_decodable(w, h)?;
    Ok(texture(label, file.rgba(level)?, (width, height), factor, warnings))
}

/// The image's pixel count, or an error when a side is 0 or over [`MAX_TEXTURE_SIDE`].
fn check_size(width: u32, height: u32) -> Result<u64> {
    if width == 0 || height == 0 || width > MAX_TEXTURE_SIDE || height > MAX_TEXTURE_SIDE {
        bail!("the image is {width}x{height}; textures must be 1 to {MAX_TEXTURE_SIDE} pixels per side");
    }
    Ok(width as u64 * height as u64)
}

/// Errors when a `width`×`height` image is more than holoforge decodes at full size.
fn check_decodable(width: u32, height: u32) -> Result<()> {
    let pixels = width as u64 * height as u64;
    if pixels > MAX_DECODED_PIXELS {
        bail!(
            "the image is {width}x{height} ({} of RGBA), more than holoforge decodes ({}x{} at most)",
            describe_bytes(pixels * 4),
            8192,
            8192
        );
    }
    Ok(())
}

/// The power of two the texture is shrunk by to fit the pixels the budget grants it.
fn reduction(width: u32, height: u32, budget: &mut Budget) -> Result<u32> {
    let granted = budget.grant_texture_pixels(width as u64 * height as u64);
    if granted == 0 {
        bail!("the model's textures already use the whole texture budget ({MODEL_TEXTURE_PIXELS} pixels)");
    }
    let mut factor = 1;
    loop {
        let (w, h) = reduced(width, height, factor);
        if w as u64 * h as u64 <= granted {
            return Ok(factor);
        }
        factor *= 2;
    }
}

/// The size of a `width`×`height` image shrunk by `factor` (at least one pixel a side).
fn reduced(width: u32, height: u32, factor: u32) -> (u32, u32) {
    ((width / factor).max(1), (height / factor).max(1))
}

/// The texture from a decoded `image` of a `source`-sized file: resized to the size `factor`
/// grants if the decoder did not give it, with a warning when it is smaller than the file's.
fn texture(
    label: &str,
    mut image: image::RgbaImage,
    source: (u32, u32),
    factor: u32,
    warnings: &mut Vec<String>,
) -> Texture {
    if factor > 1 {
        let (width, height) = source;
        let (w, h) = reduced(width, height, factor);
        if image.dimensions() != (w, h) {
            image = image::imageops::resize(&image, w, h, image::imageops::FilterType::Triangle);
        }
        warnings.push(format!(
            "texture {label}: {width}x{height} downscaled to {w}x{h} (a texture keeps at most {TEXTURE_PIXELS} pixels, a model {MODEL_TEXTURE_PIXELS})"
        ));
    }
    Texture { name: label.to_string(), width: image.width(), height: image.height(), rgba: image.into_raw() }
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

    /// The Cesium logo (211×211) as ETC1S KTX2 with a full mip chain (see tests/fixtures/README.md).
    const KTX2_LOGO: &[u8] = include_bytes!("../../tests/fixtures/compressed/cesium-logo-etc1s.ktx2");

    #[test]
    fn a_ktx2_texture_decodes_the_largest_mip_level_the_budget_grants() {
        let (mut budget, mut warnings) = (Budget::default(), Vec::new());
        let full = decode_texture("logo.ktx2", KTX2_LOGO, &mut budget, &mut warnings).unwrap();
        assert_eq!((full.width, full.height), (211, 211));
        assert!(warnings.is_empty(), "{warnings:?}");
        // (60, 40) lies in the logo's sky: blue, opaque.
        let pixel = |t: &Texture, x: u32, y: u32| t.rgba[((y * t.width + x) * 4) as usize..][..4].to_vec();
        let sky = pixel(&full, 60, 40);
        assert!(sky[2] > sky[0] + 60 && sky[3] == 255, "{sky:?}");
        // Leave the budget room for a quarter of the pixels: level 1 (105×105) is transcoded,
        // and its sky (at half the coordinates) is the same blue.
        let mut budget = Budget::default();
        for _ in 0..3 {
            budget.grant_texture_pixels(TEXTURE_PIXELS);
        }
        budget.grant_texture_pixels(MODEL_TEXTURE_PIXELS - 3 * TEXTURE_PIXELS - 211 * 211 / 4);
        let half = decode_texture("logo.ktx2", KTX2_LOGO, &mut budget, &mut warnings).unwrap();
        assert_eq!((half.width, half.height), (105, 105));
        assert_eq!(pixel(&half, 30, 20)[..3].iter().zip(&sky).filter(|(a, b)| a.abs_diff(**b) > 24).count(), 0);
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
