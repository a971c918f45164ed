//! Word lists that are compiled in and that a user can extend with `--lexicon DIR`: cue phrases
//! (`cues.tsv`), the calendar (`calendar.tsv`), number words (`numbers.tsv`) and the lists names
//! are read with (`titles.tsv`, `given_names.tsv`, `common_words.tsv`).
//!
//! Each list is parsed once. A run's lists are settled before its first document is read: the
//! command line installs the user's extension once, at start-up, and every reader of the list
//! sees the same lists for the whole run.

use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};

/// A list compiled in, which one extension per process may replace.
pub struct Extensible<T: 'static> {
    builtin: LazyLock<T>,
    user: OnceLock<T>,
}

impl<T> Extensible<T> {
    pub const fn new(builtin: fn() -> T) -> Self {
        Extensible {
            builtin: LazyLock::new(builtin),
            user: OnceLock::new(),
        }
    }

    /// The list in force: the built-in one, or its extension once installed.
    pub fn get(&self) -> &T {
        self.user.get().unwrap_or(&self.builtin)
    }

    /// Puts an extension in force; `false` if one already is.
    pub fn install(&self, list: T) -> bool {
        self.user.set(list).is_ok()
    }
}

/// The list files a lexicon directory may hold besides the gazetteer's.
pub const FILE_NAMES: [&str; 6] = [
    "cues.tsv",
    "calendar.tsv",
    "numbers.tsv",
    "titles.tsv",
    "given_names.tsv",
    "common_words.tsv",
];

/// Why a user's list could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("the word lists were already extended in this process")]
    Twice,
}

/// Reads the list files in `dir`, each added to its built-in list, and puts them in force.
/// Returns the names of the files found. Must run before the first document is read.
pub fn extend_from(dir: &Path) -> Result<Vec<&'static str>, ListError> {
    let mut found = Vec::new();
    let mut text = |name: &'static str| -> Result<Option<(PathBuf, String)>, ListError> {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(t) => {
                found.push(name);
                Ok(Some((path, t)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(ListError::Read { path, source }),
        }
    };
    let [cues, calendar, numbers, titles, given, common] = FILE_NAMES;
    let (cues, calendar, numbers) = (text(cues)?, text(calendar)?, text(numbers)?);
    let (titles, given, common) = (text(titles)?, text(given)?, text(common)?);
    let parse = |path: &Path, message: String| ListError::Parse {
        path: path.to_path_buf(),
        message,
    };
    if let Some((path, user)) = cues {
        let set = crate::lexicon::cues::CueSet::extended(&user)
            .map_err(|e| parse(&path, e.to_string()))?;
        install(crate::lexicon::cues::CueSet::install(set))?;
    }
    if let Some((path, user)) = calendar {
        let cal = crate::text::dates::calendar::Calendar::extended(&user)
            .map_err(|e| parse(&path, e.to_string()))?;
        install(crate::text::dates::calendar::Calendar::install(cal))?;
    }
    if let Some((path, user)) = numbers {
        crate::text::numbers::install_extended(&user).map_err(|e| match e {
            Some(message) => parse(&path, message),
            None => ListError::Twice,
        })?;
    }
    if titles.is_some() || given.is_some() || common.is_some() {
        fn user(f: &Option<(PathBuf, String)>) -> &str {
            f.as_ref().map_or("", |(_, t)| t.as_str())
        }
        let path = [&titles, &given, &common]
            .into_iter()
            .flatten()
            .map(|(p, _)| p.clone())
            .next()
            .unwrap_or_default();
        let lex = crate::extract::chairs::names::NameLexicon::extended(
            user(&titles),
            user(&given),
            user(&common),
        )
        .map_err(|e| parse(&path, e.to_string()))?;
        install(crate::extract::chairs::names::NameLexicon::install(lex))?;
    }
    Ok(found)
}

fn install(done: bool) -> Result<(), ListError> {
    if done { Ok(()) } else { Err(ListError::Twice) }
}
