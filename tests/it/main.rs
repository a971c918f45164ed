//! Integration tests: the real binary on the fixtures, the project's own corpus, and the CLI.

mod ci;
mod cli;
mod collection;
mod corpus;
mod expect;
mod fuzz_replay;
mod gold;
#[cfg(unix)]
mod growth;
mod habits;
mod html;
mod input;
mod oracle;
mod properties;
mod robustness;
mod schema;
mod shard;
mod snapshots;
mod spark_order;

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary with `args` in the project root, with `stdin` piped in (two minutes at most).
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    run_os(&args, stdin, Duration::from_secs(120))
}

/// Runs the binary with `args`, `stdin` piped in, and a watchdog: a run that hangs (on a FIFO, a
/// quadratic loop) fails the test instead of blocking the suite.
pub fn run_os(args: &[&OsStr], stdin: &[u8], limit: Duration) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reconcile"));
    command.args(args).current_dir(root());
    run_command(command, stdin, limit).expect("the reconcile binary runs")
}

/// Runs `command` (a reconcile binary with its arguments) as [`run_os`] does: no colour
/// variables, `stdin` piped in, a watchdog. `Err` only if it cannot be started.
pub fn run_command(mut command: Command, stdin: &[u8], limit: Duration) -> std::io::Result<Output> {
    let args: Vec<_> = command.get_args().map(OsStr::to_owned).collect();
    let mut child = command
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Written from a thread so a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(limit) {
        Ok(out) => out.expect("the reconcile binary finishes"),
        Err(_) => {
            // Our own child, by its id.
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("reconcile {args:?} did not finish within {limit:?}");
        }
    };
    let _ = writer.join();
    let _ = waiter.join();
    Ok(out)
}

/// Says that a test could not run here, and why, on standard error past cargo's capture (the
/// `eprintln!` of a passing test is hidden): a skipped test counts as passed, so whoever runs
/// the tests must see it. Every such line starts with `SKIPPED `.
pub fn skipped(test: &str, why: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// Runs the binary with `args` and empty standard input.
pub fn run(args: &[&str]) -> Output {
    run_with_stdin(args, b"")
}

/// Runs `--format json` on a path and parses the report.
pub fn json_report(path: &Path) -> (serde_json::Value, i32) {
    let out = run(&["--format", "json", path.to_str().expect("utf-8 path")]);
    let code = out.status.code().unwrap_or(-1);
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "invalid JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (report, code)
}

/// Words for generated short reports (`ci.rs`, `html.rs`): host cities, weekdays from Monday,
/// and the Egyptian month names.
pub mod words {
    pub const CITIES: [&str; 8] = [
        "الرياض",
        "جدة",
        "الكويت",
        "الدوحة",
        "القاهرة",
        "عمان",
        "بغداد",
        "الرباط",
    ];
    pub const WEEKDAYS: [&str; 7] = [
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ];
    pub const MONTHS: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
}
