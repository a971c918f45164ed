//! Integration tests: the real binary on the fixtures, the project's own corpus, and the CLI.

mod ci;
mod cli;
mod corpus;
mod expect;
mod gold;
mod html;
mod properties;
mod robustness;
mod schema;
mod shard;
mod snapshots;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary with `args` in the project root, with `stdin` piped in.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_reconcile"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the reconcile binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    // A run that never reads standard input may close it early; that is fine.
    let _ = input.write_all(stdin);
    drop(input);
    child
        .wait_with_output()
        .expect("the reconcile binary finishes")
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
