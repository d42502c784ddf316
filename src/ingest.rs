//! Reading inputs: files, folders and standard input become [`Document`]s,
//! plain text with block structure and metadata, ready for segmentation.
//!
//! Unusable inputs are never fatal on their own: they come back as
//! [`Skipped`] entries with a one-line reason, so the caller can warn, carry
//! on with the rest, and list them in the report.

mod decode;
mod discover;
pub mod html;
mod markdown;
mod plain;

pub use decode::decode_bytes;
pub use discover::{ARTICLE_EXTENSIONS, InputSpec, discover_inputs, natural_cmp};

use crate::model::{DayDate, Provenance, Skipped, Span};
use std::io::Read;
use std::path::Path;

/// The default largest input accepted, in bytes (see `--max-input-size`).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Inputs larger than this are refused.
    pub max_input_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self { max_input_bytes: DEFAULT_MAX_INPUT_BYTES }
    }
}

/// The structural role of a block of text as the input format states it.
/// Segmentation refines `Body` blocks further (titles, headings, boilerplate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockRole {
    /// Ordinary text.
    Body,
    /// Marked as the headline by the format (Markdown `#`, HTML `<h1>`).
    Title,
    /// A section heading.
    Heading,
    /// An image or figure caption.
    Caption,
    /// Known not to be article text (a `Source:` line, a credit).
    Boilerplate,
}

/// One block (paragraph, heading, caption) of a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Where the block lies in [`Document::text`].
    pub span: Span,
    /// What the format says it is.
    pub role: BlockRole,
}

/// Metadata an input states about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline, when the format states it apart from the text.
    pub title: Option<String>,
    /// The outlet (a `Source:` line, a site name).
    pub outlet: Option<String>,
    /// The byline.
    pub byline: Option<String>,
    /// The publication date.
    pub date: Option<DayDate>,
}

/// An input read and decoded into text blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path or URL as given.
    pub source: String,
    /// The cleaned text; blocks are separated by blank lines.
    pub text: String,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// What the input says about itself.
    pub meta: Metadata,
    /// How it was read.
    pub provenance: Provenance,
}

/// Why an input could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IngestError {
    /// The path does not exist.
    #[error("no such file or folder")]
    NotFound,
    /// The path exists but cannot be read.
    #[error("permission denied")]
    PermissionDenied,
    /// A folder without article files.
    #[error("folder holds no article files (.txt, .md, .markdown, .html, .htm)")]
    EmptyFolder,
    /// Above the size limit.
    #[error("{size} bytes is over the {limit}-byte limit (raise it with --max-input-size)")]
    TooLarge {
        /// The input's size.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Not text (an image, an executable, ...).
    #[error("not an article: {0}")]
    NotAnArticle(String),
    /// Nothing but whitespace.
    #[error("empty: no text")]
    Empty,
    /// A page without article text (a paywall, a script-only shell, an index page).
    #[error("no article text: {0}")]
    NoArticleText(String),
    /// Any other I/O failure.
    #[error("cannot read: {0}")]
    Io(String),
}

impl From<std::io::Error> for IngestError {
    fn from(error: std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound,
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied,
            _ => Self::Io(error.to_string()),
        }
    }
}

/// Everything the inputs gave: the usable documents and the skipped inputs.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Usable documents in input order.
    pub documents: Vec<Document>,
    /// Inputs that were skipped, with the reason.
    pub skipped: Vec<Skipped>,
}

/// The input format, from the file extension (text when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
}

impl Format {
    /// The format a path's extension implies.
    #[must_use]
    pub fn from_path(path: &str) -> Self {
        let extension =
            Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        match extension.as_str() {
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" | "xhtml" => Self::Html,
            _ => Self::Text,
        }
    }

    const fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
        }
    }
}

