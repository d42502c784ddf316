//! Number discrepancies: figures about the same quantity that differ.
//!
//! Mentions are clustered by what they count (the counted noun), what
//! happened to it (killed, injured, evacuated, pledged, ...), the words
//! around them and whether their sentences were matched as one statement.
//! Different nouns or different events never merge: 1,200 people evacuated
//! and 1,200 people injured are two quantities, as are 1,200 homes and
//! 1,200 rescuers. A cluster whose values differ is a discrepancy; it is
//! compatible when one value satisfies every mention's range.

use super::{Inputs, excerpt};
use crate::model::{Agreement, Discrepancy, DiscrepancyKind, Mention, SentenceRef};
use crate::numbers::{EXCLUSIVE_EVENTS, NumberMention, QuantityClass};
use std::collections::HashMap;

/// Members of a cluster compared with a new mention: the first and the
/// latest few (average linkage on a bounded sample keeps cost linear).
const SAMPLE_HEAD: usize = 8;
const SAMPLE_TAIL: usize = 8;

struct Candidate<'a> {
    at: SentenceRef,
    mention: &'a NumberMention,
    event: Option<&'static str>,
    context: &'a [String],
    group: Option<usize>,
}

pub(super) fn find(inputs: &Inputs<'_>) -> Vec<Discrepancy> {
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for (a, sentences) in inputs.analyses.iter().enumerate() {
        for (s, analysis) in sentences.iter().enumerate() {
            let at = SentenceRef { article: a, sentence: s };
            for mention in &analysis.numbers {
                candidates.push(Candidate {
                    at,
                    mention,
                    event: mention.event,
                    context: &analysis.terms,
                    group: inputs.matching.sentence_groups[a][s],
                });
            }
        }
    }
    let clusters = cluster(&candidates, inputs);
    clusters
        .into_iter()
        .filter_map(|members| to_discrepancy(&members.iter().map(|i| &candidates[*i]).collect::<Vec<_>>(), inputs))
        .collect()
}

fn cluster(candidates: &[Candidate<'_>], inputs: &Inputs<'_>) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // Clusters by class, for lookup.
    let mut by_class: HashMap<&QuantityClass, Vec<usize>> = HashMap::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let mut best: Option<(f64, usize)> = None;
        for &cluster_index in by_class.get(&candidate.mention.class).map_or(&[][..], |v| &v[..]) {
            let members = &clusters[cluster_index];
            if members.iter().any(|m| candidates[*m].at == candidate.at) {
                continue; // two figures of one sentence are two quantities
            }
            let sample =
                members.iter().take(SAMPLE_HEAD).chain(members.iter().skip(SAMPLE_HEAD).rev().take(SAMPLE_TAIL));
            let (mut total, mut count) = (0.0, 0usize);
            for member in sample {
                total += link_score(candidate, &candidates[*member], inputs);
                count += 1;
            }
            let average = total / count.max(1) as f64;
            if average >= inputs.settings.number_link && best.is_none_or(|(score, _)| average > score) {
                best = Some((average, cluster_index));
            }
        }
        match best {
            Some((_, cluster_index)) => clusters[cluster_index].push(index),
            None => {
                by_class.entry(&candidate.mention.class).or_default().push(clusters.len());
                clusters.push(vec![index]);
            }
        }
    }
    clusters
}

/// How likely two figures are the same quantity (0 = never).
fn link_score(a: &Candidate<'_>, b: &Candidate<'_>, inputs: &Inputs<'_>) -> f64 {
    if a.mention.class != b.mention.class {
        return 0.0;
    }
    let same_group = a.group.is_some() && a.group == b.group;
    // Ages, durations and ranks are compared only within one matched statement.
    if !a.mention.class.is_strong() && !same_group {
        return 0.0;
    }
    let noun = match (&a.mention.noun, &b.mention.noun) {
        (Some(x), Some(y)) if x == y => 0.35,
        (Some(_), Some(_)) => return 0.0,
        (None, None) => 0.0,
        _ => 0.15,
    };
    let exclusive = |e: Option<&'static str>| e.filter(|e| EXCLUSIVE_EVENTS.contains(e));
    let event = match (exclusive(a.event), exclusive(b.event)) {
        (Some(x), Some(y)) if x == y => 0.35,
        (Some(_), Some(_)) => return 0.0,
        _ => 0.0,
    };
    let ignore: Vec<&str> =
        [a.mention.noun.as_deref(), b.mention.noun.as_deref(), a.event, b.event].into_iter().flatten().collect();
    let context = 0.5 * inputs.stats.similarity(a.context, b.context, &ignore);
    let group = if same_group { 0.4 } else { 0.0 };
    // Measures in the same unit behave like counts of the same noun.
    let unit = if matches!(a.mention.class, QuantityClass::Measure(_)) { 0.35 } else { 0.0 };
    noun + event + context + group + unit
}

