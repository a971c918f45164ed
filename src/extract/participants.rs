//! Who took part: `participants`, one claim per person or country the article says took part,
//! attended, spoke at the meeting or was represented. The chairs are participants too: the
//! chair extractor (`super::chairs`) claims them as it finds them.
//!
//! Participation cues come from `data/cues.tsv` (group `participation`); their tag says where the
//! participants stand:
//! - `verb` (شارك، حضر، يشارك): after the verb, or before it in the same clause;
//! - `with` (بمشاركة، بحضور) and `represent` (ممثلين عن، وفود من): after the cue;
//! - `of` (مشاركة، حضور): the name right after it ("مشاركة سوريا");
//! - `speak` (كلمته، مداخلته، أمام الاجتماع): the speaker before it, in a sentence about a meeting;
//! - `speak_verb` (ألقى): between the verb and the speech (`speak` or `speech_noun`: كلمة، خطاب),
//!   or before;
//! - `represent_verb` (مثّل بلاده) and a delegation head (group `chair`, `ChairCue::Delegation`):
//!   either side.
//!
//! A stretch ends at the end of its sentence, at a word that opens a clause or a topic
//! (`data/common_words.tsv`: الذي، أن، لبحث، حول…), or at a cue that starts something else (a
//! statement, a chair, another participation cue). Countries are read as participants only
//! where they are not governed by a preposition ("لبحث الأوضاع في العراق وسوريا", "المبعوث إلى
//! سوريا"), not inside a named person's title, and not cities other than capitals. A negated cue
//! ("لم يشارك", "عدم مشاركة") names nobody.

use std::ops::Range;

use super::chairs::names::{NameLexicon, WordClass, people_in};
use super::chairs::{ChairCue, chair_cue, standing_countries};
use super::field::Field;
use super::{Analysis, Claim, Entity, Value};
use crate::lexicon::cues::CueMatch;

/// How far a participant list runs from its cue, in words, at most.
const FORWARD_WORDS: usize = 40;
/// How far back a clause's subject may stand from its verb, in words, at most.
const BACKWARD_WORDS: usize = 12;

/// Where a cue's participants stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    After,
    Both,
    Before,
    Next,
    Speech,
    /// A host verb: the person who hosts takes part ("الاجتماع الذي يستضيفه وزير الخارجية
    /// الإيطالي"); a place that hosts does not.
    Host,
    /// "على هامش الاجتماع": the people who met on the sidelines of a meeting attended it.
    Aside,
}

/// Participants other than the chairs, whom `super::chairs::extract` claims as participants as
/// it finds them.
pub fn extract(an: &Analysis, out: &mut Vec<Claim>) {
    let lex = NameLexicon::builtin();
    for m in &an.cues {
        let scope = match (m.group(), m.tag()) {
            ("chair", _) => match chair_cue(an, m) {
                Some(ChairCue::Delegation) => Scope::Both,
                _ => continue,
            },
            ("participation", "verb" | "represent_verb") => Scope::Both,
            ("participation", "with" | "represent") => Scope::After,
            ("participation", "of") => Scope::Next,
            ("participation", "speak") => Scope::Before,
            ("participation", "speak_verb") => Scope::Speech,
            ("host", "verb") => Scope::Host,
            ("participation", "aside") => Scope::Aside,
            _ => continue,
        };
        if negated(an, m, lex) || inside_chair_cue(an, m) {
            continue;
        }
        let sentence = an.sentence_range(m.span.start);
        // A speech counts where the sentence is about a meeting, or says it was made before one
        // ("أمام المجتمعين").
        let about_meeting = || {
            let (s0, s1) = (an.token_at(sentence.start), an.token_at(sentence.end));
            an.cues_in(s0..s1).any(|c| {
                c.group() == "meeting"
                    || (c.group() == "participation"
                        && c.tag() == "speak"
                        && c.cue.phrase.starts_with("أمام"))
            })
        };
        let mut found: Vec<(Entity, Range<usize>)> = Vec::new();
        match scope {
            Scope::After => found.extend(participants(an, forward(an, m, &sentence))),
            Scope::Aside if !aside_of_meeting(an, m) => {}
            Scope::Host | Scope::Aside => {
                let person = |(e, _): &(Entity, Range<usize>)| !is_country(&e.id);
                found.extend(
                    participants(an, backward(an, m, &sentence))
                        .into_iter()
                        .filter(person),
                );
                found.extend(
                    participants(an, forward(an, m, &sentence))
                        .into_iter()
                        .filter(person),
                );
            }
            Scope::Both => {
                found.extend(participants(an, backward(an, m, &sentence)));
                found.extend(participants(an, forward(an, m, &sentence)));
            }
            Scope::Before => {
                if about_meeting() {
                    let before = participants(an, backward(an, m, &sentence));
                    if before.is_empty() {
                        let fronted = participants(an, fronted(an, m, &sentence));
                        if fronted.is_empty() {
                            // "قال الرئيس فلان إن … في كلمته": the sentence's speaker.
                            found.extend(speaker(an, m, &sentence));
                        }
                        found.extend(fronted);
                    }
                    found.extend(before);
                }
            }
            // "مشاركة إيران في الحرب", "حضور الدولة في المناطق المحررة" are no meeting's.
            Scope::Next => {
                if about_meeting() {
                    found.extend(next_to(an, m, &sentence));
                }
            }
            Scope::Speech => {
                // "ألقى وزير الخارجية … كلمة": the speaker stands before the speech.
                let last = an.token_at(sentence.end).min(m.tokens.end + 8);
                let speech = an.cues_in(m.tokens.end..last).find(|c| {
                    c.group() == "participation" && matches!(c.tag(), "speak" | "speech_noun")
                });
                if let Some(speech) = speech
                    && about_meeting()
                {
                    found.extend(participants(an, backward(an, m, &sentence)));
                    if m.span.end < speech.span.start {
                        found.extend(participants(an, m.span.end..speech.span.start));
                    }
                }
            }
        }
        for (entity, span) in found {
            out.push(an.claim(Field::Participants, Value::Entity(entity), span));
        }
    }
}