/// Reads every input (expanding folders) into documents; unusable inputs
/// are collected in [`Loaded::skipped`] instead of failing the run.
#[must_use]
pub fn load_inputs(args: &[String], options: &IngestOptions) -> Loaded {
    let mut loaded = Loaded::default();
    for spec in discover_inputs(args) {
        match spec {
            Ok(InputSpec::File(path)) => match read_file(&path, options) {
                Ok(document) => loaded.documents.push(document),
                Err(error) => loaded.skipped.push(Skipped { source: path, reason: error.to_string() }),
            },
            Ok(InputSpec::Stdin) => {
                let mut bytes = Vec::new();
                let limit = options.max_input_bytes;
                let result = std::io::stdin()
                    .lock()
                    .take(limit.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .map_err(IngestError::from)
                    .and_then(|_| {
                        check_size(bytes.len() as u64, limit)?;
                        parse_bytes("-", &bytes, Format::Text)
                    });
                match result {
                    Ok(document) => loaded.documents.push(document),
                    Err(error) => loaded.skipped.push(Skipped { source: "-".into(), reason: error.to_string() }),
                }
            }
            Err((source, error)) => loaded.skipped.push(Skipped { source, reason: error.to_string() }),
        }
    }
    loaded
}

fn check_size(size: u64, limit: u64) -> Result<(), IngestError> {
    if size > limit { Err(IngestError::TooLarge { size, limit }) } else { Ok(()) }
}

/// Reads one file into a document.
///
/// # Errors
/// Any [`IngestError`]: missing, unreadable, too large, binary or empty.
pub fn read_file(path: &str, options: &IngestOptions) -> Result<Document, IngestError> {
    let metadata = std::fs::metadata(path)?;
    if metadata.is_dir() {
        return Err(IngestError::NotAnArticle("a folder".into()));
    }
    check_size(metadata.len(), options.max_input_bytes)?;
    let bytes = std::fs::read(path)?;
    check_size(bytes.len() as u64, options.max_input_bytes)?;
    parse_bytes(path, &bytes, Format::from_path(path))
}

/// Parses the bytes of one input in the given format.
///
/// # Errors
/// [`IngestError::NotAnArticle`] for binary data, [`IngestError::Empty`] when no text remains.
pub fn parse_bytes(source: &str, bytes: &[u8], format: Format) -> Result<Document, IngestError> {
    let decoded = decode_bytes(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let mut document = match format {
        Format::Markdown => markdown::parse(source, &crate::normalize::clean_text(&decoded.text)),
        // The HTML parser normalises line endings itself, and entities can
        // bring control characters back, so HTML is cleaned piece by piece
        // after parsing instead.
        Format::Html => html::parse(source, &decoded.text)?,
        Format::Text => plain::parse(source, &crate::normalize::clean_text(&decoded.text)),
    };
    if document.blocks.is_empty() {
        return Err(IngestError::Empty);
    }
    document.provenance = Provenance {
        content_sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        format: format.name().into(),
        encoding: decoded.encoding.into(),
        ..Provenance::default()
    };
    Ok(document)
}

/// Hex SHA-256 of the input, recorded so a report states exactly what it compared.
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Builds a document's text from blocks of cleaned text: blocks are joined
/// by blank lines and each gets its span. Shared by the format readers.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    blocks: Vec<Block>,
}

impl TextBuilder {
    /// Appends a block (collapsed to single spaces); empty blocks are dropped.
    pub(crate) fn push(&mut self, content: &str, role: BlockRole) {
        self.push_collapsed(&crate::normalize::collapse_spaces(content), role);
    }

    /// Appends a block whose spaces are already collapsed.
    pub(crate) fn push_collapsed(&mut self, content: &str, role: BlockRole) {
        if content.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(content);
        self.blocks.push(Block { span: Span::new(start, self.text.len()), role });
    }

    /// The text and its blocks.
    pub(crate) fn finish(self) -> (String, Vec<Block>) {
        (self.text, self.blocks)
    }
}

/// Reads a `Source: Outlet` line (the convention for text and Markdown files).
pub(crate) fn source_line(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let rest = trimmed.strip_prefix("Source:").or_else(|| trimmed.strip_prefix("source:"))?;
    let outlet = rest.trim();
    (!outlet.is_empty() && outlet.len() < 120).then(|| outlet.to_owned())
}
