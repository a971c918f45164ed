//! How many members: `member_count`.
//!
//! Only membership counts, read four ways (cue groups `member_*` in `data/cues.tsv`):
//! - a rank: "العضو رقم 90", "كـالعضو 90", "لتصبح العضو 79", "العضو التاسع والثمانين"; a state's
//!   rank ("الدولة الـ 87") only next to a joining word or the organisation ("التي تنضم");
//! - a definite number after a plural of states or members, tied to membership: "بحضور الدول
//!   الـ79 الأعضاء", "الدول الست الأعضاء في مجلس التعاون", "الدول العربية الـ22" in a sentence
//!   that names the organisation;
//! - a count with its noun in a membership frame: "يضم 83 دولة", "البالغ عددهم 85 عضواً",
//!   "تضم في عضويتها 86 دولة", or a count of members tied to an organisation ("57 دولة عضواً في
//!   منظمة التعاون الإسلامي");
//! - a count after a phrase that is itself the number of members: "ليرتفع عدد أعضاء التحالف إلى
//!   77", "عدد الدول الأعضاء فيه 80".
//!
//! A count of states attending or represented ("بمشاركة 60 دولة", "حضره ممثلو 45 دولة", "رؤساء
//! أركان 30 دولة", "وفود 70 دولة", "الاجتماع الذي يضم 60 دولة") is not a member count. A count the
//! text ties to another time ("عند تأسيسه", the 60 of "من 60 إلى 77") or gives as approximate
//! ("أكثر من 80") is kept as a mention with a note.

use std::ops::{Range, RangeInclusive};
use std::sync::LazyLock;

use super::field::Field;
use super::{Analysis, Claim, Role, Value};
use crate::lexicon::cues::CueMatch;
use crate::lexicon::gazetteer::EntityRef;
use crate::text::normalize::normalize;
use crate::text::numbers::{NumberKind, NumberMatch};

/// How far before a count its membership frame may stand, in tokens.
const FRAME_WINDOW: usize = 5;
/// How far from a state's rank a joining word may stand, in tokens.
const JOIN_WINDOW: usize = 8;
/// How far after a count (or its noun) the organisation it belongs to may be named, in tokens.
const ORG_WINDOW: usize = 4;
/// How far from a count a phrase that sets it at another time may stand, in tokens.
const TIME_WINDOW: usize = 8;
/// How many adjectives may stand between a plural and its definite number ("الدول العربية الـ22").
const ADJECTIVES: usize = 2;
/// How far before a verb like يضم its subject is looked for, in tokens.
const SUBJECT_WINDOW: usize = 6;
/// Member counts outside this range are years, amounts or noise.
const PLAUSIBLE: RangeInclusive<u64> = 2..=250;

/// "رقم" (number), which may stand between a rank word and its number.
static LABEL: LazyLock<String> = LazyLock::new(|| normalize("رقم"));
/// "من … إلى": a count that changed, from the first to the second.
static FROM: LazyLock<String> = LazyLock::new(|| normalize("من"));
static TO: LazyLock<String> = LazyLock::new(|| normalize("إلى"));

const NOTE_APPROXIMATE: &str = "approximate: the text gives no exact count";
const NOTE_OTHER_TIME: &str = "membership at another time";

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    for (k, n) in an.numbers.iter().enumerate() {
        if !PLAUSIBLE.contains(&n.value) {
            continue;
        }
        let Some(evidence) = rank(an, n)
            .or_else(|| definite_set(an, n))
            .or_else(|| counted(an, k, n))
        else {
            continue;
        };
        // The evidence always quotes the number itself, whatever frame was read around it.
        let span = evidence.start.min(n.span.start)..evidence.end.max(n.span.end);
        let mut claim = an.claim(Field::MemberCount, Value::Count(n.value), span);
        if let Some(note) = elsewhere(an, k, n) {
            claim.role = Role::Mention;
            claim.note = Some(note.to_owned());
        }
        out.push(claim);
    }
}

/// The index of the token that holds normalised offset `at`. A number glued to a proclitic
/// ("لـ14", "للـ85") starts inside its token, so `Analysis::token_at` (the first token starting
/// at or after `at`) would give the next one.
fn token_holding(an: &Analysis, at: usize) -> usize {
    an.tokens.partition_point(|t| t.end <= at)
}

/// The tokens a number covers, in whole or in part.
fn number_tokens(an: &Analysis, n: &NumberMatch) -> Range<usize> {
    let start = token_holding(an, n.span.start);
    let end = an.tokens.partition_point(|t| t.start < n.span.end);
    start..end.max(start + 1)
}

/// The token range of the sentence holding normalised offset `at`.
fn sentence_tokens(an: &Analysis, at: usize) -> Range<usize> {
    let s = an.sentence_range(at);
    an.token_at(s.start)..an.token_at(s.end)
}

fn cue_ending_at<'a>(an: &'a Analysis, end: usize, group: &str) -> Option<&'a CueMatch<'static>> {
    an.cues_in(end.saturating_sub(4)..end)
        .filter(|m| m.group() == group && m.tokens.end == end)
        .last()
}

fn cue_starting_at<'a>(an: &'a Analysis, at: usize, group: &str) -> Option<&'a CueMatch<'static>> {
    an.cues_in(at..at + 1).find(|m| m.group() == group)
}

fn any_cue<'a>(
    an: &'a Analysis,
    tokens: Range<usize>,
    group: &'a str,
) -> impl Iterator<Item = &'a CueMatch<'static>> {
    an.cues_in(tokens).filter(move |m| m.group() == group)
}

/// Whether an organisation is named in a token range.
fn organisation_in(an: &Analysis, tokens: Range<usize>) -> bool {
    let (Some(first), Some(last)) = (
        an.tokens.get(tokens.start),
        tokens.end.checked_sub(1).and_then(|i| an.tokens.get(i)),
    ) else {
        return false;
    };
    an.entities_in(first.start..last.end)
        .iter()
        .any(|e| matches!(e.entity, EntityRef::Organisation(_)))
}

