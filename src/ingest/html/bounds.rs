//! Bounding a page's markup before it is parsed. The HTML parser and the
//! readability step do work that grows with the square of the nesting
//! depth (every tag looks through the open elements) and of the attributes
//! of one element (duplicates are checked pairwise): 100,000 nested
//! `<div>`s would take about an hour. One linear pass over the source
//! flattens elements nested deeper than [`MAX_DEPTH`] into their parent
//! (their tags are dropped, their text kept), keeps at most
//! [`MAX_FORMATTING`] formatting elements (`<b>`, `<a>`, `<font>`, ...) open
//! at once (the parser re-opens all of them for every paragraph), and the
//! first [`MAX_ATTRIBUTES`] attributes of an element. Real pages nest 20 to
//! 60 deep, so they pass unchanged; the caller warns when a page is cut.
//!
//! The pass is a tolerant tokenizer, not a full HTML parser: it follows
//! comments, quoted attribute values, raw-text elements (`<script>`,
//! `<style>`, `<textarea>`, `<title>`) and the implied ends of `<p>`, `<li>`
//! and table cells closely enough to count depth as the parser will.

use std::borrow::Cow;
use std::collections::HashMap;

/// Elements nested deeper than this are flattened into their parent.
pub const MAX_DEPTH: usize = 256;

/// Formatting elements open at the same time beyond this are dropped.
pub const MAX_FORMATTING: usize = 16;

/// Attributes of one element beyond this are dropped.
pub const MAX_ATTRIBUTES: usize = 64;

/// What the pass did: the work done and what it cut.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cut {
    /// Tags read (start and end), the work the pass did.
    pub tags: usize,
    /// Start and end tags dropped to keep the nesting within bounds.
    pub dropped_tags: usize,
    /// Attributes dropped from elements that had too many.
    pub dropped_attributes: usize,
}

impl Cut {
    /// True when the page was changed.
    #[must_use]
    pub const fn any(&self) -> bool {
        self.dropped_tags > 0 || self.dropped_attributes > 0
    }

    /// The warning for a page that was cut, in one line.
    #[must_use]
    pub fn warning(&self) -> String {
        let mut parts = Vec::new();
        if self.dropped_tags > 0 {
            parts.push(format!(
                "{} tags nested deeper than {MAX_DEPTH} elements (or more than {MAX_FORMATTING} open formatting \
                 elements) dropped",
                self.dropped_tags
            ));
        }
        if self.dropped_attributes > 0 {
            parts.push(format!("{} attributes beyond {MAX_ATTRIBUTES} per element dropped", self.dropped_attributes));
        }
        format!("page markup cut to bounds: {}; its text is kept", parts.join(", "))
    }
}

/// Elements without content or end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Formatting elements, which the parser re-opens after a block closes.
const FORMATTING: &[&str] =
    &["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

/// Elements whose start closes an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements an open sibling of the same kind implicitly closes.
const SELF_CLOSING_SIBLINGS: &[&str] = &["li", "dt", "dd", "option", "tr", "td", "th"];

/// The page with its nesting and attributes bounded, and what was cut
/// (borrowed unchanged when nothing was).
#[must_use]
pub fn bound(html: &str) -> (Cow<'_, str>, Cut) {
    let mut pass = Pass {
        html,
        bytes: html.as_bytes(),
        out: String::new(),
        open: Vec::new(),
        formatting_open: 0,
        over: Vec::new(),
        over_counts: HashMap::new(),
        extra_formatting: HashMap::new(),
    };
    let cut = pass.run();
    if cut.any() { (Cow::Owned(pass.out), cut) } else { (Cow::Borrowed(html), cut) }
}

struct Pass<'a> {
    html: &'a str,
    bytes: &'a [u8],
    out: String,
    /// Elements kept open, innermost last, and how many are formatting elements.
    open: Vec<String>,
    formatting_open: usize,
    /// Elements dropped while open (too deep), innermost last, and how
    /// many of each name (so an end tag for none of them costs no search).
    over: Vec<String>,
    over_counts: HashMap<String, usize>,
    /// Formatting elements dropped while open (too many), by name.
    extra_formatting: HashMap<String, usize>,
}

