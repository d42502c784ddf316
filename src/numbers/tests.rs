use super::*;

fn found(text: &str) -> Vec<(String, f64, &'static str, QuantityClass)> {
    extract(text)
        .into_iter()
        .map(|m| (text[m.span.range()].to_owned(), m.figure.value, m.figure.qualifier.as_str(), m.class))
        .collect()
}

#[test]
fn digits_with_separators_and_hedges() {
    assert_eq!(
        found("About 4,500 residents and more than 4,000 people, at least 10 000 cattle and up to 3.5 tonnes"),
        [
            ("About 4,500".into(), 4500.0, "approx", QuantityClass::Count),
            ("more than 4,000".into(), 4000.0, "over", QuantityClass::Count),
            ("at least 10 000".into(), 10000.0, "at_least", QuantityClass::Count),
            ("up to 3.5 tonnes".into(), 3.5, "at_most", QuantityClass::Measure("t".into())),
        ]
    );
}

#[test]
fn number_words_vague_words_and_fractions() {
    let mentions = found(
        "Twenty-seven people, eleven thousand homes, a dozen boats, hundreds of volunteers and nearly two-thirds of the town",
    );
    assert_eq!(mentions[0].1, 27.0);
    assert_eq!(mentions[1].1, 11000.0);
    assert_eq!(mentions[2].1, 12.0);
    assert_eq!((mentions[3].0.as_str(), mentions[3].2), ("hundreds", "approx"));
    assert_eq!((mentions[4].1, mentions[4].3.clone()), (66.7, QuantityClass::Percent));
    let hundreds = &extract("hundreds of volunteers")[0].figure;
    assert_eq!((hundreds.low, hundreds.high), (200.0, 999.0));
}

#[test]
fn money_and_percent() {
    assert_eq!(
        found("pledged €50 million, or 50 million euros, about €50m; shares fell 9 percent and 40%"),
        [
            ("€50 million".into(), 5e7, "exact", QuantityClass::Money("EUR".into())),
            ("50 million euros".into(), 5e7, "exact", QuantityClass::Money("EUR".into())),
            ("about €50m".into(), 5e7, "approx", QuantityClass::Money("EUR".into())),
            ("9 percent".into(), 9.0, "exact", QuantityClass::Percent),
            ("40%".into(), 40.0, "exact", QuantityClass::Percent),
        ]
    );
    // The currency joined by a hyphen makes an adjective of the sum.
    assert_eq!(
        found("a two-million-euro haul and a 3 million-euro fine"),
        [
            ("two-million-euro".into(), 2e6, "exact", QuantityClass::Money("EUR".into())),
            ("3 million-euro".into(), 3e6, "exact", QuantityClass::Money("EUR".into())),
        ]
    );
}

#[test]
fn years_days_times_ages_and_durations_are_not_counts() {
    let text = "In 2024, on March 3 at 6 p.m. and 18:40, Petra Hollis, 71, a 38-year-old engineer, worked for nineteen years on Flight 447.";
    let classes: Vec<QuantityClass> = extract(text).into_iter().map(|m| m.class).collect();
    assert_eq!(classes, [QuantityClass::Age, QuantityClass::Age, QuantityClass::Duration("year".into())]);
}

#[test]
fn counted_nouns_fold_to_concepts() {
    let nouns: Vec<Option<String>> = extract("About 4,500 residents, 1,200 emergency workers, 1,500 homes, 27 others")
        .into_iter()
        .map(|m| m.noun)
        .collect();
    assert_eq!(nouns, [Some("~peopl".into()), Some("~rescuer".into()), Some("~home".into()), Some("~peopl".into())]);
}

#[test]
fn bounds_follow_the_hedge() {
    let more_than = &extract("more than 30 were hurt")[0].figure;
    assert_eq!((more_than.low, more_than.high), (31.0, f64::INFINITY));
    let nearly = &extract("nearly 5,000 people")[0].figure;
    assert_eq!((nearly.low, nearly.high), (4500.0, 5000.0));
    let about = &extract("about 40 percent")[0].figure;
    assert!((about.low - 36.0).abs() < 1e-9 && (about.high - 44.0).abs() < 1e-9);
}

#[test]
fn ranges_and_open_ends() {
    let range = &extract("between 5 and 10 people were hurt")[0];
    assert_eq!((range.figure.low, range.figure.high, range.figure.qualifier), (5.0, 10.0, Qualifier::Range));
    let dashed = &extract("5-10 people were hurt")[0];
    assert_eq!((dashed.figure.low, dashed.figure.high), (5.0, 10.0));
    let plus = &extract("a 4-plus earthquake")[0];
    assert_eq!((plus.figure.low, plus.figure.qualifier), (4.0, Qualifier::AtLeast));
    assert_eq!(extract("one person died")[0].figure.value, 1.0);
    assert!(extract("one of them died").is_empty());
}

