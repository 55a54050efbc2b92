//! Style benchmark (not a test): render-only frames/s of each style with and without bloom, and
//! of glitch, all in one run so the figures compare like with like.
//!
//! `cargo run --release --example bench_styles -- [MODEL] [WIDTHxHEIGHT] [FRAMES]`
//! (the built-in demo model when MODEL is left out or `demo`; 1920x1080 and 60 frames by default).

use std::time::Instant;

use anyhow::Result;
use holoforge::camera::{camera_pose, CameraSettings, Framing};
use holoforge::job::ModelSource;
use holoforge::look::{Background, Look, Rgb, Style};
use holoforge::render::{Antialiasing, FrameInput, RenderSettings, Renderer};
use holoforge::scene::UpChoice;
use holoforge::size::FrameSize;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = args.first().map(String::as_str).unwrap_or("demo");
    let FrameSize { width, height } = FrameSize::parse(args.get(1).map_or("1080p", String::as_str))?;
    let frames: u32 = args.get(2).map(|f| f.parse()).transpose()?.unwrap_or(60);
    let source = if model == "demo" { ModelSource::BuiltIn } else { ModelSource::File(model.into()) };
    let scene = source.load(UpChoice::Auto)?;
    let mut renderer = Renderer::new(None)?;
    println!(
        "model {model} ({} triangles), {width}x{height}, {frames} frames, {}",
        scene.triangle_count(),
        renderer.adapter()
    );
    let framing = Framing::from_scene(&scene);
    let aspect = width as f32 / height as f32;
    let inputs = |count: u32| {
        (0..count).map(move |index| FrameInput {
            index,
            time: index as f64 / 30.0,
            views: vec![camera_pose(&framing, &CameraSettings::default(), aspect, index as f64 / count as f64)],
            vertices: None,
        })
    };
    let variants: [(&str, Look); 7] = [
        ("hologram, bloom", Look::for_style(Style::Hologram)),
        ("hologram, no bloom", Look { bloom: 0.0, ..Look::for_style(Style::Hologram) }),
        ("hologram, bloom, glitch", Look { glitch: 0.5, glitch_rate: 30.0, ..Look::for_style(Style::Hologram) }),
        ("shaded, no bloom", Look::for_style(Style::Shaded)),
        ("shaded, bloom", Look { bloom: 0.6, ..Look::for_style(Style::Shaded) }),
        ("wireframe, bloom", Look::for_style(Style::Wireframe)),
        ("wireframe, no bloom", Look { bloom: 0.0, ..Look::for_style(Style::Wireframe) }),
    ];
    for (name, look) in variants {
        let settings =
            RenderSettings::single(width, height, Antialiasing::Msaa, look, Background::Color(Rgb([0, 0, 0])));
        // Warm-up: the driver compiles the shaders on the first frame.
        for frame in renderer.begin(&scene, &settings)?.frames(inputs(1)) {
            frame?;
        }
        let started = Instant::now();
        for frame in renderer.begin(&scene, &settings)?.frames(inputs(frames)) {
            frame?;
        }
        println!("{name:26} {:7.1} frames/s", frames as f64 / started.elapsed().as_secs_f64());
    }
    Ok(())
}
