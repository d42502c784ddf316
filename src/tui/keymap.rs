//! Keys to actions: the built-in bindings, a user overlay from
//! `config.toml`, and one pure lookup, [`Keymap::resolve`], that the reader
//! and the tests share. The help overlay is generated from the active
//! keymap, so it always tells the truth.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::fmt;

/// A set of bindings that applies in some modes. Lookups fall back from the
/// most specific context to [`Context::Global`] (see [`Mode::contexts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Everywhere, even while typing in a prompt.
    Global,
    /// Reading the panes.
    Reading,
    /// Reading while a search is active (its bindings win over `reading`).
    Search,
    /// The detail view of one discrepancy.
    Detail,
    /// The help overlay.
    Help,
    /// The kind filter.
    Filter,
    /// Typing a search or an export path.
    Prompt,
}

impl Context {
    /// Every context, in the order the help overlay lists them.
    pub const ALL: [Self; 7] =
        [Self::Reading, Self::Search, Self::Detail, Self::Filter, Self::Prompt, Self::Help, Self::Global];

    /// The heading of this context in the help overlay.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Global => "Anywhere",
            Self::Reading => "Reading",
            Self::Search => "While searching",
            Self::Detail => "Detail view",
            Self::Help => "Help",
            Self::Filter => "Kind filter",
            Self::Prompt => "Typing a search or a path",
        }
    }

    /// The section name in `config.toml` (`[keys.reading]`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Reading => "reading",
            Self::Search => "search",
            Self::Detail => "detail",
            Self::Help => "help",
            Self::Filter => "filter",
            Self::Prompt => "prompt",
        }
    }
}

/// What the reader is doing, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading the panes (also while the analysis is still running).
    Reading,
    /// Reading with search matches highlighted.
    Searching,
    /// The detail view.
    Detail,
    /// The help overlay.
    Help,
    /// The kind filter.
    Filter,
    /// A text prompt.
    Prompt,
}

impl Mode {
    /// The contexts consulted in this mode, most specific first.
    #[must_use]
    pub const fn contexts(self) -> &'static [Context] {
        match self {
            Self::Reading => &[Context::Reading, Context::Global],
            Self::Searching => &[Context::Search, Context::Reading, Context::Global],
            Self::Detail => &[Context::Detail, Context::Global],
            Self::Help => &[Context::Help, Context::Global],
            Self::Filter => &[Context::Filter, Context::Global],
            Self::Prompt => &[Context::Prompt, Context::Global],
        }
    }
}

/// One key with its modifiers, normalised so that the same key press from
/// different terminals compares equal (`N` arrives with or without Shift).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

impl Key {
    /// A key from a code and modifiers, normalised.
    #[must_use]
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let mut modifiers = modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // The character already says whether Shift was held.
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                // Ctrl chords are case-insensitive on most terminals.
                if modifiers.contains(KeyModifiers::CONTROL) { KeyCode::Char(c.to_ascii_lowercase()) } else { code }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                code
            }
            _ => code,
        };
        Self { code, modifiers }
    }

    /// The key of a terminal key event.
    #[must_use]
    pub fn from_event(event: KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
    }

    /// A plain character key.
    #[must_use]
    pub fn char(c: char) -> Self {
        Self::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// The key code.
    #[must_use]
    pub const fn code(self) -> KeyCode {
        self.code
    }

    /// The modifiers (Control, Alt; Shift only for non-character keys).
    #[must_use]
    pub const fn modifiers(self) -> KeyModifiers {
        self.modifiers
    }

    /// Parses a key as written in `config.toml`: `j`, `G`, `?`, `ctrl-c`,
    /// `alt-x`, `shift-tab`, `enter`, `esc`, `space`, `pagedown`, `f5`, …
    ///
    /// # Errors
    /// A message naming the key when it is not understood.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "control-", "alt-", "shift-"].into_iter().find(|p| lower.starts_with(p));
            let Some(prefix) = prefix else { break };
            // `-` on its own, or `ctrl--`, is the minus key, not a modifier.
            if rest.len() == prefix.len() {
                break;
            }
            modifiers |= match prefix {
                "ctrl-" | "control-" => KeyModifiers::CONTROL,
                "alt-" => KeyModifiers::ALT,
                _ => KeyModifiers::SHIFT,
            };
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if modifiers.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => named_key(&rest.to_ascii_lowercase()).ok_or_else(|| format!("unknown key '{text}'"))?,
        };
        let code = match code {
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        Ok(Self::new(code, modifiers))
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" | "pgdown" => KeyCode::PageDown,
        "minus" => KeyCode::Char('-'),
        _ => {
            let number: u8 = name.strip_prefix('f')?.parse().ok()?;
            if (1..=24).contains(&number) {
                KeyCode::F(number)
            } else {
                return None;
            }
        }
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(|message| {
            serde::de::Error::custom(format!(
                "{message}: use a character (j, G, ?), a name (enter, esc, tab, space, up, pagedown, f1) \
                 or a chord (ctrl-c, alt-x, shift-tab)"
            ))
        })
    }
}

