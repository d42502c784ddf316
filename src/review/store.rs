//! Keeping a review: in the user's data folder, keyed by the articles'
//! content hashes (so reopening the same articles restores it), or in a file
//! the user names (`--review PATH`, to keep beside the articles and share).
//!
//! Saving is atomic (a temporary file in the same folder, renamed into
//! place). A file that is corrupt, foreign or from a newer parallax is
//! reported in one line and set aside under a new name; it is never
//! overwritten.

use super::fingerprint::ReviewedArticle;
use super::model::{FORMAT, Review, VERSION};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a review is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A file the user named (`--review PATH`).
    File(PathBuf),
    /// The data folder: `reviews/<key>.json` in it.
    DataDir(PathBuf),
}

/// The user's data folder for parallax (`~/.local/share/parallax` on Linux).
#[must_use]
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "parallax").map(|dirs| dirs.data_dir().to_path_buf())
}

/// The file in `data_dir` that keeps the review of these articles: named by
/// a hash of their sorted content hashes, so the order of the inputs and
/// their paths do not matter.
#[must_use]
pub fn data_path(data_dir: &Path, articles: &[ReviewedArticle]) -> PathBuf {
    let mut hashes: Vec<&str> = articles.iter().map(|a| a.content_sha256.as_str()).collect();
    hashes.sort_unstable();
    let digest = Sha256::digest(hashes.join("\n").as_bytes());
    let key: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    data_dir.join("reviews").join(format!("{key}.json"))
}

/// A review ready to use, and where it is saved.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The review (empty when none was found).
    pub review: Review,
    /// Where changes are saved; `None` when a file that could not be read
    /// or set aside is in the way (it is never overwritten).
    pub path: Option<PathBuf>,
    /// One line for the user: a file set aside, or a review carried over
    /// from articles that have changed since.
    pub notice: Option<String>,
}

/// Finds and reads the review of `articles` at `location`.
///
/// In the data folder, when no review has these exact articles, the newest
/// review of the same sources is carried over (an article was edited since:
/// the verdicts on its changed sentences show as stale).
#[must_use]
pub fn open(location: &Location, articles: Vec<ReviewedArticle>) -> Opened {
    let (read_from, path, carried) = match location {
        Location::File(path) => (path.clone(), path.clone(), false),
        Location::DataDir(dir) => {
            let path = data_path(dir, &articles);
            if path.exists() {
                (path.clone(), path, false)
            } else {
                match same_sources(dir, &articles) {
                    Some(older) => (older, path, true),
                    None => (path.clone(), path, false),
                }
            }
        }
    };
    let mut opened = Opened { review: Review::new(articles.clone()), path: Some(path), notice: None };
    match read(&read_from) {
        Ok(None) => {}
        Ok(Some(mut review)) => {
            // Today's articles join the list; those the review was made on
            // stay, so an edited article is still recognised by its source.
            for article in articles {
                if !review.articles.contains(&article) {
                    review.articles.push(article);
                }
            }
            if carried {
                opened.notice = Some(format!(
                    "the articles changed since the review in {}: verdicts on changed sentences are marked stale",
                    read_from.display()
                ));
            }
            opened.review = review;
        }
        Err(problem) => {
            let (notice, moved) = set_aside(&read_from, &problem);
            opened.notice = Some(notice);
            if !moved && read_from == opened.path.clone().unwrap_or_default() {
                opened.path = None;
            }
        }
    }
    opened
}

/// Why a review file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON, or not the shape of a review.
    Corrupt(String),
    /// JSON, but not a parallax review.
    Foreign,
    /// Written by a newer parallax.
    Newer(u64),
    /// It could not be read at all.
    Unreadable(String),
}

impl Problem {
    fn suffix(&self) -> &'static str {
        match self {
            Self::Corrupt(_) | Self::Unreadable(_) => "corrupt",
            Self::Foreign => "foreign",
            Self::Newer(_) => "newer",
        }
    }

    fn describe(&self) -> String {
        match self {
            Self::Corrupt(reason) => format!("is corrupt ({reason})"),
            Self::Foreign => "is not a parallax review".to_owned(),
            Self::Newer(version) => {
                format!("was written by a newer parallax (review version {version}; this one reads {VERSION})")
            }
            Self::Unreadable(reason) => format!("cannot be read ({reason})"),
        }
    }
}

/// Reads a review file: `Ok(None)` when there is none.
///
/// # Errors
/// The file exists but is corrupt, foreign, newer or unreadable.
pub fn read(path: &Path) -> Result<Option<Review>, Problem> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(Problem::Unreadable(error.kind().to_string())),
    };
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| Problem::Corrupt(format!("not JSON: {e}")))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(Problem::Foreign);
    }
    let version = value.get("version").and_then(serde_json::Value::as_u64).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(Problem::Newer(version));
    }
    serde_json::from_value(value).map(Some).map_err(|e| Problem::Corrupt(e.to_string()))
}

/// Renames an unusable file out of the way and says so in one line; true
/// when it was moved.
fn set_aside(path: &Path, problem: &Problem) -> (String, bool) {
    let what = format!("review file {} {}", path.display(), problem.describe());
    if matches!(problem, Problem::Unreadable(_)) {
        return (format!("{what}: this session's review will not be saved"), false);
    }
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{}", problem.suffix()));
    let mut aside = PathBuf::from(&name);
    let mut n = 1;
    while aside.exists() {
        let mut numbered = name.clone();
        numbered.push(format!(".{n}"));
        aside = PathBuf::from(numbered);
        n += 1;
    }
    match std::fs::rename(path, &aside) {
        Ok(()) => (format!("{what}: set aside as {}; starting a new review", aside.display()), true),
        Err(error) => (
            format!("{what} and cannot be set aside ({}): this session's review will not be saved", error.kind()),
            false,
        ),
    }
}

/// The newest review in `dir` made on articles from the same sources.
fn same_sources(dir: &Path, articles: &[ReviewedArticle]) -> Option<PathBuf> {
    let mut sources: Vec<&str> = articles.iter().map(|a| a.source.as_str()).collect();
    sources.sort_unstable();
    let entries = std::fs::read_dir(dir.join("reviews")).ok()?;
    entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|entry| {
            let review = read(&entry.path()).ok()??;
            let mut theirs: Vec<&str> = review.articles.iter().map(|a| a.source.as_str()).collect();
            theirs.sort_unstable();
            theirs.dedup();
            let mut ours = sources.clone();
            ours.dedup();
            (theirs == ours).then(|| (entry.metadata().and_then(|m| m.modified()).ok(), entry.path()))
        })
        .max()
        .map(|(_, path)| path)
}

/// Saves a review atomically (a temporary file in the same folder, renamed
/// over the old one), creating the folder when needed.
///
/// # Errors
/// The folder cannot be created or the file cannot be written.
pub fn save(path: &Path, review: &Review) -> std::io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut text = serde_json::to_string_pretty(review).map_err(std::io::Error::other)?;
    text.push('\n');
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
