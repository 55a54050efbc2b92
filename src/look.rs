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

/// How surfaces are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// Fresnel rim glow, scanlines and fill, blended additively (the hologram look).
    #[default]
    Hologram,
    /// A clean lit look (key, fill and rim lights on the base colour): the reference render.
    Shaded,
    /// Glowing edges, optionally over the hologram surfaces.
    Wireframe,
}

/// Every style: its name, as `--style` takes it, and what it draws, for help texts.
pub const STYLES: &[(&str, Style, &str)] = &[
    ("hologram", Style::Hologram, "rim glow, scanlines, bloom"),
    ("shaded", Style::Shaded, "lit reference look"),
    ("wireframe", Style::Wireframe, "glowing edges"),
];

/// The style names, in help order.
pub fn style_names() -> Vec<&'static str> {
    STYLES.iter().map(|(name, ..)| *name).collect()
}

impl Style {
    /// Parses a style name.
    pub fn parse(name: &str) -> Result<Self> {
        let name = name.trim();
        STYLES.iter().find(|(n, ..)| *n == name).map(|(_, style, _)| *style).ok_or_else(|| {
            Problem::usage(format!("'{name}' is not a style"))
                .with_hint(format!("styles: {}", style_names().join(", ")))
                .into()
        })
    }
}

/// Where scanlines are fixed: to the picture, or to the model (they ride along as it turns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScanlineSpace {
    /// Horizontal lines across the view.
    #[default]
    Screen,
    /// Horizontal slices through the model, in model heights.
    Model,
}

/// Shading parameters of every style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// How surfaces are drawn.
    pub style: Style,
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
    /// Scanlines per view height (screen space) or per model height (model space).
    pub scanline_density: f32,
    /// Scanline darkening, 0..1.
    pub scanline_strength: f32,
    /// Scanline scroll speed in view (or model) heights per second (capped per clip at a quarter
    /// line per frame, see [`Look::for_frame_rate`]).
    pub scanline_speed: f32,
    /// Whether scanlines are fixed to the picture or to the model.
    pub scanline_space: ScanlineSpace,
    /// Flicker depth, 0 (steady) ..1: how far the brightness may dip.
    pub flicker: f32,
    /// Flicker changes per second.
    pub flicker_rate: f32,
    /// Glitch intensity, 0 (off) ..1: how far bands of the picture jump sideways (the split,
    /// spike and jitter come with it).
    pub glitch: f32,
    /// Glitch slots per second; about a third of them glitch.
    pub glitch_rate: f32,
    /// Glitch: how far the red and blue channels split apart, as a fraction of the view width.
    pub glitch_split: f32,
    /// Glitch: how much brighter a shifted band flashes (0 = not at all).
    pub glitch_spike: f32,
    /// Glitch: how far every row jitters sideways, as a fraction of the view width.
    pub glitch_jitter: f32,
    /// Seed of flicker and glitch (the same seed gives the same frames on every run).
    pub seed: u32,
    /// X-ray: every surface glows through the ones in front (else only the front-most shows).
    pub xray: bool,
    /// Bloom strength (0 = off).
    pub bloom: f32,
    /// Brightness (linear luminance) above which light blooms.
    pub bloom_threshold: f32,
    /// Bloom radius as a fraction of the view height (the tight core of the glow).
    pub bloom_radius: f32,
    /// Strength of the bloom's wide halo, relative to its core (0 = the core alone).
    pub bloom_halo: f32,
    /// Radius of the bloom's halo as a fraction of the view height.
    pub bloom_halo_radius: f32,
    /// Wireframe line width in thousandths of the view height.
    pub wire_width: f32,
    /// Wireframe: draw only edges whose faces meet at more than this angle (degrees); 0 = every edge.
    pub wire_angle: f32,
    /// Wireframe line brightness.
    pub wire_brightness: f32,
    /// Wireframe: draw the hologram surfaces beneath the edges.
    pub wire_over_hologram: bool,
    /// Brightness of lines hidden behind the front surfaces, relative to the visible ones
    /// (0 = not drawn); x-ray draws them at full brightness.
    pub wire_hidden: f32,
    /// Hologram: brightness of the glowing crease and border lines (0 = none).
    pub edge_glow: f32,
    /// Hologram: the crease angle (degrees) above which an edge glows.
    pub edge_angle: f32,
    /// Hologram: how strongly the texture's local contrast (panel lines, scratches) shows.
    pub detail: f32,
}

