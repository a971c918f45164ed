//! Cross-field checks inside one event: a full date and a weekday must name the same day, also
//! when one document gives the date and another the weekday.

use crate::extract::{Field, Value};
use crate::text::dates::weekday_name;

use super::collection::{Collection, Doc};
use super::judge::Judgement;

/// What a check compares.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// The event's full date falls on the weekday its sources give.
    WeekdayMatchesDate,
}

/// One check and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub kind: CheckKind,
    pub consistent: bool,
    /// The documents that give the date, then those that give the weekday (input order).
    pub date_documents: Vec<Doc>,
    pub weekday_documents: Vec<Doc>,
    /// The values compared: the date's entry and the weekday's.
    pub date: u32,
    pub weekday: u32,
    pub message: String,
}

/// Each full date of the event against each weekday its documents give.
pub fn weekday_checks(coll: &Collection, fields: &[Judgement]) -> Vec<Check> {
    let field = |f: Field| fields.iter().find(|j| j.field == f);
    let (Some(dates), Some(days)) = (field(Field::MeetingDate), field(Field::MeetingWeekday))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for date in &dates.values {
        let Value::Date(d) = coll.value(date.entry) else {
            continue;
        };
        let Some(actual) = d.weekday() else { continue };
        for day in &days.values {
            let Value::Weekday(w) = coll.value(day.entry) else {
                continue;
            };
            let ids = |docs: &[Doc]| named(coll, docs);
            let consistent = w.0 == actual;
            out.push(Check {
                kind: CheckKind::WeekdayMatchesDate,
                consistent,
                date_documents: date.documents.clone(),
                weekday_documents: day.documents.clone(),
                date: date.entry,
                weekday: day.entry,
                message: format!(
                    "{} ({}) is a {}; {} say{} {}",
                    d.iso(),
                    ids(&date.documents),
                    weekday_name(actual),
                    ids(&day.documents),
                    if day.documents.len() == 1 { "s" } else { "" },
                    weekday_name(w.0),
                ),
            });
        }
    }
    out
}

/// How many documents a message names before it counts the rest.
const NAMED: usize = 3;

/// Up to [`NAMED`] document ids, and how many more there are.
pub fn named(coll: &Collection, docs: &[Doc]) -> String {
    let mut out: Vec<&str> = docs.iter().take(NAMED).map(|&d| coll.id(d)).collect();
    let more = docs.len().saturating_sub(NAMED);
    let more = (more > 0).then(|| format!("{more} more"));
    out.extend(more.as_deref());
    out.join(", ")
}
