//! Frame sizes: named presets (`1080p`, `4k`, `1080p-square`, `1080p-vertical`) or `WxH`.

use anyhow::Result;

use crate::error::Problem;

/// Named sizes: name, width, height.
pub const NAMED_SIZES: &[(&str, u32, u32)] = &[
    ("480p", 854, 480),
    ("720p", 1280, 720),
    ("1080p", 1920, 1080),
    ("1440p", 2560, 1440),
    ("4k", 3840, 2160),
    ("8k", 7680, 4320),
];

/// Largest frame side accepted anywhere (the largest texture any GPU offers); the device's own
/// limit is checked before rendering.
pub const MAX_SIDE: u32 = 32768;

/// Width and height of a frame in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameSize {
    /// Pixels across.
    pub width: u32,
    /// Pixels down.
    pub height: u32,
}

impl FrameSize {
    /// Parses `720p`, `1080p-square` (1080×1080), `1080p-vertical` (1080×1920) or `WxH`.
    pub fn parse(text: &str) -> Result<Self> {
        let lower = text.trim().to_ascii_lowercase();
        let (base, variant) = match lower.split_once('-') {
            Some((base, variant)) => (base, Some(variant)),
            None => (lower.as_str(), None),
        };
        if let Some(&(_, w, h)) = NAMED_SIZES.iter().find(|(name, _, _)| *name == base) {
            return match variant {
                None => Ok(Self { width: w, height: h }),
                Some("square") => Ok(Self { width: h, height: h }),
                Some("vertical") => Ok(Self { width: h, height: w }),
                Some(_) => Err(invalid(text)),
            };
        }
        let (w, h) = lower.split_once('x').ok_or_else(|| invalid(text))?;
        let (width, height) =
            (w.parse::<u32>().map_err(|_| invalid(text))?, h.parse::<u32>().map_err(|_| invalid(text))?);
        if width == 0 || height == 0 {
            return Err(Problem::usage(format!("size '{text}' has a zero side")).into());
        }
        if width > MAX_SIDE || height > MAX_SIDE {
            return Err(Problem::usage(format!("size '{text}' is larger than {MAX_SIDE} pixels per side")).into());
        }
        Ok(Self { width, height })
    }
}

fn invalid(text: &str) -> anyhow::Error {
    let names: Vec<&str> = NAMED_SIZES.iter().map(|(n, _, _)| *n).collect();
    Problem::usage(format!("'{text}' is not a frame size"))
        .with_hint(format!(
            "use WIDTHxHEIGHT (e.g. 1280x720) or one of {} (add -square or -vertical)",
            names.join(", ")
        ))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_explicit_sizes_parse() {
        assert_eq!(FrameSize::parse("1080p").unwrap(), FrameSize { width: 1920, height: 1080 });
        assert_eq!(FrameSize::parse("4K").unwrap(), FrameSize { width: 3840, height: 2160 });
        assert_eq!(FrameSize::parse("1080p-square").unwrap(), FrameSize { width: 1080, height: 1080 });
        assert_eq!(FrameSize::parse("720p-vertical").unwrap(), FrameSize { width: 720, height: 1280 });
        assert_eq!(FrameSize::parse("854x480").unwrap(), FrameSize { width: 854, height: 480 });
    }

    #[test]
    fn bad_sizes_say_what_is_accepted() {
        assert_eq!(FrameSize::parse("huge").unwrap_err().to_string(), "'huge' is not a frame size");
        assert_eq!(FrameSize::parse("0x10").unwrap_err().to_string(), "size '0x10' has a zero side");
    }
}
