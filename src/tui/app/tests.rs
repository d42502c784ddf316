//! The state machine driven by keys, without a terminal: what each key
//! does to the state, and (through a `TestBackend`) to the screen.

use super::*;
use crate::model::DiscrepancyKind;
use crate::{Settings, compare_texts};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

const ARTICLES: &[(&str, &str)] = &[
    (
        "a.txt",
        "Source: Wire\n\nDam bursts in Velmora\n\nThree people were killed in the flooding on Tuesday.\n\nAbout 4,500 residents were evacuated overnight.\n\nEngineer Yevgeny Kuznetsov said the cracks had been reported.\n\nA bakery on Mill Street gave out free bread.",
    ),
    (
        "b.txt",
        "Source: Blog\n\nFlood hits Velmora\n\nAt least five people were killed in the flooding on Tuesday.\n\nMore than 4,000 residents were evacuated overnight.\n\nEngineer Evgeny Kouznetsov said the cracks had been reported.",
    ),
    (
        "c.txt",
        "Source: Courier\n\nVelmora under water\n\nThree people were killed in the flooding on Tuesday.\n\nAuthorities evacuated 4,500 residents overnight.\n\nThe school gym became a shelter for the night.",
    ),
];

fn app(width: u16, height: u16) -> App {
    let comparison = compare_texts(ARTICLES, &Settings::default());
    let mut app = App::ready(Options::default(), Arc::new(comparison)).measured_by(crate::tui::view::scroll_limits);
    app.resize(width, height);
    app
}

fn press(app: &mut App, key: &str) {
    let key = Key::parse(key).expect("valid key");
    app.handle_key(KeyEvent::new(key.code(), key.modifiers()));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn draw(app: &App) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("terminal");
    terminal.draw(|frame| frame.render_widget(app, frame.area())).expect("draw");
    terminal.backend().buffer().clone()
}

/// The gutter marker column of a pane, top to bottom.
fn gutter(app: &App, buffer: &ratatui::buffer::Buffer, article: usize) -> String {
    let screen = app.screen();
    let pane = screen.pane_of(article).expect("pane visible");
    (pane.gutter.y..pane.gutter.bottom()).map(|y| buffer[(pane.gutter.x, y)].symbol().to_owned()).collect()
}

#[test]
fn next_discrepancy_brings_every_mentioning_pane_to_its_mention() {
    let mut app = app(120, 30);
    let total = app.filtered().len();
    assert!(total > 1, "the articles disagree on something");
    press(&mut app, "n");
    let selected = app.selected.expect("a discrepancy is selected");
    assert_eq!(app.position_in_list(), (Some(1), total));
    let buffer = draw(&app);
    let reader = app.reader().expect("ready");
    for article in reader.comparison().discrepancies[selected].articles() {
        assert!(gutter(&app, &buffer, article).contains('▶'), "pane {article} shows its mention");
    }
    press(&mut app, "n");
    assert_eq!(app.position_in_list().0, Some(2));
    press(&mut app, "N");
    press(&mut app, "N");
    assert_eq!(app.position_in_list().0, Some(total), "wraps to the last");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("wrapped")));
}

#[test]
fn every_discrepancy_can_be_reached_and_shown_at_small_sizes() {
    for (width, height) in [(200, 50), (80, 24), (60, 20), (40, 10), (12, 4)] {
        let mut app = app(width, height);
        let total = app.filtered().len();
        for _ in 0..total {
            press(&mut app, "n");
            let _ = draw(&app);
            press(&mut app, "enter");
            let _ = draw(&app);
            press(&mut app, "esc");
        }
        assert_eq!(app.position_in_list(), (Some(total), total), "{width}x{height}");
    }
}

