//! Chairing on short sentences written for these tests: each cue fires where it should and not
//! in ordinary Arabic; heading a delegation, patronage, attending and speaking are not chairing;
//! unknown people are read only where the text shows a name. Also the word lists' shape, and a
//! check over every article of the repository that no `ar:` person is made of common words.

use super::names::{GivenName, NameLexicon, TitleWord, WordClass};
use crate::extract::{Field, Value, extract};
use crate::lexicon::gazetteer::Gazetteer;
use crate::text::normalize;
use crate::text::tokens::{bare, tokenize};

/// The co-chair lists a text states, each as its ids joined by "+".
fn chairs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = extract(text, Gazetteer::builtin())
        .claims
        .into_iter()
        .filter(|c| c.field == Field::CoChairs)
        .map(|c| c.value.key())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Every `ar:` id a text gives, as co-chair or participant.
fn unknown_ids(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in extract(text, Gazetteer::builtin()).claims {
        match c.value {
            Value::Entities(es) => out.extend(es.into_iter().map(|e| e.id)),
            Value::Entity(e) => out.push(e.id),
            _ => {}
        }
    }
    out.retain(|id| id.starts_with("ar:"));
    out.sort();
    out.dedup();
    out
}

#[track_caller]
fn chaired(text: &str, want: &str) {
    let got = chairs(text);
    assert!(
        got.iter().any(|g| g == want),
        "want {want}, got {got:?} in {text}"
    );
}

#[track_caller]
fn nobody_chaired(text: &str) {
    assert_eq!(chairs(text), Vec::<String>::new(), "in {text}");
}

#[test]
fn chairing_verbs() {
    chaired(
        "ترأس وزير الخارجية الأمريكي ماركو روبيو الاجتماع.",
        "marco-rubio",
    );
    chaired(
        "فيصل بن فرحان وماركو روبيو ترأسا الاجتماع في الرياض.",
        "faisal-bin-farhan+marco-rubio",
    );
    chaired("فرنسا وبريطانيا ترأستا الاجتماع الوزاري.", "FR+GB");
    chaired(
        "عقد الاجتماع في روما وترأسه وزير الخارجية الأمريكي ماركو روبيو.",
        "marco-rubio",
    );
    chaired("تترأس المملكة المغربية الاجتماع المقبل.", "MA");
    chaired(
        "يترأس وزير الخارجية التركي هاكان فيدان الجلسة الأولى.",
        "hakan-fidan",
    );
    chaired(
        "يرأس الاجتماع وزير الخارجية الأردني أيمن الصفدي.",
        "ayman-safadi",
    );
    chaired(
        "سيترأس وزير الخارجية الكويتي عبدالله اليحيا اجتماع الغد.",
        "abdullah-al-yahya",
    );
    chaired("ستترأس إيطاليا الدورة المقبلة للاجتماع.", "IT");
    chaired(
        "سيرأس الاجتماع وزير الخارجية المصري بدر عبد العاطي.",
        "badr-abdelatty",
    );
}

#[test]
fn chairing_verbs_of_the_maghreb_and_the_gulf() {
    chaired(
        "رأس الاجتماع وزير الخارجية المغربي ناصر بوريطة.",
        "nasser-bourita",
    );
    chaired(
        "انتهى الاجتماع الذي رأسه وزير الخارجية العماني بدر البوسعيدي ظهراً.",
        "badr-albusaidi",
    );
    chaired(
        "رأست الاجتماع وزيرة الخارجية البريطانية إيفيت كوبر.",
        "yvette-cooper",
    );
    chaired("فيدان والصفدي رأسا الاجتماع.", "ayman-safadi+hakan-fidan");
}

