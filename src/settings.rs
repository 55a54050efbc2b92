//! Every per-job setting as a user typed it — on the command line or in a manifest table — all
//! optional, each with the span it came from (so validation errors can point at `file:line:col`).
//! Layers merge key by key: manifest `[defaults]` < `[[job]]` < command-line flags.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::camera_path::PathKey;
use crate::export::Quality;
use crate::layout::LayoutSpec;
use crate::scene::UpChoice;

macro_rules! settings {
    ($($(#[doc = $doc:literal])* $field:ident: $ty:ty,)*) => {
        /// Settings of one job before resolution; field names are the manifest keys
        /// (kebab-case, as the command-line flags).
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct Settings {
            $($(#[doc = $doc])* pub $field: Option<Spanned<$ty>>,)*
        }

        impl Settings {
            /// Every key a manifest table accepts (kebab-case), for "did you mean" hints.
            pub fn keys() -> Vec<String> {
                [$(stringify!($field)),*].iter().map(|k| k.replace('_', "-")).collect()
            }

            /// Every key with its one-line description (the field's doc comment), for the
            /// manifest's man page.
            pub fn described_keys() -> Vec<(String, String)> {
                vec![$((stringify!($field).replace('_', "-"), concat!($($doc),*).trim().to_string())),*]
            }

            /// The keys this layer sets (kebab-case).
            #[cfg(test)]
            pub fn given_keys(&self) -> Vec<String> {
                let given = [$((stringify!($field), self.$field.is_some())),*];
                given.iter().filter(|(_, set)| *set).map(|(k, _)| k.replace('_', "-")).collect()
            }

            /// Overlays `over` on `self` key by key.
            fn merge_fields(&mut self, over: &Settings) {
                $(if over.$field.is_some() {
                    self.$field = over.$field.clone();
                })*
            }
        }
    };
}

settings! {
    /// Model file (manifests only; relative to the manifest's folder).
    model: String,
    /// A name for the job in summaries and events.
    name: String,
    /// Output file or folder.
    output: String,
    /// One export format.
    format: String,
    /// Several export formats rendered once (manifests only).
    formats: Vec<String>,
    /// Frame size (`1080p`, `WxH`, …).
    size: String,
    /// Frames per second.
    fps: u32,
    /// Clip length in seconds.
    duration: f64,
    /// Number of frames to render.
    frames: u32,
    /// First frame to render.
    start_frame: u32,
    /// Camera motion (`turntable`, `orbit`, `still`, `path`), `file:NAME` or a named view for a still.
    camera: String,
    /// Named view the motion starts from.
    view: String,
    /// Start azimuth in degrees.
    azimuth: f32,
    /// Camera elevation in degrees.
    elevation: f32,
    /// Turntable turns over the clip.
    turns: f32,
    /// Orbit: total azimuth swing in degrees.
    orbit_sweep: f32,
    /// Orbit: elevation swing in degrees.
    orbit_swing: f32,
    /// Orbit: a full turn instead of the back-and-forth sweep.
    orbit_loop: bool,
    /// Orthographic projection.
    ortho: bool,
    /// Keyframed camera path (manifests: `[[job.path]]` tables).
    path: Vec<PathKey>,
    /// glTF animation clip to play, by name or index.
    animation: String,
    /// Playback speed factor.
    animation_speed: f64,
    /// After the clip ends: `loop` or `clamp` (hold the last pose).
    animation_end: String,
    /// Vertical field of view in degrees.
    fov: f32,
    /// Space around the model.
    margin: f32,
    /// Surface style: `hologram`, `shaded` or `wireframe`.
    style: String,
    /// Hologram colour.
    color: String,
    /// Look parameters and preset (`[look]` table; `--look KEY=VALUE` / `--look PRESET`).
    look: toml::Table,
    /// `transparent` or a colour.
    background: String,
    /// Display layout: `single`, `quilt`, `pyramid`, `fan`, `sheet`, or a table with `type` and its options.
    layout: LayoutSpec,
    /// Up axis.
    up: UpChoice,
    /// Anti-aliasing: `msaa` (4×, the default), `fxaa` or `none`.
    aa: String,
    /// MSAA samples, the older spelling of `aa`: 4 is `msaa`, 1 is `none`.
    msaa: u32,
    /// Encoding quality preset.
    quality: Quality,
    /// Constant rate factor.
    crf: u32,
    /// Encoder speed preset.
    encoder_preset: String,
    /// Also write `<output stem>.poster.jpg`, one frame as a thumbnail.
    poster: bool,
    /// The frame of the poster [default: the first rendered].
    poster_frame: u32,
}

impl Settings {
    /// Overlays `over` on `self`: each key `over` sets wins, `format` and `formats` replace
    /// each other (a job's `formats` overrides a default `format`), and a `layout` drops the
    /// `size` of the layers below (the display sets it).
    pub fn merge(&mut self, over: &Settings) {
        // `look` and `layout` tables merge key by key; a preset (a layout type) starts afresh.
        let look = merged_tables(&self.look, &over.look, "preset", |t| t, |t| t);
        let layout = merged_tables(&self.layout, &over.layout, "type", |l| &l.0, LayoutSpec);
        // A layout brings its display's size: it replaces a size inherited from the layers below.
        if over.layout.is_some() && over.size.is_none() {
            self.size = None;
        }
        self.merge_fields(over);
        self.look = look;
        self.layout = layout;
        if over.formats.is_some() && over.format.is_none() {
            self.format = None;
        }
        if over.format.is_some() && over.formats.is_none() {
            self.formats = None;
        }
        // `aa` and `msaa` are two spellings of one setting: the layer above replaces both.
        if over.aa.is_some() && over.msaa.is_none() {
            self.msaa = None;
        }
        if over.msaa.is_some() && over.aa.is_none() {
            self.aa = None;
        }
    }
}

/// `top` over `base` key by key, unless `top` sets `reset_key` (then `top` alone).
fn merged_tables<T: Clone>(
    base: &Option<Spanned<T>>,
    top: &Option<Spanned<T>>,
    reset_key: &str,
    table: impl Fn(&T) -> &toml::Table,
    wrap: impl Fn(toml::Table) -> T,
) -> Option<Spanned<T>> {
    match (base, top) {
        (Some(base), Some(top)) => {
            let top_table = table(top.get_ref());
            let mut merged =
                if top_table.contains_key(reset_key) { toml::Table::new() } else { table(base.get_ref()).clone() };
            merged.extend(top_table.iter().map(|(k, v)| (k.clone(), v.clone())));
            Some(Spanned::new(top.span(), wrap(merged)))
        }
        (base, top) => top.clone().or_else(|| base.clone()),
    }
}

/// A value given on the command line: it has no position in a file.
pub fn from_cli<T>(value: Option<T>) -> Option<Spanned<T>> {
    value.map(|v| Spanned::new(0..0, v))
}

/// The value of a setting, if set.
pub fn value<T>(setting: &Option<Spanned<T>>) -> Option<&T> {
    setting.as_ref().map(Spanned::get_ref)
}

/// Where a setting came from, attached to a validation error (empty span: the command line).
#[derive(Debug, Clone)]
pub struct SettingAt {
    /// The manifest key.
    pub key: &'static str,
    /// Byte range in the manifest.
    pub span: Range<usize>,
}

impl std::fmt::Display for SettingAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)
    }
}

/// Tags `error` with the key and span of `setting` when the value came from a file.
pub fn located<T>(error: anyhow::Error, key: &'static str, setting: &Option<Spanned<T>>) -> anyhow::Error {
    match setting {
        Some(s) if !s.span().is_empty() => error.context(SettingAt { key, span: s.span() }),
        _ => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Settings {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn later_layers_win_key_by_key() {
        let mut settings = parse("size = \"720p\"\nfps = 24\nformat = \"png\"");
        settings.merge(&parse("fps = 60\nformats = [\"mp4\", \"gif\"]"));
        assert_eq!(value(&settings.size).map(String::as_str), Some("720p"));
        assert_eq!(value(&settings.fps), Some(&60));
        assert!(settings.format.is_none(), "a job's formats replaces the default format");
        assert_eq!(value(&settings.formats).map(Vec::len), Some(2));
        settings.merge(&Settings { format: from_cli(Some("webp".to_string())), ..Settings::default() });
        assert!(settings.formats.is_none());
    }

    #[test]
    fn a_layout_replaces_an_inherited_size_but_not_its_own() {
        let mut settings = parse("size = \"1080p\"");
        settings.merge(&parse("layout = \"fan\""));
        assert!(settings.size.is_none());
        let mut settings = parse("size = \"1080p\"");
        settings.merge(&parse("layout = \"fan\"\nsize = \"720x720\""));
        assert_eq!(value(&settings.size).unwrap(), "720x720");
        settings.merge(&parse("[layout]\ndevice = \"fan-1024\""));
        assert_eq!(value(&settings.layout).unwrap().0.len(), 2, "layout tables merge key by key");
    }

    #[test]
    fn look_tables_merge_key_by_key_and_a_preset_resets_them() {
        let mut settings = parse("[look]\npreset = \"amber\"\nflicker = 0.2");
        settings.merge(&parse("[look]\nrim-power = 4"));
        let look = value(&settings.look).unwrap();
        assert_eq!(look.len(), 3);
        settings.merge(&parse("[look]\npreset = \"mono\""));
        assert_eq!(value(&settings.look).unwrap().len(), 1, "a new preset starts from scratch");
    }

    #[test]
    fn values_remember_where_they_were_written() {
        let settings = parse("fps = 24\nsize = \"720p\"");
        assert_eq!(settings.size.unwrap().span(), 16..22);
    }
}
