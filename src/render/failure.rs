//! What GPU failures mean for the user: wgpu's captured errors and a lost device become
//! [`Problem`]s with the exit code and hint that fit them.

use std::sync::{Arc, Mutex};

use super::AdapterSummary;
use crate::error::Problem;

/// What a render needs to explain a GPU failure: the adapter, whether the device was lost, and
/// the size and sample count that an out-of-memory error blames.
#[derive(Clone)]
pub(super) struct GpuFailures {
    /// The adapter in use.
    pub(super) adapter: AdapterSummary,
    /// Set by wgpu when the device is lost.
    pub(super) lost: Arc<Mutex<Option<String>>>,
    /// Output size of the render.
    pub(super) size: (u32, u32),
    /// MSAA samples of the render.
    pub(super) msaa: u32,
}

impl GpuFailures {
    /// The error for a captured wgpu error (or for the lost device, which explains it better).
    pub(super) fn explain(&self, error: wgpu::Error) -> anyhow::Error {
        match lost_reason(&self.lost) {
            Some(reason) => device_lost(&self.adapter, &reason),
            None => classify_gpu_error(error, &self.adapter, self.size, self.msaa),
        }
    }

    /// A failed wait or map is the lost device when wgpu said so, else the error itself.
    pub(super) fn explain_readback(&self, error: anyhow::Error) -> anyhow::Error {
        match lost_reason(&self.lost) {
            Some(reason) => device_lost(&self.adapter, &reason),
            None => error,
        }
    }
}

/// What a wgpu error means for the user: out of memory is a render too large for this GPU (a
/// usage error), a validation error is a bug in holoforge (said so), an internal error is the
/// driver or the system failing.
fn classify_gpu_error(
    error: wgpu::Error,
    adapter: &AdapterSummary,
    (width, height): (u32, u32),
    msaa: u32,
) -> anyhow::Error {
    match error {
        wgpu::Error::OutOfMemory { .. } if msaa > 1 => Problem::usage(format!(
            "a {width}x{height} render with {msaa}× MSAA of this model is too large for this GPU ({adapter})"
        ))
        .with_hint("use a smaller --size, or --aa fxaa (a quarter of the memory)")
        .into(),
        wgpu::Error::OutOfMemory { .. } => Problem::usage(format!(
            "a {width}x{height} render of this model is too large for this GPU ({adapter})"
        ))
        .with_hint("use a smaller --size")
        .into(),
        wgpu::Error::Validation { description, .. } => Problem::input(format!(
            "internal error: the GPU ({adapter}) refused holoforge's commands, which is a bug in holoforge, not in your model or settings: {description}"
        ))
        .with_hint("please report it with the command line and `holoforge doctor`; another --adapter may work meanwhile")
        .into(),
        wgpu::Error::Internal { description, .. } => Problem::environment(format!(
            "the GPU driver failed ({adapter}): {description}"
        ))
        .with_hint("run it again; if it repeats, update the driver or render on the CPU with --adapter llvmpipe")
        .into(),
    }
}

/// Why the device was lost, once wgpu said so.
fn lost_reason(lost: &Mutex<Option<String>>) -> Option<String> {
    lost.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

/// The error for a lost GPU device.
fn device_lost(adapter: &AdapterSummary, reason: &str) -> anyhow::Error {
    Problem::environment(format!("the GPU device was lost ({adapter}; {reason}): the driver reset or the GPU failed"))
        .with_hint("run it again; if it repeats, check the GPU driver (dmesg, nvidia-smi) or render on the CPU with --adapter llvmpipe")
        .into()
}

/// Captures wgpu's out-of-memory and validation errors while alive, so that a render too large for
/// the device becomes an error instead of wgpu's default panic.
pub(super) struct CapturedErrors {
    out_of_memory: wgpu::ErrorScopeGuard,
    validation: wgpu::ErrorScopeGuard,
}

impl CapturedErrors {
    /// Starts capturing on `device`.
    pub(super) fn start(device: &wgpu::Device) -> Self {
        let out_of_memory = device.push_error_scope(wgpu::ErrorFilter::OutOfMemory);
        let validation = device.push_error_scope(wgpu::ErrorFilter::Validation);
        Self { out_of_memory, validation }
    }

    /// The first error captured, if any (scopes pop in reverse order).
    pub(super) fn finish(self) -> Option<wgpu::Error> {
        let validation = pollster::block_on(self.validation.pop());
        let out_of_memory = pollster::block_on(self.out_of_memory.pop());
        out_of_memory.or(validation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adapter() -> AdapterSummary {
        AdapterSummary { name: "Test GPU".into(), backend: "Vulkan".into(), device_type: "DiscreteGpu".into() }
    }

    fn source() -> Box<dyn std::error::Error + Send + Sync + 'static> {
        Box::new(std::io::Error::other("detail"))
    }

    #[test]
    fn gpu_errors_say_what_happened() {
        let oom = classify_gpu_error(wgpu::Error::OutOfMemory { source: source() }, &adapter(), (7680, 4320), 4);
        assert_eq!(
            oom.to_string(),
            "a 7680x4320 render with 4× MSAA of this model is too large for this GPU (Test GPU (Vulkan, DiscreteGpu))"
        );
        assert_eq!(crate::error::Exit::for_error(&oom), crate::error::Exit::Usage);
        let validation = wgpu::Error::Validation { source: source(), description: "bad binding".into() };
        let bug = classify_gpu_error(validation, &adapter(), (64, 64), 1);
        assert!(
            bug.to_string().starts_with("internal error: the GPU (Test GPU (Vulkan, DiscreteGpu)) refused"),
            "{bug}"
        );
        assert!(!bug.to_string().contains("--size"), "not blamed on the size");
        let internal = wgpu::Error::Internal { source: source(), description: "VK_ERROR_DEVICE_LOST".into() };
        let driver = classify_gpu_error(internal, &adapter(), (64, 64), 1);
        assert_eq!(crate::error::Exit::for_error(&driver), crate::error::Exit::Environment);
        let lost = device_lost(&adapter(), "Unknown: reset");
        assert!(lost.to_string().starts_with("the GPU device was lost"), "{lost}");
    }
}
