//! The habits of the tools people trust: no string from user data (lexicons, file names, map
//! records) reaches a terminal, a log or a workflow command raw in any format; `--write-baseline`
//! answers in one line; `--diff` refuses a field it does not know; colour follows `--color`,
//! NO_COLOR, FORCE_COLOR and CLICOLOR_FORCE; the progress bar shows for every format, with a
//! rate people can read.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use proptest::prelude::*;

use crate::oracle::forbidden;
use crate::{run, run_os, skipped};

// ---------------------------------------------------------------------------------------------
// Terminal safety, by the independent oracle of `crate::oracle`.

/// Panics with the offending char and where it stands if `text` holds a char of Cc, Cf, Zl or
/// Zp other than line feeds (the lines of the output) and, where `layout`, tabs and the CR of a
/// CRLF (text layout inside decoded JSON strings).
fn assert_inert(what: &str, text: &str, layout: bool) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let allowed = match c {
            '\n' => true,
            '\t' => layout,
            '\r' => layout && chars.peek().is_some_and(|&(_, n)| n == '\n'),
            c => !forbidden(c),
        };
        if !allowed {
            let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
            let to = text[i..]
                .char_indices()
                .nth(40)
                .map_or(text.len(), |(j, _)| i + j);
            panic!(
                "{what}: U+{:04X} at byte {i}, in {:?}",
                u32::from(c),
                &text[from..to]
            );
        }
    }
}

/// Every string and key of a JSON value, decoded.
fn json_strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    use serde_json::Value as J;
    match v {
        J::String(s) => out.push(s),
        J::Array(items) => items.iter().for_each(|i| json_strings(i, out)),
        J::Object(map) => {
            for (k, v) in map {
                out.push(k);
                json_strings(v, out);
            }
        }
        _ => {}
    }
}

/// GitHub workflow commands: every line that starts with `::` is one the tool writes (an
/// `::error` or `::warning` with known properties, or the `::stop-commands::` block around the
/// summary); properties carry no raw `:` or `,`; every `%` is one of the runner's escapes.
fn assert_no_command_injection(out: &str) {
    let mut token: Option<String> = None;
    for line in out.lines() {
        if let Some(t) = &token {
            if line == format!("::{t}::") {
                token = None;
                continue;
            }
            assert!(
                !line.starts_with("::"),
                "a command inside the summary: {line:?}"
            );
            continue;
        }
        if let Some(t) = line.strip_prefix("::stop-commands::") {
            token = Some(t.to_owned());
            continue;
        }
        let Some(rest) = line
            .strip_prefix("::error ")
            .or_else(|| line.strip_prefix("::warning "))
        else {
            panic!("a line outside the stop-commands block that is not an annotation: {line:?}");
        };
        let (properties, message) = rest
            .split_once("::")
            .unwrap_or_else(|| panic!("no message in {line:?}"));
        for property in properties.split(',') {
            let (key, value) = property
                .split_once('=')
                .unwrap_or_else(|| panic!("{property:?} in {line:?}"));
            assert!(
                ["file", "line", "col", "endLine", "endColumn", "title"].contains(&key),
                "unknown property {key:?} in {line:?}"
            );
            assert!(!value.contains(':'), "raw `:` in {property:?}");
        }
        for part in [properties, message] {
            for (i, _) in part.match_indices('%') {
                let escape = part.get(i + 1..i + 3);
                assert!(
                    matches!(escape, Some("25" | "0A" | "0D" | "3A" | "2C")),
                    "a `%` that is no escape in {line:?}"
                );
            }
        }
    }
    assert!(token.is_none(), "the stop-commands block is not closed");
}

