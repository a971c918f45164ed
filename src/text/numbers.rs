//! Numbers in Arabic news text: digits and number words, cardinal and ordinal.
//!
//! Works on normalised text (`NormText`): digits are ASCII, hamza forms folded, ة written ه.
//! Spans are byte ranges into the normalised text. A leading conjunction or preposition
//! (و ف ب ل ك) stays outside a span; an article that makes a word ordinal (التسعين، ال90)
//! stays inside it.
//!
//! Known limits: ordinals that are part of a month name (كانون الثاني، تشرين الأول، ربيع
//! الأول، جمادى الأولى) are skipped here, the date parser owns them. Decimals without a scale
//! word ("3.5") and digit runs shaped like dates, times or ranges ("9/2/2026", "10:30",
//! "2020-2025") are not numbers here.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

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
}

/// What part a number word plays in a compound number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// 1 to 9. `bound` words (أحد، إحدى، اثنا) only occur inside a larger number.
    Unit { bound: bool },
    /// عشرة/عشر: ten alone, or the teen part after a unit (ثلاثة عشر).
    Ten,
    /// 20 to 90.
    Tens,
    /// 100 to 900.
    Hundreds,
    /// ألف، مليون، مليار. `count` is how many the word itself holds: 1 for the singular, 2 for
    /// the dual (ألفان), 0 for the plural (آلاف), which needs a count before it.
    Scale { count: u8 },
    /// الأول … التاسع. `bound` words (الحادي) only occur inside a larger ordinal.
    OrdUnit { bound: bool },
    /// العاشر.
    OrdTen,
}

#[derive(Debug, Clone, Copy)]
struct NumWord {
    value: u64,
    class: Class,
}

/// Number words by normalised form, without article or clitics.
static WORDS: LazyLock<FxHashMap<String, NumWord>> = LazyLock::new(|| {
    use Class::*;
    let mut m = FxHashMap::default();
    let mut add = |forms: &[&str], value: u64, class: Class| {
        for f in forms {
            m.insert(normalize(f), NumWord { value, class });
        }
    };
    let free = Unit { bound: false };
    add(&["واحد", "واحدة"], 1, free);
    add(&["أحد", "إحدى"], 1, Unit { bound: true });
    add(&["اثنان", "اثنين", "اثنتان", "اثنتين"], 2, free);
    add(&["اثنا", "اثني", "اثنتا", "اثنتي"], 2, Unit { bound: true });
    add(&["ثلاث", "ثلاثة"], 3, free);
    add(&["أربع", "أربعة"], 4, free);
    add(&["خمس", "خمسة"], 5, free);
    add(&["ست", "ستة"], 6, free);
    add(&["سبع", "سبعة"], 7, free);
    add(&["ثمان", "ثماني", "ثمانية"], 8, free);
    add(&["تسع", "تسعة"], 9, free);
    add(&["عشر", "عشرة"], 10, Ten);
    let tens: [(&str, &str, u64); 8] = [
        ("عشرون", "عشرين", 20),
        ("ثلاثون", "ثلاثين", 30),
        ("أربعون", "أربعين", 40),
        ("خمسون", "خمسين", 50),
        ("ستون", "ستين", 60),
        ("سبعون", "سبعين", 70),
        ("ثمانون", "ثمانين", 80),
        ("تسعون", "تسعين", 90),
    ];
    for (nominative, oblique, v) in tens {
        add(&[nominative, oblique], v, Tens);
    }
    add(&["مئة", "مائة"], 100, Hundreds);
    add(
        &[
            "مئتان",
            "مئتين",
            "مائتان",
            "مائتين",
            "مئتا",
            "مائتا",
            "مئتي",
            "مائتي",
        ],
        200,
        Hundreds,
    );
    let hundreds: [(&str, u64); 8] = [
        ("ثلاث", 3),
        ("أربع", 4),
        ("خمس", 5),
        ("ست", 6),
        ("سبع", 7),
        ("ثمان", 8),
        ("ثماني", 8),
        ("تسع", 9),
    ];
    for (unit, v) in hundreds {
        add(
            &[&format!("{unit}مئة"), &format!("{unit}مائة")],
            v * 100,
            Hundreds,
        );
    }
    // Singular, dual and plural forms of each scale word.
    type ScaleForms<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str], u64);
    let scales: [ScaleForms; 3] = [
        (
            &["ألف", "ألفا"],
            &["ألفان", "ألفين", "ألفي"],
            &["آلاف"],
            1_000,
        ),
        (
            &["مليون", "مليونا"],
            &["مليونان", "مليونين"],
            &["ملايين"],
            1_000_000,
        ),
        (
            &["مليار", "مليارا"],
            &["ملياران", "مليارين"],
            &["مليارات"],
            1_000_000_000,
        ),
    ];
    for (one, two, many, v) in scales {
        add(one, v, Scale { count: 1 });
        add(two, v, Scale { count: 2 });
        add(many, v, Scale { count: 0 });
    }
    let ord = OrdUnit { bound: false };
    add(&["أول", "أولى"], 1, ord);
    add(&["حادي", "حادية"], 1, OrdUnit { bound: true });
    add(&["ثاني", "ثانية"], 2, ord);
    add(&["ثالث", "ثالثة"], 3, ord);
    add(&["رابع", "رابعة"], 4, ord);
    add(&["خامس", "خامسة"], 5, ord);
    add(&["سادس", "سادسة"], 6, ord);
    add(&["سابع", "سابعة"], 7, ord);
    add(&["ثامن", "ثامنة"], 8, ord);
    add(&["تاسع", "تاسعة"], 9, ord);
    add(&["عاشر", "عاشرة"], 10, OrdTen);
    m
});

