//! Number words: "twenty-seven", "eleven thousand", "a dozen", "half a
//! million", "two point five", fractions ("two thirds", "one and a half",
//! "a hundredth") and shares ("two-thirds of").

use super::Parsed;
use super::lexicon::NUMBERS;
use crate::tokens;

pub(super) fn word_unit(word: &str) -> Option<f64> {
    if NUMBERS.noughts.contains(word) {
        return Some(0.0);
    }
    NUMBERS.units.position(word).map(|v| v as f64)
}

pub(super) fn word_ten(word: &str) -> Option<f64> {
    // The list starts at twenty.
    NUMBERS.tens.position(word).map(|v| (v + 2) as f64 * 10.0)
}

pub(super) fn scale(word: &str) -> Option<f64> {
    NUMBERS.scales.get(word).copied()
}

pub(super) fn vague_word(word: &str) -> Option<(f64, f64)> {
    NUMBERS.vague.get(word)
}

pub(super) fn fraction_word(word: &str) -> Option<f64> {
    NUMBERS.fractions.get(word).copied()
}

pub(super) fn is_number_word(word: &str) -> bool {
    word_unit(word).is_some()
        || word_ten(word).is_some()
        || word == "hundred"
        || scale(word).is_some()
        || word == "dozen"
}

/// "two-thirds of", "a third of", "half of", "three quarters of" → a share in percent.
pub(super) fn parse_fraction(lower: &[String], start: usize) -> Option<Parsed> {
    let word = lower[start].as_str();
    let (numerator, mut index) = match word {
        "a" | "an" | "one" => (1.0, start + 1),
        w => match word_unit(w) {
            Some(n) if n >= 2.0 => (n, start + 1),
            _ if fraction_word(w).is_some() && w == "half" => (1.0, start),
            _ => return None,
        },
    };
    if lower.get(index).is_some_and(|w| w == "-") {
        index += 1;
    }
    let unit = fraction_word(lower.get(index)?)?;
    if word == "one" && lower[index] == "half" {
        return None;
    }
    let after = lower.get(index + 1).map(String::as_str);
    if after != Some("of") {
        return None;
    }
    // "two thirds of a million" is a number, not a share.
    if lower.get(index + 2).is_some_and(|w| w == "a" || w == "an")
        && lower.get(index + 3).is_some_and(|w| scale(w).is_some())
    {
        return None;
    }
    let value = (numerator * unit * 1000.0).round() / 10.0;
    Some(Parsed { value, end: index + 1, fraction: true, ..Parsed::default() })
}

/// English number words: "twenty-seven", "eleven thousand", "a dozen",
/// "one hundred and twenty", "a million", "two point five", fractions
/// ("two thirds", "one and a half", "a hundredth").
pub(super) fn parse_words(lower: &[String], start: usize) -> Option<Parsed> {
    if let Some(parsed) = parse_half_multiple(lower, start) {
        return Some(parsed);
    }
    let first = lower[start].as_str();
    let article = first == "a" || first == "an";
    let next = lower.get(start + 1).map_or("", String::as_str);
    let article_takes = next == "dozen"
        || next == "hundred"
        || scale(next).is_some()
        || denominator(next).is_some_and(|_| article_fraction(next));
    if article && !article_takes {
        return None;
    }
    if !article && !is_number_word(first) {
        return None;
    }
    if !article && first == "dozen" {
        return None;
    }
    let (current, index) = if article { (1.0, start + 1) } else { (0.0, start) };
    let (value, end) = accumulate(lower, index, 0.0, current, if article { Last::Article } else { Last::Nothing })?;
    // "one" alone is as often a pronoun ("one of them") as a count; it counts
    // when a noun follows ("one person").
    let lone_one = first == "one" && end == start + 1;
    let noun_follows = lower
        .get(end)
        .is_some_and(|w| w.chars().all(char::is_alphabetic) && !tokens::is_stop_word(w) && !NUMBERS.is_time_unit(w));
    // "for around one minute": a lasting time after "for" or a hedge.
    let lasting = lower.get(end).is_some_and(|w| NUMBERS.is_time_unit(w))
        && start.checked_sub(1).is_some_and(|i| NUMBERS.one_duration_cues.contains(&lower[i]));
    if article && value == 0.0 {
        return None;
    }
    Some(Parsed { value, end, pronoun: lone_one && !noun_follows && !lasting, ..Parsed::default() })
}

/// What the last word read by [`accumulate`] was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Last {
    Nothing,
    Article,
    Unit,
    Ten,
    Hundred,
    Scale(f64),
    Digits,
    Connector,
}

