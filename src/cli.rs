//! Command-line definitions (clap derive). Also the source of the man page and completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::export::Quality;
use crate::layout::{self, LayoutSpec};
use crate::progress::ProgressMode;
use crate::scene::{self, UpChoice};
use crate::settings::{from_cli, Settings};
use crate::{camera, look, render};

/// The command line; its help texts name what the registries hold (loaders, formats, styles).
#[derive(Debug, Parser)]
#[command(name = "holoforge", version, about = about(), long_about = None, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 done, 1 a job failed, 2 bad usage or an output refused (nothing ran), 3 environment (no GPU adapter, no ffmpeg), 130/143/129 stopped by Ctrl-C/SIGTERM/SIGHUP."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render models into hologram videos or frame sequences (one output per model).
    Render(RenderCommand),
    /// Render the built-in demo model: works with no input file.
    Demo(DemoCommand),
    /// Render every job of a TOML manifest (command-line options override it).
    Run(RunCommand),
    /// Check a manifest and print the resolved plan; nothing is rendered.
    Validate(ValidateCommand),
    /// Turn a PNG or RGBA frame sequence (e.g. assembled from farm shards) into any format.
    Encode(EncodeCommand),
    /// Show what the loader understood of a model: triangles, bounds, materials, animations.
    Inspect(InspectCommand),
    /// List the export formats.
    Formats(FormatsCommand),
    /// Check this machine: GPU adapters and limits, ffmpeg and its encoders, formats available here.
    Doctor(DoctorCommand),
    /// Time each stage of a frame (pre-pass, surfaces, edges, bloom, encode, readback) and the
    /// sinks on this machine's adapter, for one model and the render options given; writes nothing.
    Bench(BenchCommand),
    /// Print the completion script for a shell (bash, zsh, fish, powershell, elvish).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man pages into the man tree DIR (man1/holoforge.1, man1/holoforge-render.1, …,
    /// man5/holoforge-manifest.5), or print holoforge(1).
    Man {
        /// Man tree for the pages, e.g. ~/.local/share/man [default: print holoforge(1) to stdout].
        dir: Option<PathBuf>,
        /// Replace pages that exist in DIR.
        #[arg(long)]
        force: bool,
    },
    /// Write the man pages and shell completions under DIR (for packagers).
    #[command(hide = true)]
    GenerateDocs {
        /// Folder that receives man/ and completions/.
        dir: PathBuf,
    },
}

impl Command {
    /// Whether the command writes outputs (and so must clean up when a signal stops it).
    pub fn writes_outputs(&self) -> bool {
        matches!(self, Self::Render(_) | Self::Demo(_) | Self::Run(_) | Self::Encode(_))
    }
}

/// `holoforge render MODEL`.
#[derive(Debug, Args)]
pub struct RenderCommand {
    /// The model files, or - for standard input (the help text lists the loaders' extensions).
    #[arg(required = true, num_args = 1.., value_name = "MODEL", help = models_help())]
    pub models: Vec<PathBuf>,
    /// Output and rendering options.
    #[command(flatten)]
    pub options: RenderOptions,
}