#[test]
fn the_filter_hides_kinds_from_navigation() {
    let mut app = app(120, 30);
    let uniques = app
        .filtered()
        .iter()
        .filter(|i| app.reader().map(|r| r.comparison().discrepancies[**i].kind) == Some(DiscrepancyKind::Unique))
        .count();
    let before = app.filtered().len();
    press(&mut app, "f");
    assert_eq!(app.mode(), Mode::Filter);
    press(&mut app, "4");
    press(&mut app, "esc");
    assert_eq!(app.mode(), Mode::Reading);
    assert_eq!(app.filtered().len(), before - uniques);
    let kinds: Vec<DiscrepancyKind> = (0..before)
        .filter_map(|_| {
            press(&mut app, "n");
            app.selected.and_then(|s| app.reader().map(|r| r.comparison().discrepancies[s].kind))
        })
        .collect();
    assert!(!kinds.contains(&DiscrepancyKind::Unique));
    press(&mut app, "f");
    press(&mut app, "a");
    press(&mut app, "f");
    assert_eq!(app.filtered().len(), before);
}

#[test]
fn searching_a_name_finds_its_other_spellings() {
    let mut app = app(120, 30);
    press(&mut app, "/");
    type_text(&mut app, "kouznetsov");
    let articles: Vec<usize> = app.search.matches.iter().map(|m| m.article).collect();
    assert_eq!(articles, [0, 1], "Kuznetsov in a.txt and Kouznetsov in b.txt");
    press(&mut app, "esc");
    press(&mut app, "/");
    type_text(&mut app, "Evgeny Kouznetsov");
    assert_eq!(app.search.matches.len(), 2);
}

#[test]
fn search_highlights_steps_and_ends_with_escape() {
    let mut app = app(120, 30);
    press(&mut app, "/");
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "velmora");
    assert_eq!(app.search.matches.len(), 3, "live matches while typing, case-insensitive");
    assert!(!app.search.active);
    press(&mut app, "enter");
    assert_eq!(app.mode(), Mode::Searching);
    assert_eq!(app.search.current, Some(0));
    press(&mut app, "n");
    assert_eq!(app.search.current, Some(1));
    let current = app.search.current_match().expect("match");
    assert_eq!(app.focus, current.article, "the pane of the match is focused");
    assert!(gutter(&app, &draw(&app), current.article).contains('»'));
    press(&mut app, "N");
    press(&mut app, "N");
    assert_eq!(app.search.current, Some(2), "wraps");
    press(&mut app, "esc");
    assert_eq!(app.mode(), Mode::Reading);
    assert!(app.search.matches.is_empty());
    assert!(!app.should_quit(), "Esc ended the search, it did not quit");
    press(&mut app, "/");
    type_text(&mut app, "zzz");
    press(&mut app, "enter");
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("zzz")));
}

#[test]
fn typing_in_a_prompt_never_triggers_bindings() {
    let mut app = app(120, 30);
    press(&mut app, "/");
    type_text(&mut app, "qnj?");
    assert!(!app.should_quit());
    assert_eq!(app.prompt.as_ref().map(|p| p.input.as_str()), Some("qnj?"));
    press(&mut app, "esc");
    assert_eq!(app.mode(), Mode::Reading);
    press(&mut app, "/");
    press(&mut app, "ctrl-c");
    assert!(app.should_quit(), "Ctrl-C quits from anywhere");
}

#[test]
fn export_writes_the_same_report_as_headless_and_survives_failures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app(120, 30);
    press(&mut app, "e");
    assert_eq!(app.prompt.as_ref().map(|p| p.input.clone()), Some(String::new()), "no default path configured");
    let path = dir.path().join("out.json");
    type_text(&mut app, &path.to_string_lossy());
    press(&mut app, "enter");
    let message = app.message.clone().expect("a message");
    assert!(!message.error && message.text.starts_with("report written to"), "{message:?}");
    let reader = app.reader().expect("ready");
    let expected =
        crate::report::render(reader.comparison(), crate::report::ReportFormat::Json, &ReportContext::default());
    assert_eq!(std::fs::read_to_string(&path).expect("written"), expected);

    press(&mut app, "e");
    type_text(&mut app, &dir.path().join("out.xyz").to_string_lossy());
    press(&mut app, "enter");
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("report format")));
    press(&mut app, "e");
    type_text(&mut app, "/no/such/folder/r.md");
    press(&mut app, "enter");
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("cannot write")));
    assert!(!app.should_quit());
}

