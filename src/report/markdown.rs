//! The Markdown report, written for GitHub and GitLab: a summary table, one
//! section per discrepancy with every article's version quoted and
//! attributed to its outlet (the differing figures or words in bold), the
//! shared statements, and the provenance.
//!
//! Article text is untrusted. [`escape`] keeps it from becoming markup
//! (emphasis, links, images, raw HTML, table cells, math, mentions) while
//! leaving ordinary punctuation alone, so the file still reads well raw.

use super::ReportContext;
use super::provenance::{VERSION, settings_pairs};
use crate::model::{Agreement, Comparison, DiscrepancyKind, Mention, Span};
use std::fmt::Write;

/// Renders the Markdown report.
#[must_use]
pub fn render(comparison: &Comparison, context: &ReportContext) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Comparison of {} articles\n", comparison.articles.len());
    if let Some(first) = comparison.articles.first() {
        let _ = writeln!(
            out,
            "Reports of **{}** and related coverage, compared by parallax {VERSION}.\n",
            escape(&first.title)
        );
    }
    summary(comparison, &mut out);
    let review = super::review::of(context);
    if let Some(review) = review {
        review_section(review, &mut out);
    }
    discrepancies(comparison, review, &mut out);
    shared(comparison, review, &mut out);
    if !comparison.skipped.is_empty() {
        out.push_str("## Skipped inputs\n\n");
        for skipped in &comparison.skipped {
            let _ = writeln!(
                out,
                "- {}: {}",
                code(&skipped.source),
                escape(&crate::normalize::clean_line(&skipped.reason))
            );
        }
        out.push('\n');
    }
    provenance(comparison, context, &mut out);
    out
}

fn summary(comparison: &Comparison, out: &mut String) {
    out.push_str("## Summary\n\n| # | Outlet | Title | Date | Source |\n|--:|---|---|---|---|\n");
    for (i, article) in comparison.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            escape(&article.outlet),
            escape(&article.title),
            article.date.map(crate::model::DayDate::human).unwrap_or_default(),
            code(&article.source)
        );
    }
    let in_all = comparison.groups.iter().filter(|g| g.article_count() == comparison.articles.len()).count();
    out.push_str("\n| Shared statements | In every article |");
    for kind in DiscrepancyKind::ALL {
        let _ = write!(out, " {} |", kind.info().column);
    }
    out.push_str("\n|--:|--:|");
    out.push_str(&"--:|".repeat(DiscrepancyKind::ALL.len()));
    out.push('\n');
    let count = |kind: DiscrepancyKind| {
        let of_kind = comparison.discrepancies.iter().filter(|d| d.kind == kind);
        let total = of_kind.clone().count();
        let conflicting = of_kind.filter(|d| d.agreement == Some(Agreement::Conflicting)).count();
        if conflicting > 0 { format!("{total} ({conflicting} conflicting)") } else { total.to_string() }
    };
    let _ = write!(out, "| {} | {} |", comparison.groups.len(), in_all);
    for kind in DiscrepancyKind::ALL {
        let _ = write!(out, " {} |", count(kind));
    }
    out.push_str("\n\n");
}

/// The review at a glance: progress, the editor's-summary note, the
/// corrections (each the reviewer's, with its time) and stale verdicts.
fn review_section(review: &crate::review::Reviewed, out: &mut String) {
    out.push_str("## Review\n\n");
    if let Some(only) = review.only {
        let _ = writeln!(
            out,
            "Editor's summary: only the discrepancies the reviewer marked {}, with every article's version and the \
             reviewer's notes.\n",
            only.label()
        );
    }
    let _ = writeln!(out, "{}\n", escape(&super::review::progress_line(review)));
    let corrections = super::review::listed_corrections(review);
    let stale = super::review::listed_stale_lines(review);
    for correction in &corrections {
        let _ = writeln!(
            out,
            "- Reviewer's correction ({}): {}",
            escape(&correction.at),
            escape(&correction.change.describe())
        );
    }
    for line in &stale {
        let _ = writeln!(out, "- {}", escape(line));
    }
    if !corrections.is_empty() || !stale.is_empty() {
        out.push('\n');
    }
}

