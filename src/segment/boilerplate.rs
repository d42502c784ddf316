//! Recognising lines that are not reporting: bylines, read times, share
//! bars, "Read more", newsletter boxes, photo credits, tag lists, copyright
//! lines, breadcrumbs and bare section labels.

use crate::prefilter::{Gate, case_folded_lower, contains_ascii_nocase};
use std::sync::{LazyLock, OnceLock};

/// Patterns of whole lines, each behind a [`Gate`]: literals every match
/// contains, so a line without them skips the pattern, and a pattern no
/// line needs is never compiled (start-up). A bounded repeat is written as
/// a group named `max<N>` (at most N characters, checked after the match by
/// [`matches_within_bounds`]): a repeat such as `[^.!?]{0,100}` compiles to
/// an automaton 100 classes long, and those took 6 ms at start-up.
const PATTERNS: [(Gate, &str); 18] = [
    // Bylines and credits.
    (
        starts(&["by", "written by", "words by", "text by", "interview by", "von", "par", "por"]),
        r"^(?:by|written by|words by|text by|interview by|von|par|por)\s+\p{Lu}(?P<max100>[^.!?]*)$",
    ),
    (
        Gate {
            starts: &["reporting", "additional reporting", "writing", "editing", "compiled", "edited"],
            contains: &[" by"],
        },
        r"^\(?(?:reporting|additional reporting|writing|editing|compiled|edited) by\b",
    ),
    (
        starts(&["photo", "image", "picture", "credit", "illustration", "graphic", "video", "footage"]),
        r"^\(?(?:photo|photograph|photos|image|picture|credit|illustration|graphic|video|footage)s?\s*(?::|by\b|credit\b)",
    ),
    (Gate { starts: &[], contains: &["min", "read"] }, r"\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+read\b"),
    // Share bars and social links.
    (starts(&["share"]), r"^share(?:\s+(?:this|on|article|story|via|the article))?\s*[:|]"),
    (
        starts(&["share", "tweet", "email", "print", "copy link", "facebook", "twitter", "whatsapp", "linkedin", "x"]),
        r"^(?:share|tweet|email|print|copy link|facebook|twitter|whatsapp|linkedin|x)(?:\s*[·|,/•]\s*(?:share|tweet|email|print|copy link|facebook|twitter|whatsapp|linkedin|reddit|x))+\s*$",
    ),
    // Pointers to other content.
    (
        starts(&[
            "read more",
            "related",
            "see also",
            "more on",
            "recommended",
            "most read",
            "most popular",
            "also read",
            "read next",
            "read also",
            "more from",
            "you may also like",
            "you might also like",
            "trending",
            "further reading",
            "more stories",
            "top stories",
        ]),
        r"^(?:read more|related|see also|more on this|more on|recommended|most read|most popular|also read|read next|read also|more from|you may also like|you might also like|trending|further reading|more stories|related articles|related stories|related coverage|top stories)\b",
    ),
    (
        Gate {
            starts: &[
                "watch",
                "listen",
                "video",
                "audio",
                "gallery",
                "podcast",
                "live",
                "explainer",
                "analysis",
                "opinion",
                "comment",
            ],
            contains: &[":"],
        },
        r"^(?:watch|listen|video|audio|gallery|podcast|live|explainer|analysis|opinion|comment)\s*:",
    ),
    (
        starts(&[
            "click here",
            "continue reading",
            "skip to ",
            "advertisement",
            "sponsored",
            "promoted",
            "paid content",
            "cookie",
            "we use cookies",
            "accept ",
        ]),
        r"^(?:click here|continue reading|skip to (?:main )?content|advertisement|sponsored|promoted|paid content|cookie|we use cookies|accept (?:all )?cookies)\b",
    ),
    // Subscriptions.
    (
        starts(&[
            "subscribe",
            "sign up",
            "sign in",
            "log in",
            "register",
            "newsletter",
            "get our",
            "join our",
            "follow",
            "download ",
            "support our journalism",
            "become a member",
            "donate",
        ]),
        r"^(?:subscribe|sign up|sign in|log in|register|newsletter|get our|join our|follow us|follow\s+@|download (?:our|the) app|support our journalism|become a member|donate)\b",
    ),
    (
        Gate { starts: &[], contains: &["subscribe to ", "newsletter"] },
        r"\bsubscribe to (?:our|the)\b(?P<max80>.*?)\bnewsletter\b",
    ),
    // Tags and categories.
    (
        Gate {
            starts: &["tags", "topics", "filed under", "categories", "category", "keywords", "more about"],
            contains: &[":"],
        },
        r"^(?:tags|topics|filed under|categories|category|keywords|more about)\s*:",
    ),
    // Rights and corrections.
    (starts(&["©", "(c)", "copyright"]), r"^(?:©|\(c\)|copyright\b)"),
    (Gate { starts: &[], contains: &["all rights reserved"] }, r"\ball rights reserved\b"),
    (
        starts(&["this article", "this story", "this report", "this piece"]),
        r"^(?:this (?:article|story|report|piece) (?:was|has been) (?:amended|updated|corrected|edited))",
    ),
    (
        Gate { starts: &["correction", "clarification", "editor's note", "editor’s note"], contains: &[":"] },
        r"^(?:correction|clarification|editor's note|editor’s note)\s*:",
    ),
    (Gate { starts: &["source"], contains: &[":"] }, r"^source\s*:"),
    // Timestamps.
    (
        starts(&["updated", "published", "posted", "last updated", "first published", "last modified"]),
        r"^(?:updated|published|posted|last updated|first published|last modified)\b(?P<max60>.*)$",
    ),
];

