use super::model::{Change, Correction, FORMAT, Pinned, Review, VERSION, Verdict};
use super::store::{self, Location};
use super::{Fingerprint, State, apply, articles_of};
use crate::model::{Comparison, DiscrepancyKind};
use crate::{Settings, compare_texts};

const WIRE: &str = "Source: Wire\n\nDam breach floods Velmora\n\nAbout 4,500 residents were evacuated overnight from \
                    the valley. Three people died when the water reached the lower town. Engineer Yevgeny Kuznetsov \
                    had warned the council in March. A bakery on Mill Street handed out free bread to families.";
const BLOG: &str = "Source: Blog\n\nFlood in Velmora\n\nNearly 6,000 residents were evacuated overnight from the \
                    valley. Five people died when the water reached the lower town. Engineer Yevgeny Kouznetsov had \
                    warned the council in March. Volunteers filled sandbags outside the primary school all night.";

const AT: &str = "2026-03-05T10:00:00Z";

fn compare(texts: &[(&str, &str)]) -> Comparison {
    compare_texts(texts, &Settings::default())
}

fn sample() -> Comparison {
    compare(&[("wire.txt", WIRE), ("blog.txt", BLOG)])
}

/// The index of the first discrepancy of `kind` whose summary contains `word`.
fn find(comparison: &Comparison, kind: DiscrepancyKind, word: &str) -> usize {
    comparison
        .discrepancies
        .iter()
        .position(|d| d.kind == kind && d.summary.contains(word))
        .unwrap_or_else(|| panic!("no {kind:?} discrepancy with {word:?} in {:#?}", summaries(comparison)))
}

fn summaries(comparison: &Comparison) -> Vec<String> {
    comparison.discrepancies.iter().map(|d| format!("{:?}: {}", d.kind, d.summary)).collect()
}

fn judge(review: &mut Review, comparison: &Comparison, index: usize, verdict: Verdict, note: &str) {
    let target = Fingerprint::of(comparison, &comparison.discrepancies[index]);
    let judgement = review.judgement_mut(None, &target, AT);
    judgement.verdict = Some(verdict);
    note.clone_into(&mut judgement.note);
}

#[test]
fn the_sample_has_what_the_tests_need() {
    let comparison = sample();
    find(&comparison, DiscrepancyKind::Number, "4,500");
    find(&comparison, DiscrepancyKind::Number, "Three");
    find(&comparison, DiscrepancyKind::Name, "Kouznetsov");
    find(&comparison, DiscrepancyKind::Unique, "bakery");
    find(&comparison, DiscrepancyKind::Unique, "sandbags");
}

#[test]
fn verdicts_attach_to_what_they_judged_in_any_order() {
    let comparison = sample();
    let mut review = Review::new(articles_of(&comparison));
    judge(&mut review, &comparison, find(&comparison, DiscrepancyKind::Number, "4,500"), Verdict::Confirmed, "x");
    judge(&mut review, &comparison, find(&comparison, DiscrepancyKind::Unique, "bakery"), Verdict::FalseAlarm, "");
    // The same articles given the other way round: other positions, same findings.
    let swapped = compare(&[("blog.txt", BLOG), ("wire.txt", WIRE)]);
    let reviewed = apply(&swapped, &review);
    let number = find(&reviewed.comparison, DiscrepancyKind::Number, "4,500");
    let bakery = find(&reviewed.comparison, DiscrepancyKind::Unique, "bakery");
    assert_eq!(reviewed.state(number), State::Judged(Verdict::Confirmed));
    assert_eq!(reviewed.judgement(number).map(|j| j.note.as_str()), Some("x"));
    assert_eq!(reviewed.state(bakery), State::Judged(Verdict::FalseAlarm));
    let others = (0..reviewed.entries.len()).filter(|i| *i != number && *i != bakery);
    assert!(others.into_iter().all(|i| reviewed.state(i) == State::Unreviewed));
    assert_eq!(reviewed.progress(), (2, swapped.discrepancies.len()));
    assert!(reviewed.stale_verdicts.is_empty());
}

