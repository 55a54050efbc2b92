//! A scene uploaded to the GPU: one vertex and one index buffer, one bind group per material.

use wgpu::util::DeviceExt;

use super::pipelines::Pipelines;
use crate::scene::{Scene, Vertex};

/// Uniforms of one material, as `hologram.wgsl` reads them.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct MaterialUniforms {
    base_color: [f32; 4],
    flags: [f32; 4],
}

/// One indexed draw with one material.
pub struct Draw {
    /// Index range in the shared index buffer.
    pub indices: std::ops::Range<u32>,
    /// Vertex offset added to every index.
    pub base_vertex: i32,
    /// Index into [`GpuScene::materials`].
    pub material: usize,
}

/// GPU buffers and bind groups for one scene.
pub struct GpuScene {
    /// All vertices of all meshes.
    pub vertex_buffer: wgpu::Buffer,
    /// All indices of all meshes.
    pub index_buffer: wgpu::Buffer,
    /// Per-material bind groups (group 1).
    pub materials: Vec<wgpu::BindGroup>,
    /// Draw calls, one per mesh.
    pub draws: Vec<Draw>,
}

impl GpuScene {
    /// Uploads geometry, materials and textures.
    pub fn upload(device: &wgpu::Device, queue: &wgpu::Queue, pipelines: &Pipelines, scene: &Scene) -> Self {
        let mut vertices: Vec<Vertex> = Vec::with_capacity(scene.vertex_count());
        let mut indices: Vec<u32> = Vec::with_capacity(scene.triangle_count() * 3);
        let mut draws = Vec::with_capacity(scene.meshes.len());
        for mesh in &scene.meshes {
            let first = indices.len() as u32;
            draws.push(Draw {
                indices: first..first + mesh.indices.len() as u32,
                base_vertex: vertices.len() as i32,
                material: mesh.material,
            });
            vertices.extend_from_slice(&mesh.vertices);
            indices.extend_from_slice(&mesh.indices);
        }
        let vertex_buffer = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("scene vertices"),
            contents: bytemuck::cast_slice(&vertices),
            usage: wgpu::BufferUsages::VERTEX,
        });
        let index_buffer = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("scene indices"),
            contents: bytemuck::cast_slice(&indices),
            usage: wgpu::BufferUsages::INDEX,
        });
        let textures: Vec<wgpu::TextureView> =
            scene.textures.iter().map(|t| upload_texture(device, queue, &t.name, t.width, t.height, &t.rgba)).collect();
        let white = upload_texture(device, queue, "white", 1, 1, &[255; 4]);
        let sampler = device.create_sampler(&wgpu::SamplerDescriptor {
            label: Some("material sampler"),
            address_mode_u: wgpu::AddressMode::Repeat,
            address_mode_v: wgpu::AddressMode::Repeat,
            mag_filter: wgpu::FilterMode::Linear,
            min_filter: wgpu::FilterMode::Linear,
            ..Default::default()
        });
        let materials = scene
            .materials
            .iter()
            .map(|m| {
                let texture = m.base_color_texture.map(|i| &textures[i]);
                let uniforms = MaterialUniforms {
                    base_color: m.base_color,
                    flags: [if texture.is_some() { 1.0 } else { 0.0 }, 0.0, 0.0, 0.0],
                };
                let buffer = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                    label: Some(&format!("material {}", m.name)),
                    contents: bytemuck::bytes_of(&uniforms),
                    usage: wgpu::BufferUsages::UNIFORM,
                });
                device.create_bind_group(&wgpu::BindGroupDescriptor {
                    label: Some(&format!("material {}", m.name)),
                    layout: &pipelines.material_layout,
                    entries: &[
                        wgpu::BindGroupEntry { binding: 0, resource: buffer.as_entire_binding() },
                        wgpu::BindGroupEntry {
                            binding: 1,
                            resource: wgpu::BindingResource::TextureView(texture.unwrap_or(&white)),
                        },
                        wgpu::BindGroupEntry { binding: 2, resource: wgpu::BindingResource::Sampler(&sampler) },
                    ],
                })
            })
            .collect();
        Self { vertex_buffer, index_buffer, materials, draws }
    }
}

fn upload_texture(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    name: &str,
    width: u32,
    height: u32,
    rgba: &[u8],
) -> wgpu::TextureView {
    let texture = device.create_texture_with_data(
        queue,
        &wgpu::TextureDescriptor {
            label: Some(name),
            size: wgpu::Extent3d { width, height, depth_or_array_layers: 1 },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: wgpu::TextureFormat::Rgba8UnormSrgb,
            usage: wgpu::TextureUsages::TEXTURE_BINDING,
            view_formats: &[],
        },
        wgpu::util::TextureDataOrder::LayerMajor,
        rgba,
    );
    texture.create_view(&wgpu::TextureViewDescriptor::default())
}
