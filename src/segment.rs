//! Segmentation: a [`Document`]'s blocks become paragraphs and sentences,
//! each with its byte range and its kind (title, heading, content, caption,
//! boilerplate). Sentence boundaries come from `sentencex`, which keeps
//! abbreviations ("Mar. 3", "U.S. Army", "Dr.", "St. Louis"), initials and
//! decimals intact.

mod boilerplate;
mod dateline;
mod quotations;
pub(crate) mod shapes;
mod splitter;

pub use boilerplate::{byline_name, is_boilerplate};
pub(crate) use splitter::splitter_boundaries;

use crate::model::{Article, Paragraph, Sentence, SentenceKind, Span};
use crate::model::{BlockRole, Document};
use std::path::Path;

/// Words above which a first line is a lead paragraph rather than a headline.
const MAX_TITLE_WORDS: usize = 30;
/// Words up to which an unpunctuated line stands alone as a heading.
const MAX_HEADING_WORDS: usize = 24;
/// Sentences longer than this many bytes are cut, at the last space before
/// the limit. Text without punctuation (a scraped table, a run-on
/// transcript, a 10 MB line) would otherwise be one sentence as long as
/// the input, which no other article can match, no screen can show and
/// every stage would carry whole. Real sentences stay far below it (the
/// longest in the shared corpus is under 600 bytes; long quotations are
/// split apart anyway).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

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
        let mut block_kind = block_kind(block.role, block_text, Some(index) == title_block);
        // Section labels, tag lists and crumbs passed over on the way to the
        // headline are page furniture.
        if meta.title.is_none() && title_block.is_some_and(|t| index < t) && block.role == BlockRole::Body {
            block_kind = Some(SentenceKind::Boilerplate);
        }
        let whole_block =
            matches!(block_kind, Some(SentenceKind::Title | SentenceKind::Heading | SentenceKind::Boilerplate));
        if whole_block {
            let kind = block_kind.unwrap_or(SentenceKind::Content);
            for span in cap_length(&text, block.span) {
                sentences.push(Sentence { span, paragraph, kind });
            }
        } else {
            let mut spans = split_sentences(block_text, language);
            // A wire dateline ("VELMORA, March 4 (CPA) -") is not part of the
            // first sentence's statement: it becomes a boilerplate piece.
            if let Some(first) = spans.first_mut()
                && let Some(length) = dateline::dateline_length(&block_text[first.range()])
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
fn choose_title_block(text: &str, blocks: &[crate::model::Block], stated: Option<&str>) -> Option<usize> {
    if let Some(stated) = stated {
        let wanted = crate::normalize::collapse_spaces(stated).to_lowercase();
        return blocks.iter().position(|b| text[b.span.range()].to_lowercase() == wanted);
    }
    if let Some(index) = blocks.iter().position(|b| b.role == BlockRole::Title) {
        return Some(index);
    }
    let body = |b: &crate::ingest::Block| b.role == BlockRole::Body && !is_boilerplate(&text[b.span.range()]);
    // A headline stands above a body: the last body line is what the text
    // says, never its title (a wire stub of one sentence keeps it).
    let last_body = blocks.iter().rposition(body);
    let candidate_at = |i: usize| {
        let b = &blocks[i];
        matches!(b.role, BlockRole::Body | BlockRole::Heading)
            && !is_boilerplate(&text[b.span.range()])
            && last_body.is_some_and(|last| i < last)
    };
    // The first line that can be a headline, among the first few: not a
    // section label, tag list or crumb, and not a word or two ("Long Read",
    // "Latest") right above a line that reads as a headline. Else the first candidate.
    let candidates: Vec<usize> = (0..blocks.len().min(12)).filter(|i| candidate_at(*i)).collect();
    let line = |i: usize| &text[blocks[i].span.range()];
    let index = candidates
        .iter()
        .enumerate()
        .find(|(at, i)| {
            let next_is_headline = candidates.get(at + 1).is_some_and(|n| reads_as_headline(line(*n)));
            let label = is_page_label(line(**i)) || (is_short_label(line(**i)) && next_is_headline);
            !label
        })
        .map(|(_, i)| *i)
        .or_else(|| (0..blocks.len()).find(|i| candidate_at(*i)))?;
    let words = text[blocks[index].span.range()].split_whitespace().count();
    (words <= MAX_TITLE_WORDS).then_some(index)
}

/// A line of page furniture rather than a headline: a section label
/// ("WORLD", "Latest:"), a tag list ("Floods, Dams, Velmora, Weather") or a
/// navigation crumb ("Home › News › Local").
fn is_page_label(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    if line.contains(['›', '»', '>']) || line.matches(" / ").count() >= 2 || line.ends_with(':') {
        return true;
    }
    let lower = line.to_lowercase();
    if boilerplate::LEXICON.page_label_starts.words.iter().any(|label| lower.starts_with(label.as_str())) {
        return true;
    }
    // Capitals only ("WORLD"), in scripts that have case.
    let letters = || line.chars().filter(|c| c.is_alphabetic());
    if words <= 4 && letters().any(char::is_uppercase) && letters().all(|c| !c.is_lowercase()) {
        return true;
    }
    // A tag list: three or more short items between separators.
    let items: Vec<&str> = line.split([',', '|', '·', '•', ';']).map(str::trim).filter(|i| !i.is_empty()).collect();
    items.len() >= 3 && items.iter().all(|i| i.split_whitespace().count() <= 3)
}

/// A word or two: a label when a headline follows it.
fn is_short_label(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words < 3 && line.chars().count() < 24
}

/// A line that reads as a headline: several words, no closing full stop,
/// not furniture.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (3..=MAX_TITLE_WORDS).contains(&words) && !line.trim_end().ends_with('.') && !is_page_label(line)
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
/// Cyrillic with Ukrainian letters is Ukrainian; Han with kana is Japanese.
fn guess_language(text: &str) -> &'static str {
    #[derive(Clone, Copy)]
    enum Script {
        Latin,
        Cyrillic,
        Greek,
        Arabic,
        Hebrew,
        Han,
        Kana,
    }
    const CODES: [&str; 7] = ["en", "ru", "el", "ar", "he", "zh", "ja"];
    let mut counts = [0usize; 7];
    let mut ukrainian_letters = 0;
    for c in text.chars().take(4000) {
        let script = match c {
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => Script::Latin,
            '\u{0400}'..='\u{04FF}' => {
                ukrainian_letters += usize::from(matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ'));
                Script::Cyrillic
            }
            '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => {
                Script::Arabic
            }
            '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => Script::Hebrew,
            '\u{3040}'..='\u{30FF}' => Script::Kana,
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => Script::Han,
            _ => continue,
        };
        counts[script as usize] += 1;
    }
    // Japanese mixes kanji and kana; any real share of kana makes it Japanese.
    let kana = counts[Script::Kana as usize];
    if kana > 0 && kana * 10 >= counts[Script::Han as usize] {
        counts[Script::Kana as usize] += counts[Script::Han as usize];
        counts[Script::Han as usize] = 0;
    }
    let best = counts.iter().enumerate().max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i))).map_or(0, |(i, _)| i);
    if best == Script::Cyrillic as usize && ukrainian_letters * 50 >= counts[best] && ukrainian_letters > 0 {
        return "uk";
    }
    CODES[best]
}

