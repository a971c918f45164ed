//! Candidate pairs for linking, from blocking keys: documents that share a key are compared,
//! others never are. Inside a block, documents are sorted by time (then id) and each is paired
//! with its next [`NEIGHBOURS`] only, so a block of any size yields a number of pairs linear in
//! its size (the sorted-neighbourhood method).

use super::profile::Profile;
use crate::reconcile::collection::Doc;

/// How many following documents in a block each document is compared with.
const NEIGHBOURS: usize = 6;

/// A blocking key: what two documents must share to be compared at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Date(i32),
    CityFamily(u32, &'static str),
    CityWeekday(u32, u8),
    CountryFamily(u32, &'static str),
    Person(u32),
    Session(u64),
}

fn keys(p: &Profile, out: &mut Vec<Key>) {
    if let Some(d) = p.date {
        out.push(Key::Date(d));
    }
    let family = p.kind.map(|k| k.family());
    match (p.city, p.country) {
        (Some(c), _) => {
            if let Some(f) = family {
                out.push(Key::CityFamily(c, f));
            }
            if let Some(w) = p.weekday {
                out.push(Key::CityWeekday(c, w.to_monday_zero_offset() as u8));
            }
            // A city's country joins documents that name only the country.
            if let (Some(country), Some(f)) = (p.country, family) {
                out.push(Key::CountryFamily(country, f));
            }
        }
        (None, Some(country)) => {
            if let Some(f) = family {
                out.push(Key::CountryFamily(country, f));
            }
        }
        (None, None) => {}
    }
    for &person in p.chair_people.iter().chain(&p.people).take(3) {
        out.push(Key::Person(person));
    }
    if let Some(s) = p.session {
        out.push(Key::Session(s));
    }
}

/// Pairs of documents to compare (the smaller index first), each once, sorted.
/// `rank` is each document's place in the order of ids.
pub fn candidates(profiles: &[Option<Profile>], rank: &[u32]) -> Vec<(Doc, Doc)> {
    let mut keyed: Vec<(Key, i32, Doc)> = Vec::new();
    let mut scratch = Vec::new();
    for (d, p) in profiles.iter().enumerate() {
        let Some(p) = p else { continue };
        scratch.clear();
        keys(p, &mut scratch);
        let doc = Doc::try_from(d).unwrap_or(Doc::MAX);
        keyed.extend(scratch.iter().map(|&k| (k, p.time_key(), doc)));
    }
    // Within a key, by time and then by id: the same order whatever the input order.
    keyed.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(rank[a.2 as usize].cmp(&rank[b.2 as usize]))
    });
    let mut pairs: Vec<(Doc, Doc)> = Vec::new();
    let mut start = 0;
    while start < keyed.len() {
        let mut end = start + 1;
        while end < keyed.len() && keyed[end].0 == keyed[start].0 {
            end += 1;
        }
        let block = &keyed[start..end];
        for (i, a) in block.iter().enumerate() {
            for b in block.iter().skip(i + 1).take(NEIGHBOURS) {
                pairs.push((a.2.min(b.2), a.2.max(b.2)));
            }
        }
        start = end;
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
