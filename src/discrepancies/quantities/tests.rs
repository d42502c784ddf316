//! Unit tests of the number finder: the linking score, readings and
//! verdicts, and the linear bookkeeping of figures stated apart.

use super::*;
use crate::model::SentenceRef;
use crate::{Settings, compare_texts};

/// A candidate read from one sentence with the real figure and identity
/// readers; clause words weigh alike (no corpus to count rarity in).
fn candidate(text: &str, article: usize, index: usize) -> (NumberMention, Identity) {
    let mentions = crate::numbers::extract(text);
    let spans: Vec<Span> = mentions.iter().map(|m| m.span).collect();
    let names: Vec<Span> =
        crate::names::extract(text, &std::collections::HashSet::new()).into_iter().map(|n| n.span).collect();
    let identity = crate::numbers::identity::read_sentence(text, &spans, &names).swap_remove(index);
    let _ = article;
    (mentions[index].clone(), identity)
}

fn score(a: &str, b: &str) -> Option<f64> {
    let (ma, ia) = candidate(a, 0, 0);
    let (mb, ib) = candidate(b, 1, 0);
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut vector = |terms: &[String]| -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> = terms
            .iter()
            .map(|t| {
                let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
                (*vocabulary.entry(t.clone()).or_insert(next), 1.0)
            })
            .collect();
        v.sort_by_key(|(id, _)| *id);
        let norm = (v.len() as f32).sqrt().max(1.0);
        v.iter_mut().for_each(|(_, w)| *w /= norm);
        v
    };
    let (ca, cb) = (vector(&ia.clause), vector(&ib.clause));
    let x = Candidate {
        at: SentenceRef { article: 0, sentence: 0 },
        mention: Cow::Borrowed(&ma),
        identity: ia,
        context: ca,
        group: None,
        year: Some(2026),
        lead: Vec::new(),
        written: None,
        holder: None,
        aged: Vec::new(),
        aged_name: None,
        contrasted: false,
    };
    let y = Candidate {
        at: SentenceRef { article: 1, sentence: 0 },
        mention: Cow::Borrowed(&mb),
        identity: ib,
        context: cb,
        group: None,
        year: Some(2026),
        lead: Vec::new(),
        written: None,
        holder: None,
        aged: Vec::new(),
        aged_name: None,
        contrasted: false,
    };
    link_score(&x, &y)
}

const LINK: f64 = 0.5;

#[test]
fn killed_and_injured_are_never_one_quantity() {
    assert_eq!(score("The storm killed 12 people in the valley.", "The storm injured 12 people in the valley."), None);
}

#[test]
fn same_predicate_and_thing_link() {
    let s = score("Ten people were killed in the Varn valley quake.", "The Varn valley quake killed 12 people.");
    assert!(s.is_some_and(|s| s >= LINK), "{s:?}");
}

#[test]
fn different_years_never_link() {
    assert_eq!(score("The 1998 flood killed 400 people.", "The 2004 flood killed 420 people."), None);
}

#[test]
fn a_part_never_links_with_a_whole() {
    let (_, parts) = candidate("Doctors said 30 of the 80 wounded remained in hospital.", 0, 0);
    assert!(parts.part);
}

#[test]
fn other_names_keep_offers_apart() {
    // The same offer verb and noun, but two different bidders.
    let offers =
        score("The Harbour Cats made Lund a $160 million offer.", "The Tarn Rovers made Lund a $170 million offer.");
    let same =
        score("The Harbour Cats made Lund a $160 million offer.", "The Harbour Cats made Lund a $170 million offer.");
    assert!(offers < same, "{offers:?} {same:?}");
}

#[test]
fn other_modifiers_keep_sums_apart() {
    let state = score("The couple paid $43 million in federal taxes.", "The couple paid $42 million in state taxes.");
    let federal =
        score("The couple paid $43 million in federal taxes.", "The couple paid $42 million in federal taxes.");
    assert!(state < federal, "{state:?} {federal:?}");
}

