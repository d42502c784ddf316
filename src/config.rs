//! The user's `config.toml`: analysis thresholds, the reader's keys and
//! colours, and the default export format. Read from the configuration
//! folder (`directories`), or `--config PATH`; `--no-config` skips it.
//! A bad file is an error naming the file, the line and the problem.

use parallax::Settings;
use parallax::discrepancies::DiscrepancySettings;
use parallax::matching::MatchSettings;
use parallax::tui::keymap::{KeyOverrides, Keymap};
use parallax::tui::theme::ThemeConfig;
use serde::Deserialize;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The commented defaults printed by `--print-config`.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// The extension the export prompt proposes when the config names none.
pub const DEFAULT_EXPORT_FORMAT: &str = "html";

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ConfigFile {
    matching: MatchSettings,
    discrepancies: DiscrepancySettings,
    reader: ReaderSection,
    export: ExportSection,
    theme: ThemeConfig,
    keys: KeyOverrides,
}

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ReaderSection {
    mouse: bool,
}

impl Default for ReaderSection {
    fn default() -> Self {
        Self { mouse: true }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ExportSection {
    format: String,
}

impl Default for ExportSection {
    fn default() -> Self {
        Self { format: DEFAULT_EXPORT_FORMAT.to_owned() }
    }
}

/// The configuration in force.
#[derive(Debug)]
pub struct Config {
    /// Analysis settings (command-line options override them).
    pub settings: Settings,
    /// The reader's keys.
    pub keymap: Keymap,
    /// The reader's colours.
    pub theme: ThemeConfig,
    /// Capture the mouse at start.
    pub mouse: bool,
    /// The extension of the path the export prompt proposes.
    pub export_format: String,
    /// The file read, if any.
    pub file: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            settings: Settings::default(),
            keymap: Keymap::default(),
            theme: ThemeConfig::default(),
            mouse: true,
            export_format: DEFAULT_EXPORT_FORMAT.to_owned(),
            file: None,
        }
    }
}

/// Where the user's config file lives (`~/.config/parallax/config.toml` on Linux).
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "parallax").map(|dirs| dirs.config_dir().join("config.toml"))
}

/// Loads the configuration: `explicit` (which must exist), else the default
/// file if there is one; `ignore` skips both.
///
/// # Errors
/// A one-line message naming the file, the line and the problem.
pub fn load(explicit: Option<&Path>, ignore: bool) -> Result<Config, String> {
    if ignore {
        return Ok(Config::default());
    }
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_path() {
            Some(path) if path.is_file() => path,
            _ => return Ok(Config::default()),
        },
    };
    let shown = parallax::normalize::clean_line(&path.display().to_string());
    let text = read_config(&path).map_err(|error| format!("{shown}: cannot read config: {error}"))?;
    let mut config = parse(&text).map_err(|error| format!("{shown}: {error}"))?;
    config.file = Some(path);
    Ok(config)
}

/// The largest config file read.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// A config file's text, with the bounds every input gets: at most 1 MiB
/// (`/dev/zero` is refused, not read until memory runs out) and at most 5 s
/// waiting for a pipe (a FIFO with no writer is reported, not waited on).
fn read_config(path: &Path) -> Result<String, String> {
    use parallax::ingest::IngestError;
    let bytes =
        parallax::ingest::read_capped(path, MAX_CONFIG_BYTES, std::time::Duration::from_secs(5)).map_err(|error| {
            match error {
                IngestError::TooLarge { .. } | IngestError::TooLargeStream { .. } => {
                    format!("over {MAX_CONFIG_BYTES} bytes, too large for a config file")
                }
                IngestError::Stalled { wait } => {
                    format!("no data for {} s (a pipe that nobody writes to?)", wait.as_secs_f64())
                }
                IngestError::NotAnArticle(what) => format!("{what}, not a config file"),
                other => other.to_string(),
            }
        })?;
    String::from_utf8(bytes).map_err(|error| format!("not UTF-8 text (byte {})", error.utf8_error().valid_up_to()))
}

/// Parses a config file's text.
///
/// # Errors
/// `line N: problem`.
pub fn parse(text: &str) -> Result<Config, String> {
    let file: ConfigFile = toml::from_str(text).map_err(|error| {
        let message = error.message().trim().replace('\n', " ");
        match error.span() {
            Some(span) => format!("line {}: {message}", line_of(text, span.start)),
            None => message,
        }
    })?;
    validate(text, &file)?;
    Ok(Config {
        settings: Settings { matching: file.matching, discrepancies: file.discrepancies },
        keymap: Keymap::with_overrides(&file.keys),
        theme: file.theme,
        mouse: file.reader.mouse,
        export_format: file.export.format,
        file: None,
    })
}

