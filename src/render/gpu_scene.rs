//! A scene uploaded to the GPU: one vertex and one index buffer, the materials, one bind group per
//! texture and sampler pair the draws use, and for wireframes the edges' end points.

use std::collections::HashMap;

use wgpu::util::DeviceExt;

use super::mipmaps::mip_chain;
use super::pipelines::Pipelines;
use crate::scene::edges::feature_edges;
use crate::scene::{AlphaMode, Filter, Material, Mesh, Sampler, Scene, Texture, TextureSlot, Vertex, Wrap};

/// One material as `surface.wgsl` reads it from the material buffer.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct GpuMaterial {
    base_color: [f32; 4],
    /// rgb: emitted linear light; a: 1 = unlit.
    emissive: [f32; 4],
    /// x: alpha mode (0 opaque, 1 mask, 2 blend), y: mask cutoff, z: 1 = single-sided, w: normal
    /// map scale (0 = no normal map).
    alpha: [f32; 4],
}

impl GpuMaterial {
    fn new(material: &Material) -> Self {
        let (mode, cutoff) = match material.alpha_mode {
            AlphaMode::Opaque => (0.0, 0.0),
            AlphaMode::Mask { cutoff } => (1.0, cutoff),
            AlphaMode::Blend => (2.0, 0.0),
        };
        let [r, g, b] = material.emissive;
        Self {
            base_color: material.base_color,
            emissive: [r, g, b, material.unlit as u32 as f32],
            alpha: [
                mode,
                cutoff,
                !material.double_sided as u32 as f32,
                material.normal_texture.map_or(0.0, |(_, scale)| scale),
            ],
        }
    }
}

/// The position of the normal map in a draw's texture set (the other slots hold colour).
const NORMAL_SLOT: usize = 2;

/// How a draw's surfaces are drawn, by its material's alpha mode: opaque and cut-out surfaces
/// first (in the depth pre-pass), blended ones last, back to front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DrawClass {
    /// Opaque, or blended with alpha 1 everywhere (which looks the same).
    Opaque,
    /// Cut at the alpha cutoff.
    Mask,
    /// Blended over what lies behind.
    Blend,
}

/// One indexed draw with one material.
pub struct Draw {
    /// Index range in the shared index buffer.
    pub indices: std::ops::Range<u32>,
    /// Vertex offset added to every index.
    pub base_vertex: i32,
    /// Index into the material buffer, passed as the instance index.
    pub material: u32,
    /// Index into [`GpuScene::textures`] (its textures and samplers).
    pub texture: usize,
    /// Where it goes in the frame's order.
    pub class: DrawClass,
    /// Its fragments may be discarded (cut out, or back faces of a single-sided surface), so the
    /// depth pre-pass must run its material's test too.
    pub discards: bool,
    /// The middle of its vertices, for sorting blended draws back to front.
    pub centre: glam::Vec3,
    /// Its material reads an emissive texture or a normal map (see [`super::pipelines::Variants`]).
    pub maps: bool,
}

/// GPU buffers and bind groups for one scene.
pub struct GpuScene {
    /// All vertices of all meshes.
    pub vertex_buffer: wgpu::Buffer,
    /// All indices of all meshes.
    pub index_buffer: wgpu::Buffer,
    /// Every material's factors (group 1).
    pub materials: wgpu::BindGroup,
    /// One bind group per set of textures and samplers the draws use (base colour and
    /// emissive; a missing one is a 1×1 white texture), group 2.
    pub textures: Vec<wgpu::BindGroup>,
    /// Draw calls, one per mesh, ordered by texture so each texture is bound once.
    pub draws: Vec<Draw>,
    /// Wireframe edges (None for other styles).
    pub edges: Option<Edges>,
}

/// The edges a wireframe draws: vertex index pairs and, per edge, its two end points (one line instance each).
pub struct Edges {
    /// Vertex index pairs into the scene's vertex list.
    pub pairs: Vec<[u32; 2]>,
    /// End points of every edge, six floats each.
    pub buffer: wgpu::Buffer,
}

/// The end points of every edge in `pairs`, six floats each (one line instance).
fn end_points(pairs: &[[u32; 2]], vertices: &[Vertex]) -> Vec<[f32; 6]> {
    pairs
        .iter()
        .map(|&[a, b]| {
            let (a, b) = (vertices[a as usize].position, vertices[b as usize].position);
            [a[0], a[1], a[2], b[0], b[1], b[2]]
        })
        .collect()
}

