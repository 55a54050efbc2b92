//! Every export format end to end: render a short clip, check the file with ffprobe, decode it
//! back with ffmpeg and compare with the frames the renderer produced (PNG sequence of the same job).

use crate::util;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use util::{read_sequence, Sandbox};

const FRAMES: usize = 12;
/// The clip every test renders: the demo model, 12 frames at 12 fps, 128×96, no MSAA (fast on CPU drivers).
const CLIP: &[&str] = &["demo", "--fps", "12", "--frames", "12", "--msaa", "1", "-q"];
const SIZE: &str = "128x96";
/// A larger size for PSNR of 4:2:0 formats: at 128×96 chroma subsampling of the thin cyan-on-black
/// rim alone limits PSNR to 33 dB, even losslessly encoded.
const PSNR_SIZE: &str = "384x288";

fn render_sized(sandbox: &Sandbox, size: &str, output: &str, extra: &[&str]) {
    let mut args = CLIP.to_vec();
    args.extend_from_slice(&["-s", size, "-o", output]);
    args.extend_from_slice(extra);
    sandbox.run(&args).expect_success();
}

fn render(sandbox: &Sandbox, output: &str, extra: &[&str]) {
    render_sized(sandbox, SIZE, output, extra)
}

/// The renderer's own frames for the clip (PNG is lossless), as flat RGBA bytes.
fn reference_sized(sandbox: &Sandbox, size: &str, background: &str) -> Vec<Vec<u8>> {
    let folder = format!("reference-{size}-{}", background.trim_start_matches('#'));
    if !sandbox.path(&folder).exists() {
        render_sized(sandbox, size, &folder, &["-f", "png", "--background", background]);
    }
    read_sequence(&sandbox.path(&folder)).into_iter().map(|f| f.into_raw()).collect()
}

fn reference(sandbox: &Sandbox, background: &str) -> Vec<Vec<u8>> {
    reference_sized(sandbox, SIZE, background)
}

/// Decodes a video into RGBA frames (`decoder` before `-i`, e.g. libvpx-vp9 to keep WebM alpha),
/// converting YUV with the BT.709 matrix the streams are tagged with (as players do).
fn decode(path: &Path, decoder: Option<&str>, width: usize, height: usize) -> Vec<Vec<u8>> {
    let mut command = Command::new("ffmpeg");
    command.args(["-v", "error"]);
    if let Some(decoder) = decoder {
        command.args(["-c:v", decoder]);
    }
    let output = command
        .arg("-i")
        .arg(path)
        .args(["-vf", "scale=in_color_matrix=bt709:in_range=tv", "-f", "rawvideo", "-pix_fmt", "rgba", "-"])
        .output()
        .unwrap();
    assert!(output.status.success(), "decoding {} failed: {}", path.display(), String::from_utf8_lossy(&output.stderr));
    output.stdout.chunks_exact(width * height * 4).map(<[u8]>::to_vec).collect()
}

/// PSNR in dB over the chosen channels of all frames.
fn psnr(a: &[Vec<u8>], b: &[Vec<u8>], channels: &[usize]) -> f64 {
    assert_eq!(a.len(), b.len(), "frame counts differ");
    let (mut sum, mut count) = (0.0f64, 0usize);
    for (fa, fb) in a.iter().zip(b) {
        for (pa, pb) in fa.chunks_exact(4).zip(fb.chunks_exact(4)) {
            for &c in channels {
                let d = pa[c] as f64 - pb[c] as f64;
                sum += d * d;
                count += 1;
            }
        }
    }
    let mse = sum / count as f64;
    if mse == 0.0 {
        f64::INFINITY
    } else {
        10.0 * (255.0f64 * 255.0 / mse).log10()
    }
}

fn probe(path: &Path) -> HashMap<String, String> {
    let output = Command::new("ffprobe")
        .args(["-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries"])
        .arg("stream=codec_name,codec_tag_string,profile,pix_fmt,width,height,nb_read_frames:stream_tags=alpha_mode")
        .args(["-of", "default=noprint_wrappers=1"])
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split_once('=').map(|(k, v)| (k.trim_start_matches("TAG:").to_string(), v.to_string())))
        .collect()
}

