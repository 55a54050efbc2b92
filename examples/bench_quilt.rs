//! Quilt benchmark (not a test): an 8×6 quilt at the Looking Glass Portrait size (3360², 48
//! views of 420×560) against 48 single 420×560 frames, render only, in one run: the cost of a
//! view should be close to the cost of its pixels, not of a pass.
//!
//! `cargo run --release --example bench_quilt -- [MODEL] [QUILTS] [MSAA]`
//! (the built-in demo model when MODEL is left out or `demo`; 10 quilts and MSAA 4 by default).

use std::time::Instant;

use anyhow::Result;
use holoforge::camera::{CameraSettings, Framing};
use holoforge::job::ModelSource;
use holoforge::layout::{Layout, Quilt};
use holoforge::look::{Background, Look, Rgb};
use holoforge::render::{Antialiasing, FrameInput, RenderSettings, Renderer};
use holoforge::scene::UpChoice;
use holoforge::size::FrameSize;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = args.first().map(String::as_str).unwrap_or("demo");
    let quilts: u32 = args.get(1).map(|f| f.parse()).transpose()?.unwrap_or(10);
    let aa = Antialiasing::parse(args.get(2).map_or("msaa", String::as_str))?;
    let source = if model == "demo" { ModelSource::BuiltIn } else { ModelSource::File(model.into()) };
    let scene = source.load(UpChoice::Auto)?;
    let mut renderer = Renderer::new(None)?;
    println!(
        "model {model} ({} triangles), anti-aliasing {}, {}",
        scene.triangle_count(),
        aa.name(),
        renderer.adapter()
    );
    let framing = Framing::from_scene(&scene);
    let black = Background::Color(Rgb([0, 0, 0]));
    let quilt = Layout::Quilt(Quilt { cols: 8, rows: 6, width: 3360, height: 3360, aspect: 0.75, view_cone: 40.0 });
    let mut time = |layout: &Layout, size: FrameSize, frames: u32| -> Result<f64> {
        let tiling = layout.tiling(size);
        let settings = RenderSettings { tiling, aa, look: Look::default(), background: black };
        let aspect = layout.camera_aspect(&tiling);
        let inputs = |count: u32| {
            (0..count).map(move |index| FrameInput {
                index,
                time: index as f64 / 30.0,
                views: layout.views(&framing, &CameraSettings::default(), aspect, index as f64 / count as f64),
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
        Ok(started.elapsed().as_secs_f64())
    };
    let quilt_seconds = time(&quilt, FrameSize { width: 3360, height: 3360 }, quilts)?;
    let single_seconds = time(&Layout::Single, FrameSize { width: 420, height: 560 }, 48 * quilts)?;
    println!(
        "8x6 quilt at 3360x3360     {:7.2} quilts/s ({:.1} views/s)",
        quilts as f64 / quilt_seconds,
        48.0 * quilts as f64 / quilt_seconds
    );
    println!(
        "single 420x560 views       {:7.2} × 48 views/s ({:.1} views/s)",
        quilts as f64 / single_seconds,
        48.0 * quilts as f64 / single_seconds
    );
    println!("quilt time / 48 single views time = {:.2}", quilt_seconds / single_seconds);
    Ok(())
}
