//! Choosing the GPU adapter: a hardware GPU when there is one, else a CPU driver (lavapipe,
//! llvmpipe, WARP); `--adapter NAME` picks by name.

use anyhow::Result;

use crate::error::Problem;

/// What the run is using, for messages and `--json`.
#[derive(Debug, Clone)]
pub struct AdapterSummary {
    /// Driver-reported adapter name.
    pub name: String,
    /// Backend (Vulkan, Gl, Metal, Dx12).
    pub backend: String,
    /// Discrete / integrated / virtual GPU, or CPU.
    pub device_type: String,
}

impl std::fmt::Display for AdapterSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}, {})", self.name, self.backend, self.device_type)
    }
}

/// Summarises an adapter's info.
pub fn summarise(info: &wgpu::AdapterInfo) -> AdapterSummary {
    AdapterSummary {
        name: info.name.clone(),
        backend: format!("{:?}", info.backend),
        device_type: match info.device_type {
            wgpu::DeviceType::DiscreteGpu => "discrete GPU",
            wgpu::DeviceType::IntegratedGpu => "integrated GPU",
            wgpu::DeviceType::VirtualGpu => "virtual GPU",
            wgpu::DeviceType::Cpu => "CPU",
            wgpu::DeviceType::Other => "other",
        }
        .to_string(),
    }
}

/// Lower is better: hardware first, then CPU drivers. Hardware prefers Vulkan/Metal/DX12 over GL.
/// CPU drivers prefer GL: Mesa's llvmpipe GL renders as fast as its Vulkan twin (lavapipe) here,
/// and lavapipe (Mesa 22.3, Debian 12) leaks about one frame of memory per frame whenever a
/// shader reads a texture rendered earlier in the frame, which every holoforge frame does.
fn preference(info: &wgpu::AdapterInfo) -> (u8, u8) {
    let kind = match info.device_type {
        wgpu::DeviceType::DiscreteGpu => 0,
        wgpu::DeviceType::IntegratedGpu => 1,
        wgpu::DeviceType::VirtualGpu => 2,
        wgpu::DeviceType::Cpu => 3,
        wgpu::DeviceType::Other => 4,
    };
    let native = matches!(info.backend, wgpu::Backend::Vulkan | wgpu::Backend::Metal | wgpu::Backend::Dx12);
    let backend = match (info.device_type, native) {
        (wgpu::DeviceType::Cpu, native) => native as u8,
        (_, native) => !native as u8,
    };
    (kind, backend)
}

/// Every adapter wgpu can see, best first (the order [`select`] prefers).
pub fn list(instance: &wgpu::Instance) -> Vec<AdapterSummary> {
    let mut adapters = pollster::block_on(instance.enumerate_adapters(wgpu::Backends::all()));
    adapters.sort_by_key(|a| preference(&a.get_info()));
    adapters.iter().map(|a| summarise(&a.get_info())).collect()
}

/// Picks an adapter: the best one whose description (`name (backend, type)`) contains `wanted`
/// (case-insensitive), or the best of all.
pub fn select(instance: &wgpu::Instance, wanted: Option<&str>) -> Result<wgpu::Adapter> {
    let adapters = pollster::block_on(instance.enumerate_adapters(wgpu::Backends::all()));
    let listing = || adapters.iter().map(|a| summarise(&a.get_info()).to_string()).collect::<Vec<_>>().join("; ");
    if adapters.is_empty() {
        return Err(Problem::environment("no GPU adapter found (not even a CPU driver)")
            .with_hint(
                "install Mesa's Vulkan driver for CPU rendering: `sudo apt-get install mesa-vulkan-drivers libvulkan1`",
            )
            .into());
    }
    let mut candidates: Vec<wgpu::Adapter> = match wanted {
        Some(name) => {
            let needle = name.to_lowercase();
            adapters
                .iter()
                .filter(|a| summarise(&a.get_info()).to_string().to_lowercase().contains(&needle))
                .cloned()
                .collect()
        }
        None => adapters.clone(),
    };
    if candidates.is_empty() {
        return Err(Problem::environment(format!("no GPU adapter matches '{}'", wanted.unwrap_or_default()))
            .with_hint(format!("adapters on this machine: {}", listing()))
            .into());
    }
    candidates.sort_by_key(|a| preference(&a.get_info()));
    // Adapters without what the renderer needs are passed over; when none is left, say why.
    let (usable, unusable): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|a| missing_capability(a).is_none());
    match usable.into_iter().next() {
        Some(adapter) => Ok(adapter),
        None => {
            let reasons: Vec<String> = unusable
                .iter()
                .map(|a| format!("{} lacks {}", summarise(&a.get_info()), missing_capability(a).unwrap_or_default()))
                .collect();
            Err(Problem::environment(format!("no GPU adapter can run holoforge's renderer: {}", reasons.join("; ")))
                .with_hint(
                    "holoforge needs compute shaders and storage textures (Vulkan, Metal, DX12 or OpenGL ES 3.1+); Mesa's \
                     llvmpipe/lavapipe have them: `sudo apt-get install mesa-vulkan-drivers libegl-mesa0`",
                )
                .into())
        }
    }
}

/// The storage textures the encode and bloom passes bind at once.
const STORAGE_TEXTURES_NEEDED: u32 = 1;

/// What the renderer needs that `adapter` lacks (compute shaders, storage textures), if anything.
pub fn missing_capability(adapter: &wgpu::Adapter) -> Option<String> {
    let downlevel = adapter.get_downlevel_capabilities();
    if !downlevel.flags.contains(wgpu::DownlevelFlags::COMPUTE_SHADERS) {
        return Some("compute shaders".into());
    }
    let storage = adapter.limits().max_storage_textures_per_shader_stage;
    if storage < STORAGE_TEXTURES_NEEDED {
        return Some(format!("storage textures (it allows {storage} per shader stage)"));
    }
    None
}
