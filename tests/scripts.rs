//! For scripts and farms: progress lines a log can parse when stderr is not a terminal, and the
//! same NDJSON events from `render`, `demo`, `encode` and `run`.

use crate::util;

use util::Sandbox;

fn events(stdout: &str) -> Vec<serde_json::Value> {
    stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))).collect()
}

fn names(events: &[serde_json::Value]) -> Vec<String> {
    let mut names: Vec<String> = events.iter().map(|e| e["event"].as_str().unwrap().to_string()).collect();
    names.dedup();
    names
}

#[test]
fn a_piped_render_logs_progress_lines() {
    let sandbox = Sandbox::new();
    let args = ["demo", "-s", "64x48", "--msaa", "1", "--fps", "10", "--duration", "2", "-f", "png", "-o", "f"];
    let run = sandbox.run(&args);
    run.expect_success();
    let stderr = run.stderr();
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("frame ")).collect();
    assert!(lines.len() >= 10, "a line at least every 10 %: {lines:?}");
    assert!(lines.iter().all(|l| l.contains(" fps eta ")), "{lines:?}");
    assert!(lines[0].starts_with("frame 2/20 (10%) "), "{lines:?}");
    assert!(lines.last().unwrap().starts_with("frame 20/20 (100%) "), "{lines:?}");
    let quiet = sandbox.run(&[&args[..], &["--progress", "none", "--force"]].concat());
    quiet.expect_success();
    assert!(!quiet.stderr().contains("frame 1/"), "{quiet}");
}

#[test]
fn render_demo_and_encode_emit_the_events_of_run() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "demo",
        "-s",
        "64x48",
        "--msaa",
        "1",
        "--fps",
        "4",
        "--duration",
        "1",
        "-f",
        "png",
        "-o",
        "f",
        "--json",
    ]);
    run.expect_success();
    let demo = events(&run.stdout());
    assert_eq!(names(&demo), ["plan", "job_started", "progress", "job_finished", "summary"], "{run}");
    assert_eq!(demo[0]["jobs"][0]["frames"], serde_json::json!([0, 4]));
    assert_eq!(demo.last().unwrap()["done"], 1);
    let finished = demo.iter().find(|e| e["event"] == "job_finished").unwrap();
    assert_eq!(finished["frames"], 4);
    let encoded = sandbox.run(&["encode", "f", "-f", "gif", "-o", "f.gif", "--json"]);
    encoded.expect_success();
    let encode = events(&encoded.stdout());
    assert_eq!(names(&encode), ["plan", "job_started", "progress", "job_finished", "summary"], "{encoded}");
    assert!(encode.iter().any(|e| e["event"] == "job_finished" && e["outputs"][0]["bytes"].as_u64() > Some(0)));
    // A failed render reports job_failed and the summary, then its error on stderr.
    let failed = sandbox.run(&["render", "f/frame_00000.png", "--json"]);
    failed.expect_code(1);
    let failure = events(&failed.stdout());
    assert_eq!(names(&failure), ["plan", "job_started", "job_failed", "summary"], "{failed}");
    assert_eq!(failure[2]["error"], "f/frame_00000.png: .png is not a supported model format");
    assert_eq!(failure[3]["failed"], 1);
}

