//! Figures in running text: "4,500", "10 000", "4.5 million", "€50m",
//! "40 percent", "twenty-seven", "eleven thousand", "a dozen", "hundreds",
//! "two-thirds", "40th", each with its hedge ("about", "more than", "up
//! to"), the range of values the wording allows, and what is counted.
//!
//! Years, days of the month, clock times, ages and durations are recognised
//! so they are never taken for counts of the same thing.

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

impl NumberMention {
    /// Keys naming the quantity regardless of the figure: class, counted
    /// noun and event ("count|~peopl|~die"), plus the event alone
    /// ("count|*|~die") so "another 27 were injured" meets "27 people were
    /// injured", or the noun alone when no event is known. Empty when
    /// neither is known.
    #[must_use]
    pub fn quantity_keys(&self) -> Vec<String> {
        let class = match &self.class {
            QuantityClass::Count => "count".to_owned(),
            QuantityClass::Money(code) => format!("money:{code}"),
            QuantityClass::Percent => "percent".to_owned(),
            QuantityClass::Measure(unit) => format!("measure:{unit}"),
            QuantityClass::Duration(unit) => format!("duration:{unit}"),
            QuantityClass::Age => "age".to_owned(),
            QuantityClass::Ordinal => "ordinal".to_owned(),
        };
        // Only events that tell quantities apart name them; "the flood zone"
        // near a figure of rescuers says nothing about what is counted.
        let event = self.event.filter(|e| EXCLUSIVE_EVENTS.contains(e));
        let mut keys = Vec::new();
        if let (Some(noun), Some(event)) = (&self.noun, event) {
            keys.push(format!("{class}|{noun}|{event}"));
        }
        // The noun alone says little when the event is known ("people").
        if let (Some(noun), None) = (&self.noun, event) {
            keys.push(format!("{class}|{noun}|*"));
        }
        if let Some(event) = event {
            keys.push(format!("{class}|*|{event}"));
        }
        keys
    }
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    span: Span,
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
    let decimal_comma = uses_decimal_comma(text);
    let mut mentions = Vec::new();
    let mut index = 0;
    while index < raw.len() {
        let Some(parsed) = parse_number(&raw, &lower, index, decimal_comma) else {
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
            mention.event = governing_event(terms, mention.span, mention.noun.as_deref());
            // "Another 27 were injured": a bare count of casualties counts people.
            if mention.noun.is_none()
                && mention.class == QuantityClass::Count
                && mention.event.is_some_and(|e| PEOPLE_EVENTS.contains(&e))
            {
                mention.noun = Some("~peopl".into());
            }
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
    let second = parse_number(raw, lower, parsed.end + 1, decimal_comma)?;
    let mention = build_mention(text, raw, lower, parsed.end + 1, &second)?;
    Some((mention, second.end.max(parsed.end + 2)))
}

/// A parsed number before context is read.
#[derive(Debug, Clone)]
struct Parsed {
    value: f64,
    /// Bounds for vague words ("hundreds"), else None.
    vague: Option<(f64, f64)>,
    /// One past the last token of the number (scale words and suffixes included).
    end: usize,
    ordinal: bool,
    /// A fraction word ("two-thirds"): a share, value already in percent.
    fraction: bool,
    /// Money suffix or symbol seen inside the number tokens ("50m" has none; "€" is outside).
    written_in_digits: bool,
    /// A bare four-digit number without separators (a year candidate).
    bare_four_digits: bool,
}

const UNITS: &[&str] = &[
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
const TENS: &[&str] = &["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINALS: &[(&str, f64)] = &[
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

fn word_unit(word: &str) -> Option<f64> {
    UNITS.iter().position(|u| *u == word).map(|v| v as f64)
}

fn word_ten(word: &str) -> Option<f64> {
    TENS.iter().position(|t| !t.is_empty() && *t == word).map(|v| v as f64 * 10.0)
}

fn scale(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" | "mln" | "mn" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

fn vague_word(word: &str) -> Option<(f64, f64)> {
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

fn fraction_word(word: &str) -> Option<f64> {
    match word {
        "half" => Some(0.5),
        "third" | "thirds" => Some(1.0 / 3.0),
        "quarter" | "quarters" => Some(0.25),
        "fifth" | "fifths" => Some(0.2),
        _ => None,
    }
}

fn is_number_word(word: &str) -> bool {
    word_unit(word).is_some()
        || word_ten(word).is_some()
        || word == "hundred"
        || scale(word).is_some()
        || word == "dozen"
}

/// True when the text writes decimals with a comma ("3,5 Prozent") and
/// never uses a comma as a thousands separator: then "10.000" is ten thousand.
fn uses_decimal_comma(text: &str) -> bool {
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
fn parse_digits(token: &str, decimal_comma: bool, plural_noun_follows: bool) -> Option<(f64, bool, bool)> {
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
fn read_separated(number: &str, decimal_comma: bool, plural_noun_follows: bool) -> Option<f64> {
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

fn parse_number(raw: &[Token<'_>], lower: &[String], start: usize, decimal_comma: bool) -> Option<Parsed> {
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
fn parse_fraction(lower: &[String], start: usize) -> Option<Parsed> {
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
fn parse_words(lower: &[String], start: usize) -> Option<Parsed> {
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
fn parse_half_multiple(lower: &[String], start: usize) -> Option<Parsed> {
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

/// A lower-case word that names a month ("sept", "march").
fn is_month_word(word: &str) -> bool {
    crate::lexicon::CALENDAR.is_month(word)
}

const TIME_UNITS: &[(&str, f64)] = &[
    ("second", 1.0 / 86400.0),
    ("seconds", 1.0 / 86400.0),
    ("minute", 1.0 / 1440.0),
    ("minutes", 1.0 / 1440.0),
    ("min", 1.0 / 1440.0),
    ("mins", 1.0 / 1440.0),
    ("hour", 1.0 / 24.0),
    ("hours", 1.0 / 24.0),
    ("day", 1.0),
    ("days", 1.0),
    ("week", 7.0),
    ("weeks", 7.0),
    ("month", 30.0),
    ("months", 30.0),
    ("year", 365.0),
    ("years", 365.0),
    ("decade", 3650.0),
    ("decades", 3650.0),
    ("century", 36500.0),
    ("centuries", 36500.0),
];
const MEASURES: &[(&str, &str)] = &[
    ("metre", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("meters", "m"),
    ("m", "m"),
    ("km", "km"),
    ("kilometre", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometers", "km"),
    ("mile", "mi"),
    ("miles", "mi"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("inch", "in"),
    ("inches", "in"),
    ("cm", "cm"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("mm", "mm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("litre", "l"),
    ("litres", "l"),
    ("liter", "l"),
    ("liters", "l"),
    ("gallons", "gal"),
    ("tonne", "t"),
    ("tonnes", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilogrammes", "kg"),
    ("pounds_weight", "lb"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("degrees", "deg"),
    ("degree", "deg"),
    ("kph", "km/h"),
    ("mph", "mph"),
    ("mw", "MW"),
    ("megawatts", "MW"),
    ("gw", "GW"),
    ("gigawatts", "GW"),
    ("barrels", "bbl"),
    ("square", "sq"),
    ("cubic", "cu"),
];
const CURRENCY_SYMBOLS: &[(&str, &str)] =
    &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₽", "RUB"), ("₹", "INR")];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("eur", "EUR"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("usd", "USD"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("gbp", "GBP"),
    ("yen", "JPY"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("francs", "CHF"),
    ("rupees", "INR"),
    ("yuan", "CNY"),
    ("kronor", "SEK"),
    ("krona", "SEK"),
];
/// Nouns that stand for people when counted.
const PEOPLE: &[&str] = &["others", "more", "victims"];

/// Hedges before a number, longest first, with the qualifier they give.
const HEDGES: &[(&[&str], Qualifier)] = &[
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
const APPROX_TOLERANCE: f64 = 0.10;

fn build_mention(
    text: &str,
    raw: &[Token<'_>],
    lower: &[String],
    start: usize,
    parsed: &Parsed,
) -> Option<NumberMention> {
    let previous =
        |back: usize| start.checked_sub(back).and_then(|i| lower.get(i)).map(String::as_str).unwrap_or_default();
    let mut end = parsed.end;
    let after = |i: usize| lower.get(i).map(String::as_str).unwrap_or_default();

    // Not a quantity: clock times, dates, identifiers, list numbers.
    if parsed.written_in_digits {
        let next_raw = raw.get(start + 1).map(|t| t.text).unwrap_or_default();
        if next_raw == ":" || matches!(after(parsed.end), "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" | "hrs" | "h") {
            return None;
        }
        if previous(1) == ":" && start >= 2 && lower[start - 2].bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if is_month_word(previous(1)) || is_month_word(previous(2)) && previous(1) == "." {
            return None;
        }
        if is_month_word(after(parsed.end)) || (after(parsed.end) == "of" && is_month_word(after(parsed.end + 1))) {
            return None;
        }
        if parsed.bare_four_digits && (1800.0..=2100.0).contains(&parsed.value) && !is_count_noun(after(parsed.end)) {
            return None;
        }
        if is_identifier(raw, start) {
            return None;
        }
    }

    // The hedge before the number.
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

    // Currency symbol just before ("€50m", "$ 5 million").
    let mut class = QuantityClass::Count;
    if let Some((_, code)) = start.checked_sub(1).and_then(|i| CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == raw[i].text))
    {
        class = QuantityClass::Money((*code).to_owned());
        if qualifier == Qualifier::Exact {
            surface_start = raw[start - 1].span.start;
        } else {
            surface_start = surface_start.min(raw[start - 1].span.start);
        }
        // The hedge sits before the symbol: "about €5m".
        for (words, hedge) in HEDGES {
            if words.len() < start && words.iter().rev().enumerate().all(|(k, w)| lower[start - 2 - k] == *w) {
                qualifier = *hedge;
                surface_start = raw[start - 1 - words.len()].span.start;
                break;
            }
        }
    }
    let mut value = parsed.value;
    let ordinal = parsed.ordinal;
    if parsed.fraction {
        class = QuantityClass::Percent;
    }

    // "4-plus", "4+", "10,000 plus": at least.
    if after(end) == "+" || after(end) == "plus" || (after(end) == "-" && after(end + 1) == "plus") {
        qualifier = Qualifier::AtLeast;
        end += if after(end) == "-" { 2 } else { 1 };
    }
    // What follows: percent signs, currency words, units, time words, the counted noun.
    let mut noun: Option<String> = None;
    match after(end) {
        "%" | "percent" | "pct" => {
            class = QuantityClass::Percent;
            end += 1;
        }
        "per" if after(end + 1) == "cent" => {
            class = QuantityClass::Percent;
            end += 2;
        }
        _ => {}
    }
    if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == after(end)) {
        class = QuantityClass::Money((*code).to_owned());
        end += 1;
    }
    // "27-year-old", "a three-month inquiry": a hyphen joins number and unit.
    let hyphenated = after(end) == "-";
    let unit_at = if hyphenated { end + 1 } else { end };
    if matches!(class, QuantityClass::Count) && !ordinal {
        let unit = after(unit_at);
        if let Some((_, days)) = TIME_UNITS.iter().find(|(w, _)| *w == unit) {
            if after(unit_at + 1) == "-" && after(unit_at + 2) == "old" || after(unit_at + 1) == "old" {
                class = QuantityClass::Age;
                end = unit_at + if after(unit_at + 1) == "-" { 3 } else { 2 };
            } else {
                class = QuantityClass::Duration(unit.trim_end_matches('s').to_owned());
                value *= days;
                end = unit_at + 1;
            }
        } else if let Some((_, symbol)) = MEASURES.iter().find(|(w, _)| *w == unit) {
            let mut symbol = (*symbol).to_owned();
            end = unit_at + 1;
            if (symbol == "cu" || symbol == "sq")
                && let Some((_, base)) = MEASURES.iter().find(|(w, _)| *w == after(end))
            {
                symbol = format!("{}{}", base, if symbol == "cu" { "3" } else { "2" });
                end += 1;
            }
            class = QuantityClass::Measure(symbol);
        }
    }
    // "magnitude 6.1", "6.1-magnitude": a scale reading, not a count.
    if matches!(class, QuantityClass::Count)
        && (matches!(previous(1), "magnitude")
            || (previous(1) == "-" && previous(2) == "magnitude")
            || after(unit_at) == "magnitude")
    {
        class = QuantityClass::Measure("magnitude".into());
        if after(unit_at) == "magnitude" {
            end = unit_at + 1;
        }
    }
    if matches!(previous(1), "aged" | "age") || is_age_apposition(raw, lower, start, parsed) {
        class = QuantityClass::Age;
    }
    if ordinal {
        class = QuantityClass::Ordinal;
    }
    let mut noun_text: Option<String> = None;
    if matches!(class, QuantityClass::Count | QuantityClass::Money(_) | QuantityClass::Ordinal | QuantityClass::Percent)
    {
        // "thousands of residents", "40 percent of the town"
        let mut from = end;
        let takes_of = parsed.vague.is_some() || class == QuantityClass::Percent;
        if takes_of && after(from) == "of" {
            from += 1;
            if matches!(after(from), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "all") {
                from += 1;
            }
        }
        if (class != QuantityClass::Percent || from > end)
            && let Some((term, surface)) = counted_noun(text, raw, lower, from)
        {
            noun = Some(term);
            noun_text = Some(surface);
        }
        if noun.is_none() && matches!(class, QuantityClass::Count) && PEOPLE.contains(&after(end)) {
            noun = Some("~peopl".into());
            noun_text = Some(raw[end].text.to_owned());
        }
    }
    if ordinal && noun.is_none() {
        return None;
    }

    let (low, high) = bounds(value, qualifier, nearly, parsed.vague);
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

/// The event a figure belongs to: an event word right after it ("27 were
/// injured", "three dead", "1,200 homes were flooded") wins; otherwise the
/// nearest one before it ("killed three people", "death toll rose to 5");
/// otherwise the nearest one further after.
fn governing_event(terms: &[(String, Span)], span: Span, noun: Option<&str>) -> Option<&'static str> {
    let events: Vec<(&'static str, usize, Span)> = terms
        .iter()
        .enumerate()
        .filter(|(_, (term, _))| Some(term.as_str()) != noun)
        .filter_map(|(i, (term, s))| EVENT_CONCEPTS.iter().find(|e| **e == term.as_str()).map(|e| (*e, i, *s)))
        .collect();
    let first_after = terms.iter().position(|(_, s)| s.start >= span.end).unwrap_or(terms.len());
    // Within the next few terms: the noun phrase and the verb group.
    if let Some((event, _, _)) = events.iter().find(|(_, i, _)| *i >= first_after && *i < first_after + 3) {
        return Some(event);
    }
    if let Some((event, _, _)) = events.iter().rev().find(|(_, _, s)| s.end <= span.start) {
        return Some(event);
    }
    events.iter().find(|(_, _, s)| s.start >= span.end).map(|(event, _, _)| *event)
}

fn bounds(value: f64, qualifier: Qualifier, nearly: bool, vague: Option<(f64, f64)>) -> (f64, f64) {
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

fn next_above(value: f64) -> f64 {
    if value.fract() == 0.0 { value + 1.0 } else { value * (1.0 + 1e-9) }
}

fn next_below(value: f64) -> f64 {
    if value.fract() == 0.0 && value >= 1.0 { value - 1.0 } else { value * (1.0 - 1e-9) }
}

fn is_count_noun(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !tokens::is_stop_word(word) || word == "people"
}

/// "Flight 447", "Route 66", "No. 5": a number straight after a capitalised
/// word that is not the start of the sentence, with no noun after it.
fn is_identifier(raw: &[Token<'_>], start: usize) -> bool {
    let Some(previous) = start.checked_sub(1).map(|i| raw[i].text) else { return false };
    let capitalised =
        previous.chars().next().is_some_and(char::is_uppercase) && previous.chars().skip(1).all(char::is_lowercase);
    let joined = raw[start - 1].span.end + 1 == raw[start].span.start;
    if previous == "No" || previous == "no." || previous == "Nr" || previous == "#" {
        return true;
    }
    let next_is_lower_noun = raw.get(start + 1).is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase));
    capitalised && joined && start >= 2 && !next_is_lower_noun && !tokens::is_stop_word(&previous.to_lowercase())
}

/// "Petra Hollis, 71, was asleep": a number set off by commas right after a name.
fn is_age_apposition(raw: &[Token<'_>], lower: &[String], start: usize, parsed: &Parsed) -> bool {
    if !parsed.written_in_digits || parsed.value >= 120.0 || parsed.value.fract() != 0.0 || start < 2 {
        return false;
    }
    let before_comma = raw[start - 1].text == ",";
    let name_before = raw[start - 2].text.chars().next().is_some_and(char::is_uppercase);
    let after = lower.get(parsed.end).map(String::as_str);
    before_comma && name_before && matches!(after, Some("," | "." | ")") | None)
}

/// The counted noun: the head of the short noun phrase after the number
/// ("1,200 emergency workers" → rescuers, "4,500 residents" → people), as a
/// term and as written.
fn counted_noun(text: &str, raw: &[Token<'_>], lower: &[String], from: usize) -> Option<(String, String)> {
    let mut words = Vec::new();
    let mut index = from;
    while let Some(word) = lower.get(index) {
        let is_word = word.chars().next().is_some_and(char::is_alphabetic);
        if !is_word || tokens::is_stop_word(word) || words.len() == 3 || looks_like_verb(word) {
            break;
        }
        words.push(index);
        index += 1;
    }
    let (&first, &last) = (words.first()?, words.last()?);
    let phrase_start = raw[first].span.start;
    let phrase = &text[phrase_start..raw[last].span.end];
    // The head is the last noun-like term; event words ("dead") are not nouns.
    tokens::terms(phrase)
        .into_iter()
        .rev()
        .find(|(term, _)| !is_event_concept(term))
        .map(|(term, span)| (term, phrase[span.range()].to_owned()))
}

/// Past tenses and participles end a noun phrase ("four people lost their
/// lives": the noun is "people", not "lost").
fn looks_like_verb(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "lost", "died", "fled", "left", "came", "went", "took", "made", "held", "put", "gave", "broke", "fell", "rose",
        "got", "saw", "ran", "hit", "kept", "built", "sent", "spent", "won", "paid", "remain", "remained", "stood",
        "became", "began", "brought", "caught", "drove", "found", "grew", "heard", "met", "sat", "sold", "stay",
        "died", "face", "faced", "need", "needed", "live", "lived", "work", "worked",
    ];
    (word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")) || IRREGULAR.contains(&word)
}

/// Concepts that name what happened rather than what is counted.
#[must_use]
pub fn is_event_concept(term: &str) -> bool {
    EVENT_CONCEPTS.contains(&term)
}

/// Events that tell quantities apart for sure: a figure of people killed is
/// never a figure of people injured.
pub const EXCLUSIVE_EVENTS: &[&str] = &["~die", "~injur", "~evacu", "~missing", "~arrest", "~damag", "~promis"];

/// Events that happen to people: a bare count with one of them counts people.
const PEOPLE_EVENTS: &[&str] = &["~die", "~injur", "~evacu", "~missing", "~arrest"];

/// Predicates that tell quantities apart: people killed ≠ people injured.
pub const EVENT_CONCEPTS: &[&str] = &[
    "~die", "~injur", "~evacu", "~missing", "~arrest", "~damag", "~promis", "flood", "deploy", "rescu", "~collaps",
    "sentenc", "vote", "elect", "fine", "cost", "spend", "rais", "lose", "win", "fire", "sell", "bought", "buy",
    "hire", "strike", "protest", "infect", "test", "vaccin", "hospit", "shelter", "power", "destroy",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, f64, &'static str, QuantityClass)> {
        extract(text)
            .into_iter()
            .map(|m| (text[m.span.range()].to_owned(), m.figure.value, m.figure.qualifier.as_str(), m.class))
            .collect()
    }

    #[test]
    fn digits_with_separators_and_hedges() {
        assert_eq!(
            found("About 4,500 residents and more than 4,000 people, at least 10 000 cattle and up to 3.5 tonnes"),
            [
                ("About 4,500".into(), 4500.0, "approx", QuantityClass::Count),
                ("more than 4,000".into(), 4000.0, "over", QuantityClass::Count),
                ("at least 10 000".into(), 10000.0, "at_least", QuantityClass::Count),
                ("up to 3.5 tonnes".into(), 3.5, "at_most", QuantityClass::Measure("t".into())),
            ]
        );
    }

    #[test]
    fn number_words_vague_words_and_fractions() {
        let mentions = found(
            "Twenty-seven people, eleven thousand homes, a dozen boats, hundreds of volunteers and nearly two-thirds of the town",
        );
        assert_eq!(mentions[0].1, 27.0);
        assert_eq!(mentions[1].1, 11000.0);
        assert_eq!(mentions[2].1, 12.0);
        assert_eq!((mentions[3].0.as_str(), mentions[3].2), ("hundreds", "approx"));
        assert_eq!((mentions[4].1, mentions[4].3.clone()), (66.7, QuantityClass::Percent));
        let hundreds = &extract("hundreds of volunteers")[0].figure;
        assert_eq!((hundreds.low, hundreds.high), (200.0, 999.0));
    }

    #[test]
    fn money_and_percent() {
        assert_eq!(
            found("pledged €50 million, or 50 million euros, about €50m; shares fell 9 percent and 40%"),
            [
                ("€50 million".into(), 5e7, "exact", QuantityClass::Money("EUR".into())),
                ("50 million euros".into(), 5e7, "exact", QuantityClass::Money("EUR".into())),
                ("about €50m".into(), 5e7, "approx", QuantityClass::Money("EUR".into())),
                ("9 percent".into(), 9.0, "exact", QuantityClass::Percent),
                ("40%".into(), 40.0, "exact", QuantityClass::Percent),
            ]
        );
    }

    #[test]
    fn years_days_times_ages_and_durations_are_not_counts() {
        let text = "In 2024, on March 3 at 6 p.m. and 18:40, Petra Hollis, 71, a 38-year-old engineer, worked for nineteen years on Flight 447.";
        let classes: Vec<QuantityClass> = extract(text).into_iter().map(|m| m.class).collect();
        assert_eq!(classes, [QuantityClass::Age, QuantityClass::Age, QuantityClass::Duration("year".into())]);
    }

    #[test]
    fn counted_nouns_fold_to_concepts() {
        let nouns: Vec<Option<String>> =
            extract("About 4,500 residents, 1,200 emergency workers, 1,500 homes, 27 others")
                .into_iter()
                .map(|m| m.noun)
                .collect();
        assert_eq!(
            nouns,
            [Some("~peopl".into()), Some("~rescuer".into()), Some("~home".into()), Some("~peopl".into())]
        );
    }

    #[test]
    fn bounds_follow_the_hedge() {
        let more_than = &extract("more than 30 were hurt")[0].figure;
        assert_eq!((more_than.low, more_than.high), (31.0, f64::INFINITY));
        let nearly = &extract("nearly 5,000 people")[0].figure;
        assert_eq!((nearly.low, nearly.high), (4500.0, 5000.0));
        let about = &extract("about 40 percent")[0].figure;
        assert!((about.low - 36.0).abs() < 1e-9 && (about.high - 44.0).abs() < 1e-9);
    }

    #[test]
    fn ranges_and_open_ends() {
        let range = &extract("between 5 and 10 people were hurt")[0];
        assert_eq!((range.figure.low, range.figure.high, range.figure.qualifier), (5.0, 10.0, Qualifier::Range));
        let dashed = &extract("5-10 people were hurt")[0];
        assert_eq!((dashed.figure.low, dashed.figure.high), (5.0, 10.0));
        let plus = &extract("a 4-plus earthquake")[0];
        assert_eq!((plus.figure.low, plus.figure.qualifier), (4.0, Qualifier::AtLeast));
        assert_eq!(extract("one person died")[0].figure.value, 1.0);
        assert!(extract("one of them died").is_empty());
    }

    #[test]
    fn decimal_commas_by_context() {
        assert_eq!(extract("Die Kosten stiegen um 3,5 Prozent auf 10.000 Euro")[1].figure.value, 10000.0);
        assert_eq!(extract("It rose 10.000 people")[0].figure.value, 10000.0);
        assert_eq!(extract("It rose by 3.5 metres")[0].figure.value, 3.5);
    }

    #[test]
    fn digits_of_other_scripts() {
        assert_eq!(extract("أجلي ٤٥٠٠ شخص")[0].figure.value, 4500.0);
        assert_eq!(extract("約４５００人が避難")[0].figure.value, 4500.0);
        assert_eq!(extract("۱۲٫۵ درصد")[0].figure.value, 12.5);
    }

    #[test]
    fn ten_thousand_written_three_ways() {
        for text in ["About 10 000 people fled.", "About 10.000 people fled.", "About 10,000 people fled."] {
            let mention = &extract(text)[0];
            assert_eq!((mention.figure.value, mention.noun.as_deref()), (10_000.0, Some("~peopl")), "{text}");
        }
    }

    #[test]
    fn a_separator_that_cannot_group_thousands_is_a_decimal_mark() {
        // One or two digits after a comma are decimals, whatever else the sentence holds.
        assert_eq!(extract("The reservoir held 10,5 million cubic metres")[0].figure.value, 10_500_000.0);
        assert_eq!(extract("Some 4,500 people and €4,5 million")[1].figure.value, 4_500_000.0);
        // Both kinds: the last one is the decimal mark.
        assert_eq!(extract("a fee of 1.234,56 euros")[0].figure.value, 1234.56);
        assert_eq!(extract("a fee of $1,234.56")[0].figure.value, 1234.56);
        assert_eq!(extract("about 10.000.000 people")[0].figure.value, 10_000_000.0);
    }

    #[test]
    fn halves_of_dozens_and_scales() {
        let values: Vec<f64> = [
            "A half-dozen boats capsized.",
            "Half a dozen homes burned.",
            "Half a million people fled.",
            "One and a half thousand people fled.",
            "Two and a half million euros were pledged.",
        ]
        .iter()
        .map(|text| extract(text)[0].figure.value)
        .collect();
        assert_eq!(values, [6.0, 6.0, 500_000.0, 1_500.0, 2_500_000.0]);
        // "half of" stays a share.
        assert_eq!(extract("Half of the town flooded.")[0].class, QuantityClass::Percent);
    }
}
