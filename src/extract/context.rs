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
    if let Some(role) = taking_part(an, expr.clone()) {
        return role;
    }
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
    let role = match (before, after) {
        (_, Some((_, role))) if opens_sentence => role,
        (Some((_, role)), _) => role,
        (None, Some((_, role))) => role,
        (None, None) => Role::Unknown,
    };
    // "قال الرئيس اليوم السبت إن …، وذلك في كلمته الافتتاحية لأعمال القمة": a statement made
    // in a speech to the meeting is made on the meeting's day.
    if role == Role::Speech && spoken_at_meeting(an, s0..s1) {
        return Role::Meeting;
    }
    role
}

/// How far after a speech word ("كلمته") the meeting it was given to may stand.
const SPEECH_REACH: usize = 4;

/// Whether a stretch of a sentence says a speech was given to the meeting the text reports:
/// "في كلمته أمام الاجتماع", "خلال كلمتها في القمة", "كلمته الافتتاحية لأعمال المؤتمر".
fn spoken_at_meeting(an: &Analysis, range: Range<usize>) -> bool {
    an.cues_in(range.clone()).any(|speak| {
        speak.group() == "participation"
            && speak.tag() == "speak"
            && an
                .cues_in(speak.tokens.start..(speak.tokens.end + SPEECH_REACH).min(range.end))
                .any(|m| {
                    m.group() == "meeting"
                        && m.tag() == "noun"
                        && m.tokens.start >= speak.tokens.start
                        && noun_frame(an, m.tokens.clone()) == Frame::Main
                })
    })
}

/// The role of a day that stands between taking part and the meeting taken part in: "خلال
/// مشاركته أمس الثلاثاء في اجتماع …", "شارك الوزير اليوم في أعمال القمة". Whatever verb governs
/// the sentence (a statement, a call), that day is the meeting's, or another meeting's when
/// that one is the next.
pub fn taking_part(an: &Analysis, expr: Range<usize>) -> Option<Role> {
    let sentence = an.sentence_range(an.tokens.get(expr.start)?.start);
    let from = expr
        .start
        .saturating_sub(SUBJECT_REACH)
        .max(an.token_at(sentence.start));
    let part = an.cues_in(from..expr.start).any(|m| {
        m.group() == "participation"
            && matches!(m.tag(), "verb" | "of")
            && m.tokens.end <= expr.start
    });
    if !part {
        return None;
    }
    let noun = an
        .cues_in(expr.end..expr.end + PART_REACH)
        .find(|m| m.group() == "meeting" && m.tag() == "noun" && m.tokens.start >= expr.end)?;
    if noun.tokens.start > expr.end + 2 {
        return None;
    }
    Some(if is_next_meeting(an, noun.tokens.clone()) {
        Role::Other
    } else {
        Role::Meeting
    })
}

/// How far the meeting's noun may stand after a day.
const PART_REACH: usize = 6;
/// How far taking part may stand before the day: a subject with titles and a clause of whom
/// it stands for ("شارك الوزير الأول فلان، ممثلاً لرئيس الجمهورية فلان، اليوم في").
const SUBJECT_REACH: usize = 16;

/// Whether the meeting word at `tokens` names the next meeting ("الاجتماع الوزاري المقبل").
pub fn is_next_meeting(an: &Analysis, tokens: Range<usize>) -> bool {
    noun_frame(an, tokens) == Frame::Next
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

/// Which meeting a stretch of text is about: the one the document reports, or another one it
/// names (the next, an earlier one, one it compares with). Cue phrases are in `data/cues.tsv`,
/// group `elsewhere`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Frame {
    /// Nothing points elsewhere.
    Main,
    /// "الاجتماع المقبل", "اجتماع آخر".
    Next,
    /// "الاجتماع السابق", "وكانت الكويت قد استضافت …".
    Previous,
    /// "على غرار اجتماع …", "منذ اجتماع …", "أعلن عنه في اجتماع …".
    Other,
}

