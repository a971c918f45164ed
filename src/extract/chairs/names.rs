//! People named in a stretch of text: gazetteer entries, and people the gazetteer lacks, read
//! only where the text shows a name.
//!
//! An unknown person needs a name: words after a title (`data/titles.tsv`: "وزير الخارجية
//! العراقي", "الجنرال الأمريكي") that look like a name (a known given name from
//! `data/given_names.tsv`, or a family name with the article that is no common word), or words
//! that start with a known given name. Frequent words that are never names
//! (`data/common_words.tsv`) end a name and never make one, so a phrase after a chairing verb
//! ("ترأس وزير الخارجية الجلسة الافتتاحية") is never a person.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::extract::{Analysis, Entity};
use crate::lexicon::gazetteer::{EntityMatch, EntityRef};
use crate::text::normalize;
use crate::text::tokens::{bare, proclitic_readings};

const TITLES: &str = include_str!("../../../data/titles.tsv");
const GIVEN: &str = include_str!("../../../data/given_names.tsv");
const COMMON: &str = include_str!("../../../data/common_words.tsv");

static LEX: crate::lexicon::lists::Extensible<NameLexicon> =
    crate::lexicon::lists::Extensible::new(|| {
        NameLexicon::parse(TITLES, GIVEN, COMMON).unwrap_or_default()
    });

/// How a word of `data/titles.tsv` stands in a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleWord {
    /// Only ever stands before a name (السيد، الأمير، الجنرال).
    Honorific,
    /// Opens a title (وزير، المبعوث، السفير).
    Head,
    /// Continues a title (الخارجية، الخاص، لدى).
    Word,
}

/// What a word of `data/given_names.tsv` tells about the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GivenName {
    /// A given name and hardly anything else (محمد، جون).
    Name,
    /// A given name that is also an ordinary word (سعيد، حسن).
    Word,
    /// A word inside names that is no name by itself (بن، أبو، آل، دي).
    Particle,
    /// A regnal ordinal that ends a monarch's name (عبدالله الثاني، محمد السادس).
    Ordinal,
}

/// The class of a word of `data/common_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// Governs a place or topic: في، إلى، لدى، ضد.
    Preposition,
    /// Opens what something is about: لبحث، حول، بشأن.
    Topic,
    /// Opens a new clause: الذي، حيث، فيما، أن.
    Clause,
    /// Negates what follows: لم، عدم، دون.
    Negation,
    Particle,
    Verb,
    Noun,
    Adjective,
    Time,
}

/// Error in one of the name word lists.
#[derive(Debug, thiserror::Error)]
#[error("data/{file} line {line}: {message}")]
pub struct NameListError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// Title words, given names and common words, normalised.
#[derive(Debug, Default)]
pub struct NameLexicon {
    /// Keyed by the normalised word without its article.
    titles: FxHashMap<String, TitleWord>,
    /// Keyed by the normalised word as written (the article is part of no given name).
    given: FxHashMap<String, GivenName>,
    /// Keyed by the normalised word without its article.
    common: FxHashMap<String, WordClass>,
}

/// `word<TAB>kind` rows of one file, normalised, with their line numbers.
fn rows<'a>(
    file: &'static str,
    text: &'a str,
) -> impl Iterator<Item = Result<(usize, String, &'a str), NameListError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(n, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            match cols[..] {
                [word, kind] if !word.trim().is_empty() => Ok((n + 1, normalize(word), kind)),
                _ => Err(NameListError {
                    file,
                    line: n + 1,
                    message: format!("expected word<TAB>kind, found {l:?}"),
                }),
            }
        })
}

fn bad_kind(file: &'static str, line: usize, kind: &str) -> NameListError {
    NameListError {
        file,
        line,
        message: format!("unknown kind {kind:?}"),
    }
}

