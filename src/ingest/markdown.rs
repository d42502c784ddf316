//! Markdown: headings, paragraphs, list items and table rows become blocks;
//! links keep only their text; an image becomes a caption block holding its
//! description; raw HTML and front matter are dropped.

use super::{BlockRole, Document, Metadata, TextBuilder, source_line};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Parses cleaned Markdown into a document.
#[must_use]
pub fn parse(source: &str, markdown: &str) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_FOOTNOTES;
    let mut state = State::default();
    for event in Parser::new_ext(markdown, options) {
        state.handle(event);
    }
    state.flush();
    let (text, blocks) = state.builder.finish();
    Document { source: source.to_owned(), text, blocks, meta: state.meta, provenance: Default::default() }
}

#[derive(Default)]
struct State {
    builder: TextBuilder,
    meta: Metadata,
    /// Text of the block being read.
    current: String,
    role: Option<BlockRole>,
    /// Image descriptions met inside the current block.
    captions: Vec<String>,
    /// Nesting depth of images (their text is the description).
    in_image: usize,
    in_metadata: bool,
    seen_title: bool,
}

impl State {
    fn handle(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => self.in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => self.in_metadata = false,
            _ if self.in_metadata => {}
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush();
                let is_title = level == HeadingLevel::H1 && !self.seen_title;
                self.seen_title |= is_title;
                self.role = Some(if is_title { BlockRole::Title } else { BlockRole::Heading });
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableRow | Tag::TableHead | Tag::CodeBlock(_)) => {
                self.flush();
            }
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => self.flush(),
            Event::End(TagEnd::TableCell) => self.current.push_str(" | "),
            Event::Start(Tag::Image { .. }) => {
                self.in_image += 1;
                self.captions.push(String::new());
            }
            Event::End(TagEnd::Image) => self.in_image = self.in_image.saturating_sub(1),
            Event::Text(text) | Event::Code(text) => self.push_text(&text),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            // Raw HTML inside Markdown is markup, not article text.
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.in_image > 0 {
            if let Some(caption) = self.captions.last_mut() {
                caption.push_str(text);
            }
        } else {
            self.current.push_str(text);
        }
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        let text = text.trim().trim_end_matches('|').trim();
        let role = self.role.take().unwrap_or(BlockRole::Body);
        if !text.is_empty() {
            if self.meta.outlet.is_none()
                && let Some(outlet) = source_line(text)
            {
                self.meta.outlet = Some(outlet);
                self.builder.push(text, BlockRole::Boilerplate);
            } else {
                if role == BlockRole::Title && self.meta.title.is_none() {
                    self.meta.title = Some(crate::normalize::collapse_spaces(text));
                }
                self.builder.push(text, role);
            }
        }
        for caption in std::mem::take(&mut self.captions) {
            self.builder.push(&caption, BlockRole::Caption);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(markdown: &str) -> Vec<(String, BlockRole)> {
        let document = parse("a.md", markdown);
        document.blocks.iter().map(|b| (document.text[b.span.range()].to_owned(), b.role)).collect()
    }

    #[test]
    fn headings_paragraphs_images_and_links() {
        let markdown = "---\ntitle: x\n---\n# Dam bursts\n\nWater *rose* fast, the [health office](https://x.example) said.\n\n![Boats on Quay Road](boats.jpg)\n\n## Warnings\n\n- one\n- two\n\n<div>ad</div>\n";
        assert_eq!(
            blocks(markdown),
            [
                ("Dam bursts".into(), BlockRole::Title),
                ("Water rose fast, the health office said.".into(), BlockRole::Body),
                ("Boats on Quay Road".into(), BlockRole::Caption),
                ("Warnings".into(), BlockRole::Heading),
                ("one".into(), BlockRole::Body),
                ("two".into(), BlockRole::Body),
            ]
        );
        assert_eq!(parse("a.md", markdown).meta.title.as_deref(), Some("Dam bursts"));
    }

    #[test]
    fn source_line_and_breadcrumb_links() {
        let document = parse("a.md", "Source: The Northern Courier\n\n[World](/w) › [Europe](/e)\n");
        assert_eq!(document.meta.outlet.as_deref(), Some("The Northern Courier"));
        assert_eq!(&document.text[document.blocks[1].span.range()], "World › Europe");
    }
}