#[test]
fn chairing_nouns_of_the_verb() {
    chaired("أعرب فيدان عن ارتياحه بعد ترؤسه الاجتماع.", "hakan-fidan");
    chaired(
        "أشادت إيفيت كوبر بترؤسها الاجتماع مع روبيو.",
        "marco-rubio+yvette-cooper",
    );
    chaired(
        "وأشاد المشاركون بترؤسهما الجلسة: فيدان والصفدي.",
        "ayman-safadi+hakan-fidan",
    );
    chaired(
        "تناوب على ترؤس الاجتماع بوريطة وبارو.",
        "jean-noel-barrot+nasser-bourita",
    );
}

#[test]
fn taking_the_chair() {
    chaired(
        "تولى رئاسة الاجتماع وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني.",
        "mohammed-bin-abdulrahman-al-thani",
    );
    chaired("تتولى الكويت رئاسة الاجتماع هذا العام.", "KW");
    chaired(
        "يتولى رئاسة الجلسة الافتتاحية الزياني.",
        "abdullatif-al-zayani",
    );
    chaired(
        "تولت رئاسة الاجتماع وزيرة الخارجية البريطانية إيفيت كوبر.",
        "yvette-cooper",
    );
    chaired("فرنسا وألمانيا تتوليان رئاسة الاجتماع.", "DE+FR");
    chaired(
        "روبيو وفيدان يتوليان رئاسة الاجتماع.",
        "hakan-fidan+marco-rubio",
    );
    chaired("ستتولى قطر رئاسة الاجتماع المقبل.", "QA");
    chaired(
        "سيتولى رئاسة الاجتماع المقبل وزير الخارجية الأردني أيمن الصفدي.",
        "ayman-safadi",
    );
    chaired(
        "يتولى الرئاسة المشتركة للاجتماع كل من العراق والولايات المتحدة.",
        "IQ+US",
    );
}

#[test]
fn sharing_the_chair() {
    chaired(
        "تقاسم رئاسة الاجتماع فيدان وروبيو.",
        "hakan-fidan+marco-rubio",
    );
    chaired("يتقاسم رئاسته الأردن والعراق.", "IQ+JO");
    chaired("تتقاسم رئاسة المؤتمر السعودية وفرنسا.", "FR+SA");
    chaired(
        "شارك في رئاسة الاجتماع وزير الخارجية الألماني يوهان فاديفول.",
        "johann-wadephul",
    );
    chaired("شاركت في رئاسته كايا كالاس.", "kaja-kallas");
    chaired("تشارك في رئاسة الاجتماع كل من تركيا والأردن.", "JO+TR");
    chaired(
        "يشارك في رئاسة الاجتماع وزير الخارجية السوري أسعد الشيباني.",
        "asaad-al-shaibani",
    );
    chaired("اشترك في رئاسته وزيرا خارجية تركيا والأردن.", "JO+TR");
}

#[test]
fn chairing_nouns() {
    chaired(
        "وقال الرئيس المشارك للاجتماع، وزير الخارجية الأردني أيمن الصفدي، إن العمل مستمر.",
        "ayman-safadi",
    );
    chaired(
        "أكدت الرئيسة المشاركة كايا كالاس أهمية التنسيق.",
        "kaja-kallas",
    );
    chaired(
        "الرئيسان المشاركان فيدان وروبيو أصدرا بياناً.",
        "hakan-fidan+marco-rubio",
    );
    chaired(
        "صدر البيان عن الرئيسين المشاركين بوريطة وروبيو.",
        "marco-rubio+nasser-bourita",
    );
    chaired(
        "وصل الرئيسان المشتركان بوريطة وروبيو إلى القاعة.",
        "marco-rubio+nasser-bourita",
    );
    chaired(
        "التقط الصحفيون صوراً للرئيسين المشتركين فيدان والصفدي.",
        "ayman-safadi+hakan-fidan",
    );
    chaired(
        "وأدلى رئيسا الاجتماع، فيدان والصفدي، بتصريحات مقتضبة.",
        "ayman-safadi+hakan-fidan",
    );
    chaired(
        "تحدث رئيسي الاجتماع بوريطة وبارو للصحفيين.",
        "jean-noel-barrot+nasser-bourita",
    );
    chaired(
        "رئيس الاجتماع وزير الخارجية البحريني عبداللطيف الزياني افتتح الجلسة.",
        "abdullatif-al-zayani",
    );
    chaired("رئيسة الاجتماع إيفيت كوبر افتتحت الجلسة.", "yvette-cooper");
}

