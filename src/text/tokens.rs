//! Word tokens over normalised text, and proclitic handling for lexicon look-ups.
//!
//! Assumes normalised input (`NormText`): hamza forms folded, harakat and tatweel gone, digits
//! ASCII. Token spans are byte ranges into the normalised text.

use std::ops::Range;

/// A word: a maximal run of letters and digits in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    // Invariant: start < end, both on char boundaries of the normalised text.
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn text(self, norm: &str) -> &str {
        &norm[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Arabic letters and digits, the common case, without the Unicode table look-up.
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => true,
        '\u{200C}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// [`is_word_char`] for U+0600–U+06FF, by the char's offset in the block.
static ARABIC_WORD_CHARS: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|k| char::from_u32(0x0600 + k as u32).is_some_and(is_word_char))
});

/// Splits normalised text into word tokens.
pub fn tokenize(norm: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(norm.len() / 6);
    let mut start: Option<usize> = None;
    let bytes = norm.as_bytes();
    let arabic = &*ARABIC_WORD_CHARS;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII and the Arabic block (two bytes starting 0xD8–0xDB) from a table; the rest
        // decoded.
        let (word, len) = match b {
            0..0x80 => (b.is_ascii_alphanumeric(), 1),
            0xD8..=0xDB if i + 1 < bytes.len() => {
                let at = usize::from(b - 0xD8) << 6 | usize::from(bytes[i + 1] & 0x3F);
                (arabic[at], 2)
            }
            _ => match norm[i..].chars().next() {
                Some(c) => (is_word_char(c), c.len_utf8()),
                None => break,
            },
        };
        let at = i;
        i += len;
        match (word, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                tokens.push(Token { start: s, end: at });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Token {
            start: s,
            end: norm.len(),
        });
    }
    tokens
}

/// The readings of a word: `(bytes stripped, stem, stripped article)`, kept on the stack. A
/// word has at most five: one per distinct number of bytes stripped (0, 2, 4, 6 or 8).
pub type Readings<'a> = smallvec::SmallVec<[(usize, &'a str, bool); 5]>;

/// The ways a word can be read as proclitics + stem, least stripped first.
///
/// Proclitics are the conjunctions و and ف, then one of the prepositions ب ل ك, then the
/// article ال (ل + ال is written لل). Each item is `(bytes stripped, stem, stripped article)`.
/// The unstripped word always comes first, so a look-up that tries the candidates in order
/// keeps words that merely start with these letters (البانيا، لبنان، وليد) whole when the
/// lexicon knows them whole. Stems shorter than two letters are never offered.
pub fn proclitic_readings<'a>(word: &'a str) -> Readings<'a> {
    // Called for every token by the sieve and again by the scanners it lets through: it works
    // on bytes (each of these letters is two bytes in UTF-8) rather than with `strip_prefix`.
    const WAW: &[u8] = "و".as_bytes();
    const FA: &[u8] = "ف".as_bytes();
    const BA: &[u8] = "ب".as_bytes();
    const LAM: &[u8] = "ل".as_bytes();
    const KAF: &[u8] = "ك".as_bytes();
    const ARTICLE: &[u8] = "ال".as_bytes();
    let mut out: Readings<'a> = smallvec::smallvec![(0, word, false)];
    let b = word.as_bytes();
    let starts = |at: usize, p: &[u8]| b.get(at..at + p.len()) == Some(p);
    // Only words that start with a proclitic letter have other readings.
    if !(starts(0, WAW)
        || starts(0, FA)
        || starts(0, BA)
        || starts(0, LAM)
        || starts(0, KAF)
        || starts(0, ARTICLE))
    {
        return out;
    }
    let mut push = |stripped: usize, article: bool| {
        let rest = &word[stripped..];
        let mut chars = rest.chars();
        if chars.next().is_some()
            && chars.next().is_some()
            && !out.iter().any(|(n, _, _)| *n == stripped)
        {
            out.push((stripped, rest, article));
        }
    };
    let conj = if starts(0, WAW) || starts(0, FA) {
        2
    } else {
        0
    };
    for c in [0, conj] {
        let lam = starts(c, LAM);
        let prep = if starts(c, BA) || lam || starts(c, KAF) {
            2
        } else {
            0
        };
        for p in [0, prep] {
            let at = c + p;
            if at > 0 {
                push(at, false);
            }
            if starts(at, ARTICLE) {
                push(at + ARTICLE.len(), true);
            }
            // ل + ال is written لل: the article's alef drops.
            if p > 0 && lam && starts(at, LAM) {
                push(at + LAM.len(), true);
            }
            if prep == 0 {
                break;
            }
        }
        if conj == 0 {
            break;
        }
    }
    out.sort_by_key(|(n, _, _)| *n);
    out
}

/// The form a lexicon entry is indexed under: its leading article removed.
pub fn bare(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => word,
    }
}

/// The imperfect verb inside a future form: the particle س joins the verb it makes future
/// ("ستستضيف" → "تستضيف", "سيعقد" → "يعقد"). Only a stem whose rest starts with an imperfect
/// prefix (ي ت ن ا) and keeps three letters or more is read so; callers treat the result as a
/// reading to look up, never as the word itself.
pub fn future_stem(stem: &str) -> Option<&str> {
    let rest = stem.strip_prefix('س')?;
    let mut chars = rest.chars();
    let first = chars.next()?;
    (matches!(first, 'ي' | 'ت' | 'ن' | 'ا') && chars.nth(1).is_some()).then_some(rest)
}

