//! Each hand-written shape against the regex it implements: on lines
//! built from the patterns' own words and tricky characters, on the
//! samples' lines and on the corpus' lines (when `../shared` is there).

use super::*;
use proptest::prelude::*;
use std::sync::LazyLock;

/// A shape's regex as the boilerplate finder compiled it before the
/// shapes: `(?i)`, with each `max<N>` group at most N characters long,
/// checked after the match (the first match at a start; when it is too
/// long, the search goes on one character later).
struct Spec {
    regex: regex_automata::meta::Regex,
    bounds: Vec<(String, usize)>,
}

fn spec(source: &str) -> Spec {
    let regex = regex_automata::meta::Regex::new(source).expect("the regex compiles");
    let bounds = regex
        .group_info()
        .pattern_names(regex_automata::PatternID::ZERO)
        .flatten()
        .filter_map(|name| Some((name.to_owned(), name.strip_prefix("max")?.parse().ok()?)))
        .collect();
    Spec { regex, bounds }
}

fn spec_matches(spec: &Spec, line: &str) -> bool {
    let mut captures = spec.regex.create_captures();
    let mut from = 0;
    loop {
        spec.regex.search_captures(&regex_automata::Input::new(line).span(from..line.len()), &mut captures);
        let Some(whole) = captures.get_match() else { return false };
        let fits = |(name, max): &(String, usize)| {
            captures.get_group_by_name(name).is_none_or(|span| line[span.range()].chars().count() <= *max)
        };
        if spec.bounds.iter().all(fits) {
            return true;
        }
        let start = whole.start();
        let Some(step) = line[start..].chars().next().map(char::len_utf8) else { return false };
        from = start + step;
    }
}

static SPECS: LazyLock<Vec<Spec>> =
    LazyLock::new(|| SHAPES.iter().map(|s| spec(&format!("(?i){}", s.regex))).collect());
static DATE_SPEC: LazyLock<Spec> = LazyLock::new(|| spec(DATE_ONLY));
static BYLINE_SPEC: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(BYLINE).expect("regex"));

/// Where the hand-written shapes and their regexes disagree on a line.
fn disagreements(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let l = Line::new(line);
    for (shape, spec) in SHAPES.iter().zip(SPECS.iter()) {
        let (by_hand, by_regex) = ((shape.matches)(l), spec_matches(spec, line));
        if by_hand != by_regex {
            found.push(format!("{} on {line:?}: by hand {by_hand}, regex {by_regex}", shape.regex));
        }
    }
    let (by_hand, by_regex) = (is_date_only(l), spec_matches(&DATE_SPEC, line));
    if by_hand != by_regex {
        found.push(format!("date only on {line:?}: by hand {by_hand}, regex {by_regex}"));
    }
    let by_regex = BYLINE_SPEC.captures(line).and_then(|c| c.get(1)).map(|m| m.range());
    let by_hand = byline_span(l);
    if by_hand != by_regex {
        found.push(format!("byline on {line:?}: by hand {by_hand:?}, regex {by_regex:?}"));
    }
    found
}

/// Pieces of lines: the patterns' words in several cases, separators,
/// Unicode spaces, digits, cased and uncased letters, the Kelvin sign and
/// the long s (which `(?i)` matches to k and s).
const PIECES: &[&str] = &[
    "by",
    "By",
    "BY",
    "written by",
    "words by",
    "text by",
    "interview by",
    "von",
    "par",
    "Por",
    " ",
    "  ",
    "\t",
    "\n",
    "\u{a0}",
    "\u{2003}",
    "Mara",
    "Émile",
    "élan",
    "ß",
    "ª",
    "ǅ",
    "\u{212A}",
    "ſ",
    "x",
    "X",
    ".",
    "!",
    "?",
    ",",
    ":",
    "|",
    "·",
    "•",
    "/",
    "(",
    ")",
    "-",
    " - ",
    "–",
    "5",
    "12",
    "٣",
    "min",
    "Mins",
    "minute",
    "minutes",
    "read",
    "share",
    "Share",
    "this",
    "on",
    "the article",
    "tweet",
    "email",
    "Copy Link",
    "reddit",
    "read more",
    "more on this",
    "related",
    "watch",
    "live",
    "click here",
    "skip to ",
    "main ",
    "content",
    "accept ",
    "all ",
    "cookies",
    "cookie",
    "subscribe",
    "follow",
    "@",
    "download ",
    "our",
    "the",
    " app",
    "subscribe to ",
    "newsletter",
    "NEWSLETTER",
    "tags",
    "filed under",
    "©",
    "(c)",
    "copyright",
    "all rights reserved",
    "this ",
    "article",
    "was",
    "has been",
    "amended",
    "correction",
    "editor's note",
    "editor’s note",
    "source",
    "updated",
    "Last Updated",
    "photo",
    "photos",
    "s",
    "S",
    "credit",
    "reporting",
    "additional reporting",
    "*",
    "_",
    "march",
    "Mar",
    "May",
    "sept",
    "Monday",
    "tuesday,",
    "2026",
    "4",
    "04",
    "st",
    "th",
    "18",
    "40",
    "am",
    "p.m.",
    "a",
    "m",
    "GMT",
    "utc",
    "T",
    "Z",
    "2026-03-04",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
];

