//! Where: `host_city` and `host_country`.
//!
//! Three ways news says where a meeting was: a hosting verb with its subject ("استضافت المملكة",
//! "الرياض تستضيف", "للمملكة على استضافتها"), a place after a meeting word or a holding verb
//! ("اجتماع … في الرياض", "المنعقد في العاصمة السعودية الرياض", "بالرياض"), and a meeting word
//! followed directly by a city ("اجتماع الرياض"). A city implies its country. A date line ("دمشق –
//! نورث برس") says where the report was filed, so places in date lines are never hosts.

use std::ops::Range;

use super::field::Field;
use super::{Analysis, Claim, Value};
use crate::lexicon::gazetteer::{EntityMatch, EntityRef};
use crate::text::tokens::{bare, proclitic_readings};

/// How many tokens after a meeting word a "في + place" may stand.
const MEETING_WINDOW: usize = 12;
/// How many tokens around a hosting verb its subject may stand.
const HOST_WINDOW: usize = 5;

/// Words that may stand between "في" and the city: "في العاصمة السعودية الرياض" (compared
/// without article or proclitics: "بالعاصمة").
const PLACE_WORDS: &[&str] = &["عاصمه", "مدينه", "محافظه", "منطقه", "اماره", "ولايه", "مقر"];

/// The proclitics a place word carries, if it is one ("بالعاصمه" → Some("بال")).
fn place_word(word: &str) -> Option<&str> {
    // A stem is a suffix of its word: most words end in none of the place words.
    if !PLACE_WORDS.iter().any(|p| word.ends_with(p)) {
        return None;
    }
    proclitic_readings(word)
        .into_iter()
        .find(|(_, stem, _)| PLACE_WORDS.contains(&bare(stem)))
        .map(|(n, _, _)| &word[..n])
}

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    let first_claim = out.len();
    let mut found: Vec<Range<usize>> = Vec::new(); // entity-index ranges already claimed
    // Tokens of a bare "بالعاصمة" / "في العاصمة" that a meeting word reaches.
    let mut capitals: Vec<usize> = Vec::new();
    for m in &an.cues {
        let sentence = an.sentence_range(an.tokens[m.tokens.start].start);
        let s1 = an.token_at(sentence.end);
        let s0 = an.token_at(sentence.start);
        // A meeting word reaches a place only within its clause: "ويناقش الاجتماع، الذي …،
        // تمدد التنظيم في ليبيا" names a topic, not the host.
        // A clause that goes on with where it was ("…على المستوى الوزاري، بمقر الأمانة العامة
        // في القاهرة") belongs to it.
        let clause_end = || {
            let end = super::context::clause_of(an, m.tokens.start).end.min(s1);
            if end < s1 && opens_with_place(an, end) {
                super::context::clause_of(an, end).end.min(s1)
            } else {
                end
            }
        };
        let place = match (m.group(), m.tag()) {
            ("host", "verb") => place_after(an, m.tokens.end, s1, HOST_WINDOW, false)
                .or_else(|| place_before(an, m.tokens.start, s0)),
            ("host", "held") => place_after(an, m.tokens.end, s1, MEETING_WINDOW, true),
            ("host", "label") => place_after(an, m.tokens.end, s1, 3, false),
            ("meeting", "noun") => construct_city(an, m.tokens.end)
                .or_else(|| place_after(an, m.tokens.end, clause_end(), MEETING_WINDOW, true))
                .or_else(|| place_just_before(an, m.tokens.start, s0)),
            ("meeting", "verb") => place_after(an, m.tokens.end, s1, MEETING_WINDOW, true),
            // "بحث كبار مسؤولي التحالف، أمس، بالصخيرات": the meeting's level names it too.
            ("meeting_type", _) => {
                place_after(an, m.tokens.end, clause_end(), MEETING_WINDOW, true)
            }
            _ => None,
        };
        let reaches_place = matches!(
            (m.group(), m.tag()),
            ("host", "held") | ("meeting", "noun" | "verb") | ("meeting_type", _)
        );
        if place.is_none()
            && reaches_place
            && let Some(t) = bare_capital(an, m.tokens.end, clause_end())
            && !capitals.contains(&t)
        {
            capitals.push(t);
        }
        if let Some(ents) = place
            && !found.contains(&ents)
        {
            found.push(ents.clone());
            claim_place(an, &an.entities[ents], out);
        }
    }
    if let Some(&t) = capitals.first() {
        claim_bare_capital(an, t, first_claim, out);
    }
}

