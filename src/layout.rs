//! Display layouts for hologram hardware (Looking Glass quilts, Pepper's-ghost pyramids, LED
//! fans) and for catalogues (contact sheets). A layout turns one job camera into several views per
//! frame (rendered into tiles of one target, see [`Tiling`]) and says how the tiles make the output
//! picture.

use anyhow::Result;
use glam::{Mat4, Vec3};
use serde::Deserialize;

use crate::camera::{self, camera_pose, CameraPose, CameraSettings, Framing, Motion};
use crate::error::Problem;
use crate::label::{Label, LabelSize};
use crate::render::{Compose, Tiling};
use crate::size::FrameSize;

/// A layout as `--layout` names it.
#[derive(Debug, Clone, Copy)]
pub struct LayoutKind {
    /// Its name (`quilt`).
    pub name: &'static str,
    /// What it is, for help texts.
    pub about: &'static str,
    /// The keys of a manifest's `layout` table it takes besides `type`.
    pub keys: &'static [&'static str],
}

/// Every layout, in help order.
pub const LAYOUTS: &[LayoutKind] = &[
    LayoutKind { name: "single", about: "one view", keys: &[] },
    LayoutKind { name: "quilt", about: "Looking Glass", keys: &["device", "quilt", "view-cone", "aspect"] },
    LayoutKind { name: "pyramid", about: "Pepper's ghost", keys: &["device", "mount", "gap", "mirror"] },
    LayoutKind { name: "fan", about: "LED fan", keys: &["device"] },
    LayoutKind {
        name: "sheet",
        about: "front, right, top and isometric views in a 2×2 contact sheet",
        keys: &["labels"],
    },
];

/// The layout names, in help order.
pub fn layout_names() -> Vec<&'static str> {
    LAYOUTS.iter().map(|l| l.name).collect()
}

/// The keys of a manifest's `layout` table: `type`, then every layout's keys (the command line
/// sets them with `--layout`, `--device`, `--quilt`, `--view-cone`, `--quilt-aspect`, `--pyramid`,
/// `--pyramid-gap`, `--pyramid-mirror` and `--sheet-labels`).
pub fn keys() -> Vec<&'static str> {
    let mut keys = vec!["type"];
    for key in LAYOUTS.iter().flat_map(|l| l.keys) {
        if !keys.contains(key) {
            keys.push(key);
        }
    }
    keys
}

/// The `--device` presets of every display, for help texts and hints: `quilts: go, portrait, …;
/// pyramids: …; fans: …`.
pub fn device_names() -> String {
    let names = |list: Vec<&str>| list.join(", ");
    format!(
        "quilts: {}; pyramids: {}; fans: {}",
        names(QUILT_DEVICES.iter().map(|d| d.name).collect()),
        names(PYRAMID_DEVICES.iter().map(|(n, _)| *n).collect()),
        names(FAN_DEVICES.iter().map(|(n, _)| *n).collect())
    )
}

/// A contact sheet's views, in tile order (left to right, top to bottom), with their labels.
pub const SHEET_VIEWS: [&str; 4] = ["front", "right", "top", "isometric"];

/// A Looking Glass display's quilt: grid, quilt size and the display's aspect ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuiltDevice {
    /// `--device` name.
    pub name: &'static str,
    /// Views across.
    pub cols: u32,
    /// Views down.
    pub rows: u32,
    /// Quilt width in pixels.
    pub width: u32,
    /// Quilt height in pixels.
    pub height: u32,
    /// The display's width / height (each view is rendered for it, then squeezed into its tile).
    pub aspect: f32,
}

