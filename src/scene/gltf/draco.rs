//! `KHR_draco_mesh_compression`: primitives whose attributes and indices are stored as one Draco
//! bitstream. Each is decoded with `draco-core` (a pure-Rust Draco decoder that matches Google's
//! C++ one bit for bit, so no C++ Draco build is needed) and written out as ordinary buffers: one
//! new buffer per primitive, a view per accessor, the values in the accessor's own component
//! type. The document is changed before it is validated, so the rest of the loader — vertices,
//! skins, bounds — reads a plain glTF file.
//!
//! The decoder's output is limited to what is left of the model's memory budget; counts that do
//! not match the accessors the primitive declares are refused by name.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use anyhow::{Context, Result};
use gltf::json::accessor::{ComponentType, GenericComponentType, Type};
use gltf::json::validation::Checked;
use gltf::json::{buffer, Index};
use serde::Deserialize;

use super::buffers::read_uri;
use crate::error::Problem;
use crate::scene::budget::Budget;
use crate::scene::files::ModelFiles;

/// The extension's name.
pub const EXTENSION: &str = "KHR_draco_mesh_compression";

/// A primitive's compression, as the extension's JSON gives it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Compressed {
    buffer_view: usize,
    attributes: HashMap<String, u32>,
}

/// What decoding left for loading the buffers.
pub struct Decoded {
    /// The decoded primitives' buffers, appended to the document's buffers (in this order).
    pub buffers: Vec<Vec<u8>>,
    /// The file buffers (by index) read for their compressed streams, already counted against
    /// the budget: they are not read a second time.
    pub read: HashMap<usize, Vec<u8>>,
}

/// Decodes every Draco primitive of `json` into new buffers and points its accessors at them.
/// `blob` is the GLB's binary chunk; `files` gives the buffers named by URI.
pub fn decompress(
    json: &mut gltf::json::Root,
    blob: Option<&[u8]>,
    files: &mut dyn ModelFiles,
    budget: &mut Budget,
) -> Result<Decoded> {
    let mut read: HashMap<usize, Vec<u8>> = HashMap::new();
    let mut decoded = Vec::new();
    for mesh_index in 0..json.meshes.len() {
        for primitive_index in 0..json.meshes[mesh_index].primitives.len() {
            let primitive = &json.meshes[mesh_index].primitives[primitive_index];
            let Some(extension) = primitive.extensions.as_ref().and_then(|e| e.others.get(EXTENSION)) else {
                continue;
            };
            let label = format!("mesh {mesh_index} primitive {primitive_index} ({EXTENSION})");
            let compressed: Compressed =
                serde_json::from_value(extension.clone()).map_err(|e| Problem::input(format!("{label}: {e}")))?;
            let stream = compressed_bytes(json, compressed.buffer_view, blob, files, budget, &mut read)
                .with_context(|| label.clone())?;
            let mesh = decode(stream, budget).map_err(|e| Problem::input(format!("{label}: {e}")))?;
            let buffer = write_accessors(json, mesh_index, primitive_index, &compressed, &mesh, decoded.len())
                .map_err(|e| Problem::input(format!("{label}: {e}")))?;
            budget.reserve(|| label.clone(), buffer.len() as u64, 1)?;
            decoded.push(buffer);
        }
    }
    Ok(Decoded { buffers: decoded, read })
}

