//! Past one machine: a map step that writes each document's claims as one self-contained JSON
//! line, and a reduce step that reads any number of such files back into documents, so that
//! reconciling them gives exactly what a single run gives.
//!
//! Map records are the JSON report's document objects plus `schema_version` (first), and `stem`
//! and `rel` (what the id is made from): the reduce step recomputes ids over all records as a
//! single run would.
//!
//! The reduce step puts the records in the order of their `path`, compared component by
//! component in bytes: the order in which a single run walks a folder. Records of one path
//! (a file listed twice) keep a fixed order too. So the order of the map outputs, and of the
//! records within them, does not matter: an engine may write its partitions in any order, and
//! shuffle the paths between them, and the reduce step still gives the bytes of a single run
//! over the same paths in that order.
//!
//! The reduce step reads each input once (a pipe or standard input has no second reading),
//! checks every record, and holds the checked lines (in memory, then in an anonymous temporary
//! file) until every id is known: nothing is handed on, so nothing reaches standard output,
//! unless every input is good.

use std::cmp::Ordering;
use std::fs::File;
use std::hash::Hasher;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use rustc_hash::FxHasher;
use serde::Deserialize;
use serde_json::Value as Json;

use crate::document::decode::encoding_name;
use crate::document::inputs::unique_ids;
use crate::document::{Offsets, Status};
use crate::extract::{Claim, Evidence, Finding, FindingKind, Meeting, Role, field};
use crate::report::json::{self, DocumentOptions};
use crate::run::DocumentResult;

/// The version of map records: that of the JSON report whose document objects they carry.
pub const RECORD_VERSION: u32 = json::SCHEMA_VERSION;

/// Writes one map record.
pub fn write_record(d: &DocumentResult, out: &mut dyn Write) -> io::Result<()> {
    let document = serde_json::to_value(json::document(d, DocumentOptions { context: true }))?;
    let mut record = serde_json::Map::new();
    record.insert("schema_version".into(), Json::from(RECORD_VERSION));
    if let Json::Object(map) = document {
        record.extend(map);
    }
    let mut record = Json::Object(record);
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
struct EvidenceRecord {
    text: String,
    start: usize,
    end: usize,
    line: usize,
}

#[derive(Deserialize)]
struct ClaimRecord {
    field: String,
    value: Json,
    details: Option<Json>,
    evidence: EvidenceRecord,
    count: Option<usize>,
    #[serde(default)]
    more_evidence: Vec<EvidenceRecord>,
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
    schema_version: Option<Json>,
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

/// Whether the sanitiser left `text` as it was in the article: it shows a replaced char as a
/// Control Picture (U+2400–U+2421) or as `<U+XXXX>`, which change its length in bytes.
fn unaltered(text: &str) -> bool {
    !text.contains(|c| ('\u{2400}'..='\u{2421}').contains(&c)) && !text.contains("<U+")
}

/// A span read back, checked: `start` ≤ `end`, a line from 1, and, where the quote is the
/// article's text as it was, as many bytes as the span covers.
fn evidence(e: EvidenceRecord, what: &str) -> Result<Evidence> {
    if e.start > e.end {
        bail!("{what}: span {}..{} starts after it ends", e.start, e.end);
    }
    if e.line == 0 {
        bail!("{what}: line 0 (lines count from 1)");
    }
    if unaltered(&e.text) && e.text.len() != e.end - e.start {
        bail!(
            "{what}: span {}..{} covers {} bytes, but its text has {}",
            e.start,
            e.end,
            e.end - e.start,
            e.text.len()
        );
    }
    Ok(Evidence {
        text: e.text,
        start: e.start,
        end: e.end,
        line: e.line,
    })
}

/// A claim's evidence lies within its sentence, at its place there: the quote is the sentence's
/// text between those offsets, which therefore fall on char boundaries.
fn within_sentence(claim: &Evidence, sentence: &Evidence, what: &str) -> Result<()> {
    if claim.start < sentence.start || claim.end > sentence.end {
        bail!(
            "{what}: span {}..{} lies outside its sentence {}..{}",
            claim.start,
            claim.end,
            sentence.start,
            sentence.end
        );
    }
    if unaltered(&claim.text) && unaltered(&sentence.text) {
        let at = claim.start - sentence.start..claim.end - sentence.start;
        if sentence.text.get(at) != Some(claim.text.as_str()) {
            bail!(
                "{what}: span {}..{} is not its text's place in its sentence (not on char \
                 boundaries, or another text)",
                claim.start,
                claim.end
            );
        }
    }
    Ok(())
}

fn document(record: MapRecord, id: String) -> Result<DocumentResult> {
    let mut claims = Vec::with_capacity(record.claims.len());
    for (i, c) in record.claims.into_iter().enumerate() {
        let Some(spec) = field::Field::parse(&c.field).map(field::Field::spec) else {
            bail!("claim {}: unknown field {:?}", i + 1, c.field);
        };
        let Some(value) = (spec.parse)(&c.value, c.details.as_ref()) else {
            bail!("claim {}: bad value {} for {}", i + 1, c.value, c.field);
        };
        let what = format!("claim {} ({})", i + 1, c.field);
        let evidence = evidence(c.evidence, &what)?;
        let count = c.count.unwrap_or(1);
        if count < 1 + c.more_evidence.len() {
            bail!(
                "{what}: count {count} is less than its places ({} besides the first)",
                c.more_evidence.len()
            );
        }
        let mut more_evidence = Vec::with_capacity(c.more_evidence.len());
        for (k, more) in c.more_evidence.into_iter().enumerate() {
            let more = self::evidence(more, &format!("{what}, its place {}", k + 2))?;
            if more.text != evidence.text {
                bail!(
                    "{what}: its place {} quotes other words than its evidence",
                    k + 2
                );
            }
            more_evidence.push(more);
        }
        let sentence = match c.context {
            Some(context) => {
                let sentence = self::evidence(context, &format!("{what}, its sentence"))?;
                within_sentence(&evidence, &sentence, &what)?;
                Some(sentence)
            }
            None => None,
        };
        claims.push(Claim {
            field: spec.field,
            value,
            evidence,
            sentence,
            note: c.note,
            role: c.role,
            count,
            more_evidence,
        });
    }
    let findings = record
        .findings
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            Ok(Finding {
                kind: f.kind,
                message: f.message,
                evidence: f
                    .evidence
                    .map(|e| evidence(e, &format!("finding {}", i + 1)))
                    .transpose()?,
            })
        })
        .collect::<Result<_>>()?;
    let encoding = record.encoding.as_deref().and_then(encoding_name);
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
        unreadable: false,
        title: record.title,
        encoding,
        offsets: record.offsets,
        claims,
        findings,
        meeting,
        text: None,
    })
}

