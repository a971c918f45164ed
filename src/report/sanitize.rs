//! The one function every human-facing output and error message passes article text and file
//! names through: nothing a terminal or a CI log would act on gets out raw.
//!
//! C0 controls become their Control Pictures (ESC → ␛, as rustc's emitter shows it), DEL → ␡,
//! C1 controls, direction overrides/isolates and the line/paragraph separators become a visible
//! `<U+XXXX>`; tab becomes a space. Line breaks are kept only where the caller allows them.
//!
//! The JSON report uses [`json`]: the same replacements, but tab, line feed and CRLF stay, so
//! that `jq -r` prints readable text and still cannot replay an escape sequence. Every output of
//! these functions is a fixed point of them (sanitising twice changes nothing).

use std::borrow::Cow;

/// Whether a char would be acted on by a terminal (or reorder the text around it) rather than
/// shown: C0 and C1 controls, DEL, the bidi embeddings, overrides and isolates (U+202A–202E,
/// U+2066–2069), and U+2028/2029, which some terminals and logs treat as line breaks.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
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
    // Every unsafe char is a byte below 0x20, DEL, or starts with 0xC2 (C1) or 0xE2 (U+2028–
    // U+2069); these bytes always start a char. The text is scanned 16 bytes at a time (a loop
    // the compiler vectorises), and only chars starting with such a byte are decoded and
    // checked: Arabic text often holds “quotes”, which start with 0xE2 too.
    const BLOCK: usize = 16;
    let suspect = |b: u8| (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2);
    let bytes = s.as_bytes();
    let all_harmless = bytes.chunks(BLOCK).enumerate().all(|(k, block)| {
        if !block.iter().fold(false, |any, &b| any | suspect(b)) {
            return true;
        }
        block
            .iter()
            .enumerate()
            .all(|(j, &b)| !suspect(b) || s[k * BLOCK + j..].chars().next().is_none_or(harmless))
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