impl Default for Look {
    fn default() -> Self {
        Self::for_style(Style::Hologram)
    }
}

/// A look preset: its name and how it changes the default look of the job's style.
pub type Preset = (&'static str, fn(Look) -> Look);

/// Named looks (hologram colour schemes).
pub const PRESETS: &[Preset] = &[
    ("classic", |base| base),
    ("amber", |base| Look { color: Rgb([0xff, 0xb0, 0x00]), rim_whiten: 0.5, ..base }),
    ("matrix", |base| Look { color: Rgb([0x00, 0xff, 0x41]), scanline_density: 220.0, scanline_strength: 0.5, ..base }),
    ("mono", |base| Look { color: Rgb([0xe8, 0xe8, 0xe8]), rim_whiten: 0.1, scanline_strength: 0.25, ..base }),
];

/// The preset names, in help order.
pub fn preset_names() -> Vec<&'static str> {
    PRESETS.iter().map(|(name, _)| *name).collect()
}

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
    "scanline-space",
    "flicker",
    "flicker-rate",
    "glitch",
    "glitch-rate",
    "glitch-split",
    "glitch-spike",
    "glitch-jitter",
    "seed",
    "xray",
    "bloom",
    "bloom-threshold",
    "bloom-radius",
    "bloom-halo",
    "bloom-halo-radius",
    "wire-width",
    "wire-angle",
    "wire-brightness",
    "wire-over-hologram",
    "wire-hidden",
    "edge-glow",
    "edge-angle",
    "detail",
];

/// How far a bloom's core shows past the surfaces, in Gaussian widths (the blur's kernel ends at
/// three; the rest is the downsampled image's bilinear spread).
const GLOW_REACH_SIGMAS: f32 = 3.5;
/// How far the fainter halo is kept clear, in its Gaussian widths (beyond, it is a faint haze
/// that a frame edge may cut unnoticed).
const HALO_REACH_SIGMAS: f32 = 1.5;

impl Look {
    /// How far past the surfaces the look's glow shows, as a share of the view height (0 without
    /// bloom): a still keeps that much clear at the frame's edges, so the glow is not cut.
    pub fn glow_reach(&self) -> f32 {
        let [(core_radius, _), (halo_radius, halo)] = self.glow_scales();
        match (self.bloom > 0.0, halo > 0.0) {
            (false, _) => 0.0,
            (true, false) => GLOW_REACH_SIGMAS * core_radius,
            (true, true) => (GLOW_REACH_SIGMAS * core_radius).max(HALO_REACH_SIGMAS * halo_radius),
        }
    }

    /// The bloom's two scales, each as (radius as a fraction of the view height, strength):
    /// the tight core and the wide halo.
    pub fn glow_scales(&self) -> [(f32, f32); 2] {
        [(self.bloom_radius, self.bloom), (self.bloom_halo_radius, self.bloom * self.bloom_halo)]
    }

    /// The crease angle of the lines the style draws: the wireframe's edges, the hologram's
    /// glowing creases and borders; None when it draws none.
    pub fn line_angle(&self) -> Option<f32> {
        match self.style {
            Style::Wireframe => Some(self.wire_angle),
            Style::Hologram if self.edge_glow > 0.0 => Some(self.edge_angle),
            _ => None,
        }
    }

    /// The default look of `style` (the shaded reference has no bloom).
    pub fn for_style(style: Style) -> Self {
        Self {
            style,
            color: Rgb([0x00, 0xe5, 0xff]),
            rim_power: 3.0,
            rim_strength: 2.6,
            rim_whiten: 0.45,
            fill: 0.22,
            fill_opacity: 0.2,
            scanline_density: 160.0,
            scanline_strength: 0.35,
            scanline_speed: 0.04,
            scanline_space: ScanlineSpace::Screen,
            flicker: 0.0,
            flicker_rate: 12.0,
            glitch: 0.0,
            glitch_rate: 8.0,
            glitch_split: 0.008,
            glitch_spike: 0.6,
            glitch_jitter: 0.004,
            seed: 0,
            xray: false,
            bloom: if style == Style::Shaded { 0.0 } else { 0.8 },
            bloom_threshold: 0.3,
            bloom_radius: 0.02,
            bloom_halo: 1.5,
            bloom_halo_radius: 0.06,
            wire_width: 2.0,
            wire_angle: 1.0,
            wire_brightness: 1.2,
            wire_over_hologram: false,
            wire_hidden: 0.0,
            edge_glow: 0.5,
            edge_angle: 30.0,
            detail: 1.0,
        }
    }