/// The user's changes to the bindings, as read from `config.toml`: per
/// context, per action, the keys that replace the built-in ones (an empty
/// list unbinds the action).
pub type KeyOverrides = BTreeMap<Context, BTreeMap<Action, Vec<Key>>>;

/// Which action each key triggers, per context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: BTreeMap<Context, Vec<(Key, Action)>>,
}

/// The built-in bindings: (context, action, keys).
const DEFAULTS: &[(Context, Action, &[&str])] = &[
    (Context::Global, Action::Quit, &["ctrl-c"]),
    (Context::Global, Action::Suspend, &["ctrl-z"]),
    (Context::Reading, Action::Quit, &["q", "esc"]),
    (Context::Reading, Action::ScrollDown, &["j", "down"]),
    (Context::Reading, Action::ScrollUp, &["k", "up"]),
    (Context::Reading, Action::PageDown, &["pagedown", "space", "ctrl-f"]),
    (Context::Reading, Action::PageUp, &["pageup", "b", "ctrl-b"]),
    (Context::Reading, Action::HalfPageDown, &["ctrl-d"]),
    (Context::Reading, Action::HalfPageUp, &["ctrl-u"]),
    (Context::Reading, Action::Top, &["g", "home"]),
    (Context::Reading, Action::Bottom, &["G", "end"]),
    (Context::Reading, Action::FocusNext, &["tab"]),
    (Context::Reading, Action::FocusPrevious, &["shift-tab"]),
    (Context::Reading, Action::PanesLeft, &["h", "left"]),
    (Context::Reading, Action::PanesRight, &["l", "right"]),
    (Context::Reading, Action::NextDiscrepancy, &["n"]),
    (Context::Reading, Action::PreviousDiscrepancy, &["N"]),
    (Context::Reading, Action::OpenDetail, &["enter"]),
    (Context::Reading, Action::Search, &["/"]),
    (Context::Reading, Action::Filter, &["f"]),
    (Context::Reading, Action::ToggleList, &["d"]),
    (Context::Reading, Action::ToggleOrder, &["o"]),
    (Context::Reading, Action::ToggleSync, &["s"]),
    (Context::Reading, Action::ToggleLayout, &["t"]),
    (Context::Reading, Action::ToggleLegend, &["L"]),
    (Context::Reading, Action::ToggleMouse, &["m"]),
    (Context::Reading, Action::Export, &["e"]),
    (Context::Reading, Action::Help, &["?", "f1"]),
    (Context::Search, Action::NextMatch, &["n"]),
    (Context::Search, Action::PreviousMatch, &["N"]),
    (Context::Search, Action::ClearSearch, &["esc"]),
    (Context::Detail, Action::Close, &["esc", "enter", "q"]),
    (Context::Detail, Action::NextDiscrepancy, &["n", "right", "l"]),
    (Context::Detail, Action::PreviousDiscrepancy, &["N", "left", "h"]),
    (Context::Detail, Action::ScrollDown, &["j", "down"]),
    (Context::Detail, Action::ScrollUp, &["k", "up"]),
    (Context::Detail, Action::PageDown, &["pagedown", "space"]),
    (Context::Detail, Action::PageUp, &["pageup", "b"]),
    (Context::Detail, Action::Top, &["g", "home"]),
    (Context::Detail, Action::Bottom, &["G", "end"]),
    (Context::Detail, Action::Help, &["?", "f1"]),
    (Context::Help, Action::Close, &["esc", "q", "?", "enter", "f1"]),
    (Context::Help, Action::ScrollDown, &["j", "down"]),
    (Context::Help, Action::ScrollUp, &["k", "up"]),
    (Context::Help, Action::PageDown, &["pagedown", "space"]),
    (Context::Help, Action::PageUp, &["pageup", "b"]),
    (Context::Help, Action::Top, &["g", "home"]),
    (Context::Help, Action::Bottom, &["G", "end"]),
    (Context::Filter, Action::Close, &["esc", "enter", "f", "q"]),
    (Context::Filter, Action::ScrollDown, &["j", "down"]),
    (Context::Filter, Action::ScrollUp, &["k", "up"]),
    (Context::Filter, Action::ToggleItem, &["space", "x"]),
    (Context::Filter, Action::ToggleNumbers, &["1"]),
    (Context::Filter, Action::ToggleNames, &["2"]),
    (Context::Filter, Action::ToggleDates, &["3"]),
    (Context::Filter, Action::ToggleUnique, &["4"]),
    (Context::Filter, Action::ToggleSharedLayer, &["5"]),
    (Context::Filter, Action::ToggleUniqueLayer, &["6"]),
    (Context::Filter, Action::ToggleChangedLayer, &["7"]),
    (Context::Filter, Action::ShowAllKinds, &["a"]),
    (Context::Prompt, Action::Confirm, &["enter"]),
    (Context::Prompt, Action::Cancel, &["esc"]),
    (Context::Reading, Action::MarkConfirmed, &["c"]),
    (Context::Reading, Action::MarkDisputed, &["D"]),
    (Context::Reading, Action::MarkFalseAlarm, &["x"]),
    (Context::Reading, Action::MarkIgnored, &["i"]),
    (Context::Reading, Action::EditNote, &["a"]),
    (Context::Reading, Action::PinValue, &["p"]),
    (Context::Reading, Action::SameItems, &["M"]),
    (Context::Reading, Action::JoinStatement, &["J"]),
    (Context::Reading, Action::DifferentItems, &["S"]),
    (Context::Reading, Action::UndoReview, &["u"]),
    (Context::Reading, Action::ReviewFilter, &["R"]),
    (Context::Detail, Action::MarkConfirmed, &["c"]),
    (Context::Detail, Action::MarkDisputed, &["D"]),
    (Context::Detail, Action::MarkFalseAlarm, &["x"]),
    (Context::Detail, Action::MarkIgnored, &["i"]),
    (Context::Detail, Action::EditNote, &["a"]),
    (Context::Detail, Action::PinValue, &["p"]),
    (Context::Detail, Action::UndoReview, &["u"]),
];

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings: BTreeMap<Context, Vec<(Key, Action)>> = BTreeMap::new();
        for (context, action, keys) in DEFAULTS {
            for key in *keys {
                // The table above is ours and covered by a test; a typo there
                // drops one binding rather than taking the reader down.
                if let Ok(key) = Key::parse(key) {
                    bindings.entry(*context).or_default().push((key, *action));
                }
            }
        }
        Self { bindings }
    }
}

