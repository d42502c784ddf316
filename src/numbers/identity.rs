//! A figure's identity: what it counts and under which circumstances, read
//! from its own clause. Two figures are one quantity only when their
//! identities agree: the counted thing (head noun and modifiers), what
//! happened to it (killed, injured, offered, spent), its scope (names of
//! places, organisations and people in the clause), its time (a year, last
//! year), and whether it is a part of another figure ("30 of the 80") or a
//! rate ("$2 million per season").
//!
//! In a sentence with several figures each gets its own clause: the words
//! between two figures are split at the first clause boundary (a comma, "and",
//! "with", "while", "from", "to", ...), so in "ten were killed and 50 hurt"
//! the first figure reads "killed" and the second "hurt".

use crate::model::Span;
use crate::tokens;

pub mod compare;
mod lists;
mod verbs;

use lists::{INDEX, LEXICON, VERB_FORMS, WORDS};
#[cfg(test)]
pub(crate) use lists::{contrast_examples, generic_examples};
pub use lists::{is_contrast, is_generic_statement};

/// How many words before a figure a projection word may stand: "will get
/// 10", "is expected to cost $40 million"; further back it governs another
/// verb ("may block the lawsuit on behalf of 1.6 million women").
const PROJECTION_REACH: usize = 4;

/// A predicate concept: its name and whether it tells quantities apart for sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Predicate {
    /// The concept's name ("killed").
    pub concept: &'static str,
    /// Figures with two different exclusive predicates are never one quantity.
    pub exclusive: bool,
}

/// When a figure holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Time {
    /// A calendar year ("in 2004", "the 2000 fiscal year").
    Year(i32),
    /// Relative to the article's year: -1 for "last year", 0 for "this year".
    Relative(i32),
    /// A stretch of years ("from 2007 to 2014"): never the same as one of them.
    Span(i32, i32),
    /// From a year to the article's time ("since 2007"): the same stretch
    /// as any span that starts that year.
    Since(i32),
}

/// What a figure counts and under which circumstances.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    /// Head of the counted thing: a concept name or a stem ("people", "flight").
    pub thing: Option<String>,
    /// The thing is the noun phrase right at the figure ("1,800 domestic
    /// flights"), not read from a phrase further on ("$2 billion for the wall").
    pub thing_direct: bool,
    /// Stems of the counted thing's modifiers ("domest", "feder").
    pub modifiers: Vec<String>,
    /// The counted thing as written, with its modifiers ("domestic flights").
    pub thing_text: Option<String>,
    /// What happened to it.
    pub predicate: Option<Predicate>,
    /// The predicate as written ("canceled").
    pub predicate_text: Option<String>,
    /// Names in the clause, folded (places, organisations, people).
    pub names: Vec<String>,
    /// Of those, the ones in the figure's own stretch between clause
    /// punctuation, and the sentence's subject: in "Justice Ginsburg, a
    /// defender of rights, questioned the lawsuit that covers 1.5 million
    /// women" the justice is who speaks, not what the figure counts.
    pub near_names: Vec<String>,
    /// The times the clause (else its sentence) ties the figure to.
    pub times: Vec<Time>,
    /// A part of another figure of the sentence ("30 of the 80 wounded").
    pub part: bool,
    /// A rate or an average ("$2 million per season", "averaged 30").
    pub rate: bool,
    /// Counted on top of others ("another 2,000", "four other people", "two more").
    pub additional: bool,
    /// A count of occasions ("arrested three times"), not of things.
    pub repetition: bool,
    /// Where it holds: heads of the clause's place phrases ("province", "asia").
    pub scope: Vec<String>,
    /// Of those, the areas: names and nouns of areas ("provinc", "asia"),
    /// not "in the months" or "at the hearing". Two figures held in two
    /// different areas are two quantities.
    pub area: Vec<String>,
    /// The clause says the figure moved ("rose to", "so far", "bringing").
    pub changing: bool,
    /// Content stems of the clause.
    pub clause: Vec<String>,
    /// Whose the figure is when a possessive name stands right before it
    /// ("the Bluejays' 11 assists", "Carter's 12 points"): the name's key
    /// ([`crate::names::fold_key`] of it). Two holders' figures are two
    /// quantities.
    pub owner: Option<String>,
    /// The stretch of the event the figure is held in ("first half", "run",
    /// "past hour"): two figures of different stretches, or a stretch's
    /// and the whole event's, are two quantities.
    pub period: Option<String>,
    /// The last name written in the figure's clause before a verb of
    /// holding that governs it, as a name key ([`crate::names::fold_key`]):
    /// "while Richard Carter had 12 points" gives Carter's points;
    /// "Roberts administered the 38-word oath" gives no one's.
    pub holding_name: Option<String>,
    /// Expected rather than reported: a word of `[projected]` before the
    /// figure in its clause ("he will get 10 to 12 carries", "is likely to
    /// cost $2 million"). An expected figure and a reported one are two
    /// quantities.
    pub projected: bool,
    /// The sub-population the figure is held among, as the stem of the
    /// head of the last "among" phrase before it in its sentence ("finishes
    /// first among Tea Party supporters (at 20 percent)" gives "support").
    /// Two shares held among different groups, or one among a group and one
    /// of the whole, are two quantities.
    pub subgroup: Option<String>,
    /// The variant the figure is given for, when a figure names it: "2.38
    /// pounds for the 11-inch model" gives "11 inch". Figures of two
    /// variants, or of a variant and of the whole product, are two quantities.
    pub variant: Option<String>,
    /// A word of `[spreads]` stands before the figure in its clause: a range
    /// spread over several things ("ranging from six to 75 years").
    pub ranging: bool,
    /// The verb of the figure's own clause (its predicate concept, else its
    /// stem): "gather" in "10 Democrats who gathered", "slash" in "slashed
    /// $500 million" ([`verbs`]).
    pub verb: Option<String>,
}

