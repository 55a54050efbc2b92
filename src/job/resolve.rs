//! Resolving a job's settings (command line and manifest layers) into a validated [`Job`].

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{ModelSource, Output, DEFAULT_DURATION, DEFAULT_FORMAT, DEFAULT_FPS, DEFAULT_SIZE};
use crate::camera::{
    file_camera_name, motion_names, preset, view_names, CameraSettings, FileCameraChoice, Motion, View,
    FILE_CAMERA_PREFIX,
};
use crate::error::Problem;
use crate::export::{self, with_format_suffix, Alpha, ExportStrategy};
use crate::job::Job;
use crate::layout::Layout;
use crate::look::{Background, Look, Rgb, Style};
use crate::render::{Antialiasing, RenderSettings};
use crate::scene::probe::{self, Probe};
use crate::settings::{located, value, Settings};
use crate::size::FrameSize;

impl Job {
    /// Resolves settings into a job, validating every value; relative paths are taken from `base_dir`.
    pub fn resolve(model: ModelSource, settings: &Settings, base_dir: &Path) -> Result<Self> {
        let fps = value(&settings.fps).copied().unwrap_or(DEFAULT_FPS);
        if !(1..=240).contains(&fps) {
            return Err(located(
                Problem::usage(format!("fps {fps} is out of range (1 to 240)")).into(),
                "fps",
                &settings.fps,
            ));
        }
        let probe = match &model {
            ModelSource::File(path) => probe::probe(path),
            ModelSource::BuiltIn => Probe::default(),
            ModelSource::Stdin(bytes) => probe::probe_bytes(bytes),
        };
        let speed = animation_speed(settings)?;
        let (clip_frames, frames) = frame_range(settings, fps, animation_seconds(&model, &probe, settings, speed))?;
        let formats = formats(settings, frames.len() == 1)?;
        let explicit_size = match value(&settings.size) {
            Some(text) => Some(FrameSize::parse(text).map_err(|e| located(e, "size", &settings.size))?),
            None => None,
        };
        let layout = match value(&settings.layout) {
            Some(spec) => Layout::resolve(spec, explicit_size).map_err(|e| located(e, "layout", &settings.layout))?,
            None => Layout::Single,
        };
        let size = match explicit_size {
            Some(size) => size,
            None => FrameSize::parse(DEFAULT_SIZE)?,
        };
        let tiling = layout.tiling(size);
        let (width, height) = tiling.output_size();
        for format in &formats {
            export::check_size(*format, width, height).map_err(|e| match explicit_size {
                Some(_) => located(e, "size", &settings.size),
                None => located(e, "layout", &settings.layout),
            })?;
        }
        // Pyramids and fans show black as nothing: their background is black, alpha or not.
        let background = match layout.needs_black() {
            true => Background::Color(Rgb([0, 0, 0])),
            false => background(settings, &formats)?,
        };
        let mut look = look(settings)?.for_frame_rate(fps);
        if let Some(text) = value(&settings.color) {
            look.color = Rgb::parse(text).map_err(|e| located(e, "color", &settings.color))?;
        }
        let aa = antialiasing(settings)?;
        let inputs = match &model {
            ModelSource::File(path) => std::iter::once(path.clone()).chain(probe.dependencies).collect(),
            ModelSource::BuiltIn | ModelSource::Stdin(_) => Vec::new(),
        };
        let mut outputs =
            outputs(&model, settings, base_dir, &formats, background, frames.len() == 1, layout.file_tag().as_deref())?;
        if let Some(poster) = poster(settings, &outputs, &frames, background)? {
            outputs.push(poster);
        }
        let camera = camera_settings(settings, clip_frames as f64 / fps as f64)?;
        layout.check_motion(&camera.motion).map_err(|e| located(e, "layout", &settings.layout))?;
        let name = value(&settings.name).cloned().unwrap_or_else(|| match &model {
            ModelSource::File(path) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            }
            ModelSource::BuiltIn => "demo".into(),
            ModelSource::Stdin(_) => "stdin".into(),
        });
        Ok(Self {
            name,
            model,
            outputs,
            render: RenderSettings { tiling, aa, look, background },
            layout,
            fps,
            clip_frames,
            animation: value(&settings.animation).cloned(),
            animation_speed: speed,
            animation_loops: animation_loops(settings)?,
            frames,
            inputs,
            camera,
            up: value(&settings.up).copied().unwrap_or_default(),
            quality: value(&settings.quality).copied().unwrap_or_default(),
            crf: crf(settings, &formats)?,
            encoder_preset: value(&settings.encoder_preset).cloned(),
        })
    }
}

