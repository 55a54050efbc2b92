//! The hologram style parameters, shared by the command line and the shaders.

use anyhow::Result;

use crate::error::Problem;

/// An sRGB colour as the user writes it (`#00e5ff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// Parses `#rrggbb`, `rrggbb` or `#rgb`.
    pub fn parse(text: &str) -> Result<Self> {
        let hex = text.trim().trim_start_matches('#');
        let expand = |c: char| format!("{c}{c}");
        let full = match hex.len() {
            3 => hex.chars().map(expand).collect::<String>(),
            6 => hex.to_string(),
            _ => String::new(),
        };
        let parsed = (0..3)
            .map(|i| full.get(2 * i..2 * i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect::<Option<Vec<u8>>>();
        match parsed {
            Some(v) if full.len() == 6 => Ok(Self([v[0], v[1], v[2]])),
            _ => Err(Problem::usage(format!("'{text}' is not a colour"))
                .with_hint("write colours as hex, e.g. #00e5ff or #0ef")
                .into()),
        }
    }

    /// The colour in linear light, 0..1 per channel.
    pub fn to_linear(self) -> [f32; 3] {
        self.0.map(|c| {
            let c = c as f32 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        })
    }

    /// The sRGB-encoded colour, 0..1 per channel.
    pub fn to_encoded(self) -> [f32; 3] {
        self.0.map(|c| c as f32 / 255.0)
    }
}

/// What is behind the model in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    /// Alpha 0 where nothing is drawn (for alpha-capable formats).
    Transparent,
    /// An opaque colour; the hologram is composited "over" it.
    Color(Rgb),
}

impl Background {
    /// Parses `transparent` or a hex colour.
    pub fn parse(text: &str) -> Result<Self> {
        if text.eq_ignore_ascii_case("transparent") {
            Ok(Self::Transparent)
        } else {
            Rgb::parse(text).map(Self::Color)
        }
    }
}

/// Hologram shading parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Hologram tint.
    pub color: Rgb,
    /// Fresnel exponent: higher = thinner rim.
    pub rim_power: f32,
    /// Rim brightness.
    pub rim_strength: f32,
    /// How much the rim whitens towards its edge (0 = pure tint).
    pub rim_whiten: f32,
    /// Brightness of surfaces facing the camera.
    pub fill: f32,
    /// Opacity of surfaces facing the camera (the rim adds to it).
    pub fill_opacity: f32,
    /// Scanlines per frame height (resolution independent).
    pub scanline_density: f32,
    /// Scanline darkening, 0..1.
    pub scanline_strength: f32,
    /// Scanline scroll speed in frame heights per second.
    pub scanline_speed: f32,
}

impl Default for Look {
    fn default() -> Self {
        Self {
            color: Rgb([0x00, 0xe5, 0xff]),
            rim_power: 2.5,
            rim_strength: 1.4,
            rim_whiten: 0.35,
            fill: 0.6,
            fill_opacity: 0.45,
            scanline_density: 160.0,
            scanline_strength: 0.35,
            scanline_speed: 0.05,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_in_three_spellings() {
        assert_eq!(Rgb::parse("#00e5ff").unwrap(), Rgb([0, 0xe5, 0xff]));
        assert_eq!(Rgb::parse("00E5FF").unwrap(), Rgb([0, 0xe5, 0xff]));
        assert_eq!(Rgb::parse("#0ef").unwrap(), Rgb([0, 0xee, 0xff]));
        assert_eq!(Rgb::parse("#12345").unwrap_err().to_string(), "'#12345' is not a colour");
        assert_eq!(Rgb::parse("#gg0000").unwrap_err().to_string(), "'#gg0000' is not a colour");
    }

    #[test]
    fn linear_conversion_matches_srgb_curve() {
        let [r, g, b] = Rgb([255, 128, 0]).to_linear();
        assert_eq!(r, 1.0);
        assert!((g - 0.2158).abs() < 1e-3);
        assert_eq!(b, 0.0);
    }
}