fn discrepancies(comparison: &Comparison, review: Option<&crate::review::Reviewed>, out: &mut String) {
    out.push_str("## Discrepancies\n\n");
    if comparison.discrepancies.is_empty() {
        out.push_str("None found.\n\n");
        return;
    }
    for (i, discrepancy) in comparison.discrepancies.iter().enumerate() {
        let status = discrepancy.agreement.map(|a| format!(" — {}", a.as_str())).unwrap_or_default();
        let outlet = discrepancy.mentions.first().map(|m| comparison.articles[m.at.article].outlet.as_str());
        let kind = crate::kinds::fill(
            discrepancy.kind.info().heading,
            &[("outlet", &escape(outlet.unwrap_or("one article")))],
        );
        let _ = writeln!(out, "### {}. {kind}: {}{status}\n", i + 1, escape(&discrepancy.label));
        if discrepancy.kind.info().versions {
            let _ = writeln!(out, "{}\n", escape(&discrepancy.summary));
        }
        for line in review.map(|r| super::review::lines(r, i)).unwrap_or_default() {
            let _ = writeln!(out, "- *{}*", escape(&line));
        }
        if review.is_some_and(|r| !super::review::lines(r, i).is_empty()) {
            out.push('\n');
        }
        // One quote per sentence, with every mention in it marked.
        let mut index = 0;
        while index < discrepancy.mentions.len() {
            let at = discrepancy.mentions[index].at;
            let same: Vec<&Mention> = discrepancy.mentions[index..].iter().take_while(|m| m.at == at).collect();
            index += same.len();
            let article = &comparison.articles[at.article];
            let Some(sentence) = article.sentences.get(at.sentence) else { continue };
            let marks: Vec<Span> =
                if discrepancy.kind.info().versions { same.iter().map(|m| m.span).collect() } else { Vec::new() };
            let _ =
                writeln!(out, "> **{}**: {}\n", escape(&article.outlet), quote(&article.text, sentence.span, &marks));
        }
    }
}

fn shared(comparison: &Comparison, review: Option<&crate::review::Reviewed>, out: &mut String) {
    if comparison.groups.is_empty() {
        return;
    }
    out.push_str("## Shared statements\n\n| Articles | Statement | Carried by |\n|--:|---|---|\n");
    let mut order: Vec<usize> = (0..comparison.groups.len()).collect();
    // Most widely carried first; reading order among equals (stable sort).
    order.sort_by_key(|g| std::cmp::Reverse(comparison.groups[*g].article_count()));
    for (g, group) in order.into_iter().map(|g| (g, &comparison.groups[g])) {
        let Some(reference) = group.members.get(group.reference) else { continue };
        let text = comparison.sentence_text(*reference);
        // A grouping the reviewer made says so, with its time.
        let by_reviewer: String = review
            .map(|r| super::review::group_lines(r, g))
            .unwrap_or_default()
            .iter()
            .map(|line| format!(" *({})*", escape(line)))
            .collect();
        // Sentences that tell it as one clause of a longer sentence.
        let also: String = group
            .also
            .iter()
            .map(|c| {
                format!(
                    " — *also told within a longer sentence by {} (similarity {:.2}):* {}",
                    escape_inner(&comparison.articles[c.at.article].outlet),
                    c.similarity,
                    escape_inner(comparison.sentence_text(c.at))
                )
            })
            .collect();
        let mut outlets: Vec<&str> =
            group.members.iter().map(|m| comparison.articles[m.article].outlet.as_str()).collect();
        outlets.dedup();
        let _ = writeln!(
            out,
            "| {}/{} | {}{by_reviewer}{also} | {} |",
            group.article_count(),
            comparison.articles.len(),
            escape(text),
            escape(&outlets.join(", "))
        );
    }
    out.push('\n');
}

fn provenance(comparison: &Comparison, context: &ReportContext, out: &mut String) {
    out.push_str("## Provenance\n\n");
    let _ = writeln!(out, "- Written by parallax {VERSION}.");
    if let Some(scope) = &context.scope {
        let _ = writeln!(out, "- Discrepancies exported {}.", escape(scope));
    }
    match &context.config_file {
        Some(path) => {
            let _ = writeln!(out, "- User configuration: {}.", code(path));
        }
        None => out.push_str("- User configuration: none (built-in defaults).\n"),
    }
    let settings: Vec<String> =
        settings_pairs(&context.settings).iter().map(|(name, value)| format!("`{name}` = {value}")).collect();
    let _ = writeln!(out, "- Settings: {}.\n", settings.join(", "));
    let any_url = comparison.articles.iter().any(|a| a.provenance.final_url.is_some());
    out.push_str("| # | Source | SHA-256 | Bytes | Format | Encoding |");
    out.push_str(if any_url { " Final address | Fetched |\n" } else { "\n" });
    out.push_str("|--:|---|---|--:|---|---|");
    out.push_str(if any_url { "---|---|\n" } else { "\n" });
    for (i, article) in comparison.articles.iter().enumerate() {
        let p = &article.provenance;
        let _ = write!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            i + 1,
            code(&article.source),
            code(&p.content_sha256),
            p.bytes,
            escape(&p.format),
            escape(&p.encoding)
        );
        if any_url {
            let fetched = match (&p.fetched_at, p.from_cache) {
                (Some(at), true) => format!("{} (from cache)", escape(at)),
                (Some(at), false) => escape(at),
                (None, _) => String::new(),
            };
            let _ = write!(out, " {} | {fetched} |", p.final_url.as_deref().map(code).unwrap_or_default());
        }
        out.push('\n');
    }
}

