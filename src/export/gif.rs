//! `gif`: an optimal-palette GIF in one ffmpeg run (palettegen and paletteuse over the whole clip),
//! looping forever; a transparent job keeps on/off transparency.

use super::video::{strings, VideoFormat};
use super::{Alpha, SinkSpec};

/// Palette size for low, medium, high, ultra.
const COLOURS: [u32; 4] = [64, 128, 256, 256];
/// Bayer dither scale (higher = less visible pattern, more banding) for low, medium, high, ultra.
const BAYER_SCALE: [u32; 4] = [5, 5, 5, 3];

/// `gif`: ffmpeg's gif encoder with a per-clip palette.
pub const GIF: VideoFormat = VideoFormat {
    name: "gif",
    description: "GIF with an optimal palette, loops forever; on/off transparency with --background transparent",
    extension: "gif",
    muxer: "gif",
    alpha: Alpha::Binary,
    encoders: &["gif"],
    even_size: false,
    crf_range: None,
    streamable: true,
    quality_presets: "palette of 64 / 128 / 256 / 256 colours, Bayer dither scale 5 / 5 / 5 / 3",
    encode_args: gif_args,
};

fn gif_args(spec: &SinkSpec) -> Vec<String> {
    let transparent = spec.transparent as u8;
    let graph = format!(
        "split[a][b];[a]palettegen=stats_mode=diff:max_colors={}:reserve_transparent={transparent}[p];\
         [b][p]paletteuse=dither=bayer:bayer_scale={}:diff_mode=rectangle:alpha_threshold=128",
        spec.quality.pick(COLOURS),
        spec.quality.pick(BAYER_SCALE),
    );
    strings(&["-filter_complex", &graph, "-loop", "0"])
}
