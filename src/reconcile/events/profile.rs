//! What a document, or an event so far, says about its meeting, in the compact form the linker
//! compares: days as numbers, places and people as small integers.

use jiff::civil::Weekday;
use rustc_hash::FxHashMap;

use crate::extract::{Field, MeetingType, Value};
use crate::reconcile::collection::{Collection, Doc};
use crate::text::dates::PartialDate;

/// Days since 1970-01-01 of a Gregorian date (proleptic), for distances between dates.
pub fn day_number(year: i32, month: u32, day: u32) -> i32 {
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number, as `PartialDate`.
pub fn date_of(days: i32) -> PartialDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i32::from(month <= 2);
    PartialDate {
        year: i16::try_from(year).ok(),
        month: u8::try_from(month).ok(),
        day: u8::try_from(day).ok(),
    }
}

fn full_day(d: &PartialDate) -> Option<i32> {
    d.weekday()?;
    Some(day_number(
        i32::from(d.year?),
        u32::from(d.month?),
        u32::from(d.day?),
    ))
}

/// How far before and after a report's own date its meeting may lie, in days: reports follow a
/// meeting within days; announcements precede it by weeks.
const REPORTED_BEFORE: i32 = 14;
const ANNOUNCED_AFTER: i32 = 60;

/// Names (cities, countries, people) as small integers, so profiles compare integers. The
/// numbers follow the names' own order, not the order documents came in, so that every tie
/// broken by a number is broken the same way whatever the input order.
#[derive(Debug, Default)]
pub struct Names {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    /// Every name the collection's values hold, numbered in sorted order.
    pub fn of(coll: &Collection) -> Self {
        let mut names: Vec<String> = Vec::new();
        for value in coll.values() {
            match value {
                Value::City { id, country } => {
                    names.push(id.clone());
                    names.extend(country.clone());
                }
                Value::Country(c) => names.push(c.clone()),
                Value::Entities(es) => {
                    for e in es {
                        names.push(e.id.clone());
                        names.extend(e.country.clone());
                    }
                }
                Value::Entity(e) => {
                    names.push(e.id.clone());
                    names.extend(e.country.clone());
                }
                _ => {}
            }
        }
        names.sort_unstable();
        names.dedup();
        let ids = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        Names { ids, names }
    }

    /// The number of a name the collection holds (every name a profile asks for).
    pub fn id(&self, name: &str) -> u32 {
        self.ids.get(name).copied().unwrap_or(u32::MAX)
    }

    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

/// What one document says about its meeting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// A full date, as a day number.
    pub date: Option<i32>,
    /// A date known only to the month (year and month).
    pub month: Option<(i16, u8)>,
    pub weekday: Option<Weekday>,
    /// The days the meeting can fall on, from its date, the article's own date and the years in
    /// office of the people it names.
    pub window: Option<(i32, i32)>,
    pub city: Option<u32>,
    /// The host country, or the country of the host city.
    pub country: Option<u32>,
    pub kind: Option<MeetingType>,
    /// Chairs: people and the countries chairs stand for, sorted.
    pub chair_people: Vec<u32>,
    pub chair_countries: Vec<u32>,
    /// People said to take part, chairs excluded, sorted.
    pub people: Vec<u32>,
    pub session: Option<u64>,
    pub count: Option<u64>,
}