#[test]
fn a_verdict_whose_sentence_changed_is_stale_and_the_rest_stay() {
    let comparison = sample();
    let mut review = Review::new(articles_of(&comparison));
    judge(&mut review, &comparison, find(&comparison, DiscrepancyKind::Number, "Three"), Verdict::Disputed, "check");
    judge(&mut review, &comparison, find(&comparison, DiscrepancyKind::Unique, "bakery"), Verdict::Confirmed, "");
    // The blog is edited: its death toll sentence now says four, and the
    // file's content hash changes; the wire is untouched.
    let edited = BLOG.replace("Five people died", "Four people died");
    let today = compare(&[("wire.txt", WIRE), ("blog.txt", &edited)]);
    let reviewed = apply(&today, &review);
    assert_eq!(reviewed.changed_articles, [1]);
    assert_eq!(reviewed.stale_verdicts, [0], "the verdict on the changed sentence is stale, not dropped");
    let bakery = find(&reviewed.comparison, DiscrepancyKind::Unique, "bakery");
    assert_eq!(reviewed.state(bakery), State::Judged(Verdict::Confirmed));
    let deaths = find(&reviewed.comparison, DiscrepancyKind::Number, "Four");
    assert_eq!(reviewed.state(deaths), State::Unreviewed, "never attached to the new finding");
}

#[test]
fn same_and_different_quantity_recompute_the_figures() {
    let comparison = sample();
    let evacuated = find(&comparison, DiscrepancyKind::Number, "4,500");
    let died = find(&comparison, DiscrepancyKind::Number, "Three");
    let key =
        |d: usize, m: usize| super::fingerprint::mention_key(&comparison, &comparison.discrepancies[d].mentions[m]);
    let mut review = Review::new(articles_of(&comparison));
    review
        .corrections
        .push(Correction { change: Change::SameQuantity { a: key(evacuated, 0), b: key(died, 0) }, at: AT.into() });
    let reviewed = apply(&comparison, &review);
    let numbers = reviewed.comparison.discrepancies.iter().filter(|d| d.kind == DiscrepancyKind::Number).count();
    assert_eq!(numbers, comparison.discrepancies.iter().filter(|d| d.kind == DiscrepancyKind::Number).count() - 1);
    let merged = find(&reviewed.comparison, DiscrepancyKind::Number, "4,500");
    assert_eq!(reviewed.comparison.discrepancies[merged].mentions.len(), 4);
    assert_eq!(reviewed.entries[merged].corrections, [0], "the merge is the reviewer's");

    // "Different quantities": the blog's figure leaves; one article is left, so no discrepancy.
    let blog_figure = comparison.discrepancies[evacuated].mentions.iter().position(|m| m.at.article == 1).unwrap_or(1);
    let mut review = Review::new(articles_of(&comparison));
    review
        .corrections
        .push(Correction { change: Change::DifferentQuantity { figure: key(evacuated, blog_figure) }, at: AT.into() });
    let reviewed = apply(&comparison, &review);
    assert!(
        !reviewed.comparison.discrepancies.iter().any(|d| d.summary.contains("4,500")),
        "{:#?}",
        summaries(&reviewed.comparison)
    );
    assert!(reviewed.stale_corrections.is_empty());
}

#[test]
fn not_the_same_person_splits_the_name_set() {
    let comparison = sample();
    let name = find(&comparison, DiscrepancyKind::Name, "Kouznetsov");
    let names = Fingerprint::of(&comparison, &comparison.discrepancies[name]);
    let apart: Vec<String> = comparison.discrepancies[name]
        .mentions
        .iter()
        .filter(|m| m.at.article == 1)
        .map(|m| comparison.articles[1].slice(m.span).to_owned())
        .collect();
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction { change: Change::NotSamePerson { names, apart }, at: AT.into() });
    let reviewed = apply(&comparison, &review);
    assert!(!reviewed.comparison.discrepancies.iter().any(|d| d.kind == DiscrepancyKind::Name));
    assert_eq!(reviewed.comparison.discrepancies.len(), comparison.discrepancies.len() - 1);
}

