//! Normalisation of Arabic text for matching, with an offset map back to the original.
//!
//! The normalised text is a match key only: it is never shown as evidence. Every char of it
//! remembers the byte range of the original it came from, so a match found in normalised text
//! becomes an exact original substring and span (`NormText::to_original`).
//!
//! The text is cut into clusters (a base char and the combining marks after it); each cluster is
//! NFKC-normalised on its own and then folded char by char by [`fold_char`]. Working per cluster
//! keeps the map exact (every output char points at the cluster that produced it) while still
//! composing alef + hamza above into أ before folding it to ا.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// Normalised text plus, for each of its chars, the original byte range it came from.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    text: String,
    /// One entry per char of `text`, or per run of unchanged chars, in order.
    // Invariant: `norm` strictly increases and the entries cover `text` without gaps;
    // `orig_start <= orig_end`; both never go backwards; runs are never empty.
    map: Vec<MapEntry>,
    orig_len: u32,
}

/// Where a piece of the normalised text came from: one char, or a run of chars copied as they
/// were.
#[derive(Debug, Clone, Copy)]
struct MapEntry {
    norm: u32,
    orig_start: u32,
    orig_end: u32,
    /// The piece is a run of chars each of which came from the char of the same length at the
    /// same place in `original[orig_start..orig_end]` (kept, or folded as ة → ه). Otherwise it is
    /// one char, which came from the whole of `orig_start..orig_end`.
    run: bool,
}

/// What one char becomes in the match key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    Keep(char),
    Delete,
    Space,
    Newline,
}