/// "العضو رقم 90", "كعضو 90", "الدولة التسعين المنضمة": the Nth member means N members.
fn rank(an: &Analysis, n: &NumberMatch) -> Option<Range<usize>> {
    // "الأعضاء الخمسة" counts, it does not rank.
    if n.kind == NumberKind::Cardinal && n.definite {
        return None;
    }
    let tokens = number_tokens(an, n);
    let t = tokens.start;
    let key = an.key();
    // "رقم" between the rank word and the number, when the number does not include it.
    let before = match t.checked_sub(1) {
        Some(p) if an.tokens[p].text(key).trim_start_matches('و') == LABEL.as_str() => p,
        _ => t,
    };
    let cue = cue_ending_at(an, before, "member_rank")?;
    // A state's rank needs a word of joining; so does a plain number after a member ("بقي
    // العضو 5 سنوات"), unless the clause ends with it ("دمشق العضو 90").
    let joined = || joins(an, n, tokens.clone());
    let plain = n.kind == NumberKind::Cardinal;
    if cue.tag() == "state" && !joined()
        || plain && !joined() && !nothing_counted_after(an, n, tokens.end)
    {
        return None;
    }
    Some(cue.span.start..n.span.end)
}

/// Whether a state's rank is about joining: a joining word near it in its sentence, or the
/// organisation right after it ("الدولة التسعين في التحالف").
fn joins(an: &Analysis, n: &NumberMatch, tokens: Range<usize>) -> bool {
    let sentence = sentence_tokens(an, n.span.start);
    let lo = tokens.start.saturating_sub(JOIN_WINDOW).max(sentence.start);
    let hi = (tokens.end + JOIN_WINDOW).min(sentence.end);
    any_cue(an, lo..hi, "member_join").next().is_some()
        || organisation_in(an, tokens.end..(tokens.end + ORG_WINDOW).min(sentence.end))
}

/// "بحضور الدول الـ79 الأعضاء", "الدول الأعضاء الـ79", "الدول الست الأعضاء في مجلس التعاون",
/// "أعضاء التحالف الـ85", "سبعة من قادة الدول العربية الـ22": a definite number after a plural
/// of states or members names the whole membership, when the text ties it to membership.
fn definite_set(an: &Analysis, n: &NumberMatch) -> Option<Range<usize>> {
    if !n.definite {
        return None;
    }
    let tokens = number_tokens(an, n);
    let sentence = sentence_tokens(an, n.span.start);
    let key = an.key();
    // The plural it counts, maybe with adjectives ("الدول العربية الـ22") or the organisation
    // ("أعضاء التحالف الـ85") between.
    let mut j = tokens.start;
    let mut adjectives = 0;
    let mut organisation = false;
    let head = loop {
        if let Some(head) = cue_ending_at(an, j, "member_plural") {
            break head;
        }
        if !organisation
            && let Some(org) = organisation_ending_at(an, j)
            && org >= sentence.start
        {
            organisation = true;
            j = org;
            continue;
        }
        let k = j.checked_sub(1).filter(|&k| k >= sentence.start)?;
        if adjectives == ADJECTIVES || !is_adjective(an.tokens[k].text(key)) {
            return None;
        }
        adjectives += 1;
        j = k;
    };
    let after = tokens.end;
    // "الدول الـ60 المشاركة" attend; "الدول الخمس دائمة العضوية" are another body's members.
    if cue_starting_at(an, after, "member_attendance").is_some()
        || any_cue(an, after..after + 2, "member_other")
            .next()
            .is_some()
    {
        return None;
    }
    let mut end = n.span.end;
    let mut tied = organisation || head.tag() == "member";
    if let Some(members) = cue_starting_at(an, after, "member_plural")
        .or_else(|| cue_starting_at(an, after, "member_noun"))
        .filter(|m| m.tag() == "member")
    {
        tied = true;
        end = members.span.end;
    }
    tied = tied || organisation_in(an, after..(after + ORG_WINDOW).min(sentence.end));
    if !tied {
        let h = head.tokens.start;
        // A part of a named set ("سبعة فقط من قادة الدول العربية الـ22") is a part of the whole.
        let partitive = adjectives > 0
            && (h.saturating_sub(2).max(sentence.start)..h)
                .any(|q| an.tokens[q].text(key) == FROM.as_str());
        // The organisation named elsewhere in the sentence ties the number to it, unless the
        // number is framed as attendance ("بحضور الدول الـ60").
        let frame = h.saturating_sub(FRAME_WINDOW).max(sentence.start);
        let attendance = any_cue(an, frame..h, "member_attendance").next().is_some();
        tied = partitive || (!attendance && organisation_in(an, sentence.clone()));
    }
    tied.then_some(head.span.start..end)
}

/// The first token of an organisation's name that ends right before token `j`.
fn organisation_ending_at(an: &Analysis, j: usize) -> Option<usize> {
    let last = an.tokens.get(j.checked_sub(1)?)?;
    let lo = an.tokens[j.saturating_sub(8)].start;
    an.entities_in(lo..last.end)
        .iter()
        .filter(|e| matches!(e.entity, EntityRef::Organisation(_)) && e.span.end == last.end)
        .map(|e| token_holding(an, e.span.start))
        .min()
}

/// A definite adjective of relation (العربية، الخليجية، الإسلامي), which may stand between a
/// plural and its number.
pub(super) fn is_adjective(word: &str) -> bool {
    word.starts_with("ال")
        && (word.ends_with("يه") || word.ends_with('ي'))
        && word.chars().count() >= 5
}

