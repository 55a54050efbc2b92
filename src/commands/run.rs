//! `holoforge run MANIFEST` and `holoforge validate MANIFEST`: a batch of jobs on one GPU device;
//! a failed job is reported and the batch goes on; a summary table (or NDJSON events) at the end.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use serde_json::json;

use crate::cli::{OutputFlags, RunCommand, ValidateCommand};
use crate::error::{render_for_terminal, Exit, Problem};
use crate::export::ffmpeg::Ffmpeg;
use crate::export::output::OutputClaim;
use crate::interrupt;
use crate::job::{self, Job};
use crate::layout::Layout;
use crate::manifest::{self, Manifest};
use crate::progress::Progress;
use crate::render::Renderer;
use crate::settings::Settings;

/// Checks the manifest (and that this machine's ffmpeg has every encoder it needs) and prints the plan.
pub fn validate(command: ValidateCommand) -> Result<Exit> {
    let manifest = manifest::load(&command.manifest, &Settings::default())?;
    let jobs: Vec<&Job> = manifest.jobs.iter().collect();
    check_ffmpeg(&jobs, manifest.ffmpeg.as_deref())?;
    print_plan(&manifest, &jobs, command.json);
    Ok(Exit::Success)
}

/// Finds ffmpeg when any job needs it and checks every job's encoders.
fn check_ffmpeg(jobs: &[&Job], explicit: Option<&Path>) -> Result<Option<Ffmpeg>> {
    if jobs.iter().all(|j| j.required_encoders().is_empty()) {
        return Ok(None);
    }
    let ffmpeg = Ffmpeg::locate(explicit)?;
    for job in jobs {
        job::check_encoders(job, Some(&ffmpeg)).map_err(|e| e.context(format!("job {}", job.name)))?;
    }
    Ok(Some(ffmpeg))
}

/// How one job of the batch ended.
enum Outcome {
    Done(job::JobReport),
    Skipped,
    Failed(String),
}

/// Runs every (selected) job of the manifest.
pub fn run(command: RunCommand) -> Result<Exit> {
    let manifest = manifest::load(&command.manifest, &command.options.settings())?;
    let selected: Vec<&Job> = manifest
        .jobs
        .iter()
        .enumerate()
        .filter(|(i, _)| command.shard.is_none_or(|s| s.includes(*i)))
        .map(|(_, job)| job)
        .collect();
    if command.dry_run {
        print_plan(&manifest, &selected, command.options.output_flags.json);
        return Ok(Exit::Success);
    }
    let batch = Batch {
        flags: &command.options.output_flags,
        adapter: command.options.adapter.as_deref(),
        ffmpeg: command.options.output_flags.ffmpeg.as_deref().or(manifest.ffmpeg.as_deref()),
        skip_existing: command.skip_existing,
        fail_fast: command.fail_fast,
        manifest: Some(&manifest.path),
    };
    run_batch(&selected, &batch)
}

/// How a batch of jobs runs (a manifest's, or several models given to `render`).
pub struct Batch<'a> {
    /// Output flags: force, quiet, progress, JSON events.
    pub flags: &'a OutputFlags,
    /// The adapter asked for.
    pub adapter: Option<&'a str>,
    /// The ffmpeg asked for (flag, else the manifest's).
    pub ffmpeg: Option<&'a Path>,
    /// Skip jobs whose outputs all exist.
    pub skip_existing: bool,
    /// Stop at the first failure.
    pub fail_fast: bool,
    /// The manifest, for the plan event.
    pub manifest: Option<&'a Path>,
}

