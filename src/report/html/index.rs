//! The discrepancy index (in the checker's order, by tier), the shared
//! facts and the per-fact table: views over the comparison that link back
//! into the side-by-side columns.

use super::anchors::Anchors;
use super::fragments::{Fragment, numbered_fragments};
use crate::highlight::{ArticleHighlights, MarkKind};
use crate::model::{Agreement, Comparison, Discrepancy, DiscrepancyKind, Group, SentenceRef};
use crate::report::order::Tier;

/// The discrepancies of one tier ("Conflicting figures"), in the order shown.
#[derive(Debug)]
pub struct TierView {
    /// The heading.
    pub heading: &'static str,
    /// The kind's CSS class suffix (`number`, …), for the filters.
    pub kind: &'static str,
    /// True for the details only one article reports (a compact list).
    pub compact: bool,
    /// The entries.
    pub entries: Vec<DiscrepancyView>,
}

/// One entry of the discrepancy index.
#[derive(Debug)]
pub struct DiscrepancyView {
    /// 1-based number in the checker's order (the anchor is `dN`).
    pub number: usize,
    /// `number`, `name`, `date` or `unique` (CSS class and filter).
    pub kind: &'static str,
    /// "Number", "Name", "Date", "Only one article".
    pub kind_label: &'static str,
    /// `conflicting` or `compatible`, for numbers and dates.
    pub status: Option<&'static str>,
    /// The status as shown, with a sign that reads without colour ("≠ conflicting").
    pub status_label: &'static str,
    /// What it is about.
    pub label: String,
    /// The one-line summary (empty for unique details, whose quote says it all).
    pub summary: String,
    /// The sentence id of the first mention.
    pub target: String,
    /// Each article that carries a mention, with its quotes.
    pub versions: Vec<VersionView>,
    /// Articles with no mention, for numbers, names and dates ("Not found in: …").
    pub absent: Vec<String>,
    /// The reviewer's verdict, note and corrections, if any.
    pub review: Vec<String>,
}

/// One article's version of a discrepancy.
#[derive(Debug)]
pub struct VersionView {
    /// 1-based article number.
    pub number: usize,
    /// The article's outlet.
    pub outlet: String,
    /// The sentences quoted (at most [`QUOTES_SHOWN`]).
    pub quotes: Vec<QuoteView>,
    /// Further mentions, one click away.
    pub more: Vec<QuoteView>,
}

/// How many sentences of one article a discrepancy quotes before the rest
/// fold away.
pub const QUOTES_SHOWN: usize = 2;

/// A quoted sentence.
#[derive(Debug)]
pub struct QuoteView {
    /// The sentence id in the side-by-side view.
    pub target: String,
    /// The sentence with this discrepancy's spans (and changed words) marked.
    pub fragments: Vec<Fragment>,
}

/// One shared fact (a group).
#[derive(Debug)]
pub struct FactView {
    /// 1-based number (the anchor is `gN`).
    pub number: usize,
    /// How many articles carry it.
    pub count: usize,
    /// True when every article carries it.
    pub everywhere: bool,
    /// The reference member's sentence.
    pub statement: String,
    /// The reference member's sentence id.
    pub target: String,
    /// Per article: the carrying sentence's id, or `None`.
    pub carriers: Vec<Carrier>,
    /// The reviewer's corrections that formed or changed it (empty: the engine's).
    pub review: Vec<String>,
    /// Sentences of other articles that tell it as one clause of a longer
    /// sentence (`Group::also`), in reading order.
    pub also: Vec<AlsoView>,
}

/// A sentence that tells a shared fact within a longer sentence.
#[derive(Debug)]
pub struct AlsoView {
    /// 1-based article number.
    pub number: usize,
    /// The article's outlet.
    pub outlet: String,
    /// The sentence (escaped by the template).
    pub text: String,
    /// The sentence id in the side-by-side view.
    pub target: String,
    /// The clause similarity, two decimals.
    pub similarity: String,
}

/// Whether one article carries a fact, and where.
#[derive(Debug)]
pub struct Carrier {
    /// 1-based article number.
    pub number: usize,
    /// The outlet (tooltip).
    pub outlet: String,
    /// The carrying sentence's id, if the article carries the fact.
    pub target: Option<String>,
}

/// A row of the per-fact table.
#[derive(Debug)]
pub struct FactRow {
    /// `fact`, `number`, `name`, `date` or `unique`.
    pub kind: &'static str,
    /// A short label (full text in `full`).
    pub label: String,
    /// The full statement or label (tooltip).
    pub full: String,
    /// Link to the fact or discrepancy entry (`#g3`, `#d5`).
    pub link: String,
    /// One cell per article.
    pub cells: Vec<FactCell>,
}

