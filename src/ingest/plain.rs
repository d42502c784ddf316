//! Plain text: paragraphs are separated by blank lines; a paragraph that is
//! hard-wrapped is re-joined, while one line per paragraph (as copied from
//! a browser) keeps each line apart. A `Source:` line among the first
//! lines names the outlet (also when no blank line follows it), and image
//! markup (`![alt](src)`, `<img alt=…>`, `[Image: …]`) is a caption.

use super::{BlockRole, Document, Metadata, TextBuilder, source_line};

/// Parses cleaned plain text into a document.
#[must_use]
pub fn parse(source: &str, text: &str) -> Document {
    let mut builder = TextBuilder::default();
    let mut meta = Metadata::default();
    let mut seen = 0;
    for chunk in (BlankLineSplit { rest: text }) {
        let mut lines: Vec<&str> = chunk.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        // Lines that are not prose stand alone: the outlet line (only among
        // the first lines: further down "Source: the health office" is a
        // citation) and image markup.
        let mut kept = Vec::with_capacity(lines.len());
        for line in lines.drain(..) {
            seen += 1;
            if meta.outlet.is_none()
                && seen <= OUTLET_LINES
                && let Some(outlet) = source_line(line)
            {
                flush(&mut builder, &mut kept);
                meta.outlet = Some(outlet);
                builder.push(line, BlockRole::Boilerplate);
            } else if seen <= OUTLET_LINES && is_meta_line(line) {
                // "Date: 2026-03-04", "By: …": the article's particulars, not its text.
                flush(&mut builder, &mut kept);
                builder.push(line, BlockRole::Boilerplate);
            } else if let Some(caption) = image_caption(line) {
                flush(&mut builder, &mut kept);
                if !caption.is_empty() {
                    builder.push(&caption, BlockRole::Caption);
                }
            } else {
                kept.push(line);
            }
        }
        flush(&mut builder, &mut kept);
    }
    let (text, blocks) = builder.finish();
    Document { source: source.to_owned(), text, blocks, meta, provenance: Default::default() }
}

/// How many lines from the top a `Source:` line may name the outlet in.
const OUTLET_LINES: usize = 12;

/// Pushes the lines gathered so far, joined when hard-wrapped.
fn flush(builder: &mut TextBuilder, lines: &mut Vec<&str>) {
    if lines.is_empty() {
        return;
    }
    if is_hard_wrapped(lines) {
        builder.push(&lines.join(" "), BlockRole::Body);
    } else {
        for line in lines.iter() {
            builder.push(line, BlockRole::Body);
        }
    }
    lines.clear();
}

/// A labelled particulars line near the top: `Date:`, `Published:`, `By:`, …
fn is_meta_line(line: &str) -> bool {
    let Some((label, value)) = line.split_once(':') else { return false };
    let label = label.trim().to_ascii_lowercase();
    ["date", "published", "updated", "posted", "author", "authors", "by", "byline", "dateline"]
        .contains(&label.as_str())
        && !value.trim().is_empty()
        && value.split_whitespace().count() <= 12
}

/// The caption of a line that is image markup, `None` for any other line
/// (an image without alternative text gives an empty caption).
fn image_caption(line: &str) -> Option<String> {
    if let Some(rest) = line.strip_prefix("![") {
        let (alt, tail) = rest.split_once("](")?;
        return tail.trim_end().ends_with(')').then(|| alt.trim().to_owned());
    }
    let lower = line.to_ascii_lowercase();
    if lower.starts_with("<img") && line.ends_with('>') {
        let alt = lower.find("alt=").map(|at| &line[at + 4..]).unwrap_or_default();
        let quote = alt.chars().next().filter(|c| *c == '"' || *c == '\'');
        return Some(match quote {
            Some(q) => alt[1..].split(q).next().unwrap_or_default().trim().to_owned(),
            None => String::new(),
        });
    }
    for label in ["[image:", "[photo:", "[picture:", "[caption:"] {
        if lower.starts_with(label) && line.ends_with(']') {
            return Some(line[label.len()..line.len() - 1].trim().to_owned());
        }
    }
    None
}

/// Splits text into chunks at lines that are empty or hold only whitespace.
struct BlankLineSplit<'a> {
    rest: &'a str,
}

