//! The fuzz targets' checks (`fuzz/checks.rs`, shared with the targets) in the ordinary test
//! run: every seed of `fuzz/seeds/<target>/` and every file that fuzzing left in
//! `fuzz/artifacts/<target>/` (a crash, a leak, a timeout: committed, so it is replayed for
//! good) must go through without a panic.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "../../fuzz/checks.rs"]
mod checks;

/// A target's check: panics on a failure.
type Check = fn(&[u8]);

/// The fuzz targets and their checks.
const TARGETS: &[(&str, Check)] = &[("pipeline", checks::pipeline), ("records", checks::records)];

/// The files of `dir` (none if it does not exist), sorted; `README.md` and `.gitkeep` explain
/// the folder and are not inputs.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    files.retain(|p| {
        p.is_file()
            && !matches!(
                p.file_name().and_then(|n| n.to_str()),
                Some("README.md" | ".gitkeep")
            )
    });
    files.sort();
    files
}

/// Runs `check` on every file, and names the ones that panic.
fn replay(files: &[PathBuf], check: Check) -> Vec<String> {
    files
        .iter()
        .filter_map(|file| {
            let bytes = fs::read(file).unwrap();
            std::panic::catch_unwind(|| check(&bytes))
                .err()
                .map(|_| file.display().to_string())
        })
        .collect()
}

/// Every folder of `base` is a target's.
fn assert_only_targets(base: &Path) {
    for entry in fs::read_dir(base).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                TARGETS.iter().any(|(t, _)| *t == name),
                "{}: no fuzz target is called {name}",
                path.display()
            );
        }
    }
}

#[test]
fn every_seed_goes_through_its_target() {
    let base = crate::root().join("fuzz/seeds");
    assert_only_targets(&base);
    for (target, check) in TARGETS {
        let seeds = inputs(&base.join(target));
        assert!(seeds.len() >= 5, "fuzz/seeds/{target} holds its seeds");
        let failed = replay(&seeds, *check);
        assert!(failed.is_empty(), "{target}: seeds that panic: {failed:?}");
    }
}

#[test]
fn every_fuzz_artifact_is_replayed() {
    let base = crate::root().join("fuzz/artifacts");
    assert!(
        base.join("README.md").is_file(),
        "fuzz/artifacts/ is committed"
    );
    assert_only_targets(&base);
    let mut replayed = 0;
    for (target, check) in TARGETS {
        let files = inputs(&base.join(target));
        replayed += files.len();
        let failed = replay(&files, *check);
        assert!(
            failed.is_empty(),
            "{target}: artifacts that still fail: {failed:?} (replay one with `cargo +nightly \
             fuzz run {target} FILE` in fuzz/)"
        );
    }
    println!("replayed {replayed} fuzz artifacts");
}

/// The replay names an input whose check panics (so an artifact that still fails cannot pass).
#[test]
fn a_failing_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crash-0");
    fs::write(&file, b"\xff").unwrap();
    let failed = replay(std::slice::from_ref(&file), |bytes| {
        assert!(bytes.is_empty(), "not empty")
    });
    assert_eq!(failed, vec![file.display().to_string()]);
    assert!(replay(&[file], |_| {}).is_empty());
}
