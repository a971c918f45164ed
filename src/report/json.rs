//! The JSON report (docs/contract.md, "JSON output"): typed wire structs whose field order is the
//! key order, so two runs on the same input give the same bytes. The JSON Schema in
//! `schema/report.schema.json` is generated from these types, and map records reuse the
//! document objects.
//!
//! Every string that comes from an article, a file name or user data passes through
//! [`sanitize::json`]: a script that prints a field raw (`jq -r`) cannot replay an escape
//! sequence, a C1 control or a direction override. Evidence offsets stay exact, so the exact
//! original text is always the span of the file (or of its decoded text) that `start`/`end` name.

use std::borrow::Cow;
use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use crate::document::{Offsets, Status};
use crate::extract::{Claim, Evidence, Field, Finding, FindingKind, Meeting, Role, Value};
use crate::reconcile::{
    Check, CheckKind, Contradiction, Doc, Event, Judgement, Near, Quote, Resolved, Verdict,
};
use crate::run::{DocumentResult, Run, Totals};

use super::pretty::{array, nested, serialize};
use super::sanitize;
use super::spill::{PLACEHOLDER, Rendered, Spill};

pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonReport<'a> {
    pub schema_version: u32,
    pub documents: Vec<JsonDocument<'a>>,
    pub events: Vec<JsonEvent<'a>>,
    pub unattached: Vec<JsonUnattached<'a>>,
    pub near: Vec<JsonNear<'a>>,
    /// Every contradiction of every event, each side with the documents and their quotes.
    pub contradictions: Vec<JsonContradiction<'a>>,
    pub summary: JsonSummary,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDocument<'a> {
    pub id: Cow<'a, str>,
    /// The path as given or found, for people: lossy for names that are not UTF-8, controls shown
    /// as visible symbols.
    pub path: Cow<'a, str>,
    pub status: Status,
    /// Why the document was skipped or failed; for a readable one, why it reports no meeting.
    pub reason: Option<String>,
    /// The first line with text on it, controls shown as visible symbols.
    pub title: Option<Cow<'a, str>>,
    /// The encoding the text was decoded from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'a str>,
    /// What evidence offsets count: the file's bytes, or the decoded UTF-8 text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offsets: Option<Offsets>,
    /// The article's own day, where the text gives it.
    pub published: Option<JsonPublished<'a>>,
    /// The event of the meeting the document reports; `null` when it reports none (then
    /// `reason` says why) or could not be read.
    pub meeting: Option<JsonMeeting>,
    pub claims: Vec<JsonClaim<'a>>,
    pub findings: Vec<JsonFinding<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonPublished<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    pub evidence: JsonEvidence<'a>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonMeeting {
    pub event: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonClaim<'a> {
    pub field: Field,
    /// The canonical value (docs/contract.md, "Fields").
    #[schemars(with = "serde_json::Value")]
    pub value: serde_json::Value,
    /// Facts the canonical value leaves out: each chair's country, a city's country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
    /// `reading`: what the document says about the meeting it reports (or its own date);
    /// `mention`: a value about something else, said in `note`.
    pub role: Role,
    /// How the value was read when it is not literal, or what a mention is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
    pub evidence: JsonEvidence<'a>,
    /// How many times the text states the claim, when more than once: identical claims (same
    /// field, value, role, note and words) are one claim, `evidence` its first place.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 2))]
    pub count: Option<usize>,
    /// The next places the text states it, in text order (at most three).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_evidence: Vec<JsonEvidence<'a>>,
    /// The sentence holding the evidence (only with `--context`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<JsonEvidence<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonEvidence<'a> {
    /// The original text of the span. Controls a terminal would act on (escape, other C0 and C1
    /// controls except tab, line feed and CRLF; direction overrides and isolates; U+2028/2029)
    /// are replaced by visible forms (`␛`, `<U+202E>`), so this can differ from the exact text,
    /// which is always the bytes `start..end` of the file (`offsets: file_bytes`) or of its
    /// decoded UTF-8 text (`offsets: decoded_utf8`).
    pub text: Cow<'a, str>,
    /// Byte offset where the span starts (see the document's `offsets`).
    pub start: usize,
    /// Byte offset where the span ends, exclusive.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
}