fn is_this_version(v: Option<&Json>) -> bool {
    v.and_then(Json::as_u64) == Some(u64::from(RECORD_VERSION))
}

/// Reads one line as a map record of this version, or says what the line is instead.
fn record(line: &str, first: bool) -> Result<MapRecord> {
    let parsed = serde_json::from_str::<MapRecord>(line);
    if let Ok(record) = &parsed
        && is_this_version(record.schema_version.as_ref())
    {
        return parsed.map_err(Into::into);
    }
    let make = "make map records with `reconcile --map ARTICLES`";
    let value = match serde_json::from_str::<Json>(line) {
        Ok(value) => value,
        Err(err) if first && matches!(line.trim(), "{" | "[") => {
            return Err(anyhow!(
                "a JSON document over several lines (a --format json report, or a baseline?), \
                 not map records, which are one JSON object per line: {make} ({err})"
            ));
        }
        Err(err) => return Err(anyhow!("not JSON, so not a map record: {err}")),
    };
    let Json::Object(map) = &value else {
        bail!("a JSON value that is not an object, so not a map record");
    };
    if map.contains_key("documents") {
        bail!("a JSON report (--format json), not a map record: {make}");
    }
    if map.get("type").is_some_and(Json::is_string) && !map.contains_key("stem") {
        bail!("a JSON Lines report record (--format jsonl), not a map record: {make}");
    }
    match map.get("schema_version") {
        None => bail!(
            "a record without schema_version: written by an older reconcile --map, or not a \
             map record; run `reconcile --map` again with this version"
        ),
        Some(v) if !is_this_version(Some(v)) => bail!(
            "a map record of schema version {v}; this reconcile reads version \
             {RECORD_VERSION}: run `reconcile --map` again with this version"
        ),
        Some(_) => {}
    }
    match parsed {
        Ok(record) => Ok(record),
        Err(err) => Err(anyhow!("not a reconcile map record: {err}")),
    }
}