impl Keymap {
    /// The built-in bindings with the user's overrides applied: an action
    /// named in a context gets exactly the keys given, and those keys stop
    /// triggering whatever they did before in that context.
    #[must_use]
    pub fn with_overrides(overrides: &KeyOverrides) -> Self {
        let mut keymap = Self::default();
        for (context, actions) in overrides {
            let bindings = keymap.bindings.entry(*context).or_default();
            for (action, keys) in actions {
                bindings.retain(|(key, bound)| bound != action && !keys.contains(key));
                bindings.extend(keys.iter().map(|key| (*key, *action)));
            }
        }
        keymap
    }

    /// The action a key triggers in a mode, if any: the pure core of key
    /// handling.
    #[must_use]
    pub fn resolve(&self, key: Key, mode: Mode) -> Option<Action> {
        mode.contexts().iter().find_map(|context| {
            self.bindings.get(context)?.iter().find(|(bound, _)| *bound == key).map(|(_, action)| *action)
        })
    }

    /// The keys bound to an action in one context, in binding order.
    #[must_use]
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<Key> {
        self.bindings
            .get(&context)
            .map(|b| b.iter().filter(|(_, a)| *a == action).map(|(k, _)| *k).collect())
            .unwrap_or_default()
    }

    /// The first key bound to an action in a mode (for hints such as "? help").
    #[must_use]
    pub fn hint(&self, action: Action, mode: Mode) -> Option<Key> {
        mode.contexts().iter().find_map(|context| self.keys_for(*context, action).into_iter().next())
    }

