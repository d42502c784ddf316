//! Figures in running text: "4,500", "10 000", "4.5 million", "€50m",
//! "40 percent", "twenty-seven", "eleven thousand", "a dozen", "hundreds",
//! "two-thirds", "40th", each with its hedge ("about", "more than", "up
//! to"), the range of values the wording allows, and what is counted.
//!
//! Years, days of the month, clock times, ages and durations are recognised
//! so they are never taken for counts of the same thing.
//!
//! Reading the value and hedge is `read`, telling what sort of figure it is
//! `classify`, and what it counts and what happened to it `context`;
//! `identity` reads each figure's whole clause (counted thing, predicate,
//! scope, time) for the quantity finder.

mod ages;
mod classify;
mod context;
pub mod identity;
mod lexicon;
mod read;
#[cfg(test)]
mod tests;
mod words;

pub use context::is_event_concept;

pub use crate::model::{NotQuantity, QuantityClass};

use crate::model::{Figure, Qualifier, Span};
use crate::tokens;

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

/// Finds the quantities in one sentence: the figures of [`read_all`] whose
/// class is a quantity. Spans are relative to `text`.
#[must_use]
pub fn extract(text: &str) -> Vec<NumberMention> {
    read_all(text).into_iter().filter(|m| m.class.is_quantity()).collect()
}

/// [`extract`] for a sentence whose word terms ([`tokens::word_terms`]) are
/// already known, so the sentence is stemmed once.
#[must_use]
pub fn extract_with_terms(text: &str, terms: &[(tokens::Term, Span)]) -> Vec<NumberMention> {
    read_all_with_terms(text, terms).into_iter().filter(|m| m.class.is_quantity()).collect()
}

/// Finds every figure in one sentence, quantities or not (years, dates,
/// identifiers carry a class that says why they are no quantity). Spans are
/// relative to `text`.
#[must_use]
pub fn read_all(text: &str) -> Vec<NumberMention> {
    read_all_with_terms(text, &tokens::word_terms(text))
}

/// [`read_all`] for a sentence whose word terms are already known.
#[must_use]
pub fn read_all_with_terms(text: &str, terms: &[(tokens::Term, Span)]) -> Vec<NumberMention> {
    read_all_in_bounds(text, tokens::word_bounds(text), terms)
}

/// [`read_all_with_terms`] for a sentence already split at its word
/// boundaries ([`tokens::word_bounds`] of `text`), so analysis splits each
/// sentence once (start-up, issue 11).
pub(crate) fn read_all_in_bounds<'t>(
    text: &'t str,
    bounds: impl IntoIterator<Item = (usize, &'t str)>,
    terms: &[(tokens::Term, Span)],
) -> Vec<NumberMention> {
    let raw: Vec<Token<'_>> = bounds
        .into_iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(start, t)| Token { text: t, span: Span::new(start, start + t.len()) })
        .collect();
    let lower: Vec<String> = raw.iter().map(|t| tokens::fold_word(t.text)).collect();
    let decimal_comma = read::uses_decimal_comma(text);
    let mut mentions = Vec::new();
    let mut index = 0;
    while index < raw.len() {
        if let Some((age, end)) = ages::decade(&raw, &lower, index) {
            mentions.push(age);
            index = end;
            continue;
        }
        let Some(parsed) = read::parse_number(&raw, &lower, index, decimal_comma) else {
            index += 1;
            continue;
        };
        let mut next_index = parsed.end.max(index + 1);
        if let Some(age) = ages::around_verb(&raw, &lower, index, &parsed) {
            mentions.push(age);
            index = next_index;
            continue;
        }
        let mut built = build_mention(text, &raw, &lower, index, &parsed);
        // "between 5 and 10 people", "5-10 people": one range, not two figures.
        if let Some(first) = &built
            && first.class.is_quantity()
            && let Some((second, end)) = range_end(text, &raw, &lower, index, &parsed, decimal_comma)
            && second.class.is_quantity()
            && second.figure.value > first.figure.value
            && (second.class == first.class || first.class == QuantityClass::Count)
        {
            let lead = index - parsed.lead;
            let start = if lead > 0 && matches!(lower[lead - 1].as_str(), "between" | "from") {
                raw[lead - 1].span.start
            } else {
                first.span.start
            };
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
            // Words read with the figure ("75 USD million") are not read again.
            while raw.get(next_index).is_some_and(|t| t.span.start < mention.span.end) {
                next_index += 1;
            }
            if mention.class.is_quantity() {
                context::read_sentence(&mut mention, terms);
            }
            mentions.push(mention);
        }
        index = next_index;
    }
    join_restatements(text, join_bounds(text, mentions))
}

