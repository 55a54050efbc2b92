//! Real renders on whatever adapter the machine has (lavapipe in CI): silhouettes, framing,
//! transparency, determinism and frame ranges, checked on the pixels.

use crate::util;

use util::{fixture, read_sequence, Sandbox};

/// Bounding box of the pixels a viewer sees (alpha over 8/255, about 3 %: the model and its
/// glow, not the faint tail of the bloom's halo): (min_x, min_y, max_x, max_y), or None.
fn alpha_box(frame: &image::RgbaImage) -> Option<(u32, u32, u32, u32)> {
    let mut found: Option<(u32, u32, u32, u32)> = None;
    for (x, y, p) in frame.enumerate_pixels() {
        if p[3] > 8 {
            let b = found.get_or_insert((x, y, x, y));
            *b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
        }
    }
    found
}

fn coverage(frame: &image::RgbaImage) -> f64 {
    frame.pixels().filter(|p| p[3] > 0).count() as f64 / (frame.width() * frame.height()) as f64
}

#[test]
fn turntable_of_a_real_model_is_framed_centred_and_transparent_in_every_frame() {
    let sandbox = Sandbox::new();
    let model = fixture("kenney_alien.glb");
    sandbox
        .run(&["render", model.to_str().unwrap(), "-f", "png", "-s", "160x120", "--frames", "12", "-o", "frames", "-q"])
        .expect_success();
    let frames = read_sequence(&sandbox.path("frames"));
    assert_eq!(frames.len(), 12);
    for (i, frame) in frames.iter().enumerate() {
        assert_eq!(frame.dimensions(), (160, 120));
        let (x0, y0, x1, y1) = alpha_box(frame).unwrap_or_else(|| panic!("frame {i} is empty"));
        // Inside the frame: nothing touches the border (the margin keeps it clear).
        assert!(
            x0 > 0 && y0 > 0 && x1 < 159 && y1 < 119,
            "frame {i}: silhouette {:?} touches the border",
            (x0, y0, x1, y1)
        );
        // Centred: the silhouette's box centre is near the image centre.
        let (cx, cy) = ((x0 + x1) as f64 / 2.0, (y0 + y1) as f64 / 2.0);
        assert!((cx - 80.0).abs() < 16.0 && (cy - 60.0).abs() < 16.0, "frame {i}: centre ({cx}, {cy})");
        // Not a speck: a framed model covers a real part of the image.
        assert!(coverage(frame) > 0.04, "frame {i}: coverage {}", coverage(frame));
        // Transparent background: the corners are fully transparent.
        for (x, y) in [(0, 0), (159, 0), (0, 119), (159, 119)] {
            assert_eq!(frame.get_pixel(x, y)[3], 0, "frame {i}: corner ({x},{y}) is not transparent");
        }
    }
    // It turns: the first and the middle frame differ.
    assert_ne!(frames[0], frames[6], "the turntable did not move");
}

#[test]
fn the_same_render_twice_gives_identical_frames_and_a_range_equals_that_range_of_the_full_run() {
    let sandbox = Sandbox::new();
    let model = fixture("kenney_alien.glb");
    let model = model.to_str().unwrap();
    let common = ["-f", "png", "-s", "161x97", "--msaa", "1", "-q"];
    let run = |out: &str, extra: &[&str]| {
        let mut args = vec!["render", model, "-o", out];
        args.extend_from_slice(&common);
        args.extend_from_slice(extra);
        sandbox.run(&args).expect_success();
        read_sequence(&sandbox.path(out))
    };
    let first = run("a", &["--duration", "0.5333333333", "--fps", "30"]);
    let second = run("b", &["--duration", "0.5333333333", "--fps", "30"]);
    assert_eq!(first, second, "two identical renders differ");
    let range = run("c", &["--duration", "0.5333333333", "--fps", "30", "--start-frame", "10", "--frames", "4"]);
    assert_eq!(range.len(), 4);
    for (k, frame) in range.iter().enumerate() {
        assert!(frame == &first[10 + k], "range frame {} differs from frame {} of the full run", k, 10 + k);
    }
    let names: Vec<String> = std::fs::read_dir(sandbox.path("c"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        names,
        [".holoforge-sequence", "frame_00010.png", "frame_00011.png", "frame_00012.png", "frame_00013.png"]
    );
}

#[test]
fn every_input_format_renders_a_visible_model() {
    let ascii_stl = "solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 1\nendloop\nendfacet\nendsolid t\n";
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("tri.stl"), ascii_stl).unwrap();
    let models = [
        fixture("box-gltf/Box.gltf"),
        fixture("box-textured-obj/box-textured.obj"),
        fixture("unit_cube.stl"),
        sandbox.path("tri.stl"),
    ];
    for (i, model) in models.iter().enumerate() {
        let out = format!("out{i}");
        sandbox
            .run(&["render", model.to_str().unwrap(), "-f", "png", "-s", "96x96", "--frames", "2", "-o", &out, "-q"])
            .expect_success();
        for frame in read_sequence(&sandbox.path(&out)) {
            assert!(coverage(&frame) > 0.02, "{}: coverage {}", model.display(), coverage(&frame));
        }
    }
}

