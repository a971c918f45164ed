//! Claims extracted from one document, each with its exact evidence.
//!
//! A document is analysed once (`Analysis`: normalised text, tokens, sentences, entities, dates,
//! numbers); then each extractor (one file per claim kind) reads the analysis and adds claims.
//! Offsets inside the analysis are into the normalised text; `Analysis::evidence` is the only way
//! out, and it maps back to the original. Once the reading is decided, identical claims become
//! one with a count, and a document keeps a bounded number of them: what it costs after
//! extraction does not grow with a repeated sentence.

pub mod chairs;
pub mod context;
pub mod count;
pub mod field;
pub mod host;
pub mod meeting_type;
pub mod participants;
pub mod priorities;
pub mod reading;
pub mod session;
pub mod time;
pub mod value;

use std::ops::Range;

use crate::document::LineIndex;
use crate::lexicon::cues::{CueMatch, CueSet};
use crate::lexicon::gazetteer::{EntityMatch, Gazetteer};
use crate::text::dates::{
    DateMatch, RelativeDayMatch, WeekdayMatch, dates_where, relative_days_where, weekdays_where,
};
use crate::text::numbers::{NumberMatch, numbers_where};
use crate::text::sieve;
use crate::text::tokens::{Token, tokenize};
use crate::text::{NormText, normalize};

pub use field::{FIELDS, Field, FieldKind, FieldSpec};
pub use reading::Meeting;
pub use value::{Entity, MeetingType, Relation, Value};

/// How much of the sentence around a claim's evidence its context keeps, each side, in bytes of
/// normalised text (about 300 Arabic letters).
const CONTEXT_BYTES: usize = 600;

/// Places a repeated claim lists beyond its first (`Claim::more_evidence`).
pub const MORE_EVIDENCE: usize = 3;

/// The most distinct claims one document keeps. A news report states a few dozen; past this
/// bound a text is a list or a generated file, and what it keeps is said in a `claim_limit`
/// finding. Bounds what a document costs in memory and output after extraction.
pub const MAX_CLAIMS: usize = 10_000;

/// Where a claim comes from: the exact original text and its place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Evidence {
    /// The exact original substring.
    pub text: String,
    /// Byte offsets into the original (end exclusive).
    // Invariant: start <= end, both on char boundaries of the decoded text.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
}

/// Whether a claim is part of the document's reading of its own meeting, or only mentioned.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// What the document says about the meeting it reports (or about itself: its own date).
    #[default]
    Reading,
    /// A value the text gives that is not about that meeting: another meeting, the day of a
    /// statement, background. Mentions never take part in verdicts.
    Mention,
}

/// One thing a document states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub field: Field,
    pub value: Value,
    pub evidence: Evidence,
    /// The sentence the evidence stands in, for context and word-level diffs; only when the
    /// run asked for sentences (`ExtractOptions::sentences`).
    pub sentence: Option<Evidence>,
    /// How the value was read when it is not literal (e.g. "yesterday, resolved against the
    /// article's own day"), or what a mention is about; empty when there is nothing to say.
    pub note: Option<String>,
    pub role: Role,
    /// How many times the text states the claim: identical claims (same field, value, role,
    /// note and quoted text) are one claim, whose `evidence` is the first place. At least 1.
    pub count: usize,
    /// The next places the text states it after `evidence`, in text order: at most
    /// [`MORE_EVIDENCE`] of the `count - 1`.
    pub more_evidence: Vec<Evidence>,
}

/// What a finding is about.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Direction overrides or isolates in the text.
    BidiControl,
    /// No Arabic text at all.
    NoArabic,
    /// Arabic text, but no claim about a meeting.
    NoClaims,
    /// More distinct claims than a document keeps (10,000, `MAX_CLAIMS`): some are left out.
    ClaimLimit,
    /// The text gives two values of one field for its own meeting.
    SelfContradiction,
    /// The file ends inside a UTF-8 character: the text stops before it.
    TruncatedUtf8,
    /// A kind this version does not know (read back from another version's records).
    #[serde(other)]
    Other,
}

