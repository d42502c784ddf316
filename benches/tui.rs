//! Reader benchmarks: the cost of one frame at 240×60 with seven panes on
//! the largest generated sets, and of the first frame for 20 articles.
//!
//! `cargo bench --bench tui`. Targets (issue 3): a frame under 5 ms, the
//! first frame under 150 ms. The analysis itself is measured separately
//! (`analysis/20x1000`): when it finishes within `tui::QUICK` the first
//! frame shows the articles, otherwise the reader opens with a gauge.

#[path = "support/corpus.rs"]
#[allow(dead_code)] // the generator's helpers serve other benchmarks too
mod corpus;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use parallax::tui::keymap::Key;
use parallax::tui::{App, Options, view};
use parallax::{Comparison, Settings, compare_texts};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

const WIDTH: u16 = 240;
const HEIGHT: u16 = 60;

fn texts(articles: usize, words: usize) -> Vec<(String, String)> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam");
    corpus::generate(&samples, articles, words, 1)
}

fn compare(texts: &[(String, String)]) -> Comparison {
    let borrowed: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    compare_texts(&borrowed, &Settings::default())
}

fn press(app: &mut App, key: &str) {
    if let Ok(key) = Key::parse(key) {
        app.handle_key(KeyEvent::new(key.code(), key.modifiers()));
    }
}

fn reader(comparison: &Arc<Comparison>) -> (App, Terminal<TestBackend>) {
    let mut app = App::ready(Options::default(), Arc::clone(comparison)).measured_by(view::scroll_limits);
    app.resize(WIDTH, HEIGHT);
    let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    (app, terminal)
}

fn frames(c: &mut Criterion) {
    for (articles, words) in [(400, 1_000), (10, 50_000)] {
        let comparison = Arc::new(compare(&texts(articles, words)));
        let (mut app, mut terminal) = reader(&comparison);
        assert_eq!(app.screen().pane_count(), 7, "seven panes at {WIDTH}x{HEIGHT}");
        terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
        let name = format!("{articles}x{words}");
        c.bench_function(&format!("frame/{name}"), |b| {
            b.iter(|| terminal.draw(|frame| frame.render_widget(&app, frame.area())).map(|_| ()));
        });
        // Scrolling: a key press and the frame after it, walking down a page.
        let mut step = 0_u32;
        c.bench_function(&format!("scroll_frame/{name}"), |b| {
            b.iter(|| {
                step += 1;
                press(&mut app, if step % 40 < 20 { "j" } else { "k" });
                terminal.draw(|frame| frame.render_widget(&app, frame.area())).map(|_| ())
            });
        });
        c.bench_function(&format!("next_discrepancy_frame/{name}"), |b| {
            b.iter(|| {
                press(&mut app, "n");
                terminal.draw(|frame| frame.render_widget(&app, frame.area())).map(|_| ())
            });
        });
    }
}

/// The worst frames, which criterion's averages hide: a fresh reader walks
/// each article set from top to bottom (a page at a time, then line by line
/// for a while, then to the end and back), timing every key press with the
/// frame after it. Target (issue 6): no frame over 16 ms while scrolling.
fn scroll_through(_: &mut Criterion) {
    for (articles, words) in [(400, 1_000), (10, 50_000)] {
        let comparison = Arc::new(compare(&texts(articles, words)));
        // Cold: keys from the first frame on, no idle time at all.
        walk(&comparison, articles, words, false);
        // As the reader runs: after the first frame, while the user reads,
        // the event loop lays out rows ahead in 4 ms slices (`App::prepare`).
        walk(&comparison, articles, words, true);
    }
}

fn walk(comparison: &Arc<Comparison>, articles: usize, words: usize, idle_layout: bool) {
    let mode = if idle_layout { "after idle layout" } else { "cold" };
    let (mut app, mut terminal) = reader(comparison);
    let _ = terminal.draw(|frame| frame.render_widget(&app, frame.area()));
    if idle_layout {
        let start = std::time::Instant::now();
        let mut slices = 1;
        while app.prepare(std::time::Instant::now() + Duration::from_millis(4)) {
            slices += 1;
        }
        println!(
            "scroll_through/{articles}x{words}: idle layout {:.1} ms in {slices} slices",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    let mut times: Vec<f64> = Vec::new();
    let mut slowest: Vec<(f64, String)> = Vec::new();
    let mut step = |app: &mut App, key: &str| {
        let start = std::time::Instant::now();
        press(app, key);
        let _ = terminal.draw(|frame| frame.render_widget(&*app, frame.area()));
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        slowest.push((ms, key.to_owned()));
    };
    step(&mut app, "g");
    for _ in 0..400 {
        step(&mut app, "PgDn");
    }
    step(&mut app, "g");
    for _ in 0..600 {
        step(&mut app, "j");
    }
    for key in ["G", "g", "G"] {
        step(&mut app, key);
    }
    for _ in 0..200 {
        step(&mut app, "k");
    }
    for _ in 0..100 {
        step(&mut app, "n");
    }
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let worst: Vec<String> = slowest.iter().take(3).map(|(ms, key)| format!("{key} {ms:.1} ms")).collect();
    println!("scroll_through/{articles}x{words} ({mode}): slowest keys: {}", worst.join(", "));
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "scroll_through/{articles}x{words} ({mode}): {} frames, median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn first_frame(c: &mut Criterion) {
    let texts = texts(20, 1_000);
    let comparison = Arc::new(compare(&texts));
    c.bench_function("first_frame/20x1000", |b| {
        b.iter_batched(
            || Arc::clone(&comparison),
            |comparison| {
                let (app, mut terminal) = reader(&comparison);
                terminal.draw(|frame| frame.render_widget(&app, frame.area())).map(|_| ())
            },
            BatchSize::SmallInput,
        );
    });
    c.bench_function("analysis/20x1000", |b| b.iter(|| black_box(compare(&texts))));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    targets = frames, first_frame, scroll_through
}
criterion_main!(benches);
