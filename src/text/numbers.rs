//! Numbers in Arabic news text: digits and number words, cardinal and ordinal.
//!
//! Works on normalised text (`NormText`): digits are ASCII, hamza forms folded, ة written ه.
//! Spans are byte ranges into the normalised text. A leading conjunction or preposition
//! (و ف ب ل ك) stays outside a span; an article that makes a word ordinal or definite
//! (التسعين، ال90، الست) stays inside it. The number words, Modern Standard Arabic in every case
//! ending and the Egyptian and Levantine forms, are data: `data/numbers.tsv`.
//!
//! A number in words is read whole or not at all. When a word joined to it by و, or written
//! right beside it, looks like a number word the lexicon does not know ("تلتمائة وخمسين" with an
//! unknown spelling of 300), or the words do not compose ("عشرين وخمسة"), the whole sequence
//! gives no number: reading only the words we know would leave a smaller, plausible number
//! behind (50 for 350).
//!
//! Known limits: ordinals that are part of a month name (كانون الثاني، تشرين الأول، ربيع
//! الأول، جمادى الأولى) are skipped here, the date parser owns them. Decimals without a scale
//! word ("3.5") and digit runs shaped like dates, times or ranges ("9/2/2026", "10:30",
//! "2020-2025") are not numbers here. Digits and words mixed in one number ("مليون و500 ألف")
//! are read as separate numbers.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::normalize::normalize;
use crate::text::tokens::{Token, is_digits, proclitic_readings, tokenize};

/// Whether a number counts (خمسة) or ranks (الخامس، الـ90، رقم 90).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    Cardinal,
    Ordinal,
}

/// A number found in normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberMatch {
    pub value: u64,
    /// Byte range in the normalised text.
    // Invariant: start < end, both on char boundaries of the normalised text.
    pub span: Range<usize>,
    pub kind: NumberKind,
    /// A cardinal form written with the article (الـ90، التسعين، الست، الأحد عشر، الاثنتان
    /// والعشرون): after a plural it counts a known set ("الدول الست" is the whole of a set of
    /// six), after a singular it ranks ("الدولة الـ90"). Ordinal words (الثالثة، الحادي عشر) are
    /// not definite cardinals, whatever their article.
    pub definite: bool,
}

/// What part a number word plays in a compound number (the `class` column of
/// `data/numbers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// 1 to 9. `bound` words (أحد، إحدى، اثنا) only occur inside a larger number.
    Unit { bound: bool },
    /// عشرة/عشر: ten alone, or the teen part after a unit (ثلاثة عشر).
    Ten,
    /// 11 to 19 in one word (حداشر، خمسطعش).
    Teen,
    /// 20 to 90.
    Tens,
    /// 100 to 900. `bound` words (ميت، تلتميت) are construct forms that need a scale word after.
    Hundreds { bound: bool },
    /// ألف، مليون، مليار. `count` is how many the word itself holds: 1 for the singular, 2 for
    /// the dual (ألفان), 0 for the plural (آلاف), which needs a count before it.
    Scale { count: u8 },
    /// نصف، ربع: the value is the denominator; only after a scale word and و.
    Fraction,
    /// الأول … التاسع. `bound` words (الحادي) only occur inside a larger ordinal.
    OrdUnit { bound: bool },
    /// العاشر.
    OrdTen,
}

impl Class {
    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "unit" => Class::Unit { bound: false },
            "unit_bound" => Class::Unit { bound: true },
            "ten" => Class::Ten,
            "teen" => Class::Teen,
            "tens" => Class::Tens,
            "hundreds" => Class::Hundreds { bound: false },
            "hundreds_bound" => Class::Hundreds { bound: true },
            "scale_one" => Class::Scale { count: 1 },
            "scale_two" => Class::Scale { count: 2 },
            "scale_many" => Class::Scale { count: 0 },
            "fraction" => Class::Fraction,
            "ordinal" => Class::OrdUnit { bound: false },
            "ordinal_bound" => Class::OrdUnit { bound: true },
            "ordinal_ten" => Class::OrdTen,
            _ => return None,
        })
    }

    /// Items of a list of numbers ("ثلاثة وأربعة", "الخامس والسادس") begin with words of one
    /// rank; a word of another rank after a number is a compound we could not read.
    fn rank(self) -> u8 {
        match self {
            Class::Unit { .. } => 0,
            Class::Ten | Class::Teen => 1,
            Class::Tens => 2,
            Class::Hundreds { .. } => 3,
            Class::Scale { .. } => 4,
            Class::Fraction => 5,
            Class::OrdUnit { .. } | Class::OrdTen => 6,
        }
    }

    /// Words that go on a number written right before them, without و (عشر، مئة، ألف).
    fn continues(self) -> bool {
        matches!(
            self,
            Class::Ten
                | Class::Teen
                | Class::Tens
                | Class::Hundreds { .. }
                | Class::Scale { .. }
                | Class::Fraction
        )
    }
}

#[derive(Debug, Clone, Copy)]
struct NumWord {
    value: u64,
    class: Class,
}

/// One line of `data/numbers.tsv`.
#[derive(Debug, Clone)]
struct Entry {
    /// As written in the file.
    form: String,
    word: NumWord,
}

/// A line of `data/numbers.tsv` that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("numbers.tsv line {line}: {message}")]
pub struct NumbersError {
    pub line: usize,
    pub message: String,
}

/// Parses `form<TAB>value<TAB>class<TAB>note` lines; `#` starts a comment line.
fn parse_entries(text: &str) -> Result<Vec<Entry>, NumbersError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |message: String| NumbersError {
            line: n + 1,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let [form, value, class, _note] = cols[..] else {
            return Err(error(format!(
                "expected 4 tab-separated columns, found {}",
                cols.len()
            )));
        };
        let value: u64 = value
            .parse()
            .map_err(|_| error(format!("value {value:?} is not a whole number")))?;
        let class = Class::parse(class).ok_or_else(|| error(format!("unknown class {class:?}")))?;
        if form.trim().is_empty() || form.contains(' ') {
            return Err(error(format!("form {form:?} must be one word")));
        }
        out.push(Entry {
            form: form.to_owned(),
            word: NumWord { value, class },
        });
    }
    Ok(out)
}

/// The number words, and what a number word we do not know looks like.
#[derive(Debug, Default)]
struct Lexicon {
    /// By normalised form, without article or clitics.
    words: FxHashMap<String, NumWord>,
    /// Consonant skeletons ([`skeleton`]) of number words and of the compounds their parts make,
    /// at least [`MIN_SKELETON`] letters long: a word with one of these is taken for a number
    /// word in a spelling the lexicon lacks.
    skeletons: FxHashSet<String>,
}

/// Shorter skeletons are ordinary words too often (متن "text" is the skeleton of متين "200").
const MIN_SKELETON: usize = 4;

/// The built-in number words.
const BUILTIN: &str = include_str!("../../data/numbers.tsv");

static NUMBERS: crate::lexicon::lists::Extensible<Lexicon> =
    crate::lexicon::lists::Extensible::new(|| {
        Lexicon::new(&parse_entries(BUILTIN).unwrap_or_default())
    });

/// The number words in force: `data/numbers.tsv`, extended by `--lexicon DIR` when given.
fn lexicon() -> &'static Lexicon {
    NUMBERS.get()
}

/// Adds the rows of `user` to the built-in number words and puts them in force for the rest of
/// the process. `Err(Some(message))` for a bad row; `Err(None)` when words were already
/// extended.
pub fn install_extended(user: &str) -> Result<(), Option<String>> {
    parse_entries(user).map_err(|e| Some(e.to_string()))?;
    let all = parse_entries(&format!("{BUILTIN}\n{user}")).map_err(|e| Some(e.to_string()))?;
    NUMBERS
        .install(Lexicon::new(&all))
        .then_some(())
        .ok_or(None)
}

