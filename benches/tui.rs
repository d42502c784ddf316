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
use parallax::tui::{App, Options};
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
    let mut app = App::ready(Options::default(), Arc::clone(comparison));
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
    targets = frames, first_frame
}
criterion_main!(benches);
