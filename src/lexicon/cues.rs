//! Cue phrases: the words that tell an extractor what a stretch of text is about (a meeting verb,
//! a speech verb, a meeting type, a priority topic…), loaded from `data/cues.tsv`.
//!
//! A cue is one or more words in natural Arabic, normalised at load. Its first word may carry
//! proclitics in the text (و ف ب ل ك ال لل …); the following words match with or without the
//! article. A word ending in `*` matches any word that starts with it (استضاف* matches
//! استضافت، استضافته، استضافتها). Matching is a hash look-up per token reading, so it stays linear
//! in the text whatever the number of cues.

use std::ops::Range;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use crate::lexicon::lists::Extensible;

use crate::text::normalize;
use crate::text::tokens::{Token, bare, prefix_key, proclitic_readings};

/// The built-in cue file.
const BUILTIN: &str = include_str!("../../data/cues.tsv");

static SET: Extensible<CueSet> = Extensible::new(|| CueSet::parse(BUILTIN).unwrap_or_default());

/// One word of a cue phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CueWord {
    /// Normalised, article stripped.
    stem: String,
    prefix: bool,
    /// Written `!word`: matches only a word without the article (a first word only).
    indefinite: bool,
}

impl CueWord {
    fn parse(word: &str) -> Self {
        let (word, indefinite) = match word.strip_prefix('!') {
            Some(w) => (w, true),
            None => (word, false),
        };
        let (word, prefix) = match word.strip_suffix('*') {
            Some(w) => (w, true),
            None => (word, false),
        };
        let n = normalize(word);
        CueWord {
            stem: bare(&n).to_owned(),
            prefix,
            indefinite,
        }
    }

    fn matches(&self, stem: &str) -> bool {
        if self.prefix {
            stem.starts_with(&self.stem)
        } else {
            stem == self.stem
        }
    }
}

/// A cue phrase and what it signals.
#[derive(Debug, Clone)]
pub struct Cue {
    pub group: String,
    /// `group` as an index into the set's group names, for cheap comparison while matching.
    group_id: usize,
    pub tag: String,
    pub phrase: String,
    words: Vec<CueWord>,
}

/// A cue found in a text.
#[derive(Debug, Clone)]
pub struct CueMatch<'c> {
    pub cue: &'c Cue,
    /// Normalised byte range, proclitics of the first word included.
    pub span: Range<usize>,
    /// Index of the first and one past the last token.
    pub tokens: Range<usize>,
    /// The first word is an imperfect verb made future by the particle س ("ستستضيف" for the cue
    /// "تستضيف*").
    pub future: bool,
}

impl CueMatch<'_> {
    pub fn tag(&self) -> &str {
        &self.cue.tag
    }
    pub fn group(&self) -> &str {
        &self.cue.group
    }
}

/// Cues indexed by the first three chars of their first word.
#[derive(Debug)]
pub struct CueSet {
    cues: Vec<Cue>,
    /// Group names in order of first appearance (`Cue::group_id` indexes this).
    groups: Vec<String>,
    index: FxHashMap<u64, Vec<usize>>,
    /// Tells this set's remembered first words from another set's (`FIRSTS`).
    id: u64,
}

