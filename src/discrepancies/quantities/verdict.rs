//! A quantity's verdict: its figures' readings (a value, the way its hedge
//! points, the rounding its written unit allows), whether they agree, are
//! compatible, conflict or changed over time, and the label built from the
//! articles' own words.

use super::*;

/// A figure's reading: its value, and which way its hedge points ("about
/// 800,000" reads as "800,000"; "more than 800,000" does not); for a
/// measure, the unit it was written in and half a step of its last written
/// digit in the base unit, since "six miles" and "10 kilometers" are one
/// depth rounded in two units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Reading {
    pub(super) value: f64,
    pub(super) direction: i8,
    /// The written unit, hashed (readings are compared many times).
    pub(super) written_in: u64,
    pub(super) slack: f64,
}

pub(super) fn reading(figure: &Figure) -> Reading {
    Reading {
        value: figure.value,
        direction: figure.qualifier.direction(),
        written_in: unit_id(&figure.unit),
        slack: 0.0,
    }
}

pub(super) fn unit_id(unit: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    unit.hash(&mut hasher);
    hasher.finish()
}

/// A candidate's reading, in its base unit with the rounding its written
/// figure allows.
pub(super) fn candidate_reading(candidate: &Candidate<'_>) -> Reading {
    let shown = candidate.shown();
    let factor = if shown.value == 0.0 { 1.0 } else { candidate.mention.figure.value / shown.value };
    Reading {
        slack: half_step(shown.value) * factor.abs(),
        written_in: unit_id(&shown.unit),
        ..reading(&candidate.mention.figure)
    }
}

/// Half the place value of a figure's last written digit ("6.2": 0.05,
/// "34": 0.5).
pub(super) fn half_step(value: f64) -> f64 {
    let mut step = 1.0;
    while step > 1e-6 && ((value / step).round() - value / step).abs() > 1e-9 {
        step /= 10.0;
    }
    step / 2.0
}

/// Whether two readings say the same. A year is a point on a calendar,
/// not an amount: 2002 and 2003 differ although they are 0.05% apart.
/// Figures written in two units say the same when their rounding overlaps.
pub(super) fn one_reading(a: Reading, b: Reading, years: bool) -> bool {
    let mut tolerance = if years { 0.0 } else { ONE_READING * a.value.abs().max(b.value.abs()) };
    if a.written_in != b.written_in {
        tolerance = tolerance.max(a.slack + b.slack);
    }
    a.direction == b.direction && (a.value - b.value).abs() <= tolerance
}

/// The verdict on a quantity and, when its figures differ, its discrepancy.
pub(super) fn judge(members: &[&Candidate<'_>], inputs: &Inputs<'_>) -> Option<(Quantity, Option<Discrepancy>)> {
    let mut articles: Vec<usize> = members.iter().map(|m| m.at.article).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return None;
    }
    let mut readings: Vec<Reading> = Vec::new();
    let years = members.iter().all(|m| m.mention.figure.unit == YEAR);
    for member in members {
        let r = candidate_reading(member);
        if !readings.iter().any(|other| one_reading(*other, r, years)) {
            readings.push(r);
        }
    }
    let low = members.iter().map(|m| m.mention.figure.low).fold(f64::MIN, f64::max);
    let high = members.iter().map(|m| m.mention.figure.high).fold(f64::MAX, f64::min);
    let values: Vec<f64> = members.iter().map(|m| m.mention.figure.value).collect();
    let all_rounded = values.iter().all(|x| values.iter().all(|y| (x - y).abs() < 1e-9 || rounded(*x, *y)));
    let overlap = low <= high || all_rounded;
    let verdict = if readings.len() < 2 {
        Verdict::Agree
    } else if overlap {
        Verdict::Compatible
    } else if changed(members, inputs) {
        Verdict::Changed
    } else {
        Verdict::Conflicting
    };
    let label = label(members);
    let figures =
        members.iter().map(|m| QuantityFigure { at: m.at, span: m.mention.span, figure: m.shown().clone() }).collect();
    let unit = members[0].mention.figure.unit.clone();
    let quantity = Quantity { label: label.clone(), unit, verdict, figures };
    let agreement = match verdict {
        Verdict::Agree => return Some((quantity, None)),
        Verdict::Compatible => Agreement::Compatible,
        Verdict::Conflicting => Agreement::Conflicting,
        Verdict::Changed => Agreement::Changed,
    };
    let mut versions: Vec<String> = Vec::new();
    for article in &articles {
        let mut surfaces: Vec<String> = Vec::new();
        for m in members.iter().filter(|m| m.at.article == *article) {
            let surface = inputs.articles[m.at.article].slice(m.mention.span).to_owned();
            if !surfaces.contains(&surface) {
                surfaces.push(surface);
            }
        }
        versions.push(format!("{} ({})", surfaces.join(", "), inputs.articles[*article].outlet));
    }
    let kind = DiscrepancyKind::Number;
    let summary = kind.summary(&[
        ("label", &label),
        ("versions", &kind.info().join(&versions)),
        ("agreement", agreement.as_str()),
    ]);
    let mentions = members
        .iter()
        .map(|m| Mention { at: m.at, span: m.mention.span, evidence: Evidence::Figure(m.shown().clone()) })
        .collect();
    let discrepancy = Discrepancy { kind, summary, agreement: Some(agreement), label, mentions };
    Some((quantity, Some(discrepancy)))
}

