//! Terminal safety: escape sequences (CSI, OSC 0 title, OSC 52 clipboard,
//! DCS), C0 and C1 controls and bidi overrides in article text, titles,
//! outlets AND file names never reach standard error, the Markdown report
//! or the reader's screen — neither the introducer nor the payload.

use assert_cmd::Command;
use parallax::ingest::IngestOptions;
use parallax::tui::keymap::Key;
use parallax::tui::{App, Options};
use parallax::{Settings, compare_inputs};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Every kind of sequence and control, with payloads that must vanish too.
const HOSTILE: &str = "\u{1b}[2J\u{1b}[31mred\u{1b}[0m \u{1b}]0;PWNED-TITLE\u{7} \u{1b}]52;c;Q0xJUEJPQVJE\u{1b}\\ \
                       \u{1b}P+q544e\u{1b}\\ \u{9b}2J \u{9d}0;C1-TITLE\u{9c} \u{90}DCS-C1\u{9c} \u{7}\u{8}\u{b}\u{c}\u{7f}\u{85} \
                       \u{202a}\u{202b}\u{202d}\u{202e}desrever\u{202c} \u{2066}\u{2067}\u{2068}iso\u{2069}";

/// Payloads of the sequences above: stripping the introducer alone is not enough.
const PAYLOADS: &[&str] = &["PWNED-TITLE", "Q0xJUEJPQVJE", "C1-TITLE", "DCS-C1", "544e"];

/// The first forbidden character in `text`, if any (`\n` is allowed where
/// `newlines` says so).
fn forbidden(text: &str, newlines: bool) -> Option<(usize, char)> {
    text.char_indices().find(|(_, c)| {
        (c.is_control() && !(newlines && *c == '\n'))
            || ('\u{202a}'..='\u{202e}').contains(c)
            || ('\u{2066}'..='\u{2069}').contains(c)
    })
}

fn assert_clean(what: &str, text: &str, newlines: bool) {
    if let Some((at, c)) = forbidden(text, newlines) {
        let context: String = text[at.saturating_sub(40)..].chars().take(80).collect();
        panic!("{what}: {c:?} at byte {at}: {context:?}");
    }
    for payload in PAYLOADS {
        assert!(!text.contains(payload), "{what}: the payload {payload} got through");
    }
}

struct Hostile {
    _dir: tempfile::TempDir,
    folder: PathBuf,
    /// Two usable articles with hostile names, titles, outlets and text.
    articles: [PathBuf; 2],
    /// Unusable inputs with hostile names (empty, missing).
    broken: [PathBuf; 2],
}

fn hostile() -> Hostile {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().to_path_buf();
    // Linux file names may hold anything but `/` and NUL.
    let name = |stem: &str, extension: &str| folder.join(format!("{stem}{HOSTILE}.{extension}"));
    // Ordinary reporting around the sequences: text that is mostly control
    // bytes is refused as binary data before any of this matters.
    let filler = "Rescuers in boats searched the flooded streets of the lower town through the night, and the \
                  regional government opened three shelters in school buildings on higher ground.\n\n"
        .repeat(12);
    let markdown = name("wire", "md");
    std::fs::write(
        &markdown,
        format!(
            "# Dam bursts {HOSTILE} in Velmora\n\nSource: Wire {HOSTILE}\n\nThree people were killed {HOSTILE} \
             on Tuesday.\n\n{filler}About 4,500 residents{HOSTILE} were evacuated overnight.\n"
        ),
    )
    .expect("write");
    let html = name("courier", "html");
    // Entities can bring controls back after parsing: they must go too.
    std::fs::write(
        &html,
        "<html><head><title>Velmora &#x1b;]0;PWNED-TITLE&#7; floods \u{202e}x</title>\
         <meta property=\"og:site_name\" content=\"Courier &#x1b;[31m\"></head><body><article>\
         <h1>Velmora &#x1b;]0;PWNED-TITLE&#7; floods</h1>\
         <p>At least five people were killed &#x1b;]52;c;Q0xJUEJPQVJE&#7; on Tuesday, officials said.</p>\
         <p>More than 4,000 residents were evacuated overnight \u{202e}from the valley.</p>\
         <p>Engineers had reported cracks in the wall of the dam &#x9b;2J weeks before it burst.</p>\
         <p>Rescuers in boats searched the flooded streets of the lower town through the night, and the \
         regional government opened three shelters in school buildings on higher ground.</p>\
         </article></body></html>",
    )
    .expect("write");
    let empty = name("empty", "txt");
    std::fs::write(&empty, "").expect("write");
    let missing = name("missing", "txt");
    Hostile { _dir: dir, folder, articles: [markdown, html], broken: [empty, missing] }
}