/// Sentence spans (relative to `text`, trimmed of surrounding spaces).
#[must_use]
pub fn split_sentences(text: &str, language: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (start, end) in splitter_boundaries(language, text) {
        let Some(raw) = text.get(start..end) else {
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
        .into_iter()
        .flat_map(|span| quotations::split_quotations(text, span, language))
        .flat_map(|span| cap_length(text, span))
        .collect()
}

/// `span` of `text` cut into pieces of at most [`MAX_SENTENCE_BYTES`],
/// each trimmed, at the last whitespace before the limit (at a character
/// boundary when a piece has no space, as unspaced scripts or one endless
/// word do).
fn cap_length(text: &str, span: Span) -> Vec<Span> {
    if span.len() <= MAX_SENTENCE_BYTES {
        return vec![span];
    }
    let mut pieces = Vec::with_capacity(span.len() / (MAX_SENTENCE_BYTES / 2) + 1);
    let mut start = span.start;
    while start < span.end {
        let rest = &text[start..span.end];
        let skipped = rest.len() - rest.trim_start().len();
        start += skipped;
        let rest = &rest[skipped..];
        if rest.is_empty() {
            break;
        }
        let mut end = rest.len();
        if end > MAX_SENTENCE_BYTES {
            end = MAX_SENTENCE_BYTES;
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            // Prefer a word break in the second half of the piece.
            if let Some(space) = rest[..end].rfind(char::is_whitespace).filter(|i| *i > MAX_SENTENCE_BYTES / 2) {
                end = space;
            }
        }
        let piece = rest[..end].trim_end();
        pieces.push(Span::new(start, start + piece.len()));
        start += end;
    }
    pieces
}

/// Repairs splits the splitter gets wrong: after "a.m."/"p.m." when the
/// sentence goes on ("6 a.m. Wednesday"); before a lower-case letter (a
/// sentence never starts with one: "“Run!” she shouted"); after a short
/// abbreviation followed by a figure ("т. е. 3 марта", "ca. 40 people");
/// after a closing quote followed by a Japanese quoting particle
/// (「逃げろ！」と叫んだ); before a time zone after a clock time ("8 p.m.
/// ET."); after a title standing alone ("Ms. | Ernst said"); inside a
/// state label ("D-N. | Y., spoke"); and fragments
/// that hold no word (a stray closing quote or bracket).
fn should_join(previous: &str, next: &str) -> bool {
    // Only the end matters: lower-casing all of a long run-on piece for
    // every fragment joined to it would make joining quadratic.
    let tail_start = previous.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    let lower = previous[tail_start..].to_lowercase();
    let after_clock = lower.ends_with("a.m.") || lower.ends_with("p.m.");
    let first = next.chars().next();
    let next_continues =
        first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) || starts_with_calendar_word(next);
    let no_word = !next.chars().any(char::is_alphanumeric);
    let starts_lowercase = first.is_some_and(char::is_lowercase);
    let figure_after_abbreviation = first.is_some_and(|c| c.is_ascii_digit()) && ends_with_short_abbreviation(previous);
    let quoting_particle = previous.ends_with(['」', '』', '”', '）', ')'])
        && ["と", "って", "との", "という", "など"].iter().any(|p| next.starts_with(p));
    let time_zone = after_clock && starts_with_time_zone(next);
    // "D-N. | Y., spoke": the rest of an abbreviation ("N.Y.", "D.C.") that
    // goes on with a comma or bracket; no sentence starts that way.
    let mut chars = next.chars();
    let abbreviation_rest = matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), Some(',' | ')' | ';' | ':')) if c.is_uppercase()
    );
    (after_clock && next_continues)
        || abbreviation_rest
        || no_word
        || starts_lowercase
        || figure_after_abbreviation
        || quoting_particle
        || time_zone
        || is_lone_title(previous)
        || ends_with_title(previous) && first.is_some_and(char::is_uppercase)
}

