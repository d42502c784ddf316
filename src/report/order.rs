//! The order a fact-checker works through discrepancies in: conflicting
//! figures first, then names spelled differently, dates, figures that
//! differ but can all be true, and last the details only one article
//! reports, heaviest first. The engine's list stays in reading order; this
//! is a view of it (a permutation of its indices) that the reader's list,
//! `n`/`N` and the HTML report share. Also: each discrepancy's versions,
//! so a list row can lead with what differs.

use crate::model::{Agreement, Comparison, Discrepancy, DiscrepancyKind};

/// How the discrepancy list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// What a checker acts on first (see [`checker_order`]).
    #[default]
    Checker,
    /// Where each discrepancy first shows up, article by article.
    Reading,
}

impl ListOrder {
    /// The other order.
    #[must_use]
    pub const fn toggled(self) -> Self {
        match self {
            Self::Checker => Self::Reading,
            Self::Reading => Self::Checker,
        }
    }

    /// A short name for titles and messages.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Checker => "most important first",
            Self::Reading => "reading order",
        }
    }
}

/// The group a discrepancy is checked in, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Figures whose versions cannot all be true.
    ConflictingFigure,
    /// One name spelled differently.
    Name,
    /// One event on different days.
    Date,
    /// Figures that differ but can all be true.
    CompatibleFigure,
    /// A detail only one article reports.
    Unique,
}

impl Tier {
    /// The tier of a discrepancy (a figure without a verdict counts as conflicting).
    #[must_use]
    pub const fn of(discrepancy: &Discrepancy) -> Self {
        match (discrepancy.kind, discrepancy.agreement) {
            (DiscrepancyKind::Number, Some(Agreement::Compatible)) => Self::CompatibleFigure,
            (DiscrepancyKind::Number, _) => Self::ConflictingFigure,
            (DiscrepancyKind::Name, _) => Self::Name,
            (DiscrepancyKind::Date, _) => Self::Date,
            (DiscrepancyKind::Unique, _) => Self::Unique,
        }
    }

    /// A heading for the tier.
    #[must_use]
    pub const fn heading(self) -> &'static str {
        match self {
            Self::ConflictingFigure => "Conflicting figures",
            Self::Name => "Names spelled differently",
            Self::Date => "Dates that differ",
            Self::CompatibleFigure => "Figures that differ but can all be true",
            Self::Unique => "Details only one article reports",
        }
    }
}

/// The indices of `list` in `order`.
#[must_use]
pub fn ordered(comparison: &Comparison, order: ListOrder) -> Vec<usize> {
    match order {
        ListOrder::Reading => (0..comparison.discrepancies.len()).collect(),
        ListOrder::Checker => checker_order(comparison),
    }
}

/// The discrepancy indices by tier; within a tier, discrepancies that
/// involve more articles first (unique details: heaviest first), then in
/// reading order.
#[must_use]
pub fn checker_order(comparison: &Comparison) -> Vec<usize> {
    let mut keyed: Vec<(Tier, i64, usize)> = comparison
        .discrepancies
        .iter()
        .enumerate()
        .map(|(index, discrepancy)| {
            let tier = Tier::of(discrepancy);
            let weight = if tier == Tier::Unique {
                // Tenths, so the sort key stays an integer.
                (detail_weight(comparison, discrepancy) * 10.0).round() as i64
            } else {
                i64::try_from(discrepancy.articles().len()).unwrap_or(i64::MAX)
            };
            (tier, -weight, index)
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, index)| index).collect()
}

