//! Manifests and batches: merging, validation messages with positions, a batch that survives a
//! broken model, NDJSON events, shards, resuming with --skip-existing, and farm frame ranges + encode.

use crate::util;

use util::{fixture, read_sequence, Sandbox};

/// A sandbox with the fixtures copied in and `jobs.toml` written.
fn batch(manifest: &str) -> Sandbox {
    let sandbox = Sandbox::new();
    for name in ["kenney_alien.glb", "unit_cube.stl"] {
        std::fs::copy(fixture(name), sandbox.path(name)).unwrap();
    }
    let whole = std::fs::read(fixture("kenney_alien.glb")).unwrap();
    std::fs::write(sandbox.path("broken.glb"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(sandbox.path("jobs.toml"), manifest).unwrap();
    sandbox
}

const DEFAULTS: &str = "[defaults]\nsize = \"96x72\"\nfps = 12\nduration = 0.5\nmsaa = 1\nformat = \"png\"\n";

#[test]
fn a_batch_with_a_broken_model_completes_the_others_and_exits_1() {
    let sandbox = batch(&format!(
        "{DEFAULTS}\n[[job]]\nmodel = \"kenney_alien.glb\"\n\n[[job]]\nmodel = \"broken.glb\"\n\n[[job]]\nname = \"cube\"\nmodel = \"unit_cube.stl\"\nformats = [\"png\", \"gif\"]\n"
    ));
    let run = sandbox.run(&["run", "jobs.toml"]);
    run.expect_code(1);
    let stderr = run.stderr();
    assert!(stderr.contains("broken.glb: error: ./broken.glb: invalid GLB container"), "{run}");
    assert!(stderr.contains("kenney_alien.glb         done"), "{run}");
    assert!(stderr.contains("broken.glb               failed"), "{run}");
    assert!(stderr.contains("cube                     done"), "{run}");
    assert_eq!(read_sequence(&sandbox.path("kenney_alien-png")).len(), 6);
    assert_eq!(read_sequence(&sandbox.path("unit_cube-png")).len(), 6);
    assert!(sandbox.path("unit_cube.gif").is_file());
    assert!(!sandbox.path("broken-png").exists());
}

#[test]
fn manifest_problems_are_all_reported_with_positions_before_anything_runs() {
    let cases: &[(&str, &[&str])] = &[
        ("[defaults]\nsise = \"96x72\"\n[[job]]\nmodel = \"unit_cube.stl\"\n", &[
            "error: 1 problem in the manifest:",
            "jobs.toml:2:1: unknown key `sise`",
            "  hint: did you mean `size`?",
        ]),
        // Schema errors in one table do not hide those of the others, nor the problems found resolving them.
        (
            "jobs = 1\n[[job]]\nmodel = \"unit_cube.stl\"\nfps = \"fast\"\n\n[[job]]\nmodel = \"unit_cube.stl\"\nfsp = 3\n\n[[job]]\nmodel = \"unit_cube.stl\"\nstyle = \"toon\"\n",
            &[
                "error: 4 problems in the manifest:",
                "jobs.toml:1:1: unknown key `jobs`",
                "  hint: did you mean `job`?",
                "jobs.toml:4:7: invalid type: string \"fast\", expected u32",
                "jobs.toml:8:1: unknown key `fsp`",
                "  hint: did you mean `fps`?",
                "jobs.toml:12:9: style: 'toon' is not a style",
            ],
        ),
        ("[[job]\nmodel = 1\n", &["error: invalid manifest:", "jobs.toml:1:7: unclosed array table, expected `]`"]),
        ("[defaults]\nfps = 12\n", &["error: jobs.toml: the manifest has no [[job]] tables"]),
        (
            "[[job]]\nmodel = \"unit_cube.stl\"\nstyle = \"toon\"\n\n[[job]]\nmodel = \"unit_cube.stl\"\n[job.look]\nbloom = 20\n",
            &[
                "error: 2 problems in the manifest:",
                "jobs.toml:3:9: style: 'toon' is not a style",
                "  hint: styles: hologram, shaded, wireframe",
                "jobs.toml:7:1: look: look bloom = 20: expected a number from 0 to 10",
            ],
        ),
        (
            "[defaults]\nsize = \"97x72\"\n\n[[job]]\nmodel = \"unit_cube.stl\"\n\n[[job]]\nmodel = \"nope.glb\"\n\n[[job]]\nmodel = \"unit_cube.stl\"\nsize = \"96x72\"\ncolor = \"teal\"\n\n[[job]]\nformat = \"png\"\n\n[[job]]\nmodel = \"unit_cube.stl\"\nsize = \"96x72\"\noutput = \"same\"\nformats = [\"png\", \"rgba\", \"avi\"]\n",
            &[
                "error: 5 problems in the manifest:",
                "jobs.toml:2:8: size: 97x72: format mp4 needs an even width and height (4:2:0 video)",
                "  hint: use e.g. --size 98x72",
                "jobs.toml:8:9: model: ./nope.glb does not exist",
                "jobs.toml:13:9: color: 'teal' is not a colour",
                "  hint: write colours as hex, e.g. #00e5ff or #0ef",
                "jobs.toml:15:1: job 4 has no `model`",
                "jobs.toml:22:11: formats: unknown format 'avi'",
            ],
        ),
    ];
    for (manifest, expected) in cases {
        let sandbox = batch(manifest);
        for command in ["validate", "run"] {
            let run = sandbox.run(&[command, "jobs.toml"]);
            run.expect_code(2);
            let lines: Vec<String> = run.stderr().lines().map(str::to_string).collect();
            for line in *expected {
                assert!(lines.iter().any(|l| l == line), "missing line {line:?}\n{run}");
            }
        }
        let made: Vec<String> =
            sandbox.entries().into_iter().filter(|e| !e.contains('.') || e.ends_with(".mp4")).collect();
        assert!(made.is_empty(), "something was rendered: {made:?}");
    }
}

#[test]
fn json_events_are_one_object_per_line_in_order() {
    let sandbox = batch(&format!("{DEFAULTS}\n[[job]]\nmodel = \"unit_cube.stl\"\nformats = [\"png\", \"mp4\"]\n"));
    let run = sandbox.run(&["run", "jobs.toml", "--json", "-q"]);
    run.expect_success();
    let events: Vec<serde_json::Value> = run
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect();
    let kinds: Vec<&str> = events.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"plan"));
    assert_eq!(&kinds[kinds.len() - 2..], ["job_finished", "summary"]);
    assert!(kinds.contains(&"job_started") && kinds.contains(&"progress"), "{kinds:?}");
    let last_progress = events.iter().rev().find(|e| e["event"] == "progress").unwrap();
    assert_eq!(last_progress["frames_done"], 6);
    let finished = &events[events.len() - 2];
    assert_eq!(finished["outputs"].as_array().unwrap().len(), 2);
    assert!(finished["outputs"][1]["bytes"].as_u64().unwrap() > 0);
    assert_eq!(events.last().unwrap()["done"], 1);
}