fn assert_probe(path: &Path, expected: &[(&str, &str)]) {
    let found = probe(path);
    for (key, value) in expected {
        assert_eq!(found.get(*key).map(String::as_str), Some(*value), "{}: {key} in {found:?}", path.display());
    }
}

/// One format under test: its name, output file, decoder to force, ffprobe expectations, minimum PSNR.
struct Case {
    format: &'static str,
    file: &'static str,
    decoder: Option<&'static str>,
    probe: &'static [(&'static str, &'static str)],
    min_psnr: f64,
}

impl Case {
    /// Renders the clip in this format at `size`, checks ffprobe's view of it, decodes it back.
    fn render_probe_decode(&self, sandbox: &Sandbox, (width, height): (usize, usize), extra: &[&str]) -> Vec<Vec<u8>> {
        let mut args = vec!["-f", self.format];
        args.extend_from_slice(extra);
        render_sized(sandbox, &format!("{width}x{height}"), self.file, &args);
        let path = sandbox.path(self.file);
        let (w, h, count) = (width.to_string(), height.to_string(), FRAMES.to_string());
        let mut expected = self.probe.to_vec();
        expected.extend([("width", w.as_str()), ("height", h.as_str()), ("nb_read_frames", count.as_str())]);
        assert_probe(&path, &expected);
        decode(&path, self.decoder, width, height)
    }
}

const RGB: &[usize] = &[0, 1, 2];
const ALPHA: &[usize] = &[3];

#[test]
fn opaque_video_formats_decode_back_to_the_rendered_frames() {
    let sandbox = Sandbox::new();
    let black = reference_sized(&sandbox, PSNR_SIZE, "#000000");
    let cases = [
        Case {
            format: "mp4",
            file: "clip.mp4",
            decoder: None,
            probe: &[("codec_name", "h264"), ("pix_fmt", "yuv420p")],
            min_psnr: 35.0,
        },
        Case {
            format: "mp4-hevc",
            file: "clip-hevc.mp4",
            decoder: None,
            probe: &[("codec_name", "hevc"), ("pix_fmt", "yuv420p"), ("codec_tag_string", "hvc1")],
            min_psnr: 34.0,
        },
        Case {
            format: "webm",
            file: "clip.webm",
            decoder: None,
            probe: &[("codec_name", "vp9"), ("pix_fmt", "yuv420p")],
            min_psnr: 34.0,
        },
    ];
    for case in &cases {
        let decoded = case.render_probe_decode(&sandbox, (384, 288), &["--quality", "high"]);
        let quality = psnr(&decoded, &black, RGB);
        assert!(quality >= case.min_psnr, "{}: PSNR {quality:.1} dB < {} dB", case.format, case.min_psnr);
    }
}

#[test]
fn alpha_video_formats_keep_the_alpha_channel() {
    let sandbox = Sandbox::new();
    let clear = reference(&sandbox, "transparent");
    let cases = [
        Case {
            format: "webm-alpha",
            file: "clip.webm",
            decoder: Some("libvpx-vp9"),
            probe: &[("codec_name", "vp9"), ("alpha_mode", "1")],
            min_psnr: 30.0,
        },
        Case {
            format: "prores",
            file: "clip.mov",
            decoder: None,
            probe: &[("codec_name", "prores"), ("profile", "4444"), ("codec_tag_string", "ap4h")],
            min_psnr: 40.0,
        },
        Case {
            format: "apng",
            file: "clip.png",
            decoder: None,
            probe: &[("codec_name", "apng"), ("pix_fmt", "rgba")],
            min_psnr: f64::INFINITY,
        },
    ];
    for case in &cases {
        let decoded = case.render_probe_decode(&sandbox, (128, 96), &[]);
        let (format, min_psnr) = (case.format, case.min_psnr);
        let alpha_quality = psnr(&decoded, &clear, ALPHA);
        assert!(alpha_quality >= min_psnr, "{format}: alpha PSNR {alpha_quality:.1} dB < {min_psnr} dB");
        for (i, frame) in decoded.iter().enumerate() {
            for corner in [0, 127, 128 * 95, 128 * 96 - 1] {
                assert_eq!(frame[corner * 4 + 3], 0, "{format}: frame {i} corner pixel {corner} is not transparent");
            }
        }
    }
}