#[derive(Debug, Clone)]
struct Token {
    text: String,
    folded: String,
    stem: String,
    span: Span,
    /// The figure this token belongs to.
    figure: Option<usize>,
    /// A clause boundary sits before this token (punctuation or a joining word).
    boundary: bool,
    /// Clause punctuation (a comma, a dash, a parenthesis) sits before this token.
    punctuated: bool,
    /// Joined to the token before by a hyphen ("gold-plated").
    hyphenated: bool,
    capitalised: bool,
    name: bool,
    /// An apostrophe follows the plural ("the Bluejays' 11 assists").
    plural_possessive: bool,
}

/// How many words after a figure's own verb may still name its predicate.
const VERB_REACH: usize = 3;
/// Punctuation that ends a clause.
const CLAUSE_MARKS: &[char] = &[',', ';', ':', '(', ')', '—', '–', '"', '“', '”'];
/// Reads the identity of every figure of one sentence. `figures` and
/// `names` are spans relative to `text`; the result has one identity per figure.
#[must_use]
pub fn read_sentence(text: &str, figures: &[Span], names: &[Span]) -> Vec<Identity> {
    read_sentence_in_words(text, tokens::words(text), figures, names)
}

/// [`read_sentence`] of a sentence already split into its `words`
/// ([`tokens::words_of`] its word boundaries), so the analysis splits each
/// sentence once for all its readers (start-up, issue 11).
#[must_use]
pub(crate) fn read_sentence_in_words<'t>(
    text: &'t str,
    words: impl IntoIterator<Item = tokens::Word<'t>>,
    figures: &[Span],
    names: &[Span],
) -> Vec<Identity> {
    let tokens = tokenise(text, words, figures, names);
    let places: Vec<(usize, usize)> = figures
        .iter()
        .enumerate()
        .map(|(f, _)| {
            let first = tokens.iter().position(|t| t.figure == Some(f));
            let last = tokens.iter().rposition(|t| t.figure == Some(f));
            match (first, last) {
                (Some(a), Some(b)) => (a, b + 1),
                // A figure with no word token ("$5"): place it by its span.
                _ => {
                    let at = tokens.iter().position(|t| t.span.start >= figures[f].end).unwrap_or(tokens.len());
                    (at, at)
                }
            }
        })
        .collect();
    // Regions: each figure's left and right words, split between neighbours.
    let mut order: Vec<usize> = (0..figures.len()).collect();
    order.sort_by_key(|f| places[*f]);
    let mut left = vec![(0, 0); figures.len()];
    let mut right = vec![(0, 0); figures.len()];
    let mut previous_end = 0;
    for (k, &f) in order.iter().enumerate() {
        let (start, end) = places[f];
        if k == 0 {
            left[f] = (0, start);
        } else {
            let before = order[k - 1];
            let gap_start = previous_end.min(start);
            // The last boundary: "$3.6 billion from construction projects,
            // along with another $2.5 billion" splits at "with", not "from".
            let split = (gap_start..start).rev().find(|i| tokens[*i].boundary).unwrap_or(start);
            right[before] = (gap_start, split);
            left[f] = (split, start);
        }
        previous_end = end.max(previous_end);
        if k + 1 == order.len() {
            right[f] = (end, tokens.len());
        }
    }
    let sentence_changing =
        tokens.iter().any(|t| WORDS.changing.has(&t.folded)) || text.to_lowercase().contains("so far");
    let sentence_times = times_in(&tokens, 0, tokens.len());
    // The sentence's subject names (before its first clause boundary) scope
    // every figure of it: "Qeshm, located 1,150 kilometers from Tehran".
    let subject_end = tokens.iter().skip(1).position(|t| t.boundary).map_or(tokens.len(), |p| p + 1);
    let subject_names: Vec<String> = tokens[..subject_end]
        .iter()
        .filter(|t| t.name && t.figure.is_none() && !tokens::is_stop_word(&t.folded))
        .map(|t| t.folded.clone())
        .collect();
    (0..figures.len())
        .map(|f| {
            let mut identity = read_one(&tokens, places[f], left[f], right[f]);
            identity.changing = sentence_changing;
            if identity.times.is_empty() {
                identity.times.clone_from(&sentence_times);
            }
            identity.names.extend(subject_names.iter().cloned());
            identity.names.sort();
            identity.names.dedup();
            identity.near_names.extend(subject_names.iter().cloned());
            identity.near_names.sort();
            identity.near_names.dedup();
            if identity.predicate.is_none() && identity.verb.is_none() {
                // The nearest predicate anywhere in the sentence.
                let (start, _) = places[f];
                let nearest = tokens
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.figure.is_none())
                    .filter_map(|(i, t)| predicate_of(t).map(|p| (i.abs_diff(start), p, t.text.clone())))
                    .min_by_key(|(distance, _, _)| *distance);
                if let Some((_, predicate, text)) = nearest {
                    identity.predicate = Some(predicate);
                    identity.predicate_text = Some(text);
                    if identity.thing.is_none() && WORDS.people_predicates.has(predicate.concept) {
                        identity.thing = Some("people".to_owned());
                    }
                }
            }
            identity
        })
        .collect()
}

