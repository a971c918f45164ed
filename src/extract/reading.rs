//! Each document's reading (docs/contract.md, "A document's reading"): the meeting it reports,
//! one value per scalar field with its evidence, and what every other value is about.
//!
//! The extractors find every value the text gives. Here each value is placed: in the frame of
//! the meeting the document reports, or of another meeting it names (the next one, an earlier
//! one, one it compares with: `context::frame_of`). Within the document's own frame, values are
//! weighed by where they stand (the headline and the lead count more) and by tense; the
//! best-supported value of each field is the reading, every other value becomes a mention with a
//! note. Two well-supported values that cannot both be true of one meeting are the text
//! contradicting itself: the reading keeps the better-supported one and a `self_contradiction`
//! finding quotes both.

use std::collections::BTreeMap;

use super::context::{Frame, frame_of, is_future};
use super::{Analysis, Claim, Field, FieldKind, Finding, FindingKind, Relation, Role, Value};

/// What a document says about the meeting it reports.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Meeting {
    /// The document reports a meeting: its reading is in the claims with role `reading`.
    #[default]
    Reported,
    /// The document reports no meeting (a profile, a joining announcement, an analysis).
    None { reason: String },
}

/// Weight of a value in the headline, in the lead, and elsewhere.
const HEADLINE: f32 = 3.0;
const LEAD: f32 = 2.0;
const BODY: f32 = 1.0;
/// How many sentences after the headline make the lead.
const LEAD_SENTENCES: usize = 2;
/// A value in a clause whose tense is not the document's counts this much.
const OTHER_TENSE: f32 = 0.4;
/// A losing value must have at least this much support, and this share of the winner's, to be
/// the text contradicting itself rather than a stray mention.
const CONTRADICTION_WEIGHT: f32 = 1.0;
const CONTRADICTION_SHARE: f32 = 0.3;
/// Distinct hosts of its own meeting, or dates of any meeting, that make a text a survey of
/// several meetings (a report may date the one or two other meetings it names).
const SURVEY_CITIES: usize = 3;
const SURVEY_DATES: usize = 4;

/// Where one claim stands.
#[derive(Debug, Clone, Copy)]
struct Place {
    frame: Frame,
    weight: f32,
}

/// Places every claim, picks the reading and says whether the document reports a meeting.
/// Claims an extractor already marked as mentions stay mentions.
pub fn read(an: &Analysis, claims: &mut [Claim], findings: &mut Vec<Finding>) -> Meeting {
    let layout = Layout::new(an);
    let announcement = layout.is_announcement(an);
    let mut places: Vec<Place> = claims
        .iter()
        .map(|c| place(an, &layout, c, announcement))
        .collect();
    dated_elsewhere(an, claims, &mut places);
    for (claim, place) in claims.iter_mut().zip(&places) {
        if claim.role == Role::Reading
            && place.frame != Frame::Main
            && is_about_meeting(claim.field)
        {
            mention(claim, place.frame.note());
        }
    }
    // A document that speaks only of a coming meeting, in its headline or lead, announces it:
    // that meeting is its own.
    let main_has = |claims: &[Claim]| {
        claims
            .iter()
            .any(|c| c.role == Role::Reading && is_descriptor(c.field))
    };
    if !main_has(claims) {
        let announced = claims
            .iter()
            .zip(&places)
            .any(|(c, p)| p.frame == Frame::Next && p.weight >= LEAD && is_descriptor(c.field));
        if announced {
            for (claim, place) in claims.iter_mut().zip(&places) {
                if place.frame == Frame::Next && claim.note.as_deref() == Some(Frame::Next.note()) {
                    claim.role = Role::Reading;
                    claim.note = None;
                }
            }
        }
    }
    if let Some(reason) = survey(claims) {
        for claim in claims.iter_mut() {
            if claim.role == Role::Reading && is_about_meeting(claim.field) {
                mention(claim, "one of several meetings the text surveys");
            }
        }
        return Meeting::None { reason };
    }
    // Fields that bear on each other are chosen in order: the date before the weekday it
    // implies, the host country (which each named city supports) before the city.
    choose(Field::MeetingDate, claims, &places, findings, &[]);
    let implied = implied_weekdays(claims, &places);
    choose(Field::MeetingWeekday, claims, &places, findings, &implied);
    let countries = city_countries(claims, &places);
    choose(Field::HostCountry, claims, &places, findings, &countries);
    keep_cities_of_the_host(claims);
    for field in Field::ALL {
        let done = matches!(
            field,
            Field::MeetingDate | Field::MeetingWeekday | Field::HostCountry
        );
        if !done && field.kind() != FieldKind::List {
            choose(field, claims, &places, findings, &[]);
        }
    }
    check_weekday_against_date(claims, findings);
    meeting(claims)
}