fn parallax(args: &[&Path]) -> std::process::Output {
    Command::cargo_bin("parallax")
        .expect("binary")
        .env("NO_COLOR", "1")
        .arg("--no-config")
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn messages_on_standard_error_never_carry_escapes_from_file_names() {
    let hostile = hostile();
    let report = hostile.folder.join(format!("report{HOSTILE}.md"));
    let [a, b] = &hostile.articles;
    let [empty, missing] = &hostile.broken;
    let output = parallax(&[Path::new("--export"), &report, a, empty, b, missing]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_clean("stderr", &stderr, true);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("parallax: warning: ") && lines[0].ends_with("empty: no text (skipped)"));
    assert!(lines[1].ends_with("no such file or folder (skipped)"), "{}", lines[1]);
    assert!(lines[2].starts_with("parallax: report written to "), "{}", lines[2]);

    // A usage error quoting a hostile argument is cleaned too.
    let output = parallax(&[Path::new(&format!("--{HOSTILE}"))]);
    assert_eq!(output.status.code(), Some(2));
    assert_clean("usage error", &String::from_utf8_lossy(&output.stderr), true);
}

#[test]
fn the_markdown_report_never_carries_escapes() {
    let hostile = hostile();
    let [a, b] = &hostile.articles;
    let [empty, missing] = &hostile.broken;
    let output = parallax(&[Path::new("--export"), Path::new("-"), a, empty, b, missing]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let markdown = String::from_utf8(output.stdout).expect("UTF-8");
    assert_clean("Markdown report", &markdown, true);
    assert!(markdown.contains("Velmora"), "the articles are in it");
    assert!(markdown.contains("## Skipped inputs"), "the broken inputs are listed");
    assert!(markdown.contains("## Discrepancies"), "{markdown}");
}

#[test]
fn the_reader_screen_never_carries_escapes() {
    let hostile = hostile();
    let inputs: Vec<String> = hostile.articles.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let comparison = Arc::new(compare_inputs(&inputs, &IngestOptions::default(), &Settings::default()));
    assert_eq!(comparison.articles.len(), 2);
    assert!(!comparison.discrepancies.is_empty(), "something to open in the detail view");
    // Every screen: panes, the list, the detail view, help, filter, search.
    let states: [&[&str]; 7] = [&[], &["n"], &["d", "n"], &["n", "enter"], &["?"], &["f"], &["/", "k"]];
    for keys in states {
        for (width, height) in [(140, 40), (70, 30), (40, 12)] {
            let mut app = App::ready(Options::default(), Arc::clone(&comparison));
            app.resize(width, height);
            for name in keys {
                let key = Key::parse(name).expect("valid key");
                app.handle_key(KeyEvent::new(key.code(), key.modifiers()));
            }
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
            let screen: String = terminal.backend().buffer().content().iter().map(|cell| cell.symbol()).collect();
            assert_clean(&format!("screen {width}x{height} after {keys:?}"), &screen, false);
            if keys.is_empty() && width == 140 {
                assert!(screen.contains("Velmora"), "the articles are on screen");
            }
        }
    }
}
