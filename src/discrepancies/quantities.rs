//! Number discrepancies: figures about the same quantity that differ.
//!
//! Mentions are clustered by what they count (the counted noun), what
//! happened to it (killed, injured, evacuated, pledged, ...), the words
//! around them and whether their sentences were matched as one statement.
//! Different nouns or different events never merge: 1,200 people evacuated
//! and 1,200 people injured are two quantities, as are 1,200 homes and
//! 1,200 rescuers. A cluster whose values differ is a discrepancy; it is
//! compatible when one value satisfies every mention's range.

use super::Inputs;
use crate::model::{Agreement, Discrepancy, DiscrepancyKind, Evidence, Mention, SentenceRef};
use crate::numbers::{EXCLUSIVE_EVENTS, NumberMention, QuantityClass};
use crate::tokens::Term;
use std::collections::HashMap;

/// Members of a cluster compared with a new mention: the first and the
/// latest few (average linkage on a bounded sample keeps cost linear).
const SAMPLE_HEAD: usize = 6;
const SAMPLE_TAIL: usize = 6;
/// Clusters looked up per key: the most recent ones.
const CANDIDATES_PER_KEY: usize = 32;
/// Rare context words used as lookup keys.
const CONTEXT_KEYS: usize = 3;

struct Candidate<'a> {
    at: SentenceRef,
    mention: &'a NumberMention,
    event: Option<&'static str>,
    /// IDF-weighted, unit-length context words (term id, weight), sorted by id.
    context: Vec<(u32, f32)>,
    group: Option<usize>,
}

/// The number finder.
pub(super) struct Quantities;

impl super::Finder for Quantities {
    fn kind(&self) -> DiscrepancyKind {
        DiscrepancyKind::Number
    }

    fn find(&self, inputs: &Inputs<'_>) -> Vec<Discrepancy> {
        find(inputs)
    }
}

fn find(inputs: &Inputs<'_>) -> Vec<Discrepancy> {
    let mut vocabulary: HashMap<&Term, u32> = HashMap::new();
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for (a, sentences) in inputs.analyses.iter().enumerate() {
        for (s, analysis) in sentences.iter().enumerate() {
            let at = SentenceRef { article: a, sentence: s };
            for mention in &analysis.numbers {
                let context = context_vector(&analysis.terms, mention, inputs, &mut vocabulary);
                candidates.push(Candidate {
                    at,
                    mention,
                    event: mention.event,
                    context,
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

/// The words around a figure, weighted by rarity: the sentence's plain
/// terms without figures, keys, names' own words, the counted noun and the
/// event (those are compared on their own).
fn context_vector<'a>(
    terms: &'a [Term],
    mention: &NumberMention,
    inputs: &Inputs<'_>,
    vocabulary: &mut HashMap<&'a Term, u32>,
) -> Vec<(u32, f32)> {
    let mut vector: Vec<(u32, f32)> = terms
        .iter()
        .filter(|t| t.is_word() || matches!(t, Term::Name(_)))
        .filter(|t| {
            let word = t.word_text();
            word.is_none() || (word != mention.noun.as_deref() && word != mention.event)
        })
        .map(|t| {
            let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
            (*vocabulary.entry(t).or_insert(next), inputs.stats.idf(t) as f32)
        })
        .collect();
    vector.sort_by_key(|(id, _)| *id);
    vector.dedup_by_key(|(id, _)| *id);
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, weight) in &mut vector {
            *weight /= norm;
        }
    }
    vector
}

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut total) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                total += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    f64::from(total)
}

/// Lookup keys of a mention: its noun, event, matched statement and rarest
/// context words. Clusters are found through them, never by a full scan.
fn lookup_keys(candidate: &Candidate<'_>) -> Vec<(u8, u64)> {
    let mut keys: Vec<(u8, u64)> = Vec::new();
    let hash = |text: &str| {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        hasher.finish()
    };
    if let Some(noun) = &candidate.mention.noun {
        keys.push((0, hash(noun)));
    }
    if let Some(event) = candidate.event {
        keys.push((1, hash(event)));
    }
    if let Some(group) = candidate.group {
        keys.push((2, group as u64));
    }
    let mut rare: Vec<&(u32, f32)> = candidate.context.iter().collect();
    rare.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    keys.extend(rare.iter().take(CONTEXT_KEYS).map(|(id, _)| (3, u64::from(*id))));
    keys
}

/// Pairs of figures (by class and value bits) that some sentence states
/// side by side: "$334 million, of which $281 million in cash" shows those
/// are two quantities, wherever else they appear.
type Apart<'a> = std::collections::HashSet<(&'a QuantityClass, u64, u64)>;

fn stated_apart<'a>(candidates: &[Candidate<'a>]) -> Apart<'a> {
    let mut apart = Apart::new();
    let mut start = 0;
    while start < candidates.len() {
        let end = candidates[start..]
            .iter()
            .position(|c| c.at != candidates[start].at)
            .map_or(candidates.len(), |n| start + n);
        for a in &candidates[start..end] {
            for b in &candidates[start..end] {
                let (x, y) = (a.mention.figure.value.to_bits(), b.mention.figure.value.to_bits());
                if a.mention.class == b.mention.class && x != y {
                    apart.insert((&a.mention.class, x, y));
                }
            }
        }
        start = end;
    }
    apart
}

