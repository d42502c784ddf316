//! Number discrepancies: figures about the same quantity that differ, and
//! the list of every quantity the articles share.
//!
//! Each figure carries its identity, read from its own clause
//! ([`crate::numbers::identity`]): what it counts, what happened to it, its scope and
//! time. Figures of different articles are one quantity when their
//! identities agree; sentence groups, shared clause words, shared names and
//! close values are evidence, weighed by [`weight`]. A quantity whose
//! figures differ is a discrepancy: `compatible` when the ranges overlap or
//! one figure is the other rounded, `conflicting` when both cannot be true,
//! `changed` when the figure moved between reports.

use super::Inputs;
use crate::model::{
    Agreement, Discrepancy, DiscrepancyKind, Evidence, Figure, Mention, Qualifier, Quantity, QuantityFigure,
    SentenceRef, Span, Verdict,
};
use crate::numbers::identity::compare::{own_holder, shared_time, two_quantities};
use crate::numbers::identity::{Identity, Time};
use crate::numbers::{NumberMention, QuantityClass};
use crate::tokens::Term;
#[cfg(test)]
use clustering::StatedApart;
use clustering::cluster;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use verdict::judge;
#[cfg(test)]
use verdict::{Reading, half_step, one_reading, reading, unit_id};

/// Evidence weights for "these two figures are one quantity": their sum is
/// compared with `DiscrepancySettings::number_link` (0.5 by default).
pub(crate) mod weight {
    /// Both clauses say the same thing happened ("killed" / "died").
    pub const SAME_PREDICATE: f64 = 0.3;
    /// Both count the same thing ("flights" / "flights").
    pub const SAME_THING: f64 = 0.25;
    /// Both name what they count, and it differs ("schools" / "people").
    pub const OTHER_THING: f64 = -0.3;
    /// The counted things share a modifier ("federal taxes").
    pub const SHARED_MODIFIER: f64 = 0.1;
    /// Both qualify the thing and share no modifier ("federal" / "state").
    pub const OTHER_MODIFIERS: f64 = -0.3;
    /// Times the cosine of the two clauses' words (rarity-weighted).
    pub const CLAUSE: f64 = 0.6;
    /// The sentences were matched as one statement.
    pub const SAME_GROUP: f64 = 0.35;
    /// Values within a quarter of each other.
    pub const CLOSE_VALUES: f64 = 0.15;
    /// One value is the other rounded ("$1.4 billion" / "$1.375 billion").
    pub const ROUNDED_VALUES: f64 = 0.2;
    /// Values more than three times apart.
    pub const FAR_VALUES: f64 = -0.3;
    /// The clauses name the same place, body or person, and no other.
    pub const SHARED_NAME: f64 = 0.15;
    /// Each clause names someone or somewhere the other does not
    /// ("the Nationals offered" / "the Red Sox offered").
    pub const OTHER_NAMES: f64 = -0.3;
    /// The clauses place the figures alike ("in the province").
    pub const SHARED_SCOPE: f64 = 0.1;
    /// Both clauses place the figures, differently ("in the province" /
    /// "across Asia", "in Takengon" / "in the district").
    pub const OTHER_SCOPE: f64 = -0.5;
    /// One figure counts on top of others ("another 2,000"), the other does not.
    pub const ADDITIONAL: f64 = -0.15;
    /// One figure is tied to a year, the other to none (an earlier disaster,
    /// last year's total).
    pub const ONE_SIDED_TIME: f64 = -0.25;
    /// Both are tied to one time ("last year" / "in the last fiscal year").
    pub const SAME_TIME: f64 = 0.1;
    /// Both are ages of one person named next to them ("Lind, 44" / "the
    /// 44-year-old Lind"): enough alone, wherever the articles state them.
    pub const SAME_PERSON_AGE: f64 = 0.6;
}

/// Values farther apart than this ratio are different quantities unless
/// their sentences were matched as one statement.
const FAR_RATIO: f64 = 20.0;
/// Values within this share of each other are one reading ("2,700" and "some 2,700").
const ONE_READING: f64 = 0.005;
/// A figure counts as rounded when it is a multiple of at least this.
const ROUNDING_STEP: f64 = 100.0;

