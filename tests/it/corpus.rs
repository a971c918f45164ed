//! The project's own corpus (`tests/corpus/<scenario>/`): short articles written for these
//! tests, each scenario with its expected claims, events, verdicts and exit code.

use std::path::Path;

use serde_json::Value;

use crate::expect::{self, Mismatches};

fn check_scenario(dir: &Path, m: &mut Mismatches) {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json"),
    )
    .unwrap_or_else(|e| panic!("{name}/expected.json: {e}"));
    let (report, code) = crate::json_report(dir);
    let mut local = Mismatches::default();
    expect::check_documents(&report, &expected, &mut local);
    if let Some(events) = expected["events"].as_array() {
        let want: Vec<Vec<String>> = events
            .iter()
            .map(|e| {
                e.as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d.as_str().unwrap().to_owned())
                    .collect()
            })
            .collect();
        expect::check_events(&report, &want, &mut local);
    }
    expect::check_fields(&report, &expected["fields"], &mut local);
    if let Some(want) = expected["exit_code"].as_i64()
        && i64::from(code) != want
    {
        local.push(format!("exit code {code}, want {want}"));
    }
    m.0.extend(local.0.into_iter().map(|s| format!("{name}: {s}")));
}

#[test]
fn every_scenario_gives_its_expected_claims_and_verdicts() {
    let root = crate::root().join("tests/corpus");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 9, "the corpus has its scenarios");
    let mut m = Mismatches::default();
    for dir in &dirs {
        check_scenario(dir, &mut m);
    }
    m.assert_none("corpus");
}
