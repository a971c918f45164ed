//! When: `meeting_weekday`, `meeting_date`, `published_weekday`, `published_date`.
//!
//! Every day and date the text mentions is given a role from the words around it (see
//! `context`): the meeting's, a statement's or post's, another event's. The article's own day
//! comes first, from its date line ("بيروت، الاثنين 16 آذار 2026", "تونس في ٢١ أكتوبر (وكالة …)"),
//! a time stamp ("نشر في: السبت ١٢ مارس ٢٠٢٢ - ٣:٤٥ م"), a date the text calls today ("قال
//! اليوم الأحد 14 مارس 2021") or a publication date ("بتاريخ ١٠ شباط ٢٠٢٦"); relative words give
//! its weekday ("اليوم الثلاثاء"; "أمس الأربعاء" makes it Thursday). Relative days (أمس، الأحد
//! الماضي، قبل يومين، في 9 من الشهر الجاري) and year-less dates of the meeting are then resolved
//! against it, and every resolved claim's note says against what.
//!
//! A year-less date takes the year in which a weekday beside it fits ("الخميس 15 أغسطس"),
//! else the year that puts it on or before the article's day for a report and on or after it
//! for an announcement; with no day of its own, the article's nearest other full date.

use std::ops::Range;

use jiff::civil::{Date, Weekday};

use super::context::{Role, clause_of, role_of, taking_part};
use super::field::Field;
use super::value::Day;
use super::{Analysis, Claim, Value};
use crate::lexicon::cues::CueMatch;
use crate::lexicon::gazetteer::EntityRef;
use crate::text::dates::{
    Calendar, DateMatch, Direction, Near, PartialDate, Relative, RelativeDay, RelativeDayMatch,
    SourceCalendar, WeekdayMatch, add_days, resolve_weekday, weekday_name,
};
use crate::text::tokens::{Token, is_digits, proclitic_readings};

/// How many words a date line's place and outlet take before the date (outside brackets).
const DATELINE_HEAD: usize = 4;
/// A line this short that holds a date is a date line.
const DATELINE_TOKENS: usize = 8;
/// How many non-empty lines at the top of an article can hold its date line.
const DATELINE_LINES: usize = 4;
/// A line this short that holds a publication cue is a time stamp wherever the cue stands.
const STAMP_TOKENS: usize = 14;
/// How many lines at the end of an article can hold its time stamp.
const STAMP_LAST_LINES: usize = 2;
/// How many words a line that is only a date may hold besides it (a byline, an outlet).
const STAMP_EXTRA: usize = 3;
/// How many tokens from a bare relative day ("أمس") the meeting's word may stand.
const RELATIVE_REACH: usize = 6;
/// How many bytes back a quotation mark may open the quotation a relative day stands in.
const QUOTE_REACH: usize = 600;
/// How many tokens before and after a day its tense is read from.
const TENSE_BEFORE: usize = 12;
const TENSE_AFTER: usize = 6;

/// How the article's own day was found, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    DateLine,
    TimeStamp,
    /// "اليوم الأحد 14 مارس 2021" in the text.
    Today,
    /// "بتاريخ ١٠ شباط ٢٠٢٦" outside a meeting's or another event's sentence.
    DateWord,
    /// "أمس الثلاثاء 20 أكتوبر 2026" gives the day after; used as a reference, never claimed.
    Shifted,
}

impl Source {
    fn describe(self) -> &'static str {
        match self {
            Source::DateLine => "date line",
            Source::TimeStamp => "time stamp",
            Source::Today => "a date the text calls today",
            Source::DateWord => "publication date",
            Source::Shifted => "a relative day with its date",
        }
    }

    /// Whether a date found this way is about the article and nothing else.
    fn only_the_article(self) -> bool {
        matches!(
            self,
            Source::DateLine | Source::TimeStamp | Source::DateWord
        )
    }
}

/// The article's own day, as far as the text gives it.
#[derive(Debug, Clone, Copy, Default)]
struct OwnDay {
    date: Option<(Date, Source)>,
    /// Known with the date, or alone from relative words ("اليوم الخميس").
    weekday: Option<Weekday>,
}