/// The top line of each visible pane, in the flow the pane is drawn in.
fn tops(app: &App) -> Vec<usize> {
    let screen = app.screen();
    let reader = app.reader().expect("ready");
    screen.panes.iter().map(|pane| app.pane_top(reader, &screen, pane)).collect()
}

#[test]
fn panes_scroll_together_until_sync_is_off() {
    let mut app = app(120, 12);
    let start = tops(&app);
    press(&mut app, "j");
    press(&mut app, "j");
    let moved = tops(&app);
    assert_eq!(moved[0], start[0] + 2, "the focused pane moved two lines");
    assert!(moved.iter().all(|top| *top == moved[0]), "side by side in sync: the same line {moved:?}");
    press(&mut app, "s");
    let others = tops(&app)[1];
    press(&mut app, "j");
    assert_eq!(tops(&app)[1], others, "sync off: the others stay");
    press(&mut app, "G");
    let bottom = tops(&app)[0];
    press(&mut app, "j");
    assert_eq!(tops(&app)[0], bottom, "no scrolling past the end");
    press(&mut app, "g");
    assert_eq!(tops(&app)[0], 0);
    press(&mut app, "k");
    assert_eq!(tops(&app)[0], 0, "no scrolling above the beginning");
    assert!(bottom > 0);
}

#[test]
fn focus_and_the_pane_window_follow_each_other() {
    let mut app = app(70, 30); // two panes of three
    assert_eq!(app.screen().pane_count(), 2);
    press(&mut app, "tab");
    press(&mut app, "tab");
    assert_eq!(app.focus, 2);
    assert_eq!(app.screen().first_pane, 1, "the window shifted to show the focus");
    press(&mut app, "tab");
    assert_eq!((app.focus, app.screen().first_pane), (0, 0), "wraps around");
    press(&mut app, "l");
    assert_eq!(app.screen().first_pane, 1);
    assert_eq!(app.focus, 1, "focus kept inside the window");
    press(&mut app, "t");
    assert!(app.screen().stacked);
    press(&mut app, "t");
    assert!(!app.screen().stacked);
}

#[test]
fn quitting_takes_q_or_escape_but_escape_closes_overlays_first() {
    let mut app = app(120, 30);
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, "esc");
    press(&mut app, "n");
    press(&mut app, "enter");
    assert_eq!(app.mode(), Mode::Detail);
    press(&mut app, "esc");
    assert!(!app.should_quit());
    press(&mut app, "esc");
    assert!(app.should_quit());
    let mut app = self::app(120, 30);
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn the_mouse_focuses_and_scrolls_panes_and_can_be_released() {
    let mut app = app(120, 12);
    let screen = app.screen();
    let pane = screen.pane_of(2).expect("third pane");
    let at = |kind| MouseEvent { kind, column: pane.text.x + 2, row: pane.text.y + 1, modifiers: KeyModifiers::NONE };
    app.handle_mouse(at(MouseEventKind::Down(MouseButton::Left)));
    assert_eq!(app.focus, 2);
    app.handle_mouse(at(MouseEventKind::ScrollDown));
    let scrolled = tops(&app)[2];
    assert!(scrolled > 0);
    press(&mut app, "m");
    assert_eq!(app.take_effects(), vec![Effect::MouseCapture(false)]);
    app.handle_mouse(at(MouseEventKind::ScrollUp));
    assert_eq!(tops(&app)[2], scrolled, "ignored while released");
    assert!(draw(&app).content().iter().map(|c| c.symbol()).collect::<String>().contains("mouse off"));
}

#[test]
fn loading_answers_quit_and_help_only() {
    let mut app = App::loading(Options::default(), 3).measured_by(crate::tui::view::scroll_limits);
    app.resize(100, 30);
    app.set_stage(crate::Stage::Match);
    press(&mut app, "n");
    press(&mut app, "/");
    assert_eq!(app.mode(), Mode::Reading, "nothing to search yet");
    let text: String = draw(&app).content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("matching statements"), "the gauge names the stage");
    app.finish(Arc::new(compare_texts(ARTICLES, &Settings::default())));
    assert!(app.reader().is_some());
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn any_size_with_any_overlay_draws_without_panicking() {
    let states: [&[&str]; 5] = [&[], &["enter"], &["?"], &["f"], &["/", "x"]];
    for keys in states {
        let mut app = self::app(80, 24);
        press(&mut app, "d");
        press(&mut app, "n");
        for key in keys {
            press(&mut app, key);
        }
        for width in (0..100).step_by(11) {
            for height in (0..40).step_by(4) {
                app.resize(width, height);
                let _ = draw(&app);
                press(&mut app, "j");
            }
        }
    }
}

