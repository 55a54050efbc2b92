//! `apng`: animated PNG (lossless, full alpha), looping.

use super::video::{strings, VideoFormat};
use super::{Alpha, SinkSpec};

/// `apng`: ffmpeg's apng encoder, RGBA.
pub const APNG: VideoFormat = VideoFormat {
    name: "apng",
    description: "animated PNG with alpha (lossless, large files), loops forever",
    extension: "png",
    muxer: "apng",
    alpha: Alpha::Full,
    encoders: &["apng"],
    even_size: false,
    crf_range: None,
    streamable: false,
    quality_presets: "lossless: the presets do not change the pictures",
    encode_args: apng_args,
};

fn apng_args(_spec: &SinkSpec) -> Vec<String> {
    strings(&["-c:v", "apng", "-pix_fmt", "rgba", "-pred", "mixed", "-plays", "0"])
}
