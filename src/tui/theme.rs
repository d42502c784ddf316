//! Styles for everything the reader draws, in colour and in monochrome.
//!
//! Monochrome (`NO_COLOR`, or `monochrome = true` in the config) keeps every
//! distinction visible without colour: underline, bold, italic, dim and
//! reverse, plus markers in the text (`≠ ≈ ~ @` before diverging figures,
//! names and dates) and in the gutter (`┃ │ +` for shared-by-all,
//! shared-by-some and unique sentences).

use crate::highlight::{MarkKind, SentenceRole};
use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// A styled element of the screen: the names used under `[theme.styles]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// A sentence every article carries.
    SharedAll,
    /// A sentence some (at least two) articles carry.
    SharedSome,
    /// A content sentence only one article carries.
    Unique,
    /// A title, heading or caption no other article carries.
    Plain,
    /// Bylines, share bars and other boilerplate.
    Boilerplate,
    /// A figure whose versions cannot all be true.
    NumberConflicting,
    /// A figure whose versions differ but can all be true.
    NumberCompatible,
    /// A spelling variant of a name.
    NameVariant,
    /// A date that differs between articles.
    Date,
    /// Words of a shared statement that differ from the reference wording.
    Changed,
    /// The mentions of the selected discrepancy.
    Selected,
    /// Search matches.
    SearchMatch,
    /// The current search match.
    SearchCurrent,
    /// Pane borders.
    Border,
    /// The focused pane's border.
    BorderFocused,
    /// Pane and overlay titles.
    Title,
    /// The focused pane's title.
    TitleFocused,
    /// The status line.
    Status,
    /// Error messages in the status line.
    Error,
    /// Accents: keys in hints, counts, the progress gauge.
    Accent,
    /// Secondary text: sources, hints.
    Muted,
}

/// One style override from the config: every field is optional and
/// replaces only what it names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StyleSpec {
    /// Text colour: a name (`red`, `lightblue`), `#rrggbb` or 0–255.
    pub fg: Option<ColorSpec>,
    /// Background colour.
    pub bg: Option<ColorSpec>,
    /// Bold.
    pub bold: Option<bool>,
    /// Italic.
    pub italic: Option<bool>,
    /// Underlined.
    pub underline: Option<bool>,
    /// Foreground and background swapped.
    pub reversed: Option<bool>,
    /// Faint.
    pub dim: Option<bool>,
}

/// A colour as written in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorSpec(pub Color);

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse::<Color>().map(ColorSpec).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour '{text}': use a name (red, lightblue, darkgray), #rrggbb or a number 0-255"
            ))
        })
    }
}

/// The `[theme]` section of the config.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeConfig {
    /// Draw without colour even when the terminal has it.
    pub monochrome: bool,
    /// Put `≠ ≈ ~ @` markers before diverging figures, names and dates also
    /// in colour (always on in monochrome).
    pub markers: bool,
    /// Per-element overrides.
    pub styles: BTreeMap<Element, StyleSpec>,
}

/// The resolved styles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Without colour.
    pub monochrome: bool,
    /// Markers in the text before marked spans.
    pub markers: bool,
    styles: BTreeMap<Element, Style>,
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(&ThemeConfig::default(), false)
    }
}

impl Theme {
    /// The theme for a config; `no_color` (the `NO_COLOR` convention)
    /// forces monochrome.
    #[must_use]
    pub fn new(config: &ThemeConfig, no_color: bool) -> Self {
        let monochrome = config.monochrome || no_color;
        let mut styles = if monochrome { monochrome_styles() } else { colour_styles() };
        for (element, spec) in &config.styles {
            let base = styles.get(element).copied().unwrap_or_default();
            styles.insert(*element, apply(base, spec, monochrome));
        }
        Self { monochrome, markers: monochrome || config.markers, styles }
    }

    /// A monochrome theme (what `NO_COLOR` gives).
    #[must_use]
    pub fn monochrome() -> Self {
        Self::new(&ThemeConfig::default(), true)
    }

    /// The style of an element.
    #[must_use]
    pub fn style(&self, element: Element) -> Style {
        self.styles.get(&element).copied().unwrap_or_default()
    }

    /// The style of a sentence role.
    #[must_use]
    pub fn role(&self, role: SentenceRole) -> Style {
        self.style(match role {
            SentenceRole::SharedAll => Element::SharedAll,
            SentenceRole::SharedSome => Element::SharedSome,
            SentenceRole::Unique => Element::Unique,
            SentenceRole::Plain => Element::Plain,
            SentenceRole::Boilerplate => Element::Boilerplate,
        })
    }

