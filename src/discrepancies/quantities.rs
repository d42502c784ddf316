//! Number discrepancies: figures about the same quantity that differ, and
//! the list of every quantity the articles share.
//!
//! Each figure carries its identity, read from its own clause
//! ([`super::identity`]): what it counts, what happened to it, its scope and
//! time. Figures of different articles are one quantity when their
//! identities agree; sentence groups, shared clause words, shared names and
//! close values are evidence, weighed by [`weight`]. A quantity whose
//! figures differ is a discrepancy: `compatible` when the ranges overlap or
//! one figure is the other rounded, `conflicting` when both cannot be true,
//! `changed` when the figure moved between reports.

use super::identity::{Identity, Time};
use super::{Inputs, excerpt};
use crate::model::{
    Agreement, Discrepancy, DiscrepancyKind, Figure, Mention, Qualifier, Quantity, QuantityFigure, SentenceRef, Span,
    Verdict,
};
use crate::numbers::{NumberMention, QuantityClass};
use std::collections::{HashMap, HashSet};

/// Evidence weights for "these two figures are one quantity": their sum is
/// compared with `DiscrepancySettings::number_link` (0.5 by default).
pub(crate) mod weight {
    /// Both clauses say the same thing happened ("killed" / "died").
    pub const SAME_PREDICATE: f64 = 0.3;
    /// Both count the same thing ("flights" / "flights").
    pub const SAME_THING: f64 = 0.25;
    /// Both name what they count, and it differs ("schools" / "people").
    pub const OTHER_THING: f64 = -0.3;
    /// The counted things share a modifier ("federal taxes").
    pub const SHARED_MODIFIER: f64 = 0.1;
    /// Both qualify the thing and share no modifier ("federal" / "state").
    pub const OTHER_MODIFIERS: f64 = -0.25;
    /// Times the cosine of the two clauses' words (rarity-weighted).
    pub const CLAUSE: f64 = 0.6;
    /// The sentences were matched as one statement.
    pub const SAME_GROUP: f64 = 0.35;
    /// Values within a quarter of each other.
    pub const CLOSE_VALUES: f64 = 0.15;
    /// One value is the other rounded ("$1.4 billion" / "$1.375 billion").
    pub const ROUNDED_VALUES: f64 = 0.2;
    /// Values more than three times apart.
    pub const FAR_VALUES: f64 = -0.3;
    /// The clauses name the same place, body or person.
    pub const SHARED_NAME: f64 = 0.15;
    /// Both clauses name someone or somewhere, and none is shared.
    pub const OTHER_NAMES: f64 = -0.2;
}

/// Values farther apart than this ratio are different quantities unless
/// their sentences were matched as one statement.
const FAR_RATIO: f64 = 20.0;
/// Values within this share of each other are one reading ("2,700" and "some 2,700").
const ONE_READING: f64 = 0.005;
/// A figure counts as rounded when it is a multiple of at least this.
const ROUNDING_STEP: f64 = 100.0;

/// Members of a cluster compared with a new figure: the first and the
/// latest few (average linkage on a bounded sample keeps cost linear).
const SAMPLE_HEAD: usize = 6;
const SAMPLE_TAIL: usize = 6;
/// Clusters looked up per key: the most recent ones.
const CANDIDATES_PER_KEY: usize = 32;
/// Rare clause words used as lookup keys.
const CONTEXT_KEYS: usize = 3;
/// Sentences looked at when asking whether two values were stated apart.
const APART_LOOKUPS: usize = 16;

struct Candidate<'a> {
    at: SentenceRef,
    mention: &'a NumberMention,
    identity: Identity,
    /// IDF-weighted, unit-length clause words (term id, weight), sorted by id.
    context: Vec<(u32, f32)>,
    group: Option<usize>,
    /// The article's year, to place "last year".
    year: Option<i32>,
}

/// The number finder.
pub(super) fn find(inputs: &Inputs<'_>) -> Vec<Discrepancy> {
    quantities_and_discrepancies(inputs).1
}

