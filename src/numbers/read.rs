//! Reading a figure's value: digits with their separators and suffixes
//! ("4,500", "10.000", "3.5", "50m", "40th"), number words ("twenty-seven",
//! "eleven thousand", "a dozen", "half a million"), vague words
//! ("hundreds", "tens of thousands"), fractions ("two-thirds of"), and the
//! hedge before a figure with the bounds it allows.

use super::classify::TIME_UNITS;
use super::{Parsed, Token};
use crate::model::Qualifier;
use crate::tokens;

pub(super) const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

pub(super) const TENS: &[&str] =
    &["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

pub(super) const ORDINALS: &[(&str, f64)] = &[
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("hundredth", 100.0),
];

pub(super) fn word_unit(word: &str) -> Option<f64> {
    UNITS.iter().position(|u| *u == word).map(|v| v as f64)
}

pub(super) fn word_ten(word: &str) -> Option<f64> {
    TENS.iter().position(|t| !t.is_empty() && *t == word).map(|v| v as f64 * 10.0)
}

pub(super) fn scale(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" | "mln" | "mn" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

pub(super) fn vague_word(word: &str) -> Option<(f64, f64)> {
    match word {
        "dozens" => Some((24.0, 99.0)),
        "scores" => Some((40.0, 99.0)),
        "hundreds" => Some((200.0, 999.0)),
        "thousands" => Some((2_000.0, 9_999.0)),
        "millions" => Some((2e6, 9.99e6)),
        "billions" => Some((2e9, 9.99e9)),
        _ => None,
    }
}

pub(super) fn fraction_word(word: &str) -> Option<f64> {
    match word {
        "half" => Some(0.5),
        "third" | "thirds" => Some(1.0 / 3.0),
        "quarter" | "quarters" => Some(0.25),
        "fifth" | "fifths" => Some(0.2),
        _ => None,
    }
}

pub(super) fn is_number_word(word: &str) -> bool {
    word_unit(word).is_some()
        || word_ten(word).is_some()
        || word == "hundred"
        || scale(word).is_some()
        || word == "dozen"
}

/// True when the text writes decimals with a comma ("3,5 Prozent") and
/// never uses a comma as a thousands separator: then "10.000" is ten thousand.
pub(super) fn uses_decimal_comma(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut decimal_comma = false;
    for (i, b) in bytes.iter().enumerate() {
        if *b != b',' || i == 0 || !bytes[i - 1].is_ascii_digit() {
            continue;
        }
        let digits_after = bytes[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        match digits_after {
            3 => return false,
            1 | 2 => decimal_comma = true,
            _ => {}
        }
    }
    decimal_comma
}

/// Reads a digit token: "4,500", "10.000", "3.5", "50m", "12bn", "40th".
/// Returns (value, suffix scale applied, ordinal, bare four digits).
pub(super) fn parse_digits(token: &str, decimal_comma: bool, plural_noun_follows: bool) -> Option<(f64, bool, bool)> {
    let digits_end = token.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(token.len());
    let (number, suffix) = token.split_at(digits_end);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let number = number.trim_end_matches(['.', ',']);
    let suffix_lower = suffix.to_ascii_lowercase();
    let (multiplier, ordinal) = match suffix_lower.as_str() {
        "" => (1.0, false),
        "k" => (1e3, false),
        "m" | "mn" | "mln" => (1e6, false),
        "bn" | "b" => (1e9, false),
        "st" | "nd" | "rd" | "th" => (1.0, true),
        _ => return None,
    };
    let value = read_separated(number, decimal_comma, plural_noun_follows)?;
    let bare_four = suffix.is_empty() && number.len() == 4 && number.bytes().all(|b| b.is_ascii_digit());
    Some((value * multiplier, ordinal, bare_four))
}

/// Reads a number with separators by what each separator can be:
/// - both kinds present: the last one is the decimal mark ("1.234,56",
///   "1,234.56");
/// - one kind, several times: thousands ("10.000.000", "1,000,000");
/// - one separator not followed by exactly three digits: a decimal mark
///   ("3.5", "10,5 million", "4,25");
/// - one separator followed by three digits is ambiguous ("4,500",
///   "10.000", "2.500"): a comma groups thousands unless the text writes
///   decimal commas; a point is a decimal mark unless the text writes
///   decimal commas or a plural noun follows (people are not counted in
///   fractions).
pub(super) fn read_separated(number: &str, decimal_comma: bool, plural_noun_follows: bool) -> Option<f64> {
    let separators: Vec<(usize, char)> = number.char_indices().filter(|(_, c)| matches!(c, ',' | '.')).collect();
    let Some(&(last_index, last)) = separators.last() else {
        return number.parse::<f64>().ok();
    };
    let as_decimal = |mark: char, thousands: Option<char>| {
        let without_thousands = thousands.map_or_else(|| number.to_owned(), |t| number.replace(t, ""));
        without_thousands.replace(mark, ".").parse::<f64>().ok()
    };
    let as_thousands = || number.replace(last, "").parse::<f64>().ok();
    if separators.iter().any(|(_, c)| *c != last) {
        return as_decimal(last, Some(if last == ',' { '.' } else { ',' }));
    }
    let mut groups = number.split(last);
    let head = groups.next().unwrap_or_default();
    let tail: Vec<&str> = groups.collect();
    let grouped_in_threes = (1..=3).contains(&head.len()) && tail.iter().all(|group| group.len() == 3);
    if separators.len() > 1 {
        return if grouped_in_threes { as_thousands() } else { None };
    }
    let digits_after = number.len() - last_index - 1;
    if digits_after != 3 || !grouped_in_threes {
        return as_decimal(last, None);
    }
    let thousands = match last {
        ',' => !decimal_comma,
        _ => decimal_comma || plural_noun_follows,
    };
    if thousands { as_thousands() } else { as_decimal(last, None) }
}

pub(super) fn parse_number(raw: &[Token<'_>], lower: &[String], start: usize, decimal_comma: bool) -> Option<Parsed> {
    let word = lower[start].as_str();
    let next_word = lower.get(start + 1).map(String::as_str).unwrap_or_default();
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        let plural_follows = next_word.ends_with('s') || next_word == "people";
        // The folded token: digits of other scripts ("٤٥٠٠", "４５００") read as ASCII.
        let (mut value, ordinal, bare_four) = parse_digits(&lower[start], decimal_comma, plural_follows)?;
        let mut end = start + 1;
        // "10 000": a space-separated thousands group.
        while !ordinal
            && value < 1000.0
            && lower.get(end).is_some_and(|t| t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit()))
            && raw[end].span.start == raw[end - 1].span.end + 1
            && lower[start].len() <= 3
        {
            value = value * 1000.0 + lower[end].parse::<f64>().ok()?;
            end += 1;
        }
        if let Some(multiplier) = lower.get(end).and_then(|w| scale(w)) {
            value *= multiplier;
            end += 1;
        }
        return Some(Parsed {
            value,
            vague: None,
            end,
            ordinal,
            fraction: false,
            written_in_digits: true,
            bare_four_digits: bare_four && end == start + 1,
        });
    }
    // "tens of thousands", "hundreds of thousands"
    if (word == "tens" || word == "hundreds")
        && next_word == "of"
        && lower.get(start + 2).is_some_and(|w| w == "thousands" || w == "millions")
    {
        let base = if lower[start + 2] == "thousands" { 1e3 } else { 1e6 };
        let (low, high) = if word == "tens" { (20.0 * base, 99.0 * base) } else { (200.0 * base, 999.0 * base) };
        return Some(Parsed {
            value: low,
            vague: Some((low, high)),
            end: start + 3,
            ordinal: false,
            fraction: false,
            written_in_digits: false,
            bare_four_digits: false,
        });
    }
    if let Some((low, high)) = vague_word(word) {
        return Some(Parsed {
            value: low,
            vague: Some((low, high)),
            end: start + 1,
            ordinal: false,
            fraction: false,
            written_in_digits: false,
            bare_four_digits: false,
        });
    }
    if let Some(parsed) = parse_fraction(lower, start) {
        return Some(parsed);
    }
    if let Some((_, value)) = ORDINALS.iter().find(|(w, _)| *w == word) {
        // "second" is too often a clock unit or "second half" to count alone.
        if word == "second" {
            return None;
        }
        return Some(Parsed {
            value: *value,
            vague: None,
            end: start + 1,
            ordinal: true,
            fraction: false,
            written_in_digits: false,
            bare_four_digits: false,
        });
    }
    parse_words(lower, start)
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
    let value = (numerator * unit * 1000.0).round() / 10.0;
    Some(Parsed {
        value,
        vague: None,
        end: index + 1,
        ordinal: false,
        fraction: true,
        written_in_digits: false,
        bare_four_digits: false,
    })
}

/// English number words: "twenty-seven", "eleven thousand", "a dozen",
/// "one hundred and twenty", "a million".
pub(super) fn parse_words(lower: &[String], start: usize) -> Option<Parsed> {
    if let Some(parsed) = parse_half_multiple(lower, start) {
        return Some(parsed);
    }
    let first = lower[start].as_str();
    let article = first == "a" || first == "an";
    if article && !lower.get(start + 1).is_some_and(|w| w == "dozen" || w == "hundred" || scale(w).is_some()) {
        return None;
    }
    if !article && !is_number_word(first) {
        return None;
    }
    if !article && first == "dozen" {
        return None;
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut index = start;
    let mut consumed_any = false;
    while let Some(word) = lower.get(index) {
        let word = word.as_str();
        if (word == "a" || word == "an") && index == start {
            current = 1.0;
        } else if let Some(unit) = word_unit(word) {
            current += unit;
        } else if let Some(ten) = word_ten(word) {
            current += ten;
        } else if word == "hundred" {
            current = if current == 0.0 { 100.0 } else { current * 100.0 };
        } else if word == "dozen" {
            current = if current == 0.0 { 12.0 } else { current * 12.0 };
        } else if let Some(multiplier) = scale(word) {
            total += (if current == 0.0 { 1.0 } else { current }) * multiplier;
            current = 0.0;
        } else if word == "and"
            && consumed_any
            && current > 0.0
            && lower.get(index + 1).is_some_and(|w| w == "a")
            && lower.get(index + 2).is_some_and(|w| w == "half")
        {
            // "two and a half million", "one and a half thousand"
            current += 0.5;
            index += 3;
            continue;
        } else if (word == "-" || word == "and")
            && consumed_any
            && lower.get(index + 1).is_some_and(|w| is_number_word(w))
        {
            // "twenty-seven", "one hundred and twenty"
        } else {
            break;
        }
        consumed_any = true;
        index += 1;
    }
    let value = total + current;
    // "one" alone is as often a pronoun ("one of them") as a count; it counts
    // when a noun follows ("one person").
    let lone_one = first == "one" && index == start + 1;
    let noun_follows = lower.get(index).is_some_and(|w| {
        w.chars().all(char::is_alphabetic) && !tokens::is_stop_word(w) && !TIME_UNITS.iter().any(|(u, _)| u == w)
    });
    if !consumed_any || (lone_one && !noun_follows) || (article && value == 0.0) {
        return None;
    }
    Some(Parsed {
        value,
        vague: None,
        end: index,
        ordinal: false,
        fraction: false,
        written_in_digits: false,
        bare_four_digits: false,
    })
}

/// "half a dozen", "a half-dozen", "half-dozen", "half a million": half of
/// a dozen, hundred or scale word.
pub(super) fn parse_half_multiple(lower: &[String], start: usize) -> Option<Parsed> {
    let word = |offset: usize| lower.get(start + offset).map_or("", String::as_str);
    let mut index = usize::from(matches!(word(0), "a" | "an"));
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
    Some(Parsed {
        value: multiple / 2.0,
        vague: None,
        end: start + index + 1,
        ordinal: false,
        fraction: false,
        written_in_digits: false,
        bare_four_digits: false,
    })
}

/// Hedges before a number, longest first, with the qualifier they give.
pub(super) const HEDGES: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::Over),
    (&["more", "than"], Qualifier::Over),
    (&["greater", "than"], Qualifier::Over),
    (&["upwards", "of"], Qualifier::Over),
    (&["just", "over"], Qualifier::Over),
    (&["just", "under"], Qualifier::Under),
    (&["less", "than"], Qualifier::Under),
    (&["fewer", "than"], Qualifier::Under),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["close", "to"], Qualifier::Approx),
    (&["an", "estimated"], Qualifier::Approx),
    (&["some"], Qualifier::Approx),
    (&["about"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["nearly"], Qualifier::Approx),
    (&["almost"], Qualifier::Approx),
    (&["estimated"], Qualifier::Approx),
    (&["approx"], Qualifier::Approx),
    (&["circa"], Qualifier::Approx),
    (&["over"], Qualifier::Over),
    (&["above"], Qualifier::Over),
    (&["under"], Qualifier::Under),
    (&["below"], Qualifier::Under),
];

/// Relative width of "about" (±10%).
pub(super) const APPROX_TOLERANCE: f64 = 0.10;

/// The hedge before a figure.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hedge {
    /// What the hedge allows ("more than": over).
    pub(super) qualifier: Qualifier,
    /// Where the figure's surface text starts: the hedge's first word, or
    /// the number itself.
    pub(super) surface_start: usize,
    /// "nearly", "almost", "close to": the figure is an upper bound.
    pub(super) nearly: bool,
}

