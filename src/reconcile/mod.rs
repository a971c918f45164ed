//! Comparing what documents say: which describe the same meeting (events), and per event and
//! field whether the sources agree, are compatible or contradict each other
//! (docs/contract.md, "Events" and "Verdicts").
//!
//! One decision, one place: everything is decided here, into a [`Resolved`] that every report
//! renders.
//! - `collection`: the documents' readings, interned;
//! - `events`: linking documents into events (blocking, weighing, merging) and near events;
//! - `judge`: the verdict on one field of one event;
//! - `checks`: a date against a weekday inside an event;
//! - `resolved`: the result.

pub mod checks;
pub mod collection;
pub mod events;
pub mod judge;
pub mod resolved;

use rayon::prelude::*;

pub use checks::{Check, CheckKind};
pub use collection::{Collection, Doc, Entry, Quote, Reading};
pub use judge::{Judgement, ValueGroup, Verdict};
pub use resolved::{Contradiction, Descriptors, Difference, Event, Near, Resolved, Side};

use crate::extract::{Field, FieldKind};

/// Decides everything about a collection: events, verdicts, checks, contradictions, near
/// events, unattached documents. The collection moves into the result, which the reports read.
pub fn reconcile(collection: Collection) -> Resolved {
    let linking = events::link(&collection);
    let coll = &collection;
    let mut events: Vec<Event> = linking
        .groups
        .par_iter()
        .enumerate()
        .map(|(i, group)| {
            let fields: Vec<Judgement> = resolved::event_fields()
                .filter_map(|field| judge_field(coll, field, &group.documents))
                .collect();
            let checks = checks::weekday_checks(coll, &fields);
            let (label, descriptors) = resolved::label(coll, &fields);
            Event {
                id: format!("E{}", i + 1),
                label,
                documents: group.documents.clone(),
                why: group.why.clone(),
                fields,
                checks,
                descriptors,
            }
        })
        .collect();
    events.shrink_to_fit();
    let contradictions: Vec<Contradiction> = events
        .iter()
        .enumerate()
        .flat_map(|(i, e)| resolved::contradictions_of(i, e))
        .collect();
    let near = linking
        .near
        .iter()
        .map(|pair| {
            let (a, b) = pair.events;
            Near {
                events: (a, b),
                kept_apart_because: pair.kept_apart_because.clone(),
                differences: differences(coll, &events[a], &events[b]),
            }
        })
        .collect();
    let unattached = collection
        .documents()
        .filter(|&d| collection.reading(d).no_meeting.is_some())
        .collect();
    Resolved {
        events,
        event_of: linking.group_of,
        unattached,
        near,
        contradictions,
        collection,
    }
}

/// The judgement of one field over an event's documents.
fn judge_field(coll: &Collection, field: Field, documents: &[Doc]) -> Option<Judgement> {
    let mut stated: Vec<(Doc, Vec<Entry>)> = Vec::new();
    let mut silent = Vec::new();
    for &d in documents {
        let entries: Vec<Entry> = match field.kind() {
            FieldKind::List => coll.items(d, field).collect(),
            _ => coll.scalar(d, field).map(|(e, _)| e).into_iter().collect(),
        };
        if entries.is_empty() {
            silent.push(d);
        } else {
            stated.push((d, entries));
        }
    }
    judge::judge(field, &stated, silent, |e| coll.value(e))
}

/// The fields on which two events' values differ (values that could not both be true of one
/// meeting).
fn differences(coll: &Collection, a: &Event, b: &Event) -> Vec<Difference> {
    resolved::event_fields()
        .filter(|f| f.kind() == FieldKind::Scalar)
        .filter_map(|field| {
            let (x, y) = (a.value(field)?, b.value(field)?);
            (field.relate(coll.value(x), coll.value(y)) == crate::extract::Relation::Conflict)
                .then_some(Difference {
                    field,
                    values: (x, y),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Field, extract};
    use crate::lexicon::gazetteer::Gazetteer;

    /// The collection of short reports written for these tests, in the given order.
    fn collection(reports: &[(&str, &str)]) -> Collection {
        let g = Gazetteer::builtin();
        let mut coll = Collection::default();
        for (id, text) in reports {
            let x = extract(text, g);
            let years = |p: &str| g.person_years(p);
            coll.push(id, id, None, &x.meeting, &x.claims, &x.findings, &years);
        }
        coll
    }

    /// Events as sorted lists of ids.
    fn events(r: &Resolved) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = r
            .events
            .iter()
            .map(|e| {
                let mut ids: Vec<String> =
                    e.documents.iter().map(|&d| r.id(d).to_owned()).collect();
                ids.sort();
                ids
            })
            .collect();
        out.sort();
        out
    }

    const WEDNESDAY: &str = "اجتماع وزاري للتحالف في باريس\n\
        عقد وزراء خارجية التحالف الدولي اجتماعهم في باريس يوم الأربعاء برئاسة وزير الخارجية \
        الفرنسي جان نويل بارو.";
    const THURSDAY: &str = "وزراء التحالف في باريس\n\
        اجتمع وزراء خارجية التحالف الدولي في باريس يوم الخميس في لقاء ترأسه جان نويل بارو.";
    const OTHER_CITY: &str = "قمة عربية في القاهرة\n\
        انعقدت في القاهرة يوم الأحد القمة العربية بحضور القادة العرب.";
    const NO_MEETING: &str = "دولة جديدة تنضم إلى التحالف\n\
        أعلنت الحكومة انضمام البلاد إلى التحالف الدولي لتصبح العضو رقم 91.";

    #[test]
    fn one_meeting_on_two_weekdays_is_one_event_and_a_contradiction() {
        let r = reconcile(collection(&[("a", WEDNESDAY), ("b", THURSDAY)]));
        assert_eq!(events(&r), vec![vec!["a", "b"]]);
        assert_eq!(r.contradictions.len(), 1, "{:#?}", r.contradictions);
        let c = &r.contradictions[0];
        assert_eq!(c.field, Field::MeetingWeekday);
        let sides: Vec<String> = c.sides.iter().map(|s| r.value(s.entry).key()).collect();
        assert!(sides.contains(&"wednesday".to_owned()) && sides.contains(&"thursday".to_owned()));
        assert!(!r.events[0].why.is_empty());
    }

    #[test]
    fn different_meetings_differ_without_contradicting() {
        let r = reconcile(collection(&[
            ("a", WEDNESDAY),
            ("c", OTHER_CITY),
            ("n", NO_MEETING),
        ]));
        assert_eq!(events(&r), vec![vec!["a"], vec!["c"]]);
        assert!(r.contradictions.is_empty());
        let unattached: Vec<&str> = r.unattached.iter().map(|&d| r.id(d)).collect();
        assert_eq!(unattached, ["n"]);
        assert!(r.near.is_empty(), "different hosts are not near");
    }

    #[test]
    fn the_order_of_the_documents_does_not_change_the_events() {
        let reports = [
            ("a", WEDNESDAY),
            ("b", THURSDAY),
            ("c", OTHER_CITY),
            ("n", NO_MEETING),
        ];
        let first = reconcile(collection(&reports));
        let mut reversed = reports;
        reversed.reverse();
        let second = reconcile(collection(&reversed));
        assert_eq!(events(&first), events(&second));
        assert_eq!(first.contradictions.len(), second.contradictions.len());
    }
}