    /// The style of a mark.
    #[must_use]
    pub fn mark(&self, kind: MarkKind) -> Style {
        self.style(match kind {
            MarkKind::NumberConflicting => Element::NumberConflicting,
            MarkKind::NumberCompatible => Element::NumberCompatible,
            MarkKind::NameVariant => Element::NameVariant,
            MarkKind::Date => Element::Date,
            MarkKind::Changed => Element::Changed,
        })
    }

    /// The gutter bar for a sentence role: a glyph and its style. Shape
    /// alone tells the roles apart, so it works without colour.
    #[must_use]
    pub fn role_bar(&self, role: Option<SentenceRole>) -> (&'static str, Style) {
        let accent = |color: Color| if self.monochrome { Style::new() } else { Style::new().fg(color) };
        match role {
            Some(SentenceRole::SharedAll) => ("┃", accent(Color::Rgb(0x4c, 0xb8, 0x7a))),
            Some(SentenceRole::SharedSome) => ("│", accent(Color::Rgb(0x5f, 0x9a, 0xe0))),
            Some(SentenceRole::Unique) => ("+", accent(Color::Rgb(0xe8, 0xb0, 0x40)).add_modifier(Modifier::BOLD)),
            _ => (" ", Style::new()),
        }
    }
}

/// The marker put before a marked span (when markers are on).
#[must_use]
pub fn marker(kind: MarkKind) -> Option<char> {
    kind.info().symbol
}

fn apply(mut style: Style, spec: &StyleSpec, monochrome: bool) -> Style {
    if !monochrome {
        if let Some(ColorSpec(color)) = spec.fg {
            style = style.fg(color);
        }
        if let Some(ColorSpec(color)) = spec.bg {
            style = style.bg(color);
        }
    }
    for (flag, modifier) in [
        (spec.bold, Modifier::BOLD),
        (spec.italic, Modifier::ITALIC),
        (spec.underline, Modifier::UNDERLINED),
        (spec.reversed, Modifier::REVERSED),
        (spec.dim, Modifier::DIM),
    ] {
        match flag {
            Some(true) => style = style.add_modifier(modifier),
            Some(false) => style = style.remove_modifier(modifier),
            None => {}
        }
    }
    style
}

