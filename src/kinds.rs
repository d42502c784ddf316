//! One table row per discrepancy kind and per mark: every name, label,
//! mark, symbol and summary template the reader and the reports show for a
//! kind lives here, so adding a kind touches its finder, this table and
//! their tests.

use crate::model::{Agreement, DiscrepancyKind};
use serde::Serialize;

/// What a mark on a span means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// A figure whose versions cannot all be true.
    NumberConflicting,
    /// A figure whose versions differ but can all be true.
    NumberCompatible,
    /// One spelling among several of a name.
    NameVariant,
    /// A date that differs from another article's date for the same event.
    Date,
    /// Words of a shared statement that differ from its reference version.
    Changed,
}

/// How a summary line is written: `text` with `{name}` placeholders filled
/// from the finder's named parts, cut to `limit` characters.
#[derive(Debug, Clone, Copy)]
pub struct SummaryTemplate {
    /// The template (`{label}: {versions} — {agreement}`).
    pub text: &'static str,
    /// What joins the versions in `{versions}`.
    pub separator: &'static str,
    /// Characters the line is shortened to, if any.
    pub limit: Option<usize>,
}

/// Everything a view says about one kind of discrepancy.
#[derive(Debug, Clone, Copy)]
pub struct KindInfo {
    /// The kind.
    pub kind: DiscrepancyKind,
    /// The name in the JSON and in reports' class names (`number`).
    pub name: &'static str,
    /// Heading for one discrepancy in the HTML index (`Number`, `Only one article`).
    pub title: &'static str,
    /// Heading for one discrepancy in Markdown; `{outlet}` is the article's outlet.
    pub heading: &'static str,
    /// Column of the Markdown summary table (`Numbers`).
    pub column: &'static str,
    /// The count in the status line, for one and for several (`number`, `numbers`).
    pub count_one: &'static str,
    /// See `count_one`.
    pub count_many: &'static str,
    /// The line in the reader's kind filter (`numbers`, `unique details`).
    pub filter: &'static str,
    /// The HTML summary's description, for one and for several.
    pub description_one: &'static str,
    /// See `description_one`.
    pub description_many: &'static str,
    /// What the detail view says the discrepancy means: when its versions
    /// conflict (or no agreement applies), and when they are compatible.
    pub explain_conflicting: &'static str,
    /// See `explain_conflicting`.
    pub explain_compatible: &'static str,
    /// The mark on its mentions: when conflicting (or no agreement applies)
    /// and when compatible. `None`: its mentions are whole sentences,
    /// shaded by their role rather than marked.
    pub mark_conflicting: Option<MarkKind>,
    /// See `mark_conflicting`.
    pub mark_compatible: Option<MarkKind>,
    /// Whether its mentions are versions of one thing that articles give
    /// differently (figures, spellings, dates), as opposed to a detail only
    /// one article carries.
    pub versions: bool,
    /// The summary line.
    pub summary: SummaryTemplate,
}

/// The kinds, in the order filters, summaries and ties list them.
pub const KINDS: [KindInfo; 4] = [
    KindInfo {
        kind: DiscrepancyKind::Number,
        name: "number",
        title: "Number",
        heading: "Number",
        column: "Numbers",
        count_one: "number",
        count_many: "numbers",
        filter: "numbers",
        description_one: "number discrepancy",
        description_many: "number discrepancies",
        explain_conflicting: "the figures cannot all be true",
        explain_compatible: "the figures differ but their ranges overlap",
        mark_conflicting: Some(MarkKind::NumberConflicting),
        mark_compatible: Some(MarkKind::NumberCompatible),
        versions: true,
        summary: SummaryTemplate { text: "{label}: {versions} — {agreement}", separator: " vs ", limit: Some(240) },
    },
    KindInfo {
        kind: DiscrepancyKind::Name,
        name: "name",
        title: "Name",
        heading: "Name",
        column: "Names",
        count_one: "name",
        count_many: "names",
        filter: "names",
        description_one: "name discrepancy",
        description_many: "name discrepancies",
        explain_conflicting: "one name, spelled differently",
        explain_compatible: "one name, spelled differently",
        mark_conflicting: Some(MarkKind::NameVariant),
        mark_compatible: Some(MarkKind::NameVariant),
        versions: true,
        summary: SummaryTemplate { text: "spelled differently: {versions}", separator: " / ", limit: Some(240) },
    },
    KindInfo {
        kind: DiscrepancyKind::Date,
        name: "date",
        title: "Date",
        heading: "Date",
        column: "Dates",
        count_one: "date",
        count_many: "dates",
        filter: "dates",
        description_one: "date discrepancy",
        description_many: "date discrepancies",
        explain_conflicting: "the same event, dated differently",
        explain_compatible: "the same event, dated differently",
        mark_conflicting: Some(MarkKind::Date),
        mark_compatible: Some(MarkKind::Date),
        versions: true,
        summary: SummaryTemplate {
            text: "dated differently: {versions} — “{label}”",
            separator: " vs ",
            limit: Some(240),
        },
    },
    KindInfo {
        kind: DiscrepancyKind::Unique,
        name: "unique",
        title: "Only one article",
        heading: "Only in {outlet}",
        column: "Only one article",
        count_one: "unique",
        count_many: "unique",
        filter: "unique details",
        description_one: "detail only one article reports",
        description_many: "details only one article reports",
        explain_conflicting: "only one article reports this",
        explain_compatible: "only one article reports this",
        mark_conflicting: None,
        mark_compatible: None,
        versions: false,
        summary: SummaryTemplate { text: "only in {outlet}: “{text}”{more}", separator: "", limit: None },
    },
];

