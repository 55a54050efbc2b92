//! The styles and effects of the look, checked on real renders: what each style draws, bloom
//! that keeps alpha, seeded glitch, scanlines in screen or model space, and the same look at
//! two resolutions.

use crate::util;

use image::RgbaImage;
use util::{fixture, read_png, read_sequence, Sandbox};

/// Renders one PNG still of `model` (None: the demo) with `args`, and decodes it.
fn still(sandbox: &Sandbox, model: Option<&str>, out: &str, args: &[&str]) -> RgbaImage {
    let mut command: Vec<&str> = match model {
        Some(path) => vec!["render", path],
        None => vec!["demo"],
    };
    command.extend_from_slice(&["--frames", "1", "-f", "png", "-o", out, "-q"]);
    command.extend_from_slice(args);
    sandbox.run(&command).expect_success();
    read_png(&sandbox.path(out))
}

fn covered(img: &RgbaImage) -> usize {
    img.pixels().filter(|p| p[3] > 0).count()
}

fn brightness(img: &RgbaImage) -> u64 {
    img.pixels().map(|p| (p[0] as u64 + p[1] as u64 + p[2] as u64) * p[3] as u64 / 255).sum()
}

/// The colour channel with the largest sum over covered pixels (0 red, 1 green, 2 blue).
fn dominant(img: &RgbaImage) -> usize {
    let sums = img.pixels().filter(|p| p[3] > 0).fold([0u64; 3], |mut s, p| {
        (0..3).for_each(|c| s[c] += p[c] as u64);
        s
    });
    (0..3).max_by_key(|&c| sums[c]).unwrap()
}

/// A red OBJ cube (with its MTL) written into the sandbox.
fn red_cube(sandbox: &Sandbox) -> String {
    let mut obj = String::from("mtllib red.mtl\nusemtl red\n");
    for x in [-1, 1] {
        for y in [-1, 1] {
            for z in [-1, 1] {
                obj += &format!("v {x} {y} {z}\n");
            }
        }
    }
    obj += "f 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n";
    std::fs::write(sandbox.path("red.obj"), obj).unwrap();
    std::fs::write(sandbox.path("red.mtl"), "newmtl red\nKd 1 0 0\n").unwrap();
    "red.obj".into()
}

#[test]
fn shaded_shows_the_material_opaque_and_hologram_tints_it() {
    let sandbox = Sandbox::new();
    let cube = red_cube(&sandbox);
    let args = ["-s", "64x64", "--camera", "angle45", "--msaa", "1"];
    let shaded = still(&sandbox, Some(&cube), "shaded.png", &[&args[..], &["--style", "shaded"]].concat());
    assert_eq!(dominant(&shaded), 0, "the shaded red cube is red");
    assert!(covered(&shaded) > 500);
    assert!(shaded.pixels().filter(|p| p[3] > 0).all(|p| p[3] == 255), "shaded surfaces are opaque");
    let lit: Vec<u8> = shaded.pixels().filter(|p| p[3] == 255).map(|p| p[0]).collect();
    let (darkest, brightest) = (lit.iter().min().unwrap(), lit.iter().max().unwrap());
    assert!(brightest - darkest > 60, "faces are lit differently ({darkest}..{brightest})");
    let hologram = still(&sandbox, Some(&cube), "hologram.png", &args);
    assert_eq!(dominant(&hologram), 2, "the hologram is cyan whatever the material");
}

