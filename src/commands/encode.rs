//! `holoforge encode FRAMES_DIR -f FORMAT`: a frame sequence (PNG, or raw RGBA with its
//! `frames.json`) — for example assembled from render-farm shards — into any export format.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cli::EncodeCommand;
use crate::error::{Exit, Problem};
use crate::export::ffmpeg::Ffmpeg;
use serde_json::json;

use crate::export::{self, output, Alpha, SinkSpec};
use crate::frame::Frame;
use crate::look::Rgb;
use crate::progress::Progress;

/// One frame file: its frame number and path.
struct FrameFile {
    index: u32,
    path: PathBuf,
}

/// Encodes the folder's frames, in frame-number order.
pub fn encode(command: EncodeCommand) -> Result<Exit> {
    let format = export::find(&format_name(&command)?)?;
    let (files, raw) = frame_files(&command.frames)?;
    let sidecar = if raw { Some(read_sidecar(&command.frames)?) } else { None };
    let (width, height) = match &sidecar {
        Some(s) => (s.width, s.height),
        None => {
            let first = image::image_dimensions(&files[0].path)
                .with_context(|| format!("cannot read {}", files[0].path.display()))?;
            (first.0, first.1)
        }
    };
    export::check_size(format, width, height)?;
    let fps = command.fps.or(sidecar.as_ref().map(|s| s.fps)).unwrap_or(30);
    let background = match &command.background {
        Some(text) => Rgb::parse(text)?,
        None => Rgb([0, 0, 0]),
    };
    let composite = format.alpha() != Alpha::Full || command.background.is_some();
    let ffmpeg = match format.required_encoders() {
        [] => None,
        needed => {
            let ffmpeg = Ffmpeg::locate(command.output_flags.ffmpeg.as_deref())?;
            ffmpeg.require_encoders(format.name(), needed)?;
            Some(ffmpeg)
        }
    };
    let output = command.output.clone().unwrap_or_else(|| {
        let stem = command.frames.file_name().map_or("frames".into(), |n| n.to_string_lossy().into_owned());
        crate::export::with_format_suffix(PathBuf::from(stem), format, false)
    });
    // The frames are the input: the output may be neither them nor their folder.
    let inputs: Vec<PathBuf> =
        std::iter::once(command.frames.clone()).chain(files.iter().map(|f| f.path.clone())).collect();
    let claim = output::claim(&output, format.shape(files.len() as u32), command.output_flags.force, &inputs)?;
    let spec = SinkSpec {
        output: &claim,
        width,
        height,
        fps,
        frames: files.len() as u32,
        transparent: !composite,
        quality: command.encoding.quality.unwrap_or_default(),
        crf: command.encoding.crf,
        encoder_preset: command.encoding.encoder_preset.as_deref(),
        ffmpeg: ffmpeg.as_ref(),
    };
    let flags = &command.output_flags;
    let mut progress = Progress::new(flags.quiet).with_mode(flags.progress).with_events(flags.json);
    let name = output.display().to_string();
    let outputs = json!([{"format": format.name(), "path": output}]);
    progress.event(json!({"event": "plan", "jobs": [{"job": name, "frames": [0, files.len()], "size": [width, height], "fps": fps, "outputs": outputs}]}));
    progress.event(json!({"event": "job_started", "job": name, "frames": files.len()}));
    progress.set_job(&name);
    let started = std::time::Instant::now();
    progress.info(&format!("encoding {} frames from {} → {}", files.len(), command.frames.display(), output.display()));
    let encoded = (|| {
        let mut sink = format.open(&spec)?;
        progress.start_frames(files.len() as u64);
        for file in &files {
            if crate::interrupt::requested() {
                return Err(crate::interrupt::interrupted());
            }
            let mut frame = read_frame(file, width, height, raw)?;
            if composite {
                frame.composite_over(background);
            }
            sink.push(frame)?;
            progress.frame_done();
        }
        progress.finish_frames();
        sink.finish()
    })();
    let written = match encoded {
        Ok(written) => written,
        Err(error) => {
            progress.finish_frames();
            progress.event(json!({"event": "job_failed", "job": name, "error": format!("{error:#}")}));
            progress.event(super::run::summary_event([0, 1, 0, 0], started.elapsed().as_secs_f64()));
            return Err(error);
        }
    };
    let report = crate::job::JobReport {
        outputs: vec![written.clone()],
        frames: files.len() as u32,
        seconds: started.elapsed().as_secs_f64(),
    };
    progress.event(super::run::finished_event(&name, &report));
    progress.event(super::run::summary_event([1, 0, 0, 0], report.seconds));
    progress.info(&format!("wrote {} ({})", written.display(), super::outputs::describe_size(&written)));
    Ok(Exit::Success)
}

