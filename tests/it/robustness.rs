//! Hostile and broken inputs through the real binary (issue 4): every row of the input table,
//! built here in a temporary folder (no committed binaries), checked for exit status, standard
//! error and the JSON report. Nothing is lost, nothing panics, nothing reaches a terminal raw.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use encoding_rs::{ISO_8859_6, WINDOWS_1256};
use serde_json::Value;

/// A meeting sentence written for these tests: a ministerial meeting in Doha on a Wednesday. Every
/// letter exists in both Arabic code pages, so it survives windows-1256 and ISO-8859-6.
const MEETING: &str =
    "عقد وزراء خارجية دول التحالف اجتماعهم في الدوحة يوم الأربعاء، بمشاركة قطر والأردن.\n";

/// The claims every decoding of [`MEETING`] must give, as `(field, value)`.
use crate::{oracle, run_os};

fn meeting_claims() -> Vec<(String, Value)> {
    vec![
        ("meeting_weekday".into(), "wednesday".into()),
        ("meeting_type".into(), "ministerial".into()),
        ("host_country".into(), "QA".into()),
        ("host_city".into(), "Doha".into()),
    ]
}

fn run_paths(args: &[&Path]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(|p| p.as_os_str()).collect();
    run_os(&args, b"", Duration::from_secs(120))
}

/// `--format json` over `paths` (plus `extra` options first): the parsed report and the output.
fn json_of(extra: &[&str], paths: &[&Path]) -> (Value, Output) {
    let mut args: Vec<&OsStr> = vec![OsStr::new("--format"), OsStr::new("json")];
    args.extend(extra.iter().map(OsStr::new));
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let out = run_os(&args, b"", Duration::from_secs(120));
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "invalid JSON ({e}); status {:?}; stderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (report, out)
}

fn documents(report: &Value) -> &Vec<Value> {
    report["documents"].as_array().expect("documents[]")
}

/// The one document whose path ends with `suffix`.
fn doc<'r>(report: &'r Value, suffix: &str) -> &'r Value {
    let found: Vec<&Value> = documents(report)
        .iter()
        .filter(|d| d["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one document ending in {suffix}: {report:#}"
    );
    found[0]
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn claims_of(d: &Value) -> Vec<(String, Value)> {
    d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["field"].as_str().unwrap().to_owned(), c["value"].clone()))
        .collect()
}

fn assert_has_meeting_claims(d: &Value) {
    let got = claims_of(d);
    for want in meeting_claims() {
        assert!(got.contains(&want), "{want:?} missing from {got:?}");
    }
}

/// Every evidence span (claims and findings, evidence and context) is exactly `text[start..end]`.
fn assert_spans_exact(d: &Value, text: &[u8]) {
    let mut spans = Vec::new();
    for c in d["claims"].as_array().unwrap() {
        spans.push(&c["evidence"]);
        if !c["context"].is_null() {
            spans.push(&c["context"]);
        }
        spans.extend(c["more_evidence"].as_array().into_iter().flatten());
    }
    for f in d["findings"].as_array().unwrap() {
        if !f["evidence"].is_null() {
            spans.push(&f["evidence"]);
        }
    }
    for e in spans {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let exact = std::str::from_utf8(&text[start..end]).expect("span on char boundaries");
        assert_eq!(
            e["text"].as_str().unwrap(),
            shown_in_json(exact),
            "span {start}..{end}"
        );
    }
}

/// What the JSON shows for exact text, by the rule the contract states (written out here, not
/// asked of the sanitiser): tab, line feed and the CR of a CRLF stay; every other C0 control
/// becomes its Control Picture (ESC → ␛), DEL becomes ␡, and every other char of Cc, Cf, Zl or
/// Zp becomes `<U+XXXX>`.
fn shown_in_json(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + u32::from(c)).unwrap()),
            '\u{7F}' => out.push('␡'),
            c if oracle::forbidden(c) => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// A char a terminal would act on, by the independent oracle: Cc, Cf, Zl and Zp, but for the
/// tab, LF and the CR of CRLF that text keeps.
fn acted_on(c: char) -> bool {
    oracle::acted_on(c)
}

/// Raw bytes a terminal would act on: ESC, other C0 but tab/LF/CR, DEL, and the UTF-8 forms of
/// C1 controls and bidi controls.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(_, c)| c != '\r' && acted_on(c))
        .collect();
    assert!(
        bad.is_empty(),
        "{what} carries raw controls {bad:?}:\n{text}"
    );
}

