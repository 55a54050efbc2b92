//! The camera rig: framing from the model's bounds and a turntable orbit around the up axis.
//!
//! Conventions (`DESIGN.md`): +Y up, azimuth 0 = the `front` view (camera on +Z looking down −Z),
//! azimuth grows towards `right` (+X), elevation towards +Y.

use glam::camera::rh::{proj::directx::perspective, view::look_at_mat4};
use glam::{Mat4, Vec3};

use crate::scene::{Bounds, Scene};

/// The camera settings of a job.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameraSettings {
    /// Elevation above the horizon in degrees (−89..89).
    pub elevation_deg: f32,
    /// Full turns over the clip (negative turns clockwise seen from above).
    pub turns: f32,
    /// Vertical field of view in degrees.
    pub fov_deg: f32,
    /// Empty space around the model's bounding sphere, as a fraction of its radius.
    pub margin: f32,
}

impl Default for CameraSettings {
    fn default() -> Self {
        Self { elevation_deg: 15.0, turns: 1.0, fov_deg: 35.0, margin: 0.1 }
    }
}

/// The sphere the camera keeps in view, computed once per job.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Framing {
    /// Point the camera looks at.
    pub target: Vec3,
    /// Radius that must stay visible (never zero).
    pub radius: f32,
}

impl Framing {
    /// The sphere around the box centre through the box corners (a safe bound for any content).
    pub fn from_bounds(bounds: &Bounds) -> Self {
        Self::around(bounds.centre(), bounds.radius())
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

    /// A sphere of at least a tiny radius, so a point-sized model still gets a finite camera.
    fn around(target: Vec3, radius: f32) -> Self {
        let floor = (target.abs().max_element() * 1e-4).max(1e-6);
        Self { target, radius: radius.max(floor) }
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

/// The camera for a turntable at `phase` (0..1 = one clip) for an image of `aspect` = width/height.
pub fn turntable_pose(framing: &Framing, settings: &CameraSettings, aspect: f32, phase: f64) -> CameraPose {
    let fov_y = settings.fov_deg.to_radians();
    let half_visible = (fov_y * 0.5).min(((fov_y * 0.5).tan() * aspect).atan());
    let distance = framing.radius * (1.0 + settings.margin) / half_visible.sin();
    // Angles in f64 so long clips keep exact seams; the 360° seam lands exactly on phase 1.
    let azimuth = (settings.turns as f64 * phase).fract() * std::f64::consts::TAU;
    let elevation = (settings.elevation_deg as f64).to_radians();
    let direction = Vec3::new(
        (elevation.cos() * azimuth.sin()) as f32,
        elevation.sin() as f32,
        (elevation.cos() * azimuth.cos()) as f32,
    );
    let eye = framing.target + direction * distance;
    let up = if direction.y.abs() > 0.9999 { Vec3::NEG_Z } else { Vec3::Y };
    let near = ((distance - framing.radius) * 0.5).max(distance * 1e-4);
    let far = distance + framing.radius * 2.0;
    CameraPose { view: look_at_mat4(eye, framing.target, up), projection: perspective(fov_y, aspect, near, far), eye }
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
        let pose = turntable_pose(&framing, &CameraSettings { elevation_deg: 0.0, ..Default::default() }, 1.0, 0.0);
        assert!(pose.eye.x.abs() < 1e-5 && pose.eye.y.abs() < 1e-5 && pose.eye.z > 0.0, "{}", pose.eye);
    }

    #[test]
    fn quarter_turn_looks_from_the_right() {
        let framing = Framing::from_bounds(&unit_box());
        let pose = turntable_pose(&framing, &CameraSettings { elevation_deg: 0.0, ..Default::default() }, 1.0, 0.25);
        assert!(pose.eye.x > 0.0 && pose.eye.z.abs() < 1e-4, "{}", pose.eye);
    }

    #[test]
    fn every_corner_stays_in_frame_for_every_turntable_frame() {
        let bounds = unit_box();
        let framing = Framing::from_bounds(&bounds);
        for elevation_deg in [0.0, 45.0, 89.0] {
            for aspect in [16.0 / 9.0, 1.0, 9.0 / 16.0] {
                let settings = CameraSettings { elevation_deg, ..Default::default() };
                for i in 0..36 {
                    let pose = turntable_pose(&framing, &settings, aspect, i as f64 / 36.0);
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

    #[test]
    fn a_point_sized_model_still_gets_a_finite_camera() {
        let framing = Framing::from_bounds(&Bounds { min: [2.0; 3], max: [2.0; 3] });
        let pose = turntable_pose(&framing, &CameraSettings::default(), 1.5, 0.3);
        assert!(pose.view_projection().is_finite());
    }
}
