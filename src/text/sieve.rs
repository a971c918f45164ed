//! Which scanners may start a match at each token, worked out once per document.
//!
//! Every scanner (numbers, dates, weekdays, cues, the gazetteer) begins by splitting the word
//! at hand into its proclitic readings and looking each stem up in its own table. Most words of
//! a news article begin nothing: doing that work once per token, against one table that knows
//! every scanner's first words, lets each scanner skip the tokens that cannot open a match.
//!
//! The marks are a superset: a token is marked for a scanner whenever any reading's stem is one
//! of that scanner's first words, so a scanner that only starts at marked tokens finds exactly
//! what it finds starting everywhere (`tests::marks_never_hide_a_match` and the property tests
//! of `extract` hold it to that).

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use crate::text::tokens::{Token, bare, prefix_key, proclitic_readings};

/// The token holds an ASCII digit (numbers, numeric dates, a day before a month).
pub const DIGITS: u8 = 1 << 0;
/// A number word, "رقم", or an article written apart from the digits after it (الـ 90).
pub const NUMBER: u8 = 1 << 1;
/// The first word of a date with a month name (the month, or أول/غرة before it).
pub const MONTH: u8 = 1 << 2;
/// A weekday name.
pub const WEEKDAY: u8 = 1 << 3;
/// The first word of a cue phrase.
pub const CUE: u8 = 1 << 4;
/// The first word of a gazetteer alias.
pub const ENTITY: u8 = 1 << 5;
/// A word a relative day is found from (أمس، غدا، قبل، الشهر).
pub const RELATIVE_DAY: u8 = 1 << 6;

/// How many words' marks a thread remembers before it starts afresh (a few MB at most).
const REMEMBERED: usize = 1 << 16;

/// Sieves get a new id whenever their tables change, so remembered marks never outlive them.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// Marks of the words this thread has already seen, for the sieve whose id is first.
    static SEEN: RefCell<(u64, FxHashMap<Box<str>, u8>)> = RefCell::new((0, FxHashMap::default()));
}

/// Stems and the scanners they may open.
#[derive(Debug, Clone)]
pub struct Sieve {
    stems: FxHashMap<Box<str>, u8>,
    /// First words that match any word they begin (`استضاف*`), by [`prefix_key`].
    prefixes: FxHashMap<u64, Vec<(Box<str>, u8)>>,
    id: u64,
}

impl Default for Sieve {
    fn default() -> Self {
        Sieve {
            stems: FxHashMap::default(),
            prefixes: FxHashMap::default(),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }
}

impl Sieve {
    /// A sieve that knows the text layer's own first words (numbers, months, weekdays).
    pub fn with_text_layer() -> Self {
        let mut sieve = Sieve::default();
        for stem in crate::text::numbers::first_words() {
            sieve.add(stem, NUMBER);
        }
        for stem in crate::text::dates::date_first_words() {
            sieve.add(stem, MONTH);
        }
        for stem in crate::text::dates::weekday_words() {
            sieve.add(stem, WEEKDAY);
        }
        for stem in crate::text::dates::relative_day_words() {
            sieve.add(stem, RELATIVE_DAY);
        }
        sieve
    }

    /// Marks `stem` (normalised, as a scanner looks it up) as opening matches of `marks`.
    pub fn add(&mut self, stem: &str, marks: u8) {
        match self.stems.get_mut(stem) {
            Some(m) => *m |= marks,
            None => {
                self.stems.insert(stem.into(), marks);
            }
        }
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    }

    /// Marks every word whose bare form (`tokens::bare`) starts with `prefix` (normalised, no
    /// article) as opening matches of `marks`. Like the cue index, it compares words by their
    /// first three chars first, so a prefix of fewer chars only matches words of that length.
    pub fn add_prefix(&mut self, prefix: &str, marks: u8) {
        self.prefixes
            .entry(prefix_key(prefix))
            .or_default()
            .push((prefix.into(), marks));
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    }