/// Whether "على هامش" is followed at once by a meeting ("على هامش الاجتماع", "على هامش
/// أعمال القمة") or by the taking part in one ("على هامش مشاركته في"), not by a visit or a
/// fair.
fn aside_of_meeting(an: &Analysis, m: &CueMatch) -> bool {
    an.cues_in(m.tokens.end..m.tokens.end + 2).any(|c| {
        c.tokens.start <= m.tokens.end + 1
            && ((c.group() == "meeting" && c.tag() == "noun")
                || (c.group() == "participation" && c.tag() == "of"))
    })
}

/// The person who opens a sentence of speech ("قال الرئيس فلان …", "وأكد وزير الخارجية فلان
/// …"): the first named person after a speech verb that starts the sentence, before `m`.
fn speaker(an: &Analysis, m: &CueMatch, sentence: &Range<usize>) -> Vec<(Entity, Range<usize>)> {
    let first = an.token_at(sentence.start);
    let Some(verb) = an
        .cues_in(first..first + 2)
        .find(|c| c.group() == "speech" && c.tokens.start <= first + 1)
    else {
        return Vec::new();
    };
    let people = people_in(an, verb.span.end..m.span.start);
    people
        .into_iter()
        .take(1)
        .filter(|p| {
            p.span.start
                < an.tokens
                    .get(verb.tokens.end + 6)
                    .map_or(usize::MAX, |t| t.end)
        })
        .map(|p| (p.entity, p.span))
        .collect()
}

/// Whether an entity id is a country's (ISO 3166-1 alpha-2), not a person's.
fn is_country(id: &str) -> bool {
    id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase())
}

/// "لم يشارك", "عدم مشاركة", "دون حضور".
fn negated(an: &Analysis, m: &CueMatch, lex: &NameLexicon) -> bool {
    m.tokens.start > 0
        && lex.common(an.tokens[m.tokens.start - 1].text(an.key())) == Some(WordClass::Negation)
}

/// "شارك في رئاسته": a participation word inside a chairing cue is the chair's.
fn inside_chair_cue(an: &Analysis, m: &CueMatch) -> bool {
    m.group() != "chair"
        && an
            .cues_in(m.tokens.start.saturating_sub(4)..m.tokens.end)
            .any(|c| {
                c.group() == "chair"
                    && c.tokens.start < m.tokens.end
                    && m.tokens.start < c.tokens.end
            })
}

/// Whether a cue starts something other than the participant list before it.
fn ends_list(m: &CueMatch) -> bool {
    match m.group() {
        "participation" => !matches!(m.tag(), "speech_noun" | "delegation_noun" | "group"),
        "chair" => true,
        "speech" => m.tag() != "stance",
        _ => false,
    }
}

