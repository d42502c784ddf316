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

mod fold;
mod given;
mod key;
mod lexicon;
mod variants;

/// A transliteration-folding key: spellings of one name in different
/// romanisations get the same key (Kuznetsov, Kouznetsov, Kusnezow →
/// "kuznezov"; Yevgeny, Evgeny, Jewgeni → "evgeni"; John, Jon → "ion").
/// Memoised (the same names recur across a run's sentences).
#[must_use]
pub fn fold_key(word: &str) -> String {
    static KEYS: crate::memo::Memo = crate::memo::Memo::new();
    KEYS.get(word, fold::fold_key)
}

pub use given::same_given_name;

/// Whether a word is a known given name ("Doug", "Sandra"), by the
/// nicknames table's transliteration keys.
#[must_use]
pub fn is_given_name(word: &str) -> bool {
    !given::groups(&fold_key(word)).is_empty()
}
pub use key::{WordMatch, compare_words};
pub use variants::{BLOCK_CAP, Grouping, Occurrence, SetKind, VariantSet, find_variants, group};

use crate::model::Span;
use crate::tokens;
use std::collections::HashSet;

/// Capitalised words that are never names: months (full or abbreviated) and weekdays.
fn is_calendar_word(key: &str) -> bool {
    crate::lexicon::CALENDAR.is_month(key) || crate::lexicon::CALENDAR.is_weekday(key)
}

/// A title or role before a name: the shared honorifics, and the roles of
/// `names.toml`.
/// A hyphenated role is a role ("Attorney-General", "Vice-President").
fn is_role(key: &str) -> bool {
    let role = |part: &str| crate::lexicon::HONORIFICS.is_title_word(part) || lexicon::get().roles.contains(part);
    role(key) || key.contains('-') && key.split('-').any(role)
}

/// What the articles tell about their words, for finding names.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Words (folded) written in lower case somewhere: common words.
    pub common: HashSet<String>,
    /// Words (folded) written capitalised after a lower-case word
    /// (mid-sentence): names, whatever their frequency in English.
    pub capitalised: HashSet<String>,
}

impl Vocabulary {
    /// In a sentence written in capitals, whether a word is a plain English
    /// word rather than part of a name: frequent in English at large
    /// (`names.toml`'s `plain_word_zipf`), and never written capitalised
    /// mid-sentence in the articles ("ISSUED", "TODAY"; but "JAMES" where
    /// another article writes "James").
    fn is_plain_in_capitals(&self, key: &str) -> bool {
        if self.capitalised.contains(key) {
            return false;
        }
        key.split('-').all(|part| !part.is_empty() && key::is_plain_word(&tokens::stem(part)))
    }
}

/// A name as written in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// The name's words as written (possessive "'s" removed).
    pub words: Vec<String>,
    /// Where it is written (relative to the scanned text).
    pub span: Span,
    /// The word written just before it (lower case; an abbreviation's full
    /// stop skipped, abbreviated titles written out by `names.toml`'s
    /// `role_forms`): its title or role ("representative" for "Rep. Ana
    /// Lind", "grandson" for "his grandson Tomas Lind").
    pub before: Option<String>,
}

impl NameMention {
    /// The name as one string.
    #[must_use]
    pub fn form(&self) -> String {
        self.words.join(" ")
    }
}

/// One piece of a run of capitalised words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// A word of the name.
    Word,
    /// A middle initial ("T." in "Linda T. Morrow"): in the span, not
    /// compared (a fuller form, not another spelling).
    Initial,
    /// "Jr.", "Sr.", "III": the same.
    Generational,
}

/// Words of a run (offset, word, part) after a role (true) or not.
type Segment<'a> = (bool, Vec<(usize, &'a str, Part)>);

/// Finds capitalised name candidates in a sentence. `common` holds words
/// (folded) that occur in lower case in the articles: they are not names.
/// In a sentence written in capitals (a shouted headline) every word is
/// capitalised: there, common words split names instead.
#[must_use]
pub fn extract(text: &str, common: &HashSet<String>) -> Vec<NameMention> {
    let bounds: Vec<(usize, &str)> = crate::tokens::word_bounds(text).collect();
    extract_words(text, &bounds, common, None)
}