impl Profile {
    /// The profile of a document's reading.
    pub fn of(coll: &Collection, doc: Doc, names: &Names) -> Profile {
        let mut p = Profile::default();
        let value = |field: Field| coll.scalar(doc, field).map(|(e, _)| coll.value(e));
        if let Some(Value::Date(d)) = value(Field::MeetingDate) {
            p.date = full_day(d);
            if p.date.is_none()
                && let (Some(y), Some(m)) = (d.year, d.month)
            {
                p.month = Some((y, m));
            }
        }
        if let Some(Value::Weekday(w)) = value(Field::MeetingWeekday) {
            p.weekday = Some(w.0);
        }
        if p.weekday.is_none()
            && let Some(d) = p.date
        {
            p.weekday = date_of(d).weekday();
        }
        if let Some(Value::City { id, country }) = value(Field::HostCity) {
            p.city = Some(names.id(id));
            p.country = country.as_deref().map(|c| names.id(c));
        }
        if p.country.is_none()
            && let Some(Value::Country(c)) = value(Field::HostCountry)
        {
            p.country = Some(names.id(c));
        }
        if let Some(Value::MeetingType(t)) = value(Field::MeetingType) {
            p.kind = Some(*t);
        }
        if let Some(Value::Entities(es)) = value(Field::CoChairs) {
            for e in es {
                if e.is_country() {
                    p.chair_countries.push(names.id(&e.id));
                } else {
                    p.chair_people.push(names.id(&e.id));
                    if let Some(c) = &e.country {
                        p.chair_countries.push(names.id(c));
                    }
                }
            }
        }
        for entry in coll.items(doc, Field::Participants) {
            if let Value::Entity(e) = coll.value(entry)
                && !e.is_country()
            {
                let id = names.id(&e.id);
                if !p.chair_people.contains(&id) {
                    p.people.push(id);
                }
            }
        }
        for list in [&mut p.chair_people, &mut p.chair_countries, &mut p.people] {
            list.sort_unstable();
            list.dedup();
        }
        if let Some(Value::Count(n)) = value(Field::Session) {
            p.session = Some(*n);
        }
        if let Some(Value::Count(n)) = value(Field::MemberCount) {
            p.count = Some(*n);
        }
        let reading = coll.reading(doc);
        p.window = window(p.date, p.month, reading.published.as_ref(), reading.years);
        p
    }

    /// Whether the profile says anything that could tie it to another document.
    pub fn is_empty(&self) -> bool {
        self.date.is_none()
            && self.weekday.is_none()
            && self.city.is_none()
            && self.country.is_none()
            && self.kind.is_none()
            && self.chair_people.is_empty()
            && self.people.is_empty()
            && self.session.is_none()
    }

    /// A day to sort by: the date, else the middle of the window.
    pub fn time_key(&self) -> i32 {
        self.date
            .or(self.window.map(|(a, b)| a + (b - a) / 2))
            .unwrap_or(i32::MAX)
    }
}

/// The days a meeting can fall on.
fn window(
    date: Option<i32>,
    month: Option<(i16, u8)>,
    published: Option<&PartialDate>,
    years: Option<(u16, u16)>,
) -> Option<(i32, i32)> {
    if let Some(d) = date {
        return Some((d, d));
    }
    let from_text = if let Some((y, m)) = month {
        let first = day_number(i32::from(y), u32::from(m), 1);
        let next = if m == 12 {
            day_number(i32::from(y) + 1, 1, 1)
        } else {
            day_number(i32::from(y), u32::from(m) + 1, 1)
        };
        Some((first, next - 1))
    } else {
        published
            .and_then(full_day)
            .map(|p| (p - REPORTED_BEFORE, p + ANNOUNCED_AFTER))
    };
    let from_people = years.map(|(a, b)| {
        (
            day_number(i32::from(a), 1, 1),
            day_number(i32::from(b), 12, 31),
        )
    });
    match (from_text, from_people) {
        (Some((a, b)), Some((c, d))) => {
            // What the text says of its own time wins over the years of the people it names.
            let (lo, hi) = (a.max(c), b.min(d));
            Some(if lo <= hi { (lo, hi) } else { (a, b) })
        }
        (Some(w), None) | (None, Some(w)) => Some(w),
        (None, None) => None,
    }
}

/// Counts of the values an event's documents give, for its consensus.
#[derive(Debug, Clone)]
pub struct Votes<K> {
    counts: Vec<(K, u32)>,
}

impl<K> Default for Votes<K> {
    fn default() -> Self {
        Votes { counts: Vec::new() }
    }
}

/// Distinct values an event keeps per field: the consensus needs only the common ones.
const MAX_DISTINCT: usize = 64;

impl<K: Copy + Ord> Votes<K> {
    pub fn one(k: Option<K>) -> Self {
        Votes {
            counts: k.map(|k| (k, 1)).into_iter().collect(),
        }
    }

    pub fn many(ks: &[K]) -> Self {
        Votes {
            counts: ks.iter().map(|&k| (k, 1)).collect(),
        }
    }

    pub fn add(&mut self, other: &Votes<K>) {
        for &(k, n) in &other.counts {
            match self.counts.iter().position(|(x, _)| *x == k) {
                Some(i) => self.counts[i].1 += n,
                None if self.counts.len() < MAX_DISTINCT => self.counts.push((k, n)),
                None => {}
            }
        }
    }

