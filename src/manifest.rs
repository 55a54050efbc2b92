//! The TOML job manifest: `[defaults]` and `[[job]]` tables of [`Settings`], merged
//! (defaults < job < command line) and resolved into [`Job`]s before any work. Every problem is
//! reported at once, each as `file:line:column: key: what is wrong`, with a hint where one helps.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{find_problem, Problem};
use crate::job::{Job, ModelSource};
use crate::settings::{SettingAt, Settings};

/// Top-level keys of a manifest.
const TOP_LEVEL_KEYS: &[&str] = &["defaults", "job", "ffmpeg"];

/// A manifest's tables, each read on its own so that one bad table does not hide the others.
#[derive(Debug, Default)]
struct ManifestFile {
    defaults: Settings,
    /// The `[[job]]` tables that could be read, with their 0-based place in the file.
    job: Vec<(usize, Spanned<Settings>)>,
    /// How many `[[job]]` tables there are, readable or not.
    job_count: usize,
    ffmpeg: Option<Spanned<String>>,
}

impl ManifestFile {
    /// Reads the document's tables; `problems` receives what is wrong in each (a TOML syntax
    /// error stops at once: nothing after it can be trusted).
    fn read(text: &str, positions: &Positions, problems: &mut Vec<String>) -> Result<Self> {
        use serde::de::IntoDeserializer;
        use toml::de::{DeTable, DeValue};
        let document = DeTable::parse(text)
            .map_err(|e| Problem::usage(format!("invalid manifest:\n{}", positions.schema_problem(&e))))?;
        let mut file = Self::default();
        for (key, value) in document.get_ref().iter() {
            match key.get_ref().as_ref() {
                "defaults" => match Settings::deserialize(value.clone().into_deserializer()) {
                    Ok(defaults) => file.defaults = defaults,
                    Err(error) => problems.push(positions.schema_problem(&error)),
                },
                "job" => {
                    let DeValue::Array(tables) = value.get_ref() else {
                        problems.push(positions.at(value.span(), "job: expected [[job]] tables", None));
                        continue;
                    };
                    file.job_count = tables.len();
                    for (index, table) in tables.iter().enumerate() {
                        match Spanned::<Settings>::deserialize(table.clone().into_deserializer()) {
                            Ok(settings) => file.job.push((index, settings)),
                            Err(error) => problems.push(positions.schema_problem(&error)),
                        }
                    }
                }
                "ffmpeg" => match Spanned::<String>::deserialize(value.clone().into_deserializer()) {
                    Ok(path) => file.ffmpeg = Some(path),
                    Err(error) => problems.push(positions.schema_problem(&error)),
                },
                other => {
                    let hint = closest_key(other).map(|k| format!("did you mean `{k}`?"));
                    let hint = hint.unwrap_or_else(|| format!("top-level keys: {}", TOP_LEVEL_KEYS.join(", ")));
                    problems.push(positions.at(key.span(), &format!("unknown key `{other}`"), Some(&hint)));
                }
            }
        }
        Ok(file)
    }
}

/// A validated manifest: every job resolved.
pub struct Manifest {
    /// The manifest file.
    pub path: PathBuf,
    /// Its jobs, in file order.
    pub jobs: Vec<Job>,
    /// `ffmpeg = …`, relative to the manifest's folder.
    pub ffmpeg: Option<PathBuf>,
}

/// Reads, merges and validates a manifest; `overrides` (the command line) win over the file.
pub fn load(path: &Path, overrides: &Settings) -> Result<Manifest> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Problem::usage(format!("{}: cannot read the manifest: {}", path.display(), crate::error::io_reason(&e)))
    })?;
    let base_dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parse(path, &text, base_dir, overrides)
}

