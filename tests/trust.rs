//! Trust: holoforge never destroys what it did not write, never reads outside the model's folder,
//! never crashes or balloons on hostile input, stops cleanly on signals and closed pipes, and its
//! frame ranges equal the full run. One test (or table) per promise, each able to fail.

use crate::util;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use util::{fixture, read_sequence, Sandbox};

/// Every export format.
const FORMATS: &[&str] =
    &["png", "rgba", "mp4", "mp4-hevc", "gif", "webm", "webm-alpha", "prores", "webp", "apng", "stacked-alpha"];

fn first_line(run: &util::Run) -> String {
    run.stderr().lines().next().unwrap_or_default().to_string()
}

fn copy_box_gltf(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    for name in ["Box.gltf", "Box0.bin"] {
        std::fs::copy(fixture("box-gltf").join(name), folder.join(name)).unwrap();
    }
}

#[test]
fn a_user_folder_survives_force_for_every_format() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("userdir")).unwrap();
    std::fs::write(sandbox.path("userdir/notes.txt"), b"mine").unwrap();
    let model = fixture("unit_cube.stl");
    for format in FORMATS {
        let run = sandbox.run(&[
            "render",
            model.to_str().unwrap(),
            "-s",
            "32x32",
            "--frames",
            "2",
            "-f",
            format,
            "-o",
            "userdir",
            "--force",
        ]);
        run.expect_code(2);
        assert!(first_line(&run).starts_with("error: userdir is a folder that holoforge did not write"), "{run}");
        assert_eq!(std::fs::read(sandbox.path("userdir/notes.txt")).unwrap(), b"mine", "{format}");
        assert_eq!(std::fs::read_dir(sandbox.path("userdir")).unwrap().count(), 1, "{format}: nothing added");
    }
    assert_eq!(sandbox.entries(), ["userdir"], "no partial or lock files left");
    // The current folder, the one above it and the root are refused whatever they hold.
    for folder in [".", "..", "/"] {
        let run = sandbox.run(&["render", model.to_str().unwrap(), "-f", "png", "-o", folder, "--force"]);
        run.expect_code(2);
        assert!(run.stderr().contains("holoforge never writes an output there, even with --force"), "{run}");
    }
}

#[test]
fn force_replaces_a_sequence_folder_holoforge_wrote_and_nothing_else() {
    let sandbox = Sandbox::new();
    let model = fixture("unit_cube.stl");
    let render = |frames: &str, force: bool| {
        let mut args = vec!["render", model.to_str().unwrap(), "-s", "32x32", "--frames", frames, "-f", "png"];
        args.extend(["--duration", "1", "-o", "frames", "-q"]);
        if force {
            args.push("--force");
        }
        sandbox.run(&args)
    };
    render("3", false).expect_success();
    render("2", false).expect_code(2);
    render("2", true).expect_success();
    assert_eq!(read_sequence(&sandbox.path("frames")).len(), 2, "the old frames were replaced");
    // A file of the user's in it: holoforge no longer owns the folder and refuses to replace it.
    std::fs::write(sandbox.path("frames/keep.txt"), b"mine").unwrap();
    let refused = render("2", true);
    refused.expect_code(2);
    assert_eq!(
        first_line(&refused),
        "error: frames is a folder that holoforge did not write (it holds keep.txt)",
        "{refused}"
    );
    assert_eq!(std::fs::read(sandbox.path("frames/keep.txt")).unwrap(), b"mine");
    assert_eq!(read_sequence(&sandbox.path("frames")).len(), 2, "its frames are untouched too");
}

