//! A comparison as the reviewer corrected it: corrections applied in the
//! order they were made (the discrepancies they touch recomputed from them),
//! then every verdict attached to the discrepancy it judged.
//!
//! Each discrepancy a correction shaped lists that correction
//! ([`Entry::corrections`]), so views and reports can say "the reviewer's
//! correction" and never pass it off as the engine's finding.

use super::fingerprint::{self, ArticleMap, Fingerprint, MentionKey, mention_key};
use super::model::{Change, Review, Verdict};
use crate::discrepancies::{articles_differ, excerpt, reading_position};
use crate::model::{
    Agreement, Article, Comparison, Discrepancy, DiscrepancyKind, Evidence, Group, MemberDiff, Mention, SentenceKind,
    SentenceRef,
};

/// The review of one discrepancy of [`Reviewed::comparison`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The attached judgement (index into the review's `verdicts`).
    pub judgement: Option<usize>,
    /// The corrections that shaped it (indices into the review's `corrections`).
    pub corrections: Vec<usize>,
    /// Its fingerprint (what a new verdict on it is keyed to).
    pub fingerprint: Fingerprint,
}

/// A comparison with a review applied.
#[derive(Debug, Clone)]
pub struct Reviewed {
    /// The comparison, corrected.
    pub comparison: Comparison,
    /// The review applied.
    pub review: Review,
    /// One entry per discrepancy of `comparison`.
    pub entries: Vec<Entry>,
    /// Per group of `comparison`: the corrections that formed or changed it.
    pub group_corrections: Vec<Vec<usize>>,
    /// Verdicts whose discrepancy is gone (indices into `review.verdicts`): shown as stale.
    pub stale_verdicts: Vec<usize>,
    /// Corrections whose sentences or figures are gone (indices into `review.corrections`).
    pub stale_corrections: Vec<usize>,
    /// Articles whose content changed since the review.
    pub changed_articles: Vec<usize>,
    /// Set when only discrepancies with this verdict are kept (the editor's summary).
    pub only: Option<Verdict>,
}

/// The work in progress: the comparison and, in parallel, which
/// corrections shaped each discrepancy and each group.
struct Work {
    comparison: Comparison,
    origins: Vec<Vec<usize>>,
    group_origins: Vec<Vec<usize>>,
}

/// Applies `review` to `base`.
#[must_use]
pub fn apply(base: &Comparison, review: &Review) -> Reviewed {
    let map = ArticleMap::new(&review.articles, base);
    let mut work = Work {
        origins: vec![Vec::new(); base.discrepancies.len()],
        group_origins: vec![Vec::new(); base.groups.len()],
        comparison: base.clone(),
    };
    let mut stale_corrections = Vec::new();
    for (index, correction) in review.corrections.iter().enumerate() {
        if !work.apply(&correction.change, index, &map) {
            stale_corrections.push(index);
        }
    }
    work.sort();
    let Work { comparison, origins, group_origins } = work;
    let fingerprints: Vec<Fingerprint> =
        comparison.discrepancies.iter().map(|d| Fingerprint::of(&comparison, d)).collect();
    let mut judgements: Vec<Option<usize>> = vec![None; fingerprints.len()];
    let mut stale_verdicts = Vec::new();
    let targets: Vec<Fingerprint> = review.verdicts.iter().map(|j| map.fingerprint(&j.target)).collect();
    // Exact matches first, so a near match never takes a verdict's own item.
    let mut pending: Vec<usize> = Vec::new();
    for (v, target) in targets.iter().enumerate() {
        match fingerprints.iter().position(|f| f == target) {
            Some(d) if judgements[d].is_none() => judgements[d] = Some(v),
            _ => pending.push(v),
        }
    }
    for v in pending {
        // A near match re-attaches a verdict when parallax finds a little
        // more or less, never when a sentence it judged was edited since.
        let edited_away = |d: usize| {
            review.verdicts[v]
                .target
                .mentions
                .iter()
                .any(|m| map.edited(&m.article) && !fingerprints[d].mentions.contains(&map.mention(m)))
        };
        match fingerprint::attach(&targets[v], &fingerprints) {
            Some(d) if judgements[d].is_none() && !edited_away(d) => judgements[d] = Some(v),
            _ => stale_verdicts.push(v),
        }
    }
    let entries = fingerprints
        .into_iter()
        .zip(judgements)
        .zip(origins)
        .map(|((fingerprint, judgement), corrections)| Entry { judgement, corrections, fingerprint })
        .collect();
    Reviewed {
        comparison,
        review: review.clone(),
        entries,
        group_corrections: group_origins,
        stale_verdicts,
        stale_corrections,
        changed_articles: map.changed,
        only: None,
    }
}