/// The per-char folding rules, applied after NFKC.
fn fold_char(c: char) -> Fold {
    match c {
        // Harakat, Quranic annotation marks, superscript alef, tatweel.
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}' => Fold::Delete,
        '\u{0640}' => Fold::Delete,
        // Invisible and direction controls, BOM, Arabic thousands separator.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{066C}'
        | '\u{00AD}' => Fold::Delete,
        '\n' | '\u{0085}' | '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}' => Fold::Newline,
        '\t' | ' ' => Fold::Space,
        c if c.is_whitespace() => Fold::Space,
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Keep('ا'),
        'ى' | 'ی' | 'ئ' | 'ې' => Fold::Keep('ي'),
        'ة' => Fold::Keep('ه'),
        'ؤ' => Fold::Keep('و'),
        'ک' => Fold::Keep('ك'),
        '٠'..='٩' => Fold::Keep(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Fold::Keep(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        '\u{066B}' => Fold::Keep('.'),
        '،' => Fold::Keep(','),
        '؛' => Fold::Keep(';'),
        '؟' => Fold::Keep('?'),
        '“' | '”' | '«' | '»' | '„' | '″' => Fold::Keep('"'),
        // Other C0/C1 controls carry no text.
        c if c.is_control() => Fold::Delete,
        c => Fold::Keep(c),
    }
}

/// [`fold_char`] for the chars of [`plain_char`], without the Unicode table look-ups that
/// rules for other chars need.
#[inline]
fn fold_plain(c: char) -> Fold {
    match c {
        '\n' => Fold::Newline,
        ' ' | '\t' => Fold::Space,
        'أ' | 'إ' | 'آ' => Fold::Keep('ا'),
        'ى' | 'ئ' => Fold::Keep('ي'),
        'ة' => Fold::Keep('ه'),
        'ؤ' => Fold::Keep('و'),
        '٠'..='٩' => Fold::Keep(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        c => Fold::Keep(c),
    }
}

impl NormText {
    /// Normalises `original`. Linear in its length.
    pub fn new(original: &str) -> Self {
        let mut out = NormText {
            text: String::with_capacity(original.len()),
            map: Vec::with_capacity(original.len() / 2),
            orig_len: original.len() as u32,
        };
        let bytes = original.as_bytes();
        let mut i = 0;
        let mut buf = String::new();
        while i < original.len() {
            // A terminal escape sequence carries no text: drop it whole, so "ESC[31mوزراء"
            // still reads as the word.
            if bytes[i] == 0x1b {
                i = escape_end(bytes, i);
                continue;
            }
            // The common case first: a run of ASCII chars and bare Arabic letters, each with no
            // mark after it, that the rules keep or fold to a char of the same length (ة → ه).
            let run_end = out.push_run(original, i);
            if run_end > i {
                i = run_end;
                continue;
            }
            // Then a single such char that folds (أ → ا, ٩ → 9, a tab or a second space).
            if let Some((c, len)) = plain_char(bytes, i)
                && starts_cluster(bytes, i + len)
            {
                out.push_fold(fold_plain(c), i, i + len);
                i += len;
                continue;
            }
            let cluster_end = cluster_end(original, i);
            let cluster = &original[i..cluster_end];
            if cluster.len() == 1 && bytes[i].is_ascii() {
                let b = bytes[i];
                match b {
                    b'\r' => {
                        // CRLF counts once; a lone CR is a line end.
                        if bytes.get(i + 1) != Some(&b'\n') {
                            out.push_fold(Fold::Newline, i, cluster_end);
                        }
                    }
                    _ => out.push_fold(fold_char(b as char), i, cluster_end),
                }
            } else if let Some(c) = plain_arabic(cluster) {
                // A bare Arabic letter or digit is already NFKC: skip the tables.
                out.push_fold(fold_char(c), i, cluster_end);
            } else {
                buf.clear();
                buf.extend(cluster.nfkc());
                for c in buf.chars() {
                    // NFKC can turn a presentation form into a char that itself folds.
                    out.push_fold(fold_char(c), i, cluster_end);
                }
            }
            i = cluster_end;
        }
        out
    }

    /// Appends the run that starts at `start` (see [`MapEntry::run`]): chars of [`plain_char`],
    /// each followed by the start of a new cluster, that the rules keep as they are or fold to a
    /// char of the same length (أ → ا, ة → ه), and no space right after another (spaces
    /// collapse). Returns where it ends: `start` itself when there is none.
    fn push_run(&mut self, original: &str, start: usize) -> usize {
        let bytes = original.as_bytes();
        let norm = self.text.len();
        let table = &*RUN_TABLE;
        let mut after_space = self.text.ends_with(' ');
        // Bytes from `copied` on are still to be copied as they are.
        let mut copied = start;
        let mut j = start;
        let mut here = run_class(table, bytes, j);
        loop {
            let (len, folded) = match here.kind {
                RunKind::Keep(len) => (len, None),
                RunKind::Space if !after_space => (1, None),
                RunKind::Fold(c) => (2, Some(c)),
                _ => break,
            };
            let next = run_class(table, bytes, j + len);
            if !next.starts_cluster {
                break;
            }
            if let Some(c) = folded {
                self.text.push_str(&original[copied..j]);
                self.text.push(c);
                copied = j + len;
            }
            after_space = here.kind == RunKind::Space;
            j += len;
            here = next;
        }
        if j == start {
            return start;
        }
        self.text.push_str(&original[copied..j]);
        match self.map.last_mut() {
            // Right after another run, in both texts: extend it.
            Some(last)
                if last.run
                    && last.orig_end as usize == start
                    && (last.norm + (last.orig_end - last.orig_start)) as usize == norm =>
            {
                last.orig_end = j as u32;
            }
            _ => self.map.push(MapEntry {
                norm: norm as u32,
                orig_start: start as u32,
                orig_end: j as u32,
                run: true,
            }),
        }
        j
    }

    #[inline]
    fn push_fold(&mut self, fold: Fold, start: usize, end: usize) {
        let c = match fold {
            Fold::Delete => return,
            Fold::Space => {
                if self.text.ends_with(' ') {
                    self.widen_last_space(end);
                    return;
                }
                ' '
            }
            Fold::Newline => '\n',
            Fold::Keep(c) => c,
        };
        self.map.push(MapEntry {
            norm: self.text.len() as u32,
            orig_start: start as u32,
            orig_end: end as u32,
            run: false,
        });
        self.text.push(c);
    }

    /// Makes the space that ends the text stand for the original up to `end` too (spaces
    /// collapse). A space at the end of a run leaves the run first, as a char of its own.
    fn widen_last_space(&mut self, end: usize) {
        let Some(last) = self.map.last_mut() else {
            return;
        };
        if !last.run {
            last.orig_end = end as u32;
            return;
        }
        // The run ends with that space, copied from one original byte.
        last.orig_end -= 1;
        let orig_start = last.orig_end;
        if last.orig_end == last.orig_start {
            self.map.pop();
        }
        self.map.push(MapEntry {
            norm: self.text.len() as u32 - 1,
            orig_start,
            orig_end: end as u32,
            run: false,
        });
    }

    /// The normalised text (the match key).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range that produced the normalised byte range `norm`.
    ///
    /// `norm` must lie on char boundaries of the normalised text; the result lies on char
    /// boundaries of the original. An empty range maps to an empty range.
    pub fn to_original(&self, norm: Range<usize>) -> Range<usize> {
        let start = self.origin_of_char_at(norm.start);
        if norm.end <= norm.start {
            return start..start;
        }
        // The entry holding the last byte before `norm.end`.
        let last = self.map.partition_point(|e| (e.norm as usize) < norm.end);
        let end = match last.checked_sub(1).map(|k| self.map[k]) {
            None => start,
            Some(e) if e.run => {
                let at = self.text.ceil_char_boundary(norm.end) - e.norm as usize;
                (e.orig_start as usize + at).min(e.orig_end as usize)
            }
            Some(e) => e.orig_end as usize,
        };
        start..end.max(start)
    }

    /// Where the first char at or after normalised byte `at` starts in the original.
    fn origin_of_char_at(&self, at: usize) -> usize {
        let at = self.text.ceil_char_boundary(at);
        // The entry holding byte `at`, if it starts before it.
        let k = self.map.partition_point(|e| (e.norm as usize) <= at);
        if let Some(e) = k.checked_sub(1).map(|k| self.map[k])
            && e.run
            && at < e.norm as usize + (e.orig_end - e.orig_start) as usize
        {
            return e.orig_start as usize + (at - e.norm as usize);
        }
        let first = self.map.partition_point(|e| (e.norm as usize) < at);
        self.map.get(first).map_or(self.orig_len, |e| e.orig_start) as usize
    }

    /// The normalised byte offset of the first char that came from original byte `orig` or later.
    pub fn from_original(&self, orig: usize) -> usize {
        let i = self.map.partition_point(|e| (e.orig_start as usize) < orig);
        // Inside a run, chars map to themselves.
        if let Some(e) = i.checked_sub(1).map(|k| self.map[k])
            && e.run
            && orig < e.orig_end as usize
        {
            return self
                .text
                .ceil_char_boundary(e.norm as usize + (orig - e.orig_start as usize));
        }
        self.map.get(i).map_or(self.text.len(), |e| e.norm as usize)
    }
}

/// What the run loop of [`NormText::push_run`] needs to know of a char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKind {
    /// Not part of a run (another char, or one that folds to a char of another length).
    Not,
    /// Kept as it is: its length in bytes.
    Keep(usize),
    /// A space, which stays unless it follows another.
    Space,
    /// A two-byte char that folds to this two-byte char (ة → ه).
    Fold(char),
}

#[derive(Debug, Clone, Copy)]
struct RunClass {
    kind: RunKind,
    /// Whether a new cluster starts here ([`starts_cluster`]).
    starts_cluster: bool,
}

/// [`RunClass`] of every ASCII byte (0–127) and every two-byte char starting 0xD8 or 0xD9
/// (128 + its offset from U+0600), worked out once from [`plain_char`], [`fold_plain`] and
/// [`starts_cluster`] so the table cannot disagree with them.
static RUN_TABLE: std::sync::LazyLock<[RunClass; 256]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|k| {
        let mut utf8 = [0u8; 2];
        let bytes: &[u8] = if k < 128 {
            utf8[0] = k as u8;
            &utf8[..1]
        } else {
            let c = 0x0600 + (k as u32 - 128);
            utf8 = [0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8];
            &utf8
        };
        let kind = match plain_char(bytes, 0) {
            Some((c, len)) => match fold_plain(c) {
                Fold::Keep(f) if f == c => RunKind::Keep(len),
                Fold::Keep(f) if f.len_utf8() == len && len == 2 => RunKind::Fold(f),
                Fold::Newline => RunKind::Keep(len),
                Fold::Space if c == ' ' => RunKind::Space,
                _ => RunKind::Not,
            },
            None => RunKind::Not,
        };
        RunClass {
            kind,
            starts_cluster: starts_cluster(bytes, 0),
        }
    })
});

