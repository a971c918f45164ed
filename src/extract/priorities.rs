//! What for: `priorities`, as topic ids (docs/contract.md, "Priority topics"), each item with its own evidence,
//! taken from what the meeting, its statement or its participants discussed or committed to.
//!
//! Three cue groups of `data/cues.tsv` drive it, so that a wording is a one-line change:
//! - `priority`: topic cues. The tag is `topic`, then optionally `?` (weak: counts only beside a
//!   topic cue that counts, as one item of a list: "تمويل داعش والسفر"), then optionally
//!   `@class|class…` (counts only with a context word of one of those classes within a few
//!   words: "روج" is the camp only near "مخيم"; "عهدة" is custody only near detainees).
//!   A final `~N` narrows "a few words" (10) to N: "أموال" is ISIS money only right beside the
//!   group ("تمد التنظيم بالأموال"), not ten words from it ("أموال لإعمار المناطق المحررة من داعش").
//!   The class `doc` means "the document is about ISIS or terrorism" (a `isis` or `terror`
//!   context word anywhere in it), for words that are topics only in such a document.
//! - `priority_context`: context words; the tag is the class, with `:def` when the word is
//!   context only with its article ("التنظيم" is the group, "تنظيم المؤتمر" is organising).
//! - `priority_frame`: what makes a sentence a side remark rather than the agenda. `aside`
//!   words (analysts, background: يذكر أن، منذ تأسيسه), `aside_opening` words when they open the
//!   sentence (وكان …), and a `speaker` (or a known person) right after a speech or `agenda_verb`
//!   mark a side remark; an `agenda` word (المشاركون، البيان، جدول الأعمال) or an `agenda_verb`
//!   beside a meeting noun ("تناول الاجتماع") makes it the meeting's again.
//!
//! Coordination also needs a partner after "مع"/"بين" (a `partner` context word: دمشق، الحكومة
//! العراقية، القوات الشريكة). A military-campaign cue that is part of the coalition's own name
//! ("التحالف الدولي لدحر داعش") is not a topic.

use std::ops::Range;

use super::field::Field;
use super::meeting_type::is_coalition_word;
use super::{Analysis, Claim, Value};
use crate::lexicon::cues::CueMatch;
use crate::lexicon::gazetteer::EntityRef;
use crate::text::normalize;
use crate::text::tokens::{bare, proclitic_readings};

const TOPIC: &str = "priority";
const CONTEXT: &str = "priority_context";
const FRAME: &str = "priority_frame";
/// The groups only this extractor reads (`Analysis::topic_cues`).
pub const TOPIC_GROUPS: [&str; 2] = [CONTEXT, FRAME];

/// How far, in words either side, a context word may stand from its cue: a noun phrase and its
/// complement, not the whole run-on sentence.
const NEAR: usize = 10;
/// How far a weak cue's list partner may stand.
const LIST: usize = 8;
/// How far after a speech verb its subject stands ("وقال لوكالة الأنباء مسؤول").
const SUBJECT: usize = 3;
/// How far an agenda verb may stand from the meeting noun it has as subject or object.
const VERB_NOUN: usize = 4;

/// A topic cue's tag, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rule<'t> {
    topic: &'t str,
    weak: bool,
    /// Context classes, `|`-separated; empty when the cue needs none.
    needs: &'t str,
    /// How many words either side a context word may stand.
    near: usize,
}

impl<'t> Rule<'t> {
    fn parse(tag: &'t str) -> Self {
        let (head, needs) = tag.split_once('@').unwrap_or((tag, ""));
        let (needs, near) = match needs.split_once('~') {
            Some((needs, n)) => (needs, n.parse().unwrap_or(NEAR)),
            None => (needs, NEAR),
        };
        let (topic, weak) = match head.strip_suffix('?') {
            Some(t) => (t, true),
            None => (head, false),
        };
        Rule {
            topic,
            weak,
            needs,
            near,
        }
    }
}

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    let topics: Vec<&CueMatch> = an.cues.iter().filter(|m| m.group() == TOPIC).collect();
    if topics.is_empty() {
        return;
    }
    let about_isis = std::cell::OnceCell::new();
    let doc = || {
        *about_isis.get_or_init(|| {
            an.topic_cues
                .iter()
                .any(|c| c.group() == CONTEXT && is_isis_or_terror(an, c))
        })
    };
    // Side remarks by sentence, worked out once per sentence that has a topic cue.
    let mut aside_memo: Option<(usize, bool)> = None;
    let mut kept: Vec<(&CueMatch, Rule)> = Vec::new();
    let mut weak: Vec<(&CueMatch, Rule, Range<usize>)> = Vec::new();
    for m in topics {
        let rule = Rule::parse(m.tag());
        let s = an.sentence_of(m.span.start);
        let sentence = an.sentence_range(m.span.start);
        let (t0, t1) = (an.token_at(sentence.start), an.token_at(sentence.end));
        let aside = match aside_memo {
            Some((i, aside)) if i == s => aside,
            _ => {
                let aside = is_side_remark(an, t0..t1);
                aside_memo = Some((s, aside));
                aside
            }
        };
        if aside {
            continue;
        }
        let near =
            t0.max(m.tokens.start.saturating_sub(rule.near))..t1.min(m.tokens.end + rule.near);
        if !rule.needs.is_empty() && !has_context(an, rule.needs, near, &doc) {
            continue;
        }
        if rule.topic == "coordination" && !has_partner(an, m.tokens.end, t1) {
            continue;
        }
        if rule.topic == "military_campaign" && in_coalition_name(an, m, t0) {
            continue;
        }
        if rule.weak {
            let list = t0.max(m.tokens.start.saturating_sub(LIST))..t1.min(m.tokens.end + LIST);
            weak.push((m, rule, list));
        } else {
            kept.push((m, rule));
        }
    }
    for (m, rule, list) in weak {
        let beside = kept.iter().any(|(k, _)| {
            k.tokens.start < list.end && list.start < k.tokens.end && k.span != m.span
        });
        if beside {
            kept.push((m, rule));
        }
    }
    for (m, rule) in kept {
        out.push(an.claim(
            Field::Priorities,
            Value::Topic(rule.topic.to_owned()),
            m.span.clone(),
        ));
    }
}

