//! The lists kept by hand, held together: every `render`/`run` flag reaches a job setting (or
//! says why it is for the command line only), every manifest key has its flag (or a reason),
//! every look key parses and is in the help and the README's table, every layout key is accepted
//! by a manifest and set by a flag, and the settings' descriptions name every style, motion and
//! layout, and the package description names every model format.

use clap::CommandFactory;

use crate::cli::{Cli, Command};
use crate::layout::{self, Layout, LayoutSpec};
use crate::look::{self, Look};
use crate::settings::Settings;

/// Flags that set no job setting, and why.
const COMMAND_LINE_ONLY: &[(&str, &str)] = &[
    ("ffmpeg", "the machine's ffmpeg, not the job's"),
    ("adapter", "the machine's GPU adapter, not the job's"),
    ("force", "permission to replace outputs is given per run, never stored with a job"),
    ("quiet", "terminal output"),
    ("progress", "terminal output"),
    ("json", "terminal output"),
    ("fail-fast", "how a batch reacts to a failure"),
    ("skip-existing", "how a batch resumes"),
    ("dry-run", "plans a batch without running it"),
    ("shard", "which jobs of a batch this process runs"),
];

/// Manifest keys with no flag of the same name, and why.
const MANIFEST_ONLY: &[(&str, &str)] = &[
    ("model", "the command line names its models as arguments"),
    ("name", "a job's name labels it among the jobs of a manifest"),
    ("formats", "the command line renders one --format per run"),
    ("path", "keyframes are [[job.path]] tables"),
    ("layout", "the command line sets the layout table key by key (LAYOUT_FLAGS)"),
];

/// The flags that fill the `layout` table, and the key each sets.
const LAYOUT_FLAGS: &[(&str, &str)] = &[
    ("layout", "type"),
    ("device", "device"),
    ("quilt", "quilt"),
    ("view-cone", "view-cone"),
    ("quilt-aspect", "aspect"),
    ("pyramid", "mount"),
    ("pyramid-gap", "gap"),
    ("pyramid-mirror", "mirror"),
    ("sheet-labels", "labels"),
];

/// A value each flag parses, by its value name (or its first possible value).
fn sample_value(arg: &clap::Arg) -> Option<String> {
    if matches!(arg.get_action(), clap::ArgAction::SetTrue) {
        return None;
    }
    if let Some(value) = arg.get_possible_values().into_iter().find(|v| !v.is_hide_set()) {
        return Some(value.get_name().to_string());
    }
    let name = arg.get_value_names().and_then(|n| n.first()).map(|n| n.to_string()).unwrap_or_default();
    let sample = match name.as_str() {
        "N" | "1|4" => "4",
        "DEG" | "SECONDS" => "12",
        "F" | "RATIO" => "0.5",
        "HEX" => "#112233",
        "PATH" => "out.mp4",
        "SIZE" => "64x48",
        "COLSxROWS" => "4x2",
        "true|false" => "false",
        "NAME" | "NAME|INDEX" => "walk",
        "PRESET" => "go",
        "PRESET|KEY=VALUE" => "amber",
        "MOTION|VIEW" => "orbit",
        "VIEW" => "top",
        "transparent|HEX" => "transparent",
        "loop|clamp" => "clamp",
        "outward|inward" => "inward",
        "K/N" => "1/2",
        other => panic!("--{}: add a sample value for {other}", arg.get_long().unwrap_or_default()),
    };
    Some(sample.to_string())
}

/// The settings `holoforge SUBCOMMAND FIRST --long [value]` gives.
fn settings_of(subcommand: &str, first: &str, arg: &clap::Arg) -> Settings {
    let long = arg.get_long().expect("a flag");
    let mut argv = vec!["holoforge".to_string(), subcommand.to_string(), first.to_string(), format!("--{long}")];
    argv.extend(sample_value(arg));
    let cli = <Cli as clap::Parser>::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    match cli.command {
        Command::Render(render) => render.options.settings(),
        Command::Run(run) => run.options.settings(),
        _ => unreachable!("render or run"),
    }
}

/// The long flags of a subcommand, without `--help`.
fn flags(subcommand: &str) -> Vec<clap::Arg> {
    let cli = Cli::command();
    let command = cli.find_subcommand(subcommand).expect("subcommand").clone();
    command.get_arguments().filter(|a| a.get_long().is_some_and(|l| l != "help")).cloned().collect()
}

