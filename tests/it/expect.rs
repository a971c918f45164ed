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
pub const EXTRA_FIELDS: &[&str] = &["published_date", "published_weekday"];

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
            if *field == "priorities" {
                let items = |v: Option<&Value>| -> Vec<Value> {
                    v.and_then(Value::as_array).cloned().unwrap_or_default()
                };
                let (want, opt) = (items(want), items(opt));
                for w in &want {
                    if !got.contains(w) {
                        m.push(format!("{id}: priorities lacks {w}"));
                    }
                }
                for g in &got {
                    if !want.contains(g) && !opt.contains(g) {
                        m.push(format!("{id}: priorities has unexpected {g}"));
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

pub fn field<'a>(report: &'a Value, name: &str) -> Option<&'a Value> {
    report["fields"]
        .as_array()?
        .iter()
        .find(|f| f["field"] == name)
}

/// Checks field verdicts (status, and scope for conflicts).
pub fn check_fields(report: &Value, expected: &Value, m: &mut Mismatches) {
    let Some(fields) = expected.as_object() else {
        return;
    };
    for (name, exp) in fields {
        let Some(f) = field(report, name) else {
            m.push(format!("field {name}: missing from the report"));
            continue;
        };
        if f["status"] != exp["status"] {
            m.push(format!(
                "field {name}: status {} (want {})",
                f["status"], exp["status"]
            ));
        }
        if let Some(scope) = exp.get("scope")
            && &f["scope"] != scope
        {
            m.push(format!("field {name}: scope {} (want {scope})", f["scope"]));
        }
    }
}