#[test]
fn rounding() {
    assert!(rounded(1.4e9, 1.375e9));
    assert!(rounded(43_000.0, 43_350.0));
    assert!(rounded(600.0, 612.0));
    assert!(!rounded(13.6e6, 13.17e6));
    assert!(!rounded(10.0, 11.0));
    assert!(!rounded(3.5e9, 3.6e9));
    // Cut at two digits or more: "$43 million" of $43,885,310.
    assert!(rounded(43e6, 43_885_310.0));
    assert!(rounded(1_900.0, 1_941.0));
    // Not at one digit, and never upwards.
    assert!(!rounded(50_000.0, 57_000.0));
    assert!(!rounded(44e6, 43_085_310.0));
}

#[test]
fn readings_within_half_a_percent_and_the_same_hedge_are_one() {
    let figure = |text: &str| crate::numbers::extract(text).remove(0).figure;
    let r = |text: &str| reading(&figure(text));
    assert!(one_reading(r("about 800,000 workers"), r("800,000 workers"), false));
    assert!(one_reading(r("2,700 pages"), r("some 2,702 pages"), false));
    assert!(!one_reading(r("more than 60,000 dollars"), r("about 60,000 dollars"), false));
    assert!(!one_reading(r("90 percent"), r("90-plus percent"), false));
    let year = |value: f64| Reading { value, direction: 0, written_in: unit_id(YEAR), slack: 0.0 };
    assert!(!one_reading(year(2002.0), year(2003.0), true));
    assert!(one_reading(year(2002.0), year(2002.0), true));
}

#[test]
fn one_measure_rounded_in_two_units_is_one_reading() {
    let in_km = |text: &str| {
        let mention = crate::numbers::extract(text).remove(0);
        let converted = crate::numbers::in_base_unit(&mention);
        (converted.map_or_else(|| mention.figure.clone(), |c| c.figure), mention.figure)
    };
    let r = |(base, written): &(Figure, Figure)| Reading {
        slack: half_step(written.value) * base.value / written.value,
        written_in: unit_id(&written.unit),
        ..reading(base)
    };
    let (ten_km, six_miles) = (in_km("a depth of 10 kilometers"), in_km("six miles deep"));
    assert!(one_reading(r(&ten_km), r(&six_miles), false), "10 km and six miles (9.7 km)");
    let (fifty_eight_km, thirty_five_miles) = (in_km("about 58 km away"), in_km("35 miles away"));
    assert!(!one_reading(r(&fifty_eight_km), r(&thirty_five_miles), false), "58 km and 35 miles (56.3 km)");
    // In one unit the rounding is the writers' own choice: 6 and 6.2 miles differ.
    assert!(!one_reading(r(&in_km("6 miles deep")), r(&in_km("6.2 miles deep")), false));
}

fn number_verdicts(a: &str, b: &str) -> (Vec<String>, Vec<&'static str>) {
    let comparison = compare_texts(&[("a.txt", a), ("b.txt", b)], &Settings::default());
    let statuses = comparison
        .discrepancies
        .iter()
        .filter(|d| d.kind == DiscrepancyKind::Number)
        .map(|d| d.agreement.map_or("", |a| a.as_str()).to_owned())
        .collect();
    let verdicts = comparison.quantities.iter().map(|q| q.verdict.as_str()).collect();
    (statuses, verdicts)
}

#[test]
fn agreeing_figures_are_a_quantity_without_a_discrepancy() {
    let (statuses, verdicts) = number_verdicts(
        "Source: Tarn Post\n\nAbout 800,000 federal workers in Norland went unpaid during the freeze.",
        "Source: Vell Daily\n\nSome 800,000 federal workers in Norland went unpaid during the freeze.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    assert_eq!(verdicts, ["agree"]);
}

#[test]
fn a_rounded_sum_is_compatible() {
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe Norland budget includes $1.4 billion for the harbour wall.",
        "Source: Vell Daily\n\nThe Norland budget includes $1.375 billion for the harbour wall.",
    );
    assert_eq!(statuses, ["compatible"]);
}