/// "about 58km (36 miles)", "£40m ($52m)": a figure restated in another
/// unit in brackets straight after it is one figure, read as first written
/// and spanning both, so the restatement is never compared as a figure of
/// its own (it is a conversion, rounded by the writer).
fn join_restatements(text: &str, mentions: Vec<NumberMention>) -> Vec<NumberMention> {
    let mut joined: Vec<NumberMention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        if let Some(previous) = joined.last_mut()
            && text.get(previous.span.end..mention.span.start).is_some_and(|between| between.trim() == "(")
            && let Some(after) = text.get(mention.span.end..)
            && after.trim_start().starts_with(')')
            && restates(previous, &mention)
        {
            let close = mention.span.end + after.find(')').unwrap_or(0) + 1;
            previous.span = Span::new(previous.span.start, close);
            continue;
        }
        joined.push(mention);
    }
    joined
}

/// Whether `second` restates `first` in another unit: one dimension, other
/// units, values within a tenth of each other in the base unit; or two
/// currencies (exchange rates vary, so any value).
fn restates(first: &NumberMention, second: &NumberMention) -> bool {
    match (&first.class, &second.class) {
        (QuantityClass::Measure(a), QuantityClass::Measure(b)) if a != b => {
            let (Some(x), Some(y)) = (in_base_unit_or_same(first), in_base_unit_or_same(second)) else {
                return false;
            };
            x.class == y.class
                && (x.figure.value - y.figure.value).abs() <= 0.1 * x.figure.value.abs().max(y.figure.value.abs())
        }
        (QuantityClass::Money(a), QuantityClass::Money(b)) => a != b,
        _ => false,
    }
}

/// A measure in its base unit, itself when already in it.
fn in_base_unit_or_same(mention: &NumberMention) -> Option<NumberMention> {
    in_base_unit(mention).or_else(|| matches!(mention.class, QuantityClass::Measure(_)).then(|| mention.clone()))
}

/// The second number of a range after `parsed` ("between 5 and 10",
/// "5-10", "1000 - 5000", "from 200 to 3000", "20 to 30", "20 through
/// 100", "20~100"), with the index after it.
fn range_end(
    text: &str,
    raw: &[Token<'_>],
    lower: &[String],
    start: usize,
    parsed: &Parsed,
    decimal_comma: bool,
) -> Option<(NumberMention, usize)> {
    let first = start - parsed.lead;
    let before = |back: usize| first.checked_sub(back).map_or("", |i| lower[i].as_str());
    let connector = lower.get(parsed.end)?.as_str();
    let digit_follows = raw.get(parsed.end + 1).is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()));
    let between = before(1) == "between" && connector == "and";
    let dashed = matches!(connector, "-" | "–" | "—" | "~") && parsed.written_in_digits && digit_follows;
    let change = (1..=4).any(|back| lexicon::NUMBERS.change_words.contains(before(back)));
    let to = matches!(connector, "to" | "through") && !change;
    if !between && !dashed && !to {
        return None;
    }
    let second = read::parse_number(raw, lower, parsed.end + 1, decimal_comma)?;
    let mention = build_mention(text, raw, lower, parsed.end + 1, &second)?;
    Some((mention, second.end.max(parsed.end + 2)))
}

/// "more than 10 and less than 20", "no more than 50 and no less than 20":
/// a lower and an upper bound joined by "and", "but" or a comma are one
/// range when the bounds leave room between them.
fn join_bounds(text: &str, mentions: Vec<NumberMention>) -> Vec<NumberMention> {
    let mut joined: Vec<NumberMention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        if let Some(previous) = joined.last_mut()
            && let Some(between) = text.get(previous.span.end..mention.span.start)
            && matches!(between.trim(), "and" | "but" | "," | ", and" | ", but")
            && previous.class == mention.class
            && previous.class.is_quantity()
        {
            let lower_bound = |m: &NumberMention| matches!(m.figure.qualifier, Qualifier::Over | Qualifier::AtLeast);
            let upper_bound = |m: &NumberMention| matches!(m.figure.qualifier, Qualifier::Under | Qualifier::AtMost);
            let (low, high) = if lower_bound(previous) && upper_bound(&mention) {
                (previous.figure.low, mention.figure.high)
            } else if upper_bound(previous) && lower_bound(&mention) {
                (mention.figure.low, previous.figure.high)
            } else {
                (f64::NAN, f64::NAN)
            };
            if low <= high {
                previous.span = Span::new(previous.span.start, mention.span.end);
                previous.figure.low = low;
                previous.figure.high = high;
                previous.figure.qualifier = Qualifier::Range;
                continue;
            }
        }
        joined.push(mention);
    }
    joined
}

