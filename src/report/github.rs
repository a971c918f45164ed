//! GitHub Actions workflow commands: an `::error` annotation on the line of each conflicting
//! claim, and a summary.
//!
//! Escaping follows the runner's rules: in messages `%`, CR and LF are percent-encoded; in
//! properties `:` and `,` too. Article text is sanitised first and never starts a line, so it
//! cannot issue a command; the human-readable details are printed inside a `::stop-commands::`
//! block whose token is derived from the content, so even a line of article text there is inert.
//! GitHub shows at most 10 error annotations per step: past that, the rest are summarised.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, Write};

use crate::baseline::FoundConflict;
use crate::run::Run;

use super::sanitize;

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

/// Writes annotations for `counted` conflicts (those that fail the run) and a summary of all.
pub fn write(
    run: &Run,
    counted: &[FoundConflict],
    known: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut written = 0;
    let mut skipped = 0;
    for c in counted {
        // The odd one out first: the value fewest documents hold is most likely the new claim.
        let mut sides: Vec<_> = c.sides.iter().collect();
        sides.sort_by_key(|s| c.sides.iter().filter(|o| o.value == s.value).count());
        for side in sides {
            if written == MAX_ANNOTATIONS {
                skipped += 1;
                continue;
            }
            let mut others: Vec<String> = c
                .sides
                .iter()
                .filter(|o| o.value != side.value)
                .map(|o| format!("{} says {}", o.document.id, o.value))
                .collect();
            others.dedup();
            let title = format!(
                "{} conflict {}: {}",
                c.label,
                match c.key.scope {
                    crate::reconcile::Scope::WithinEvent => "within one event",
                    crate::reconcile::Scope::AcrossEvents => "across events",
                },
                c.key.values.join(" vs ")
            );
            let message = match &c.message {
                Some(m) => format!("{m}: «{}»", side.quote),
                None => format!(
                    "this article says {} «{}»; {}",
                    side.value,
                    side.quote,
                    others.join("; ")
                ),
            };
            writeln!(
                out,
                "::error file={},line={},title={}::{}",
                escape_property(&side.document.path),
                side.line,
                escape_property(&title),
                escape_data(&message)
            )?;
            written += 1;
        }
    }
    if skipped > 0 {
        writeln!(
            out,
            "::warning title={}::{}",
            escape_property("more conflicts"),
            escape_data(&format!(
                "{skipped} more conflicting claims were not annotated (GitHub shows {MAX_ANNOTATIONS} per step); see the summary"
            ))
        )?;
    }
    let summary = summary(run, counted, known);
    let token = stop_token(&summary);
    writeln!(out, "::stop-commands::{token}")?;
    out.write_all(summary.as_bytes())?;
    writeln!(out, "::{token}::")?;
    Ok(())
}

fn summary(run: &Run, counted: &[FoundConflict], known: usize) -> String {
    let mut s = format!(
        "reconcile: {} documents, {} events, {} conflict(s) that fail this run, {} known from the baseline\n",
        run.documents.len(),
        run.reconciliation.events.len(),
        counted.len(),
        known
    );
    for c in counted {
        s.push_str(&format!(
            "- {}: {} ({})\n",
            c.label,
            sanitize::line(&c.key.values.join(" vs ")),
            match c.key.scope {
                crate::reconcile::Scope::WithinEvent => "within one event",
                crate::reconcile::Scope::AcrossEvents => "across events",
            }
        ));
        for side in &c.sides {
            s.push_str(&format!(
                "    {}:{}: {} «{}»\n",
                sanitize::line(&side.document.path),
                side.line,
                sanitize::line(&side.value),
                sanitize::line(side.quote)
            ));
        }
    }
    s
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
