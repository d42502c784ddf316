//! The numbers lexicon (`assets/lexicon/numbers.toml`): number words,
//! scales, fractions, hedges, units, currencies and the words that make a
//! number name a kind, a scale or an address. Reading (`read`, `words`) and
//! classifying (`classify`) both look words up here; neither imports the
//! other for data.

use crate::lexicon::Examples;
use crate::model::Qualifier;
use serde::Deserialize;
use std::sync::LazyLock;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Numbers {
    pub(super) units: Words,
    pub(super) noughts: Words,
    pub(super) tens: Words,
    pub(super) ordinals: Valued<f64>,
    pub(super) scales: Valued<f64>,
    pub(super) vague: Ranges,
    pub(super) fractions: Valued<f64>,
    hedges: Valued<Qualifier>,
    time_units: Valued<f64>,
    pub(super) measures: Valued<String>,
    pub(super) conversions: Conversions,
    pub(super) unit_suffixes: Valued<String>,
    pub(super) currency_symbols: Valued<String>,
    pub(super) currency_words: Valued<String>,
    pub(super) currency_millions: Valued<String>,
    pub(super) currency_codes: Valued<String>,
    pub(super) kind_words: Words,
    pub(super) dimension_marks: Words,
    pub(super) category_prefixes: Words,
    pub(super) weight_words: Words,
    pub(super) scale_words: Words,
    pub(super) street_words: Words,
    pub(super) age_decades: AgeDecades,
    pub(super) rate_percent: RatePercent,
    pub(super) one_duration_cues: Words,
    pub(super) age_verbs: AgeVerbs,
    pub(super) age_words: Words,
    pub(super) label_words: Words,
    pub(super) clock_hours: ClockHours,
    pub(super) age_asides: Words,
    pub(super) change_words: Words,
    pub(super) people_words: Words,
    pub(super) verb_forms: Words,
    pub(super) events: Words,
    pub(super) exclusive_events: Words,
    pub(super) people_events: Words,
    /// The hedges split into words, in file order (built after parsing).
    #[serde(skip)]
    hedge_words: Vec<(Vec<String>, Qualifier)>,
    /// The units of time with their length in days (built after parsing).
    #[serde(skip)]
    time_days: Vec<(String, f64)>,
}

/// How a bare hour is written as a clock time (`[clock_hours]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClockHours {
    pub(super) openers: Vec<String>,
    pub(super) hedges: Vec<String>,
    pub(super) followers: Vec<String>,
    pub(super) levels: Vec<String>,
    #[allow(dead_code, reason = "read by the tests")]
    pub(super) examples: Examples,
}

/// A plain word list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Words {
    pub(super) words: Vec<String>,
    #[allow(dead_code, reason = "read by the tests")]
    pub(super) examples: Examples,
}

/// Words, each with a value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Valued<T> {
    pub(super) words: Vec<(String, T)>,
    #[allow(dead_code, reason = "read by the tests")]
    pub(super) examples: Examples,
}

/// Units converted to a base unit: (symbol, base symbol, factor).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Conversions {
    pub(super) units: Vec<(String, String, f64)>,
    #[allow(dead_code, reason = "read by the tests")]
    pub(super) examples: Examples,
}

impl Conversions {
    /// The base unit of `unit` and the factor into it.
    pub(super) fn get(&self, unit: &str) -> Option<(&str, f64)> {
        self.units.iter().find(|(u, ..)| u == unit).map(|(_, base, factor)| (base.as_str(), *factor))
    }
}

/// Words, each with the lowest and highest value it allows.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Ranges {
    pub(super) words: Vec<(String, f64, f64)>,
    #[allow(dead_code, reason = "read by the tests")]
    pub(super) examples: Examples,
}

/// Ages written as a decade of life ("in his 50s").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AgeDecades {
    possessives: Vec<String>,
    /// Words placing the age inside the decade, with the years they allow
    /// from its start ("early": 0 to 3).
    parts: Vec<(String, f64, f64)>,
    #[allow(dead_code, reason = "read by the tests")]
    pub(super) examples: Examples,
}

impl AgeDecades {
    pub(super) fn is_possessive(&self, word: &str) -> bool {
        self.possessives.iter().any(|w| w == word)
    }

