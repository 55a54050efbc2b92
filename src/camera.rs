//! The camera rig: framing from the model's bounds, named views, and the motions (turntable,
//! orbit, still) that give a pose for every phase of the clip.
//!
//! Conventions (`ARCHITECTURE.md`): +Y up, azimuth 0 = the `front` view (camera on +Z looking down −Z),
//! azimuth grows towards `right` (+X), elevation towards +Y.

use glam::camera::rh::proj::directx::{orthographic, perspective};
use glam::camera::rh::view::{look_at_mat4, look_to_mat4};
use glam::{Mat4, Vec3};

use crate::camera_path::{self, PathKey, Shot};
use crate::scene::{Bounds, FileCamera, FileProjection, Scene};

/// How the camera moves over the clip.
#[derive(Debug, Clone, PartialEq)]
pub enum Motion {
    /// Full turns around the up axis (negative: clockwise seen from above); loops seamlessly.
    Turntable {
        /// Turns over the clip.
        turns: f32,
    },
    /// A back-and-forth (ping-pong) swing around the start view, or with `looped` a full turn
    /// while the elevation swings; both loop seamlessly.
    Orbit {
        /// Total azimuth swing in degrees (the camera sweeps ±half of it); ignored when looped.
        sweep_deg: f32,
        /// Elevation swing in degrees (± half of it), at twice the azimuth rate.
        swing_deg: f32,
        /// A full 360° turn instead of the back-and-forth sweep.
        looped: bool,
    },
    /// The start view for every frame (a product shot).
    Still,
    /// A fixed camera of the model file (`--camera file:NAME`).
    FileCamera(FileCameraChoice),
    /// A keyframed path (validated), sampled at clip time.
    Path {
        /// The keys, times increasing.
        keys: Vec<PathKey>,
        /// Length of the clip in seconds (phase 1).
        clip_seconds: f64,
    },
}

/// The `--camera` motions by name, with what they do (for help texts); `--camera` also takes
/// `file:NAME` (a [`Motion::FileCamera`]) and the named views (a still from that view).
pub const MOTIONS: &[(&str, &str)] = &[
    ("turntable", "full turns around the model"),
    ("orbit", "a swing around the start view"),
    ("still", "the start view for every frame"),
    ("path", "a keyframed path, from a manifest's [[job.path]] tables"),
];

/// The prefix of a model file's camera in `--camera` (`file:NAME`, for any format with cameras).
pub const FILE_CAMERA_PREFIX: &str = "file:";
/// The prefix `--camera` took when only glTF files had cameras; still accepted.
const GLTF_CAMERA_PREFIX: &str = "gltf:";

/// The camera name or index in a `--camera` value that picks a model file's camera
/// (`file:NAME`, or the older `gltf:NAME`).
pub fn file_camera_name(camera: &str) -> Option<&str> {
    camera.strip_prefix(FILE_CAMERA_PREFIX).or_else(|| camera.strip_prefix(GLTF_CAMERA_PREFIX))
}

/// The motion names, in help order.
pub fn motion_names() -> Vec<&'static str> {
    MOTIONS.iter().map(|(name, _)| *name).collect()
}

/// The named views, in help order.
pub fn view_names() -> Vec<&'static str> {
    PRESETS.iter().map(|(name, _)| *name).collect()
}

/// A camera of the model file: the job names it, loading the model finds it.
#[derive(Debug, Clone, PartialEq)]
pub enum FileCameraChoice {
    /// By name, or by index when a number, before the model is loaded.
    Named(String),
    /// The camera found in the loaded model.
    Found(FileCamera),
}

/// A named view: azimuth from `front` towards `right`, elevation towards +Y.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Degrees from the front (+Z) towards the right (+X).
    pub azimuth_deg: f32,
    /// Degrees above the horizon.
    pub elevation_deg: f32,
}