#[test]
fn decimal_commas_by_context() {
    assert_eq!(extract("Die Kosten stiegen um 3,5 Prozent auf 10.000 Euro")[1].figure.value, 10000.0);
    assert_eq!(extract("It rose 10.000 people")[0].figure.value, 10000.0);
    assert_eq!(extract("It rose by 3.5 metres")[0].figure.value, 3.5);
}

#[test]
fn digits_of_other_scripts() {
    assert_eq!(extract("أجلي ٤٥٠٠ شخص")[0].figure.value, 4500.0);
    assert_eq!(extract("約４５００人が避難")[0].figure.value, 4500.0);
    assert_eq!(extract("۱۲٫۵ درصد")[0].figure.value, 12.5);
}

#[test]
fn ten_thousand_written_three_ways() {
    for text in ["About 10 000 people fled.", "About 10.000 people fled.", "About 10,000 people fled."] {
        let mention = &extract(text)[0];
        assert_eq!((mention.figure.value, mention.noun.as_deref()), (10_000.0, Some("~peopl")), "{text}");
    }
}

#[test]
fn a_separator_that_cannot_group_thousands_is_a_decimal_mark() {
    // One or two digits after a comma are decimals, whatever else the sentence holds.
    assert_eq!(extract("The reservoir held 10,5 million cubic metres")[0].figure.value, 10_500_000.0);
    assert_eq!(extract("Some 4,500 people and €4,5 million")[1].figure.value, 4_500_000.0);
    // Both kinds: the last one is the decimal mark.
    assert_eq!(extract("a fee of 1.234,56 euros")[0].figure.value, 1234.56);
    assert_eq!(extract("a fee of $1,234.56")[0].figure.value, 1234.56);
    assert_eq!(extract("about 10.000.000 people")[0].figure.value, 10_000_000.0);
}

#[test]
fn halves_of_dozens_and_scales() {
    let values: Vec<f64> = [
        "A half-dozen boats capsized.",
        "Half a dozen homes burned.",
        "Half a million people fled.",
        "One and a half thousand people fled.",
        "Two and a half million euros were pledged.",
    ]
    .iter()
    .map(|text| extract(text)[0].figure.value)
    .collect();
    assert_eq!(values, [6.0, 6.0, 500_000.0, 1_500.0, 2_500_000.0]);
    // "half of" stays a share.
    assert_eq!(extract("Half of the town flooded.")[0].class, QuantityClass::Percent);
}

fn read(text: &str) -> Vec<(String, f64, String)> {
    read_all(text)
        .into_iter()
        .map(|m| {
            let class = match &m.class {
                QuantityClass::NotQuantity(reason) => format!("not:{}", reason.as_str()),
                class => class.as_str().to_owned(),
            };
            (text[m.span.range()].to_owned(), m.figure.value, class)
        })
        .collect()
}

#[test]
fn every_figure_has_a_class_and_non_quantities_say_why() {
    let text = "In 2019, after 9/11 and COVID-19, the G7 met at 12 Elm Street in a three-bedroom house; \
                call +1-555-0100 or ask one of them about Flight 447 and the Category 4 storm.";
    assert_eq!(
        read(text),
        [
            ("2019".to_owned(), 2019.0, "year".to_owned()),
            ("9".to_owned(), 9.0, "not:date_or_time".to_owned()),
            ("11".to_owned(), 11.0, "not:date_or_time".to_owned()),
            ("19".to_owned(), 19.0, "not:name".to_owned()),
            ("12".to_owned(), 12.0, "not:address".to_owned()),
            ("three".to_owned(), 3.0, "not:kind".to_owned()),
            ("1".to_owned(), 1.0, "not:phone".to_owned()),
            ("555".to_owned(), 555.0, "not:phone".to_owned()),
            ("0100".to_owned(), 100.0, "not:phone".to_owned()),
            ("one".to_owned(), 1.0, "not:pronoun".to_owned()),
            ("447".to_owned(), 447.0, "not:identifier".to_owned()),
            ("4".to_owned(), 4.0, "not:scale".to_owned()),
        ]
    );
    // Only quantities are extracted for comparison.
    assert!(extract(text).is_empty(), "{:?}", extract(text));
    // A rank after "No." with its full stop, in a box-score line.
    assert_eq!(read("No. 1 Harbor Owls 65, No. 9 Mill Town Rams 53")[1].2, "not:identifier");
}

