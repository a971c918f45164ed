//! How many members: `member_count`.
//!
//! Only membership counts: a rank ("العضو رقم 90", "كـالعضو 90", "الدولة التسعين", "العضو الـ 87")
//! or a count of members in a membership frame ("البالغ عددهم 85 عضواً", "يضم 68 دولة", "المكوّن
//! من ستة وثمانين عضواً"). A count of states attending or represented ("بمشاركة ممثلين عن 60
//! دولة", "حضره وزراء 40 دولة") is not a member count.

use super::field::Field;
use super::{Analysis, Claim, Value};
use crate::text::numbers::NumberMatch;

/// How far before a count its membership frame may stand, in tokens.
const FRAME_WINDOW: usize = 5;
/// Member counts outside this range are years, amounts or noise.
const PLAUSIBLE: std::ops::RangeInclusive<u64> = 2..=250;

pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    for n in &an.numbers {
        if !PLAUSIBLE.contains(&n.value) {
            continue;
        }
        if let Some(claim) = rank(an, n).or_else(|| framed_count(an, n)) {
            out.push(claim);
        }
    }
}

fn cue_ending_at<'a>(
    an: &'a Analysis,
    end_token: usize,
    group: &str,
) -> Option<&'a crate::lexicon::cues::CueMatch<'static>> {
    let lo = end_token.saturating_sub(3);
    an.cues_in(lo..end_token)
        .filter(|m| m.group() == group && m.tokens.end == end_token)
        .last()
}

/// "العضو رقم 90", "كعضو 90", "الدولة التسعين": the coalition's Nth member means N members.
fn rank(an: &Analysis, n: &NumberMatch) -> Option<Claim> {
    let t = an.token_at(n.span.start);
    let key = an.key();
    // "رقم" between the rank word and the number.
    let before = if t > 0 && an.tokens[t - 1].text(key).trim_start_matches('و') == "رقم" {
        t - 1
    } else {
        t
    };
    // The number may include its rank word ("العضو 90" read as one ordinal).
    let cue = cue_ending_at(an, before, "member_rank")
        .or_else(|| an.cues_in(t..t + 1).find(|m| m.group() == "member_rank"))?;
    Some(an.claim(
        Field::MemberCount,
        Value::Count(n.value),
        cue.span.start..n.span.end,
    ))
}

/// "البالغ عددهم 85 عضواً", "يضم 68 دولة", "المؤلف من ستة وثمانين عضواً".
fn framed_count(an: &Analysis, n: &NumberMatch) -> Option<Claim> {
    let after = an.token_at(n.span.end);
    let noun = an
        .cues_in(after..after + 1)
        .find(|m| m.group() == "member_noun")?;
    let t = an.token_at(n.span.start);
    let sentence = an.sentence_range(n.span.start);
    let s0 = an.token_at(sentence.start);
    // The frame of this count starts after the previous number: "ممثلو 45 دولة من أصل 90 عضواً"
    // frames 45 as attendance and 90 as membership.
    let before = an.numbers.partition_point(|m| m.span.end <= n.span.start);
    let previous_number = before
        .checked_sub(1)
        .map_or(0, |i| an.token_at(an.numbers[i].span.end));
    let lo = t.saturating_sub(FRAME_WINDOW).max(s0).max(previous_number);
    let frame: Vec<_> = an.cues_in(lo..t).collect();
    if frame.iter().any(|m| m.group() == "member_attendance") {
        return None;
    }
    let context = frame.iter().find(|m| m.group() == "member_context")?;
    Some(an.claim(
        Field::MemberCount,
        Value::Count(n.value),
        context.span.start..noun.span.end,
    ))
}
