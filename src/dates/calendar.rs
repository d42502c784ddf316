//! Calendar dates ("Tuesday, March 3", "Mar. 3, 2026", "3rd of March",
//! "2026-03-03") found by hand instead of by a compiled pattern (start-up:
//! compiling the pattern and filling its lazy DFA was ~7% of a run on the
//! samples). [`find`] returns exactly what `captures_iter` of [`PATTERN`]
//! returns: leftmost-first matches, each alternative tried in the order a
//! backtracking engine tries it, with Unicode `\b`, `\d` and `\s` and
//! `(?i)` letters (the Kelvin sign for k, the long s for s). The tests
//! compare the two on generated and real text.

use crate::segment::shapes::{is_digit, same_letter};
use std::ops::Range;

/// The specification: what [`find`] matches, group by group.
#[cfg(test)]
pub(super) const PATTERN: &str = concat!(
    r"(?i)\b(?:(?P<wd1>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?",
    r"(?:(?P<month1>",
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?",
    r")\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?\b|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>",
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?",
    r")(?:\b|\s))(?:,?\s*(?P<year>(?:19|20)\d{2})\b)?|\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b",
);

/// One match: byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub whole: Range<usize>,
    /// `month1` or `month2`.
    pub month: Option<Range<usize>>,
    /// `day1` or `day2`.
    pub day: Option<Range<usize>>,
    pub year: Option<Range<usize>>,
    pub iso: Option<Range<usize>>,
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Each month alternative's forms in the order the pattern tries them
/// (`jan(?:uary|\.)?` tries "january", "jan.", "jan";
/// `sep(?:t(?:ember)?)?\.?` the six forms below).
const MONTHS: [&[&str]; 12] = [
    &["january", "jan.", "jan"],
    &["february", "feb.", "feb"],
    &["march", "mar.", "mar"],
    &["april", "apr.", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug.", "aug"],
    &["september.", "september", "sept.", "sept", "sep.", "sep"],
    &["october", "oct.", "oct"],
    &["november", "nov.", "nov"],
    &["december", "dec.", "dec"],
];

const SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

/// Every calendar date of `text`, left to right, as the pattern's
/// `captures_iter` finds them.
pub(super) fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(next) = first_from(text, from) {
        from = next.whole.end;
        found.push(next);
    }
    found
}

/// The leftmost match starting at or after `from`. Every alternative
/// starts with a word character after its `\b`, so only the starts of
/// words are tried ([`super::word_starts`]).
fn first_from(text: &str, from: usize) -> Option<Found> {
    super::word_starts(text, from)
        .filter(|&(p, _)| may_start(text, p))
        .find_map(|(p, _)| date_at(text, p).or_else(|| iso_at(text, p)))
}

/// Whether a match can start at `p`: every alternative opens with a
/// weekday, a month (each form starts with one of [`OPENINGS`]) or a
/// digit. A cheap test before the alternatives are tried at each word
/// boundary (start-up, issue 11); it rules out nothing they match.
fn may_start(text: &str, p: usize) -> bool {
    text[p..].chars().next().is_some_and(|c| {
        is_digit(c)
            || ((matches!(c.to_ascii_lowercase(), 'm' | 't' | 'w' | 'f' | 's' | 'j' | 'a' | 'o' | 'n' | 'd')
                || c == '\u{17F}')
                && OPENINGS.iter().any(|opening| literal(text, p, opening).is_some()))
    })
}

/// The first three letters of every weekday and month form.
const OPENINGS: [&str; 19] = [
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
    "oct", "nov", "dec",
];

/// The first alternative at `p` (after its `\b`).
fn date_at(text: &str, p: usize) -> Option<Found> {
    let mut starts = Vec::new();
    for weekday in WEEKDAYS {
        if let Some(end) = literal(text, p, weekday) {
            for after_comma in optional(text, end, ",") {
                starts.extend(spaces(text, after_comma, 1));
            }
        }
    }
    starts.push(p);
    let (end, month, day) = starts.into_iter().find_map(|q| month_first(text, q).or_else(|| day_first(text, q)))?;
    let (end, year) = year_after(text, end).map_or((end, None), |year| (year.end, Some(year)));
    Some(Found { whole: p..end, month: Some(month), day: Some(day), year, iso: None })
}

type Core = (usize, Range<usize>, Range<usize>);

/// `(?P<month1>…)\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?\b`
fn month_first(text: &str, q: usize) -> Option<Core> {
    for month in months(text, q) {
        for space in spaces(text, month, 1) {
            for day in digits(text, space, 1, 2) {
                for end in suffix(text, day) {
                    if is_boundary(text, end) {
                        return Some((end, q..month, space..day));
                    }
                }
            }
        }
    }
    None
}