impl Work {
    /// Applies one correction; false when what it names is gone.
    fn apply(&mut self, change: &Change, index: usize, map: &ArticleMap) -> bool {
        match change {
            Change::SameQuantity { a, b } => self.same_quantity(&map.mention(a), &map.mention(b), index),
            Change::DifferentQuantity { figure } => self.take_out(&map.mention(figure), DiscrepancyKind::Number, index),
            Change::DifferentDate { date } => self.take_out(&map.mention(date), DiscrepancyKind::Date, index),
            Change::NotSamePerson { names, apart } => self.not_same_person(&map.fingerprint(names), apart, index),
            Change::SameStatement { a, b } => {
                let found = (
                    fingerprint::find_sentence(&self.comparison, &map.sentence(a)),
                    fingerprint::find_sentence(&self.comparison, &map.sentence(b)),
                );
                match found {
                    (Some(a), Some(b)) => {
                        self.same_statement(a, b, index);
                        true
                    }
                    _ => false,
                }
            }
            Change::DifferentStatement { sentence } => {
                match fingerprint::find_sentence(&self.comparison, &map.sentence(sentence)) {
                    Some(at) => {
                        self.different_statement(at, index);
                        true
                    }
                    None => false,
                }
            }
        }
    }

    /// The number discrepancy and mention a key names.
    fn find_figure(&self, key: &MentionKey) -> Option<(usize, usize)> {
        self.find_mention(key, DiscrepancyKind::Number)
    }

    /// The discrepancy of `kind` holding the mention `key`, and its place there.
    fn find_mention(&self, key: &MentionKey, kind: DiscrepancyKind) -> Option<(usize, usize)> {
        self.comparison.discrepancies.iter().enumerate().filter(|(_, d)| d.kind == kind).find_map(|(d, discrepancy)| {
            discrepancy.mentions.iter().position(|m| mention_key(&self.comparison, m) == *key).map(|m| (d, m))
        })
    }

    /// "Same quantity": two figures' discrepancies become one; a figure in
    /// no discrepancy (one the engine did not tie to any other) joins the
    /// other's, and two such figures form a discrepancy of their own.
    fn same_quantity(&mut self, a: &MentionKey, b: &MentionKey, index: usize) -> bool {
        let (da, db) = match (self.find_figure(a), self.find_figure(b)) {
            (Some((da, _)), Some((db, _))) => (da, db),
            (Some((d, _)), None) => return self.add_figure(d, b, index),
            (None, Some((d, _))) => return self.add_figure(d, a, index),
            (None, None) => {
                let (Some(first), Some(second)) = (self.lone_figure(a), self.lone_figure(b)) else { return false };
                let label = self.figure_label(&first);
                self.comparison.discrepancies.push(Discrepancy {
                    kind: DiscrepancyKind::Number,
                    summary: String::new(),
                    agreement: None,
                    label,
                    mentions: vec![first, second],
                });
                self.origins.push(vec![index]);
                self.refresh(self.comparison.discrepancies.len() - 1);
                return true;
            }
        };
        if da == db {
            return true;
        }
        let taken = self.comparison.discrepancies[db].mentions.clone();
        let taken_origins = std::mem::take(&mut self.origins[db]);
        let kept = &mut self.comparison.discrepancies[da];
        kept.mentions.extend(taken);
        kept.mentions.sort_by_key(|m| (m.at, m.span));
        kept.mentions.dedup_by_key(|m| (m.at, m.span));
        self.origins[da].extend(taken_origins);
        self.origins[da].push(index);
        self.remove_discrepancy(db);
        let da = if db < da { da - 1 } else { da };
        self.refresh(da);
        true
    }

