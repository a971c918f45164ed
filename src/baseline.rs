//! Baselines of known contradictions for CI: keys, and reading and writing the file.
//!
//! A contradiction is keyed by what it is, not by which files say it or which event id it got:
//! the event's stable descriptors (host, type family, date or weekday), the field and the two
//! values, sorted. Adding articles that repeat known claims leaves the baseline valid; a new
//! article that contradicts the collection about a meeting is a new key.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use serde::{Deserialize, Serialize};

use crate::reconcile::{Contradiction, Descriptors, Resolved};

pub const BASELINE_VERSION: u32 = 2;

/// The largest baseline read: far beyond any real list of known contradictions (a few hundred
/// bytes each), small enough that a wrong path cannot exhaust memory.
pub const MAX_BASELINE_BYTES: u64 = 64 * 1024 * 1024;

/// The identity of one contradiction.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContradictionKey {
    /// The meeting, by its stable descriptors.
    pub event: Descriptors,
    pub field: String,
    /// The two values in canonical form, sorted.
    pub values: [String; 2],
}

impl ContradictionKey {
    pub fn of(resolved: &Resolved, c: &Contradiction) -> Self {
        let mut values = c.sides.clone().map(|side| resolved.value(side.entry).key());
        values.sort();
        ContradictionKey {
            event: resolved.events[c.event].descriptors.clone(),
            field: c.field.name().to_owned(),
            values,
        }
    }
}

/// Known contradictions, as written by `--write-baseline`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema_version: u32,
    pub contradictions: BTreeSet<ContradictionKey>,
}

impl Baseline {
    /// The contradictions of a run.
    pub fn of(resolved: &Resolved) -> Self {
        Baseline {
            schema_version: BASELINE_VERSION,
            contradictions: resolved
                .contradictions
                .iter()
                .map(|c| ContradictionKey::of(resolved, c))
                .collect(),
        }
    }

    pub fn contains(&self, key: &ContradictionKey) -> bool {
        self.contradictions.contains(key)
    }

    /// Reads a baseline file: a regular file of at most [`MAX_BASELINE_BYTES`], UTF-8 with or
    /// without a BOM. Anything else (a FIFO, a device, a folder) is refused by its metadata,
    /// before it is opened, so it can neither block nor grow without end.
    pub fn load(path: &Path) -> Result<Self> {
        let text = read_limited(path)?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Reads a baseline from its text (a leading BOM is skipped); `name` is the file it came
    /// from, for messages.
    pub fn parse(text: &str, name: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let version = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("schema_version")?.as_u64());
        if let Some(v) = version
            && v != u64::from(BASELINE_VERSION)
        {
            bail!(
                "{name}: baseline version {v} is not supported (this reconcile writes version \
                 {BASELINE_VERSION}, which keys contradictions by event); regenerate it with \
                 `reconcile ARTICLES --write-baseline {name}`"
            );
        }
        serde_json::from_str(text).with_context(|| {
            format!("{name} is not a reconcile baseline (write one with --write-baseline)")
        })
    }

    /// The baseline as sorted, pretty JSON with a final newline, so it diffs cleanly.
    pub fn to_json(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }

    /// Writes the baseline ([`Baseline::to_json`]).
    pub fn write(&self, path: &Path) -> Result<()> {
        std::fs::write(path, self.to_json()?)
            .with_context(|| format!("cannot write the baseline {}", path.display()))
    }
}

/// The text of a baseline file, refused when it is not a regular file, is larger than
/// [`MAX_BASELINE_BYTES`] or is not UTF-8. The size is judged before reading, and reading stops
/// one byte past the limit, so a file that grows meanwhile is refused too.
fn read_limited(path: &Path) -> Result<String> {
    let name = path.display();
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read the baseline {name}"))?;
    let not_regular = |meta: &std::fs::Metadata| {
        let kind = if meta.is_dir() {
            "a folder, not a file"
        } else {
            "not a regular file (a FIFO, socket or device)"
        };
        anyhow!("the baseline {name} is {kind}: give the JSON file --write-baseline writes")
    };
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let too_large = || {
        anyhow!(
            "the baseline {name} is larger than {MAX_BASELINE_BYTES} bytes (64 MiB), the most a \
             baseline may hold: give the JSON file --write-baseline writes"
        )
    };
    if meta.len() > MAX_BASELINE_BYTES {
        return Err(too_large());
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read the baseline {name}"))?;
    // The file opened may not be the one judged (replaced meanwhile): judge it again.
    if let Ok(meta) = file.metadata()
        && !meta.is_file()
    {
        return Err(not_regular(&meta));
    }
    let mut bytes = Vec::new();
    file.take(MAX_BASELINE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read the baseline {name}"))?;
    if bytes.len() as u64 > MAX_BASELINE_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|err| {
        anyhow!(
            "the baseline {name} is not UTF-8 (an invalid byte at offset {}): give the JSON file \
             --write-baseline writes",
            err.utf8_error().valid_up_to()
        )
    })
}
