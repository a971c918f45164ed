//! One run: read every input, extract each document's claims, reconcile them.
//!
//! Documents are processed independently (in parallel) and only their claims are kept: the text
//! is dropped as soon as its claims are out.

use rayon::prelude::*;

use crate::document::{self, Input, Offsets, ReadOptions, Status};
use crate::extract::{self, Claim, Finding};
use crate::lexicon::gazetteer::Gazetteer;
use crate::reconcile::{self, Collection, Reconciliation};

/// What became of one input.
#[derive(Debug, Clone)]
pub struct DocumentResult {
    pub id: String,
    /// What the id is made from (see `document::inputs::unique_ids`), for the reduce step.
    pub stem: String,
    pub rel: String,
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

    /// Documents by id, for reports that follow verdicts back to their claims.
    pub fn by_id(&self) -> std::collections::HashMap<&str, &DocumentResult> {
        self.documents.iter().map(|d| (d.id.as_str(), d)).collect()
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

/// How many documents went which way, counted while streaming.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    pub ok: usize,
    pub skipped: usize,
    pub errors: usize,
}

impl Totals {
    fn add(&mut self, status: Status) {
        self.documents += 1;
        match status {
            Status::Ok => self.ok += 1,
            Status::Skipped => self.skipped += 1,
            Status::Error => self.errors += 1,
        }
    }
}

/// What a streamed run keeps: each readable document's id and values (not its evidence), and
/// totals.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    pub docs: Collection,
    pub totals: Totals,
}

impl Kept {
    /// Records one document before it is handed on.
    pub fn keep(&mut self, d: &DocumentResult) {
        self.totals.add(d.status);
        if d.status == Status::Ok {
            self.docs.push(&d.id, &d.claims);
        }
    }

    /// Reconciles the kept documents, handing their ids on to the result.
    pub fn reconcile(self) -> Reconciliation {
        reconcile::reconcile(self.docs)
    }
}

/// Reads and extracts every input, in parallel chunks, handing each result to `sink` in input
/// order; only each document's id and interned values are kept, so memory does not grow with
/// the text.
pub fn stream(
    inputs: &[Input],
    options: &RunOptions,
    sink: &mut dyn FnMut(DocumentResult) -> std::io::Result<()>,
) -> std::io::Result<Kept> {
    stream_prepared(inputs, options, |_| (), &mut |d, ()| sink(d))
}

/// [`stream`], with a step `prepare` that runs in parallel on each result as soon as it is
/// extracted (rendering it for a report, say); `sink` gets the result and what `prepare` made
/// of it, in input order.
pub fn stream_prepared<T: Send>(
    inputs: &[Input],
    options: &RunOptions,
    prepare: impl Fn(&DocumentResult) -> T + Sync,
    sink: &mut dyn FnMut(DocumentResult, T) -> std::io::Result<()>,
) -> std::io::Result<Kept> {
    // Large enough that one slow article does not leave the other threads idle for long, small
    // enough that a chunk's results (claims and evidence) stay a few megabytes.
    let chunk = (rayon::current_num_threads() * 64).max(64);
    let mut kept = Kept::default();
    // A producer thread extracts chunk after chunk on the pool while this thread hands the
    // previous chunk's results to `sink` (which may write to a handle that cannot leave this
    // thread): the serial part overlaps the parallel one. The channel holds one chunk, so at
    // most three are in memory at once.
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(DocumentResult, T)>>(1);
        let prepare = &prepare;
        scope.spawn(move || {
            for part in inputs.chunks(chunk) {
                let results = part
                    .par_iter()
                    .map(|input| {
                        let result = process(input, options);
                        let prepared = prepare(&result);
                        (result, prepared)
                    })
                    .collect();
                // The receiver is gone only when the sink failed: stop.
                if tx.send(results).is_err() {
                    break;
                }
            }
        });
        for results in rx {
            for (result, prepared) in results {
                kept.keep(&result);
                sink(result, prepared)?;
            }
        }
        Ok(kept)
    })
}

/// Reads, extracts and reconciles, keeping every document's claims and evidence (for reports
/// that show them). Output order follows input order whatever the parallelism.
pub fn run(inputs: &[Input], options: &RunOptions) -> Run {
    let mut documents = Vec::with_capacity(inputs.len());
    let kept = stream(inputs, options, &mut |d| {
        documents.push(d);
        Ok(())
    })
    .unwrap_or_default();
    Run {
        documents,
        reconciliation: kept.reconcile(),
    }
}

/// Reconciles already-extracted documents (those with status `ok`).
pub fn reconcile_documents(documents: &[DocumentResult]) -> Reconciliation {
    let mut readable = Collection::default();
    for d in documents.iter().filter(|d| d.status == Status::Ok) {
        readable.push(&d.id, &d.claims);
    }
    reconcile::reconcile(readable)
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
        stem: id.to_owned(),
        rel: id.to_owned(),
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
    let mut result = match document::read(input, &options.read) {
        Ok(decoded) => process_text(
            &input.id,
            &input.path,
            decoded,
            options.gazetteer,
            options.keep_text,
        ),
        Err(unread) => DocumentResult {
            id: input.id.clone(),
            stem: String::new(),
            rel: String::new(),
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
    };
    result.stem.clone_from(&input.stem);
    result.rel.clone_from(&input.rel);
    result
}