    /// A named look for `style`.
    pub fn preset(name: &str, style: Style) -> Result<Self> {
        let (_, preset) = PRESETS.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            Problem::usage(format!("'{name}' is not a look preset"))
                .with_hint(format!("presets: {}", preset_names().join(", ")))
        })?;
        Ok(preset(Self::for_style(style)))
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
        let switch = || -> Result<bool> {
            match value.trim() {
                "true" | "1" | "on" | "yes" => Ok(true),
                "false" | "0" | "off" | "no" => Ok(false),
                _ => Err(Problem::usage(format!("look {key} = {value}: expected true or false")).into()),
            }
        };
        match key {
            "preset" => *self = Self::preset(value, self.style)?,
            "color" => self.color = Rgb::parse(value)?,
            "rim-power" => self.rim_power = number(0.1..=16.0)?,
            "rim-strength" => self.rim_strength = number(0.0..=10.0)?,
            "rim-whiten" => self.rim_whiten = number(0.0..=1.0)?,
            "fill" => self.fill = number(0.0..=10.0)?,
            "fill-opacity" => self.fill_opacity = number(0.0..=1.0)?,
            "scanline-density" => self.scanline_density = number(0.0..=2000.0)?,
            "scanline-strength" => self.scanline_strength = number(0.0..=1.0)?,
            "scanline-speed" => self.scanline_speed = number(-100.0..=100.0)?,
            "scanline-space" => {
                self.scanline_space = match value.trim() {
                    "screen" => ScanlineSpace::Screen,
                    "model" => ScanlineSpace::Model,
                    _ => return Err(Problem::usage(format!("look {key} = {value}: expected screen or model")).into()),
                }
            }
            "flicker" => self.flicker = number(0.0..=1.0)?,
            "flicker-rate" => self.flicker_rate = number(0.1..=240.0)?,
            "glitch" => self.glitch = number(0.0..=1.0)?,
            "glitch-rate" => self.glitch_rate = number(0.1..=240.0)?,
            "glitch-split" => self.glitch_split = number(0.0..=0.1)?,
            "glitch-spike" => self.glitch_spike = number(0.0..=4.0)?,
            "glitch-jitter" => self.glitch_jitter = number(0.0..=0.1)?,
            "xray" => self.xray = switch()?,
            "bloom" => self.bloom = number(0.0..=10.0)?,
            "bloom-threshold" => self.bloom_threshold = number(0.0..=10.0)?,
            "bloom-radius" => self.bloom_radius = number(0.001..=0.25)?,
            "bloom-halo" => self.bloom_halo = number(0.0..=10.0)?,
            "bloom-halo-radius" => self.bloom_halo_radius = number(0.001..=0.25)?,
            "wire-width" => self.wire_width = number(0.1..=50.0)?,
            "wire-angle" => self.wire_angle = number(0.0..=180.0)?,
            "wire-brightness" => self.wire_brightness = number(0.0..=10.0)?,
            "wire-over-hologram" => self.wire_over_hologram = switch()?,
            "wire-hidden" => self.wire_hidden = number(0.0..=1.0)?,
            "edge-glow" => self.edge_glow = number(0.0..=10.0)?,
            "edge-angle" => self.edge_angle = number(0.0..=180.0)?,
            "detail" => self.detail = number(0.0..=4.0)?,
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

    /// The look for a clip at `fps` frames per second: the scanline scroll capped at a quarter
    /// of a line per frame. Faster, the lines would alias in time (at 12 fps a scroll just under
    /// a line per frame looks like a slow crawl backwards); at most a quarter, each line visibly
    /// moves forwards. The cap depends on the job's settings only, so a frame range equals that
    /// range of a full run.
    pub fn for_frame_rate(mut self, fps: u32) -> Self {
        let limit = MAX_SCROLL_PER_FRAME * fps as f32 / self.scanline_density.max(f32::MIN_POSITIVE);
        self.scanline_speed = self.scanline_speed.clamp(-limit, limit);
        self
    }

    /// Brightness factor of the flicker at clip time `time`: a function of the seed and the
    /// flicker slot only (never the wall clock), so frames are reproducible and ranges match.
    pub fn flicker_at(&self, time: f64) -> f32 {
        if self.flicker <= 0.0 {
            return 1.0;
        }
        1.0 - self.flicker * unit_hash(self.seed, slot(time, self.flicker_rate))
    }

    /// The glitch of clip time `time`: None in a calm slot, else the key that seeds the band
    /// displacement in `encode.wgsl`. Like the flicker, a function of the seed and the slot only.
    pub fn glitch_at(&self, time: f64) -> Option<u32> {
        if self.glitch <= 0.0 {
            return None;
        }
        let slot = slot(time, self.glitch_rate);
        // A stream of its own, so glitch and flicker do not pulse together.
        let seed = self.seed ^ 0x5bd1_e995;
        (unit_hash(seed, slot) < GLITCH_SHARE).then(|| (unit_hash(seed.wrapping_add(1), slot) * 16_777_216.0) as u32)
    }
}