impl NameLexicon {
    /// Parses the three files' contents; errors name the file and line.
    pub fn parse(titles: &str, given: &str, common: &str) -> Result<Self, NameListError> {
        let mut lex = NameLexicon::default();
        for row in rows("titles.tsv", titles) {
            let (line, word, kind) = row?;
            let kind = match kind {
                "honorific" => TitleWord::Honorific,
                "head" => TitleWord::Head,
                "word" => TitleWord::Word,
                k => return Err(bad_kind("titles.tsv", line, k)),
            };
            lex.titles.insert(bare(&word).to_owned(), kind);
        }
        for row in rows("given_names.tsv", given) {
            let (line, word, kind) = row?;
            let kind = match kind {
                "name" => GivenName::Name,
                "word" => GivenName::Word,
                "particle" => GivenName::Particle,
                "ordinal" => GivenName::Ordinal,
                k => return Err(bad_kind("given_names.tsv", line, k)),
            };
            lex.given.insert(word, kind);
        }
        for row in rows("common_words.tsv", common) {
            let (line, word, kind) = row?;
            let kind = match kind {
                "preposition" => WordClass::Preposition,
                "topic" => WordClass::Topic,
                "clause" => WordClass::Clause,
                "negation" => WordClass::Negation,
                "particle" => WordClass::Particle,
                "verb" => WordClass::Verb,
                "noun" => WordClass::Noun,
                "adjective" => WordClass::Adjective,
                "time" => WordClass::Time,
                k => return Err(bad_kind("common_words.tsv", line, k)),
            };
            lex.common.insert(bare(&word).to_owned(), kind);
        }
        Ok(lex)
    }

    /// The lists in force: those compiled from `data/`, extended by `--lexicon DIR` when given.
    pub fn builtin() -> &'static NameLexicon {
        LEX.get()
    }

    /// The built-in lists and the user's rows (each checked alone first, so errors name the
    /// user's own lines).
    pub fn extended(titles: &str, given: &str, common: &str) -> Result<NameLexicon, NameListError> {
        NameLexicon::parse(titles, given, common)?;
        NameLexicon::parse(
            &format!("{TITLES}\n{titles}"),
            &format!("{GIVEN}\n{given}"),
            &format!("{COMMON}\n{common}"),
        )
    }

    /// Puts extended lists in force for the rest of the process; `false` if some already are.
    pub fn install(lex: NameLexicon) -> bool {
        LEX.install(lex)
    }

    /// How a (normalised) word stands in a title, under any reading of its proclitics
    /// ("ووزير", "للتحالف", "بالوكالة").
    pub fn title(&self, word: &str) -> Option<TitleWord> {
        proclitic_readings(word)
            .iter()
            .find_map(|(_, stem, _)| self.titles.get(bare(stem)).copied())
    }

    /// Whether a (normalised) word is a given name.
    pub fn given(&self, word: &str) -> Option<GivenName> {
        self.given.get(word).copied().or_else(|| {
            // "الحسين", "الحسن": a given name with the article is still one.
            let bare_word = bare(word);
            (bare_word.len() < word.len())
                .then(|| self.given.get(bare_word).copied())
                .flatten()
                .filter(|g| *g == GivenName::Name)
        })
    }

    /// Whether a word governs what follows as a place, destination or topic ("في", "إلى", "حول").
    pub fn governs(&self, word: &str) -> bool {
        matches!(
            self.common(word),
            Some(WordClass::Preposition | WordClass::Topic)
        )
    }

    /// The class of a (normalised) common word, with or without its article or a leading و
    /// ("والاجتماع", "وفي").
    pub fn common(&self, word: &str) -> Option<WordClass> {
        let get = |w: &str| self.common.get(bare(w)).copied();
        get(word).or_else(|| {
            word.strip_prefix('و')
                .filter(|w| w.chars().count() >= 2)
                .and_then(get)
        })
    }
}

/// A person named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub entity: Entity,
    /// The name, without proclitics (normalised offsets).
    pub span: Range<usize>,
    /// The title right before the name, if any: countries inside it are the person's.
    pub title: Option<Range<usize>>,
}

/// A title before a name: the token after it, the country it names (not a destination) and
/// whether it holds a word that only ever precedes a name.
struct Title {
    end: usize,
    country: Option<String>,
    honorific: bool,
}

/// The gazetteer entry starting at token `t`, if any.
fn entity_at<'a>(an: &'a Analysis, t: usize) -> Option<&'a EntityMatch> {
    let tok = an.tokens.get(t)?;
    an.entities_in(tok.start..tok.start + 1).first()
}

/// Whether token `t` holds a definite country adjective ("الأمريكي", "والسعودي").
fn definite_adjective(an: &Analysis, e: &EntityMatch) -> bool {
    matches!(e.entity, EntityRef::CountryAdjective(_))
        && an.key()[e.span.start + e.clitic_len..].starts_with("ال")
}

