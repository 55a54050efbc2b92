//! Man pages and shell completions, generated from the clap definition (the one source of the
//! command-line documentation) and from the manifest's key list. `holoforge generate-docs DIR`
//! writes them; a test keeps the checked-in copies in `man/` and `completions/` current.
//!
//! The pages form a man tree: `man1/holoforge.1`, one `man1/holoforge-SUBCOMMAND.1` per visible
//! subcommand, and `man5/holoforge-manifest.5` for the job manifest. Each command page has clap's
//! NAME, SYNOPSIS (`holoforge render …`), DESCRIPTION and OPTIONS, then EXIT STATUS, ENVIRONMENT
//! (where it applies), EXAMPLES and SEE ALSO from the tables below; SEE ALSO names only pages that
//! are shipped.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;
use roff::{bold, italic, roman, Roff};

use crate::cli::Cli;

/// What a subcommand's page says beyond its options.
struct PageText {
    /// The subcommand (`""` for holoforge(1) itself).
    command: &'static str,
    /// Exit codes and what each means for this command.
    exit: &'static [(&'static str, &'static str)],
    /// Whether the ENVIRONMENT section applies (commands that render or encode).
    environment: bool,
    /// Examples: what it does, and the command line.
    examples: &'static [(&'static str, &'static str)],
}

/// Exit codes when a signal stops a command that writes outputs.
const SIGNALS: (&str, &str) = (
    "130, 143, 129",
    "Stopped by Ctrl-C, SIGTERM or SIGHUP (128 + the signal): the current frame finishes, ffmpeg is closed and \
     the partial output is removed; a second signal quits at once.",
);
const ENVIRONMENT_PROBLEM: (&str, &str) =
    ("3", "The machine lacks something: no usable GPU adapter, no ffmpeg or one of its encoders, the GPU device lost.");

