//! Figures and quantities: what a number in an article says (value,
//! bounds, hedge, class) and what the articles' figures for one quantity
//! say together. Re-exported from [`crate::model`].

use super::{SentenceRef, Span};
use serde::{Deserialize, Serialize};

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As written, no hedge.
    Exact,
    /// "about", "around", "some", "nearly", or a vague word like "hundreds".
    Approx,
    /// "more than", "over".
    Over,
    /// "less than", "under", "fewer than".
    Under,
    /// "at least".
    AtLeast,
    /// "at most", "up to".
    AtMost,
    /// "between 3 and 5", "3 to 5".
    Range,
}

impl Qualifier {
    /// The name used in reports and the JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Approx => "approx",
            Self::Over => "over",
            Self::Under => "under",
            Self::AtLeast => "at_least",
            Self::AtMost => "at_most",
            Self::Range => "range",
        }
    }

    /// Which way the hedge points: 1 up ("more than", "at least"), -1 down
    /// ("under", "at most"), 2 both ways (a range), 0 nowhere ("about" reads
    /// as the figure itself, as an exact figure does).
    #[must_use]
    pub const fn direction(self) -> i8 {
        match self {
            Self::Over | Self::AtLeast => 1,
            Self::Under | Self::AtMost => -1,
            Self::Range => 2,
            Self::Exact | Self::Approx => 0,
        }
    }
}

/// The figure behind a number mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The number as written (10000 for "over 10,000"); for vague words a representative value.
    pub value: f64,
    /// Lower bound of what the wording allows.
    pub low: f64,
    /// Upper bound of what the wording allows (`f64::INFINITY` for "more than").
    pub high: f64,
    /// The hedge.
    pub qualifier: Qualifier,
    /// What is counted, normalised ("people", "homes", "eur", "percent").
    pub unit: String,
}

/// What sort of figure a number is. Figures of different classes are never
/// the same quantity, and only quantities (see [`QuantityClass::is_quantity`])
/// are compared across articles; the other classes say why a number is left
/// alone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QuantityClass {
    /// A count of things ("4,500 residents").
    Count,
    /// An amount of money in a currency (ISO code).
    Money(String),
    /// A share ("40 percent", "two-thirds of").
    Percent,
    /// A measurement in a unit ("18 million cubic metres", "4 metres").
    Measure(String),
    /// A length of time in a unit ("hours", "weeks"); the value is in days.
    /// Durations in different units are never the same quantity.
    Duration(String),
    /// Someone's age.
    Age,
    /// A rank ("40th").
    Ordinal,
    /// A calendar year ("in 2019", "since 2002").
    Year,
    /// A number that is no quantity, with the reason.
    NotQuantity(NotQuantity),
}

impl QuantityClass {
    /// Classes whose figures are reported as discrepancies wherever their
    /// context matches. Ages, durations and ordinals are compared only
    /// between sentences already matched as the same statement.
    #[must_use]
    pub const fn is_strong(&self) -> bool {
        matches!(self, Self::Count | Self::Money(_) | Self::Percent | Self::Measure(_))
    }

    /// Whether figures of this class measure something that articles can
    /// disagree about (everything but years and non-quantities).
    #[must_use]
    pub const fn is_quantity(&self) -> bool {
        !matches!(self, Self::Year | Self::NotQuantity(_))
    }

    /// The class's name in reports: `count`, `money`, `percent`, `measure`,
    /// `duration`, `age`, `ordinal`, `year`, `not_a_quantity`.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Money(_) => "money",
            Self::Percent => "percent",
            Self::Measure(_) => "measure",
            Self::Duration(_) => "duration",
            Self::Age => "age",
            Self::Ordinal => "ordinal",
            Self::Year => "year",
            Self::NotQuantity(_) => "not_a_quantity",
        }
    }
}

/// What a figure measures regardless of its value: its class, the counted
/// noun (a word term's key: a stem or a `~` concept) and the event that
/// tells quantities apart. `None` stands for "any" noun or event, so
/// "another 27 were injured" (no noun) meets "27 people were injured" on
/// the key with the event alone.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QuantityKey {
    /// The figure's class (a currency or unit is part of it).
    pub class: QuantityClass,
    /// The counted noun, `None` for any.
    pub noun: Option<String>,
    /// The exclusive event ("~die"), `None` for any.
    pub event: Option<&'static str>,
}