impl OwnDay {
    fn against(&self) -> String {
        match (self.date, self.weekday) {
            (Some((d, s)), _) => format!("the article's date {d} ({})", s.describe()),
            (None, Some(w)) => format!("the article's weekday {}", weekday_name(w)),
            (None, None) => "nothing: the article's day is unknown".into(),
        }
    }
}

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    let dates = &an.dates;
    let attached: Vec<Option<usize>> = dates.iter().map(|d| attached_weekday(an, d)).collect();
    let mut roles = Vec::with_capacity(dates.len());
    let mut own: Vec<Option<Source>> = Vec::with_capacity(dates.len());
    for (k, d) in dates.iter().enumerate() {
        let w = attached[k].map(|i| &an.weekdays[i]);
        let role = match w {
            Some(w) => weekday_role(an, w),
            None => role_of(an, token_range(an, &d.span)),
        };
        let start = w.map_or(d.span.start, |w| w.span.start);
        let source = if is_dateline(an, start, d.span.end) {
            Some(Source::DateLine)
        } else if is_stamp(an, start, d.span.end) {
            Some(Source::TimeStamp)
        } else if k > 0 && corresponds(an, &dates[k - 1], d) && own[k - 1].is_some() {
            // "… 1 رمضان 1444هـ الموافق 23 مارس 2023م": the second names the same day.
            own[k - 1]
        } else if today_before(an, d, w).is_some() {
            Some(Source::Today)
        } else if !matches!(role, Role::Meeting | Role::Other) && preceded_by_date_word(an, start) {
            Some(Source::DateWord)
        } else {
            None
        };
        roles.push(role);
        own.push(source);
    }

    // The article's own date without a year ("بغداد – الأحد 11 آب"): the year is found from the
    // weekday and the years the text names.
    let own_dates: Vec<PartialDate> = (0..dates.len())
        .map(|k| match own[k] {
            Some(_) => own_year(an, k, &attached).unwrap_or(dates[k].date),
            None => dates[k].date,
        })
        .collect();

    // The article's own date: the most trusted source, then the first in the text.
    let mut candidates: Vec<(Source, usize, Date)> = (0..dates.len())
        .filter_map(|k| Some((own[k]?, k, full_date(&own_dates[k])?)))
        .collect();
    for (k, d) in dates.iter().enumerate() {
        let shift = attached[k].and_then(|i| an.weekdays[i].relative?.days());
        if let (Some(days), Some(date)) = (shift, full_date(&d.date))
            && let Some(today) = add_days(date, -i32::from(days))
        {
            candidates.push((Source::Shifted, k, today));
        }
    }
    candidates.sort_by_key(|(s, k, _)| (*s, *k));
    let mut own_day = OwnDay {
        date: candidates.first().map(|(s, _, d)| (*d, *s)),
        weekday: None,
    };
    own_day.weekday = own_day.date.map(|(d, _)| d.weekday());

    for (k, d) in dates.iter().enumerate() {
        let Some(source) = own[k] else { continue };
        if full_date(&own_dates[k]).is_none() {
            continue;
        }
        // A Hijri date paired with its Gregorian one: the Gregorian is what the outlet printed.
        let gregorian_beside = |j: Option<usize>| {
            j.and_then(|j| dates.get(j)).is_some_and(|o| {
                o.calendar == SourceCalendar::Gregorian && full_date(&o.date).is_some()
            })
        };
        if d.calendar == SourceCalendar::Hijri
            && ((k > 0 && corresponds(an, &dates[k - 1], d) && gregorian_beside(Some(k - 1)))
                || (dates.get(k + 1).is_some_and(|n| corresponds(an, d, n))
                    && gregorian_beside(Some(k + 1))))
        {
            continue;
        }
        let span = match source {
            Source::Today => {
                let w = attached[k].map(|i| &an.weekdays[i]);
                today_before(an, d, w).unwrap_or(d.span.start)..d.span.end
            }
            _ => d.span.clone(),
        };
        let mut claim = an.claim(Field::PublishedDate, Value::Date(own_dates[k]), span);
        if d.date.year.is_none() {
            claim.note = Some(format!(
                "year {} from {}",
                own_dates[k].year.unwrap_or_default(),
                match attached[k].is_some()
                    || an.weekdays.iter().any(|w| published_day(w).is_some())
                {
                    true => "the weekday and the latest year the text names",
                    false => "the latest year the text names",
                }
            ));
        }
        out.push(claim);
    }

    // Weekdays that are the article's own: in its date line, or beside its own date.
    let mut own_weekdays = vec![false; an.weekdays.len()];
    for (k, w) in attached.iter().enumerate() {
        if let Some(i) = *w
            && own[k].is_some_and(Source::only_the_article)
        {
            own_weekdays[i] = true;
        }
    }
    for (i, w) in an.weekdays.iter().enumerate() {
        if is_dateline(an, w.span.start, w.span.end) {
            own_weekdays[i] = true;
        }
        if own_weekdays[i] {
            out.push(an.claim(
                Field::PublishedWeekday,
                Value::Weekday(Day(w.weekday)),
                w.span.clone(),
            ));
            own_day.weekday = own_day.weekday.or(Some(w.weekday));
        } else if let Some(day) = published_day(w) {
            let mut claim = an.claim(
                Field::PublishedWeekday,
                Value::Weekday(Day(day)),
                w.span.clone(),
            );
            if day != w.weekday {
                claim.note = Some(format!(
                    "{} is {} relative to the article's own day",
                    weekday_name(w.weekday),
                    describe_relative(w.relative)
                ));
            }
            out.push(claim);
            own_day.weekday = own_day.weekday.or(Some(day));
        }
    }

    meeting_dates(an, &attached, &roles, &own, own_day, out);
    meeting_weekdays(an, &attached, &own_weekdays, own_day, out);
    relative_days(an, own_day, out);
}

