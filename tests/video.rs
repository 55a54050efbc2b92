//! MP4 export through a real ffmpeg: stream properties checked with ffprobe, and every way the
//! encoder can be missing or fail leaves a clear error and no file.

use crate::util;

use util::{ffprobe_stream, Sandbox};

#[test]
fn mp4_is_h264_yuv420p_of_the_requested_size_and_frame_count() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["demo", "-s", "854x480", "--fps", "12", "--duration", "1.5", "--msaa", "1", "-o", "demo.mp4", "-q"])
        .expect_success();
    let stream = ffprobe_stream(&sandbox.path("demo.mp4"));
    assert_eq!(stream["codec_name"], "h264");
    assert_eq!(stream["pix_fmt"], "yuv420p");
    assert_eq!(stream["width"], "854");
    assert_eq!(stream["height"], "480");
    assert_eq!(stream["r_frame_rate"], "12/1");
    assert_eq!(stream["nb_read_frames"], "18", "fps × duration frames");
    assert_eq!(stream["color_space"], "bt709");
    assert_eq!(sandbox.entries(), ["demo.mp4"], "no temporary files are left beside the output");
}

#[test]
fn the_default_output_is_named_after_the_model() {
    let sandbox = Sandbox::new();
    let model = util::fixture("unit_cube.stl");
    sandbox.run(&["render", model.to_str().unwrap(), "-s", "64x64", "--frames", "3", "-q"]).expect_success();
    assert_eq!(sandbox.entries(), ["unit_cube.mp4"]);
    // Running again does not overwrite without --force.
    let again = sandbox.run(&["render", model.to_str().unwrap(), "-s", "64x64", "--frames", "3", "-q"]);
    again.expect_code(2);
    assert!(again.stderr().contains("unit_cube.mp4: the output already exists"), "{again}");
    assert!(again.stderr().contains("hint: pass --force"), "{again}");
    sandbox.run(&["render", model.to_str().unwrap(), "-s", "64x64", "--frames", "3", "-q", "--force"]).expect_success();
}

#[test]
fn odd_sizes_are_refused_for_mp4_before_rendering() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["demo", "-s", "161x97", "-o", "odd.mp4"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr(),
        "error: 161x97: format mp4 needs an even width and height (4:2:0 video)\nhint: use e.g. --size 162x98\n"
    );
    assert!(sandbox.entries().is_empty(), "{:?}", sandbox.entries());
}

#[test]
fn a_missing_ffmpeg_is_an_environment_error_naming_the_fix() {
    let sandbox = Sandbox::new();
    let run =
        sandbox.run_with_env(&["demo", "-s", "64x64", "--frames", "2", "-o", "x.mp4"], &[("PATH", "/nonexistent")]);
    run.expect_code(3);
    assert!(
        run.stderr().starts_with(
            "error: ffmpeg was not found (not on PATH, no imageio-ffmpeg); it is needed for video formats\n"
        ),
        "{run}"
    );
    assert!(run.stderr().contains("HOLOFORGE_FFMPEG"), "{run}");
    let explicit = sandbox.run(&["demo", "-s", "64x64", "--frames", "2", "-o", "x.mp4", "--ffmpeg", "/no/such/ffmpeg"]);
    explicit.expect_code(3);
    assert!(explicit.stderr().contains("/no/such/ffmpeg: cannot run ffmpeg: no such file"), "{explicit}");
    assert!(sandbox.entries().is_empty(), "{:?}", sandbox.entries());
}

/// An "ffmpeg" that answers the version and encoder probes like the real one, then reads a
/// little of the frame stream and dies with a message.
#[cfg(unix)]
fn dying_ffmpeg(sandbox: &Sandbox) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let real = which::which("ffmpeg").expect("ffmpeg on PATH");
    let script = sandbox.path("ffmpeg-that-dies");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncase \"$*\" in *-version*|*-encoders*) exec '{}' \"$@\";; esac\n\
             for last; do :; done\nhead -c 1000 > \"$last\"\necho 'Conversion failed: disk on fire' >&2\nexit 1\n",
            real.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[cfg(unix)]
#[test]
fn an_ffmpeg_that_dies_mid_stream_fails_the_job_with_its_stderr_and_leaves_no_file() {
    let sandbox = Sandbox::new();
    let ffmpeg = dying_ffmpeg(&sandbox);
    let run = sandbox.run(&[
        "demo",
        "-s",
        "320x240",
        "--frames",
        "40",
        "-o",
        "out.mp4",
        "--ffmpeg",
        ffmpeg.to_str().unwrap(),
    ]);
    run.expect_code(1);
    let stderr = run.stderr();
    assert!(stderr.contains("ffmpeg stopped reading frames") || stderr.contains("ffmpeg failed"), "{run}");
    assert!(stderr.contains("Conversion failed: disk on fire"), "{run}");
    assert!(stderr.contains("command: "), "{run}");
    assert_eq!(sandbox.entries(), ["ffmpeg-that-dies"], "a partial output was left behind");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_job_removes_the_partial_output_and_exits_130() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let sandbox = Sandbox::new();
    let mut child = util::spawn(
        sandbox.command(&["demo", "-s", "320x240", "--duration", "3600", "-o", "long.mp4"]).stderr(Stdio::piped()),
    );
    // Wait until frames are flowing (the temporary output exists), then press Ctrl-C.
    let started = std::time::Instant::now();
    while !sandbox.entries().iter().any(|e| e.contains("holoforge-partial")) {
        assert!(started.elapsed().as_secs() < 60, "the render never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let code = child.wait().unwrap().code();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(code, Some(130), "{stderr}");
    assert!(stderr.contains("error: interrupted by Ctrl-C; the partial output was removed"), "{stderr}");
    assert!(sandbox.entries().is_empty(), "left behind: {:?}", sandbox.entries());
}
