//! Keyframed camera paths: keys `{ t, azimuth, elevation, distance, target-offset, fov, easing }`
//! from a manifest's `[[job.path]]` tables, validated and sampled at clip time.

use anyhow::Result;
use serde::Deserialize;

use crate::error::Problem;

/// How a segment moves from its key to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Easing {
    /// Constant speed.
    #[default]
    Linear,
    /// Starts slowly (cubic).
    EaseIn,
    /// Ends slowly (cubic).
    EaseOut,
    /// Starts and ends slowly (cubic).
    EaseInOut,
    /// A smooth Catmull-Rom curve through the neighbouring keys (no kink at the keys).
    Cubic,
}

fn one() -> f64 {
    1.0
}

/// One key of a path.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PathKey {
    /// Clip time in seconds.
    pub t: f64,
    /// Degrees from the front towards the right.
    pub azimuth: f64,
    /// Degrees above the horizon (−90..90).
    pub elevation: f64,
    /// Distance as a multiple of the automatic framing distance (1 = the whole model fits).
    #[serde(default = "one")]
    pub distance: f64,
    /// Where the camera looks, relative to the model's centre, in model radii.
    #[serde(default)]
    pub target_offset: [f64; 3],
    /// Vertical field of view in degrees [default: the job's `fov`].
    pub fov: Option<f64>,
    /// How the segment from this key to the next moves.
    #[serde(default)]
    pub easing: Easing,
}

/// Checks a path: at least one key, times finite and increasing, values in range.
pub fn validate(keys: &[PathKey]) -> Result<()> {
    let fail = |message: String| -> Result<()> {
        Err(Problem::usage(message).with_hint("each [[job.path]] key has t (seconds), azimuth, elevation; optional distance, target-offset, fov, easing").into())
    };
    if keys.is_empty() {
        return fail("the camera path has no keys".into());
    }
    for (i, key) in keys.iter().enumerate() {
        let n = i + 1;
        let values = [key.t, key.azimuth, key.elevation, key.distance, key.fov.unwrap_or(35.0)];
        if values.iter().chain(&key.target_offset).any(|v| !v.is_finite()) {
            return fail(format!("path key {n}: every value must be a finite number"));
        }
        if !(-90.0..=90.0).contains(&key.elevation) {
            return fail(format!("path key {n}: elevation {} is out of range (-90 to 90)", key.elevation));
        }
        if key.distance <= 0.0 {
            return fail(format!("path key {n}: distance {} must be greater than 0", key.distance));
        }
        if key.fov.is_some_and(|f| !(1.0..=170.0).contains(&f)) {
            return fail(format!("path key {n}: fov {} is out of range (1 to 170)", key.fov.unwrap_or_default()));
        }
        if i > 0 && key.t <= keys[i - 1].t {
            return fail(format!("path key {n}: t = {} is not after the previous key's t = {}", key.t, keys[i - 1].t));
        }
    }
    Ok(())
}

/// The camera values of a path at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shot {
    /// Degrees from the front towards the right.
    pub azimuth: f64,
    /// Degrees above the horizon.
    pub elevation: f64,
    /// Multiple of the framing distance.
    pub distance: f64,
    /// Look-at offset in model radii.
    pub target_offset: [f64; 3],
    /// Field of view in degrees, when the keys set one.
    pub fov: Option<f64>,
}

impl Shot {
    fn of(key: &PathKey) -> Self {
        Self {
            azimuth: key.azimuth,
            elevation: key.elevation,
            distance: key.distance,
            target_offset: key.target_offset,
            fov: key.fov,
        }
    }
}