/// Claims for the dates of the meeting, with missing years filled.
fn meeting_dates(
    an: &Analysis,
    attached: &[Option<usize>],
    roles: &[Role],
    own: &[Option<Source>],
    own_day: OwnDay,
    out: &mut Vec<Claim>,
) {
    let dates = &an.dates;
    // Without the article's own date, another full date in the text is the best guide to a
    // missing year.
    let fallback = dates.iter().find_map(|d| full_date(&d.date));
    for (k, d) in dates.iter().enumerate() {
        if own[k].is_some_and(Source::only_the_article) {
            continue;
        }
        // A date of something else stays in the claims as a mention, with what it dates.
        let other = match roles[k] {
            Role::Meeting => None,
            Role::Speech => Some("the day of a statement, not of the meeting"),
            Role::Other => Some("another dated event (a founding, a joining…)"),
            Role::Unknown => Some("background: the text does not tie this date to the meeting"),
        };
        let weekday = attached[k].map(|i| an.weekdays[i].weekday);
        let (date, note) = fill_year(an, d, weekday, own_day, fallback);
        let mut claim = an.claim(Field::MeetingDate, Value::Date(date), d.span.clone());
        claim.note = note;
        if let Some(what) = other {
            claim.role = super::Role::Mention;
            claim.note = Some(what.to_owned());
            out.push(claim);
            continue;
        }
        // A Hijri date paired with a Gregorian one that the conversion does not meet: the
        // Gregorian date is the reading, the Hijri one a mention (moon sighting moves it a day).
        let partner = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| dates.get(j).map(|o| (j, o)))
            .find(|(j, o)| {
                let (a, b) = if *j < k { (*o, d) } else { (d, *o) };
                o.calendar == SourceCalendar::Gregorian && corresponds(an, a, b)
            });
        if d.calendar == SourceCalendar::Hijri
            && let Some((_, greg)) = partner
            && greg.date.year.is_some()
            && greg.date != date
        {
            claim.role = super::Role::Mention;
            claim.note = Some(format!(
                "Hijri date converted with Umm al-Qura to {}; the text pairs it with {}",
                date.iso(),
                greg.date.iso()
            ));
        }
        out.push(claim);
    }
}

/// Claims for the weekdays of the meeting, and the date a weekday names when the article's
/// date is known.
fn meeting_weekdays(
    an: &Analysis,
    attached: &[Option<usize>],
    own_weekdays: &[bool],
    own_day: OwnDay,
    out: &mut Vec<Claim>,
) {
    let mut dated = vec![false; an.weekdays.len()];
    for i in attached.iter().flatten() {
        dated[*i] = true;
    }
    for (i, w) in an.weekdays.iter().enumerate() {
        if own_weekdays[i] || weekday_role(an, w) != Role::Meeting {
            continue;
        }
        let mut claim = an.claim(
            Field::MeetingWeekday,
            Value::Weekday(Day(w.weekday)),
            w.span.clone(),
        );
        if w.relative.is_some() {
            claim.note = Some(format!(
                "{}, stated relative to the article's own day",
                describe_weekday(w.weekday, w.relative)
            ));
        }
        out.push(claim);
        // A weekday written with its date is dated by it.
        if dated[i] {
            continue;
        }
        let Some((reference, _)) = own_day.date else {
            continue;
        };
        // Only a weekday without a word placing it needs the tense.
        let direction = match w.relative {
            Some(Relative::Next | Relative::NextWeek) => Direction::Future,
            // A weekday alone is more often a report's.
            None | Some(Relative::ThisWeek) => {
                tense_at(an, token_range(an, &w.span)).unwrap_or(Direction::Past)
            }
            Some(_) => Direction::Past,
        };
        let Some(date) = resolve_weekday(reference, w.weekday, w.relative, direction) else {
            continue;
        };
        let Some(date) = PartialDate::full(date.year(), date.month() as u8, date.day() as u8)
        else {
            continue;
        };
        let how = match w.relative {
            None => format!(
                "{}, the nearest {} {}",
                weekday_name(w.weekday),
                match direction {
                    Direction::Past => "on or before",
                    Direction::Future => "after",
                },
                match direction {
                    Direction::Past => "it (a report)",
                    Direction::Future => "it (an announcement)",
                }
            ),
            Some(r) => format!("{} {}", describe_relative(Some(r)), weekday_name(w.weekday)),
        };
        let mut claim = an.claim(Field::MeetingDate, Value::Date(date), w.span.clone());
        claim.note = Some(format!("{how}, against {}", own_day.against()));
        out.push(claim);
    }
}