/// Why a text surveys several meetings rather than reporting one: it places meetings in three
/// cities or more that nothing sets apart as other meetings, or dates meetings to three days or
/// months or more (a report rarely dates the other meetings it names; a history does). `None`
/// for a text that reports one meeting.
fn survey(claims: &[Claim]) -> Option<String> {
    // Counting stops here, so that a text naming thousands of dates costs linear time.
    const COUNTED: usize = 64;
    let count = |n: usize| {
        if n >= COUNTED {
            format!("{COUNTED} or more")
        } else {
            n.to_string()
        }
    };
    let distinct = |field: Field| {
        let mut values: Vec<&Value> = claims
            .iter()
            .filter(|c| c.field == field)
            .filter(|c| c.role == Role::Reading || field == Field::MeetingDate)
            .map(|c| &c.value)
            .collect();
        values.sort();
        values.dedup();
        // Values that could be one another (a date and the same date without its year) count
        // once: only mutually conflicting values are different meetings.
        let mut apart: Vec<&Value> = Vec::new();
        for v in values {
            if apart.len() >= COUNTED {
                break;
            }
            if apart
                .iter()
                .all(|a| field.relate(a, v) == Relation::Conflict)
            {
                apart.push(v);
            }
        }
        apart.len()
    };
    let (cities, dates) = (distinct(Field::HostCity), distinct(Field::MeetingDate));
    if cities >= SURVEY_CITIES {
        Some(format!(
            "names meetings in {} cities without reporting one of them (a survey, a history \
             or an analysis)",
            count(cities)
        ))
    } else if dates >= SURVEY_DATES {
        Some(format!(
            "names meetings on {} different dates without reporting one of them (a survey, a \
             history or an analysis)",
            count(dates)
        ))
    } else {
        None
    }
}

/// Whether a field describes the meeting (so another meeting's value is a mention), rather than
/// the article itself.
fn is_about_meeting(field: Field) -> bool {
    field.kind() != FieldKind::PerDocument
}

/// Fields that tell which meeting a document reports.
fn is_descriptor(field: Field) -> bool {
    matches!(
        field,
        Field::MeetingWeekday
            | Field::MeetingDate
            | Field::MeetingType
            | Field::HostCity
            | Field::HostCountry
            | Field::Session
    )
}

fn mention(claim: &mut Claim, note: &str) {
    claim.role = Role::Mention;
    claim.note = Some(match claim.note.take() {
        Some(how) if !how.is_empty() => format!("{note}; {how}"),
        _ => note.to_owned(),
    });
}

/// The headline and lead of a document, by normalised offset.
struct Layout {
    /// End of the headline (the first line with text).
    headline_end: usize,
    /// End of the lead.
    lead_end: usize,
}

impl Layout {
    fn new(an: &Analysis) -> Self {
        let key = an.key();
        let first_text = an.tokens.first().map_or(0, |t| t.start);
        let headline_end = an.line_at(first_text).0.end;
        // The lead: the first sentences after the headline that are more than a date line.
        let mut lead_end = headline_end;
        let mut counted = 0;
        for s in &an.sentences {
            if s.start < headline_end {
                continue;
            }
            lead_end = s.end;
            if an.tokens_in(s.clone()).len() > 6 {
                counted += 1;
                if counted == LEAD_SENTENCES {
                    break;
                }
            }
        }
        Layout {
            headline_end: headline_end.min(key.len()),
            lead_end,
        }
    }