impl Frame {
    /// What a value in this frame is about, for a mention's note.
    pub fn note(self) -> &'static str {
        match self {
            Frame::Main => "the document's own meeting",
            Frame::Next => "another meeting: a later one the text announces",
            Frame::Previous => "another meeting: an earlier one the text recalls",
            Frame::Other => "another meeting the text refers to",
        }
    }
}

/// How many tokens after a meeting word its qualifier may stand ("اجتماع روما الوزاري السابق").
const QUALIFIER_REACH: usize = 3;
/// How far after a stretch of text the meeting word that governs it may stand.
const AFTER_REACH: usize = 6;
/// How far a clause reaches either side of a token when no punctuation ends it.
const CLAUSE_REACH: usize = 40;

/// Whether a gap between two tokens ends a clause.
fn breaks_clause(gap: &str) -> bool {
    // Quotation marks are not here: news quotes names inside a clause ("ضد «داعش» في الكويت").
    gap.contains(['،', ',', '؛', ';', ':', '(', ')'])
}

/// The clause holding token `t`: the stretch of its sentence between punctuation, as a token
/// range.
pub fn clause_of(an: &Analysis, t: usize) -> Range<usize> {
    if t >= an.tokens.len() {
        return t..t;
    }
    let starts = &an.clause_starts;
    // The clause starts at the last start at or before `t` and ends at the next one.
    let i = starts.partition_point(|&s| s as usize <= t);
    let start = i.checked_sub(1).map_or(0, |i| starts[i] as usize);
    let end = starts.get(i).map_or(an.tokens.len(), |&s| s as usize);
    start.max(t.saturating_sub(CLAUSE_REACH - 1))..end.min(t + CLAUSE_REACH)
}

/// The first token of every clause of a text, in order: the first token of each sentence and
/// every token that punctuation separates from the one before it.
pub fn clause_starts(key: &str, tokens: &[super::Token], sentences: &[Range<usize>]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut sentence = sentences.iter().peekable();
    for (t, tok) in tokens.iter().enumerate() {
        let mut starts = t == 0;
        while let Some(s) = sentence.peek() {
            if s.end <= tok.start {
                sentence.next();
                continue;
            }
            if s.start <= tok.start && t > 0 && tokens[t - 1].end <= s.start {
                starts = true;
            }
            break;
        }
        // Most gaps are one space, which holds no punctuation.
        let gap = if t > 0 {
            &key[tokens[t - 1].end..tok.start]
        } else {
            " "
        };
        if gap != " " && breaks_clause(gap) {
            starts = true;
        }
        if starts {
            out.push(u32::try_from(t).unwrap_or(u32::MAX));
        }
    }
    out
}

/// Words that end a meeting word's phrase before its qualifier could come: a time word makes
/// "الماضي" the time's ("اجتماع الخميس الماضي" is last Thursday's meeting, not the last
/// meeting), a preposition or relative pronoun starts something else.
fn ends_phrase(an: &Analysis, t: usize) -> bool {
    let tok = an.tokens[t];
    let word = tok.text(an.key());
    // Matches are sorted and do not overlap: only the last one starting at or before the token
    // can hold it.
    let w = an.weekdays.partition_point(|w| w.span.start <= tok.start);
    let d = an.dates.partition_point(|d| d.span.start <= tok.start);
    let is_time = (w > 0 && tok.end <= an.weekdays[w - 1].span.end)
        || (d > 0 && tok.end <= an.dates[d - 1].span.end);
    is_time
        || an
            .cues_in(t..t + 1)
            .any(|c| matches!(c.group(), "time_word" | "speech") || c.tag() == "verb")
        || matches!(
            word,
            "في" | "من"
                | "الى"
                | "على"
                | "عن"
                | "مع"
                | "الذي"
                | "التي"
                | "ان"
                | "الشهر"
                | "الاسبوع"
                | "العام"
                | "السنه"
                | "اليوم"
                | "يوم"
        )
}

