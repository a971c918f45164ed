//! Grouping documents into events: documents whose meeting descriptors (weekday, date, type
//! family, host) are compatible describe one meeting. A descriptor a document lacks does not
//! separate it from anything.
//!
//! Grouping is greedy in document order and compares a document with each event's merged
//! descriptors, not with every other document.

use std::collections::HashMap;

use jiff::civil::Weekday;

use crate::extract::field::{Field, FieldKind};
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
    pub summary: Vec<(Field, Value)>,
}

impl Event {
    pub fn summary_value(&self, field: Field) -> Option<&Value> {
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
    let weekday_at = Some(Field::MeetingWeekday.index());
    if let Some(w) = weekday_at {
        for v in docs.values(doc, Field::MeetingDate.index()) {
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
    let weekday_at = Some(Field::MeetingWeekday.index());
    let date_at = Some(Field::MeetingDate.index());
    let mut events: Vec<Event> = Vec::new();
    // Every descriptor value seen per event (same order as `events`), while grouping.
    let mut merged_descriptors: Vec<Descriptors> = Vec::new();
    // Events by their one weekday, and events with none yet: a document with weekday W can only
    // join one of these, so it is compared with them alone, in event order, and the result is
    // the same as comparing it with every event. The same by host country, for documents
    // with no weekday.
    let mut by_weekday = ByValue::new(weekday_at);
    let host_at = Some(Field::HostCountry.index());
    let mut by_host = ByValue::new(host_at);
    // Events with one weekday, by that weekday and their full date: a document with weekday W
    // and full date D can only join those under (W, D) or (W, no full date), or one with no
    // weekday (which has no full date either, since a full date brings its weekday). Two full
    // dates are compatible only when equal.
    let mut by_day_and_date: HashMap<(&Value, FullDate), Vec<usize>> = HashMap::new();
    for doc in docs.documents() {
        let mine = descriptors(docs, doc);
        let own_weekdays = weekday_at.map_or(&[][..], |w| &mine[w][..]);
        let own_date = full_date(date_at.map_or(&[][..], |d| &mine[d][..]));
        let found = match (own_weekdays, own_date) {
            ([day], FullDate::One(_)) => {
                let same_date = by_day_and_date.get(&(*day, own_date));
                let no_date = by_day_and_date.get(&(*day, FullDate::None));
                merged(
                    merged(
                        same_date.into_iter().flatten().copied(),
                        no_date.into_iter().flatten().copied(),
                    ),
                    by_weekday.none.iter().copied(),
                )
                .find(|&e| compatible(&merged_descriptors[e], &mine))
            }
            ([day], _) => by_weekday
                .candidates(day)
                .find(|&e| compatible(&merged_descriptors[e], &mine)),
            // Two weekdays conflict with any event that has one.
            ([_, _, ..], _) => by_weekday
                .none
                .iter()
                .copied()
                .find(|&e| compatible(&merged_descriptors[e], &mine)),
            ([], _) => match by_host.values(&mine) {
                [host] => by_host
                    .candidates(host)
                    .find(|&e| compatible(&merged_descriptors[e], &mine)),
                [] => (0..events.len()).find(|&e| compatible(&merged_descriptors[e], &mine)),
                // As do two host countries.
                _ => by_host
                    .none
                    .iter()
                    .copied()
                    .find(|&e| compatible(&merged_descriptors[e], &mine)),
            },
        };
        let (e, before) = match found {
            Some(e) => {
                let before = event_keys(&merged_descriptors[e], weekday_at, date_at);
                events[e].documents.push(doc);
                for (have, new) in merged_descriptors[e].iter_mut().zip(mine) {
                    for v in new {
                        if !have.contains(&v) {
                            have.push(v);
                        }
                    }
                }
                (e, Some(before))
            }
            None => {
                events.push(Event {
                    id: format!("E{}", events.len() + 1),
                    documents: vec![doc],
                    summary: Vec::new(),
                });
                merged_descriptors.push(mine);
                by_weekday.none.push(events.len() - 1);
                by_host.none.push(events.len() - 1);
                (events.len() - 1, None)
            }
        };
        // Keep the indexes: an event sits under its one weekday (host), or among those with
        // none; and under its one weekday and full date (or none).
        by_weekday.update(e, &merged_descriptors[e]);
        by_host.update(e, &merged_descriptors[e]);
        let after = event_keys(&merged_descriptors[e], weekday_at, date_at);
        if before != Some(after) {
            if let Some(Some(key)) = before
                && let Some(list) = by_day_and_date.get_mut(&key)
                && let Ok(at) = list.binary_search(&e)
            {
                list.remove(at);
            }
            if let Some(key) = after {
                insert_sorted(by_day_and_date.entry(key).or_default(), e);
            }
        }
    }
    for event in &mut events {
        event.summary = summarise(event, docs);
    }
    events
}

/// Events by the one value they hold for a field whose values conflict unless equal (weekday,
/// host country), and the events that hold none yet. An event that holds several is in
/// neither: it conflicts with every document that holds one. A document that holds several
/// can only join an event that holds none.
struct ByValue<'a> {
    field: Option<usize>,
    one: HashMap<&'a Value, Vec<usize>>,
    none: Vec<usize>,
}

impl<'a> ByValue<'a> {
    fn new(field: Option<usize>) -> Self {
        ByValue {
            field,
            one: HashMap::new(),
            none: Vec::new(),
        }
    }

    /// The values `d` holds for the field.
    fn values<'d>(&self, d: &'d Descriptors<'a>) -> &'d [&'a Value] {
        self.field.map_or(&[][..], |f| &d[f][..])
    }

    /// The events a document holding `value` may join, in event order.
    fn candidates(&self, value: &Value) -> impl Iterator<Item = usize> + '_ {
        let one = self.one.get(value).map_or(&[][..], Vec::as_slice);
        merged(one.iter().copied(), self.none.iter().copied())
    }

    /// Moves event `e` out of `none` once its descriptors `d` hold a value.
    fn update(&mut self, e: usize, d: &Descriptors<'a>) {
        let values = self.field.map_or(&[][..], |f| &d[f][..]);
        if !values.is_empty()
            && let Ok(at) = self.none.binary_search(&e)
        {
            self.none.remove(at);
            if let [v] = values {
                insert_sorted(self.one.entry(*v).or_default(), e);
            }
        }
    }
}

/// What an event's dates say, for indexing: no full date, one, or several (which conflict with
/// any full date a document could bring).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FullDate<'a> {
    None,
    One(&'a Value),
    Many,
}

fn full_date<'a>(dates: &[&'a Value]) -> FullDate<'a> {
    let mut found = FullDate::None;
    for &v in dates {
        if let Value::Date(d) = v
            && d.weekday().is_some()
        {
            found = match found {
                FullDate::None => FullDate::One(v),
                FullDate::One(w) if w == v => found,
                _ => FullDate::Many,
            };
        }
    }
    found
}

