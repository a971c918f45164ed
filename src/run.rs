//! One run: read every input, extract each document's claims, reconcile them.
//!
//! Documents are processed independently (in parallel) and handed on in input order; what the
//! reconciler needs of each (its reading, in a [`Collection`]) is kept, the rest is dropped as
//! soon as the report has it.

use rayon::prelude::*;

use crate::document::{self, Input, Offsets, ReadOptions, Status};
use crate::extract::{self, Claim, Finding, FindingKind, Meeting};
use crate::lexicon::gazetteer::Gazetteer;
use crate::reconcile::{self, Collection, Doc, Resolved};

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
    /// An `error` because its bytes could not be had at all (missing, not allowed, not a regular
    /// file), not because they are not text: for a path named on the command line, that fails
    /// the run.
    pub unreadable: bool,
    pub title: Option<String>,
    pub encoding: Option<&'static str>,
    pub offsets: Option<Offsets>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// Whether the document reports a meeting; `None` when it could not be read.
    pub meeting: Option<Meeting>,
    /// The decoded text, kept only when a report needs it (`RunOptions::keep_text`).
    pub text: Option<String>,
}

/// A whole run: every input in order, and what reconciliation decided about the readable ones.
#[derive(Debug, Clone)]
pub struct Run {
    pub documents: Vec<DocumentResult>,
    pub resolved: Resolved,
    pub totals: Totals,
}

impl Run {
    /// The result of each readable document, by its index in the collection.
    pub fn readable(&self) -> Vec<&DocumentResult> {
        self.documents
            .iter()
            .filter(|d| d.status == Status::Ok)
            .collect()
    }
}

/// Settings for a run.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions<'g> {
    pub read: ReadOptions,
    pub gazetteer: &'g Gazetteer,
    /// What each document keeps beyond its claims.
    pub keep: Keep,
}

/// What a run keeps of each document beyond its claims.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Keep {
    /// Its decoded text (the HTML report shows it); otherwise it is dropped as soon as its
    /// claims are out.
    pub text: bool,
    /// Each claim's sentence (`--context`, word diffs, HTML, map records).
    pub sentences: bool,
    /// Each readable document's title beside its reading, for reports that name sources by it
    /// (text, GitHub, HTML); JSON writes titles with the documents instead.
    pub titles: bool,
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

/// An input that could not be read, as every report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub path: String,
    pub status: Status,
    pub reason: String,
}

/// What a streamed run keeps: each readable document's reading (not its text or mentions), the
/// inputs that could not be read, and totals.
#[derive(Debug, Default)]
pub struct Kept {
    pub docs: Collection,
    pub unread: Vec<Unread>,
    pub totals: Totals,
    /// Whether the collection keeps titles (`Keep::titles`).
    pub titles: bool,
}

impl Kept {
    /// Records one document before it is handed on; returns its place in the collection if it
    /// was readable.
    pub fn keep(&mut self, d: &DocumentResult, gazetteer: &Gazetteer) -> Option<Doc> {
        self.totals.add(d.status);
        if d.status != Status::Ok {
            self.unread.push(Unread {
                path: d.path.clone(),
                status: d.status,
                reason: d.reason.clone().unwrap_or_default(),
            });
            return None;
        }
        let doc = reconcile::collection::to_u32(self.docs.len());
        let meeting = d.meeting.clone().unwrap_or_default();
        let years = |id: &str| gazetteer.person_years(id);
        self.docs.push(
            &d.id,
            &d.path,
            d.title.as_deref().filter(|_| self.titles),
            &meeting,
            &d.claims,
            &d.findings,
            &years,
        );
        Some(doc)
    }

    /// Reconciles the kept documents, which move into the result.
    pub fn reconcile(self) -> (Resolved, Vec<Unread>, Totals) {
        (reconcile::reconcile(self.docs), self.unread, self.totals)
    }
}

/// Reads and extracts every input, in parallel chunks, handing each result to `sink` in input
/// order; only each document's id and interned values are kept, so memory does not grow with
/// the text.
pub fn stream(
    inputs: &[Input],
    options: &RunOptions,
    sink: &mut dyn FnMut(DocumentResult, Option<Doc>) -> std::io::Result<()>,
) -> std::io::Result<Kept> {
    stream_prepared(inputs, options, |_| (), &mut |d, doc, ()| sink(d, doc))
}

