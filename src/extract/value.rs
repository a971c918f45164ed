//! Claim values, their canonical JSON form, and how two values of one field relate.

use std::fmt;

use jiff::civil::Weekday;
use serde::ser::{SerializeSeq, Serializer};

use crate::text::dates::{PartialDate, weekday_name};

/// The kind of meeting a report describes (docs/contract.md, "Fields").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MeetingType {
    Ministerial,
    SmallGroup,
    PoliticalDirectors,
    SeniorOfficials,
    ChiefsOfStaff,
    DefenceMinisters,
    Summit,
    Other,
}

impl MeetingType {
    pub const ALL: [MeetingType; 8] = [
        MeetingType::Ministerial,
        MeetingType::SmallGroup,
        MeetingType::PoliticalDirectors,
        MeetingType::SeniorOfficials,
        MeetingType::ChiefsOfStaff,
        MeetingType::DefenceMinisters,
        MeetingType::Summit,
        MeetingType::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            MeetingType::Ministerial => "ministerial",
            MeetingType::SmallGroup => "small_group",
            MeetingType::PoliticalDirectors => "political_directors",
            MeetingType::SeniorOfficials => "senior_officials",
            MeetingType::ChiefsOfStaff => "chiefs_of_staff",
            MeetingType::DefenceMinisters => "defence_ministers",
            MeetingType::Summit => "summit",
            MeetingType::Other => "other",
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }

    /// Types of one family describe one level of meeting in different words.
    pub fn family(self) -> &'static str {
        match self {
            MeetingType::SmallGroup
            | MeetingType::PoliticalDirectors
            | MeetingType::SeniorOfficials => "officials",
            other => other.id(),
        }
    }
}

/// A person or country named as a chair, with the country it stands for where known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Entity {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

impl Entity {
    pub fn is_country(&self) -> bool {
        self.country.as_deref() == Some(self.id.as_str())
    }
}

/// A weekday with the order Monday first, so values can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Day(pub Weekday);

impl Ord for Day {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .to_monday_zero_offset()
            .cmp(&other.0.to_monday_zero_offset())
    }
}

impl PartialOrd for Day {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A claim's value in canonical form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    Weekday(Day),
    Date(PartialDate),
    MeetingType(MeetingType),
    /// ISO 3166-1 alpha-2.
    Country(String),
    /// English exonym (or `ar:` + normalised Arabic) and the city's country where known.
    City {
        id: String,
        country: Option<String>,
    },
    /// Sorted by id.
    Entities(Vec<Entity>),
    /// One person or country (a participant).
    Entity(Entity),
    Count(u64),
    /// A priority topic id (docs/contract.md, "Priority topics").
    Topic(String),
}

impl Value {
    /// The canonical value as one string: the key values are grouped by.
    pub fn key(&self) -> String {
        match self {
            Value::Weekday(w) => weekday_name(w.0).to_owned(),
            Value::Date(d) => d.iso(),
            Value::MeetingType(t) => t.id().to_owned(),
            Value::Country(c) => c.clone(),
            Value::City { id, .. } => id.clone(),
            Value::Entities(es) => es
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
                .join("+"),
            Value::Entity(e) => e.id.clone(),
            Value::Count(n) => n.to_string(),
            Value::Topic(t) => t.clone(),
        }
    }

    /// Extra facts about the value that its canonical form leaves out (entity countries, the
    /// country of a city), for the JSON `details` key.
    pub fn details(&self) -> Option<serde_json::Value> {
        match self {
            Value::Entities(es) => serde_json::to_value(es).ok(),
            Value::Entity(e) => serde_json::to_value(e).ok(),
            Value::City {
                country: Some(c), ..
            } => Some(serde_json::json!({ "country": c })),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl serde::Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Count(n) => s.serialize_u64(*n),
            Value::Entities(es) => {
                let mut seq = s.serialize_seq(Some(es.len()))?;
                for e in es {
                    seq.serialize_element(&e.id)?;
                }
                seq.end()
            }
            other => s.serialize_str(&other.key()),
        }
    }
}

/// Reading canonical JSON back into values (the reduce step reads map output), one parser per
/// value type; `details` is the claim's `details` key.
pub mod parse {
    use serde_json::Value as Json;

    use super::{Day, Entity, MeetingType, Value};
    use crate::text::dates::{PartialDate, parse_weekday_name};

    pub fn weekday(v: &Json, _: Option<&Json>) -> Option<Value> {
        parse_weekday_name(v.as_str()?).map(|w| Value::Weekday(Day(w)))
    }

    pub fn date(v: &Json, _: Option<&Json>) -> Option<Value> {
        PartialDate::parse_iso(v.as_str()?).map(Value::Date)
    }

    pub fn meeting_type(v: &Json, _: Option<&Json>) -> Option<Value> {
        MeetingType::parse(v.as_str()?).map(Value::MeetingType)
    }

    pub fn country(v: &Json, _: Option<&Json>) -> Option<Value> {
        Some(Value::Country(v.as_str()?.to_owned()))
    }

    pub fn city(v: &Json, details: Option<&Json>) -> Option<Value> {
        Some(Value::City {
            id: v.as_str()?.to_owned(),
            country: details
                .and_then(|d| d.get("country"))
                .and_then(Json::as_str)
                .map(str::to_owned),
        })
    }

