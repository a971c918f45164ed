//! What kind of meeting: `meeting_type`.
//!
//! A type cue (وزراء الخارجية، المجموعة المصغرة، المديرين السياسيين، كبار المسؤولين…) counts when its
//! sentence is about the meeting or the coalition. Within one sentence the more specific cue
//! wins: "senior officials of the small group" is the small group, "a summit of foreign
//! ministers" a ministerial.

use super::field::Field;
use super::{Analysis, Claim, MeetingType, Value};
use crate::text::tokens::bare;

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
        let found: Vec<(MeetingType, std::ops::Range<usize>)> = an
            .cues_in(t0..t1)
            .filter(|m| m.group() == "meeting_type")
            .filter_map(|m| MeetingType::parse(m.tag()).map(|t| (t, m.span.clone())))
            .collect();
        let has = |t: MeetingType| found.iter().any(|(x, _)| *x == t);
        let specific_officials =
            has(MeetingType::SmallGroup) || has(MeetingType::PoliticalDirectors);
        let other_than_summit = found.iter().any(|(t, _)| *t != MeetingType::Summit);
        for (t, span) in &found {
            let absorbed = (*t == MeetingType::SeniorOfficials && specific_officials)
                || (*t == MeetingType::Summit && other_than_summit);
            if !absorbed {
                out.push(an.claim(Field::MeetingType, Value::MeetingType(*t), span.clone()));
            }
        }
    }
}

/// التحالف، للتحالف، تحالف… : the coalition as the subject of a sentence.
fn is_coalition_word(word: &str) -> bool {
    // A stem is a suffix of its word.
    word.ends_with("تحالف")
        && crate::text::tokens::proclitic_readings(word)
            .iter()
            .any(|(_, stem, _)| bare(stem) == "تحالف")
}