/// Runs `jobs` on one GPU device: every output claimed first, a failed job reported and the batch
/// going on, events and a summary table at the end.
pub fn run_batch(selected: &[&Job], batch: &Batch) -> Result<Exit> {
    let flags = batch.flags;
    let mut progress = Progress::new(flags.quiet).with_mode(flags.progress).with_events(flags.json);
    progress.event(json!({"event": "plan", "manifest": batch.manifest, "jobs": selected.iter().map(|j| plan_entry(j)).collect::<Vec<_>>()}));

    // Everything the batch needs from the machine, and every output, is checked before any job starts.
    let ffmpeg = check_ffmpeg(selected, batch.ffmpeg)?;
    let claims = claim_outputs(selected, batch.skip_existing, flags.force)?;
    let mut renderer = Renderer::new(batch.adapter)?;
    let max = renderer.max_texture_side();
    if let Some(job) = selected.iter().find(|j| j.render.output_size().0.max(j.render.output_size().1) > max) {
        return Err(Problem::usage(format!(
            "job {}: {}x{} is larger than this GPU allows ({max} px per side on {})",
            job.name,
            job.render.output_size().0,
            job.render.output_size().1,
            renderer.adapter()
        ))
        .into());
    }
    progress.start_batch(selected.len() as u64);

    let started = Instant::now();
    let mut outcomes: Vec<(&Job, Outcome)> = Vec::new();
    for (job, claims) in selected.iter().zip(claims) {
        if interrupt::requested() {
            break;
        }
        let Some(claims) = claims else {
            progress.info(&format!("{}: skipped, its outputs exist", job.name));
            progress.event(json!({"event": "job_skipped", "job": job.name}));
            outcomes.push((job, Outcome::Skipped));
            continue;
        };
        progress.event(json!({"event": "job_started", "job": job.name, "frames": job.frames.len()}));
        progress.set_job(&job.name);
        match job::run(job, &claims, &mut renderer, ffmpeg.as_ref(), &mut progress) {
            Ok(report) => {
                progress.job_done();
                progress.event(finished_event(&job.name, &report));
                outcomes.push((job, Outcome::Done(report)));
            }
            Err(error) => {
                progress.job_done();
                let message = render_for_terminal(&error);
                progress.print(&format!("{}: {message}", job.name));
                progress.event(json!({"event": "job_failed", "job": job.name, "error": format!("{error:#}")}));
                outcomes.push((job, Outcome::Failed(message)));
                if batch.fail_fast || interrupt::requested() {
                    break;
                }
            }
        }
    }
    progress.finish_batch();
    let failed = outcomes.iter().filter(|(_, o)| matches!(o, Outcome::Failed(_))).count();
    let done = outcomes.iter().filter(|(_, o)| matches!(o, Outcome::Done(_))).count();
    let skipped = outcomes.iter().filter(|(_, o)| matches!(o, Outcome::Skipped)).count();
    let not_run = selected.len() - outcomes.len();
    progress.event(summary_event([done, failed, skipped, not_run], started.elapsed().as_secs_f64()));
    if !flags.quiet {
        print_summary(&outcomes);
    }
    if interrupt::requested() {
        eprintln!("error: {}; {done} job(s) finished, the partial output was removed", interrupt::reason());
        return Ok(Exit::Interrupted);
    }
    Ok(if failed > 0 || not_run > 0 { Exit::JobFailed } else { Exit::Success })
}

/// Claims the outputs of every job (None for a job skipped because its outputs exist); every
/// refusal is listed at once, before anything runs.
fn claim_outputs(jobs: &[&Job], skip_existing: bool, force: bool) -> Result<Vec<Option<Vec<OutputClaim>>>> {
    let mut claims = Vec::with_capacity(jobs.len());
    let mut problems = Vec::new();
    for job in jobs {
        if skip_existing && job.outputs.iter().all(|o| o.path.exists()) {
            claims.push(None);
            continue;
        }
        match job.claim_outputs(force) {
            Ok(job_claims) => claims.push(Some(job_claims)),
            Err(error) => problems.push(format!(
                "job {}: {}",
                job.name,
                render_for_terminal(&error).trim_start_matches("error: ")
            )),
        }
    }
    if problems.is_empty() {
        return Ok(claims);
    }
    Err(Problem::usage(format!(
        "{} before any job ran:\n{}",
        crate::text::plural(problems.len(), "output problem"),
        problems.join("\n")
    ))
    .with_hint("nothing was written; pass --force to replace existing outputs, or --skip-existing to resume a batch")
    .into())
}

