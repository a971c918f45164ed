//! Tests of the date and weekday scanners, on short sentences written for them.

use super::*;
use crate::text::normalize::NormText;

/// Dates in `original` as (ISO, calendar, exact original substring).
fn dates(original: &str) -> Vec<(String, SourceCalendar, String)> {
    let norm = NormText::new(original);
    find_dates(norm.as_str())
        .into_iter()
        .map(|m| {
            (
                m.date.iso(),
                m.calendar,
                original[norm.to_original(m.span)].to_string(),
            )
        })
        .collect()
}

fn date(original: &str) -> (String, String) {
    let all = dates(original);
    assert_eq!(all.len(), 1, "{original}: {all:?}");
    let (iso, _, text) = all.into_iter().next().unwrap_or_else(|| unreachable!());
    (iso, text)
}

fn d(iso: &str, text: &str) -> (String, String) {
    (iso.to_string(), text.to_string())
}

/// Weekdays in `original` as (weekday, relative, exact original substring).
fn weekdays(original: &str) -> Vec<(Weekday, Option<Relative>, String)> {
    let norm = NormText::new(original);
    find_weekdays(norm.as_str())
        .into_iter()
        .map(|m| {
            (
                m.weekday,
                m.relative,
                original[norm.to_original(m.span)].to_string(),
            )
        })
        .collect()
}

