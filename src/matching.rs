//! Matching: sentences in different articles that report the same thing
//! become one [`Group`], across all articles at once.
//!
//! Sentences are TF-IDF vectors over their terms (rare words carry the
//! match): a term weighs by its rarity among the compared sentences and by
//! its rarity in English at large ([`crate::semantic::zipf`]), and a word
//! meets its synonyms ([`crate::semantic::synonyms`]) at part of the weight
//! of a shared word; a dense vector from static word embeddings
//! ([`crate::semantic::embeddings`]) adds what paraphrase shares beyond
//! words (`space`). Each sentence joins the existing group whose centroid it is most
//! similar to, or starts a group of its own; a second pass lets every
//! sentence move to its best group now that all groups exist. Comparing a
//! sentence with group centroids (average linkage) rather than with single
//! members stops chains of drift (A~B, B~C, A≁C). Candidate groups come
//! from an inverted index on each sentence's rarest terms, so cost follows
//! the number of real matches, not the number of sentence pairs.

use crate::analysis::{SentenceAnalysis, is_comparable};
use crate::model::{Article, Closest, Group, MemberDiff, SentenceKind, SentenceRef, Span};
use crate::tokens::{self, Term};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

mod clauses;
mod closest;
mod context;
mod cover;
mod figures;
mod people;
mod polarity;
mod quotes;
mod space;
mod speaker;
mod triangle;
use people::{People, name_conflict, people_of};
use space::{Space, build_vectors};

/// Matching thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct MatchSettings {
    /// Cosine similarity (0–1) two sentences need to be linked.
    pub threshold: f64,
    /// Similarity (0–1) two linked clusters' centroids need to merge.
    pub link_threshold: f64,
    /// How many of a sentence's rarest terms are used to find candidates.
    pub candidate_terms: usize,
    /// How many sentences are read from each term's posting list: bounds
    /// the work per sentence when hundreds of articles repeat a fact.
    pub max_postings: usize,
    /// Fewest terms two sentences must share to be linked.
    pub min_shared_terms: usize,
}

impl Default for MatchSettings {
    fn default() -> Self {
        Self { threshold: 0.3, link_threshold: 0.3, candidate_terms: 8, max_postings: 128, min_shared_terms: 2 }
    }
}

/// The result of matching.
#[derive(Debug, Clone, Default)]
pub struct Matching {
    /// Groups spanning at least two articles, ordered by their first member.
    pub groups: Vec<Group>,
    /// For each article, for each sentence: its group.
    pub sentence_groups: Vec<Vec<Option<usize>>>,
    /// For each article, for each content sentence no group holds: the
    /// closest sentence of every other article (empty for the others).
    pub closest: Vec<Vec<Vec<Closest>>>,
}

