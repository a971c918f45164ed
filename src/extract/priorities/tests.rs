//! Every priority cue, context word and agenda mark proves itself on two sentences of its own
//! (`tests/data/priority_cues.tsv`); then the phenomena: side remarks, background, the coalition's
//! name, and words that share letters with a topic.

use crate::extract::{Analysis, Field, Role, extract};
use crate::lexicon::cues::CueSet;
use crate::lexicon::gazetteer::Gazetteer;

/// The topics (or types) a text yields as its reading, sorted.
pub(crate) fn reading(text: &str, field: Field) -> Vec<String> {
    let mut out: Vec<String> = extract(text, Gazetteer::builtin())
        .claims
        .into_iter()
        .filter(|c| c.field == field && c.role == Role::Reading)
        .map(|c| c.value.key())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Checks a cue-example file (`group<TAB>cue<TAB>value<TAB>positive<TAB>negative`) against the
/// built-in cues of `groups`: every cue has a row, every row a cue, each positive yields its
/// value and each negative does not; a cue whose tag is the value itself (a topic or a type)
/// must be the evidence of a claim of it in its positive. Returns every failure.
pub(crate) fn check_examples(file: &str, groups: &[&str], field: Field) -> Vec<String> {
    let mut failures = Vec::new();
    let rows: Vec<&str> = file
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    let mut sorted = rows.clone();
    sorted.sort();
    if rows != sorted {
        failures.push("rows are not sorted".to_owned());
    }
    let cues = CueSet::builtin().cues();
    let mut seen = std::collections::HashSet::new();
    for row in &rows {
        let cols: Vec<&str> = row.split('\t').collect();
        let [group, phrase, value, positive, negative] = cols[..] else {
            failures.push(format!("bad row {row:?}"));
            continue;
        };
        if !seen.insert((group, phrase)) {
            failures.push(format!("duplicate row {group} {phrase}"));
        }
        let Some(cue) = cues.iter().find(|c| c.group == group && c.phrase == phrase) else {
            failures.push(format!("{group} {phrase}: no such cue in data/cues.tsv"));
            continue;
        };
        let got = reading(positive, field);
        if !got.iter().any(|v| v == value) {
            failures.push(format!(
                "{phrase}: positive yields {got:?}, not {value}: {positive}"
            ));
        }
        let got = reading(negative, field);
        if got.iter().any(|v| v == value) {
            failures.push(format!("{phrase}: negative yields {value}: {negative}"));
        }
        let spans = |text: &str| {
            let an = Analysis::new(text, Gazetteer::builtin());
            an.cues
                .iter()
                .chain(&an.topic_cues)
                .filter(|m| m.cue.group == group && m.cue.phrase == phrase)
                .map(|m| an.evidence(m.span.clone()))
                .collect::<Vec<_>>()
        };
        let in_positive = spans(positive);
        if in_positive.is_empty() && spans(negative).is_empty() {
            failures.push(format!("{phrase}: the cue matches neither sentence"));
        }
        let own_value = cue.tag.split(['?', '@']).next() == Some(value);
        if own_value {
            let claims = extract(positive, Gazetteer::builtin()).claims;
            let evidenced = in_positive.iter().any(|ev| {
                claims.iter().any(|c| {
                    c.field == field
                        && c.role == Role::Reading
                        && c.value.key() == value
                        && c.evidence == *ev
                })
            });
            if !evidenced {
                failures.push(format!(
                    "{phrase}: not the evidence of {value} in: {positive}"
                ));
            }
        }
    }
    for c in cues.iter().filter(|c| groups.contains(&c.group.as_str())) {
        if !seen.contains(&(c.group.as_str(), c.phrase.as_str())) {
            failures.push(format!("{} {}: no test sentences", c.group, c.phrase));
        }
    }
    failures
}

#[test]
fn every_priority_cue_fires_on_its_sentence_and_not_on_ordinary_arabic() {
    let failures = check_examples(
        include_str!("../../../tests/data/priority_cues.tsv"),
        &["priority", "priority_context", "priority_frame"],
        Field::Priorities,
    );
    assert!(
        failures.is_empty(),
        "{} failure(s):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn every_topic_tag_is_a_contract_topic_and_every_class_exists() {
    const TOPICS: &[&str] = &[
        "detainees",
        "repatriation",
        "reintegration",
        "coordination",
        "military_campaign",
        "stabilization",
        "counter_financing",
        "foreign_fighters",
        "counter_messaging",
        "counter_terrorism_capacity",
        "humanitarian",
        "political_settlement",
        "counter_extremism",
    ];
    let cues = CueSet::builtin().cues();
    let classes: std::collections::HashSet<&str> = cues
        .iter()
        .filter(|c| c.group == "priority_context")
        .map(|c| c.tag.split(':').next().unwrap_or(""))
        .chain(["doc"])
        .collect();
    for c in cues.iter().filter(|c| c.group == "priority") {
        let rule = super::Rule::parse(&c.tag);
        assert!(TOPICS.contains(&rule.topic), "{}: {}", c.phrase, c.tag);
        for class in rule.needs.split('|').filter(|s| !s.is_empty()) {
            assert!(
                classes.contains(class),
                "{}: unknown class {class}",
                c.phrase
            );
        }
    }
}

fn topics(text: &str) -> Vec<String> {
    reading(text, Field::Priorities)
}

#[test]
fn a_list_of_priorities_gives_each_topic() {
    let text = "وجدد المشاركون أولوياتهم: تأمين محتجزي داعش، واستعادة الدول لرعاياها، وإعادة دمج \
                العائلات من مخيمي الهول وروج، ومواصلة التنسيق مع بغداد ودمشق.";
    assert_eq!(
        topics(text),
        vec!["coordination", "detainees", "reintegration", "repatriation"]
    );
}

#[test]
fn a_camp_name_needs_a_camp() {
    assert!(topics("وروج الناشطون للحملة عبر الإذاعة المحلية.").is_empty());
    assert!(
        topics("ويروج التنظيم لأفكاره عبر الشبكة.")
            .iter()
            .all(|t| t != "reintegration")
    );
    assert_eq!(
        topics("وبحث الاجتماع أوضاع العائلات في مخيم روج."),
        vec!["reintegration"]
    );
}

#[test]
fn custody_of_a_narrator_is_not_detention() {
    assert!(topics("والخبر على عهدة الراوي، كما قال المشاركون في الاجتماع.").is_empty());
    assert_eq!(
        topics("وأقر المشاركون بنقل المعتقلين إلى عهدة السلطات العراقية."),
        vec!["detainees"]
    );
}

#[test]
fn money_for_travel_is_neither_financing_nor_foreign_fighters() {
    let text = "وقال المنظمون إن الأموال المخصصة للسفر والإقامة وصلت قبل الاجتماع الخاص بمكافحة داعش.";
    assert!(topics(text).is_empty(), "{:?}", topics(text));
    let text = "وأكد الوزراء التزامهم بمكافحة تمويل الإرهاب والسفر والدعاية.";
    assert_eq!(
        topics(text),
        vec!["counter_financing", "counter_messaging", "foreign_fighters"]
    );
}

#[test]
fn bare_common_words_need_their_context() {
    for text in [
        "وأكد المجتمعون تعزيز الأمن والاستقرار في المنطقة.",
        "وشدد البيان على تحقيق الاستقرار في أسواق الطاقة.",
        "وأشاد المشاركون بالدعاية الجيدة للمؤتمر.",
        "وبحث الاجتماع السفر الجوي بين البلدين.",
        "واتفق الوزراء على التنسيق في المواقف داخل المنظمات الدولية.",
        "وناقش الاجتماع تمويل مشاريع المياه في الريف.",
        "ورحب المشاركون بالاندماج المدني والعسكري للفصائل.",
    ] {
        assert!(topics(text).is_empty(), "{text}: {:?}", topics(text));
    }
}

#[test]
fn a_delegates_own_comment_is_a_side_remark() {
    let text = "وقال دبلوماسي أوروبي حضر الجلسات إن ملف مخيم الهول سيبقى مفتوحا.";
    assert!(topics(text).is_empty(), "{:?}", topics(text));
    let text = "وأكد وزير الخارجية الفرنسي أن بلاده تدعم مكافحة تمويل داعش.";
    assert!(topics(text).is_empty(), "{:?}", topics(text));
}

#[test]
fn a_source_reporting_the_agenda_is_the_agenda() {
    let text = "وأفاد مصدر دبلوماسي بأن الاجتماع تناول مسألة المقاتلين الأجانب.";
    assert_eq!(topics(text), vec!["foreign_fighters"]);
    let text = "وقال مسؤول إن المشاركين بحثوا إعادة الإعمار في المناطق المحررة من داعش.";
    assert_eq!(topics(text), vec!["stabilization"]);
}

#[test]
fn background_and_analysts_are_side_remarks() {
    for text in [
        "وكان التحالف قد أطلق حملته العسكرية ضد داعش قبل سنوات.",
        "وتأسس التحالف في أيلول لمواجهة داعش وقطع مصادر تمويله.",
        "يذكر أن الدول الأعضاء استعادت بعض رعاياها من مخيمات داعش في السابق.",
        "ويرى مراقبون أن ملف المحتجزين سيبقى عالقا لسنوات.",
        "ويقول محللون إن دعاية داعش تراجعت على الإنترنت.",
    ] {
        assert!(topics(text).is_empty(), "{text}: {:?}", topics(text));
    }
}

#[test]
fn the_coalitions_name_is_not_its_military_campaign() {
    let text = "عقد التحالف الدولي لدحر داعش اجتماعه في روما.";
    assert!(topics(text).is_empty(), "{:?}", topics(text));
    let text = "وتعهد تحالف محاربة داعش بدعم الاستقرار في المناطق المحررة.";
    assert_eq!(topics(text), vec!["stabilization"]);
    assert_eq!(
        topics("وأكد الوزراء مواصلة محاربة داعش في أفريقيا."),
        vec!["military_campaign"]
    );
    assert_eq!(
        topics("التحالف الدولي: قتال داعش يبقى أولويتنا"),
        vec!["military_campaign"]
    );
}

#[test]
fn coordination_needs_iraq_syria_or_partner_forces() {
    assert_eq!(
        topics("وأكد البيان مواصلة التنسيق الوثيق مع كل من دمشق وبغداد."),
        vec!["coordination"]
    );
    assert_eq!(
        topics("وبحث الاجتماع التعاون بين التحالف والحكومة العراقية."),
        vec!["coordination"]
    );
    assert!(topics("وبحث الاجتماع التعاون مع فرنسا في مجال الثقافة.").is_empty());
}

#[test]
fn the_group_called_the_organisation_needs_its_article() {
    assert_eq!(
        topics("وتعهد الوزراء بقطع مصادر تمويل التنظيم."),
        vec!["counter_financing"]
    );
    assert!(topics("وناقش الاجتماع مصادر تمويل تنظيم المهرجان.").is_empty());
}

#[test]
fn repatriation_wordings_with_clitics_and_pronouns() {
    for text in [
        "ودعا البيان الدول إلى استعادة مواطنيها من مخيمات داعش.",
        "وشدد المشاركون على إعادة رعاياهم المحتجزين لدى قسد بعد هزيمة داعش.",
        "وبحث الاجتماع نقل نساء داعش وإعادتهن إلى بلدانهن.",
        "وأكد الوزراء أهمية ترحيل الرعايا الأجانب من سجون داعش.",
    ] {
        assert!(
            topics(text).contains(&"repatriation".to_owned()),
            "{text}: {:?}",
            topics(text)
        );
    }
}
