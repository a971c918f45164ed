//! Properties of the whole pipeline over arbitrary input (proptest, through the library, not the
//! binary, for speed): no bytes make decode → normalise → extract → reconcile panic; the output
//! is deterministic; every input appears in the output; every evidence span is exact; sanitised
//! text holds nothing a terminal would act on. Failing cases are kept in `proptest-regressions/`.

use std::path::PathBuf;

use proptest::prelude::*;

use reconcile::document::{self, ReadOptions, Status, discover};
use reconcile::extract::{self, Claim};
use reconcile::lexicon::gazetteer::Gazetteer;
use reconcile::reconcile::{Collection, reconcile};
use reconcile::report::{json, sanitize};
use reconcile::run::{RunOptions, run};
use reconcile::text::NormText;

/// Words and marks the extractors react to, and controls that try to break them, so that random
/// sequences reach far into the pipeline (random bytes alone rarely make a claim).
const PIECES: &[&str] = &[
    "عقد",
    "وزراء",
    "خارجية",
    "اجتماع",
    "اجتماعا",
    "التحالف",
    "المجموعة المصغرة",
    "في",
    "الرياض",
    "جدة",
    "السعودية",
    "الكويت",
    "يوم",
    "أمس",
    "اليوم",
    "الاثنين",
    "الخميس",
    "الأربعاء",
    "9",
    "٩",
    "١٠",
    "2026",
    "شباط",
    "فبراير",
    "رمضان",
    "1447",
    "هـ",
    "عضوا",
    "عضواً",
    "90",
    "خمسة وثمانون",
    "التسعين",
    "رقم",
    "بمشاركة",
    "برئاسة",
    "مشترك",
    "مع",
    "الولايات المتحدة",
    "توم باراك",
    "المحتجزين",
    "إعادة",
    "دمج",
    "بيروت،",
    "،",
    ".",
    ":",
    "-",
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "ـ",
    "\u{064E}",
    "\u{0651}",
    "\u{200F}",
    "\u{FEFF}",
    "\u{1b}[31m",
    "\u{1b}]0;x\u{7}",
    "\u{9b}",
    "\u{85}",
    "\u{202E}",
    "\u{2067}",
    "\u{2069}",
    "\u{2028}",
    "\u{0}",
    "\u{7f}",
    "ﻻ",
    "ﷲ",
    "x",
    "é",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

/// Arbitrary bytes, and articles in the encodings the decoder detects.
fn input_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        article().prop_map(String::into_bytes),
        text_with_controls().prop_map(String::into_bytes),
        article().prop_map(|t| {
            let mut out = vec![0xFF, 0xFE];
            t.encode_utf16().for_each(|u| out.extend(u.to_le_bytes()));
            out
        }),
        article().prop_map(|t| encoding_rs::WINDOWS_1256.encode(&t).0.into_owned()),
        article().prop_map(|t| encoding_rs::ISO_8859_6.encode(&t).0.into_owned()),
        // Valid text with random bytes spliced in.
        (
            article(),
            prop::collection::vec(any::<u8>(), 1..8),
            any::<prop::sample::Index>()
        )
            .prop_map(|(t, junk, at)| {
                let mut b = t.into_bytes();
                let i = at.index(b.len() + 1);
                b.splice(i..i, junk);
                b
            }),
    ]
}

/// A char of Cc, Cf, Zl or Zp, from any range of the oracle's table (`any::<String>()` never
/// makes one: it draws from `\\PC`).
fn control() -> impl Strategy<Value = char> {
    (0..crate::oracle::CC_CF_ZL_ZP.len()).prop_flat_map(|i| {
        let (lo, hi) = crate::oracle::CC_CF_ZL_ZP[i];
        (lo..=hi).prop_map(|c| char::from_u32(c).expect("the table holds no surrogate"))
    })
}

/// Text that mixes every kind of control and format char with arbitrary chars and the
/// pipeline's own words.
fn text_with_controls() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            2 => control().prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            1 => prop::sample::select(PIECES).prop_map(str::to_owned),
        ],
        0..64,
    )
    .prop_map(|v| v.concat())
}