#[test]
fn ages_set_after_names_in_a_list() {
    let classes: Vec<QuantityClass> =
        read_all("Ana Lind, 20 and Ivo Brandt, 24, were charged.").into_iter().map(|m| m.class).collect();
    assert_eq!(classes, [QuantityClass::Age, QuantityClass::Age]);
    // "20 and" before a lower-case word is no age.
    let classes: Vec<QuantityClass> =
        read_all("Ana Lind, 20 and more are waiting.").into_iter().map(|m| m.class).collect();
    assert_eq!(classes, [QuantityClass::Count]);
}

#[test]
fn signs_points_fractions_and_spoken_decimals() {
    let value = |text: &str| read_all(text).first().map(|m| m.figure.value);
    assert_eq!(value("It fell to -9.2321312 overnight"), Some(-9.2321312));
    assert_eq!(value("The answer is minus five point five"), Some(-5.5));
    assert_eq!(value("a rate of .08"), Some(0.08));
    assert_eq!(value("two thirds"), Some(0.666666666666667));
    assert_eq!(value("3/4 of a cup"), Some(0.75));
    assert_eq!(value("2 1/4 miles"), Some(2.25));
    assert_eq!(value("3 dozens eggs"), Some(36.0));
    assert_eq!(value("two hundred point zero three"), Some(200.03));
    assert_eq!(value("1\u{202f}234\u{202f}567.89 is a number"), Some(1_234_567.89));
    assert_eq!(value("one and a half million people"), Some(1_500_000.0));
    assert_eq!(value("one in five voters"), Some(0.2));
    assert_eq!(value("13 lakh rupees"), Some(1_300_000.0));
    // A duration keeps its unit and value as written.
    let years = &read_all("for three years")[0];
    assert_eq!((years.figure.value, years.figure.unit.as_str()), (3.0, "year"));
    // No float noise: 2.2 billion is 2200000000 exactly.
    assert_eq!(value("$2.2 billion"), Some(2_200_000_000.0));
    assert_eq!(value("about 220 million"), Some(220_000_000.0));
    let about = &read_all("about 4,500 people")[0].figure;
    assert_eq!((about.low, about.high), (4050.0, 4950.0));
}

#[test]
fn metres_and_millions_written_into_digits() {
    assert_eq!(read_all("She is 1.8m tall")[0].class, QuantityClass::Measure("m".into()));
    assert_eq!(read_all("a €50m fund")[0].figure.value, 5e7);
    assert_eq!(read_all("5m people")[0].figure.value, 5e6);
    assert_eq!(read_all("I can give you 10M.")[0].figure.value, 1e7);
}

#[test]
fn bounds_and_ranges_from_comparatives() {
    let figure = |text: &str| read_all(text)[0].figure.clone();
    let both = figure("x is larger than 10 and smaller than 20");
    assert_eq!((both.low, both.high, both.qualifier), (11.0, 19.0, Qualifier::Range));
    let from = figure("The range is from 200 to 3000");
    assert_eq!((from.low, from.high), (200.0, 3000.0));
    // A change is not a range.
    assert_eq!(read_all("Sales rose from 200 to 3000").len(), 2);
    let or_more = figure("five hundred or more");
    assert_eq!((or_more.low, or_more.high), (500.0, f64::INFINITY));
    let at_most = figure("less than or equal to 100");
    assert_eq!((at_most.low, at_most.high), (0.0, 100.0));
}

#[test]
fn over_right_after_a_figure_joins_two_figures_and_hedges_neither() {
    let read = found("The club offered $90 million over eight years, and over 3,000 fans cheered.");
    let qualifiers: Vec<(&str, &str)> = read.iter().map(|(text, _, q, _)| (text.as_str(), *q)).collect();
    assert!(qualifiers.contains(&("eight years", "exact")), "{qualifiers:?}");
    assert!(qualifiers.contains(&("over 3,000", "over")), "{qualifiers:?}");
}

/// The keys a sentence's first figure adds to its sentence's terms.
fn keys_of(text: &str) -> Vec<crate::model::QuantityKey> {
    let terms = tokens::word_terms(text);
    extract_with_terms(text, &terms).first().map(NumberMention::quantity_keys).unwrap_or_default()
}

#[test]
fn paraphrased_casualty_figures_share_a_quantity_key() {
    let killed = keys_of("Three people were killed in the flood.");
    let lost = keys_of("Four residents lost their lives.");
    assert!(killed.iter().any(|k| lost.contains(k)), "{killed:?} / {lost:?}");
    let written: Vec<String> = killed.iter().map(ToString::to_string).collect();
    assert_eq!(written, ["count|~peopl|~die", "count|*|~die"]);
}

#[test]
fn a_bare_count_meets_a_counted_one_on_its_event() {
    let bare = keys_of("Another 27 were injured.");
    let counted = keys_of("27 people were injured.");
    assert!(bare.iter().any(|k| counted.contains(k) && k.event == Some("~injur")), "{bare:?} / {counted:?}");
}

