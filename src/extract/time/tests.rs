//! Tests of the article's own day and of relative days, on short sentences written for them.

use crate::extract::{Claim, Role as ClaimRole, extract as extract_all};
use crate::lexicon::gazetteer::Gazetteer;

fn claims(text: &str, field: &str) -> Vec<Claim> {
    extract_all(text, Gazetteer::builtin())
        .claims
        .into_iter()
        .filter(|c| c.field.name() == field)
        .collect()
}

/// The distinct values of a field.
fn values(text: &str, field: &str) -> Vec<String> {
    let mut out: Vec<String> = claims(text, field).iter().map(|c| c.value.key()).collect();
    out.sort();
    out.dedup();
    out
}

fn one(text: &str, field: &str) -> String {
    let got = values(text, field);
    assert_eq!(got.len(), 1, "{field} in {text:?}: {got:?}");
    got.into_iter().next().unwrap_or_default()
}

/// The one claim of `field` with value `value`.
fn claim(text: &str, field: &str, value: &str) -> Claim {
    let all = claims(text, field);
    let found = all.iter().find(|c| c.value.key() == value).cloned();
    assert!(found.is_some(), "{field} = {value} in {text}: {all:?}");
    found.unwrap_or_else(|| unreachable!())
}

fn note(text: &str, field: &str, value: &str) -> String {
    claim(text, field, value).note.unwrap_or_default()
}

// The article's own day: date lines.

#[test]
fn dateline_city_date_agency() {
    let text = "الرباط 14 مارس 2021 (وكالة المغرب العربي) - عقد وزراء الخارجية اجتماعا في الرباط.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
    let c = claim(text, "published_date", "2021-03-14");
    assert_eq!(c.evidence.text, "14 مارس 2021");
    assert!(values(text, "meeting_date").is_empty());
}

#[test]
fn dateline_city_comma_weekday_date() {
    let text = "عنوان الخبر\n\nبيروت، الأحد 14 آذار 2021 – «جريدة»\n\nانتهى لقاء الوفود.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
    assert_eq!(one(text, "published_weekday"), "sunday");
}

#[test]
fn dateline_city_in_date_agency() {
    let text = "تونس في 14 مارس 2021 (وكالة تونس أفريقيا للأنباء) –\nاجتمع الوزراء في تونس.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
}

#[test]
fn dateline_city_agency_dash_gives_no_date() {
    let text = "عمان – «وكالة الأنباء»\n\nاجتمع الوزراء في عمان لبحث الأوضاع.";
    assert!(values(text, "published_date").is_empty());
    let text = "عمان (وكالة الأنباء) - اجتمع الوزراء في عمان لبحث الأوضاع.";
    assert!(values(text, "published_date").is_empty());
}

#[test]
fn dateline_city_agency_then_date() {
    let text = "الرياض (واس) 14 مارس 2021 - عقد الوزراء اجتماعهم.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
}

#[test]
fn dateline_with_a_place_the_gazetteer_does_not_know() {
    let text = "خبر\nوادي السلام، 14 مارس 2021 -\nانعقد في الرياض اجتماع للوزراء.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
}

#[test]
fn dateline_numeric_and_mixed_forms() {
    for (date, iso) in [
        ("14.03.2021", "2021-03-14"),
        ("14-03-2021", "2021-03-14"),
        ("14/3/2021", "2021-03-14"),
        ("2021/3/14", "2021-03-14"),
        ("14/مارس/2021", "2021-03-14"),
        ("الأحد/14/مارس/2021", "2021-03-14"),
        ("٢٠٢١/٣/١٤", "2021-03-14"),
    ] {
        let text = format!("القاهرة، {date} (وكالة) - التقى الوزراء في القاهرة.");
        assert_eq!(one(&text, "published_date"), iso, "{text}");
    }
    let text = "القاهرة، الأحد/14/مارس/2021 (وكالة) - التقى الوزراء.";
    assert_eq!(one(text, "published_weekday"), "sunday");
}