/// The fastest scanline scroll, in line periods per frame.
const MAX_SCROLL_PER_FRAME: f32 = 0.25;

/// Share of glitch slots that glitch.
const GLITCH_SHARE: f32 = 0.35;

/// The time slot `time` falls in at `rate` slots per second.
fn slot(time: f64, rate: f32) -> u64 {
    (time * rate as f64).floor() as i64 as u64
}

/// SplitMix64 of (seed, slot): a well-spread value in [0, 1).
fn unit_hash(seed: u32, slot: u64) -> f32 {
    let mut z = (seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ slot.wrapping_add(0x632B_E59B_D9B4_E019);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 40) as f32 / (1u64 << 24) as f32
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
        assert_eq!(Look::preset("neon", Style::Hologram).unwrap_err().to_string(), "'neon' is not a look preset");
    }

    #[test]
    fn scanline_scroll_never_steps_more_than_a_quarter_line_per_frame() {
        // 160 lines per view height at 2 view heights a second: 320 lines a second.
        let fast = Look { scanline_speed: -2.0, ..Look::default() };
        for fps in [12, 24, 60] {
            let limited = fast.for_frame_rate(fps);
            let per_frame = limited.scanline_speed * limited.scanline_density / fps as f32;
            assert!((per_frame + 0.25).abs() < 1e-6, "{fps} fps: {per_frame} lines per frame, backwards");
        }
        // The default (6.4 lines a second) is slow enough at the default 30 fps.
        let calm = Look::default().for_frame_rate(30);
        assert_eq!(calm.scanline_speed, Look::default().scanline_speed);
        let still = Look { scanline_density: 0.0, ..Look::default() }.for_frame_rate(12);
        assert!(still.scanline_speed.is_finite());
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
    fn glitch_is_seeded_and_glitches_some_slots() {
        let look = Look { glitch: 0.5, glitch_rate: 10.0, seed: 3, ..Look::default() };
        let keys: Vec<Option<u32>> = (0..100).map(|i| look.glitch_at(i as f64 / 10.0)).collect();
        let glitched = keys.iter().filter(|k| k.is_some()).count();
        assert!((15..=55).contains(&glitched), "{glitched} of 100 slots glitch");
        assert_eq!(look.glitch_at(0.31), look.glitch_at(0.39));
        let other = Look { seed: 4, ..look };
        assert_ne!(keys, (0..100).map(|i| other.glitch_at(i as f64 / 10.0)).collect::<Vec<_>>());
        assert_eq!(Look::default().glitch_at(1.0), None);
    }

    #[test]
    fn a_preset_keeps_the_style_and_styles_have_their_defaults() {
        let mut look = Look::for_style(Style::Shaded);
        assert_eq!(look.bloom, 0.0);
        look.set("preset", "matrix").unwrap();
        assert_eq!(look.style, Style::Shaded);
        assert_eq!(Style::parse("toon").unwrap_err().to_string(), "'toon' is not a style");
        assert_eq!(
            look.set("scanline-space", "world").unwrap_err().to_string(),
            "look scanline-space = world: expected screen or model"
        );
    }

    #[test]
    fn linear_conversion_matches_srgb_curve() {
        let [r, g, b] = Rgb([255, 128, 0]).to_linear();
        assert_eq!(r, 1.0);
        assert!((g - 0.2158).abs() < 1e-3);
        assert_eq!(b, 0.0);
    }
}
