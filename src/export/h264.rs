//! H.264 formats: `mp4` (opaque) and `stacked-alpha` (colour over alpha matte, double height).

use super::video::{strings, VideoFormat, BT709_SCALE, BT709_TAGS};
use super::{Alpha, Quality, SinkSpec};

/// x264 CRF for low, medium, high, ultra.
const CRF: [u32; 4] = [28, 23, 18, 15];

/// `mp4`: H.264, yuv420p, `+faststart`, BT.709.
pub const MP4: VideoFormat = VideoFormat {
    name: "mp4",
    description: "H.264 MP4 (libx264, yuv420p, +faststart, BT.709); opaque, over the background colour",
    extension: "mp4",
    muxer: "mp4",
    alpha: Alpha::None,
    encoders: &["libx264"],
    even_size: true,
    crf_range: Some((0, 51)),
    streamable: true,
    quality_presets: "x264 CRF 28 / 23 / 18 / 15; --crf and --encoder-preset (x264 speed) override",
    encode_args: mp4_args,
};

/// `stacked-alpha`: H.264 MP4 with the alpha matte stacked under the colour (web players recombine).
pub const STACKED_ALPHA: VideoFormat = VideoFormat {
    name: "stacked-alpha",
    description: "H.264 MP4 with the alpha matte stacked under the colour (double height), for web players",
    extension: "mp4",
    muxer: "mp4",
    alpha: Alpha::Full,
    encoders: &["libx264"],
    even_size: true,
    crf_range: Some((0, 51)),
    streamable: true,
    quality_presets: "x264 CRF 28 / 23 / 18 / 15; --crf and --encoder-preset (x264 speed) override",
    encode_args: stacked_alpha_args,
};

fn x264_args(quality: Quality, crf: Option<u32>, preset: Option<&str>) -> Vec<String> {
    let crf = crf.unwrap_or(quality.pick(CRF)).to_string();
    strings(&["-c:v", "libx264", "-preset", preset.unwrap_or("medium"), "-crf", &crf])
}

fn mp4_args(spec: &SinkSpec) -> Vec<String> {
    let mut args = mp4_video_args(spec.quality, spec.crf, spec.encoder_preset);
    args.extend(strings(&["-movflags", "+faststart"]));
    args
}

/// The `mp4` format's conversion, encoder and colour tags (no muxer options), for a quality
/// preset or an explicit CRF and x264 speed preset; `holoforge bench` prices x264 with them.
pub fn mp4_video_args(quality: Quality, crf: Option<u32>, preset: Option<&str>) -> Vec<String> {
    let mut args = strings(&["-vf", &format!("{BT709_SCALE},format=yuv420p")]);
    args.extend(x264_args(quality, crf, preset));
    args.extend(strings(BT709_TAGS));
    args
}

fn stacked_alpha_args(spec: &SinkSpec) -> Vec<String> {
    // Straight colour on top, the alpha channel as a grey matte below (full-range grey 0..255 → tv).
    let graph = format!(
        "split[c][a];[c]{BT709_SCALE},format=yuv420p[top];\
         [a]alphaextract,format=gray,{BT709_SCALE},format=yuv420p[bottom];[top][bottom]vstack"
    );
    let mut args = strings(&["-filter_complex", &graph]);
    args.extend(x264_args(spec.quality, spec.crf, spec.encoder_preset));
    args.extend(strings(BT709_TAGS));
    args.extend(strings(&["-movflags", "+faststart"]));
    args
}
