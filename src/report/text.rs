//! The terminal report: a summary first, then events, then a line per field with its verdict and
//! which sources hold which value, then each conflict with its evidence as `file:line: «text»`.
//!
//! English labels and canonical values come first on each line; Arabic evidence stands at the
//! end of its line, in logical order, so terminals that do bidi can reorder it themselves.

use std::io::{self, Write};

use crate::document::Status;
use crate::extract::field::FieldKind;
use crate::extract::{Claim, FindingKind};
use crate::reconcile::{FieldVerdict, Scope, Status as Verdict};
use crate::run::{DocumentResult, Run};

use super::diff;
use super::sanitize;

/// Text report settings.
#[derive(Debug, Clone, Default)]
pub struct TextOptions {
    pub color: bool,
    /// Fields whose evidence sentences are shown as word-level diffs between sources.
    pub diff_fields: Vec<String>,
}

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn verdict(&self, status: Verdict, scope: Option<Scope>) -> String {
        let label = verdict_label(status, scope);
        match status {
            Verdict::Conflict if scope == Some(Scope::WithinEvent) => self.paint("1;31", &label),
            Verdict::Conflict => self.paint("33", &label),
            Verdict::Agree => self.paint("32", &label),
            Verdict::Compatible | Verdict::Partial => self.paint("36", &label),
            Verdict::Single | Verdict::Varies => self.dim(&label),
        }
    }
}

fn verdict_label(status: Verdict, scope: Option<Scope>) -> String {
    match (status, scope) {
        (Verdict::Conflict, Some(Scope::WithinEvent)) => "CONFLICT within one event".into(),
        (Verdict::Conflict, _) => "conflict across events".into(),
        (Verdict::Agree, _) => "agree".into(),
        (Verdict::Compatible, _) => "compatible".into(),
        (Verdict::Partial, _) => "partial".into(),
        (Verdict::Single, _) => "single source".into(),
        (Verdict::Varies, _) => "varies by article".into(),
    }
}

/// Writes the text report.
pub fn write(run: &Run, options: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let style = Style {
        color: options.color,
    };
    let rec = &run.reconciliation;
    let within = rec.conflict_count(Scope::WithinEvent);
    let across = rec.conflict_count(Scope::AcrossEvents);
    writeln!(
        out,
        "{} {} ({} read, {} skipped, {} failed) · {} · {} · {} across events",
        style.bold("reconcile:"),
        plural(run.documents.len(), "document"),
        run.count(Status::Ok),
        run.count(Status::Skipped),
        run.count(Status::Error),
        plural(rec.events.len(), "event"),
        style.paint(
            if within > 0 { "1;31" } else { "32" },
            &format!("{} within an event", plural(within, "conflict"))
        ),
        across,
    )?;

    if !rec.events.is_empty() {
        writeln!(
            out,
            "\n{}",
            style.bold("Events (documents that describe one meeting)")
        )?;
        for event in &rec.events {
            let summary: Vec<String> = event
                .summary
                .iter()
                .map(|(f, v)| format!("{}={}", short_field(f.name()), v))
                .collect();
            writeln!(out, "  {}  {}", style.bold(&event.id), summary.join("  "))?;
            for d in rec.ids(&event.documents) {
                writeln!(out, "      {}", sanitize::line(d))?;
            }
        }
    }

    if !rec.fields.is_empty() {
        writeln!(out, "\n{}", style.bold("Fields"))?;
        for f in &rec.fields {
            write_field(run, f, &style, out)?;
        }
    }

    let conflicts: Vec<&FieldVerdict> = rec
        .fields
        .iter()
        .filter(|f| f.status == Verdict::Conflict)
        .collect();
    if !conflicts.is_empty() {
        writeln!(out, "\n{}", style.bold("Conflicts"))?;
        for f in conflicts {
            write_conflicts(run, f, &style, out)?;
        }
    }

    let inconsistent: Vec<_> = rec.checks.iter().filter(|c| !c.consistent).collect();
    if !inconsistent.is_empty() {
        writeln!(out, "\n{}", style.bold("Weekday and date disagree"))?;
        for c in inconsistent {
            writeln!(out, "  {}", sanitize::line(&c.message))?;
        }
    }

    for name in &options.diff_fields {
        write_diffs(run, name, &style, out)?;
    }

    let findings: Vec<_> = run
        .documents
        .iter()
        .flat_map(|d| d.findings.iter().map(move |f| (d, f)))
        .filter(|(_, f)| !matches!(f.kind, FindingKind::NoClaims | FindingKind::NoArabic))
        .collect();
    if !findings.is_empty() {
        writeln!(out, "\n{}", style.bold("Suspicious input"))?;
        for (d, f) in findings {
            let at = f
                .evidence
                .as_ref()
                .map_or(String::new(), |e| format!(":{}", e.line));
            writeln!(
                out,
                "  {}{}: {}",
                sanitize::line(&d.path),
                at,
                sanitize::line(&f.message)
            )?;
        }
    }

    let quiet: Vec<&DocumentResult> = run
        .documents
        .iter()
        .filter(|d| d.status == Status::Ok && d.claims.is_empty())
        .collect();
    if !quiet.is_empty() {
        writeln!(out, "\n{}", style.bold("Read, but no claims found"))?;
        for d in quiet {
            let why = d.findings.first().map_or("", |f| f.message.as_str());
            writeln!(
                out,
                "  {}: {}",
                sanitize::line(&d.path),
                sanitize::line(why)
            )?;
        }
    }

    let unread: Vec<&DocumentResult> = run
        .documents
        .iter()
        .filter(|d| d.status != Status::Ok)
        .collect();
    if !unread.is_empty() {
        writeln!(out, "\n{}", style.bold("Skipped and failed inputs"))?;
        for d in unread {
            let status = match d.status {
                Status::Skipped => style.dim("skipped"),
                _ => style.paint("31", "failed "),
            };
            writeln!(
                out,
                "  {status} {}: {}",
                sanitize::line(&d.path),
                sanitize::line(d.reason.as_deref().unwrap_or(""))
            )?;
        }
    }
    Ok(())
}