    fn weight(&self, at: usize) -> f32 {
        if at < self.headline_end {
            HEADLINE
        } else if at < self.lead_end {
            LEAD
        } else {
            BODY
        }
    }

    /// Whether the headline and lead announce a coming meeting rather than report one.
    fn is_announcement(&self, an: &Analysis) -> bool {
        let lead = an.token_at(0)..an.token_at(self.lead_end);
        let mut future = false;
        let mut past = false;
        for m in an.cues_in(lead) {
            if m.group() == "tense" && m.tag() == "future" {
                future = true;
            }
            if m.group() == "meeting" && m.tag() == "verb" {
                if m.future {
                    future = true;
                } else if is_past_verb(m.cue.phrase.as_str()) {
                    past = true;
                }
            }
        }
        future && !past
    }
}

/// A meeting verb cue in the past tense: perfect verbs start with neither imperfect prefix
/// (عقد، استضاف، اجتمع; not يعقد، تستضيف).
fn is_past_verb(phrase: &str) -> bool {
    !phrase.starts_with(['ي', 'ت', 'ن'])
}

fn place(an: &Analysis, layout: &Layout, claim: &Claim, announcement: bool) -> Place {
    let at = an.norm.from_original(claim.evidence.start);
    let t = an.token_at(at);
    let end = an
        .token_at(an.norm.from_original(claim.evidence.end))
        .max(t + 1);
    let frame = if is_about_meeting(claim.field) {
        frame_of(an, t..end)
    } else {
        Frame::Main
    };
    let mut weight = layout.weight(at);
    if is_about_meeting(claim.field) && t < an.tokens.len() && is_future(an, t) != announcement {
        weight *= OTHER_TENSE;
    }
    Place { frame, weight }
}

/// The support of one value of a field.
struct Candidate {
    value: Value,
    /// Claim indexes, in text order.
    claims: Vec<usize>,
    weight: f32,
}

/// How far before the article's own day a meeting it reports can be, and how far after for one
/// it announces, in days: a date further off belongs to another meeting.
const REPORTED_WITHIN: i64 = 45;
const ANNOUNCED_WITHIN: i64 = 400;

/// When the text dates a meeting near its own day, a full date far from that day is another
/// meeting's ("بعد عام من اجتماع واشنطن الذي عقد في 22 مارس 2017" in a report of 13 February
/// 2018 about a meeting that day), and so is everything its clause says of that meeting. A text
/// whose only dates are far off is left alone: it may report an old meeting.
fn dated_elsewhere(an: &Analysis, claims: &[Claim], places: &mut [Place]) {
    let Some(published) = claims
        .iter()
        .find_map(|c| match (&c.field, &c.value, c.role) {
            (Field::PublishedDate, Value::Date(d), Role::Reading) => full_date(d),
            _ => None,
        })
    else {
        return;
    };
    let offset = |c: &Claim| match &c.value {
        Value::Date(d) => full_date(d).map(|date| (date - published).get_days() as i64),
        _ => None,
    };
    let near = claims
        .iter()
        .filter(|c| c.field == Field::MeetingDate)
        .filter_map(offset)
        .any(|days| (-REPORTED_WITHIN..=ANNOUNCED_WITHIN).contains(&days));
    if !near {
        return;
    }
    let mut clauses: Vec<(std::ops::Range<usize>, Frame)> = Vec::new();
    for c in claims.iter().filter(|c| c.field == Field::MeetingDate) {
        let Some(days) = offset(c) else { continue };
        let frame = if days < -REPORTED_WITHIN {
            Frame::Previous
        } else if days > ANNOUNCED_WITHIN {
            Frame::Next
        } else {
            continue;
        };
        let t = an.token_at(an.norm.from_original(c.evidence.start));
        if t < an.tokens.len() {
            clauses.push((super::context::clause_of(an, t), frame));
        }
    }
    if clauses.is_empty() {
        return;
    }
    for (claim, place) in claims.iter().zip(places.iter_mut()) {
        if place.frame != Frame::Main || !is_about_meeting(claim.field) {
            continue;
        }
        let t = an.token_at(an.norm.from_original(claim.evidence.start));
        if let Some((_, frame)) = clauses.iter().find(|(range, _)| range.contains(&t)) {
            place.frame = *frame;
        }
    }
}

