//! Dates and weekdays in Arabic news text: month names of the Levantine, Egyptian/Gulf and
//! Maghrebi systems, Hijri months (converted to Gregorian with Umm al-Qura), numeric dates,
//! and weekday names with their cues (يوم، مساء، أمس، الماضي …).
//!
//! Works on normalised text (`NormText`) and walks its tokens once. Spans are byte ranges into
//! the normalised text; a leading conjunction or preposition (و ف ب ل ك) stays outside them.
//! A year alone ("عام 2025") is not a date, nor is a Hijri date without a year.

use rustc_hash::FxHashSet;
use std::ops::Range;

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use crate::text::numbers::{NumberKind, is_era_suffix, number_at};
use crate::text::tokens::{Token, is_digits, proclitic_readings, tokenize};

pub mod calendar;

pub use calendar::{BUILTIN as CALENDAR_TSV, Calendar, CalendarError, Near};

/// A Gregorian date of which any part may be unknown.
#[derive(
    Clone, Copy, PartialEq, Eq, Hash, Ord, PartialOrd, Debug, Default, Serialize, Deserialize,
)]
pub struct PartialDate {
    pub year: Option<i16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date, if it exists in the Gregorian calendar.
    pub fn full(year: i16, month: u8, day: u8) -> Option<Self> {
        let date = PartialDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        };
        date.is_valid().then_some(date)
    }

    /// Whether the known parts can belong to a real date (no 31 February; 29 February needs a
    /// leap year when the year is known).
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => civil(self.year.unwrap_or(2000), m, d).is_some(),
            (Some(m), None) => (1..=12).contains(&m),
            (None, Some(d)) => (1..=31).contains(&d),
            (None, None) => true,
        }
    }

    /// The contract's ISO 8601 form: "2026-02-09", "--02-09" (no year), "2026-02" (month
    /// precision), "2026", "--02", "---09". A day without a month is dropped when the year is
    /// known ("2026").
    pub fn iso(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, Some(d)) => format!("---{d:02}"),
            (None, None, None) => String::new(),
        }
    }

    /// Reads the forms [`PartialDate::iso`] writes; `None` for anything else or an impossible
    /// date.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let num = |p: &str, len: usize| -> Option<u16> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let month = |p: &str| num(p, 2).and_then(|m| u8::try_from(m).ok());
        let year = |p: &str| num(p, 4).and_then(|y| i16::try_from(y).ok());
        let date = if let Some(d) = s.strip_prefix("---") {
            PartialDate {
                day: Some(month(d)?),
                ..Self::default()
            }
        } else if let Some(rest) = s.strip_prefix("--") {
            let mut parts = rest.split('-');
            let m = month(parts.next()?)?;
            let d = parts
                .next()
                .map(month)
                .map(|d| d.ok_or(()))
                .transpose()
                .ok()?;
            if parts.next().is_some() {
                return None;
            }
            PartialDate {
                year: None,
                month: Some(m),
                day: d,
            }
        } else {
            let mut parts = s.split('-');
            let y = year(parts.next()?)?;
            let m = parts
                .next()
                .map(month)
                .map(|m| m.ok_or(()))
                .transpose()
                .ok()?;
            let d = parts
                .next()
                .map(month)
                .map(|d| d.ok_or(()))
                .transpose()
                .ok()?;
            if parts.next().is_some() {
                return None;
            }
            PartialDate {
                year: Some(y),
                month: m,
                day: d,
            }
        };
        date.is_valid().then_some(date)
    }

    /// The weekday, only when the date is full and real.
    pub fn weekday(&self) -> Option<Weekday> {
        Some(civil(self.year?, self.month?, self.day?)?.weekday())
    }

    /// Whether no part known on both sides differs.
    pub fn compatible(&self, other: &Self) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        agree(self.year, other.year) && agree(self.month, other.month) && agree(self.day, other.day)
    }

    /// Fills a missing year with the one (the reference's, or one either side) that puts the date
    /// nearest `reference`. A date without a month, or with a year, is returned as it is.
    pub fn with_year_near(&self, reference: Date) -> PartialDate {
        let (None, Some(month)) = (self.year, self.month) else {
            return *self;
        };
        // A month without a day counts from its middle.
        let day = self.day.unwrap_or(15);
        let nearest = (reference.year() - 1..=reference.year() + 1)
            .filter_map(|y| civil(y, month, day).map(|d| (y, d)))
            .min_by_key(|(_, d)| d.duration_since(reference).as_secs().unsigned_abs());
        match nearest {
            Some((year, _)) => PartialDate {
                year: Some(year),
                ..*self
            },
            None => *self,
        }
    }
}

fn civil(year: i16, month: u8, day: u8) -> Option<Date> {
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The weekday of a full date.
pub fn weekday_of(date: PartialDate) -> Option<Weekday> {
    date.weekday()
}

/// The contract's name for a weekday: "monday" … "sunday".
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

/// The inverse of [`weekday_name`], ignoring ASCII case.
pub fn parse_weekday_name(s: &str) -> Option<Weekday> {
    ALL_WEEKDAYS
        .into_iter()
        .find(|w| weekday_name(*w).eq_ignore_ascii_case(s.trim()))
}

const ALL_WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// The calendar a date was written in; the date itself is always Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceCalendar {
    Gregorian,
    Hijri,
}

/// Where a weekday sits relative to the day of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Relative {
    /// أول أمس، أول من أمس.
    DayBeforeYesterday,
    /// أمس، البارحة.
    Yesterday,
    /// اليوم، هذا اليوم.
    Today,
    /// غدا.
    Tomorrow,
    /// بعد غد.
    DayAfterTomorrow,
    /// الماضي، الفائت، المنصرم، السابق: the nearest such weekday before the day of writing.
    Last,
    /// المقبل، القادم، الآتي: the nearest such weekday after it.
    Next,
    /// "من الأسبوع الماضي": that weekday in the week before the week of writing.
    LastWeek,
    /// "من الأسبوع الجاري": that weekday in the week of writing.
    ThisWeek,
    /// "من الأسبوع المقبل": that weekday in the week after it.
    NextWeek,
}

