//! glTF node animation: clips of translation/rotation/scale channels (LINEAR, STEP, CUBICSPLINE),
//! sampled at clip time and applied to the node tree to pose the scene's meshes on the CPU.
//! Skinned meshes follow their joints (linear blend skinning) and morph targets their weights.

use std::ops::{Add, Mul, Sub};

use glam::{Mat4, Quat, Vec3, Vec4};

use super::mesh::{Mesh, Vertex};

/// How a channel interpolates between keyframes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interpolation {
    /// Straight lines (spherical for rotations).
    Linear,
    /// Holds each key until the next.
    Step,
    /// Hermite spline with in/out tangents stored beside each value.
    CubicSpline,
}

impl Interpolation {
    /// Values stored per key and component: in-tangent, value and out-tangent for CUBICSPLINE.
    pub fn parts_per_key(self) -> usize {
        if self == Self::CubicSpline {
            3
        } else {
            1
        }
    }
}

/// What a channel animates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    /// Node translation (3 values).
    Translation,
    /// Node rotation, a quaternion x, y, z, w (4 values).
    Rotation,
    /// Node scale (3 values).
    Scale,
    /// Morph-target weights of the node's mesh (one value per target).
    Weights(usize),
}

impl Property {
    /// Values per key.
    pub fn width(self) -> usize {
        match self {
            Self::Rotation => 4,
            Self::Translation | Self::Scale => 3,
            Self::Weights(targets) => targets,
        }
    }
}

/// One animated property of one node.
#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    /// Index into [`Rig::nodes`].
    pub node: usize,
    /// The property.
    pub property: Property,
    /// Interpolation.
    pub interpolation: Interpolation,
    /// Key times in seconds, non-decreasing.
    pub times: Vec<f32>,
    /// `width` values per key (three times that for CUBICSPLINE: in-tangent, value, out-tangent).
    pub values: Vec<f32>,
}

/// Where a time falls among a channel's keys.
#[derive(Debug, Clone, Copy)]
enum Span {
    /// Before the first or after the last key: that key's value holds.
    Held(usize),
    /// Between key `key` and the next, a fraction `u` of the way over a gap of `dt` seconds.
    Between { key: usize, u: f32, dt: f32 },
}

/// A value keyframes interpolate: a scalar (one morph weight) or a vector.
trait Keyframe: Copy + Add<Output = Self> + Sub<Output = Self> + Mul<f32, Output = Self> {}

impl<T: Copy + Add<Output = T> + Sub<Output = T> + Mul<f32, Output = T>> Keyframe for T {}

/// The cubic Hermite curve from `p0` (tangent `m0`) to `p1` (tangent `m1`) at `u` in 0..1;
/// the tangents are already scaled by the key gap (glTF 2.0 Appendix C).
fn hermite<T: Keyframe>(p0: T, m0: T, p1: T, m1: T, u: f32) -> T {
    let (u2, u3) = (u * u, u * u * u);
    p0 * (2.0 * u3 - 3.0 * u2 + 1.0) + m0 * (u3 - 2.0 * u2 + u) + p1 * (-2.0 * u3 + 3.0 * u2) + m1 * (u3 - u2)
}

impl Channel {
    /// Where `t` falls among the keys.
    fn span(&self, t: f32) -> Span {
        let last = self.times.len() - 1;
        if t <= self.times[0] {
            return Span::Held(0);
        }
        if t >= self.times[last] {
            return Span::Held(last);
        }
        let key = self.times.partition_point(|&time| time <= t) - 1;
        let dt = self.times[key + 1] - self.times[key];
        let u = if dt > 0.0 { (t - self.times[key]) / dt } else { 0.0 };
        Span::Between { key, u, dt }
    }

    /// STEP, LINEAR or CUBICSPLINE interpolation over `span`, reading a key's value with
    /// `value(key, part)` (part 0, or for CUBICSPLINE 0 in-tangent, 1 value, 2 out-tangent).
    fn interpolate<T: Keyframe>(&self, span: Span, value: impl Fn(usize, usize) -> T) -> T {
        let cubic = self.interpolation == Interpolation::CubicSpline;
        match span {
            Span::Held(key) => value(key, usize::from(cubic)),
            Span::Between { key, u, dt } => match self.interpolation {
                Interpolation::Step => value(key, 0),
                Interpolation::Linear => value(key, 0) + (value(key + 1, 0) - value(key, 0)) * u,
                Interpolation::CubicSpline => {
                    hermite(value(key, 1), value(key, 2) * dt, value(key + 1, 1), value(key + 1, 0) * dt, u)
                }
            },
        }
    }