/// The state a resize or a failed export must not change.
#[derive(Debug, PartialEq)]
struct KeptState {
    mode: Mode,
    selected: Option<usize>,
    focus: usize,
    first_pane: usize,
    positions: Vec<Pos>,
    prompt: Option<String>,
    detail_scroll: usize,
    filter_cursor: usize,
}

fn kept_state(app: &App) -> KeptState {
    KeptState {
        mode: app.mode(),
        selected: app.selected,
        focus: app.focus,
        first_pane: app.first_pane,
        positions: app.positions.clone(),
        prompt: app.prompt.as_ref().map(|p| p.input.clone()),
        detail_scroll: app.detail_scroll,
        filter_cursor: app.filter_cursor,
    }
}

#[test]
fn resizing_to_one_cell_and_back_keeps_every_overlay_as_it_was() {
    let states: [&[&str]; 8] =
        [&[], &["d"], &["enter"], &["enter", "?"], &["?"], &["f", "down"], &["/", "x"], &["e", "r", "."]];
    for keys in states {
        let mut app = self::app(120, 40);
        for key in ["n", "n", "j", "j"].iter().chain(keys) {
            press(&mut app, key);
        }
        let before = kept_state(&app);
        let screen_before = draw(&app);
        for (width, height) in [(1, 1), (0, 0), (1, 40), (120, 1), (2, 2)] {
            app.resize(width, height);
            let tiny = draw(&app);
            assert_eq!(tiny.area.width, width, "{keys:?}");
        }
        app.resize(120, 40);
        assert_eq!(kept_state(&app), before, "state after resizing with {keys:?}");
        assert_eq!(draw(&app), screen_before, "the screen after resizing with {keys:?}");
    }
}

/// A small deterministic generator (xorshift64*): the same keys every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
}

/// What must hold after any key.
fn assert_valid(app: &App, step: usize) {
    let context = |what: &str| format!("step {step}: {what}");
    assert!(app.focus < app.articles, "{}", context("focus"));
    assert!(
        app.first_pane < app.articles,
        "{}",
        context(&format!("pane window {} of {}", app.first_pane, app.articles))
    );
    assert_eq!(app.positions.len(), app.articles, "{}", context("positions"));
    let reader = app.reader().expect("ready");
    let count = reader.comparison().discrepancies.len();
    assert!(app.selected.is_none_or(|s| s < count), "{}", context("selection"));
    let rows = DiscrepancyKind::ALL.len() + crate::tui::app::Layer::ALL.len();
    assert!(app.filter_cursor < rows, "{}", context("filter cursor"));
    if let Some(prompt) = &app.prompt {
        assert!(prompt.input.is_char_boundary(prompt.cursor), "{}", context("prompt cursor"));
    }
    let rows = reader.comparison().rows.len();
    assert!(app.positions.iter().all(|pos| pos.row <= rows), "{}", context("scroll position"));
}

