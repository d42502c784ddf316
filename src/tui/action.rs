//! The vocabulary of the reader: every key binding, every line of the help
//! overlay and every state change is one of these actions. Their
//! `snake_case` names are the names used in `config.toml` (`[keys.reading]
//! next_discrepancy = ["n"]`).

use serde::{Deserialize, Serialize};

/// Something the user can ask the reader to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave parallax.
    Quit,
    /// Suspend to the shell (resume with `fg`).
    Suspend,
    /// Scroll down one line (in lists: the next item).
    ScrollDown,
    /// Scroll up one line (in lists: the previous item).
    ScrollUp,
    /// Scroll down one screen.
    PageDown,
    /// Scroll up one screen.
    PageUp,
    /// Scroll down half a screen.
    HalfPageDown,
    /// Scroll up half a screen.
    HalfPageUp,
    /// Go to the beginning.
    Top,
    /// Go to the end.
    Bottom,
    /// Focus the next article's pane.
    FocusNext,
    /// Focus the previous article's pane.
    FocusPrevious,
    /// Shift the window of panes one article to the left.
    PanesLeft,
    /// Shift the window of panes one article to the right.
    PanesRight,
    /// Select the next discrepancy; every pane jumps to its mentions.
    NextDiscrepancy,
    /// Select the previous discrepancy; every pane jumps to its mentions.
    PreviousDiscrepancy,
    /// Open the detail view of the selected discrepancy.
    OpenDetail,
    /// Start a search (type the text, Enter to confirm).
    Search,
    /// Jump to the next search match.
    NextMatch,
    /// Jump to the previous search match.
    PreviousMatch,
    /// Clear the search and its highlights.
    ClearSearch,
    /// Choose which kinds of discrepancy to show.
    Filter,
    /// Write a report (prompts for the path; the format follows the extension).
    Export,
    /// Show or hide the list of keys.
    Help,
    /// Show or hide the discrepancy list panel.
    ToggleList,
    /// Turn synchronised scrolling of the panes on or off.
    ToggleSync,
    /// Switch between side-by-side and stacked panes.
    ToggleLayout,
    /// Show or hide the colour legend.
    ToggleLegend,
    /// Capture the mouse (wheel, clicks) or leave it to the terminal (text selection).
    ToggleMouse,
    /// Order the list by what a checker acts on, or by reading position.
    ToggleOrder,
    /// Shade statements several articles share, or not.
    ToggleSharedLayer,
    /// Shade details only one article reports, or not.
    ToggleUniqueLayer,
    /// Mark changed words in shared statements, or not.
    ToggleChangedLayer,
    /// Close the current view or overlay.
    Close,
    /// Filter: turn the kind under the cursor on or off.
    ToggleItem,
    /// Filter: show or hide number discrepancies.
    ToggleNumbers,
    /// Filter: show or hide name discrepancies.
    ToggleNames,
    /// Filter: show or hide date discrepancies.
    ToggleDates,
    /// Filter: show or hide unique details.
    ToggleUnique,
    /// Filter: show every kind.
    ShowAllKinds,
    /// Prompt: accept the input.
    Confirm,
    /// Prompt: abandon the input.
    Cancel,
    /// Review: mark the selected discrepancy confirmed (again: clear it).
    MarkConfirmed,
    /// Review: mark the selected discrepancy disputed.
    MarkDisputed,
    /// Review: mark the selected discrepancy a false alarm.
    MarkFalseAlarm,
    /// Review: mark the selected discrepancy ignored.
    MarkIgnored,
    /// Review: write a note on the selected discrepancy (several lines).
    EditNote,
    /// Review: pin the value or spelling held correct, with its source.
    PinValue,
    /// Review: "these say the same" (press on one item, then on the other).
    SameItems,
    /// Review: "these say the same" with the shared statement at the top of
    /// the focused pane as one side (a detail joins its group, or two
    /// groups become one).
    JoinStatement,
    /// Review: "these differ" (the focused article's figure, spelling or date, or
    /// the shared statement at the top of the focused pane).
    DifferentItems,
    /// Review: undo the last review change.
    UndoReview,
    /// Review: show all, unreviewed, confirmed, disputed, false alarms, ignored.
    ReviewFilter,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Self; 53] = [
        Self::ScrollDown,
        Self::ScrollUp,
        Self::PageDown,
        Self::PageUp,
        Self::HalfPageDown,
        Self::HalfPageUp,
        Self::Top,
        Self::Bottom,
        Self::NextDiscrepancy,
        Self::PreviousDiscrepancy,
        Self::OpenDetail,
        Self::NextMatch,
        Self::PreviousMatch,
        Self::ClearSearch,
        Self::Search,
        Self::Filter,
        Self::ToggleList,
        Self::ToggleOrder,
        Self::FocusNext,
        Self::FocusPrevious,
        Self::PanesLeft,
        Self::PanesRight,
        Self::ToggleSync,
        Self::ToggleLayout,
        Self::ToggleLegend,
        Self::ToggleMouse,
        Self::Export,
        Self::MarkConfirmed,
        Self::MarkDisputed,
        Self::MarkFalseAlarm,
        Self::MarkIgnored,
        Self::EditNote,
        Self::PinValue,
        Self::SameItems,
        Self::JoinStatement,
        Self::DifferentItems,
        Self::UndoReview,
        Self::ReviewFilter,
        Self::ToggleItem,
        Self::ToggleNumbers,
        Self::ToggleNames,
        Self::ToggleDates,
        Self::ToggleUnique,
        Self::ToggleSharedLayer,
        Self::ToggleUniqueLayer,
        Self::ToggleChangedLayer,
        Self::ShowAllKinds,
        Self::Confirm,
        Self::Cancel,
        Self::Close,
        Self::Help,
        Self::Suspend,
        Self::Quit,
    ];

    /// The `snake_case` name used in `config.toml`.
    #[must_use]
    pub fn name(self) -> String {
        // serde is the single source of the names; a unit variant always
        // serialises to a plain string.
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => name,
            _ => format!("{self:?}"),
        }
    }

    /// A short description for the help overlay.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::Suspend => "suspend to the shell (fg resumes)",
            Self::ScrollDown => "scroll down / next item",
            Self::ScrollUp => "scroll up / previous item",
            Self::PageDown => "page down",
            Self::PageUp => "page up",
            Self::HalfPageDown => "half a page down",
            Self::HalfPageUp => "half a page up",
            Self::Top => "go to the beginning",
            Self::Bottom => "go to the end",
            Self::FocusNext => "focus the next pane",
            Self::FocusPrevious => "focus the previous pane",
            Self::PanesLeft => "shift the panes left",
            Self::PanesRight => "shift the panes right",
            Self::NextDiscrepancy => "next discrepancy (panes jump to it)",
            Self::PreviousDiscrepancy => "previous discrepancy",
            Self::OpenDetail => "detail view: every article's version",
            Self::Search => "search the articles",
            Self::NextMatch => "next match",
            Self::PreviousMatch => "previous match",
            Self::ClearSearch => "end the search",
            Self::Filter => "filter discrepancy kinds",
            Self::Export => "export a report (.json, .md, …)",
            Self::Help => "this help",
            Self::ToggleList => "discrepancy list panel",
            Self::ToggleSync => "synchronised scrolling on/off",
            Self::ToggleLayout => "side-by-side / stacked panes",
            Self::ToggleLegend => "colour legend on/off",
            Self::ToggleMouse => "mouse capture on/off (off: select text)",
            Self::ToggleOrder => "list order: important first / reading order",
            Self::ToggleSharedLayer => "shading of shared statements on/off",
            Self::ToggleUniqueLayer => "shading of unique details on/off",
            Self::ToggleChangedLayer => "changed words on/off",
            Self::Close => "close",
            Self::ToggleItem => "turn the kind under the cursor on/off",
            Self::ToggleNumbers => "numbers on/off",
            Self::ToggleNames => "names on/off",
            Self::ToggleDates => "dates on/off",
            Self::ToggleUnique => "unique details on/off",
            Self::ShowAllKinds => "show every kind",
            Self::Confirm => "accept",
            Self::Cancel => "cancel",
            Self::MarkConfirmed => "review: confirmed (again: clear)",
            Self::MarkDisputed => "review: disputed",
            Self::MarkFalseAlarm => "review: false alarm",
            Self::MarkIgnored => "review: ignore",
            Self::EditNote => "review: note (Ctrl-S keeps, Esc drops)",
            Self::PinValue => "review: pin the correct value and its source",
            Self::SameItems => "review: merge — these say the same",
            Self::JoinStatement => "review: merge with the statement at pane top",
            Self::DifferentItems => "review: split — these differ",
            Self::UndoReview => "review: undo the last change",
            Self::ReviewFilter => "review filter: all / unreviewed / by verdict",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_listed_once_and_round_trips_its_name() {
        let mut seen = std::collections::BTreeSet::new();
        for action in Action::ALL {
            assert!(seen.insert(action), "{action:?} listed twice");
            let name = action.name();
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name}");
            let back: Action = serde_json::from_value(serde_json::Value::String(name.clone())).expect("parses");
            assert_eq!(back, action, "{name}");
        }
        assert_eq!(Action::NextDiscrepancy.name(), "next_discrepancy");
    }
}