    /// Values per key in `values`: three parts per key for CUBICSPLINE.
    fn key_stride(&self) -> usize {
        self.property.width() * self.interpolation.parts_per_key()
    }

    /// Every component at time `t`, interpolated per component (weights).
    pub fn sample_components(&self, t: f32) -> Vec<f32> {
        let (width, stride, span) = (self.property.width(), self.key_stride(), self.span(t));
        (0..width).map(|c| self.interpolate(span, |key, part| self.values[key * stride + part * width + c])).collect()
    }

    /// The property's value at time `t` (held before the first and after the last key). Rotations
    /// interpolate spherically (LINEAR) or are normalised after the spline (CUBICSPLINE).
    pub fn sample(&self, t: f32) -> Vec4 {
        let (width, stride, span) = (self.property.width(), self.key_stride(), self.span(t));
        let value = |key: usize, part: usize| -> Vec4 {
            let start = key * stride + part * width;
            let v = &self.values[start..start + width];
            Vec4::new(v[0], v[1], v[2], if width == 4 { v[3] } else { 0.0 })
        };
        match (span, self.interpolation, self.property) {
            (Span::Between { key, u, .. }, Interpolation::Linear, Property::Rotation) => {
                let (a, b) = (Quat::from_vec4(value(key, 0)), Quat::from_vec4(value(key + 1, 0)));
                Vec4::from(a.normalize().slerp(b.normalize(), u))
            }
            (Span::Between { .. }, Interpolation::CubicSpline, Property::Rotation) => {
                Vec4::from(Quat::from_vec4(self.interpolate(span, value)).normalize())
            }
            _ => self.interpolate(span, value),
        }
    }
}

/// An animation clip.
#[derive(Debug, Clone, PartialEq)]
pub struct Clip {
    /// Name (or `animation #N`).
    pub name: String,
    /// Length in seconds (the latest key).
    pub duration: f32,
    /// Its channels.
    pub channels: Vec<Channel>,
}

/// A node of the animated tree, with its rest transform.
#[derive(Debug, Clone, PartialEq)]
pub struct RigNode {
    /// Parent node, if any.
    pub parent: Option<usize>,
    /// Rest translation.
    pub translation: Vec3,
    /// Rest rotation.
    pub rotation: Quat,
    /// Rest scale.
    pub scale: Vec3,
}

/// A mesh of the scene drawn by an animated node.
#[derive(Debug, Clone, PartialEq)]
pub struct RigInstance {
    /// Index into the scene's meshes.
    pub mesh: usize,
    /// The node that places it.
    pub node: usize,
    /// Its vertices in the node's space (bind space for skinned meshes).
    pub local: Vec<Vertex>,
    /// Joints and weights when the mesh is skinned (its node's transform is then not used).
    pub skin: Option<Skin>,
    /// Morph targets, when the mesh has them.
    pub morph: Option<Morph>,
}

/// Morph targets of one mesh.
#[derive(Debug, Clone, PartialEq)]
pub struct Morph {
    /// Per target, a position offset per vertex.
    pub position_deltas: Vec<Vec<[f32; 3]>>,
    /// Weights when no animation sets them (the mesh's `weights`).
    pub default_weights: Vec<f32>,
}

/// Linear blend skinning data of one mesh.
#[derive(Debug, Clone, PartialEq)]
pub struct Skin {
    /// Node index of each joint.
    pub joints: Vec<usize>,
    /// Inverse bind matrix of each joint.
    pub inverse_bind: Vec<Mat4>,
    /// Per vertex: four joint slots (indices into `joints`).
    pub vertex_joints: Vec<[u16; 4]>,
    /// Per vertex: the four weights.
    pub vertex_weights: Vec<[f32; 4]>,
}

/// Everything needed to pose an animated scene.
#[derive(Debug, Clone, PartialEq)]
pub struct Rig {
    /// The node tree.
    pub nodes: Vec<RigNode>,
    /// Meshes placed by nodes.
    pub instances: Vec<RigInstance>,
    /// Clips.
    pub clips: Vec<Clip>,
    /// Applied after posing: the file's up-axis fix (identity for Y-up).
    pub root: Mat4,
}

