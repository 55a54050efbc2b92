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
    /// Group 1 of the surface shaders: every material's factors in one storage buffer.
    pub material_layout: wgpu::BindGroupLayout,
    /// Group 2 of the surface shaders: one base-colour texture and its sampler.
    pub texture_layout: wgpu::BindGroupLayout,
    /// Group 0 of the encode pass: parameters and the resolved image.
    pub encode_layout: wgpu::BindGroupLayout,
    /// Writes depth only: the front-most surface wins, so glow does not pile up through the model.
    pub depth_prepass: wgpu::RenderPipeline,
    /// Hologram shading, additive, depth-tested against the pre-pass.
    pub hologram: wgpu::RenderPipeline,
    /// Hologram shading, additive, with no depth test: every surface glows through (x-ray).
    pub hologram_xray: wgpu::RenderPipeline,
    /// Compute pass: encode to 8-bit straight-alpha sRGB.
    pub encode: wgpu::ComputePipeline,
}

/// The parts in which the two surface pipelines differ.
struct SurfaceStage<'a> {
    label: &'a str,
    layout: &'a wgpu::PipelineLayout,
    vertex_entry: &'a str,
    fragment_entry: &'a str,
    depth_write: bool,
    depth_compare: wgpu::CompareFunction,
    blend: Option<wgpu::BlendState>,
    write_mask: wgpu::ColorWrites,
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

fn texture_entry(binding: u32, visibility: wgpu::ShaderStages, filterable: bool) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility,
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
            label: Some("materials"),
            entries: &[wgpu::BindGroupLayoutEntry {
                binding: 0,
                visibility: wgpu::ShaderStages::FRAGMENT,
                ty: wgpu::BindingType::Buffer {
                    ty: wgpu::BufferBindingType::Storage { read_only: true },
                    has_dynamic_offset: false,
                    min_binding_size: None,
                },
                count: None,
            }],
        });
        let texture_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("base texture"),
            entries: &[
                texture_entry(0, wgpu::ShaderStages::FRAGMENT, true),
                wgpu::BindGroupLayoutEntry {
                    binding: 1,
                    visibility: wgpu::ShaderStages::FRAGMENT,
                    ty: wgpu::BindingType::Sampler(wgpu::SamplerBindingType::Filtering),
                    count: None,
                },
            ],
        });
        let encode_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("encode"),
            entries: &[
                uniform_entry(0, wgpu::ShaderStages::COMPUTE),
                texture_entry(1, wgpu::ShaderStages::COMPUTE, false),
                wgpu::BindGroupLayoutEntry {
                    binding: 2,
                    visibility: wgpu::ShaderStages::COMPUTE,
                    ty: wgpu::BindingType::StorageTexture {
                        access: wgpu::StorageTextureAccess::WriteOnly,
                        format: OUTPUT_FORMAT,
                        view_dimension: wgpu::TextureViewDimension::D2,
                    },
                    count: None,
                },
            ],
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
            bind_group_layouts: &[Some(&frame_layout), Some(&material_layout), Some(&texture_layout)],
            immediate_size: 0,
        });
        let depth_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("depth pre-pass"),
            bind_group_layouts: &[Some(&frame_layout)],
            immediate_size: 0,
        });
        let vertex_attributes =
            wgpu::vertex_attr_array![0 => Float32x3, 1 => Float32x3, 2 => Float32x2, 3 => Float32x4];
        let surface = |stage: SurfaceStage| {
            device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
                label: Some(stage.label),
                layout: Some(stage.layout),
                vertex: wgpu::VertexState {
                    module: &hologram_module,
                    entry_point: Some(stage.vertex_entry),
                    compilation_options: Default::default(),
                    buffers: &[Some(wgpu::VertexBufferLayout {
                        array_stride: std::mem::size_of::<Vertex>() as u64,
                        step_mode: wgpu::VertexStepMode::Vertex,
                        attributes: &vertex_attributes,
                    })],
                },
                primitive: wgpu::PrimitiveState { cull_mode: None, ..Default::default() },
                depth_stencil: Some(wgpu::DepthStencilState {
                    format: DEPTH_FORMAT,
                    depth_write_enabled: Some(stage.depth_write),
                    depth_compare: Some(stage.depth_compare),
                    stencil: Default::default(),
                    bias: Default::default(),
                }),
                multisample: wgpu::MultisampleState { count: sample_count, ..Default::default() },
                fragment: Some(wgpu::FragmentState {
                    module: &hologram_module,
                    entry_point: Some(stage.fragment_entry),
                    compilation_options: Default::default(),
                    targets: &[Some(wgpu::ColorTargetState {
                        format: HDR_FORMAT,
                        blend: stage.blend,
                        write_mask: stage.write_mask,
                    })],
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
        let depth_prepass = surface(SurfaceStage {
            label: "depth pre-pass",
            layout: &depth_layout,
            vertex_entry: "vs_depth",
            fragment_entry: "fs_depth",
            depth_write: true,
            depth_compare: wgpu::CompareFunction::Less,
            blend: None,
            write_mask: wgpu::ColorWrites::empty(),
        });
        let hologram = surface(SurfaceStage {
            label: "hologram",
            layout: &surface_layout,
            vertex_entry: "vs_main",
            fragment_entry: "fs_main",
            depth_write: false,
            depth_compare: wgpu::CompareFunction::LessEqual,
            blend: Some(wgpu::BlendState { color: additive, alpha: additive }),
            write_mask: wgpu::ColorWrites::ALL,
        });
        let hologram_xray = surface(SurfaceStage {
            label: "hologram x-ray",
            layout: &surface_layout,
            vertex_entry: "vs_main",
            fragment_entry: "fs_main",
            depth_write: false,
            depth_compare: wgpu::CompareFunction::Always,
            blend: Some(wgpu::BlendState { color: additive, alpha: additive }),
            write_mask: wgpu::ColorWrites::ALL,
        });
        let encode_pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("encode"),
            bind_group_layouts: &[Some(&encode_layout)],
            immediate_size: 0,
        });
        let encode = device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
            label: Some("encode"),
            layout: Some(&encode_pipeline_layout),
            module: &encode_module,
            entry_point: Some("cs_encode"),
            compilation_options: Default::default(),
            cache: None,
        });
        Self {
            frame_layout,
            material_layout,
            texture_layout,
            encode_layout,
            depth_prepass,
            hologram,
            hologram_xray,
            encode,
        }
    }
}
