//! `webp`: animated WebP with alpha (libwebp_anim), looping.

use super::video::{strings, VideoFormat};
use super::{Alpha, SinkSpec};

/// libwebp quality (0..100) for low, medium, high, ultra.
const QUALITY: [u32; 4] = [60, 75, 90, 100];

/// `webp`: lossy animated WebP with an alpha channel.
pub const WEBP: VideoFormat = VideoFormat {
    name: "webp",
    description: "animated WebP with alpha (libwebp_anim), loops forever",
    extension: "webp",
    muxer: "webp",
    alpha: Alpha::Full,
    encoders: &["libwebp_anim"],
    even_size: false,
    crf_range: Some((0, 100)),
    streamable: false,
    quality_presets: "libwebp quality 60 / 75 / 90 / 100; --crf sets the quality (0..100)",
    encode_args: webp_args,
};

fn webp_args(spec: &SinkSpec) -> Vec<String> {
    let quality = spec.crf.unwrap_or(spec.quality.pick(QUALITY)).min(100).to_string();
    // RGB32 is the one RGB layout libwebp takes; it keeps the alpha channel.
    strings(&["-pix_fmt", "bgra", "-c:v", "libwebp_anim", "-lossless", "0", "-quality", &quality, "-loop", "0"])
}
