//! The verdict on one field of one event (docs/contract.md, "Verdicts"): one pure function from
//! a field and the readings of the event's documents to a verdict.

use crate::extract::{Field, FieldKind, Relation, Value};
use crate::text::dates::PartialDate;

use super::collection::{Doc, Entry};

/// The verdict on one field of one event.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every document that states the field gives the same value.
    Agree,
    /// Values differ without contradicting (a date and the same date without its year; chairs
    /// named as people and as the countries they stand for; two names of one level of meeting).
    Compatible,
    /// Values that cannot both be true of one meeting: a contradiction.
    Conflict,
    /// A list field whose documents list different items: omissions, not contradictions.
    Partial,
    /// Only one document states the field.
    Single,
}

/// One value of a field and the documents that give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueGroup {
    pub entry: Entry,
    /// In input order.
    pub documents: Vec<Doc>,
    /// Whether this value takes part in a clash; in a field in conflict, a value that does not
    /// (it agrees with or fits one side) is compatible.
    pub in_clash: bool,
}

/// Two values of a field that cannot both be true of one meeting: indexes into the field's
/// `values`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clash {
    pub a: usize,
    pub b: usize,
}

/// The verdict on one field, with what it rests on.
#[derive(Debug, Clone)]
pub struct Judgement {
    pub field: Field,
    pub verdict: Verdict,
    /// The event's value, when the documents agree or are compatible: the most precise value,
    /// compatible with all the others.
    pub consensus: Option<Entry>,
    /// Most given first; ties in canonical order.
    pub values: Vec<ValueGroup>,
    /// The event's documents that do not state the field, in input order.
    pub silent: Vec<Doc>,
    /// Each value that contradicts another, paired with the most given value it contradicts.
    pub clashes: Vec<Clash>,
}

/// How many earlier values a value is checked against for a clash: events rarely hold more than
/// a handful of values per field, and the bound keeps a pathological one linear.
const CLASH_REACH: usize = 8;

/// Judges `field` over `stated`: for each document of the event that states the field, the
/// entries it gives (one for a scalar field, the items of a list). `value` reads an entry;
/// `silent` are the event's documents that do not state it. `None` when no document states it.
pub fn judge<'v>(
    field: Field,
    stated: &[(Doc, Vec<Entry>)],
    silent: Vec<Doc>,
    value: impl Fn(Entry) -> &'v Value,
) -> Option<Judgement> {
    if stated.is_empty() {
        return None;
    }
    let mut values: Vec<ValueGroup> = Vec::new();
    for (doc, entries) in stated {
        for &entry in entries {
            match values.iter_mut().find(|g| g.entry == entry) {
                Some(g) => g.documents.push(*doc),
                None => values.push(ValueGroup {
                    entry,
                    documents: vec![*doc],
                    in_clash: false,
                }),
            }
        }
    }
    values.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then_with(|| value(a.entry).cmp(value(b.entry)))
    });
    if field.kind() == FieldKind::List {
        let first = &stated[0].1;
        let same = stated.iter().all(|(_, items)| items == first);
        let verdict = if stated.len() == 1 {
            Verdict::Single
        } else if same {
            Verdict::Agree
        } else {
            Verdict::Partial
        };
        return Some(Judgement {
            field,
            verdict,
            consensus: None,
            values,
            silent,
            clashes: Vec::new(),
        });
    }
    let mut clashes = Vec::new();
    let mut worst = Relation::Same;
    for j in 1..values.len() {
        let lo = j.saturating_sub(CLASH_REACH);
        let mut clash = None;
        for i in lo..j {
            let r = field.relate(value(values[i].entry), value(values[j].entry));
            worst = worst.max(r);
            if r == Relation::Conflict && clash.is_none() {
                clash = Some(Clash { a: i, b: j });
            }
        }
        clashes.extend(clash);
    }
    for c in &clashes {
        values[c.a].in_clash = true;
        values[c.b].in_clash = true;
    }
    let verdict = match worst {
        _ if stated.len() == 1 && worst != Relation::Conflict => Verdict::Single,
        Relation::Same => Verdict::Agree,
        Relation::Compatible => Verdict::Compatible,
        Relation::Conflict => Verdict::Conflict,
    };
    let consensus = (verdict != Verdict::Conflict)
        .then(|| {
            values
                .iter()
                .max_by(|a, b| {
                    // Most precise, then most given, then the smallest value.
                    precision(value(a.entry))
                        .cmp(&precision(value(b.entry)))
                        .then(a.documents.len().cmp(&b.documents.len()))
                        .then_with(|| value(b.entry).cmp(value(a.entry)))
                })
                .map(|g| g.entry)
        })
        .flatten();
    Some(Judgement {
        field,
        verdict,
        consensus,
        values,
        silent,
        clashes,
    })
}

/// How precise a value is, for the consensus among compatible ones.
fn precision(v: &Value) -> u8 {
    match v {
        Value::Date(PartialDate { year, month, day }) => {
            u8::from(year.is_some()) + u8::from(month.is_some()) + u8::from(day.is_some())
        }
        Value::Entities(es) => {
            // People say more than the countries they stand for.
            let people = es.iter().filter(|e| !e.is_country()).count();
            u8::try_from(people * 16 + es.len()).unwrap_or(u8::MAX)
        }
        Value::MeetingType(t) => u8::from(*t != crate::extract::MeetingType::Other),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::value::Day;
    use jiff::civil::Weekday;

    fn values() -> Vec<Value> {
        vec![
            Value::Weekday(Day(Weekday::Monday)),
            Value::Weekday(Day(Weekday::Thursday)),
            Value::Count(85),
            Value::Count(90),
            Value::Date(PartialDate::full(2026, 2, 9).unwrap()),
            Value::Date(PartialDate {
                year: None,
                month: Some(2),
                day: Some(9),
            }),
        ]
    }

    fn run(field: Field, stated: &[(Doc, Vec<Entry>)]) -> Judgement {
        let vs = values();
        judge(field, stated, Vec::new(), |e| &vs[e as usize]).unwrap()
    }

    #[test]
    fn the_same_value_agrees() {
        let j = run(Field::MemberCount, &[(0, vec![3]), (1, vec![3])]);
        assert_eq!(j.verdict, Verdict::Agree);
        assert_eq!(j.consensus, Some(3));
    }

    #[test]
    fn one_source_is_single() {
        let j = run(Field::MemberCount, &[(4, vec![2])]);
        assert_eq!(j.verdict, Verdict::Single);
    }

    #[test]
    fn two_counts_conflict_with_both_sides() {
        let j = run(
            Field::MemberCount,
            &[(0, vec![3]), (1, vec![3]), (2, vec![2])],
        );
        assert_eq!(j.verdict, Verdict::Conflict);
        assert_eq!(j.consensus, None);
        assert_eq!(j.clashes, vec![Clash { a: 0, b: 1 }]);
        assert_eq!(j.values[0].documents, vec![0, 1]);
        assert_eq!(j.values[1].documents, vec![2]);
    }

    #[test]
    fn a_date_without_its_year_is_compatible() {
        let j = run(Field::MeetingDate, &[(0, vec![4]), (1, vec![5])]);
        assert_eq!(j.verdict, Verdict::Compatible);
        assert_eq!(j.consensus, Some(4), "the full date is the consensus");
    }

    #[test]
    fn lists_that_differ_are_partial() {
        let j = run(Field::Priorities, &[(0, vec![2, 3]), (1, vec![3])]);
        assert_eq!(j.verdict, Verdict::Partial);
        assert!(j.clashes.is_empty());
    }
}