/// Claims from relative days without a weekday ("عقد أمس", "في 9 من الشهر الجاري"), where the
/// article's own day makes them a date or a weekday.
fn relative_days(an: &Analysis, own_day: OwnDay, out: &mut Vec<Claim>) {
    for r in &an.relative_days {
        let tokens = token_range(an, &r.span);
        if role_of(an, tokens.clone()) != Role::Meeting
            || date_follows(an, r)
            || !meeting_word_near(an, tokens)
            || quoted(an, r.span.start)
        {
            continue;
        }
        let what = describe_day(r.day);
        match (r.day, own_day.date, own_day.weekday) {
            (RelativeDay::Days(n), Some((reference, _)), _) => {
                let Some(date) = add_days(reference, i32::from(n)).and_then(partial) else {
                    continue;
                };
                let mut claim = an.claim(Field::MeetingDate, Value::Date(date), r.span.clone());
                claim.note = Some(format!("{what}, against {}", own_day.against()));
                out.push(claim);
            }
            (RelativeDay::Days(n), None, Some(today)) => {
                let day = today.wrapping_add(i64::from(n));
                let mut claim = an.claim(
                    Field::MeetingWeekday,
                    Value::Weekday(Day(day)),
                    r.span.clone(),
                );
                claim.note = Some(format!("{what}, against {}", own_day.against()));
                out.push(claim);
            }
            (RelativeDay::DayOfMonth { months, day }, Some((reference, _)), _) => {
                let index = i32::from(reference.year()) * 12 + i32::from(reference.month()) - 1
                    + i32::from(months);
                let (Ok(year), Ok(month)) = (
                    i16::try_from(index.div_euclid(12)),
                    u8::try_from(index.rem_euclid(12) + 1),
                ) else {
                    continue;
                };
                let Some(date) = PartialDate::full(year, month, day) else {
                    continue;
                };
                let mut claim = an.claim(Field::MeetingDate, Value::Date(date), r.span.clone());
                claim.note = Some(format!("{what}, against {}", own_day.against()));
                out.push(claim);
            }
            _ => {}
        }
    }
}

/// Whether a verb of the meeting stands within a few words of tokens `expr` in its sentence:
/// a bare "اليوم" or "أمس" belongs to the verb next to it, which must be the meeting's ("عُقد
/// أمس"), not to another one that the meeting's noun merely stands near ("يصدر بيان الاجتماع
/// مساء اليوم").
fn meeting_word_near(an: &Analysis, expr: Range<usize>) -> bool {
    let Some(first) = an.tokens.get(expr.start) else {
        return false;
    };
    let sentence = an.sentence_range(first.start);
    let (s0, s1) = (an.token_at(sentence.start), an.token_at(sentence.end));
    let from = expr.start.saturating_sub(RELATIVE_REACH).max(s0);
    let to = (expr.end + RELATIVE_REACH).min(s1);
    let verb = |m: &CueMatch| m.group() == "meeting" && m.tag() == "verb";
    if an.cues_in(from..to).any(&verb) || taking_part(an, expr.clone()).is_some() {
        return true;
    }
    // "في اجتماعهم أمس", "خلال الاجتماع اليوم": the day right after the meeting's noun, in a
    // phrase that places something in that meeting (not "بيان الاجتماع مساء اليوم").
    let key = an.key();
    let noun_before = an
        .cues_in(expr.start.saturating_sub(3)..expr.start)
        .any(|m| {
            m.group() == "meeting"
                && m.tag() == "noun"
                && m.tokens.end == expr.start
                && m.tokens.start > 0
                && matches!(
                    an.tokens[m.tokens.start - 1].text(key),
                    "في" | "وفي" | "خلال" | "اثناء" | "عقب" | "بعد" | "قبل"
                )
        });
    if noun_before {
        return true;
    }
    // A long subject may stand between the verb and the day when the meeting's noun follows it
    // at once: "افتتح الأمير فيصل بن فرحان وزير الخارجية اليوم الاجتماع".
    let clause = clause_of(an, expr.start);
    let noun_next = an
        .cues_in(expr.end..(expr.end + 2).min(s1))
        .any(|m| m.group() == "meeting" && m.tag() == "noun");
    noun_next && an.cues_in(clause.start.max(s0)..expr.start).any(verb)
}