#[test]
fn an_output_that_is_an_input_is_refused_even_with_force() {
    let sandbox = Sandbox::new();
    copy_box_gltf(&sandbox.path("models"));
    std::fs::create_dir(sandbox.path("sub")).unwrap();
    std::os::unix::fs::symlink("models/Box.gltf", sandbox.path("link.gltf")).unwrap();
    let original = std::fs::read(sandbox.path("models/Box.gltf")).unwrap();
    let buffer = std::fs::read(sandbox.path("models/Box0.bin")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["-f", "mp4", "-o", "models/Box.gltf"], "the output is an input of the job"),
        (&["-f", "mp4", "-o", "./sub/../models/Box.gltf"], "the output is an input of the job"),
        (&["-f", "mp4", "-o", "link.gltf"], "the output is an input of the job"),
        (&["-f", "mp4", "-o", "models/Box0.bin"], "the output is an input of the job"),
        (&["-f", "png", "-o", "models"], "models is a folder that holoforge did not write"),
    ];
    for (args, message) in cases {
        let mut all = vec!["render", "models/Box.gltf", "-s", "32x32", "--frames", "2", "--force"];
        all.extend_from_slice(args);
        let run = sandbox.run(&all);
        run.expect_code(2);
        assert!(first_line(&run).contains(message), "{run}");
    }
    assert_eq!(std::fs::read(sandbox.path("models/Box.gltf")).unwrap(), original);
    assert_eq!(std::fs::read(sandbox.path("models/Box0.bin")).unwrap(), buffer);
    // `validate` reports it for a manifest, at the job's `output`.
    std::fs::write(
        sandbox.path("jobs.toml"),
        "[[job]]\nmodel = \"models/Box.gltf\"\noutput = \"models/Box0.bin\"\nformat = \"mp4\"\n",
    )
    .unwrap();
    let run = sandbox.run(&["validate", "jobs.toml"]);
    run.expect_code(2);
    assert!(run.stderr().contains("jobs.toml:3:10: ./models/Box0.bin: the output is an input of the job"), "{run}");
}

#[test]
fn symbolic_links_out_of_the_model_folder_are_refused_naming_the_link() {
    let sandbox = Sandbox::new();
    copy_box_gltf(&sandbox.path("outside"));
    std::fs::copy(fixture("box-textured-obj/cesium.png"), sandbox.path("outside/secret.png")).unwrap();
    std::fs::write(sandbox.path("outside/secret.mtl"), "newmtl m\nKd 1 0 0\n").unwrap();
    let model = sandbox.path("model");
    std::fs::create_dir(&model).unwrap();
    let link = |target: &str, name: &str| std::os::unix::fs::symlink(sandbox.path(target), model.join(name)).unwrap();
    // A buffer that is a link to a file outside: the load fails and names the link.
    std::fs::copy(fixture("box-gltf/Box.gltf"), model.join("Box.gltf")).unwrap();
    link("outside/Box0.bin", "Box0.bin");
    let run = sandbox.run(&["inspect", "model/Box.gltf"]);
    run.expect_code(1);
    assert!(run.stderr().contains("model/Box0.bin is a symbolic link to"), "{run}");
    assert!(run.stderr().contains("outside the model's folder"), "{run}");
    // A folder that is a link: the same through a sub-folder.
    let gltf = std::fs::read_to_string(fixture("box-gltf/Box.gltf")).unwrap().replace("Box0.bin", "data/Box0.bin");
    std::fs::write(model.join("BoxInFolder.gltf"), gltf).unwrap();
    link("outside", "data");
    let run = sandbox.run(&["inspect", "model/BoxInFolder.gltf"]);
    run.expect_code(1);
    assert!(run.stderr().contains("model/data is a symbolic link to"), "{run}");
    // An OBJ whose .mtl and texture are links: neither is read (the model still loads, untextured).
    std::fs::write(
        model.join("tri.obj"),
        "mtllib linked.mtl\nmtllib own.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl t\nf 1 2 3\n",
    )
    .unwrap();
    std::fs::write(model.join("own.mtl"), "newmtl t\nmap_Kd linked.png\n").unwrap();
    link("outside/secret.mtl", "linked.mtl");
    link("outside/secret.png", "linked.png");
    let run = sandbox.run(&["inspect", "model/tri.obj", "--json"]);
    run.expect_success();
    assert!(run.stderr().contains("model/linked.mtl is a symbolic link to"), "{run}");
    assert!(run.stderr().contains("model/linked.png is a symbolic link to"), "{run}");
    assert!(run.stdout().contains("\"textures\": []"), "the linked texture was not decoded\n{run}");
}

