//! Baselines of known contradictions for CI: keys, and reading and writing the file.
//!
//! A contradiction is keyed by what it is, not by which files say it or which event id it got:
//! the event's stable descriptors (host, type family, date or weekday), the field and the two
//! values, sorted. Adding articles that repeat known claims leaves the baseline valid; a new
//! article that contradicts the collection about a meeting is a new key.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::reconcile::{Contradiction, Descriptors, Resolved};

pub const BASELINE_VERSION: u32 = 2;

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

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the baseline {}", path.display()))?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Reads a baseline from its text; `name` is the file it came from, for messages.
    pub fn parse(text: &str, name: &str) -> Result<Self> {
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