/// Whether an entity is a country adjective without the article, one word ("تركي", "مصري").
fn indefinite_adjective(an: &Analysis, e: &EntityMatch) -> bool {
    matches!(e.entity, EntityRef::CountryAdjective(_))
        && !definite_adjective(an, e)
        && an.token_at(e.span.end) == an.token_at(e.span.start) + 1
}

/// Whether the entity is where a title points to ("إلى سوريا", "لدى تركيا", "لسوريا"), not
/// whose it is.
fn destination(an: &Analysis, e: &EntityMatch, lex: &NameLexicon) -> bool {
    let t = an.token_at(e.span.start);
    let clitic = &an.key()[e.span.start..e.span.start + e.clitic_len];
    clitic.ends_with('ل') || (t > 0 && lex.governs(an.tokens[t - 1].text(an.key())))
}

/// The country an entity in a title stands for: countries, their adjectives and capitals.
fn country_of(an: &Analysis, e: &EntityMatch) -> Option<String> {
    let g = an.gazetteer;
    match e.entity {
        EntityRef::Country(_) | EntityRef::CountryAdjective(_) => {}
        EntityRef::City(i) if g.cities()[i].capital => {}
        _ => return None,
    }
    g.entity_country(e.entity).map(str::to_owned)
}

/// The title starting at token `i` (a head or honorific, or a definite country adjective),
/// up to `end` (exclusive).
fn title_at(an: &Analysis, i: usize, end: usize, lex: &NameLexicon) -> Option<Title> {
    let key = an.key();
    let mut title = Title {
        end: i + 1,
        country: None,
        honorific: false,
    };
    match (lex.title(an.tokens[i].text(key)), entity_at(an, i)) {
        (_, Some(e)) if definite_adjective(an, e) => {
            title.country = country_of(an, e);
            title.end = an.token_at(e.span.end);
        }
        (Some(TitleWord::Head), None) => {}
        (Some(TitleWord::Honorific), None) => title.honorific = true,
        _ => return None,
    }
    // A title is a few words: the bound keeps run-on text linear.
    let limit = end.min(i + 16);
    let mut after_honorific = title.honorific;
    while title.end < limit {
        let j = title.end;
        let word = an.tokens[j].text(key);
        if let Some(e) = entity_at(an, j) {
            // "الأمير تركي الفيصل": after an honorific, a bare adjective is a given name.
            if matches!(e.entity, EntityRef::Person(_))
                || (after_honorific && indefinite_adjective(an, e))
            {
                break;
            }
            after_honorific = false;
            if title.country.is_none() && !destination(an, e, lex) {
                title.country = country_of(an, e);
            }
            title.end = an.token_at(e.span.end).max(j + 1);
            continue;
        }
        match lex.title(word) {
            // "وزير الخارجية السعودي ووزير الخارجية الأمريكي …": a second title after "و" names
            // another person once this one has a country; "نائب رئيس الوزراء ووزير الخارجية" is
            // one person.
            Some(TitleWord::Head | TitleWord::Honorific)
                if word.starts_with('و') && title.country.is_some() =>
            {
                break;
            }
            Some(kind) => {
                title.honorific |= kind == TitleWord::Honorific;
                after_honorific = kind == TitleWord::Honorific;
                title.end = j + 1;
            }
            None => break,
        }
    }
    Some(title)
}

/// One word of a candidate name (or two joined: "عبد الله", "نور الدين").
struct NameWord<'a> {
    text: String,
    first: &'a str,
    given: Option<GivenName>,
}

impl NameWord<'_> {
    fn particle(&self) -> bool {
        self.given == Some(GivenName::Particle)
    }
    /// A given name that shows the words are a name: listed, or theophoric (عبدالجبار).
    fn strong(&self) -> bool {
        self.given == Some(GivenName::Name)
            || (self.text.starts_with("عبدال") && self.text.chars().count() >= 6)
    }
    fn definite(&self) -> bool {
        self.text.starts_with("ال") && self.text.chars().count() >= 5
    }
    /// Looks like a verb (imperfect prefix, plural past) or an accusative noun: never a name's
    /// first word unless it is a known given name.
    fn verb_like(&self) -> bool {
        if self.given.is_some() {
            return false;
        }
        let n = self.first.chars().count();
        (n >= 4 && ["ي", "ت", "ن"].iter().any(|p| self.first.starts_with(p)))
            || self.first.ends_with("وا")
            || self.first.ends_with('ا')
    }
}