/// The first three chars of a word as a number, for indexing words that match by prefix: two
/// words may share a key, but a word always has the key of its first three chars.
pub fn prefix_key(word: &str) -> u64 {
    // The bytes of the first three chars folded into 64 bits, without decoding them.
    let mut key = 0u64;
    let mut chars = 0;
    for &b in word.as_bytes() {
        let starts_char = b & 0xC0 != 0x80;
        if starts_char {
            if chars == 3 {
                break;
            }
            chars += 1;
        }
        key = key.rotate_left(8) ^ u64::from(b);
    }
    key
}

/// Whether a token is a number written in digits.
pub fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn words(s: &str) -> Vec<String> {
        let n = normalize(s);
        tokenize(&n)
            .iter()
            .map(|t| t.text(&n).to_string())
            .collect()
    }

    #[test]
    fn future_particle_reveals_the_imperfect_verb() {
        assert_eq!(future_stem("ستستضيف"), Some("تستضيف"));
        assert_eq!(future_stem("سيعقد"), Some("يعقد"));
        assert_eq!(future_stem("سنجتمع"), Some("نجتمع"));
        // Words that merely start with س are left alone.
        assert_eq!(future_stem("سوريا"), None);
        assert_eq!(future_stem("ستة"), None);
        assert_eq!(future_stem("سفير"), None);
    }

    #[test]
    fn the_arabic_block_table_agrees_with_is_word_char() {
        for c in ('\u{0600}'..='\u{06FF}').chain(['\u{0700}', 'é', '\u{200C}', '€']) {
            let text = format!("ب{c}ب");
            let want = if is_word_char(c) { 1 } else { 2 };
            assert_eq!(tokenize(&text).len(), want, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn tokenizes_on_punctuation_and_spaces() {
        assert_eq!(
            words("قال، «نعم»: 90 عضواً."),
            vec!["قال", "نعم", "90", "عضوا"]
        );
    }

    #[test]
    fn readings_strip_conjunction_preposition_and_article() {
        let stems = |w: &str| -> Vec<String> {
            proclitic_readings(w)
                .into_iter()
                .map(|(_, s, _)| s.to_string())
                .collect()
        };
        assert!(stems("وبالرياض").contains(&"رياض".to_string()));
        assert!(stems("للرياض").contains(&"رياض".to_string()));
        assert!(stems("فالعاصمه").contains(&"عاصمه".to_string()));
        assert!(stems("ولسوريا").contains(&"سوريا".to_string()));
        assert!(stems("كالعضو").contains(&"عضو".to_string()));
        assert!(stems("وللتحالف").contains(&"تحالف".to_string()));
        assert_eq!(stems("البانيا")[0], "البانيا");
    }

    /// The readings as the doc comment of [`proclitic_readings`] defines them, written the
    /// obvious way.
    fn reference_readings<'a>(word: &'a str) -> Readings<'a> {
        let mut out: Readings<'a> = smallvec::smallvec![(0, word, false)];
        // Only words that start with a proclitic letter have other readings.
        if !word.starts_with(['و', 'ف', 'ب', 'ل', 'ك', 'ا']) {
            return out;
        }
        let conj: &[&str] = &["", "و", "ف"];
        let preps: &[&str] = &["", "ب", "ل", "ك"];
        for c in conj {
            let Some(after_c) = word.strip_prefix(c) else {
                continue;
            };
            for p in preps {
                let Some(after_p) = after_c.strip_prefix(p) else {
                    continue;
                };
                let mut push = |rest: &'a str, article: bool| {
                    let stripped = word.len() - rest.len();
                    if stripped > 0
                        && rest.chars().count() >= 2
                        && !out.iter().any(|(n, _, _)| *n == stripped)
                    {
                        out.push((stripped, rest, article));
                    }
                };
                push(after_p, false);
                if let Some(rest) = after_p.strip_prefix("ال") {
                    push(rest, true);
                }
                // ل + ال is written لل: the article's alef drops.
                if *p == "ل"
                    && let Some(rest) = after_p.strip_prefix('ل')
                {
                    push(rest, true);
                }
            }
        }
        out.sort_by_key(|(n, _, _)| *n);
        out
    }

    #[test]
    fn readings_match_their_definition() {
        let letters = [
            "و", "ف", "ب", "ل", "ك", "ا", "ل", "ال", "لل", "م", "ه", "ي", "ر",
        ];
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |l| format!("{w}{l}")))
                .collect();
            words.extend(longer);
            words.sort();
            words.dedup();
        }
        for w in &words {
            assert_eq!(proclitic_readings(w), reference_readings(w), "{w:?}");
        }
    }

    #[test]
    fn readings_never_offer_one_letter_stems() {
        assert!(
            proclitic_readings("وال")
                .iter()
                .all(|(_, s, _)| s.chars().count() >= 2)
        );
    }

    #[test]
    fn bare_drops_only_a_real_article() {
        assert_eq!(bare("الرياض"), "رياض");
        assert_eq!(bare("الي"), "الي");
        assert_eq!(bare("دمشق"), "دمشق");
    }
}