/// Checks one run's standard output (as `format` writes it) and standard error.
fn assert_output_inert(what: &str, format: &str, out: &Output) {
    let code = out.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit {code:?}; stderr {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8");
    assert_inert(&format!("{what}: stderr"), &stderr, false);
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    let what = format!("{what}: --format {format}");
    match format {
        "json" | "jsonl" => {
            let values: Vec<serde_json::Value> = if format == "json" && !stdout.is_empty() {
                vec![serde_json::from_str(&stdout).expect("valid JSON")]
            } else {
                stdout
                    .lines()
                    .map(|l| serde_json::from_str(l).expect("valid JSON line"))
                    .collect()
            };
            let mut strings = Vec::new();
            values.iter().for_each(|v| json_strings(v, &mut strings));
            for s in strings {
                assert_inert(&what, s, true);
            }
            assert_inert(&what, &stdout, false);
        }
        "github" => {
            assert_inert(&what, &stdout, false);
            assert_no_command_injection(&stdout);
        }
        _ => assert_inert(&what, &stdout, false),
    }
}

/// Pieces of hostile strings: escape sequences, C0 and C1 controls, direction controls, marks
/// and isolates, zero-width and other invisible format characters, line and paragraph
/// separators, and workflow-command syntax.
const HOSTILE: &[&str] = &[
    "\u{1b}[31m",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}[2J\u{1b}[H",
    "\u{1b}P+q\u{1b}\\",
    "\u{9b}31m",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\r",
    "\n",
    "\t",
    "\u{b}",
    "\u{c}",
    "\u{7f}",
    "\u{85}",
    "\u{8d}",
    "\u{202a}",
    "\u{202b}",
    "\u{202c}",
    "\u{202d}",
    "\u{202e}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200e}",
    "\u{200f}",
    "\u{61c}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{ad}",
    "\u{600}",
    "\u{e0041}",
    "\u{2028}",
    "\u{2029}",
    "::error::pwned",
    "%0A::warning::x",
    "%25",
    ",",
    ":",
];

/// One string with every piece of [`HOSTILE`].
fn every_piece() -> String {
    HOSTILE.concat()
}

fn hostile_strings() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(HOSTILE).prop_map(str::to_owned),
        1 => "[a-z]{1,3}",
        1 => proptest::sample::select(&["زيد", "مؤتمر", "٤٢"][..]).prop_map(str::to_owned),
    ];
    proptest::collection::vec(piece, 1..8).prop_map(|pieces| pieces.concat())
}

/// A hostile string as a TSV field can hold it: no tab or line feed, which would end the field.
fn in_field(h: &str) -> String {
    h.replace(['\t', '\n'], "\u{b}")
}

/// A hostile string as a file name can hold it.
fn in_file_name(h: &str) -> String {
    h.replace(['/', '\0'], "\u{1}")
}

/// What a lexicon column holds: free text, a `|`-separated list of Arabic names, or a value the
/// loader checks (a code, a number, a kind, a reference).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Free,
    Names,
    Checked,
}

use Column::{Checked, Free, Names};

/// One valid line per lexicon file, each column with its kind. The host city (Zedpur, in the
/// made-up country ZQ), its chair, an organisation and a topic are the ones the articles below
/// name; the city's id is also the country's capital and the organisation's seat.
const LEXICON: &[(&str, &[(&str, Column)])] = &[
    (
        "countries.tsv",
        &[
            ("ZQ", Checked),
            ("Zedland", Free),
            ("زيدستان | جمهورية زيدستان", Names),
            ("زيدستاني", Names),
            ("Zedpur", Free),
            ("زيدستانة", Names),
        ],
    ),
    (
        "cities.tsv",
        &[
            ("Zedpur", Free),
            ("ZQ", Checked),
            ("yes", Checked),
            ("زيدبور", Names),
            ("زيدبورة", Names),
        ],
    ),
    (
        "people.tsv",
        &[
            ("zaid-omari", Free),
            ("Zaid Omari", Free),
            ("ZQ", Checked),
            ("foreign minister@2020-", Free),
            ("زيد العمري", Names),
            ("العمري الزيدي", Names),
        ],
    ),
    (
        "organisations.tsv",
        &[
            ("zed-union", Free),
            ("Zed Union", Free),
            ("اتحاد زيدستان", Names),
            ("الاتحاد الزيدي", Names),
            ("7", Checked),
            ("Zedpur", Free),
        ],
    ),
    (
        "cues.tsv",
        &[
            ("priority", Checked),
            ("dust_storms", Free),
            ("مكافحة الغبار الزيدي", Free),
        ],
    ),
    (
        "calendar.tsv",
        &[
            ("month_gregorian", Checked),
            ("2", Checked),
            ("شهر زيدي", Free),
        ],
    ),
    (
        "numbers.tsv",
        &[
            ("زيدون", Free),
            ("20", Checked),
            ("tens", Checked),
            ("a made-up number word", Free),
        ],
    ),
    ("titles.tsv", &[("زعيم", Free), ("head", Checked)]),
    ("given_names.tsv", &[("زيدان", Free), ("name", Checked)]),
    ("common_words.tsv", &[("كلمة", Free), ("noun", Checked)]),
];