/// Every quantity stated by at least two articles.
pub(super) fn quantities(inputs: &Inputs<'_>) -> Vec<Quantity> {
    quantities_and_discrepancies(inputs).0
}

fn quantities_and_discrepancies(inputs: &Inputs<'_>) -> (Vec<Quantity>, Vec<Discrepancy>) {
    let candidates = candidates(inputs);
    let clusters = cluster(&candidates, inputs);
    let mut quantities = Vec::new();
    let mut discrepancies = Vec::new();
    for members in clusters {
        let members: Vec<&Candidate<'_>> = members.iter().map(|i| &candidates[*i]).collect();
        if let Some((quantity, discrepancy)) = judge(&members, inputs) {
            quantities.push(quantity);
            discrepancies.extend(discrepancy);
        }
    }
    (quantities, discrepancies)
}

fn candidates<'a>(inputs: &'a Inputs<'_>) -> Vec<Candidate<'a>> {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut candidates = Vec::new();
    for (a, sentences) in inputs.analyses.iter().enumerate() {
        let article = &inputs.articles[a];
        let year = article.date.and_then(|d| d.year).map(i32::from);
        for (s, analysis) in sentences.iter().enumerate() {
            if analysis.numbers.is_empty() {
                continue;
            }
            let Some(sentence) = article.sentences.get(s) else { continue };
            let offset = sentence.span.start;
            let text = article.slice(sentence.span);
            let back = |span: Span| Span::new(span.start.saturating_sub(offset), span.end.saturating_sub(offset));
            let spans: Vec<Span> = analysis.numbers.iter().map(|m| back(m.span)).collect();
            let names: Vec<Span> = analysis.names.iter().map(|n| back(n.span)).collect();
            let identities = super::identity::read_sentence(text, &spans, &names);
            let at = SentenceRef { article: a, sentence: s };
            for (mention, identity) in analysis.numbers.iter().zip(identities) {
                let context = context_vector(&identity.clause, inputs, &mut vocabulary);
                candidates.push(Candidate {
                    at,
                    mention,
                    identity,
                    context,
                    group: inputs.matching.sentence_groups[a][s],
                    year,
                });
            }
        }
    }
    candidates
}

