//! Reviewing in the reader: verdicts, notes, pinned values, "these say the
//! same" (merge) and "these differ" (split), the review filter and undo.
//!
//! The review itself is the engine's ([`crate::review`]): this module turns
//! actions into changes of a [`Review`], saves it after every change, and
//! keeps the panes on the corrected comparison ([`crate::review::apply`]).

use super::App;
use super::Phase;
use crate::model::{Comparison, DiscrepancyKind};
use crate::review::fingerprint::{self, mention_key, sentence_key};
use crate::review::{self, Change, Correction, Pinned, Review, Reviewed, State, Verdict, store};
use crate::tui::action::Action;
use crate::tui::reader::Reader;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use std::sync::Arc;

/// Which discrepancies the list and `n`/`N` go through, by review state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewFilter {
    /// Every discrepancy.
    #[default]
    All,
    /// Only those without a verdict: `n`/`N` skip reviewed items.
    Unreviewed,
    /// Only those with this verdict.
    Only(Verdict),
    /// No discrepancy: the list shows the stale verdicts and corrections
    /// (whose finding is gone since an article changed).
    Stale,
}

impl ReviewFilter {
    /// The next filter in the cycle the key steps through.
    #[must_use]
    pub const fn next(self) -> Self {
        match self {
            Self::All => Self::Unreviewed,
            Self::Unreviewed => Self::Only(Verdict::Confirmed),
            Self::Only(Verdict::Confirmed) => Self::Only(Verdict::Disputed),
            Self::Only(Verdict::Disputed) => Self::Only(Verdict::FalseAlarm),
            Self::Only(Verdict::FalseAlarm) => Self::Only(Verdict::Ignored),
            Self::Only(Verdict::Ignored) => Self::Stale,
            Self::Stale => Self::All,
        }
    }

    /// How the status line names it.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::All => "all".to_owned(),
            Self::Unreviewed => "unreviewed".to_owned(),
            Self::Only(verdict) => verdict.label().to_owned(),
            Self::Stale => "stale".to_owned(),
        }
    }

    /// Whether a discrepancy in `state` passes.
    #[must_use]
    pub fn shows(self, state: State) -> bool {
        match self {
            Self::All => true,
            Self::Unreviewed => state == State::Unreviewed,
            Self::Only(verdict) => state == State::Judged(verdict),
            Self::Stale => false,
        }
    }
}

/// What the text editor is editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The free-text note.
    Note,
    /// The pinned value (first line) and its source (the rest).
    Pin,
}

/// The multi-line editor for a note or a pinned value.
#[derive(Debug)]
pub struct NoteEditor {
    /// Note or pinned value.
    pub kind: NoteKind,
    /// The discrepancy it is about (index into the shown comparison).
    pub target: usize,
    /// The text being edited.
    pub textarea: TextArea<'static>,
}

/// The reader's side of the review.
#[derive(Debug, Default)]
pub struct ReviewState {
    /// Where the review is kept (`None`: not kept, e.g. in tests).
    pub(crate) location: Option<store::Location>,
    /// The file changes are saved to.
    pub(crate) save_to: Option<PathBuf>,
    /// The engine's comparison, before corrections.
    pub(crate) base: Option<Arc<Comparison>>,
    /// The review as it stands.
    pub(crate) review: Option<Review>,
    /// The review applied; its comparison is the one the panes show.
    pub(crate) reviewed: Option<Arc<Reviewed>>,
    /// Earlier states, for undo (newest last).
    pub(crate) undo: Vec<Review>,
    /// The review filter.
    pub(crate) filter: ReviewFilter,
    /// The first side of a merge ("these say the same"), waiting for the second.
    pub(crate) merge_from: Option<MergePick>,
    /// The note or pin editor, when open.
    pub(crate) note: Option<NoteEditor>,
}

/// One side of a merge ("these say the same").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MergePick {
    /// A discrepancy (its index): a figure, or a detail only one article reports.
    Item(usize),
    /// A shared statement (picked at the top of the focused pane).
    Statement(crate::model::SentenceRef),
}

/// How many rows below the top of the pane "these differ" looks for a
/// shared statement when nothing is selected.
const SPLIT_LOOKAHEAD: usize = 6;

/// Undo keeps this many steps.
const UNDO_DEPTH: usize = 100;