/// Two reports of one ministerial in Zedpur that disagree about the member count (80 and 81),
/// so that every format has a contradiction, an event, its values and quotes to show.
fn article(members: u32) -> String {
    format!(
        "اجتماع وزاري في زيدبور\n\n\
         استضافت زيدبور يوم الاثنين 9 فبراير 2026 اجتماعاً وزارياً للتحالف الدولي برئاسة وزير \
         الخارجية زيد العمري، بحضور ممثل عن اتحاد زيدستان.\n\
         وناقش الاجتماع مكافحة الغبار الزيدي، وقال المشاركون إن التحالف يضم الآن {members} عضواً.\n"
    )
}

/// `value` with `h` after its first char.
fn inserted(value: &str, h: &str) -> String {
    let at = value.chars().next().map_or(0, char::len_utf8);
    format!("{}{h}{}", &value[..at], &value[at..])
}

/// Writes the lexicon into `dir`: `h` in every column `pick` chooses, the template elsewhere.
/// A list of names keeps its valid names beside the hostile one where `keep_names`, so that the
/// articles still match it.
fn write_lexicon(dir: &Path, h: &str, pick: impl Fn(usize, Column) -> bool, keep_names: bool) {
    let h = in_field(h);
    let mut k = 0;
    for (file, columns) in LEXICON {
        let fields: Vec<String> = columns
            .iter()
            .map(|&(value, kind)| {
                let chosen = pick(k, kind);
                k += 1;
                match (chosen, kind) {
                    (false, _) => value.to_owned(),
                    (true, Names) if keep_names => format!("{value} | {}", inserted(value, &h)),
                    (true, _) => inserted(value, &h),
                }
            })
            .collect();
        fs::write(dir.join(file), format!("{}\n", fields.join("\t"))).unwrap();
    }
}

fn columns() -> usize {
    LEXICON.iter().map(|(_, c)| c.len()).sum()
}

/// The two articles, named with `h`.
fn write_articles(dir: &Path, h: &str) {
    let h = in_file_name(h);
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join(format!("a{h}.txt")), article(80)).unwrap();
    fs::write(dir.join(format!("b{h}.txt")), article(81)).unwrap();
}

const FORMATS: [&str; 5] = ["text", "json", "jsonl", "github", "html"];

fn run_paths(args: &[&OsStr]) -> Output {
    run_os(args, b"", Duration::from_secs(120))
}

