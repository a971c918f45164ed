//! The JSON report (CONTRACT.md section 4): typed output structs whose field order is the key
//! order, so two runs on the same input give the same bytes. The JSON Schema in
//! `schema/report.schema.json` is generated from these types.
//!
//! Every string that comes from an article or a file name passes through
//! [`sanitize::json`]: a script that prints a field raw (`jq -r`) cannot replay an escape
//! sequence, a C1 control or a direction override. Evidence offsets stay exact, so the exact
//! original text is always the span of the file (or of its decoded text) that `start`/`end` name.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::io::{self, Write};
use std::rc::Rc;

use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::document::{Offsets, Status};
use crate::extract::{Claim, Evidence, Finding, FindingKind, Role};
use crate::reconcile::{Check, FieldVerdict, Reconciliation, Scope};
use crate::run::{DocumentResult, Run, Totals};

use super::{Streamed, sanitize};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonReport<'a> {
    pub schema_version: u32,
    pub documents: Vec<JsonDocument<'a>>,
    pub events: Vec<JsonEvent<'a>>,
    pub fields: Vec<JsonField<'a>>,
    pub checks: Vec<JsonCheck<'a>>,
    pub summary: JsonSummary,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDocument<'a> {
    pub id: Cow<'a, str>,
    /// The path as given or found, for people: lossy for names that are not UTF-8, controls shown
    /// as visible symbols.
    pub path: Cow<'a, str>,
    pub status: Status,
    /// Why the document was skipped or failed; for `ok` documents, what was (not) found.
    pub reason: Option<String>,
    /// The first line with text on it, controls shown as visible symbols.
    pub title: Option<Cow<'a, str>>,
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
    /// The sentence holding the evidence.
    pub context: JsonEvidence<'a>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonEvidence<'a> {
    /// The original text of the span. Controls a terminal would act on (escape, other C0 and C1
    /// controls except tab, line feed and CRLF; direction overrides and isolates; U+2028/2029)
    /// are replaced by visible forms (`␛`, `<U+202E>`), so this can differ from the exact text,
    /// which is always the bytes `start..end` of the file (`offsets: file_bytes`) or of its
    /// decoded UTF-8 text (`offsets: decoded_utf8`).
    #[schemars(with = "String")]
    pub text: Text<'a>,
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
            text: Text::Plain(sanitize::json(&e.text)),
            start: e.start,
            end: e.end,
            line: e.line,
        }
    }
}

/// A string of the report: sanitised text, or the same already written as a JSON string, for
/// text that many claims repeat (the sentence around each claim's evidence).
#[derive(Debug)]
pub enum Text<'a> {
    Plain(Cow<'a, str>),
    Written(Rc<RawValue>),
}

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(text) => s.serialize_str(text),
            Text::Written(json) => json.serialize(s),
        }
    }
}

/// Claims' contexts, each sanitised and written as a JSON string once per document.
#[derive(Default)]
struct Contexts {
    written: FxHashMap<(usize, usize), Rc<RawValue>>,
}

impl Contexts {
    fn evidence<'a>(&mut self, e: &'a Evidence) -> JsonEvidence<'a> {
        let text = match self.written.entry((e.start, e.end)) {
            Entry::Occupied(known) => Text::Written(Rc::clone(known.get())),
            Entry::Vacant(slot) => {
                let clean = sanitize::json(&e.text);
                match serde_json::to_string(clean.as_ref()).map(RawValue::from_string) {
                    Ok(Ok(json)) => Text::Written(Rc::clone(slot.insert(Rc::from(json)))),
                    _ => Text::Plain(clean),
                }
            }
        };
        JsonEvidence {
            text,
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

/// Documents of a reconciliation by id, written as a JSON array of sanitised strings. The ids
/// are looked up from indexes only while writing: a field that every document states holds no
/// copy of every id.
#[derive(Clone, Copy)]
pub struct Ids<'a> {
    rec: &'a Reconciliation,
    documents: &'a [u32],
}

impl<'a> Ids<'a> {
    fn new(rec: &'a Reconciliation, documents: &'a [u32]) -> Self {
        Ids { rec, documents }
    }
}

impl Serialize for Ids<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.rec.ids(self.documents).map(sanitize::json))
    }
}

impl std::fmt::Debug for Ids<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.rec.ids(self.documents))
            .finish()
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonEvent<'a> {
    pub id: String,
    #[schemars(with = "Vec<String>")]
    pub documents: Ids<'a>,
    /// Field → the event's value, where its documents agree or one is more precise.
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub summary: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonValueGroup<'a> {
    #[schemars(with = "serde_json::Value")]
    pub value: serde_json::Value,
    #[schemars(with = "Vec<String>")]
    pub documents: Ids<'a>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonConflict {
    pub scope: Scope,
    #[schemars(with = "Vec<serde_json::Value>")]
    pub values: [serde_json::Value; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

/// A field's conflicts, each made into a [`JsonConflict`] only while it is written: a field can
/// have hundreds of thousands.
#[derive(Clone, Copy)]
pub struct Conflicts<'a> {
    rec: &'a Reconciliation,
    field: &'a FieldVerdict,
}

