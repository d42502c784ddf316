//! Tests of the HTML report: escaping of hostile articles, links that
//! resolve, the reader's highlighting, and the wide layout.

use super::*;
use crate::highlight::MarkKind;
use crate::{Settings, compare_texts};
use regex::Regex;
use std::collections::BTreeSet;

fn two_articles() -> Comparison {
    compare_texts(
        &[
            (
                "a.txt",
                "Dam bursts\n\nAbout 4,500 residents were evacuated on Tuesday.\n\nA bakery gave out free bread.",
            ),
            ("b.txt", "Flood\n\nMore than 4,000 residents were evacuated on Tuesday."),
        ],
        &Settings::default(),
    )
}

/// The opening tags of the page, as written (text never contains a raw `<`).
fn tags(html: &str) -> Vec<&str> {
    html.split('<').skip(1).filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag)).collect()
}

#[test]
fn hostile_articles_show_as_text_and_inject_nothing() {
    let comparison = compare_texts(
        &[
            (
                "a\"onmouseover=\"alert(1).txt",
                "<script>alert(1)</script> Dam bursts\n\nAbout 4,500 residents were evacuated on Tuesday, \
                 officials said. <img src=x onerror=alert(1)> See [x](javascript:alert(1)).",
            ),
            (
                "b.txt",
                "Flood <a href=\"javascript:alert(2)\">here</a>\n\nMore than 4,000 residents were evacuated on \
                 Tuesday, officials said. <iframe src=\"https://evil.example\"></iframe>",
            ),
        ],
        &Settings::default(),
    );
    let html = render(&comparison, &ReportContext::default());
    let lower = html.to_lowercase();
    for forbidden in ["<script", "<img", "<iframe", "<a href=\"javascript", "javascript:alert(1)\""] {
        assert!(!lower.contains(forbidden), "found `{forbidden}`");
    }
    // The hostile text is there, as text.
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"), "title shown escaped");
    assert!(html.contains("&#60;img src=x onerror=alert(1)&#62;"), "img shown escaped");
    assert!(html.contains("[x](javascript:alert(1))"), "link syntax shown as text");
    // No tag carries an event handler, and every link stays in the page.
    let handler = Regex::new(r#"(?i)\son[a-z]+\s*="#).expect("regex");
    let source = Regex::new(r#"(?i)\s(src|srcset|action|formaction)\s*="#).expect("regex");
    for tag in tags(&html) {
        assert!(!handler.is_match(tag), "event handler in <{tag}>");
        assert!(!source.is_match(tag), "resource or form in <{tag}>");
    }
    for href in Regex::new(r#"href="([^"]*)""#).expect("regex").captures_iter(&html) {
        assert!(href[1].starts_with('#'), "external link {}", &href[1]);
    }
    // The outlet with quotes cannot break out of an attribute.
    assert!(html.contains("a&#34;onmouseover=&#34;alert(1)"), "quotes escaped");
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
}

#[test]
fn every_internal_link_has_a_target() {
    let comparison = compare_texts(
        &[
            (
                "a.txt",
                "Dam bursts\n\nThree people died. About 4,500 residents were evacuated on Tuesday.\n\nA bakery gave out free bread.",
            ),
            ("b.txt", "Flood\n\nFive people died. More than 4,000 residents were evacuated on Tuesday."),
            ("c.txt", "Water\n\nAbout 4,600 residents were evacuated on Tuesday. Schools are closed."),
        ],
        &Settings::default(),
    );
    assert!(comparison.discrepancies.len() >= 2, "the sample has discrepancies");
    let html = render(&comparison, &ReportContext::default());
    let ids: BTreeSet<&str> = Regex::new(r#"\sid="([^"]+)""#)
        .expect("regex")
        .captures_iter(&html)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
        .collect();
    let hrefs = Regex::new(r##"href="#([^"]+)""##).expect("regex");
    let mut links = 0;
    for target in hrefs.captures_iter(&html) {
        assert!(ids.contains(&target[1]), "dangling link #{}", &target[1]);
        links += 1;
    }
    assert!(links > 10, "links: {links}");
    for number in 1..=comparison.discrepancies.len() {
        assert!(ids.contains(format!("d{number}").as_str()), "entry d{number}");
    }
    let sentences: usize = comparison.articles.iter().map(|a| a.sentences.len()).sum();
    let sentence_ids = ids.iter().filter(|id| id.starts_with('a') && id.contains("-s")).count();
    assert_eq!(sentence_ids, sentences, "every sentence has an anchor");
}

#[test]
fn highlighting_matches_the_reader() {
    let comparison = two_articles();
    let html = render(&comparison, &ReportContext::default());
    let anchors = anchors::Anchors::new(&comparison);
    let (_, after_list) = html.split_once("<section id=\"side-by-side\"").expect("side by side");
    let (key_rows, all_rows) = after_list.split_once("<details class=\"full\" id=\"all-rows\">").expect("all rows");
    // Each discrepancy mark the reader shows appears once in every row,
    // once among the key rows, and once in the discrepancy's quote; it is
    // numbered as the list numbers it (checker order).
    for article in 0..comparison.articles.len() {
        let highlights = article_highlights(&comparison, article);
        for mark in highlights.marks.iter().filter(|m| m.kind == MarkKind::NumberCompatible) {
            let text = comparison.articles[article].slice(mark.span);
            let number = mark.discrepancy.map_or(0, |d| anchors.number(d));
            let element = format!(
                "<mark class=\"mk mk-compatible\" title=\"Figure that differs but is compatible (discrepancy {number})\">{text}</mark>"
            );
            assert_eq!(html.matches(&element).count(), 3, "{element}");
            assert_eq!(all_rows.matches(&element).count(), 1, "{element} in every row");
            assert_eq!(key_rows.matches(&element).count(), 1, "{element} among the key rows");
            assert!(
                all_rows.contains(&format!("{element}<a class=\"ref\" href=\"#d{number}\"")),
                "numbered in the columns"
            );
        }
        // Sentence roles: one shaded span per sentence.
        for (sentence, role) in highlights.roles.iter().enumerate() {
            let class = side_by_side::role_class(*role);
            assert!(
                all_rows.contains(&format!("<span class=\"s {class}\" id=\"a{article}-s{sentence}\"")),
                "a{article}-s{sentence}"
            );
        }
    }
    assert!(html.contains("class=\"s r-unique\""), "the bakery is unique");
    assert!(html.contains("class=\"s r-all\""), "the evacuation is shared");
}

#[test]
fn wide_sets_get_the_fact_table_and_narrow_ones_do_not() {
    let narrow = render(&two_articles(), &ReportContext::default());
    assert!(!narrow.contains("id=\"fact-table\""));
    assert!(narrow.contains("id=\"col-1\""), "columns can be chosen");

    let texts: Vec<(String, String)> = (0..=WIDE)
        .map(|i| {
            let evacuated = 4000 + 100 * i;
            (format!("{i}.txt"), format!("Flood {i}\n\nAbout {evacuated} residents were evacuated on Tuesday."))
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let comparison = compare_texts(&borrowed, &Settings::default());
    assert_eq!(comparison.articles.len(), WIDE + 1);
    let wide = render(&comparison, &ReportContext::default());
    assert!(wide.contains("id=\"fact-table\""));
    assert!(wide.contains("<body class=\"wide\">"));
    // One fact-table row per group and per discrepancy, one cell per article in each.
    let table = wide.split("id=\"fact-table\"").nth(1).expect("table");
    let rows = table.matches("<tr class=\"f-").count();
    assert_eq!(rows, comparison.groups.len() + comparison.discrepancies.len());
    assert_eq!(table.matches("<td data-col=").count(), rows * comparison.articles.len());
}

#[test]
fn provenance_is_stated() {
    let comparison = two_articles();
    let context = ReportContext {
        settings: Settings::default(),
        config_file: Some("/etc/parallax.toml".into()),
        review: None,
        scope: Some("as filtered in the reader: numbers only".into()),
    };
    let html = render(&comparison, &context);
    assert!(html.contains(&format!("parallax {}", env!("CARGO_PKG_VERSION"))));
    assert!(html.contains("<code>/etc/parallax.toml</code>"));
    assert!(html.contains("<code>matching.threshold = 0.3</code>"));
    for article in &comparison.articles {
        assert!(html.contains(&article.provenance.content_sha256), "hash of {}", article.source);
    }
    let defaults = render(&comparison, &ReportContext::default());
    assert!(defaults.contains("built-in defaults (no user configuration file)"));
}

#[test]
fn same_input_same_bytes() {
    let first = render(&two_articles(), &ReportContext::default());
    let second = render(&two_articles(), &ReportContext::default());
    assert_eq!(first, second);
}

/// Three outlets disagree on a death toll and spell a name two ways; one
/// adds a detail in a paragraph of its own.
fn three_outlets() -> Comparison {
    compare_texts(
        &[
            (
                "a.txt",
                "Source: Wire\n\nDam bursts\n\nThree people died in the flood on Tuesday, officials said.\n\n\
                 Engineer Yevgeny Kuznetsov warned of cracks in 2024. The mayor opened a shelter.\n\n\
                 A bakery on Quay Road gave out free bread to 200 families.",
            ),
            (
                "b.txt",
                "Source: Blog\n\nFlood\n\nFive people died in the flood on Tuesday, officials said.\n\n\
                 Engineer Yevgeny Kouznetsov warned of cracks in 2024. The mayor opened a shelter.",
            ),
            (
                "c.txt",
                "Source: Radio\n\nWater\n\nThree people died in the flood on Tuesday, officials said.\n\n\
                 The mayor opened a shelter.",
            ),
        ],
        &Settings::default(),
    )
}

#[test]
fn the_editors_summary_leads_and_says_who_says_what() {
    let comparison = three_outlets();
    let html = render(&comparison, &ReportContext::default());
    let summary_at = html.find("<section id=\"summary\"").expect("summary");
    let list_at = html.find("<section id=\"discrepancies\"").expect("list");
    let sbs_at = html.find("<section id=\"side-by-side\"").expect("side by side");
    assert!(summary_at < list_at && list_at < sbs_at, "summary, then the list, then the text");
    let summary = &html[summary_at..list_at];
    assert!(summary.contains("Editor&#39;s summary") || summary.contains("Editor's summary"), "heading");
    // The death toll comes first, with who gives which figure.
    let check = summary.split_once("<ol class=\"key\">").expect("check-first list").1;
    let first = check.split("</li>\n        <li class=").next().expect("first entry");
    assert!(first.contains("href=\"#d1\""), "{first}");
    assert!(first.contains("<span class=\"ver\">Three</span>"), "{first}");
    assert!(
        first.contains(
            "<span class=\"chip\">1</span> Wire</span>, <span class=\"who\"><span class=\"chip\">3</span> Radio"
        ),
        "{first}"
    );
    assert!(
        first.contains(
            "<span class=\"ver\">Five</span> <span class=\"by\"><span class=\"who\"><span class=\"chip\">2</span> Blog"
        ),
        "{first}"
    );
    assert!(summary.contains("class=\"carried\">All 3</span>"), "what all three agree on");
    assert!(summary.contains("bakery on Quay Road"), "the weightiest single-source detail");
}

#[test]
fn the_list_follows_the_checker_order_with_every_version() {
    let comparison = three_outlets();
    let html = render(&comparison, &ReportContext::default());
    let anchors = anchors::Anchors::new(&comparison);
    let list = html.split_once("<section id=\"discrepancies\"").expect("list").1;
    let list = list.split_once("<div class=\"colscope\">").expect("end of the list").0;
    // Entries appear as #1, #2, … and tiers in the checker's order.
    let ids: Vec<usize> = Regex::new(r#"<li class="disc [^"]*" id="d(\d+)""#)
        .expect("regex")
        .captures_iter(list)
        .map(|c| c[1].parse().expect("number"))
        .collect();
    assert_eq!(ids, (1..=comparison.discrepancies.len()).collect::<Vec<_>>());
    let tiers: Vec<&str> = Regex::new(r#"<h3 class="tier[^>]*>([^<]+)<"#)
        .expect("regex")
        .captures_iter(list)
        .map(|c| c.get(1).map_or("", |m| m.as_str().trim()))
        .collect();
    assert_eq!(tiers.first(), Some(&"Conflicting figures"), "{tiers:?}");
    assert_eq!(tiers.last(), Some(&"Details only one article reports"), "{tiers:?}");
    // The death toll quotes every article that gives it.
    let toll = list.split("id=\"d1\"").nth(1).expect("d1").split("</li>").next().expect("entry");
    for outlet in ["Wire", "Blog", "Radio"] {
        assert!(toll.contains(&format!("</span> {outlet}</th>")), "{outlet} in {toll}");
    }
    // Marks in the text carry the list's numbers.
    let unique = comparison.discrepancies.iter().position(|d| d.kind == crate::model::DiscrepancyKind::Unique);
    let number = anchors.number(unique.expect("the bakery"));
    assert!(html.contains(&format!("class=\"ref ref-unique\" href=\"#d{number}\"")));
}

#[test]
fn the_side_by_side_shows_the_rows_that_differ_and_folds_the_rest() {
    let comparison = three_outlets();
    let html = render(&comparison, &ReportContext::default());
    let sbs = html.split_once("<section id=\"side-by-side\"").expect("side by side").1;
    let (key, all) = sbs.split_once("<details class=\"full\" id=\"all-rows\">").expect("every row, folded");
    let all = all.split_once("</details>").expect("end of every row").0;
    let key_rows = key.matches("<tr id=\"k-row-").count();
    let every_row = all.matches("<tr id=\"row-").count();
    assert_eq!(every_row, comparison.rows.len());
    assert!(key_rows >= 2 && key_rows < every_row, "key rows {key_rows} of {every_row}");
    // The key rows hold the figure and the name; the bakery's row is left out
    // and said to be.
    assert!(key.contains("mk-conflict") && key.contains("mk-name"));
    assert!(!key.contains("bakery"), "a row with no figure, name or date is folded");
    assert!(key.contains("without a figure, name or date discrepancy"), "the gap is stated");
    assert!(all.contains("bakery"));
    // In a key row, a sentence with no discrepancy of its own is cut to "…".
    assert!(key.contains("<span class=\"elided\""), "the mayor's shelter is cut in the name's row");
    // The whole side by side needs no script: a <details> element.
    assert!(!html.contains("<script"));
}

#[test]
fn a_sentence_telling_a_shared_fact_within_a_longer_one_is_listed_under_it() {
    let mut comparison = compare_texts(
        &[
            ("a.txt", "Dam bursts\n\nAbout 4,500 residents were evacuated on Tuesday."),
            ("b.txt", "Flood\n\nMore than 4,000 residents were evacuated on Tuesday."),
            ("c.txt", "Water\n\nThe river rose <script>x</script> and residents \"fled\" fast."),
        ],
        &Settings::default(),
    );
    let plain = render(&comparison, &ReportContext::default());
    assert!(!plain.contains("Also told within"), "no `also`, nothing listed");
    let group = comparison.groups.iter().position(|g| g.article_count() == 2).expect("a and b share");
    let at = crate::model::SentenceRef { article: 2, sentence: comparison.articles[2].sentences.len() - 1 };
    assert!(comparison.sentence_text(at).contains("river"));
    comparison.groups[group].also.push(crate::model::Closest { at, similarity: 0.712 });
    let html = render(&comparison, &ReportContext::default());
    let row = html
        .split("<tr id=\"g")
        .find(|row| row.contains("Also told within a longer sentence"))
        .expect("listed in the shared facts");
    assert!(row.contains("evacuated"), "under its own fact: {row}");
    assert!(
        row.contains(
            "(similarity 0.71): The river rose &#60;script&#62;x&#60;/script&#62; and residents &#34;fled&#34; fast."
        ),
        "{row}"
    );
    assert!(!html.to_lowercase().contains("<script"), "escaped");
    // The link goes to the sentence in the side-by-side view.
    let target = super::anchors::sentence_id(at);
    assert!(row.contains(&format!("href=\"#{target}\"")) || row.contains(&format!("href=\"#k-{target}\"")), "{row}");
    assert!(html.contains(&format!("id=\"{target}\"")) || html.contains(&format!("id=\"k-{target}\"")));
}