/// The `job_finished` event (one schema for `run`, `render`, `demo` and `encode`).
pub fn finished_event(job: &str, report: &job::JobReport) -> serde_json::Value {
    json!({
        "event": "job_finished",
        "job": job,
        "frames": report.frames,
        "seconds": report.seconds,
        "outputs": report.outputs.iter().map(|o| json!({"path": o, "bytes": super::outputs::size_in_bytes(o)})).collect::<Vec<_>>(),
    })
}

/// The `summary` event: jobs done, failed, skipped and not run, and the seconds taken.
pub fn summary_event([done, failed, skipped, not_run]: [usize; 4], seconds: f64) -> serde_json::Value {
    json!({"event": "summary", "done": done, "failed": failed, "skipped": skipped, "not_run": not_run, "seconds": seconds})
}

/// One job of the `plan` event.
pub fn plan_entry(job: &Job) -> serde_json::Value {
    json!({
        "job": job.name,
        "model": job.model.label(),
        "size": [job.render.output_size().0, job.render.output_size().1],
        "layout": job.layout.name(),
        "views": [job.render.tiling.cols, job.render.tiling.rows],
        "view_size": [job.render.tiling.tile_width, job.render.tiling.tile_height],
        "fps": job.fps,
        "frames": [job.frames.start, job.frames.end],
        "clip_frames": job.clip_frames,
        "outputs": job.outputs.iter().map(|o| json!({"format": o.format.name(), "path": o.path})).collect::<Vec<_>>(),
    })
}

fn print_plan(manifest: &Manifest, jobs: &[&Job], as_json: bool) {
    if as_json {
        let plan = json!({"manifest": manifest.path, "jobs": jobs.iter().map(|j| plan_entry(j)).collect::<Vec<_>>()});
        crate::outln!("{}", serde_json::to_string_pretty(&plan).unwrap_or_default());
        return;
    }
    crate::outln!("{}: {} job(s)", manifest.path.display(), jobs.len());
    for job in jobs {
        crate::outln!(
            "  {}: {} {}x{}{} @ {} fps, frames {}..{} of {}",
            job.name,
            job.model.label(),
            job.render.output_size().0,
            job.render.output_size().1,
            match job.layout {
                Layout::Single => String::new(),
                _ => format!(
                    " {} of {}",
                    job.layout.name(),
                    crate::text::plural(job.render.tiling.views() as usize, "view")
                ),
            },
            job.fps,
            job.frames.start,
            job.frames.end,
            job.clip_frames
        );
        for output in &job.outputs {
            crate::outln!("    {:<14} → {}", output.format.name(), output.path.display());
        }
    }
}

fn print_summary(outcomes: &[(&Job, Outcome)]) {
    eprintln!("\n{:<24} {:<8} {:>7} {:>8}  output", "job", "status", "frames", "time");
    for (job, outcome) in outcomes {
        let (status, frames, time, outputs) = match outcome {
            Outcome::Done(report) => (
                "done",
                report.frames.to_string(),
                format!("{:.1} s", report.seconds),
                report
                    .outputs
                    .iter()
                    .map(|o| format!("{} ({})", o.display(), super::outputs::describe_size(o)))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Outcome::Skipped => ("skipped", "-".into(), "-".into(), "exists".into()),
            Outcome::Failed(message) => {
                ("failed", "-".into(), "-".into(), message.lines().next().unwrap_or("").to_string())
            }
        };
        eprintln!("{:<24} {:<8} {:>7} {:>8}  {outputs}", job.name, status, frames, time);
    }
}
