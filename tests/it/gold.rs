//! The fixtures against `tests/data/seeds-gold.json` (a copy of the spec's expected results):
//! document by document, field by field, and the reconciliation.

use serde_json::Value;

use crate::expect::{self, Mismatches};

fn gold() -> Value {
    serde_json::from_str(include_str!("../data/seeds-gold.json")).expect("gold parses")
}

fn report() -> (Value, i32) {
    crate::json_report(&crate::root().join("fixtures"))
}

#[test]
fn every_document_claims_what_the_gold_says() {
    let (report, _) = report();
    let mut m = Mismatches::default();
    expect::check_documents(&report, &gold(), &mut m);
    m.assert_none("fixtures vs gold");
}

#[test]
fn events_are_the_monday_and_thursday_meetings() {
    let (report, _) = report();
    let gold = gold();
    let mut m = Mismatches::default();
    let want: Vec<Vec<String>> = gold["reconciliation"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_owned())
                .collect()
        })
        .collect();
    expect::check_events(&report, &want, &mut m);
    // Each event's summary holds the gold's values.
    for want in gold["reconciliation"]["events"].as_array().unwrap() {
        let first = &want["documents"][0];
        let event = report["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["documents"].as_array().unwrap().contains(first))
            .expect("an event holds the document");
        for (k, v) in want.as_object().unwrap() {
            if k != "documents" && &event["summary"][k] != v {
                m.push(format!(
                    "event of {first}: {k} is {} (want {v})",
                    event["summary"][k]
                ));
            }
        }
    }
    m.assert_none("events");
}

#[test]
fn field_verdicts_values_and_silent_sources() {
    let (report, code) = report();
    let gold = gold();
    let mut m = Mismatches::default();
    for (name, want) in gold["reconciliation"]["fields"].as_object().unwrap() {
        let Some(got) = expect::field(&report, name) else {
            m.push(format!("{name}: missing"));
            continue;
        };
        if got["status"] != want["status"] {
            m.push(format!(
                "{name}: status {} want {}",
                got["status"], want["status"]
            ));
        }
        if want.get("scope").is_some() && got["scope"] != want["scope"] {
            m.push(format!(
                "{name}: scope {} want {}",
                got["scope"], want["scope"]
            ));
        }
        let key = |v: &Value| match v {
            Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().unwrap_or_default().to_owned())
                .collect::<Vec<_>>()
                .join("+"),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let groups: Vec<(String, Value)> = got["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (key(&g["value"]), g["documents"].clone()))
            .collect();
        // List fields list items; other fields list values.
        let expected = want.get("values").or_else(|| want.get("items"));
        let is_list = want.get("items").is_some();
        for (value, docs) in expected.and_then(Value::as_object).into_iter().flatten() {
            match groups.iter().find(|(k, _)| k == value) {
                Some((_, got_docs)) if got_docs == docs => {}
                // A list item may also come from documents for which the gold allows it.
                Some((_, got_docs))
                    if is_list && optional_extra(&gold, docs, got_docs, name, value) => {}
                Some((_, got_docs)) => {
                    m.push(format!("{name}={value}: documents {got_docs} want {docs}"))
                }
                None => m.push(format!("{name}={value}: missing")),
            }
        }
        if let Some(silent) = want.get("silent")
            && &got["silent"] != silent
        {
            m.push(format!("{name}: silent {} want {silent}", got["silent"]));
        }
    }
    let within = gold["reconciliation"]["within_event_conflicts"]
        .as_u64()
        .unwrap();
    if report["summary"]["conflicts_within_event"].as_u64() != Some(within) {
        m.push(format!(
            "within-event conflicts: {} want {within}",
            report["summary"]["conflicts_within_event"]
        ));
    }
    if code != 1 {
        m.push(format!(
            "exit code {code}, want 1 (conflicts across events)"
        ));
    }
    m.assert_none("field verdicts");
}

/// Whether `got` holds every document of `want`, and the others may list `item` optionally.
fn optional_extra(gold: &Value, want: &Value, got: &Value, field: &str, item: &str) -> bool {
    let (want, got) = (want.as_array().unwrap(), got.as_array().unwrap());
    want.iter().all(|d| got.contains(d))
        && got.iter().filter(|d| !want.contains(d)).all(|d| {
            gold["documents"][d.as_str().unwrap()]["optional"][field]
                .as_array()
                .is_some_and(|o| o.iter().any(|i| i == item))
        })
}

#[test]
fn every_evidence_is_the_exact_original_substring() {
    let (report, _) = report();
    for doc in report["documents"].as_array().unwrap() {
        let bytes = std::fs::read(crate::root().join(doc["path"].as_str().unwrap())).unwrap();
        for c in doc["claims"].as_array().unwrap() {
            for key in ["evidence", "context"] {
                let e = &c[key];
                let (start, end) = (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                );
                let text = std::str::from_utf8(&bytes[start..end]).unwrap();
                assert_eq!(
                    text,
                    e["text"].as_str().unwrap(),
                    "{} {}",
                    doc["id"],
                    c["field"]
                );
                let line = bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1;
                assert_eq!(e["line"].as_u64().unwrap() as usize, line);
            }
        }
    }
}

#[test]
fn the_checks_of_the_gold_hold() {
    let (report, _) = report();
    // 001: Monday and 9 February 2026 (year from its date line) agree.
    let checks = report["checks"].as_array().unwrap();
    assert!(checks.iter().any(|c| c["kind"] == "weekday_matches_date"
        && c["consistent"] == true
        && c["documents"][0] == "001_50157f04528394b4"));
    assert!(checks.iter().all(|c| c["consistent"] == true));
    // 002: "yesterday, Monday" in an article of "today, Tuesday".
    let d002 = expect::document(&report, "002_9f48e75677faabb1").unwrap();
    assert_eq!(
        expect::claimed(d002, "published_weekday"),
        vec![Value::from("tuesday")]
    );
    // 004: its date line names Damascus, which is not the host.
    let d004 = expect::document(&report, "004_5bd15f56386ea9c3").unwrap();
    assert_eq!(
        expect::claimed(d004, "host_city"),
        vec![Value::from("Riyadh")]
    );
}
