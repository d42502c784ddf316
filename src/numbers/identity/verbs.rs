//! The verb a figure's own clause hangs it on, read from word order alone:
//! "10 members who gathered outside", "80 homes were damaged", "slashed
//! more than $500 billion". Two figures whose own verbs differ tell of two
//! happenings ("voted against her" / "lost 43 votes"), however much else
//! their clauses share.

use super::lists::{VERB_FORMS, WORDS};
use super::{Token, is_content, participle, predicate_of};
use crate::lexicon::ATTRIBUTION;

/// The index of the figure's own verb. `figure` is the figure's tokens,
/// `phrase_end` the token after its noun phrase, `region` the tokens the
/// figure's clause may use.
pub(super) fn own_verb(
    tokens: &[Token],
    figure: (usize, usize),
    phrase_end: usize,
    region: (usize, usize),
) -> Option<usize> {
    after_phrase(tokens, phrase_end, region.1).or_else(|| before_figure(tokens, figure.0, region.0))
}

/// A verb as compared: its predicate concept when the lexicon has one
/// ("died" and "killed" are one), else its stem.
pub(super) fn verb_key(token: &Token) -> String {
    predicate_of(token).map_or_else(|| token.stem.clone(), |p| p.concept.to_owned())
}

/// A past form or participle ("gathered", "struck"), or a lexicon predicate.
fn verb_like(token: &Token) -> bool {
    participle(token) || VERB_FORMS.contains(token.folded.as_str()) || predicate_of(token).is_some()
}

fn relative_pronoun(token: &Token) -> bool {
    matches!(token.folded.as_str(), "who" | "that" | "which")
}

/// Words that may stand between a verb and its figure without changing
/// whose verb it is ("reportedly", "just").
fn adverb(token: &Token) -> bool {
    token.folded.len() > 4 && token.folded.ends_with("ly")
}

/// "10 Democrats who gathered", "80 homes were damaged", "33 senators
/// voted": the verb of the clause the noun phrase is the subject of.
fn after_phrase(tokens: &[Token], from: usize, to: usize) -> Option<usize> {
    // A relative clause is the figure's own, though it opens the next
    // figure's region ("10 members who gathered, four of them spoke").
    let opens_relative = tokens.get(from).is_some_and(|t| relative_pronoun(t) && !t.punctuated);
    let to = if opens_relative { tokens.len() } else { to };
    let mut at = from;
    let mut relative = false;
    while at < to && (WORDS.verb_links.has(&tokens[at].folded) || adverb(&tokens[at])) {
        relative |= relative_pronoun(&tokens[at]);
        at += 1;
    }
    let token = tokens.get(at).filter(|_| at < to)?;
    let speech = ATTRIBUTION.is_speech_verb(&token.folded);
    let verb = verb_like(token) || (relative && is_content(token) && !adverb(token));
    (verb && !speech && token.figure.is_none() && !token.capitalised && !token.punctuated).then_some(at)
}

/// "slashed more than $500 billion", "has cut $716 billion": the verb the
/// figure is the object of. Not "an estimated 800,000": a participle after
/// an article modifies the figure.
fn before_figure(tokens: &[Token], start: usize, from: usize) -> Option<usize> {
    let mut at = start.checked_sub(1).filter(|at| *at >= from)?;
    while adverb(&tokens[at]) && at > from {
        at -= 1;
    }
    let token = &tokens[at];
    if tokens[at + 1..=start].iter().any(|t| t.punctuated) || token.figure.is_some() {
        return None;
    }
    let before = at.checked_sub(1).map(|i| tokens[i].folded.as_str());
    let after_link = before.is_some_and(|w| WORDS.verb_links.has(w));
    let modifies = matches!(before, Some("a" | "an" | "the"));
    let verb = (verb_like(token) || after_link) && !WORDS.verb_links.has(&token.folded);
    (verb && !modifies && !ATTRIBUTION.is_speech_verb(&token.folded) && is_content(token)).then_some(at)
}
