//! Display layouts on real renders: Looking Glass quilts, Pepper's-ghost pyramids, LED fans and
//! contact sheets.

use crate::util;

use image::RgbaImage;
use util::{ffprobe_stream, read_png, read_sequence, Sandbox};

/// Writes an asymmetric figure with one colour per part: a red body, a green head on top, a blue
/// arm on its right (+X) and a yellow nose sticking out at the front (+Z), nearer the camera than
/// the rest.
fn figure(sandbox: &Sandbox) -> String {
    let parts = [
        ("red", [-0.5, 0.0, -0.5], [0.5, 2.0, 0.5]),
        ("green", [-0.3, 2.0, -0.3], [0.3, 2.6, 0.3]),
        ("blue", [0.5, 0.9, -0.2], [1.1, 1.3, 0.2]),
        ("yellow", [-0.15, 1.4, 0.5], [0.15, 1.7, 1.3]),
    ];
    let mut obj = String::from("mtllib figure.mtl\n");
    for (i, (name, lo, hi)) in parts.iter().enumerate() {
        for x in [lo[0], hi[0]] {
            for y in [lo[1], hi[1]] {
                for z in [lo[2], hi[2]] {
                    obj += &format!("v {x} {y} {z}\n");
                }
            }
        }
        let o = i * 8;
        obj += &format!("usemtl {name}\n");
        for face in [[1, 3, 4, 2], [5, 6, 8, 7], [1, 2, 6, 5], [3, 7, 8, 4], [1, 5, 7, 3], [2, 4, 8, 6]] {
            obj += &format!("f {} {} {} {}\n", face[0] + o, face[1] + o, face[2] + o, face[3] + o);
        }
    }
    std::fs::write(sandbox.path("figure.obj"), obj).unwrap();
    let mtl = "newmtl red\nKd 1 0 0\nnewmtl green\nKd 0 1 0\nnewmtl blue\nKd 0 0 1\nnewmtl yellow\nKd 1 1 0\n";
    std::fs::write(sandbox.path("figure.mtl"), mtl).unwrap();
    "figure.obj".into()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Body,
    Head,
    Arm,
    Nose,
}

/// Which part of the figure a shaded pixel shows, by its hue.
fn part(p: &image::Rgba<u8>) -> Option<Part> {
    let [r, g, b] = [p[0] as u32, p[1] as u32, p[2] as u32];
    if p[3] < 128 || r.max(g).max(b) < 40 {
        return None;
    }
    match () {
        _ if r > 2 * g && r > 2 * b => Some(Part::Body),
        _ if g > 2 * r && g > 2 * b => Some(Part::Head),
        _ if b > 2 * r && b > 2 * g => Some(Part::Arm),
        _ if r > 2 * b && g > 2 * b && r.abs_diff(g) * 3 < r => Some(Part::Nose),
        _ => None,
    }
}

/// Centroid (x, y) of `which` in the `w × h` region at (`x0`, `y0`), relative to the region.
fn centroid(img: &RgbaImage, (x0, y0, w, h): (u32, u32, u32, u32), which: Part) -> Option<(f64, f64)> {
    let mut sum = (0.0, 0.0, 0usize);
    for y in y0..y0 + h {
        for x in x0..x0 + w {
            if part(img.get_pixel(x, y)) == Some(which) {
                sum = (sum.0 + (x - x0) as f64, sum.1 + (y - y0) as f64, sum.2 + 1);
            }
        }
    }
    (sum.2 > 3).then(|| (sum.0 / sum.2 as f64, sum.1 / sum.2 as f64))
}

fn lit(p: &image::Rgba<u8>) -> bool {
    p[0].max(p[1]).max(p[2]) > 8
}

const SHADED: [&str; 6] = ["--style", "shaded", "--msaa", "1", "--look", "bloom=0"];