/// Looking Glass presets: Looking Glass's published quilt settings (Go, Portrait, 16" and 32"
/// landscape, 65"), except that sides are even and divide into whole tiles, as 4:2:0 video needs
/// (16" landscape: 5992² = 7 × 856 instead of the published 5999²). The 16" and 32" portrait
/// displays (9:16) take the Go's 11×6 grid at about their landscape siblings' quilt size.
pub const QUILT_DEVICES: &[QuiltDevice] = &[
    QuiltDevice { name: "go", cols: 11, rows: 6, width: 4092, height: 4092, aspect: 0.5625 },
    QuiltDevice { name: "portrait", cols: 8, rows: 6, width: 3360, height: 3360, aspect: 0.75 },
    QuiltDevice { name: "16-landscape", cols: 7, rows: 7, width: 5992, height: 5992, aspect: 16.0 / 9.0 },
    QuiltDevice { name: "16-portrait", cols: 11, rows: 6, width: 5984, height: 6000, aspect: 0.5625 },
    QuiltDevice { name: "32-landscape", cols: 7, rows: 7, width: 8190, height: 8190, aspect: 16.0 / 9.0 },
    QuiltDevice { name: "32-portrait", cols: 11, rows: 6, width: 8184, height: 8184, aspect: 0.5625 },
    QuiltDevice { name: "65", cols: 8, rows: 9, width: 8192, height: 8192, aspect: 16.0 / 9.0 },
];

/// Pyramid canvases: phone, tablet and monitor pyramids.
pub const PYRAMID_DEVICES: &[(&str, u32)] = &[("phone", 1080), ("tablet", 2048), ("monitor", 2160)];

/// LED fan canvases.
pub const FAN_DEVICES: &[(&str, u32)] = &[("fan-1024", 1024), ("fan-720", 720)];

/// Default view cone of a quilt, in degrees (devices calibrate their own; ≈ 40° is typical).
pub const DEFAULT_VIEW_CONE: f32 = 40.0;
/// Default share of a pyramid canvas's side left black in the centre: a third, the classic 3×3
/// template (square views around a centre of their own size; less would make views overlap).
pub const DEFAULT_PYRAMID_GAP: f32 = 1.0 / 3.0;
/// Fans play at most this many frames per second.
pub const FAN_MAX_FPS: u32 = 30;

/// A Looking Glass quilt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quilt {
    /// Views across.
    pub cols: u32,
    /// Views down.
    pub rows: u32,
    /// Quilt width in pixels.
    pub width: u32,
    /// Quilt height in pixels.
    pub height: u32,
    /// The display's width / height.
    pub aspect: f32,
    /// Angle between the leftmost and the rightmost view, in degrees.
    pub view_cone: f32,
}

/// How a job's frames are laid out for a display.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Layout {
    /// One view filling the frame.
    Single,
    /// A Looking Glass quilt.
    Quilt(Quilt),
    /// Four views around a black centre on a square canvas, each seen in the pyramid pane above it.
    ///
    /// A pane reflects its tile, and a reflection reverses handedness: a tile that is only the
    /// camera's picture turned to face its side would be seen mirrored (text reversed, a right arm
    /// on the left). Worked out for the front tile (below the centre; the viewer stands beyond the
    /// screen's bottom edge and looks across the screen towards its top):
    ///
    /// - **Tip-down** (`outward`, a phone lying face up under a pyramid standing on its tip): the
    ///   front pane rises from the centre towards the viewer, so it maps the tile's outer edge to
    ///   the top of the image the viewer sees: the viewer's up is the tile's outward direction. The
    ///   pane keeps left and right, and the viewer sees the screen from its own side, so the
    ///   viewer's right is the screen's right. The tile is the picture flipped top to bottom (top
    ///   row at the outer edge, left column at the screen's left), not turned by 180°.
    /// - **Base-down** (`inward`, a display facing down onto a pyramid standing on its base): the
    ///   pane maps the tile's inner edge to the top of the viewer's image (up is inward); the
    ///   viewer sees the face-down screen through one reflection, so again one flip: the picture
    ///   with its top row at the inner edge and its left column at the screen's right.
    ///
    /// The other tiles are the front tile's arrangement turned by 90°, 180° and 270° about the
    /// centre. `mirror = false` drops the flip, for displays that mirror the picture themselves.
    Pyramid {
        /// Side of the square canvas.
        canvas: u32,
        /// Share of the side left black in the centre.
        gap: f32,
        /// Views' tops point towards the centre (else away from it).
        inward: bool,
        /// Each tile is mirrored, so its reflection reads the right way round.
        mirror: bool,
    },
    /// A square frame, black outside its inscribed circle.
    Fan {
        /// Side of the square canvas.
        canvas: u32,
    },
    /// A contact sheet: the [`SHEET_VIEWS`] in a 2×2 grid filling the frame.
    Sheet {
        /// Each view's name is written in its tile's top-left corner.
        labels: bool,
    },
}

