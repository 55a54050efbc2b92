//! FBX animation as a [`Rig`](crate::scene::anim::Rig): the node tree with ufbx's local
//! transforms, one clip per take baked by ufbx (its resampling of FBX curves, Euler orders and
//! pivots into translation/rotation/scale keys), skins from skin clusters, and blend shapes with
//! their channel weights sampled over the take.

use anyhow::Result;
use glam::Quat;

use super::{describe_error, matrix, take_name, vec3};
use crate::error::Problem;
use crate::scene::anim::{Channel, Clip, Interpolation, Morph, Property, RigInstance, RigNode, Skin};
use crate::scene::budget::Budget;
use crate::text::quoted;

/// Samples per second of blend-shape weights (ufbx's default rate for baking curves).
const WEIGHT_SAMPLES_PER_SECOND: f64 = 30.0;

/// Every node with its parent and rest transform, indexed like `scene.nodes`.
pub fn rig_nodes(scene: &ufbx::Scene) -> Vec<RigNode> {
    scene
        .nodes
        .iter()
        .map(|node| {
            let rest = &node.local_transform;
            RigNode {
                parent: node.parent.as_ref().map(|p| p.element.typed_id as usize),
                translation: vec3(rest.translation),
                rotation: quat(rest.rotation),
                scale: vec3(rest.scale),
            }
        })
        .collect()
}

/// One clip per take; keyframes count against the memory budget.
pub fn clips(scene: &ufbx::Scene, instances: &[RigInstance], budget: &mut Budget) -> Result<Vec<Clip>> {
    scene.anim_stacks.iter().map(|stack| clip(scene, stack, instances, budget)).collect()
}

fn clip(scene: &ufbx::Scene, stack: &ufbx::AnimStack, instances: &[RigInstance], budget: &mut Budget) -> Result<Clip> {
    let name = take_name(stack);
    let limit = usize::try_from(budget.left()).unwrap_or(usize::MAX);
    let allocator = || ufbx::AllocatorOpts { memory_limit: limit, ..Default::default() };
    let options = ufbx::BakeOpts {
        temp_allocator: allocator(),
        result_allocator: allocator(),
        trim_start_time: true,
        ..Default::default()
    };
    let baked = ufbx::bake_anim(scene, &stack.anim, options).map_err(|e| describe_error(&e, budget))?;
    let mut channels = Vec::new();
    let what = || format!("FBX take {}", quoted(&name));
    for node in &baked.nodes {
        let index = node.typed_id as usize;
        let keys = node.translation_keys.len() + node.rotation_keys.len() + node.scale_keys.len();
        budget.reserve(what, keys as u64, 20)?;
        let vectors = [(Property::Translation, &node.translation_keys), (Property::Scale, &node.scale_keys)];
        for (property, keys) in vectors.into_iter().filter(|(_, keys)| !keys.is_empty()) {
            channels.push(Channel {
                node: index,
                property,
                interpolation: Interpolation::Linear,
                times: keys.iter().map(|k| k.time as f32).collect(),
                values: keys.iter().flat_map(|k| vec3(k.value).to_array()).collect(),
            });
        }
        if !node.rotation_keys.is_empty() {
            channels.push(Channel {
                node: index,
                property: Property::Rotation,
                interpolation: Interpolation::Linear,
                times: node.rotation_keys.iter().map(|k| k.time as f32).collect(),
                values: node.rotation_keys.iter().flat_map(|k| quat(k.value).to_array()).collect(),
            });
        }
    }
    // A take without a time span lasts from its first key to its last.
    let duration = match baked.playback_duration > 0.0 {
        true => baked.playback_duration,
        false => baked.key_time_max - baked.key_time_min,
    };
    let duration = if duration.is_finite() { duration.max(0.0) } else { 0.0 };
    channels.extend(weight_channels(scene, stack, duration, instances, budget)?);
    Ok(Clip { name, duration: duration as f32, channels })
}

/// The blend-shape weights of every morphed node, sampled over the take.
fn weight_channels(
    scene: &ufbx::Scene,
    stack: &ufbx::AnimStack,
    duration: f64,
    instances: &[RigInstance],
    budget: &mut Budget,
) -> Result<Vec<Channel>> {
    if instances.iter().all(|i| i.morph.is_none()) {
        return Ok(Vec::new());
    }
    // The take's length comes from the file: its samples are counted against the budget first.
    let what = || format!("FBX take {}: blend weights over {duration} s", quoted(&take_name(stack)));
    let samples = (duration * WEIGHT_SAMPLES_PER_SECOND).ceil() + 1.0;
    let samples = match samples.is_finite() && samples < u32::MAX as f64 {
        true => samples as usize,
        false => return Err(Problem::input(format!("{} is too long a take to sample", what())).into()),
    };
    budget.reserve(what, samples as u64, 8)?;
    let times: Vec<f64> = (0..samples).map(|i| (i as f64 / WEIGHT_SAMPLES_PER_SECOND).min(duration)).collect();
    let mut channels: Vec<Channel> = Vec::new();
    for instance in instances.iter().filter(|i| i.morph.is_some()) {
        if channels.iter().any(|c| c.node == instance.node) {
            continue;
        }
        let Some(mesh) = scene.nodes.get(instance.node).and_then(|n| n.mesh.as_ref()) else { continue };
        let blend = blend_channels(mesh);
        budget.reserve(
            || format!("FBX take {}: blend weights", quoted(&take_name(stack))),
            (samples * blend.len()) as u64,
            4,
        )?;
        let values = times
            .iter()
            .flat_map(|&t| {
                blend.iter().map(move |&c| ufbx::evaluate_blend_weight(&stack.anim, c, stack.time_begin + t) as f32)
            })
            .collect();
        channels.push(Channel {
            node: instance.node,
            property: Property::Weights(blend.len()),
            interpolation: Interpolation::Linear,
            times: times.iter().map(|&t| t as f32).collect(),
            values,
        });
    }
    Ok(channels)
}