#[test]
fn a_quilt_has_its_tile_grid_and_views_from_left_to_right() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    let mut args = vec!["render", &model, "--layout", "quilt", "--quilt", "4x3", "--quilt-aspect", "1"];
    args.extend_from_slice(&[
        "-s",
        "480x360",
        "--camera",
        "front",
        "--frames",
        "1",
        "-f",
        "png",
        "-o",
        "figure.png",
        "-q",
    ]);
    args.extend_from_slice(&SHADED);
    sandbox.run(&args).expect_success();
    assert_eq!(sandbox.entries().iter().filter(|e| e.ends_with(".png")).collect::<Vec<_>>(), ["figure_qs4x3a1.png"]);
    let quilt = read_png(&sandbox.path("figure_qs4x3a1.png"));
    assert_eq!(quilt.dimensions(), (480, 360));
    // View k sits in column k % 4, row k / 4 counted from the bottom; every tile holds the figure, centred.
    let tile = |k: u32| ((k % 4) * 120, (2 - k / 4) * 120, 120, 120);
    let mut noses = Vec::new();
    for k in 0..12 {
        let (cx, cy) = centroid(&quilt, tile(k), Part::Body).unwrap_or_else(|| panic!("view {k} shows no body"));
        assert!((cx - 60.0).abs() < 15.0 && (cy - 60.0).abs() < 25.0, "view {k}: body at ({cx:.0}, {cy:.0})");
        noses.push(centroid(&quilt, tile(k), Part::Nose).unwrap_or_else(|| panic!("view {k} shows no nose")).0);
    }
    // The nose is in front of the focal plane: as the camera slides right it moves left, view by view.
    assert!(noses.windows(2).all(|w| w[1] < w[0]), "nose x by view: {noses:?}");
    assert!(noses[0] - noses[11] > 8.0, "the views span a real baseline: {noses:?}");
}

#[test]
fn device_presets_set_views_and_sizes_in_manifests() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    let mut manifest = String::new();
    for device in [
        "go",
        "portrait",
        "16-landscape",
        "16-portrait",
        "32-landscape",
        "32-portrait",
        "65",
        "phone",
        "tablet",
        "monitor",
        "fan-1024",
        "fan-720",
    ] {
        manifest +=
            &format!("[[job]]\nname = \"{device}\"\nmodel = \"{model}\"\noutput = \"{device}\"\nlayout = {{ device = \"{device}\" }}\n\n");
    }
    manifest += &format!("[[job]]\nname = \"custom\"\nmodel = \"{model}\"\nsize = \"1000x600\"\n[job.layout]\ntype = \"quilt\"\nquilt = \"5x3\"\nview-cone = 30\n");
    std::fs::write(sandbox.path("jobs.toml"), manifest).unwrap();
    let run = sandbox.run(&["run", "jobs.toml", "--dry-run", "--json"]);
    run.expect_success();
    let plan: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let summary: Vec<String> = plan["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| {
            format!(
                "{} {} {} {} {} {}",
                j["job"].as_str().unwrap(),
                j["layout"].as_str().unwrap(),
                j["size"],
                j["views"],
                j["view_size"],
                j["outputs"][0]["path"].as_str().unwrap().rsplit('/').next().unwrap()
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            "go quilt [4092,4092] [11,6] [372,682] go_qs11x6a0.5625",
            "portrait quilt [3360,3360] [8,6] [420,560] portrait_qs8x6a0.75",
            "16-landscape quilt [5992,5992] [7,7] [856,856] 16-landscape_qs7x7a1.7778",
            "16-portrait quilt [5984,6000] [11,6] [544,1000] 16-portrait_qs11x6a0.5625",
            "32-landscape quilt [8190,8190] [7,7] [1170,1170] 32-landscape_qs7x7a1.7778",
            "32-portrait quilt [8184,8184] [11,6] [744,1364] 32-portrait_qs11x6a0.5625",
            "65 quilt [8192,8192] [8,9] [1024,910] 65_qs8x9a1.7778",
            "phone pyramid [1080,1080] [2,2] [360,360] phone",
            "tablet pyramid [2048,2048] [2,2] [682,682] tablet",
            "monitor pyramid [2160,2160] [2,2] [720,720] monitor",
            "fan-1024 fan [1024,1024] [1,1] [1024,1024] fan-1024",
            "fan-720 fan [720,720] [1,1] [720,720] fan-720",
            "custom quilt [1000,600] [5,3] [200,200] figure_qs5x3a0.75.mp4",
        ]
    );
}