/// Which meeting a meeting word names, from the qualifiers after it ("المقبل", "السابق") and
/// the phrases just before it ("على غرار", "منذ").
pub fn noun_frame(an: &Analysis, noun: Range<usize>) -> Frame {
    let elsewhere = |t: usize| {
        an.cues_in(t..t + 1)
            .find(|c| c.group() == "elsewhere" && c.tokens.start == t)
    };
    let mut t = noun.end;
    while t < an.tokens.len() && t < noun.end + QUALIFIER_REACH {
        if let Some(c) = elsewhere(t) {
            match c.tag() {
                "next" => return Frame::Next,
                "previous" => return Frame::Previous,
                _ => {}
            }
        }
        if ends_phrase(an, t) {
            break;
        }
        t += 1;
    }
    let lo = noun.start.saturating_sub(4);
    let before = an
        .cues_in(lo..noun.start)
        .filter(|c| c.group() == "elsewhere" && noun.start - c.tokens.end <= 1)
        .any(|c| matches!(c.tag(), "compare" | "announced" | "since"));
    if before { Frame::Other } else { Frame::Main }
}

/// Whether a clause looks back from the time of the report ("وكانت الكويت قد استضافت …"):
/// a form of كان followed within a few words by قد. A sentence that opens so looks back
/// whole: "وكان الوزراء قد صادقوا، في اجتماعهم الذي انعقد يوم الجمعة، على …".
fn looks_back(an: &Analysis, clause: Range<usize>) -> bool {
    if let Some(first) = an.tokens.get(clause.start) {
        let sentence = an.token_at(an.sentence_range(first.start).start);
        let opening = an.cues_in(sentence..sentence + 2).any(|earlier| {
            earlier.group() == "elsewhere"
                && earlier.tag() == "earlier"
                && earlier.tokens.start < sentence + 2
        });
        if opening && sentence < clause.start && looks_back_at(an, sentence..clause.start) {
            return true;
        }
    }
    looks_back_at(an, clause)
}

/// A form of كان in `clause`, followed within a few words by قد.
fn looks_back_at(an: &Analysis, clause: Range<usize>) -> bool {
    let marks = || {
        an.cues_in(clause.clone())
            .filter(|c| c.group() == "elsewhere")
    };
    marks().any(|earlier| {
        earlier.tag() == "earlier"
            && marks().any(|perfect| {
                perfect.tag() == "perfect"
                    && perfect.tokens.start > earlier.tokens.start
                    && perfect.tokens.start - earlier.tokens.start <= 4
            })
    })
}