/// A cell of the per-fact table.
#[derive(Debug)]
pub struct FactCell {
    /// 0-based column (for the column chooser).
    pub column: usize,
    /// What to show ("About 4,500", "●"); empty when the article is silent.
    pub text: String,
    /// CSS class of the mark it shows, if any.
    pub class: &'static str,
    /// The sentence to jump to.
    pub target: Option<String>,
}

/// Builds the discrepancy index: one tier after another, each in the
/// checker's order. `review` gives the reviewer's lines of an engine index.
pub fn tiers(
    comparison: &Comparison,
    highlights: &[ArticleHighlights],
    anchors: &Anchors,
    review: &dyn Fn(usize) -> Vec<String>,
) -> Vec<TierView> {
    let mut tiers: Vec<(Tier, TierView)> = Vec::new();
    for &index in anchors.order() {
        let Some(discrepancy) = comparison.discrepancies.get(index) else { continue };
        let tier = Tier::of(discrepancy);
        let mut view = discrepancy_view(comparison, highlights, anchors, index, discrepancy);
        view.review = review(index);
        match tiers.last_mut() {
            Some((last, list)) if *last == tier => list.entries.push(view),
            _ => tiers.push((
                tier,
                TierView {
                    heading: tier.heading(),
                    kind: discrepancy.kind.as_str(),
                    compact: tier == Tier::Unique,
                    entries: vec![view],
                },
            )),
        }
    }
    tiers.into_iter().map(|(_, view)| view).collect()
}

fn discrepancy_view(
    comparison: &Comparison,
    highlights: &[ArticleHighlights],
    anchors: &Anchors,
    index: usize,
    discrepancy: &Discrepancy,
) -> DiscrepancyView {
    let mut versions: Vec<VersionView> = Vec::new();
    let mut quoted: Vec<SentenceRef> = Vec::new();
    for mention in &discrepancy.mentions {
        let at = mention.at;
        if quoted.contains(&at) {
            continue;
        }
        quoted.push(at);
        let (Some(article), Some(highlight)) = (comparison.articles.get(at.article), highlights.get(at.article)) else {
            continue;
        };
        let Some(sentence) = article.sentences.get(at.sentence) else { continue };
        // This discrepancy's spans, and the words this version words differently.
        let keep = |mark: &crate::highlight::Mark| mark.discrepancy == Some(index) || mark.kind == MarkKind::Changed;
        let quote = QuoteView {
            target: anchors.sentence_target(at),
            fragments: numbered_fragments(&article.text, sentence.span, &highlight.marks, keep, anchors.numbers()),
        };
        match versions.last_mut() {
            Some(version) if version.number == at.article + 1 => {
                if version.quotes.len() < QUOTES_SHOWN {
                    version.quotes.push(quote)
                } else {
                    version.more.push(quote)
                }
            }
            _ => versions.push(VersionView {
                number: at.article + 1,
                outlet: article.outlet.clone(),
                quotes: vec![quote],
                more: Vec::new(),
            }),
        }
    }
    let carried = discrepancy.articles();
    let absent = if !discrepancy.kind.info().versions {
        Vec::new()
    } else {
        comparison
            .articles
            .iter()
            .enumerate()
            .filter(|(a, _)| !carried.contains(a))
            .map(|(a, article)| format!("{} · {}", a + 1, article.outlet))
            .collect()
    };
    DiscrepancyView {
        number: anchors.number(index),
        kind: discrepancy.kind.as_str(),
        kind_label: kind_label(discrepancy.kind),
        status: discrepancy.agreement.map(Agreement::as_str),
        status_label: match discrepancy.agreement {
            Some(Agreement::Conflicting) => "≠ conflicting",
            Some(Agreement::Compatible) => "≈ compatible",
            Some(Agreement::Changed) => "→ changed",
            None => "",
        },
        label: discrepancy.label.clone(),
        summary: if discrepancy.kind.info().versions { discrepancy.summary.clone() } else { String::new() },
        target: discrepancy.mentions.first().map(|m| anchors.sentence_target(m.at)).unwrap_or_default(),
        versions,
        absent,
        review: Vec::new(),
    }
}

/// The name of a kind in headings and filters.
#[must_use]
pub fn kind_label(kind: DiscrepancyKind) -> &'static str {
    kind.info().title
}