#[test]
fn shards_cover_every_job_exactly_once() {
    let jobs: String = (0..7)
        .map(|i| format!("[[job]]\nname = \"j{i}\"\nmodel = \"unit_cube.stl\"\noutput = \"out{i}\"\n\n"))
        .collect();
    let sandbox = batch(&format!("{DEFAULTS}\n{jobs}"));
    let mut seen = Vec::new();
    for k in 1..=3 {
        let run = sandbox.run(&["run", "jobs.toml", "--dry-run", "--json", "--shard", &format!("{k}/3")]);
        run.expect_success();
        let plan: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
        seen.extend(plan["jobs"].as_array().unwrap().iter().map(|j| j["job"].as_str().unwrap().to_string()));
    }
    seen.sort();
    assert_eq!(seen, (0..7).map(|i| format!("j{i}")).collect::<Vec<_>>());
    let bad = sandbox.run(&["run", "jobs.toml", "--shard", "4/3"]);
    bad.expect_code(2);
    assert!(bad.stderr().contains("shard 4/3: K must be between 1 and N"), "{bad}");
}

#[test]
fn command_line_options_override_the_manifest() {
    let sandbox = batch(&format!("{DEFAULTS}\n[[job]]\nmodel = \"unit_cube.stl\"\nsize = \"64x64\"\n"));
    sandbox.run(&["run", "jobs.toml", "--size", "40x30", "-q"]).expect_success();
    let frames = read_sequence(&sandbox.path("unit_cube-png"));
    assert_eq!(frames[0].dimensions(), (40, 30));
}