/// Groups the sentences of all articles.
#[must_use]
pub fn match_sentences(articles: &[Article], analyses: &[Vec<SentenceAnalysis>], settings: &MatchSettings) -> Matching {
    let mut refs: Vec<SentenceRef> = Vec::new();
    let mut term_lists: Vec<&[Term]> = Vec::new();
    for (article_index, article) in articles.iter().enumerate() {
        for (sentence_index, sentence) in article.sentences.iter().enumerate() {
            let terms =
                analyses.get(article_index).and_then(|a| a.get(sentence_index)).map_or(&[][..], |a| &a.terms[..]);
            if is_comparable(sentence.kind) && !terms.is_empty() {
                refs.push(SentenceRef { article: article_index, sentence: sentence_index });
                term_lists.push(terms);
            }
        }
    }
    let texts: Vec<&str> = refs
        .iter()
        .map(|r| &articles[r.article].text[articles[r.article].sentences[r.sentence].span.range()])
        .collect();
    // The vectors (the term statistics are one serial pass) are built
    // while the rayon workers read each sentence's traits; both keep the
    // sentences' order, so the result is the same on any number of threads.
    let ((space, idf, ids), traits) = rayon::join(
        || {
            let (space, idf, ids) = build_vectors(&term_lists);
            (space.with_dense(&texts), idf, ids)
        },
        || {
            refs.par_iter()
                .zip(texts.par_iter())
                .zip(term_lists.par_iter())
                .map(|((r, t), terms)| sentence_traits(articles, analyses, *r, t, terms))
                .collect::<Vec<_>>()
        },
    );
    let kinds: Vec<SentenceKind> = refs.iter().map(|r| articles[r.article].sentences[r.sentence].kind).collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); idf.len()];
    for (sentence, vector) in space.vectors.iter().enumerate() {
        for (term, _) in vector {
            postings[*term as usize].push(u32::try_from(sentence).unwrap_or(u32::MAX));
        }
    }
    let count = traits.len();
    let (mut people, mut negated, mut speakers, mut figure_keys, mut quotations, mut words, mut stated) = (
        Vec::with_capacity(count),
        Vec::with_capacity(count),
        Vec::with_capacity(count),
        Vec::with_capacity(count),
        Vec::with_capacity(count),
        Vec::with_capacity(count),
        Vec::with_capacity(count),
    );
    for t in traits {
        people.push(t.people);
        negated.push(t.negated);
        speakers.push(t.speakers);
        figure_keys.push(t.figure_keys);
        quotations.push(t.quotations);
        words.push(t.words);
        stated.push(t.stated);
    }
    let traits = context::Traits {
        quotations: &quotations,
        words: &words,
        people: &people,
        kinds: &kinds,
        negated: &negated,
        speakers: &speakers,
        figures: &figure_keys,
        stated: &stated,
    };
    let (groups, clausal) = assign_groups(&refs, &space, &idf, &postings, &traits, settings);

    let mut sentence_groups: Vec<Vec<Option<usize>>> = articles.iter().map(|a| vec![None; a.sentences.len()]).collect();
    let mut ordered: Vec<Vec<usize>> = groups
        .into_iter()
        .map(|mut g| {
            g.sort_by_key(|m| refs[*m]);
            g
        })
        .filter(|g| {
            let mut articles: Vec<usize> = g.iter().map(|m| refs[*m].article).collect();
            articles.dedup();
            articles.len() >= 2
        })
        .collect();
    ordered.sort_by_key(|g| g.first().map(|m| refs[*m]));
    for (group_index, members) in ordered.iter().enumerate() {
        for member in members {
            let at = refs[*member];
            sentence_groups[at.article][at.sentence] = Some(group_index);
        }
    }
    let mut result: Vec<Group> =
        ordered.par_iter().map(|members| build_group(articles, &refs, &space, members)).collect();
    // Clause units are read only for the pairs the unique claim compares
    // clause to clause (see [`closest`]), once per sentence.
    let units = clauses::Units::new(articles, analyses, &refs, &space, &ids);
    let closest = closest::closest_sentences(articles, &refs, &space, &units, &sentence_groups, &kinds, |sentence| {
        candidates(sentence, &refs, &space, &idf, &postings, settings)
    });
    let also = cover::also_members(&refs, &space, &units, &traits, &ordered, &clausal);
    for (group, also) in result.iter_mut().zip(also) {
        group.also = also;
    }
    Matching { groups: result, sentence_groups, closest }
}

/// What the matcher reads from one sentence besides its vector.
struct SentenceTraits<'a> {
    people: People,
    negated: bool,
    speakers: Vec<String>,
    figure_keys: Vec<String>,
    quotations: Vec<Vec<String>>,
    words: Vec<String>,
    stated: figures::Stated<'a>,
}

fn sentence_traits<'a>(
    articles: &[Article],
    analyses: &'a [Vec<SentenceAnalysis>],
    r: SentenceRef,
    text: &str,
    terms: &[Term],
) -> SentenceTraits<'a> {
    let analysis = &analyses[r.article][r.sentence];
    let start = articles[r.article].sentences[r.sentence].span.start;
    let mut figure_keys: Vec<String> = terms
        .iter()
        .filter_map(|t| match t {
            Term::Figure { value, .. } => Some(format!("{value:?}")),
            _ => None,
        })
        .collect();
    figure_keys.sort();
    figure_keys.dedup();
    SentenceTraits {
        people: people_of(analysis),
        negated: polarity::negated(text),
        speakers: speaker::speakers(text, start, &analysis.names),
        figure_keys,
        quotations: quotes::quoted_words(text),
        words: quotes::sentence_words(text),
        stated: figures::stated(analysis, articles[r.article].date.and_then(|d| d.year).map(i32::from)),
    }
}

/// Pairwise sentence similarity as the matcher sees it (for explaining a
/// match, and for tuning).
pub struct SimilarityIndex {
    positions: HashMap<SentenceRef, usize>,
    space: Space,
}