/// Fraction words an article may count ("a half", "a quarter", "a
/// hundredth"); "a third" or "a fifth" is as often a rank ("a third term").
fn article_fraction(word: &str) -> bool {
    matches!(
        word.strip_suffix('s').unwrap_or(word),
        "half" | "quarter" | "hundredth" | "thousandth" | "millionth" | "billionth" | "trillionth"
    )
}

/// A fraction's denominator: "half", "thirds", "quarter", "eighths",
/// "hundredth", "trillionths". Never "second" (a unit of time).
pub(super) fn denominator(word: &str) -> Option<f64> {
    let singular = if word == "halves" { "half" } else { word.strip_suffix('s').unwrap_or(word) };
    match singular {
        "half" => Some(2.0),
        "quarter" => Some(4.0),
        "second" => None,
        "thousandth" => Some(1e3),
        "millionth" => Some(1e6),
        "billionth" => Some(1e9),
        "trillionth" => Some(1e12),
        other => NUMBERS.ordinals.get(other).copied(),
    }
}

/// A plain fraction at `index`: "a half", "one fourth", "two thirds",
/// "three-quarters". Returns its value and the index after it.
fn simple_fraction(lower: &[String], index: usize) -> Option<(f64, usize)> {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let (mut numerator, mut at) = match word(index) {
        "a" | "an" => (1.0, index + 1),
        w => (word_unit(w).or_else(|| word_ten(w))?, index + 1),
    };
    if word_ten(word(index)).is_some() {
        let hyphen = usize::from(word(at) == "-");
        if let Some(unit) = word_unit(word(at + hyphen)).filter(|u| (1.0..10.0).contains(u)) {
            numerator += unit;
            at += hyphen + 1;
        }
    }
    at += usize::from(word(at) == "-");
    let denominator = denominator(word(at))?;
    Some((numerator / denominator, at + 1))
}

/// The digits after "point": "five", "zero three", "seventy-one", "eleven".
fn decimal_words(lower: &[String], mut index: usize) -> Option<(f64, usize)> {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let mut digits = String::new();
    loop {
        if let Some(unit) = word_unit(word(index)) {
            digits.push_str(&format!("{unit}"));
            index += 1;
        } else if let Some(ten) = word_ten(word(index)) {
            let hyphen = usize::from(word(index + 1) == "-");
            match word_unit(word(index + 1 + hyphen)).filter(|u| (1.0..10.0).contains(u)) {
                Some(unit) => {
                    digits.push_str(&format!("{}", ten + unit));
                    index += 2 + hyphen;
                }
                None => {
                    digits.push_str(&format!("{ten}"));
                    index += 1;
                }
            }
        } else {
            break;
        }
    }
    if digits.is_empty() {
        return None;
    }
    Some((format!("0.{digits}").parse().ok()?, index))
}