    pub(super) fn part(&self, word: &str) -> Option<(f64, f64)> {
        self.parts.iter().find(|(w, ..)| w == word).map(|&(_, low, high)| (low, high))
    }
}

/// A bare figure given for a rate ("the tax rate was 35.7").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RatePercent {
    nouns: Vec<String>,
    /// Words between the rate noun and the figure ("was", "stood at").
    links: Vec<String>,
    /// What may follow the figure (anything else is what it counts).
    followers: Vec<String>,
    #[allow(dead_code, reason = "read by the tests")]
    pub(super) examples: Examples,
}

impl RatePercent {
    /// Whether a rate noun and one or two link words stand straight before
    /// token `start`.
    pub(super) fn given_for_rate(&self, lower: &[String], start: usize) -> bool {
        let is = |list: &[String], i: usize| lower.get(i).is_some_and(|w| list.iter().any(|l| l == w));
        (1..=2).any(|links| {
            start > links && (start - links..start).all(|i| is(&self.links, i)) && is(&self.nouns, start - links - 1)
        })
    }

    pub(super) fn may_follow(&self, word: &str) -> bool {
        word.is_empty() || self.followers.iter().any(|w| w == word)
    }
}

/// What the words before an age say about when it is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum AgeVerb {
    /// "will turn 29": 28 now, 29 soon.
    Coming,
    /// "turned 90": 90 now.
    Reached,
}

/// Words before a figure that make it an age ("will turn 29").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AgeVerbs {
    phrases: Vec<(String, AgeVerb)>,
    /// What may follow the age: the clause ends or a time is given.
    followers: Vec<String>,
    #[allow(dead_code, reason = "read by the tests")]
    pub(super) examples: Examples,
}

impl AgeVerbs {
    /// The verb phrase ending straight before token `start`, if any.
    pub(super) fn before(&self, lower: &[String], start: usize) -> Option<AgeVerb> {
        self.phrases.iter().find_map(|(phrase, verb)| {
            // Compared from the figure backwards, without splitting into a list.
            let mut before = lower[..start].iter().rev();
            phrase.split_whitespace().rev().all(|word| before.next().is_some_and(|w| w == word)).then_some(*verb)
        })
    }

    /// Whether `word` may follow an age ("" is the end of the sentence).
    pub(super) fn may_follow(&self, word: &str) -> bool {
        word.is_empty() || self.followers.iter().any(|w| w == word)
    }
}

impl Words {
    /// Whether `word` is in the list.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }

    /// The position of `word` in the list.
    pub(super) fn position(&self, word: &str) -> Option<usize> {
        self.words.iter().position(|w| w == word)
    }
}

impl<T> Valued<T> {
    /// The value of `word`, if listed.
    pub(super) fn get(&self, word: &str) -> Option<&T> {
        self.words.iter().find(|(w, _)| w == word).map(|(_, value)| value)
    }

    /// Whether `word` is listed.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl Ranges {
    /// The range `word` allows, if listed.
    pub(super) fn get(&self, word: &str) -> Option<(f64, f64)> {
        self.words.iter().find(|(w, ..)| w == word).map(|&(_, low, high)| (low, high))
    }
}

impl Numbers {
    fn prepared(mut self) -> Self {
        self.hedge_words = self
            .hedges
            .words
            .iter()
            .map(|(words, q)| (words.split_whitespace().map(str::to_owned).collect(), *q))
            .collect();
        self.time_days =
            self.time_units.words.iter().map(|(word, seconds)| (word.clone(), seconds / 86400.0)).collect();
        self
    }

    /// The hedges, longest first, each as its words and what it allows.
    pub(super) fn hedges(&self) -> &[(Vec<String>, Qualifier)] {
        &self.hedge_words
    }

    /// The length of a unit of time in days ("hours": 1/24).
    pub(super) fn time_unit_days(&self, word: &str) -> Option<f64> {
        self.time_days.iter().find(|(w, _)| w == word).map(|(_, days)| *days)
    }

    /// Whether `word` is a unit of time.
    pub(super) fn is_time_unit(&self, word: &str) -> bool {
        self.time_unit_days(word).is_some()
    }
}