/// Runs holoforge with `stdin` piped in; returns (exit code, stdout bytes, stderr).
fn run_piped(sandbox: &Sandbox, args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    use std::io::Write;
    let mut child = util::spawn(
        sandbox
            .command(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped()),
    );
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (output.status.code().unwrap_or(-1), output.stdout, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn models_come_from_stdin_and_streams_go_to_stdout() {
    let sandbox = Sandbox::new();
    let alien = std::fs::read(util::fixture("kenney_alien.glb")).unwrap();
    let (code, png, stderr) =
        run_piped(&sandbox, &["render", "-", "-o", "-", "-f", "png", "--frames", "1", "-s", "64x48", "-q"], &alien);
    assert_eq!(code, 0, "{stderr}");
    let image = image::load_from_memory(&png).unwrap().into_rgba8();
    assert_eq!(image.dimensions(), (64, 48));
    assert!(image.pixels().any(|p| p[3] > 0), "the alien is drawn");
    // Fragmented MP4 on stdout: ffprobe reads every frame from the stream.
    let (code, mp4, stderr) =
        run_piped(&sandbox, &["demo", "-o", "-", "-s", "64x48", "--fps", "10", "--duration", "1", "-q"], b"");
    assert_eq!(code, 0, "{stderr}");
    std::fs::write(sandbox.path("piped.mp4"), &mp4).unwrap();
    let stream = util::ffprobe_stream(&sandbox.path("piped.mp4"));
    assert_eq!((stream["codec_name"].as_str(), stream["nb_read_frames"].as_str()), ("h264", "10"));
    // Raw RGBA frames back to back.
    let cube = std::fs::read(util::fixture("unit_cube.stl")).unwrap();
    let (code, raw, stderr) =
        run_piped(&sandbox, &["render", "-", "-o", "-", "-f", "rgba", "-s", "8x6", "--frames", "3", "-q"], &cube);
    assert_eq!((code, raw.len()), (0, 3 * 8 * 6 * 4), "{stderr}");
    // What cannot stream is refused, and a glTF on stdin cannot bring its .bin.
    let (code, _, stderr) = run_piped(&sandbox, &["demo", "-o", "-", "-f", "prores"], b"");
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: -o -: format prores cannot be written to standard output"), "{stderr}");
    let (code, _, stderr) = run_piped(&sandbox, &["demo", "-o", "-", "-f", "png"], b"");
    assert_eq!(code, 2, "a PNG sequence is a folder: {stderr}");
    let gltf = std::fs::read(util::fixture("box-gltf/Box.gltf")).unwrap();
    let (code, _, stderr) = run_piped(&sandbox, &["render", "-", "-o", "box.mp4", "--frames", "1"], &gltf);
    assert_eq!(code, 1);
    assert!(stderr.contains("'Box0.bin': a model read from standard input cannot refer to other files"), "{stderr}");
    assert!(sandbox.entries().iter().all(|e| e == "piped.mp4"), "{:?}", sandbox.entries());
}

#[test]
fn every_format_writes_the_same_bytes_twice() {
    let sandbox = Sandbox::new();
    let formats =
        ["png", "rgba", "mp4", "mp4-hevc", "gif", "webm", "webm-alpha", "prores", "webp", "apng", "stacked-alpha"];
    let bytes_of = |path: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        if path.is_dir() {
            let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
                .collect();
            files.sort();
            files
        } else {
            vec![(String::new(), std::fs::read(path).unwrap())]
        }
    };
    for format in formats {
        let outputs: Vec<_> = ["a", "b"]
            .iter()
            .map(|name| {
                let out = format!("{format}-{name}.out");
                let args = ["demo", "-f", format, "-s", "64x48", "--msaa", "1", "--fps", "10", "--duration", "0.5"];
                sandbox.run(&[&args[..], &["-q", "-o", &out]].concat()).expect_success();
                bytes_of(&sandbox.path(&out))
            })
            .collect();
        assert!(outputs[0] == outputs[1], "{format}: two renders of the same job differ");
    }
}

#[test]
fn several_models_render_as_a_batch_and_a_glob_job_expands() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("models")).unwrap();
    for name in ["a.stl", "b.stl"] {
        std::fs::copy(util::fixture("unit_cube.stl"), sandbox.path("models").join(name)).unwrap();
    }
    std::fs::copy(util::fixture("kenney_alien.glb"), sandbox.path("models/alien.glb")).unwrap();
    let run = sandbox.run(&[
        "render",
        "models/a.stl",
        "models/alien.glb",
        "missing.obj",
        "-o",
        "out/",
        "-s",
        "48x36",
        "--frames",
        "2",
        "-f",
        "gif",
    ]);
    run.expect_code(1);
    let mut written: Vec<String> = std::fs::read_dir(sandbox.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["a.gif", "alien.gif"], "the failing model does not stop the others\n{run}");
    assert!(run.stderr().contains("missing.obj              failed"), "one summary\n{run}");
    let refused = sandbox.run(&["render", "models/a.stl", "models/b.stl", "-o", "x.mp4"]);
    refused.expect_code(2);
    assert!(refused.stderr().contains("with 2 models, -o names the folder"), "{refused}");
    // A manifest job whose model is a pattern: one job per match, outputs from the {stem} template.
    std::fs::write(
        sandbox.path("jobs.toml"),
        "[[job]]\nmodel = \"models/*.stl\"\noutput = \"renders/{stem}-turn.mp4\"\n",
    )
    .unwrap();
    let plan = sandbox.run(&["validate", "jobs.toml", "--json"]);
    plan.expect_success();
    let plan: serde_json::Value = serde_json::from_str(&plan.stdout()).unwrap();
    let outputs: Vec<&str> =
        plan["jobs"].as_array().unwrap().iter().map(|j| j["outputs"][0]["path"].as_str().unwrap()).collect();
    assert_eq!(outputs, ["./renders/a-turn.mp4", "./renders/b-turn.mp4"]);
    std::fs::write(sandbox.path("jobs.toml"), "[[job]]\nmodel = \"models/*.stl\"\noutput = \"same.mp4\"\n").unwrap();
    let clash = sandbox.run(&["validate", "jobs.toml"]);
    clash.expect_code(2);
    assert!(clash.stderr().contains("needs {stem} in its output"), "{clash}");
    std::fs::write(sandbox.path("jobs.toml"), "[[job]]\nmodel = \"models/*.fbx\"\n").unwrap();
    let none = sandbox.run(&["validate", "jobs.toml"]);
    none.expect_code(2);
    assert!(none.stderr().contains("jobs.toml:2:9: model: 'models/*.fbx' matches no file"), "{none}");
}