#[test]
fn under_the_chairmanship_of() {
    chaired(
        "عقد الاجتماع برئاسة وزير الخارجية الأردني أيمن الصفدي.",
        "ayman-safadi",
    );
    chaired("عقد الاجتماع برئاسة مشتركة سعودية فرنسية.", "FR+SA");
    chaired(
        "اختتم روبيو وفيدان الاجتماع الذي عقد برئاستهما في أنقرة.",
        "hakan-fidan+marco-rubio",
    );
    chaired("أشاد روبيو بالاجتماع الذي عقد برئاسته.", "marco-rubio");
    chaired(
        "نوهت إيفيت كوبر بالجلسة التي عقدت برئاستها.",
        "yvette-cooper",
    );
    chaired(
        "انعقدت الجلسة تحت رئاسة وزير الخارجية العراقي فؤاد حسين.",
        "fuad-hussein",
    );
    chaired(
        "أشاد فؤاد حسين بالجلسة التي عقدت تحت رئاسته.",
        "fuad-hussein",
    );
    chaired(
        "أشادت إيفيت كوبر بالجلسة التي عقدت تحت رئاستها.",
        "yvette-cooper",
    );
    chaired(
        "فيدان وروبيو أشادا بالجلسة التي عقدت تحت رئاستهما.",
        "hakan-fidan+marco-rubio",
    );
    chaired(
        "أسندت رئاسة الاجتماع إلى بوريطة وبارو.",
        "jean-noel-barrot+nasser-bourita",
    );
    chaired("أسندت رئاسة أعمال المؤتمر إلى الصفدي.", "ayman-safadi");
    chaired("عقد الاجتماع في ظل رئاسة مشتركة عراقية أمريكية.", "IQ+US");
    chaired(
        "عقد الاجتماع برئاسة مشتركة لكل من فرنسا والولايات المتحدة.",
        "FR+US",
    );
}

#[test]
fn two_inviters_chair() {
    chaired(
        "بدعوة من السعودية والولايات المتحدة، اجتمع وزراء خارجية التحالف في الرياض.",
        "SA+US",
    );
    chaired(
        "بدعوة مشتركة من فيدان وروبيو، عقد الاجتماع في أنقرة.",
        "hakan-fidan+marco-rubio",
    );
    chaired("عقد الاجتماع بدعوة مشتركة بين الأردن والعراق.", "IQ+JO");
    chaired(
        "عقد الاجتماع الذي دعت إليه فرنسا وبريطانيا في باريس.",
        "FR+GB",
    );
    chaired(
        "عقد الاجتماع الذي دعا إليه بوريطة وروبيو في الرباط.",
        "marco-rubio+nasser-bourita",
    );
    chaired("انتهى الاجتماع الذي دعتا إليه مصر والأردن.", "EG+JO");
    chaired("انطلقت القمة التي دعت إليها قطر والكويت.", "KW+QA");
    chaired(
        "انطلقت القمة التي دعا إليها فيدان والصفدي.",
        "ayman-safadi+hakan-fidan",
    );
    chaired("انطلقت القمة التي دعتا إليها تركيا والأردن.", "JO+TR");
}

#[test]
fn one_inviter_or_a_host_does_not_chair() {
    nobody_chaired("بدعوة من الحكومة المصرية، عقد الاجتماع في شرم الشيخ.");
    nobody_chaired("الحوار الذي دعا إليه الرئيس لم يبدأ بعد.");
    nobody_chaired("بدعوة من الجامعة، ألقى الباحث محاضرة عن التاريخ.");
    assert_eq!(
        chairs("احتضنت الرياض الاجتماع الذي ترأسته فرنسا وبريطانيا."),
        vec!["FR+GB"]
    );
    assert_eq!(
        chairs("عقد في العاصمة القطرية الدوحة اجتماع برئاسة مشتركة بين قطر والولايات المتحدة."),
        vec!["QA+US"]
    );
}

