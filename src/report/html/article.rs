//! Each article's text with every claim's words marked and anchored: readings (what the article
//! says about its meeting) filled, mentions (values about something else) underlined and dashed,
//! each with its field, value and note; then the claims as two tables, mentions first.
//!
//! The text is shown line by line (lines that one claim's words run across are joined); when
//! the run kept no text, the sentences that carry the claims. Everything is laid out in one pass
//! over the claims sorted by position: time grows with the size of the article and its claims,
//! never with their product, so a 16 MB article with thousands of claims takes no longer than
//! its bytes.

use std::borrow::Cow;

use maud::{Markup, PreEscaped, Render, html};

use crate::extract::{Claim, Role};
use crate::reconcile::Doc;
use crate::run::DocumentResult;

use super::{
    Line, Page, Shown, claim_anchor, doc_anchor, event_anchor, plural, value, value_label,
};

/// Fields and values named in one mark's tooltip before the rest are counted.
const TITLE_CLAIMS: usize = 4;

pub(super) fn section_head() -> Markup {
    html! {
        (maud::PreEscaped("<section id=\"articles\">"))
        h2 { "The words in each article" }
        p.lede {
            "Each article as read, every claim's words marked: "
            mark.reading { "a reading" } " is what the article says about the meeting it reports; "
            mark.mention { "a mention" } " is a value it gives about something else (another meeting, the day of a statement, background), "
            "which takes no part in any verdict. Hover a mark for its field and value. "
            "Control and direction characters are shown as boxed codes."
        }
    }
}

/// A claim's words in the text: byte offsets (end exclusive) and the claim's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
    claim: u32,
    /// A later place of a repeated claim (`Claim::more_evidence`): marked, without the claim's
    /// anchor, which stands at its first place.
    again: bool,
}

/// A stretch of the article shown as one block: one line, several joined, or sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Passage<'a> {
    /// Byte offset of `text` in the document (the offsets evidence uses).
    start: usize,
    line: usize,
    text: Cow<'a, str>,
}

impl Passage<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

pub(super) fn article(page: &Page, d: Doc, doc: &DocumentResult) -> Markup {
    let r = page.r;
    let reading = r.collection.reading(d);
    let spans = spans(&doc.claims);
    let (passages, whole) = match &doc.text {
        Some(text) => (text_passages(text, &spans), true),
        None => (sentence_passages(&doc.claims), false),
    };
    let mut placed = vec![false; doc.claims.len()];
    let blocks = lay_out(d, doc, &passages, &spans, &mut placed);
    let readings = doc
        .claims
        .iter()
        .filter(|c| c.role == Role::Reading)
        .count();
    let mentions = doc.claims.len() - readings;
    let event = r.event_of.get(d as usize).copied().flatten();
    html! {
        article.article id=(doc_anchor(d)) data-doc=(Line(&reading.id)) {
            h3 {
                @if let Some(title) = &reading.title {
                    bdi lang="ar" { (Line(title)) } " "
                }
                code dir="ltr" { (Line(&reading.id)) }
            }
            p.meta {
                code dir="ltr" { (Line(&reading.path)) }
                @if let Some(enc) = doc.encoding { " · " (enc) }
                " · "
                @match event {
                    Some(e) => {
                        "reports " a href=(format!("#{}", event_anchor(e as usize))) {
                            (r.events[e as usize].id)
                        }
                    },
                    None => {
                        "reports no meeting"
                        @if let Some(why) = &reading.no_meeting { ": " (Line(why)) }
                    },
                }
                " · " (plural(readings, "reading")) ", " (plural(mentions, "mention"))
                @if !whole { " · only the sentences that carry a claim" }
            }
            @let mut last_end: Option<usize> = None;
            @for (p, block) in passages.iter().zip(blocks) {
                @if !whole && last_end.is_some_and(|end| p.start > end) {
                    p.gap aria-hidden="true" { "⋯" }
                }
                @let _ = last_end.replace(p.end());
                div.passage {
                    span.ln { "line " (p.line) }
                    p lang="ar" dir="rtl" { (block) }
                }
            }
            @if mentions > 0 {
                (claims_table(d, doc, Role::Mention, &placed))
            }
            @if readings > 0 {
                (claims_table(d, doc, Role::Reading, &placed))
            }
        }
    }
}