fn tokenise<'t>(
    text: &'t str,
    words: impl IntoIterator<Item = tokens::Word<'t>>,
    figures: &[Span],
    names: &[Span],
) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut last_end = 0;
    for word in words {
        let between = text.get(last_end..word.span.start).unwrap_or_default();
        let folded = tokens::fold_word(word.text);
        let figure = figures.iter().position(|f| f.overlaps(word.span));
        // Scare quotes right after a figure ('at least 30 "national
        // emergencies"') hold its noun; they open no clause.
        let quoted_noun = tokens.last().is_some_and(|t| t.figure.is_some())
            && figure.is_none()
            && between.trim().chars().all(|c| matches!(c, '"' | '“' | '‘' | '\''));
        let punctuated = between.contains(CLAUSE_MARKS) && !quoted_noun;
        let boundary = punctuated || WORDS.clause_words.has(&folded);
        let capitalised = word.text.chars().next().is_some_and(char::is_uppercase);
        let name = names.iter().any(|n| n.overlaps(word.span));
        // "the Bluejays' 11": the apostrophe after a plural stands alone.
        if between.starts_with(['\'', '’'])
            && let Some(last) = tokens.last_mut()
            && last.text.ends_with(['s', 'S'])
        {
            last.plural_possessive = true;
        }
        tokens.push(Token {
            text: word.text.to_owned(),
            stem: tokens::stem(&folded),
            folded,
            span: word.span,
            figure,
            boundary,
            punctuated,
            hyphenated: between == "-",
            capitalised,
            name,
            plural_possessive: false,
        });
        last_end = word.span.end;
    }
    tokens
}

fn predicate_of(token: &Token) -> Option<Predicate> {
    match INDEX.get(token.stem.as_str()) {
        Some((i, true)) => {
            let concept = &LEXICON.predicate[*i];
            Some(Predicate { concept: concept.concept.as_str(), exclusive: concept.exclusive })
        }
        _ => None,
    }
}