impl<'a> From<&'a Evidence> for JsonEvidence<'a> {
    fn from(e: &'a Evidence) -> Self {
        JsonEvidence {
            text: sanitize::json(&e.text),
            start: e.start,
            end: e.end,
            line: e.line,
        }
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFinding<'a> {
    pub kind: FindingKind,
    pub message: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<JsonEvidence<'a>>,
}

/// Documents of a run by id, written as a JSON array of sanitised strings, looked up from
/// indexes only while writing.
#[derive(Clone, Copy)]
pub struct Ids<'a> {
    resolved: &'a Resolved,
    documents: &'a [Doc],
}

impl Serialize for Ids<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.documents
                .iter()
                .map(|&d| sanitize::json(self.resolved.id(d))),
        )
    }
}

impl std::fmt::Debug for Ids<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.documents.iter().map(|&d| self.resolved.id(d)))
            .finish()
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonEvent<'a> {
    pub id: &'a str,
    pub label: Cow<'a, str>,
    #[schemars(with = "Vec<String>")]
    pub documents: Ids<'a>,
    /// The evidence that joined the documents.
    pub why: Vec<Cow<'a, str>>,
    pub fields: Vec<JsonField<'a>>,
    pub checks: Vec<JsonCheck<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonField<'a> {
    pub field: Field,
    pub verdict: Verdict,
    /// The event's value, when its documents agree or are compatible.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub value: Option<serde_json::Value>,
    pub values: Vec<JsonValueGroup<'a>>,
    /// The event's documents that do not state the field.
    #[schemars(with = "Vec<String>")]
    pub silent: Ids<'a>,
    pub conflicts: Vec<JsonConflict<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonValueGroup<'a> {
    #[schemars(with = "serde_json::Value")]
    pub value: serde_json::Value,
    #[schemars(with = "Vec<String>")]
    pub documents: Ids<'a>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonConflict<'a> {
    #[schemars(with = "[serde_json::Value; 2]")]
    pub values: [serde_json::Value; 2],
    #[schemars(with = "[Vec<String>; 2]")]
    pub documents: [Ids<'a>; 2],
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonCheck<'a> {
    pub kind: CheckKind,
    pub consistent: bool,
    #[schemars(with = "Vec<String>")]
    pub documents: Vec<Cow<'a, str>>,
    pub message: Cow<'a, str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonUnattached<'a> {
    pub document: Cow<'a, str>,
    pub reason: Cow<'a, str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonNear<'a> {
    pub events: [&'a str; 2],
    pub kept_apart_because: Cow<'a, str>,
    pub differences: Vec<JsonDifference>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDifference {
    pub field: Field,
    #[schemars(with = "[serde_json::Value; 2]")]
    pub values: [serde_json::Value; 2],
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonContradiction<'a> {
    pub event: &'a str,
    pub field: Field,
    #[schemars(with = "[serde_json::Value; 2]")]
    pub values: [serde_json::Value; 2],
    pub sides: [JsonSide<'a>; 2],
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonSide<'a> {
    /// The field the side's value belongs to (a date set against a weekday).
    pub field: Field,
    #[schemars(with = "serde_json::Value")]
    pub value: serde_json::Value,
    pub documents: Vec<JsonQuote<'a>>,
}

/// Where one document states its side of a contradiction.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonQuote<'a> {
    pub document: Cow<'a, str>,
    pub path: Cow<'a, str>,
    pub line: u32,
    pub start: u32,
    pub end: u32,
    pub text: Cow<'a, str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonSummary {
    pub documents: usize,
    pub ok: usize,
    pub skipped: usize,
    pub errors: usize,
    pub events: usize,
    pub unattached: usize,
    pub contradictions: usize,
}

impl JsonSummary {
    pub fn new(totals: Totals, resolved: &Resolved) -> Self {
        JsonSummary {
            documents: totals.documents,
            ok: totals.ok,
            skipped: totals.skipped,
            errors: totals.errors,
            events: resolved.events.len(),
            unattached: resolved.unattached.len(),
            contradictions: resolved.contradictions.len(),
        }
    }
}

/// How documents are written.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentOptions {
    /// Write each claim's sentence (`context`).
    pub context: bool,
}

/// A document's JSON object (with `meeting` still `null`: the writer fills in the event).
pub fn document(d: &DocumentResult, options: DocumentOptions) -> JsonDocument<'_> {
    let reason = d.reason.clone().or_else(|| match &d.meeting {
        Some(Meeting::None { reason }) => Some(reason.clone()),
        _ => d
            .findings
            .iter()
            .find(|f| matches!(f.kind, FindingKind::NoClaims | FindingKind::NoArabic))
            .map(|f| f.message.clone()),
    });
    JsonDocument {
        id: sanitize::json(&d.id),
        path: sanitize::json(&d.path),
        status: d.status,
        reason: reason.map(clean),
        title: d.title.as_deref().map(sanitize::json),
        encoding: d.encoding,
        offsets: d.offsets,
        published: published(&d.claims),
        meeting: None,
        claims: d.claims.iter().map(|c| claim(c, options)).collect(),
        findings: d.findings.iter().map(finding).collect(),
    }
}

/// The article's own day, from its reading.
fn published(claims: &[Claim]) -> Option<JsonPublished<'_>> {
    let reading = |field: Field| {
        claims
            .iter()
            .find(|c| c.field == field && c.role == Role::Reading)
    };
    let (date, weekday) = (
        reading(Field::PublishedDate),
        reading(Field::PublishedWeekday),
    );
    let evidence = date.or(weekday)?;
    let weekday_value = weekday.map(|c| c.value.key()).or_else(|| match date {
        Some(Claim {
            value: Value::Date(d),
            ..
        }) => d
            .weekday()
            .map(|w| crate::text::dates::weekday_name(w).to_owned()),
        _ => None,
    });
    Some(JsonPublished {
        date: date.map(|c| c.value.key()),
        weekday: weekday_value,
        evidence: (&evidence.evidence).into(),
    })
}

fn claim(c: &Claim, options: DocumentOptions) -> JsonClaim<'_> {
    JsonClaim {
        field: c.field,
        value: to_json(&c.value),
        details: c.value.details().map(clean_value),
        role: c.role,
        note: c.note.as_deref().map(sanitize::json),
        evidence: (&c.evidence).into(),
        count: (c.count > 1).then_some(c.count),
        more_evidence: c.more_evidence.iter().map(Into::into).collect(),
        context: c
            .sentence
            .as_ref()
            .filter(|_| options.context)
            .map(Into::into),
    }
}

fn finding(f: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        kind: f.kind,
        message: sanitize::json(&f.message),
        evidence: f.evidence.as_ref().map(Into::into),
    }
}

