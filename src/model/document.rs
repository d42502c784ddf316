//! What ingest hands to segment, defined in `model` so neither imports the
//! other. Re-exported from [`crate::model`].

use super::{DayDate, Provenance, Span};

/// The structural role of a block of text as the input format states it.
/// Segmentation refines `Body` blocks further (titles, headings, boilerplate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockRole {
    /// Ordinary text.
    Body,
    /// Marked as the headline by the format (Markdown `#`, HTML `<h1>`).
    Title,
    /// A section heading.
    Heading,
    /// An image or figure caption.
    Caption,
    /// Known not to be article text (a `Source:` line, a credit).
    Boilerplate,
}

/// One block (paragraph, heading, caption) of a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Where the block lies in [`Document::text`].
    pub span: Span,
    /// What the format says it is.
    pub role: BlockRole,
}

/// Metadata an input states about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline, when the format states it apart from the text.
    pub title: Option<String>,
    /// The outlet (a `Source:` line, a site name).
    pub outlet: Option<String>,
    /// The byline.
    pub byline: Option<String>,
    /// The publication date.
    pub date: Option<DayDate>,
}

/// An input read and decoded into text blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path or URL as given.
    pub source: String,
    /// The cleaned text; blocks are separated by blank lines.
    pub text: String,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// What the input says about itself.
    pub meta: Metadata,
    /// How it was read.
    pub provenance: Provenance,
}