/// The format an output file's extension names: `.mp4`, `.mov` (ProRes), `.gif`, `.webm`, `.webp`,
/// `.jpg`, and `.png` (one PNG for a still, else an animated PNG).
pub fn format_of_extension(extension: &str, still: bool) -> Option<&'static str> {
    Some(match extension.to_ascii_lowercase().as_str() {
        "mp4" => "mp4",
        "mov" => "prores",
        "gif" => "gif",
        "webm" => "webm",
        "webp" => "webp",
        "jpg" | "jpeg" => "jpeg",
        "png" if still => "png",
        "png" | "apng" => "apng",
        _ => return None,
    })
}

/// The extension of the `output` setting, when it has one.
/// The anti-aliasing method: `aa`, else `msaa` (its older spelling: 4 is msaa, 1 is none),
/// else `msaa`.
fn antialiasing(settings: &Settings) -> Result<Antialiasing> {
    if let (Some(_), Some(_)) = (&settings.aa, &settings.msaa) {
        let error = Problem::usage("aa and msaa are set together; they are one setting")
            .with_hint("keep aa (msaa = 4 is aa = \"msaa\", msaa = 1 is aa = \"none\")");
        return Err(located(error.into(), "msaa", &settings.msaa));
    }
    if let Some(name) = value(&settings.aa) {
        return Antialiasing::parse(name).map_err(|e| located(e, "aa", &settings.aa));
    }
    match value(&settings.msaa).copied() {
        None => Ok(Antialiasing::Msaa),
        Some(4) => Ok(Antialiasing::Msaa),
        Some(1) => Ok(Antialiasing::None),
        Some(other) => Err(located(
            Problem::usage(format!("msaa {other} is not supported; use 1 or 4 (or aa)")).into(),
            "msaa",
            &settings.msaa,
        )),
    }
}

fn output_extension(settings: &Settings) -> Option<String> {
    let output = value(&settings.output)?;
    Path::new(output).extension().map(|e| e.to_string_lossy().into_owned())
}

/// Whether an output named `.extension` can hold `format`: its own extension, or one that names
/// no format (`-f` decides then); never another format's (`-f mp4 -o x.gif`).
fn extension_fits(format: &dyn ExportStrategy, extension: &str, still: bool) -> bool {
    let extension = extension.to_ascii_lowercase();
    // A still's extension fits its format here; a sequence under it is refused with its own message.
    let own = [format.extension(), format.still_extension()];
    own.iter().flatten().any(|e| *e == extension)
        || (format.name() == "apng" && extension == "png")
        || format_of_extension(&extension, still).is_none()
}

