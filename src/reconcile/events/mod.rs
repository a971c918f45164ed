//! Which documents describe one meeting (docs/contract.md, "Events").
//!
//! 1. Each document that reports a meeting gets a profile of what it says about it.
//! 2. Candidate pairs come from blocking keys (the full date; host city with type family or
//!    weekday; host country with type family; each person named; the session number). Inside
//!    a block, documents are sorted by time and each is compared with its next few neighbours
//!    only (the sorted-neighbourhood method), so the work grows with the documents, never with
//!    their pairs.
//! 3. Pairs are weighed (`score`), and the linked ones are merged strongest first. A merge is
//!    checked against the events as wholes (their consensus profiles), so a vague document
//!    that resembles two meetings cannot chain them into one.
//!
//! Ties are broken by document ids, never by input order: any order of the same inputs gives
//! the same events.

mod blocking;
pub mod profile;
pub mod score;

use rayon::prelude::*;

use super::collection::{Collection, Doc};
use crate::extract::MeetingType;
use crate::text::dates::weekday_name;
use profile::{Names, Profile, Tally, date_of};
use score::{Comparison, Signal, compare};

/// Documents that describe one meeting.
#[derive(Debug, Clone)]
pub struct Group {
    /// In input order.
    pub documents: Vec<Doc>,
    /// What joined them, most common first.
    pub why: Vec<String>,
    /// The consensus of what they say.
    pub profile: Profile,
}

/// Two events kept apart although they share a host (or a series), and why.
#[derive(Debug, Clone)]
pub struct NearPair {
    /// Indexes into the groups, the earlier one first.
    pub events: (usize, usize),
    pub kept_apart_because: String,
}

/// The outcome of linking.
#[derive(Debug, Clone, Default)]
pub struct Linking {
    /// In order of their earliest document.
    pub groups: Vec<Group>,
    /// Each document's group, if it reports a meeting.
    pub group_of: Vec<Option<u32>>,
    pub near: Vec<NearPair>,
}

/// How many reasons an event lists.
const WHY: usize = 5;

/// Links the documents of a collection into events.
pub fn link(coll: &Collection) -> Linking {
    let names = Names::of(coll);
    let profiles: Vec<Option<Profile>> = coll
        .documents()
        .map(|d| {
            let reading = coll.reading(d);
            (reading.no_meeting.is_none()).then(|| Profile::of(coll, d, &names))
        })
        .collect();
    // Each document's rank in the order of ids: ties are broken by it, never by input order,
    // and ranks compare as integers.
    let mut by_id: Vec<Doc> = coll.documents().collect();
    by_id.sort_unstable_by(|&a, &b| coll.id(a).cmp(coll.id(b)));
    let mut rank: Vec<u32> = vec![0; coll.len()];
    for (r, &d) in by_id.iter().enumerate() {
        rank[d as usize] = u32::try_from(r).unwrap_or(u32::MAX);
    }
    // Candidate pairs, then the linked ones with their scores.
    let pairs = blocking::candidates(&profiles, &rank);
    let mut linked: Vec<(f32, Doc, Doc)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (pa, pb) = (
                profiles[a as usize].as_ref()?,
                profiles[b as usize].as_ref()?,
            );
            let c = compare(pa, pb);
            c.linked().then(|| (c.score(), a, b))
        })
        .collect();
    // Strongest first; ties by the documents' ids, so input order never matters.
    linked.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| pair_key(&rank, x.1, x.2).cmp(&pair_key(&rank, y.1, y.2)))
    });
    let n = coll.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    // An event of one document is its profile; only events that grow get a tally of votes.
    let mut tally: Vec<Option<Tally>> = (0..n).map(|_| None).collect();
    let mut reasons: Vec<Vec<(Signal, u32)>> = vec![Vec::new(); n];
    let mut size: Vec<u32> = vec![1; n];
    for (_, a, b) in linked {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        let consensus = |root: u32| match &tally[root as usize] {
            Some(t) => Some(t.profile()),
            None => profiles[root as usize].clone(),
        };
        let (Some(pa), Some(pb)) = (consensus(ra), consensus(rb)) else {
            continue;
        };
        let whole = compare(&pa, &pb);
        if !whole.linked() {
            continue;
        }
        // The smaller event joins the larger (so merging stays near-linear).
        let (big, small) = if size[ra as usize] >= size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        parent[small as usize] = big;
        size[big as usize] += size[small as usize];
        let of = |root: u32, tally: &mut Vec<Option<Tally>>| {
            tally[root as usize].take().unwrap_or_else(|| {
                profiles[root as usize]
                    .as_ref()
                    .map(Tally::of)
                    .unwrap_or_default()
            })
        };
        let small_tally = of(small, &mut tally);
        let mut big_tally = of(big, &mut tally);
        big_tally.add(&small_tally);
        tally[big as usize] = Some(big_tally);
        let mut merged = std::mem::take(&mut reasons[big as usize]);
        for (why, k) in std::mem::take(&mut reasons[small as usize]) {
            add_reason(&mut merged, why, k);
        }
        for (signal, w) in &whole.signals {
            if *w > 0.0 {
                add_reason(&mut merged, *signal, 1);
            }
        }
        reasons[big as usize] = merged;
    }
    // Groups in order of their earliest document.
    let mut group_of: Vec<Option<u32>> = vec![None; n];
    let mut root_group: Vec<Option<u32>> = vec![None; n];
    let mut groups: Vec<Group> = Vec::new();
    for d in 0..n as u32 {
        if profiles[d as usize].is_none() {
            continue;
        }
        let root = find(&mut parent, d);
        let g = match root_group[root as usize] {
            Some(g) => g,
            None => {
                let g = groups.len() as u32;
                root_group[root as usize] = Some(g);
                let mut why: Vec<(String, u32)> = std::mem::take(&mut reasons[root as usize])
                    .into_iter()
                    .map(|(signal, k)| (explain(signal, &names), k))
                    .collect();
                why.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let profile = match &tally[root as usize] {
                    Some(t) => t.profile(),
                    None => profiles[root as usize].clone().unwrap_or_default(),
                };
                groups.push(Group {
                    documents: Vec::new(),
                    why: why.into_iter().take(WHY).map(|(w, _)| w).collect(),
                    profile,
                });
                g
            }
        };
        groups[g as usize].documents.push(d);
        group_of[d as usize] = Some(g);
    }
    for g in &mut groups {
        if g.documents.len() == 1 {
            g.why = vec!["one report; no other shares enough with it".to_owned()];
        }
    }
    let near = near_pairs(&groups, &names);
    Linking {
        groups,
        group_of,
        near,
    }
}

