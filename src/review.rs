//! The reviewer's judgement of a comparison: verdicts, notes, pinned values
//! and corrections, kept from one sitting to the next and carried into every
//! report.
//!
//! Everything a reviewer says is keyed to *what* was judged — the kind, the
//! articles' content hashes and the sentences' and figures' text — never to
//! a position in a list ([`Fingerprint`]). So a newer parallax that orders or
//! finds discrepancies differently re-attaches a verdict to the same finding,
//! or shows it as stale when that finding is gone, never on the wrong item.
//!
//! - [`model`]: the review file's shape ([`Review`], [`Judgement`], [`Correction`]).
//! - [`fingerprint`]: what a judgement points at, and how it is found again.
//! - [`apply()`]: a [`Comparison`] with the corrections applied (discrepancies
//!   recomputed from them) and every verdict attached, as [`Reviewed`].
//! - [`store`]: loading and atomic saving; corrupt, foreign and newer files
//!   are set aside, never overwritten.
//!
//! The engine never reads the clock, the environment or the terminal here:
//! times and folders come from the front end.

pub mod apply;
pub mod fingerprint;
pub mod model;
pub mod store;

pub use apply::{Entry, Reviewed, apply};
pub use fingerprint::ReviewedArticle;
pub use fingerprint::{Fingerprint, MentionKey, SentenceKey};
pub use model::{Change, Correction, Judgement, Pinned, Review, Verdict};

use crate::model::Comparison;

/// The review state of one discrepancy, for filters and progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// No verdict yet (a note alone does not count as reviewed).
    Unreviewed,
    /// A verdict was given.
    Judged(Verdict),
}

impl Reviewed {
    /// The state of discrepancy `index` of [`Reviewed::comparison`].
    #[must_use]
    pub fn state(&self, index: usize) -> State {
        self.judgement(index).and_then(|j| j.verdict).map_or(State::Unreviewed, State::Judged)
    }

    /// The judgement attached to discrepancy `index`, if any.
    #[must_use]
    pub fn judgement(&self, index: usize) -> Option<&Judgement> {
        let entry = self.entries.get(index)?;
        self.review.verdicts.get(entry.judgement?)
    }

    /// How many discrepancies carry a verdict, and how many there are.
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        let reviewed = (0..self.entries.len()).filter(|i| self.state(*i) != State::Unreviewed).count();
        (reviewed, self.entries.len())
    }

    /// Keeps only the discrepancies with `verdict` (the editor's summary:
    /// `--only confirmed`).
    #[must_use]
    pub fn only(self, verdict: Verdict) -> Self {
        let mut kept = self.retain(|reviewed, i| reviewed.state(i) == State::Judged(verdict));
        kept.only = Some(verdict);
        kept
    }

    /// Keeps only the discrepancies `keep` accepts (by index), with their
    /// review entries (a report of part of the comparison).
    #[must_use]
    pub fn retain(mut self, keep: impl Fn(&Self, usize) -> bool) -> Self {
        let keep: Vec<bool> = (0..self.entries.len()).map(|i| keep(&self, i)).collect();
        let mut flags = keep.iter();
        self.comparison.discrepancies.retain(|_| flags.next().copied().unwrap_or(false));
        let mut flags = keep.iter();
        self.entries.retain(|_| flags.next().copied().unwrap_or(false));
        self
    }
}

/// The identity of a set of articles: their content hashes, sorted, so the
/// same articles in any order find the same review.
#[must_use]
pub fn articles_of(comparison: &Comparison) -> Vec<ReviewedArticle> {
    comparison
        .articles
        .iter()
        .map(|a| ReviewedArticle { source: a.source.clone(), content_sha256: a.provenance.content_sha256.clone() })
        .collect()
}

#[cfg(test)]
mod tests;
