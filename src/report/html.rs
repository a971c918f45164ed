//! The HTML report: one self-contained page (inline CSS, no script, no external resource) that
//! leads with the contradictions, then shows each event, folded, with its verdicts.
//!
//! Everything from an article or a file name goes through maud, which escapes by default, after
//! the sanitiser has made control and direction-override characters visible. Arabic stands in
//! `lang="ar" dir="rtl"` elements or `<bdi>`; paths and ids are left-to-right. The same run
//! gives the same bytes, and the page grows with the documents, never with pairs of them.

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, html};

use crate::reconcile::{Doc, Resolved, Verdict};

use super::{Outcome, sanitize};

/// The page's whole style sheet. Its SHA-256 goes into the Content-Security-Policy, so it is the
/// only style the page may apply.
const CSS: &str = r#"
body{margin:0;padding:20px 28px 60px;color:#1b1d21;font:15px/1.5 system-ui,sans-serif}
:lang(ar){font-family:"Noto Naskh Arabic","Noto Sans Arabic",Tahoma,sans-serif}
h2{border-bottom:2px solid #d3d7dd;margin-top:28px}
.contradiction{border:1px solid #d3d7dd;border-left:6px solid #d55e00;border-radius:8px;padding:8px 14px;margin:10px 0}
table{border-collapse:collapse}
td,th{border:1px solid #d3d7dd;padding:4px 8px;text-align:start;vertical-align:top}
.conflict{background:#fbe1d0}
.id{font-family:ui-monospace,monospace;font-size:.85em;unicode-bidi:isolate}
details{margin:8px 0}
summary{cursor:pointer}
"#;

/// Writes the HTML report: one page, deterministic bytes, ending in a newline.
pub fn write(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(outcome).into_string().as_bytes())?;
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

fn text(s: &str) -> String {
    sanitize::line(s).into_owned()
}

fn quote(r: &Resolved, d: Doc, field: crate::extract::Field) -> Markup {
    let reading = r.collection.reading(d);
    let q = r.collection.scalar(d, field).map(|(_, q)| q);
    html! {
        li {
            span.id { (text(&reading.path)) @if let Some(q) = q { ":" (q.line) } }
            @if let Some(q) = q { " " q lang="ar" dir="rtl" { (text(&q.text)) } }
        }
    }
}

/// The whole page.
pub fn render(outcome: &Outcome) -> Markup {
    let r = &outcome.resolved;
    let t = outcome.totals;
    html! {
        (DOCTYPE) "\n"
        html lang="en" dir="ltr" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(content_security_policy());
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "reconcile report" }
                style { (maud::PreEscaped(CSS)) }
            }
            body {
                h1 { "reconcile report" }
                p {
                    (t.documents) " documents (" (t.ok) " read, " (t.skipped) " skipped, "
                    (t.errors) " failed) · " (r.events.len()) " events · "
                    (r.contradictions.len()) " contradictions · "
                    (r.unattached.len()) " unattached"
                }
                h2 { "Contradictions" }
                @if r.contradictions.is_empty() { p { "No two sources about one meeting disagree." } }
                @for c in &r.contradictions {
                    @let e = &r.events[c.event];
                    section.contradiction {
                        h3 { (e.id) " " (text(&e.label)) ": " (c.field.label()) }
                        @for side in &c.sides {
                            p { strong { (text(&r.value(side.entry).key())) } }
                            ul { @for &d in &side.documents { (quote(r, d, side.field)) } }
                        }
                    }
                }
                h2 { "Events" }
                @for e in &r.events {
                    details {
                        summary { strong { (e.id) } " " (text(&e.label)) " (" (e.documents.len()) " documents)" }
                        p { "Joined by: " (text(&e.why.join("; "))) }
                        table {
                            thead { tr { th { "field" } th { "verdict" } th { "values" } } }
                            tbody {
                                @for j in &e.fields {
                                    tr class=[(j.verdict == Verdict::Conflict).then_some("conflict")] {
                                        th { (j.field.label()) }
                                        td { (format!("{:?}", j.verdict).to_lowercase()) }
                                        td {
                                            @for g in &j.values {
                                                div { (text(&r.value(g.entry).key())) ": "
                                                    span.id { (text(&r.named(&g.documents))) } }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !r.near.is_empty() {
                    h2 { "Near events" }
                    ul { @for n in &r.near {
                        li { (r.events[n.events.0].id) " ~ " (r.events[n.events.1].id) ": " (text(&n.kept_apart_because)) }
                    } }
                }
                @if !r.unattached.is_empty() {
                    h2 { "Documents that report no meeting" }
                    ul { @for &d in &r.unattached {
                        li { span.id { (text(r.id(d))) } " " (text(r.collection.reading(d).no_meeting.as_deref().unwrap_or(""))) }
                    } }
                }
                @if !outcome.unread.is_empty() {
                    h2 { "Skipped and failed inputs" }
                    ul { @for u in &outcome.unread {
                        li { span.id { (text(&u.path)) } ": " (text(&u.reason)) }
                    } }
                }
            }
        }
    }
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