#[test]
fn ten_thousand_random_keys_at_changing_sizes_never_panic_and_keep_the_state_valid() {
    // Every key the reader binds and then some; not `e` (an export would
    // write files wherever the typed path points) nor the quitting keys
    // (they end the run early; quitting is tested on its own).
    const KEYS: &[&str] = &[
        "j",
        "k",
        "down",
        "up",
        "pagedown",
        "pageup",
        "space",
        "b",
        "ctrl-d",
        "ctrl-u",
        "ctrl-f",
        "ctrl-b",
        "g",
        "G",
        "home",
        "end",
        "tab",
        "backtab",
        "h",
        "l",
        "left",
        "right",
        "n",
        "N",
        "enter",
        "/",
        "f",
        "d",
        "s",
        "t",
        "L",
        "m",
        "?",
        "f1",
        "backspace",
        "delete",
        "1",
        "2",
        "3",
        "4",
        "a",
        "x",
        "é",
        "ctrl-w",
        "ctrl-z",
        "insert",
        "minus",
        "ctrl-n",
        "alt-x",
        "esc",
    ];
    // Small sizes mostly: drawing is the cost of this test in a debug build.
    // Side by side (2 and 3 panes), stacked, the smallest reader, too small, nothing.
    const SIZES: &[(u16, u16)] = &[(80, 24), (120, 12), (66, 12), (33, 30), (40, 10), (39, 9), (1, 1), (0, 0)];
    let keys: Vec<KeyEvent> = KEYS
        .iter()
        .map(|name| {
            let key = Key::parse(name).expect("valid key");
            KeyEvent::new(key.code(), key.modifiers())
        })
        .collect();
    let mut random = XorShift(0x5eed_1234_abcd_0007);
    let mut app = self::app(120, 40);
    let mut buffer = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 120, 40));
    for step in 0..10_000 {
        if step % 97 == 0 {
            let (width, height) = SIZES[random.below(SIZES.len())];
            app.resize(width, height);
            buffer.resize(Rect::new(0, 0, width, height));
        }
        let key = keys[random.below(keys.len())];
        // A lone Esc in reading mode quits: reopen instead.
        if key.code == KeyCode::Esc && app.mode() == Mode::Reading {
            continue;
        }
        app.handle_key(key);
        let _ = app.take_effects();
        assert!(!app.should_quit(), "step {step}: none of these keys quits");
        assert_valid(&app, step);
        // Straight into a buffer: what a frame draws, without the terminal's diffing.
        buffer.reset();
        ratatui::widgets::Widget::render(&app, buffer.area, &mut buffer);
        let _ = crate::tui::view::cursor(&app, buffer.area);
    }
}

#[test]
fn a_refused_export_over_an_input_keeps_the_session_and_the_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Markdown, so the format follows from the name and the write is tried.
    let input = dir.path().join("a.md");
    std::fs::write(&input, ARTICLES[0].1).expect("write");
    let input_name = input.to_string_lossy().into_owned();
    let comparison = compare_texts(ARTICLES, &Settings::default());
    let export = ExportTarget { inputs: vec![input_name.clone()], ..ExportTarget::default() };
    let mut app = App::ready(Options { export, ..Options::default() }, Arc::new(comparison))
        .measured_by(crate::tui::view::scroll_limits);
    app.resize(120, 40);
    for key in ["n", "n", "j", "d"] {
        press(&mut app, key);
    }
    let before = kept_state(&app);
    press(&mut app, "e");
    type_text(&mut app, &format!("{}/./a.md", dir.path().display()));
    press(&mut app, "enter");
    let message = app.message.clone().expect("a message");
    assert!(message.error, "{message:?}");
    assert!(message.text.ends_with("a.md: refusing to overwrite an input article"), "{message:?}");
    assert_eq!(kept_state(&app), before, "the session is as it was");
    assert!(app.show_list && !app.should_quit());
    assert_eq!(std::fs::read_to_string(&input).expect("read"), ARTICLES[0].1, "the article is untouched");
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, ["a.md"], "no partial or temporary file");
}

#[test]
fn idle_layout_finishes_and_changes_nothing_on_screen() {
    let mut prepared = app(120, 12);
    let mut cold = app(120, 12);
    let _ = draw(&prepared);
    let _ = draw(&cold);
    let past = std::time::Instant::now();
    assert!(prepared.prepare(past), "a deadline already passed leaves rows to place");
    let far = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut rounds = 0;
    while prepared.prepare(far) {
        rounds += 1;
        assert!(rounds < 10, "idle layout must finish");
    }
    assert!(!prepared.prepare(far), "nothing left once every row is placed");
    for key in ["G", "g", "n", "G"] {
        press(&mut prepared, key);
        press(&mut cold, key);
        assert_eq!(draw(&prepared), draw(&cold), "after {key}: the layout placed ahead is the one placed on demand");
    }
}