/// The job's formats: `formats = [...]`, or `format`, or what the output's extension names, or
/// the default; a single format must fit the output's extension.
fn formats(settings: &Settings, still: bool) -> Result<Vec<&'static dyn ExportStrategy>> {
    if settings.format.is_some() && settings.formats.is_some() {
        return Err(located(
            Problem::usage("give either `format` or `formats`, not both").into(),
            "formats",
            &settings.formats,
        ));
    }
    let extension = output_extension(settings);
    let names: Vec<String> = match (value(&settings.formats), value(&settings.format), &extension) {
        (Some(list), _, _) => list.clone(),
        (None, Some(one), _) => vec![one.clone()],
        (None, None, Some(extension)) => match format_of_extension(extension, still) {
            Some(format) => vec![format.to_string()],
            None => {
                return Err(located(
                    Problem::usage(format!(
                        "-o {}: .{extension} is not an extension holoforge knows, so the format is unknown",
                        value(&settings.output).map_or("", |o| o.as_str())
                    ))
                    .with_hint("name the file .mp4, .mov, .gif, .webm, .webp or .png, or pass -f FORMAT")
                    .into(),
                    "output",
                    &settings.output,
                ))
            }
        },
        (None, None, None) => vec![DEFAULT_FORMAT.to_string()],
    };
    if names.is_empty() {
        return Err(located(Problem::usage("`formats` is empty").into(), "formats", &settings.formats));
    }
    let key = if settings.formats.is_some() { "formats" } else { "format" };
    let found = names
        .iter()
        .map(|n| {
            export::find(n).map_err(|e| {
                if key == "formats" {
                    located(e, key, &settings.formats)
                } else {
                    located(e, key, &settings.format)
                }
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if let (Some(extension), [format]) = (&extension, found.as_slice()) {
        if !extension_fits(*format, extension, still) {
            let output = value(&settings.output).map_or("", |o| o.as_str());
            return Err(located(
                Problem::usage(format!(
                    "-f {} does not fit -o {output}: a .{extension} file is not {}",
                    format.name(),
                    format.name()
                ))
                .with_hint(match format.extension().or(format.still_extension()) {
                    Some(own) => format!("name the output .{own}, or drop -f to write what .{extension} names"),
                    None => format!("give a folder name without .{extension} for a {} sequence", format.name()),
                })
                .into(),
                "output",
                &settings.output,
            ));
        }
    }
    Ok(found)
}

/// The render's background: transparent when any output keeps alpha (opaque outputs are then
/// composited on the way in), else black; an explicit setting wins.
fn background(settings: &Settings, formats: &[&'static dyn ExportStrategy]) -> Result<Background> {
    let explicit = match value(&settings.background) {
        Some(text) => Some(Background::parse(text).map_err(|e| located(e, "background", &settings.background))?),
        None => None,
    };
    if explicit == Some(Background::Transparent) && formats.len() == 1 && formats[0].alpha() == Alpha::None {
        return Err(located(
            Problem::usage(format!("format {} cannot keep a transparent background", formats[0].name()))
                .with_hint("pass a colour (e.g. --background '#000000'), or pick an alpha format: png, webm-alpha, prores, webp, apng")
                .into(),
            "background",
            &settings.background,
        ));
    }
    Ok(explicit.unwrap_or(if formats.iter().any(|f| f.alpha() == Alpha::Full) {
        Background::Transparent
    } else {
        Background::Color(Rgb([0, 0, 0]))
    }))
}

/// Output paths: `output` as given for one format; for several, `output` is a base name that each
/// format's extension (or `-<format>` for sequences) is added to. Default: named after the model.
fn outputs(
    model: &ModelSource,
    settings: &Settings,
    base_dir: &Path,
    formats: &[&'static dyn ExportStrategy],
    background: Background,
    still: bool,
    tag: Option<&str>,
) -> Result<Vec<Output>> {
    let stem = match model {
        ModelSource::File(path) => {
            path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "model".into())
        }
        ModelSource::BuiltIn => "holoforge-demo".into(),
        ModelSource::Stdin(_) => "stdin".into(),
    };
    if value(&settings.output).is_some_and(|o| o == "-") {
        return stdout_output(settings, formats, still);
    }
    let given = value(&settings.output).map(|o| base_dir.join(o));
    // Several formats from one `output`: a format's extension on it is the base name's, not a suffix.
    let base = given.as_ref().map(|path| match path.extension().and_then(|e| e.to_str()) {
        Some(extension) if format_of_extension(extension, still).is_some() => path.with_extension(""),
        _ => path.clone(),
    });
    // `-o x.jpg` names one image: a sequence of frames would become a folder named like a file.
    if let (Some(path), [format]) = (&given, formats) {
        let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        let one_image = format.still_extension().is_some_and(|e| extension.as_deref() == Some(e));
        if one_image && !still && format.extension().is_none() {
            return Err(located(
                Problem::usage(format!(
                    "-o {}: names one {} image, but the job renders a sequence of frames",
                    path.display(),
                    format.name()
                ))
                .with_hint(
                    "add --frames 1 for a still, or give a folder name (without an image extension) for a sequence",
                )
                .into(),
                "output",
                &settings.output,
            ));
        }
    }
    let outputs: Vec<Output> = formats
        .iter()
        .map(|&format| {
            let path = match (&given, formats.len()) {
                (Some(path), 1) => path.clone(),
                (Some(_), _) => with_format_suffix(base.clone().unwrap_or_default(), format, still),
                (None, _) => with_format_suffix(base_dir.join(&stem), format, still),
            };
            let path = match tag {
                Some(tag) => with_tag(path, tag),
                None => path,
            };
            let composite_over = match (background, format.alpha()) {
                (Background::Transparent, Alpha::None | Alpha::Binary) if formats.len() > 1 => Some(Rgb([0, 0, 0])),
                _ => None,
            };
            Output { format, path, composite_over, only_frame: None }
        })
        .collect();
    for (i, a) in outputs.iter().enumerate() {
        if let Some(b) = outputs[..i].iter().find(|b| b.path == a.path) {
            return Err(located(
                Problem::usage(format!(
                    "formats {} and {} would both write {}",
                    b.format.name(),
                    a.format.name(),
                    a.path.display()
                ))
                .into(),
                "output",
                &settings.output,
            ));
        }
    }
    Ok(outputs)
}

/// The poster (`--poster`, `--poster-frame N`): one JPEG of frame N (default: the first rendered)
/// beside the first output, named `<its stem>.poster.jpg`, for asset libraries.
fn poster(
    settings: &Settings,
    outputs: &[Output],
    frames: &Range<u32>,
    background: Background,
) -> Result<Option<Output>> {
    let wanted = value(&settings.poster).copied().unwrap_or(false) || settings.poster_frame.is_some();
    let Some(first) = outputs.first().filter(|_| wanted) else { return Ok(None) };
    let refuse = |message: String| -> anyhow::Error {
        located(Problem::usage(message).into(), "poster-frame", &settings.poster_frame)
    };
    if first.path.as_os_str() == "-" {
        return Err(refuse("--poster needs an output file to sit beside, not -o -".into()));
    }
    let frame = value(&settings.poster_frame).copied().unwrap_or(frames.start);
    if !frames.contains(&frame) {
        return Err(refuse(format!(
            "--poster-frame {frame} is not among the frames this run renders ({}..{})",
            frames.start, frames.end
        )));
    }
    let stem = first.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let path = first.path.with_file_name(format!("{stem}.poster.jpg"));
    let composite_over = (background == Background::Transparent).then_some(Rgb([0, 0, 0]));
    Ok(Some(Output { format: export::find("jpeg")?, path, composite_over, only_frame: Some(frame) }))
}

/// The one output `-o -`: standard output, for a single format that streams.
fn stdout_output(settings: &Settings, formats: &[&'static dyn ExportStrategy], still: bool) -> Result<Vec<Output>> {
    let refuse = |message: String| -> anyhow::Error {
        let streaming: Vec<&str> = export::REGISTRY.iter().filter(|f| f.can_stream(2)).map(|f| f.name()).collect();
        located(
            Problem::usage(message)
                .with_hint(format!(
                    "formats that stream: {}, and png for one frame (--frames 1); or write a file with -o PATH",
                    streaming.join(", ")
                ))
                .into(),
            "output",
            &settings.output,
        )
    };
    let [format] = formats else {
        return Err(refuse("-o - (standard output) takes one format, not several".into()));
    };
    let frames = if still { 1 } else { 2 };
    if !format.can_stream(frames) {
        let why = match format.extension() {
            Some(_) => "its file needs seeking",
            None => "it is a folder of files",
        };
        return Err(refuse(format!("-o -: format {} cannot be written to standard output ({why})", format.name())));
    }
    Ok(vec![Output { format: *format, path: PathBuf::from("-"), composite_over: None, only_frame: None }])
}

/// `path` with `tag` added to its file stem (`alien.mp4` → `alien_qs8x6a0.75.mp4`), unless the
/// stem carries a Looking Glass tag already.
fn with_tag(path: PathBuf, tag: &str) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if stem.contains("_qs") {
        return path;
    }
    let name = match path.extension() {
        Some(ext) => format!("{stem}{tag}.{}", ext.to_string_lossy()),
        None => format!("{stem}{tag}"),
    };
    path.with_file_name(name)
}

/// Seconds one play of the job's animation takes (at its speed), when the model is animated and
/// no `duration` is given: from the glTF JSON's keyframe bounds, else from a full load.
fn animation_seconds(model: &ModelSource, probe: &Probe, settings: &Settings, speed: f64) -> Option<f64> {
    if settings.duration.is_some() {
        return None;
    }
    let selector = value(&settings.animation);
    let pick = |names: Vec<&str>| -> Option<usize> {
        match selector {
            None => (!names.is_empty()).then_some(0),
            Some(s) => names.iter().position(|n| n == s).or_else(|| s.parse().ok().filter(|&i| i < names.len())),
        }
    };
    let index = pick(probe.animations.iter().map(|a| a.name.as_str()).collect())?;
    let seconds = match probe.animations[index].seconds {
        Some(seconds) => seconds,
        // The file does not declare its keyframe bounds (glTF requires them): load it to know.
        None => {
            let scene = model.load(crate::scene::UpChoice::Auto).ok()?;
            let clips = &scene.rig.as_ref()?.clips;
            clips[pick(clips.iter().map(|c| c.name.as_str()).collect())?].duration as f64
        }
    };
    (seconds > 0.0).then_some(seconds / speed)
}

/// Clip length and the range to render. The clip is `duration × fps` frames, else one play of
/// the animation, else the default duration — whatever `start-frame` and `frames` pick from it,
/// so a range always equals that range of the full run; a range past the clip's end is refused.
fn frame_range(settings: &Settings, fps: u32, animation_seconds: Option<f64>) -> Result<(u32, Range<u32>)> {
    let duration = value(&settings.duration).copied();
    if let Some(duration) = duration {
        if !(duration.is_finite() && duration > 0.0 && duration <= 86_400.0) {
            return Err(located(
                Problem::usage(format!("--duration {duration} must be between 0 and 86400 seconds")).into(),
                "duration",
                &settings.duration,
            ));
        }
    }
    let frames = value(&settings.frames).copied();
    if frames == Some(0) {
        return Err(located(Problem::usage("--frames must be at least 1").into(), "frames", &settings.frames));
    }
    let start = value(&settings.start_frame).copied().unwrap_or(0);
    let clip_seconds = duration.or(animation_seconds).unwrap_or(DEFAULT_DURATION);
    let clip_frames = (clip_seconds * fps as f64).round().clamp(1.0, u32::MAX as f64) as u32;
    let clip = match (duration, animation_seconds) {
        (Some(_), _) => format!("the {clip_frames}-frame clip (--duration × --fps)"),
        (None, Some(_)) => format!("the {clip_frames}-frame clip (one play of the animation)"),
        (None, None) => format!("the {clip_frames}-frame clip ({DEFAULT_DURATION} s by default)"),
    };
    if start >= clip_frames {
        return Err(located(
            Problem::usage(format!("--start-frame {start} is past the end of {clip}"))
                .with_hint("give a longer --duration, or a start frame inside the clip")
                .into(),
            "start-frame",
            &settings.start_frame,
        ));
    }
    let count = frames.unwrap_or(clip_frames - start);
    let end = start.saturating_add(count);
    if end > clip_frames {
        return Err(located(
            Problem::usage(format!(
                "--start-frame {start} --frames {count} runs past the end of {clip}: frames {start}..{end}"
            ))
            .with_hint(format!(
                "frames pick from the clip; for a longer clip give --duration (e.g. --duration {})",
                (end as f64 / fps as f64 * 100.0).ceil() / 100.0
            ))
            .into(),
            "frames",
            &settings.frames,
        ));
    }
    Ok((clip_frames, start..end))
}

fn camera_settings(settings: &Settings, clip_seconds: f64) -> Result<CameraSettings> {
    let defaults = CameraSettings::default();
    let check = |name: &'static str,
                 setting: &Option<toml::Spanned<f32>>,
                 default: f32,
                 range: std::ops::RangeInclusive<f32>|
     -> Result<f32> {
        let v = value(setting).copied().unwrap_or(default);
        if v.is_finite() && range.contains(&v) {
            Ok(v)
        } else {
            Err(located(
                Problem::usage(format!("--{name} {v} is out of range ({} to {})", range.start(), range.end())).into(),
                name,
                setting,
            ))
        }
    };
    let views = || view_names().join(", ");
    let default_camera = if settings.path.is_some() { "path" } else { "turntable" };
    let camera = value(&settings.camera).map_or(default_camera, String::as_str);
    let (motion, still_view) = match camera {
        motion if motion_names().contains(&motion) => (camera, None),
        file if file_camera_name(file).is_some() => (file, None),
        other => match preset(other) {
            Some(view) => ("still", Some(view)),
            None => {
                return Err(located(
                    Problem::usage(format!("camera '{other}' is not a motion or a view"))
                        .with_hint(format!(
                            "use {}, {FILE_CAMERA_PREFIX}NAME or a view: {}",
                            motion_names().join(", "),
                            views()
                        ))
                        .into(),
                    "camera",
                    &settings.camera,
                ))
            }
        },
    };
    let start = match value(&settings.view) {
        Some(name) => preset(name).ok_or_else(|| {
            located(
                Problem::usage(format!("'{name}' is not a named view")).with_hint(format!("views: {}", views())).into(),
                "view",
                &settings.view,
            )
        })?,
        None => still_view.unwrap_or(defaults.start),
    };
    let start = View {
        azimuth_deg: check("azimuth", &settings.azimuth, start.azimuth_deg, -360.0..=360.0)?,
        elevation_deg: check("elevation", &settings.elevation, start.elevation_deg, -90.0..=90.0)?,
    };
    let motion = match motion {
        "turntable" => Motion::Turntable { turns: check("turns", &settings.turns, 1.0, -100.0..=100.0)? },
        "orbit" => Motion::Orbit {
            sweep_deg: check("orbit-sweep", &settings.orbit_sweep, 90.0, 0.0..=360.0)?,
            swing_deg: check("orbit-swing", &settings.orbit_swing, 10.0, 0.0..=90.0)?,
            looped: value(&settings.orbit_loop).copied().unwrap_or(false),
        },
        "path" => {
            let keys = value(&settings.path).cloned().unwrap_or_default();
            crate::camera_path::validate(&keys).map_err(|e| located(e, "path", &settings.path))?;
            Motion::Path { keys, clip_seconds }
        }
        "still" => Motion::Still,
        file => Motion::FileCamera(FileCameraChoice::Named(file_camera_name(file).unwrap_or(file).to_string())),
    };
    Ok(CameraSettings {
        start,
        motion,
        fov_deg: check("fov", &settings.fov, defaults.fov_deg, 1.0..=170.0)?,
        margin: check("margin", &settings.margin, defaults.margin, 0.0..=10.0)?,
        ortho: value(&settings.ortho).copied().unwrap_or(false),
    })
}

/// `--crf`, checked against every format's encoder scale (formats without one ignore it, but one
/// of the job's formats must take it).
fn crf(settings: &Settings, formats: &[&'static dyn ExportStrategy]) -> Result<Option<u32>> {
    let Some(&crf) = value(&settings.crf) else { return Ok(None) };
    let with_range: Vec<_> = formats.iter().filter_map(|f| Some((f.name(), f.crf_range()?))).collect();
    let refuse = |message: String, hint: String| -> anyhow::Error {
        located(Problem::usage(message).with_hint(hint).into(), "crf", &settings.crf)
    };
    if with_range.is_empty() {
        let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
        return Err(refuse(
            format!("--crf {crf}: format {} has no quality number", names.join(", ")),
            "use --quality low|medium|high|ultra instead".into(),
        ));
    }
    for (name, (low, high)) in with_range {
        if !(low..=high).contains(&crf) {
            return Err(refuse(
                format!("--crf {crf} is out of range for {name} ({low} to {high})"),
                "`holoforge formats` lists each format's scale; lower is better for video codecs".into(),
            ));
        }
    }
    Ok(Some(crf))
}

fn animation_speed(settings: &Settings) -> Result<f64> {
    let speed = value(&settings.animation_speed).copied().unwrap_or(1.0);
    if speed.is_finite() && speed > 0.0 && speed <= 100.0 {
        Ok(speed)
    } else {
        Err(located(
            Problem::usage(format!("--animation-speed {speed} must be above 0 and at most 100")).into(),
            "animation-speed",
            &settings.animation_speed,
        ))
    }
}

fn animation_loops(settings: &Settings) -> Result<bool> {
    match value(&settings.animation_end).map(String::as_str) {
        None | Some("loop") => Ok(true),
        Some("clamp") => Ok(false),
        Some(other) => Err(located(
            Problem::usage(format!("--animation-end '{other}' is not loop or clamp")).into(),
            "animation-end",
            &settings.animation_end,
        )),
    }
}

/// The look: the `[look]` table (preset first, then each parameter) over the default.
fn look(settings: &Settings) -> Result<Look> {
    let style = match value(&settings.style) {
        Some(name) => Style::parse(name).map_err(|e| located(e, "style", &settings.style))?,
        None => Style::default(),
    };
    let mut look = Look::for_style(style);
    let Some(table) = value(&settings.look) else { return Ok(look) };
    let text = |v: &toml::Value| match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let preset = table.get("preset").map(|p| ("preset", p));
    for (key, v) in preset.into_iter().chain(table.iter().map(|(k, v)| (k.as_str(), v)).filter(|(k, _)| *k != "preset"))
    {
        look.set(key, &text(v)).map_err(|e| located(e, "look", &settings.look))?;
    }
    Ok(look)
}