#[test]
fn a_toll_that_rose_is_changed() {
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe Varn valley landslide killed three people on Monday.",
        "Source: Vell Daily\n\nThe death toll from the Varn valley landslide rose to nine on Tuesday.",
    );
    assert_eq!(statuses, ["changed"]);
}

#[test]
fn figures_stated_apart_take_linear_memory() {
    // One sentence with 5,000 figures: the bookkeeping holds one entry per
    // figure (twice), never one per pair (12.5 million).
    let text: String = (1..=5000).map(|n| format!("{n} ")).collect();
    let mentions = crate::numbers::extract(&text);
    assert!(mentions.len() > 3000, "{}", mentions.len());
    let at = SentenceRef { article: 0, sentence: 0 };
    let apart = StatedApart::new(mentions.iter().map(|m| (at, m)));
    assert!(apart.stored() <= 2 * mentions.len(), "{} entries for {} figures", apart.stored(), mentions.len());
    let class = &mentions[0].class;
    assert!(apart.apart(class, mentions[0].figure.value, mentions[1].figure.value));
    assert!(!apart.apart(class, mentions[0].figure.value, 123_456.0));
}

#[test]
fn scores_and_records_are_no_quantity() {
    // Box scores filled the precision audit's false alarms: "won 7-0" in
    // one article and "won 7-2" in another are two games, not one figure.
    let (statuses, verdicts) = number_verdicts(
        "Source: Tarn Post\n\nThe Harbor Owls beat the Mill Town Rams 7-0 to finish an 11-5 season.",
        "Source: Vell Daily\n\nThe Harbor Owls beat the Mill Town Rams 7-2 to finish an 11-6 season.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    assert!(verdicts.is_empty(), "{verdicts:?}");
    // A record read as a dashed range is no count; a range of things is.
    let (statuses, verdicts) = number_verdicts(
        "Source: Tarn Post\n\nThe Rams fell to 15-17 after the loss in Norland (7-9).",
        "Source: Vell Daily\n\nThe Rams fell to 14-18 after the loss in Norland (6-10).",
    );
    assert!(statuses.is_empty() && verdicts.is_empty(), "{statuses:?} {verdicts:?}");
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nBrandt is likely to get 10-12 carries against the Rams.",
        "Source: Vell Daily\n\nBrandt is likely to get 20-24 carries against the Rams.",
    );
    assert_eq!(statuses, ["conflicting"]);
    assert!(is_tally("won 7-0 at home", 4, 5));
    assert!(is_tally("won 7-0 at home", 6, 7));
    assert!(!is_tally("a 48-page indictment", 2, 4));
}

