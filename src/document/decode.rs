//! Turning a file's bytes into text, or saying exactly why not.
//!
//! Evidence spans must point into the original bytes. For UTF-8 (with or without BOM) the decoded
//! text *is* the file's bytes (a BOM is kept as U+FEFF, which normalisation deletes), so spans are
//! file offsets; so they are for UTF-8 whose last character is cut off, read up to that
//! character. For UTF-16, UTF-32 (decoded here: `encoding_rs` has no UTF-32) and legacy code
//! pages the spans are offsets into the decoded UTF-8 text, and the document says so
//! (`Offsets::DecodedUtf8`). UTF-16 and UTF-32 are recognised by their BOM, or without one by the
//! places of their zero bytes.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// What offsets in a document's evidence count.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Offsets {
    /// Byte offsets into the file as it is on disk.
    FileBytes,
    /// Byte offsets into the UTF-8 text the file decodes to.
    DecodedUtf8,
}

/// A successfully decoded document text.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG label of the encoding used, e.g. `UTF-8`, `UTF-16LE`, `windows-1256`, or
    /// [`UTF_32LE`] / [`UTF_32BE`].
    pub encoding: &'static str,
    pub offsets: Offsets,
    /// Where the file's last character starts when it is cut off (UTF-8 that ends inside a
    /// character): the text stops before it.
    pub truncated_at: Option<usize>,
}

impl Decoded {
    /// A whole text (nothing cut off).
    pub fn new(text: String, encoding: &'static str, offsets: Offsets) -> Self {
        Decoded {
            text,
            encoding,
            offsets,
            truncated_at: None,
        }
    }
}

/// The labels of the encodings decoded here rather than by `encoding_rs`.
pub const UTF_32LE: &str = "UTF-32LE";
pub const UTF_32BE: &str = "UTF-32BE";

/// The label an encoding is known by in reports, for a label read back (a map record): the
/// WHATWG name, or one of the UTF-32 labels.
pub fn encoding_name(label: &str) -> Option<&'static str> {
    [UTF_32LE, UTF_32BE]
        .into_iter()
        .find(|name| name.eq_ignore_ascii_case(label))
        .or_else(|| Encoding::for_label(label.as_bytes()).map(Encoding::name))
}

/// Why bytes could not become a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary file: NUL byte at byte offset {offset}")]
    Binary { offset: usize },
    #[error(
        "invalid UTF-8 at byte offset {offset}, and not legible as Arabic in windows-1256 or \
         ISO-8859-6 either; re-save the file as UTF-8 or force an encoding with --encoding"
    )]
    InvalidUtf8 { offset: usize },
    #[error("UTF-16 text with an odd number of bytes: truncated at byte offset {offset}")]
    TruncatedUtf16 { offset: usize },
    #[error(
        "UTF-32 text whose length is not a multiple of 4 bytes: truncated at byte offset {offset}"
    )]
    TruncatedUtf32 { offset: usize },
}

impl DecodeError {
    /// Binary files are skipped, not failed: they were never meant to be articles.
    pub fn is_skip(&self) -> bool {
        matches!(self, DecodeError::Binary { .. })
    }
}

/// Decodes `bytes`, detecting the encoding unless `forced` names one.
///
/// Detection, in order: a UTF-32 or UTF-16 BOM; NUL bytes, which are UTF-32 or UTF-16 without a
/// BOM when their places say so (`wide_without_bom`), and binary otherwise; valid UTF-8 (a UTF-8
/// BOM is kept in the text, so offsets stay file offsets), or UTF-8 whose last character is cut
/// off; Arabic in windows-1256 or ISO-8859-6. Linear in the input's length.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = forced {
        return decode_with(bytes, encoding);
    }
    // UTF-32LE's BOM starts with UTF-16LE's: it is looked for first.
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
        return decode_utf32(rest, Order::Little, 4);
    }
    if let Some(rest) = bytes.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
        return decode_utf32(rest, Order::Big, 4);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, UTF_16LE, 2);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, UTF_16BE, 2);
    }
    if let Some(offset) = memchr_nul(bytes) {
        return wide_without_bom(bytes).unwrap_or(Err(DecodeError::Binary { offset }));
    }
    let err = match utf8(bytes) {
        Ok(text) => return Ok(Decoded::new(text.to_owned(), "UTF-8", Offsets::FileBytes)),
        Err(err) => err,
    };
    let offset = err.valid_up_to();
    // Valid up to a last character that the end of the file cuts off. A prefix with a character
    // beyond ASCII is UTF-8 for sure; an ASCII one may end in one letter of a code page.
    let cut_off = err.error_len().is_none();
    let prefix_is_utf8 = !bytes[..offset].is_ascii();
    if cut_off && prefix_is_utf8 {
        return Ok(truncated_utf8(bytes, offset));
    }
    if let Some(decoded) = legacy_arabic(bytes) {
        Ok(decoded)
    } else if cut_off {
        Ok(truncated_utf8(bytes, offset))
    } else {
        Err(DecodeError::InvalidUtf8 { offset })
    }
}

