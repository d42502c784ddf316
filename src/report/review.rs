//! The reviewer's verdicts, notes, pinned values and corrections in every
//! report format. Everything here is the reviewer's word and is labelled so
//! ("reviewer", with its time); nothing is passed off as the engine's.

use super::ReportContext;
use crate::review::{Change, Fingerprint, Judgement, Pinned, Reviewed, State, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who said it: always the reviewer (the field exists so no reader of the
/// JSON mistakes a correction for the engine's finding).
const BY: &str = "reviewer";

/// The JSON report's `review` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportReview {
    /// Discrepancies with a verdict.
    pub reviewed: usize,
    /// Discrepancies in the report.
    pub total: usize,
    /// Counts by verdict (`confirmed`, `disputed`, `false_alarm`, `ignored`).
    pub verdict_counts: BTreeMap<String, usize>,
    /// Set when the report keeps only discrepancies with this verdict (the
    /// editor's summary, `--only confirmed`).
    pub only: Option<String>,
    /// Articles (indices) whose content changed since the review began.
    pub changed_articles: Vec<usize>,
    /// Every verdict, note and pinned value of the discrepancies in the
    /// report, then the stale ones (whose discrepancy is gone).
    pub verdicts: Vec<ReportVerdict>,
    /// Every correction, in the order made (and applied).
    pub corrections: Vec<ReportCorrection>,
}

/// One verdict, note or pinned value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportVerdict {
    /// The discrepancy's `id`, or null when stale.
    pub discrepancy: Option<usize>,
    /// `confirmed`, `disputed`, `false_alarm`, `ignored`, or null (a note only).
    pub verdict: Option<String>,
    /// The reviewer's note (may span lines; empty when none).
    pub note: String,
    /// The value or spelling the reviewer holds correct, with its source.
    pub pinned: Option<Pinned>,
    /// When it was last changed (RFC 3339).
    pub at: String,
    /// Always `reviewer`.
    pub by: String,
    /// True when what it judged is no longer found (an article changed).
    pub stale: bool,
    /// What was judged: kind, and each mention's article hash, sentence and text.
    pub target: Fingerprint,
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportCorrection {
    /// What the reviewer said, in words.
    pub description: String,
    /// The correction as stored (`type`: `same_statement`, `different_statement`,
    /// `not_same_person`, `same_quantity`, `different_quantity`, `different_date`).
    pub change: Change,
    /// When (RFC 3339).
    pub at: String,
    /// Always `reviewer`.
    pub by: String,
    /// False when its sentences or figures are no longer found (stale).
    pub applied: bool,
    /// The `id`s of discrepancies it shaped.
    pub discrepancies: Vec<usize>,
    /// The indices of groups it formed or changed.
    pub groups: Vec<usize>,
}

/// The review of one discrepancy, beside it in the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DiscrepancyReview {
    /// The verdict, or null.
    pub verdict: Option<String>,
    /// The note (empty when none).
    pub note: String,
    /// The value or spelling held correct.
    pub pinned: Option<Pinned>,
    /// When the verdict or note was last changed, if there is one.
    pub at: Option<String>,
    /// Indices into `review.corrections` of the reviewer's corrections that
    /// shaped this discrepancy (empty: as the engine found it).
    pub corrections: Vec<usize>,
}

/// The review in force for a report, when there is one.
pub(crate) fn of(context: &ReportContext) -> Option<&Reviewed> {
    context.review.as_deref()
}