#[test]
fn years_a_year_apart_disagree() {
    // 2002 and 2003 are within half a percent of each other as numbers,
    // and still two different years.
    let (statuses, verdicts) = number_verdicts(
        "Source: Tarn Post\n\nMara Lind has led the Norland Farmers' Union since 2002.",
        "Source: Vell Daily\n\nMara Lind has led the Norland Farmers' Union since 2003.",
    );
    assert_eq!(verdicts, ["conflicting"]);
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn years_dated_by_the_same_words_are_one_fact() {
    // The clauses around the years differ; the words right before them
    // ("term ends in") say they date one fact.
    let (_, verdicts) = number_verdicts(
        "Source: Tarn Post\n\nOrsolya Brandt's second and final term as mayor officially ends in 2031.",
        "Source: Vell Daily\n\nBrandt hinted that she may resign before her term ends in 2030, the radio reported.",
    );
    assert_eq!(verdicts, ["conflicting"]);
    assert_eq!(lead_words("her term ends in"), ["end", "term"]);
    assert!(!same_lead(&lead_words("a bankruptcy petition filed in"), &lead_words("at his last arrest in")));
}

#[test]
fn matched_statements_dating_two_events_keep_their_years_apart() {
    // One statement in two articles, but the years date a raid and an
    // arrest: two facts, no conflict.
    let (_, verdicts) = number_verdicts(
        "Source: Tarn Post\n\nThe Orvik tapes were among the papers that police seized from Brandt in a raid in 2018.",
        "Source: Vell Daily\n\nThe Orvik tapes were among the papers that police seized from Brandt when he was arrested in 2016.",
    );
    assert!(verdicts.is_empty(), "{verdicts:?}");
    // Dated by one event in other words, they still conflict.
    let (_, verdicts) = number_verdicts(
        "Source: Tarn Post\n\nBrandt, a Republican, represented Orvik in the senate from 1987 to 1999.",
        "Source: Vell Daily\n\nBrandt, a Republican, held the Orvik seat in the senate from 1986 to 1998.",
    );
    assert_eq!(verdicts, ["conflicting", "conflicting"]);
}

#[test]
fn decimals_are_no_count_and_place_phrases_keep_tolls_apart() {
    // "a 6.7-strength quake" is no count of 6.7 things.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nA 6.7-strength quake killed more than 2,000 people in Orvik in 2019.",
        "Source: Vell Daily\n\nThe quake in Orvik in 2019, measuring 6.4, killed more than 2,000 people.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    assert!(reads_as_decimal(&crate::numbers::extract("measuring 3.8").remove(0).figure));
    assert!(!reads_as_decimal(&crate::numbers::extract("1.5 million women").remove(0).figure));
}

#[test]
fn two_sources_set_against_each_other_in_one_sentence_are_one_quantity() {
    // A sentence giving two sources' readings does not make them two
    // quantities: the other articles' 6.1 and 5.9 still disagree.
    let comparison = compare_texts(
        &[
            ("a.txt", "Source: Tarn Post\n\nThe 6.1-magnitude quake struck Varn island on Sunday."),
            ("b.txt", "Source: Vell Daily\n\nThe 5.9-magnitude quake struck Varn island on Sunday."),
            (
                "c.txt",
                "Source: Orla Wire\n\nThe Varn centre said the quake measured magnitude-5.9, but the Ostland survey said it was a magnitude-6.1 temblor.",
            ),
        ],
        &Settings::default(),
    );
    let verdicts: Vec<&str> =
        comparison.quantities.iter().filter(|q| q.unit == "magnitude").map(|q| q.verdict.as_str()).collect();
    assert_eq!(verdicts, ["conflicting"]);
}

#[test]
fn two_peoples_figures_are_never_one_quantity() {
    // "He" is the person last named in the article: the false alarms of
    // the precision audit were different players' season lines.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nDoug Varn was hurt in the third week. He had 793 yards rushing this season.",
        "Source: Vell Daily\n\nPete Orlov was hurt in the third week. He had 269 yards rushing this season.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    // The same person's two figures still disagree, named in full or not.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nDoug Varn was hurt in the third week. Varn had 793 yards rushing this season.",
        "Source: Vell Daily\n\nDoug Varn was hurt in the third week. He had 769 yards rushing this season.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn a_person_described_is_the_person_named_before() {
    // "The undrafted rookie" is the player the sentence before names, as
    // "He" is: another player's season line is another quantity.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nDoug Varn made the most of his chances. The undrafted rookie finished with 716 yards rushing this season.",
        "Source: Vell Daily\n\nPete Orlov was hurt in the third week. He had 269 yards rushing this season.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    // The same player described and named still disagrees with himself.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nDoug Varn made the most of his chances. The undrafted rookie finished with 716 yards rushing this season.",
        "Source: Vell Daily\n\nDoug Varn made the most of his chances. Varn finished with 761 yards rushing this season.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn definite_descriptions_of_one_person_are_told_from_other_openings() {
    for text in [
        "The undrafted rookie finished with 716 yards.",
        "The suspect was arrested twice.",
        "The former state senator won 40 percent.",
    ] {
        assert!(opens_with_a_person(text), "{text}");
    }
    for text in [
        "The victims were taken to hospital.",
        "The quarterback Doug Varn threw for 300 yards.",
        "The company lost $40 million.",
        "The toll rose to 40.",
        "A rookie finished with 716 yards.",
        "The Senator said 40 people died.",
    ] {
        assert!(!opens_with_a_person(text), "{text}");
    }
}

#[test]
fn a_count_since_a_month_is_not_a_count_of_all_time() {
    // "arrested three times since October" counts a window; "arrested
    // four times" counts all his arrests: two quantities.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nDoug Varn had been arrested four times on charges of theft.",
        "Source: Vell Daily\n\nDoug Varn had been arrested three times since October on charges of theft.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    // A toll since a weekday is the event's own toll so far.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe floods in Varn have killed 40 people since Monday.",
        "Source: Vell Daily\n\nThe floods in Varn have killed 45 people.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn distances_in_miles_and_kilometres_are_one_quantity() {
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe island of Varn lies 1,500 kilometers south of the capital.",
        "Source: Vell Daily\n\nThe island of Varn lies about 700 miles south of the capital.",
    );
    assert_eq!(statuses, ["conflicting"]);
    // One distance written in both units agrees with itself.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe island of Varn lies 1,500 kilometers south of the capital.",
        "Source: Vell Daily\n\nThe island of Varn lies 932 miles south of the capital.",
    );
    assert!(statuses.iter().all(|s| s != "conflicting"), "{statuses:?}");
    // Reports show each figure as written, in its own unit.
    let comparison = compare_texts(
        &[
            ("a.txt", "Source: Tarn Post\n\nThe island of Varn lies 1,500 kilometers south of the capital."),
            ("b.txt", "Source: Vell Daily\n\nThe island of Varn lies about 700 miles south of the capital."),
        ],
        &Settings::default(),
    );
    let units: Vec<&str> =
        comparison.quantities.iter().flat_map(|q| q.figures.iter().map(|f| f.figure.unit.as_str())).collect();
    assert_eq!(units, ["km", "mi"]);
}

