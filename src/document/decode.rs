//! Turning a file's bytes into text, or saying exactly why not.
//!
//! Evidence spans must point into the original bytes. For UTF-8 (with or without BOM) the decoded
//! text *is* the file's bytes (a BOM is kept as U+FEFF, which normalisation deletes), so spans are
//! file offsets. For UTF-16 and legacy code pages the spans are offsets into the decoded UTF-8
//! text, and the document says so (`Offsets::DecodedUtf8`).

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
    /// The WHATWG label of the encoding used, e.g. `UTF-8`, `UTF-16LE`, `windows-1256`.
    pub encoding: &'static str,
    pub offsets: Offsets,
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
}

impl DecodeError {
    /// Binary files are skipped, not failed: they were never meant to be articles.
    pub fn is_skip(&self) -> bool {
        matches!(self, DecodeError::Binary { .. })
    }
}

/// Decodes `bytes`, detecting the encoding unless `forced` names one.
///
/// Detection, in order: a UTF-16 BOM; NUL bytes (binary); valid UTF-8 (a UTF-8 BOM is kept in
/// the text, so offsets stay file offsets); Arabic in windows-1256 or ISO-8859-6. Linear in the
/// input's length.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = forced {
        return decode_with(bytes, encoding);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, UTF_16LE, 2);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, UTF_16BE, 2);
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    match utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            offsets: Offsets::FileBytes,
        }),
        Err(err) => {
            let offset = err.valid_up_to();
            if let Some(decoded) = legacy_arabic(bytes) {
                Ok(decoded)
            } else {
                Err(DecodeError::InvalidUtf8 { offset })
            }
        }
    }
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
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        offsets: Offsets::DecodedUtf8,
    })
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
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            offsets: Offsets::FileBytes,
        });
    }
    // Invalid UTF-8 decodes lossily (each bad sequence becomes U+FFFD), which moves offsets.
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        offsets: Offsets::DecodedUtf8,
    })
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
    Some(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        offsets: Offsets::DecodedUtf8,
    })
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

    #[test]
    fn lines_count_crlf_lf_and_cr() {
        let idx = LineIndex::new("a\r\nb\nc\rd");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(7), 4);
    }
}