/// "يضم 68 دولة", "البالغ عددهم 85 عضواً", "ليرتفع عدد أعضاء التحالف إلى 77", "57 دولة عضواً
/// في منظمة التعاون الإسلامي".
fn counted(an: &Analysis, k: usize, n: &NumberMatch) -> Option<Range<usize>> {
    if n.kind != NumberKind::Cardinal || n.definite {
        return None;
    }
    let tokens = number_tokens(an, n);
    let t = tokens.start;
    let noun = cue_starting_at(an, tokens.end, "member_noun");
    let frame_of_count = frame(an, k, n);
    let frame: Vec<&CueMatch> = frame_of_count.cues(an).collect();
    // Attendance: a frame word ("بمشاركة", "حضره") anywhere in the frame, or a noun that governs
    // the count ("وزراء 40 دولة", "ممثلين عن 60 دولة"). A membership phrase later in the frame,
    // apart from it, still counts ("بمشاركة وزراء التحالف الذي يضم 83 دولة"), one the attendance
    // word governs does not ("تشارك فيها 60 دولة").
    let attendance = frame
        .iter()
        .filter(|m| {
            m.group() == "member_attendance" && (m.tag() == "frame" || m.tokens.end + 1 >= t)
        })
        .map(|m| m.tokens.end)
        .max();
    let contexts: Vec<&CueMatch> = frame
        .iter()
        .filter(|m| m.group() == "member_context" && attendance.is_none_or(|a| m.tokens.start > a))
        .copied()
        .collect();
    // A phrase that is itself the number of members: right before the count ("البالغ عددها
    // 85", whatever follows), or further back when nothing counted follows the count ("عدد
    // أعضاء التحالف إلى 77." but not "عدد أعضائه ارتفع خلال 5 سنوات").
    let total = contexts.iter().any(|c| {
        c.tag() == "total" && (c.tokens.end == t || nothing_counted_after(an, n, tokens.end))
    });
    let start = match (contexts.first(), noun) {
        (Some(c), Some(_)) => {
            let comprise = contexts.iter().find(|c| c.tag() == "comprise");
            if comprise.is_some_and(|v| meeting_is_subject(an, v, &frame_of_count.skipped)) {
                return None;
            }
            c.span.start
        }
        (Some(c), None) if total => c.span.start,
        (None, Some(noun)) if noun.tag() == "member" && attendance.is_none() => {
            let sentence = sentence_tokens(an, n.span.start);
            let after = noun.tokens.end;
            if !organisation_in(an, after..(after + ORG_WINDOW).min(sentence.end)) {
                return None;
            }
            n.span.start
        }
        _ => return None,
    };
    Some(start..noun.map_or(n.span.end, |m| m.span.end))
}

/// The tokens before a count where its frame is read: a few tokens back, inside its sentence,
/// and after the previous plausible count ("ممثلو 45 دولة من أصل 90 عضواً" frames 45 as
/// attendance and 90 as membership). A parenthesis between commas is stepped over ("ويضم
/// التحالف، الذي تأسس في أيلول 2014، أربعة وثمانين عضواً"), and the second count of "من 60 إلى
/// 77" shares the first one's frame.
struct Frame {
    tokens: Range<usize>,
    skipped: Range<usize>,
}

impl Frame {
    fn cues<'a>(&self, an: &'a Analysis) -> impl Iterator<Item = &'a CueMatch<'static>> {
        let skipped = self.skipped.clone();
        an.cues_in(self.tokens.clone())
            .filter(move |m| !skipped.contains(&m.tokens.start))
    }
}

fn frame(an: &Analysis, k: usize, n: &NumberMatch) -> Frame {
    let key = an.key();
    let t = token_holding(an, n.span.start);
    if let Some(prev) = k.checked_sub(1).and_then(|p| an.numbers.get(p))
        && t >= 1
        && an.tokens[t - 1].text(key) == TO.as_str()
        && number_tokens(an, prev).end == t - 1
    {
        let p = token_holding(an, prev.span.start);
        if p >= 1 && an.tokens[p - 1].text(key) == FROM.as_str() {
            return plain_frame(an, k - 1, prev);
        }
    }
    plain_frame(an, k, n)
}

/// The longest parenthesis between commas a frame steps over, in tokens.
const PARENTHESIS: usize = 10;

fn plain_frame(an: &Analysis, k: usize, n: &NumberMatch) -> Frame {
    let t = token_holding(an, n.span.start);
    // "يضم ما لا يقل عن 80 دولة": the frame is counted from before the approximation.
    let end = cue_ending_at(an, t, "member_approx").map_or(t, |m| m.tokens.start);
    let s0 = sentence_tokens(an, n.span.start).start;
    let previous = an.numbers[..k]
        .iter()
        .rev()
        .find(|m| PLAUSIBLE.contains(&m.value))
        .map_or(0, |m| number_tokens(an, m).end);
    let walk = |step_over: bool| {
        let mut j = end;
        let mut skipped = 0..0;
        let mut budget = FRAME_WINDOW;
        while budget > 0 && j > s0.max(previous) {
            if step_over
                && skipped.is_empty()
                && let Some(open) = parenthesis_before(an, j, s0.max(previous))
            {
                skipped = open..j;
                j = open;
                continue;
            }
            j -= 1;
            budget -= 1;
        }
        Frame {
            tokens: j..end,
            skipped,
        }
    };
    // The parenthesis is stepped over only when the plain frame holds no membership phrase:
    // in "بقية الأعضاء، البالغ عددهم 90 عضواً" the commas open the count's own clause.
    let plain = walk(false);
    if plain.cues(an).any(|m| m.group() == "member_context") {
        return plain;
    }
    walk(true)
}

/// The first token of a parenthesis between commas that ends right before token `j` and
/// starts after token `floor`.
fn parenthesis_before(an: &Analysis, j: usize, floor: usize) -> Option<usize> {
    let key = an.key();
    let comma_before = |q: usize| {
        q > 0
            && q < an.tokens.len()
            && key
                .get(an.tokens[q - 1].end..an.tokens[q].start)
                .is_some_and(|g| g.contains(','))
    };
    if !comma_before(j) {
        return None;
    }
    let lo = j.saturating_sub(PARENTHESIS).max(floor);
    (lo..j.checked_sub(1)?)
        .rev()
        .find(|&q| q > floor && comma_before(q))
}

/// Whether a verb like يضم has a meeting for its subject ("الاجتماع الذي يضم 60 دولة" counts
/// who attend): the meeting word is named after any organisation, before the verb and outside
/// the parenthesis the frame stepped over.
fn meeting_is_subject(an: &Analysis, verb: &CueMatch, skipped: &Range<usize>) -> bool {
    let sentence = sentence_tokens(an, verb.span.start);
    let lo = verb
        .tokens
        .start
        .saturating_sub(SUBJECT_WINDOW)
        .max(sentence.start);
    // The subject stands before a parenthesis right before the verb ("التحالف، الذي …، يضم").
    let aside = parenthesis_before(an, verb.tokens.start, sentence.start)
        .map_or(skipped.clone(), |open| open..verb.tokens.start);
    let lo = if aside.is_empty() {
        lo
    } else {
        aside
            .start
            .saturating_sub(SUBJECT_WINDOW)
            .max(sentence.start)
    };
    let Some(first) = an.tokens.get(lo) else {
        return false;
    };
    let outside = |at: usize| {
        let tok = token_holding(an, at);
        !skipped.contains(&tok) && !aside.contains(&tok)
    };
    let organisation = an
        .entities_in(first.start..verb.span.start)
        .iter()
        .filter(|e| matches!(e.entity, EntityRef::Organisation(_)) && outside(e.span.start))
        .map(|e| e.span.end)
        .max();
    let meeting = an
        .cues_in(lo..verb.tokens.start)
        .filter(|m| m.group() == "meeting" && m.tag() == "noun" && outside(m.span.start))
        .map(|m| m.span.end)
        .max();
    meeting > organisation
}

