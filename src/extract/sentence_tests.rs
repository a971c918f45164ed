//! Extraction on short sentences written for these tests: one phenomenon each.

use super::{Role, Value, extract};
use crate::lexicon::gazetteer::Gazetteer;

fn values(text: &str, field: &str) -> Vec<String> {
    let mut out: Vec<String> = extract(text, Gazetteer::builtin())
        .claims
        .into_iter()
        .filter(|c| c.field.name() == field)
        .map(|c| c.value.key())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn has(text: &str, field: &str, want: &str) {
    let got = values(text, field);
    assert!(
        got.iter().any(|v| v == want),
        "{field}: want {want}, got {got:?} in {text}"
    );
}

/// No reading of `field`: a value of something else may stay as a mention.
fn lacks(text: &str, field: &str) {
    let got: Vec<String> = extract(text, Gazetteer::builtin())
        .claims
        .into_iter()
        .filter(|c| c.field.name() == field && c.role == Role::Reading)
        .map(|c| c.value.key())
        .collect();
    assert!(
        got.is_empty(),
        "{field}: want nothing, got {got:?} in {text}"
    );
}

#[test]
fn weekday_of_the_meeting_not_of_the_statement() {
    let text = "عقد وزراء الخارجية اجتماعهم في عمّان يوم الأحد. وقال المتحدث في بيان الثلاثاء إن النتائج مشجعة.";
    assert_eq!(values(text, "meeting_weekday"), vec!["sunday"]);
}

#[test]
fn yesterday_resolves_the_articles_own_day() {
    let text = "قال مسؤول اليوم الخميس إن الاجتماع الذي عقد أمس الأربعاء في الدوحة كان ناجحاً.";
    has(text, "meeting_weekday", "wednesday");
    has(text, "published_weekday", "thursday");
}

#[test]
fn a_date_without_year_takes_the_dateline_year() {
    let text = "الدوحة، 3 كانون الثاني 2027\nانعقد في الدوحة يوم 28 كانون الأول اجتماع المديرين السياسيين للتحالف.";
    has(text, "meeting_date", "2026-12-28");
    has(text, "published_date", "2027-01-03");
}

#[test]
fn hijri_meeting_date_becomes_gregorian() {
    let text = "استضافت جدة يوم 1 رمضان 1447 هـ اجتماعاً لكبار المسؤولين في التحالف.";
    has(text, "meeting_date", "2026-02-18");
}

#[test]
fn egyptian_and_maghrebi_months() {
    has(
        "عقد الاجتماع في القاهرة يوم 5 يونيه 2026.",
        "meeting_date",
        "2026-06-05",
    );
    has(
        "انعقد الاجتماع بالرباط يوم 5 جوان 2026.",
        "meeting_date",
        "2026-06-05",
    );
    has(
        "انعقد الاجتماع في تونس يوم ٥ فيفري ٢٠٢٦.",
        "meeting_date",
        "2026-02-05",
    );
}

#[test]
fn joining_date_is_not_the_meeting_date() {
    let text = "انضمت الدولة إلى التحالف في تشرين الثاني 2025 لتصبح عضواً فيه.";
    lacks(text, "meeting_date");
    // It stays as a mention that says what it dates.
    let claims = extract(text, Gazetteer::builtin()).claims;
    let joined = claims
        .iter()
        .find(|c| c.field.name() == "meeting_date")
        .expect("the joining date is kept");
    assert_eq!(joined.role, Role::Mention);
    assert!(
        joined
            .note
            .as_deref()
            .is_some_and(|n| n.contains("another dated event"))
    );
}

#[test]
fn meeting_types() {
    has(
        "اجتمع وزراء الدفاع في التحالف الدولي ببروكسل.",
        "meeting_type",
        "defence_ministers",
    );
    has(
        "عقد رؤساء الأركان في دول التحالف اجتماعهم.",
        "meeting_type",
        "chiefs_of_staff",
    );
    has(
        "التقى المديرون السياسيون في التحالف الدولي.",
        "meeting_type",
        "political_directors",
    );
    has(
        "عقد الاجتماع الوزاري للتحالف في روما.",
        "meeting_type",
        "ministerial",
    );
}

#[test]
fn senior_officials_of_the_small_group_is_the_small_group() {
    let text = "عقد كبار المسؤولين في المجموعة المصغرة للتحالف اجتماعاً في لندن.";
    assert_eq!(values(text, "meeting_type"), vec!["small_group"]);
}

#[test]
fn a_single_minister_attending_is_not_a_ministerial() {
    let text = "شارك وزير الخارجية في اجتماع المديرين السياسيين للتحالف.";
    assert_eq!(values(text, "meeting_type"), vec!["political_directors"]);
}

#[test]
fn host_from_hosting_verb_and_from_in() {
    has(
        "استضافت الكويت اجتماع التحالف الدولي.",
        "host_country",
        "KW",
    );
    has(
        "عقد اجتماع التحالف الدولي في العاصمة القطرية الدوحة.",
        "host_city",
        "Doha",
    );
    has(
        "عقد اجتماع التحالف الدولي في العاصمة القطرية الدوحة.",
        "host_country",
        "QA",
    );
    has("اختتمت في بغداد أعمال الاجتماع.", "host_city", "Baghdad");
}

#[test]
fn a_dateline_city_is_not_the_host() {
    let text = "القاهرة – وكالة أنباء\nعقد وزراء خارجية التحالف اجتماعهم في جدة يوم الخميس.";
    assert_eq!(values(text, "host_city"), vec!["Jeddah"]);
}

#[test]
fn the_capital_named_by_its_title_alone_is_the_date_lines_capital() {
    let text = "بيروت – وكالة أنباء\nانطلقت صباح اليوم بالعاصمة أعمال الاجتماع الوزاري.";
    assert_eq!(values(text, "host_city"), vec!["Beirut"]);
    let text = "الجزائر (وكالة) - افتتحت في العاصمة أشغال القمة العربية.";
    assert_eq!(values(text, "host_city"), vec!["Algiers"]);
    // Without a date line, the one country named before it.
    let text = "تستضيف المغرب الاجتماع الذي يعقد بالعاصمة الأسبوع المقبل.";
    assert_eq!(values(text, "host_city"), vec!["Rabat"]);
    // A capital with its name is that capital; one far from any meeting word is nothing.
    let text = "القاهرة – وكالة\nعقد الاجتماع في العاصمة الأردنية عمان.";
    assert_eq!(values(text, "host_city"), vec!["Amman"]);
    let text = "القاهرة – وكالة\nقال الوزير إن الطقس في العاصمة كان حارا.";
    assert!(values(text, "host_city").is_empty());
}

#[test]
fn a_meeting_near_a_city_is_in_its_country_not_in_it() {
    for text in [
        "اجتمع رؤساء أركان التحالف قرب واشنطن.",
        "عقد الاجتماع في قاعدة عسكرية بالقرب من العاصمة الأمريكية واشنطن.",
    ] {
        assert_eq!(values(text, "host_country"), vec!["US"], "{text}");
        assert!(values(text, "host_city").is_empty(), "{text}");
    }
}

#[test]
fn a_place_in_the_next_clause_is_the_meetings() {
    let text = "تنطلق غدا أعمال مجلس الجامعة على المستوى الوزاري، بمقر الأمانة العامة في القاهرة.";
    assert_eq!(values(text, "host_city"), vec!["Cairo"]);
    let text = "عقد الوزراء اجتماعهم، في العاصمة المغربية الرباط.";
    assert_eq!(values(text, "host_city"), vec!["Rabat"]);
    // A clause that goes on with something else keeps its place to itself.
    let text = "عقد الوزراء اجتماعهم، الذي تناول الأوضاع في ليبيا.";
    lacks(text, "host_country");
}

#[test]
fn a_chair_named_in_person_outweighs_the_country_they_stand_for() {
    let text = "الوزراء العرب يجتمعون برئاسة العراق\n\nيعقد الاجتماع برئاسة وزير الخارجية العراقي \
                محمد علي الحكيم.";
    assert_eq!(
        values(text, "co_chairs"),
        vec!["IQ", "mohammed-ali-al-hakim"]
    );
    let reading: Vec<String> = extract(text, Gazetteer::builtin())
        .claims
        .into_iter()
        .filter(|c| c.field.name() == "co_chairs" && c.role == Role::Reading)
        .map(|c| c.value.key())
        .collect();
    assert_eq!(reading, vec!["mohammed-ali-al-hakim"]);
}

#[test]
fn the_topic_of_a_meeting_is_not_its_host() {
    let text = "عقد التحالف اجتماعاً لبحث الأوضاع في سوريا.";
    lacks(text, "host_country");
}

#[test]
fn co_chairs_by_name_and_by_country() {
    let people = values(
        "ترأس الاجتماع وزير الخارجية الأمريكي ماركو روبيو ووزير الخارجية السعودي فيصل بن فرحان.",
        "co_chairs",
    );
    assert_eq!(people, vec!["faisal-bin-farhan+marco-rubio"]);
    has(
        "وترأست فرنسا إلى جانب المملكة المتحدة الاجتماع.",
        "co_chairs",
        "FR+GB",
    );
    has(
        "عقد الاجتماع برئاسة سعودية أمريكية مشتركة.",
        "co_chairs",
        "SA+US",
    );
}

#[test]
fn participants_are_not_chairs() {
    let text = "ترأس الاجتماع وزير الخارجية الأمريكي ماركو روبيو، بمشاركة وزير الخارجية السوري أسعد الشيباني.";
    assert_eq!(values(text, "co_chairs"), vec!["marco-rubio"]);
}

#[test]
fn an_unknown_chair_is_named_from_the_title() {
    let text = "ترأس الاجتماع وزير الخارجية العراقي سالم نوري الزبيدي.";
    let got = extract(text, Gazetteer::builtin())
        .claims
        .into_iter()
        .find(|c| c.field == super::Field::CoChairs)
        .expect("a chair claim");
    let Value::Entities(es) = got.value else {
        panic!("entities")
    };
    assert_eq!(es[0].id, "ar:سالم نوري الزبيدي");
    assert_eq!(es[0].country.as_deref(), Some("IQ"));
}

#[test]
fn member_counts_in_words_digits_and_ranks() {
    has("التحالف الذي يضم ستة وثمانين عضواً", "member_count", "86");
    has("أعضاء التحالف البالغ عددهم ٨٧ عضواً", "member_count", "87");
    has(
        "رحبوا بانضمامها بصفتها الدولة التسعين في التحالف",
        "member_count",
        "90",
    );
    has("انضمت بصفتها العضو الـ 88 في التحالف", "member_count", "88");
}

#[test]
fn attendance_is_not_membership() {
    lacks("عقد الاجتماع بمشاركة ممثلين عن 60 دولة.", "member_count");
    lacks("حضر الاجتماع وزراء 40 دولة.", "member_count");
}

#[test]
fn priorities_each_with_its_own_evidence() {
    let text = "وأكد المشاركون أولوياتهم: نقل المحتجزين، وإعادة رعايا الدول الثالثة، ومكافحة تمويل داعش، والتنسيق مع بغداد.";
    assert_eq!(
        values(text, "priorities"),
        vec![
            "coordination",
            "counter_financing",
            "detainees",
            "repatriation"
        ]
    );
}

#[test]
fn return_of_the_displaced_is_not_repatriation() {
    lacks("دعا البيان إلى عودة النازحين إلى قراهم.", "priorities");
}

#[test]
fn evidence_is_the_exact_original_text() {
    let text = "واستضافتْ الرياضُ يومَ الإثنينِ اجتماعاً.";
    let claims = extract(text, Gazetteer::builtin()).claims;
    for c in claims {
        assert_eq!(&text[c.evidence.start..c.evidence.end], c.evidence.text);
    }
}

#[test]
fn a_text_naming_very_many_meetings_is_a_survey_counted_up_to_a_bound() {
    let months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو"];
    let mut text = String::from("تاريخ اجتماعات التحالف\n\n");
    for year in 2001..2021 {
        for (m, month) in months.iter().enumerate() {
            text += &format!("عقد اجتماع في {} {month} {year}. ", m + 1);
        }
    }
    let doc = extract(&text, Gazetteer::builtin());
    match doc.meeting {
        super::Meeting::None { reason } => assert!(reason.contains("64 or more"), "{reason}"),
        super::Meeting::Reported => panic!("120 dates read as one meeting"),
    }
}
