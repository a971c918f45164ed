//! `reconcile`: extract what Arabic news reports claim about a diplomatic meeting, and show where
//! the sources agree and where they conflict.
//!
//! The modules follow the pipeline: `document` (find, read, decode) → `text` (normalise, tokens,
//! numbers, dates) → `lexicon` (gazetteer, cue lists) → `extract` (claims per document) →
//! `reconcile` (events, verdicts) → `report` (one renderer per output format).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod cli;
pub mod document;
pub mod extract;
pub mod lexicon;
pub mod reconcile;
pub mod report;
pub mod run;
pub mod shard;
pub mod text;