/// The meeting word or verb that governs the text at token range `expr`, and the frame it puts
/// that text in. The nearest meeting cue before it in its clause governs (a verb through its
/// object: "ستستضيف الرياض الاجتماع المقبل"); failing that, the nearest after it; failing that,
/// the same in the sentence.
pub fn frame_of(an: &Analysis, expr: Range<usize>) -> Frame {
    let Some(first) = an.tokens.get(expr.start) else {
        return Frame::Main;
    };
    // Only a cue of another meeting can put text elsewhere, and only one near it: its
    // sentence's reach, plus a qualifier's.
    let reach = expr.start.saturating_sub(ROLE_WINDOW + QUALIFIER_REACH + 4)
        ..expr.end + ROLE_WINDOW + QUALIFIER_REACH + 4;
    if !any_within(&an.elsewhere_at, reach) {
        return Frame::Main;
    }
    let clause = clause_of(an, expr.start);
    if looks_back(an, clause.clone()) {
        return Frame::Previous;
    }
    // A meeting word inside the expression itself ("الاجتماع الوزاري" as a type) is qualified
    // like any other: "منذ الاجتماع الوزاري", "الاجتماع الوزاري المقبل".
    if let Some(noun) = an
        .cues_in(expr.start.saturating_sub(1)..expr.end)
        .find(|m| {
            m.group() == "meeting"
                && m.tag() == "noun"
                && m.tokens.start < expr.end
                && expr.start < m.tokens.end
        })
    {
        let frame = noun_frame(an, noun.tokens.clone());
        if frame != Frame::Main {
            return frame;
        }
    }
    let sentence = an.sentence_range(first.start);
    let sentence = an
        .token_at(sentence.start)
        .max(expr.start.saturating_sub(ROLE_WINDOW))
        ..an.token_at(sentence.end).min(expr.end + ROLE_WINDOW);
    for scope in [clause, sentence] {
        let governing = |m: &&crate::lexicon::cues::CueMatch| {
            matches!(
                (m.group(), m.tag()),
                ("meeting", _) | ("host", "verb") | ("host", "held")
            )
        };
        let before = an
            .cues_in(scope.start..expr.start)
            .filter(governing)
            .filter(|m| m.tokens.end <= expr.start)
            .last();
        // A meeting word after the text governs it only close by ("الرياض تستضيف …"): further
        // on, it starts a clause of its own.
        let after_end = scope.end.min(expr.end + AFTER_REACH);
        let after = || {
            an.cues_in(expr.end..after_end)
                .find(|m| governing(m) && m.tokens.start >= expr.end)
        };
        let Some(cue) = before.or_else(after) else {
            continue;
        };
        return if cue.group() == "meeting" && cue.tag() == "noun" {
            noun_frame(an, cue.tokens.clone())
        } else {
            // A verb speaks of the meeting its subject or object names, if one is within reach
            // ("الاجتماع المقبل سيعقد", "ستستضيف الرياض الاجتماع المقبل"): the nearer one.
            let lo = cue.tokens.start.saturating_sub(3).max(scope.start);
            let hi = (cue.tokens.end + 5).min(scope.end).max(cue.tokens.end);
            let near = an
                .cues_in(lo..hi)
                .filter(|m| m.group() == "meeting" && m.tag() == "noun")
                .filter(|m| m.tokens.end <= cue.tokens.start || m.tokens.start >= cue.tokens.end)
                .min_by_key(|m| {
                    if m.tokens.start >= cue.tokens.end {
                        m.tokens.start - cue.tokens.end
                    } else {
                        cue.tokens.start - m.tokens.end
                    }
                });
            // A verb with nothing near it that names a meeting speaks of the last one named in
            // its sentence ("… الاجتماع المقبل في الرباط، بعد أن قبلت المملكة استضافته").
            let sentence_start = an
                .token_at(an.sentence_range(first.start).start)
                .max(cue.tokens.start.saturating_sub(ROLE_WINDOW));
            let noun = near.or_else(|| {
                an.cues_in(sentence_start..cue.tokens.start)
                    .filter(|m| m.group() == "meeting" && m.tag() == "noun")
                    .filter(|m| m.tokens.end <= cue.tokens.start)
                    .last()
            });
            noun.map_or(Frame::Main, |noun| noun_frame(an, noun.tokens.clone()))
        };
    }
    Frame::Main
}

/// Whether the clause around token `t` speaks of the future ("سيعقد", "ستستضيف", "من المقرر أن").
pub fn is_future(an: &Analysis, t: usize) -> bool {
    any_within(&an.future_at, clause_of(an, t))
}