/// Whether byte `at` stands inside a quotation (an odd number of quote marks before it in the
/// last few hundred bytes): a quoted "اليوم" is the speaker's, often "nowadays".
fn quoted(an: &Analysis, at: usize) -> bool {
    let bytes = an.key().as_bytes();
    let from = at.saturating_sub(QUOTE_REACH);
    let line_start = bytes[from..at]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(from, |i| from + i + 1);
    bytes[line_start..at].iter().filter(|b| **b == b'"').count() % 2 == 1
}

fn partial(d: Date) -> Option<PartialDate> {
    PartialDate::full(d.year(), d.month() as u8, d.day() as u8)
}

/// A year for a date written without one, and a note saying how it was chosen.
fn fill_year(
    an: &Analysis,
    d: &DateMatch,
    weekday: Option<Weekday>,
    own_day: OwnDay,
    fallback: Option<Date>,
) -> (PartialDate, Option<String>) {
    let date = d.date;
    if date.year.is_some() || date.month.is_none() {
        return (date, None);
    }
    let (reference, against) = match (own_day.date, fallback) {
        (Some((r, _)), _) => (r, own_day.against()),
        (None, Some(r)) => (r, format!("another date in the text ({r})")),
        (None, None) => return (date, None),
    };
    let direction = match d.near {
        Some(Near::Last) => Some(Direction::Past),
        Some(Near::Next) => Some(Direction::Future),
        _ => tense_at(an, token_range(an, &d.span)),
    };
    if let Some(w) = weekday
        && date.day.is_some()
    {
        let tie = direction.unwrap_or(Direction::Past);
        return match date.with_year_for_weekday(w, reference, tie) {
            Some(filled) => (
                filled,
                Some(format!(
                    "year {} is the nearest to {against} in which {} is a {}",
                    filled.year.unwrap_or_default(),
                    day_and_month(date),
                    weekday_name(w)
                )),
            ),
            None => (
                date,
                Some(format!(
                    "no year within six years of {against} makes {} a {}: year left out",
                    day_and_month(date),
                    weekday_name(w)
                )),
            ),
        };
    }
    let this_month = d.near == Some(Near::This) && own_day.date.is_some();
    let (filled, how) = match (direction, own_day.date) {
        _ if this_month => (
            PartialDate {
                year: Some(reference.year()),
                ..date
            },
            ": this month",
        ),
        (Some(direction), Some(_)) => (
            date.with_year_towards(reference, direction),
            match direction {
                Direction::Past => ": on or before it (a report)",
                Direction::Future => ": on or after it (an announcement)",
            },
        ),
        // Without the article's own day, or without a tense, the nearest year.
        _ => (date.with_year_near(reference), ", the nearest"),
    };
    if !filled.is_valid() || filled.year.is_none() {
        return (date, None);
    }
    let note = filled.year.map(|y| format!("year {y} from {against}{how}"));
    (filled, note)
}

/// "15 August", for notes.
fn day_and_month(d: PartialDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = d
        .month
        .and_then(|m| MONTHS.get(usize::from(m).checked_sub(1)?))
        .copied()
        .unwrap_or("");
    match d.day {
        Some(day) => format!("{day} {month}"),
        None => month.to_owned(),
    }
}

/// Whether a report or an announcement speaks around tokens `expr`: an announcement has a word
/// of the future near it in its sentence (ستعقد، من المقرر، تستضيف); a report has a verb of the
/// meeting and no such word (عُقد، استضافت، اختتم). `None` when neither shows.
fn tense_at(an: &Analysis, expr: Range<usize>) -> Option<Direction> {
    let cal = Calendar::builtin();
    let first = an.tokens.get(expr.start)?;
    let sentence = an.sentence_range(first.start);
    let s0 = an
        .token_at(sentence.start)
        .max(expr.start.saturating_sub(TENSE_BEFORE));
    let s1 = an
        .token_at(sentence.end)
        .min(expr.end + TENSE_AFTER)
        .min(an.tokens.len());
    let future = an.tokens[s0..s1.max(s0)].iter().any(|t| {
        proclitic_readings(t.text(an.key()))
            .iter()
            .any(|(_, stem, _)| cal.is_future(stem))
    });
    if future {
        return Some(Direction::Future);
    }
    an.cues_in(s0..s1)
        .any(|m| m.group() == "meeting" && m.tag() == "verb")
        .then_some(Direction::Past)
}

/// What a relative word says, for notes.
fn describe_relative(r: Option<Relative>) -> &'static str {
    match r {
        None => "",
        Some(Relative::DayBeforeYesterday) => "the day before yesterday",
        Some(Relative::Yesterday) => "yesterday",
        Some(Relative::Today) => "today",
        Some(Relative::Tomorrow) => "tomorrow",
        Some(Relative::DayAfterTomorrow) => "the day after tomorrow",
        Some(Relative::Last) => "last",
        Some(Relative::Next) => "next",
        Some(Relative::LastWeek) => "of last week",
        Some(Relative::ThisWeek) => "of this week",
        Some(Relative::NextWeek) => "of next week",
    }
}