#[test]
fn different_nouns_classes_or_events_give_different_keys() {
    let homes = keys_of("The flood reached 1,200 homes.");
    let rescuers = keys_of("The flood brought 1,200 rescuers.");
    assert!(!homes.is_empty() && !rescuers.is_empty());
    assert!(homes.iter().all(|k| !rescuers.contains(k)), "{homes:?} / {rescuers:?}");
    let killed = keys_of("Twelve people were killed.");
    let injured = keys_of("Twelve people were injured.");
    assert!(!killed.is_empty() && !injured.is_empty());
    assert!(killed.iter().all(|k| !injured.contains(k)), "{killed:?} / {injured:?}");
    let euros = keys_of("The state pledged 50 million euros.");
    let dollars = keys_of("The state pledged 50 million dollars.");
    assert!(!euros.is_empty() && !dollars.is_empty());
    assert!(euros.iter().all(|k| !dollars.contains(k)), "{euros:?} / {dollars:?}");
}

#[test]
fn quantity_keys_order_as_written() {
    let mut keys = keys_of("Three people were killed in the flood.");
    keys.extend(keys_of("The state pledged 50 million euros for the dam."));
    keys.extend(keys_of("The flood reached 1,200 homes."));
    let mut sorted = keys.clone();
    sorted.sort();
    let mut written: Vec<String> = keys.iter().map(ToString::to_string).collect();
    written.sort();
    assert_eq!(sorted.iter().map(ToString::to_string).collect::<Vec<_>>(), written);
}

#[test]
fn a_figure_restated_in_brackets_is_one_figure() {
    let text = "The epicentre was about 58km (36 miles) west of Tarvel.";
    let figures = read_all(text);
    assert_eq!(figures.len(), 1, "{figures:?}");
    assert_eq!(&text[figures[0].span.start..figures[0].span.end], "about 58km (36 miles)");
    assert_eq!(figures[0].figure.value, 58.0);
    let money = "The club paid £40m ($52m) for him.";
    assert_eq!(read_all(money).len(), 1);
}

#[test]
fn a_bracketed_figure_of_another_quantity_stays_apart() {
    // Not a conversion: another value of the same unit, or another dimension.
    for text in ["The dam rose 40 metres (12 metres) in a year.", "The wall is 30 feet (9 km) from the road."] {
        let figures = read_all(text);
        assert!(
            figures.len() >= 2 && figures.iter().all(|m| !text[m.span.range()].contains('(')),
            "{text}: {figures:?}"
        );
    }
}

#[test]
fn every_age_of_an_aged_list_and_an_aside_is_an_age() {
    let classes = |text: &str| found(text).into_iter().map(|f| f.3).collect::<Vec<_>>();
    assert_eq!(
        classes("He assaulted two girls, aged 15 and 12, that spring."),
        [QuantityClass::Count, QuantityClass::Age, QuantityClass::Age]
    );
    assert_eq!(classes("The marriage of a follower -- then 14 -- to her cousin."), [QuantityClass::Age]);
    // A figure after "then" that is no aside counts what it counts.
    assert_eq!(classes("The toll was 12, then 24 by night."), [QuantityClass::Count, QuantityClass::Count]);
}

#[test]
fn numbers_in_a_list_of_labels_are_identifiers_and_a_bare_hour_is_a_time() {
    let classes = |text: &str| read_all(text).into_iter().map(|m| m.class).collect::<Vec<_>>();
    let identifier = QuantityClass::NotQuantity(NotQuantity::Identifier);
    assert_eq!(classes("The fix covers versions 6, 7, 8, and 9."), vec![identifier.clone(); 4]);
    assert_eq!(classes("The tool works on IE6, 7, 8 and 9."), vec![identifier.clone(); 3]);
    // A list of counts stays counts.
    assert_eq!(classes("He scored 10, 12 and 14 points."), vec![QuantityClass::Count; 3]);
    let time = QuantityClass::NotQuantity(NotQuantity::DateOrTime);
    assert_eq!(classes("They were found at about 8 on Saturday."), [time]);
    assert_eq!(classes("The toll stood at 8."), [QuantityClass::Count]);
}

#[test]
fn a_capital_b_before_a_name_is_no_billion() {
    let values = |text: &str| read_all(text).into_iter().map(|m| m.figure.value).collect::<Vec<_>>();
    assert_eq!(values("The club paid $1B for the stadium."), [1e9]);
    assert_eq!(values("Revenue reached 1.2b last year."), [1.2e9]);
    assert_eq!(values("Prizes reached 20k."), [20e3]);
    // A first baseman is no thousand millions.
    assert!(values("The club signed 1B Ivo Brandt.").is_empty());
}
