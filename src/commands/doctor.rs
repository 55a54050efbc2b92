//! `holoforge doctor`: what this machine can do — GPU adapters and limits, ffmpeg and its
//! encoders, and which export formats are available here.

use anyhow::Result;
use serde::Serialize;

use crate::cli::DoctorCommand;
use crate::error::{render_for_terminal, Exit};
use crate::export::ffmpeg::Ffmpeg;
use crate::export::{Alpha, REGISTRY};
use crate::render::{AdapterSummary, Renderer};

/// The JSON shape of `doctor --json`.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Every adapter seen, best first.
    pub adapters: Vec<String>,
    /// The adapter holoforge would render on, or `{"problem": why}` when none works.
    #[serde(serialize_with = "found_or_problem")]
    pub chosen_adapter: Result<ChosenAdapter, String>,
    /// The ffmpeg found, or `{"problem": why}` when none was.
    #[serde(serialize_with = "found_or_problem")]
    pub ffmpeg: Result<FfmpegSummary, String>,
    /// Every export format and whether it can be produced here.
    pub formats: Vec<FormatStatus>,
}

/// A found thing as itself, a missing one as `{"problem": "why"}` (not serde's `Ok`/`Err`).
fn found_or_problem<T: Serialize, S: serde::Serializer>(value: &Result<T, String>, to: S) -> Result<S::Ok, S::Error> {
    match value {
        Ok(found) => found.serialize(to),
        Err(problem) => serde_json::json!({ "problem": problem }).serialize(to),
    }
}

/// The adapter in use and what it allows.
#[derive(Debug, Serialize)]
pub struct ChosenAdapter {
    /// `name (backend, type)`.
    pub name: String,
    /// Largest texture side: the largest frame it can render.
    pub max_frame_side: u32,
}

/// The ffmpeg that video formats would use.
#[derive(Debug, Serialize)]
pub struct FfmpegSummary {
    /// Executable path.
    pub path: String,
    /// How it was found.
    pub source: &'static str,
    /// First line of `ffmpeg -version`.
    pub version: String,
}

/// One format's availability.
#[derive(Debug, Serialize)]
pub struct FormatStatus {
    /// `--format` value.
    pub name: &'static str,
    /// Alpha support.
    pub alpha: Alpha,
    /// True when it can be produced on this machine.
    pub available: bool,
    /// Why not, when it cannot.
    pub problem: Option<String>,
}

/// Checks the machine and prints the report; exit 3 when no adapter can render.
pub fn doctor(command: DoctorCommand) -> Result<Exit> {
    let adapters = Renderer::list_adapters().iter().map(AdapterSummary::to_string).collect();
    let chosen_adapter = Renderer::new(None)
        .map(|r| ChosenAdapter { name: r.adapter().to_string(), max_frame_side: r.max_texture_side() })
        .map_err(|e| render_for_terminal(&e));
    let ffmpeg = Ffmpeg::locate(command.ffmpeg.as_deref());
    let formats = REGISTRY
        .iter()
        .map(|format| {
            let needed = format.required_encoders();
            let problem = match (&ffmpeg, needed.is_empty()) {
                (_, true) => None,
                (Err(_), false) => Some("needs ffmpeg, which was not found".to_string()),
                (Ok(ff), false) => ff.require_encoders(format.name(), needed).err().map(|e| e.to_string()),
            };
            FormatStatus { name: format.name(), alpha: format.alpha(), available: problem.is_none(), problem }
        })
        .collect();
    let report = Report {
        adapters,
        chosen_adapter,
        ffmpeg: ffmpeg
            .map(|f| FfmpegSummary { path: f.path.display().to_string(), source: f.source, version: f.version })
            .map_err(|e| render_for_terminal(&e)),
        formats,
    };
    if command.json {
        crate::outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_text(&report);
    }
    // Exit 3 when this machine cannot render, or has no ffmpeg for the video formats.
    Ok(if report.chosen_adapter.is_ok() && report.ffmpeg.is_ok() { Exit::Success } else { Exit::Environment })
}

fn print_text(report: &Report) {
    crate::outln!("GPU adapters:");
    for adapter in &report.adapters {
        crate::outln!("  {adapter}");
    }
    match &report.chosen_adapter {
        Ok(a) => crate::outln!("renders on:  {} (frames up to {} px per side)", a.name, a.max_frame_side),
        Err(e) => crate::outln!("renders on:  nothing\n  {}", e.replace('\n', "\n  ")),
    }
    match &report.ffmpeg {
        Ok(f) => crate::outln!("ffmpeg:      {} (from {})\n             {}", f.path, f.source, f.version),
        Err(e) => crate::outln!("ffmpeg:      not found\n  {}", e.replace('\n', "\n  ")),
    }
    crate::outln!("formats:");
    for format in &report.formats {
        match &format.problem {
            None => crate::outln!("  {:<14} available", format.name),
            Some(problem) => crate::outln!("  {:<14} unavailable: {problem}", format.name),
        }
    }
}
