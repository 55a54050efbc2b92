//! `prores`: ProRes 4444 with alpha in QuickTime, the format After Effects, Premiere, Final Cut and
//! Resolve import with transparency.

use super::video::{strings, VideoFormat, BT709_TAGS};
use super::{Alpha, SinkSpec};

/// prores_ks quantiser (`-qscale:v`, lower is better) for low, medium, high, ultra.
const QSCALE: [u32; 4] = [12, 8, 4, 2];

/// `prores`: prores_ks, profile 4444, yuva444p10le, `.mov`.
pub const PRORES: VideoFormat = VideoFormat {
    name: "prores",
    description: "ProRes 4444 with alpha (.mov, yuva444p10le) for After Effects, Premiere, Final Cut, Resolve",
    extension: "mov",
    muxer: "mov",
    alpha: Alpha::Full,
    encoders: &["prores_ks"],
    even_size: false,
    crf_range: Some((1, 32)),
    streamable: false,
    quality_presets: "prores_ks -qscale:v 12 / 8 / 4 / 2 (lower is better); --crf sets -qscale:v",
    encode_args: prores_args,
};

fn prores_args(spec: &SinkSpec) -> Vec<String> {
    let qscale = spec.crf.unwrap_or(spec.quality.pick(QSCALE)).to_string();
    let mut args = strings(&[
        "-vf",
        "scale=out_color_matrix=bt709:out_range=tv,format=yuva444p10le",
        "-c:v",
        "prores_ks",
        "-profile:v",
        "4444",
        "-qscale:v",
        &qscale,
        "-alpha_bits",
        "16",
        "-vendor",
        "apl0",
    ]);
    args.extend(strings(BT709_TAGS));
    args
}
