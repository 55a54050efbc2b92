//! Render and compute pipelines and their bind-group layouts, created once per device and sample count.

use super::{shaders, Antialiasing, Compose, RenderSettings};
use crate::scene::Vertex;

/// Linear working format: additive glow needs headroom above 1.0 and precision in the dark.
pub const HDR_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba16Float;
/// Depth buffer format.
pub const DEPTH_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Depth32Float;
/// Output format: the encode pass writes sRGB-encoded bytes itself.
pub const OUTPUT_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;
/// Bytes between the views' uniforms in the view buffer (the uniform offset alignment wgpu guarantees).
pub const VIEW_UNIFORM_STRIDE: u64 = 256;

/// All pipelines for one MSAA sample count.
pub struct Pipelines {
    /// Group 0 of the surface shaders: one view's uniforms.
    pub view_layout: wgpu::BindGroupLayout,
    /// Group 1 of the surface shaders: every material's factors in one storage buffer.
    pub material_layout: wgpu::BindGroupLayout,
    /// Group 2 of the surface shaders: the base-colour, emissive and normal-map textures and their samplers.
    pub texture_layout: wgpu::BindGroupLayout,
    /// Group 0 of the bloom passes: parameters, source image, target image.
    pub bloom_layout: wgpu::BindGroupLayout,
    /// Group 0 of the encode pass: parameters, the resolved image, the bloom's core, the output
    /// and the bloom's halo.
    pub encode_layout: wgpu::BindGroupLayout,
    /// Writes depth only: the front-most surface wins, so glow does not pile up through the model.
    pub depth_prepass: wgpu::RenderPipeline,
    /// The depth pre-pass for surfaces whose fragments may be discarded (cut out by alpha, or
    /// back faces of single-sided ones): it runs the material's test.
    pub depth_prepass_discarding: wgpu::RenderPipeline,
    /// Hologram shading, additive, depth-tested against the pre-pass.
    pub hologram: Variants,
    /// Hologram shading, additive, with no depth test: every surface glows through (x-ray).
    pub hologram_xray: Variants,
    /// Lit reference shading, blended "over", depth-tested against the pre-pass.
    pub shaded: Variants,
    /// Glowing edges, additive, depth-tested against the pre-pass.
    pub wire: wgpu::RenderPipeline,
    /// Glowing edges, additive, all of them (x-ray).
    pub wire_xray: wgpu::RenderPipeline,
    /// Edges behind the front-most surface (where the depth test fails), dimmed, additive.
    pub wire_hidden: wgpu::RenderPipeline,
    /// Compute: bright parts of each view, downsampled.
    pub bloom_bright: wgpu::ComputePipeline,
    /// Compute: one direction of the bloom's Gaussian blur.
    pub bloom_blur: wgpu::ComputePipeline,
    /// The encode pass (compose, glitch, FXAA, add bloom, encode to 8-bit straight-alpha sRGB),
    /// specialised per render by [`Pipelines::encode_for`].
    encode_module: wgpu::ShaderModule,
}

/// A render's encode pipelines: without and with the glitch (used by the frames that glitch).
pub struct EncodePipelines {
    /// For frames without glitch.
    pub calm: wgpu::ComputePipeline,
    /// For frames with glitch.
    pub glitching: wgpu::ComputePipeline,
}

impl Pipelines {
    /// The encode pass specialised for `settings` (its composition, anti-aliasing and glow
    /// scales): CPU drivers run both sides of every branch, so what a render does not use is
    /// compiled out instead of skipped.
    pub fn encode_for(&self, device: &wgpu::Device, settings: &RenderSettings) -> EncodePipelines {
        let compose = match settings.tiling.compose {
            Compose::Grid => 0.0,
            Compose::Pyramid { .. } => 1.0,
            Compose::Circle => 2.0,
            Compose::Quilt { .. } => 3.0,
        };
        let [(_, core), (_, halo)] = settings.look.glow_scales();
        let flag = |on: bool| if on { 1.0 } else { 0.0 };
        let pipeline = |glitch: bool| {
            let constants = [
                ("COMPOSE", compose),
                ("FXAA", flag(settings.aa == Antialiasing::Fxaa)),
                ("GLITCH", flag(glitch)),
                ("BLOOM", flag(core > 0.0)),
                ("HALO", flag(halo > 0.0)),
            ];
            device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                label: Some("encode"),
                layout: Some(&device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
                    label: Some("encode"),
                    bind_group_layouts: &[Some(&self.encode_layout)],
                    immediate_size: 0,
                })),
                module: &self.encode_module,
                entry_point: Some("cs_encode"),
                compilation_options: wgpu::PipelineCompilationOptions { constants: &constants, ..Default::default() },
                cache: None,
            })
        };
        EncodePipelines { calm: pipeline(false), glitching: pipeline(true) }
    }
}