/// The blend channels of a mesh, over all its blend deformers: the morph targets, in order.
fn blend_channels(mesh: &ufbx::Mesh) -> Vec<&ufbx::BlendChannel> {
    mesh.blend_deformers.iter().flat_map(|d| d.channels.iter().map(|c| &**c)).collect()
}

/// Morph targets of a mesh part: each blend channel's full-weight shape as an offset per vertex
/// of the part (`fbx_vertex` maps them to the FBX vertices), and the channels' rest weights.
pub fn morph(mesh: &ufbx::Mesh, fbx_vertex: &[u32], budget: &mut Budget) -> Result<Option<Morph>> {
    let channels = blend_channels(mesh);
    if channels.is_empty() {
        return Ok(None);
    }
    let per_channel = fbx_vertex.len() as u64 + mesh.num_vertices as u64;
    budget.reserve(
        || format!("FBX mesh {}: blend shapes", quoted(&mesh.element.name)),
        channels.len() as u64 * per_channel,
        12,
    )?;
    let position_deltas = channels
        .iter()
        .map(|channel| {
            let mut offsets = vec![[0.0f32; 3]; mesh.num_vertices];
            if let Some(shape) = &channel.target_shape {
                for (&vertex, &offset) in shape.offset_vertices.iter().zip(shape.position_offsets.iter()) {
                    if let Some(slot) = offsets.get_mut(vertex as usize) {
                        *slot = vec3(offset).into();
                    }
                }
            }
            fbx_vertex.iter().map(|&v| offsets.get(v as usize).copied().unwrap_or_default()).collect()
        })
        .collect();
    let default_weights = channels.iter().map(|c| c.weight as f32).collect();
    Ok(Some(Morph { position_deltas, default_weights }))
}

/// Linear blend skinning of a mesh part from its skin deformer: a joint per cluster (its bone
/// node, and the cluster's geometry-to-bone matrix as the inverse bind), and each vertex's four
/// strongest weights, renormalised. None, with a warning, when the skin does not fit the mesh.
pub fn skin(
    deformer: &ufbx::SkinDeformer,
    node: &ufbx::Node,
    fbx_vertex: &[u32],
    name: &str,
    warnings: &mut Vec<String>,
) -> Option<Skin> {
    let mut unfit = |why: &str| {
        warnings.push(format!("FBX mesh {}: {why}; not skinned", quoted(name)));
        None
    };
    let joints: Option<Vec<usize>> =
        deformer.clusters.iter().map(|c| c.bone_node.as_ref().map(|b| b.element.typed_id as usize)).collect();
    let Some(mut joints) = joints else { return unfit("a skin cluster has no bone") };
    if joints.len() >= usize::from(u16::MAX) {
        return unfit("the skin has more than 65535 bones");
    }
    let mut inverse_bind: Vec<_> = deformer.clusters.iter().map(|c| matrix(&c.geometry_to_bone)).collect();
    // Vertices no bone weighs follow the mesh's own node, as in FBX: one more joint, that node.
    let rigid_joint = joints.len() as u16;
    let mut vertex_joints = Vec::with_capacity(fbx_vertex.len());
    let mut vertex_weights = Vec::with_capacity(fbx_vertex.len());
    for &vertex in fbx_vertex {
        let weights = deformer.vertices.get(vertex as usize).and_then(|v| {
            let begin = v.weight_begin as usize;
            deformer.weights.get(begin..begin + v.num_weights as usize)
        });
        let Some(weights) = weights else { return unfit("its skin weights do not match the vertices") };
        let mut strongest: Vec<(u16, f32)> = weights
            .iter()
            .filter(|w| (w.cluster_index as usize) < joints.len() && w.weight.is_finite() && w.weight > 0.0)
            .map(|w| (w.cluster_index as u16, w.weight as f32))
            .collect();
        strongest.sort_by(|a, b| b.1.total_cmp(&a.1));
        strongest.truncate(4);
        if strongest.is_empty() {
            strongest.push((rigid_joint, 1.0));
        }
        let total: f32 = strongest.iter().map(|w| w.1).sum();
        let (mut slots, mut amounts) = ([0u16; 4], [0.0f32; 4]);
        for (slot, (joint, weight)) in strongest.into_iter().enumerate() {
            slots[slot] = joint;
            amounts[slot] = weight / total;
        }
        vertex_joints.push(slots);
        vertex_weights.push(amounts);
    }
    if vertex_joints.iter().flatten().any(|&j| j == rigid_joint) {
        joints.push(node.element.typed_id as usize);
        inverse_bind.push(matrix(&node.geometry_to_node));
    }
    Some(Skin { joints, inverse_bind, vertex_joints, vertex_weights })
}

fn quat(q: ufbx::Quat) -> Quat {
    Quat::from_xyzw(q.x as f32, q.y as f32, q.z as f32, q.w as f32).normalize()
}