impl<'a> Conflicts<'a> {
    fn each(self) -> impl Iterator<Item = JsonConflict> + 'a {
        let Conflicts { rec, field } = self;
        // Each value as JSON once: a value takes part in many conflicts.
        let values: Vec<serde_json::Value> =
            field.values.iter().map(|g| to_json(&g.value)).collect();
        field.conflicts.iter().map(move |c| JsonConflict {
            scope: c.scope,
            values: [values[c.a as usize].clone(), values[c.b as usize].clone()],
            event: rec.event_of(c).map(|e| sanitize::json(e).into_owned()),
        })
    }
}

impl Serialize for Conflicts<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.each())
    }
}

impl std::fmt::Debug for Conflicts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.each()).finish()
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonField<'a> {
    pub field: &'static str,
    /// `agree`, `compatible`, `conflict`, `partial`, `single`, or `varies` (a per-article fact).
    #[schemars(with = "String")]
    pub status: crate::reconcile::Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    pub values: Vec<JsonValueGroup<'a>>,
    #[schemars(with = "Vec<String>")]
    pub silent: Ids<'a>,
    #[schemars(with = "Vec<JsonConflict>")]
    pub conflicts: Conflicts<'a>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonCheck<'a> {
    pub kind: &'static str,
    pub consistent: bool,
    #[schemars(with = "Vec<String>")]
    pub documents: Ids<'a>,
    pub message: Cow<'a, str>,
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
        let totals = Totals {
            documents: run.documents.len(),
            ok: run.count(Status::Ok),
            skipped: run.count(Status::Skipped),
            errors: run.count(Status::Error),
        };
        Self::new(totals, &run.reconciliation)
    }

    pub fn new(totals: Totals, rec: &Reconciliation) -> Self {
        JsonSummary {
            documents: totals.documents,
            ok: totals.ok,
            skipped: totals.skipped,
            errors: totals.errors,
            events: rec.events.len(),
            conflicts_within_event: rec.conflict_count(Scope::WithinEvent),
            conflicts_across_events: rec.conflict_count(Scope::AcrossEvents),
        }
    }
}

pub fn document(d: &DocumentResult) -> JsonDocument<'_> {
    let reason = d.reason.clone().or_else(|| {
        d.findings
            .iter()
            .find(|f| matches!(f.kind, FindingKind::NoClaims | FindingKind::NoArabic))
            .map(|f| f.message.clone())
    });
    JsonDocument {
        id: sanitize::json(&d.id),
        path: sanitize::json(&d.path),
        status: d.status,
        reason: reason.map(clean),
        title: d.title.as_deref().map(sanitize::json),
        encoding: d.encoding,
        offsets: d.offsets,
        claims: {
            let mut contexts = Contexts::default();
            d.claims.iter().map(|c| claim(c, &mut contexts)).collect()
        },
        findings: d.findings.iter().map(finding).collect(),
    }
}

fn claim<'a>(c: &'a Claim, contexts: &mut Contexts) -> JsonClaim<'a> {
    JsonClaim {
        field: c.field.name(),
        value: to_json(&c.value),
        details: c.value.details().map(clean_value),
        role: c.role,
        note: c.note.as_deref().map(sanitize::json),
        evidence: (&c.evidence).into(),
        context: contexts.evidence(&c.sentence),
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
fn to_json(v: &impl Serialize) -> serde_json::Value {
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

pub fn field<'a>(rec: &'a Reconciliation, f: &'a FieldVerdict) -> JsonField<'a> {
    JsonField {
        field: f.spec.name,
        status: f.status,
        scope: f.scope,
        values: f
            .values
            .iter()
            .map(|g| JsonValueGroup {
                value: to_json(&g.value),
                documents: Ids::new(rec, &g.documents),
            })
            .collect(),
        silent: Ids::new(rec, &f.silent),
        conflicts: Conflicts { rec, field: f },
    }
}

fn check<'a>(rec: &'a Reconciliation, c: &'a Check) -> JsonCheck<'a> {
    JsonCheck {
        kind: c.kind,
        consistent: c.consistent,
        documents: Ids::new(rec, &c.documents),
        message: sanitize::json(&c.message),
    }
}

/// The whole report as typed JSON.
pub fn report(run: &Run) -> JsonReport<'_> {
    JsonReport {
        schema_version: SCHEMA_VERSION,
        documents: run.documents.iter().map(document).collect(),
        events: events(&run.reconciliation),
        fields: fields(&run.reconciliation).collect(),
        checks: checks(&run.reconciliation).collect(),
        summary: JsonSummary::of(run),
    }
}

pub fn events(rec: &Reconciliation) -> Vec<JsonEvent<'_>> {
    rec.events.iter().map(|e| event(rec, e)).collect()
}

pub fn fields(rec: &Reconciliation) -> impl Iterator<Item = JsonField<'_>> {
    rec.fields.iter().map(|f| field(rec, f))
}

pub fn checks(rec: &Reconciliation) -> impl Iterator<Item = JsonCheck<'_>> {
    rec.checks.iter().map(|c| check(rec, c))
}