/// A weekday with its relative word, for notes: "last sunday", "sunday of last week".
fn describe_weekday(w: Weekday, r: Option<Relative>) -> String {
    let name = weekday_name(w);
    match r {
        None => name.to_owned(),
        Some(Relative::LastWeek | Relative::ThisWeek | Relative::NextWeek) => {
            format!("{name} {}", describe_relative(r))
        }
        Some(_) => format!("{} {name}", describe_relative(r)),
    }
}

fn describe_day(day: RelativeDay) -> String {
    match day {
        RelativeDay::Days(-2) => "the day before yesterday".into(),
        RelativeDay::Days(-1) => "yesterday".into(),
        RelativeDay::Days(0) => "today".into(),
        RelativeDay::Days(1) => "tomorrow".into(),
        RelativeDay::Days(2) => "the day after tomorrow".into(),
        RelativeDay::Days(n) if n % 7 == 0 && n < 0 => format!("{} week(s) before", -n / 7),
        RelativeDay::Days(n) if n % 7 == 0 => format!("{} week(s) after", n / 7),
        RelativeDay::Days(n) if n < 0 => format!("{} days before", -n),
        RelativeDay::Days(n) => format!("{n} days after"),
        RelativeDay::DayOfMonth { months, day } => format!(
            "day {day} of {} month",
            match months {
                -1 => "last",
                0 => "this",
                _ => "next",
            }
        ),
    }
}

fn full_date(d: &PartialDate) -> Option<Date> {
    Date::new(d.year?, d.month? as i8, d.day? as i8).ok()
}

fn token_range(an: &Analysis, span: &Range<usize>) -> Range<usize> {
    let a = an.token_at(span.start);
    let b = an.token_at(span.end).max(a + 1);
    a..b
}

fn weekday_role(an: &Analysis, w: &WeekdayMatch) -> Role {
    role_of(an, token_range(an, &w.span))
}

/// The article's own date `k` with its missing year filled: the year in which the day falls on
/// the article's weekday (written beside it, or implied by "بعد غد الثلاثاء") nearest to the
/// latest year the text names, or that year itself when no weekday is known. `None` when the
/// date has its year, lacks a day or month, or the text names no year.
fn own_year(an: &Analysis, k: usize, attached: &[Option<usize>]) -> Option<PartialDate> {
    let date = an.dates[k].date;
    if date.year.is_some() || date.month.is_none() || date.day.is_none() {
        return None;
    }
    let latest = an
        .dates
        .iter()
        .filter(|d| d.date.month.is_some())
        .filter_map(|d| d.date.year)
        .max()?;
    let weekday = attached[k]
        .map(|i| an.weekdays[i].weekday)
        .or_else(|| an.weekdays.iter().find_map(published_day));
    // The reference only steers the search; 29 February needs no leap year for that.
    let reference = Date::new(latest, i8::try_from(date.month?).ok()?, 28).ok()?;
    match weekday {
        Some(w) => date.with_year_for_weekday(w, reference, Direction::Future),
        None => Some(PartialDate {
            year: Some(latest),
            ..date
        }),
    }
}

/// The article's own weekday implied by a relative day: "today Tuesday" is Tuesday, "yesterday
/// Wednesday" makes today Thursday, "tomorrow Friday" makes today Thursday.
fn published_day(w: &WeekdayMatch) -> Option<Weekday> {
    let days = w.relative?.days()?;
    Some(w.weekday.wrapping_add(-i64::from(days)))
}

/// Words between two tokens, without punctuation.
fn words_between<'a>(an: &'a Analysis, from: usize, to: usize) -> Vec<&'a str> {
    an.key()
        .get(from..to)
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The weekday written right before a date ("الاثنين 9 شباط", "يوم الاثنين الموافق 9 من
/// شباط", "الأحد/14/مارس/2021"), as an index into `an.weekdays`.
fn attached_weekday(an: &Analysis, d: &DateMatch) -> Option<usize> {
    let cal = Calendar::builtin();
    let i = an.weekdays.partition_point(|w| w.span.end <= d.span.start);
    let k = i.checked_sub(1)?;
    let w = &an.weekdays[k];
    if d.span.start - w.span.end > 40 {
        return None;
    }
    let words = words_between(an, w.span.end, d.span.start);
    (words.len() <= 1
        && words
            .iter()
            .all(|w| cal.corresponding.contains(*w) || matches!(*w, "في" | "من")))
    .then_some(k)
}

/// Whether date `b` restates date `a` in another calendar right after it: "1 رمضان 1444هـ
/// الموافق 23 مارس 2023م", "… 1444هـ (23 مارس 2023م)", "… 1444هـ / 23 مارس 2023".
fn corresponds(an: &Analysis, a: &DateMatch, b: &DateMatch) -> bool {
    let cal = Calendar::builtin();
    if a.calendar == b.calendar || b.span.start < a.span.end || b.span.start - a.span.end > 30 {
        return false;
    }
    let gap = &an.key()[a.span.end..b.span.start];
    let words = words_between(an, a.span.end, b.span.start);
    words.len() <= 1
        && words.iter().all(|w| cal.corresponding.contains(*w))
        && gap
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '/' | '-' | '(' | ',' | '|' | '–'))
}