/// A problem with the input itself that a reader should know about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// Everything the extractors need about one document, computed once.
pub struct Analysis<'a> {
    pub original: &'a str,
    pub norm: NormText,
    pub tokens: Vec<Token>,
    /// Sentence ranges in normalised text, in order, covering every token.
    pub sentences: Vec<Range<usize>>,
    pub entities: Vec<EntityMatch>,
    pub weekdays: Vec<WeekdayMatch>,
    pub dates: Vec<DateMatch>,
    /// Relative days without a weekday ("أمس", "قبل يومين", "في 9 من الشهر الجاري").
    pub relative_days: Vec<RelativeDayMatch>,
    pub numbers: Vec<NumberMatch>,
    /// Every cue of every group but the topic-context groups, in text order.
    pub cues: Vec<CueMatch<'static>>,
    /// The cues of the groups only the priorities read (`priority_context`, `priority_frame`):
    /// common words that match everywhere, kept apart so that no other scan walks past them.
    pub topic_cues: Vec<CueMatch<'static>>,
    pub gazetteer: &'a Gazetteer,
    lines: LineIndex,
    /// Line starts in the normalised text, each with how many lines with text come before it.
    norm_lines: Vec<(usize, u32)>,
    /// The first token of every clause (`context::clause_of`).
    pub clause_starts: Vec<u32>,
    /// Where cues that point to another meeting (group `elsewhere`) and cues of the future
    /// start, by token: most texts have none near most claims, and then nothing needs weighing.
    pub elsewhere_at: Vec<u32>,
    pub future_at: Vec<u32>,
}

impl<'a> Analysis<'a> {
    pub fn new(original: &'a str, gazetteer: &'a Gazetteer) -> Self {
        let norm = NormText::new(original);
        let key = norm.as_str();
        let tokens = tokenize(key);
        let sentences = split_sentences(key);
        // Which tokens may open a match of each scanner, worked out once (`text::sieve`).
        let cue_set = CueSet::builtin();
        let marks = gazetteer.sieve().marks(key, &tokens);
        let marks = marks.as_slice();
        let marked = |want: u8| move |i: usize| marks[i] & want != 0;
        let entities = gazetteer.find_entities_where(key, &tokens, marked(sieve::ENTITY));
        let dates = dates_where(
            key,
            &tokens,
            marked(sieve::DIGITS | sieve::NUMBER | sieve::MONTH),
        );
        let weekdays = weekdays_where(key, &tokens, &dates, marked(sieve::WEEKDAY));
        let relative_days =
            relative_days_where(key, &tokens, &weekdays, &dates, marked(sieve::RELATIVE_DAY));
        let numbers = numbers_where(key, &tokens, marked(sieve::DIGITS | sieve::NUMBER));
        let (topic_cues, cues): (Vec<_>, Vec<_>) = cue_set
            .find_all_where(key, &tokens, marked(sieve::CUE))
            .into_iter()
            .partition(|m| priorities::TOPIC_GROUPS.contains(&m.group()));
        let mut norm_lines = vec![(0usize, 0u32)];
        let mut with_text = 0u32;
        let mut line_start = 0;
        for i in memchr::memchr_iter(b'\n', key.as_bytes()) {
            with_text += u32::from(key[line_start..i].chars().any(char::is_alphanumeric));
            line_start = i + 1;
            norm_lines.push((line_start, with_text));
        }
        let clause_starts = context::clause_starts(key, &tokens, &sentences);
        let at = |keep: &dyn Fn(&CueMatch) -> bool| -> Vec<u32> {
            cues.iter()
                .filter(|m| keep(m))
                .map(|m| u32::try_from(m.tokens.start).unwrap_or(u32::MAX))
                .collect()
        };
        // "قد" alone is everywhere; it points back only after a form of كان ("وكانت … قد").
        let perfect_after = |m: &CueMatch| {
            let i = cues.partition_point(|c| c.tokens.start < m.tokens.end);
            cues[i..]
                .iter()
                .take_while(|c| c.tokens.start <= m.tokens.start + 4)
                .any(|c| c.group() == "elsewhere" && c.tag() == "perfect")
        };
        let elsewhere_at = at(&|m| {
            m.group() == "elsewhere"
                && match m.tag() {
                    "perfect" => false,
                    "earlier" => perfect_after(m),
                    _ => true,
                }
        });
        let future_at = at(&|m| {
            (m.group() == "tense" && m.tag() == "future") || (m.future && m.group() == "meeting")
        });
        Analysis {
            norm_lines,
            clause_starts,
            elsewhere_at,
            future_at,
            topic_cues,
            cues,
            original,
            tokens,
            sentences,
            entities,
            weekdays,
            dates,
            relative_days,
            numbers,
            gazetteer,
            lines: LineIndex::new(original),
            norm,
        }
    }

