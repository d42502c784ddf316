//! Extracting a large saved page: a ~2 MB page built by repeating the
//! Northern Courier fixture's article body, figures, newsletter boxes and
//! comments, so readability scores many candidates and pruning does real
//! work. The target is under 100 ms (see the README).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::ingest::{Format, parse_bytes};
use std::hint::black_box;

/// The size the page is grown to.
const TARGET_BYTES: usize = 2 * 1024 * 1024;

/// The fixture page with its article content and comment section repeated
/// until the page reaches [`TARGET_BYTES`].
fn big_page() -> String {
    let page = include_str!("../tests/fixtures/html/northern-courier/page.html");
    let content = between(page, r#"<div class="entry-content">"#, "</div>\n    <p class=\"tags\">");
    let comments = between(page, r#"<section id="comments" class="comments-area">"#, "</section>");
    let mut body = String::new();
    let mut comment_block = String::new();
    let mut round = 0;
    // The result holds the page minus one copy of each part plus the repeats.
    while page.len() - content.len() - comments.len() + body.len() + comment_block.len() < TARGET_BYTES {
        body.push_str(&format!("<h2>Update {round}</h2>\n"));
        body.push_str(content);
        comment_block.push_str(comments);
        round += 1;
    }
    page.replacen(content, &body, 1).replacen(comments, &comment_block, 1)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).map(|i| i + start.len()).expect("start marker in the fixture");
    let to = text[from..].find(end).map(|i| from + i).expect("end marker in the fixture");
    &text[from..to]
}

fn extraction(c: &mut Criterion) {
    let page = big_page();
    assert!(page.len() >= TARGET_BYTES, "page is only {} bytes", page.len());
    let mut group = c.benchmark_group("html");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("extract_2mb_page", |b| {
        b.iter(|| parse_bytes("big.html", black_box(page.as_bytes()), Format::Html).expect("the page has an article"));
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
