//! What for: `priorities`, as topic ids (CONTRACT.md section 3), each item with its own evidence.
//!
//! Topic cues come from `data/cues.tsv` (group `priority`, tag = topic id). A tag ending in `?`
//! is weak ("السفر" is foreign-fighter travel only in a list of such topics): it counts only when
//! its sentence has another topic cue. Coordination needs a partner: "التنسيق … مع دمشق".

use super::field::Field;
use super::{Analysis, Claim, Value};
use crate::lexicon::gazetteer::EntityRef;

/// Partners one coordinates with, besides named places and organisations.
const PARTNERS: &[&str] = &[
    "الحكومه",
    "الحكومات",
    "حكومه",
    "حكومتي",
    "السلطات",
    "الشركاء",
    "شركاء",
    "القوات",
    "الجيش",
    "كل",
    "الجانب",
    "الاطراف",
];

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    for m in an.cues.iter().filter(|m| m.group() == "priority") {
        let (topic, weak) = match m.tag().strip_suffix('?') {
            Some(t) => (t, true),
            None => (m.tag(), false),
        };
        let sentence = an.sentence_range(m.span.start);
        // A list of topics is near its items; the bound keeps run-on text linear.
        let s0 = an
            .token_at(sentence.start)
            .max(m.tokens.start.saturating_sub(30));
        let s1 = an.token_at(sentence.end).min(m.tokens.end + 30);
        if weak
            && !an
                .cues_in(s0..s1)
                .any(|o| o.group() == "priority" && !o.tag().ends_with('?') && o.span != m.span)
        {
            continue;
        }
        if topic == "coordination" && !has_partner(an, m.tokens.end, s1) {
            continue;
        }
        out.push(an.claim(
            Field::Priorities,
            Value::Topic(topic.to_owned()),
            m.span.clone(),
        ));
    }
}

/// "مع" (or "بين") within three words, then a partner within three more.
fn has_partner(an: &Analysis, from: usize, end: usize) -> bool {
    let key = an.key();
    let Some(with) = (from..(from + 3).min(end)).find(|&t| {
        let w = an.tokens[t].text(key);
        matches!(w, "مع" | "ومع" | "بين")
    }) else {
        return false;
    };
    (with + 1..(with + 4).min(end)).any(|t| {
        let tok = an.tokens[t];
        PARTNERS.contains(&tok.text(key))
            || an
                .entities_in(tok.start..tok.start + 1)
                .iter()
                .any(|e| !matches!(e.entity, EntityRef::Person(_)))
    })
}
