//! `holoforge doctor` reports the adapter, ffmpeg and every registered format.

use crate::util;

use util::Sandbox;

#[test]
fn doctor_lists_every_format_with_its_availability() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["doctor", "--json"]);
    run.expect_success();
    let report: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}\n{run}"));
    assert!(report["chosen_adapter"]["max_frame_side"].as_u64().unwrap() >= 4096, "{report}");
    assert_eq!(report["ffmpeg"]["source"], "PATH");
    let names: Vec<&str> = report["formats"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, holoforge::export::format_names());
    assert!(report["formats"].as_array().unwrap().iter().all(|f| f["available"] == true), "{report}");
}

#[test]
fn doctor_without_ffmpeg_still_offers_the_frame_sequences() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["doctor", "--ffmpeg", "/no/such/ffmpeg"]);
    run.expect_code(3);
    let out = run.stdout();
    assert!(out.contains("  png            available"), "{run}");
    assert!(out.contains("  rgba           available"), "{run}");
    assert!(out.contains("  mp4            unavailable: needs ffmpeg, which was not found"), "{run}");
    assert!(out.contains("ffmpeg:      not found"), "{run}");
    let json = sandbox.run(&["doctor", "--ffmpeg", "/no/such/ffmpeg", "--json"]);
    json.expect_code(3);
    let report: serde_json::Value = serde_json::from_str(&json.stdout()).unwrap();
    assert!(report["ffmpeg"]["problem"].as_str().unwrap().contains("/no/such/ffmpeg"), "{report}");
}
