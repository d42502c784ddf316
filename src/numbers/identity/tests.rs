//! Unit tests of the identity reader.

use super::lists::Words;
use super::*;
use std::collections::HashMap;

/// The identity of the first figure of a sentence, found with the real
/// figure reader.
fn first(text: &str) -> Identity {
    let figures: Vec<Span> = crate::numbers::extract(text).into_iter().map(|m| m.span).collect();
    read_sentence(text, &figures, &[]).into_iter().next().unwrap_or_default()
}

/// Every figure's identity, read with the real figure and name readers.
fn all(text: &str) -> Vec<Identity> {
    let figures: Vec<Span> = crate::numbers::extract(text).into_iter().map(|m| m.span).collect();
    let names: Vec<Span> =
        crate::names::extract(text, &std::collections::HashSet::new()).into_iter().map(|n| n.span).collect();
    read_sentence(text, &figures, &names)
}

#[test]
fn lexicon_examples_are_read_as_their_concept() {
    for concept in &LEXICON.predicate {
        for text in &concept.examples.matches {
            let predicate = first(text).predicate.map(|p| p.concept);
            assert_eq!(predicate, Some(concept.concept.as_str()), "{text}");
        }
        for text in &concept.examples.no_match {
            let predicate = first(text).predicate.map(|p| p.concept);
            assert_ne!(predicate, Some(concept.concept.as_str()), "{text}");
        }
    }
    for concept in &LEXICON.thing {
        for text in &concept.examples.matches {
            assert_eq!(first(text).thing.as_deref(), Some(concept.concept.as_str()), "{text}");
        }
        for text in &concept.examples.no_match {
            assert_ne!(first(text).thing.as_deref(), Some(concept.concept.as_str()), "{text}");
        }
    }
}

#[test]
fn the_counted_noun_is_read_past_participles_possessives_and_quotes() {
    // Each was misread on real news: the head became "airline", "gold",
    // "effect" or "year", so one quantity's figures never met.
    let thing = |text: &str| first(text).thing;
    assert_eq!(thing("nearly 28 percent of the carrier's scheduled flights were cut").as_deref(), Some("flight"));
    assert_eq!(thing("she bought a $43,350 gold-plated men's Varo watch").as_deref(), Some("watch"));
    assert_eq!(thing("there are at least 30 \"national emergencies\" in effect").as_deref(), Some("emerg"));
    assert_ne!(thing("arrests fell to 400,000 in the last fiscal year").as_deref(), Some("year"));
    // A participle after the noun still ends the phrase.
    assert_eq!(first("1,000 flights canceled nationwide").predicate.map(|p| p.concept), Some("cancelled"));
}

#[test]
fn a_place_phrase_names_its_noun_and_a_year_is_no_place() {
    let scope = |text: &str| first(text).scope;
    assert_eq!(scope("In 2029 a huge wave killed 17,000 people in the province"), ["provinc"]);
    assert_eq!(scope("the wave that killed 23,000 people across Ostland was triggered by a slide"), ["ostland"]);
}

#[test]
fn the_counted_noun_ends_at_an_irregular_verb_or_a_day() {
    assert_eq!(first("The 6.1-magnitude quake struck Varn island").thing.as_deref(), Some("quak"));
    assert_eq!(first("A magnitude-5.9 quake early Sunday shook the coast").thing.as_deref(), Some("quak"));
    assert!(VERB_FORMS.contains("struck") && VERB_FORMS.contains("sought"));
    assert!(!VERB_FORMS.contains("island") && !VERB_FORMS.contains("fell"));
}

#[test]
fn an_ing_word_after_the_noun_ends_it() {
    assert_eq!(
        first("a lawsuit involving as many as 1.5 million women seeking back pay").thing.as_deref(),
        Some("women")
    );
    assert_eq!(first("there are 40 missing hikers").thing.as_deref(), Some("hiker"));
}

#[test]
fn five_of_his_rebounds_is_a_part() {
    assert!(first("Six of his points and five of his rebounds came late").part);
    assert!(first("Nine of their 12 games were lost").part);
    assert!(!first("He grabbed seven rebounds").part);
}

