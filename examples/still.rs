//! Using holoforge as a library: load a model, frame it, render one turntable frame, save a PNG.
//!
//! `cargo run --example still -- model.glb still.png`

use anyhow::{Context, Result};
use holoforge::camera::{camera_pose, CameraSettings, Framing};
use holoforge::look::{Background, Look};
use holoforge::render::{Antialiasing, FrameInput, RenderSettings, Renderer};
use holoforge::scene::{self, UpChoice};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(model), Some(output)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: still MODEL OUTPUT.png");
    };
    let scene = scene::load(model.as_ref(), UpChoice::Auto)?;
    let mut renderer = Renderer::new(None)?;
    let settings = RenderSettings::single(640, 480, Antialiasing::Msaa, Look::default(), Background::Transparent);
    let camera = camera_pose(&Framing::from_scene(&scene), &CameraSettings::default(), 640.0 / 480.0, 0.125);
    let input = FrameInput { index: 0, time: 0.0, views: vec![camera], vertices: None };
    let frame = renderer.begin(&scene, &settings)?.frames([input]).next().context("no frame was rendered")??;
    image::save_buffer(&output, &frame.rgba, frame.width, frame.height, image::ExtendedColorType::Rgba8)?;
    println!("{output}: {}x{} on {}", frame.width, frame.height, renderer.adapter());
    Ok(())
}
