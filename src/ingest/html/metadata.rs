//! What a saved page says about itself: `<title>`, OpenGraph and article
//! `<meta>` tags, JSON-LD (`NewsArticle` and kin) and microdata. Read from
//! the untouched page, before pruning removes the scripts that carry JSON-LD.

use crate::model::DayDate;
use dom_query::{Document, NodeRef};
use serde_json::Value;

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "WebPage",
];

/// Separators between a headline and a site name in `<title>` and `og:title`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " » "];

/// Everything the page states about itself, each field as found (trimmed,
/// entities decoded by the parser, not yet cleaned).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMetadata {
    /// The `<title>` element.
    pub title_tag: Option<String>,
    /// `og:title` (or `twitter:title`).
    pub og_title: Option<String>,
    /// `og:site_name`.
    pub site_name: Option<String>,
    /// JSON-LD `headline` (or `name`) of the article node.
    pub ld_headline: Option<String>,
    /// JSON-LD authors' names, joined.
    pub ld_author: Option<String>,
    /// JSON-LD `datePublished`.
    pub ld_date: Option<String>,
    /// JSON-LD `publisher.name`.
    pub ld_publisher: Option<String>,
    /// `<meta name="author">`, `article:author` (when not a URL), `dc.creator`.
    pub meta_author: Option<String>,
    /// `article:published_time`, `<meta name="date">` and kin, microdata
    /// `datePublished`, or the first `<time datetime>`.
    pub meta_date: Option<String>,
    /// The text of a byline element (`rel=author`, `itemprop=author`, a
    /// class naming the byline or author).
    pub dom_byline: Option<String>,
    /// `application-name`, a last resort for the outlet.
    pub application_name: Option<String>,
    /// The first `<h1>` of the page.
    pub h1: Option<String>,
}

impl PageMetadata {
    /// Reads the metadata of a parsed page, in one pass over its elements
    /// (a selector per field would walk a large page a dozen times).
    #[must_use]
    pub fn read(document: &Document) -> Self {
        let found = Found::collect(document);
        let mut page = Self {
            title_tag: found.title.and_then(|node| non_empty(Some(&node.text()))),
            h1: found.h1.and_then(|node| non_empty(Some(&node.text()))),
            ..Self::default()
        };
        page.dom_byline = found
            .byline_candidates
            .iter()
            .filter_map(|node| non_empty(Some(&node.text())))
            .find(|text| (1..=12).contains(&text.split_whitespace().count()));
        read_meta_tags(&found.metas, &mut page);
        read_json_ld(&found.json_ld, &mut page);
        if page.meta_date.is_none() {
            page.meta_date = found
                .date_candidates
                .iter()
                .find_map(|node| non_empty(node.attr("content").or_else(|| node.attr("datetime")).as_deref()));
        }
        page
    }

    /// The outlet: `og:site_name`, else the JSON-LD publisher, else the
    /// `application-name`, else a site name split off the `<title>`.
    #[must_use]
    pub fn outlet(&self) -> Option<String> {
        self.site_name
            .clone()
            .or_else(|| self.ld_publisher.clone())
            .or_else(|| self.application_name.clone())
            .or_else(|| self.title_tag.as_deref().and_then(|t| self.site_name_in_title(t)))
    }

    /// The headline without the site name: JSON-LD headline, else `og:title`,
    /// else the `<h1>`, else the `<title>`.
    #[must_use]
    pub fn headline(&self) -> Option<String> {
        let outlet = self.outlet();
        [&self.ld_headline, &self.og_title, &self.h1, &self.title_tag]
            .into_iter()
            .flatten()
            .map(|title| strip_site_name(title, outlet.as_deref()))
            .find(|title| !title.is_empty())
    }

    /// The byline: JSON-LD authors, else the author `<meta>` tags, else a
    /// byline element.
    #[must_use]
    pub fn byline(&self) -> Option<String> {
        let from_element =
            self.dom_byline.as_deref().map(|b| crate::segment::byline_name(b).unwrap_or_else(|| tidy_byline(b)));
        [self.ld_author.as_deref().map(tidy_byline), self.meta_author.as_deref().map(tidy_byline), from_element]
            .into_iter()
            .flatten()
            .find(|b| !b.is_empty())
    }

    /// The publication date: JSON-LD, else the date `<meta>` tags and `<time>`.
    #[must_use]
    pub fn date(&self) -> Option<DayDate> {
        [&self.ld_date, &self.meta_date].into_iter().flatten().find_map(|text| parse_date(text))
    }

