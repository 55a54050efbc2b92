//! `holoforge render MODEL` and `holoforge demo`.

use std::path::Path;
use std::time::Instant;

use std::io::{IsTerminal, Read};

use anyhow::{Context, Result};
use serde_json::json;

use super::run;
use crate::cli::{DemoCommand, RenderCommand, RenderOptions};
use crate::error::{Exit, Problem};
use crate::export::ffmpeg::Ffmpeg;
use crate::job::{self, Job, ModelSource};
use crate::progress::Progress;
use crate::render::Renderer;
use crate::settings::value;

/// Renders one model file, the model piped into standard input (`-`), or several models as a batch.
pub fn render(command: RenderCommand) -> Result<Exit> {
    let models = command.models;
    if models.len() > 1 {
        return render_many(&models, &command.options);
    }
    let model = models.into_iter().next().unwrap_or_default();
    let model = match model.as_os_str() == "-" {
        true => ModelSource::Stdin(std::sync::Arc::new(read_stdin()?)),
        false => ModelSource::File(model),
    };
    run_one(model, &command.options)
}

/// Several models: one job each, outputs named after the models in the folder `-o` names, run
/// as a batch (one GPU device, failures isolated, one summary) as `run` does.
fn render_many(models: &[std::path::PathBuf], options: &RenderOptions) -> Result<Exit> {
    if models.iter().any(|m| m.as_os_str() == "-") {
        return Err(Problem::usage("- (standard input) can only be the one model of a render").into());
    }
    let mut settings = options.settings();
    let folder = match value(&settings.output) {
        Some(output)
            if output == "-"
                || Path::new(output)
                    .extension()
                    .is_some_and(|e| job::format_of_extension(&e.to_string_lossy(), false).is_some()) =>
        {
            return Err(Problem::usage(format!(
                "-o {output}: with {} models, -o names the folder their outputs go to",
                models.len()
            ))
            .with_hint("e.g. -o renders/ (each output is named after its model)")
            .into())
        }
        Some(output) => std::path::PathBuf::from(output),
        None => std::path::PathBuf::new(),
    };
    settings.output = None;
    let jobs = models
        .iter()
        .map(|model| Job::resolve(ModelSource::File(model.clone()), &settings, &folder))
        .collect::<Result<Vec<_>>>()?;
    let mut written = std::collections::HashMap::new();
    for (job, output) in jobs.iter().flat_map(|j| j.outputs.iter().map(move |o| (j, o))) {
        if let Some(other) = written.insert(output.path.clone(), job.model.label()) {
            return Err(Problem::usage(format!(
                "{} and {} would both write {}",
                other,
                job.model.label(),
                output.path.display()
            ))
            .with_hint("models with the same name need separate runs (or a manifest with an output per job)")
            .into());
        }
    }
    let batch = run::Batch {
        flags: &options.output_flags,
        adapter: options.adapter.as_deref(),
        ffmpeg: options.output_flags.ffmpeg.as_deref(),
        skip_existing: false,
        fail_fast: false,
        manifest: None,
    };
    run::run_batch(&jobs.iter().collect::<Vec<_>>(), &batch)
}

/// The model piped into standard input (at most 2 GiB).
fn read_stdin() -> Result<Vec<u8>> {
    const MAX: u64 = 2 << 30;
    if std::io::stdin().is_terminal() {
        return Err(Problem::usage("render -: nothing is piped into standard input")
            .with_hint("pipe a model into it (`holoforge render - < model.glb`) or give the model's path")
            .into());
    }
    let mut bytes = Vec::new();
    std::io::stdin().lock().take(MAX + 1).read_to_end(&mut bytes).context("cannot read standard input")?;
    if bytes.len() as u64 > MAX {
        return Err(Problem::input("standard input: models over 2 GiB are not supported").into());
    }
    if bytes.is_empty() {
        return Err(Problem::input("standard input is empty: no model was piped in").into());
    }
    Ok(bytes)
}

/// Renders the built-in demo model.
pub fn demo(command: DemoCommand) -> Result<Exit> {
    run_one(ModelSource::BuiltIn, &command.options)
}

fn run_one(model: ModelSource, options: &RenderOptions) -> Result<Exit> {
    let flags = &options.output_flags;
    let job = Job::resolve(model, &options.settings(), Path::new(""))?;
    if job.outputs.iter().any(|o| o.path.as_os_str() == "-") {
        if flags.json {
            return Err(Problem::usage("-o - and --json both want standard output; use one of them").into());
        }
        if std::io::stdout().is_terminal() {
            return Err(Problem::usage("-o -: standard output is a terminal, not a file or a pipe")
                .with_hint("pipe it (`| ffprobe -`, `> clip.mp4`) or give a file with -o")
                .into());
        }
    }
    let ffmpeg = match job.required_encoders().is_empty() {
        true => None,
        false => Some(Ffmpeg::locate(flags.ffmpeg.as_deref())?),
    };
    job::check_encoders(&job, ffmpeg.as_ref())?;
    let claims = job.claim_outputs(flags.force)?;
    let mut renderer = Renderer::new(options.adapter.as_deref())?;
    let mut progress = Progress::new(flags.quiet).with_mode(flags.progress).with_events(flags.json);
    // The events of `run --json`, for a batch of one.
    progress.event(json!({"event": "plan", "jobs": [run::plan_entry(&job)]}));
    progress.event(json!({"event": "job_started", "job": job.name, "frames": job.frames.len()}));
    progress.set_job(&job.name);
    let started = Instant::now();
    let report = match job::run(&job, &claims, &mut renderer, ffmpeg.as_ref(), &mut progress) {
        Ok(report) => report,
        Err(error) => {
            progress.event(json!({"event": "job_failed", "job": job.name, "error": format!("{error:#}")}));
            progress.event(run::summary_event([0, 1, 0, 0], started.elapsed().as_secs_f64()));
            return Err(error);
        }
    };
    progress.event(run::finished_event(&job.name, &report));
    progress.event(run::summary_event([1, 0, 0, 0], started.elapsed().as_secs_f64()));
    let outputs: Vec<String> =
        report.outputs.iter().map(|o| format!("{} ({})", o.display(), super::outputs::describe_size(o))).collect();
    progress.info(&format!(
        "wrote {}; {} in {:.1} s ({:.1} frames/s)",
        outputs.join(", "),
        crate::text::plural(report.frames as usize, "frame"),
        report.seconds,
        report.frames as f64 / report.seconds.max(1e-9)
    ));
    Ok(Exit::Success)
}
