//! Rendering a run: one module per output format, each laying out the same [`Outcome`] (what
//! reconciliation decided, and the inputs that could not be read). No renderer decides anything
//! of its own; a fact a renderer needs is added to the resolved result.
//!
//! Every string that came from an article, a file name or user data goes through `sanitize`
//! before it reaches a terminal.

pub mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod pretty;
pub mod sanitize;
pub mod spill;
pub mod text;

use crate::reconcile::{Doc, Quote, Resolved};
use crate::run::{DocumentResult, Totals, Unread};

/// What every report renders.
#[derive(Debug)]
pub struct Outcome {
    pub resolved: Resolved,
    /// Inputs that could not be read, in input order.
    pub unread: Vec<Unread>,
    pub totals: Totals,
    /// Each readable document's full result, by its place in the collection; kept only for
    /// reports that show text or sentences (HTML, word diffs), empty otherwise.
    pub documents: Vec<DocumentResult>,
}

impl Outcome {
    /// The full result of a readable document, if the run kept it.
    pub fn document(&self, doc: Doc) -> Option<&DocumentResult> {
        self.documents.get(doc as usize)
    }

    /// Where a document states its value of `field` in its reading.
    pub fn quote(&self, doc: Doc, field: crate::extract::Field) -> Option<&Quote> {
        self.resolved.collection.scalar(doc, field).map(|(_, q)| q)
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable report for a terminal: contradictions first, then events.
    Text,
    /// One JSON document (docs/contract.md, "JSON output").
    Json,
    /// One JSON object per line, each with a `type`.
    Jsonl,
    /// GitHub Actions annotations on the lines of contradicting claims.
    Github,
    /// One self-contained HTML page: contradictions, then each event with its matrix.
    Html,
}