/// The `review` section.
pub(crate) fn section(reviewed: &Reviewed) -> ReportReview {
    let (reviewed_count, total) = reviewed.progress();
    let mut verdict_counts: BTreeMap<String, usize> = Verdict::ALL.iter().map(|v| (v.as_str().to_owned(), 0)).collect();
    for index in 0..reviewed.entries.len() {
        if let State::Judged(verdict) = reviewed.state(index) {
            *verdict_counts.entry(verdict.as_str().to_owned()).or_default() += 1;
        }
    }
    let mut verdicts: Vec<ReportVerdict> = reviewed
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, reviewed.review.verdicts.get(e.judgement?)?)))
        .map(|(i, j)| verdict(j, Some(i + 1), false))
        .collect();
    if reviewed.only.is_none() {
        verdicts.extend(
            reviewed
                .stale_verdicts
                .iter()
                .filter_map(|v| reviewed.review.verdicts.get(*v))
                .map(|j| verdict(j, None, true)),
        );
    }
    let corrections = reviewed
        .review
        .corrections
        .iter()
        .enumerate()
        .map(|(c, correction)| ReportCorrection {
            description: correction.change.describe(),
            change: correction.change.clone(),
            at: correction.at.clone(),
            by: BY.to_owned(),
            applied: !reviewed.stale_corrections.contains(&c),
            discrepancies: (0..reviewed.entries.len())
                .filter(|d| reviewed.entries[*d].corrections.contains(&c))
                .map(|d| d + 1)
                .collect(),
            groups: (0..reviewed.group_corrections.len())
                .filter(|g| reviewed.group_corrections[*g].contains(&c))
                .collect(),
        })
        .collect();
    ReportReview {
        reviewed: reviewed_count,
        total,
        verdict_counts,
        only: reviewed.only.map(|v| v.as_str().to_owned()),
        changed_articles: reviewed.changed_articles.clone(),
        verdicts,
        corrections,
    }
}

fn verdict(judgement: &Judgement, discrepancy: Option<usize>, stale: bool) -> ReportVerdict {
    ReportVerdict {
        discrepancy,
        verdict: judgement.verdict.map(|v| v.as_str().to_owned()),
        note: judgement.note.clone(),
        pinned: judgement.pinned.clone(),
        at: judgement.at.clone(),
        by: BY.to_owned(),
        stale,
        target: judgement.target.clone(),
    }
}

/// The review beside discrepancy `index`, when there is anything to say.
pub(crate) fn beside(reviewed: &Reviewed, index: usize) -> Option<DiscrepancyReview> {
    let entry = reviewed.entries.get(index)?;
    let judgement = reviewed.judgement(index);
    if judgement.is_none() && entry.corrections.is_empty() {
        return None;
    }
    Some(DiscrepancyReview {
        verdict: judgement.and_then(|j| j.verdict).map(|v| v.as_str().to_owned()),
        note: judgement.map(|j| j.note.clone()).unwrap_or_default(),
        pinned: judgement.and_then(|j| j.pinned.clone()),
        at: judgement.map(|j| j.at.clone()),
        corrections: entry.corrections.clone(),
    })
}

/// Lines for people about discrepancy `index`: the verdict with its time,
/// the pinned value, the note's lines, and the corrections that shaped it.
/// Plain text (each format escapes it).
pub(crate) fn lines(reviewed: &Reviewed, index: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(judgement) = reviewed.judgement(index) {
        let verdict = judgement.verdict.map_or("noted", Verdict::label);
        lines.push(format!("Reviewer: {verdict} ({})", judgement.at));
        if let Some(pinned) = &judgement.pinned {
            let source =
                if pinned.source.trim().is_empty() { String::new() } else { format!(", {}", pinned.source.trim()) };
            lines.push(format!("Correct value: {}{source}", pinned.value));
        }
        for line in judgement.note.lines().filter(|l| !l.trim().is_empty()) {
            lines.push(format!("Note: {}", crate::normalize::clean_line(line)));
        }
    }
    if let Some(entry) = reviewed.entries.get(index) {
        for c in &entry.corrections {
            if let Some(correction) = reviewed.review.corrections.get(*c) {
                lines.push(format!("Reviewer's correction ({}): {}", correction.at, correction.change.describe()));
            }
        }
    }
    lines
}

