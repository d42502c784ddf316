//! Reviewing with keys: verdicts, notes, pins, merge, split, filter, undo,
//! and the list's marks.

use crate::model::DiscrepancyKind;
use crate::review::{State, Verdict};
use crate::tui::app::{App, Options, ReviewFilter};
use crate::tui::keymap::Key;
use crate::{Settings, compare_texts};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

const WIRE: &str = "Source: Wire\n\nDam breach floods Velmora\n\nAbout 4,500 residents were evacuated overnight from \
                    the valley. Three people died when the water reached the lower town.\n\nEngineer Yevgeny \
                    Kuznetsov had warned the council in March. A bakery on Mill Street handed out free bread to \
                    families.";
const BLOG: &str = "Source: Blog\n\nFlood in Velmora\n\nNearly 6,000 residents were evacuated overnight from the \
                    valley. Five people died when the water reached the lower town.\n\nEngineer Yevgeny Kouznetsov \
                    had warned the council in March. Volunteers filled sandbags outside the primary school all night.";

fn app() -> App {
    let comparison = compare_texts(&[("wire.txt", WIRE), ("blog.txt", BLOG)], &Settings::default());
    let mut app = App::ready(Options::default(), Arc::new(comparison));
    app.resize(120, 30);
    app
}

fn press(app: &mut App, key: &str) {
    let key = Key::parse(key).expect("valid key");
    app.handle_key(KeyEvent::new(key.code(), key.modifiers()));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

/// Selects the first discrepancy of `kind` whose summary has `word`.
fn select(app: &mut App, kind: DiscrepancyKind, word: &str) -> usize {
    let index = app
        .reader()
        .expect("ready")
        .comparison()
        .discrepancies
        .iter()
        .position(|d| d.kind == kind && d.summary.contains(word))
        .expect("the discrepancy is there");
    app.select_discrepancy(index);
    index
}

fn count(app: &App, kind: DiscrepancyKind) -> usize {
    app.reader().expect("ready").comparison().discrepancies.iter().filter(|d| d.kind == kind).count()
}

#[test]
fn verdict_keys_mark_toggle_and_undo() {
    let mut app = app();
    let total = app.filtered().len();
    assert_eq!(app.review_progress(), None, "nothing to count before the review begins");
    press(&mut app, "c");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("select a discrepancy")));
    press(&mut app, "n");
    let first = app.selected.expect("selected");
    press(&mut app, "c");
    assert_eq!(app.review_state(first), State::Judged(Verdict::Confirmed));
    assert_eq!(app.review_mark(first), Some('✓'));
    assert_eq!(app.review_progress().as_deref(), Some(format!("1/{total} reviewed").as_str()));
    press(&mut app, "x");
    assert_eq!(app.review_state(first), State::Judged(Verdict::FalseAlarm));
    press(&mut app, "x");
    assert_eq!(app.review_state(first), State::Unreviewed, "the same key again clears it");
    press(&mut app, "u");
    assert_eq!(app.review_state(first), State::Judged(Verdict::FalseAlarm), "undo brings it back");
    press(&mut app, "D");
    assert_eq!(app.review_state(first), State::Judged(Verdict::Disputed));
    press(&mut app, "i");
    assert_eq!(app.review_state(first), State::Judged(Verdict::Ignored));
    assert_eq!(app.review_mark(first), Some('–'));
}

#[test]
fn a_note_spans_lines_and_esc_drops_it() {
    let mut app = app();
    let index = select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "a");
    assert!(app.note_editor().is_some());
    type_text(&mut app, "Ministry says 4,500.\nCall back Monday");
    // Keys go to the editor while it is open: `q` does not quit.
    type_text(&mut app, " q");
    assert!(!app.should_quit());
    press(&mut app, "ctrl-s");
    assert!(app.note_editor().is_none());
    let note = app.reviewed().and_then(|r| r.judgement(index)).map(|j| j.note.clone());
    assert_eq!(note.as_deref(), Some("Ministry says 4,500.\nCall back Monday q"));
    assert_eq!(app.review_mark(index), Some('✎'), "a note alone is not a verdict");
    press(&mut app, "enter");
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    let text: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("Note: Call back Monday q"), "the detail view shows the note");
    press(&mut app, "esc");
    assert_eq!(app.review_state(index), State::Unreviewed);
    // Editing again starts from the note; Esc leaves it as it was.
    press(&mut app, "a");
    type_text(&mut app, " and more");
    press(&mut app, "esc");
    let after = app.reviewed().and_then(|r| r.judgement(index)).map(|j| j.note.clone());
    assert_eq!(after, note);
    assert!(!app.should_quit(), "Esc closed the editor, not the reader");
}