#[derive(Clone)]
struct Candidate<'a> {
    at: SentenceRef,
    /// The figure; years ("has led since 2002") are read here, as figures
    /// of their own unit that only ever meet other years.
    mention: Cow<'a, NumberMention>,
    identity: Identity,
    /// IDF-weighted, unit-length clause words (term id, weight), sorted by id.
    context: Vec<(u32, f32)>,
    group: Option<usize>,
    /// The article's year, to place "last year".
    year: Option<i32>,
    /// For a year: the content words right before it ("term ends in",
    /// "has led House Democrats since"), the fact the year dates.
    lead: Vec<String>,
    /// The figure as written, for reports: `mention` holds it converted to
    /// its dimension's base unit when it is a measure ("940 miles" compared
    /// as km, shown in miles).
    written: Option<Figure>,
    /// Whose figure it is (a name key): the possessive name right before it
    /// ("the Bluejays' 11 assists"), else the name holding it in its own
    /// clause ("while Richard Carter had 12 points"), else the one person
    /// its sentence is about: the only person it names, or, when it opens
    /// with "He" or "She", the person last named before it in the article.
    /// Two holders' figures are never one quantity ("He had 793 yards" /
    /// "He had 269").
    holder: Option<String>,
    /// For an age, the people whose age it is (`ages::whose_age`), and
    /// the surname as written when one is named next to it.
    aged: Vec<String>,
    aged_name: Option<String>,
    /// Set against the next figure of its sentence as another source's
    /// reading of one thing ("put the magnitude at 5.9, but the survey
    /// said 6.1"): the two values are not two quantities.
    contrasted: bool,
}

/// The number finder.
pub(super) struct Quantities;

impl super::Finder for Quantities {
    fn kind(&self) -> DiscrepancyKind {
        DiscrepancyKind::Number
    }

    fn find(&self, inputs: &Inputs<'_>) -> Vec<Discrepancy> {
        quantities_and_discrepancies(inputs).1
    }
}

/// Every quantity stated by at least two articles.
pub(super) fn quantities(inputs: &Inputs<'_>) -> Vec<Quantity> {
    quantities_and_discrepancies(inputs).0
}

/// The quantities and the number discrepancies among them, from one reading.
pub(super) fn quantities_and_discrepancies(inputs: &Inputs<'_>) -> (Vec<Quantity>, Vec<Discrepancy>) {
    let candidates = candidates(inputs);
    let clusters = cluster(&candidates, inputs);
    let mut quantities = Vec::new();
    let mut discrepancies = Vec::new();
    for members in clusters {
        let members: Vec<&Candidate<'_>> = members.iter().map(|i| &candidates[*i]).collect();
        if let Some((quantity, discrepancy)) = judge(&members, inputs) {
            quantities.push(quantity);
            discrepancies.extend(discrepancy);
        }
    }
    (quantities, discrepancies)
}

