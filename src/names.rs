//! Names and their spelling variants: Kuznetsov / Kouznetsov / Kusnezow,
//! Yevgeny / Evgeny / Jewgeni, Jon / John, Milošević / Milosevic.
//!
//! Candidates are runs of capitalised words; words that also appear in
//! lower case somewhere in the articles ("Governor", "The") are common
//! words, not names, and are trimmed from the edges of a run. Two names are
//! spellings of one when every word of one matches the word in the same
//! place of the other under a transliteration-folding key, or by
//! Jaro-Winkler similarity backed by shared context. Names that differ in
//! a whole word (Hafez al-Assad / Bashar al-Assad) are different people.

use crate::model::Span;
use crate::tokens;
use std::collections::{BTreeMap, HashSet};
use unicode_segmentation::UnicodeSegmentation;

/// Words that join the parts of a name without being capitalised.
const CONNECTORS: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "du", "dos",
    "das", "ter", "ten", "y", "of",
];

/// Capitalised words that are never names: months (full or abbreviated) and weekdays.
fn is_calendar_word(key: &str) -> bool {
    crate::lexicon::CALENDAR.is_month(key) || crate::lexicon::CALENDAR.is_weekday(key)
}

/// A name as written in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// The name's words as written (possessive "'s" removed).
    pub words: Vec<String>,
    /// Where it is written (relative to the scanned text).
    pub span: Span,
}

impl NameMention {
    /// The name as one string.
    #[must_use]
    pub fn form(&self) -> String {
        self.words.join(" ")
    }
}

/// Finds capitalised name candidates in a sentence. `common` holds words
/// (folded) that occur in lower case in the articles: they are not names.
#[must_use]
pub fn extract(text: &str, common: &HashSet<String>) -> Vec<NameMention> {
    let tokens: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    let mut mentions = Vec::new();
    let mut run: Vec<(usize, &str)> = Vec::new();
    let mut index = 0;
    let mut first_word = true;
    let flush = |run: &mut Vec<(usize, &str)>, mentions: &mut Vec<NameMention>, at_start: bool| {
        mentions.extend(finish_run(run, common, at_start));
        run.clear();
    };
    let mut run_at_start = false;
    while index < tokens.len() {
        let (start, token) = tokens[index];
        let is_word = token.chars().next().is_some_and(char::is_alphabetic);
        if is_word && is_capitalised(token) {
            if run.is_empty() {
                run_at_start = first_word;
            }
            run.push((start, token));
        } else if is_word && !run.is_empty() && CONNECTORS.contains(&token) && next_word_capitalised(&tokens, index) {
            run.push((start, token));
        } else if token == "-" && !run.is_empty() && tokens.get(index + 1).is_some_and(|(_, t)| is_capitalised(t)) {
            // "al-Assad": glue the hyphenated part to the previous word.
            let (_, next) = tokens[index + 1];
            if let Some(last) = run.last_mut() {
                let joined_end = tokens[index + 1].0 + next.len();
                last.1 = &text[last.0..joined_end];
            }
            index += 2;
            continue;
        } else if token.trim().is_empty() && !token.contains('\n') {
            // Spaces inside a run are fine.
        } else {
            flush(&mut run, &mut mentions, run_at_start);
        }
        if is_word {
            first_word = false;
        }
        index += 1;
    }
    flush(&mut run, &mut mentions, run_at_start);
    mentions
}