/// [`extract`] with what the articles tell about their words: in a sentence
/// written in capitals, frequent English words that the articles never
/// capitalise mid-sentence split names too ("WALLY OPAL ISSUED" → "WALLY
/// OPAL").
#[must_use]
pub fn extract_in(text: &str, vocabulary: &Vocabulary) -> Vec<NameMention> {
    let bounds: Vec<(usize, &str)> = crate::tokens::word_bounds(text).collect();
    extract_words(text, &bounds, &vocabulary.common, Some(vocabulary))
}

/// [`extract_in`] for a sentence already split at its word boundaries
/// ([`crate::tokens::word_bounds`] of `text`).
#[must_use]
pub(crate) fn extract_in_bounds(text: &str, bounds: &[(usize, &str)], vocabulary: &Vocabulary) -> Vec<NameMention> {
    extract_words(text, bounds, &vocabulary.common, Some(vocabulary))
}

fn extract_words(
    text: &str,
    tokens: &[(usize, &str)],
    common: &HashSet<String>,
    vocabulary: Option<&Vocabulary>,
) -> Vec<NameMention> {
    let shouting = is_shouting(text);
    let capitalised = |word: &str| is_capitalised(word) || shouting && is_upper_word(word);
    let lexicon = lexicon::get();
    let mut mentions = Vec::new();
    let mut run: Vec<(usize, &str, Part)> = Vec::new();
    let mut index = 0;
    let mut first_word = true;
    let mut run_at_start = false;
    let flush = |run: &mut Vec<(usize, &str, Part)>, mentions: &mut Vec<NameMention>, at_start: bool| {
        mentions.extend(finish_run(run, common, vocabulary, at_start, shouting));
        run.clear();
    };
    while index < tokens.len() {
        let (start, token) = tokens[index];
        let is_word = token.chars().next().is_some_and(char::is_alphabetic);
        let folded = if is_word { tokens::fold_cow(token) } else { std::borrow::Cow::Borrowed("") };
        let dot_follows = tokens.get(index + 1).is_some_and(|(_, t)| *t == ".");
        if is_word
            && !run.is_empty()
            && lexicon.generational.contains(folded.as_ref())
            && !shouting_common(shouting, common, &folded)
        {
            // "Jesse Jackson Jr." ends the name.
            run.push((start, token, Part::Generational));
            index += 1 + usize::from(dot_follows);
            flush(&mut run, &mut mentions, run_at_start);
            first_word = false;
            continue;
        } else if is_word
            && !run.is_empty()
            && dot_follows
            && token.chars().count() == 1
            && token.chars().all(char::is_uppercase)
            && next_word(tokens, index + 2).is_some_and(&capitalised)
        {
            // A middle initial: "Linda T. Morrow".
            run.push((start, token, Part::Initial));
            index += 2;
            continue;
        } else if is_word && capitalised(token) {
            if run.is_empty() {
                run_at_start = first_word;
            }
            run.push((start, token, Part::Word));
        } else if is_word
            && !run.is_empty()
            && lexicon.connectors.contains(token)
            && next_word(tokens, index + 1).is_some_and(|t| capitalised(t) || t == "-")
        {
            run.push((start, token, Part::Word));
        } else if token == "-" && !run.is_empty() && tokens.get(index + 1).is_some_and(|(_, t)| capitalised(t)) {
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
    for mention in &mut mentions {
        mention.before = word_before(text, mention.span.start);
    }
    mentions
}

/// The word just before `at` ("Rep. Ana Lind": "representative"), when only
/// spaces or an abbreviation's full stop stand between.
fn word_before(text: &str, at: usize) -> Option<String> {
    let head = text.get(..at)?.trim_end();
    let head = head.strip_suffix('.').unwrap_or(head);
    let start = head.char_indices().rev().take_while(|(_, c)| c.is_alphanumeric()).last().map(|(i, _)| i)?;
    let word = tokens::fold_word(&head[start..]);
    let forms = &lexicon::get().role_forms;
    Some(forms.get(&word).cloned().unwrap_or(word))
}

fn shouting_common(shouting: bool, common: &HashSet<String>, folded: &str) -> bool {
    shouting && common.contains(folded)
}

/// The next token that is not a space, from `index` on.
fn next_word<'a>(tokens: &[(usize, &'a str)], index: usize) -> Option<&'a str> {
    tokens.get(index..)?.iter().find(|(_, t)| !t.trim().is_empty()).map(|(_, t)| *t)
}

