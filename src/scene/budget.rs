//! The memory budget of one model load: every count read from a file (accessor and index counts,
//! morph targets, keyframes, triangles, texture pixels) is checked against it *before* the
//! memory is allocated, so a small hostile file fails with a clear error instead of an abort.

use anyhow::Result;

use crate::error::Problem;

/// Bytes of decoded geometry and animation one model may take (default 4 GiB; the environment
/// variable `HOLOFORGE_MODEL_MEMORY`, e.g. `16G`, changes it).
pub const DEFAULT_BYTES: u64 = 4 << 30;
/// Texture pixels one texture keeps (larger ones are downscaled by powers of two, with a warning).
pub const TEXTURE_PIXELS: u64 = 4096 * 4096;
/// Texture pixels one model keeps over all its textures.
pub const MODEL_TEXTURE_PIXELS: u64 = 4 * 4096 * 4096;

/// What is left of a model's memory budget.
#[derive(Debug, Clone)]
pub struct Budget {
    total: u64,
    left: u64,
    texture_pixels_left: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Self::new(configured_bytes())
    }
}

impl Budget {
    /// A budget of `bytes` for geometry and animation, and the texture pixel budget.
    pub fn new(bytes: u64) -> Self {
        Self { total: bytes, left: bytes, texture_pixels_left: MODEL_TEXTURE_PIXELS }
    }

    /// Takes `count × each` bytes for `what` (`accessor 3`, `binary STL triangles`), or errors
    /// naming it when the budget cannot hold them.
    pub fn reserve(&mut self, what: impl FnOnce() -> String, count: u64, each: u64) -> Result<()> {
        match count.checked_mul(each).filter(|&bytes| bytes <= self.left) {
            Some(bytes) => {
                self.left -= bytes;
                Ok(())
            }
            None => Err(Problem::input(format!(
                "{} declares {count} elements ({}), more than the {} memory budget of a model",
                what(),
                describe_bytes(count.saturating_mul(each)),
                describe_bytes(self.total)
            ))
            .with_hint(
                "the file is corrupt or hostile; if it really is that large, raise HOLOFORGE_MODEL_MEMORY (e.g. 16G)",
            )
            .into()),
        }
    }

    /// Bytes not yet taken.
    pub fn left(&self) -> u64 {
        self.left
    }

    /// Errors like [`Budget::reserve`] when `count × each` bytes would not fit, without taking them.
    pub fn check(&self, what: impl FnOnce() -> String, count: u64, each: u64) -> Result<()> {
        self.clone().reserve(what, count, each)
    }

    /// How many of `pixels` a texture may keep: at most [`TEXTURE_PIXELS`] and what is left of
    /// the model's texture budget; the grant is taken from the budget.
    pub fn grant_texture_pixels(&mut self, pixels: u64) -> u64 {
        let granted = pixels.min(TEXTURE_PIXELS).min(self.texture_pixels_left);
        self.texture_pixels_left -= granted;
        granted
    }
}

/// The budget in force: `HOLOFORGE_MODEL_MEMORY` (`4G`, `512M`, bytes), else [`DEFAULT_BYTES`].
pub fn configured_bytes() -> u64 {
    std::env::var("HOLOFORGE_MODEL_MEMORY").ok().and_then(|text| parse_bytes(&text)).unwrap_or(DEFAULT_BYTES)
}

/// `16G`, `512M`, `64K` or a byte count.
pub fn parse_bytes(text: &str) -> Option<u64> {
    let text = text.trim();
    let (number, shift) = match text.chars().last()?.to_ascii_uppercase() {
        'G' => (&text[..text.len() - 1], 30),
        'M' => (&text[..text.len() - 1], 20),
        'K' => (&text[..text.len() - 1], 10),
        _ => (text, 0),
    };
    number.trim().parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// `4 GiB`, `512 MiB`, `12 bytes`.
pub fn describe_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 => format!("{:.1} GiB", b as f64 / (1u64 << 30) as f64),
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / (1u64 << 20) as f64),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_beyond_the_budget_is_refused_before_allocation() {
        let mut budget = Budget::new(1 << 20);
        budget.reserve(|| "accessor 0".into(), 1000, 12).unwrap();
        let err = budget.reserve(|| "accessor 1".into(), 1 << 31, 12).unwrap_err();
        assert_eq!(
            err.to_string(),
            "accessor 1 declares 2147483648 elements (24.0 GiB), more than the 1.0 MiB memory budget of a model"
        );
        assert!(budget.reserve(|| "x".into(), u64::MAX, 2).is_err(), "no overflow");
    }

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_bytes("16G"), Some(16 << 30));
        assert_eq!(parse_bytes("512m"), Some(512 << 20));
        assert_eq!(parse_bytes("1000"), Some(1000));
        assert_eq!(parse_bytes("lots"), None);
    }
}
