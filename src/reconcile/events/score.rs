//! How much two profiles look like one meeting: a sum of weights, one per signal, in the manner
//! of Fellegi–Sunter record linkage (a shared rare value is strong evidence, a shared common one
//! weak; a disagreement weighs against). Deterministic and explainable: every weight comes with
//! the signal that earned it.
//!
//! Two profiles are one meeting when the sum reaches [`THRESHOLD`], they share positive evidence
//! about the meeting (an *anchor*: the same full date; the same host and type family, or host and
//! a named person, weekday or session; a named person and type family at the same time; the same
//! session and type family), and nothing separates them outright (full dates more than
//! [`DATE_SLIP`] days apart, times more than [`TIME_SLIP`] days apart — other years, as the
//! years in office of the people named show too — or different session numbers).

use jiff::civil::Weekday;

use super::profile::Profile;
use crate::extract::MeetingType;

/// The sum two profiles of one meeting must reach.
pub const THRESHOLD: f32 = 6.0;

/// One piece of evidence for or against two profiles describing one meeting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Signal {
    SameDate(i32),
    /// Full dates this many days apart.
    DatesApart(i32),
    SameMonth(i16, u8),
    DifferentMonth,
    /// The days each can fall on overlap (narrowly: a month or less).
    SameTime,
    /// The days each can fall on lie this many days apart.
    TimeApart(i32),
    SameWeekday(Weekday),
    /// Weekdays one day apart, or further.
    NextWeekday(Weekday, Weekday),
    OtherWeekday(Weekday, Weekday),
    SameCity(u32),
    /// Different cities of one country, and of two.
    CitiesOfOneCountry(u32, u32),
    CitiesApart(u32, u32),
    SameCountry(u32),
    CountriesApart(u32, u32),
    SameType(MeetingType),
    SameFamily(MeetingType, MeetingType),
    FamiliesApart(MeetingType, MeetingType),
    SharedChair(u32),
    SharedChairCountry(u32),
    SharedPerson(u32),
    SameSession(u64),
    SessionsApart(u64, u64),
    SameCount(u64),
    CountsApart(u64, u64),
}

impl Signal {
    /// Whether this signal alone separates two meetings, whatever else agrees.
    pub fn separates(self) -> bool {
        match self {
            Signal::DatesApart(days) => days > DATE_SLIP,
            Signal::TimeApart(days) => days > TIME_SLIP,
            Signal::SessionsApart(..) => true,
            _ => false,
        }
    }
}

/// Full dates at most this many days apart may be one meeting misreported (a contradiction);
/// further apart they are two meetings.
const DATE_SLIP: i32 = 3;
/// Time windows this far apart are two meetings.
const TIME_SLIP: i32 = 45;

/// What comparing two profiles found.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    pub signals: Vec<(Signal, f32)>,
}

impl Comparison {
    pub fn score(&self) -> f32 {
        self.signals.iter().map(|(_, w)| w).sum()
    }

    pub fn separated(&self) -> bool {
        self.signals.iter().any(|(s, _)| s.separates())
    }

    /// Whether the two share positive evidence about the meeting itself.
    pub fn anchored(&self) -> bool {
        let has = |f: &dyn Fn(&Signal) -> bool| self.signals.iter().any(|(s, _)| f(s));
        let same_date = has(&|s| matches!(s, Signal::SameDate(_)));
        let same_host = has(&|s| matches!(s, Signal::SameCity(_) | Signal::SameCountry(_)));
        let same_family = has(&|s| matches!(s, Signal::SameType(_) | Signal::SameFamily(..)));
        let shared_person = has(&|s| matches!(s, Signal::SharedChair(_) | Signal::SharedPerson(_)));
        let same_day = has(&|s| matches!(s, Signal::SameWeekday(_)));
        let same_session = has(&|s| matches!(s, Signal::SameSession(_)));
        let same_time = has(&|s| matches!(s, Signal::SameTime | Signal::SameMonth(..)));
        same_date
            || (same_host && (same_family || shared_person || same_day || same_session))
            || (shared_person && same_family && (same_time || same_day))
            || (same_session && same_family)
    }

    /// Whether the two are one meeting.
    pub fn linked(&self) -> bool {
        !self.separated() && self.anchored() && self.score() >= THRESHOLD
    }
}

fn day_distance(a: Weekday, b: Weekday) -> i8 {
    let d = (a.to_monday_zero_offset() - b.to_monday_zero_offset()).rem_euclid(7);
    d.min(7 - d)
}