/// A parsed number before context is read. `Default` is a plain number
/// word read at token 0: readers set what their wording adds.
#[derive(Debug, Clone, Default)]
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
    /// Tokens before the first digit or number word that belong to the
    /// number: a sign ("-5", "minus five") or a leading point (".08").
    pub(crate) lead: usize,
    /// "one" with no noun after it: as often a pronoun ("one of them") as a count.
    pub(crate) pronoun: bool,
    /// A unit written into the digits ("1.8m", "75ml", "200lbs"): its symbol.
    pub(crate) suffix_unit: Option<&'static str>,
    /// A currency code written into the digits ("115USD", "USD115").
    pub(crate) currency: Option<&'static str>,
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
    let pronoun = parsed.pronoun.then_some(QuantityClass::NotQuantity(NotQuantity::Pronoun));
    if let Some(class) = pronoun.or_else(|| classify::not_a_quantity(raw, lower, start, parsed)) {
        let value = read::clean(parsed.value);
        return Some(NumberMention {
            span: Span::new(raw[start - parsed.lead].span.start, raw[parsed.end - 1].span.end),
            figure: Figure { value, low: value, high: value, qualifier: Qualifier::Exact, unit: String::new() },
            class,
            noun: None,
            noun_text: None,
            event: None,
        });
    }
    // The sign or leading point is part of the number.
    let first = start - parsed.lead;
    let hedge = read::hedge_before(raw, lower, first);
    let classify::Classified { class, qualifier, surface_start, value, end } =
        classify::classify(raw, lower, first, parsed, hedge);
    let (noun, noun_text) = context::counted_after(text, raw, lower, parsed.vague.is_some(), &class, end);
    if parsed.ordinal && noun.is_none() {
        return None;
    }

    let value = read::clean(value);
    let (low, high) = read::bounds(value, qualifier, hedge.nearly, parsed.vague);
    let (low, high) = (read::clean(low), read::clean(high));
    let qualifier = if parsed.vague.is_some() && qualifier == Qualifier::Exact { Qualifier::Approx } else { qualifier };
    let surface_end =
        raw.get(end.saturating_sub(1)).map_or(raw[start].span.end, |t| t.span.end).max(raw[parsed.end - 1].span.end);
    let unit_label = match &class {
        QuantityClass::Count => noun.clone().map_or_else(String::new, |n| n.trim_start_matches('~').to_owned()),
        QuantityClass::Money(code) => code.clone(),
        QuantityClass::Percent => "percent".into(),
        QuantityClass::Measure(symbol) => symbol.clone(),
        QuantityClass::Duration(unit) => unit.clone(),
        QuantityClass::Age => "years of age".into(),
        QuantityClass::Ordinal => "rank".into(),
        QuantityClass::Year => "year".into(),
        QuantityClass::NotQuantity(_) => String::new(),
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

/// A measure read in its dimension's base unit ("940 miles" as 1,512.8
/// km), and a duration in seconds ("one minute" as 60), so figures written
/// in other units of one dimension compare; `None` for other classes and
/// for units already in their base.
#[must_use]
pub fn in_base_unit(mention: &NumberMention) -> Option<NumberMention> {
    let (base, factor) = match &mention.class {
        QuantityClass::Measure(unit) => lexicon::NUMBERS.conversions.get(unit)?,
        QuantityClass::Duration(unit) if unit != "second" => {
            let days = lexicon::NUMBERS
                .time_unit_days(unit)
                .or_else(|| lexicon::NUMBERS.time_unit_days(&format!("{unit}s")))?;
            ("second", days * 86400.0)
        }
        _ => return None,
    };
    let mut converted = mention.clone();
    converted.class = match &mention.class {
        QuantityClass::Duration(_) => QuantityClass::Duration(base.into()),
        _ => QuantityClass::Measure(base.into()),
    };
    converted.figure.unit = base.into();
    converted.figure.value *= factor;
    converted.figure.low *= factor;
    converted.figure.high *= factor;
    Some(converted)
}
