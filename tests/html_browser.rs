//! The HTML report in a real browser: headless Chromium loads the report of
//! the bundled samples, of a hostile article set and of ten generated
//! articles, and the test checks the DOM the browser built (sections,
//! entries, no injected element, no script run) and writes screenshots to
//! `target/tmp/html-check/` for people to look at. The samples' report is
//! also printed to PDF: it must fit in 15 pages, and a link into the folded
//! side-by-side view must open it.
//!
//! Skips, saying so, when no Chromium is installed (`.ci/run` installs it).
//! `PARALLAX_CHROMIUM=/path/to/chrome` picks a browser.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PARALLAX_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| names.map(|name| dir.join(name))).find(|p| p.is_file())
}

/// Runs the browser on a file with extra arguments; returns its stdout.
fn browse(browser: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).expect("read the DOM"));
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader thread")
}

fn output_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-check");
    std::fs::create_dir_all(&dir).expect("create target/tmp/html-check");
    dir
}

/// Writes the HTML report of `inputs` to `html`.
fn report(inputs: &[&Path], html: &Path) {
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .arg("--quiet")
        .arg("--export")
        .arg(html)
        .args(inputs)
        .output()
        .expect("parallax runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Dumps the DOM and takes a 1400×900 screenshot; returns the DOM.
fn load(browser: &Path, html: &Path, screenshot: &Path) -> String {
    let _ = std::fs::remove_file(screenshot);
    let dom = browse(browser, html, &["--dump-dom"]);
    browse(browser, html, &[&format!("--screenshot={}", screenshot.display()), "--window-size=1400,900"]);
    let size = std::fs::metadata(screenshot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 20_000, "screenshot {} is {size} bytes", screenshot.display());
    eprintln!("screenshot: {}", screenshot.display());
    dom
}

fn json_report(inputs: &[&Path]) -> serde_json::Value {
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--quiet", "--export", "-", "--format", "json"])
        .args(inputs)
        .output()
        .expect("parallax runs");
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

fn count(list: &serde_json::Value) -> usize {
    list.as_array().map_or(0, Vec::len)
}

#[test]
fn samples_report_renders_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: Chromium not found (install `chromium` or set PARALLAX_CHROMIUM); .ci/run installs it");
        return;
    };
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam");
    let dir = output_dir();
    let html = dir.join("dravik-dam.html");
    report(&[&samples], &html);
    let dom = load(&browser, &html, &dir.join("dravik-dam.png"));
    let json = json_report(&[&samples]);

    for section in ["summary", "side-by-side", "discrepancies", "facts", "provenance"] {
        assert!(dom.contains(&format!("<section id=\"{section}\"")), "section {section}");
    }
    // The editor's summary comes first and names what to check first.
    let summary = dom.find("<section id=\"summary\"").expect("summary");
    assert!(summary < dom.find("<section id=\"discrepancies\"").expect("list"), "summary first");
    assert!(dom.contains("<ol class=\"key\">"), "the check-first list");
    // Every row is one click away, folded; the rows that differ are open.
    let (key_rows, all_rows) = dom.split_once("<details class=\"full\" id=\"all-rows\">").expect("every row, folded");
    assert!(key_rows.contains("<tr id=\"k-row-"), "the key rows");
    assert!(!dom.contains("id=\"fact-table\""), "five articles need no fact table");
    let articles = json["articles"].as_array().expect("articles");
    for (index, article) in articles.iter().enumerate() {
        let outlet = article["outlet"].as_str().expect("outlet");
        let header = format!("data-col=\"{index}\"><span class=\"chip\">{}</span> {outlet}", index + 1);
        assert!(dom.contains(&header), "column header {header}");
    }
    let discrepancies = count(&json["discrepancies"]);
    assert!(discrepancies > 0);
    assert_eq!(dom.matches("<li class=\"disc ").count(), discrepancies, "one index entry per discrepancy");
    for id in 1..=discrepancies {
        assert!(dom.contains(&format!("id=\"d{id}\"")), "entry d{id}");
    }
    assert_eq!(all_rows.matches("<tr id=\"row-").count(), count(&json["rows"]), "one row per alignment row");
    let moved = json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|r| r["moved"].as_array().cloned().unwrap_or_default())
        .filter(|m| !m.is_null())
        .count();
    assert!(moved > 0, "the samples have moved paragraphs");
    let all_rows = all_rows.split_once("</details>").expect("end of every row").0;
    assert_eq!(all_rows.matches("class=\"moved-tag\" href=").count(), moved, "every moved paragraph is marked");
    assert_eq!(dom.matches("<tr id=\"g").count(), count(&json["groups"]), "one shared fact per group");
    assert!(dom.contains("class=\"mk mk-conflict\""), "conflicting figures are marked");
    assert!(dom.contains("class=\"mk mk-name\""), "name variants are marked");
    assert!(!dom.contains("<script"), "the page has no script");

    // Printed, it fits in 15 pages (the closed parts stay closed).
    let pdf = dir.join("dravik-dam.pdf");
    let _ = std::fs::remove_file(&pdf);
    browse(&browser, &html, &[&format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer"]);
    let bytes = std::fs::read(&pdf).expect("the PDF");
    let pages = count_pages(&bytes);
    eprintln!("printed: {} ({pages} pages)", pdf.display());
    assert!((1..=15).contains(&pages), "the samples' report prints on {pages} pages");

    // A link to a sentence in the folded view opens it (the browser reveals
    // the <details>), so "show in context" always lands on visible text.
    let folded = dom
        .split("<details class=\"full\" id=\"all-rows\">")
        .nth(1)
        .and_then(|rest| rest.split("id=\"a").nth(1))
        .and_then(|rest| rest.split('"').next())
        .map(|id| format!("a{id}"))
        .expect("a sentence in the folded view");
    let opened = browse_fragment(&browser, &html, &folded);
    assert!(opened.contains("<details class=\"full\" id=\"all-rows\" open"), "#{folded} opens the folded rows");
}

/// Pages of a PDF (its `/Type /Page` objects, not `/Pages`).
fn count_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

/// The DOM after loading `page#fragment` (virtual time lets the navigation settle).
fn browse_fragment(browser: &Path, page: &Path, fragment: &str) -> String {
    let url = format!("file://{}#{fragment}", page.display());
    let profile = tempfile::tempdir().expect("profile dir");
    let output = std::process::Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--virtual-time-budget=2000", "--dump-dom"])
        .arg(url)
        .stderr(Stdio::null())
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn hostile_articles_run_nothing_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: Chromium not found (install `chromium` or set PARALLAX_CHROMIUM)");
        return;
    };
    let inputs = tempfile::tempdir().expect("tempdir");
    // If any of this ran, it would leave a trace in the DOM the browser dumps.
    std::fs::write(
        inputs.path().join("a.txt"),
        "Dam bursts <script>document.title='pwned'</script>\n\n\
         About 4,500 residents were evacuated on Tuesday, officials said. \
         <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> \
         See [x](javascript:alert(1)).\n",
    )
    .expect("write");
    std::fs::write(
        inputs.path().join("b.md"),
        "# Flood <a href=\"javascript:alert(1)\">here</a>\n\n\
         More than 4,000 residents were evacuated on Tuesday, officials said. \
         <svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>\n",
    )
    .expect("write");
    let dir = output_dir();
    let html = dir.join("hostile.html");
    report(&[inputs.path()], &html);
    let dom = load(&browser, &html, &dir.join("hostile.png"));
    assert!(!dom.contains("pwned</title>") && dom.contains("<title>Comparison of 2 articles"), "title untouched");
    assert!(!dom.contains("data-pwned=\""), "no handler ran");
    let lower = dom.to_lowercase();
    for element in ["<script", "<img", "<svg", "<iframe", "href=\"javascript"] {
        assert!(!lower.contains(element), "the browser built a `{element}` element");
    }
    assert!(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), "the script shows as text");
    assert!(dom.contains("[x](javascript:alert(1))"), "the link syntax shows as text");
}

#[test]
fn ten_generated_articles_get_the_wide_layout_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: Chromium not found (install `chromium` or set PARALLAX_CHROMIUM)");
        return;
    };
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam");
    let inputs = tempfile::tempdir().expect("tempdir");
    for (name, text) in corpus::generate(&samples, 10, 400, 1) {
        std::fs::write(inputs.path().join(name), text).expect("write article");
    }
    let dir = output_dir();
    let html = dir.join("generated-10.html");
    report(&[inputs.path()], &html);
    let dom = load(&browser, &html, &dir.join("generated-10.png"));
    let json = json_report(&[inputs.path()]);
    assert!(dom.contains("<body class=\"wide\">"));
    assert!(dom.contains("<section id=\"fact-table\""), "the per-fact table");
    for column in 0..10 {
        assert!(
            dom.contains(&format!("<input type=\"checkbox\" class=\"toggle\" id=\"col-{column}\"")),
            "toggle {column}"
        );
        assert!(dom.contains(&format!("<label for=\"col-{column}\"")), "label {column}");
    }
    let rows = count(&json["groups"]) + count(&json["discrepancies"]);
    assert_eq!(dom.matches("<tr class=\"f-").count(), rows, "one fact-table row per fact and discrepancy");
}
