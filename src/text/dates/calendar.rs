//! The calendar words of `data/calendar.tsv` (month names of every system, weekday forms,
//! relative days, era words, time-stamp words), parsed once and indexed for the scanners.
//!
//! Every form is normalised at load, exactly as the text is, so a look-up is one hash probe per
//! token reading. Phrases of several words are indexed by their first word (forward scans) or by
//! their last word (the walk back from a weekday), longest first.

use jiff::civil::Weekday;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{SourceCalendar, parse_weekday_name};
use crate::lexicon::lists::Extensible;
use crate::text::normalize::normalize;

/// The built-in calendar file.
pub const BUILTIN: &str = include_str!("../../../data/calendar.tsv");

static CALENDAR: Extensible<Calendar> =
    Extensible::new(|| Calendar::parse(BUILTIN).unwrap_or_default());

/// Where a word places a day or month relative to the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Near {
    /// الماضي، الفائت، المنصرم.
    Last,
    /// الجاري، الحالي.
    This,
    /// المقبل، القادم، الآتي.
    Next,
}

/// How a weekday word may be read without a cue around it.
#[derive(Debug, Clone, Copy)]
pub(super) struct WeekdayWord {
    pub weekday: Weekday,
    /// With the article it is a weekday on its own (الخميس; not خميس, a name).
    pub article_alone: bool,
    /// Without the article it is a weekday on its own (ثلاثاء).
    pub bare_alone: bool,
}

/// A phrase of several words and what it means; `words` excludes the key word it is indexed by.
#[derive(Debug, Clone)]
pub(super) struct Phrase<T> {
    pub words: Vec<String>,
    pub value: T,
}

/// A relative-day phrase: its offset in days, and whether it needs a time cue before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RelativeWord {
    pub days: i8,
    pub cued: bool,
}

/// Every calendar word, indexed.
#[derive(Debug, Default)]
pub struct Calendar {
    pub(super) weekdays: FxHashMap<String, WeekdayWord>,
    pub(super) not_weekday_before: FxHashSet<String>,
    pub(super) not_weekday_after: FxHashSet<String>,
    pub(super) time_cues: FxHashSet<String>,
    /// Relative days by their first word, for the forward scan.
    pub(super) relative_by_first: FxHashMap<String, Vec<Phrase<RelativeWord>>>,
    /// Relative days by their last word, for the walk back from a weekday.
    pub(super) relative_by_last: FxHashMap<String, Vec<Phrase<RelativeWord>>>,
    pub(super) near: FxHashMap<String, Near>,
    pub(super) week_words: FxHashSet<String>,
    pub(super) month_words: FxHashSet<String>,
    pub(super) year_leads: FxHashSet<String>,
    pub(super) eras: FxHashMap<String, SourceCalendar>,
    /// "الموافق", which announces the same day in another calendar.
    pub corresponding: FxHashSet<String>,
    /// Month names by their first word.
    pub(super) months: FxHashMap<String, Vec<Phrase<(u8, SourceCalendar)>>>,
    pub(super) day_one: FxHashSet<String>,
    pub(super) offset_leads: FxHashMap<String, i8>,
    /// Words that are a count of days on their own (يومين = 2, أسبوع = 7).
    pub(super) offset_units: FxHashMap<String, u16>,
    /// Words that need a count before them, with the days each unit stands for (أيام = 1).
    pub(super) offset_per: FxHashMap<String, u16>,
    pub(super) offset_elsewhere: FxHashSet<String>,
    pub(super) day_noun_before: FxHashSet<String>,
    pub(super) day_noun_after: FxHashSet<String>,
    /// Publication cues (نشر، آخر تحديث), each normalised phrase with single spaces.
    pub stamp_cues: FxHashSet<String>,
    /// Words between a publication cue and its date (في، بتاريخ، يوم).
    pub stamp_links: FxHashSet<String>,
    /// Words that may stand just before a publication date without a cue (بتاريخ).
    pub date_words: FxHashSet<String>,
    /// Words that open a clock time (الساعة).
    pub clock_leads: FxHashSet<String>,
    /// Words of a clock time (ص، م، مساء، GMT).
    pub clock_words: FxHashSet<String>,
    /// Words of an announcement (المقرر، سوف).
    future: FxHashSet<String>,
    /// Beginnings of verbs that announce a meeting (تستضيف*).
    future_prefixes: Vec<String>,
}

/// Error in a calendar file.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("calendar.tsv line {line}: {message}")]
pub struct CalendarError {
    pub line: usize,
    pub message: String,
}