impl Relative {
    /// The relative of a day offset: -2 … 2.
    fn from_days(days: i8) -> Option<Self> {
        match days {
            -2 => Some(Relative::DayBeforeYesterday),
            -1 => Some(Relative::Yesterday),
            0 => Some(Relative::Today),
            1 => Some(Relative::Tomorrow),
            2 => Some(Relative::DayAfterTomorrow),
            _ => None,
        }
    }

    /// How many days from the day of writing, for the relatives that name one day.
    pub fn days(self) -> Option<i8> {
        match self {
            Relative::DayBeforeYesterday => Some(-2),
            Relative::Yesterday => Some(-1),
            Relative::Today => Some(0),
            Relative::Tomorrow => Some(1),
            Relative::DayAfterTomorrow => Some(2),
            _ => None,
        }
    }
}

/// A weekday expression: "يوم أمس الخميس", "السبت الفائت", "مساء الإثنين".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekdayMatch {
    pub weekday: Weekday,
    /// Byte range in the normalised text, covering the cues and relative words too.
    // Invariant: start < end, both on char boundaries of the normalised text.
    pub span: Range<usize>,
    pub relative: Option<Relative>,
}

/// A date expression: "9 شباط/فبراير 2026", "9/2/2026", "21 شعبان 1447 هـ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Always Gregorian; Hijri dates are converted.
    pub date: PartialDate,
    /// Byte range in the normalised text, without "الموافق" or "في" before it.
    // Invariant: start < end, both on char boundaries of the normalised text.
    pub span: Range<usize>,
    pub calendar: SourceCalendar,
    /// A word after a date without a year that places it: "9 شباط الماضي", "الجاري".
    pub near: Option<Near>,
}

/// A day named relative to the day of writing, without a weekday: "أمس", "بعد غد", "قبل
/// يومين", "في 9 من الشهر الجاري".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelativeDay {
    /// Days from the day of writing: أمس -1, اليوم 0, بعد غد 2, قبل أسبوع -7.
    Days(i16),
    /// A day of the month of writing (`months` 0), of the month before (-1) or after (1).
    DayOfMonth { months: i8, day: u8 },
}

/// A relative day in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeDayMatch {
    pub day: RelativeDay,
    /// Byte range in the normalised text, covering a time cue before it ("مساء أمس").
    // Invariant: start < end, both on char boundaries of the normalised text.
    pub span: Range<usize>,
}

/// "من" (of), between a day and its month: "9 من شباط".
const FROM: &str = "من";

fn cal() -> &'static Calendar {
    Calendar::builtin()
}

/// Every stem a month name can begin with, as the date scanner looks it up.
pub fn month_first_words() -> impl Iterator<Item = &'static str> {
    cal().months.keys().map(String::as_str)
}

/// Every stem a date with a month name can begin with: the month names and the words for a
/// month's first day (أول، غرة).
pub fn date_first_words() -> impl Iterator<Item = &'static str> {
    month_first_words().chain(cal().day_one.iter().map(String::as_str))
}

/// Every weekday name, as the weekday scanner looks it up.
pub fn weekday_words() -> impl Iterator<Item = &'static str> {
    cal().weekdays.keys().map(String::as_str)
}

/// Every word a relative day is found from (أمس، غدا، قبل، الشهر …), as
/// [`relative_days_where`] looks it up.
pub fn relative_day_words() -> impl Iterator<Item = &'static str> {
    let c = cal();
    c.relative_by_first
        .keys()
        .chain(c.offset_leads.keys())
        .chain(c.month_words.iter())
        .map(String::as_str)
}

/// Finds every weekday expression in normalised text, in text order, without overlaps.
pub fn find_weekdays(norm: &str) -> Vec<WeekdayMatch> {
    let tokens = tokenize(norm);
    weekdays_in(norm, &tokens, &dates_in(norm, &tokens))
}

/// [`find_weekdays`] over already-made tokens and dates.
pub fn weekdays_in(norm: &str, tokens: &[Token], dates: &[DateMatch]) -> Vec<WeekdayMatch> {
    weekdays_where(norm, tokens, dates, |_| true)
}

