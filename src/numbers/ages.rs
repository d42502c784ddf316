//! Ages written without "years old": a decade of life ("in his 50s", "in
//! her early thirties") and an age about to be reached ("who turns 29 on
//! April 11", "will be 29 in April"). Each is a range of ages, so "56" and
//! "in his 50s", or "28" and "will turn 29", are readings of one age that
//! can both be true: a discrepancy the checker judges, never a conflict.

use super::lexicon::{AgeVerb, NUMBERS};
use super::{NumberMention, Parsed, QuantityClass, Token};
use crate::model::{Figure, Qualifier, Span};

/// The age a decade of life allows, when token `at` is one ("50s", "50's",
/// "fifties") after a possessive ("in his 50s", "their early 70s", "her
/// mid-40s"), with the index after it.
pub(super) fn decade(raw: &[Token<'_>], lower: &[String], at: usize) -> Option<(NumberMention, usize)> {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let (decade_start, end) = decade_at(raw, lower, at)?;
    // "mid-40s", "early 30s": where in the decade.
    let (mut low, mut high) = (0.0, 9.0);
    let mut before = at.checked_sub(1)?;
    if word(before) == "-" {
        before = before.checked_sub(1)?;
    }
    if let Some(part) = NUMBERS.age_decades.part(word(before)) {
        (low, high) = part;
        before = before.checked_sub(1)?;
    }
    if !NUMBERS.age_decades.is_possessive(word(before)) {
        return None;
    }
    let figure = Figure {
        value: decade_start,
        low: decade_start + low,
        high: decade_start + high,
        qualifier: Qualifier::Range,
        unit: "years of age".into(),
    };
    let span = Span::new(raw[before].span.start, raw[end - 1].span.end);
    Some((age(span, figure), end))
}

/// The first year of a decade written at `at` and the index after it:
/// "50s", "50's", "50’s", "fifties". Teens and the hundreds are no decade
/// of life this reads.
fn decade_at(raw: &[Token<'_>], lower: &[String], at: usize) -> Option<(f64, usize)> {
    let token = lower.get(at)?;
    if let Some(tens) = token.strip_suffix("ies") {
        // "fifties" is "fifty" with "ies" for its "y" (checked without
        // building a word: most "-ies" words are no decade).
        let ten = NUMBERS.tens.words.iter().position(|t| t.strip_suffix('y') == Some(tens))?;
        return Some(((ten + 2) as f64 * 10.0, at + 1));
    }
    let joined = |a: usize, b: usize| raw.get(b).is_some_and(|t| t.span.start == raw[a].span.end);
    let text = |i: usize| raw.get(i).map_or("", |t| t.text);
    let (digits, end) = match token.strip_suffix('s') {
        Some(digits) => (digits.trim_end_matches(['\'', '’']), at + 1),
        // "60's": the apostrophe and the "s" are tokens of their own.
        None if matches!(text(at + 1), "'s" | "’s") && joined(at, at + 1) => (token.as_str(), at + 2),
        None if matches!(text(at + 1), "'" | "’")
            && text(at + 2) == "s"
            && joined(at, at + 1)
            && joined(at + 1, at + 2) =>
        {
            (token.as_str(), at + 3)
        }
        None => return None,
    };
    let value: u32 = digits.parse().ok().filter(|_| digits.len() == 2)?;
    (value.is_multiple_of(10) && (20..=90).contains(&value)).then_some((f64::from(value), end))
}

/// `parsed` (the figure at `start`) as an age reached or about to be
/// reached, when the words before it say so ("turned 90", "will turn 29")
/// and nothing counted follows it ("will be 40 pages" is no age).
pub(super) fn around_verb(raw: &[Token<'_>], lower: &[String], start: usize, parsed: &Parsed) -> Option<NumberMention> {
    let plain = parsed.written_in_digits || parsed.vague.is_none();
    if !plain
        || parsed.ordinal
        || parsed.fraction
        || parsed.value.fract() != 0.0
        || !(1.0..120.0).contains(&parsed.value)
    {
        return None;
    }
    let verb = NUMBERS.age_verbs.before(lower, start)?;
    let after = lower.get(parsed.end).map_or("", String::as_str);
    if !NUMBERS.age_verbs.may_follow(after) {
        return None;
    }
    let value = parsed.value;
    let (low, qualifier) = match verb {
        AgeVerb::Coming => (value - 1.0, Qualifier::Range),
        AgeVerb::Reached => (value, Qualifier::Exact),
    };
    let figure = Figure { value, low, high: value, qualifier, unit: "years of age".into() };
    Some(age(Span::new(raw[start].span.start, raw[parsed.end - 1].span.end), figure))
}

fn age(span: Span, figure: Figure) -> NumberMention {
    NumberMention { span, figure, class: QuantityClass::Age, noun: None, noun_text: None, event: None }
}

#[cfg(test)]
mod tests {
    use crate::model::{Qualifier, QuantityClass};
    use crate::numbers::read_all;

    fn age(text: &str) -> Option<(String, f64, f64, Qualifier)> {
        read_all(text)
            .into_iter()
            .find(|m| m.class == QuantityClass::Age)
            .map(|m| (text[m.span.start..m.span.end].to_owned(), m.figure.low, m.figure.high, m.figure.qualifier))
    }

    #[test]
    fn a_decade_of_life_is_a_range_of_ages() {
        assert_eq!(age("The driver was a man in his 50s."), Some(("his 50s".into(), 50.0, 59.0, Qualifier::Range)));
        assert_eq!(
            age("Both pilots are in their early thirties."),
            Some(("their early thirties".into(), 30.0, 33.0, Qualifier::Range))
        );
        assert_eq!(
            age("She is in her mid-40s, friends say."),
            Some(("her mid-40s".into(), 43.0, 46.0, Qualifier::Range))
        );
        assert_eq!(age("He is in his late 60's."), Some(("his late 60's".into(), 66.0, 69.0, Qualifier::Range)));
    }

    #[test]
    fn a_decade_without_a_possessive_is_no_age() {
        assert_eq!(age("Prices last rose like this in the 70s."), None);
        assert_eq!(age("The song was a hit in the 1950s."), None);
    }

    #[test]
    fn an_age_about_to_be_reached_allows_the_year_before() {
        assert_eq!(
            age("The captain, who turns 61 in June, will retire."),
            Some(("61".into(), 60.0, 61.0, Qualifier::Range))
        );
        assert_eq!(age("Okonjo will be 40 next month."), Some(("40".into(), 39.0, 40.0, Qualifier::Range)));
        assert_eq!(age("The actor turned 90 on Sunday."), Some(("90".into(), 90.0, 90.0, Qualifier::Exact)));
    }

    #[test]
    fn a_figure_that_counts_something_after_the_verb_is_no_age() {
        assert_eq!(age("The bill will be 40 pages long."), None);
        assert_eq!(age("The road turns 90 degrees at the bridge."), None);
        assert_eq!(age("Turnout will be 40 percent, officials said."), None);
    }
}