/// Compares two profiles, signal by signal.
pub fn compare(a: &Profile, b: &Profile) -> Comparison {
    let mut s: Vec<(Signal, f32)> = Vec::with_capacity(8);
    // When.
    match (a.date, b.date) {
        (Some(x), Some(y)) if x == y => s.push((Signal::SameDate(x), 9.0)),
        (Some(x), Some(y)) => {
            let days = (x - y).abs();
            let w = if days <= DATE_SLIP {
                -2.0
            } else if days <= 7 {
                -6.0
            } else {
                -20.0
            };
            s.push((Signal::DatesApart(days), w));
        }
        _ => {
            if let (Some(x), Some(y)) = (a.month, b.month) {
                if x == y {
                    s.push((Signal::SameMonth(x.0, x.1), 2.0));
                } else {
                    s.push((Signal::DifferentMonth, -8.0));
                }
            }
            if let (Some((a0, a1)), Some((b0, b1))) = (a.window, b.window) {
                let gap = (a0.max(b0) - a1.min(b1)).max(0);
                if gap == 0 {
                    if a1 - a0 <= 31 && b1 - b0 <= 31 {
                        s.push((Signal::SameTime, 1.0));
                    }
                } else {
                    let w = if gap <= 7 {
                        -1.0
                    } else if gap <= TIME_SLIP {
                        -6.0
                    } else {
                        -20.0
                    };
                    s.push((Signal::TimeApart(gap), w));
                }
            }
        }
    }
    // Two full dates already say how far apart their days are.
    let both_dated = a.date.is_some() && b.date.is_some();
    if let (Some(x), Some(y)) = (a.weekday, b.weekday)
        && !both_dated
    {
        match day_distance(x, y) {
            0 => s.push((Signal::SameWeekday(x), 1.5)),
            1 => s.push((Signal::NextWeekday(x, y), -2.0)),
            _ => s.push((Signal::OtherWeekday(x, y), -4.0)),
        }
    }
    // Where.
    match (a.city, b.city) {
        (Some(x), Some(y)) if x == y => s.push((Signal::SameCity(x), 5.0)),
        (Some(x), Some(y)) => {
            if a.country.is_some() && a.country == b.country {
                s.push((Signal::CitiesOfOneCountry(x, y), -3.0));
            } else {
                s.push((Signal::CitiesApart(x, y), -10.0));
            }
        }
        _ => match (a.country, b.country) {
            (Some(x), Some(y)) if x == y => s.push((Signal::SameCountry(x), 3.0)),
            (Some(x), Some(y)) => s.push((Signal::CountriesApart(x, y), -10.0)),
            _ => {}
        },
    }
    // What.
    if let (Some(x), Some(y)) = (a.kind, b.kind) {
        if x == y {
            s.push((Signal::SameType(x), 3.0));
        } else if x.family() == y.family() {
            s.push((Signal::SameFamily(x, y), 2.0));
        } else if x != MeetingType::Other && y != MeetingType::Other {
            s.push((Signal::FamiliesApart(x, y), -4.0));
        }
    }
    // Who.
    let mut shared_chairs = 0;
    for p in shared(&a.chair_people, &b.chair_people) {
        if shared_chairs < 2 {
            s.push((Signal::SharedChair(p), 4.0));
        }
        shared_chairs += 1;
    }
    if shared_chairs == 0 {
        for c in shared(&a.chair_countries, &b.chair_countries).take(2) {
            s.push((Signal::SharedChairCountry(c), 1.0));
        }
    }
    let people_a = a.people.iter().chain(&a.chair_people);
    let mut taken = 0;
    for p in people_a {
        if taken == 3 {
            break;
        }
        let chair_both = a.chair_people.contains(p) && b.chair_people.contains(p);
        if !chair_both && (b.people.contains(p) || b.chair_people.contains(p)) {
            s.push((Signal::SharedPerson(*p), 1.5));
            taken += 1;
        }
    }
    if let (Some(x), Some(y)) = (a.session, b.session) {
        if x == y {
            s.push((Signal::SameSession(x), 6.0));
        } else {
            s.push((Signal::SessionsApart(x, y), -20.0));
        }
    }
    if let (Some(x), Some(y)) = (a.count, b.count) {
        if x == y {
            s.push((Signal::SameCount(x), 1.0));
        } else if x.abs_diff(y) > 10 {
            s.push((Signal::CountsApart(x, y), -1.0));
        }
    }
    Comparison { signals: s }
}

/// Items two sorted lists share.
fn shared<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    a.iter()
        .copied()
        .filter(move |x| b.binary_search(x).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile::default()
    }

    #[test]
    fn a_shared_host_alone_does_not_link() {
        let mut a = profile();
        let mut b = profile();
        a.city = Some(1);
        b.city = Some(1);
        assert!(!compare(&a, &b).linked());
        a.kind = Some(MeetingType::Ministerial);
        b.kind = Some(MeetingType::Ministerial);
        assert!(compare(&a, &b).linked());
    }

    #[test]
    fn strong_agreement_outweighs_a_weekday_a_day_apart() {
        let mut a = profile();
        a.city = Some(1);
        a.kind = Some(MeetingType::Ministerial);
        a.chair_people = vec![7];
        a.weekday = Some(Weekday::Wednesday);
        let mut b = a.clone();
        b.weekday = Some(Weekday::Thursday);
        assert!(compare(&a, &b).linked());
    }

    #[test]
    fn a_week_between_full_dates_separates() {
        let mut a = profile();
        a.city = Some(1);
        a.kind = Some(MeetingType::Ministerial);
        a.chair_people = vec![7, 8];
        let mut b = a.clone();
        a.date = Some(100);
        b.date = Some(110);
        assert!(!compare(&a, &b).linked());
        b.date = Some(101);
        assert!(
            compare(&a, &b).linked(),
            "a day apart is a contradiction, not two meetings"
        );
    }

    #[test]
    fn different_levels_in_one_city_stay_apart() {
        let mut a = profile();
        a.city = Some(1);
        a.kind = Some(MeetingType::SmallGroup);
        a.weekday = Some(Weekday::Monday);
        let mut b = profile();
        b.city = Some(1);
        b.kind = Some(MeetingType::Ministerial);
        b.weekday = Some(Weekday::Thursday);
        assert!(!compare(&a, &b).linked());
    }
}