/// [`weekdays_in`], trying only the tokens where `may_start` says a weekday name may stand (see
/// `text::sieve`); the cues before it are still read from every token.
pub fn weekdays_where(
    norm: &str,
    tokens: &[Token],
    dates: &[DateMatch],
    may_start: impl Fn(usize) -> bool,
) -> Vec<WeekdayMatch> {
    let date_starts: FxHashSet<usize> = dates.iter().map(|d| d.span.start).collect();
    let mut out = Vec::new();
    // The first token not yet used by a match: cues are never taken from an earlier match.
    let mut floor = 0;
    let mut i = 0;
    while i < tokens.len() {
        if !may_start(i) {
            i += 1;
            continue;
        }
        match weekday_at(norm, tokens, i, floor, &date_starts) {
            Some((m, next)) => {
                // "يومي الأحد والاثنين", "من الأحد إلى الثلاثاء": a meeting over several days
                // is on its first; the range reads as that day.
                if let Some(prev) = out.last_mut()
                    && continues_range(norm, prev, &m)
                {
                    prev.span.end = m.span.end;
                } else {
                    out.push(m);
                }
                floor = next;
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether weekday `next` ends a range of days that `prev` starts: "الأحد والاثنين", "الأحد
/// إلى الثلاثاء", "الأحد - الثلاثاء", one to three days later, neither relative.
fn continues_range(norm: &str, prev: &WeekdayMatch, next: &WeekdayMatch) -> bool {
    if prev.relative.is_some() || next.relative.is_some() || next.span.start < prev.span.end {
        return false;
    }
    let gap = norm[prev.span.end..next.span.start].trim();
    let joined = match gap {
        "" => norm[next.span.start..].starts_with('و'),
        "و" | "-" | "–" | "—" => true,
        w => is_range_word(w),
    };
    let days =
        (next.weekday.to_sunday_zero_offset() + 7 - prev.weekday.to_sunday_zero_offset()) % 7;
    joined && (1..=3).contains(&days)
}

/// A word read through its proclitics: where the kept part starts, and whether conjunctions
/// or prepositions were stripped.
struct Reading<'a> {
    stem: &'a str,
    article: bool,
    start: usize,
    clitic: bool,
}

/// The readings of token `tok`, least stripped first; an article stays part of the span.
fn readings<'a>(norm: &'a str, tok: Token) -> impl Iterator<Item = Reading<'a>> {
    let text = tok.text(norm);
    proclitic_readings(text)
        .into_iter()
        .map(move |(stripped, stem, article)| {
            let mut start = tok.start + stripped;
            if article && norm[..start].ends_with("ال") && start - "ال".len() >= tok.start {
                start -= "ال".len();
            }
            Reading {
                stem,
                article,
                start,
                clitic: start > tok.start,
            }
        })
}

fn weekday_at(
    norm: &str,
    tokens: &[Token],
    i: usize,
    floor: usize,
    date_starts: &FxHashSet<usize>,
) -> Option<(WeekdayMatch, usize)> {
    let cal = cal();
    let tok = tokens[i];
    let (word, reading) =
        readings(norm, tok).find_map(|r| cal.weekdays.get(r.stem).map(|w| (*w, r)))?;
    let gap = |a: usize, b: usize| &norm[tokens[a].end..tokens[b].start];
    // "الواحد الأحد", "الأحد عشر": the article form is another word.
    if reading.article {
        let before = i > 0
            && gap(i - 1, i) == " "
            && cal.not_weekday_before.contains(tokens[i - 1].text(norm));
        let after = tokens
            .get(i + 1)
            .is_some_and(|t| gap(i, i + 1) == " " && cal.not_weekday_after.contains(t.text(norm)));
        if before || after {
            return None;
        }
    }
    let mut start = reading.start;
    let mut relative = None;
    let mut cued = false;
    // Walk back over cues: [time cue]* [relative] [time cue]? weekday. A token with a
    // proclitic can only open the expression.
    if !reading.clitic {
        let mut j = i;
        let mut cues = 0;
        while j > floor && cues < 4 {
            let p = j - 1;
            let g = gap(p, j);
            if g != " " && !(j == i && g == ", ") {
                break;
            }
            let opened = if relative.is_none()
                && let Some((days, first, at, clitic)) = relative_ending_at(norm, tokens, p, floor)
                && let Some(r) = Relative::from_days(days)
            {
                relative = Some(r);
                start = at;
                j = first;
                clitic
            } else if let Some(rd) =
                readings(norm, tokens[p]).find(|r| !r.article && cal.time_cues.contains(r.stem))
            {
                cued = true;
                start = rd.start;
                j = p;
                rd.clitic
            } else {
                break;
            };
            cues += 1;
            if opened {
                break;
            }
        }
    }
    let mut end = tok.end;
    let mut next = i + 1;
    if let Some(after) = tokens.get(next)
        && gap(i, next) == " "
        && let Some(near) = cal.near.get(after.text(norm))
        && *near != Near::This
    {
        let r = if *near == Near::Last {
            Relative::Last
        } else {
            Relative::Next
        };
        relative = relative.or(Some(r));
        end = after.end;
        next += 1;
    } else if let Some((week, e, n)) = week_after(norm, tokens, next, end) {
        relative = relative.or(Some(week));
        end = e;
        next = n;
    }
    let date_follows = tokens.get(next).is_some_and(|t| {
        let g = &norm[end..t.start];
        let sep = g.trim_matches(' ');
        g.len() <= 4
            && matches!(sep, "" | "," | "/" | "-" | "–" | "|")
            && (date_starts.contains(&t.start) || cal.corresponding.contains(t.text(norm)))
    });
    let alone = if reading.article {
        word.article_alone
    } else {
        word.bare_alone
    };
    if !(alone || cued || relative.is_some() || date_follows) {
        return None;
    }
    Some((
        WeekdayMatch {
            weekday: word.weekday,
            span: start..end,
            relative,
        },
        next,
    ))
}

/// A relative-day phrase that ends at token `p` and starts at or after `floor`: its offset in
/// days, its first token, where its span starts, and whether its first word carries a proclitic.
fn relative_ending_at(
    norm: &str,
    tokens: &[Token],
    p: usize,
    floor: usize,
) -> Option<(i8, usize, usize, bool)> {
    for rd in readings(norm, tokens[p]) {
        let Some(phrases) = cal().relative_by_last.get(rd.stem) else {
            continue;
        };
        for phrase in phrases {
            let n = phrase.words.len();
            if n == 0 {
                return Some((phrase.value.days, p, rd.start, rd.clitic));
            }
            // Only the first word of a phrase may carry proclitics.
            if rd.start != tokens[p].start || p < floor + n {
                continue;
            }
            let first = p - n;
            let inner = (1..n).all(|k| tokens[first + k].text(norm) == phrase.words[k]);
            let spaced = (first..p).all(|k| &norm[tokens[k].end..tokens[k + 1].start] == " ");
            if !(inner && spaced) {
                continue;
            }
            if let Some(head) = readings(norm, tokens[first]).find(|r| r.stem == phrase.words[0]) {
                return Some((phrase.value.days, first, head.start, head.clitic));
            }
        }
    }
    None
}

/// "من الأسبوع الماضي", "الأسبوع المقبل" after a weekday at token `j` (the token after it):
/// the relative, where it ends and the next token.
fn week_after(
    norm: &str,
    tokens: &[Token],
    j: usize,
    end: usize,
) -> Option<(Relative, usize, usize)> {
    let cal = cal();
    let space = |a: usize, t: &Token| &norm[a..t.start] == " ";
    let mut k = j;
    let mut prev = end;
    if tokens
        .get(k)
        .is_some_and(|t| space(prev, t) && t.text(norm) == FROM)
    {
        prev = tokens[k].end;
        k += 1;
    }
    let week = tokens.get(k)?;
    if !(space(prev, week) && cal.week_words.contains(week.text(norm))) {
        return None;
    }
    let near = tokens.get(k + 1)?;
    if !space(week.end, near) {
        return None;
    }
    let relative = match cal.near.get(near.text(norm))? {
        Near::Last => Relative::LastWeek,
        Near::This => Relative::ThisWeek,
        Near::Next => Relative::NextWeek,
    };
    Some((relative, near.end, k + 2))
}

/// Finds every relative day (without a weekday) in normalised text, in text order, without
/// overlaps.
pub fn find_relative_days(norm: &str) -> Vec<RelativeDayMatch> {
    let tokens = tokenize(norm);
    let dates = dates_in(norm, &tokens);
    let weekdays = weekdays_in(norm, &tokens, &dates);
    relative_days_where(norm, &tokens, &weekdays, &dates, |_| true)
}

/// Relative days over already-made tokens, weekdays and dates, trying only the tokens where
/// `may_start` says one may be found (see `text::sieve` and [`relative_day_words`]). A relative
/// word that is part of a weekday expression ("أمس الاثنين") or a date is theirs.
pub fn relative_days_where(
    norm: &str,
    tokens: &[Token],
    weekdays: &[WeekdayMatch],
    dates: &[DateMatch],
    may_start: impl Fn(usize) -> bool,
) -> Vec<RelativeDayMatch> {
    let inside = |at: usize| {
        let w = weekdays.partition_point(|w| w.span.end <= at);
        let d = dates.partition_point(|d| d.span.end <= at);
        weekdays.get(w).is_some_and(|w| w.span.start <= at)
            || dates.get(d).is_some_and(|d| d.span.start <= at)
    };
    let mut out: Vec<RelativeDayMatch> = Vec::new();
    // The first token not yet used by a match.
    let mut floor = 0;
    for i in 0..tokens.len() {
        if i < floor || !may_start(i) || inside(tokens[i].start) {
            continue;
        }
        let found = phrase_day_at(norm, tokens, i, floor)
            .or_else(|| offset_day_at(norm, tokens, i))
            .or_else(|| month_day_at(norm, tokens, i, floor));
        if let Some((m, next)) = found
            && !inside(m.span.start)
            && !inside(m.span.end - 1)
        {
            floor = next;
            out.push(m);
        }
    }
    out
}

/// "أمس", "يوم أمس", "أول من أمس", "صباح اليوم", "بعد غد" at token `i`.
fn phrase_day_at(
    norm: &str,
    tokens: &[Token],
    i: usize,
    floor: usize,
) -> Option<(RelativeDayMatch, usize)> {
    let cal = cal();
    let gap = |a: usize, b: usize| &norm[tokens[a].end..tokens[b].start];
    let (phrase, reading) = readings(norm, tokens[i]).find_map(|rd| {
        let phrases = cal.relative_by_first.get(rd.stem)?;
        phrases
            .iter()
            .find(|p| {
                p.words.iter().enumerate().all(|(k, w)| {
                    tokens
                        .get(i + 1 + k)
                        .is_some_and(|t| gap(i + k, i + 1 + k) == " " && t.text(norm) == w)
                })
            })
            .map(|p| (p, rd))
    })?;
    let last = i + phrase.words.len();
    let next = last + 1;
    // "اليوم الأول", "حتى اليوم", "في ذلك اليوم": the day, not today.
    if phrase.value.days == 0 {
        let noun_after = tokens.get(next).is_some_and(|t| {
            gap(last, next) == " "
                && (cal.day_noun_after.contains(t.text(norm))
                    || number_at(norm, tokens, next)
                        .is_some_and(|(n, _)| n.kind == NumberKind::Ordinal))
        });
        let noun_before = !reading.clitic
            && i > 0
            && gap(i - 1, i) == " "
            && cal.day_noun_before.contains(tokens[i - 1].text(norm));
        if noun_after || noun_before {
            return None;
        }
    }
    // Times of day before it: "يوم أمس", "مساء اليوم", "صباح الغد".
    let mut start = reading.start;
    let mut cued = false;
    if !reading.clitic {
        let mut j = i;
        while j > floor && i - j < 2 && gap(j - 1, j) == " " {
            let Some(rd) = readings(norm, tokens[j - 1])
                .find(|r| !r.article && cal.time_cues.contains(r.stem))
            else {
                break;
            };
            cued = true;
            start = rd.start;
            j -= 1;
            if rd.clitic {
                break;
            }
        }
    }
    if phrase.value.cued && !cued {
        return None;
    }
    Some((
        RelativeDayMatch {
            day: RelativeDay::Days(i16::from(phrase.value.days)),
            span: start..tokens[last].end,
        },
        next,
    ))
}

/// "قبل يومين", "منذ أسبوع", "بعد ثلاثة أيام" at token `i`; not when the words after it anchor
/// it to something else ("بعد يومين من تصريحات").
fn offset_day_at(norm: &str, tokens: &[Token], i: usize) -> Option<(RelativeDayMatch, usize)> {
    let cal = cal();
    let space = |a: usize, b: usize| &norm[tokens[a].end..tokens[b].start] == " ";
    let (sign, reading) = readings(norm, tokens[i])
        .find_map(|rd| cal.offset_leads.get(rd.stem).map(|s| (i32::from(*s), rd)))?;
    let j = i + 1;
    let t = tokens.get(j)?;
    if !space(i, j) {
        return None;
    }
    let (days, last) = if let Some(units) = cal.offset_units.get(t.text(norm)) {
        (i32::from(*units), j)
    } else {
        let (count, after) = if is_digits(t.text(norm)) && t.text(norm).len() <= 3 {
            (t.text(norm).parse::<i32>().ok()?, j + 1)
        } else {
            let (n, after) = number_at(norm, tokens, j)?;
            if n.kind != NumberKind::Cardinal {
                return None;
            }
            (i32::try_from(n.value).ok()?, after)
        };
        let unit = tokens.get(after)?;
        if !space(after - 1, after) {
            return None;
        }
        (
            count * i32::from(*cal.offset_per.get(unit.text(norm))?),
            after,
        )
    };
    if !(1..=366).contains(&days) {
        return None;
    }
    let next = last + 1;
    if tokens
        .get(next)
        .is_some_and(|t| space(last, next) && cal.offset_elsewhere.contains(t.text(norm)))
    {
        return None;
    }
    Some((
        RelativeDayMatch {
            day: RelativeDay::Days(i16::try_from(sign * days).ok()?),
            span: reading.start..tokens[last].end,
        },
        next,
    ))
}

/// "في 9 من الشهر الجاري", "التاسع من الشهر الماضي", "أول الشهر المقبل", found from the word
/// for month at token `i`: the day before it is required.
fn month_day_at(
    norm: &str,
    tokens: &[Token],
    i: usize,
    floor: usize,
) -> Option<(RelativeDayMatch, usize)> {
    let cal = cal();
    let space = |a: usize, b: usize| &norm[tokens[a].end..tokens[b].start] == " ";
    if !cal.month_words.contains(tokens[i].text(norm)) || i == 0 {
        return None;
    }
    let near = tokens.get(i + 1)?;
    if !space(i, i + 1) {
        return None;
    }
    let months = match cal.near.get(near.text(norm))? {
        Near::Last => -1,
        Near::This => 0,
        Near::Next => 1,
    };
    // The day ends at `p`, before an optional "من".
    let mut p = i - 1;
    if !space(p, i) {
        return None;
    }
    if tokens[p].text(norm) == FROM {
        p = p.checked_sub(1)?;
        if !space(p, p + 1) {
            return None;
        }
    }
    let (start, day) = if let Some((start, digits, "")) = digit_token(norm, tokens[p], true) {
        (start, digits.parse::<u8>().ok()?)
    } else if let Some(rd) =
        readings(norm, tokens[p]).find(|r| !r.article && cal.day_one.contains(r.stem))
    {
        (rd.start, 1)
    } else {
        // An ordinal of one to three words ending at `p`.
        (p.saturating_sub(2)..=p).find_map(|k| {
            let (n, after) = number_at(norm, tokens, k)?;
            (after == p + 1 && n.kind == NumberKind::Ordinal)
                .then(|| Some((n.span.start, u8::try_from(n.value).ok()?)))
                .flatten()
        })?
    };
    if !(1..=31).contains(&day) || start < tokens.get(floor).map_or(0, |t| t.start) {
        return None;
    }
    Some((
        RelativeDayMatch {
            day: RelativeDay::DayOfMonth { months, day },
            span: start..near.end,
        },
        i + 2,
    ))
}

/// `date` moved by `days`, if it stays in the calendar.
pub fn add_days(date: Date, days: i32) -> Option<Date> {
    date.checked_add(jiff::Span::new().days(i64::from(days)))
        .ok()
}

/// Which way from its reference a date or a weekday without more lies: a report tells of what
/// happened on or before its own day, an announcement of what comes after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
}

