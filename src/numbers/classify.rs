//! What sort of figure a number is: a count, money, a percent, a measure,
//! a duration, an age or a rank, and which numbers are no quantity at all
//! (clock times, days of the month, years, identifiers such as "Flight 447").

use super::read::Hedge;
use super::{Parsed, QuantityClass, Token};
use crate::model::Qualifier;
use crate::tokens;

/// A figure's class with what reading it changed: the hedge (a currency
/// symbol may stand between hedge and number, "4-plus" is a hedge after
/// it), where its surface text starts and ends, and its value (durations in
/// days).
pub(super) struct Classified {
    pub(super) class: QuantityClass,
    pub(super) qualifier: Qualifier,
    pub(super) surface_start: usize,
    pub(super) value: f64,
    /// One past the last token of the figure, its unit included.
    pub(super) end: usize,
}

/// Not a quantity: clock times, dates, years, identifiers, list numbers.
/// Only figures written in digits can be these.
pub(super) fn is_not_a_quantity(raw: &[Token<'_>], lower: &[String], start: usize, parsed: &Parsed) -> bool {
    let previous =
        |back: usize| start.checked_sub(back).and_then(|i| lower.get(i)).map(String::as_str).unwrap_or_default();
    let after = |i: usize| lower.get(i).map(String::as_str).unwrap_or_default();
    let next_raw = raw.get(start + 1).map(|t| t.text).unwrap_or_default();
    if next_raw == ":" || matches!(after(parsed.end), "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" | "hrs" | "h") {
        return true;
    }
    if previous(1) == ":" && start >= 2 && lower[start - 2].bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if is_month_word(previous(1)) || is_month_word(previous(2)) && previous(1) == "." {
        return true;
    }
    if is_month_word(after(parsed.end)) || (after(parsed.end) == "of" && is_month_word(after(parsed.end + 1))) {
        return true;
    }
    if parsed.bare_four_digits && (1800.0..=2100.0).contains(&parsed.value) && !is_count_noun(after(parsed.end)) {
        return true;
    }
    is_identifier(raw, start)
}

/// The class of the figure at `start`, read from the currency symbol before
/// it and the percent sign, currency word, time word or unit after it.
pub(super) fn classify(raw: &[Token<'_>], lower: &[String], start: usize, parsed: &Parsed, hedge: Hedge) -> Classified {
    let previous =
        |back: usize| start.checked_sub(back).and_then(|i| lower.get(i)).map(String::as_str).unwrap_or_default();
    let after = |i: usize| lower.get(i).map(String::as_str).unwrap_or_default();
    let mut end = parsed.end;
    let mut qualifier = hedge.qualifier;
    let mut surface_start = hedge.surface_start;

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
        for (words, hedge) in super::read::HEDGES {
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
    // What follows: percent signs, currency words, units, time words.
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
    Classified { class, qualifier, surface_start, value, end }
}

/// A lower-case word that names a month ("sept", "march").
fn is_month_word(word: &str) -> bool {
    crate::lexicon::CALENDAR.is_month(word)
}

pub(super) const TIME_UNITS: &[(&str, f64)] = &[
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

pub(super) const MEASURES: &[(&str, &str)] = &[
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

pub(super) const CURRENCY_SYMBOLS: &[(&str, &str)] =
    &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₽", "RUB"), ("₹", "INR")];

pub(super) const CURRENCY_WORDS: &[(&str, &str)] = &[
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

pub(super) fn is_count_noun(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !tokens::is_stop_word(word) || word == "people"
}

/// "Flight 447", "Route 66", "No. 5": a number straight after a capitalised
/// word that is not the start of the sentence, with no noun after it.
pub(super) fn is_identifier(raw: &[Token<'_>], start: usize) -> bool {
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
pub(super) fn is_age_apposition(raw: &[Token<'_>], lower: &[String], start: usize, parsed: &Parsed) -> bool {
    if !parsed.written_in_digits || parsed.value >= 120.0 || parsed.value.fract() != 0.0 || start < 2 {
        return false;
    }
    let before_comma = raw[start - 1].text == ",";
    let name_before = raw[start - 2].text.chars().next().is_some_and(char::is_uppercase);
    let after = lower.get(parsed.end).map(String::as_str);
    before_comma && name_before && matches!(after, Some("," | "." | ")") | None)
}