/// Parses, merges and validates manifest `text` (named `path` in messages); models and outputs
/// are relative to `base_dir`.
pub fn parse(path: &Path, text: &str, base_dir: &Path, overrides: &Settings) -> Result<Manifest> {
    let positions = Positions::new(path, text);
    let mut problems = Vec::new();
    let file = ManifestFile::read(text, &positions, &mut problems)?;
    if file.job_count == 0 && problems.is_empty() {
        return Err(Problem::usage(format!("{}: the manifest has no [[job]] tables", path.display()))
            .with_hint("add one per model: [[job]] followed by model = \"model.glb\"")
            .into());
    }
    let mut jobs = Vec::new();
    for (index, table) in &file.job {
        let index = *index;
        let mut settings = file.defaults.clone();
        settings.merge(table.get_ref());
        settings.merge(overrides);
        let Some(model) = &settings.model else {
            problems.push(positions.at(table.span(), &format!("job {} has no `model`", index + 1), None));
            continue;
        };
        if let Some(output) = settings.output.as_ref().filter(|o| o.get_ref() == "-") {
            problems.push(positions.at(
                output.span(),
                "output: `-` (standard output) is for `render` and `demo`, not for a manifest",
                None,
            ));
            continue;
        }
        let model_paths = match model_files(base_dir, model.get_ref()) {
            Ok(paths) => paths,
            Err(what) => {
                problems.push(positions.at(model.span(), &format!("model: {what}"), None));
                continue;
            }
        };
        for model_path in model_paths {
            let settings = with_placeholders(&settings, &model_path);
            match Job::resolve(ModelSource::File(model_path), &settings, base_dir) {
                Ok(job) => match job.check_outputs() {
                    Ok(()) => jobs.push(job),
                    Err(error) => {
                        let at = settings.output.as_ref().map_or(table.span(), |o| o.span());
                        let at = if at.is_empty() { table.span() } else { at };
                        problems.push(positions.resolve_error(&error, at));
                    }
                },
                Err(error) => problems.push(positions.resolve_error(&error, table.span())),
            }
        }
    }
    let mut writers: HashMap<PathBuf, usize> = HashMap::new();
    for (index, job) in jobs.iter().enumerate() {
        for output in &job.outputs {
            if let Some(first) = writers.insert(output.path.clone(), index) {
                problems.push(format!(
                    "{}: jobs {} and {} would both write {} (a job whose model is a pattern needs {{stem}} in its output)",
                    path.display(),
                    first + 1,
                    index + 1,
                    output.path.display()
                ));
            }
        }
    }
    if !problems.is_empty() {
        let count = problems.len();
        return Err(Problem::usage(format!(
            "{} problem{} in the manifest:\n{}",
            count,
            if count == 1 { "" } else { "s" },
            problems.join("\n")
        ))
        .into());
    }
    let ffmpeg = file.ffmpeg.map(|f| base_dir.join(f.into_inner()));
    Ok(Manifest { path: path.to_path_buf(), jobs, ffmpeg })
}

/// The model files a job's `model` names: one path, or every file a glob pattern (`*`, `?`,
/// `[…]`, `**`) matches, in sorted order; the message says what is wrong otherwise.
fn model_files(base_dir: &Path, model: &str) -> std::result::Result<Vec<PathBuf>, String> {
    let path = base_dir.join(model);
    if !model.contains(['*', '?', '[']) {
        return match path.is_file() {
            true => Ok(vec![path]),
            false if path.is_dir() => Err(format!("{} is a directory, not a model file", path.display())),
            false => Err(format!("{} does not exist", path.display())),
        };
    }
    let pattern = path.to_string_lossy().into_owned();
    let matches = glob::glob(&pattern).map_err(|e| format!("'{model}' is not a valid pattern ({})", e.msg))?;
    let mut files: Vec<PathBuf> = matches.filter_map(|m| m.ok()).filter(|p| p.is_file()).collect();
    files.sort();
    match files.is_empty() {
        true => Err(format!("'{model}' matches no file")),
        false => Ok(files),
    }
}