#[cfg(unix)]
#[test]
fn skip_existing_resumes_a_killed_batch_without_partial_files() {
    let sandbox = batch(
        "[defaults]\nsize = \"96x72\"\nmsaa = 1\nformat = \"mp4\"\n\n[[job]]\nmodel = \"unit_cube.stl\"\nframes = 3\n\n[[job]]\nmodel = \"kenney_alien.glb\"\nduration = 3600\n",
    );
    let mut child = util::spawn(&mut sandbox.command(&["run", "jobs.toml", "-q"]));
    let started = std::time::Instant::now();
    while !sandbox.entries().iter().any(|e| e.starts_with(".kenney_alien.mp4.holoforge-partial")) {
        assert!(started.elapsed().as_secs() < 60, "the second job never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(sandbox.path("unit_cube.mp4").is_file());
    // Resume with a short second job: the first is skipped, the killed one's leftovers are cleaned.
    let resume = sandbox.run(&["run", "jobs.toml", "--skip-existing", "--frames", "3"]);
    resume.expect_success();
    assert!(resume.stderr().contains("unit_cube.stl: skipped, its outputs exist"), "{resume}");
    assert!(sandbox.path("kenney_alien.mp4").is_file());
    let leftovers: Vec<String> = sandbox.entries().into_iter().filter(|e| e.contains("partial")).collect();
    assert!(leftovers.is_empty(), "partial files left: {leftovers:?}");
}

#[test]
fn frame_ranges_from_three_processes_plus_encode_equal_one_run() {
    let sandbox = batch("");
    let common = [
        "render",
        "kenney_alien.glb",
        "-f",
        "png",
        "-s",
        "96x72",
        "--msaa",
        "1",
        "--duration",
        "1",
        "--fps",
        "12",
        "-q",
    ];
    let run =
        |out: &str, extra: &[&str]| sandbox.run(&[&common[..], &["-o", out], extra].concat()).expect_success().code();
    run("whole", &[]);
    std::fs::create_dir(sandbox.path("assembled")).unwrap();
    for (shard, (start, count)) in [(0, 4), (4, 4), (8, 4)].iter().enumerate() {
        let out = format!("shard{shard}");
        run(&out, &["--start-frame", &start.to_string(), "--frames", &count.to_string()]);
        for entry in std::fs::read_dir(sandbox.path(&out)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), sandbox.path("assembled").join(entry.file_name())).unwrap();
        }
    }
    assert_eq!(read_sequence(&sandbox.path("assembled")), read_sequence(&sandbox.path("whole")));
    sandbox.run(&["encode", "assembled", "-f", "mp4", "-o", "farm.mp4", "--fps", "12", "-q"]).expect_success();
    sandbox.run(&["encode", "whole", "-f", "mp4", "-o", "single.mp4", "--fps", "12", "-q"]).expect_success();
    let decode = |file: &str| {
        let output = std::process::Command::new("ffmpeg")
            .args(["-v", "error", "-i"])
            .arg(sandbox.path(file))
            .args(["-f", "rawvideo", "-pix_fmt", "rgba", "-"])
            .output()
            .unwrap();
        assert!(output.status.success());
        output.stdout
    };
    let farm = decode("farm.mp4");
    assert_eq!(farm.len(), 12 * 96 * 72 * 4);
    assert!(farm == decode("single.mp4"), "the farm's video differs from the single run's");
    // A gap in the frames is refused with the range that is missing.
    std::fs::remove_file(sandbox.path("assembled/frame_00005.png")).unwrap();
    let gap = sandbox.run(&["encode", "assembled", "-f", "mp4", "-o", "gap.mp4"]);
    gap.expect_code(2);
    assert!(gap.stderr().contains("assembled: frames 5 to 5 are missing"), "{gap}");
}

#[test]
fn the_example_manifest_is_valid() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/jobs.toml");
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["validate", example.to_str().unwrap(), "--json"]);
    run.expect_success();
    let plan: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(plan["jobs"].as_array().unwrap().len(), 7);
    assert_eq!(plan["jobs"][0]["outputs"].as_array().unwrap().len(), 3);
    assert_eq!(plan["jobs"][5]["job"], "catalogue kenney_alien", "the pattern job expands");
}