fn next_word_capitalised(tokens: &[(usize, &str)], index: usize) -> bool {
    tokens[index + 1..].iter().find(|(_, t)| !t.trim().is_empty()).is_some_and(|(_, t)| is_capitalised(t) || *t == "-")
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Turns a run of capitalised words into names: titles and calendar words
/// split it ("Qeshm Governor Heydar Alishvandi" → Qeshm, Heydar Alishvandi),
/// connectors never start or end a name, and common words are trimmed
/// where a capital may only mean "start of sentence". A run of two or more
/// capitalised words mid-sentence is a name even when its words are common
/// ("Central Election Commission", "Lower Velm"); a single word is a name
/// only when it is never written in lower case.
fn finish_run(run: &[(usize, &str)], common: &HashSet<String>, at_start: bool) -> Vec<NameMention> {
    let folded = |word: &str| tokens::fold_word(word);
    let mut segments: Vec<Vec<(usize, String)>> = vec![Vec::new()];
    for (start, word) in run {
        let word = strip_possessive(word);
        let key = folded(word);
        if crate::lexicon::HONORIFICS.is_title_word(&key) || is_calendar_word(&key) {
            segments.push(Vec::new());
        } else if let Some(segment) = segments.last_mut() {
            segment.push((*start, word.to_owned()));
        }
    }
    let mut names = Vec::new();
    for (index, mut words) in segments.into_iter().enumerate() {
        let opens_sentence = index == 0 && at_start;
        while let Some((_, first)) = words.first() {
            let key = folded(first);
            let is_common = common.contains(&key) || tokens::is_stop_word(&key);
            if !(CONNECTORS.contains(&key.as_str()) || (opens_sentence && is_common)) {
                break;
            }
            words.remove(0);
        }
        while words.last().is_some_and(|(_, w)| CONNECTORS.contains(&folded(w).as_str())) {
            words.pop();
        }
        let (Some((first_start, _)), Some((last_start, last_word))) = (words.first(), words.last()) else { continue };
        if words.len() == 1 && (common.contains(&folded(last_word)) || tokens::is_stop_word(&folded(last_word))) {
            continue;
        }
        let span = Span::new(*first_start, last_start + last_word.len());
        names.push(NameMention { words: words.into_iter().map(|(_, w)| w).collect(), span });
    }
    names
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).or_else(|| word.strip_suffix('\'')).unwrap_or(word)
}

/// A transliteration-folding key: spellings of one name in different
/// romanisations get the same key (Kuznetsov, Kouznetsov, Kusnezow →
/// "kuznezov"; Yevgeny, Evgeny, Jewgeni → "evgeni"; John, Jon → "ion").
#[must_use]
pub fn fold_key(word: &str) -> String {
    let mut key = crate::normalize::fold_diacritics_lower(word);
    key.retain(|c| c.is_alphanumeric() || c == '-');
    for (from, to) in [("ye", "e"), ("je", "e"), ("ie", "e")] {
        if let Some(rest) = key.strip_prefix(from) {
            key = format!("{to}{rest}");
        }
    }
    for (from, to) in [
        ("tsch", "ch"),
        ("sch", "sh"),
        ("tch", "ch"),
        ("ou", "u"),
        ("ph", "f"),
        ("w", "v"),
        ("kh", "h"),
        ("gh", "g"),
        ("ck", "k"),
        ("ts", "z"),
        ("tz", "z"),
        ("dz", "z"),
        ("x", "ks"),
        ("q", "k"),
        ("s", "z"),
        ("y", "i"),
        ("j", "i"),
    ] {
        key = key.replace(from, to);
    }
    if let Some(stem) = key.strip_suffix("re") {
        key = format!("{stem}er");
    }
    if let Some(stem) = key.strip_suffix("ch") {
        key = format!("{stem}c");
    }
    // A silent h after a vowel (John → Jon).
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len());
    for (i, c) in chars.iter().enumerate() {
        let after_vowel = i > 0 && "aeiou".contains(chars[i - 1]);
        let before_consonant_or_end = chars.get(i + 1).is_none_or(|n| !"aeiou".contains(*n));
        if *c == 'h' && after_vowel && before_consonant_or_end {
            continue;
        }
        if out.ends_with(*c) {
            continue; // double letters
        }
        out.push(*c);
    }
    out
}

/// How close two words of a name are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordMatch {
    /// Different words.
    Different,
    /// Alike by string similarity only: needs shared context to count.
    Similar,
    /// The same under the transliteration key.
    SameKey,
    /// Spelled the same (ignoring case).
    Identical,
}

/// Compares two words of a name.
#[must_use]
pub fn compare_words(a: &str, b: &str, similarity: f64) -> WordMatch {
    if a.to_lowercase() == b.to_lowercase() {
        return WordMatch::Identical;
    }
    let (ka, kb) = (fold_key(a), fold_key(b));
    // A plural or an apostrophe-less possessive ("Oscars", "Globes") is the
    // same name written in another form, not another spelling of it.
    if ka.strip_suffix('z') == Some(&kb) || kb.strip_suffix('z') == Some(&ka) {
        return WordMatch::Identical;
    }
    if ka == kb {
        // Not identical as written (checked above): a variant spelling.
        return WordMatch::SameKey;
    }
    let (la, lb) = (ka.chars().count(), kb.chars().count());
    if la.min(lb) < 4 || la.min(lb) * 10 < la.max(lb) * 8 {
        return WordMatch::Different;
    }
    if strsim::jaro_winkler(&ka, &kb) >= similarity { WordMatch::Similar } else { WordMatch::Different }
}

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

