//! Search: plain-text matches in every article, folding case and
//! diacritics (`sanchez` finds "Sánchez", `MILOSEVIC` "Milošević"), ordered
//! down the aligned rows so `n` walks down the screen.

use super::App;
use crate::model::Span;
use crate::tui::reader::Reader;

/// Matches beyond this many are not collected (a one-letter search in a
/// large set would otherwise allocate for nothing).
pub const MAX_MATCHES: usize = 20_000;

/// One match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchMatch {
    /// The article.
    pub article: usize,
    /// Where in its text.
    pub span: Span,
    /// Its aligned row (for ordering).
    pub row: usize,
}

/// The search: what is sought, where it was found, where the user is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    /// The text sought.
    pub query: String,
    /// Every match, ordered by row, article and offset.
    pub matches: Vec<SearchMatch>,
    /// The current match.
    pub current: Option<usize>,
    /// The search is confirmed: `n`/`N` step through matches until `Esc`.
    pub active: bool,
    /// More than [`MAX_MATCHES`] matched.
    pub truncated: bool,
}

impl SearchState {
    /// The matches in one article, sorted by offset.
    #[must_use]
    pub fn spans_in(&self, article: usize) -> Vec<Span> {
        let mut spans: Vec<Span> = self.matches.iter().filter(|m| m.article == article).map(|m| m.span).collect();
        spans.sort_unstable();
        spans
    }

    /// The current match, if any.
    #[must_use]
    pub fn current_match(&self) -> Option<SearchMatch> {
        self.current.and_then(|i| self.matches.get(i)).copied()
    }
}

/// Every match of `query` in the articles.
#[must_use]
pub fn find_matches(reader: &Reader, query: &str) -> (Vec<SearchMatch>, bool) {
    if query.is_empty() {
        return (Vec::new(), false);
    }
    // A name finds its whole set of spellings (the engine's name sets);
    // case and diacritics are folded, so "Sanchez" finds "Sánchez".
    let mut needles = vec![crate::normalize::fold_diacritics_lower(query)];
    for variant in reader.comparison().name_variants(query) {
        needles.push(crate::normalize::fold_diacritics_lower(&variant));
    }
    needles.retain(|needle| !needle.is_empty());
    needles.sort();
    needles.dedup();
    if needles.is_empty() {
        return (Vec::new(), false);
    }
    let mut matches: Vec<SearchMatch> = Vec::new();
    let mut truncated = false;
    'articles: for (article, content) in reader.comparison().articles.iter().enumerate() {
        let folded = reader.folded(article);
        for needle in &needles {
            for (at, _) in folded.text.match_indices(needle.as_str()) {
                if matches.len() == MAX_MATCHES {
                    truncated = true;
                    break 'articles;
                }
                let span = folded.original(at, at + needle.len(), content.text.len());
                if span.is_empty() || matches.iter().any(|m| m.article == article && m.span.overlaps(span)) {
                    continue;
                }
                let row = reader
                    .paragraph_at(article, span.start)
                    .and_then(|p| reader.row_of_paragraph(article, p))
                    .unwrap_or(0);
                matches.push(SearchMatch { article, span, row });
            }
        }
    }
    matches.sort_by_key(|m| (m.row, m.article, m.span.start));
    (matches, truncated)
}

impl App {
    /// Re-runs the search for the prompt's text (as it is typed).
    pub(super) fn update_search(&mut self, query: &str) {
        let Some(reader) = self.reader() else { return };
        let (matches, truncated) = find_matches(reader, query);
        self.search = SearchState { query: query.to_owned(), matches, current: None, active: false, truncated };
    }

    /// Confirms the search and goes to the first match below the focused pane's top.
    pub(super) fn confirm_search(&mut self, query: &str) {
        self.update_search(query);
        if self.search.matches.is_empty() {
            let shown = crate::normalize::clean_line(query);
            self.search = SearchState::default();
            if !shown.is_empty() {
                self.error(format!("not found: {shown}"));
            }
            return;
        }
        self.search.active = true;
        let row = self.positions.get(self.focus).map_or(0, |p| p.row);
        let start = self.search.matches.iter().position(|m| m.row >= row).unwrap_or(0);
        self.goto_match(start);
        if self.search.truncated {
            self.info(format!("showing the first {MAX_MATCHES} matches"));
        }
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let count = self.search.matches.len();
        if count == 0 {
            return;
        }
        let next = match (self.search.current, forward) {
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
            (None, true) => 0,
            (None, false) => count - 1,
        };
        if forward && next == 0 && count > 1 {
            self.info("search wrapped to the top");
        } else if !forward && next + 1 == count && count > 1 {
            self.info("search wrapped to the bottom");
        }
        self.goto_match(next);
    }

    fn goto_match(&mut self, index: usize) {
        let Some(found) = self.search.matches.get(index).copied() else { return };
        self.search.current = Some(index);
        self.show_byte(found.article, found.span.start);
    }
}
