//! The one function every human-facing output and error message passes article text and file
//! names through: nothing a terminal or a CI log would act on gets out raw.
//!
//! C0 controls become their Control Pictures (ESC → ␛, as rustc's emitter shows it), DEL → ␡;
//! every other control or format character (C1 controls, direction marks, embeddings,
//! overrides and isolates, zero-width characters, the Arabic letter mark, the byte order mark,
//! tags) and the line/paragraph separators become a visible `<U+XXXX>`; tab becomes a space.
//! Line breaks are kept only where the caller allows them.
//!
//! The JSON report uses [`json`]: the same replacements, but tab, line feed and CRLF stay, so
//! that `jq -r` prints readable text and still cannot replay an escape sequence. Every output of
//! these functions is a fixed point of them (sanitising twice changes nothing).

use std::borrow::Cow;

/// Whether a char would be acted on by a terminal, reorder the text around it, or hide in it,
/// rather than be shown: the Unicode general categories Cc (C0 and C1 controls, DEL), Cf (format
/// characters: direction marks, embeddings, overrides and isolates, zero-width spaces and
/// joiners, the Arabic letter mark and number signs, the byte order mark, tags…), Zl and Zp
/// (U+2028/2029, which some terminals and logs treat as line breaks). Cf is listed in full as of
/// Unicode 16, so that no invisible character slips through because nobody thought of it.
pub fn is_unsafe(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1F}'
            | '\u{7F}'..='\u{9F}'
            | '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Whether the char starting with byte `b` (followed by `next`) may be unsafe: exact for one-
/// and two-byte chars, by lead byte for longer ones. Arabic letters start with 0xD8–0xDB too,
/// so the second byte decides there. Written without branches, so that a loop over a block of
/// bytes runs as vector instructions.
#[inline]
fn may_be_unsafe(b: u8, next: u8) -> bool {
    (b < 0x20)
        | (b == 0x7F)
        | ((b == 0xC2) & ((next < 0xA0) | (next == 0xAD)))
        | ((b == 0xD8) & ((next < 0x86) | (next == 0x9C)))
        | ((b == 0xDB) & (next == 0x9D))
        | ((b == 0xDC) & (next == 0x8F))
        | (b == 0xE0)
        | (b == 0xE1)
        | (b == 0xE2)
        | (b == 0xEF)
        | (b == 0xF0)
        | (b == 0xF3)
}

/// Makes `s` safe to print on one line.
pub fn line(s: &str) -> Cow<'_, str> {
    sanitize(s, Keep::Nothing)
}

/// Makes `s` safe to print, keeping line feeds.
pub fn lines(s: &str) -> Cow<'_, str> {
    sanitize(s, Keep::LineFeeds)
}

/// Makes `s` safe to put in a JSON string that a script may print raw (`jq -r`): keeps tab, line
/// feed and the CR of a CRLF, replaces every other unsafe char as [`line`] does.
pub fn json(s: &str) -> Cow<'_, str> {
    sanitize(s, Keep::TextLayout)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    Nothing,
    LineFeeds,
    TextLayout,
}

