//! Finding the inputs: files, folders (recursive, `.txt`, sorted, hidden entries skipped) and
//! standard input, and giving each a stable document id.
//!
//! Nothing found is dropped silently: whatever is met in a folder and not read is listed as a
//! skipped input with its reason.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Where a document's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Stdin,
}

/// One input found from the command-line arguments.
#[derive(Debug, Clone)]
pub struct Input {
    pub id: String,
    /// The file stem, and the path relative to its argument without extension: what the id is
    /// made from.
    pub stem: String,
    pub rel: String,
    /// The path as given or found, for display (lossy for non-UTF-8 names).
    pub path: String,
    pub origin: Origin,
    /// Set when the input is not read at all (a folder entry that is not a `.txt` file, a
    /// missing path…). `(skipped?, reason)`: `true` means skipped, `false` means an error.
    pub unread: Option<(bool, String)>,
}

/// Expands the arguments into inputs, in argument order and, inside a folder, in byte order of
/// the path. Ids are file stems, made unique by the path relative to the argument when stems
/// collide.
pub fn discover(args: &[PathBuf]) -> Vec<Input> {
    let mut found: Vec<(Input, String)> = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            found.push((
                Input {
                    id: "stdin".into(),
                    stem: "stdin".into(),
                    rel: "stdin".into(),
                    path: "-".into(),
                    origin: Origin::Stdin,
                    unread: None,
                },
                "stdin".into(),
            ));
            continue;
        }
        match fs::metadata(arg) {
            Ok(meta) if meta.is_dir() => {
                let mut visited = HashSet::new();
                walk(arg, arg, &mut visited, &mut found);
            }
            Ok(meta) if meta.is_file() => {
                let rel = strip_ext(arg.file_name().map(Path::new).unwrap_or(arg));
                found.push((file_input(arg, None), rel));
            }
            Ok(_) => found.push((
                unread_input(
                    arg,
                    false,
                    "not a regular file or folder (a FIFO, socket or device)",
                ),
                strip_ext(arg),
            )),
            Err(err) => {
                let reason = if fs::symlink_metadata(arg).is_ok() {
                    format!("dangling or looping symbolic link: {err}")
                } else {
                    format!("cannot read: {err}")
                };
                found.push((unread_input(arg, false, &reason), strip_ext(arg)));
            }
        }
    }
    assign_ids(&mut found);
    found.into_iter().map(|(input, _)| input).collect()
}

fn walk(root: &Path, dir: &Path, visited: &mut HashSet<PathBuf>, out: &mut Vec<(Input, String)>) {
    // A folder reached twice through symbolic links would loop forever.
    if let Ok(canonical) = fs::canonicalize(dir)
        && !visited.insert(canonical)
    {
        out.push((
            unread_input(dir, true, "symbolic link loop: folder already visited"),
            rel_id(root, dir),
        ));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            out.push((
                unread_input(dir, false, &format!("cannot read folder: {err}")),
                rel_id(root, dir),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort_by(|a, b| {
        a.as_os_str()
            .as_encoded_bytes()
            .cmp(b.as_os_str().as_encoded_bytes())
    });
    for path in paths {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
        if hidden {
            continue;
        }
        let rel = rel_id(root, &path);
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(root, &path, visited, out),
            Ok(meta) if meta.is_file() => {
                if path.extension().is_some_and(|e| e == "txt") {
                    out.push((file_input(&path, None), rel));
                } else {
                    out.push((unread_input(&path, true, "not a .txt file"), rel));
                }
            }
            Ok(_) => out.push((
                unread_input(&path, true, "not a regular file (a FIFO, socket or device)"),
                rel,
            )),
            Err(err) => out.push((
                unread_input(
                    &path,
                    false,
                    &format!("dangling or looping symbolic link: {err}"),
                ),
                rel,
            )),
        }
    }
}

fn file_input(path: &Path, unread: Option<(bool, String)>) -> Input {
    Input {
        id: String::new(),
        stem: String::new(),
        rel: String::new(),
        path: path.to_string_lossy().into_owned(),
        origin: Origin::File(path.to_path_buf()),
        unread,
    }
}

fn unread_input(path: &Path, skipped: bool, reason: &str) -> Input {
    file_input(path, Some((skipped, reason.to_owned())))
}

fn strip_ext(path: &Path) -> String {
    path.with_extension("").to_string_lossy().into_owned()
}

fn rel_id(root: &Path, path: &Path) -> String {
    strip_ext(path.strip_prefix(root).unwrap_or(path))
}

/// Ids are file stems; when two inputs share one, each of them uses its relative path, and any
/// remaining clash gets a numeric suffix so that ids stay unique.
fn assign_ids(found: &mut [(Input, String)]) {
    for (input, rel) in found.iter_mut() {
        input.stem = match &input.origin {
            Origin::Stdin => "stdin".to_owned(),
            Origin::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| rel.clone()),
        };
        input.rel = rel.clone();
    }
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|(i, _)| (i.stem.as_str(), i.rel.as_str()))
        .collect();
    let ids = unique_ids(&pairs);
    for ((input, _), id) in found.iter_mut().zip(ids) {
        input.id = id;
    }
}

/// Document ids for inputs given as `(file stem, path relative to its argument without
/// extension)`: the stem, or the relative path where stems collide, made unique with `~N`.
/// The reduce step calls this too, so sharded runs get the ids a single run would.
pub fn unique_ids(pairs: &[(&str, &str)]) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (stem, _) in pairs {
        *counts.entry(stem).or_default() += 1;
    }
    let mut used: HashSet<String> = HashSet::new();
    pairs
        .iter()
        .map(|(stem, rel)| {
            let base = if counts[stem] > 1 { *rel } else { *stem }.to_owned();
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}~{n}");
                n += 1;
            }
            id
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_sorted_recursive_and_skip_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/deep")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        fs::write(root.join("b/deep/x.txt"), "x").unwrap();
        fs::write(root.join("a.txt"), "a").unwrap();
        fs::write(root.join("notes.md"), "m").unwrap();
        fs::write(root.join(".secret.txt"), "s").unwrap();
        fs::write(root.join(".hidden/y.txt"), "y").unwrap();
        let inputs = discover(&[root.to_path_buf()]);
        let ids: Vec<_> = inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "x", "notes"]);
        assert!(inputs[2].unread.as_ref().unwrap().0);
    }

    #[test]
    fn colliding_stems_use_relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("one")).unwrap();
        fs::create_dir_all(root.join("two")).unwrap();
        fs::write(root.join("one/same.txt"), "1").unwrap();
        fs::write(root.join("two/same.txt"), "2").unwrap();
        let ids: Vec<_> = discover(&[root.to_path_buf()])
            .into_iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(ids, vec!["one/same", "two/same"]);
    }

    #[test]
    fn missing_paths_are_errors_not_panics() {
        let inputs = discover(&[PathBuf::from("/no/such/place.txt")]);
        assert_eq!(inputs.len(), 1);
        assert!(!inputs[0].unread.as_ref().unwrap().0);
    }
}