#[test]
fn same_statement_groups_two_details_and_different_statement_undoes_it() {
    let comparison = sample();
    let bakery = find(&comparison, DiscrepancyKind::Unique, "bakery");
    let sandbags = find(&comparison, DiscrepancyKind::Unique, "sandbags");
    let sentence = |d: usize| super::fingerprint::sentence_key(&comparison, comparison.discrepancies[d].mentions[0].at);
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction {
        change: Change::SameStatement { a: sentence(bakery), b: sentence(sandbags) },
        at: AT.into(),
    });
    let reviewed = apply(&comparison, &review);
    let corrected = &reviewed.comparison;
    assert_eq!(corrected.groups.len(), comparison.groups.len() + 1);
    assert!(!corrected.discrepancies.iter().any(|d| d.summary.contains("bakery") || d.summary.contains("sandbags")));
    let at = comparison.discrepancies[bakery].mentions[0].at;
    let group = corrected.group_of(at).expect("the bakery sentence is grouped");
    assert_eq!(reviewed.group_corrections[group], [0], "the group is the reviewer's");
    assert_eq!(corrected.groups[group].diffs.len(), 2);
    // Every group member points back at its group.
    for (g, group) in corrected.groups.iter().enumerate() {
        for member in &group.members {
            assert_eq!(corrected.group_of(*member), Some(g));
        }
    }
    // Then "these differ" for one of them: the group dissolves, both are unique again.
    review
        .corrections
        .push(Correction { change: Change::DifferentStatement { sentence: sentence(bakery) }, at: AT.into() });
    let reviewed = apply(&comparison, &review);
    assert_eq!(reviewed.comparison.groups.len(), comparison.groups.len());
    find(&reviewed.comparison, DiscrepancyKind::Unique, "bakery");
    find(&reviewed.comparison, DiscrepancyKind::Unique, "sandbags");
}

#[test]
fn different_statement_takes_a_sentence_out_of_its_group() {
    let comparison = sample();
    let group = comparison.groups.iter().find(|g| g.members.len() == 2).expect("a shared statement");
    let at = group.members[1];
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction {
        change: Change::DifferentStatement { sentence: super::fingerprint::sentence_key(&comparison, at) },
        at: AT.into(),
    });
    let reviewed = apply(&comparison, &review);
    assert_eq!(reviewed.comparison.group_of(at), None);
    assert_eq!(reviewed.comparison.groups.len(), comparison.groups.len() - 1);
    let details = reviewed.comparison.discrepancies.iter().filter(|d| d.kind == DiscrepancyKind::Unique).count();
    let before = comparison.discrepancies.iter().filter(|d| d.kind == DiscrepancyKind::Unique).count();
    assert!(details > before, "the separated sentences are details now");
    let new = reviewed.entries.iter().filter(|e| e.corrections == [0]).count();
    assert!(new >= 1);
}

#[test]
fn only_confirmed_keeps_the_editors_summary() {
    let comparison = sample();
    let mut review = Review::new(articles_of(&comparison));
    judge(
        &mut review,
        &comparison,
        find(&comparison, DiscrepancyKind::Number, "4,500"),
        Verdict::Confirmed,
        "per the ministry",
    );
    judge(&mut review, &comparison, find(&comparison, DiscrepancyKind::Unique, "bakery"), Verdict::Ignored, "");
    let summary = apply(&comparison, &review).only(Verdict::Confirmed);
    assert_eq!(summary.comparison.discrepancies.len(), 1);
    assert_eq!(summary.entries.len(), 1);
    assert!(summary.comparison.discrepancies[0].summary.contains("4,500"));
    assert_eq!(summary.judgement(0).map(|j| j.note.as_str()), Some("per the ministry"));
}