/// The day a weekday names, seen from `reference` (the day of writing). Weeks start on Sunday
/// (الأحد, "the first"), as most Arab calendars have it.
pub fn resolve_weekday(
    reference: Date,
    weekday: Weekday,
    relative: Option<Relative>,
    direction: Direction,
) -> Option<Date> {
    let ahead = i32::from(weekday.since(reference.weekday()));
    let back = i32::from(reference.weekday().since(weekday));
    let offset = match relative {
        Some(r) if r.days().is_some() => i32::from(r.days()?),
        Some(Relative::Last) => -(if back == 0 { 7 } else { back }),
        Some(Relative::Next) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Some(r @ (Relative::LastWeek | Relative::ThisWeek | Relative::NextWeek)) => {
            let week = match r {
                Relative::LastWeek => -7,
                Relative::NextWeek => 7,
                _ => 0,
            };
            let sunday = -i32::from(reference.weekday().to_sunday_zero_offset());
            sunday + week + i32::from(weekday.to_sunday_zero_offset())
        }
        Some(_) => return None,
        None => match direction {
            Direction::Past => -back,
            Direction::Future => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
        },
    };
    let date = add_days(reference, offset)?;
    (date.weekday() == weekday).then_some(date)
}

/// How far apart two dates are, in seconds.
fn apart(a: Date, b: Date) -> u64 {
    a.duration_since(b).as_secs().unsigned_abs()
}