/// "1 event", "2 events".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn short_field(f: &str) -> &str {
    f.strip_prefix("meeting_").unwrap_or(f)
}

fn write_field(run: &Run, f: &FieldVerdict, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "  {:<18} {}",
        f.spec.label,
        style.verdict(f.status, f.scope)
    )?;
    let width = f
        .values
        .iter()
        .map(|g| g.value.key().chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for g in &f.values {
        let key = g.value.key();
        let surface = first_evidence(run, f.spec.name, &g.value, &g.documents);
        let documents: Vec<&str> = run.reconciliation.ids(&g.documents).collect();
        writeln!(
            out,
            "      {:<width$}  {}{}",
            sanitize::line(&key),
            sanitize::line(&documents.join(", ")),
            surface.map_or(String::new(), |s| format!("  «{}»", sanitize::line(&s))),
        )?;
    }
    if !f.silent.is_empty() && f.spec.kind != FieldKind::PerDocument {
        let silent: Vec<&str> = run.reconciliation.ids(&f.silent).collect();
        writeln!(
            out,
            "      {}",
            style.dim(&format!("silent: {}", sanitize::line(&silent.join(", "))))
        )?;
    }
    Ok(())
}

/// The first claim stating `value` for `field` in the given documents.
fn find_claim<'r>(
    run: &'r Run,
    field: &str,
    value: &crate::extract::Value,
    docs: &[u32],
) -> Option<(&'r DocumentResult, &'r Claim)> {
    run.reconciliation.ids(docs).find_map(|id| {
        let d = run.documents.iter().find(|d| d.id == id)?;
        let c = d
            .claims
            .iter()
            .find(|c| c.field.name() == field && &c.value == value)?;
        Some((d, c))
    })
}

fn first_evidence(
    run: &Run,
    field: &str,
    value: &crate::extract::Value,
    docs: &[u32],
) -> Option<String> {
    find_claim(run, field, value, docs).map(|(_, c)| c.evidence.text.clone())
}

fn write_conflicts(
    run: &Run,
    f: &FieldVerdict,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let by_id = run.by_id();
    for c in &f.conflicts {
        let (a, b) = f.sides(c);
        let why = match c.scope {
            Scope::WithinEvent => format!(
                "within event {}: a real contradiction",
                run.reconciliation.event_of(c).unwrap_or("?")
            ),
            Scope::AcrossEvents => {
                "across events: these sources most likely describe different meetings".into()
            }
        };
        writeln!(
            out,
            "  {}: {} vs {}  {}",
            style.bold(f.spec.label),
            sanitize::line(&a.value.key()),
            sanitize::line(&b.value.key()),
            style.dim(&format!("({why})"))
        )?;
        for g in [a, b] {
            for id in run.reconciliation.ids(&g.documents) {
                let Some(d) = by_id.get(id).copied() else {
                    continue;
                };
                for claim in d
                    .claims
                    .iter()
                    .filter(|cl| cl.field == f.spec.field && cl.value == g.value)
                {
                    writeln!(
                        out,
                        "      {:<10} {}:{}: «{}»",
                        sanitize::line(&g.value.key()),
                        sanitize::line(&d.path),
                        claim.evidence.line,
                        sanitize::line(&claim.evidence.text)
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn write_diffs(run: &Run, field: &str, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let claims: Vec<(&DocumentResult, &Claim)> = run
        .documents
        .iter()
        .filter_map(|d| {
            d.claims
                .iter()
                .find(|c| c.field.name() == field)
                .map(|c| (d, c))
        })
        .collect();
    writeln!(
        out,
        "\n{}",
        style.bold(&format!(
            "How the wording differs: {}",
            sanitize::line(field)
        ))
    )?;
    let Some(((first_doc, first), rest)) = claims.split_first() else {
        writeln!(out, "  no source states this field")?;
        return Ok(());
    };
    for (doc, claim) in rest {
        writeln!(
            out,
            "  {} ({}) → {} ({})   {:.0}% shared",
            sanitize::line(&first_doc.id),
            sanitize::line(&first.value.key()),
            sanitize::line(&doc.id),
            sanitize::line(&claim.value.key()),
            diff::similarity(&first.sentence.text, &claim.sentence.text) * 100.0
        )?;
        let mut line = String::new();
        for seg in diff::words(&first.sentence.text, &claim.sentence.text) {
            let text = sanitize::line(&seg.text);
            match seg.tag {
                "delete" if style.color => line.push_str(&style.paint("31;9", &text)),
                "insert" if style.color => line.push_str(&style.paint("32;4", &text)),
                "delete" => line.push_str(&format!("[-{text}-]")),
                "insert" => line.push_str(&format!("{{+{text}+}}")),
                _ => line.push_str(&text),
            }
        }
        writeln!(out, "      {line}")?;
    }
    Ok(())
}