#[test]
fn hijri_dateline_with_and_without_its_gregorian_date() {
    // Umm al-Qura: 1 Ramadan 1444 = Thursday 23 March 2023.
    let text = "جدة، الخميس 1 رمضان 1444هـ الموافق 23 مارس 2023م (واس) - التقى الوزراء.";
    let got = claims(text, "published_date");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].value.key(), "2023-03-23");
    assert_eq!(got[0].evidence.text, "23 مارس 2023م");
    assert_eq!(one(text, "published_weekday"), "thursday");
    let text = "جدة، الخميس 1 رمضان 1444 هـ (واس) - التقى الوزراء.";
    assert_eq!(one(text, "published_date"), "2023-03-23");
    // A misspelt month: 10 Dhu al-Hijjah 1444 = 28 June 2023.
    let text = "مكة المكرمة، 10 ذي الحجه 1444هـ - التقى الوزراء.";
    assert_eq!(one(text, "published_date"), "2023-06-28");
}

// The article's own day: time stamps.

#[test]
fn time_stamp_weekday_date_and_clock() {
    let text = "عنوان\nالسبت ١٢ مارس ٢٠٢٢ الساعة ٣:٤٥ مساءً\nقال مسؤول إن الاجتماع عقد أمس.";
    assert_eq!(one(text, "published_date"), "2022-03-12");
    assert_eq!(one(text, "published_weekday"), "saturday");
    assert_eq!(one(text, "meeting_date"), "2022-03-11");
}

#[test]
fn time_stamp_after_publication_cues() {
    for stamp in [
        "نشر في: 14/03/2021 - 10:45 ص",
        "نُشر بتاريخ الأحد 14 مارس 2021",
        "آخر تحديث: ١٤ مارس ٢٠٢١ ٣:٤٥ م",
        "تاريخ النشر: 2021-03-14",
        "محدث 14.03.2021 GMT",
        "وآخر تحديث في 14 آذار 2021",
    ] {
        let text = format!("عنوان الخبر\n{stamp}\nوقال الوزير إن التحالف مستمر في عمله.");
        assert_eq!(one(&text, "published_date"), "2021-03-14", "{text}");
    }
}

#[test]
fn time_stamp_at_the_end_of_the_article() {
    let text = "قال الوزير إن التحالف مستمر.\nوأضاف أن العمل طويل.\n14 مارس 2021";
    assert_eq!(one(text, "published_date"), "2021-03-14");
    let text = "قال الوزير إن التحالف مستمر.\nنشر في 14 مارس 2021 10:45";
    assert_eq!(one(text, "published_date"), "2021-03-14");
}

#[test]
fn a_date_in_running_text_after_a_publication_verb_is_not_the_articles() {
    let text = "وأشار المتحدث في كلمة طويلة أمام الصحفيين إلى التقرير الذي نشر في 14 مارس 2021 عن أوضاع المخيمات في شمال البلاد.";
    assert!(values(text, "published_date").is_empty());
    // Nor is a body line that opens with a date and goes on as a sentence.
    let text = "عنوان\n\nمقدمة\n\nتمهيد\n\n14 مارس 2021 كان موعد انطلاق أعمال الجولة الثانية من المشاورات بين الأطراف.";
    assert!(values(text, "published_date").is_empty());
}

#[test]
fn joining_date_after_a_date_word_is_not_the_articles() {
    let text = "وانضم العراق إلى التحالف بتاريخ 10 أيلول 2014.";
    assert!(values(text, "published_date").is_empty());
}

// The article's own day: stated in the lead.

#[test]
fn today_with_weekday_and_date_in_the_lead() {
    let text = "قال الوزير اليوم الأحد 14 مارس 2021 إن التحالف ماض في عمله.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
    assert_eq!(one(text, "published_weekday"), "sunday");
    let c = claim(text, "published_date", "2021-03-14");
    assert_eq!(c.evidence.text, "اليوم الأحد 14 مارس 2021");
    // The meeting held that day has both.
    let text = "عقد وزراء التحالف اليوم الأحد 14 مارس 2021 اجتماعهم في الرياض.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
    assert_eq!(one(text, "meeting_date"), "2021-03-14");
    assert_eq!(one(text, "meeting_weekday"), "sunday");
}

#[test]
fn today_with_a_date_alone_in_the_lead() {
    let text = "أعلن الوزير اليوم، 14 مارس 2021، أن التحالف سيواصل عمله.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
}

// Relative days resolved against the article's own day.

const DATELINE: &str = "الرياض، 14 مارس 2021 (واس) -\n";