/// Whether a sorted list of token positions has one inside `range`.
fn any_within(positions: &[u32], range: Range<usize>) -> bool {
    let i = positions.partition_point(|&p| (p as usize) < range.start);
    positions.get(i).is_some_and(|&p| (p as usize) < range.end)
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

    fn frame(text: &str, word: &str) -> Frame {
        let an = Analysis::new(text, Gazetteer::builtin());
        let at = an.key().find(&crate::text::normalize(word)).unwrap();
        let t = an.token_at(at);
        frame_of(&an, t..t + 1)
    }

    #[test]
    fn the_next_meeting_is_elsewhere() {
        let s = "اجتمع الوزراء في روما، وأعلنوا أن الاجتماع المقبل سيعقد في الرياض.";
        assert_eq!(frame(s, "روما"), Frame::Main);
        assert_eq!(frame(s, "الرياض"), Frame::Next);
        assert_eq!(
            frame(
                "وستستضيف القاهرة الاجتماع الوزاري القادم للتحالف.",
                "القاهرة"
            ),
            Frame::Next
        );
        assert_eq!(
            frame("ومن المقرر عقد اجتماع آخر في لندن.", "لندن"),
            Frame::Next
        );
    }

    #[test]
    fn an_earlier_meeting_is_elsewhere() {
        assert_eq!(
            frame("وكانت الكويت قد استضافت اجتماعا مماثلا قبل عامين.", "الكويت"),
            Frame::Previous
        );
        assert_eq!(
            frame("وجرى ذلك خلال اجتماع باريس السابق.", "باريس"),
            Frame::Previous
        );
        assert_eq!(
            frame("على غرار اجتماع بروكسل الذي عقد قبل عام.", "بروكسل"),
            Frame::Other
        );
    }

    #[test]
    fn a_meeting_a_while_ago_is_elsewhere() {
        for s in [
            "وتأتي القمة بعد عام على القمة التي استضافتها الدوحة.",
            "ويعقد اللقاء بعد أكثر من عامين على الاجتماع الذي احتضنته عمان.",
            "وذلك بعد ثلاثة أشهر على المؤتمر الذي عقد في تونس.",
        ] {
            let city = ["الدوحة", "عمان", "تونس"]
                .into_iter()
                .find(|c| s.contains(c))
                .unwrap();
            assert_eq!(frame(s, city), Frame::Other, "{s}");
        }
        // A year of work in the meeting is not another meeting.
        assert_eq!(
            frame("وعرض الاجتماع في الرياض حصيلة عام على الأرض.", "الرياض"),
            Frame::Main
        );
    }

    #[test]
    fn a_sentence_that_opens_looking_back_looks_back_whole() {
        let s = "وكان الوزراء قد صادقوا، في اجتماعهم الذي انعقد في القاهرة، على القرارات.";
        assert_eq!(frame(s, "القاهرة"), Frame::Previous);
        // قد later in a sentence that does not open with كان frames nothing beyond its clause.
        let s = "اجتمع الوزراء في القاهرة، وقالوا إن الخلاف كان قد انتهى.";
        assert_eq!(frame(s, "القاهرة"), Frame::Main);
    }

    #[test]
    fn last_thursday_is_not_the_last_meeting() {
        assert_eq!(
            frame("عقد الاجتماع يوم الخميس الماضي في عمان.", "عمان"),
            Frame::Main
        );
        assert_eq!(
            frame("واستضافت المملكة، الاثنين، اجتماعا في الرياض.", "الاثنين"),
            Frame::Main
        );
    }

    #[test]
    fn a_day_set_apart_by_commas_belongs_to_its_sentence() {
        assert_eq!(
            frame("وسيعقد الاجتماع المقبل، يوم الخميس، في روما.", "الخميس"),
            Frame::Next
        );
    }

    #[test]
    fn a_stance_dates_the_statement_not_the_meeting() {
        for verb in ["أكد", "أعرب", "شدد", "أشاد", "رحب", "حذر", "طالب"] {
            let text = format!("{verb} الوزير اليوم الخميس أن الاجتماع الذي عقد أمس كان ناجحا.");
            assert_eq!(role(&text, "الخميس"), Role::Speech, "{verb}");
        }
        // The meeting's own verb is still nearer.
        assert_eq!(
            role(
                "أكد المشاركون في الاجتماع الذي عقد يوم الخميس دعمهم.",
                "الخميس"
            ),
            Role::Meeting
        );
    }

    #[test]
    fn a_statement_in_a_speech_to_the_meeting_is_made_on_its_day() {
        for s in [
            "قال الرئيس اليوم السبت إن المنطقة تمر بظرف صعب، وذلك في كلمته أمام القمة.",
            "أكد الوزير اليوم السبت في كلمته الافتتاحية لأعمال الاجتماع أهمية التنسيق.",
        ] {
            assert_eq!(role(s, "السبت"), Role::Meeting, "{s}");
        }
        // A speech elsewhere, or to the next meeting, keeps the statement's day.
        assert_eq!(
            role(
                "قال الوزير اليوم السبت في كلمته أمام البرلمان إن البلاد بخير.",
                "السبت"
            ),
            Role::Speech
        );
    }

    #[test]
    fn nothing_around_means_unknown() {
        assert_eq!(role("كان الطقس جميلا يوم الخميس.", "الخميس"), Role::Unknown);
    }
}
