//! The whole comparison on two or three articles cut from the input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::report::{ReportContext, ReportFormat, render};
use parallax::{Settings, compare_texts};

fuzz_target!(|text: &str| {
    let parts: Vec<&str> = text.splitn(3, '\u{1}').collect();
    if parts.len() < 2 {
        return;
    }
    let names = ["a.txt", "b.md", "c.txt"];
    let inputs: Vec<(&str, &str)> = parts.iter().enumerate().map(|(i, p)| (names[i], *p)).collect();
    let comparison = compare_texts(&inputs, &Settings::default());
    for group in &comparison.groups {
        assert!(group.article_count() >= 2);
    }
    let _ = render(&comparison, ReportFormat::Json, &ReportContext::default());
    let _ = render(&comparison, ReportFormat::Markdown, &ReportContext::default());
});