/// [`stream`], with a step `prepare` that runs in parallel on each result as soon as it is
/// extracted (rendering it for a report, say); `sink` gets the result, its place in the
/// collection (if readable) and what `prepare` made of it, in input order.
pub fn stream_prepared<T: Send>(
    inputs: &[Input],
    options: &RunOptions,
    prepare: impl Fn(&DocumentResult) -> T + Sync,
    sink: &mut dyn FnMut(DocumentResult, Option<Doc>, T) -> std::io::Result<()>,
) -> std::io::Result<Kept> {
    // Large enough that one slow article does not leave the other threads idle for long, small
    // enough that a chunk's results (claims and evidence) stay a few megabytes.
    let chunk = (rayon::current_num_threads() * 64).max(64);
    let mut kept = Kept {
        titles: options.keep.titles,
        ..Kept::default()
    };
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
                let doc = kept.keep(&result, options.gazetteer);
                sink(result, doc, prepared)?;
            }
        }
        Ok(kept)
    })
}

/// Reads, extracts and reconciles, keeping every document's claims and evidence (for reports
/// that show them). Output order follows input order whatever the parallelism.
pub fn run(inputs: &[Input], options: &RunOptions) -> Run {
    let mut documents = Vec::with_capacity(inputs.len());
    let kept = stream(inputs, options, &mut |d, _| {
        documents.push(d);
        Ok(())
    })
    .unwrap_or_default();
    let (resolved, _, totals) = kept.reconcile();
    Run {
        documents,
        resolved,
        totals,
    }
}

/// What the reconciler keeps of already-extracted documents.
pub fn kept(documents: &[DocumentResult], gazetteer: &Gazetteer) -> Kept {
    let mut kept = Kept {
        titles: true,
        ..Kept::default()
    };
    for d in documents {
        kept.keep(d, gazetteer);
    }
    kept
}

/// Reconciles already-extracted documents.
pub fn reconcile_documents(documents: Vec<DocumentResult>, gazetteer: &Gazetteer) -> Run {
    let (resolved, _, totals) = kept(&documents, gazetteer).reconcile();
    Run {
        documents,
        resolved,
        totals,
    }
}

/// Extracts the claims of one already-decoded text.
pub fn process_text(
    id: &str,
    path: &str,
    decoded: document::Decoded,
    g: &Gazetteer,
    keep: Keep,
) -> DocumentResult {
    let options = extract::ExtractOptions {
        sentences: keep.sentences,
    };
    let mut extraction = extract::extract_with(&decoded.text, g, options);
    if let Some(at) = decoded.truncated_at {
        // About the file itself, before what its text says.
        extraction.findings.insert(0, truncated(at));
    }
    DocumentResult {
        id: id.to_owned(),
        stem: id.to_owned(),
        rel: id.to_owned(),
        path: path.to_owned(),
        status: Status::Ok,
        reason: None,
        unreadable: false,
        title: document::title(&decoded.text),
        encoding: Some(decoded.encoding),
        offsets: Some(decoded.offsets),
        claims: extraction.claims,
        findings: extraction.findings,
        meeting: Some(extraction.meeting),
        text: keep.text.then_some(decoded.text),
    }
}

/// The finding of a file whose last character is cut off at byte `at`.
fn truncated(at: usize) -> Finding {
    Finding {
        kind: FindingKind::TruncatedUtf8,
        message: format!(
            "the file ends inside a UTF-8 character, which starts at byte offset {at}: the text \
             is read up to there"
        ),
        evidence: None,
    }
}

fn process(input: &Input, options: &RunOptions) -> DocumentResult {
    let mut result = match document::read(input, &options.read) {
        Ok(decoded) => process_text(
            &input.id,
            &input.path,
            decoded,
            options.gazetteer,
            options.keep,
        ),
        Err(unread) => DocumentResult {
            id: input.id.clone(),
            stem: String::new(),
            rel: String::new(),
            path: input.path.clone(),
            status: unread.status,
            reason: Some(unread.reason),
            unreadable: unread.unreadable,
            title: None,
            encoding: None,
            offsets: None,
            claims: Vec::new(),
            findings: Vec::new(),
            meeting: None,
            text: None,
        },
    };
    result.stem.clone_from(&input.stem);
    result.rel.clone_from(&input.rel);
    result
}