/// A gate on how a line starts, with no other condition.
const fn starts(words: &'static [&'static str]) -> Gate {
    Gate { starts: words, contains: &[] }
}

/// A compiled pattern ([`crate::prefilter::lean_regex`]: it only sees
/// lines that passed its gate) and the `max<N>` bounds of its groups.
struct Compiled {
    regex: regex_automata::meta::Regex,
    bounds: Vec<(String, usize)>,
}

/// Each pattern, compiled the first time a line passes its gate.
static COMPILED: [OnceLock<Compiled>; PATTERNS.len()] = [const { OnceLock::new() }; PATTERNS.len()];

fn compiled(index: usize) -> &'static Compiled {
    COMPILED[index].get_or_init(|| {
        let source = PATTERNS[index].1;
        let regex = crate::prefilter::lean_regex(&format!("(?i){source}"));
        let bounds = regex
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .flatten()
            .filter_map(|name| Some((name.to_owned(), name.strip_prefix("max")?.parse().ok()?)))
            .collect();
        Compiled { regex, bounds }
    })
}

/// The segmenter's word lists (`assets/lexicon/segment.toml`).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Lexicon {
    /// Short lines that only name a section of a site.
    pub(super) section_labels: Words,
    /// How a line of page furniture starts (never a headline).
    pub(super) page_label_starts: Words,
    /// Time zones after a clock time.
    pub(super) time_zones: Words,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Words {
    pub(super) words: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) examples: crate::lexicon::Examples,
}

pub(super) static LEXICON: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| crate::lexicon::parse("segment"));

/// Breadcrumb separators.
const CRUMB_SEPARATORS: &[&str] = &["›", "»", " > ", " / ", " | ", "·", "•"];

/// True when a line (a whole paragraph or one sentence) is boilerplate.
#[must_use]
pub fn is_boilerplate(line: &str) -> bool {
    let trimmed = line.trim().trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    if trimmed.is_empty() {
        return true;
    }
    let lower = trimmed.to_lowercase();
    let lower_label = lower.trim_end_matches([':', '.']);
    if LEXICON.section_labels.words.iter().any(|w| w == lower_label) {
        return true;
    }
    let folded = case_folded_lower(&lower);
    if is_breadcrumb(trimmed) || is_dateline_only(trimmed, &folded) {
        return true;
    }
    (0..PATTERNS.len()).any(|i| PATTERNS[i].0.admits(&folded) && matches_within_bounds(compiled(i), trimmed))
}