/// Whether the clause at token `t` opens with where something is: "في", or a place word or a
/// place with the preposition ب ("بمقر", "بالرياض").
fn opens_with_place(an: &Analysis, t: usize) -> bool {
    let Some(tok) = an.tokens.get(t) else {
        return false;
    };
    let word = tok.text(an.key());
    if matches!(word, "في" | "وفي") {
        return true;
    }
    if place_word(word).is_some_and(|c| c.ends_with('ب') || c.ends_with("بال")) {
        return true;
    }
    entity_at_token(an, t).is_some_and(|i| {
        let e = &an.entities[i];
        is_place(e) && with_ba(an, e)
    })
}

/// "انطلقت بالعاصمة أشغال القمة": the capital named by its title alone, after "في" or with
/// the preposition ب, within a meeting word's reach and not followed by a place's name.
fn bare_capital(an: &Analysis, from: usize, end: usize) -> Option<usize> {
    let end = end.min(from + MEETING_WINDOW).min(an.tokens.len());
    for t in from..end {
        if an
            .cues_in(t..t + 1)
            .any(|c| c.group() == "host" && c.tag() == "stop")
        {
            return None;
        }
        let word = an.tokens[t].text(an.key());
        let Some(clitics) = place_word(word) else {
            continue;
        };
        let is_capital = proclitic_readings(word)
            .iter()
            .any(|(_, stem, _)| bare(stem) == "عاصمه");
        let after_fi = t > 0 && matches!(an.tokens[t - 1].text(an.key()), "في" | "وفي");
        let named = entity_at_token(an, t + 1).is_some();
        if is_capital && (after_fi || clitics.ends_with('ب') || clitics.ends_with("بال")) && !named
        {
            return Some(t);
        }
    }
    None
}

/// The capital named by its title alone is the capital of the date line's country (news says
/// "بالعاصمة" of the place it reports from), or else of the one host country the text gives
/// before it.
fn claim_bare_capital(an: &Analysis, t: usize, first_claim: usize, out: &mut Vec<Claim>) {
    let ours = &out[first_claim..];
    if ours.iter().any(|c| c.field == Field::HostCity) {
        return;
    }
    let tok = an.tokens[t];
    let at = an.evidence(tok.start..tok.end).start;
    let g = an.gazetteer;
    let dateline = an
        .entities
        .iter()
        .take_while(|e| an.line_at(e.span.start).1 <= 3)
        .filter(|e| is_place(e) && is_in_dateline(an, e))
        .find_map(|e| g.entity_country(resolve(an, e)))
        .map(str::to_owned);
    let mut before: Vec<String> = ours
        .iter()
        .filter(|c| c.evidence.start < at)
        .filter_map(|c| match (&c.field, &c.value) {
            (Field::HostCountry, Value::Country(code)) => Some(code.clone()),
            _ => None,
        })
        .collect();
    before.sort_unstable();
    before.dedup();
    let code = match (dateline, before.as_slice()) {
        (Some(code), _) => code,
        (None, [one]) => one.clone(),
        _ => return,
    };
    let named = ours
        .iter()
        .any(|c| c.field == Field::HostCountry && c.value == Value::Country(code.clone()));
    let span = tok.start..tok.end;
    let Some(claim) = capital_claim(an, &code, span.clone(), "the host country's capital") else {
        return;
    };
    out.push(claim);
    if !named {
        out.push(an.claim(Field::HostCountry, Value::Country(code), span));
    }
}

/// Whether an entity carries the preposition ب ("بالرياض", "وبجدة").
fn with_ba(an: &Analysis, e: &EntityMatch) -> bool {
    an.key()[e.span.start..e.span.start + e.clitic_len].ends_with('ب')
}

fn is_place(e: &EntityMatch) -> bool {
    matches!(
        e.entity,
        EntityRef::Country(_) | EntityRef::City(_) | EntityRef::CountryAdjective(_)
    )
}

