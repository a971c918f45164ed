//! The fields the engine knows, and what the engine needs to know about each.
//!
//! A field is a [`Field`], never a string: the table [`FIELDS`] is indexed by it. Adding a field
//! means an extractor, a value type (or an existing one), a variant and a row here.

use serde::{Deserialize, Serialize};

use super::value::{Relation, Value, parse, relate_entities};

/// A field of the contract (docs/contract.md, "Fields"), in report order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    MeetingWeekday,
    MeetingDate,
    MeetingType,
    HostCountry,
    HostCity,
    CoChairs,
    Participants,
    MemberCount,
    Priorities,
    Session,
    PublishedDate,
    PublishedWeekday,
}

impl Field {
    /// Every field, in report order.
    pub const ALL: [Field; 12] = [
        Field::MeetingWeekday,
        Field::MeetingDate,
        Field::MeetingType,
        Field::HostCountry,
        Field::HostCity,
        Field::CoChairs,
        Field::Participants,
        Field::MemberCount,
        Field::Priorities,
        Field::Session,
        Field::PublishedDate,
        Field::PublishedWeekday,
    ];

    /// The field's name in JSON and on the command line.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// A short English label for people.
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    pub fn kind(self) -> FieldKind {
        self.spec().kind
    }

    /// The field's row in [`FIELDS`].
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self.index()]
    }

    /// The field's position in report order.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The field named `name`, if there is one.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// How two values of this field relate.
    pub fn relate(self, a: &Value, b: &Value) -> Relation {
        (self.spec().relate)(a, b)
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

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
    pub field: Field,
    pub name: &'static str,
    /// A short English label for people.
    pub label: &'static str,
    pub kind: FieldKind,
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

/// Every field, in report order.
pub static FIELDS: &[FieldSpec] = &[
    FieldSpec {
        field: Field::MeetingWeekday,
        name: "meeting_weekday",
        label: "meeting weekday",
        kind: FieldKind::Scalar,
        relate: relate_equal,
        parse: parse::weekday,
    },
    FieldSpec {
        field: Field::MeetingDate,
        name: "meeting_date",
        label: "meeting date",
        kind: FieldKind::Scalar,
        relate: relate_value,
        parse: parse::date,
    },
    FieldSpec {
        field: Field::MeetingType,
        name: "meeting_type",
        label: "meeting type",
        kind: FieldKind::Scalar,
        relate: relate_value,
        parse: parse::meeting_type,
    },
    FieldSpec {
        field: Field::HostCountry,
        name: "host_country",
        label: "host country",
        kind: FieldKind::Scalar,
        relate: relate_equal,
        parse: parse::country,
    },
    FieldSpec {
        field: Field::HostCity,
        name: "host_city",
        label: "host city",
        kind: FieldKind::Scalar,
        relate: relate_value,
        parse: parse::city,
    },
    FieldSpec {
        field: Field::CoChairs,
        name: "co_chairs",
        label: "co-chairs",
        kind: FieldKind::Scalar,
        relate: relate_value,
        parse: parse::entities,
    },
    FieldSpec {
        field: Field::Participants,
        name: "participants",
        label: "participants",
        kind: FieldKind::List,
        relate: relate_equal,
        parse: parse::entity,
    },
    FieldSpec {
        field: Field::MemberCount,
        name: "member_count",
        label: "member count",
        kind: FieldKind::Scalar,
        relate: relate_equal,
        parse: parse::count,
    },
    FieldSpec {
        field: Field::Priorities,
        name: "priorities",
        label: "priorities",
        kind: FieldKind::List,
        relate: relate_equal,
        parse: parse::topic,
    },
    FieldSpec {
        field: Field::Session,
        name: "session",
        label: "session",
        kind: FieldKind::Scalar,
        relate: relate_equal,
        parse: parse::count,
    },
    FieldSpec {
        field: Field::PublishedDate,
        name: "published_date",
        label: "published date",
        kind: FieldKind::PerDocument,
        relate: relate_value,
        parse: parse::date,
    },
    FieldSpec {
        field: Field::PublishedWeekday,
        name: "published_weekday",
        label: "published weekday",
        kind: FieldKind::PerDocument,
        relate: relate_equal,
        parse: parse::weekday,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_enum_order() {
        for (i, spec) in FIELDS.iter().enumerate() {
            assert_eq!(spec.field.index(), i, "{}", spec.name);
            assert_eq!(Field::ALL[i], spec.field);
            assert_eq!(Field::parse(spec.name), Some(spec.field));
            let json = serde_json::to_value(spec.field).unwrap();
            assert_eq!(json, spec.name, "serde name and table name agree");
        }
        assert_eq!(FIELDS.len(), Field::ALL.len());
    }
}
