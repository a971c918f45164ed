//! Who chaired: `co_chairs`.
//!
//! In a sentence with a chairing cue (`data/cues.tsv`, group `chair`: ترأس، برئاسة، تحت رئاسة،
//! الرئاسة المشتركة، تولى رئاسة، شارك في رئاسته، رأس الاجتماع…), the chairs are the people it
//! names, or, when it names none, the countries that stand as subjects ("وتترأس فرنسا إلى جانب
//! بريطانيا", "برئاسة سعودية أمريكية"). Inviters chair too when there are two of them ("بدعوة من
//! X و Y"). Heading one's delegation ("ترأس وفد بلاده", "وفد سعودي برئاسة") or a government is
//! not chairing. People the gazetteer lacks are read where the text shows a name (`names`).
//! Countries inside titles ("سفير الولايات المتحدة لدى تركيا") are the people's, not chairs.
//! Participants ("بمشاركة…", "وشارك…"), speakers and people met on the sidelines are cut off.

pub mod names;
#[cfg(test)]
mod tests;

use std::ops::Range;

use super::field::Field;
use super::{Analysis, Claim, Entity, Value};
use crate::lexicon::cues::CueMatch;
use crate::lexicon::gazetteer::{EntityMatch, EntityRef};
use crate::text::tokens::proclitic_readings;
use names::{NameLexicon, Named, people_in};

/// What a cue of the `chair` group says, read in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChairCue {
    /// Someone chaired the meeting.
    Chair,
    /// Someone invited to it: a chair when two or more are named.
    Invite,
    /// Someone headed a delegation: a participant, not a chair.
    Delegation,
    /// Someone heads a government, a party or an agency: neither.
    Office,
}

/// How a chairing cue reads where it stands; `None` for cues of other groups.
pub fn chair_cue(an: &Analysis, m: &CueMatch) -> Option<ChairCue> {
    if m.group() != "chair" {
        return None;
    }
    Some(match m.tag() {
        "invite" => ChairCue::Invite,
        "delegation" => ChairCue::Delegation,
        "office" => ChairCue::Office,
        tag => {
            if delegation_before(an, m) || (tag == "verb" && delegation_object(an, m)) {
                ChairCue::Delegation
            } else {
                ChairCue::Chair
            }
        }
    })
}

/// Whether a participation cue names a delegation ("وفد", "الوفود", "وفد من").
fn is_delegation_noun(m: &CueMatch) -> bool {
    m.group() == "participation"
        && (m.tag() == "delegation_noun"
            || (m.tag() == "represent" && m.cue.phrase.starts_with("وف")))
}

/// "وفد سعودي رفيع برئاسة …", "الوفد الذي ترأسه …": a delegation a few words before the cue,
/// with no meeting between them.
fn delegation_before(an: &Analysis, m: &CueMatch) -> bool {
    let sentence = an.sentence_range(m.span.start);
    let from = an
        .token_at(sentence.start)
        .max(m.tokens.start.saturating_sub(6));
    let Some(d) = an
        .cues_in(from..m.tokens.start)
        .filter(|c| is_delegation_noun(c))
        .last()
    else {
        return false;
    };
    !an.cues_in(d.tokens.end..m.tokens.start)
        .any(|c| c.group() == "meeting" && c.tag() == "noun")
}

/// "ترأس وزير الخارجية فلان وفد بلاده": the verb's object, after its subject, is a delegation.
fn delegation_object(an: &Analysis, m: &CueMatch) -> bool {
    let sentence = an.sentence_range(m.span.start);
    let to = an.token_at(sentence.end).min(m.tokens.end + 10);
    for c in an.cues_in(m.tokens.end..to) {
        if is_delegation_noun(c) {
            return true;
        }
        let meeting = c.group() == "meeting" && c.tag() == "noun";
        let other = c.group() == "chair"
            || (c.group() == "participation" && matches!(c.tag(), "verb" | "with"));
        if meeting || other {
            return false;
        }
    }
    false
}

/// The chairs one sentence names, each with the span that names it, and the span of the whole
/// statement (the cue and every chair).
#[derive(Debug, Clone)]
pub struct Chairs {
    pub entities: Vec<(Entity, Range<usize>)>,
    pub span: Range<usize>,
}

