//! Reading a figure's value: digits with their separators and suffixes
//! ("4,500", "10.000", "3.5", "50m", "40th", "1.3e6", "USD115"), signs and
//! leading points, slash fractions and ratios, vague words ("hundreds",
//! "tens of thousands"), and the hedge before a figure with the bounds it
//! allows. Number words are read by `words`.

use super::lexicon::NUMBERS;
use super::words::{Last, accumulate, parse_fraction, parse_words, scale, vague_word};
use super::{Parsed, Token};
use crate::model::Qualifier;

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

/// Reads a digit token: "4,500", "10.000", "3.5", "50m", "12bn", "40th",
/// "1.3e6". `written` is the token as written (its case tells "1MM", a
/// million, from "1mm", a millimetre), `token` the folded one.
/// Returns (value, ordinal, bare four digits).
pub(super) fn parse_digits(
    written: &str,
    token: &str,
    decimal_comma: bool,
    plural_noun_follows: bool,
) -> Option<(f64, bool, bool)> {
    // "1 234 567.89" with narrow no-break spaces is one word: thousands groups.
    let regrouped;
    let token = if token.contains('\u{202f}') {
        let mut groups = token.split('\u{202f}');
        let head = groups.next().unwrap_or_default();
        let grouped = (1..=3).contains(&head.len())
            && groups
                .all(|g| g.len() >= 3 && g.as_bytes()[..3].iter().all(u8::is_ascii_digit) && !g[3..].contains(','));
        if !grouped {
            return None;
        }
        regrouped = token.replace('\u{202f}', "");
        regrouped.as_str()
    } else {
        token
    };
    let digits_end = token.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(token.len());
    let (number, suffix) = token.split_at(digits_end);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let number = number.trim_end_matches(['.', ',']);
    let suffix_lower = suffix.to_ascii_lowercase();
    let exponent = suffix_lower
        .strip_prefix('e')
        .filter(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|e| e.parse::<i32>().ok());
    let (multiplier, ordinal) = match suffix_lower.as_str() {
        "" => (1.0, false),
        "k" => (1e3, false),
        "m" | "mn" | "mln" | "mil" => (1e6, false),
        "mm" if written.ends_with("MM") => (1e6, false),
        "bn" | "b" | "bln" => (1e9, false),
        "tn" | "tln" | "trn" => (1e12, false),
        "st" | "nd" | "rd" | "th" => (1.0, true),
        _ => match exponent {
            Some(exponent) if exponent <= 30 => (10f64.powi(exponent), false),
            _ => return None,
        },
    };
    let value = read_separated(number, decimal_comma, plural_noun_follows)?;
    let bare_four = suffix.is_empty() && number.len() == 4 && number.bytes().all(|b| b.is_ascii_digit());
    Some((value * multiplier, ordinal, bare_four))
}

