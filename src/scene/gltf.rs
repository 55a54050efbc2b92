//! glTF 2.0 loader (`.gltf` JSON with external or embedded buffers, `.glb` binary).
//!
//! The `gltf` crate parses and validates the document; this module checks what it does not
//! (GLB framing, buffer and accessor ranges, URIs escaping the model folder, node cycles), so
//! malformed files get a clear error instead of a panic or a huge allocation.

mod buffers;
mod clips;
mod draco;
mod glb;
mod meshopt;
mod quantized;

pub use buffers::resolve_relative_uri;

use std::collections::HashMap;

use anyhow::{bail, Result};
use glam::{Mat3, Mat4, Vec2, Vec3};
use gltf::accessor::{DataType, Dimensions};
use gltf::mesh::Mode;
use gltf::Semantic;

use super::anim::{Morph, Rig, RigInstance, Skin};
use super::budget::Budget;
use super::files::ModelFiles;
use super::geometry::{flips_winding, repair_normals, transform_vertices};
use super::sniff::{Content, Head, Recognised};
use super::textures::decode_texture;
use super::{
    AlphaMode, AnimationInfo, FileCamera, FileProjection, Filter, LoadContext, Material, Mesh, RawScene, Sampler,
    Texture, TextureSlot, Vertex, Wrap,
};
use crate::error::Problem;

/// Extensions holoforge reads that the `gltf` crate does not know.
const READ_EXTENSIONS: &[&str] = &[
    "EXT_meshopt_compression",
    "KHR_meshopt_compression",
    "KHR_mesh_quantization",
    draco::EXTENSION,
    WEBP_EXTENSION,
    BASISU_EXTENSION,
];
/// Textures whose image is (also) a WebP file.
const WEBP_EXTENSION: &str = "EXT_texture_webp";
/// Textures whose image is (also) a KTX2 file with a Basis Universal payload.
const BASISU_EXTENSION: &str = "KHR_texture_basisu";

/// Recognises GLB by its magic and glTF JSON by its opening brace.
pub fn recognise(head: &Head) -> Result<Recognised, Problem> {
    Ok(match head.content {
        Some(Content::Glb) => Recognised::Is("glb"),
        Some(Content::Json) => Recognised::Is("gltf"),
        _ => Recognised::Not,
    })
}

/// Loads a glTF or GLB file (the content decides, not the extension).
pub fn load(context: &mut LoadContext, bytes: &[u8]) -> Result<RawScene> {
    let path = context.path;
    let is_glb = bytes.starts_with(b"glTF");
    if is_glb {
        glb::check_framing(bytes)?;
    }
    let json_bytes = if is_glb { bytes } else { super::sniff::strip_bom(bytes) };
    // Extension names are checked on the unvalidated document first, so a file that requires an
    // unsupported one is refused by name rather than by the validation errors it causes.
    let unvalidated = gltf::Gltf::from_slice_without_validation(json_bytes).map_err(describe_gltf_error)?;
    check_asset_version(&unvalidated)?;
    refuse_unsupported_extensions(&unvalidated)?;
    // Draco primitives are decoded into plain buffers, then the document already parsed is
    // validated (the JSON is read once).
    let gltf::Gltf { document, blob } = unvalidated;
    let mut json = document.into_json();
    // The `gltf` crate refuses required extensions it does not know, even those read here.
    json.extensions_required.retain(|name| !READ_EXTENSIONS.contains(&name.as_str()));
    let decoded = draco::decompress(&mut json, blob.as_deref(), context.files, &mut context.budget)?;
    prefer_extension_sources(&mut json);
    let document = gltf::Document::from_json(json).map_err(describe_gltf_error)?;
    let document = gltf::Gltf { document, blob };
    check_unbacked_accessors(&document, &context.budget)?;
    let mut buffers = buffers::load_all(&document, decoded, context.files, &mut context.budget)?;
    meshopt::decompress(&document, &mut buffers, &mut context.budget)?;
    buffers::check_ranges(&document, &buffers)?;

    let mut warnings = Vec::new();
    if !is_glb && bytes.starts_with(b"\xef\xbb\xbf") {
        warnings.push("the JSON starts with a UTF-8 byte-order mark, which glTF forbids; ignored it".into());
    }
    if !is_glb && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("glb")) {
        warnings.push("the file is glTF JSON although it is named .glb; loaded it as JSON".into());
    }
    if is_glb && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gltf")) {
        warnings.push("the file is binary glTF (GLB) although it is named .gltf; loaded it as GLB".into());
    }
    let mut builder = SceneBuilder::new(&document, &buffers, context.files, &mut context.budget, warnings);
    builder.animated = document.animations().len() > 0;
    builder.walk_default_scene()?;
    let animations = animation_infos(&document, &buffers);
    let rig = if builder.animated {
        let clips = clips::clips(&document, &buffers, builder.budget, &mut builder.warnings)?;
        Some(Rig { nodes: clips::rig_nodes(&document), instances: builder.instances, clips, root: Mat4::IDENTITY })
    } else {
        None
    };
    Ok(RawScene {
        meshes: builder.meshes,
        materials: builder.materials,
        textures: builder.textures,
        animations,
        cameras: builder.cameras,
        rig,
        warnings: builder.warnings,
    })
}