/// How much a unique detail gives a checker to verify: figures, names and
/// quotations weigh most, length a little; boilerplate-like asides ("If you
/// need a place to stay…") weigh little.
#[must_use]
pub fn detail_weight(comparison: &Comparison, discrepancy: &Discrepancy) -> f64 {
    let mut figures = 0usize;
    let mut names = 0usize;
    let mut words = 0usize;
    let mut quoted = false;
    for mention in &discrepancy.mentions {
        let Some(article) = comparison.articles.get(mention.at.article) else { continue };
        let text = article.slice(mention.span);
        quoted |= text.contains(['"', '“', '”', '«', '»']);
        let mut sentence_start = true;
        for word in text.split_whitespace() {
            words += 1;
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            if bare.chars().any(|c| c.is_ascii_digit()) || word.starts_with(['€', '$', '£']) {
                figures += 1;
            } else if !sentence_start && bare.chars().next().is_some_and(char::is_uppercase) {
                names += 1;
            }
            sentence_start = word.ends_with(['.', '!', '?', ':']);
        }
    }
    let capped = |count: usize, cap: usize| count.min(cap) as f64;
    2.0 * capped(figures, 4) + 1.5 * capped(names, 4) + if quoted { 1.0 } else { 0.0 } + capped(words, 60) / 20.0
}

/// One version of a discrepancy: the wording and the articles that give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The figure, spelling or date as the articles write it (first seen).
    pub text: String,
    /// The articles giving it, in order.
    pub articles: Vec<usize>,
}

/// The distinct versions of a figure, name or date discrepancy, in reading
/// order, case-insensitively merged ("Three" and "three" are one version);
/// a date mention reads as its resolved day. Empty for unique details.
#[must_use]
pub fn versions(comparison: &Comparison, discrepancy: &Discrepancy) -> Vec<Version> {
    let mut found: Vec<(String, Version)> = Vec::new();
    if discrepancy.kind == DiscrepancyKind::Unique {
        return Vec::new();
    }
    for mention in &discrepancy.mentions {
        let Some(article) = comparison.articles.get(mention.at.article) else { continue };
        let surface = crate::normalize::clean_line(article.slice(mention.span));
        let text = match (discrepancy.kind, mention.date()) {
            (DiscrepancyKind::Date, Some(date)) => short_date(crate::model::DayDate { year: None, ..date }),
            _ => surface,
        };
        if text.is_empty() {
            continue;
        }
        let key = text.to_lowercase();
        match found.iter_mut().find(|(k, _)| *k == key) {
            Some((_, version)) => {
                if !version.articles.contains(&mention.at.article) {
                    version.articles.push(mention.at.article);
                }
            }
            None => found.push((key, Version { text, articles: vec![mention.at.article] })),
        }
    }
    let mut versions: Vec<Version> = found.into_iter().map(|(_, version)| version).collect();
    if discrepancy.kind == DiscrepancyKind::Name {
        // "Kuznetsov" beside "Yevgeny Kuznetsov" is the same spelling, shorter.
        let lower: Vec<String> = versions.iter().map(|v| v.text.to_lowercase()).collect();
        let mut merged: Vec<Version> = Vec::new();
        for (index, version) in versions.iter().enumerate() {
            let suffix = format!(" {}", lower[index]);
            match lower.iter().position(|l| l.ends_with(&suffix)) {
                Some(longer) => merged_into(&mut merged, &versions[longer], &version.articles),
                None => merged_into(&mut merged, version, &[]),
            }
        }
        versions = merged;
    }
    versions
}

/// Adds `version` to `list` (or finds it there) with extra articles.
fn merged_into(list: &mut Vec<Version>, version: &Version, articles: &[usize]) {
    let at = list.iter().position(|v| v.text == version.text).unwrap_or_else(|| {
        list.push(Version { text: version.text.clone(), articles: Vec::new() });
        list.len() - 1
    });
    for article in version.articles.iter().chain(articles) {
        if !list[at].articles.contains(article) {
            list[at].articles.push(*article);
        }
    }
    list[at].articles.sort_unstable();
}

/// `3 Mar` (`3 Mar 2026` when a year is given).
fn short_date(date: crate::model::DayDate) -> String {
    let month: String = crate::model::month_name(date.month).chars().take(3).collect();
    match date.year {
        Some(year) => format!("{} {month} {year}", date.day),
        None => format!("{} {month}", date.day),
    }
}