/// Whether nothing is counted right after a count with no noun: the clause ends, or a word
/// follows that cannot be a counted noun ("إلى 77 بعد انضمام"), rather than "خلال 5 سنوات".
fn nothing_counted_after(an: &Analysis, n: &NumberMatch, after: usize) -> bool {
    let Some(next) = an.tokens.get(after) else {
        return true;
    };
    let key = an.key();
    let gap = key.get(n.span.end..next.start).unwrap_or("");
    !gap.trim().is_empty()
        || gap.contains('\n')
        || cue_starting_at(an, after, "member_after").is_some()
        || cue_starting_at(an, after, "member_time").is_some()
}

/// Why a member count is not about the meeting's own time, if the text says so: it is
/// approximate ("أكثر من 80"), or set at another time ("عند تأسيسه", the 60 of "من 60 إلى 77").
fn elsewhere(an: &Analysis, k: usize, n: &NumberMatch) -> Option<&'static str> {
    let key = an.key();
    let tokens = number_tokens(an, n);
    let t = tokens.start;
    if cue_ending_at(an, t, "member_approx").is_some() {
        return Some(NOTE_APPROXIMATE);
    }
    // "من 60 (دولة) إلى 77": the first count is the one before the change.
    let mut j = tokens.end;
    if let Some(noun) = cue_starting_at(an, j, "member_noun") {
        j = noun.tokens.end;
    }
    let from = t >= 1 && an.tokens[t - 1].text(key) == FROM.as_str();
    let to = an.tokens.get(j).is_some_and(|w| w.text(key) == TO.as_str());
    let next_number = an.numbers.get(k + 1);
    if from && to && next_number.is_some_and(|m| token_holding(an, m.span.start) == j + 1) {
        return Some(NOTE_OTHER_TIME);
    }
    // A phrase of another time in the same clause, nearer this count than its neighbours:
    // in "كان يضم 60 دولة عند تأسيسه، ويضم اليوم 86 دولة" it belongs to the 60.
    let sentence = sentence_tokens(an, n.span.start);
    let plausible = |m: &&NumberMatch| PLAUSIBLE.contains(&m.value);
    let previous = an.numbers[..k]
        .iter()
        .rev()
        .find(plausible)
        .map(|m| number_tokens(an, m).end);
    let next = an.numbers[k + 1..]
        .iter()
        .find(plausible)
        .map(|m| token_holding(an, m.span.start));
    let lo = t
        .saturating_sub(TIME_WINDOW)
        .max(sentence.start)
        .max(previous.unwrap_or(0));
    let hi = (tokens.end + TIME_WINDOW)
        .min(sentence.end)
        .min(next.unwrap_or(usize::MAX));
    let ours = |m: &&CueMatch| {
        let (a, b) = (m.tokens.start, m.tokens.end);
        let here = if b <= t {
            t - b
        } else {
            a.saturating_sub(tokens.end)
        };
        let before = previous.map_or(usize::MAX, |p| a.saturating_sub(p));
        let after = next.map_or(usize::MAX, |q| q.saturating_sub(b));
        here <= before && here <= after
    };
    any_cue(an, lo..hi, "member_time")
        .find(ours)
        .map(|_| NOTE_OTHER_TIME)
}

#[cfg(test)]
mod tests {
    use crate::extract::{Role, extract};
    use crate::lexicon::gazetteer::Gazetteer;

    /// Member counts in `text`: (value, reading?, evidence).
    fn counts(text: &str) -> Vec<(u64, bool, String)> {
        extract(text, Gazetteer::builtin())
            .claims
            .into_iter()
            .filter(|c| c.field.name() == "member_count")
            .map(|c| {
                let value = c.value.key().parse().unwrap_or(0);
                (value, c.role == Role::Reading, c.evidence.text)
            })
            .collect()
    }

    /// `text` states exactly one member count, `value`, as a reading whose evidence is `quote`.
    fn reads(text: &str, value: u64, quote: &str) {
        assert_eq!(
            counts(text),
            vec![(value, true, quote.to_owned())],
            "{text}"
        );
    }

    fn none(text: &str) {
        assert_eq!(counts(text), vec![], "{text}");
    }

    /// `text` states `value` as a mention only.
    fn mentions(text: &str, value: u64) {
        let all = counts(text);
        assert!(
            all.iter().any(|(v, reading, _)| *v == value && !reading),
            "{text}: want {value} as a mention, got {all:?}"
        );
        assert!(
            !all.iter().any(|(v, reading, _)| *v == value && *reading),
            "{text}: {value} must not be a reading, got {all:?}"
        );
    }

    #[test]
    fn membership_wordings() {
        reads(
            "رحب الوزراء بالعضو الجديد ليرتفع عدد أعضاء التحالف إلى 77.",
            77,
            "ليرتفع عدد أعضاء التحالف إلى 77",
        );
        reads(
            "افتتحت الجلسة بحضور الدول الـ79 الأعضاء في التحالف.",
            79,
            "الدول الـ79 الأعضاء",
        );
        reads(
            "أشاد الوزير بجهود التحالف الذي يضم 83 دولة.",
            83,
            "يضم 83 دولة",
        );
        reads(
            "وأوضح أن المنظمة تضم في عضويتها 86 دولة.",
            86,
            "تضم في عضويتها 86 دولة",
        );
        reads(
            "وذكر أن عدد الدول الأعضاء فيه 80 حتى الآن.",
            80,
            "عدد الدول الأعضاء فيه 80",
        );
        reads(
            "وقال إن الدول الأعضاء البالغ عددها 85 متفقة على الخطة.",
            85,
            "الأعضاء البالغ عددها 85",
        );
        reads(
            "ووافق المجتمعون على طلب الجمهورية لتصبح العضو 79 في التحالف.",
            79,
            "العضو 79",
        );
        reads("ورحب الحاضرون بالعضو رقم 90.", 90, "بالعضو رقم 90");
        reads(
            "وهي الدولة الـ 87 التي تنضم إلى التحالف.",
            87,
            "الدولة الـ 87",
        );
        reads(
            "وتعد الدولة التسعين المنضمة إلى التحالف.",
            90,
            "الدولة التسعين",
        );
        reads(
            "وأكد البيان أن 57 دولة عضواً في منظمة التعاون الإسلامي تدعم القرار.",
            57,
            "57 دولة عضواً",
        );
        reads(
            "ويبلغ عدد أعضائه حاليا 86 دولة ومنظمة.",
            86,
            "ويبلغ عدد أعضائه حاليا 86 دولة",
        );
    }