#[test]
fn heading_a_delegation_is_not_chairing() {
    nobody_chaired("ترأس وزير الخارجية العراقي فؤاد حسين وفد بلاده إلى الاجتماع.");
    nobody_chaired("ترأس الوفد السعودي نائب وزير الخارجية وليد الخريجي.");
    nobody_chaired("وشارك في الاجتماع وفد سعودي برئاسة نائب وزير الخارجية وليد الخريجي.");
    nobody_chaired("يرأس وفد المملكة المغربية ناصر بوريطة.");
    nobody_chaired("يترأس وفد بلاده إلى الاجتماع وزير الخارجية الأردني أيمن الصفدي.");
    nobody_chaired("تترأس وفد بريطانيا وزيرة الخارجية إيفيت كوبر.");
    nobody_chaired("وكان على رأس وفد بلاده وزير الخارجية الأردني أيمن الصفدي.");
    nobody_chaired("وقال رئيس وفد تركيا هاكان فيدان إن العمل مستمر.");
    nobody_chaired("وصرحت رئيسة وفد بريطانيا إيفيت كوبر بأن العمل مستمر.");
    nobody_chaired("ترأس بعثة بلاده لدى الأمم المتحدة وزير الخارجية الأردني أيمن الصفدي.");
    nobody_chaired("التقى رئيس بعثة العراق وزير الخارجية الأردني أيمن الصفدي.");
    nobody_chaired("ترأس الجانب الأمريكي في المحادثات ماركو روبيو.");
    nobody_chaired("يترأس الجانب التركي في المباحثات هاكان فيدان.");
    nobody_chaired("وقال رئيس الجانب العراقي فؤاد حسين إن المحادثات مثمرة.");
    nobody_chaired("شاركت وفود عربية برئاسة وزراء الخارجية.");
    nobody_chaired("وصلت بعثة العراق برئاسة السفير إلى مقر الاجتماع.");
    // A delegation in one clause, the chair in another.
    assert_eq!(
        chairs("ترأس فؤاد حسين وفد بلاده إلى الاجتماع الذي ترأسه فيدان وروبيو."),
        vec!["hakan-fidan+marco-rubio"]
    );
}

#[test]
fn heading_a_government_is_not_chairing() {
    nobody_chaired("ترأس الحكومة العراقية بين عامي 2014 و2018 حيدر العبادي.");
    nobody_chaired("ترأس الوزارة لسنوات طويلة.");
    nobody_chaired("ترأس الحزب الحاكم منذ تأسيسه.");
    nobody_chaired("ترأس جهاز الاستخبارات قبل تعيينه.");
    nobody_chaired("ترأس البلاد في فترة صعبة.");
    nobody_chaired("يترأس الحكومة الفرنسية رئيس وزراء جديد.");
    nobody_chaired("يرأس الحكومة الأردنية رئيس وزراء جديد.");
    nobody_chaired("يرأس الحزب زعيم جديد.");
    nobody_chaired("يرأس جهاز الأمن ضابط سابق.");
    nobody_chaired("يرأس البلاد منذ عشر سنوات.");
    nobody_chaired("يرأس الدولة رئيس منتخب.");
}

