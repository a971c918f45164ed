//! Rendering a run: one module per output format, all reading the same `Run`.
//!
//! Every string that came from an article or a file name goes through `sanitize` before it
//! reaches a terminal.

pub mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod sanitize;
pub mod text;

use std::io;

use crate::reconcile::Reconciliation;
use crate::run::{DocumentResult, Totals};

/// A report written while documents stream in (JSON, JSON Lines): each document as soon as it
/// is read, rendered on the worker that extracted it, then the reconciliation at the end.
pub trait Streamed {
    /// One document's part of the report; needs nothing else, so it can run in parallel.
    fn render(d: &DocumentResult) -> Vec<u8>;

    /// Writes a document as [`Streamed::render`] gave it, in input order.
    fn rendered(&mut self, document: &[u8]) -> io::Result<()>;

    fn document(&mut self, d: &DocumentResult) -> io::Result<()> {
        self.rendered(&Self::render(d))
    }

    /// Writes what follows the documents.
    fn finish(self, rec: &Reconciliation, totals: Totals) -> io::Result<()>;
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable report for a terminal.
    Text,
    /// One JSON document (CONTRACT.md section 4).
    Json,
    /// One JSON object per line, each with a `type`.
    Jsonl,
    /// GitHub Actions annotations on the lines of conflicting claims.
    Github,
    /// One self-contained HTML page: the matrix of fields by documents, with evidence.
    Html,
}