    /// The help text: per context, each bound action with its keys, in
    /// [`Action::ALL`] order.
    #[must_use]
    pub fn help_sections(&self) -> Vec<(Context, Vec<(String, &'static str)>)> {
        Context::ALL
            .iter()
            .filter_map(|context| {
                let entries: Vec<(String, &'static str)> = Action::ALL
                    .iter()
                    .filter_map(|action| {
                        let keys = self.keys_for(*context, *action);
                        if keys.is_empty() {
                            return None;
                        }
                        let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
                        Some((keys.join(" "), action.description()))
                    })
                    .collect();
                (!entries.is_empty()).then_some((*context, entries))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Key {
        Key::parse(text).expect("valid key")
    }

    #[test]
    fn every_default_binding_parses() {
        for (_, action, keys) in DEFAULTS {
            for text in *keys {
                assert!(Key::parse(text).is_ok(), "{action:?}: {text}");
            }
        }
    }

    #[test]
    fn defaults_resolve_the_documented_keys() {
        let keymap = Keymap::default();
        let reading = Mode::Reading;
        assert_eq!(keymap.resolve(key("j"), reading), Some(Action::ScrollDown));
        assert_eq!(keymap.resolve(key("down"), reading), Some(Action::ScrollDown));
        assert_eq!(keymap.resolve(key("n"), reading), Some(Action::NextDiscrepancy));
        assert_eq!(keymap.resolve(key("N"), reading), Some(Action::PreviousDiscrepancy));
        assert_eq!(keymap.resolve(key("enter"), reading), Some(Action::OpenDetail));
        assert_eq!(keymap.resolve(key("/"), reading), Some(Action::Search));
        assert_eq!(keymap.resolve(key("q"), reading), Some(Action::Quit));
        assert_eq!(keymap.resolve(key("esc"), reading), Some(Action::Quit));
        assert_eq!(keymap.resolve(key("ctrl-c"), reading), Some(Action::Quit));
        assert_eq!(keymap.resolve(key("shift-tab"), reading), Some(Action::FocusPrevious));
        assert_eq!(keymap.resolve(key("z"), reading), None);
        assert_eq!(keymap.resolve(key("x"), reading), Some(Action::MarkFalseAlarm));
        assert_eq!(keymap.resolve(key("c"), Mode::Detail), Some(Action::MarkConfirmed));
    }

    #[test]
    fn search_mode_shadows_n_and_esc_but_keeps_the_rest() {
        let keymap = Keymap::default();
        assert_eq!(keymap.resolve(key("n"), Mode::Searching), Some(Action::NextMatch));
        assert_eq!(keymap.resolve(key("N"), Mode::Searching), Some(Action::PreviousMatch));
        assert_eq!(keymap.resolve(key("esc"), Mode::Searching), Some(Action::ClearSearch));
        assert_eq!(keymap.resolve(key("j"), Mode::Searching), Some(Action::ScrollDown));
        assert_eq!(keymap.resolve(key("q"), Mode::Searching), Some(Action::Quit));
    }

    #[test]
    fn prompts_only_bind_enter_escape_and_global_chords() {
        let keymap = Keymap::default();
        assert_eq!(keymap.resolve(key("q"), Mode::Prompt), None, "q is typed, not quit");
        assert_eq!(keymap.resolve(key("n"), Mode::Prompt), None);
        assert_eq!(keymap.resolve(key("enter"), Mode::Prompt), Some(Action::Confirm));
        assert_eq!(keymap.resolve(key("esc"), Mode::Prompt), Some(Action::Cancel));
        assert_eq!(keymap.resolve(key("ctrl-c"), Mode::Prompt), Some(Action::Quit));
    }

    #[test]
    fn escape_closes_overlays_instead_of_quitting() {
        let keymap = Keymap::default();
        for mode in [Mode::Detail, Mode::Help, Mode::Filter] {
            assert_eq!(keymap.resolve(key("esc"), mode), Some(Action::Close), "{mode:?}");
        }
        assert_eq!(keymap.resolve(key("n"), Mode::Detail), Some(Action::NextDiscrepancy));
        assert_eq!(keymap.resolve(key("3"), Mode::Filter), Some(Action::ToggleDates));
    }

    #[test]
    fn terminal_variants_of_one_key_press_compare_equal() {
        // Some terminals report Shift with an upper-case letter, some do not.
        let with_shift = Key::from_event(KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT));
        assert_eq!(with_shift, key("N"));
        assert_eq!(key("shift-n"), key("N"));
        let backtab = Key::from_event(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(backtab, key("shift-tab"));
        assert_eq!(key("Ctrl-C"), key("ctrl-c"));
        assert_eq!(key("-"), Key::char('-'));
        assert_eq!(key("ctrl--"), Key::new(KeyCode::Char('-'), KeyModifiers::CONTROL));
    }

    #[test]
    fn bad_key_names_are_refused_with_the_name() {
        assert_eq!(Key::parse("ctrl-banana"), Err("unknown key 'ctrl-banana'".to_owned()));
        assert!(Key::parse("").is_err());
        assert!(Key::parse("f99").is_err());
    }

    #[test]
    fn overrides_replace_an_actions_keys_and_steal_them_from_others() {
        let mut overrides = KeyOverrides::new();
        overrides.entry(Context::Reading).or_default().insert(Action::NextDiscrepancy, vec![key("j")]);
        overrides.entry(Context::Reading).or_default().insert(Action::Help, vec![]);
        let keymap = Keymap::with_overrides(&overrides);
        assert_eq!(keymap.resolve(key("j"), Mode::Reading), Some(Action::NextDiscrepancy));
        assert_eq!(keymap.resolve(key("n"), Mode::Reading), None, "the old key is gone");
        assert_eq!(keymap.resolve(key("down"), Mode::Reading), Some(Action::ScrollDown), "others keep theirs");
        assert_eq!(keymap.resolve(key("?"), Mode::Reading), None, "unbound");
        assert_eq!(keymap.keys_for(Context::Reading, Action::NextDiscrepancy), vec![key("j")]);
    }

    #[test]
    fn help_lists_the_active_keys() {
        let mut overrides = KeyOverrides::new();
        overrides.entry(Context::Reading).or_default().insert(Action::Export, vec![key("ctrl-e")]);
        let sections = Keymap::with_overrides(&overrides).help_sections();
        let reading = &sections.iter().find(|(c, _)| *c == Context::Reading).expect("reading section").1;
        assert!(reading.contains(&("Ctrl-e".to_owned(), Action::Export.description())), "{reading:?}");
        assert!(reading.contains(&("j ↓".to_owned(), Action::ScrollDown.description())), "{reading:?}");
    }
}