#[test]
fn special_files_given_as_models_are_refused_by_kind() {
    let sandbox = Sandbox::new();
    let fifo = sandbox.path("pipe.glb");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let run = sandbox.run(&["inspect", "pipe.glb"]);
    run.expect_code(1);
    assert_eq!(first_line(&run), "error: pipe.glb: is a FIFO, not a model file");
    let run = sandbox.run(&["inspect", "/dev/null.stl"]);
    run.expect_code(1);
    let run = Sandbox::new().run(&["render", "/dev/zero", "-f", "png"]);
    run.expect_code(1);
    assert!(first_line(&run).contains("/dev/zero: the file has no extension"), "{run}");
}

/// Runs `holoforge args…` in `sandbox` with its address space limited to `bytes`.
fn run_with_memory_limit(sandbox: &Sandbox, args: &[&str], bytes: u64) -> util::Run {
    use std::os::unix::process::CommandExt;
    let mut command = sandbox.command(args);
    // SAFETY: setrlimit is async-signal-safe and touches no memory of the parent.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().expect("holoforge runs");
    util::Run { command: format!("holoforge {} (address space {bytes} bytes)", args.join(" ")), output }
}

/// An 849-byte-class glTF declaring 2^31 positions, all but one of them unbacked zeros.
fn sparse_bomb() -> String {
    // Buffer: sparse index 0 (u32) and one VEC3 float value.
    let buffer = "AAAAAAAAgD8AAIA/AACAPw==";
    format!(
        r#"{{"asset": {{"version": "2.0"}}, "scene": 0, "scenes": [{{"nodes": [0]}}], "nodes": [{{"mesh": 0}}],
  "meshes": [{{"primitives": [{{"attributes": {{"POSITION": 0}}}}]}}],
  "accessors": [{{"componentType": 5126, "count": 2147483648, "type": "VEC3", "min": [0, 0, 0], "max": [1, 1, 1],
    "sparse": {{"count": 1, "indices": {{"bufferView": 0, "componentType": 5125}}, "values": {{"bufferView": 1}}}}}}],
  "bufferViews": [{{"buffer": 0, "byteLength": 4}}, {{"buffer": 0, "byteOffset": 4, "byteLength": 12}}],
  "buffers": [{{"byteLength": 16, "uri": "data:application/octet-stream;base64,{buffer}"}}]}}"#
    )
}

#[test]
fn hostile_files_fail_clearly_within_a_1_gib_address_space() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("bomb.gltf"), sparse_bomb()).unwrap();
    let run = run_with_memory_limit(&sandbox, &["inspect", "bomb.gltf"], 1 << 30);
    run.expect_code(1);
    assert!(
        first_line(&run).contains("accessor 0 (no bufferView) declares 2147483648 elements (24.0 GiB), more than the"),
        "{run}"
    );
    // 1 GiB of zeros under three names, and `solid x` + 1 GiB of NULs (sparse files: no disk used).
    let zeros = |name: &str, head: &[u8]| {
        let file = std::fs::File::create(sandbox.path(name)).unwrap();
        std::io::Write::write_all(&mut &file, head).unwrap();
        file.set_len(1 << 30).unwrap();
    };
    zeros("zeros.glb", b"");
    zeros("zeros.stl", b"");
    zeros("zeros.obj", b"");
    zeros("solid.stl", b"solid x\n");
    let cases = [
        ("zeros.glb", "zeros.glb: the content is unrecognised binary data, not a valid .glb model"),
        ("zeros.stl", "zeros.stl: binary STL header says 0 triangles (84 bytes) but the file has 1073741824 bytes"),
        ("zeros.obj", "zeros.obj: the content is unrecognised binary data, not a valid .obj model"),
        ("solid.stl", "solid.stl: the content is binary data after an ASCII STL's 'solid'"),
    ];
    for (name, message) in cases {
        let run = run_with_memory_limit(&sandbox, &["inspect", name], 1 << 30);
        run.expect_code(1);
        assert!(first_line(&run).starts_with(&format!("error: {message}")), "{run}");
    }
}