/// Chars allowed between the words of a name: spaces, quotes, a hyphen (جان-نويل).
fn name_gap(gap: &str) -> bool {
    gap.chars().all(|c| {
        matches!(
            c,
            ' ' | '"' | '\'' | '«' | '»' | '“' | '”' | '-' | '\u{00A0}'
        )
    })
}

/// Words from token `j` (before `end`) that may be a name; [`is_name`] decides whether they are.
struct Candidate<'a> {
    words: Vec<NameWord<'a>>,
    /// The token after the last word.
    end: usize,
    /// Bytes of a conjunction "و" before the first word ("ومحمد الفلاني").
    lead: usize,
}

/// `honorific`: the words follow a word that only ever precedes a name, so a bare country
/// adjective first is a given name ("الأمير تركي الفيصل").
fn name_words<'a>(
    an: &'a Analysis,
    j: usize,
    end: usize,
    lex: &NameLexicon,
    honorific: bool,
) -> Candidate<'a> {
    let key = an.key();
    let mut words: Vec<NameWord<'a>> = Vec::new();
    let mut lead = 0;
    let mut k = j;
    // Names run to six words with their particles (محمد بن عبدالرحمن بن جاسم آل ثاني).
    while k < end && k < j + 6 {
        let tok = an.tokens[k];
        let mut word = tok.text(key);
        // "… ومحمد الفلاني": a name joined by "و" to what comes before.
        if k == j
            && lex.given(word).is_none()
            && let Some(rest) = word.strip_prefix('و')
            && (lex.given(rest).is_some() || rest.starts_with("عبد"))
        {
            word = rest;
            lead = 'و'.len_utf8();
        }
        if k > j && !name_gap(&key[an.tokens[k - 1].end..tok.start]) {
            break;
        }
        if let Some(e) = entity_at(an, k) {
            if k == j && honorific && indefinite_adjective(an, e) {
                words.push(NameWord {
                    text: word.to_owned(),
                    first: word,
                    given: Some(GivenName::Word),
                });
                k += 1;
                continue;
            }
            break;
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        // "عبد الله", "نور الدين", "أبو بكر": two words that are one given name.
        if k + 1 < end && k + 1 < j + 6 {
            let next = an.tokens[k + 1];
            let joined = format!("{word}{}", next.text(key));
            let joined_given = lex.given(&joined).or_else(|| {
                (word == "عبد" && next.text(key).starts_with("ال")).then_some(GivenName::Name)
            });
            if let Some(g) = joined_given
                && name_gap(&key[tok.end..next.start])
                && entity_at(an, k + 1).is_none()
            {
                words.push(NameWord {
                    text: joined,
                    first: word,
                    given: Some(g),
                });
                k += 2;
                continue;
            }
        }
        let given = lex.given(word);
        // "عبدالله الثاني": an ordinal after a given name ends it; anywhere else it is no name.
        if given == Some(GivenName::Ordinal) {
            if words.last().is_some_and(NameWord::strong) {
                words.push(NameWord {
                    text: word.to_owned(),
                    first: word,
                    given,
                });
                k += 1;
            }
            break;
        }
        if given.is_none() {
            let prepositional = ["بال", "لل", "فال", "كال"]
                .iter()
                .any(|p| word.starts_with(p));
            if lex.title(word).is_some()
                || lex.common(word).is_some()
                || word.starts_with('و')
                || prepositional
                || an.cues_in(k..k + 1).next().is_some()
            {
                break;
            }
        }
        words.push(NameWord {
            text: word.to_owned(),
            first: word,
            given,
        });
        k += 1;
    }
    // A name does not end in a particle ("… بن"); particles are single words.
    while words.last().is_some_and(NameWord::particle) {
        words.pop();
        k -= 1;
    }
    Candidate {
        words,
        end: k,
        lead,
    }
}