/// The four 60×60 views of a 180×180 pyramid: bottom, right, top, left of the centre.
fn pyramid_tiles() -> [(u32, u32, u32, u32); 4] {
    [(60, 120, 60, 60), (120, 60, 60, 60), (60, 0, 60, 60), (0, 60, 60, 60)]
}

#[test]
fn a_pyramid_has_four_turned_views_around_a_black_centre() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    for (mount, sign) in [("outward", 1.0), ("inward", -1.0)] {
        let out = format!("{mount}.png");
        let mut args = vec!["render", &model, "--layout", "pyramid", "--pyramid", mount, "-s", "180x180"];
        args.extend_from_slice(&["--camera", "front", "--frames", "1", "-f", "png", "-o", &out, "-q"]);
        args.extend_from_slice(&SHADED);
        sandbox.run(&args).expect_success();
        let img = read_png(&sandbox.path(&out));
        assert!(img.pixels().all(|p| p[3] == 255), "a pyramid frame is opaque");
        // Centre and corners stay black.
        for (x0, y0) in [(60, 60), (0, 0), (120, 0), (0, 120), (120, 120)] {
            let dark =
                (y0..y0 + 60).flat_map(|y| (x0..x0 + 60).map(move |x| (x, y))).all(|(x, y)| !lit(img.get_pixel(x, y)));
            assert!(dark, "{mount}: the 60x60 square at ({x0}, {y0}) is not black");
        }
        // Where the head sits against the body says where each view's top points: away from the
        // centre (outward) or towards it (inward). Bottom, right, top, left.
        let away = [(0.0, 1.0), (1.0, 0.0), (0.0, -1.0), (-1.0, 0.0)];
        for (i, region) in pyramid_tiles().into_iter().enumerate() {
            let body = centroid(&img, region, Part::Body).unwrap_or_else(|| panic!("{mount}: view {i} shows no body"));
            let head = centroid(&img, region, Part::Head).unwrap_or_else(|| panic!("{mount}: view {i} shows no head"));
            let up = (head.0 - body.0, head.1 - body.1);
            let along = (up.0 * away[i].0 + up.1 * away[i].1) * sign;
            assert!(along > 5.0, "{mount}: view {i}'s top points {up:?}");
        }
    }
    // Cameras 90° apart: the front view sees the nose straight on and the arm to its right; the
    // side views see the nose in profile, one of them the arm face on.
    let img = read_png(&sandbox.path("outward.png"));
    let seen = |i: usize, which: Part| centroid(&img, pyramid_tiles()[i], which).is_some();
    assert!(seen(0, Part::Nose) && seen(0, Part::Arm), "the front view sees nose and arm");
    assert!(!seen(2, Part::Nose), "the back view does not see the nose");
    assert!(seen(1, Part::Arm), "the right view sees the arm");
}