#[test]
fn n_starts_with_what_a_checker_acts_on_and_o_switches_to_reading_order() {
    let mut app = app(120, 30);
    press(&mut app, "n");
    let reader = app.reader().expect("ready");
    let first = &reader.comparison().discrepancies[app.selected.expect("selected")];
    assert_eq!(first.kind, DiscrepancyKind::Number, "a figure first, not a unique detail");
    assert_ne!(first.agreement, Some(crate::model::Agreement::Compatible), "a conflicting one");
    let checker = app.filtered();
    press(&mut app, "o");
    assert_eq!(app.order, ListOrder::Reading);
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("reading order")));
    let reading = app.filtered();
    assert_eq!(reading, (0..reading.len()).collect::<Vec<_>>(), "reading order is the engine's");
    let mut sorted = checker.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, reading, "the same discrepancies, reordered");
    assert!(app.selected.is_some(), "the selection survives the switch");
}

#[test]
fn list_rows_lead_with_what_differs_at_80_columns() {
    let mut app = app(80, 24);
    press(&mut app, "d");
    let buffer = draw(&app);
    let screen = app.screen();
    let list = screen.list.expect("list panel");
    let row = |y: u16| (list.x..list.right()).map(|x| buffer[(x, y)].symbol().to_owned()).collect::<String>();
    let first = row(list.y + 1);
    assert!(first.contains("Three / At least five") || first.contains("three / At least five"), "{first}");
    let rows: Vec<String> = (list.y + 1..list.bottom() - 1).map(row).collect();
    assert!(rows.iter().all(|r| !r.contains("only in")), "{rows:#?}");
}

#[test]
fn search_folds_case_and_diacritics() {
    let comparison = compare_texts(
        &[("a.txt", "Dragana Milošević spoke. Pedro SÁNCHEZ agreed."), ("b.txt", "Dragana Milosevic spoke.")],
        &Settings::default(),
    );
    let mut app = App::ready(Options::default(), Arc::new(comparison)).measured_by(crate::tui::view::scroll_limits);
    app.resize(100, 30);
    press(&mut app, "/");
    type_text(&mut app, "milosevic");
    let reader = app.reader().expect("ready");
    let found: Vec<&str> =
        app.search.matches.iter().map(|m| reader.comparison().articles[m.article].slice(m.span)).collect();
    assert_eq!(found, ["Milošević", "Milosevic"]);
    press(&mut app, "esc");
    press(&mut app, "/");
    type_text(&mut app, "sanchez");
    let reader = app.reader().expect("ready");
    let found: Vec<&str> =
        app.search.matches.iter().map(|m| reader.comparison().articles[m.article].slice(m.span)).collect();
    assert_eq!(found, ["SÁNCHEZ"]);
}

#[test]
fn export_with_a_filter_asks_all_or_as_filtered_and_says_which() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app(120, 30);
    press(&mut app, "f");
    press(&mut app, "4");
    press(&mut app, "esc");
    let path = dir.path().join("part.json");
    press(&mut app, "e");
    type_text(&mut app, &path.to_string_lossy());
    press(&mut app, "enter");
    assert_eq!(app.prompt.as_ref().map(|p| p.kind), Some(PromptKind::Scope), "asks");
    press(&mut app, "enter");
    assert_eq!(app.prompt.as_ref().map(|p| p.kind), Some(PromptKind::Scope), "Enter alone does not choose");
    press(&mut app, "f");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("as filtered")), "{:?}", app.message);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("json");
    let scope = report["scope"].as_str().expect("the report says it is filtered");
    assert!(scope.starts_with("as filtered in the reader: number, name, date"), "{scope}");
    let kinds: Vec<&str> =
        report["discrepancies"].as_array().expect("list").iter().filter_map(|d| d["kind"].as_str()).collect();
    assert!(!kinds.is_empty() && !kinds.contains(&"unique"), "{kinds:?}");

    let all = dir.path().join("all.json");
    press(&mut app, "e");
    type_text(&mut app, &all.to_string_lossy());
    press(&mut app, "enter");
    press(&mut app, "a");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&all).expect("written")).expect("json");
    assert!(report.get("scope").is_none(), "every discrepancy: no scope");
}

