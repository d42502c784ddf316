//! Saved web pages: the article body, headline, outlet, byline and date.
//!
//! The page's own statements about itself (`<title>`, OpenGraph, JSON-LD,
//! microdata) are read first ([`PageMetadata`]); then page furniture is
//! pruned (`prune`), `dom_smoothie` (a port of Mozilla's Readability) picks
//! the element that holds the article, and its content is walked into
//! blocks that keep the paragraph structure: subheadings become headings,
//! figure captions become captions, link-only lines become boilerplate.
//! A page with (almost) no article text is refused with a reason, so a
//! paywall or a script-only shell is reported instead of compared.

mod blocks;
pub mod bounds;
mod metadata;
mod prune;

pub use metadata::{PageMetadata, parse_date, strip_site_name};

use super::{BlockRole, Document, IngestError, Metadata, TextBuilder};
use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

/// Fewer words of body text than this and a page holds no article (a
/// paywall teaser, a cookie wall, a script-only shell, an index page).
pub const MIN_BODY_WORDS: usize = 40;

/// Classes of captions outside `<figcaption>` (WordPress and other CMSs).
pub(crate) const CAPTION_CLASSES: &[&str] =
    &["caption", "wp-caption-text", "image-caption", "photo-caption", "media-caption", "figure-caption"];

/// Classes of a standfirst (the summary line under a headline), which
/// becomes a heading block.
pub(crate) const STANDFIRST_CLASSES: &[&str] =
    &["standfirst", "dek", "deck", "subtitle", "sub-title", "subheadline", "sub-headline", "strapline"];

/// Link-only lines up to this many words are navigation, not prose; longer
/// blocks are never taken for furniture lines.
const MAX_LINK_LINE_WORDS: usize = 20;

/// Parses a saved page (already decoded and cleaned) into a document.
///
/// # Errors
/// [`IngestError::NoArticleText`] when the page holds fewer than
/// [`MIN_BODY_WORDS`] words of article text, with a hint when it looks
/// paywalled or built by scripts.
pub fn parse(source: &str, html: &str) -> Result<Document, IngestError> {
    parse_with_warnings(source, html, &mut Vec::new())
}

/// As [`parse`]; a page whose markup had to be cut to bounds (nesting,
/// attributes: see [`bounds`]) is parsed cut, with a warning in `warnings`.
///
/// # Errors
/// As [`parse`].
pub fn parse_with_warnings(source: &str, html: &str, warnings: &mut Vec<String>) -> Result<Document, IngestError> {
    let (html, cut) = bounds::bound(html);
    if cut.any() {
        warnings.push(cut.warning());
    }
    let html = html.as_ref();
    let page = dom_query::Document::from(html);
    let stated = PageMetadata::read(&page);
    prune::prune(&page);
    let (raw_blocks, readability_byline) = readable_blocks(page).unwrap_or_else(|| {
        // Readability's strict pass found too little text: let it retry with
        // its filters relaxed, on a fresh copy of the page (its passes change
        // the document). Only short pages get here, so parsing again is cheap.
        let page = dom_query::Document::from(html);
        prune::prune(&page);
        readable_blocks_relaxed(page)
    });

    let headline = stated.headline().map(|h| crate::normalize::clean_line(&h)).filter(|h| !h.is_empty());
    let mut builder = TextBuilder::default();
    if let Some(headline) = &headline {
        builder.push(headline, BlockRole::Title);
    }
    let folded_headline = headline.as_deref().map(fold_for_compare);
    let mut body_words = 0;
    for (index, block) in raw_blocks.iter().enumerate() {
        let text = crate::normalize::collapse_spaces(&crate::normalize::clean_text(&block.text));
        // Readability keeps the headline (as an h2) in the content; it is the title block already.
        if index < 3 && folded_headline.as_deref() == Some(fold_for_compare(&text).as_str()) {
            continue;
        }
        let words = count_words(&text);
        // Furniture lines are short; long blocks are not worth the pattern scan.
        let furniture = words <= MAX_LINK_LINE_WORDS && (block.all_link || crate::segment::is_boilerplate(&text));
        let role = if block.role == BlockRole::Body && furniture { BlockRole::Boilerplate } else { block.role };
        if role == BlockRole::Body {
            body_words += words;
        }
        builder.push_collapsed(&text, role);
    }
    if body_words < MIN_BODY_WORDS {
        return Err(IngestError::NoArticleText(ShellHint::of(html).reason(body_words)));
    }

    let byline = stated
        .byline()
        .or_else(|| readability_byline.as_deref().and_then(crate::segment::byline_name))
        .map(|b| crate::normalize::clean_line(&b))
        .filter(|b| !b.is_empty());
    let meta = Metadata {
        title: headline,
        outlet: stated.outlet().map(|o| crate::normalize::clean_line(&o)).filter(|o| !o.is_empty()),
        byline,
        date: stated.date(),
    };
    let (text, blocks) = builder.finish();
    Ok(Document { source: source.to_owned(), text, blocks, meta, provenance: Default::default() })
}