/// No string anywhere in the JSON (values and keys) holds a char `jq -r` would replay.
fn assert_json_strings_safe(v: &Value) {
    match v {
        Value::String(s) => {
            let bad: Vec<char> = s.chars().filter(|&c| acted_on(c)).collect();
            assert!(bad.is_empty(), "JSON string {s:?} carries {bad:?}");
            let lone_cr = s
                .as_bytes()
                .windows(2)
                .any(|w| w[0] == b'\r' && w[1] != b'\n')
                || s.ends_with('\r');
            assert!(!lone_cr, "JSON string {s:?} carries a lone CR");
        }
        Value::Array(items) => items.iter().for_each(assert_json_strings_safe),
        Value::Object(map) => {
            for (k, v) in map {
                assert_json_strings_safe(&Value::String(k.clone()));
                assert_json_strings_safe(v);
            }
        }
        _ => {}
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn legacy(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} can encode the sentence", encoding.name());
    bytes.into_owned()
}

// ---------------------------------------------------------------------------------------------
// Encodings

#[test]
fn utf8_with_bom_keeps_file_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = [b"\xEF\xBB\xBF".as_slice(), MEETING.as_bytes()].concat();
    let path = write(dir.path(), "bom.txt", &bytes);
    let (report, out) = json_of(&[], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = doc(&report, "bom.txt");
    assert_eq!(d["status"], "ok");
    assert_eq!(d["encoding"], "UTF-8");
    assert_eq!(d["offsets"], "file_bytes");
    assert_has_meeting_claims(d);
    assert_spans_exact(d, &bytes);
    assert_eq!(
        d["claims"][0]["evidence"]["line"], 1,
        "the BOM does not move lines"
    );
}

#[test]
fn utf16_with_bom_both_byte_orders_give_spans_in_decoded_text() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "plain.txt", MEETING.as_bytes());
    let le = write(dir.path(), "le.txt", &utf16(MEETING, true));
    let be = write(dir.path(), "be.txt", &utf16(MEETING, false));
    let (report, out) = json_of(&[], &[&plain, &le, &be]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reference = doc(&report, "plain.txt");
    for (name, label) in [("le.txt", "UTF-16LE"), ("be.txt", "UTF-16BE")] {
        let d = doc(&report, name);
        assert_eq!(d["status"], "ok", "{name}");
        assert_eq!(d["encoding"], label);
        assert_eq!(d["offsets"], "decoded_utf8");
        assert_has_meeting_claims(d);
        // The decoded text is the sentence without the BOM: same claims, same spans.
        assert_spans_exact(d, MEETING.as_bytes());
        assert_eq!(d["claims"], reference["claims"], "{name}");
    }
    assert_eq!(reference["offsets"], "file_bytes");
}

#[test]
fn utf16_with_an_odd_byte_count_fails_with_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = utf16(MEETING, true);
    bytes.push(0x41);
    let path = write(dir.path(), "odd.txt", &bytes);
    let good = write(dir.path(), "good.txt", MEETING.as_bytes());
    let (report, out) = json_of(&[], &[&path, &good]);
    assert_eq!(out.status.code(), Some(0));
    let d = doc(&report, "odd.txt");
    assert_eq!(d["status"], "error");
    let reason = d["reason"].as_str().unwrap();
    assert!(
        reason.contains(&format!("byte offset {}", bytes.len() - 1)),
        "{reason}"
    );
}

/// `text` in UTF-32, with the BOM of its byte order when `bom` says so.
fn utf32(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for c in std::iter::once('\u{FEFF}')
        .filter(|_| bom)
        .chain(text.chars())
    {
        out.extend(if little_endian {
            u32::from(c).to_le_bytes()
        } else {
            u32::from(c).to_be_bytes()
        });
    }
    out
}

/// UTF-16 without its BOM has zero bytes (the high byte of every space, digit and line break):
/// it used to be skipped as binary.
#[test]
fn utf16_without_a_bom_is_recognised_in_both_byte_orders() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "plain.txt", MEETING.as_bytes());
    let le = write(dir.path(), "le.txt", &utf16(MEETING, true)[2..]);
    let be = write(dir.path(), "be.txt", &utf16(MEETING, false)[2..]);
    let (report, out) = json_of(&[], &[&plain, &le, &be]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reference = doc(&report, "plain.txt");
    for (name, label) in [("le.txt", "UTF-16LE"), ("be.txt", "UTF-16BE")] {
        let d = doc(&report, name);
        assert_eq!(d["status"], "ok", "{name}: {d:#}");
        assert_eq!(d["encoding"], label);
        assert_eq!(d["offsets"], "decoded_utf8");
        assert_spans_exact(d, MEETING.as_bytes());
        assert_eq!(d["claims"], reference["claims"], "{name}");
    }
}

/// UTF-32 used to be labelled UTF-16LE (its BOM starts with UTF-16LE's) and read as text with a
/// NUL after every char, or skipped as binary without a BOM: it is decoded and named.
#[test]
fn utf32_is_decoded_and_named_with_or_without_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "plain.txt", MEETING.as_bytes());
    let mut paths = vec![plain];
    let cases = [
        ("le_bom.txt", true, true, "UTF-32LE"),
        ("be_bom.txt", false, true, "UTF-32BE"),
        ("le.txt", true, false, "UTF-32LE"),
        ("be.txt", false, false, "UTF-32BE"),
    ];
    for (name, little, bom, _) in cases {
        paths.push(write(dir.path(), name, &utf32(MEETING, little, bom)));
    }
    // In the order a folder is read, which is the reduce step's order too.
    paths.sort();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (report, out) = json_of(&[], &refs);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reference = doc(&report, "plain.txt");
    for (name, _, _, label) in cases {
        let d = doc(&report, &format!("/{name}"));
        assert_eq!(d["status"], "ok", "{name}: {d:#}");
        assert_eq!(d["encoding"], label, "{name}");
        assert_eq!(d["offsets"], "decoded_utf8");
        assert_spans_exact(d, MEETING.as_bytes());
        assert_eq!(d["claims"], reference["claims"], "{name}");
    }
    // Map records keep the name: the reduce step gives the single run's bytes.
    let map = run_paths(&[&[Path::new("--map")], refs.as_slice()].concat());
    assert_eq!(map.status.code(), Some(0), "{}", stderr(&map));
    let records = write(dir.path(), "records.jsonl", &map.stdout);
    let reduced = run_os(
        &[
            OsStr::new("--reduce"),
            OsStr::new("--format"),
            OsStr::new("json"),
            records.as_os_str(),
        ],
        b"",
        Duration::from_secs(120),
    );
    assert_eq!(reduced.status.code(), Some(0), "{}", stderr(&reduced));
    assert_eq!(
        serde_json::from_slice::<Value>(&reduced.stdout).unwrap(),
        report
    );
}

