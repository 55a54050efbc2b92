//! A scene uploaded to the GPU: one vertex and one index buffer, the materials, one bind group per
//! texture and sampler pair the draws use, and for wireframes the edges' end points.

use std::collections::HashMap;

use wgpu::util::DeviceExt;

use super::mipmaps::mip_chain;
use super::pipelines::Pipelines;
use crate::scene::edges::feature_edges;
use crate::scene::{Filter, Sampler, Scene, Vertex, Wrap};

/// One material as `hologram.wgsl` reads it from the material buffer.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct GpuMaterial {
    base_color: [f32; 4],
}

/// One indexed draw with one material.
pub struct Draw {
    /// Index range in the shared index buffer.
    pub indices: std::ops::Range<u32>,
    /// Vertex offset added to every index.
    pub base_vertex: i32,
    /// Index into the material buffer, passed as the instance index.
    pub material: u32,
    /// Index into [`GpuScene::textures`] (its texture and sampler).
    pub texture: usize,
}

/// GPU buffers and bind groups for one scene.
pub struct GpuScene {
    /// All vertices of all meshes.
    pub vertex_buffer: wgpu::Buffer,
    /// All indices of all meshes.
    pub index_buffer: wgpu::Buffer,
    /// Every material's factors (group 1).
    pub materials: wgpu::BindGroup,
    /// One bind group per texture and sampler the draws use (untextured ones: a 1×1 white
    /// texture), group 2.
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
        let white = scene.textures.len();
        // The (texture, sampler) pairs the draws bind, in order of first use.
        let mut pairs: Vec<(usize, Sampler)> = Vec::new();
        for mesh in &scene.meshes {
            let first = indices.len() as u32;
            if let Some(angle) = wire_angle {
                let base = vertices.len() as u32;
                edge_pairs.extend(
                    feature_edges(&mesh.vertices, &mesh.indices, angle).into_iter().map(|[a, b]| [a + base, b + base]),
                );
            }
            let material = &scene.materials[mesh.material];
            let pair = match material.base_color_texture {
                Some(texture) => (texture, material.sampler),
                None => (white, Sampler::default()),
            };
            let texture = pairs.iter().position(|p| *p == pair).unwrap_or_else(|| {
                pairs.push(pair);
                pairs.len() - 1
            });
            draws.push(Draw {
                indices: first..first + mesh.indices.len() as u32,
                base_vertex: vertices.len() as i32,
                material: mesh.material as u32,
                texture,
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
        draws.sort_by_key(|d| d.texture);
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
        let white_texture = crate::scene::Texture { name: "white".into(), width: 1, height: 1, rgba: vec![255; 4] };
        let mut views: HashMap<usize, wgpu::TextureView> = HashMap::new();
        let mut samplers: HashMap<Sampler, wgpu::Sampler> = HashMap::new();
        let textures = pairs
            .iter()
            .map(|&(index, sampler)| {
                let t = scene.textures.get(index).unwrap_or(&white_texture);
                let view = views.entry(index).or_insert_with(|| {
                    let fitted = fit_texture(t, max_texture_side);
                    let t = fitted.as_ref().unwrap_or(t);
                    upload_texture(device, queue, &t.name, t.width, t.height, &t.rgba)
                });
                let sampler = samplers.entry(sampler).or_insert_with(|| create_sampler(device, &sampler));
                device.create_bind_group(&wgpu::BindGroupDescriptor {
                    label: Some(&t.name),
                    layout: &pipelines.texture_layout,
                    entries: &[
                        wgpu::BindGroupEntry { binding: 0, resource: wgpu::BindingResource::TextureView(view) },
                        wgpu::BindGroupEntry { binding: 1, resource: wgpu::BindingResource::Sampler(sampler) },
                    ],
                })
            })
            .collect();
        let factors: Vec<GpuMaterial> =
            scene.materials.iter().map(|m| GpuMaterial { base_color: m.base_color }).collect();
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

/// Uploads an sRGB RGBA8 texture with its full mip chain (see [`mip_chain`]).
fn upload_texture(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    name: &str,
    width: u32,
    height: u32,
    rgba: &[u8],
) -> wgpu::TextureView {
    let (levels, data) = mip_chain(width, height, rgba);
    let texture = device.create_texture_with_data(
        queue,
        &wgpu::TextureDescriptor {
            label: Some(name),
            size: wgpu::Extent3d { width, height, depth_or_array_layers: 1 },
            mip_level_count: levels,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: wgpu::TextureFormat::Rgba8UnormSrgb,
            usage: wgpu::TextureUsages::TEXTURE_BINDING,
            view_formats: &[],
        },
        wgpu::util::TextureDataOrder::LayerMajor,
        &data,
    );
    texture.create_view(&wgpu::TextureViewDescriptor::default())
}