/// Readability with its strict policy in one pass, which for a page with
/// enough text is exactly what its multi-pass search returns first, without
/// the copy of the whole page the search keeps for later passes. `None`
/// when the pass finds less text than readability's own threshold.
fn readable_blocks(page: dom_query::Document) -> Option<(Vec<blocks::RawBlock>, Option<String>)> {
    let config = readability_config();
    let threshold = config.char_threshold;
    let mut readability = Readability::with_document(page, None, Some(config)).ok()?;
    let article = readability.parse_with_policy(ParsePolicy::Strict).ok()?;
    (article.length >= threshold).then(|| (article_blocks(&readability.doc, &article), article.byline.clone()))
}

/// Readability's full multi-pass search (filters relaxed step by step).
fn readable_blocks_relaxed(page: dom_query::Document) -> (Vec<blocks::RawBlock>, Option<String>) {
    let Ok(mut readability) = Readability::with_document(page, None, Some(readability_config())) else {
        return (Vec::new(), None);
    };
    match readability.parse() {
        Ok(article) => (article_blocks(&readability.doc, &article), article.byline.clone()),
        Err(_) => (Vec::new(), None),
    }
}

fn readability_config() -> Config {
    Config {
        // Raw mode glues paragraphs together ("ministry.Officials").
        text_mode: TextMode::Formatted,
        // The classes the block walk reads survive readability's class cleaning.
        classes_to_preserve: CAPTION_CLASSES.iter().chain(STANDFIRST_CLASSES).map(|c| (*c).to_owned()).collect(),
        // JSON-LD is read (more fully) by `PageMetadata`, and pruned by now.
        disable_json_ld: true,
        ..Config::default()
    }
}

/// The blocks of readability's article: its content element walked where
/// it lies in the processed page (no second parse), else its formatted text
/// split at blank lines when the content has no block structure to walk.
fn article_blocks(processed: &dom_query::Document, article: &dom_smoothie::Article) -> Vec<blocks::RawBlock> {
    // Readability wraps the article in `#readability-page-1` (as Readability.js does).
    let found = match processed.select_single("#readability-page-1").nodes().first() {
        Some(root) => blocks::collect(root),
        None => blocks::collect(&dom_query::Document::fragment(article.content.clone()).root()),
    };
    if found.iter().any(|b| b.role == BlockRole::Body) {
        return found;
    }
    article
        .text_content
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| blocks::RawBlock { text: p.to_owned(), role: BlockRole::Body, all_link: false })
        .collect()
}

/// Words in a block: runs of letters or digits, and every CJK character on
/// its own (those scripts do not separate words with spaces).
fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            words += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            words += usize::from(!in_word);
            in_word = true;
        } else if c.is_whitespace() {
            in_word = false;
        }
    }
    words
}

const fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn fold_for_compare(text: &str) -> String {
    text.chars().map(crate::normalize::fold_punctuation).collect::<String>().to_lowercase()
}

/// Why a page without article text has none, as far as its markup tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShellHint {
    /// A paywall or subscription wall.
    Paywall,
    /// A page that builds its content with scripts.
    Scripted,
    /// Nothing specific.
    Unknown,
}

impl ShellHint {
    const PAYWALL_WORDS: &[&str] = &["paywall", "piano", "metered", "subscriber", "premium", "regwall"];
    const PAYWALL_PHRASES: &[&str] = &[
        "subscribe to continue",
        "subscribe to read",
        "to continue reading",
        "subscribers only",
        "for subscribers",
        "already a subscriber",
        "sign in to read",
        "log in to read",
    ];
    const SHELL_IDS: &[&str] = &["root", "app", "__next", "__nuxt", "svelte", "main-app"];

