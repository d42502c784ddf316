//! Turning command-line arguments into a list of inputs: files as given,
//! folders expanded to the article files directly inside them in natural
//! order, `-` for standard input, `http(s)://` addresses for fetching.

use super::IngestError;
use std::cmp::Ordering;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// File extensions read as articles when a folder is expanded.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSpec {
    /// A file path (as given, or built from a folder path and a file name),
    /// exactly as the operating system knows it: a name that is not UTF-8
    /// is kept as it is, and only displayed lossily.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
    /// A web address (`http://` or `https://`).
    Url(String),
}

/// How a path is shown in messages and reports: as text, with bytes that
/// are not UTF-8 replaced by U+FFFD.
#[must_use]
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Expands arguments into inputs, in order. A folder contributes its
/// article files sorted naturally (`a2` before `a10`); a problem with an
/// argument (or with a file in a folder) comes back as
/// `Err((name, reason))` in its place. Arguments are OS strings, so a file
/// name that is not UTF-8 is read all the same.
#[must_use]
pub fn discover_inputs<S: AsRef<OsStr>>(args: &[S]) -> Vec<Result<InputSpec, (String, IngestError)>> {
    let mut inputs = Vec::new();
    for arg in args {
        let arg = arg.as_ref();
        if arg == "-" {
            inputs.push(Ok(InputSpec::Stdin));
            continue;
        }
        if let Some(url) = arg.to_str().filter(|a| super::fetch::is_url(a)) {
            inputs.push(Ok(InputSpec::Url(url.to_owned())));
            continue;
        }
        if arg.is_empty() {
            // Shown as the shell would quote it: an empty name is no name.
            inputs.push(Err(("''".to_owned(), IngestError::EmptyArgument)));
            continue;
        }
        let path = Path::new(arg);
        let shown = display_path(path);
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => match folder_articles(path) {
                Ok(files) if files.is_empty() => inputs.push(Err((shown, IngestError::EmptyFolder))),
                Ok(files) => inputs.extend(files.into_iter().map(|f| f.map(InputSpec::File))),
                Err(error) => inputs.push(Err((shown, error))),
            },
            Ok(_) => inputs.push(Ok(InputSpec::File(path.to_path_buf()))),
            Err(error) => inputs.push(Err((shown, IngestError::from(error)))),
        }
    }
    inputs
}

/// A file found in a folder, or its name and why it cannot be read.
type Found = Result<PathBuf, (String, IngestError)>;

/// A folder entry with an article's name: its name as shown, as the OS has
/// it, and the problem that keeps it from being read, if any.
type FolderEntry = (String, std::ffi::OsString, Option<IngestError>);

/// The article files directly inside a folder, in natural order. A link
/// with an article's name that leads nowhere (broken, or looping) is
/// reported in its place rather than passed over in silence.
fn folder_articles(folder: &Path) -> Result<Vec<Found>, IngestError> {
    let mut names: Vec<FolderEntry> = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let Ok(file_type) = entry.file_type() else { continue };
        let name = entry.file_name();
        let shown = name.to_string_lossy().into_owned();
        if shown.starts_with('.') {
            continue;
        }
        let extension =
            Path::new(&name).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        if !ARTICLE_EXTENSIONS.contains(&extension.as_str()) {
            continue;
        }
        // Follow symlinks to files, but never descend into sub-folders.
        if file_type.is_file() {
            names.push((shown, name, None));
        } else if file_type.is_symlink() {
            match std::fs::metadata(entry.path()) {
                Ok(target) if target.is_file() => names.push((shown, name, None)),
                Ok(_) => {}
                Err(error) => {
                    let problem = match IngestError::from(error) {
                        IngestError::NotFound => IngestError::BrokenLink,
                        other => other,
                    };
                    names.push((shown, name, Some(problem)));
                }
            }
        }
    }
    names.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    Ok(names
        .into_iter()
        .map(|(_, name, problem)| {
            let path = folder.join(name);
            match problem {
                None => Ok(path),
                Some(problem) => Err((display_path(&path), problem)),
            }
        })
        .collect())
}

/// Compares strings so that runs of digits compare by value: `a2` < `a10`.
/// Ties (`a01` vs `a1`) fall back to plain byte order, so the order is total.
#[must_use]
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut left, mut right) = (a.as_bytes(), b.as_bytes());
    loop {
        match (left.first(), right.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let left_digits = left.iter().take_while(|c| c.is_ascii_digit()).count();
                let right_digits = right.iter().take_while(|c| c.is_ascii_digit()).count();
                let left_number = trim_zeros(&left[..left_digits]);
                let right_number = trim_zeros(&right[..right_digits]);
                let by_value = left_number.len().cmp(&right_number.len()).then_with(|| left_number.cmp(right_number));
                if by_value != Ordering::Equal {
                    return by_value;
                }
                left = &left[left_digits..];
                right = &right[right_digits..];
            }
            (Some(x), Some(y)) => {
                let by_char = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if by_char != Ordering::Equal {
                    return by_char;
                }
                left = &left[1..];
                right = &right[1..];
            }
        }
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let first = digits.iter().position(|d| *d != b'0').unwrap_or(digits.len());
    &digits[first..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_compares_numbers_by_value() {
        let mut names = vec!["a10.txt", "a2.txt", "a1.txt", "B3.md", "a02.txt"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["a1.txt", "a02.txt", "a2.txt", "a10.txt", "B3.md"]);
    }

    #[test]
    fn folders_expand_to_article_files_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["a10.txt", "a2.md", "expected.json", "annotations.json", "notes.html", ".hidden.txt"] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        std::fs::create_dir(dir.path().join("sub.txt")).expect("mkdir");
        let found: Vec<String> = discover_inputs(&[dir.path()])
            .into_iter()
            .map(|i| match i {
                Ok(InputSpec::File(f)) => {
                    Path::new(&f).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
                }
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(found, ["a2.md", "a10.txt", "notes.html"]);
    }

    #[test]
    fn missing_paths_and_empty_folders_are_reported_in_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let empty = dir.path().to_string_lossy().into_owned();
        let inputs = discover_inputs(&["/no/such/file.txt", empty.as_str(), "-"]);
        assert_eq!(inputs[0], Err(("/no/such/file.txt".into(), IngestError::NotFound)));
        assert_eq!(inputs[1], Err((empty, IngestError::EmptyFolder)));
        assert_eq!(inputs[2], Ok(InputSpec::Stdin));
    }
}
