//! Who chaired: `co_chairs`.
//!
//! In a sentence with a chairing cue (ترأس، برئاسة، تحت رئاسة، الرئاسة المشتركة…), the chairs are
//! the people it names, or, when it names none, the countries that stand as subjects ("وتترأس
//! فرنسا إلى جانب بريطانيا", "برئاسة سعودية أمريكية"). People the gazetteer lacks are
//! read from their title ("وزير الخارجية العراقي فلان الفلاني" → `ar:فلان الفلاني`, IQ). Countries
//! inside titles ("سفير الولايات المتحدة لدى تركيا") are the people's, not chairs. Participants
//! ("بمشاركة…", "وشارك…") are cut off.

use std::ops::Range;

use super::field::Field;
use super::{Analysis, Claim, Entity, Value};
use crate::lexicon::gazetteer::{EntityMatch, EntityRef};
use crate::text::normalize;

/// Words that open a person's title.
const TITLE_HEADS: &[&str] = &[
    "وزير",
    "وزيره",
    "نايب",
    "المبعوث",
    "مبعوث",
    "سفير",
    "السفير",
    "رييس",
    "الرييس",
    "مساعد",
    "المتحدث",
    "الامين",
    "امين",
    "الجنرال",
    "الفريق",
    "اللواء",
    "العميد",
    "الادميرال",
    "المشير",
    "الممثل",
    "ممثل",
    "المنسق",
    "منسق",
    "قايد",
    "القايد",
    "الشيخ",
    "الامير",
    "السيد",
    "السيده",
];

/// Words that may continue a title before the name.
const TITLE_WORDS: &[&str] = &[
    "الجيش",
    "جيش",
    "القوات",
    "المسلحه",
    "للقوات",
    "الجويه",
    "البريه",
    "البحريه",
    "القياده",
    "المركزيه",
    "العمليات",
    "الاعلي",
    "قياده",
    "الخارجيه",
    "خارجيه",
    "الدفاع",
    "دفاع",
    "الخاص",
    "الخاصه",
    "العام",
    "العامه",
    "الاول",
    "اول",
    "ركن",
    "الركن",
    "هييه",
    "الاركان",
    "اركان",
    "المشتركه",
    "الدوله",
    "وزير",
    "وزراء",
    "مجلس",
    "الوزراء",
    "الشوون",
    "السياسيه",
    "الجمهوريه",
    "المملكه",
    "للتحالف",
    "التحالف",
    "الدولي",
    "لهزيمه",
    "داعش",
    "الى",
    "لدى",
    "في",
    "بحري",
    "طيار",
    "المساعد",
    "لشوون",
    "الامن",
    "الوطني",
    "الامريكي",
    "الاميركي",
    "الامريكيه",
    "الاميركيه",
    "مكافحه",
    "الارهاب",
    "المكلف",
    "بملف",
];

/// Words that end a name.
const NAME_STOPS: &[&str] = &[
    "في",
    "على",
    "الى",
    "من",
    "مع",
    "عن",
    "الذي",
    "التي",
    "فيما",
    "حيث",
    "بشكل",
    "بحضور",
    "بمشاركة",
    "ان",
    "انه",
    "كما",
    "بعد",
    "قبل",
    "خلال",
    "عبر",
    "لدى",
    "و",
    "او",
    "ثم",
    "امس",
    "اليوم",
    "يوم",
    "الاجتماع",
    "اجتماع",
    "وذلك",
    "بينما",
    "وقد",
    "قد",
    "كل",
];

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    let mut done_sentences: Vec<usize> = Vec::new();
    for cue in an.cues.iter().filter(|m| m.group() == "chair") {
        let s = an.sentence_of(an.tokens[cue.tokens.start].start);
        if done_sentences.contains(&s) {
            continue;
        }
        done_sentences.push(s);
        let sentence = an.sentences[s].clone();
        let region = chair_region(an, sentence, cue.tokens.start);
        let ents = an.entities_in(region.clone());
        let mut chairs: Vec<(Entity, Range<usize>)> = people(an, ents, &region);
        if chairs.is_empty() {
            chairs = countries(an, ents);
        }
        if chairs.is_empty() {
            continue;
        }
        let start = chairs
            .iter()
            .map(|(_, r)| r.start)
            .min()
            .unwrap_or(0)
            .min(cue.span.start);
        let end = chairs
            .iter()
            .map(|(_, r)| r.end)
            .max()
            .unwrap_or(0)
            .max(cue.span.end);
        let mut entities: Vec<Entity> = chairs.into_iter().map(|(e, _)| e).collect();
        entities.sort();
        entities.dedup_by(|a, b| a.id == b.id);
        out.push(an.claim(Field::CoChairs, Value::Entities(entities), start..end));
    }
}