fn sanitize(s: &str, keep: Keep) -> Cow<'_, str> {
    let layout = keep == Keep::TextLayout;
    let harmless = |c: char| match c {
        '\n' => keep != Keep::Nothing,
        '\t' | '\r' => layout,
        c => !is_unsafe(c),
    };
    // Blocks of bytes are tested whole (each byte with the next), and only in a block that may
    // hold an unsafe char are chars decoded and checked; Arabic text often holds “quotes”, which
    // start with 0xE2 too. No continuation byte (0x80–0xBF) passes `may_be_unsafe`, so every
    // byte that does starts a char. The last block, without a byte after it, is checked char
    // by char.
    const BLOCK: usize = 16;
    let bytes = s.as_bytes();
    let next = |i: usize| bytes.get(i + 1).copied().unwrap_or(0);
    let all_harmless = bytes.chunks(BLOCK).enumerate().all(|(k, block)| {
        let start = k * BLOCK;
        let nexts = bytes.get(start + 1..start + 1 + block.len()).unwrap_or(&[]);
        let clean = nexts.len() == block.len()
            && !block
                .iter()
                .zip(nexts)
                .fold(false, |any, (&b, &n)| any | may_be_unsafe(b, n));
        clean
            || block.iter().enumerate().all(|(j, &b)| {
                !may_be_unsafe(b, next(start + j))
                    || s.get(start + j..)
                        .and_then(|t| t.chars().next())
                        .is_none_or(harmless)
            })
    });
    if all_harmless && !(layout && has_lone_cr(s)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep != Keep::Nothing => out.push('\n'),
            '\t' if layout => out.push('\t'),
            '\r' if layout && chars.peek() == Some(&'\n') => out.push('\r'),
            '\t' => out.push(' '),
            '\u{0}'..='\u{1F}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
            }
            '\u{7F}' => out.push('␡'),
            c if is_unsafe(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A carriage return not followed by a line feed: it would move the cursor back over the line.
fn has_lone_cr(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'\r', b).any(|i| b.get(i + 1) != Some(&b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(line("a\u{1b}[31mred"), "a␛[31mred");
        assert_eq!(line("x\u{9b}y"), "x<U+009B>y");
        assert_eq!(line("a\u{202E}b"), "a<U+202E>b");
        assert_eq!(line("a\nb"), "a␊b");
        assert_eq!(lines("a\nb"), "a\nb");
        assert_eq!(line("a\u{7f}"), "a␡");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(line("مرحبا بكم"), Cow::Borrowed(_)));
        assert!(matches!(json("سطر\r\nسطر\tثان"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_layout_but_not_escapes() {
        assert_eq!(json("a\tb\r\nc\nd"), "a\tb\r\nc\nd");
        assert_eq!(json("over\rwrite"), "over␍write");
        assert_eq!(json("\u{1b}]0;title\u{7}"), "␛]0;title␇");
        assert_eq!(json("\u{85}\u{2066}x\u{2069}"), "<U+0085><U+2066>x<U+2069>");
        assert_eq!(json("end\r"), "end␍");
    }

    #[test]
    fn invisible_format_characters_become_visible() {
        assert_eq!(line("a\u{200E}b\u{200F}"), "a<U+200E>b<U+200F>");
        assert_eq!(line("ع\u{61C}ب"), "ع<U+061C>ب");
        assert_eq!(json("x\u{200B}\u{FEFF}\u{AD}"), "x<U+200B><U+FEFF><U+00AD>");
        assert_eq!(line("\u{E0041}"), "<U+E0041>");
        // Arabic letters that share a first byte with U+0600–0605 and U+061C stay.
        assert!(matches!(line("ابتثجحخدذرزسشصضطظعغ؛؟ۀ"), Cow::Borrowed(_)));
    }

    /// The byte test that spares most chars from decoding never misses an unsafe one.
    #[test]
    fn the_fast_path_misses_no_unsafe_char() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe(c))
        {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let next = bytes.get(1).copied().unwrap_or(0);
            assert!(may_be_unsafe(bytes[0], next), "U+{:04X}", c as u32);
            assert_ne!(line(c.encode_utf8(&mut [0; 4])), c.to_string());
        }
    }

    /// Wherever a block of bytes ends: before, inside or after the unsafe char.
    #[test]
    fn unsafe_chars_are_found_at_every_offset() {
        for unsafe_char in ['\u{61C}', '\u{85}', '\u{200E}', '\u{1b}', '\u{E0041}'] {
            for k in 0..40 {
                for tail in ["", "b", "بب"] {
                    let s = format!(
                        "{}{unsafe_char}{tail}",
                        "ا".repeat(k / 2) + &"a".repeat(k % 2)
                    );
                    let shown = line(&s);
                    assert!(!shown.contains(unsafe_char), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn sanitising_twice_changes_nothing() {
        let s = "a\u{1b}[1m\r\n\u{9b}\u{202e}\t\u{2028}z\r";
        for f in [line, lines, json] {
            let once = f(s).into_owned();
            assert_eq!(f(&once), once);
            assert!(
                !once
                    .chars()
                    .any(|c| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r'))
            );
        }
    }
}