fn full_date(d: &crate::text::dates::PartialDate) -> Option<jiff::civil::Date> {
    jiff::civil::Date::new(
        d.year?,
        i8::try_from(d.month?).ok()?,
        i8::try_from(d.day?).ok()?,
    )
    .ok()
}

/// A full date counts for the weekday it falls on this much more than a bare weekday: the date
/// is the more deliberate statement.
const DATE_FOR_WEEKDAY: f32 = 1.5;

/// The weekdays the reading's full dates fall on, each with the weight of its date.
fn implied_weekdays(claims: &[Claim], places: &[Place]) -> Vec<(Value, f32)> {
    claims
        .iter()
        .zip(places)
        .filter(|(c, _)| c.field == Field::MeetingDate && c.role == Role::Reading)
        .filter_map(|(c, p)| match &c.value {
            Value::Date(d) => Some((
                Value::Weekday(super::value::Day(d.weekday()?)),
                p.weight * DATE_FOR_WEEKDAY,
            )),
            _ => None,
        })
        .collect()
}

/// The countries of the reading's host cities, each with the weight of its city.
fn city_countries(claims: &[Claim], places: &[Place]) -> Vec<(Value, f32)> {
    claims
        .iter()
        .zip(places)
        .filter(|(c, _)| c.field == Field::HostCity && c.role == Role::Reading)
        .filter_map(|(c, p)| match &c.value {
            Value::City {
                country: Some(code),
                ..
            } => Some((Value::Country(code.clone()), p.weight)),
            _ => None,
        })
        .collect()
}

/// Once the host country is chosen, a city in another country is another place.
fn keep_cities_of_the_host(claims: &mut [Claim]) {
    let Some(host) = claims
        .iter()
        .find(|c| c.field == Field::HostCountry && c.role == Role::Reading)
        .map(|c| c.value.clone())
    else {
        return;
    };
    let Value::Country(host) = host else { return };
    for claim in claims.iter_mut() {
        if claim.field == Field::HostCity
            && claim.role == Role::Reading
            && let Value::City {
                country: Some(code),
                ..
            } = &claim.value
            && *code != host
        {
            mention(claim, "a place in another country than the meeting's host");
        }
    }
}