/// A word written with a capital first letter and some lower-case letter ("Lind", not "LIND" or "lind").
#[must_use]
pub fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// A word of two letters or more, all capitals.
fn is_upper_word(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '\'' || c == '’')
}

/// A sentence written in capitals: at least twelve letters, nine in ten
/// of them capitals.
fn is_shouting(text: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 12 && upper * 10 >= letters * 9
}

/// Turns a run of capitalised words into names: titles, roles and calendar
/// words split it ("Qeshm Governor Heydar Alishvandi" → Qeshm, Heydar
/// Alishvandi), a role's "of" complement stays out of the name ("Minister
/// of Ruritania Ana Lind" → Ana Lind), connectors never start or end a
/// name, and common words are trimmed where a capital may only mean
/// "start of sentence". A run of two or more capitalised words
/// mid-sentence is a name even when its words are common ("Central
/// Election Commission", "Lower Velm"); a single word is a name only when
/// it is never written in lower case. In a shouted sentence common words
/// split names.
fn finish_run(
    run: &[(usize, &str, Part)],
    common: &HashSet<String>,
    vocabulary: Option<&Vocabulary>,
    at_start: bool,
    shouting: bool,
) -> Vec<NameMention> {
    let lexicon = lexicon::get();
    let folded = |word| tokens::fold_cow(word);
    // Segments, each remembering whether a role opened it.
    let mut segments: Vec<Segment<'_>> = vec![(false, Vec::new())];
    for (start, word, part) in run {
        let word = strip_possessive(word);
        let key = folded(word);
        let key = key.as_ref();
        // "Linda Q. Morrow of Velmora": a person's name ends before "of".
        let of_after_person = key == "of"
            && segments.last().is_some_and(|(_, s)| {
                s.iter().any(|(_, _, p)| *p == Part::Initial)
                    || s.len() >= 2 && s.first().is_some_and(|(_, w, _)| !given::groups(&fold_key(w)).is_empty())
            });
        let breaks = *part == Part::Word
            && (is_role(key)
                || of_after_person
                || is_calendar_word(key)
                || shouting
                    && (common.contains(key)
                        || tokens::is_stop_word(key)
                        || vocabulary.is_some_and(|v| v.is_plain_in_capitals(key))));
        if breaks {
            segments.push((is_role(key), Vec::new()));
        } else if let Some((_, segment)) = segments.last_mut() {
            segment.push((*start, word, *part));
        }
    }
    let mut names = Vec::new();
    for (index, (after_role, mut items)) in segments.into_iter().enumerate() {
        let opens_sentence = index == 0 && at_start;
        // "Minister of Ruritania Ana Lind": the role's complement, then the
        // name (its last two words); "Minister of Ruritania" alone is no name.
        if after_role && items.first().is_some_and(|(_, w, _)| *w == "of") {
            let words: Vec<usize> =
                items.iter().enumerate().filter(|(_, (_, _, p))| *p == Part::Word).map(|(i, _)| i).collect();
            if words.len() >= 4 {
                items.drain(..words[words.len() - 2]);
            } else {
                continue;
            }
        }
        while let Some((_, first, part)) = items.first() {
            let key = folded(first);
            let key = key.as_ref();
            let is_common = common.contains(key) || tokens::is_stop_word(key);
            // "Academy of Motion Pictures" is a name even at the start.
            let before_of = items.get(1).is_some_and(|(_, w, _)| *w == "of");
            if !(*part == Part::Initial
                || lexicon.connectors.contains(key)
                || (opens_sentence && is_common && !before_of))
            {
                break;
            }
            items.remove(0);
        }
        while items.last().is_some_and(|(_, w, p)| *p == Part::Word && lexicon.connectors.contains(folded(w).as_ref()))
        {
            items.pop();
        }
        let words: Vec<&(usize, &str, Part)> = items.iter().filter(|(_, _, p)| *p == Part::Word).collect();
        let (Some(first), Some(last_word), Some(last)) = (words.first(), words.last(), items.last()) else { continue };
        if words.len() == 1
            && (common.contains(folded(last_word.1).as_ref()) || tokens::is_stop_word(&folded(last_word.1)))
        {
            continue;
        }
        let span = Span::new(first.0, last.0 + last.1.len());
        names.push(NameMention { words: words.iter().map(|(_, w, _)| (*w).to_owned()).collect(), span, before: None });
    }
    names
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).or_else(|| word.strip_suffix('\'')).unwrap_or(word)
}