fn dated(lead: &str) -> String {
    format!("{DATELINE}{lead}")
}

#[test]
fn relative_days_become_dates() {
    let cases = [
        (
            "عقد وزراء التحالف اجتماعهم أمس في الرياض.",
            "2021-03-13",
            "yesterday",
        ),
        (
            "عقد وزراء التحالف اجتماعهم أول أمس في الرياض.",
            "2021-03-12",
            "the day before yesterday",
        ),
        (
            "يعقد وزراء التحالف اجتماعهم اليوم في الرياض.",
            "2021-03-14",
            "today",
        ),
        (
            "يعقد وزراء التحالف اجتماعهم غداً في الرياض.",
            "2021-03-15",
            "tomorrow",
        ),
        (
            "يعقد وزراء التحالف اجتماعهم بعد غد في الرياض.",
            "2021-03-16",
            "the day after tomorrow",
        ),
        (
            "عقد وزراء التحالف اجتماعهم قبل يومين في الرياض.",
            "2021-03-12",
            "the day before yesterday",
        ),
        (
            "عقد وزراء التحالف اجتماعهم قبل أسبوع في الرياض.",
            "2021-03-07",
            "1 week(s) before",
        ),
        (
            "يعقد وزراء التحالف اجتماعهم بعد أسبوعين في الرياض.",
            "2021-03-28",
            "2 week(s) after",
        ),
        (
            "عقد وزراء التحالف اجتماعهم في 9 من الشهر الجاري في الرياض.",
            "2021-03-09",
            "day 9 of this month",
        ),
        (
            "عقد وزراء التحالف اجتماعهم في الحادي عشر من الشهر الماضي.",
            "2021-02-11",
            "day 11 of last month",
        ),
    ];
    for (lead, iso, how) in cases {
        let text = dated(lead);
        assert_eq!(one(&text, "meeting_date"), iso, "{text}");
        assert_eq!(
            note(&text, "meeting_date", iso),
            format!("{how}, against the article's date 2021-03-14 (date line)"),
            "{text}"
        );
    }
}

#[test]
fn weekdays_with_last_and_next_become_dates() {
    // The article's day is Sunday 14 March 2021.
    let cases = [
        (
            "عقد الوزراء اجتماعهم الأحد الماضي في الرياض.",
            "2021-03-07",
            "sunday",
        ),
        (
            "عقد الوزراء اجتماعهم الخميس الماضي في الرياض.",
            "2021-03-11",
            "thursday",
        ),
        (
            "يعقد الوزراء الخميس المقبل اجتماعهم في الرياض.",
            "2021-03-18",
            "thursday",
        ),
        (
            "يعقد الوزراء الثلاثاء القادم اجتماعهم في الرياض.",
            "2021-03-16",
            "tuesday",
        ),
        (
            "عقد الوزراء اجتماعهم الأحد من الأسبوع الماضي في الرياض.",
            "2021-03-07",
            "sunday",
        ),
        (
            "يعقد الوزراء الاثنين من الأسبوع المقبل اجتماعهم في الرياض.",
            "2021-03-22",
            "monday",
        ),
    ];
    for (lead, iso, day) in cases {
        let text = dated(lead);
        assert_eq!(one(&text, "meeting_date"), iso, "{text}");
        assert_eq!(one(&text, "meeting_weekday"), day, "{text}");
        assert!(
            note(&text, "meeting_date", iso)
                .ends_with("against the article's date 2021-03-14 (date line)"),
            "{text}"
        );
    }
}

#[test]
fn yesterday_with_its_weekday_gives_the_weekday_and_the_date() {
    let text = "بيروت، 16 آذار 2021 -\nاجتمع الوزراء أمس الاثنين في بيروت.";
    assert_eq!(one(text, "meeting_weekday"), "monday");
    assert_eq!(one(text, "meeting_date"), "2021-03-15");
    let c = claim(text, "meeting_date", "2021-03-15");
    assert_eq!(c.evidence.text, "أمس الاثنين");
    assert_eq!(
        c.note.as_deref(),
        Some("yesterday monday, against the article's date 2021-03-16 (date line)")
    );
}

