//! Figures in running text: "4,500", "10 000", "4.5 million", "€50m",
//! "40 percent", "twenty-seven", "eleven thousand", "a dozen", "hundreds",
//! "two-thirds", "40th", each with its hedge ("about", "more than", "up
//! to"), the range of values the wording allows, and what is counted.
//!
//! Years, days of the month, clock times, ages and durations are recognised
//! so they are never taken for counts of the same thing.
//!
//! Reading the value and hedge is `read`, telling what sort of figure it is
//! `classify`, and what it counts and what happened to it `context`.

mod classify;
mod context;
mod read;
#[cfg(test)]
mod tests;

pub use context::{EVENT_CONCEPTS, EXCLUSIVE_EVENTS, is_event_concept};

use crate::model::{Figure, Qualifier, Span};
use crate::tokens;
use unicode_segmentation::UnicodeSegmentation;

/// What sort of quantity a figure is. Figures of different classes are
/// never the same quantity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuantityClass {
    /// A count of things ("4,500 residents").
    Count,
    /// An amount of money in a currency (ISO code).
    Money(String),
    /// A share ("40 percent", "two-thirds").
    Percent,
    /// A measurement in a unit ("18 million cubic metres", "4 metres").
    Measure(String),
    /// A length of time in a unit ("hours", "weeks"); the value is in days.
    /// Durations in different units are never the same quantity.
    Duration(String),
    /// Someone's age.
    Age,
    /// A rank ("40th").
    Ordinal,
}

impl QuantityClass {
    /// Classes whose figures are reported as discrepancies wherever their
    /// context matches. Ages, durations and ordinals are compared only
    /// between sentences already matched as the same statement.
    #[must_use]
    pub const fn is_strong(&self) -> bool {
        matches!(self, Self::Count | Self::Money(_) | Self::Percent | Self::Measure(_))
    }
}

/// A figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// The surface text, from the hedge to the unit ("about 4,500", "€50m").
    pub span: Span,
    /// Value, bounds, hedge and unit label.
    pub figure: Figure,
    /// What sort of quantity.
    pub class: QuantityClass,
    /// The counted thing as a term ("~peopl", "~home", "metr"), when stated.
    pub noun: Option<String>,
    /// The counted thing as written ("residents"), when stated.
    pub noun_text: Option<String>,
    /// What happened to it: the event concept governing the figure
    /// ("~die" for "three people were killed"), when the sentence says.
    pub event: Option<&'static str>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub(crate) text: &'a str,
    pub(crate) span: Span,
}

/// Finds the figures in one sentence. Spans are relative to `text`.
#[must_use]
pub fn extract(text: &str) -> Vec<NumberMention> {
    extract_with_terms(text, &tokens::terms(text))
}

/// [`extract`] for a sentence whose word terms ([`tokens::terms`]) are
/// already known, so the sentence is stemmed once.
#[must_use]
pub fn extract_with_terms(text: &str, terms: &[(String, Span)]) -> Vec<NumberMention> {
    let raw: Vec<Token<'_>> = text
        .split_word_bound_indices()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(start, t)| Token { text: t, span: Span::new(start, start + t.len()) })
        .collect();
    let lower: Vec<String> = raw.iter().map(|t| tokens::fold_word(t.text)).collect();
    let decimal_comma = read::uses_decimal_comma(text);
    let mut mentions = Vec::new();
    let mut index = 0;
    while index < raw.len() {
        let Some(parsed) = read::parse_number(&raw, &lower, index, decimal_comma) else {
            index += 1;
            continue;
        };
        let mut next_index = parsed.end.max(index + 1);
        let mut built = build_mention(text, &raw, &lower, index, &parsed);
        // "between 5 and 10 people", "5-10 people": one range, not two figures.
        if let Some(first) = &built
            && let Some((second, end)) = range_end(text, &raw, &lower, index, &parsed, decimal_comma)
            && second.figure.value > first.figure.value
            && (second.class == first.class || first.class == QuantityClass::Count)
        {
            let start =
                if index > 0 && lower[index - 1] == "between" { raw[index - 1].span.start } else { first.span.start };
            built = Some(NumberMention {
                span: Span::new(start, second.span.end),
                figure: Figure {
                    value: first.figure.value,
                    low: first.figure.low,
                    high: second.figure.high,
                    qualifier: Qualifier::Range,
                    unit: second.figure.unit.clone(),
                },
                ..second
            });
            next_index = end;
        }
        if let Some(mut mention) = built {
            context::read_sentence(&mut mention, terms);
            mentions.push(mention);
        }
        index = next_index;
    }
    mentions
}

