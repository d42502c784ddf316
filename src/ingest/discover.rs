//! Turning command-line arguments into a list of inputs: files as given,
//! folders expanded to the article files directly inside them in natural
//! order, `-` for standard input, `http(s)://` addresses for fetching.

use super::IngestError;
use std::cmp::Ordering;
use std::path::Path;

/// File extensions read as articles when a folder is expanded.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSpec {
    /// A file path (as given, or built from a folder path and a file name).
    File(String),
    /// Standard input (`-`).
    Stdin,
    /// A web address (`http://` or `https://`).
    Url(String),
}

/// Expands arguments into inputs, in order. A folder contributes its
/// article files sorted naturally (`a2` before `a10`); a problem with an
/// argument comes back as `Err((argument, reason))` in its place.
#[must_use]
pub fn discover_inputs(args: &[String]) -> Vec<Result<InputSpec, (String, IngestError)>> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Ok(InputSpec::Stdin));
            continue;
        }
        if super::fetch::is_url(arg) {
            inputs.push(Ok(InputSpec::Url(arg.clone())));
            continue;
        }
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => match folder_articles(path) {
                Ok(files) if files.is_empty() => inputs.push(Err((arg.clone(), IngestError::EmptyFolder))),
                Ok(files) => inputs.extend(files.into_iter().map(|f| Ok(InputSpec::File(f)))),
                Err(error) => inputs.push(Err((arg.clone(), error))),
            },
            Ok(_) => inputs.push(Ok(InputSpec::File(arg.clone()))),
            Err(error) => inputs.push(Err((arg.clone(), IngestError::from(error)))),
        }
    }
    inputs
}

fn folder_articles(folder: &Path) -> Result<Vec<String>, IngestError> {
    let mut names: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let Ok(file_type) = entry.file_type() else { continue };
        // Follow symlinks to files, but never descend into sub-folders.
        let is_file = file_type.is_file() || (file_type.is_symlink() && entry.path().is_file());
        if !is_file {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let extension =
            Path::new(&name).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        if ARTICLE_EXTENSIONS.contains(&extension.as_str()) {
            names.push(name);
        }
    }
    names.sort_by(|a, b| natural_cmp(a, b));
    Ok(names.into_iter().map(|name| folder.join(name).to_string_lossy().into_owned()).collect())
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
        let arg = dir.path().to_string_lossy().into_owned();
        let found: Vec<String> = discover_inputs(&[arg])
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
        let inputs = discover_inputs(&["/no/such/file.txt".into(), empty.clone(), "-".into()]);
        assert_eq!(inputs[0], Err(("/no/such/file.txt".into(), IngestError::NotFound)));
        assert_eq!(inputs[1], Err((empty, IngestError::EmptyFolder)));
        assert_eq!(inputs[2], Ok(InputSpec::Stdin));
    }
}
