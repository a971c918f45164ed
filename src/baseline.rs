//! Conflicts as stable keys, and baselines of known conflicts for CI.
//!
//! A conflict is keyed by what conflicts, not by which files say it: the field, the two values
//! (sorted) and the scope; a failed weekday/date check by its kind and message. So adding
//! articles that repeat known claims, or renaming nothing, leaves the baseline valid, while a new
//! value that contradicts the collection is a new key.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::extract::Field;
use crate::reconcile::{Scope, Status};
use crate::run::{DocumentResult, Run};

pub const BASELINE_VERSION: u32 = 1;

/// The identity of one conflict.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ConflictKey {
    /// A field name, or the kind of a failed check.
    pub field: String,
    /// The two conflicting values, sorted; for a check, its message.
    pub values: Vec<String>,
    pub scope: Scope,
}

/// One claim that takes part in a conflict, for pointing at it.
#[derive(Debug, Clone)]
pub struct Side<'r> {
    pub value: String,
    pub document: &'r DocumentResult,
    pub line: usize,
    pub quote: &'r str,
}

/// A conflict found in a run, with the claims on each side.
#[derive(Debug, Clone)]
pub struct FoundConflict<'r> {
    pub key: ConflictKey,
    pub label: &'static str,
    pub event: Option<String>,
    pub sides: Vec<Side<'r>>,
    /// For a failed check: its message.
    pub message: Option<String>,
}

/// Every conflict of a run, in report order.
pub fn conflicts(run: &Run) -> Vec<FoundConflict<'_>> {
    let mut out = Vec::new();
    let by_id = run.by_id();
    for f in run
        .reconciliation
        .fields
        .iter()
        .filter(|f| f.status == Status::Conflict)
    {
        for c in &f.conflicts {
            let (a, b) = f.sides(c);
            let mut values = vec![a.value.key(), b.value.key()];
            values.sort();
            let mut sides = Vec::new();
            for group in [a, b] {
                for id in run.reconciliation.ids(&group.documents) {
                    let Some(doc) = by_id.get(id).copied() else {
                        continue;
                    };
                    for claim in doc
                        .claims
                        .iter()
                        .filter(|cl| cl.field == f.spec.field && cl.value == group.value)
                    {
                        sides.push(Side {
                            value: group.value.key(),
                            document: doc,
                            line: claim.evidence.line,
                            quote: &claim.evidence.text,
                        });
                    }
                }
            }
            out.push(FoundConflict {
                key: ConflictKey {
                    field: f.spec.name.to_owned(),
                    values,
                    scope: c.scope,
                },
                label: f.spec.label,
                event: run.reconciliation.event_of(c).map(str::to_owned),
                sides,
                message: None,
            });
        }
    }
    for check in run.reconciliation.checks.iter().filter(|c| !c.consistent) {
        let sides = run
            .reconciliation
            .ids(&check.documents)
            .filter_map(|id| by_id.get(id).copied())
            .flat_map(|doc| {
                doc.claims
                    .iter()
                    .filter(|c| matches!(c.field, Field::MeetingWeekday | Field::MeetingDate))
                    .map(move |c| Side {
                        value: c.value.key(),
                        document: doc,
                        line: c.evidence.line,
                        quote: &c.evidence.text,
                    })
            })
            .collect();
        out.push(FoundConflict {
            key: ConflictKey {
                field: check.kind.to_owned(),
                values: vec![check.message.clone()],
                scope: Scope::WithinEvent,
            },
            label: "weekday and date",
            event: None,
            sides,
            message: Some(check.message.clone()),
        });
    }
    out
}

/// The keys of every conflict of a reconciliation, without looking at documents (for runs that
/// stream their documents out and keep none). One at a time: a large collection can have hundreds
/// of thousands of conflicting pairs of dates.
pub fn keys(rec: &crate::reconcile::Reconciliation) -> impl Iterator<Item = ConflictKey> + '_ {
    let fields = rec
        .fields
        .iter()
        .filter(|f| f.status == Status::Conflict)
        .flat_map(|f| {
            f.conflicts.iter().map(move |c| {
                let (a, b) = f.sides(c);
                let mut values = vec![a.value.key(), b.value.key()];
                values.sort();
                ConflictKey {
                    field: f.spec.name.to_owned(),
                    values,
                    scope: c.scope,
                }
            })
        });
    let checks = rec
        .checks
        .iter()
        .filter(|c| !c.consistent)
        .map(|check| ConflictKey {
            field: check.kind.to_owned(),
            values: vec![check.message.clone()],
            scope: Scope::WithinEvent,
        });
    fields.chain(checks)
}

/// Known conflicts, as written by `--write-baseline`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub schema_version: u32,
    pub conflicts: BTreeSet<ConflictKey>,
}

impl Baseline {
    /// The conflicts of a reconciliation.
    pub fn of(rec: &crate::reconcile::Reconciliation) -> Self {
        Baseline {
            schema_version: BASELINE_VERSION,
            conflicts: keys(rec).collect(),
        }
    }

    pub fn contains(&self, key: &ConflictKey) -> bool {
        self.conflicts.contains(key)
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the baseline {}", path.display()))?;
        let baseline: Baseline = serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is not a reconcile baseline (write one with --write-baseline)",
                path.display()
            )
        })?;
        if baseline.schema_version != BASELINE_VERSION {
            bail!(
                "{}: baseline version {} is not supported (expected {BASELINE_VERSION})",
                path.display(),
                baseline.schema_version
            );
        }
        Ok(baseline)
    }

    /// Writes the baseline as sorted, pretty JSON with a final newline, so it diffs cleanly.
    pub fn write(&self, path: &Path) -> Result<()> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        std::fs::write(path, text)
            .with_context(|| format!("cannot write the baseline {}", path.display()))
    }
}