#[test]
fn without_the_articles_day_a_relative_day_gives_its_weekday_only() {
    let text = "اجتمع الوزراء أمس الاثنين في بيروت.";
    assert_eq!(one(text, "meeting_weekday"), "monday");
    assert!(values(text, "meeting_date").is_empty());
    let text = "اجتمع الوزراء أمس في بيروت.";
    assert!(values(text, "meeting_date").is_empty());
    assert!(values(text, "meeting_weekday").is_empty());
}

#[test]
fn with_only_the_articles_weekday_a_relative_day_gives_a_weekday() {
    let text = "قال مسؤول اليوم الخميس إن الاجتماع عقد أمس في الدوحة.";
    assert_eq!(one(text, "published_weekday"), "thursday");
    assert_eq!(one(text, "meeting_weekday"), "wednesday");
    assert_eq!(
        note(text, "meeting_weekday", "wednesday"),
        "yesterday, against the article's weekday thursday"
    );
}

#[test]
fn a_bare_weekday_resolves_back_for_a_report_and_forward_for_an_announcement() {
    // Thursday 18 March 2021.
    let head = "عمّان، 18 آذار 2021 -\n";
    let text = format!("{head}عُقد الاجتماع الأحد في عمّان بمشاركة الوزراء.");
    assert_eq!(one(&text, "meeting_weekday"), "sunday");
    assert_eq!(one(&text, "meeting_date"), "2021-03-14");
    let text = format!("{head}ستعقد الدول الأعضاء اجتماعها الأحد في عمّان.");
    assert_eq!(one(&text, "meeting_date"), "2021-03-21");
    let text = format!("{head}ومن المقرر أن يلتقي الوزراء الأحد في عمّان.");
    assert_eq!(one(&text, "meeting_date"), "2021-03-21");
    let text = format!("{head}تستضيف عمّان الأحد اجتماعا للوزراء.");
    assert_eq!(one(&text, "meeting_date"), "2021-03-21");
    // The same weekday as the article's: that very day for a report.
    let text = format!("{head}اختتم الاجتماع الخميس في عمّان.");
    assert_eq!(one(&text, "meeting_date"), "2021-03-18");
}

#[test]
fn eleven_is_not_sunday() {
    let text = "عقد وزراء الدول الأحد عشر اجتماعهم في عمّان.";
    assert!(values(text, "meeting_weekday").is_empty());
}

#[test]
fn a_week_or_the_start_of_a_month_gives_no_date() {
    for lead in [
        "عقد الوزراء اجتماعهم الأسبوع الماضي في الرياض.",
        "يعقد الوزراء اجتماعهم الأسبوع المقبل في الرياض.",
        "عقد الوزراء اجتماعهم مطلع الشهر في الرياض.",
        "عقد الوزراء اجتماعهم مطلع الشهر الجاري في الرياض.",
    ] {
        let text = dated(lead);
        assert!(values(&text, "meeting_date").is_empty(), "{text}");
        assert!(values(&text, "meeting_weekday").is_empty(), "{text}");
    }
}

#[test]
fn two_days_after_something_else_is_not_a_date() {
    let text = dated("عقد الوزراء اجتماعهم بعد يومين من تصريحات الوزير.");
    assert!(values(&text, "meeting_date").is_empty());
}

#[test]
fn first_of_a_month_and_the_word_month() {
    let head = "دمشق، 10 شباط 2026 -\n";
    let text = format!("{head}عُقد الاجتماع في أول شباط بدمشق.");
    assert_eq!(one(&text, "meeting_date"), "2026-02-01");
    let text = format!("{head}عُقد الاجتماع في 4 شهر شباط بدمشق.");
    assert_eq!(one(&text, "meeting_date"), "2026-02-04");
}

// The year of a year-less date.

#[test]
fn a_year_less_date_takes_the_year_its_weekday_fits() {
    // 15 August is a Friday in 2025 and a Thursday in 2024.
    let text = "القاهرة، 3 سبتمبر 2025 -\nعقد الاجتماع يوم الخميس 15 أغسطس في القاهرة.";
    assert_eq!(one(text, "meeting_date"), "2024-08-15");
    assert_eq!(
        note(text, "meeting_date", "2024-08-15"),
        "year 2024 is the nearest to the article's date 2025-09-03 (date line) in which 15 August is a thursday"
    );
    // 29 February is no Friday within six years of 2024.
    let text = "القاهرة، 5 مارس 2024 -\nعقد الاجتماع يوم الجمعة 29 فبراير في القاهرة.";
    assert_eq!(one(text, "meeting_date"), "--02-29");
}

