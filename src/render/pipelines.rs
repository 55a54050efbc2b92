//! Render pipelines and bind-group layouts, created once per device and target configuration.

use super::shaders;
use crate::scene::Vertex;

/// Linear working format: additive glow needs headroom above 1.0 and precision in the dark.
pub const HDR_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba16Float;
/// Depth buffer format.
pub const DEPTH_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Depth32Float;
/// Output format: the encode pass writes sRGB-encoded bytes itself.
pub const OUTPUT_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

/// All pipelines for one MSAA sample count.
pub struct Pipelines {
    /// Group 0 of the surface shaders: per-frame uniforms.
    pub frame_layout: wgpu::BindGroupLayout,
    /// Group 1 of the surface shaders: material uniforms, texture, sampler.
    pub material_layout: wgpu::BindGroupLayout,
    /// Group 0 of the encode pass: parameters and the resolved image.
    pub encode_layout: wgpu::BindGroupLayout,
    /// Writes depth only: the front-most surface wins, so glow does not pile up through the model.
    pub depth_prepass: wgpu::RenderPipeline,
    /// Hologram shading, additive, depth-tested against the pre-pass.
    pub hologram: wgpu::RenderPipeline,
    /// Full-screen encode to 8-bit straight-alpha sRGB.
    pub encode: wgpu::RenderPipeline,
}

fn uniform_entry(binding: u32, visibility: wgpu::ShaderStages) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Uniform,
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    }
}

fn texture_entry(binding: u32, filterable: bool) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::FRAGMENT,
        ty: wgpu::BindingType::Texture {
            sample_type: wgpu::TextureSampleType::Float { filterable },
            view_dimension: wgpu::TextureViewDimension::D2,
            multisampled: false,
        },
        count: None,
    }
}

impl Pipelines {
    /// Compiles the shaders and builds the pipelines for `sample_count` (1 or 4).
    pub fn new(device: &wgpu::Device, sample_count: u32) -> Self {
        let frame_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("frame uniforms"),
            entries: &[uniform_entry(0, wgpu::ShaderStages::VERTEX_FRAGMENT)],
        });
        let material_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("material"),
            entries: &[
                uniform_entry(0, wgpu::ShaderStages::FRAGMENT),
                texture_entry(1, true),
                wgpu::BindGroupLayoutEntry {
                    binding: 2,
                    visibility: wgpu::ShaderStages::FRAGMENT,
                    ty: wgpu::BindingType::Sampler(wgpu::SamplerBindingType::Filtering),
                    count: None,
                },
            ],
        });
        let encode_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("encode"),
            entries: &[uniform_entry(0, wgpu::ShaderStages::FRAGMENT), texture_entry(1, false)],
        });
        let hologram_module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some("hologram.wgsl"),
            source: wgpu::ShaderSource::Wgsl(shaders::HOLOGRAM.into()),
        });
        let encode_module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some("encode.wgsl"),
            source: wgpu::ShaderSource::Wgsl(shaders::ENCODE.into()),
        });
        let surface_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("surface"),
            bind_group_layouts: &[Some(&frame_layout), Some(&material_layout)],
            immediate_size: 0,
        });
        let surface = |label: &str,
                       depth_write: bool,
                       compare: wgpu::CompareFunction,
                       blend: Option<wgpu::BlendState>,
                       write_mask: wgpu::ColorWrites| {
            let attributes = wgpu::vertex_attr_array![0 => Float32x3, 1 => Float32x3, 2 => Float32x2, 3 => Float32x4];
            device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
                label: Some(label),
                layout: Some(&surface_layout),
                vertex: wgpu::VertexState {
                    module: &hologram_module,
                    entry_point: Some("vs_main"),
                    compilation_options: Default::default(),
                    buffers: &[Some(wgpu::VertexBufferLayout {
                        array_stride: std::mem::size_of::<Vertex>() as u64,
                        step_mode: wgpu::VertexStepMode::Vertex,
                        attributes: &attributes,
                    })],
                },
                primitive: wgpu::PrimitiveState { cull_mode: None, ..Default::default() },
                depth_stencil: Some(wgpu::DepthStencilState {
                    format: DEPTH_FORMAT,
                    depth_write_enabled: Some(depth_write),
                    depth_compare: Some(compare),
                    stencil: Default::default(),
                    bias: Default::default(),
                }),
                multisample: wgpu::MultisampleState { count: sample_count, ..Default::default() },
                fragment: Some(wgpu::FragmentState {
                    module: &hologram_module,
                    entry_point: Some("fs_main"),
                    compilation_options: Default::default(),
                    targets: &[Some(wgpu::ColorTargetState { format: HDR_FORMAT, blend, write_mask })],
                }),
                multiview_mask: None,
                cache: None,
            })
        };
        let additive = wgpu::BlendComponent {
            src_factor: wgpu::BlendFactor::One,
            dst_factor: wgpu::BlendFactor::One,
            operation: wgpu::BlendOperation::Add,
        };
        let depth_prepass =
            surface("depth pre-pass", true, wgpu::CompareFunction::Less, None, wgpu::ColorWrites::empty());
        let hologram = surface(
            "hologram",
            false,
            wgpu::CompareFunction::LessEqual,
            Some(wgpu::BlendState { color: additive, alpha: additive }),
            wgpu::ColorWrites::ALL,
        );
        let encode_pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("encode"),
            bind_group_layouts: &[Some(&encode_layout)],
            immediate_size: 0,
        });
        let encode = device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
            label: Some("encode"),
            layout: Some(&encode_pipeline_layout),
            vertex: wgpu::VertexState {
                module: &encode_module,
                entry_point: Some("vs_fullscreen"),
                compilation_options: Default::default(),
                buffers: &[],
            },
            primitive: Default::default(),
            depth_stencil: None,
            multisample: Default::default(),
            fragment: Some(wgpu::FragmentState {
                module: &encode_module,
                entry_point: Some("fs_encode"),
                compilation_options: Default::default(),
                targets: &[Some(wgpu::ColorTargetState {
                    format: OUTPUT_FORMAT,
                    blend: None,
                    write_mask: wgpu::ColorWrites::ALL,
                })],
            }),
            multiview_mask: None,
            cache: None,
        });
        Self { frame_layout, material_layout, encode_layout, depth_prepass, hologram, encode }
    }
}