const fn rgb(hex: u32) -> Color {
    Color::Rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

fn colour_styles() -> BTreeMap<Element, Style> {
    // Shading sets the text colour too, so a light terminal background
    // never leaves dark text on a dark tint.
    let text = rgb(0xe4_e4_e4);
    BTreeMap::from([
        (Element::SharedAll, Style::new().fg(text).bg(rgb(0x1d_3b_2a))),
        (Element::SharedSome, Style::new().fg(text).bg(rgb(0x1f_31_4a))),
        // Unique details and changed words are the commonest highlights on real
        // news: quiet tints, so the discrepancies (strong colours, bold) stand out.
        (Element::Unique, Style::new().fg(rgb(0xe8_e0_d0)).bg(rgb(0x30_28_18))),
        (Element::Plain, Style::new().add_modifier(Modifier::BOLD)),
        (Element::Boilerplate, Style::new().fg(rgb(0x80_80_80)).add_modifier(Modifier::ITALIC)),
        (
            Element::NumberConflicting,
            Style::new().fg(rgb(0xff_ff_ff)).bg(rgb(0xb4_1e_2c)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ),
        (Element::NumberCompatible, Style::new().fg(rgb(0x1a_1a_1a)).bg(rgb(0xe0_b0_40)).add_modifier(Modifier::BOLD)),
        (Element::NameVariant, Style::new().fg(rgb(0xff_9c_ff)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)),
        (Element::Date, Style::new().fg(rgb(0x6c_d8_ff)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)),
        (Element::Changed, Style::new().fg(rgb(0xd8_c4_98)).add_modifier(Modifier::ITALIC)),
        (Element::Selected, Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)),
        (Element::SearchMatch, Style::new().fg(rgb(0x10_10_10)).bg(rgb(0x8a_c8_ff))),
        (Element::SearchCurrent, Style::new().fg(rgb(0x10_10_10)).bg(rgb(0xff_8c_1a)).add_modifier(Modifier::BOLD)),
        (Element::Border, Style::new().fg(rgb(0x6c_6c_6c))),
        (Element::BorderFocused, Style::new().fg(rgb(0x6c_d8_ff))),
        (Element::Title, Style::new().fg(rgb(0xd0_d0_d0)).add_modifier(Modifier::BOLD)),
        (Element::TitleFocused, Style::new().fg(rgb(0x10_10_10)).bg(rgb(0x6c_d8_ff)).add_modifier(Modifier::BOLD)),
        (Element::Status, Style::new().fg(rgb(0xd0_d0_d0)).bg(rgb(0x26_26_26))),
        (Element::Error, Style::new().fg(rgb(0xff_ff_ff)).bg(rgb(0xb4_1e_2c)).add_modifier(Modifier::BOLD)),
        (Element::Accent, Style::new().fg(rgb(0x6c_d8_ff)).add_modifier(Modifier::BOLD)),
        (Element::Muted, Style::new().fg(rgb(0x8a_8a_8a))),
    ])
}

fn monochrome_styles() -> BTreeMap<Element, Style> {
    let m = |modifier: Modifier| Style::new().add_modifier(modifier);
    BTreeMap::from([
        (Element::SharedAll, Style::new()),
        (Element::SharedSome, Style::new()),
        (Element::Unique, m(Modifier::ITALIC)),
        (Element::Plain, m(Modifier::BOLD)),
        (Element::Boilerplate, m(Modifier::DIM)),
        (Element::NumberConflicting, m(Modifier::BOLD | Modifier::UNDERLINED)),
        (Element::NumberCompatible, m(Modifier::UNDERLINED)),
        (Element::NameVariant, m(Modifier::UNDERLINED)),
        (Element::Date, m(Modifier::UNDERLINED)),
        (Element::Changed, m(Modifier::BOLD)),
        (Element::Selected, m(Modifier::REVERSED | Modifier::BOLD)),
        (Element::SearchMatch, m(Modifier::REVERSED)),
        (Element::SearchCurrent, m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)),
        (Element::Border, Style::new()),
        (Element::BorderFocused, m(Modifier::BOLD)),
        (Element::Title, m(Modifier::BOLD)),
        (Element::TitleFocused, m(Modifier::REVERSED | Modifier::BOLD)),
        (Element::Status, m(Modifier::REVERSED)),
        (Element::Error, m(Modifier::REVERSED | Modifier::BOLD)),
        (Element::Accent, m(Modifier::BOLD)),
        (Element::Muted, m(Modifier::DIM)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_uses_no_colour_at_all() {
        let theme = Theme::monochrome();
        assert!(theme.markers);
        for (element, style) in &theme.styles {
            assert!(style.fg.is_none() && style.bg.is_none(), "{element:?} has a colour");
        }
        for role in [SentenceRole::SharedAll, SentenceRole::SharedSome, SentenceRole::Unique] {
            assert!(theme.role_bar(Some(role)).1.fg.is_none());
        }
    }

    #[test]
    fn monochrome_keeps_every_highlight_distinguishable() {
        // Marks differ by modifier or by their marker; sentence roles by
        // modifier or by their gutter bar.
        let theme = Theme::monochrome();
        let marks = crate::kinds::MARKS.map(|m| m.kind);
        for (i, a) in marks.iter().enumerate() {
            for b in &marks[i + 1..] {
                let same_look = theme.mark(*a) == theme.mark(*b) && marker(*a) == marker(*b);
                assert!(!same_look, "{a:?} and {b:?} look alike");
            }
        }
        let roles = [
            SentenceRole::SharedAll,
            SentenceRole::SharedSome,
            SentenceRole::Unique,
            SentenceRole::Plain,
            SentenceRole::Boilerplate,
        ];
        for (i, a) in roles.iter().enumerate() {
            for b in &roles[i + 1..] {
                let same_look =
                    theme.role(*a) == theme.role(*b) && theme.role_bar(Some(*a)) == theme.role_bar(Some(*b));
                assert!(!same_look, "{a:?} and {b:?} look alike");
            }
        }
    }

    #[test]
    fn overrides_replace_only_what_they_name() {
        let mut config = ThemeConfig::default();
        config.styles.insert(
            Element::Unique,
            StyleSpec { bg: Some(ColorSpec(Color::Indexed(52))), underline: Some(true), ..StyleSpec::default() },
        );
        let theme = Theme::new(&config, false);
        let unique = theme.style(Element::Unique);
        assert_eq!(unique.bg, Some(Color::Indexed(52)));
        assert_eq!(unique.fg, Theme::default().style(Element::Unique).fg, "fg kept");
        assert!(unique.add_modifier.contains(Modifier::UNDERLINED));
        // NO_COLOR wins over configured colours but keeps the modifiers.
        let plain = Theme::new(&config, true).style(Element::Unique);
        assert_eq!(plain.bg, None);
        assert!(plain.add_modifier.contains(Modifier::UNDERLINED));
    }
}