#[test]
fn attending_speaking_meeting_aside_and_patronage_are_not_chairing() {
    nobody_chaired("شارك وزير الخارجية الأردني أيمن الصفدي في الاجتماع.");
    nobody_chaired("حضر الاجتماع وزير الخارجية المصري بدر عبد العاطي.");
    nobody_chaired("وقال روبيو في كلمته أمام الاجتماع إن التنظيم لم يهزم.");
    nobody_chaired("وعلى هامش الاجتماع، التقى فيدان نظيره العراقي فؤاد حسين.");
    nobody_chaired("استقبل الصفدي وزير الخارجية العراقي فؤاد حسين.");
    nobody_chaired("عقد الاجتماع تحت رعاية وزير الخارجية المصري بدر عبد العاطي.");
    assert_eq!(
        chairs("ترأس الاجتماع روبيو، وألقى فيدان كلمة في الجلسة الأولى."),
        vec!["marco-rubio"]
    );
    assert_eq!(
        chairs("وقال فيدان إن الاجتماع الذي ترأسه روبيو كان مثمراً."),
        vec!["marco-rubio"]
    );
    assert_eq!(
        chairs("ترأس الاجتماع روبيو بحضور بوريطة والتقى على هامشه الصفدي."),
        vec!["marco-rubio"]
    );
    for text in [
        "ترأس روبيو الاجتماع ثم التقت كوبر فيدان.",
        "ترأس روبيو الاجتماع وسوف يلتقي فيدان غداً.",
        "ترأس روبيو الاجتماع وسوف تلتقي كوبر فيدان غداً.",
        "ترأس روبيو الاجتماع ثم استقبل فيدان.",
        "ترأس روبيو الاجتماع وسوف يستقبل فيدان غداً.",
        "ترأس روبيو الاجتماع وسوف تستقبل كوبر فيدان غداً.",
        "أقيم الحفل برعايته وترأس الاجتماع روبيو.",
        "عقد الاجتماع تحت رعايته وترأسه روبيو.",
    ] {
        assert_eq!(chairs(text), vec!["marco-rubio"], "in {text}");
    }
}

#[test]
fn ordinary_words_that_share_letters_with_chairing() {
    nobody_chaired("عاد الرئيس إلى العاصمة بعد زيارة قصيرة.");
    nobody_chaired("احتفل الناس برأس السنة في الساحات.");
    nobody_chaired("أصدرت رئاسة الجمهورية بياناً حول الانتخابات.");
    nobody_chaired("تولى منصبه في عام 2017 بعد انتخابات مبكرة.");
    nobody_chaired("شارك في الندوة عدد من الباحثين والخبراء.");
    nobody_chaired("يعاني المريض من ألم في رأسه منذ أيام.");
}

#[test]
fn an_unknown_chair_after_a_title_has_a_name() {
    assert_eq!(
        chairs("ترأس الاجتماع وزير الخارجية العراقي سالم نوري الزبيدي."),
        vec!["ar:سالم نوري الزبيدي"]
    );
    assert_eq!(
        chairs("ترأس الجلسة الجنرال الأمريكي فرانك مكاليستر والفريق الركن العراقي حامد الكبيسي."),
        vec!["ar:حامد الكبيسي+ar:فرانك مكاليستر"]
    );
    // A foreign name of words no list knows, after a title with a country.
    assert_eq!(
        chairs("ترأس الاجتماع الجنرال الفرنسي ريمي دوفور."),
        vec!["ar:ريمي دوفور"]
    );
    // A given name that is also a word, with a family name; a theophoric name.
    assert_eq!(
        chairs("ترأس الاجتماع وزير الخارجية السعودي عادل الغامدي ونظيره الأمريكي ريكس هولبروك."),
        vec!["ar:ريكس هولبروك+ar:عادل الغامدي"]
    );
    assert_eq!(
        chairs("ترأس الاجتماع الفريق قتيبة الجبوري."),
        vec!["ar:قتيبه الجبوري"]
    );
    // A monarch's regnal name; a given name written with the article.
    assert_eq!(
        chairs("ترأس الاجتماع جلالة الملك فيصل الثالث بحضور ولي العهد."),
        vec!["ar:فيصل الثالث"]
    );
    assert_eq!(
        chairs("ترأس الاجتماع سمو الأمير الحسين بن فيصل الثالث."),
        vec!["ar:الحسين بن فيصل الثالث"]
    );
    // A given name that is also a country adjective, after an honorific.
    assert_eq!(
        chairs("ترأس الاجتماع الأمير تركي الفيصل."),
        vec!["ar:تركي الفيصل"]
    );
    // A date-line capital before the cue is not a chair.
    nobody_chaired("عمّان (بترا) - ترأس الاجتماع الوزير الأول.");
    // Known given names without a title.
    assert_eq!(
        chairs("ترأس الاجتماع جون هاريسون ومحمد الدوري."),
        vec!["ar:جون هاريسون+ar:محمد الدوري"]
    );
}