/// "½", "¾", "⅔": a vulgar fraction character.
fn vulgar_fraction(token: &str) -> Option<f64> {
    Some(match token {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅙" => 1.0 / 6.0,
        "⅛" => 0.125,
        _ => return None,
    })
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

/// Reads the number starting at token `start`, with a sign before it
/// ("-9.5", "minus five", "negative one") or a leading point (".08"), and
/// fractions written with a slash or as a ratio ("3/4", "2 1/4", "one in
/// five", "two out of five hundred").
pub(super) fn parse_number(raw: &[Token<'_>], lower: &[String], start: usize, decimal_comma: bool) -> Option<Parsed> {
    let mut parsed = parse_unsigned(raw, lower, start, decimal_comma)?;
    let joined = |a: usize, b: usize| raw[a].span.end == raw[b].span.start;
    let digits = parsed.written_in_digits && lower[start].bytes().all(|b| b.is_ascii_digit());
    // ".08": a point straight before the digits, with no digit before it.
    if digits
        && start >= 1
        && raw[start - 1].text == "."
        && joined(start - 1, start)
        && (start < 2 || !joined(start - 2, start - 1))
        && parsed.end == start + 1
        && let Ok(value) = format!("0.{}", lower[start]).parse::<f64>()
    {
        parsed.value = value;
        parsed.lead = 1;
        parsed.bare_four_digits = false;
    }
    // "3/4", "2 1/4": a proper fraction (a date or "9/11" is not one).
    if digits && parsed.end == start + 1 && !parsed.ordinal {
        if let Some((fraction, end)) = slash_fraction(raw, lower, start) {
            parsed.value = fraction;
            parsed.end = end;
            parsed.bare_four_digits = false;
        } else if let Some((fraction, end)) = slash_fraction(raw, lower, start + 1)
            && raw[start + 1].span.start > raw[start].span.end
        {
            parsed.value += fraction;
            parsed.end = end;
            parsed.bare_four_digits = false;
        }
    }
    if parsed.vague.is_none() && !parsed.ordinal && !parsed.fraction {
        ratio(raw, lower, &mut parsed, decimal_comma);
    }
    // The sign: "-" straight before the number (not after a word or a
    // number: "COVID-19", "5-10"), "minus", "negative".
    let first = start - parsed.lead;
    if first >= 1 {
        let sign = raw[first - 1].text;
        let dash = matches!(sign, "-" | "−")
            && joined(first - 1, first)
            && (first < 2 || !joined(first - 2, first - 1) || !raw[first - 2].text.chars().any(char::is_alphanumeric))
            && parsed.written_in_digits;
        if dash || matches!(lower[first - 1].as_str(), "minus" | "negative") {
            parsed.value = -parsed.value;
            parsed.lead += 1;
            parsed.bare_four_digits = false;
        }
    }
    Some(parsed)
}

/// A proper fraction written with a slash at `start` ("3/4", "1/2"): its
/// value and the index after it. Dates ("5/17/2018") and names ("9/11",
/// "24/7") are not fractions.
fn slash_fraction(raw: &[Token<'_>], lower: &[String], start: usize) -> Option<(f64, usize)> {
    let joined = |a: usize, b: usize| raw.get(b).is_some_and(|t| raw[a].span.end == t.span.start);
    let is_digits = |i: usize| lower.get(i).is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    if !(is_digits(start) && lower.get(start + 1).is_some_and(|w| w == "/") && is_digits(start + 2)) {
        return None;
    }
    if !(joined(start, start + 1) && joined(start + 1, start + 2)) {
        return None;
    }
    // Not part of a longer slashed run.
    if lower.get(start + 3).is_some_and(|w| w == "/") && joined(start + 2, start + 3) {
        return None;
    }
    if start >= 1 && lower[start - 1] == "/" && joined(start - 1, start) {
        return None;
    }
    let numerator: f64 = lower[start].parse().ok()?;
    let denominator: f64 = lower[start + 2].parse().ok()?;
    // Fractions have the usual denominators; "9/11" and "24/7" are names.
    let usual = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 32.0, 64.0, 100.0].contains(&denominator);
    (numerator < denominator && usual).then(|| (numerator / denominator, start + 3))
}

/// "one in five", "1 over 3", "two out of five hundred": a ratio below one,
/// read as its value. Only "out of" takes any numerator; "in" and "over"
/// take one ("2 in 10 minutes" and "won 3 in 2019" are not ratios).
fn ratio(raw: &[Token<'_>], lower: &[String], parsed: &mut Parsed, decimal_comma: bool) {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let (connector_len, any_numerator) = match (word(parsed.end), word(parsed.end + 1)) {
        ("out", "of") => (2, true),
        ("in" | "over", _) => (1, false),
        _ => return,
    };
    if !(any_numerator || parsed.value == 1.0 || (parsed.value == 2.0 && word(parsed.end) == "in")) {
        return;
    }
    let at = parsed.end + connector_len;
    if at >= lower.len() {
        return;
    }
    let Some(second) = parse_unsigned(raw, lower, at, decimal_comma) else { return };
    let unit_follows = NUMBERS.is_time_unit(word(second.end));
    if second.ordinal
        || second.vague.is_some()
        || second.bare_four_digits
        || unit_follows
        || second.value <= parsed.value
    {
        return;
    }
    parsed.value /= second.value;
    parsed.end = second.end;
    parsed.bare_four_digits = false;
    parsed.pronoun = false;
}

fn parse_unsigned(raw: &[Token<'_>], lower: &[String], start: usize, decimal_comma: bool) -> Option<Parsed> {
    let word = lower[start].as_str();
    let next_word = lower.get(start + 1).map(String::as_str).unwrap_or_default();
    if let Some(value) = vulgar_fraction(word) {
        return Some(Parsed { value, end: start + 1, written_in_digits: true, ..Parsed::default() });
    }
    // "more than half": a half after a hedge, on its own.
    let previous = start.checked_sub(1).map_or("", |i| lower[i].as_str());
    if word == "half"
        && matches!(previous, "than" | "about" | "nearly" | "almost" | "over" | "under" | "around" | "roughly")
        && !matches!(next_word, "of" | "a" | "an" | "-" | "the" | "an hour")
    {
        return Some(Parsed { value: 0.5, end: start + 1, ..Parsed::default() });
    }
    // "USD115", "115USD": a currency code written into the digits.
    if let Some((code, number)) = currency_in_token(word)
        && let Some(value) = read_separated(number, decimal_comma, false)
    {
        return Some(Parsed {
            value,
            end: start + 1,
            written_in_digits: true,
            currency: Some(code),
            ..Parsed::default()
        });
    }
    // "12.32e+14", "-12e-1": an exponent after a sign.
    if let Some(mantissa) = word.strip_suffix('e')
        && mantissa.starts_with(|c: char| c.is_ascii_digit())
        && let Some(sign) = lower.get(start + 1).filter(|s| matches!(s.as_str(), "+" | "-"))
        && let Some(exponent) = lower.get(start + 2).and_then(|e| e.parse::<i32>().ok())
        && raw[start].span.end == raw[start + 1].span.start
        && raw[start + 1].span.end == raw[start + 2].span.start
        && exponent <= 30
        && let Some(value) = read_separated(mantissa, decimal_comma, false)
    {
        let exponent = if sign == "-" { -exponent } else { exponent };
        return Some(Parsed {
            value: value * 10f64.powi(exponent),
            end: start + 3,
            written_in_digits: true,
            ..Parsed::default()
        });
    }
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        let plural_follows = next_word.ends_with('s') || next_word == "people";
        let money = start >= 1 && NUMBERS.currency_symbols.contains(raw[start - 1].text);
        // "1.8m tall", "75ml", "200lbs": a unit written into the digits.
        if let Some((number, symbol)) = unit_in_token(word)
            && let Some(value) = read_separated(number, decimal_comma, false)
        {
            // "$5m", "5m people" are millions; "1.8m tall" is metres.
            let upper = raw[start].text.ends_with('M');
            let noun_follows = next_word.len() > 3 && next_word.ends_with('s') || next_word == "people";
            let million = (symbol == "m" && (money || upper || noun_follows || scale(next_word).is_some()))
                || (symbol == "mm" && upper);
            if !million {
                return Some(Parsed {
                    value,
                    end: start + 1,
                    written_in_digits: true,
                    suffix_unit: Some(symbol),
                    ..Parsed::default()
                });
            }
        }
        // "$1B", "1.2b", "10k" are scaled; "1B Mark Teixeira" (a first
        // baseman: a capital letter before a name) scales nothing.
        let name_follows = raw.get(start + 1).is_some_and(|t| t.text.starts_with(char::is_uppercase));
        if raw[start].text.ends_with('B') && name_follows && !money {
            return None;
        }
        // The folded token: digits of other scripts ("٤٥٠٠", "４５００") read as ASCII.
        let (mut value, ordinal, bare_four) =
            parse_digits(raw[start].text, &lower[start], decimal_comma, plural_follows)?;
        let mut end = start + 1;
        // "10 000", "1 234 567.89": space-separated thousands groups (any
        // space: a no-break or narrow no-break space as well).
        let grouped = |t: &str| {
            let (whole, decimals) = t.split_once('.').unwrap_or((t, "0"));
            whole.len() == 3
                && whole.bytes().all(|b| b.is_ascii_digit())
                && !decimals.is_empty()
                && decimals.bytes().all(|b| b.is_ascii_digit())
        };
        while !ordinal
            && lower[start].len() <= 3
            && lower[start].bytes().all(|b| b.is_ascii_digit())
            && lower.get(end).is_some_and(|t| grouped(t))
            && (1..=3).contains(&(raw[end].span.start - raw[end - 1].span.end))
            && !lower[end - 1].contains('.')
        {
            let (whole, decimals) = lower[end].split_once('.').unwrap_or((&lower[end], ""));
            value = value * 1000.0 + whole.parse::<f64>().ok()?;
            if !decimals.is_empty() {
                value += format!("0.{decimals}").parse::<f64>().ok()?;
            }
            end += 1;
        }
        // "2.33 k", "10 k"
        if lower.get(end).is_some_and(|w| w == "k") && !ordinal {
            value *= 1e3;
            end += 1;
        }
        // "4.5 million", "322 hundred", "3 dozens", "13 lakh", "3 million and a half"
        let continues = lower.get(end).is_some_and(|w| {
            scale(w).is_some()
                || w == "hundred"
                || matches!(w.as_str(), "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
        });
        if continues && !ordinal {
            let (total, after) = accumulate(lower, end, 0.0, value, Last::Digits)?;
            value = total;
            end = after;
        }
        return Some(Parsed {
            value,
            end,
            ordinal,
            written_in_digits: true,
            bare_four_digits: bare_four && end == start + 1,
            ..Parsed::default()
        });
    }
    // "tens of thousands", "hundreds of thousands"
    if (word == "tens" || word == "hundreds")
        && next_word == "of"
        && lower.get(start + 2).is_some_and(|w| w == "thousands" || w == "millions")
    {
        let base = if lower[start + 2] == "thousands" { 1e3 } else { 1e6 };
        let (low, high) = if word == "tens" { (20.0 * base, 99.0 * base) } else { (200.0 * base, 999.0 * base) };
        return Some(Parsed { value: low, vague: Some((low, high)), end: start + 3, ..Parsed::default() });
    }
    if let Some((low, high)) = vague_word(word) {
        return Some(Parsed { value: low, vague: Some((low, high)), end: start + 1, ..Parsed::default() });
    }
    if let Some(parsed) = parse_fraction(lower, start) {
        return Some(parsed);
    }
    if let Some(value) = NUMBERS.ordinals.get(word) {
        // "second" is too often a clock unit or "second half" to count alone.
        if word == "second" {
            return None;
        }
        return Some(Parsed { value: *value, end: start + 1, ordinal: true, ..Parsed::default() });
    }
    parse_words(lower, start)
}

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

/// The first hedge of the lexicon whose words end right before the token
/// at `end` ("more than" before "30", "about" before "€"): its length in
/// tokens and what it allows.
pub(super) fn hedge_ending_at(lower: &[String], end: usize) -> Option<(usize, Qualifier)> {
    NUMBERS.hedges().iter().find_map(|(words, hedge)| {
        let ends_here = words.len() <= end && words.iter().rev().enumerate().all(|(k, w)| lower[end - 1 - k] == *w);
        ends_here.then_some((words.len(), *hedge))
    })
}

/// The hedge right before the token at `start` ("about", "more than").
pub(super) fn hedge_before(raw: &[Token<'_>], lower: &[String], start: usize) -> Hedge {
    let previous =
        |back: usize| start.checked_sub(back).and_then(|i| lower.get(i)).map(String::as_str).unwrap_or_default();
    let mut qualifier = Qualifier::Exact;
    let mut surface_start = raw[start].span.start;
    // "$184 million over eight years", "5 percent under two years": a
    // one-word hedge right after another figure joins the two; it hedges
    // neither.
    let ends_figure = |i: usize| {
        lower
            .get(i)
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()) || NUMBERS.scales.contains(w) || w == "percent")
    };
    let joins_figures =
        |length: usize| length == 1 && start >= 2 && matches!(previous(1), "over" | "under") && ends_figure(start - 2);
    if let Some((length, hedge)) = hedge_ending_at(lower, start).filter(|(length, _)| !joins_figures(*length)) {
        qualifier = hedge;
        surface_start = raw[start - length].span.start;
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
    // Counts and amounts stop at zero; a negative figure ("below -30") has
    // no floor.
    let floor = if value < 0.0 { f64::NEG_INFINITY } else { 0.0 };
    let (low, high) = match qualifier {
        Qualifier::Exact | Qualifier::Range => (value, value),
        Qualifier::Approx if nearly => (value * (1.0 - APPROX_TOLERANCE), value),
        Qualifier::Approx => (value * (1.0 - APPROX_TOLERANCE), value * (1.0 + APPROX_TOLERANCE)),
        // "more than 30" allows 31 but not 30 itself.
        Qualifier::Over => (next_above(value), f64::INFINITY),
        Qualifier::AtLeast => (value, f64::INFINITY),
        Qualifier::Under => (floor, next_below(value)),
        Qualifier::AtMost => (floor, value),
    };
    (low.min(high), high.max(low))
}

pub(super) fn next_above(value: f64) -> f64 {
    if value.fract() == 0.0 { value + 1.0 } else { value + value.abs() * 1e-9 }
}

pub(super) fn next_below(value: f64) -> f64 {
    if value.fract() == 0.0 && value.abs() >= 1.0 { value - 1.0 } else { value - value.abs() * 1e-9 }
}

/// A value without the noise of binary floating point: rounded to 15
/// significant digits, so 2.2 × 10⁸ is 220000000, not 220000000.00000003.
pub(super) fn clean(value: f64) -> f64 {
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    format!("{value:.14e}").parse().unwrap_or(value)
}

/// "usd115", "115.5usd": the code and the number.
fn currency_in_token(token: &str) -> Option<(&'static str, &str)> {
    // The number starts with a digit: a word without one (most words) is
    // not compared with every code.
    if !token.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    NUMBERS.currency_codes.words.iter().find_map(|(code, iso)| {
        let number = token.strip_prefix(code).or_else(|| token.strip_suffix(code))?;
        let digits = number.starts_with(|c: char| c.is_ascii_digit())
            && number.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        digits.then_some((iso.as_str(), number))
    })
}

/// "1.8m" → ("1.8", "m"): the number and the unit's symbol.
fn unit_in_token(token: &str) -> Option<(&str, &'static str)> {
    let digits_end = token.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))?;
    let (number, suffix) = token.split_at(digits_end);
    let symbol = NUMBERS.unit_suffixes.get(suffix).map(String::as_str)?;
    Some((number.trim_end_matches(['.', ',']), symbol))
}