/// Where "اليوم" stands right before a date (with its weekday: "اليوم الأحد 14 مارس 2021"),
/// making the date the day of writing.
fn today_before(an: &Analysis, d: &DateMatch, w: Option<&WeekdayMatch>) -> Option<usize> {
    if let Some(w) = w {
        return (w.relative == Some(Relative::Today)).then_some(w.span.start);
    }
    let i = an
        .relative_days
        .partition_point(|r| r.span.end <= d.span.start);
    let r = an.relative_days.get(i.checked_sub(1)?)?;
    if d.span.start - r.span.end > 8 {
        return None;
    }
    let gap = an.key()[r.span.end..d.span.start].trim_matches([' ', ',']);
    (r.day == RelativeDay::Days(0) && gap.is_empty()).then_some(r.span.start)
}

/// Whether a date follows a relative day right away ("اليوم 14 مارس"): the date is the claim.
fn date_follows(an: &Analysis, r: &RelativeDayMatch) -> bool {
    let i = an.dates.partition_point(|d| d.span.start < r.span.end);
    an.dates.get(i).is_some_and(|d| {
        d.span.start - r.span.end <= 8
            && an.key()[r.span.end..d.span.start]
                .trim_matches([' ', ','])
                .is_empty()
    })
}

/// Words outside brackets and quotes in `text`.
fn head_words(text: &str) -> usize {
    let mut depth = 0usize;
    let mut quoted = false;
    let mut in_word = false;
    let mut words = 0;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '"' => quoted = !quoted,
            _ => {}
        }
        let word = c.is_alphanumeric();
        if word && !in_word && depth == 0 && !quoted {
            words += 1;
        }
        in_word = word;
    }
    words
}

/// Whether a date or weekday at `at..end` stands at the head of one of the article's first
/// lines, after its place (and maybe an outlet), where a date line stands: "بيروت، الاثنين 16
/// آذار 2026", "الرياض 10 فبراير 2026 (واس) -", "تونس في ٢١ أكتوبر ٢٠٢٦ (وكالة …)".
fn is_dateline(an: &Analysis, at: usize, end: usize) -> bool {
    let key = an.key();
    let (line, lines_before) = an.line_at(at);
    if lines_before >= DATELINE_LINES {
        return false;
    }
    // Counted in tokens first, so that a long line costs no more per date; words in brackets
    // (an outlet) are left out of the count only when there are more than a place's.
    let tokens = an.tokens_in(line.start..at).len();
    if tokens == 0 || tokens > 3 * DATELINE_HEAD {
        return false;
    }
    let head_text = &key[line.start..at];
    let head = if tokens <= DATELINE_HEAD || !head_text.contains(['(', '[', '"']) {
        tokens
    } else {
        head_words(head_text)
    };
    if head == 0 || head > DATELINE_HEAD {
        return false;
    }
    let separated = head_text.contains([',', '-', '–', '—', '(', ':', '|']);
    let short = an.tokens_in(line.clone()).len() <= DATELINE_TOKENS;
    // The date closes the head: punctuation or the line's end after it, an outlet of a few
    // words ("… 2026 م واس"), or the same day in another calendar ("… 1447 هـ الموافق …").
    let rest = key[end.min(line.end)..line.end].trim_start_matches(' ');
    let closed = rest.is_empty()
        || rest.starts_with(['(', '-', '–', '—', ',', ':', '|', '"'])
        || an.tokens_in(end.min(line.end)..line.end).len() <= 3
        || rest
            .split(' ')
            .next()
            .is_some_and(|w| Calendar::builtin().corresponding.contains(w));
    if !(separated || short || closed) {
        return false;
    }
    let t0 = an.token_at(line.start);
    let t1 = an.token_at(at);
    if an
        .cues_in(t0..t1)
        .any(|m| matches!(m.group(), "meeting" | "speech" | "other_event"))
    {
        return false;
    }
    // A date line opens with its place: "بيروت، الاثنين 16 آذار", "تونس في ٢١ أكتوبر".
    let names_place = an.entities_in(line.start..at).first().is_some_and(|e| {
        an.token_at(e.span.start) == t0
            && matches!(e.entity, EntityRef::City(_) | EntityRef::Country(_))
    });
    // A place the gazetteer does not know: one or two words, set apart from the date, and no
    // cue of any kind among them.
    let unknown_place = head <= 2
        && (separated || closed)
        && !head_text.bytes().any(|b| b.is_ascii_digit())
        && an.cues_in(t0..t1).next().is_none();
    names_place || unknown_place
}