impl PartialDate {
    /// Fills a missing year with the one nearest `reference` (within six years either side) in
    /// which the day falls on `weekday`; a tie goes the way of `direction`. `None` when no year
    /// that near fits, or the date has no month or day. A date with a year is returned as it is.
    pub fn with_year_for_weekday(
        &self,
        weekday: Weekday,
        reference: Date,
        direction: Direction,
    ) -> Option<PartialDate> {
        if self.year.is_some() {
            return Some(*self);
        }
        let (month, day) = (self.month?, self.day?);
        let y = reference.year();
        (y - 6..=y + 6)
            .filter_map(|year| civil(year, month, day).map(|d| (year, d)))
            .filter(|(_, d)| d.weekday() == weekday)
            .min_by_key(|(_, d)| {
                let later = *d > reference;
                let tie = match direction {
                    Direction::Past => later,
                    Direction::Future => !later,
                };
                (apart(*d, reference), tie)
            })
            .map(|(year, _)| PartialDate {
                year: Some(year),
                ..*self
            })
    }

    /// Fills a missing year so that the date lies on or before `reference` (`Past`, the latest
    /// such year) or on or after it (`Future`, the earliest). A date without a month, or with a
    /// year, is returned as it is.
    pub fn with_year_towards(&self, reference: Date, direction: Direction) -> PartialDate {
        let (None, Some(month)) = (self.year, self.month) else {
            return *self;
        };
        let day = self.day.unwrap_or(15);
        let y = reference.year();
        let fits = |year: i16| {
            civil(year, month, day).is_some_and(|d| match direction {
                Direction::Past => d <= reference,
                Direction::Future => d >= reference,
            })
        };
        // 29 February waits up to eight years for a leap year on its side.
        let found = match direction {
            Direction::Past => (y - 8..=y).rev().find(|&year| fits(year)),
            Direction::Future => (y..=y + 8).find(|&year| fits(year)),
        };
        match found {
            Some(year) => PartialDate {
                year: Some(year),
                ..*self
            },
            None => *self,
        }
    }
}