impl DiscrepancyKind {
    /// All kinds, in the order filters and summaries list them.
    pub const ALL: [Self; KINDS.len()] = {
        let mut all = [Self::Number; KINDS.len()];
        let mut i = 0;
        while i < KINDS.len() {
            all[i] = KINDS[i].kind;
            i += 1;
        }
        all
    };

    /// This kind's row of the table.
    #[must_use]
    pub fn info(self) -> &'static KindInfo {
        KINDS.iter().find(|row| row.kind == self).unwrap_or(&KINDS[0])
    }

    /// Position in [`DiscrepancyKind::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        KINDS.iter().position(|row| row.kind == self).unwrap_or(0)
    }

    /// The name used in reports and the JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    /// The mark its mentions carry, given the discrepancy's agreement.
    #[must_use]
    pub fn mark(self, agreement: Option<Agreement>) -> Option<MarkKind> {
        let info = self.info();
        if agreement == Some(Agreement::Compatible) { info.mark_compatible } else { info.mark_conflicting }
    }

    /// What the discrepancy means, given its agreement.
    #[must_use]
    pub fn explanation(self, agreement: Option<Agreement>) -> &'static str {
        let info = self.info();
        if agreement == Some(Agreement::Compatible) { info.explain_compatible } else { info.explain_conflicting }
    }

    /// Writes the summary line from named parts (`versions` is joined with
    /// the template's separator by the caller through [`KindInfo::join`]).
    #[must_use]
    pub fn summary(self, parts: &[(&str, &str)]) -> String {
        let template = self.info().summary;
        let text = fill(template.text, parts);
        match template.limit {
            Some(limit) => crate::discrepancies::excerpt(&text, limit),
            None => text,
        }
    }
}

impl KindInfo {
    /// Joins versions with the summary's separator.
    #[must_use]
    pub fn join(&self, versions: &[String]) -> String {
        versions.join(self.summary.separator)
    }
}

/// Fills `{name}` placeholders in one pass (so a filled value that holds
/// braces is never filled again); an unknown placeholder stays as written.
#[must_use]
pub fn fill(template: &str, parts: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| Some((close, parts.iter().find(|(n, _)| *n == &after[..close])?))) {
            Some((close, (_, value))) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Everything a view says about one mark.
#[derive(Debug, Clone, Copy)]
pub struct MarkInfo {
    /// The mark.
    pub kind: MarkKind,
    /// The symbol put before the marked span (when markers are on).
    pub symbol: Option<char>,
    /// The HTML report's CSS class.
    pub class: &'static str,
    /// The HTML report's tooltip.
    pub title: &'static str,
    /// The legend's sample text and meaning.
    pub sample: &'static str,
    /// See `sample`.
    pub legend: &'static str,
}

/// The marks, in the order the legend lists them.
pub const MARKS: [MarkInfo; 5] = [
    MarkInfo {
        kind: MarkKind::NumberConflicting,
        symbol: Some('≠'),
        class: "mk-conflict",
        title: "Figure that conflicts with another article",
        sample: "12",
        legend: "conflicting figure",
    },
    MarkInfo {
        kind: MarkKind::NumberCompatible,
        symbol: Some('≈'),
        class: "mk-compatible",
        title: "Figure that differs but is compatible",
        sample: "12",
        legend: "compatible figure",
    },
    MarkInfo {
        kind: MarkKind::NameVariant,
        symbol: Some('~'),
        class: "mk-name",
        title: "Name spelled differently elsewhere",
        sample: "Name",
        legend: "name variant",
    },
    MarkInfo {
        kind: MarkKind::Date,
        symbol: Some('@'),
        class: "mk-date",
        title: "Date that differs from another article",
        sample: "Mar 3",
        legend: "date",
    },
    MarkInfo {
        kind: MarkKind::Changed,
        symbol: None,
        class: "mk-changed",
        title: "Worded differently from the other version",
        sample: "word",
        legend: "changed words",
    },
];

impl MarkKind {
    /// This mark's row of the table.
    #[must_use]
    pub fn info(self) -> &'static MarkInfo {
        MARKS.iter().find(|row| row.kind == self).unwrap_or(&MARKS[0])
    }
}

