//! `holoforge render MODEL` and `holoforge demo`.

use std::path::Path;

use anyhow::Result;

use crate::cli::{DemoCommand, RenderCommand, RenderOptions};
use crate::error::ExitCode;
use crate::export::ffmpeg::Ffmpeg;
use crate::job::{self, Job, ModelSource};
use crate::progress::Progress;
use crate::render::Renderer;

/// Renders one model file.
pub fn render(command: RenderCommand) -> Result<ExitCode> {
    run_one(ModelSource::File(command.model), &command.options)
}

/// Renders the built-in demo model.
pub fn demo(command: DemoCommand) -> Result<ExitCode> {
    run_one(ModelSource::BuiltIn, &command.options)
}

fn run_one(model: ModelSource, options: &RenderOptions) -> Result<ExitCode> {
    let job = Job::resolve(model, &options.settings(), Path::new(""))?;
    let ffmpeg = match job.required_encoders().is_empty() {
        true => None,
        false => Some(Ffmpeg::locate(options.output_flags.ffmpeg.as_deref())?),
    };
    job::check_encoders(&job, ffmpeg.as_ref())?;
    let claims = job.claim_outputs(options.output_flags.force)?;
    let mut renderer = Renderer::new(options.adapter.as_deref())?;
    let mut progress = Progress::new(options.output_flags.quiet);
    let report = job::run(&job, &claims, &mut renderer, ffmpeg.as_ref(), &mut progress)?;
    let outputs: Vec<String> =
        report.outputs.iter().map(|o| format!("{} ({})", o.display(), job::describe_size(o))).collect();
    progress.info(&format!(
        "wrote {}; {} in {:.1} s ({:.1} frames/s)",
        outputs.join(", "),
        job::plural(report.frames as usize, "frame"),
        report.seconds,
        report.frames as f64 / report.seconds.max(1e-9)
    ));
    Ok(ExitCode::Success)
}