fn weekday(original: &str) -> (Weekday, Option<Relative>, String) {
    let all = weekdays(original);
    assert_eq!(all.len(), 1, "{original}: {all:?}");
    all.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn w(day: Weekday, rel: Option<Relative>, text: &str) -> (Weekday, Option<Relative>, String) {
    (day, rel, text.to_string())
}

use Weekday::*;

#[test]
fn levantine_months() {
    let names = [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ];
    for (k, name) in names.iter().enumerate() {
        let text = format!("عقد اللقاء في 3 {name} 2025 بحضور الوزراء");
        assert_eq!(
            date(&text),
            d(&format!("2025-{:02}-03", k + 1), &format!("3 {name} 2025"))
        );
    }
}

#[test]
fn egyptian_and_gulf_months() {
    let names = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    for (k, name) in names.iter().enumerate() {
        let text = format!("وصل الوفد يوم 4 {name} 2024");
        assert_eq!(
            date(&text),
            d(&format!("2024-{:02}-04", k + 1), &format!("4 {name} 2024"))
        );
    }
    for (name, month) in [
        ("ابريل", 4),
        ("إبريل", 4),
        ("يونيه", 6),
        ("يوليه", 7),
        ("اغسطس", 8),
    ] {
        let text = format!("وصل الوفد في 4 {name} 2024");
        assert_eq!(
            date(&text),
            d(&format!("2024-{month:02}-04"), &format!("4 {name} 2024"))
        );
    }
}

#[test]
fn maghrebi_months() {
    let names = [
        "جانفي",
        "فيفري",
        "مارس",
        "أفريل",
        "ماي",
        "جوان",
        "جويلية",
        "أوت",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    for (k, name) in names.iter().enumerate() {
        let text = format!("انعقد المؤتمر في 5 {name} 2023");
        assert_eq!(
            date(&text),
            d(&format!("2023-{:02}-05", k + 1), &format!("5 {name} 2023"))
        );
    }
}

#[test]
fn hijri_months_convert_with_umm_al_qura() {
    assert_eq!(hijri_to_gregorian(1447, 9, 1), Some((2026, 2, 18)));
    let names = [
        "محرم",
        "صفر",
        "ربيع الأول",
        "ربيع الآخر",
        "جمادى الأولى",
        "جمادى الآخرة",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذو القعدة",
        "ذو الحجة",
    ];
    // The tenth of each month of 1446 by Umm al-Qura.
    let tenth = [
        "2024-07-16",
        "2024-08-14",
        "2024-09-13",
        "2024-10-13",
        "2024-11-12",
        "2024-12-11",
        "2025-01-10",
        "2025-02-09",
        "2025-03-10",
        "2025-04-08",
        "2025-05-08",
        "2025-06-06",
    ];
    for (name, want) in names.iter().zip(tenth) {
        let text = format!("في 10 {name} 1446 هـ كان الاجتماع");
        let all = dates(&text);
        assert_eq!(all.len(), 1, "{text}");
        assert_eq!(all[0].0, want, "{text}");
        assert_eq!(all[0].1, SourceCalendar::Hijri);
        assert_eq!(all[0].2, format!("10 {name} 1446 ه"));
    }
}

#[test]
fn hijri_forms() {
    assert_eq!(
        date("الأحد 1 رمضان 1447 هـ"),
        d("2026-02-18", "1 رمضان 1447 ه")
    );
    assert_eq!(date("في 1 رمضان 1447هـ"), d("2026-02-18", "1 رمضان 1447ه"));
    assert_eq!(
        date("في 1 رمضان 1447 للهجرة"),
        d("2026-02-18", "1 رمضان 1447 للهجرة")
    );
    assert_eq!(
        date("في 1 رمضان عام 1447"),
        d("2026-02-18", "1 رمضان عام 1447")
    );
    assert_eq!(
        date("في 1 ربيع الثاني 1447"),
        d("2025-09-23", "1 ربيع الثاني 1447")
    );
    assert_eq!(
        date("في 1 ذي الحجة 1446"),
        d("2025-05-28", "1 ذي الحجة 1446")
    );
    assert_eq!(
        date("في 1 جمادى الثانية 1447"),
        d("2025-11-22", "1 جمادى الثانية 1447")
    );
    assert_eq!(
        date("الموافق 21 شعبان 1447 هـ"),
        d("2026-02-09", "21 شعبان 1447 ه")
    );
}

#[test]
fn hijri_without_year_or_with_an_impossible_day_is_skipped() {
    assert!(dates("صام الناس في 3 رمضان").is_empty());
    assert!(dates("في شهر رمضان 1447").is_empty());
    assert!(dates("في 31 رمضان 1447").is_empty());
    assert!(dates("لقيت صفر نتائج").is_empty());
}

#[test]
fn paired_month_names() {
    assert_eq!(
        date("منذ أيلول/ سبتمبر 2014"),
        d("2014-09", "أيلول/ سبتمبر 2014")
    );
    assert_eq!(
        date("يوم 9 شباط/فبراير 2026"),
        d("2026-02-09", "9 شباط/فبراير 2026")
    );
    assert_eq!(
        date("في نوفمبر/تشرين الثاني 2025"),
        d("2025-11", "نوفمبر/تشرين الثاني 2025")
    );
    assert_eq!(
        date("في 9 شباط (فبراير) 2026"),
        d("2026-02-09", "9 شباط (فبراير) 2026")
    );
    assert_eq!(
        date("في 9 شباط (فبراير) الماضي"),
        d("--02-09", "9 شباط (فبراير) الماضي")
    );
    assert_eq!(
        date("حتى 9 شباط (فبراير)، ثم"),
        d("--02-09", "9 شباط (فبراير)")
    );
    // Names of different months are not a pair.
    let odd = dates("في 9 شباط/مارس 2026");
    assert_eq!(
        (odd[0].0.as_str(), odd[0].2.as_str()),
        ("--02-09", "9 شباط")
    );
}

#[test]
fn day_month_variants() {
    assert_eq!(date("يوم 9 من شباط"), d("--02-09", "9 من شباط"));
    assert_eq!(date("الموافق 9 شباط"), d("--02-09", "9 شباط"));
    assert_eq!(date("في 9 شباط الجاري"), d("--02-09", "9 شباط الجاري"));
    assert_eq!(
        date("في التاسع من شباط 2026"),
        d("2026-02-09", "التاسع من شباط 2026")
    );
    assert_eq!(
        date("في الأول من كانون الثاني"),
        d("--01-01", "الأول من كانون الثاني")
    );
    assert_eq!(date("في ٩ شباط ٢٠٢٦"), d("2026-02-09", "٩ شباط ٢٠٢٦"));
    assert_eq!(
        date("في 9 شباط من عام 2026"),
        d("2026-02-09", "9 شباط من عام 2026")
    );
    assert_eq!(date("و9 شباط 2026م"), d("2026-02-09", "9 شباط 2026م"));
    assert_eq!(date("في 9 شباط 2026 م"), d("2026-02-09", "9 شباط 2026 م"));
}

#[test]
fn month_and_year_without_day() {
    assert_eq!(
        date("في تشرين الثاني 2025 عقدت"),
        d("2025-11", "تشرين الثاني 2025")
    );
    assert_eq!(date("ومنذ فبراير 2026"), d("2026-02", "فبراير 2026"));
    assert_eq!(
        date("في شباط من العام 2026"),
        d("2026-02", "شباط من العام 2026")
    );
}

#[test]
fn a_year_or_a_month_alone_is_not_a_date() {
    assert!(dates("في عام 2025 تأسس التحالف").is_empty());
    assert!(dates("في سنة 2025 وسنة 2026").is_empty());
    assert!(dates("في شباط الماضي").is_empty());
    assert!(dates("مارس الضغط على الوفد").is_empty());
}

#[test]
fn numeric_dates() {
    assert_eq!(date("في 9/2/2026 عقد"), d("2026-02-09", "9/2/2026"));
    assert_eq!(date("في 09-02-2026 عقد"), d("2026-02-09", "09-02-2026"));
    assert_eq!(date("في 9.2.2026 عقد"), d("2026-02-09", "9.2.2026"));
    assert_eq!(date("في 8-06- 2023 عقد"), d("2023-06-08", "8-06- 2023"));
    assert_eq!(date("في 2026-02-09 عقد"), d("2026-02-09", "2026-02-09"));
    assert_eq!(date("في ٢٠٢٦/٠٢/٠٩ عقد"), d("2026-02-09", "٢٠٢٦/٠٢/٠٩"));
    assert_eq!(date("في 9/2/26 عقد"), d("2026-02-09", "9/2/26"));
    assert_eq!(date("في ۹/۲/۲۰۲۶ عقد"), d("2026-02-09", "۹/۲/۲۰۲۶"));
}

#[test]
fn numeric_hijri_dates() {
    assert_eq!(date("في 1/9/1447هـ"), d("2026-02-18", "1/9/1447ه"));
    assert_eq!(date("في 1/9/1447 هـ"), d("2026-02-18", "1/9/1447 ه"));
}

#[test]
fn numeric_non_dates() {
    assert!(dates("العنوان 1.2.3.4 والرقم 10.5.2").is_empty());
    assert!(dates("النتيجة 2-1 في 9/2").is_empty());
    assert!(dates("في 1.500.000 دولار").is_empty());
    assert!(dates("انظر البند 1.2.10").is_empty());
}

#[test]
fn impossible_days_are_rejected() {
    assert!(dates("في 31 شباط 2026").is_empty());
    assert!(dates("في 31/2/2026").is_empty());
    assert!(dates("في 29 شباط 2026").is_empty());
    assert_eq!(date("في 29 شباط 2024"), d("2024-02-29", "29 شباط 2024"));
    assert_eq!(date("في 29 شباط"), d("--02-29", "29 شباط"));
    assert!(dates("في 31 نيسان").is_empty());
    assert!(dates("في 32 آذار").is_empty());
}

#[test]
fn partial_date_iso_round_trip() {
    for s in ["2026-02-09", "--02-09", "2026-02", "2026", "--02", "---09"] {
        let p = PartialDate::parse_iso(s);
        assert_eq!(p.map(|p| p.iso()), Some(s.to_string()), "{s}");
    }
    for s in [
        "2026-02-30",
        "--02-30",
        "2026-13",
        "26-02-09",
        "2026-2-9",
        "",
        "x",
        "2026-02-09-1",
    ] {
        assert_eq!(PartialDate::parse_iso(s), None, "{s}");
    }
}

#[test]
fn partial_date_weekday_and_compatibility() {
    let full = PartialDate::full(2026, 2, 9).unwrap_or_default();
    assert_eq!(full.weekday(), Some(Monday));
    assert_eq!(weekday_of(full), Some(Monday));
    let no_year = PartialDate { year: None, ..full };
    assert_eq!(no_year.weekday(), None);
    assert!(full.compatible(&no_year));
    let other_day = PartialDate {
        day: Some(10),
        ..no_year
    };
    assert!(!full.compatible(&other_day));
    assert_eq!(PartialDate::full(2026, 2, 31), None);
}

#[test]
fn with_year_near_crosses_year_boundaries() {
    let norm = NormText::new("في 28 كانون الأول");
    let found = find_dates(norm.as_str());
    assert_eq!(found.len(), 1);
    let reference = jiff::civil::date(2026, 1, 3);
    assert_eq!(found[0].date.with_year_near(reference).iso(), "2025-12-28");
    let january = PartialDate::parse_iso("--01-02").unwrap_or_default();
    assert_eq!(
        january
            .with_year_near(jiff::civil::date(2025, 12, 30))
            .iso(),
        "2026-01-02"
    );
    let leap = PartialDate::parse_iso("--02-29").unwrap_or_default();
    assert_eq!(
        leap.with_year_near(jiff::civil::date(2025, 3, 1)).iso(),
        "2024-02-29"
    );
    let full = PartialDate::parse_iso("2020-05-05").unwrap_or_default();
    assert_eq!(full.with_year_near(reference), full);
}

#[test]
fn weekday_names_round_trip() {
    for day in ALL_WEEKDAYS {
        assert_eq!(parse_weekday_name(weekday_name(day)), Some(day));
    }
    assert_eq!(weekday_name(Monday), "monday");
    assert_eq!(parse_weekday_name("Sunday"), Some(Sunday));
    assert_eq!(parse_weekday_name("lundi"), None);
}

#[test]
fn every_weekday_spelling() {
    let cases = [
        ("الاثنين", Monday),
        ("الإثنين", Monday),
        ("الأثنين", Monday),
        ("الاثنبن", Monday),
        ("الثلاثاء", Tuesday),
        ("الثلاثا", Tuesday),
        ("الأربعاء", Wednesday),
        ("الاربعاء", Wednesday),
        ("الخميس", Thursday),
        ("الجمعة", Friday),
        ("السبت", Saturday),
    ];
    for (name, day) in cases {
        let text = format!("وصل الوزير {name} إلى العاصمة");
        assert_eq!(weekday(&text), w(day, None, name), "{text}");
    }
    assert_eq!(weekday("وصل يوم إثنين"), w(Monday, None, "يوم إثنين"));
    assert_eq!(weekday("وصل يوم الأحد"), w(Sunday, None, "يوم الأحد"));
    assert_eq!(weekday("جرى ثلاثاء حافل"), w(Tuesday, None, "ثلاثاء"));
}

#[test]
fn ambiguous_words_need_a_cue() {
    assert!(weekdays("شارك وزراء الدول الأحد عشر").is_empty());
    assert!(weekdays("وصل الوفود الأحد عشرة").is_empty());
    assert!(weekdays("آمن بالله الواحد الأحد").is_empty());
    assert!(weekdays("التقى جمعة بالوزير").is_empty());
    assert!(weekdays("التقى خميس بالوزير").is_empty());
    assert!(weekdays("جاء اثنين من الوزراء").is_empty());
    assert_eq!(weekday("وصل الأحد 8 شباط"), w(Sunday, None, "الأحد"));
    assert_eq!(weekday("وصل الأحد، 8/2/2026"), w(Sunday, None, "الأحد"));
    assert_eq!(weekday("وصل الأحد الموافق 8 شباط"), w(Sunday, None, "الأحد"));
    assert_eq!(weekday("وصل مساء جمعة"), w(Friday, None, "مساء جمعة"));
}

#[test]
fn time_of_day_cues() {
    for cue in ["يوم", "مساء", "صباح", "ظهر", "ليلة", "فجر"] {
        let text = format!("وصل {cue} الخميس");
        assert_eq!(weekday(&text), w(Thursday, None, &format!("{cue} الخميس")));
    }
    assert_eq!(
        weekday("وصل صباح يوم الخميس"),
        w(Thursday, None, "صباح يوم الخميس")
    );
}

#[test]
fn relatives_before() {
    assert_eq!(
        weekday("أمس الإثنين"),
        w(Monday, Some(Relative::Yesterday), "أمس الإثنين")
    );
    assert_eq!(
        weekday("وصل يوم أمس الخميس"),
        w(Thursday, Some(Relative::Yesterday), "يوم أمس الخميس")
    );
    assert_eq!(
        weekday("وصل البارحة الأحد"),
        w(Sunday, Some(Relative::Yesterday), "البارحة الأحد")
    );
    assert_eq!(
        weekday("يصل اليوم الثلاثاء"),
        w(Tuesday, Some(Relative::Today), "اليوم الثلاثاء")
    );
    assert_eq!(
        weekday("يصل في هذا اليوم الثلاثاء"),
        w(Tuesday, Some(Relative::Today), "هذا اليوم الثلاثاء")
    );
    assert_eq!(
        weekday("يصل صباح اليوم السبت"),
        w(Saturday, Some(Relative::Today), "صباح اليوم السبت")
    );
    assert_eq!(
        weekday("يصل غدا الجمعة"),
        w(Friday, Some(Relative::Tomorrow), "غدا الجمعة")
    );
    assert_eq!(
        weekday("يصل غداً الجمعة"),
        w(Friday, Some(Relative::Tomorrow), "غداً الجمعة")
    );
    assert_eq!(
        weekday("وصل أول أمس الأربعاء"),
        w(
            Wednesday,
            Some(Relative::DayBeforeYesterday),
            "أول أمس الأربعاء"
        )
    );
    assert_eq!(
        weekday("يصل بعد غد السبت"),
        w(Saturday, Some(Relative::DayAfterTomorrow), "بعد غد السبت")
    );
    assert_eq!(
        weekday("قال مساء أمس، الأربعاء"),
        w(Wednesday, Some(Relative::Yesterday), "مساء أمس، الأربعاء")
    );
}

#[test]
fn relatives_after() {
    for (word, rel) in [
        ("الماضي", Relative::Last),
        ("الفائت", Relative::Last),
        ("المنصرم", Relative::Last),
        ("السابق", Relative::Last),
        ("المقبل", Relative::Next),
        ("القادم", Relative::Next),
        ("الآتي", Relative::Next),
    ] {
        let text = format!("عقد السبت {word} لقاء");
        assert_eq!(
            weekday(&text),
            w(Saturday, Some(rel), &format!("السبت {word}"))
        );
    }
    assert_eq!(
        weekday("تعقد الجمعة المقبلة"),
        w(Friday, Some(Relative::Next), "الجمعة المقبلة")
    );
    assert_eq!(
        weekday("الأحد الماضي"),
        w(Sunday, Some(Relative::Last), "الأحد الماضي")
    );
}

#[test]
fn proclitics_on_weekdays_and_cues() {
    // (Joined without a comma the two would be one range: `a_range_of_weekdays_reads_as_its_first`.)
    assert_eq!(
        weekdays("وصل الأربعاء، والخميس"),
        vec![w(Wednesday, None, "الأربعاء"), w(Thursday, None, "الخميس")]
    );
    assert_eq!(weekday("ويوم الخميس وصل"), w(Thursday, None, "يوم الخميس"));
    assert_eq!(
        weekday("وأمس الخميس وصل"),
        w(Thursday, Some(Relative::Yesterday), "أمس الخميس")
    );
}

#[test]
fn weekdays_do_not_share_cues() {
    assert_eq!(
        weekdays("الثلاثاء الماضي الخميس"),
        vec![
            w(Tuesday, Some(Relative::Last), "الثلاثاء الماضي"),
            w(Thursday, None, "الخميس")
        ]
    );
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        let norm = NormText::new(&s);
        for m in find_dates(norm.as_str()) {
            proptest::prop_assert!(norm.as_str().is_char_boundary(m.span.start));
            proptest::prop_assert!(m.span.start < m.span.end);
        }
        for m in find_weekdays(norm.as_str()) {
            proptest::prop_assert!(norm.as_str().is_char_boundary(m.span.end));
            proptest::prop_assert!(m.span.start < m.span.end);
        }
    }

    #[test]
    fn never_panics_on_date_like_text(s in "[0-9 /.\\-()،,هـميومسأالخيشباطرمضان٠-٩]{0,60}") {
        let norm = NormText::new(&s);
        let found = find_dates(norm.as_str());
        for pair in found.windows(2) {
            proptest::prop_assert!(pair[0].span.end <= pair[1].span.start);
        }
        let _ = find_weekdays(norm.as_str());
    }

    #[test]
    fn relative_days_never_panic(s in "[0-9 /.\\-()،,قبلبعدمنذيومينأسبوعالشهرجاريأمساليومغد٠-٩]{0,60}") {
        let norm = NormText::new(&s);
        for m in find_relative_days(norm.as_str()) {
            proptest::prop_assert!(norm.as_str().is_char_boundary(m.span.start));
            proptest::prop_assert!(norm.as_str().is_char_boundary(m.span.end));
            proptest::prop_assert!(m.span.start < m.span.end);
        }
    }

    #[test]
    fn iso_round_trips(y in 1800i16..2200, m in 1u8..=12, d in 1u8..=31) {
        if let Some(p) = PartialDate::full(y, m, d) {
            proptest::prop_assert_eq!(PartialDate::parse_iso(&p.iso()), Some(p));
        }
    }
}

#[test]
fn a_bare_sunday_is_read_like_the_other_weekdays() {
    assert_eq!(weekday("عقد الاجتماع الأحد في عمان"), w(Sunday, None, "الأحد"));
    assert_eq!(weekday("وفي الأحد، وصل الوفد"), w(Sunday, None, "الأحد"));
    assert_eq!(
        weekday("عقد الأحد من الأسبوع الماضي"),
        w(Sunday, Some(Relative::LastWeek), "الأحد من الأسبوع الماضي")
    );
}

/// The rows of `data/calendar.tsv` of one kind, as (value, form).
fn rows(kind: &str) -> Vec<(&'static str, &'static str)> {
    calendar::BUILTIN
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
fn every_month_form_of_the_calendar_is_read() {
    for (value, form) in rows("month_gregorian") {
        let text = format!("وصل الوفد في 4 {form} 2024 إلى العاصمة");
        assert_eq!(
            date(&text),
            d(&format!("2024-{value}-04"), &format!("4 {form} 2024")),
            "{text}"
        );
    }
    // Hijri: the tenth of each month of 1446, converted with Umm al-Qura.
    let tenth = [
        "2024-07-16",
        "2024-08-14",
        "2024-09-13",
        "2024-10-13",
        "2024-11-12",
        "2024-12-11",
        "2025-01-10",
        "2025-02-09",
        "2025-03-10",
        "2025-04-08",
        "2025-05-08",
        "2025-06-06",
    ];
    for (value, form) in rows("month_hijri") {
        let month: usize = value.parse().unwrap_or(0);
        let text = format!("في 10 {form} 1446 هـ كان الاجتماع");
        assert_eq!(
            date(&text),
            d(tenth[month - 1], &format!("10 {form} 1446 ه")),
            "{text}"
        );
    }
}

#[test]
fn every_weekday_form_of_the_calendar_is_read() {
    let day = |v: &str| parse_weekday_name(v).unwrap_or(Monday);
    for (value, form) in rows("weekday") {
        let text = format!("وصل الوزير يوم {form}");
        assert_eq!(
            weekday(&text),
            w(day(value), None, &format!("يوم {form}")),
            "{text}"
        );
        let text = format!("وصل الوزير يوم ال{form}");
        assert_eq!(
            weekday(&text),
            w(day(value), None, &format!("يوم ال{form}")),
            "{text}"
        );
    }
    for (how, form) in rows("weekday_alone") {
        let weekday_of = |f: &str| {
            rows("weekday")
                .into_iter()
                .find(|(_, g)| *g == f)
                .map(|(v, _)| day(v))
        };
        let text = format!("وصل الوزير ال{form} إلى العاصمة");
        assert_eq!(
            weekdays(&text).first().map(|m| m.0),
            weekday_of(form),
            "{text}"
        );
        let bare = format!("وصل الوزير {form} إلى العاصمة");
        assert_eq!(weekdays(&bare).is_empty(), how == "article", "{bare}");
    }
}

#[test]
fn misspelt_and_regional_month_names() {
    let cases = [
        ("في 3 ابريل 2021", "2021-04-03"),
        ("في 3 إبريل 2021", "2021-04-03"),
        ("في 3 أبريل 2021", "2021-04-03"),
        ("في 3 اغسطس 2021", "2021-08-03"),
        ("في 3 أغسطوس 2021", "2021-08-03"),
        ("في 3 سبتمير 2021", "2021-09-03"),
        ("في 3 سيبتمبر 2021", "2021-09-03"),
        ("في 3 نونبر 2021", "2021-11-03"),
        ("في 3 دجنبر 2021", "2021-12-03"),
        ("في 3 جانفي 2021", "2021-01-03"),
        ("في 3 فيبراير 2021", "2021-02-03"),
        ("في 3 ماي 2021", "2021-05-03"),
        ("في 3 جوان 2021", "2021-06-03"),
        ("في 3 جويلية 2021", "2021-07-03"),
        ("في 3 يوليوز 2021", "2021-07-03"),
        ("في 3 غشت 2021", "2021-08-03"),
        ("في 3 أوت 2021", "2021-08-03"),
        ("في 3 كانون ثاني 2021", "2021-01-03"),
        ("في 3 تشرين أول 2021", "2021-10-03"),
        // Umm al-Qura: 1 Rabi al-Awwal 1443 = 2021-10-07; 1 Jumada al-Ula 1443 = 2021-12-05.
        ("في 1 ربيع الاول 1443 هـ", "2021-10-07"),
        ("في 1 ربيع أول 1443 هـ", "2021-10-07"),
        ("في 1 جمادي الاولى 1443 هـ", "2021-12-05"),
        ("في 1 جمادى أولى 1443 هـ", "2021-12-05"),
        // 10 Dhu al-Hijjah 1444 = 2023-06-28; 1 Dhu al-Qadah 1444 = 2023-05-21.
        ("في 10 ذو الحجة 1444هـ", "2023-06-28"),
        ("في 10 ذي الحجه 1444هـ", "2023-06-28"),
        ("في 10 ذوالحجة 1444هـ", "2023-06-28"),
        ("في 1 ذو القعدة 1444هـ", "2023-05-21"),
        ("في 1 ذى القعدة 1444هـ", "2023-05-21"),
        // 1 Muharram 1446 = 2024-07-07, also written with the article.
        ("في 1 المحرم 1446 هـ", "2024-07-07"),
        ("في 1 رمضان المبارك 1444 هـ", "2023-03-23"),
    ];
    for (text, iso) in cases {
        assert_eq!(
            dates(text).first().map(|m| m.0.clone()),
            Some(iso.to_owned()),
            "{text}"
        );
    }
}

#[test]
fn hijri_dates_convert_to_the_umm_al_qura_day() {
    assert_eq!(hijri_to_gregorian(1444, 9, 1), Some((2023, 3, 23)));
    assert_eq!(hijri_to_gregorian(1444, 10, 1), Some((2023, 4, 21)));
    assert_eq!(hijri_to_gregorian(1445, 9, 1), Some((2024, 3, 11)));
    assert_eq!(hijri_to_gregorian(1446, 1, 1), Some((2024, 7, 7)));
}

#[test]
fn month_names_do_not_fire_on_ordinary_words() {
    for text in [
        "مارس الوزير ضغوطا كبيرة على الوفد",
        "قال الأب إن ابنه سافر",
        "حصل الفريق على صفر نقاط",
        "ماي فرند كلمة إنجليزية",
        "أول مرة يجتمع فيها الوزراء",
        "في أول اجتماع للتحالف",
        "خلال شهر واحد فقط",
    ] {
        assert!(dates(text).is_empty(), "{text}: {:?}", dates(text));
    }
}

#[test]
fn dates_with_their_parts_joined_by_separators() {
    assert_eq!(date("في 14/مارس/2021 عقد"), d("2021-03-14", "14/مارس/2021"));
    assert_eq!(date("في 14-مارس-2021 عقد"), d("2021-03-14", "14-مارس-2021"));
    assert_eq!(
        date("في 14 - مارس - 2021 عقد"),
        d("2021-03-14", "14 - مارس - 2021")
    );
    assert_eq!(date("في 14/آذار عقد"), d("--03-14", "14/آذار"));
    // A year after another separator is not this date's.
    assert_eq!(date("في 14/مارس-2021 عقد"), d("--03-14", "14/مارس"));
    assert_eq!(weekday("الأحد/14/مارس/2021"), w(Sunday, None, "الأحد"));
    assert_eq!(weekday("الأحد - 14 مارس 2021"), w(Sunday, None, "الأحد"));
    assert!(dates("بين 9-10 شباط").len() == 1);
}

#[test]
fn first_of_the_month_and_the_word_month() {
    assert_eq!(date("عقد في أول شباط اجتماعا"), d("--02-01", "أول شباط"));
    assert_eq!(date("عقد بأول شباط 2026"), d("2026-02-01", "أول شباط 2026"));
    assert_eq!(
        date("يبدأ غرة رمضان 1447 هـ"),
        d("2026-02-18", "غرة رمضان 1447 ه")
    );
    assert_eq!(date("عقد في 14 شهر شباط"), d("--02-14", "14 شهر شباط"));
    assert_eq!(
        date("عقد في 14 من شهر شباط 2026"),
        d("2026-02-14", "14 من شهر شباط 2026")
    );
    assert_eq!(date("في شهر شباط 2026 عقد"), d("2026-02", "شباط 2026"));
    // "أول" before anything but a month is not a day.
    assert!(dates("في أول لقاء بينهما").is_empty());
}

#[test]
fn a_word_after_a_year_less_date_places_it() {
    let norm = NormText::new("في 9 شباط الماضي وفي 3 آذار المقبل وفي 5 نيسان الجاري");
    let near: Vec<Option<Near>> = find_dates(norm.as_str()).iter().map(|m| m.near).collect();
    assert_eq!(
        near,
        vec![Some(Near::Last), Some(Near::Next), Some(Near::This)]
    );
}

#[test]
fn weekdays_of_a_week() {
    assert_eq!(
        weekday("الخميس من الأسبوع المقبل"),
        w(
            Thursday,
            Some(Relative::NextWeek),
            "الخميس من الأسبوع المقبل"
        )
    );
    assert_eq!(
        weekday("يوم الثلاثاء الأسبوع الجاري"),
        w(
            Tuesday,
            Some(Relative::ThisWeek),
            "يوم الثلاثاء الأسبوع الجاري"
        )
    );
    assert_eq!(
        weekday("وصل أول من أمس الأحد"),
        w(
            Sunday,
            Some(Relative::DayBeforeYesterday),
            "أول من أمس الأحد"
        )
    );
}

/// Relative days in `original` as (day, exact original substring).
fn relative(original: &str) -> Vec<(RelativeDay, String)> {
    let norm = NormText::new(original);
    find_relative_days(norm.as_str())
        .into_iter()
        .map(|m| (m.day, original[norm.to_original(m.span)].to_string()))
        .collect()
}

fn one_relative(original: &str) -> (RelativeDay, String) {
    let all = relative(original);
    assert_eq!(all.len(), 1, "{original}: {all:?}");
    all.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn r(day: RelativeDay, text: &str) -> (RelativeDay, String) {
    (day, text.to_owned())
}

#[test]
fn relative_days_without_a_weekday() {
    use RelativeDay::Days;
    let cases = [
        ("عقد الاجتماع أمس في عمان", Days(-1), "أمس"),
        ("عقد الاجتماع يوم أمس في عمان", Days(-1), "يوم أمس"),
        ("عقد الاجتماع بالأمس في عمان", Days(-1), "الأمس"),
        ("عقد الاجتماع البارحة في عمان", Days(-1), "البارحة"),
        ("عقد الاجتماع أول أمس في عمان", Days(-2), "أول أمس"),
        ("عقد الاجتماع أول من أمس في عمان", Days(-2), "أول من أمس"),
        ("عقد الاجتماع أمس الأول في عمان", Days(-2), "أمس الأول"),
        ("يعقد الاجتماع اليوم في عمان", Days(0), "اليوم"),
        ("يعقد الاجتماع صباح اليوم في عمان", Days(0), "صباح اليوم"),
        ("يعقد الاجتماع غداً في عمان", Days(1), "غداً"),
        ("يعقد الاجتماع صباح الغد في عمان", Days(1), "صباح الغد"),
        ("يعقد الاجتماع يوم غد في عمان", Days(1), "يوم غد"),
        ("يعقد الاجتماع بعد غد في عمان", Days(2), "بعد غد"),
        ("عقد الاجتماع قبل يومين في عمان", Days(-2), "قبل يومين"),
        ("عقد الاجتماع منذ أسبوع في عمان", Days(-7), "منذ أسبوع"),
        ("يعقد الاجتماع بعد أسبوعين في عمان", Days(14), "بعد أسبوعين"),
        (
            "عقد الاجتماع قبل ثلاثة أيام في عمان",
            Days(-3),
            "قبل ثلاثة أيام",
        ),
        ("عقد الاجتماع قبل 3 أيام في عمان", Days(-3), "قبل 3 أيام"),
    ];
    for (text, day, words) in cases {
        assert_eq!(one_relative(text), r(day, words), "{text}");
    }
}

#[test]
fn days_of_this_month() {
    use RelativeDay::DayOfMonth;
    assert_eq!(
        one_relative("عقد في 9 من الشهر الجاري"),
        r(DayOfMonth { months: 0, day: 9 }, "9 من الشهر الجاري")
    );
    assert_eq!(
        one_relative("عقد في التاسع من الشهر الماضي"),
        r(DayOfMonth { months: -1, day: 9 }, "التاسع من الشهر الماضي")
    );
    assert_eq!(
        one_relative("يعقد في أول الشهر المقبل"),
        r(DayOfMonth { months: 1, day: 1 }, "أول الشهر المقبل")
    );
    assert_eq!(
        one_relative("عقد في 21 الشهر الحالي"),
        r(DayOfMonth { months: 0, day: 21 }, "21 الشهر الحالي")
    );
}

#[test]
fn words_that_are_not_relative_days() {
    for text in [
        "في اليوم الأول من الاجتماع",
        "في اليوم التالي غادر الوفد",
        "حتى اليوم لم يصدر بيان",
        "في ذلك اليوم وصل الوزير",
        "اليوم الوطني للبلاد",
        "من أجل الغد الأفضل",
        "بعد يومين من تصريحات الوزير",
        "قبل أسبوع من الاجتماع",
        "قبل أيام قليلة",
        "في مطلع الشهر الجاري",
        "في الأسبوع الماضي",
        "عقد أمس الاثنين",
        "في 9 شباط الماضي",
        "بعد ذلك",
    ] {
        assert!(relative(text).is_empty(), "{text}: {:?}", relative(text));
    }
}

#[test]
fn weekdays_resolve_against_the_day_of_writing() {
    let sunday = jiff::civil::date(2021, 3, 14);
    let tuesday = jiff::civil::date(2021, 3, 16);
    let day = |d: &str| d.parse::<Date>().ok();
    use Direction::{Future, Past};
    let cases = [
        (sunday, Sunday, None, Past, "2021-03-14"),
        (sunday, Sunday, None, Future, "2021-03-21"),
        (tuesday, Sunday, None, Past, "2021-03-14"),
        (tuesday, Thursday, None, Future, "2021-03-18"),
        (sunday, Sunday, Some(Relative::Last), Past, "2021-03-07"),
        (tuesday, Sunday, Some(Relative::Last), Past, "2021-03-14"),
        (sunday, Thursday, Some(Relative::Next), Future, "2021-03-18"),
        (sunday, Sunday, Some(Relative::Next), Future, "2021-03-21"),
        (
            tuesday,
            Sunday,
            Some(Relative::LastWeek),
            Past,
            "2021-03-07",
        ),
        (
            tuesday,
            Thursday,
            Some(Relative::NextWeek),
            Future,
            "2021-03-25",
        ),
        (
            tuesday,
            Thursday,
            Some(Relative::ThisWeek),
            Past,
            "2021-03-18",
        ),
        (
            tuesday,
            Monday,
            Some(Relative::Yesterday),
            Past,
            "2021-03-15",
        ),
        (
            tuesday,
            Wednesday,
            Some(Relative::Tomorrow),
            Past,
            "2021-03-17",
        ),
    ];
    for (reference, weekday, relative, direction, want) in cases {
        assert_eq!(
            resolve_weekday(reference, weekday, relative, direction),
            day(want),
            "{weekday:?} {relative:?} {direction:?} from {reference}"
        );
    }
    // "yesterday Sunday" on a Tuesday names no day.
    assert_eq!(
        resolve_weekday(tuesday, Sunday, Some(Relative::Yesterday), Past),
        None
    );
}

#[test]
fn a_year_less_date_takes_a_year_its_weekday_fits() {
    let august = PartialDate::parse_iso("--08-15").unwrap_or_default();
    let near = |y, m, d| jiff::civil::date(y, m, d);
    let fill = |p: PartialDate, w, r| {
        p.with_year_for_weekday(w, r, Direction::Past)
            .map(|p| p.iso())
    };
    // 15 August is a Thursday in 2019, 2024 and 2030.
    assert_eq!(
        fill(august, Thursday, near(2025, 9, 3)),
        Some("2024-08-15".into())
    );
    assert_eq!(
        fill(august, Thursday, near(2028, 1, 1)),
        Some("2030-08-15".into())
    );
    assert_eq!(
        fill(august, Friday, near(2025, 9, 3)),
        Some("2025-08-15".into())
    );
    // 29 February is no Friday between 2018 and 2030.
    let leap = PartialDate::parse_iso("--02-29").unwrap_or_default();
    assert_eq!(fill(leap, Friday, near(2024, 3, 5)), None);
    assert_eq!(
        fill(leap, Thursday, near(2024, 3, 5)),
        Some("2024-02-29".into())
    );
}

#[test]
fn a_year_less_date_lies_before_a_report_and_after_an_announcement() {
    let dec = PartialDate::parse_iso("--12-28").unwrap_or_default();
    let jan = PartialDate::parse_iso("--01-02").unwrap_or_default();
    let reference = jiff::civil::date(2027, 1, 3);
    assert_eq!(
        dec.with_year_towards(reference, Direction::Past).iso(),
        "2026-12-28"
    );
    assert_eq!(
        dec.with_year_towards(reference, Direction::Future).iso(),
        "2027-12-28"
    );
    assert_eq!(
        jan.with_year_towards(reference, Direction::Past).iso(),
        "2027-01-02"
    );
    assert_eq!(
        jan.with_year_towards(reference, Direction::Future).iso(),
        "2028-01-02"
    );
    let same = PartialDate::parse_iso("--01-03").unwrap_or_default();
    assert_eq!(
        same.with_year_towards(reference, Direction::Past).iso(),
        "2027-01-03"
    );
    assert_eq!(
        same.with_year_towards(reference, Direction::Future).iso(),
        "2027-01-03"
    );
    let leap = PartialDate::parse_iso("--02-29").unwrap_or_default();
    assert_eq!(
        leap.with_year_towards(reference, Direction::Past).iso(),
        "2024-02-29"
    );
    assert_eq!(
        leap.with_year_towards(reference, Direction::Future).iso(),
        "2028-02-29"
    );
}

#[test]
fn every_relative_day_of_the_calendar_is_read() {
    for (value, form) in rows("relative_day") {
        let days: i16 = value.parse().unwrap_or(99);
        let text = format!("عقد الاجتماع {form} في عمان");
        assert_eq!(
            one_relative(&text),
            r(RelativeDay::Days(days), form),
            "{text}"
        );
    }
    for (value, form) in rows("relative_day_cued") {
        let days: i16 = value.parse().unwrap_or(99);
        let text = format!("يعقد الاجتماع صباح {form} في عمان");
        assert_eq!(
            one_relative(&text),
            r(RelativeDay::Days(days), &format!("صباح {form}")),
            "{text}"
        );
        let alone = format!("يعقد الاجتماع {form} في عمان");
        assert!(relative(&alone).is_empty(), "{alone}");
    }
}

#[test]
fn every_offset_word_of_the_calendar_is_read() {
    for (sign, lead) in rows("offset_lead") {
        let sign: i16 = sign.parse().unwrap_or(0);
        for (days, unit) in rows("offset_unit") {
            let days: i16 = days.parse().unwrap_or(0);
            let text = format!("عقد الاجتماع {lead} {unit} في عمان");
            assert_eq!(
                one_relative(&text),
                r(RelativeDay::Days(sign * days), &format!("{lead} {unit}")),
                "{text}"
            );
        }
        for (days, unit) in rows("offset_per") {
            let days: i16 = days.parse().unwrap_or(0);
            let text = format!("عقد الاجتماع {lead} 3 {unit} في عمان");
            assert_eq!(
                one_relative(&text),
                r(
                    RelativeDay::Days(sign * 3 * days),
                    &format!("{lead} 3 {unit}")
                ),
                "{text}"
            );
        }
    }
    for (_, word) in rows("offset_elsewhere") {
        let text = format!("عقد الاجتماع بعد يومين {word} البيان");
        assert!(relative(&text).is_empty(), "{text}");
    }
}

#[test]
fn every_word_that_makes_today_a_day_is_read() {
    for (_, word) in rows("day_noun_after") {
        let text = format!("وصل الوفد في اليوم {word} للاجتماع");
        assert!(relative(&text).is_empty(), "{text}");
    }
    for (_, word) in rows("day_noun_before") {
        let text = format!("بقي الوفد {word} اليوم في عمان");
        assert!(relative(&text).is_empty(), "{text}");
    }
}

#[test]
fn every_placing_word_of_the_calendar_is_read() {
    for (value, word) in rows("near") {
        let text = format!("في 9 شباط {word} عقد");
        let norm = NormText::new(&text);
        let found = find_dates(norm.as_str());
        let want = match value {
            "last" => Near::Last,
            "this" => Near::This,
            _ => Near::Next,
        };
        assert_eq!(found.first().and_then(|m| m.near), Some(want), "{text}");
        if value != "this" {
            let text = format!("عقد الاجتماع السبت {word} في عمان");
            let rel = if value == "last" {
                Relative::Last
            } else {
                Relative::Next
            };
            assert_eq!(
                weekday(&text),
                w(Saturday, Some(rel), &format!("السبت {word}")),
                "{text}"
            );
        }
        let text = format!("عقد الاجتماع في 9 من الشهر {word}");
        assert_eq!(relative(&text).len(), 1, "{text}");
    }
}

#[test]
fn every_era_year_lead_and_time_cue_of_the_calendar_is_read() {
    for (value, word) in rows("era") {
        let text = if value == "hijri" {
            format!("في 1 رمضان 1447 {word} عقد")
        } else {
            format!("في 9 شباط 2026 {word} عقد")
        };
        let want = if value == "hijri" {
            "2026-02-18"
        } else {
            "2026-02-09"
        };
        let all = dates(&text);
        assert_eq!(all.len(), 1, "{text}");
        assert_eq!(all[0].0, want, "{text}");
        assert!(
            all[0].2.ends_with(&crate::text::normalize(word)) || all[0].2.ends_with(word),
            "{text}: {all:?}"
        );
    }
    for (_, word) in rows("year_lead") {
        let text = format!("في 9 شباط {word} 2026 عقد");
        assert_eq!(
            date(&text),
            d("2026-02-09", &format!("9 شباط {word} 2026")),
            "{text}"
        );
    }
    for (_, word) in rows("time_cue") {
        let text = format!("وصل الوفد {word} خميس");
        assert_eq!(
            weekday(&text),
            w(Thursday, None, &format!("{word} خميس")),
            "{text}"
        );
    }
    for (_, word) in rows("not_weekday_after") {
        let text = format!("شارك الوزراء الأحد {word}");
        assert!(weekdays(&text).is_empty(), "{text}");
    }
    for (_, word) in rows("not_weekday_before") {
        let text = format!("قال {word} الأحد");
        assert!(weekdays(&text).is_empty(), "{text}");
    }
    for (_, word) in rows("day_one") {
        let text = format!("عقد في {word} آذار");
        assert_eq!(date(&text), d("--03-01", &format!("{word} آذار")), "{text}");
    }
    for (_, word) in rows("corresponding") {
        let text = format!("عقد الأحد {word} 14 آذار");
        assert_eq!(weekday(&text), w(Sunday, None, "الأحد"), "{text}");
    }
}

#[test]
fn a_range_of_days_reads_as_its_first() {
    assert_eq!(
        date("يومي 1 و2 نوفمبر 2026"),
        d("2026-11-01", "1 و2 نوفمبر 2026")
    );
    assert_eq!(
        date("يومي 1 و 2 نوفمبر 2026"),
        d("2026-11-01", "1 و 2 نوفمبر 2026")
    );
    assert_eq!(
        date("من 9 إلى 11 شباط 2026"),
        d("2026-02-09", "9 إلى 11 شباط 2026")
    );
    assert_eq!(date("بين 9 و11 فبراير"), d("--02-09", "9 و11 فبراير"));
    assert_eq!(
        date("خلال الفترة 28 - 30 مارس 2015"),
        d("2015-03-28", "28 - 30 مارس 2015")
    );
    assert_eq!(
        date("من ٢٨ حتى ٣٠ مارس ٢٠١٥"),
        d("2015-03-28", "٢٨ حتى ٣٠ مارس ٢٠١٥")
    );
    // Hijri: 1 Ramadan 1446 is 1 March 2025 (Umm al-Qura), so the 10th is 10 March.
    assert_eq!(
        date("بين 10 و12 رمضان 1446"),
        d("2025-03-10", "10 و12 رمضان 1446")
    );
}

#[test]
fn numbers_before_a_date_are_not_a_range() {
    // A count, a backwards pair and a span of weeks are not ranges of days.
    assert_eq!(
        date("التقى 3 وفود و2 نوفمبر 2026"),
        d("2026-11-02", "2 نوفمبر 2026")
    );
    assert_eq!(
        date("من 5 إلى 2 نوفمبر 2026"),
        d("2026-11-02", "2 نوفمبر 2026")
    );
    assert_eq!(
        date("من 1 إلى 20 نوفمبر 2026"),
        d("2026-11-20", "20 نوفمبر 2026")
    );
}

#[test]
fn a_range_of_weekdays_reads_as_its_first() {
    assert_eq!(
        weekday("يومي الأحد والاثنين"),
        w(Sunday, None, "الأحد والاثنين")
    );
    assert_eq!(
        weekday("من الأحد إلى الثلاثاء"),
        w(Sunday, None, "الأحد إلى الثلاثاء")
    );
    // Two days far apart, or a day and the next week's, stay two.
    assert_eq!(weekdays("الأحد والخميس").len(), 2);
}