/// The EXIT STATUS, ENVIRONMENT and EXAMPLES of every page.
const PAGES: &[PageText] = &[
    PageText {
        command: "",
        exit: &[
            ("0", "Done."),
            ("1", "A job failed: a model could not be read or rendered, or ffmpeg failed."),
            ("2", "Bad usage or settings, or an output refused; nothing ran."),
            ENVIRONMENT_PROBLEM,
            SIGNALS,
        ],
        environment: true,
        examples: &[
            ("A hologram turntable of a model, as MP4:", "holoforge render model.glb"),
            ("Works with no input file and no GPU:", "holoforge demo -o demo.mp4"),
            ("Every job of a manifest:", "holoforge run jobs.toml"),
        ],
    },
    PageText {
        command: "render",
        exit: &[
            ("0", "Every model was rendered and its outputs written."),
            (
                "1",
                "A model could not be read or rendered, or ffmpeg failed; with several models the others are still \
                 written.",
            ),
            (
                "2",
                "Bad usage or settings (unknown format, odd size for MP4, a frame range outside the clip), or an \
                 output refused (it exists and --force is not given, it is a folder holoforge did not write, it is \
                 an input, another process writes it); nothing was rendered.",
            ),
            ENVIRONMENT_PROBLEM,
            SIGNALS,
        ],
        environment: true,
        examples: &[
            ("A transparent WebM of a glTF model:", "holoforge render model.glb -o model.webm"),
            ("A still in the shaded style:", "holoforge render model.glb --camera isometric --style shaded -o still.png"),
            ("Frames 60 to 119 of the full clip, for a farm task:", "holoforge render model.glb -f png --start-frame 60 --frames 60 -o frames/"),
            ("Several models into one folder:", "holoforge render a.glb b.obj c.stl -o renders/"),
            ("A model from a pipe, the video to another:", "cat model.glb | holoforge render - -f webm -o - > model.webm"),
            ("A contact sheet for a catalogue:", "holoforge render model.glb --layout sheet --frames 1 -o sheet.jpg"),
        ],
    },
    PageText {
        command: "demo",
        exit: &[
            ("0", "The outputs were written."),
            ("1", "Rendering or ffmpeg failed."),
            ("2", "Bad usage or settings, or an output refused; nothing was rendered."),
            ENVIRONMENT_PROBLEM,
            SIGNALS,
        ],
        environment: true,
        examples: &[
            ("Check that rendering works on this machine:", "holoforge demo -o demo.mp4"),
            ("A Looking Glass quilt of the demo model:", "holoforge demo --device portrait -o quilt.mp4"),
        ],
    },
    PageText {
        command: "run",
        exit: &[
            ("0", "Every job was done (or skipped with --skip-existing)."),
            ("1", "A job failed, or did not run after --fail-fast stopped the batch; the other jobs' outputs are written."),
            ("2", "The manifest has problems (every one is listed, as FILE:LINE:COLUMN) or an output is refused; nothing ran."),
            ENVIRONMENT_PROBLEM,
            SIGNALS,
        ],
        environment: true,
        examples: &[
            ("Every job, a summary table at the end:", "holoforge run jobs.toml"),
            ("Options given here override the manifest:", "holoforge run jobs.toml --size 720p --fps 24"),
            ("Shard 3 of 8 on a farm, NDJSON events on stdout:", "holoforge run jobs.toml --shard 3/8 --json"),
            ("Resume an interrupted batch:", "holoforge run jobs.toml --skip-existing"),
        ],
    },
    PageText {
        command: "validate",
        exit: &[
            ("0", "The manifest is valid; the plan is printed."),
            ("2", "The manifest has problems; every one is listed, as FILE:LINE:COLUMN."),
            ("3", "A format the manifest asks for needs ffmpeg or an encoder this machine lacks."),
        ],
        environment: false,
        examples: &[
            ("Check a manifest before submitting it:", "holoforge validate jobs.toml"),
            ("The plan for a script (jobs, frame ranges, outputs):", "holoforge validate jobs.toml --json"),
        ],
    },
    PageText {
        command: "encode",
        exit: &[
            ("0", "The output was written."),
            ("1", "A frame could not be read, or ffmpeg failed."),
            ("2", "Bad usage: no frames in the folder, frames of different sizes, an unknown format, an output refused."),
            ENVIRONMENT_PROBLEM,
            SIGNALS,
        ],
        environment: true,
        examples: &[
            ("Frame-range shards assembled into one video:", "holoforge encode frames/ -o clip.mp4"),
            ("ProRes 4444 with alpha, from the extension:", "holoforge encode frames/ -o clip.mov"),
        ],
    },
    PageText {
        command: "inspect",
        exit: &[("0", "The model was read."), ("1", "The model could not be read."), ("2", "Bad usage.")],
        environment: false,
        examples: &[
            ("What the loader understood of a model:", "holoforge inspect model.glb"),
            ("The same for a script:", "holoforge inspect model.glb --json"),
        ],
    },
    PageText {
        command: "formats",
        exit: &[("0", "Always.")],
        environment: false,
        examples: &[("Every export format, with its extension and alpha:", "holoforge formats")],
    },
    PageText {
        command: "doctor",
        exit: &[("0", "A usable GPU adapter and ffmpeg were found."), ("3", "No usable adapter, or no ffmpeg.")],
        environment: true,
        examples: &[
            ("What this machine can render and encode:", "holoforge doctor"),
            ("The same for a script:", "holoforge doctor --json"),
        ],
    },
    PageText {
        command: "bench",
        exit: &[
            ("0", "The benchmark ran; nothing was written."),
            ("1", "The model could not be loaded or rendered."),
            ("2", "Bad usage."),
            ("3", "No usable GPU adapter."),
        ],
        environment: true,
        examples: &[
            ("What each stage of a 720p frame costs here:", "holoforge bench model.glb -s 720p"),
            ("FXAA against 4× MSAA, for a script:", "holoforge bench model.glb -s 720p --aa fxaa --json"),
        ],
    },
    PageText {
        command: "completions",
        exit: &[("0", "The script was printed."), ("2", "An unknown shell.")],
        environment: false,
        examples: &[("Completion for bash:", "holoforge completions bash > /etc/bash_completion.d/holoforge")],
    },
    PageText {
        command: "man",
        exit: &[
            ("0", "The pages were written (or holoforge(1) printed)."),
            ("2", "A page exists in DIR and --force is not given, or DIR cannot be written."),
        ],
        environment: false,
        examples: &[
            ("Install the pages for your user:", "holoforge man ~/.local/share/man"),
            ("Read holoforge(1) without installing:", "holoforge man | man -l -"),
        ],
    },
];