/// UTF-8 up to `offset`, where a character the end of the file cuts off starts.
fn truncated_utf8(bytes: &[u8], offset: usize) -> Decoded {
    // Checked by the caller: everything before `offset` is valid.
    let text = String::from_utf8_lossy(&bytes[..offset]).into_owned();
    Decoded {
        truncated_at: Some(offset),
        ..Decoded::new(text, "UTF-8", Offsets::FileBytes)
    }
}

/// Byte order of UTF-16 and UTF-32 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Little,
    Big,
}

/// UTF-32 or UTF-16 without a BOM, recognised by where the zero bytes stand; `None` when the
/// bytes are neither (then a NUL byte means binary).
///
/// UTF-32: every 4-byte unit, in one byte order, is a Unicode scalar value. UTF-16: the high
/// bytes of the code units take few values (Arabic is U+06xx, ASCII U+00xx: 0x06 and 0x00) and
/// are the zero ones, the low bytes vary and are almost never zero. Either way the text must then
/// decode without an unpaired surrogate, a NUL character or more than a few controls.
fn wide_without_bom(bytes: &[u8]) -> Option<Result<Decoded, DecodeError>> {
    for order in [Order::Little, Order::Big] {
        if let Some(text) = utf32_text(bytes, order) {
            return Some(Ok(Decoded::new(
                text,
                utf32_name(order),
                Offsets::DecodedUtf8,
            )));
        }
    }
    let order = utf16_order(bytes)?;
    let encoding = match order {
        Order::Little => UTF_16LE,
        Order::Big => UTF_16BE,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[..bytes.len() & !1]);
    if had_errors || !is_text(&text) {
        return None;
    }
    Some(if bytes.len() % 2 == 1 {
        Err(DecodeError::TruncatedUtf16 {
            offset: bytes.len() - 1,
        })
    } else {
        Ok(Decoded::new(
            text.into_owned(),
            encoding.name(),
            Offsets::DecodedUtf8,
        ))
    })
}

/// The text of `bytes` as UTF-32 in `order`, when every unit is a scalar value and the text
/// reads as text.
fn utf32_text(bytes: &[u8], order: Order) -> Option<String> {
    if !bytes.len().is_multiple_of(4) || bytes.is_empty() {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() / 2);
    for unit in bytes.chunks_exact(4) {
        text.push(char::from_u32(utf32_unit(unit, order))?);
    }
    is_text(&text).then_some(text)
}

fn utf32_unit(unit: &[u8], order: Order) -> u32 {
    let unit = [unit[0], unit[1], unit[2], unit[3]];
    match order {
        Order::Little => u32::from_le_bytes(unit),
        Order::Big => u32::from_be_bytes(unit),
    }
}

fn utf32_name(order: Order) -> &'static str {
    match order {
        Order::Little => UTF_32LE,
        Order::Big => UTF_32BE,
    }
}

/// Code units a sample must have before its byte pattern is judged.
const UTF16_MIN_UNITS: usize = 4;

/// The byte order in which `bytes` look like UTF-16 text, if one: the high bytes of nearly all
/// units take one of two values, and zero bytes stand in high places, hardly ever in low ones.
fn utf16_order(bytes: &[u8]) -> Option<Order> {
    let units = bytes.len() / 2;
    if units < UTF16_MIN_UNITS {
        return None;
    }
    // Histograms of the bytes at even and at odd places.
    let mut even = [0usize; 256];
    let mut odd = [0usize; 256];
    for pair in bytes.chunks_exact(2) {
        even[usize::from(pair[0])] += 1;
        odd[usize::from(pair[1])] += 1;
    }
    // Little-endian units keep their high byte at odd places.
    let (order, high, low) = if odd[0] > even[0] {
        (Order::Little, &odd, &even)
    } else if even[0] > odd[0] {
        (Order::Big, &even, &odd)
    } else {
        return None;
    };
    let mut counts = *high;
    counts.sort_unstable_by(|a, b| b.cmp(a));
    let two_values = counts[0] + counts[1];
    // A character whose low byte is zero (U+0600, U+0100) is rare; text in some other layout
    // has zeros on both sides.
    let few_low_zeros = low[0] * 20 <= high[0];
    (two_values * 10 >= units * 9 && few_low_zeros).then_some(order)
}

