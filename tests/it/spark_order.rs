//! The reduce step's order (issue 14): an engine such as Spark shuffles the paths between its
//! partitions (`repartition`) and may write the partitions in any order, so the reduce step
//! orders the records itself, by the path each one carries (component by component, the order
//! of a folder in a single run). Whatever order the part files and the records in them come in,
//! it gives the bytes of a single run over the same paths in that order. No Spark is needed:
//! the parts are made here as a repartitioned job would make them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{root, run, run_with_stdin};

/// Every `.txt` file under `dirs` (relative to the project root), in the reduce step's order:
/// by path, component by component.
fn txt_files(dirs: &[&str]) -> Vec<String> {
    let mut out: Vec<PathBuf> = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.iter().map(PathBuf::from).collect();
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(root().join(&d)).unwrap() {
            let name = entry.unwrap().file_name();
            let p = d.join(name);
            if root().join(&p).is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out.into_iter()
        .map(|p| p.to_str().unwrap().to_owned())
        .collect()
}

/// A fixed permutation of `0..n` (a linear congruential generator, so the test is repeatable).
fn permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed;
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, (state >> 33) as usize % (i + 1));
    }
    order
}

/// As `repartition(n)` does: the paths, shuffled, dealt round-robin into `n` partitions.
fn repartition(paths: &[String], n: usize, seed: u64) -> Vec<Vec<String>> {
    let mut parts = vec![Vec::new(); n];
    for (i, k) in permutation(paths.len(), seed).into_iter().enumerate() {
        parts[i % n].push(paths[k].clone());
    }
    parts
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The map step over `paths`: its records, one line each.
fn map(paths: &[String]) -> Vec<String> {
    let mut args = vec!["--map"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The single run's JSON report over `paths`, in that order.
fn single(paths: &[String]) -> std::process::Output {
    let mut args = vec!["--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    out
}

/// Writes `parts` as part files in `dir`, and reduces them in the order given by `order`.
fn reduce_files(dir: &Path, parts: &[String], order: &[usize]) -> std::process::Output {
    let names: Vec<String> = order
        .iter()
        .map(|&i| {
            let path = dir.join(format!("part-{i:05}"));
            fs::write(&path, &parts[i]).unwrap();
            path.to_str().unwrap().to_owned()
        })
        .collect();
    let mut args = vec!["--reduce", "--format", "json"];
    args.extend(names.iter().map(String::as_str));
    run(&args)
}

fn assert_same(what: &str, out: &std::process::Output, single: &std::process::Output) {
    assert_eq!(
        out.status.code(),
        single.status.code(),
        "{what}: {}",
        stderr(out)
    );
    assert!(
        out.stdout == single.stdout,
        "{what}: the reduce step's report differs from the single run's; stderr: {}",
        stderr(out)
    );
}

#[test]
fn partitions_in_any_order_with_records_interleaved_give_the_single_run() {
    let paths = txt_files(&["fixtures", "tests/corpus"]);
    assert!(paths.len() > 100);
    let whole = single(&paths);
    let dir = tempfile::tempdir().unwrap();
    for (n, seed) in [(4, 1), (3, 7), (7, 42)] {
        let parts: Vec<Vec<String>> = repartition(&paths, n, seed)
            .iter()
            .map(|p| map(p))
            .collect();
        let files: Vec<String> = parts.iter().map(|p| p.concat()).collect();
        let forward: Vec<usize> = (0..n).collect();
        let reversed: Vec<usize> = (0..n).rev().collect();
        // The partitions as written, finished last to first, and in a shuffled order.
        for order in [forward, reversed, permutation(n, seed + 1)] {
            let out = reduce_files(dir.path(), &files, &order);
            assert_same(&format!("{n} parts in order {order:?}"), &out, &whole);
        }
        // Every record interleaved, one part's after another's, through standard input.
        let longest = parts.iter().map(Vec::len).max().unwrap();
        let mut interleaved = String::new();
        for i in (0..longest).rev() {
            for part in &parts {
                if let Some(line) = part.get(i) {
                    interleaved.push_str(line);
                }
            }
        }
        let out = run_with_stdin(
            &["--reduce", "--format", "json", "-"],
            interleaved.as_bytes(),
        );
        assert_same(&format!("{n} parts interleaved"), &out, &whole);
    }
}

#[test]
fn a_folder_mapped_then_reversed_gives_the_folder_run() {
    // Names that a plain byte sort of whole paths would put in another order than a folder's
    // (`b-c/…` and `b c/…` before `b/…`), and stems that collide, so ids use relative paths.
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    let fixtures = txt_files(&["fixtures"]);
    let places = [
        "b/x.txt",
        "b/a.txt",
        "b-c/x.txt",
        "b c/x.txt",
        "B/y.txt",
        "b.txt",
        "b/z/x.txt",
        "a.txt",
    ];
    for (i, place) in places.iter().enumerate() {
        let to = articles.join(place);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(root().join(&fixtures[i % fixtures.len()]), &to).unwrap();
    }
    let folder = articles.to_str().unwrap();
    let whole = run(&["--format", "json", folder]);
    let mapped = run(&["--map", folder]);
    assert_eq!(mapped.status.code(), Some(0), "{}", stderr(&mapped));
    let mut lines: Vec<&[u8]> = mapped.stdout.split_inclusive(|&b| b == b'\n').collect();
    lines.reverse();
    let out = run_with_stdin(&["--reduce", "--format", "json", "-"], &lines.concat());
    assert_same("a folder's records reversed", &out, &whole);
}

#[test]
fn one_path_mapped_twice_is_reduced_in_one_order() {
    // A file listed twice whose text changed between the two map tasks: the two records share
    // a path, and the reduce step still orders them the same way whichever comes first.
    let dir = tempfile::tempdir().unwrap();
    let fixtures = txt_files(&["fixtures"]);
    let file = dir.path().join("changed.txt");
    let path = file.to_str().unwrap().to_owned();
    fs::copy(root().join(&fixtures[0]), &file).unwrap();
    let first = map(std::slice::from_ref(&path)).concat();
    fs::copy(root().join(&fixtures[3]), &file).unwrap();
    let second = map(&[path]).concat();
    let parts = [first, second];
    let a = reduce_files(dir.path(), &parts, &[0, 1]);
    let b = reduce_files(dir.path(), &parts, &[1, 0]);
    assert!(matches!(a.status.code(), Some(0 | 1)), "{}", stderr(&a));
    assert_same("one path twice, the other way round", &b, &a);
    let report: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    let ids: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["changed", "changed~2"]);
}

#[test]
fn records_held_in_a_temporary_file_are_read_back_in_order() {
    // More map records than the reduce step holds in memory (8 MiB), reversed.
    let dir = tempfile::tempdir().unwrap();
    let sources = txt_files(&["fixtures", "tests/corpus"]);
    let mut paths = Vec::new();
    for copy in 0..12 {
        for (i, source) in sources.iter().enumerate() {
            let to = dir
                .path()
                .join(format!("copy{copy:02}"))
                .join(format!("{i:03}.txt"));
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(root().join(source), &to).unwrap();
            paths.push(to.to_str().unwrap().to_owned());
        }
    }
    let whole = single(&paths);
    let mut records = map(&paths);
    assert!(records.iter().map(String::len).sum::<usize>() > 8 * 1024 * 1024);
    records.reverse();
    let out = run_with_stdin(
        &["--reduce", "--format", "json", "-"],
        records.concat().as_bytes(),
    );
    assert_same("records past memory, reversed", &out, &whole);
}