/// "8 p.m. | ET." : a time zone after a clock time.
fn starts_with_time_zone(text: &str) -> bool {
    let word = text.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or_default();
    boilerplate::LEXICON.time_zones.words.iter().any(|w| w == word)
}

/// A piece that is only a title before a name ("Ms.", "“Dr.", "Sen."): the
/// splitter broke between the title and the name it belongs to.
fn is_lone_title(piece: &str) -> bool {
    crate::lexicon::HONORIFICS.is_lone_title(piece)
}

/// A piece whose last word is a title before a name ("… to bring up two
/// bills, Ms." | "Pelosi said"): no sentence ends on a title, so the
/// splitter broke between the title and the name it belongs to. "St."
/// and "Sr." are left out: a sentence can end on "Elm St." or "Joe Sr.".
fn ends_with_title(piece: &str) -> bool {
    let last = piece.rsplit(char::is_whitespace).next().unwrap_or_default();
    !matches!(last, "St." | "Sr.") && is_lone_title(last)
}

/// "т. е.", "ca.", "z. B.": a last word of one or two letters and a full stop.
fn ends_with_short_abbreviation(text: &str) -> bool {
    let Some(before_stop) = text.strip_suffix('.') else { return false };
    let last_word = before_stop.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    (1..=2).contains(&last_word.chars().count())
}