/// The compressed stream a buffer view holds: a slice of the GLB's chunk, or of a file buffer
/// read once (and kept in `read` for other views and for loading the buffers).
fn compressed_bytes<'a>(
    json: &gltf::json::Root,
    view: usize,
    blob: Option<&'a [u8]>,
    files: &mut dyn ModelFiles,
    budget: &mut Budget,
    read: &'a mut HashMap<usize, Vec<u8>>,
) -> Result<&'a [u8]> {
    let view =
        json.buffer_views.get(view).ok_or_else(|| Problem::input(format!("buffer view {view} does not exist")))?;
    let buffer_index = view.buffer.value();
    let buffer = json
        .buffers
        .get(buffer_index)
        .ok_or_else(|| Problem::input(format!("buffer {buffer_index} does not exist")))?;
    let bytes: &[u8] = match (&buffer.uri, blob) {
        (Some(uri), _) => match read.entry(buffer_index) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let bytes = read_uri(uri, files)?;
                budget.reserve(|| format!("buffer {buffer_index}"), bytes.len() as u64, 1)?;
                entry.insert(bytes)
            }
        },
        (None, Some(blob)) if buffer_index == 0 => blob,
        (None, _) => return Err(Problem::input(format!("buffer {buffer_index} has no data")).into()),
    };
    let offset = view.byte_offset.map_or(0, |o| o.0 as usize);
    let length = view.byte_length.0 as usize;
    bytes
        .get(offset..offset.saturating_add(length))
        .ok_or_else(|| Problem::input(format!("its buffer view lies outside buffer {buffer_index}")).into())
}

/// Decodes a Draco mesh, its output bounded by the budget.
fn decode(stream: &[u8], budget: &Budget) -> Result<draco_core::Mesh, String> {
    let limits = draco_core::DecodeLimits::default().with_max_decoded_bytes(budget.left());
    let mut buffer = draco_core::DecoderBuffer::new(stream).with_limits(limits);
    let mut mesh = draco_core::Mesh::new();
    draco_core::MeshDecoder::new()
        .decode(&mut buffer, &mut mesh)
        .map_err(|e| format!("the Draco data cannot be decoded ({e})"))?;
    Ok(mesh)
}

/// Writes the decoded attributes and indices in the accessors' types into one buffer (views
/// aligned to 4 bytes), adds it and its views to the document and points the accessors at them.
/// `decoded_before` is the number of buffers decoded so far (they follow the document's own).
fn write_accessors(
    json: &mut gltf::json::Root,
    mesh_index: usize,
    primitive_index: usize,
    compressed: &Compressed,
    mesh: &draco_core::Mesh,
    decoded_before: usize,
) -> Result<Vec<u8>, String> {
    let primitive = &json.meshes[mesh_index].primitives[primitive_index];
    let points = mesh.num_points();
    let mut regions: Vec<(usize, Vec<u8>)> = Vec::new();
    for (semantic, accessor) in &primitive.attributes {
        let Checked::Valid(semantic) = semantic else { continue };
        let name = semantic.to_string();
        let index = accessor.value();
        let declared = json.accessors.get(index).ok_or_else(|| format!("accessor {index} does not exist"))?;
        let attribute =
            match compressed.attributes.get(&name) {
                Some(&unique_id) => Some(mesh.attribute_by_unique_id(unique_id).ok_or_else(|| {
                    format!("{name} names Draco attribute {unique_id}, which the stream does not hold")
                })?),
                // An attribute outside the stream with no data of its own is zeros (glTF §3.6.2.1).
                None if declared.buffer_view.is_none() && declared.sparse.is_none() => None,
                None => continue,
            };
        let (components, component_type) = fit(declared, points, &format!("accessor {index} ({name})"), "elements")?;
        let region = match attribute {
            Some(attribute) => {
                let from_float = attribute.data_type() == draco_core::DataType::Float32;
                let values: Vec<f64> = attribute.read_f32s(points, components).into_iter().map(f64::from).collect();
                encode(&values, component_type, declared.normalized && from_float)
            }
            None => encode(&vec![0.0; points * components], component_type, false),
        };
        regions.push((index, region));
    }
    if let Some(indices) = primitive.indices {
        let index = indices.value();
        let declared = json.accessors.get(index).ok_or_else(|| format!("accessor {index} does not exist"))?;
        let (_, component_type) = fit(declared, mesh.num_faces() * 3, &format!("index accessor {index}"), "indices")?;
        let faces = (0..mesh.num_faces()).flat_map(|f| mesh.face(draco_core::FaceIndex(f as u32)));
        let values: Vec<f64> = faces.map(|p| f64::from(p.0)).collect();
        regions.push((index, encode(&values, component_type, false)));
    }
    let buffer_index = json.buffers.len();
    let mut bytes = Vec::new();
    for (accessor, region) in regions {
        let view = Index::new(json.buffer_views.len() as u32);
        json.buffer_views.push(buffer::View {
            buffer: Index::new(buffer_index as u32),
            byte_length: region.len().into(),
            byte_offset: Some(bytes.len().into()),
            byte_stride: None,
            name: None,
            target: None,
            extensions: None,
            extras: Default::default(),
        });
        bytes.extend_from_slice(&region);
        bytes.resize(bytes.len().next_multiple_of(4), 0);
        let accessor = &mut json.accessors[accessor];
        accessor.buffer_view = Some(view);
        accessor.byte_offset = None;
        accessor.sparse = None;
    }
    json.buffers.push(gltf::json::Buffer {
        byte_length: bytes.len().into(),
        name: Some(format!("decoded Draco #{decoded_before}")),
        uri: None,
        extensions: None,
        extras: Default::default(),
    });
    Ok(bytes)
}