#[test]
fn jpeg_stills_and_sequences_follow_the_quality_presets() {
    let sandbox = Sandbox::new();
    let common = ["demo", "-s", "160x120", "--msaa", "1", "-q"];
    sandbox.run(&[&common[..], &["--frames", "1", "-o", "still.jpg"]].concat()).expect_success();
    let still = image::open(sandbox.path("still.jpg")).unwrap();
    assert_eq!((still.width(), still.height(), still.color().has_alpha()), (160, 120, false));
    let size = |quality: &str| {
        let out = format!("{quality}.jpg");
        sandbox.run(&[&common[..], &["--frames", "1", "--quality", quality, "-o", &out]].concat()).expect_success();
        std::fs::metadata(sandbox.path(&out)).unwrap().len()
    };
    assert!(size("low") < size("ultra"), "the presets change the encoding");
    sandbox
        .run(&[&common[..], &["-f", "jpeg", "--frames", "3", "--duration", "1", "-o", "seq"]].concat())
        .expect_success();
    assert!((0..3).all(|i| sandbox.path(&format!("seq/frame_0000{i}.jpg")).is_file()));
    let refused = sandbox.run(&[&common[..], &["-o", "clip.jpg"]].concat());
    refused.expect_code(2);
    assert!(
        refused.stderr().starts_with("error: -o clip.jpg: names one jpeg image, but the job renders a sequence"),
        "{refused}"
    );
    let crf = sandbox.run(&[&common[..], &["--frames", "1", "-o", "q.jpg", "--crf", "101"]].concat());
    crf.expect_code(2);
    assert!(crf.stderr().contains("--crf 101 is out of range for jpeg (1 to 100)"), "{crf}");
}