/// A `layout` setting as written: a layout name, or a table of the [`keys`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayoutSpec(pub toml::Table);

impl<'de> Deserialize<'de> for LayoutSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Name(String),
            Table(toml::Table),
        }
        Ok(match Written::deserialize(deserializer)? {
            Written::Name(name) => Self(toml::Table::from_iter([("type".to_string(), toml::Value::String(name))])),
            Written::Table(table) => Self(table),
        })
    }
}

fn usage(message: String) -> anyhow::Error {
    Problem::usage(message).into()
}

impl Layout {
    /// Resolves a layout table; `size` is the job's explicit `--size`, if any.
    pub fn resolve(spec: &LayoutSpec, size: Option<FrameSize>) -> Result<Self> {
        let table = &spec.0;
        let text = |key: &str| -> Result<Option<String>> {
            match table.get(key) {
                None => Ok(None),
                Some(toml::Value::String(s)) => Ok(Some(s.trim().to_string())),
                Some(other) => Err(usage(format!("layout {key} = {other}: expected text"))),
            }
        };
        let number = |key: &str, range: std::ops::RangeInclusive<f32>| -> Result<Option<f32>> {
            let value = match table.get(key) {
                None => return Ok(None),
                Some(toml::Value::Float(f)) => *f as f32,
                Some(toml::Value::Integer(i)) => *i as f32,
                Some(toml::Value::String(s)) => s.trim().parse::<f32>().unwrap_or(f32::NAN),
                Some(_) => f32::NAN,
            };
            if value.is_finite() && range.contains(&value) {
                Ok(Some(value))
            } else {
                Err(usage(format!(
                    "layout {key} = {}: expected a number from {} to {}",
                    table[key],
                    range.start(),
                    range.end()
                )))
            }
        };
        let flag = |key: &str| match table.get(key) {
            None => Ok(None),
            Some(toml::Value::Boolean(on)) => Ok(Some(*on)),
            Some(other) => Err(usage(format!("layout {key} = {other}: expected true or false"))),
        };
        let known = keys();
        if let Some(key) = table.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(Problem::usage(format!("'{key}' is not a layout setting"))
                .with_hint(format!("layout settings: {}", known.join(", ")))
                .into());
        }
        let device = text("device")?;
        let kind = match text("type")? {
            Some(kind) => kind,
            None => implied_kind(table, device.as_deref())?.to_string(),
        };
        let Some(layout) = LAYOUTS.iter().find(|l| l.name == kind) else {
            return Err(Problem::usage(format!("'{kind}' is not a layout"))
                .with_hint(format!("layouts: {}", layout_names().join(", ")))
                .into());
        };
        if let Some(key) = table.keys().find(|k| *k != "type" && !layout.keys.contains(&k.as_str())) {
            return Err(Problem::usage(format!("layout setting '{key}' does not apply to the {kind} layout"))
                .with_hint(format!("the {kind} layout takes: {}", layout.keys.join(", ")))
                .into());
        }
        let unknown_device = |names: Vec<&str>| {
            Problem::usage(format!("'{}' is not a {kind} device", device.as_deref().unwrap_or_default()))
                .with_hint(format!("{kind} devices: {}", names.join(", ")))
        };
        Ok(match kind.as_str() {
            "single" => Self::Single,
            "quilt" => {
                let preset = match &device {
                    None => QUILT_DEVICES[1],
                    Some(name) => *QUILT_DEVICES
                        .iter()
                        .find(|d| d.name == name)
                        .ok_or_else(|| unknown_device(QUILT_DEVICES.iter().map(|d| d.name).collect()))?,
                };
                let (cols, rows) = match text("quilt")? {
                    None => (preset.cols, preset.rows),
                    Some(grid) => parse_grid(&grid)?,
                };
                let (width, height) = size.map_or((preset.width, preset.height), |s| (s.width, s.height));
                if width < cols || height < rows {
                    return Err(usage(format!("a {width}x{height} quilt cannot hold {cols}x{rows} views")));
                }
                Self::Quilt(Quilt {
                    cols,
                    rows,
                    width,
                    height,
                    aspect: number("aspect", 0.1..=10.0)?.unwrap_or(preset.aspect),
                    view_cone: number("view-cone", 1.0..=120.0)?.unwrap_or(DEFAULT_VIEW_CONE),
                })
            }
            "pyramid" => {
                let inward = match text("mount")?.as_deref() {
                    None | Some("outward") => false,
                    Some("inward") => true,
                    Some(other) => return Err(usage(format!("pyramid mount '{other}' is not outward or inward"))),
                };
                let canvas = square_canvas(&kind, size, device.as_deref(), PYRAMID_DEVICES, &unknown_device)?;
                Self::Pyramid {
                    canvas,
                    gap: number("gap", DEFAULT_PYRAMID_GAP..=0.9)?.unwrap_or(DEFAULT_PYRAMID_GAP),
                    inward,
                    mirror: flag("mirror")?.unwrap_or(true),
                }
            }
            "sheet" => {
                if let Some(size) = size.filter(|s| s.width % 2 == 1 || s.height % 2 == 1) {
                    return Err(Problem::usage(format!(
                        "a sheet is two views across and two down; {}x{} does not halve into whole tiles",
                        size.width, size.height
                    ))
                    .with_hint("give an even width and height")
                    .into());
                }
                Self::Sheet { labels: flag("labels")?.unwrap_or(true) }
            }
            _ => Self::Fan { canvas: square_canvas(&kind, size, device.as_deref(), FAN_DEVICES, &unknown_device)? },
        })
    }

    /// The layout's name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Single => "single",
            Self::Quilt(_) => "quilt",
            Self::Pyramid { .. } => "pyramid",
            Self::Fan { .. } => "fan",
            Self::Sheet { .. } => "sheet",
        }
    }

    /// Refuses a camera motion the layout cannot show: a sheet sets its own four views, so a
    /// camera path or a camera of the model file has no place in it.
    pub fn check_motion(&self, motion: &Motion) -> Result<()> {
        match (self, motion) {
            (Self::Sheet { .. }, Motion::Path { .. } | Motion::FileCamera(_)) => Err(Problem::usage(
                "the sheet layout shows its own four views; a camera path or a model's camera does not apply",
            )
            .with_hint("use --camera turntable, orbit or a still view, or another layout")
            .into()),
            _ => Ok(()),
        }
    }

    /// The views and their composition for a job whose single-view size is `size`.
    pub fn tiling(&self, size: FrameSize) -> Tiling {
        match *self {
            Self::Single => Tiling::single(size.width, size.height),
            Self::Quilt(q) => {
                let (tile_width, tile_height) = (q.width / q.cols, q.height / q.rows);
                let compose = Compose::Quilt { width: q.width, height: q.height };
                Tiling { cols: q.cols, rows: q.rows, tile_width, tile_height, compose }
            }
            Self::Pyramid { canvas, gap, inward, mirror } => {
                // The small bias keeps float rounding from losing a pixel (1080 · ⅔ / 2 = 360, not 359).
                let side = ((canvas as f64 * (1.0 - gap as f64) / 2.0 + 1e-3).floor() as u32).clamp(1, canvas / 3);
                Tiling {
                    cols: 2,
                    rows: 2,
                    tile_width: side,
                    tile_height: side,
                    compose: Compose::Pyramid { inward, canvas, mirror },
                }
            }
            Self::Fan { canvas } => Tiling { compose: Compose::Circle, ..Tiling::single(canvas, canvas) },
            Self::Sheet { .. } => Tiling {
                cols: 2,
                rows: 2,
                tile_width: (size.width / 2).max(1),
                tile_height: (size.height / 2).max(1),
                compose: Compose::Grid,
            },
        }
    }

    /// Width / height the cameras are set up for (a quilt's views are squeezed into their tiles).
    pub fn camera_aspect(&self, tiling: &Tiling) -> f32 {
        match self {
            Self::Quilt(q) => q.aspect,
            _ => tiling.aspect(),
        }
    }

    /// Whether the background must be black (pyramids and fans show black as nothing).
    pub fn needs_black(&self) -> bool {
        matches!(self, Self::Pyramid { .. } | Self::Fan { .. })
    }

    /// The Looking Glass file-name tag, e.g. `_qs8x6a0.75`.
    pub fn file_tag(&self) -> Option<String> {
        match self {
            Self::Quilt(q) => {
                let aspect = format!("{:.4}", q.aspect);
                let aspect = aspect.trim_end_matches('0').trim_end_matches('.');
                Some(format!("_qs{}x{}a{aspect}", q.cols, q.rows))
            }
            _ => None,
        }
    }

    /// Warnings about settings the display may not play well.
    pub fn warnings(&self, fps: u32) -> Vec<String> {
        match self {
            Self::Fan { .. } if fps > FAN_MAX_FPS => vec![format!(
                "LED fans play {FAN_MAX_FPS} frames per second at most; {fps} fps may stutter or be refused (use --fps 30)"
            )],
            _ => Vec::new(),
        }
    }

    /// Text written onto every frame: a sheet's view names, one per tile.
    pub fn labels(&self, tiling: &Tiling) -> Vec<Label> {
        match self {
            Self::Sheet { labels: true } => {
                let size = LabelSize::for_height(tiling.tile_height);
                let margin = size.margin();
                SHEET_VIEWS
                    .iter()
                    .zip(0..)
                    .map(|(name, tile)| {
                        let (x, y) = tiling.tile_origin(tile);
                        Label { text: name.to_ascii_uppercase(), x: x + margin, y: y + margin, size }
                    })
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// The views of one frame in tile order: the job's camera at `phase` of the clip, for views of
    /// `aspect` = width / height, turned into the layout's views.
    pub fn views(&self, framing: &Framing, camera: &CameraSettings, aspect: f32, phase: f64) -> Vec<CameraPose> {
        match self {
            // The sheet's views turn together with the motion's azimuth (a turntable turns the model in all four).
            Self::Sheet { .. } => {
                let turned = camera::view_at(camera, phase).0 as f32 - camera.start.azimuth_deg;
                SHEET_VIEWS
                    .iter()
                    .map(|name| {
                        let preset = camera::preset(name).expect("sheet views are presets");
                        let start = camera::View { azimuth_deg: preset.azimuth_deg + turned, ..preset };
                        let still = CameraSettings { start, motion: Motion::Still, ..camera.clone() };
                        camera_pose(framing, &still, aspect, 0.0)
                    })
                    .collect()
            }
            _ => self.views_around(&camera_pose(framing, camera, aspect, phase), framing.target),
        }
    }

    /// The views of one frame in tile order, from the job's camera `base` looking at `target`.
    fn views_around(&self, base: &CameraPose, target: Vec3) -> Vec<CameraPose> {
        match self {
            Self::Single | Self::Fan { .. } | Self::Sheet { .. } => vec![*base],
            // Tiles: front, right, back, left (the encode pass places and turns them).
            Self::Pyramid { .. } => (0..4).map(|i| orbited(base, target, i as f32 * 90.0)).collect(),
            Self::Quilt(q) => {
                let count = q.cols * q.rows;
                // Distance to the focal plane (through the target); a camera facing away gets a tiny one.
                let distance = (-base.view.transform_point3(target).z).max(1e-4);
                let half_baseline = distance * (q.view_cone.to_radians() / 2.0).tan();
                (0..count)
                    .map(|tile| {
                        // View 0 (leftmost) is the bottom-left tile; views fill rows left to right, bottom to top.
                        let (row_from_top, col) = (tile / q.cols, tile % q.cols);
                        let view = (q.rows - 1 - row_from_top) * q.cols + col;
                        let share = if count > 1 { view as f32 / (count - 1) as f32 - 0.5 } else { 0.0 };
                        shifted(base, 2.0 * share * half_baseline, distance)
                    })
                    .collect()
            }
        }
    }
}

/// The layout that a table without `type` asks for through its other keys (`--device go` is a quilt).
fn implied_kind(table: &toml::Table, device: Option<&str>) -> Result<&'static str> {
    let has = |key: &str| table.contains_key(key);
    Ok(match device {
        Some(name) if QUILT_DEVICES.iter().any(|d| d.name == name) => "quilt",
        Some(name) if PYRAMID_DEVICES.iter().any(|(n, _)| *n == name) => "pyramid",
        Some(name) if FAN_DEVICES.iter().any(|(n, _)| *n == name) => "fan",
        Some(name) => {
            return Err(Problem::usage(format!("'{name}' is not a display device")).with_hint(device_names()).into());
        }
        None if has("quilt") || has("view-cone") || has("aspect") => "quilt",
        None if has("mount") || has("gap") || has("mirror") => "pyramid",
        None => "single",
    })
}

/// `COLSxROWS`.
fn parse_grid(text: &str) -> Result<(u32, u32)> {
    let parsed = text.split_once(['x', 'X']).and_then(|(c, r)| Some((c.trim().parse().ok()?, r.trim().parse().ok()?)));
    match parsed {
        Some((cols, rows)) if (1..=32).contains(&cols) && (1..=32).contains(&rows) => Ok((cols, rows)),
        _ => Err(Problem::usage(format!("'{text}' is not a quilt grid"))
            .with_hint("write COLSxROWS, e.g. 8x6 (1 to 32 each)")
            .into()),
    }
}

/// The side of a square canvas: the explicit size (which must be square), a device preset, or the first preset.
fn square_canvas(
    kind: &str,
    size: Option<FrameSize>,
    device: Option<&str>,
    presets: &[(&'static str, u32)],
    unknown_device: &dyn Fn(Vec<&str>) -> Problem,
) -> Result<u32> {
    if let Some(size) = size {
        if size.width != size.height {
            return Err(Problem::usage(format!("a {kind} frame is square; {}x{} is not", size.width, size.height))
                .with_hint(format!("use e.g. --size {0}x{0}", size.height))
                .into());
        }
        return Ok(size.width);
    }
    match device {
        None => Ok(presets[0].1),
        Some(name) => presets
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, side)| *side)
            .ok_or_else(|| unknown_device(presets.iter().map(|(n, _)| *n).collect()).into()),
    }
}

/// `base` moved `offset` along its right axis, looking the same way, its frustum sheared so the
/// plane `distance` ahead stays where it was (an off-axis view: no toe-in, no keystone).
fn shifted(base: &CameraPose, offset: f32, distance: f32) -> CameraPose {
    let right = base.view.row(0).truncate();
    // View space x' = x + offset·(−z)/distance: points on the focal plane keep their place.
    let mut shear = Mat4::IDENTITY;
    shear.z_axis.x = -offset / distance;
    CameraPose {
        view: shear * Mat4::from_translation(Vec3::new(-offset, 0.0, 0.0)) * base.view,
        projection: base.projection,
        eye: base.eye + right * offset,
    }
}

/// `base` orbited `degrees` about the vertical axis through `target` (90°: from the model's right).
fn orbited(base: &CameraPose, target: Vec3, degrees: f32) -> CameraPose {
    let rotation = Mat4::from_rotation_y(degrees.to_radians());
    let about_target = Mat4::from_translation(target) * rotation * Mat4::from_translation(-target);
    CameraPose {
        view: base.view * about_target.inverse(),
        projection: base.projection,
        eye: about_target.transform_point3(base.eye),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use glam::camera::rh::proj::directx::perspective;
    use glam::camera::rh::view::look_at_mat4;

    fn spec(text: &str) -> LayoutSpec {
        LayoutSpec(toml::from_str(text).unwrap())
    }

    #[test]
    fn quilt_presets_set_grid_size_and_aspect() {
        let layout = Layout::resolve(&spec("type = \"quilt\"\ndevice = \"go\""), None).unwrap();
        let tiling = layout.tiling(FrameSize { width: 1, height: 1 });
        assert_eq!((tiling.cols, tiling.rows, tiling.tile_width, tiling.tile_height), (11, 6, 372, 682));
        assert_eq!(layout.file_tag().unwrap(), "_qs11x6a0.5625");
        let portrait = Layout::resolve(&spec("type = \"quilt\""), None).unwrap();
        assert_eq!(portrait.file_tag().unwrap(), "_qs8x6a0.75");
        assert_eq!(portrait.tiling(FrameSize { width: 1, height: 1 }).output_size(), (3360, 3360));
        let big = Layout::resolve(&spec("type = \"quilt\"\ndevice = \"65\""), None).unwrap();
        assert_eq!(big.file_tag().unwrap(), "_qs8x9a1.7778");
        assert_eq!(big.tiling(FrameSize { width: 1, height: 1 }).output_size(), (8192, 8192));
    }

    #[test]
    fn bad_layout_settings_are_named() {
        let error = |text: &str| Layout::resolve(&spec(text), None).unwrap_err().to_string();
        assert_eq!(error("type = \"hex\""), "'hex' is not a layout");
        assert_eq!(error("type = \"quilt\"\ndevice = \"vr\""), "'vr' is not a quilt device");
        assert_eq!(error("type = \"fan\"\ngap = 0.5"), "layout setting 'gap' does not apply to the fan layout");
        assert_eq!(error("type = \"quilt\"\nquilt = \"8by6\""), "'8by6' is not a quilt grid");
        assert_eq!(
            error("type = \"pyramid\"\ngap = 0.1"),
            "layout gap = 0.1: expected a number from 0.33333334 to 0.9"
        );
        let square = Layout::resolve(&spec("type = \"fan\""), Some(FrameSize { width: 1920, height: 1080 }));
        assert_eq!(square.unwrap_err().to_string(), "a fan frame is square; 1920x1080 is not");
    }

    #[test]
    fn quilt_views_slide_along_the_baseline_and_keep_the_focal_plane() {
        let base = CameraPose {
            view: look_at_mat4(Vec3::new(0.0, 0.0, 10.0), Vec3::ZERO, Vec3::Y),
            projection: perspective(0.6, 0.75, 0.1, 100.0),
            eye: Vec3::new(0.0, 0.0, 10.0),
        };
        let layout = Layout::Quilt(Quilt { cols: 3, rows: 2, width: 30, height: 20, aspect: 0.75, view_cone: 40.0 });
        let views = layout.views_around(&base, Vec3::ZERO);
        // Tile 3 (bottom-left) is view 0, the leftmost; tile 2 (top-right) is view 5, the rightmost.
        assert!(views[3].eye.x < views[4].eye.x && views[4].eye.x < views[5].eye.x);
        assert!(views[5].eye.x < views[0].eye.x && views[2].eye.x > views[1].eye.x);
        assert!((views[2].eye.x - 10.0 * 20f32.to_radians().tan()).abs() < 1e-4);
        for view in &views {
            // The target stays at the centre of every view; a point in front of it moves.
            let centre = view.view_projection().project_point3(Vec3::ZERO);
            assert!(centre.truncate().length() < 1e-5, "{centre}");
            assert_eq!(view.view.row(2), base.view.row(2), "no toe-in: every view looks the same way");
        }
        let near = |v: &CameraPose| v.view_projection().project_point3(Vec3::new(0.0, 0.0, 3.0)).x;
        assert!(near(&views[3]) > near(&views[2]), "near points move across the views (parallax)");
    }

    #[test]
    fn pyramid_views_orbit_by_quarter_turns() {
        let base = CameraPose {
            view: look_at_mat4(Vec3::new(0.0, 0.0, 10.0), Vec3::ZERO, Vec3::Y),
            projection: perspective(0.6, 1.0, 0.1, 100.0),
            eye: Vec3::new(0.0, 0.0, 10.0),
        };
        let layout = Layout::Pyramid { canvas: 90, gap: DEFAULT_PYRAMID_GAP, inward: false, mirror: true };
        let eyes: Vec<Vec3> = layout.views_around(&base, Vec3::ZERO).iter().map(|v| v.eye).collect();
        let expected = [Vec3::Z, Vec3::X, -Vec3::Z, -Vec3::X].map(|d| d * 10.0);
        for (eye, expected) in eyes.iter().zip(expected) {
            assert!((*eye - expected).length() < 1e-4, "{eye} vs {expected}");
        }
        let tiling = layout.tiling(FrameSize { width: 1, height: 1 });
        assert_eq!((tiling.tile_width, tiling.output_size()), (30, (90, 90)));
    }
}
