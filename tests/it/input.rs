//! Input lost or misreported (issue 13): `--reduce` reads each input once (pipes, `-`), refuses
//! bad map records before anything reaches standard output, failures are reported for what they
//! are, a path named on the command line that cannot be read fails the run, standard input can
//! be named, and a closed pipe keeps the status the run decided.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::{root, run, run_with_stdin};

/// A Thursday ministerial in Rome whose statement gives the coalition `members` members,
/// written for these tests.
fn meeting(members: u32) -> String {
    format!(
        "اجتمع وزراء خارجية دول التحالف الدولي في روما يوم الخميس، \
         وقال البيان الختامي إن التحالف يضم {members} دولة.\n"
    )
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn fixtures() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    files.sort();
    files
}

/// `--map` over `paths`: its standard output.
fn map(paths: &[String]) -> Vec<u8> {
    let mut args = vec!["--map"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    out.stdout
}

/// The fixtures in two map parts (in input order) and the single run's JSON report of them.
struct Parts {
    dir: tempfile::TempDir,
    a: PathBuf,
    b: PathBuf,
    single: Output,
}

fn parts() -> Parts {
    let files = fixtures();
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("part-00.jsonl");
    let b = dir.path().join("part-01.jsonl");
    fs::write(&a, map(&files[..2])).unwrap();
    fs::write(&b, map(&files[2..])).unwrap();
    let mut args = vec!["--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let single = run(&args);
    assert_eq!(single.status.code(), Some(0), "{}", stderr(&single));
    Parts { dir, a, b, single }
}

/// Runs a bash command line with `$R` the binary, in the project root.
fn bash(script: &str) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("R", env!("CARGO_BIN_EXE_reconcile"))
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .expect("bash runs")
}

fn same_as_single(out: &Output, single: &Output) {
    assert_eq!(out.status.code(), single.status.code(), "{}", stderr(out));
    assert!(
        out.stdout == single.stdout,
        "reduce output differs from the single run; stderr: {}",
        stderr(out)
    );
}

// ---------------------------------------------------------------------------------------------
// 1. --reduce reads each input once

#[test]
fn reduce_reads_a_pipe_beside_a_file_and_a_pipe_alone() {
    let p = parts();
    let (a, b) = (p.a.display(), p.b.display());
    let out = bash(&format!("\"$R\" --reduce --format json '{a}' <(cat '{b}')"));
    same_as_single(&out, &p.single);
    let out = bash(&format!("\"$R\" --reduce --format json <(cat '{a}' '{b}')"));
    same_as_single(&out, &p.single);
}

#[test]
fn reduce_reads_standard_input() {
    let p = parts();
    let mut both = fs::read(&p.a).unwrap();
    both.extend(fs::read(&p.b).unwrap());
    let out = run_with_stdin(&["--reduce", "--format", "json", "-"], &both);
    same_as_single(&out, &p.single);
    // Standard input between files keeps its place.
    let out = run_with_stdin(
        &["--reduce", "--format", "json", p.a.to_str().unwrap(), "-"],
        &fs::read(&p.b).unwrap(),
    );
    same_as_single(&out, &p.single);
}

#[test]
fn an_input_with_no_map_record_is_said() {
    let p = parts();
    let empty = p.dir.path().join("part-02.jsonl");
    fs::write(&empty, "").unwrap();
    let out = run(&[
        "--reduce",
        p.a.to_str().unwrap(),
        empty.to_str().unwrap(),
        p.b.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("part-02.jsonl") && err.contains("no map record"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Bad map records: refused by name, file and line, before anything reaches standard output

#[test]
fn map_records_carry_the_schema_version_first() {
    let out = map(&fixtures());
    for line in String::from_utf8(out).unwrap().lines() {
        assert!(line.starts_with("{\"schema_version\":2,"), "{line}");
    }
}

/// One good record, then `bad` made from the second record: reduced in every format, the run
/// fails with a message naming `part.jsonl:2` and saying `says`, and writes nothing on standard
/// output.
fn refused(bad: impl Fn(&mut Value), says: &str) {
    let records = map(&fixtures()[..2]);
    let text = String::from_utf8(records).unwrap();
    let mut lines = text.lines();
    let first = lines.next().unwrap();
    let mut second: Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    bad(&mut second);
    let dir = tempfile::tempdir().unwrap();
    let part = dir.path().join("part.jsonl");
    fs::write(&part, format!("{first}\n{second}\n")).unwrap();
    for format in ["json", "jsonl", "text", "github", "html"] {
        let out = run(&["--reduce", "--format", format, part.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{format}: {}", stderr(&out));
        assert!(
            out.stdout.is_empty(),
            "{format}: standard output holds {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        let err = stderr(&out);
        assert!(
            err.contains("part.jsonl:2:") && err.contains(says),
            "{format}: {err}"
        );
    }
}

fn evidence(record: &mut Value) -> &mut Value {
    &mut record["claims"][0]["evidence"]
}

#[test]
fn a_record_of_another_schema_version_is_refused_by_name() {
    refused(|r| r["schema_version"] = 1.into(), "schema version 1");
    refused(
        |r| {
            r.as_object_mut().unwrap().remove("schema_version");
        },
        "without schema_version",
    );
}

#[test]
fn a_span_that_starts_after_it_ends_is_refused() {
    refused(
        |r| {
            let end = evidence(r)["end"].as_u64().unwrap();
            evidence(r)["start"] = (end + 1).into();
        },
        "starts after it ends",
    );
}

#[test]
fn a_span_that_does_not_cover_its_text_is_refused() {
    refused(
        |r| {
            let end = evidence(r)["end"].as_u64().unwrap();
            evidence(r)["end"] = (end + 5).into();
        },
        "but its text has",
    );
}

#[test]
fn a_span_off_char_boundaries_is_refused() {
    // Arabic letters take two bytes: moved by one, the span keeps its length but cuts them.
    refused(
        |r| {
            for key in ["start", "end"] {
                let at = evidence(r)[key].as_u64().unwrap();
                evidence(r)[key] = (at + 1).into();
            }
        },
        "not on char boundaries",
    );
}

#[test]
fn a_span_outside_its_sentence_is_refused() {
    refused(
        |r| {
            let context = &mut r["claims"][0]["context"];
            let end = context["end"].as_u64().unwrap();
            let len = context["text"].as_str().unwrap().len() as u64;
            context["start"] = (end + 100).into();
            context["end"] = (end + 100 + len).into();
        },
        "outside its sentence",
    );
}

/// The first claim of a record that the text states more than once.
fn repeated_claim(record: &mut Value) -> &mut Value {
    record["claims"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c.get("more_evidence").is_some())
        .expect("a fixture that states a claim twice")
}

#[test]
fn a_repeated_claim_with_other_words_or_too_small_a_count_is_refused() {
    refused(
        |r| {
            let place = &mut repeated_claim(r)["more_evidence"][0];
            // As many bytes, other words.
            let text = place["text"].as_str().unwrap().replace('ا', "ب");
            place["text"] = text.into();
        },
        "quotes other words than its evidence",
    );
    refused(
        |r| repeated_claim(r)["count"] = 1.into(),
        "less than its places",
    );
}

#[test]
fn a_json_report_given_as_map_records_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for (format, says) in [
        ("json", "--format json report"),
        ("jsonl", "JSON Lines report"),
    ] {
        let report = run(&["--format", format, "fixtures"]);
        let path = dir.path().join(format!("report.{format}"));
        fs::write(&path, &report.stdout).unwrap();
        let out = run(&["--reduce", "--format", "json", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        assert!(
            err.contains(&format!("report.{format}:1:")) && err.contains(says),
            "{err}"
        );
        assert!(err.contains("reconcile --map"), "{err}");
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Reasons that say what happened

#[cfg(target_os = "linux")]
#[test]
fn a_path_longer_than_the_system_allows_is_called_that() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("articles");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("good.txt"), meeting(70)).unwrap();
    // Folders nested past PATH_MAX (4096 bytes): made one relative step at a time, which the
    // shell can do where a whole path could not be created at once.
    let name = "d".repeat(200);
    let made = Command::new("sh")
        .arg("-c")
        .arg(r#"cd "$1" || exit 1; for i in $(seq 25); do mkdir "$2" || exit 1; cd "$2" 2>/dev/null || break; done"#)
        .arg("sh")
        .arg(&root)
        .arg(&name)
        .status()
        .unwrap();
    assert!(made.success());
    let out = run(&["--format", "json", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = report["documents"].as_array().unwrap();
    let long: Vec<&Value> = docs
        .iter()
        .filter(|d| d["path"].as_str().unwrap().len() > 4096)
        .collect();
    assert_eq!(long.len(), 1, "{docs:?}");
    assert_eq!(long[0]["status"], "error");
    let reason = long[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("longer than the system allows") && !reason.contains("symbolic link"),
        "{reason}"
    );
}

/// A file found in a folder and deleted before it is read. The run reads standard input first
/// (one thread, in input order), and blocks there until the test has deleted the file: a write
/// larger than a pipe holds returns only once the run reads, so discovery is over by then.
#[test]
fn a_file_deleted_during_the_run_is_called_that() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    fs::create_dir(&folder).unwrap();
    let victim = folder.join("victim.txt");
    fs::write(&victim, meeting(70)).unwrap();
    fs::write(folder.join("good.txt"), meeting(70)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_reconcile"))
        .args(["--format", "json", "-"])
        .arg(&folder)
        .env("RAYON_NUM_THREADS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut text = "\n".repeat(512 * 1024);
    text.push_str(&meeting(70));
    stdin.write_all(&text.as_bytes()[..256 * 1024]).unwrap();
    fs::remove_file(&victim).unwrap();
    stdin.write_all(&text.as_bytes()[256 * 1024..]).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let report: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let d = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("victim.txt"))
        .unwrap();
    assert_eq!(d["status"], "error");
    let reason = d["reason"].as_str().unwrap();
    assert!(
        reason.contains("deleted or moved") && !reason.contains("symbolic link"),
        "{reason}"
    );
    // Inside a folder, it does not fail the run.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_still_called_one() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.txt");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&gone, &link).unwrap();
    fs::write(dir.path().join("good.txt"), meeting(70)).unwrap();
    let out = run(&["--format", "json", dir.path().to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &report["documents"][1];
    assert!(d["path"].as_str().unwrap().ends_with("link.txt"));
    assert!(
        d["reason"]
            .as_str()
            .unwrap()
            .contains("dangling symbolic link"),
        "{d}"
    );
    assert_eq!(out.status.code(), Some(0));
}

// ---------------------------------------------------------------------------------------------
// 4. A path named on the command line that cannot be read fails the run

#[test]
fn a_named_path_that_cannot_be_read_fails_the_run_after_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, meeting(70)).unwrap();
    let good = good.to_str().unwrap();
    let typo = "articels/missing.txt";
    let out = run(&["--format", "json", good, typo]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // Everything else is still reported, in full.
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][0]["status"], "ok");
    assert_eq!(report["documents"][1]["status"], "error");
    let err = stderr(&out);
    assert!(
        err.contains(typo) && err.contains("named on the command line"),
        "{err}"
    );
    // The map step too, after writing every record.
    let out = run(&["--map", good, typo]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    // A failure outweighs contradictions, and --exit-zero does not hide it.
    let other = dir.path().join("other.txt");
    fs::write(&other, meeting(72)).unwrap();
    let other = other.to_str().unwrap();
    assert_eq!(run(&[good, other]).status.code(), Some(1));
    assert_eq!(run(&[good, other, typo]).status.code(), Some(2));
    assert_eq!(
        run(&[good, other, typo, "--exit-zero"]).status.code(),
        Some(2)
    );
}

/// Read, but not text: the document is an `error`, the command line is not at fault.
#[test]
fn a_named_file_that_is_read_but_is_not_text_does_not_fail_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, meeting(70)).unwrap();
    let bad = dir.path().join("latin.txt");
    fs::write(&bad, b"notes \xC3\x28 and \xFF more").unwrap();
    let out = run(&[
        "--format",
        "json",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][1]["status"], "error");
}

#[cfg(unix)]
#[test]
fn a_file_that_fails_inside_a_named_folder_does_not_fail_the_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), meeting(70)).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("bad.txt")).unwrap();
    let out = run(&[dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("bad.txt"));
}

#[test]
fn help_says_when_the_run_fails() {
    let help = String::from_utf8(run(&["--help"]).stdout).unwrap();
    assert!(help.contains("named on the"), "{help}");
    assert!(help.contains("--stdin-filename"), "{help}");
}

// ---------------------------------------------------------------------------------------------
// 13. --stdin-filename

#[test]
fn stdin_filename_names_standard_input_in_every_report() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt"] {
        fs::write(dir.path().join(name), meeting(70)).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let new = meeting(72);
    let with = |format: &str| {
        run_with_stdin(
            &[
                "--stdin-filename",
                "articles/zz_new.txt",
                "--format",
                format,
                folder,
                "-",
            ],
            new.as_bytes(),
        )
    };
    let out = with("github");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let github = String::from_utf8(out.stdout).unwrap();
    assert!(
        github.starts_with("::error file=articles/zz_new.txt,line=1,"),
        "{github}"
    );
    assert!(!github.contains("file=-"));
    let report: Value = serde_json::from_slice(&with("json").stdout).unwrap();
    let d = &report["documents"][2];
    assert_eq!(d["path"], "articles/zz_new.txt");
    // Its id is the one the file would have.
    assert_eq!(d["id"], "zz_new");
    let text = String::from_utf8(with("text").stdout).unwrap();
    assert!(text.contains("articles/zz_new.txt:1:"), "{text}");
    // Map records carry the name, so the reduce step gives the single run's report.
    let records = run_with_stdin(
        &[
            "--stdin-filename",
            "articles/zz_new.txt",
            "--map",
            folder,
            "-",
        ],
        new.as_bytes(),
    );
    let part = dir.path().join("part.jsonl");
    fs::write(&part, &records.stdout).unwrap();
    let reduced = run(&["--reduce", "--format", "json", part.to_str().unwrap()]);
    assert_eq!(
        serde_json::from_slice::<Value>(&reduced.stdout).unwrap(),
        report
    );
}

#[test]
fn stdin_filename_without_standard_input_is_an_error() {
    let out = run(&["--stdin-filename", "a.txt", "fixtures"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--stdin-filename"));
    assert!(out.stdout.is_empty());
}

// ---------------------------------------------------------------------------------------------
// 14. A closed pipe keeps the decided status

/// Runs the binary with its standard output closed after `keep` bytes (`| head -c`).
fn cut_after(args: &[&str], keep: usize) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reconcile"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = vec![0; keep];
    let _ = stdout.read_exact(&mut head);
    drop(stdout);
    child.wait_with_output().unwrap()
}

fn contradicting(dir: &Path) -> Vec<String> {
    ["a.txt", "b.txt"]
        .iter()
        .zip([70, 72])
        .map(|(name, n)| {
            let path = dir.join(name);
            fs::write(&path, meeting(n)).unwrap();
            path.to_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn a_closed_pipe_keeps_the_status_the_run_decided() {
    let dir = tempfile::tempdir().unwrap();
    let files = contradicting(dir.path());
    for format in ["text", "json", "jsonl", "github", "html"] {
        for keep in [0, 10] {
            let out = cut_after(&["--format", format, &files[0], &files[1]], keep);
            assert_eq!(out.status.code(), Some(1), "{format}, {keep} bytes read");
            assert!(
                !stderr(&out).contains("error"),
                "a closed pipe is not an error: {}",
                stderr(&out)
            );
        }
        let out = cut_after(&["--format", format, &files[0], "no/such.txt"], 0);
        assert_eq!(out.status.code(), Some(2), "{format}");
    }
}

/// `--map` writes records as it makes them; the corpus's records are more than a pipe holds,
/// so a reader that stops early cuts the run short.
#[test]
fn a_cut_map_step_exits_with_what_it_saw() {
    let out = cut_after(&["--map", "tests/corpus"], 10);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A failed named path, seen before the cut.
    let out = cut_after(&["--map", "no/such.txt", "tests/corpus"], 10);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