/// The environment variables holoforge reads.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("HOLOFORGE_FFMPEG", "The ffmpeg binary, when --ffmpeg is not given (else ffmpeg on PATH)."),
    ("HOLOFORGE_MODEL_MEMORY", "Memory budget per model, checked before anything is allocated (e.g. 16G; default 4G)."),
    (
        "WGPU_BACKEND",
        "Restricts the GPU backends tried (vulkan, gl, metal, dx12; comma-separated), e.g. gl for Mesa's llvmpipe.",
    ),
    (
        "NODEVICE_SELECT",
        "holoforge sets it to 1 unless it is set, which keeps Mesa's Vulkan device-select layer quiet on headless \
         machines; holoforge chooses the adapter itself (--adapter).",
    ),
];

/// Where a page goes in the man tree, and its content.
pub type Page = (String, Vec<u8>);

/// The man pages, as paths relative to a man tree: `man1/holoforge.1`, one
/// `man1/holoforge-SUBCOMMAND.1` per visible subcommand, and `man5/holoforge-manifest.5`.
pub fn man_pages() -> Vec<Page> {
    let mut command = Cli::command().disable_help_subcommand(true).after_help(None::<&str>);
    command.build();
    let subcommands: Vec<&clap::Command> = command.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    let mut see_also: Vec<String> = vec!["holoforge(1)".into()];
    see_also.extend(subcommands.iter().map(|s| format!("holoforge-{}(1)", s.get_name())));
    see_also.push("holoforge-manifest(5)".into());
    let mut pages = vec![("man1/holoforge.1".to_string(), command_page(&command, "holoforge", "", &see_also))];
    for sub in subcommands {
        let title = format!("holoforge-{}", sub.get_name());
        pages.push((format!("man1/{title}.1"), command_page(sub, &title, sub.get_name(), &see_also)));
    }
    pages.push(("man5/holoforge-manifest.5".to_string(), manifest_page(&see_also)));
    pages
}

/// A command's page: clap's sections up to SUBCOMMANDS, then this module's, then VERSION.
fn command_page(command: &clap::Command, title: &str, name: &str, see_also: &[String]) -> Vec<u8> {
    let text = PAGES.iter().find(|p| p.command == name).expect("every visible subcommand has a PageText");
    let mut generated = Vec::new();
    let source = format!("holoforge {}", env!("CARGO_PKG_VERSION"));
    clap_mangen::Man::new(command.clone())
        .title(title)
        .source(source)
        .render(&mut generated)
        .expect("rendering to memory");
    let generated = String::from_utf8(generated).expect("clap_mangen writes UTF-8");
    // clap_mangen writes VERSION only for the top command; every page gets it, last.
    let head = generated.split(".SH VERSION\n").next().unwrap_or_default();
    let mut roff = Roff::new();
    section(&mut roff, "EXIT STATUS");
    for (code, meaning) in text.exit {
        roff.control("TP", []).text([bold(*code)]).text([roman(*meaning)]);
    }
    if text.environment {
        section(&mut roff, "ENVIRONMENT");
        for (variable, meaning) in ENVIRONMENT {
            roff.control("TP", []).text([bold(*variable)]).text([roman(*meaning)]);
        }
    }
    examples(&mut roff, text.examples);
    see_also_section(&mut roff, see_also, title, 1);
    version_section(&mut roff);
    format!("{head}{}", body(&roff)).into_bytes()
}

