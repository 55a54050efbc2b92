//! How triangle edges are anti-aliased: 4× MSAA (the default), FXAA in the encode pass (cheap on
//! CPU drivers, where MSAA multiplies the rasteriser's work), or none.

use anyhow::Result;

use crate::error::Problem;

/// An anti-aliasing method (`--aa`, manifest key `aa`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Antialiasing {
    /// 4× multisampling.
    Msaa,
    /// Fast approximate anti-aliasing of the finished views, in the encode pass.
    Fxaa,
    /// None.
    None,
}

/// Every method: name, value, what it does (for `--aa`'s help and its errors).
pub const METHODS: &[(&str, Antialiasing, &str)] = &[
    ("msaa", Antialiasing::Msaa, "4× multisampling, the default"),
    ("fxaa", Antialiasing::Fxaa, "edge smoothing in the final pass, cheap on CPU drivers"),
    ("none", Antialiasing::None, "aliased edges"),
];

/// The method names, in help order.
pub fn method_names() -> Vec<&'static str> {
    METHODS.iter().map(|(name, ..)| *name).collect()
}

impl Antialiasing {
    /// Parses a method name.
    pub fn parse(name: &str) -> Result<Self> {
        let name = name.trim();
        METHODS.iter().find(|(n, ..)| *n == name).map(|(_, method, _)| *method).ok_or_else(|| {
            Problem::usage(format!("'{name}' is not an anti-aliasing method"))
                .with_hint(format!("methods: {}", method_names().join(", ")))
                .into()
        })
    }

    /// The method's name.
    pub fn name(self) -> &'static str {
        METHODS.iter().find(|(_, method, _)| *method == self).map_or("msaa", |(name, ..)| name)
    }

    /// Samples per pixel of the render target.
    pub fn samples(self) -> u32 {
        match self {
            Antialiasing::Msaa => 4,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_msaa_multisamples() {
        assert_eq!(Antialiasing::Msaa.samples(), 4);
        assert_eq!(Antialiasing::Fxaa.samples(), 1);
        assert_eq!(Antialiasing::None.samples(), 1);
    }

    #[test]
    fn every_name_parses_back_and_others_are_refused() {
        for name in method_names() {
            assert_eq!(Antialiasing::parse(name).unwrap().name(), name);
        }
        let error = Antialiasing::parse("smaa").unwrap_err().to_string();
        assert!(error.contains("'smaa' is not an anti-aliasing method"), "{error}");
    }
}
