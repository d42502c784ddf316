//! Whose age a figure gives. An age belongs to one person, named next to
//! it ("Ana Lind, 44,", "the 44-year-old Lind", "Lind, who turns 45 in
//! May") or, for "in their 70s", to everyone the sentence names. Two ages
//! of one person are one quantity wherever the articles state them; ages of
//! two people never are.

use super::Candidate;
use crate::lexicon::Examples;
use crate::model::Span;
use crate::names::NameMention;
use crate::numbers::QuantityClass;
use serde::Deserialize;
use std::sync::LazyLock;

/// `assets/lexicon/ages.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ages {
    /// Words that may stand between a name and its age ("Lind, who turns").
    links: Vec<String>,
    /// At most this many words stand between them.
    max_gap: usize,
    /// Possessives that give one age to everyone named ("in their 70s").
    plural: Vec<String>,
    #[allow(dead_code, reason = "read by the tests")]
    examples: Examples,
}

static AGES: LazyLock<Ages> = LazyLock::new(|| crate::lexicon::parse("ages"));

/// The people (surname keys) whose age the figure at `figure` (relative to
/// `text`) gives: the name next to it, everyone in `people` for a plural
/// possessive, else `person` (the one person the sentence is about). The
/// second value is the surname as written when the name is next to it.
pub(super) fn whose_age(
    text: &str,
    figure: Span,
    names: &[NameMention],
    people: &[String],
    person: Option<&String>,
) -> (Vec<String>, Option<String>) {
    let surface = text.get(figure.range()).unwrap_or_default().to_lowercase();
    if AGES.plural.iter().any(|p| surface.starts_with(&format!("{p} "))) && !people.is_empty() {
        return (people.to_vec(), None);
    }
    let named = |name: &NameMention| match name.words.last() {
        Some(word) => (vec![crate::names::fold_key(word)], Some(word.clone())),
        None => (Vec::new(), None),
    };
    let before = names.iter().rfind(|n| n.span.end <= figure.start);
    if let Some(name) = before
        && let Some(gap) = text.get(name.span.end..figure.start)
        && links(gap)
    {
        return named(name);
    }
    // "the 44-year-old Lind", "the 44-year-old forward Lind".
    let after = names.iter().find(|n| n.span.start >= figure.end);
    if surface.ends_with("old")
        && let Some(name) = after
        && let Some(gap) = text.get(figure.end..name.span.start)
        && crate::tokens::words(gap).count() <= 2
        && !gap.contains([',', '.', ';', '(', ')'])
    {
        return named(name);
    }
    // "an 11-year-old girl": the age of someone the sentence does not name,
    // not of the person it is about.
    let next_word = text.get(figure.end..).and_then(|rest| crate::tokens::words(rest).next());
    if surface.ends_with("old") && next_word.is_some_and(|w| w.text.starts_with(char::is_lowercase)) {
        return (Vec::new(), None);
    }
    // "Lind wrote that Malia and Sasha Obama, aged 16 and 13 respectively,
    // …": a name between the person the sentence is about and the age is
    // likelier whose it is, so the age is not known to be the person's.
    if let (Some(name), Some(person)) = (before, person)
        && name.words.last().map(|w| crate::names::fold_key(w)).as_ref() != Some(person)
    {
        return (Vec::new(), None);
    }
    (person.into_iter().cloned().collect(), None)
}

/// Whether `gap` only links a name to the age after it.
fn links(gap: &str) -> bool {
    let mut count = 0;
    for piece in gap.split_whitespace() {
        for word in split_punctuation(piece) {
            count += 1;
            if count > AGES.max_gap || !AGES.links.iter().any(|l| l == &word.to_lowercase()) {
                return false;
            }
        }
    }
    true
}

/// "Lind," as "Lind" and ","; "--" stays whole.
fn split_punctuation(piece: &str) -> Vec<&str> {
    let end = piece.trim_end_matches([',', ';', '(']).len();
    let (word, punctuation) = piece.split_at(end);
    [word, punctuation].into_iter().filter(|w| !w.is_empty()).collect()
}