#[test]
fn a_pyramid_view_is_the_cameras_picture_mirrored_so_its_reflection_reads_right() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    let render = |out: &str, extra: &[&str]| {
        // A turntable's first frame: the front view, framed as the pyramid frames its views (a
        // single-view still would be fitted to the view instead).
        let mut args = vec!["render", &model, "--camera", "turntable", "--elevation", "0", "--frames", "1"];
        args.extend_from_slice(&["-f", "png", "-o", out, "-q"]);
        args.extend_from_slice(&SHADED);
        args.extend_from_slice(&["--background", "#000000"]);
        args.extend_from_slice(extra);
        sandbox.run(&args).expect_success();
        read_png(&sandbox.path(out))
    };
    // The figure is asymmetric: its arm is on the picture's right in the front view.
    let picture = render("front.png", &["-s", "60x60"]);
    let arm = centroid(&picture, (0, 0, 60, 60), Part::Arm).unwrap();
    let body = centroid(&picture, (0, 0, 60, 60), Part::Body).unwrap();
    assert!(arm.0 > body.0 + 5.0, "the front view has the arm on the right: {arm:?} {body:?}");
    let tile = |img: &RgbaImage, mirrored_x: bool, mirrored_y: bool| {
        RgbaImage::from_fn(60, 60, |x, y| {
            let (x, y) = (if mirrored_x { 59 - x } else { x }, if mirrored_y { 59 - y } else { y });
            *img.get_pixel(60 + x, 120 + y)
        })
    };
    let differing = |a: &RgbaImage, b: &RgbaImage| a.pixels().zip(b.pixels()).filter(|(p, q)| p != q).count();
    // Tip-down (outward): the front tile is the picture flipped top to bottom (the viewer's up is
    // outward, the viewer's right the screen's right), not turned by 180°.
    let outward = render("outward.png", &["--layout", "pyramid", "-s", "180x180"]);
    assert_eq!(differing(&tile(&outward, false, true), &picture), 0, "outward: the front tile is the picture flipped");
    // Base-down (inward): the top row at the inner edge, left and right exchanged.
    let inward = render("inward.png", &["--layout", "pyramid", "--pyramid", "inward", "-s", "180x180"]);
    assert_eq!(differing(&tile(&inward, true, false), &picture), 0, "inward: the front tile is the picture mirrored");
    // mirror = false: the picture only turned (by 180° for the outward front tile).
    let turned = render("turned.png", &["--layout", "pyramid", "--pyramid-mirror", "false", "-s", "180x180"]);
    assert_eq!(
        differing(&tile(&turned, true, true), &picture),
        0,
        "mirror = false: the front tile is the picture turned"
    );
}

#[test]
fn a_fan_frame_is_square_and_black_outside_its_circle_in_every_frame() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    // A strong, wide glow reaches the corners: only the circle keeps them dark.
    let mut args = vec!["render", &model, "--layout", "fan", "-s", "120x120", "--frames", "8", "-f", "png"];
    args.extend_from_slice(&["-o", "fan", "-q", "--look", "bloom=4", "--look", "bloom-radius=0.25"]);
    args.extend_from_slice(&["--look", "bloom-threshold=0"]);
    sandbox.run(&args).expect_success();
    let frames = read_sequence(&sandbox.path("fan"));
    assert_eq!(frames.len(), 8);
    for (i, frame) in frames.iter().enumerate() {
        assert_eq!(frame.dimensions(), (120, 120));
        let mut inside = 0;
        for (x, y, p) in frame.enumerate_pixels() {
            let r = ((x as f64 + 0.5 - 60.0).powi(2) + (y as f64 + 0.5 - 60.0).powi(2)).sqrt();
            if r > 60.0 {
                assert_eq!(p.0, [0, 0, 0, 255], "frame {i}: ({x}, {y}) outside the circle is lit");
            } else if lit(p) {
                inside += 1;
            }
        }
        assert!(inside > 1000, "frame {i}: the model covers {inside} pixels of the circle");
    }
}