/// Accessors without a bufferView are zeros (plus sparse substitutes) that no bytes of the file
/// back: refuse counts the memory budget cannot hold before anything iterates over them.
fn check_unbacked_accessors(document: &gltf::Gltf, budget: &Budget) -> Result<()> {
    for accessor in document.accessors().filter(|a| a.view().is_none()) {
        budget.check(
            || format!("accessor {} (no bufferView)", accessor.index()),
            accessor.count() as u64,
            accessor.size() as u64,
        )?;
    }
    Ok(())
}

fn describe_gltf_error(error: gltf::Error) -> anyhow::Error {
    match error {
        gltf::Error::Validation(errors) => {
            let listed: Vec<String> = errors.iter().take(5).map(|(p, e)| format!("{p}: {e}")).collect();
            let more = if errors.len() > 5 { format!(" (and {} more)", errors.len() - 5) } else { String::new() };
            // The gltf crate's checks are stricter than the specification in places, so this does
            // not say "invalid": the Khronos validator may accept the file.
            Problem::input(format!("holoforge's glTF reader cannot use this file: {}{more}", listed.join("; ")))
                .with_hint("if the Khronos glTF Validator accepts the file, please report it; re-exporting it may help")
                .into()
        }
        gltf::Error::Deserialize(e) => {
            Problem::input(format!("the glTF JSON does not parse: {}", short_json_error(&e))).into()
        }
        gltf::Error::Binary(e) => Problem::input(format!("invalid GLB container: {e}")).into(),
        other => Problem::input(format!("cannot read glTF: {other}")).into(),
    }
}

