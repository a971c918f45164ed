//! What a terminal, a log or `jq -r` would act on, decided here and not by the code under test:
//! the Unicode general categories Cc, Cf, Zl and Zp (Unicode 16.0), written out in full. The
//! robustness, property and habits tests, and the fuzz targets (which include this file), take
//! this table's word, never the sanitiser's `is_unsafe`, so that a control the sanitiser forgets
//! fails them.
//!
//! Checked against Python's `unicodedata` (Unicode 14.0, where U+13439–1343F were not yet Cf):
//! every range below but that one is what it lists for the four categories.

/// The ranges, inclusive, of Cc, Cf, Zl and Zp.
pub const CC_CF_ZL_ZP: &[(u32, u32)] = &[
    // Cc
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    // Cf
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    // Zl
    (0x2028, 0x2028),
    // Zp
    (0x2029, 0x2029),
];

/// Whether `c` is in Cc, Cf, Zl or Zp.
pub fn forbidden(c: char) -> bool {
    let c = u32::from(c);
    CC_CF_ZL_ZP.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// A char that no JSON string may carry: [`forbidden`], but for the text layout a JSON string
/// keeps (tab, line feed, and CR, whose pairing with a line feed is checked apart).
pub fn acted_on(c: char) -> bool {
    forbidden(c) && !matches!(c, '\n' | '\t' | '\r')
}
