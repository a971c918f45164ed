//! Prints what the extractor sees in one file: tokens, entities, cues, numbers, dates, claims.
//! A tool for developing lexicons: `cargo run --example analyse -- FILE`.

use reconcile::extract::Analysis;
use reconcile::lexicon::gazetteer::Gazetteer;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: analyse FILE"))?;
    let text = std::fs::read_to_string(&path)?;
    let g = Gazetteer::builtin();
    let an = Analysis::new(&text, g);
    let key = an.key();
    let mut out = String::new();
    for e in &an.entities {
        out += &format!(
            "entity {:?} {} «{}»\n",
            e.entity,
            g.id(e.entity),
            &key[e.span.clone()]
        );
    }
    for m in &an.cues {
        out += &format!("cue {}/{} «{}»\n", m.group(), m.tag(), &key[m.span.clone()]);
    }
    for n in &an.numbers {
        out += &format!(
            "number {} {:?} «{}»\n",
            n.value,
            n.kind,
            &key[n.span.clone()]
        );
    }
    for d in &an.dates {
        out += &format!("date {} «{}»\n", d.date.iso(), &key[d.span.clone()]);
    }
    for w in &an.weekdays {
        out += &format!(
            "weekday {:?} {:?} «{}»\n",
            w.weekday,
            w.relative,
            &key[w.span.clone()]
        );
    }
    let extraction = reconcile::extract::extract(&text, g);
    for c in extraction.claims {
        out += &format!(
            "claim {} {} {:?} «{}»{}\n",
            c.field,
            c.value,
            c.role,
            c.evidence.text,
            c.note.map(|n| format!(" ({n})")).unwrap_or_default()
        );
    }
    for f in extraction.findings {
        out += &format!("finding {:?}: {}\n", f.kind, f.message);
    }
    out += &format!("meeting {:?}\n", extraction.meeting);
    std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes())?;
    Ok(())
}
