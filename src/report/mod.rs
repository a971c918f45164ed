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
