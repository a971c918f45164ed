//! Map/reduce: sharding the inputs into several `--map` runs and one `--reduce` gives the JSON a
//! single run gives, byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use crate::run;

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt") {
                out.push(p);
            }
        }
    }
    out.sort_by(|a, b| {
        a.as_os_str()
            .as_encoded_bytes()
            .cmp(b.as_os_str().as_encoded_bytes())
    });
    out
}

/// Copies `files` into one flat folder (so a single run and the shards see the same paths).
fn flat_copy(files: &[PathBuf], into: &Path) -> Vec<String> {
    files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let to = into.join(format!("{i:04}.txt"));
            fs::copy(f, &to).unwrap();
            to.to_str().unwrap().to_owned()
        })
        .collect()
}

fn check_shards(paths: &[String], shards: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = Vec::new();
    for (n, chunk) in paths.chunks(paths.len().div_ceil(shards)).enumerate() {
        let mut args = vec!["--map"];
        args.extend(chunk.iter().map(String::as_str));
        let out = run(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let part = dir.path().join(format!("part-{n:02}.jsonl"));
        fs::write(&part, &out.stdout).unwrap();
        parts.push(part.to_str().unwrap().to_owned());
    }
    let mut reduce = vec!["--reduce", "--format", "json"];
    reduce.extend(parts.iter().map(String::as_str));
    let reduced = run(&reduce);
    let mut single = vec!["--format", "json"];
    single.extend(paths.iter().map(String::as_str));
    let whole = run(&single);
    assert_eq!(reduced.status.code(), whole.status.code());
    assert!(
        reduced.stdout == whole.stdout,
        "reduce output differs from a single run"
    );
}

#[test]
fn fixtures_in_shards_reduce_to_the_single_run() {
    let files: Vec<String> = txt_files(&crate::root().join("fixtures"))
        .into_iter()
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    for shards in [1, 2, 5] {
        check_shards(&files, shards);
    }
}

#[test]
fn the_corpus_in_shards_reduces_to_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let files = txt_files(&crate::root().join("tests/corpus"));
    assert!(files.len() > 50);
    let paths = flat_copy(&files, dir.path());
    check_shards(&paths, 4);
}

#[test]
fn map_records_are_one_self_contained_line_per_document() {
    let out = run(&["--map", "fixtures"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 5);
    for r in &records {
        assert!(
            r["claims"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["evidence"]["text"].is_string())
        );
        assert!(r["stem"].is_string() && r["rel"].is_string());
    }
}

#[test]
fn a_broken_map_file_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let part = dir.path().join("bad.jsonl");
    fs::write(&part, "{\"stem\":\"a\",\"rel\":\"a\"}\nnot json\n").unwrap();
    let out = run(&["--reduce", part.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:"), "{err}");
}