/// The claims of one role: field, value, line, words (linked to their mark) and note. A claim
/// whose words could not be marked in the text gets its anchor on its row.
fn claims_table(d: Doc, doc: &DocumentResult, role: Role, placed: &[bool]) -> Markup {
    let (class, heading, open) = match role {
        Role::Mention => (
            "mention",
            "Mentions: values not about this article's meeting",
            true,
        ),
        Role::Reading => ("reading", "Readings: what it says about its meeting", false),
    };
    let count = doc.claims.iter().filter(|c| c.role == role).count();
    html! {
        details.claims open[open] {
            summary { (heading) " (" (count) ")" }
            table {
                thead { tr { th scope="col" { "field" } th scope="col" { "value" } th scope="col" { "line" } th scope="col" { "words" } th scope="col" { "note" } } }
                tbody {
                    @for (i, c) in doc.claims.iter().enumerate().filter(|(_, c)| c.role == role) {
                        @let anchor = claim_anchor(d, super::to_u32(i));
                        tr class=(class) id=[(!placed[i]).then(|| anchor.clone())] data-field=(c.field.name()) {
                            td { (c.field.label()) }
                            td { (value(&c.value)) }
                            td { (c.evidence.line) }
                            td {
                                a href=(format!("#{anchor}")) { bdi lang="ar" dir="rtl" { (Line(&c.evidence.text)) } }
                                @if c.count > 1 { " " span.count title=(format!("stated {} times", c.count)) { "×" (c.count) } }
                            }
                            td { @if let Some(note) = &c.note { (Line(note)) } }
                        }
                    }
                }
            }
        }
    }
}

/// Every claim's words, at each place listed, sorted by start (longest first), then by claim
/// order.
fn spans(claims: &[Claim]) -> Vec<Span> {
    let mut spans: Vec<Span> = claims
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            let claim = super::to_u32(i);
            std::iter::once((&c.evidence, false))
                .chain(c.more_evidence.iter().map(|e| (e, true)))
                .map(move |(e, again)| Span {
                    start: e.start,
                    end: e.end,
                    claim,
                    again,
                })
        })
        .filter(|s| s.start < s.end)
        .collect();
    spans.sort_unstable_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.claim));
    spans
}

/// The non-blank lines of the whole text, in one pass; a line that a claim's words run into
/// joins the passage they start in.
fn text_passages<'t>(text: &'t str, spans: &[Span]) -> Vec<Passage<'t>> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new(); // start, end, line
    let mut open = false;
    // The furthest end of the words that start in the open passage.
    let mut reach = 0;
    let mut k = 0;
    let mut at = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let from = at;
        at += line.len();
        let shown_end = from + line.trim_end_matches(['\n', '\r']).len();
        match out.last_mut() {
            Some(last) if open && reach > last.1 => last.1 = shown_end.max(last.1),
            _ => {
                let starts_here = spans.get(k).is_some_and(|s| s.start < at);
                if line.trim().is_empty() && !starts_here {
                    open = false;
                    continue;
                }
                out.push((from, shown_end, n + 1));
                open = true;
                reach = 0;
            }
        }
        while let Some(s) = spans.get(k).filter(|s| s.start < at) {
            reach = reach.max(s.end);
            k += 1;
        }
    }
    out.into_iter()
        .map(|(start, end, line)| Passage {
            start,
            line,
            text: Cow::Borrowed(&text[start..end]),
        })
        .collect()
}