/// Finds every date in normalised text, in text order, without overlaps.
pub fn find_dates(norm: &str) -> Vec<DateMatch> {
    dates_in(norm, &tokenize(norm))
}

/// [`find_dates`] over already-made tokens.
pub fn dates_in(norm: &str, tokens: &[Token]) -> Vec<DateMatch> {
    dates_where(norm, tokens, |_| true)
}

/// [`dates_in`], trying only the tokens where `may_start` says a date may begin (see
/// `text::sieve`).
pub fn dates_where(
    norm: &str,
    tokens: &[Token],
    may_start: impl Fn(usize) -> bool,
) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_start(i) {
            i += 1;
        } else if let Some((m, next)) = day_range_at(norm, tokens, i) {
            out.push(m);
            i = next;
        } else if let Some((m, next)) = numeric_at(norm, tokens, i) {
            out.push(m);
            i = next;
        } else {
            match textual_at(norm, tokens, i) {
                Some((Some(m), next)) => {
                    out.push(m);
                    i = next;
                }
                // Read as a date but impossible ("31 شباط 2026"): none of it is a date.
                Some((None, next)) => i = next,
                None => i += 1,
            }
        }
    }
    out
}

/// "إلى", "حتى" as the normaliser writes them: the words that end a range of days.
fn is_range_word(word: &str) -> bool {
    static WORDS: LazyLock<[String; 2]> =
        LazyLock::new(|| [crate::text::normalize("إلى"), crate::text::normalize("حتى")]);
    WORDS.iter().any(|w| w == word)
}

/// How many days a range of days may span ("يومي 1 و2 نوفمبر", "من 9 إلى 11 شباط").
const RANGE_DAYS: u8 = 7;

/// A range of days in one month: "1 و2 نوفمبر 2026", "من 9 إلى 11 شباط", "9 - 11 شباط",
/// "بين 9 و11 شباط". A meeting held over several days is dated by its first: the range reads
/// as that day, its span covering the whole range.
fn day_range_at(norm: &str, tokens: &[Token], i: usize) -> Option<(DateMatch, usize)> {
    let (first_start, digits, "") = digit_token(norm, tokens[i], false)? else {
        return None;
    };
    let first: u8 = digits
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d) && digits.len() <= 2)?;
    let j = i + 1;
    let next = tokens.get(j)?;
    let gap = &norm[tokens[i].end..next.start];
    // The second day: "و2" (one token), "و 2", "الى 2", "حتى 2", or "- 2".
    let second_at = if gap.trim().is_empty() {
        match next.text(norm) {
            "و" => j + 1,
            w if is_range_word(w) => j + 1,
            w if w.starts_with('و') => j,
            _ => return None,
        }
    } else if matches!(gap.trim(), "-" | "–" | "—") {
        j
    } else {
        return None;
    };
    if second_at > j && &norm[next.end..tokens.get(second_at)?.start] != " " {
        return None;
    }
    let (Some(m), after) = textual_at(norm, tokens, second_at)? else {
        return None;
    };
    let second = m.date.day?;
    if second <= first || second - first > RANGE_DAYS {
        return None;
    }
    // The second day's date, Gregorian; a Hijri range may start in the Gregorian month before.
    let (gregorian_second, back) = (m.date.day?, second - first);
    let date = match (m.date.year, m.date.month) {
        (Some(y), Some(mo)) => {
            let d = add_days(civil(y, mo, gregorian_second)?, -i32::from(back))?;
            PartialDate::full(
                d.year(),
                u8::try_from(d.month()).ok()?,
                u8::try_from(d.day()).ok()?,
            )?
        }
        _ => PartialDate {
            day: Some(gregorian_second.checked_sub(back).filter(|&d| d >= 1)?),
            ..m.date
        },
    };
    Some((
        DateMatch {
            date,
            span: first_start..m.span.end,
            calendar: m.calendar,
            near: m.near,
        },
        after,
    ))
}

/// Digits in a token, after an optional one-letter proclitic (و9) and before an optional era
/// letter (2026م): (where the digits start, the digits, the era letter).
fn digit_token(norm: &str, tok: Token, clitic_ok: bool) -> Option<(usize, &str, &str)> {
    let text = tok.text(norm);
    let mut off = 0;
    if clitic_ok
        && let Some(c) = text.chars().next()
        && "وفبل".contains(c)
    {
        off = c.len_utf8();
    }
    let body = &text[off..];
    let n = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, suffix) = body.split_at(n);
    (n > 0 && (suffix.is_empty() || is_era_suffix(suffix))).then_some((
        tok.start + off,
        digits,
        suffix,
    ))
}

fn era_of_suffix(suffix: &str) -> Option<SourceCalendar> {
    cal().eras.get(suffix).copied()
}

/// An era word after a year ("هـ", "ميلادي"): the calendar, where it ends, the next token.
fn era_after(
    norm: &str,
    tokens: &[Token],
    j: usize,
    prev_end: usize,
) -> Option<(SourceCalendar, usize, usize)> {
    let t = tokens.get(j)?;
    if &norm[prev_end..t.start] != " " {
        return None;
    }
    cal().eras.get(t.text(norm)).map(|c| (*c, t.end, j + 1))
}

/// A separator between the parts of a numeric date, spaces around it tolerated ("8-06- 2023").
fn date_sep(gap: &str) -> Option<u8> {
    let t = gap.trim_matches(' ');
    (gap.len() <= 3 && t.len() == 1 && b"/-.".contains(&t.as_bytes()[0])).then(|| t.as_bytes()[0])
}

