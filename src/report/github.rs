//! GitHub Actions workflow commands: an `::error` annotation on the line of each contradiction
//! that fails the run, and a summary.
//!
//! Escaping follows the runner's rules: in messages `%`, CR and LF are percent-encoded; in
//! properties `:` and `,` too. Article text is sanitised first and never starts a line, so it
//! cannot issue a command; the human-readable details are printed inside a `::stop-commands::`
//! block whose token is derived from the content, so even a line of article text there is inert.
//! GitHub shows at most 10 error annotations per step: past that, the rest are summarised.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, Write};

use crate::extract::Field;
use crate::reconcile::Doc;

use super::{Outcome, sanitize};

/// GitHub's per-step limit for error annotations.
pub const MAX_ANNOTATIONS: usize = 10;

/// Escapes a workflow command's message.
pub fn escape_data(s: &str) -> String {
    sanitize::line(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// How many quotes per side the summary shows, and how long a quote may be.
const QUOTES_SHOWN: usize = 3;
const QUOTE_CHARS: usize = 120;

/// Writes an annotation per counted contradiction (those that fail the run: indexes into
/// `resolved.contradictions`), on the line of the side fewer documents hold (most likely the
/// new article), and a summary of all. Each annotation is bounded in length and the whole is
/// linear in the contradictions.
pub fn write(
    outcome: &Outcome,
    counted: &[usize],
    known: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let r = &outcome.resolved;
    let mut written = 0;
    for &i in counted {
        if written == MAX_ANNOTATIONS {
            break;
        }
        let c = &r.contradictions[i];
        let event = &r.events[c.event];
        // The odd one out: the side fewer documents hold.
        let (odd, other) = if c.sides[1].documents.len() <= c.sides[0].documents.len() {
            (&c.sides[1], &c.sides[0])
        } else {
            (&c.sides[0], &c.sides[1])
        };
        let Some(&d) = odd.documents.first() else {
            continue;
        };
        let reading = r.collection.reading(d);
        let line = r.collection.scalar(d, odd.field).map_or(1, |(_, q)| q.line);
        let title = format!(
            "contradiction about {} {}: {}",
            event.id,
            shorten(&event.label, 80),
            c.field.label()
        );
        let message = format!(
            "this article says {} {}; {} say{} {} {}",
            r.value(odd.entry),
            quote(outcome, d, odd.field),
            r.named(&other.documents),
            if other.documents.len() == 1 { "s" } else { "" },
            r.value(other.entry),
            other
                .documents
                .first()
                .map(|&o| quote(outcome, o, other.field))
                .unwrap_or_default()
        );
        writeln!(
            out,
            "::error file={},line={},title={}::{}",
            escape_property(&reading.path),
            line,
            escape_property(&title),
            escape_data(&message)
        )?;
        written += 1;
    }
    let more = counted.len() - written;
    if more > 0 {
        writeln!(
            out,
            "::warning title={}::{}",
            escape_property("more contradictions"),
            escape_data(&format!(
                "{more} more contradictions were not annotated (GitHub shows {MAX_ANNOTATIONS} per step); see the summary"
            ))
        )?;
    }
    let summary = summary(outcome, counted, known);
    let token = stop_token(&summary);
    writeln!(out, "::stop-commands::{token}")?;
    out.write_all(summary.as_bytes())?;
    writeln!(out, "::{token}::")?;
    Ok(())
}

/// «quote» of a document's value, shortened.
fn quote(outcome: &Outcome, d: Doc, field: Field) -> String {
    outcome
        .quote(d, field)
        .map(|q| format!("«{}»", shorten(&q.text, QUOTE_CHARS)))
        .unwrap_or_default()
}

fn summary(outcome: &Outcome, counted: &[usize], known: usize) -> String {
    let r = &outcome.resolved;
    let mut s = format!(
        "reconcile: {} documents, {} events, {} contradiction(s) that fail this run, {} known from the baseline\n",
        outcome.totals.documents,
        r.events.len(),
        counted.len(),
        known
    );
    for &i in counted {
        let c = &r.contradictions[i];
        let event = &r.events[c.event];
        s.push_str(&format!(
            "- {} {}: {} {} vs {}\n",
            event.id,
            sanitize::line(&event.label),
            c.field.label(),
            sanitize::line(&r.value(c.sides[0].entry).key()),
            sanitize::line(&r.value(c.sides[1].entry).key()),
        ));
        for side in &c.sides {
            for &d in side.documents.iter().take(QUOTES_SHOWN) {
                let reading = r.collection.reading(d);
                let line = outcome.quote(d, side.field).map_or(1, |q| q.line);
                s.push_str(&format!(
                    "    {}:{}: {} {}\n",
                    sanitize::line(&reading.path),
                    line,
                    sanitize::line(&r.value(side.entry).key()),
                    sanitize::line(&quote(outcome, d, side.field))
                ));
            }
            let more = side.documents.len().saturating_sub(QUOTES_SHOWN);
            if more > 0 {
                s.push_str(&format!("    … and {more} more\n"));
            }
        }
    }
    s
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

/// A token that does not occur in the text it guards.
fn stop_token(text: &str) -> String {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    let mut n = hasher.finish();
    loop {
        let token = format!("reconcile-{n:016x}");
        if !text.contains(&token) {
            return token;
        }
        n = n.wrapping_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a␍␊b");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn article_text_cannot_start_a_command() {
        let hostile = "x\n::stop-commands::pwn\n::error::injected";
        let escaped = escape_data(hostile);
        assert!(!escaped.contains('\n'));
        assert!(!escaped.contains('\r'));
    }
}
