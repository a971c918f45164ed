//! The terminal report: a summary line, then the contradictions (each side quoted as
//! `file:line: «…»`), one block per event (label, consensus values, what joined it, its
//! sources), the near events with their differences, the documents that report no meeting, and
//! the inputs that could not be read. Its length grows with events and documents, never with
//! pairs of them.
//!
//! English labels and canonical values come first on each line; Arabic evidence stands at the
//! end of its line, in logical order, so terminals that do bidi can reorder it themselves.

use std::io::{self, Write};

use crate::document::Status;
use crate::extract::{Field, FieldKind};
use crate::reconcile::{Contradiction, Doc, Event, Judgement, Resolved, Verdict};

use super::{Outcome, diff, sanitize};

/// Text report settings.
#[derive(Debug, Clone, Default)]
pub struct TextOptions {
    pub color: bool,
    /// Fields whose evidence sentences are shown as word-level diffs between an event's sources.
    pub diff_fields: Vec<Field>,
}

/// How many sources an event lists, and how many quotes a side of a contradiction shows,
/// before counting the rest: a report over thousands of articles stays readable.
const SOURCES_SHOWN: usize = 6;
const QUOTES_SHOWN: usize = 4;
/// Findings listed before counting the rest.
const FINDINGS_SHOWN: usize = 20;
/// Longest quote or title shown, in characters.
const QUOTE_CHARS: usize = 120;
const TITLE_CHARS: usize = 70;

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
    fn red(&self, s: &str) -> String {
        self.paint("1;31", s)
    }
}

/// Writes the text report.
pub fn write(outcome: &Outcome, options: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let style = Style {
        color: options.color,
    };
    let r = &outcome.resolved;
    let t = outcome.totals;
    let contradictions = r.contradictions.len();
    writeln!(
        out,
        "{} {} ({} read, {} skipped, {} failed) · {} · {} · {} unattached",
        style.bold("reconcile:"),
        plural(t.documents, "document"),
        t.ok,
        t.skipped,
        t.errors,
        plural(r.events.len(), "event"),
        if contradictions > 0 {
            style.red(&plural(contradictions, "contradiction"))
        } else {
            style.paint("32", "no contradiction")
        },
        r.unattached.len(),
    )?;

    if contradictions > 0 {
        writeln!(
            out,
            "\n{}",
            style.bold(&format!(
                "Contradictions: sources about one meeting that disagree ({contradictions})"
            ))
        )?;
        for c in &r.contradictions {
            write_contradiction(r, c, &style, out)?;
        }
    }

    if !r.events.is_empty() {
        writeln!(
            out,
            "\n{}",
            style.bold(&format!(
                "Events: documents that describe one meeting ({})",
                r.events.len()
            ))
        )?;
        for e in &r.events {
            write_event(r, e, &style, out)?;
        }
    }

    if !r.near.is_empty() {
        writeln!(
            out,
            "\n{}",
            style.bold("Near events: kept apart although they share a host")
        )?;
        for n in &r.near {
            let (a, b) = (&r.events[n.events.0], &r.events[n.events.1]);
            writeln!(
                out,
                "  {} ~ {}  {}",
                style.bold(&a.id),
                style.bold(&b.id),
                sanitize::line(&n.kept_apart_because)
            )?;
            let diffs: Vec<String> = n
                .differences
                .iter()
                .map(|d| {
                    format!(
                        "{} {} / {}",
                        short(d.field),
                        r.value(d.values.0),
                        r.value(d.values.1)
                    )
                })
                .collect();
            if !diffs.is_empty() {
                writeln!(out, "      {}", sanitize::line(&diffs.join(" · ")))?;
            }
        }
    }

    if !r.unattached.is_empty() {
        writeln!(
            out,
            "\n{}",
            style.bold(&format!(
                "Unattached: documents that report no meeting ({})",
                r.unattached.len()
            ))
        )?;
        for &d in &r.unattached {
            let reading = r.collection.reading(d);
            writeln!(
                out,
                "  {}  {}",
                sanitize::line(&reading.id),
                style.dim(&sanitize::line(reading.no_meeting.as_deref().unwrap_or("")))
            )?;
        }
    }

    for &field in &options.diff_fields {
        write_diffs(outcome, field, &style, out)?;
    }

    write_findings(outcome, &style, out)?;

    if !outcome.unread.is_empty() {
        writeln!(out, "\n{}", style.bold("Skipped and failed inputs"))?;
        for u in &outcome.unread {
            let status = match u.status {
                Status::Skipped => style.dim("skipped"),
                _ => style.paint("31", "failed "),
            };
            writeln!(
                out,
                "  {status} {}: {}",
                sanitize::line(&u.path),
                sanitize::line(&u.reason)
            )?;
        }
    }
    Ok(())
}

