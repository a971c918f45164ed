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
        let sidelines: Vec<usize> = type_cues()
            .filter(|m| m.tag() == "sidelines")
            .map(|m| m.tokens.end)
            .collect();
        let found: Vec<Found> = type_cues()
            .filter_map(|m| {
                let kind = MeetingType::parse(m.tag())?;
                let sidelines = sidelines
                    .iter()
                    .any(|&end| end <= m.tokens.start && m.tokens.start - end <= SIDELINES_GAP);
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
        for f in &found {
            let absorbed = !f.sidelines
                && match f.kind {
                    MeetingType::SeniorOfficials => specific_officials,
                    MeetingType::Ministerial => own().any(|g| {
                        matches!(
                            g.kind,
                            MeetingType::SmallGroup | MeetingType::DefenceMinisters
                        ) && gap(&f.tokens, &g.tokens) <= LEVEL_GAP
                    }),
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

/// Words between two token ranges (0 when they touch or overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
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