/// A phrase predicate starting at `at` ("lost their lives", "home to").
fn phrase_predicate(tokens: &[Token], at: usize) -> Option<(Predicate, usize)> {
    for (concept, words) in PHRASES.iter() {
        if tokens.len() >= at + words.len() && words.iter().zip(&tokens[at..]).all(|(w, t)| *w == t.folded) {
            let predicate = Predicate { concept: concept.concept.as_str(), exclusive: concept.exclusive };
            return Some((predicate, words.len()));
        }
    }
    None
}

/// Every predicate concept's phrases split into words once (start-up,
/// issue 11), in the lexicon's order: concepts, then each one's phrases.
static PHRASES: std::sync::LazyLock<Vec<(&'static lists::Concept, Vec<&'static str>)>> =
    std::sync::LazyLock::new(|| {
        let concepts = LEXICON.predicate.iter();
        concepts.flat_map(|c| c.phrases.iter().map(move |phrase| (c, phrase.split_whitespace().collect()))).collect()
    });

fn thing_concept(stem: &str) -> String {
    match INDEX.get(stem) {
        Some((i, false)) => LEXICON.thing[*i].concept.clone(),
        _ => stem.to_owned(),
    }
}

fn is_content(token: &Token) -> bool {
    token.figure.is_none()
        && token.folded.chars().next().is_some_and(char::is_alphabetic)
        && !tokens::is_stop_word(&token.folded)
}

/// Verbs and prepositions end the noun phrase after a figure ("four people
/// lost their lives", "two-thirds of the town stood under water").
fn ends_phrase(token: &Token) -> bool {
    let word = token.folded.as_str();
    participle(token)
        || WORDS.phrase_ends.has(word)
        || VERB_FORMS.contains(word)
        // "a magnitude-5.9 earthquake early Sunday": a day ends the thing.
        || crate::lexicon::CALENDAR.is_weekday(word)
}

/// "-ed" words that can stand before a noun ("scheduled flights").
fn participle(token: &Token) -> bool {
    let word = token.folded.as_str();
    word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")
}

/// The endings of a possessive ("airline's", "Iran’s").
const POSSESSIVE_ENDINGS: [&str; 4] = ["'s", "'S", "’s", "’S"];

/// "airline's", "Iran's": a possessor, which determines the noun after it.
fn is_possessive(token: &Token) -> bool {
    POSSESSIVE_ENDINGS.iter().any(|ending| token.text.ends_with(ending))
}

/// "Carter's", "the Bluejays'": the name a possessive name token holds.
fn possessive_name(token: &Token) -> Option<&str> {
    if !token.name {
        return None;
    }
    let text = token.text.as_str();
    POSSESSIVE_ENDINGS
        .iter()
        .find_map(|ending| text.strip_suffix(ending))
        .or_else(|| token.plural_possessive.then_some(text))
}

/// The stretch of the event an opener in `from..to` (the figure's own
/// words excepted) names: "in the first 7 ½ minutes" is "first minute",
/// "during a 15-2 run" is "run"; the phrase may run past `to` into the
/// next figure's words, never past a clause boundary.
fn period_in(tokens: &[Token], (start, end): (usize, usize), from: usize, to: usize) -> Option<String> {
    let periods = &WORDS.periods;
    let has = |list: &[String], word: &str| list.iter().any(|w| w == word);
    // A count of occasions ("three times") may be held in a window.
    let occasions = tokens.get(end).is_some_and(|t| WORDS.repetitions.has(&t.folded));
    for opener in (from..to).filter(|i| !(start..end).contains(i)) {
        // In the figure's own clause: no boundary between the two ("a camp
        // of 20,000 refugees from a state where rebels have fought since
        // June" dates the fighting).
        let own_clause = || {
            let between = if opener < start { opener + 1..start + 1 } else { end..opener + 1 };
            !tokens.get(between).unwrap_or_default().iter().any(|t| t.boundary)
        };
        if occasions
            && has(&periods.windows, &tokens[opener].folded)
            && own_clause()
            && tokens
                .get(opener + 1)
                .is_some_and(|t| !t.boundary && t.capitalised && crate::lexicon::CALENDAR.month(&t.text).is_some())
        {
            return Some(tokens[opener].folded.clone());
        }
        if !has(&periods.openers, &tokens[opener].folded) {
            continue;
        }
        let mut part: Option<&str> = None;
        let mut figure_before = false;
        for at in opener + 1..tokens.len().min(opener + 6) {
            let token = &tokens[at];
            if token.boundary || (start..end).contains(&at) {
                break;
            }
            if let Some((_, stretch)) = periods.heads.iter().find(|(word, _)| *word == token.folded) {
                // "in Week 16": a number after the head, quantity or not.
                let figure_after = tokens.get(at + 1).is_some_and(|t| {
                    !t.boundary && (t.figure.is_some() || t.folded.bytes().all(|b| b.is_ascii_digit()))
                });
                if part.is_some() || figure_before || figure_after || has(&periods.wholes, stretch) {
                    return Some(part.map_or_else(|| stretch.clone(), |p| format!("{p} {stretch}")));
                }
                break;
            }
            if has(&periods.parts, &token.folded) {
                part = Some(&token.folded);
            }
            figure_before |= token.figure.is_some();
        }
    }
    None
}