#[test]
fn no_two_concepts_share_a_stem_or_phrase() {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for concept in LEXICON.predicate.iter().chain(&LEXICON.thing) {
        for key in concept.stems.iter().chain(&concept.phrases) {
            if let Some(other) = seen.insert(key.as_str(), concept.concept.as_str()) {
                panic!("{key:?} is in both {other} and {}", concept.concept);
            }
        }
    }
}

#[test]
fn each_figure_reads_its_own_clause() {
    let both = all("The toll rose to 900, with 2,000 hurt.");
    let predicates: Vec<Option<&str>> = both.iter().map(|i| i.predicate.map(|p| p.concept)).collect();
    assert_eq!(predicates, [Some("killed"), Some("injured")]);
    let both = all("The quake killed 10 people and injured 80.");
    let predicates: Vec<Option<&str>> = both.iter().map(|i| i.predicate.map(|p| p.concept)).collect();
    assert_eq!(predicates, [Some("killed"), Some("injured")]);
}

#[test]
fn nominal_predicates_and_modifiers() {
    let cancelled = first("There were more than 2,000 recent flight cancellations.");
    assert_eq!(cancelled.predicate.map(|p| p.concept), Some("cancelled"));
    assert_eq!(cancelled.thing.as_deref(), Some("flight"));
    let domestic = first("The airline cancelled at least 1,800 domestic flights.");
    assert_eq!(
        (domestic.thing.as_deref(), domestic.modifiers.as_slice()),
        (Some("flight"), &["domest".to_owned()][..])
    );
}

#[test]
fn parts_rates_and_times() {
    let parts = all("Doctors said 30 of the 80 wounded remained in hospital.");
    assert!(parts[0].part && !parts[1].part);
    assert!(first("The deal pays $20 million per season.").rate);
    assert_eq!(first("Arrests fell to 40,000 last fiscal year.").times, [Time::Relative(-1)]);
    assert_eq!(first("In 2004 a wave killed 9,000 people.").times, [Time::Year(2004)]);
    assert_eq!(first("They have paid $9 million in taxes since 2010.").times, [Time::Since(2010)]);
}

#[test]
fn what_a_sum_is_for() {
    let taxes = first("The couple paid $4 million in federal taxes.");
    assert_eq!(taxes.predicate.map(|p| p.concept), Some("paid"));
    let wall = first("He wants $2 billion for the wall.");
    assert_eq!(wall.thing.as_deref(), Some("wall"));
}