/// The entity index starting exactly at token `t`, if any.
fn entity_at_token(an: &Analysis, t: usize) -> Option<usize> {
    let start = an.tokens.get(t)?.start;
    let i = an.entities.partition_point(|e| e.span.start < start);
    (an.entities.get(i)?.span.start == start).then_some(i)
}

fn entity_end_token(an: &Analysis, e: &EntityMatch) -> usize {
    an.token_at(e.span.end)
}

/// A run of place entities starting at token `t` ("العاصمة السعودية الرياض", "السعودية"), as an
/// entity-index range, skipping place words; `None` if no country or city is there.
fn place_run(an: &Analysis, mut t: usize, end: usize) -> Option<Range<usize>> {
    let from = t;
    // Skip "العاصمة", "مدينة"… unless the gazetteer names the whole ("مدينة الكويت").
    while t < end
        && entity_at_token(an, t).is_none()
        && place_word(an.tokens[t].text(an.key())).is_some()
    {
        t += 1;
    }
    let after_place_word = t > from;
    let first = entity_at_token(an, t)?;
    // "في مقر الجامعة العربية": a body's headquarters, in the city the gazetteer gives it.
    let at_headquarters = after_place_word && headquarters(an, &an.entities[first]).is_some();
    let mut last = first;
    while last < an.entities.len()
        && (is_place(&an.entities[last]) || (last == first && at_headquarters))
    {
        let next_t = entity_end_token(an, &an.entities[last]);
        match entity_at_token(an, next_t) {
            // "في نيويورك وباريس تؤكد": a place after "و" starts something else.
            Some(n)
                if n == last + 1
                    && next_t < end
                    && is_place(&an.entities[n])
                    && !an.key()[an.entities[n].span.start..].starts_with('و') =>
            {
                last = n
            }
            _ => break,
        }
    }
    let run = first..last + 1;
    // "في العاصمة السعودية" names a place through its country's adjective.
    an.entities[run.clone()]
        .iter()
        .any(|e| match e.entity {
            EntityRef::Country(_) | EntityRef::City(_) => true,
            EntityRef::CountryAdjective(_) => after_place_word,
            EntityRef::Organisation(_) => at_headquarters,
            _ => false,
        })
        .then_some(run)
}

fn is_in_dateline(an: &Analysis, e: &EntityMatch) -> bool {
    let key = an.key();
    let (line, _) = an.line_at(e.span.start);
    let (line_start, line_end) = (line.start, line.end);
    let before = an.tokens_in(line_start..e.span.start).len();
    if before > 0 {
        return false;
    }
    let line_tokens = an.tokens_in(line_start..line_end).len();
    let after = &key[e.span.end..line_end];
    let marker = after
        .trim_start()
        .starts_with(['-', '–', '—', ',', '(', ':', '/']);
    before == 0 && (marker || line_tokens <= 4)
}

/// A place after token `from` within `window` tokens (and the sentence). With `needs_in`, the
/// place must follow "في" or carry the preposition ب ("بالرياض").
fn place_after(
    an: &Analysis,
    from: usize,
    sentence_end: usize,
    window: usize,
    needs_in: bool,
) -> Option<Range<usize>> {
    // Days and dates between the meeting word and its place do not use up the window:
    // "اجتمعت … يوم الثلاثاء 10 نوفمبر 2026 في دولة الكويت".
    let in_time = |t: usize| {
        let tok = an.tokens[t];
        let d = an.dates.partition_point(|d| d.span.start <= tok.start);
        let w = an.weekdays.partition_point(|w| w.span.start <= tok.start);
        (d > 0 && tok.end <= an.dates[d - 1].span.end)
            || (w > 0 && tok.end <= an.weekdays[w - 1].span.end)
    };
    let mut end = from;
    let mut budget = window;
    while end < sentence_end && budget > 0 {
        if !in_time(end) {
            budget -= 1;
        }
        end += 1;
    }
    let mut t = from;
    while t < end {
        // A stop word inside a name ("التحالف الدولي ضد داعش") stops nothing.
        let tok = an.tokens[t];
        let i = an.entities.partition_point(|e| e.span.start < tok.start);
        let inside_name = i > 0 && tok.end <= an.entities[i - 1].span.end;
        if !inside_name
            && an
                .cues_in(t..t + 1)
                .any(|c| c.group() == "host" && c.tag() == "stop")
        {
            return None;
        }
        // Another meeting word starts its own phrase: the place after it is that meeting's.
        if t > from
            && an
                .cues_in(t..t + 1)
                .any(|c| c.group() == "meeting" && c.tag() == "noun")
        {
            return None;
        }
        let word = an.tokens[t].text(an.key());
        let after_fi = word == "في"
            || word == "وفي"
            || place_word(word).is_some_and(|c| c.ends_with('ب') || c.ends_with("بال"));
        let start = if word == "في" || word == "وفي" {
            t + 1
        } else {
            t
        };
        if let Some(run) = place_run(an, start, end.max(start + 1).min(sentence_end)) {
            let first = &an.entities[run.start];
            let via_ba = with_ba(an, first);
            let ok = !needs_in || after_fi || via_ba || near(an, &an.entities[run.start]);
            if ok
                && !an.entities[run.clone()]
                    .iter()
                    .any(|e| is_in_dateline(an, e))
            {
                return Some(run);
            }
            if !needs_in {
                return None;
            }
        }
        t += 1;
    }
    None
}

