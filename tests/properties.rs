//! Properties that hold for any input: spans (sentences, mentions, word
//! differences) lie on character boundaries inside their text, every
//! mention and group member points at a real sentence, every group spans at
//! least two articles, no sentence is over the length cap, every paragraph
//! is aligned exactly once, the JSON round-trips, cleaned text and the
//! Markdown report carry no control or bidi character, and nothing panics
//! on hostile text.

use parallax::report::{ReportContext, json};
use parallax::{Comparison, Settings, compare_texts};
use proptest::prelude::*;

/// Text built from pieces that exercise the engine: words that repeat
/// across articles, figures with hedges, names, dates, abbreviations,
/// quotes, CJK, emoji, combining marks, control and escape characters.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The Dravik dam burst late on Tuesday, March 3.".to_owned()),
        Just("About 4,500 residents were evacuated.".to_owned()),
        Just("At least five people died, Dr. Vasquez said.".to_owned()),
        Just("Yevgeny Kuznetsov / Kouznetsov warned twice.".to_owned()),
        Just("Two-thirds of the town, some €50m, 40%, 10 000 homes.".to_owned()),
        Just("\"We asked,\" he said… Then nothing!".to_owned()),
        Just("洪水が発生した。住民は避難した！".to_owned()),
        Just("Прорыв дамбы 3 марта. Эвакуировано 4500 человек.".to_owned()),
        Just("e\u{301}\u{301} 👩‍👩‍👧 \u{202e}evil\u{202c} \u{1b}[31mred\u{1b}]0;t\u{7}".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("# Heading\n".to_owned()),
        Just("![caption](x.png)\n".to_owned()),
        "[a-zA-Z0-9 ,.;:'\"!?()-]{0,40}",
        any::<String>().prop_map(|s| s.chars().take(30).collect()),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.join(" "))
}

fn compare(texts: &[String]) -> Comparison {
    let named: Vec<(String, &str)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("a{i}.{}", if i % 2 == 0 { "txt" } else { "md" }), t.as_str()))
        .collect();
    let borrowed: Vec<(&str, &str)> = named.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    compare_texts(&borrowed, &Settings::default())
}

fn check_invariants(comparison: &Comparison) -> Result<(), TestCaseError> {
    for article in &comparison.articles {
        let text = &article.text;
        let mut previous_end = 0;
        for (index, sentence) in article.sentences.iter().enumerate() {
            let span = sentence.span;
            prop_assert!(span.start <= span.end && span.end <= text.len(), "sentence {index} out of range");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(span.start >= previous_end, "sentences overlap or go backwards");
            previous_end = span.end;
            let paragraph = &article.paragraphs[sentence.paragraph];
            prop_assert!(paragraph.sentences.contains(&index));
            prop_assert!(paragraph.span.start <= span.start && span.end <= paragraph.span.end);
        }
        let unsafe_char = text.chars().find(|c| *c == '\u{1b}' || *c == '\u{202e}' || (c.is_control() && *c != '\n'));
        prop_assert!(unsafe_char.is_none(), "control or bidi character left in the text: {:?}", unsafe_char);
    }
    for (index, group) in comparison.groups.iter().enumerate() {
        prop_assert!(group.article_count() >= 2, "group {index} spans one article");
        prop_assert_eq!(group.members.len(), group.diffs.len());
        prop_assert!(group.reference < group.members.len());
        for member in &group.members {
            let article = comparison.articles.get(member.article);
            prop_assert!(
                article.is_some_and(|a| member.sentence < a.sentences.len()),
                "group {index} points at no real sentence"
            );
            prop_assert_eq!(comparison.group_of(*member), Some(index));
        }
        // Word differences are spans on character boundaries of the texts they name.
        let reference = group.members[group.reference];
        for (member, diff) in group.members.iter().zip(&group.diffs) {
            let text = &comparison.articles[member.article].text;
            let reference_text = &comparison.articles[reference.article].text;
            for (spans, text) in [(&diff.changed, text), (&diff.reference_changed, reference_text)] {
                for span in spans {
                    prop_assert!(span.start <= span.end && span.end <= text.len(), "diff span out of range");
                    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
            }
        }
    }
    for article in &comparison.articles {
        for sentence in &article.sentences {
            prop_assert!(sentence.span.len() <= parallax::segment::MAX_SENTENCE_BYTES, "an overlong sentence");
        }
    }
    for discrepancy in &comparison.discrepancies {
        prop_assert!(!discrepancy.mentions.is_empty());
        for mention in &discrepancy.mentions {
            let article = &comparison.articles[mention.at.article];
            let sentence = article.sentences.get(mention.at.sentence);
            prop_assert!(sentence.is_some(), "mention points past the sentences");
            let sentence = sentence.map(|s| s.span).unwrap_or(mention.span);
            prop_assert!(sentence.start <= mention.span.start && mention.span.end <= sentence.end);
            prop_assert!(
                article.text.is_char_boundary(mention.span.start) && article.text.is_char_boundary(mention.span.end)
            );
        }
    }
    for (a, article) in comparison.articles.iter().enumerate() {
        let mut seen = vec![0usize; article.paragraphs.len()];
        for row in &comparison.rows {
            if let Some(paragraph) = row.cells[a] {
                seen[paragraph] += 1;
            }
        }
        prop_assert!(seen.iter().all(|n| *n == 1), "article {a}: paragraphs aligned {seen:?} times");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_articles_keep_the_invariants(texts in prop::collection::vec(article_text(), 2..5)) {
        let comparison = compare(&texts);
        check_invariants(&comparison)?;
    }

    #[test]
    fn the_json_report_round_trips(texts in prop::collection::vec(article_text(), 2..4)) {
        let comparison = compare(&texts);
        let report = json::build(&comparison, &ReportContext::default());
        let text = serde_json::to_string(&report).expect("serialises");
        let back: json::Report = serde_json::from_str(&text).expect("parses");
        prop_assert_eq!(back, report);
    }

    #[test]
    fn the_markdown_report_carries_no_control_or_bidi_character(texts in prop::collection::vec(article_text(), 2..4)) {
        let comparison = compare(&texts);
        let markdown = parallax::report::render(
            &comparison,
            parallax::report::ReportFormat::Markdown,
            &ReportContext::default(),
        );
        let unsafe_char = markdown.chars().find(|c| {
            (c.is_control() && *c != '\n') || ('\u{202a}'..='\u{202e}').contains(c) || ('\u{2066}'..='\u{2069}').contains(c)
        });
        prop_assert!(unsafe_char.is_none(), "{:?} in the Markdown report", unsafe_char);
    }

    #[test]
    fn cleaning_leaves_no_escape_control_or_bidi_character(text in any::<String>()) {
        let cleaned = parallax::normalize::clean_text(&text);
        let unsafe_char = cleaned.chars().find(|c| {
            (c.is_control() && *c != '\n') || parallax::normalize::is_invisible(*c)
        });
        prop_assert!(unsafe_char.is_none(), "{:?} left by clean_text", unsafe_char);
        let line = parallax::normalize::clean_line(&text);
        prop_assert!(!line.contains('\n'), "clean_line keeps one line");
    }

    #[test]
    fn number_extraction_never_panics_and_spans_hold(text in any::<String>()) {
        for mention in parallax::numbers::extract(&text) {
            prop_assert!(mention.span.end <= text.len());
            prop_assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end));
            prop_assert!(mention.figure.low <= mention.figure.high);
        }
    }

    #[test]
    fn sentence_splitting_covers_text_on_boundaries(text in any::<String>()) {
        for span in parallax::segment::split_sentences(&text, "en") {
            prop_assert!(span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}