    #[test]
    fn member_counts_in_words_in_every_case() {
        reads(
            "التحالف الذي يضم سبعة وسبعين عضوا.",
            77,
            "يضم سبعة وسبعين عضوا",
        );
        reads(
            "التحالف الذي يضم سبعة وسبعون عضوا.",
            77,
            "يضم سبعة وسبعون عضوا",
        );
        reads(
            "أصبح عدد أعضاء التحالف سبعة وسبعين.",
            77,
            "أصبح عدد أعضاء التحالف سبعة وسبعين",
        );
        reads(
            "وافقت الدول الأعضاء الاثنتان والعشرون على البيان.",
            22,
            "الدول الأعضاء الاثنتان والعشرون",
        );
        reads(
            "مع الدول الأعضاء الاثنتين والعشرين.",
            22,
            "الدول الأعضاء الاثنتين والعشرين",
        );
        reads(
            "انضمت لتصبح العضو السابع والسبعين.",
            77,
            "العضو السابع والسبعين",
        );
        reads(
            "لتصبح الدولة الحادية والتسعين المنضمة إلى التحالف.",
            91,
            "الدولة الحادية والتسعين",
        );
        reads(
            "اجتمع ممثلو الدول الأعضاء الاثني عشر في المنظمة.",
            12,
            "الدول الأعضاء الاثني عشر",
        );
        // Egyptian: "the alliance now has two hundred and ten members".
        reads("التحالف بقى يضم متين وعشرة عضو.", 210, "يضم متين وعشرة عضو");
        // A spelling the lexicon lacks leaves no smaller count behind.
        none("التحالف بقى يضم تلاتمائه وعشرين عضو.");
    }

    #[test]
    fn another_organisations_own_membership() {
        reads(
            "افتتحت القمة الخليجية بمشاركة قادة الدول الست الأعضاء في مجلس التعاون.",
            6,
            "الدول الست الأعضاء",
        );
        reads(
            "اجتمع وزراء خارجية الدول العربية الـ22 في مقر جامعة الدول العربية.",
            22,
            "الدول العربية الـ22",
        );
        reads(
            "دعت جامعة الدول العربية الدول العربية الـ22 إلى توحيد الموقف.",
            22,
            "الدول العربية الـ22",
        );
        // The number of another body's permanent members is not a membership here.
        none("وناقشت القمة موقف الدول الخمس دائمة العضوية في مجلس الأمن.");
        // A definite number of states framed as attendance.
        none("انطلق مؤتمر التحالف الدولي بحضور الدول الـ60 في القاعة.");
        none("رحب التحالف الدولي بالدول الـ60 المشاركة في الاجتماع.");
    }

    #[test]
    fn frames_around_parentheses_and_organisations() {
        reads(
            "ويضم التحالف، الذي أطلق في خريف 2014، خمسة وثمانين عضوا.",
            85,
            "ويضم التحالف، الذي أطلق في خريف 2014، خمسة وثمانين عضوا",
        );
        // An attendance word inside the parenthesis frames nothing.
        reads(
            "التحالف، الذي شاركت دول كثيرة في اجتماعه، يضم 86 دولة.",
            86,
            "يضم 86 دولة",
        );
        reads(
            "بحضور وفود 70 دولة من أعضاء التحالف الـ85.",
            85,
            "أعضاء التحالف الـ85",
        );
        reads(
            "واجتمع وزراء دول مجلس التعاون الست في الرياض.",
            6,
            "دول مجلس التعاون الست",
        );
        reads(
            "وحضر سبعة فقط من قادة الدول العربية الـ22.",
            22,
            "الدول العربية الـ22",
        );
        reads(
            "وقال الوزير: «التحالف بيه هسه تسعة وسبعين دولة».",
            79,
            "بيه هسه تسعة وسبعين دولة",
        );
        reads(
            "وقال: «إحنا اتنين وعشرين دولة ولازم نتفق».",
            22,
            "إحنا اتنين وعشرين دولة",
        );
        none("وأضاف: الدول الغربية الثلاث ستدعم الخطة.");
        none("الاجتماع الذي تشارك فيه 60 دولة يبدأ غدا.");
    }

    #[test]
    fn attendance_is_not_membership() {
        none("افتتح الاجتماع بمشاركة 60 دولة.");
        none("وكان الاجتماع قد حضره ممثلو 45 دولة.");
        none("وعقد رؤساء أركان 30 دولة اجتماعهم في بغداد.");
        none("ووصلت وفود 70 دولة إلى العاصمة.");
        none("الاجتماع الذي يضم 60 دولة يناقش خطة العام.");
        none("يضم المؤتمر ممثلين عن 40 دولة.");
        none("ضم الاجتماع هيئات أركان 30 دولة.");
        none("ضم اللقاء خبراء 25 دولة.");
        none("وشارك في الاجتماع وزراء ب90 دولة.");
        none("حضر الاجتماع ممثلون لـ60 دولة.");
        none("بلغ عدد الحاضرين 60 شخصا.");
        // 45 attend out of 90 members.
        reads(
            "حضره ممثلو 45 دولة من أصل 90 عضوا في التحالف.",
            90,
            "من أصل 90 عضوا",
        );
    }

