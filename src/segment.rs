//! Segmentation: a [`Document`]'s blocks become paragraphs and sentences,
//! each with its byte range and its kind (title, heading, content, caption,
//! boilerplate). Sentence boundaries come from `sentencex`, which keeps
//! abbreviations ("Mar. 3", "U.S. Army", "Dr.", "St. Louis"), initials and
//! decimals intact.

mod boilerplate;

pub use boilerplate::{byline_name, is_boilerplate};

use crate::ingest::{BlockRole, Document};
use crate::model::{Article, Paragraph, Sentence, SentenceKind, Span};
use std::path::Path;

/// Words above which a first line is a lead paragraph rather than a headline.
const MAX_TITLE_WORDS: usize = 30;
/// Words up to which an unpunctuated line stands alone as a heading.
const MAX_HEADING_WORDS: usize = 24;

/// Splits a document into an article's paragraphs and sentences.
#[must_use]
pub fn segment(document: Document) -> Article {
    let Document { source, text, blocks, meta, provenance } = document;
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut sentences: Vec<Sentence> = Vec::new();
    let language = guess_language(&text);

    let title_block = choose_title_block(&text, &blocks, meta.title.as_deref());
    for (index, block) in blocks.iter().enumerate() {
        let block_text = &text[block.span.range()];
        let first = sentences.len();
        let paragraph = paragraphs.len();
        let block_kind = block_kind(block.role, block_text, Some(index) == title_block);
        let whole_block =
            matches!(block_kind, Some(SentenceKind::Title | SentenceKind::Heading | SentenceKind::Boilerplate));
        if whole_block {
            let kind = block_kind.unwrap_or(SentenceKind::Content);
            sentences.push(Sentence { span: block.span, paragraph, kind });
        } else {
            let mut spans = split_sentences(block_text, language);
            // A wire dateline ("VELMORA, March 4 (CPA) -") is not part of the
            // first sentence's statement: it becomes a boilerplate piece.
            if let Some(first) = spans.first_mut()
                && let Some(length) = dateline_length(&block_text[first.range()])
            {
                sentences.push(Sentence {
                    span: Span::new(first.start, first.start + length).shifted(block.span.start),
                    paragraph,
                    kind: SentenceKind::Boilerplate,
                });
                let rest = &block_text[first.start + length..first.end];
                first.start += length + (rest.len() - rest.trim_start().len());
            }
            for span in spans {
                let span = span.shifted(block.span.start);
                let sentence_text = &text[span.range()];
                let kind = if is_boilerplate(sentence_text) {
                    SentenceKind::Boilerplate
                } else {
                    block_kind.unwrap_or(SentenceKind::Content)
                };
                sentences.push(Sentence { span, paragraph, kind });
            }
        }
        paragraphs.push(Paragraph { span: block.span, sentences: first..sentences.len() });
    }

    let title = meta
        .title
        .clone()
        .or_else(|| title_block.map(|i| text[blocks[i].span.range()].to_owned()))
        .or_else(|| first_content_line(&text, &sentences))
        .unwrap_or_else(|| file_stem(&source));
    let byline = meta.byline.clone().or_else(|| {
        sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Boilerplate)
            .find_map(|s| byline_name(&text[s.span.range()]))
    });
    let outlet = meta.outlet.clone().unwrap_or_else(|| file_stem(&source));
    let mut article = Article {
        source,
        title: crate::normalize::clean_line(&title),
        outlet: crate::normalize::clean_line(&outlet),
        byline,
        date: meta.date,
        text,
        paragraphs,
        sentences,
        provenance,
    };
    if article.date.is_none() {
        article.date = crate::dates::publication_date(&article);
    }
    article
}

/// The kind a block's role and text give all its sentences, when the block
/// is one unit (a title, a heading, a boilerplate line).
fn block_kind(role: BlockRole, block_text: &str, is_title: bool) -> Option<SentenceKind> {
    if is_title {
        return Some(SentenceKind::Title);
    }
    match role {
        BlockRole::Boilerplate => Some(SentenceKind::Boilerplate),
        BlockRole::Title | BlockRole::Heading => Some(SentenceKind::Heading),
        BlockRole::Caption => {
            // Captions are split into sentences so a trailing credit
            // ("Photo: ...") becomes boilerplate while the description stays.
            if is_boilerplate(block_text) { Some(SentenceKind::Boilerplate) } else { Some(SentenceKind::Caption) }
        }
        BlockRole::Body if is_boilerplate(block_text) => Some(SentenceKind::Boilerplate),
        BlockRole::Body if is_standalone_heading(block_text) => Some(SentenceKind::Heading),
        BlockRole::Body => None,
    }
}