impl Rig {
    /// Morph weights set by `clip` at `t`, per node (None where the clip does not animate them).
    pub fn node_weights(&self, clip: &Clip, t: f32) -> Vec<Option<Vec<f32>>> {
        let mut weights = vec![None; self.nodes.len()];
        for channel in clip.channels.iter().filter(|c| matches!(c.property, Property::Weights(_))) {
            weights[channel.node] = Some(channel.sample_components(t));
        }
        weights
    }

    /// World matrices of every node for `clip` at time `t`.
    pub fn node_matrices(&self, clip: &Clip, t: f32) -> Vec<Mat4> {
        let mut local: Vec<(Vec3, Quat, Vec3)> =
            self.nodes.iter().map(|n| (n.translation, n.rotation, n.scale)).collect();
        for channel in &clip.channels {
            let entry = &mut local[channel.node];
            match channel.property {
                Property::Translation => entry.0 = channel.sample(t).truncate(),
                Property::Rotation => entry.1 = Quat::from_vec4(channel.sample(t)).normalize(),
                Property::Scale => entry.2 = channel.sample(t).truncate(),
                Property::Weights(_) => {}
            }
        }
        let mut world: Vec<Option<Mat4>> = vec![None; self.nodes.len()];
        for start in 0..self.nodes.len() {
            // Walk up to the first known ancestor, then down again (the tree has no cycles).
            let mut chain = vec![start];
            while let Some(parent) = self.nodes[*chain.last().expect("chain")].parent {
                if world[parent].is_some() || chain.len() > self.nodes.len() {
                    break;
                }
                chain.push(parent);
            }
            for &node in chain.iter().rev() {
                if world[node].is_none() {
                    let (t, r, s) = local[node];
                    let parent = self.nodes[node].parent.and_then(|p| world[p]).unwrap_or(self.root);
                    world[node] = Some(parent * Mat4::from_scale_rotation_translation(s, r, t));
                }
            }
        }
        world.into_iter().map(|m| m.unwrap_or(self.root)).collect()
    }

    /// The scene's vertices (meshes in order, as uploaded) posed for `clip` at `t`.
    pub fn pose(&self, meshes: &[Mesh], clip: &Clip, t: f32) -> Vec<Vertex> {
        let matrices = self.node_matrices(clip, t);
        let weights = self.node_weights(clip, t);
        // Only animated meshes are posed; the others are copied once into the result below.
        let mut posed: Vec<Option<Vec<Vertex>>> = vec![None; meshes.len()];
        for instance in &self.instances {
            let morphed;
            let local = match &instance.morph {
                Some(morph) => {
                    morphed = apply_morph(&instance.local, morph, weights[instance.node].as_deref());
                    &morphed
                }
                None => &instance.local,
            };
            posed[instance.mesh] = Some(match &instance.skin {
                Some(skin) => skin_vertices(local, skin, &matrices),
                None => {
                    let world = matrices[instance.node];
                    let normal_matrix = glam::Mat3::from_mat4(world).inverse().transpose();
                    local.iter().map(|v| transformed(v, world, normal_matrix)).collect()
                }
            });
        }
        let mut vertices = Vec::with_capacity(meshes.iter().map(|m| m.vertices.len()).sum());
        for (mesh, posed) in meshes.iter().zip(&posed) {
            vertices.extend_from_slice(posed.as_deref().unwrap_or(&mesh.vertices));
        }
        vertices
    }
}

fn transformed(v: &Vertex, world: Mat4, normal_matrix: glam::Mat3) -> Vertex {
    Vertex {
        position: world.transform_point3(Vec3::from(v.position)).into(),
        normal: (normal_matrix * Vec3::from(v.normal)).normalize_or(Vec3::Y).into(),
        ..*v
    }
}

/// The vertices moved by the weighted morph-target offsets (normals are kept); the morph's rest
/// weights when `weights` is None.
pub fn apply_morph(local: &[Vertex], morph: &Morph, weights: Option<&[f32]>) -> Vec<Vertex> {
    let weights = weights.unwrap_or(&morph.default_weights);
    let mut out = local.to_vec();
    for (deltas, &w) in morph.position_deltas.iter().zip(weights) {
        if w == 0.0 {
            continue;
        }
        for (v, d) in out.iter_mut().zip(deltas) {
            v.position = (Vec3::from(v.position) + Vec3::from(*d) * w).into();
        }
    }
    out
}

