//! The meeting's place in its series: `session`. "الاجتماع الوزاري الحادي عشر" → 11, "الدورة
//! الـ 45" → 45, "القمة العربية الثالثة والثلاثين" → 33, "الاجتماع رقم 12" → 12.
//!
//! A definite ordinal (or a number after رقم) right after a meeting noun (cue group `session`
//! in `data/cues.tsv`), with at most two adjectives between ("الوزاري", "العربية", "العادية").
//! Not read: an ordinal before the noun ("ثالث اجتماع هذا العام") and the sittings of one meeting
//! ("الجلسة الثانية"), which count something else more often than the series; and a first that
//! says what is new ("الاجتماع الأول من نوعه", "الأول منذ"). A session ordinal is never a member
//! count (`count.rs` reads only members' ranks).

use std::ops::RangeInclusive;

use super::count::is_adjective;
use super::field::Field;
use super::{Analysis, Claim, Value};
use crate::text::numbers::NumberKind;

/// How many adjectives may stand between the meeting noun and its ordinal.
const ADJECTIVES: usize = 2;
/// Series run long (an Arab League council past its 160th session), but not into years.
const PLAUSIBLE: RangeInclusive<u64> = 1..=500;

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    let key = an.key();
    for n in &an.numbers {
        if n.kind != NumberKind::Ordinal || !PLAUSIBLE.contains(&n.value) {
            continue;
        }
        // With the article (ordinal words and definite cardinals alike), or after رقم.
        let text = &key[n.span.clone()];
        if !(text.starts_with("ال") || text.starts_with("رقم")) {
            continue;
        }
        // The token holding the number's start (a clitic may stand before it: "للدورة الـ45").
        let t = an.tokens.partition_point(|tok| tok.end <= n.span.start);
        let after = an.tokens.partition_point(|tok| tok.start < n.span.end);
        let Some(noun) = (0..=ADJECTIVES).find_map(|back| {
            let end = t.checked_sub(back)?;
            let between = &an.tokens[end..t];
            if !between.iter().all(|w| is_adjective(w.text(key))) {
                return None;
            }
            an.cues_in(end.saturating_sub(4)..end)
                .filter(|m| m.group() == "session" && m.tag() == "noun" && m.tokens.end == end)
                .last()
        }) else {
            continue;
        };
        let new_of_its_kind = an
            .cues_in(after..after + 1)
            .any(|m| m.group() == "session" && m.tag() == "not");
        if new_of_its_kind {
            continue;
        }
        out.push(an.claim(
            Field::Session,
            Value::Count(n.value),
            noun.span.start..n.span.end,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::lexicon::gazetteer::Gazetteer;

    /// Session claims in `text`, as (value, evidence).
    fn sessions(text: &str) -> Vec<(String, String)> {
        extract(text, Gazetteer::builtin())
            .claims
            .into_iter()
            .filter(|c| c.field.name() == "session")
            .map(|c| (c.value.key(), c.evidence.text))
            .collect()
    }

    fn one(text: &str, value: &str, evidence: &str) {
        assert_eq!(
            sessions(text),
            vec![(value.to_owned(), evidence.to_owned())],
            "{text}"
        );
    }

    #[test]
    fn ordinals_after_a_meeting_noun() {
        one(
            "افتتح الاجتماع الوزاري الحادي عشر للتحالف أعماله في لندن.",
            "11",
            "الاجتماع الوزاري الحادي عشر",
        );
        one(
            "انطلقت أعمال الدورة الـ 45 لمجلس وزراء الخارجية.",
            "45",
            "الدورة الـ 45",
        );
        one(
            "تستضيف المنامة القمة العربية الثالثة والثلاثين في أيار.",
            "33",
            "القمة العربية الثالثة والثلاثين",
        );
        one(
            "شارك في الدورة العادية الـ160 للمجلس.",
            "160",
            "الدورة العادية الـ160",
        );
        one(
            "اختتم المؤتمر السنوي الخامس أعماله.",
            "5",
            "المؤتمر السنوي الخامس",
        );
        one("بدأت الجولة الرابعة من المحادثات.", "4", "الجولة الرابعة");
        one("صدرت النسخة العاشرة من التقرير.", "10", "النسخة العاشرة");
        one(
            "عقدت القمة الخليجية الرابعة والأربعون.",
            "44",
            "القمة الخليجية الرابعة والأربعون",
        );
        one("عقد الاجتماع رقم 12 للجنة.", "12", "الاجتماع رقم 12");
        one("عقد الاجتماع الأحد عشر للجنة.", "11", "الاجتماع الأحد عشر");
        one("شارك في الاجتماع الثاني عشر.", "12", "الاجتماع الثاني عشر");
    }

    #[test]
    fn other_ordinals_are_not_sessions() {
        for text in [
            "هذا ثالث اجتماع يعقده الوزراء هذا العام.",
            "ناقشت الجلسة الثانية ملف التمويل.",
            "وصف الاجتماع الأول من نوعه بالناجح.",
            "هو الاجتماع الأول منذ انضمام سوريا.",
            "شارك للمرة الحادية عشرة في الاجتماع.",
            "احتفل التحالف بالذكرى العاشرة لتأسيسه.",
            "عقد الاجتماع في القاعة الثالثة من المبنى.",
            "تحدث عن الدورة في 45 دقيقة.",
        ] {
            assert!(sessions(text).is_empty(), "{text}: {:?}", sessions(text));
        }
    }

    #[test]
    fn a_session_is_not_a_member_count() {
        let text = "انعقد الاجتماع الوزاري الحادي عشر للتحالف الدولي.";
        let claims = extract(text, Gazetteer::builtin()).claims;
        assert!(claims.iter().all(|c| c.field.name() != "member_count"));
        assert!(claims.iter().any(|c| c.field.name() == "session"));
    }
}