/// Picks the reading of one scalar field among the claims still in the reading; every other
/// value becomes a mention. `extra` is support other fields lend to values of this one.
fn choose(
    field: Field,
    claims: &mut [Claim],
    places: &[Place],
    findings: &mut Vec<Finding>,
    extra: &[(Value, f32)],
) {
    let mut by_value: BTreeMap<&Value, Candidate> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.field != field || c.role != Role::Reading {
            continue;
        }
        let entry = by_value.entry(&c.value).or_insert_with(|| Candidate {
            value: c.value.clone(),
            claims: Vec::new(),
            weight: 0.0,
        });
        entry.claims.push(i);
        entry.weight += places[i].weight;
    }
    if by_value.len() < 2 {
        return;
    }
    for (value, weight) in extra {
        if let Some(c) = by_value.get_mut(value) {
            c.weight += weight;
        }
    }
    let mut candidates: Vec<Candidate> = by_value.into_values().collect();
    // A more precise value takes the support of the less precise ones it is compatible with (a
    // full date and the same day without its year). Only the best supported values can win, so
    // only they gather support: a text naming thousands of values costs linear time.
    candidates.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.claims[0].cmp(&b.claims[0]))
    });
    // Support is each value's own, whatever order the values are weighed in.
    let own: Vec<f32> = candidates.iter().map(|c| c.weight).collect();
    for i in 0..candidates.len().min(CONTENDERS) {
        for j in 0..candidates.len() {
            if i != j
                && precision(&candidates[i].value) > precision(&candidates[j].value)
                && field.relate(&candidates[i].value, &candidates[j].value) == Relation::Compatible
            {
                candidates[i].weight += own[j];
            }
        }
    }
    // Best supported first; ties go to the value stated first in the text.
    candidates.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(precision(&b.value).cmp(&precision(&a.value)))
            .then(a.claims[0].cmp(&b.claims[0]))
    });
    let best = &candidates[0];
    let best_first = best.claims[0];
    let mut reported = false;
    for other in &candidates[1..] {
        let relation = field.relate(&best.value, &other.value);
        let note = match relation {
            Relation::Same => continue,
            Relation::Compatible => "the same meeting, named less precisely".to_owned(),
            Relation::Conflict => {
                let contradicts = is_descriptor(field) || field == Field::MemberCount;
                // A count is rarely another meeting's; a place or a day often is, so it needs
                // the headline or lead, or more than one statement.
                let needed = if field == Field::MemberCount {
                    CONTRADICTION_WEIGHT
                } else {
                    CONTRADICTION_WEIGHT * 2.0
                };
                let strong =
                    other.weight >= needed && other.weight >= CONTRADICTION_SHARE * best.weight;
                if contradicts && strong && field != Field::MeetingType && !reported {
                    reported = true;
                    let (a, b) = (&claims[best_first], &claims[other.claims[0]]);
                    findings.push(Finding {
                        kind: FindingKind::SelfContradiction,
                        message: format!(
                            "the text gives two values of {} for its own meeting: {} («{}», line {}) \
                             and {} («{}», line {}); the reading takes {}",
                            field.label(),
                            a.value,
                            a.evidence.text,
                            a.evidence.line,
                            b.value,
                            b.evidence.text,
                            b.evidence.line,
                            a.value
                        ),
                        evidence: Some(b.evidence.clone()),
                    });
                    format!(
                        "contradicts the reading {} given elsewhere in the text",
                        best.value
                    )
                } else if field.kind() == FieldKind::PerDocument {
                    "another date given for the article".to_owned()
                } else {
                    "probably another meeting or background".to_owned()
                }
            }
        };
        for &i in &other.claims {
            mention(&mut claims[i], &note);
        }
    }
}

/// How many of a field's values, the best supported first, may gather the support of the
/// values they are compatible with.
const CONTENDERS: usize = 64;

/// How precise a value is, for choosing among compatible ones.
fn precision(v: &Value) -> u8 {
    match v {
        Value::Date(d) => {
            u8::from(d.year.is_some()) + u8::from(d.month.is_some()) + u8::from(d.day.is_some())
        }
        // A person says more than the country they stand for ("برئاسة العراق" and "برئاسة
        // وزير الخارجية العراقي فلان" name one chair).
        Value::Entities(es) => es.iter().fold(0u8, |n, e| {
            n.saturating_add(if e.is_country() { 1 } else { 2 })
        }),
        _ => 0,
    }
}

/// A reading whose full date falls on another weekday than the one it states contradicts
/// itself.
fn check_weekday_against_date(claims: &[Claim], findings: &mut Vec<Finding>) {
    let reading = |field: Field| {
        claims
            .iter()
            .find(|c| c.field == field && c.role == Role::Reading)
    };
    let (Some(date), Some(day)) = (reading(Field::MeetingDate), reading(Field::MeetingWeekday))
    else {
        return;
    };
    let (Value::Date(d), Value::Weekday(w)) = (&date.value, &day.value) else {
        return;
    };
    let Some(actual) = d.weekday() else { return };
    if actual != w.0 {
        findings.push(Finding {
            kind: FindingKind::SelfContradiction,
            message: format!(
                "the text dates its meeting {} («{}», line {}), a {}, but calls it {} («{}», line {})",
                d.iso(),
                date.evidence.text,
                date.evidence.line,
                crate::text::dates::weekday_name(actual),
                crate::text::dates::weekday_name(w.0),
                day.evidence.text,
                day.evidence.line
            ),
            evidence: Some(day.evidence.clone()),
        });
    }
}

