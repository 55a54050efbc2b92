//! Anti-aliasing of edges, against a supersampled render: FXAA's silhouette alpha is about as
//! close to the truth as 4× MSAA's (and much closer than no anti-aliasing), and `--msaa 4`
//! still means 4× MSAA.

use crate::util;

use image::RgbaImage;
use util::{fixture, read_png, Sandbox};

/// Output side of the test renders; the reference is rendered at 4× and box-filtered down.
const SIDE: u32 = 120;

/// One shaded still of the alien on a transparent background, `side` pixels square.
fn still(sandbox: &Sandbox, side: u32, aa: &[&str], out: &str) -> RgbaImage {
    let model = fixture("kenney_alien.glb");
    let size = format!("{side}x{side}");
    let args = ["render", model.to_str().unwrap(), "--style", "shaded", "--camera", "isometric", "--frames", "1"];
    let common = ["-s", &size, "--background", "transparent", "-f", "png", "-o", out, "-q"];
    sandbox.run(&[&args[..], &common[..], aa].concat()).expect_success();
    read_png(&sandbox.path(out))
}

/// The reference's alpha: a 4× render, each 4×4 block averaged.
fn reference_alpha(big: &RgbaImage) -> Vec<f64> {
    let mut alpha = vec![0.0; (SIDE * SIDE) as usize];
    for (x, y, p) in big.enumerate_pixels() {
        alpha[((y / 4) * SIDE + x / 4) as usize] += p[3] as f64 / 16.0;
    }
    alpha
}

/// Mean |Δalpha| (0–255) of `img` against `reference` over the silhouette's edge pixels (those
/// the reference covers partly).
fn edge_error(img: &RgbaImage, reference: &[f64]) -> f64 {
    let edges: Vec<(usize, f64)> =
        reference.iter().copied().enumerate().filter(|(_, a)| *a > 0.5 && *a < 254.5).collect();
    assert!(edges.len() > 100, "the silhouette has edge pixels ({})", edges.len());
    let total: f64 = edges.iter().map(|&(i, a)| (img.as_raw()[i * 4 + 3] as f64 - a).abs()).sum();
    total / edges.len() as f64
}

#[test]
fn fxaa_edges_are_about_as_close_to_a_supersampled_render_as_msaa() {
    let sandbox = Sandbox::new();
    let reference = reference_alpha(&still(&sandbox, SIDE * 4, &["--aa", "msaa"], "reference.png"));
    let error = |aa: &str| edge_error(&still(&sandbox, SIDE, &["--aa", aa], &format!("{aa}.png")), &reference);
    let (msaa, fxaa, none) = (error("msaa"), error("fxaa"), error("none"));
    eprintln!("mean |Δalpha| on the silhouette: msaa {msaa:.1}, fxaa {fxaa:.1}, none {none:.1}");
    assert!(fxaa <= 1.5 * msaa, "fxaa's edges ({fxaa:.1}) are within 1.5× of msaa's ({msaa:.1})");
    assert!(none > 1.5 * msaa, "without anti-aliasing the edges ({none:.1}) are further off than that");
}

#[test]
fn msaa_4_is_the_default_and_the_same_picture_as_aa_msaa() {
    let sandbox = Sandbox::new();
    let old_spelling = still(&sandbox, 64, &["--msaa", "4"], "old.png");
    assert_eq!(old_spelling, still(&sandbox, 64, &["--aa", "msaa"], "new.png"));
    assert_eq!(old_spelling, still(&sandbox, 64, &[], "default.png"));
    assert_eq!(still(&sandbox, 64, &["--msaa", "1"], "one.png"), still(&sandbox, 64, &["--aa", "none"], "none.png"));
}

#[test]
fn aa_and_msaa_in_one_manifest_table_are_refused() {
    let sandbox = Sandbox::new();
    std::fs::copy(fixture("unit_cube.stl"), sandbox.path("cube.stl")).unwrap();
    let manifest = "[[job]]\nmodel = \"cube.stl\"\nformat = \"png\"\naa = \"fxaa\"\nmsaa = 4\n";
    std::fs::write(sandbox.path("jobs.toml"), manifest).unwrap();
    let run = sandbox.run(&["validate", "jobs.toml"]);
    run.expect_code(2);
    assert!(run.stderr().contains("aa and msaa are set together; they are one setting"), "{}", run.stderr());
}
