//! The section the page leads with: each contradiction (two groups of sources about one meeting
//! that disagree) with both sides: the value, the sources by title and file name, `file:line`
//! and the quoted words, each linked to its marked span in the article; and how the two first
//! sources' sentences differ, word by word.
//!
//! A side quotes at most [`QUOTED`] sources and counts the rest (the event's matrix shows them
//! all), so the section grows with the contradictions, not with the sources behind each.

use maud::{Markup, html};

use crate::reconcile::{Contradiction, Doc, Side};
use crate::report::diff;

use super::{
    Line, Mark, Page, QUOTE_CHARS, TITLE_CHARS, contradiction_anchor, event_anchor, plural,
    shorten, value,
};

/// Sources quoted per side.
const QUOTED: usize = 6;
/// Longest sentence compared word by word, in bytes: a diff costs the product of the two
/// lengths at worst, so a run-on "sentence" is not compared.
const DIFF_BYTES: usize = 1_500;

pub(super) fn section(page: &Page) -> Markup {
    let all = &page.r.contradictions;
    html! {
        section #contradictions {
            h2 { "Contradictions: sources about one meeting that disagree (" (all.len()) ")" }
            @if all.is_empty() {
                p.none {
                    "None: no two sources that describe one meeting disagree. "
                    "Differences between meetings are under near events."
                }
            }
            @for (i, c) in all.iter().enumerate() {
                (contradiction(page, i, c))
            }
        }
    }
}

fn contradiction(page: &Page, index: usize, c: &Contradiction) -> Markup {
    let r = page.r;
    let event = &r.events[c.event];
    let [a, b] = &c.sides;
    html! {
        article.contradiction id=(contradiction_anchor(index)) data-event=(event.id) data-field=(c.field.name()) {
            h3 {
                (Mark::Conflict.badge())
                a href=(format!("#{}", event_anchor(c.event))) { (event.id) } " "
                bdi { (Line(&event.label)) } " — " (c.field.label()) ": "
                strong { (value(r.value(a.entry))) }
                " vs "
                strong { (value(r.value(b.entry))) }
            }
            div.sides {
                (side(page, c, a))
                (side(page, c, b))
            }
            (words(page, a, b))
        }
    }
}

fn side(page: &Page, c: &Contradiction, side: &Side) -> Markup {
    let r = page.r;
    let more = side.documents.len().saturating_sub(QUOTED);
    html! {
        div.side data-value=(Line(&r.value(side.entry).key())) {
            h4 {
                // A date set against a weekday names its own field.
                @if side.field != c.field { (side.field.label()) " " }
                (value(r.value(side.entry)))
                " — " (plural(side.documents.len(), "source"))
            }
            ul.quotes {
                @for &d in side.documents.iter().take(QUOTED) {
                    (quote(page, d, side))
                }
                @if more > 0 {
                    li.more { "… and " (more) " more: see the event's matrix" }
                }
            }
        }
    }
}

/// One source of a side: `file:line` linked to the words, the words, and the source's title.
fn quote(page: &Page, d: Doc, side: &Side) -> Markup {
    let reading = page.r.collection.reading(d);
    let q = page
        .r
        .collection
        .scalar(d, side.field)
        .filter(|(e, _)| *e == side.entry)
        .map(|(_, q)| q);
    let at = match q {
        Some(q) => format!("{}:{}", reading.path, q.line),
        None => reading.path.to_string(),
    };
    html! {
        li data-doc=(Line(&reading.id)) {
            @match page.claim_href(d, side.field, side.entry) {
                Some(href) => a href=(href) { code dir="ltr" { (Line(&at)) } },
                None => code dir="ltr" { (Line(&at)) },
            }
            @if let Some(title) = &reading.title {
                " " span.source { bdi lang="ar" { (Line(&shorten(title, TITLE_CHARS))) } }
            }
            @if let Some(q) = q {
                blockquote lang="ar" dir="rtl" { (Line(&shorten(&q.text, QUOTE_CHARS))) }
            }
        }
    }
}

/// The sentences of the first source on each side, word by word, when the run kept them.
fn words(page: &Page, a: &Side, b: &Side) -> Markup {
    let sentence = |s: &Side| {
        let &d = s.documents.first()?;
        let (_, claim) = page.claim(d, s.field, s.entry)?;
        let sentence = claim.sentence.as_ref()?;
        let text = sentence.text.as_str();
        (text.len() <= DIFF_BYTES).then_some((d, text, sentence.line))
    };
    let (Some((da, ta, la)), Some((db, tb, lb))) = (sentence(a), sentence(b)) else {
        return html! {};
    };
    let segments = diff::words(ta, tb);
    let r = page.r;
    html! {
        details.diff {
            summary {
                "How the two sentences differ, word by word ("
                (format!("{:.0}", diff::similarity(ta, tb) * 100.0)) "% of words shared)"
            }
            p.meta {
                del { "struck" } ": only in the first; " ins { "underlined" } ": only in the second."
            }
            @for (d, line, keep) in [(da, la, "delete"), (db, lb, "insert")] {
                div.diff-row {
                    span.who {
                        code dir="ltr" { (Line(r.id(d))) } br;
                        "line " (line)
                    }
                    p lang="ar" dir="rtl" {
                        @for seg in segments.iter().filter(|s| s.tag == "equal" || s.tag == keep) {
                            @match seg.tag {
                                "delete" => del { (Line(&seg.text)) },
                                "insert" => ins { (Line(&seg.text)) },
                                _ => (Line(&seg.text)),
                            }
                        }
                    }
                }
            }
        }
    }
}
