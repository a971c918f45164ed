//! Dates and weekdays in Arabic news text: month names of the Levantine, Egyptian/Gulf and
//! Maghrebi systems, Hijri months (converted to Gregorian with Umm al-Qura), numeric dates,
//! and weekday names with their cues (يوم، مساء، أمس، الماضي …).
//!
//! Works on normalised text (`NormText`) and walks its tokens once. Spans are byte ranges into
//! the normalised text; a leading conjunction or preposition (و ف ب ل ك) stays outside them.
//! A year alone ("عام 2025") is not a date, nor is a Hijri date without a year.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use crate::text::normalize::normalize;
use crate::text::numbers::{NumberKind, is_era_suffix, number_at};
use crate::text::tokens::{Token, is_digits, proclitic_readings, tokenize};

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
    /// أول أمس.
    DayBeforeYesterday,
    /// أمس، البارحة.
    Yesterday,
    /// اليوم، هذا اليوم.
    Today,
    /// غدا.
    Tomorrow,
    /// بعد غد.
    DayAfterTomorrow,
    /// الماضي، الفائت، المنصرم، السابق.
    Last,
    /// المقبل، القادم، الآتي.
    Next,
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
}

/// How a weekday word may be read without a cue around it.
#[derive(Debug, Clone, Copy)]
struct WeekdayWord {
    weekday: Weekday,
    /// With the article it is a weekday on its own (الخميس; not الأحد, "the one").
    article_alone: bool,
    /// Without the article it is a weekday on its own (ثلاثاء; not خميس, a name).
    bare_alone: bool,
}

static WEEKDAYS: LazyLock<FxHashMap<String, WeekdayWord>> = LazyLock::new(|| {
    let table: [(&[&str], Weekday, bool, bool); 7] = [
        (&["أحد"], Weekday::Sunday, false, false),
        (&["اثنين", "اثنبن"], Weekday::Monday, true, false),
        (&["ثلاثاء", "ثلاثا", "ثلثاء"], Weekday::Tuesday, true, true),
        (&["أربعاء", "أربعا"], Weekday::Wednesday, true, true),
        (&["خميس"], Weekday::Thursday, true, false),
        (&["جمعة"], Weekday::Friday, true, false),
        (&["سبت"], Weekday::Saturday, true, false),
    ];
    let mut m = FxHashMap::default();
    for (forms, weekday, article_alone, bare_alone) in table {
        for f in forms {
            let word = WeekdayWord {
                weekday,
                article_alone,
                bare_alone,
            };
            m.insert(normalize(f), word);
        }
    }
    m
});

/// Times of day and "day" itself, which mark the next word as a weekday.
static TIME_CUES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    [
        "يوم",
        "مساء",
        "صباح",
        "ظهر",
        "ظهيرة",
        "ليلة",
        "ليل",
        "فجر",
        "عصر",
        "نهار",
    ]
    .iter()
    .map(|w| normalize(w))
    .collect()
});

/// One-word relatives before a weekday, looked up with their article.
static RELATIVE_BEFORE: LazyLock<FxHashMap<String, Relative>> = LazyLock::new(|| {
    [
        ("أمس", Relative::Yesterday),
        ("البارحة", Relative::Yesterday),
        ("اليوم", Relative::Today),
        ("غدا", Relative::Tomorrow),
        ("غداً", Relative::Tomorrow),
        ("غد", Relative::Tomorrow),
    ]
    .iter()
    .map(|(w, r)| (normalize(w), *r))
    .collect()
});

/// Two-word relatives: the word before a one-word relative that changes it.
static RELATIVE_PAIRS: LazyLock<Vec<(String, Relative, Relative)>> = LazyLock::new(|| {
    [
        ("أول", Relative::Yesterday, Relative::DayBeforeYesterday),
        ("بعد", Relative::Tomorrow, Relative::DayAfterTomorrow),
        ("هذا", Relative::Today, Relative::Today),
    ]
    .iter()
    .map(|(w, from, to)| (normalize(w), *from, *to))
    .collect()
});

static RELATIVE_AFTER: LazyLock<FxHashMap<String, Relative>> = LazyLock::new(|| {
    let last = [
        "الماضي",
        "الماضية",
        "الفائت",
        "الفائتة",
        "المنصرم",
        "المنصرمة",
        "السابق",
        "السابقة",
    ];
    let next = ["المقبل", "المقبلة", "القادم", "القادمة", "الآتي", "الآتية"];
    last.iter()
        .map(|w| (normalize(w), Relative::Last))
        .chain(next.iter().map(|w| (normalize(w), Relative::Next)))
        .collect()
});

