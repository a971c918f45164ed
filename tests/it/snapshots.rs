//! Snapshots of what people and scripts read: the terminal report and the JSON of the fixtures.
//! Review changes with `cargo insta review`.

#[test]
fn text_report_of_the_fixtures() {
    let out = crate::run(&["fixtures", "--color", "never"]);
    insta::assert_snapshot!("text_report", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn json_report_of_the_fixtures() {
    let out = crate::run(&["fixtures", "--format", "json"]);
    insta::assert_snapshot!("json_report", String::from_utf8(out.stdout).unwrap());
}
