//! JSON Lines: one object per line, each with a `type` (`document`, `claim`, `event`, `field`,
//! `check`, `summary`), for tools that read line by line. The objects are those of the JSON
//! report, so the two formats never drift apart. Like the JSON report, it streams: documents
//! are written as they are read, and only their values are kept for the reconciliation.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use super::Streamed;
use super::json;
use crate::document::Status;
use crate::reconcile::Reconciliation;
use crate::run::{DocumentResult, Run, Totals};

/// Writes `{"type":kind, …body}` on one line, `type` first so a reader can dispatch on it.
fn line(out: &mut dyn Write, kind: &str, body: &impl Serialize) -> io::Result<()> {
    let body = serde_json::to_string(body)?;
    let rest = body.strip_prefix('{').unwrap_or("}");
    let sep = if rest == "}" { "" } else { "," };
    writeln!(
        out,
        "{{\"type\":{}{sep}{rest}",
        serde_json::to_string(kind)?
    )
}

/// Writes the run as JSON Lines.
pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = Writer { out };
    for d in &run.documents {
        writer.document(d)?;
    }
    let totals = Totals {
        documents: run.documents.len(),
        ok: run.count(Status::Ok),
        skipped: run.count(Status::Skipped),
        errors: run.count(Status::Error),
    };
    writer.finish(&run.reconciliation, totals)
}

/// The lines of one document: its `document` line, then a `claim` line per claim.
pub fn render(d: &DocumentResult) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 * 1024);
    // Writing to a Vec cannot fail.
    let _ = write_document(d, &mut out);
    out
}

fn write_document(d: &DocumentResult, out: &mut dyn Write) -> io::Result<()> {
    let doc = json::document(d);
    let header = json!({
        "id": doc.id,
        "path": doc.path,
        "status": doc.status,
        "reason": doc.reason,
        "title": doc.title,
        "encoding": doc.encoding,
        "offsets": doc.offsets,
        "claims": doc.claims.len(),
        "findings": doc.findings,
    });
    line(out, "document", &header)?;
    for claim in &doc.claims {
        let mut record = serde_json::to_value(claim)?;
        if let Value::Object(map) = &mut record {
            map.insert("document".into(), Value::from(doc.id.as_ref()));
        }
        line(out, "claim", &record)?;
    }
    Ok(())
}

/// Writes JSON Lines as documents stream in: each document's lines as soon as it is read, the
/// reconciliation's (`event`, `field`, `check`, `summary`) at the end.
pub struct Writer<'w> {
    out: &'w mut dyn Write,
}

impl<'w> Writer<'w> {
    pub fn begin(out: &'w mut dyn Write) -> Self {
        Writer { out }
    }
}

impl Streamed for Writer<'_> {
    fn render(d: &DocumentResult) -> Vec<u8> {
        render(d)
    }

    fn rendered(&mut self, document: &[u8]) -> io::Result<()> {
        self.out.write_all(document)
    }

    fn finish(self, rec: &Reconciliation, totals: Totals) -> io::Result<()> {
        let out = self.out;
        for event in json::events(rec) {
            line(out, "event", &event)?;
        }
        for field in json::fields(rec) {
            line(out, "field", &field)?;
        }
        for check in json::checks(rec) {
            line(out, "check", &check)?;
        }
        line(out, "summary", &json::JsonSummary::new(totals, rec))
    }
}
