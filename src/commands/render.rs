//! `holoforge render MODEL` and `holoforge demo`.

use anyhow::Result;

use crate::cli::{DemoCommand, RenderCommand, RenderOptions};
use crate::error::ExitCode;
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
    let job = Job::resolve(model, options)?;
    let ffmpeg = job::ffmpeg_for(&job)?;
    let mut renderer = Renderer::new(job.adapter.as_deref())?;
    let mut progress = Progress::new(options.quiet);
    let report = job::run(&job, &mut renderer, ffmpeg.as_ref(), &mut progress)?;
    progress.info(&format!(
        "wrote {} ({}, {}, {:.1} s, {:.1} frames/s)",
        report.output.display(),
        job::plural(report.frames as usize, "frame"),
        job::describe_size(&report.output),
        report.seconds,
        report.frames as f64 / report.seconds.max(1e-9)
    ));
    Ok(ExitCode::Success)
}