/// Lines for people about group `group` (a shared statement): the
/// reviewer's corrections that formed or changed it, so a grouping the
/// reviewer made is never shown as the engine's finding.
pub(crate) fn group_lines(reviewed: &Reviewed, group: usize) -> Vec<String> {
    reviewed
        .group_corrections
        .get(group)
        .into_iter()
        .flatten()
        .filter_map(|c| reviewed.review.corrections.get(*c))
        .map(|c| format!("Reviewer's correction ({}): {}", c.at, c.change.describe()))
        .collect()
}

/// The corrections the Markdown and HTML reports list: every one, or in the
/// editor's summary (`--only`) those that shaped a discrepancy kept or a
/// shared statement.
pub(crate) fn listed_corrections(reviewed: &Reviewed) -> Vec<&crate::review::Correction> {
    reviewed
        .review
        .corrections
        .iter()
        .enumerate()
        .filter(|(c, _)| {
            reviewed.only.is_none()
                || reviewed.entries.iter().any(|e| e.corrections.contains(c))
                || reviewed.group_corrections.iter().any(|g| g.contains(c))
        })
        .map(|(_, correction)| correction)
        .collect()
}

/// The stale verdicts and corrections the Markdown and HTML reports list:
/// none in the editor's summary (as in the JSON), else every one.
pub(crate) fn listed_stale_lines(reviewed: &Reviewed) -> Vec<String> {
    if reviewed.only.is_some() { Vec::new() } else { stale_lines(reviewed) }
}

/// The review at a glance, for the Markdown and HTML summaries:
/// "12/31 reviewed: 5 confirmed, 2 disputed …".
pub(crate) fn progress_line(reviewed: &Reviewed) -> String {
    let (done, total) = reviewed.progress();
    let mut counts = Vec::new();
    for verdict in Verdict::ALL {
        let n = (0..reviewed.entries.len()).filter(|i| reviewed.state(*i) == State::Judged(verdict)).count();
        if n > 0 {
            counts.push(format!("{n} {}", verdict.label()));
        }
    }
    let counts = if counts.is_empty() { String::new() } else { format!(": {}", counts.join(", ")) };
    let stale = match reviewed.stale_verdicts.len() + reviewed.stale_corrections.len() {
        0 => String::new(),
        n => format!("; {n} stale (what they judged changed)"),
    };
    format!("{done}/{total} reviewed{counts}{stale}")
}

/// Stale verdicts and corrections as lines for people.
pub(crate) fn stale_lines(reviewed: &Reviewed) -> Vec<String> {
    let mut lines = Vec::new();
    for judgement in reviewed.stale_verdicts.iter().filter_map(|v| reviewed.review.verdicts.get(*v)) {
        let what = judgement.target.mentions.iter().map(|m| format!("“{}”", m.text)).collect::<Vec<_>>().join(", ");
        let verdict = judgement.verdict.map_or("noted", Verdict::label);
        let note = if judgement.note.trim().is_empty() {
            String::new()
        } else {
            format!(" — {}", judgement.note.lines().collect::<Vec<_>>().join(" / "))
        };
        lines.push(format!("Stale {} verdict ({verdict}, {}): {what}{note}", judgement.target.kind, judgement.at));
    }
    for correction in reviewed.stale_corrections.iter().filter_map(|c| reviewed.review.corrections.get(*c)) {
        lines.push(format!("Stale correction ({}): {}", correction.at, correction.change.describe()));
    }
    lines
}

/// The review section of the Markdown-less formats (HTML): the progress,
/// the editor's-summary note, every correction and every stale verdict.
pub(crate) fn summary_lines(reviewed: &Reviewed) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(only) = reviewed.only {
        lines.push(format!(
            "Editor's summary: only the discrepancies the reviewer marked {}, with every article's version and the \
             reviewer's notes.",
            only.label()
        ));
    }
    lines.push(progress_line(reviewed));
    for correction in listed_corrections(reviewed) {
        lines.push(format!("Reviewer's correction ({}): {}", correction.at, correction.change.describe()));
    }
    lines.extend(listed_stale_lines(reviewed));
    lines
}
