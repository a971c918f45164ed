//! Comparing claims across documents: which documents describe the same meeting (events), and
//! per field whether the sources agree, are compatible, or conflict.
//!
//! Field-agnostic: everything field-specific comes from `extract::field::FIELDS`.

mod events;

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::field::{FieldKind, MEETING_DATE, MEETING_WEEKDAY};
use crate::extract::value::Day;
use crate::extract::{Claim, FIELDS, FieldSpec, Relation, Value};
use crate::text::dates::weekday_name;

pub use events::Event;

/// What one readable document states, as the reconciler sees it: its distinct values per field,
/// without evidence. Small, so a run over many documents keeps only these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocClaims {
    pub id: String,
    /// Sorted by field order, then value; no duplicates.
    values: Vec<(&'static str, Value)>,
}

impl DocClaims {
    /// The distinct values of a document's claims.
    pub fn new(id: &str, claims: &[Claim]) -> Self {
        let mut values: Vec<(&'static str, Value)> =
            claims.iter().map(|c| (c.field, c.value.clone())).collect();
        values.sort_by(|a, b| {
            crate::extract::field::order(a.0)
                .cmp(&crate::extract::field::order(b.0))
                .then_with(|| a.1.cmp(&b.1))
        });
        values.dedup();
        // Kept for every document of a run: hold no spare capacity.
        values.shrink_to_fit();
        DocClaims {
            id: id.to_owned(),
            values,
        }
    }

    /// The distinct values this document gives for a field, in canonical order.
    pub fn values(&self, field: &str) -> Vec<&Value> {
        self.values
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, v)| v)
            .collect()
    }

    /// Whether the document states the field at all.
    pub fn states(&self, field: &str) -> bool {
        self.values.iter().any(|(f, _)| *f == field)
    }
}

/// The verdict on one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Agree,
    Compatible,
    Conflict,
    Partial,
    Single,
    /// A fact about each article itself (its own date): values may differ without contradiction.
    Varies,
}

/// Whether conflicting documents were grouped into one event.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    WithinEvent,
    AcrossEvents,
}

/// One value and the documents that state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueGroup {
    pub value: Value,
    pub documents: Vec<String>,
}

/// Two values of a field that cannot both be true of one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub field: &'static str,
    pub scope: Scope,
    /// Indexes into the field's `values`.
    pub a: usize,
    pub b: usize,
    /// For `within_event`: the event both sides share.
    pub event: Option<String>,
}

/// The verdict on one field across all documents.
#[derive(Debug, Clone)]
pub struct FieldVerdict {
    pub spec: &'static FieldSpec,
    pub status: Status,
    pub scope: Option<Scope>,
    pub values: Vec<ValueGroup>,
    pub silent: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

/// A cross-field check inside one document or event (a weekday against a date).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    pub kind: &'static str,
    pub consistent: bool,
    pub documents: Vec<String>,
    pub message: String,
}

/// Everything the reconciler found.
#[derive(Debug, Clone, Default)]
pub struct Reconciliation {
    pub events: Vec<Event>,
    pub fields: Vec<FieldVerdict>,
    pub checks: Vec<Check>,
}

impl Reconciliation {
    /// Conflicts of any field, with a given scope.
    pub fn conflict_count(&self, scope: Scope) -> usize {
        let fields = self
            .fields
            .iter()
            .filter(|f| f.status == Status::Conflict && f.scope == Some(scope))
            .count();
        let checks = if scope == Scope::WithinEvent {
            self.checks.iter().filter(|c| !c.consistent).count()
        } else {
            0
        };
        fields + checks
    }
}

/// Reconciles the claims of the given documents (in report order).
pub fn reconcile(docs: &[DocClaims]) -> Reconciliation {
    let events = events::group(docs);
    let event_of: BTreeMap<&str, &str> = events
        .iter()
        .flat_map(|e| e.documents.iter().map(move |d| (d.as_str(), e.id.as_str())))
        .collect();
    let fields = FIELDS
        .iter()
        .filter_map(|spec| verdict(spec, docs, &event_of))
        .collect();
    let checks = weekday_checks(docs, &events);
    Reconciliation {
        events,
        fields,
        checks,
    }
}

