//! When: `meeting_weekday`, `meeting_date`, `published_weekday`, `published_date`.
//!
//! Every day and date the text mentions is given a role from the words around it (see
//! `context`): the meeting's, a statement's or post's, another event's. The article's own day
//! comes from its date line ("بيروت، الاثنين 16 آذار 2026", "بتاريخ ١٠ شباط ٢٠٢٦") and from
//! relative words ("اليوم الثلاثاء" is today; "أمس الأربعاء" makes today Thursday). A meeting date
//! stated without a year takes the year that puts it nearest the article's own date, or else
//! nearest another full date in the text.

use jiff::civil::{Date, Weekday};

use super::context::{Role, role_of};
use super::field::Field;
use super::value::Day;
use super::{Analysis, Claim, Value};
use crate::text::dates::{DateMatch, PartialDate, Relative, WeekdayMatch, weekday_name};

/// How many words a date line's place and outlet take before the date.
const DATELINE_HEAD: usize = 4;
/// A line this short that holds a date is a date line.
const DATELINE_TOKENS: usize = 8;
/// How many non-empty lines at the top of an article can hold its date line.
const DATELINE_LINES: usize = 4;

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    let mut published_dates: Vec<(PartialDate, Claim)> = Vec::new();
    let mut meeting_dates: Vec<(&DateMatch, Option<&'static str>)> = Vec::new();

    for d in &an.dates {
        let attached = attached_weekday(an, d);
        let role = match attached {
            Some(w) => weekday_role(an, w),
            None => role_of(an, token_range(an, &d.span)),
        };
        let own_date = is_dateline(an, d.span.start)
            || (role != Role::Meeting && preceded_by_date_word(an, d.span.start));
        if own_date {
            if d.date.year.is_some() && d.date.month.is_some() && d.date.day.is_some() {
                let claim = an.claim(Field::PublishedDate, Value::Date(d.date), d.span.clone());
                published_dates.push((d.date, claim));
            }
            continue;
        }
        if role == Role::Meeting {
            meeting_dates.push((d, None));
        }
    }

    let reference: Option<Date> = published_dates
        .first()
        .and_then(|(d, _)| full_date(d))
        .or_else(|| an.dates.iter().find_map(|d| full_date(&d.date)));

    for (d, _) in meeting_dates {
        let mut date = d.date;
        let mut claim_note = None;
        if date.year.is_none()
            && let Some(reference) = reference
        {
            date = date.with_year_near(reference);
            if date.year.is_some() {
                claim_note = Some(format!(
                    "year taken from the article's own date ({reference})"
                ));
            }
        }
        let mut claim = an.claim(Field::MeetingDate, Value::Date(date), d.span.clone());
        claim.note = claim_note;
        out.push(claim);
    }

    for w in &an.weekdays {
        if let Some(day) = published_day(w) {
            let mut claim = an.claim(
                Field::PublishedWeekday,
                Value::Weekday(Day(day)),
                w.span.clone(),
            );
            if day != w.weekday {
                claim.note = Some(format!(
                    "{} is yesterday or tomorrow relative to the article's own day",
                    weekday_name(w.weekday)
                ));
            }
            out.push(claim);
        }
        if is_dateline(an, w.span.start) {
            out.push(an.claim(
                Field::PublishedWeekday,
                Value::Weekday(Day(w.weekday)),
                w.span.clone(),
            ));
            continue;
        }
        if weekday_role(an, w) == Role::Meeting {
            let mut claim = an.claim(
                Field::MeetingWeekday,
                Value::Weekday(Day(w.weekday)),
                w.span.clone(),
            );
            if let Some(r) = w.relative {
                claim.note = Some(format!("stated relative to the article's day ({r:?})"));
            }
            out.push(claim);
        }
    }

    out.extend(published_dates.into_iter().map(|(_, c)| c));
}

fn full_date(d: &PartialDate) -> Option<Date> {
    Date::new(d.year?, d.month? as i8, d.day? as i8).ok()
}

fn token_range(an: &Analysis, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let a = an.token_at(span.start);
    let b = an.token_at(span.end).max(a + 1);
    a..b
}

fn weekday_role(an: &Analysis, w: &WeekdayMatch) -> Role {
    role_of(an, token_range(an, &w.span))
}

/// The article's own weekday implied by a relative day: "today Tuesday" is Tuesday, "yesterday
/// Wednesday" makes today Thursday, "tomorrow Friday" makes today Thursday.
fn published_day(w: &WeekdayMatch) -> Option<Weekday> {
    match w.relative? {
        Relative::Today => Some(w.weekday),
        Relative::Yesterday => Some(w.weekday.next()),
        Relative::Tomorrow => Some(w.weekday.previous()),
        _ => None,
    }
}

/// A weekday written right before the date it names ("الاثنين 9 شباط", "يوم الاثنين الموافق 9
/// من شباط").
fn attached_weekday<'a>(an: &'a Analysis, d: &DateMatch) -> Option<&'a WeekdayMatch> {
    let i = an.weekdays.partition_point(|w| w.span.end <= d.span.start);
    let w = an.weekdays[..i].last()?;
    (d.span.start - w.span.end <= 40 && {
        let between = &an.key()[w.span.end..d.span.start];
        let words: Vec<&str> = between
            .split(|c: char| !c.is_alphanumeric())
            .filter(|s| !s.is_empty())
            .collect();
        words.len() <= 1
            && words
                .iter()
                .all(|w| matches!(*w, "الموافق" | "الموافقه" | "في" | "من"))
    })
    .then_some(w)
}

/// Whether a normalised offset lies at the head of one of the article's first lines, where a
/// date line ("بيروت، الاثنين 16 آذار 2026", "الرياض - 10 فبراير 2026") stands.
fn is_dateline(an: &Analysis, at: usize) -> bool {
    let key = an.key();
    let (line, lines_before) = an.line_at(at);
    if lines_before >= DATELINE_LINES {
        return false;
    }
    let (line_start, line_end) = (line.start, line.end);
    let head = an.tokens_in(line_start..at);
    if head.len() > DATELINE_HEAD {
        return false;
    }
    let whole_line_is_short = an.tokens_in(line_start..line_end).len() <= DATELINE_TOKENS;
    let separated = key[line_start..at].contains([',', '-', '–', '—', '(', ':', '|']);
    if head.len() > DATELINE_HEAD || !(separated || whole_line_is_short) {
        return false;
    }
    // The words before the date name a place (and maybe an outlet), not a sentence.
    let t0 = an.token_at(line_start);
    // A date line opens with its place: "بيروت، الاثنين 16 آذار", "تونس في ٢١ أكتوبر".
    let names_place = an.entities_in(line_start..at).first().is_some_and(|e| {
        an.token_at(e.span.start) == t0
            && matches!(
                e.entity,
                crate::lexicon::gazetteer::EntityRef::City(_)
                    | crate::lexicon::gazetteer::EntityRef::Country(_)
            )
    });
    names_place
        && !an
            .cues_in(t0..t0 + head.len())
            .any(|m| matches!(m.group(), "meeting" | "speech" | "other_event"))
}

/// "بتاريخ", "تاريخ النشر", "نشر في" just before the date.
fn preceded_by_date_word(an: &Analysis, at: usize) -> bool {
    let i = an.token_at(at);
    an.tokens[i.saturating_sub(2)..i].iter().any(|t| {
        matches!(
            t.text(an.key()),
            "بتاريخ" | "تاريخ" | "وبتاريخ" | "محدث" | "تحديث"
        )
    })
}