fn cluster(candidates: &[Candidate<'_>], inputs: &Inputs<'_>) -> Vec<Vec<usize>> {
    let apart = stated_apart(candidates);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut sentences: Vec<std::collections::HashSet<SentenceRef>> = Vec::new();
    // Per cluster and article, the lowest upper bound and the highest lower
    // bound of its members' figures: whether a figure is disjoint from some
    // member of its own article is then one lookup, not a scan of a cluster
    // that a long article can grow to thousands of members.
    let mut bounds: Vec<HashMap<usize, (f64, f64)>> = Vec::new();
    let mut index_of: HashMap<(&QuantityClass, (u8, u64)), Vec<usize>> = HashMap::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let keys = lookup_keys(candidate);
        let mut looked_up: Vec<usize> = keys
            .iter()
            .filter_map(|key| index_of.get(&(&candidate.mention.class, *key)))
            .flat_map(|list| list.iter().rev().take(CANDIDATES_PER_KEY).copied())
            .collect();
        looked_up.sort_unstable();
        looked_up.dedup();
        let mut best: Option<(f64, usize)> = None;
        for cluster_index in looked_up {
            // Two figures of one sentence are two quantities; and figures of
            // one article that cannot both be true ("five" and "170,000")
            // count two things: an article rarely contradicts itself, so
            // merging them is the likelier error.
            if sentences[cluster_index].contains(&candidate.at) {
                continue;
            }
            let members = &clusters[cluster_index];
            let figure = &candidate.mention.figure;
            let same_article_other_value = bounds[cluster_index]
                .get(&candidate.at.article)
                .is_some_and(|(lowest_high, highest_low)| *lowest_high < figure.low || figure.high < *highest_low);
            if same_article_other_value {
                continue;
            }
            let sample =
                members.iter().take(SAMPLE_HEAD).chain(members.iter().skip(SAMPLE_HEAD).rev().take(SAMPLE_TAIL));
            let (mut total, mut count) = (0.0, 0usize);
            for member in sample {
                let other = &candidates[*member];
                let key = (
                    &candidate.mention.class,
                    candidate.mention.figure.value.to_bits(),
                    other.mention.figure.value.to_bits(),
                );
                if !apart.contains(&key) {
                    total += link_score(candidate, other);
                }
                count += 1;
            }
            let average = total / count.max(1) as f64;
            if average >= inputs.settings.number_link && best.is_none_or(|(score, _)| average > score) {
                best = Some((average, cluster_index));
            }
        }
        let target = match best {
            Some((_, cluster_index)) => cluster_index,
            None => {
                clusters.push(Vec::new());
                sentences.push(std::collections::HashSet::new());
                bounds.push(HashMap::new());
                clusters.len() - 1
            }
        };
        clusters[target].push(index);
        sentences[target].insert(candidate.at);
        let figure = &candidate.mention.figure;
        let (lowest_high, highest_low) =
            bounds[target].entry(candidate.at.article).or_insert((f64::INFINITY, f64::NEG_INFINITY));
        *lowest_high = lowest_high.min(figure.high);
        *highest_low = highest_low.max(figure.low);
        for key in keys {
            let list = index_of.entry((&candidate.mention.class, key)).or_default();
            if list.last() != Some(&target) && !list.iter().rev().take(8).any(|c| *c == target) {
                list.push(target);
            }
        }
    }
    clusters
}

/// How likely two figures are the same quantity (0 = never).
fn link_score(a: &Candidate<'_>, b: &Candidate<'_>) -> f64 {
    if a.mention.class != b.mention.class {
        return 0.0;
    }
    let same_group = a.group.is_some() && a.group == b.group;
    // Figures twenty times apart are different quantities unless the
    // sentences were matched as one statement (then it is a typo worth showing).
    let (x, y) = (a.mention.figure.value.abs(), b.mention.figure.value.abs());
    if !same_group && x.min(y) > 0.0 && x.max(y) / x.min(y) > 20.0 {
        return 0.0;
    }
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
    // What happened tells counts and sums apart ("killed" vs "injured",
    // "pledged" vs "damage"); a magnitude or a share only sits near the event.
    let events_matter = matches!(a.mention.class, QuantityClass::Count | QuantityClass::Money(_));
    let event = match (exclusive(a.event), exclusive(b.event)) {
        (Some(x), Some(y)) if x == y && events_matter => 0.35,
        (Some(x), Some(y)) if x != y && events_matter => return 0.0,
        _ => 0.0,
    };
    let context = 0.5 * dot(&a.context, &b.context);
    let group = if same_group { 0.4 } else { 0.0 };
    // A measure's unit says less than a counted noun: a story often reports
    // several quakes' magnitudes or several lengths, so the words around
    // must agree too.
    let unit = if matches!(a.mention.class, QuantityClass::Measure(_)) { 0.2 } else { 0.0 };
    noun + event + context + group + unit
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

fn to_discrepancy(members: &[&Candidate<'_>], inputs: &Inputs<'_>) -> Option<Discrepancy> {
    let mut articles: Vec<usize> = members.iter().map(|m| m.at.article).collect();
    articles.sort_unstable();
    articles.dedup();
    let mut values: Vec<f64> = members.iter().map(|m| m.mention.figure.value).collect();
    values.sort_by(f64::total_cmp);
    values.dedup_by(|a, b| same_value(*a, *b));
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
    let kind = DiscrepancyKind::Number;
    let summary = kind.summary(&[
        ("label", &label),
        ("versions", &kind.info().join(&versions)),
        ("agreement", agreement.as_str()),
    ]);
    let mentions = members
        .iter()
        .map(|m| Mention { at: m.at, span: m.mention.span, evidence: Evidence::Figure(m.mention.figure.clone()) })
        .collect();
    Some(Discrepancy { kind, summary, agreement: Some(agreement), label, mentions })
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
        QuantityClass::Duration(unit) => Some(format!("duration in {unit}s")),
        QuantityClass::Age => Some("age".into()),
        QuantityClass::Ordinal => Some("rank".into()),
        QuantityClass::Year => Some("year".into()),
        QuantityClass::NotQuantity(_) => None,
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