/// The [`RunClass`] of the char at `i`; the end of the text starts a cluster.
#[inline]
fn run_class(table: &[RunClass; 256], bytes: &[u8], i: usize) -> RunClass {
    const OTHER: RunClass = RunClass {
        kind: RunKind::Not,
        starts_cluster: false,
    };
    match bytes.get(i) {
        None => RunClass {
            kind: RunKind::Not,
            starts_cluster: true,
        },
        Some(&b) if b < 0x80 => table[usize::from(b)],
        Some(&b @ (0xD8 | 0xD9)) => match bytes.get(i + 1) {
            Some(&b2) => table[128 + (usize::from(b - 0xD8) << 6 | usize::from(b2 & 0x3F))],
            None => OTHER,
        },
        Some(_) => OTHER,
    }
}

/// The char at `i` when it is printable ASCII, a line feed or a tab, or a bare Arabic letter or
/// Arabic-Indic digit (U+0621–U+063A, U+0641–U+064A, U+0660–U+0669), and its length: chars
/// that NFKC leaves alone and that carry no escape or CR handling.
fn plain_char(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    match *bytes.get(i)? {
        b @ (b' '..=b'~' | b'\n' | b'\t') => Some((b as char, 1)),
        0xD8 | 0xD9 => {
            let c = (u32::from(bytes[i] & 0x1F) << 6) | u32::from(*bytes.get(i + 1)? & 0x3F);
            let plain = matches!(c, 0x0621..=0x063A | 0x0641..=0x064A | 0x0660..=0x0669);
            plain.then(|| char::from_u32(c).map(|c| (c, 2))).flatten()
        }
        _ => None,
    }
}