#[test]
fn messages_quote_input_briefly_and_obj_errors_name_the_line() {
    let sandbox = Sandbox::new();
    let mut stl = b"solid x\n".to_vec();
    stl.extend(std::iter::repeat_n(b'y', 1 << 20));
    stl.extend(b"\x1b[2J\n");
    std::fs::write(sandbox.path("long.stl"), &stl).unwrap();
    let run = sandbox.run(&["inspect", "long.stl"]);
    run.expect_code(1);
    let line = first_line(&run);
    let quoted = line.split_once("unexpected ").map(|(_, q)| q).unwrap_or_default();
    assert!(quoted.starts_with("'yyyy") && quoted.contains("…' (1048580 bytes)"), "{line}");
    assert!(line.chars().count() < 200 && run.stderr().len() < 1000, "{line}");
    assert!(!run.stderr().contains('\x1b'), "control bytes are escaped");
    std::fs::write(sandbox.path("bad.obj"), "v 0 0 0\nv 1 0 0\nv 1 abc 0\nf 1 2 3\n").unwrap();
    let run = sandbox.run(&["inspect", "bad.obj"]);
    run.expect_code(1);
    assert_eq!(
        first_line(&run),
        "error: bad.obj: invalid OBJ: line 3: a vertex position (`v`) is not a valid number: 'v 1 abc 0'"
    );
}