/// A surface pipeline for draws whose material reads only its base colour texture (`plain`:
/// CPU drivers pay for every texture read), and for those with emissive or normal maps.
pub struct Variants {
    /// `MAPS = false`: the emissive factor alone, no normal map.
    pub plain: wgpu::RenderPipeline,
    /// `MAPS = true`: emissive texture and normal map read.
    pub mapped: wgpu::RenderPipeline,
}

impl Variants {
    /// The variant for a draw with (`maps`) or without emissive or normal textures.
    pub fn for_draw(&self, maps: bool) -> &wgpu::RenderPipeline {
        if maps {
            &self.mapped
        } else {
            &self.plain
        }
    }
}

/// The parts in which the surface pipelines differ.
struct SurfaceStage<'a> {
    label: &'a str,
    layout: &'a wgpu::PipelineLayout,
    vertex_entry: &'a str,
    fragment_entry: &'a str,
    buffer: wgpu::VertexBufferLayout<'a>,
    depth_write: bool,
    depth_compare: wgpu::CompareFunction,
    blend: Option<wgpu::BlendState>,
    write_mask: wgpu::ColorWrites,
    /// `surface.wgsl`'s `MAPS` override: read the emissive and normal textures.
    maps: bool,
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

fn storage_texture_entry(binding: u32, format: wgpu::TextureFormat) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::StorageTexture {
            access: wgpu::StorageTextureAccess::WriteOnly,
            format,
            view_dimension: wgpu::TextureViewDimension::D2,
        },
        count: None,
    }
}