/// Whether a new cluster starts at `i`: the end of the text, ASCII, or one of the Arabic chars
/// of [`plain_char`] or the Arabic comma, none of which is a combining mark. Anything else is
/// left to [`cluster_end`].
fn starts_cluster(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        None => true,
        Some(b) if b.is_ascii() => true,
        Some(0xD8) => matches!(bytes.get(i + 1), Some(0x8C | 0xA1..=0xBA)),
        Some(0xD9) => matches!(bytes.get(i + 1), Some(0x81..=0x8A | 0xA0..=0xA9)),
        _ => false,
    }
}

/// The cluster's char when it is one Arabic letter or Arabic-Indic digit with no marks: such a
/// char has no compatibility or canonical decomposition, so NFKC leaves it as it is.
fn plain_arabic(cluster: &str) -> Option<char> {
    let mut chars = cluster.chars();
    let c = chars.next()?;
    let plain =
        matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}');
    (plain && chars.next().is_none()).then_some(c)
}

/// Where the escape sequence starting at `start` (an ESC byte) ends: CSI (`ESC [` … final byte
/// 0x40–0x7E), OSC/DCS/APC/PM/SOS (`ESC ]` … BEL or `ESC \\`), or a two-byte escape. Bounded by
/// the input, never past a line end for CSI, and always past the ESC, so it stays linear.
fn escape_end(bytes: &[u8], start: usize) -> usize {
    let next = start + 1;
    match bytes.get(next) {
        Some(b'[') => {
            let mut j = next + 1;
            while j < bytes.len() && (0x20..=0x3f).contains(&bytes[j]) {
                j += 1;
            }
            if j < bytes.len() && (0x40..=0x7e).contains(&bytes[j]) {
                j + 1
            } else {
                j
            }
        }
        Some(b']' | b'P' | b'_' | b'^' | b'X') => {
            let mut j = next + 1;
            while j < bytes.len() {
                match bytes[j] {
                    0x07 => return j + 1,
                    0x1b if bytes.get(j + 1) == Some(&b'\\') => return j + 2,
                    b'\n' => return j,
                    _ => j += 1,
                }
            }
            j
        }
        Some(b) if (0x20..=0x7e).contains(b) => next + 1,
        _ => next,
    }
}