/// The head of the "among" phrase that holds the figure at `start..end`:
/// the last one before it in its sentence, else one after it in its clause
/// (ending at `clause_end`). The head is the last of up to five content
/// words after the opener, stopped by clause punctuation or a figure
/// ("among the 40 people hurt" names no group for the 40 it holds).
fn subgroup_of(tokens: &[Token], (start, end): (usize, usize), clause_end: usize) -> Option<String> {
    let rest_of_clause = (end..clause_end.min(tokens.len())).take_while(|i| !tokens[*i].boundary);
    let opener = (0..start).rev().chain(rest_of_clause).find(|i| WORDS.subgroups.has(&tokens[*i].folded))?;
    let stop = if opener < start { start } else { clause_end.min(tokens.len()) };
    let mut head = None;
    for token in tokens[opener + 1..stop].iter().take(6) {
        if token.boundary || token.figure.is_some() {
            break;
        }
        if is_content(token) {
            head = Some(token.stem.clone());
        } else if head.is_some() {
            break;
        }
    }
    head
}

/// The variant named by a figure in the phrase right after the figure
/// ending at `end` ("for the 11-inch model"), as that figure's words.
fn variant_of(tokens: &[Token], end: usize) -> Option<String> {
    if !tokens.get(end).is_some_and(|t| WORDS.variants.has(&t.folded)) {
        return None;
    }
    // The next figure's words are another figure's region: read past it to
    // the clause's punctuation.
    let at = (end + 1..tokens.len())
        .take_while(|i| !tokens[*i].boundary)
        .find(|i| !matches!(tokens[*i].folded.as_str(), "the" | "a" | "an" | "its" | "their" | "each"))?;
    let figure = tokens[at].figure?;
    let words: Vec<&str> =
        tokens[at..].iter().take_while(|t| t.figure == Some(figure)).map(|t| t.folded.as_str()).collect();
    Some(words.join(" "))
}

fn year_of(token: &Token) -> Option<i32> {
    if token.folded.len() != 4 || !token.folded.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.folded.parse::<i32>().ok().filter(|y| (1800..=2100).contains(y))
}