#[test]
fn every_render_and_run_flag_reaches_a_setting_or_is_marked_command_line_only() {
    for (subcommand, first) in [("render", "model.glb"), ("run", "jobs.toml")] {
        for arg in flags(subcommand) {
            let long = arg.get_long().unwrap();
            let given = settings_of(subcommand, first, &arg);
            let keys = given.given_keys();
            if let Some((_, why)) = COMMAND_LINE_ONLY.iter().find(|(flag, _)| *flag == long) {
                assert!(keys.is_empty(), "--{long} is marked command-line only ({why}) but sets {keys:?}");
                continue;
            }
            match LAYOUT_FLAGS.iter().find(|(flag, _)| *flag == long) {
                Some((_, key)) => {
                    assert_eq!(keys, ["layout"], "{subcommand} --{long}");
                    let table = &given.layout.as_ref().unwrap().get_ref().0;
                    assert!(table.contains_key(*key), "{subcommand} --{long} does not set layout.{key}: {table:?}");
                }
                None => assert_eq!(keys, [long], "{subcommand} --{long} sets another key than its own name"),
            }
        }
    }
}

#[test]
fn every_manifest_key_has_its_flag_or_a_reason() {
    let render: Vec<String> = flags("render").iter().map(|a| a.get_long().unwrap().to_string()).collect();
    for key in Settings::keys() {
        let manifest_only = MANIFEST_ONLY.iter().any(|(k, _)| *k == key);
        let has_flag = render.contains(&key) && key != "layout";
        assert!(has_flag != manifest_only, "manifest key '{key}': a flag of its name XOR a MANIFEST_ONLY reason");
    }
    for (key, _) in MANIFEST_ONLY {
        assert!(Settings::keys().iter().any(|k| k == key), "MANIFEST_ONLY names '{key}', which is no manifest key");
    }
}

#[test]
fn every_layout_key_is_accepted_by_a_manifest_and_set_by_a_flag() {
    for key in layout::keys() {
        assert!(LAYOUT_FLAGS.iter().any(|(_, k)| *k == key), "layout key '{key}' has no flag");
        if key == "type" {
            continue;
        }
        let kind = layout::LAYOUTS.iter().find(|l| l.keys.contains(&key)).expect("a layout takes it");
        let value = match key {
            "device" => match kind.name {
                "quilt" => "\"go\"",
                _ => "\"phone\"",
            },
            "quilt" => "\"4x2\"",
            "view-cone" => "30",
            "aspect" => "1.5",
            "mount" => "\"inward\"",
            "gap" => "0.5",
            "labels" | "mirror" => "false",
            other => panic!("layout key '{other}': add a sample value"),
        };
        let manifest = format!("[layout]\ntype = \"{}\"\n{key} = {value}\n", kind.name);
        let settings: Settings = toml::from_str(&manifest).unwrap_or_else(|e| panic!("{manifest}: {e}"));
        let spec: &LayoutSpec = settings.layout.as_ref().unwrap().get_ref();
        let resolved = Layout::resolve(spec, None).unwrap_or_else(|e| panic!("{manifest}: {e:#}"));
        assert_eq!(resolved.name(), kind.name, "{manifest}");
    }
}

#[test]
fn every_look_key_parses_changes_the_look_and_is_in_the_help_and_the_readme() {
    let help = Cli::command().find_subcommand_mut("render").unwrap().render_long_help().to_string();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let readme_table: Vec<&str> = readme.lines().filter(|l| l.starts_with("| `")).collect();
    for key in look::KEYS {
        let changed = ["0.5", "0.75", "0.1", "3", "7", "true", "model", "amber", "#123456"].iter().any(|value| {
            let mut look = Look::default();
            look.set(key, value).is_ok() && look != Look::default()
        });
        assert!(changed, "look key '{key}' parses no sample value into a changed look");
        match *key {
            "preset" => assert!(readme.contains("`--look PRESET`"), "README: --look PRESET"),
            "color" => assert!(readme.contains("`--color HEX`"), "README: --color HEX"),
            key => {
                assert!(help.contains(key), "--look's help lacks '{key}'");
                let cell = format!("`{key}`");
                assert!(readme_table.iter().any(|row| row.contains(&cell)), "README's look table lacks {cell}");
            }
        }
    }
    assert!(Look::default().set("no-such-key", "1").is_err());
}

#[test]
fn the_manifest_key_descriptions_name_every_style_motion_and_layout() {
    let described = Settings::described_keys();
    let description = |key: &str| described.iter().find(|(k, _)| k == key).map(|(_, d)| d.clone()).unwrap();
    let names =
        [("style", look::style_names()), ("camera", crate::camera::motion_names()), ("layout", layout::layout_names())];
    for (key, names) in names {
        for name in names {
            assert!(description(key).contains(&format!("`{name}`")), "the '{key}' key's description lacks `{name}`");
        }
    }
}

#[test]
fn the_package_description_names_every_model_format() {
    for loader in crate::scene::LOADERS {
        assert!(
            env!("CARGO_PKG_DESCRIPTION").contains(loader.title),
            "Cargo.toml's description lacks {}",
            loader.title
        );
    }
}