/// Every word list of `identity.toml` at work: each list's property holds in
/// its `match` sentences and fails in its `no_match` ones, read with the real
/// figure and identity readers.
#[test]
fn word_list_examples_show_their_property() {
    type Property = fn(&[Identity]) -> bool;
    let different_predicates: Property = |ids| ids.len() >= 2 && ids[0].predicate != ids[1].predicate;
    let thing_from_phrase: Property = |ids| ids.first().is_some_and(|i| i.thing.is_some() && !i.thing_direct);
    let changing: Property = |ids| ids.first().is_some_and(|i| i.changing);
    let people: Property = |ids| ids.first().is_some_and(|i| i.thing.as_deref() == Some("people"));
    let rate: Property = |ids| ids.first().is_some_and(|i| i.rate);
    let additional: Property = |ids| ids.first().is_some_and(|i| i.additional);
    let repetition: Property = |ids| ids.first().is_some_and(|i| i.repetition);
    let scoped: Property = |ids| ids.first().is_some_and(|i| !i.scope.is_empty());
    let area: Property = |ids| ids.first().is_some_and(|i| !i.area.is_empty());
    let not_at_figure: Property = |ids| ids.first().is_some_and(|i| !i.thing_direct);
    let no_thing: Property = |ids| ids.first().is_some_and(|i| i.thing.is_none());
    let one_word: Property = |ids| ids.first().and_then(|i| i.thing_text.as_deref()).is_some_and(|t| !t.contains(' '));
    let held: Property = |ids| ids.first().is_some_and(|i| i.holding_name.is_some());
    let among: Property = |ids| ids.first().is_some_and(|i| i.subgroup.is_some());
    let variant: Property = |ids| ids.first().is_some_and(|i| i.variant.is_some());
    let ranging: Property = |ids| ids.first().is_some_and(|i| i.ranging);
    let own_verb: Property = |ids| ids.first().is_some_and(|i| i.verb.is_some());
    let w = &*WORDS;
    let lists: [(&str, &Words, Property); 18] = [
        ("holding", &w.holding, held),
        ("clause_words", &w.clause_words, different_predicates),
        ("purpose", &w.purpose, thing_from_phrase),
        ("changing", &w.changing, changing),
        ("people_predicates", &w.people_predicates, people),
        ("rate", &w.rate, rate),
        ("average", &w.average, rate),
        ("additional", &w.additional, additional),
        ("repetitions", &w.repetitions, repetition),
        ("place", &w.place, scoped),
        ("place_heads", &w.place_heads, area),
        ("empty_heads", &w.empty_heads, not_at_figure),
        ("time_heads", &w.time_heads, no_thing),
        ("phrase_ends", &w.phrase_ends, one_word),
        ("subgroups", &w.subgroups, among),
        ("variants", &w.variants, variant),
        ("spreads", &w.spreads, ranging),
        ("verb_links", &w.verb_links, own_verb),
    ];
    let period: Property = |ids| ids.first().is_some_and(|i| i.period.is_some());
    let periods = &w.periods.examples;
    for (sentences, expected) in [(&periods.matches, true), (&periods.no_match, false)] {
        for text in sentences {
            assert_eq!(period(&all(text)), expected, "periods: {text:?}: {:?}", all(text));
        }
    }
    for (name, list, property) in lists {
        assert!(!list.examples.matches.is_empty() && !list.examples.no_match.is_empty(), "{name}: no examples");
        for text in &list.examples.matches {
            assert!(property(&all(text)), "{name}: {text:?} should show the property: {:?}", all(text));
        }
        for text in &list.examples.no_match {
            assert!(!property(&all(text)), "{name}: {text:?} should not show the property: {:?}", all(text));
        }
    }
}

/// The people predicates name predicate concepts of `quantities.toml`.
#[test]
fn people_predicates_are_predicate_concepts() {
    for word in &WORDS.people_predicates.words {
        assert!(LEXICON.predicate.iter().any(|c| &c.concept == word), "{word} is no predicate concept");
    }
}

#[test]
fn generic_modal_examples_mark_general_statements() {
    let examples = super::generic_examples();
    assert!(!examples.matches.is_empty() && !examples.no_match.is_empty());
    for (sentences, expected) in [(&examples.matches, true), (&examples.no_match, false)] {
        for text in sentences {
            assert_eq!(super::is_generic_statement(text), expected, "{text:?}");
        }
    }
}

#[test]
fn projected_examples_are_read_as_expected_figures() {
    let examples = &WORDS.projected.examples;
    for (sentences, expected) in [(&examples.matches, true), (&examples.no_match, false)] {
        for sentence in sentences {
            assert_eq!(first(sentence).projected, expected, "{sentence}");
        }
    }
}

#[test]
fn an_own_verb_bounds_where_the_predicate_is_read() {
    let gathered = first("Of the 10 senators who gathered outside the hall after the vote, six spoke.");
    assert_eq!(gathered.verb.as_deref(), Some("gather"));
    assert_eq!(gathered.predicate, None, "the vote is not what the ten did");
    let suffered = first("Eight people had suffered from serious injury.");
    assert_eq!(suffered.predicate.map(|p| p.concept), Some("injured"));
    // A lexicon verb is read as its concept: "died" and "killed" are one.
    assert_eq!(first("Some 40 people died in the flood.").verb.as_deref(), Some("killed"));
    let cut = first("The council has cut $7 million from the harbour plan, the mayor said.");
    assert_eq!(cut.verb.as_deref(), Some("cut"));
}
