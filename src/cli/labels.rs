//! Naming inputs on the command line: `--label NAME` before an input, or
//! `NAME=PATH`. The name becomes the article's outlet everywhere (screen,
//! reports, JSON). An argument that exists as a path is always a path, a
//! URL keeps its `=`, and `-` is standard input.

use clap::ArgMatches;
use std::ffi::OsString;

/// The inputs to read and the outlet name given for each, if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Named {
    /// What to read, in order (a `NAME=` prefix removed).
    pub inputs: Vec<OsString>,
    /// The name given for each input.
    pub names: Vec<Option<String>>,
}

/// For each `--label`, the index of the input it names (the next input on
/// the command line).
///
/// # Errors
/// A message when a `--label` has no input after it.
pub fn label_targets(matches: &ArgMatches) -> Result<Vec<(usize, String)>, String> {
    let labels: Vec<(usize, String)> = match (matches.indices_of("label"), matches.get_many::<String>("label")) {
        (Some(indices), Some(values)) => indices.zip(values.cloned()).collect(),
        _ => return Ok(Vec::new()),
    };
    let inputs: Vec<usize> = matches.indices_of("inputs").map(Iterator::collect).unwrap_or_default();
    labels
        .into_iter()
        .map(|(at, name)| {
            inputs
                .iter()
                .position(|input| *input > at)
                .map(|input| (input, name.clone()))
                .ok_or_else(|| format!("--label {name}: give the input it names after it (--label NAME PATH)"))
        })
        .collect()
}

/// Splits `NAME=PATH` arguments and attaches `--label` names.
#[must_use]
pub fn resolve(arguments: &[OsString], labels: &[(usize, String)]) -> Named {
    let mut named = Named::default();
    for (index, argument) in arguments.iter().enumerate() {
        let label = labels.iter().rev().find(|(at, _)| *at == index).map(|(_, name)| name.trim().to_owned());
        // A name is text: an argument that is not UTF-8 is a path.
        let (input, name) = match argument.to_str().and_then(split_name) {
            Some((name, path)) => (OsString::from(path), Some(name)),
            None => (argument.clone(), None),
        };
        named.inputs.push(input);
        named.names.push(label.filter(|l| !l.is_empty()).or(name));
    }
    named
}

/// `NAME=PATH` → (NAME, PATH), unless the argument is a path that exists,
/// a URL or standard input.
fn split_name(argument: &str) -> Option<(String, String)> {
    let lower = argument.to_ascii_lowercase();
    if argument == "-" || lower.starts_with("http://") || lower.starts_with("https://") {
        return None;
    }
    if std::fs::symlink_metadata(argument).is_ok() {
        return None;
    }
    let (name, path) = argument.split_once('=')?;
    let name = name.trim();
    (!name.is_empty() && !path.is_empty()).then(|| (name.to_owned(), path.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<OsString> {
        items.iter().map(OsString::from).collect()
    }

    #[test]
    fn name_equals_path_names_an_input_but_urls_and_real_paths_keep_their_equals() {
        let folder = tempfile::tempdir().expect("temp dir");
        let odd = folder.path().join("a=b.txt");
        std::fs::write(&odd, "x").expect("write");
        let odd = odd.display().to_string();
        let named = resolve(
            &strings(&["Reuters=7f3a.txt", "https://x.example/a?id=1", &odd, "-", "Le Monde=https://y.example/?p=2"]),
            &[],
        );
        assert_eq!(
            named.inputs,
            strings(&["7f3a.txt", "https://x.example/a?id=1", &odd, "-", "https://y.example/?p=2"])
        );
        assert_eq!(named.names, [Some("Reuters".to_owned()), None, None, None, Some("Le Monde".to_owned())]);
    }

    #[test]
    fn a_label_names_its_input_and_wins_over_name_equals() {
        let named = resolve(&strings(&["a.txt", "AP=b.txt"]), &[(0, "Reuters".into()), (1, "BBC".into())]);
        assert_eq!(named.inputs, strings(&["a.txt", "b.txt"]));
        assert_eq!(named.names, [Some("Reuters".to_owned()), Some("BBC".to_owned())]);
    }
}
