//! FBX loader (binary and ASCII, versions 6.x and 7.x) through `ufbx`, the maintained C parser
//! behind Rust bindings. ufbx converts units to metres and axes to +Y up (so a Blender, Maya or
//! 3ds Max export stands upright at its real size), folds pivots and geometric transforms into
//! the node tree, triangulates faces and evaluates animation; this module turns its scene into
//! holoforge's: one mesh per node and material, base colours and textures (embedded, or files
//! inside the model's folder), cameras, and — when the file has animation curves — a [`Rig`] with
//! the node tree, skins, blend shapes and one clip per animation stack (take).
//!
//! Both of ufbx's allocators are limited to what is left of the model's memory budget, so a
//! hostile file fails with ufbx's memory-limit error instead of exhausting the machine. Colours
//! are read as sRGB, as FBX applications write them.

mod motion;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use glam::{Mat4, Vec3, Vec4};

use super::anim::{apply_morph, Rig, RigInstance};
use super::budget::Budget;
use super::files::{ModelFiles, MAX_SIDE_FILE_BYTES};
use super::geometry::{flips_winding, repair_normals, transform_vertices};
use super::paths::resolve_inside;
use super::probe::{Probe, ProbedAnimation};
use super::sniff::{Content, Head, Recognised};
use super::textures::{decode_texture, srgb_colour};
use super::{AnimationInfo, FileCamera, FileProjection, LoadContext, Material, Mesh, RawScene, TextureSlot, Vertex};
use crate::error::Problem;
use crate::text::{first_line, quoted};

/// Bytes of our data per triangle corner (a vertex, an index, a map entry), for the budget.
const BYTES_PER_CORNER: u64 = std::mem::size_of::<Vertex>() as u64 + 4 + 24;

/// Recognises binary FBX by its magic and ASCII FBX by its header comment or header section.
pub fn recognise(head: &Head) -> Result<Recognised, Problem> {
    let names_header = || head.is_text() && head.bytes.windows(18).any(|w| w == b"FBXHeaderExtension");
    Ok(match head.content {
        Some(Content::BinaryFbx | Content::AsciiFbx) => Recognised::Is("fbx"),
        None if names_header() => Recognised::Is("fbx"),
        _ => Recognised::Not,
    })
}

/// Loads an FBX file: its meshes in world space, materials, textures, cameras and takes.
pub fn load(context: &mut LoadContext, bytes: &[u8]) -> Result<RawScene> {
    let scene = parse(bytes, &context.budget, Contents::Everything)?;
    let animated = is_animated(&scene);
    let mut builder = Builder {
        files: &mut *context.files,
        budget: &mut context.budget,
        raw: RawScene::default(),
        instances: Vec::new(),
        materials: HashMap::new(),
        textures: HashMap::new(),
        animated,
    };
    let mut hidden = 0;
    for node in &scene.nodes {
        if let Some(mesh) = &node.mesh {
            match node.visible {
                true => builder.add_mesh(node, mesh)?,
                false => hidden += 1,
            }
        }
        if let Some(camera) = &node.camera {
            builder.add_camera(node, camera);
        }
    }
    if hidden > 0 {
        builder.raw.warnings.push(format!("skipped {hidden} hidden mesh node(s)"));
    }
    if builder.raw.meshes.is_empty() {
        return Err(Problem::input("the FBX file has no mesh with faces, so there is nothing to render")
            .with_hint("holoforge renders polygon meshes; NURBS, curves and empty scenes are not drawn")
            .into());
    }
    if animated {
        let clips = motion::clips(&scene, &builder.instances, builder.budget)?;
        builder.raw.animations = clips
            .iter()
            .map(|c| AnimationInfo { name: c.name.clone(), duration: c.duration, channels: c.channels.len() })
            .collect();
        builder.raw.rig =
            Some(Rig { nodes: motion::rig_nodes(&scene), instances: builder.instances, clips, root: Mat4::IDENTITY });
    }
    Ok(builder.raw)
}

