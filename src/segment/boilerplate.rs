//! Recognising lines that are not reporting: bylines, read times, share
//! bars, "Read more", newsletter boxes, photo credits, tag lists, copyright
//! lines, breadcrumbs and bare section labels.

mod patterns;

use crate::segment::shapes::Line;
use patterns::SHAPES;

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
    if is_breadcrumb(trimmed) || is_dateline_only(trimmed) {
        return true;
    }
    let line = Line::new(trimmed);
    SHAPES.iter().any(|shape| (shape.matches)(line))
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
fn is_dateline_only(line: &str) -> bool {
    patterns::is_date_only(Line::new(line))
}

/// The name in a byline line ("By Mara Jelinek | Wednesday ..." → "Mara Jelinek").
#[must_use]
pub fn byline_name(line: &str) -> Option<String> {
    let found = &line[patterns::byline_span(Line::new(line))?];
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

    /// Every shape recognises some line (a shape that matched nothing
    /// would be dead; `patterns::tests` checks each against its regex).
    #[test]
    fn every_shape_matches_a_line() {
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
        let mut matched = vec![false; SHAPES.len()];
        for line in lines {
            for (index, shape) in SHAPES.iter().enumerate() {
                matched[index] |= (shape.matches)(Line::new(line));
            }
        }
        assert!(matched.iter().all(|m| *m), "a shape matched none of the lines: {matched:?}");
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
