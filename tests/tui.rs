//! Snapshots of the reader's main screens on the bundled sample corpus,
//! drawn to ratatui's `TestBackend` after real key presses.
//!
//! Snapshots hold the characters on screen; colours are checked by the
//! assertions at the end, and the monochrome snapshot shows the markers
//! that stand in for colour.

use parallax::ingest::IngestOptions;
use parallax::tui::keymap::Key;
use parallax::tui::theme::Element;
use parallax::tui::{App, Options, Theme, view};
use parallax::{Comparison, Settings, compare_inputs, compare_texts};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use std::sync::{Arc, OnceLock};

fn sample() -> Arc<Comparison> {
    static SAMPLE: OnceLock<Arc<Comparison>> = OnceLock::new();
    Arc::clone(SAMPLE.get_or_init(|| {
        let inputs = ["assets/samples/dravik-dam".to_owned()];
        Arc::new(compare_inputs(&inputs, &IngestOptions::default(), &Settings::default()))
    }))
}

fn reader(theme: Theme, width: u16, height: u16) -> App {
    let options = Options { theme, ..Options::default() };
    let mut app = App::ready(options, sample()).measured_by(view::scroll_limits);
    app.resize(width, height);
    app
}

/// Presses keys given as space-separated names (`n n enter`).
fn keys(app: &mut App, keys: &str) {
    for name in keys.split_whitespace() {
        let key = Key::parse(name).expect("valid key");
        app.handle_key(KeyEvent::new(key.code(), key.modifiers()));
    }
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| frame.render_widget(app, frame.area())).expect("draw");
    terminal
}

/// The cell where `needle` starts on screen.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let width = u16::try_from(needle.chars().count()).ok()?;
    (0..buffer.area.height).find_map(|y| {
        (0..buffer.area.width.saturating_sub(width)).find_map(|x| {
            let here: String = (x..x + width).map(|x| buffer[(x, y)].symbol()).collect();
            (here == needle).then_some((x, y))
        })
    })
}

fn text(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect()
}

#[test]
fn panes_side_by_side() {
    let app = reader(Theme::default(), 160, 40);
    insta::assert_snapshot!(draw(&app, 160, 40).backend());
}

#[test]
fn highlights_in_monochrome_after_next_discrepancy() {
    let mut app = reader(Theme::monochrome(), 160, 45);
    keys(&mut app, "n");
    insta::assert_snapshot!(draw(&app, 160, 45).backend());
}

#[test]
fn list_panel_with_the_second_discrepancy() {
    let mut app = reader(Theme::default(), 150, 36);
    keys(&mut app, "d n n");
    insta::assert_snapshot!(draw(&app, 150, 36).backend());
}

#[test]
fn detail_view_of_the_first_discrepancy() {
    let mut app = reader(Theme::monochrome(), 170, 36);
    keys(&mut app, "n enter");
    insta::assert_snapshot!(draw(&app, 170, 36).backend());
}

#[test]
fn help_overlay() {
    let mut app = reader(Theme::default(), 100, 60);
    keys(&mut app, "?");
    insta::assert_snapshot!(draw(&app, 100, 60).backend());
}

#[test]
fn stacked_when_narrow() {
    let mut app = reader(Theme::default(), 60, 24);
    keys(&mut app, "n");
    insta::assert_snapshot!(draw(&app, 60, 24).backend());
}

#[test]
fn terminal_too_small() {
    let app = reader(Theme::default(), 30, 8);
    insta::assert_snapshot!(draw(&app, 30, 8).backend());
}

#[test]
fn search_prompt_and_matches() {
    let mut app = reader(Theme::monochrome(), 120, 30);
    keys(&mut app, "/ K o u z n e t s o v");
    insta::assert_snapshot!("search_prompt", draw(&app, 120, 30).backend());
    keys(&mut app, "enter");
    insta::assert_snapshot!("search_first_match", draw(&app, 120, 30).backend());
}

#[test]
fn progress_gauge_while_loading() {
    let mut app = App::loading(Options::default(), 5).measured_by(view::scroll_limits);
    app.resize(80, 24);
    app.set_stage(parallax::Stage::Match);
    let screen = text(draw(&app, 80, 24).backend().buffer()).join("\n");
    // The elapsed time is the one thing that changes between runs.
    let screen = regex::Regex::new(r"\d+\.\d s").expect("regex").replace(&screen, "T s");
    insta::assert_snapshot!(screen);
}

#[test]
fn wide_characters_emoji_and_combining_marks_keep_columns_aligned() {
    let comparison = compare_texts(
        &[
            (
                "東京.txt",
                "東京で洪水\n\n東京都の川が氾濫し、三人が死亡した。🌊🌊 住民四千五百人が避難した。\n\nCafe\u{301} owners on Mill Street 🍞 handed out bread to everyone who came by.",
            ),
            (
                "b.txt",
                "Flood in Tokyo\n\nThe river in Tokyo burst its banks 🌊 and three people died.\n\nCafe\u{301} owners on Mill Street handed out bread to everyone.",
            ),
            (
                "c.txt",
                "Tokyo floods\n\nAt least five people died when the river burst its banks.\n\nZalgo t\u{336}e\u{336}x\u{336}t and ｆｕｌｌｗｉｄｔｈ letters stay in their lane.",
            ),
        ],
        &Settings::default(),
    );
    for width in [96, 100, 120, 131] {
        let mut app = App::ready(Options::default(), Arc::new(comparison.clone())).measured_by(view::scroll_limits);
        app.resize(width, 20);
        let terminal = draw(&app, width, 20);
        let buffer = terminal.backend().buffer();
        for pane in app.screen().panes {
            let right = pane.outer.right() - 1;
            for y in pane.outer.top()..pane.outer.bottom() {
                let symbol = buffer[(right, y)].symbol();
                assert!("│┃╮╯┓┛".contains(symbol), "width {width}, row {y}: right border replaced by {symbol:?}");
            }
        }
        if width == 100 {
            insta::assert_snapshot!(terminal.backend());
        }
    }
}

#[test]
fn colours_mark_the_figures_and_the_focus() {
    let mut app = reader(Theme::default(), 160, 40);
    keys(&mut app, "n");
    let terminal = draw(&app, 160, 40);
    let buffer = terminal.backend().buffer();
    let theme = Theme::default();
    // "At least five" (the conflicting figure) is drawn reversed over the
    // conflicting style: selected, and still red underneath.
    let (x, y) = find(buffer, "At least five").expect("the figure is on screen");
    let cell = &buffer[(x, y)];
    let conflicting = theme.style(Element::NumberConflicting);
    assert_eq!(cell.bg, conflicting.bg.expect("a background"));
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED), "selected");
    // The focused pane's border has the focus colour.
    let focused = app.screen().panes[0].outer;
    assert_eq!(buffer[(focused.x, focused.y + 1)].fg, theme.style(Element::BorderFocused).fg.expect("a colour"));
}

#[test]
fn a_unique_detail_shows_the_closest_sentence_of_other_articles() {
    // "Only one article reports this" is a claim: the detail view shows
    // what each other article says closest to it, with the similarity.
    let mut app = reader(Theme::monochrome(), 200, 60);
    keys(&mut app, "N enter");
    let screen = text(draw(&app, 200, 60).backend().buffer()).join("\n");
    assert!(screen.contains("Discrepancy") && screen.contains("unique"), "{screen}");
    assert!(screen.contains("closest sentence here (similarity"), "{screen}");
    assert!(!screen.contains("0.00)"), "a sentence sharing nothing is not shown: {screen}");
}
