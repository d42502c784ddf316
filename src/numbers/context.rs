//! A figure's context: what is counted (the noun phrase after it), what
//! happened to it (the event governing it), and the keys that name its
//! quantity regardless of the figure.

use super::lexicon::NUMBERS;
use super::{NumberMention, QuantityClass, Token};
use crate::model::Span;
use crate::tokens;

impl NumberMention {
    /// Keys naming the quantity regardless of the figure: class, counted
    /// noun and event ("count|~peopl|~die"), plus the event alone
    /// ("count|*|~die") so "another 27 were injured" meets "27 people were
    /// injured", or the noun alone when no event is known. Empty when
    /// neither is known.
    #[must_use]
    pub fn quantity_keys(&self) -> Vec<String> {
        let class = match &self.class {
            QuantityClass::Count => "count".to_owned(),
            QuantityClass::Money(code) => format!("money:{code}"),
            QuantityClass::Percent => "percent".to_owned(),
            QuantityClass::Measure(unit) => format!("measure:{unit}"),
            QuantityClass::Duration(unit) => format!("duration:{unit}"),
            QuantityClass::Age => "age".to_owned(),
            QuantityClass::Ordinal => "ordinal".to_owned(),
            QuantityClass::Year => "year".to_owned(),
            QuantityClass::NotQuantity(reason) => format!("not:{}", reason.as_str()),
        };
        // Only events that tell quantities apart name them; "the flood zone"
        // near a figure of rescuers says nothing about what is counted.
        let event = self.event.filter(|e| EXCLUSIVE_EVENTS.contains(e));
        let mut keys = Vec::new();
        if let (Some(noun), Some(event)) = (&self.noun, event) {
            keys.push(format!("{class}|{noun}|{event}"));
        }
        // The noun alone says little when the event is known ("people").
        if let (Some(noun), None) = (&self.noun, event) {
            keys.push(format!("{class}|{noun}|*"));
        }
        if let Some(event) = event {
            keys.push(format!("{class}|*|{event}"));
        }
        keys
    }
}