#[test]
fn the_review_file_round_trips() {
    let comparison = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut review = Review::new(articles_of(&comparison));
    judge(&mut review, &comparison, 0, Verdict::Disputed, "two lines\nof note");
    review.verdicts[0].pinned = Some(Pinned { value: "4,500".into(), source: "per the ministry, 4 March".into() });
    review.corrections.push(Correction {
        change: Change::DifferentStatement {
            sentence: super::fingerprint::sentence_key(&comparison, comparison.groups[0].members[0]),
        },
        at: AT.into(),
    });
    let location = Location::DataDir(dir.path().to_owned());
    let opened = store::open(&location, articles_of(&comparison));
    assert!(opened.notice.is_none());
    assert!(opened.review.is_empty());
    let path = opened.path.expect("a place to save");
    store::save(&path, &review).expect("saved");
    // Reopened with the same articles in another order: the same file.
    let swapped = compare(&[("blog.txt", BLOG), ("wire.txt", WIRE)]);
    let again = store::open(&location, articles_of(&swapped));
    assert_eq!(again.path.as_deref(), Some(path.as_path()));
    assert_eq!(again.review.verdicts, review.verdicts);
    assert_eq!(again.review.corrections, review.corrections);
    assert_eq!(again.review.format, FORMAT);
    assert_eq!(again.review.version, VERSION);
}

#[test]
fn an_edited_article_carries_the_review_over_and_marks_it_stale() {
    let comparison = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let location = Location::DataDir(dir.path().to_owned());
    let mut review = Review::new(articles_of(&comparison));
    judge(&mut review, &comparison, find(&comparison, DiscrepancyKind::Number, "Three"), Verdict::Confirmed, "");
    let path = store::open(&location, articles_of(&comparison)).path.expect("path");
    store::save(&path, &review).expect("saved");
    let edited = BLOG.replace("Five people died", "Four people died");
    let today = compare(&[("wire.txt", WIRE), ("blog.txt", &edited)]);
    let opened = store::open(&location, articles_of(&today));
    assert!(opened.notice.as_deref().is_some_and(|n| n.contains("stale")), "{:?}", opened.notice);
    assert_ne!(opened.path.as_deref(), Some(path.as_path()), "saved under the new articles' key");
    let reviewed = apply(&today, &opened.review);
    assert_eq!(reviewed.stale_verdicts.len(), 1);
    assert_eq!(reviewed.changed_articles, [1], "the edited article is recognised by its source");
}

#[test]
fn corrupt_foreign_and_newer_files_are_set_aside_never_overwritten() {
    let comparison = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content, word) in [
        ("corrupt.json", "{\"format\": \"parallax-review\", \"vers".to_owned(), "corrupt"),
        ("foreign.json", "{\"name\": \"something else\"}".to_owned(), "foreign"),
        (
            "newer.json",
            format!("{{\"format\": \"{FORMAT}\", \"version\": {}, \"articles\": []}}", VERSION + 1),
            "newer",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &content).expect("write");
        let opened = store::open(&Location::File(path.clone()), articles_of(&comparison));
        let notice = opened.notice.expect("a notice");
        assert!(notice.contains(name) && !notice.contains('\n'), "{notice}");
        let aside = dir.path().join(format!("{name}.{word}"));
        assert_eq!(std::fs::read_to_string(&aside).expect("set aside"), content);
        assert!(opened.review.is_empty());
        // The next save writes a fresh file; the one set aside is untouched.
        store::save(&opened.path.expect("path"), &opened.review).expect("saved");
        assert_eq!(std::fs::read_to_string(&aside).expect("still there"), content);
        assert!(store::read(&path).expect("readable").is_some());
    }
}