/// How much of the checked map records is held in memory before the rest goes to a file.
const IN_MEMORY: usize = 8 * 1024 * 1024;

/// Checked map records, one line each, held until every id is known.
enum Held {
    Memory(Vec<u8>),
    File { file: BufWriter<File>, len: u64 },
}

impl Held {
    /// Holds `line` and says where it starts.
    fn push(&mut self, line: &[u8]) -> io::Result<u64> {
        if let Held::Memory(buf) = self
            && buf.len() + line.len() > IN_MEMORY
        {
            let mut file = BufWriter::new(tempfile::tempfile()?);
            file.write_all(buf)?;
            let len = buf.len() as u64;
            *self = Held::File { file, len };
        }
        match self {
            Held::Memory(buf) => {
                let at = buf.len() as u64;
                buf.extend_from_slice(line);
                Ok(at)
            }
            Held::File { file, len } => {
                let at = *len;
                file.write_all(line)?;
                *len += line.len() as u64;
                Ok(at)
            }
        }
    }

    fn reader(self) -> io::Result<HeldReader> {
        Ok(match self {
            Held::Memory(buf) => HeldReader::Memory(buf),
            Held::File { file, .. } => {
                let mut file = file.into_inner().map_err(|e| e.into_error())?;
                file.rewind()?;
                HeldReader::File {
                    file: BufReader::with_capacity(256 * 1024, file),
                    at: 0,
                }
            }
        })
    }
}

/// Reads the held lines back, in any order (in the order held, a file is read straight on).
enum HeldReader {
    Memory(Vec<u8>),
    File { file: BufReader<File>, at: u64 },
}

impl HeldReader {
    fn line(&mut self, at: u64, len: usize, buf: &mut Vec<u8>) -> io::Result<()> {
        buf.clear();
        match self {
            HeldReader::Memory(held) => {
                let at = usize::try_from(at).map_err(io::Error::other)?;
                let line = held
                    .get(at..at + len)
                    .ok_or_else(|| io::Error::other("past the end of the held records"))?;
                buf.extend_from_slice(line);
            }
            HeldReader::File { file, at: now } => {
                buf.resize(len, 0);
                if *now == at {
                    file.read_exact(buf)?;
                } else {
                    // Out of order (records from a shuffled job): this line alone, not a
                    // buffer's worth around it.
                    file.seek(SeekFrom::Start(at))?;
                    file.get_mut().read_exact(buf)?;
                }
                *now = at + len as u64;
            }
        }
        Ok(())
    }
}

/// One checked record: what orders it, what its id is made from, and where it is held.
struct Entry {
    /// `path`, `stem` and `rel` one after the other.
    names: String,
    stem_at: usize,
    rel_at: usize,
    /// A hash of the whole line, to order records of one path (a file listed twice) whatever
    /// order they came in.
    hash: u64,
    at: u64,
    len: usize,
}

impl Entry {
    fn path(&self) -> &str {
        &self.names[..self.stem_at]
    }
    fn stem(&self) -> &str {
        &self.names[self.stem_at..self.rel_at]
    }
    fn rel(&self) -> &str {
        &self.names[self.rel_at..]
    }

    /// The reduce step's order: by path, component by component in bytes (a folder's order in
    /// a single run), then by the path's bytes, stem, relative path and the line's hash.
    fn order(&self, other: &Entry) -> Ordering {
        Path::new(self.path())
            .cmp(Path::new(other.path()))
            .then_with(|| self.path().cmp(other.path()))
            .then_with(|| self.stem().cmp(other.stem()))
            .then_with(|| self.rel().cmp(other.rel()))
            .then_with(|| self.hash.cmp(&other.hash))
    }
}

/// What the reduce step read.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reduced {
    /// Map records read, in all.
    pub records: usize,
    /// Inputs that held no map record at all (a map step that never ran, or standard input
    /// given twice): said, since the documents they should hold are missing.
    pub empty: Vec<String>,
}

/// How an input of the reduce step is named in messages.
fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".into()
    } else {
        path.display().to_string()
    }
}