#[test]
fn the_openjd_template_runs_on_the_real_runtime_and_equals_one_render() {
    let openjd = std::process::Command::new("openjd").arg("--version").output();
    if !openjd.is_ok_and(|o| o.status.success()) {
        assert!(std::env::var_os("CI").is_none(), "openjd-cli is not installed (.ci/run installs it with pip)");
        eprintln!("skipped: openjd-cli is not installed (pip install openjd-cli)");
        return;
    }
    let template = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/openjd/holoforge-turntable.yaml");
    let sandbox = Sandbox::new();
    std::fs::copy(util::fixture("kenney_alien.glb"), sandbox.path("alien.glb")).unwrap();
    let binaries = std::path::Path::new(env!("CARGO_BIN_EXE_holoforge")).parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(binaries).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let openjd = |args: &[String]| {
        let output = std::process::Command::new("openjd")
            .args(args)
            .current_dir(sandbox.dir.path())
            .env("PATH", &path)
            .env("NODEVICE_SELECT", "1")
            .output()
            .unwrap();
        assert!(output.status.success(), "openjd {args:?}:\n{}", String::from_utf8_lossy(&output.stdout));
    };
    let template = template.to_string_lossy().into_owned();
    openjd(&["check".into(), template.clone()]);
    let param = |key: &str, value: &str| ["-p".to_string(), format!("{key}={value}")];
    let at = |name: &str| sandbox.path(name).to_string_lossy().into_owned();
    let mut run = vec!["run".to_string(), template, "--step".into(), "Encode".into(), "--run-dependencies".into()];
    for (key, value) in [
        ("ModelFile", at("alien.glb")),
        ("OutputFile", at("farm.mp4")),
        ("FramesDir", at("frames")),
        ("FrameCount", "10".into()),
        ("FramesPerTask", "4".into()),
        ("Fps", "10".into()),
        ("Size", "96x72".into()),
    ] {
        run.extend(param(key, &value));
    }
    openjd(&run);
    // One render of the same job, encoded the same way: the same bytes (holoforge's files are reproducible).
    let whole =
        ["render", "alien.glb", "-f", "png", "-s", "96x72", "--fps", "10", "--duration", "1", "-o", "whole", "-q"];
    sandbox.run(&whole).expect_success();
    sandbox.run(&["encode", "whole", "-o", "single.mp4", "--fps", "10", "-q"]).expect_success();
    assert_eq!(util::ffprobe_stream(&sandbox.path("farm.mp4"))["nb_read_frames"], "10");
    assert!(
        std::fs::read(sandbox.path("farm.mp4")).unwrap() == std::fs::read(sandbox.path("single.mp4")).unwrap(),
        "the OpenJD job's video differs from one render of the same job"
    );
}

#[test]
fn a_poster_is_one_jpeg_frame_beside_the_video() {
    let sandbox = Sandbox::new();
    let common = ["demo", "-s", "96x72", "--msaa", "1", "--fps", "10", "--duration", "1", "-q"];
    sandbox.run(&[&common[..], &["-o", "clip.mp4", "--poster"]].concat()).expect_success();
    sandbox.run(&[&common[..], &["-o", "later.mp4", "--poster-frame", "5"]].concat()).expect_success();
    let first = image::open(sandbox.path("clip.poster.jpg")).unwrap().into_rgb8();
    let later = image::open(sandbox.path("later.poster.jpg")).unwrap().into_rgb8();
    assert_eq!(first.dimensions(), (96, 72));
    assert!(first != later, "frame 5 of the turntable is not frame 0");
    assert_eq!(util::ffprobe_stream(&sandbox.path("clip.mp4"))["nb_read_frames"], "10", "the video has every frame");
    let outside = sandbox.run(&[&common[..], &["-o", "x.mp4", "--poster-frame", "50"]].concat());
    outside.expect_code(2);
    assert!(
        outside.stderr().contains("--poster-frame 50 is not among the frames this run renders (0..10)"),
        "{outside}"
    );
}