/// The distinct sentences of the claims, in text order, overlapping ones merged.
fn sentence_passages(claims: &[Claim]) -> Vec<Passage<'_>> {
    let mut sentences: Vec<&crate::extract::Evidence> = claims
        .iter()
        .filter_map(|c| c.sentence.as_ref())
        .filter(|s| s.text.len() == s.end.saturating_sub(s.start))
        .collect();
    sentences.sort_by_key(|s| (s.start, s.end));
    sentences.dedup_by_key(|s| (s.start, s.end));
    let mut out: Vec<Passage> = Vec::new();
    for s in sentences {
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

/// Each passage with the words of the claims inside it marked, walking passages and spans
/// (both sorted) together. A claim whose words do not lie within one passage, or differ from
/// the text there, is left unmarked (`placed` stays false).
fn lay_out(
    d: Doc,
    doc: &DocumentResult,
    passages: &[Passage],
    spans: &[Span],
    placed: &mut [bool],
) -> Vec<Markup> {
    let mut k = 0;
    let mut out = Vec::with_capacity(passages.len());
    for p in passages {
        while spans.get(k).is_some_and(|s| s.start < p.start) {
            k += 1;
        }
        let mut inside = Vec::new();
        while let Some(&s) = spans.get(k).filter(|s| s.start < p.end()) {
            k += 1;
            let claim = &doc.claims[s.claim as usize];
            let words = p.text.get(s.start - p.start..s.end.saturating_sub(p.start));
            if s.end <= p.end() && words == Some(claim.evidence.text.as_str()) {
                inside.push(s);
            }
        }
        out.push(marked(d, doc, p, &inside, placed));
    }
    out
}

/// One passage, cut at every start and end of the words inside it; each piece is marked with
/// the claims that cover it, and each claim's anchor stands where its words start.
fn marked(
    d: Doc,
    doc: &DocumentResult,
    p: &Passage,
    inside: &[Span],
    placed: &mut [bool],
) -> Markup {
    if inside.is_empty() {
        return html! { (Shown(&p.text)) };
    }
    let mut cuts: Vec<usize> = Vec::with_capacity(inside.len() * 2 + 2);
    cuts.extend([p.start, p.end()]);
    cuts.extend(inside.iter().flat_map(|s| [s.start, s.end]));
    cuts.sort_unstable();
    cuts.dedup();
    // The spans covering the current piece, as indexes into `inside`.
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut out = String::with_capacity(p.text.len() * 2);
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        active.retain(|&i| inside[i].end > from);
        let first_new = active.len();
        while inside.get(next).is_some_and(|s| s.start == from) {
            active.push(next);
            next += 1;
        }
        let piece = &p.text[from - p.start..to - p.start];
        if active.is_empty() {
            Shown(piece).render_to(&mut out);
            continue;
        }
        // A claim's anchor stands at its first place only.
        let starting: Vec<usize> = active[first_new..]
            .iter()
            .copied()
            .filter(|&i| !inside[i].again)
            .collect();
        for &i in &starting {
            placed[inside[i].claim as usize] = true;
        }
        let claims: Vec<&Claim> = active
            .iter()
            .map(|&i| &doc.claims[inside[i].claim as usize])
            .collect();
        let reading = claims.iter().any(|c| c.role == Role::Reading);
        // The mark carries the anchor of the first claim starting here; any other claim
        // starting here gets an empty anchor just before it.
        html! {
            @for &i in starting.iter().skip(1) {
                span.anchor id=(claim_anchor(d, inside[i].claim)) {}
            }
            mark class=(if reading { "reading" } else { "mention" })
                id=[starting.first().map(|&i| claim_anchor(d, inside[i].claim))]
                title=(Line(&tooltip(&claims))) {
                (Shown(piece))
            }
        }
        .render_to(&mut out);
    }
    PreEscaped(out)
}