/// The groups, most widely carried first (reading order among equals).
pub fn facts(comparison: &Comparison, anchors: &Anchors, review_lines: &dyn Fn(usize) -> Vec<String>) -> Vec<FactView> {
    let total = comparison.articles.len();
    let mut order: Vec<usize> = (0..comparison.groups.len()).collect();
    order.sort_by_key(|g| std::cmp::Reverse(comparison.groups[*g].article_count()));
    order
        .into_iter()
        .filter_map(|index| {
            let group = &comparison.groups[index];
            let reference = *group.members.get(group.reference)?;
            let count = group.article_count();
            Some(FactView {
                number: index + 1,
                count,
                everywhere: count == total,
                statement: comparison.sentence_text(reference).to_owned(),
                target: anchors.sentence_target(reference),
                carriers: carriers(comparison, anchors, group),
                review: review_lines(index),
                also: group
                    .also
                    .iter()
                    .filter_map(|c| {
                        Some(AlsoView {
                            number: c.at.article + 1,
                            outlet: comparison.articles.get(c.at.article)?.outlet.clone(),
                            text: comparison.sentence_text(c.at).to_owned(),
                            target: anchors.sentence_target(c.at),
                            similarity: format!("{:.2}", c.similarity),
                        })
                    })
                    .collect(),
            })
        })
        .collect()
}

fn carriers(comparison: &Comparison, anchors: &Anchors, group: &Group) -> Vec<Carrier> {
    comparison
        .articles
        .iter()
        .enumerate()
        .map(|(a, article)| Carrier {
            number: a + 1,
            outlet: article.outlet.clone(),
            target: group.members.iter().find(|m| m.article == a).map(|m| anchors.sentence_target(*m)),
        })
        .collect()
}

/// The per-fact table: figures, names and dates that differ first, then the
/// shared facts, then the details only one article reports.
pub fn fact_rows(comparison: &Comparison, anchors: &Anchors, facts: &[FactView]) -> Vec<FactRow> {
    let mut rows = Vec::new();
    let in_order =
        || anchors.order().iter().filter_map(|i| Some((anchors.number(*i), comparison.discrepancies.get(*i)?)));
    let differing = in_order().filter(|(_, d)| d.kind.info().versions);
    for (number, discrepancy) in differing {
        let class = discrepancy.kind.mark(discrepancy.agreement).map_or("", |mark| mark.info().class);
        let cells = (0..comparison.articles.len())
            .map(|column| {
                let mentions: Vec<_> = discrepancy.mentions.iter().filter(|m| m.at.article == column).collect();
                let mut texts: Vec<&str> = mentions.iter().map(|m| comparison.articles[column].slice(m.span)).collect();
                texts.dedup();
                FactCell {
                    column,
                    text: texts.join(" / "),
                    class: if mentions.is_empty() { "" } else { class },
                    target: mentions.first().map(|m| anchors.sentence_target(m.at)),
                }
            })
            .collect();
        rows.push(FactRow {
            kind: discrepancy.kind.as_str(),
            label: format!("{number} · {}", shorten(&discrepancy.label, 70)),
            full: discrepancy.summary.clone(),
            link: format!("#d{number}"),
            cells,
        });
    }
    for fact in facts {
        rows.push(FactRow {
            kind: "fact",
            label: shorten(&fact.statement, 90),
            full: fact.statement.clone(),
            link: format!("#g{}", fact.number),
            cells: fact
                .carriers
                .iter()
                .enumerate()
                .map(|(column, carrier)| FactCell {
                    column,
                    text: if carrier.target.is_some() { "●".to_owned() } else { String::new() },
                    class: "",
                    target: carrier.target.clone(),
                })
                .collect(),
        });
    }
    let unique = in_order().filter(|(_, d)| d.kind == DiscrepancyKind::Unique);
    for (number, discrepancy) in unique {
        let first = discrepancy.mentions.first();
        let statement = first.map(|m| comparison.sentence_text(m.at)).unwrap_or_default();
        rows.push(FactRow {
            kind: "unique",
            label: format!("{number} · {}", shorten(statement, 80)),
            full: statement.to_owned(),
            link: format!("#d{number}"),
            cells: (0..comparison.articles.len())
                .map(|column| {
                    let here = first.filter(|m| m.at.article == column);
                    FactCell {
                        column,
                        text: if here.is_some() { "◆".to_owned() } else { String::new() },
                        class: "",
                        target: here.map(|m| anchors.sentence_target(m.at)),
                    }
                })
                .collect(),
        });
    }
    rows
}

/// At most `limit` characters, cut at a word boundary, with an ellipsis.
pub(super) fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    let at_word = cut.rfind(' ').filter(|i| *i > limit / 2).map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("The Dravik dam collapsed, on the night", 28), "The Dravik dam collapsed…");
        assert_eq!(shorten("Ünïcödé wörds everywhere here", 12), "Ünïcödé…");
    }
}