fn read_one(tokens: &[Token], (start, end): (usize, usize), left: (usize, usize), right: (usize, usize)) -> Identity {
    let mut identity = Identity::default();
    let after = |i: usize| tokens.get(i).filter(|_| i < right.1);
    // A part of another figure: "30 of the 80", "31 of those prior emergencies".
    let mut from = end;
    if after(from).is_some_and(|t| t.folded == "of") {
        from += 1;
        if after(from)
            .is_some_and(|t| matches!(t.folded.as_str(), "the" | "those" | "these" | "its" | "their" | "them"))
        {
            from += 1;
        }
        // "30 of the 80", "five of his rebounds": a part of a total.
        let possessive = after(from).is_some_and(|t| matches!(t.folded.as_str(), "his" | "her" | "our"))
            || tokens.get(from - 1).is_some_and(|t| matches!(t.folded.as_str(), "their" | "its"));
        if tokens.get(from).is_some_and(|t| t.figure.is_some()) || possessive {
            identity.part = true;
        }
    }
    // Right before the figure, whatever region the figure's neighbours left it.
    identity.owner = (start >= 1 && !tokens[start].punctuated)
        .then(|| possessive_name(&tokens[start - 1]))
        .flatten()
        .map(crate::names::fold_key);
    identity.period = period_in(tokens, (start, end), left.0, right.1);
    identity.subgroup = subgroup_of(tokens, (start, end), right.1);
    identity.variant = variant_of(tokens, end);
    identity.ranging = (left.0..start).any(|i| WORDS.spreads.has(&tokens[i].folded));
    if let Some(verb) = (left.0..start).rev().find(|i| WORDS.holding.has(&tokens[*i].folded)) {
        // "said VanDeest, who had 13 points": the name the relative follows.
        let relative = tokens[left.0].folded == "who" && left.0 >= 1 && tokens[left.0 - 1].name;
        identity.holding_name = tokens[left.0 - usize::from(relative)..verb]
            .iter()
            .rfind(|t| t.name && t.figure.is_none())
            .map(|t| crate::names::fold_key(possessive_name(t).unwrap_or(&t.text)));
    }
    let projected = &WORDS.projected;
    identity.projected = (left.0..start)
        .rev()
        .take_while(|i| !projected.ends.contains(&tokens[*i].folded))
        .take(PROJECTION_REACH)
        .any(|i| projected.words.contains(&tokens[i].folded));
    identity.additional = (start > left.0 && WORDS.additional.has(&tokens[start - 1].folded))
        || after(from).is_some_and(|t| WORDS.additional.has(&t.folded) && t.folded != "more");
    if after(from).is_some_and(|t| t.folded == "more" || t.folded == "other") {
        identity.additional = true;
        from += 1;
    }
    identity.repetition = after(from).is_some_and(|t| WORDS.repetitions.has(&t.folded));
    identity.rate = (left.0..start).any(|i| WORDS.average.has(&tokens[i].stem))
        || after(end).is_some_and(|t| WORDS.rate.has(&t.folded))
        || (after(end).is_some_and(|t| t.folded == "a")
            && after(end + 1).is_some_and(|t| matches!(t.folded.as_str(), "year" | "season" | "month" | "week")));
    // The noun phrase after the figure: up to four content words.
    let mut phrase: Vec<usize> = Vec::new();
    let mut index = from;
    while let Some(token) = after(index) {
        // "the airline's scheduled flights": a participle right after a
        // possessive (or opening the phrase) and before a noun modifies it.
        let opens = phrase.last().is_none_or(|i| is_possessive(&tokens[*i])) || token.hyphenated;
        let modifying = opens
            && participle(token)
            && after(index + 1).is_some_and(|next| {
                !next.boundary && is_content(next) && !ends_phrase(next) && !next.capitalised && next.figure.is_none()
            });
        // "1.5 million women seeking back pay": an -ing word after the
        // noun opens a clause of its own ("missing people" keeps it).
        let relative =
            !phrase.is_empty() && !token.hyphenated && token.folded.len() > 5 && token.folded.ends_with("ing");
        if token.boundary
            || !is_content(token)
            || relative
            || (ends_phrase(token) && !modifying)
            || phrase.len() == 5
            || year_of(token).is_some()
        {
            break;
        }
        phrase.push(index);
        index += 1;
    }
    let own_verb = verbs::own_verb(tokens, (start, end), index, (left.0, right.1));
    identity.verb = own_verb.map(|at| verbs::verb_key(&tokens[at]));
    // "$10,000 worth of televisions": an empty head says nothing.
    if phrase.last().is_some_and(|i| WORDS.empty_heads.has(&tokens[*i].stem)) {
        phrase.clear();
    }
    // A predicate written as the head noun ("520,000 arrests", "flight cancellations").
    if let Some(&head) = phrase.last()
        && let Some(predicate) = predicate_of(&tokens[head])
    {
        identity.predicate = Some(predicate);
        identity.predicate_text = Some(tokens[head].text.clone());
        phrase.pop();
    }
    if phrase.is_empty() {
        // "a population of 120,000", "an offer of $5 million": the noun before "of".
        if start >= 2
            && tokens[start - 1].folded == "of"
            && left.0 < start - 1
            && is_content(&tokens[start - 2])
            && !WORDS.empty_heads.has(&tokens[start - 2].stem)
        {
            phrase.push(start - 2);
        }
    }
    if let Some((&head, modifiers)) = phrase.split_last() {
        if identity.predicate.is_none()
            && let Some(predicate) = predicate_of(&tokens[head])
        {
            identity.predicate = Some(predicate);
            identity.predicate_text = Some(tokens[head].text.clone());
        } else {
            identity.thing = Some(thing_concept(&tokens[head].stem));
            identity.thing_direct = true;
        }
        identity.modifiers = modifiers.iter().map(|i| tokens[*i].stem.clone()).collect();
        let text: Vec<&str> = phrase.iter().map(|i| tokens[*i].text.as_str()).collect();
        identity.thing_text = Some(text.join(" "));
    }
    // What a sum is for: "$2 billion for the wall", "$43 million in federal taxes".
    if identity.thing.is_none() {
        let mut index = phrase.last().map_or(end, |i| i + 1);
        while let Some(token) = after(index) {
            if WORDS.purpose.has(&token.folded) {
                let words: Vec<usize> = (index + 1..right.1)
                    .take_while(|i| !tokens[*i].boundary || *i == index + 1)
                    .filter(|i| is_content(&tokens[*i]) && year_of(&tokens[*i]).is_none())
                    .take(3)
                    .collect();
                if let Some((&head, modifiers)) = words.split_last()
                    && !WORDS.time_heads.has(&tokens[head].stem)
                {
                    identity.thing = Some(thing_concept(&tokens[head].stem));
                    identity.modifiers = modifiers.iter().map(|i| tokens[*i].stem.clone()).collect();
                    let text: Vec<&str> = words.iter().map(|i| tokens[*i].text.as_str()).collect();
                    identity.thing_text = Some(text.join(" "));
                }
                break;
            }
            if index > end + 2 {
                break;
            }
            index += 1;
        }
    }
    // The predicate: in the figure's tight clause (up to the nearest
    // boundaries), right after it first ("80 were hurt"), then before it
    // ("killing 10"); then further in its region.
    if identity.predicate.is_none() {
        let tight_end = (end..right.1).find(|i| tokens[*i].boundary).unwrap_or(right.1).min(end + 5);
        let tight_start = (left.0..start).rev().find(|i| tokens[*i].boundary).unwrap_or(left.0);
        let near_after = (end..tight_end).collect::<Vec<_>>();
        let before = (tight_start..start).rev().collect::<Vec<_>>();
        // A figure hung on a verb of its own takes no predicate from beyond
        // its tight clause but the verb's few next words ("eight people had
        // suffered from serious injury"; not "10 Democrats who gathered
        // outside the chamber after the vote").
        let far_after = (tight_end..right.1)
            .filter(|i| own_verb.is_none_or(|verb| verb > end && *i >= verb && *i <= verb + VERB_REACH))
            .collect::<Vec<_>>();
        let far_before = (left.0..tight_start).rev().filter(|_| own_verb.is_none()).collect::<Vec<_>>();
        for i in near_after.into_iter().chain(before).chain(far_after).chain(far_before) {
            if let Some((predicate, _)) = phrase_predicate(tokens, i) {
                identity.predicate = Some(predicate);
                identity.predicate_text = Some(tokens[i].text.clone());
                break;
            }
            if let Some(predicate) = predicate_of(&tokens[i]) {
                identity.predicate = Some(predicate);
                identity.predicate_text = Some(tokens[i].text.clone());
                break;
            }
        }
    }
    // "three dead", "another 27 were injured": a bare count of casualties counts people.
    if identity.thing.is_none() && identity.predicate.is_some_and(|p| WORDS.people_predicates.has(p.concept)) {
        identity.thing = Some("people".to_owned());
    }
    identity.times = times_in(tokens, left.0, left.1);
    identity.times.extend(times_in(tokens, right.0, right.1));
    let scopes = scopes_in(tokens, left.0, left.1).into_iter().chain(scopes_in(tokens, right.0, right.1));
    for (head, area) in scopes {
        if area {
            identity.area.push(head.clone());
        }
        identity.scope.push(head);
    }
    for list in [&mut identity.scope, &mut identity.area] {
        list.sort();
        list.dedup();
    }
    let clause = (left.0..left.1).chain(right.0..right.1);
    let stretch_start = (left.0..=start).rev().find(|i| tokens.get(*i).is_some_and(|t| t.punctuated)).unwrap_or(left.0);
    let stretch_end = (end..right.1).find(|i| tokens[*i].punctuated).unwrap_or(right.1);
    for i in clause {
        let token = &tokens[i];
        if year_of(token).is_some() {
            continue;
        }
        if token.name && token.capitalised && !tokens::is_stop_word(&token.folded) {
            identity.names.push(token.folded.clone());
            if (stretch_start..stretch_end).contains(&i) {
                identity.near_names.push(token.folded.clone());
            }
        }
        if is_content(token) {
            identity.clause.push(token.stem.clone());
        }
    }
    identity.names.sort();
    identity.names.dedup();
    identity.near_names.sort();
    identity.near_names.dedup();
    identity.clause.sort();
    identity.clause.dedup();
    identity
}