/// The named views and where they look from.
pub const PRESETS: &[(&str, View)] = &[
    ("front", View { azimuth_deg: 0.0, elevation_deg: 0.0 }),
    ("back", View { azimuth_deg: 180.0, elevation_deg: 0.0 }),
    ("right", View { azimuth_deg: 90.0, elevation_deg: 0.0 }),
    ("left", View { azimuth_deg: -90.0, elevation_deg: 0.0 }),
    ("top", View { azimuth_deg: 0.0, elevation_deg: 90.0 }),
    ("bottom", View { azimuth_deg: 0.0, elevation_deg: -90.0 }),
    ("angle45", View { azimuth_deg: 45.0, elevation_deg: 45.0 }),
    // True isometric: the elevation at which the three axes foreshorten equally, atan(1/√2).
    ("isometric", View { azimuth_deg: 45.0, elevation_deg: 35.264_39 }),
];

/// The view a preset name stands for.
pub fn preset(name: &str) -> Option<View> {
    PRESETS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| *v)
}

/// The camera settings of a job.
#[derive(Debug, Clone, PartialEq)]
pub struct CameraSettings {
    /// Where the motion starts (or the still view).
    pub start: View,
    /// How it moves.
    pub motion: Motion,
    /// Vertical field of view in degrees (perspective).
    pub fov_deg: f32,
    /// Empty space around the model's bounding sphere, as a fraction of its radius.
    pub margin: f32,
    /// Orthographic projection instead of perspective.
    pub ortho: bool,
}

impl Default for CameraSettings {
    fn default() -> Self {
        Self {
            start: View { azimuth_deg: 0.0, elevation_deg: 15.0 },
            motion: Motion::Turntable { turns: 1.0 },
            fov_deg: 35.0,
            margin: 0.1,
            ortho: false,
        }
    }
}

/// The sphere the camera keeps in view, computed once per job.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Framing {
    /// Point the camera looks at.
    pub target: Vec3,
    /// Radius that must stay visible (never zero).
    pub radius: f32,
    /// For a still: how far the camera stands (or how much an orthographic one shows) to fit
    /// the model as seen from the still's view, instead of the sphere seen from any side.
    pub still_fit: Option<StillFit>,
}

/// A still's fit of the model's extent seen from its view (see [`Framing::fitted_to_view`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StillFit {
    /// Perspective: the camera's distance from the target.
    Distance(f32),
    /// Orthographic: half the height of the visible area.
    HalfHeight(f32),
}

/// Rounds of re-centring a perspective still's fit (each one halves the off-centre error or better).
const FIT_ROUNDS: usize = 6;

impl Framing {
    /// The sphere around the box centre through the box corners (a safe bound for any content).
    pub fn from_bounds(bounds: &Bounds) -> Self {
        Self::around(bounds.centre(), bounds.radius())
    }

