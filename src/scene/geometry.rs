//! Geometry clean-up shared by every loader: bounds, normals, up-axis rotation, non-finite data.

use glam::{Mat3, Mat4, Vec3};
use serde::Serialize;

use super::{Mesh, Vertex};

/// Axis-aligned bounding box.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bounds {
    /// Smallest corner.
    pub min: [f32; 3],
    /// Largest corner.
    pub max: [f32; 3],
}

impl Bounds {
    /// Bounds of every vertex referenced by a triangle.
    pub fn of_meshes(meshes: &[Mesh]) -> Self {
        let mut min = Vec3::splat(f32::INFINITY);
        let mut max = Vec3::splat(f32::NEG_INFINITY);
        for mesh in meshes {
            for &i in &mesh.indices {
                let p = Vec3::from(mesh.vertices[i as usize].position);
                min = min.min(p);
                max = max.max(p);
            }
        }
        Self { min: min.into(), max: max.into() }
    }

    /// Centre of the box.
    pub fn centre(&self) -> Vec3 {
        (Vec3::from(self.min) + Vec3::from(self.max)) * 0.5
    }

    /// Edge lengths of the box.
    pub fn size(&self) -> Vec3 {
        Vec3::from(self.max) - Vec3::from(self.min)
    }

    /// Radius of the sphere around the box centre that contains the box.
    pub fn radius(&self) -> f32 {
        self.size().length() * 0.5
    }

    /// True when the corners, size and radius are all finite numbers.
    pub fn is_finite(&self) -> bool {
        Vec3::from(self.min).is_finite() && Vec3::from(self.max).is_finite() && self.radius().is_finite()
    }

    /// The eight corners.
    pub fn corners(&self) -> [Vec3; 8] {
        let (a, b) = (Vec3::from(self.min), Vec3::from(self.max));
        [
            Vec3::new(a.x, a.y, a.z),
            Vec3::new(b.x, a.y, a.z),
            Vec3::new(a.x, b.y, a.z),
            Vec3::new(b.x, b.y, a.z),
            Vec3::new(a.x, a.y, b.z),
            Vec3::new(b.x, a.y, b.z),
            Vec3::new(a.x, b.y, b.z),
            Vec3::new(b.x, b.y, b.z),
        ]
    }
}

/// Removes triangles that touch a non-finite position; returns how many were removed.
pub fn drop_non_finite_triangles(meshes: &mut [Mesh]) -> usize {
    let mut dropped = 0;
    for mesh in meshes {
        let before = mesh.indices.len();
        let vertices = &mesh.vertices;
        let kept: Vec<u32> = mesh
            .indices
            .chunks_exact(3)
            .filter(|tri| tri.iter().all(|&i| Vec3::from(vertices[i as usize].position).is_finite()))
            .flatten()
            .copied()
            .collect();
        dropped += (before - kept.len()) / 3;
        mesh.indices = kept;
    }
    dropped
}

/// Makes every normal a finite unit vector: given normals are normalised, missing or broken
/// ones (zero, NaN) are replaced by the area-weighted average of the adjacent faces.
pub fn repair_normals(mesh: &mut Mesh) {
    let broken = |n: Vec3| !n.is_finite() || n.length_squared() < 1e-12;
    if !mesh.vertices.iter().any(|v| broken(Vec3::from(v.normal))) {
        for v in &mut mesh.vertices {
            v.normal = Vec3::from(v.normal).normalize().into();
        }
        return;
    }
    let mut accumulated = vec![Vec3::ZERO; mesh.vertices.len()];
    for tri in mesh.indices.chunks_exact(3) {
        let [a, b, c] = [tri[0], tri[1], tri[2]].map(|i| Vec3::from(mesh.vertices[i as usize].position));
        let face = (b - a).cross(c - a);
        if face.is_finite() {
            for &i in tri {
                accumulated[i as usize] += face;
            }
        }
    }
    for (v, acc) in mesh.vertices.iter_mut().zip(accumulated) {
        let given = Vec3::from(v.normal);
        let normal = if !broken(given) {
            given.normalize()
        } else if !broken(acc) {
            acc.normalize()
        } else {
            Vec3::Y
        };
        v.normal = normal.into();
    }
}