/// Decoded bytes read as text: no NUL character, and at most one control in a hundred
/// characters besides tabs, line and page breaks.
fn is_text(text: &str) -> bool {
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars() {
        if c == '\0' {
            return false;
        }
        chars += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'));
    }
    controls * 100 <= chars
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// UTF-8 validation with SIMD (simdutf8), which is several times faster than the standard
/// library's on Arabic text; the standard library is asked again only to say where invalid
/// text goes wrong.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

fn decode_utf16(
    rest: &[u8],
    encoding: &'static Encoding,
    bom_len: usize,
) -> Result<Decoded, DecodeError> {
    if rest.len() % 2 == 1 {
        return Err(DecodeError::TruncatedUtf16 {
            offset: bom_len + rest.len() - 1,
        });
    }
    let (text, _) = encoding.decode_without_bom_handling(rest);
    Ok(Decoded::new(
        text.into_owned(),
        encoding.name(),
        Offsets::DecodedUtf8,
    ))
}

/// UTF-32 after its BOM. A unit that is not a Unicode scalar value (a surrogate, above
/// U+10FFFF) becomes U+FFFD, as unpaired surrogates do in UTF-16.
fn decode_utf32(rest: &[u8], order: Order, bom_len: usize) -> Result<Decoded, DecodeError> {
    if !rest.len().is_multiple_of(4) {
        return Err(DecodeError::TruncatedUtf32 {
            offset: bom_len + rest.len() - rest.len() % 4,
        });
    }
    let text: String = rest
        .chunks_exact(4)
        .map(|unit| char::from_u32(utf32_unit(unit, order)).unwrap_or('\u{FFFD}'))
        .collect();
    Ok(Decoded::new(text, utf32_name(order), Offsets::DecodedUtf8))
}

/// Decodes with the encoding the user forced: no sniffing, so a BOM of another encoding does
/// not win over the choice. A BOM of the forced encoding itself is dropped (UTF-8's is kept, so
/// that valid UTF-8 keeps file offsets). NUL bytes still mean binary, except in UTF-16, where
/// they are half of every ASCII char.
fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let bom: &[u8] = if encoding == UTF_16LE {
            &[0xFF, 0xFE]
        } else {
            &[0xFE, 0xFF]
        };
        return match bytes.strip_prefix(bom) {
            Some(rest) => decode_utf16(rest, encoding, 2),
            None => decode_utf16(bytes, encoding, 0),
        };
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    if encoding == encoding_rs::UTF_8
        && let Ok(text) = utf8(bytes)
    {
        return Ok(Decoded::new(text.to_owned(), "UTF-8", Offsets::FileBytes));
    }
    // Invalid UTF-8 decodes lossily (each bad sequence becomes U+FFFD), which moves offsets.
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded::new(
        text.into_owned(),
        encoding.name(),
        Offsets::DecodedUtf8,
    ))
}

/// Decodes as an Arabic legacy code page when the result is clearly Arabic text.
///
/// chardetng picks between the two Arabic code pages (ISO-8859-6 when it says so, windows-1256
/// otherwise); the result is accepted only when it decodes without error and most non-ASCII
/// chars then come out as Arabic letters.
fn legacy_arabic(bytes: &[u8]) -> Option<Decoded> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let encoding = if guess == encoding_rs::ISO_8859_6 {
        guess
    } else {
        WINDOWS_1256
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || !looks_arabic(&text) {
        return None;
    }
    Some(Decoded::new(
        text.into_owned(),
        encoding.name(),
        Offsets::DecodedUtf8,
    ))
}

/// Most non-ASCII chars are Arabic letters, and there are enough of them to judge.
fn looks_arabic(text: &str) -> bool {
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    arabic >= 8 && arabic >= other * 9
}

