//! An article's text folded for search (case and diacritics), built once
//! per reader rather than on every keystroke of the search prompt.

use crate::model::Span;

/// A text folded for search, with the way back to the original bytes.
#[derive(Debug)]
pub struct Folded {
    /// The folded text (lower case, no diacritics).
    pub text: String,
    /// For each byte of `text`: where the character it came from starts in the original.
    origin: Vec<usize>,
}

impl Folded {
    /// Folds `original`, keeping where each byte came from.
    #[must_use]
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut buffer = [0u8; 4];
        for (at, c) in original.char_indices() {
            let before = text.len();
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
            } else {
                text.push_str(&crate::normalize::fold_diacritics_lower(c.encode_utf8(&mut buffer)));
            }
            origin.resize(origin.len() + (text.len() - before), at);
        }
        Self { text, origin }
    }

    /// The original span of folded bytes `start..end`: from the start of
    /// the first character to the end of the last one.
    pub fn original(&self, start: usize, end: usize, length: usize) -> Span {
        let from = self.origin.get(start).copied().unwrap_or(length);
        // The end is where the character after the match starts.
        let to = self.origin.get(end).copied().unwrap_or(length);
        Span::new(from, to.max(from))
    }
}