/// Whether a context word of one of `classes` starts within `near` (or, for `doc`, anywhere).
fn has_context(an: &Analysis, classes: &str, near: Range<usize>, doc: &dyn Fn() -> bool) -> bool {
    let wants = |class: &str| classes.split('|').any(|c| c == class);
    if wants("doc") && doc() {
        return true;
    }
    an.topic_cues_in(near)
        .filter(|c| c.group() == CONTEXT)
        .any(|c| wants(context_class(c)) && article_ok(an, c))
}

/// The class of a context word, without its `:def` flag.
fn context_class<'c>(c: &'c CueMatch) -> &'c str {
    c.tag().split(':').next().unwrap_or("")
}

fn is_isis_or_terror(an: &Analysis, c: &CueMatch) -> bool {
    matches!(context_class(c), "isis" | "terror") && article_ok(an, c)
}

/// A context word flagged `:def` counts only where the text gives it its article.
fn article_ok(an: &Analysis, c: &CueMatch) -> bool {
    if !c.tag().ends_with(":def") {
        return true;
    }
    let Some(first) = c.cue.phrase.split_whitespace().next() else {
        return false;
    };
    let first = normalize(first);
    let stem = bare(&first);
    an.tokens.get(c.tokens.start).is_some_and(|t| {
        proclitic_readings(t.text(an.key()))
            .iter()
            .any(|(_, s, article)| *article && *s == stem)
    })
}

/// A side remark: a sentence with a mark of background, of an analyst, or of one person's own
/// words, and nothing that makes it the meeting's (a collective subject, the statement, the
/// agenda, or an agenda verb beside a meeting noun).
fn is_side_remark(an: &Analysis, sentence: Range<usize>) -> bool {
    let (mut agenda, mut aside) = (false, false);
    let cues = an
        .cues_in(sentence.clone())
        .filter(|m| m.group() == "speech")
        .chain(an.topic_cues_in(sentence.clone()));
    for m in cues {
        match (m.group(), m.tag()) {
            (FRAME, "agenda") => agenda = true,
            (FRAME, "aside") => aside = true,
            (FRAME, "aside_opening") => aside |= m.tokens.start == sentence.start,
            (FRAME, "agenda_verb") => {
                agenda |= meeting_noun_beside(an, m.tokens.clone(), sentence.clone());
                aside |= speaker_after(an, m.tokens.end, sentence.end);
            }
            ("speech", _) => aside |= speaker_after(an, m.tokens.end, sentence.end),
            _ => {}
        }
    }
    aside && !agenda
}

/// "ناقش الاجتماع", "الاجتماع الذي تناول", "اجتماع … لبحث".
fn meeting_noun_beside(an: &Analysis, verb: Range<usize>, sentence: Range<usize>) -> bool {
    let around = sentence.start.max(verb.start.saturating_sub(VERB_NOUN))
        ..sentence.end.min(verb.end + VERB_NOUN);
    an.cues_in(around)
        .any(|c| c.group() == "meeting" && c.tag() == "noun")
}

/// One person as the subject right after a verb: a title (وزير، مسؤول، مصدر…) or a known person.
fn speaker_after(an: &Analysis, from: usize, end: usize) -> bool {
    let to = end.min(from + SUBJECT);
    if from >= to {
        return false;
    }
    let speaker_word = an
        .topic_cues_in(from..to)
        .any(|c| c.group() == FRAME && c.tag() == "speaker");
    speaker_word || {
        let span = an.tokens[from].start..an.tokens[to - 1].end;
        an.entities_in(span)
            .iter()
            .any(|e| matches!(e.entity, EntityRef::Person(_)))
    }
}

/// "مع" (or "بين") within three words, then a partner within four more.
fn has_partner(an: &Analysis, from: usize, end: usize) -> bool {
    let key = an.key();
    let Some(with) = (from..(from + 3).min(end)).find(|&t| {
        let w = an.tokens[t].text(key);
        matches!(w, "مع" | "ومع" | "بين" | "وبين")
    }) else {
        return false;
    };
    an.topic_cues_in(with + 1..(with + 5).min(end))
        .any(|c| c.group() == CONTEXT && context_class(c) == "partner")
}

/// "التحالف الدولي لدحر داعش": the coalition's name, not a topic of its meeting. Punctuation
/// between ends the name ("التحالف الدولي: قتال داعش أولوية").
fn in_coalition_name(an: &Analysis, m: &CueMatch, sentence_start: usize) -> bool {
    let key = an.key();
    let before = sentence_start.max(m.tokens.start.saturating_sub(2))..m.tokens.start;
    an.tokens[before].iter().any(|t| {
        is_coalition_word(t.text(key))
            && key
                .get(t.end..m.span.start)
                .is_some_and(|gap| gap.chars().all(|c| c.is_alphanumeric() || c == ' '))
    })
}

#[cfg(test)]
pub(crate) mod tests;