fn write_contradiction(
    r: &Resolved,
    c: &Contradiction,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let event = &r.events[c.event];
    let [a, b] = &c.sides;
    writeln!(
        out,
        "  {} {} — {}: {} vs {}",
        style.bold(&event.id),
        sanitize::line(&event.label),
        c.field.label(),
        style.red(&sanitize::line(&r.value(a.entry).key())),
        style.red(&sanitize::line(&r.value(b.entry).key())),
    )?;
    let width = [a, b]
        .iter()
        .map(|s| r.value(s.entry).key().chars().count())
        .max()
        .unwrap_or(0);
    for side in [a, b] {
        let value = r.value(side.entry).key();
        let mut first = true;
        for &d in side.documents.iter().take(QUOTES_SHOWN) {
            let label = if first { value.as_str() } else { "" };
            first = false;
            writeln!(
                out,
                "      {:<width$}  {}",
                sanitize::line(label),
                quoted(r, d, side.field)
            )?;
        }
        let more = side.documents.len().saturating_sub(QUOTES_SHOWN);
        if more > 0 {
            writeln!(out, "      {:<width$}  … and {more} more", "")?;
        }
    }
    Ok(())
}

/// `path:line: «quote»  (title)` for a document's value of a field.
fn quoted(r: &Resolved, d: Doc, field: Field) -> String {
    let reading = r.collection.reading(d);
    let title = reading
        .title
        .as_deref()
        .map(|t| format!("  ({})", shorten(t, TITLE_CHARS)))
        .unwrap_or_default();
    match r.collection.scalar(d, field) {
        Some((_, q)) => sanitize::line(&format!(
            "{}:{}: «{}»{title}",
            reading.path,
            q.line,
            shorten(&q.text, QUOTE_CHARS)
        ))
        .into_owned(),
        None => sanitize::line(&format!("{}{title}", reading.path)).into_owned(),
    }
}

fn write_event(r: &Resolved, e: &Event, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "  {}  {}  {}",
        style.bold(&e.id),
        style.bold(&sanitize::line(&e.label)),
        style.dim(&format!("({})", plural(e.documents.len(), "document")))
    )?;
    let values: Vec<String> = e
        .fields
        .iter()
        .filter_map(|j| summary(r, j, style))
        .collect();
    if !values.is_empty() {
        writeln!(out, "      {}", values.join(" · "))?;
    }
    if !e.why.is_empty() {
        writeln!(
            out,
            "      {} {}",
            style.dim("joined by:"),
            sanitize::line(&e.why.join("; "))
        )?;
    }
    for &d in e.documents.iter().take(SOURCES_SHOWN) {
        let reading = r.collection.reading(d);
        let title = reading
            .title
            .as_deref()
            .map(|t| format!("  «{}»", shorten(t, TITLE_CHARS)))
            .unwrap_or_default();
        writeln!(
            out,
            "      {}{}",
            sanitize::line(&reading.id),
            style.dim(&sanitize::line(&title))
        )?;
    }
    let more = e.documents.len().saturating_sub(SOURCES_SHOWN);
    if more > 0 {
        writeln!(out, "      … and {more} more")?;
    }
    Ok(())
}