/// A set of spellings judged to name one person, place or thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantSet {
    /// Indices into the occurrences given to [`find_variants`], in order.
    pub occurrences: Vec<usize>,
    /// The distinct forms, in order of first appearance.
    pub forms: Vec<String>,
}

/// Groups name occurrences into sets of spelling variants. `related(a, b)`
/// tells whether two occurrences share context (the same matched statement
/// or similar surrounding words); it confirms pairs that are only similar.
pub fn find_variants(
    occurrences: &[Occurrence],
    similarity: f64,
    related: impl Fn(&Occurrence, &Occurrence) -> bool,
) -> Vec<VariantSet> {
    // Distinct forms, keyed by their words, with the occurrences of each.
    let mut forms: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for (index, occurrence) in occurrences.iter().enumerate() {
        forms.entry(occurrence.mention.words.clone()).or_default().push(index);
    }
    let keys: Vec<&Vec<String>> = forms.keys().collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    let mut is_variant_link = vec![false; keys.len()];

    // 1. Full names with the same number of words, word by word.
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            let (a, b) = (keys[i], keys[j]);
            if a.len() != b.len() || a.len() < 2 && !single_word_candidates(a, b) {
                continue;
            }
            let matches: Vec<WordMatch> =
                a.iter().zip(b.iter()).map(|(x, y)| compare_words(x, y, similarity)).collect();
            let worst = matches.iter().min().copied().unwrap_or(WordMatch::Different);
            if worst == WordMatch::Different
                || worst == WordMatch::Identical && matches.iter().all(|m| *m == WordMatch::Identical)
            {
                continue;
            }
            let occurrences_a = &forms[a];
            let occurrences_b = &forms[b];
            // Two full names spelled alike in one sentence are two people.
            let same_sentence = a.len() >= 2
                && occurrences_a.iter().any(|x| {
                    occurrences_b.iter().any(|y| {
                        occurrences[*x].article == occurrences[*y].article
                            && occurrences[*x].sentence == occurrences[*y].sentence
                    })
                });
            if same_sentence {
                continue;
            }
            let confirmed = worst >= WordMatch::SameKey
                || occurrences_a
                    .iter()
                    .any(|x| occurrences_b.iter().any(|y| related(&occurrences[*x], &occurrences[*y])));
            if confirmed {
                union(&mut parent, i, j);
                is_variant_link[i] = true;
                is_variant_link[j] = true;
            }
        }
    }
    // 2. A lone word spelled like the surname of a full name ("Klistchko"
    //    and "Wladimir Klitschko") is a variant of it.
    for i in 0..keys.len() {
        if keys[i].len() != 1 || keys[i][0].chars().count() < 5 {
            continue;
        }
        for j in 0..keys.len() {
            let Some(surname) = keys[j].last().filter(|_| is_personal(keys[j])) else { continue };
            let word_match = compare_words(&keys[i][0], surname, similarity);
            let confirmed = match word_match {
                WordMatch::SameKey => true,
                WordMatch::Similar => forms[keys[i]]
                    .iter()
                    .any(|x| forms[keys[j]].iter().any(|y| related(&occurrences[*x], &occurrences[*y]))),
                WordMatch::Identical | WordMatch::Different => false,
            };
            if confirmed {
                union(&mut parent, i, j);
                is_variant_link[i] = true;
                is_variant_link[j] = true;
            }
        }
    }
    // 3. A lone surname joins the one full name that ends with it.
    for i in 0..keys.len() {
        if keys[i].len() != 1 {
            continue;
        }
        let owners: HashSet<usize> = (0..keys.len())
            .filter(|j| {
                keys[*j].len() >= 2
                    && keys[*j].last().is_some_and(|last| last.to_lowercase() == keys[i][0].to_lowercase())
            })
            .map(|j| find(&mut parent, j))
            .collect();
        if owners.len() == 1
            && let Some(owner) = owners.into_iter().next()
        {
            union(&mut parent, i, owner);
        }
    }
    // Sets that hold at least one variant link.
    let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..keys.len() {
        let root = find(&mut parent, i);
        sets.entry(root).or_default().push(i);
    }
    let mut result: Vec<VariantSet> = sets
        .into_values()
        .filter(|members| members.iter().any(|m| is_variant_link[*m]))
        .map(|members| {
            let mut indices: Vec<usize> = members.iter().flat_map(|m| forms[keys[*m]].iter().copied()).collect();
            indices.sort_unstable();
            let mut seen = Vec::new();
            for index in &indices {
                let form = occurrences[*index].mention.form();
                if !seen.contains(&form) {
                    seen.push(form);
                }
            }
            VariantSet { occurrences: indices, forms: seen }
        })
        .collect();
    result.sort_by_key(|set| set.occurrences.first().copied());
    result
}

