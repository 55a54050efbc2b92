//! Mip chains for textures, made on the CPU at upload: each level halves the one above (a 2×2
//! box, the last row or column repeated on odd sides) — colour in linear light, weighted by
//! alpha, so a texture seen small is its average, not a sample of speckles, and edges do not
//! darken; data (normal maps) as stored values.

use std::sync::OnceLock;

/// The number of levels of a full chain for a `width`×`height` texture (down to 1×1), and the
/// levels' RGBA8 texels one after another, level 0 (`rgba`) first: sRGB colour when `colour`,
/// else plain values averaged as they are.
pub fn mip_chain(width: u32, height: u32, rgba: &[u8], colour: bool) -> (u32, Vec<u8>) {
    let levels = 32 - width.max(height).max(1).leading_zeros();
    let mut data = Vec::with_capacity(rgba.len() * 4 / 3 + 4);
    data.extend_from_slice(rgba);
    let (mut w, mut h, mut start) = (width as usize, height as usize, 0);
    for _ in 1..levels {
        let (next_w, next_h) = ((w / 2).max(1), (h / 2).max(1));
        let parent = &data[start..start + w * h * 4];
        let level = if colour { halve(parent, w, h, next_w, next_h) } else { halve_data(parent, w, h, next_w, next_h) };
        start = data.len();
        data.extend_from_slice(&level);
        (w, h) = (next_w, next_h);
    }
    (levels, data)
}

/// One level down: each texel the alpha-weighted linear mean of its (up to) 2×2 parents.
fn halve(level: &[u8], w: usize, h: usize, next_w: usize, next_h: usize) -> Vec<u8> {
    let linear = to_linear();
    let mut out = Vec::with_capacity(next_w * next_h * 4);
    for y in 0..next_h {
        let rows = [(2 * y).min(h - 1), (2 * y + 1).min(h - 1)];
        for x in 0..next_w {
            let cols = [(2 * x).min(w - 1), (2 * x + 1).min(w - 1)];
            let (mut colour, mut plain, mut alpha) = ([0.0f32; 3], [0.0f32; 3], 0.0f32);
            for row in rows {
                for col in cols {
                    let texel = &level[(row * w + col) * 4..][..4];
                    let a = texel[3] as f32 / 255.0;
                    for c in 0..3 {
                        let value = linear[texel[c] as usize];
                        colour[c] += value * a;
                        plain[c] += value;
                    }
                    alpha += a;
                }
            }
            // Fully transparent parents keep their plain mean, so the colour under alpha 0 stays defined.
            let mean = |c: usize| if alpha > 0.0 { colour[c] / alpha } else { plain[c] / 4.0 };
            out.extend_from_slice(&[to_srgb(mean(0)), to_srgb(mean(1)), to_srgb(mean(2))]);
            out.push((alpha / 4.0 * 255.0).round() as u8);
        }
    }
    out
}

/// One level down for data textures: each value the plain mean of its (up to) 2×2 parents.
fn halve_data(level: &[u8], w: usize, h: usize, next_w: usize, next_h: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(next_w * next_h * 4);
    for y in 0..next_h {
        let rows = [(2 * y).min(h - 1), (2 * y + 1).min(h - 1)];
        for x in 0..next_w {
            let cols = [(2 * x).min(w - 1), (2 * x + 1).min(w - 1)];
            for c in 0..4 {
                let sum: u32 = rows
                    .iter()
                    .flat_map(|r| cols.iter().map(move |k| (r, k)))
                    .map(|(r, k)| level[(r * w + k) * 4 + c] as u32)
                    .sum();
                out.push(((sum + 2) / 4) as u8);
            }
        }
    }
    out
}

/// sRGB-encoded 8-bit values in linear light.
fn to_linear() -> &'static [f32; 256] {
    static TABLE: OnceLock<[f32; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| {
            let c = i as f32 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        })
    })
}

/// Linear light as an sRGB-encoded 8-bit value.
fn to_srgb(linear: f32) -> u8 {
    let c = linear.clamp(0.0, 1.0);
    let encoded = if c <= 0.003_130_8 { c * 12.92 } else { 1.055 * c.powf(1.0 / 2.4) - 0.055 };
    (encoded * 255.0).round() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checker_averages_to_its_linear_grey_and_the_chain_reaches_one_texel() {
        let rgba: Vec<u8> =
            (0..16).flat_map(|i| if (i % 4 + i / 4) % 2 == 0 { [255; 4] } else { [0, 0, 0, 255] }).collect();
        let (levels, data) = mip_chain(4, 4, &rgba, true);
        assert_eq!(levels, 3);
        assert_eq!(data.len(), (16 + 4 + 1) * 4);
        // Half white, half black in linear light is 0.5, sRGB 188 (not 128: that would be too dark).
        assert_eq!(&data[16 * 4..16 * 4 + 4], &[188, 188, 188, 255]);
        assert_eq!(&data[20 * 4..], &[188, 188, 188, 255]);
    }

    #[test]
    fn transparent_texels_do_not_darken_the_colour_and_odd_sides_shrink_to_one() {
        // A red opaque texel beside a transparent black one: the mean is red, half covered.
        let (levels, data) = mip_chain(2, 1, &[255, 0, 0, 255, 0, 0, 0, 0], true);
        assert_eq!(levels, 2);
        assert_eq!(&data[8..], &[255, 0, 0, 128]);
        let (levels, data) = mip_chain(5, 3, &[40; 5 * 3 * 4], true);
        assert_eq!(levels, 3);
        assert_eq!(data.len(), (15 + 2 + 1) * 4);
        assert!(data.iter().all(|&v| v == 40));
        // Data is averaged as stored: 0 and 255 give 128, not the sRGB mean 188.
        let (_, data) = mip_chain(2, 1, &[0, 0, 255, 255, 255, 255, 255, 255], false);
        assert_eq!(&data[8..], &[128, 128, 255, 255]);
    }
}