fn candidates<'a>(inputs: &'a Inputs<'_>) -> Vec<Candidate<'a>> {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut candidates = Vec::new();
    for (a, sentences) in inputs.analyses.iter().enumerate() {
        let article = &inputs.articles[a];
        let year = article.date.and_then(|d| d.year).map(i32::from);
        let mut last_person: Option<String> = None;
        let mut known_people: HashSet<String> = HashSet::new();
        for (s, analysis) in sentences.iter().enumerate() {
            let Some(sentence) = article.sentences.get(s) else { continue };
            let offset = sentence.span.start;
            let text = article.slice(sentence.span);
            let people = people_named(analysis, &mut known_people);
            let person = match people.as_slice() {
                [one] => Some(one.clone()),
                [] if speaks_of_someone(text) => last_person.clone(),
                _ => None,
            };
            // The one a later "He" or "The rookie" speaks of: the sentence's
            // subject when a person's name opens it ("Ivory made the most of
            // his chances with Thomas and Bush"), else the person named last.
            let subject = analysis.names.first().filter(|n| n.span.start <= offset + SUBJECT_REACH).and_then(|n| {
                let key = crate::names::fold_key(n.words.last()?);
                people.contains(&key).then_some(key)
            });
            if let Some(one) = subject.or_else(|| people.last().cloned()) {
                last_person = Some(one);
            }
            let back = |span: Span| Span::new(span.start.saturating_sub(offset), span.end.saturating_sub(offset));
            let spans: Vec<Span> = analysis.numbers.iter().map(|m| back(m.span)).collect();
            let names: Vec<Span> = analysis.names.iter().map(|n| back(n.span)).collect();
            let years = if analysis.terms.is_empty() { Vec::new() } else { years_in(text, &spans, &names) };
            if analysis.numbers.is_empty() && years.is_empty() {
                continue;
            }
            // Read once by analysis; a general statement's figures ("A
            // magnitude-6 quake can cause severe damage") have none and meet none.
            let identities = analysis.identities.iter().cloned();
            let first_of_sentence = candidates.len();
            let local_names: Vec<crate::names::NameMention> = if analysis
                .numbers
                .iter()
                .any(|m| m.class == QuantityClass::Age)
            {
                analysis.names.iter().map(|n| crate::names::NameMention { span: back(n.span), ..n.clone() }).collect()
            } else {
                Vec::new()
            };
            let at = SentenceRef { article: a, sentence: s };
            let group = inputs.matching.sentence_groups[a][s];
            for (mention, identity) in analysis.numbers.iter().zip(identities) {
                // A "count" with decimals ("a 6.7-strength quake",
                // "measuring 3.8"): things are counted whole, so it is a
                // reading on some scale the figure reader did not name.
                if mention.class == QuantityClass::Count && reads_as_decimal(&mention.figure) {
                    continue;
                }
                // A score or record ("11-5") is no quantity to compare.
                let (start, end) = (mention.span.start.saturating_sub(offset), mention.span.end.saturating_sub(offset));
                if is_tally(text, start, end)
                    || mention.class == QuantityClass::Count
                        && is_score(text.get(start..end).unwrap_or_default(), &identity)
                {
                    continue;
                }
                let context = context_vector(&identity.clause, inputs, &mut vocabulary);
                let (aged, aged_name) = if mention.class == QuantityClass::Age {
                    ages::whose_age(text, back(mention.span), &local_names, &people, person.as_ref())
                } else {
                    (Vec::new(), None)
                };
                // "940 miles" meets "1,500 kilometers" in kilometres.
                let (mention, written) = match crate::numbers::in_base_unit(mention) {
                    Some(converted) => (Cow::Owned(converted), Some(mention.figure.clone())),
                    None => (Cow::Borrowed(mention), None),
                };
                let holder = own_holder(&identity).map(str::to_owned).or_else(|| person.clone());
                let candidate = Candidate {
                    at,
                    mention,
                    identity,
                    context,
                    group,
                    year,
                    lead: Vec::new(),
                    written,
                    holder,
                    aged: Vec::new(),
                    aged_name,
                    contrasted: false,
                };
                // "they're all in their 70s": the age of each of them, a
                // figure in every one's quantity.
                if aged.len() > 1 {
                    candidates.extend(aged.into_iter().map(|one| Candidate { aged: vec![one], ..candidate.clone() }));
                } else {
                    candidates.push(Candidate { aged, ..candidate });
                }
            }
            mark_contrasted(&mut candidates[first_of_sentence..], text, offset);
            for (span, value) in years {
                // The year's own clause, read with the figures around it.
                let mut with_year = spans.clone();
                with_year.push(span);
                let identity =
                    crate::numbers::identity::read_sentence(text, &with_year, &names).pop().unwrap_or_default();
                let context = context_vector(&identity.clause, inputs, &mut vocabulary);
                let mention = NumberMention {
                    span: span.shifted(offset),
                    figure: Figure { value, low: value, high: value, qualifier: Qualifier::Exact, unit: YEAR.into() },
                    class: QuantityClass::Measure(YEAR.into()),
                    noun: None,
                    noun_text: None,
                    event: None,
                };
                let lead = lead_words(text.get(..span.start).unwrap_or_default());
                let holder = identity.owner.clone().or_else(|| person.clone());
                candidates.push(Candidate {
                    at,
                    mention: Cow::Owned(mention),
                    identity,
                    context,
                    group,
                    year,
                    lead,
                    written: None,
                    holder,
                    aged: Vec::new(),
                    aged_name: None,
                    contrasted: false,
                });
            }
        }
    }
    candidates
}

impl Candidate<'_> {
    /// The figure as the article writes it.
    fn shown(&self) -> &Figure {
        self.written.as_ref().unwrap_or(&self.mention.figure)
    }
}