/// The clause's words weighted by rarity, as a unit vector.
fn context_vector(terms: &[String], inputs: &Inputs<'_>, vocabulary: &mut HashMap<String, u32>) -> Vec<(u32, f32)> {
    let mut vector: Vec<(u32, f32)> = terms
        .iter()
        .map(|t| {
            let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
            (*vocabulary.entry(t.clone()).or_insert(next), inputs.stats.idf(t) as f32)
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

fn hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Lookup keys of a figure: its thing, predicate, matched statement, rarest
/// clause words and order of magnitude. Clusters are found through them,
/// never by a full scan.
fn lookup_keys(candidate: &Candidate<'_>) -> Vec<(u8, u64)> {
    let mut keys: Vec<(u8, u64)> = Vec::new();
    if let Some(thing) = &candidate.identity.thing {
        keys.push((0, hash(thing)));
    }
    if let Some(predicate) = candidate.identity.predicate {
        keys.push((1, hash(predicate.concept)));
    }
    if let Some(group) = candidate.group {
        keys.push((2, group as u64));
    }
    let mut rare: Vec<&(u32, f32)> = candidate.context.iter().collect();
    rare.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    keys.extend(rare.iter().take(CONTEXT_KEYS).map(|(id, _)| (3, u64::from(*id))));
    let value = candidate.mention.figure.value.abs();
    if value > 0.0 {
        // Quarter-decades: a figure meets figures up to about 1.8 times away.
        let bucket = (value.log10() * 4.0).floor() as i64;
        keys.push((4, bucket as u64));
    }
    keys
}

/// Keys under which a figure looks for clusters: its own, plus the
/// neighbouring orders of magnitude.
fn search_keys(keys: &[(u8, u64)]) -> Vec<(u8, u64)> {
    let mut out = keys.to_vec();
    for (kind, key) in keys {
        if *kind == 4 {
            out.push((4, key.wrapping_add(1)));
            out.push((4, key.wrapping_sub(1)));
        }
    }
    out
}

/// Which values some sentence states side by side ("$334 million, of which
/// $281 million in cash"): such values are two quantities wherever else
/// they appear. Linear in the figures: one entry per figure, never per pair.
pub(crate) struct StatedApart<'a> {
    /// (sentence, class, value bits) of every figure.
    present: HashSet<(SentenceRef, &'a QuantityClass, u64)>,
    /// The sentences stating each (class, value).
    sentences: HashMap<(&'a QuantityClass, u64), Vec<SentenceRef>>,
}

impl<'a> StatedApart<'a> {
    fn new<'b>(figures: impl Iterator<Item = (SentenceRef, &'a NumberMention)> + 'b) -> Self {
        let mut apart = Self { present: HashSet::new(), sentences: HashMap::new() };
        for (at, mention) in figures {
            let key = (&mention.class, mention.figure.value.to_bits());
            if apart.present.insert((at, key.0, key.1)) {
                apart.sentences.entry(key).or_default().push(at);
            }
        }
        apart
    }

    /// Whether a sentence states both values of one class (at most
    /// `APART_LOOKUPS` sentences are looked at).
    fn apart(&self, class: &QuantityClass, a: f64, b: f64) -> bool {
        if a.to_bits() == b.to_bits() {
            return false;
        }
        self.sentences.get(&(class, a.to_bits())).is_some_and(|list| {
            list.iter().take(APART_LOOKUPS).any(|at| self.present.contains(&(*at, class, b.to_bits())))
        })
    }

    /// Entries stored: one per distinct figure of a sentence.
    #[cfg(test)]
    fn stored(&self) -> usize {
        self.present.len() + self.sentences.values().map(Vec::len).sum::<usize>()
    }
}

fn cluster(candidates: &[Candidate<'_>], inputs: &Inputs<'_>) -> Vec<Vec<usize>> {
    let apart = StatedApart::new(candidates.iter().map(|c| (c.at, c.mention)));
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut sentences: Vec<HashSet<SentenceRef>> = Vec::new();
    // Per cluster and article, the lowest upper bound and the highest lower
    // bound of its members' figures: whether a figure is disjoint from some
    // member of its own article is one lookup.
    let mut bounds: Vec<HashMap<usize, (f64, f64)>> = Vec::new();
    let mut index_of: HashMap<(&QuantityClass, (u8, u64)), Vec<usize>> = HashMap::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let keys = lookup_keys(candidate);
        let mut looked_up: Vec<usize> = search_keys(&keys)
            .iter()
            .filter_map(|key| index_of.get(&(&candidate.mention.class, *key)))
            .flat_map(|list| list.iter().rev().take(CANDIDATES_PER_KEY).copied())
            .collect();
        looked_up.sort_unstable();
        looked_up.dedup();
        let mut best: Option<(f64, usize)> = None;
        for cluster_index in looked_up {
            // Two figures of one sentence are two quantities; and figures of
            // one article that cannot both be true count two things.
            if sentences[cluster_index].contains(&candidate.at) {
                continue;
            }
            let figure = &candidate.mention.figure;
            let same_article_other_value = bounds[cluster_index]
                .get(&candidate.at.article)
                .is_some_and(|(lowest_high, highest_low)| *lowest_high < figure.low || figure.high < *highest_low);
            if same_article_other_value {
                continue;
            }
            let members = &clusters[cluster_index];
            let sample =
                members.iter().take(SAMPLE_HEAD).chain(members.iter().skip(SAMPLE_HEAD).rev().take(SAMPLE_TAIL));
            let (mut total, mut count, mut vetoed) = (0.0, 0usize, false);
            for member in sample {
                let other = &candidates[*member];
                if apart.apart(&candidate.mention.class, candidate.mention.figure.value, other.mention.figure.value) {
                    vetoed = true;
                    break;
                }
                match link_score(candidate, other) {
                    Some(score) => total += score,
                    None => {
                        vetoed = true;
                        break;
                    }
                }
                count += 1;
            }
            if vetoed {
                continue;
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
                sentences.push(HashSet::new());
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

/// Whether two identities cannot be one quantity whatever else agrees.
fn identities_conflict(a: &Identity, b: &Identity, years: (Option<i32>, Option<i32>)) -> bool {
    if let (Some(x), Some(y)) = (a.predicate, b.predicate)
        && x.exclusive
        && y.exclusive
        && x.concept != y.concept
    {
        return true;
    }
    if a.part != b.part || a.rate != b.rate {
        return true;
    }
    let resolve = |time: &Time, year: Option<i32>| match time {
        Time::Year(y) => Some(*y),
        Time::Relative(r) => year.map(|y| y + r),
    };
    let resolved = |identity: &Identity, year: Option<i32>| -> Vec<i32> {
        identity.times.iter().filter_map(|t| resolve(t, year)).collect()
    };
    let (ya, yb) = (resolved(a, years.0), resolved(b, years.1));
    if !ya.is_empty() && !yb.is_empty() && !ya.iter().any(|y| yb.contains(y)) {
        return true;
    }
    // Both relative and unresolved: "last year" against "this year".
    let relative = |identity: &Identity| -> Vec<i32> {
        identity.times.iter().filter_map(|t| if let Time::Relative(r) = t { Some(*r) } else { None }).collect()
    };
    let (ra, rb) = (relative(a), relative(b));
    !ra.is_empty() && !rb.is_empty() && !ra.iter().any(|r| rb.contains(r)) && (years.0.is_none() || years.1.is_none())
}

/// One value is the other rounded at the coarser one's step ("$1.4 billion"
/// for "$1.375 billion", "600" for "612").
fn rounded(a: f64, b: f64) -> bool {
    let step = |value: f64| {
        let mut step = 1.0;
        while step < value.abs() && (value / (step * 10.0)).fract().abs() < 1e-9 {
            step *= 10.0;
        }
        step
    };
    let (coarse, fine) = if step(a) >= step(b) { (a, b) } else { (b, a) };
    let unit = step(coarse);
    unit >= ROUNDING_STEP && (coarse - fine).abs() <= unit / 2.0 + 1e-9
}

/// How likely two figures are one quantity (`None`: never).
fn link_score(a: &Candidate<'_>, b: &Candidate<'_>) -> Option<f64> {
    if a.mention.class != b.mention.class {
        return None;
    }
    let same_group = a.group.is_some() && a.group == b.group;
    let (x, y) = (a.mention.figure.value.abs(), b.mention.figure.value.abs());
    let ratio = if x.min(y) > 0.0 { x.max(y) / x.min(y) } else { f64::INFINITY };
    if !same_group && ratio > FAR_RATIO && x != y {
        return None;
    }
    // Ages, durations and ranks are compared only within one matched statement.
    if !a.mention.class.is_strong() && !same_group {
        return None;
    }
    let (ia, ib) = (&a.identity, &b.identity);
    if identities_conflict(ia, ib, (a.year, b.year)) {
        return None;
    }
    let mut score = 0.0;
    if let (Some(p), Some(q)) = (ia.predicate, ib.predicate)
        && p.concept == q.concept
    {
        score += weight::SAME_PREDICATE;
    }
    match (&ia.thing, &ib.thing) {
        (Some(p), Some(q)) if p == q => score += weight::SAME_THING,
        (Some(_), Some(_)) => score += weight::OTHER_THING,
        _ => {}
    }
    if !ia.modifiers.is_empty() && !ib.modifiers.is_empty() {
        if ia.modifiers.iter().any(|m| ib.modifiers.contains(m)) {
            score += weight::SHARED_MODIFIER;
        } else {
            score += weight::OTHER_MODIFIERS;
        }
    }
    score += weight::CLAUSE * dot(&a.context, &b.context);
    if same_group {
        score += weight::SAME_GROUP;
    }
    if rounded(x, y) {
        score += weight::ROUNDED_VALUES;
    } else if ratio <= 1.25 {
        score += weight::CLOSE_VALUES;
    } else if ratio > 3.0 {
        score += weight::FAR_VALUES;
    }
    if !ia.names.is_empty() && !ib.names.is_empty() {
        if ia.names.iter().any(|n| ib.names.contains(n)) {
            score += weight::SHARED_NAME;
        } else {
            score += weight::OTHER_NAMES;
        }
    }
    Some(score)
}

/// A figure's reading: its value, and which way its hedge points ("about
/// 800,000" reads as "800,000"; "more than 800,000" does not).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    value: f64,
    direction: i8,
}

fn reading(figure: &Figure) -> Reading {
    let direction = match figure.qualifier {
        Qualifier::Over | Qualifier::AtLeast => 1,
        Qualifier::Under | Qualifier::AtMost => -1,
        Qualifier::Range => 2,
        Qualifier::Exact | Qualifier::Approx => 0,
    };
    Reading { value: figure.value, direction }
}

fn one_reading(a: Reading, b: Reading) -> bool {
    a.direction == b.direction && (a.value - b.value).abs() <= ONE_READING * a.value.abs().max(b.value.abs())
}

/// The verdict on a quantity and, when its figures differ, its discrepancy.
fn judge(members: &[&Candidate<'_>], inputs: &Inputs<'_>) -> Option<(Quantity, Option<Discrepancy>)> {
    let mut articles: Vec<usize> = members.iter().map(|m| m.at.article).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return None;
    }
    let mut readings: Vec<Reading> = Vec::new();
    for member in members {
        let r = reading(&member.mention.figure);
        if !readings.iter().any(|other| one_reading(*other, r)) {
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
    let figures = members
        .iter()
        .map(|m| QuantityFigure { at: m.at, span: m.mention.span, figure: m.mention.figure.clone() })
        .collect();
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
    let summary = excerpt(&format!("{label}: {} — {}", versions.join(" vs "), agreement.as_str()), 240);
    let mentions = members
        .iter()
        .map(|m| Mention { at: m.at, span: m.mention.span, figure: Some(m.mention.figure.clone()), date: None })
        .collect();
    let discrepancy =
        Discrepancy { kind: DiscrepancyKind::Number, summary, agreement: Some(agreement), label, mentions };
    Some((quantity, Some(discrepancy)))
}

/// Whether differing figures are one figure moving over time: a clause
/// says so ("rose to", "so far"), or the articles carry different dates.
fn changed(members: &[&Candidate<'_>], inputs: &Inputs<'_>) -> bool {
    if members.iter().any(|m| m.identity.changing) {
        return true;
    }
    let mut dates: Vec<_> = members.iter().filter_map(|m| inputs.articles[m.at.article].date).collect();
    dates.sort_by_key(|d| (d.year, d.month, d.day));
    dates.dedup();
    dates.len() >= 2
}

/// "domestic flights cancelled", "military construction money": the most
/// common counted thing and predicate as the articles write them.
fn label(members: &[&Candidate<'_>]) -> String {
    let thing = most_common(members.iter().filter_map(|m| m.identity.thing_text.as_deref().map(str::to_lowercase)));
    let predicate =
        most_common(members.iter().filter_map(|m| m.identity.predicate_text.as_deref().map(str::to_lowercase)));
    let noun = thing.or_else(|| members.iter().find_map(|m| m.mention.noun_text.clone()));
    let fallback = match &members[0].mention.class {
        QuantityClass::Money(_) => "money",
        QuantityClass::Percent => "share",
        QuantityClass::Measure(_) => "measure",
        QuantityClass::Duration(_) => "duration",
        QuantityClass::Age => "age",
        QuantityClass::Ordinal => "rank",
        QuantityClass::Count => "figure",
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

#[cfg(test)]
mod tests;