/// The component count and type of an accessor (`what`, for messages) that must hold `expected`
/// elements (`unit`: `elements`, `indices`) of the decoded data.
fn fit(
    accessor: &gltf::json::Accessor,
    expected: usize,
    what: &str,
    unit: &str,
) -> Result<(usize, ComponentType), String> {
    if accessor.count.0 as usize != expected {
        return Err(format!("{what} declares {} {unit}; the Draco data has {expected}", accessor.count.0));
    }
    shape(accessor).ok_or_else(|| format!("{what} has an invalid type"))
}

/// An accessor's component count and type, when both are valid.
fn shape(accessor: &gltf::json::Accessor) -> Option<(usize, ComponentType)> {
    let components = match accessor.type_ {
        Checked::Valid(Type::Scalar) => 1,
        Checked::Valid(Type::Vec2) => 2,
        Checked::Valid(Type::Vec3) => 3,
        Checked::Valid(Type::Vec4) => 4,
        _ => return None,
    };
    match accessor.component_type {
        Checked::Valid(GenericComponentType(component_type)) => Some((components, component_type)),
        Checked::Invalid => None,
    }
}

/// Values as little-endian components of `component_type`; `normalize` scales floats in [0, 1]
/// (or [−1, 1]) to the integer range, as a normalised accessor stores them.
fn encode(values: &[f64], component_type: ComponentType, normalize: bool) -> Vec<u8> {
    fn integer<const N: usize>(
        value: f64,
        normalize: bool,
        min: f64,
        max: f64,
        to_bytes: impl Fn(f64) -> [u8; N],
    ) -> [u8; N] {
        let value = if normalize { value * max } else { value };
        to_bytes(value.round().clamp(min, max))
    }
    let mut bytes = Vec::with_capacity(values.len() * 4);
    for &v in values {
        match component_type {
            ComponentType::F32 => bytes.extend((v as f32).to_le_bytes()),
            ComponentType::I8 => bytes.extend(integer(v, normalize, -128.0, 127.0, |x| (x as i8).to_le_bytes())),
            ComponentType::U8 => bytes.extend(integer(v, normalize, 0.0, 255.0, |x| (x as u8).to_le_bytes())),
            ComponentType::I16 => bytes.extend(integer(v, normalize, -32768.0, 32767.0, |x| (x as i16).to_le_bytes())),
            ComponentType::U16 => bytes.extend(integer(v, normalize, 0.0, 65535.0, |x| (x as u16).to_le_bytes())),
            ComponentType::U32 => {
                bytes.extend(integer(v, normalize, 0.0, u32::MAX as f64, |x| (x as u32).to_le_bytes()))
            }
        }
    }
    bytes
}