/// Starts a long render in the background and waits until its partial output exists.
fn start_long_render(sandbox: &Sandbox, args: &[&str]) -> util::Spawned {
    let child = util::spawn(sandbox.command(args).stdout(Stdio::null()).stderr(Stdio::piped()));
    let started = Instant::now();
    while !sandbox.entries().iter().any(|e| e.contains("holoforge-partial")) {
        assert!(started.elapsed() < Duration::from_secs(60), "the render never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    child
}

#[test]
fn sigterm_and_sighup_stop_like_ctrl_c_and_leave_nothing() {
    for (signal, code, said) in [("-TERM", 143, "stopped by SIGTERM"), ("-HUP", 129, "stopped by SIGHUP")] {
        for format in ["mp4", "png"] {
            let sandbox = Sandbox::new();
            let mut child = start_long_render(
                &sandbox,
                &["demo", "-s", "160x120", "--duration", "3600", "-f", format, "-o", "out"],
            );
            assert!(Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap().success());
            let status = child.wait().unwrap();
            let mut stderr = String::new();
            child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
            assert_eq!(status.code(), Some(code), "{signal} {format}: {stderr}");
            assert!(stderr.contains(&format!("error: {said}; the partial output was removed")), "{stderr}");
            assert!(sandbox.entries().is_empty(), "{signal} {format} left {:?}", sandbox.entries());
        }
    }
}

#[test]
fn a_second_signal_quits_at_once_and_still_removes_the_partial() {
    let sandbox = Sandbox::new();
    let mut child = start_long_render(&sandbox, &["demo", "-s", "160x120", "--duration", "3600", "-o", "out.mp4"]);
    let pid = child.id().to_string();
    // Two signals back to back: the second arrives while the first is still being honoured.
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let started = Instant::now();
    // ffmpeg may still hold the unlinked partial for a moment; nothing may stay under any name.
    while !sandbox.entries().is_empty() && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(sandbox.entries().is_empty(), "left {:?}", sandbox.entries());
}

#[test]
fn a_closed_stdout_never_panics() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.path("jobs.toml"),
        "[[job]]\nmodel = \"cube.stl\"\nsize = \"32x32\"\nframes = 2\nformat = \"png\"\n",
    )
    .unwrap();
    std::fs::copy(fixture("unit_cube.stl"), sandbox.path("cube.stl")).unwrap();
    let model = fixture("kenney_alien.glb");
    for args in [
        vec!["inspect", model.to_str().unwrap(), "--json"],
        vec!["formats", "--json"],
        vec!["validate", "jobs.toml", "--json"],
        vec!["run", "jobs.toml", "--json"],
    ] {
        let mut child = util::spawn(sandbox.command(&args).stdout(Stdio::piped()).stderr(Stdio::piped()));
        drop(child.stdout.take()); // `| head -0`: the reader is gone before anything is written
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    assert!(sandbox.path("cube-png").is_dir() || sandbox.path("cube.png").exists(), "run kept rendering");
}

#[test]
fn a_second_render_to_the_same_output_is_refused_while_the_first_completes() {
    let sandbox = Sandbox::new();
    let first =
        start_long_render(&sandbox, &["demo", "-s", "96x72", "--msaa", "1", "--duration", "10", "-o", "clip.mp4"]);
    let second = sandbox.run(&["demo", "-s", "96x72", "--frames", "2", "-o", "clip.mp4", "--force"]);
    second.expect_code(2);
    assert_eq!(first_line(&second), format!("error: clip.mp4: the output is being written by process {}", first.id()));
    let output = first.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(util::ffprobe_stream(&sandbox.path("clip.mp4"))["nb_read_frames"], "300");
    assert_eq!(sandbox.entries(), ["clip.mp4"], "no lock or partial left");
}

#[test]
fn frame_ranges_equal_the_full_run_for_static_and_animated_models() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("slide.gltf"), util::SLIDING_TRIANGLE.replace("INTERPOLATION", "LINEAR")).unwrap();
    let alien = fixture("kenney_alien.glb");
    for (model, clip) in [(alien.to_str().unwrap(), 36), ("slide.gltf", 12)] {
        // No --duration: the alien's clip is the default 6 s, the triangle's one play of its 1 s slide.
        let render = |out: &str, extra: &[&str]| {
            let mut args = vec!["render", model, "-f", "png", "-s", "48x36", "--msaa", "1", "-q", "-o", out];
            args.extend_from_slice(&["--fps", if clip == 36 { "6" } else { "12" }]);
            args.extend_from_slice(extra);
            sandbox.run(&args).expect_success();
            read_sequence(&sandbox.path(out))
        };
        let name = |n: &str| format!("{}-{n}", clip);
        let full = render(&name("full"), &[]);
        assert_eq!(full.len(), clip, "{model}: the whole clip");
        let head = render(&name("head"), &["--start-frame", "0", "--frames", "5"]);
        let later = render(&name("later"), &["--start-frame", "6", "--frames", "5"]);
        assert!(head == full[0..5], "{model}: frames 0-4 differ from the full run");
        assert!(later == full[6..11], "{model}: frames 6-10 differ from the full run");
        assert!(full[0] != full[6], "{model}: the clip moves (so the comparison can fail)");
        let past = sandbox.run(&[
            "render",
            model,
            "-f",
            "png",
            "--fps",
            if clip == 36 { "6" } else { "12" },
            "--start-frame",
            "8",
            "--frames",
            "30",
        ]);
        past.expect_code(2);
        assert!(first_line(&past).contains("runs past the end of the"), "{past}");
    }
    // The plan of an animated job without --duration says how long its clip really is.
    std::fs::write(sandbox.path("jobs.toml"), "[[job]]\nmodel = \"slide.gltf\"\nfps = 12\n").unwrap();
    let plan = sandbox.run(&["validate", "jobs.toml", "--json"]);
    plan.expect_success();
    let plan: serde_json::Value = serde_json::from_str(&plan.stdout()).unwrap();
    assert_eq!(plan["jobs"][0]["clip_frames"], 12);
    assert_eq!(plan["jobs"][0]["frames"], serde_json::json!([0, 12]));
}