    pub fn entities(v: &Json, details: Option<&Json>) -> Option<Value> {
        let ids = v.as_array()?;
        let details = details.and_then(Json::as_array);
        let mut out = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            let d = details.and_then(|d| d.get(i));
            let text = |k: &str| {
                d.and_then(|d| d.get(k))
                    .and_then(Json::as_str)
                    .map(str::to_owned)
            };
            out.push(Entity {
                id: id.as_str()?.to_owned(),
                country: text("country"),
                name_en: text("name_en"),
            });
        }
        Some(Value::Entities(out))
    }

    pub fn entity(v: &Json, details: Option<&Json>) -> Option<Value> {
        let text = |k: &str| {
            details
                .and_then(|d| d.get(k))
                .and_then(Json::as_str)
                .map(str::to_owned)
        };
        Some(Value::Entity(Entity {
            id: v.as_str()?.to_owned(),
            country: text("country"),
            name_en: text("name_en"),
        }))
    }

    pub fn count(v: &Json, _: Option<&Json>) -> Option<Value> {
        v.as_u64().map(Value::Count)
    }

    pub fn topic(v: &Json, _: Option<&Json>) -> Option<Value> {
        Some(Value::Topic(v.as_str()?.to_owned()))
    }
}

/// How two values of one field stand to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    Same,
    Compatible,
    Conflict,
}

/// Two chair lists agree when they name the same entities. They are compatible when one says
/// less than the other without saying anything else: the people one names are among the other's
/// (or stand for the countries the other names), and the countries one speaks for are among
/// the other's. They conflict when a country is given a different person by each and neither
/// names the other's, or when each names a country the other does not. A person whose country
/// is unknown (an official of an international body) constrains nothing beyond themselves.
pub fn relate_entities(a: &[Entity], b: &[Entity]) -> Relation {
    if a == b {
        return Relation::Same;
    }
    let people = |es: &[Entity]| -> Vec<(Option<String>, String)> {
        es.iter()
            .filter(|e| !e.is_country())
            .map(|e| (e.country.clone(), e.id.clone()))
            .collect()
    };
    let countries = |es: &[Entity]| -> Vec<String> {
        let mut out: Vec<String> = es.iter().filter_map(|e| e.country.clone()).collect();
        out.sort();
        out.dedup();
        out
    };
    let (pa, pb) = (people(a), people(b));
    // A country given two different people, neither side naming the other's.
    for (country, x) in &pa {
        let Some(country) = country else { continue };
        for (other, y) in &pb {
            if other.as_ref() == Some(country)
                && x != y
                && !pb.iter().any(|(_, p)| p == x)
                && !pa.iter().any(|(_, p)| p == y)
            {
                return Relation::Conflict;
            }
        }
    }
    let (ca, cb) = (countries(a), countries(b));
    let subset = |x: &[String], y: &[String]| x.iter().all(|c| y.contains(c));
    if subset(&ca, &cb) || subset(&cb, &ca) {
        Relation::Compatible
    } else {
        Relation::Conflict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, country: &str) -> Entity {
        Entity {
            id: id.into(),
            country: Some(country.into()),
            name_en: None,
        }
    }

    fn country(code: &str) -> Entity {
        person(code, code)
    }

    #[test]
    fn people_match_the_countries_they_represent() {
        let people = [person("a-person", "SA"), person("b-person", "US")];
        let countries = [country("SA"), country("US")];
        assert_eq!(relate_entities(&people, &countries), Relation::Compatible);
        assert_eq!(relate_entities(&people, &people), Relation::Same);
    }

    #[test]
    fn different_countries_conflict() {
        let a = [country("SA"), country("US")];
        let b = [country("SA"), country("FR")];
        assert_eq!(relate_entities(&a, &b), Relation::Conflict);
    }

    #[test]
    fn two_people_for_one_country_conflict() {
        let a = [person("a-person", "US")];
        let b = [person("c-person", "US")];
        assert_eq!(relate_entities(&a, &b), Relation::Conflict);
    }

    #[test]
    fn one_chair_more_is_compatible() {
        let a = [person("a-person", "US")];
        let b = [person("a-person", "US"), person("c-person", "US")];
        assert_eq!(relate_entities(&a, &b), Relation::Compatible);
    }

    #[test]
    fn an_official_without_a_country_constrains_nothing_else() {
        let official = Entity {
            id: "some-secretary-general".into(),
            country: None,
            name_en: None,
        };
        assert_eq!(
            relate_entities(&[official], &[country("KW")]),
            Relation::Compatible
        );
    }

    #[test]
    fn naming_one_of_two_chairs_is_compatible() {
        let a = [person("a-person", "SA")];
        let b = [person("a-person", "SA"), person("b-person", "US")];
        assert_eq!(relate_entities(&a, &b), Relation::Compatible);
    }

    #[test]
    fn meeting_type_families() {
        assert_eq!(
            MeetingType::SmallGroup.family(),
            MeetingType::PoliticalDirectors.family()
        );
        assert_ne!(
            MeetingType::SmallGroup.family(),
            MeetingType::Ministerial.family()
        );
    }
}