/// Day-first numeric dates (9/2/2026, 09-02-2026, 9.2.2026, 9/2/26) and ISO 2026-02-09.
fn numeric_at(norm: &str, tokens: &[Token], i: usize) -> Option<(DateMatch, usize)> {
    let (start, a, suffix) = digit_token(norm, tokens[i], true)?;
    if !suffix.is_empty() {
        return None;
    }
    // Inside a longer run of digits and separators (1.2.3.4, a phone number): not a date.
    let glued = |g: &str| g.len() == 1 && b"/-.:".contains(&g.as_bytes()[0]);
    if i > 0
        && glued(&norm[tokens[i - 1].end..tokens[i].start])
        && is_digits(tokens[i - 1].text(norm))
    {
        return None;
    }
    let t1 = *tokens.get(i + 1)?;
    let t2 = *tokens.get(i + 2)?;
    let sep = date_sep(&norm[tokens[i].end..t1.start])?;
    if date_sep(&norm[t1.end..t2.start])? != sep {
        return None;
    }
    let (_, b, s1) = digit_token(norm, t1, false)?;
    let (_, c, suffix) = digit_token(norm, t2, false)?;
    if !s1.is_empty() {
        return None;
    }
    if let Some(t3) = tokens.get(i + 3)
        && glued(&norm[t2.end..t3.start])
        && t3.text(norm).starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let (year, month, day) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) if sep != b'.' => (a, b, c),
        // Two-digit years only with / or -: "1.2.10" is more often a version or a section.
        (1..=2, 1..=2, 4) => (c, b, a),
        (1..=2, 1..=2, 2) if sep != b'.' => (c, b, a),
        _ => return None,
    };
    let mut end = t2.end;
    let mut next = i + 3;
    let mut era = era_of_suffix(suffix);
    if era.is_none()
        && let Some((cal, e, n)) = era_after(norm, tokens, next, end)
    {
        era = Some(cal);
        end = e;
        next = n;
    }
    let month: u8 = month.parse().ok()?;
    let day: u8 = day.parse().ok()?;
    let mut year: i32 = year.parse().ok()?;
    if year < 100 {
        // Two-digit years only in Gregorian news dates: 26 is 2026, 98 is 1998.
        if era == Some(SourceCalendar::Hijri) {
            return None;
        }
        year += if year < 70 { 2000 } else { 1900 };
    }
    let calendar = era.unwrap_or(if (1300..=1500).contains(&year) {
        SourceCalendar::Hijri
    } else {
        SourceCalendar::Gregorian
    });
    let date = resolve(calendar, Some(year), month, Some(day))?;
    Some((
        DateMatch {
            date,
            span: start..end,
            calendar,
            near: None,
        },
        next,
    ))
}

/// Turns parts read in `calendar` into a Gregorian date, checking that it exists. Hijri dates
/// need a day and a year.
fn resolve(
    calendar: SourceCalendar,
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
) -> Option<PartialDate> {
    match calendar {
        SourceCalendar::Gregorian => {
            if let Some(y) = year
                && !(1800..=2200).contains(&y)
            {
                return None;
            }
            let date = PartialDate {
                year: year.map(i16::try_from).transpose().ok()?,
                month: Some(month),
                day,
            };
            date.is_valid().then_some(date)
        }
        SourceCalendar::Hijri => {
            let year = year.filter(|y| (1300..=1600).contains(y))?;
            let (y, m, d) = hijri_to_gregorian(year, month, day?)?;
            PartialDate::full(y, m, d)
        }
    }
}

/// Converts an Umm al-Qura Hijri date to Gregorian, if the Hijri date exists.
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<(i16, u8, u8)> {
    let hijri = icu_calendar::Date::try_new_hijri_with_calendar(
        year,
        month,
        day,
        icu_calendar::cal::Hijri::new_umm_al_qura(),
    )
    .ok()?;
    let iso = hijri.to_calendar(icu_calendar::Iso);
    Some((
        i16::try_from(iso.year().extended_year()).ok()?,
        iso.month().ordinal,
        iso.day_of_month().0,
    ))
}

/// A month name at token `i`: (month, calendar, start, end, next token). Proclitics are read
/// only when `clitic_ok` (a month that opens a date: "وشباط 2026").
fn month_at(
    norm: &str,
    tokens: &[Token],
    i: usize,
    clitic_ok: bool,
) -> Option<(u8, SourceCalendar, usize, usize, usize)> {
    let tok = *tokens.get(i)?;
    for rd in readings(norm, tok) {
        if rd.clitic && !clitic_ok {
            break;
        }
        if rd.article {
            continue;
        }
        let Some(names) = cal().months.get(rd.stem) else {
            continue;
        };
        'names: for name in names {
            let mut end = tok.end;
            for (k, word) in name.words.iter().enumerate() {
                match tokens.get(i + 1 + k) {
                    Some(t) if &norm[end..t.start] == " " && t.text(norm) == word => end = t.end,
                    _ => continue 'names,
                }
            }
            let (month, calendar) = name.value;
            return Some((month, calendar, rd.start, end, i + 1 + name.words.len()));
        }
    }
    None
}

/// Where the month starts after a day that ends at `prev_end`, the month's token being `j` or
/// later: after a space, maybe with "من" and "شهر" ("9 من شباط", "14 شهر شباط"); or after a
/// date separator ("14/مارس/2021"), which is returned so that the year repeats it.
fn month_after_day(
    norm: &str,
    tokens: &[Token],
    j: usize,
    prev_end: usize,
) -> Option<(usize, Option<u8>)> {
    let t = tokens.get(j)?;
    let g = &norm[prev_end..t.start];
    if g != " " {
        return Some((j, Some(date_sep(g)?)));
    }
    let (mut j, mut prev) = (j, prev_end);
    let word_at = |j: usize, prev: usize, set: &dyn Fn(&str) -> bool| {
        tokens
            .get(j)
            .is_some_and(|t| &norm[prev..t.start] == " " && set(t.text(norm)))
    };
    if word_at(j, prev, &|w| w == FROM) {
        prev = tokens[j].end;
        j += 1;
    }
    if word_at(j, prev, &|w| cal().month_words.contains(w)) {
        prev = tokens[j].end;
        j += 1;
    }
    word_at(j, prev, &|_| true).then_some((j, None))
}

