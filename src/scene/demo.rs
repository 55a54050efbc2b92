//! The built-in demo model: a (2,3) torus knot on a thin ring, generated in code so `holoforge demo`
//! works with no input file.

use std::path::Path;

use glam::Vec3;

use super::{normalise, Material, Mesh, RawScene, Scene, UpAxis, Vertex};

/// Segments along the knot and around its tube.
const KNOT_SEGMENTS: usize = 256;
const TUBE_SEGMENTS: usize = 24;

/// Builds the demo scene (about 13 000 triangles, Y-up, metres).
pub fn scene() -> Scene {
    let knot = tube_mesh("knot", 0, KNOT_SEGMENTS, 0.16, knot_point);
    let ring = tube_mesh("ring", 1, 128, 0.03, |t| {
        let a = t * std::f32::consts::TAU;
        Vec3::new(1.45 * a.cos(), -1.15, 1.45 * a.sin())
    });
    let raw = RawScene {
        meshes: vec![knot, ring],
        materials: vec![
            Material { name: "knot".into(), base_color: [1.0, 1.0, 1.0, 1.0], ..Material::default_white() },
            Material { name: "ring".into(), base_color: [0.6, 0.6, 0.6, 1.0], ..Material::default_white() },
        ],
        textures: Vec::new(),
        animations: Vec::new(),
        cameras: Vec::new(),
        rig: None,
        warnings: Vec::new(),
    };
    normalise(Path::new("<built-in demo>"), "builtin", raw, UpAxis::Y)
        .expect("the built-in demo model is valid geometry")
}

/// A point on a (2,3) torus knot for t in [0, 1).
fn knot_point(t: f32) -> Vec3 {
    let a = t * std::f32::consts::TAU;
    let (p, q) = (2.0, 3.0);
    let r = 0.75 + 0.35 * (q * a).cos();
    Vec3::new(r * (p * a).cos(), 0.35 * (q * a).sin() + 0.1, r * (p * a).sin())
}

/// Sweeps a circle of `radius` along the closed curve `centre(t)`, t in [0, 1).
fn tube_mesh(name: &str, material: usize, segments: usize, radius: f32, centre: impl Fn(f32) -> Vec3) -> Mesh {
    let mut vertices = Vec::with_capacity(segments * TUBE_SEGMENTS);
    for i in 0..segments {
        let t = i as f32 / segments as f32;
        let c = centre(t);
        let tangent = (centre(t + 0.5 / segments as f32) - centre(t - 0.5 / segments as f32)).normalize();
        let side = tangent.cross(Vec3::Y).try_normalize().unwrap_or(Vec3::X);
        let up = side.cross(tangent);
        for j in 0..TUBE_SEGMENTS {
            let a = j as f32 / TUBE_SEGMENTS as f32 * std::f32::consts::TAU;
            let normal = side * a.cos() + up * a.sin();
            vertices.push(Vertex {
                position: (c + normal * radius).into(),
                normal: normal.into(),
                uv: [t, j as f32 / TUBE_SEGMENTS as f32],
                color: [1.0; 4],
            });
        }
    }
    let mut indices = Vec::with_capacity(segments * TUBE_SEGMENTS * 6);
    for i in 0..segments {
        let next = (i + 1) % segments;
        for j in 0..TUBE_SEGMENTS {
            let nj = (j + 1) % TUBE_SEGMENTS;
            let [a, b, c, d] =
                [i * TUBE_SEGMENTS + j, next * TUBE_SEGMENTS + j, next * TUBE_SEGMENTS + nj, i * TUBE_SEGMENTS + nj]
                    .map(|x| x as u32);
            indices.extend([a, b, c, a, c, d]);
        }
    }
    Mesh { name: name.into(), material, vertices, indices }
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_scene_is_centred_and_sized_about_three_metres() {
        let scene = super::scene();
        assert_eq!(scene.triangle_count(), (256 + 128) * 24 * 2);
        let size = scene.bounds.size();
        assert!(size.x > 2.5 && size.x < 3.5, "{size}");
        assert!(scene.warnings.is_empty());
    }
}