#[test]
fn an_opaque_background_is_the_transparent_render_composited_over_it() {
    let sandbox = Sandbox::new();
    let args = ["demo", "-f", "png", "-s", "120x90", "--frames", "1", "--msaa", "1", "-q"];
    sandbox.run(&[&args[..], &["-o", "clear"]].concat()).expect_success();
    sandbox.run(&[&args[..], &["-o", "grey", "--background", "#406080"]].concat()).expect_success();
    // One frame with --format png is a single PNG file.
    let clear = &util::read_png(&sandbox.path("clear"));
    let grey = &util::read_png(&sandbox.path("grey"));
    let background = [0x40, 0x60, 0x80];
    for (c, g) in clear.pixels().zip(grey.pixels()) {
        let alpha = c[3] as f64 / 255.0;
        for ch in 0..3 {
            let expected = c[ch] as f64 * alpha + background[ch] as f64 * (1.0 - alpha);
            assert!((expected - g[ch] as f64).abs() <= 2.0, "composite {expected} vs render {}", g[ch]);
        }
        assert_eq!(g[3], 255);
    }
}

#[test]
fn up_is_up_and_front_faces_the_camera() {
    // A triangle standing on the floor in the XY plane: apex up (+Y), its face towards +Z (the front).
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("peak.obj"), "v -1 0 0\nv 1 0 0\nv 0 2 0\nf 1 2 3\n").unwrap();
    sandbox
        .run(&["render", "peak.obj", "-f", "png", "-s", "80x80", "--frames", "1", "--elevation", "0", "-o", "f", "-q"])
        .expect_success();
    let frame = &util::read_png(&sandbox.path("f"));
    let (x0, y0, x1, y1) = alpha_box(frame).expect("the triangle is visible");
    let width_of_row = |y: u32| (x0..=x1).filter(|&x| frame.get_pixel(x, y)[3] > 0).count();
    let near_top = width_of_row(y0 + (y1 - y0) / 8);
    let near_bottom = width_of_row(y1 - (y1 - y0) / 8);
    assert!(
        near_top * 3 < near_bottom,
        "apex should be at the top: top row {near_top} px, bottom row {near_bottom} px"
    );
    // Seen from the front, the triangle is wider than tall (2 × 2 in world units, square pixels).
    assert!((x1 - x0) as f64 > 0.8 * (y1 - y0) as f64, "the front view shows the triangle face-on");
}

#[test]
fn a_still_from_a_named_view_is_one_png_file() {
    let sandbox = Sandbox::new();
    let model = fixture("kenney_alien.glb");
    sandbox
        .run(&[
            "render",
            model.to_str().unwrap(),
            "--camera",
            "isometric",
            "--frames",
            "1",
            "-f",
            "png",
            "-s",
            "80x60",
            "-q",
        ])
        .expect_success();
    assert_eq!(sandbox.entries(), ["kenney_alien.png"]);
    let still = util::read_png(&sandbox.path("kenney_alien.png"));
    assert_eq!(still.dimensions(), (80, 60));
    assert!(coverage(&still) > 0.04);
}

#[test]
fn a_named_view_still_fills_its_frame_like_a_product_shot() {
    let sandbox = Sandbox::new();
    let model = fixture("kenney_alien.glb");
    for (view, size) in [("front", "240x180"), ("isometric", "180x240"), ("top", "200x200")] {
        let out = format!("{view}.png");
        let args = ["render", model.to_str().unwrap(), "--camera", view, "--frames", "1", "-s", size, "-o", &out, "-q"];
        sandbox.run(&args).expect_success();
        let frame = util::read_png(&sandbox.path(&out));
        let (w, h) = frame.dimensions();
        let (x0, y0, x1, y1) = alpha_box(&frame).unwrap();
        let (seen_w, seen_h) = ((x1 - x0 + 1) as f64 / w as f64, (y1 - y0 + 1) as f64 / h as f64);
        // The model's extent from this view fills the frame (with the 10 % margin) on one axis…
        assert!(seen_w.max(seen_h) >= 0.7, "{view}: the model fills {seen_w:.2} x {seen_h:.2} of the frame");
        // …stays inside it, and sits in the middle.
        assert!(x0 > 0 && y0 > 0 && x1 < w - 1 && y1 < h - 1, "{view}: the model touches the frame's edge");
        let off_centre = ((x0 + x1) as f64 / 2.0 - (w - 1) as f64 / 2.0)
            .abs()
            .max(((y0 + y1) as f64 / 2.0 - (h - 1) as f64 / 2.0).abs());
        assert!(off_centre <= 3.0, "{view}: the model is {off_centre} px off centre");
    }
}