    /// Reads the hint from the page source; only called for pages that
    /// turned out to hold no article, so its cost does not matter.
    fn of(html: &str) -> Self {
        let lower = html.to_lowercase();
        let page = dom_query::Document::from(html);
        let marked_paywall = page.select("[class], [id]").nodes().iter().any(|node| {
            let names = format!("{} {}", node.class().unwrap_or_default(), node.id_attr().unwrap_or_default())
                .to_ascii_lowercase();
            Self::PAYWALL_WORDS.iter().any(|w| names.contains(w))
        });
        if marked_paywall || Self::PAYWALL_PHRASES.iter().any(|p| lower.contains(p)) {
            return Self::Paywall;
        }
        let noscript_asks = page.select("noscript").iter().any(|n| n.text().to_lowercase().contains("javascript"));
        let app_shell = page.select("body [id]").nodes().iter().any(|node| {
            node.id_attr().is_some_and(|id| Self::SHELL_IDS.contains(&id.as_ref())) && node.text().trim().is_empty()
        });
        let scripts = page.select("script").length();
        if noscript_asks || (app_shell && scripts > 0) { Self::Scripted } else { Self::Unknown }
    }

    fn reason(self, words: usize) -> String {
        let plural = if words == 1 { "" } else { "s" };
        match self {
            Self::Paywall => format!("only {words} word{plural} of article text; the page looks paywalled"),
            Self::Scripted => {
                format!("only {words} word{plural} of article text; the page builds its content with JavaScript")
            }
            Self::Unknown => format!("only {words} word{plural} of article text (fewer than {MIN_BODY_WORDS})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(document: &Document) -> Vec<(String, BlockRole)> {
        document.blocks.iter().map(|b| (document.text[b.span.range()].to_owned(), b.role)).collect()
    }

    const BODY: &str = "<p>The Dravik dam burst late on Tuesday after three days of heavy rain, sending a wall of \
        water through the lower town.</p><p>About 4,500 residents were evacuated overnight, the regional \
        governor said, and three people were confirmed dead by Wednesday morning.</p>";

    #[test]
    fn headline_body_and_metadata() {
        let html = format!(
            "<html><head><title>Dam bursts | Velm Post</title><meta property=og:site_name content='Velm Post'>\
             <meta name=author content='Ida Berg'><meta property=article:published_time content=2026-03-04T08:00:00Z>\
             </head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Dam bursts</h1>{BODY}\
             <p><a href=/more>Read more: the dam's history</a></p></article></body></html>"
        );
        let document = parse("p.html", &html).expect("article");
        assert_eq!(document.meta.title.as_deref(), Some("Dam bursts"));
        assert_eq!(document.meta.outlet.as_deref(), Some("Velm Post"));
        assert_eq!(document.meta.byline.as_deref(), Some("Ida Berg"));
        assert_eq!(document.meta.date.map(|d| d.iso()).as_deref(), Some("2026-03-04"));
        let found = roles(&document);
        assert_eq!(found[0], ("Dam bursts".into(), BlockRole::Title));
        assert_eq!(found[1].1, BlockRole::Body);
        assert!(found[1].0.starts_with("The Dravik dam burst"));
        assert_eq!(found.last().map(|b| b.1), Some(BlockRole::Boilerplate));
        assert_eq!(found.len(), 4);
    }

    #[test]
    fn entities_cannot_smuggle_control_characters() {
        let html = format!(
            "<title>Dam&#x1b;[31m bursts&#x202e;</title><article>{BODY}<p>Evil &#x1b;]0;x&#7; text here.&#x9b;31m</p></article>"
        );
        let document = parse("p.html", &html).expect("article");
        assert_eq!(document.meta.title.as_deref(), Some("Dam bursts"));
        assert!(!document.text.chars().any(|c| c.is_control() && c != '\n'), "{:?}", document.text);
        assert!(document.text.contains("Evil text here."), "{:?}", document.text);
    }

    #[test]
    fn pages_without_article_text_are_refused_with_a_reason() {
        let paywall = "<title>Dam bursts</title><article><p>The dam burst.</p><div class=paywall>Subscribe to continue reading.</div></article>";
        let Err(IngestError::NoArticleText(reason)) = parse("p.html", paywall) else { panic!("paywall accepted") };
        assert!(reason.contains("paywalled"), "{reason}");
        let shell = "<title>App</title><body><div id=root></div><noscript>You need to enable JavaScript to run this app.</noscript><script src=app.js></script></body>";
        let Err(IngestError::NoArticleText(reason)) = parse("p.html", shell) else { panic!("shell accepted") };
        assert!(reason.contains("JavaScript"), "{reason}");
    }
}