/// Samples a validated path at clip time `t` (holding the first and last keys outside them).
pub fn sample(keys: &[PathKey], t: f64) -> Shot {
    let last = keys.len() - 1;
    if t <= keys[0].t {
        return Shot::of(&keys[0]);
    }
    if t >= keys[last].t {
        return Shot::of(&keys[last]);
    }
    let i = keys.partition_point(|k| k.t <= t) - 1;
    let (a, b) = (&keys[i], &keys[i + 1]);
    let u = (t - a.t) / (b.t - a.t);
    let blend = |value: fn(&PathKey) -> f64| -> f64 {
        match a.easing {
            Easing::Cubic => {
                let before = &keys[i.saturating_sub(1)];
                let after = &keys[(i + 2).min(last)];
                catmull_rom(value(before), value(a), value(b), value(after), u)
            }
            easing => value(a) + (value(b) - value(a)) * ease(easing, u),
        }
    };
    let fov = match (a.fov, b.fov) {
        (None, None) => None,
        _ => Some(blend(|k| k.fov.unwrap_or(f64::NAN))).filter(|f| f.is_finite()).or(b.fov).or(a.fov),
    };
    Shot {
        azimuth: blend(|k| k.azimuth),
        elevation: blend(|k| k.elevation).clamp(-90.0, 90.0),
        distance: blend(|k| k.distance).max(1e-3),
        target_offset: [blend(|k| k.target_offset[0]), blend(|k| k.target_offset[1]), blend(|k| k.target_offset[2])],
        fov,
    }
}

/// The eased fraction of a segment.
fn ease(easing: Easing, u: f64) -> f64 {
    match easing {
        Easing::Linear | Easing::Cubic => u,
        Easing::EaseIn => u * u * u,
        Easing::EaseOut => 1.0 - (1.0 - u).powi(3),
        Easing::EaseInOut => {
            if u < 0.5 {
                4.0 * u * u * u
            } else {
                1.0 - (-2.0 * u + 2.0).powi(3) / 2.0
            }
        }
    }
}

/// Catmull-Rom interpolation between p1 and p2.
fn catmull_rom(p0: f64, p1: f64, p2: f64, p3: f64, u: f64) -> f64 {
    let (u2, u3) = (u * u, u * u * u);
    0.5 * (2.0 * p1 + (p2 - p0) * u + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * u2 + (3.0 * p1 - p0 - 3.0 * p2 + p3) * u3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(t: f64, azimuth: f64, easing: Easing) -> PathKey {
        PathKey { t, azimuth, elevation: 10.0, distance: 1.0, target_offset: [0.0; 3], fov: None, easing }
    }

    #[test]
    fn easings_match_their_curves_at_a_quarter_of_the_segment() {
        for (easing, expected) in [
            (Easing::Linear, 25.0),
            (Easing::EaseIn, 100.0 * 0.015625),
            (Easing::EaseOut, 100.0 * (1.0 - 0.421875)),
            (Easing::EaseInOut, 100.0 * 4.0 * 0.015625),
        ] {
            let keys = [key(0.0, 0.0, easing), key(2.0, 100.0, Easing::Linear)];
            let shot = sample(&keys, 0.5);
            assert!((shot.azimuth - expected).abs() < 1e-9, "{easing:?}: {} vs {expected}", shot.azimuth);
        }
    }

    #[test]
    fn cubic_passes_through_the_keys_smoothly_and_holds_outside_them() {
        let keys = [
            key(0.0, 0.0, Easing::Cubic),
            key(1.0, 90.0, Easing::Cubic),
            key(2.0, 90.0, Easing::Cubic),
            key(3.0, 0.0, Easing::Cubic),
        ];
        assert_eq!(sample(&keys, 1.0).azimuth, 90.0);
        assert!((sample(&keys, 0.5).azimuth - 45.0).abs() < 1e-9);
        // Between two equal keys the curve keeps the momentum of its neighbours (no flat kink).
        assert!((sample(&keys, 1.5).azimuth - 101.25).abs() < 1e-9);
        assert_eq!(sample(&keys, -1.0).azimuth, 0.0);
        assert_eq!(sample(&keys, 5.0).azimuth, 0.0);
    }

    #[test]
    fn bad_paths_are_refused_with_the_key_number() {
        let mut keys = vec![key(0.0, 0.0, Easing::Linear), key(0.0, 10.0, Easing::Linear)];
        assert_eq!(validate(&keys).unwrap_err().to_string(), "path key 2: t = 0 is not after the previous key's t = 0");
        keys[1].t = 1.0;
        keys[1].azimuth = f64::NAN;
        assert_eq!(validate(&keys).unwrap_err().to_string(), "path key 2: every value must be a finite number");
        assert_eq!(validate(&[]).unwrap_err().to_string(), "the camera path has no keys");
    }
}