fn forced() -> impl Strategy<Value = Option<&'static encoding_rs::Encoding>> {
    prop_oneof![
        4 => Just(None),
        1 => Just(Some(encoding_rs::UTF_8)),
        1 => Just(Some(encoding_rs::UTF_16LE)),
        1 => Just(Some(encoding_rs::UTF_16BE)),
        1 => Just(Some(encoding_rs::WINDOWS_1256)),
        1 => Just(Some(encoding_rs::ISO_8859_6)),
    ]
}

/// A char a terminal would act on, beyond the layout JSON keeps (tab, LF, CR of CRLF), by the
/// independent oracle (`crate::oracle`), not the sanitiser's own `is_unsafe`.
fn acted_on(c: char) -> bool {
    crate::oracle::acted_on(c)
}

fn assert_spans(text: &str, claims: &[Claim]) {
    for c in claims {
        let sentence = c.sentence.as_ref().expect("extract keeps sentences");
        for e in [&c.evidence, sentence] {
            assert!(e.start <= e.end && e.end <= text.len(), "{e:?}");
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            assert_eq!(&text[e.start..e.end], e.text);
            assert!(e.line >= 1);
        }
        assert!(c.evidence.start >= sentence.start && c.evidence.end <= sentence.end);
    }
}

fn json_strings_safe(v: &serde_json::Value) -> Result<(), String> {
    match v {
        serde_json::Value::String(s) => {
            if let Some(c) = s.chars().find(|&c| acted_on(c)) {
                return Err(format!("{s:?} holds U+{:04X}", c as u32));
            }
            let b = s.as_bytes();
            if b.iter()
                .enumerate()
                .any(|(i, &c)| c == b'\r' && b.get(i + 1) != Some(&b'\n'))
            {
                return Err(format!("{s:?} holds a lone CR"));
            }
            Ok(())
        }
        serde_json::Value::Array(items) => items.iter().try_for_each(json_strings_safe),
        serde_json::Value::Object(map) => map.values().try_for_each(json_strings_safe),
        _ => Ok(()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// decode → normalise → extract → reconcile never panics, spans are exact, and doing it twice
    /// gives the same result.
    #[test]
    fn any_bytes_go_through_the_pipeline(bytes in input_bytes(), force in forced()) {
        let g = Gazetteer::builtin();
        let Ok(decoded) = document::decode::decode(&bytes, force) else {
            return Ok(());
        };
        let _ = NormText::new(&decoded.text);
        let first = extract::extract(&decoded.text, g);
        assert_spans(&decoded.text, &first.claims);
        let again = extract::extract(&decoded.text, g);
        prop_assert_eq!(&first.claims, &again.claims);
        prop_assert_eq!(&first.findings, &again.findings);
        let mut docs = Collection::default();
        let years = |_: &str| None;
        docs.push("a", "a", None, &first.meeting, &first.claims, &first.findings, &years);
        docs.push("b", "b", None, &again.meeting, &again.claims, &again.findings, &years);
        let rec = reconcile(docs.clone());
        prop_assert_eq!(format!("{rec:?}"), format!("{:?}", reconcile(docs)));
    }

    /// Decoding errors name an offset inside the input; binary input is skipped, not failed.
    #[test]
    fn decode_errors_point_inside_the_input(bytes in input_bytes()) {
        use reconcile::document::DecodeError;
        match document::decode::decode(&bytes, None) {
            Ok(d) => {
                prop_assert!(!d.encoding.is_empty());
                // A cut-off last char starts inside the input, and the text stops there.
                if let Some(at) = d.truncated_at {
                    prop_assert!(at < bytes.len());
                    prop_assert_eq!(d.text.as_bytes(), &bytes[..at]);
                }
            }
            Err(DecodeError::Binary { offset }) => prop_assert_eq!(bytes[offset], 0),
            Err(
                DecodeError::InvalidUtf8 { offset }
                | DecodeError::TruncatedUtf16 { offset }
                | DecodeError::TruncatedUtf32 { offset },
            ) => prop_assert!(offset < bytes.len()),
        }
    }

    /// Sanitised text holds no control a terminal would act on, and sanitising is idempotent.
    #[test]
    fn sanitised_text_is_inert(s in prop_oneof![any::<String>(), article(), text_with_controls()]) {
        let one = sanitize::line(&s);
        prop_assert!(!one.chars().any(crate::oracle::forbidden), "{:?}", one);
        let many = sanitize::lines(&s);
        prop_assert!(!many.chars().any(|c| c != '\n' && crate::oracle::forbidden(c)), "{:?}", many);
        let for_json = sanitize::json(&s);
        prop_assert!(json_strings_safe(&serde_json::Value::String(for_json.to_string())).is_ok());
        prop_assert_eq!(sanitize::line(&one), one.clone());
        prop_assert_eq!(sanitize::json(&for_json), for_json.clone());
    }
}

proptest! {
    // Each case writes files and runs the whole pipeline on them: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Every input appears in the output, in order, once; the JSON report is deterministic and
    /// none of its strings can replay a control.
    #[test]
    fn every_input_appears_and_the_report_is_stable(
        files in prop::collection::vec(input_bytes(), 1..8),
        names in prop::collection::vec("[a-z\u{1b}\u{202e}\u{9b} ]{1,6}", 8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut paths: Vec<PathBuf> = Vec::new();
        for (i, bytes) in files.iter().enumerate() {
            // The index keeps names unique; the random part carries controls into the paths.
            let path = dir.path().join(format!("{i}{}.txt", names[i]));
            std::fs::write(&path, bytes).unwrap();
            paths.push(path);
        }
        paths.push(dir.path().join("missing.txt"));
        let inputs = discover(&paths);
        prop_assert_eq!(inputs.len(), paths.len());
        let options = RunOptions {
            read: ReadOptions::default(),
            gazetteer: Gazetteer::builtin(),
            keep: Default::default(),
        };
        let result = run(&inputs, &options);
        prop_assert_eq!(result.documents.len(), paths.len());
        for (d, p) in result.documents.iter().zip(&paths) {
            prop_assert_eq!(&d.path, &p.to_string_lossy().into_owned());
            prop_assert!(d.status == Status::Ok || d.reason.is_some(), "{:?}", d);
        }
        prop_assert_eq!(result.documents.last().unwrap().status, Status::Error);
        let mut a = Vec::new();
        json::write_run(&result, json::DocumentOptions::default(), &mut a).unwrap();
        let mut b = Vec::new();
        json::write_run(&run(&inputs, &options), json::DocumentOptions::default(), &mut b).unwrap();
        prop_assert_eq!(&a, &b);
        let value: serde_json::Value = serde_json::from_slice(&a).unwrap();
        prop_assert_eq!(value["documents"].as_array().unwrap().len(), paths.len());
        if let Err(e) = json_strings_safe(&value) {
            prop_assert!(false, "{}", e);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Scanning only the tokens the sieve marks (`text::sieve`) finds exactly what scanning every
    /// token finds.
    #[test]
    fn the_sieve_hides_no_match(text in article()) {
        use reconcile::lexicon::cues::CueSet;
        use reconcile::text::{dates, numbers, tokens};
        let g = Gazetteer::builtin();
        let an = extract::Analysis::new(&text, g);
        let key = an.key();
        let all = tokens::tokenize(key);
        prop_assert_eq!(&an.tokens, &all);
        prop_assert_eq!(&an.entities, &g.find_entities_in(key, &all));
        let dates = dates::dates_in(key, &all);
        prop_assert_eq!(&an.dates, &dates);
        prop_assert_eq!(&an.weekdays, &dates::weekdays_in(key, &all, &dates));
        prop_assert_eq!(&an.numbers, &numbers::numbers_in(key, &all));
        let (topic, core): (Vec<_>, Vec<_>) = CueSet::builtin()
            .find_all(key, &all)
            .into_iter()
            .partition(|m| reconcile::extract::priorities::TOPIC_GROUPS.contains(&m.group()));
        prop_assert_eq!(format!("{:?}", an.cues), format!("{:?}", core));
        prop_assert_eq!(format!("{:?}", an.topic_cues), format!("{:?}", topic));
    }
}
