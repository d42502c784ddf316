//! The review file: what the reviewer said, each statement with its time.
//!
//! ```json
//! { "format": "parallax-review", "version": 1,
//!   "articles": [{ "source": "a.txt", "content_sha256": "…" }],
//!   "verdicts": [{ "target": { "kind": "number", "mentions": [ … ] },
//!                  "verdict": "confirmed", "note": "…", "at": "2026-03-05T10:00:00Z" }],
//!   "corrections": [{ "change": { "type": "same_quantity", "a": { … }, "b": { … } },
//!                     "at": "2026-03-05T10:02:00Z" }] }
//! ```

use super::fingerprint::{Fingerprint, MentionKey, ReviewedArticle, SentenceKey};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `format` field every review file carries (a file without it is foreign).
pub const FORMAT: &str = "parallax-review";

/// The review file version this parallax writes and reads.
pub const VERSION: u32 = 1;

/// A reviewer's verdict on one discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The discrepancy is real.
    Confirmed,
    /// The reviewer doubts it (to check further).
    Disputed,
    /// Not a discrepancy at all: the engine was wrong.
    FalseAlarm,
    /// Real or not, it does not matter for this story.
    Ignored,
}

impl Verdict {
    /// Every verdict, in the order keys and filters list them.
    pub const ALL: [Self; 4] = [Self::Confirmed, Self::Disputed, Self::FalseAlarm, Self::Ignored];

    /// The name used in files, reports and `--only`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Disputed => "disputed",
            Self::FalseAlarm => "false_alarm",
            Self::Ignored => "ignored",
        }
    }

    /// The words people read ("false alarm").
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Disputed => "disputed",
            Self::FalseAlarm => "false alarm",
            Self::Ignored => "ignored",
        }
    }

    /// The verdict a name stands for (`confirmed`, `false-alarm`, `false_alarm`, …).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|v| v.as_str() == name)
    }
}

/// A value or spelling the reviewer holds correct, and on what authority.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Pinned {
    /// The value or spelling ("4,500", "Yevgeny Kuznetsov").
    pub value: String,
    /// Where it comes from ("per the ministry's statement of 4 March").
    #[serde(default)]
    pub source: String,
}

/// The reviewer's word on one discrepancy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Judgement {
    /// What was judged.
    pub target: Fingerprint,
    /// The verdict, if one was given (a note may come first).
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// Free text, possibly several lines.
    #[serde(default)]
    pub note: String,
    /// For a figure or a name: the value or spelling held correct.
    #[serde(default)]
    pub pinned: Option<Pinned>,
    /// When the reviewer last changed it (RFC 3339, UTC).
    pub at: String,
}

impl Judgement {
    /// True when nothing is said any more (the entry can go).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.note.trim().is_empty() && self.pinned.is_none()
    }
}

/// A correction: the reviewer overrides the engine's grouping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// "These say the same": the two sentences' groups become one (a unique
    /// detail joins the other's group; two unique details form a group).
    SameStatement {
        /// One sentence.
        a: SentenceKey,
        /// The other.
        b: SentenceKey,
    },
    /// "These differ": the sentence leaves its group.
    DifferentStatement {
        /// The sentence taken out.
        sentence: SentenceKey,
    },
    /// "Not the same person": the spellings in `apart` are split off the
    /// name set `names` into a set of their own.
    NotSamePerson {
        /// The name discrepancy as the engine found it.
        names: Fingerprint,
        /// The spellings that name someone else.
        apart: Vec<String>,
    },
    /// "Same quantity": the figures' discrepancies (or lone figures) become one.
    SameQuantity {
        /// One figure.
        a: MentionKey,
        /// The other.
        b: MentionKey,
    },
    /// "Different quantities": the figure leaves its discrepancy.
    DifferentQuantity {
        /// The figure taken out.
        figure: MentionKey,
    },
    /// "These differ" for a date: the date is about another event, so it
    /// leaves the date discrepancy.
    DifferentDate {
        /// The date taken out.
        date: MentionKey,
    },
}

impl Change {
    /// One line for people: what the reviewer said.
    #[must_use]
    pub fn describe(&self) -> String {
        let quote = |text: &str| format!("“{}”", crate::discrepancies::excerpt(text, 60));
        match self {
            Self::SameStatement { a, b } => {
                format!("{} and {} say the same", quote(&a.sentence), quote(&b.sentence))
            }
            Self::DifferentStatement { sentence } => {
                format!("{} differs from the statements it was grouped with", quote(&sentence.sentence))
            }
            Self::NotSamePerson { apart, .. } => format!("{} is not the same person", apart.join(" / ")),
            Self::SameQuantity { a, b } => {
                format!("{} and {} are the same quantity", quote(&a.text), quote(&b.text))
            }
            Self::DifferentQuantity { figure } => {
                format!("{} ({}) is a different quantity", quote(&figure.text), quote(&figure.sentence))
            }
            Self::DifferentDate { date } => {
                format!("{} ({}) dates a different event", quote(&date.text), quote(&date.sentence))
            }
        }
    }
}

/// One correction, with its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Correction {
    /// What the reviewer said.
    pub change: Change,
    /// When (RFC 3339, UTC).
    pub at: String,
}

/// A whole review: the file's contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Review {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`] when written.
    pub version: u32,
    /// The articles it was made on.
    pub articles: Vec<ReviewedArticle>,
    /// Verdicts, notes and pinned values, one per judged discrepancy.
    #[serde(default)]
    pub verdicts: Vec<Judgement>,
    /// Corrections, in the order they were made (applied in that order).
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

impl Review {
    /// An empty review of these articles.
    #[must_use]
    pub fn new(articles: Vec<ReviewedArticle>) -> Self {
        Self { format: FORMAT.to_owned(), version: VERSION, articles, verdicts: Vec::new(), corrections: Vec::new() }
    }

    /// True when the reviewer has said nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.verdicts.is_empty() && self.corrections.is_empty()
    }

    /// The judgement to change for a discrepancy whose fingerprint is now
    /// `target`: the one already attached to it (`attached`, an index into
    /// `verdicts`), else a new one. Its target and time are brought up to date.
    pub fn judgement_mut(&mut self, attached: Option<usize>, target: &Fingerprint, at: &str) -> &mut Judgement {
        let index = match attached.filter(|i| *i < self.verdicts.len()) {
            Some(index) => index,
            None => {
                self.verdicts.push(Judgement {
                    target: target.clone(),
                    verdict: None,
                    note: String::new(),
                    pinned: None,
                    at: String::new(),
                });
                self.verdicts.len() - 1
            }
        };
        let judgement = &mut self.verdicts[index];
        judgement.target = target.clone();
        at.clone_into(&mut judgement.at);
        judgement
    }

    /// Drops judgements that say nothing any more.
    pub fn tidy(&mut self) {
        self.verdicts.retain(|j| !j.is_empty());
    }
}