    /// A figure in no number discrepancy joins discrepancy `d`.
    fn add_figure(&mut self, d: usize, key: &MentionKey, index: usize) -> bool {
        let Some(mention) = self.lone_figure(key) else { return false };
        let discrepancy = &mut self.comparison.discrepancies[d];
        discrepancy.mentions.push(mention);
        discrepancy.mentions.sort_by_key(|m| (m.at, m.span));
        discrepancy.mentions.dedup_by_key(|m| (m.at, m.span));
        self.origins[d].push(index);
        self.refresh(d);
        true
    }

    /// A figure the articles state, by its key, as a mention (whether or
    /// not any discrepancy shows it).
    fn lone_figure(&self, key: &MentionKey) -> Option<Mention> {
        let comparison = &self.comparison;
        comparison.articles.iter().enumerate().filter(|(_, a)| a.provenance.content_sha256 == key.article).find_map(
            |(a, article)| {
                comparison.figures.get(a)?.iter().find_map(|reading| {
                    let sentence = article.sentences.get(reading.sentence)?;
                    (article.slice(sentence.span) == key.sentence && article.slice(reading.span) == key.text).then(
                        || Mention {
                            at: SentenceRef { article: a, sentence: reading.sentence },
                            span: reading.span,
                            evidence: Evidence::Figure(reading.figure.clone()),
                        },
                    )
                })
            },
        )
    }

    /// What a figure the reviewer tied to another counts: its quantity's
    /// label when the engine listed one, else its unit, else its sentence.
    fn figure_label(&self, mention: &Mention) -> String {
        let comparison = &self.comparison;
        let reading = comparison
            .figures
            .get(mention.at.article)
            .and_then(|figures| figures.iter().find(|r| r.span == mention.span));
        let quantity = reading.and_then(|r| comparison.quantities.get(r.quantity?)).map(|q| q.label.clone());
        let unit = mention.figure().map(|f| f.unit.clone()).filter(|u| !u.trim().is_empty());
        quantity
            .filter(|l| !l.trim().is_empty())
            .or(unit)
            .unwrap_or_else(|| excerpt(comparison.sentence_text(mention.at), 40))
    }

    /// "Different quantities" (a figure) or "a different date" (a date):
    /// the mention leaves its discrepancy, which is recomputed (and goes
    /// when its versions no longer differ).
    fn take_out(&mut self, figure: &MentionKey, kind: DiscrepancyKind, index: usize) -> bool {
        let Some((d, _)) = self.find_mention(figure, kind) else { return false };
        let comparison = &self.comparison;
        let keep: Vec<Mention> = comparison.discrepancies[d]
            .mentions
            .iter()
            .filter(|m| mention_key(comparison, m) != *figure)
            .cloned()
            .collect();
        self.comparison.discrepancies[d].mentions = keep;
        self.origins[d].push(index);
        self.refresh(d);
        true
    }

    fn not_same_person(&mut self, names: &Fingerprint, apart: &[String], index: usize) -> bool {
        let current: Vec<Fingerprint> = self
            .comparison
            .discrepancies
            .iter()
            .map(|d| {
                if d.kind == DiscrepancyKind::Name {
                    Fingerprint::of(&self.comparison, d)
                } else {
                    Fingerprint { kind: String::new(), mentions: Vec::new() }
                }
            })
            .collect();
        let Some(d) = fingerprint::attach(names, &current) else { return false };
        let original = self.comparison.discrepancies[d].clone();
        let articles = &self.comparison.articles;
        let (away, stay): (Vec<Mention>, Vec<Mention>) = original.mentions.iter().cloned().partition(|m| {
            let text = articles.get(m.at.article).map(|a| a.slice(m.span)).unwrap_or_default();
            apart.iter().any(|s| s == text)
        });
        let origins = self.origins[d].clone();
        self.comparison.discrepancies[d].mentions = stay;
        self.origins[d].push(index);
        let split = Discrepancy { mentions: away, ..original };
        self.comparison.discrepancies.push(split);
        let mut split_origins = origins;
        split_origins.push(index);
        self.origins.push(split_origins);
        let last = self.comparison.discrepancies.len() - 1;
        // The later index first, so the earlier stays where it is.
        self.refresh(last);
        self.refresh(d);
        true
    }