    /// The framing of a still (`settings.start`, its field of view, margin and projection) for a
    /// view of `aspect`: the camera looks at the middle of the model's extent as seen from that
    /// view and stands as close as keeps every point inside the frame with the margin (a share
    /// of the extent) around it, and `clear` (a share of the view height, for the look's glow)
    /// beyond it, so the model fills the frame like a product shot; the sphere around the new
    /// target still bounds the model (for the depth range). `points` is asked for the model's
    /// points once per pass.
    pub fn fitted_to_view<I: Iterator<Item = Vec3>>(
        points: impl Fn() -> I,
        settings: &CameraSettings,
        aspect: f32,
        clear: f32,
    ) -> Self {
        let sphere = Self::from_point_passes(&points);
        let (direction, up) = orientation(
            settings.start.azimuth_deg.to_radians() as f64,
            settings.start.elevation_deg.to_radians() as f64,
        );
        // View space around the sphere's centre: x right, y up, z towards the camera.
        let view = look_at_mat4(direction, Vec3::ZERO, up);
        let local = || points().map(|p| view.transform_vector3(p - sphere.target));
        let (low, high) = local()
            .fold((Vec3::splat(f32::INFINITY), Vec3::splat(f32::NEG_INFINITY)), |(lo, hi), p| (lo.min(p), hi.max(p)));
        if !low.is_finite() || !high.is_finite() {
            return sphere;
        }
        let mut centre = (low + high) * 0.5;
        // How much of the half frame (the picture's -1..1) the model may fill, across and down.
        let inside = 1.0 / (1.0 + settings.margin);
        let (edge_x, edge_y) = ((inside - 2.0 * clear / aspect).max(0.25), (inside - 2.0 * clear).max(0.25));
        let fit = if settings.ortho {
            let half = (high - low) * 0.5;
            StillFit::HalfHeight((half.y / edge_y).max(half.x / edge_x / aspect).max(sphere.radius * 1e-3))
        } else {
            let tan_y = (settings.fov_deg.to_radians() * 0.5).tan();
            let tan_x = tan_y * aspect;
            let (reach_x, reach_y) = (tan_x * edge_x, tan_y * edge_y);
            // The nearest distance keeping every point inside the frame for a given centre.
            let distance_for = |centre: Vec3| {
                local()
                    .map(|p| p.z + ((p.x - centre.x).abs() / reach_x).max((p.y - centre.y).abs() / reach_y))
                    .fold(sphere.radius * 1e-3, f32::max)
            };
            let mut distance = distance_for(centre);
            // Perspective shows near parts larger: move the centre until the picture's extent is
            // symmetric (the orthographic centre is only a first guess).
            for _ in 0..FIT_ROUNDS {
                let (mut x_range, mut y_range) =
                    ((f32::INFINITY, f32::NEG_INFINITY), (f32::INFINITY, f32::NEG_INFINITY));
                for p in local() {
                    let depth = (distance - p.z).max(distance * 1e-4);
                    let (x, y) = ((p.x - centre.x) / (tan_x * depth), (p.y - centre.y) / (tan_y * depth));
                    x_range = (x_range.0.min(x), x_range.1.max(x));
                    y_range = (y_range.0.min(y), y_range.1.max(y));
                }
                centre.x += (x_range.0 + x_range.1) * 0.5 * tan_x * distance;
                centre.y += (y_range.0 + y_range.1) * 0.5 * tan_y * distance;
                distance = distance_for(centre);
            }
            StillFit::Distance(distance)
        };
        let inverse = view.inverse();
        let target = sphere.target + inverse.transform_vector3(Vec3::new(centre.x, centre.y, 0.0));
        let radius = points().map(|p| p.distance_squared(target)).fold(0.0f32, f32::max).sqrt();
        Self { still_fit: Some(fit), ..Self::around(target, radius) }
    }

    /// The tightest sphere around the box centre that holds every vertex: frames a model closer
    /// than the box's corners would, while still keeping all of it in view from any direction.
    pub fn from_scene(scene: &Scene) -> Self {
        let target = scene.bounds.centre();
        let radius = scene
            .meshes
            .iter()
            .flat_map(|m| m.indices.iter().map(|&i| Vec3::from(m.vertices[i as usize].position)))
            .map(|p| p.distance_squared(target))
            .fold(0.0f32, f32::max)
            .sqrt();
        Self::around(target, radius)
    }

    /// The sphere around the bounding-box centre of `points` that holds them all.
    pub fn from_points(points: &[Vec3]) -> Self {
        Self::from_point_passes(|| points.iter().copied())
    }

    /// [`Framing::from_points`] for points that `points` yields afresh for each pass.
    fn from_point_passes<I: Iterator<Item = Vec3>>(points: impl Fn() -> I) -> Self {
        let (min, max) = points()
            .fold((Vec3::splat(f32::INFINITY), Vec3::splat(f32::NEG_INFINITY)), |(lo, hi), p| (lo.min(p), hi.max(p)));
        let target = if min.is_finite() && max.is_finite() { (min + max) * 0.5 } else { Vec3::ZERO };
        let radius = points().map(|p| p.distance_squared(target)).fold(0.0f32, f32::max).sqrt();
        Self::around(target, radius)
    }