    /// The marks of each token.
    pub fn marks(&self, norm: &str, tokens: &[Token]) -> Vec<u8> {
        // A word's marks depend on the word alone, and articles repeat most of their words
        // (and share them with other articles): each thread remembers the words it has seen.
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            let (id, words) = &mut *seen;
            if *id != self.id {
                words.clear();
                *id = self.id;
            }
            tokens
                .iter()
                .map(|t| {
                    let word = t.text(norm);
                    if let Some(&m) = words.get(word) {
                        return m;
                    }
                    let m = self.word_marks(word);
                    if words.len() >= REMEMBERED {
                        words.clear();
                    }
                    words.insert(word.into(), m);
                    m
                })
                .collect()
        })
    }

    /// The marks of one word, worked out.
    fn word_marks(&self, word: &str) -> u8 {
        let mut m = 0;
        if word.bytes().any(|b| b.is_ascii_digit()) {
            m |= DIGITS;
        }
        // "ال" on its own before digits ("الـ 90" normalises to "ال 90"), maybe with proclitics
        // (وال، بال، لل): the number scanner reads it as an ordinal.
        if word.len() <= 10 && (word.ends_with("ال") || word.ends_with("لل")) {
            m |= NUMBER;
        }
        for (_, stem, _) in proclitic_readings(word) {
            m |= self.stem_marks(stem);
            // A future verb ("وستستضيف") opens what its imperfect form opens.
            if let Some(verb) = crate::text::tokens::future_stem(stem) {
                m |= self.stem_marks(verb);
            }
        }
        m
    }

    fn stem_marks(&self, stem: &str) -> u8 {
        let mut m = self.stems.get(stem).copied().unwrap_or(0);
        if !self.prefixes.is_empty() {
            let stem = bare(stem);
            if let Some(prefixes) = self.prefixes.get(&prefix_key(stem)) {
                for (prefix, marks) in prefixes {
                    if stem.starts_with(&**prefix) {
                        m |= marks;
                    }
                }
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::dates::{
        dates_in, dates_where, relative_days_where, weekdays_in, weekdays_where,
    };
    use crate::text::normalize::normalize;
    use crate::text::numbers::{numbers_in, numbers_where};
    use crate::text::tokens::tokenize;

    fn check(text: &str) {
        let norm = normalize(text);
        let tokens = tokenize(&norm);
        let marks = Sieve::with_text_layer().marks(&norm, &tokens);
        let numbers = numbers_where(&norm, &tokens, |i| marks[i] & (DIGITS | NUMBER) != 0);
        assert_eq!(numbers, numbers_in(&norm, &tokens), "numbers in {text:?}");
        let dates = dates_where(&norm, &tokens, |i| {
            marks[i] & (DIGITS | NUMBER | MONTH) != 0
        });
        assert_eq!(dates, dates_in(&norm, &tokens), "dates in {text:?}");
        let weekdays = weekdays_where(&norm, &tokens, &dates, |i| marks[i] & WEEKDAY != 0);
        assert_eq!(
            weekdays,
            weekdays_in(&norm, &tokens, &dates),
            "weekdays in {text:?}"
        );
        let relative = relative_days_where(&norm, &tokens, &weekdays, &dates, |i| {
            marks[i] & RELATIVE_DAY != 0
        });
        let everywhere = relative_days_where(&norm, &tokens, &weekdays, &dates, |_| true);
        assert_eq!(relative, everywhere, "relative days in {text:?}");
    }

    #[test]
    fn remembered_marks_belong_to_their_sieve() {
        let norm = normalize("زار الرياض واستضافتها");
        let tokens = tokenize(&norm);
        let mut places = Sieve::default();
        places.add(&normalize("رياض"), ENTITY);
        places.add_prefix(&normalize("استضاف"), CUE);
        let plain = Sieve::default();
        for _ in 0..2 {
            assert_eq!(places.marks(&norm, &tokens), vec![0, ENTITY, CUE]);
            assert_eq!(plain.marks(&norm, &tokens), vec![0, 0, 0]);
        }
        // A sieve that changes forgets what this thread remembered for it.
        places.add(&normalize("زار"), CUE);
        assert_eq!(places.marks(&norm, &tokens), vec![CUE, ENTITY, CUE]);
    }

    #[test]
    fn marks_never_hide_a_match() {
        for text in [
            "انضم العضو رقم 90 والعضو الـ91 وبالـ 92 إلى التحالف",
            "عقد الاجتماع يوم الاثنين 9 شباط/فبراير 2026 وفي التاسع من شباط",
            "في 21 شعبان 1447 هـ الموافق 9/2/2026، أي الخميس الماضي",
            "خمسة وثمانون عضوا، والخامس والثمانين، وللمرة الحادية عشرة",
            "ثلاثة آلاف ومئتان، و12 دولة، وفي 2026م، والأربعاء المقبل",
            "كانون الثاني وتشرين الأول وجمادى الآخرة وذي القعدة",
            "في أول شباط وغرة رمضان 1447 و14/مارس/2021 والأحد من الأسبوع الماضي",
            "عقد أمس وبعد غد وقبل يومين وبعد ثلاثة أيام وفي التاسع من الشهر الجاري وصباح الغد",
        ] {
            check(text);
        }
    }
}