impl<'a> Iterator for BlankLineSplit<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let mut offset = 0;
        for line in self.rest.split_inclusive('\n') {
            if line.trim().is_empty() && offset > 0 {
                let (head, tail) = self.rest.split_at(offset);
                self.rest = &tail[line.len()..];
                return Some(head);
            }
            offset += line.len();
        }
        let head = self.rest;
        self.rest = "";
        Some(head)
    }
}

/// A paragraph whose lines were wrapped at a fixed width: most lines end
/// mid-sentence and no line is very long. List items are never joined.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 2 {
        return true;
    }
    if lines.iter().any(|l| is_list_item(l)) {
        return false;
    }
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let ending_sentences = lines[..lines.len() - 1]
        .iter()
        .filter(|l| l.ends_with(['.', '!', '?', '"', '\u{201d}', ':', '。', '！', '？']))
        .count();
    longest <= 100 && ending_sentences * 2 < lines.len() - 1 + usize::from(lines.len() == 2)
}

fn is_list_item(line: &str) -> bool {
    let bullet = line.starts_with(['-', '*', '•', '–', '·']) && line.chars().nth(1) == Some(' ');
    let numbered = {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && digits < 4 && line[digits..].starts_with(['.', ')']) && line[digits + 1..].starts_with(' ')
    };
    bullet || numbered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::BlockRole;

    fn blocks(text: &str) -> Vec<String> {
        let document = parse("t.txt", text);
        document.blocks.iter().map(|b| document.text[b.span.range()].to_owned()).collect()
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_wrapped_lines_rejoin() {
        let text =
            "Title line\n\nThe dam burst late on Tuesday and the\nriver poured into the town.\n   \nSecond paragraph.";
        assert_eq!(
            blocks(text),
            ["Title line", "The dam burst late on Tuesday and the river poured into the town.", "Second paragraph."]
        );
    }

    #[test]
    fn one_paragraph_per_line_stays_apart() {
        let text = "First paragraph ends here.\nSecond paragraph ends here.\nThird one too.";
        assert_eq!(blocks(text), ["First paragraph ends here.", "Second paragraph ends here.", "Third one too."]);
    }

    #[test]
    fn list_items_stay_apart() {
        assert_eq!(blocks("- one item\n- two items"), ["- one item", "- two items"]);
    }

    #[test]
    fn a_source_line_among_the_first_lines_stands_alone() {
        let document = parse("a.txt", "Home › News\nSource: Kanal Nord\nDam bursts above Velmora\n\nBody text here.");
        assert_eq!(document.meta.outlet.as_deref(), Some("Kanal Nord"));
        assert_eq!(blocks("Home › News\nSource: Kanal Nord\nDam bursts above Velmora")[1], "Source: Kanal Nord");
        let dated = parse("c.txt", "Source: Wire\nDate: 2024-03-04\n\nBody.");
        assert_eq!(dated.meta.outlet.as_deref(), Some("Wire"));
        assert_eq!(dated.blocks[1].role, BlockRole::Boilerplate, "a Date: line is particulars");
        let far = format!("{}Source: the regional health office", "A line.\n".repeat(20));
        assert_eq!(parse("b.txt", &far).meta.outlet, None, "a citation further down is not the outlet");
    }

    #[test]
    fn image_markup_is_a_caption() {
        let document = parse(
            "a.txt",
            "Title\n\n![Rescue boats on Quay Road](boats.jpg)\n<img src=\"x.png\" alt=\"The breach\">\n[Image: Map of Velmora]\n![](x.png)",
        );
        let captions: Vec<&str> = document
            .blocks
            .iter()
            .filter(|b| b.role == BlockRole::Caption)
            .map(|b| &document.text[b.span.range()])
            .collect();
        assert_eq!(captions, ["Rescue boats on Quay Road", "The breach", "Map of Velmora"]);
        assert!(!document.text.contains("png"), "{}", document.text);
    }

    #[test]
    fn source_line_names_the_outlet() {
        let document = parse("a.txt", "Source: The Northern Courier\n\nHeadline");
        assert_eq!(document.meta.outlet.as_deref(), Some("The Northern Courier"));
        assert_eq!(document.blocks[0].role, BlockRole::Boilerplate);
    }
}
