//! Command-line definitions (clap derive). Also the source of the man page and completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::export::Quality;
use crate::scene::UpChoice;
use crate::settings::{from_cli, Settings};

/// Turn 3D models (glTF, GLB, OBJ, STL) into hologram videos, headless, on any GPU or on the CPU.
#[derive(Debug, Parser)]
#[command(name = "holoforge", version, about, long_about = None, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 done, 1 a job failed, 2 bad usage (nothing ran), 3 environment (no GPU adapter, no ffmpeg), 130 interrupted."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render one model into a hologram video or frame sequence.
    Render(RenderCommand),
    /// Render the built-in demo model: works with no input file.
    Demo(DemoCommand),
    /// Show what the loader understood of a model: triangles, bounds, materials, animations.
    Inspect(InspectCommand),
    /// List the export formats.
    Formats(FormatsCommand),
    /// Check this machine: GPU adapters and limits, ffmpeg and its encoders, formats available here.
    Doctor(DoctorCommand),
}

/// `holoforge render MODEL`.
#[derive(Debug, Args)]
pub struct RenderCommand {
    /// The model file (.gltf, .glb, .obj, .stl).
    pub model: PathBuf,
    /// Output and rendering options.
    #[command(flatten)]
    pub options: RenderOptions,
}

/// `holoforge demo`.
#[derive(Debug, Args)]
pub struct DemoCommand {
    /// Output and rendering options.
    #[command(flatten)]
    pub options: RenderOptions,
}

/// `holoforge inspect MODEL`.
#[derive(Debug, Args)]
pub struct InspectCommand {
    /// The model file.
    pub model: PathBuf,
    /// Up axis of the file: auto (glTF/OBJ Y-up, STL Z-up), y or z.
    #[arg(long, value_enum, default_value_t = UpChoice::Auto)]
    pub up: UpChoice,
    /// Print JSON for scripts instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `holoforge formats`.
#[derive(Debug, Args)]
pub struct FormatsCommand {
    /// Print JSON for scripts instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `holoforge doctor`.
#[derive(Debug, Args)]
pub struct DoctorCommand {
    /// The ffmpeg executable to check [default: as for render].
    #[arg(long, value_name = "PATH")]
    pub ffmpeg: Option<PathBuf>,
    /// Print JSON for scripts instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Options shared by `render`, `demo` and `run`: what to produce and how it looks. Each is also a
/// manifest key of the same name; given here, it overrides the manifest.
#[derive(Debug, Args, Clone, Default)]
pub struct RenderOptions {
    /// Output file, or folder for frame sequences [default: named after the model, in the current folder].
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,
    /// Output format (see `holoforge formats`) [default: mp4].
    #[arg(short, long, value_name = "FMT", value_parser = format_names())]
    pub format: Option<String>,
    /// Encoding quality (each format's meaning: `holoforge formats`) [default: high].
    #[arg(long, value_enum)]
    pub quality: Option<Quality>,
    /// Constant rate factor (or the format's quality number), overriding --quality.
    #[arg(long, value_name = "N")]
    pub crf: Option<u32>,
    /// Encoder speed preset, e.g. x264's ultrafast … veryslow, VP9's -cpu-used 0..8.
    #[arg(long, value_name = "NAME")]
    pub encoder_preset: Option<String>,
    /// Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p].
    #[arg(short, long, value_name = "SIZE")]
    pub size: Option<String>,
    /// Frames per second [default: 30].
    #[arg(long, value_name = "N")]
    pub fps: Option<u32>,
    /// Clip length in seconds; one turntable turn spans the clip [default: 6].
    #[arg(long, value_name = "SECONDS")]
    pub duration: Option<f64>,
    /// Number of frames to render [default: the whole clip].
    #[arg(long, value_name = "N")]
    pub frames: Option<u32>,
    /// First frame to render (for render farms: a range equals that range of a full run) [default: 0].
    #[arg(long, value_name = "N")]
    pub start_frame: Option<u32>,
    /// Camera elevation above the horizon, in degrees [default: 15].
    #[arg(long, value_name = "DEG", allow_negative_numbers = true)]
    pub elevation: Option<f32>,
    /// Turntable turns over the clip (negative: clockwise seen from above) [default: 1].
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub turns: Option<f32>,
    /// Vertical field of view in degrees [default: 35].
    #[arg(long, value_name = "DEG")]
    pub fov: Option<f32>,
    /// Space around the model, as a fraction of its size [default: 0.1].
    #[arg(long, value_name = "F")]
    pub margin: Option<f32>,
    /// Hologram colour (hex) [default: #00e5ff].
    #[arg(long, value_name = "HEX")]
    pub color: Option<String>,
    /// Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise].
    #[arg(long, value_name = "transparent|HEX")]
    pub background: Option<String>,
    /// Up axis of the model file: auto (glTF/OBJ Y-up, STL Z-up), y or z [default: auto].
    #[arg(long, value_enum)]
    pub up: Option<UpChoice>,
    /// Multisample anti-aliasing: 1 (off, fastest on CPU drivers) or 4 [default: 4].
    #[arg(long, value_name = "1|4")]
    pub msaa: Option<u32>,
    /// Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl
    /// (the adapter in use is shown when a render starts).
    #[arg(long, value_name = "NAME")]
    pub adapter: Option<String>,
    /// The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg].
    #[arg(long, value_name = "PATH")]
    pub ffmpeg: Option<PathBuf>,
    /// Overwrite existing outputs.
    #[arg(long)]
    pub force: bool,
    /// Print only warnings and errors.
    #[arg(short, long)]
    pub quiet: bool,
}

impl RenderOptions {
    /// The job settings given on the command line.
    pub fn settings(&self) -> Settings {
        Settings {
            output: from_cli(self.output.clone()),
            format: from_cli(self.format.clone()),
            quality: from_cli(self.quality),
            crf: from_cli(self.crf),
            encoder_preset: from_cli(self.encoder_preset.clone()),
            size: from_cli(self.size.clone()),
            fps: from_cli(self.fps),
            duration: from_cli(self.duration),
            frames: from_cli(self.frames),
            start_frame: from_cli(self.start_frame),
            elevation: from_cli(self.elevation),
            turns: from_cli(self.turns),
            fov: from_cli(self.fov),
            margin: from_cli(self.margin),
            color: from_cli(self.color.clone()),
            background: from_cli(self.background.clone()),
            up: from_cli(self.up),
            msaa: from_cli(self.msaa),
            ..Settings::default()
        }
    }
}

/// `--format` values, from the export registry.
fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(crate::export::format_names())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