/// Gives every triangle its own three vertices with the face normal (flat shading).
pub fn flat_shaded(positions: &[[f32; 3]], color: [f32; 4]) -> (Vec<Vertex>, Vec<u32>) {
    let mut vertices = Vec::with_capacity(positions.len());
    for tri in positions.chunks_exact(3) {
        let [a, b, c] = [tri[0], tri[1], tri[2]].map(Vec3::from);
        let n = (b - a).cross(c - a);
        let normal = if n.length_squared() > 0.0 && n.is_finite() { n.normalize() } else { Vec3::ZERO };
        for p in tri {
            vertices.push(Vertex { position: *p, normal: normal.into(), uv: [0.0; 2], color });
        }
    }
    let indices = (0..vertices.len() as u32).collect();
    (vertices, indices)
}

/// Applies a node's world transform to positions and normals (normals by the inverse transpose).
pub fn transform_vertices(vertices: &mut [Vertex], world: Mat4) {
    let normal_matrix = Mat3::from_mat4(world).inverse().transpose();
    let normal_matrix = if normal_matrix.is_finite() { normal_matrix } else { Mat3::ZERO };
    for v in vertices {
        v.position = world.transform_point3(Vec3::from(v.position)).into();
        v.normal = (normal_matrix * Vec3::from(v.normal)).into();
    }
}

/// Turns a Z-up point or direction into Y-up: −90° about X, so +Z becomes +Y and +Y becomes −Z.
pub fn z_up_to_y_up_point([x, y, z]: [f32; 3]) -> [f32; 3] {
    [x, z, -y]
}

/// Turns a Z-up mesh into Y-up (see [`z_up_to_y_up_point`]).
pub fn z_up_to_y_up(mesh: &mut Mesh) {
    for v in &mut mesh.vertices {
        v.position = z_up_to_y_up_point(v.position);
        v.normal = z_up_to_y_up_point(v.normal);
    }
}

/// Whether a model's winding flips under a transform (negative determinant): indices are then
/// reversed so front faces stay counter-clockwise.
pub fn flips_winding(world: Mat4) -> bool {
    Mat3::from_mat4(world).determinant() < 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mesh(positions: &[[f32; 3]]) -> Mesh {
        let (vertices, indices) = flat_shaded(positions, [1.0; 4]);
        Mesh { name: "t".into(), material: 0, vertices, indices }
    }

    #[test]
    fn z_up_turns_plus_z_into_plus_y() {
        let mut m = mesh(&[[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]);
        z_up_to_y_up(&mut m);
        assert_eq!(m.vertices[0].position, [0.0, 1.0, 0.0]);
        assert_eq!(m.vertices[2].position, [0.0, 0.0, -1.0]);
    }

    #[test]
    fn non_finite_triangles_are_dropped_and_counted() {
        let mut meshes = vec![mesh(&[
            [0.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],
            [0.0, 1.0, 0.0],
            [f32::NAN, 0.0, 0.0],
            [1.0, 0.0, 0.0],
            [0.0, 1.0, 0.0],
        ])];
        assert_eq!(drop_non_finite_triangles(&mut meshes), 1);
        assert_eq!(meshes[0].indices, vec![0, 1, 2]);
    }

    #[test]
    fn broken_normals_are_rebuilt_from_faces() {
        let mut m = mesh(&[[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]);
        m.vertices[0].normal = [0.0, 0.0, 0.0];
        m.vertices[1].normal = [0.0, 0.0, 5.0];
        repair_normals(&mut m);
        assert_eq!(m.vertices[0].normal, [0.0, 0.0, 1.0]);
        assert_eq!(m.vertices[1].normal, [0.0, 0.0, 1.0]);
    }

    #[test]
    fn bounds_radius_is_half_the_diagonal() {
        let b = Bounds { min: [-1.0, -2.0, -2.0], max: [1.0, 2.0, 2.0] };
        assert_eq!(b.radius(), 3.0);
        assert_eq!(b.centre(), Vec3::ZERO);
    }
}