/// A name shaped like a person's (given name(s) and a surname): two or more
/// words, no "of" ("Bank of England" does not end in a surname), and not
/// opening like a place ("Los Angeles", "New Delhi").
#[must_use]
pub fn is_personal(words: &[String]) -> bool {
    words.len() >= 2
        && !words.iter().any(|w| w == "of")
        && !words.first().is_some_and(|w| lexicon::get().place_prefixes.contains(&tokens::fold_word(w)))
}

impl crate::model::Comparison {
    /// Every spelling of a name that `query` is one spelling of (compared
    /// ignoring case and diacritics), from the name discrepancies: searching
    /// "Heydar Alishbandi" finds "Heidar Alishvandi" too, and a surname
    /// finds the set's surnames (a query of k words is compared with the
    /// last k words of each spelling). Empty when `query` is in no set.
    #[must_use]
    pub fn name_variants(&self, query: &str) -> Vec<String> {
        let wanted = key::plain(&query.split_whitespace().collect::<Vec<_>>().join(" "));
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<String> = Vec::new();
        for discrepancy in self.discrepancies.iter().filter(|d| d.kind == crate::model::DiscrepancyKind::Name) {
            let texts: Vec<&str> = discrepancy
                .mentions
                .iter()
                .filter_map(|m| self.articles.get(m.at.article)?.text.get(m.span.range()))
                .collect();
            // The query as the last words of a mention ("Kouznetsov",
            // "Evgeny Kouznetsov"): the same last words of every mention.
            let count = wanted.split(' ').count();
            let tail = |t: &str| -> Option<String> {
                let words: Vec<&str> = t.split(' ').collect();
                (words.len() >= count).then(|| words[words.len() - count..].join(" "))
            };
            if !texts.iter().any(|t| tail(t).is_some_and(|tail| key::plain(&tail) == wanted)) {
                continue;
            }
            let chosen: Vec<String> = texts.iter().filter_map(|t| tail(t)).collect();
            for text in chosen {
                if !found.iter().any(|f| key::plain(f) == key::plain(&text)) {
                    found.push(text);
                }
            }
        }
        found
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
        Occurrence { article, sentence, mention: NameMention { words, span: Span::new(0, name.len()), before: None } }
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

    fn set_forms(occurrences: &[Occurrence]) -> Vec<Vec<String>> {
        find_variants(occurrences, 0.9, |_, _| false).into_iter().map(|s| s.forms).collect()
    }

    #[test]
    fn a_lone_given_name_joins_the_full_name_by_its_surname() {
        // "Mr. Brecht's wife, Sandi" where another article has "Sandra Brecht".
        let occurrences = vec![
            occurrence(0, 1, "Sandra Brecht"),
            occurrence(0, 2, "Sandra"),
            occurrence(1, 1, "Tomas Brecht"),
            occurrence(1, 2, "Brecht"),
            occurrence(1, 2, "Sandi"),
        ];
        assert_eq!(set_forms(&occurrences), [["Sandra Brecht", "Sandra", "Sandi"]]);
        // Without the surname beside it, a lone "Sandi" elsewhere is nobody's.
        let mut apart = occurrences.clone();
        apart[3].sentence = 3;
        assert!(set_forms(&apart).is_empty(), "{:?}", set_forms(&apart));
        // Two Sandras of that surname: whose is unknown.
        let mut two = occurrences;
        two.push(occurrence(1, 2, "Halloran"));
        two.push(occurrence(2, 3, "Sandra Halloran"));
        assert!(!set_forms(&two).iter().any(|set| set.contains(&"Sandi".to_owned())), "{:?}", set_forms(&two));
    }

    #[test]
    fn a_different_first_name_is_reported_in_one_role_only() {
        let sentence = |text: &str| -> Vec<NameMention> { extract(text, &common()) };
        let a = sentence("Rep. Monica Halloran won the vote.");
        let b = sentence("Representative Margaret Halloran won the vote.");
        let c = sentence("The mayor thanked Governor Margaret Halloran.");
        assert_eq!(a[0].before.as_deref(), Some("representative"));
        assert_eq!(b[0].before.as_deref(), Some("representative"));
        let occurrences = |second: &[NameMention]| -> Vec<Occurrence> {
            vec![
                Occurrence { article: 0, sentence: 0, mention: a[0].clone() },
                Occurrence { article: 1, sentence: 0, mention: second[0].clone() },
            ]
        };
        let kinds = |second: &[NameMention]| -> Vec<SetKind> {
            find_variants(&occurrences(second), 0.9, |_, _| true).iter().map(|s| s.kind).collect()
        };
        assert_eq!(kinds(&b), [SetKind::DifferentFirstName]);
        assert!(kinds(&c).is_empty(), "a representative and a governor are two people");
    }

    #[test]
    fn similar_only_names_need_context() {
        // In one article (across articles one letter is enough).
        let occurrences =
            vec![occurrence(0, 1, "Promises Treatment Center"), occurrence(0, 2, "Promises Treatment Centar")];
        assert!(find_variants(&occurrences, 0.9, |_, _| false).is_empty());
        assert_eq!(find_variants(&occurrences, 0.9, |_, _| true).len(), 1);
    }
}

#[cfg(test)]
mod growth_tests {
    use super::*;

