//! Finding the inputs: files, folders (recursive, `.txt`, sorted, hidden entries skipped) and
//! standard input, and giving each a stable document id.
//!
//! Nothing found is dropped silently: whatever is met in a folder and not read is listed as a
//! skipped input with its reason.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
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
    /// Whether the path was named on the command line (a file, `-`, or a folder that could not
    /// be listed), not found inside a folder: its failure fails the run (exit status 2).
    pub named: bool,
}

/// Expands the arguments into inputs, in argument order and, inside a folder, in byte order of
/// the path. Ids are file stems, made unique by the path relative to the argument when stems
/// collide.
pub fn discover(args: &[PathBuf]) -> Vec<Input> {
    discover_with(args, None)
}

/// [`discover`], with standard input (`-`) named `stdin_name` (`--stdin-filename`): its path
/// in every report, and its id made from that name as a file's would be.
pub fn discover_with(args: &[PathBuf], stdin_name: Option<&Path>) -> Vec<Input> {
    let mut found: Vec<(Input, String)> = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            let (path, stem, rel) = match stdin_name {
                Some(name) => (
                    name.to_string_lossy().into_owned(),
                    name.file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "stdin".into()),
                    strip_ext(name.file_name().map(Path::new).unwrap_or(name)),
                ),
                None => ("-".into(), "stdin".into(), "stdin".into()),
            };
            found.push((
                Input {
                    id: stem.clone(),
                    stem,
                    rel: rel.clone(),
                    path,
                    origin: Origin::Stdin,
                    unread: None,
                    named: true,
                },
                rel,
            ));
            continue;
        }
        match fs::metadata(arg) {
            Ok(meta) if meta.is_dir() => {
                let first = found.len();
                let mut visited = HashSet::new();
                walk(arg, arg, &mut visited, &mut found);
                // The folder itself failing (it cannot be listed) is a failure of the argument;
                // what fails inside it is not.
                if let Some((input, _)) = found.get_mut(first)
                    && input.origin == Origin::File(arg.clone())
                {
                    input.named = true;
                }
            }
            Ok(meta) if meta.is_file() => {
                let rel = strip_ext(arg.file_name().map(Path::new).unwrap_or(arg));
                found.push((named(file_input(arg, None)), rel));
            }
            Ok(_) => found.push((
                named(unread_input(
                    arg,
                    false,
                    "not a regular file or folder (a FIFO, socket or device)",
                )),
                strip_ext(arg),
            )),
            Err(err) => {
                let reason = unreachable_reason(arg, &err, Found::Named);
                found.push((named(unread_input(arg, false, &reason)), strip_ext(arg)));
            }
        }
    }
    assign_ids(&mut found);
    found.into_iter().map(|(input, _)| input).collect()
}

/// Where a path that could not be looked at came from, which decides what its error means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Named on the command line: not there means it never was (a typo).
    Named,
    /// Listed in a folder a moment before: not there means it went away during the run.
    Listed,
    /// Looked at when the run discovered its inputs, and read later.
    Discovered,
}

/// Why `path` cannot be looked at, from the error the system gave (its kind or raw code): a
/// symbolic link is called one only when it is one.
pub fn unreachable_reason(path: &Path, err: &io::Error, found: Found) -> String {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if link {
        return if err.kind() == io::ErrorKind::NotFound {
            format!("dangling symbolic link: its target does not exist ({err})")
        } else {
            // ELOOP says "too many levels of symbolic links" itself.
            format!("cannot follow the symbolic link: {err}")
        };
    }
    match err.kind() {
        io::ErrorKind::InvalidFilename => format!(
            "cannot read: the path is longer than the system allows ({} bytes): {err}",
            path.as_os_str().len()
        ),
        io::ErrorKind::NotFound if found == Found::Listed => {
            format!("cannot read: deleted or moved after its folder was listed ({err})")
        }
        io::ErrorKind::NotFound if found == Found::Discovered => {
            format!("cannot open: deleted or moved after the run found it ({err})")
        }
        _ if found == Found::Discovered => format!("cannot open: {err}"),
        _ => format!("cannot read: {err}"),
    }
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
            let reason = match err.kind() {
                io::ErrorKind::InvalidFilename => unreachable_reason(dir, &err, Found::Listed),
                _ => format!("cannot read folder: {err}"),
            };
            out.push((unread_input(dir, false, &reason), rel_id(root, dir)));
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
                    &unreachable_reason(&path, &err, Found::Listed),
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
        named: false,
    }
}

fn named(input: Input) -> Input {
    Input {
        named: true,
        ..input
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
        // Standard input's stem is set already: `stdin`, or that of its --stdin-filename.
        if let Origin::File(p) = &input.origin {
            input.stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| rel.clone());
        }
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
    fn reasons_say_what_happened() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone.txt");
        let err = fs::metadata(&gone).unwrap_err();
        // A file listed in its folder a moment ago, then gone: deleted, not a link.
        let listed = unreachable_reason(&gone, &err, Found::Listed);
        assert!(listed.contains("deleted or moved"), "{listed}");
        let named = unreachable_reason(&gone, &err, Found::Named);
        assert!(named.starts_with("cannot read: ") && !named.contains("link"));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&gone, &link).unwrap();
            let err = fs::metadata(&link).unwrap_err();
            let reason = unreachable_reason(&link, &err, Found::Listed);
            assert!(reason.contains("dangling symbolic link"), "{reason}");
        }
        let long = dir.path().join("x".repeat(300));
        let err = fs::metadata(&long).unwrap_err();
        let reason = unreachable_reason(&long, &err, Found::Named);
        assert!(reason.contains("longer than the system allows"), "{reason}");
    }

    #[test]
    fn only_paths_named_on_the_command_line_are_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "a").unwrap();
        let file = dir.path().join("a.txt");
        let named: Vec<bool> = discover(&[dir.path().to_path_buf(), file, PathBuf::from("-")])
            .iter()
            .map(|i| i.named)
            .collect();
        assert_eq!(named, [false, true, true]);
    }

    #[test]
    fn missing_paths_are_errors_not_panics() {
        let inputs = discover(&[PathBuf::from("/no/such/place.txt")]);
        assert_eq!(inputs.len(), 1);
        assert!(!inputs[0].unread.as_ref().unwrap().0);
    }
}
