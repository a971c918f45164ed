//! The command line: inputs, formats, colour, exit codes, determinism.

use std::fs;

use crate::{run, run_with_stdin};

#[test]
fn help_explains_options_with_examples() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for option in [
        "--format",
        "--color",
        "--fail-on",
        "--diff",
        "--lexicon",
        "--max-size",
        "--encoding",
    ] {
        assert!(help.contains(option), "help mentions {option}");
    }
    assert!(help.contains("Examples:"));
}

#[test]
fn version_prints() {
    let out = run(&["--version"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("reconcile ")
    );
}

#[test]
fn no_arguments_is_a_usage_error() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(
        run(&["--format", "yaml", "fixtures"]).status.code(),
        Some(2)
    );
}

#[test]
fn json_is_byte_identical_across_runs() {
    let a = run(&["--format", "json", "fixtures"]);
    let b = run(&["--format", "json", "fixtures"]);
    assert_eq!(a.stdout, b.stdout);
    let t1 = run(&["fixtures"]);
    let t2 = run(&["fixtures"]);
    assert_eq!(t1.stdout, t2.stdout);
}

#[test]
fn standard_input_is_a_document() {
    let text = fs::read("fixtures/004_5bd15f56386ea9c3.txt").unwrap();
    let out = run_with_stdin(&["--format", "json", "-"], &text);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][0]["id"], "stdin");
    assert_eq!(report["documents"][0]["status"], "ok");
    let claims = report["documents"][0]["claims"].as_array().unwrap();
    assert!(
        claims
            .iter()
            .any(|c| c["field"] == "member_count" && c["value"] == 85)
    );
    // One document alone has no conflict.
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn fail_on_chooses_what_counts() {
    // The fixtures describe two meetings and contradict each other about neither.
    assert_eq!(run(&["fixtures"]).status.code(), Some(0));
    // Two reports of one Thursday ministerial that give it different member counts.
    let dir = tempfile::tempdir().unwrap();
    for (name, count) in [("a.txt", 70), ("b.txt", 72)] {
        fs::write(
            dir.path().join(name),
            format!(
                "عقد وزراء خارجية التحالف الدولي اجتماعهم في بروكسل يوم الخميس، \
                 وأكد البيان أن التحالف يضم {count} عضواً.\n"
            ),
        )
        .unwrap();
    }
    let dir = dir.path().to_str().unwrap();
    assert_eq!(run(&[dir]).status.code(), Some(1));
    for which in ["contradiction", "any", "within-event"] {
        assert_eq!(
            run(&[dir, "--fail-on", which]).status.code(),
            Some(1),
            "{which}"
        );
    }
    assert_eq!(run(&[dir, "--fail-on", "never"]).status.code(), Some(0));
}

#[test]
fn an_unknown_diff_field_is_an_error_that_lists_the_valid_ones() {
    let out = run(&["fixtures", "--diff", "member_cuont"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("member_cuont") && err.contains("member_count"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no report on a usage error");
    // A hostile name is shown, but never acted on.
    let out = run(&["fixtures", "--diff", "x\u{1b}[31m"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.contains(&0x1b));
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let plain = run(&["fixtures"]);
    assert!(!plain.stdout.contains(&0x1b), "no colour when piped");
    let coloured = run(&["fixtures", "--color", "always"]);
    assert!(coloured.stdout.contains(&0x1b));
    let never = run(&["fixtures", "--color", "never"]);
    assert!(!never.stdout.contains(&0x1b));
}

#[test]
fn missing_paths_are_reported_and_the_run_goes_on() {
    let out = run(&[
        "--format",
        "json",
        "fixtures/000_78b0ee22b5934dd2.txt",
        "no/such/file.txt",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["status"], "error");
    assert!(docs[1]["reason"].as_str().unwrap().contains("cannot read"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    // A path named on the command line that cannot be read fails the run, after the report.
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn nothing_readable_exits_2() {
    let out = run(&["no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no input could be read"));
}

#[test]
fn folder_walk_lists_what_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "fixtures/004_5bd15f56386ea9c3.txt",
        dir.path().join("a.txt"),
    )
    .unwrap();
    fs::write(dir.path().join("notes.md"), "not an article").unwrap();
    fs::write(dir.path().join("binary.txt"), b"abc\0def").unwrap();
    let out = run(&["--format", "json", dir.path().to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = report["documents"].as_array().unwrap();
    let status: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        status,
        vec![("a", "ok"), ("binary", "skipped"), ("notes", "skipped")]
    );
    assert!(
        docs[1]["reason"]
            .as_str()
            .unwrap()
            .contains("NUL byte at byte offset 3")
    );
}

#[test]
fn diff_shows_how_wording_differs() {
    let out = run(&["fixtures", "--diff", "member_count"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("How the wording differs: member count"),
        "{text}"
    );
    assert!(text.contains("[-") || text.contains("{+"));
}

#[test]
fn utf16_input_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string("fixtures/004_5bd15f56386ea9c3.txt").unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    fs::write(dir.path().join("u16.txt"), bytes).unwrap();
    let out = run(&["--format", "json", dir.path().to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &report["documents"][0];
    assert_eq!(doc["encoding"], "UTF-16LE");
    assert_eq!(doc["offsets"], "decoded_utf8");
    assert!(
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["value"] == 85)
    );
}

/// `--lexicon DIR` extends the word lists too: a month spelling the calendar lacks, and a verb
/// for holding a meeting the cues lack, written for this test.
#[test]
fn a_lexicon_directory_extends_the_calendar_and_the_cues() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    fs::write(
        &article,
        "التأم شمل وزراء خارجية التحالف الدولي في عمّان يوم 4 فبرويير 2026، \
         وتدارس المجتمعون بالعاصمة الأردنية الوضع في سوريا.\n",
    )
    .unwrap();
    let dates = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--format", "json"];
        all.extend(args);
        all.push(article.to_str().unwrap());
        let out = run(&all);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["documents"][0]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["field"] == "meeting_date")
            .map(|c| c["value"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        dates(&[]).is_empty(),
        "the built-in calendar does not know this spelling"
    );
    let lexicon = dir.path().join("lexicon");
    fs::create_dir(&lexicon).unwrap();
    fs::write(
        lexicon.join("calendar.tsv"),
        "month_gregorian\t02\tفبرويير\n",
    )
    .unwrap();
    assert_eq!(
        dates(&["--lexicon", lexicon.to_str().unwrap()]),
        ["2026-02-04"]
    );
    // A bad row is an error that names the file.
    fs::write(lexicon.join("cues.tsv"), "meeting\tverb\n").unwrap();
    let out = run(&[
        "--lexicon",
        lexicon.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cues.tsv"));
}
