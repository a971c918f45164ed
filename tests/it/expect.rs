//! Checks a JSON report against an expectation file (the corpus format; the fixtures' gold is
//! read into the same shape). Every mismatch is collected, so a failing test lists them all.

use serde_json::Value;

/// The contract's core fields: a document that does not state one must not claim it.
pub const CORE_FIELDS: &[&str] = &[
    "meeting_weekday",
    "meeting_date",
    "meeting_type",
    "host_country",
    "host_city",
    "co_chairs",
    "member_count",
    "priorities",
];

/// Extra fields: checked only where the expectation names them.
pub const EXTRA_FIELDS: &[&str] = &[
    "published_date",
    "published_weekday",
    "participants",
    "session",
];

/// List fields: compared item by item.
const LIST_FIELDS: &[&str] = &["priorities", "participants"];

#[derive(Default)]
pub struct Mismatches(pub Vec<String>);

impl Mismatches {
    pub fn push(&mut self, s: String) {
        self.0.push(s);
    }

    pub fn assert_none(&self, what: &str) {
        assert!(
            self.0.is_empty(),
            "{what}: {} mismatch(es):\n  {}",
            self.0.len(),
            self.0.join("\n  ")
        );
    }
}

pub fn document<'a>(report: &'a Value, id: &str) -> Option<&'a Value> {
    report["documents"]
        .as_array()?
        .iter()
        .find(|d| d["id"] == id)
}

/// The distinct values of a document's reading for a field.
pub fn claimed(doc: &Value, field: &str) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for c in doc["claims"].as_array().into_iter().flatten() {
        if c["field"] == field && c["role"] == "reading" && !out.contains(&c["value"]) {
            out.push(c["value"].clone());
        }
    }
    out
}

/// Alternative values an expectation accepts for a scalar field.
fn alternatives(field: &str, optional: Option<&Value>) -> Vec<Value> {
    match optional {
        None => Vec::new(),
        Some(Value::Array(items)) if field == "co_chairs" => {
            if items.iter().all(Value::is_string) {
                vec![Value::Array(items.clone())]
            } else {
                items.clone()
            }
        }
        Some(Value::Array(items)) => items.clone(),
        Some(v) => vec![v.clone()],
    }
}

fn show(v: &[Value]) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// Checks every expected document's claims.
pub fn check_documents(report: &Value, expected: &Value, m: &mut Mismatches) {
    let Some(docs) = expected["documents"].as_object() else {
        m.push("expectation has no documents".into());
        return;
    };
    for (id, exp) in docs {
        let Some(doc) = document(report, id) else {
            m.push(format!("{id}: not in the report"));
            continue;
        };
        if doc["status"] != "ok" {
            m.push(format!(
                "{id}: status {} ({})",
                doc["status"], doc["reason"]
            ));
            continue;
        }
        let claims = &exp["claims"];
        let optional = &exp["optional"];
        for field in CORE_FIELDS.iter().chain(EXTRA_FIELDS) {
            let want = claims.get(*field);
            let opt = optional.get(*field);
            if EXTRA_FIELDS.contains(field) && want.is_none() && opt.is_none() {
                continue;
            }
            let got = claimed(doc, field);
            if LIST_FIELDS.contains(field) {
                let items = |v: Option<&Value>| -> Vec<Value> {
                    v.and_then(Value::as_array).cloned().unwrap_or_default()
                };
                let (want, opt) = (items(want), items(opt));
                for w in &want {
                    if !got.contains(w) {
                        m.push(format!("{id}: {field} lacks {w}"));
                    }
                }
                for g in &got {
                    if !want.contains(g) && !opt.contains(g) {
                        m.push(format!("{id}: {field} has unexpected {g}"));
                    }
                }
                continue;
            }
            let alts = alternatives(field, opt);
            match want {
                Some(w) => {
                    if !got.contains(w) && !got.iter().any(|g| alts.contains(g)) {
                        m.push(format!("{id}: {field} should be {w}, got {}", show(&got)));
                    }
                    for g in &got {
                        if g != w && !alts.contains(g) {
                            m.push(format!("{id}: {field} has unexpected {g} (want {w})"));
                        }
                    }
                }
                None => {
                    for g in &got {
                        if !alts.contains(g) {
                            m.push(format!("{id}: {field} should be absent, got {g}"));
                        }
                    }
                }
            }
        }
    }
}