/// From the cue to the end of its list: the sentence's end or a cue that starts something else.
fn forward(an: &Analysis, m: &CueMatch, sentence: &Range<usize>) -> Range<usize> {
    let last = an
        .token_at(sentence.end)
        .min(m.tokens.end + FORWARD_WORDS)
        .max(m.tokens.end);
    let by_cue = an
        .cues_in(m.tokens.end..last)
        .find(|c| ends_list(c))
        .map_or(last, |c| c.tokens.start);
    let stop = (m.tokens.end..by_cue)
        .find(|&t| opens_clause(an, t))
        .unwrap_or(by_cue);
    let end = if stop > m.tokens.end {
        an.tokens[stop - 1].end
    } else {
        m.span.end
    };
    m.span.end..end.max(m.span.end)
}

/// "الذي", "حيث", "أن", "لبحث", "حول": a word that opens a clause or a topic.
fn opens_clause(an: &Analysis, t: usize) -> bool {
    matches!(
        NameLexicon::builtin().common(an.tokens[t].text(an.key())),
        Some(WordClass::Clause | WordClass::Topic)
    )
}

/// From the start of the cue's clause (the sentence's start, a comma, or a cue that ends
/// something else) to the cue.
fn backward(an: &Analysis, m: &CueMatch, sentence: &Range<usize>) -> Range<usize> {
    let key = an.key();
    let first = an
        .token_at(sentence.start)
        .max(m.tokens.start.saturating_sub(BACKWARD_WORDS));
    let mut start = first;
    for t in (first..m.tokens.start).rev() {
        let gap = &key[an.tokens[t].end..an.tokens[t + 1].start];
        if gap.contains([',', ';', ':']) {
            start = t + 1;
            break;
        }
        if opens_clause(an, t) {
            start = t + 1;
            break;
        }
        if let Some(c) = an
            .cues_in(t.saturating_sub(4)..t + 1)
            .filter(|c| c.tokens.start <= t && t < c.tokens.end && ends_list(c))
            .last()
            && c.span != m.span
        {
            start = c.tokens.end;
            break;
        }
    }
    if start >= m.tokens.start {
        return m.span.start..m.span.start;
    }
    an.tokens[start].start..m.span.start
}

/// "وفي كلمته أمام الاجتماع، شدد رئيس الوفد المصري على …": a phrase put first, then a comma, the
/// verb and its subject, which runs to the next preposition or clause.
fn fronted(an: &Analysis, m: &CueMatch, sentence: &Range<usize>) -> Range<usize> {
    let key = an.key();
    let lex = NameLexicon::builtin();
    let last = an.token_at(sentence.end);
    let Some(comma) = (m.tokens.end..last.min(m.tokens.end + 4))
        .find(|&t| t > 0 && key[an.tokens[t - 1].end..an.tokens[t].start].contains(','))
    else {
        return 0..0;
    };
    // The token at `comma` is the verb; its subject follows.
    let from = comma + 1;
    let mut to = from;
    while to < last.min(from + 10) {
        let word = an.tokens[to].text(key);
        let ends = an
            .cues_in(to..to + 1)
            .any(|c| ends_list(c) && c.tokens.start == to);
        if ends || opens_clause(an, to) || lex.governs(word) {
            break;
        }
        to += 1;
    }
    if to == from {
        return 0..0;
    }
    an.tokens[from].start..an.tokens[to - 1].end
}

/// "مشاركة سوريا", "حضور وزير الخارجية الصيني فلان": the person or country right after the cue.
fn next_to(an: &Analysis, m: &CueMatch, sentence: &Range<usize>) -> Vec<(Entity, Range<usize>)> {
    let Some(next) = an.tokens.get(m.tokens.end) else {
        return Vec::new();
    };
    if next.start >= sentence.end || !an.key()[m.span.end..next.start].trim().is_empty() {
        return Vec::new();
    }
    let to = an.token_at(sentence.end).min(m.tokens.end + 10);
    let region = m.span.end..an.tokens[to.max(m.tokens.end + 1) - 1].end;
    let people = people_in(an, region.clone());
    if let Some(p) = people
        .into_iter()
        .find(|p| p.title.as_ref().map_or(p.span.start, |t| t.start) <= next.end)
    {
        return vec![(p.entity, p.span)];
    }
    participants(an, next.start..next.end.max(region.end.min(next.end)))
        .into_iter()
        .filter(|(_, span)| span.start < next.end)
        .take(1)
        .collect()
}