/// `holoforge bench MODEL`.
#[derive(Debug, Args)]
pub struct BenchCommand {
    /// The model file (the help text lists the loaders' extensions).
    #[arg(value_name = "MODEL", help = models_help())]
    pub model: PathBuf,
    /// Rendering options, as for `render` (--frames: frames timed [default: 24]); no output is written.
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

/// `holoforge run MANIFEST`.
#[derive(Debug, Args)]
pub struct RunCommand {
    /// The job manifest (TOML: `[defaults]` and `[[job]]` tables).
    pub manifest: PathBuf,
    /// Settings that override every job of the manifest.
    #[command(flatten)]
    pub options: RenderOptions,
    /// Stop at the first failed job (by default the batch goes on).
    #[arg(long)]
    pub fail_fast: bool,
    /// Skip jobs whose outputs all exist (resume an interrupted batch).
    #[arg(long, conflicts_with = "force")]
    pub skip_existing: bool,
    /// Validate and print the plan; render nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Run only shard K of N (1-based): jobs K, K+N, K+2N, … — for render farms.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
}

/// `holoforge encode FRAMES_DIR`.
#[derive(Debug, Args)]
pub struct EncodeCommand {
    /// Folder of frame_NNNNN.png or frame_NNNNN.rgba files (rgba needs its frames.json).
    pub frames: PathBuf,
    /// Output format [default: what -o's extension names].
    #[arg(short, long, value_name = "FMT", value_parser = format_names())]
    pub format: Option<String>,
    /// Output path [default: named after the folder].
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Frames per second [default: frames.json's, else 30].
    #[arg(long, value_name = "N")]
    pub fps: Option<u32>,
    /// Background for opaque formats (hex) [default: black].
    #[arg(long, value_name = "HEX")]
    pub background: Option<String>,
    /// Encoder settings.
    #[command(flatten)]
    pub encoding: EncodingOptions,
    /// ffmpeg, overwriting, verbosity.
    #[command(flatten)]
    pub output_flags: OutputFlags,
}

/// Encoder settings shared by every command that writes a format.
#[derive(Debug, Args, Clone, Default)]
pub struct EncodingOptions {
    /// Encoding quality (each format's meaning: `holoforge formats`) [default: high].
    #[arg(long, value_enum)]
    pub quality: Option<Quality>,
    /// Constant rate factor (or the format's quality number), overriding --quality.
    #[arg(long, value_name = "N")]
    pub crf: Option<u32>,
    /// Encoder speed preset, e.g. x264's ultrafast … veryslow, VP9's -cpu-used 0..8.
    #[arg(long, value_name = "NAME")]
    pub encoder_preset: Option<String>,
}

/// How a command writes: which ffmpeg, whether it may overwrite, how much it says.
#[derive(Debug, Args, Clone, Default)]
pub struct OutputFlags {
    /// The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg].
    #[arg(long, value_name = "PATH")]
    pub ffmpeg: Option<PathBuf>,
    /// Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours,
    /// never a file the model reads).
    #[arg(long)]
    pub force: bool,
    /// Print only warnings and errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none.
    #[arg(long, value_enum, value_name = "MODE", default_value_t = ProgressMode::Auto)]
    pub progress: ProgressMode,
    /// Write NDJSON events to stdout for scripts (the same schema as `run --json`).
    #[arg(long)]
    pub json: bool,
}

/// `holoforge validate MANIFEST`.
#[derive(Debug, Args)]
pub struct ValidateCommand {
    /// The job manifest.
    pub manifest: PathBuf,
    /// Print the plan as JSON.
    #[arg(long)]
    pub json: bool,
}

/// One shard of a batch: K of N, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which shard (1..=count).
    pub index: usize,
    /// How many shards.
    pub count: usize,
}

impl Shard {
    /// Whether job number `job` (0-based, file order) belongs to this shard.
    pub fn includes(&self, job: usize) -> bool {
        job % self.count == self.index - 1
    }
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    let (k, n) = text.split_once('/').ok_or("write the shard as K/N, e.g. 2/8")?;
    let (index, count): (usize, usize) =
        (k.parse().map_err(|_| "K is not a number")?, n.parse().map_err(|_| "N is not a number")?);
    if count == 0 || index == 0 || index > count {
        return Err(format!("shard {index}/{count}: K must be between 1 and N"));
    }
    Ok(Shard { index, count })
}

/// `holoforge inspect MODEL`.
#[derive(Debug, Args)]
pub struct InspectCommand {
    /// The model file.
    #[arg(help = format!("The model file ({})", scene::supported_extensions()))]
    pub model: PathBuf,
    /// Up axis of the file: auto (by format), y or z.
    #[arg(long, value_enum, default_value_t = UpChoice::Auto, help = up_help(""))]
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
    /// Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif,
    /// rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp,
    /// .png) [default: named after the model, in the current folder].
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,
    /// Output format (see `holoforge formats`) [default: mp4].
    #[arg(short, long, value_name = "FMT", value_parser = format_names())]
    pub format: Option<String>,
    /// Encoder settings.
    #[command(flatten)]
    pub encoding: EncodingOptions,
    /// Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p].
    #[arg(short, long, value_name = "SIZE")]
    pub size: Option<String>,
    /// Frames per second [default: 30].
    #[arg(long, value_name = "N")]
    pub fps: Option<u32>,
    /// Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it
    /// [default: 6, or one play of the model's animation].
    #[arg(long, value_name = "SECONDS")]
    pub duration: Option<f64>,
    /// Number of frames to render from --start-frame; they must lie inside the clip [default: the
    /// rest of the clip].
    #[arg(long, value_name = "N")]
    pub frames: Option<u32>,
    /// First frame to render (for render farms: a range equals that range of a full run) [default: 0].
    #[arg(long, value_name = "N")]
    pub start_frame: Option<u32>,
    /// Camera motion or a named view for a still (the help text lists them).
    #[arg(long, value_name = "MOTION|VIEW", help = camera_help())]
    pub camera: Option<String>,
    /// Named view the motion starts from (the help text lists them).
    #[arg(long, value_name = "VIEW", help = format!("Named view the motion starts from ({})", camera::view_names().join(", ")))]
    pub view: Option<String>,
    /// Start azimuth in degrees, from the front towards the right [default: the view's, else 0].
    #[arg(long, value_name = "DEG", allow_negative_numbers = true)]
    pub azimuth: Option<f32>,
    /// Camera elevation above the horizon, in degrees [default: the view's, else 15].
    #[arg(long, value_name = "DEG", allow_negative_numbers = true)]
    pub elevation: Option<f32>,
    /// Turntable turns over the clip (negative: clockwise seen from above) [default: 1].
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub turns: Option<f32>,
    /// Orbit: total azimuth swing in degrees [default: 90].
    #[arg(long, value_name = "DEG")]
    pub orbit_sweep: Option<f32>,
    /// Orbit: elevation swing in degrees [default: 10].
    #[arg(long, value_name = "DEG")]
    pub orbit_swing: Option<f32>,
    /// Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep.
    #[arg(long)]
    pub orbit_loop: bool,
    /// Orthographic projection (no perspective).
    #[arg(long)]
    pub ortho: bool,
    /// Vertical field of view in degrees [default: 35].
    #[arg(long, value_name = "DEG")]
    pub fov: Option<f32>,
    /// Space around the model, as a fraction of its size [default: 0.1].
    #[arg(long, value_name = "F")]
    pub margin: Option<f32>,
    /// Surface style (the help text lists them).
    #[arg(long, value_name = "STYLE", help = style_help(), value_parser = clap::builder::PossibleValuesParser::new(look::style_names()))]
    pub style: Option<String>,
    /// Hologram colour (hex) [default: #00e5ff].
    #[allow(rustdoc::broken_intra_doc_links)] // the brackets are clap's help text, not a link
    #[arg(long, value_name = "HEX")]
    pub color: Option<String>,
    /// Look preset or a parameter as KEY=VALUE, repeatable (the help text lists them).
    #[arg(long, value_name = "PRESET|KEY=VALUE", help = look_help())]
    pub look: Vec<String>,
    /// Display layout (the help text lists them).
    #[arg(long, value_name = "LAYOUT", help = layout_help(), value_parser = clap::builder::PossibleValuesParser::new(layout::layout_names()))]
    pub layout: Option<String>,
    /// Display preset, which sets the layout too (the help text lists them).
    #[arg(long, value_name = "PRESET", help = format!("Display preset (sets the layout too): {}", layout::device_names()))]
    pub device: Option<String>,
    /// Quilt views as COLSxROWS [default: the device's].
    #[arg(long, value_name = "COLSxROWS")]
    pub quilt: Option<String>,
    /// Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40].
    #[arg(long, value_name = "DEG")]
    pub view_cone: Option<f32>,
    /// Quilt: the display's width / height [default: the device's].
    #[arg(long, value_name = "RATIO")]
    pub quilt_aspect: Option<f32>,
    /// Pyramid mounting: outward (views' tops point away from the centre) or inward [default: outward].
    #[arg(long, value_name = "outward|inward")]
    pub pyramid: Option<String>,
    /// Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3].
    #[arg(long, value_name = "F")]
    pub pyramid_gap: Option<f32>,
    /// Pyramid: mirror each view so that its reflection in the pane reads the right way round;
    /// false for displays that mirror the picture themselves [default: true].
    #[arg(long, value_name = "true|false")]
    pub pyramid_mirror: Option<bool>,
    /// Sheet: write each view's name in its corner [default: true].
    #[arg(long, value_name = "true|false")]
    pub sheet_labels: Option<bool>,
    /// Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise].
    #[arg(long, value_name = "transparent|HEX")]
    pub background: Option<String>,
    /// Up axis of the model file: auto (by format), y or z.
    #[arg(long, value_enum, help = up_help(" [default: auto]"))]
    pub up: Option<UpChoice>,
    /// glTF animation to play, by name or index [default: the first]; without --duration, one
    /// play of the clip is rendered.
    #[arg(long, value_name = "NAME|INDEX")]
    pub animation: Option<String>,
    /// Animation speed factor (2 = twice as fast) [default: 1].
    #[arg(long, value_name = "F")]
    pub animation_speed: Option<f64>,
    /// After the clip ends: loop, or clamp (hold the last pose) [default: loop].
    #[arg(long, value_name = "loop|clamp")]
    pub animation_end: Option<String>,
    /// Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail.
    #[arg(long)]
    pub poster: bool,
    /// The frame of the poster (implies --poster) [default: the first rendered].
    #[arg(long, value_name = "N")]
    pub poster_frame: Option<u32>,
    /// Anti-aliasing of edges (the help text lists the methods) [default: msaa].
    #[arg(long, value_name = "METHOD", help = aa_help(), value_parser = clap::builder::PossibleValuesParser::new(render::antialiasing_names()))]
    pub aa: Option<String>,
    /// Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none.
    #[arg(long, value_name = "1|4")]
    pub msaa: Option<u32>,
    /// Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl
    /// (the adapter in use is shown when a render starts).
    #[arg(long, value_name = "NAME")]
    pub adapter: Option<String>,
    /// ffmpeg, overwriting, verbosity.
    #[command(flatten)]
    pub output_flags: OutputFlags,
}

impl RenderOptions {
    /// The job settings given on the command line.
    pub fn settings(&self) -> Settings {
        Settings {
            output: from_cli(self.output.clone()),
            format: from_cli(self.format.clone()),
            quality: from_cli(self.encoding.quality),
            crf: from_cli(self.encoding.crf),
            encoder_preset: from_cli(self.encoding.encoder_preset.clone()),
            size: from_cli(self.size.clone()),
            fps: from_cli(self.fps),
            duration: from_cli(self.duration),
            frames: from_cli(self.frames),
            start_frame: from_cli(self.start_frame),
            camera: from_cli(self.camera.clone()),
            view: from_cli(self.view.clone()),
            azimuth: from_cli(self.azimuth),
            elevation: from_cli(self.elevation),
            orbit_sweep: from_cli(self.orbit_sweep),
            orbit_swing: from_cli(self.orbit_swing),
            orbit_loop: from_cli(self.orbit_loop.then_some(true)),
            ortho: from_cli(self.ortho.then_some(true)),
            turns: from_cli(self.turns),
            fov: from_cli(self.fov),
            margin: from_cli(self.margin),
            style: from_cli(self.style.clone()),
            color: from_cli(self.color.clone()),
            look: from_cli((!self.look.is_empty()).then(|| look_table(&self.look))),
            background: from_cli(self.background.clone()),
            layout: from_cli(self.layout_table()),
            up: from_cli(self.up),
            animation: from_cli(self.animation.clone()),
            animation_speed: from_cli(self.animation_speed),
            animation_end: from_cli(self.animation_end.clone()),
            aa: from_cli(self.aa.clone()),
            msaa: from_cli(self.msaa),
            poster: from_cli(self.poster.then_some(true)),
            poster_frame: from_cli(self.poster_frame),
            ..Settings::default()
        }
    }
}

impl RenderOptions {
    /// The layout flags as a layout table (None when no layout flag is given).
    fn layout_table(&self) -> Option<LayoutSpec> {
        let text = |v: &Option<String>| v.clone().map(toml::Value::String);
        let number = |v: Option<f32>| v.map(|n| toml::Value::Float(n as f64));
        let table: toml::Table = [
            ("type", text(&self.layout)),
            ("device", text(&self.device)),
            ("quilt", text(&self.quilt)),
            ("view-cone", number(self.view_cone)),
            ("aspect", number(self.quilt_aspect)),
            ("mount", text(&self.pyramid)),
            ("gap", number(self.pyramid_gap)),
            ("mirror", self.pyramid_mirror.map(toml::Value::Boolean)),
            ("labels", self.sheet_labels.map(toml::Value::Boolean)),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_string(), value?)))
        .collect();
        (!table.is_empty()).then_some(LayoutSpec(table))
    }
}