/// Words after a day and month without a year that place it near the time of writing.
static MONTH_RELATIVE: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    ["الجاري", "الحالي", "الماضي", "المنصرم", "المقبل", "القادم"]
        .iter()
        .map(|w| normalize(w))
        .collect()
});

/// Words between a month and its year: "شباط من عام 2026".
static YEAR_LEADS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    ["من", "عام", "العام", "لعام", "سنة", "السنة", "لسنة"]
        .iter()
        .map(|w| normalize(w))
        .collect()
});

static ERA_WORDS: LazyLock<FxHashMap<String, SourceCalendar>> = LazyLock::new(|| {
    let hijri = ["هـ", "هجري", "هجرية", "هجريا", "للهجرة"];
    let gregorian = ["م", "ميلادي", "ميلادية", "ميلاديا", "للميلاد"];
    hijri
        .iter()
        .map(|w| (normalize(w), SourceCalendar::Hijri))
        .chain(
            gregorian
                .iter()
                .map(|w| (normalize(w), SourceCalendar::Gregorian)),
        )
        .collect()
});

/// "الموافق" (corresponding to), which announces a date.
static CORRESPONDING: LazyLock<String> = LazyLock::new(|| normalize("الموافق"));
static FROM: LazyLock<String> = LazyLock::new(|| normalize("من"));

/// A month name: its words after the first, its number and calendar.
#[derive(Debug, Clone)]
struct MonthName {
    rest: Vec<String>,
    month: u8,
    calendar: SourceCalendar,
}

/// Month names keyed by their first word; longer names first.
static MONTHS: LazyLock<FxHashMap<String, Vec<MonthName>>> = LazyLock::new(|| {
    use SourceCalendar::{Gregorian, Hijri};
    let table: [(&[&str], u8, SourceCalendar); 48] = [
        // Levantine and Iraqi.
        (&["كانون الثاني", "كانون ثاني"], 1, Gregorian),
        (&["شباط"], 2, Gregorian),
        (&["آذار"], 3, Gregorian),
        (&["نيسان"], 4, Gregorian),
        (&["أيار"], 5, Gregorian),
        (&["حزيران"], 6, Gregorian),
        (&["تموز"], 7, Gregorian),
        (&["آب"], 8, Gregorian),
        (&["أيلول"], 9, Gregorian),
        (&["تشرين الأول", "تشرين أول"], 10, Gregorian),
        (&["تشرين الثاني", "تشرين ثاني"], 11, Gregorian),
        (&["كانون الأول", "كانون أول"], 12, Gregorian),
        // Egyptian and Gulf, with Moroccan forms.
        (&["يناير"], 1, Gregorian),
        (&["فبراير"], 2, Gregorian),
        (&["مارس"], 3, Gregorian),
        (&["أبريل", "ابريل", "إبريل"], 4, Gregorian),
        (&["مايو"], 5, Gregorian),
        (&["يونيو", "يونيه"], 6, Gregorian),
        (&["يوليو", "يوليه", "يوليوز"], 7, Gregorian),
        (&["أغسطس", "اغسطس", "غشت"], 8, Gregorian),
        (&["سبتمبر", "شتنبر"], 9, Gregorian),
        (&["أكتوبر"], 10, Gregorian),
        (&["نوفمبر", "نونبر"], 11, Gregorian),
        (&["ديسمبر", "دجنبر"], 12, Gregorian),
        // Algerian and Tunisian (مارس، سبتمبر … are shared with the list above).
        (&["جانفي"], 1, Gregorian),
        (&["فيفري"], 2, Gregorian),
        (&["أفريل"], 4, Gregorian),
        (&["ماي"], 5, Gregorian),
        (&["جوان"], 6, Gregorian),
        (&["جويلية"], 7, Gregorian),
        (&["أوت"], 8, Gregorian),
        // Hijri.
        (&["محرم"], 1, Hijri),
        (&["صفر"], 2, Hijri),
        (&["ربيع الأول"], 3, Hijri),
        (&["ربيع الآخر", "ربيع الثاني"], 4, Hijri),
        (&["جمادى الأولى", "جمادى الأول"], 5, Hijri),
        (
            &["جمادى الآخرة", "جمادى الآخر", "جمادى الثانية", "جمادى الثاني"],
            6,
            Hijri,
        ),
        (&["رجب"], 7, Hijri),
        (&["شعبان"], 8, Hijri),
        (&["رمضان"], 9, Hijri),
        (&["شوال"], 10, Hijri),
        (&["ذو القعدة", "ذي القعدة"], 11, Hijri),
        (&["ذو الحجة", "ذي الحجة"], 12, Hijri),
        // Spelling variants seen with a hamza or alef dropped.
        (&["اذار"], 3, Gregorian),
        (&["ايار"], 5, Gregorian),
        (&["اب"], 8, Gregorian),
        (&["ايلول"], 9, Gregorian),
        (&["اكتوبر"], 10, Gregorian),
    ];
    let mut m: FxHashMap<String, Vec<MonthName>> = FxHashMap::default();
    for (forms, month, calendar) in table {
        for f in forms {
            let words: Vec<String> = normalize(f).split(' ').map(str::to_string).collect();
            let name = MonthName {
                rest: words[1..].to_vec(),
                month,
                calendar,
            };
            let entry = m.entry(words[0].clone()).or_default();
            if !entry
                .iter()
                .any(|n| n.rest == name.rest && n.month == month && n.calendar == calendar)
            {
                entry.push(name);
            }
        }
    }
    for names in m.values_mut() {
        names.sort_by_key(|n| std::cmp::Reverse(n.rest.len()));
    }
    m
});