/// First words of month names whose second word is an ordinal (كانون الثاني، ربيع الأول).
static MONTH_HEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ["كانون", "تشرين", "ربيع", "جمادى"]
        .iter()
        .map(|w| normalize(w))
        .collect()
});

/// "رقم" (number), which makes the number after it a label: "العضو رقم 90".
static NUMBER_LABEL: LazyLock<String> = LazyLock::new(|| normalize("رقم"));

/// The word "six", which proclitics other than a conjunction turn into other words (لست).
static SIX: LazyLock<String> = LazyLock::new(|| normalize("ست"));

const ARTICLE: &str = "ال";

/// Every stem a number can begin with, as [`numbers_in`] looks it up: the number words and
/// "رقم".
pub fn first_words() -> impl Iterator<Item = &'static str> {
    WORDS
        .keys()
        .map(String::as_str)
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
            Scan::Skip(next) => i = next,
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
    /// Tokens up to this index belong to something that is not a number (a date, a decimal).
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
    let Some((m, next, first)) = read_words(norm, tokens, i) else {
        return Scan::Nothing;
    };
    if m.kind == NumberKind::Ordinal && next == i + 1 && i > 0 {
        let prev = tokens[i - 1].text(norm);
        // "الثاني" after "كانون" names a month; a bare ordinal after digits is a unit of
        // measure ("30 ثانية"); "في المئة" and "بالمئة" mean per cent.
        let month = first.article && MONTH_HEADS.iter().any(|h| prev.ends_with(h.as_str()));
        let unit = !first.article && is_digits(prev);
        let percent = first.article
            && first.word.class == Class::Hundreds
            && first.word.value == 100
            && (prev == "في" || text.starts_with('ب') || text.starts_with("وب"));
        if month || unit || percent {
            return Scan::Nothing;
        }
    }
    Scan::Found(m, next)
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
    match WORDS.get(t.text(norm)) {
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

/// The first word of a number, with any proclitics.
fn lex_first(norm: &str, tokens: &[Token], i: usize) -> Option<Piece> {
    let tok = tokens[i];
    let text = tok.text(norm);
    for (stripped, stem, article) in proclitic_readings(text) {
        let Some(word) = WORDS.get(stem) else {
            continue;
        };
        if stem == SIX.as_str() && !matches!(&text[..stripped], "" | "و" | "ف") {
            continue;
        }
        return Some(Piece {
            word: *word,
            conj: false,
            article,
            start: span_start(norm, tok.start, stripped, article),
            end: tok.end,
            next: i + 1,
        });
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
        if let Some(w) = WORDS.get(s) {
            return Some((*w, false));
        }
        let rest = s.strip_prefix(ARTICLE)?;
        WORDS.get(rest).map(|w| (*w, true))
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
    if text == "و" {
        let after = tokens.get(j + 1)?;
        if &norm[tok.end..after.start] != " " {
            return None;
        }
        return lookup(after.text(norm)).map(|f| piece(f, true, after.end, j + 2));
    }
    let rest = text.strip_prefix('و')?;
    lookup(rest).map(|f| piece(f, true, tok.end, j + 1))
}

/// A number written in words starting at token `i`, and the index of the token after it.
fn words_at(norm: &str, tokens: &[Token], i: usize) -> Option<(NumberMatch, usize)> {
    read_words(norm, tokens, i).map(|(m, next, _)| (m, next))
}

/// [`words_at`], also giving the first word as read.
fn read_words(norm: &str, tokens: &[Token], i: usize) -> Option<(NumberMatch, usize, Piece)> {
    // The longest number we read ("مليون وخمسمئة وخمسة وعشرون ألفا ومئتان وثلاثة عشر")
    // has fewer pieces than this, and the bound keeps the scan linear.
    const MAX_PIECES: usize = 16;
    let mut pieces = vec![lex_first(norm, tokens, i)?];
    while pieces.len() < MAX_PIECES {
        let last = pieces[pieces.len() - 1];
        match lex_next(norm, tokens, last.next, last.end) {
            Some(p) => pieces.push(p),
            None => break,
        }
    }
    let (value, used, kind) = if let Some((v, n)) = ordinal(&pieces) {
        (v, n, NumberKind::Ordinal)
    } else {
        let (v, n) = cardinal(&pieces)?;
        (v, n, NumberKind::Cardinal)
    };
    let last = pieces[used - 1];
    Some((
        NumberMatch {
            value,
            span: pieces[0].start..last.end,
            kind,
        },
        last.next,
        pieces[0],
    ))
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
        Class::Tens | Class::Hundreds if first.article => Some((v, 1)),
        // "الخمسة والثمانين": a cardinal unit with article, joined to article + tens.
        Class::Unit { .. } if first.article => tens_after(true).map(|t| (v + t, 2)),
        _ => None,
    }
}

/// A cardinal: units, teens, tens, hundreds and scales in the usual Arabic order
/// ("ألف وخمسمائة وخمسة وثمانون", "ثلاثة آلاف", "خمسة عشر ألفا").
fn cardinal(p: &[Piece]) -> Option<(u64, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Last {
        Start,
        Unit { v: u64, bound: bool, opens: bool },
        Teen,
        Ten,
        Tens,
        Hundreds,
        Scale,
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
        let below_hundred = opens || (last == Last::Hundreds && conj);
        last = match (last, conj, piece.word.class) {
            (_, _, Class::Unit { bound }) if below_hundred => {
                group += v;
                Last::Unit { v, bound, opens }
            }
            (_, _, Class::Ten) if below_hundred => {
                group += 10;
                Last::Ten
            }
            (_, _, Class::Tens) if below_hundred => {
                group += v;
                Last::Tens
            }
            (_, _, Class::Hundreds) if opens => {
                group = v;
                Last::Hundreds
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
                Class::Hundreds,
            ) if v == 100 && u >= 3 => {
                group = u * 100;
                Last::Hundreds
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
                | Last::Hundreds,
                false,
                Class::Scale { count: 0 | 1 },
            ) if v < last_scale => {
                total = total.checked_add(group.checked_mul(v)?)?;
                group = 0;
                last_scale = v;
                Last::Scale
            }
            _ => break,
        };
        if !matches!(last, Last::Unit { bound: true, .. }) {
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
