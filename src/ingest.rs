//! Reading inputs: files, folders and standard input become [`Document`]s,
//! plain text with block structure and metadata, ready for segmentation.
//!
//! Unusable inputs are never fatal on their own: they come back as
//! [`Skipped`] entries with a one-line reason, so the caller can warn, carry
//! on with the rest, and list them in the report.

mod decode;
mod discover;
pub mod fetch;
pub mod html;
mod markdown;
mod plain;
mod read;

pub use decode::{decode_bytes, decode_bytes_with_charset};
pub use discover::{ARTICLE_EXTENSIONS, InputSpec, discover_inputs, display_path, natural_cmp};
pub use fetch::{CacheMode, DEFAULT_TIMEOUT, FetchOptions, default_cache_dir, is_url, redact_url};
use read::check_size;
pub use read::{NOTICE_AFTER, WaitNotice, read_capped, read_capped_noticed, read_stdin_capped};

use crate::model::{Provenance, Skipped, Span};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The default largest input accepted, in bytes (see `--max-input-size`).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Inputs larger than this are refused (for URLs: after decompression).
    pub max_input_bytes: u64,
    /// How URLs use the page cache (`--refresh`, `--offline`).
    pub cache: CacheMode,
    /// The page cache folder; `None` means [`default_cache_dir`].
    pub cache_dir: Option<PathBuf>,
    /// The network timeout for URLs (`--timeout`), also the longest wait
    /// for data from a pipe or device given as a file, or standard input.
    pub timeout: Duration,
    /// Told when a pipe, device or standard input keeps the run waiting.
    pub on_wait: WaitNotice,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            cache: CacheMode::Prefer,
            cache_dir: None,
            timeout: DEFAULT_TIMEOUT,
            on_wait: WaitNotice::default(),
        }
    }
}

impl IngestOptions {
    /// The options URLs are fetched with.
    #[must_use]
    pub fn fetch_options(&self) -> FetchOptions {
        FetchOptions {
            cache: self.cache,
            cache_dir: self.cache_dir.clone(),
            timeout: self.timeout,
            max_bytes: self.max_input_bytes,
        }
    }
}

pub use crate::model::{Block, BlockRole, Document, Metadata};

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
    /// A pipe, device or other stream that went on past the size limit.
    #[error("more than {limit} bytes, over the limit (raise it with --max-input-size)")]
    TooLargeStream {
        /// The limit in force.
        limit: u64,
    },
    /// A pipe or device that gave no data for the whole wait.
    #[error("no data for {} s (a pipe or device that nobody writes to?); the wait is --timeout", .wait.as_secs_f64())]
    Stalled {
        /// The wait.
        wait: Duration,
    },
    /// A symbolic link whose target is missing.
    #[error("a broken symbolic link (its target is missing)")]
    BrokenLink,
    /// A symbolic link that leads back to itself.
    #[error("a symbolic link that loops")]
    LinkLoop,
    /// Any other I/O failure.
    #[error("cannot read: {0}")]
    Io(String),
    /// A URL that could not be fetched (or, offline, is not cached).
    #[error("cannot fetch: {0}")]
    Fetch(String),
    /// The same file, URL or standard input given again (the first one is
    /// read); the reason says which.
    #[error("{0}")]
    Duplicate(String),
}

impl From<std::io::Error> for IngestError {
    fn from(error: std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound,
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied,
            _ if is_link_loop(&error) => Self::LinkLoop,
            // "No such device or address", without "(os error 6)".
            _ => Self::Io(read::os_reason(&error)),
        }
    }
}

/// ELOOP: too many levels of symbolic links.
fn is_link_loop(error: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    const ELOOP: i32 = 40;
    #[cfg(not(target_os = "linux"))]
    const ELOOP: i32 = 62;
    cfg!(unix) && error.raw_os_error() == Some(ELOOP)
}