#[test]
fn a_phrase_after_a_title_is_never_a_person() {
    for text in [
        "ترأس وزير الخارجية العراقي الجلسة الافتتاحية للمؤتمر.",
        "ترأس المبعوث الأمريكي الخاص الاجتماع المشترك.",
        "ترأس وزير الخارجية الإيراني يبحث مع نظيره سبل التعاون.",
        "ترأس المبعوث الأمريكي اجتماعا مغلقا مع الشركاء.",
        "ترأس وزير الخارجية البريطاني السابق اجتماعا آخر.",
        "وترأس الاجتماع السفير الفرنسي في بغداد.",
        "ترأس الاجتماع السيد أحمد.",
        "ترأس الاجتماع وزير الدفاع التركي يستعرض خطط العمليات.",
        "ترأس وزير الخارجية الإسباني جلسات النقاش.",
        "ترأس وزير الخارجية الإسباني جلسات نقاش مغلقة.",
        "ترأس المبعوث الأمريكي جلسة مغلقة مع الشركاء.",
        "ترأس وزير الدفاع الأمريكي مؤتمرا صحفيا مشتركا.",
        "ترأس وزير الخارجية البريطاني أعمال اليوم الأول.",
        "ترأس الاجتماع وزير الخارجية الكندي نيابة عن رئيس الوزراء.",
        "ترأس الاجتماع الجنرال الأمريكي المسؤول عن العمليات.",
        "ترأس الاجتماع وزيرا خارجية البلدين.",
        "ترأس الاجتماع رئيس الوزراء الحالي بشكل مشترك مع نظيره.",
        "بحضور وزير الخارجية القطري كلمة ترحيبية.",
    ] {
        assert_eq!(unknown_ids(text), Vec::<String>::new(), "in {text}");
    }
    assert_eq!(
        chairs("ترأس وزير الخارجية العراقي الجلسة الافتتاحية للمؤتمر."),
        vec!["IQ"]
    );
}

#[test]
fn a_title_before_a_known_person_gives_no_unknown() {
    assert_eq!(
        unknown_ids("ترأس الاجتماع وزير الخارجية السعودي الأمير فيصل بن فرحان."),
        Vec::<String>::new()
    );
}

#[test]
fn the_lineage_after_a_known_name_is_the_same_person() {
    for text in [
        "ترأس القمة الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد.",
        "ترأس القمة الأمير محمد بن سلمان بن عبد العزيز آل سعود.",
        "وترأس الجلسة محمد بن سلمان آل سعود.",
    ] {
        assert_eq!(unknown_ids(text), Vec::<String>::new(), "{text}");
        assert_eq!(chairs(text), ["mohammed-bin-salman"], "{text}");
    }
}

/// `word<TAB>kind` rows of a data file, checked sorted and unique by normalised key.
fn check_rows(file: &str, text: &str, key: fn(&str) -> String, kinds: &[&str]) {
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert!(rows.len() > 50, "{file} has its rows");
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "{file} must be sorted");
    let mut seen = std::collections::HashSet::new();
    for row in &rows {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 2, "{file}: bad row {row:?}");
        assert!(kinds.contains(&cols[1]), "{file}: bad kind in {row:?}");
        assert!(seen.insert(key(cols[0])), "{file}: duplicate {row:?}");
    }
}