#[test]
fn a_sheet_shows_front_right_top_and_isometric_views_with_their_names() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    let render = |out: &str, extra: &[&str]| {
        let args =
            [&["render", &model, "--layout", "sheet", "-s", "320x240", "--frames", "1", "-o", out, "-q"][..], extra];
        sandbox.run(&[&args.concat()[..], &SHADED].concat()).expect_success();
        read_png(&sandbox.path(out))
    };
    let sheet = render("sheet.png", &["--sheet-labels", "false"]);
    assert_eq!(sheet.dimensions(), (320, 240));
    let tile = |k: u32| ((k % 2) * 160, (k / 2) * 120, 160, 120);
    let at = |k: u32, which: Part| centroid(&sheet, tile(k), which).unwrap_or_else(|| panic!("tile {k}: no {which:?}"));
    let (body, arm, nose) = (at(0, Part::Body), at(0, Part::Arm), at(0, Part::Nose));
    assert!(arm.0 > body.0 + 10.0 && (nose.0 - body.0).abs() < 4.0, "front: the arm (+X) on the right, the nose ahead");
    let (body, arm, nose) = (at(1, Part::Body), at(1, Part::Arm), at(1, Part::Nose));
    assert!(nose.0 < body.0 - 10.0 && (arm.0 - body.0).abs() < 4.0, "right: the nose (+Z) on the left, the arm ahead");
    let (body, arm, nose, head) = (at(2, Part::Body), at(2, Part::Arm), at(2, Part::Nose), at(2, Part::Head));
    assert!(nose.1 > body.1 + 10.0 && arm.0 > body.0 + 10.0, "top: the nose (+Z) at the bottom, the arm on the right");
    assert!((head.0 - body.0).abs() < 4.0 && (head.1 - body.1).abs() < 4.0, "top: the head over the body's centre");
    let (body, head, arm, nose) = (at(3, Part::Body), at(3, Part::Head), at(3, Part::Arm), at(3, Part::Nose));
    assert!(head.1 < body.1 - 10.0 && arm.0 > body.0 && nose.0 < body.0, "isometric: from the front right, above");
    assert!(sheet.pixels().take(320 * 20).all(|p| p[3] == 0 || part(p).is_some()), "no label without labels");

    // Labels: each tile's name on a dark box in its top-left corner, over the transparent background.
    let labelled = render("labelled.png", &[]);
    for k in 0..4 {
        let (x, y, _, _) = tile(k);
        assert_eq!(labelled.get_pixel(x + 4, y + 4).0, [0, 0, 0, 160], "tile {k}: the label's box");
        let white = (y + 4..y + 24).flat_map(|y| (x + 4..x + 40).map(move |x| (x, y)));
        let white = white.filter(|&(x, y)| labelled.get_pixel(x, y).0.iter().all(|&c| c > 200)).count();
        assert!(white > 10, "tile {k}: white letters ({white} pixels)");
        assert_eq!(
            labelled.get_pixel(x + 80, y + 60),
            sheet.get_pixel(x + 80, y + 60),
            "tile {k}: the view is untouched"
        );
    }
}

#[test]
fn every_layout_works_with_every_style_motion_and_animation() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    std::fs::write(sandbox.path("slide.gltf"), util::SLIDING_TRIANGLE.replace("INTERPOLATION", "LINEAR")).unwrap();
    let layouts: [&[&str]; 4] = [
        &["--layout", "quilt", "--quilt", "2x2", "-s", "96x96"],
        &["--layout", "pyramid", "-s", "96x96"],
        &["--layout", "fan", "-s", "64x64"],
        &["--layout", "sheet", "-s", "128x96"],
    ];
    for layout in layouts {
        for (input, extra) in [
            (model.as_str(), &["--style", "hologram", "--camera", "turntable"][..]),
            (&model, &["--style", "shaded", "--camera", "orbit"]),
            (&model, &["--style", "wireframe", "--look", "wire-over-hologram=true", "--look", "glitch=1"]),
            ("slide.gltf", &["--style", "wireframe", "--look", "xray=true"]),
        ] {
            let out = format!("out-{}", sandbox.entries().len());
            let mut args =
                vec!["render", input, "--frames", "3", "--duration", "1", "--msaa", "1", "-f", "png", "-o", &out, "-q"];
            args.extend_from_slice(layout);
            args.extend_from_slice(extra);
            sandbox.run(&args).expect_success();
            // Quilt folders carry the Looking Glass tag: out-N_qs2x2a0.75.
            let written =
                sandbox.entries().into_iter().find(|e| e == &out || e.starts_with(&format!("{out}_qs"))).unwrap();
            let frames = read_sequence(&sandbox.path(&written));
            let what = format!("{} {input} {}", layout.join(" "), extra.join(" "));
            assert_eq!(frames.len(), 3, "{what}");
            assert!(frames.iter().all(|f| f.pixels().any(lit)), "{what}: a frame is empty");
            assert_ne!(frames[0], frames[2], "{what}: nothing moves");
        }
    }
}