/// One field of an event in a few words: its value and, unless all agree, the verdict.
fn summary(r: &Resolved, j: &Judgement, style: &Style) -> Option<String> {
    let name = short(j.field);
    if j.field.kind() == FieldKind::List {
        let n = j.values.len();
        return Some(match j.verdict {
            Verdict::Partial => format!("{name} {n} (partial)"),
            _ => format!("{name} {n}"),
        });
    }
    let values = |limit: usize| {
        j.values
            .iter()
            .take(limit)
            .map(|g| r.value(g.entry).key())
            .collect::<Vec<_>>()
    };
    let text = match j.verdict {
        Verdict::Agree | Verdict::Single => {
            format!("{name} {}", r.value(j.consensus?).key())
        }
        Verdict::Compatible => format!("{name} {} (compatible)", values(3).join("~")),
        Verdict::Conflict => style.red(&format!("{name} {} (CONTRADICTION)", values(3).join("≠"))),
        Verdict::Partial => format!("{name} (partial)"),
    };
    Some(sanitize::line(&text).into_owned())
}

/// A field's short label for a line of values.
fn short(field: Field) -> &'static str {
    match field {
        Field::MeetingWeekday => "weekday",
        Field::MeetingDate => "date",
        Field::MeetingType => "type",
        Field::HostCountry => "country",
        Field::HostCity => "city",
        Field::CoChairs => "chairs",
        Field::Participants => "participants",
        Field::MemberCount => "members",
        Field::Priorities => "priorities",
        Field::Session => "session",
        Field::PublishedDate => "published",
        Field::PublishedWeekday => "published weekday",
    }
}

/// Word-level diffs of how an event's sources phrase a field: the first source's sentence
/// against each other's.
fn write_diffs(
    outcome: &Outcome,
    field: Field,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "\n{}",
        style.bold(&format!("How the wording differs: {}", field.label()))
    )?;
    let r = &outcome.resolved;
    let sentence = |d: Doc| {
        let doc = outcome.document(d)?;
        doc.claims
            .iter()
            .find(|c| c.field == field && c.role == crate::extract::Role::Reading)
            .and_then(|c| c.sentence.as_ref())
            .map(|s| s.text.as_str())
    };
    let mut any = false;
    for e in &r.events {
        let stating: Vec<(Doc, &str)> = e
            .documents
            .iter()
            .filter_map(|&d| Some((d, sentence(d)?)))
            .collect();
        let Some((first, base)) = stating.first().copied() else {
            continue;
        };
        for &(d, other) in stating.iter().skip(1).take(SOURCES_SHOWN) {
            any = true;
            writeln!(
                out,
                "  {} {} → {}  ({:.0}% shared)",
                style.bold(&e.id),
                sanitize::line(r.id(first)),
                sanitize::line(r.id(d)),
                diff::similarity(base, other) * 100.0
            )?;
            let mut line = String::new();
            for seg in diff::words(base, other) {
                let text = sanitize::line(&seg.text);
                line += &match seg.tag {
                    "delete" => style.paint("31", &format!("[-{text}-]")),
                    "insert" => style.paint("32", &format!("{{+{text}+}}")),
                    _ => text.into_owned(),
                };
            }
            writeln!(out, "      {line}")?;
        }
    }
    if !any {
        writeln!(out, "  no two sources of one event state this field")?;
    }
    Ok(())
}

/// Findings about the texts themselves (a text that contradicts itself, direction overrides).
fn write_findings(outcome: &Outcome, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let coll = &outcome.resolved.collection;
    let findings: Vec<(Doc, &str, u32)> = coll
        .documents()
        .flat_map(|d| {
            coll.reading(d)
                .findings
                .iter()
                .map(move |(_, message, line)| (d, &**message, *line))
        })
        .collect();
    if findings.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n{}",
        style.bold(&format!(
            "Findings about the texts themselves ({})",
            findings.len()
        ))
    )?;
    for &(d, message, line) in findings.iter().take(FINDINGS_SHOWN) {
        let at = if line > 0 {
            format!(":{line}")
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {}{}: {}",
            sanitize::line(&coll.reading(d).path),
            at,
            sanitize::line(message)
        )?;
    }
    let more = findings.len().saturating_sub(FINDINGS_SHOWN);
    if more > 0 {
        writeln!(out, "  … and {more} more (see --format json)")?;
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

/// At most `n` characters, with an ellipsis when cut.
fn shorten(s: &str, n: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(n).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