#[test]
fn wireframe_draws_feature_edges_hidden_or_all_and_over_the_hologram() {
    let sandbox = Sandbox::new();
    let cube = fixture("unit_cube.stl");
    let cube = cube.to_str().unwrap();
    let dark = ["-s", "96x96", "--look", "bloom=0", "--background", "#000000", "--style", "wireframe"];
    let wire = |out: &str, camera: &str, extra: &[&str]| {
        still(&sandbox, Some(cube), out, &[&dark[..], &["--camera", camera], extra].concat())
    };
    let centre_light = |img: &RgbaImage| {
        (46..=50).flat_map(|y| (46..=50).map(move |x| (x, y))).map(|(x, y)| img.get_pixel(x, y)[2]).max().unwrap()
    };
    let features = wire("features.png", "front", &[]);
    let every = wire("every.png", "front", &["--look", "wire-angle=0"]);
    // The front face's diagonal runs through the picture's centre: drawn only when every edge is.
    assert!(centre_light(&features) < 20, "a flat face hides its triangulation ({})", centre_light(&features));
    assert!(centre_light(&every) > 100, "wire-angle=0 draws the diagonal ({})", centre_light(&every));
    assert!(brightness(&features) > 0, "the cube's outline is drawn");

    let hidden = wire("hidden.png", "angle45", &[]);
    let xray = wire("xray.png", "angle45", &["--look", "xray=true"]);
    assert!(brightness(&xray) > brightness(&hidden) * 5 / 4, "x-ray adds the hidden back edges");

    let transparent = |out: &str, extra: &[&str]| {
        still(&sandbox, Some(cube), out, &[&["-s", "96x96", "--style", "wireframe"][..], extra].concat())
    };
    let alone = transparent("alone.png", &[]);
    let over = transparent("over.png", &["--look", "wire-over-hologram=true"]);
    assert!(covered(&over) > covered(&alone) * 2, "the hologram surfaces fill in between the edges");
}

#[test]
fn wire_lines_never_bead_or_vanish_and_hidden_ones_can_be_dimmed() {
    let sandbox = Sandbox::new();
    let cube = fixture("unit_cube.stl");
    let cube = cube.to_str().unwrap();
    let wire = |out: &str, extra: &[&str]| {
        let args = ["-s", "640x480", "--camera", "isometric", "--style", "wireframe", "--background", "#000000"];
        still(&sandbox, Some(cube), out, &[&args[..], &["--look", "bloom=0"], extra].concat())
    };
    // Light (linear, not the sRGB-encoded values) in thousandths, summed over the channels.
    let light = |img: &RgbaImage, x: u32, y: u32| {
        let linear = |c: u8| ((c as f64 / 255.0 + 0.055) / 1.055).powf(2.4);
        (img.get_pixel(x, y).0[..3].iter().map(|&c| linear(c)).sum::<f64>() * 1000.0) as u32
    };
    for msaa in ["1", "4"] {
        let img = wire(&format!("cube-msaa{msaa}.png"), &["--msaa", msaa]);
        // The crease nearest the camera runs straight down the middle, from the top face's near
        // corner to the bottom one: every row along it is lit, and alike (no beads).
        let crease: Vec<u32> = (240..430).map(|y| (312..=328).map(|x| light(&img, x, y)).sum()).collect();
        let (dimmest, brightest) = (*crease.iter().min().unwrap(), *crease.iter().max().unwrap());
        eprintln!("msaa {msaa}: near crease rows {dimmest}..{brightest}");
        assert!(dimmest >= 600, "msaa {msaa}: the near crease is drawn in every row (dimmest row {dimmest})");
        assert!(dimmest * 10 >= brightest * 7, "msaa {msaa}: the crease's rows {dimmest}..{brightest} bead");
        // A slanted silhouette edge (the top face's far left edge) is as even, column by column.
        let slanted: Vec<u32> = (140..290)
            .map(|x| {
                let y = 95.0 - (x as f64 - 110.0) * 73.0 / 210.0;
                let y = y.round() as u32;
                (y - 8..=y + 8).map(|y| light(&img, x, y)).sum()
            })
            .collect();
        let (dimmest, brightest) = (*slanted.iter().min().unwrap(), *slanted.iter().max().unwrap());
        assert!(dimmest * 10 >= brightest * 7, "msaa {msaa}: the slanted edge's columns {dimmest}..{brightest} bead");
    }
    // Hidden lines: dropped by default, dimmed with wire-hidden, never as bright as in x-ray.
    let front = wire("front-only.png", &[]);
    let dimmed = wire("dimmed.png", &["--look", "wire-hidden=0.3"]);
    let xray = wire("xray-all.png", &["--look", "xray=true"]);
    let (front, dimmed, xray) = (brightness(&front), brightness(&dimmed), brightness(&xray));
    assert!(front < dimmed && dimmed < xray, "hidden lines: none {front}, dimmed {dimmed}, x-ray {xray}");
}