/// Whether `pattern` matches `line` with each `max<N>` group at most N
/// characters long. Such a group is either forced (greedy up to `$`) or
/// lazy, so the first match at a start has the shortest group: when it is
/// too long, no match starts there, and the search goes on after that start.
fn matches_within_bounds(compiled: &Compiled, line: &str) -> bool {
    let Compiled { regex: pattern, bounds } = compiled;
    if bounds.is_empty() {
        return pattern.is_match(line);
    }
    let mut captures = pattern.create_captures();
    let mut from = 0;
    loop {
        pattern.search_captures(&regex_automata::Input::new(line).span(from..line.len()), &mut captures);
        let Some(whole) = captures.get_match() else { return false };
        let fits = |(name, max): &(String, usize)| {
            captures.get_group_by_name(name).is_none_or(|span| line[span.range()].chars().count() <= *max)
        };
        if bounds.iter().all(fits) {
            return true;
        }
        // The next start: one character on.
        let start = whole.start();
        let Some(step) = line[start..].chars().next().map(char::len_utf8) else { return false };
        from = start + step;
    }
}

/// `Home › News › Local`, `World / Europe`, `Outlet | Updated March 4, 2026`:
/// several short parts between separators and no sentence inside.
fn is_breadcrumb(line: &str) -> bool {
    let Some(separator) = CRUMB_SEPARATORS.iter().find(|s| line.contains(**s)) else {
        return false;
    };
    let parts: Vec<&str> = line.split(separator).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 || line.ends_with(['.', '!', '?']) {
        return false;
    }
    parts.iter().all(|part| part.split_whitespace().count() <= 6)
}

/// A line that is only a date and/or time ("March 4, 2026", "Updated 18:40").
/// `folded` is the line [`crate::prefilter::case_folded`]: a line that
/// starts with neither a digit nor a weekday or month cannot match.
fn is_dateline_only(line: &str, folded: &str) -> bool {
    const STARTS: Gate = Gate {
        starts: &[
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "mon", "tues", "wednes", "thurs", "fri", "satur", "sun",
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ],
        contains: &[],
    };
    static DATE_ONLY: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
        crate::prefilter::lean_regex(
            // ASCII digits and letters: Unicode `\d`/`\w` in bounded
            // repeats make this slow to compile and match nothing more here.
            r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:[0-9]{1,2}\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+[0-9]{1,2}(?:st|nd|rd|th)?)?,?(?:\s+[0-9]{4})?(?:,?\s+[0-9]{1,2}[:.][0-9]{2}(?:\s*[ap]\.?m\.?)?)?(?:\s+[a-z]{2,4})?$|^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[t ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?z?$",
        )
    });
    STARTS.admits(folded) && DATE_ONLY.is_match(line)
}