impl GpuScene {
    /// Uploads geometry, materials and textures (textures larger than `max_texture_side` are scaled
    /// down), and with `wire_angle` the edges a wireframe draws (see [`feature_edges`]).
    pub fn upload(
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        pipelines: &Pipelines,
        scene: &Scene,
        max_texture_side: u32,
        wire_angle: Option<f32>,
    ) -> Self {
        let mut vertices: Vec<Vertex> = Vec::with_capacity(scene.vertex_count());
        let mut indices: Vec<u32> = Vec::with_capacity(scene.triangle_count() * 3);
        let mut draws = Vec::with_capacity(scene.meshes.len());
        let mut edge_pairs = Vec::new();
        // The texture sets the draws bind (base colour, emissive, normal map), in order of first use.
        let mut sets: Vec<[TextureSlot; 3]> = Vec::new();
        let mut opaque_textures = OpaqueTextures::new(&scene.textures);
        for mesh in &scene.meshes {
            let first = indices.len() as u32;
            if let Some(angle) = wire_angle {
                let base = vertices.len() as u32;
                edge_pairs.extend(
                    feature_edges(&mesh.vertices, &mesh.indices, angle).into_iter().map(|[a, b]| [a + base, b + base]),
                );
            }
            let material = &scene.materials[mesh.material];
            let white = TextureSlot::smooth(scene.textures.len());
            let set = [
                material.base_color_texture.unwrap_or(white),
                material.emissive_texture.unwrap_or(white),
                material.normal_texture.map_or(white, |(slot, _)| slot),
            ];
            let texture = sets.iter().position(|s| *s == set).unwrap_or_else(|| {
                sets.push(set);
                sets.len() - 1
            });
            let class = match material.alpha_mode {
                AlphaMode::Opaque => DrawClass::Opaque,
                AlphaMode::Mask { .. } => DrawClass::Mask,
                AlphaMode::Blend if opaque_textures.is_opaque(material, mesh) => DrawClass::Opaque,
                AlphaMode::Blend => DrawClass::Blend,
            };
            draws.push(Draw {
                indices: first..first + mesh.indices.len() as u32,
                base_vertex: vertices.len() as i32,
                material: mesh.material as u32,
                texture,
                class,
                discards: class == DrawClass::Mask || !material.double_sided,
                centre: centre(&mesh.vertices),
                maps: material.emissive_texture.is_some() || material.normal_texture.is_some(),
            });
            vertices.extend_from_slice(&mesh.vertices);
            indices.extend_from_slice(&mesh.indices);
        }
        let vertex_buffer = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("scene vertices"),
            contents: bytemuck::cast_slice(&vertices),
            // Animated scenes rewrite it every frame.
            usage: wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST,
        });
        let index_buffer = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("scene indices"),
            contents: bytemuck::cast_slice(&indices),
            usage: wgpu::BufferUsages::INDEX,
        });
        draws.sort_by_key(|d| (d.class, d.maps, d.texture));
        let edges = wire_angle.map(|_| {
            // Never empty: wgpu refuses zero-sized vertex buffers.
            let contents = [end_points(&edge_pairs, &vertices), vec![[0.0; 6]]].concat();
            let buffer = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some("edges"),
                contents: bytemuck::cast_slice(&contents),
                usage: wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST,
            });
            Edges { pairs: edge_pairs, buffer }
        });
        let white_texture = Texture { name: "white".into(), width: 1, height: 1, rgba: vec![255; 4] };
        // Views by texture and whether it is colour (sRGB) or data (the normal-map slot).
        let mut views: HashMap<(usize, bool), wgpu::TextureView> = HashMap::new();
        let mut samplers: HashMap<Sampler, wgpu::Sampler> = HashMap::new();
        for set in &sets {
            for (slot_index, slot) in set.iter().enumerate() {
                let colour = slot_index != NORMAL_SLOT;
                let t = scene.textures.get(slot.index).unwrap_or(&white_texture);
                views.entry((slot.index, colour)).or_insert_with(|| {
                    let fitted = fit_texture(t, max_texture_side);
                    let t = fitted.as_ref().unwrap_or(t);
                    upload_texture(device, queue, t, colour)
                });
                samplers.entry(slot.sampler).or_insert_with(|| create_sampler(device, &slot.sampler));
            }
        }
        let textures = sets
            .iter()
            .map(|set| {
                let entries: Vec<wgpu::BindGroupEntry> = set
                    .iter()
                    .enumerate()
                    .flat_map(|(i, slot)| {
                        let binding = 2 * i as u32;
                        [
                            wgpu::BindGroupEntry {
                                binding,
                                resource: wgpu::BindingResource::TextureView(&views[&(slot.index, i != NORMAL_SLOT)]),
                            },
                            wgpu::BindGroupEntry {
                                binding: binding + 1,
                                resource: wgpu::BindingResource::Sampler(&samplers[&slot.sampler]),
                            },
                        ]
                    })
                    .collect();
                let label = scene.textures.get(set[0].index).map_or("untextured", |t| t.name.as_str());
                device.create_bind_group(&wgpu::BindGroupDescriptor {
                    label: Some(label),
                    layout: &pipelines.texture_layout,
                    entries: &entries,
                })
            })
            .collect();
        let factors: Vec<GpuMaterial> = scene.materials.iter().map(GpuMaterial::new).collect();
        let material_buffer = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("materials"),
            contents: bytemuck::cast_slice(&factors),
            usage: wgpu::BufferUsages::STORAGE,
        });
        let materials = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("materials"),
            layout: &pipelines.material_layout,
            entries: &[wgpu::BindGroupEntry { binding: 0, resource: material_buffer.as_entire_binding() }],
        });
        Self { vertex_buffer, index_buffer, materials, textures, draws, edges }
    }

    /// Replaces the vertices (an animated scene's pose for this frame), and the edges' end points.
    pub fn write_vertices(&self, queue: &wgpu::Queue, vertices: &[Vertex]) {
        queue.write_buffer(&self.vertex_buffer, 0, bytemuck::cast_slice(vertices));
        if let Some(edges) = &self.edges {
            queue.write_buffer(&edges.buffer, 0, bytemuck::cast_slice(&end_points(&edges.pairs, vertices)));
        }
    }
}