/// The unit of years read as figures.
const YEAR: &str = "year";
/// Years of one fact differ by at most this much ("since 2002" / "since 2003").
const YEAR_SPREAD: f64 = 3.0;
/// How alike the clauses of two years must be (cosine of their words).
const YEAR_CONTEXT: f64 = 0.5;

/// Years written alone in a sentence ("since 2002", "ends in 2019"), outside
/// figures, names and calendar dates ("March 3, 2019" is a date).
fn years_in(text: &str, figures: &[Span], names: &[Span]) -> Vec<(Span, f64)> {
    // A year is a word of four ASCII digits: most sentences have no four
    // digits in a row, and need no word segmentation here.
    if !text.as_bytes().windows(4).any(|four| four.iter().all(u8::is_ascii_digit)) {
        return Vec::new();
    }
    let words: Vec<crate::tokens::Word<'_>> = crate::tokens::words(text).collect();
    let mut years = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if word.text.len() != 4 || !word.text.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(value) = word.text.parse::<u16>() else { continue };
        if !(1900..=2100).contains(&value) || figures.iter().chain(names).any(|s| s.overlaps(word.span)) {
            continue;
        }
        let calendar = |k: usize| crate::lexicon::CALENDAR.is_month(words[k].text);
        let dated = (i >= 1 && calendar(i - 1)) || (i >= 2 && calendar(i - 2));
        // "2019-20", "2007 to 2014": a stretch, not one year.
        let joined = text.get(word.span.end..).is_some_and(|rest| rest.starts_with(['-', '–', '/']));
        if !dated && !joined {
            years.push((word.span, f64::from(value)));
        }
    }
    years
}

/// The people a sentence names, as surname keys in order: names of two or
/// more words that open with a known given name ("Doug McDermott"), and
/// one-word names that are the surname of someone named so before in the
/// article ("McDermott").
fn people_named(analysis: &crate::analysis::SentenceAnalysis, known: &mut HashSet<String>) -> Vec<String> {
    let mut people: Vec<String> = Vec::new();
    for name in &analysis.names {
        let Some((last, before)) = name.words.split_last() else { continue };
        let key = crate::names::fold_key(last);
        // "Steny Hoyer", also behind a title ("Minority Whip Steny Hoyer").
        let full = before.iter().any(|w| crate::names::is_given_name(w));
        if full {
            known.insert(key.clone());
        }
        if (full || (name.words.len() == 1 && known.contains(&key))) && !people.contains(&key) {
            people.push(key);
        }
    }
    people
}

/// How far into its sentence (bytes) a name may start and still be read as
/// its subject ("Ivory made …", "But Ivory made …").
const SUBJECT_REACH: usize = 4;

/// "He had 793 yards", "But she said …", "The undrafted rookie finished
/// with 716 yards": a sentence about someone named before it.
fn speaks_of_someone(text: &str) -> bool {
    crate::tokens::words(text).take(12).any(|w| matches!(w.text, "He" | "She" | "he" | "she" | "His" | "his"))
        || opens_with_a_person(text)
}

/// How many words may stand between "The" and the person noun ("The
/// undrafted rookie", "The former state senator").
const DESCRIPTION_WORDS: usize = 3;

/// Whether a sentence opens with a definite description of one person:
/// "The" and up to three lower-case words, the last a noun whose first
/// sense is a person (`semantic::persons`: "rookie", "suspect"). A plural
/// ("The victims") or a name after the noun ("The quarterback Drew Brees",
/// named already) is not one.
fn opens_with_a_person(text: &str) -> bool {
    let mut words = crate::tokens::words(text);
    if words.next().is_none_or(|w| w.text != "The") {
        return false;
    }
    let description: Vec<crate::tokens::Word<'_>> = words.take(DESCRIPTION_WORDS + 1).collect();
    let Some(at) = description.iter().position(|w| {
        w.text.chars().next().is_some_and(char::is_lowercase) && crate::semantic::persons::is_person_noun(w.text)
    }) else {
        return false;
    };
    let lower =
        |w: &crate::tokens::Word<'_>| w.text.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    description[..at].iter().all(lower) && description.get(at + 1).is_none_or(lower)
}