impl Pipelines {
    /// Compiles the shaders and builds the pipelines for `sample_count` (1 or 4).
    pub fn new(device: &wgpu::Device, sample_count: u32) -> Self {
        let layout = |label: &str, entries: &[wgpu::BindGroupLayoutEntry]| {
            device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor { label: Some(label), entries })
        };
        let view_layout = layout("view uniforms", &[uniform_entry(0, wgpu::ShaderStages::VERTEX_FRAGMENT)]);
        let material_layout = layout(
            "materials",
            &[wgpu::BindGroupLayoutEntry {
                binding: 0,
                visibility: wgpu::ShaderStages::FRAGMENT,
                ty: wgpu::BindingType::Buffer {
                    ty: wgpu::BufferBindingType::Storage { read_only: true },
                    has_dynamic_offset: false,
                    min_binding_size: None,
                },
                count: None,
            }],
        );
        let sampler_entry = |binding| wgpu::BindGroupLayoutEntry {
            binding,
            visibility: wgpu::ShaderStages::FRAGMENT,
            ty: wgpu::BindingType::Sampler(wgpu::SamplerBindingType::Filtering),
            count: None,
        };
        let texture_layout = layout(
            "material textures",
            &[
                texture_entry(0, wgpu::ShaderStages::FRAGMENT, true),
                sampler_entry(1),
                texture_entry(2, wgpu::ShaderStages::FRAGMENT, true),
                sampler_entry(3),
                texture_entry(4, wgpu::ShaderStages::FRAGMENT, true),
                sampler_entry(5),
            ],
        );
        let compute = wgpu::ShaderStages::COMPUTE;
        let bloom_layout = layout(
            "bloom",
            &[uniform_entry(0, compute), texture_entry(1, compute, false), storage_texture_entry(2, HDR_FORMAT)],
        );
        let encode_layout = layout(
            "encode",
            &[
                uniform_entry(0, compute),
                texture_entry(1, compute, false),
                texture_entry(2, compute, true),
                storage_texture_entry(3, OUTPUT_FORMAT),
                texture_entry(4, compute, true),
                wgpu::BindGroupLayoutEntry {
                    binding: 5,
                    visibility: compute,
                    ty: wgpu::BindingType::Sampler(wgpu::SamplerBindingType::Filtering),
                    count: None,
                },
            ],
        );
        let module = |label: &str, source: &str| {
            device.create_shader_module(wgpu::ShaderModuleDescriptor {
                label: Some(label),
                source: wgpu::ShaderSource::Wgsl(source.into()),
            })
        };
        let surface_module = module("surface.wgsl", shaders::SURFACE);
        let bloom_module = module("bloom.wgsl", shaders::BLOOM);
        let encode_module = module("encode.wgsl", shaders::ENCODE);
        let pipeline_layout = |label: &str, groups: &[Option<&wgpu::BindGroupLayout>]| {
            device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
                label: Some(label),
                bind_group_layouts: groups,
                immediate_size: 0,
            })
        };
        let surface_layout =
            pipeline_layout("surface", &[Some(&view_layout), Some(&material_layout), Some(&texture_layout)]);
        let view_only_layout = pipeline_layout("view only", &[Some(&view_layout)]);
        let vertex_attributes =
            wgpu::vertex_attr_array![0 => Float32x3, 1 => Float32x3, 2 => Float32x2, 3 => Float32x4];
        let vertices = || wgpu::VertexBufferLayout {
            array_stride: std::mem::size_of::<Vertex>() as u64,
            step_mode: wgpu::VertexStepMode::Vertex,
            attributes: &vertex_attributes,
        };
        let edge_attributes = wgpu::vertex_attr_array![0 => Float32x3, 1 => Float32x3];
        let edges = || wgpu::VertexBufferLayout {
            array_stride: 24,
            step_mode: wgpu::VertexStepMode::Instance,
            attributes: &edge_attributes,
        };
        let surface = |stage: SurfaceStage| {
            let constants = [("MAPS", stage.maps as u32 as f64)];
            device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
                label: Some(stage.label),
                layout: Some(stage.layout),
                vertex: wgpu::VertexState {
                    module: &surface_module,
                    entry_point: Some(stage.vertex_entry),
                    compilation_options: Default::default(),
                    buffers: &[Some(stage.buffer)],
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
                    module: &surface_module,
                    entry_point: Some(stage.fragment_entry),
                    compilation_options: wgpu::PipelineCompilationOptions {
                        constants: &constants,
                        ..Default::default()
                    },
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
        let additive = Some(wgpu::BlendState { color: additive, alpha: additive });
        let over = Some(wgpu::BlendState::PREMULTIPLIED_ALPHA_BLENDING);
        let all = wgpu::ColorWrites::ALL;
        let (tested, untested) = (wgpu::CompareFunction::LessEqual, wgpu::CompareFunction::Always);
        let depth_only = |label, layout, vertex_entry, fragment_entry| {
            surface(SurfaceStage {
                label,
                layout,
                vertex_entry,
                fragment_entry,
                buffer: vertices(),
                depth_write: true,
                depth_compare: wgpu::CompareFunction::Less,
                blend: None,
                write_mask: wgpu::ColorWrites::empty(),
                maps: false,
            })
        };
        let depth_prepass = depth_only("depth pre-pass", &view_only_layout, "vs_depth", "fs_depth");
        let depth_prepass_discarding =
            depth_only("depth pre-pass (discarding)", &surface_layout, "vs_main", "fs_depth_discarding");
        let styled = |label, fragment_entry, depth_compare, blend| {
            let variant = |maps| {
                surface(SurfaceStage {
                    label,
                    layout: &surface_layout,
                    vertex_entry: "vs_main",
                    fragment_entry,
                    buffer: vertices(),
                    depth_write: false,
                    depth_compare,
                    blend,
                    write_mask: all,
                    maps,
                })
            };
            Variants { plain: variant(false), mapped: variant(true) }
        };
        let wired = |label, fragment_entry, depth_compare| {
            surface(SurfaceStage {
                label,
                layout: &view_only_layout,
                vertex_entry: "vs_wire",
                fragment_entry,
                buffer: edges(),
                depth_write: false,
                depth_compare,
                blend: additive,
                write_mask: all,
                maps: false,
            })
        };
        let compute_pipeline = |label: &str, layout: &wgpu::BindGroupLayout, module, entry: &str| {
            device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                label: Some(label),
                layout: Some(&pipeline_layout(label, &[Some(layout)])),
                module,
                entry_point: Some(entry),
                compilation_options: Default::default(),
                cache: None,
            })
        };
        Self {
            depth_prepass,
            depth_prepass_discarding,
            hologram: styled("hologram", "fs_hologram", tested, additive),
            hologram_xray: styled("hologram x-ray", "fs_hologram", untested, additive),
            shaded: styled("shaded", "fs_shaded", tested, over),
            wire: wired("wireframe", "fs_wire", tested),
            wire_xray: wired("wireframe x-ray", "fs_wire", untested),
            wire_hidden: wired("wireframe hidden lines", "fs_wire_hidden", wgpu::CompareFunction::Greater),
            bloom_bright: compute_pipeline("bloom bright pass", &bloom_layout, &bloom_module, "cs_bright"),
            bloom_blur: compute_pipeline("bloom blur", &bloom_layout, &bloom_module, "cs_blur"),
            encode_module,
            view_layout,
            material_layout,
            texture_layout,
            bloom_layout,
            encode_layout,
        }
    }
}