/// A value as JSON, its strings sanitised.
pub fn to_json(v: &impl Serialize) -> serde_json::Value {
    clean_value(serde_json::to_value(v).unwrap_or(serde_json::Value::Null))
}

fn clean(s: String) -> String {
    match sanitize::json(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(cleaned) => cleaned,
    }
}

/// Sanitises every string (and object key) inside a JSON value.
fn clean_value(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        J::String(s) => J::String(clean(s)),
        J::Array(items) => J::Array(items.into_iter().map(clean_value).collect()),
        J::Object(map) => J::Object(
            map.into_iter()
                .map(|(k, v)| (clean(k), clean_value(v)))
                .collect(),
        ),
        other => other,
    }
}

fn ids<'a>(resolved: &'a Resolved, documents: &'a [Doc]) -> Ids<'a> {
    Ids {
        resolved,
        documents,
    }
}

pub fn event<'a>(resolved: &'a Resolved, e: &'a Event) -> JsonEvent<'a> {
    JsonEvent {
        id: &e.id,
        label: sanitize::json(&e.label),
        documents: ids(resolved, &e.documents),
        why: e.why.iter().map(|w| sanitize::json(w)).collect(),
        fields: e.fields.iter().map(|j| field(resolved, j)).collect(),
        checks: e.checks.iter().map(|c| check(resolved, c)).collect(),
    }
}