/// Every sentence's chairs, in text order.
pub fn chairs(an: &Analysis) -> Vec<Chairs> {
    let mut out = Vec::new();
    let mut last_sentence = None;
    for cue in an.cues.iter().filter(|m| m.group() == "chair") {
        let s = an.sentence_of(an.tokens[cue.tokens.start].start);
        if last_sentence == Some(s) {
            continue;
        }
        last_sentence = Some(s);
        let sentence = an.sentences[s].clone();
        let s0 = an.token_at(sentence.start);
        let s1 = an.token_at(sentence.end);
        let kinds: Vec<(&CueMatch, ChairCue)> = an
            .cues_in(s0..s1)
            .filter_map(|m| chair_cue(an, m).map(|k| (m, k)))
            .collect();
        let main = kinds
            .iter()
            .find(|(_, k)| *k == ChairCue::Chair)
            .or_else(|| kinds.iter().find(|(_, k)| *k == ChairCue::Invite));
        let Some(&(main, kind)) = main else {
            continue;
        };
        let found = if kind == ChairCue::Invite {
            inviters(an, main, sentence)
        } else {
            let region = chair_region(an, sentence.clone(), main, &kinds);
            let mut people: Vec<(Entity, Range<usize>)> = people_in(an, region.clone())
                .into_iter()
                .map(|p| (p.entity, p.span))
                .collect();
            if people.is_empty() {
                people = countries(an, an.entities_in(region), main.span.start);
            }
            // "الذي دعت إليه السعودية والولايات المتحدة، وترأسه وزيرا خارجية البلدين".
            match kinds.iter().find(|(_, k)| *k == ChairCue::Invite) {
                Some((invite, _)) if people.is_empty() => inviters(an, invite, sentence),
                _ => people,
            }
        };
        if found.is_empty() {
            continue;
        }
        let start = found
            .iter()
            .map(|(_, r)| r.start)
            .min()
            .unwrap_or(main.span.start)
            .min(main.span.start);
        let end = found
            .iter()
            .map(|(_, r)| r.end)
            .max()
            .unwrap_or(main.span.end)
            .max(main.span.end);
        out.push(Chairs {
            entities: found,
            span: start..end,
        });
    }
    out
}

/// `co_chairs`, and each chair as a participant too (the chairs are found once, here; the rest
/// of `participants` is `super::participants`).
pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    for c in chairs(an) {
        for (entity, span) in &c.entities {
            out.push(an.claim(
                Field::Participants,
                Value::Entity(entity.clone()),
                span.clone(),
            ));
        }
        let mut entities: Vec<Entity> = c.entities.into_iter().map(|(e, _)| e).collect();
        entities.sort();
        entities.dedup_by(|a, b| a.id == b.id);
        out.push(an.claim(Field::CoChairs, Value::Entities(entities), c.span));
    }
}