impl SimilarityIndex {
    /// Builds the TF-IDF vectors of every comparable sentence.
    #[must_use]
    pub fn new(articles: &[Article], analyses: &[Vec<SentenceAnalysis>]) -> Self {
        let mut positions = HashMap::new();
        let mut term_lists: Vec<&[Term]> = Vec::new();
        let mut texts: Vec<&str> = Vec::new();
        for (a, article) in articles.iter().enumerate() {
            for (s, sentence) in article.sentences.iter().enumerate() {
                let terms = analyses.get(a).and_then(|x| x.get(s)).map_or(&[][..], |x| &x.terms[..]);
                if is_comparable(sentence.kind) && !terms.is_empty() {
                    positions.insert(SentenceRef { article: a, sentence: s }, term_lists.len());
                    term_lists.push(terms);
                    texts.push(&article.text[sentence.span.range()]);
                }
            }
        }
        let (space, _, _) = build_vectors(&term_lists);
        let space = space.with_dense(&texts);
        Self { positions, space }
    }

    /// Cosine similarity of two sentences (0 when either is not comparable).
    #[must_use]
    pub fn similarity(&self, a: SentenceRef, b: SentenceRef) -> f64 {
        match (self.positions.get(&a), self.positions.get(&b)) {
            (Some(x), Some(y)) => f64::from(self.space.cosine(*x, *y)),
            _ => 0.0,
        }
    }
}

/// Headlines match headlines and section headings match headings: a
/// headline sums up the article, so pairing it with one body sentence
/// would tie the whole front of an article to one line of another.
fn compatible_kinds(a: SentenceKind, b: SentenceKind) -> bool {
    let headline = |k: SentenceKind| matches!(k, SentenceKind::Title | SentenceKind::Heading);
    headline(a) == headline(b)
}

/// Average-linkage clustering over a sparse graph of candidate pairs.
///
/// Pairs come from an inverted index on each sentence's rarest shared
/// terms, each posting list read up to `max_postings` entries, so the work
/// per sentence is bounded however many articles repeat a fact. Pairs are
/// merged strongest first; two clusters merge only when their members are
/// similar on average (average linkage), so a sentence that shares a name
/// with a group but says something else stays out of it.
fn assign_groups(
    refs: &[SentenceRef],
    space: &Space,
    idf: &[f32],
    postings: &[Vec<u32>],
    traits: &context::Traits<'_>,
    settings: &MatchSettings,
) -> (Vec<Vec<usize>>, Vec<cover::Pair>) {
    let (edges, near, clausal, faint) = candidate_edges(refs, space, idf, postings, traits, settings);

    let mut parent: Vec<usize> = (0..refs.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..refs.len()).map(|i| vec![i]).collect();
    // Rejected merges, remembered while the two clusters' samples are
    // unchanged: big clusters that must stay apart share many edges.
    let mut rejected: std::collections::HashSet<(usize, usize, usize, usize)> = std::collections::HashSet::new();
    for (_, a, b) in edges {
        let (root_a, root_b) = (find(&mut parent, a), find(&mut parent, b));
        if root_a == root_b {
            continue;
        }
        let (low, high) = (root_a.min(root_b), root_a.max(root_b));
        let key = (low, high, members[low].len().min(LINK_SAMPLE), members[high].len().min(LINK_SAMPLE));
        if rejected.contains(&key) {
            continue;
        }
        if average_link(refs, space, traits, &members[root_a], &members[root_b]) < settings.link_threshold {
            rejected.insert(key);
            continue;
        }
        join(&mut parent, &mut members, root_a, root_b);
    }
    // Second pass: pairs below the bar that context supports.
    context::context_pass(refs, space, traits, &near, &mut parent, &mut members, settings);
    // Third pass: three articles telling one fact in their own words.
    triangle::triangle_pass(refs, space, traits, &faint, postings, &mut parent, &mut members);
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for sentence in 0..refs.len() {
        let root = find(&mut parent, sentence);
        clusters.entry(root).or_default().push(sentence);
    }
    let mut clusters: Vec<Vec<usize>> = clusters.into_values().collect();
    clusters.sort_by_key(|c| c.first().copied());
    (clusters, clausal)
}

/// A scored pair of sentences: (similarity, a, b).
type Pair = (f32, usize, usize);

/// A scored pair with whether it clears the first pass's bar and how many
/// terms it shares (`usize::MAX` for a shared quotation, which always
/// reaches the context pass): (similarity, a, b, edge, shared).
type Scored = (f32, usize, usize, bool, usize);

