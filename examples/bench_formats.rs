//! Per-format export benchmark (not a test): renders a clip once into memory-mapped raw frames,
//! then for every format measures encode-only (the same frames pushed into the format's sink) and
//! end-to-end (`holoforge render -f FORMAT`), and reports the ratio and the file size.
//!
//! `cargo run --release --example bench_formats -- MODEL [WIDTHxHEIGHT] [FRAMES]`

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use holoforge::camera::{camera_pose, CameraSettings, Framing};
use holoforge::export::{self, ffmpeg::Ffmpeg, Alpha, Quality, SinkSpec};
use holoforge::frame::Frame;
use holoforge::look::{Background, Look};
use holoforge::render::{Antialiasing, FrameInput, RenderSettings, Renderer};
use holoforge::scene::{self, UpChoice};
use holoforge::size::FrameSize;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = PathBuf::from(args.first().context("usage: bench_formats MODEL [WxH] [FRAMES]")?);
    let FrameSize { width, height } = FrameSize::parse(args.get(1).map_or("720p", String::as_str))?;
    let frames: u32 = args.get(2).map(|f| f.parse()).transpose()?.unwrap_or(150);
    let scratch = tempfile::tempdir()?;
    let binary = std::env::current_exe()?.parent().and_then(Path::parent).context("target dir")?.join("holoforge");
    let ffmpeg = Ffmpeg::locate(None)?;
    let scene = scene::load(&model, UpChoice::Auto)?;
    let mut renderer = Renderer::new(None)?;
    println!(
        "{} ({} triangles), {width}x{height}, {frames} frames, {}",
        model.display(),
        scene.triangle_count(),
        renderer.adapter()
    );

    // Transparent frames for alpha formats, over black for opaque ones: what the renderer gives each.
    let mut raw_files = Vec::new();
    for background in [Background::Transparent, Background::Color(holoforge::look::Rgb([0, 0, 0]))] {
        let framing = Framing::from_scene(&scene);
        let settings = RenderSettings::single(width, height, Antialiasing::Msaa, Look::default(), background);
        let inputs = (0..frames).map(|index| FrameInput {
            index,
            time: index as f64 / 30.0,
            views: vec![camera_pose(
                &framing,
                &CameraSettings::default(),
                width as f32 / height as f32,
                index as f64 / frames as f64,
            )],
            vertices: None,
        });
        let path = scratch.path().join(format!("frames-{}.rgba", raw_files.len()));
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        let started = Instant::now();
        for frame in renderer.begin(&scene, &settings)?.frames(inputs) {
            file.write_all(&frame?.rgba)?;
        }
        file.flush()?;
        println!("render to raw file: {:.1} frames/s", frames as f64 / started.elapsed().as_secs_f64());
        raw_files.push(path);
    }

    println!("{:<14} {:>10} {:>12} {:>8} {:>10}", "format", "e2e fps", "encode fps", "ratio", "size");
    for format in export::REGISTRY {
        let transparent = format.alpha() == Alpha::Full;
        let raw = &raw_files[if transparent { 0 } else { 1 }];
        let extension = format.extension().unwrap_or("d");
        let encode_out = scratch.path().join(format!("encode-{}.{extension}", format.name()));
        let claim = export::output::claim(&encode_out, format.shape(frames), true, &[])?;
        let spec = SinkSpec {
            output: &claim,
            width,
            height,
            fps: 30,
            frames,
            transparent,
            quality: Quality::High,
            crf: None,
            encoder_preset: None,
            ffmpeg: Some(&ffmpeg),
        };
        let started = Instant::now();
        let mut sink = format.open(&spec)?;
        let mut reader = std::io::BufReader::new(std::fs::File::open(raw)?);
        for index in 0..frames {
            let mut rgba = vec![0u8; (width * height * 4) as usize];
            reader.read_exact(&mut rgba)?;
            sink.push(Frame { index, width, height, rgba })?;
        }
        sink.finish()?;
        let encode_fps = frames as f64 / started.elapsed().as_secs_f64();

        let e2e_out = scratch.path().join(format!("e2e-{}.{extension}", format.name()));
        let started = Instant::now();
        let status = Command::new(&binary)
            .arg("render")
            .arg(&model)
            .args([
                "-f",
                format.name(),
                "-s",
                &format!("{width}x{height}"),
                "--frames",
                &frames.to_string(),
                "-q",
                "-o",
            ])
            .arg(&e2e_out)
            .status()?;
        if !status.success() {
            bail!("holoforge render -f {} failed", format.name());
        }
        let e2e_fps = frames as f64 / started.elapsed().as_secs_f64();
        println!(
            "{:<14} {:>10.1} {:>12.1} {:>8.2} {:>10}",
            format.name(),
            e2e_fps,
            encode_fps,
            encode_fps / e2e_fps,
            human_size(&e2e_out)
        );
    }
    Ok(())
}

fn human_size(path: &Path) -> String {
    format!("{:.1} MB", holoforge::commands::outputs::size_in_bytes(path) as f64 / 1e6)
}