/// The people and countries named in a stretch of text.
fn participants(an: &Analysis, region: Range<usize>) -> Vec<(Entity, Range<usize>)> {
    if region.start >= region.end {
        return Vec::new();
    }
    let people = people_in(an, region.clone());
    let mut out: Vec<(Entity, Range<usize>)> = people
        .iter()
        .map(|p| (p.entity.clone(), p.span.clone()))
        .collect();
    out.extend(standing_countries(
        an,
        an.entities_in(region),
        &people,
        |t| represented(an, t),
    ));
    out
}

/// "ممثلين عن السعودية", "بمشاركة من مصر": a country right after such a cue stands for itself.
fn represented(an: &Analysis, t: usize) -> bool {
    t > 0
        && an.cues_in(t.saturating_sub(3)..t).any(|c| {
            c.group() == "participation"
                && matches!(c.tag(), "represent" | "with")
                && c.tokens.end == t
        })
}

#[cfg(test)]
mod tests {
    use crate::extract::{Field, Value, extract};
    use crate::lexicon::gazetteer::Gazetteer;

    fn participants(text: &str) -> Vec<String> {
        let mut out: Vec<String> = extract(text, Gazetteer::builtin())
            .claims
            .into_iter()
            .filter(|c| c.field == Field::Participants)
            .filter_map(|c| match c.value {
                Value::Entity(e) => Some(e.id),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[track_caller]
    fn has(text: &str, want: &[&str]) {
        let got = participants(text);
        for w in want {
            assert!(
                got.iter().any(|g| g == w),
                "want {w}, got {got:?} in {text}"
            );
        }
    }

    #[track_caller]
    fn exactly(text: &str, want: &[&str]) {
        assert_eq!(participants(text), want, "in {text}");
    }

    #[track_caller]
    fn nobody(text: &str) {
        exactly(text, &[]);
    }

    #[test]
    fn taking_part_and_attending() {
        exactly(
            "وشارك في الاجتماع وزير الخارجية الأردني أيمن الصفدي.",
            &["ayman-safadi"],
        );
        exactly(
            "وكان وزير الخارجية المصري بدر عبد العاطي قد شارك في الاجتماع.",
            &["badr-abdelatty"],
        );
        exactly("شاركت مصر والأردن في الاجتماع.", &["EG", "JO"]);
        exactly("يشارك العراق في الاجتماع المقبل.", &["IQ"]);
        exactly("تشارك الكويت في أعمال الاجتماع.", &["KW"]);
        exactly(
            "سيشارك وزير الخارجية التركي هاكان فيدان في الاجتماع.",
            &["hakan-fidan"],
        );
        exactly("ستشارك قطر في الاجتماع المقبل.", &["QA"]);
        exactly(
            "حضر الاجتماع وزير الخارجية الفرنسي جان نويل بارو.",
            &["jean-noel-barrot"],
        );
        exactly("وحضر الاجتماع ممثلون عن السعودية ومصر.", &["EG", "SA"]);
        exactly(
            "يحضر الاجتماع وزير الخارجية السوري أسعد الشيباني.",
            &["asaad-al-shaibani"],
        );
        exactly("تحضر ألمانيا الاجتماع بوفد رفيع.", &["DE"]);
        exactly("سيحضر روبيو الاجتماع الوزاري.", &["marco-rubio"]);
        exactly("ستحضر إيفيت كوبر الاجتماع الوزاري.", &["yvette-cooper"]);
        exactly("اشترك في الاجتماع وزراء خارجية تركيا والأردن.", &["JO", "TR"]);
    }

    #[test]
    fn a_person_who_hosts_takes_part_a_place_does_not() {
        exactly(
            "ويناقش الاجتماع، الذي يستضيفه وزير الخارجية الإيطالي أنتونيو تاياني، ملف ليبيا.",
            &["antonio-tajani"],
        );
        exactly(
            "استضاف وزير الخارجية الأردني أيمن الصفدي اجتماع المجموعة المصغرة.",
            &["ayman-safadi"],
        );
        nobody("تستضيف الرياض الاجتماع الوزاري المقبل.");
        nobody("استضافت الأردن اجتماع المجموعة المصغرة.");
    }

    #[test]
    fn people_who_meet_on_the_sidelines_of_a_meeting_attend_it() {
        exactly(
            "والتقى وزير الخارجية الأمريكي ماركو روبيو على هامش الاجتماع نظيره التركي هاكان فيدان.",
            &["hakan-fidan", "marco-rubio"],
        );
        exactly(
            "وقال وزير الخارجية الأردني أيمن الصفدي للصحفيين على هامش الجلسة إن الحوار مستمر.",
            &["ayman-safadi"],
        );
        has(
            "التقى الرئيس رجب طيب أردوغان على هامش أعمال القمة الرئيس إيمانويل ماكرون.",
            &["emmanuel-macron", "recep-tayyip-erdogan"],
        );
        nobody("والتقى وزير الخارجية الأردني أيمن الصفدي على هامش زيارته رئيس الوزراء.");
    }

    #[test]
    fn the_speaker_of_a_sentence_gives_his_speech_at_the_meeting() {
        exactly(
            "قال الرئيس عبد الفتاح السيسي اليوم إن المنطقة تمر بظرف صعب، وذلك في كلمته أمام القمة العربية.",
            &["abdel-fattah-el-sisi"],
        );
        exactly(
            "ألقى الرئيس الأمريكي دونالد ترامب كلمة أمام وزراء خارجية التحالف الذين اجتمعوا في واشنطن.",
            &["donald-trump"],
        );
    }

    #[test]
    fn with_the_participation_or_presence_of() {
        exactly(
            "عقد الاجتماع بمشاركة تركيا والعراق والأردن.",
            &["IQ", "JO", "TR"],
        );
        exactly(
            "افتتح الاجتماع بحضور وزير الخارجية الفرنسي جان نويل بارو.",
            &["jean-noel-barrot"],
        );
        exactly("افتتح الاجتماع أمس وحضور سفير الولايات المتحدة.", &["US"]);
        exactly("عقد الاجتماع إلى جانب مشاركة الأردن.", &["JO"]);
        exactly("انطلق الاجتماع وسط مشاركة قطر والكويت.", &["KW", "QA"]);
        exactly("أكد المتحدث أهمية مشاركة العراق في الاجتماع.", &["IQ"]);
        nobody("انتقد البيان مشاركة إيران في الحرب.");
        nobody("طالب الوزير بتعزيز حضور تركيا في المنطقة.");
        exactly(
            "لفت حضور وزير الخارجية الصيني وانغ يي الاجتماع الأنظار.",
            &["wang-yi"],
        );
        // The participants are the people; their titles' countries are theirs.
        exactly(
            "بمشاركة وزير الخارجية العراقي فؤاد حسين ونظيره التركي هاكان فيدان.",
            &["fuad-hussein", "hakan-fidan"],
        );
        // Two titles, one name: the first minister's country takes part too.
        exactly(
            "بحضور وزير الخارجية السعودي ووزير الخارجية الأمريكي ماركو روبيو.",
            &["SA", "marco-rubio"],
        );
    }

    #[test]
    fn speaking_at_the_meeting() {
        exactly(
            "وقال روبيو في كلمته أمام الاجتماع إن التنظيم لم يهزم.",
            &["marco-rubio"],
        );
        exactly(
            "وقال فيدان خلال كلمته في الاجتماع إن التعاون ضروري.",
            &["hakan-fidan"],
        );
        exactly(
            "وأكد وزير الخارجية الأمريكي في كلمة أمام الاجتماع أن العمل مستمر.",
            &["US"],
        );
        exactly(
            "وشدد الصفدي خلال كلمة في الجلسة الافتتاحية على أهمية التنسيق.",
            &["ayman-safadi"],
        );
        exactly(
            "وأوضح بوريطة في مداخلته خلال الاجتماع أن المغرب ملتزم.",
            &["nasser-bourita"],
        );
        exactly(
            "ودعت إيفيت كوبر في مداخلة أمام المجتمعين إلى مزيد من الدعم.",
            &["yvette-cooper"],
        );
        exactly(
            "وتحدث فيدان أمام المشاركين عن الوضع الميداني.",
            &["hakan-fidan"],
        );
        exactly(
            "وفي كلمته أمام الاجتماع، شدد وزير الخارجية الأردني أيمن الصفدي على أهمية التنسيق.",
            &["ayman-safadi"],
        );
        exactly(
            "وفي كلمته خلال الجلسة، قال رئيس وفد العراق إن الحرب لم تنته.",
            &["IQ"],
        );
        exactly(
            "وتحدث روبيو أمام المؤتمر عن الوضع الميداني.",
            &["marco-rubio"],
        );
        exactly(
            "وتحدث الصفدي أمام القمة عن الوضع الميداني.",
            &["ayman-safadi"],
        );
        exactly(
            "وألقى وزير الخارجية التركي هاكان فيدان كلمة في الجلسة الافتتاحية للاجتماع.",
            &["hakan-fidan"],
        );
        exactly(
            "وألقت وزيرة الخارجية البريطانية إيفيت كوبر خطاباً أمام الاجتماع.",
            &["yvette-cooper"],
        );
        exactly(
            "وألقيا فيدان والصفدي كلمتين في افتتاح الاجتماع.",
            &["ayman-safadi", "hakan-fidan"],
        );
        exactly(
            "ويلقي وزير الخارجية الأردني أيمن الصفدي كلمة في الاجتماع.",
            &["ayman-safadi"],
        );
    }

    #[test]
    fn a_speech_elsewhere_or_a_statement_is_not_taking_part() {
        nobody("وقال روبيو في كلمة أمام البرلمان إن الميزانية كافية.");
        nobody("ألقى الأمن القبض على مشتبه به في بغداد.");
        nobody("وقالت واشنطن إن الاجتماع كان ناجحاً.");
        nobody("وأكدت الخارجية الفرنسية في بيان أن الاجتماع مهم.");
    }

    #[test]
    fn represented_countries() {
        exactly("شارك ممثلون عن الأردن والعراق في الاجتماع.", &["IQ", "JO"]);
        exactly("حضر ممثلون من قطر والكويت.", &["KW", "QA"]);
        exactly("شارك مندوب عن مصر في الجلسة.", &["EG"]);
        exactly("وصلت وفود من الأردن والعراق إلى الرياض.", &["IQ", "JO"]);
        exactly("وصل وفد من تونس إلى الاجتماع.", &["TN"]);
        exactly(
            "حضر الاجتماع نيابة عن قطر وزير الدولة للشؤون الخارجية.",
            &["QA"],
        );
        exactly(
            "ومثّل بلاده في الاجتماع وزير الخارجية العراقي فؤاد حسين.",
            &["fuad-hussein"],
        );
        exactly(
            "ومثّلت بلادها في المؤتمر وزيرة الخارجية البريطانية إيفيت كوبر.",
            &["yvette-cooper"],
        );
        exactly("ويمثل بلاده في الاجتماع هاكان فيدان.", &["hakan-fidan"]);
        exactly("وتمثل بلادها في الاجتماع كايا كالاس.", &["kaja-kallas"]);
    }

    #[test]
    fn delegation_heads_take_part() {
        exactly(
            "ترأس وزير الخارجية العراقي فؤاد حسين وفد بلاده إلى الاجتماع.",
            &["fuad-hussein"],
        );
        exactly(
            "ترأس الوفد السعودي نائب وزير الخارجية وليد الخريجي.",
            &["SA", "waleed-al-khuraiji"],
        );
        has(
            "وشارك في الاجتماع وفد سعودي برئاسة نائب وزير الخارجية وليد الخريجي.",
            &["SA", "waleed-al-khuraiji"],
        );
        has(
            "يرأس وفد المملكة المغربية ناصر بوريطة.",
            &["MA", "nasser-bourita"],
        );
        exactly(
            "يترأس وفد بلاده إلى الاجتماع وزير الخارجية الأردني أيمن الصفدي.",
            &["ayman-safadi"],
        );
        exactly(
            "تترأس وفد بريطانيا وزيرة الخارجية إيفيت كوبر.",
            &["GB", "yvette-cooper"],
        );
        exactly(
            "وكان على رأس وفد بلاده وزير الخارجية الأردني أيمن الصفدي.",
            &["ayman-safadi"],
        );
        exactly(
            "وقال رئيس وفد تركيا هاكان فيدان إن العمل مستمر.",
            &["TR", "hakan-fidan"],
        );
        exactly(
            "وصرحت رئيسة وفد بريطانيا إيفيت كوبر بأن العمل مستمر.",
            &["GB", "yvette-cooper"],
        );
        exactly(
            "ترأس بعثة بلاده في الاجتماع وزير الخارجية الأردني أيمن الصفدي.",
            &["ayman-safadi"],
        );
        exactly("وقال رئيس بعثة العراق إن العمل مستمر.", &["IQ"]);
        has(
            "ترأس الجانب الأمريكي في المحادثات ماركو روبيو.",
            &["marco-rubio"],
        );
        has(
            "يترأس الجانب التركي في المباحثات هاكان فيدان.",
            &["hakan-fidan"],
        );
        has(
            "وقال رئيس الجانب العراقي فؤاد حسين إن المحادثات مثمرة.",
            &["fuad-hussein"],
        );
    }

    #[test]
    fn chairs_take_part() {
        exactly(
            "ترأس الاجتماع وزير الخارجية الأمريكي ماركو روبيو ووزير الخارجية السعودي فيصل بن فرحان.",
            &["faisal-bin-farhan", "marco-rubio"],
        );
        exactly("وتترأس فرنسا إلى جانب بريطانيا الاجتماع.", &["FR", "GB"]);
    }

    #[test]
    fn topics_destinations_and_places_do_not_take_part() {
        nobody("شارك في الاجتماع ممثلو 60 دولة لبحث الأوضاع في العراق وسوريا.");
        exactly(
            "وشارك المبعوث الأمريكي إلى سوريا توم باراك في الاجتماع.",
            &["tom-barrack"],
        );
        exactly("وشارك المبعوث الأمريكي الخاص إلى سوريا في الاجتماع.", &["US"]);
        nobody("شارك المشاركون في اجتماع مدريد الوزاري.");
        nobody("بمشاركة 80 دولة، عقد الاجتماع في العاصمة الإسبانية مدريد.");
        nobody("عقد الاجتماع بمشاركة واسعة لمناقشة الأزمة السورية.");
    }

    #[test]
    fn ordinary_words_that_share_letters_with_taking_part() {
        nobody("أحضر الطالب كتابه إلى المدرسة.");
        nobody("نسي الموظف كلمة السر.");
        nobody("ألقى التقرير الضوء على الأزمة.");
        nobody("تعاني دول مثل بلادنا من الإرهاب.");
        nobody("انتقد البيان مشاركة إيران في الحرب.");
    }

    #[test]
    fn a_date_line_is_not_taking_part() {
        exactly("عمّان (بترا) - شارك الأردن في الاجتماع.", &["JO"]);
        exactly("القاهرة - شارك الأردن في الاجتماع.", &["JO"]);
    }

    #[test]
    fn a_negated_cue_names_nobody() {
        nobody("لم يشارك وزير الخارجية الروسي سيرغي لافروف في الاجتماع.");
        nobody("لن تشارك روسيا في الاجتماع.");
        nobody("أعلن المنظمون عدم مشاركة إيران.");
        nobody("عقد الاجتماع دون حضور روسيا.");
    }

    #[test]
    fn sidelines_and_patronage_are_not_taking_part() {
        nobody("وعلى هامش الاجتماع، التقى فيدان نظيره العراقي فؤاد حسين.");
        nobody("واستقبل الصفدي وزير الخارجية العراقي فؤاد حسين.");
        nobody("عقد الاجتماع تحت رعاية وزير الخارجية المصري بدر عبد العاطي.");
        nobody("أقيم الحفل برعاية وزير الخارجية القطري.");
    }

    #[test]
    fn unknown_people_take_part_by_name() {
        exactly(
            "بحضور الجنرال الأمريكي كيفن مارلو والعميد العراقي سامر الدليمي.",
            &["ar:سامر الدليمي", "ar:كيفن مارلو"],
        );
        exactly(
            "بمشاركة جون هاريسون ومحمد الدوري.",
            &["ar:جون هاريسون", "ar:محمد الدوري"],
        );
        nobody("بحضور عدد من المسؤولين والخبراء.");
    }

    #[test]
    fn evidence_is_the_name_alone() {
        let text = "وشارك في الاجتماع وزير الخارجية الأردني أيمن الصفدي وممثلون عن مصر.";
        let claims: Vec<_> = extract(text, Gazetteer::builtin())
            .claims
            .into_iter()
            .filter(|c| c.field == Field::Participants)
            .map(|c| c.evidence.text)
            .collect();
        assert_eq!(claims, vec!["أيمن الصفدي", "مصر"]);
    }
}