    /// The most given value; ties go to the smallest, so the result does not depend on the
    /// order documents were added in.
    pub fn top(&self) -> Option<K> {
        self.counts
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(k, _)| *k)
    }

    /// Every value given, most given first (at most `n`).
    pub fn leading(&self, n: usize) -> Vec<K> {
        let mut all = self.counts.clone();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out: Vec<K> = all.into_iter().take(n).map(|(k, _)| k).collect();
        out.sort_unstable();
        out
    }
}

/// An event being built: the votes of its documents, field by field.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    date: Votes<i32>,
    month: Votes<(i16, u8)>,
    weekday: Votes<u8>,
    city: Votes<u32>,
    country: Votes<u32>,
    kind: Votes<MeetingType>,
    chair_people: Votes<u32>,
    chair_countries: Votes<u32>,
    people: Votes<u32>,
    session: Votes<u64>,
    count: Votes<u64>,
    /// Intersection of the members' windows (None once empty), and their hull.
    narrow: Option<(i32, i32)>,
    hull: Option<(i32, i32)>,
    windows: bool,
}

/// People an event's profile keeps for comparison.
const PEOPLE: usize = 8;

impl Tally {
    pub fn of(p: &Profile) -> Self {
        Tally {
            date: Votes::one(p.date),
            month: Votes::one(p.month),
            weekday: Votes::one(p.weekday.map(|w| w.to_monday_zero_offset() as u8)),
            city: Votes::one(p.city),
            country: Votes::one(p.country),
            kind: Votes::one(p.kind),
            chair_people: Votes::many(&p.chair_people),
            chair_countries: Votes::many(&p.chair_countries),
            people: Votes::many(&p.people),
            session: Votes::one(p.session),
            count: Votes::one(p.count),
            narrow: p.window,
            hull: p.window,
            windows: p.window.is_some(),
        }
    }

    pub fn add(&mut self, other: &Tally) {
        self.date.add(&other.date);
        self.month.add(&other.month);
        self.weekday.add(&other.weekday);
        self.city.add(&other.city);
        self.country.add(&other.country);
        self.kind.add(&other.kind);
        self.chair_people.add(&other.chair_people);
        self.chair_countries.add(&other.chair_countries);
        self.people.add(&other.people);
        self.session.add(&other.session);
        self.count.add(&other.count);
        match (self.windows, other.windows) {
            (true, true) => {
                self.narrow = match (self.narrow, other.narrow) {
                    (Some((a, b)), Some((c, d))) if a.max(c) <= b.min(d) => {
                        Some((a.max(c), b.min(d)))
                    }
                    _ => None,
                };
                self.hull = match (self.hull, other.hull) {
                    (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
                    (h, None) | (None, h) => h,
                };
            }
            (false, true) => {
                self.narrow = other.narrow;
                self.hull = other.hull;
                self.windows = true;
            }
            _ => {}
        }
    }

    /// The event's consensus, as one profile.
    pub fn profile(&self) -> Profile {
        let date = self.date.top();
        Profile {
            date,
            month: if date.is_some() {
                None
            } else {
                self.month.top()
            },
            weekday: self.weekday.top().and_then(|w| {
                [
                    Weekday::Monday,
                    Weekday::Tuesday,
                    Weekday::Wednesday,
                    Weekday::Thursday,
                    Weekday::Friday,
                    Weekday::Saturday,
                    Weekday::Sunday,
                ]
                .get(usize::from(w))
                .copied()
            }),
            window: date.map(|d| (d, d)).or(self.narrow).or(self.hull),
            city: self.city.top(),
            country: self.country.top(),
            kind: self.kind.top(),
            chair_people: self.chair_people.leading(PEOPLE),
            chair_countries: self.chair_countries.leading(PEOPLE),
            people: self.people.leading(PEOPLE),
            session: self.session.top(),
            count: self.count.top(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2026, 2, 9), (2000, 2, 29), (2014, 12, 3)] {
            let n = day_number(y, m, d);
            let back = date_of(n);
            assert_eq!(
                (back.year, back.month, back.day),
                (Some(y as i16), Some(m as u8), Some(d as u8))
            );
        }
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2026, 2, 10) - day_number(2026, 2, 9), 1);
    }

    #[test]
    fn votes_ignore_the_order_of_documents() {
        let mut a = Votes::one(Some(3));
        a.add(&Votes::one(Some(1)));
        let mut b = Votes::one(Some(1));
        b.add(&Votes::one(Some(3)));
        assert_eq!(a.top(), b.top());
        assert_eq!(a.top(), Some(1));
    }
}
