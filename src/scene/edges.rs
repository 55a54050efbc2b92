//! The edges a wireframe draws: every edge of a mesh, or only its feature edges (where faces meet
//! at an angle, and open borders), so flat quads do not show their triangulation.

use std::collections::HashMap;

use glam::Vec3;

use super::Vertex;

/// The edges of one triangle list to draw as lines, as pairs of vertex indices. Vertices at the
/// same position are one corner (meshes split vertices for normals and UVs); an edge is kept when
/// it is an open border, is shared by more than two faces, or its faces meet at more than
/// `min_angle_deg` degrees.
pub fn feature_edges(vertices: &[Vertex], indices: &[u32], min_angle_deg: f32) -> Vec<[u32; 2]> {
    let mut corner_of_position: HashMap<[u32; 3], u32> = HashMap::new();
    let corners: Vec<u32> = vertices
        .iter()
        .map(|v| {
            let next = corner_of_position.len() as u32;
            *corner_of_position.entry(v.position.map(f32::to_bits)).or_insert(next)
        })
        .collect();
    // Edge (by corners) → the first vertex pair seen and the normals of its faces.
    let mut edges: HashMap<(u32, u32), ([u32; 2], Vec<Vec3>)> = HashMap::new();
    let mut order = Vec::new();
    for triangle in indices.chunks_exact(3) {
        let p = [0, 1, 2].map(|k| Vec3::from(vertices[triangle[k] as usize].position));
        let normal = (p[1] - p[0]).cross(p[2] - p[0]).normalize_or_zero();
        for (a, b) in [(triangle[0], triangle[1]), (triangle[1], triangle[2]), (triangle[2], triangle[0])] {
            let (ca, cb) = (corners[a as usize], corners[b as usize]);
            if ca == cb {
                continue;
            }
            let key = (ca.min(cb), ca.max(cb));
            let entry = edges.entry(key).or_insert_with(|| {
                order.push(key);
                ([a, b], Vec::new())
            });
            if normal != Vec3::ZERO {
                entry.1.push(normal);
            }
        }
    }
    let min_cos = min_angle_deg.to_radians().cos();
    order
        .into_iter()
        .filter_map(|key| {
            let (pair, normals) = &edges[&key];
            let keep = match normals.as_slice() {
                [a, b] => min_angle_deg <= 0.0 || a.dot(*b) < min_cos,
                _ => true,
            };
            keep.then_some(*pair)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit cube with split vertices per face (as glTF exporters write it), two triangles a face.
    fn cube() -> (Vec<Vertex>, Vec<u32>) {
        let mut vertices = Vec::new();
        let mut indices = Vec::new();
        for axis in 0..3 {
            for sign in [-1.0f32, 1.0] {
                let base = vertices.len() as u32;
                for (u, v) in [(-1.0f32, -1.0f32), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
                    let mut p = [0.0; 3];
                    p[axis] = sign;
                    p[(axis + 1) % 3] = u * sign;
                    p[(axis + 2) % 3] = v;
                    vertices.push(Vertex { position: p, normal: [0.0; 3], uv: [0.0; 2], color: [1.0; 4] });
                }
                indices.extend([base, base + 1, base + 2, base, base + 2, base + 3]);
            }
        }
        (vertices, indices)
    }

    #[test]
    fn a_cube_has_twelve_feature_edges_and_eighteen_in_all() {
        let (vertices, indices) = cube();
        assert_eq!(feature_edges(&vertices, &indices, 20.0).len(), 12);
        assert_eq!(feature_edges(&vertices, &indices, 0.0).len(), 18);
    }

    #[test]
    fn open_borders_are_kept() {
        let (vertices, indices) = cube();
        // One face: four border edges, the diagonal is flat.
        assert_eq!(feature_edges(&vertices, &indices[..6], 20.0).len(), 4);
    }
}