/// The time a change is recorded with (RFC 3339, UTC, to the second).
fn now() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl App {
    /// Opens the review of a finished comparison (restoring a saved one)
    /// and shows the comparison as corrected.
    pub(crate) fn start_review(&mut self, comparison: Arc<Comparison>) {
        let articles = review::articles_of(&comparison);
        let opened = match &self.review.location {
            Some(location) => store::open(location, articles),
            None => store::Opened { review: Review::new(articles), path: None, notice: None },
        };
        let restored = !opened.review.is_empty();
        self.review.base = Some(comparison);
        self.review.save_to = opened.path;
        self.review.review = Some(opened.review);
        self.review.undo.clear();
        self.refresh_review(true);
        if let Some(notice) = opened.notice {
            self.error(notice);
        } else if restored && let Some(reviewed) = &self.review.reviewed {
            let (done, total) = reviewed.progress();
            let stale = reviewed.stale_verdicts.len() + reviewed.stale_corrections.len();
            let stale = if stale > 0 { format!(", {stale} stale") } else { String::new() };
            let corrections = match reviewed.review.corrections.len() {
                0 => String::new(),
                1 => ", 1 correction".to_owned(),
                n => format!(", {n} corrections"),
            };
            self.info(format!("review restored: {done}/{total} reviewed{corrections}{stale}"));
        }
    }

    /// Applies the review again; with `rebuild`, the panes take the newly
    /// corrected comparison (the selection follows its discrepancy).
    fn refresh_review(&mut self, rebuild: bool) {
        let (Some(base), Some(review)) = (&self.review.base, &self.review.review) else { return };
        let before =
            self.selected.and_then(|s| self.review.reviewed.as_ref()?.entries.get(s).map(|e| e.fingerprint.clone()));
        let reviewed = review::apply(base, review);
        if rebuild {
            let shown =
                if review.corrections.is_empty() { Arc::clone(base) } else { Arc::new(reviewed.comparison.clone()) };
            // The list's order is the corrected comparison's: corrections
            // add, remove and reorder discrepancies.
            self.ordered = crate::report::order::ordered(&shown, self.order);
            self.phase = Phase::Ready(Box::new(Reader::new(shown, self.theme.markers)));
            let now: Vec<_> = reviewed.entries.iter().map(|e| e.fingerprint.clone()).collect();
            self.selected = before.and_then(|f| fingerprint::attach(&f, &now));
            self.review.merge_from = None;
        }
        self.review.reviewed = Some(Arc::new(reviewed));
    }

    /// The review applied, when the comparison is ready.
    #[must_use]
    pub fn reviewed(&self) -> Option<&Reviewed> {
        self.review.reviewed.as_deref()
    }

    /// The review applied, shared (for exports).
    #[must_use]
    pub fn reviewed_arc(&self) -> Option<Arc<Reviewed>> {
        self.review.reviewed.clone()
    }

    /// The review state of discrepancy `index`.
    #[must_use]
    pub fn review_state(&self, index: usize) -> State {
        self.reviewed().map_or(State::Unreviewed, |r| r.state(index))
    }

    /// Whether the review filter shows discrepancy `index`.
    #[must_use]
    pub fn review_shown(&self, index: usize) -> bool {
        self.review.filter.shows(self.review_state(index))
    }

    /// The stale verdicts and corrections, one line each (what was judged,
    /// the verdict or correction, when, and the note).
    #[must_use]
    pub fn stale_lines(&self) -> Vec<String> {
        self.reviewed().map(crate::report::review::stale_lines).unwrap_or_default()
    }

    /// The review filter.
    #[must_use]
    pub const fn review_filter(&self) -> ReviewFilter {
        self.review.filter
    }

    /// The note or pin editor, when open.
    #[must_use]
    pub const fn note_editor(&self) -> Option<&NoteEditor> {
        self.review.note.as_ref()
    }

    /// One character for the list: the verdict (`✓` confirmed, `?`
    /// disputed, `✗` false alarm, `–` ignored), else `✎` for a note alone,
    /// else `*` for a discrepancy the reviewer's corrections shaped.
    #[must_use]
    pub fn review_mark(&self, index: usize) -> Option<char> {
        let reviewed = self.reviewed()?;
        if let State::Judged(verdict) = reviewed.state(index) {
            return Some(verdict_mark(verdict));
        }
        if reviewed.judgement(index).is_some() {
            return Some('✎');
        }
        reviewed.entries.get(index).is_some_and(|e| !e.corrections.is_empty()).then_some('*')
    }

    /// "12/31 reviewed" (and the filter and stale items), for the status
    /// line, once the review has begun (or its filter is on).
    #[must_use]
    pub fn review_progress(&self) -> Option<String> {
        let reviewed = self.reviewed()?;
        if reviewed.review.is_empty() && self.review.filter == ReviewFilter::All {
            return None;
        }
        let (done, total) = reviewed.progress();
        let mut text = format!("{done}/{total} reviewed");
        let stale = reviewed.stale_verdicts.len() + reviewed.stale_corrections.len();
        if stale > 0 {
            text.push_str(&format!(", {stale} stale"));
        }
        if self.review.filter != ReviewFilter::All {
            text.push_str(&format!(" (showing {})", self.review.filter.label()));
        }
        Some(text)
    }

    /// Carries out a review action; other actions are ignored.
    pub(crate) fn apply_review(&mut self, action: Action) {
        match action {
            Action::MarkConfirmed => self.mark(Verdict::Confirmed),
            Action::MarkDisputed => self.mark(Verdict::Disputed),
            Action::MarkFalseAlarm => self.mark(Verdict::FalseAlarm),
            Action::MarkIgnored => self.mark(Verdict::Ignored),
            Action::EditNote => self.open_note(NoteKind::Note),
            Action::PinValue => self.open_note(NoteKind::Pin),
            Action::SameItems => {
                if let Some(index) = self.selected_for_review() {
                    self.merge(MergePick::Item(index));
                }
            }
            Action::JoinStatement => match self.statement_at_top() {
                Ok(sentence) => self.merge(MergePick::Statement(sentence)),
                Err(message) => self.info(message),
            },
            Action::DifferentItems => self.split(),
            Action::UndoReview => self.undo_review(),
            Action::ReviewFilter => {
                self.review.filter = self.review.filter.next();
                if let Some(selected) = self.selected
                    && !self.review_shown(selected)
                {
                    self.selected = None;
                }
                let stale = self.stale_lines().len();
                let skip = match self.review.filter {
                    ReviewFilter::Unreviewed => ": n/N skip reviewed items".to_owned(),
                    ReviewFilter::Stale => {
                        format!(": {stale} stale item{} in the list (d)", if stale == 1 { "" } else { "s" })
                    }
                    _ => String::new(),
                };
                self.info(format!("review filter: {}{skip}", self.review.filter.label()));
            }
            _ => {}
        }
    }

    /// The number the list shows for discrepancy `index` (its place in
    /// the list as filtered and ordered), for messages.
    fn list_number(&self, index: usize) -> usize {
        self.filtered().iter().position(|i| *i == index).map_or(index + 1, |p| p + 1)
    }

    /// The selected discrepancy, or a message asking for one.
    fn selected_for_review(&mut self) -> Option<usize> {
        self.reviewed()?;
        let selected = self.selected.filter(|s| self.reviewed().is_some_and(|r| *s < r.entries.len()));
        if selected.is_none() {
            self.info("select a discrepancy first (n / N, or d for the list)");
        }
        selected
    }

    /// Changes the review: the old one goes on the undo stack, the change is
    /// applied and saved. `edit` returns the message to show, or an error.
    fn change_review(&mut self, edit: impl FnOnce(&mut Review, &Reviewed) -> Result<String, String>) {
        let (Some(review), Some(reviewed)) = (self.review.review.as_mut(), self.review.reviewed.clone()) else {
            return;
        };
        let before = review.clone();
        match edit(review, &reviewed) {
            Ok(message) => {
                review.tidy();
                let rebuild = review.corrections != before.corrections;
                self.review.undo.push(before);
                if self.review.undo.len() > UNDO_DEPTH {
                    self.review.undo.remove(0);
                }
                self.refresh_review(rebuild);
                self.save_review();
                self.info(message);
            }
            Err(message) => {
                *review = before;
                self.info(message);
            }
        }
    }

    fn save_review(&mut self) {
        let (Some(path), Some(review)) = (&self.review.save_to, &self.review.review) else { return };
        if let Err(error) = store::save(path, review) {
            let message = format!("cannot save the review to {}: {error}", path.display());
            self.error(crate::normalize::clean_line(&message));
        }
    }

    fn mark(&mut self, verdict: Verdict) {
        let Some(index) = self.selected_for_review() else { return };
        let number = self.list_number(index);
        let at = now();
        self.change_review(|review, reviewed| {
            let entry = reviewed.entries.get(index).ok_or("nothing selected")?;
            let judgement = review.judgement_mut(entry.judgement, &entry.fingerprint, &at);
            if judgement.verdict == Some(verdict) {
                judgement.verdict = None;
                Ok(format!("#{number}: verdict cleared (u undoes)"))
            } else {
                judgement.verdict = Some(verdict);
                Ok(format!("#{number}: {} (u undoes)", verdict.label()))
            }
        });
    }

    fn open_note(&mut self, kind: NoteKind) {
        let Some(index) = self.selected_for_review() else { return };
        let judgement = self.reviewed().and_then(|r| r.judgement(index));
        let lines: Vec<String> = match kind {
            NoteKind::Note => judgement.map(|j| j.note.lines().map(str::to_owned).collect()).unwrap_or_default(),
            NoteKind::Pin => judgement
                .and_then(|j| j.pinned.as_ref())
                .map(|p| std::iter::once(p.value.clone()).chain(p.source.lines().map(str::to_owned)).collect())
                .unwrap_or_default(),
        };
        let mut textarea = TextArea::new(if lines.is_empty() { vec![String::new()] } else { lines });
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        self.review.note = Some(NoteEditor { kind, target: index, textarea });
    }

    /// A key while the note editor is open: Ctrl-S keeps the text, Esc
    /// abandons it, every other key edits.
    pub(crate) fn edit_note(&mut self, event: KeyEvent) {
        let Some(editor) = self.review.note.as_mut() else { return };
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match event.code {
            KeyCode::Esc => {
                self.review.note = None;
                self.info("note abandoned");
            }
            KeyCode::Char('s') if ctrl => {
                let Some(editor) = self.review.note.take() else { return };
                self.save_note(&editor);
            }
            _ => {
                editor.textarea.input(event);
            }
        }
    }

    fn save_note(&mut self, editor: &NoteEditor) {
        let lines = editor.textarea.lines().to_vec();
        let index = editor.target;
        let number = self.list_number(index);
        let kind = editor.kind;
        let at = now();
        self.change_review(|review, reviewed| {
            let entry = reviewed.entries.get(index).ok_or("the discrepancy is gone")?;
            let judgement = review.judgement_mut(entry.judgement, &entry.fingerprint, &at);
            match kind {
                NoteKind::Note => {
                    let text = lines.join("\n").trim_end().to_owned();
                    let said = if text.is_empty() { "note removed" } else { "note kept" };
                    judgement.note = text;
                    Ok(format!("#{number}: {said} (u undoes)"))
                }
                NoteKind::Pin => {
                    let value = lines.first().map(|l| l.trim().to_owned()).unwrap_or_default();
                    let source = lines.get(1..).unwrap_or_default().join("\n").trim().to_owned();
                    if value.is_empty() {
                        judgement.pinned = None;
                        Ok(format!("#{number}: pinned value removed"))
                    } else {
                        let message = format!("#{number}: pinned “{value}” as correct");
                        judgement.pinned = Some(Pinned { value, source });
                        Ok(message)
                    }
                }
            }
        });
    }

    /// "These say the same": the first press picks one side (the selected
    /// item with `M`, the shared statement at the top of the focused pane
    /// with `J`), the second press the other, and the two are joined.
    fn merge(&mut self, pick: MergePick) {
        let name = |app: &Self, pick: MergePick| match pick {
            MergePick::Item(index) => format!("#{}", app.list_number(index)),
            MergePick::Statement(_) => "the statement".to_owned(),
        };
        let Some(first) = self.review.merge_from.take() else {
            self.review.merge_from = Some(pick);
            self.info(format!(
                "{}: now pick what says the same (select it and press M, or scroll a shared statement to the top \
                 of a pane and press J)",
                name(self, pick)
            ));
            return;
        };
        if first == pick {
            self.info("merge cancelled");
            return;
        }
        let at = now();
        // The merged item is selected afterwards: the one holding this mention.
        // A figure's discrepancy first (a detail whose figure joined it stays a detail).
        let follow = self.reviewed().and_then(|r| {
            let items = [pick, first].into_iter().filter_map(|p| match p {
                MergePick::Item(index) => r.comparison.discrepancies.get(index),
                MergePick::Statement(_) => None,
            });
            let item = items.clone().find(|d| d.kind == DiscrepancyKind::Number).or_else(|| items.clone().next())?;
            Some(mention_key(&r.comparison, item.mentions.first()?))
        });
        let names = format!("{} and {}", name(self, first), name(self, pick));
        self.change_review(|review, reviewed| {
            let comparison = &reviewed.comparison;
            let change = merge_change(comparison, first, pick)?;
            let message = format!("{names}: {} (u undoes)", change.describe());
            review.corrections.push(Correction { change, at });
            Ok(message)
        });
        let merged =
            follow.and_then(|key| self.reviewed()?.entries.iter().position(|e| e.fingerprint.mentions.contains(&key)));
        if let Some(merged) = merged {
            let message = self.message.take();
            self.select_discrepancy(merged);
            self.message = message;
        }
    }

    /// "These differ". With a figure, a name or a date selected, for the
    /// focused article's part of it: its figure is a different quantity,
    /// its spelling names someone else, or its date is another event's. Otherwise the shared statement at the
    /// top of the focused pane leaves its group.
    fn split(&mut self) {
        if self.reviewed().is_none() {
            return;
        }
        let kind = self.selected.and_then(|s| self.reviewed()?.comparison.discrepancies.get(s).map(|d| d.kind));
        match (self.selected, kind) {
            (Some(index), Some(DiscrepancyKind::Number | DiscrepancyKind::Name | DiscrepancyKind::Date)) => {
                self.split_discrepancy(index);
            }
            _ => self.split_statement(),
        }
    }

    fn split_discrepancy(&mut self, index: usize) {
        let focus = self.focus;
        let number = self.list_number(index);
        let at = now();
        self.change_review(|review, reviewed| {
            let comparison = &reviewed.comparison;
            let discrepancy = comparison.discrepancies.get(index).ok_or("nothing selected")?;
            let ours: Vec<_> = discrepancy.mentions.iter().filter(|m| m.at.article == focus).collect();
            let outlet = comparison.articles.get(focus).map_or("this article", |a| a.outlet.as_str());
            let Some(first) = ours.first() else {
                return Err(format!("{outlet} has no part in #{number}: focus (Tab) the article to split off"));
            };
            let change = if discrepancy.kind == DiscrepancyKind::Number {
                Change::DifferentQuantity { figure: mention_key(comparison, first) }
            } else if discrepancy.kind == DiscrepancyKind::Date {
                Change::DifferentDate { date: mention_key(comparison, first) }
            } else {
                let mut apart: Vec<String> =
                    ours.iter().map(|m| comparison.articles[focus].slice(m.span).to_owned()).collect();
                apart.sort();
                apart.dedup();
                let others = discrepancy
                    .mentions
                    .iter()
                    .filter(|m| !apart.iter().any(|a| a == comparison.articles[m.at.article].slice(m.span)))
                    .count();
                if others == 0 {
                    return Err("every article spells it this way: focus the one that names someone else".into());
                }
                Change::NotSamePerson { names: fingerprint::Fingerprint::of(comparison, discrepancy), apart }
            };
            let message = format!("#{number}: {} (u undoes)", change.describe());
            review.corrections.push(Correction { change, at });
            Ok(message)
        });
    }

    /// The first shared statement from the top of the focused pane down (a
    /// few rows).
    fn statement_at_top(&self) -> Result<crate::model::SentenceRef, String> {
        let focus = self.focus;
        let row = self.positions.get(focus).map(|p| p.row);
        let comparison = &self.reviewed().ok_or("the comparison is not ready")?.comparison;
        let article = comparison.articles.get(focus).ok_or("no article in focus")?;
        comparison
            .rows
            .iter()
            .skip(row.unwrap_or(0))
            .take(SPLIT_LOOKAHEAD)
            .filter_map(|r| r.cells.get(focus).copied().flatten())
            .filter_map(|p| article.paragraphs.get(p))
            .flat_map(|p| p.sentences.clone())
            .map(|sentence| crate::model::SentenceRef { article: focus, sentence })
            .find(|at| comparison.group_of(*at).is_some())
            .ok_or_else(|| "scroll a shared statement to the top of the focused pane".to_owned())
    }

    /// The first shared statement of the paragraph at the top of the
    /// focused pane leaves its group.
    fn split_statement(&mut self) {
        let at = now();
        let sentence = match self.statement_at_top() {
            Ok(sentence) => sentence,
            Err(message) => {
                self.info(format!("select a figure or a name, or {message}"));
                return;
            }
        };
        self.change_review(|review, reviewed| {
            let comparison = &reviewed.comparison;
            let change = Change::DifferentStatement { sentence: sentence_key(comparison, sentence) };
            let message = format!("{} (u undoes)", change.describe());
            review.corrections.push(Correction { change, at });
            Ok(message)
        });
    }

    fn undo_review(&mut self) {
        let Some(previous) = self.review.undo.pop() else {
            self.info("nothing to undo");
            return;
        };
        let rebuild = self.review.review.as_ref().is_none_or(|r| r.corrections != previous.corrections);
        self.review.review = Some(previous);
        self.refresh_review(rebuild);
        self.save_review();
        self.info("last review change undone");
    }
}