/// How lines start: the patterns' first words, in several cases.
const STARTS: &[&str] = &[
    "",
    "by ",
    "By ",
    "written by",
    "interview by",
    "Von ",
    "par",
    "por ",
    "reporting",
    "Additional reporting",
    "writing",
    "editing",
    "compiled",
    "edited",
    "photo",
    "Photograph",
    "photos",
    "image",
    "picture",
    "credit",
    "illustration",
    "graphic",
    "video",
    "footage",
    "share",
    "tweet",
    "email",
    "print",
    "copy link",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "x",
    "read more",
    "related",
    "see also",
    "more on",
    "recommended",
    "you may also like",
    "top stories",
    "watch",
    "listen",
    "analysis",
    "opinion",
    "comment",
    "click here",
    "skip to ",
    "advertisement",
    "cookie",
    "we use cookies",
    "accept ",
    "subscribe",
    "sign up",
    "follow",
    "download ",
    "donate",
    "tags",
    "filed under",
    "category",
    "more about",
    "©",
    "(c)",
    "copyright",
    "this ",
    "correction",
    "clarification",
    "editor's note",
    "source",
    "updated",
    "published",
    "posted",
    "last modified",
    "Monday",
    "sunday, ",
    "4 ",
    "March",
    "sep",
    "2026-03-04",
    "5 min read",
    "subscribe to our ",
];

/// What may come before a line's first word.
const OPENINGS: &[&str] = &["", "", "", "(", "*", "_", " ", "**", "\u{a0}", "Ne"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    fn shapes_agree_with_their_regexes_on_random_lines(
        opening in prop::sample::select(OPENINGS),
        start in prop::sample::select(STARTS),
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..10)
    ) {
        let line = format!("{opening}{start}{}", pieces.concat());
        let found = disagreements(&line);
        prop_assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

/// Lines made from each regex itself (anchors and `\b` left out, which
/// the generator cannot make), some with a piece after them.
fn lines_from_the_regexes() -> impl Strategy<Value = String> {
    let sources: Vec<String> =
        SHAPES.iter().map(|s| format!("(?i){}", s.regex)).chain([DATE_ONLY.to_owned(), BYLINE.to_owned()]).collect();
    prop::sample::select(sources)
        .prop_flat_map(|source| {
            let loose = source.replace(r"\b", "").replace(['^', '$'], "");
            proptest::string::string_regex(&loose).expect("the generator reads the regex")
        })
        .prop_flat_map(|line| (Just(line), prop::sample::select(PIECES), prop::bool::ANY))
        .prop_map(|(line, piece, more)| if more { format!("{line}{piece}") } else { line })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]
    #[test]
    fn shapes_agree_with_their_regexes_on_lines_made_from_them(line in lines_from_the_regexes()) {
        let found = disagreements(&line);
        prop_assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

/// Lines around each length bound.
#[test]
fn shapes_agree_with_their_regexes_at_the_length_bounds() {
    for n in 0..=130 {
        let x = "x".repeat(n);
        let gap = " ".repeat(n);
        for line in [
            format!("By M{x}"),
            format!("Updated{x}"),
            format!("Updated {x}"),
            format!("Please subscribe to our{gap}newsletter now."),
            format!("Subscribe to the {x} newsletter and subscribe to our newsletter"),
            format!("By M{x} | Monday"),
            format!("By M{x}\n | Monday"),
            format!("Updated {x}\n"),
            format!("Subscribe to our {x}\nnewsletter"),
        ] {
            let found = disagreements(&line);
            assert!(found.is_empty(), "{}", found.join("\n"));
        }
    }
}

#[test]
fn shapes_agree_with_their_regexes_on_the_samples_and_the_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("PARALLAX_SHARED").map_or_else(|| root.join("../shared"), std::path::PathBuf::from);
    let mut files = Vec::new();
    let mut folders = vec![root.join("assets/samples"), shared.join("corpus")];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                files.push(path);
            }
        }
    }
    let mut lines = 0;
    let mut found = Vec::new();
    // The samples, and every fourth corpus file (a debug build runs the
    // regexes slowly).
    files.sort();
    let corpus = shared.join("corpus");
    let chosen = files
        .iter()
        .filter(|f| !f.starts_with(&corpus))
        .chain(files.iter().filter(|f| f.starts_with(&corpus)).step_by(4));
    for file in chosen {
        let Ok(text) = std::fs::read_to_string(file) else { continue };
        // Lines as they are, trimmed as the finder trims them, and cut into
        // sentence-like pieces (the finder also sees single sentences).
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let trimmed = line.trim().trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
            for piece in [line, trimmed].into_iter().chain(trimmed.split_inclusive(". ").map(str::trim)) {
                lines += 1;
                found.extend(disagreements(piece));
            }
        }
    }
    assert!(found.is_empty(), "{} disagreements, e.g.:\n{}", found.len(), found[..found.len().min(20)].join("\n"));
    assert!(lines > 100, "only {lines} lines read");
}

#[test]
fn examples_of_each_kind() {
    let matching = |line: &str| SHAPES.iter().any(|s| (s.matches)(Line::new(line)));
    assert!(matching("By Mara Jelinek"));
    assert!(!matching("By Mara Jelinek. She wrote."));
    assert!(matching("Tweet · Email · Print"));
    assert!(!matching("Tweet"));
    assert!(matching("Follow @courier"));
    assert!(!matching("Follow @"));
    assert!(is_date_only(Line::new("Tuesday, March 4, 2026, 6:40 p.m. GMT")));
    assert!(is_date_only(Line::new("2026-03-04T18:40Z")));
    assert!(!is_date_only(Line::new("March 4, 2026 was a Tuesday")));
    let line = "*By Eliska Varga, Regional Correspondent*";
    assert_eq!(byline_span(Line::new(line)).map(|r| &line[r]), Some("Eliska Varga"));
}