    /// The normalised text.
    pub fn key(&self) -> &str {
        self.norm.as_str()
    }

    /// Evidence for a normalised range: the exact original substring, its span and line.
    pub fn evidence(&self, norm: Range<usize>) -> Evidence {
        let span = self.norm.to_original(norm);
        Evidence {
            text: self.original[span.clone()].to_owned(),
            start: span.start,
            end: span.end,
            line: self.lines.line(span.start),
        }
    }

    /// The normalised line holding offset `at`, and how many lines with text come before it.
    pub fn line_at(&self, at: usize) -> (Range<usize>, usize) {
        let i = self.norm_lines.partition_point(|(start, _)| *start <= at) - 1;
        let (start, before) = self.norm_lines[i];
        let end = self
            .norm_lines
            .get(i + 1)
            .map_or(self.key().len(), |(next, _)| next - 1);
        (start..end, before as usize)
    }

    /// The index of the sentence holding normalised offset `at`.
    pub fn sentence_of(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= at)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The sentence range holding normalised offset `at`.
    pub fn sentence_range(&self, at: usize) -> Range<usize> {
        self.sentences
            .get(self.sentence_of(at))
            .cloned()
            .unwrap_or(0..self.key().len())
    }

    /// Tokens inside a normalised range.
    pub fn tokens_in(&self, range: Range<usize>) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.start < range.start);
        let b = self.tokens.partition_point(|t| t.end <= range.end);
        &self.tokens[a..b.max(a)]
    }

    /// Cues that start inside a token range.
    pub fn cues_in(&self, tokens: Range<usize>) -> impl Iterator<Item = &CueMatch<'static>> {
        let a = self.cues.partition_point(|m| m.tokens.start < tokens.start);
        let b = self.cues.partition_point(|m| m.tokens.start < tokens.end);
        self.cues[a..b.max(a)].iter()
    }

    /// Topic-context cues that start inside a token range.
    pub fn topic_cues_in(&self, tokens: Range<usize>) -> impl Iterator<Item = &CueMatch<'static>> {
        let a = self
            .topic_cues
            .partition_point(|m| m.tokens.start < tokens.start);
        let b = self
            .topic_cues
            .partition_point(|m| m.tokens.start < tokens.end);
        self.topic_cues[a..b.max(a)].iter()
    }

    /// Entity mentions that start inside a normalised byte range.
    pub fn entities_in(&self, range: Range<usize>) -> &[EntityMatch] {
        let a = self
            .entities
            .partition_point(|m| m.span.start < range.start);
        let b = self.entities.partition_point(|m| m.span.start < range.end);
        &self.entities[a..b.max(a)]
    }

    /// The index of the first token starting at or after `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }

    /// A claim for `field` with evidence `span`. Its sentence is added once the document's
    /// claims are known (`with_sentences`): repeated claims are collapsed by then, so a text
    /// that states one thing a million times does not make a million sentences.
    pub fn claim(&self, field: Field, value: Value, span: Range<usize>) -> Claim {
        Claim {
            field,
            value,
            evidence: self.evidence(span),
            sentence: None,
            note: None,
            role: Role::Reading,
            count: 1,
            more_evidence: Vec::new(),
        }
    }

    /// The sentence that holds `evidence` (a span of the original), within `CONTEXT_BYTES`
    /// either side of it, cut at word boundaries, so run-on text stays readable and linear.
    pub fn sentence_of_evidence(&self, evidence: &Evidence) -> Evidence {
        let span = self.norm.from_original(evidence.start)..self.norm.from_original(evidence.end);
        self.sentence_evidence(span.start..span.end.max(span.start))
    }

    /// The sentence holding `span`, within `CONTEXT_BYTES` either side of it.
    fn sentence_evidence(&self, span: Range<usize>) -> Evidence {
        let sentence = self.sentence_range(span.start);
        let mut start = sentence.start.min(span.start);
        let mut end = sentence.end.max(span.end);
        if span.start - start > CONTEXT_BYTES {
            let t = self.token_at(span.start - CONTEXT_BYTES);
            start = self
                .tokens
                .get(t)
                .map_or(span.start, |t| t.start.min(span.start));
        }
        if end - span.end > CONTEXT_BYTES {
            let t = self.token_at(span.end + CONTEXT_BYTES);
            end = t
                .checked_sub(1)
                .and_then(|i| self.tokens.get(i))
                .map_or(span.end, |t| t.end.max(span.end));
        }
        self.evidence(trim_range(self.key(), start..end))
    }
}

fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let text = &s[r.clone()];
    let start = r.start + (text.len() - text.trim_start().len());
    let end = r.end - (text.len() - text.trim_end().len());
    start..end.max(start)
}

/// Splits normalised text into sentences at `.`, `!`, `?`, `…` and line ends. A full stop between
/// digits (9.2.2026, 3.5) does not end a sentence.
pub fn split_sentences(key: &str) -> Vec<Range<usize>> {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let bytes = key.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Every terminator is ASCII or starts with 0xE2 (…): a byte scan, no char decoding, that
    // looks further only at the bytes the table marks.
    static MAY_END: [bool; 256] = {
        let mut t = [false; 256];
        let mut k = 0;
        while k < 5 {
            t[[b'.', b'!', b'?', b'\n', 0xE2][k] as usize] = true;
            k += 1;
        }
        t
    };
    for (i, &b) in bytes.iter().enumerate() {
        if !MAY_END[usize::from(b)] {
            continue;
        }
        let len = match b {
            b'.' => {
                let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                let digit_after = bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit());
                usize::from(!(digit_before && digit_after))
            }
            0xE2 if bytes[i..].starts_with(ELLIPSIS) => ELLIPSIS.len(),
            b'\n' | b'!' | b'?' => 1,
            _ => 0,
        };
        if len > 0 {
            let end = i + len;
            if key[start..end].chars().any(char::is_alphanumeric) {
                out.push(start..end);
            }
            start = end;
        }
    }
    if key[start..].chars().any(char::is_alphanumeric) {
        out.push(start..key.len());
    }
    out
}

/// The result of extracting one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// Whether the document reports a meeting (its reading is in the claims with role
    /// `reading`).
    pub meeting: Meeting,
}

/// What an extraction keeps beyond the claims themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Each claim's sentence (for `--context`, word diffs, the HTML page, map records).
    pub sentences: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { sentences: true }
    }
}

/// Extracts every claim the text makes, in field order and then text order, with sentences;
/// identical claims are one, with a count (`collapse`), and there are at most [`MAX_CLAIMS`].
pub fn extract(original: &str, gazetteer: &Gazetteer) -> Extraction {
    extract_with(original, gazetteer, ExtractOptions::default())
}

/// [`extract`], keeping what `options` asks for.
pub fn extract_with(original: &str, gazetteer: &Gazetteer, options: ExtractOptions) -> Extraction {
    let analysis = Analysis::new(original, gazetteer);
    let mut claims = Vec::new();
    time::extract(&analysis, &mut claims);
    meeting_type::extract(&analysis, &mut claims);
    host::extract(&analysis, &mut claims);
    chairs::extract(&analysis, &mut claims);
    participants::extract(&analysis, &mut claims);
    count::extract(&analysis, &mut claims);
    session::extract(&analysis, &mut claims);
    priorities::extract(&analysis, &mut claims);
    claims.sort_by(|a, b| {
        a.field
            .cmp(&b.field)
            .then(a.evidence.start.cmp(&b.evidence.start))
            .then(a.value.cmp(&b.value))
    });
    claims.dedup_by(|a, b| a.field == b.field && a.value == b.value && a.evidence == b.evidence);
    let mut findings = suspicious_controls(original, &analysis);
    let mut meeting = reading::read(&analysis, &mut claims, &mut findings);
    let mut claims = collapse(claims);
    if let Some(finding) = bound(&mut claims) {
        findings.push(finding);
    }
    if options.sentences {
        for claim in &mut claims {
            claim.sentence = Some(analysis.sentence_of_evidence(&claim.evidence));
        }
    }
    if analysis
        .tokens
        .iter()
        .all(|t| !is_arabic(t.text(analysis.key())))
    {
        findings.push(Finding {
            kind: FindingKind::NoArabic,
            message: "no Arabic text found: nothing to extract".into(),
            evidence: None,
        });
    } else if claims.is_empty() {
        findings.push(Finding {
            kind: FindingKind::NoClaims,
            message: "no claim about a meeting found in this text".into(),
            evidence: None,
        });
    }
    // A text with nothing to read reports no meeting for that reason.
    if let Some(f) = findings
        .iter()
        .find(|f| matches!(f.kind, FindingKind::NoArabic | FindingKind::NoClaims))
    {
        meeting = Meeting::None {
            reason: f.message.clone(),
        };
    }
    Extraction {
        claims,
        findings,
        meeting,
    }
}