/// `--look` arguments as a look table: `KEY=VALUE`, or a bare preset name.
fn look_table(args: &[String]) -> toml::Table {
    args.iter()
        .map(|arg| match arg.split_once('=') {
            Some((key, value)) => (key.trim().to_string(), toml::Value::String(value.trim().to_string())),
            None => ("preset".to_string(), toml::Value::String(arg.trim().to_string())),
        })
        .collect()
}

/// `--format` values, from the export registry.
fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(crate::export::format_names())
}

/// The one-line description: what holoforge reads (from the loader registry) and makes.
fn about() -> String {
    format!("Turn 3D models ({}) into hologram videos, headless, on any GPU or on the CPU", scene::format_titles("and"))
}

/// The help text of `--camera`: the motions and views.
fn camera_help() -> String {
    let motions: Vec<String> = camera::MOTIONS.iter().map(|(name, what)| format!("{name} ({what})")).collect();
    format!(
        "Camera motion: {}, {}NAME (a camera of the model file), or a named view for a still ({}) [default: \
         turntable, or path when the job has one]",
        motions.join(", "),
        camera::FILE_CAMERA_PREFIX,
        camera::view_names().join(", ")
    )
}

/// The help text of `--style`, from the style table.
fn style_help() -> String {
    let styles: Vec<String> = look::STYLES.iter().map(|(name, _, what)| format!("{name} ({what})")).collect();
    format!("Surface style: {} [default: {}]", crate::text::series(&styles, "or"), look::STYLES[0].0)
}