/// The length of a wire-service dateline at the start of a sentence
/// ("VELMORA, March 4 (CPA) -", "LONDON (Reuters) —"), dash included.
fn dateline_length(sentence: &str) -> Option<usize> {
    static DATELINE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\p{Lu}[\p{Lu}\p{M} .'’-]{2,40}(?:,\s*[\p{Lu}\p{Lu}a-z .'’-]{2,30})?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?(?:\s*\([^()]{2,40}\))?\s*[-–—]{1,2}\s+",
        )
        .ok()
    });
    let found = DATELINE.as_ref()?.find(sentence)?;
    // The rest must still be a sentence, starting like one.
    let starts_sentence = sentence[found.end()..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    starts_sentence.then_some(found.end())
}

/// A short line without closing punctuation: a subheading or standfirst.
fn is_standalone_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let closing = line
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', ',', '"', '\'', '\u{201d}', '\u{2019}', ')', '…', '。', '！', '？', '»']);
    words <= MAX_HEADING_WORDS && !closing
}

/// The block that holds the headline: the one matching a stated title, else
/// the first block marked as a title, else the first line that is neither
/// boilerplate nor too long to be a headline.
fn choose_title_block(text: &str, blocks: &[crate::ingest::Block], stated: Option<&str>) -> Option<usize> {
    if let Some(stated) = stated {
        let wanted = crate::normalize::collapse_spaces(stated).to_lowercase();
        return blocks.iter().position(|b| text[b.span.range()].to_lowercase() == wanted);
    }
    if let Some(index) = blocks.iter().position(|b| b.role == BlockRole::Title) {
        return Some(index);
    }
    let index = blocks.iter().position(|b| {
        matches!(b.role, BlockRole::Body | BlockRole::Heading) && !is_boilerplate(&text[b.span.range()])
    })?;
    let words = text[blocks[index].span.range()].split_whitespace().count();
    (words <= MAX_TITLE_WORDS).then_some(index)
}

/// When no line qualifies as a headline, the start of the first content sentence.
fn first_content_line(text: &str, sentences: &[Sentence]) -> Option<String> {
    let sentence = sentences.iter().find(|s| s.kind == SentenceKind::Content)?;
    let line = &text[sentence.span.range()];
    let mut title: String = line.chars().take(90).collect();
    if title.len() < line.len() {
        title.push('…');
    }
    Some(title)
}

fn file_stem(source: &str) -> String {
    if source == "-" {
        return "stdin".into();
    }
    Path::new(source).file_stem().map_or_else(|| source.to_owned(), |stem| stem.to_string_lossy().into_owned())
}

/// A sentencex language code from the dominant script (abbreviation lists
/// differ by language; CJK terminators are handled by every language).
fn guess_language(text: &str) -> &'static str {
    let mut counts = [0usize; 4]; // latin, cyrillic, greek, arabic
    for c in text.chars().take(4000) {
        match c {
            'a'..='z' | 'A'..='Z' => counts[0] += 1,
            '\u{0400}'..='\u{04FF}' => counts[1] += 1,
            '\u{0370}'..='\u{03FF}' => counts[2] += 1,
            '\u{0600}'..='\u{06FF}' => counts[3] += 1,
            _ => {}
        }
    }
    let best = counts.iter().enumerate().max_by_key(|(_, n)| **n).map_or(0, |(i, _)| i);
    ["en", "ru", "el", "ar"][best]
}

/// Sentence spans (relative to `text`, trimmed of surrounding spaces).
#[must_use]
pub fn split_sentences(text: &str, language: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for boundary in sentencex::get_sentence_boundaries(language, text) {
        let (Some(raw), start) = (text.get(boundary.start_byte..boundary.end_byte), boundary.start_byte) else {
            continue;
        };
        let leading = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let span = Span::new(start + leading, start + leading + trimmed.len());
        match spans.last_mut() {
            Some(previous) if should_join(&text[previous.range()], trimmed) => previous.end = span.end,
            _ => spans.push(span),
        }
    }
    if spans.is_empty() && !text.trim().is_empty() {
        let leading = text.len() - text.trim_start().len();
        spans.push(Span::new(leading, leading + text.trim().len()));
    }
    spans
}