/// `(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>…)(?:\b|\s)`
fn day_first(text: &str, q: usize) -> Option<Core> {
    for day in digits(text, q, 1, 2) {
        for after_suffix in suffix(text, day) {
            for space in spaces(text, after_suffix, 1) {
                let mut month_starts: Vec<usize> = Vec::new();
                if let Some(of) = literal(text, space, "of") {
                    month_starts.extend(spaces(text, of, 1));
                }
                month_starts.push(space);
                for start in month_starts {
                    for month in months(text, start) {
                        if is_boundary(text, month) {
                            return Some((month, start..month, q..day));
                        }
                        if let Some(space) = spaces(text, month, 1).last() {
                            return Some((*space, start..month, q..day));
                        }
                    }
                }
            }
        }
    }
    None
}

/// `,?\s*(?P<year>(?:19|20)\d{2})\b`, tried greedily: the year's range.
fn year_after(text: &str, end: usize) -> Option<Range<usize>> {
    for after_comma in optional(text, end, ",") {
        for start in spaces(text, after_comma, 0) {
            if let Some(year) = century_year(text, start)
                && is_boundary(text, year)
            {
                return Some(start..year);
            }
        }
    }
    None
}

/// `\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b` at `p` (after its `\b`).
fn iso_at(text: &str, p: usize) -> Option<Found> {
    let year = century_year(text, p)?;
    let month = one(text, year, |c| c == '-')
        .and_then(|at| one(text, at, |c| matches!(c, '0' | '1')))
        .and_then(|at| one(text, at, is_digit))?;
    let end = one(text, month, |c| c == '-')
        .and_then(|at| one(text, at, |c| matches!(c, '0'..='3')))
        .and_then(|at| one(text, at, is_digit))?;
    is_boundary(text, end).then_some(Found { whole: p..end, month: None, day: None, year: None, iso: Some(p..end) })
}

/// `(?:19|20)\d{2}`: where it ends.
fn century_year(text: &str, at: usize) -> Option<usize> {
    let century = literal(text, at, "19").or_else(|| literal(text, at, "20"))?;
    digits(text, century, 2, 2).first().copied()
}

/// The ends of every month form at `at`, in the pattern's order.
fn months(text: &str, at: usize) -> Vec<usize> {
    MONTHS.iter().flat_map(|forms| forms.iter()).filter_map(|form| literal(text, at, form)).collect()
}

/// `(?:st|nd|rd|th)?`: with the suffix first, then without.
fn suffix(text: &str, at: usize) -> Vec<usize> {
    let mut ends: Vec<usize> = SUFFIXES.iter().filter_map(|s| literal(text, at, s)).collect();
    ends.push(at);
    ends
}

/// `word?` (greedy): with it first, then without.
fn optional(text: &str, at: usize, word: &str) -> Vec<usize> {
    let mut ends: Vec<usize> = literal(text, at, word).into_iter().collect();
    ends.push(at);
    ends
}

/// `\s{min,}` (greedy): the ends, longest first.
fn spaces(text: &str, at: usize, min: usize) -> Vec<usize> {
    repeat(text, at, min, usize::MAX, char::is_whitespace)
}

/// `\d{min,max}` (greedy): the ends, longest first.
fn digits(text: &str, at: usize, min: usize, max: usize) -> Vec<usize> {
    repeat(text, at, min, max, is_digit)
}

fn repeat(text: &str, at: usize, min: usize, max: usize, class: impl Fn(char) -> bool) -> Vec<usize> {
    let mut ends = Vec::new();
    if min == 0 {
        ends.push(at);
    }
    let mut count = 0;
    for (i, c) in text[at..].char_indices() {
        if count == max || !class(c) {
            break;
        }
        count += 1;
        if count >= min {
            ends.push(at + i + c.len_utf8());
        }
    }
    ends.reverse();
    ends
}

/// One character of a class at `at`: where it ends.
fn one(text: &str, at: usize, class: impl Fn(char) -> bool) -> Option<usize> {
    let c = text[at..].chars().next()?;
    class(c).then_some(at + c.len_utf8())
}

/// `word` at `at`, compared as `(?i)` compares: where it ends.
fn literal(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut chars = text[at..].char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if !same_letter(c, w) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| at + i))
}

/// Unicode `\b` at `p`.
fn is_boundary(text: &str, p: usize) -> bool {
    let before = text[..p].chars().next_back().is_some_and(regex_syntax::is_word_character);
    let after = text[p..].chars().next().is_some_and(regex_syntax::is_word_character);
    before != after
}

#[cfg(test)]
mod tests;