/// Marks figures of one sentence that give two readings of one thing
/// ("Tehran's center put the magnitude at 5.9, but the U.S. survey said
/// 6.1"): each figure is compared with the next one of its class only, so
/// the work stays linear in the figures.
fn mark_contrasted(sentence: &mut [Candidate<'_>], text: &str, offset: usize) {
    for i in 1..sentence.len() {
        let (before, after) = sentence.split_at_mut(i);
        let (a, b) = (&before[i - 1], &after[0]);
        let same_thing = match (&a.identity.thing, &b.identity.thing) {
            (Some(p), Some(q)) => p == q || crate::semantic::are_synonyms(p, q),
            // "measured magnitude-5.9, but … a magnitude-6.1 temblor"
            _ => true,
        };
        if a.mention.class != b.mention.class || !same_thing || a.identity.part != b.identity.part {
            continue;
        }
        let between = text.get(a.mention.span.end.saturating_sub(offset)..b.mention.span.start.saturating_sub(offset));
        let contrasted = between.is_some_and(|gap| {
            crate::tokens::words(gap).any(|w| crate::numbers::identity::is_contrast(&crate::tokens::fold_word(w.text)))
        });
        if contrasted {
            before[i - 1].contrasted = true;
            after[0].contrasted = true;
        }
    }
}

/// A small number written with decimals: no count of whole things.
fn reads_as_decimal(figure: &Figure) -> bool {
    figure.value.abs() < 1000.0 && figure.value.fract().abs() > 1e-9
}

/// Words read before a year to say what it dates.
const LEAD_WORDS: usize = 4;
/// Lead words two years must share to date one fact.
const SHARED_LEAD: usize = 2;

/// The stems of the last few content words of `before`, within its last
/// clause: "his term ends in" gives "term", "end".
fn lead_words(before: &str) -> Vec<String> {
    let clause = before.rsplit([',', ';', ':', '(', '—', '–']).next().unwrap_or_default();
    let words: Vec<crate::tokens::Word<'_>> = crate::tokens::words(clause).collect();
    let mut lead: Vec<String> = words
        .iter()
        .rev()
        .map(|w| crate::tokens::fold_word(w.text))
        .filter(|f| !crate::tokens::is_stop_word(f) && !f.bytes().all(|b| b.is_ascii_digit()))
        .take(LEAD_WORDS)
        .map(|f| crate::tokens::stem(&f))
        .collect();
    lead.sort();
    lead.dedup();
    lead
}

/// Whether two years date two events: one dates an event of an exclusive
/// predicate written right before it ("when Jeffs was arrested in 2006")
/// and the other's clause names none, though words before it say what it
/// dates ("documents seized in a raid in 2008"). Years of one fact written
/// alike keep their predicates ("served from 1967" / "held the seat from
/// 1966" have none).
fn other_events(a: &Candidate<'_>, b: &Candidate<'_>) -> bool {
    // The predicate among the words right before the year, not elsewhere
    // in its clause ("voters in 2010 approved a bond to pay for it").
    let dates_event = |c: &Candidate<'_>| {
        c.identity.predicate.is_some_and(|p| p.exclusive)
            && c.identity
                .predicate_text
                .as_deref()
                .is_some_and(|t| c.lead.contains(&crate::tokens::stem(&t.to_lowercase())))
    };
    let dates_other = |c: &Candidate<'_>| c.identity.predicate.is_none() && !c.lead.is_empty();
    dates_event(a) && dates_other(b) || dates_event(b) && dates_other(a)
}

/// Whether two years date one fact by the words right before them.
fn same_lead(a: &[String], b: &[String]) -> bool {
    a.iter().filter(|w| b.contains(w)).count() >= SHARED_LEAD
}

/// "fell to 15-17", "Seattle (7-9)", "a 17-14 win": two whole numbers read
/// as one dashed range are a score or a record, unless the range runs low
/// to high and counts a thing named right after it ("10-12 carries").
fn is_score(written: &str, identity: &Identity) -> bool {
    let Some((low, high)) = written.split_once(['-', '–']) else { return false };
    let (Ok(low), Ok(high)) = (low.trim().parse::<u32>(), high.trim().parse::<u32>()) else { return false };
    let counts_a_thing =
        identity.thing_direct && identity.thing_text.as_deref().is_some_and(|t| t.starts_with(char::is_lowercase));
    low >= high || !counts_a_thing
}