/// Whether words read after a title (or with none) are a name.
fn is_name(words: &[NameWord], title: Option<&Title>) -> bool {
    let proper: Vec<&NameWord> = words.iter().filter(|w| !w.particle()).collect();
    let (Some(first), Some(last)) = (proper.first(), proper.last()) else {
        return false;
    };
    // A name may open with "أبو" (أبو محمد الفلاني), not with "بن" or "آل".
    let opens_with_particle = words
        .first()
        .is_some_and(|w| w.particle() && w.text != "ابو");
    if proper.len() < 2 || opens_with_particle {
        return false;
    }
    // A name opens with a given name: "كيفن مارلو", "سامر عبدالجبار الدليمي". Without a title
    // nothing else will do.
    if first.strong() {
        return true;
    }
    let Some(title) = title else {
        return false;
    };
    // A given name that is also a word needs company: "سالم نوري الزبيدي", "عادل الجبير".
    if first.given == Some(GivenName::Word)
        && (proper[1..].iter().any(|w| w.strong()) || last.definite())
    {
        return true;
    }
    // After a word that only ever precedes a name ("الجنرال", "السيد"), a name no list knows:
    // "الجنرال ريمي دوفور", "الفريق قتيبة الجبوري". After other titles such words are as often
    // a phrase ("وزير الخارجية الإسباني جلسات النقاش").
    title.honorific
        && proper.len() <= 3
        && !first.definite()
        && proper.iter().all(|w| !w.verb_like())
        && proper[1..proper.len() - 1].iter().all(|w| !w.definite())
}

/// Every person named in `region` (normalised offsets): gazetteer entries, with the title before
/// them if any, and people the gazetteer lacks where the text shows a name.
pub fn people_in(an: &Analysis, region: Range<usize>) -> Vec<Named> {
    let lex = NameLexicon::builtin();
    let g = an.gazetteer;
    let key = an.key();
    let start = an.token_at(region.start);
    let end = an
        .tokens
        .partition_point(|t| t.end <= region.end)
        .max(start);
    let known = |e: &EntityMatch, title: Option<Range<usize>>| Named {
        entity: Entity {
            id: g.id(e.entity).to_owned(),
            country: g.entity_country(e.entity).map(str::to_owned),
            name_en: Some(g.name_en(e.entity).to_owned()),
        },
        span: e.span.start + e.clitic_len..e.span.end,
        title,
    };
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if let Some(e) = entity_at(an, i)
            && matches!(e.entity, EntityRef::Person(_))
        {
            out.push(known(e, None));
            i = lineage_end(an, an.token_at(e.span.end).max(i + 1), end);
            continue;
        }
        if let Some(title) = title_at(an, i, end, lex) {
            let j = title.end;
            let title_span = an.tokens[i].start..an.tokens[j - 1].end;
            if j < end
                && let Some(e) = entity_at(an, j)
                && matches!(e.entity, EntityRef::Person(_))
            {
                out.push(known(e, Some(title_span)));
                i = lineage_end(an, an.token_at(e.span.end).max(j + 1), end);
                continue;
            }
            let name = name_words(an, j, end, lex, title.honorific);
            if is_name(&name.words, Some(&title)) {
                i = name.end;
                out.push(unknown(an, j, &name, title.country, Some(title_span)));
            } else {
                i = j.max(i + 1);
            }
            continue;
        }
        // Without a title a name opens with a given name: most words are not worth a look.
        let word = an.tokens[i].text(key);
        let word = word.strip_prefix('و').unwrap_or(word);
        if lex.given(word).is_none() && !word.starts_with("عبد") {
            i += 1;
            continue;
        }
        let name = name_words(an, i, end, lex, false);
        if is_name(&name.words, None) {
            out.push(unknown(an, i, &name, None, None));
            i = name.end;
        } else {
            i += 1;
        }
    }
    out
}

/// The end of the lineage that may follow a known name: "محمد بن سلمان **بن عبدالعزيز آل سعود**"
/// is one person, so the father's and the family's names are not read as a second one.
fn lineage_end(an: &Analysis, mut t: usize, end: usize) -> usize {
    let key = an.key();
    let word = |k: usize| an.tokens[k].text(key);
    while t + 1 < end && matches!(word(t), "بن" | "ابن" | "بنت" | "ال") {
        // "بن عبد العزيز" spells the father's name in two words.
        t += if word(t + 1) == "عبد" && t + 2 < end {
            3
        } else {
            2
        };
    }
    t
}

/// An unknown person: `ar:` + the normalised name, words joined by one space.
fn unknown(
    an: &Analysis,
    from: usize,
    name: &Candidate,
    country: Option<String>,
    title: Option<Range<usize>>,
) -> Named {
    let key = an.key();
    let span = an.tokens[from].start + name.lead..an.tokens[name.end - 1].end;
    let words: Vec<&str> = an.tokens[from..name.end]
        .iter()
        .map(|t| &key[t.start.max(span.start)..t.end])
        .collect();
    Named {
        entity: Entity {
            id: format!("ar:{}", normalize(&words.join(" "))),
            country,
            name_en: None,
        },
        span,
        title,
    }
}