/// The part of the sentence that speaks of the chairs: participants after "بمشاركة" or before
/// "شارك … في الاجتماع الذي ترأسه" are left out.
fn chair_region(an: &Analysis, sentence: Range<usize>, cue_token: usize) -> Range<usize> {
    let s0 = an.token_at(sentence.start);
    let s1 = an.token_at(sentence.end);
    let chair_tokens: Vec<Range<usize>> = an
        .cues_in(s0..s1)
        .filter(|m| m.group() == "chair")
        .map(|m| m.tokens.clone())
        .collect();
    let mut start = sentence.start;
    let mut end = sentence.end;
    for p in an.cues_in(s0..s1).filter(|m| m.group() == "participation") {
        if chair_tokens
            .iter()
            .any(|c| c.start < p.tokens.end && p.tokens.start < c.end)
        {
            continue;
        }
        if p.tokens.start > cue_token {
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
        start = start.max(an.tokens[cue_token].start.min(end));
    }
    start..end
}

fn people(
    an: &Analysis,
    ents: &[EntityMatch],
    region: &Range<usize>,
) -> Vec<(Entity, Range<usize>)> {
    let g = an.gazetteer;
    let mut out: Vec<(Entity, Range<usize>)> = ents
        .iter()
        .filter(|e| matches!(e.entity, EntityRef::Person(_)))
        .map(|e| {
            (
                Entity {
                    id: g.id(e.entity).to_owned(),
                    country: g.entity_country(e.entity).map(str::to_owned),
                    name_en: Some(g.name_en(e.entity).to_owned()),
                },
                e.span.clone(),
            )
        })
        .collect();
    out.extend(unknown_people(an, region));
    out
}

/// Countries standing as chairs: not inside a title or after "لدى", "إلى", "في"…
fn countries(an: &Analysis, ents: &[EntityMatch]) -> Vec<(Entity, Range<usize>)> {
    let g = an.gazetteer;
    ents.iter()
        .filter(|e| match e.entity {
            EntityRef::Country(_) | EntityRef::CountryAdjective(_) => true,
            // A capital stands for its government ("ترأسته القاهرة وواشنطن"), unless it is where
            // the meeting was ("في العاصمة الرياض").
            EntityRef::City(i) => g.cities()[i].capital && !after_place_word(an, e),
            _ => false,
        })
        .filter(|e| !e.weak || ents.len() == 1)
        .filter(|e| {
            let t = an.token_at(e.span.start);
            let prev = (t > 0).then(|| an.tokens[t - 1].text(an.key()));
            let clitic = &an.key()[e.span.start..e.span.start + e.clitic_len];
            let governed = matches!(
                prev,
                Some("لدى" | "في" | "وفي" | "ضد" | "عن" | "من" | "داخل" | "الى" | "والى")
            ) || clitic.ends_with('ب');
            let after_beside = t > 1
                && an.tokens[t - 1].text(an.key()) == "جانب"
                && matches!(an.tokens[t - 2].text(an.key()), "الى" | "والى");
            after_beside || !governed || is_after_chair_word(an, t)
        })
        .filter_map(|e| {
            let code = g.entity_country(e.entity)?.to_owned();
            Some((
                Entity {
                    id: code.clone(),
                    country: Some(code),
                    name_en: None,
                },
                e.span.clone(),
            ))
        })
        .collect()
}

fn after_place_word(an: &Analysis, e: &EntityMatch) -> bool {
    let t = an.token_at(e.span.start);
    t > 0
        && matches!(
            an.tokens[t - 1].text(an.key()),
            "العاصمه" | "بالعاصمه" | "مدينه" | "بمدينه" | "في" | "وفي"
        )
}

fn is_after_chair_word(an: &Analysis, t: usize) -> bool {
    an.cues_in(t.saturating_sub(6)..t)
        .any(|m| m.group() == "chair" && (m.tokens.end == t || m.tokens.end + 1 == t))
}

/// People named after a title but missing from the gazetteer: `ar:` + their normalised name,
/// with the country of the title ("وزير الخارجية العراقي" → IQ).
fn unknown_people(an: &Analysis, region: &Range<usize>) -> Vec<(Entity, Range<usize>)> {
    let key = an.key();
    let toks = an.tokens_in(region.clone());
    let base = an.token_at(region.start);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !TITLE_HEADS.contains(&toks[i].text(key)) {
            i += 1;
            continue;
        }
        let mut country: Option<String> = None;
        let mut j = i + 1;
        // The title: title words and country names or adjectives.
        while j < toks.len() {
            let w = toks[j].text(key);
            if let Some(e) = an.entities_in(toks[j].start..toks[j].start + 1).first()
                && matches!(
                    e.entity,
                    EntityRef::Country(_) | EntityRef::CountryAdjective(_)
                )
            {
                // "المبعوث إلى سوريا", "سفير … لدى تركيا": the destination, not the person's country.
                let destination = j > 0 && matches!(toks[j - 1].text(key), "الى" | "لدى" | "في");
                if country.is_none() && !destination {
                    country = an.gazetteer.entity_country(e.entity).map(str::to_owned);
                }
                j = an.token_at(e.span.end).saturating_sub(base).max(j + 1);
                continue;
            }
            if TITLE_WORDS.contains(&w) || TITLE_HEADS.contains(&w) {
                j += 1;
                continue;
            }
            break;
        }
        // The name: up to four words, not known entities, no punctuation between them.
        let mut k = j;
        while k < toks.len() && k < j + 4 {
            let w = toks[k].text(key);
            let gap = if k > j {
                &key[toks[k - 1].end..toks[k].start]
            } else {
                " "
            };
            let known = !an.entities_in(toks[k].start..toks[k].start + 1).is_empty();
            // Names do not start with a preposition and the article ("بالاشتراك", "للتحالف").
            let prepositional = ["بال", "لل", "فال", "كال"].iter().any(|p| w.starts_with(p));
            if known
                || prepositional
                || NAME_STOPS.contains(&w)
                || w.bytes().any(|b| b.is_ascii_digit())
                || (k > j && gap.trim() != "" && !gap.trim().chars().all(|c| c == '"'))
                || an.cues_in(base + k..base + k + 1).next().is_some()
            {
                break;
            }
            k += 1;
        }
        if k >= j + 2 && country.is_some() {
            let name: Vec<&str> = toks[j..k].iter().map(|t| t.text(key)).collect();
            out.push((
                Entity {
                    id: format!("ar:{}", normalize(&name.join(" "))),
                    country,
                    name_en: None,
                },
                toks[j].start..toks[k - 1].end,
            ));
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}