/// Heads of the place phrases in tokens `from..to`: "in the province",
/// "across Asia", "among Tea Party supporters"; each with whether it names
/// an area (a name or an area noun).
fn scopes_in(tokens: &[Token], from: usize, to: usize) -> Vec<(String, bool)> {
    let mut scope = Vec::new();
    for i in from..to {
        if !WORDS.place.has(&tokens[i].folded) {
            continue;
        }
        // The place phrase's noun: past determiners, up to its first verb
        // ("across Asia was triggered" is Asia). A phrase that opens with a
        // year is a time ("In 2004 a massive tremor").
        let words: Vec<usize> = (i + 1..(i + 4).min(to.max(i + 1)).min(tokens.len()))
            .take_while(|j| !tokens[*j].boundary && tokens[*j].figure.is_none() && !ends_phrase(&tokens[*j]))
            .collect();
        if words.first().is_some_and(|j| year_of(&tokens[*j]).is_some()) {
            continue;
        }
        let head = words.into_iter().rev().find(|j| is_content(&tokens[*j]));
        if let Some(j) = head
            && !tokens::is_stop_word(&tokens[j].folded)
            && !crate::lexicon::CALENDAR.is_month(&tokens[j].folded)
            && !crate::lexicon::CALENDAR.is_weekday(&tokens[j].folded)
        {
            let area = tokens[j].name || tokens[j].capitalised || WORDS.place_heads.has(&tokens[j].stem);
            scope.push((tokens[j].stem.clone(), area));
        }
    }
    scope
}