/// `top` composited "over" an opaque `colour` on 8-bit straight-alpha values.
fn over(top: &RgbaImage, colour: [u8; 3]) -> RgbaImage {
    let mut out = top.clone();
    for p in out.pixels_mut() {
        let a = p[3] as f64 / 255.0;
        for c in 0..3 {
            p[c] = (p[c] as f64 * a + colour[c] as f64 * (1.0 - a)).round() as u8;
        }
        p[3] = 255;
    }
    out
}

#[test]
fn bloom_glows_around_the_model_and_keeps_alpha() {
    let sandbox = Sandbox::new();
    let args = ["-s", "160x120", "--camera", "angle45", "--look", "bloom-radius=0.04"];
    let plain = still(&sandbox, None, "plain.png", &[&args[..], &["--look", "bloom=0"]].concat());
    let bloom = still(&sandbox, None, "bloom.png", &[&args[..], &["--look", "bloom=2"]].concat());
    // The halo: pixels empty without bloom and glowing with it.
    let halo: Vec<&image::Rgba<u8>> =
        plain.pixels().zip(bloom.pixels()).filter(|(p, b)| p[3] == 0 && b[3] > 8).map(|(_, b)| b).collect();
    assert!(halo.len() > 300, "bloom spreads light around the model ({} pixels)", halo.len());
    let dark = halo.iter().filter(|p| p[0].max(p[1]).max(p[2]) < 128).count();
    assert_eq!(dark, 0, "{dark} halo pixels have alpha but a dark colour: they would composite as a dark fringe");
    // Alpha comes from the glow's brightness: composited over a colour it is the opaque render.
    let colour = [0x33, 0x66, 0x99];
    let opaque =
        still(&sandbox, None, "opaque.png", &[&args[..], &["--look", "bloom=2", "--background", "#336699"]].concat());
    let composited = over(&bloom, colour);
    let worst =
        composited.pixels().zip(opaque.pixels()).flat_map(|(a, b)| (0..3).map(move |c| a[c].abs_diff(b[c]))).max();
    assert!(worst <= Some(2), "transparent bloom over {colour:?} differs from the opaque render by {worst:?}");
}

#[test]
fn the_default_bloom_has_a_tight_core_and_a_wide_halo_and_keeps_alpha() {
    let sandbox = Sandbox::new();
    // A turntable's first frame: framed alike whatever the glow (a still keeps room for it).
    let args = ["-s", "320x240", "--camera", "turntable", "--view", "angle45"];
    let render = |out: &str, look: &str| still(&sandbox, None, out, &[&args[..], &["--look", look]].concat());
    let plain = render("plain.png", "bloom=0");
    let core = render("core.png", "bloom-halo=0");
    let both = render("both.png", "seed=0");
    let glowing = |without: &RgbaImage, with: &RgbaImage| {
        without.pixels().zip(with.pixels()).filter(|(p, b)| p[3] == 0 && b[3] > 3).count()
    };
    let (core_spread, halo_spread) = (glowing(&plain, &core), glowing(&core, &both));
    eprintln!("glow beyond the surfaces: core {core_spread} pixels, the halo {halo_spread} more");
    assert!(core_spread > 500, "the default core glows around the model ({core_spread} pixels)");
    assert!(halo_spread > 300, "the halo reaches beyond the core ({halo_spread} more pixels)");
    let colour = [0x20, 0x20, 0x20];
    let opaque = still(&sandbox, None, "opaque.png", &[&args[..], &["--background", "#202020"]].concat());
    let worst = over(&both, colour)
        .pixels()
        .zip(opaque.pixels())
        .flat_map(|(a, b)| (0..3).map(move |c| a[c].abs_diff(b[c])))
        .max();
    assert!(worst <= Some(2), "the transparent render over {colour:?} differs from the opaque one by {worst:?}");
}