/// A UTF-8 article whose last character is cut off (a download stopped, a file split at a byte
/// count) used to fail whole as invalid UTF-8: it is read up to that character, with a finding
/// that names the offset.
#[test]
fn utf8_cut_inside_its_last_char_is_read_with_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    // The sentence, then a last word whose final letter (two bytes) loses its second byte.
    let whole = format!("{MEETING}وانتهى الاجتماع");
    let bytes = &whole.as_bytes()[..whole.len() - 1];
    let path = write(dir.path(), "cut.txt", bytes);
    let (report, out) = json_of(&[], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = doc(&report, "cut.txt");
    assert_eq!(d["status"], "ok", "{d:#}");
    assert_eq!(d["encoding"], "UTF-8");
    assert_eq!(d["offsets"], "file_bytes");
    assert_has_meeting_claims(d);
    assert_spans_exact(d, bytes);
    let at = whole.len() - 2;
    let finding = d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "truncated_utf8")
        .unwrap_or_else(|| panic!("a truncated_utf8 finding: {d:#}"));
    let message = finding["message"].as_str().unwrap();
    assert!(message.contains(&format!("byte offset {at}")), "{message}");
    // The text report lists it with the document's findings.
    let text = run_paths(&[&path]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains(&format!("byte offset {at}")),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );
}

#[test]
fn legacy_arabic_code_pages_are_detected_and_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let cp1256 = legacy(WINDOWS_1256, MEETING);
    let iso = legacy(ISO_8859_6, MEETING);
    assert_ne!(cp1256, iso, "the two code pages differ for this sentence");
    let a = write(dir.path(), "cp1256.txt", &cp1256);
    let b = write(dir.path(), "iso.txt", &iso);
    let (report, out) = json_of(&[], &[&a, &b]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (name, label) in [("cp1256.txt", "windows-1256"), ("iso.txt", "ISO-8859-6")] {
        let d = doc(&report, name);
        assert_eq!(d["status"], "ok", "{name}: {d:#}");
        assert_eq!(d["encoding"], label, "{name}");
        assert_eq!(d["offsets"], "decoded_utf8");
        assert_has_meeting_claims(d);
        assert_spans_exact(d, MEETING.as_bytes());
    }
}

