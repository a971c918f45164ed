//! Past one machine: a map step that writes each document's claims as one self-contained JSON
//! line, and a reduce step that reads any number of such files back into documents, so that
//! reconciling them gives exactly what a single run gives.
//!
//! Map records are the JSON report's document objects plus `stem` and `rel` (what the id is made
//! from): the reduce step recomputes ids over all records as a single run would. Records are
//! reduced in the order given, so pass the map outputs in input order (`parallel -k`, sorted part
//! files).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use serde_json::Value as Json;

use crate::document::inputs::unique_ids;
use crate::document::{Offsets, Status};
use crate::extract::{Claim, Evidence, Finding, FindingKind, Meeting, Role, field};
use crate::report::json::{self, DocumentOptions};
use crate::run::DocumentResult;

/// Writes one map record.
pub fn write_record(d: &DocumentResult, out: &mut dyn Write) -> io::Result<()> {
    let mut record = serde_json::to_value(json::document(d, DocumentOptions { context: true }))?;
    if let Json::Object(map) = &mut record {
        // The event is decided by the reduce step; the record says whether there is one.
        let reported = matches!(d.meeting, Some(Meeting::Reported));
        map.insert(
            "meeting".into(),
            if reported {
                serde_json::json!({ "event": null })
            } else {
                Json::Null
            },
        );
        map.insert("stem".into(), Json::from(d.stem.as_str()));
        map.insert("rel".into(), Json::from(d.rel.as_str()));
    }
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

#[derive(Deserialize)]
struct IdRecord {
    stem: String,
    rel: String,
}

#[derive(Deserialize)]
struct EvidenceRecord {
    text: String,
    start: usize,
    end: usize,
    line: usize,
}

impl From<EvidenceRecord> for Evidence {
    fn from(e: EvidenceRecord) -> Self {
        Evidence {
            text: e.text,
            start: e.start,
            end: e.end,
            line: e.line,
        }
    }
}

#[derive(Deserialize)]
struct ClaimRecord {
    field: String,
    value: Json,
    details: Option<Json>,
    evidence: EvidenceRecord,
    context: Option<EvidenceRecord>,
    note: Option<String>,
    role: Role,
}

#[derive(Deserialize)]
struct FindingRecord {
    kind: FindingKind,
    message: String,
    evidence: Option<EvidenceRecord>,
}

#[derive(Deserialize)]
struct MapRecord {
    path: String,
    stem: String,
    rel: String,
    status: Status,
    reason: Option<String>,
    title: Option<String>,
    encoding: Option<String>,
    offsets: Option<Offsets>,
    meeting: Option<Json>,
    claims: Vec<ClaimRecord>,
    findings: Vec<FindingRecord>,
}

fn document(record: MapRecord, id: String) -> Result<DocumentResult> {
    let mut claims = Vec::with_capacity(record.claims.len());
    for c in record.claims {
        let Some(spec) = field::Field::parse(&c.field).map(field::Field::spec) else {
            bail!("unknown field {:?}", c.field);
        };
        let Some(value) = (spec.parse)(&c.value, c.details.as_ref()) else {
            bail!("bad value {} for {}", c.value, c.field);
        };
        claims.push(Claim {
            field: spec.field,
            value,
            evidence: c.evidence.into(),
            sentence: c.context.map(Into::into),
            note: c.note,
            role: c.role,
        });
    }
    let findings = record
        .findings
        .into_iter()
        .map(|f| Finding {
            kind: f.kind,
            message: f.message,
            evidence: f.evidence.map(Into::into),
        })
        .collect();
    let encoding = record
        .encoding
        .as_deref()
        .and_then(|e| encoding_rs::Encoding::for_label(e.as_bytes()))
        .map(|e| e.name());
    let meeting = (record.status == Status::Ok).then(|| match record.meeting {
        Some(Json::Object(_)) => Meeting::Reported,
        _ => Meeting::None {
            reason: record.reason.clone().unwrap_or_default(),
        },
    });
    Ok(DocumentResult {
        id,
        stem: record.stem,
        rel: record.rel,
        path: record.path,
        status: record.status,
        // An ok document's reason is derived from its findings when reported.
        reason: if record.status == Status::Ok {
            None
        } else {
            record.reason
        },
        title: record.title,
        encoding,
        offsets: record.offsets,
        claims,
        findings,
        meeting,
        text: None,
    })
}

fn lines(path: &Path) -> Result<impl Iterator<Item = (usize, io::Result<String>)>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    Ok(BufReader::new(file)
        .lines()
        .enumerate()
        .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty())))
}

/// Reads map outputs back, in order, handing each document to `sink`. Ids are recomputed over
/// all records first, exactly as a single run assigns them.
pub fn reduce(
    paths: &[PathBuf],
    sink: &mut dyn FnMut(DocumentResult) -> io::Result<()>,
) -> Result<()> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for path in paths {
        for (n, line) in lines(path)? {
            let line = line.with_context(|| format!("{}:{}", path.display(), n + 1))?;
            let r: IdRecord = serde_json::from_str(&line).with_context(|| {
                format!("{}:{}: not a reconcile map record", path.display(), n + 1)
            })?;
            pairs.push((r.stem, r.rel));
        }
    }
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(s, r)| (s.as_str(), r.as_str()))
        .collect();
    let mut ids = unique_ids(&refs).into_iter();
    for path in paths {
        for (n, line) in lines(path)? {
            let at = || format!("{}:{}", path.display(), n + 1);
            let line = line.with_context(at)?;
            let record: MapRecord = serde_json::from_str(&line)
                .with_context(|| format!("{}: not a reconcile map record", at()))?;
            let id = ids.next().unwrap_or_default();
            let doc = document(record, id).with_context(|| format!("{}: bad record", at()))?;
            sink(doc)?;
        }
    }
    Ok(())
}
