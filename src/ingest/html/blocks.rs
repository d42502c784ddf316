//! The readable part of a page as blocks: paragraphs, headings, list items,
//! quotes, table rows and figure captions, each with its role. Inline
//! markup (links, emphasis, spans) is flattened into its block's text.

use crate::ingest::BlockRole;
use dom_query::NodeRef;

/// One block of extracted text, not yet cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    /// The block's text (whitespace not yet collapsed).
    pub text: String,
    /// Its role.
    pub role: BlockRole,
    /// True when every word of the block sits inside a link ("Related:
    /// How the dam was built"), the mark of a link list rather than prose.
    pub all_link: bool,
}

/// Elements that start and end a block.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "br"
    )
}

/// Elements whose content is never read.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "img"
            | "picture"
            | "video"
            | "audio"
            | "iframe"
            | "button"
    )
}

/// Collects the blocks under `root` in document order.
#[must_use]
pub fn collect(root: &NodeRef<'_>) -> Vec<RawBlock> {
    let mut walker = Walker::default();
    walker.children(root, BlockRole::Body, false);
    walker.flush(BlockRole::Body);
    walker.blocks
}

#[derive(Default)]
struct Walker {
    blocks: Vec<RawBlock>,
    current: String,
    /// Characters of the current block that lie outside links.
    unlinked_letters: usize,
}

impl Walker {
    fn children(&mut self, node: &NodeRef<'_>, role: BlockRole, in_link: bool) {
        for child in node.children_it(false) {
            self.node(&child, role, in_link);
        }
    }

    fn node(&mut self, node: &NodeRef<'_>, role: BlockRole, in_link: bool) {
        if node.is_text() {
            let text = node.text();
            if !in_link {
                self.unlinked_letters += text.chars().filter(|c| c.is_alphanumeric()).count();
            }
            self.current.push_str(&text);
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if is_skipped(&name) {
            return;
        }
        let in_link = in_link || name == "a";
        match name.as_str() {
            "td" | "th" => {
                self.children(node, role, in_link);
                self.current.push_str(" | ");
            }
            _ if is_block(&name) => {
                self.flush(role);
                let inner = match name.as_str() {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockRole::Heading,
                    "figcaption" | "caption" => BlockRole::Caption,
                    _ if has_class(node, super::CAPTION_CLASSES) => BlockRole::Caption,
                    _ if has_class(node, super::STANDFIRST_CLASSES) => BlockRole::Heading,
                    _ => role,
                };
                self.children(node, inner, in_link);
                self.flush(inner);
            }
            _ => self.children(node, role, in_link),
        }
    }

    fn flush(&mut self, role: BlockRole) {
        let text = std::mem::take(&mut self.current);
        let unlinked = std::mem::take(&mut self.unlinked_letters);
        let trimmed = text.trim().trim_end_matches('|').trim();
        if trimmed.chars().any(char::is_alphanumeric) {
            self.blocks.push(RawBlock { text: trimmed.to_owned(), role, all_link: unlinked == 0 });
        }
    }
}

/// True when the element has one of `classes`: captions outside
/// `<figcaption>` and standfirsts (see `html::CAPTION_CLASSES`).
fn has_class(node: &NodeRef<'_>, classes: &[&str]) -> bool {
    node.class()
        .is_some_and(|names| names.split_whitespace().any(|c| classes.contains(&c.to_ascii_lowercase().as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn blocks(html: &str) -> Vec<(String, BlockRole, bool)> {
        let document = Document::fragment(html);
        collect(&document.root())
            .into_iter()
            .map(|b| (crate::normalize::collapse_spaces(&b.text), b.role, b.all_link))
            .collect()
    }

    #[test]
    fn paragraphs_headings_captions_lists_and_tables() {
        let html = "<div><p>The dam <em>burst</em> at\n 6 a.m.</p><h2>Warnings</h2>\
            <figure><img src=x.jpg><figcaption>Boats on Quay Road.</figcaption></figure>\
            <ul><li>one</li><li><a href=/r>Related story</a></li></ul>\
            <table><tr><td>Dead</td><td>3</td></tr></table>\
            <p>Line one<br>line two</p><p class=wp-caption-text>A caption</p></div>";
        assert_eq!(
            blocks(html),
            [
                ("The dam burst at 6 a.m.".into(), BlockRole::Body, false),
                ("Warnings".into(), BlockRole::Heading, false),
                ("Boats on Quay Road.".into(), BlockRole::Caption, false),
                ("one".into(), BlockRole::Body, false),
                ("Related story".into(), BlockRole::Body, true),
                ("Dead | 3".into(), BlockRole::Body, false),
                ("Line one".into(), BlockRole::Body, false),
                ("line two".into(), BlockRole::Body, false),
                ("A caption".into(), BlockRole::Caption, false),
            ]
        );
    }
}
