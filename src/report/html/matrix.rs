//! The events: one table of every event side by side (events × fields, each cell the event's
//! value and verdict), then each event as a folded `<details>` section with what joined its
//! documents, its own matrix (fields × the event's documents: each cell the document's reading
//! with its verdict mark and a link to its words) and its weekday and date checks.
//!
//! A cell's mark is the field's verdict, except in a field in conflict, where a value that takes
//! part in no clash (it agrees with or fits one side) is marked compatible; in a list field the
//! items that not every stating source lists carry the partial mark.

use maud::{Markup, html};
use rustc_hash::FxHashMap;

use crate::extract::{Field, FieldKind};
use crate::reconcile::resolved::event_fields;
use crate::reconcile::{Doc, Entry, Event, Judgement, Verdict};

use super::{
    Line, Mark, Page, QUOTE_CHARS, TITLE_CHARS, contradiction_anchor, event_anchor, file_name,
    plural, shorten, value,
};

/// Events opened when the page holds this many or fewer: folding two events hides everything
/// for nothing. Events with a contradiction are always open.
const OPEN_UP_TO: usize = 3;
/// Values named in a summary cell of a field in conflict.
const VALUES_NAMED: usize = 3;

/// The section's heading, legend and the table of all events; the events follow, one by one,
/// and `write` closes the section.
pub(super) fn section_head(page: &Page) -> Markup {
    let r = page.r;
    let mut used = [false; Field::ALL.len()];
    for e in &r.events {
        for j in &e.fields {
            used[j.field.index()] = true;
        }
    }
    let fields: Vec<Field> = event_fields().filter(|f| used[f.index()]).collect();
    let html = html! {
        h2 { "Events: documents that describe one meeting (" (r.events.len()) ")" }
        @if r.events.is_empty() {
            p.none { "None: no document reports a meeting." }
        } @else {
            p.lede {
                "Every event side by side: its value of each field, or the values its sources give when they contradict each other. "
                "Open an event below for each source's value and words."
            }
            (Mark::legend())
            div.scroll {
                table.grid.overview {
                    thead {
                        tr {
                            th.event scope="col" { "event" }
                            th scope="col" { "sources" }
                            @for f in &fields { th scope="col" data-field=(f.name()) { (f.label()) } }
                        }
                    }
                    tbody {
                        @for (i, e) in r.events.iter().enumerate() {
                            tr data-event=(e.id) {
                                th.event scope="row" {
                                    a href=(format!("#{}", event_anchor(i))) { (e.id) } " "
                                    bdi { (Line(&e.label)) }
                                }
                                td { (e.documents.len()) }
                                @for &f in &fields {
                                    (summary_cell(page, e.field(f)))
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    // Opened here, closed by `write` after the events.
    html! { (maud::PreEscaped("<section id=\"events\">")) (html) }
}

/// An event's value of a field in the table of all events.
fn summary_cell(page: &Page, j: Option<&Judgement>) -> Markup {
    let Some(j) = j else {
        let mark = Mark::Silent;
        return html! {
            td class=(mark.class()) data-verdict=(mark.name()) {
                span.sym aria-hidden="true" { (mark.symbol()) } span.sr { "not stated" }
            }
        };
    };
    let r = page.r;
    let mark = Mark::of(j.verdict);
    let shown = if j.field.kind() == FieldKind::List {
        html! { (plural(j.values.len(), "item")) }
    } else if let Some(e) = j.consensus {
        value(r.value(e))
    } else {
        let more = j.values.len() > VALUES_NAMED;
        html! {
            @for (i, g) in j.values.iter().take(VALUES_NAMED).enumerate() {
                @if i > 0 { " ≠ " }
                (value(r.value(g.entry)))
            }
            @if more { " ≠ …" }
        }
    };
    html! {
        td class=(mark.class()) data-verdict=(mark.name()) {
            span.sym aria-hidden="true" { (mark.symbol()) }
            span.sr { (mark.label()) ": " }
            (shown)
        }
    }
}

/// One event: a folded section with what joined it, its matrix and its checks.
pub(super) fn event(page: &Page, index: usize, e: &Event) -> Markup {
    let r = page.r;
    let contradictions = page
        .contradictions_of
        .get(index)
        .map_or(&[][..], Vec::as_slice);
    let open = !contradictions.is_empty() || r.events.len() <= OPEN_UP_TO;
    html! {
        details.event id=(event_anchor(index)) data-event=(e.id) open[open] {
            summary {
                (e.id) " " bdi { (Line(&e.label)) } " "
                span.count { "(" (plural(e.documents.len(), "source")) ")" }
                @if !contradictions.is_empty() {
                    span class=(format!("badge {}", Mark::Conflict.class())) {
                        span aria-hidden="true" { (Mark::Conflict.symbol()) " " }
                        (plural(contradictions.len(), "contradiction"))
                    }
                }
            }
            @if !contradictions.is_empty() {
                p {
                    "Contradictions: "
                    @for (k, &c) in contradictions.iter().enumerate() {
                        @if k > 0 { ", " }
                        a href=(format!("#{}", contradiction_anchor(c))) {
                            (r.contradictions[c].field.label())
                        }
                    }
                }
            }
            @if !e.why.is_empty() {
                h4 { "Joined by" }
                ul.why { @for w in &e.why { li { (Line(w)) } } }
            }
            (matrix(page, e))
            @if !e.checks.is_empty() {
                h4 { "Weekday and date checks" }
                ul.checks {
                    @for c in &e.checks {
                        li data-consistent=(c.consistent) {
                            @if c.consistent {
                                span aria-hidden="true" { "✓ " } "consistent: "
                            } @else {
                                span.bad { span aria-hidden="true" { "✗ " } "inconsistent: " }
                            }
                            (Line(&c.message))
                        }
                    }
                }
            }
        }
    }
}

/// The event's matrix: a row per field some source states, a column per source.
fn matrix(page: &Page, e: &Event) -> Markup {
    let r = page.r;
    html! {
        div.scroll {
            table.grid.matrix data-event=(e.id) {
                thead {
                    tr {
                        th scope="col" { "field" }
                        th.consensus scope="col" { "the event's value" }
                        @for &d in &e.documents {
                            @let reading = r.collection.reading(d);
                            th.doc-head scope="col" data-doc=(Line(&reading.id)) {
                                @if let Some(title) = &reading.title {
                                    bdi lang="ar" { (Line(&shorten(title, TITLE_CHARS))) }
                                }
                                @match page.doc_href(d) {
                                    Some(href) => a href=(href) { code dir="ltr" { (Line(file_name(&reading.path))) } },
                                    None => code dir="ltr" { (Line(file_name(&reading.path))) },
                                }
                                @if let Some(p) = &reading.published {
                                    span.pub { "published " (p.iso()) }
                                }
                            }
                        }
                    }
                }
                tbody {
                    @for j in &e.fields {
                        (row(page, e, j))
                    }
                }
            }
        }
        @if e.fields.iter().any(|j| j.verdict == Verdict::Partial) {
            p.meta { "∗ listed by some of the sources that give the list, not all." }
        }
    }
}

fn row(page: &Page, e: &Event, j: &Judgement) -> Markup {
    let r = page.r;
    let mark = Mark::of(j.verdict);
    // The values that take part in a clash (the judgement says), sorted for lookup.
    let mut clashing: Vec<Entry> = j
        .values
        .iter()
        .filter(|g| g.in_clash)
        .map(|g| g.entry)
        .collect();
    clashing.sort_unstable();
    // How many sources list each item, against how many state the field at all.
    let listed: FxHashMap<Entry, usize> = j
        .values
        .iter()
        .map(|g| (g.entry, g.documents.len()))
        .collect();
    let stating = e.documents.len().saturating_sub(j.silent.len());
    html! {
        tr data-field=(j.field.name()) data-verdict=(mark.name()) {
            th scope="row" { (j.field.label()) br; (mark.badge()) }
            td.consensus {
                @if let Some(c) = j.consensus {
                    (value(r.value(c)))
                } @else if j.verdict == Verdict::Conflict {
                    span.silent-text { "sources disagree" }
                } @else if j.field.kind() == FieldKind::List {
                    (plural(j.values.len(), "item")) " in all"
                }
            }
            @for &d in &e.documents {
                @if j.field.kind() == FieldKind::List {
                    (list_cell(page, j, d, mark, &listed, stating))
                } @else {
                    (scalar_cell(page, j, d, mark, &clashing))
                }
            }
        }
    }
}

fn scalar_cell(page: &Page, j: &Judgement, d: Doc, mark: Mark, clashing: &[Entry]) -> Markup {
    let r = page.r;
    let id = &r.collection.reading(d).id;
    let Some((entry, quote)) = r.collection.scalar(d, j.field) else {
        return silent_cell(id);
    };
    let mark = match mark {
        Mark::Conflict if clashing.binary_search(&entry).is_err() => Mark::Compatible,
        m => m,
    };
    html! {
        td class=(format!("cell {}", mark.class())) data-doc=(Line(id)) data-verdict=(mark.name())
            data-value=(Line(&r.value(entry).key())) {
            span.sym aria-hidden="true" { (mark.symbol()) }
            span.sr { (mark.label()) ": " }
            @let inner = html! {
                span.en { (value(r.value(entry))) }
                bdi.ar lang="ar" dir="rtl" { (Line(&shorten(&quote.text, QUOTE_CHARS))) }
            };
            @match page.claim_href(d, j.field, entry) {
                Some(href) => a href=(href) { (inner) },
                None => (inner),
            }
        }
    }
}

fn list_cell(
    page: &Page,
    j: &Judgement,
    d: Doc,
    mark: Mark,
    listed: &FxHashMap<Entry, usize>,
    stating: usize,
) -> Markup {
    let r = page.r;
    let id = &r.collection.reading(d).id;
    let items: Vec<Entry> = r.collection.items(d, j.field).collect();
    if items.is_empty() {
        return silent_cell(id);
    }
    html! {
        td class=(format!("cell {}", mark.class())) data-doc=(Line(id)) data-verdict=(mark.name()) {
            span.sym aria-hidden="true" { (mark.symbol()) }
            span.sr { (mark.label()) ": " }
            ul.chips {
                @for &item in &items {
                    @let some = listed.get(&item).is_some_and(|&n| n < stating);
                    @let claim = page.claim(d, j.field, item);
                    @let inner = html! {
                        span.en { (value(r.value(item))) }
                        @if some {
                            " " span.some title="not every source lists it" { "∗" }
                            span.sr { " (not every source lists it)" }
                        }
                        @if let Some((_, c)) = claim {
                            " " bdi.ar lang="ar" dir="rtl" { (Line(&shorten(&c.evidence.text, QUOTE_CHARS))) }
                        }
                    };
                    li {
                        @match page.claim_href(d, j.field, item) {
                            Some(href) => a href=(href) { (inner) },
                            None => (inner),
                        }
                    }
                }
            }
        }
    }
}

fn silent_cell(id: &str) -> Markup {
    let mark = Mark::Silent;
    html! {
        td class=(format!("cell {}", mark.class())) data-doc=(Line(id)) data-verdict=(mark.name()) {
            span.sym aria-hidden="true" { (mark.symbol()) }
            span.silent-text { "silent" }
        }
    }
}
