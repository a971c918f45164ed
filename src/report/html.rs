//! The HTML report: one self-contained page (inline CSS, no script, no external resource) with the
//! matrix of fields by documents, each cell linked to its evidence in the article.
//!
//! Everything from an article or a file name goes through maud, which escapes by default, and
//! through [`text`], which shows control and direction-override characters as visible marks
//! instead of letting them act. Arabic stands in `lang="ar" dir="rtl"` elements or `<bdi>`;
//! paths and ids are left-to-right. The same run gives the same bytes.
//!
//! The run keeps no article text, only each claim's sentence: the article view shows those
//! sentences (merged where they overlap) in text order, with every claim's span marked.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::document::Status;
use crate::extract::field::FieldKind;
use crate::extract::{Claim, Value};
use crate::reconcile::{FieldVerdict, Scope, Status as Verdict};
use crate::run::{DocumentResult, Run};

use super::{diff, sanitize};

/// The page's whole style sheet. Its SHA-256 goes into the Content-Security-Policy, so it is the
/// only style the page may apply.
const CSS: &str = r#"
:root{--ink:#1b1d21;--muted:#5c6370;--line:#d3d7dd;--head:#f4f5f7;
--agree:#009e73;--agree-bg:#dff2ea;--compat:#0072b2;--compat-bg:#e0edf8;
--within:#d55e00;--within-bg:#fbe1d0;--within-bg2:#f3c3a3;
--across:#a86f00;--across-bg:#fdf1cf;--across-dot:#e0b640;
--varies:#b5578f;--varies-bg:#f7e7f0;--single:#6b7280;--single-bg:#f1f2f4}
*{box-sizing:border-box}
body{margin:0;padding:20px 28px 60px;color:var(--ink);background:#fff;
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
:lang(ar){font-family:"Noto Naskh Arabic","Noto Sans Arabic","Geeza Pro","Al Nile","Segoe UI",
Tahoma,"Arabic Typesetting","DejaVu Sans",sans-serif;font-size:1.05em}
code,.id{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;
font-size:.85em;unicode-bidi:isolate}
h1{font-size:1.6em;margin:0 0 4px}
h2{font-size:1.25em;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1.05em;margin:0 0 8px}
a{color:#0b57a4}
.lede{color:var(--muted);margin:0 0 14px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:0}
.stats div{border:1px solid var(--line);border-radius:8px;padding:6px 14px;min-width:150px}
.stats dt{color:var(--muted);font-size:.85em}
.stats dd{margin:0;font-size:1.7em;font-weight:650}
.stats .alarm dd{color:var(--within)}
.events{margin:10px 0 0;padding:0;list-style:none}
.events li{margin:4px 0}
.ev{display:inline-block;font-weight:700;border:1px solid var(--line);border-radius:4px;
padding:0 6px;background:var(--head)}
.legend{display:grid;grid-template-columns:repeat(auto-fill,minmax(30em,1fr));gap:6px 16px;
list-style:none;padding:0;margin:8px 0 12px}
.legend .swatch{margin-right:6px}
.sym,.swatch,.badge{font-family:"DejaVu Sans","Segoe UI Symbol",system-ui,sans-serif}
.swatch{display:inline-block;width:2.2em;text-align:center;border:1px solid var(--line);
border-radius:4px;font-weight:800}
.filter{margin:0 0 10px;color:var(--muted)}
body:has(#only-conflicts:checked) #matrix tbody tr:not(.row-conflict){display:none}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse}
#matrix{width:100%}
#matrix th,#matrix td{border:1px solid var(--line);padding:6px 8px;vertical-align:top;text-align:start}
#matrix thead th{background:var(--head);font-weight:600}
#matrix thead th.event{text-align:center;border-bottom:3px solid var(--ink)}
#matrix tbody th{background:#fafbfc;min-width:170px;font-weight:600}
#matrix .docs th{font-weight:500}
.cell{min-width:120px;max-width:240px}
.cell a{color:inherit;text-decoration:none;display:block;padding:1px 0}
.cell a:hover .en,.cell a:focus .en{text-decoration:underline}
.en{display:block;font-weight:600}
.ar{display:block;color:#30343b;line-height:1.6}
.sym{float:right;font-weight:800;margin-left:6px;padding:0 4px;border-radius:4px;background:#fff}
.silent-text{color:var(--muted);font-style:italic}
.chips{list-style:none;margin:0;padding:0}
.chips li{margin:0 0 3px;font-size:.9em}
.chips .en{display:inline;font-weight:600}
.chips .ar{display:inline;font-size:.95em}
.badge{display:inline-block;margin-top:3px;padding:0 6px;border-radius:4px;font-size:.8em;
font-weight:600;border:1px solid var(--line)}
.v-agree{background:var(--agree-bg);box-shadow:inset 4px 0 0 var(--agree)}
.v-compatible{background:var(--compat-bg);box-shadow:inset 4px 0 0 var(--compat)}
.v-partial{background:repeating-linear-gradient(90deg,var(--compat-bg) 0 10px,#f3f8fc 10px 20px);
box-shadow:inset 4px 0 0 var(--compat)}
.v-conflict-within{background:repeating-linear-gradient(135deg,var(--within-bg) 0 7px,var(--within-bg2) 7px 14px);
box-shadow:inset 5px 0 0 var(--within)}
.v-conflict-across{background:radial-gradient(circle,var(--across-dot) 1.3px,transparent 1.8px) 0 0/9px 9px,var(--across-bg);
box-shadow:inset 5px 0 0 var(--across)}
.v-single{background:var(--single-bg);box-shadow:inset 4px 0 0 var(--single)}
.v-varies{background:var(--varies-bg);box-shadow:inset 4px 0 0 var(--varies)}
.v-silent{background:#fff;color:var(--muted)}
.v-agree .sym{color:var(--agree)}.v-compatible .sym,.v-partial .sym{color:var(--compat)}
.v-conflict-within .sym{color:var(--within)}.v-conflict-across .sym{color:var(--across)}
.v-single .sym{color:var(--single)}.v-varies .sym{color:var(--varies)}.v-silent .sym{color:var(--muted)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.conflict{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:12px 0;
border-left:6px solid var(--across)}
.conflict[data-scope=conflict-within]{border-left-color:var(--within)}
.conflict h3 .badge{font-size:.8em;margin:0 4px 0 0;vertical-align:1px}
.why{color:var(--muted);font-weight:400}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.side{border:1px solid var(--line);border-radius:6px;padding:6px 10px;background:#fff}
.side h4{margin:0 0 4px}
.side ul,.quotes{margin:0;padding-left:1.1em}
.diff{margin-top:10px}
.diff h4{margin:0 0 2px;font-size:.95em}
.diff-row{display:grid;grid-template-columns:13em 1fr;gap:10px;margin:4px 0;
border-top:1px solid var(--line);padding-top:4px}
.diff-row p{margin:0;line-height:1.9}
.who{font-size:.85em;color:var(--muted)}
del{background:var(--within-bg);text-decoration:line-through;text-decoration-thickness:2px}
ins{background:var(--agree-bg);text-decoration:underline;text-decoration-thickness:2px}
.article{border:1px solid var(--line);border-radius:8px;padding:10px 16px;margin:14px 0}
.article .title{margin:0 0 4px;font-weight:700}
.meta{color:var(--muted);font-size:.9em;margin:0 0 8px}
.passage{display:grid;grid-template-columns:5.5em 1fr;gap:10px;margin:4px 0}
.ln{color:var(--muted);font-size:.8em;padding-top:.35em;font-variant-numeric:tabular-nums}
.passage p{margin:0;white-space:pre-wrap;line-height:2}
.gap{color:var(--muted);margin:0 0 0 5.5em}
mark{background:#fff0a0;box-shadow:0 0 0 1px #cfae00;border-radius:2px}
mark:target,.anchor:target+mark{background:#ffd84d;box-shadow:0 0 0 3px var(--compat)}
tr:target{outline:3px solid var(--compat)}
.ctl{display:inline-block;direction:ltr;unicode-bidi:isolate;border:1px solid var(--within);
color:var(--within);font:600 .75em/1.3 ui-monospace,"DejaVu Sans Mono",monospace;padding:0 2px;margin:0 1px}
details{margin-top:8px}
summary{cursor:pointer;color:var(--muted)}
.claims{font-size:.9em;margin-top:6px}
.claims th,.claims td{border:1px solid var(--line);padding:3px 6px;text-align:start;vertical-align:top}
.inputs th,.inputs td{border:1px solid var(--line);padding:4px 8px;text-align:start;vertical-align:top}
.back{font-size:.85em}
footer{margin-top:40px;color:var(--muted);font-size:.85em}
"#;

/// Writes the HTML report: one page, deterministic bytes, ending in a newline.
pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(run).into_string().as_bytes())?;
    out.write_all(b"\n")
}

/// The Content-Security-Policy of the page: nothing may load, no script may run, and the only
/// style allowed is the page's own style sheet, named by its hash.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src 'sha256-{}'; img-src 'none'; base-uri 'none'; form-action 'none'",
        base64(&sha256(CSS.as_bytes()))
    )
}

/// The whole page.
pub fn render(run: &Run) -> Markup {
    let page = Page::new(run);
    html! {
        (DOCTYPE) "\n"
        html lang="en" dir="ltr" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(content_security_policy());
                meta name="referrer" content="no-referrer";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(concat!("reconcile ", env!("CARGO_PKG_VERSION")));
                title { "reconcile: " (page.ok_count) " documents, " (run.reconciliation.events.len()) " events" }
                "\n"
                style { (PreEscaped(CSS)) }
            }
            "\n"
            body {
                (page.header())
                (page.matrix())
                (page.conflicts())
                (page.checks())
                (page.inputs())
                (page.articles())
                footer { "Generated by reconcile " (env!("CARGO_PKG_VERSION")) ". This page runs no script and loads nothing." }
                "\n"
            }
        }
    }
}

/// One column of the matrix: a readable document, with its place in `run.documents`.
struct Column<'r> {
    index: usize,
    doc: &'r DocumentResult,
}

/// Columns of one event (or of no event, for a readable document the grouping left out).
struct ColumnGroup<'r> {
    event: Option<&'r str>,
    columns: Vec<Column<'r>>,
}

struct Page<'r> {
    run: &'r Run,
    groups: Vec<ColumnGroup<'r>>,
    event_of: BTreeMap<&'r str, &'r str>,
    ok_count: usize,
}

/// What one cell of the matrix says about its document's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellVerdict {
    Agree,
    Compatible,
    Partial,
    ConflictWithin,
    ConflictAcross,
    Single,
    Varies,
    Silent,
}

impl CellVerdict {
    const ALL: [CellVerdict; 8] = [
        CellVerdict::Agree,
        CellVerdict::Compatible,
        CellVerdict::Partial,
        CellVerdict::ConflictWithin,
        CellVerdict::ConflictAcross,
        CellVerdict::Single,
        CellVerdict::Varies,
        CellVerdict::Silent,
    ];

    fn class(self) -> &'static str {
        match self {
            CellVerdict::Agree => "agree",
            CellVerdict::Compatible => "compatible",
            CellVerdict::Partial => "partial",
            CellVerdict::ConflictWithin => "conflict-within",
            CellVerdict::ConflictAcross => "conflict-across",
            CellVerdict::Single => "single",
            CellVerdict::Varies => "varies",
            CellVerdict::Silent => "silent",
        }
    }

    /// A symbol per verdict, so that colour is never the only signal.
    fn symbol(self) -> &'static str {
        match self {
            CellVerdict::Agree => "✓",
            CellVerdict::Compatible => "≈",
            CellVerdict::Partial => "◐",
            CellVerdict::ConflictWithin => "✗",
            CellVerdict::ConflictAcross => "≠",
            CellVerdict::Single => "•",
            CellVerdict::Varies => "~",
            CellVerdict::Silent => "–",
        }
    }

    fn label(self) -> &'static str {
        match self {
            CellVerdict::Agree => "agree",
            CellVerdict::Compatible => "compatible",
            CellVerdict::Partial => "partial",
            CellVerdict::ConflictWithin => "conflict within the event",
            CellVerdict::ConflictAcross => "conflict across events",
            CellVerdict::Single => "single source",
            CellVerdict::Varies => "varies by article",
            CellVerdict::Silent => "silent",
        }
    }

    fn explanation(self) -> &'static str {
        match self {
            CellVerdict::Agree => "every source that states it gives this value",
            CellVerdict::Compatible => "values differ without contradicting each other",
            CellVerdict::Partial => "a list one source gives more or fewer items of",
            CellVerdict::ConflictWithin => {
                "contradicts a source about the same meeting: a real contradiction"
            }
            CellVerdict::ConflictAcross => {
                "contradicts a source grouped into another event: most likely a different meeting"
            }
            CellVerdict::Single => "only this source states it",
            CellVerdict::Varies => "a fact about the article itself, not compared",
            CellVerdict::Silent => "this source does not state it",
        }
    }

    /// The verdict of a whole field, as shown beside its name.
    fn of_field(f: &FieldVerdict) -> Self {
        match (f.status, f.scope) {
            (Verdict::Agree, _) => CellVerdict::Agree,
            (Verdict::Compatible, _) => CellVerdict::Compatible,
            (Verdict::Partial, _) => CellVerdict::Partial,
            (Verdict::Conflict, Some(Scope::WithinEvent)) => CellVerdict::ConflictWithin,
            (Verdict::Conflict, _) => CellVerdict::ConflictAcross,
            (Verdict::Single, _) => CellVerdict::Single,
            (Verdict::Varies, _) => CellVerdict::Varies,
        }
    }
}