#[test]
fn a_year_less_date_lies_before_a_report_and_after_an_announcement() {
    let head = "بيروت، 20 كانون الثاني 2026 -\n";
    let text = format!("{head}عُقد الاجتماع في 28 كانون الأول ببيروت.");
    assert_eq!(one(&text, "meeting_date"), "2025-12-28");
    let text = format!("{head}سيعقد الاجتماع في 5 شباط ببيروت.");
    assert_eq!(one(&text, "meeting_date"), "2026-02-05");
    assert_eq!(
        note(&text, "meeting_date", "2026-02-05"),
        "year 2026 from the article's date 2026-01-20 (date line): on or after it (an announcement)"
    );
    let text = format!("{head}عُقد الاجتماع في 5 شباط ببيروت.");
    assert_eq!(one(&text, "meeting_date"), "2025-02-05");
    let text = format!("{head}عُقد الاجتماع في 5 شباط الجاري ببيروت.");
    assert_eq!(one(&text, "meeting_date"), "2026-02-05");
}

// Hijri and Gregorian side by side.

#[test]
fn a_hijri_date_that_misses_its_gregorian_partner_is_a_mention() {
    let text = "عقد الاجتماع يوم الخميس 1 رمضان 1444هـ الموافق 23 مارس 2023م في جدة.";
    assert_eq!(one(text, "meeting_date"), "2023-03-23");
    assert!(
        claims(text, "meeting_date")
            .iter()
            .all(|c| c.role == ClaimRole::Reading)
    );
    // 2 Ramadan 1444 is 24 March by Umm al-Qura.
    let text = "عقد الاجتماع يوم الجمعة 2 رمضان 1444هـ الموافق 23 مارس 2023م في جدة.";
    let hijri = claim(text, "meeting_date", "2023-03-24");
    assert_eq!(hijri.role, ClaimRole::Mention);
    assert_eq!(
        claim(text, "meeting_date", "2023-03-23").role,
        ClaimRole::Reading
    );
}

#[test]
fn a_relative_day_far_from_the_meeting_or_in_a_quotation_is_not_its_day() {
    let text =
        dated("وعلق الوزير على الاجتماع في منشور قال فيه: \"إن بلادنا تقود اليوم جهود المنطقة\".");
    assert!(values(&text, "meeting_date").is_empty());
    let text = dated(
        "وأكد المشاركون في الاجتماع أهمية متابعة الملفات العالقة التي تناقشها الحكومات اليوم.",
    );
    assert!(values(&text, "meeting_date").is_empty());
}

#[test]
fn a_relative_day_of_the_statement_near_the_meetings_noun_is_not_its_day() {
    for sentence in [
        "ويُتوقع صدور البيان الختامي للقمة مساء اليوم.",
        "ومن المرتقب أن تنشر الأمانة بيان المؤتمر الختامي غدا.",
        "وينتظر الصحفيون إعلان نتائج الاجتماع في وقت لاحق اليوم.",
    ] {
        let text = dated(sentence);
        assert!(values(&text, "meeting_date").is_empty(), "{sentence}");
    }
}

#[test]
fn a_relative_day_after_a_long_subject_belongs_to_the_verb_of_its_clause() {
    for text in [
        "افتتح الأمير فيصل بن فرحان بن عبدالله وزير الخارجية اليوم الاجتماع الوزاري للتحالف.",
        "وترأس وزير الخارجية الأمريكي أنتوني بلينكن ونظيره السعودي أمس اجتماع التحالف.",
    ] {
        assert_eq!(values(&dated(text), "meeting_date").len(), 1, "{text}");
    }
    // The noun alone, with no meeting verb before the day, does not make it the meeting's day.
    let text = dated("وقال الأمير فيصل بن فرحان وزير الخارجية للصحفيين اليوم الاجتماع مثمر.");
    assert!(values(&text, "meeting_date").is_empty());
}

