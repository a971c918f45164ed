//! CI use: baselines, `--fail-on`, GitHub annotations, JSON Lines, completions, man page, and
//! every format on standard input.

use std::fs;
use std::path::Path;

use crate::{run, run_with_stdin};

/// A collection: the fixtures, copied into a temporary folder, plus a baseline of them.
fn collection() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    for entry in fs::read_dir(crate::root().join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
    }
    let baseline = dir.path().join("baseline.json");
    let (a, b) = (
        articles.to_str().unwrap().to_owned(),
        baseline.to_str().unwrap().to_owned(),
    );
    let out = run(&[&a, "--write-baseline", &b, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the fixtures describe two meetings and contradict each other about neither"
    );
    (dir, a, b)
}

fn add(articles: &str, name: &str, text: &str) {
    fs::write(Path::new(articles).join(name), text).unwrap();
}

/// An article about the Monday meeting in Riyadh that gives it 95 members (the fixtures say 90).
const NINETY_FIVE: &str = "عنوان الخبر\n\nاستضافت الرياض يوم الاثنين اجتماعاً للمجموعة المصغرة للتحالف الدولي.\n\
     ورحب المشاركون بانضمام سوريا بصفتها العضو رقم 95 في التحالف.\n";

#[test]
fn baseline_is_sorted_stable_json() {
    let (_dir, articles, baseline) = collection();
    add(&articles, "zz_new.txt", NINETY_FIVE);
    add(
        &articles,
        "zz_other.txt",
        "عنوان آخر\n\nانعقد في الرياض يوم الخميس اجتماع وزراء خارجية التحالف الدولي، \
         الذي يضم 86 عضواً.\n",
    );
    // Writing a baseline accepts the contradictions it records: exit 0.
    let out = run(&[&articles, "--write-baseline", &baseline]);
    assert_eq!(out.status.code(), Some(0));
    let first = fs::read_to_string(&baseline).unwrap();
    let again = run(&[&articles, "--write-baseline", &baseline]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&baseline).unwrap(), first, "stable");
    let parsed: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(parsed["schema_version"], 2);
    // Sorted by the key's own order: the event's host, type family and day, the field, the values.
    let keys: Vec<[String; 6]> = parsed["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
            [
                text(&c["event"]["host"]),
                text(&c["event"]["family"]),
                text(&c["event"]["day"]),
                text(&c["field"]),
                text(&c["values"][0]),
                text(&c["values"][1]),
            ]
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "sorted");
    for key in &keys {
        assert!(key[4] < key[5], "the two values are sorted: {key:?}");
    }
    // The whole file, byte for byte: pretty, sorted, one final newline. The Thursday ministerial
    // (85 in the fixtures, 86 in zz_other) sorts before the Monday officials-level meeting (90 in
    // the fixtures, 95 in zz_new) by its type family.
    let want = r#"{
  "schema_version": 2,
  "contradictions": [
    {
      "event": {
        "host": "Riyadh",
        "family": "ministerial",
        "day": "thursday"
      },
      "field": "member_count",
      "values": [
        "85",
        "86"
      ]
    },
    {
      "event": {
        "host": "Riyadh",
        "family": "officials",
        "day": "2026-02-09"
      },
      "field": "member_count",
      "values": [
        "90",
        "95"
      ]
    }
  ]
}
"#;
    assert_eq!(first, want);
}