/// `h` through every free column of the lexicon and the file names, in every format, from the
/// articles and from map records; then through each column alone (where the loader may refuse
/// it: the message must be inert too). `every_column` runs each column alone, otherwise the one
/// at `one_column`.
fn check_hostile(h: &str, every_column: bool, one_column: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    write_articles(&articles, h);
    let lexicon = dir.path().join("lexicon");
    fs::create_dir(&lexicon).unwrap();
    write_lexicon(&lexicon, h, |_, kind| kind != Checked, true);
    let lex = lexicon.as_os_str();
    let mut text_report = String::new();
    for format in FORMATS {
        let args = [
            OsStr::new("--lexicon"),
            lex,
            OsStr::new("--format"),
            OsStr::new(format),
            articles.as_os_str(),
        ];
        let out = run_paths(&args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "the articles contradict each other ({format}): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_output_inert("articles", format, &out);
        if format == "text" {
            text_report = String::from_utf8_lossy(&out.stdout).into_owned();
        }
    }
    // The map records hold what the lexicon and the file names gave; the reduce step reads them.
    let map = run_paths(&[
        OsStr::new("--lexicon"),
        lex,
        OsStr::new("--map"),
        articles.as_os_str(),
    ]);
    assert_eq!(map.status.code(), Some(0));
    let records = dir.path().join("records.jsonl");
    fs::write(&records, &map.stdout).unwrap();
    for format in FORMATS {
        let args = [
            OsStr::new("--reduce"),
            OsStr::new("--format"),
            OsStr::new(format),
            records.as_os_str(),
        ];
        let out = run_paths(&args);
        assert_eq!(out.status.code(), Some(1), "reduce ({format})");
        assert_output_inert("map records", format, &out);
    }
    // Each column alone, with nothing valid beside it.
    let alone: Vec<usize> = if every_column {
        (0..columns()).collect()
    } else {
        vec![one_column % columns()]
    };
    for k in alone {
        let lexicon = dir.path().join(format!("lexicon-{k}"));
        fs::create_dir(&lexicon).unwrap();
        write_lexicon(&lexicon, h, |i, _| i == k, false);
        let args = [
            OsStr::new("--lexicon"),
            lexicon.as_os_str(),
            articles.as_os_str(),
        ];
        assert_output_inert(&format!("column {k} alone"), "text", &run_paths(&args));
    }
    text_report
}

#[test]
fn hostile_lexicon_entries_and_file_names_are_inert_in_every_format() {
    let report = check_hostile(&every_piece(), true, 0);
    // The hostile strings did reach the report, made visible.
    for shown in [
        "Z␛[31m", "<U+202E>", "<U+200E>", "<U+061C>", "<U+200B>", "<U+2028>",
    ] {
        assert!(report.contains(shown), "{shown} in\n{report}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_hostile_string_is_inert_in_every_format(h in hostile_strings(), column in 0usize..64) {
        check_hostile(&h, false, column);
    }
}

// ---------------------------------------------------------------------------------------------
// --write-baseline, --diff

/// Two reports of one ministerial in Riyadh that disagree about the member count.
fn riyadh_articles(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    fs::create_dir(&articles).unwrap();
    for (name, members) in [("a.txt", 80), ("b.txt", 81)] {
        fs::write(
            articles.join(name),
            format!(
                "اجتماع وزاري في الرياض\n\nاستضافت الرياض يوم الاثنين 9 فبراير 2026 اجتماعاً \
                 وزارياً للتحالف الدولي، وقال المشاركون إن التحالف يضم الآن {members} عضواً.\n"
            ),
        )
        .unwrap();
    }
    articles
}

#[test]
fn write_baseline_says_what_it_wrote_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let articles = riyadh_articles(dir.path());
    let (a, b) = (articles.to_str().unwrap(), dir.path().join("baseline.json"));
    let b = b.to_str().unwrap();
    let out = run(&[a, "--write-baseline", b]);
    assert_eq!(out.status.code(), Some(0), "the contradiction is accepted");
    assert!(
        out.stdout.is_empty(),
        "no report unless asked: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("wrote 1 contradiction to ") && said.contains(b),
        "{said}"
    );
    let written: serde_json::Value = serde_json::from_str(&fs::read_to_string(b).unwrap()).unwrap();
    assert_eq!(written["contradictions"].as_array().map(Vec::len), Some(1));
    // The baseline holds: the same articles pass it.
    assert_eq!(run(&[a, "--baseline", b]).status.code(), Some(0));
    // With --format the report is printed too, and the run still accepts what it wrote.
    let out = run(&[a, "--write-baseline", b, "--format", "text"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("member count: 80 vs 81"));
    let out = run(&[a, "--write-baseline", b, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["contradictions"], 1);
}

#[test]
fn write_baseline_of_nothing_readable_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("baseline.json");
    let out = run(&["no/such/folder", "--write-baseline", b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!b.exists(), "no baseline of an empty run");
}

#[test]
fn an_unknown_diff_field_fails_in_every_format_before_any_output() {
    for format in FORMATS {
        let out = run(&["fixtures", "--format", format, "--diff", "members"]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(
            out.stdout.is_empty(),
            "{format}: nothing on standard output"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        for name in [
            "members",
            "member_count",
            "meeting_date",
            "host_city",
            "priorities",
        ] {
            assert!(err.contains(name), "{format}: {name} in {err}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Colour

/// Runs on the fixtures with standard output piped and exactly the colour variables given.
fn coloured(args: &[&str], vars: &[(&str, &str)]) -> bool {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reconcile"));
    cmd.arg("fixtures")
        .args(args)
        .current_dir(crate::root())
        .stdin(Stdio::null());
    for var in ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR"] {
        cmd.env_remove(var);
    }
    cmd.envs(vars.iter().copied());
    let out = cmd.output().expect("the reconcile binary runs");
    assert_eq!(out.status.code(), Some(0));
    out.stdout.contains(&0x1b)
}

#[test]
fn colour_follows_force_color_and_clicolor_force_below_no_color_and_the_flag() {
    assert!(!coloured(&[], &[]), "not a terminal: no colour");
    assert!(coloured(&[], &[("FORCE_COLOR", "1")]));
    assert!(coloured(&[], &[("FORCE_COLOR", "3")]));
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&[], &[("FORCE_COLOR", "0")]));
    assert!(!coloured(&[], &[("FORCE_COLOR", "")]));
    assert!(!coloured(&[], &[("CLICOLOR_FORCE", "0")]));
    // NO_COLOR wins over forcing; --color wins over both.
    assert!(!coloured(&[], &[("NO_COLOR", "1"), ("FORCE_COLOR", "1")]));
    assert!(coloured(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(!coloured(&["--color", "never"], &[("FORCE_COLOR", "1")]));
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    // Colour is for the text report only.
    assert!(!coloured(&["--format", "json"], &[("FORCE_COLOR", "1")]));
}

// ---------------------------------------------------------------------------------------------
// The progress bar

/// Runs `reconcile - DIR ARGS…` under `script`, so that standard error is a terminal, with its
/// standard input held open for two seconds (the bar shows once a run has taken a second), and
/// gives what the terminal showed. `None` where `script` is not installed.
fn on_a_terminal(dir: &Path, scripts: &Path, args: &str) -> Option<String> {
    let available = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        return None;
    }
    let sh = scripts.join(format!("run{}.sh", args.replace([' ', '-'], "")));
    fs::write(
        &sh,
        format!(
            "(sleep 2; cat '{art}') | '{bin}' - '{dir}' {args} >/dev/null\n",
            art = dir.join("a.txt").display(),
            bin = env!("CARGO_BIN_EXE_reconcile"),
            dir = dir.display(),
        ),
    )
    .unwrap();
    let out = Command::new("script")
        .args(["-q", "-e", "-c"])
        .arg(format!("sh '{}'", sh.display()))
        .arg("/dev/null")
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_progress_bar_shows_for_every_format_with_a_readable_rate() {
    let dir = tempfile::tempdir().unwrap();
    let articles = riyadh_articles(dir.path());
    let scripts = dir.path().to_path_buf();
    let runs: Vec<_> = FORMATS
        .iter()
        .map(|format| format!("--format {format}"))
        .chain(["--format json --quiet".to_owned()])
        .map(|args| {
            let (articles, scripts) = (articles.clone(), scripts.clone());
            std::thread::spawn(move || (on_a_terminal(&articles, &scripts, &args), args))
        })
        .collect();
    for handle in runs {
        let (shown, args) = handle.join().unwrap();
        let Some(shown) = shown else {
            skipped(
                "habits::the_progress_bar_shows_for_every_format_with_a_readable_rate",
                "`script` (util-linux) is not installed, so no terminal can be simulated",
            );
            return;
        };
        if args.contains("--quiet") {
            assert!(!shown.contains("documents"), "{args}: no bar: {shown:?}");
            continue;
        }
        assert!(shown.contains("/3 documents"), "{args}: {shown:?}");
        let rate = shown
            .split(" · ")
            .find(|part| part.ends_with(" documents/s"))
            .unwrap_or_else(|| panic!("{args}: no rate in {shown:?}"));
        let number = rate.trim_end_matches(" documents/s");
        let readable = number == "–"
            || number.chars().all(|c| c.is_ascii_digit() || c == ',')
            || number
                .split_once('.')
                .is_some_and(|(whole, tenth)| whole.len() == 1 && tenth.len() == 1);
        assert!(readable, "{args}: rate {rate:?}");
    }
}