impl Lexicon {
    fn new(entries: &[Entry]) -> Lexicon {
        let mut lex = Lexicon::default();
        for e in entries {
            lex.words.insert(normalize(&e.form), e.word);
        }
        // Unit skeletons by digit, with and without a first alef (ربعمية is أربع + مية).
        let mut units: FxHashMap<u64, FxHashSet<String>> = FxHashMap::default();
        for (form, w) in &lex.words {
            if let Class::Unit { .. } = w.class {
                let s = skeleton(form);
                let set = units.entry(w.value).or_default();
                if let Some(rest) = s.strip_prefix('ا') {
                    set.insert(rest.to_owned());
                }
                set.insert(s);
            }
        }
        // The endings compounds add to a unit (تلت+م، خمس+تعش، تلت+ن), learnt from the lexicon's
        // own compounds, so that every unit with every ending is known as a shape. Teens are
        // made from every unit; tens and hundreds from three up (twenty is not "two" + ن).
        let mut endings: FxHashSet<(String, u64)> = FxHashSet::default();
        for (form, w) in &lex.words {
            let (digit, from) = match w.class {
                Class::Teen => (w.value.checked_sub(10), 1),
                Class::Tens => (Some(w.value / 10), 3),
                Class::Hundreds { .. } if w.value >= 300 => (Some(w.value / 100), 3),
                _ => (None, 0),
            };
            let Some(stems) = digit.and_then(|d| units.get(&d)) else {
                continue;
            };
            let s = skeleton(form);
            for u in stems {
                if let Some(end) = s.strip_prefix(u.as_str())
                    && !end.is_empty()
                {
                    endings.insert((end.to_owned(), from));
                }
            }
        }
        let mut shapes: Vec<String> = Vec::new();
        for (form, w) in &lex.words {
            // Units, ordinals and fractions are too short, and too like ordinary words, to be
            // recognised by shape alone.
            if !matches!(
                w.class,
                Class::Unit { .. } | Class::OrdUnit { .. } | Class::OrdTen | Class::Fraction
            ) {
                shapes.push(skeleton(form));
            }
        }
        for (digit, stems) in &units {
            for u in stems {
                for (end, from) in &endings {
                    if digit >= from {
                        shapes.push(format!("{u}{end}"));
                    }
                }
            }
        }
        lex.skeletons = shapes
            .into_iter()
            .filter(|s| s.chars().count() >= MIN_SKELETON)
            .collect();
        lex
    }

    /// What a word (with its clitics) is to a number scanner.
    fn classify(&self, word: &str) -> Numeric {
        let mut shaped = false;
        for (_, stem, _) in proclitic_readings(word) {
            if let Some(w) = self.words.get(stem) {
                return Numeric::Known(*w);
            }
            shaped = shaped
                || (stem.chars().count() >= MIN_SKELETON
                    && self.skeletons.contains(&skeleton(stem)));
        }
        if shaped {
            Numeric::Unknown
        } else {
            Numeric::Not
        }
    }
}

/// A word as a number scanner sees it.
#[derive(Debug, Clone, Copy)]
enum Numeric {
    Known(NumWord),
    /// Not in the lexicon, but shaped like a number word (a spelling the lexicon lacks).
    Unknown,
    Not,
}

/// A word's consonants, for recognising number words in spellings the lexicon lacks: letters
/// that dialects write for one another are one (ث ت ط، ذ د، ظ ض), and after the first letter
/// the long vowels, hamza and final ه are dropped. ثلاثمائة، تلتمية and تلاتميه all become تلتم.
fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (k, c) in word.chars().enumerate() {
        let c = match c {
            'ث' | 'ط' => 'ت',
            'ذ' => 'د',
            'ظ' => 'ض',
            c => c,
        };
        if k > 0 && matches!(c, 'ا' | 'و' | 'ي' | 'ه' | 'ء') {
            continue;
        }
        out.push(c);
    }
    out
}

/// First words of month names, some of whose second word is an ordinal (كانون الثاني، ربيع
/// الأول): the date parser owns those ordinals.
static MONTH_HEADS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| crate::text::dates::month_first_words().collect());

/// "رقم" (number), which makes the number after it a label: "العضو رقم 90".
static NUMBER_LABEL: LazyLock<String> = LazyLock::new(|| normalize("رقم"));

/// The word "six", which proclitics other than a conjunction turn into other words (لست).
static SIX: LazyLock<String> = LazyLock::new(|| normalize("ست"));

const ARTICLE: &str = "ال";
/// The conjunction that joins the parts of a compound number.
const AND: &str = "و";

/// The longest number we read ("مليون وخمسمئة وخمسة وعشرون ألفا ومئتان وثلاثة عشر") has fewer
/// pieces than this, and the bound keeps every scan linear.
const MAX_PIECES: usize = 16;

/// Every stem a number can begin with, as [`numbers_in`] looks it up: the number words (a
/// fraction never begins one) and "رقم".
pub fn first_words() -> impl Iterator<Item = &'static str> {
    lexicon()
        .words
        .iter()
        .filter(|(_, w)| w.class != Class::Fraction)
        .map(|(form, _)| form.as_str())
        .chain(std::iter::once(NUMBER_LABEL.as_str()))
}

/// Finds every number in normalised text, in text order, without overlaps.
pub fn find_numbers(norm: &str) -> Vec<NumberMatch> {
    numbers_in(norm, &tokenize(norm))
}

/// [`find_numbers`] over already-made tokens.
pub fn numbers_in(norm: &str, tokens: &[Token]) -> Vec<NumberMatch> {
    numbers_where(norm, tokens, |_| true)
}

/// [`numbers_in`], trying only the tokens where `may_start` says a number may begin (see
/// `text::sieve`); a number that begins there may still run over any tokens after it.
pub fn numbers_where(
    norm: &str,
    tokens: &[Token],
    may_start: impl Fn(usize) -> bool,
) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_start(i) {
            i += 1;
            continue;
        }
        match scan_at(norm, tokens, i) {
            Scan::Found(m, next) => {
                out.push(m);
                i = next;
            }
            Scan::Skip(next) => i = next.max(i + 1),
            Scan::Nothing => i += 1,
        }
    }
    out
}

/// The number that starts at token `i` of `tokens` (from [`tokenize`] over `norm`), if any,
/// and the index of the first token after it.
pub fn number_at(norm: &str, tokens: &[Token], i: usize) -> Option<(NumberMatch, usize)> {
    match scan_at(norm, tokens, i) {
        Scan::Found(m, next) => Some((m, next)),
        _ => None,
    }
}

/// Reads a number written in words at the start of `words` (normalised, one word each, with
/// their clitics). Returns its value and how many words it used.
pub fn parse_number_words(words: &[&str]) -> Option<(u64, usize)> {
    let mut joined = String::new();
    let mut ends = Vec::with_capacity(words.len());
    for w in words {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
        ends.push(joined.len());
    }
    let tokens = tokenize(&joined);
    let (m, _) = words_at(&joined, &tokens, 0)?;
    let used = ends.iter().take_while(|&&e| e < m.span.end).count() + 1;
    Some((m.value, used))
}

enum Scan {
    Found(NumberMatch, usize),
    /// Tokens up to this index belong to something that is not a number (a date, a decimal, a
    /// sequence of number words we cannot read whole).
    Skip(usize),
    Nothing,
}

