//! Grouping documents into events: documents whose meeting descriptors (weekday, date, type
//! family, host) are compatible describe one meeting. A descriptor a document lacks does not
//! separate it from anything.
//!
//! Grouping is greedy in document order and compares a document with each event's merged
//! descriptors, not with every other document.

use std::collections::HashMap;

use jiff::civil::Weekday;

use crate::extract::field::{FieldKind, MEETING_DATE, MEETING_WEEKDAY, order};
use crate::extract::value::Day;
use crate::extract::{FIELDS, Relation, Value};
use crate::text::dates::PartialDate;

use super::Collection;

/// Documents that most likely describe one meeting, and what they jointly say about it.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    /// The member documents, as indexes into the reconciled documents (see
    /// [`super::Reconciliation::id`]), in document order.
    pub documents: Vec<u32>,
    /// The event's value per field where its documents agree (or one is more precise and the
    /// rest compatible with it), in field order.
    pub summary: Vec<(&'static str, Value)>,
}

impl Event {
    pub fn summary_value(&self, field: &str) -> Option<&Value> {
        self.summary
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v)
    }

    /// This event's documents that state the field at position `field` in `FIELDS`.
    pub(super) fn documents_stating(&self, docs: &Collection, field: usize) -> Vec<u32> {
        self.documents
            .iter()
            .copied()
            .filter(|&d| docs.states(d, field))
            .collect()
    }
}

/// The weekday values a full date implies, for descriptors to borrow (Monday first).
static WEEKDAYS: [Value; 7] = [
    Value::Weekday(Day(Weekday::Monday)),
    Value::Weekday(Day(Weekday::Tuesday)),
    Value::Weekday(Day(Weekday::Wednesday)),
    Value::Weekday(Day(Weekday::Thursday)),
    Value::Weekday(Day(Weekday::Friday)),
    Value::Weekday(Day(Weekday::Saturday)),
    Value::Weekday(Day(Weekday::Sunday)),
];

/// Descriptor values, one list per field in `FIELDS` (empty for non-descriptors), borrowed from
/// the collection: grouping copies no value.
type Descriptors<'a> = Vec<Vec<&'a Value>>;

/// A document's descriptor values. A full date also speaks for its weekday.
fn descriptors(docs: &Collection, doc: u32) -> Descriptors<'_> {
    let mut out: Descriptors = FIELDS
        .iter()
        .enumerate()
        .map(|(at, spec)| {
            if spec.descriptor {
                docs.values(doc, at).collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let weekday_at = FIELDS.iter().position(|f| f.name == MEETING_WEEKDAY);
    if let Some(w) = weekday_at {
        for v in docs.values(doc, order(MEETING_DATE)) {
            if let Value::Date(d) = v
                && let Some(day) = d.weekday()
                && let Some(implied) = WEEKDAYS.iter().find(|w| **w == Value::Weekday(Day(day)))
                && !out[w].contains(&implied)
            {
                out[w].push(implied);
            }
        }
    }
    out
}

fn compatible(a: &[Vec<&Value>], b: &[Vec<&Value>]) -> bool {
    FIELDS.iter().enumerate().all(|(i, spec)| {
        a[i].iter().all(|x| {
            b[i].iter()
                .all(|y| (spec.relate)(x, y) != Relation::Conflict)
        })
    })
}

/// Groups documents into events, in document order; event ids are E1, E2, …
pub fn group(docs: &Collection) -> Vec<Event> {
    let weekday_at = FIELDS.iter().position(|f| f.name == MEETING_WEEKDAY);
    let mut events: Vec<Event> = Vec::new();
    // Every descriptor value seen per event (same order as `events`), while grouping.
    let mut merged_descriptors: Vec<Descriptors> = Vec::new();
    // Events by their one weekday, and events with none yet: a document with weekday W can only
    // join one of these, so it is compared with them alone, in event order, and the result is
    // the same as comparing it with every event.
    let mut by_weekday: HashMap<&Value, Vec<usize>> = HashMap::new();
    let mut no_weekday: Vec<usize> = Vec::new();
    for doc in docs.documents() {
        let mine = descriptors(docs, doc);
        let own_weekdays = weekday_at.map_or(&[][..], |w| &mine[w][..]);
        let found = match own_weekdays {
            [day] => {
                let indexed = by_weekday.get(day).map_or(&[][..], Vec::as_slice);
                merged(indexed, &no_weekday).find(|&e| compatible(&merged_descriptors[e], &mine))
            }
            _ => (0..events.len()).find(|&e| compatible(&merged_descriptors[e], &mine)),
        };
        let e = match found {
            Some(e) => {
                events[e].documents.push(doc);
                for (have, new) in merged_descriptors[e].iter_mut().zip(mine) {
                    for v in new {
                        if !have.contains(&v) {
                            have.push(v);
                        }
                    }
                }
                e
            }
            None => {
                events.push(Event {
                    id: format!("E{}", events.len() + 1),
                    documents: vec![doc],
                    summary: Vec::new(),
                });
                merged_descriptors.push(mine);
                no_weekday.push(events.len() - 1);
                events.len() - 1
            }
        };
        // Keep the index: an event sits under its one weekday, or among those with none.
        let days = weekday_at.map_or(&[][..], |w| &merged_descriptors[e][w][..]);
        if !days.is_empty()
            && let Ok(at) = no_weekday.binary_search(&e)
        {
            no_weekday.remove(at);
            if let [day] = days {
                let list = by_weekday.entry(*day).or_default();
                let at = list.partition_point(|&x| x < e);
                list.insert(at, e);
            }
        }
    }
    for event in &mut events {
        event.summary = summarise(event, docs);
    }
    events
}

/// Two ascending lists of event indexes, merged in ascending order.
fn merged<'a>(a: &'a [usize], b: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x <= y => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => return None,
        };
        Some(next)
    })
}

fn summarise(event: &Event, docs: &Collection) -> Vec<(&'static str, Value)> {
    let mut summary = Vec::new();
    for (at, spec) in FIELDS
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == FieldKind::Scalar)
    {
        let mut values: Vec<&Value> = event
            .documents
            .iter()
            .flat_map(|&d| docs.values(d, at))
            .collect();
        values.sort();
        values.dedup();
        let Some(best) = values.iter().copied().max_by_key(|v| precision(v)) else {
            continue;
        };
        if values.iter().all(|v| {
            let r = (spec.relate)(best, v);
            r == Relation::Same || (r == Relation::Compatible && precision(best) > precision(v))
        }) {
            summary.push((spec.name, best.clone()));
        }
    }
    // A full date fills in the weekday for documents that gave none.
    if let Some((_, Value::Date(d))) = summary.iter().find(|(f, _)| *f == MEETING_DATE)
        && let Some(day) = d.weekday()
        && !summary.iter().any(|(f, _)| *f == MEETING_WEEKDAY)
    {
        summary.push((MEETING_WEEKDAY, Value::Weekday(Day(day))));
    }
    summary.sort_by_key(|(f, _)| order(f));
    summary
}

/// How precise a value is, for choosing the event's value among compatible ones.
fn precision(v: &Value) -> u8 {
    match v {
        Value::Date(PartialDate { year, month, day }) => {
            u8::from(year.is_some()) + u8::from(month.is_some()) + u8::from(day.is_some())
        }
        _ => 0,
    }
}
