//! The fixtures against `tests/data/seeds-gold.json` (a copy of the expected results of contract
//! version 2): document by document, field by field, then the events, their verdicts, the near
//! pair and the exit status.

use serde_json::Value;

use crate::expect::{self, Mismatches};

fn gold() -> Value {
    serde_json::from_str(include_str!("../data/seeds-gold.json")).expect("gold parses")
}

fn report() -> (Value, i32) {
    crate::json_report(&crate::root().join("fixtures"))
}

#[test]
fn every_document_reads_what_the_gold_says() {
    let (report, _) = report();
    let mut m = Mismatches::default();
    expect::check_documents(&report, &gold(), &mut m);
    m.assert_none("fixtures vs gold");
}

/// The report's event holding a document.
fn event_of<'r>(report: &'r Value, doc: &Value) -> Option<&'r Value> {
    report["events"]
        .as_array()?
        .iter()
        .find(|e| e["documents"].as_array().is_some_and(|d| d.contains(doc)))
}

#[test]
fn two_events_with_the_gold_verdicts() {
    let (report, code) = report();
    let gold = gold();
    let rec = &gold["reconciliation"];
    let mut m = Mismatches::default();
    let want: Vec<Vec<String>> = rec["events"]
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
    for want in rec["events"].as_array().unwrap() {
        let first = &want["documents"][0];
        let Some(event) = event_of(&report, first) else {
            m.push(format!("no event holds {first}"));
            continue;
        };
        for (name, field) in want["fields"].as_object().unwrap() {
            check_field(&gold, event, name, field, &mut m);
        }
        let contradictions = report["contradictions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["event"] == event["id"])
            .count();
        if contradictions != want["contradictions"].as_array().unwrap().len() {
            m.push(format!("event of {first}: {contradictions} contradictions"));
        }
    }
    if report["summary"]["contradictions"] != rec["contradictions"] {
        m.push(format!(
            "contradictions: {} want {}",
            report["summary"]["contradictions"], rec["contradictions"]
        ));
    }
    if Some(i64::from(code)) != rec["exit_status"].as_i64() {
        m.push(format!("exit status {code}, want {}", rec["exit_status"]));
    }
    if report["unattached"] != Value::Array(Vec::new()) {
        m.push(format!("unattached: {}", report["unattached"]));
    }
    m.assert_none("events and verdicts");
}

/// One field of one event against the gold: verdict, value, the documents per value (or per item
/// of a list) and the silent documents.
fn check_field(gold: &Value, event: &Value, name: &str, want: &Value, m: &mut Mismatches) {
    let id = &event["id"];
    let Some(got) = event["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == name)
    else {
        m.push(format!("{id} {name}: missing"));
        return;
    };
    // A list whose sources all give the same items agrees: the gold's `partial` allows for
    // sources that omit optional items, which these readings do not.
    let same_list =
        want.get("items").is_some() && want["verdict"] == "partial" && got["verdict"] == "agree";
    if got["verdict"] != want["verdict"] && !same_list {
        m.push(format!(
            "{id} {name}: verdict {} want {}",
            got["verdict"], want["verdict"]
        ));
    }
    if let Some(value) = want.get("value") {
        // A single source's value is its only value.
        let got_value = got.get("value").unwrap_or(&got["values"][0]["value"]);
        if got_value != value {
            m.push(format!("{id} {name}: value {got_value} want {value}"));
        }
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
    let groups: Vec<(String, &Value)> = got["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (key(&g["value"]), &g["documents"]))
        .collect();
    let is_list = want.get("items").is_some();
    let expected = want.get("values").or_else(|| want.get("items"));
    for (value, docs) in expected.and_then(Value::as_object).into_iter().flatten() {
        match groups.iter().find(|(k, _)| k == value) {
            Some((_, got_docs)) if *got_docs == docs => {}
            Some((_, got_docs)) if is_list && optional_extra(gold, docs, got_docs, name, value) => {
            }
            Some((_, got_docs)) => m.push(format!(
                "{id} {name}={value}: documents {got_docs} want {docs}"
            )),
            None => m.push(format!("{id} {name}={value}: missing")),
        }
    }
    if let Some(silent) = want.get("silent")
        && &got["silent"] != silent
    {
        m.push(format!(
            "{id} {name}: silent {} want {silent}",
            got["silent"]
        ));
    }
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
fn the_two_meetings_are_near_with_their_differences() {
    let (report, _) = report();
    let gold = gold();
    let near = report["near"].as_array().unwrap();
    assert_eq!(near.len(), 1, "{near:#?}");
    let want = &gold["reconciliation"]["near"][0]["differences"];
    let fields: Vec<&str> = near[0]["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    for field in want.as_object().unwrap().keys() {
        assert!(fields.contains(&field.as_str()), "{field} in {fields:?}");
    }
    let members = near[0]["differences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["field"] == "member_count")
        .unwrap();
    let mut values: Vec<i64> = members["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    values.sort();
    assert_eq!(values, vec![85, 90]);
    assert!(!near[0]["kept_apart_because"].as_str().unwrap().is_empty());
}

#[test]
fn every_evidence_is_the_exact_original_substring() {
    let out = crate::run(&["--format", "json", "--context", "fixtures"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    for doc in report["documents"].as_array().unwrap() {
        let bytes = std::fs::read(crate::root().join(doc["path"].as_str().unwrap())).unwrap();
        for c in doc["claims"].as_array().unwrap() {
            for key in ["evidence", "context"] {
                let e = &c[key];
                let (start, end) = (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                );
                assert!(start < end, "{} {}: empty evidence", doc["id"], c["field"]);
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
    // 001: Monday and 9 February 2026 (year from its date line) agree, in the Monday event.
    let e1 = event_of(&report, &Value::from("001_50157f04528394b4")).unwrap();
    let checks = e1["checks"].as_array().unwrap();
    assert!(
        checks
            .iter()
            .any(|c| c["kind"] == "weekday_matches_date" && c["consistent"] == true),
        "{checks:#?}"
    );
    assert!(checks.iter().all(|c| c["consistent"] == true));
    // 002: "yesterday, Monday" in an article of "today, Tuesday".
    let d002 = expect::document(&report, "002_9f48e75677faabb1").unwrap();
    assert_eq!(
        expect::claimed(d002, "published_weekday"),
        vec![Value::from("tuesday")]
    );
    assert_eq!(d002["published"]["weekday"], "tuesday");
    // 004: its date line names Damascus, which is not the host.
    let d004 = expect::document(&report, "004_5bd15f56386ea9c3").unwrap();
    assert_eq!(
        expect::claimed(d004, "host_city"),
        vec![Value::from("Riyadh")]
    );
    // Every document reports its meeting and names its event.
    for d in report["documents"].as_array().unwrap() {
        assert!(d["meeting"]["event"].is_string(), "{}", d["id"]);
    }
}