#[test]
fn encoding_option_forces_the_decoding() {
    let dir = tempfile::tempdir().unwrap();
    // Too short to be detected as Arabic: only forcing reads it.
    let short = "قطر";
    let path = write(dir.path(), "short.txt", &legacy(WINDOWS_1256, short));
    let (report, _) = json_of(&[], &[&path]);
    assert_eq!(doc(&report, "short.txt")["status"], "error");

    let (report, out) = json_of(&["--encoding", "windows-1256"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = doc(&report, "short.txt");
    assert_eq!(d["status"], "ok");
    assert_eq!(d["encoding"], "windows-1256");
    assert_eq!(d["title"], short);

    // Forcing wins over detection, even when it is the wrong choice.
    let iso = write(dir.path(), "iso.txt", &legacy(ISO_8859_6, MEETING));
    let (report, _) = json_of(&["--encoding", "cp1256"], &[&iso]);
    let d = doc(&report, "iso.txt");
    assert_eq!(d["encoding"], "windows-1256");
    assert_ne!(d["title"].as_str().unwrap(), MEETING.trim());

    // Forced UTF-8 keeps a BOM and file offsets.
    let bom = [b"\xEF\xBB\xBF".as_slice(), MEETING.as_bytes()].concat();
    let bom_path = write(dir.path(), "bom.txt", &bom);
    let (report, _) = json_of(&["--encoding", "utf-8"], &[&bom_path]);
    let d = doc(&report, "bom.txt");
    assert_eq!(d["offsets"], "file_bytes");
    assert_spans_exact(d, &bom);

    // Forced UTF-16 reads text without a BOM too.
    let mut no_bom = utf16(MEETING, false);
    no_bom.drain(..2);
    let be = write(dir.path(), "be.txt", &no_bom);
    let (report, _) = json_of(&["--encoding", "utf-16be"], &[&be]);
    let d = doc(&report, "be.txt");
    assert_eq!(d["encoding"], "UTF-16BE");
    assert_has_meeting_claims(d);
}

#[test]
fn an_unknown_encoding_label_is_an_argument_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", MEETING.as_bytes());
    let out = run_os(
        &[
            OsStr::new("--encoding"),
            OsStr::new("klingon-\u{1b}[31m"),
            path.as_os_str(),
        ],
        b"",
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown encoding label"));
    assert_terminal_safe("stderr", &out.stderr);
}

#[test]
fn invalid_utf8_that_is_not_arabic_fails_with_the_offset_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.txt",
        b"Meeting notes \xC3\x28 and \xFF\xFE more",
    );
    // Arabic UTF-8 with one stray byte is not mistaken for a code page either.
    let stray = [MEETING.as_bytes(), b"\xFF", MEETING.as_bytes()].concat();
    let broken = write(dir.path(), "stray.txt", &stray);
    let good = write(dir.path(), "good.txt", MEETING.as_bytes());
    let (report, out) = json_of(&[], &[&bad, &broken, &good]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = doc(&report, "bad.txt");
    assert_eq!(d["status"], "error");
    assert!(d["reason"].as_str().unwrap().contains("byte offset 14"));
    let d = doc(&report, "stray.txt");
    assert_eq!(d["status"], "error");
    assert!(
        d["reason"]
            .as_str()
            .unwrap()
            .contains(&format!("byte offset {}", MEETING.len()))
    );
    assert_eq!(doc(&report, "good.txt")["status"], "ok");
    assert_eq!(report["summary"]["errors"], 2);
    let err = stderr(&out);
    assert!(
        err.contains("bad.txt") && err.contains("byte offset 14"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Contents that are not articles

#[test]
fn nul_bytes_mean_a_skipped_binary() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let good = write(dir.path(), "good.txt", MEETING.as_bytes());
    let (report, out) = json_of(&[], &[&bin, &good]);
    assert_eq!(out.status.code(), Some(0));
    let d = doc(&report, "image.txt");
    assert_eq!(d["status"], "skipped");
    assert!(d["reason"].as_str().unwrap().contains("binary"));
    assert!(d["reason"].as_str().unwrap().contains("byte offset 8"));
    assert!(stderr(&out).contains("skipped"));
}

#[test]
fn empty_blank_and_non_arabic_files_are_read_with_no_claims_and_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        write(dir.path(), "empty.txt", b""),
        write(dir.path(), "blank.txt", b"  \n\t\r\n\n   "),
        write(
            dir.path(),
            "english.txt",
            b"The ministers met on Monday in Riyadh.\n",
        ),
        write(dir.path(), "bom-only.txt", b"\xEF\xBB\xBF"),
    ];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (report, out) = json_of(&[], &paths);
    // Read, so not a failed run; nothing to reconcile, so no conflict.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for name in ["empty.txt", "blank.txt", "english.txt", "bom-only.txt"] {
        let d = doc(&report, name);
        assert_eq!(d["status"], "ok", "{name}");
        assert_eq!(d["claims"].as_array().unwrap().len(), 0, "{name}");
        assert!(
            d["reason"].as_str().is_some_and(|r| !r.is_empty()),
            "{name} says why nothing was found: {d:#}"
        );
    }
    let text = run_paths(&paths);
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(shown.contains("no Arabic text found"), "{shown}");
    assert!(shown.contains("4 unattached"), "{shown}");
}

// ---------------------------------------------------------------------------------------------
// Sizes