/// The help text of `--aa`: the methods and what each does.
fn aa_help() -> String {
    let methods: Vec<String> = render::ANTIALIASING.iter().map(|(name, _, what)| format!("{name} ({what})")).collect();
    format!("Anti-aliasing of edges: {} [default: msaa]", crate::text::series(&methods, "or"))
}

/// The help text of `--look`: its presets and keys.
fn look_help() -> String {
    let keys: Vec<&str> = look::KEYS.iter().copied().filter(|k| *k != "preset").collect();
    format!(
        "Look preset ({}) or a parameter as KEY=VALUE ({}); repeatable",
        look::preset_names().join(", "),
        keys.join(", ")
    )
}

/// The help text of `--layout`, from the layout table.
fn layout_help() -> String {
    let layouts: Vec<String> = layout::LAYOUTS.iter().map(|l| format!("{} ({})", l.name, l.about)).collect();
    format!("Display layout: {} [default: {}]", crate::text::series(&layouts, "or"), layout::LAYOUTS[0].name)
}

/// The help text of `render`'s models, listing the registry's extensions.
fn models_help() -> String {
    format!(
        "The model files ({}), or - to read one from standard input (its content tells the format; a glTF with \
         external files cannot come this way). Several models are rendered as a batch into the folder -o names \
         (failures isolated, one summary)",
        scene::supported_extensions()
    )
}

/// The help text of `--up`, with each format's default axis from the loader registry.
fn up_help(default: &str) -> String {
    format!("Up axis of the model file: auto ({}), y or z{default}", scene::default_up_axes())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