/// Checks what version 2 adds to a document: mentions, the meeting (or its absence) and
/// findings.
pub fn check_document_v2(report: &Value, expected: &Value, m: &mut Mismatches) {
    let Some(docs) = expected["documents"].as_object() else {
        return;
    };
    for (id, exp) in docs {
        let Some(doc) = document(report, id) else {
            continue;
        };
        // Values that must appear, but only as mentions.
        for (field, values) in exp["mentions"].as_object().into_iter().flatten() {
            let mentioned: Vec<&Value> = doc["claims"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|c| c["field"] == field.as_str() && c["role"] == "mention")
                .map(|c| &c["value"])
                .collect();
            let read = claimed(doc, field);
            for v in values.as_array().into_iter().flatten() {
                if read.contains(v) {
                    m.push(format!("{id}: {field} {v} is read, but it is a mention"));
                } else if !mentioned.contains(&v) {
                    m.push(format!("{id}: {field} {v} is not kept as a mention"));
                }
            }
        }
        match exp.get("meeting") {
            Some(Value::Null) => {
                if !doc["meeting"].is_null() {
                    m.push(format!("{id}: reports a meeting, want none"));
                }
                if doc["reason"].as_str().is_none_or(str::is_empty) {
                    m.push(format!("{id}: no meeting, but no reason"));
                }
            }
            _ => {
                if doc["status"] == "ok" && doc["meeting"].is_null() {
                    m.push(format!(
                        "{id}: reports no meeting ({}), want one",
                        doc["reason"]
                    ));
                }
            }
        }
        for kind in exp["findings"].as_array().into_iter().flatten() {
            let found = doc["findings"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|f| &f["kind"] == kind);
            if !found {
                m.push(format!("{id}: lacks the finding {kind}"));
            }
        }
    }
}

/// Checks the documents that report no meeting.
pub fn check_unattached(report: &Value, expected: &[String], m: &mut Mismatches) {
    let mut got: Vec<String> = report["unattached"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["document"].as_str().map(str::to_owned))
        .collect();
    got.sort();
    let mut want = expected.to_vec();
    want.sort();
    if got != want {
        m.push(format!("unattached: want {want:?}, got {got:?}"));
    }
}

/// Checks the contradictions found: each expected one (a field and its two values) is there,
/// and no other.
pub fn check_contradictions(report: &Value, expected: &[Value], m: &mut Mismatches) {
    let key = |field: &Value, values: &Value| {
        let mut v: Vec<String> = values
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| match x {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        v.sort();
        format!("{}: {}", field.as_str().unwrap_or_default(), v.join(" vs "))
    };
    let mut got: Vec<String> = report["contradictions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| key(&c["field"], &c["values"]))
        .collect();
    got.sort();
    let mut want: Vec<String> = expected
        .iter()
        .map(|c| key(&c["field"], &c["values"]))
        .collect();
    want.sort();
    if got != want {
        m.push(format!("contradictions: want {want:?}, got {got:?}"));
    }
}

/// Checks the grouping into events (as sets of document ids).
pub fn check_events(report: &Value, expected: &[Vec<String>], m: &mut Mismatches) {
    let mut got: Vec<Vec<String>> = report["events"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let mut ids: Vec<String> = e["documents"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|d| d.as_str().map(str::to_owned))
                .collect();
            ids.sort();
            ids
        })
        .collect();
    got.sort();
    let mut want = expected.to_vec();
    for w in &mut want {
        w.sort();
    }
    want.sort();
    if got != want {
        m.push(format!("events: want {want:?}, got {got:?}"));
    }
}

/// A field's judgement in the report's event that holds `doc`.
pub fn event_field<'a>(report: &'a Value, doc: &str, name: &str) -> Option<&'a Value> {
    report["events"].as_array()?.iter().find(|e| {
        e["documents"]
            .as_array()
            .is_some_and(|d| d.iter().any(|x| x == doc))
    })?["fields"]
        .as_array()?
        .iter()
        .find(|f| f["field"] == name)
}

/// Checks verdicts of the event holding `doc` (`{"field": {"status": …}}`, the keys the corpus
/// used before version 2, or `{"field": "verdict"}`).
pub fn check_event_fields(report: &Value, doc: &str, expected: &Value, m: &mut Mismatches) {
    let Some(fields) = expected.as_object() else {
        return;
    };
    for (name, exp) in fields {
        let want = exp.get("status").unwrap_or(exp);
        let Some(f) = event_field(report, doc, name) else {
            m.push(format!("field {name}: missing from the event of {doc}"));
            continue;
        };
        let same_list =
            LIST_FIELDS.contains(&name.as_str()) && want == "partial" && f["verdict"] == "agree";
        if &f["verdict"] != want && !same_list {
            m.push(format!(
                "field {name} of the event of {doc}: verdict {} (want {want})",
                f["verdict"]
            ));
        }
    }
}