    /// Names built from a small pool of given names and syllables, so that
    /// many share a given name or a surname, or nearly do.
    fn names(count: usize, fixed: Option<&str>) -> Vec<Occurrence> {
        const GIVEN: &[&str] =
            &["Ana", "Tomas", "Marek", "Lena", "Jon", "Ivo", "Petra", "Sven", "Kenneth", "Mike", "Sandra", "Olek"];
        const SYLLABLES: &[&str] =
            &["ka", "ri", "to", "ne", "mo", "sa", "li", "vu", "de", "an", "or", "ze", "pe", "bu", "gi", "fo"];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % 1_000_003).unwrap_or(0)
        };
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        while out.len() < count {
            let surname: String = (0..5).map(|_| SYLLABLES[next() % SYLLABLES.len()]).collect();
            let mut chars = surname.chars();
            let surname: String = chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect();
            let name = match fixed {
                Some(fixed) => format!("{surname} {fixed}"),
                None if next() % 3 == 0 => surname,
                None => format!("{} {surname}", GIVEN[next() % GIVEN.len()]),
            };
            if seen.insert(name.clone()) {
                let words: Vec<String> = name.split(' ').map(str::to_owned).collect();
                let article = out.len() % 2;
                let sentence = out.len() / 2;
                out.push(Occurrence {
                    article,
                    sentence,
                    mention: NameMention { words, span: Span::new(0, 1), before: None },
                });
            }
        }
        out
    }

    #[test]
    fn pairs_compared_grow_linearly_with_distinct_names() {
        let compared = |occurrences: &[Occurrence]| group(occurrences, 0.9, |_, _| false).pairs_compared;
        for n in [1_000, 2_000, 4_000] {
            // All pairs would be n (n - 1) / 2: 7,998,000 for 4,000 names.
            let pairs = compared(&names(n, None));
            assert!(pairs <= n / 2, "{pairs} pairs compared for {n} names");
            // One surname shared by every name: the surname's block is too
            // common to compare within.
            let pairs = compared(&names(n, Some("Halloran")));
            assert!(pairs <= n, "{pairs} pairs compared for {n} Hallorans");
        }
    }
}