fn verdict(
    spec: &'static FieldSpec,
    docs: &[DocClaims],
    event_of: &BTreeMap<&str, &str>,
) -> Option<FieldVerdict> {
    let mut groups: Vec<ValueGroup> = Vec::new();
    let mut silent = Vec::new();
    let mut stating = 0;
    for doc in docs {
        let values = doc.values(spec.name);
        if values.is_empty() {
            silent.push(doc.id.clone());
            continue;
        }
        stating += 1;
        for v in values {
            match groups.iter_mut().find(|g| &g.value == v) {
                Some(g) => g.documents.push(doc.id.clone()),
                None => groups.push(ValueGroup {
                    value: v.clone(),
                    documents: vec![doc.id.clone()],
                }),
            }
        }
    }
    if stating == 0 {
        return None;
    }
    // Most widely stated first; ties in canonical order, so output is stable.
    groups.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then(a.value.cmp(&b.value))
    });
    let mut conflicts = Vec::new();
    let mut worst = Relation::Same;
    if spec.kind == FieldKind::Scalar {
        let events: Vec<BTreeSet<&str>> = groups
            .iter()
            .map(|g| {
                g.documents
                    .iter()
                    .filter_map(|d| event_of.get(d.as_str()).copied())
                    .collect()
            })
            .collect();
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                let relation = (spec.relate)(&groups[i].value, &groups[j].value);
                worst = worst.max(relation);
                if relation == Relation::Conflict {
                    let shared = events[i]
                        .intersection(&events[j])
                        .next()
                        .map(|e| (*e).to_owned());
                    conflicts.push(Conflict {
                        field: spec.name,
                        scope: if shared.is_some() {
                            Scope::WithinEvent
                        } else {
                            Scope::AcrossEvents
                        },
                        a: i,
                        b: j,
                        event: shared,
                    });
                }
            }
        }
    }
    let status = match spec.kind {
        _ if stating == 1 && worst != Relation::Conflict => Status::Single,
        FieldKind::List => {
            let sets: BTreeSet<Vec<&Value>> = docs
                .iter()
                .map(|d| d.values(spec.name))
                .filter(|v| !v.is_empty())
                .collect();
            if sets.len() == 1 {
                Status::Agree
            } else {
                Status::Partial
            }
        }
        FieldKind::PerDocument if groups.len() > 1 => Status::Varies,
        _ => match worst {
            Relation::Same => Status::Agree,
            Relation::Compatible => Status::Compatible,
            Relation::Conflict => Status::Conflict,
        },
    };
    let scope = (status == Status::Conflict).then(|| {
        if conflicts.iter().any(|c| c.scope == Scope::WithinEvent) {
            Scope::WithinEvent
        } else {
            Scope::AcrossEvents
        }
    });
    Some(FieldVerdict {
        spec,
        status,
        scope,
        values: groups,
        silent,
        conflicts,
    })
}

/// Within each document and each event, a full date and a weekday must name the same day.
fn weekday_checks(docs: &[DocClaims], events: &[Event]) -> Vec<Check> {
    let mut checks = Vec::new();
    for doc in docs {
        for date in doc.values(MEETING_DATE) {
            let Value::Date(d) = date else { continue };
            let Some(actual) = d.weekday() else { continue };
            for stated in doc.values(MEETING_WEEKDAY) {
                let Value::Weekday(Day(w)) = stated else {
                    continue;
                };
                let consistent = *w == actual;
                checks.push(Check {
                    kind: "weekday_matches_date",
                    consistent,
                    documents: vec![doc.id.to_owned()],
                    message: format!(
                        "{} states {} and {}: {} is a {}",
                        doc.id,
                        weekday_name(*w),
                        d.iso(),
                        d.iso(),
                        weekday_name(actual)
                    ),
                });
            }
        }
    }
    for event in events {
        let (Some(Value::Date(d)), Some(Value::Weekday(Day(w)))) = (
            event.summary_value(MEETING_DATE),
            event.summary_value(MEETING_WEEKDAY),
        ) else {
            continue;
        };
        let Some(actual) = d.weekday() else { continue };
        let date_docs = event.documents_stating(docs, MEETING_DATE);
        let weekday_docs = event.documents_stating(docs, MEETING_WEEKDAY);
        // A single document checking itself is reported above.
        if date_docs.len() + weekday_docs.len() < 2 || date_docs == weekday_docs {
            continue;
        }
        let mut documents: Vec<String> = date_docs.into_iter().chain(weekday_docs).collect();
        documents.sort();
        documents.dedup();
        checks.push(Check {
            kind: "event_weekday_matches_date",
            consistent: *w == actual,
            documents,
            message: format!(
                "event {}: date {} is a {}, sources say {}",
                event.id,
                d.iso(),
                weekday_name(actual),
                weekday_name(*w)
            ),
        });
    }
    checks
}