fn event<'a>(rec: &'a Reconciliation, e: &'a crate::reconcile::Event) -> JsonEvent<'a> {
    JsonEvent {
        id: clean(e.id.clone()),
        documents: Ids::new(rec, &e.documents),
        summary: e
            .summary
            .iter()
            .map(|(f, v)| (f.name().to_owned(), to_json(v)))
            .collect(),
    }
}

/// Writes the JSON report, pretty-printed, with a final newline.
pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = Writer::begin(out)?;
    for d in &run.documents {
        writer.document(d)?;
    }
    let totals = JsonSummary::of(run);
    writer.finish(
        &run.reconciliation,
        Totals {
            documents: totals.documents,
            ok: totals.ok,
            skipped: totals.skipped,
            errors: totals.errors,
        },
    )
}

/// Writes the JSON report one document at a time, so a run over many documents never holds
/// their claims and evidence together: the bytes are those `serde_json::to_writer_pretty` gives
/// for the whole `JsonReport`.
pub struct Writer<'w> {
    out: &'w mut dyn Write,
    documents: usize,
    /// Scratch space for [`nested`], kept from one document to the next.
    buf: Vec<u8>,
}

/// How much JSON [`Gathered`] collects before passing it on.
const CHUNK: usize = 64 * 1024;

/// One document as it stands in the report's `documents` array, ready for
/// [`Writer::rendered`]: rendering needs nothing but the document, so it can run in parallel
/// with extraction while the writer keeps the order.
pub fn render(d: &DocumentResult) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 * 1024);
    // Writing to a Vec cannot fail.
    let _ = serialize(&mut out, &document(d), 4);
    out
}

/// Writes `value` pretty-printed with every line after the first indented by `indent` spaces
/// (an even number), as it stands at that depth of the report. The JSON goes through `buf` a
/// chunk at a time: a field that lists every document is never held whole as one string.
fn nested(
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    value: &impl Serialize,
    indent: usize,
) -> io::Result<()> {
    let mut gathered = Gathered { out, buf };
    serialize(&mut gathered, value, indent)?;
    gathered.drain()
}

fn serialize(out: impl Write, value: &impl Serialize, indent: usize) -> io::Result<()> {
    let formatter = Pretty {
        depth: indent / 2,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
    Ok(())
}

/// serde_json's `PrettyFormatter` (two spaces per level) starting at a given depth, so a value
/// comes out indented as it stands inside the report without a second pass over its bytes.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    fn new_line<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }

    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        let mut n = self.depth * 2;
        while n > 0 {
            let k = n.min(SPACES.len());
            out.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Gathers serde_json's many small writes in `buf` and passes them on a chunk at a time.
struct Gathered<'o> {
    out: &'o mut dyn Write,
    buf: &'o mut Vec<u8>,
}

impl Gathered<'_> {
    fn drain(&mut self) -> io::Result<()> {
        self.out.write_all(self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl Write for Gathered<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.drain()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain()?;
        self.out.flush()
    }
}

/// Writes a top-level array one element at a time (as `to_writer_pretty` lays it out at depth
/// one), so no whole section is ever held as one string.
fn array<T: Serialize>(
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    items: impl Iterator<Item = T>,
) -> io::Result<()> {
    let mut empty = true;
    for item in items {
        out.write_all(if empty { b"[\n    " } else { b",\n    " })?;
        nested(out, buf, &item, 4)?;
        empty = false;
    }
    out.write_all(if empty { b"[]" } else { b"\n  ]" })
}

impl<'w> Writer<'w> {
    pub fn begin(out: &'w mut dyn Write) -> io::Result<Self> {
        write!(
            out,
            "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"documents\": ["
        )?;
        Ok(Writer {
            out,
            documents: 0,
            buf: Vec::new(),
        })
    }
}

impl Streamed for Writer<'_> {
    fn render(d: &DocumentResult) -> Vec<u8> {
        render(d)
    }

    /// Writes one document as [`render`] gave it.
    fn rendered(&mut self, document: &[u8]) -> io::Result<()> {
        let sep: &[u8] = if self.documents == 0 {
            b"\n    "
        } else {
            b",\n    "
        };
        self.out.write_all(sep)?;
        self.out.write_all(document)?;
        self.documents += 1;
        Ok(())
    }

    fn finish(self, rec: &Reconciliation, totals: Totals) -> io::Result<()> {
        let Writer {
            out,
            documents,
            mut buf,
        } = self;
        if documents > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"],\n  \"events\": ")?;
        array(out, &mut buf, rec.events.iter().map(|e| event(rec, e)))?;
        out.write_all(b",\n  \"fields\": ")?;
        array(out, &mut buf, fields(rec))?;
        out.write_all(b",\n  \"checks\": ")?;
        array(out, &mut buf, checks(rec))?;
        out.write_all(b",\n  \"summary\": ")?;
        nested(out, &mut buf, &JsonSummary::new(totals, rec), 2)?;
        out.write_all(b"\n}\n")
    }
}

/// The JSON Schema of the report, generated from the types above.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(JsonReport<'static>)).unwrap_or_default()
}