#[test]
fn glitch_displaces_bands_in_seeded_frames_only() {
    let sandbox = Sandbox::new();
    let clip = |out: &str, look: &[&str]| {
        let mut args =
            vec!["demo", "-f", "png", "-s", "64x48", "--msaa", "1", "--frames", "12", "--fps", "12", "-o", out, "-q"];
        for l in look {
            args.extend_from_slice(&["--look", l]);
        }
        sandbox.run(&args).expect_success();
        read_sequence(&sandbox.path(out))
    };
    let calm = clip("calm", &[]);
    let glitch = ["glitch=1", "glitch-rate=12", "seed=5"];
    let glitched = clip("glitched", &[&glitch[..], &["glitch-split=0", "glitch-spike=0", "glitch-jitter=0"]].concat());
    let full = clip("full", &glitch);
    assert_eq!(full, clip("again", &glitch), "the same seed, the same frames");
    let differing: Vec<usize> = (0..12).filter(|&i| calm[i] != glitched[i]).collect();
    assert!(!differing.is_empty() && differing.len() < 12, "some frames glitch, not all: {differing:?}");
    // A glitch moves whole rows sideways: the pixels of a shifted row are the calm row's, moved.
    let frame = differing[0];
    let (a, b) = (&calm[frame], &glitched[frame]);
    let moved_rows = (0..a.height())
        .filter(|&y| {
            let row = |img: &RgbaImage| (0..img.width()).map(|x| *img.get_pixel(x, y)).collect::<Vec<_>>();
            let (calm_row, glitch_row) = (row(a), row(b));
            calm_row != glitch_row
                && (1..32).any(|s| {
                    (0..64 - s).all(|x| glitch_row[x + s] == calm_row[x])
                        || (0..64 - s).all(|x| glitch_row[x] == calm_row[x + s])
                })
        })
        .count();
    assert!(moved_rows >= 4, "rows of a glitched frame are the calm rows shifted ({moved_rows} rows)");
    // The full glitch also splits red from blue, jitters rows and flashes bands: the same frames
    // glitch, differently, and some colour appears where the calm frame had none of it.
    assert_eq!(differing, (0..12).filter(|&i| calm[i] != full[i]).collect::<Vec<_>>(), "the same slots glitch");
    let red_sum = |img: &RgbaImage| img.pixels().map(|p| p[0] as u64 * p[3] as u64).sum::<u64>();
    assert!(full[frame] != glitched[frame], "split, jitter and spikes change the glitched frame");
    assert!(
        red_sum(&full[frame]) > red_sum(&glitched[frame]),
        "the split and the spikes add red light to the cyan picture ({} vs {})",
        red_sum(&full[frame]),
        red_sum(&glitched[frame])
    );
}

/// Dark scanline bands crossed going down the picture's centre column, inside the model.
fn bands_down_the_middle(img: &RgbaImage) -> usize {
    let x = img.width() / 2;
    let column: Vec<f64> = (0..img.height())
        .map(|y| img.get_pixel(x, y))
        .filter(|p| p[3] > 0)
        .map(|p| p[2] as f64 * p[3] as f64)
        .collect();
    let (low, high) = column.iter().fold((f64::MAX, 0.0f64), |(l, h), &v| (l.min(v), h.max(v)));
    let middle = (low + high) / 2.0;
    column.windows(2).filter(|w| w[0] >= middle && w[1] < middle).count()
}

