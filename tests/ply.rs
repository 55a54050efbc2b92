//! PLY files built here from the format's description (Paul Bourke's PLY page): the three
//! encodings read alike, faces of any arity and triangle strips triangulate, vertex colours,
//! normals and textures arrive, and bad headers, point clouds and misnamed files get clear errors.

use crate::util::{self, read_png, Sandbox};

/// A vertex of the test quad: position, then RGB.
type Corner = ([f32; 3], [u8; 3]);

/// A unit quad facing +Z, red on the left, blue on the right.
const QUAD: [Corner; 4] = [
    ([-1.0, -1.0, 0.0], [255, 0, 0]),
    ([1.0, -1.0, 0.0], [0, 0, 255]),
    ([1.0, 1.0, 0.0], [0, 0, 255]),
    ([-1.0, 1.0, 0.0], [255, 0, 0]),
];

/// The quad as a PLY of `encoding` (`ascii`, `binary_little_endian`, `binary_big_endian`): float
/// positions, uchar colours, one four-corner face (`list uchar int`).
fn quad_ply(encoding: &str) -> Vec<u8> {
    let mut file = format!(
        "ply\nformat {encoding} 1.0\ncomment made by holoforge's tests\nelement vertex 4\nproperty float x\n\
         property float y\nproperty float z\nproperty uchar red\nproperty uchar green\nproperty uchar blue\n\
         element face 1\nproperty list uchar int vertex_indices\nend_header\n"
    )
    .into_bytes();
    let big = encoding == "binary_big_endian";
    let float = |v: f32| if big { v.to_be_bytes() } else { v.to_le_bytes() };
    let int = |v: i32| if big { v.to_be_bytes() } else { v.to_le_bytes() };
    for (position, colour) in QUAD {
        match encoding {
            "ascii" => file.extend(
                format!("{} {} {} {} {} {}\n", position[0], position[1], position[2], colour[0], colour[1], colour[2])
                    .bytes(),
            ),
            _ => {
                position.iter().for_each(|&p| file.extend(float(p)));
                file.extend(colour);
            }
        }
    }
    match encoding {
        "ascii" => file.extend(b"4 0 1 2 3\n"),
        _ => {
            file.push(4);
            (0..4).for_each(|i| file.extend(int(i)));
        }
    }
    file
}

/// `inspect --json` of a model in the sandbox.
fn inspect(sandbox: &Sandbox, name: &str, extra: &[&str]) -> serde_json::Value {
    let run = sandbox.run(&[&["inspect", name, "--json"], extra].concat());
    run.expect_success();
    serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}\n{run}"))
}

/// Renders `name` front-on, shaded, 64×64, and returns the frame.
fn render_front(sandbox: &Sandbox, name: &str) -> image::RgbaImage {
    let output = format!("{name}.png");
    let args = ["render", name, "-f", "png", "--frames", "1", "-s", "64x64", "--camera", "front", "--style", "shaded"];
    sandbox.run(&[&args[..], &["--msaa", "1", "-q", "-o", &output]].concat()).expect_success();
    read_png(&sandbox.path(&output))
}

#[test]
fn ascii_and_both_binary_encodings_read_alike_with_colours_and_a_quad_split_in_two() {
    let sandbox = Sandbox::new();
    let mut frames = Vec::new();
    for encoding in ["ascii", "binary_little_endian", "binary_big_endian"] {
        let name = format!("{encoding}.ply");
        std::fs::write(sandbox.path(&name), quad_ply(encoding)).unwrap();
        let report = inspect(&sandbox, &name, &[]);
        assert_eq!(report["format"], "ply", "{encoding}");
        assert_eq!(report["triangles"], 2, "{encoding}: the quad is two triangles");
        assert_eq!(report["bounds"]["min"], serde_json::json!([-1.0, -1.0, 0.0]), "{encoding}");
        assert_eq!(report["up_axis"], "y", "{encoding}: PLY is Y-up unless --up says otherwise");
        frames.push(render_front(&sandbox, &name));
    }
    assert!(frames[0] == frames[1] && frames[1] == frames[2], "the three encodings render differently");
    // Vertex colours: red on the left, blue on the right (shaded, so not pure, but dominant).
    // The still fills the frame with the quad (a 10 % margin): sample near its left and right ends.
    let (left, right) = (frames[0].get_pixel(8, 32), frames[0].get_pixel(55, 32));
    let dominant = |a: u8, b: u8| a as u32 > 2 * (b as u32).max(8);
    assert!(dominant(left[0], left[2]) && left[3] == 255, "left is not red: {left:?}");
    assert!(dominant(right[2], right[0]) && right[3] == 255, "right is not blue: {right:?}");
}

#[test]
fn triangle_strips_restart_at_minus_one_and_skip_degenerate_triangles() {
    let sandbox = Sandbox::new();
    // Six vertices in two rows; the strip 0 1 2 3 -1 2 3 4 5 4 is two runs: 2 triangles, then 3
    // windows of which the last (4 5 4) is degenerate.
    let mut file = String::from(
        "ply\nformat ascii 1.0\nelement vertex 6\nproperty float x\nproperty float y\nproperty float z\n\
         element tristrips 1\nproperty list int int vertex_indices\nend_header\n",
    );
    for i in 0..6 {
        file.push_str(&format!("{} {} 0\n", i / 2, i % 2));
    }
    file.push_str("10 0 1 2 3 -1 2 3 4 5 4\n");
    std::fs::write(sandbox.path("strip.ply"), file).unwrap();
    assert_eq!(inspect(&sandbox, "strip.ply", &[])["triangles"], 4);
}

