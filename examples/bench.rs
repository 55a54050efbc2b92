//! Throughput benchmark (not a test): render-only, PNG and MP4 end-to-end, and ffmpeg encoding
//! the same raw frames alone, all in one run so the ratios compare like with like.
//!
//! `cargo run --release --example bench -- MODEL [WIDTHxHEIGHT] [FRAMES] [MSAA]`
//! (needs the `holoforge` binary built in the same profile, and ffmpeg on PATH).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use holoforge::camera::{camera_pose, CameraSettings, Framing};
use holoforge::look::{Background, Look, Rgb};
use holoforge::render::{Antialiasing, FrameInput, RenderSettings, Renderer};
use holoforge::scene::{self, UpChoice};
use holoforge::size::FrameSize;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = PathBuf::from(args.first().context("usage: bench MODEL [WxH] [FRAMES] [msaa|fxaa|none]")?);
    let FrameSize { width, height } = FrameSize::parse(args.get(1).map_or("720p", String::as_str))?;
    let frames: u32 = args.get(2).map(|f| f.parse()).transpose()?.unwrap_or(150);
    let aa = Antialiasing::parse(args.get(3).map_or("msaa", String::as_str))?;
    let scratch = tempfile::tempdir()?;
    let binary = std::env::current_exe()?.parent().and_then(Path::parent).context("target dir")?.join("holoforge");

    let scene = scene::load(&model, UpChoice::Auto)?;
    let mut renderer = Renderer::new(None)?;
    println!(
        "model {} ({} triangles), {width}x{height}, {frames} frames, {}",
        model.display(),
        scene.triangle_count(),
        renderer.adapter()
    );
    let framing = Framing::from_scene(&scene);
    let settings = RenderSettings::single(width, height, aa, Look::default(), Background::Color(Rgb([0, 0, 0])));
    let aspect = width as f32 / height as f32;
    let inputs = |count: u32| {
        (0..count).map(move |index| FrameInput {
            index,
            time: index as f64 / 30.0,
            views: vec![camera_pose(&framing, &CameraSettings::default(), aspect, index as f64 / count as f64)],
            vertices: None,
        })
    };
    // Warm-up: the driver compiles the shaders on the first frame.
    for frame in renderer.begin(&scene, &settings)?.frames(inputs(1)) {
        frame?;
    }

    let started = Instant::now();
    for frame in renderer.begin(&scene, &settings)?.frames(inputs(frames)) {
        frame?;
    }
    let render_only = frames as f64 / started.elapsed().as_secs_f64();

    let raw_path = scratch.path().join("frames.rgba");
    let mut raw = std::io::BufWriter::new(std::fs::File::create(&raw_path)?);
    for frame in renderer.begin(&scene, &settings)?.frames(inputs(frames)) {
        raw.write_all(&frame?.rgba)?;
    }
    raw.flush()?;
    drop(raw);

    let started = Instant::now();
    let status = Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgba"])
        .args(["-s", &format!("{width}x{height}"), "-r", "30", "-i"])
        .arg(&raw_path)
        .args(["-c:v", "libx264", "-preset", "medium", "-crf", "18"])
        .args(["-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p", "-movflags", "+faststart"])
        .arg(scratch.path().join("encode-only.mp4"))
        .stdin(Stdio::null())
        .status()?;
    if !status.success() {
        bail!("ffmpeg failed");
    }
    let encode_only = frames as f64 / started.elapsed().as_secs_f64();

    let cli = |format: &str, output: &str| -> Result<f64> {
        let started = Instant::now();
        let status = Command::new(&binary)
            .arg("render")
            .arg(&model)
            .args(["-f", format, "-s", &format!("{width}x{height}"), "--frames", &frames.to_string()])
            .args(["--aa", aa.name(), "-q", "-o"])
            .arg(scratch.path().join(output))
            .status()?;
        if !status.success() {
            bail!("holoforge render -f {format} failed");
        }
        Ok(frames as f64 / started.elapsed().as_secs_f64())
    };
    let png = cli("png", "png-out")?;
    let mp4 = cli("mp4", "out.mp4")?;

    println!("render only            {render_only:7.1} frames/s");
    println!("png end-to-end         {png:7.1} frames/s");
    println!("mp4 end-to-end         {mp4:7.1} frames/s");
    println!("ffmpeg encode only     {encode_only:7.1} frames/s (same frames, raw file input)");
    println!("mp4 end-to-end time / encode-only time = {:.2}", encode_only / mp4);
    println!("mp4 / (1 / (1/render + 1/encode)) = {:.2}", mp4 * (1.0 / render_only + 1.0 / encode_only));
    Ok(())
}
