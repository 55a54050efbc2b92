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
    /// Flicker depth, 0 (steady) ..1: how far the brightness may dip.
    pub flicker: f32,
    /// Flicker changes per second.
    pub flicker_rate: f32,
    /// Seed of the flicker pattern (the same seed gives the same flicker on every run).
    pub seed: u32,
    /// X-ray: every surface glows through the ones in front (else only the front-most shows).
    pub xray: bool,
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
            flicker: 0.0,
            flicker_rate: 12.0,
            seed: 0,
            xray: false,
        }
    }
}

/// Named looks: name, colour and the parameters that differ from the default.
pub const PRESETS: &[&str] = &["classic", "amber", "matrix", "mono"];

/// The keys of `--look KEY=VALUE` (and of a manifest's `[look]` table).
pub const KEYS: &[&str] = &[
    "preset",
    "color",
    "rim-power",
    "rim-strength",
    "rim-whiten",
    "fill",
    "fill-opacity",
    "scanline-density",
    "scanline-strength",
    "scanline-speed",
    "flicker",
    "flicker-rate",
    "seed",
    "xray",
];

impl Look {
    /// A named look.
    pub fn preset(name: &str) -> Result<Self> {
        let base = Self::default();
        Ok(match name {
            "classic" => base,
            "amber" => Self { color: Rgb([0xff, 0xb0, 0x00]), rim_whiten: 0.5, ..base },
            "matrix" => {
                Self { color: Rgb([0x00, 0xff, 0x41]), scanline_density: 220.0, scanline_strength: 0.5, ..base }
            }
            "mono" => Self { color: Rgb([0xe8, 0xe8, 0xe8]), rim_whiten: 0.1, scanline_strength: 0.25, ..base },
            other => {
                return Err(Problem::usage(format!("'{other}' is not a look preset"))
                    .with_hint(format!("presets: {}", PRESETS.join(", ")))
                    .into())
            }
        })
    }

    /// Sets one parameter from `key` and its text `value`, checking its range.
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        let number = |range: std::ops::RangeInclusive<f32>| -> Result<f32> {
            match value.trim().parse::<f32>() {
                Ok(v) if v.is_finite() && range.contains(&v) => Ok(v),
                _ => Err(Problem::usage(format!(
                    "look {key} = {value}: expected a number from {} to {}",
                    range.start(),
                    range.end()
                ))
                .into()),
            }
        };
        match key {
            "preset" => *self = Self::preset(value)?,
            "color" => self.color = Rgb::parse(value)?,
            "rim-power" => self.rim_power = number(0.1..=16.0)?,
            "rim-strength" => self.rim_strength = number(0.0..=10.0)?,
            "rim-whiten" => self.rim_whiten = number(0.0..=1.0)?,
            "fill" => self.fill = number(0.0..=10.0)?,
            "fill-opacity" => self.fill_opacity = number(0.0..=1.0)?,
            "scanline-density" => self.scanline_density = number(0.0..=2000.0)?,
            "scanline-strength" => self.scanline_strength = number(0.0..=1.0)?,
            "scanline-speed" => self.scanline_speed = number(-100.0..=100.0)?,
            "flicker" => self.flicker = number(0.0..=1.0)?,
            "flicker-rate" => self.flicker_rate = number(0.1..=240.0)?,
            "xray" => {
                self.xray = match value.trim() {
                    "true" | "1" | "on" | "yes" => true,
                    "false" | "0" | "off" | "no" => false,
                    _ => return Err(Problem::usage(format!("look xray = {value}: expected true or false")).into()),
                }
            }
            "seed" => {
                self.seed = value
                    .trim()
                    .parse()
                    .map_err(|_| Problem::usage(format!("look seed = {value}: expected a whole number")))?
            }
            other => {
                return Err(Problem::usage(format!("'{other}' is not a look parameter"))
                    .with_hint(format!("parameters: {}", KEYS.join(", ")))
                    .into())
            }
        }
        Ok(())
    }

    /// Brightness factor of the flicker at clip time `time`: a function of the seed and the
    /// flicker slot only (never the wall clock), so frames are reproducible and ranges match.
    pub fn flicker_at(&self, time: f64) -> f32 {
        if self.flicker <= 0.0 {
            return 1.0;
        }
        let slot = (time * self.flicker_rate as f64).floor() as i64 as u64;
        // SplitMix64 of (seed, slot): a well-spread value in [0, 1).
        let mut z = (self.seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ slot.wrapping_add(0x632B_E59B_D9B4_E019);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let unit = (z >> 40) as f32 / (1u64 << 24) as f32;
        1.0 - self.flicker * unit
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
    fn presets_and_parameters_are_set_by_name() {
        let mut look = Look::default();
        look.set("preset", "amber").unwrap();
        assert_eq!(look.color, Rgb([0xff, 0xb0, 0x00]));
        look.set("rim-power", "4").unwrap();
        assert_eq!(look.rim_power, 4.0);
        assert_eq!(
            look.set("rim-power", "99").unwrap_err().to_string(),
            "look rim-power = 99: expected a number from 0.1 to 16"
        );
        assert_eq!(look.set("glow", "1").unwrap_err().to_string(), "'glow' is not a look parameter");
        assert_eq!(Look::preset("neon").unwrap_err().to_string(), "'neon' is not a look preset");
    }

    #[test]
    fn flicker_depends_on_seed_and_time_slot_only() {
        let look = Look { flicker: 0.5, flicker_rate: 10.0, seed: 7, ..Look::default() };
        assert_eq!(look.flicker_at(0.31), look.flicker_at(0.39), "same slot, same brightness");
        let values: Vec<f32> = (0..50).map(|i| look.flicker_at(i as f64 / 10.0)).collect();
        assert!(values.iter().all(|v| (0.5..=1.0).contains(v)));
        assert!(values.windows(2).any(|w| w[0] != w[1]), "the flicker never changes");
        let other = Look { seed: 8, ..look };
        assert_ne!(values, (0..50).map(|i| other.flicker_at(i as f64 / 10.0)).collect::<Vec<_>>());
        assert_eq!(Look::default().flicker_at(3.0), 1.0);
    }

    #[test]
    fn linear_conversion_matches_srgb_curve() {
        let [r, g, b] = Rgb([255, 128, 0]).to_linear();
        assert_eq!(r, 1.0);
        assert!((g - 0.2158).abs() < 1e-3);
        assert_eq!(b, 0.0);
    }
}
