//! Reading glTF animations into [`Clip`]s and the node tree into a [`Rig`]'s nodes; malformed
//! channels (NaN or decreasing times, wrong value counts) are skipped with a warning.

use glam::{Quat, Vec3};
use gltf::animation::util::ReadOutputs;

use anyhow::Result;

use crate::scene::anim::{Channel, Clip, Interpolation, Property, RigNode};
use crate::scene::budget::Budget;

/// Every node with its parent and rest transform, indexed like the document's nodes.
pub fn rig_nodes(document: &gltf::Gltf) -> Vec<RigNode> {
    let mut parents = vec![None; document.nodes().len()];
    for node in document.nodes() {
        for child in node.children() {
            parents[child.index()] = Some(node.index());
        }
    }
    document
        .nodes()
        .map(|node| {
            let (t, r, s) = node.transform().decomposed();
            RigNode {
                parent: parents[node.index()],
                translation: Vec3::from(t),
                rotation: Quat::from_array(r).normalize(),
                scale: Vec3::from(s),
            }
        })
        .collect()
}

/// The document's clips, with the problems found in them; their keyframes count against the
/// memory budget.
pub fn clips(
    document: &gltf::Gltf,
    buffers: &[Vec<u8>],
    budget: &mut Budget,
    warnings: &mut Vec<String>,
) -> Result<Vec<Clip>> {
    let mut skipped_weights = false;
    let clips = document
        .animations()
        .map(|animation| {
            let name =
                animation.name().map(str::to_string).unwrap_or_else(|| format!("animation #{}", animation.index()));
            let mut channels = Vec::new();
            for channel in animation.channels() {
                let sampler = channel.sampler();
                let keys = sampler.input().count() as u64;
                let values = sampler.output().count() as u64 * sampler.output().size() as u64;
                budget.reserve(|| format!("animation '{name}': a sampler's keyframes"), keys * 4 + values, 1)?;
                let reader = channel.reader(|b| buffers.get(b.index()).map(Vec::as_slice));
                let (Some(inputs), Some(outputs)) = (reader.read_inputs(), reader.read_outputs()) else {
                    warnings.push(format!("animation '{name}': a channel without keyframes was skipped"));
                    continue;
                };
                let (property, values): (Property, Vec<f32>) = match outputs {
                    ReadOutputs::Translations(v) => (Property::Translation, v.flatten().collect()),
                    ReadOutputs::Rotations(v) => (Property::Rotation, v.into_f32().flatten().collect()),
                    ReadOutputs::Scales(v) => (Property::Scale, v.flatten().collect()),
                    ReadOutputs::MorphTargetWeights(v) => {
                        let targets = channel
                            .target()
                            .node()
                            .mesh()
                            .map_or(0, |m| m.primitives().next().map_or(0, |p| p.morph_targets().len()));
                        if targets == 0 {
                            skipped_weights = true;
                            continue;
                        }
                        (Property::Weights(targets), v.into_f32().collect())
                    }
                };
                let interpolation = match channel.sampler().interpolation() {
                    gltf::animation::Interpolation::Linear => Interpolation::Linear,
                    gltf::animation::Interpolation::Step => Interpolation::Step,
                    gltf::animation::Interpolation::CubicSpline => Interpolation::CubicSpline,
                };
                let times: Vec<f32> = inputs.collect();
                let per_key = property.width() * interpolation.parts_per_key();
                let ordered = times.windows(2).all(|w| w[0] <= w[1]);
                if times.is_empty()
                    || !ordered
                    || times.iter().chain(&values).any(|v| !v.is_finite())
                    || values.len() != times.len() * per_key
                {
                    warnings.push(format!(
                        "animation '{name}': a channel with non-finite, decreasing or mismatched keyframes was skipped"
                    ));
                    continue;
                }
                channels.push(Channel {
                    node: channel.target().node().index(),
                    property,
                    interpolation,
                    times,
                    values,
                });
            }
            let duration = channels.iter().filter_map(|c| c.times.last().copied()).fold(0.0f32, f32::max);
            Ok(Clip { name, duration, channels })
        })
        .collect::<Result<Vec<_>>>()?;
    if skipped_weights {
        warnings.push("weight animation of a mesh without morph targets was skipped".into());
    }
    Ok(clips)
}