#[test]
fn named_views_see_a_flat_triangle_face_on_or_edge_on() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("peak.obj"), "v -1 0 0\nv 1 0 0\nv 0 2 0\nf 1 2 3\n").unwrap();
    let width_seen_from = |view: &str| {
        let out = format!("{view}.png");
        sandbox
            .run(&[
                "render", "peak.obj", "--camera", view, "--frames", "1", "-f", "png", "-s", "80x80", "-o", &out, "-q",
            ])
            .expect_success();
        let frame = util::read_png(&sandbox.path(&out));
        alpha_box(&frame).map_or(0, |(x0, _, x1, _)| x1 - x0 + 1)
    };
    let (front, right, back) = (width_seen_from("front"), width_seen_from("right"), width_seen_from("back"));
    assert!(front > 20 && back > 20, "face-on widths {front} / {back}");
    assert!(right <= 3, "edge-on from the right, but {right} px wide");
}

#[test]
fn orbit_and_orthographic_cameras_keep_the_model_in_frame() {
    let sandbox = Sandbox::new();
    let model = fixture("kenney_alien.glb");
    for (out, extra) in [
        ("orbit", &["--camera", "orbit", "--orbit-sweep", "120"][..]),
        ("ortho", &["--ortho", "--view", "angle45"][..]),
    ] {
        let mut args = vec![
            "render",
            model.to_str().unwrap(),
            "-f",
            "png",
            "-s",
            "64x48",
            "--frames",
            "8",
            "--msaa",
            "1",
            "-o",
            out,
            "-q",
        ];
        args.extend_from_slice(extra);
        sandbox.run(&args).expect_success();
        let frames = read_sequence(&sandbox.path(out));
        for (i, frame) in frames.iter().enumerate() {
            let (x0, y0, x1, y1) = alpha_box(frame).unwrap_or_else(|| panic!("{out} frame {i} is empty"));
            assert!(x0 > 0 && y0 > 0 && x1 < 63 && y1 < 47, "{out} frame {i} touches the border");
        }
        assert_ne!(frames[0], frames[2], "{out}: the camera did not move");
    }
}

/// A glTF with a triangle in the YZ plane (facing ±X) and a camera named "side" on +X looking at it.
const TRIANGLE_WITH_CAMERA: &str = r#"{
  "asset": {"version": "2.0"},
  "scene": 0,
  "scenes": [{"nodes": [0, 1]}],
  "nodes": [
    {"mesh": 0},
    {"name": "side", "camera": 0, "translation": [6, 1, 0], "rotation": [0, 0.7071068, 0, 0.7071068]}
  ],
  "cameras": [{"type": "perspective", "perspective": {"yfov": 0.7, "znear": 0.1}}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0, 0, -1], "max": [0, 2, 1]}],
  "bufferViews": [{"buffer": 0, "byteLength": 36}],
  "buffers": [{"byteLength": 36, "uri": "data:application/octet-stream;base64,AAAAAAAAAAAAAIC/AAAAAAAAAAAAAIA/AAAAAAAAAEAAAAAA"}]
}"#;

#[test]
fn a_camera_from_the_file_is_used_by_name_or_index() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("tri.gltf"), TRIANGLE_WITH_CAMERA).unwrap();
    let width_of = |camera: &str, out: &str| {
        sandbox
            .run(&[
                "render", "tri.gltf", "--camera", camera, "--frames", "1", "-f", "png", "-s", "80x80", "-o", out, "-q",
            ])
            .expect_success();
        alpha_box(&util::read_png(&sandbox.path(out))).map_or(0, |(x0, _, x1, _)| x1 - x0 + 1)
    };
    assert!(width_of("file:side", "side.png") > 20, "the file's camera sees the triangle face-on");
    assert!(width_of("gltf:0", "zero.png") > 20);
    assert!(width_of("front", "front.png") <= 3, "from the front the triangle is edge-on");
    let missing = sandbox.run(&["render", "tri.gltf", "--camera", "file:top", "-o", "x.mp4"]);
    missing.expect_code(1);
    assert!(missing.stderr().contains("tri.gltf: no camera 'top' in the file\nhint: cameras: side"), "{missing}");
}