/// serde_json's message, which quotes no input but can name a long field; cut to stay short.
fn short_json_error(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    match text.char_indices().nth(160) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

fn check_asset_version(document: &gltf::Gltf) -> Result<()> {
    let version = &document.as_json().asset.version;
    if !version.starts_with("2.") {
        bail!(Problem::input(format!("glTF version {version} is not supported; holoforge reads glTF 2.0"))
            .with_hint("convert the file to glTF 2.0 (e.g. with Blender or gltf-pipeline)"));
    }
    Ok(())
}

/// Points each texture with an `EXT_texture_webp` or `KHR_texture_basisu` image at it: that image
/// is the texture's (its own `source`, if any, is a fallback for viewers without the extension).
/// WebP is preferred when a texture offers both: it is the less lossy of the two.
fn prefer_extension_sources(json: &mut gltf::json::Root) {
    let image_count = json.images.len();
    for texture in &mut json.textures {
        let Some(extensions) = texture.extensions.as_ref() else { continue };
        let source = [WEBP_EXTENSION, BASISU_EXTENSION]
            .iter()
            .filter_map(|name| extensions.others.get(*name)?.get("source")?.as_u64())
            .find(|&s| (s as usize) < image_count);
        if let Some(source) = source {
            texture.source = gltf::json::Index::new(source as u32);
        }
    }
}

/// Refuses a file that requires an extension holoforge cannot honour, naming them all.
fn refuse_unsupported_extensions(document: &gltf::Gltf) -> Result<()> {
    let unsupported: Vec<&str> = document
        .extensions_required()
        .filter(|name| !gltf::json::extensions::ENABLED_EXTENSIONS.contains(name) && !READ_EXTENSIONS.contains(name))
        .collect();
    if !unsupported.is_empty() {
        bail!(Problem::input(format!(
            "requires glTF extension(s) holoforge does not support: {}",
            unsupported.join(", ")
        ))
        .with_hint("re-export the model without them"));
    }
    Ok(())
}

/// Walks the node tree of the default scene and collects baked meshes, materials and textures.
struct SceneBuilder<'a, 'f> {
    document: &'a gltf::Gltf,
    buffers: &'a [Vec<u8>],
    files: &'f mut dyn ModelFiles,
    budget: &'f mut Budget,
    meshes: Vec<Mesh>,
    materials: Vec<Material>,
    textures: Vec<Texture>,
    cameras: Vec<FileCamera>,
    warnings: Vec<String>,
    /// Whether the file has animations (then mesh-local vertices are kept for posing).
    animated: bool,
    /// Meshes placed by nodes, in node space, for posing.
    instances: Vec<RigInstance>,
    /// glTF material index (None = default material) → index in `materials`.
    material_map: HashMap<Option<usize>, usize>,
    /// glTF image index → decoded texture index (None when decoding failed).
    image_map: HashMap<usize, Option<usize>>,
    skipped_non_triangle: usize,
}

impl<'a, 'f> SceneBuilder<'a, 'f> {
    fn new(
        document: &'a gltf::Gltf,
        buffers: &'a [Vec<u8>],
        files: &'f mut dyn ModelFiles,
        budget: &'f mut Budget,
        warnings: Vec<String>,
    ) -> Self {
        Self {
            document,
            buffers,
            files,
            budget,
            meshes: Vec::new(),
            materials: Vec::new(),
            textures: Vec::new(),
            cameras: Vec::new(),
            warnings,
            animated: false,
            instances: Vec::new(),
            material_map: HashMap::new(),
            image_map: HashMap::new(),
            skipped_non_triangle: 0,
        }
    }

    fn walk_default_scene(&mut self) -> Result<()> {
        let scene = self
            .document
            .default_scene()
            .or_else(|| self.document.scenes().next())
            .ok_or_else(|| Problem::input("the glTF file has no scene, so there is nothing to render"))?;
        let node_count = self.document.nodes().len();
        let mut visited = vec![false; node_count];
        let mut stack: Vec<(gltf::Node<'a>, Mat4)> = scene.nodes().map(|n| (n, Mat4::IDENTITY)).collect::<Vec<_>>();
        stack.reverse();
        while let Some((node, parent)) = stack.pop() {
            if std::mem::replace(&mut visited[node.index()], true) {
                bail!(Problem::input(format!(
                    "node {} is reached twice in the scene tree (a cycle, or a node with two parents); glTF requires a tree",
                    node.index()
                )));
            }
            let world = parent * Mat4::from_cols_array_2d(&node.transform().matrix());
            if let Some(mesh) = node.mesh() {
                self.add_mesh(&mesh, &node, world)?;
            }
            if let Some(camera) = node.camera() {
                self.add_camera(&camera, &node, world);
            }
            let mut children: Vec<_> = node.children().map(|c| (c, world)).collect();
            children.reverse();
            stack.extend(children);
        }
        if self.skipped_non_triangle > 0 {
            self.warnings.push(format!(
                "skipped {} point/line primitive(s): only triangles are rendered",
                self.skipped_non_triangle
            ));
        }
        Ok(())
    }

    fn add_camera(&mut self, camera: &gltf::Camera<'a>, node: &gltf::Node<'a>, world: Mat4) {
        let name = camera
            .name()
            .or(node.name())
            .map(str::to_string)
            .unwrap_or_else(|| format!("camera{}", self.cameras.len()));
        let forward = world.transform_vector3(Vec3::NEG_Z).normalize_or_zero();
        let up = world.transform_vector3(Vec3::Y).normalize_or_zero();
        if forward == Vec3::ZERO || up == Vec3::ZERO {
            self.warnings.push(format!("camera '{name}' has a degenerate transform; ignored"));
            return;
        }
        let projection = match camera.projection() {
            gltf::camera::Projection::Perspective(p) => FileProjection::Perspective { yfov_deg: p.yfov().to_degrees() },
            gltf::camera::Projection::Orthographic(o) => FileProjection::Orthographic { ymag: o.ymag() },
        };
        self.cameras.push(FileCamera {
            name,
            eye: world.transform_point3(Vec3::ZERO).into(),
            forward: forward.into(),
            up: up.into(),
            projection,
        });
    }

    fn add_mesh(&mut self, mesh: &gltf::Mesh<'a>, node: &gltf::Node<'a>, world: Mat4) -> Result<()> {
        let name = mesh.name().map(str::to_string).unwrap_or_else(|| format!("mesh #{}", mesh.index()));
        for primitive in mesh.primitives() {
            let mode = primitive.mode();
            if !matches!(mode, Mode::Triangles | Mode::TriangleStrip | Mode::TriangleFan) {
                self.skipped_non_triangle += 1;
                continue;
            }
            let material = self.material_index(&primitive.material())?;
            let uv_transform = self.uv_transform(&primitive.material());
            let Some(mut vertices) = self.read_vertices(&primitive, uv_transform)? else {
                self.warnings.push(format!("{name}: a primitive without POSITION was skipped"));
                continue;
            };
            if let Some(accessor) = primitive.indices() {
                if !accessor_fits(&accessor, &[Dimensions::Scalar], &[DataType::U8, DataType::U16, DataType::U32]) {
                    bail!(Problem::input(format!(
                        "index accessor {} is {:?} {:?}; glTF requires unsigned SCALAR indices with at least one element",
                        accessor.index(),
                        accessor.dimensions(),
                        accessor.data_type()
                    )));
                }
            }
            let index_count = primitive.indices().map_or(vertices.len(), |a| a.count()) as u64;
            // The indices as read, and as triangles (strips and fans up to three times as many).
            self.budget.reserve(|| format!("{name}: the index accessor"), index_count, 16)?;
            let reader = primitive.reader(|b| self.buffers.get(b.index()).map(Vec::as_slice));
            let raw_indices: Vec<u32> = match reader.read_indices() {
                Some(indices) => indices.into_u32().collect(),
                None => (0..vertices.len() as u32).collect(),
            };
            if mode == Mode::Triangles && !raw_indices.len().is_multiple_of(3) {
                self.warnings.push(format!(
                    "{name}: {} indices is not a multiple of 3; ignored the trailing {}",
                    raw_indices.len(),
                    raw_indices.len() % 3
                ));
            }
            let mut indices = triangulate(mode, &raw_indices);
            let bad = drop_out_of_range(&mut indices, vertices.len());
            if bad > 0 {
                self.warnings.push(format!("{name}: dropped {bad} triangle(s) with indices past the vertex count"));
            }
            if indices.is_empty() {
                continue;
            }
            if self.animated {
                let mut local =
                    Mesh { name: String::new(), material, vertices: vertices.clone(), indices: indices.clone() };
                repair_normals(&mut local);
                let skin = node.skin().and_then(|skin| self.read_skin(&skin, &primitive, local.vertices.len()));
                let morph = self.read_morph(mesh, &primitive, local.vertices.len())?;
                self.instances.push(RigInstance {
                    mesh: self.meshes.len(),
                    node: node.index(),
                    local: local.vertices,
                    skin,
                    morph,
                });
            }
            transform_vertices(&mut vertices, world);
            if flips_winding(world) {
                for tri in indices.chunks_exact_mut(3) {
                    tri.swap(1, 2);
                }
            }
            self.meshes.push(Mesh { name: name.clone(), material, vertices, indices });
        }
        Ok(())
    }

    /// Position offsets of each morph target and the mesh's default weights.
    fn read_morph(
        &mut self,
        mesh: &gltf::Mesh<'a>,
        primitive: &gltf::Primitive<'a>,
        vertex_count: usize,
    ) -> Result<Option<Morph>> {
        let targets = primitive.morph_targets().len() as u64;
        self.budget.reserve(
            || format!("mesh {}: morph targets", mesh.index()),
            targets.saturating_mul(vertex_count as u64),
            12,
        )?;
        let matching = primitive
            .morph_targets()
            .all(|t| t.positions().is_none_or(|a| a.count() == vertex_count && quantized::fits::<3>(&a)));
        if !matching {
            self.warnings.push(format!("mesh {}: morph targets do not match the vertices; not morphed", mesh.index()));
            return Ok(None);
        }
        let position_deltas: Vec<Vec<[f32; 3]>> = primitive
            .morph_targets()
            .map(|target| match target.positions() {
                Some(accessor) => quantized::read_floats::<3>(&accessor, self.buffers).unwrap_or_default(),
                None => vec![[0.0; 3]; vertex_count],
            })
            .collect();
        if position_deltas.is_empty() {
            return Ok(None);
        }
        if position_deltas.iter().any(|d| d.len() != vertex_count || d.iter().flatten().any(|v| !v.is_finite())) {
            self.warnings.push(format!("mesh {}: morph targets do not match the vertices; not morphed", mesh.index()));
            return Ok(None);
        }
        let mut default_weights = mesh.weights().map(<[f32]>::to_vec).unwrap_or_default();
        default_weights.resize(position_deltas.len(), 0.0);
        Ok(Some(Morph { position_deltas, default_weights }))
    }

    /// Joints, inverse bind matrices and per-vertex joints/weights; None (with a warning) when inconsistent.
    fn read_skin(
        &mut self,
        skin: &gltf::Skin<'a>,
        primitive: &gltf::Primitive<'a>,
        vertex_count: usize,
    ) -> Option<Skin> {
        let declared = skin.inverse_bind_matrices().map_or(0, |a| a.count()) as u64 * 64 + vertex_count as u64 * 24;
        if self.budget.reserve(|| format!("skin {}", skin.index()), declared, 1).is_err() {
            self.warnings.push(format!("skin {}: its data exceeds the memory budget; not skinned", skin.index()));
            return None;
        }
        let joints: Vec<usize> = skin.joints().map(|j| j.index()).collect();
        let skin_reader = skin.reader(|b| self.buffers.get(b.index()).map(Vec::as_slice));
        let inverse_bind: Vec<Mat4> = match skin_reader.read_inverse_bind_matrices() {
            Some(matrices) => matrices.map(|m| Mat4::from_cols_array_2d(&m)).collect(),
            None => vec![Mat4::IDENTITY; joints.len()],
        };
        let reader = primitive.reader(|b| self.buffers.get(b.index()).map(Vec::as_slice));
        let vertex_joints: Vec<[u16; 4]> = reader.read_joints(0).map(|j| j.into_u16().collect()).unwrap_or_default();
        let vertex_weights: Vec<[f32; 4]> = reader.read_weights(0).map(|w| w.into_f32().collect()).unwrap_or_default();
        let consistent = inverse_bind.len() == joints.len()
            && vertex_joints.len() == vertex_count
            && vertex_weights.len() == vertex_count
            && vertex_joints.iter().flatten().all(|&j| (j as usize) < joints.len())
            && inverse_bind.iter().all(|m| m.is_finite());
        if !consistent {
            self.warnings.push(format!(
                "skin {}: joints, weights or inverse bind matrices do not match; not skinned",
                skin.index()
            ));
            return None;
        }
        Some(Skin { joints, inverse_bind, vertex_joints, vertex_weights })
    }

    fn read_vertices(&mut self, primitive: &gltf::Primitive<'a>, uv_transform: Mat3) -> Result<Option<Vec<Vertex>>> {
        let Some(position_accessor) = primitive.get(&Semantic::Positions) else {
            return Ok(None);
        };
        if !quantized::fits::<3>(&position_accessor) {
            bail!(Problem::input(format!(
                "POSITION accessor {} is {:?} {:?}; glTF requires VEC3 float (or 8/16-bit integers with KHR_mesh_quantization)",
                position_accessor.index(),
                position_accessor.dimensions(),
                position_accessor.data_type()
            )));
        }
        let optional = |semantic: Semantic, dimensions: &[Dimensions], types: &[DataType]| {
            primitive.get(&semantic).is_none_or(|a| accessor_fits(&a, dimensions, types))
        };
        let normals_ok = primitive.get(&Semantic::Normals).is_none_or(|a| quantized::fits::<3>(&a));
        let uvs_ok = primitive.get(&Semantic::TexCoords(0)).is_none_or(|a| quantized::fits::<2>(&a));
        let colors_ok = optional(
            Semantic::Colors(0),
            &[Dimensions::Vec3, Dimensions::Vec4],
            &[DataType::F32, DataType::U8, DataType::U16],
        );
        if !(normals_ok && uvs_ok && colors_ok) {
            return Err(Problem::input(format!(
                "primitive {} has a NORMAL, TEXCOORD_0 or COLOR_0 accessor of the wrong type or with no elements",
                primitive.index()
            ))
            .into());
        }
        // Each vertex in world space, and for animated files once more in its node's space.
        let copies = if self.animated { 3 } else { 1 };
        self.budget.reserve(
            || format!("POSITION accessor {}", position_accessor.index()),
            position_accessor.count() as u64,
            copies * std::mem::size_of::<Vertex>() as u64,
        )?;
        let reader = primitive.reader(|b| self.buffers.get(b.index()).map(Vec::as_slice));
        let Some(positions) = quantized::read_floats::<3>(&position_accessor, self.buffers) else {
            return Ok(None);
        };
        let mut vertices: Vec<Vertex> = positions
            .into_iter()
            .map(|p| Vertex { position: p, normal: [0.0; 3], uv: [0.0; 2], color: [1.0; 4] })
            .collect();
        let attribute = |semantic| primitive.get(&semantic);
        if let Some(normals) = attribute(Semantic::Normals).and_then(|a| quantized::read_floats::<3>(&a, self.buffers))
        {
            for (v, n) in vertices.iter_mut().zip(normals) {
                v.normal = n;
            }
        }
        if let Some(uvs) = attribute(Semantic::TexCoords(0)).and_then(|a| quantized::read_floats::<2>(&a, self.buffers))
        {
            for (v, uv) in vertices.iter_mut().zip(uvs) {
                v.uv = uv_transform.transform_point2(Vec2::from(uv)).into();
            }
        }
        if let Some(colors) = reader.read_colors(0) {
            for (v, c) in vertices.iter_mut().zip(colors.into_rgba_f32()) {
                v.color = c;
            }
        }
        Ok(Some(vertices))
    }

    fn uv_transform(&self, material: &gltf::Material<'a>) -> Mat3 {
        let Some(transform) =
            material.pbr_metallic_roughness().base_color_texture().and_then(|t| t.texture_transform())
        else {
            return Mat3::IDENTITY;
        };
        let [ox, oy] = transform.offset();
        let [sx, sy] = transform.scale();
        let r = transform.rotation();
        // KHR_texture_transform: T * R * S, with the rotation's sign convention of the spec.
        let translation = Mat3::from_cols_array(&[1.0, 0.0, 0.0, 0.0, 1.0, 0.0, ox, oy, 1.0]);
        let rotation = Mat3::from_cols_array(&[r.cos(), -r.sin(), 0.0, r.sin(), r.cos(), 0.0, 0.0, 0.0, 1.0]);
        let scale = Mat3::from_cols_array(&[sx, 0.0, 0.0, 0.0, sy, 0.0, 0.0, 0.0, 1.0]);
        translation * rotation * scale
    }

    fn material_index(&mut self, material: &gltf::Material<'a>) -> Result<usize> {
        if let Some(&i) = self.material_map.get(&material.index()) {
            return Ok(i);
        }
        let (base_color, texture) = match material.pbr_specular_glossiness() {
            Some(sg) => (sg.diffuse_factor(), sg.diffuse_texture().map(|t| t.texture())),
            None => {
                let pbr = material.pbr_metallic_roughness();
                (pbr.base_color_factor(), pbr.base_color_texture().map(|t| t.texture()))
            }
        };
        let base_color_texture = texture.and_then(|t| self.texture_slot(&t));
        let emissive_texture = material.emissive_texture().and_then(|t| self.texture_slot(&t.texture()));
        let strength = material.emissive_strength().unwrap_or(1.0);
        let normal_texture =
            material.normal_texture().and_then(|t| Some((self.texture_slot(&t.texture())?, t.scale())));
        let name = material.name().map(str::to_string).unwrap_or_else(|| match material.index() {
            Some(i) => format!("material #{i}"),
            None => "default".into(),
        });
        let alpha_mode = match material.alpha_mode() {
            gltf::material::AlphaMode::Opaque => AlphaMode::Opaque,
            gltf::material::AlphaMode::Mask => AlphaMode::Mask { cutoff: material.alpha_cutoff().unwrap_or(0.5) },
            gltf::material::AlphaMode::Blend => AlphaMode::Blend,
        };
        self.materials.push(Material {
            name,
            base_color,
            base_color_texture,
            emissive: material.emissive_factor().map(|c| c * strength),
            emissive_texture,
            normal_texture,
            alpha_mode,
            double_sided: material.double_sided(),
            unlit: material.unlit(),
        });
        let index = self.materials.len() - 1;
        self.material_map.insert(material.index(), index);
        Ok(index)
    }

    /// The texture `texture` reads (decoded once per image) with its sampler.
    fn texture_slot(&mut self, texture: &gltf::Texture<'a>) -> Option<TextureSlot> {
        let index = self.texture_index(&texture.source())?;
        Some(TextureSlot { index, sampler: sampler_of(&texture.sampler()) })
    }

    fn texture_index(&mut self, image: &gltf::Image<'a>) -> Option<usize> {
        if let Some(&known) = self.image_map.get(&image.index()) {
            return known;
        }
        let label = match image.source() {
            gltf::image::Source::Uri { uri, .. } if !uri.starts_with("data:") => crate::text::quoted(uri),
            _ => format!("embedded image #{}", image.index()),
        };
        let decoded = match self.image_bytes(image) {
            Ok(bytes) => decode_texture(&label, &bytes, self.budget, &mut self.warnings),
            Err(e) => Err(e),
        };
        let index = match decoded {
            Ok(texture) => {
                self.textures.push(texture);
                Some(self.textures.len() - 1)
            }
            Err(e) => {
                self.warnings.push(format!("texture {label}: {e:#}; rendering untextured"));
                None
            }
        };
        self.image_map.insert(image.index(), index);
        index
    }

    fn image_bytes(&mut self, image: &gltf::Image<'a>) -> Result<Vec<u8>> {
        match image.source() {
            gltf::image::Source::View { view, .. } => {
                let buffer = &self.buffers[view.buffer().index()];
                let start = view.offset();
                Ok(buffer[start..start + view.length()].to_vec())
            }
            gltf::image::Source::Uri { uri, .. } => buffers::read_uri(uri, self.files),
        }
    }
}

/// A glTF sampler as holoforge samples it; without a minification filter, trilinear.
fn sampler_of(sampler: &gltf::texture::Sampler) -> Sampler {
    use gltf::texture::{MagFilter, MinFilter, WrappingMode};
    let wrap = |mode| match mode {
        WrappingMode::Repeat => Wrap::Repeat,
        WrappingMode::ClampToEdge => Wrap::ClampToEdge,
        WrappingMode::MirroredRepeat => Wrap::MirroredRepeat,
    };
    let (minify, mipmaps) = match sampler.min_filter() {
        Some(MinFilter::Nearest) => (Filter::Nearest, None),
        Some(MinFilter::Linear) => (Filter::Linear, None),
        Some(MinFilter::NearestMipmapNearest) => (Filter::Nearest, Some(Filter::Nearest)),
        Some(MinFilter::LinearMipmapNearest) => (Filter::Linear, Some(Filter::Nearest)),
        Some(MinFilter::NearestMipmapLinear) => (Filter::Nearest, Some(Filter::Linear)),
        Some(MinFilter::LinearMipmapLinear) | None => (Filter::Linear, Some(Filter::Linear)),
    };
    let magnify = match sampler.mag_filter() {
        Some(MagFilter::Nearest) => Filter::Nearest,
        Some(MagFilter::Linear) | None => Filter::Linear,
    };
    Sampler { wrap_u: wrap(sampler.wrap_s()), wrap_v: wrap(sampler.wrap_t()), magnify, minify, mipmaps }
}

/// True when an accessor has one of the shapes and component types and at least one element
/// (the `gltf` reader asserts on the first two and underflows on an empty accessor).
fn accessor_fits(accessor: &gltf::Accessor, dimensions: &[Dimensions], types: &[DataType]) -> bool {
    accessor.count() > 0 && dimensions.contains(&accessor.dimensions()) && types.contains(&accessor.data_type())
}

/// Turns strip and fan index lists into a plain triangle list; drops a trailing partial triangle.
fn triangulate(mode: Mode, indices: &[u32]) -> Vec<u32> {
    match mode {
        Mode::TriangleStrip => (2..indices.len())
            .flat_map(|i| {
                let (a, b, c) = (indices[i - 2], indices[i - 1], indices[i]);
                if i % 2 == 0 {
                    [a, b, c]
                } else {
                    [b, a, c]
                }
            })
            .collect(),
        Mode::TriangleFan => (2..indices.len()).flat_map(|i| [indices[0], indices[i - 1], indices[i]]).collect(),
        _ => indices[..indices.len() / 3 * 3].to_vec(),
    }
}

/// Removes triangles whose indices are past the vertex count; returns how many went.
fn drop_out_of_range(indices: &mut Vec<u32>, vertex_count: usize) -> usize {
    let before = indices.len() / 3;
    let kept: Vec<u32> =
        indices.chunks_exact(3).filter(|t| t.iter().all(|&i| (i as usize) < vertex_count)).flatten().copied().collect();
    *indices = kept;
    before - indices.len() / 3
}

fn animation_infos(document: &gltf::Gltf, buffers: &[Vec<u8>]) -> Vec<AnimationInfo> {
    document
        .animations()
        .map(|animation| {
            let duration = animation
                .channels()
                .filter_map(|c| c.reader(|b| buffers.get(b.index()).map(Vec::as_slice)).read_inputs())
                .flat_map(|times| times.filter(|t| t.is_finite()))
                .fold(0.0f32, f32::max);
            AnimationInfo {
                name: animation
                    .name()
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("animation #{}", animation.index())),
                duration,
                channels: animation.channels().count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_alternate_winding_and_fans_share_the_first_vertex() {
        assert_eq!(triangulate(Mode::TriangleStrip, &[0, 1, 2, 3]), vec![0, 1, 2, 2, 1, 3]);
        assert_eq!(triangulate(Mode::TriangleFan, &[0, 1, 2, 3]), vec![0, 1, 2, 0, 2, 3]);
        assert_eq!(triangulate(Mode::Triangles, &[0, 1, 2, 3]), vec![0, 1, 2]);
    }

    #[test]
    fn out_of_range_triangles_are_dropped() {
        let mut indices = vec![0, 1, 2, 0, 1, 99];
        assert_eq!(drop_out_of_range(&mut indices, 3), 1);
        assert_eq!(indices, vec![0, 1, 2]);
    }
}
