//! One run: read every input, extract each document's claims, reconcile them.
//!
//! Documents are processed independently (in parallel) and only their claims are kept: the text
//! is dropped as soon as its claims are out.

use rayon::prelude::*;

use crate::document::{self, Input, Offsets, ReadOptions, Status};
use crate::extract::{self, Claim, Finding};
use crate::lexicon::gazetteer::Gazetteer;
use crate::reconcile::{self, DocClaims, Reconciliation};

/// What became of one input.
#[derive(Debug, Clone)]
pub struct DocumentResult {
    pub id: String,
    pub path: String,
    pub status: Status,
    pub reason: Option<String>,
    pub title: Option<String>,
    pub encoding: Option<&'static str>,
    pub offsets: Option<Offsets>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// The decoded text, kept only when a report needs it (`RunOptions::keep_text`).
    pub text: Option<String>,
}

/// A whole run: every input in order, and the reconciliation of the readable ones.
#[derive(Debug, Clone)]
pub struct Run {
    pub documents: Vec<DocumentResult>,
    pub reconciliation: Reconciliation,
}

impl Run {
    pub fn count(&self, status: Status) -> usize {
        self.documents.iter().filter(|d| d.status == status).count()
    }
}

/// Settings for a run.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions<'g> {
    pub read: ReadOptions,
    pub gazetteer: &'g Gazetteer,
    /// Keep each document's decoded text (the HTML report shows it); otherwise it is dropped as
    /// soon as its claims are out.
    pub keep_text: bool,
}

/// Reads, extracts and reconciles. Output order follows input order whatever the parallelism.
pub fn run(inputs: &[Input], options: &RunOptions) -> Run {
    let documents: Vec<DocumentResult> = inputs
        .par_iter()
        .map(|input| process(input, options))
        .collect();
    let reconciliation = reconcile_documents(&documents);
    Run {
        documents,
        reconciliation,
    }
}

/// Reconciles already-extracted documents (those with status `ok`).
pub fn reconcile_documents(documents: &[DocumentResult]) -> Reconciliation {
    let readable: Vec<DocClaims> = documents
        .iter()
        .filter(|d| d.status == Status::Ok)
        .map(|d| DocClaims {
            id: &d.id,
            claims: &d.claims,
        })
        .collect();
    reconcile::reconcile(&readable)
}

/// Extracts the claims of one already-decoded text.
pub fn process_text(
    id: &str,
    path: &str,
    decoded: document::Decoded,
    g: &Gazetteer,
    keep_text: bool,
) -> DocumentResult {
    let extraction = extract::extract(&decoded.text, g);
    DocumentResult {
        id: id.to_owned(),
        path: path.to_owned(),
        status: Status::Ok,
        reason: None,
        title: document::title(&decoded.text),
        encoding: Some(decoded.encoding),
        offsets: Some(decoded.offsets),
        claims: extraction.claims,
        findings: extraction.findings,
        text: keep_text.then_some(decoded.text),
    }
}

fn process(input: &Input, options: &RunOptions) -> DocumentResult {
    match document::read(input, &options.read) {
        Ok(decoded) => process_text(
            &input.id,
            &input.path,
            decoded,
            options.gazetteer,
            options.keep_text,
        ),
        Err(unread) => DocumentResult {
            id: input.id.clone(),
            path: input.path.clone(),
            status: unread.status,
            reason: Some(unread.reason),
            title: None,
            encoding: None,
            offsets: None,
            claims: Vec::new(),
            findings: Vec::new(),
            text: None,
        },
    }
}