/// "بدعوة من السعودية والولايات المتحدة، عقد …": the inviters named up to the first comma, when
/// there are two or more.
fn inviters(an: &Analysis, cue: &CueMatch, sentence: Range<usize>) -> Vec<(Entity, Range<usize>)> {
    let key = an.key();
    let start = cue.span.end;
    let mut end = sentence.end;
    let last = an.token_at(sentence.end);
    for t in cue.tokens.end..last {
        let gap_before = if t > 0 {
            &key[an.tokens[t - 1].end..an.tokens[t].start]
        } else {
            ""
        };
        if t > cue.tokens.end && gap_before.contains([',', ';', ':']) {
            end = an.tokens[t - 1].end;
            break;
        }
        if an
            .cues_in(t..t + 1)
            .any(|m| matches!(m.group(), "chair" | "participation" | "speech") && m.tag() != "of")
        {
            end = an.tokens[t].start;
            break;
        }
    }
    if start >= end {
        return Vec::new();
    }
    let distinct = |v: &[(Entity, Range<usize>)]| {
        let mut ids: Vec<&str> = v.iter().map(|(e, _)| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let people: Vec<(Entity, Range<usize>)> = people_in(an, start..end)
        .into_iter()
        .map(|p| (p.entity, p.span))
        .collect();
    if distinct(&people) >= 2 {
        return people;
    }
    let countries = countries(an, an.entities_in(start..end), start);
    if distinct(&countries) >= 2 {
        return countries;
    }
    Vec::new()
}

/// Whether a cue ends the stretch of a sentence that speaks of the chairs: participation,
/// patronage, meetings on the sidelines, statements.
fn cuts_chairs(an: &Analysis, m: &CueMatch, main: &CueMatch) -> bool {
    match m.group() {
        "participation" => !matches!(m.tag(), "end" | "speech_noun" | "delegation_noun" | "of"),
        // A stance ("أعرب فلان عن ارتياحه بعد ترؤسه") speaks of the chair; a statement does not.
        "speech" => m.tag() != "stance",
        "chair" => {
            m.span != main.span
                && matches!(
                    chair_cue(an, m),
                    Some(ChairCue::Delegation | ChairCue::Office | ChairCue::Invite)
                )
        }
        _ => false,
    }
}

/// The part of the sentence that speaks of the chairs: participants after "بمشاركة" or before
/// "شارك … في الاجتماع الذي ترأسه", speakers, delegations and inviters are left out.
fn chair_region(
    an: &Analysis,
    sentence: Range<usize>,
    main: &CueMatch,
    kinds: &[(&CueMatch, ChairCue)],
) -> Range<usize> {
    let s0 = an.token_at(sentence.start);
    let s1 = an.token_at(sentence.end);
    let chair_tokens: Vec<Range<usize>> = kinds
        .iter()
        .filter(|(_, k)| *k == ChairCue::Chair)
        .map(|(m, _)| m.tokens.clone())
        .collect();
    let mut start = sentence.start;
    let mut end = sentence.end;
    for p in an.cues_in(s0..s1).filter(|m| cuts_chairs(an, m, main)) {
        if p.group() != "chair"
            && chair_tokens
                .iter()
                .any(|c| c.start < p.tokens.end && p.tokens.start < c.end)
        {
            continue;
        }
        if p.tokens.start > main.tokens.start {
            end = end.min(p.span.start);
        } else {
            start = start.max(p.span.end);
        }
    }
    if start >= end {
        return sentence;
    }
    // Participants named before "شارك" are still inside [sentence.start, p): keep them out by
    // starting at the chair cue when participation came first.
    if start > sentence.start {
        start = start.max(main.span.start.min(end));
    }
    start..end
}

/// Countries standing as chairs: not inside a title or after "لدى", "إلى", "في"…
///
/// A capital stands for its government only after the cue ("ترأسته القاهرة وواشنطن"); before it,
/// it is a date line ("عمّان (بترا) - ترأس …") or the host ("احتضنت الدوحة الاجتماع الذي ترأسه …").
fn countries(an: &Analysis, ents: &[EntityMatch], cue: usize) -> Vec<(Entity, Range<usize>)> {
    let key = an.key();
    let first = ents
        .iter()
        .position(|e| !matches!(e.entity, EntityRef::City(_)) || e.span.start >= cue)
        .unwrap_or(ents.len());
    let ents: Vec<EntityMatch> = ents[first..]
        .iter()
        .filter(|e| !matches!(e.entity, EntityRef::City(_)) || e.span.start >= cue)
        .cloned()
        .collect();
    standing_countries(an, &ents, &[], |t| {
        let after_beside = t > 1
            && an.tokens[t - 1].text(key) == "جانب"
            && matches!(an.tokens[t - 2].text(key), "الى" | "والى");
        after_beside || is_after_chair_word(an, t)
    })
}

/// Countries (their names, adjectives, capitals) that stand for themselves in a stretch of
/// text: not governed by a preposition ("في العراق وسوريا": a country joined by "و" shares the
/// preposition before it), not the place of the meeting ("في العاصمة الفرنسية"), not inside a
/// named person's title. `open(t)` says that a country at token `t` stands for itself whatever
/// comes before it ("ممثلين عن …", "إلى جانب …"). Each comes with its span, proclitics left out.
pub fn standing_countries(
    an: &Analysis,
    ents: &[EntityMatch],
    people: &[Named],
    open: impl Fn(usize) -> bool,
) -> Vec<(Entity, Range<usize>)> {
    let g = an.gazetteer;
    let lex = NameLexicon::builtin();
    let key = an.key();
    let mut out = Vec::new();
    let mut previous: Option<(usize, bool)> = None;
    let strong = ents.iter().filter(|e| !e.weak).count();
    for e in ents {
        let place = match e.entity {
            EntityRef::Country(_) | EntityRef::CountryAdjective(_) => !after_place_word(an, e),
            // A capital stands for its government ("ترأسته القاهرة وواشنطن"), unless it is where
            // the meeting was ("في العاصمة الرياض").
            EntityRef::City(i) => g.cities()[i].capital && !after_place_word(an, e),
            _ => false,
        };
        if !place || dateline(an, e) {
            previous = None;
            continue;
        }
        let t = an.token_at(e.span.start);
        let clitic = &key[e.span.start..e.span.start + e.clitic_len];
        let joined = previous.filter(|(end, _)| {
            let gap = &key[*end..e.span.start];
            gap.chars().all(|c| c.is_whitespace() || c == ',')
                && (clitic.starts_with('و') || gap.contains(','))
        });
        let governed = match joined {
            Some((_, governed)) => governed,
            None => {
                let word = |k: usize| an.tokens[k].text(key);
                // "لكل من فرنسا والولايات المتحدة" lists; it does not govern.
                let listing = t > 1 && word(t - 1) == "من" && matches!(word(t - 2), "لكل" | "كل");
                let preposition = t > 0 && lex.governs(word(t - 1)) && !listing;
                !open(t) && (preposition || clitic.ends_with('ب') || clitic.ends_with('ل'))
            }
        };
        previous = Some((e.span.end, governed));
        let in_title = people.iter().any(|p| {
            p.title
                .as_ref()
                .is_some_and(|r| r.start <= e.span.start && e.span.end <= r.end)
        });
        if governed || in_title || (e.weak && strong > 0) {
            continue;
        }
        let Some(code) = g.entity_country(e.entity) else {
            continue;
        };
        out.push((
            Entity {
                id: code.to_owned(),
                country: Some(code.to_owned()),
                name_en: None,
            },
            e.span.start + e.clitic_len..e.span.end,
        ));
    }
    out
}

/// "عمّان (بترا) -", "بغداد - مراسلنا": a place that opens its line and is followed by a bracket
/// or a dash is where the report was filed.
fn dateline(an: &Analysis, e: &EntityMatch) -> bool {
    let key = an.key();
    let line_start = key[..e.span.start].rfind('\n').map_or(0, |i| i + 1);
    if !key[line_start..e.span.start].trim().is_empty() {
        return false;
    }
    let after = &key[e.span.end..];
    let next = after.trim_start().chars().next();
    matches!(next, Some('(' | '-' | '–' | '—' | ':'))
}

/// Whether a country, adjective or capital names where the meeting was, not who stood for it:
/// "في العاصمة الرياض", "في العاصمة القطرية الدوحة", "اجتماع مدريد", "احتضنت الدوحة".
fn after_place_word(an: &Analysis, e: &EntityMatch) -> bool {
    let key = an.key();
    let t = an.token_at(e.span.start);
    let place_word = |k: usize| {
        matches!(
            an.tokens[k].text(key),
            "العاصمه" | "بالعاصمه" | "مدينه" | "بمدينه" | "في" | "وفي"
        )
    };
    let after_adjective = t > 1 && place_word(t - 2) && {
        let adjective = an.tokens[t - 1];
        an.entities_in(adjective.start..adjective.start + 1)
            .iter()
            .any(|a| matches!(a.entity, EntityRef::CountryAdjective(_)))
    };
    // "اجتماع مدريد" names the meeting by its place; "المؤتمر السعودية وفرنسا" does not.
    let construct = |c: &CueMatch| {
        let word = an.tokens[c.tokens.start].text(key);
        !proclitic_readings(word)
            .iter()
            .any(|(_, _, article)| *article)
    };
    let after_cue = t > 0
        && an.cues_in(t.saturating_sub(3)..t).any(|c| {
            c.tokens.end == t
                && ((c.group() == "meeting" && c.tag() == "noun" && construct(c))
                    || (c.group() == "host" && c.tag() == "verb"))
        });
    (t > 0 && place_word(t - 1)) || after_adjective || after_cue
}

fn is_after_chair_word(an: &Analysis, t: usize) -> bool {
    an.cues_in(t.saturating_sub(6)..t)
        .any(|m| m.group() == "chair" && (m.tokens.end == t || m.tokens.end + 1 == t))
}
