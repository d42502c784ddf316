//! Reports: the [`Comparison`] written for people and scripts. Every format
//! renders the same comparison, so the TUI, the headless export and every
//! file agree; the same input always gives a byte-identical report.

pub mod json;
pub mod markdown;
mod provenance;
mod write;

pub use write::{WriteError, write_atomic};

use crate::{Comparison, Settings};

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Versioned JSON for scripts (see `docs/report-format.md`).
    Json,
    /// Markdown for GitHub, GitLab and plain reading.
    Markdown,
}

impl ReportFormat {
    /// The names accepted by `--format` and as extensions.
    pub const NAMES: &'static [&'static str] = &["json", "md", "markdown"];

    /// The format a name or extension stands for.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    /// The format a file name's extension implies.
    #[must_use]
    pub fn from_path(path: &str) -> Option<Self> {
        let extension = std::path::Path::new(path).extension()?.to_str()?;
        Self::from_name(extension)
    }

    /// A human list of the accepted names, for error messages.
    #[must_use]
    pub fn list() -> String {
        "json, md (markdown)".to_owned()
    }
}

/// What a report states about how it was made, besides the comparison.
#[derive(Debug, Clone, Default)]
pub struct ReportContext {
    /// The settings that shaped the analysis.
    pub settings: Settings,
    /// The user configuration file that was read, if any.
    pub config_file: Option<String>,
}

/// Renders a comparison in a format.
#[must_use]
pub fn render(comparison: &Comparison, format: ReportFormat, context: &ReportContext) -> String {
    match format {
        ReportFormat::Json => json::render(comparison, context),
        ReportFormat::Markdown => markdown::render(comparison, context),
    }
}