/// Where the cluster starting at `start` ends: after the base char and its combining marks.
fn cluster_end(s: &str, start: usize) -> usize {
    let mut chars = s[start..].char_indices();
    let mut end = match chars.next() {
        Some((_, c)) => start + c.len_utf8(),
        None => return start,
    };
    for (off, c) in chars {
        if c.is_ascii() || canonical_combining_class(c) == 0 {
            break;
        }
        end = start + off + c.len_utf8();
    }
    end
}

/// Normalises a short string such as a lexicon entry.
pub fn normalize(s: &str) -> String {
    NormText::new(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s)
    }

    #[test]
    fn the_fast_path_folds_as_the_rules_do() {
        let plain = (' '..='~')
            .chain(['\n', '\t'])
            .chain('\u{0621}'..='\u{063A}')
            .chain('\u{0641}'..='\u{064A}')
            .chain('\u{0660}'..='\u{0669}');
        for c in plain {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert_eq!(plain_char(bytes, 0), Some((c, bytes.len())), "{c:?}");
            assert_eq!(fold_plain(c), fold_char(c), "{c:?}");
            assert!(starts_cluster(bytes, 0), "{c:?}");
        }
        // A mark after a plain char keeps it in one cluster with the mark.
        assert!(!starts_cluster("\u{064E}".as_bytes(), 0));
        assert!(!starts_cluster("\u{0654}".as_bytes(), 0));
        assert_eq!(n("ا\u{0654}"), "ا");
        assert_eq!(n("مَدينةٌ"), "مدينه");
    }

    #[test]
    fn folds_alef_forms_and_hamza_carriers() {
        assert_eq!(n("أإآٱ"), "اااا");
        assert_eq!(n("مستشفى"), "مستشفي");
        assert_eq!(n("مدينة"), "مدينه");
        assert_eq!(n("مؤتمر"), "موتمر");
        assert_eq!(n("رئيس"), "رييس");
        assert_eq!(n("ی ک"), "ي ك");
    }

    #[test]
    fn deletes_harakat_tatweel_and_controls() {
        assert_eq!(n("رَحَّبَ"), "رحب");
        assert_eq!(n("كـــالعضو"), "كالعضو");
        assert_eq!(n("a\u{200F}b\u{202B}c\u{2066}d\u{061C}e\u{FEFF}"), "abcde");
    }

    #[test]
    fn composes_before_folding() {
        // Alef followed by a combining hamza above composes to أ, which folds to ا.
        assert_eq!(n("\u{0627}\u{0654}"), "ا");
    }

    #[test]
    fn folds_presentation_forms_and_ligatures() {
        assert_eq!(n("\u{FEFB}"), "لا");
        assert_eq!(n("\u{FEE3}\u{FEAE}"), "مر");
    }

    #[test]
    fn folds_digits_and_punctuation() {
        assert_eq!(n("٢٠٢٦ ۱۲"), "2026 12");
        assert_eq!(n("٣٫٥"), "3.5");
        assert_eq!(n("١٬٠٠٠"), "1000");
        assert_eq!(n("نعم، لا؛ متى؟"), "نعم, لا; متي?");
        assert_eq!(n("«قال» “نعم”"), "\"قال\" \"نعم\"");
    }

    #[test]
    fn collapses_spaces_and_keeps_lines() {
        assert_eq!(n("a \u{00A0}\t b"), "a b");
        assert_eq!(n("a\r\nb\rc\nd"), "a\nb\nc\nd");
    }

    #[test]
    fn maps_back_to_exact_original() {
        let original = "قال: «الإثنينَ» يوم ٩ شباط";
        let norm = NormText::new(original);
        let key = norm.as_str();
        let at = key.find("الاثنين").unwrap();
        let span = norm.to_original(at..at + "الاثنين".len());
        assert_eq!(&original[span], "الإثنينَ");
        let at = key.find("9").unwrap();
        let span = norm.to_original(at..at + 1);
        assert_eq!(&original[span], "٩");
    }

    #[test]
    fn tatweel_inside_a_match_is_kept_in_the_evidence() {
        let original = "انضمت كـالعضو 90";
        let norm = NormText::new(original);
        let at = norm.as_str().find("كالعضو").unwrap();
        let span = norm.to_original(at..at + "كالعضو".len());
        assert_eq!(&original[span], "كـالعضو");
    }

    #[test]
    fn terminal_escapes_are_dropped_whole() {
        assert_eq!(n("\u{1b}[31mوزراء\u{1b}[0m الخارجية"), "وزراء الخارجيه");
        assert_eq!(n("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(n("a\u{1b}]8;;http://x\u{1b}\\b"), "ab");
        assert_eq!(n("end\u{1b}"), "end");
        assert_eq!(n("\u{1b}[31"), "");
    }

    #[test]
    fn from_original_inverts_to_original() {
        let original = "أَهلاً بكم";
        let norm = NormText::new(original);
        let b = original.find("بكم").unwrap();
        let at = norm.from_original(b);
        assert_eq!(&norm.as_str()[at..], "بكم");
    }

    /// Each char of the normalised text with the original range it came from, runs expanded.
    fn per_char(n: &NormText) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (k, e) in n.map.iter().enumerate() {
            let end = n
                .map
                .get(k + 1)
                .map_or(n.text.len(), |next| next.norm as usize);
            if e.run {
                let piece = &n.text[e.norm as usize..end];
                assert_eq!(end - e.norm as usize, (e.orig_end - e.orig_start) as usize);
                for (off, c) in piece.char_indices() {
                    let o = e.orig_start as usize + off;
                    out.push((e.norm as usize + off, o, o + c.len_utf8()));
                }
            } else {
                assert_eq!(n.text[e.norm as usize..end].chars().count(), 1);
                out.push((e.norm as usize, e.orig_start as usize, e.orig_end as usize));
            }
        }
        out
    }

    proptest::proptest! {
        /// Runs line up char for char with the original, and looking offsets up through runs
        /// gives what looking them up char by char gives.
        #[test]
        fn runs_map_like_single_chars(pieces in proptest::collection::vec(
            proptest::sample::select(&[
                "ا", "ب", "ة", "أ", "إ", "ى", "٩", "9", "a", " ", "  ", "\t", "\n", "\r\n", "\r",
                "\u{064E}", "\u{0654}", "ـ", "ﻻ", "\u{1b}[1m", "،", "«", "\u{00A0}", "é", "e\u{0301}",
            ][..]),
            0..40,
        )) {
            let original = pieces.concat();
            let n = NormText::new(&original);
            let chars = per_char(&n);
            for (k, e) in n.map.iter().enumerate() {
                if e.run {
                    let end = n.map.get(k + 1).map_or(n.text.len(), |x| x.norm as usize);
                    let lengths = |t: &str| t.chars().map(char::len_utf8).collect::<Vec<_>>();
                    proptest::prop_assert_eq!(
                        lengths(&n.text[e.norm as usize..end]),
                        lengths(&original[e.orig_start as usize..e.orig_end as usize])
                    );
                }
            }
            let boundaries: Vec<usize> = (0..=n.text.len())
                .filter(|&i| n.text.is_char_boundary(i))
                .collect();
            for &a in &boundaries {
                for &b in &boundaries {
                    let first = chars.partition_point(|c| c.0 < a);
                    let start = chars.get(first).map_or(original.len(), |c| c.1);
                    let want = if b <= a {
                        start..start
                    } else {
                        let last = chars.partition_point(|c| c.0 < b);
                        let end = if last == 0 { start } else { chars[last - 1].2 };
                        start..end.max(start)
                    };
                    proptest::prop_assert_eq!(n.to_original(a..b), want, "{:?} {}..{}", original, a, b);
                }
            }
            for orig in 0..=original.len() {
                let i = chars.partition_point(|c| c.1 < orig);
                let want = chars.get(i).map_or(n.text.len(), |c| c.0);
                proptest::prop_assert_eq!(n.from_original(orig), want, "{:?} at {}", original, orig);
            }
        }
    }
}