/// Identical claims (same field, value, role, note and quoted text) become one, at its first
/// place, with how many times the text states it and the next few places. Linear: one hash
/// lookup per claim. The reading is decided before, so every statement still counts there.
fn collapse(claims: Vec<Claim>) -> Vec<Claim> {
    type Key<'c> = (Field, &'c Value, Role, Option<&'c str>, &'c str);
    let mut first: rustc_hash::FxHashMap<Key, usize> = rustc_hash::FxHashMap::default();
    let firsts: Vec<usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let key = (
                c.field,
                &c.value,
                c.role,
                c.note.as_deref(),
                c.evidence.text.as_str(),
            );
            *first.entry(key).or_insert(i)
        })
        .collect();
    let distinct = first.len();
    drop(first);
    if distinct == claims.len() {
        return claims;
    }
    // Where each first claim went in the output.
    let mut placed = vec![usize::MAX; claims.len()];
    let mut out: Vec<Claim> = Vec::with_capacity(distinct);
    for (i, claim) in claims.into_iter().enumerate() {
        let at = firsts[i];
        if at == i {
            placed[i] = out.len();
            out.push(claim);
        } else {
            let kept = &mut out[placed[at]];
            kept.count += 1;
            if kept.more_evidence.len() < MORE_EVIDENCE {
                kept.more_evidence.push(claim.evidence);
            }
        }
    }
    out
}

/// Keeps at most [`MAX_CLAIMS`] claims, and says so when some are left out. Kept first: the
/// first claim of each field's reading (what reconciliation reads of the document), then the
/// other readings, then mentions, each in text order. The claims stay in their order.
fn bound(claims: &mut Vec<Claim>) -> Option<Finding> {
    if claims.len() <= MAX_CLAIMS {
        return None;
    }
    let total = claims.len();
    let mut seen = [false; Field::ALL.len()];
    let mut rank: Vec<(u8, usize, usize)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let tier = match c.role {
                Role::Reading if !std::mem::replace(&mut seen[c.field.index()], true) => 0,
                Role::Reading => 1,
                Role::Mention => 2,
            };
            (tier, c.evidence.start, i)
        })
        .collect();
    rank.sort_unstable();
    let mut keep = vec![false; total];
    for &(_, _, i) in &rank[..MAX_CLAIMS] {
        keep[i] = true;
    }
    let mut i = 0;
    claims.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    Some(Finding {
        kind: FindingKind::ClaimLimit,
        message: format!(
            "the text makes {total} distinct claims, more than the {MAX_CLAIMS} one document \
             keeps: {} are left out (kept first: each field's reading, then other readings, \
             then mentions, in text order)",
            total - MAX_CLAIMS
        ),
        evidence: None,
    })
}

fn is_arabic(word: &str) -> bool {
    word.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Direction overrides and isolates inside an article can make displayed text lie about its
/// order; they are reported, once per document, with the first place they occur.
fn suspicious_controls(original: &str, analysis: &Analysis) -> Vec<Finding> {
    let is_override = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    // Every one of them is encoded starting with the byte 0xE2, which always starts a char.
    let mut overrides = memchr::memchr_iter(0xE2, original.as_bytes()).filter_map(|i| {
        let c = original[i..].chars().next()?;
        is_override(c).then_some((i, c))
    });
    let Some((at, c)) = overrides.next() else {
        return Vec::new();
    };
    let count = 1 + overrides.count();
    let end = at + c.len_utf8();
    Some(Finding {
        kind: FindingKind::BidiControl,
        message: format!(
            "{count} bidirectional override or isolate control(s) in the text (first U+{:04X}); \
             displayed text may not show its real order",
            c as u32
        ),
        evidence: Some(Evidence {
            text: original[at..end].to_owned(),
            start: at,
            end,
            line: analysis.lines.line(at),
        }),
    })
    .into_iter()
    .collect()
}

/// Normalised forms of a cue list, built once.
pub fn normalized_cues(cues: &[&str]) -> Vec<String> {
    cues.iter().map(|c| normalize(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_stops_but_not_in_numbers() {
        let key = "عقد في 9.2.2026 اجتماع. ثم انتهى\nسطر";
        let parts: Vec<&str> = split_sentences(key).into_iter().map(|r| &key[r]).collect();
        assert_eq!(parts, vec!["عقد في 9.2.2026 اجتماع.", " ثم انتهى\n", "سطر"]);
    }
}

#[cfg(test)]
mod sentence_tests;