const DATED_WIRE: &str = "Source: Wire\n\nDam bursts\n\nThe Dravik dam burst late on Tuesday, March 3, flooding the \
                          lower town of Velmora. Rescue crews worked through the night near the river.";
const DATED_BLOG: &str = "Source: Blog\n\nDam bursts\n\nThe Dravik dam burst early on Wednesday, March 4, flooding \
                          the lower town of Velmora. Rescue crews worked through the night near the river.";

#[test]
fn a_different_date_leaves_the_date_discrepancy() {
    let comparison = compare(&[("wire.txt", DATED_WIRE), ("blog.txt", DATED_BLOG)]);
    let date = find(&comparison, DiscrepancyKind::Date, "March");
    let blog = comparison.discrepancies[date].mentions.iter().position(|m| m.at.article == 1).expect("the blog's date");
    let key = super::fingerprint::mention_key(&comparison, &comparison.discrepancies[date].mentions[blog]);
    assert!(key.text.contains('4'), "{key:?}");
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction { change: Change::DifferentDate { date: key }, at: AT.into() });
    let reviewed = apply(&comparison, &review);
    assert!(
        !reviewed.comparison.discrepancies.iter().any(|d| d.kind == DiscrepancyKind::Date),
        "one date left: nothing to compare: {:#?}",
        summaries(&reviewed.comparison)
    );
    assert!(reviewed.stale_corrections.is_empty());
    assert_eq!(reviewed.comparison.discrepancies.len(), comparison.discrepancies.len() - 1);
    assert!(review.corrections[0].change.describe().contains("dates a different event"));
}

#[test]
fn a_date_taken_out_of_three_leaves_the_other_two_recomputed() {
    let radio = DATED_BLOG.replace("Blog", "Radio").replace("early on Wednesday, March 4", "on Thursday, March 5");
    let comparison = compare(&[("wire.txt", DATED_WIRE), ("blog.txt", DATED_BLOG), ("radio.txt", &radio)]);
    let date = find(&comparison, DiscrepancyKind::Date, "Blog");
    assert_eq!(comparison.discrepancies[date].articles(), [0, 1, 2], "{:#?}", summaries(&comparison));
    let blog = comparison.discrepancies[date].mentions.iter().find(|m| m.at.article == 1).expect("the blog's date");
    let key = super::fingerprint::mention_key(&comparison, blog);
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction { change: Change::DifferentDate { date: key }, at: AT.into() });
    let reviewed = apply(&comparison, &review);
    let date = find(&reviewed.comparison, DiscrepancyKind::Date, "Radio");
    let corrected = &reviewed.comparison.discrepancies[date];
    assert_eq!(corrected.articles(), [0, 2]);
    assert!(!corrected.summary.contains("Blog"), "the summary is recomputed: {}", corrected.summary);
    assert_eq!(reviewed.entries[date].corrections, [0], "shaped by the reviewer's correction");
}

#[test]
fn a_grouping_the_reviewer_made_says_so_in_markdown_and_html() {
    use crate::report::{ReportContext, ReportFormat, render_reviewed};
    let comparison = sample();
    let bakery = find(&comparison, DiscrepancyKind::Unique, "bakery");
    let sandbags = find(&comparison, DiscrepancyKind::Unique, "sandbags");
    let sentence = |d: usize| super::fingerprint::sentence_key(&comparison, comparison.discrepancies[d].mentions[0].at);
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction {
        change: Change::SameStatement { a: sentence(bakery), b: sentence(sandbags) },
        at: AT.into(),
    });
    let reviewed = std::sync::Arc::new(apply(&comparison, &review));
    let context = ReportContext::default();
    let markdown = render_reviewed(std::sync::Arc::clone(&reviewed), ReportFormat::Markdown, &context);
    let row = markdown
        .lines()
        .find(|l| l.starts_with("| 2/2 | A bakery on Mill Street"))
        .unwrap_or_else(|| panic!("the reviewer's group is a shared statement: {markdown}"));
    assert!(row.contains("Reviewer's correction (2026-03-05T10:00:00Z)"), "{row}");
    let engine_rows = markdown.lines().filter(|l| l.starts_with("| 2/2 |") && l.contains("Reviewer's")).count();
    assert_eq!(engine_rows, 1, "the engine's groups carry no reviewer's mark");
    let html = render_reviewed(reviewed, ReportFormat::Html, &context);
    let facts = html.split("id=\"facts\"").nth(1).expect("the shared facts");
    assert!(facts.contains("Reviewer&#39;s correction (2026-03-05T10:00:00Z)"), "the HTML shared facts say so too");
}

