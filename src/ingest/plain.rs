//! Plain text: paragraphs are separated by blank lines; a paragraph that is
//! hard-wrapped is re-joined, while one line per paragraph (as copied from
//! a browser) keeps each line apart.

use super::{BlockRole, Document, Metadata, TextBuilder, source_line};

/// Parses cleaned plain text into a document.
#[must_use]
pub fn parse(source: &str, text: &str) -> Document {
    let mut builder = TextBuilder::default();
    let mut meta = Metadata::default();
    for chunk in (BlankLineSplit { rest: text }) {
        let lines: Vec<&str> = chunk.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        if is_hard_wrapped(&lines) {
            push_line(&mut builder, &mut meta, &lines.join(" "));
        } else {
            for line in lines {
                push_line(&mut builder, &mut meta, line);
            }
        }
    }
    let (text, blocks) = builder.finish();
    Document { source: source.to_owned(), text, blocks, meta, provenance: Default::default() }
}

fn push_line(builder: &mut TextBuilder, meta: &mut Metadata, line: &str) {
    if meta.outlet.is_none()
        && let Some(outlet) = source_line(line)
    {
        meta.outlet = Some(outlet);
        builder.push(line, BlockRole::Boilerplate);
        return;
    }
    builder.push(line, BlockRole::Body);
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
    fn source_line_names_the_outlet() {
        let document = parse("a.txt", "Source: The Northern Courier\n\nHeadline");
        assert_eq!(document.meta.outlet.as_deref(), Some("The Northern Courier"));
        assert_eq!(document.blocks[0].role, BlockRole::Boilerplate);
    }
}