    /// A sphere of at least a tiny radius, so a point-sized model still gets a finite camera.
    fn around(target: Vec3, radius: f32) -> Self {
        let floor = (target.abs().max_element() * 1e-4).max(1e-6);
        Self { target, radius: radius.max(floor), still_fit: None }
    }
}

/// Everything the renderer needs about the camera for one frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameraPose {
    /// World → view.
    pub view: Mat4,
    /// View → clip (wgpu: z in 0..1).
    pub projection: Mat4,
    /// Camera position in world space.
    pub eye: Vec3,
}

impl CameraPose {
    /// World → clip.
    pub fn view_projection(&self) -> Mat4 {
        self.projection * self.view
    }
}

/// The camera values at `phase` of the clip (0..1; turntables and orbits close their loop exactly at 1).
pub fn shot_at(settings: &CameraSettings, phase: f64) -> Shot {
    if let Motion::Path { keys, clip_seconds } = &settings.motion {
        return camera_path::sample(keys, phase * clip_seconds);
    }
    let (azimuth, elevation) = view_at(settings, phase);
    Shot { azimuth, elevation, distance: 1.0, target_offset: [0.0; 3], fov: None }
}

/// Azimuth and elevation of the turntable, orbit and still motions at `phase`.
pub fn view_at(settings: &CameraSettings, phase: f64) -> (f64, f64) {
    let tau = std::f64::consts::TAU;
    let (azimuth0, elevation0) = (settings.start.azimuth_deg as f64, settings.start.elevation_deg as f64);
    let (azimuth, elevation) = match &settings.motion {
        // f64 and `fract` so the 360° seam lands exactly on phase 1, however long the clip.
        Motion::Turntable { turns } => (azimuth0 + (*turns as f64 * phase).fract() * 360.0, elevation0),
        Motion::Orbit { sweep_deg, swing_deg, looped } => (
            match looped {
                true => azimuth0 + phase.fract() * 360.0,
                false => azimuth0 + *sweep_deg as f64 / 2.0 * (tau * phase).sin(),
            },
            elevation0 + *swing_deg as f64 / 2.0 * (2.0 * tau * phase).sin(),
        ),
        Motion::Still | Motion::Path { .. } | Motion::FileCamera(_) => (azimuth0, elevation0),
    };
    (azimuth, elevation.clamp(-90.0, 90.0))
}

/// The camera at `phase` (0..1 = one clip) for an image of `aspect` = width/height.
pub fn camera_pose(framing: &Framing, settings: &CameraSettings, aspect: f32, phase: f64) -> CameraPose {
    if let Motion::FileCamera(FileCameraChoice::Found(camera)) = &settings.motion {
        return file_camera_pose(framing, camera, aspect);
    }
    // The framing distance comes from the job's field of view; a path's own fov then zooms.
    let base_fov = settings.fov_deg.to_radians();
    let half_visible = (base_fov * 0.5).min(((base_fov * 0.5).tan() * aspect).atan());
    let fitted_radius = framing.radius * (1.0 + settings.margin);
    let shot = shot_at(settings, phase);
    let fov_y = shot.fov.map_or(base_fov, |f| (f as f32).to_radians());
    // A still's own fit, where the framing has one (only a still's does: see `fitted_to_view`).
    let fit = framing.still_fit.filter(|_| settings.motion == Motion::Still);
    let distance = match fit {
        Some(StillFit::Distance(distance)) => distance,
        _ => fitted_radius / half_visible.sin(),
    } * shot.distance as f32;
    let target = framing.target + Vec3::from(shot.target_offset.map(|o| o as f32)) * framing.radius;
    let (direction, up) = orientation(shot.azimuth.to_radians(), shot.elevation.to_radians());
    let eye = target + direction * distance;
    let near = ((distance - framing.radius) * 0.5).max(distance * 1e-4);
    let far = distance + framing.radius * 2.0 + (target - framing.target).length();
    let projection = if settings.ortho {
        let half_height = match fit {
            Some(StillFit::HalfHeight(half_height)) => half_height,
            _ => fitted_radius * (1.0 / aspect).max(1.0),
        } * shot.distance as f32;
        let half_width = half_height * aspect;
        orthographic(-half_width, half_width, -half_height, half_height, near, far)
    } else {
        perspective(fov_y, aspect, near, far)
    };
    CameraPose { view: look_at_mat4(eye, target, up), projection, eye }
}