#[test]
fn pinning_keeps_the_value_and_its_source() {
    let mut app = app();
    let index = select(&mut app, DiscrepancyKind::Name, "Kouznetsov");
    press(&mut app, "p");
    type_text(&mut app, "Yevgeny Kuznetsov\nper the council minutes of 3 March");
    press(&mut app, "ctrl-s");
    let pinned = app.reviewed().and_then(|r| r.judgement(index)).and_then(|j| j.pinned.clone()).expect("pinned");
    assert_eq!(pinned.value, "Yevgeny Kuznetsov");
    assert_eq!(pinned.source, "per the council minutes of 3 March");
}

#[test]
fn merging_two_figures_makes_one_discrepancy_marked_as_the_reviewers() {
    let mut app = app();
    let numbers = count(&app, DiscrepancyKind::Number);
    select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "M");
    select(&mut app, DiscrepancyKind::Number, "Three");
    press(&mut app, "M");
    assert_eq!(count(&app, DiscrepancyKind::Number), numbers - 1);
    let summary = app.selected.and_then(|s| app.reader()?.comparison().discrepancies.get(s).map(|d| d.summary.clone()));
    assert!(summary.is_some_and(|s| s.contains("4,500") && s.contains("Three")), "the merged item is selected");
    let merged = select(&mut app, DiscrepancyKind::Number, "4,500");
    assert_eq!(app.review_mark(merged), Some('*'), "shaped by the reviewer's correction");
    press(&mut app, "u");
    assert_eq!(count(&app, DiscrepancyKind::Number), numbers, "undo restores the engine's grouping");
}

#[test]
fn merging_two_details_groups_them() {
    let mut app = app();
    let shared = app.reader().expect("ready").comparison().groups.len();
    let details = count(&app, DiscrepancyKind::Unique);
    select(&mut app, DiscrepancyKind::Unique, "bakery");
    press(&mut app, "M");
    select(&mut app, DiscrepancyKind::Unique, "sandbags");
    press(&mut app, "M");
    assert_eq!(app.reader().expect("ready").comparison().groups.len(), shared + 1);
    assert_eq!(count(&app, DiscrepancyKind::Unique), details - 2);
    // A figure cannot be the same as a detail.
    select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "M");
    select(&mut app, DiscrepancyKind::Name, "Kouznetsov");
    press(&mut app, "M");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("only figures with figures")));
}

#[test]
fn splitting_takes_the_focused_articles_part_out() {
    let mut app = app();
    select(&mut app, DiscrepancyKind::Name, "Kouznetsov");
    press(&mut app, "tab"); // the blog, which spells it Kouznetsov
    press(&mut app, "S");
    assert_eq!(count(&app, DiscrepancyKind::Name), 0, "not the same person: no spelling variant left");
    press(&mut app, "u");
    assert_eq!(count(&app, DiscrepancyKind::Name), 1);
    let numbers = count(&app, DiscrepancyKind::Number);
    select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "S");
    assert_eq!(count(&app, DiscrepancyKind::Number), numbers - 1, "a different quantity: nothing left to compare");
}

#[test]
fn splitting_a_shared_statement_at_the_top_of_the_pane() {
    let mut app = app();
    let shared = app.reader().expect("ready").comparison().groups.len();
    let details = count(&app, DiscrepancyKind::Unique);
    // Nothing selected: the first shared statement of the top paragraph leaves its group.
    press(&mut app, "S");
    assert_eq!(app.reader().expect("ready").comparison().groups.len(), shared - 1, "{:?}", app.message);
    assert!(count(&app, DiscrepancyKind::Unique) > details);
}