#[test]
fn the_day_of_taking_part_in_a_meeting_is_the_meetings() {
    let text =
        dated("دعا الوزير، خلال مشاركته أمس السبت في اجتماع وزراء التحالف، إلى دعم المدن المحررة.");
    assert_eq!(one(&text, "meeting_weekday"), "saturday");
    let text = dated(
        "شارك الوزير الأول أيمن بن عبد الرحمان، ممثلاً لرئيس الجمهورية، اليوم في أشغال القمة العربية.",
    );
    assert_eq!(values(&text, "meeting_date").len(), 1, "{text}");
    // Taking part in something else leaves the day alone.
    let text = dated("دعا الوزير، خلال مشاركته أمس في حفل الافتتاح، إلى دعم المدن المحررة.");
    assert!(values(&text, "meeting_weekday").is_empty());
}

#[test]
fn a_relative_day_right_after_the_meeting_in_which_something_happened() {
    let text = dated("اتفق وزراء الدفاع، في اجتماعهم أمس في بروكسل، على خطة جديدة.");
    assert_eq!(values(&text, "meeting_date").len(), 1, "{text}");
    let text = dated("وأعلنت هولندا خلال الاجتماع اليوم توسيع ضرباتها.");
    assert_eq!(values(&text, "meeting_date").len(), 1, "{text}");
    // The statement after the meeting, not the meeting, is this evening's.
    let text = dated("ويصدر بيان الاجتماع مساء اليوم.");
    assert!(values(&text, "meeting_date").is_empty());
}

#[test]
fn a_dateline_without_a_year_takes_it_from_its_weekday_and_the_years_the_text_names() {
    // 11 August is a Sunday in 2013, 2019 and 2024: the text names 2019.
    let text =
        "بغداد – الأحد 11 آب\nعقد وزراء التحالف اجتماعهم بعد القضاء على التنظيم في آذار 2019.";
    assert_eq!(one(text, "published_date"), "2019-08-11");
    // Without a weekday beside it, the weekday a relative day implies decides.
    let text = "القاهرة في 8 سبتمبر (أ ش أ) - تنطلق بعد غد الثلاثاء 10 سبتمبر أعمال الاجتماع \
                الوزاري، بعد القمة التي عقدت في مارس 2019.";
    assert_eq!(one(text, "published_date"), "2019-09-08");
    assert!(values(text, "meeting_date").contains(&"2019-09-10".to_owned()));
    // A text that names no year leaves it out.
    let text = "بغداد – الأحد 11 آب\nعقد وزراء التحالف اجتماعهم أمس.";
    assert!(
        values(text, "published_date")
            .iter()
            .all(|d| d.starts_with("--"))
    );
}

#[test]
fn dateline_of_an_agency_with_both_calendars_and_its_name_after() {
    // Umm al-Qura: 21 Shaban 1447 = Monday 9 February 2026.
    let text =
        "الرياض 21 شعبان 1447 هـ الموافق 09 فبراير 2026 م واس\nعقد وزراء التحالف اجتماعهم أمس.";
    let got = claims(text, "published_date");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].value.key(), "2026-02-09");
    assert_eq!(one(text, "meeting_date"), "2026-02-08");
    let text = "الرياض 10 فبراير 2026 واس\nعقد وزراء التحالف اجتماعهم أمس.";
    assert_eq!(one(text, "published_date"), "2026-02-10");
}

#[test]
fn time_stamp_with_the_clock_first() {
    let text = "عنوان\n10:45 ص، الأحد 14 مارس 2021\nقال الوزير إن العمل مستمر.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
    assert_eq!(one(text, "published_weekday"), "sunday");
    let text = "عنوان\nالأحد 14 مارس 2021 | 10:45\nقال الوزير إن العمل مستمر.";
    assert_eq!(one(text, "published_date"), "2021-03-14");
}

#[test]
fn a_year_less_date_with_no_tense_takes_the_nearest_year() {
    let head = "بيروت، 10 شباط 2026 -\n";
    let text = format!("{head}وأشار المتحدث إلى اجتماع 20 شباط في بيروت.");
    assert_eq!(one(&text, "meeting_date"), "2026-02-20");
    assert_eq!(
        note(&text, "meeting_date", "2026-02-20"),
        "year 2026 from the article's date 2026-02-10 (date line), the nearest"
    );
}

