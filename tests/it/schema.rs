//! The checked-in JSON Schema is the one generated from the report types, and real output
//! validates against it.

use serde_json::Value;

fn checked_in() -> Value {
    serde_json::from_str(include_str!("../../schema/report.schema.json")).expect("schema parses")
}

#[test]
fn checked_in_schema_matches_the_types() {
    let out = crate::run(&["--print-schema"]);
    let generated: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        generated,
        checked_in(),
        "schema/report.schema.json is stale: run `cargo run -- --print-schema > schema/report.schema.json`"
    );
}

#[test]
fn fixture_and_corpus_reports_validate() {
    let schema = checked_in();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut paths = vec![crate::root().join("fixtures")];
    paths.push(crate::root().join("tests/corpus/02_count_conflict_same_meeting"));
    for path in paths {
        let (report, _) = crate::json_report(&path);
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}
