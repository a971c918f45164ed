//! What a stretch of text is about, judged from the cue words around it in its sentence.
//!
//! A day or a date in a news sentence belongs to the nearest event word governing it: "the
//! meeting hosted by Riyadh on Monday" (a meeting verb before it), "he said in a post on
//! Tuesday that…" (a speech word before it), "on Saturday, the envoy said…" (a sentence that
//! opens with the day and goes on with a speech verb).

use std::ops::Range;

use super::Analysis;

/// What a time expression refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The meeting itself.
    Meeting,
    /// When something was said, posted or published.
    Speech,
    /// Another dated event (joining, founding…).
    Other,
    /// Nothing in the sentence says.
    Unknown,
}

fn role_of_group(group: &str) -> Option<Role> {
    match group {
        "meeting" => Some(Role::Meeting),
        "speech" => Some(Role::Speech),
        "other_event" => Some(Role::Other),
        _ => None,
    }
}

/// How many tokens around a day or date its governing word may stand.
const ROLE_WINDOW: usize = 40;

/// The role of the expression covering tokens `expr` (token indexes).
pub fn role_of(an: &Analysis, expr: Range<usize>) -> Role {
    let Some(first) = an.tokens.get(expr.start) else {
        return Role::Unknown;
    };
    let sentence = an.sentence_range(first.start);
    // Only words near the expression govern it; the bound also keeps a run-on "sentence" of
    // megabytes linear.
    let s0 = an
        .token_at(sentence.start)
        .max(expr.start.saturating_sub(ROLE_WINDOW));
    let s1 = an.token_at(sentence.end).min(expr.end + ROLE_WINDOW);
    let mut before: Option<(usize, Role)> = None;
    let mut after: Option<(usize, Role)> = None;
    for m in an.cues_in(s0..s1) {
        let Some(mut role) = role_of_group(m.group()) else {
            continue;
        };
        // "the next meeting will be held on Thursday" dates another meeting.
        if role == Role::Meeting && is_next_meeting(an, m.tokens.clone()) {
            role = Role::Other;
        }
        if m.tokens.end <= expr.start {
            before = Some((m.tokens.end, role));
        } else if m.tokens.start >= expr.end && after.is_none() {
            after = Some((m.tokens.start, role));
        }
    }
    // A sentence that opens with the day takes the role of the verb that follows it.
    let opens_sentence = expr.start <= s0 + 1;
    match (before, after) {
        (_, Some((_, role))) if opens_sentence => role,
        (Some((_, role)), _) => role,
        (None, Some((_, role))) => role,
        (None, None) => Role::Unknown,
    }
}

/// Words that make a meeting word name another, later meeting ("الاجتماع المقبل").
const NEXT: &[&str] = &[
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "التالي",
    "التاليه",
    "اللاحق",
    "المرتقب",
];

/// Whether the meeting word at `tokens` is qualified as the next meeting (within two words:
/// "الاجتماع الوزاري المقبل").
pub fn is_next_meeting(an: &Analysis, tokens: Range<usize>) -> bool {
    let end = (tokens.end + 2).min(an.tokens.len());
    an.tokens[tokens.start..end]
        .iter()
        .any(|t| NEXT.contains(&t.text(an.key())))
}

/// Whether the sentence around token `at` speaks of the next meeting (within `ROLE_WINDOW`
/// tokens): its places and days are not this meeting's.
pub fn sentence_is_about_next_meeting(an: &Analysis, sentence: Range<usize>, at: usize) -> bool {
    let s0 = an
        .token_at(sentence.start)
        .max(at.saturating_sub(ROLE_WINDOW));
    let s1 = an.token_at(sentence.end).min(at + ROLE_WINDOW);
    an.cues_in(s0..s1).any(|m| {
        m.group() == "meeting" && m.tag() == "noun" && is_next_meeting(an, m.tokens.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::gazetteer::Gazetteer;

    fn role(text: &str, word: &str) -> Role {
        let an = Analysis::new(text, Gazetteer::builtin());
        let at = an.key().find(&crate::text::normalize(word)).unwrap();
        let t = an.token_at(at);
        role_of(&an, t..t + 1)
    }

    #[test]
    fn meeting_verb_before_the_day() {
        assert_eq!(
            role("عقد الوزراء اجتماعهم في عمان يوم الأحد.", "الأحد"),
            Role::Meeting
        );
    }

    #[test]
    fn speech_verb_before_the_day() {
        assert_eq!(
            role(
                "وقال المتحدث في تصريح الثلاثاء إن الاجتماع كان مثمرا.",
                "الثلاثاء"
            ),
            Role::Speech
        );
    }

    #[test]
    fn day_opening_a_sentence_takes_the_following_verb() {
        assert_eq!(
            role(
                "والجمعة الماضية، قالت الوزيرة إن الاجتماع سيعقد قريبا.",
                "الجمعة"
            ),
            Role::Speech
        );
    }

    #[test]
    fn the_next_meeting_is_another_event() {
        assert_eq!(
            role("وسيعقد الاجتماع المقبل يوم الخميس في روما.", "الخميس"),
            Role::Other
        );
    }

    #[test]
    fn nothing_around_means_unknown() {
        assert_eq!(role("كان الطقس جميلا يوم الخميس.", "الخميس"), Role::Unknown);
    }
}
