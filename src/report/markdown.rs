//! The Markdown report: a summary table, each discrepancy with every
//! article's version quoted and attributed to its outlet, then the shared
//! statements. Article text is escaped so it can never become markup,
//! links or raw HTML, and control characters never reach the file.

use super::ReportContext;
use crate::model::{Comparison, DiscrepancyKind, Mention, Span};
use std::fmt::Write;

/// Renders the Markdown report.
#[must_use]
pub fn render(comparison: &Comparison, _context: &ReportContext) -> String {
    let mut out = String::new();
    let heading = comparison.articles.first().map_or("(no articles)", |a| a.title.as_str());
    let _ = writeln!(out, "# parallax comparison: {}\n", escape(heading));
    summary(comparison, &mut out);
    discrepancies(comparison, &mut out);
    shared(comparison, &mut out);
    if !comparison.skipped.is_empty() {
        out.push_str("## Skipped inputs\n\n");
        for skipped in &comparison.skipped {
            let _ = writeln!(out, "- {}: {}", code(&skipped.source), escape(&skipped.reason));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "---\n*Written by parallax {}.*", env!("CARGO_PKG_VERSION"));
    out
}

fn summary(comparison: &Comparison, out: &mut String) {
    out.push_str("| # | Outlet | Title | Date | Source |\n|---|---|---|---|---|\n");
    for (i, article) in comparison.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            escape(&article.outlet),
            escape(&article.title),
            article.date.map(crate::model::DayDate::iso).unwrap_or_default(),
            code(&article.source)
        );
    }
    let all = comparison.groups.iter().filter(|g| g.article_count() == comparison.articles.len()).count();
    let counts: Vec<String> =
        comparison.counts_by_kind().iter().map(|(kind, count)| format!("{count} {}", kind.as_str())).collect();
    let conflicting =
        comparison.discrepancies.iter().filter(|d| d.agreement == Some(crate::model::Agreement::Conflicting)).count();
    let _ = writeln!(
        out,
        "\n**{} articles** · **{} shared statements** ({} in all articles) · **{} discrepancies**: {} ({} conflicting)\n",
        comparison.articles.len(),
        comparison.groups.len(),
        all,
        comparison.discrepancies.len(),
        counts.join(", "),
        conflicting
    );
}

fn discrepancies(comparison: &Comparison, out: &mut String) {
    if comparison.discrepancies.is_empty() {
        out.push_str("## Discrepancies\n\nNone found.\n\n");
        return;
    }
    out.push_str("## Discrepancies\n\n");
    for (i, discrepancy) in comparison.discrepancies.iter().enumerate() {
        let status = discrepancy.agreement.map(|a| format!(" ({})", a.as_str())).unwrap_or_default();
        let kind = match discrepancy.kind {
            DiscrepancyKind::Number => "Number",
            DiscrepancyKind::Name => "Name",
            DiscrepancyKind::Date => "Date",
            DiscrepancyKind::Unique => "Only one article",
        };
        let _ = writeln!(out, "### {}. {kind}: {}{status}\n", i + 1, escape(&discrepancy.label));
        let _ = writeln!(out, "{}\n", escape(&discrepancy.summary));
        // One quote per sentence, with every mention in it marked.
        let mut index = 0;
        while index < discrepancy.mentions.len() {
            let at = discrepancy.mentions[index].at;
            let same: Vec<&Mention> = discrepancy.mentions[index..].iter().take_while(|m| m.at == at).collect();
            index += same.len();
            let article = &comparison.articles[at.article];
            let sentence = article.sentences[at.sentence].span;
            let marks: Vec<Span> = if discrepancy.kind == DiscrepancyKind::Unique {
                Vec::new()
            } else {
                same.iter().map(|m| m.span).collect()
            };
            let _ = writeln!(out, "> **{}**: {}\n", escape(&article.outlet), quote(&article.text, sentence, &marks));
        }
    }
}

fn shared(comparison: &Comparison, out: &mut String) {
    if comparison.groups.is_empty() {
        return;
    }
    out.push_str("## Shared statements\n\n| Articles | Statement | Carried by |\n|---|---|---|\n");
    for group in &comparison.groups {
        let reference = group.members[group.reference];
        let text = comparison.sentence_text(reference);
        let mut outlets: Vec<&str> =
            group.members.iter().map(|m| comparison.articles[m.article].outlet.as_str()).collect();
        outlets.dedup();
        let _ = writeln!(
            out,
            "| {}/{} | {} | {} |",
            group.article_count(),
            comparison.articles.len(),
            escape(text),
            escape(&outlets.join(", "))
        );
    }
    out.push('\n');
}

/// A sentence with the given spans in bold.
fn quote(text: &str, sentence: Span, marks: &[Span]) -> String {
    let mut out = String::new();
    let mut position = sentence.start;
    let mut sorted: Vec<Span> =
        marks.iter().copied().filter(|m| m.start >= sentence.start && m.end <= sentence.end).collect();
    sorted.sort();
    for mark in sorted {
        if mark.start < position {
            continue;
        }
        out.push_str(&escape(&text[position..mark.start]));
        let _ = write!(out, "**{}**", escape(&text[mark.range()]));
        position = mark.end;
    }
    out.push_str(&escape(&text[position..sentence.end]));
    out
}

/// Escapes text so Markdown renders it literally: HTML is entity-encoded,
/// Markdown punctuation is backslash-escaped (no emphasis, links, images,
/// tables or code), line breaks are folded, control characters dropped.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '|' | '~' | '!' | '{' | '}' | '+' | '-' | '.' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || crate::normalize::is_invisible(c) => {}
            c => out.push(c),
        }
    }
    // "javascript:" and similar never become autolinks: break the scheme.
    out.replace("://", ":&#47;&#47;")
}

/// Inline code for paths and URLs (backticks inside are replaced).
fn code(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_control() && !crate::normalize::is_invisible(*c))
        .map(|c| if c == '`' { '\'' } else { c })
        .collect();
    format!("`{cleaned}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
        assert_eq!(escape("[click](javascript:evil)"), "\\[click\\]\\(javascript:evil\\)");
        assert_eq!(escape("a | b\nc"), "a \\| b c");
        assert_eq!(escape("see https://x.example"), "see https:&#47;&#47;x\\.example");
        assert_eq!(escape("\u{1b}[31mred\u{202e}"), "[31mred".replace('[', "\\["));
    }
}