/// The times named in tokens `from..to`: years, stretches of years
/// ("from 2007 to 2014", "2007-2014") and relative years ("last year").
fn times_in(tokens: &[Token], from: usize, to: usize) -> Vec<Time> {
    let mut times = Vec::new();
    let mut i = from;
    while i < to {
        let token = &tokens[i];
        if token.figure.is_some() {
            i += 1;
            continue;
        }
        if let Some(year) = year_of(token) {
            // "2007 to 2014", "2007 through 2014", "2007-2014", "between 2007 and 2014"
            let joined = tokens.get(i + 1).filter(|t| matches!(t.folded.as_str(), "to" | "through" | "and" | "until"));
            let next = if joined.is_some() { tokens.get(i + 2) } else { tokens.get(i + 1) };
            if let Some(until) = next.filter(|_| i + 1 < to).and_then(year_of).filter(|y| *y > year) {
                times.push(Time::Span(year, until));
                i += if joined.is_some() { 3 } else { 2 };
                continue;
            }
            let since = i > 0 && tokens[i - 1].folded == "since";
            times.push(if since { Time::Since(year) } else { Time::Year(year) });
        } else if matches!(token.folded.as_str(), "year" | "season")
            && let Some(relative) = relative_year(tokens, i)
        {
            times.push(Time::Relative(relative));
        }
        i += 1;
    }
    times.sort_by_key(|t| match t {
        Time::Year(y) => (0, *y, 0),
        Time::Relative(r) => (1, *r, 0),
        Time::Span(a, b) => (2, *a, *b),
        Time::Since(a) => (3, *a, 0),
    });
    times.dedup();
    times
}

/// "last year", "last fiscal year", "this year", "the past year".
fn relative_year(tokens: &[Token], year_at: usize) -> Option<i32> {
    let before = |back: usize| year_at.checked_sub(back).map(|i| tokens[i].folded.as_str());
    let word = match before(1) {
        Some("fiscal" | "calendar" | "financial") => before(2),
        other => other,
    };
    match word {
        Some("last" | "past" | "previous") => Some(-1),
        Some("this" | "current") => Some(0),
        Some("next") => Some(1),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