/// Everything the inputs gave: the usable documents and the skipped inputs.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Usable documents in input order.
    pub documents: Vec<Document>,
    /// Inputs that were skipped, with the reason.
    pub skipped: Vec<Skipped>,
    /// Problems that did not stop an input (a corrupt cache entry set aside
    /// and the page fetched again): the input and a one-line message.
    pub warnings: Vec<(String, String)>,
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

    /// The format of a path, sniffing the content when the extension says
    /// nothing (`.html`, `.md`, `.txt` are taken at their word).
    #[must_use]
    pub fn detect(path: &str, bytes: &[u8]) -> Self {
        let extension =
            Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        if ARTICLE_EXTENSIONS.contains(&extension.as_str()) || extension == "xhtml" {
            return Self::from_path(path);
        }
        Self::sniff(bytes).unwrap_or(Self::Text)
    }

    /// HTML recognised by its start (`<!DOCTYPE html>`, `<html`, `<head`,
    /// `<body`), the way a browser sniffs a page served without a type.
    #[must_use]
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        let head = &bytes[..bytes.len().min(1024)];
        let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        let lower: Vec<u8> = head[start..].iter().map(u8::to_ascii_lowercase).collect();
        let starts_as_html =
            [&b"<!doctype html"[..], b"<html", b"<head", b"<body"].iter().any(|m| lower.starts_with(m));
        let comment_or_xml_then_html =
            (lower.starts_with(b"<!--") || lower.starts_with(b"<?xml")) && lower.windows(5).any(|w| w == b"<html");
        (starts_as_html || comment_or_xml_then_html).then_some(Self::Html)
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
/// Arguments are OS strings (`String`s work too), so a file name that is
/// not UTF-8 is read as it is; it is shown lossily. A URL is shown and
/// stored without the user name and password it may carry.
#[must_use]
pub fn load_inputs<S: AsRef<OsStr>>(args: &[S], options: &IngestOptions) -> Loaded {
    load_inputs_with_progress(args, options, &|_| {})
}

/// Where reading one input stands, for a front end's progress display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProgress {
    /// 0-based position among the inputs found (folders expanded).
    pub index: usize,
    /// How many inputs there are.
    pub total: usize,
    /// The input as shown (a path, `-`, or a URL without credentials).
    pub source: String,
    /// True for a web address (it may take a while).
    pub url: bool,
    /// What happened.
    pub state: InputState,
}

/// The state of one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputState {
    /// Being read or fetched.
    Started,
    /// Read.
    Done,
    /// Skipped, with the reason.
    Skipped(String),
}

/// As [`load_inputs`], calling `progress` as each input starts and ends.
pub fn load_inputs_with_progress<S: AsRef<OsStr>>(
    args: &[S],
    options: &IngestOptions,
    progress: &dyn Fn(InputProgress),
) -> Loaded {
    let mut loaded = Loaded::default();
    let mut seen = SeenInputs::default();
    let specs = discover_inputs(args);
    let total = specs.len();
    for (index, spec) in specs.into_iter().enumerate() {
        let url = matches!(spec, Ok(InputSpec::Url(_)));
        let report = |source: &str, state: InputState| {
            progress(InputProgress { index, total, source: source.to_owned(), url, state });
        };
        if let Ok(input) = &spec
            && let Some((source, why)) = seen.repeated(input)
        {
            // Comparing a file with itself would only report it agrees with itself.
            let reason = IngestError::Duplicate(why).to_string();
            report(&source, InputState::Skipped(reason.clone()));
            loaded.skipped.push(Skipped { source, reason });
            continue;
        }
        let mut warnings = Vec::new();
        let source = match &spec {
            Ok(InputSpec::File(path)) => display_path(path),
            Ok(InputSpec::Stdin) => "-".to_owned(),
            Ok(InputSpec::Url(url)) => redact_url(url),
            Err((source, _)) => source.clone(),
        };
        report(&source, InputState::Started);
        let result = match spec {
            Ok(InputSpec::File(path)) => read_path(&path, options, &mut warnings),
            Ok(InputSpec::Stdin) => read_stdin(options, &mut warnings),
            Ok(InputSpec::Url(url)) => read_url(&url, options, &mut warnings),
            Err((_, error)) => Err(error),
        };
        loaded.warnings.extend(warnings.into_iter().map(|warning| (source.clone(), warning)));
        match result {
            Ok(document) => {
                report(&source, InputState::Done);
                loaded.documents.push(document);
            }
            Err(error) => {
                report(&source, InputState::Skipped(error.to_string()));
                loaded.skipped.push(Skipped { source, reason: error.to_string() });
            }
        }
    }
    loaded
}

