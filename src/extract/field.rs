//! The fields the engine knows, and what the engine needs to know about each.
//!
//! The reconciler is field-agnostic: it reads this table. Adding a field means an extractor, a
//! value type (or an existing one), and a row here.

use super::value::{Relation, Value, parse, relate_entities};

/// How a field is compared across documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One value per document; different values agree, are compatible, or conflict.
    Scalar,
    /// A list compared item by item: an item one source lacks is an omission.
    List,
    /// A fact about the article itself (its own date): differences are expected, never a
    /// conflict about the meeting.
    PerDocument,
}

/// What the engine knows about one field.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    /// A short English label for people.
    pub label: &'static str,
    pub kind: FieldKind,
    /// Whether the field describes which meeting a report is about, for event grouping.
    pub descriptor: bool,
    pub relate: fn(&Value, &Value) -> Relation,
    /// Reads the canonical JSON value (and the claim's `details`) back.
    pub parse: fn(&serde_json::Value, Option<&serde_json::Value>) -> Option<Value>,
}

fn relate_equal(a: &Value, b: &Value) -> Relation {
    if a == b {
        Relation::Same
    } else {
        Relation::Conflict
    }
}

fn relate_value(a: &Value, b: &Value) -> Relation {
    match (a, b) {
        _ if a == b => Relation::Same,
        (Value::Date(x), Value::Date(y)) if x.compatible(y) => Relation::Compatible,
        (Value::MeetingType(x), Value::MeetingType(y))
            if x.family() == y.family()
                || *x == super::value::MeetingType::Other
                || *y == super::value::MeetingType::Other =>
        {
            Relation::Compatible
        }
        (Value::Entities(x), Value::Entities(y)) => relate_entities(x, y),
        (Value::City { id: x, .. }, Value::City { id: y, .. }) if x == y => Relation::Same,
        _ => Relation::Conflict,
    }
}

pub const MEETING_WEEKDAY: &str = "meeting_weekday";
pub const MEETING_DATE: &str = "meeting_date";
pub const MEETING_TYPE: &str = "meeting_type";
pub const HOST_COUNTRY: &str = "host_country";
pub const HOST_CITY: &str = "host_city";
pub const CO_CHAIRS: &str = "co_chairs";
pub const MEMBER_COUNT: &str = "member_count";
pub const PRIORITIES: &str = "priorities";
pub const PUBLISHED_DATE: &str = "published_date";
pub const PUBLISHED_WEEKDAY: &str = "published_weekday";

/// Every field, in report order.
pub static FIELDS: &[FieldSpec] = &[
    FieldSpec {
        name: MEETING_WEEKDAY,
        label: "meeting weekday",
        kind: FieldKind::Scalar,
        descriptor: true,
        relate: relate_equal,
        parse: parse::weekday,
    },
    FieldSpec {
        name: MEETING_DATE,
        label: "meeting date",
        kind: FieldKind::Scalar,
        descriptor: true,
        relate: relate_value,
        parse: parse::date,
    },
    FieldSpec {
        name: MEETING_TYPE,
        label: "meeting type",
        kind: FieldKind::Scalar,
        descriptor: true,
        relate: relate_value,
        parse: parse::meeting_type,
    },
    FieldSpec {
        name: HOST_COUNTRY,
        label: "host country",
        kind: FieldKind::Scalar,
        descriptor: true,
        relate: relate_equal,
        parse: parse::country,
    },
    FieldSpec {
        name: HOST_CITY,
        label: "host city",
        kind: FieldKind::Scalar,
        descriptor: true,
        relate: relate_value,
        parse: parse::city,
    },
    FieldSpec {
        name: CO_CHAIRS,
        label: "co-chairs",
        kind: FieldKind::Scalar,
        descriptor: false,
        relate: relate_value,
        parse: parse::entities,
    },
    FieldSpec {
        name: MEMBER_COUNT,
        label: "member count",
        kind: FieldKind::Scalar,
        descriptor: false,
        relate: relate_equal,
        parse: parse::count,
    },
    FieldSpec {
        name: PRIORITIES,
        label: "priorities",
        kind: FieldKind::List,
        descriptor: false,
        relate: relate_equal,
        parse: parse::topic,
    },
    FieldSpec {
        name: PUBLISHED_DATE,
        label: "published date",
        kind: FieldKind::PerDocument,
        descriptor: false,
        relate: relate_value,
        parse: parse::date,
    },
    FieldSpec {
        name: PUBLISHED_WEEKDAY,
        label: "published weekday",
        kind: FieldKind::PerDocument,
        descriptor: false,
        relate: relate_equal,
        parse: parse::weekday,
    },
];

/// The spec of a field by name.
pub fn spec(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The position of a field in report order.
pub fn order(name: &str) -> usize {
    FIELDS
        .iter()
        .position(|f| f.name == name)
        .unwrap_or(FIELDS.len())
}
