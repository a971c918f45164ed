//! What the fuzz targets check, as plain functions over bytes: the targets in `fuzz_targets/`
//! call them, and `tests/it/fuzz_replay.rs` replays the seed corpus and every file of
//! `fuzz/artifacts/` through them in the ordinary test run. Whatever is unsafe in text is
//! decided by `crate::oracle` (tests/it/oracle.rs: the Unicode categories Cc, Cf, Zl and Zp),
//! never by the sanitiser under test.

use reconcile::baseline::Baseline;
use reconcile::document::decode::decode;
use reconcile::extract::extract;
use reconcile::lexicon::gazetteer::Gazetteer;
use reconcile::reconcile::{Collection, reconcile};
use reconcile::report::json::{self, DocumentOptions};
use reconcile::report::{Outcome, html, sanitize};
use reconcile::run::reconcile_documents;
use reconcile::shard::Reducer;
use reconcile::text::NormText;

use crate::oracle::{acted_on, forbidden};

/// Panics if a string of `v` (keys too) holds a char a terminal would act on, or a lone CR.
fn assert_json_inert(v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) => assert_text_inert(s),
        serde_json::Value::Array(items) => items.iter().for_each(assert_json_inert),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                assert_text_inert(k);
                assert_json_inert(v);
            }
        }
        _ => {}
    }
}

fn assert_text_inert(s: &str) {
    assert!(!s.chars().any(acted_on), "{s:?}");
    let b = s.as_bytes();
    assert!(
        !b.iter()
            .enumerate()
            .any(|(i, &c)| c == b'\r' && b.get(i + 1) != Some(&b'\n')),
        "a lone CR in {s:?}"
    );
}

/// decode → normalise → extract → reconcile over one file. The first byte picks how to decode
/// (detected, or one forced encoding); the rest is the file. Beyond "never panics": evidence
/// spans are exact substrings on char boundaries, extraction is deterministic, and no shown
/// value or JSON string can replay a control.
pub fn pipeline(data: &[u8]) {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let forced = match choice % 8 {
        0 => Some(encoding_rs::UTF_8),
        1 => Some(encoding_rs::UTF_16LE),
        2 => Some(encoding_rs::UTF_16BE),
        3 => Some(encoding_rs::WINDOWS_1256),
        4 => Some(encoding_rs::ISO_8859_6),
        _ => None,
    };
    let Ok(decoded) = decode(bytes, forced) else {
        return;
    };
    let text = decoded.text.as_str();
    let _ = NormText::new(text);
    let g = Gazetteer::builtin();
    let extraction = extract(text, g);
    for c in &extraction.claims {
        let sentence = c.sentence.as_ref().expect("extract keeps sentences");
        for e in [&c.evidence, sentence] {
            assert!(e.start <= e.end && e.end <= text.len());
            assert_eq!(&text[e.start..e.end], e.text);
        }
    }
    let again = extract(text, g);
    assert_eq!(again.claims, extraction.claims);
    assert_eq!(again.findings, extraction.findings);
    let mut docs = Collection::default();
    let years = |_: &str| None;
    let (m, c, f) = (
        &extraction.meeting,
        &extraction.claims,
        &extraction.findings,
    );
    docs.push("a", "a", None, m, c, f, &years);
    docs.push("b", "b", None, m, c, f, &years);
    let rec = reconcile(docs);
    for event in &rec.events {
        for field in &event.fields {
            for group in &field.values {
                let shown = rec.value(group.entry).key();
                assert!(!sanitize::line(&shown).chars().any(forbidden));
            }
        }
    }
    for s in [
        text,
        extraction
            .findings
            .first()
            .map_or("", |f| f.message.as_str()),
    ] {
        assert_text_inert(&sanitize::json(s));
    }
}

/// The two readers of files the tool itself writes, over the same bytes.
///
/// Map records (`--reduce`): the parts between NUL bytes are the inputs, read in order; records
/// that read are reconciled and rendered as JSON and HTML, and no string of the JSON report
/// carries a control, whatever the records held.
///
/// Baselines (`--baseline`): a baseline that reads writes back to text that reads back to it,
/// byte for byte the same when written again.
pub fn records(data: &[u8]) {
    let mut reducer = Reducer::new();
    let read = data.split(|&b| b == 0).enumerate().all(|(i, part)| {
        let mut reader: &[u8] = part;
        reducer.read(&format!("part {i}"), &mut reader).is_ok()
    });
    if read {
        let mut documents = Vec::new();
        let finished = reducer.finish(&mut |d| {
            documents.push(d);
            Ok(())
        });
        if finished.is_ok() {
            let ids: std::collections::BTreeSet<&str> =
                documents.iter().map(|d| d.id.as_str()).collect();
            assert_eq!(ids.len(), documents.len(), "ids are unique");
            let run = reconcile_documents(documents, Gazetteer::builtin());
            let mut out = Vec::new();
            json::write_run(&run, DocumentOptions::default(), &mut out).expect("written");
            let report: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
            assert_json_inert(&report);
            let outcome = Outcome {
                totals: run.totals,
                resolved: run.resolved,
                unread: Vec::new(),
                documents: run.documents,
            };
            html::write(&outcome, &mut Vec::new()).expect("written");
        }
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(baseline) = Baseline::parse(text, "input")
    {
        let written = baseline.to_json().expect("a baseline writes");
        let again = Baseline::parse(&written, "written").expect("a written baseline reads");
        assert_eq!(again, baseline);
        assert_eq!(again.to_json().expect("writes"), written);
    }
}
