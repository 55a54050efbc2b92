//! Bad input: every failure exits non-zero with a message naming the file and the problem, and
//! leaves no output behind.

use crate::util;

use util::Sandbox;

/// Renders `model` to mp4 and png and checks the exit code, the message and that nothing was written.
fn assert_refused(sandbox: &Sandbox, model: &str, code: i32, message: &str) {
    for format in ["mp4", "png"] {
        let run = sandbox.run(&["render", model, "-f", format, "-s", "64x64", "--frames", "2", "-o", "out"]);
        run.expect_code(code);
        let first_line = run.stderr().lines().next().unwrap_or_default().to_string();
        assert_eq!(first_line, format!("error: {message}"), "{run}");
        assert!(!sandbox.path("out").exists(), "output left behind\n{run}");
        let leftovers: Vec<String> =
            sandbox.entries().into_iter().filter(|e| e.contains("holoforge-partial")).collect();
        assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
    }
}

#[test]
fn a_missing_file_is_named() {
    let sandbox = Sandbox::new();
    assert_refused(&sandbox, "nope.glb", 1, "nope.glb: cannot read the model: no such file");
}

#[test]
fn an_unknown_extension_lists_the_supported_formats() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("model.dae"), b"<?xml version=\"1.0\"?><COLLADA/>").unwrap();
    assert_refused(&sandbox, "model.dae", 1, "model.dae: .dae is not a supported model format");
    let run = sandbox.run(&["render", "model.dae"]);
    assert!(run.stderr().contains("hint: supported formats: .gltf, .glb, .fbx, .obj, .ply, .stl, .3mf"), "{run}");
}

#[test]
fn a_truncated_glb_is_refused() {
    let sandbox = Sandbox::new();
    let whole = std::fs::read(util::fixture("kenney_alien.glb")).unwrap();
    std::fs::write(sandbox.path("cut.glb"), &whole[..whole.len() / 2]).unwrap();
    let message = format!(
        "cut.glb: invalid GLB container: header says {} bytes but the file has {} (the file is truncated)",
        whole.len(),
        whole.len() / 2
    );
    assert_refused(&sandbox, "cut.glb", 1, &message);
}

#[test]
fn a_model_without_triangles_is_refused() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("points.obj"), "v 0 0 0\nv 1 0 0\nv 0 1 0\np 1 2 3\n").unwrap();
    assert_refused(&sandbox, "points.obj", 1, "points.obj: the OBJ file has no faces, so there is nothing to render");
    let mut stl = vec![0u8; 84];
    stl[..5].copy_from_slice(b"empty");
    std::fs::write(sandbox.path("empty.stl"), stl).unwrap();
    assert_refused(&sandbox, "empty.stl", 1, "empty.stl: the STL file has no triangles, so there is nothing to render");
}

#[test]
fn a_directory_is_not_a_model() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("folder.glb")).unwrap();
    assert_refused(&sandbox, "folder.glb", 1, "folder.glb: is a directory, not a model file");
}

#[test]
fn a_renamed_image_is_recognised() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("picture.obj"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert_refused(
        &sandbox,
        "picture.obj",
        1,
        "picture.obj: the content is a PNG image, not a valid .obj model (the file may be misnamed or corrupt)",
    );
}

#[test]
fn bad_settings_are_usage_errors_before_anything_runs() {
    let sandbox = Sandbox::new();
    let cases: &[(&[&str], &str)] = &[
        (&["demo", "-s", "huge"], "error: 'huge' is not a frame size"),
        (&["demo", "-f", "avi"], "error: invalid value 'avi' for '--format <FMT>'"),
        (&["demo", "--color", "teal"], "error: 'teal' is not a colour"),
        (&["demo", "--background", "transparent"], "error: format mp4 cannot keep a transparent background"),
        (&["demo", "--elevation", "95"], "error: --elevation 95 is out of range (-90 to 90)"),
        (&["demo", "--camera", "sideways"], "error: camera 'sideways' is not a motion or a view"),
        (&["demo", "--view", "under"], "error: 'under' is not a named view"),
        (
            &["demo", "--start-frame", "500"],
            "error: --start-frame 500 is past the end of the 180-frame clip (6 s by default)",
        ),
    ];
    for (args, message) in cases {
        let run = sandbox.run(args);
        run.expect_code(2);
        assert_eq!(run.stderr().lines().next().unwrap_or_default(), *message, "{run}");
    }
    assert!(sandbox.entries().is_empty());
}