/// The day that opens a date at token `i`, if any: (start, day, month token, separator).
fn day_at(norm: &str, tokens: &[Token], i: usize) -> Option<(usize, u8, usize, Option<u8>)> {
    if let Some((start, digits, "")) = digit_token(norm, tokens[i], true) {
        let day: u8 = digits
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d) && digits.len() <= 2)?;
        let (month_tok, sep) = month_after_day(norm, tokens, i + 1, tokens[i].end)?;
        return Some((start, day, month_tok, sep));
    }
    // "في أول شباط", "غرة رمضان": the first day, right before the month. The words are few: a
    // token is read through its proclitics only when it ends like one of them.
    let text = tokens[i].text(norm);
    if cal().day_one.iter().any(|w| text.ends_with(w.as_str()))
        && let Some(rd) =
            readings(norm, tokens[i]).find(|r| !r.article && cal().day_one.contains(r.stem))
        && let Some((month_tok, None)) = month_after_day(norm, tokens, i + 1, tokens[i].end)
        && month_at(norm, tokens, month_tok, false).is_some()
    {
        return Some((rd.start, 1, month_tok, None));
    }
    // "التاسع من شباط": an ordinal day needs "من".
    let (num, after) = number_at(norm, tokens, i)?;
    if num.kind != NumberKind::Ordinal || !(1..=31).contains(&num.value) {
        return None;
    }
    let from = tokens.get(after)?;
    if &norm[num.span.end..from.start] != " " || from.text(norm) != FROM {
        return None;
    }
    let (month_tok, _) = month_after_day(norm, tokens, after, num.span.end)?;
    Some((
        num.span.start,
        u8::try_from(num.value).ok()?,
        month_tok,
        None,
    ))
}

/// Dates with a month name: "9 شباط 2026", "9 من شباط", "التاسع من شباط", "شباط/فبراير
/// 2026", "تشرين الثاني 2025", "21 شعبان 1447 هـ", "في 9 شباط الجاري", "14/مارس/2021",
/// "في أول شباط". `Some((None, next))` when the words up to `next` have the shape of a date
/// that does not exist or cannot be converted.
fn textual_at(norm: &str, tokens: &[Token], i: usize) -> Option<(Option<DateMatch>, usize)> {
    let cal = cal();
    let space = |a: usize, t: &Token| &norm[a..t.start] == " ";
    let opening = day_at(norm, tokens, i);
    let (start, day, month_tok, sep) = match opening {
        Some((start, day, month_tok, sep)) => (start, Some(day), month_tok, sep),
        // A digit or an ordinal that is not a day opens no date.
        None if digit_token(norm, tokens[i], true).is_some() => return None,
        None => (tokens[i].start, None, i, None),
    };
    let (month, calendar, month_start, mut end, mut next) =
        month_at(norm, tokens, month_tok, day.is_none())?;
    let start = if day.is_some() { start } else { month_start };
    if calendar == SourceCalendar::Gregorian
        && sep.is_none()
        && let Some((e, n)) = paired_month(norm, tokens, next, end, month)
    {
        end = e;
        next = n;
    }
    // The year, maybe after "من عام" or "سنة", and an era word; after the separator the day
    // and month were written with, when they were.
    let mut year = None;
    let mut era = None;
    let mut k = next;
    let mut prev_end = end;
    if sep.is_none() {
        for _ in 0..2 {
            match tokens.get(k) {
                Some(t) if space(prev_end, t) && cal.year_leads.contains(t.text(norm)) => {
                    prev_end = t.end;
                    k += 1;
                }
                _ => break,
            }
        }
    }
    if let Some(t) = tokens.get(k) {
        let g = &norm[prev_end..t.start];
        let joined = match sep {
            Some(s) => date_sep(g) == Some(s),
            None => g == " " || g == ", ",
        };
        if joined
            && let Some((_, digits, suffix)) = digit_token(norm, *t, false)
            && digits.len() == 4
        {
            year = digits.parse::<i32>().ok();
            era = era_of_suffix(suffix);
            end = t.end;
            next = k + 1;
            if era.is_none()
                && let Some((cal, e, n)) = era_after(norm, tokens, next, end)
            {
                era = Some(cal);
                end = e;
                next = n;
            }
        }
    }
    if era.is_some_and(|e| e != calendar) {
        // "9 شباط 1447 هـ" mixes calendars: trust neither.
        return Some((None, next));
    }
    let mut near = None;
    if year.is_none() {
        day?;
        if let Some(t) = tokens.get(next)
            && space(end, t)
            && let Some(n) = cal.near.get(t.text(norm))
        {
            near = Some(*n);
            end = t.end;
            next += 1;
        }
    }
    let date = resolve(calendar, year, month, day).map(|date| DateMatch {
        date,
        span: start..end,
        calendar,
        near,
    });
    Some((date, next))
}

/// A second name for the same month: "شباط/فبراير", "شباط (فبراير)", "نوفمبر/تشرين الثاني".
/// Returns where the pair ends (after a closing parenthesis) and the next token.
fn paired_month(
    norm: &str,
    tokens: &[Token],
    j: usize,
    end: usize,
    month: u8,
) -> Option<(usize, usize)> {
    let t = tokens.get(j)?;
    let sep = norm[end..t.start].trim_matches(' ');
    if !matches!(sep, "/" | "(" | "-" | "\\" | "|") || norm[end..t.start].len() > 3 {
        return None;
    }
    let (m, calendar, _, alt_end, next) = month_at(norm, tokens, j, false)?;
    if m != month || calendar != SourceCalendar::Gregorian {
        return None;
    }
    if sep != "(" {
        return Some((alt_end, next));
    }
    let rest = &norm[alt_end..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    rest[spaces..]
        .starts_with(')')
        .then_some((alt_end + spaces + 1, next))
}

#[cfg(test)]
mod tests;