/// The counted noun after a figure that ends at `end`, as a term and as
/// written: "thousands of residents", "40 percent of the town", "27 others".
pub(super) fn counted_after(
    text: &str,
    raw: &[Token<'_>],
    lower: &[String],
    vague: bool,
    class: &QuantityClass,
    end: usize,
) -> (Option<String>, Option<String>) {
    let after = |i: usize| lower.get(i).map(String::as_str).unwrap_or_default();
    let mut noun: Option<String> = None;
    let mut noun_text: Option<String> = None;
    if matches!(class, QuantityClass::Count | QuantityClass::Money(_) | QuantityClass::Ordinal | QuantityClass::Percent)
    {
        // "thousands of residents", "40 percent of the town"
        let mut from = end;
        let takes_of = vague || *class == QuantityClass::Percent;
        if takes_of && after(from) == "of" {
            from += 1;
            if matches!(after(from), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "all") {
                from += 1;
            }
        }
        if (*class != QuantityClass::Percent || from > end)
            && let Some((term, surface)) = counted_noun(text, raw, lower, from)
        {
            noun = Some(term);
            noun_text = Some(surface);
        }
        if noun.is_none() && matches!(class, QuantityClass::Count) && NUMBERS.people_words.contains(after(end)) {
            noun = Some("~peopl".into());
            noun_text = Some(raw[end].text.to_owned());
        }
    }
    (noun, noun_text)
}

/// Reads the sentence around a figure: the event governing it, and for a
/// bare count of casualties ("another 27 were injured") people as its noun.
pub(super) fn read_sentence(mention: &mut NumberMention, terms: &[(String, Span)]) {
    mention.event = governing_event(terms, mention.span, mention.noun.as_deref());
    // "Another 27 were injured": a bare count of casualties counts people.
    if mention.noun.is_none()
        && mention.class == QuantityClass::Count
        && mention.event.is_some_and(|e| PEOPLE_EVENTS.contains(&e))
    {
        mention.noun = Some("~peopl".into());
    }
}

/// The event a figure belongs to: an event word right after it ("27 were
/// injured", "three dead", "1,200 homes were flooded") wins; otherwise the
/// nearest one before it ("killed three people", "death toll rose to 5");
/// otherwise the nearest one further after.
pub(super) fn governing_event(terms: &[(String, Span)], span: Span, noun: Option<&str>) -> Option<&'static str> {
    let events: Vec<(&'static str, usize, Span)> = terms
        .iter()
        .enumerate()
        .filter(|(_, (term, _))| Some(term.as_str()) != noun)
        .filter_map(|(i, (term, s))| EVENT_CONCEPTS.iter().find(|e| **e == term.as_str()).map(|e| (*e, i, *s)))
        .collect();
    let first_after = terms.iter().position(|(_, s)| s.start >= span.end).unwrap_or(terms.len());
    // Within the next few terms: the noun phrase and the verb group.
    if let Some((event, _, _)) = events.iter().find(|(_, i, _)| *i >= first_after && *i < first_after + 3) {
        return Some(event);
    }
    if let Some((event, _, _)) = events.iter().rev().find(|(_, _, s)| s.end <= span.start) {
        return Some(event);
    }
    events.iter().find(|(_, _, s)| s.start >= span.end).map(|(event, _, _)| *event)
}

/// The counted noun: the head of the short noun phrase after the number
/// ("1,200 emergency workers" → rescuers, "4,500 residents" → people), as a
/// term and as written.
pub(super) fn counted_noun(text: &str, raw: &[Token<'_>], lower: &[String], from: usize) -> Option<(String, String)> {
    let mut words = Vec::new();
    let mut index = from;
    while let Some(word) = lower.get(index) {
        let is_word = word.chars().next().is_some_and(char::is_alphabetic);
        if !is_word || tokens::is_stop_word(word) || words.len() == 3 || looks_like_verb(word) {
            break;
        }
        words.push(index);
        index += 1;
    }
    let (&first, &last) = (words.first()?, words.last()?);
    let phrase_start = raw[first].span.start;
    let phrase = &text[phrase_start..raw[last].span.end];
    // The head is the last noun-like term; event words ("dead") are not nouns.
    tokens::terms(phrase)
        .into_iter()
        .rev()
        .find(|(term, _)| !is_event_concept(term))
        .map(|(term, span)| (term, phrase[span.range()].to_owned()))
}

/// Past tenses and participles end a noun phrase ("four people lost their
/// lives": the noun is "people", not "lost").
pub(super) fn looks_like_verb(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")) || NUMBERS.verb_forms.contains(word)
}

/// Concepts that name what happened rather than what is counted.
#[must_use]
pub fn is_event_concept(term: &str) -> bool {
    EVENT_CONCEPTS.contains(&term)
}

/// Events that tell quantities apart for sure: a figure of people killed is
/// never a figure of people injured.
pub const EXCLUSIVE_EVENTS: &[&str] = &["~die", "~injur", "~evacu", "~missing", "~arrest", "~damag", "~promis"];

/// Events that happen to people: a bare count with one of them counts people.
pub(super) const PEOPLE_EVENTS: &[&str] = &["~die", "~injur", "~evacu", "~missing", "~arrest"];

/// Predicates that tell quantities apart: people killed ≠ people injured.
pub const EVENT_CONCEPTS: &[&str] = &[
    "~die", "~injur", "~evacu", "~missing", "~arrest", "~damag", "~promis", "flood", "deploy", "rescu", "~collaps",
    "sentenc", "vote", "elect", "fine", "cost", "spend", "rais", "lose", "win", "fire", "sell", "bought", "buy",
    "hire", "strike", "protest", "infect", "test", "vaccin", "hospit", "shelter", "power", "destroy",
];