/// Byte offsets of line starts, for 1-based line numbers. CRLF, LF and lone CR all end a line.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let ends_line = bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n');
            if ends_line {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_keeps_file_offsets() {
        let bytes = "\u{FEFF}مرحبا".as_bytes();
        let d = decode(bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.offsets, Offsets::FileBytes);
        assert_eq!(d.text.as_bytes(), bytes);
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "اجتماع الرياض";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().text, text);
        assert_eq!(decode(&be, None).unwrap().text, text);
        assert_eq!(decode(&be, None).unwrap().offsets, Offsets::DecodedUtf8);
    }

    #[test]
    fn windows_1256_arabic_is_recognised() {
        let text = "استضافت الرياض اجتماع التحالف يوم الاثنين";
        let (bytes, _, _) = WINDOWS_1256.encode(text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "windows-1256");
    }

    #[test]
    fn garbage_names_the_first_bad_byte() {
        let bytes = b"hello \xC3\x28 world \xFF\xFE\xFD";
        assert_eq!(
            decode(bytes, None).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 6 }
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"abc\0def", None).unwrap_err(),
            DecodeError::Binary { offset: 3 }
        );
    }

    /// A meeting sentence, with spaces, digits and a line break (ASCII) among Arabic letters.
    const SENTENCE: &str = "عقد وزراء التحالف اجتماعهم في الرياض يوم الاثنين 9 شباط 2026.\n";

    fn utf16_units(text: &str, order: Order) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| match order {
                Order::Little => u.to_le_bytes(),
                Order::Big => u.to_be_bytes(),
            })
            .collect()
    }

    fn utf32_units(text: &str, order: Order) -> Vec<u8> {
        text.chars()
            .flat_map(|c| match order {
                Order::Little => u32::from(c).to_le_bytes(),
                Order::Big => u32::from(c).to_be_bytes(),
            })
            .collect()
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_in_both_byte_orders() {
        for (order, label) in [(Order::Little, "UTF-16LE"), (Order::Big, "UTF-16BE")] {
            let d = decode(&utf16_units(SENTENCE, order), None).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (SENTENCE, label));
            assert_eq!(d.offsets, Offsets::DecodedUtf8);
        }
        // Latin text too: its high bytes are all zero.
        let d = decode(&utf16_units("a meeting in Riyadh", Order::Big), None).unwrap();
        assert_eq!(d.text, "a meeting in Riyadh");
    }

    #[test]
    fn utf16_without_a_bom_and_an_odd_length_names_the_offset() {
        let mut bytes = utf16_units(SENTENCE, Order::Little);
        bytes.push(b'x');
        assert_eq!(
            decode(&bytes, None).unwrap_err(),
            DecodeError::TruncatedUtf16 {
                offset: bytes.len() - 1
            }
        );
    }

    #[test]
    fn utf32_is_decoded_and_named_with_or_without_a_bom() {
        for (order, label, bom) in [
            (Order::Little, UTF_32LE, [0xFF, 0xFE, 0, 0]),
            (Order::Big, UTF_32BE, [0, 0, 0xFE, 0xFF]),
        ] {
            let bare = utf32_units(SENTENCE, order);
            let with_bom = [bom.as_slice(), &bare].concat();
            for bytes in [bare, with_bom] {
                let d = decode(&bytes, None).unwrap();
                assert_eq!((d.text.as_str(), d.encoding), (SENTENCE, label));
                assert_eq!(d.offsets, Offsets::DecodedUtf8);
            }
        }
        // Beyond the Basic Multilingual Plane.
        let d = decode(&utf32_units("اجتماع 🙂", Order::Little), None).unwrap();
        assert_eq!(d.text, "اجتماع 🙂");
    }

    #[test]
    fn utf32_with_a_bom_and_a_cut_unit_names_the_offset() {
        let mut bytes = vec![0xFF, 0xFE, 0, 0];
        bytes.extend(utf32_units("اجتماع", Order::Little));
        bytes.extend([0x27, 0x06]);
        assert_eq!(
            decode(&bytes, None).unwrap_err(),
            DecodeError::TruncatedUtf32 { offset: 4 + 6 * 4 }
        );
    }

    #[test]
    fn binary_with_zero_bytes_stays_binary() {
        // Little numbers in 32 bits: valid UTF-32 units, but all controls.
        let ints: Vec<u8> = (1u32..200).flat_map(|n| (n % 30).to_le_bytes()).collect();
        assert!(matches!(
            decode(&ints, None),
            Err(DecodeError::Binary { .. })
        ));
        // Bytes of every value, zeros in both places.
        let mixed: Vec<u8> = (0..4096u32).map(|n| (n * 7 % 256) as u8).collect();
        assert!(matches!(
            decode(&mixed, None),
            Err(DecodeError::Binary { .. })
        ));
        // UTF-8 with one stray NUL.
        let stray = [SENTENCE.as_bytes(), b"\0", SENTENCE.as_bytes()].concat();
        assert_eq!(
            decode(&stray, None).unwrap_err(),
            DecodeError::Binary {
                offset: SENTENCE.len()
            }
        );
    }

    #[test]
    fn utf8_cut_inside_its_last_char_is_read_up_to_it() {
        // The last letter, ض, is two bytes: one is left.
        let text = "عقد الاجتماع في الرياض";
        let bytes = &text.as_bytes()[..text.len() - 1];
        let d = decode(bytes, None).unwrap();
        assert_eq!(d.text, "عقد الاجتماع في الريا");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.offsets, Offsets::FileBytes);
        assert_eq!(d.truncated_at, Some(text.len() - 2));
        // Whole text: nothing cut.
        assert_eq!(decode(text.as_bytes(), None).unwrap().truncated_at, None);
        // Cut after ASCII only, with no Arabic in a code page either: still read.
        let d = decode(b"meeting \xD8", None).unwrap();
        assert_eq!((d.text.as_str(), d.truncated_at), ("meeting ", Some(8)));
    }

    #[test]
    fn lines_count_crlf_lf_and_cr() {
        let idx = LineIndex::new("a\r\nb\nc\rd");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(7), 4);
    }
}