/// Probes an FBX file: the texture files it names and its takes with their lengths.
pub fn probe(path: &Path, folder: &Path) -> Option<Probe> {
    let (file, meta) = super::files::open_regular(path).ok()?;
    let bytes = super::files::read_bounded(file, &meta, path, super::probe::MAX_PROBE_BYTES).ok()?;
    let scene = parse(&bytes, &Budget::default(), Contents::Listing).ok()?;
    let dependencies = scene
        .textures
        .iter()
        .filter(|t| t.content.is_empty() && t.type_ == ufbx::TextureType::File)
        .filter_map(|t| texture_candidates(t).into_iter().next())
        .map(|relative| folder.join(relative))
        .collect();
    let animations = match is_animated(&scene) {
        true => scene
            .anim_stacks
            .iter()
            .map(|s| {
                // A take without a time span is measured by the load (from its keys).
                let seconds = Some(s.time_end - s.time_begin).filter(|&s| s > 0.0);
                ProbedAnimation { name: take_name(s), seconds }
            })
            .collect(),
        false => Vec::new(),
    };
    Some(Probe { dependencies, animations })
}

/// What a parse keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Contents {
    /// Everything a render needs.
    Everything,
    /// What a probe lists (textures and takes): no geometry.
    Listing,
}

/// Parses FBX bytes with ufbx, converted to metres and +Y up, its allocations limited to what is
/// left of `budget`.
fn parse(bytes: &[u8], budget: &Budget, contents: Contents) -> Result<ufbx::SceneRoot> {
    let limit = usize::try_from(budget.left()).unwrap_or(usize::MAX);
    let allocator = || ufbx::AllocatorOpts { memory_limit: limit, ..Default::default() };
    let options = ufbx::LoadOpts {
        temp_allocator: allocator(),
        result_allocator: allocator(),
        file_format: ufbx::FileFormat::Fbx,
        ignore_geometry: contents == Contents::Listing,
        load_external_files: false,
        generate_missing_normals: true,
        normalize_normals: true,
        clean_skin_weights: true,
        target_axes: ufbx::CoordinateAxes::right_handed_y_up(),
        target_camera_axes: ufbx::CoordinateAxes::right_handed_y_up(),
        target_unit_meters: 1.0,
        space_conversion: ufbx::SpaceConversion::ModifyGeometry,
        geometry_transform_handling: ufbx::GeometryTransformHandling::ModifyGeometry,
        inherit_mode_handling: ufbx::InheritModeHandling::Compensate,
        ..Default::default()
    };
    ufbx::load_memory(bytes, options).map_err(|error| describe_error(&error, budget))
}

/// ufbx's error as a message for a person.
fn describe_error(error: &ufbx::Error, budget: &Budget) -> anyhow::Error {
    // ufbx's detail (`info`) decodes its buffer as UTF-8 with an unwrap: guarded, it cannot crash.
    let info = super::guard::catch_parser_panics("FBX", || Ok(error.info().to_string())).unwrap_or_default();
    let detail = match info.trim() {
        "" => first_line(error.description.as_ref()),
        info => format!("{} ({})", error.description, first_line(info)),
    };
    match error.type_ {
        ufbx::ErrorType::MemoryLimit | ufbx::ErrorType::AllocationLimit | ufbx::ErrorType::OutOfMemory => {
            Problem::input(format!(
                "the FBX file needs more than the {} memory budget of a model",
                super::budget::describe_bytes(budget.left())
            ))
            .with_hint(
                "the file is corrupt or hostile; if it really is that large, raise HOLOFORGE_MODEL_MEMORY (e.g. 16G)",
            )
            .into()
        }
        ufbx::ErrorType::TruncatedFile => invalid("the file ends early (truncated)"),
        ufbx::ErrorType::UnsupportedVersion => invalid(&format!("an FBX version ufbx does not read ({detail})")),
        // ufbx's generic failure, when a check on the data fails without a message of its own.
        ufbx::ErrorType::Unknown => invalid(&format!("its data contradicts itself (ufbx: {detail})")),
        _ => invalid(&detail),
    }
}

fn invalid(what: &str) -> anyhow::Error {
    Problem::input(format!("invalid FBX: {what}")).into()
}

/// Whether the file has animation curves (many static exports carry an empty default take).
fn is_animated(scene: &ufbx::Scene) -> bool {
    !scene.anim_stacks.is_empty() && !scene.anim_curves.is_empty()
}

/// A take's name, or `take #N`.
fn take_name(stack: &ufbx::AnimStack) -> String {
    match stack.element.name.as_ref() {
        "" => format!("take #{}", stack.element.typed_id),
        name => name.trim_start_matches("AnimStack::").to_string(),
    }
}