/// A set of discrepancy kinds (the reader's filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSet(u32);

impl KindSet {
    /// Every kind.
    #[must_use]
    pub fn all() -> Self {
        Self(DiscrepancyKind::ALL.iter().fold(0, |bits, kind| bits | 1 << kind.index()))
    }

    /// No kind.
    #[must_use]
    pub const fn empty() -> Self {
        Self(0)
    }

    /// Whether the set holds `kind`.
    #[must_use]
    pub fn contains(self, kind: DiscrepancyKind) -> bool {
        self.0 & (1 << kind.index()) != 0
    }

    /// Adds or removes `kind`.
    pub fn toggle(&mut self, kind: DiscrepancyKind) {
        self.0 ^= 1 << kind.index();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_mark_has_one_row_in_order() {
        for (i, row) in KINDS.iter().enumerate() {
            assert_eq!(row.kind.index(), i);
            assert_eq!(DiscrepancyKind::ALL[i], row.kind);
        }
        for (i, row) in MARKS.iter().enumerate() {
            assert_eq!(MARKS.iter().position(|m| m.kind == row.kind), Some(i), "{:?} twice", row.kind);
        }
        let names: std::collections::BTreeSet<&str> = KINDS.iter().map(|k| k.name).collect();
        assert_eq!(names.len(), KINDS.len());
        let classes: std::collections::BTreeSet<&str> = MARKS.iter().map(|m| m.class).collect();
        assert_eq!(classes.len(), MARKS.len());
    }

    #[test]
    fn the_json_name_is_the_serde_name() {
        for kind in DiscrepancyKind::ALL {
            assert_eq!(serde_json::to_value(kind).expect("serialises"), kind.as_str());
        }
    }

    #[test]
    fn marks_follow_agreement() {
        assert_eq!(DiscrepancyKind::Number.mark(Some(Agreement::Compatible)), Some(MarkKind::NumberCompatible));
        assert_eq!(DiscrepancyKind::Number.mark(Some(Agreement::Conflicting)), Some(MarkKind::NumberConflicting));
        assert_eq!(DiscrepancyKind::Name.mark(None), Some(MarkKind::NameVariant));
        assert_eq!(DiscrepancyKind::Unique.mark(None), None);
    }

    #[test]
    fn fill_substitutes_once_and_keeps_unknown_braces() {
        assert_eq!(fill("{a} and {b} {c}", &[("a", "{b}"), ("b", "x")]), "{b} and x {c}");
        assert_eq!(fill("no place", &[("a", "1")]), "no place");
        assert_eq!(fill("open { only", &[]), "open { only");
    }

    #[test]
    fn summaries_follow_the_templates() {
        let number = DiscrepancyKind::Number;
        let versions = number.info().join(&["three (Wire)".to_owned(), "five (Blog)".to_owned()]);
        assert_eq!(
            number.summary(&[("label", "people killed"), ("versions", &versions), ("agreement", "conflicting")]),
            "people killed: three (Wire) vs five (Blog) — conflicting"
        );
        let long = "x".repeat(300);
        assert_eq!(DiscrepancyKind::Name.summary(&[("versions", &long)]).chars().count(), 240);
    }

    #[test]
    fn a_kind_set_toggles_each_kind_alone() {
        let mut set = KindSet::all();
        set.toggle(DiscrepancyKind::Date);
        assert!(!set.contains(DiscrepancyKind::Date));
        assert!(DiscrepancyKind::ALL.iter().filter(|k| **k != DiscrepancyKind::Date).all(|k| set.contains(*k)));
        set.toggle(DiscrepancyKind::Date);
        assert_eq!(set, KindSet::all());
        assert!(!KindSet::empty().contains(DiscrepancyKind::Number));
    }
}