    #[test]
    fn digits_glued_to_clitics() {
        reads(
            "ارتفع عدد أعضاء التحالف لـ77 دولة.",
            77,
            "ارتفع عدد أعضاء التحالف لـ77 دولة",
        );
        reads(
            "أصبحت الدولة للـ85 المنضمة إلى التحالف.",
            85,
            "الدولة للـ85",
        );
        reads("وتعد الدولة الـ85 المنضمة إلى التحالف.", 85, "الدولة الـ85");
        reads("يضم التحالف بـ ٩٠ دولة.", 90, "يضم التحالف بـ ٩٠ دولة");
        reads("رحبوا بانضمامها كـالعضو 90.", 90, "كـالعضو 90");
        none("انضمت كـ90 دولة أخرى إلى المبادرة.");
    }

    #[test]
    fn counts_at_another_time_or_approximate_are_mentions() {
        let text = "كان عدد الأعضاء 60 عند تأسيسه عام 2014، ويضم اليوم 86 دولة.";
        mentions(text, 60);
        assert!(counts(text).contains(&(86, true, "ويضم اليوم 86 دولة".to_owned())));
        let text = "ارتفع عدد أعضاء التحالف من 60 إلى 77 دولة.";
        mentions(text, 60);
        assert!(counts(text).iter().any(|c| c.0 == 77 && c.1));
        mentions("يضم التحالف أكثر من 80 دولة.", 80);
        mentions("يضم التحالف نحو 80 دولة.", 80);
        let text = "قبل انضمام سوريا كان التحالف يضم 89 عضوا، وأصبح اليوم يضم 90 عضوا.";
        mentions(text, 89);
        assert!(counts(text).iter().any(|c| c.0 == 90 && c.1));
        mentions("وكان التحالف يضم آنذاك 60 دولة.", 60);
    }

    #[test]
    fn ordinary_numbers_are_not_member_counts() {
        none("استمر الاجتماع 3 ساعات.");
        none("وقال إن عدد أعضاء التحالف ارتفع خلال 5 سنوات.");
        none("يضم المتحف 300 قطعة أثرية.");
        none("كانت الدولة الثالثة التي تستضيف الاجتماع.");
        none("بقي العضو 5 سنوات في منصبه.");
        none("ظل عضوا 12 عاما في اللجنة.");
        reads("اجتماع الرياض: دمشق العضو 90", 90, "العضو 90");
        none("زار الوزير 5 دول في جولته.");
        none("سجل المؤتمر الحادي عشر نجاحا.");
        none("بلغ عدد المحتجزين البالغ عددهم 90 في المخيم.");
        // "Third countries": an ordinal word after a plural ranks nothing and counts nothing.
        none("دعا التحالف الدولي إلى إعادة رعايا الدول الثالثة إلى بلدانهم.");
    }