#[test]
fn the_review_filter_lets_n_skip_reviewed_items() {
    let mut app = app();
    press(&mut app, "n");
    let first = app.selected.expect("selected");
    press(&mut app, "c");
    press(&mut app, "R");
    assert_eq!(app.review_filter(), ReviewFilter::Unreviewed);
    assert!(!app.filtered().contains(&first));
    press(&mut app, "g");
    press(&mut app, "n");
    assert_ne!(app.selected, Some(first));
    press(&mut app, "R");
    assert_eq!(app.review_filter(), ReviewFilter::Only(Verdict::Confirmed));
    assert_eq!(app.filtered(), [first]);
}

#[test]
fn the_list_shows_review_marks() {
    let mut app = app();
    press(&mut app, "d");
    press(&mut app, "n");
    press(&mut app, "c");
    press(&mut app, "n");
    press(&mut app, "x");
    press(&mut app, "n");
    press(&mut app, "a");
    type_text(&mut app, "check");
    press(&mut app, "ctrl-s");
    press(&mut app, "n");
    press(&mut app, "D");
    app.message = None;
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    let screen = app.screen();
    let list = screen.list.expect("the list panel is open");
    let buffer = terminal.backend().buffer();
    let lines: Vec<String> = (list.y..list.bottom())
        .map(|y| (list.x..list.right()).map(|x| buffer[(x, y)].symbol()).collect::<String>().trim_end().to_owned())
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
    let status: String = (0..120).map(|x| buffer[(x, 29)].symbol()).collect();
    assert!(status.contains("3/5 reviewed"), "{status}");
}

#[test]
fn help_lists_the_review_keys() {
    let mut app = app();
    press(&mut app, "?");
    let mut terminal = Terminal::new(TestBackend::new(120, 60)).expect("terminal");
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    let text: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    for words in [
        "review: confirmed",
        "review: disputed",
        "review: false alarm",
        "review: ignore",
        "review: note",
        "review: pin the correct value",
        "review: merge — these say the same",
        "review: merge with the statement at pane top",
        "review: split — these differ",
        "review: undo",
        "review filter",
    ] {
        assert!(text.contains(words), "help lacks {words}");
    }
}

/// The group of a sentence's text, and how many sentences it holds.
fn group_size_of(app: &App, words: &str) -> Option<usize> {
    let comparison = app.reader().expect("ready").comparison();
    comparison.groups.iter().find_map(|group| {
        group.members.iter().any(|m| comparison.sentence_text(*m).contains(words)).then_some(group.members.len())
    })
}

#[test]
fn a_detail_joins_the_shared_statement_at_the_top_of_the_pane() {
    let mut app = app();
    let shared = app.reader().expect("ready").comparison().groups.len();
    let details = count(&app, DiscrepancyKind::Unique);
    let top = app.statement_at_top().expect("a shared statement at the top");
    let top_text = app.reader().expect("ready").comparison().sentence_text(top).to_owned();
    let before = group_size_of(&app, &top_text).expect("it is shared");
    select(&mut app, DiscrepancyKind::Unique, "bakery");
    press(&mut app, "M");
    press(&mut app, "J");
    assert_eq!(app.reader().expect("ready").comparison().groups.len(), shared, "{:?}", app.message);
    assert_eq!(count(&app, DiscrepancyKind::Unique), details - 1, "the bakery is no longer a lone detail");
    assert_eq!(group_size_of(&app, "bakery"), Some(before + 1), "it joined the statement's group");
    press(&mut app, "u");
    assert_eq!(count(&app, DiscrepancyKind::Unique), details, "undo");
    // A figure cannot join a statement.
    select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "M");
    press(&mut app, "J");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("only a detail")), "{:?}", app.message);
}