/// Repairs splits the splitter gets wrong: after "a.m."/"p.m." when the
/// sentence goes on ("6 a.m. Wednesday"), and fragments that hold no word
/// (a stray closing quote or bracket).
fn should_join(previous: &str, next: &str) -> bool {
    let lower = previous.to_lowercase();
    let after_clock = lower.ends_with("a.m.") || lower.ends_with("p.m.");
    let next_continues =
        next.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) || starts_with_calendar_word(next);
    let no_word = !next.chars().any(char::is_alphanumeric);
    (after_clock && next_continues) || no_word
}

fn starts_with_calendar_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    WORDS.iter().any(|w| text.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, parse_bytes};

    fn sentences(text: &str) -> Vec<String> {
        split_sentences(text, "en").into_iter().map(|s| text[s.range()].to_owned()).collect()
    }

    #[test]
    fn abbreviations_initials_decimals_survive() {
        assert_eq!(
            sentences(
                "The breach happened on Mar. 3 near St. Louis. The U.S. Army sent Dr. J. R. Smith with 4.5 tonnes of sand. It held."
            ),
            [
                "The breach happened on Mar. 3 near St. Louis.",
                "The U.S. Army sent Dr. J. R. Smith with 4.5 tonnes of sand.",
                "It held."
            ]
        );
    }

    #[test]
    fn quotes_ellipses_and_clock_times() {
        assert_eq!(
            sentences("\"We did not expect this,\" he said. He waited... Then he left at 6 a.m. Wednesday. Done."),
            ["\"We did not expect this,\" he said.", "He waited...", "Then he left at 6 a.m. Wednesday.", "Done."]
        );
    }

    #[test]
    fn cjk_sentences_split_on_full_stops() {
        assert_eq!(sentences("洪水が発生した。住民は避難した！"), ["洪水が発生した。", "住民は避難した！"]);
    }

    #[test]
    fn kinds_title_boilerplate_heading_content() {
        let text = "Latest\n\nThree dead after dam bursts\n\nBy Ana Ruiz | 5 min read\n\nThe dam burst. Three people died.\n\nWarnings ignored\n\nShare this: Facebook · X";
        let document = parse_bytes("k.txt", text.as_bytes(), Format::Text).expect("document");
        let article = segment(document);
        let kinds: Vec<(String, SentenceKind)> =
            article.sentences.iter().map(|s| (article.text[s.span.range()].to_owned(), s.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Latest".into(), SentenceKind::Boilerplate),
                ("Three dead after dam bursts".into(), SentenceKind::Title),
                ("By Ana Ruiz | 5 min read".into(), SentenceKind::Boilerplate),
                ("The dam burst.".into(), SentenceKind::Content),
                ("Three people died.".into(), SentenceKind::Content),
                ("Warnings ignored".into(), SentenceKind::Heading),
                ("Share this: Facebook · X".into(), SentenceKind::Boilerplate),
            ]
        );
        assert_eq!(article.title, "Three dead after dam bursts");
        assert_eq!(article.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(article.outlet, "k");
    }

    #[test]
    fn datelines_become_boilerplate() {
        assert_eq!(dateline_length("VELMORA, March 4 (CPA) - The dam burst."), Some(25));
        assert_eq!(dateline_length("LONDON (Reuters) — Prices rose."), Some("LONDON (Reuters) — ".len()));
        assert_eq!(dateline_length("WASHINGTON — The Senate voted."), Some("WASHINGTON — ".len()));
        assert_eq!(dateline_length("The dam burst - and then it rained."), None);
        assert_eq!(dateline_length("NATO - the alliance - said so."), None);
    }

    #[test]
    fn captions_split_off_photo_credits() {
        let markdown = "# T\n\n![A flooded street in Lower Velm. Photo: Courier/Ana Ruiz](x.jpg)\n";
        let article = segment(parse_bytes("c.md", markdown.as_bytes(), Format::Markdown).expect("document"));
        let kinds: Vec<SentenceKind> = article.sentences.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SentenceKind::Title, SentenceKind::Caption, SentenceKind::Boilerplate]);
    }
}