#[test]
fn stacked_alpha_puts_the_matte_under_the_colour() {
    let sandbox = Sandbox::new();
    let clear = reference(&sandbox, "transparent");
    render(&sandbox, "stacked.mp4", &["-f", "stacked-alpha"]);
    let path = sandbox.path("stacked.mp4");
    assert_probe(&path, &[("codec_name", "h264"), ("width", "128"), ("height", "192"), ("nb_read_frames", "12")]);
    let decoded = decode(&path, None, 128, 192);
    let (top, bottom): (Vec<Vec<u8>>, Vec<Vec<u8>>) =
        decoded.iter().map(|f| (f[..128 * 96 * 4].to_vec(), f[128 * 96 * 4..].to_vec())).unzip();
    // The bottom half's grey level is the alpha channel.
    let matte: Vec<Vec<u8>> =
        bottom.iter().map(|f| f.chunks_exact(4).flat_map(|p| [0, 0, 0, p[0]]).collect()).collect();
    let matte_quality = psnr(&matte, &clear, ALPHA);
    assert!(matte_quality >= 35.0, "matte PSNR {matte_quality:.1} dB");
    // The top half carries the straight colour where the hologram is.
    let covered: Vec<Vec<u8>> = clear
        .iter()
        .zip(&top)
        .map(|(c, t)| {
            c.chunks_exact(4)
                .zip(t.chunks_exact(4))
                .flat_map(|(c, t)| if c[3] > 128 { [t[0], t[1], t[2], 0] } else { [c[0], c[1], c[2], 0] })
                .collect()
        })
        .collect();
    let colour_quality = psnr(&covered, &clear, RGB);
    assert!(colour_quality >= 30.0, "colour PSNR {colour_quality:.1} dB");
}

#[test]
fn gif_has_an_optimal_palette_loops_and_keeps_transparency_when_asked() {
    let sandbox = Sandbox::new();
    let black = reference(&sandbox, "#000000");
    render(&sandbox, "clip.gif", &["-f", "gif"]);
    let path = sandbox.path("clip.gif");
    assert_probe(&path, &[("codec_name", "gif"), ("width", "128"), ("height", "96"), ("nb_read_frames", "12")]);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.windows(11).any(|w| w == b"NETSCAPE2.0"), "no loop extension");
    let decoded = decode(&path, None, 128, 96);
    let quality = psnr(&decoded, &black, RGB);
    assert!(quality >= 28.0, "gif PSNR {quality:.1} dB");
    assert!(decoded.iter().all(|f| f.chunks_exact(4).all(|p| p[3] == 255)), "an opaque GIF has transparent pixels");

    render(&sandbox, "clear.gif", &["-f", "gif", "--background", "transparent"]);
    let decoded = decode(&sandbox.path("clear.gif"), None, 128, 96);
    for frame in &decoded {
        assert_eq!(frame[3], 0, "corner of a transparent GIF is opaque");
        assert!(frame.chunks_exact(4).any(|p| p[3] == 255), "the model vanished");
    }
}

#[test]
fn webp_is_an_animated_looping_image_with_alpha() {
    // Debian's ffmpeg 5.1 cannot decode animated WebP, so the RIFF structure is checked instead.
    let sandbox = Sandbox::new();
    render(&sandbox, "clip.webp", &["-f", "webp"]);
    let bytes = std::fs::read(sandbox.path("clip.webp")).unwrap();
    assert_eq!(&bytes[..4], b"RIFF");
    assert_eq!(&bytes[8..16], b"WEBPVP8X");
    let flags = bytes[20];
    assert!(flags & 0x02 != 0, "animation flag missing");
    assert!(flags & 0x10 != 0, "alpha flag missing");
    let canvas = |at: usize| 1 + (bytes[at] as u32 | (bytes[at + 1] as u32) << 8 | (bytes[at + 2] as u32) << 16);
    assert_eq!((canvas(24), canvas(27)), (128, 96));
    let frames = bytes.windows(4).filter(|w| w == b"ANMF").count();
    assert_eq!(frames, FRAMES);
    let anim = bytes.windows(4).position(|w| w == b"ANIM").expect("ANIM chunk");
    assert_eq!(u16::from_le_bytes([bytes[anim + 12], bytes[anim + 13]]), 0, "loop count is not 'forever'");
}

