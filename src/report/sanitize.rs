//! The one function every human-facing output and error message passes article text and file
//! names through: nothing a terminal or a CI log would act on gets out raw.
//!
//! C0 controls become their Control Pictures (ESC → ␛, as rustc's emitter shows it), DEL → ␡,
//! C1 controls and direction overrides/isolates become a visible `<U+XXXX>`; tab becomes a
//! space. Line breaks are kept only where the caller allows them.

use std::borrow::Cow;

/// Whether a char would be acted on (or reorder text) rather than shown.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// Makes `s` safe to print on one line.
pub fn line(s: &str) -> Cow<'_, str> {
    sanitize(s, false)
}

/// Makes `s` safe to print, keeping line feeds.
pub fn lines(s: &str) -> Cow<'_, str> {
    sanitize(s, true)
}

fn sanitize(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
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
    }
}