#[test]
fn millimetre_and_kilometre_models_are_framed_alike() {
    let sandbox = Sandbox::new();
    let mut coverages = Vec::new();
    for (name, scale) in [("tiny", 0.001f64), ("huge", 1.0e6)] {
        let obj = format!(
            "v {} 0 0\nv {} 0 0\nv 0 {} 0\nv 0 {} {}\nf 1 2 3\nf 1 3 4\n",
            -scale,
            scale,
            2.0 * scale,
            scale,
            scale
        );
        std::fs::write(sandbox.path(&format!("{name}.obj")), obj).unwrap();
        let out = format!("{name}.png");
        sandbox
            .run(&[
                "render",
                &format!("{name}.obj"),
                "--camera",
                "angle45",
                "--frames",
                "1",
                "-f",
                "png",
                "-s",
                "80x80",
                "-o",
                &out,
                "-q",
            ])
            .expect_success();
        coverages.push(coverage(&util::read_png(&sandbox.path(&out))));
    }
    assert!(coverages[0] > 0.05, "the millimetre model is clipped or invisible: {coverages:?}");
    assert!((coverages[0] - coverages[1]).abs() < 0.01, "scale changes the picture: {coverages:?}");
}

#[test]
fn empty_frames_are_reported() {
    let sandbox = Sandbox::new();
    // The camera looks far away from the model for the second half of the clip.
    std::fs::write(
        sandbox.path("jobs.toml"),
        format!(
            "[[job]]\nmodel = \"{}\"\nsize = \"64x48\"\nfps = 4\nduration = 2\nmsaa = 1\nformat = \"png\"\noutput = \"out\"\n\
             [[job.path]]\nt = 0\nazimuth = 0\nelevation = 0\neasing = \"linear\"\n\
             [[job.path]]\nt = 0.75\nazimuth = 0\nelevation = 0\neasing = \"linear\"\n\
             [[job.path]]\nt = 1\nazimuth = 0\nelevation = 0\ntarget-offset = [50, 0, 0]\n",
            fixture("unit_cube.stl").display()
        ),
    )
    .unwrap();
    let run = sandbox.run(&["run", "jobs.toml", "-q"]);
    run.expect_success();
    assert!(run.stderr().contains("unit_cube.stl: frames 4-7 are empty (nothing of the model is visible"), "{run}");
}

#[test]
fn gltf_node_animation_plays_its_clip_linear_and_step() {
    let sandbox = Sandbox::new();
    let centre_x = |frame: &image::RgbaImage| alpha_box(frame).map(|(x0, _, x1, _)| (x0 + x1) as f64 / 2.0).unwrap();
    // Renders `model` seen from the front at 4 fps; returns the triangle's horizontal centre per frame.
    let render = |model: &str, out: &str, extra: &[&str]| {
        let mut args = vec!["render", model, "--camera", "front", "--fps", "4", "-f", "png", "-s", "96x48"];
        args.extend_from_slice(&["--msaa", "1", "-o", out, "-q"]);
        args.extend_from_slice(extra);
        sandbox.run(&args).expect_success();
        read_sequence(&sandbox.path(out)).iter().map(centre_x).collect::<Vec<f64>>()
    };
    for interpolation in ["LINEAR", "STEP"] {
        let file = format!("{interpolation}.gltf");
        std::fs::write(sandbox.path(&file), util::SLIDING_TRIANGLE.replace("INTERPOLATION", interpolation)).unwrap();
        let xs = render(&file, interpolation, &[]);
        // No --duration: one play of the 1 s clip at 4 fps.
        assert_eq!(xs.len(), 4, "{interpolation}");
        match interpolation {
            "LINEAR" => assert!(xs.windows(2).all(|w| w[1] > w[0] + 3.0), "LINEAR should move steadily: {xs:?}"),
            _ => assert!(xs.windows(2).all(|w| (w[1] - w[0]).abs() < 0.6), "STEP holds the first key: {xs:?}"),
        }
    }
    // Twice as fast: half the frames for one play. Clamped past its end: the last pose holds.
    assert_eq!(render("LINEAR.gltf", "fast", &["--animation-speed", "2"]).len(), 2);
    let clamped = render("LINEAR.gltf", "clamped", &["--duration", "2", "--animation-end", "clamp"]);
    assert_eq!(clamped.len(), 8);
    assert!(clamped[4..].windows(2).all(|w| (w[1] - w[0]).abs() < 0.6), "clamp holds the last pose: {clamped:?}");
    let looped = render("LINEAR.gltf", "looped", &["--duration", "2"]);
    assert!((looped[4] - looped[0]).abs() < 0.6, "a loop starts over: {looped:?}");

    let missing = sandbox.run(&["render", "LINEAR.gltf", "--animation", "walk", "-o", "x.mp4"]);
    missing.expect_code(1);
    assert!(missing.stderr().contains("no animation 'walk' in the file\nhint: animations: slide"), "{missing}");
}
