//! Every meeting-type cue proves itself on two sentences of its own
//! (`tests/data/meeting_type_cues.tsv`); then the wordings of each type and the rules between them.

use crate::extract::Field;
use crate::extract::priorities::tests::{check_examples, reading};

fn types(text: &str) -> Vec<String> {
    reading(text, Field::MeetingType)
}

#[test]
fn every_meeting_type_cue_fires_on_its_sentence_and_not_on_ordinary_arabic() {
    let failures = check_examples(
        include_str!("../../../tests/data/meeting_type_cues.tsv"),
        &["meeting_type"],
        Field::MeetingType,
    );
    assert!(
        failures.is_empty(),
        "{} failure(s):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn defence_ministers_in_their_wordings() {
    for text in [
        "اجتمع وزراء الدفاع في التحالف الدولي ببروكسل.",
        "عقد اجتماع وزراء دفاع التحالف في روما.",
        "استضافت عمان اجتماعا وزاريا لوزراء الدفاع في التحالف.",
        "انطلقت أعمال التحالف على مستوى وزراء الدفاع.",
    ] {
        assert_eq!(types(text), vec!["defence_ministers"], "{text}");
    }
}

#[test]
fn chiefs_of_staff_in_their_wordings() {
    for text in [
        "عقد رؤساء الأركان في دول التحالف اجتماعهم.",
        "اجتمع رؤساء أركان الجيوش المشاركة في التحالف.",
        "التقى قادة جيوش التحالف في الرياض.",
        "عقد رؤساء هيئات الأركان العامة في التحالف اجتماعا.",
    ] {
        assert_eq!(types(text), vec!["chiefs_of_staff"], "{text}");
    }
}

#[test]
fn the_small_group_in_its_wordings() {
    for text in [
        "اجتمعت المجموعة المصغّرة للتحالف في الرياض.",
        "عقدت المجموعة الصغيرة في التحالف اجتماعها.",
        "استضافت باريس اجتماعا وزاريا مصغرا للتحالف.",
        "انعقد الاجتماع الوزاري المصغر للتحالف في واشنطن.",
        "عقد وزراء خارجية المجموعة المصغرة اجتماعا.",
        "عقد كبار المسؤولين في المجموعة المصغرة للتحالف اجتماعاً في لندن.",
        "بدأ في روما الاجتماع الوزاري للمجموعة المصغرة من التحالف الدولي.",
        "التقى وزراء المجموعة المصغرة من دول التحالف في باريس.",
    ] {
        assert_eq!(types(text), vec!["small_group"], "{text}");
    }
}

#[test]
fn political_directors_and_senior_officials() {
    for text in [
        "التقى المديرون السياسيون في التحالف الدولي.",
        "عقد اجتماع المدراء السياسيين للتحالف في الرياض.",
        "استضافت روما اجتماع مديري الشؤون السياسية في دول التحالف.",
    ] {
        assert_eq!(types(text), vec!["political_directors"], "{text}");
    }
    assert_eq!(
        types("استضافت جدة اجتماعا لكبار المسؤولين في التحالف."),
        vec!["senior_officials"]
    );
}

#[test]
fn ministerial_in_its_wordings() {
    for text in [
        "عقد وزراء خارجية التحالف اجتماعهم في جدة.",
        "استضافت الكويت الاجتماع الوزاري للتحالف.",
        "عقد التحالف اجتماعه على المستوى الوزاري.",
        "انطلق اجتماع التحالف على مستوى وزراء الخارجية.",
    ] {
        assert_eq!(types(text), vec!["ministerial"], "{text}");
    }
}

#[test]
fn summits_of_other_organisations() {
    for text in [
        "انطلقت أعمال القمة العربية في الرياض.",
        "اختتمت القمة الخليجية أعمالها في الكويت.",
        "عقدت قمة مجلس التعاون لدول الخليج العربية في مسقط.",
        "افتتحت القمة الإسلامية أعمالها في مكة.",
        "انعقد مؤتمر القمة العربية في بغداد.",
        "اجتمع الملوك والرؤساء العرب في القاهرة.",
    ] {
        assert_eq!(types(text), vec!["summit"], "{text}");
    }
}

#[test]
fn conferences_and_expert_meetings_are_other() {
    for text in [
        "انطلق في بروكسل مؤتمر المانحين لدعم سوريا.",
        "عقد الاجتماع الفني للجنة المشتركة في بغداد.",
        "اجتمعت مجموعة العمل الخاصة بالمقاتلين الأجانب في لاهاي.",
        "انعقد مجلس وزراء الداخلية العرب في تونس.",
        "افتتح المنتدى الدولي لمكافحة الإرهاب في الدوحة.",
    ] {
        assert_eq!(types(text), vec!["other"], "{text}");
    }
}

#[test]
fn a_more_specific_type_absorbs_a_general_one() {
    // A preparatory meeting of foreign ministers for a summit is a ministerial.
    assert_eq!(
        types("عقد وزراء الخارجية العرب اجتماعا تحضيريا للقمة."),
        vec!["ministerial"]
    );
    // Experts of the small group are the small group.
    assert_eq!(
        types("عقد اجتماع على مستوى الخبراء للمجموعة المصغرة للتحالف."),
        vec!["small_group"]
    );
}

#[test]
fn the_occasion_on_whose_sidelines_a_meeting_is_held_is_a_mention() {
    assert_eq!(
        types("عقد وزراء خارجية التحالف اجتماعا على هامش القمة العربية."),
        vec!["ministerial"]
    );
    assert_eq!(
        types("وعلى هامش اجتماعات الجمعية العامة عقد التحالف اجتماعا."),
        Vec::<String>::new()
    );
}

#[test]
fn words_that_only_look_like_a_type() {
    for text in [
        "شارك وزير الدفاع في اجتماع الحكومة.",
        "عقد رئيس الأركان مؤتمرا صحفيا بعد الاجتماع.",
        "وضع الاجتماع ملف المحتجزين على قمة أولوياته.",
        "اجتمع زعماء العشائر في الأنبار.",
        "اجتمعت مجموعة صغيرة من الصحفيين مع الوزير.",
    ] {
        assert!(types(text).is_empty(), "{text}: {:?}", types(text));
    }
}