/// The hedge right before the token at `start` ("about", "more than").
pub(super) fn hedge_before(raw: &[Token<'_>], lower: &[String], start: usize) -> Hedge {
    let previous =
        |back: usize| start.checked_sub(back).and_then(|i| lower.get(i)).map(String::as_str).unwrap_or_default();
    let mut qualifier = Qualifier::Exact;
    let mut surface_start = raw[start].span.start;
    for (words, hedge) in HEDGES {
        if words.len() <= start && words.iter().rev().enumerate().all(|(k, w)| lower[start - 1 - k] == *w) {
            qualifier = *hedge;
            surface_start = raw[start - words.len()].span.start;
            break;
        }
    }
    let nearly = matches!(previous(1), "nearly" | "almost") || (previous(2) == "close" && previous(1) == "to");
    Hedge { qualifier, surface_start, nearly }
}

pub(super) fn bounds(value: f64, qualifier: Qualifier, nearly: bool, vague: Option<(f64, f64)>) -> (f64, f64) {
    if let Some((low, high)) = vague {
        return match qualifier {
            Qualifier::Over | Qualifier::AtLeast => (low, f64::INFINITY),
            Qualifier::Under | Qualifier::AtMost => (0.0, high),
            _ => (low, high),
        };
    }
    match qualifier {
        Qualifier::Exact | Qualifier::Range => (value, value),
        Qualifier::Approx if nearly => (value * (1.0 - APPROX_TOLERANCE), value),
        Qualifier::Approx => (value * (1.0 - APPROX_TOLERANCE), value * (1.0 + APPROX_TOLERANCE)),
        // "more than 30" allows 31 but not 30 itself.
        Qualifier::Over => (next_above(value), f64::INFINITY),
        Qualifier::AtLeast => (value, f64::INFINITY),
        Qualifier::Under => (0.0, next_below(value)),
        Qualifier::AtMost => (0.0, value),
    }
}

pub(super) fn next_above(value: f64) -> f64 {
    if value.fract() == 0.0 { value + 1.0 } else { value * (1.0 + 1e-9) }
}

pub(super) fn next_below(value: f64) -> f64 {
    if value.fract() == 0.0 && value >= 1.0 { value - 1.0 } else { value * (1.0 - 1e-9) }
}