#[test]
fn scanlines_are_fixed_to_the_view_or_to_the_model() {
    let sandbox = Sandbox::new();
    let cube = fixture("unit_cube.stl");
    let cube = cube.to_str().unwrap();
    let render = |out: &str, space: &str, margin: &str| {
        let args = [
            "-s",
            "160x160",
            "--camera",
            "front",
            "--margin",
            margin,
            "--look",
            "bloom=0",
            "--look",
            "scanline-strength=1",
            "--look",
            "scanline-density=10",
            "--look",
            "scanline-speed=0",
            "--look",
            "edge-glow=0",
            "--look",
            space,
        ];
        bands_down_the_middle(&still(&sandbox, Some(cube), out, &args))
    };
    let screen_near = render("screen-near.png", "scanline-space=screen", "0.1");
    let screen_far = render("screen-far.png", "scanline-space=screen", "1.5");
    let model_near = render("model-near.png", "scanline-space=model", "0.1");
    let model_far = render("model-far.png", "scanline-space=model", "1.5");
    assert!(
        screen_near > screen_far + 2,
        "screen-space lines: fewer across a smaller model ({screen_near} vs {screen_far})"
    );
    assert!(model_near.abs_diff(model_far) <= 1, "model-space lines ride with the model ({model_near} vs {model_far})");
    assert!((9..=11).contains(&model_near), "10 lines per model height ({model_near})");
}

/// Mean and 95th percentile of the per-channel difference of two same-sized opaque images, in 1/255.
fn difference(a: &RgbaImage, b: &RgbaImage) -> (f64, u8) {
    let mut d: Vec<u8> =
        a.pixels().zip(b.pixels()).flat_map(|(p, q)| (0..3).map(move |c| p[c].abs_diff(q[c]))).collect();
    let mean = d.iter().map(|&v| v as f64).sum::<f64>() / d.len() as f64;
    d.sort_unstable();
    (mean, d[d.len() * 95 / 100])
}

#[test]
fn the_look_is_the_same_at_two_resolutions() {
    let sandbox = Sandbox::new();
    for (style, look, pixel_tied) in [
        // Coarse scanlines and a wide bloom, so both survive the downscale. A look tied to pixels
        // instead of the view height would have twice the lines and half the glow at double size.
        (
            "hologram",
            ["scanline-density=12", "scanline-strength=0.8", "bloom=1.5", "bloom-radius=0.06"],
            ["scanline-density=24", "scanline-strength=0.8", "bloom=1.5", "bloom-radius=0.03"],
        ),
        (
            "wireframe",
            ["wire-width=12", "bloom=1", "wire-angle=1", "bloom-radius=0.04"],
            ["wire-width=6", "bloom=1", "wire-angle=1", "bloom-radius=0.02"],
        ),
    ] {
        let render = |out: &str, size: &str, look: &[&str]| {
            // A turntable's first frame from angle45: the framing of a motion, the same at both sizes.
            let mut args = vec!["--style", style, "-s", size, "--camera", "turntable", "--view", "angle45"];
            args.extend_from_slice(&["--background", "#000000"]);
            for l in look {
                args.extend_from_slice(&["--look", l]);
            }
            still(&sandbox, None, out, &args)
        };
        let small = render(&format!("{style}-small.png"), "160x120", &look);
        let large = shrink(&render(&format!("{style}-large.png"), "320x240", &look), 2);
        let tied = shrink(&render(&format!("{style}-tied.png"), "320x240", &pixel_tied), 2);
        let (mean, p95) = difference(&small, &large);
        let (tied_mean, tied_p95) = difference(&small, &tied);
        eprintln!("{style}: same look mean {mean:.2} p95 {p95}; pixel-tied mean {tied_mean:.2} p95 {tied_p95}");
        assert!(mean < 2.5 && p95 <= 16, "{style}: 160x120 vs 320x240 downscaled: mean {mean:.2}, p95 {p95}");
        assert!(
            tied_mean > 1.5 * mean,
            "{style}: the test cannot tell a pixel-tied look ({tied_mean:.2} vs {mean:.2})"
        );
    }
}