/// For two ages: `Some(true)` when they are one person's, `Some(false)`
/// when two people's, `None` when not known or not ages.
pub(super) fn same_person(a: &Candidate<'_>, b: &Candidate<'_>) -> Option<bool> {
    if a.mention.class != QuantityClass::Age || a.aged.is_empty() || b.aged.is_empty() {
        return None;
    }
    Some(a.aged.iter().any(|p| b.aged.contains(p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Whose age the first age of `text` is, read with the real figure and
    /// name readers.
    fn aged(text: &str) -> Vec<String> {
        let figure = crate::numbers::read_all(text)
            .into_iter()
            .find(|m| m.class == QuantityClass::Age)
            .map(|m| m.span)
            .unwrap_or(Span::new(0, 0));
        let names = crate::names::extract(text, &HashSet::new());
        let people: Vec<String> =
            names.iter().filter_map(|n| n.words.last()).map(|w| crate::names::fold_key(w)).collect();
        whose_age(text, figure, &names, &people, None).0
    }

    #[test]
    fn the_name_next_to_an_age_is_whose_it_is() {
        assert_eq!(aged("The club signed Tomas Brandt, 28, and Ilse Varga on Monday."), ["brandt"]);
        assert_eq!(aged("The 61-year-old Varga had led the club since 2019."), ["varga"]);
        assert_eq!(aged("Brandt -- who will turn 29 in April -- is the favourite."), ["brandt"]);
    }

    #[test]
    fn a_plural_decade_is_everyone_named() {
        let mut people = aged("Orla Kent, Ivo Brandt and Ana Lind are all in their 70s now.");
        people.sort();
        assert_eq!(people, ["brandt", "kent", "lind"]);
    }

    #[test]
    fn an_age_of_an_unnamed_someone_is_not_the_sentence_persons() {
        let text = "A 9-year-old boy was hurt by a car driven by Tomas Brandt.";
        let figure = crate::numbers::read_all(text).into_iter().find(|m| m.class == QuantityClass::Age).map(|m| m.span);
        let names = crate::names::extract(text, &HashSet::new());
        let brandt = "brandt".to_owned();
        let aged = whose_age(text, figure.unwrap_or(Span::new(0, 0)), &names, &[], Some(&brandt)).0;
        assert!(aged.is_empty(), "{aged:?}");
    }

    #[test]
    fn an_age_after_someone_elses_name_is_not_the_sentence_persons() {
        let text = "Ana Lind wrote that Orla and Ivo Brandt, aged 16 and 13 respectively, should stay home.";
        let names = crate::names::extract(text, &HashSet::new());
        let lind = "lind".to_owned();
        let ages: Vec<Span> = crate::numbers::read_all(text)
            .into_iter()
            .filter(|m| m.class == QuantityClass::Age)
            .map(|m| m.span)
            .collect();
        assert_eq!(ages.len(), 2, "{ages:?}");
        for figure in ages {
            let aged = whose_age(text, figure, &names, &[], Some(&lind)).0;
            assert!(!aged.contains(&lind), "{aged:?}");
        }
        // With no name between, the age is still the person's.
        let text = "He turned 31 on Friday.";
        let figure = crate::numbers::read_all(text).into_iter().find(|m| m.class == QuantityClass::Age).map(|m| m.span);
        assert!(figure.is_some());
        let names = crate::names::extract(text, &HashSet::new());
        assert_eq!(whose_age(text, figure.unwrap_or(Span::new(0, 0)), &names, &[], Some(&lind)).0, ["lind"]);
    }

    #[test]
    fn an_age_far_from_any_name_is_nobodys_in_particular() {
        assert!(aged("Police said the driver was a man in his 50s, according to Tarn Radio.").is_empty());
    }

    #[test]
    fn the_examples_link_or_not_as_they_say() {
        for (sentences, expected) in [(&AGES.examples.matches, true), (&AGES.examples.no_match, false)] {
            for sentence in sentences {
                assert_eq!(!aged(sentence).is_empty(), expected, "{sentence}");
            }
        }
    }
}