impl<'r> Page<'r> {
    fn new(run: &'r Run) -> Self {
        let rec = &run.reconciliation;
        let ok: Vec<(usize, &DocumentResult)> = run
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| d.status == Status::Ok)
            .collect();
        let by_id: HashMap<&str, &(usize, &DocumentResult)> = ok
            .iter()
            .map(|entry| (entry.1.id.as_str(), entry))
            .collect();
        let mut placed = BTreeSet::new();
        let mut groups = Vec::new();
        for event in &rec.events {
            let columns: Vec<Column> = rec
                .ids(&event.documents)
                .filter_map(|id| by_id.get(id).copied())
                .filter(|(i, _)| placed.insert(*i))
                .map(|&(index, doc)| Column { index, doc })
                .collect();
            if !columns.is_empty() {
                groups.push(ColumnGroup {
                    event: Some(event.id.as_str()),
                    columns,
                });
            }
        }
        let rest: Vec<Column> = ok
            .iter()
            .filter(|(i, _)| !placed.contains(i))
            .map(|&(index, doc)| Column { index, doc })
            .collect();
        if !rest.is_empty() {
            groups.push(ColumnGroup {
                event: None,
                columns: rest,
            });
        }
        let event_of = rec
            .events
            .iter()
            .flat_map(|e| rec.ids(&e.documents).map(move |d| (d, e.id.as_str())))
            .collect();
        Page {
            run,
            groups,
            event_of,
            ok_count: ok.len(),
        }
    }

    fn columns(&self) -> impl Iterator<Item = &Column<'r>> {
        self.groups.iter().flat_map(|g| g.columns.iter())
    }

    fn header(&self) -> Markup {
        let run = self.run;
        let rec = &run.reconciliation;
        let within = rec.conflict_count(Scope::WithinEvent);
        let across = rec.conflict_count(Scope::AcrossEvents);
        html! {
            header id="summary" {
                h1 { "Reconciliation of " (run.documents.len()) " reports" }
                p.lede {
                    "What each source claims about the meeting, where the sources agree, and where they conflict. "
                    "Every value links to the words it was read from."
                }
                dl.stats {
                    div data-stat="documents" {
                        dt { "documents read" }
                        dd { (self.ok_count) " / " (run.documents.len()) }
                    }
                    div data-stat="events" {
                        dt { "events (meetings) found" }
                        dd { (rec.events.len()) }
                    }
                    div.alarm[within > 0] data-stat="conflicts-within" {
                        dt { "conflicts within an event" }
                        dd { (within) }
                    }
                    div data-stat="conflicts-across" {
                        dt { "conflicts across events" }
                        dd { (across) }
                    }
                }
                @let skipped = run.count(Status::Skipped);
                @let failed = run.count(Status::Error);
                @if skipped + failed > 0 {
                    p { a href="#inputs" { (skipped) " skipped and " (failed) " failed inputs" } ", listed below." }
                }
                @if !rec.events.is_empty() {
                    ul.events {
                        @for event in &rec.events {
                            li {
                                span.ev { (text(&event.id)) } " "
                                @for (i, (field, value)) in event.summary.iter().enumerate() {
                                    @if i > 0 { " · " }
                                    (short_field(field.name())) " " strong { (text(&value_label(value))) }
                                }
                                " — "
                                @for (i, id) in rec.ids(&event.documents).enumerate() {
                                    @if i > 0 { ", " }
                                    @match self.doc_index(id) {
                                        Some(index) => a href=(format!("#{}", doc_anchor(index))) { code dir="ltr" { (text(id)) } },
                                        None => code dir="ltr" { (text(id)) },
                                    }
                                }
                            }
                            "\n"
                        }
                    }
                }
            }
            "\n"
        }
    }

    /// The ids of reconciled documents, by their indexes.
    fn ids<'d>(&self, documents: &'d [u32]) -> impl Iterator<Item = &'r str> + use<'r, 'd> {
        self.run.reconciliation.ids(documents)
    }

    fn doc_index(&self, id: &str) -> Option<usize> {
        self.run.documents.iter().position(|d| d.id == id)
    }

    fn matrix(&self) -> Markup {
        let fields = &self.run.reconciliation.fields;
        html! {
            section #fields {
                h2 { "Fields by source" }
                ul.legend aria-label="legend" {
                    @for v in CellVerdict::ALL {
                        li {
                            span class=(format!("swatch v-{}", v.class())) aria-hidden="true" { (v.symbol()) }
                            strong { (v.label()) } span.why { ": " (v.explanation()) }
                        }
                    }
                }
                @if fields.is_empty() {
                    p { "No source states any field." }
                } @else {
                    p.filter {
                        input type="checkbox" id="only-conflicts";
                        " "
                        label for="only-conflicts" { "show only fields with a conflict" }
                    }
                    div.scroll {
                        table #matrix {
                            colgroup { col; }
                            @for g in &self.groups {
                                colgroup span=(g.columns.len()) data-event=[g.event] {}
                            }
                            thead {
                                tr.events {
                                    th rowspan="2" scope="col" { "field" }
                                    @for g in &self.groups {
                                        th.event scope="colgroup" colspan=(g.columns.len()) {
                                            @match g.event {
                                                Some(e) => { "event " (text(e)) },
                                                None => "no event",
                                            }
                                        }
                                    }
                                }
                                "\n"
                                tr.docs {
                                    @for c in self.columns() {
                                        th scope="col" data-doc=(sanitize::line(&c.doc.id)) {
                                            a href=(format!("#{}", doc_anchor(c.index))) {
                                                code.id dir="ltr" { (text(&c.doc.id)) }
                                            }
                                        }
                                    }
                                }
                                "\n"
                            }
                            tbody {
                                @for f in fields {
                                    (self.row(f))
                                    "\n"
                                }
                            }
                        }
                    }
                }
            }
            "\n"
        }
    }

    fn row(&self, f: &FieldVerdict) -> Markup {
        let verdict = CellVerdict::of_field(f);
        html! {
            tr.row-conflict[f.status == Verdict::Conflict] id=(format!("field-{}", f.spec.name)) data-field=(f.spec.name) {
                th scope="row" {
                    (f.spec.label) br;
                    span class=(format!("badge v-{}", verdict.class())) {
                        span aria-hidden="true" { (verdict.symbol()) " " } (verdict.label())
                    }
                }
                @for c in self.columns() {
                    "\n" (self.cell(f, c))
                }
            }
        }
    }

    fn cell(&self, f: &FieldVerdict, column: &Column) -> Markup {
        let doc = column.doc;
        let verdict = self.cell_verdict(f, doc);
        // The first claim of each distinct value, in canonical order.
        let mut firsts: Vec<(usize, &Claim)> = Vec::new();
        for (i, claim) in doc.claims.iter().enumerate() {
            if claim.field == f.spec.field && !firsts.iter().any(|(_, c)| c.value == claim.value) {
                firsts.push((i, claim));
            }
        }
        firsts.sort_by(|a, b| a.1.value.cmp(&b.1.value));
        let title = format!("{} · {}: {}", doc.id, f.spec.label, verdict.label());
        html! {
            td class=(format!("cell v-{}", verdict.class()))
                data-verdict=(verdict.class())
                data-doc=(sanitize::line(&doc.id))
                title=(sanitize::line(&title)) {
                span.sym aria-hidden="true" { (verdict.symbol()) }
                span.sr { (verdict.label()) ": " }
                @if firsts.is_empty() {
                    span.silent-text { "silent" }
                } @else if f.spec.kind == FieldKind::List {
                    ul.chips {
                        @for (i, claim) in &firsts {
                            li {
                                a href=(format!("#{}", claim_anchor(column.index, *i))) data-value=(sanitize::line(&claim.value.key())) {
                                    span.en { (text(&value_label(&claim.value))) } " "
                                    bdi.ar lang="ar" dir="rtl" { (text(&claim.evidence.text)) }
                                }
                            }
                        }
                    }
                } @else {
                    @for (i, claim) in &firsts {
                        a href=(format!("#{}", claim_anchor(column.index, *i))) data-value=(sanitize::line(&claim.value.key())) {
                            span.en { (text(&value_label(&claim.value))) }
                            bdi.ar lang="ar" dir="rtl" { (text(&claim.evidence.text)) }
                        }
                    }
                }
            }
        }
    }

    /// What a document's cell says, from the field verdict and the conflicts its values are in.
    fn cell_verdict(&self, f: &FieldVerdict, doc: &DocumentResult) -> CellVerdict {
        let mine: Vec<usize> = f
            .values
            .iter()
            .enumerate()
            .filter(|(_, g)| self.ids(&g.documents).any(|d| d == doc.id))
            .map(|(i, _)| i)
            .collect();
        if mine.is_empty() {
            return CellVerdict::Silent;
        }
        let my_event = self.event_of.get(doc.id.as_str());
        let mut in_conflict = None;
        for c in &f.conflicts {
            let (a, b) = (c.a as usize, c.b as usize);
            let other = if mine.contains(&a) {
                b
            } else if mine.contains(&b) {
                a
            } else {
                continue;
            };
            // Within the event only when the other side has a source in this document's event.
            let same_event = self
                .ids(&f.values[other].documents)
                .any(|d| my_event.is_some() && self.event_of.get(d) == my_event);
            if same_event {
                return CellVerdict::ConflictWithin;
            }
            in_conflict = Some(CellVerdict::ConflictAcross);
        }
        if let Some(v) = in_conflict {
            return v;
        }
        match (f.status, f.spec.kind) {
            (Verdict::Single, _) => CellVerdict::Single,
            (Verdict::Varies, _) => CellVerdict::Varies,
            (Verdict::Partial, _) => {
                let set = |id: &str| -> Vec<&Value> {
                    f.values
                        .iter()
                        .filter(|g| self.ids(&g.documents).any(|d| d == id))
                        .map(|g| &g.value)
                        .collect()
                };
                let own = set(&doc.id);
                let stating = self
                    .columns()
                    .map(|c| set(&c.doc.id))
                    .filter(|s| !s.is_empty());
                if stating.into_iter().all(|s| s == own) {
                    CellVerdict::Agree
                } else {
                    CellVerdict::Partial
                }
            }
            (_, FieldKind::Scalar) if f.values.len() > 1 => CellVerdict::Compatible,
            _ => CellVerdict::Agree,
        }
    }

    fn conflicts(&self) -> Markup {
        let fields: Vec<&FieldVerdict> = self
            .run
            .reconciliation
            .fields
            .iter()
            .filter(|f| !f.conflicts.is_empty())
            .collect();
        html! {
            section #conflicts {
                h2 { "Conflicts" }
                @if fields.is_empty() {
                    p { "No two sources contradict each other." }
                }
                @for f in fields {
                    @for (n, c) in f.conflicts.iter().enumerate() {
                        (self.conflict(f, n, c))
                        "\n"
                    }
                }
            }
            "\n"
        }
    }

    fn conflict(&self, f: &FieldVerdict, n: usize, c: &crate::reconcile::Conflict) -> Markup {
        let (a, b) = f.sides(c);
        let verdict = match c.scope {
            Scope::WithinEvent => CellVerdict::ConflictWithin,
            Scope::AcrossEvents => CellVerdict::ConflictAcross,
        };
        let why = match c.scope {
            Scope::WithinEvent => format!(
                "within event {}: sources about the same meeting contradict each other",
                self.run.reconciliation.event_of(c).unwrap_or("?")
            ),
            Scope::AcrossEvents => {
                "across events: these sources most likely describe different meetings".to_owned()
            }
        };
        let first_a = self.first_claim(f.spec.name, &a.value, &a.documents);
        let first_b = self.first_claim(f.spec.name, &b.value, &b.documents);
        html! {
            article.conflict
                id=(format!("conflict-{}-{}", f.spec.name, n))
                data-field=(f.spec.name) data-scope=(verdict.class()) {
                h3 {
                    span class=(format!("badge v-{}", verdict.class())) {
                        span aria-hidden="true" { (verdict.symbol()) " " } (verdict.label())
                    }
                    " "
                    a href=(format!("#field-{}", f.spec.name)) { (f.spec.label) } ": "
                    (text(&value_label(&a.value))) " vs " (text(&value_label(&b.value)))
                    " " span.why { "(" (text(&why)) ")" }
                }
                div.sides {
                    @for g in [a, b] {
                        div.side {
                            h4 { (text(&value_label(&g.value))) }
                            ul.quotes {
                                @for (di, ci, d, claim) in self.claims_stating(f.spec.name, &g.value, &g.documents) {
                                    li {
                                        a href=(format!("#{}", claim_anchor(di, ci))) {
                                            code dir="ltr" { (text(&d.path)) ":" (claim.evidence.line) }
                                        }
                                        " «" bdi lang="ar" dir="rtl" { (text(&claim.evidence.text)) } "»"
                                    }
                                    "\n"
                                }
                            }
                        }
                    }
                }
                @if let (Some((da, ca)), Some((db, cb))) = (first_a, first_b) {
                    @let segments = diff::words(&ca.sentence.text, &cb.sentence.text);
                    div.diff {
                        h4 { "How the sentences differ, word by word" }
                        p.meta {
                            (format!("{:.0}", diff::similarity(&ca.sentence.text, &cb.sentence.text) * 100.0))
                            "% of words shared; " del { "struck" } ": only in the first sentence; "
                            ins { "underlined" } ": only in the second."
                        }
                        @for (d, claim, keep) in [(da, ca, "delete"), (db, cb, "insert")] {
                            div.diff-row {
                                span.who {
                                    code dir="ltr" { (text(&d.id)) } br;
                                    (text(&value_label(&claim.value))) ", line " (claim.sentence.line)
                                }
                                p lang="ar" dir="rtl" {
                                    @for seg in segments.iter().filter(|s| s.tag == "equal" || s.tag == keep) {
                                        @match seg.tag {
                                            "delete" => del { (text(&seg.text)) },
                                            "insert" => ins { (text(&seg.text)) },
                                            _ => (text(&seg.text)),
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The first claim stating `value` for `field` among the given documents.
    fn first_claim(
        &self,
        field: &str,
        value: &Value,
        docs: &[u32],
    ) -> Option<(&'r DocumentResult, &'r Claim)> {
        self.claims_stating(field, value, docs)
            .into_iter()
            .next()
            .map(|(_, _, d, c)| (d, c))
    }

    /// Every claim stating `value` for `field` in the given documents, with their indexes.
    fn claims_stating(
        &self,
        field: &str,
        value: &Value,
        docs: &[u32],
    ) -> Vec<(usize, usize, &'r DocumentResult, &'r Claim)> {
        let mut out = Vec::new();
        for id in self.ids(docs) {
            let Some((di, d)) = self
                .run
                .documents
                .iter()
                .enumerate()
                .find(|(_, d)| d.id == id)
            else {
                continue;
            };
            for (ci, c) in d.claims.iter().enumerate() {
                if c.field.name() == field && &c.value == value {
                    out.push((di, ci, d, c));
                }
            }
        }
        out
    }

    fn checks(&self) -> Markup {
        let checks = &self.run.reconciliation.checks;
        html! {
            @if !checks.is_empty() {
                section #checks {
                    h2 { "Weekday and date checks" }
                    ul {
                        @for c in checks {
                            li data-consistent=(c.consistent) {
                                @if c.consistent {
                                    span aria-hidden="true" { "✓ " } "consistent: "
                                } @else {
                                    strong { span aria-hidden="true" { "✗ " } "inconsistent: " }
                                }
                                (text(&c.message))
                            }
                        }
                    }
                }
                "\n"
            }
        }
    }

    fn inputs(&self) -> Markup {
        let run = self.run;
        let unread: Vec<&DocumentResult> = run
            .documents
            .iter()
            .filter(|d| d.status != Status::Ok)
            .collect();
        let quiet: Vec<&DocumentResult> = run
            .documents
            .iter()
            .filter(|d| d.status == Status::Ok && d.claims.is_empty())
            .collect();
        let findings: Vec<(usize, &DocumentResult, &crate::extract::Finding)> = run
            .documents
            .iter()
            .enumerate()
            .flat_map(|(i, d)| d.findings.iter().map(move |f| (i, d, f)))
            .filter(|(_, _, f)| {
                !matches!(
                    f.kind,
                    crate::extract::FindingKind::NoClaims | crate::extract::FindingKind::NoArabic
                )
            })
            .collect();
        html! {
            section #inputs {
                h2 { "Skipped and failed inputs" }
                @if unread.is_empty() {
                    p { "None: every input was read." }
                } @else {
                    table.inputs {
                        thead { tr { th scope="col" { "status" } th scope="col" { "input" } th scope="col" { "reason" } } }
                        tbody {
                            @for d in &unread {
                                tr data-status=(status_name(d.status)) {
                                    td { (status_name(d.status)) }
                                    td { code dir="ltr" { (text(&d.path)) } }
                                    td { (text(d.reason.as_deref().unwrap_or(""))) }
                                }
                                "\n"
                            }
                        }
                    }
                }
                @if !quiet.is_empty() {
                    h3 { "Read, but no claims found" }
                    ul {
                        @for d in &quiet {
                            li {
                                code dir="ltr" { (text(&d.path)) } ": "
                                (text(d.findings.first().map_or("", |f| f.message.as_str())))
                            }
                        }
                    }
                }
                @if !findings.is_empty() {
                    h3 { "Suspicious input" }
                    ul {
                        @for (i, d, f) in &findings {
                            li data-kind=(finding_name(f.kind)) {
                                a href=(format!("#{}", doc_anchor(*i))) { code dir="ltr" { (text(&d.path)) } }
                                @if let Some(e) = &f.evidence { ":" (e.line) }
                                ": " (text(&f.message))
                            }
                        }
                    }
                }
            }
            "\n"
        }
    }

    fn articles(&self) -> Markup {
        html! {
            section #articles {
                h2 { "The evidence in each article" }
                p.lede {
                    "Each article, with every claim's words marked (where the run kept only claims, the sentences that carry them). "
                    "Control and direction-override characters are shown as boxed codes."
                }
                @for c in self.columns() {
                    (article(c.index, c.doc))
                    "\n"
                }
            }
            "\n"
        }
    }
}

fn article(index: usize, doc: &DocumentResult) -> Markup {
    let (passages, full) = passages(doc);
    let mut placed = BTreeSet::new();
    let rendered: Vec<Markup> = passages
        .iter()
        .map(|p| passage(index, doc, p, &mut placed))
        .collect();
    html! {
        article.article id=(doc_anchor(index)) data-doc=(sanitize::line(&doc.id)) {
            h3 { code dir="ltr" { (text(&doc.id)) } }
            @if let Some(title) = &doc.title {
                p.title lang="ar" dir="auto" { (text(title)) }
            }
            p.meta {
                code dir="ltr" { (text(&doc.path)) }
                @if let Some(enc) = doc.encoding { " · " (enc) }
                " · " (doc.claims.len()) " claims · "
                @if full { "whole text · " } @else { "only the sentences that carry a claim · " }
                a.back href="#fields" { "back to the matrix" }
            }
            @let mut last_end = None;
            @for (p, markup) in passages.iter().zip(rendered) {
                @if !full && last_end.is_some_and(|end| p.start > end) {
                    p.gap aria-hidden="true" { "⋯" }
                }
                @let _ = last_end.replace(p.end());
                div.passage {
                    span.ln { "line " (p.line) }
                    p lang="ar" dir="rtl" { (markup) }
                }
                "\n"
            }
            @if !doc.claims.is_empty() {
                details {
                    summary { "every claim in this article (" (doc.claims.len()) ")" }
                    table.claims {
                        thead { tr { th scope="col" { "field" } th scope="col" { "value" } th scope="col" { "line" } th scope="col" { "words" } th scope="col" { "note" } } }
                        tbody {
                            @for (ci, claim) in doc.claims.iter().enumerate() {
                                @let anchor = claim_anchor(index, ci);
                                tr id=[(!placed.contains(&ci)).then(|| anchor.clone())] {
                                    td { code dir="ltr" { (claim.field) } }
                                    td { (text(&value_label(&claim.value))) }
                                    td { (claim.evidence.line) }
                                    td { a href=(format!("#{anchor}")) { bdi lang="ar" dir="rtl" { (text(&claim.evidence.text)) } } }
                                    td { @if let Some(note) = &claim.note { (text(note)) } }
                                }
                                "\n"
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A stretch of an article's text: one sentence, or several overlapping ones merged.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Passage<'a> {
    /// Byte offset of `text` in the document (the same offsets as evidence).
    start: usize,
    line: usize,
    text: Cow<'a, str>,
}

impl Passage<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// What the article view shows of a document: its whole text, line by line, when the run kept
/// it and every claim's evidence matches it; otherwise the sentences that carry claims.
fn passages(doc: &DocumentResult) -> (Vec<Passage<'_>>, bool) {
    match &doc.text {
        Some(text)
            if doc
                .claims
                .iter()
                .all(|c| evidence_matches(text, &c.evidence)) =>
        {
            (text_lines(doc, text), true)
        }
        _ => (sentences(doc), false),
    }
}

/// Whether evidence points at its own words in `text` (its text may be the sanitised form).
fn evidence_matches(text: &str, e: &crate::extract::Evidence) -> bool {
    text.get(e.start..e.end)
        .is_some_and(|t| t == e.text || sanitize::lines(t) == e.text || sanitize::line(t) == e.text)
}

/// The non-blank lines of the whole text; lines that one claim's evidence spans are joined.
fn text_lines<'a>(doc: &DocumentResult, text: &'a str) -> Vec<Passage<'a>> {
    let mut out: Vec<Passage> = Vec::new();
    let mut start = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let from = start;
        start += line.len();
        let shown = line.trim_end_matches(['\n', '\r']);
        if let Some(last) = out.last_mut()
            && doc
                .claims
                .iter()
                .any(|c| c.evidence.start < last.end() && c.evidence.end > last.end())
        {
            let to = from + shown.len();
            last.text = Cow::Borrowed(&text[last.start..to]);
            continue;
        }
        if shown.trim().is_empty() {
            continue;
        }
        out.push(Passage {
            start: from,
            line: n + 1,
            text: Cow::Borrowed(shown),
        });
    }
    out
}

/// The distinct sentences of a document's claims, in text order, overlapping ones merged.
fn sentences(doc: &DocumentResult) -> Vec<Passage<'_>> {
    let mut sentences: Vec<&crate::extract::Evidence> =
        doc.claims.iter().map(|c| &c.sentence).collect();
    sentences.sort_by_key(|s| (s.start, s.end));
    sentences.dedup_by_key(|s| (s.start, s.end));
    let mut out: Vec<Passage> = Vec::new();
    for s in sentences {
        if s.text.len() != s.end.saturating_sub(s.start) {
            continue;
        }
        if let Some(last) = out.last_mut()
            && s.start < last.end()
        {
            if s.end > last.end()
                && let Some(tail) = s.text.get(last.end() - s.start..)
            {
                last.text.to_mut().push_str(tail);
            }
            continue;
        }
        out.push(Passage {
            start: s.start,
            line: s.line,
            text: Cow::Borrowed(&s.text),
        });
    }
    out
}

/// A passage with every claim span inside it marked, and an anchor for each claim.
fn passage(
    index: usize,
    doc: &DocumentResult,
    p: &Passage,
    placed: &mut BTreeSet<usize>,
) -> Markup {
    let inside: Vec<(usize, &Claim)> = doc
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.evidence.start >= p.start
                && c.evidence.end <= p.end()
                && c.evidence.start <= c.evidence.end
                && p.text.is_char_boundary(c.evidence.start - p.start)
                && p.text.is_char_boundary(c.evidence.end - p.start)
        })
        .collect();
    let mut cuts: BTreeSet<usize> = BTreeSet::from([p.start, p.end()]);
    for (_, c) in &inside {
        cuts.insert(c.evidence.start);
        cuts.insert(c.evidence.end);
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut pieces: Vec<Markup> = Vec::new();
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        let starting: Vec<usize> = inside
            .iter()
            .filter(|(_, c)| c.evidence.start == from)
            .map(|(i, _)| *i)
            .collect();
        let covering: Vec<&Claim> = inside
            .iter()
            .filter(|(_, c)| c.evidence.start <= from && c.evidence.end >= to)
            .map(|(_, c)| *c)
            .collect();
        let piece = &p.text[from - p.start..to - p.start];
        // The mark carries the id of the first claim starting here; any other claim starting
        // at the same place gets an empty anchor just before it.
        let (mark_id, extra) = match (covering.is_empty(), starting.split_first()) {
            (false, Some((first, rest))) => (Some(*first), rest.to_vec()),
            (_, _) => (None, starting.clone()),
        };
        placed.extend(starting.iter().copied());
        let title: Vec<String> = covering
            .iter()
            .map(|c| format!("{}: {}", c.field, c.value.key()))
            .collect();
        pieces.push(html! {
            @for i in &extra {
                span.anchor id=(claim_anchor(index, *i)) {}
            }
            @if covering.is_empty() {
                (text(piece))
            } @else {
                mark id=[mark_id.map(|i| claim_anchor(index, i))] title=(sanitize::line(&title.join("; "))) {
                    (text(piece))
                }
            }
        });
    }
    // A claim that ends exactly where the passage ends and is empty still needs its anchor.
    let trailing: Vec<usize> = inside
        .iter()
        .filter(|(i, c)| !placed.contains(i) && c.evidence.start == p.end())
        .map(|(i, _)| *i)
        .collect();
    placed.extend(trailing.iter().copied());
    html! {
        @for piece in pieces { (piece) }
        @for i in trailing { span.anchor id=(claim_anchor(index, i)) {} }
    }
}

/// Untrusted text as HTML: escaped by maud, with control, direction-override and isolate
/// characters shown as a visible boxed code instead of acting on the page. Line feeds stay (they
/// only show where the element keeps white space).
fn text(s: &str) -> Markup {
    let shown = |c: char| !sanitize::is_unsafe(c) || matches!(c, '\n' | '\t');
    if s.chars().all(shown) {
        return html! { (s) };
    }
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut from = 0;
    for (i, c) in s.char_indices() {
        if !shown(c) {
            if from < i {
                parts.push((false, &s[from..i]));
            }
            parts.push((true, &s[i..i + c.len_utf8()]));
            from = i + c.len_utf8();
        }
    }
    if from < s.len() {
        parts.push((false, &s[from..]));
    }
    html! {
        @for (control, part) in parts {
            @if control {
                @if part == "\r" {
                } @else {
                    span.ctl title=(format!("control character U+{:04X}", part.chars().next().map_or(0, u32::from))) {
                        (sanitize::line(part))
                    }
                }
            } @else {
                (part)
            }
        }
    }
}

/// A value for people: weekday names capitalised, ids with spaces, people by their English name.
fn value_label(v: &Value) -> String {
    match v {
        Value::Weekday(_) => {
            let key = v.key();
            let mut chars = key.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
        Value::MeetingType(_) | Value::Topic(_) => v.key().replace('_', " "),
        Value::Entities(es) => es
            .iter()
            .map(|e| e.name_en.clone().unwrap_or_else(|| e.id.clone()))
            .collect::<Vec<_>>()
            .join(" + "),
        _ => v.key(),
    }
}

fn short_field(f: &str) -> String {
    f.strip_prefix("meeting_").unwrap_or(f).replace('_', " ")
}

fn finding_name(kind: crate::extract::FindingKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Ok => "ok",
        Status::Skipped => "skipped",
        Status::Error => "failed",
    }
}

/// Ids are built from indexes only, so nothing from an article or a path reaches an id.
fn doc_anchor(index: usize) -> String {
    format!("doc-{index}")
}

fn claim_anchor(doc: usize, claim: usize) -> String {
    format!("ev-{doc}-{claim}")
}

/// SHA-256 (FIPS 180-4), for the style sheet's hash in the Content-Security-Policy.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (t, word) in block.chunks_exact(4).enumerate() {
            w[t] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for t in 16..64 {
            let s0 = w[t - 15].rotate_right(7) ^ w[t - 15].rotate_right(18) ^ (w[t - 15] >> 3);
            let s1 = w[t - 2].rotate_right(17) ^ w[t - 2].rotate_right(19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// Standard base64 with padding, as CSP hash sources are written.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Decoded, Offsets};
    use crate::lexicon::gazetteer::Gazetteer;
    use crate::run::{process_text, reconcile_documents};

    fn doc(id: &str, text: &str) -> DocumentResult {
        let decoded = Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            offsets: Offsets::FileBytes,
        };
        process_text(
            id,
            &format!("in/{id}.txt"),
            decoded,
            Gazetteer::builtin(),
            true,
        )
    }

    fn page(docs: Vec<DocumentResult>) -> String {
        let reconciliation = reconcile_documents(&docs);
        let run = Run {
            documents: docs,
            reconciliation,
        };
        let mut out = Vec::new();
        write(&run, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sha256_and_base64_match_known_vectors() {
        assert_eq!(
            base64(&sha256(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            base64(&sha256(b"")),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        assert_eq!(
            base64(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE="
        );
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"a"), "YQ==");
    }

    #[test]
    fn hostile_text_is_shown_as_text() {
        let html = page(vec![doc(
            "a",
            "<script>alert(1)</script>\nعقد التحالف اجتماعه في الرياض يوم الاثنين \u{202E}<img src=x onerror=alert(2)>\" وانضمت سوريا كعضو رقم 90.\n",
        )]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;&quot;"));
        assert!(!html.contains('\u{202E}'));
        assert!(html.contains("<U+202E>") || html.contains("&lt;U+202E&gt;"));
    }

    #[test]
    fn the_policy_allows_only_the_page_style() {
        let html = page(vec![doc("a", "عقد الاجتماع في الرياض يوم الاثنين.")]);
        let csp = content_security_policy();
        assert!(csp.starts_with("default-src 'none'; style-src 'sha256-"));
        assert!(html.contains(&format!("content=\"{csp}\"")));
        assert_eq!(html.matches("<style>").count(), 1);
        assert!(html.contains(&format!("<style>{CSS}</style>")));
        assert!(!html.contains(" style="));
    }

    #[test]
    fn overlapping_spans_are_all_marked_and_anchored() {
        let d = doc(
            "a",
            "استضافت العاصمة السعودية الرياض يوم الاثنين اجتماع التحالف.",
        );
        let html = page(vec![d.clone()]);
        for i in 0..d.claims.len() {
            let id = format!("id=\"{}\"", claim_anchor(0, i));
            assert_eq!(html.matches(&id).count(), 1, "{id} in {html}");
        }
    }

    #[test]
    fn passages_merge_overlapping_sentences() {
        let claim = |s: usize, text: &str| Claim {
            field: crate::extract::Field::MemberCount,
            value: Value::Count(1),
            evidence: crate::extract::Evidence {
                text: text.to_owned(),
                start: s,
                end: s + text.len(),
                line: 1,
            },
            sentence: crate::extract::Evidence {
                text: text.to_owned(),
                start: s,
                end: s + text.len(),
                line: 1,
            },
            note: None,
            role: crate::extract::Role::Reading,
        };
        let mut d = doc("a", "");
        d.claims = vec![claim(0, "abcdef"), claim(3, "defgh"), claim(20, "xyz")];
        d.text = None;
        let ps = sentences(&d);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].text, "abcdefgh");
        assert_eq!(ps[1].start, 20);
    }

    #[test]
    fn same_input_same_bytes() {
        let make = || {
            page(vec![
                doc("a", "اجتماع في الرياض يوم الاثنين"),
                doc("b", "اجتماع في جدة يوم الخميس"),
            ])
        };
        assert_eq!(make(), make());
    }
}
