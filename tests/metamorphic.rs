//! Metamorphic tests: a change to the input whose effect on the output is
//! known without knowing the output. They run on the fictional samples in
//! `assets/samples/dravik-dam`.
//!
//! - Reversing the order of the articles gives the same discrepancies,
//!   up to article numbering.
//! - Changing one figure in one article adds exactly one number
//!   discrepancy, about that figure (a money sum and a measure); changing a
//!   figure that is already disputed changes only that discrepancy.
//! - Renaming an outlet changes nothing but its name (in the text, or as
//!   the article's source).
//! - Rewording a figure without changing its value changes no number
//!   discrepancy.

use parallax::{Comparison, DiscrepancyKind, Settings, compare_texts};
use std::collections::BTreeSet;
use std::path::Path;

/// The samples as `(file name, text)`, in file order.
fn samples() -> Vec<(String, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("the samples folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "five sample articles");
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (name, std::fs::read_to_string(&path).expect("a sample"))
        })
        .collect()
}

fn compare(texts: &[(String, String)]) -> Comparison {
    let borrowed: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    compare_texts(&borrowed, &Settings::default())
}

/// A discrepancy without article numbers: its kind and label, and each
/// mention as (article file name, sentence text, mention text), sorted.
type Seen = (DiscrepancyKind, String, Vec<(String, String, String)>);

fn seen(comparison: &Comparison) -> BTreeSet<Seen> {
    comparison
        .discrepancies
        .iter()
        .map(|discrepancy| {
            let mut mentions: Vec<(String, String, String)> = discrepancy
                .mentions
                .iter()
                .map(|mention| {
                    let article = &comparison.articles[mention.at.article];
                    let sentence = &article.sentences[mention.at.sentence];
                    (
                        article.source.clone(),
                        article.text[sentence.span.range()].to_owned(),
                        article.text[mention.span.range()].to_owned(),
                    )
                })
                .collect();
            mentions.sort();
            (discrepancy.kind, discrepancy.label.clone(), mentions)
        })
        .collect()
}

fn numbers(comparison: &Comparison) -> BTreeSet<Seen> {
    seen(comparison).into_iter().filter(|(kind, ..)| *kind == DiscrepancyKind::Number).collect()
}

#[test]
fn reversing_the_articles_gives_the_same_discrepancies() {
    let forward = samples();
    let mut backward = forward.clone();
    backward.reverse();
    let (a, b) = (compare(&forward), compare(&backward));
    assert!(!a.discrepancies.is_empty(), "the samples disagree somewhere");
    // Labels name a discrepancy after its first article's wording ("people
    // injured" / "others injured"), so they follow the numbering too.
    let unlabelled = |c: &Comparison| -> BTreeSet<Seen> {
        seen(c).into_iter().map(|(kind, _, mentions)| (kind, String::new(), mentions)).collect()
    };
    let (a, b) = (unlabelled(&a), unlabelled(&b));
    let only_forward: Vec<_> = a.difference(&b).collect();
    let only_backward: Vec<_> = b.difference(&a).collect();
    assert!(
        only_forward.is_empty() && only_backward.is_empty(),
        "only in file order: {only_forward:#?}\nonly reversed: {only_backward:#?}"
    );
}

/// Replaces `from` by `to` once in the article named `file`.
fn edit(texts: &[(String, String)], file: &str, from: &str, to: &str) -> Vec<(String, String)> {
    texts
        .iter()
        .map(|(name, text)| {
            if name == file {
                assert_eq!(text.matches(from).count(), 1, "{from:?} once in {file}");
                (name.clone(), text.replacen(from, to, 1))
            } else {
                (name.clone(), text.clone())
            }
        })
        .collect()
}

/// Changes `from` to `to` in `file` and checks that exactly one number
/// discrepancy appears, about the changed figure (`written` in its
/// mention), setting it against another article, and none goes away.
fn changing_adds_exactly_one_number_discrepancy(file: &str, from: &str, to: &str, written: &str) {
    let texts = samples();
    let before = numbers(&compare(&texts));
    let after = numbers(&compare(&edit(&texts, file, from, to)));
    let added: Vec<_> = after.difference(&before).collect();
    let removed: Vec<_> = before.difference(&after).collect();
    assert_eq!(added.len(), 1, "added: {added:#?}\nremoved: {removed:#?}");
    let mentions = &added[0].2;
    assert!(
        mentions.iter().any(|(f, _, text)| f == file && text.contains(written)),
        "the new discrepancy is about the changed figure: {mentions:#?}"
    );
    assert!(removed.is_empty(), "no discrepancy went away: {removed:#?}");
    assert!(mentions.iter().any(|(f, ..)| f != file), "the changed figure disagrees with the others: {mentions:#?}");
}