/// Which look-up a kind feeds: two rows of one table must not share a normalised form.
#[cfg(test)]
fn table_of(kind: &str) -> &str {
    match kind {
        "month_gregorian" | "month_hijri" => "month",
        "relative_day" | "relative_day_cued" => "relative_day",
        "offset_unit" | "offset_per" => "offset_unit",
        other => other,
    }
}

impl Calendar {
    /// Parses `kind<TAB>value<TAB>form` lines; `#` starts a comment line.
    pub fn parse(text: &str) -> Result<Self, CalendarError> {
        let mut cal = Calendar::default();
        let mut alone: Vec<(String, &str, usize)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| CalendarError {
                line: n + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, value, form] = cols[..] else {
                return Err(err(format!(
                    "expected 3 tab-separated columns, found {}",
                    cols.len()
                )));
            };
            // A form ending in * (future verbs only) matches any word that starts with it.
            let (form, prefix) = match form.trim().strip_suffix('*') {
                Some(f) if kind == "future" => (f, true),
                _ => (form.trim(), false),
            };
            let form = normalize(form);
            let words: Vec<String> = form.split_whitespace().map(str::to_owned).collect();
            let Some(first) = words.first().cloned() else {
                return Err(err("empty form".into()));
            };
            let bad_value = || err(format!("bad value {value:?} for kind {kind}"));
            let number = |lo: i32, hi: i32| {
                value
                    .parse::<i32>()
                    .ok()
                    .filter(|v| (lo..=hi).contains(v))
                    .ok_or_else(bad_value)
            };
            let one_word = |what: &str| {
                if words.len() == 1 {
                    Ok(())
                } else {
                    Err(err(format!("{what} must be one word")))
                }
            };
            match kind {
                "month_gregorian" | "month_hijri" => {
                    let month = number(1, 12)? as u8;
                    let calendar = if kind == "month_gregorian" {
                        SourceCalendar::Gregorian
                    } else {
                        SourceCalendar::Hijri
                    };
                    cal.months.entry(first).or_default().push(Phrase {
                        words: words[1..].to_vec(),
                        value: (month, calendar),
                    });
                }
                "weekday" => {
                    one_word("a weekday")?;
                    let weekday = parse_weekday_name(value).ok_or_else(bad_value)?;
                    cal.weekdays.insert(
                        first,
                        WeekdayWord {
                            weekday,
                            article_alone: false,
                            bare_alone: false,
                        },
                    );
                }
                "weekday_alone" => {
                    one_word("a weekday")?;
                    if !matches!(value, "article" | "both") {
                        return Err(bad_value());
                    }
                    alone.push((first, value, n + 1));
                }
                "relative_day" | "relative_day_cued" => {
                    let days = number(-9, 9)? as i8;
                    let value = RelativeWord {
                        days,
                        cued: kind == "relative_day_cued",
                    };
                    let last = words[words.len() - 1].clone();
                    cal.relative_by_first
                        .entry(first)
                        .or_default()
                        .push(Phrase {
                            words: words[1..].to_vec(),
                            value,
                        });
                    cal.relative_by_last.entry(last).or_default().push(Phrase {
                        words: words[..words.len() - 1].to_vec(),
                        value,
                    });
                }
                "near" => {
                    one_word("a relative word")?;
                    let near = match value {
                        "last" => Near::Last,
                        "this" => Near::This,
                        "next" => Near::Next,
                        _ => return Err(bad_value()),
                    };
                    cal.near.insert(first, near);
                }
                "era" => {
                    one_word("an era word")?;
                    let era = match value {
                        "gregorian" => SourceCalendar::Gregorian,
                        "hijri" => SourceCalendar::Hijri,
                        _ => return Err(bad_value()),
                    };
                    cal.eras.insert(first, era);
                }
                "offset_lead" => {
                    one_word("an offset word")?;
                    let sign = number(-1, 1)?;
                    if sign == 0 {
                        return Err(bad_value());
                    }
                    cal.offset_leads.insert(first, sign as i8);
                }
                "offset_unit" | "offset_per" => {
                    one_word("a unit")?;
                    let days = number(1, 366)? as u16;
                    let table = if kind == "offset_unit" {
                        &mut cal.offset_units
                    } else {
                        &mut cal.offset_per
                    };
                    table.insert(first, days);
                }
                "day_one" => {
                    one_word("a day word")?;
                    number(1, 1)?;
                    cal.day_one.insert(first);
                }
                "stamp_cue" => {
                    cal.stamp_cues.insert(words.join(" "));
                }
                "future" if prefix => {
                    one_word("a future verb")?;
                    cal.future_prefixes.push(first);
                }
                _ => {
                    one_word(kind)?;
                    let set = match kind {
                        "not_weekday_before" => &mut cal.not_weekday_before,
                        "not_weekday_after" => &mut cal.not_weekday_after,
                        "time_cue" => &mut cal.time_cues,
                        "week_word" => &mut cal.week_words,
                        "month_word" => &mut cal.month_words,
                        "year_lead" => &mut cal.year_leads,
                        "corresponding" => &mut cal.corresponding,
                        "offset_elsewhere" => &mut cal.offset_elsewhere,
                        "day_noun_before" => &mut cal.day_noun_before,
                        "day_noun_after" => &mut cal.day_noun_after,
                        "stamp_link" => &mut cal.stamp_links,
                        "date_word" => &mut cal.date_words,
                        "clock_lead" => &mut cal.clock_leads,
                        "clock_word" => &mut cal.clock_words,
                        "future" => &mut cal.future,
                        _ => return Err(err(format!("unknown kind {kind:?}"))),
                    };
                    set.insert(first);
                }
            }
        }
        for (form, value, line) in alone {
            let Some(word) = cal.weekdays.get_mut(&form) else {
                return Err(CalendarError {
                    line,
                    message: format!("{form} is not a weekday form listed as weekday"),
                });
            };
            word.article_alone = true;
            word.bare_alone = value == "both";
        }
        // Longest phrases first, so a scan takes "أول من أمس" before "أول".
        for list in cal.months.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        for list in cal
            .relative_by_first
            .values_mut()
            .chain(cal.relative_by_last.values_mut())
        {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        Ok(cal)
    }