/// Adds number words from `index` to a running `total` and `current`
/// group: units, tens, "hundred", "dozen", scale words, connectors ("and",
/// "-"), digits inside a spelled number ("3 hundred and 21"), decimals
/// after "point", mixed fractions ("and a half") and a final denominator
/// ("two thirds"). Returns the value and the index after the last word
/// read, or None when nothing was read.
pub(super) fn accumulate(
    lower: &[String],
    mut index: usize,
    mut total: f64,
    mut current: f64,
    mut last: Last,
) -> Option<(f64, usize)> {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let is_digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let mut end: Option<usize> = matches!(last, Last::Digits).then_some(index);
    // The state before the last "and", to step back to when what follows
    // it starts a new number ("3 hundred and 2 hundred").
    let mut before_and: Option<(f64, f64, usize)> = None;
    let mut before_connector = last;
    while index < lower.len() {
        let w = word(index);
        if let Some(unit) = word_unit(w) {
            if matches!(last, Last::Unit | Last::Digits) || (last == Last::Ten && unit >= 10.0) {
                break;
            }
            if last == Last::Connector && matches!(before_connector, Last::Unit | Last::Digits) {
                break;
            }
            current += unit;
            last = Last::Unit;
        } else if let Some(ten) = word_ten(w) {
            if matches!(last, Last::Unit | Last::Ten | Last::Digits) {
                break;
            }
            current += ten;
            last = Last::Ten;
        } else if w == "hundred" {
            if current >= 100.0 && !(last == Last::Digits && before_and.is_none()) {
                if let Some((t, c, at)) = before_and {
                    (total, current, end) = (t, c, Some(at));
                }
                break;
            }
            current = if current == 0.0 { 100.0 } else { current * 100.0 };
            last = Last::Hundred;
        } else if matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs") {
            if current == 0.0 && last != Last::Article {
                break;
            }
            current = if current == 0.0 { 12.0 } else { current * 12.0 };
            last = Last::Hundred;
        } else if let Some(multiplier) = scale(w) {
            match last {
                // "three lakh crore": scales multiply.
                Last::Scale(_) if current == 0.0 => total *= multiplier,
                _ => {
                    total += (if current == 0.0 { 1.0 } else { current }) * multiplier;
                    current = 0.0;
                }
            }
            last = Last::Scale(multiplier);
        } else if is_digits(w)
            && ((last == Last::Connector && before_connector == Last::Hundred && w.len() <= 2)
                || (matches!(last, Last::Scale(_)) && current == 0.0 && w.len() <= 3))
            && w.parse::<f64>().is_ok_and(|v| v > 0.0)
        {
            current += w.parse::<f64>().unwrap_or_default();
            last = Last::Digits;
        } else if w == "and" && !matches!(last, Last::Nothing | Last::Connector | Last::Article) {
            // "one and a half", "five million and a quarter", "and two thirds"
            if let Some((fraction, after)) = simple_fraction(lower, index + 1) {
                if current > 0.0 {
                    current += fraction;
                } else if let Some(multiplier) = lower.get(after).and_then(|w| scale(w)) {
                    total += fraction * multiplier;
                    index = after + 1;
                    end = Some(index);
                    last = Last::Scale(multiplier);
                    continue;
                } else if let Last::Scale(multiplier) = last {
                    total += fraction * multiplier;
                } else {
                    current += fraction;
                }
                index = after;
                end = Some(index);
                last = Last::Unit;
                continue;
            }
            let next = word(index + 1);
            if !(is_number_word(next) || is_digits(next)) {
                break;
            }
            before_and = Some((total, current, end.unwrap_or(index)));
            before_connector = last;
            last = Last::Connector;
            index += 1;
            continue;
        } else if w == "-" && !matches!(last, Last::Nothing | Last::Connector | Last::Article) {
            let next = word(index + 1);
            if !(is_number_word(next) || denominator(next).is_some()) {
                break;
            }
            before_connector = last;
            last = Last::Connector;
            index += 1;
            continue;
        } else if w == "point" && end.is_some() {
            let Some((decimals, after)) = decimal_words(lower, index + 1) else { break };
            current += decimals;
            index = after;
            end = Some(index);
            break;
        } else {
            break;
        }
        index += 1;
        end = Some(index);
    }
    let mut end = match end {
        Some(end) => end,
        None if last == Last::Article => index,
        None => return None,
    };
    let mut value = total + current;
    // "two thirds", "five eighths", "a hundredth", "ninety-five hundred-fifths"
    let hyphen = usize::from(word(end) == "-");
    let denominator_word = word(end + hyphen);
    // A singular denominator takes one: "one fifth", but "two millionth" is a rank.
    let plural = denominator_word.ends_with('s') || denominator_word == "halves";
    if let Some(denominator) = denominator(denominator_word)
        && (plural || value == 1.0)
    {
        value /= denominator;
        end += hyphen + 1;
        // "three quarters billion"
        if let Some(multiplier) = scale(word(end)) {
            value *= multiplier;
            end += 1;
        }
        // "two thirds of a million"
        if word(end) == "of"
            && matches!(word(end + 1), "a" | "an")
            && let Some(multiplier) = scale(word(end + 2))
        {
            value *= multiplier;
            end += 3;
        }
    }
    Some((value, end))
}

/// "half a dozen", "a half-dozen", "half-dozen", "half a million": half of
/// a dozen, hundred or scale word.
pub(super) fn parse_half_multiple(lower: &[String], start: usize) -> Option<Parsed> {
    let word = |offset: usize| lower.get(start + offset).map_or("", String::as_str);
    let mut index = usize::from(matches!(word(0), "a" | "an"));
    // "a quarter million", "quarter million"
    if word(index) == "quarter"
        && let Some(multiplier) = scale(word(index + 1))
    {
        return Some(Parsed { value: multiplier / 4.0, end: start + index + 2, ..Parsed::default() });
    }
    if word(index) != "half" {
        return None;
    }
    index += 1;
    // "half a dozen" (no leading article) or "a half-dozen" / "half-dozen".
    let joiner = (index == 1 && matches!(word(index), "a" | "an")) || word(index) == "-";
    index += usize::from(joiner);
    let multiple = match word(index) {
        "dozen" => 12.0,
        "hundred" => 100.0,
        other => scale(other)?,
    };
    Some(Parsed { value: multiple / 2.0, end: start + index + 1, ..Parsed::default() })
}