#[test]
fn inputs_over_the_size_limit_are_skipped_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    // A sparse 64 GiB file: reading it whole would exhaust memory or time.
    let huge = dir.path().join("huge.txt");
    fs::File::create(&huge).unwrap().set_len(64 << 30).unwrap();
    let small = write(dir.path(), "small.txt", MEETING.as_bytes());
    let start = Instant::now();
    let (report, out) = json_of(&[], &[&huge, &small]);
    assert!(start.elapsed() < Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = doc(&report, "huge.txt");
    assert_eq!(d["status"], "skipped");
    assert!(d["reason"].as_str().unwrap().contains("--max-size"));

    // A lower limit skips the small file too; nothing readable is left: exit 2.
    let (report, out) = json_of(&["--max-size", "100"], &[&huge, &small]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(doc(&report, "small.txt")["status"], "skipped");

    // Standard input is cut at the limit as well.
    let long = MEETING.repeat(10);
    let out = run_os(
        &[
            OsStr::new("--format"),
            OsStr::new("json"),
            OsStr::new("--max-size"),
            OsStr::new("500"),
            OsStr::new("-"),
            small.as_os_str(),
        ],
        long.as_bytes(),
        Duration::from_secs(60),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc(&report, "-")["status"], "skipped");
    assert_eq!(doc(&report, "small.txt")["status"], "ok");
}

// ---------------------------------------------------------------------------------------------
// Paths that cannot be read

/// Whether this process can read a file whatever its mode (root, CAP_DAC_OVERRIDE).
fn ignores_permissions(dir: &Path) -> bool {
    let probe = write(dir, "probe", b"x");
    set_mode(&probe, 0o000);
    let readable = fs::read(&probe).is_ok();
    set_mode(&probe, 0o644);
    fs::remove_file(&probe).unwrap();
    readable
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The user and group `nobody`.
#[cfg(unix)]
const NOBODY: u32 = 65534;

/// A command that runs the binary as `nobody` (without supplementary groups), from `dir`: for
/// tests whose files must be unreadable to it when the tests run as root, as CI does. The binary
/// is copied into `dir` when a folder on its way is closed to others.
#[cfg(unix)]
fn as_nobody(dir: &Path) -> Command {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let bin = Path::new(env!("CARGO_BIN_EXE_reconcile"));
    let open_to_others = bin
        .ancestors()
        .skip(1)
        .all(|a| fs::metadata(a).is_ok_and(|m| m.permissions().mode() & 0o001 != 0));
    let bin = if open_to_others {
        bin.to_path_buf()
    } else {
        let copy = dir.join("reconcile-bin");
        fs::copy(bin, &copy).unwrap();
        set_mode(&copy, 0o755);
        copy
    };
    let mut command = Command::new(bin);
    // As root, std drops the supplementary groups too (setgroups) before setuid.
    command.uid(NOBODY).gid(NOBODY).current_dir(dir);
    command
}

/// Files and folders that cannot be read are errors with their reason, and the run goes on. As
/// root (CI), whom modes do not stop, the binary runs as `nobody`.
#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_errors_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let as_root = ignores_permissions(dir.path());
    if as_root {
        // nobody must reach the files that are not locked.
        set_mode(dir.path(), 0o755);
    }
    let locked = write(dir.path(), "locked.txt", MEETING.as_bytes());
    set_mode(&locked, 0o000);
    let folder = dir.path().join("closed");
    fs::create_dir(&folder).unwrap();
    write(&folder, "inside.txt", MEETING.as_bytes());
    set_mode(&folder, 0o000);
    let good = write(dir.path(), "good.txt", MEETING.as_bytes());
    let mut command = if as_root {
        as_nobody(dir.path())
    } else {
        let mut c = Command::new(env!("CARGO_BIN_EXE_reconcile"));
        c.current_dir(crate::root());
        c
    };
    command.args(["--format", "json"]).arg(dir.path());
    let out = crate::run_command(command, b"", Duration::from_secs(120));
    set_mode(&folder, 0o755);
    set_mode(&locked, 0o644);
    let out = match out {
        Ok(out) => out,
        Err(e) if as_root => {
            // Only where root may not change its user (a container without CAP_SETUID).
            crate::skipped(
                "robustness::unreadable_files_and_folders_are_errors_with_the_reason",
                &format!("running as root, and the binary cannot be run as nobody: {e}"),
            );
            return;
        }
        Err(e) => panic!("the reconcile binary runs: {e}"),
    };
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let d = doc(&report, "locked.txt");
    assert_eq!(d["status"], "error");
    assert!(d["reason"].as_str().unwrap().contains("ermission denied"));
    let d = doc(&report, "closed");
    assert_eq!(d["status"], "error");
    assert!(d["reason"].as_str().unwrap().contains("cannot read folder"));
    assert_eq!(doc(&report, "good.txt")["status"], "ok");
    let _ = good;
    assert!(stderr(&out).contains("locked.txt"));
}

#[test]
fn a_missing_path_named_is_an_error_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.txt");
    let good = write(dir.path(), "good.txt", MEETING.as_bytes());
    let (report, out) = json_of(&[], &[&missing, &good]);
    // Named on the command line: the report is whole, and the run fails as ripgrep's does.
    assert_eq!(out.status.code(), Some(2));
    let d = doc(&report, "nowhere.txt");
    assert_eq!(d["status"], "error");
    assert!(d["reason"].as_str().unwrap().contains("No such file"));
    assert!(stderr(&out).contains("nowhere.txt"));

    let (report, out) = json_of(&[], &[&missing]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(documents(&report).len(), 1, "even then it is listed");
    assert!(stderr(&out).contains("no input could be read"));
}

#[cfg(unix)]
#[test]
fn dangling_links_and_link_loops_are_reported_and_the_run_goes_on() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("articles");
    fs::create_dir(&root).unwrap();
    write(&root, "good.txt", MEETING.as_bytes());
    symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
    symlink(root.join("loop_b.txt"), root.join("loop_a.txt")).unwrap();
    symlink(root.join("loop_a.txt"), root.join("loop_b.txt")).unwrap();
    // A folder that links back to its parent.
    fs::create_dir(root.join("sub")).unwrap();
    symlink(&root, root.join("sub/back")).unwrap();
    let (report, out) = json_of(&[], &[&root]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for name in ["dangling.txt", "loop_a.txt", "loop_b.txt"] {
        let d = doc(&report, name);
        assert_eq!(d["status"], "error", "{name}");
        assert!(d["reason"].as_str().unwrap().contains("symbolic link"));
    }
    let d = doc(&report, "sub/back");
    assert_eq!(d["status"], "skipped");
    assert!(d["reason"].as_str().unwrap().contains("loop"));
    assert_eq!(doc(&report, "good.txt")["status"], "ok");
    assert_eq!(documents(&report).len(), 5);

    // Given directly as arguments.
    let (report, out) = json_of(&[], &[&root.join("dangling.txt"), &root.join("loop_a.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(documents(&report).len(), 2);
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_reported_without_blocking() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    // The system call, not the mkfifo command, so the test never depends on what is installed.
    let name = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
    // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
    assert_eq!(made, 0, "mkfifo: {}", std::io::Error::last_os_error());
    let good = write(dir.path(), "good.txt", MEETING.as_bytes());
    // Inside a folder and as an argument: either way, never opened (opening would block).
    let (report, out) = json_of(&[], &[dir.path(), &fifo, Path::new("/dev/null")]);
    // The FIFO and the device named as arguments cannot be read: exit 2, the report still whole.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let in_folder = &documents(&report)[1];
    assert!(in_folder["path"].as_str().unwrap().ends_with("pipe.txt"));
    assert_eq!(in_folder["status"], "skipped");
    assert!(in_folder["reason"].as_str().unwrap().contains("FIFO"));
    let as_arg = &documents(&report)[2];
    assert_eq!(as_arg["status"], "error");
    assert!(as_arg["reason"].as_str().unwrap().contains("FIFO"));
    let device = doc(&report, "/dev/null");
    assert_ne!(device["status"], "ok");
    assert!(device["reason"].as_str().unwrap().contains("device"));
    let _ = good;
}

// ---------------------------------------------------------------------------------------------
// Many files, deep folders, strange names

#[test]
fn thousands_of_files_in_nested_folders_are_all_accounted_for_in_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut expected = Vec::new();
    for a in 0..30 {
        for b in 0..4 {
            let folder = root.join(format!("d{a:02}")).join(format!("e{b}"));
            fs::create_dir_all(&folder).unwrap();
            for c in 0..25 {
                let name = format!("f{c:02}.txt");
                let body = if c % 5 == 0 {
                    MEETING
                } else {
                    "سطر قصير."
                };
                fs::write(folder.join(&name), body).unwrap();
                expected.push(format!("d{a:02}/e{b}/f{c:02}"));
            }
        }
    }
    assert_eq!(expected.len(), 3000);
    expected.sort();
    let (report, out) = json_of(&["--fail-on", "never"], &[root]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<&str> = documents(&report)
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    // Every stem repeats, so ids are relative paths, in byte order.
    assert_eq!(ids, expected);
    assert!(documents(&report).iter().all(|d| d["status"] == "ok"));
    assert_eq!(report["summary"]["documents"], 3000);
    let (again, _) = json_of(&["--fail-on", "never"], &[root]);
    assert_eq!(report, again, "two runs give the same report");
}

#[test]
fn deeply_nested_folders_are_walked() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_path_buf();
    for _ in 0..300 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).unwrap();
    write(&deep, "bottom.txt", MEETING.as_bytes());
    write(dir.path(), "top.txt", MEETING.as_bytes());
    let (report, out) = json_of(&[], &[dir.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(documents(&report).len(), 2);
    let bottom = doc(&report, "bottom.txt");
    assert_eq!(bottom["status"], "ok");
    assert_has_meeting_claims(bottom);
}

#[cfg(unix)]
#[test]
fn non_utf8_and_control_file_names_are_listed_and_shown_safely() {
    use std::os::unix::ffi::OsStringExt;
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<OsString> = vec![
        OsString::from_vec(b"caf\xE9.txt".to_vec()),
        OsString::from_vec(b"\xFF\xFE.txt".to_vec()),
        OsString::from_vec(b"red\x1b[31m\x1b]0;owned\x07.txt".to_vec()),
        OsString::from_vec("rlo\u{202E}txt.exe.txt".as_bytes().to_vec()),
        OsString::from_vec(b"c1\xC2\x9B2J.txt".to_vec()),
    ];
    for name in &names {
        fs::write(dir.path().join(name), MEETING).unwrap();
    }
    // One that fails, so its name also goes through standard error.
    fs::write(
        dir.path()
            .join(OsString::from_vec(b"bin\x1b[2J\xFF.txt".to_vec())),
        b"\0",
    )
    .unwrap();
    let (report, out) = json_of(&[], &[dir.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(documents(&report).len(), names.len() + 1);
    assert_json_strings_safe(&report);
    assert!(
        documents(&report)
            .iter()
            .any(|d| d["path"].as_str().unwrap().contains('\u{FFFD}'))
    );
    assert_terminal_safe("stderr", &out.stderr);
    assert!(stderr(&out).contains('␛'), "{}", stderr(&out));
    let ids: Vec<&str> = documents(&report)
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids stay unique: {ids:?}");

    let text = run_paths(&[dir.path()]);
    assert_terminal_safe("text report", &text.stdout);
    assert_terminal_safe("stderr", &text.stderr);
}

// ---------------------------------------------------------------------------------------------
// Text that tries to act on the terminal

/// An article carrying every kind of control: CSI colour and screen clearing, an OSC title and
/// hyperlink, BEL, backspace, a lone CR that would overwrite the line, C1 CSI and NEL, and a
/// right-to-left override, around a real meeting sentence.
fn hostile_article() -> String {
    format!(
        "\u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}[31mعاجل\u{1b}[0m\r\n\
         {}\
         رابط \u{1b}]8;;https://example.invalid\u{1b}\\هنا\u{1b}]8;;\u{1b}\\ \u{8}\u{8}x\rzz\n\
         \u{9b}31m \u{85} تقرير \u{202E}ادعاء\u{202C} و\u{2067}عزل\u{2069}\n",
        MEETING
    )
}

#[test]
fn escapes_and_controls_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let text = hostile_article();
    let path = write(dir.path(), "hostile.txt", text.as_bytes());
    let other = write(dir.path(), "other.txt", MEETING.as_bytes());
    for color in ["never", "always"] {
        let out = run_os(
            &[
                OsStr::new("--color"),
                OsStr::new(color),
                OsStr::new("--diff"),
                OsStr::new("host_city"),
                path.as_os_str(),
                other.as_os_str(),
            ],
            b"",
            Duration::from_secs(60),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let shown = String::from_utf8_lossy(&out.stdout);
        if color == "never" {
            assert_terminal_safe("text report", &out.stdout);
        } else {
            // Only the report's own colour codes: strip them, then nothing may remain.
            let stripped = strip_sgr(&shown);
            assert_terminal_safe("coloured text report", stripped.as_bytes());
        }
        assert_terminal_safe("stderr", &out.stderr);
        assert!(shown.contains("Findings about the texts"), "{shown}");
        assert!(shown.contains('␛') || shown.contains("<U+"), "{shown}");
    }
}

/// Removes `ESC [ digits;… m` colour sequences (the report's own styling).
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(tail.len());
        if tail[len..].starts_with('m') {
            rest = &tail[len + 1..];
        } else {
            out.push('\u{1b}');
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn json_strings_cannot_replay_controls_and_spans_stay_exact() {
    let dir = tempfile::tempdir().unwrap();
    let text = hostile_article();
    let path = write(dir.path(), "hostile.txt", text.as_bytes());
    let (report, out) = json_of(&[], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_json_strings_safe(&report);
    // The raw JSON text carries no raw C1 or bidi control either (serde escapes C0 itself).
    assert_terminal_safe("JSON text", &out.stdout);
    let d = doc(&report, "hostile.txt");
    assert_eq!(d["status"], "ok");
    assert_has_meeting_claims(d);
    assert_spans_exact(d, text.as_bytes());
    let title = d["title"].as_str().unwrap();
    assert!(title.starts_with("␛]0;owned␇␛[2J"), "{title}");
    let bidi: Vec<&Value> = d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "bidi_control")
        .collect();
    assert_eq!(bidi.len(), 1, "{d:#}");
    let e = &bidi[0]["evidence"];
    assert_eq!(e["text"], "<U+202E>");
    let start = e["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + 3], "\u{202E}");
}

#[test]
fn standard_input_with_controls_is_sanitised_too() {
    let text = hostile_article();
    let out = run_os(&[OsStr::new("-")], text.as_bytes(), Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_terminal_safe("text report", &out.stdout);
}

#[test]
fn argument_errors_do_not_echo_controls() {
    let out = run_os(
        &[
            OsStr::new("--format"),
            OsStr::new("\u{1b}]0;owned\u{7}\u{9b}2J"),
            OsStr::new("x.txt"),
        ],
        b"",
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_terminal_safe("stderr", &out.stderr);
    assert!(stderr(&out).contains("--format"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------------------------
// Sizes that could turn quadratic

/// Checks that the work of one JSON run over `unit` repeated n times grows linearly in n
/// (`crate::growth`: CPU time of the run alone, sizes doubled from `n` until the small run is
/// well above noise, then four times that size). Each `n` is about the size whose work reaches
/// `growth::WORK` on a debug build here, so that little time goes to doubling. `scripts/bench-pathological.sh` times the full
/// sizes (10 MB without a newline) on a release build.
#[cfg(unix)]
fn assert_roughly_linear(case: &str, unit: &str, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    crate::growth::assert_linear(case, n, |n| {
        let path = write(dir.path(), "input.txt", unit.repeat(n).as_bytes());
        let out = crate::growth::run_measured(&[
            OsStr::new("--format"),
            OsStr::new("json"),
            OsStr::new("--fail-on"),
            OsStr::new("never"),
            OsStr::new("--max-size"),
            OsStr::new("1000000000"),
            path.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{case}: {}", out.stderr());
        let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
        assert_eq!(doc(&report, "input.txt")["status"], "ok", "{case}");
        out.cpu
    });
}

/// Once quadratic: every claim carried the whole unbroken sentence as context, and
/// `extract::time` rescanned the text for every date and weekday.
#[cfg(unix)]
#[test]
fn one_long_line_grows_linearly() {
    assert_roughly_linear(
        "a meeting sentence repeated without a newline",
        "عقد وزراء خارجية التحالف اجتماعا في الرياض يوم الاثنين 9 شباط 2026 بمشاركة 90 عضوا ",
        1_600,
    );
}

/// Once quadratic: every ministerial cue of a sentence looked through all its type cues for a
/// small group or defence cue near it.
#[cfg(unix)]
#[test]
fn meeting_types_in_one_sentence_grow_linearly() {
    assert_roughly_linear("type cue after type cue", "اجتماع وزراء الخارجية ", 16_000);
}

#[cfg(unix)]
#[test]
fn weekday_after_weekday_grows_linearly() {
    assert_roughly_linear("weekday after weekday", "الاثنين ", 16_000);
}

#[cfg(unix)]
#[test]
fn one_letter_repeated_grows_linearly() {
    assert_roughly_linear("one letter", "ا", 4_000_000);
}

#[cfg(unix)]
#[test]
fn numbers_repeated_grow_linearly() {
    assert_roughly_linear("number after number", "90 ", 64_000);
}

#[cfg(unix)]
#[test]
fn proclitics_repeated_grow_linearly() {
    assert_roughly_linear("proclitic only", "و ", 256_000);
}

#[cfg(unix)]
#[test]
fn combining_marks_on_one_letter_grow_linearly() {
    assert_roughly_linear("combining marks", "\u{064E}", 1_280_000);
}

#[cfg(unix)]
#[test]
fn many_short_lines_grow_linearly() {
    assert_roughly_linear("lines of one city", "الرياض\n", 128_000);
}

#[test]
fn ten_megabytes_without_a_newline_are_read() {
    // Latin letters: no Arabic to extract, so this times reading, decoding and normalising.
    let dir = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let path = write(dir.path(), "flat.txt", &vec![b'x'; 10_000_000]);
    let (report, out) = json_of(&[], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(doc(&report, "flat.txt")["status"], "ok");
    assert!(start.elapsed() < Duration::from_secs(100));
}

// ---------------------------------------------------------------------------------------------
// Repetition: claims collapse, and a document's claims are bounded

/// A dated meeting sentence written for these tests.
const DATED: &str = "عقد وزراء خارجية التحالف اجتماعا في الرياض يوم الاثنين 9 شباط 2026.\n";

/// `--format json --context` over a headline and [`DATED`] `n` times: the report and its size.
fn repeated(dir: &Path, n: usize) -> (Value, usize) {
    let name = format!("repeated_{n}.txt");
    let text = format!("اجتماع التحالف\n{}", DATED.repeat(n));
    let path = write(dir, &name, text.as_bytes());
    let (report, out) = json_of(&["--context"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = doc(&report, &name);
    assert_eq!(d["status"], "ok");
    assert_spans_exact(d, text.as_bytes());
    (d.clone(), out.stdout.len())
}

/// Once, each of the 20,000 sentences gave five claims, each with its sentence: the JSON was
/// twenty times the article. Identical claims are one claim with a count and its first places,
/// so the report does not grow with the repetitions.
#[test]
fn a_sentence_repeated_gives_each_claim_once_with_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let n = 20_000;
    let (d, bytes) = repeated(dir.path(), n);
    let claims = d["claims"].as_array().unwrap();
    assert!(claims.len() <= 8, "{} claims: {d:#}", claims.len());
    let weekday = claims
        .iter()
        .find(|c| c["field"] == "meeting_weekday")
        .expect("the weekday");
    assert_eq!(weekday["value"], "monday");
    assert_eq!(weekday["count"], n, "{weekday:#}");
    // Its first place, then the next three, one sentence apart.
    let first = weekday["evidence"]["start"].as_u64().unwrap();
    let more: Vec<u64> = weekday["more_evidence"]
        .as_array()
        .expect("more_evidence")
        .iter()
        .map(|e| e["start"].as_u64().unwrap())
        .collect();
    let step = DATED.len() as u64;
    assert_eq!(more, vec![first + step, first + 2 * step, first + 3 * step]);
    assert_eq!(
        weekday["context"]["line"], 2,
        "the first sentence's context"
    );
    // Every claim is stated once per sentence.
    for c in claims.iter().filter(|c| c["role"] == "reading") {
        assert!(c["count"].as_u64().unwrap_or(1) >= n as u64, "{c:#}");
    }
    // Four times the repetitions: the same report, but for the counts.
    let (_, small) = repeated(dir.path(), n / 4);
    assert!(
        bytes < 32 * 1024 && bytes.abs_diff(small) < 256,
        "{bytes} bytes of JSON for {n} sentences, {small} for {}",
        n / 4
    );
}

/// A text with more distinct claims than a document keeps: the bound holds, the reading is
/// kept, and a finding says so.
#[test]
fn a_document_keeps_at_most_ten_thousand_claims_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // One weekday, written with different vowel marks each time: distinct words, one value.
    let marks = [
        '\u{064E}', '\u{064F}', '\u{0650}', '\u{0652}', '\u{0651}', '\u{064B}', '\u{064D}',
    ];
    let letters: Vec<char> = "الاثنين".chars().collect();
    let lines = 10_050;
    let mut text = String::from("اجتماع التحالف في الرياض\n");
    for i in 0..lines {
        let mut word = String::new();
        let mut k = i;
        // Seven letters, each bare or with one of seven marks: 8^7 spellings.
        for letter in &letters {
            word.push(*letter);
            if k % 8 > 0 {
                word.push(marks[k % 8 - 1]);
            }
            k /= 8;
        }
        text.push_str(&format!("اجتمع الوزراء يوم {word}.\n"));
    }
    let path = write(dir.path(), "many.txt", text.as_bytes());
    let (report, out) = json_of(&[], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = doc(&report, "many.txt");
    assert_eq!(d["status"], "ok");
    let claims = d["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 10_000);
    assert!(
        claims
            .iter()
            .any(|c| c["field"] == "host_city" && c["role"] == "reading"),
        "the reading of each field is kept first"
    );
    let limit = d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "claim_limit")
        .unwrap_or_else(|| panic!("a claim_limit finding: {:#}", d["findings"]));
    let message = limit["message"].as_str().unwrap();
    assert!(message.contains("10000"), "{message}");
    assert_spans_exact(d, text.as_bytes());
}
