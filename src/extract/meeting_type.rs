//! What kind of meeting: `meeting_type`.
//!
//! A type cue (group `meeting_type` of `data/cues.tsv`: وزراء الخارجية، المجموعة المصغرة، المديرين
//! السياسيين، كبار المسؤولين، القمة العربية، اجتماع الخبراء…) counts when its sentence is about the
//! meeting or the coalition. Within one sentence the more specific cue wins: "senior officials
//! of the small group" is the small group, "a ministerial of the small group" (اجتماع وزاري مصغر)
//! the small group, "a ministerial of defence ministers" defence ministers, "a summit of foreign
//! ministers" a ministerial, and `other` (a conference, a forum, experts) yields to any type.
//!
//! Two tags are not types: `none` marks words that look like a type and are not (قمة الجبل، على
//! قمة), and `sidelines` (هامش) marks a type that follows it as the occasion the meeting was held
//! beside ("على هامش القمة العربية"): that type is a mention, not the meeting's type.

use std::ops::Range;

use super::field::Field;
use super::{Analysis, Claim, MeetingType, Role, Value};
use crate::text::tokens::bare;

/// How many words may stand between "هامش" and the meeting it names.
const SIDELINES_GAP: usize = 3;
/// How close a ministerial cue must be to a small-group or defence cue to be its level only
/// ("الاجتماع الوزاري للمجموعة المصغرة").
const LEVEL_GAP: usize = 5;

struct Found {
    kind: MeetingType,
    span: Range<usize>,
    tokens: Range<usize>,
    sidelines: bool,
}

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    for sentence in &an.sentences {
        let t0 = an.token_at(sentence.start);
        let t1 = an.token_at(sentence.end);
        let about_meeting = an.cues_in(t0..t1).any(|m| m.group() == "meeting")
            || an.tokens[t0..t1]
                .iter()
                .any(|t| is_coalition_word(t.text(an.key())));
        if !about_meeting {
            continue;
        }
        let type_cues = || an.cues_in(t0..t1).filter(|m| m.group() == "meeting_type");
        let mut sidelines: Vec<usize> = type_cues()
            .filter(|m| m.tag() == "sidelines")
            .map(|m| m.tokens.end)
            .collect();
        sidelines.sort_unstable();
        let found: Vec<Found> = type_cues()
            .filter_map(|m| {
                let kind = MeetingType::parse(m.tag())?;
                // A "هامش" that ends at most SIDELINES_GAP words before the cue (binary search:
                // a sentence may hold thousands of cues).
                let first = sidelines
                    .partition_point(|&end| end < m.tokens.start.saturating_sub(SIDELINES_GAP));
                let sidelines = sidelines
                    .get(first)
                    .is_some_and(|&end| end <= m.tokens.start);
                Some(Found {
                    kind,
                    span: m.span.clone(),
                    tokens: m.tokens.clone(),
                    sidelines,
                })
            })
            .collect();
        let own = || found.iter().filter(|f| !f.sidelines);
        let has = |t: MeetingType| own().any(|f| f.kind == t);
        let specific_officials =
            has(MeetingType::SmallGroup) || has(MeetingType::PoliticalDirectors);
        let coalition_level =
            own().any(|f| !matches!(f.kind, MeetingType::Summit | MeetingType::Other));
        let any_type = own().any(|f| f.kind != MeetingType::Other);
        let levels = Levels::new(own().filter(|g| {
            matches!(
                g.kind,
                MeetingType::SmallGroup | MeetingType::DefenceMinisters
            )
        }));
        for f in &found {
            let absorbed = !f.sidelines
                && match f.kind {
                    MeetingType::SeniorOfficials => specific_officials,
                    MeetingType::Ministerial => levels.any_within(&f.tokens, LEVEL_GAP),
                    MeetingType::Summit => coalition_level,
                    MeetingType::Other => any_type,
                    _ => false,
                };
            if absorbed {
                continue;
            }
            let mut claim = an.claim(
                Field::MeetingType,
                Value::MeetingType(f.kind),
                f.span.clone(),
            );
            if f.sidelines {
                claim.role = Role::Mention;
                claim.note = Some("the occasion the meeting was held on the sidelines of".into());
            }
            out.push(claim);
        }
    }
}

/// Token ranges sorted by start, with the greatest end up to each: whether one lies within a
/// gap of a range is a binary search, so that a sentence of n cues costs n log n, not n².
struct Levels {
    /// (start, the greatest end of this range and every range before it).
    starts: Vec<(usize, usize)>,
}

impl Levels {
    fn new<'f>(found: impl Iterator<Item = &'f Found>) -> Self {
        let mut ranges: Vec<Range<usize>> = found.map(|f| f.tokens.clone()).collect();
        ranges.sort_unstable_by_key(|r| r.start);
        let mut most = 0;
        let starts = ranges
            .iter()
            .map(|r| {
                most = most.max(r.end);
                (r.start, most)
            })
            .collect();
        Levels { starts }
    }

    /// Whether a range lies at most `max` words from `a` (0 when they touch or overlap): one
    /// that starts by `a.end + max` and ends from `a.start - max` on.
    fn any_within(&self, a: &Range<usize>, max: usize) -> bool {
        let before = self
            .starts
            .partition_point(|&(start, _)| start <= a.end + max);
        before > 0 && self.starts[before - 1].1 + max >= a.start
    }
}

/// التحالف، للتحالف، تحالف… : the coalition as the subject of a sentence.
pub(super) fn is_coalition_word(word: &str) -> bool {
    // A stem is a suffix of its word.
    word.ends_with("تحالف")
        && crate::text::tokens::proclitic_readings(word)
            .iter()
            .any(|(_, stem, _)| bare(stem) == "تحالف")
}

#[cfg(test)]
mod tests;
