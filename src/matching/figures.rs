//! Shares that tell two facts apart: two sentences stating percentages
//! state different facts when every pair of their percentages is held
//! under different circumstances by the figures' identities
//! ([`crate::numbers::identity::compare::circumstances_differ`]): tied to
//! different times ("35 percent for 2014" / "31 percent from 2007 through
//! 2014"), held by different holders their own clauses name, in different
//! stretches of the event, among different populations, for different
//! variants or in different areas. Such sentences share the story's words
//! ("effective tax rate"), not a statement; they never link, in any pass.
//!
//! Only shares, and only circumstances: measured on the 375 corpus
//! clusters (`docs/matching.md`), the same veto on counts, sums and
//! measures, or on what a figure counts (part, rate, predicate), mostly
//! split one fact told with a different figure or date (a bond approved
//! "in 2009" / "in 2010", "killing at least five" in a sentence that also
//! names the 2004 tsunami), which the discrepancy lists are there to show.
//! A figure tied to no time meets a figure of any time, and a pair of
//! shares that may be one quantity keeps the two sentences comparable.

use crate::analysis::SentenceAnalysis;
use crate::numbers::QuantityClass;
use crate::numbers::identity::Identity;
use crate::numbers::identity::compare::{circumstances_differ, own_holder, shared_time};

/// The shares of one sentence, each with its identity, and its article's
/// year (to place "last year").
#[derive(Debug, Default)]
pub(super) struct Stated<'a> {
    year: Option<i32>,
    shares: Vec<&'a Identity>,
}

/// The shares a sentence states. A general statement's figures have no
/// identity ([`SentenceAnalysis::identities`]) and none are kept.
pub(super) fn stated(analysis: &SentenceAnalysis, year: Option<i32>) -> Stated<'_> {
    let shares = analysis
        .numbers
        .iter()
        .zip(&analysis.identities)
        .filter(|(mention, _)| mention.class == QuantityClass::Percent)
        .map(|(_, identity)| identity)
        .collect();
    Stated { year, shares }
}

/// Whether two shares are two quantities by their circumstances, or held
/// by two holders their own clauses name.
fn two(a: &Identity, b: &Identity, years: (Option<i32>, Option<i32>)) -> bool {
    let holders = matches!((own_holder(a), own_holder(b)), (Some(p), Some(q)) if p != q);
    holders || circumstances_differ(a, b, &QuantityClass::Percent, years, shared_time(a, b, years))
}

/// Whether two sentences state different facts by their shares: both
/// state some, and every pair of them is two quantities.
pub(super) fn apart(a: &Stated<'_>, b: &Stated<'_>) -> bool {
    !a.shares.is_empty()
        && !b.shares.is_empty()
        && a.shares.iter().all(|x| b.shares.iter().all(|y| two(x, y, (a.year, b.year))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, compare_texts};

    /// Whether the one sentence of `a` and the one of `b` are apart by their shares.
    fn shares_apart(a: &str, b: &str) -> bool {
        let comparison = compare_texts(&[("a.txt", a), ("b.txt", b)], &Settings::default());
        let analyses = crate::analysis::analyse(&comparison.articles);
        let of = |article: usize| stated(&analyses[article][0], None);
        apart(&of(0), &of(1))
    }

    /// Whether the first sentences of two one-sentence articles group.
    fn grouped(a: &str, b: &str) -> bool {
        let comparison = compare_texts(&[("a.txt", a), ("b.txt", b)], &Settings::default());
        comparison.groups.iter().any(|g| g.article_count() == 2)
    }

    const YEAR: &str = "The Halvorsens' effective federal tax rate for 2014 was 31.2 percent.";
    const STRETCH: &str = "From 2008 through 2014 the Halvorsens paid an effective federal tax rate of 27.4 percent.";
    const SAME_YEAR: &str = "In 2014 the Halvorsens paid an effective federal tax rate of 29.8 percent.";

    #[test]
    fn shares_of_two_periods_are_two_facts() {
        assert!(shares_apart(YEAR, STRETCH));
        assert!(!grouped(YEAR, STRETCH));
    }

    #[test]
    fn shares_of_one_period_stay_comparable() {
        // One year, two values: one fact whose figures differ (a discrepancy to show).
        assert!(!shares_apart(YEAR, SAME_YEAR));
        assert!(grouped(YEAR, SAME_YEAR));
        // A share tied to no time meets a share of any time.
        assert!(!shares_apart(YEAR, "The Halvorsens paid an effective federal tax rate of 27.4 percent."));
    }

    #[test]
    fn only_shares_are_read() {
        // Sums of two years: one fact told with a different date, not two facts.
        assert!(!shares_apart(
            "Voters in 2009 approved a $3 million bond to buy the Orlen quay.",
            "Voters in 2010 approved a $3 million bond to buy the Orlen quay."
        ));
    }

    #[test]
    fn one_share_in_common_keeps_sentences_comparable() {
        let both = "The Halvorsens' tax rate was 27.4 percent from 2008 through 2014 and 31.2 percent in 2014.";
        assert!(!shares_apart(both, STRETCH));
    }
}