/// A score or a record ("won 7-0", "an 11-5 season", "tied at 12-12"):
/// a number joined by a hyphen straight to another number is no quantity.
fn is_tally(text: &str, start: usize, end: usize) -> bool {
    let after = text.get(end..).unwrap_or_default().as_bytes();
    let before = text.get(..start).unwrap_or_default().as_bytes();
    let joined_after = after.len() >= 2 && after[0] == b'-' && after[1].is_ascii_digit();
    let joined_before =
        before.len() >= 2 && before[before.len() - 1] == b'-' && before[before.len() - 2].is_ascii_digit();
    joined_after || joined_before
}

/// The clause's words weighted by rarity, as a unit vector.
fn context_vector(terms: &[String], inputs: &Inputs<'_>, vocabulary: &mut HashMap<String, u32>) -> Vec<(u32, f32)> {
    let mut vector: Vec<(u32, f32)> = terms
        .iter()
        .map(|t| {
            let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
            (*vocabulary.entry(t.clone()).or_insert(next), inputs.stats.idf(&Term::word(t)) as f32)
        })
        .collect();
    vector.sort_by_key(|(id, _)| *id);
    vector.dedup_by_key(|(id, _)| *id);
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, weight) in &mut vector {
            *weight /= norm;
        }
    }
    vector
}

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut total) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                total += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    f64::from(total)
}

/// Whether a figure is tied to a single year at least two years before its
/// article's ("In 2004 a tsunami killed ...").
fn earlier_year(identity: &Identity, article_year: Option<i32>) -> bool {
    article_year.is_some_and(|now| identity.times.iter().any(|t| matches!(t, Time::Year(y) if *y <= now - 2)))
}

/// One value is the other rounded at the coarser one's step ("$1.4 billion"
/// for "$1.375 billion", "600" for "612"), or cut at it when the coarser
/// keeps two digits or more ("$43 million" for "$43,885,310"; not "50,000"
/// for "57,000", which drops all but the leading digit).
fn rounded(a: f64, b: f64) -> bool {
    let step = |value: f64| {
        let mut step = 1.0;
        while step < value.abs() && (value / (step * 10.0)).fract().abs() < 1e-9 {
            step *= 10.0;
        }
        step
    };
    let (coarse, fine) = if step(a) >= step(b) { (a, b) } else { (b, a) };
    let unit = step(coarse);
    let cut =
        coarse.abs() >= 10.0 * unit && coarse.abs() <= fine.abs() && fine.abs() - coarse.abs() < unit * (1.0 - 1e-9);
    unit >= ROUNDING_STEP && ((coarse - fine).abs() <= unit / 2.0 + 1e-9 || cut)
}

/// A range spread over several things rather than one thing's hedged
/// figure: said to range ("ranging from six to 75 years"), or a range of a
/// thing written in the plural that is no count ("sentences of between six
/// and 75 years"; "between 50 and 60 people" is one hedged count).
fn spread(candidate: &Candidate<'_>) -> bool {
    let figure = &candidate.mention.figure;
    let plural_thing = || {
        candidate.mention.class != QuantityClass::Count
            && candidate.identity.thing_text.as_deref().is_some_and(|t| t.ends_with('s') && !t.ends_with("ss"))
    };
    figure.qualifier == Qualifier::Range && (candidate.identity.ranging || plural_thing())
}