/// The unit direction from the target to a camera at `azimuth` and `elevation` (radians), and
/// its screen-up: +Y, except looking straight down (−Z, the model's back) or straight up (+Z).
fn orientation(azimuth: f64, elevation: f64) -> (Vec3, Vec3) {
    let direction = Vec3::new(
        (elevation.cos() * azimuth.sin()) as f32,
        elevation.sin() as f32,
        (elevation.cos() * azimuth.cos()) as f32,
    );
    let up = match direction.y {
        y if y > 0.9999 => Vec3::new(-(azimuth.sin() as f32), 0.0, -(azimuth.cos() as f32)),
        y if y < -0.9999 => Vec3::new(azimuth.sin() as f32, 0.0, azimuth.cos() as f32),
        _ => Vec3::Y,
    };
    (direction, up)
}

/// The pose of a camera from the model file; near and far planes come from the model's bounds.
fn file_camera_pose(framing: &Framing, camera: &FileCamera, aspect: f32) -> CameraPose {
    let (eye, forward, up) = (Vec3::from(camera.eye), Vec3::from(camera.forward), Vec3::from(camera.up));
    let reach = (framing.target - eye).length() + framing.radius;
    let near = (reach - 2.0 * framing.radius).max(reach * 1e-4);
    let far = reach * 1.01;
    let projection = match camera.projection {
        FileProjection::Perspective { yfov_deg } => perspective(yfov_deg.to_radians(), aspect, near, far),
        FileProjection::Orthographic { ymag } => orthographic(-ymag * aspect, ymag * aspect, -ymag, ymag, near, far),
    };
    CameraPose { view: look_to_mat4(eye, forward, up), projection, eye }
}