#[test]
fn name_lists_parse_sorted_and_unique() {
    let bare_key = |w: &str| bare(&normalize(w)).to_owned();
    check_rows(
        "titles.tsv",
        include_str!("../../../data/titles.tsv"),
        bare_key,
        &["honorific", "head", "word"],
    );
    check_rows(
        "given_names.tsv",
        include_str!("../../../data/given_names.tsv"),
        normalize,
        &["name", "word", "particle", "ordinal"],
    );
    check_rows(
        "common_words.tsv",
        include_str!("../../../data/common_words.tsv"),
        bare_key,
        &[
            "preposition",
            "topic",
            "clause",
            "negation",
            "particle",
            "verb",
            "noun",
            "adjective",
            "time",
        ],
    );
    let lex = NameLexicon::builtin();
    assert_eq!(lex.title("ووزير"), Some(TitleWord::Head));
    assert_eq!(lex.title("للتحالف"), Some(TitleWord::Word));
    assert_eq!(lex.title("والجنرال"), Some(TitleWord::Honorific));
    assert_eq!(lex.given(&normalize("عبدالله")), Some(GivenName::Name));
    assert_eq!(lex.given(&normalize("سعيد")), Some(GivenName::Word));
    assert_eq!(lex.common(&normalize("والاجتماع")), Some(WordClass::Noun));
    assert_eq!(lex.common(&normalize("وفي")), Some(WordClass::Preposition));
    assert_eq!(lex.common(&normalize("لدى")), Some(WordClass::Preposition));
    assert!(NameLexicon::parse("وزير\tboss\n", "", "").is_err());
}

#[test]
fn no_given_name_is_a_common_word() {
    let lex = NameLexicon::builtin();
    for row in include_str!("../../../data/given_names.tsv").lines() {
        if row.starts_with('#') || row.trim().is_empty() {
            continue;
        }
        let name = row.split('\t').next().unwrap_or_default();
        assert_eq!(
            lex.common(&normalize(name)),
            None,
            "{name} is a common word"
        );
    }
}

/// The `.txt` files under a folder, recursively.
fn articles(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            articles(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// Whether the name stands right after a title word or a country adjective somewhere in the text.
fn follows_a_title(text: &str, name: &str) -> bool {
    let lex = NameLexicon::builtin();
    let gazetteer = Gazetteer::builtin();
    let key = normalize(text);
    let tokens = tokenize(&key);
    let entities = gazetteer.find_entities_in(&key, &tokens);
    let words: Vec<&str> = name.split(' ').collect();
    (1..tokens.len()).any(|i| {
        let at = |k: usize| tokens.get(i + k).map(|t| t.text(&key));
        let first = at(0).unwrap_or_default();
        let starts = first == words[0] || first.strip_prefix('و') == Some(words[0]);
        if !starts || !(1..words.len()).all(|k| at(k) == Some(words[k])) {
            return false;
        }
        let before = tokens[i - 1];
        lex.title(before.text(&key)).is_some()
            || entities
                .iter()
                .any(|e| e.span.start <= before.start && before.end <= e.span.end)
    })
}

#[test]
fn no_unknown_person_in_the_repository_is_made_of_common_words() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    articles(&root.join("fixtures"), &mut files);
    articles(&root.join("tests/corpus"), &mut files);
    assert!(files.len() > 20, "the fixtures and the corpus are there");
    let lex = NameLexicon::builtin();
    let mut seen = 0;
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for id in unknown_ids(&text) {
            seen += 1;
            let name = &id["ar:".len()..];
            for word in name.split(' ') {
                assert_eq!(
                    lex.common(word),
                    None,
                    "{}: {id} holds «{word}»",
                    file.display()
                );
            }
            let given = name
                .split(' ')
                .any(|w| lex.given(w) == Some(GivenName::Name) || w.starts_with("عبدال"));
            assert!(
                given || follows_a_title(&text, name),
                "{}: {id} has no given name and follows no title",
                file.display()
            );
        }
    }
    assert!(seen > 0, "the corpus has unknown people to check");
}