    /// A site name in a `<title>` when another source states the headline
    /// and the title is that headline plus a separator and a short name
    /// ("Dam bursts | The Northern Courier"); a pipe alone is trusted too,
    /// since headlines rarely hold one.
    fn site_name_in_title(&self, title: &str) -> Option<String> {
        let known: Vec<String> =
            [&self.ld_headline, &self.og_title, &self.h1].into_iter().flatten().map(|t| fold(t)).collect();
        for separator in TITLE_SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(separator) {
                let short = tail.split_whitespace().count() <= 6 && !tail.trim().is_empty();
                if short && (known.contains(&fold(head)) || *separator == " | ") {
                    return Some(tail.trim().to_owned());
                }
            }
            if let Some((head, tail)) = title.split_once(separator) {
                let short = head.split_whitespace().count() <= 6 && !head.trim().is_empty();
                if short && known.contains(&fold(tail)) {
                    return Some(head.trim().to_owned());
                }
            }
        }
        None
    }
}

/// A headline without a leading or trailing site name: "Dam bursts | The
/// Northern Courier", "Dam bursts - Courier", "Courier: Dam bursts".
#[must_use]
pub fn strip_site_name(title: &str, outlet: Option<&str>) -> String {
    let title = crate::normalize::collapse_spaces(title);
    let Some(outlet) = outlet.map(fold).filter(|o| !o.is_empty()) else {
        return title;
    };
    for separator in TITLE_SEPARATORS.iter().copied().chain([": "]) {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && fold(tail) == outlet
            && separator != ": "
        {
            return head.trim().to_owned();
        }
        if let Some((head, tail)) = title.split_once(separator)
            && fold(head) == outlet
        {
            return tail.trim().to_owned();
        }
    }
    title
}

/// Lower case with spaces collapsed and typographic punctuation folded, for
/// comparing titles and site names.
fn fold(text: &str) -> String {
    crate::normalize::collapse_spaces(text)
        .chars()
        .map(crate::normalize::fold_punctuation)
        .collect::<String>()
        .to_lowercase()
}

/// The elements metadata is read from, gathered in one pass.
#[derive(Default)]
struct Found<'a> {
    title: Option<NodeRef<'a>>,
    /// The first `<h1>` inside an `<article>` or `<main>`, else the first at all.
    h1: Option<NodeRef<'a>>,
    metas: Vec<NodeRef<'a>>,
    json_ld: Vec<NodeRef<'a>>,
    byline_candidates: Vec<NodeRef<'a>>,
    date_candidates: Vec<NodeRef<'a>>,
}

impl<'a> Found<'a> {
    fn collect(document: &'a Document) -> Self {
        let mut found = Self::default();
        let mut h1_in_article = false;
        for node in document.root().descendants_it() {
            let Some(element) = node.element_ref() else { continue };
            let attribute = |name: &str| -> Option<&str> {
                element.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
            };
            match element.name.local.as_ref() {
                "title" if found.title.is_none() => found.title = Some(node),
                "h1" if !h1_in_article => {
                    let inside = node.ancestors_it(None).any(|a| a.has_name("article") || a.has_name("main"));
                    if found.h1.is_none() || inside {
                        found.h1 = Some(node);
                        h1_in_article = inside;
                    }
                }
                "meta" if attribute("content").is_some() => found.metas.push(node),
                "script" if attribute("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                    found.json_ld.push(node);
                }
                "time" if attribute("datetime").is_some() => found.date_candidates.push(node),
                _ => {}
            }
            if attribute("itemprop") == Some("datePublished") {
                found.date_candidates.push(node);
            }
            let names_author = attribute("rel") == Some("author")
                || attribute("itemprop") == Some("author")
                || attribute("class").is_some_and(|c| c.contains("byline") || c.contains("author"));
            if names_author {
                found.byline_candidates.push(node);
            }
        }
        // `itemprop=datePublished` states the date more surely than any `<time>`.
        found.date_candidates.sort_by_key(|node| node.attr("itemprop").is_none_or(|p| p.as_ref() != "datePublished"));
        found
    }
}