/// The second number of a range after `parsed` ("between 5 and 10",
/// "5-10"), with the index after it.
fn range_end(
    text: &str,
    raw: &[Token<'_>],
    lower: &[String],
    start: usize,
    parsed: &Parsed,
    decimal_comma: bool,
) -> Option<(NumberMention, usize)> {
    let connector = lower.get(parsed.end)?.as_str();
    let between = start > 0 && lower[start - 1] == "between" && connector == "and";
    let dashed = matches!(connector, "-" | "–" | "—")
        && parsed.written_in_digits
        && raw.get(parsed.end + 1).is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
        && raw[parsed.end].span.start == raw[parsed.end - 1].span.end;
    if !between && !dashed {
        return None;
    }
    let second = read::parse_number(raw, lower, parsed.end + 1, decimal_comma)?;
    let mention = build_mention(text, raw, lower, parsed.end + 1, &second)?;
    Some((mention, second.end.max(parsed.end + 2)))
}

/// A parsed number before context is read.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    pub(crate) value: f64,
    /// Bounds for vague words ("hundreds"), else None.
    pub(crate) vague: Option<(f64, f64)>,
    /// One past the last token of the number (scale words and suffixes included).
    pub(crate) end: usize,
    pub(crate) ordinal: bool,
    /// A fraction word ("two-thirds"): a share, value already in percent.
    pub(crate) fraction: bool,
    /// Money suffix or symbol seen inside the number tokens ("50m" has none; "€" is outside).
    pub(crate) written_in_digits: bool,
    /// A bare four-digit number without separators (a year candidate).
    pub(crate) bare_four_digits: bool,
}

/// A figure from its parsed number and what surrounds it, or None when the
/// number is no quantity (a clock time, a date, an identifier, a rank of
/// nothing).
fn build_mention(
    text: &str,
    raw: &[Token<'_>],
    lower: &[String],
    start: usize,
    parsed: &Parsed,
) -> Option<NumberMention> {
    if parsed.written_in_digits && classify::is_not_a_quantity(raw, lower, start, parsed) {
        return None;
    }
    let hedge = read::hedge_before(raw, lower, start);
    let classify::Classified { class, qualifier, surface_start, value, end } =
        classify::classify(raw, lower, start, parsed, hedge);
    let (noun, noun_text) = context::counted_after(text, raw, lower, parsed.vague.is_some(), &class, end);
    if parsed.ordinal && noun.is_none() {
        return None;
    }

    let (low, high) = read::bounds(value, qualifier, hedge.nearly, parsed.vague);
    let qualifier = if parsed.vague.is_some() && qualifier == Qualifier::Exact { Qualifier::Approx } else { qualifier };
    let surface_end =
        raw.get(end.saturating_sub(1)).map_or(raw[start].span.end, |t| t.span.end).max(raw[parsed.end - 1].span.end);
    let unit_label = match &class {
        QuantityClass::Count => noun.clone().map_or_else(String::new, |n| n.trim_start_matches('~').to_owned()),
        QuantityClass::Money(code) => code.clone(),
        QuantityClass::Percent => "percent".into(),
        QuantityClass::Measure(symbol) => symbol.clone(),
        QuantityClass::Duration(_) => "days".into(),
        QuantityClass::Age => "years of age".into(),
        QuantityClass::Ordinal => "rank".into(),
    };
    Some(NumberMention {
        span: Span::new(surface_start, surface_end),
        figure: Figure { value, low, high, qualifier, unit: unit_label },
        class,
        noun,
        noun_text,
        event: None,
    })
}