/// What a mark stands for: each claim's field and value, and for a mention its note.
fn tooltip(claims: &[&Claim]) -> String {
    let mut parts: Vec<String> = claims
        .iter()
        .take(TITLE_CLAIMS)
        .map(|c| {
            let mut s = format!("{}: {}", c.field.label(), value_label(&c.value));
            if c.role == Role::Mention {
                s.push_str(" (mention");
                if let Some(note) = &c.note {
                    s.push_str(": ");
                    s.push_str(note);
                }
                s.push(')');
            }
            s
        })
        .collect();
    if claims.len() > TITLE_CLAIMS {
        parts.push(format!("and {} more", claims.len() - TITLE_CLAIMS));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Evidence, Field, Value};

    fn claim(start: usize, text: &str, role: Role) -> Claim {
        let ev = Evidence {
            text: text.to_owned(),
            start,
            end: start + text.len(),
            line: 1,
        };
        Claim {
            field: Field::MemberCount,
            value: Value::Count(1),
            evidence: ev.clone(),
            sentence: Some(ev),
            note: (role == Role::Mention).then(|| "another meeting".to_owned()),
            role,
            count: 1,
            more_evidence: Vec::new(),
        }
    }

    #[test]
    fn lines_join_where_words_run_across_them() {
        let text = "ab\n\ncd\nef\n\ngh";
        let claims = [claim(5, "d\ne", Role::Reading)];
        let ps = text_passages(text, &spans(&claims));
        let shown: Vec<(&str, usize)> = ps.iter().map(|p| (&*p.text, p.line)).collect();
        assert_eq!(shown, [("ab", 1), ("cd\nef", 3), ("gh", 6)]);
    }

    #[test]
    fn sentences_merge_where_they_overlap() {
        let claims = [
            claim(0, "abcdef", Role::Reading),
            claim(3, "defgh", Role::Reading),
            claim(20, "xyz", Role::Reading),
        ];
        let ps = sentence_passages(&claims);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].text, "abcdefgh");
        assert_eq!(ps[1].start, 20);
    }

    fn doc(text: &str, claims: Vec<Claim>) -> DocumentResult {
        DocumentResult {
            id: "a".into(),
            stem: "a".into(),
            rel: "a".into(),
            path: "a.txt".into(),
            status: crate::document::Status::Ok,
            reason: None,
            unreadable: false,
            title: None,
            encoding: Some("UTF-8"),
            offsets: None,
            claims,
            findings: Vec::new(),
            meeting: None,
            text: Some(text.to_owned()),
        }
    }

    #[test]
    fn overlapping_words_are_all_marked_and_anchored_once() {
        let text = "قال إن سبعين دولة حضرت";
        let c1 = claim(0, "قال إن سبعين", Role::Reading);
        let c2 = claim("قال إن ".len(), "سبعين دولة", Role::Mention);
        let c3 = claim("قال إن ".len(), "سبعين", Role::Mention);
        let d = doc(text, vec![c1, c2, c3]);
        let spans = spans(&d.claims);
        let ps = text_passages(text, &spans);
        let mut placed = vec![false; 3];
        let html = lay_out(0, &d, &ps, &spans, &mut placed)
            .into_iter()
            .map(Markup::into_string)
            .collect::<String>();
        assert_eq!(placed, [true, true, true]);
        for i in 0..3 {
            assert_eq!(
                html.matches(&format!("id=\"ev-0-{i}\"")).count(),
                1,
                "{html}"
            );
        }
        assert!(html.contains("class=\"reading\"") && html.contains("class=\"mention\""));
        assert!(
            html.contains("another meeting"),
            "a mention's note is in its title"
        );
        let unmarked: String = html
            .split('<')
            .map(|s| s.split_once('>').map_or(s, |(_, t)| t))
            .collect();
        assert_eq!(unmarked, text, "the text is whole, in order");
    }

    #[test]
    fn words_that_do_not_match_the_text_are_left_to_the_table() {
        let text = "سطر أول\nسطر ثان";
        let d = doc(text, vec![claim(0, "غير هذا", Role::Reading)]);
        let spans = spans(&d.claims);
        let ps = text_passages(text, &spans);
        let mut placed = vec![false; 1];
        lay_out(0, &d, &ps, &spans, &mut placed);
        assert_eq!(placed, [false]);
    }
}