fn scan_at(norm: &str, tokens: &[Token], i: usize) -> Scan {
    let text = tokens[i].text(norm);
    if let Some(scan) = label_at(norm, tokens, i) {
        return scan;
    }
    if let Some((art_start, art_end)) = article_prefix(text) {
        let tok = tokens[i];
        let digits = if art_end < text.len() {
            Some((i, tok.start + art_end))
        } else {
            tokens
                .get(i + 1)
                .filter(|t| &norm[tok.end..t.start] == " " && is_digits(t.text(norm)))
                .map(|t| (i + 1, t.start))
        };
        if let Some((j, from)) = digits
            && let Scan::Found(m, next) = digits_at(norm, tokens, j, from)
        {
            let m = NumberMatch {
                span: tok.start + art_start..m.span.end,
                kind: NumberKind::Ordinal,
                definite: true,
                ..m
            };
            return Scan::Found(m, next);
        }
    }
    if text.as_bytes()[0].is_ascii_digit() {
        return digits_at(norm, tokens, i, tokens[i].start);
    }
    // Digits after a one-letter proclitic: "و12", "ب5".
    if let Some(c) = text.chars().next()
        && "وفبلك".contains(c)
        && text[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
    {
        return digits_at(norm, tokens, i, tokens[i].start + c.len_utf8());
    }
    words_scan(norm, tokens, i, true)
}

/// "رقم 90", "الرقم تسعين": a number used as a label, which ranks.
fn label_at(norm: &str, tokens: &[Token], i: usize) -> Option<Scan> {
    let tok = tokens[i];
    let text = tok.text(norm);
    let (stripped, _, article) = proclitic_readings(text)
        .into_iter()
        .find(|(_, stem, _)| *stem == NUMBER_LABEL.as_str())?;
    let next = tokens.get(i + 1)?;
    if &norm[tok.end..next.start] != " " {
        return None;
    }
    let number = if next.text(norm).as_bytes()[0].is_ascii_digit() {
        match digits_at(norm, tokens, i + 1, next.start) {
            Scan::Found(m, n) => Some((m, n)),
            _ => None,
        }
    } else {
        words_at(norm, tokens, i + 1)
    };
    let (m, after) = number?;
    let start = span_start(norm, tok.start, stripped, article);
    Some(Scan::Found(
        NumberMatch {
            value: m.value,
            span: start..m.span.end,
            kind: NumberKind::Ordinal,
            definite: false,
        },
        after,
    ))
}

/// Where a span starts for a word read as `stripped` bytes of proclitics: the article stays in.
fn span_start(norm: &str, tok_start: usize, stripped: usize, article: bool) -> usize {
    let stem = tok_start + stripped;
    if article {
        let with_article = stem - ARTICLE.len();
        if norm[with_article..].starts_with(ARTICLE) {
            return with_article;
        }
    }
    stem
}

/// If `t` is proclitics and an article followed by nothing or by digits only ("ال", "وال",
/// "بال90"), the byte range of the article within `t`.
fn article_prefix(t: &str) -> Option<(usize, usize)> {
    for conj in ["", "و", "ف"] {
        let Some(after_conj) = t.strip_prefix(conj) else {
            continue;
        };
        for prep in ["", "ب", "ك", "ل"] {
            let Some(after_prep) = after_conj.strip_prefix(prep) else {
                continue;
            };
            let rest = if let Some(rest) = after_prep.strip_prefix(ARTICLE) {
                rest
            } else if prep == "ل"
                && let Some(rest) = after_prep.strip_prefix('ل')
            {
                rest
            } else {
                continue;
            };
            if rest.is_empty() || is_digits(rest) {
                let start = conj.len() + prep.len();
                let end = t.len() - rest.len();
                return Some((start, end));
            }
        }
    }
    None
}

/// The era letter that may be glued to a year: م (Gregorian) or ه (Hijri, from هـ).
pub(crate) fn is_era_suffix(s: &str) -> bool {
    s == "م" || s == "ه"
}

/// A number in digits starting at byte `from` of token `i`: one group, a thousands-grouped run
/// ("1,000", "1.000"), or a decimal or integer with a scale word ("1.5 مليون", "5 آلاف").
fn digits_at(norm: &str, tokens: &[Token], i: usize, from: usize) -> Scan {
    let tok = tokens[i];
    let digits_end = from
        + norm[from..tok.end]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
    if digits_end == from || !(digits_end == tok.end || is_era_suffix(&norm[digits_end..tok.end])) {
        return Scan::Nothing;
    }
    // Groups of digits joined by single separator chars, no spaces.
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(3);
    groups.push(from..digits_end);
    let mut seps: Vec<u8> = Vec::new();
    let mut next = i + 1;
    if digits_end == tok.end {
        while let Some(t) = tokens.get(next) {
            let gap = &norm[groups[groups.len() - 1].end..t.start];
            let text = t.text(norm);
            if gap.len() != 1
                || !b",./-:".contains(&gap.as_bytes()[0])
                || !text.as_bytes()[0].is_ascii_digit()
            {
                break;
            }
            let end = t.start + text.bytes().take_while(u8::is_ascii_digit).count();
            if !(end == t.end || is_era_suffix(&norm[end..t.end])) {
                break;
            }
            seps.push(gap.as_bytes()[0]);
            groups.push(t.start..end);
            next += 1;
            if end != t.end {
                break;
            }
        }
    }
    let group = |k: usize| &norm[groups[k].clone()];
    let span = groups[0].start..groups[groups.len() - 1].end;
    let scale = scale_after(norm, tokens, next, span.end);
    let same_sep = seps.windows(2).all(|w| w[0] == w[1]);
    let found = |value: Option<u64>, end: usize, next: usize| match value {
        Some(value) => Scan::Found(
            NumberMatch {
                value,
                span: span.start..end,
                kind: NumberKind::Cardinal,
                definite: false,
            },
            next,
        ),
        None => Scan::Skip(next),
    };
    let with_scale = |value: Option<u64>| match (value, scale) {
        (Some(v), Some((s, end, n))) => found(v.checked_mul(s), end, n),
        _ => found(value, span.end, next),
    };
    if seps.is_empty() {
        return with_scale(group(0).parse().ok());
    }
    if seps.len() == 1 && seps[0] == b'.' && scale.is_some() {
        let (scale, end, n) = scale.unwrap_or_default();
        return found(decimal_times(group(0), group(1), scale), end, n);
    }
    let first = group(0);
    let thousands = same_sep
        && matches!(seps[0], b',' | b'.')
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && (1..groups.len()).all(|k| group(k).len() == 3);
    if thousands {
        let joined: String = (0..groups.len()).map(group).collect();
        return with_scale(joined.parse().ok());
    }
    if seps[0] == b',' {
        // A list written without spaces ("85,90"): only the first item here; the next is
        // read on its own.
        return found(first.parse().ok(), groups[0].end, i + 1);
    }
    Scan::Skip(next)
}

/// A scale word right after a digit number ("5 آلاف"): its value, end and the next token.
fn scale_after(
    norm: &str,
    tokens: &[Token],
    j: usize,
    prev_end: usize,
) -> Option<(u64, usize, usize)> {
    let t = tokens.get(j)?;
    if &norm[prev_end..t.start] != " " {
        return None;
    }
    match lexicon().words.get(t.text(norm)) {
        Some(NumWord {
            value,
            class: Class::Scale { count: 0 | 1 },
        }) => Some((*value, t.end, j + 1)),
        _ => None,
    }
}

/// `int.frac × scale` when that is a whole number.
fn decimal_times(int: &str, frac: &str, scale: u64) -> Option<u64> {
    let int: u64 = int.parse().ok()?;
    let frac_value: u64 = frac.parse().ok()?;
    let unit = 10u64.checked_pow(u32::try_from(frac.len()).ok()?)?;
    if !scale.is_multiple_of(unit) {
        return None;
    }
    int.checked_mul(scale)?
        .checked_add(frac_value.checked_mul(scale / unit)?)
}

/// One number word with what surrounds it.
#[derive(Debug, Clone, Copy)]
struct Piece {
    word: NumWord,
    /// Joined to the previous word by و.
    conj: bool,
    article: bool,
    start: usize,
    end: usize,
    /// Index of the token after this piece.
    next: usize,
}

/// The first word of a number, with any proclitics, and whether و stands first among them.
fn lex_first(norm: &str, tokens: &[Token], i: usize) -> Option<(Piece, bool)> {
    let tok = tokens[i];
    let text = tok.text(norm);
    for (stripped, stem, article) in proclitic_readings(text) {
        let Some(word) = lexicon().words.get(stem) else {
            continue;
        };
        // A fraction only ever follows a scale word ("مليون ونصف").
        if word.class == Class::Fraction {
            return None;
        }
        let clitics = &text[..stripped];
        if stem == SIX.as_str() && !article && !matches!(clitics, "" | "و" | "ف") {
            continue;
        }
        let piece = Piece {
            word: *word,
            conj: false,
            article,
            start: span_start(norm, tok.start, stripped, article),
            end: tok.end,
            next: i + 1,
        };
        return Some((piece, clitics.starts_with(AND)));
    }
    None
}

/// A later word of a number: bare, or after و (attached or written apart), maybe with article.
fn lex_next(norm: &str, tokens: &[Token], j: usize, prev_end: usize) -> Option<Piece> {
    let tok = *tokens.get(j)?;
    if &norm[prev_end..tok.start] != " " {
        return None;
    }
    let text = tok.text(norm);
    let lookup = |s: &str| -> Option<(NumWord, bool)> {
        if let Some(w) = lexicon().words.get(s) {
            return Some((*w, false));
        }
        let rest = s.strip_prefix(ARTICLE)?;
        lexicon().words.get(rest).map(|w| (*w, true))
    };
    let piece = |(word, article): (NumWord, bool), conj: bool, end: usize, next: usize| Piece {
        word,
        conj,
        article,
        start: tok.start,
        end,
        next,
    };
    if let Some(found) = lookup(text) {
        return Some(piece(found, false, tok.end, j + 1));
    }
    if text == AND {
        let after = tokens.get(j + 1)?;
        if &norm[tok.end..after.start] != " " {
            return None;
        }
        return lookup(after.text(norm)).map(|f| piece(f, true, after.end, j + 2));
    }
    let rest = text.strip_prefix(AND)?;
    lookup(rest).map(|f| piece(f, true, tok.end, j + 1))
}

/// A number written in words starting at token `i`, and the index of the token after it.
fn words_at(norm: &str, tokens: &[Token], i: usize) -> Option<(NumberMatch, usize)> {
    match words_scan(norm, tokens, i, false) {
        Scan::Found(m, next) => Some((m, next)),
        _ => None,
    }
}

/// A number written in words starting at token `i`, read whole or not at all. With
/// `look_back`, a number joined to the word before it (by و, or written right after it) is
/// read only when it is not the tail of a sequence of number words that cannot be read whole.
fn words_scan(norm: &str, tokens: &[Token], i: usize, look_back: bool) -> Scan {
    let Some((first, joined)) = lex_first(norm, tokens, i) else {
        return Scan::Nothing;
    };
    let mut pieces = vec![first];
    while pieces.len() < MAX_PIECES {
        let last = pieces[pieces.len() - 1];
        match lex_next(norm, tokens, last.next, last.end) {
            Some(p) => pieces.push(p),
            None => break,
        }
    }
    let read = ordinal(&pieces)
        .map(|(v, n)| (v, n, NumberKind::Ordinal))
        .or_else(|| definite(&pieces))
        .or_else(|| cardinal(&pieces).map(|(v, n)| (v, n, NumberKind::Cardinal)));
    // Words that compose into nothing (أحد المسؤولين، الاثنين for Monday) begin no number; the
    // words after them may.
    let Some((value, used, kind)) = read else {
        return Scan::Nothing;
    };
    // Only a word that begins a number is worth the look at what stands before it.
    if look_back && let Some(scan) = tail_of_sequence(norm, tokens, i, joined) {
        return scan;
    }
    let last_read = pieces[used - 1];
    if !read_whole(norm, tokens, &pieces, used) {
        let tail = pieces[pieces.len() - 1];
        return Scan::Skip(sequence_end(norm, tokens, tail.next, tail.end));
    }
    if kind == NumberKind::Ordinal && used == 1 && i > 0 {
        let text = tokens[i].text(norm);
        let prev = tokens[i - 1].text(norm);
        // "الثاني" after "كانون" names a month; a bare ordinal after digits is a unit of
        // measure ("30 ثانية"); "في المئة" and "بالمئة" mean per cent.
        let month = first.article
            && proclitic_readings(prev)
                .iter()
                .any(|(_, stem, _)| MONTH_HEADS.contains(stem));
        let unit = !first.article && is_digits(prev);
        let percent = first.article
            && first.word.class == (Class::Hundreds { bound: false })
            && first.word.value == 100
            && (prev == "في" || text.starts_with('ب') || text.starts_with("وب"));
        if month || unit || percent {
            return Scan::Nothing;
        }
    }
    Scan::Found(
        NumberMatch {
            value,
            span: first.start..last_read.end,
            kind,
            definite: first.article
                && !matches!(first.word.class, Class::OrdUnit { .. } | Class::OrdTen),
        },
        last_read.next,
    )
}

/// Whether the number read from the first `used` of `pieces` is the whole of what is written
/// there: the words after it, if any, begin another number of a list ("ثلاثة وأربعة"), and no
/// word joined to it looks like a number word we do not know.
fn read_whole(norm: &str, tokens: &[Token], pieces: &[Piece], used: usize) -> bool {
    if let Some(next) = pieces.get(used) {
        let last = pieces[used - 1];
        return if next.conj {
            next.word.class.rank() == pieces[0].word.class.rank()
                && next.article == pieces[0].article
        } else {
            // Written right after without و: fine when it cannot go on the number ("أول
            // ثلاثة", "الثلاثة الأولى"), a compound we cannot read when it could ("خمسة عشرين").
            !(next.word.class.continues() && next.article == last.article)
        };
    }
    let last = pieces[pieces.len() - 1];
    !matches!(
        joined_after(norm, tokens, last.next, last.end),
        Some((_, Numeric::Unknown))
    )
}

/// The word joined to a number that ends at `prev_end` (token `j` is the next token): written
/// right after it, or after و (attached or apart). Its index and what it is.
fn joined_after(
    norm: &str,
    tokens: &[Token],
    j: usize,
    prev_end: usize,
) -> Option<(usize, Numeric)> {
    let tok = *tokens.get(j)?;
    if &norm[prev_end..tok.start] != " " {
        return None;
    }
    let text = tok.text(norm);
    if text == AND {
        let after = tokens.get(j + 1)?;
        if &norm[tok.end..after.start] != " " {
            return None;
        }
        return Some((j + 1, lexicon().classify(after.text(norm))));
    }
    Some((j, lexicon().classify(text)))
}

/// The index after a sequence of number words (known or shaped like one) joined to each other
/// that goes on from token `j`.
fn sequence_end(norm: &str, tokens: &[Token], mut j: usize, mut prev_end: usize) -> usize {
    for _ in 0..MAX_PIECES {
        match joined_after(norm, tokens, j, prev_end) {
            Some((k, Numeric::Known(_) | Numeric::Unknown)) => {
                prev_end = tokens[k].end;
                j = k + 1;
            }
            _ => break,
        }
    }
    j
}

/// For a number word at token `i` joined to the word before it (`joined`: by an attached و),
/// what the sequence of number words it ends says: `Some(Skip)` when token `i` belongs to a
/// number read from further back, or to a sequence that cannot be read whole; `None` when a
/// number may start here ("وأربعة" in the list "ثلاثة وأربعة", "خمسة" after an ordinary word).
fn tail_of_sequence(norm: &str, tokens: &[Token], i: usize, joined: bool) -> Option<Scan> {
    let before = joined_before(norm, tokens, i, joined)?;
    match lexicon().classify(tokens[before].text(norm)) {
        Numeric::Not => None,
        Numeric::Unknown => Some(Scan::Skip(sequence_end(norm, tokens, i + 1, tokens[i].end))),
        // "نصف مليون" is half of the number after it.
        Numeric::Known(w) if w.class == Class::Fraction => {
            Some(Scan::Skip(sequence_end(norm, tokens, i + 1, tokens[i].end)))
        }
        Numeric::Known(_) => {
            // Read the sequence from its start, as a scan from the left would have.
            let mut start = before;
            for _ in 0..MAX_PIECES {
                let Some(k) = joined_before(norm, tokens, start, attached_and(norm, tokens[start]))
                else {
                    break;
                };
                match lexicon().classify(tokens[k].text(norm)) {
                    Numeric::Known(_) => start = k,
                    // An unknown word further back: the sequence is not read whole.
                    Numeric::Unknown => {
                        return Some(Scan::Skip(sequence_end(norm, tokens, i + 1, tokens[i].end)));
                    }
                    Numeric::Not => break,
                }
            }
            let mut at = start;
            while at < i {
                at = match words_scan(norm, tokens, at, false) {
                    Scan::Found(_, next) | Scan::Skip(next) => next.max(at + 1),
                    Scan::Nothing => at + 1,
                };
            }
            (at > i).then_some(Scan::Skip(at))
        }
    }
}

/// Whether a token starts with the conjunction و followed by more.
fn attached_and(norm: &str, tok: Token) -> bool {
    let text = tok.text(norm);
    text.len() > AND.len() && text.starts_with(AND)
}

/// The index of the word a token is joined to on its left: the token before when `joined` (an
/// attached و) or when written right beside it; the one before a free-standing و.
fn joined_before(norm: &str, tokens: &[Token], i: usize, joined: bool) -> Option<usize> {
    let space = |a: usize, b: usize| &norm[tokens[a].end..tokens[b].start] == " ";
    let p = i.checked_sub(1)?;
    if !joined && tokens[p].text(norm) == AND {
        let q = p.checked_sub(1)?;
        return (space(q, p) && space(p, i)).then_some(q);
    }
    space(p, i).then_some(p)
}

/// An ordinal: الخامس، الحادي عشر، الخامس والثمانين، التسعين، المئة.
fn ordinal(p: &[Piece]) -> Option<(u64, usize)> {
    let first = p.first()?;
    let second = p.get(1);
    let teen = second.is_some_and(|s| !s.conj && !s.article && s.word.class == Class::Ten);
    let tens_after = |article: bool| {
        second
            .filter(|s| s.conj && s.article == article && s.word.class == Class::Tens)
            .map(|s| s.word.value)
    };
    let v = first.word.value;
    match first.word.class {
        Class::OrdUnit { bound } => {
            if teen {
                Some((v + 10, 2))
            } else if let Some(t) = tens_after(first.article) {
                Some((v + t, 2))
            } else {
                (!bound).then_some((v, 1))
            }
        }
        Class::OrdTen => Some((v, 1)),
        Class::Tens | Class::Hundreds { bound: false } if first.article => Some((v, 1)),
        // "الخمسة والثمانين": a cardinal unit with article, joined to article + tens.
        Class::Unit { .. } if first.article => tens_after(true).map(|t| (v + t, 2)),
        _ => None,
    }
}

/// A cardinal with the article, which names a known set or, for teens, a rank as newspapers
/// write it: "الدول الست", "العشرة", "الأحد عشر", "الاثنا عشر", "الحداشر". "الواحد" and
/// "الاثنين" (also Monday) are not read alone.
fn definite(p: &[Piece]) -> Option<(u64, usize, NumberKind)> {
    let first = p.first()?;
    if !first.article {
        return None;
    }
    let v = first.word.value;
    let teen = p
        .get(1)
        .is_some_and(|s| !s.conj && !s.article && s.word.class == Class::Ten);
    match first.word.class {
        Class::Unit { .. } if teen => Some((v + 10, 2, NumberKind::Ordinal)),
        Class::Teen => Some((v, 1, NumberKind::Ordinal)),
        Class::Unit { bound: false } if v >= 3 => Some((v, 1, NumberKind::Cardinal)),
        Class::Ten => Some((v, 1, NumberKind::Cardinal)),
        _ => None,
    }
}

/// A cardinal: units, teens, tens, hundreds, scales and a fraction of the last scale in the
/// usual Arabic order ("ألف وخمسمائة وخمسة وثمانون", "ثلاثة آلاف", "خمسة عشر ألفا", "مليون
/// ونصف", Egyptian "متين وعشرة", "ميت ألف").
fn cardinal(p: &[Piece]) -> Option<(u64, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Last {
        Start,
        Unit { v: u64, bound: bool, opens: bool },
        Teen,
        Ten,
        Tens,
        Hundreds { bound: bool },
        Scale,
        Fraction,
    }
    if p.first()?.article {
        return None;
    }
    let mut total = 0u64;
    let mut group = 0u64;
    let mut last_scale = u64::MAX;
    let mut last = Last::Start;
    let mut best = None;
    for (i, piece) in p.iter().enumerate() {
        if piece.article {
            break;
        }
        let v = piece.word.value;
        let conj = piece.conj;
        // Where a new group below a thousand may start, and where one may go on after hundreds.
        let opens = (last == Last::Start && !conj) || (last == Last::Scale && conj);
        let below_hundred = opens || (last == Last::Hundreds { bound: false } && conj);
        last = match (last, conj, piece.word.class) {
            (_, _, Class::Unit { bound }) if below_hundred => {
                group += v;
                Last::Unit { v, bound, opens }
            }
            (_, _, Class::Ten) if below_hundred => {
                group += 10;
                Last::Ten
            }
            (_, _, Class::Teen) if below_hundred => {
                group += v;
                Last::Teen
            }
            (_, _, Class::Tens) if below_hundred => {
                group += v;
                Last::Tens
            }
            (_, _, Class::Hundreds { bound }) if opens => {
                group = v;
                Last::Hundreds { bound }
            }
            (Last::Unit { .. }, false, Class::Ten) => {
                group += 10;
                Last::Teen
            }
            (Last::Unit { .. }, true, Class::Tens) => {
                group += v;
                Last::Tens
            }
            // "ثلاث مئة": a unit that opened its group, times a hundred.
            (
                Last::Unit {
                    v: u, opens: true, ..
                },
                false,
                Class::Hundreds { bound: false },
            ) if v == 100 && u >= 3 => {
                group = u * 100;
                Last::Hundreds { bound: false }
            }
            (Last::Start, false, Class::Scale { count }) if count > 0 => {
                total = u64::from(count) * v;
                last_scale = v;
                Last::Scale
            }
            (
                Last::Unit { bound: false, .. }
                | Last::Teen
                | Last::Ten
                | Last::Tens
                | Last::Hundreds { .. },
                false,
                Class::Scale { count: 0 | 1 },
            ) if v < last_scale => {
                total = total.checked_add(group.checked_mul(v)?)?;
                group = 0;
                last_scale = v;
                Last::Scale
            }
            // "مليون ونصف": a fraction of the scale just named.
            (Last::Scale, true, Class::Fraction) if v > 0 && last_scale.is_multiple_of(v) => {
                total = total.checked_add(last_scale / v)?;
                Last::Fraction
            }
            _ => break,
        };
        let bound = matches!(
            last,
            Last::Unit { bound: true, .. } | Last::Hundreds { bound: true }
        );
        if !bound {
            best = Some((total + group, i + 1));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::NormText;

    /// Numbers found in `original`, as (value, kind, exact original substring).
    fn found(original: &str) -> Vec<(u64, NumberKind, String)> {
        let norm = NormText::new(original);
        find_numbers(norm.as_str())
            .into_iter()
            .map(|m| {
                let span = norm.to_original(m.span);
                (m.value, m.kind, original[span].to_string())
            })
            .collect()
    }

    fn one(original: &str) -> (u64, NumberKind, String) {
        let all = found(original);
        assert_eq!(all.len(), 1, "{original}: {all:?}");
        all.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    use NumberKind::{Cardinal, Ordinal};

    fn c(v: u64, s: &str) -> (u64, NumberKind, String) {
        (v, Cardinal, s.to_string())
    }

    fn o(v: u64, s: &str) -> (u64, NumberKind, String) {
        (v, Ordinal, s.to_string())
    }

    #[test]
    fn digits_in_any_script() {
        assert_eq!(
            found("حضر ٩٠ وفدا و۱۲ مراقبا و7 صحفيين"),
            vec![c(90, "٩٠"), c(12, "۱۲"), c(7, "7")]
        );
    }

    #[test]
    fn thousands_separators_but_not_decimals_or_lists() {
        assert_eq!(one("رصد المؤتمر 1,000 دولار"), c(1000, "1,000"));
        assert_eq!(one("رصد المؤتمر 2.500.000 دولار"), c(2_500_000, "2.500.000"));
        assert!(found("بلغ المعدل ٣٫٥ في المئة فقط").is_empty());
        assert_eq!(
            found("صوتت الدول 85, 90 مرة"),
            vec![c(85, "85"), c(90, "90")]
        );
        assert_eq!(found("الأرقام 85،90"), vec![c(85, "85"), c(90, "90")]);
        assert_eq!(found("انتهى في 12.45 تماما"), vec![]);
    }

    #[test]
    fn a_year_with_its_era_letter() {
        assert_eq!(one("في عام 2026م"), c(2026, "2026"));
        assert_eq!(one("في عام 1447هـ"), c(1447, "1447"));
    }

    #[test]
    fn dates_and_times_are_not_numbers() {
        assert!(found("عقد في 9/2/2026 عند 10:30").is_empty());
    }

    #[test]
    fn digits_with_scale_words() {
        assert_eq!(one("تبرع بـ 5 آلاف دولار"), c(5000, "5 آلاف"));
        assert_eq!(one("خصص 1.5 مليار دولار"), c(1_500_000_000, "1.5 مليار"));
        assert_eq!(one("خصص 20 مليون يورو"), c(20_000_000, "20 مليون"));
    }

    #[test]
    fn units_in_both_genders() {
        assert_eq!(one("وصل ثلاثة وزراء"), c(3, "ثلاثة"));
        assert_eq!(one("وصلت ثلاث وزيرات"), c(3, "ثلاث"));
        assert_eq!(one("بقي واحدة فقط"), c(1, "واحدة"));
        assert_eq!(one("اجتمع اثنان منهم"), c(2, "اثنان"));
        assert_eq!(one("التقى اثنين منهم"), c(2, "اثنين"));
        assert_eq!(one("غاب عشرة وزراء"), c(10, "عشرة"));
    }

    #[test]
    fn teens() {
        assert_eq!(one("حضر أحد عشر وزيرا"), c(11, "أحد عشر"));
        assert_eq!(one("حضرت إحدى عشرة دولة"), c(11, "إحدى عشرة"));
        assert_eq!(one("حضر اثنا عشر وزيرا"), c(12, "اثنا عشر"));
        assert_eq!(one("مع اثني عشر وزيرا"), c(12, "اثني عشر"));
        assert_eq!(one("مع ثلاثة عشر وزيرا"), c(13, "ثلاثة عشر"));
        assert_eq!(one("مع تسع عشرة دولة"), c(19, "تسع عشرة"));
    }

    #[test]
    fn ahad_alone_is_not_one() {
        assert!(found("قال أحد المسؤولين إن الاجتماع انتهى").is_empty());
        assert!(found("وصلت إحدى الدول يوم الأحد").is_empty());
    }

    #[test]
    fn tens_in_both_case_endings() {
        assert_eq!(one("بلغ عدد الأعضاء تسعون"), c(90, "تسعون"));
        assert_eq!(one("أصبح عددهم تسعين"), c(90, "تسعين"));
        assert_eq!(one("أصبح عددهم عشرين"), c(20, "عشرين"));
    }

    #[test]
    fn compounds_of_units_and_tens() {
        assert_eq!(one("يضم خمسة وثمانون عضوا"), c(85, "خمسة وثمانون"));
        assert_eq!(one("يضم خمسة وثمانين عضوا"), c(85, "خمسة وثمانين"));
        assert_eq!(one("يضم ستة وثمانين عضوا"), c(86, "ستة وثمانين"));
        assert_eq!(one("يضم إحدى وعشرين دولة"), c(21, "إحدى وعشرين"));
        assert_eq!(one("يضم خمسة و ثمانين عضوا"), c(85, "خمسة و ثمانين"));
    }

    #[test]
    fn a_list_of_units_is_not_a_sum() {
        assert_eq!(found("ثلاثة وأربعة"), vec![c(3, "ثلاثة"), c(4, "أربعة")]);
    }

    #[test]
    fn hundreds() {
        assert_eq!(one("نحو مئة شخص"), c(100, "مئة"));
        assert_eq!(one("نحو مائة شخص"), c(100, "مائة"));
        assert_eq!(one("نحو مئتي شخص"), c(200, "مئتي"));
        assert_eq!(one("نحو مائتين"), c(200, "مائتين"));
        assert_eq!(one("نحو ثلاثمائة شخص"), c(300, "ثلاثمائة"));
        assert_eq!(one("نحو ثلاثمئة شخص"), c(300, "ثلاثمئة"));
        assert_eq!(one("نحو ثلاث مئة شخص"), c(300, "ثلاث مئة"));
        assert_eq!(one("نحو مائة وخمسين شخصا"), c(150, "مائة وخمسين"));
        assert_eq!(one("نحو مئة وثلاثة عشر شخصا"), c(113, "مئة وثلاثة عشر"));
    }

    #[test]
    fn thousands() {
        assert_eq!(one("نحو ألف شخص"), c(1000, "ألف"));
        assert_eq!(one("نحو ألفي شخص"), c(2000, "ألفي"));
        assert_eq!(one("نحو ألفين"), c(2000, "ألفين"));
        assert_eq!(one("نحو ثلاثة آلاف جندي"), c(3000, "ثلاثة آلاف"));
        assert_eq!(one("نحو ألف وخمسمائة جندي"), c(1500, "ألف وخمسمائة"));
        assert_eq!(one("نحو خمسة عشر ألفا"), c(15_000, "خمسة عشر ألفا"));
        assert_eq!(one("نحو مئة ألف"), c(100_000, "مئة ألف"));
        assert_eq!(
            one("نحو ألفين وثلاثمئة وخمسة وعشرين"),
            c(2325, "ألفين وثلاثمئة وخمسة وعشرين")
        );
        assert_eq!(one("نحو مليونين"), c(2_000_000, "مليونين"));
    }

    #[test]
    fn ordinal_units_and_teens() {
        assert_eq!(one("الاجتماع الأول"), o(1, "الأول"));
        assert_eq!(one("الجلسة الأولى"), o(1, "الأولى"));
        assert_eq!(one("الاجتماع الثاني للمجموعة"), o(2, "الثاني"));
        assert_eq!(one("الدورة العاشرة"), o(10, "العاشرة"));
        assert_eq!(one("الدورة الحادية عشرة"), o(11, "الحادية عشرة"));
        assert_eq!(one("الاجتماع الحادي عشر"), o(11, "الحادي عشر"));
        assert_eq!(one("الاجتماع الثاني عشر"), o(12, "الثاني عشر"));
        assert_eq!(one("ثالث اجتماع"), o(3, "ثالث"));
    }

    #[test]
    fn ordinal_tens_and_compounds() {
        assert_eq!(one("الدولة التسعين"), o(90, "التسعين"));
        assert_eq!(one("العضو التسعين"), o(90, "التسعين"));
        assert_eq!(one("الذكرى العشرين"), o(20, "العشرين"));
        assert_eq!(one("العضو الخامس والثمانين"), o(85, "الخامس والثمانين"));
        assert_eq!(one("الدولة الخامسة والثمانين"), o(85, "الخامسة والثمانين"));
        assert_eq!(one("العضو الحادي والعشرين"), o(21, "الحادي والعشرين"));
        assert_eq!(one("الذكرى المئة"), o(100, "المئة"));
        assert!(found("ارتفع بالمئة").is_empty());
    }

    #[test]
    fn ordinal_with_article_and_digits() {
        assert_eq!(one("انضمت بوصفها الـ90"), o(90, "الـ90"));
        assert_eq!(one("انضمت بوصفها الـ 90 في التحالف"), o(90, "الـ 90"));
        assert_eq!(one("انضمت بالـ90"), o(90, "الـ90"));
        assert_eq!(one("الدولة ال٩٠"), o(90, "ال٩٠"));
    }

    #[test]
    fn number_label() {
        assert_eq!(one("العضو رقم 90"), o(90, "رقم 90"));
        assert_eq!(one("العضو رقم تسعين"), o(90, "رقم تسعين"));
        assert_eq!(one("وهي بالرقم ٩٠"), o(90, "الرقم ٩٠"));
        assert!(found("حقق رقما قياسيا").is_empty());
    }

    #[test]
    fn proclitics_stay_outside_the_span() {
        assert_eq!(one("انضمت والتسعين"), o(90, "التسعين"));
        assert_eq!(one("رحب بالتسعين"), o(90, "التسعين"));
        assert_eq!(one("رحب للتسعين"), o(90, "تسعين"));
        assert_eq!(one("جاء وخمسة معه"), c(5, "خمسة"));
        assert_eq!(one("انضمت كالعضو 90"), c(90, "90"));
        assert!(found("قال لست أدري").is_empty());
    }

    #[test]
    fn month_names_are_not_ordinals() {
        assert!(found("في كانون الثاني وتشرين الأول وربيع الثاني وجمادى الأولى").is_empty());
    }

    #[test]
    fn bare_ordinal_after_digits_is_a_unit() {
        assert_eq!(found("خلال 30 ثانية"), vec![c(30, "30")]);
    }

    #[test]
    fn harakat_and_tatweel_inside_words() {
        assert_eq!(one("بلغ عددهم تِسْعِينَ"), c(90, "تِسْعِينَ"));
        assert_eq!(one("العضو التسعـين"), o(90, "التسعـين"));
    }

    #[test]
    fn the_lexicon_parses_is_sorted_and_has_no_duplicate_form() {
        let text = include_str!("../../data/numbers.tsv");
        let entries = parse_entries(text).expect("data/numbers.tsv parses");
        assert!(entries.len() > 100);
        let forms: Vec<&str> = entries.iter().map(|e| e.form.as_str()).collect();
        let mut sorted = forms.clone();
        sorted.sort();
        assert_eq!(forms, sorted, "data/numbers.tsv must be sorted by form");
        let mut seen = FxHashMap::default();
        for e in &entries {
            let key = normalize(&e.form);
            if let Some(other) = seen.insert(key.clone(), e.form.clone()) {
                panic!("{} and {other} are one normalised form {key}", e.form);
            }
        }
        assert_eq!(lexicon().words.len(), entries.len());
        assert!(parse_entries("خمسة\t5\tunit\n").is_err());
        assert!(parse_entries("خمسة\tخمس\tunit\t-\n").is_err());
        assert!(parse_entries("خمسة\t5\tdozen\t-\n").is_err());
    }

    #[test]
    fn shapes_of_number_words_the_lexicon_lacks() {
        let lex = lexicon();
        // Spellings that are not lines of the file, recognised by their consonants.
        for unknown in [
            "تلاتمائه",
            "خمسميات",
            "سبعطاشر",
            "اتنعش",
            "تسعتعش",
            "تلتميات",
        ] {
            let n = normalize(unknown);
            assert!(
                matches!(lex.classify(&n), Numeric::Unknown),
                "{unknown} should look like a number word"
            );
        }
        // Ordinary words, some of them with consonants close to a number's.
        for word in [
            "متن",
            "أسبوعين",
            "الخميس",
            "الأربعاء",
            "عشيرة",
            "ثمين",
            "ملون",
            "الدولة",
        ] {
            let n = normalize(word);
            assert!(
                matches!(lex.classify(&n), Numeric::Not),
                "{word} should not look like a number word"
            );
        }
    }

    #[test]
    fn egyptian_and_levantine_number_words() {
        assert_eq!(one("دفع تلاتة جنيه"), c(3, "تلاتة"));
        assert_eq!(one("وصل اتنين بس"), c(2, "اتنين"));
        assert_eq!(one("حضر حداشر شخص"), c(11, "حداشر"));
        assert_eq!(one("كانوا اتناشر"), c(12, "اتناشر"));
        assert_eq!(one("دفعنا خمستاشر ألف"), c(15_000, "خمستاشر ألف"));
        assert_eq!(one("صاروا خمسطعش"), c(15, "خمسطعش"));
        assert_eq!(one("عمره تلاتين سنة"), c(30, "تلاتين"));
        assert_eq!(one("عددهم تمانين"), c(80, "تمانين"));
        assert_eq!(one("حوالي مية شخص"), c(100, "مية"));
        assert_eq!(one("حوالي متين شخص"), c(200, "متين"));
        assert_eq!(one("حوالي تلتمية شخص"), c(300, "تلتمية"));
        assert_eq!(one("حوالي ربعمية شخص"), c(400, "ربعمية"));
        assert_eq!(one("حوالي خمسمية شخص"), c(500, "خمسمية"));
        assert_eq!(one("دفع ميت ألف"), c(100_000, "ميت ألف"));
        assert_eq!(one("دفع تلتميت ألف"), c(300_000, "تلتميت ألف"));
        assert_eq!(one("دفع تلات تلاف"), c(3000, "تلات تلاف"));
        assert_eq!(one("دفع ألفين"), c(2000, "ألفين"));
        assert_eq!(one("الدور التالت"), o(3, "التالت"));
    }

    #[test]
    fn whole_number_or_none() {
        // Egyptian compounds the lexicon knows are read whole.
        assert_eq!(one("دفع متين وعشرة جنيه"), c(210, "متين وعشرة"));
        assert_eq!(one("دفع تلتمية وخمسين جنيه"), c(350, "تلتمية وخمسين"));
        assert_eq!(one("دفع متين و عشرة"), c(210, "متين و عشرة"));
        assert_eq!(one("بقي ألف وتلتمية وخمسين"), c(1350, "ألف وتلتمية وخمسين"));
        assert_eq!(one("تعدادهم خمسة وتلاتين"), c(35, "خمسة وتلاتين"));
        // A spelling the lexicon lacks, before or inside the sequence: nothing, never the tail.
        assert!(found("دفع تلاتمائه وخمسين جنيه").is_empty());
        assert!(found("دفع ألف وتلاتمائه وخمسين جنيه").is_empty());
        assert!(found("بلغوا خمسميات وعشرين").is_empty());
        assert!(found("بلغوا سبعطاشر ألف").is_empty());
        // ... or after it: the head is not left behind either.
        assert!(found("بلغوا خمسة وتمنين").is_empty());
        assert!(found("دفع خمسة تلتميات").is_empty());
        // Words that do not compose: the whole sequence is dropped.
        assert!(found("بلغوا عشرين وخمسة").is_empty());
        assert!(found("بلغوا خمسة ومئة").is_empty());
        assert!(found("بلغوا اثنين مئة").is_empty());
        assert!(found("انتظروا ثلاثة ونصف").is_empty());
        assert!(found("تبرع بنصف مليون").is_empty());
        // A list of numbers of one rank is a list, and ordinary words before و stay out of it.
        assert_eq!(
            found("بين ثلاثة وأربعة أيام"),
            vec![c(3, "ثلاثة"), c(4, "أربعة")]
        );
        assert_eq!(
            found("في الجولتين الخامسة والسادسة"),
            vec![o(5, "الخامسة"), o(6, "السادسة")]
        );
        assert_eq!(one("سقط قتيل وخمسة جرحى"), c(5, "خمسة"));
        assert_eq!(one("سقط ميت وخمسة جرحى"), c(5, "خمسة"));
        assert_eq!(one("على متن ثلاث طائرات"), c(3, "ثلاث"));
        assert_eq!(one("خلال أسبوعين وخمسة أيام"), c(5, "خمسة"));
        assert_eq!(found("في أول ثلاثة أيام"), vec![o(1, "أول"), c(3, "ثلاثة")]);
    }

    #[test]
    fn fractions_of_a_scale() {
        assert_eq!(one("رصد مليون ونصف دولار"), c(1_500_000, "مليون ونصف"));
        assert_eq!(one("رصد ثلاثة ملايين ونصف"), c(3_500_000, "ثلاثة ملايين ونصف"));
        assert_eq!(one("رصد ألف وربع"), c(1250, "ألف وربع"));
        assert_eq!(one("رصد مليون ونص"), c(1_500_000, "مليون ونص"));
        assert!(found("بعد ساعة ونصف").is_empty());
        assert!(found("نصف الأعضاء وربعهم").is_empty());
    }

    #[test]
    fn definite_cardinals_and_teens_in_every_case() {
        let d = |v: u64, kind: NumberKind, s: &str| {
            let norm = NormText::new(s);
            let all = find_numbers(norm.as_str());
            assert_eq!(all.len(), 1, "{s}: {all:?}");
            assert_eq!(
                (all[0].value, all[0].kind, all[0].definite),
                (v, kind, true),
                "{s}"
            );
        };
        d(11, Ordinal, "الاجتماع الأحد عشر");
        d(11, Ordinal, "الدورة الإحدى عشرة");
        d(12, Ordinal, "الأعضاء الاثنا عشر");
        d(12, Ordinal, "مع الأعضاء الاثني عشر");
        d(12, Ordinal, "الدول الاثنتا عشرة");
        d(12, Ordinal, "مع الدول الاثنتي عشرة");
        // Ordinal words rank whatever their article: they never count a set.
        assert_eq!(one("الاجتماع الحادي عشر"), o(11, "الحادي عشر"));
        assert_eq!(one("الدورة الحادية عشرة"), o(11, "الحادية عشرة"));
        assert_eq!(one("الاجتماع الثاني عشر"), o(12, "الثاني عشر"));
        assert_eq!(one("الدورة الثانية عشرة"), o(12, "الثانية عشرة"));
        for ordinal in [
            "الدول الثالثة",
            "الدورة الحادية عشرة",
            "العضو الخامس والثمانين",
        ] {
            let norm = NormText::new(ordinal);
            assert!(
                find_numbers(norm.as_str()).iter().all(|m| !m.definite),
                "{ordinal}"
            );
        }
        d(15, Ordinal, "الدول الخمس عشرة");
        d(11, Ordinal, "الدور الحداشر");
        d(6, Cardinal, "الدول الست");
        d(7, Cardinal, "مجموعة الدول السبع");
        d(3, Cardinal, "الأعضاء الثلاثة");
        d(10, Cardinal, "الدول العشر");
        d(22, Ordinal, "الدول الاثنتان والعشرون");
        d(22, Ordinal, "الدول الاثنتين والعشرين");
        d(22, Ordinal, "الدول العربية الـ22");
        // "الاثنين" alone is Monday, "الواحد" alone "the one": no number.
        assert!(found("يوم الاثنين").is_empty());
        assert!(found("الواحد منهم").is_empty());
        assert!(found("قال أحد المسؤولين").is_empty());
    }

    #[test]
    fn digits_glued_to_clitics_keep_the_digits_in_the_span() {
        assert_eq!(one("أضيف لـ14 دولة"), c(14, "14"));
        assert_eq!(one("مقارنة ب90 عضوا"), c(90, "90"));
        assert_eq!(one("انضمت كـ90"), c(90, "90"));
        assert_eq!(one("انضمت بـ ٩٠ دولة"), c(90, "٩٠"));
        assert_eq!(one("الدولة الـ85"), o(85, "الـ85"));
        assert_eq!(one("انضمت للـ85"), o(85, "لـ85"));
    }

    #[test]
    fn parse_number_words_counts_words() {
        let w: Vec<String> = ["خمسة", "وثمانون", "عضوا"]
            .iter()
            .map(|s| normalize(s))
            .collect();
        let words: Vec<&str> = w.iter().map(String::as_str).collect();
        assert_eq!(parse_number_words(&words), Some((85, 2)));
        assert_eq!(parse_number_words(&["عضوا"]), None);
    }

    /// Text made mostly of number words, digits and separators, to reach the deeper paths.
    const NUMBERISH: &str = "[0-9 ,./\\-:والبكفتسعينخمسةثمانونعشرمئةألفآلافرقمـ٠-٩]{0,60}";

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let norm = NormText::new(&s);
            for m in find_numbers(norm.as_str()) {
                proptest::prop_assert!(m.span.start < m.span.end);
                proptest::prop_assert!(norm.as_str().is_char_boundary(m.span.start));
                proptest::prop_assert!(norm.as_str().is_char_boundary(m.span.end));
            }
        }

        #[test]
        fn never_panics_on_arabic_like_text(s in NUMBERISH) {
            let norm = NormText::new(&s);
            let found = find_numbers(norm.as_str());
            for pair in found.windows(2) {
                proptest::prop_assert!(pair[0].span.end <= pair[1].span.start);
            }
        }
    }
}
