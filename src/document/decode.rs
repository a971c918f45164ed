//! Turning a file's bytes into text, or saying exactly why not.
//!
//! Evidence spans must point into the original bytes. For UTF-8 (with or without BOM) the decoded
//! text *is* the file's bytes (a BOM is kept as U+FEFF, which normalisation deletes), so spans are
//! file offsets. For UTF-16 and legacy code pages the spans are offsets into the decoded UTF-8
//! text, and the document says so (`Offsets::DecodedUtf8`).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// What offsets in a document's evidence count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
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
        "invalid UTF-8 at byte offset {offset} and not legible as Arabic windows-1256 either; \
         re-save the file as UTF-8 or force an encoding with --encoding"
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
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = forced {
        return Ok(decode_with(bytes, encoding));
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
    match std::str::from_utf8(bytes) {
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
    bytes.iter().position(|&b| b == 0)
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

fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let (text, used, _) = encoding.decode(bytes);
    let offsets = if used == encoding_rs::UTF_8 {
        Offsets::FileBytes
    } else {
        Offsets::DecodedUtf8
    };
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        offsets,
    }
}

/// Decodes as an Arabic legacy code page when the result is clearly Arabic text.
///
/// chardetng guesses among the legacy encodings; its guess is accepted only when it is an Arabic
/// code page and most non-ASCII letters then come out as Arabic letters.
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
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
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
