//! Removing page furniture before the readability step: navigation, cookie
//! banners, newsletter boxes, share bars, related lists, comments, ads,
//! bylines and timestamps (already read as metadata), scripts and styles.
//!
//! Readability's own scoring drops much of this, but it keeps small boxes
//! that sit inside the article container (a share bar between paragraphs, a
//! newsletter box, "Related" links) and, when a page is short, it retries
//! without its filters and lets them back in. Pruning first makes the
//! result the same for short and long pages.

use dom_query::{Document, NodeRef};

/// Elements that never hold article text.
const NEVER_TEXT_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form", "button", "input",
    "select", "textarea", "nav", "aside", "dialog", "menu",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search"];

/// Parts of class and id names (split at `-`, `_` and case changes) that
/// mark furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "advert",
    "advertisement",
    "advertising",
    "anzeige",
    "author",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "date",
    "dateline",
    "disqus",
    "dfp",
    "eyebrow",
    "gdpr",
    "kicker",
    "masthead",
    "meta",
    "modal",
    "newsletter",
    "outbrain",
    "popup",
    "promo",
    "pub",
    "pubdate",
    "publicidad",
    "publicite",
    "published",
    "recirc",
    "recommended",
    "reklama",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "timestamp",
    "toolbar",
    "trending",
    "werbung",
];

/// Removes furniture from a parsed page, never touching the element that
/// holds the article body or any of its ancestors. One pass over the
/// elements, reading tag names and attributes directly: selector matching
/// over a large page costs several times more.
pub fn prune(document: &Document) {
    let protected = article_root(document);
    let keeps_article = |node: &NodeRef<'_>| {
        protected.is_some_and(|root| root.id == node.id || root.ancestors_it(None).any(|a| a.id == node.id))
    };
    let furniture: Vec<NodeRef<'_>> =
        document.root().descendants_it().filter(|node| is_furniture(node) && !keeps_article(node)).collect();
    for node in furniture {
        node.remove_from_parent();
    }
}

/// True for an element that is furniture by its tag, role, visibility or
/// class and id names; a page-level `<header>` or `<footer>` too (inside
/// an article they hold the headline and are kept).
fn is_furniture(node: &NodeRef<'_>) -> bool {
    let Some(element) = node.element_ref() else { return false };
    let tag = element.name.local.as_ref();
    if NEVER_TEXT_TAGS.contains(&tag) {
        return true;
    }
    let (mut classes, mut id) = ("", "");
    for attribute in &element.attrs {
        let value: &str = &attribute.value;
        match attribute.name.local.as_ref() {
            "role" if FURNITURE_ROLES.contains(&value.trim().to_ascii_lowercase().as_str()) => return true,
            "aria-hidden" if value.trim().eq_ignore_ascii_case("true") => return true,
            "hidden" => return true,
            "class" => classes = value,
            "id" => id = value,
            _ => {}
        }
    }
    if matches!(tag, "html" | "body" | "main") {
        return false;
    }
    if matches!(tag, "header" | "footer") && is_page_level(node) {
        return true;
    }
    is_furniture_name(classes, id)
}

/// Directly under `<body>`, or under one wrapper `<div>` there.
fn is_page_level(node: &NodeRef<'_>) -> bool {
    let Some(parent) = node.parent() else { return false };
    if parent.has_name("body") {
        return true;
    }
    parent.has_name("div") && parent.parent().is_some_and(|p| p.has_name("body"))
}

/// The element that most plausibly holds the article: microdata
/// `articleBody`, else the `<article>` with the most paragraph text, else `<main>`.
fn article_root(document: &Document) -> Option<NodeRef<'_>> {
    let mut articles = Vec::new();
    let mut main = None;
    for node in document.root().descendants_it() {
        let Some(element) = node.element_ref() else { continue };
        if element.attrs.iter().any(|a| &*a.name.local == "itemprop" && &*a.value == "articleBody") {
            return Some(node);
        }
        match &*element.name.local {
            "article" => articles.push(node),
            "main" if main.is_none() => main = Some(node),
            _ => {}
        }
    }
    let paragraph_text = |article: &NodeRef<'_>| -> usize {
        article.descendants_it().filter(|n| n.has_name("p")).map(|p| p.text().len()).sum()
    };
    articles.into_iter().max_by_key(paragraph_text).or(main)
}

/// True when a class list or id names furniture ("share-bar",
/// "newsletterBox", "ad_slot"), matching whole name parts only so that
/// "shared-content" or "header-image" stay.
fn is_furniture_name(classes: &str, id: &str) -> bool {
    let parts: Vec<String> = classes.split_whitespace().chain(std::iter::once(id)).flat_map(name_parts).collect();
    let names_furniture = parts.iter().any(|part| FURNITURE_WORDS.contains(&part.as_str()));
    // "article-body has-share": a container that names the article is kept.
    let names_article = parts.iter().any(|p| matches!(p.as_str(), "body" | "content" | "text" | "article" | "story"));
    names_furniture && !names_article
}

/// "newsletterBox" → ["newsletter", "box"], "share-bar_top" → ["share", "bar", "top"].
fn name_parts(name: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '-' || c == '_' || c == ':' || c == '.' {
            if !current.is_empty() {
                parts.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_names_match_whole_parts() {
        assert!(is_furniture_name("share-bar", ""));
        assert!(is_furniture_name("box newsletterBox", ""));
        assert!(is_furniture_name("", "ad_slot_3"));
        assert!(is_furniture_name("cookie-banner", ""));
        assert!(!is_furniture_name("shared-content header-image", "main"));
        assert!(!is_furniture_name("article-body", "story"));
        assert!(!is_furniture_name("address", "loader"));
        // A container that names the article body is never furniture.
        assert!(!is_furniture_name("article-body has-share", ""));
    }

    #[test]
    fn prune_keeps_the_article_and_drops_furniture() {
        let html = r#"<body><header><nav>Home News</nav></header>
            <div class="cookie-banner">We use cookies</div>
            <main><article class="story"><h1>Dam bursts</h1>
              <div class="share-bar">Share</div><p>The dam burst on Tuesday.</p>
              <aside class="newsletter">Sign up</aside></article>
              <section id="comments"><article class="comment"><p>First!</p></article></section></main>
            <footer>© 2026</footer><script>var x = 1;</script></body>"#;
        let document = Document::from(html);
        prune(&document);
        let text = crate::normalize::collapse_spaces(&document.select("body").text());
        assert_eq!(text, "Dam bursts The dam burst on Tuesday.");
    }
}
