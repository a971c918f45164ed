//! Comparing claims across documents: which documents describe the same meeting (events), and
//! per field whether the sources agree, are compatible, or conflict.
//!
//! Field-agnostic: everything field-specific comes from `extract::field::FIELDS`.

mod events;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::extract::field::{Field, FieldKind};
use crate::extract::value::Day;
use crate::extract::{Claim, FIELDS, FieldSpec, Relation, Value};
use crate::text::dates::weekday_name;

pub use events::Event;

/// What the readable documents of a run state, as the reconciler sees them: each document's id
/// and its distinct values per field, without evidence. A run over many documents keeps only
/// this, so values are interned: one copy of each distinct (field, value) pair, and four bytes per
/// value a document states. Documents are referred to by their index here (in report order).
#[derive(Debug, Clone, Default)]
pub struct Collection {
    ids: Vec<Box<str>>,
    /// Distinct (field index in `FIELDS`, value) pairs, in order of first appearance.
    entries: Vec<(u8, Value)>,
    /// Per field: value → its index in `entries`.
    index: Vec<FxHashMap<Value, u32>>,
    /// Every document's entries, one document after another, each sorted by field then value.
    stated: Vec<u32>,
    /// Where each document's entries end in `stated`.
    ends: Vec<u32>,
}

impl Collection {
    /// Adds a document with the distinct values of its claims (claims of fields the reconciler
    /// does not know are left out: no verdict would read them).
    pub fn push(&mut self, id: &str, claims: &[Claim]) {
        if self.index.is_empty() {
            self.index = vec![FxHashMap::default(); FIELDS.len()];
        }
        let mut mine = Vec::with_capacity(claims.len());
        for claim in claims
            .iter()
            .filter(|c| c.role == crate::extract::Role::Reading)
        {
            let field = claim.field.index();
            let Some(known) = self.index.get_mut(field) else {
                continue;
            };
            let entry = match known.get(&claim.value) {
                Some(&entry) => entry,
                None => {
                    let entry = to_u32(self.entries.len());
                    known.insert(claim.value.clone(), entry);
                    // At most `FIELDS.len()` fields, far below 256.
                    self.entries.push((field as u8, claim.value.clone()));
                    entry
                }
            };
            mine.push(entry);
        }
        let entries = &self.entries;
        mine.sort_by(|&a, &b| {
            let (a, b) = (&entries[a as usize], &entries[b as usize]);
            a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1))
        });
        mine.dedup();
        self.stated.extend(mine);
        self.ends.push(to_u32(self.stated.len()));
        self.ids.push(id.into());
    }

    /// How many documents there are.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// A document's id.
    pub fn id(&self, document: u32) -> &str {
        &self.ids[document as usize]
    }

    /// The entries a document states for a field (by index in `FIELDS`), in canonical order.
    fn entries(&self, document: u32, field: usize) -> &[u32] {
        let d = document as usize;
        let from = if d == 0 { 0 } else { self.ends[d - 1] as usize };
        let all = &self.stated[from..self.ends[d] as usize];
        let start = all.partition_point(|&e| usize::from(self.entries[e as usize].0) < field);
        let end = all.partition_point(|&e| usize::from(self.entries[e as usize].0) <= field);
        &all[start..end]
    }

    /// The distinct values a document gives for a field, in canonical order.
    fn values(&self, document: u32, field: usize) -> impl Iterator<Item = &Value> {
        self.entries(document, field)
            .iter()
            .map(|&e| &self.entries[e as usize].1)
    }

    /// Whether the document states the field at all.
    fn states(&self, document: u32, field: usize) -> bool {
        !self.entries(document, field).is_empty()
    }

    /// Every document index, in order.
    fn documents(&self) -> impl Iterator<Item = u32> + use<> {
        0..to_u32(self.len())
    }
}

/// A count or position that the run keeps in four bytes.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 documents and values")
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
    /// Indexes into the reconciled documents (see [`Reconciliation::id`]), in document order.
    pub documents: Vec<u32>,
}

