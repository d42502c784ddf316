//! Date discrepancies: sentences matched as the same statement that put the
//! event on different days ("late on Tuesday, March 3" vs "in the early
//! hours of Wednesday, March 4"). Relative dates ("on Tuesday night") are
//! resolved against each article's own date first.

use super::{Inputs, excerpt};
use crate::model::{Agreement, DayDate, Discrepancy, DiscrepancyKind, Evidence, Mention, month_name};

/// The date finder.
pub(super) struct Dating;

impl super::Finder for Dating {
    fn kind(&self) -> DiscrepancyKind {
        DiscrepancyKind::Date
    }

    fn find(&self, inputs: &Inputs<'_>) -> Vec<Discrepancy> {
        find(inputs)
    }
}

fn find(inputs: &Inputs<'_>) -> Vec<Discrepancy> {
    let mut found = Vec::new();
    for group in &inputs.matching.groups {
        let mut dated: Vec<(Mention, DayDate)> = Vec::new();
        for member in &group.members {
            let analysis = &inputs.analyses[member.article][member.sentence];
            let first = analysis.dates.iter().find_map(|m| m.date.map(|d| (m, d)));
            if let Some((mention, date)) = first {
                dated.push((Mention { at: *member, span: mention.span, evidence: Evidence::Date(date) }, date));
            }
        }
        let mut days: Vec<(i8, i8)> = dated.iter().map(|(_, d)| (d.month, d.day)).collect();
        days.sort_unstable();
        days.dedup();
        let mut articles: Vec<usize> = dated.iter().map(|(m, _)| m.at.article).collect();
        articles.sort_unstable();
        articles.dedup();
        if days.len() < 2 || articles.len() < 2 {
            continue;
        }
        let mut versions: Vec<String> = Vec::new();
        for (month, day) in &days {
            let mut outlets: Vec<&str> = dated
                .iter()
                .filter(|(_, d)| (d.month, d.day) == (*month, *day))
                .map(|(m, _)| inputs.articles[m.at.article].outlet.as_str())
                .collect();
            outlets.dedup();
            versions.push(format!("{} {day} ({})", month_name(*month), outlets.join(", ")));
        }
        let reference = &group.members[group.reference];
        let what = excerpt(inputs.articles[reference.article].sentence_text(reference.sentence), 60);
        let kind = DiscrepancyKind::Date;
        found.push(Discrepancy {
            kind,
            summary: kind.summary(&[("versions", &kind.info().join(&versions)), ("label", &what)]),
            agreement: Some(Agreement::Conflicting),
            label: what,
            mentions: dated.into_iter().map(|(m, _)| m).collect(),
        });
    }
    found
}