    fn same_statement(&mut self, a: SentenceRef, b: SentenceRef, index: usize) {
        let groups = (self.comparison.group_of(a), self.comparison.group_of(b));
        let target = match groups {
            (Some(ga), Some(gb)) if ga == gb => return,
            (Some(ga), Some(gb)) => {
                let moved = self.comparison.groups[gb].members.clone();
                self.comparison.groups[ga].members.extend(moved);
                let origins = std::mem::take(&mut self.group_origins[gb]);
                self.group_origins[ga].extend(origins);
                self.comparison.groups[gb].members.clear();
                ga
            }
            (Some(g), None) => {
                self.comparison.groups[g].members.push(b);
                g
            }
            (None, Some(g)) => {
                self.comparison.groups[g].members.push(a);
                g
            }
            (None, None) => {
                self.comparison.groups.push(Group {
                    members: vec![a, b],
                    similarity: 0.0,
                    reference: 0,
                    diffs: vec![],
                    also: vec![],
                });
                self.group_origins.push(Vec::new());
                self.comparison.groups.len() - 1
            }
        };
        self.group_origins[target].push(index);
        let reference = {
            let group = &self.comparison.groups[target];
            group.members.get(group.reference).copied()
        };
        let group = &mut self.comparison.groups[target];
        group.members.sort_unstable();
        group.members.dedup();
        group.reference = reference.and_then(|r| group.members.iter().position(|m| *m == r)).unwrap_or(0);
        self.regroup();
        // Sentences now grouped are no longer details only one article reports.
        for d in (0..self.comparison.discrepancies.len()).rev() {
            let comparison = &self.comparison;
            let detail = &comparison.discrepancies[d];
            if detail.kind != DiscrepancyKind::Unique
                || detail.mentions.iter().all(|m| comparison.group_of(m.at).is_none())
            {
                continue;
            }
            let keep: Vec<Mention> =
                detail.mentions.iter().filter(|m| comparison.group_of(m.at).is_none()).cloned().collect();
            self.comparison.discrepancies[d].mentions = keep;
            self.origins[d].push(index);
            self.refresh(d);
        }
    }

    fn different_statement(&mut self, at: SentenceRef, index: usize) {
        let Some(g) = self.comparison.group_of(at) else { return };
        let group = &mut self.comparison.groups[g];
        group.members.retain(|m| *m != at);
        let mut loose = vec![at];
        if group.article_count() < 2 {
            loose.append(&mut group.members);
        }
        self.group_origins[g].push(index);
        let reference =
            self.comparison.groups[g].reference.min(self.comparison.groups[g].members.len().saturating_sub(1));
        self.comparison.groups[g].reference = reference;
        self.regroup();
        // Dates are compared within a statement: the sentences that left it
        // take their dates out of its date discrepancy.
        for d in (0..self.comparison.discrepancies.len()).rev() {
            let discrepancy = &mut self.comparison.discrepancies[d];
            if discrepancy.kind != DiscrepancyKind::Date || !discrepancy.mentions.iter().any(|m| loose.contains(&m.at))
            {
                continue;
            }
            discrepancy.mentions.retain(|m| !loose.contains(&m.at));
            self.origins[d].push(index);
            self.refresh(d);
        }
        // Content sentences left without a group are details only their article reports.
        for sentence in loose {
            let Some(article) = self.comparison.articles.get(sentence.article) else { continue };
            let Some(s) = article.sentences.get(sentence.sentence) else { continue };
            if s.kind != SentenceKind::Content {
                continue;
            }
            let mut detail = Discrepancy {
                kind: DiscrepancyKind::Unique,
                summary: String::new(),
                agreement: None,
                label: String::new(),
                mentions: vec![Mention { at: sentence, span: s.span, evidence: Evidence::Detail(Vec::new()) }],
            };
            describe_unique(&mut detail, &self.comparison.articles);
            self.comparison.discrepancies.push(detail);
            self.origins.push(vec![index]);
        }
    }