fn field<'a>(resolved: &'a Resolved, j: &'a Judgement) -> JsonField<'a> {
    let value = |entry| to_json(resolved.value(entry));
    JsonField {
        field: j.field,
        verdict: j.verdict,
        value: j.consensus.map(value),
        values: j
            .values
            .iter()
            .map(|g| JsonValueGroup {
                value: value(g.entry),
                documents: ids(resolved, &g.documents),
            })
            .collect(),
        silent: ids(resolved, &j.silent),
        conflicts: j
            .clashes
            .iter()
            .map(|c| {
                let (a, b) = (&j.values[c.a], &j.values[c.b]);
                JsonConflict {
                    values: [value(a.entry), value(b.entry)],
                    documents: [ids(resolved, &a.documents), ids(resolved, &b.documents)],
                }
            })
            .collect(),
    }
}

fn check<'a>(resolved: &'a Resolved, c: &'a Check) -> JsonCheck<'a> {
    let mut documents: Vec<Doc> = c
        .date_documents
        .iter()
        .chain(&c.weekday_documents)
        .copied()
        .collect();
    documents.sort_unstable();
    documents.dedup();
    JsonCheck {
        kind: c.kind,
        consistent: c.consistent,
        documents: documents
            .into_iter()
            .map(|d| sanitize::json(resolved.id(d)))
            .collect(),
        message: sanitize::json(&c.message),
    }
}

pub fn unattached(resolved: &Resolved) -> impl Iterator<Item = JsonUnattached<'_>> {
    resolved.unattached.iter().map(move |&d| JsonUnattached {
        document: sanitize::json(resolved.id(d)),
        reason: sanitize::json(
            resolved
                .collection
                .reading(d)
                .no_meeting
                .as_deref()
                .unwrap_or(""),
        ),
    })
}

pub fn near<'a>(resolved: &'a Resolved, n: &'a Near) -> JsonNear<'a> {
    JsonNear {
        events: [
            &resolved.events[n.events.0].id,
            &resolved.events[n.events.1].id,
        ],
        kept_apart_because: sanitize::json(&n.kept_apart_because),
        differences: n
            .differences
            .iter()
            .map(|d| JsonDifference {
                field: d.field,
                values: [
                    to_json(resolved.value(d.values.0)),
                    to_json(resolved.value(d.values.1)),
                ],
            })
            .collect(),
    }
}

pub fn contradiction<'a>(resolved: &'a Resolved, c: &'a Contradiction) -> JsonContradiction<'a> {
    let side = |i: usize| {
        let s = &c.sides[i];
        JsonSide {
            field: s.field,
            value: to_json(resolved.value(s.entry)),
            documents: s
                .documents
                .iter()
                .filter_map(|&d| {
                    let (_, q) = resolved.collection.scalar(d, s.field)?;
                    Some(quote(resolved, d, q))
                })
                .collect(),
        }
    };
    JsonContradiction {
        event: &resolved.events[c.event].id,
        field: c.field,
        values: [
            to_json(resolved.value(c.sides[0].entry)),
            to_json(resolved.value(c.sides[1].entry)),
        ],
        sides: [side(0), side(1)],
    }
}

fn quote<'a>(resolved: &'a Resolved, d: Doc, q: &'a Quote) -> JsonQuote<'a> {
    let reading = resolved.collection.reading(d);
    JsonQuote {
        document: sanitize::json(&reading.id),
        path: sanitize::json(&reading.path),
        line: q.line,
        start: q.start,
        end: q.end,
        text: sanitize::json(&q.text),
    }
}