    /// Each cue of the `member_*` groups, in a sentence where it does its work, and the same
    /// word in ordinary Arabic where it must not make a member count.
    #[test]
    fn every_member_cue_works_and_does_not_over_fire() {
        let key = |phrase: &str| crate::text::normalize::normalize(phrase);
        // (group, phrase, a sentence where it matters, the expected counts there).
        // group | phrase | a sentence where it does its work | the member counts read there.
        const WORKS: &str = "\
member_after | إثر | ليرتفع عدد الأعضاء إلى 77 إثر انضمام الأردن. | 77
member_after | إلى | ارتفع عدد الأعضاء من 70 إلى 77 دولة. | 70,77
member_after | بعد | ليرتفع عدد الأعضاء إلى 77 بعد التصويت. | 77
member_after | بينها | بلغ عدد الأعضاء 77 بينها ثلاث منظمات. | 77
member_after | بينهم | بلغ عدد الأعضاء 77 بينهم ممثلو منظمات. | 77
member_after | حاليا | يبلغ عدد الأعضاء 77 حاليا. | 77
member_after | عقب | ليرتفع عدد الأعضاء إلى 77 عقب التصويت. | 77
member_after | منذ | بلغ عدد الأعضاء 77 منذ الشهر الماضي. | 77
member_after | وذلك | بلغ عدد الأعضاء 77 وذلك بعد التصويت. | 77
member_after | حتى | بلغ عدد الأعضاء 77 حتى نهاية العام. | 77
member_approx | أزيد من | يضم التحالف أزيد من 80 دولة. | 80
member_approx | أقل من | يضم التحالف أقل من 90 دولة. | 90
member_approx | أكثر من | يضم التحالف أكثر من 80 دولة. | 80
member_approx | حوالي | يضم التحالف حوالي 80 دولة. | 80
member_approx | زهاء | يضم التحالف زهاء 80 دولة. | 80
member_approx | قرابة | يضم التحالف قرابة 80 دولة. | 80
member_approx | ما لا يقل عن | يضم التحالف ما لا يقل عن 80 دولة. | 80
member_approx | ما يزيد على | يضم التحالف ما يزيد على 80 دولة. | 80
member_approx | ما يزيد عن | يضم التحالف ما يزيد عن 80 دولة. | 80
member_approx | ما يقارب | يضم التحالف ما يقارب 80 دولة. | 80
member_approx | ما يناهز | يضم التحالف ما يناهز 80 دولة. | 80
member_approx | نحو | يضم التحالف نحو 80 دولة. | 80
member_approx | يناهز | يضم التحالف عددا يناهز 80 دولة. | 80
member_attendance | أركان | ضم الاجتماع هيئات أركان 30 دولة. | 
member_attendance | الحاضرة | ضم الاجتماع الوفود الحاضرة من 30 دولة. | 
member_attendance | الحاضرين | بلغ عدد الحاضرين من 30 دولة. | 
member_attendance | المشاركون | قال المشاركون من 30 دولة إن التحالف يعمل. | 
member_attendance | المشاركين | بلغ عدد المشاركين 30 دولة. | 
member_attendance | بحضور | بات الاجتماع بحضور 30 دولة. | 
member_attendance | بمشاركة | بات الاجتماع بمشاركة 30 دولة. | 
member_attendance | تشارك* | وأصبحت تشاركه 30 دولة. | 
member_attendance | تمثل | بلغت الوفود التي تمثل 30 دولة. | 
member_attendance | حضر* | بلغ من حضره 30 دولة. | 
member_attendance | حضور | بلغ حضور 30 دولة. | 
member_attendance | خبراء | ضم اللقاء خبراء 25 دولة. | 
member_attendance | رؤساء | ضم اللقاء رؤساء 25 دولة. | 
member_attendance | سفراء | ضم اللقاء سفراء 25 دولة. | 
member_attendance | شارك* | بلغ من شارك فيه 25 دولة. | 
member_attendance | قادة | ضم اللقاء قادة 25 دولة. | 
member_attendance | مسؤولو | ضم اللقاء مسؤولو 25 دولة. | 
member_attendance | مسؤولي | ضم اللقاء مسؤولي 25 دولة. | 
member_attendance | مشاركة | بلغت مشاركة 25 دولة. | 
member_attendance | ممثلو | ضم اللقاء ممثلو 25 دولة. | 
member_attendance | ممثلون | ضم اللقاء ممثلون عن 25 دولة. | 
member_attendance | ممثلي | ضم اللقاء ممثلي 25 دولة. | 
member_attendance | ممثلين | ضم اللقاء ممثلين عن 25 دولة. | 
member_attendance | مندوبو | ضم اللقاء مندوبو 25 دولة. | 
member_attendance | مندوبي | ضم اللقاء مندوبي 25 دولة. | 
member_attendance | مندوبين | ضم اللقاء مندوبين عن 25 دولة. | 
member_attendance | وزراء | ضم اللقاء وزراء 25 دولة. | 
member_attendance | وفد | بلغ عدد أعضاء الوفد 25 عضوا. | 
member_attendance | وفود | ضم اللقاء وفود 25 دولة. | 
member_attendance | يشارك* | بات يشارك فيه 25 دولة. | 
member_attendance | يمثل | بات الوفد يمثل 25 دولة. | 
member_context | فيه | التحالف فيه اليوم 79 دولة. | 79
member_context | فيها | المنظمة فيها 57 دولة. | 57
member_context | بيه | التحالف بيه هسه 79 دولة. | 79
member_context | بيها | الجامعة بيها 22 دولة. | 22
member_context | نحن | قال الوزير: نحن 22 دولة عربية. | 22
member_context | إحنا | قال: إحنا اتنين وعشرين دولة. | 22
member_context | المؤلف | التحالف المؤلف من 86 عضوا. | 86
member_context | المكون | التحالف المكون من 86 عضوا. | 86
member_context | تتألف | المنظمة تتألف من 86 عضوا. | 86
member_context | تتكون | المنظمة تتكون من 86 عضوا. | 86
member_context | تضم | المنظمة تضم 86 عضوا. | 86
member_context | تضم* | المنظمة تضمها 86 دولة. | 86
member_context | تعد | المنظمة تعد 86 عضوا. | 86
member_context | ضم | ضم التحالف 86 دولة. | 86
member_context | يتألف | التحالف يتألف من 86 عضوا. | 86
member_context | يتكون | التحالف يتكون من 86 عضوا. | 86
member_context | يضم | التحالف يضم 86 عضوا. | 86
member_context | يضم* | التحالف يضمه 86 عضوا. | 86
member_context | يعد | التحالف يعد 86 عضوا. | 86
member_context | أصبح | أصبح التحالف 86 عضوا. | 86
member_context | أصبحت | أصبحت المنظمة 86 عضوا. | 86
member_context | ارتفع | ارتفع العدد إلى 86 عضوا. | 86
member_context | البالغ | أعضاؤه البالغ 86 عضوا. | 86
member_context | بات | بات التحالف 86 عضوا. | 86
member_context | باتت | باتت المنظمة 86 عضوا. | 86
member_context | بلغ | بلغ التحالف 86 عضوا. | 86
member_context | عددها | الدول وعددها 86 دولة. | 86
member_context | عددهم | الأعضاء وعددهم 86 عضوا. | 86
member_context | لتصبح | انضمت لتصبح المنظمة 86 عضوا. | 86
member_context | ليرتفع | انضمت ليرتفع العدد إلى 86 عضوا. | 86
member_context | ليصبح | انضمت ليصبح التحالف 86 عضوا. | 86
member_context | ليصل | انضمت ليصل العدد إلى 86 عضوا. | 86
member_context | من أصل | أيدت القرار من أصل 86 عضوا. | 86
member_context | وصل | وصل التحالف إلى 86 عضوا. | 86
member_context | يبلغ | يبلغ التحالف 86 عضوا. | 86
member_context | يبلغ عدد | يبلغ عدد الدول 86 دولة. | 86
member_context | يبلغ عددهم | الأعضاء يبلغ عددهم 86 عضوا. | 86
member_context | يرتفع | يرتفع العدد إلى 86 عضوا. | 86
member_context | يصل | يصل العدد إلى 86 عضوا. | 86
member_context | الأعضاء البالغ عدد* | الأعضاء البالغ عددهم 86. | 86
member_context | عدد أعضاء* | بلغ عدد أعضاء التحالف 86. | 86
member_context | عدد أعضائه | بلغ عدد أعضائه 86. | 86
member_context | عدد أعضائها | بلغ عدد أعضائها 86. | 86
member_context | عدد الأعضاء | بلغ عدد الأعضاء 86. | 86
member_context | عدد الدول الأعضاء | بلغ عدد الدول الأعضاء 86. | 86
member_context | عدد الدول المنضوية | بلغ عدد الدول المنضوية فيه 86. | 86
member_join | الانضمام | وافق على الانضمام ليكون الدولة الـ86. | 86
member_join | المنضم* | وهي الدولة الـ86 المنضمة إليه. | 86
member_join | انضم* | انضمت لتكون الدولة الـ86. | 86
member_join | انضمام* | بعد انضمامها أصبحت الدولة الـ86. | 86
member_join | تنضم* | هي الدولة الـ86 التي تنضم. | 86
member_join | عضوية* | نالت العضوية بوصفها الدولة الـ86. | 86
member_join | ينضم* | هو البلد الـ86 الذي ينضم. | 86
member_noun | أعضاء | يضم التحالف 86 أعضاء. | 86
member_noun | أعضائه | يضم التحالف 86 من أعضائه. | 
member_noun | أعضائها | تضم 86 أعضائها. | 86
member_noun | الشركاء | يضم 86 الشركاء. | 86
member_noun | دولة عضو | يضم 86 دولة عضو. | 86
member_noun | دولة عضو* | يضم 86 دولة عضوة. | 86
member_noun | دولة عضوا | يضم 86 دولة عضوا. | 86
member_noun | شريك* | يضم 86 شريكا. | 86
member_noun | عضو* | يضم 86 عضوا. | 86
member_noun | بلد | يضم 86 بلد. | 86
member_noun | بلدا | يضم 86 بلدا. | 86
member_noun | بلدان | يضم 86 بلدان. | 86
member_noun | دول | يضم 86 دول. | 86
member_noun | دولة | يضم 86 دولة. | 86
member_other | دائم* | بحضور الدول الخمس دائمة العضوية. | 
member_plural | الأعضاء | بحضور الأعضاء الـ86 في التحالف. | 86
member_plural | الدول الأعضاء | بحضور الدول الأعضاء الـ86. | 86
member_plural | الشركاء | بحضور الشركاء الـ86 الأعضاء. | 86
member_plural | البلدان | بحضور البلدان الـ86 الأعضاء. | 86
member_plural | الدول | بحضور الدول الـ86 الأعضاء. | 86
member_rank | العضو | أصبحت العضو 86. | 86
member_rank | عضوا | انضمت عضوا رقم 86. | 86
member_rank | البلد | أصبح البلد الـ86 المنضم. | 86
member_rank | الدولة | أصبحت الدولة الـ86 المنضمة. | 86
member_rank | الشريك | أصبح الشريك الـ86 المنضم. | 86
member_time | آنذاك | كان يضم آنذاك 60 دولة. | 60
member_time | حينذاك | كان يضم حينذاك 60 دولة. | 60
member_time | حينها | كان يضم حينها 60 دولة. | 60
member_time | سابقا | كان يضم سابقا 60 دولة. | 60
member_time | عام تأسيس* | ضم عام تأسيسه 60 دولة. | 60
member_time | عند إطلاق* | ضم عند إطلاقه 60 دولة. | 60
member_time | عند إنشا* | ضم عند إنشائه 60 دولة. | 60
member_time | عند انطلاق* | ضم عند انطلاقه 60 دولة. | 60
member_time | عند تأسيس* | ضم عند تأسيسه 60 دولة. | 60
member_time | قبل انضمام* | كان يضم قبل انضمامها 60 دولة. | 60
member_time | لدى إنشا* | ضم لدى إنشائه 60 دولة. | 60
member_time | لدى تأسيس* | ضم لدى تأسيسه 60 دولة. | 60
member_time | وقت تأسيس* | ضم وقت تأسيسه 60 دولة. | 60
member_time | وقتذاك | كان يضم وقتذاك 60 دولة. | 60
member_time | وقتها | كان يضم وقتها 60 دولة. | 60";
        let works: Vec<(&str, &str, &str, Vec<u64>)> = WORKS
            .lines()
            .map(|row| {
                let cols: Vec<&str> = row.split(" | ").collect();
                let want = cols[3]
                    .split(',')
                    .filter(|v| !v.is_empty())
                    .map(|v| v.parse().unwrap_or(0))
                    .collect();
                (cols[0], cols[1], cols[2], want)
            })
            .collect();
        // Every member_* cue in the data has its sentence here.
        let data = include_str!("../../data/cues.tsv");
        for line in data.lines().filter(|l| l.starts_with("member_")) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                works
                    .iter()
                    .any(|(g, p, _, _)| *g == cols[0] && key(p) == key(cols[2])),
                "no test sentence for {line:?}"
            );
        }
        for (group, phrase, text, want) in &works {
            let got: Vec<u64> = counts(text).iter().map(|c| c.0).collect();
            assert_eq!(&got, want, "{group} {phrase}: {text}");
            match *group {
                "member_approx" | "member_time" => mentions(text, want[0]),
                _ => {}
            }
        }
        // The same words in ordinary Arabic, with a number beside them, make no member count.
        for text in [
            "عاد الوفد إثر 3 أيام من المحادثات.",
            "انتقل الوفد إلى 3 مدن.",
            "يعمل الآن 30 موظفا في المكتب.",
            "وصل اليوم 30 صحفيا.",
            "عاد بعد 30 يوما.",
            "من بينها 3 مدن.",
            "عاد عقب 3 أيام.",
            "انتظر حتى 3 أيام.",
            "الاجتماع الذي شاركت فيه 60 دولة انتهى.",
            "القاعة فيها 60 مقعدا.",
            "نحن 3 أصدقاء.",
            "البيت بيه 5 غرف.",
            "غاب منذ 3 أشهر.",
            "استمر أكثر من 3 ساعات.",
            "عاش نحو 80 عاما.",
            "بلغ طوله ما يقارب 80 مترا.",
            "حضر 30 صحفيا المؤتمر.",
            "قال المشاركون إن 30 مشروعا أنجزت.",
            "بلغ عدد السكان 80 ألفا.",
            "يضم المتحف 80 قطعة.",
            "تتكون اللجنة من خبراء.",
            "ارتفعت الأسعار 8 مرات.",
            "من أصل 86 سؤالا أجاب عن نصفها.",
            "انضم 30 متطوعا إلى الحملة.",
            "تقدم 30 طالبا لنيل العضوية.",
            "زار 5 دول و3 بلدان.",
            "التقى 5 من الشركاء.",
            "قال العضو في البرلمان إن 5 قوانين أقرت.",
            "فازت الدولة الثالثة في الترتيب.",
            "كانت الدول الخمس صاحبة المقاعد الدائمة حاضرة.",
            "الدول الـ30 الأكثر تضررا.",
            "عند تأسيس الشركة كان فيها 60 موظفا.",
            "كان عدد سكانها آنذاك 60 ألفا.",
        ] {
            none(text);
        }
    }

    /// Every claim extracted from the fixtures and the test corpus quotes the text that states
    /// it: evidence is never empty and is the exact original substring at its span.
    #[test]
    fn no_claim_has_empty_evidence_in_fixtures_or_corpus() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut dirs = vec![root.join("fixtures"), root.join("tests/corpus")];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() >= 5, "fixtures and corpus found: {files:?}");
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for claim in extract(&text, Gazetteer::builtin()).claims {
                let e = &claim.evidence;
                assert!(
                    !e.text.trim().is_empty(),
                    "{}: empty evidence for {} = {}",
                    path.display(),
                    claim.field.name(),
                    claim.value.key()
                );
                assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
            }
        }
    }
}
