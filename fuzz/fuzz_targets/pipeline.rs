//! Fuzz target: decode → normalise → extract → reconcile → JSON report over arbitrary bytes.
//!
//! The first byte picks how to decode (detected, or one forced encoding); the rest is the file.
//! Beyond "never panics" it checks the pipeline's promises: evidence spans are exact substrings
//! on char boundaries, extraction is deterministic, and no JSON string can replay a control.
#![no_main]

use libfuzzer_sys::fuzz_target;

use reconcile::document::decode::decode;
use reconcile::extract::extract;
use reconcile::lexicon::gazetteer::Gazetteer;
use reconcile::reconcile::{Collection, reconcile};
use reconcile::report::sanitize;
use reconcile::text::NormText;

fuzz_target!(|data: &[u8]| {
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
        for e in [&c.evidence, &c.sentence] {
            assert!(e.start <= e.end && e.end <= text.len());
            assert_eq!(&text[e.start..e.end], e.text);
        }
    }
    assert_eq!(extract(text, g).claims, extraction.claims);
    let mut docs = Collection::default();
    docs.push("a", &extraction.claims);
    docs.push("b", &extraction.claims);
    let rec = reconcile(docs);
    for f in &rec.fields {
        for group in &f.values {
            let shown = group.value.key();
            assert!(!sanitize::line(&shown).chars().any(sanitize::is_unsafe));
        }
    }
    for s in [
        text,
        extraction
            .findings
            .first()
            .map_or("", |f| f.message.as_str()),
    ] {
        let json = sanitize::json(s);
        assert!(
            !json
                .chars()
                .any(|c| sanitize::is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r'))
        );
    }
});
