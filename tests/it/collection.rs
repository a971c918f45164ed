//! Events and contradictions over a collection (`tests/collection/`): 43 short articles written
//! for these tests about 13 meetings of 2016–2025 and 4 pieces that report no meeting, with the
//! expected events, near pairs and the four contradictions the collection holds
//! (`tests/collection/README.md`).
//!
//! Every meeting is found as an event, every contradiction is found, and no other is reported.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

/// Meetings whose documents form exactly one event, at least.
const EXACT_EVENTS: usize = 13;
/// Contradictions of the collection found, at least.
const FOUND: usize = 4;

fn expected() -> Value {
    let text = std::fs::read_to_string(crate::root().join("tests/collection/expected.json"))
        .expect("expected.json");
    serde_json::from_str(&text).expect("expected.json parses")
}

fn articles() -> Vec<PathBuf> {
    let dir = crate::root().join("tests/collection/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The JSON report over the given files, in that order.
fn report(files: &[PathBuf]) -> (Value, i32) {
    let mut args: Vec<&OsStr> = vec![OsStr::new("--format"), OsStr::new("json")];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let out = crate::run_os(&args, b"", Duration::from_secs(120));
    let report = serde_json::from_slice(&out.stdout).expect("JSON report");
    (report, out.status.code().unwrap_or(-1))
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect()
}

/// The events as sets of document ids.
fn events(report: &Value) -> BTreeSet<BTreeSet<String>> {
    report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| strings(&e["documents"]))
        .collect()
}

/// A contradiction as field, sorted values and the documents of each side (sorted).
fn contradictions(report: &Value) -> BTreeSet<(String, Vec<String>, Vec<BTreeSet<String>>)> {
    report["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut sides: Vec<(String, BTreeSet<String>)> = c["sides"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    let docs = s["documents"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(|d| d["document"].as_str().map(str::to_owned))
                        .collect();
                    (value_key(&s["value"]), docs)
                })
                .collect();
            sides.sort();
            let field = c["field"].as_str().unwrap().to_owned();
            let (values, docs) = sides.into_iter().unzip();
            (field, values, docs)
        })
        .collect()
}

fn value_key(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn the_meetings_are_found_as_events() {
    let (report, _) = report(&articles());
    let want: Vec<BTreeSet<String>> = expected()["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| strings(&m["documents"]))
        .collect();
    let got = events(&report);
    let exact = want.iter().filter(|w| got.contains(*w)).count();
    let missed: Vec<&BTreeSet<String>> = want.iter().filter(|w| !got.contains(*w)).collect();
    assert!(
        exact >= EXACT_EVENTS,
        "{exact} of {} meetings found as events; missed {missed:?}; events {got:?}",
        want.len()
    );
    // No event mixes documents of two meetings.
    for event in &got {
        let meetings = want
            .iter()
            .filter(|w| w.intersection(event).next().is_some())
            .count();
        assert!(meetings <= 1, "{event:?} mixes {meetings} meetings");
    }
}

#[test]
fn pieces_that_report_no_meeting_are_unattached() {
    let (report, _) = report(&articles());
    let got: BTreeSet<String> = report["unattached"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["document"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(got, strings(&expected()["unattached"]));
}

#[test]
fn the_contradictions_of_the_collection_are_found() {
    let (report, code) = report(&articles());
    let expected = expected();
    let got = contradictions(&report);
    let mut found = 0;
    let mut missed = Vec::new();
    for m in expected["meetings"].as_array().unwrap() {
        for c in m["contradictions"].as_array().unwrap() {
            let mut values: Vec<String> = c["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(value_key)
                .collect();
            values.sort();
            let hit = got
                .iter()
                .any(|(field, v, _)| field == c["field"].as_str().unwrap() && *v == values);
            if hit {
                found += 1;
            } else {
                missed.push(format!("{} {}", m["label"], c["field"]));
            }
        }
    }
    let false_alarms = got.len() - found;
    assert!(found >= FOUND, "found {found}; missed {missed:?}");
    assert_eq!(false_alarms, 0, "false alarms: {got:#?}");
    assert_eq!(code, 1, "contradictions fail the run");
}

#[test]
fn meetings_in_one_city_are_near_pairs() {
    let (report, _) = report(&articles());
    let expected = expected();
    let by_label: Vec<(String, BTreeSet<String>)> = expected["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["label"].as_str().unwrap().to_owned(),
                strings(&m["documents"]),
            )
        })
        .collect();
    let event_docs = |id: &Value| {
        report["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| &e["id"] == id)
            .map(|e| strings(&e["documents"]))
            .unwrap_or_default()
    };
    let near: Vec<(BTreeSet<String>, BTreeSet<String>)> = report["near"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (event_docs(&n["events"][0]), event_docs(&n["events"][1])))
        .collect();
    for pair in expected["near"].as_array().unwrap() {
        let docs = |label: &Value| {
            by_label
                .iter()
                .find(|(l, _)| l == label.as_str().unwrap())
                .map(|(_, d)| d.clone())
                .unwrap()
        };
        let (a, b) = (docs(&pair[0]), docs(&pair[1]));
        let overlaps =
            |x: &BTreeSet<String>, y: &BTreeSet<String>| x.intersection(y).next().is_some();
        assert!(
            near.iter()
                .any(|(x, y)| (overlaps(x, &a) && overlaps(y, &b))
                    || (overlaps(x, &b) && overlaps(y, &a))),
            "{pair} is not a near pair: {near:#?}"
        );
    }
    // Near pairs grow with the events, never with their pairs.
    assert!(near.len() < report["events"].as_array().unwrap().len());
}

#[test]
fn any_input_order_gives_the_same_events_and_contradictions() {
    let files = articles();
    let (first, _) = report(&files);
    let mut reversed = files.clone();
    reversed.reverse();
    let mut rotated = files.clone();
    rotated.rotate_left(17);
    let mut interleaved: Vec<PathBuf> = files.iter().step_by(2).cloned().collect();
    interleaved.extend(files.iter().skip(1).step_by(2).cloned());
    for order in [reversed, rotated, interleaved] {
        let (other, _) = report(&order);
        assert_eq!(events(&first), events(&other));
        assert_eq!(contradictions(&first), contradictions(&other));
        assert_eq!(
            first["unattached"].as_array().map(Vec::len),
            other["unattached"].as_array().map(Vec::len)
        );
    }
}
