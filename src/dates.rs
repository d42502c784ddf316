//! Dates in running text: "Tuesday, March 3", "Mar. 3, 2026", "3 March",
//! "2026-03-03", and relative forms ("on Tuesday night", "yesterday",
//! "last night") resolved against the article's own date.

use crate::model::{Article, DayDate, SentenceKind, Span};
use jiff::civil::{Date, Weekday};

mod calendar;
mod relative;

/// Literals every calendar date holds (a month, or the century of an ISO
/// date): a sentence without them skips the scanner.
const CALENDAR_GATE: &[&str] =
    &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "19", "20"];

/// A date found in a sentence, resolved where possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Where it is written (relative to the scanned text).
    pub span: Span,
    /// The calendar date it denotes, when it could be resolved.
    pub date: Option<DayDate>,
    /// True for forms that needed the anchor ("Tuesday night", "yesterday").
    pub relative: bool,
}

/// Finds the dates written in `text`, resolving weekdays and relative words
/// against `anchor` (the article's date) and filling a missing year from it.
#[must_use]
pub fn scan(text: &str, anchor: Option<DayDate>) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    let folded = crate::prefilter::case_folded(text);
    if CALENDAR_GATE.iter().any(|l| folded.contains(l)) {
        for hit in calendar::find(text) {
            let whole = hit.whole;
            let date = if let Some(iso) = hit.iso {
                parse_iso(&text[iso])
            } else {
                let month = hit.month.and_then(|m| month_number(&text[m]));
                let day = hit.day.and_then(|d| text[d].parse::<i8>().ok());
                let year = hit.year.and_then(|y| text[y].parse::<i16>().ok());
                match (month, day) {
                    (Some(month), Some(day)) if (1..=31).contains(&day) => {
                        Some(complete_year(DayDate { year, month, day }, anchor))
                    }
                    _ => None,
                }
            };
            if date.is_some() {
                let trimmed = trim_trailing_space(text, whole.start, whole.end);
                found.push(DateMention { span: Span::new(whole.start, trimmed), date, relative: false });
            }
        }
    }
    for relative in relative::scan(text) {
        let span = Span::new(relative.whole.start, relative.whole.end);
        if found.iter().any(|f| f.span.overlaps(span)) {
            continue;
        }
        let date = if let Some(weekday) = relative.weekday.and_then(|w| weekday_from(&text[w])) {
            anchor.and_then(|a| most_recent(a, weekday))
        } else {
            let word = relative.word.map(|r| text[r].to_lowercase()).unwrap_or_default();
            let days_back = match word.as_str() {
                "yesterday" | "last night" => 1,
                "the day before yesterday" => 2,
                _ => 0,
            };
            anchor.and_then(|a| days_before(a, days_back))
        };
        found.push(DateMention { span, date, relative: true });
    }
    found.sort_by_key(|m| m.span);
    found
}

fn trim_trailing_space(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn parse_iso(text: &str) -> Option<DayDate> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::new(year, month, day).ok()?;
    Some(DayDate { year: Some(year), month, day })
}

fn month_number(text: &str) -> Option<i8> {
    crate::lexicon::CALENDAR.month(text)
}

fn weekday_from(text: &str) -> Option<Weekday> {
    const ORDER: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
    crate::lexicon::CALENDAR.weekday_index(text).and_then(|index| ORDER.get(index).copied())
}

fn to_civil(date: DayDate) -> Option<Date> {
    Date::new(date.year?, date.month, date.day).ok()
}

fn from_civil(date: Date) -> DayDate {
    DayDate { year: Some(date.year()), month: date.month(), day: date.day() }
}

/// News reports look back: a bare weekday is the most recent such day on or
/// before the article's date ("on Tuesday" in Wednesday's paper = yesterday).
fn most_recent(anchor: DayDate, weekday: Weekday) -> Option<DayDate> {
    let date = to_civil(anchor)?;
    date.tomorrow().ok()?.nth_weekday(-1, weekday).ok().map(from_civil)
}

fn days_before(anchor: DayDate, days: u8) -> Option<DayDate> {
    let mut date = to_civil(anchor)?;
    for _ in 0..days {
        date = date.yesterday().ok()?;
    }
    Some(from_civil(date))
}

/// A date written without a year takes the anchor's year, or the year
/// before when that would put it well after the article was written.
fn complete_year(date: DayDate, anchor: Option<DayDate>) -> DayDate {
    if date.year.is_some() {
        return date;
    }
    let Some(anchor) = anchor else { return date };
    let Some(year) = anchor.year else { return date };
    let candidate = DayDate { year: Some(year), ..date };
    let later_than_anchor = (candidate.month, candidate.day) > (anchor.month, anchor.day.saturating_add(7));
    if later_than_anchor { DayDate { year: Some(year - 1), ..date } } else { candidate }
}