/// Finds a file camera by name, or by index when `selector` is a number.
pub fn find_file_camera<'a>(cameras: &'a [FileCamera], selector: &str) -> Option<&'a FileCamera> {
    cameras.iter().find(|c| c.name == selector).or_else(|| selector.parse::<usize>().ok().and_then(|i| cameras.get(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit_box() -> Bounds {
        Bounds { min: [-1.0, -0.5, -2.0], max: [1.0, 0.5, 2.0] }
    }

    #[test]
    fn phase_zero_looks_from_the_front() {
        let framing = Framing::from_bounds(&unit_box());
        let pose = camera_pose(
            &framing,
            &CameraSettings { start: View { azimuth_deg: 0.0, elevation_deg: 0.0 }, ..Default::default() },
            1.0,
            0.0,
        );
        assert!(pose.eye.x.abs() < 1e-5 && pose.eye.y.abs() < 1e-5 && pose.eye.z > 0.0, "{}", pose.eye);
    }

    #[test]
    fn quarter_turn_looks_from_the_right() {
        let framing = Framing::from_bounds(&unit_box());
        let pose = camera_pose(
            &framing,
            &CameraSettings { start: View { azimuth_deg: 0.0, elevation_deg: 0.0 }, ..Default::default() },
            1.0,
            0.25,
        );
        assert!(pose.eye.x > 0.0 && pose.eye.z.abs() < 1e-4, "{}", pose.eye);
    }

    #[test]
    fn every_corner_stays_in_frame_for_every_turntable_frame() {
        let bounds = unit_box();
        let framing = Framing::from_bounds(&bounds);
        for elevation_deg in [0.0, 45.0, 89.0] {
            for aspect in [16.0 / 9.0, 1.0, 9.0 / 16.0] {
                let settings = CameraSettings { start: View { azimuth_deg: 0.0, elevation_deg }, ..Default::default() };
                for i in 0..36 {
                    let pose = camera_pose(&framing, &settings, aspect, i as f64 / 36.0);
                    for corner in bounds.corners() {
                        let clip = pose.view_projection() * corner.extend(1.0);
                        let ndc = clip.truncate() / clip.w;
                        assert!(
                            ndc.x.abs() <= 1.0 && ndc.y.abs() <= 1.0,
                            "corner {corner} at {ndc} (el {elevation_deg}, aspect {aspect})"
                        );
                        assert!((0.0..=1.0).contains(&ndc.z), "depth {ndc}");
                    }
                }
            }
        }
    }

    fn still(view: &str) -> CameraSettings {
        CameraSettings { start: preset(view).unwrap(), motion: Motion::Still, ..Default::default() }
    }

    #[test]
    fn presets_look_from_the_documented_directions() {
        let framing = Framing::from_bounds(&unit_box());
        let cases = [
            ("front", Vec3::Z),
            ("back", Vec3::NEG_Z),
            ("right", Vec3::X),
            ("left", Vec3::NEG_X),
            ("top", Vec3::Y),
            ("bottom", Vec3::NEG_Y),
            ("angle45", Vec3::new(0.5, std::f32::consts::FRAC_1_SQRT_2, 0.5)),
            ("isometric", Vec3::ONE.normalize()),
        ];
        for (name, expected) in cases {
            let pose = camera_pose(&framing, &still(name), 1.0, 0.3);
            let direction = (pose.eye - framing.target).normalize();
            assert!(direction.distance(expected) < 1e-4, "{name}: {direction} vs {expected}");
        }
    }

    #[test]
    fn a_fitted_still_fills_its_frame_with_the_margin_and_is_centred() {
        // A long, flat, off-centre slab: the whole-turn sphere would leave most of the frame empty.
        let bounds = Bounds { min: [1.0, -0.2, -0.5], max: [5.0, 0.6, 0.5] };
        let corners = bounds.corners();
        for (view, ortho, aspect) in
            [("front", false, 4.0 / 3.0), ("isometric", false, 1.0), ("top", true, 0.75), ("right", false, 16.0 / 9.0)]
        {
            let settings = CameraSettings { ortho, ..still(view) };
            let framing = Framing::fitted_to_view(|| corners.iter().copied(), &settings, aspect, 0.0);
            let pose = camera_pose(&framing, &settings, aspect, 0.0);
            let ndc: Vec<Vec3> = corners
                .iter()
                .map(|c| {
                    let clip = pose.view_projection() * c.extend(1.0);
                    clip.truncate() / clip.w
                })
                .collect();
            let (lo, hi) =
                ndc.iter().fold((Vec3::splat(9.0), Vec3::splat(-9.0)), |(lo, hi), p| (lo.min(*p), hi.max(*p)));
            let edge = 1.0 / (1.0 + settings.margin);
            // Inside the frame with the margin, touching it on one axis, centred on both.
            assert!(
                lo.x >= -edge - 1e-3 && hi.x <= edge + 1e-3 && lo.y >= -edge - 1e-3 && hi.y <= edge + 1e-3,
                "{view}: {lo} {hi}"
            );
            assert!((hi.x - lo.x).max(hi.y - lo.y) > 2.0 * edge - 1e-2, "{view}: {lo} {hi} does not fill the frame");
            assert!((lo.x + hi.x).abs() < 1e-2 && (lo.y + hi.y).abs() < 1e-2, "{view}: {lo} {hi} is off centre");
            assert!(lo.z >= 0.0 && hi.z <= 1.0, "{view}: depth {lo} {hi}");
            // The view still looks from its direction.
            let direction = (pose.eye - framing.target).normalize();
            let (expected, _) = orientation(
                settings.start.azimuth_deg.to_radians() as f64,
                settings.start.elevation_deg.to_radians() as f64,
            );
            assert!(direction.distance(expected) < 1e-4, "{view}: looks from {direction}");
        }
        // A motion keeps the sphere's framing even when handed a fitted one.
        let settings = CameraSettings { motion: Motion::Turntable { turns: 1.0 }, ..still("front") };
        let fitted = Framing::fitted_to_view(|| corners.iter().copied(), &still("front"), 1.0, 0.0);
        let sphere = Framing { still_fit: None, ..fitted };
        assert_eq!(camera_pose(&fitted, &settings, 1.0, 0.2), camera_pose(&sphere, &settings, 1.0, 0.2));
    }

    #[test]
    fn screen_up_of_top_and_bottom_views_follows_the_design() {
        let framing = Framing::from_bounds(&unit_box());
        // Top: screen-up is −Z, so a point at −Z projects above the centre; bottom: +Z does.
        let top = camera_pose(&framing, &still("top"), 1.0, 0.0).view_projection();
        let y_of = |m: Mat4, p: Vec3| (m * p.extend(1.0)).y;
        assert!(y_of(top, Vec3::new(0.0, 0.0, -1.0)) > 0.0);
        let bottom = camera_pose(&framing, &still("bottom"), 1.0, 0.0).view_projection();
        assert!(y_of(bottom, Vec3::new(0.0, 0.0, 1.0)) > 0.0);
        // Front: +X is screen-right.
        let front = camera_pose(&framing, &still("front"), 1.0, 0.0).view_projection();
        assert!((front * Vec3::X.extend(1.0)).x > 0.0);
    }

    #[test]
    fn motions_loop_seamlessly_and_stills_do_not_move() {
        let framing = Framing::from_bounds(&unit_box());
        for motion in [
            Motion::Turntable { turns: 2.0 },
            Motion::Orbit { sweep_deg: 90.0, swing_deg: 20.0, looped: false },
            Motion::Orbit { sweep_deg: 0.0, swing_deg: 20.0, looped: true },
            Motion::Still,
        ] {
            let settings = CameraSettings { motion: motion.clone(), ..Default::default() };
            let (a, b) = (camera_pose(&framing, &settings, 1.5, 0.0), camera_pose(&framing, &settings, 1.5, 1.0));
            assert!(a.eye.distance(b.eye) < 1e-4, "{motion:?} does not close its loop");
        }
        let orbit = CameraSettings {
            motion: Motion::Orbit { sweep_deg: 90.0, swing_deg: 20.0, looped: false },
            ..Default::default()
        };
        assert_eq!(view_at(&orbit, 0.25), (45.0, 15.0 + 10.0 * (std::f64::consts::PI).sin()));
    }

    #[test]
    fn orthographic_framing_keeps_every_corner_in_view() {
        let bounds = unit_box();
        let framing = Framing::from_bounds(&bounds);
        for aspect in [0.5, 1.0, 2.0] {
            let settings = CameraSettings { ortho: true, ..Default::default() };
            for i in 0..12 {
                let pose = camera_pose(&framing, &settings, aspect, i as f64 / 12.0);
                for corner in bounds.corners() {
                    let ndc = pose.view_projection().project_point3(corner);
                    assert!(ndc.x.abs() <= 1.0 && ndc.y.abs() <= 1.0 && (0.0..=1.0).contains(&ndc.z), "{ndc}");
                }
            }
        }
    }

    #[test]
    fn a_point_sized_model_still_gets_a_finite_camera() {
        let framing = Framing::from_bounds(&Bounds { min: [2.0; 3], max: [2.0; 3] });
        let pose = camera_pose(&framing, &CameraSettings::default(), 1.5, 0.3);
        assert!(pose.view_projection().is_finite());
    }
}