#[test]
fn a_texture_named_in_the_header_is_read_from_the_model_folder_only() {
    let sandbox = Sandbox::new();
    let header = |texture: &str| {
        format!(
            "ply\nformat ascii 1.0\ncomment TextureFile {texture}\nelement vertex 4\nproperty float x\n\
             property float y\nproperty float z\nproperty float s\nproperty float t\nelement face 1\n\
             property list uchar int vertex_indices\nend_header\n-1 -1 0 0 0\n1 -1 0 1 0\n1 1 0 1 1\n-1 1 0 0 1\n\
             4 0 1 2 3\n"
        )
    };
    image::RgbaImage::from_pixel(4, 4, image::Rgba([0, 255, 0, 255])).save(sandbox.path("green.png")).unwrap();
    std::fs::write(sandbox.path("textured.ply"), header("green.png")).unwrap();
    let report = inspect(&sandbox, "textured.ply", &[]);
    assert_eq!(report["textures"].as_array().unwrap().len(), 1, "{report}");
    let centre = *render_front(&sandbox, "textured.ply").get_pixel(32, 32);
    assert!(centre[1] > 2 * centre[0].max(8) && centre[1] > 2 * centre[2].max(8), "not green: {centre:?}");
    // A texture outside the model's folder is never read: a warning, and the model renders untextured.
    std::fs::create_dir(sandbox.path("inner")).unwrap();
    std::fs::write(sandbox.path("inner/escape.ply"), header("../green.png")).unwrap();
    let run = sandbox.run(&["inspect", "inner/escape.ply"]);
    run.expect_success();
    assert!(run.stderr().contains("warning: inner/escape.ply: texture '../green.png'"), "{run}");
    assert!(run.stderr().contains("points outside the model's folder; rendering untextured"), "{run}");
}

#[test]
fn point_clouds_oversized_counts_and_misnamed_files_get_clear_errors() {
    let sandbox = Sandbox::new();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "scan.ply",
            b"ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\nproperty float z\nend_header\n0 0 0\n1 1 1\n".to_vec(),
            "error: scan.ply: the PLY file has 2 vertices and no faces (a point cloud)\nhint: holoforge renders surfaces",
        ),
        (
            "huge.ply",
            b"ply\nformat binary_little_endian 1.0\nelement vertex 4000000000\nproperty float x\nproperty float y\nproperty float z\nend_header\n\0\0\0\0".to_vec(),
            "error: huge.ply: invalid PLY: the header declares 4000000000 `vertex` elements, which need at least 48000000000 bytes with the elements before them, but only 4 bytes follow the header\nhint: the file is truncated, or its header is wrong",
        ),
        (
            "noxyz.ply",
            b"ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nend_header\n0\n".to_vec(),
            "error: noxyz.ply: invalid PLY: the `vertex` element has no `y` property",
        ),
        (
            "really.ply",
            std::fs::read(util::fixture("kenney_alien.glb")).unwrap(),
            "error: really.ply: the content is a binary glTF (GLB) file, not a valid .ply model",
        ),
    ];
    for (name, bytes, expected) in cases {
        std::fs::write(sandbox.path(name), bytes).unwrap();
        let run = sandbox.run(&["render", name, "-f", "png", "--frames", "1", "-s", "32x32", "-o", "out.png"]);
        run.expect_code(1);
        assert!(run.stderr().starts_with(expected), "{name}:\n{run}");
        assert!(!sandbox.path("out.png").exists(), "{name}: an output was left");
    }
}

#[test]
fn a_ply_on_standard_input_is_recognised_and_up_z_turns_it() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("quad.ply"), quad_ply("binary_little_endian")).unwrap();
    let turned = inspect(&sandbox, "quad.ply", &["--up", "z"]);
    assert_eq!(turned["size"], serde_json::json!([2.0, 0.0, 2.0]), "Z-up: the quad lies flat");
    let stdin = std::fs::File::open(sandbox.path("quad.ply")).unwrap();
    let args = ["render", "-", "-f", "png", "--frames", "1", "-s", "32x32", "-q", "-o", "piped.png"];
    let output = sandbox.command(&args).stdin(stdin).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(read_png(&sandbox.path("piped.png")).pixels().any(|p| p[3] > 0), "nothing drawn from stdin");
}

#[test]
fn a_header_line_without_a_keyword_is_read_as_a_comment_with_a_warning() {
    // Blender 2.4x wrote its banner without `comment`, as assimp's Wuson.ply shows.
    let sandbox = Sandbox::new();
    let file = String::from_utf8(quad_ply("ascii")).unwrap().replace("comment made by", "Created by");
    std::fs::write(sandbox.path("old.ply"), file).unwrap();
    let run = sandbox.run(&["inspect", "old.ply"]);
    run.expect_success();
    assert!(
        run.stderr().contains("warning: old.ply: header line 3 starts with no PLY keyword; read as a comment"),
        "{run}"
    );
    assert!(run.stdout().contains("triangles:  2"), "{run}");
}

#[test]
fn the_assimp_test_models_load_when_installed() {
    let Some(root) = util::assimp_models() else { return };
    let sandbox = Sandbox::new();
    // Wuson as PLY has the triangles of Wuson as STL (the corpus's count).
    for (model, triangles) in [("PLY/Wuson.ply", 3_732), ("PLY/cube_binary.ply", 12), ("3MF/box.3mf", 12)] {
        let report = inspect(&sandbox, root.join(model).to_str().unwrap(), &[]);
        assert_eq!(report["triangles"], triangles, "{model}");
    }
}