#[test]
fn two_shared_statements_picked_with_j_become_one() {
    let paragraphs = [
        "The dam on the Orlen River burst late on Tuesday night.",
        "Rescue boats searched the flooded streets of the lower town.",
        "The regional governor declared a state of emergency on Wednesday.",
        "Schools across the valley will stay closed until Friday.",
        "Engineers had warned about cracks in the spillway for years.",
    ];
    let text = |outlet: &str| format!("Source: {outlet}\n\nFlood\n\n{}", paragraphs.join("\n\n"));
    let (wire, blog) = (text("Wire"), text("Blog"));
    let comparison = compare_texts(&[("wire.txt", wire.as_str()), ("blog.txt", blog.as_str())], &Settings::default());
    let mut app = App::ready(Options::default(), Arc::new(comparison));
    app.resize(100, 12); // short panes, so scrolling brings the next statement to the top
    let shared = app.reader().expect("ready").comparison().groups.len();
    assert!(shared >= 2, "the articles share two statements");
    let first = app.statement_at_top().expect("a shared statement");
    press(&mut app, "J");
    // The same statement again is "already one".
    press(&mut app, "J");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("cancelled")), "{:?}", app.message);
    press(&mut app, "J");
    // Scroll until another shared statement is at the top.
    let first_group = app.reader().expect("ready").comparison().group_of(first);
    let mut terminal = Terminal::new(TestBackend::new(100, 12)).expect("terminal");
    for _ in 0..60 {
        terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
        let top = app.statement_at_top().ok();
        let group = top.and_then(|t| app.reader().expect("ready").comparison().group_of(t));
        if group.is_some() && group != first_group {
            break;
        }
        press(&mut app, "j");
    }
    press(&mut app, "J");
    assert_eq!(app.reader().expect("ready").comparison().groups.len(), shared - 1, "{:?}", app.message);
    assert!(
        app.message.as_ref().is_some_and(|m| m.text.contains("the statement and the statement")),
        "{:?}",
        app.message
    );
}

#[test]
fn the_review_filter_lists_stale_items_in_the_list_panel() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = || Options {
        review: Some(crate::review::store::Location::DataDir(dir.path().to_owned())),
        ..Options::default()
    };
    let comparison = compare_texts(&[("wire.txt", WIRE), ("blog.txt", BLOG)], &Settings::default());
    let mut first = App::ready(options(), Arc::new(comparison));
    first.resize(120, 30);
    select(&mut first, DiscrepancyKind::Number, "Three");
    press(&mut first, "D");
    // The blog is edited since: the verdict on its death toll is stale.
    let edited = BLOG.replace("Five people died", "Four people died");
    let comparison = compare_texts(&[("wire.txt", WIRE), ("blog.txt", &edited)], &Settings::default());
    let mut app = App::ready(options(), Arc::new(comparison));
    app.resize(120, 30);
    assert_eq!(app.stale_lines().len(), 1, "{:?}", app.stale_lines());
    while app.review_filter() != ReviewFilter::Stale {
        press(&mut app, "R");
    }
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("1 stale item")), "{:?}", app.message);
    press(&mut app, "d");
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    let text: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("Stale number verdict (disputed"), "the stale verdict is listed");
    press(&mut app, "R");
    assert_eq!(app.review_filter(), ReviewFilter::All, "the cycle comes back to all");
}

/// The list holds every discrepancy of the comparison shown, once.
fn assert_list_is_whole(app: &App) {
    let mut listed = app.filtered();
    listed.sort_unstable();
    let total = app.reader().expect("ready").comparison().discrepancies.len();
    assert_eq!(listed, (0..total).collect::<Vec<_>>(), "the list follows the corrected comparison");
}