/// Every stem a month name can begin with, as the date scanner looks it up.
pub fn month_first_words() -> impl Iterator<Item = &'static str> {
    MONTHS.keys().map(String::as_str)
}

/// Every weekday name, as the weekday scanner looks it up.
pub fn weekday_words() -> impl Iterator<Item = &'static str> {
    WEEKDAYS.keys().map(String::as_str)
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
                out.push(m);
                floor = next;
                i = next;
            }
            None => i += 1,
        }
    }
    out
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
    let tok = tokens[i];
    let (word, reading) =
        readings(norm, tok).find_map(|r| WEEKDAYS.get(r.stem).map(|w| (*w, r)))?;
    let gap = |a: usize, b: usize| &norm[tokens[a].end..tokens[b].start];
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
            let prev = tokens[p];
            let opened = if relative.is_none()
                && let Some((r, rd)) = readings(norm, prev)
                    .find_map(|r| RELATIVE_BEFORE.get(r.stem).map(|rel| (*rel, r)))
            {
                relative = Some(r);
                start = rd.start;
                j = p;
                let pair = (!rd.clitic && p > floor && gap(p - 1, p) == " ")
                    .then(|| {
                        readings(norm, tokens[p - 1]).find_map(|rd| {
                            RELATIVE_PAIRS
                                .iter()
                                .find(|(w, from, _)| w == rd.stem && *from == r)
                                .map(|(_, _, to)| (*to, rd))
                        })
                    })
                    .flatten();
                match pair {
                    Some((to, rd)) => {
                        relative = Some(to);
                        start = rd.start;
                        j = p - 1;
                        rd.clitic
                    }
                    None => rd.clitic,
                }
            } else if let Some(rd) =
                readings(norm, prev).find(|r| !r.article && TIME_CUES.contains(r.stem))
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
        && let Some(r) = RELATIVE_AFTER.get(after.text(norm))
    {
        relative = relative.or(Some(*r));
        end = after.end;
        next += 1;
    }
    let date_follows = tokens.get(next).is_some_and(|t| {
        let g = &norm[end..t.start];
        (g == " " || g == ", ")
            && (date_starts.contains(&t.start) || t.text(norm) == CORRESPONDING.as_str())
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
    ERA_WORDS.get(suffix).copied()
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
    ERA_WORDS.get(t.text(norm)).map(|c| (*c, t.end, j + 1))
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
        let Some(names) = MONTHS.get(rd.stem) else {
            continue;
        };
        'names: for name in names {
            let mut end = tok.end;
            for (k, word) in name.rest.iter().enumerate() {
                match tokens.get(i + 1 + k) {
                    Some(t) if &norm[end..t.start] == " " && t.text(norm) == word => end = t.end,
                    _ => continue 'names,
                }
            }
            return Some((
                name.month,
                name.calendar,
                rd.start,
                end,
                i + 1 + name.rest.len(),
            ));
        }
    }
    None
}

