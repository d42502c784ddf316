//! Grouping name occurrences into sets of spellings, in time linear in the
//! number of distinct names: every distinct form is prepared once (its
//! words folded once), and only forms that share a blocking key are
//! compared: for one-word names the transliteration key and every key one
//! or two letters shorter (two keys within one or two edits share one),
//! for longer names the same built on the first and last words, and the
//! given-name groups of short forms (Ken / Kenneth). A block shared by more
//! than [`BLOCK_CAP`] forms says nothing about any two of them and is
//! skipped.

use super::key::{self, Word, WordMatch};
use super::{NameMention, given, is_personal};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet, FxHasher};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// Forms sharing one blocking key beyond this many are not compared by it.
pub const BLOCK_CAP: usize = 64;
/// Occurrences per form looked at when checking shared context.
const CONTEXT_CAP: usize = 40;

/// One occurrence of a name in the articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Article index.
    pub article: usize,
    /// Sentence index.
    pub sentence: usize,
    /// The name.
    pub mention: NameMention,
}

/// What a set of forms says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetKind {
    /// One name spelled differently.
    Spelling,
    /// The same surname and role with a different given name in other
    /// articles ("Loretta Sanchez" where the others have "Linda Sánchez"):
    /// perhaps another person, perhaps an error.
    DifferentFirstName,
}

/// A set of spellings judged to name one person, place or thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantSet {
    /// Indices into the occurrences given to [`find_variants`], in order.
    pub occurrences: Vec<usize>,
    /// The distinct forms, in order of first appearance.
    pub forms: Vec<String>,
    /// What the set says.
    pub kind: SetKind,
}

/// The sets, and how much work finding them took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    /// The sets, by first occurrence.
    pub sets: Vec<VariantSet>,
    /// Pairs of distinct forms compared (grows with the number of distinct
    /// names, not its square).
    pub pairs_compared: usize,
}

/// One distinct form with its occurrences.
struct Form<'a> {
    words: &'a [String],
    prepared: Vec<Word>,
    occurrences: Vec<usize>,
    articles: Vec<usize>,
    personal: bool,
}

/// Groups name occurrences into sets of spelling variants. `related(a, b)`
/// tells whether two occurrences share context (the same matched statement
/// or similar surrounding words); it confirms pairs that are only similar.
pub fn find_variants(
    occurrences: &[Occurrence],
    similarity: f64,
    related: impl Fn(&Occurrence, &Occurrence) -> bool,
) -> Vec<VariantSet> {
    group(occurrences, similarity, related).sets
}