#[test]
fn changing_one_agreed_figure_adds_exactly_one_number_discrepancy() {
    // Three articles report €50 million in emergency aid; one of them now
    // says €80m.
    changing_adds_exactly_one_number_discrepancy(
        "05-kanal-nord.txt",
        "pledged €50m in emergency aid",
        "pledged €80m in emergency aid",
        "80m",
    );
}

#[test]
fn changing_one_agreed_measure_adds_exactly_one_number_discrepancy() {
    // Two articles put the reservoir at 18 million cubic metres.
    changing_adds_exactly_one_number_discrepancy(
        "04-sunday-ledger-feature.txt",
        "held 18 million cubic metres",
        "held 25 million cubic metres",
        "25 million",
    );
}

#[test]
fn changing_a_disputed_count_changes_only_that_discrepancy() {
    // The evacuation count already disagrees (about 4,500, more than 4,000,
    // thousands): moving one of its figures changes that discrepancy's
    // figure and nothing else.
    let texts = samples();
    let before = numbers(&compare(&texts));
    let file = "04-sunday-ledger-feature.txt";
    let changed = edit(&texts, file, "Some 4,500 people were evacuated", "Some 6,500 people were evacuated");
    let after = numbers(&compare(&changed));
    let removed: Vec<_> = before.difference(&after).collect();
    let added: Vec<_> = after.difference(&before).collect();
    assert_eq!((removed.len(), added.len()), (1, 1), "removed: {removed:#?}\nadded: {added:#?}");
    let mut back: Vec<(String, String, String)> = added[0]
        .2
        .iter()
        .map(|(f, s, m)| (f.clone(), s.replace("6,500", "4,500"), m.replace("6,500", "4,500")))
        .collect();
    back.sort();
    assert_eq!((added[0].0, &added[0].1, &back), (removed[0].0, &removed[0].1, &removed[0].2));
}

#[test]
fn rewording_a_figure_without_changing_its_value_changes_no_number_discrepancy() {
    let texts = samples();
    let before = numbers(&compare(&texts));
    let reworded =
        edit(&texts, "05-kanal-nord.txt", "pledged €50m in emergency aid", "pledged 50 million euros in emergency aid");
    let after = numbers(&compare(&reworded));
    assert_eq!(before, after);
}

#[test]
fn renaming_an_article_source_changes_nothing_but_its_source() {
    let texts = samples();
    let before = seen(&compare(&texts));
    let renamed: Vec<(String, String)> =
        texts.iter().map(|(name, text)| (name.replace("05-kanal-nord", "05-radio-vesna"), text.clone())).collect();
    let after: BTreeSet<Seen> = seen(&compare(&renamed))
        .into_iter()
        .map(|(kind, label, mentions)| {
            let back = |s: String| s.replace("05-radio-vesna", "05-kanal-nord");
            (kind, label, mentions.into_iter().map(|(f, s, m)| (back(f), s, m)).collect())
        })
        .collect();
    assert_eq!(before, after);
}

#[test]
fn renaming_an_outlet_changes_nothing_but_its_name() {
    let texts = samples();
    let before = seen(&compare(&texts));
    let renamed: Vec<(String, String)> =
        texts.iter().map(|(name, text)| (name.clone(), text.replace("Kanal Nord", "Radio Vesna"))).collect();
    let after: BTreeSet<Seen> = seen(&compare(&renamed))
        .into_iter()
        .map(|(kind, label, mentions)| {
            let back = |s: String| s.replace("Radio Vesna", "Kanal Nord");
            (kind, back(label), mentions.into_iter().map(|(f, s, m)| (f, back(s), back(m))).collect())
        })
        .collect();
    let only_before: Vec<_> = before.difference(&after).collect();
    let only_after: Vec<_> = after.difference(&before).collect();
    assert!(
        only_before.is_empty() && only_after.is_empty(),
        "only with the old name: {only_before:#?}\nonly with the new: {only_after:#?}"
    );
}