/// What a list row leads with: the differing versions ("three / at least
/// five / four"), or for a unique detail its text.
#[must_use]
pub fn lead(comparison: &Comparison, discrepancy: &Discrepancy) -> String {
    if discrepancy.kind == DiscrepancyKind::Unique {
        let text = discrepancy
            .mentions
            .first()
            .and_then(|m| comparison.articles.get(m.at.article).map(|a| a.slice(m.span)))
            .unwrap_or_default();
        return crate::normalize::collapse_spaces(&crate::normalize::clean_line(text));
    }
    let versions = versions(comparison, discrepancy);
    if versions.is_empty() {
        return crate::normalize::clean_line(&discrepancy.summary);
    }
    versions.iter().map(|v| v.text.as_str()).collect::<Vec<_>>().join(" / ")
}

/// The outlets of some articles, joined with commas.
#[must_use]
pub fn outlets(comparison: &Comparison, articles: &[usize]) -> String {
    articles
        .iter()
        .filter_map(|a| comparison.articles.get(*a))
        .map(|a| crate::normalize::clean_line(&a.outlet))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, compare_texts};

    fn sample() -> Comparison {
        let a = "Source: Wire\n\nDam breach floods Velmora\n\nThree people were killed in the flood on \
                 Tuesday. About 4,500 residents were evacuated overnight. Engineer Yevgeny Kuznetsov warned \
                 of cracks. The mayor, Anna Berg, thanked the 40 volunteers of the Red Cross in Velmora.";
        let b = "Source: Blog\n\nVelmora under water\n\nAt least five people were killed in the flood on \
                 Tuesday. More than 4,000 residents were evacuated overnight. Engineer Yevgeny Kouznetsov \
                 warned of cracks. Soup was served.";
        compare_texts(&[("a.txt", a), ("b.txt", b)], &Settings::default())
    }

    #[test]
    fn conflicting_figures_come_first_and_unique_details_last() {
        let comparison = sample();
        let order = checker_order(&comparison);
        assert_eq!(order.len(), comparison.discrepancies.len());
        let tiers: Vec<Tier> = order.iter().map(|i| Tier::of(&comparison.discrepancies[*i])).collect();
        let mut sorted = tiers.clone();
        sorted.sort();
        assert_eq!(tiers, sorted, "tiers in order: {tiers:?}");
        assert_eq!(tiers.first(), Some(&Tier::ConflictingFigure), "{tiers:?}");
        assert_eq!(tiers.last(), Some(&Tier::Unique), "{tiers:?}");
        assert!(tiers.contains(&Tier::Name), "{tiers:?}");
        // Reading order is the engine's own.
        assert_eq!(ordered(&comparison, ListOrder::Reading), (0..comparison.discrepancies.len()).collect::<Vec<_>>());
    }

    #[test]
    fn a_detail_with_names_and_figures_outweighs_an_aside() {
        let comparison = sample();
        let uniques: Vec<usize> = checker_order(&comparison)
            .into_iter()
            .filter(|i| comparison.discrepancies[*i].kind == DiscrepancyKind::Unique)
            .collect();
        let first = lead(&comparison, &comparison.discrepancies[uniques[0]]);
        assert!(first.starts_with("The mayor, Anna Berg"), "{first}");
        let last = lead(&comparison, &comparison.discrepancies[*uniques.last().expect("a unique detail")]);
        assert_eq!(last, "Soup was served.");
    }

    #[test]
    fn rows_lead_with_the_versions() {
        let comparison = sample();
        let killed = comparison
            .discrepancies
            .iter()
            .find(|d| d.kind == DiscrepancyKind::Number && lead(&comparison, d).contains("five"))
            .expect("the death toll differs");
        assert_eq!(lead(&comparison, killed), "Three / At least five");
        let name = comparison.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::Name).expect("a name");
        let versions = versions(&comparison, name);
        assert!(versions.iter().any(|v| v.text.contains("Kouznetsov") && v.articles == [1]), "{versions:?}");
        assert!(versions.iter().any(|v| v.text.contains("Kuznetsov") && v.articles == [0]), "{versions:?}");
    }
}