/// Where a texture file may be, relative to the model's folder: its relative file name, then its
/// file name alone (an absolute path from the artist's machine, with the image copied beside).
fn texture_candidates(texture: &ufbx::Texture) -> Vec<PathBuf> {
    let relative = texture.relative_filename.to_string();
    let absolute = texture.filename.to_string();
    let base_name = file_name(&absolute).to_string();
    let mut candidates: Vec<PathBuf> = [relative, base_name]
        .iter()
        .filter(|name| !name.is_empty())
        .filter_map(|name| resolve_inside(name, Path::new("")).ok())
        .collect();
    candidates.dedup();
    candidates
}

/// The last part of a path written on any system (`C:\\maps\\wood.png` → `wood.png`).
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or_default()
}

/// A ufbx matrix (3×4, column-major affine) as glam's.
fn matrix(m: &ufbx::Matrix) -> Mat4 {
    Mat4::from_cols(
        Vec4::new(m.m00 as f32, m.m10 as f32, m.m20 as f32, 0.0),
        Vec4::new(m.m01 as f32, m.m11 as f32, m.m21 as f32, 0.0),
        Vec4::new(m.m02 as f32, m.m12 as f32, m.m22 as f32, 0.0),
        Vec4::new(m.m03 as f32, m.m13 as f32, m.m23 as f32, 1.0),
    )
}

fn vec3(v: ufbx::Vec3) -> Vec3 {
    Vec3::new(v.x as f32, v.y as f32, v.z as f32)
}

/// One triangulated part of an FBX mesh: our vertices and, for each, the FBX vertex it came from
/// (skin weights and blend-shape offsets are stored per FBX vertex).
struct Part {
    vertices: Vec<Vertex>,
    indices: Vec<u32>,
    fbx_vertex: Vec<u32>,
}

/// Builds the raw scene from ufbx's.
struct Builder<'f> {
    files: &'f mut dyn ModelFiles,
    budget: &'f mut Budget,
    raw: RawScene,
    instances: Vec<RigInstance>,
    /// ufbx material id (None: a part without one) → our material.
    materials: HashMap<Option<u32>, usize>,
    /// ufbx texture id → our texture (None when it could not be read).
    textures: HashMap<u32, Option<usize>>,
    animated: bool,
}