/// Standard input, up to the size limit; from a pipe, given up after
/// `--timeout` without data.
fn read_stdin(options: &IngestOptions, warnings: &mut Vec<String>) -> Result<Document, IngestError> {
    let bytes = read_stdin_capped(options.max_input_bytes, options.timeout, &options.on_wait)?;
    parse_input("-", &bytes, Format::sniff(&bytes).unwrap_or(Format::Text), None, warnings)
}

/// The inputs met so far, to catch one given twice: the same file under
/// any name (`a.txt`, `./a.txt`, a folder holding it, a link to it,
/// `/dev/stdin` and `-`), the same URL however written (`#fragment`, case
/// of the scheme and host, a default port, credentials), standard input
/// again.
#[derive(Default)]
struct SeenInputs {
    /// File identity → the name it was first given as.
    files: std::collections::HashMap<FileIdentity, String>,
    /// URL identity → the URL as first shown.
    urls: std::collections::HashMap<String, String>,
    stdin: bool,
}

/// What makes two paths the same file: device and inode on Unix, the
/// canonical path elsewhere.
#[derive(PartialEq, Eq, Hash)]
enum FileIdentity {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

impl FileIdentity {
    fn of(path: &Path) -> Option<Self> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let metadata = std::fs::metadata(path).ok()?;
            Some(Self::Inode(metadata.dev(), metadata.ino()))
        }
        #[cfg(not(unix))]
        {
            std::fs::canonicalize(path).ok().map(Self::Path)
        }
    }

    /// Standard input's identity (what `/dev/stdin` names), when it has one.
    fn of_stdin() -> Option<Self> {
        if cfg!(unix) { Self::of(Path::new("/dev/stdin")) } else { None }
    }
}

impl SeenInputs {
    /// For an input met before: its name now and why it is skipped.
    fn repeated(&mut self, input: &InputSpec) -> Option<(String, String)> {
        match input {
            InputSpec::File(path) => {
                // A file that cannot be identified (missing, unreadable) is
                // reported by reading it.
                let identity = FileIdentity::of(path)?;
                let shown = display_path(path);
                match self.files.entry(identity) {
                    std::collections::hash_map::Entry::Occupied(first) => {
                        Some((shown, format!("the same file as {}, given twice", first.get())))
                    }
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(shown);
                        None
                    }
                }
            }
            InputSpec::Url(url) => {
                let shown = redact_url(url);
                match self.urls.entry(fetch::url_identity(url)) {
                    std::collections::hash_map::Entry::Occupied(first) if *first.get() == shown => {
                        Some((shown, "URL given twice".into()))
                    }
                    std::collections::hash_map::Entry::Occupied(first) => {
                        Some((shown, format!("the same page as {}, given twice", first.get())))
                    }
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(shown);
                        None
                    }
                }
            }
            InputSpec::Stdin => {
                if std::mem::replace(&mut self.stdin, true) {
                    return Some(("-".into(), "standard input given twice (it can be read only once)".into()));
                }
                // `/dev/stdin` (or `/dev/fd/0`) given as a file names the same stream.
                let identity = FileIdentity::of_stdin()?;
                match self.files.entry(identity) {
                    std::collections::hash_map::Entry::Occupied(first) => Some((
                        "-".into(),
                        format!(
                            "standard input is the same as {}, given twice (it can be read only once)",
                            first.get()
                        ),
                    )),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert("- (standard input)".into());
                        None
                    }
                }
            }
        }
    }
}