#[test]
fn the_output_extension_is_the_format_unless_f_says_otherwise() {
    let sandbox = Sandbox::new();
    let common = ["demo", "-s", "48x36", "--msaa", "1", "--fps", "6", "--duration", "0.5", "-q"];
    let render = |extra: &[&str]| sandbox.run(&[&common[..], extra].concat());
    render(&["-o", "clip.gif"]).expect_success();
    assert_eq!(util::ffprobe_stream(&sandbox.path("clip.gif"))["codec_name"], "gif");
    render(&["-o", "x.webm"]).expect_success();
    assert_eq!(util::ffprobe_stream(&sandbox.path("x.webm"))["codec_name"], "vp9");
    render(&["-o", "still.png", "--frames", "1"]).expect_success();
    assert!(sandbox.path("still.png").is_file());
    assert_eq!(util::read_png(&sandbox.path("still.png")).dimensions(), (48, 36));
    render(&["-o", "anim.png"]).expect_success();
    assert_eq!(util::ffprobe_stream(&sandbox.path("anim.png"))["codec_name"], "apng");
    let conflict = render(&["-f", "mp4", "-o", "x.gif"]);
    conflict.expect_code(2);
    assert_eq!(first_line(&conflict), "error: -f mp4 does not fit -o x.gif: a .gif file is not mp4");
    let unknown = render(&["-o", "x.avi"]);
    unknown.expect_code(2);
    assert!(first_line(&unknown).contains(".avi is not an extension holoforge knows"), "{unknown}");
    // Several formats from one output name: siblings, not b.mp4.mp4 or b.mp4-png.
    std::fs::write(
        sandbox.path("jobs.toml"),
        "[[job]]\nmodel = \"m.stl\"\noutput = \"b.mp4\"\nformats = [\"mp4\", \"png\", \"gif\"]\nframes = 2\n",
    )
    .unwrap();
    std::fs::copy(fixture("unit_cube.stl"), sandbox.path("m.stl")).unwrap();
    let plan = sandbox.run(&["validate", "jobs.toml", "--json"]);
    plan.expect_success();
    let plan: serde_json::Value = serde_json::from_str(&plan.stdout()).unwrap();
    let paths: Vec<String> = plan["jobs"][0]["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| Path::new(o["path"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, ["b.mp4", "b-png", "b.gif"]);
}

#[test]
fn output_problems_have_one_exit_code_in_render_and_run() {
    let sandbox = Sandbox::new();
    std::fs::copy(fixture("unit_cube.stl"), sandbox.path("m.stl")).unwrap();
    std::fs::write(sandbox.path("taken.mp4"), b"mine").unwrap();
    std::fs::write(sandbox.path("file"), b"a file, not a folder").unwrap();
    let small = ["-s", "32x32", "--frames", "2"];
    for (output, message) in
        [("taken.mp4", "taken.mp4: the output already exists"), ("file/clip.mp4", "file is a file, not a folder")]
    {
        let render = sandbox.run(&[&["render", "m.stl", "-o", output][..], &small].concat());
        render.expect_code(2);
        assert!(render.stderr().contains(message), "{render}");
        std::fs::write(sandbox.path("jobs.toml"), format!("[[job]]\nmodel = \"m.stl\"\noutput = \"{output}\"\n"))
            .unwrap();
        let run = sandbox.run(&[&["run", "jobs.toml"][..], &small].concat());
        run.expect_code(2);
        assert!(run.stderr().contains(message), "{run}");
        assert!(run.stderr().contains("before any job ran"), "{run}");
    }
    assert_eq!(std::fs::read(sandbox.path("taken.mp4")).unwrap(), b"mine");
    // A missing sub-folder is made, by both.
    sandbox.run(&[&["render", "m.stl", "-o", "new/a/clip.mp4", "-q"][..], &small].concat()).expect_success();
    std::fs::write(sandbox.path("jobs.toml"), "[[job]]\nmodel = \"m.stl\"\noutput = \"new/b/clip.mp4\"\n").unwrap();
    sandbox.run(&[&["run", "jobs.toml", "-q"][..], &small].concat()).expect_success();
    assert!(sandbox.path("new/a/clip.mp4").is_file() && sandbox.path("new/b/clip.mp4").is_file());
    // --crf outside the encoder's scale is refused.
    let crf = sandbox.run(&["demo", "--crf", "99"]);
    crf.expect_code(2);
    assert_eq!(first_line(&crf), "error: --crf 99 is out of range for mp4 (0 to 51)");
}