impl std::fmt::Display for QuantityKey {
    /// The key as written in debugging output: `count|~peopl|~die`,
    /// `money:EUR|*|~promis` (`*` for any).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.class {
            QuantityClass::Money(code) => write!(f, "money:{code}")?,
            QuantityClass::Measure(unit) => write!(f, "measure:{unit}")?,
            QuantityClass::Duration(unit) => write!(f, "duration:{unit}")?,
            QuantityClass::NotQuantity(reason) => write!(f, "not:{}", reason.as_str())?,
            other => f.write_str(other.as_str())?,
        }
        write!(f, "|{}|{}", self.noun.as_deref().unwrap_or("*"), self.event.unwrap_or("*"))
    }
}

impl PartialOrd for QuantityKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for QuantityKey {
    /// Ordered as their written forms, so sets of terms iterate (and sum
    /// their weights) in one fixed order.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self == other { std::cmp::Ordering::Equal } else { self.to_string().cmp(&other.to_string()) }
    }
}

/// Why a number is no quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NotQuantity {
    /// A reading on a named scale ("magnitude 6.1", "Category 4").
    Scale,
    /// Part of a date or a clock time ("March 3", "6 p.m.", "18:40", "5/17/2018").
    DateOrTime,
    /// Part of a name ("9/11", "COVID-19", "G7", "Apollo 13").
    Name,
    /// An identifier: a model, flight, route or list number ("Flight 447", "No. 5").
    Identifier,
    /// A telephone number.
    Phone,
    /// A street address ("12 Elm Street").
    Address,
    /// A size that names a kind of thing ("a three-bedroom house", "a two-door car").
    Kind,
    /// "one" as a pronoun ("one of them", "the one who").
    Pronoun,
}

impl NotQuantity {
    /// The reason's name in reports (`scale`, `date_or_time`, `name`,
    /// `identifier`, `phone`, `address`, `kind`, `pronoun`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Scale => "scale",
            Self::DateOrTime => "date_or_time",
            Self::Name => "name",
            Self::Identifier => "identifier",
            Self::Phone => "phone",
            Self::Address => "address",
            Self::Kind => "kind",
            Self::Pronoun => "pronoun",
        }
    }
}

/// What the articles' figures for one quantity say together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every article gives the same reading (values within 0.5%, hedges alike).
    Agree,
    /// The figures differ but can all be true (overlapping ranges, rounding).
    Compatible,
    /// The figures cannot all be true.
    Conflicting,
    /// The figure moved between reports.
    Changed,
}

impl Verdict {
    /// The name used in reports and the JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Agree => "agree",
            Self::Compatible => "compatible",
            Self::Conflicting => "conflicting",
            Self::Changed => "changed",
        }
    }
}

/// One figure read in an article: every number, quantity or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureReading {
    /// Index of the sentence in [`Article::sentences`](super::Article::sentences).
    pub sentence: usize,
    /// The surface text, from the hedge to the unit, in the article's text.
    pub span: Span,
    /// Value, bounds, hedge and unit label.
    pub figure: Figure,
    /// What sort of figure.
    pub class: QuantityClass,
    /// The quantity it belongs to (an index into the comparison's
    /// quantities), once quantities are built.
    pub quantity: Option<usize>,
}

/// One figure of a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityFigure {
    /// The sentence.
    pub at: SentenceRef,
    /// The figure's surface span in the article's text.
    pub span: Span,
    /// Value, bounds, hedge and unit.
    pub figure: Figure,
}

/// One quantity stated by at least two articles: the figure each gives and
/// what they say together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// What is counted and what happened to it, in the articles' own words
    /// ("domestic flights canceled").
    pub label: String,
    /// The figures' unit ("people", "USD", "percent").
    pub unit: String,
    /// Agree, compatible, conflicting or changed.
    pub verdict: Verdict,
    /// Every figure, in reading order.
    pub figures: Vec<QuantityFigure>,
}
