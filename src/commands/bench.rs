//! `holoforge bench MODEL`: what each stage of a frame costs on the adapter in use, what the
//! sinks cost, and how fast the pipelined frame loop runs. It writes no files.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::json;

use crate::cli::BenchCommand;
use crate::error::Exit;
use crate::export::ffmpeg::{Ffmpeg, FfmpegChild};
use crate::export::{encode_png, mp4_video_args, raw_input_args, Quality};
use crate::frame::Frame;
use crate::job::{Job, ModelSource};
use crate::render::{FrameInput, Renderer, StageName};
use crate::settings::from_cli;

/// Frames timed when `--frames` is not given.
const DEFAULT_FRAMES: u32 = 24;

/// One row of the benchmark's table: a stage or sink and its mean cost per frame.
struct Row {
    name: String,
    per_frame: Duration,
}

/// Runs the benchmark and prints its table (or JSON with `--json`).
pub fn bench(command: BenchCommand) -> Result<Exit> {
    let options = &command.options;
    let mut settings = options.settings();
    if settings.frames.is_none() {
        settings.frames = from_cli(Some(DEFAULT_FRAMES));
    }
    // The outputs are only named, never claimed or written.
    let job = Job::resolve(ModelSource::File(command.model.clone()), &settings, Path::new(""))?;
    let started = Instant::now();
    let scene = job.model.load(job.up)?;
    let load = started.elapsed();
    let playback = job.playback_for(&scene)?;
    let camera = job.camera_for(&scene)?;
    let framing = job.framing(&scene, playback.as_ref(), &camera);
    let inputs: Vec<FrameInput> = job.frame_inputs(&scene, framing, &camera, playback).collect();
    let started = Instant::now();
    let mut renderer = Renderer::new(options.adapter.as_deref())?;
    let device = started.elapsed();

    // Stage by stage: each stage submitted alone and waited for, after one warm-up frame that
    // compiles the shaders.
    let started = Instant::now();
    let mut stream = renderer.begin(&scene, &job.render)?;
    let upload = started.elapsed();
    let started = Instant::now();
    stream.profile(&inputs[0])?;
    let first_frame = started.elapsed();
    let mut stages: Vec<(StageName, Duration)> = Vec::new();
    let mut frames: Vec<Frame> = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let (frame, times) = stream.profile(input)?;
        for (name, time) in times {
            match stages.iter_mut().find(|(n, _)| *n == name) {
                Some((_, total)) => *total += time,
                None => stages.push((name, time)),
            }
        }
        frames.push(frame);
    }
    drop(stream);
    let count = inputs.len() as u32;
    let mut rows: Vec<Row> =
        stages.iter().map(|(name, total)| Row { name: name.label().into(), per_frame: *total / count }).collect();
    let staged: Duration = rows.iter().map(|r| r.per_frame).sum();

    // The frame loop as `render` runs it: stages overlapped, readback ring in use.
    let stream = renderer.begin(&scene, &job.render)?;
    let started = Instant::now();
    for frame in stream.frames(inputs.iter().cloned()) {
        frame?;
    }
    let pipelined = started.elapsed() / count;

    // The sinks, on the frames just rendered.
    let started = Instant::now();
    for frame in &frames {
        encode_png(frame.clone(), Quality::default(), None)?;
    }
    rows.push(Row { name: "sink: png (one thread)".into(), per_frame: started.elapsed() / count });
    let ffmpeg = Ffmpeg::locate(options.output_flags.ffmpeg.as_deref()).ok();
    if let Some(ffmpeg) = ffmpeg.as_ref().filter(|f| f.require_encoders("mp4", &["libx264"]).is_ok()) {
        let per_frame = x264_encode_only(ffmpeg, &job, &frames)?;
        rows.push(Row { name: "sink: mp4 x264, encode only".into(), per_frame });
    }

    let adapter = renderer.adapter().to_string();
    let (width, height) = job.render.output_size();
    let aa = job.render.aa.name();
    if options.output_flags.json {
        let stage_json: Vec<_> =
            rows.iter().map(|r| json!({"stage": r.name, "ms_per_frame": millis(r.per_frame)})).collect();
        crate::outln!(
            "{}",
            json!({
                "model": job.model.label(), "adapter": adapter, "width": width, "height": height,
                "frames": count, "style": style_name(job.render.look.style), "aa": aa,
                "load_ms": millis(load), "device_ms": millis(device), "upload_ms": millis(upload),
                "first_frame_ms": millis(first_frame), "stages": stage_json,
                "staged_ms_per_frame": millis(staged), "pipelined_ms_per_frame": millis(pipelined),
            })
        );
        return Ok(Exit::Success);
    }
    crate::outln!(
        "{} at {width}x{height}, {} style, {aa} anti-aliasing, {} on {adapter}",
        job.model.label(),
        style_name(job.render.look.style),
        crate::text::plural(count as usize, "frame")
    );
    crate::outln!(
        "once: load {:.1} ms, device {:.1} ms, upload {:.1} ms, first frame (shader compilation) {:.1} ms",
        millis(load),
        millis(device),
        millis(upload),
        millis(first_frame)
    );
    crate::outln!("{:<30} {:>10}", "per frame", "ms");
    for row in &rows {
        crate::outln!("{:<30} {:>10.2}", row.name, millis(row.per_frame));
    }
    crate::outln!("{:<30} {:>10.2}", "stages one by one, in all", millis(staged));
    crate::outln!("{:<30} {:>10.2}", "frame loop (render, readback)", millis(pipelined));
    Ok(Exit::Success)
}

/// The mean cost per frame of encoding `frames` with the `mp4` format's x264 settings, muxed
/// nowhere (ffmpeg's `null` muxer).
fn x264_encode_only(ffmpeg: &Ffmpeg, job: &Job, frames: &[Frame]) -> Result<Duration> {
    let (width, height) = job.render.output_size();
    let mut args = raw_input_args(width, height, job.fps);
    args.extend(mp4_video_args(job.quality, job.crf, job.encoder_preset.as_deref()));
    args.extend(["-f", "null", "-"].map(String::from));
    let started = Instant::now();
    let mut child = FfmpegChild::spawn(ffmpeg, &args, false)?;
    for frame in frames {
        child.write(&frame.rgba)?;
    }
    child.finish()?;
    Ok(started.elapsed() / frames.len().max(1) as u32)
}

/// A duration in milliseconds.
fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// A style's name, as `--style` takes it.
fn style_name(style: crate::look::Style) -> &'static str {
    crate::look::STYLES.iter().find(|(_, s, _)| *s == style).map_or("", |(name, ..)| name)
}