/// The article's own date: the first full date in its byline, dateline or
/// other front matter (boilerplate, title and headings before the body, then
/// the first body sentence), preferring one that states the year.
#[must_use]
pub fn publication_date(article: &Article) -> Option<DayDate> {
    // Only lines that say when the article appeared: bylines, date lines
    // and datelines before the body, and "Published/Updated …" lines
    // anywhere. Never a photo caption, the headline or an event the body
    // reports ("the dam burst on March 3", "Sept. 11").
    let mut in_body = false;
    let mut candidates: Vec<DayDate> = Vec::new();
    for sentence in &article.sentences {
        in_body |= sentence.kind == SentenceKind::Content;
        let text = &article.text[sentence.span.range()];
        let telling = match sentence.kind {
            SentenceKind::Boilerplate if !in_body => true,
            SentenceKind::Heading if !in_body => text.split_whitespace().count() <= 8,
            SentenceKind::Boilerplate => {
                let lower = text.to_lowercase();
                ["published", "updated", "posted", "first appeared"].iter().any(|w| lower.contains(w))
            }
            _ => false,
        };
        if !telling {
            continue;
        }
        candidates.extend(scan(text, None).into_iter().filter(|m| !m.relative).filter_map(|m| m.date));
        if candidates.iter().any(|d| d.year.is_some()) {
            break;
        }
    }
    let with_year = candidates.iter().find(|d| d.year.is_some()).copied();
    with_year.or_else(|| candidates.first().copied())
}

/// Dates in a sentence that say when something happened, resolved against
/// the article's date. Dates that only say when something was *said*
/// ("officials said on Wednesday") are left out.
#[must_use]
pub fn event_dates(article: &Article, sentence: usize) -> Vec<DateMention> {
    let Some(range) = article.sentences.get(sentence).map(|s| s.span) else { return Vec::new() };
    let text = &article.text[range.range()];
    scan(text, article.date)
        .into_iter()
        .filter(|m| !is_attribution_date(text, m.span))
        .map(|m| DateMention { span: m.span.shifted(range.start), ..m })
        .collect()
}

fn is_attribution_date(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end().to_lowercase();
    let before = before.strip_suffix(" on").unwrap_or(&before);
    [" said", " says", " announced", " told reporters", " confirmed", " reported", " added", " stated"]
        .iter()
        .any(|verb| before.ends_with(verb))
}

/// The byte positions at or after `from` where a word starts (a word
/// character after a non-word one, as a regex's `\b` then `\w` sees it),
/// with that character: the only places the date scanners try, walking the
/// text once.
fn word_starts(text: &str, from: usize) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut previous_is_word = text[..from].chars().next_back().is_some_and(regex_syntax::is_word_character);
    text[from..].char_indices().filter_map(move |(offset, c)| {
        let is_word = regex_syntax::is_word_character(c);
        let starts = is_word && !previous_is_word;
        previous_is_word = is_word;
        starts.then_some((from + offset, c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, anchor: Option<DayDate>) -> Vec<(String, Option<String>)> {
        scan(text, anchor).into_iter().map(|m| (text[m.span.range()].to_owned(), m.date.map(DayDate::iso))).collect()
    }

    const MARCH_4: DayDate = DayDate { year: Some(2026), month: 3, day: 4 };

    #[test]
    fn calendar_forms() {
        assert_eq!(
            dates(
                "It burst late on Tuesday, March 3, and on 4 March 2026; see also Mar. 5 and 2026-03-06.",
                Some(MARCH_4)
            ),
            [
                ("Tuesday, March 3".into(), Some("2026-03-03".into())),
                ("4 March 2026".into(), Some("2026-03-04".into())),
                ("Mar. 5".into(), Some("2026-03-05".into())),
                ("2026-03-06".into(), Some("2026-03-06".into())),
            ]
        );
    }

    #[test]
    fn relative_forms_resolve_against_the_article_date() {
        assert_eq!(
            dates(
                "The dam gave way on Tuesday night; yesterday it rained, and on Wednesday it stopped.",
                Some(MARCH_4)
            ),
            [
                ("on Tuesday night".into(), Some("2026-03-03".into())),
                ("yesterday".into(), Some("2026-03-03".into())),
                ("on Wednesday".into(), Some("2026-03-04".into())),
            ]
        );
        assert_eq!(dates("on Tuesday", None), [("on Tuesday".into(), None)]);
    }

    #[test]
    fn year_is_filled_from_the_anchor() {
        let december = DayDate { year: Some(2026), month: 1, day: 2 };
        assert_eq!(dates("on December 30", Some(december))[0].1.as_deref(), Some("2025-12-30"));
    }

    #[test]
    fn attribution_dates_are_not_event_dates() {
        let said = "Three people died, officials said on Wednesday";
        let found = scan(said, None);
        assert!(is_attribution_date(said, found[0].span));
        let burst = "The dam burst on Wednesday";
        assert!(!is_attribution_date(burst, scan(burst, None)[0].span));
    }
}
