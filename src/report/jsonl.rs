//! JSON Lines: one object per line, each with a `type` (`document`, `claim`, `event`,
//! `unattached`, `near`, `contradiction`, `summary`), for tools that read line by line. The
//! objects are those of the JSON report, so the two formats never drift apart.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use super::json::{self, DocumentOptions, JsonSummary};
use super::spill::{Rendered, Spill};
use crate::extract::Meeting;
use crate::reconcile::Resolved;
use crate::run::{DocumentResult, Totals};

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

/// The lines of one document: its `document` line (its claims counted, its meeting's event left
/// for the writer), then a `claim` line per claim.
pub fn render(d: &DocumentResult, options: DocumentOptions) -> Rendered {
    let mut bytes = Vec::with_capacity(4 * 1024);
    // Writing to a Vec cannot fail.
    let _ = write_document(d, options, &mut bytes);
    let meeting_at = matches!(d.meeting, Some(Meeting::Reported))
        .then(|| json::meeting_offset(&bytes, b",\"meeting\":"))
        .flatten();
    Rendered { bytes, meeting_at }
}

fn write_document(
    d: &DocumentResult,
    options: DocumentOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc = json::document(d, options);
    let mut header = serde_json::to_value(&doc)?;
    if let Value::Object(map) = &mut header {
        map.insert("claims".into(), Value::from(doc.claims.len()));
    }
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

/// Writes the documents held in `spill`, then what reconciliation decided.
pub fn write(
    out: &mut dyn Write,
    spill: Spill,
    resolved: &Resolved,
    totals: Totals,
) -> io::Result<()> {
    spill.replay(
        out,
        |_, _| Ok(()),
        |doc, out| match resolved.event_id(doc) {
            Some(id) => write!(out, "{{\"event\":{}}}", serde_json::to_string(id)?),
            None => out.write_all(b"null"),
        },
    )?;
    for event in &resolved.events {
        line(out, "event", &json::event(resolved, event))?;
    }
    for u in json::unattached(resolved) {
        line(out, "unattached", &u)?;
    }
    for n in &resolved.near {
        line(out, "near", &json::near(resolved, n))?;
    }
    for c in &resolved.contradictions {
        line(out, "contradiction", &json::contradiction(resolved, c))?;
    }
    line(out, "summary", &JsonSummary::new(totals, resolved))
}
