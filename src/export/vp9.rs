//! VP9 WebM: `webm` (opaque) and `webm-alpha` (yuva420p, for browsers and OBS).

use super::video::{strings, VideoFormat, BT709_SCALE, BT709_TAGS};
use super::{Alpha, SinkSpec};

/// libvpx-vp9 CRF for low, medium, high, ultra (constant quality, `-b:v 0`).
const CRF: [u32; 4] = [40, 34, 28, 20];
const PRESETS: &str =
    "VP9 CRF 40 / 34 / 28 / 20 (constant quality); --crf overrides; --encoder-preset is -cpu-used 0..8 (default 4)";

/// `webm`: VP9, yuv420p.
pub const WEBM: VideoFormat = VideoFormat {
    name: "webm",
    description: "VP9 WebM (libvpx-vp9, yuv420p); opaque",
    extension: "webm",
    muxer: "webm",
    alpha: Alpha::None,
    encoders: &["libvpx-vp9"],
    even_size: true,
    crf_range: Some((0, 63)),
    streamable: true,
    quality_presets: PRESETS,
    encode_args: webm_args,
};

/// `webm-alpha`: VP9 with an alpha channel (yuva420p, `-auto-alt-ref 0`).
pub const WEBM_ALPHA: VideoFormat = VideoFormat {
    name: "webm-alpha",
    description: "VP9 WebM with alpha (yuva420p) for browsers and OBS (Premiere does not read WebM alpha)",
    extension: "webm",
    muxer: "webm",
    alpha: Alpha::Full,
    encoders: &["libvpx-vp9"],
    even_size: true,
    crf_range: Some((0, 63)),
    streamable: true,
    quality_presets: PRESETS,
    encode_args: webm_alpha_args,
};

fn vp9_args(spec: &SinkSpec, pixel_format: &str) -> Vec<String> {
    let crf = spec.crf.unwrap_or(spec.quality.pick(CRF)).to_string();
    let mut args = strings(&["-vf", &format!("{BT709_SCALE},format={pixel_format}")]);
    args.extend(strings(&[
        "-c:v",
        "libvpx-vp9",
        "-crf",
        &crf,
        "-b:v",
        "0",
        "-deadline",
        "good",
        "-cpu-used",
        spec.encoder_preset.unwrap_or("4"),
        "-row-mt",
        "1",
    ]));
    args.extend(strings(BT709_TAGS));
    args
}

fn webm_args(spec: &SinkSpec) -> Vec<String> {
    vp9_args(spec, "yuv420p")
}

fn webm_alpha_args(spec: &SinkSpec) -> Vec<String> {
    let mut args = vp9_args(spec, "yuva420p");
    // libvpx cannot use alternate reference frames together with an alpha channel.
    args.extend(strings(&["-auto-alt-ref", "0"]));
    args
}