impl Pass<'_> {
    fn run(&mut self) -> Cut {
        let mut cut = Cut::default();
        let mut at = 0;
        let length = self.bytes.len();
        while at < length {
            let Some(next) = memchr(b'<', &self.bytes[at..]).map(|p| at + p) else {
                self.out.push_str(&self.html[at..]);
                break;
            };
            self.out.push_str(&self.html[at..next]);
            at = next;
            let rest = &self.bytes[at..];
            if rest.starts_with(b"<!--") {
                let end = find(&self.bytes[at + 4..], b"-->").map_or(length, |p| at + 4 + p + 3);
                self.out.push_str(&self.html[at..end]);
                at = end;
            } else if rest.len() > 1 && matches!(rest[1], b'!' | b'?') {
                let end = memchr(b'>', rest).map_or(length, |p| at + p + 1);
                self.out.push_str(&self.html[at..end]);
                at = end;
            } else if rest.len() > 2 && rest[1] == b'/' && rest[2].is_ascii_alphabetic() {
                let end = memchr(b'>', rest).map_or(length, |p| at + p + 1);
                let name = tag_name(&self.html[at + 2..end]);
                cut.tags += 1;
                if self.end_tag(&name) {
                    self.out.push_str(&self.html[at..end]);
                } else {
                    cut.dropped_tags += 1;
                }
                at = end;
            } else if rest.len() > 1 && rest[1].is_ascii_alphabetic() {
                cut.tags += 1;
                at = self.start_tag(at, &mut cut);
            } else {
                // A `<` that starts no tag is text; written as `&lt;` (the
                // same to the parser), a tag dropped after it cannot make it
                // start one (`<` + `<b>` + `text`).
                self.out.push_str("&lt;");
                at += 1;
            }
        }
        cut
    }

    /// Reads the start tag at `at`; returns where reading goes on.
    fn start_tag(&mut self, at: usize, cut: &mut Cut) -> usize {
        let length = self.bytes.len();
        let name_end = self.bytes[at + 1..].iter().position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'));
        let name_end = name_end.map_or(length, |p| at + 1 + p);
        let name = self.html[at + 1..name_end].to_ascii_lowercase();
        // Attributes: kept as written, up to the cap.
        let mut kept = String::new();
        let mut attributes = 0;
        let mut position = name_end;
        let mut self_closing = false;
        let end = loop {
            let attribute_start = position;
            while position < length && (self.bytes[position].is_ascii_whitespace() || self.bytes[position] == b'/') {
                self_closing = self.bytes[position] == b'/';
                position += 1;
            }
            if position >= length {
                break length;
            }
            if self.bytes[position] == b'>' {
                break position + 1;
            }
            self_closing = false;
            // The name: at least one byte, up to a space, `/`, `>` or `=`.
            position += 1;
            while position < length
                && !matches!(self.bytes[position], b'=' | b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
            {
                position += 1;
            }
            let mut value_end = position;
            while value_end < length && self.bytes[value_end].is_ascii_whitespace() {
                value_end += 1;
            }
            if value_end < length && self.bytes[value_end] == b'=' {
                value_end += 1;
                while value_end < length && self.bytes[value_end].is_ascii_whitespace() {
                    value_end += 1;
                }
                if value_end < length && matches!(self.bytes[value_end], b'"' | b'\'') {
                    let quote = self.bytes[value_end];
                    value_end = memchr(quote, &self.bytes[value_end + 1..]).map_or(length, |p| value_end + 1 + p + 1);
                } else {
                    while value_end < length
                        && !self.bytes[value_end].is_ascii_whitespace()
                        && self.bytes[value_end] != b'>'
                    {
                        value_end += 1;
                    }
                }
                position = value_end;
            }
            attributes += 1;
            if attributes <= MAX_ATTRIBUTES {
                kept.push_str(&self.html[attribute_start..position]);
            } else {
                cut.dropped_attributes += 1;
            }
        };
        let keep = self.open_element(&name, self_closing);
        if keep && attributes <= MAX_ATTRIBUTES {
            self.out.push_str(&self.html[at..end]);
        } else if keep {
            self.out.push_str(&self.html[at..name_end]);
            self.out.push_str(&kept);
            if end > name_end && self.bytes[end - 1] == b'>' {
                self.out.push('>');
            }
        } else {
            cut.dropped_tags += 1;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // The content is text up to `</name`, whatever it looks like.
            let close = find_end_tag(&self.bytes[end..], name.as_bytes()).map_or(length, |p| end + p);
            if keep {
                self.out.push_str(&self.html[end..close]);
                return close;
            }
            // Dropped, its content goes too, with its end tag: without the
            // start tag a script's text would be read as markup.
            self.truncate_over(self.over.len() - 1);
            if close == length {
                return length;
            }
            cut.dropped_tags += 1;
            return memchr(b'>', &self.bytes[close..]).map_or(length, |p| close + p + 1);
        }
        if name == "plaintext" {
            // Everything after is text; dropped (too deep), it goes too.
            if keep {
                self.out.push_str(&self.html[end..]);
            }
            return length;
        }
        end
    }

    /// Tracks an element's start; false when its tag is dropped.
    fn open_element(&mut self, name: &str, self_closing: bool) -> bool {
        if VOID.contains(&name) || self_closing {
            return true;
        }
        // Implied ends, as the parser will close them.
        if CLOSES_P.contains(&name) && self.open.last().is_some_and(|top| top == "p") && self.over.is_empty() {
            self.open.pop();
        }
        if SELF_CLOSING_SIBLINGS.contains(&name) {
            if self.over.last().is_some_and(|top| top == name) {
                self.truncate_over(self.over.len() - 1);
            } else if self.over.is_empty() && self.open.last().is_some_and(|top| top == name) {
                self.open.pop();
            }
        }
        if !self.over.is_empty() || self.open.len() >= MAX_DEPTH {
            self.over.push(name.to_owned());
            *self.over_counts.entry(name.to_owned()).or_default() += 1;
            false
        } else if FORMATTING.contains(&name) && self.formatting_open >= MAX_FORMATTING {
            *self.extra_formatting.entry(name.to_owned()).or_default() += 1;
            false
        } else {
            self.formatting_open += usize::from(FORMATTING.contains(&name));
            self.open.push(name.to_owned());
            true
        }
    }

    /// Tracks an element's end; false when its tag is dropped.
    fn end_tag(&mut self, name: &str) -> bool {
        // The search pays for itself: every element it passes is popped.
        if self.over_counts.get(name).is_some_and(|n| *n > 0)
            && let Some(index) = self.over.iter().rposition(|e| e == name)
        {
            self.truncate_over(index);
            return false;
        }
        if let Some(count) = self.extra_formatting.get_mut(name).filter(|n| **n > 0) {
            *count -= 1;
            return false;
        }
        if let Some(index) = self.open.iter().rposition(|e| e == name) {
            // Closing an element kept open also ends what was dropped inside it.
            self.truncate_over(0);
            let closed = self.open.drain(index..).filter(|e| FORMATTING.contains(&e.as_str())).count();
            self.formatting_open -= closed;
        }
        true
    }

    /// Ends the dropped elements from `index` on.
    fn truncate_over(&mut self, index: usize) {
        for name in self.over.drain(index..) {
            if let Some(count) = self.over_counts.get_mut(&name) {
                *count -= 1;
            }
        }
    }
}

