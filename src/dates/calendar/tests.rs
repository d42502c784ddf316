//! The hand-written calendar scanner against its pattern.

use super::*;
use proptest::prelude::*;
use std::sync::LazyLock;

static SPEC: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(PATTERN).expect("the calendar pattern compiles"));

/// What `captures_iter` of the pattern finds.
fn by_pattern(text: &str) -> Vec<Found> {
    let range = |m: Option<regex::Match<'_>>| m.map(|m| m.range());
    SPEC.captures_iter(text)
        .filter_map(|c| {
            Some(Found {
                whole: c.get(0)?.range(),
                month: range(c.name("month1").or_else(|| c.name("month2"))),
                day: range(c.name("day1").or_else(|| c.name("day2"))),
                year: range(c.name("year")),
                iso: range(c.name("iso")),
            })
        })
        .collect()
}

fn agree(text: &str) -> Result<(), String> {
    let (expected, got) = (by_pattern(text), find(text));
    if expected == got { Ok(()) } else { Err(format!("{text:?}:\n pattern {expected:?}\n scanner {got:?}")) }
}

#[test]
fn finds_what_the_pattern_finds_in_written_cases() {
    for text in [
        "The dam burst on Tuesday, March 3, 2026, after days of rain.",
        "Mar. 3 2026; Sept. 11; Sept 11, 2001; sep. 9th; SEPTEMBER. 4",
        "on the 3rd of March and the 4th of  june,2020 and 12 Dec.",
        "2026-03-03 and 2026-13-40 and 1999-1-1 and 2026-03-031",
        "Monday,March 3 Monday ,March 3 monday  may 1st 1999x",
        "3 Marchx 3 Mar.x 3 Mar. x 3 Mar.\u{a0}2020 3 may\u{a0}\u{a0}2020",
        "Auguſt 3 and ſept. 4, 1\u{17f}t of May, \u{212a} 3 Dec 3rd 20\u{663}\u{664}",
        "Jan \u{663}\u{664} \u{663} Feb Jan 1 2020-01-01 May 5, 19999 May 5, 2019-",
        "12 of\u{2003}may, 2001 and 1st of mayo 2",
        "",
        "May",
        "2020-",
    ] {
        if let Err(e) = agree(text) {
            panic!("{e}");
        }
    }
}

#[test]
fn finds_what_the_pattern_finds_in_the_samples_and_the_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("PARALLAX_SHARED").map_or_else(|| root.join("../shared"), std::path::PathBuf::from);
    let mut folders = vec![root.join("assets/samples"), shared.join("corpus")];
    let mut texts = 0;
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html") {
                let Ok(text) = std::fs::read_to_string(&path) else { continue };
                texts += 1;
                if let Err(e) = agree(&text) {
                    panic!("{e}");
                }
            }
        }
    }
    assert!(texts >= 5, "only {texts} texts read");
}

/// Pieces near and inside dates, in both cases and with the characters
/// only Unicode classes or `(?i)` accept.
const PIECES: &[&str] = &[
    "jan",
    "January",
    "JAN.",
    "feb",
    "february",
    "mar",
    "March",
    "Mar.",
    "apr",
    "april",
    "may",
    "MAY",
    "jun",
    "June",
    "jul",
    "july",
    "aug",
    "Aug.",
    "august",
    "sep",
    "Sept",
    "sept.",
    "September",
    "september.",
    "oct",
    "Oct.",
    "nov",
    "November",
    "dec",
    "december",
    "Auguſt",
    "ſep",
    "monday",
    "Tuesday",
    "WEDNESDAY",
    "thursday",
    "friday",
    "saturday",
    "Sunday",
    "of",
    "OF",
    "st",
    "nd",
    "rd",
    "th",
    "ſt",
    "TH",
    "1",
    "3",
    "12",
    "31",
    "0",
    "9",
    "19",
    "20",
    "2026",
    "1999",
    "2100",
    "19999",
    "\u{663}",
    "\u{967}",
    "-",
    "--",
    "03",
    "13",
    "01",
    "-0",
    "-3",
    " ",
    "  ",
    "\u{a0}",
    "\u{2003}",
    "\n",
    "\t",
    ",",
    ".",
    ", ",
    ". ",
    "x",
    "é",
    "\u{212a}",
    "’",
    "(",
    "_",
    "a",
    "mayo",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    fn finds_what_the_pattern_finds_in_random_text(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..14)) {
        let text = pieces.concat();
        let result = agree(&text);
        prop_assert!(result.is_ok(), "{:?}", result);
    }

    #[test]
    fn finds_what_the_pattern_finds_in_spaced_text(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..10)) {
        let text = pieces.join(" ");
        let result = agree(&text);
        prop_assert!(result.is_ok(), "{:?}", result);
    }
}

/// `may_start`'s openings cover every weekday and month form.
#[test]
fn every_weekday_and_month_form_starts_with_an_opening() {
    for form in WEEKDAYS.iter().chain(MONTHS.iter().flat_map(|forms| forms.iter())) {
        assert!(OPENINGS.iter().any(|opening| form.starts_with(opening)), "{form}");
    }
}
