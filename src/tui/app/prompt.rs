//! The one-line prompt for a search or an export path, and the export
//! itself (the same render and atomic write as the headless `--export`).

use super::{App, ReviewFilter};
use crate::normalize::clean_line;
use crate::report::{self, ReportFormat};
use crate::tui::keymap::Key;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::sync::Arc;
use unicode_segmentation::UnicodeSegmentation;

/// What the prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Text to search for.
    Search,
    /// Where to write a report.
    Export,
    /// With a filter on: export every discrepancy or only those shown.
    Scope,
}

impl PromptKind {
    /// The label before the input.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Search => "/",
            Self::Export => "Export to: ",
            Self::Scope => "Export all discrepancies (a) or as filtered (f)? ",
        }
    }
}

/// A line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub kind: PromptKind,
    /// The text so far.
    pub input: String,
    /// The cursor, a byte offset at a character boundary.
    pub cursor: usize,
}

impl Prompt {
    fn new(kind: PromptKind, input: String) -> Self {
        let cursor = input.len();
        Self { kind, input, cursor }
    }

    /// Applies an editing key; false when the key means nothing here.
    fn edit(&mut self, key: Key) -> bool {
        let control = key.modifiers().contains(KeyModifiers::CONTROL);
        match key.code() {
            KeyCode::Char('u') if control => {
                self.input.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            KeyCode::Char('w') if control => {
                let before = &self.input[..self.cursor];
                let word_start = before.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.input.replace_range(word_start..self.cursor, "");
                self.cursor = word_start;
            }
            KeyCode::Char(c) if !control && !key.modifiers().contains(KeyModifiers::ALT) && !c.is_control() => {
                self.input.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            KeyCode::Backspace => {
                if let Some((start, _)) = self.input[..self.cursor].grapheme_indices(true).next_back() {
                    self.input.replace_range(start..self.cursor, "");
                    self.cursor = start;
                }
            }
            KeyCode::Delete => {
                if let Some(grapheme) = self.input[self.cursor..].graphemes(true).next() {
                    let end = self.cursor + grapheme.len();
                    self.input.replace_range(self.cursor..end, "");
                }
            }
            KeyCode::Left => {
                self.cursor = self.input[..self.cursor].grapheme_indices(true).next_back().map_or(0, |(i, _)| i);
            }
            KeyCode::Right => {
                self.cursor += self.input[self.cursor..].graphemes(true).next().map_or(0, str::len);
            }
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.input.len(),
            _ => return false,
        }
        true
    }
}

impl App {
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        let input = match kind {
            PromptKind::Search => String::new(),
            PromptKind::Export => self.export.default_path.clone(),
            PromptKind::Scope => String::new(),
        };
        if kind == PromptKind::Search {
            self.search = super::SearchState::default();
        }
        self.prompt = Some(Prompt::new(kind, input));
    }

    pub(super) fn edit_prompt(&mut self, key: Key) {
        if self.prompt.as_ref().is_some_and(|p| p.kind == PromptKind::Scope) {
            let filtered = match key.code() {
                KeyCode::Char('a' | 'A') => false,
                KeyCode::Char('f' | 'F') => true,
                _ => return,
            };
            self.prompt = None;
            if let Some(path) = self.pending_export.take() {
                self.write_report(&path, filtered);
            }
            return;
        }
        let Some(prompt) = self.prompt.as_mut() else { return };
        if !prompt.edit(key) {
            return;
        }
        if prompt.kind == PromptKind::Search {
            let query = prompt.input.clone();
            self.update_search(&query);
        }
    }

    pub(super) fn confirm_prompt(&mut self) {
        let Some(prompt) = self.prompt.take() else { return };
        match prompt.kind {
            PromptKind::Search => self.confirm_search(&prompt.input),
            PromptKind::Export => self.export_report(prompt.input.trim()),
            // Enter alone does not choose: the question stays.
            PromptKind::Scope => self.prompt = Some(prompt),
        }
    }

    pub(super) fn cancel_prompt(&mut self) {
        self.pending_export = None;
        if let Some(prompt) = self.prompt.take()
            && prompt.kind == PromptKind::Search
        {
            self.search = super::SearchState::default();
        }
    }

    /// Writes the report to `path`; failures keep the session and say why.
    pub(crate) fn export_report(&mut self, path: &str) {
        if path.is_empty() {
            return;
        }
        let shown = clean_line(path);
        if ReportFormat::from_path(path).is_none() {
            self.error(format!(
                "cannot tell the report format from '{shown}': use an extension ({})",
                ReportFormat::list()
            ));
            return;
        }
        if self.is_filtered() || self.export_review_filter() != ReviewFilter::All {
            // The filter hides some kinds or review states: ask what the report should hold.
            self.pending_export = Some(path.to_owned());
            self.prompt = Some(Prompt::new(PromptKind::Scope, String::new()));
            return;
        }
        self.write_report(path, false);
    }

    /// The review filter as it applies to an export "as filtered" (the
    /// stale view lists no discrepancy, so it filters nothing).
    fn export_review_filter(&self) -> ReviewFilter {
        match self.review_filter() {
            ReviewFilter::Stale => ReviewFilter::All,
            other => other,
        }
    }

    /// Renders and writes the report: every discrepancy, or only the kinds
    /// and review states the filters show (the report then says so).
    fn write_report(&mut self, path: &str, filtered: bool) {
        let shown = clean_line(path);
        let Some(format) = ReportFormat::from_path(path) else { return };
        let Some(reader) = self.reader() else { return };
        let comparison = reader.comparison();
        // With a review, the report carries it (and shows the corrected comparison the panes show).
        let reviewed = self.reviewed_arc().filter(|r| !r.review.is_empty());
        let result = if filtered {
            let mut part = comparison.clone();
            part.discrepancies.retain(|d| self.kind_shown(d.kind));
            let kinds: Vec<&str> = crate::model::DiscrepancyKind::ALL
                .iter()
                .filter(|k| self.kind_shown(**k))
                .map(|k| k.as_str())
                .collect();
            let review_filter = self.export_review_filter();
            let reviewed = reviewed.map(|r| {
                let shown = |r: &crate::review::Reviewed, i: usize| {
                    r.comparison.discrepancies.get(i).is_some_and(|d| self.kind_shown(d.kind))
                        && review_filter.shows(r.state(i))
                };
                Arc::new(Arc::unwrap_or_clone(r).retain(shown))
            });
            let kept = reviewed.as_ref().map_or(part.discrepancies.len(), |r| r.comparison.discrepancies.len());
            let by_review = match review_filter {
                ReviewFilter::All => String::new(),
                other => format!("; review: {}", other.label()),
            };
            let scope = format!(
                "as filtered in the reader: {}{by_review} ({kept} of {} discrepancies)",
                if kinds.is_empty() { "none".to_owned() } else { kinds.join(", ") },
                comparison.discrepancies.len()
            );
            let context = report::ReportContext { scope: Some(scope), ..self.export.context.clone() };
            // The review goes with the part it is about: corrections stay the reviewer's.
            let text = match reviewed {
                Some(reviewed) => report::render_reviewed(reviewed, format, &context),
                None => report::render(&part, format, &context),
            };
            report::write_atomic(path, &text, &self.export.inputs)
        } else {
            let text = match reviewed {
                Some(reviewed) => report::render_reviewed(reviewed, format, &self.export.context),
                None => report::render(comparison, format, &self.export.context),
            };
            report::write_atomic(path, &text, &self.export.inputs)
        };
        let what = if filtered { "as filtered" } else { "all discrepancies" };
        match result {
            Ok(()) => self.info(format!("report written to {shown} ({what})")),
            Err(error) => self.error(clean_line(&error.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> Prompt {
        let mut prompt = Prompt::new(PromptKind::Search, String::new());
        for key in keys {
            prompt.edit(*key);
        }
        prompt
    }

    #[test]
    fn editing_keys_work_on_graphemes() {
        let k = Key::char;
        let backspace = Key::new(KeyCode::Backspace, KeyModifiers::NONE);
        let left = Key::new(KeyCode::Left, KeyModifiers::NONE);
        let prompt = typed(&[k('d'), k('a'), k('m'), k('é'), backspace, left, k('x')]);
        assert_eq!(prompt.input, "daxm");
        assert_eq!(prompt.cursor, 3);
        let clear = Key::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(typed(&[k('a'), k('b'), clear, k('c')]).input, "c");
        let word = Key::new(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(typed(&[k('o'), k('n'), k('e'), k(' '), k('t'), k('w'), k('o'), word]).input, "one ");
    }
}