#[test]
fn a_toll_reported_a_day_later_and_higher_is_changed() {
    // No clause says the toll rose; the articles' dates do.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nPublished March 3, 2026\n\nThe Varn valley landslide killed three people.",
        "Source: Vell Daily\n\nPublished March 4, 2026\n\nThe Varn valley landslide killed nine people.",
    );
    assert_eq!(statuses, ["changed"]);
    // A later report with a lower toll than an earlier one beside a higher
    // one is no movement: the reports disagree.
    let comparison = compare_texts(
        &[
            ("a.txt", "Source: Tarn Post\n\nPublished March 3, 2026\n\nThe Varn valley landslide killed three people."),
            ("b.txt", "Source: Vell Daily\n\nPublished March 4, 2026\n\nThe Varn valley landslide killed nine people."),
            ("c.txt", "Source: Orla Wire\n\nPublished March 5, 2026\n\nThe Varn valley landslide killed four people."),
        ],
        &Settings::default(),
    );
    let verdicts: Vec<&str> = comparison.quantities.iter().map(|q| q.verdict.as_str()).collect();
    assert_eq!(verdicts, ["conflicting"]);
}

#[test]
fn a_count_lower_a_day_later_is_a_disagreement() {
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nPublished March 3, 2026\n\nAbout 1,500 homes in Varn were flooded.",
        "Source: Vell Daily\n\nPublished March 4, 2026\n\nAround 1,200 homes in Varn were flooded.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn a_figure_joins_the_quantity_it_fits_best_not_the_first_that_fits() {
    // The first article's fund meets the second's total too, weakly; the
    // second's own fund must still be the figure set against it.
    let comparison = compare_texts(
        &[
            (
                "a.txt",
                "Source: Tarn Post\n\nThe decree would unlock money from the Norland army's construction budget, to the tune of $3.5 billion.",
            ),
            (
                "b.txt",
                "Source: Vell Daily\n\nThe total harbour wall funding will now come to about $8 billion, mostly approved by the Norland army.\n\nThe decree lets the government use about $3.6 billion from Norland army construction projects for the wall.",
            ),
        ],
        &Settings::default(),
    );
    let with_fund: Vec<Vec<f64>> = comparison
        .quantities
        .iter()
        .map(|q| q.figures.iter().map(|f| f.figure.value).collect::<Vec<f64>>())
        .filter(|values| values.contains(&3.5e9))
        .collect();
    assert_eq!(with_fund, [vec![3.5e9, 3.6e9]], "{:?}", comparison.quantities);
}

