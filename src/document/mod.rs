//! Reading inputs: finding files, reading them within limits, decoding bytes into text.
//!
//! One input that cannot be read does not stop the run: it becomes a document with status
//! `skipped` or `error` and a reason.

pub mod decode;
pub mod inputs;

use std::io::Read;

pub use decode::{DecodeError, Decoded, LineIndex, Offsets};
pub use inputs::{Input, Origin, discover, discover_with};

/// What happened to an input.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Skipped,
    Error,
}

/// Limits and choices for reading inputs.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Inputs larger than this many bytes are skipped without being read whole.
    pub max_size: u64,
    /// Decode every input with this encoding instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_size: 16 * 1024 * 1024,
            encoding: None,
        }
    }
}

/// An input that could not become text, and whether that is a skip or an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub status: Status,
    pub reason: String,
    /// Whether its bytes could not be had at all (missing, not allowed, not a regular file,
    /// failed while reading), rather than read and found not to be text.
    pub unreadable: bool,
}

impl Unread {
    fn skipped(reason: impl Into<String>) -> Self {
        Unread {
            status: Status::Skipped,
            reason: reason.into(),
            unreadable: false,
        }
    }

    fn error(reason: impl Into<String>) -> Self {
        Unread {
            status: Status::Error,
            reason: reason.into(),
            unreadable: false,
        }
    }

    fn unreadable(reason: impl Into<String>) -> Self {
        Unread {
            unreadable: true,
            ..Unread::error(reason)
        }
    }
}

/// Reads and decodes one input. Reads at most `max_size + 1` bytes, so memory stays bounded
/// whatever the input's size.
pub fn read(input: &Input, options: &ReadOptions) -> Result<Decoded, Unread> {
    if let Some((skipped, reason)) = &input.unread {
        return Err(if *skipped {
            Unread::skipped(reason.clone())
        } else {
            Unread::unreadable(reason.clone())
        });
    }
    let too_big = || {
        Unread::skipped(format!(
            "larger than the size limit of {} bytes (raise it with --max-size)",
            options.max_size
        ))
    };
    let mut bytes = Vec::new();
    let limit = options.max_size.saturating_add(1);
    let result = match &input.origin {
        Origin::Stdin => std::io::stdin().lock().take(limit).read_to_end(&mut bytes),
        Origin::File(path) => {
            let file = std::fs::File::open(path).map_err(|err| {
                Unread::unreadable(inputs::unreachable_reason(
                    path,
                    &err,
                    inputs::Found::Discovered,
                ))
            })?;
            if file.metadata().is_ok_and(|m| m.len() > options.max_size) {
                return Err(too_big());
            }
            file.take(limit).read_to_end(&mut bytes)
        }
    };
    result.map_err(|err| Unread::unreadable(format!("cannot read: {err}")))?;
    if bytes.len() as u64 > options.max_size {
        return Err(too_big());
    }
    let decoded = decode::decode(&bytes, options.encoding).map_err(|err| {
        if err.is_skip() {
            Unread::skipped(err.to_string())
        } else {
            Unread::error(err.to_string())
        }
    })?;
    // Offsets inside the analysis are 32-bit; a raised --max-size must not wrap them.
    if decoded.text.len() > MAX_TEXT_BYTES {
        return Err(Unread::skipped(format!(
            "decodes to more than {MAX_TEXT_BYTES} bytes of text, the most one document can hold"
        )));
    }
    Ok(decoded)
}

/// The longest decoded text a document may have: offsets are kept in 32 bits.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// The document's title: its first line with any text on it, trimmed.
pub fn title(text: &str) -> Option<String> {
    text.lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}'))
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(200).collect())
}