    /// Drops emptied groups, orders groups by first member, recomputes
    /// their diffs and the sentence → group table.
    fn regroup(&mut self) {
        let comparison = &mut self.comparison;
        let mut groups: Vec<(Group, Vec<usize>)> = std::mem::take(&mut comparison.groups)
            .into_iter()
            .zip(std::mem::take(&mut self.group_origins))
            .filter(|(g, _)| g.members.len() >= 2)
            .collect();
        groups.sort_by_key(|(g, _)| g.members.first().copied());
        for (group, _) in &mut groups {
            group.reference = group.reference.min(group.members.len() - 1);
            group.diffs = diffs(&comparison.articles, group);
        }
        let (groups, origins): (Vec<Group>, Vec<Vec<usize>>) = groups.into_iter().unzip();
        comparison.groups = groups;
        self.group_origins = origins;
        comparison.sentence_groups = comparison.articles.iter().map(|a| vec![None; a.sentences.len()]).collect();
        for (g, group) in comparison.groups.iter().enumerate() {
            for member in &group.members {
                if let Some(slot) =
                    comparison.sentence_groups.get_mut(member.article).and_then(|s| s.get_mut(member.sentence))
                {
                    *slot = Some(g);
                }
            }
        }
    }

    fn remove_discrepancy(&mut self, d: usize) {
        self.comparison.discrepancies.remove(d);
        self.origins.remove(d);
    }

    /// Recomputes discrepancy `d` from its mentions (agreement, label,
    /// summary); drops it when its versions no longer differ.
    fn refresh(&mut self, d: usize) {
        let articles = &self.comparison.articles;
        let Some(discrepancy) = self.comparison.discrepancies.get_mut(d) else { return };
        let keep = match discrepancy.kind {
            DiscrepancyKind::Unique => {
                describe_unique(discrepancy, articles);
                !discrepancy.mentions.is_empty()
            }
            DiscrepancyKind::Number => describe_number(discrepancy, articles),
            DiscrepancyKind::Name => describe_name(discrepancy, articles),
            DiscrepancyKind::Date => describe_date(discrepancy, articles),
        };
        if !keep {
            self.remove_discrepancy(d);
        }
    }

    /// Back in reading order, as the engine orders the list.
    fn sort(&mut self) {
        let mut list: Vec<(Discrepancy, Vec<usize>)> = std::mem::take(&mut self.comparison.discrepancies)
            .into_iter()
            .zip(std::mem::take(&mut self.origins))
            .collect();
        for (discrepancy, origins) in &mut list {
            discrepancy.mentions.sort_by_key(|m| (m.at, m.span));
            origins.sort_unstable();
            origins.dedup();
        }
        list.sort_by_cached_key(|(d, _)| reading_position(d));
        let (list, origins) = list.into_iter().unzip();
        self.comparison.discrepancies = list;
        self.origins = origins;
        for origins in &mut self.group_origins {
            origins.sort_unstable();
            origins.dedup();
        }
    }
}

/// Word differences of every member against the group's reference.
fn diffs(articles: &[Article], group: &Group) -> Vec<MemberDiff> {
    let text = |at: SentenceRef| -> (&str, usize) {
        articles
            .get(at.article)
            .and_then(|a| a.sentences.get(at.sentence).map(|s| (a.slice(s.span), s.span.start)))
            .unwrap_or(("", 0))
    };
    let reference = group.members.get(group.reference).copied();
    group
        .members
        .iter()
        .map(|member| match reference {
            Some(r) if r != *member => {
                let ((ours, start), (theirs, reference_start)) = (text(*member), text(r));
                let (changed, reference_changed) = crate::matching::word_diff(ours, theirs);
                MemberDiff {
                    changed: changed.into_iter().map(|s| s.shifted(start)).collect(),
                    reference_changed: reference_changed.into_iter().map(|s| s.shifted(reference_start)).collect(),
                }
            }
            _ => MemberDiff { changed: Vec::new(), reference_changed: Vec::new() },
        })
        .collect()
}

/// A unique detail's label and summary, as the engine words them.
fn describe_unique(detail: &mut Discrepancy, articles: &[Article]) {
    let Some(first) = detail.mentions.first() else { return };
    let Some(article) = articles.get(first.at.article) else { return };
    let text = article.slice(first.span);
    detail.label = excerpt(text, 60);
    let more =
        if detail.mentions.len() > 1 { format!(" (+{} more)", detail.mentions.len() - 1) } else { String::new() };
    detail.summary =
        DiscrepancyKind::Unique.summary(&[("outlet", &article.outlet), ("text", &excerpt(text, 160)), ("more", &more)]);
}