/// Two values of a field that cannot both be true of one meeting. A field with many distinct
/// values (meeting dates over a large collection) has up to n²/2 of these, so each is kept in a
/// few bytes of indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    pub scope: Scope,
    /// Indexes into the field's `values`.
    pub a: u32,
    pub b: u32,
    /// For `within_event`: the event both sides share, by its index in `Reconciliation::events`.
    pub event: Option<u32>,
}

/// The verdict on one field across all documents.
#[derive(Debug, Clone)]
pub struct FieldVerdict {
    pub spec: &'static FieldSpec,
    pub status: Status,
    pub scope: Option<Scope>,
    pub values: Vec<ValueGroup>,
    /// The documents that do not state the field (indexes, as in `ValueGroup::documents`).
    pub silent: Vec<u32>,
    pub conflicts: Vec<Conflict>,
}

impl FieldVerdict {
    /// The two values in conflict.
    pub fn sides(&self, c: &Conflict) -> (&ValueGroup, &ValueGroup) {
        (&self.values[c.a as usize], &self.values[c.b as usize])
    }
}

/// A cross-field check inside one document or event (a weekday against a date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub kind: &'static str,
    pub consistent: bool,
    /// Indexes, as in `ValueGroup::documents`, sorted by id.
    pub documents: Vec<u32>,
    pub message: String,
}

/// Everything the reconciler found.
#[derive(Debug, Clone, Default)]
pub struct Reconciliation {
    /// The reconciled documents' ids: verdicts, events and checks name documents by their index
    /// here, four bytes each, rather than by a copy of the id.
    ids: Vec<Box<str>>,
    pub events: Vec<Event>,
    pub fields: Vec<FieldVerdict>,
    pub checks: Vec<Check>,
}

impl Reconciliation {
    /// The id of a reconciled document, by its index.
    pub fn id(&self, document: u32) -> &str {
        &self.ids[document as usize]
    }

    /// The ids of the given documents, in the given order.
    pub fn ids<'r, 'd>(
        &'r self,
        documents: &'d [u32],
    ) -> impl Iterator<Item = &'r str> + use<'r, 'd> {
        documents.iter().map(|&d| self.id(d))
    }

    /// The id of the event a conflict lies within, if it does.
    pub fn event_of(&self, c: &Conflict) -> Option<&str> {
        c.event.map(|e| self.events[e as usize].id.as_str())
    }

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

/// Reconciles the claims of a collection of documents (in report order). The collection is
/// consumed: its ids move into the result, and its values are not needed after.
pub fn reconcile(docs: Collection) -> Reconciliation {
    let events = events::group(&docs);
    let mut event_of = vec![0; docs.len()];
    for (e, event) in events.iter().enumerate() {
        for &d in &event.documents {
            event_of[d as usize] = e;
        }
    }
    // Fields are judged independently, each on its own thread; the order stays `FIELDS`'.
    let (fields, checks) = rayon::join(
        || {
            FIELDS
                .par_iter()
                .enumerate()
                .filter_map(|(at, spec)| verdict(spec, at, &docs, &events, &event_of))
                .collect()
        },
        || weekday_checks(&docs, &events),
    );
    Reconciliation {
        ids: docs.ids,
        events,
        fields,
        checks,
    }
}

/// The smallest item two sorted lists share.
fn first_shared(a: &[usize], b: &[usize]) -> Option<usize> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(a[i]),
        }
    }
    None
}