/// The (weekday, full date) an event is indexed under, if it has exactly one weekday and not
/// several full dates.
fn event_keys<'a>(
    d: &Descriptors<'a>,
    weekday_at: Option<usize>,
    date_at: Option<usize>,
) -> Option<(&'a Value, FullDate<'a>)> {
    let [day] = weekday_at.map_or(&[][..], |w| &d[w][..]) else {
        return None;
    };
    match full_date(date_at.map_or(&[][..], |w| &d[w][..])) {
        FullDate::Many => None,
        date => Some((*day, date)),
    }
}

fn insert_sorted(list: &mut Vec<usize>, e: usize) {
    let at = list.partition_point(|&x| x < e);
    list.insert(at, e);
}

/// Two ascending lists of event indexes, merged in ascending order.
fn merged(
    a: impl IntoIterator<Item = usize>,
    b: impl IntoIterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(&x), Some(&y)) if x <= y => a.next(),
        (_, Some(_)) => b.next(),
        (Some(_), None) => a.next(),
        (None, None) => None,
    })
}

fn summarise(event: &Event, docs: &Collection) -> Vec<(Field, Value)> {
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
            summary.push((spec.field, best.clone()));
        }
    }
    // A full date fills in the weekday for documents that gave none.
    if let Some((_, Value::Date(d))) = summary.iter().find(|(f, _)| *f == Field::MeetingDate)
        && let Some(day) = d.weekday()
        && !summary.iter().any(|(f, _)| *f == Field::MeetingWeekday)
    {
        summary.push((Field::MeetingWeekday, Value::Weekday(Day(day))));
    }
    summary.sort_by_key(|(f, _)| *f);
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