/// Reads one file into a document.
///
/// # Errors
/// Any [`IngestError`]: missing, unreadable, too large, binary or empty.
pub fn read_file(path: &str, options: &IngestOptions) -> Result<Document, IngestError> {
    read_path(Path::new(path), options, &mut Vec::new())
}

/// Reads one file, named as the OS has it, into a document; problems that
/// do not stop it go to `warnings`.
///
/// # Errors
/// As [`read_file`].
pub fn read_path(path: &Path, options: &IngestOptions, warnings: &mut Vec<String>) -> Result<Document, IngestError> {
    let bytes = read_capped_noticed(path, options.max_input_bytes, options.timeout, &options.on_wait)?;
    let source = display_path(path);
    let format = Format::detect(&source, &bytes);
    parse_input(&source, &bytes, format, None, warnings)
}

/// Fetches one URL (or reads it from the page cache) into a document, with
/// the final address, the fetch time and the cache use in its provenance.
/// Problems that do not stop it (a corrupt cache entry) go to `warnings`.
/// The user name and password a URL may carry are used for the request
/// only: the document, its provenance and the cache hold the URL without
/// them.
///
/// # Errors
/// [`IngestError::Fetch`] when it cannot be fetched, else as [`parse_bytes`].
pub fn read_url(url: &str, options: &IngestOptions, warnings: &mut Vec<String>) -> Result<Document, IngestError> {
    let fetched = fetch::fetch(url, &options.fetch_options(), warnings)?;
    check_size(fetched.body.len() as u64, options.max_input_bytes)?;
    let (format, charset) = fetched_format(&fetched);
    let mut document = parse_input(&redact_url(url), &fetched.body, format?, charset.as_deref(), warnings)?;
    if document.meta.outlet.is_none() {
        document.meta.outlet = site_of(&fetched.final_url);
    }
    document.provenance.final_url = Some(redact_url(&fetched.final_url));
    document.provenance.fetched_at = Some(fetched.fetched_at);
    document.provenance.from_cache = fetched.from_cache;
    Ok(document)
}

/// The format of a fetched page from its `Content-Type` (else sniffed, else
/// from the address), and the charset the header declares.
fn fetched_format(fetched: &fetch::Fetched) -> (Result<Format, IngestError>, Option<String>) {
    let header = fetched.content_type.as_deref().unwrap_or_default().to_ascii_lowercase();
    let mut parts = header.split(';').map(str::trim);
    let essence = parts.next().unwrap_or_default().to_owned();
    let charset = parts
        .find_map(|p| p.strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_owned())
        .filter(|c| !c.is_empty());
    let path = fetched.final_url.split(['?', '#']).next().unwrap_or_default();
    let format = match essence.as_str() {
        "text/html" | "application/xhtml+xml" => Ok(Format::Html),
        "text/markdown" | "text/x-markdown" => Ok(Format::Markdown),
        "text/plain" => Ok(Format::sniff(&fetched.body).unwrap_or_else(|| Format::from_path(path))),
        binary
            if ["image/", "audio/", "video/", "font/"].iter().any(|p| binary.starts_with(p))
                || matches!(binary, "application/pdf" | "application/zip" | "application/octet-stream") =>
        {
            Err(IngestError::NotAnArticle(format!("{binary} content")))
        }
        _ => Ok(Format::sniff(&fetched.body).unwrap_or_else(|| match Format::from_path(path) {
            Format::Text if !path.ends_with(".txt") => Format::Html,
            known => known,
        })),
    };
    (format, charset)
}

/// "courier.example" for "https://www.courier.example/news/a": the outlet of
/// a fetched page that does not name itself.
fn site_of(url: &str) -> Option<String> {
    let host = url.parse::<ureq::http::Uri>().ok()?.host()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (!host.is_empty()).then_some(host)
}