/// The middle of the bounding box of `vertices`.
fn centre(vertices: &[Vertex]) -> glam::Vec3 {
    let (low, high) = vertices.iter().fold((glam::Vec3::INFINITY, glam::Vec3::NEG_INFINITY), |(lo, hi), v| {
        let p = glam::Vec3::from(v.position);
        (lo.min(p), hi.max(p))
    });
    (low + high) * 0.5
}

/// Which textures have no texel with alpha below 1 (worked out once each, when first asked).
struct OpaqueTextures<'a> {
    textures: &'a [Texture],
    known: Vec<Option<bool>>,
}

impl<'a> OpaqueTextures<'a> {
    fn new(textures: &'a [Texture]) -> Self {
        Self { textures, known: vec![None; textures.len()] }
    }

    /// Whether `material` on `mesh` has alpha 1 everywhere: factor, texture and vertex colours.
    fn is_opaque(&mut self, material: &Material, mesh: &Mesh) -> bool {
        let texture_opaque = match material.base_color_texture {
            None => true,
            Some(slot) => *self.known[slot.index]
                .get_or_insert_with(|| self.textures[slot.index].rgba.chunks_exact(4).all(|t| t[3] == 255)),
        };
        material.base_color[3] >= 1.0 && texture_opaque && mesh.vertices.iter().all(|v| v.color[3] >= 1.0)
    }
}

/// A copy of `texture` scaled down to fit `max_side`, or None when it already fits.
fn fit_texture(texture: &crate::scene::Texture, max_side: u32) -> Option<crate::scene::Texture> {
    if texture.width <= max_side && texture.height <= max_side {
        return None;
    }
    let scale = max_side as f64 / texture.width.max(texture.height) as f64;
    let (width, height) =
        (((texture.width as f64 * scale) as u32).max(1), ((texture.height as f64 * scale) as u32).max(1));
    let image = image::RgbaImage::from_raw(texture.width, texture.height, texture.rgba.clone())?;
    let resized = image::imageops::resize(&image, width, height, image::imageops::FilterType::Triangle);
    Some(crate::scene::Texture { name: texture.name.clone(), width, height, rgba: resized.into_raw() })
}

/// The wgpu sampler for `sampler`: its wrap modes and filters; without mipmaps, the full-size
/// level only.
fn create_sampler(device: &wgpu::Device, sampler: &Sampler) -> wgpu::Sampler {
    let address = |wrap| match wrap {
        Wrap::Repeat => wgpu::AddressMode::Repeat,
        Wrap::ClampToEdge => wgpu::AddressMode::ClampToEdge,
        Wrap::MirroredRepeat => wgpu::AddressMode::MirrorRepeat,
    };
    let filter = |filter| match filter {
        Filter::Nearest => wgpu::FilterMode::Nearest,
        Filter::Linear => wgpu::FilterMode::Linear,
    };
    let mipmap_filter = match sampler.mipmaps {
        Some(Filter::Linear) => wgpu::MipmapFilterMode::Linear,
        _ => wgpu::MipmapFilterMode::Nearest,
    };
    device.create_sampler(&wgpu::SamplerDescriptor {
        label: Some("material sampler"),
        address_mode_u: address(sampler.wrap_u),
        address_mode_v: address(sampler.wrap_v),
        mag_filter: filter(sampler.magnify),
        min_filter: filter(sampler.minify),
        mipmap_filter,
        lod_max_clamp: if sampler.mipmaps.is_some() { 32.0 } else { 0.0 },
        ..Default::default()
    })
}

/// Uploads an RGBA8 texture with its full mip chain (see [`mip_chain`]): sRGB colour, or data
/// read as stored (a normal map).
fn upload_texture(device: &wgpu::Device, queue: &wgpu::Queue, texture: &Texture, colour: bool) -> wgpu::TextureView {
    let (width, height) = (texture.width, texture.height);
    let (levels, data) = mip_chain(width, height, &texture.rgba, colour);
    let format = if colour { wgpu::TextureFormat::Rgba8UnormSrgb } else { wgpu::TextureFormat::Rgba8Unorm };
    let texture = device.create_texture_with_data(
        queue,
        &wgpu::TextureDescriptor {
            label: Some(&texture.name),
            size: wgpu::Extent3d { width, height, depth_or_array_layers: 1 },
            mip_level_count: levels,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format,
            usage: wgpu::TextureUsages::TEXTURE_BINDING,
            view_formats: &[],
        },
        wgpu::util::TextureDataOrder::LayerMajor,
        &data,
    );
    texture.create_view(&wgpu::TextureViewDescriptor::default())
}