/// How likely two figures are one quantity (`None`: never).
fn link_score(a: &Candidate<'_>, b: &Candidate<'_>) -> Option<f64> {
    if a.mention.class != b.mention.class {
        return None;
    }
    let same_group = a.group.is_some() && a.group == b.group;
    let (x, y) = (a.mention.figure.value.abs(), b.mention.figure.value.abs());
    let ratio = if x.min(y) > 0.0 { x.max(y) / x.min(y) } else { f64::INFINITY };
    if ratio > FAR_RATIO && x != y {
        return None;
    }
    // Things are counted whole: "3.6" is no count of the "three" aftershocks.
    let fractional = |v: f64| v < 1000.0 && v.fract().abs() > 1e-9;
    if a.mention.class == QuantityClass::Count && fractional(x) != fractional(y) {
        return None;
    }
    // Ages, durations and ranks are compared only within one matched
    // statement, or for ages when they are one person's.
    let same_aged = ages::same_person(a, b);
    if same_aged == Some(false) || !a.mention.class.is_strong() && !same_group && same_aged != Some(true) {
        return None;
    }
    let (ia, ib) = (&a.identity, &b.identity);
    if a.mention.figure.unit == YEAR {
        // Years of one fact: close years in matched statements or alike clauses.
        // Alike statements may still date two events ("seized in a raid
        // in 2008" / "seized when he was arrested in 2006").
        let alike = (same_group || dot(&a.context, &b.context) >= YEAR_CONTEXT || same_lead(&a.lead, &b.lead))
            && !other_events(a, b);
        let close = (x - y).abs() <= YEAR_SPREAD;
        let predicates_differ = matches!((ia.predicate, ib.predicate), (Some(p), Some(q)) if p.concept != q.concept);
        let names_differ =
            ia.names.iter().any(|n| !ib.names.contains(n)) && ib.names.iter().any(|n| !ia.names.contains(n));
        return (alike && close && !predicates_differ && !names_differ).then_some(1.0);
    }
    let time = shared_time(ia, ib, (a.year, b.year));
    // Two quantities by their identities: times, exclusive predicates,
    // expected against reported, stretches of the event, populations,
    // variants, areas ([`two_quantities`]).
    if two_quantities(ia, ib, &a.mention.class, (a.year, b.year), time) {
        return None;
    }
    // Two holders' figures are two quantities.
    if let (Some(p), Some(q)) = (&a.holder, &b.holder)
        && p != q
        && same_aged.is_none()
    {
        return None;
    }
    // Several things' spread and one thing's figure ("sentences of between
    // six and 75 years" / "a 20-year sentence"): two quantities.
    if spread(a) != spread(b) {
        return None;
    }
    let mut score = if same_aged == Some(true) { weight::SAME_PERSON_AGE } else { 0.0 };
    if let (Some(p), Some(q)) = (ia.predicate, ib.predicate)
        && p.concept == q.concept
    {
        score += weight::SAME_PREDICATE;
    }
    match (&ia.thing, &ib.thing) {
        // One thing in other words ("quake" / "earthquake" / "temblor"),
        // by WordNet's first senses.
        (Some(p), Some(q)) if p == q || crate::semantic::are_synonyms(p, q) => score += weight::SAME_THING,
        (Some(_), Some(_)) if ia.thing_direct && ib.thing_direct => score += weight::OTHER_THING,
        _ => {}
    }
    if !ia.modifiers.is_empty() && !ib.modifiers.is_empty() {
        if ia.modifiers.iter().any(|m| ib.modifiers.contains(m)) {
            score += weight::SHARED_MODIFIER;
        } else {
            score += weight::OTHER_MODIFIERS;
        }
    }
    score += weight::CLAUSE * dot(&a.context, &b.context);
    if same_group {
        score += weight::SAME_GROUP;
    }
    if rounded(x, y) {
        score += weight::ROUNDED_VALUES;
    } else if ratio <= 1.25 {
        score += weight::CLOSE_VALUES;
    } else if ratio > 3.0 {
        score += weight::FAR_VALUES;
    }
    // A shared name anywhere in the clauses links; differing names count
    // against when each figure's own stretch names someone the other clause
    // never mentions, also beside a shared one ("Cheeks played for the
    // Sixers for 11 seasons" / "Cheeks coached the Blazers for four").
    if ia.names.iter().any(|n| ib.names.contains(n)) {
        score += weight::SHARED_NAME;
    }
    if ia.near_names.iter().any(|n| !ib.names.contains(n)) && ib.near_names.iter().any(|n| !ia.names.contains(n)) {
        score += weight::OTHER_NAMES;
    }
    if !ia.scope.is_empty() && !ib.scope.is_empty() {
        if ia.scope.iter().any(|p| ib.scope.contains(p)) {
            score += weight::SHARED_SCOPE;
        } else {
            score += weight::OTHER_SCOPE;
        }
    }
    if ia.additional != ib.additional {
        score += weight::ADDITIONAL;
    }
    if earlier_year(ia, a.year) && ib.times.is_empty() || earlier_year(ib, b.year) && ia.times.is_empty() {
        score += weight::ONE_SIDED_TIME;
    }
    if time == Some(true) {
        score += weight::SAME_TIME;
    }
    Some(score)
}

mod ages;
mod clustering;
#[cfg(test)]
mod tests;
mod verdict;