/// holoforge-manifest(5): the job manifest's tables and every key, from [`Settings`].
///
/// [`Settings`]: crate::settings::Settings
fn manifest_page(see_also: &[String]) -> Vec<u8> {
    let mut roff = Roff::new();
    roff.control("TH", ["holoforge-manifest", "5", "", &format!("holoforge {}", env!("CARGO_PKG_VERSION"))]);
    section(&mut roff, "NAME");
    roff.text([roman("holoforge-manifest - the TOML job manifest of holoforge run and holoforge validate")]);
    section(&mut roff, "SYNOPSIS");
    roff.text([bold("holoforge run"), roman(" "), italic("jobs.toml"), roman(" [options]")]);
    section(&mut roff, "DESCRIPTION");
    for paragraph in [
        "A manifest is a TOML file with an optional [defaults] table and one [[job]] table per model. Every key \
         of a job is a key of [defaults] as well; a job's keys override the defaults, and options given on the \
         command line override both. The keys are the command-line options of holoforge render, with the same \
         names and values (size = \"720p\" is --size 720p), plus model, formats and path, which only manifests \
         have. Paths are relative to the manifest's folder.",
        "The whole manifest is checked before any work: model files exist, every value is in range, the formats' \
         ffmpeg encoders exist and no two jobs write the same output. Every problem is listed at once as \
         FILE:LINE:COLUMN: KEY: what is wrong; an unknown key gets a \"did you mean\".",
        "A job's model may be a pattern (models/*.glb, scans/**/*.stl): it becomes one job per matching file, in \
         sorted order. Its output and name may then use {stem} (the model's file name without its extension) and \
         {file} (its file name), so that each job writes its own output: output = \"renders/{stem}.mp4\".",
    ] {
        roff.control("PP", []).text([roman(paragraph)]);
    }
    section(&mut roff, "KEYS");
    for (key, meaning) in crate::settings::Settings::described_keys() {
        roff.control("TP", []).text([bold(key)]).text([roman(meaning)]);
    }
    section(&mut roff, "TABLES");
    let tables = [
        ("[look]", format!("Look parameters, as --look KEY=VALUE: {}.", crate::look::KEYS.join(", "))),
        (
            "[layout]",
            format!(
                "A display layout: layout = \"quilt\", or a table with type = one of {} and its options: {}.",
                crate::layout::layout_names().join(", "),
                crate::layout::keys()[1..].join(", ")
            ),
        ),
        (
            "[[job.path]]",
            "Camera path keys: t (seconds), azimuth, elevation, distance, target-offset, fov and easing.".to_string(),
        ),
    ];
    for (table, meaning) in tables {
        roff.control("TP", []).text([bold(table)]).text([roman(meaning)]);
    }
    examples(
        &mut roff,
        &[(
            "Two jobs sharing defaults, one of them a pattern:",
            "[defaults]\nsize = \"720p\"\nfps = 30\nformats = [\"mp4\", \"webm-alpha\"]\n\n[[job]]\nmodel = \
             \"helmet.glb\"\nlook = { preset = \"amber\", bloom = 0.6 }\n\n[[job]]\nmodel = \"parts/*.stl\"\noutput \
             = \"renders/{stem}.mp4\"\nlayout = { type = \"sheet\" }\nframes = 1",
        )],
    );
    see_also_section(&mut roff, see_also, "holoforge-manifest", 5);
    version_section(&mut roff);
    roff.render().into_bytes()
}

/// A section heading.
fn section(roff: &mut Roff, name: &str) {
    roff.control("SH", [name]);
}

/// EXAMPLES: each description, then its command in an unfilled, indented block.
fn examples(roff: &mut Roff, examples: &[(&str, &str)]) {
    section(roff, "EXAMPLES");
    for (what, command) in examples {
        roff.control("PP", []).text([roman(*what)]).control("RS", []).control("nf", []);
        for line in command.lines() {
            roff.text([bold(line)]);
        }
        roff.control("fi", []).control("RE", []);
    }
}

/// SEE ALSO: every shipped page but this one.
fn see_also_section(roff: &mut Roff, pages: &[String], title: &str, section_number: u32) {
    section(roff, "SEE ALSO");
    let this = format!("{title}({section_number})");
    let others: Vec<&str> = pages.iter().map(String::as_str).filter(|p| *p != this).collect();
    roff.text([roman(others.join(", "))]);
}

/// VERSION: the crate's version.
fn version_section(roff: &mut Roff) {
    section(roff, "VERSION");
    roff.text([roman(format!("v{}", env!("CARGO_PKG_VERSION")))]);
}

/// Roff text without the apostrophe preamble, which the page that it joins already has.
fn body(roff: &Roff) -> String {
    let rendered = roff.render();
    let preamble_lines = rendered.lines().take_while(|l| l.starts_with(".ie ") || l.starts_with(".el ")).count();
    rendered.split_inclusive('\n').skip(preamble_lines).collect()
}

/// The completion script for `shell`.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "holoforge", &mut script);
    script
}

/// The checked-in completion scripts: shell and file name under `completions/`.
pub const COMPLETION_FILES: &[(Shell, &str)] = &[
    (Shell::Bash, "holoforge.bash"),
    (Shell::Zsh, "_holoforge"),
    (Shell::Fish, "holoforge.fish"),
    (Shell::PowerShell, "_holoforge.ps1"),
    (Shell::Elvish, "holoforge.elv"),
];