/// `-f`, else the format `-o`'s extension names.
fn format_name(command: &EncodeCommand) -> Result<String> {
    if let Some(format) = &command.format {
        return Ok(format.clone());
    }
    let extension = command.output.as_deref().and_then(Path::extension).map(|e| e.to_string_lossy().into_owned());
    match extension.as_deref().and_then(|e| crate::job::format_of_extension(e, false)) {
        Some(format) => Ok(format.to_string()),
        None => Err(Problem::usage("encode: give the format with -f, or an output whose extension names one")
            .with_hint("e.g. -o clip.mp4, -o clip.webm, -o clip.mov (ProRes), -o clip.gif")
            .into()),
    }
}

/// The frame files of the folder, sorted by frame number; `true` when they are raw RGBA.
fn frame_files(folder: &Path) -> Result<(Vec<FrameFile>, bool)> {
    let entries = std::fs::read_dir(folder).map_err(|e| {
        Problem::usage(format!("{}: cannot read the frames folder: {}", folder.display(), crate::error::io_reason(&e)))
    })?;
    let mut files = Vec::new();
    let mut raw = None;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("frame_") else { continue };
        let Some((number, extension)) = rest.split_once('.') else { continue };
        let (Ok(index), Some(is_raw)) = (
            number.parse::<u32>(),
            match extension {
                "png" => Some(false),
                "rgba" => Some(true),
                _ => None,
            },
        ) else {
            continue;
        };
        if *raw.get_or_insert(is_raw) != is_raw {
            return Err(Problem::usage(format!("{}: mixes .png and .rgba frames", folder.display())).into());
        }
        files.push(FrameFile { index, path: entry.path() });
    }
    if files.is_empty() {
        return Err(Problem::usage(format!("{}: no frame_NNNNN.png or frame_NNNNN.rgba files", folder.display()))
            .with_hint("render with --format png or --format rgba first")
            .into());
    }
    files.sort_by_key(|f| f.index);
    if let Some(pair) = files.windows(2).find(|p| p[1].index == p[0].index) {
        return Err(Problem::usage(format!(
            "{}: {} and {} are both frame {}",
            folder.display(),
            pair[0].path.display(),
            pair[1].path.display(),
            pair[0].index
        ))
        .into());
    }
    if let Some(pair) = files.windows(2).find(|p| p[1].index != p[0].index + 1) {
        return Err(Problem::usage(format!(
            "{}: frames {} to {} are missing",
            folder.display(),
            pair[0].index + 1,
            pair[1].index - 1
        ))
        .with_hint("a shard may not have finished; render the missing range with --start-frame/--frames")
        .into());
    }
    Ok((files, raw.unwrap_or(false)))
}

/// What `frames.json` says about raw frames.
#[derive(Debug, serde::Deserialize)]
pub struct Sidecar {
    /// Frame width.
    pub width: u32,
    /// Frame height.
    pub height: u32,
    /// Frames per second.
    pub fps: u32,
}

fn read_sidecar(folder: &Path) -> Result<Sidecar> {
    let path = folder.join("frames.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Problem::usage(format!("{}: {} (raw frames need it)", path.display(), crate::error::io_reason(&e)))
    })?;
    parse_sidecar(&path, &text)
}

/// Parses and checks `frames.json` text (named `path` in messages).
pub fn parse_sidecar(path: &Path, text: &str) -> Result<Sidecar> {
    let sidecar: Sidecar =
        serde_json::from_str(text).map_err(|e| Problem::usage(format!("{}: {e}", path.display())))?;
    let side = 1..=crate::size::MAX_SIDE;
    if !side.contains(&sidecar.width) || !side.contains(&sidecar.height) || !(1..=240).contains(&sidecar.fps) {
        return Err(Problem::usage(format!(
            "{}: {}x{} at {} fps is not a frame size and rate holoforge writes",
            path.display(),
            sidecar.width,
            sidecar.height,
            sidecar.fps
        ))
        .into());
    }
    Ok(sidecar)
}

fn read_frame(file: &FrameFile, width: u32, height: u32, raw: bool) -> Result<Frame> {
    let rgba = if raw {
        std::fs::read(&file.path).with_context(|| format!("cannot read {}", file.path.display()))?
    } else {
        image::open(&file.path).with_context(|| format!("cannot read {}", file.path.display()))?.into_rgba8().into_raw()
    };
    if rgba.len() as u64 != width as u64 * height as u64 * 4 {
        return Err(
            Problem::usage(format!("{}: not a {width}x{height} frame like the others", file.path.display())).into()
        );
    }
    Ok(Frame { index: file.index, width, height, rgba })
}