#[test]
fn a_sentence_taken_out_of_its_statement_takes_its_date_along() {
    let comparison = compare(&[("wire.txt", DATED_WIRE), ("blog.txt", DATED_BLOG)]);
    let date = find(&comparison, DiscrepancyKind::Date, "March");
    let at = comparison.discrepancies[date].mentions[0].at;
    assert!(comparison.group_of(at).is_some(), "the dated sentences are one statement");
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction {
        change: Change::DifferentStatement { sentence: super::fingerprint::sentence_key(&comparison, at) },
        at: AT.into(),
    });
    let reviewed = apply(&comparison, &review);
    assert_eq!(reviewed.comparison.group_of(at), None);
    assert!(
        !reviewed.comparison.discrepancies.iter().any(|d| d.kind == DiscrepancyKind::Date),
        "no statement left to date differently: {:#?}",
        summaries(&reviewed.comparison)
    );
}

const HOMES_WIRE: &str = "Source: Wire\n\nDam breach floods Velmora\n\nAbout 4,500 residents were evacuated overnight \
                          from the valley. Officials counted 1,200 damaged homes by the evening.";
const HOMES_BLOG: &str = "Source: Blog\n\nFlood in Velmora\n\nNearly 6,000 residents were evacuated overnight from \
                          the valley. The mayor said the water had wrecked some 1,500 houses along the riverbank.";

/// The key of the figure written `text` in article `article`, whether or not a discrepancy shows it.
fn figure_key(comparison: &Comparison, article: usize, text: &str) -> super::MentionKey {
    let a = &comparison.articles[article];
    let reading = comparison.figures[article]
        .iter()
        .find(|r| a.slice(r.span).contains(text))
        .unwrap_or_else(|| panic!("no figure {text:?}"));
    super::MentionKey {
        article: a.provenance.content_sha256.clone(),
        sentence: a.slice(a.sentences[reading.sentence].span).to_owned(),
        text: a.slice(reading.span).to_owned(),
    }
}

#[test]
fn same_quantity_ties_figures_the_engine_left_alone() {
    let comparison = compare(&[("wire.txt", HOMES_WIRE), ("blog.txt", HOMES_BLOG)]);
    let shown = |c: &Comparison, text: &str| {
        c.discrepancies.iter().any(|d| d.kind == DiscrepancyKind::Number && d.summary.contains(text))
    };
    assert!(!shown(&comparison, "1,200") && !shown(&comparison, "1,500"), "{:#?}", summaries(&comparison));
    // Two lone figures form a discrepancy of their own, the reviewer's.
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction {
        change: Change::SameQuantity { a: figure_key(&comparison, 0, "1,200"), b: figure_key(&comparison, 1, "1,500") },
        at: AT.into(),
    });
    let reviewed = apply(&comparison, &review);
    let homes = find(&reviewed.comparison, DiscrepancyKind::Number, "1,500");
    let discrepancy = &reviewed.comparison.discrepancies[homes];
    assert!(discrepancy.summary.contains("1,200"), "{}", discrepancy.summary);
    assert_eq!(discrepancy.articles(), [0, 1]);
    assert_eq!(reviewed.entries[homes].corrections, [0], "the reviewer's");
    assert!(reviewed.stale_corrections.is_empty());
    // A lone figure joins a discrepancy the engine found.
    let evacuated = find(&comparison, DiscrepancyKind::Number, "4,500");
    let key = super::fingerprint::mention_key(&comparison, &comparison.discrepancies[evacuated].mentions[0]);
    let mut review = Review::new(articles_of(&comparison));
    review.corrections.push(Correction {
        change: Change::SameQuantity { a: key, b: figure_key(&comparison, 1, "1,500") },
        at: AT.into(),
    });
    let reviewed = apply(&comparison, &review);
    let evacuated = find(&reviewed.comparison, DiscrepancyKind::Number, "4,500");
    assert!(reviewed.comparison.discrepancies[evacuated].summary.contains("1,500"));
    assert_eq!(reviewed.comparison.discrepancies[evacuated].mentions.len(), 3);
}