/// A place right before a hosting verb ("الرياض تستضيف", "للمملكة على استضافتها").
fn place_before(an: &Analysis, verb: usize, sentence_start: usize) -> Option<Range<usize>> {
    let lo = verb.saturating_sub(3).max(sentence_start);
    (lo..verb).rev().find_map(|t| {
        let run = place_run(an, t, verb)?;
        (!an.entities[run.clone()]
            .iter()
            .any(|e| is_in_dateline(an, e)))
        .then_some(run)
    })
}

/// "في العاصمة الإيطالية أعمال الاجتماع": a place after في (or ب) that ends right before the
/// meeting word.
fn place_just_before(an: &Analysis, noun: usize, sentence_start: usize) -> Option<Range<usize>> {
    let lo = noun.saturating_sub(5).max(sentence_start);
    (lo..noun).find_map(|t| {
        let word = an.tokens[t].text(an.key());
        let (start, after_fi) = if word == "في" || word == "وفي" {
            (t + 1, true)
        } else {
            (t, false)
        };
        let run = place_run(an, start, noun)?;
        let first = &an.entities[run.start];
        let via_ba = with_ba(an, first);
        let last = &an.entities[run.end - 1];
        let adjacent = an.token_at(last.span.end) == noun;
        ((after_fi || via_ba)
            && adjacent
            && !an.entities[run.clone()]
                .iter()
                .any(|e| is_in_dateline(an, e)))
        .then_some(run)
    })
}

/// "اجتماع الرياض", "مؤتمر جدة": a city right after a meeting word.
fn construct_city(an: &Analysis, t: usize) -> Option<Range<usize>> {
    let i = entity_at_token(an, t)?;
    let e = &an.entities[i];
    (matches!(e.entity, EntityRef::City(_)) && e.clitic_len == 0 && !is_in_dateline(an, e))
        .then_some(i..i + 1)
}

/// The city of an organisation's headquarters, as a gazetteer entity.
fn headquarters(an: &Analysis, e: &EntityMatch) -> Option<EntityRef> {
    let EntityRef::Organisation(i) = e.entity else {
        return None;
    };
    let g = an.gazetteer;
    let city = g.organisations().get(i)?.hq.as_deref()?;
    // The cities table is sorted by id.
    let index = g
        .cities()
        .binary_search_by(|c| c.id.as_str().cmp(city))
        .ok()?;
    Some(EntityRef::City(index))
}

/// The capital of country `code` as the host city, named by its title at `span` ("العاصمة
/// السعودية", "بالعاصمة"); `whose` says which capital in the claim's note.
fn capital_claim(an: &Analysis, code: &str, span: Range<usize>, whose: &str) -> Option<Claim> {
    let capital = an.gazetteer.country(code)?.capital.clone()?;
    let mut claim = an.claim(
        Field::HostCity,
        Value::City {
            id: capital,
            country: Some(code.to_owned()),
        },
        span,
    );
    claim.note = Some(format!("{whose}, named by its title"));
    Some(claim)
}

