//! The JSON report (CONTRACT.md section 4): typed output structs whose field order is the key
//! order, so two runs on the same input give the same bytes. The JSON Schema in
//! `schema/report.schema.json` is generated from these types.

use schemars::JsonSchema;
use serde::Serialize;

use crate::document::{Offsets, Status};
use crate::extract::{Claim, Evidence, Finding};
use crate::reconcile::{Check, FieldVerdict, Scope};
use crate::run::{DocumentResult, Run};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonReport<'a> {
    pub schema_version: u32,
    pub documents: Vec<JsonDocument<'a>>,
    pub events: Vec<JsonEvent>,
    pub fields: Vec<JsonField>,
    pub checks: Vec<JsonCheck>,
    pub summary: JsonSummary,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDocument<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub status: Status,
    /// Why the document was skipped or failed; for `ok` documents, what was (not) found.
    pub reason: Option<String>,
    pub title: Option<&'a str>,
    /// The encoding the text was decoded from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'a str>,
    /// What evidence offsets count: the file's bytes, or the decoded UTF-8 text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offsets: Option<Offsets>,
    pub claims: Vec<JsonClaim<'a>>,
    pub findings: Vec<JsonFinding<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonClaim<'a> {
    pub field: &'a str,
    /// The canonical value (CONTRACT.md section 2).
    #[schemars(with = "serde_json::Value")]
    pub value: &'a crate::extract::Value,
    /// Facts the canonical value leaves out: each chair's country, a city's country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
    pub evidence: JsonEvidence<'a>,
    /// The sentence holding the evidence.
    pub context: JsonEvidence<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonEvidence<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

impl<'a> From<&'a Evidence> for JsonEvidence<'a> {
    fn from(e: &'a Evidence) -> Self {
        JsonEvidence {
            text: &e.text,
            start: e.start,
            end: e.end,
            line: e.line,
        }
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFinding<'a> {
    pub kind: &'a str,
    pub message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<JsonEvidence<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonEvent {
    pub id: String,
    pub documents: Vec<String>,
    /// Field → the event's value, where its documents agree or one is more precise.
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub summary: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonValueGroup {
    #[schemars(with = "serde_json::Value")]
    pub value: serde_json::Value,
    pub documents: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonConflict {
    pub scope: Scope,
    #[schemars(with = "Vec<serde_json::Value>")]
    pub values: [serde_json::Value; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonField {
    pub field: &'static str,
    /// `agree`, `compatible`, `conflict`, `partial`, `single`, or `varies` (a per-article fact).
    #[schemars(with = "String")]
    pub status: crate::reconcile::Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    pub values: Vec<JsonValueGroup>,
    pub silent: Vec<String>,
    pub conflicts: Vec<JsonConflict>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonCheck {
    pub kind: &'static str,
    pub consistent: bool,
    pub documents: Vec<String>,
    pub message: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonSummary {
    pub documents: usize,
    pub ok: usize,
    pub skipped: usize,
    pub errors: usize,
    pub events: usize,
    pub conflicts_within_event: usize,
    pub conflicts_across_events: usize,
}

impl JsonSummary {
    pub fn of(run: &Run) -> Self {
        JsonSummary {
            documents: run.documents.len(),
            ok: run.count(Status::Ok),
            skipped: run.count(Status::Skipped),
            errors: run.count(Status::Error),
            events: run.reconciliation.events.len(),
            conflicts_within_event: run.reconciliation.conflict_count(Scope::WithinEvent),
            conflicts_across_events: run.reconciliation.conflict_count(Scope::AcrossEvents),
        }
    }
}

pub fn document(d: &DocumentResult) -> JsonDocument<'_> {
    let reason = d.reason.clone().or_else(|| {
        d.findings
            .iter()
            .find(|f| f.kind == "no_claims" || f.kind == "no_arabic")
            .map(|f| f.message.clone())
    });
    JsonDocument {
        id: &d.id,
        path: &d.path,
        status: d.status,
        reason,
        title: d.title.as_deref(),
        encoding: d.encoding,
        offsets: d.offsets,
        claims: d.claims.iter().map(claim).collect(),
        findings: d.findings.iter().map(finding).collect(),
    }
}

pub fn claim(c: &Claim) -> JsonClaim<'_> {
    JsonClaim {
        field: c.field,
        value: &c.value,
        details: c.value.details(),
        evidence: (&c.evidence).into(),
        context: (&c.sentence).into(),
        note: c.note.as_deref(),
    }
}

fn finding(f: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        kind: f.kind,
        message: &f.message,
        evidence: f.evidence.as_ref().map(Into::into),
    }
}

fn to_json(v: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

pub fn field(f: &FieldVerdict) -> JsonField {
    JsonField {
        field: f.spec.name,
        status: f.status,
        scope: f.scope,
        values: f
            .values
            .iter()
            .map(|g| JsonValueGroup {
                value: to_json(&g.value),
                documents: g.documents.clone(),
            })
            .collect(),
        silent: f.silent.clone(),
        conflicts: f
            .conflicts
            .iter()
            .map(|c| JsonConflict {
                scope: c.scope,
                values: [to_json(&f.values[c.a].value), to_json(&f.values[c.b].value)],
                event: c.event.clone(),
            })
            .collect(),
    }
}

fn check(c: &Check) -> JsonCheck {
    JsonCheck {
        kind: c.kind,
        consistent: c.consistent,
        documents: c.documents.clone(),
        message: c.message.clone(),
    }
}

/// The whole report as typed JSON.
pub fn report(run: &Run) -> JsonReport<'_> {
    JsonReport {
        schema_version: SCHEMA_VERSION,
        documents: run.documents.iter().map(document).collect(),
        events: run
            .reconciliation
            .events
            .iter()
            .map(|e| JsonEvent {
                id: e.id.clone(),
                documents: e.documents.clone(),
                summary: e
                    .summary
                    .iter()
                    .map(|(f, v)| ((*f).to_owned(), to_json(v)))
                    .collect(),
            })
            .collect(),
        fields: run.reconciliation.fields.iter().map(field).collect(),
        checks: run.reconciliation.checks.iter().map(check).collect(),
        summary: JsonSummary::of(run),
    }
}

/// Writes the JSON report, pretty-printed, with a final newline.
pub fn write(run: &Run, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(run))?;
    out.write_all(b"\n")
}

/// The JSON Schema of the report, generated from the types above.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(JsonReport<'static>)).unwrap_or_default()
}