fn pair_key(rank: &[u32], a: Doc, b: Doc) -> (u32, u32) {
    let (x, y) = (rank[a as usize], rank[b as usize]);
    if x <= y { (x, y) } else { (y, x) }
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

fn add_reason(list: &mut Vec<(Signal, u32)>, why: Signal, k: u32) {
    match list.iter_mut().find(|(w, _)| *w == why) {
        Some((_, n)) => *n += k,
        None => list.push((why, k)),
    }
}

/// A signal in words, for `why` and `kept_apart_because`.
pub fn explain(signal: Signal, names: &Names) -> String {
    let day = |d: i32| date_of(d).iso();
    let family = |t: MeetingType| match t.family() {
        "officials" => "officials-level",
        other => other,
    };
    match signal {
        Signal::SameDate(d) => format!("same full date {}", day(d)),
        Signal::DatesApart(n) => format!("full dates {n} day(s) apart"),
        Signal::SameMonth(y, m) => format!("same month {y:04}-{m:02}"),
        Signal::DifferentMonth => "different months".to_owned(),
        Signal::SameTime => "reported at the same time".to_owned(),
        Signal::TimeApart(n) => format!("dates at least {n} days apart"),
        Signal::SameWeekday(w) => format!("same weekday {}", weekday_name(w)),
        Signal::NextWeekday(a, b) | Signal::OtherWeekday(a, b) => {
            format!(
                "different weekdays ({}, {})",
                weekday_name(a),
                weekday_name(b)
            )
        }
        Signal::SameCity(c) => format!("same host city {}", names.name(c)),
        Signal::CitiesOfOneCountry(a, b) | Signal::CitiesApart(a, b) => {
            format!(
                "different host cities ({}, {})",
                names.name(a),
                names.name(b)
            )
        }
        Signal::SameCountry(c) => format!("same host country {}", names.name(c)),
        Signal::CountriesApart(a, b) => {
            format!(
                "different host countries ({}, {})",
                names.name(a),
                names.name(b)
            )
        }
        Signal::SameType(t) => format!("same meeting type {}", t.id()),
        Signal::SameFamily(a, _) => format!("same meeting-type family ({})", family(a)),
        Signal::FamiliesApart(a, b) => {
            format!(
                "different meeting-type families ({}, {})",
                family(a),
                family(b)
            )
        }
        Signal::SharedChair(p) => format!("chair {}", names.name(p)),
        Signal::SharedChairCountry(c) => format!("chaired by {}", names.name(c)),
        Signal::SharedPerson(p) => format!("{} took part", names.name(p)),
        Signal::SameSession(n) => format!("same session ({n})"),
        Signal::SessionsApart(a, b) => format!("different sessions ({a}, {b})"),
        Signal::SameCount(n) => format!("same member count {n}"),
        Signal::CountsApart(a, b) => format!("member counts {a} and {b}"),
    }
}

/// Events kept apart although they share a host city, or a host country when neither names a
/// city: within each host, events sorted by time and each paired with the next one only, so the
/// list grows with the events, never with their pairs.
fn near_pairs(groups: &[Group], names: &Names) -> Vec<NearPair> {
    let mut by_host: Vec<((u8, u32), i32, usize)> = groups
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let host = match (g.profile.city, g.profile.country) {
                (Some(c), _) => (0, c),
                (None, Some(c)) => (1, c),
                (None, None) => return None,
            };
            Some((host, g.profile.time_key(), i))
        })
        .collect();
    by_host.sort_unstable();
    let mut out = Vec::new();
    for pair in by_host.windows(2) {
        let [(host_a, _, a), (host_b, _, b)] = pair else {
            continue;
        };
        if host_a != host_b {
            continue;
        }
        let c: Comparison = compare(&groups[*a].profile, &groups[*b].profile);
        let mut against: Vec<(f32, String)> = c
            .signals
            .iter()
            .filter(|(_, w)| *w < 0.0)
            .map(|(s, w)| (*w, explain(*s, names)))
            .collect();
        against.sort_by(|x, y| x.0.total_cmp(&y.0).then_with(|| x.1.cmp(&y.1)));
        let reason = if against.is_empty() {
            "too little in common to be sure they are one meeting".to_owned()
        } else {
            against
                .into_iter()
                .map(|(_, s)| s)
                .collect::<Vec<_>>()
                .join("; ")
        };
        let (a, b) = if a < b { (*a, *b) } else { (*b, *a) };
        out.push(NearPair {
            events: (a, b),
            kept_apart_because: reason,
        });
    }
    out.sort_by_key(|p| p.events);
    out
}