/// Whether the reading describes a meeting, and why not when it does not.
fn meeting(claims: &[Claim]) -> Meeting {
    let described = claims
        .iter()
        .any(|c| is_descriptor(c.field) && c.role == Role::Reading);
    if described {
        return Meeting::Reported;
    }
    let elsewhere = claims
        .iter()
        .any(|c| is_descriptor(c.field) && c.role == Role::Mention);
    let reason = if elsewhere {
        "reports no meeting of its own: the only meetings it names are others (an earlier, a \
         coming or a compared meeting)"
    } else {
        "reports no meeting: no date, place or type of a meeting is named"
    };
    Meeting::None {
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::lexicon::gazetteer::Gazetteer;

    fn reading(text: &str, field: Field) -> Vec<String> {
        let mut out: Vec<String> = extract(text, Gazetteer::builtin())
            .claims
            .iter()
            .filter(|c| c.field == field && c.role == Role::Reading)
            .map(|c| c.value.key())
            .collect();
        out.dedup();
        out
    }

    fn mentions(text: &str, field: Field) -> Vec<String> {
        extract(text, Gazetteer::builtin())
            .claims
            .iter()
            .filter(|c| c.field == field && c.role == Role::Mention)
            .map(|c| c.value.key())
            .collect()
    }

    #[test]
    fn the_next_meeting_is_a_mention() {
        let text = "وزراء التحالف يجتمعون في روما\n\
                    اجتمع وزراء خارجية التحالف الدولي في روما يوم الثلاثاء، \
                    واتفقوا على أن يعقد الاجتماع المقبل في الرياض.";
        assert_eq!(reading(text, Field::HostCity), vec!["Rome"]);
        assert_eq!(mentions(text, Field::HostCity), vec!["Riyadh"]);
    }

    #[test]
    fn an_announcement_reads_the_coming_meeting() {
        let text = "الرباط تستضيف الاجتماع المقبل للتحالف\n\
                    ستستضيف العاصمة المغربية الرباط الاجتماع المقبل لوزراء خارجية التحالف الدولي \
                    يوم الخميس.";
        assert_eq!(reading(text, Field::HostCity), vec!["Rabat"]);
        let found = extract(text, Gazetteer::builtin());
        assert!(
            found
                .findings
                .iter()
                .all(|f| f.kind != FindingKind::SelfContradiction)
        );
    }

    #[test]
    fn two_counts_for_one_meeting_contradict_the_text() {
        let text = "اجتماع للتحالف في بغداد\n\
                    عقد التحالف الدولي اجتماعا في بغداد يوم الأحد، وأكد أعضاؤه البالغ عددهم 70 عضوا دعمهم للعراق.\n\
                    وقال البيان إن أعضاء التحالف البالغ عددهم 71 عضوا جددوا التزامهم.";
        let found = extract(text, Gazetteer::builtin());
        let counts: Vec<_> = found
            .claims
            .iter()
            .filter(|c| c.field == Field::MemberCount)
            .map(|c| (c.value.key(), c.role))
            .collect();
        assert_eq!(
            counts,
            vec![("70".into(), Role::Reading), ("71".into(), Role::Mention)]
        );
        assert!(
            found
                .findings
                .iter()
                .any(|f| f.kind == FindingKind::SelfContradiction),
            "{:?}",
            found.findings
        );
    }

    #[test]
    fn a_joining_announcement_reports_no_meeting() {
        let text = "دولة جديدة تنضم إلى التحالف\n\
                    أعلنت وزارة الخارجية انضمام البلاد إلى التحالف الدولي لتصبح العضو رقم 88.";
        let found = extract(text, Gazetteer::builtin());
        assert!(
            matches!(found.meeting, Meeting::None { .. }),
            "{:?}",
            found.meeting
        );
    }
}