/// `factor`×`factor` box downscale of an opaque image.
fn shrink(img: &RgbaImage, factor: u32) -> RgbaImage {
    RgbaImage::from_fn(img.width() / factor, img.height() / factor, |x, y| {
        let mut sum = [0u32; 4];
        for dy in 0..factor {
            for dx in 0..factor {
                let p = img.get_pixel(factor * x + dx, factor * y + dy);
                (0..4).for_each(|c| sum[c] += p[c] as u32);
            }
        }
        let n = factor * factor;
        image::Rgba(sum.map(|s| ((s + n / 2) / n) as u8))
    })
}

#[test]
fn scanlines_never_alias_in_a_small_preview() {
    // 160 lines per view height: a 1.1-pixel period at 240x180, which only a band-limited stripe
    // survives (point-sampled, it beats into fat bands); 4.5 pixels at 960x720.
    let sandbox = Sandbox::new();
    for space in ["screen", "model"] {
        let space_key = format!("scanline-space={space}");
        let render = |out: &str, size: &str, strength: &str| {
            let mut args = vec!["-s", size, "--camera", "turntable", "--view", "angle45", "--background", "#000000"];
            for l in ["bloom=0", "scanline-density=160", strength, &space_key] {
                args.extend_from_slice(&["--look", l]);
            }
            still(&sandbox, None, &format!("{space}-{out}.png"), &args)
        };
        let [on, off] = ["scanline-strength=0.8", "scanline-strength=0"].map(|strength| {
            let small = render(&format!("small-{strength}"), "240x180", strength);
            let large = shrink(&render(&format!("large-{strength}"), "960x720", strength), 4);
            difference(&small, &large)
        });
        eprintln!("{space}: preview vs master shrunk, scanlines on {on:?}, off {off:?}");
        assert!(
            on.0 <= off.0 * 1.3 + 0.3 && on.1 <= off.1 + 8,
            "{space}-space scanlines: 240x180 vs 960x720 shrunk differ by mean {:.2}, p95 {} (without them {:.2}, {})",
            on.0,
            on.1,
            off.0,
            off.1
        );
    }
}

#[test]
fn look_presets_and_parameters_change_the_picture() {
    let sandbox = Sandbox::new();
    let demo = |out: &str, look: &[&str]| {
        let mut args = vec!["-s", "80x60", "--msaa", "1"];
        for l in look {
            args.extend_from_slice(&["--look", l]);
        }
        still(&sandbox, None, out, &args)
    };
    assert_eq!(dominant(&demo("classic.png", &[])), 2, "classic cyan is blue-dominant");
    assert_eq!(dominant(&demo("matrix.png", &["matrix"])), 1, "matrix is green");
    assert_eq!(dominant(&demo("amber.png", &["amber"])), 0, "amber is red-dominant");
    let thin = demo("thin.png", &["rim-power=8", "fill-opacity=0.1"]);
    let default = demo("default.png", &[]);
    let opacity = |img: &image::RgbaImage| img.pixels().map(|p| p[3] as u64).sum::<u64>();
    assert!(opacity(&thin) < opacity(&default), "a thinner rim and fainter fill are less opaque");
    let xray = demo("xray.png", &["xray=true"]);
    assert!(brightness(&xray) > brightness(&default), "x-ray adds the surfaces behind the front ones");
    // Flicker is seeded: the same seed gives the same frames, another seed other frames.
    let clip = |out: &str, seed: &str| {
        sandbox
            .run(&[
                "demo",
                "-f",
                "png",
                "-s",
                "48x36",
                "--msaa",
                "1",
                "--frames",
                "6",
                "--look",
                "flicker=0.8",
                "--look",
                seed,
                "-o",
                out,
                "-q",
            ])
            .expect_success();
        read_sequence(&sandbox.path(out))
    };
    assert_eq!(clip("a", "seed=1"), clip("b", "seed=1"));
    assert_ne!(clip("c", "seed=1"), clip("d", "seed=2"));
}