impl Default for CueSet {
    fn default() -> Self {
        CueSet {
            cues: Vec::new(),
            groups: Vec::new(),
            index: FxHashMap::default(),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// How many words a thread remembers the first-word cues of before it starts afresh.
const REMEMBERED: usize = 1 << 16;

/// The cues whose first word a word can be: `(cue, through the future particle)`.
type Firsts = Rc<[(u32, bool)]>;

thread_local! {
    /// Per thread, the cues each word seen may start (they depend on the word alone, and
    /// articles repeat their words), for the set whose id is kept beside them.
    static FIRSTS: RefCell<(u64, FxHashMap<Box<str>, Firsts>)> =
        RefCell::new((0, FxHashMap::default()));
}

/// Error in a cue file.
#[derive(Debug, thiserror::Error)]
#[error("cues.tsv line {line}: {message}")]
pub struct CueError {
    pub line: usize,
    pub message: String,
}

impl CueSet {
    /// Parses `group<TAB>tag<TAB>phrase` lines; `#` starts a comment line.
    pub fn parse(text: &str) -> Result<Self, CueError> {
        let mut set = CueSet::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [group, tag, phrase] = cols[..] else {
                return Err(CueError {
                    line: n + 1,
                    message: format!("expected 3 tab-separated columns, found {}", cols.len()),
                });
            };
            set.add(group, tag, phrase);
        }
        Ok(set)
    }

    /// Adds one cue.
    pub fn add(&mut self, group: &str, tag: &str, phrase: &str) {
        let words: Vec<CueWord> = phrase.split_whitespace().map(CueWord::parse).collect();
        let Some(first) = words.first() else { return };
        if first.stem.chars().count() < 2 {
            return;
        }
        let group_id = match self.groups.iter().position(|g| g == group) {
            Some(id) => id,
            None => {
                self.groups.push(group.to_owned());
                self.groups.len() - 1
            }
        };
        // The set changes: what threads remember of it no longer holds.
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let key = prefix_key(&first.stem);
        self.index.entry(key).or_default().push(self.cues.len());
        self.cues.push(Cue {
            group: group.to_owned(),
            group_id,
            tag: tag.to_owned(),
            phrase: phrase.to_owned(),
            words,
        });
    }

    /// The cues in force: `data/cues.tsv`, extended by `--lexicon DIR` when given.
    pub fn builtin() -> &'static CueSet {
        SET.get()
    }

    /// The built-in cues and the rows of `user` (checked alone first, so errors name the user's
    /// own lines).
    pub fn extended(user: &str) -> Result<CueSet, CueError> {
        CueSet::parse(user)?;
        CueSet::parse(&format!("{BUILTIN}\n{user}"))
    }

    /// Puts an extended set in force for the rest of the process; `false` if one already is.
    pub fn install(set: CueSet) -> bool {
        SET.install(set)
    }

    /// Every cue of `group` in the text, longest first at each position, non-overlapping, in
    /// text order.
    pub fn find<'c>(&'c self, group: &str, key: &str, tokens: &[Token]) -> Vec<CueMatch<'c>> {
        self.find_all(key, tokens)
            .into_iter()
            .filter(|m| m.group() == group)
            .collect()
    }

    /// Every cue of every group in one pass over the tokens: at each position the longest cue of
    /// each group, matches of one group never overlapping; in text order.
    pub fn find_all<'c>(&'c self, key: &str, tokens: &[Token]) -> Vec<CueMatch<'c>> {
        self.find_all_where(key, tokens, |_| true)
    }

    /// [`CueSet::find_all`], trying only the tokens where `may_start` says a cue may begin (see
    /// `text::sieve` and [`CueSet::first_words`]).
    pub fn find_all_where<'c>(
        &'c self,
        key: &str,
        tokens: &[Token],
        may_start: impl Fn(usize) -> bool,
    ) -> Vec<CueMatch<'c>> {
        let mut out: Vec<CueMatch<'c>> = Vec::new();
        // Per group, the first token a new match may start at.
        let mut free: Vec<usize> = vec![0; self.groups.len()];
        let mut best: Vec<CueMatch<'c>> = Vec::new();
        for i in (0..tokens.len()).filter(|&i| may_start(i)) {
            best.clear();
            self.longest_at(key, tokens, i, &mut best);
            for m in best.drain(..) {
                let next = &mut free[m.cue.group_id];
                if *next <= i {
                    *next = m.tokens.end;
                    out.push(m);
                }
            }
        }
        out
    }

    /// The first word of every cue, normalised and without article, and whether it matches any
    /// word it begins (`استضاف*`) rather than a whole word: what a sieve (`text::sieve`) needs
    /// to mark the tokens a cue may start at.
    pub fn first_words(&self) -> impl Iterator<Item = (&str, bool)> {
        self.cues
            .iter()
            .map(|c| (c.words[0].stem.as_str(), c.words[0].prefix))
    }

    /// The longest cue of each group starting at token `i`, pushed onto `best`.
    fn longest_at<'c>(
        &'c self,
        key: &str,
        tokens: &[Token],
        i: usize,
        best: &mut Vec<CueMatch<'c>>,
    ) {
        let word = tokens[i].text(key);
        let firsts = FIRSTS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let (id, words) = &mut *cache;
            if *id != self.id {
                words.clear();
                *id = self.id;
            }
            if let Some(f) = words.get(word) {
                return Rc::clone(f);
            }
            let f: Firsts = self.first_word_cues(word).into();
            if words.len() >= REMEMBERED {
                words.clear();
            }
            words.insert(word.into(), Rc::clone(&f));
            f
        });
        for &(c, future) in firsts.iter() {
            let cue = &self.cues[c as usize];
            let n = cue.words.len();
            if i + n > tokens.len() {
                continue;
            }
            let rest_ok = cue.words[1..]
                .iter()
                .zip(&tokens[i + 1..i + n])
                .all(|(w, t)| w.matches(bare(t.text(key))));
            if !rest_ok {
                continue;
            }
            let m = CueMatch {
                cue,
                span: tokens[i].start..tokens[i + n - 1].end,
                tokens: i..i + n,
                future,
            };
            match best.iter_mut().find(|b| b.cue.group_id == cue.group_id) {
                Some(b) if b.tokens.len() < n => *b = m,
                Some(_) => {}
                None => best.push(m),
            }
        }
    }

    /// The cues whose first word `word` can be, under any reading of its proclitics and of
    /// the future particle, each once, in the order matching tries them.
    fn first_word_cues(&self, word: &str) -> Vec<(u32, bool)> {
        let mut out: Vec<(u32, bool)> = Vec::new();
        let mut previous = "";
        let readings = proclitic_readings(word);
        // Each reading as it stands, then as the imperfect verb inside a future form.
        // Each reading as `(bare stem, through the future particle, definite)`.
        let stems = readings
            .iter()
            .map(|&(_, stem, article)| (bare(stem), false, article || stem.starts_with("ال")))
            .chain(
                readings
                    .iter()
                    .filter_map(|(_, stem, _)| crate::text::tokens::future_stem(stem))
                    .map(|verb| (verb, true, false)),
            );
        for (stem, future, definite) in stems {
            // "الرياض" and its article reading "رياض" share one bare stem: try it once.
            if stem == previous {
                continue;
            }
            previous = stem;
            let Some(candidates) = self.index.get(&prefix_key(stem)) else {
                continue;
            };
            for &c in candidates {
                let first = &self.cues[c].words[0];
                if first.matches(stem)
                    && !(first.indefinite && definite)
                    && !out.iter().any(|&(x, _)| x as usize == c)
                {
                    out.push((u32::try_from(c).unwrap_or(u32::MAX), future));
                }
            }
        }
        out
    }

    /// All cues, for checks.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn tags(set: &CueSet, group: &str, text: &str) -> Vec<String> {
        let key = normalize(text);
        let tokens = tokenize(&key);
        set.find(group, &key, &tokens)
            .iter()
            .map(|m| m.tag().to_owned())
            .collect()
    }

    #[test]
    fn prefix_words_and_clitics() {
        let mut set = CueSet::default();
        set.add("verb", "host", "استضاف*");
        set.add("type", "small_group", "المجموعة المصغرة");
        assert_eq!(tags(&set, "verb", "واستضافتها العاصمة"), vec!["host"]);
        assert_eq!(
            tags(&set, "type", "عن المجموعة المصغّرة"),
            vec!["small_group"]
        );
        assert_eq!(tags(&set, "type", "وللمجموعة المصغرة"), vec!["small_group"]);
        assert_eq!(tags(&set, "type", "مجموعة مصغرة"), vec!["small_group"]);
        assert!(tags(&set, "type", "المجموعة الكبيرة").is_empty());
    }

    #[test]
    fn an_indefinite_first_word_refuses_the_article() {
        let mut set = CueSet::default();
        set.add("type", "small_group", "المجموعة المصغرة");
        set.add("type", "none", "!مجموعة مصغرة من");
        assert_eq!(tags(&set, "type", "مجموعة مصغرة من الدول"), vec!["none"]);
        assert_eq!(tags(&set, "type", "ومجموعة مصغرة من الدول"), vec!["none"]);
        for definite in ["المجموعة المصغرة من التحالف", "للمجموعة المصغرة من التحالف"]
        {
            assert_eq!(
                tags(&set, "type", definite),
                vec!["small_group"],
                "{definite}"
            );
        }
    }

    #[test]
    fn future_forms_match_imperfect_cues() {
        let mut set = CueSet::default();
        set.add("verb", "host", "تستضيف*");
        set.add("verb", "held", "يعقد*");
        let key = normalize("وستستضيف الرباط الاجتماع الذي سيعقد غدا ويعقد كل عام");
        let tokens = tokenize(&key);
        let found: Vec<(String, bool)> = set
            .find_all(&key, &tokens)
            .iter()
            .map(|m| (m.tag().to_owned(), m.future))
            .collect();
        assert_eq!(
            found,
            vec![
                ("host".to_owned(), true),
                ("held".to_owned(), true),
                ("held".to_owned(), false)
            ]
        );
        // A noun that starts with س is not a future verb.
        assert!(tags(&set, "verb", "سيارة").is_empty());
    }

    #[test]
    fn longest_cue_wins() {
        let mut set = CueSet::default();
        set.add("t", "short", "وزراء");
        set.add("t", "long", "وزراء الخارجية");
        assert_eq!(tags(&set, "t", "اجتمع وزراء الخارجية"), vec!["long"]);
    }

    #[test]
    fn builtin_cues_parse_sorted_and_unique() {
        let text = include_str!("../../data/cues.tsv");
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        let mut sorted = rows.clone();
        sorted.sort();
        assert_eq!(rows, sorted, "data/cues.tsv must be sorted");
        let mut seen = std::collections::HashSet::new();
        for row in &rows {
            let cols: Vec<&str> = row.split('\t').collect();
            assert_eq!(cols.len(), 3, "bad row {row:?}");
            let key = (cols[0], normalize(cols[2]));
            assert!(seen.insert(key), "duplicate cue {row:?}");
        }
        assert!(!CueSet::builtin().cues().is_empty());
    }
}