/// Parses the bytes of one input in the given format.
///
/// # Errors
/// [`IngestError::NotAnArticle`] for binary data, [`IngestError::Empty`] when no text remains.
pub fn parse_bytes(source: &str, bytes: &[u8], format: Format) -> Result<Document, IngestError> {
    parse_bytes_with_charset(source, bytes, format, None)
}

/// As [`parse_bytes`], with the charset a server declared (it outranks a
/// `<meta charset>`, as in browsers).
///
/// # Errors
/// As [`parse_bytes`].
pub fn parse_bytes_with_charset(
    source: &str,
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
) -> Result<Document, IngestError> {
    parse_input(source, bytes, format, charset, &mut Vec::new())
}

/// As [`parse_bytes_with_charset`], with the problems that did not stop the
/// input (stray bytes in UTF-8, a page cut to bounds) added to `warnings`.
fn parse_input(
    source: &str,
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    warnings: &mut Vec<String>,
) -> Result<Document, IngestError> {
    let decoded = decode_bytes_with_charset(bytes, charset)?;
    warnings.extend(decoded.warning.clone());
    if decoded.text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let mut document = match format {
        Format::Markdown => markdown::parse(source, &crate::normalize::clean_text(&decoded.text)),
        // The HTML parser normalises line endings itself, and entities can
        // bring control characters back, so HTML is cleaned piece by piece
        // after parsing instead.
        Format::Html => html::parse_with_warnings(source, &decoded.text, warnings)?,
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
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
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
    let rest = trimmed.get(..7).filter(|p| p.eq_ignore_ascii_case("source:")).map(|_| &trimmed[7..])?;
    let outlet = rest.trim();
    (!outlet.is_empty() && outlet.len() < 120).then(|| outlet.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_sniffed_when_the_name_says_nothing() {
        assert_eq!(Format::sniff(b"\xef\xbb\xbf\n  <!DOCTYPE HTML><html>"), Some(Format::Html));
        assert_eq!(Format::sniff(b"<!-- saved from url=(0014)about:internet -->\n<html>"), Some(Format::Html));
        assert_eq!(Format::sniff(b"Dam bursts\n\n<b>not a page</b>"), None);
        assert_eq!(Format::detect("page", b"<html><body>x"), Format::Html);
        assert_eq!(Format::detect("notes.txt", b"<html><body>x"), Format::Text);
        assert_eq!(Format::detect("story.md", b"# Dam"), Format::Markdown);
    }

    fn fetched(content_type: Option<&str>, url: &str, body: &[u8]) -> fetch::Fetched {
        fetch::Fetched {
            body: body.to_vec(),
            final_url: url.into(),
            fetched_at: "2026-05-12T09:40:00Z".into(),
            content_type: content_type.map(str::to_owned),
            from_cache: false,
        }
    }

    #[test]
    fn fetched_pages_take_their_format_from_the_content_type() {
        let page = fetched(Some("text/html; charset=\"KOI8-R\""), "https://a.example/x", b"x");
        let (format, charset) = fetched_format(&page);
        assert_eq!((format, charset.as_deref()), (Ok(Format::Html), Some("koi8-r")));
        let notes = fetched(Some("text/plain"), "https://a.example/notes.md", b"# Dam");
        assert_eq!(fetched_format(&notes).0, Ok(Format::Markdown));
        let untyped = fetched(None, "https://a.example/story", b"Dam bursts");
        assert_eq!(fetched_format(&untyped).0, Ok(Format::Html));
        let pdf = fetched(Some("application/pdf"), "https://a.example/r.pdf", b"%PDF-1.7");
        assert_eq!(fetched_format(&pdf).0, Err(IngestError::NotAnArticle("application/pdf content".into())));
    }

    #[test]
    fn a_page_without_a_site_name_is_named_after_its_host() {
        assert_eq!(site_of("https://www.Courier.example/news/a?b=1").as_deref(), Some("courier.example"));
        assert_eq!(site_of("http://127.0.0.1:8080/a").as_deref(), Some("127.0.0.1"));
    }
}