fn to_discrepancy(members: &[&Candidate<'_>], inputs: &Inputs<'_>) -> Option<Discrepancy> {
    let mut articles: Vec<usize> = members.iter().map(|m| m.at.article).collect();
    articles.sort_unstable();
    articles.dedup();
    let mut values: Vec<f64> = members.iter().map(|m| m.mention.figure.value).collect();
    values.sort_by(f64::total_cmp);
    values.dedup_by(|a, b| (*a - *b).abs() <= 1e-9 * a.abs().max(1.0));
    if articles.len() < 2 || values.len() < 2 {
        return None;
    }
    let low = members.iter().map(|m| m.mention.figure.low).fold(f64::MIN, f64::max);
    let high = members.iter().map(|m| m.mention.figure.high).fold(f64::MAX, f64::min);
    let agreement = if low <= high { Agreement::Compatible } else { Agreement::Conflicting };
    let label = label(members);
    let mut versions: Vec<String> = Vec::new();
    for article in &articles {
        let surfaces: Vec<String> = members
            .iter()
            .filter(|m| m.at.article == *article)
            .map(|m| inputs.articles[m.at.article].slice(m.mention.span).to_owned())
            .fold(Vec::new(), |mut list, s| {
                if !list.contains(&s) {
                    list.push(s);
                }
                list
            });
        versions.push(format!("{} ({})", surfaces.join(", "), inputs.articles[*article].outlet));
    }
    let summary = excerpt(&format!("{label}: {} — {}", versions.join(" vs "), agreement.as_str()), 240);
    let mentions = members
        .iter()
        .map(|m| Mention { at: m.at, span: m.mention.span, figure: Some(m.mention.figure.clone()), date: None })
        .collect();
    Some(Discrepancy { kind: DiscrepancyKind::Number, summary, agreement: Some(agreement), label, mentions })
}

/// "people killed", "homes flooded", "EUR damage": the most common counted
/// noun (as written) and event among the members.
fn label(members: &[&Candidate<'_>]) -> String {
    let noun = most_common(members.iter().filter_map(|m| m.mention.noun_text.as_deref().map(str::to_lowercase)));
    let event = most_common(members.iter().filter_map(|m| m.event.map(event_word)));
    let class = match &members[0].mention.class {
        QuantityClass::Money(code) => Some(code.clone()),
        QuantityClass::Percent => Some("share".into()),
        QuantityClass::Measure(unit) => Some(unit.clone()),
        QuantityClass::Duration => Some("duration".into()),
        QuantityClass::Age => Some("age".into()),
        QuantityClass::Ordinal => Some("rank".into()),
        QuantityClass::Count => None,
    };
    let parts: Vec<String> = match &members[0].mention.class {
        QuantityClass::Percent => [class, noun.map(|n| format!("of {n}")), event].into_iter().flatten().collect(),
        _ => [class, noun, event].into_iter().flatten().collect(),
    };
    if parts.is_empty() { "figure".into() } else { parts.join(" ") }
}

fn event_word(event: &str) -> String {
    match event {
        "~die" => "killed",
        "~injur" => "injured",
        "~evacu" => "evacuated",
        "~missing" => "missing",
        "~arrest" => "arrested",
        "~damag" => "damage",
        "~promis" => "pledged",
        "~collaps" => "collapse",
        "flood" => "flooded",
        "deploy" => "deployed",
        other => other.trim_start_matches('~'),
    }
    .to_owned()
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
