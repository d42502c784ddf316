//! What sort of figure a number is: a count, money, a percent, a measure,
//! a duration, an age or a rank, and which numbers are no quantity at all
//! (clock times, days of the month, years, identifiers such as "Flight 447").

use super::lexicon::NUMBERS;
use super::read::{Hedge, hedge_ending_at};
use super::words::{scale, word_ten, word_unit};
use super::{Parsed, QuantityClass, Token};
use crate::model::{NotQuantity, Qualifier};
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
/// Only figures written in digits can be these. The class says which.
pub(super) fn not_a_quantity(
    raw: &[Token<'_>],
    lower: &[String],
    start: usize,
    parsed: &Parsed,
) -> Option<QuantityClass> {
    // "a three-bedroom house", "a 2-door car": a size naming a kind of thing.
    let after_end = |i: usize| lower.get(parsed.end + i).map_or("", String::as_str);
    if after_end(0) == "-" && NUMBERS.kind_words.contains(after_end(1)) {
        return Some(QuantityClass::NotQuantity(NotQuantity::Kind));
    }
    let previous =
        |back: usize| start.checked_sub(back).and_then(|i| lower.get(i)).map(String::as_str).unwrap_or_default();
    // "a 1440 x 900 screen": either side of a size, which counts nothing alone.
    let is_number = |word: &str| word.starts_with(|c: char| c.is_ascii_digit());
    let dimension = (NUMBERS.dimension_marks.contains(after_end(0)) && is_number(after_end(1)))
        || (NUMBERS.dimension_marks.contains(previous(1)) && is_number(previous(2)));
    // "an under-14-year-old", "the over-50s": a class of people, not a case.
    let category = previous(1) == "-" && NUMBERS.category_prefixes.contains(previous(2));
    if dimension || category {
        return Some(QuantityClass::NotQuantity(NotQuantity::Kind));
    }
    if !parsed.written_in_digits {
        return None;
    }
    if let Some(reason) = written_identity(raw, lower, start, parsed) {
        return Some(QuantityClass::NotQuantity(reason));
    }
    let after = |i: usize| lower.get(i).map(String::as_str).unwrap_or_default();
    let next_raw = raw.get(start + 1).map(|t| t.text).unwrap_or_default();
    let date_or_time = QuantityClass::NotQuantity(NotQuantity::DateOrTime);
    if next_raw == ":" || matches!(after(parsed.end), "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" | "hrs" | "h") {
        return Some(date_or_time);
    }
    if previous(1) == ":" && start >= 2 && lower[start - 2].bytes().all(|b| b.is_ascii_digit()) {
        return Some(date_or_time);
    }
    if is_month_word(previous(1)) || is_month_word(previous(2)) && previous(1) == "." {
        return Some(date_or_time);
    }
    if is_month_word(after(parsed.end)) || (after(parsed.end) == "of" && is_month_word(after(parsed.end + 1))) {
        return Some(date_or_time);
    }
    if parsed.bare_four_digits && (1800.0..=2100.0).contains(&parsed.value) && !is_count_noun(after(parsed.end)) {
        return Some(QuantityClass::Year);
    }
    // "Category 4", "Level 3": a reading on a named scale.
    let named_scale = start >= 1
        && NUMBERS.scale_words.contains(&lower[start - 1])
        && raw[start - 1].text.starts_with(char::is_uppercase);
    if named_scale {
        return Some(QuantityClass::NotQuantity(NotQuantity::Scale));
    }
    if is_clock_hour(lower, start, parsed) {
        return Some(date_or_time);
    }
    if is_labelled(raw, lower, start) {
        return Some(QuantityClass::NotQuantity(NotQuantity::Identifier));
    }
    if is_identifier(raw, start) {
        let scale = start >= 1 && NUMBERS.scale_words.contains(&lower[start - 1]);
        return Some(QuantityClass::NotQuantity(if scale { NotQuantity::Scale } else { NotQuantity::Identifier }));
    }
    None
}

/// "at about 8.", "on Saturday about 8,": a bare hour told as a clock time
/// (`[clock_hours]` of numbers.toml).
fn is_clock_hour(lower: &[String], start: usize, parsed: &Parsed) -> bool {
    let clock = &NUMBERS.clock_hours;
    let has = |list: &[String], word: &str| list.iter().any(|w| w == word);
    if parsed.lead != 0 || parsed.value.fract() != 0.0 || !(1.0..=12.0).contains(&parsed.value) {
        return false;
    }
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let mut at = start;
    while at >= 1 && has(&clock.hedges, word(at - 1)) && start - at < 2 {
        at -= 1;
    }
    let opened = at >= 1 && has(&clock.openers, word(at - 1));
    let level = at >= 2 && has(&clock.levels, word(at - 2));
    opened && !level && has(&clock.followers, word(parsed.end))
}

/// "versions 6, 7 and 8", "flight 447": a figure after a label noun, or in
/// a list of bare figures opened by one (`[label_words]` of numbers.toml),
/// or in a list whose first figure is an identifier ("IE6, 7, 8").
fn is_labelled(raw: &[Token<'_>], lower: &[String], start: usize) -> bool {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let digits = |i: usize| !word(i).is_empty() && word(i).bytes().all(|b| b.is_ascii_digit());
    // "IE6": a name with its number, heading a list of numbers.
    let named_number = |i: usize| {
        raw.get(i).is_some_and(|t| {
            t.text.starts_with(|c: char| c.is_ascii_uppercase()) && t.text.ends_with(|c: char| c.is_ascii_digit())
        })
    };
    // Walk back over ", 7", "and 8", ", and 9" to the list's first item.
    let mut first = start;
    loop {
        let mut link = first;
        while link >= 1 && matches!(word(link - 1), "," | "and" | "or") && first - link < 2 {
            link -= 1;
        }
        if link == first || link < 1 {
            break;
        }
        if named_number(link - 1) {
            return true;
        }
        if !digits(link - 1) {
            break;
        }
        first = link - 1;
    }
    let labelled = first >= 1 && NUMBERS.label_words.contains(word(first - 1));
    labelled || (first != start && is_identifier(raw, first))
}

/// Numbers whose writing says they are no quantity: slashed dates and
/// names ("5/17/2018", "9/11", "24/7"), a number joined to a capitalised
/// word by a hyphen ("COVID-19", "F-16"), telephone numbers (three or more
/// dash-joined digit groups, or a leading "+"), street addresses.
fn written_identity(raw: &[Token<'_>], lower: &[String], start: usize, parsed: &Parsed) -> Option<NotQuantity> {
    let joined = |a: usize, b: usize| b < raw.len() && raw[a].span.end == raw[b].span.start;
    let digits = |i: usize| lower.get(i).is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    let first = start - parsed.lead;
    let end = parsed.end;
    // Slashes: "9/11", "5/17/2018" (proper fractions were read as values).
    let slash_after = lower.get(end).is_some_and(|w| w == "/") && joined(end - 1, end) && digits(end + 1);
    let slash_before = first >= 2 && lower[first - 1] == "/" && joined(first - 1, first) && digits(first - 2);
    if slash_after || slash_before {
        return Some(NotQuantity::DateOrTime);
    }
    // Dash-joined digit groups: count the chain around the number.
    let dash = |w: &str| matches!(w, "-" | "–");
    let mut groups = 1;
    let mut i = end;
    while i + 1 < lower.len() && dash(&lower[i]) && joined(i - 1, i) && joined(i, i + 1) && digits(i + 1) {
        groups += 1;
        i += 2;
    }
    let mut j = first;
    while j >= 2 && dash(&lower[j - 1]) && joined(j - 1, j) && joined(j - 2, j - 1) && digits(j - 2) {
        groups += 1;
        j -= 2;
    }
    let plus = j >= 1 && lower[j - 1] == "+" && joined(j - 1, j);
    if groups >= 3 || (plus && groups >= 2) {
        return Some(NotQuantity::Phone);
    }
    // "COVID-19", "F-16", "Su-27": a hyphen joining a capitalised word.
    if first >= 2
        && dash(&lower[first - 1])
        && joined(first - 1, first)
        && joined(first - 2, first - 1)
        && raw[first - 2].text.chars().any(char::is_uppercase)
        && raw[first - 2].text.chars().all(char::is_alphanumeric)
    {
        return Some(NotQuantity::Name);
    }
    // "12 Elm Street", "1600 Pennsylvania Avenue"
    let capitalised = |i: usize| raw.get(i).is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase));
    let street = (1..=4).any(|words| {
        (0..words).all(|k| capitalised(end + k))
            && NUMBERS.street_words.contains(lower.get(end + words - 1).map_or("", String::as_str))
    });
    if street && parsed.value.fract() == 0.0 && parsed.value > 0.0 {
        return Some(NotQuantity::Address);
    }
    None
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
    if let Some(code) = start.checked_sub(1).and_then(|i| NUMBERS.currency_symbols.get(raw[i].text)) {
        class = QuantityClass::Money(code.clone());
        if qualifier == Qualifier::Exact {
            surface_start = raw[start - 1].span.start;
        } else {
            surface_start = surface_start.min(raw[start - 1].span.start);
        }
        // The hedge sits before the symbol: "about €5m".
        if let Some((length, hedge)) = hedge_ending_at(lower, start - 1) {
            qualifier = hedge;
            surface_start = raw[start - 1 - length].span.start;
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
    // "500 or more", "200 or greater", "5,000 or less", "less than 5000 or equal".
    if after(end) == "or" || (after(end) == "and" && matches!(after(end + 2), "" | "." | "," | ";")) {
        let bound = match (after(end + 1), qualifier) {
            ("more" | "greater" | "above" | "higher" | "over", Qualifier::Exact | Qualifier::Approx) => {
                Some(Qualifier::AtLeast)
            }
            ("less" | "fewer" | "below" | "lower" | "under", Qualifier::Exact | Qualifier::Approx) => {
                Some(Qualifier::AtMost)
            }
            ("equal", Qualifier::Over) => Some(Qualifier::AtLeast),
            ("equal", Qualifier::Under) => Some(Qualifier::AtMost),
            _ => None,
        };
        // "5,000 or more than 4,500" is two figures.
        let number_follows = after(end + 2) == "than"
            && after(end + 3).starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic())
            && !matches!(after(end + 3), "" | "." | "," | "it" | "that" | "this");
        if let Some(bound) = bound
            && !number_follows
        {
            qualifier = bound;
            end += 2;
            if matches!(after(end), "than" | "to") {
                end += 1;
            }
        }
    }
    // What follows: percent signs, currency words, units, time words.
    match after(end) {
        "%" | "percent" | "pct" | "percents" => {
            class = QuantityClass::Percent;
            end += 1;
        }
        "percentage" if !matches!(after(end + 1), "point" | "points") => {
            class = QuantityClass::Percent;
            end += 1;
        }
        "per" if after(end + 1) == "cent" => {
            class = QuantityClass::Percent;
            end += 2;
        }
        _ => {}
    }
    if let Some(code) = parsed.currency {
        class = QuantityClass::Money(code.to_owned());
    }
    // "a two-million-euro booty", "a $5 million-dollar deal": the currency
    // word joined by a hyphen.
    if after(end) == "-" && NUMBERS.currency_words.get(after(end + 1)).is_some() {
        end += 1;
    }
    if after(end).starts_with("pound") && weighed(lower) {
        // "it weighs 4.5 pounds": a weight, not money.
        class = QuantityClass::Measure("lb".to_owned());
        end += 1;
    } else if let Some(code) = NUMBERS.currency_words.get(after(end)) {
        class = QuantityClass::Money(code.clone());
        end += 1;
        // "75 USD million"
        if let Some(multiplier) = scale(after(end)) {
            value *= multiplier;
            end += 1;
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
        let and = usize::from(after(end) == "and");
        if let Some(cents) = after(end + and)
            .parse::<f64>()
            .ok()
            .or_else(|| word_unit(after(end + and)))
            .or_else(|| small_words(lower, end + and).map(|(v, _)| v))
        {
            let words = small_words(lower, end + and).map_or(1, |(_, n)| n);
            let unit = matches!(after(end + and + words), "cents" | "cent");
            // "15 dollars 50.", "17 USD 25": cents at the end of the clause.
            let bare = matches!(after(end + and + words), "" | "." | "," | ";");
            if cents < 100.0 && cents.fract() == 0.0 && (unit || bare) {
                value += cents / 100.0;
                end += and + words + usize::from(unit);
            }
        }
    } else if let Some(code) = NUMBERS.currency_millions.get(after(end)) {
        // "30 MUSD": millions of a currency.
        class = QuantityClass::Money(code.clone());
        value *= 1e6;
        end += 1;
    }
    // "27-year-old", "a three-month inquiry": a hyphen joins number and unit.
    let hyphenated = after(end) == "-";
    let unit_at = if hyphenated { end + 1 } else { end };
    if matches!(class, QuantityClass::Count) && !ordinal {
        let unit = after(unit_at);
        if NUMBERS.is_time_unit(unit) {
            if after(unit_at + 1) == "-" && after(unit_at + 2) == "old" || after(unit_at + 1) == "old" {
                class = QuantityClass::Age;
                end = unit_at + if after(unit_at + 1) == "-" { 3 } else { 2 };
            } else if after(unit_at + 1) == "of" && after(unit_at + 2) == "age" {
                // "at 6 weeks of age"
                class = QuantityClass::Age;
                end = unit_at + 3;
            } else {
                // The value as written, in its unit: "3 years" is 3 (year).
                class = QuantityClass::Duration(unit.trim_end_matches('s').to_owned());
                end = unit_at + 1;
            }
        } else if let Some(symbol) = NUMBERS.measures.get(unit) {
            let mut symbol = symbol.clone();
            end = unit_at + 1;
            if (symbol == "cu" || symbol == "sq")
                && let Some(base) = NUMBERS.measures.get(after(end))
            {
                symbol = format!("{}{}", base, if symbol == "cu" { "3" } else { "2" });
                end += 1;
            }
            class = QuantityClass::Measure(symbol);
        }
    }
    if let Some(symbol) = parsed.suffix_unit
        && matches!(class, QuantityClass::Count)
    {
        class = QuantityClass::Measure(symbol.to_owned());
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
    // "percent of 10", at the start of a sentence (a figure after "40
    // percent of" elsewhere is what the share is of).
    let percent_of = match (previous(3), previous(2), previous(1)) {
        (_, "percent" | "percents" | "percentage", "of") => start == 2,
        ("per", "cent", "of") => start == 3,
        _ => false,
    };
    if percent_of && matches!(class, QuantityClass::Count) {
        class = QuantityClass::Percent;
        surface_start = raw[0].span.start;
    }
    // "the tax rate was 35.72", "a jobless rate of 4.1": a bare figure given
    // for a rate is a share in percent.
    if matches!(class, QuantityClass::Count)
        && !ordinal
        && parsed.written_in_digits
        && NUMBERS.rate_percent.given_for_rate(lower, start)
        && NUMBERS.rate_percent.may_follow(after(end))
    {
        class = QuantityClass::Percent;
    }
    if is_age_word(lower, start, parsed.end) || is_age_apposition(raw, lower, start, parsed) {
        class = QuantityClass::Age;
    }
    if ordinal {
        class = QuantityClass::Ordinal;
    }
    Classified { class, qualifier, surface_start, value, end }
}

/// Whether the sentence speaks of weight (`[weight_words]` of
/// numbers.toml), so that its "pounds" weigh rather than pay.
fn weighed(lower: &[String]) -> bool {
    lower.iter().any(|word| NUMBERS.weight_words.contains(word))
}

/// A lower-case word that names a month ("sept", "march").
fn is_month_word(word: &str) -> bool {
    crate::lexicon::CALENDAR.is_month(word)
}

/// A number under a hundred in words ("forty-five", "forty five"): its value
/// and how many tokens it takes.
fn small_words(lower: &[String], at: usize) -> Option<(f64, usize)> {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let ten = word_ten(word(at))?;
    let hyphen = usize::from(word(at + 1) == "-");
    match word_unit(word(at + 1 + hyphen)).filter(|u| (1.0..10.0).contains(u)) {
        Some(unit) => Some((ten + unit, 2 + hyphen)),
        None => Some((ten, 1)),
    }
}

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
    // "No. 9 Drake": the abbreviation's full stop is a token of its own.
    if previous == "." && start >= 2 && matches!(raw[start - 2].text, "No" | "no" | "Nr" | "Nos") {
        return true;
    }
    let next_is_lower_noun = raw.get(start + 1).is_some_and(|t| {
        t.text.chars().next().is_some_and(char::is_lowercase) && !tokens::is_stop_word(&t.text.to_lowercase())
    });
    capitalised && joined && start >= 2 && !next_is_lower_noun && !tokens::is_stop_word(&previous.to_lowercase())
}

/// "aged 15", "aged 15 and 12" (the list's second figure too), and an aside
/// "-- then 14 --", ", now 30,": the figure at `start` is an age.
fn is_age_word(lower: &[String], start: usize, end: usize) -> bool {
    let word = |back: usize| start.checked_sub(back).and_then(|i| lower.get(i)).map_or("", String::as_str);
    let is_digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let punctuation = |w: &str| matches!(w, "," | "-" | "--" | "—" | "–" | "(");
    let closing = |w: &str| matches!(w, "," | "-" | "--" | "—" | "–" | ")" | ".");
    NUMBERS.age_words.contains(word(1))
        || (matches!(word(1), "and" | "or") && is_digits(word(2)) && NUMBERS.age_words.contains(word(3)))
        || (NUMBERS.age_asides.contains(word(1)) && punctuation(word(2)) && lower.get(end).is_some_and(|w| closing(w)))
}

/// "Petra Hollis, 71, was asleep": a number set off by commas right after a name.
pub(super) fn is_age_apposition(raw: &[Token<'_>], lower: &[String], start: usize, parsed: &Parsed) -> bool {
    if !parsed.written_in_digits || parsed.value >= 120.0 || parsed.value.fract() != 0.0 || start < 2 {
        return false;
    }
    let before_comma = raw[start - 1].text == ",";
    let name_before = raw[start - 2].text.chars().next().is_some_and(char::is_uppercase);
    let after = lower.get(parsed.end).map(String::as_str);
    // "Ana Lind, 20 and Ivo Brandt, 24": a list of names with their ages.
    let next_name = raw.get(parsed.end + 1).is_some_and(|t| t.text.starts_with(char::is_uppercase));
    before_comma && name_before && (matches!(after, Some("," | "." | ")") | None) || after == Some("and") && next_name)
}