/// Linear blend skinning: each vertex moved by the weighted joint matrices (world × inverse bind).
fn skin_vertices(local: &[Vertex], skin: &Skin, node_matrices: &[Mat4]) -> Vec<Vertex> {
    let joint_matrices: Vec<Mat4> =
        skin.joints.iter().zip(&skin.inverse_bind).map(|(&node, ibm)| node_matrices[node] * *ibm).collect();
    local
        .iter()
        .zip(skin.vertex_joints.iter().zip(&skin.vertex_weights))
        .map(|(v, (joints, weights))| {
            let total: f32 = weights.iter().sum();
            let matrix = if total > 0.0 {
                joints
                    .iter()
                    .zip(weights)
                    .map(|(&j, &w)| joint_matrices.get(j as usize).copied().unwrap_or(Mat4::IDENTITY) * (w / total))
                    .fold(Mat4::ZERO, |acc, m| acc + m)
            } else {
                Mat4::IDENTITY
            };
            transformed(v, matrix, glam::Mat3::from_mat4(matrix).inverse().transpose())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(interpolation: Interpolation, property: Property, times: &[f32], values: &[f32]) -> Channel {
        Channel { node: 0, property, interpolation, times: times.to_vec(), values: values.to_vec() }
    }

    #[test]
    fn linear_step_and_cubic_spline_sample_as_the_spec_says() {
        let linear =
            channel(Interpolation::Linear, Property::Translation, &[0.0, 2.0], &[0.0, 0.0, 0.0, 4.0, 0.0, 0.0]);
        assert_eq!(linear.sample(0.5).x, 1.0);
        assert_eq!(linear.sample(-1.0).x, 0.0);
        assert_eq!(linear.sample(9.0).x, 4.0);
        let step = channel(Interpolation::Step, Property::Translation, &[0.0, 2.0], &[0.0, 0.0, 0.0, 4.0, 0.0, 0.0]);
        assert_eq!(step.sample(1.9).x, 0.0);
        assert_eq!(step.sample(2.0).x, 4.0);
        // Cubic spline with zero tangents: smoothstep between the values.
        let cubic = channel(
            Interpolation::CubicSpline,
            Property::Translation,
            &[0.0, 1.0],
            &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        );
        assert!((cubic.sample(0.25).x - 0.15625).abs() < 1e-6);
        assert!((cubic.sample(0.5).x - 0.5).abs() < 1e-6);
    }

    #[test]
    fn morph_weights_interpolate_per_target() {
        let weights = channel(Interpolation::Linear, Property::Weights(2), &[0.0, 1.0], &[0.0, 1.0, 1.0, 0.0]);
        assert_eq!(weights.sample_components(0.25), vec![0.25, 0.75]);
        let step = channel(Interpolation::Step, Property::Weights(2), &[0.0, 1.0], &[0.0, 1.0, 1.0, 0.0]);
        assert_eq!(step.sample_components(0.99), vec![0.0, 1.0]);
    }

    #[test]
    fn rotations_interpolate_spherically() {
        let half = std::f32::consts::FRAC_1_SQRT_2;
        let rotation = channel(
            Interpolation::Linear,
            Property::Rotation,
            &[0.0, 1.0],
            &[0.0, 0.0, 0.0, 1.0, 0.0, half, 0.0, half],
        );
        let q = Quat::from_vec4(rotation.sample(0.5));
        let expected = Quat::from_rotation_y(std::f32::consts::FRAC_PI_4);
        assert!(q.angle_between(expected) < 1e-5, "{q} vs {expected}");
    }

    #[test]
    fn children_follow_their_animated_parents() {
        let node = |parent| RigNode { parent, translation: Vec3::X, rotation: Quat::IDENTITY, scale: Vec3::ONE };
        let rig = Rig {
            nodes: vec![node(None), node(Some(0))],
            instances: Vec::new(),
            clips: Vec::new(),
            root: Mat4::IDENTITY,
        };
        let spin = Clip {
            name: "spin".into(),
            duration: 1.0,
            channels: vec![channel(
                Interpolation::Linear,
                Property::Rotation,
                &[0.0, 1.0],
                &[0.0, 0.0, 0.0, 1.0, 0.0, std::f32::consts::FRAC_1_SQRT_2, 0.0, std::f32::consts::FRAC_1_SQRT_2],
            )],
        };
        // At t = 1 the root has turned 90° about Y: the child's +X offset now points to −Z.
        let world = rig.node_matrices(&spin, 1.0);
        let child = world[1].transform_point3(Vec3::ZERO);
        assert!(child.distance(Vec3::new(1.0, 0.0, -1.0)) < 1e-5, "{child}");
    }
}