/// The numbers lexicon, parsed on first use.
pub(super) static NUMBERS: LazyLock<Numbers> = LazyLock::new(|| crate::lexicon::parse::<Numbers>("numbers").prepared());

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NotQuantity, QuantityClass};
    use crate::numbers::{NumberMention, read_all};

    /// What a list is for, as seen in the reader's first figure.
    type Check = fn(Option<&NumberMention>) -> bool;

    fn class(mention: Option<&NumberMention>) -> Option<&QuantityClass> {
        mention.map(|m| &m.class)
    }

    fn lists() -> Vec<(&'static str, &'static Examples, Check)> {
        let n = &*NUMBERS;
        let figure: Check = |m| m.is_some();
        let hedged: Check = |m| m.is_some_and(|m| m.figure.qualifier != Qualifier::Exact);
        let duration: Check = |m| matches!(class(m), Some(QuantityClass::Duration(_)));
        let measure: Check = |m| matches!(class(m), Some(QuantityClass::Measure(_)));
        let converted: Check = |m| m.is_some_and(|m| crate::numbers::in_base_unit(m).is_some());
        let money: Check = |m| matches!(class(m), Some(QuantityClass::Money(_)));
        let percent: Check = |m| matches!(class(m), Some(QuantityClass::Percent));
        let kind: Check = |m| class(m) == Some(&QuantityClass::NotQuantity(NotQuantity::Kind));
        let scale: Check = |m| class(m) == Some(&QuantityClass::NotQuantity(NotQuantity::Scale));
        let address: Check = |m| class(m) == Some(&QuantityClass::NotQuantity(NotQuantity::Address));
        let vague: Check = |m| m.is_some_and(|m| m.figure.low < m.figure.high);
        let age: Check = |m| class(m) == Some(&QuantityClass::Age);
        let fraction: Check = |m| m.is_some_and(|m| m.figure.value.fract() != 0.0);
        // A denominator gives a fraction, or a share in percent before "of".
        let share: Check = |m| m.is_some_and(|m| m.figure.value.fract() != 0.0 || m.class == QuantityClass::Percent);
        vec![
            ("units", &n.units.examples, figure),
            ("noughts", &n.noughts.examples, fraction),
            ("tens", &n.tens.examples, figure),
            ("ordinals", &n.ordinals.examples, share),
            ("scales", &n.scales.examples, |m| m.is_some_and(|m| m.figure.value >= 1000.0)),
            ("vague", &n.vague.examples, vague),
            ("fractions", &n.fractions.examples, percent),
            ("hedges", &n.hedges.examples, hedged),
            ("time_units", &n.time_units.examples, duration),
            ("measures", &n.measures.examples, measure),
            ("conversions", &n.conversions.examples, converted),
            ("unit_suffixes", &n.unit_suffixes.examples, measure),
            ("currency_symbols", &n.currency_symbols.examples, money),
            ("currency_words", &n.currency_words.examples, money),
            ("currency_millions", &n.currency_millions.examples, money),
            ("currency_codes", &n.currency_codes.examples, money),
            ("kind_words", &n.kind_words.examples, kind),
            ("dimension_marks", &n.dimension_marks.examples, kind),
            ("category_prefixes", &n.category_prefixes.examples, kind),
            (
                "weight_words",
                &n.weight_words.examples,
                |m| matches!(class(m), Some(QuantityClass::Measure(unit)) if unit == "lb"),
            ),
            ("scale_words", &n.scale_words.examples, scale),
            ("street_words", &n.street_words.examples, address),
            ("age_decades", &n.age_decades.examples, age),
            ("rate_percent", &n.rate_percent.examples, percent),
            ("one_duration_cues", &n.one_duration_cues.examples, duration),
            ("age_verbs", &n.age_verbs.examples, age),
            ("age_words", &n.age_words.examples, age),
            ("label_words", &n.label_words.examples, |m| {
                m.is_some_and(|m| m.class == QuantityClass::NotQuantity(NotQuantity::Identifier))
            }),
            ("clock_hours", &n.clock_hours.examples, |m| {
                m.is_some_and(|m| m.class == QuantityClass::NotQuantity(NotQuantity::DateOrTime))
            }),
            ("age_asides", &n.age_asides.examples, age),
            ("change_words", &n.change_words.examples, |m| m.is_some_and(|m| m.figure.low == m.figure.high)),
            ("people_words", &n.people_words.examples, |m| m.is_some_and(|m| m.noun.as_deref() == Some("~peopl"))),
            ("events", &n.events.examples, |m| m.is_some_and(|m| m.event.is_some())),
            ("exclusive_events", &n.exclusive_events.examples, |m| {
                m.is_some_and(|m| m.quantity_keys().iter().any(|k| k.event.is_some()))
            }),
            ("people_events", &n.people_events.examples, |m| m.is_some_and(|m| m.noun.as_deref() == Some("~peopl"))),
        ]
    }

    #[test]
    fn every_list_reads_its_examples_as_it_says() {
        let mut failures = Vec::new();
        for (list, examples, check) in lists() {
            assert!(!examples.matches.is_empty() && !examples.no_match.is_empty(), "{list}: examples both ways");
            for (sentences, expected) in [(&examples.matches, true), (&examples.no_match, false)] {
                for sentence in sentences {
                    let figures = read_all(sentence);
                    if check(figures.first()) != expected {
                        failures.push(format!("{list}: {sentence:?} read as {:?}", figures.first()));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn verb_forms_end_the_counted_noun() {
        let examples = &NUMBERS.verb_forms.examples;
        assert!(!examples.matches.is_empty() && !examples.no_match.is_empty());
        for (sentences, expected) in [(&examples.matches, true), (&examples.no_match, false)] {
            for sentence in sentences {
                let figure = read_all(sentence).into_iter().next();
                let next_word = figure.as_ref().and_then(|m| sentence[m.span.end..].split_whitespace().next());
                let noun = figure.as_ref().and_then(|m| m.noun_text.as_deref());
                assert_eq!(noun.is_some() && noun == next_word, expected, "{sentence:?} read as {figure:?}");
            }
        }
    }

    #[test]
    fn people_events_are_exclusive_events_and_those_are_events() {
        let n = &*NUMBERS;
        for word in &n.people_events.words {
            assert!(n.exclusive_events.contains(word), "{word} is a people event but not exclusive");
        }
        for word in &n.exclusive_events.words {
            assert!(n.events.contains(word), "{word} is exclusive but no event");
        }
    }

    #[test]
    fn no_word_is_listed_twice_in_one_list() {
        let n = &*NUMBERS;
        let lists: Vec<(&str, Vec<&str>)> = vec![
            ("units", n.units.words.iter().map(String::as_str).collect()),
            ("tens", n.tens.words.iter().map(String::as_str).collect()),
            ("ordinals", n.ordinals.words.iter().map(|(w, _)| w.as_str()).collect()),
            ("scales", n.scales.words.iter().map(|(w, _)| w.as_str()).collect()),
            ("hedges", n.hedges.words.iter().map(|(w, _)| w.as_str()).collect()),
            ("measures", n.measures.words.iter().map(|(w, _)| w.as_str()).collect()),
            ("currency_words", n.currency_words.words.iter().map(|(w, _)| w.as_str()).collect()),
            ("kind_words", n.kind_words.words.iter().map(String::as_str).collect()),
            ("weight_words", n.weight_words.words.iter().map(String::as_str).collect()),
            ("street_words", n.street_words.words.iter().map(String::as_str).collect()),
            ("change_words", n.change_words.words.iter().map(String::as_str).collect()),
            ("people_words", n.people_words.words.iter().map(String::as_str).collect()),
            ("verb_forms", n.verb_forms.words.iter().map(String::as_str).collect()),
            ("events", n.events.words.iter().map(String::as_str).collect()),
            ("exclusive_events", n.exclusive_events.words.iter().map(String::as_str).collect()),
            ("people_events", n.people_events.words.iter().map(String::as_str).collect()),
        ];
        for (list, words) in lists {
            let mut seen = std::collections::HashSet::new();
            for word in words {
                assert!(seen.insert(word), "{list}: {word:?} twice");
            }
        }
    }

    #[test]
    fn hedges_are_tried_longest_first_where_one_ends_another() {
        // "no more than" must be tried before "more than", which it ends with.
        let hedges = NUMBERS.hedges();
        for (i, (long, _)) in hedges.iter().enumerate() {
            for (short, _) in &hedges[..i] {
                let ends_with = short.len() < long.len() && long.ends_with(short);
                assert!(!ends_with, "{short:?} is tried before {long:?}, which ends with it");
            }
        }
    }
}