#[test]
fn the_list_follows_corrections_and_names_items_by_their_list_number() {
    let mut app = app();
    assert_list_is_whole(&app);
    // A merge removes one discrepancy.
    select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "M");
    select(&mut app, DiscrepancyKind::Number, "Three");
    press(&mut app, "M");
    assert_list_is_whole(&app);
    // Taking a statement out of its group adds details.
    app.selected = None;
    press(&mut app, "S");
    assert_list_is_whole(&app);
    press(&mut app, "u");
    press(&mut app, "u");
    assert_list_is_whole(&app);
    // Messages call an item by the number the list shows (here with the
    // figures filtered out), not by its place in the comparison.
    press(&mut app, "f");
    press(&mut app, "1");
    press(&mut app, "esc");
    let index = select(&mut app, DiscrepancyKind::Unique, "sandbags");
    let (place, _) = app.position_in_list();
    let place = place.expect("listed");
    assert_ne!(place, index + 1, "the test needs the list order to differ from reading order");
    press(&mut app, "c");
    assert!(app.message.as_ref().is_some_and(|m| m.text.starts_with(&format!("#{place}: "))), "{:?}", app.message);
}

#[test]
fn splitting_a_date_takes_the_focused_articles_date_out() {
    let wire = "Source: Wire\n\nDam bursts\n\nThe Dravik dam burst late on Tuesday, March 3, flooding the lower town \
                of Velmora. Rescue crews worked through the night near the river.";
    let blog = wire.replace("Wire", "Blog").replace("late on Tuesday, March 3", "early on Wednesday, March 4");
    let comparison = compare_texts(&[("wire.txt", wire), ("blog.txt", blog.as_str())], &Settings::default());
    let mut app = App::ready(Options::default(), Arc::new(comparison));
    app.resize(120, 30);
    assert_eq!(count(&app, DiscrepancyKind::Date), 1);
    let groups = app.reader().expect("ready").comparison().groups.len();
    select(&mut app, DiscrepancyKind::Date, "March");
    press(&mut app, "tab");
    press(&mut app, "S");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("dates a different event")), "{:?}", app.message);
    assert_eq!(count(&app, DiscrepancyKind::Date), 0, "one date left: nothing to compare");
    assert_eq!(app.reader().expect("ready").comparison().groups.len(), groups, "the statement stays shared");
    press(&mut app, "u");
    assert_eq!(count(&app, DiscrepancyKind::Date), 1, "undo");
}

#[test]
fn a_figure_and_a_details_figure_are_the_same_quantity() {
    let wire = "Source: Wire\n\nDam breach floods Velmora\n\nAbout 4,500 residents were evacuated overnight from the \
                valley. Officials counted 1,200 damaged homes by the evening.";
    let blog = "Source: Blog\n\nFlood in Velmora\n\nNearly 6,000 residents were evacuated overnight from the valley. \
                The mayor said the water had wrecked some 1,500 houses along the riverbank.";
    let comparison = compare_texts(&[("wire.txt", wire), ("blog.txt", blog)], &Settings::default());
    let mut app = App::ready(Options::default(), Arc::new(comparison));
    app.resize(120, 30);
    let numbers = count(&app, DiscrepancyKind::Number);
    select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "M");
    select(&mut app, DiscrepancyKind::Unique, "1,500");
    press(&mut app, "M");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("are the same quantity")), "{:?}", app.message);
    assert_eq!(count(&app, DiscrepancyKind::Number), numbers, "the figure joined the discrepancy");
    let selected = app.selected.expect("the merged item is selected");
    let discrepancy = &app.reader().expect("ready").comparison().discrepancies[selected];
    assert!(discrepancy.summary.contains("4,500") && discrepancy.summary.contains("1,500"), "{}", discrepancy.summary);
    assert_eq!(app.review_mark(selected), Some('*'), "shaped by the reviewer's correction");
}

#[test]
fn a_restored_correction_shapes_the_list_from_the_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = || Options {
        review: Some(crate::review::store::Location::DataDir(dir.path().to_owned())),
        ..Options::default()
    };
    let comparison = || Arc::new(compare_texts(&[("wire.txt", WIRE), ("blog.txt", BLOG)], &Settings::default()));
    let mut first = App::ready(options(), comparison());
    first.resize(120, 30);
    first.selected = None;
    press(&mut first, "S"); // the statement at the top leaves its group: new details
    let corrected = first.reader().expect("ready").comparison().discrepancies.len();
    // Reopened: the saved correction is applied, and the list holds what it made.
    let again = App::ready(options(), comparison());
    assert_eq!(again.reader().expect("ready").comparison().discrepancies.len(), corrected);
    assert_list_is_whole(&again);
    assert!(
        again
            .message
            .as_ref()
            .is_some_and(|m| m.text.starts_with("review restored") && m.text.contains("1 correction")),
        "{:?}",
        again.message
    );
}