/// A tag's name, lower-cased: up to a space, `/` or `>`.
fn tag_name(rest: &str) -> String {
    rest.split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn memchr(byte: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == byte)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = memchr(needle[0], &haystack[from..]) {
        let start = from + p;
        if haystack[start..].starts_with(needle) {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

/// Where `</name` (any case, then a space, `/` or `>`) starts.
fn find_end_tag(haystack: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = find(&haystack[from..], b"</") {
        let start = from + p;
        let after = &haystack[start + 2..];
        if after.len() >= name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && after.get(name.len()).is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return Some(start);
        }
        from = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deepest nesting in a parsed page, counted by walking every node
    /// once (the walk's node count is returned too).
    fn depth_and_nodes(html: &str) -> (usize, usize) {
        let document = dom_query::Document::from(html);
        let mut stack = vec![(document.root(), 0)];
        let (mut deepest, mut nodes) = (0, 0);
        while let Some((node, depth)) = stack.pop() {
            nodes += 1;
            deepest = deepest.max(depth);
            stack.extend(node.children().into_iter().map(|child| (child, depth + 1)));
        }
        (deepest, nodes)
    }

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let page = "<!DOCTYPE html><html><head><title>a < b</title><script>if (a<b) { x = '</div>'; }</script>\
                    </head><body><div class=x id='y' data-z=\"1 > 0\"><p>One<p>Two<ul><li>a<li>b</ul>\
                    <img src=x.png alt=\"\"/><br><!-- <div><div> --></div></body></html>";
        let (bounded, cut) = bound(page);
        assert!(matches!(bounded, Cow::Borrowed(_)), "{cut:?}");
        assert_eq!(cut.dropped_tags + cut.dropped_attributes, 0);
        assert_eq!(bounded, page);
    }

    #[test]
    fn deep_nesting_is_flattened_and_the_text_kept() {
        for depth in [1_000, 2_000, 4_000] {
            let page = format!("{}deep text{}", "<div>".repeat(depth), "</div>".repeat(depth));
            let (bounded, cut) = bound(&page);
            assert_eq!(cut.dropped_tags, 2 * (depth - MAX_DEPTH), "depth {depth}");
            assert_eq!(cut.tags, 2 * depth, "one visit per tag");
            let (deepest, nodes) = depth_and_nodes(&bounded);
            // html, body, then the divs kept, then the text.
            assert!(deepest <= MAX_DEPTH + 3, "depth {deepest}");
            assert!(nodes <= MAX_DEPTH + 6, "nodes {nodes}");
            assert!(bounded.contains("deep text"));
            assert!(cut.warning().contains(&format!("{} tags nested deeper than 256", cut.dropped_tags)));
        }
    }

    #[test]
    fn unclosed_paragraphs_and_items_do_not_count_as_depth() {
        let page = format!("<div>{}</div><p>after", "<p>para<ul><li>a<li>b</ul>".repeat(2_000));
        let (_, cut) = bound(&page);
        assert!(!cut.any(), "{cut:?}");
    }

    #[test]
    fn formatting_elements_left_open_are_bounded() {
        let page =
            format!("{}{}", (0..1_000).map(|i| format!("<b id={i}>")).collect::<String>(), "<p>x</p>".repeat(100));
        let (bounded, cut) = bound(&page);
        assert_eq!(cut.dropped_tags, 1_000 - MAX_FORMATTING);
        let (_, nodes) = depth_and_nodes(&bounded);
        // Each paragraph re-opens the formatting elements still open: at most 16 each.
        assert!(nodes < 100 * (MAX_FORMATTING + 3) + MAX_FORMATTING + 10, "nodes {nodes}");
    }

    #[test]
    fn attributes_beyond_the_cap_are_dropped() {
        let attributes: String = (0..10_000).map(|i| format!(" a{i}=\"v>{i}\"")).collect();
        let page = format!("<p{attributes}>kept text</p>");
        let (bounded, cut) = bound(&page);
        assert_eq!(cut.dropped_attributes, 10_000 - MAX_ATTRIBUTES);
        assert!(bounded.starts_with("<p a0=\"v>0\""), "{}", &bounded[..40]);
        assert!(bounded.contains(" a63=\"v>63\">kept text</p>"), "the last kept attribute, then the tag's end");
        assert!(!bounded.contains("a64="));
        let document = dom_query::Document::from(bounded.as_ref());
        assert_eq!(document.select("p").text().as_ref(), "kept text");
    }

    proptest::proptest! {
        /// Tag soup from a small alphabet that reaches the bounds: the pass
        /// never panics, only ever removes markup, and its output is within
        /// bounds (bounding it again cuts nothing).
        #[test]
        fn any_tag_soup_is_bounded_once_and_for_all(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<li>", "<ul>", "</ul>", "<br>", "<a x=1 y='>'>",
                    "</a>", "<script>", "</script>", "<!--", "-->", "text ", "<", ">", "\"", "<td>", "<tr>", "é",
                ]),
                0..400,
            ),
            repeat in 1usize..40,
        ) {
            let page: String = pieces.iter().map(|p| p.repeat(if p.starts_with('<') && !p.starts_with("</") { repeat } else { 1 })).collect();
            let (bounded, cut) = bound(&page);
            // Markup only goes (a stray `<` may become `&lt;`).
            proptest::prop_assert!(bounded.len() <= page.len() + 3 * page.matches('<').count());
            proptest::prop_assert_eq!(cut.any(), bounded != page);
            let (_, again) = bound(&bounded);
            proptest::prop_assert!(!again.any(), "{:?}", again);
        }
    }

    #[test]
    fn broken_markup_never_panics() {
        for page in ["<", "<a", "<a b=\"", "</", "</a", "<!--", "<!", "<script>", "<p a='x", "<é>", "<a\u{e9}=1>x"] {
            let (bounded, _) = bound(page);
            assert!(bounded.len() <= page.len() + 3, "{page:?}");
        }
    }
}