/// A sentence with the given spans in bold.
fn quote(text: &str, sentence: Span, marks: &[Span]) -> String {
    let mut out = String::new();
    let mut position = sentence.start;
    let mut sorted: Vec<Span> =
        marks.iter().copied().filter(|m| m.start >= sentence.start && m.end <= sentence.end).collect();
    sorted.sort();
    let piece = |span: Span| text.get(span.range()).unwrap_or_default();
    for mark in sorted {
        if mark.start < position {
            continue;
        }
        out.push_str(&escape(piece(Span::new(position, mark.start))));
        // `**` only emphasises when it touches the words: keep spaces outside.
        let marked = piece(mark);
        let inner = marked.trim();
        if inner.is_empty() {
            out.push_str(&escape(marked));
        } else {
            let lead = &marked[..marked.len() - marked.trim_start().len()];
            let trail = &marked[marked.trim_end().len()..];
            let _ = write!(out, "{}**{}**{}", escape(lead), escape_inner(inner), escape(trail));
        }
        position = mark.end;
    }
    out.push_str(&escape(piece(Span::new(position, sentence.end))));
    out
}

/// Escapes untrusted text so GitHub and GitLab render it literally, in
/// running text and in table cells alike:
///
/// - `<` is entity-encoded (no raw HTML); `&` only where it would start an
///   entity;
/// - `\ * _ ` [ ] | ~ $` are backslash-escaped: no emphasis, code, links,
///   images, cell breaks, strikethrough or math;
/// - a mention (`@name`) or reference (`#12`, `!12`) gets an invisible word
///   joiner after its sign, so nobody is notified and nothing is linked;
///   so do bare addresses (`https://…`: before the `:`; `www.…`: after
///   the `www`), which GitHub would otherwise turn into live links;
/// - a line-start marker (`#`, `>`, `-`, `+`, `=`, `1.`) at the very start
///   is escaped, in case the text ever opens a line;
/// - line breaks and tabs become spaces; control and invisible characters
///   are dropped.
///
/// Ordinary punctuation (`.`, `-`, `(`, `!`, `:`) is left alone.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = escape_inner(text);
    let first = out.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=')) {
        out.insert(0, '\\');
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        // "1. " or "1) " would start an ordered list.
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if matches!(out[digits..].chars().next(), Some('.' | ')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// [`escape`] without the line-start rule: for text that follows other text.
fn escape_inner(text: &str) -> String {
    const WORD_JOINER: char = '\u{2060}';
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '<' => out.push_str("&lt;"),
            '&' if starts_entity(&chars[i + 1..]) => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '@' if next.is_some_and(char::is_alphanumeric) => {
                out.push(c);
                out.push(WORD_JOINER);
            }
            '#' | '!' if next.is_some_and(|n| n.is_ascii_digit()) && (i == 0 || chars[i - 1] != '&') => {
                out.push(c);
                out.push(WORD_JOINER);
            }
            // `scheme://` and `www.` become live links under GitHub's
            // autolinks: a word joiner before the `:` or after the `www`
            // keeps them text.
            ':' if chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/') && i > 0 => {
                out.push(WORD_JOINER);
                out.push(c);
            }
            '.' if i >= 3
                && chars[i - 3..i].iter().all(|w| w.eq_ignore_ascii_case(&'w'))
                && (i == 3 || !chars[i - 4].is_alphanumeric()) =>
            {
                out.push(WORD_JOINER);
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || crate::normalize::is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// True when the characters after a `&` would make it an entity (`&amp;`,
/// `&#60;`): only then must the `&` itself be escaped.
fn starts_entity(rest: &[char]) -> bool {
    let body = rest.iter().skip(usize::from(rest.first() == Some(&'#'))).take_while(|c| c.is_ascii_alphanumeric());
    let length = body.count();
    length > 0 && rest.get(length + usize::from(rest.first() == Some(&'#'))) == Some(&';')
}

/// Inline code for paths and URLs, safe in table cells: backticks become
/// quotes, pipes are escaped (GitHub and GitLab split cells on them even
/// inside code), escape sequences, controls and bidi overrides are dropped
/// (a file name is as untrusted as an article).
fn code(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len() + 2);
    for c in crate::normalize::clean_line(text).chars() {
        match c {
            '`' => cleaned.push('\''),
            '|' => cleaned.push_str("\\|"),
            c => cleaned.push(c),
        }
    }
    format!("`{cleaned}`")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, compare_texts};

    #[test]
    fn escape_neutralises_markup_and_leaves_punctuation_alone() {
        assert_eq!(escape("<script>alert(1)</script>"), "&lt;script>alert(1)&lt;/script>");
        assert_eq!(escape("[click](javascript:alert(1))"), "\\[click\\](javascript:alert(1))");
        assert_eq!(escape("![img](x.png)"), "!\\[img\\](x.png)");
        assert_eq!(escape("a | b\nc"), "a \\| b c");
        assert_eq!(escape("*bold* and _it_ and `code`"), "\\*bold\\* and \\_it\\_ and \\`code\\`");
        assert_eq!(escape("Twenty-seven (27) died. Really!"), "Twenty-seven (27) died. Really!");
        assert_eq!(escape("AT&T & co; &amp; &#60;"), "AT&T & co; &amp;amp; &amp;#60;");
        assert_eq!(escape("$5 and $6"), "\\$5 and \\$6");
        assert_eq!(escape("\u{1b}[31mred\u{202e}"), "\\[31mred");
    }

    #[test]
    fn mentions_and_references_are_broken() {
        assert_eq!(escape("ask @alice about #12 and !3"), "ask @\u{2060}alice about #\u{2060}12 and !\u{2060}3");
        assert_eq!(escape("mail a@ b # c"), "mail a@ b # c");
    }

    #[test]
    fn bare_addresses_never_become_links() {
        let escaped = escape("see https://evil.example/x, HTTP://a.example, www.b.example and (WWW.c.example)");
        assert_eq!(
            escaped,
            "see https\u{2060}://evil.example/x, HTTP\u{2060}://a.example, www\u{2060}.b.example and \
             (WWW\u{2060}.c.example)"
        );
        // What GitHub's autolink extension looks for is gone.
        for trigger in ["http://", "https://", "www."] {
            assert!(!escaped.to_lowercase().contains(trigger), "{trigger} in {escaped}");
        }
        // Ordinary words and times are left alone.
        assert_eq!(escape("Awww. At 10:30 the flow.www"), "Awww. At 10:30 the flow.www");
        assert_eq!(escape("mail ida@velm.example"), "mail ida@\u{2060}velm.example");
    }

    #[test]
    fn line_start_markers_are_escaped() {
        assert_eq!(escape("# Heading"), "\\# Heading");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("> quote"), "\\> quote");
        assert_eq!(escape("1. first"), "1\\. first");
        assert_eq!(escape("1,000 people"), "1,000 people");
    }

    #[test]
    fn code_spans_keep_table_cells_intact() {
        assert_eq!(code("a|b`c\u{7}"), "`a\\|b'c`");
    }

    #[test]
    fn marks_hug_the_words() {
        let text = "Some 4,500 left.";
        assert_eq!(quote(text, Span::new(0, 16), &[Span::new(0, 11)]), "**Some 4,500** left.");
    }

    /// What a CommonMark + GFM-tables parser makes of a report: raw HTML,
    /// links and images found, and the cell count of every table row
    /// against its header.
    fn parsed(markdown: &str) -> (Vec<String>, Vec<(usize, usize)>) {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
        let mut markup = Vec::new();
        let mut rows = Vec::new();
        let (mut header_cells, mut cells) = (0, 0);
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Html(html) | Event::InlineHtml(html) => markup.push(format!("html {html}")),
                Event::InlineMath(math) | Event::DisplayMath(math) => markup.push(format!("math {math}")),
                Event::Start(Tag::Link { dest_url, .. }) => markup.push(format!("link {dest_url}")),
                Event::Start(Tag::Image { dest_url, .. }) => markup.push(format!("image {dest_url}")),
                Event::Start(Tag::Strikethrough) => markup.push("strikethrough".into()),
                Event::Start(Tag::TableRow) => cells = 0,
                Event::Start(Tag::TableCell) => cells += 1,
                Event::End(TagEnd::TableHead) => header_cells = cells,
                Event::End(TagEnd::TableRow) => rows.push((cells, header_cells)),
                Event::Start(Tag::TableHead) => cells = 0,
                _ => {}
            }
        }
        (markup, rows)
    }

    #[test]
    fn samples_parse_into_clean_tables() {
        let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/dravik-dam");
        let comparison = crate::compare_inputs(&[samples.to_owned()], &Default::default(), &Settings::default());
        let report = render(&comparison, &ReportContext::default());
        let (markup, rows) = parsed(&report);
        assert!(markup.is_empty(), "{markup:?}");
        assert!(rows.len() > comparison.groups.len() + comparison.articles.len(), "tables parsed: {}", rows.len());
        for (cells, header) in rows {
            assert_eq!(cells, header, "a row has as many cells as its header");
        }
        // Escaping stays out of the way of ordinary prose.
        assert!(report.contains("Twenty-seven"), "hyphens are left alone");
        assert!(!report.contains("\\."), "full stops are left alone");
    }

    #[test]
    fn hostile_article_renders_as_text() {
        let comparison = compare_texts(
            &[
                (
                    "a|b.txt",
                    "Dam bursts <script>alert(1)</script> ~~gone~~ $x$ and $5 or $6\n\nAbout 4,500 residents were \
                     evacuated on Tuesday, <img src=x onerror=alert(1)> said [x](javascript:alert(1)) @admin.",
                ),
                (
                    "b.txt",
                    "Flood\n\nMore than 4,000 residents were evacuated on Tuesday, <a href=\"javascript:alert(1)\">ok</a>.",
                ),
            ],
            &Settings::default(),
        );
        let report = render(&comparison, &ReportContext::default());
        // Escaped brackets cannot open a link; drop them and look for link syntax.
        let unescaped = report.replace("\\[", "").replace("\\]", "");
        for raw in ["<script", "<img", "<a ", "](javascript", "[x]"] {
            assert!(!unescaped.contains(raw), "raw `{raw}` in:\n{report}");
        }
        assert!(report.contains("&lt;script>alert(1)&lt;/script>"));
        assert!(report.contains("\\[x\\](javascript:alert(1))"));
        // A parser finds no HTML, link, image or math, and no pipe from the
        // text split a table cell.
        let (markup, rows) = parsed(&report);
        assert!(markup.is_empty(), "{markup:?}");
        assert!(rows.iter().all(|(cells, header)| cells == header), "{rows:?}");
    }

    #[test]
    fn a_sentence_telling_a_shared_statement_within_a_longer_one_is_listed_under_it() {
        let mut comparison = compare_texts(
            &[
                ("a.txt", "Dam bursts\n\nAbout 4,500 residents were evacuated on Tuesday."),
                ("b.txt", "Flood\n\nMore than 4,000 residents were evacuated on Tuesday."),
                (
                    "c|d.txt",
                    "Water\n\nThe river rose <script>x</script> and residents [fled](javascript:alert(1)) | *fast*.",
                ),
            ],
            &Settings::default(),
        );
        let plain = render(&comparison, &ReportContext::default());
        assert!(!plain.contains("also told within"), "no `also`, nothing listed");
        let group = comparison.groups.iter().position(|g| g.article_count() == 2).expect("a and b share");
        let sentence = comparison.articles[2].sentences.len() - 1;
        let at = crate::model::SentenceRef { article: 2, sentence };
        assert!(comparison.sentence_text(at).contains("river"));
        comparison.groups[group].also.push(crate::model::Closest { at, similarity: 0.712 });
        let report = render(&comparison, &ReportContext::default());
        let row = report.lines().find(|l| l.contains("also told within")).expect("listed");
        assert!(row.contains("evacuated"), "in its group's row: {row}");
        assert!(row.contains("by c\\|d (similarity 0.71):* The river rose &lt;script>x&lt;/script>"), "{row}");
        assert!(row.contains("\\[fled\\](javascript:alert(1)) \\| \\*fast\\*."), "{row}");
        let (markup, rows) = parsed(&report);
        assert!(markup.is_empty(), "{markup:?}");
        assert!(rows.iter().all(|(cells, header)| cells == header), "{rows:?}");
    }
}