/// Whether a date at `at..end` (its weekday included) is a time stamp: after a publication cue
/// ("نشر في", "آخر تحديث:"), or opening its line with a clock time after it ("السبت ١٢ مارس
/// ٢٠٢٢ الساعة ٣:٤٥ مساءً"), or alone on one of the first or last lines.
fn is_stamp(an: &Analysis, at: usize, end: usize) -> bool {
    let cal = Calendar::builtin();
    let key = an.key();
    let (line, lines_before) = an.line_at(at);
    let l0 = an.token_at(line.start);
    let line_len = an.tokens_in(line.clone()).len();
    let i = an.token_at(at);
    // A cue stands within a word of the line's start, or on a short line; without a cue the
    // date opens its line: most dates of a text are neither, and are let go here.
    if i - l0 > 6 && line_len > STAMP_TOKENS {
        return false;
    }
    let text = |t: &Token| t.text(key);
    // Link words, then the cue: "نشر في", "نشر بتاريخ", "آخر تحديث".
    let mut j = i;
    while j > l0 && i - j < 2 && cal.stamp_links.contains(text(&an.tokens[j - 1])) {
        j -= 1;
    }
    for k in 1..=3 {
        if j < l0 + k {
            break;
        }
        let words: Vec<&str> = an.tokens[j - k..j].iter().map(text).collect();
        let phrase = words.join(" ");
        // The cue's first word may carry a conjunction: "وآخر تحديث".
        let found = cal.stamp_cues.contains(&phrase)
            || proclitic_readings(words[0]).iter().any(|(_, stem, _)| {
                let mut p = String::from(*stem);
                for w in &words[1..] {
                    p.push(' ');
                    p.push_str(w);
                }
                cal.stamp_cues.contains(&p)
            });
        if found {
            return j - k - l0 <= 1 || line_len <= STAMP_TOKENS;
        }
    }
    // No cue: the date opens its line, after at most a clock time ("10:45 ص، الأحد …").
    if i - l0 > 3 {
        return false;
    }
    let clock_only = an.tokens[l0..i]
        .iter()
        .all(|t| is_digits(text(t)) || cal.clock_words.contains(text(t)));
    if !clock_only {
        return false;
    }
    if clock_after(an, end, line.end)
        || (l0 < i && an.tokens[l0..i].iter().any(|t| is_digits(text(t))))
    {
        return true;
    }
    let date_len = an.tokens_in(at..end).len();
    if line_len > date_len + STAMP_EXTRA {
        return false;
    }
    let (last, before_last) = an.line_at(key.len());
    let text_lines = before_last + usize::from(key[last].chars().any(char::is_alphanumeric));
    lines_before < DATELINE_LINES || lines_before + STAMP_LAST_LINES >= text_lines
}

/// Whether a clock time follows `end` on its line: "الساعة ٣:٤٥", "- 10:45 ص".
fn clock_after(an: &Analysis, end: usize, line_end: usize) -> bool {
    let cal = Calendar::builtin();
    let key = an.key();
    let t = an.token_at(end);
    let Some(tok) = an.tokens.get(t) else {
        return false;
    };
    if tok.start >= line_end {
        return false;
    }
    let gap = &key[end..tok.start];
    if gap.len() > 8
        || !gap
            .chars()
            .all(|c| matches!(c, ' ' | '-' | '–' | '|' | ',' | '/' | '(' | ')'))
    {
        return false;
    }
    let word = tok.text(key);
    let time = |at: usize| {
        let rest = &key[at..];
        rest.starts_with(':') && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    };
    cal.clock_leads.contains(word) || (is_digits(word) && time(tok.end))
}

/// A date word ("بتاريخ") just before the date.
fn preceded_by_date_word(an: &Analysis, at: usize) -> bool {
    let cal = Calendar::builtin();
    let i = an.token_at(at);
    an.tokens[i.saturating_sub(2)..i].iter().any(|t| {
        proclitic_readings(t.text(an.key()))
            .iter()
            .any(|(_, stem, _)| cal.date_words.contains(*stem))
    })
}

#[cfg(test)]
mod tests;
