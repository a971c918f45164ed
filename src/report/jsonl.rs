//! JSON Lines: one object per line, each with a `type` (`document`, `claim`, `event`, `field`,
//! `check`, `summary`), for tools that read line by line. The objects are those of the JSON
//! report, so the two formats never drift apart.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use super::json;
use crate::run::Run;

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
    let report = json::report(run);
    for doc in &report.documents {
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
    }
    for event in &report.events {
        line(out, "event", event)?;
    }
    for field in &report.fields {
        line(out, "field", field)?;
    }
    for check in &report.checks {
        line(out, "check", check)?;
    }
    line(out, "summary", &report.summary)
}