#[test]
fn highlight_layers_can_be_turned_off_one_by_one() {
    let mut app = app(120, 30);
    let shaded = |app: &App| {
        let buffer = draw(app);
        let unique = app.theme.style(crate::tui::theme::Element::Unique).bg;
        let screen = app.screen();
        let cells: Vec<(u16, u16)> = screen
            .panes
            .iter()
            .flat_map(|p| {
                (p.text.y..p.text.bottom()).flat_map(move |y| (p.text.x..p.text.right()).map(move |x| (x, y)))
            })
            .collect();
        cells.iter().filter(|(x, y)| Some(buffer[(*x, *y)].bg) == unique).count()
    };
    assert!(shaded(&app) > 0, "unique details are shaded");
    press(&mut app, "f");
    press(&mut app, "6");
    press(&mut app, "esc");
    assert!(app.hidden.unique && !app.hidden.shared && !app.hidden.changed);
    assert_eq!(shaded(&app), 0, "the unique layer is off");
    press(&mut app, "f");
    press(&mut app, "a");
    assert_eq!(app.hidden, Layers::default(), "a shows everything again");
}

#[test]
fn the_detail_view_lists_a_sentence_that_tells_the_statement_within_a_longer_one() {
    let mut comparison = compare_texts(ARTICLES, &Settings::default());
    // A discrepancy whose mentioned sentence is shared by fewer than all articles,
    // and a sentence of an article outside that group, listed as `also`.
    let (index, group) = comparison
        .discrepancies
        .iter()
        .enumerate()
        .find_map(|(i, d)| {
            let g = d.mentions.iter().find_map(|m| comparison.group_of(m.at))?;
            (comparison.groups[g].article_count() < comparison.articles.len()).then_some((i, g))
        })
        .expect("a discrepancy in a group that not every article carries");
    let outside = (0..comparison.articles.len())
        .find(|a| comparison.groups[group].members.iter().all(|m| m.article != *a))
        .expect("an article without a member");
    let sentence = (0..comparison.articles[outside].sentences.len())
        .rev()
        .find(|s| comparison.group_of(crate::model::SentenceRef { article: outside, sentence: *s }).is_none())
        .expect("a sentence of its own");
    let at = crate::model::SentenceRef { article: outside, sentence };
    let text = comparison.sentence_text(at).to_owned();
    comparison.groups[group].also.push(crate::model::Closest { at, similarity: 0.64 });

    let mut app = App::ready(Options::default(), Arc::new(comparison)).measured_by(crate::tui::view::scroll_limits);
    app.resize(80, 60);
    let screen_text = |app: &App| {
        let buffer = draw(app);
        (0..buffer.area.height)
            .map(|y| {
                let row: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_owned()).collect();
                row.trim_matches(|c: char| c == '║' || c.is_whitespace()).to_owned()
            })
            .filter(|row| !row.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let total = app.filtered().len();
    for _ in 0..total {
        press(&mut app, "n");
        if app.selected == Some(index) {
            break;
        }
    }
    assert_eq!(app.selected, Some(index));
    press(&mut app, "enter");
    assert_eq!(app.mode(), Mode::Detail);
    let shown = screen_text(&app);
    assert!(shown.contains(&text), "the sentence {text:?} is shown: {shown}");
    assert!(shown.contains("also told within a longer sentence (similarity 0.64)"), "{shown}");
    // Without the entry the sentence is not part of this discrepancy's view.
    press(&mut app, "esc");
    let mut plain = App::ready(Options::default(), Arc::new(compare_texts(ARTICLES, &Settings::default())))
        .measured_by(crate::tui::view::scroll_limits);
    plain.resize(80, 60);
    for _ in 0..total {
        press(&mut plain, "n");
        if plain.selected == Some(index) {
            break;
        }
    }
    press(&mut plain, "enter");
    let shown = screen_text(&plain);
    assert!(!shown.contains("also told within"), "{shown}");
}