/// Whether a place is named as what the meeting was near ("قرب واشنطن", "بالقرب من العاصمة
/// الأمريكية"): its country is the host's, the city is not.
fn near(an: &Analysis, first: &EntityMatch) -> bool {
    let mut t = an.token_at(first.span.start);
    while t > 0 && place_word(an.tokens[t - 1].text(an.key())).is_some() {
        t -= 1;
    }
    let word = |t: usize| an.tokens[t].text(an.key());
    match t {
        0 => false,
        1 => matches!(word(0), "قرب" | "وقرب" | "بقرب"),
        _ => {
            matches!(word(t - 1), "قرب" | "وقرب" | "بقرب")
                || (word(t - 1) == "من"
                    && matches!(word(t - 2), "بالقرب" | "قريبا" | "بمقربه" | "مقربه"))
        }
    }
}

fn claim_place(an: &Analysis, run: &[EntityMatch], out: &mut Vec<Claim>) {
    let g = an.gazetteer;
    let span = run[0].span.start..run[run.len() - 1].span.end;
    let mut countries: Vec<String> = Vec::new();
    let near = near(an, &run[0]);
    for e in run {
        let entity = headquarters(an, e).unwrap_or_else(|| resolve(an, e));
        match entity {
            EntityRef::City(_) if near => {
                countries.extend(g.entity_country(entity).map(str::to_owned));
            }
            EntityRef::City(_) => {
                let country = g.entity_country(entity).map(str::to_owned);
                out.push(an.claim(
                    Field::HostCity,
                    Value::City {
                        id: g.id(entity).to_owned(),
                        country: country.clone(),
                    },
                    span.clone(),
                ));
                countries.extend(country);
            }
            EntityRef::Country(_) | EntityRef::CountryAdjective(_) => {
                countries.extend(g.entity_country(entity).map(str::to_owned));
            }
            _ => {}
        }
    }
    // "العاصمة السعودية" without the city's name: the country's capital.
    let no_city = !run.iter().any(|e| matches!(e.entity, EntityRef::City(_)));
    if no_city
        && !near
        && after_capital_word(an, &run[0])
        && let [code] = countries.as_slice()
        && let Some(claim) = capital_claim(an, code, span.clone(), "the country's capital")
    {
        out.push(claim);
    }
    countries.sort();
    countries.dedup();
    for c in countries {
        out.push(an.claim(Field::HostCountry, Value::Country(c), span.clone()));
    }
}

/// Picks between the readings of an ambiguous place name (عمان: Oman or Amman; الكويت: the
/// country or its capital): the city after "مدينة"/"العاصمة"; otherwise the reading whose country
/// the rest of the article names more often (الأردن، الأردنية make عمان Amman).
fn resolve(an: &Analysis, e: &EntityMatch) -> EntityRef {
    let Some(alt) = e.alternative else {
        return e.entity;
    };
    let g = an.gazetteer;
    let (first, second) = (g.entity_country(e.entity), g.entity_country(alt));
    let city = |r: EntityRef| matches!(r, EntityRef::City(_));
    if city(alt) && (preceded_by_city_word(an, e) || after_capital_word(an, e)) && first == second {
        return alt;
    }
    if first == second {
        return e.entity;
    }
    let mentions = |code: Option<&str>| {
        an.entities
            .iter()
            .filter(|m| m.span != e.span && m.alternative.is_none())
            .filter(|m| code.is_some() && g.entity_country(m.entity) == code)
            .count()
    };
    if mentions(second) > mentions(first) {
        alt
    } else {
        e.entity
    }
}

fn after_capital_word(an: &Analysis, e: &EntityMatch) -> bool {
    let t = an.token_at(e.span.start);
    t > 0
        && proclitic_readings(an.tokens[t - 1].text(an.key()))
            .iter()
            .any(|(_, stem, _)| bare(stem) == "عاصمه")
}

fn preceded_by_city_word(an: &Analysis, e: &EntityMatch) -> bool {
    let t = an.token_at(e.span.start);
    t > 0
        && place_word(an.tokens[t - 1].text(an.key())).is_some()
        && proclitic_readings(an.tokens[t - 1].text(an.key()))
            .iter()
            .any(|(_, stem, _)| bare(stem) == "مدينه")
}