/// One document as it stands in the report's `documents` array (depth two), with the place of
/// its meeting's event.
pub fn render(d: &DocumentResult, options: DocumentOptions) -> Rendered {
    let mut bytes = Vec::with_capacity(8 * 1024);
    // Writing to a Vec cannot fail.
    let _ = serialize(&mut bytes, &document(d, options), 4);
    let meeting_at = matches!(d.meeting, Some(Meeting::Reported))
        .then(|| meeting_offset(&bytes, b"\n      \"meeting\": "))
        .flatten();
    Rendered { bytes, meeting_at }
}

/// Where the `null` after `key` stands: the document's own `meeting` key is the only one at
/// that depth (article text is inside strings, where quotes are escaped).
pub fn meeting_offset(bytes: &[u8], key: &[u8]) -> Option<usize> {
    let at = memchr::memmem::find(bytes, key)? + key.len();
    bytes[at..].starts_with(PLACEHOLDER).then_some(at)
}

/// The JSON report: the documents held in `spill` (in input order), then what reconciliation
/// decided. Pretty-printed, with a final newline; the bytes `to_writer_pretty` would give for
/// the whole [`JsonReport`].
pub fn write(
    out: &mut dyn Write,
    spill: Spill,
    resolved: &Resolved,
    totals: Totals,
) -> io::Result<()> {
    let mut buf = Vec::new();
    write!(
        out,
        "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"documents\": "
    )?;
    let any = !spill.is_empty();
    out.write_all(if any { b"[" } else { b"[]" })?;
    spill.replay(
        out,
        |i, out| out.write_all(if i == 0 { b"\n    " } else { b",\n    " }),
        |doc, out| match resolved.event_id(doc) {
            Some(id) => nested(
                out,
                &mut Vec::new(),
                &JsonMeeting {
                    event: id.to_owned(),
                },
                6,
            ),
            None => out.write_all(PLACEHOLDER),
        },
    )?;
    if any {
        out.write_all(b"\n  ]")?;
    }
    out.write_all(b",\n  \"events\": ")?;
    array(
        out,
        &mut buf,
        resolved.events.iter().map(|e| event(resolved, e)),
    )?;
    out.write_all(b",\n  \"unattached\": ")?;
    array(out, &mut buf, unattached(resolved))?;
    out.write_all(b",\n  \"near\": ")?;
    array(
        out,
        &mut buf,
        resolved.near.iter().map(|n| near(resolved, n)),
    )?;
    out.write_all(b",\n  \"contradictions\": ")?;
    array(
        out,
        &mut buf,
        resolved
            .contradictions
            .iter()
            .map(|c| contradiction(resolved, c)),
    )?;
    out.write_all(b",\n  \"summary\": ")?;
    nested(out, &mut buf, &JsonSummary::new(totals, resolved), 2)?;
    out.write_all(b"\n}\n")
}

/// The JSON report of a run that kept every document (for tests and benchmarks; the command
/// line streams instead).
pub fn write_run(run: &Run, options: DocumentOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut spill = Spill::default();
    let mut doc = 0;
    for d in &run.documents {
        let place = (d.status == Status::Ok).then(|| {
            doc += 1;
            doc - 1
        });
        spill.push(&render(d, options), place)?;
    }
    write(out, spill, &run.resolved, run.totals)
}

/// The JSON Schema of the report, generated from the types above.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(JsonReport<'static>)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meeting_key_is_found_at_its_depth_only() {
        let text = b"{\n      \"title\": \"\\\"meeting\\\": null\",\n      \"meeting\": null,\n";
        let at = meeting_offset(text, b"\n      \"meeting\": ").unwrap();
        assert_eq!(&text[at..at + 4], b"null");
        assert_eq!(&text[at - 11..at], b"\"meeting\": ");
    }
}