#[test]
fn an_export_as_filtered_carries_the_review_and_its_filter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app();
    // A correction (two figures are one quantity) and a verdict on the result.
    select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "M");
    select(&mut app, DiscrepancyKind::Number, "Three");
    press(&mut app, "M");
    press(&mut app, "c");
    select(&mut app, DiscrepancyKind::Unique, "bakery");
    press(&mut app, "x");
    while app.review_filter() != ReviewFilter::Only(Verdict::Confirmed) {
        press(&mut app, "R");
    }
    let path = dir.path().join("part.json");
    press(&mut app, "e");
    type_text(&mut app, &path.to_string_lossy());
    press(&mut app, "enter");
    press(&mut app, "f");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("json");
    let scope = report["scope"].as_str().expect("the report says it is filtered");
    assert!(scope.contains("review: confirmed") && scope.contains("(1 of "), "{scope}");
    let list = report["discrepancies"].as_array().expect("list");
    assert_eq!(list.len(), 1, "only the confirmed discrepancy");
    assert_eq!(list[0]["review"]["verdict"], "confirmed");
    assert_eq!(
        list[0]["review"]["corrections"],
        serde_json::json!([0]),
        "the merge is the reviewer's, not the engine's"
    );
    assert_eq!(report["review"]["corrections"][0]["by"], "reviewer");
}

#[test]
fn a_review_message_takes_the_hints_room_on_a_narrow_terminal() {
    let mut app = app();
    app.resize(80, 24);
    select(&mut app, DiscrepancyKind::Number, "4,500");
    press(&mut app, "M");
    select(&mut app, DiscrepancyKind::Number, "Three");
    press(&mut app, "M");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    let buffer = terminal.backend().buffer();
    let status: String = (0..80).map(|x| buffer[(x, 23)].symbol()).collect();
    assert!(status.contains("are the same"), "the message is readable: {status}");
    assert!(status.contains("0/4 reviewed"), "the progress stays: {status}");
    assert!(!status.contains("? help"), "the hints make room: {status}");
    // Without a message, the hints are back.
    app.message = None;
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    let buffer = terminal.backend().buffer();
    let status: String = (0..80).map(|x| buffer[(x, 23)].symbol()).collect();
    assert!(status.contains("? help"), "{status}");
}

/// The first pane's two gutter cells on the first screen line showing `words`.
fn gutter_before(app: &App, words: &str) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    terminal.draw(|frame| frame.render_widget(app, frame.area())).expect("draw");
    let buffer = terminal.backend().buffer();
    let pane = app.screen().panes[0];
    for y in pane.text.y..pane.text.bottom() {
        let text: String = (pane.text.x..pane.text.right()).map(|x| buffer[(x, y)].symbol()).collect();
        if text.contains(words) {
            return (pane.gutter.x..pane.gutter.x + 2).map(|x| buffer[(x, y)].symbol()).collect();
        }
    }
    panic!("{words:?} is not on screen");
}

#[test]
fn the_panes_mark_statements_the_reviewer_grouped() {
    let mut app = app();
    let before = gutter_before(&app, "A bakery");
    assert!(before.starts_with(' '), "no mark on the engine's findings: {before:?}");
    select(&mut app, DiscrepancyKind::Unique, "bakery");
    press(&mut app, "M");
    select(&mut app, DiscrepancyKind::Unique, "sandbags");
    press(&mut app, "M");
    app.selected = None;
    let after = gutter_before(&app, "A bakery");
    assert!(after.starts_with('*'), "shared now, by the reviewer's correction: {after:?}");
    press(&mut app, "u");
    assert_eq!(gutter_before(&app, "A bakery"), before, "undo");
}