/// [`find_variants`], also counting the pairs compared.
pub fn group(
    occurrences: &[Occurrence],
    similarity: f64,
    related: impl Fn(&Occurrence, &Occurrence) -> bool,
) -> Grouping {
    let mut by_words: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
    for (index, occurrence) in occurrences.iter().enumerate() {
        by_words.entry(occurrence.mention.words.as_slice()).or_default().push(index);
    }
    let forms: Vec<Form<'_>> = by_words
        .into_iter()
        .map(|(words, occ)| {
            let mut articles: Vec<usize> = occ.iter().map(|i| occurrences[*i].article).collect();
            articles.sort_unstable();
            articles.dedup();
            Form {
                words,
                prepared: words.iter().map(|w| Word::new(w)).collect(),
                occurrences: occ,
                articles,
                personal: is_personal(words),
            }
        })
        .collect();
    let checker = Checker::new(occurrences, &forms, related);

    let (same_length, lone_surname) = candidate_pairs(&forms);
    let mut pairs_compared = same_length.len() + lone_surname.len();
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    let mut linked = vec![false; forms.len()];
    let mut roles: Vec<(usize, usize)> = Vec::new();

    // 1. Names with the same number of words, word by word.
    for (i, j) in same_length {
        match compare_forms(&forms[i], &forms[j], similarity, &checker, i, j) {
            Verdict::Variant => {
                union(&mut parent, i, j);
                linked[i] = true;
                linked[j] = true;
            }
            // A bounded number (each is checked on every later join).
            Verdict::Role if roles.len() < BLOCK_CAP => roles.push((i, j)),
            Verdict::Role => {}
            Verdict::No => {}
        }
    }
    // Full names by their surname as written.
    let mut owners_of: HashMap<&str, Vec<usize>> = HashMap::default();
    for (j, form) in forms.iter().enumerate() {
        if form.personal
            && let Some(last) = form.prepared.last()
        {
            owners_of.entry(last.lower.as_str()).or_default().push(j);
        }
    }
    // 2. A lone word spelled like the surname of a full name ("Klistchko"
    //    and "Wladimir Klitschko") is a variant of it, unless its own
    //    articles name someone with it as written (a lone "Sanchez" beside
    //    "Loretta Sanchez" is hers, not "Linda Sánchez"'s).
    for (i, j) in lone_surname {
        let (lone, full) = (&forms[i], &forms[j]);
        let Some(surname) = full.prepared.last() else { continue };
        let own = owners_of.get(lone.prepared[0].lower.as_str()).is_some_and(|owners| {
            owners
                .iter()
                .take(BLOCK_CAP)
                .any(|k| *k != j && forms[*k].articles.iter().any(|a| lone.articles.contains(a)))
        });
        if own {
            continue;
        }
        let confirmed = match key::compare(&lone.prepared[0], surname, similarity, false) {
            WordMatch::SameKey => true,
            WordMatch::Similar => checker.context(i, j),
            _ => false,
        };
        if confirmed && joinable(&mut parent, &roles, i, j) {
            union(&mut parent, i, j);
            linked[i] = true;
            linked[j] = true;
        }
    }
    // 3. A lone surname joins the one full name that ends with it.
    for (i, form) in forms.iter().enumerate() {
        if form.words.len() != 1 {
            continue;
        }
        let Some(candidates) = owners_of.get(form.prepared[0].lower.as_str()) else { continue };
        pairs_compared += candidates.len().min(BLOCK_CAP);
        let owners: HashSet<usize> = candidates.iter().take(BLOCK_CAP + 1).map(|j| find(&mut parent, *j)).collect();
        if owners.len() == 1
            && let Some(owner) = owners.into_iter().next()
            && joinable(&mut parent, &roles, i, owner)
        {
            union(&mut parent, i, owner);
        }
    }

    // 4. A lone given name joins the one full name with that given name
    //    (or its short or long form) whose surname is written in the same
    //    sentence ("Mr. Jackson's wife, Sandi" and "Sandra Jackson"), or
    //    which its own article writes in full.
    pairs_compared += join_given_names(&forms, &checker, &mut parent, &mut linked, &roles);

    let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..forms.len() {
        let root = find(&mut parent, i);
        sets.entry(root).or_default().push(i);
    }
    let mut result: Vec<VariantSet> = sets
        .into_values()
        .filter(|members| members.iter().any(|m| linked[*m]))
        .map(|members| make_set(occurrences, &forms, &members, SetKind::Spelling))
        .collect();
    // Different given names in one role: each pair is its own set, unless
    // the two are already spellings of one name.
    let mut seen_roles = HashSet::default();
    for (i, j) in roles {
        if find(&mut parent, i) != find(&mut parent, j) && seen_roles.insert((i, j)) {
            result.push(make_set(occurrences, &forms, &[i, j], SetKind::DifferentFirstName));
        }
    }
    result.sort_by_key(|set| set.occurrences.first().copied());
    Grouping { sets: result, pairs_compared }
}

