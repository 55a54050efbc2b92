//! `mp4-hevc`: H.265 in MP4, tagged `hvc1` so Apple players open it.

use super::video::{strings, VideoFormat, BT709_SCALE, BT709_TAGS};
use super::{Alpha, SinkSpec};

/// x265 CRF for low, medium, high, ultra.
const CRF: [u32; 4] = [32, 28, 23, 19];

/// `mp4-hevc`: libx265, yuv420p, `-tag:v hvc1`, `+faststart`, BT.709.
pub const MP4_HEVC: VideoFormat = VideoFormat {
    name: "mp4-hevc",
    description: "H.265/HEVC MP4 (libx265, yuv420p, hvc1 tag for Apple players); opaque",
    extension: "mp4",
    muxer: "mp4",
    alpha: Alpha::None,
    encoders: &["libx265"],
    even_size: true,
    crf_range: Some((0, 51)),
    streamable: true,
    quality_presets: "x265 CRF 32 / 28 / 23 / 19; --crf and --encoder-preset (x265 speed) override",
    encode_args: hevc_args,
};

fn hevc_args(spec: &SinkSpec) -> Vec<String> {
    let crf = spec.crf.unwrap_or(spec.quality.pick(CRF)).to_string();
    let mut args = strings(&["-vf", &format!("{BT709_SCALE},format=yuv420p")]);
    args.extend(strings(&[
        "-c:v",
        "libx265",
        "-preset",
        spec.encoder_preset.unwrap_or("medium"),
        "-crf",
        &crf,
        "-x265-params",
        "log-level=error",
        "-tag:v",
        "hvc1",
    ]));
    args.extend(strings(BT709_TAGS));
    args.extend(strings(&["-movflags", "+faststart"]));
    args
}