    /// Whether a word (a stem, proclitics stripped) speaks of what is to come: "المقرر", "سوف",
    /// "تستضيف", and a verb of announcement with the future prefix, "ستستضيف".
    pub fn is_future(&self, stem: &str) -> bool {
        let announces = |w: &str| {
            self.future.contains(w)
                || self
                    .future_prefixes
                    .iter()
                    .any(|p| w.starts_with(p.as_str()))
        };
        announces(stem)
            || stem
                .strip_prefix('س')
                .is_some_and(|rest| rest.starts_with(['ي', 'ت', 'ن']) && announces(rest))
    }

    /// The calendar in force: `data/calendar.tsv`, extended by `--lexicon DIR` when given.
    pub fn builtin() -> &'static Calendar {
        CALENDAR.get()
    }

    /// The built-in calendar and the rows of `user` (checked alone first, so errors name the
    /// user's own lines).
    pub fn extended(user: &str) -> Result<Calendar, CalendarError> {
        Calendar::parse(user)?;
        Calendar::parse(&format!("{BUILTIN}\n{user}"))
    }

    /// Puts an extended calendar in force for the rest of the process; `false` if one already
    /// is.
    pub fn install(calendar: Calendar) -> bool {
        CALENDAR.install(calendar)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<(usize, &'static str)> {
        BUILTIN
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|(n, l)| (n + 1, l))
            .collect()
    }

    #[test]
    fn builtin_calendar_parses_is_sorted_and_has_no_duplicate() {
        let cal = Calendar::parse(BUILTIN);
        assert!(cal.is_ok(), "{cal:?}");
        let lines: Vec<&str> = rows().into_iter().map(|(_, l)| l).collect();
        let mut sorted = lines.clone();
        sorted.sort_unstable();
        assert_eq!(lines, sorted, "data/calendar.tsv must be sorted");
        let mut seen: FxHashMap<(String, String), usize> = FxHashMap::default();
        for (n, line) in rows() {
            let cols: Vec<&str> = line.split('\t').collect();
            let key = (table_of(cols[0]).to_owned(), normalize(cols[2]));
            if let Some(first) = seen.insert(key.clone(), n) {
                panic!("line {n} repeats the form of line {first}: {key:?}");
            }
        }
    }

    #[test]
    fn every_month_of_both_calendars_has_a_name() {
        let cal = Calendar::builtin();
        for calendar in [SourceCalendar::Gregorian, SourceCalendar::Hijri] {
            for month in 1..=12u8 {
                assert!(
                    cal.months
                        .values()
                        .flatten()
                        .any(|p| p.value == (month, calendar)),
                    "{calendar:?} {month}"
                );
            }
        }
    }

    #[test]
    fn errors_name_the_line() {
        let bad = [
            "month_gregorian\t13\tشهر",
            "weekday\tmonday",
            "weekday\tlundi\tاثنين",
            "weekday_alone\tarticle\tخميس",
            "nonsense\t-\tكلمة",
            "near\tsoon\tقريبا",
            "month_word\t-\t",
        ];
        for text in bad {
            let text = format!("# header\n{text}\n");
            let e = Calendar::parse(&text);
            assert_eq!(e.as_ref().map(|_| ()).map_err(|e| e.line), Err(2), "{text}");
        }
    }
}