#[test]
fn a_hedge_that_points_one_way_is_a_version_of_its_own() {
    // "$250,000" and "more than $250,000" give one value two ways: a
    // checker sees both, as compatible.
    let (statuses, verdicts) = number_verdicts(
        "Source: Tarn Post\n\nThe mayor admitted converting $250,000 in campaign funds to personal use.",
        "Source: Vell Daily\n\nThe mayor admitted converting more than $250,000 in campaign funds to personal use.",
    );
    assert_eq!(statuses, ["compatible"]);
    assert_eq!(verdicts, ["compatible"]);
}

#[test]
fn names_outside_the_figures_stretch_do_not_set_figures_apart() {
    // The judge who speaks is not what the figure counts; the retailer named
    // beside the other figure is.
    let speaker = "The lawsuit, which Judge Ana Lind questioned on Monday, covers 1.5 million women.";
    let sued = "The court may block the lawsuit against Brightmart on behalf of up to 1.6 million women.";
    let (_, a) = candidate(speaker, 0, 0);
    let (_, b) = candidate(sued, 1, 0);
    assert!(a.names.contains(&"lind".to_owned()), "{:?}", a.names);
    assert!(a.near_names.is_empty(), "{:?}", a.near_names);
    assert!(b.near_names.contains(&"brightmart".to_owned()), "{:?}", b.near_names);
    let with_speaker_near = score(
        "The lawsuit which Judge Ana Lind questioned on Monday covers 1.5 million women.",
        "The court may block the lawsuit against Brightmart on behalf of up to 1.6 million women.",
    );
    let with_speaker_apart = score(speaker, sued);
    assert!(with_speaker_apart > with_speaker_near, "{with_speaker_apart:?} vs {with_speaker_near:?}");
}

#[test]
fn since_a_year_is_the_stretch_a_later_report_dates_from_it() {
    let quantities = |a: &str| {
        let comparison = compare_texts(
            &[
                ("a.txt", a),
                ("b.txt", "Source: Vell Daily\n\nFrom 2007 through 2014 the couple paid $43,885,310 in federal taxes."),
            ],
            &Settings::default(),
        );
        comparison.quantities.iter().filter(|q| q.unit == "USD").count()
    };
    assert_eq!(quantities("Source: Tarn Post\n\nThe couple have paid $44 million in federal taxes since 2007."), 1);
    assert_eq!(
        quantities("Source: Tarn Post\n\nThe couple paid $44 million in federal taxes in 2007."),
        0,
        "one year is not the stretch"
    );
}

#[test]
fn one_stated_time_is_evidence_of_one_quantity() {
    let timed = score(
        "There were roughly 520,000 arrests at the Norland border last year.",
        "Apprehensions at the Norland border fell to 400,000 in the last fiscal year.",
    );
    let untimed = score(
        "There were roughly 520,000 arrests at the Norland border.",
        "Apprehensions at the Norland border fell to 400,000.",
    );
    let (Some(timed), Some(untimed)) = (timed, untimed) else { panic!("both link: {timed:?} {untimed:?}") };
    assert!(timed > untimed + 0.05, "{timed} vs {untimed}");
    assert_eq!(
        score(
            "There were 520,000 arrests at the Norland border last year.",
            "Norland border arrests reached 400,000 this year."
        ),
        None,
        "last year and this year are two quantities"
    );
}