#[test]
fn rgba_frames_are_the_rendered_bytes_with_a_sidecar() {
    let sandbox = Sandbox::new();
    let clear = reference(&sandbox, "transparent");
    render(&sandbox, "raw", &["-f", "rgba"]);
    let sidecar: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sandbox.path("raw/frames.json")).unwrap()).unwrap();
    assert_eq!(sidecar["width"], 128);
    assert_eq!(sidecar["height"], 96);
    assert_eq!(sidecar["fps"], 12);
    assert_eq!(sidecar["pixel_format"], "rgba8");
    for (i, expected) in clear.iter().enumerate() {
        let raw = std::fs::read(sandbox.path(&format!("raw/frame_{i:05}.rgba"))).unwrap();
        assert!(&raw == expected, "raw frame {i} differs from the rendered frame");
    }
}

#[test]
fn quality_presets_and_crf_change_the_encoding() {
    let sandbox = Sandbox::new();
    render(&sandbox, "low.mp4", &["--quality", "low"]);
    render(&sandbox, "ultra.mp4", &["--quality", "ultra"]);
    render(&sandbox, "crf40.mp4", &["--crf", "40", "--encoder-preset", "ultrafast"]);
    let size = |f: &str| std::fs::metadata(sandbox.path(f)).unwrap().len();
    assert!(size("low.mp4") < size("ultra.mp4"), "low {} vs ultra {}", size("low.mp4"), size("ultra.mp4"));
    assert!(size("crf40.mp4") < size("low.mp4"), "crf 40 {} vs low {}", size("crf40.mp4"), size("low.mp4"));
}

#[test]
fn without_ffmpeg_sequences_still_work_and_videos_say_how_to_install_it() {
    let sandbox = Sandbox::new();
    let no_ffmpeg = [("PATH", "/nonexistent")];
    let mut args = CLIP.to_vec();
    args.extend_from_slice(&["-f", "rgba", "-o", "raw"]);
    sandbox.run_with_env(&args, &no_ffmpeg).expect_success();
    let mut args = CLIP.to_vec();
    args.extend_from_slice(&["-f", "png", "-o", "png"]);
    sandbox.run_with_env(&args, &no_ffmpeg).expect_success();
    let mut args = CLIP.to_vec();
    args.extend_from_slice(&["-f", "webm-alpha", "-o", "x.webm"]);
    let run = sandbox.run_with_env(&args, &no_ffmpeg);
    run.expect_code(3);
    assert!(run.stderr().contains("pip install imageio-ffmpeg"), "{run}");
    assert!(!sandbox.path("x.webm").exists());
}

#[cfg(unix)]
#[test]
fn an_ffmpeg_without_the_encoder_is_refused_before_rendering_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let script = sandbox.path("ffmpeg-without-x265");
    std::fs::write(
        &script,
        "#!/bin/sh\ncase \"$*\" in\n*-version*) echo 'ffmpeg version 9.9-fake';;\n\
         *-encoders*) printf 'Encoders:\\n ------\\n V....D libx264 H.264\\n V....D gif GIF\\n';;\n\
         *) echo 'should not be asked to encode' >&2; exit 1;;\nesac\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut args = CLIP.to_vec();
    args.extend_from_slice(&["-f", "mp4-hevc", "-o", "x.mp4", "--ffmpeg", script.to_str().unwrap()]);
    let run = sandbox.run(&args);
    run.expect_code(3);
    assert!(run.stderr().contains("format mp4-hevc needs the ffmpeg encoder libx265"), "{run}");
    assert!(!run.stderr().contains("rendering"), "rendering started: {run}");
    assert!(!sandbox.path("x.mp4").exists());
}
