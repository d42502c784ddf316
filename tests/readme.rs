//! The README keeps up with the program: every option `--help` lists is
//! documented, and the pictures it shows exist (made by
//! `scripts/screenshots.sh`).

use assert_cmd::Command;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

#[test]
fn every_option_in_help_is_in_the_readme() {
    let help = Command::cargo_bin("parallax").expect("binary").arg("--help").output().expect("runs");
    let help = String::from_utf8(help.stdout).expect("UTF-8");
    let readme = readme();
    let options: Vec<&str> = help
        .lines()
        .filter_map(|line| line.split_whitespace().find(|w| w.starts_with("--")))
        .map(|w| w.trim_end_matches(','))
        .filter(|w| w.len() > 2)
        .collect();
    assert!(options.len() >= 15, "options read from --help: {options:?}");
    for option in options {
        assert!(readme.contains(&format!("`{option}")), "README does not document {option}");
    }
    assert!(readme.contains("`NAME=PATH`"), "naming inputs");
    assert!(readme.contains("figures-csv"), "the figures CSV");
}

#[test]
fn the_readme_pictures_exist() {
    let readme = readme();
    let mut pictures = 0;
    for (at, _) in readme.match_indices("](docs/screenshots/") {
        let path = &readme[at + 2..];
        let path = &path[..path.find(')').expect("closing parenthesis")];
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        assert!(file.is_file(), "{path} is missing: run scripts/screenshots.sh");
        pictures += 1;
    }
    assert!(pictures >= 2, "a picture of the reader and one of the report");
}