#[test]
fn layouts_encode_end_to_end() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    let common = ["--frames", "6", "--msaa", "1", "-q"];
    let run = |extra: &[&str]| {
        sandbox.run(&[&["render", &model][..], &common, extra].concat()).expect_success().output.clone()
    };
    run(&["--layout", "quilt", "--quilt", "3x2", "-s", "240x160", "-f", "webm-alpha", "-o", "quilt.webm"]);
    let quilt = ffprobe_stream(&sandbox.path("quilt_qs3x2a0.75.webm"));
    assert_eq!(
        (quilt["codec_name"].as_str(), quilt["width"].as_str(), quilt["height"].as_str()),
        ("vp9", "240", "160")
    );
    assert_eq!(quilt["nb_read_frames"], "6");
    run(&["--layout", "pyramid", "-s", "240x240", "-f", "mp4", "-o", "pyramid.mp4"]);
    run(&["--layout", "fan", "--device", "fan-720", "-o", "fan.mp4"]);
    for (file, side) in [("pyramid.mp4", "240"), ("fan.mp4", "720")] {
        let stream = ffprobe_stream(&sandbox.path(file));
        assert_eq!(
            (stream["codec_name"].as_str(), stream["width"].as_str(), stream["height"].as_str()),
            ("h264", side, side),
            "{file}"
        );
        assert_eq!(stream["nb_read_frames"], "6", "{file}");
    }
}

#[test]
fn bad_layout_settings_are_refused_clearly() {
    let sandbox = Sandbox::new();
    let model = figure(&sandbox);
    let refused = |args: &[&str], message: &str| {
        let run = sandbox.run(&[&["render", &model, "-q"][..], args].concat());
        run.expect_code(2);
        assert!(run.stderr().contains(message), "expected {message:?}\n{run}");
    };
    refused(
        &["--layout", "fan", "-s", "1920x1080"],
        "error: a fan frame is square; 1920x1080 is not\nhint: use e.g. --size 1080x1080",
    );
    refused(&["--device", "hololens"], "error: 'hololens' is not a display device\nhint: quilts: go, portrait,");
    refused(
        &["--layout", "quilt", "--device", "vr"],
        "error: 'vr' is not a quilt device\nhint: quilt devices: go, portrait,",
    );
    refused(
        &["--layout", "pyramid", "--quilt", "8x6"],
        "error: layout setting 'quilt' does not apply to the pyramid layout",
    );
    refused(
        &["--layout", "sheet", "-s", "321x240"],
        "error: a sheet is two views across and two down; 321x240 does not halve into whole tiles",
    );
    refused(
        &["--layout", "sheet", "--camera", "gltf:0"],
        "error: the sheet layout shows its own four views; a camera path or a model's camera does not apply",
    );
    refused(
        &["--layout", "sheet", "--pyramid", "inward"],
        "error: layout setting 'mount' does not apply to the sheet layout",
    );
    assert!(sandbox.entries().iter().all(|e| e.starts_with("figure.")), "{:?}", sandbox.entries());
    let fast = sandbox.run(&[
        "render", &model, "--layout", "fan", "-s", "64x64", "--fps", "60", "--frames", "2", "-f", "png", "-o", "f",
        "-q",
    ]);
    fast.expect_success();
    assert!(fast.stderr().contains("LED fans play 30 frames per second at most; 60 fps may stutter"), "{fast}");
}