/// The job's `output` and `name` with `{stem}` (the model's file name without its extension) and
/// `{file}` (its file name) replaced, so one glob job writes one output per model.
fn with_placeholders(settings: &Settings, model: &Path) -> Settings {
    let stem = model.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let file = model.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let fill = |text: &Spanned<String>| {
        Spanned::new(text.span(), text.get_ref().replace("{stem}", &stem).replace("{file}", &file))
    };
    Settings { output: settings.output.as_ref().map(fill), name: settings.name.as_ref().map(fill), ..settings.clone() }
}

/// Turns byte offsets into `file:line:column` and formats problems.
struct Positions<'a> {
    path: &'a Path,
    line_starts: Vec<usize>,
    text: &'a str,
}

impl<'a> Positions<'a> {
    fn new(path: &'a Path, text: &'a str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { path, line_starts, text }
    }

    /// `file:line:column` of a byte offset (1-based, columns in characters).
    fn locate(&self, offset: usize) -> String {
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self.text.get(start..offset.min(self.text.len())).map_or(1, |s| s.chars().count() + 1);
        format!("{}:{line}:{column}", self.path.display())
    }

    fn at(&self, span: Range<usize>, message: &str, hint: Option<&str>) -> String {
        let hint = hint.map(|h| format!("\n  hint: {h}")).unwrap_or_default();
        format!("{}: {message}{hint}", self.locate(span.start))
    }

    /// A TOML syntax or schema error, located, with "did you mean" for unknown keys.
    fn schema_problem(&self, error: &toml::de::Error) -> String {
        let message = error.message().trim().to_string();
        let (message, hint) = match unknown_key(&message) {
            Some(key) => {
                let hint = closest_key(&key).map(|k| format!("did you mean `{k}`?"));
                (
                    format!("unknown key `{key}`"),
                    hint.or_else(|| Some(format!("known keys: {}", Settings::keys().join(", ")))),
                )
            }
            None => (message, None),
        };
        match error.span() {
            Some(span) => self.at(span, &message, hint.as_deref()),
            None => format!("{}: {message}", self.path.display()),
        }
    }

    /// A job that failed to resolve: at the offending key when known, else at its table.
    fn resolve_error(&self, error: &anyhow::Error, table: Range<usize>) -> String {
        let setting = error.downcast_ref::<SettingAt>();
        let problem = find_problem(error);
        let message = problem.map_or_else(|| format!("{error:#}"), |p| p.message.clone());
        let hint = problem.and_then(|p| p.hint.as_deref());
        match setting {
            Some(at) => self.at(at.span.clone(), &format!("{}: {message}", at.key), hint),
            None => self.at(table, &message, hint),
        }
    }
}

/// The key named by serde's "unknown field `x`, expected …" message.
fn unknown_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// The known key nearest to a misspelt one, if any is close.
fn closest_key(key: &str) -> Option<String> {
    Settings::keys()
        .into_iter()
        .chain(TOP_LEVEL_KEYS.iter().map(|k| k.to_string()))
        .map(|k| (strsim::damerau_levenshtein(key, &k), k))
        .filter(|(distance, k)| *distance <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_lines_and_columns() {
        let positions = Positions::new(Path::new("m.toml"), "a = 1\nbb = 2\n");
        assert_eq!(positions.locate(0), "m.toml:1:1");
        assert_eq!(positions.locate(6), "m.toml:2:1");
        assert_eq!(positions.locate(11), "m.toml:2:6");
    }

    #[test]
    fn misspelt_keys_get_a_suggestion() {
        assert_eq!(closest_key("sise").as_deref(), Some("size"));
        assert_eq!(closest_key("start_frame").as_deref(), Some("start-frame"));
        assert_eq!(closest_key("xyzzy"), None);
        assert_eq!(unknown_key("unknown field `sise`, expected one of `model`"), Some("sise".into()));
    }
}