fn read_meta_tags(metas: &[NodeRef<'_>], page: &mut PageMetadata) {
    for node in metas {
        let Some(content) = non_empty(node.attr("content").as_deref()) else { continue };
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"))
            .map(|k| k.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let slot = match key.as_str() {
            "og:title" | "twitter:title" => &mut page.og_title,
            "og:site_name" => &mut page.site_name,
            "application-name" => &mut page.application_name,
            "author" | "dc.creator" | "dcterms.creator" | "byl" | "sailthru.author" | "parsely-author" => {
                &mut page.meta_author
            }
            "article:author" if !content.starts_with("http") => &mut page.meta_author,
            "article:published_time"
            | "og:article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "pub_date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "dcterms.date"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article.published" => &mut page.meta_date,
            _ => continue,
        };
        // The first of several equivalent tags wins (og:title before twitter:title).
        if slot.is_none() {
            *slot = Some(content);
        }
    }
}

fn read_json_ld(scripts: &[NodeRef<'_>], page: &mut PageMetadata) {
    for script in scripts {
        let text = script.text();
        let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim().trim_end_matches(';');
        let Ok(value) = serde_json::from_str::<Value>(text) else { continue };
        let nodes = flatten_graph(&value);
        let Some(article) = nodes.iter().copied().find(|node| is_article(node)) else { continue };
        let resolve = |value: &'_ Value| -> Option<String> { name_of(value, &nodes) };
        page.ld_headline = page.ld_headline.take().or_else(|| {
            article
                .get("headline")
                .and_then(Value::as_str)
                .or_else(|| article.get("name").and_then(Value::as_str))
                .and_then(|s| non_empty(Some(s)))
        });
        page.ld_author = page.ld_author.take().or_else(|| {
            let authors: Vec<String> = match article.get("author") {
                Some(Value::Array(items)) => items.iter().filter_map(resolve).collect(),
                Some(value) => resolve(value).into_iter().collect(),
                None => Vec::new(),
            };
            (!authors.is_empty()).then(|| join_names(&authors))
        });
        page.ld_date = page
            .ld_date
            .take()
            .or_else(|| article.get("datePublished").and_then(Value::as_str).and_then(|s| non_empty(Some(s))));
        page.ld_publisher = page.ld_publisher.take().or_else(|| article.get("publisher").and_then(resolve));
        if page.ld_publisher.is_none() {
            page.ld_publisher = nodes
                .iter()
                .find(|node| has_type(node, &["NewsMediaOrganization", "Organization", "WebSite"]))
                .and_then(|node| node.get("name"))
                .and_then(Value::as_str)
                .and_then(|s| non_empty(Some(s)));
        }
    }
}

/// The top-level nodes of a JSON-LD value: the value itself, the items of
/// an array, the members of an `@graph`.
fn flatten_graph(value: &Value) -> Vec<&Value> {
    let mut nodes = Vec::new();
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                nodes.push(value);
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
    nodes
}

fn has_type(node: &Value, wanted: &[&str]) -> bool {
    match node.get("@type") {
        Some(Value::String(kind)) => wanted.contains(&kind.as_str()),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(|k| wanted.contains(&k)),
        _ => false,
    }
}

fn is_article(node: &Value) -> bool {
    has_type(node, ARTICLE_TYPES) && (node.get("headline").is_some() || !has_type(node, &["WebPage"]))
}

/// The name a JSON-LD person or organisation stands for: a string, an
/// object's `name`, or the `name` of the graph node an `@id` points to.
fn name_of(value: &Value, nodes: &[&Value]) -> Option<String> {
    match value {
        Value::String(name) => non_empty(Some(name)),
        Value::Object(map) => {
            if let Some(name) = map.get("name").and_then(Value::as_str) {
                return non_empty(Some(name));
            }
            let id = map.get("@id").and_then(Value::as_str)?;
            let target = nodes.iter().find(|node| node.get("@id").and_then(Value::as_str) == Some(id))?;
            target.get("name").and_then(Value::as_str).and_then(|s| non_empty(Some(s)))
        }
        _ => None,
    }
}

/// "Ana Ruiz", "Ana Ruiz and Tomas Wren", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A byline without its "By" and whatever follows a separator.
fn tidy_byline(byline: &str) -> String {
    let byline = crate::normalize::collapse_spaces(byline);
    let without_by = ["By ", "by ", "BY "].iter().find_map(|p| byline.strip_prefix(p)).unwrap_or(&byline);
    let end = without_by.find(['|', '·', '•']).unwrap_or(without_by.len());
    without_by[..end].trim().to_owned()
}

/// A publication date from an ISO 8601 timestamp ("2026-03-04T09:30:00+01:00",
/// the date as the outlet wrote it, without moving it to UTC) or from a
/// written date ("March 4, 2026").
#[must_use]
pub fn parse_date(text: &str) -> Option<DayDate> {
    let text = text.trim();
    if let Some(date) = iso_prefix(text) {
        return Some(date);
    }
    crate::dates::scan(text, None).into_iter().find(|m| !m.relative).and_then(|m| m.date).filter(|d| d.year.is_some())
}

fn iso_prefix(text: &str) -> Option<DayDate> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i16 = text.get(0..4)?.parse().ok()?;
    let month: i8 = text.get(5..7)?.parse().ok()?;
    let day: i8 = text.get(8..10)?.parse().ok()?;
    let followed_by_digit = bytes.get(10).is_some_and(u8::is_ascii_digit);
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day) && (1000..=2999).contains(&year);
    (valid && !followed_by_digit).then_some(DayDate { year: Some(year), month, day })
}

fn non_empty(text: Option<&str>) -> Option<String> {
    let text = crate::normalize::collapse_spaces(text?);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> PageMetadata {
        PageMetadata::read(&Document::from(html))
    }

    #[test]
    fn site_name_suffixes_and_prefixes_are_stripped() {
        let outlet = Some("The Northern Courier");
        assert_eq!(strip_site_name("Dam bursts | The Northern Courier", outlet), "Dam bursts");
        assert_eq!(strip_site_name("Dam bursts – the northern courier", outlet), "Dam bursts");
        assert_eq!(strip_site_name("The Northern Courier: Dam bursts", outlet), "Dam bursts");
        assert_eq!(strip_site_name("Dam bursts - three dead", outlet), "Dam bursts - three dead");
        assert_eq!(strip_site_name("Dam bursts | Courier", None), "Dam bursts | Courier");
    }

    #[test]
    fn outlet_from_the_title_when_nothing_else_names_it() {
        let found = page("<title>Dam bursts, three dead - Velm Post</title><h1>Dam bursts, three dead</h1>");
        assert_eq!(found.outlet().as_deref(), Some("Velm Post"));
        assert_eq!(found.headline().as_deref(), Some("Dam bursts, three dead"));
        // Without a second source a dash may be part of the headline.
        let found = page("<title>Dam bursts - three dead</title>");
        assert_eq!(found.outlet(), None);
        assert_eq!(found.headline().as_deref(), Some("Dam bursts - three dead"));
    }

    #[test]
    fn json_ld_graph_authors_and_publisher_references() {
        let html = r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"NewsMediaOrganization","@id":"#org","name":"Kanal Nord"},
            {"@type":["NewsArticle"],"headline":"Flood | Kanal Nord","datePublished":"2026-03-04T23:10:00-05:00",
             "author":[{"@type":"Person","name":"Ana Ruiz"},"Tomas Wren",{"name":"Ida Berg"}],
             "publisher":{"@id":"#org"}}]}</script>"##;
        let found = page(html);
        assert_eq!(found.ld_publisher.as_deref(), Some("Kanal Nord"));
        assert_eq!(found.outlet().as_deref(), Some("Kanal Nord"));
        assert_eq!(found.headline().as_deref(), Some("Flood"));
        assert_eq!(found.byline().as_deref(), Some("Ana Ruiz, Tomas Wren and Ida Berg"));
        assert_eq!(found.date(), Some(DayDate { year: Some(2026), month: 3, day: 4 }));
    }

    #[test]
    fn meta_tags_and_broken_json_ld() {
        let html = r#"<head><meta property="og:site_name" content="Velm Post">
            <meta name="author" content="By Ida Berg | Staff">
            <meta name="date" content="March 5, 2026">
            <meta property="article:author" content="https://velm.example/ida">
            <script type="application/ld+json">{not json</script></head>"#;
        let found = page(html);
        assert_eq!(found.byline().as_deref(), Some("Ida Berg"));
        assert_eq!(found.date(), Some(DayDate { year: Some(2026), month: 3, day: 5 }));
        assert_eq!(found.outlet().as_deref(), Some("Velm Post"));
    }

    #[test]
    fn iso_dates_need_a_real_calendar_date() {
        assert_eq!(parse_date("2026-03-04"), Some(DayDate { year: Some(2026), month: 3, day: 4 }));
        assert_eq!(parse_date("2026-13-04"), None);
        assert_eq!(parse_date("yesterday"), None);
    }
}