/// The contrast words of `identity.toml` at work: in each `match` sentence
/// the two figures are marked as two readings of one thing, in each
/// `no_match` sentence they are not.
#[test]
fn contrast_word_examples_mark_two_readings() {
    let examples = crate::numbers::identity::contrast_examples();
    assert!(!examples.matches.is_empty() && !examples.no_match.is_empty());
    for (sentences, expected) in [(&examples.matches, true), (&examples.no_match, false)] {
        for text in sentences {
            let read: Vec<(NumberMention, Identity)> = (0..2).map(|i| candidate(text, 0, i)).collect();
            let mut sentence: Vec<Candidate<'_>> = read
                .iter()
                .map(|(mention, identity)| Candidate {
                    at: SentenceRef { article: 0, sentence: 0 },
                    mention: Cow::Borrowed(mention),
                    identity: identity.clone(),
                    context: Vec::new(),
                    group: None,
                    year: None,
                    lead: Vec::new(),
                    written: None,
                    holder: None,
                    aged: Vec::new(),
                    aged_name: None,
                    contrasted: false,
                })
                .collect();
            mark_contrasted(&mut sentence, text, 0);
            assert!(sentence.iter().all(|c| c.contrasted == expected), "{text:?}");
        }
    }
}

#[test]
fn figures_held_in_two_different_areas_are_two_quantities() {
    // One background fact told twice, each with its own area: the toll in
    // the province and the toll across the region are both right.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe 1998 flood killed 17,000 people in the province and many more downstream.",
        "Source: Vell Daily\n\nThe 1998 flood killed about 23,000 people across Norland and Vell.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    // Without the areas the two tolls are one quantity that disagrees.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe 1998 flood killed 17,000 people.",
        "Source: Vell Daily\n\nThe 1998 flood killed about 23,000 people.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn ages_of_one_person_meet_wherever_they_are_stated() {
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe club signed Tomas Brandt, 28, on a five-year deal.\n\nBrandt scored twice on his debut.",
        "Source: Vell Daily\n\nFans cheered at the stadium on Sunday.\n\nBrandt, who turns 29 in April, joined from Vell City.",
    );
    assert_eq!(statuses, ["compatible"]);
    // Two people's ages never meet.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe club signed Tomas Brandt, 28, on a five-year deal.",
        "Source: Vell Daily\n\nThe club signed Ilse Varga, 31, on a five-year deal.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
}

#[test]
fn a_decade_said_of_several_people_is_each_ones_age() {
    // "all in their 70s" gives Kent's age and Lind's: it belongs in both
    // people's quantities, not only in whichever it met first.
    let comparison = compare_texts(
        &[
            (
                "a.txt",
                "Source: Tarn Post\n\nThe 76-year-old Kent led the party into the vote.\n\nAna Lind, 71, chairs the budget committee.",
            ),
            (
                "b.txt",
                "Source: Vell Daily\n\nThe same people have run the party for years, Minority Whip Mary Kent and Ana Lind, and they are all in their 70s now.",
            ),
        ],
        &Settings::default(),
    );
    let mut labels: Vec<&str> = comparison.quantities.iter().map(|q| q.label.as_str()).collect();
    labels.sort_unstable();
    assert_eq!(labels, ["age of Kent", "age of Lind"], "{:?}", comparison.quantities);
    assert!(comparison.quantities.iter().all(|q| q.verdict.as_str() == "compatible"));
}