/// Every generated file: path relative to the repository root, and its content.
pub fn generate() -> Vec<(PathBuf, Vec<u8>)> {
    let pages = man_pages().into_iter().map(|(name, page)| (PathBuf::from("man").join(name), page));
    let scripts =
        COMPLETION_FILES.iter().map(|(shell, file)| (PathBuf::from("completions").join(file), completion(*shell)));
    pages.chain(scripts).collect()
}

/// Writes every generated file under `root` (`holoforge generate-docs .` refreshes the checked-in
/// copies): each replaces only a regular file at its own path, never a folder.
pub fn write_all(root: &Path) -> Result<()> {
    write_files(root, generate(), true)
}

/// `holoforge man [DIR]`: writes every man page into the man tree DIR (`DIR/man1/…`,
/// `DIR/man5/…`; an existing page only with `force`, and never over anything but a file), or
/// prints holoforge(1) without one.
pub fn man(dir: Option<&Path>, force: bool) -> Result<()> {
    let pages = man_pages();
    let Some(dir) = dir else {
        let text = String::from_utf8_lossy(&pages[0].1).into_owned();
        crate::outln!("{}", text.trim_end());
        return Ok(());
    };
    write_files(dir, pages.into_iter().map(|(name, page)| (PathBuf::from(name), page)).collect(), force)
}

/// Writes `files` (paths relative to `root`) through output claims, all claimed before any is
/// written: an existing file is replaced only with `force`.
fn write_files(root: &Path, files: Vec<(PathBuf, Vec<u8>)>, force: bool) -> Result<()> {
    use crate::export::output::{self, PendingOutput, Shape};
    let claims = files
        .iter()
        .map(|(relative, _)| output::claim(&root.join(relative), Shape::File, force, &[]))
        .collect::<Result<Vec<_>>>()?;
    for ((_, content), claim) in files.iter().zip(&claims) {
        let pending = PendingOutput::new(claim)?;
        std::fs::write(pending.temp_path(), content)
            .with_context(|| format!("cannot write {}", pending.temp_path().display()))?;
        pending.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_visible_subcommand_has_its_page_text_and_no_page_names_one_not_shipped() {
        let pages = man_pages();
        let shipped: Vec<String> = pages
            .iter()
            .map(|(path, _)| {
                let (name, section) = path.rsplit_once('/').unwrap().1.rsplit_once('.').unwrap();
                format!("{name}({section})")
            })
            .collect();
        let command = Cli::command();
        let visible = command.get_subcommands().filter(|s| !s.is_hide_set()).count();
        assert_eq!(pages.len(), visible + 2, "holoforge(1), one page per subcommand, holoforge-manifest(5)");
        assert_eq!(PAGES.len(), visible + 1, "a PageText for each visible subcommand and holoforge(1)");
        for (path, page) in &pages {
            let text = String::from_utf8_lossy(page);
            for reference in text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| w.starts_with("holoforge"))
            {
                let reference = reference.replace("\\-", "-");
                if reference.ends_with(')') {
                    assert!(shipped.contains(&reference), "{path} names {reference}, which is not shipped");
                }
            }
            assert_eq!(text.matches(".ie \\n(.g").count(), 1, "{path}: one apostrophe preamble");
        }
    }

    #[test]
    fn command_pages_read_like_the_command_line_and_have_the_promised_sections() {
        let pages = man_pages();
        let render = String::from_utf8_lossy(&pages.iter().find(|(p, _)| p == "man1/holoforge-render.1").unwrap().1)
            .into_owned();
        assert!(render.contains(".SH SYNOPSIS\n\\fBholoforge render\\fR"), "{render}");
        for heading in ["EXIT STATUS", "ENVIRONMENT", "EXAMPLES", "SEE ALSO", "VERSION"] {
            let quoted = format!(".SH \"{heading}\"\n");
            assert!(render.contains(&format!(".SH {heading}\n")) || render.contains(&quoted), "no {heading}");
        }
        let manifest = String::from_utf8_lossy(&pages.last().unwrap().1).into_owned();
        for key in crate::settings::Settings::keys() {
            assert!(manifest.contains(&format!("\\fB{}\\fR", key.replace('-', "\\-"))), "manifest page lacks {key}");
        }
    }
}