#[test]
fn unchanged_collection_passes_its_baseline() {
    let (_dir, articles, baseline) = collection();
    let out = run(&[&articles, "--baseline", &baseline]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn an_agreeing_article_passes() {
    let (_dir, articles, baseline) = collection();
    add(
        &articles,
        "agree.txt",
        "الرياض – وكالة\nاستضافت الرياض يوم الاثنين اجتماعاً للمجموعة المصغرة للتحالف الدولي، \
         ورحب المشاركون بانضمام سوريا بصفتها العضو رقم 90.\n",
    );
    let out = run(&[&articles, "--baseline", &baseline]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_contradiction_about_the_monday_meeting_fails_with_an_annotation() {
    let (_dir, articles, baseline) = collection();
    add(&articles, "zz_new.txt", NINETY_FIVE);
    let out = run(&[&articles, "--baseline", &baseline, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("::error file="), "{first}");
    assert!(first.contains("zz_new.txt,line=4,"), "{first}");
    assert!(first.contains("contradiction"), "{first}");
    assert!(text.contains("::stop-commands::"));
    // Without a baseline too, and not with --fail-on never or --exit-zero.
    let plain = run(&[&articles]);
    assert_eq!(plain.status.code(), Some(1));
    let never = run(&[&articles, "--fail-on", "never"]);
    assert_eq!(never.status.code(), Some(0));
    let zero = run(&[&articles, "--baseline", &baseline, "--exit-zero"]);
    assert_eq!(zero.status.code(), Some(0));
}

#[test]
fn another_meeting_is_a_difference_not_a_contradiction() {
    let (_dir, articles, baseline) = collection();
    add(
        &articles,
        "other.txt",
        "انعقد يوم الأحد في الدوحة اجتماع لوزراء الدفاع في التحالف الدولي، \
         الذي يضم 95 دولة عضواً.\n",
    );
    for args in [
        vec![articles.as_str()],
        vec![articles.as_str(), "--baseline", &baseline],
    ] {
        let out = run(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "it describes another meeting: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn fail_on_new_needs_a_baseline() {
    let out = run(&["fixtures", "--fail-on", "new"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--baseline"));
}

/// Runs with `--baseline baseline` over `articles`, with a watchdog: a baseline that blocks
/// fails the test instead of hanging the suite.
fn with_baseline(articles: &str, baseline: &Path) -> std::process::Output {
    let args = [
        std::ffi::OsStr::new(articles),
        std::ffi::OsStr::new("--baseline"),
        baseline.as_os_str(),
    ];
    crate::run_os(&args, b"", std::time::Duration::from_secs(60))
}

/// A baseline that cannot be had is an error that names the file and says why: exit 2, no
/// report.
fn assert_refused(out: &std::process::Output, baseline: &Path, why: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "no report for a refused baseline");
    assert!(
        stderr.contains(&baseline.display().to_string()) && stderr.contains(why),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_baseline_that_is_a_device_or_a_folder_is_refused_without_reading_it() {
    let (_dir, articles, _) = collection();
    // /dev/zero never ends: read whole, it would fill memory.
    let zero = Path::new("/dev/zero");
    assert_refused(&with_baseline(&articles, zero), zero, "not a regular file");
    let folder = Path::new(&articles);
    assert_refused(&with_baseline(&articles, folder), folder, "a folder");
}

#[cfg(unix)]
#[test]
fn a_baseline_that_is_a_fifo_is_refused_without_blocking() {
    let (dir, articles, _) = collection();
    let fifo = dir.path().join("baseline.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        crate::skipped(
            "a_baseline_that_is_a_fifo_is_refused_without_blocking",
            "mkfifo could not make a FIFO here",
        );
        return;
    }
    // Nothing ever writes to it: opening it to read would wait for ever.
    assert_refused(
        &with_baseline(&articles, &fifo),
        &fifo,
        "not a regular file",
    );
}

#[test]
fn a_baseline_over_the_size_limit_is_refused_without_reading_it() {
    let (dir, articles, _) = collection();
    let huge = dir.path().join("huge.json");
    // Sparse: 64 MiB and one byte, nothing written.
    let file = fs::File::create(&huge).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap();
    drop(file);
    assert_refused(
        &with_baseline(&articles, &huge),
        &huge,
        "larger than 67108864 bytes",
    );
}

#[test]
fn a_baseline_with_a_utf8_bom_is_read() {
    let (_dir, articles, baseline) = collection();
    add(&articles, "zz_new.txt", NINETY_FIVE);
    let out = run(&[&articles, "--write-baseline", &baseline]);
    assert_eq!(out.status.code(), Some(0));
    // Saved again by an editor that writes a BOM.
    let text = fs::read(&baseline).unwrap();
    fs::write(&baseline, [b"\xEF\xBB\xBF".as_slice(), &text].concat()).unwrap();
    let out = with_baseline(&articles, Path::new(&baseline));
    assert_eq!(
        out.status.code(),
        Some(0),
        "the contradiction is known from the baseline: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_baseline_with_an_unknown_key_is_refused_by_its_name() {
    let (_dir, articles, baseline) = collection();
    add(&articles, "zz_new.txt", NINETY_FIVE);
    let out = run(&[&articles, "--write-baseline", &baseline]);
    assert_eq!(out.status.code(), Some(0));
    let written: serde_json::Value = serde_json::from_slice(&fs::read(&baseline).unwrap()).unwrap();
    // A misspelt key at the top, and one inside an entry's event.
    for (object, key) in [("", "contradiction"), ("/contradictions/0/event", "hots")] {
        let mut edited = written.clone();
        edited
            .pointer_mut(object)
            .and_then(serde_json::Value::as_object_mut)
            .expect("the baseline has that object")
            .insert(key.to_owned(), "Riyadh".into());
        fs::write(&baseline, serde_json::to_vec_pretty(&edited).unwrap()).unwrap();
        let out = with_baseline(&articles, Path::new(&baseline));
        assert_refused(
            &out,
            Path::new(&baseline),
            &format!("unknown field `{key}`"),
        );
    }
}

#[test]
fn hostile_text_cannot_inject_workflow_commands() {
    let dir = tempfile::tempdir().unwrap();
    let hostile =
        "استضافت الرياض يوم الاثنين اجتماع التحالف الذي يضم 90 عضواً %0A::set-output name=x::y\n";
    let other = "::stop-commands::x\nاستضافت الرياض يوم الاثنين اجتماع التحالف الذي يضم 91 عضواً \u{1b}[31m\r::error::boom\n";
    fs::write(dir.path().join("a,b:c.txt"), hostile).unwrap();
    fs::write(dir.path().join("b.txt"), other).unwrap();
    // A third source sides with b, so the annotation goes on the file with the hostile name.
    fs::write(
        dir.path().join("c.txt"),
        "استضافت الرياض يوم الاثنين اجتماع التحالف الذي يضم 91 عضواً\n",
    )
    .unwrap();
    let out = run(&["--format", "github", dir.path().to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    let token_line = text
        .lines()
        .find(|l| l.starts_with("::stop-commands::"))
        .unwrap();
    let token = token_line.trim_start_matches("::stop-commands::");
    for line in text.lines() {
        if line.starts_with("::") {
            let ok = line.starts_with("::error file=")
                || line.starts_with("::warning ")
                || line == token_line
                || line == format!("::{token}::");
            assert!(ok, "unexpected command line: {line}");
        }
    }
    assert!(text.contains("a%2Cb%3Ac.txt"));
    assert!(!text.contains('\u{1b}'));
    assert!(!text.contains('\r'));
}

#[test]
fn annotations_stop_at_the_github_limit() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..15 {
        fs::write(
            dir.path().join(format!("{n:02}.txt")),
            format!(
                "استضافت الرياض يوم الاثنين اجتماع التحالف الذي يضم {} عضواً.\n",
                60 + n
            ),
        )
        .unwrap();
    }
    let out = run(&["--format", "github", dir.path().to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().filter(|l| l.starts_with("::error ")).count(),
        10
    );
    assert!(text.contains("::warning title=more contradictions::"));
}

#[test]
fn every_format_reads_standard_input() {
    let text = fs::read(crate::root().join("fixtures/004_5bd15f56386ea9c3.txt")).unwrap();
    for format in ["text", "json", "jsonl", "github", "html"] {
        let out = run_with_stdin(&["--format", format, "-"], &text);
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(!out.stdout.is_empty() || format == "github", "{format}");
    }
    let out = run_with_stdin(&["--format", "jsonl", "-"], &text);
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["type"], "document");
    assert_eq!(lines[0]["id"], "stdin");
    assert!(
        lines
            .iter()
            .any(|l| l["type"] == "claim" && l["document"] == "stdin")
    );
    assert_eq!(lines.last().unwrap()["type"], "summary");
}

#[test]
fn completions_and_man_page() {
    for what in [
        "completions-bash",
        "completions-zsh",
        "completions-fish",
        "completions-powershell",
    ] {
        let out = run(&["--generate", what]);
        assert!(out.status.success(), "{what}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("reconcile"),
            "{what}"
        );
    }
    let man = run(&["--generate", "man"]);
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH reconcile"));
}

/// `n` short reports, three of each meeting, in `dir`: meetings in eight cities on successive
/// days, and in every meeting one report gives another member count, so that every meeting has
/// a contradiction to annotate.
#[cfg(unix)]
fn many_reports(dir: &Path, n: usize) {
    use crate::words::{CITIES, MONTHS};
    fs::create_dir_all(dir).unwrap();
    let first = jiff::civil::date(2000, 1, 3);
    for i in 0..n {
        let k = i / 3;
        let day = first
            .checked_add(jiff::Span::new().days(i64::try_from(k).unwrap()))
            .unwrap();
        let city = CITIES[k % CITIES.len()];
        let count = 60 + k % 30 + usize::from(i % 3 == 2);
        let text = format!(
            "وزراء التحالف يجتمعون في {city}\n\
             عقد وزراء خارجية دول التحالف اجتماعهم يوم {} {} {} في مدينة {city}، \
             وقال البيان إن عدد أعضاء التحالف بلغ {count} عضوا.\n",
            day.day(),
            MONTHS[usize::try_from(day.month()).unwrap() - 1],
            day.year(),
        );
        fs::write(dir.join(format!("r{i:06}.txt")), text).unwrap();
    }
}

/// `--format github` over many files (issue 13: 50,000 files once took 96 s, growing with the
/// square of the count): four times the files take about four times the CPU time. It starts at
/// 500 and 2,000 files (`crate::growth`).
#[cfg(unix)]
#[test]
fn github_annotations_grow_linearly_with_the_files() {
    use std::ffi::OsStr;
    let dir = tempfile::tempdir().unwrap();
    crate::growth::assert_linear("--format github over many files", 500, |n| {
        let folder = dir.path().join(format!("n{n}"));
        if !folder.exists() {
            many_reports(&folder, n);
        }
        let out = crate::growth::run_measured(&[
            OsStr::new("--format"),
            OsStr::new("github"),
            folder.as_os_str(),
        ]);
        let text = String::from_utf8(out.stdout.clone()).expect("UTF-8");
        if n >= 3 {
            assert_eq!(out.status.code(), Some(1), "{}", out.stderr());
            assert_eq!(
                text.lines().filter(|l| l.starts_with("::error ")).count(),
                10.min(n / 3),
                "{text}"
            );
        }
        out.cpu
    });
}
