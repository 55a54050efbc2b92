//! For scripts and farms: progress lines a log can parse when stderr is not a terminal, and the
//! same NDJSON events from `render`, `demo`, `encode` and `run`.

mod util;

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