/// A name shaped like a person's (given name(s) and a surname): two or more
/// words and no "of" ("Bank of England" does not end in a surname).
pub fn is_personal(words: &[String]) -> bool {
    words.len() >= 2 && !words.iter().any(|w| w == "of")
}

/// Single words are compared only when long enough to be distinctive.
fn single_word_candidates(a: &[String], b: &[String]) -> bool {
    a.len() == 1 && b.len() == 1 && a[0].chars().count() >= 5 && b[0].chars().count() >= 5
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

#[cfg(test)]
mod tests {
    use super::*;

    fn common() -> HashSet<String> {
        ["governor", "the", "regional", "emergency", "coordinator", "mayor", "three"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    }

    fn forms(text: &str) -> Vec<String> {
        extract(text, &common()).iter().map(NameMention::form).collect()
    }

    #[test]
    fn extracts_names_without_titles_and_common_words() {
        assert_eq!(forms("Governor Marek Halloran declared a state of emergency."), ["Marek Halloran"]);
        assert_eq!(forms("Regional emergency coordinator Jon Ashby said so."), ["Jon Ashby"]);
        assert_eq!(
            forms("Three people died, Dr. Lena Vasquez said in Velmora's town hall."),
            ["Lena Vasquez", "Velmora"]
        );
        assert_eq!(forms("Bashar al-Assad met Hafez al-Assad."), ["Bashar al-Assad", "Hafez al-Assad"]);
    }

    #[test]
    fn transliteration_keys() {
        assert_eq!(fold_key("Kuznetsov"), fold_key("Kouznetsov"));
        assert_eq!(fold_key("Kuznetsov"), fold_key("Kusnezow"));
        assert_eq!(fold_key("Yevgeny"), fold_key("Evgeny"));
        assert_eq!(fold_key("Yevgeny"), fold_key("Jewgeni"));
        assert_eq!(fold_key("John"), fold_key("Jon"));
        assert_eq!(fold_key("Milošević"), fold_key("Milosevic"));
        assert_ne!(fold_key("Hafez"), fold_key("Bashar"));
        assert_ne!(fold_key("Marek"), fold_key("Tomas"));
    }

    fn occurrence(article: usize, sentence: usize, name: &str) -> Occurrence {
        let words: Vec<String> = name.split(' ').map(str::to_owned).collect();
        Occurrence { article, sentence, mention: NameMention { words, span: Span::new(0, name.len()) } }
    }

    #[test]
    fn variants_group_and_different_people_stay_apart() {
        let occurrences = vec![
            occurrence(0, 1, "Yevgeny Kuznetsov"),
            occurrence(0, 2, "Kuznetsov"),
            occurrence(1, 1, "Evgeny Kouznetsov"),
            occurrence(1, 2, "Kouznetsov"),
            occurrence(2, 1, "Jewgeni Kusnezow"),
            occurrence(0, 3, "Marek Halloran"),
            occurrence(1, 3, "Tomas Halloran"),
            occurrence(0, 4, "Hafez al-Assad"),
            occurrence(1, 4, "Bashar al-Assad"),
            occurrence(2, 5, "Orlen River"),
            occurrence(2, 6, "Orlen Energy"),
        ];
        let sets = find_variants(&occurrences, 0.9, |_, _| false);
        assert_eq!(sets.len(), 1);
        assert_eq!(
            sets[0].forms,
            ["Yevgeny Kuznetsov", "Kuznetsov", "Evgeny Kouznetsov", "Kouznetsov", "Jewgeni Kusnezow"]
        );
    }

    #[test]
    fn similar_only_names_need_context() {
        let occurrences =
            vec![occurrence(0, 1, "Promises Treatment Center"), occurrence(1, 1, "Promises Treatment Centar")];
        assert!(find_variants(&occurrences, 0.9, |_, _| false).is_empty());
        assert_eq!(find_variants(&occurrences, 0.9, |_, _| true).len(), 1);
    }
}