#[test]
fn a_possessive_name_says_whose_figure_it_is() {
    // A player's line and his team's total are two quantities.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe Rams lost again, although Doug Varn had 12 points and four assists.",
        "Source: Vell Daily\n\nThe Rams lost again. Ilse Orlov had eight of the Owls' 11 assists.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nDoug Varn missed 10 of the Rams' 16 games with a sprained ankle.",
        "Source: Vell Daily\n\nPete Orlov missed eight games with a broken leg.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    // One holder's figures still meet.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe Owls' 11 assists came mostly in the second half.",
        "Source: Vell Daily\n\nThe Owls' 14 assists came mostly in the second half.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn a_stretch_of_the_event_and_the_clause_holder_set_figures_apart() {
    // Points at the half are not the game's, nor those of the first minutes.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe Owls led 33-26 at the half, paced by 13 points from Doug Varn.",
        "Source: Vell Daily\n\nDoug Varn had 10 points in the first seven minutes.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    // Two players of one sentence each hold their own figure.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe Rams lost, although Seth Orlov had 14 points.",
        "Source: Vell Daily\n\nIt was close, said Doug Varn, who had 11 points.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    // The same stretch and the same holder still disagree.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nDoug Varn had 13 points at the half.",
        "Source: Vell Daily\n\nDoug Varn had 15 points at the half.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn a_share_among_a_group_is_not_the_share_of_all() {
    // The poll's breakdown among one group against the whole poll's figure.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nIn the Kestra poll, Ana Lind garnered 11 percent of the vote.",
        "Source: Vell Daily\n\nAmong farmers, Orlov came first, followed by Ana Lind at 9 percent.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    // Shares among one group still disagree.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nAmong farmers, Ana Lind garnered 11 percent in the Kestra poll.",
        "Source: Vell Daily\n\nAna Lind garnered 9 percent among farmers in the Kestra poll.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn a_variants_figure_is_not_the_products() {
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe new Kestra laptop weighs 2.4 pounds for the 11-inch model.",
        "Source: Vell Daily\n\nThe new Kestra laptop weighs under 4.5 pounds.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nThe new Kestra laptop weighs 2.4 pounds for the 11-inch model.",
        "Source: Vell Daily\n\nThe new Kestra laptop weighs 2.9 pounds for the 11-inch model.",
    );
    assert_eq!(statuses, ["conflicting"]);
}

#[test]
fn a_spread_over_several_is_not_one_things_figure() {
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nAll five Kestra men were convicted and received prison sentences of between four and 60 years.",
        "Source: Vell Daily\n\nOne of the Kestra men received a 20-year prison sentence.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nAll five Kestra men received prison sentences ranging from four to 60 years.",
        "Source: Vell Daily\n\nAll five Kestra men received prison sentences of between six and 60 years.",
    );
    // Two spreads of one set of sentences are compared: they overlap.
    assert_eq!(statuses, ["compatible"]);
}

#[test]
fn one_persons_figures_with_two_other_bodies_are_two_quantities() {
    // The shared person does not outweigh the two teams named at the figures.
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nDoug Varn, who played for the Kestra Owls for 11 seasons, joins the Lenz club.",
        "Source: Vell Daily\n\nDoug Varn was fired in March after four seasons as coach of the Tarn Rams.",
    );
    assert!(statuses.is_empty(), "{statuses:?}");
}

#[test]
fn a_figure_hung_on_its_own_verb_takes_no_predicate_from_far_away() {
    // "who gathered ... after the vote": the ten gathered; the vote is the
    // 33's. Without the own verb both read as "voted" and conflict.
    let link = score(
        "The 33 Norland Democrats voted on Monday to advance the harbour agreement.",
        "Of the 10 Norland Democrats who gathered outside the chamber on Monday after the vote, six are on the ballot.",
    );
    let threshold = crate::discrepancies::DiscrepancySettings::default().number_link;
    assert!(link.is_none_or(|s| s < threshold), "{link:?}");
    // The verb's next words still name it: "suffered from serious injury".
    let (statuses, _) = number_verdicts(
        "Source: Tarn Post\n\nIn Lenz, eight people had suffered from serious injury after the Varn valley quake.",
        "Source: Vell Daily\n\nIn Lenz, dozens of people were seriously injured after the Varn valley quake.",
    );
    assert_eq!(statuses, ["conflicting"]);
}