/// Candidate pairs: the first pass's edges, the context pass's pairs, the
/// pairs close enough for a clause of one sentence to tell the other
/// ([`cover::worth_clauses`]), and the pairs that may be an edge of a
/// triangle ([`triangle::is_edge`]).
type Candidates = (Vec<Pair>, Vec<Pair>, Vec<cover::Pair>, Vec<Pair>);

/// Scored pairs (similarity, a, b) of sentences in different articles:
/// those that clear the pair threshold, strongest first (ties in index
/// order), and every pair sharing a term that scores at least
/// [`context::LOWEST`], with how many terms it shares (for the context pass).
fn candidate_edges(
    refs: &[SentenceRef],
    space: &Space,
    idf: &[f32],
    postings: &[Vec<u32>],
    traits: &context::Traits<'_>,
    settings: &MatchSettings,
) -> Candidates {
    let (people, kinds) = (traits.people, traits.kinds);
    let lowest = context::LOWEST.min(settings.threshold as f32);
    let per_sentence: Vec<(Vec<Scored>, Vec<cover::Pair>, Vec<Pair>)> = (0..refs.len())
        .into_par_iter()
        .map(|sentence| {
            let mut candidates = candidates(sentence, refs, space, idf, postings, settings);
            candidates.retain(|c| *c > sentence);
            let mut scored: Vec<Scored> = Vec::new();
            let mut clausal: Vec<cover::Pair> = Vec::new();
            let mut faint: Vec<Pair> = Vec::new();
            // A sentence that denies what another asserts is another
            // statement ("Officials say they know where the group is" /
            // "Nobody knows where the group will go"), unless both hold one
            // quotation.
            for other in candidates.into_iter().filter(|other| {
                !name_conflict(&people[sentence], &people[*other]) && compatible_kinds(kinds[sentence], kinds[*other])
            }) {
                let (lexical, shared) = space.lexical(sentence, other);
                // Clauses agree in polarity or not whatever the sentences do.
                if cover::worth_clauses(lexical, shared) {
                    clausal.push(cover::pair(sentence, other));
                }
                // Shares that are all two quantities: two facts told in
                // the story's words ([`figures`]).
                if !traits.same_polarity(sentence, other) || traits.apart(sentence, other) {
                    continue;
                }
                // One quotation in both is context evidence, however common
                // its words.
                if traits.quoted(sentence, other) {
                    let similarity = space::combine(lexical, space.dense(sentence, other));
                    let edge = shared >= 2 && f64::from(similarity) >= settings.threshold;
                    scored.push((similarity, sentence, other, edge, usize::MAX));
                    continue;
                }
                // The dense part adds at most `DENSE`: skip it when even that
                // cannot reach the lowest bar.
                if shared == 0 || lexical + space::weights::DENSE < lowest {
                    continue;
                }
                let dense = space.dense(sentence, other);
                let similarity = space::combine(lexical, dense);
                let enough_shared = shared
                    >= settings.min_shared_terms.min(space.vectors[sentence].len()).min(space.vectors[other].len())
                    || dense >= space::weights::DENSE_ALONE;
                let edge = enough_shared && f64::from(similarity) >= settings.threshold;
                if similarity >= lowest {
                    scored.push((similarity, sentence, other, edge, shared));
                }
                if triangle::is_edge(similarity, shared, dense) {
                    faint.push((similarity, sentence, other));
                }
            }
            (scored, clausal, faint)
        })
        .collect();
    let (mut near, mut clausal, mut faint): (Vec<Scored>, Vec<cover::Pair>, Vec<Pair>) =
        (Vec::new(), Vec::new(), Vec::new());
    for (n, c, f) in per_sentence {
        near.extend(n);
        clausal.extend(c);
        faint.extend(f);
    }
    let mut edges: Vec<Pair> = near.iter().filter(|e| e.3).map(|e| (e.0, e.1, e.2)).collect();
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    (edges, near.into_iter().filter(|e| e.4 >= context::MIN_SHARED).map(|e| (e.0, e.1, e.2)).collect(), clausal, faint)
}

