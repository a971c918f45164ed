//! The one result every report renders: events with their verdicts and checks, the
//! contradictions with the documents on each side, near events with their differences, and the
//! documents that report no meeting. Reports lay this out and decide nothing of their own.

use crate::extract::{Field, FieldKind, MeetingType, Value};

use super::checks::{Check, named};
use super::collection::{Collection, Doc, Entry};
use super::judge::{Judgement, Verdict};

/// One meeting and what its documents say about it.
#[derive(Debug, Clone)]
pub struct Event {
    /// `E1`, `E2`, … in the order of each event's earliest document.
    pub id: String,
    /// For people: host · type · date (or weekday).
    pub label: String,
    /// In input order.
    pub documents: Vec<Doc>,
    /// What joined the documents.
    pub why: Vec<String>,
    /// One judgement per field some document states, in field order.
    pub fields: Vec<Judgement>,
    pub checks: Vec<Check>,
    /// What identifies the meeting across runs (for baselines): host, type family, day.
    pub descriptors: Descriptors,
}

impl Event {
    pub fn field(&self, field: Field) -> Option<&Judgement> {
        self.fields.iter().find(|j| j.field == field)
    }

    /// The event's value of a field: the consensus, or else the most given value.
    pub fn value(&self, field: Field) -> Option<Entry> {
        let j = self.field(field)?;
        j.consensus.or_else(|| j.values.first().map(|g| g.entry))
    }
}

/// The stable descriptors of an event: they do not change when articles are added that repeat
/// what is known, so a baseline can name a contradiction by them.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
// Read back only from baselines, where a key this version does not know is a mistake to name.
#[serde(deny_unknown_fields)]
pub struct Descriptors {
    /// Host city id, or host country code when no city is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// `ministerial`, `officials`, `summit`…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The full date, or else the weekday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
}

/// One side of a contradiction: a value and the documents that give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// The field the value belongs to (a weekday/date check sets a date against a weekday).
    pub field: Field,
    pub entry: Entry,
    /// In input order.
    pub documents: Vec<Doc>,
}

/// Two documents (or groups of them) that describe one meeting and disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    /// Index into `Resolved::events`.
    pub event: usize,
    /// The field in dispute (for a date against a weekday: `meeting_weekday`).
    pub field: Field,
    pub sides: [Side; 2],
}

/// A field on which two near events differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub field: Field,
    pub values: (Entry, Entry),
}

/// Two events that share a host but were kept apart.
#[derive(Debug, Clone)]
pub struct Near {
    /// Indexes into `Resolved::events`, the earlier first.
    pub events: (usize, usize),
    pub kept_apart_because: String,
    pub differences: Vec<Difference>,
}

/// Everything reconciliation decided.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub collection: Collection,
    pub events: Vec<Event>,
    /// Each document's event, if it reports a meeting.
    pub event_of: Vec<Option<u32>>,
    /// Documents that report no meeting, in input order (their reasons are in the collection).
    pub unattached: Vec<Doc>,
    pub near: Vec<Near>,
    /// In event order, then field order.
    pub contradictions: Vec<Contradiction>,
}

impl Resolved {
    pub fn id(&self, doc: Doc) -> &str {
        self.collection.id(doc)
    }

    pub fn value(&self, entry: Entry) -> &Value {
        self.collection.value(entry)
    }

    /// The id of the event a document belongs to.
    pub fn event_id(&self, doc: Doc) -> Option<&str> {
        let e = (*self.event_of.get(doc as usize)?)?;
        Some(self.events[e as usize].id.as_str())
    }

    /// Up to three document ids and a count of the rest, for messages.
    pub fn named(&self, docs: &[Doc]) -> String {
        named(&self.collection, docs)
    }
}

/// Every field an event is judged on: the meeting's fields (the article's own date is a fact
/// about each article, not the meeting).
pub fn event_fields() -> impl Iterator<Item = Field> {
    Field::ALL
        .into_iter()
        .filter(|f| f.kind() != FieldKind::PerDocument)
}

/// The contradictions of one event: each clash of a scalar field, and each weekday that a full
/// date given by other documents contradicts (unless the weekday field already shows it).
pub fn contradictions_of(event_index: usize, event: &Event) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for j in &event.fields {
        for clash in &j.clashes {
            let (a, b) = (&j.values[clash.a], &j.values[clash.b]);
            out.push(Contradiction {
                event: event_index,
                field: j.field,
                sides: [
                    Side {
                        field: j.field,
                        entry: a.entry,
                        documents: a.documents.clone(),
                    },
                    Side {
                        field: j.field,
                        entry: b.entry,
                        documents: b.documents.clone(),
                    },
                ],
            });
        }
    }
    let clashes = |f: Field| {
        event
            .field(f)
            .is_some_and(|j| j.verdict == Verdict::Conflict)
    };
    let weekday_clashes = clashes(Field::MeetingWeekday) || clashes(Field::MeetingDate);
    for check in event.checks.iter().filter(|c| !c.consistent) {
        // One document against itself is that document's own finding; a weekday or date field
        // already in conflict shows the same disagreement.
        let across = check
            .weekday_documents
            .iter()
            .any(|d| !check.date_documents.contains(d));
        if across && !weekday_clashes {
            let weekday_only: Vec<Doc> = check
                .weekday_documents
                .iter()
                .copied()
                .filter(|d| !check.date_documents.contains(d))
                .collect();
            out.push(Contradiction {
                event: event_index,
                field: Field::MeetingWeekday,
                sides: [
                    Side {
                        field: Field::MeetingDate,
                        entry: check.date,
                        documents: check.date_documents.clone(),
                    },
                    Side {
                        field: Field::MeetingWeekday,
                        entry: check.weekday,
                        documents: weekday_only,
                    },
                ],
            });
        }
    }
    out
}

/// A short label for an event: host · type · day.
pub fn label(coll: &Collection, fields: &[Judgement]) -> (String, Descriptors) {
    let value = |f: Field| {
        let j = fields.iter().find(|j| j.field == f)?;
        let e = j.consensus.or_else(|| j.values.first().map(|g| g.entry))?;
        Some(coll.value(e))
    };
    let host = value(Field::HostCity)
        .or_else(|| value(Field::HostCountry))
        .map(Value::key);
    let kind = match value(Field::MeetingType) {
        Some(Value::MeetingType(t)) => Some(*t),
        _ => None,
    };
    let day = match value(Field::MeetingDate) {
        Some(Value::Date(d)) if d.weekday().is_some() => Some(d.iso()),
        _ => value(Field::MeetingWeekday).map(Value::key),
    };
    let mut parts: Vec<String> = Vec::new();
    parts.extend(host.clone());
    parts.extend(kind.map(|t| t.id().replace('_', " ")));
    parts.extend(day.clone());
    if parts.is_empty() {
        parts.push("a meeting".to_owned());
    }
    let descriptors = Descriptors {
        host,
        family: kind.map(|t: MeetingType| t.family().to_owned()),
        day,
    };
    (parts.join(" · "), descriptors)
}