impl Builder<'_> {
    /// Adds one mesh per material part of a node's mesh.
    fn add_mesh(&mut self, node: &ufbx::Node, mesh: &ufbx::Mesh) -> Result<()> {
        let name = match (node.element.name.as_ref(), mesh.element.name.as_ref()) {
            ("", "") => format!("mesh #{}", mesh.element.typed_id),
            ("", name) | (name, _) => name.to_string(),
        };
        let materials = if node.materials.is_empty() { &mesh.materials } else { &node.materials };
        let whole = [(0u32, (0..mesh.faces.len() as u32).collect::<Vec<u32>>())];
        let parts: Vec<(u32, Vec<u32>)> = match mesh.material_parts.is_empty() {
            true => whole.into(),
            false => mesh.material_parts.iter().map(|p| (p.index, p.face_indices.to_vec())).collect(),
        };
        for (material_index, faces) in parts {
            let fbx_material = materials.get(material_index as usize).map(|m| &**m);
            let material = self.material_index(fbx_material)?;
            let part = self.triangulate(&name, mesh, &faces)?;
            if part.indices.is_empty() {
                continue;
            }
            let Part { mut vertices, mut indices, fbx_vertex } = part;
            if self.animated {
                let skin = mesh
                    .skin_deformers
                    .first()
                    .and_then(|s| motion::skin(s, node, &fbx_vertex, &name, &mut self.raw.warnings));
                let mut local =
                    Mesh { name: String::new(), material, vertices: vertices.clone(), indices: indices.clone() };
                if skin.is_none() {
                    transform_vertices(&mut local.vertices, matrix(&node.geometry_to_node));
                }
                repair_normals(&mut local);
                let morph = motion::morph(mesh, &fbx_vertex, self.budget)?;
                self.instances.push(RigInstance {
                    mesh: self.raw.meshes.len(),
                    node: node.element.typed_id as usize,
                    local: local.vertices,
                    skin,
                    morph,
                });
            } else if let Some(morph) = motion::morph(mesh, &fbx_vertex, self.budget)? {
                // A still file shows its blend shapes at their channels' weights.
                vertices = apply_morph(&vertices, &morph, None);
            }
            let world = matrix(&node.geometry_to_world);
            transform_vertices(&mut vertices, world);
            if flips_winding(world) {
                indices.chunks_exact_mut(3).for_each(|t| t.swap(1, 2));
            }
            self.raw.meshes.push(Mesh { name: name.clone(), material, vertices, indices });
        }
        Ok(())
    }

    /// Triangulates `faces` of `mesh`, welding corners that share every attribute.
    fn triangulate(&mut self, name: &str, mesh: &ufbx::Mesh, faces: &[u32]) -> Result<Part> {
        let triangles: u64 = faces
            .iter()
            .filter_map(|&f| mesh.faces.get(f as usize))
            .map(|f| f.num_indices.saturating_sub(2) as u64)
            .sum();
        self.budget.reserve(|| format!("FBX mesh {}", quoted(name)), triangles * 3, BYTES_PER_CORNER)?;
        let mut part =
            Part { vertices: Vec::new(), indices: Vec::with_capacity(triangles as usize * 3), fbx_vertex: Vec::new() };
        let mut welded: HashMap<[u32; 4], u32> = HashMap::new();
        let mut scratch = vec![0u32; mesh.max_face_triangles * 3];
        let attribute_index = |exists: bool, indices: &[u32], corner: usize| match exists {
            true => indices.get(corner).copied().unwrap_or(0),
            false => 0,
        };
        for face in faces.iter().filter_map(|&f| mesh.faces.get(f as usize)) {
            let count = ufbx::triangulate_face(&mut scratch, mesh, *face) as usize;
            for &corner in &scratch[..count * 3] {
                let corner = corner as usize;
                let key = [
                    mesh.vertex_position.indices[corner],
                    attribute_index(mesh.vertex_normal.exists, &mesh.vertex_normal.indices, corner),
                    attribute_index(mesh.vertex_uv.exists, &mesh.vertex_uv.indices, corner),
                    attribute_index(mesh.vertex_color.exists, &mesh.vertex_color.indices, corner),
                ];
                let next = part.vertices.len() as u32;
                let index = *welded.entry(key).or_insert_with(|| {
                    part.vertices.push(corner_vertex(mesh, corner));
                    part.fbx_vertex.push(mesh.vertex_indices[corner]);
                    next
                });
                part.indices.push(index);
            }
        }
        Ok(part)
    }

    /// Our material for a ufbx one (or the default white).
    fn material_index(&mut self, material: Option<&ufbx::Material>) -> Result<usize> {
        let id = material.map(|m| m.element.typed_id);
        if let Some(&known) = self.materials.get(&id) {
            return Ok(known);
        }
        let ours = match material {
            None => Material::default_white(),
            Some(material) => {
                let pbr = &material.pbr;
                let factor = if pbr.base_factor.has_value { pbr.base_factor.value_vec4.x as f32 } else { 1.0 };
                let colour = pbr.base_color.value_vec4;
                let opacity = if pbr.opacity.has_value { pbr.opacity.value_vec4.x as f32 } else { 1.0 };
                let [r, g, b] = [colour.x, colour.y, colour.z].map(|c| c as f32 * factor);
                let texture = pbr.base_color.texture.as_deref().or(material.fbx.diffuse_color.texture.as_deref());
                Material {
                    name: material.element.name.to_string(),
                    base_color: match pbr.base_color.has_value {
                        true => srgb_colour([r, g, b], opacity),
                        false => [1.0, 1.0, 1.0, opacity],
                    },
                    base_color_texture: texture.and_then(|t| self.texture_index(t)).map(TextureSlot::smooth),
                    ..Material::default_white()
                }
            }
        };
        self.raw.materials.push(ours);
        let index = self.raw.materials.len() - 1;
        self.materials.insert(id, index);
        Ok(index)
    }

    /// Decodes a texture once: embedded content, else a file inside the model's folder; a
    /// layered texture gives its first file.
    fn texture_index(&mut self, texture: &ufbx::Texture) -> Option<usize> {
        let texture = match texture.type_ {
            ufbx::TextureType::File => texture,
            _ => texture.file_textures.first().map(|t| &**t)?,
        };
        if let Some(&known) = self.textures.get(&texture.element.typed_id) {
            return known;
        }
        // Named by its file name: exporters often store a path from the artist's machine.
        let label = match file_name(&texture.relative_filename) {
            "" => format!("embedded texture {}", quoted(&texture.element.name)),
            name => quoted(name),
        };
        let decoded = self
            .texture_bytes(texture)
            .and_then(|bytes| decode_texture(&label, &bytes, self.budget, &mut self.raw.warnings));
        let index = match decoded {
            Ok(decoded) => {
                self.raw.textures.push(decoded);
                Some(self.raw.textures.len() - 1)
            }
            Err(e) => {
                self.raw.warnings.push(format!("texture {label}: {e:#}; rendering untextured"));
                None
            }
        };
        self.textures.insert(texture.element.typed_id, index);
        index
    }

    fn texture_bytes(&mut self, texture: &ufbx::Texture) -> Result<Vec<u8>> {
        if !texture.content.is_empty() {
            return Ok(texture.content.to_vec());
        }
        let candidates = texture_candidates(texture);
        let reference = texture.relative_filename.to_string();
        // A relative name that leaves the model's folder is never followed; the message says so.
        let refused = resolve_inside(&reference, Path::new("")).err().filter(|_| !reference.is_empty());
        let mut last_error = None;
        for candidate in &candidates {
            match self.files.read(candidate, &reference, MAX_SIDE_FILE_BYTES) {
                Ok(bytes) => return Ok(bytes),
                Err(e) => last_error = Some(e),
            }
        }
        Err(match (refused, last_error) {
            (Some(refused), Some(missing)) => {
                anyhow::anyhow!("{refused}; looked beside the model instead: {missing:#}")
            }
            (refused, missing) => {
                refused.or(missing).unwrap_or_else(|| anyhow::anyhow!("the file names no texture file"))
            }
        })
    }

    /// Adds a camera placed by its node (ufbx gives it glTF's axes: looking down −Z, +Y up).
    fn add_camera(&mut self, node: &ufbx::Node, camera: &ufbx::Camera) {
        let name = match node.element.name.as_ref() {
            "" => format!("camera{}", self.raw.cameras.len()),
            name => name.to_string(),
        };
        let world = matrix(&node.node_to_world);
        let forward = world.transform_vector3(Vec3::NEG_Z).normalize_or_zero();
        let up = world.transform_vector3(Vec3::Y).normalize_or_zero();
        if forward == Vec3::ZERO || up == Vec3::ZERO {
            self.raw.warnings.push(format!("camera {} has a degenerate transform; ignored", quoted(&name)));
            return;
        }
        let projection = match camera.projection_mode {
            ufbx::ProjectionMode::Perspective => {
                FileProjection::Perspective { yfov_deg: camera.field_of_view_deg.y as f32 }
            }
            ufbx::ProjectionMode::Orthographic => {
                FileProjection::Orthographic { ymag: camera.orthographic_size.y as f32 / 2.0 }
            }
        };
        self.raw.cameras.push(FileCamera {
            name,
            eye: world.transform_point3(Vec3::ZERO).into(),
            forward: forward.into(),
            up: up.into(),
            projection,
        });
    }
}

/// The vertex at a face corner: position, normal, texture coordinate (FBX's V runs upwards, the
/// scene's downwards) and colour (sRGB in the file).
fn corner_vertex(mesh: &ufbx::Mesh, corner: usize) -> Vertex {
    let normal = match mesh.vertex_normal.exists {
        true => vec3(mesh.vertex_normal[corner]).into(),
        false => [0.0; 3],
    };
    let uv = match mesh.vertex_uv.exists {
        true => {
            let uv = mesh.vertex_uv[corner];
            [uv.x as f32, 1.0 - uv.y as f32]
        }
        false => [0.0; 2],
    };
    let color = match mesh.vertex_color.exists {
        true => {
            let c = mesh.vertex_color[corner];
            srgb_colour([c.x as f32, c.y as f32, c.z as f32], c.w as f32)
        }
        false => [1.0; 4],
    };
    Vertex { position: vec3(mesh.vertex_position[corner]).into(), normal, uv, color }
}