/// The sentences of other articles worth scoring against `sentence`
/// (sorted, distinct): all of them for small inputs, else those sharing one
/// of its rarest terms or their synonyms.
fn candidates(
    sentence: usize,
    refs: &[SentenceRef],
    space: &Space,
    idf: &[f32],
    postings: &[Vec<u32>],
    settings: &MatchSettings,
) -> Vec<usize> {
    let article = refs[sentence].article;
    if refs.len() <= DENSE_ALL_PAIRS {
        // Few sentences: every pair is scored, so paraphrase that shares
        // no rare term is still seen.
        return (0..refs.len()).filter(|c| refs[*c].article != article).collect();
    }
    // The rarest terms that some other sentence also has.
    let mut terms: Vec<u32> =
        space.vectors[sentence].iter().map(|(t, _)| *t).filter(|t| postings[*t as usize].len() > 1).collect();
    terms.sort_by(|a, b| idf[*b as usize].total_cmp(&idf[*a as usize]).then(a.cmp(b)));
    terms.truncate(settings.candidate_terms.max(1));
    let mut candidates: Vec<usize> = terms
        .iter()
        .flat_map(|t| std::iter::once(t).chain(&space.synonyms[*t as usize]))
        .flat_map(|t| postings[*t as usize].iter().take(settings.max_postings).map(|c| *c as usize))
        .filter(|c| refs[*c].article != article)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// A sentence whose closest sentence in another article scores this much
/// ([`Matching::closest`]) is carried there, grouped or not: it is no
/// unique detail.
/// Measured on the dev gold: 0.4 keeps 72 of 78 gold unique details while
/// 58 of 220 gold shared-fact sentences are still called unique (71
/// without the check); 0.35 gives 68 and 47. With the context pass
/// ([`context`]) grouping more, 0.45 keeps 72 of 78 with 40 of 220 called
/// unique (0.4, measured before context links needed two shared terms: 70
/// and 38, against 71 and 39 at 0.45).
pub const CARRIED_ELSEWHERE: f32 = 0.45;

/// Up to this many comparable sentences, every pair of sentences from
/// different articles is scored (the dense vectors see paraphrase that
/// shares no rare term); beyond it, candidates come from the term index.
const DENSE_ALL_PAIRS: usize = 800;

/// Members of each cluster used for average linkage: a bounded sample
/// (the first ones, by reading order) keeps merging big clusters cheap.
const LINK_SAMPLE: usize = 12;

/// Mean similarity over pairs of sentences from different articles, one
/// from each cluster; a pair whose people conflict, or whose shares are
/// two quantities ([`figures`]), counts as 0.
fn average_link(refs: &[SentenceRef], space: &Space, traits: &context::Traits<'_>, a: &[usize], b: &[usize]) -> f64 {
    let (mut total, mut pairs) = (0.0f64, 0usize);
    for x in a.iter().take(LINK_SAMPLE) {
        for y in b.iter().take(LINK_SAMPLE) {
            if refs[*x].article != refs[*y].article {
                if !name_conflict(&traits.people[*x], &traits.people[*y]) && !traits.apart(*x, *y) {
                    total += f64::from(space.cosine(*x, *y));
                }
                pairs += 1;
            }
        }
    }
    if pairs == 0 { 0.0 } else { total / pairs as f64 }
}

/// Joins two groups (their roots): the smaller one's members move to the
/// larger, whose root becomes the other's parent.
fn join(parent: &mut [usize], members: &mut [Vec<usize>], root_a: usize, root_b: usize) {
    let (keep, absorb) =
        if members[root_a].len() >= members[root_b].len() { (root_a, root_b) } else { (root_b, root_a) };
    let absorbed = std::mem::take(&mut members[absorb]);
    members[keep].extend(absorbed);
    parent[absorb] = keep;
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Members beyond this many are not used for the similarity figure and the
/// choice of reference (both are summaries; a sample keeps them cheap).
const SUMMARY_SAMPLE: usize = 40;

fn build_group(articles: &[Article], refs: &[SentenceRef], space: &Space, members: &[usize]) -> Group {
    let sample = &members[..members.len().min(SUMMARY_SAMPLE)];
    let (mut total, mut pairs) = (0.0f64, 0usize);
    let mut centrality = vec![0.0f64; sample.len()];
    for (i, a) in sample.iter().enumerate() {
        for (j, b) in sample.iter().enumerate().skip(i + 1) {
            if refs[*a].article == refs[*b].article {
                continue;
            }
            let similarity = f64::from(space.cosine(*a, *b));
            total += similarity;
            pairs += 1;
            centrality[i] += similarity;
            centrality[j] += similarity;
        }
    }
    let similarity = if pairs == 0 { 0.0 } else { (total / pairs as f64 * 1000.0).round() / 1000.0 };
    // The reference is the most typical member (ties: the earliest).
    let reference = centrality
        .iter()
        .enumerate()
        .fold((0, f64::MIN), |best, (i, c)| if *c > best.1 + 1e-12 { (i, *c) } else { best })
        .0;
    let member_refs: Vec<SentenceRef> = members.iter().map(|m| refs[*m]).collect();
    let reference_ref = member_refs[reference];
    let reference_article = &articles[reference_ref.article];
    let reference_span = reference_article.sentences[reference_ref.sentence].span;
    let diffs = member_refs
        .iter()
        .enumerate()
        .map(|(i, at)| {
            if i == reference {
                return MemberDiff { changed: Vec::new(), reference_changed: Vec::new() };
            }
            let article = &articles[at.article];
            let span = article.sentences[at.sentence].span;
            let (changed, reference_changed) =
                word_diff(&article.text[span.range()], &reference_article.text[reference_span.range()]);
            MemberDiff {
                changed: changed.into_iter().map(|s| s.shifted(span.start)).collect(),
                reference_changed: reference_changed.into_iter().map(|s| s.shifted(reference_span.start)).collect(),
            }
        })
        .collect();
    Group { members: member_refs, similarity, reference, diffs, also: Vec::new() }
}

/// Word-level differences between two sentences (similar's Myers diff over
/// folded words): the spans of `a` absent from `b`, and of `b` absent from `a`.
/// Adjacent changed words are merged into one span.
#[must_use]
pub fn word_diff(a: &str, b: &str) -> (Vec<Span>, Vec<Span>) {
    let words_a: Vec<tokens::Word<'_>> = tokens::words(a).collect();
    let words_b: Vec<tokens::Word<'_>> = tokens::words(b).collect();
    let keys_a: Vec<std::borrow::Cow<'_, str>> = words_a.iter().map(|w| tokens::fold_cow(w.text)).collect();
    let keys_b: Vec<std::borrow::Cow<'_, str>> = words_b.iter().map(|w| tokens::fold_cow(w.text)).collect();
    let mut changed_a: Vec<Span> = Vec::new();
    let mut changed_b: Vec<Span> = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &keys_a, &keys_b) {
        let (range_a, range_b) = (op.old_range(), op.new_range());
        if matches!(op, similar::DiffOp::Equal { .. }) {
            continue;
        }
        if let (Some(first), Some(last)) =
            (words_a.get(range_a.start), range_a.end.checked_sub(1).and_then(|i| words_a.get(i)))
            && !range_a.is_empty()
        {
            push_merged(&mut changed_a, Span::new(first.span.start, last.span.end), a);
        }
        if let (Some(first), Some(last)) =
            (words_b.get(range_b.start), range_b.end.checked_sub(1).and_then(|i| words_b.get(i)))
            && !range_b.is_empty()
        {
            push_merged(&mut changed_b, Span::new(first.span.start, last.span.end), b);
        }
    }
    (changed_a, changed_b)
}

/// Appends a span, merging it with the previous one when only spaces and
/// punctuation lie between them.
fn push_merged(spans: &mut Vec<Span>, span: Span, text: &str) {
    if let Some(last) = spans.last_mut()
        && last.end <= span.start
        && !text[last.end..span.start].chars().any(char::is_alphanumeric)
    {
        last.end = span.end;
        return;
    }
    spans.push(span);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_changed_words() {
        let a = "Three people were killed in the flooding.";
        let b = "Three people have died in the flooding.";
        let (in_a, in_b) = word_diff(a, b);
        assert_eq!(in_a.iter().map(|s| &a[s.range()]).collect::<Vec<_>>(), ["were killed"]);
        assert_eq!(in_b.iter().map(|s| &b[s.range()]).collect::<Vec<_>>(), ["have died"]);
    }

    /// Whether the first sentences of two one-sentence articles group.
    fn grouped(a: &str, b: &str) -> bool {
        let comparison = crate::compare_texts(&[("a.txt", a), ("b.txt", b)], &crate::Settings::default());
        comparison.groups.iter().any(|g| g.article_count() == 2)
    }

    #[test]
    fn reworded_statement_groups() {
        assert!(grouped(
            "Halvorsen pleaded guilty Wednesday in federal court in Brenton.",
            "Halvorsen pleaded guilty in a federal courtroom in Brenton on Wednesday morning."
        ));
    }

    #[test]
    fn sentences_sharing_only_common_words_stay_apart() {
        assert!(!grouped("Officials say they know where the group is.", "Nobody knows where the group will go."));
    }

    #[test]
    fn word_diff_ignores_case_and_typographic_quotes() {
        let (in_a, in_b) = word_diff("The mayor’s office", "the Mayor's office");
        assert!(in_a.is_empty() && in_b.is_empty());
    }
}