/// Checks what the types alone cannot: thresholds between 0 and 1, counts
/// above 0, a usable export extension.
fn validate(text: &str, file: &ConfigFile) -> Result<(), String> {
    let scores = [
        ("matching", "threshold", file.matching.threshold),
        ("matching", "link_threshold", file.matching.link_threshold),
        ("discrepancies", "number_link", file.discrepancies.number_link),
        ("discrepancies", "name_similarity", file.discrepancies.name_similarity),
        ("discrepancies", "name_context", file.discrepancies.name_context),
    ];
    for (section, key, value) in scores {
        if !(0.0..=1.0).contains(&value) {
            return Err(at(text, &[section, key], &format!("{section}.{key} must be between 0 and 1, not {value}")));
        }
    }
    let counts = [
        ("candidate_terms", file.matching.candidate_terms),
        ("max_postings", file.matching.max_postings),
        ("min_shared_terms", file.matching.min_shared_terms),
    ];
    for (key, value) in counts {
        if value == 0 {
            return Err(at(text, &["matching", key], &format!("matching.{key} must be at least 1")));
        }
    }
    let format = &file.export.format;
    if format.is_empty() || format.len() > 16 || !format.chars().all(|c| c.is_ascii_alphanumeric()) {
        let shown = parallax::normalize::clean_line(format);
        return Err(at(text, &["export", "format"], &format!("export.format '{shown}' is not a file extension")));
    }
    Ok(())
}

/// `line N: message` for the value at a key path, or the message alone.
fn at(text: &str, path: &[&str], message: &str) -> String {
    match value_span(text, path) {
        Some(span) => format!("line {}: {message}", line_of(text, span.start)),
        None => message.to_owned(),
    }
}

fn value_span(text: &str, path: &[&str]) -> Option<Range<usize>> {
    let document = toml::de::DeTable::parse(text).ok()?;
    let (first, rest) = path.split_first()?;
    let mut value = document.get_ref().iter().find(|(key, _)| key.get_ref() == first).map(|(_, value)| value)?;
    for key in rest {
        value = value.get_ref().get(*key)?;
    }
    Some(value.span())
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |before| before.matches('\n').count()) + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::tui::keymap::Context;
    use parallax::tui::{Action, Theme};

    /// The default file with every setting uncommented.
    fn uncommented() -> String {
        let setting = regex::Regex::new(r"^# (\[|[a-z_]+ = )").expect("regex");
        DEFAULT_CONFIG
            .lines()
            .map(|line| if setting.is_match(line) { &line[2..] } else { line })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_printed_defaults_are_the_defaults() {
        assert!(parse(DEFAULT_CONFIG).is_ok(), "commented out, it parses to nothing");
        let config = parse(&uncommented()).expect("the uncommented defaults parse");
        assert_eq!(config.settings, Settings::default());
        assert!(config.mouse);
        assert_eq!(config.export_format, DEFAULT_EXPORT_FORMAT);
        assert_eq!(Theme::new(&config.theme, false), Theme::default());
        let defaults = Keymap::default();
        for context in Context::ALL {
            for action in Action::ALL {
                assert_eq!(
                    config.keymap.keys_for(context, action),
                    defaults.keys_for(context, action),
                    "[keys.{}] {}",
                    context.name(),
                    action.name()
                );
            }
        }
    }

    #[test]
    fn settings_and_keys_are_read() {
        let config = parse("[matching]\nthreshold = 0.45\n\n[keys.reading]\nnext_discrepancy = [\"ctrl-n\"]\n")
            .expect("valid config");
        assert!((config.settings.matching.threshold - 0.45).abs() < 1e-9);
        assert_eq!(config.keymap.keys_for(Context::Reading, Action::NextDiscrepancy).len(), 1);
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let cases = [
            ("[matching]\nthreshold = \"high\"\n", "line 2:", "invalid type"),
            ("[matching]\n\nthreshold = 1.5\n", "line 3:", "between 0 and 1"),
            ("[theme]\ncolour = true\n", "line 2:", "unknown field `colour`"),
            ("[keys.reading]\nnext = [\"n\"]\n", "line 2:", "unknown variant `next`"),
            ("[keys.reading]\nquit = [\"ctrl-banana\"]\n", "line 2:", "unknown key 'ctrl-banana'"),
            ("[keys.everywhere]\nquit = [\"q\"]\n", "line 1:", "unknown variant `everywhere`"),
            ("[theme.styles]\nunique = { bg = \"purplish\" }\n", "line 2:", "unknown colour 'purplish'"),
            ("[export]\nformat = \"../x\"\n", "line 2:", "not a file extension"),
            ("[matching\nthreshold = 0.3\n", "line 1:", ""),
            ("[matching]\nmax_postings = 0\n", "line 2:", "at least 1"),
        ];
        for (text, line, problem) in cases {
            let error = parse(text).expect_err(text);
            assert!(error.starts_with(line), "{text:?}: {error}");
            assert!(error.contains(problem), "{text:?}: {error}");
            assert!(!error.contains('\n'), "one line: {error:?}");
        }
    }

    #[test]
    fn load_names_the_file_and_ignores_it_on_request() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[matching]\nthreshold = 2.0\n").expect("write");
        let error = load(Some(&path), false).expect_err("bad threshold");
        assert!(error.starts_with(&format!("{}: line 2:", path.display())), "{error}");
        assert!(load(Some(&path), true).is_ok(), "--no-config ignores it");
        let missing = load(Some(&dir.path().join("nope.toml")), false).expect_err("missing");
        assert!(missing.contains("cannot read config"), "{missing}");
        std::fs::write(&path, "[reader]\nmouse = false\n").expect("write");
        let config = load(Some(&path), false).expect("valid");
        assert_eq!(config.file.as_deref(), Some(path.as_path()));
        assert!(!config.mouse);
    }
}