/// Whether differing figures are one figure moving over time: a clause
/// says so ("rose to", "has risen", "so far", "bringing the toll to"), or
/// the articles' dates order them: every later report gives a higher
/// count than every earlier one, as a toll reported a day apart does.
/// (Falling counts are not read as movement: flooded homes do not dry
/// between two reports; a lower later figure is a disagreement.)
fn changed(members: &[&Candidate<'_>], inputs: &Inputs<'_>) -> bool {
    members.iter().any(|m| m.identity.changing) || moved_with_dates(members, inputs)
}

/// Whether the members' values rise with their articles' dates.
fn moved_with_dates(members: &[&Candidate<'_>], inputs: &Inputs<'_>) -> bool {
    if members.iter().any(|m| m.mention.class != QuantityClass::Count) {
        return false;
    }
    let mut dated: Vec<(i32, f64)> = Vec::with_capacity(members.len());
    for member in members {
        let Some(date) = inputs.articles.get(member.at.article).and_then(|a| a.date) else { return false };
        let Some(year) = date.year else { return false };
        let day = i32::from(year) * 372 + i32::from(date.month) * 31 + i32::from(date.day);
        dated.push((day, member.mention.figure.value));
    }
    dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let days: std::collections::BTreeSet<i32> = dated.iter().map(|(d, _)| *d).collect();
    if days.len() < 2 {
        return false;
    }
    // Per day the lowest and highest value; each day's range must lie wholly
    // above the day before's.
    let mut ranges: Vec<(f64, f64)> = Vec::new();
    for day in &days {
        let values = dated.iter().filter(|(d, _)| d == day).map(|(_, v)| *v);
        let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
        ranges.push((low, high));
    }
    ranges.windows(2).all(|w| w[0].1 < w[1].0)
}

/// "domestic flights cancelled", "military construction money": the most
/// common counted thing and predicate as the articles write them.
fn label(members: &[&Candidate<'_>]) -> String {
    // An age is a person's: "age of Lind".
    if let Some(name) = most_common(members.iter().filter_map(|m| m.aged_name.clone())) {
        return format!("age of {name}");
    }
    let thing = most_common(members.iter().filter_map(|m| m.identity.thing_text.as_deref().map(str::to_lowercase)));
    let predicate =
        most_common(members.iter().filter_map(|m| m.identity.predicate_text.as_deref().map(str::to_lowercase)));
    let noun = thing.or_else(|| members.iter().find_map(|m| m.mention.noun_text.clone()));
    let fallback = match &members[0].mention.class {
        _ if members[0].mention.figure.unit == YEAR => "year",
        QuantityClass::Money(_) => "money",
        QuantityClass::Percent => "share",
        QuantityClass::Measure(_) => "measure",
        QuantityClass::Duration(_) => "duration",
        QuantityClass::Age => "age",
        QuantityClass::Ordinal => "rank",
        QuantityClass::Count => "figure",
        QuantityClass::Year => "year",
        QuantityClass::NotQuantity(_) => "figure",
    };
    let parts: Vec<String> = [noun, predicate].into_iter().flatten().collect();
    if parts.is_empty() { fallback.to_owned() } else { parts.join(" ") }
}

fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(s, _)| *s == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    // Highest count; ties go to the first seen.
    counts.iter().enumerate().max_by(|(i, a), (j, b)| a.1.cmp(&b.1).then(j.cmp(i))).map(|(_, (s, _))| s.clone())
}