/// The name in a byline line ("By Mara Jelinek | Wednesday ..." → "Mara Jelinek").
#[must_use]
pub fn byline_name(line: &str) -> Option<String> {
    static BYLINE: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
        crate::prefilter::lean_regex(
            // Unbounded, with the length (1 to 80 after the capital)
            // checked below: a bounded lazy repeat of this class compiled
            // for 5 ms at start-up.
            r"(?i)^\s*[*_]*\s*(?:by|written by|words by|text by)\s+(\p{Lu}[^|·•,\n*_]+?)\s*(?:[|·•,*_]|\s+-\s+|$)",
        )
    });
    // Every match holds "by" (neither letter has a non-ASCII case form).
    if !contains_ascii_nocase(line, &["by"]) {
        return None;
    }
    let mut captures = BYLINE.create_captures();
    BYLINE.captures(line, &mut captures);
    let found = &line[captures.get_group(1)?.range()];
    if found.chars().count() > 81 {
        return None;
    }
    let name = found.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_boilerplate() {
        for line in [
            "By Mara Jelinek | Wednesday, March 4, 2026 | 5 min read",
            "Share this: Facebook · X · Email",
            "Read more: How to help flood victims in Kessary province",
            "Subscribe to the River Towns Dispatch newsletter for updates from the flood zone.",
            "Tags: flood, Dravik dam, Velmora, Kessary province",
            "Home › News › Local",
            "World › Europe",
            "Latest",
            "Long Read",
            "Opinion",
            "Photo: Courier/Ana Ruiz",
            "© 2026 The Northern Courier. All rights reserved.",
            "Copyright 2026 Kanal Nord. All rights reserved.",
            "Kanal Nord | Updated March 4, 2026, 18:40",
            "Watch: Aerial footage of the flooded town (2:14)",
            "(Reporting by Nadia Ferrante in Velmora; Editing by Ruth Adler)",
            "This article was amended on March 8 to correct the spelling of a street name.",
            "*Related: Who owns Dravik Hydro?*",
            "March 4, 2026",
            "Source: Kanal Nord",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn keeps_reporting() {
        for line in [
            "Shares in Orlen Energy fell 9 percent in Kessary City trading on Wednesday.",
            "Three people were killed, regional officials said.",
            "By morning nearly two-thirds of the town stood under brown water.",
            "Volunteers served hot soup and tea through the night.",
            "The railway line between Velmora and Kessary City is closed.",
            "Latest figures show 4,500 people were evacuated.",
            "Live ammunition was used, witnesses said.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    /// Every pattern compiles, and its gate lets through every line it
    /// matches (a gate that refused one would silently drop boilerplate).
    #[test]
    fn every_pattern_compiles_and_its_gate_admits_its_matches() {
        let lines = [
            "By Mara Jelinek | Wednesday, March 4, 2026 | 5 min read",
            "by the river, Mara said",
            "(Reporting by Nadia Ferrante; Editing by Ruth Adler)",
            "Photos: Ana Ruiz",
            "IMAGE CREDIT: Courier",
            "12 minutes read",
            "3-min read",
            "Share on: X",
            "Tweet · Email · Print",
            "More on this story",
            "Related coverage",
            "Analysis: why the dam failed",
            "We use cookies to improve the site",
            "Follow @courier for updates",
            "Download our app",
            "Please subscribe to our daily newsletter",
            "Filed under: floods",
            "(c) 2026 Courier",
            "All Rights Reserved.",
            "This story has been corrected",
            "Editor’s note: names were changed",
            "SOURCE: Kanal Nord",
            "Last modified 4 March",
            "ſhare: x",
            "Copyright \u{212A}anal Nord",
        ];
        let mut matched = vec![false; PATTERNS.len()];
        for line in lines {
            let folded = case_folded_lower(&line.to_lowercase()).into_owned();
            for (index, (gate, _)) in PATTERNS.iter().enumerate() {
                if compiled(index).regex.is_match(line) {
                    matched[index] = true;
                    assert!(gate.admits(&folded), "pattern {index} matches {line:?} but its gate refuses it");
                }
            }
        }
        assert!(matched.iter().all(|m| *m), "a pattern matched none of the lines: {matched:?}");
    }

    #[test]
    fn byline_names() {
        assert_eq!(byline_name("By Mara Jelinek | Wednesday, March 4, 2026").as_deref(), Some("Mara Jelinek"));
        assert_eq!(byline_name("*By Eliska Varga, Regional Correspondent · March 5*").as_deref(), Some("Eliska Varga"));
        assert_eq!(byline_name("By Thomas Wren · Sunday").as_deref(), Some("Thomas Wren"));
        assert_eq!(byline_name("Bystanders ran."), None);
    }

    // The bounds that were bounded repeats (`{0,100}`, `{0,80}`, `{0,60}`,
    // `{1,80}?`) before they moved after the match (start-up time).
    #[test]
    fn bounded_parts_keep_their_lengths_after_leaving_the_patterns() {
        let words = |n: usize| "x".repeat(n);
        assert!(is_boilerplate(&format!("By Mara {}", words(96))));
        assert!(!is_boilerplate(&format!("By Mara {}", words(97))));
        assert!(is_boilerplate(&format!("Updated {}", words(59))));
        assert!(!is_boilerplate(&format!("Updated {}", words(60))));
        let gap = |n: usize| format!("Please subscribe to our{}newsletter now.", " ".repeat(n));
        assert!(is_boilerplate(&gap(80)));
        assert!(!is_boilerplate(&gap(81)));
        // A later start within the bound still counts.
        let two = format!("Please subscribe to our {} and subscribe to the newsletter now.", words(90));
        assert!(is_boilerplate(&two));
        assert_eq!(byline_name(&format!("By M{} | Monday", words(79))).map(|n| n.len()), Some(80));
        assert_eq!(byline_name(&format!("By M{} | Monday", words(81))), None);
    }
}