#[test]
fn the_editors_summary_lists_only_the_corrections_behind_what_it_keeps() {
    use crate::report::{ReportContext, ReportFormat, render_reviewed};
    let comparison = sample();
    let mut review = Review::new(articles_of(&comparison));
    judge(&mut review, &comparison, find(&comparison, DiscrepancyKind::Unique, "bakery"), Verdict::Confirmed, "");
    // An unrelated correction: the name set is split.
    let name = find(&comparison, DiscrepancyKind::Name, "Kouznetsov");
    let names = Fingerprint::of(&comparison, &comparison.discrepancies[name]);
    review.corrections.push(Correction {
        change: Change::NotSamePerson { names, apart: vec!["Yevgeny Kouznetsov".into()] },
        at: AT.into(),
    });
    let reviewed = apply(&comparison, &review);
    let render = |reviewed: super::Reviewed| {
        render_reviewed(std::sync::Arc::new(reviewed), ReportFormat::Markdown, &ReportContext::default())
    };
    let everything = render(reviewed.clone());
    assert!(everything.contains("is not the same person"), "{everything}");
    let summary = render(reviewed.only(Verdict::Confirmed));
    assert!(summary.contains("Editor's summary") && summary.contains("bakery"), "{summary}");
    assert!(!summary.contains("is not the same person"), "{summary}");
}

#[test]
fn a_verdict_on_a_wide_discrepancy_goes_stale_when_one_of_its_sentences_changed() {
    let radio = WIRE.replace("Wire", "Radio");
    let paper = BLOG.replace("Blog", "Paper");
    let texts = |blog: &str| {
        compare(&[("wire.txt", WIRE), ("blog.txt", blog), ("radio.txt", radio.as_str()), ("paper.txt", paper.as_str())])
    };
    let comparison = texts(BLOG);
    let deaths = find(&comparison, DiscrepancyKind::Number, "Three");
    assert_eq!(comparison.discrepancies[deaths].articles(), [0, 1, 2, 3], "{:#?}", summaries(&comparison));
    let mut review = Review::new(articles_of(&comparison));
    judge(&mut review, &comparison, deaths, Verdict::Confirmed, "five is wrong");
    // The blog now says four: most of the discrepancy is as judged, but not what the verdict was about.
    let edited = BLOG.replace("Five people died", "Four people died");
    let today = texts(&edited);
    let reviewed = apply(&today, &review);
    assert_eq!(reviewed.stale_verdicts, [0], "stale, never attached to the changed finding");
    let deaths = find(&reviewed.comparison, DiscrepancyKind::Number, "Four");
    assert_eq!(reviewed.state(deaths), State::Unreviewed);
    // A newer parallax finding one more mention in unchanged articles still re-attaches it.
    let mut grown = review.clone();
    grown.verdicts[0].target.mentions.pop();
    let reviewed = apply(&comparison, &grown);
    assert!(reviewed.stale_verdicts.is_empty());
    let deaths = find(&reviewed.comparison, DiscrepancyKind::Number, "Three");
    assert_eq!(reviewed.state(deaths), State::Judged(Verdict::Confirmed));
}