/// Reads every line of one input once, checks it, and holds it.
fn read_input(
    name: &str,
    reader: &mut dyn BufRead,
    held: &mut Held,
    entries: &mut Vec<Entry>,
) -> Result<usize> {
    let mut buf = Vec::new();
    let mut count = 0;
    let mut first = true;
    for n in 1.. {
        buf.clear();
        let read = reader
            .read_until(b'\n', &mut buf)
            .with_context(|| format!("{name}:{n}: cannot read"))?;
        if read == 0 {
            break;
        }
        let line = std::str::from_utf8(&buf).map_err(|err| {
            anyhow!(
                "{name}:{n}: not UTF-8 at byte {} of the line, so not a map record",
                err.valid_up_to()
            )
        })?;
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        let (names, stem_at, rel_at) = record(line, first)
            .and_then(|r| {
                let names = format!("{}{}{}", r.path, r.stem, r.rel);
                let (stem_at, rel_at) = (r.path.len(), r.path.len() + r.stem.len());
                document(r, String::new()).map(|_| (names, stem_at, rel_at))
            })
            .with_context(|| format!("{name}:{n}"))?;
        first = false;
        let mut hash = FxHasher::default();
        hash.write(line.as_bytes());
        let at = held
            .push(line.as_bytes())
            .context("cannot hold the map records in a temporary file")?;
        entries.push(Entry {
            names,
            stem_at,
            rel_at,
            hash: hash.finish(),
            at,
            len: line.len(),
        });
        count += 1;
    }
    Ok(count)
}

/// Reads map outputs (`-` is standard input), each once, and hands each document to `sink` once
/// every record is checked, in the order of their paths (see the module's documentation), with
/// ids recomputed over all of them exactly as a single run over those paths assigns them. Every
/// error names the input and its line.
pub fn reduce(
    paths: &[PathBuf],
    sink: &mut dyn FnMut(DocumentResult) -> io::Result<()>,
) -> Result<Reduced> {
    let mut reducer = Reducer::new();
    for path in paths {
        let name = display(path);
        let mut reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
            Box::new(BufReader::new(file))
        };
        reducer.read(&name, &mut reader)?;
    }
    reducer.finish(sink)
}

/// The reduce step over readers rather than paths: [`Reducer::read`] each input in order (it is
/// named `name` in errors), then [`Reducer::finish`]. [`reduce`] is this over files and
/// standard input; the fuzz target `records` drives it over arbitrary bytes.
pub struct Reducer {
    held: Held,
    entries: Vec<Entry>,
    reduced: Reduced,
}

impl Default for Reducer {
    fn default() -> Self {
        Self::new()
    }
}

impl Reducer {
    pub fn new() -> Self {
        Reducer {
            held: Held::Memory(Vec::new()),
            entries: Vec::new(),
            reduced: Reduced::default(),
        }
    }

    /// Reads every line of one input once, checks it, and holds it.
    pub fn read(&mut self, name: &str, reader: &mut dyn BufRead) -> Result<()> {
        let records = read_input(name, reader, &mut self.held, &mut self.entries)?;
        if records == 0 {
            self.reduced.empty.push(name.to_owned());
        }
        self.reduced.records += records;
        Ok(())
    }

    /// Puts every record read in the order of its path (see the module's documentation),
    /// recomputes ids over all of them and hands each document to `sink`, in that order.
    pub fn finish(self, sink: &mut dyn FnMut(DocumentResult) -> io::Result<()>) -> Result<Reduced> {
        let Reducer {
            held,
            mut entries,
            reduced,
        } = self;
        // Stable: records that tie on every key are the same line, so their order cannot show.
        entries.sort_by(Entry::order);
        let refs: Vec<(&str, &str)> = entries.iter().map(|e| (e.stem(), e.rel())).collect();
        let ids = unique_ids(&refs);
        drop(refs);
        let places: Vec<(u64, usize)> = entries.iter().map(|e| (e.at, e.len)).collect();
        drop(entries);
        let mut lines = held
            .reader()
            .context("cannot read back the map records held in a temporary file")?;
        let mut buf = Vec::new();
        for (n, (id, (at, len))) in ids.into_iter().zip(places).enumerate() {
            let at_record = || format!("map record {} held in a temporary file", n + 1);
            lines.line(at, len, &mut buf).with_context(at_record)?;
            let line = std::str::from_utf8(&buf).with_context(at_record)?;
            let doc = record(line, false)
                .and_then(|r| document(r, id))
                .with_context(at_record)?;
            sink(doc)?;
        }
        Ok(reduced)
    }
}