/// Each article's versions, `text (outlet)`, in article order.
fn versions(discrepancy: &Discrepancy, articles: &[Article]) -> Vec<String> {
    discrepancy
        .articles()
        .into_iter()
        .filter_map(|a| {
            let article = articles.get(a)?;
            let mut surfaces: Vec<&str> = Vec::new();
            for mention in discrepancy.mentions.iter().filter(|m| m.at.article == a) {
                let text = article.slice(mention.span);
                if !surfaces.contains(&text) {
                    surfaces.push(text);
                }
            }
            Some(format!("{} ({})", surfaces.join(", "), article.outlet))
        })
        .collect()
}

/// A number discrepancy's agreement and summary; false when its figures no
/// longer differ across two articles.
fn describe_number(discrepancy: &mut Discrepancy, articles: &[Article]) -> bool {
    let figures: Vec<_> = discrepancy.mentions.iter().filter_map(Mention::figure).collect();
    if discrepancy.articles().len() < 2 || figures.is_empty() || !articles_differ(discrepancy, articles) {
        return false;
    }
    let low = figures.iter().map(|f| f.low).fold(f64::MIN, f64::max);
    let high = figures.iter().map(|f| f.high).fold(f64::MAX, f64::min);
    let agreement = if low <= high { Agreement::Compatible } else { Agreement::Conflicting };
    discrepancy.agreement = Some(agreement);
    let kind = DiscrepancyKind::Number;
    let versions = kind.info().join(&versions(discrepancy, articles));
    discrepancy.summary =
        kind.summary(&[("label", &discrepancy.label), ("versions", &versions), ("agreement", agreement.as_str())]);
    true
}

/// A date discrepancy's summary, as the engine words it (each day with the
/// outlets that give it); false when one day, or one article, is left.
fn describe_date(discrepancy: &mut Discrepancy, articles: &[Article]) -> bool {
    let dated: Vec<(usize, (i8, i8))> =
        discrepancy.mentions.iter().filter_map(|m| m.date().map(|d| (m.at.article, (d.month, d.day)))).collect();
    let mut days: Vec<(i8, i8)> = dated.iter().map(|(_, day)| *day).collect();
    days.sort_unstable();
    days.dedup();
    if days.len() < 2 || discrepancy.articles().len() < 2 {
        return false;
    }
    let versions: Vec<String> = days
        .iter()
        .map(|(month, day)| {
            let mut outlets: Vec<&str> = dated
                .iter()
                .filter(|(_, d)| *d == (*month, *day))
                .filter_map(|(a, _)| articles.get(*a).map(|a| a.outlet.as_str()))
                .collect();
            outlets.dedup();
            format!("{} {day} ({})", crate::model::month_name(*month), outlets.join(", "))
        })
        .collect();
    let kind = DiscrepancyKind::Date;
    discrepancy.summary = kind.summary(&[("versions", &kind.info().join(&versions)), ("label", &discrepancy.label)]);
    true
}

/// A name discrepancy's label and summary; false when one spelling is left.
fn describe_name(discrepancy: &mut Discrepancy, articles: &[Article]) -> bool {
    let mut forms: Vec<&str> = Vec::new();
    for mention in &discrepancy.mentions {
        let text = articles.get(mention.at.article).map(|a| a.slice(mention.span)).unwrap_or_default();
        if !forms.contains(&text) {
            forms.push(text);
        }
    }
    if forms.len() < 2 || !articles_differ(discrepancy, articles) {
        return false;
    }
    let versions: Vec<String> = forms
        .iter()
        .map(|form| {
            let mut outlets: Vec<&str> = discrepancy
                .mentions
                .iter()
                .filter(|m| articles.get(m.at.article).map(|a| a.slice(m.span)) == Some(*form))
                .filter_map(|m| articles.get(m.at.article).map(|a| a.outlet.as_str()))
                .collect();
            outlets.dedup();
            format!("{form} ({})", outlets.join(", "))
        })
        .collect();
    discrepancy.label = forms.iter().max_by_key(|f| f.split(' ').count()).map(|f| (*f).to_owned()).unwrap_or_default();
    let kind = DiscrepancyKind::Name;
    discrepancy.summary = kind.summary(&[("versions", &kind.info().join(&versions))]);
    true
}