fn starts_with_calendar_word(text: &str) -> bool {
    crate::lexicon::CALENDAR.capitalised_names().any(|w| text.starts_with(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, parse_bytes};

    #[test]
    fn a_line_without_punctuation_is_cut_at_spaces_into_bounded_sentences() {
        let words: Vec<String> = (0..5_000).map(|i| format!("river{i}")).collect();
        let text = words.join(" ");
        let spans = split_sentences(&text, "en");
        assert!(spans.len() > 1, "one endless sentence");
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES), "a piece over the limit");
        let rejoined: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(rejoined.join(" "), text, "pieces cover the text, cut only at spaces");
    }

    #[test]
    fn unspaced_text_is_cut_on_character_boundaries() {
        let text = "洪".repeat(3_000);
        let spans = split_sentences(&text, "zh");
        assert!(spans.len() > 1 && spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(spans.iter().map(|s| &text[s.range()]).collect::<String>(), text);
    }

    #[test]
    fn long_paragraphs_split_as_a_whole_would() {
        // Far over one splitter window: windows end between sentences, so
        // no sentence is cut at a window's end.
        let text: String = (0..2_000).map(|i| format!("Sentence {i} is here, said Dr. Vasquez. ")).collect();
        let found = sentences(text.trim_end());
        let wrong: Vec<_> = found
            .iter()
            .enumerate()
            .filter(|(i, s)| **s != format!("Sentence {i} is here, said Dr. Vasquez."))
            .take(3)
            .collect();
        assert_eq!(found.len(), 2_000, "{wrong:?}");
        assert!(found.iter().enumerate().all(|(i, s)| *s == format!("Sentence {i} is here, said Dr. Vasquez.")));
    }

    #[test]
    fn thousands_of_unclosed_quotation_marks_take_linear_time() {
        // sentencex alone needs seconds for this (quadratic); windows keep it
        // to milliseconds in a release build. A generous bound for debug builds.
        let text = vec!["«word"; 40_000].join(" ");
        let clock = std::time::Instant::now();
        let spans = split_sentences(&text, "en");
        assert!(!spans.is_empty());
        assert!(clock.elapsed() < std::time::Duration::from_secs(20), "took {:?}", clock.elapsed());
    }

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

    fn split_as_detected(text: &str) -> Vec<String> {
        split_sentences(text, guess_language(text)).into_iter().map(|s| text[s.range()].to_owned()).collect()
    }

    #[test]
    fn the_language_comes_from_the_dominant_script() {
        assert_eq!(guess_language("The dam burst on Tuesday."), "en");
        assert_eq!(guess_language("Дамба прорвалась во вторник."), "ru");
        assert_eq!(guess_language("Дамбу прорвало у вівторок, і загинули троє."), "uk");
        assert_eq!(guess_language("Το φράγμα έσπασε την Τρίτη."), "el");
        assert_eq!(guess_language("انهار السد يوم الثلاثاء."), "ar");
        assert_eq!(guess_language("הסכר קרס ביום שלישי."), "he");
        assert_eq!(guess_language("大坝周二凌晨决堤。"), "zh");
        assert_eq!(guess_language("ダムが火曜日に決壊した。"), "ja");
    }

    #[test]
    fn chinese_and_japanese_keep_quotes_with_their_sentence() {
        assert_eq!(
            split_as_detected("大坝周二凌晨决堤。至少三人死亡！他说：“我们很幸运。”救援仍在继续？"),
            ["大坝周二凌晨决堤。", "至少三人死亡！", "他说：“我们很幸运。”", "救援仍在继续？"]
        );
        assert_eq!(
            split_as_detected("「逃げろ！」と彼は叫んだ。住民約4500人が避難した。"),
            ["「逃げろ！」と彼は叫んだ。", "住民約4500人が避難した。"]
        );
    }

    #[test]
    fn cyrillic_greek_arabic_and_hebrew_sentences() {
        assert_eq!(
            split_as_detected(
                "Дамба прорвалась во вторник, т. е. 3 марта. Губернатор А. С. Петров заявил об эвакуации."
            ),
            ["Дамба прорвалась во вторник, т. е. 3 марта.", "Губернатор А. С. Петров заявил об эвакуации."]
        );
        // The Greek question mark is a semicolon.
        assert_eq!(
            split_as_detected("Τι συνέβη; Το φράγμα έσπασε. Ο κ. Παπαδόπουλος μίλησε."),
            ["Τι συνέβη;", "Το φράγμα έσπασε.", "Ο κ. Παπαδόπουλος μίλησε."]
        );
        assert_eq!(
            split_as_detected("انهار السد يوم الثلاثاء. هل قتل ثلاثة أشخاص؟ نعم."),
            ["انهار السد يوم الثلاثاء.", "هل قتل ثلاثة أشخاص؟", "نعم."]
        );
        assert_eq!(
            split_as_detected("הסכר קרס ביום שלישי. האם 4,500 פונו? כן."),
            ["הסכר קרס ביום שלישי.", "האם 4,500 פונו?", "כן."]
        );
    }

    #[test]
    fn right_to_left_text_stays_in_logical_order() {
        // Stored as written (logical order); only invisible direction marks go.
        let text = "انهيار السد\n\n\u{200F}قال المحافظ إن 4500 شخص (Velmora) أجلوا.\u{200E} وانتهى الإخلاء.";
        let document = parse_bytes("rtl.txt", text.as_bytes(), Format::Text).expect("document");
        let article = segment(document);
        assert_eq!(article.text, "انهيار السد\n\nقال المحافظ إن 4500 شخص (Velmora) أجلوا. وانتهى الإخلاء.");
        let sentences: Vec<&str> = article.sentences.iter().map(|s| &article.text[s.span.range()]).collect();
        assert_eq!(sentences, ["انهيار السد", "قال المحافظ إن 4500 شخص (Velmora) أجلوا.", "وانتهى الإخلاء."]);
    }

    #[test]
    fn lexicon_examples_are_read_as_they_say() {
        let labels = &boilerplate::LEXICON.section_labels.examples;
        let zones = &boilerplate::LEXICON.time_zones.examples;
        let page = &boilerplate::LEXICON.page_label_starts.examples;
        assert!([labels, zones, page].iter().all(|e| !e.matches.is_empty() && !e.no_match.is_empty()));
        for (lines, expected) in [(&page.matches, true), (&page.no_match, false)] {
            for line in lines {
                assert_eq!(is_page_label(line), expected, "{line:?}");
            }
        }
        for (lines, expected) in [(&labels.matches, true), (&labels.no_match, false)] {
            for line in lines {
                assert_eq!(boilerplate::is_boilerplate(line), expected, "{line:?}");
            }
        }
        for (texts, expected) in [(&zones.matches, true), (&zones.no_match, false)] {
            for text in texts {
                let first = sentences(text).into_iter().next().unwrap_or_default();
                assert_eq!(!first.ends_with("p.m."), expected, "{text:?} splits as {:?}", sentences(text));
            }
        }
    }

    #[test]
    fn titles_and_time_zones_stay_with_their_sentence() {
        assert_eq!(
            sentences("She grew up “castrating hogs on an Iowa farm.” Ms. Ernst said that qualified her."),
            ["She grew up “castrating hogs on an Iowa farm.”", "Ms. Ernst said that qualified her."]
        );
        assert_eq!(
            sentences("He will appear on Friday at 8 p.m. ET. His lawyer agreed."),
            ["He will appear on Friday at 8 p.m. ET.", "His lawyer agreed."]
        );
    }

    #[test]
    fn honorifics_and_party_labels_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Sen. Chuck Grassley, R-Iowa, and Rep. Ana Ruiz, D-N.Y., spoke first. Ms. Ruiz said the dam \
                 failed. Rep. Tom Hale, R-Calif., disagreed. Mr. Hale left."
            ),
            [
                "Sen. Chuck Grassley, R-Iowa, and Rep. Ana Ruiz, D-N.Y., spoke first.",
                "Ms. Ruiz said the dam failed.",
                "Rep. Tom Hale, R-Calif., disagreed.",
                "Mr. Hale left."
            ]
        );
    }

    #[test]
    fn a_title_ending_a_piece_stays_with_its_name() {
        assert_eq!(
            sentences(
                "In her first act as mayor, Ms. Varga will reopen the ferry. The council agreed. It met \
                 on Elm St. The vote was close."
            ),
            [
                "In her first act as mayor, Ms. Varga will reopen the ferry.",
                "The council agreed.",
                "It met on Elm St.",
                "The vote was close."
            ]
        );
    }

    #[test]
    fn the_title_is_the_first_line_that_reads_as_a_headline() {
        let text = "WORLD\n\nHome › News › Europe\n\nFloods, Dams, Velmora, Weather\n\nLong Read\n\n\
                    Dam bursts above Velmora, three dead\n\nThe dam burst on Tuesday. Three people died.";
        let document = parse_bytes("t.txt", text.as_bytes(), Format::Text).expect("document");
        let article = segment(document);
        assert_eq!(article.title, "Dam bursts above Velmora, three dead");
        let kinds: Vec<SentenceKind> = article.sentences.iter().map(|s| s.kind).take(4).collect();
        assert_eq!(kinds, [SentenceKind::Boilerplate; 4], "skipped lines are furniture");
    }

    #[test]
    fn the_date_comes_from_the_byline_not_from_a_caption_or_an_event() {
        let text = "Dam bursts above Velmora\n\nBy Ana Ruiz | March 5, 2026\n\n\
                    The dam burst on March 3, 2026, officials said. It had been inspected on Sept. 11, 2025.";
        let article = segment(parse_bytes("d.txt", text.as_bytes(), Format::Text).expect("document"));
        assert_eq!(article.date.map(crate::model::DayDate::iso).as_deref(), Some("2026-03-05"));
        let text = "Dam bursts above Velmora\n\n![Boats on Quay Road on March 4, 2026](boats.jpg)\n\n\
                    The dam burst on March 3, 2026, officials said.";
        let article = segment(parse_bytes("e.txt", text.as_bytes(), Format::Text).expect("document"));
        assert_eq!(article.date, None, "neither the caption nor the event dates the article");
        let caption = article.sentences.iter().find(|s| s.kind == SentenceKind::Caption).expect("a caption");
        assert_eq!(&article.text[caption.span.range()], "Boats on Quay Road on March 4, 2026");
    }

    #[test]
    fn sentences_never_start_in_lower_case() {
        assert_eq!(
            sentences("“Run!” she shouted. Then the wall gave way."),
            ["“Run!” she shouted.", "Then the wall gave way."]
        );
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
    fn a_lone_body_line_is_content_not_a_title() {
        // Seen on a real wire stub: a date line, a shouted kicker and one
        // sentence. Taking that sentence as the headline left the article
        // with nothing to compare.
        let text =
            "MONDAY, MAY 23, 2005\n\nFIRED IN PHILLY!!\n\nThe coach was fired today and a former rival takes over...";
        let article = segment(parse_bytes("w.txt", text.as_bytes(), Format::Text).expect("document"));
        let content: Vec<&str> = article
            .sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Content)
            .map(|s| &article.text[s.span.range()])
            .collect();
        assert!(content.contains(&"The coach was fired today and a former rival takes over..."), "{content:?}");
        assert_ne!(article.title, "The coach was fired today and a former rival takes over...");
    }

    #[test]
    fn captions_split_off_photo_credits() {
        let markdown = "# T\n\n![A flooded street in Lower Velm. Photo: Courier/Ana Ruiz](x.jpg)\n";
        let article = segment(parse_bytes("c.md", markdown.as_bytes(), Format::Markdown).expect("document"));
        let kinds: Vec<SentenceKind> = article.sentences.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SentenceKind::Title, SentenceKind::Caption, SentenceKind::Boilerplate]);
    }
}