#[test]
fn shards_run_as_separate_processes_write_every_output_once() {
    let jobs: String = (0..5)
        .map(|i| format!("[[job]]\nname = \"j{i}\"\nmodel = \"unit_cube.stl\"\noutput = \"out/j{i}\"\n\n"))
        .collect();
    let sandbox = batch(&format!("{DEFAULTS}\n{jobs}"));
    let children: Vec<_> = (1..=3)
        .map(|k| util::spawn(&mut sandbox.command(&["run", "jobs.toml", "-q", "--shard", &format!("{k}/3")])))
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let mut outputs: Vec<String> = std::fs::read_dir(sandbox.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    outputs.sort();
    assert_eq!(outputs, ["j0", "j1", "j2", "j3", "j4"]);
}

#[test]
fn a_keyframed_path_starts_at_its_first_key_and_bad_paths_are_refused_in_place() {
    let path = "[[job.path]]\nt = 0\nazimuth = -60\nelevation = 10\neasing = \"ease-in-out\"\n\n[[job.path]]\nt = 1\nazimuth = 60\nelevation = 30\ndistance = 0.8\nfov = 25\n";
    let sandbox =
        batch(&format!("{DEFAULTS}\n[[job]]\nmodel = \"kenney_alien.glb\"\nduration = 1\noutput = \"flight\"\n{path}"));
    sandbox.run(&["run", "jobs.toml", "-q"]).expect_success();
    let flight = read_sequence(&sandbox.path("flight"));
    assert_eq!(flight.len(), 12);
    let common = ["render", "kenney_alien.glb", "-f", "png", "-s", "96x72", "--msaa", "1", "--frames", "1", "-q"];
    sandbox
        .run(
            // A turntable's first frame: the first key's view, framed as motions are (a still
            // would be fitted to its view).
            &[&common[..], &["--camera", "turntable", "--azimuth", "-60", "--elevation", "10", "-o", "still.png"]]
                .concat(),
        )
        .expect_success();
    assert!(
        flight[0] == util::read_png(&sandbox.path("still.png")),
        "the path's first frame is not its first key's view"
    );
    assert_ne!(flight[0], flight[11], "the camera did not move along the path");

    let backwards = batch(&format!(
        "{DEFAULTS}\n[[job]]\nmodel = \"kenney_alien.glb\"\n[[job.path]]\nt = 1\nazimuth = 0\nelevation = 0\n[[job.path]]\nt = 0.5\nazimuth = 10\nelevation = 0\n"
    ));
    let run = backwards.run(&["validate", "jobs.toml"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("jobs.toml:10:1: path: path key 2: t = 0.5 is not after the previous key's t = 1"),
        "{run}"
    );
}

#[test]
fn encode_refuses_two_files_for_one_frame() {
    let sandbox = batch("");
    sandbox
        .run(&[
            "render",
            "unit_cube.stl",
            "-f",
            "png",
            "-s",
            "32x32",
            "--frames",
            "2",
            "--msaa",
            "1",
            "-o",
            "frames",
            "-q",
        ])
        .expect_success();
    std::fs::copy(sandbox.path("frames/frame_00001.png"), sandbox.path("frames/frame_1.png")).unwrap();
    let run = sandbox.run(&["encode", "frames", "-f", "mp4", "-o", "x.mp4"]);
    run.expect_code(2);
    assert!(run.stderr().contains("are both frame 1"), "{run}");
    assert!(!sandbox.path("x.mp4").exists());
}

#[test]
fn the_example_manifest_shows_every_key() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("examples/jobs.toml")).unwrap();
    let shown = |key: &str| {
        example.lines().any(|line| {
            let line = line.trim_start_matches(['#', ' ']);
            line.starts_with(&format!("{key} ="))
                || line.starts_with(&format!("[[job.{key}]]"))
                || line.starts_with(&format!("[defaults.{key}]"))
                || line.contains(&format!(", {key} ="))
                || line.contains(&format!("{{ {key} ="))
        })
    };
    let keys = holoforge::settings::Settings::keys().into_iter();
    let look_keys = holoforge::look::KEYS.iter().map(|k| k.to_string());
    let layout_keys = holoforge::layout::keys().into_iter().map(|k| k.to_string());
    let missing: Vec<String> = keys.chain(look_keys).chain(layout_keys).filter(|k| !shown(k)).collect();
    assert!(missing.is_empty(), "examples/jobs.toml does not show {missing:?}");
}