/// Dates with a month name: "9 شباط 2026", "9 من شباط", "التاسع من شباط", "شباط/فبراير
/// 2026", "تشرين الثاني 2025", "21 شعبان 1447 هـ", "في 9 شباط الجاري". `Some((None, next))`
/// when the words up to `next` have the shape of a date that does not exist or cannot be
/// converted.
fn textual_at(norm: &str, tokens: &[Token], i: usize) -> Option<(Option<DateMatch>, usize)> {
    let space = |a: usize, t: &Token| &norm[a..t.start] == " ";
    let from_at = |j: usize, prev_end: usize| {
        tokens
            .get(j)
            .is_some_and(|t| space(prev_end, t) && t.text(norm) == FROM.as_str())
    };
    // The day, if any, and where the month starts.
    let (start, day, month_tok) =
        if let Some((start, digits, "")) = digit_token(norm, tokens[i], true) {
            let day: u8 = digits
                .parse()
                .ok()
                .filter(|d| (1..=31).contains(d) && digits.len() <= 2)?;
            let mut j = i + 1;
            let next = tokens.get(j)?;
            if !space(tokens[i].end, next) {
                return None;
            }
            if from_at(j, tokens[i].end) {
                j += 1;
                if !tokens.get(j).is_some_and(|t| space(tokens[j - 1].end, t)) {
                    return None;
                }
            }
            (start, Some(day), j)
        } else if let Some((num, after)) = number_at(norm, tokens, i)
            && num.kind == NumberKind::Ordinal
            && (1..=31).contains(&num.value)
        {
            // "التاسع من شباط": an ordinal day needs "من".
            if !from_at(after, num.span.end) {
                return None;
            }
            let day = u8::try_from(num.value).ok()?;
            (num.span.start, Some(day), after + 1)
        } else {
            (tokens[i].start, None, i)
        };
    let (month, calendar, month_start, mut end, mut next) =
        month_at(norm, tokens, month_tok, day.is_none())?;
    let start = if day.is_some() { start } else { month_start };
    if calendar == SourceCalendar::Gregorian
        && let Some((e, n)) = paired_month(norm, tokens, next, end, month)
    {
        end = e;
        next = n;
    }
    // The year, maybe after "من عام" or "سنة", and an era word.
    let mut year = None;
    let mut era = None;
    let mut k = next;
    let mut prev_end = end;
    for _ in 0..2 {
        match tokens.get(k) {
            Some(t) if space(prev_end, t) && YEAR_LEADS.contains(t.text(norm)) => {
                prev_end = t.end;
                k += 1;
            }
            _ => break,
        }
    }
    if let Some(t) = tokens.get(k) {
        let g = &norm[prev_end..t.start];
        if (g == " " || g == ", ")
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
    if year.is_none() {
        day?;
        if let Some(t) = tokens.get(next)
            && space(end, t)
            && MONTH_RELATIVE.contains(t.text(norm))
        {
            end = t.end;
            next += 1;
        }
    }
    let date = resolve(calendar, year, month, day).map(|date| DateMatch {
        date,
        span: start..end,
        calendar,
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
mod tests {
    use super::*;
    use crate::text::normalize::NormText;

    /// Dates in `original` as (ISO, calendar, exact original substring).
    fn dates(original: &str) -> Vec<(String, SourceCalendar, String)> {
        let norm = NormText::new(original);
        find_dates(norm.as_str())
            .into_iter()
            .map(|m| {
                (
                    m.date.iso(),
                    m.calendar,
                    original[norm.to_original(m.span)].to_string(),
                )
            })
            .collect()
    }

    fn date(original: &str) -> (String, String) {
        let all = dates(original);
        assert_eq!(all.len(), 1, "{original}: {all:?}");
        let (iso, _, text) = all.into_iter().next().unwrap_or_else(|| unreachable!());
        (iso, text)
    }

    fn d(iso: &str, text: &str) -> (String, String) {
        (iso.to_string(), text.to_string())
    }

    /// Weekdays in `original` as (weekday, relative, exact original substring).
    fn weekdays(original: &str) -> Vec<(Weekday, Option<Relative>, String)> {
        let norm = NormText::new(original);
        find_weekdays(norm.as_str())
            .into_iter()
            .map(|m| {
                (
                    m.weekday,
                    m.relative,
                    original[norm.to_original(m.span)].to_string(),
                )
            })
            .collect()
    }

    fn weekday(original: &str) -> (Weekday, Option<Relative>, String) {
        let all = weekdays(original);
        assert_eq!(all.len(), 1, "{original}: {all:?}");
        all.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn w(day: Weekday, rel: Option<Relative>, text: &str) -> (Weekday, Option<Relative>, String) {
        (day, rel, text.to_string())
    }

    use Weekday::*;

    #[test]
    fn levantine_months() {
        let names = [
            "كانون الثاني",
            "شباط",
            "آذار",
            "نيسان",
            "أيار",
            "حزيران",
            "تموز",
            "آب",
            "أيلول",
            "تشرين الأول",
            "تشرين الثاني",
            "كانون الأول",
        ];
        for (k, name) in names.iter().enumerate() {
            let text = format!("عقد اللقاء في 3 {name} 2025 بحضور الوزراء");
            assert_eq!(
                date(&text),
                d(&format!("2025-{:02}-03", k + 1), &format!("3 {name} 2025"))
            );
        }
    }

    #[test]
    fn egyptian_and_gulf_months() {
        let names = [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ];
        for (k, name) in names.iter().enumerate() {
            let text = format!("وصل الوفد يوم 4 {name} 2024");
            assert_eq!(
                date(&text),
                d(&format!("2024-{:02}-04", k + 1), &format!("4 {name} 2024"))
            );
        }
        for (name, month) in [
            ("ابريل", 4),
            ("إبريل", 4),
            ("يونيه", 6),
            ("يوليه", 7),
            ("اغسطس", 8),
        ] {
            let text = format!("وصل الوفد في 4 {name} 2024");
            assert_eq!(
                date(&text),
                d(&format!("2024-{month:02}-04"), &format!("4 {name} 2024"))
            );
        }
    }

    #[test]
    fn maghrebi_months() {
        let names = [
            "جانفي",
            "فيفري",
            "مارس",
            "أفريل",
            "ماي",
            "جوان",
            "جويلية",
            "أوت",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ];
        for (k, name) in names.iter().enumerate() {
            let text = format!("انعقد المؤتمر في 5 {name} 2023");
            assert_eq!(
                date(&text),
                d(&format!("2023-{:02}-05", k + 1), &format!("5 {name} 2023"))
            );
        }
    }

    #[test]
    fn hijri_months_convert_with_umm_al_qura() {
        assert_eq!(hijri_to_gregorian(1447, 9, 1), Some((2026, 2, 18)));
        let names = [
            "محرم",
            "صفر",
            "ربيع الأول",
            "ربيع الآخر",
            "جمادى الأولى",
            "جمادى الآخرة",
            "رجب",
            "شعبان",
            "رمضان",
            "شوال",
            "ذو القعدة",
            "ذو الحجة",
        ];
        for (k, name) in names.iter().enumerate() {
            let text = format!("في 10 {name} 1446 هـ كان الاجتماع");
            let all = dates(&text);
            assert_eq!(all.len(), 1, "{text}");
            let (y, m, day) = hijri_to_gregorian(1446, k as u8 + 1, 10).unwrap_or_default();
            assert_eq!(all[0].0, format!("{y:04}-{m:02}-{day:02}"));
            assert_eq!(all[0].1, SourceCalendar::Hijri);
            assert_eq!(all[0].2, format!("10 {name} 1446 ه"));
        }
    }

    #[test]
    fn hijri_forms() {
        assert_eq!(
            date("الأحد 1 رمضان 1447 هـ"),
            d("2026-02-18", "1 رمضان 1447 ه")
        );
        assert_eq!(date("في 1 رمضان 1447هـ"), d("2026-02-18", "1 رمضان 1447ه"));
        assert_eq!(
            date("في 1 رمضان 1447 للهجرة"),
            d("2026-02-18", "1 رمضان 1447 للهجرة")
        );
        assert_eq!(
            date("في 1 رمضان عام 1447"),
            d("2026-02-18", "1 رمضان عام 1447")
        );
        assert_eq!(
            date("في 1 ربيع الثاني 1447"),
            d("2025-09-23", "1 ربيع الثاني 1447")
        );
        assert_eq!(
            date("في 1 ذي الحجة 1446"),
            d("2025-05-28", "1 ذي الحجة 1446")
        );
        assert_eq!(
            date("في 1 جمادى الثانية 1447"),
            d("2025-11-22", "1 جمادى الثانية 1447")
        );
        assert_eq!(
            date("الموافق 21 شعبان 1447 هـ"),
            d(
                &{
                    let (y, m, dd) = hijri_to_gregorian(1447, 8, 21).unwrap_or_default();
                    format!("{y:04}-{m:02}-{dd:02}")
                },
                "21 شعبان 1447 ه"
            )
        );
    }

    #[test]
    fn hijri_without_year_or_with_an_impossible_day_is_skipped() {
        assert!(dates("صام الناس في 3 رمضان").is_empty());
        assert!(dates("في شهر رمضان 1447").is_empty());
        assert!(dates("في 31 رمضان 1447").is_empty());
        assert!(dates("لقيت صفر نتائج").is_empty());
    }

    #[test]
    fn paired_month_names() {
        assert_eq!(
            date("منذ أيلول/ سبتمبر 2014"),
            d("2014-09", "أيلول/ سبتمبر 2014")
        );
        assert_eq!(
            date("يوم 9 شباط/فبراير 2026"),
            d("2026-02-09", "9 شباط/فبراير 2026")
        );
        assert_eq!(
            date("في نوفمبر/تشرين الثاني 2025"),
            d("2025-11", "نوفمبر/تشرين الثاني 2025")
        );
        assert_eq!(
            date("في 9 شباط (فبراير) 2026"),
            d("2026-02-09", "9 شباط (فبراير) 2026")
        );
        assert_eq!(
            date("في 9 شباط (فبراير) الماضي"),
            d("--02-09", "9 شباط (فبراير) الماضي")
        );
        assert_eq!(
            date("حتى 9 شباط (فبراير)، ثم"),
            d("--02-09", "9 شباط (فبراير)")
        );
        // Names of different months are not a pair.
        let odd = dates("في 9 شباط/مارس 2026");
        assert_eq!(
            (odd[0].0.as_str(), odd[0].2.as_str()),
            ("--02-09", "9 شباط")
        );
    }

    #[test]
    fn day_month_variants() {
        assert_eq!(date("يوم 9 من شباط"), d("--02-09", "9 من شباط"));
        assert_eq!(date("الموافق 9 شباط"), d("--02-09", "9 شباط"));
        assert_eq!(date("في 9 شباط الجاري"), d("--02-09", "9 شباط الجاري"));
        assert_eq!(
            date("في التاسع من شباط 2026"),
            d("2026-02-09", "التاسع من شباط 2026")
        );
        assert_eq!(
            date("في الأول من كانون الثاني"),
            d("--01-01", "الأول من كانون الثاني")
        );
        assert_eq!(date("في ٩ شباط ٢٠٢٦"), d("2026-02-09", "٩ شباط ٢٠٢٦"));
        assert_eq!(
            date("في 9 شباط من عام 2026"),
            d("2026-02-09", "9 شباط من عام 2026")
        );
        assert_eq!(date("و9 شباط 2026م"), d("2026-02-09", "9 شباط 2026م"));
        assert_eq!(date("في 9 شباط 2026 م"), d("2026-02-09", "9 شباط 2026 م"));
    }

    #[test]
    fn month_and_year_without_day() {
        assert_eq!(
            date("في تشرين الثاني 2025 عقدت"),
            d("2025-11", "تشرين الثاني 2025")
        );
        assert_eq!(date("ومنذ فبراير 2026"), d("2026-02", "فبراير 2026"));
        assert_eq!(
            date("في شباط من العام 2026"),
            d("2026-02", "شباط من العام 2026")
        );
    }

    #[test]
    fn a_year_or_a_month_alone_is_not_a_date() {
        assert!(dates("في عام 2025 تأسس التحالف").is_empty());
        assert!(dates("في سنة 2025 وسنة 2026").is_empty());
        assert!(dates("في شباط الماضي").is_empty());
        assert!(dates("مارس الضغط على الوفد").is_empty());
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(date("في 9/2/2026 عقد"), d("2026-02-09", "9/2/2026"));
        assert_eq!(date("في 09-02-2026 عقد"), d("2026-02-09", "09-02-2026"));
        assert_eq!(date("في 9.2.2026 عقد"), d("2026-02-09", "9.2.2026"));
        assert_eq!(date("في 8-06- 2023 عقد"), d("2023-06-08", "8-06- 2023"));
        assert_eq!(date("في 2026-02-09 عقد"), d("2026-02-09", "2026-02-09"));
        assert_eq!(date("في ٢٠٢٦/٠٢/٠٩ عقد"), d("2026-02-09", "٢٠٢٦/٠٢/٠٩"));
        assert_eq!(date("في 9/2/26 عقد"), d("2026-02-09", "9/2/26"));
        assert_eq!(date("في ۹/۲/۲۰۲۶ عقد"), d("2026-02-09", "۹/۲/۲۰۲۶"));
    }

    #[test]
    fn numeric_hijri_dates() {
        assert_eq!(date("في 1/9/1447هـ"), d("2026-02-18", "1/9/1447ه"));
        assert_eq!(date("في 1/9/1447 هـ"), d("2026-02-18", "1/9/1447 ه"));
    }

    #[test]
    fn numeric_non_dates() {
        assert!(dates("العنوان 1.2.3.4 والرقم 10.5.2").is_empty());
        assert!(dates("النتيجة 2-1 في 9/2").is_empty());
        assert!(dates("في 1.500.000 دولار").is_empty());
        assert!(dates("انظر البند 1.2.10").is_empty());
    }

    #[test]
    fn impossible_days_are_rejected() {
        assert!(dates("في 31 شباط 2026").is_empty());
        assert!(dates("في 31/2/2026").is_empty());
        assert!(dates("في 29 شباط 2026").is_empty());
        assert_eq!(date("في 29 شباط 2024"), d("2024-02-29", "29 شباط 2024"));
        assert_eq!(date("في 29 شباط"), d("--02-29", "29 شباط"));
        assert!(dates("في 31 نيسان").is_empty());
        assert!(dates("في 32 آذار").is_empty());
    }

    #[test]
    fn partial_date_iso_round_trip() {
        for s in ["2026-02-09", "--02-09", "2026-02", "2026", "--02", "---09"] {
            let p = PartialDate::parse_iso(s);
            assert_eq!(p.map(|p| p.iso()), Some(s.to_string()), "{s}");
        }
        for s in [
            "2026-02-30",
            "--02-30",
            "2026-13",
            "26-02-09",
            "2026-2-9",
            "",
            "x",
            "2026-02-09-1",
        ] {
            assert_eq!(PartialDate::parse_iso(s), None, "{s}");
        }
    }

    #[test]
    fn partial_date_weekday_and_compatibility() {
        let full = PartialDate::full(2026, 2, 9).unwrap_or_default();
        assert_eq!(full.weekday(), Some(Monday));
        assert_eq!(weekday_of(full), Some(Monday));
        let no_year = PartialDate { year: None, ..full };
        assert_eq!(no_year.weekday(), None);
        assert!(full.compatible(&no_year));
        let other_day = PartialDate {
            day: Some(10),
            ..no_year
        };
        assert!(!full.compatible(&other_day));
        assert_eq!(PartialDate::full(2026, 2, 31), None);
    }

    #[test]
    fn with_year_near_crosses_year_boundaries() {
        let norm = NormText::new("في 28 كانون الأول");
        let found = find_dates(norm.as_str());
        assert_eq!(found.len(), 1);
        let reference = jiff::civil::date(2026, 1, 3);
        assert_eq!(found[0].date.with_year_near(reference).iso(), "2025-12-28");
        let january = PartialDate::parse_iso("--01-02").unwrap_or_default();
        assert_eq!(
            january
                .with_year_near(jiff::civil::date(2025, 12, 30))
                .iso(),
            "2026-01-02"
        );
        let leap = PartialDate::parse_iso("--02-29").unwrap_or_default();
        assert_eq!(
            leap.with_year_near(jiff::civil::date(2025, 3, 1)).iso(),
            "2024-02-29"
        );
        let full = PartialDate::parse_iso("2020-05-05").unwrap_or_default();
        assert_eq!(full.with_year_near(reference), full);
    }

    #[test]
    fn weekday_names_round_trip() {
        for day in ALL_WEEKDAYS {
            assert_eq!(parse_weekday_name(weekday_name(day)), Some(day));
        }
        assert_eq!(weekday_name(Monday), "monday");
        assert_eq!(parse_weekday_name("Sunday"), Some(Sunday));
        assert_eq!(parse_weekday_name("lundi"), None);
    }

    #[test]
    fn every_weekday_spelling() {
        let cases = [
            ("الاثنين", Monday),
            ("الإثنين", Monday),
            ("الأثنين", Monday),
            ("الاثنبن", Monday),
            ("الثلاثاء", Tuesday),
            ("الثلاثا", Tuesday),
            ("الأربعاء", Wednesday),
            ("الاربعاء", Wednesday),
            ("الخميس", Thursday),
            ("الجمعة", Friday),
            ("السبت", Saturday),
        ];
        for (name, day) in cases {
            let text = format!("وصل الوزير {name} إلى العاصمة");
            assert_eq!(weekday(&text), w(day, None, name), "{text}");
        }
        assert_eq!(weekday("وصل يوم إثنين"), w(Monday, None, "يوم إثنين"));
        assert_eq!(weekday("وصل يوم الأحد"), w(Sunday, None, "يوم الأحد"));
        assert_eq!(weekday("جرى ثلاثاء حافل"), w(Tuesday, None, "ثلاثاء"));
    }

    #[test]
    fn ambiguous_words_need_a_cue() {
        assert!(weekdays("قال الأحد من المسؤولين").is_empty());
        assert!(weekdays("التقى جمعة بالوزير").is_empty());
        assert!(weekdays("التقى خميس بالوزير").is_empty());
        assert!(weekdays("جاء اثنين من الوزراء").is_empty());
        assert_eq!(weekday("وصل الأحد 8 شباط"), w(Sunday, None, "الأحد"));
        assert_eq!(weekday("وصل الأحد، 8/2/2026"), w(Sunday, None, "الأحد"));
        assert_eq!(weekday("وصل الأحد الموافق 8 شباط"), w(Sunday, None, "الأحد"));
        assert_eq!(weekday("وصل مساء جمعة"), w(Friday, None, "مساء جمعة"));
    }

    #[test]
    fn time_of_day_cues() {
        for cue in ["يوم", "مساء", "صباح", "ظهر", "ليلة", "فجر"] {
            let text = format!("وصل {cue} الخميس");
            assert_eq!(weekday(&text), w(Thursday, None, &format!("{cue} الخميس")));
        }
        assert_eq!(
            weekday("وصل صباح يوم الخميس"),
            w(Thursday, None, "صباح يوم الخميس")
        );
    }

    #[test]
    fn relatives_before() {
        assert_eq!(
            weekday("أمس الإثنين"),
            w(Monday, Some(Relative::Yesterday), "أمس الإثنين")
        );
        assert_eq!(
            weekday("وصل يوم أمس الخميس"),
            w(Thursday, Some(Relative::Yesterday), "يوم أمس الخميس")
        );
        assert_eq!(
            weekday("وصل البارحة الأحد"),
            w(Sunday, Some(Relative::Yesterday), "البارحة الأحد")
        );
        assert_eq!(
            weekday("يصل اليوم الثلاثاء"),
            w(Tuesday, Some(Relative::Today), "اليوم الثلاثاء")
        );
        assert_eq!(
            weekday("يصل في هذا اليوم الثلاثاء"),
            w(Tuesday, Some(Relative::Today), "هذا اليوم الثلاثاء")
        );
        assert_eq!(
            weekday("يصل صباح اليوم السبت"),
            w(Saturday, Some(Relative::Today), "صباح اليوم السبت")
        );
        assert_eq!(
            weekday("يصل غدا الجمعة"),
            w(Friday, Some(Relative::Tomorrow), "غدا الجمعة")
        );
        assert_eq!(
            weekday("يصل غداً الجمعة"),
            w(Friday, Some(Relative::Tomorrow), "غداً الجمعة")
        );
        assert_eq!(
            weekday("وصل أول أمس الأربعاء"),
            w(
                Wednesday,
                Some(Relative::DayBeforeYesterday),
                "أول أمس الأربعاء"
            )
        );
        assert_eq!(
            weekday("يصل بعد غد السبت"),
            w(Saturday, Some(Relative::DayAfterTomorrow), "بعد غد السبت")
        );
        assert_eq!(
            weekday("قال مساء أمس، الأربعاء"),
            w(Wednesday, Some(Relative::Yesterday), "مساء أمس، الأربعاء")
        );
    }

    #[test]
    fn relatives_after() {
        for (word, rel) in [
            ("الماضي", Relative::Last),
            ("الفائت", Relative::Last),
            ("المنصرم", Relative::Last),
            ("السابق", Relative::Last),
            ("المقبل", Relative::Next),
            ("القادم", Relative::Next),
            ("الآتي", Relative::Next),
        ] {
            let text = format!("عقد السبت {word} لقاء");
            assert_eq!(
                weekday(&text),
                w(Saturday, Some(rel), &format!("السبت {word}"))
            );
        }
        assert_eq!(
            weekday("تعقد الجمعة المقبلة"),
            w(Friday, Some(Relative::Next), "الجمعة المقبلة")
        );
        assert_eq!(
            weekday("الأحد الماضي"),
            w(Sunday, Some(Relative::Last), "الأحد الماضي")
        );
    }

    #[test]
    fn proclitics_on_weekdays_and_cues() {
        assert_eq!(
            weekdays("بين الأربعاء والخميس"),
            vec![w(Wednesday, None, "الأربعاء"), w(Thursday, None, "الخميس")]
        );
        assert_eq!(weekday("ويوم الخميس وصل"), w(Thursday, None, "يوم الخميس"));
        assert_eq!(
            weekday("وأمس الخميس وصل"),
            w(Thursday, Some(Relative::Yesterday), "أمس الخميس")
        );
    }

    #[test]
    fn weekdays_do_not_share_cues() {
        assert_eq!(
            weekdays("الثلاثاء الماضي الخميس"),
            vec![
                w(Tuesday, Some(Relative::Last), "الثلاثاء الماضي"),
                w(Thursday, None, "الخميس")
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let norm = NormText::new(&s);
            for m in find_dates(norm.as_str()) {
                proptest::prop_assert!(norm.as_str().is_char_boundary(m.span.start));
                proptest::prop_assert!(m.span.start < m.span.end);
            }
            for m in find_weekdays(norm.as_str()) {
                proptest::prop_assert!(norm.as_str().is_char_boundary(m.span.end));
                proptest::prop_assert!(m.span.start < m.span.end);
            }
        }

        #[test]
        fn never_panics_on_date_like_text(s in "[0-9 /.\\-()،,هـميومسأالخيشباطرمضان٠-٩]{0,60}") {
            let norm = NormText::new(&s);
            let found = find_dates(norm.as_str());
            for pair in found.windows(2) {
                proptest::prop_assert!(pair[0].span.end <= pair[1].span.start);
            }
            let _ = find_weekdays(norm.as_str());
        }

        #[test]
        fn iso_round_trips(y in 1800i16..2200, m in 1u8..=12, d in 1u8..=31) {
            if let Some(p) = PartialDate::full(y, m, d) {
                proptest::prop_assert_eq!(PartialDate::parse_iso(&p.iso()), Some(p));
            }
        }
    }
}