/// The rows of `data/calendar.tsv` of one kind, as (value, form).
fn rows(kind: &str) -> Vec<(&'static str, &'static str)> {
    crate::text::dates::CALENDAR_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            (cols.next()? == kind).then_some(())?;
            Some((cols.next()?, cols.next()?))
        })
        .collect()
}

#[test]
fn every_publication_cue_of_the_calendar_makes_a_time_stamp() {
    for (_, cue) in rows("stamp_cue") {
        for (_, link) in rows("stamp_link") {
            let text =
                format!("عنوان الخبر\n{cue} {link} 14 مارس 2021\nقال الوزير إن العمل مستمر.");
            assert_eq!(one(&text, "published_date"), "2021-03-14", "{text}");
        }
    }
    for (_, word) in rows("date_word") {
        let text = format!("وقال الوزير في بيان {word} 14 مارس 2021 إن العمل مستمر.");
        assert_eq!(one(&text, "published_date"), "2021-03-14", "{text}");
    }
    for (_, word) in rows("clock_lead") {
        let text = format!(
            "عنوان\nالأحد 14 مارس 2021 {word} 3:45\nقال الوزير إن العمل مستمر في عمان كما كان."
        );
        assert_eq!(one(&text, "published_date"), "2021-03-14", "{text}");
    }
    for (_, word) in rows("clock_word") {
        let text = format!("عنوان\n10:45 {word}، الأحد 14 مارس 2021\nقال الوزير إن العمل مستمر.");
        assert_eq!(one(&text, "published_date"), "2021-03-14", "{text}");
    }
}

#[test]
fn every_word_of_an_announcement_looks_forward() {
    // Thursday 18 March 2021: a Sunday announced is the 21st, a Sunday reported the 14th.
    let head = "عمّان، 18 آذار 2021 -\n";
    let mut words = Vec::new();
    for (_, word) in rows("future") {
        if let Some(verb) = word.strip_suffix('*') {
            for form in [verb.to_owned(), format!("س{verb}")] {
                // With the future prefix the verb is no meeting cue of its own (cues.tsv):
                // the meeting's noun later in the sentence gives the role.
                let text = format!("{head}{form} الدول الأعضاء الأحد في عمّان ضمن اجتماعات التحالف.");
                assert_eq!(one(&text, "meeting_date"), "2021-03-21", "{text}");
            }
        } else if ["تلتئم", "تلتقي", "يلتئم", "يلتقي", "يلتقون"].contains(&word)
        {
            let text = format!("{head}{word} الوفود الأحد في عمّان.");
            assert_eq!(one(&text, "meeting_date"), "2021-03-21", "{text}");
        } else {
            words.push(word);
        }
    }
    let sentences = [
        ("المرتقب", "ومن المرتقب أن يبدأ الاجتماع الأحد في عمّان."),
        (
            "المرتقبة",
            "والمشاركة المرتقبة للوزراء في الاجتماع الأحد بعمّان تحظى باهتمام.",
        ),
        (
            "المزمع",
            "يبحث الاجتماع المزمع عقده الأحد في عمّان ملف المخيمات.",
        ),
        ("المقرر", "ومن المقرر أن يجتمع الوزراء الأحد في عمّان."),
        ("المنتظر", "ومن المنتظر أن يبدأ الاجتماع الأحد في عمّان."),
        ("المتوقع", "ومن المتوقع أن يبدأ الاجتماع الأحد في عمّان."),
        ("سوف", "وقال إن الاجتماع سوف يبدأ الأحد في عمّان."),
        ("يرتقب", "يرتقب أن يبدأ الاجتماع الأحد في عمّان."),
        ("يتوقع", "يتوقع أن يبدأ الاجتماع الأحد في عمّان."),
        ("يعتزم", "يعتزم الوزراء بدء الاجتماع الأحد في عمّان."),
        ("تعتزم", "تعتزم الدول بدء الاجتماع الأحد في عمّان."),
    ];
    for word in words {
        let Some((_, sentence)) = sentences.iter().find(|(w, _)| *w == word) else {
            panic!("no sentence for {word}");
        };
        let text = format!("{head}{sentence}");
        assert_eq!(one(&text, "meeting_date"), "2021-03-21", "{text}");
    }
    let text = format!("{head}بدأ الاجتماع الأحد في عمّان.");
    assert_eq!(one(&text, "meeting_date"), "2021-03-14", "{text}");
}