/// The list's mark for a verdict.
#[must_use]
pub const fn verdict_mark(verdict: Verdict) -> char {
    match verdict {
        Verdict::Confirmed => '✓',
        Verdict::Disputed => '?',
        Verdict::FalseAlarm => '✗',
        Verdict::Ignored => '–',
    }
}

#[cfg(test)]
mod tests;

/// The correction joining two merge picks.
fn merge_change(comparison: &Comparison, first: MergePick, second: MergePick) -> Result<Change, String> {
    let item = |index: usize| comparison.discrepancies.get(index).ok_or_else(|| "the items are gone".to_owned());
    let detail = |index: usize| -> Result<crate::model::SentenceRef, String> {
        let discrepancy = item(index)?;
        match (discrepancy.kind, discrepancy.mentions.first()) {
            (DiscrepancyKind::Unique, Some(mention)) => Ok(mention.at),
            _ => Err("only a detail only one article reports can join a shared statement".to_owned()),
        }
    };
    let same = |a: crate::model::SentenceRef, b: crate::model::SentenceRef| -> Result<Change, String> {
        if comparison.group_of(a).is_some() && comparison.group_of(a) == comparison.group_of(b) {
            return Err("these are one statement already".to_owned());
        }
        Ok(Change::SameStatement { a: sentence_key(comparison, a), b: sentence_key(comparison, b) })
    };
    match (first, second) {
        (MergePick::Item(a), MergePick::Item(b)) => {
            let (a, b) = (item(a)?, item(b)?);
            match (a.kind, b.kind, a.mentions.first(), b.mentions.first()) {
                (DiscrepancyKind::Number, DiscrepancyKind::Number, Some(x), Some(y)) => {
                    Ok(Change::SameQuantity { a: mention_key(comparison, x), b: mention_key(comparison, y) })
                }
                (DiscrepancyKind::Unique, DiscrepancyKind::Unique, Some(x), Some(y)) => same(x.at, y.at),
                // A figure and a detail: the detail's figure is the same quantity.
                (DiscrepancyKind::Number, DiscrepancyKind::Unique, Some(x), Some(y))
                | (DiscrepancyKind::Unique, DiscrepancyKind::Number, Some(y), Some(x)) => {
                    let lone = figure_in(comparison, y.at)
                        .ok_or_else(|| "the detail states no figure to be the same quantity".to_owned())?;
                    Ok(Change::SameQuantity { a: mention_key(comparison, x), b: lone })
                }
                _ => Err("only figures with figures (or a detail's figure), and details with details, can be the same"
                    .to_owned()),
            }
        }
        (MergePick::Item(index), MergePick::Statement(statement))
        | (MergePick::Statement(statement), MergePick::Item(index)) => same(detail(index)?, statement),
        (MergePick::Statement(a), MergePick::Statement(b)) => same(a, b),
    }
}

/// The key of the first figure a sentence states that can be a quantity.
fn figure_in(comparison: &Comparison, at: crate::model::SentenceRef) -> Option<fingerprint::MentionKey> {
    let reading =
        comparison.figures.get(at.article)?.iter().find(|r| r.sentence == at.sentence && r.class.is_quantity())?;
    let mention = crate::model::Mention {
        at,
        span: reading.span,
        evidence: crate::model::Evidence::Figure(reading.figure.clone()),
    };
    Some(mention_key(comparison, &mention))
}