/// The verdict on the field `spec`, at position `at` in `FIELDS`. `event_of` gives each
/// document's event (every document is in exactly one).
fn verdict(
    spec: &'static FieldSpec,
    at: usize,
    docs: &Collection,
    events: &[Event],
    event_of: &[usize],
) -> Option<FieldVerdict> {
    // Groups by entry: an entry is one (field, value) pair, so it finds its group directly.
    let mut group_of: FxHashMap<u32, usize> = FxHashMap::default();
    let mut groups: Vec<(u32, Vec<u32>)> = Vec::new();
    let mut silent = Vec::new();
    let mut stating = 0;
    for doc in docs.documents() {
        let entries = docs.entries(doc, at);
        if entries.is_empty() {
            silent.push(doc);
            continue;
        }
        stating += 1;
        for &entry in entries {
            let g = *group_of.entry(entry).or_insert_with(|| {
                groups.push((entry, Vec::new()));
                groups.len() - 1
            });
            groups[g].1.push(doc);
        }
    }
    if stating == 0 {
        return None;
    }
    let value = |entry: u32| &docs.entries[entry as usize].1;
    // Most widely stated first; ties in canonical order, so output is stable.
    groups.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then_with(|| value(a.0).cmp(value(b.0)))
    });
    let mut conflicts = Vec::new();
    let mut worst = Relation::Same;
    if spec.kind == FieldKind::Scalar {
        // The shared event reported is the first in the order of event ids (E10 before E2).
        // Each group's events as sorted ranks in that order: two groups' first shared event is
        // then a merge of two short lists of integers (every pair of values is compared).
        let mut by_id: Vec<usize> = (0..events.len()).collect();
        by_id.sort_by(|&a, &b| events[a].id.cmp(&events[b].id));
        let mut rank = vec![0; events.len()];
        for (r, &e) in by_id.iter().enumerate() {
            rank[e] = r;
        }
        let in_events: Vec<Vec<usize>> = groups
            .iter()
            .map(|(_, documents)| {
                let mut ranks: Vec<usize> = documents
                    .iter()
                    .map(|&d| rank[event_of[d as usize]])
                    .collect();
                ranks.sort_unstable();
                ranks.dedup();
                ranks
            })
            .collect();
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                let relation = (spec.relate)(value(groups[i].0), value(groups[j].0));
                worst = worst.max(relation);
                if relation == Relation::Conflict {
                    let shared =
                        first_shared(&in_events[i], &in_events[j]).map(|r| to_u32(by_id[r]));
                    conflicts.push(Conflict {
                        scope: if shared.is_some() {
                            Scope::WithinEvent
                        } else {
                            Scope::AcrossEvents
                        },
                        a: to_u32(i),
                        b: to_u32(j),
                        event: shared,
                    });
                }
            }
        }
        conflicts.shrink_to_fit();
    }
    let status = match spec.kind {
        _ if stating == 1 && worst != Relation::Conflict => Status::Single,
        FieldKind::List => {
            // An entry stands for one value, and each document's entries are in canonical
            // order: equal lists of entries are equal lists of values.
            let mut lists = docs
                .documents()
                .map(|d| docs.entries(d, at))
                .filter(|e| !e.is_empty());
            let first = lists.next();
            if lists.all(|l| Some(l) == first) {
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
        values: groups
            .into_iter()
            .map(|(entry, documents)| ValueGroup {
                value: value(entry).clone(),
                documents,
            })
            .collect(),
        silent,
        conflicts,
    })
}

/// Within each document and each event, a full date and a weekday must name the same day.
fn weekday_checks(docs: &Collection, events: &[Event]) -> Vec<Check> {
    let (date_at, weekday_at) = (Field::MeetingDate.index(), Field::MeetingWeekday.index());
    let mut checks = Vec::new();
    for doc in docs.documents() {
        for date in docs.values(doc, date_at) {
            let Value::Date(d) = date else { continue };
            let Some(actual) = d.weekday() else { continue };
            for stated in docs.values(doc, weekday_at) {
                let Value::Weekday(Day(w)) = stated else {
                    continue;
                };
                let consistent = *w == actual;
                checks.push(Check {
                    kind: "weekday_matches_date",
                    consistent,
                    documents: vec![doc],
                    message: format!(
                        "{} states {} and {}: {} is a {}",
                        docs.id(doc),
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
            event.summary_value(Field::MeetingDate),
            event.summary_value(Field::MeetingWeekday),
        ) else {
            continue;
        };
        let Some(actual) = d.weekday() else { continue };
        let date_docs = event.documents_stating(docs, date_at);
        let weekday_docs = event.documents_stating(docs, weekday_at);
        // A single document checking itself is reported above.
        if date_docs.len() + weekday_docs.len() < 2 || date_docs == weekday_docs {
            continue;
        }
        let mut documents: Vec<u32> = date_docs.into_iter().chain(weekday_docs).collect();
        documents.sort_by(|&a, &b| docs.id(a).cmp(docs.id(b)));
        documents.dedup_by(|a, b| docs.id(*a) == docs.id(*b));
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