/// Step 4 of [`group`]: returns the pairs compared.
fn join_given_names<F: Fn(&Occurrence, &Occurrence) -> bool>(
    forms: &[Form<'_>],
    checker: &Checker<'_, F>,
    parent: &mut [usize],
    linked: &mut [bool],
    roles: &[(usize, usize)],
) -> usize {
    // Full names by the key and the given-name groups of their first word.
    let mut by_given: HashMap<(bool, u64), Vec<usize>> = HashMap::default();
    let mut surnames: HashSet<&str> = HashSet::default();
    let given_keys = |word: &Word| -> Vec<(bool, u64)> {
        let mut keys = vec![(false, hash(0, Block::Near, 0, &[&word.key]))];
        keys.extend(given::groups(&word.key).iter().map(|g| (true, u64::from(*g))));
        keys
    };
    for (j, form) in forms.iter().enumerate() {
        if form.personal
            && let Some(first) = form.prepared.first()
        {
            for key in given_keys(first) {
                by_given.entry(key).or_default().push(j);
            }
            surnames.extend(form.prepared.last().map(|w| w.key.as_str()));
        }
    }
    let mut compared = 0;
    for (i, form) in forms.iter().enumerate() {
        if form.words.len() != 1 {
            continue;
        }
        let word = &form.prepared[0];
        // A lone surname ("Thomas" for "Clarence Thomas") is not a given name here.
        if surnames.contains(word.key.as_str()) {
            continue;
        }
        let mut candidates: Vec<usize> = given_keys(word)
            .iter()
            .filter_map(|key| by_given.get(key))
            .filter(|block| block.len() <= BLOCK_CAP)
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        compared += candidates.len();
        // (candidate, its surname is written beside the given name)
        let owners: Vec<(usize, bool)> = candidates
            .into_iter()
            .filter_map(|j| {
                let surname = forms[j].prepared.last()?;
                let beside = checker.co_surnames[i].contains(&surname.key);
                let same_article = forms[j].articles.iter().any(|a| form.articles.contains(a));
                (beside || same_article).then_some((j, beside))
            })
            .collect();
        // The surname beside the given name outweighs the article.
        let owners: Vec<(usize, bool)> = if owners.iter().any(|(_, beside)| *beside) {
            owners.into_iter().filter(|(_, beside)| *beside).collect()
        } else {
            owners
        };
        let roots: HashSet<usize> = owners.iter().map(|(j, _)| find(parent, *j)).collect();
        if roots.len() != 1 {
            continue;
        }
        let Some(&(owner, _)) = owners.first() else { continue };
        if !joinable(parent, roles, i, owner) {
            continue;
        }
        union(parent, i, owner);
        // Another form of the given name, where the full name is not
        // written, beside its surname: a variant ("Sandi" / "Sandra").
        for (j, beside) in owners {
            let other = forms[j].prepared[0].lower != word.lower;
            let disjoint = !forms[j].articles.iter().any(|a| form.articles.contains(a));
            if other && disjoint && beside {
                linked[i] = true;
                linked[j] = true;
            }
        }
    }
    compared
}

fn make_set(occurrences: &[Occurrence], forms: &[Form<'_>], members: &[usize], kind: SetKind) -> VariantSet {
    let mut indices: Vec<usize> = members.iter().flat_map(|m| forms[*m].occurrences.iter().copied()).collect();
    indices.sort_unstable();
    let mut seen: Vec<String> = Vec::new();
    for index in &indices {
        let form = occurrences[*index].mention.form();
        if !seen.contains(&form) {
            seen.push(form);
        }
    }
    VariantSet { occurrences: indices, forms: seen, kind }
}

/// What a blocking key is built on.
#[derive(Hash)]
enum Block {
    /// Keys near the words' keys.
    Near,
    /// A given-name group.
    Given,
    /// The last word alone.
    Last,
    /// A lone word or a surname, for lone/full-name pairs.
    Surname,
}

/// A blocking key: (number of words, what it is built on, given-name
/// group, words' keys). Two keys are equal when all their parts are.
fn hash(words: usize, block: Block, group: u32, parts: &[&str]) -> u64 {
    let mut hasher = FxHasher::default();
    (words, block, group, parts).hash(&mut hasher);
    hasher.finish()
}

/// Pairs of forms to compare: (same number of words, lone word and full
/// name), each sorted and without repeats.
/// Pairs of form indices.
type Pairs = Vec<(usize, usize)>;

fn candidate_pairs(forms: &[Form<'_>]) -> (Pairs, Pairs) {
    // (block key, form) for same-length blocks, and lone/surname blocks.
    let mut same: Vec<(u64, usize)> = Vec::new();
    let mut surname: Vec<(u64, usize, bool)> = Vec::new();
    for (index, form) in forms.iter().enumerate() {
        let n = form.words.len();
        let (Some(first), Some(last)) = (form.prepared.first(), form.prepared.last()) else { continue };
        if form.words.len() == 1 {
            if first.key.chars().count() < 5 {
                continue;
            }
            key::for_each_near(&first.key, true, |near| same.push((hash(1, Block::Near, 0, &[near]), index)));
            for group in given::groups(&first.key) {
                same.push((hash(1, Block::Given, *group, &[]), index));
            }
            key::for_each_near(&first.key, false, |near| {
                surname.push((hash(0, Block::Surname, 0, &[near]), index, true));
            });
            continue;
        }
        key::for_each_near(&first.key, false, |near| {
            same.push((hash(n, Block::Near, 0, &[near, &last.key]), index));
        });
        key::for_each_near(&last.key, true, |near| {
            same.push((hash(n, Block::Near, 0, &[&first.key, near]), index));
        });
        for group in given::groups(&first.key) {
            same.push((hash(n, Block::Given, *group, &[&last.key]), index));
        }
        same.push((hash(n, Block::Last, 0, &[&last.key]), index));
        if form.personal {
            key::for_each_near(&last.key, false, |near| {
                surname.push((hash(0, Block::Surname, 0, &[near]), index, false));
            });
        }
    }
    same.sort_unstable();
    same.dedup();
    surname.sort_unstable();
    surname.dedup();
    let mut same_pairs = Vec::new();
    for block in same.chunk_by(|a, b| a.0 == b.0) {
        if block.len() <= BLOCK_CAP {
            for (x, a) in block.iter().enumerate() {
                for b in &block[x + 1..] {
                    if forms[a.1].words.len() == forms[b.1].words.len() {
                        same_pairs.push((a.1.min(b.1), a.1.max(b.1)));
                    }
                }
            }
        }
    }
    let mut surname_pairs = Vec::new();
    for block in surname.chunk_by(|a, b| a.0 == b.0) {
        if block.len() <= BLOCK_CAP {
            for lone in block.iter().filter(|e| e.2) {
                for full in block.iter().filter(|e| !e.2) {
                    surname_pairs.push((lone.1, full.1));
                }
            }
        }
    }
    for pairs in [&mut same_pairs, &mut surname_pairs] {
        pairs.sort_unstable();
        pairs.dedup();
    }
    (same_pairs, surname_pairs)
}

enum Verdict {
    Variant,
    Role,
    No,
}

/// Compares two forms of the same number of words.
fn compare_forms(
    a: &Form<'_>,
    b: &Form<'_>,
    similarity: f64,
    checker: &Checker<'_, impl Fn(&Occurrence, &Occurrence) -> bool>,
    i: usize,
    j: usize,
) -> Verdict {
    let n = a.words.len();
    let personal = a.personal && b.personal;
    let mut matches: Vec<WordMatch> = a
        .prepared
        .iter()
        .zip(&b.prepared)
        .enumerate()
        .map(|(k, (x, y))| key::compare(x, y, similarity, k == 0 && (personal || n == 1)))
        .collect();
    // A plural inside a longer name is a real difference ("Central
    // Elections Commission"); on the last word it is a form (Democrats),
    // and on the first a plural title or noun before several names
    // ("Hurricanes Katrina and Rita", "five Republicans House ...").
    for (k, m) in matches.iter_mut().enumerate().take(n.saturating_sub(1)).skip(1) {
        if *m == WordMatch::Form && key::inner_plural(&a.prepared[k], &b.prepared[k]) {
            *m = WordMatch::SameKey;
        }
    }
    let Some(worst) = matches.iter().min().copied() else { return Verdict::No };
    if worst >= WordMatch::Form {
        return Verdict::No;
    }
    let disjoint = !a.articles.iter().any(|x| b.articles.contains(x));
    if worst == WordMatch::Different {
        // Only given names known as such: "House Democratic" and
        // "Assistant Democratic" are no people.
        let given_names =
            !given::groups(&a.prepared[0].key).is_empty() && !given::groups(&b.prepared[0].key).is_empty();
        let role = personal
            && given_names
            && matches[0] == WordMatch::Different
            && matches[1..].iter().all(|m| *m >= WordMatch::SameKey)
            && disjoint
            && (checker.context(i, j) || checker.co_name(i, j))
            && checker.same_role(i, j);
        return if role { Verdict::Role } else { Verdict::No };
    }
    // Two full names spelled alike in one sentence are two people.
    if n >= 2 && checker.same_sentence(i, j) {
        return Verdict::No;
    }
    let confirmed = match worst {
        WordMatch::ShortForm => n >= 2 && disjoint || checker.context(i, j) || checker.co_name(i, j),
        WordMatch::Similar => {
            // One letter apart: in a one-word name only when long (rare
            // names), in a longer name when the other words agree.
            let shortest = if n == 1 { 6 } else { 4 };
            let one_edit = matches.iter().zip(a.prepared.iter().zip(&b.prepared)).all(|(m, (x, y))| {
                *m != WordMatch::Similar
                    || key::edits(x, y) <= 1 && x.key.chars().count().min(y.key.chars().count()) >= shortest
            });
            one_edit && disjoint || checker.context(i, j) || checker.co_name(i, j)
        }
        _ => true,
    };
    if confirmed { Verdict::Variant } else { Verdict::No }
}

/// Shared context of two forms.
struct Checker<'a, F> {
    occurrences: &'a [Occurrence],
    forms: &'a [Form<'a>],
    related: F,
    /// Per form, the other names written in its sentences (lower case).
    co_names: Vec<HashSet<String>>,
    /// Per form, the keys of the last words of the other names written in
    /// its sentences (surnames).
    co_surnames: Vec<HashSet<String>>,
}

impl<'a, F: Fn(&Occurrence, &Occurrence) -> bool> Checker<'a, F> {
    fn new(occurrences: &'a [Occurrence], forms: &'a [Form<'a>], related: F) -> Self {
        let mut in_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
        for (f, form) in forms.iter().enumerate() {
            for o in form.occurrences.iter().take(CONTEXT_CAP) {
                let at = (occurrences[*o].article, occurrences[*o].sentence);
                in_sentence.entry(at).or_default().push(f);
            }
        }
        let co_names = forms
            .iter()
            .enumerate()
            .map(|(f, form)| {
                let mut names = HashSet::default();
                for o in form.occurrences.iter().take(CONTEXT_CAP) {
                    let at = (occurrences[*o].article, occurrences[*o].sentence);
                    for other in in_sentence.get(&at).into_iter().flatten().take(CONTEXT_CAP) {
                        if *other != f {
                            names.insert(
                                forms[*other].prepared.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" "),
                            );
                        }
                    }
                }
                names
            })
            .collect();
        let co_surnames = forms
            .iter()
            .enumerate()
            .map(|(f, form)| {
                let mut keys = HashSet::default();
                for o in form.occurrences.iter().take(CONTEXT_CAP) {
                    let at = (occurrences[*o].article, occurrences[*o].sentence);
                    for other in in_sentence.get(&at).into_iter().flatten().take(CONTEXT_CAP) {
                        if *other != f
                            && let Some(last) = forms[*other].prepared.last()
                        {
                            keys.insert(last.key.clone());
                        }
                    }
                }
                keys
            })
            .collect();
        Self { occurrences, forms, related, co_names, co_surnames }
    }

    fn pairs(&self, i: usize, j: usize) -> impl Iterator<Item = (&Occurrence, &Occurrence)> {
        let a = self.forms[i].occurrences.iter().take(CONTEXT_CAP);
        a.flat_map(move |x| {
            self.forms[j]
                .occurrences
                .iter()
                .take(CONTEXT_CAP)
                .map(move |y| (&self.occurrences[*x], &self.occurrences[*y]))
        })
    }

    fn context(&self, i: usize, j: usize) -> bool {
        self.pairs(i, j).any(|(x, y)| (self.related)(x, y))
    }

    /// Both are written after one title or role ("Rep. Loretta Sanchez" and
    /// "Representative Linda Sánchez"; "his grandson Rob Jones" and "her
    /// grandson Nick Jones"), not after a stop word.
    fn same_role(&self, i: usize, j: usize) -> bool {
        self.pairs(i, j).any(|(x, y)| {
            x.mention
                .before
                .as_ref()
                .is_some_and(|role| Some(role) == y.mention.before.as_ref() && !crate::tokens::is_stop_word(role))
        })
    }

    fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.pairs(i, j).any(|(x, y)| x.article == y.article && x.sentence == y.sentence)
    }

    /// Both are written beside one other name ("Tonban, Gavarzin" and
    /// "Tonban, Gabardin"; "defeated Barbara Lee").
    fn co_name(&self, i: usize, j: usize) -> bool {
        let (a, b) = (&self.co_names[i], &self.co_names[j]);
        let lower = |f: usize| self.forms[f].prepared.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
        let (own_a, own_b) = (lower(i), lower(j));
        a.iter().any(|name| name != &own_a && name != &own_b && b.contains(name))
    }
}

/// Whether joining the sets of `i` and `j` keeps apart the two names of
/// every different-given-name pair (a lone "Sanchez" must not make
/// "Loretta Sanchez" and "Linda Sánchez" one spelling set).
fn joinable(parent: &mut [usize], roles: &[(usize, usize)], i: usize, j: usize) -> bool {
    let (ri, rj) = (find(parent, i), find(parent, j));
    roles.iter().all(|(a, b)| {
        let (ra, rb) = (find(parent, *a), find(parent, *b));
        !(ra == ri && rb == rj || ra == rj && rb == ri)
    })
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[high] = low;
    }
}
