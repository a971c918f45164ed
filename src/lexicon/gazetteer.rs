//! The gazetteer: countries, cities, people and organisations with their Arabic names, and the
//! matcher that finds their mentions in normalised text.
//!
//! The data is the TSV files under `data/`, compiled in and parsed once; a user directory can
//! extend or override them without recompiling ([`Gazetteer::from_dir`]). Aliases are normalised
//! at load with the same normaliser as documents, so matching is exact on normalised tokens.

use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use crate::lexicon::cues::CueSet;
use crate::text::normalize::normalize;
use crate::text::sieve::{self, Sieve};
use crate::text::tokens::{Token, bare, proclitic_readings, tokenize};

/// File names of the four gazetteer files, in the order [`Gazetteer::parse`] takes them.
pub const FILE_NAMES: [&str; 4] = [
    "countries.tsv",
    "cities.tsv",
    "people.tsv",
    "organisations.tsv",
];

const BUILTIN_SOURCES: [&str; 4] = [
    include_str!("../../data/countries.tsv"),
    include_str!("../../data/cities.tsv"),
    include_str!("../../data/people.tsv"),
    include_str!("../../data/organisations.tsv"),
];

static BUILTIN: LazyLock<Gazetteer> = LazyLock::new(|| {
    let [countries, cities, people, organisations] = BUILTIN_SOURCES;
    Gazetteer::parse(countries, cities, people, organisations)
        .expect("the built-in gazetteer is checked by the unit tests below")
});

/// A country. Arabic names are kept as written in the data file; matching uses normalised forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code: `"SA"`.
    pub code: String,
    pub name_en: String,
    /// Full and short names: السعودية، المملكة العربية السعودية.
    pub names_ar: Vec<String>,
    /// Indefinite adjectives, masculine and feminine: سعودي، سعودية. Definite forms are matched too.
    pub adjectives_ar: Vec<String>,
    /// Id of the capital in the cities table.
    pub capital: Option<String>,
    /// Names that stand for this country only when nothing else is meant: المملكة.
    pub weak_aliases: Vec<String>,
}

/// A city, identified by its English exonym.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct City {
    /// English exonym: `"Riyadh"`.
    pub id: String,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: String,
    /// Whether it is its country's capital, so that it can stand for the government (واشنطن = US).
    pub capital: bool,
    pub names_ar: Vec<String>,
    pub weak_aliases: Vec<String>,
}

/// A person who may take part in or comment on the meetings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Lower-case ASCII slug of the usual English name: `"waleed-al-khuraiji"`.
    pub id: String,
    pub name_en: String,
    /// The country the person speaks for; `None` for officials of international bodies.
    pub country: Option<String>,
    /// The posts the person held, in the order the data file lists them (oldest first there).
    pub terms: Vec<Term>,
    pub names_ar: Vec<String>,
    pub weak_aliases: Vec<String>,
}

/// One post held by a person over a span of Gregorian years: `secretary of state@2013-2017`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Short English role: `"deputy foreign minister"`.
    pub role: String,
    /// First year in the post; [`Term::UNDATED`] when the file gave no years (the old `role`
    /// column, or a role written without `@`).
    pub from: u16,
    /// Last year in the post; `None` while still in it (as of [`Term::OPEN_END`]) and for
    /// undated terms.
    pub to: Option<u16>,
}

impl Term {
    /// `from` of a term whose years are unknown: it counts as held in every year.
    pub const UNDATED: u16 = 0;
    /// The year the data is current to: an open term counts as ending here in
    /// [`Person::years_active`].
    pub const OPEN_END: u16 = 2026;
    /// Earliest and latest years a dated term may name.
    pub const YEARS: std::ops::RangeInclusive<u16> = 1950..=2100;

    /// Whether the file gave the term's years.
    pub fn is_dated(&self) -> bool {
        self.from != Term::UNDATED
    }

    /// Whether the post was held in `year`: an open term from its start on, an undated one
    /// always.
    pub fn active_in(&self, year: u16) -> bool {
        self.from <= year && self.to.is_none_or(|to| year <= to)
    }
}

impl Person {
    /// The role of the latest term (the open one, else the one that ended last; on a tie the one
    /// listed last), or `""` for a person without terms.
    pub fn role(&self) -> &str {
        self.terms
            .iter()
            .max_by_key(|t| (t.to.unwrap_or(u16::MAX), t.from))
            .map_or("", |t| t.role.as_str())
    }

    /// The earliest `from` and the latest `to` of the person's terms, an open term ending in
    /// [`Term::OPEN_END`]. Undated terms, and a person without terms, start in
    /// [`Term::UNDATED`] (year 0): the years are unknown.
    pub fn years_active(&self) -> (u16, u16) {
        let from = self
            .terms
            .iter()
            .map(|t| t.from)
            .min()
            .unwrap_or(Term::UNDATED);
        let to = self
            .terms
            .iter()
            .map(|t| t.to.unwrap_or(Term::OPEN_END))
            .max()
            .unwrap_or(Term::OPEN_END);
        (from, to)
    }

    /// Whether any term was held in `year` (see [`Term::active_in`]). A person without terms
    /// counts as active: nothing says otherwise.
    pub fn active_in(&self, year: u16) -> bool {
        self.terms.is_empty() || self.terms.iter().any(|t| t.active_in(year))
    }
}

/// An organisation, armed group or news agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Lower-case ASCII slug: `"global-coalition"`.
    pub id: String,
    pub name_en: String,
    pub names_ar: Vec<String>,
    pub weak_aliases: Vec<String>,
    /// Number of member states (GCC 6, Arab League 22), for bodies with a fixed membership;
    /// `None` where it does not apply or changes too often to be listed.
    pub members: Option<u32>,
    /// The city of the body's headquarters (an id in the cities table), where a meeting "at the
    /// headquarters of" it takes place.
    pub hq: Option<String>,
}

/// A gazetteer entry, by index into the gazetteer that produced it.
///
/// Indices are only meaningful for that gazetteer; look-ups panic on a reference from another.
/// The variant order is the order of preference when one alias names several entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityRef {
    Country(usize),
    /// A country named by its adjective (السعودي، الأمريكية).
    CountryAdjective(usize),
    City(usize),
    Person(usize),
    Organisation(usize),
}

/// One mention of a gazetteer entry in normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMatch {
    pub entity: EntityRef,
    /// Bytes in the normalised text, from the start of the first token (proclitics included) to
    /// the end of the last.
    // Invariant: span.start < span.end, both on token boundaries.
    pub span: Range<usize>,
    /// Bytes of proclitics (و ف ب ل ك, and the article's ل in لل) at the start of the span.
    pub clitic_len: usize,
    /// The alias is ambiguous on its own (المملكة، عمان): trust it only when nothing better is there.
    pub weak: bool,
    /// The next-preferred entry that the same alias also names (عمان: Oman, then Amman;
    /// الكويت: the country, then its capital), if any.
    pub alternative: Option<EntityRef>,
}

/// Why gazetteer data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("cannot read gazetteer file {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{dir}: no lexicon files found; put one or more of countries.tsv, cities.tsv, \
         people.tsv, organisations.tsv, cues.tsv, calendar.tsv, numbers.tsv, titles.tsv, \
         given_names.tsv, common_words.tsv there"
    )]
    NoFiles { dir: PathBuf },
}

/// Where an entry was read from, for error messages.
#[derive(Debug, Clone)]
struct Origin {
    file: String,
    line: usize,
}

impl Origin {
    fn error(&self, message: impl Into<String>) -> GazetteerError {
        GazetteerError::Parse {
            file: self.file.clone(),
            line: self.line,
            message: message.into(),
        }
    }
}

type Sourced<T> = Vec<(Origin, T)>;

/// One normalised alias, indexed under the bare form of its first token.
#[derive(Debug, Clone)]
struct Alias {
    /// Tokens after the first, matched exactly.
    rest: Box<[String]>,
    /// Whether the first token carries the article; the text's token must agree.
    article: bool,
    entity: EntityRef,
    weak: bool,
}

/// Countries, cities, people and organisations, with an alias index for matching.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    // Invariant: each table is sorted by id, ids unique.
    countries: Vec<Country>,
    cities: Vec<City>,
    people: Vec<Person>,
    organisations: Vec<Organisation>,
    aliases: Vec<Alias>,
    /// Bare first token of an alias → indices into `aliases`.
    index: FxHashMap<String, Vec<usize>>,
    /// The text layer's first words and this gazetteer's, for marking tokens once per document.
    sieve: Sieve,
}

impl Gazetteer {
    /// The gazetteer compiled from `data/`, parsed on first use.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// Parses the four files' contents. Errors name the file and line.
    pub fn parse(
        countries: &str,
        cities: &str,
        people: &str,
        organisations: &str,
    ) -> Result<Gazetteer, GazetteerError> {
        let [fc, fi, fp, fo] = FILE_NAMES;
        Gazetteer::build(
            parse_countries(fc, countries)?,
            parse_cities(fi, cities)?,
            parse_people(fp, people)?,
            parse_organisations(fo, organisations)?,
        )
    }

    /// The built-in data extended by the files in `dir`.
    ///
    /// Each of the four files is optional; an entry whose id is already built in replaces the
    /// built-in entry, any other is added. User files need not be sorted. The directory must hold
    /// at least one of the files, so that a mistyped path is not silently ignored.
    pub fn from_dir(dir: &Path) -> Result<Gazetteer, GazetteerError> {
        let [bc, bi, bp, bo] = BUILTIN_SOURCES;
        let [fc, fi, fp, fo] = FILE_NAMES;
        let mut found = 0;
        let mut read = |name: &str| -> Result<Option<(String, String)>, GazetteerError> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    found += 1;
                    Ok(Some((path.display().to_string(), text)))
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(source) => Err(GazetteerError::Read { path, source }),
            }
        };
        let user = [read(fc)?, read(fi)?, read(fp)?, read(fo)?];
        // A directory of word lists alone (cues, calendar…) extends those, not the gazetteer.
        let lists = crate::lexicon::lists::FILE_NAMES
            .iter()
            .any(|name| dir.join(name).is_file());
        if found == 0 && !lists {
            return Err(GazetteerError::NoFiles {
                dir: dir.to_path_buf(),
            });
        }
        let [uc, ui, up, uo] = user;
        let countries = extend(parse_countries(fc, bc)?, uc, parse_countries, |c| &c.code)?;
        let cities = extend(parse_cities(fi, bi)?, ui, parse_cities, |c| &c.id)?;
        let people = extend(parse_people(fp, bp)?, up, parse_people, |p| &p.id)?;
        let organisations = extend(parse_organisations(fo, bo)?, uo, parse_organisations, |o| {
            &o.id
        })?;
        Gazetteer::build(countries, cities, people, organisations)
    }

    fn build(
        mut countries: Sourced<Country>,
        mut cities: Sourced<City>,
        mut people: Sourced<Person>,
        mut organisations: Sourced<Organisation>,
    ) -> Result<Gazetteer, GazetteerError> {
        countries.sort_by(|a, b| a.1.code.cmp(&b.1.code));
        cities.sort_by(|a, b| a.1.id.cmp(&b.1.id));
        people.sort_by(|a, b| a.1.id.cmp(&b.1.id));
        organisations.sort_by(|a, b| a.1.id.cmp(&b.1.id));

        let country_known = |code: &str| {
            countries
                .binary_search_by(|(_, c)| c.code.as_str().cmp(code))
                .is_ok()
        };
        for (origin, city) in &cities {
            if !country_known(&city.country) {
                return Err(origin.error(format!(
                    "unknown country code {:?}; add it to countries.tsv",
                    city.country
                )));
            }
        }
        for (origin, person) in &people {
            if let Some(code) = &person.country
                && !country_known(code)
            {
                return Err(origin.error(format!(
                    "unknown country code {code:?}; add it to countries.tsv or write `-`"
                )));
            }
        }
        for (origin, country) in &countries {
            if let Some(capital) = &country.capital
                && cities
                    .binary_search_by(|(_, c)| c.id.as_str().cmp(capital))
                    .is_err()
            {
                return Err(origin.error(format!(
                    "unknown capital {capital:?}; add it to cities.tsv or write `-`"
                )));
            }
        }

        let mut gazetteer = Gazetteer {
            countries: countries.into_iter().map(|(_, c)| c).collect(),
            cities: cities.into_iter().map(|(_, c)| c).collect(),
            people: people.into_iter().map(|(_, p)| p).collect(),
            organisations: organisations.into_iter().map(|(_, o)| o).collect(),
            aliases: Vec::new(),
            index: FxHashMap::default(),
            sieve: Sieve::default(),
        };
        gazetteer.index_aliases();
        Ok(gazetteer)
    }

    fn index_aliases(&mut self) {
        let mut entries: Vec<(EntityRef, &str, bool, bool)> = Vec::new();
        for (i, c) in self.countries.iter().enumerate() {
            let e = EntityRef::Country(i);
            entries.extend(c.names_ar.iter().map(|a| (e, a.as_str(), false, false)));
            entries.extend(c.weak_aliases.iter().map(|a| (e, a.as_str(), true, false)));
            let adj = EntityRef::CountryAdjective(i);
            entries.extend(
                c.adjectives_ar
                    .iter()
                    .map(|a| (adj, a.as_str(), false, true)),
            );
        }
        for (i, c) in self.cities.iter().enumerate() {
            let e = EntityRef::City(i);
            entries.extend(c.names_ar.iter().map(|a| (e, a.as_str(), false, false)));
            entries.extend(c.weak_aliases.iter().map(|a| (e, a.as_str(), true, false)));
        }
        for (i, p) in self.people.iter().enumerate() {
            let e = EntityRef::Person(i);
            entries.extend(p.names_ar.iter().map(|a| (e, a.as_str(), false, false)));
            entries.extend(p.weak_aliases.iter().map(|a| (e, a.as_str(), true, false)));
        }
        for (i, o) in self.organisations.iter().enumerate() {
            let e = EntityRef::Organisation(i);
            entries.extend(o.names_ar.iter().map(|a| (e, a.as_str(), false, false)));
            entries.extend(o.weak_aliases.iter().map(|a| (e, a.as_str(), true, false)));
        }

        let mut aliases = Vec::new();
        let mut index: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        // Strong names come before weak ones for each entity, so a spelling listed both ways
        // (or generated twice) keeps its strong reading.
        let mut seen: HashSet<(EntityRef, Vec<String>)> = HashSet::new();
        for (entity, alias, weak, adjective) in entries {
            for tokens in alias_forms(alias, adjective) {
                if !seen.insert((entity, tokens.clone())) {
                    continue;
                }
                let key = bare(&tokens[0]).to_string();
                let article = key.len() != tokens[0].len();
                index.entry(key).or_default().push(aliases.len());
                aliases.push(Alias {
                    rest: tokens[1..].to_vec().into_boxed_slice(),
                    article,
                    entity,
                    weak,
                });
            }
        }
        self.aliases = aliases;
        let mut sieve = Sieve::with_text_layer();
        for key in index.keys() {
            sieve.add(key, sieve::ENTITY);
        }
        // The extractors match the built-in cues.
        for (word, prefix) in CueSet::builtin().first_words() {
            if prefix {
                sieve.add_prefix(word, sieve::CUE);
            } else {
                sieve.add(word, sieve::CUE);
            }
        }
        self.index = index;
        self.sieve = sieve;
    }

    /// Marks which scanners may start at each token: the text layer's (numbers, months,
    /// weekdays) and this gazetteer's aliases; see `text::sieve`.
    pub fn sieve(&self) -> &Sieve {
        &self.sieve
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn cities(&self) -> &[City] {
        &self.cities
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// The country with ISO code `code` (`"SA"`).
    pub fn country(&self, code: &str) -> Option<&Country> {
        find_by_id(&self.countries, code, |c| &c.code)
    }

    /// The city with English id `id` (`"Riyadh"`).
    pub fn city(&self, id: &str) -> Option<&City> {
        find_by_id(&self.cities, id, |c| &c.id)
    }

    /// The person with slug `id` (`"tom-barrack"`).
    /// The years a person held office, where the data gives them (a time signal for linking).
    pub fn person_years(&self, id: &str) -> Option<(u16, u16)> {
        let (from, to) = self.person(id)?.years_active();
        (from != Term::UNDATED).then_some((from, to))
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        find_by_id(&self.people, id, |p| &p.id)
    }

    /// The organisation with slug `id` (`"isis"`).
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        find_by_id(&self.organisations, id, |o| &o.id)
    }

    /// The country a city (by id) lies in.
    pub fn country_of_city(&self, id: &str) -> Option<&Country> {
        self.city(id).and_then(|c| self.country(&c.country))
    }

    /// The ISO code of the country an entry stands for or belongs to; `None` for organisations
    /// and for officials of international bodies.
    pub fn entity_country(&self, entity: EntityRef) -> Option<&str> {
        match entity {
            EntityRef::Country(i) | EntityRef::CountryAdjective(i) => Some(&self.countries[i].code),
            EntityRef::City(i) => Some(&self.cities[i].country),
            EntityRef::Person(i) => self.people[i].country.as_deref(),
            EntityRef::Organisation(_) => None,
        }
    }

    /// The English name of an entry (for a city, its id).
    pub fn name_en(&self, entity: EntityRef) -> &str {
        match entity {
            EntityRef::Country(i) | EntityRef::CountryAdjective(i) => &self.countries[i].name_en,
            EntityRef::City(i) => &self.cities[i].id,
            EntityRef::Person(i) => &self.people[i].name_en,
            EntityRef::Organisation(i) => &self.organisations[i].name_en,
        }
    }

    /// The canonical id of an entry: ISO code, city exonym or slug (see the claims contract).
    pub fn id(&self, entity: EntityRef) -> &str {
        match entity {
            EntityRef::Country(i) | EntityRef::CountryAdjective(i) => &self.countries[i].code,
            EntityRef::City(i) => &self.cities[i].id,
            EntityRef::Person(i) => &self.people[i].id,
            EntityRef::Organisation(i) => &self.organisations[i].id,
        }
    }

    /// All mentions in normalised text (`NormText::as_str`), non-overlapping, in text order.
    ///
    /// At each token the longest alias wins (المملكة العربية السعودية over المملكة); among equally
    /// long ones, the reading that strips fewer proclitics (البانيا stays whole), then strong
    /// aliases over weak ones. Tokens of a multi-word alias may be separated by spaces, quotes or
    /// dashes, not by other punctuation or a line break.
    pub fn find_entities(&self, norm: &str) -> Vec<EntityMatch> {
        self.find_entities_in(norm, &tokenize(norm))
    }

    /// [`Gazetteer::find_entities`] over already-made tokens.
    pub fn find_entities_in(&self, norm: &str, tokens: &[Token]) -> Vec<EntityMatch> {
        self.find_entities_where(norm, tokens, |_| true)
    }

    /// [`Gazetteer::find_entities_in`], trying only the tokens where `may_start` says an alias
    /// may begin (see [`Gazetteer::sieve`]).
    pub fn find_entities_where(
        &self,
        norm: &str,
        tokens: &[Token],
        may_start: impl Fn(usize) -> bool,
    ) -> Vec<EntityMatch> {
        let mut out: Vec<EntityMatch> = Vec::new();
        // End token of the last match and whether it was an adjective, for `prefers_adjective`.
        let mut last: Option<(usize, bool)> = None;
        let mut i = 0;
        while i < tokens.len() {
            if !may_start(i) {
                i += 1;
                continue;
            }
            let Some((m, end)) = self.best_match_at(norm, tokens, i, last) else {
                i += 1;
                continue;
            };
            last = Some((end, matches!(m.entity, EntityRef::CountryAdjective(_))));
            out.push(m);
            i = end;
        }
        out
    }

    /// The best match starting at token `i`, and the index of the token after it.
    fn best_match_at(
        &self,
        norm: &str,
        tokens: &[Token],
        i: usize,
        last: Option<(usize, bool)>,
    ) -> Option<(EntityMatch, usize)> {
        let word = tokens[i].text(norm);
        // (token count, bytes stripped, article on the reading, alias)
        let mut best: Vec<(usize, usize, bool, &Alias)> = Vec::new();
        let mut previous = ("", false);
        for (stripped, stem, article_stripped) in proclitic_readings(word) {
            let key = bare(stem);
            let article = article_stripped || key.len() != stem.len();
            // "الرياض" and its article reading "رياض" look up the same key: the second strips
            // more, so it could never win; try the key once.
            if (key, article) == previous {
                continue;
            }
            previous = (key, article);
            let Some(ids) = self.index.get(key) else {
                continue;
            };
            for alias in ids.iter().map(|&a| &self.aliases[a]) {
                if alias.article != article || !rest_matches(norm, tokens, i, &alias.rest) {
                    continue;
                }
                let len = 1 + alias.rest.len();
                let better = match best.first() {
                    None => true,
                    Some(&(l, s, _, _)) => {
                        (len, std::cmp::Reverse(stripped)) > (l, std::cmp::Reverse(s))
                    }
                };
                if better {
                    best.clear();
                }
                if better
                    || best
                        .first()
                        .is_some_and(|&(l, s, _, _)| (l, s) == (len, stripped))
                {
                    best.push((len, stripped, article, alias));
                }
            }
        }
        let &(len, stripped, article, _) = best.first()?;
        let adjective_first = article && prefers_adjective(norm, tokens, i, last);
        let rank = |e: EntityRef| match e {
            EntityRef::CountryAdjective(_) if adjective_first => 0,
            EntityRef::Country(_) if adjective_first => 1,
            EntityRef::Country(_) => 0,
            EntityRef::CountryAdjective(_) => 1,
            _ => 2,
        };
        let mut candidates: Vec<(bool, EntityRef)> =
            best.iter().map(|(_, _, _, a)| (a.weak, a.entity)).collect();
        candidates.sort_by_key(|&(weak, e)| (weak, rank(e), e));
        candidates.dedup_by_key(|&mut (_, e)| e);
        let (weak, entity) = candidates[0];
        let alternative = candidates.iter().map(|&(_, e)| e).find(|&e| e != entity);
        let end = i + len;
        let m = EntityMatch {
            entity,
            span: tokens[i].start..tokens[end - 1].end,
            clitic_len: stripped,
            weak,
            alternative,
        };
        Some((m, end))
    }
}

/// Whether the tokens after `i` are exactly `rest`, joined by gaps that do not break a name.
fn rest_matches(norm: &str, tokens: &[Token], i: usize, rest: &[String]) -> bool {
    let Some(following) = tokens.get(i + 1..i + 1 + rest.len()) else {
        return false;
    };
    let mut prev = tokens[i];
    for (t, want) in following.iter().zip(rest) {
        if !joins_name(&norm[prev.end..t.start]) || t.text(norm) != want {
            return false;
        }
        prev = *t;
    }
    true
}

fn joins_name(gap: &str) -> bool {
    gap.chars()
        .all(|c| matches!(c, ' ' | '"' | '\'' | '‘' | '’' | '-' | '–' | '—' | '_'))
}

/// Whether a definite word that is both a country name and an adjective (السعودية, سورية) reads
/// as the adjective: it does after a definite noun that is not itself a name (الحكومة السعودية,
/// العاصمة السعودية) or after another adjective (الأمريكية والسعودية); otherwise it is the
/// country (استضافت السعودية، في السعودية).
fn prefers_adjective(norm: &str, tokens: &[Token], i: usize, last: Option<(usize, bool)>) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) else {
        return false;
    };
    if norm[prev.end..tokens[i].start] != *" " {
        return false;
    }
    match last {
        Some((end, adjective)) if end == i => adjective,
        _ => proclitic_readings(prev.text(norm))
            .iter()
            .any(|&(_, _, article)| article),
    }
}

/// The token sequences an alias is matched as: itself; with عبد/ابو compounds joined and split
/// (عبدالكريم = عبد الكريم, ابوظبي = ابو ظبي); for adjectives, also the definite form.
fn alias_forms(alias: &str, adjective: bool) -> Vec<Vec<String>> {
    let norm = normalize(alias);
    let tokens: Vec<String> = tokenize(&norm)
        .iter()
        .map(|t| t.text(&norm).to_string())
        .collect();
    if tokens.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![
        tokens.clone(),
        join_compounds(&tokens),
        split_compounds(&tokens),
    ];
    if adjective {
        let definite = |ts: &Vec<String>| -> Vec<String> {
            ts.iter()
                .map(|t| {
                    if bare(t).len() == t.len() {
                        format!("ال{t}")
                    } else {
                        t.clone()
                    }
                })
                .collect()
        };
        let more: Vec<Vec<String>> = forms.iter().map(definite).collect();
        forms.extend(more);
    }
    let mut unique = Vec::new();
    for f in forms {
        if !unique.contains(&f) {
            unique.push(f);
        }
    }
    unique
}

/// First parts of Arabic compound names that are written both joined and split.
const COMPOUND_HEADS: [&str; 2] = ["عبد", "ابو"];

/// A compound's second part has at least three letters, so that words which merely start with
/// the head (عبدي، ابوجا) are left alone.
fn compound_tail_ok(tail: &str) -> bool {
    tail.chars().count() >= 3
}

fn join_compounds(tokens: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        match tokens.get(i + 1) {
            Some(next)
                if COMPOUND_HEADS.contains(&tokens[i].as_str()) && compound_tail_ok(next) =>
            {
                out.push(format!("{}{}", tokens[i], next));
                i += 2;
            }
            _ => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    out
}

fn split_compounds(tokens: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tokens.len() + 1);
    for t in tokens {
        let split = COMPOUND_HEADS.iter().find_map(|head| {
            t.strip_prefix(head)
                .filter(|tail| compound_tail_ok(tail))
                .map(|tail| (*head, tail))
        });
        match split {
            Some((head, tail)) => {
                out.push(head.to_string());
                out.push(tail.to_string());
            }
            None => out.push(t.clone()),
        }
    }
    out
}

fn find_by_id<'a, T>(items: &'a [T], id: &str, key: impl Fn(&T) -> &String) -> Option<&'a T> {
    items
        .binary_search_by(|item| key(item).as_str().cmp(id))
        .ok()
        .map(|i| &items[i])
}

/// Adds user entries to built-in ones; a user entry with a known id replaces it.
fn extend<T>(
    mut base: Sourced<T>,
    user: Option<(String, String)>,
    parse: fn(&str, &str) -> Result<Sourced<T>, GazetteerError>,
    id: fn(&T) -> &String,
) -> Result<Sourced<T>, GazetteerError> {
    let Some((file, text)) = user else {
        return Ok(base);
    };
    let user = parse(&file, &text)?;
    let replaced: HashSet<&String> = user.iter().map(|(_, t)| id(t)).collect();
    base.retain(|(_, t)| !replaced.contains(id(t)));
    base.extend(user);
    Ok(base)
}

/// The data lines of a TSV file: `(origin, fields)`, with `-` read as an empty field.
fn records<'a>(
    file: &str,
    text: &'a str,
    columns: &[&str],
) -> Result<Vec<(Origin, Vec<&'a str>)>, GazetteerError> {
    records_with_optional(file, text, columns, 0)
}

/// [`records`], where the last `optional` columns may be missing from a line (files written
/// before those columns were added); missing fields read as empty.
fn records_with_optional<'a>(
    file: &str,
    text: &'a str,
    columns: &[&str],
    optional: usize,
) -> Result<Vec<(Origin, Vec<&'a str>)>, GazetteerError> {
    let mut out = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let origin = Origin {
            file: file.to_string(),
            line: n + 1,
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields: Vec<&str> = line
            .split('\t')
            .map(str::trim)
            .map(|f| if f == "-" { "" } else { f })
            .collect();
        let required = columns.len() - optional;
        if !(required..=columns.len()).contains(&fields.len()) {
            let expected = if optional == 0 {
                columns.len().to_string()
            } else {
                format!("{required} to {}", columns.len())
            };
            return Err(origin.error(format!(
                "expected {expected} tab-separated fields ({}), found {}",
                columns.join(", "),
                fields.len()
            )));
        }
        fields.resize(columns.len(), "");
        if fields[0].is_empty() {
            return Err(origin.error(format!("the {} field is empty", columns[0])));
        }
        if let Some(first) = ids.insert(fields[0], origin.line) {
            return Err(origin.error(format!(
                "duplicate {} {:?} (first on line {first}); merge the two lines",
                columns[0], fields[0]
            )));
        }
        out.push((origin, fields));
    }
    Ok(out)
}

/// A `|`-separated list of Arabic names; each must leave at least one word after normalising.
fn names(origin: &Origin, field: &str) -> Result<Vec<String>, GazetteerError> {
    let mut out = Vec::new();
    for name in field.split('|').map(str::trim).filter(|n| !n.is_empty()) {
        if tokenize(&normalize(name)).is_empty() {
            return Err(origin.error(format!("{name:?} has no letters to match")));
        }
        out.push(name.to_string());
    }
    Ok(out)
}

fn optional(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_string())
}

fn parse_countries(file: &str, text: &str) -> Result<Sourced<Country>, GazetteerError> {
    let columns = [
        "code",
        "name_en",
        "names_ar",
        "adjectives_ar",
        "capital",
        "weak_ar",
    ];
    records(file, text, &columns)?
        .into_iter()
        .map(|(origin, f)| {
            if f[0].len() != 2 || !f[0].bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(origin.error(format!(
                    "{:?} is not an ISO 3166-1 alpha-2 code (two capital letters)",
                    f[0]
                )));
            }
            let country = Country {
                code: f[0].to_string(),
                name_en: f[1].to_string(),
                names_ar: names(&origin, f[2])?,
                adjectives_ar: names(&origin, f[3])?,
                capital: optional(f[4]),
                weak_aliases: names(&origin, f[5])?,
            };
            Ok((origin, country))
        })
        .collect()
}

fn parse_cities(file: &str, text: &str) -> Result<Sourced<City>, GazetteerError> {
    let columns = ["id", "country", "capital", "names_ar", "weak_ar"];
    records(file, text, &columns)?
        .into_iter()
        .map(|(origin, f)| {
            let capital = match f[2] {
                "yes" => true,
                "no" => false,
                other => {
                    return Err(
                        origin.error(format!("capital must be `yes` or `no`, found {other:?}"))
                    );
                }
            };
            let city = City {
                id: f[0].to_string(),
                country: f[1].to_string(),
                capital,
                names_ar: names(&origin, f[3])?,
                weak_aliases: names(&origin, f[4])?,
            };
            Ok((origin, city))
        })
        .collect()
}

/// The `terms` column of people.tsv: `ROLE@FROM-TO` separated by ` | ` (`foreign minister@2019-`
/// is open; `@2022` is `@2022-2022`). A role without `@` is an undated term, which is how a
/// file in the old format (a single `role` column) reads.
fn terms(origin: &Origin, field: &str) -> Result<Vec<Term>, GazetteerError> {
    let mut out = Vec::new();
    for text in field.split('|').map(str::trim).filter(|t| !t.is_empty()) {
        let bad = |why: String| origin.error(format!("term {text:?}: {why}"));
        let Some((role, years)) = text.rsplit_once('@') else {
            out.push(Term {
                role: text.to_string(),
                from: Term::UNDATED,
                to: None,
            });
            continue;
        };
        let role = role.trim();
        if role.is_empty() {
            return Err(bad("the role before `@` is empty".into()));
        }
        let year = |s: &str| -> Result<u16, GazetteerError> {
            let s = s.trim();
            match s.parse::<u16>() {
                Ok(y) if s.bytes().all(|b| b.is_ascii_digit()) && Term::YEARS.contains(&y) => Ok(y),
                _ => Err(bad(format!(
                    "{s:?} is not a Gregorian year from {} to {}; write ROLE@FROM-TO, \
                     ROLE@FROM- or ROLE@YEAR",
                    Term::YEARS.start(),
                    Term::YEARS.end()
                ))),
            }
        };
        let (from, to) = match years.split_once('-') {
            Some((from, to)) if to.trim().is_empty() => (year(from)?, None),
            Some((from, to)) => (year(from)?, Some(year(to)?)),
            None => {
                let y = year(years)?;
                (y, Some(y))
            }
        };
        if let Some(to) = to
            && to < from
        {
            return Err(bad(format!("it ends ({to}) before it starts ({from})")));
        }
        out.push(Term {
            role: role.to_string(),
            from,
            to,
        });
    }
    Ok(out)
}

fn parse_people(file: &str, text: &str) -> Result<Sourced<Person>, GazetteerError> {
    // The fourth column was `role` before it was `terms`; an old file's roles read as undated
    // terms.
    let columns = ["id", "name_en", "country", "terms", "names_ar", "weak_ar"];
    records(file, text, &columns)?
        .into_iter()
        .map(|(origin, f)| {
            let person = Person {
                id: f[0].to_string(),
                name_en: f[1].to_string(),
                country: optional(f[2]),
                terms: terms(&origin, f[3])?,
                names_ar: names(&origin, f[4])?,
                weak_aliases: names(&origin, f[5])?,
            };
            Ok((origin, person))
        })
        .collect()
}

/// The `members` column: a positive count, or empty.
fn member_count(origin: &Origin, field: &str) -> Result<Option<u32>, GazetteerError> {
    if field.is_empty() {
        return Ok(None);
    }
    match field.parse::<u32>() {
        Ok(n) if n > 0 && field.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => Err(origin.error(format!(
            "members must be a positive number or `-`, found {field:?}"
        ))),
    }
}

fn parse_organisations(file: &str, text: &str) -> Result<Sourced<Organisation>, GazetteerError> {
    // `members` and `hq` came last and later: files without them still load.
    let columns = ["id", "name_en", "names_ar", "weak_ar", "members", "hq"];
    records_with_optional(file, text, &columns, 2)?
        .into_iter()
        .map(|(origin, f)| {
            let organisation = Organisation {
                id: f[0].to_string(),
                name_en: f[1].to_string(),
                names_ar: names(&origin, f[2])?,
                weak_aliases: names(&origin, f[3])?,
                members: member_count(&origin, f[4])?,
                hq: optional(f[5]),
            };
            Ok((origin, organisation))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::builtin()
    }

    /// The ids of everything found in `text`, in order.
    fn ids(text: &str) -> Vec<String> {
        let norm = normalize(text);
        g().find_entities(&norm)
            .iter()
            .map(|m| g().id(m.entity).to_string())
            .collect()
    }

    fn only(text: &str) -> (String, EntityMatch) {
        let norm = normalize(text);
        let found = g().find_entities(&norm);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (norm, found[0].clone())
    }

    #[test]
    fn builtin_files_parse() {
        // The UN's 193 members, its two observer states, Kosovo and Taiwan.
        assert!(g().countries().len() >= 197);
        assert!(g().cities().len() >= g().countries().len());
        assert!(g().people().len() >= 200);
        assert!(g().person("waleed-al-khuraiji").is_some());
        assert!(g().organisation("isis").is_some());
    }

    #[test]
    fn every_country_has_a_name_and_a_capital_unless_disputed() {
        for c in g().countries() {
            assert!(
                !c.names_ar.is_empty() || !c.weak_aliases.is_empty(),
                "{}",
                c.code
            );
            let disputed = ["IL", "PS"].contains(&c.code.as_str());
            assert_eq!(c.capital.is_none(), disputed, "{}", c.code);
        }
    }

    /// Each spelling is listed once per entry: as a name or as a weak alias, not both.
    #[test]
    fn no_entry_lists_a_spelling_twice() {
        let key = |name: &String| -> Vec<String> {
            let norm = normalize(name);
            let tokens: Vec<String> = tokenize(&norm)
                .iter()
                .map(|t| t.text(&norm).to_string())
                .collect();
            join_compounds(&tokens)
        };
        let mut entries: Vec<(&str, Vec<&String>)> = Vec::new();
        for c in g().countries() {
            let all = c.names_ar.iter().chain(&c.weak_aliases).collect();
            entries.push((&c.code, all));
            entries.push((&c.code, c.adjectives_ar.iter().collect()));
        }
        for c in g().cities() {
            entries.push((&c.id, c.names_ar.iter().chain(&c.weak_aliases).collect()));
        }
        for p in g().people() {
            entries.push((&p.id, p.names_ar.iter().chain(&p.weak_aliases).collect()));
        }
        for o in g().organisations() {
            entries.push((&o.id, o.names_ar.iter().chain(&o.weak_aliases).collect()));
        }
        for (id, names) in entries {
            let mut seen = HashSet::new();
            for name in names {
                assert!(seen.insert(key(name)), "{id}: {name} is listed twice");
            }
        }
    }

    /// The built-in people's terms are dated (but for the one post whose years are unknown),
    /// listed oldest first, and none starts after the year the data is current to.
    #[test]
    fn builtin_terms_are_dated_ordered_and_current() {
        for p in g().people() {
            assert!(!p.terms.is_empty(), "{}", p.id);
            for t in &p.terms {
                assert!(t.is_dated() || p.id == "robert-sofge", "{}: {t:?}", p.id);
                assert!(t.from <= Term::OPEN_END, "{}: {t:?}", p.id);
                assert!(
                    t.to.is_none_or(|to| to <= Term::OPEN_END),
                    "{}: {t:?}",
                    p.id
                );
            }
            let starts: Vec<u16> = p.terms.iter().map(|t| t.from).collect();
            assert!(starts.is_sorted(), "{}: terms out of order", p.id);
        }
        let person = |id| g().person(id).unwrap();
        let tillerson = person("rex-tillerson");
        assert!(tillerson.active_in(2017) && tillerson.active_in(2018));
        assert!(!tillerson.active_in(2016) && !tillerson.active_in(2019));
        let trump = person("donald-trump");
        assert!(trump.active_in(2018) && !trump.active_in(2022) && trump.active_in(2026));
        assert_eq!(person("mike-pompeo").role(), "secretary of state");
        assert_eq!(person("sabah-al-khalid-al-sabah").role(), "crown prince");
        assert_eq!(
            person("sabah-al-khalid-al-sabah").years_active(),
            (2011, Term::OPEN_END)
        );
        assert_eq!(person("nabil-elaraby").years_active(), (2011, 2016));
    }

    #[test]
    fn member_counts_of_bodies_with_a_fixed_membership() {
        for (id, n) in [
            ("gcc", 6),
            ("arab-league", 22),
            ("oic", 57),
            ("au", 55),
            ("eu", 27),
            ("nato", 32),
            ("un", 193),
        ] {
            assert_eq!(g().organisation(id).unwrap().members, Some(n), "{id}");
        }
        // Its membership grows every year; each article states its own.
        assert_eq!(g().organisation("global-coalition").unwrap().members, None);
        assert_eq!(g().organisation("spa").unwrap().members, None);
    }

    #[test]
    fn people_of_the_coalitions_earlier_years() {
        assert_eq!(
            ids("ترأس جون كيري الاجتماع في بروكسل"),
            ["john-kerry", "Brussels"]
        );
        assert_eq!(ids("وصل تيليرسون إلى الكويت"), ["rex-tillerson", "KW"]);
        assert_eq!(ids("قال مايكل بومبيو"), ["mike-pompeo"]);
        assert_eq!(ids("وأكد بومبيو"), ["mike-pompeo"]);
        assert_eq!(ids("التقى عادل الجبير بنظيره"), ["adel-al-jubeir"]);
        assert_eq!(
            ids("استقبل الشيخ صباح الخالد الحمد الصباح الضيوف"),
            ["sabah-al-khalid-al-sabah"]
        );
        assert_eq!(ids("وصرح جاويش أوغلو"), ["mevlut-cavusoglu"]);
        assert_eq!(ids("وصرح تشاووش أوغلو"), ["mevlut-cavusoglu"]);
        assert_eq!(
            ids("ترأس الجلسة سامح شكري وناصر بوريطة"),
            ["sameh-shoukry", "nasser-bourita"]
        );
        assert_eq!(ids("استقبل عبدالفتاح السيسي"), ["abdel-fattah-el-sisi"]);
        assert_eq!(ids("وقال لودريان"), ["jean-yves-le-drian"]);
        assert_eq!(ids("أعلن الجنرال جيمس تيري"), ["james-terry"]);
        assert_eq!(ids("رحبت فيديريكا موغيريني"), ["federica-mogherini"]);
        assert_eq!(ids("وأشار نايف الحجرف"), ["nayef-al-hajraf"]);
        assert_eq!(ids("قال إياد مدني"), ["iyad-madani"]);
        // A given name alone is no one: "محمد" or "جون" names nobody.
        assert_eq!(ids("قال محمد إن جون وصل"), Vec::<String>::new());
    }

    #[test]
    fn capitals_and_meeting_towns() {
        assert_eq!(ids("عقد الاجتماع في شرم الشيخ"), ["Sharm el-Sheikh"]);
        assert_eq!(ids("انعقدت القمة في منطقة البحر الميت"), ["Dead Sea"]);
        assert_eq!(
            ids("انتقل الوزراء من الصخيرات إلى مراكش ثم طنجة"),
            ["Skhirat", "Marrakesh", "Tangier"]
        );
        assert_eq!(ids("أقيم المنتدى بالدرعية والعلا"), ["Diriyah", "AlUla"]);
        assert_eq!(ids("سافر من نواكشوط إلى بانجول"), ["Nouakchott", "Banjul"]);
        assert_eq!(ids("لقاء في مدينة العلمين الجديدة"), ["El Alamein"]);
        assert_eq!(ids("وصل إلى لوسيل"), ["Lusail"]);
        assert_eq!(ids("المؤتمر في ميونيخ ثم في سوتشي"), ["Munich", "Sochi"]);
        assert_eq!(ids("زار الوفد كوبا وفنزويلا"), ["CU", "VE"]);
        assert_eq!(ids("أكدت السنغال وكينيا"), ["SN", "KE"]);
        assert_eq!(ids("زار جمهورية مالي ثم باماكو"), ["ML", "Bamako"]);
        assert_eq!(g().country_of_city("Gitega").unwrap().code, "BI");
        let (_, m) = only("وزيرة الخارجية الكولومبية");
        assert_eq!(m.entity, EntityRef::CountryAdjective(country_index("CO")));
    }

    /// Spellings that are also ordinary words are weak, or not listed at all.
    #[test]
    fn ordinary_words_are_weak_or_nothing() {
        for (text, id) in [
            ("قدمت دعما ماليا ودعم مالي", "ML"),
            ("تجاوز العقبة", "Aqaba"),
            ("سيول غزيرة", "Seoul"),
            ("مر بنا", "bna"),
            ("قالت وام", "wam"),
            ("في الكونغو", "CG"),
            ("قال باراك", "tom-barrack"),
            ("قال الصفدي", "ayman-safadi"),
        ] {
            let (_, m) = only(text);
            assert_eq!((g().id(m.entity), m.weak), (id, true), "{text}");
        }
        let (_, m) = only("ترأس كوبر الجلسة");
        assert!(m.weak && m.alternative.is_some());
        let coopers = [g().id(m.entity), g().id(m.alternative.unwrap())];
        assert!(coopers.contains(&"brad-cooper") && coopers.contains(&"yvette-cooper"));
        let strong = |text| !only(text).1.weak;
        assert!(strong("زار سول"));
        assert!(strong("في الكونغو الديمقراطية"));
        assert!(strong("باراك أوباما"));
        assert!(strong("مدينة العقبة"));
        for text in [
            "أزمة مالية خانقة",
            "كيف حالك",
            "هانت عليه المسألة",
            "طارت النسور فوق الجبل",
            "رجل ظريف",
            "ماس كهربائي",
            "بحسب صحيفة ديلي",
            "جودة عالية",
            "المجتمع المدني",
        ] {
            assert_eq!(ids(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn files_are_sorted_by_id_without_duplicates() {
        for (name, text) in FILE_NAMES.iter().zip(BUILTIN_SOURCES) {
            let ids: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').next().unwrap_or_default())
                .collect();
            for pair in ids.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn capitals_agree_between_countries_and_cities() {
        for country in g().countries() {
            if let Some(capital) = &country.capital {
                let city = g().city(capital).unwrap();
                assert!(city.capital && city.country == country.code, "{capital}");
            }
        }
        for city in g().cities().iter().filter(|c| c.capital) {
            let country = g().country(&city.country).unwrap();
            assert_eq!(
                country.capital.as_deref(),
                Some(city.id.as_str()),
                "{}",
                city.id
            );
        }
    }

    /// One alias may name two entries only when they are one country's name, adjective and
    /// eponymous capital (الكويت، سورية), or when all but one of them are weak (عمان، السوداني).
    #[test]
    fn no_alias_names_two_entities_unless_documented() {
        let mut by_form: HashMap<(String, bool, &[String]), Vec<&Alias>> = HashMap::new();
        for (key, ids) in &g().index {
            for &a in ids {
                let alias = &g().aliases[a];
                by_form
                    .entry((key.clone(), alias.article, &alias.rest))
                    .or_default()
                    .push(alias);
            }
        }
        for (form, aliases) in by_form {
            let strong: HashSet<EntityRef> = aliases
                .iter()
                .filter(|a| !a.weak)
                .map(|a| a.entity)
                .collect();
            let places: HashSet<Option<&str>> = aliases
                .iter()
                .map(|a| match a.entity {
                    EntityRef::Person(_) | EntityRef::Organisation(_) => None,
                    e => g().entity_country(e),
                })
                .collect();
            let one_country = places.len() == 1 && !places.contains(&None);
            assert!(strong.len() <= 1 || one_country, "{form:?}");
        }
    }

    #[test]
    fn proclitics_on_the_first_token() {
        let (norm, m) = only("وصلنا بالرياض");
        assert_eq!(g().id(m.entity), "Riyadh");
        assert_eq!(&norm[m.span.clone()], "بالرياض");
        assert_eq!(m.clitic_len, "ب".len());
        assert_eq!(ids("والسعودية وللولايات المتحدة"), ["SA", "US"]);
        assert_eq!(ids("شكرا للرياض ورياض"), ["Riyadh", "Riyadh"]);
    }

    #[test]
    fn words_that_start_with_clitic_letters_stay_whole() {
        let (_, m) = only("زار ألبانيا");
        assert_eq!((g().id(m.entity), m.clitic_len), ("AL", 0));
        assert_eq!(ids("لبنان ولبنان"), ["LB", "LB"]);
        assert_eq!(ids("وليد الخريجي"), ["waleed-al-khuraiji"]);
    }

    #[test]
    fn longest_match_wins() {
        let (norm, m) = only("استضافت المملكة العربية السعودية الاجتماع");
        assert_eq!(g().id(m.entity), "SA");
        assert!(!m.weak);
        assert_eq!(&norm[m.span], "المملكه العربيه السعوديه");
        assert_eq!(ids("المملكة المتحدة"), ["GB"]);
        assert_eq!(ids("التحالف الدولي لهزيمة داعش"), ["global-coalition"]);
    }

    #[test]
    fn weak_and_ambiguous_aliases_say_so() {
        let (_, m) = only("شكرا للمملكة");
        assert_eq!((g().id(m.entity), m.weak), ("SA", true));
        let (_, m) = only("وصل إلى عمان");
        assert!(m.weak);
        assert_eq!(g().id(m.alternative.unwrap()), "Amman");
        let (_, m) = only("في الكويت");
        assert_eq!(g().id(m.entity), "KW");
        assert_eq!(g().id(m.alternative.unwrap()), "Kuwait City");
    }

    #[test]
    fn compounds_match_joined_and_split() {
        let full = ["waleed-al-khuraiji"];
        assert_eq!(ids("التقى وليد بن عبدالكريم الخريجي"), full);
        assert_eq!(ids("التقى وليد بن عبد الكريم الخريجي"), full);
        assert_eq!(ids("في أبوظبي وأبو ظبي"), ["Abu Dhabi", "Abu Dhabi"]);
        assert_eq!(ids("قال بدر عبدالعاطي"), ["badr-abdelatty"]);
        assert_eq!(ids("في أبوجا"), ["Abuja"]);
    }

    #[test]
    fn first_name_variants_and_family_names() {
        assert_eq!(ids("قال توماس باراك"), ["tom-barrack"]);
        assert_eq!(ids("قال توم برّاك"), ["tom-barrack"]);
        assert_eq!(ids("وأضاف باراك"), ["tom-barrack"]);
        assert_eq!(ids("قال أسعد حسن الشيباني"), ["asaad-al-shaibani"]);
    }

    #[test]
    fn adjectives_name_their_country() {
        let (_, m) = only("نائب وزير الخارجية السعودي");
        assert_eq!(m.entity, EntityRef::CountryAdjective(country_index("SA")));
        let (_, m) = only("بيان سعودي");
        assert_eq!(m.entity, EntityRef::CountryAdjective(country_index("SA")));
        let (_, m) = only("رحبت الحكومة السعودية");
        assert_eq!(m.entity, EntityRef::CountryAdjective(country_index("SA")));
        let (_, m) = only("استضافت السعودية");
        assert_eq!(m.entity, EntityRef::Country(country_index("SA")));
        let found = g().find_entities(&normalize("الحكومتان الأمريكية والسعودية"));
        assert!(matches!(found[1].entity, EntityRef::CountryAdjective(_)));
        assert_eq!(ids("المبعوث الكوري الجنوبي"), ["KR"]);
    }

    fn country_index(code: &str) -> usize {
        g().countries().iter().position(|c| c.code == code).unwrap()
    }

    #[test]
    fn capitals_stand_for_their_country() {
        let (norm, m) = only("رحبت وواشنطن");
        assert_eq!(&norm[m.span.start + m.clitic_len..m.span.end], "واشنطن");
        assert!(matches!(m.entity, EntityRef::City(i) if g().cities()[i].capital));
        assert_eq!(g().entity_country(m.entity), Some("US"));
        assert_eq!(g().country_of_city("Riyadh").unwrap().code, "SA");
    }

    #[test]
    fn names_may_span_quotes_but_not_punctuation() {
        assert_eq!(ids("تنظيم “داعش”"), ["isis"]);
        assert_eq!(ids("الولايات. المتحدة"), Vec::<String>::new());
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let people = "# header\nsomeone\tSomeone\tXX\trole\tفلان\t-\n";
        let err = Gazetteer::parse("", "", people, "").unwrap_err();
        assert!(err.to_string().starts_with("people.tsv:2:"), "{err}");
        let short = "# header\nSA\tSaudi Arabia\n";
        let err = Gazetteer::parse(short, "", "", "").unwrap_err();
        assert!(err.to_string().starts_with("countries.tsv:2:"), "{err}");
    }

    fn person_from(line: &str) -> Result<Person, GazetteerError> {
        let text = format!("# header\n{line}\n");
        Ok(parse_people("people.tsv", &text)?.remove(0).1)
    }

    #[test]
    fn terms_read_open_ends_single_years_and_several_posts() {
        let p = person_from(
            "sami-example\tSami Example\tSA\tambassador@2010-2015 | foreign minister @ 2019 - \
             | envoy@2016\tسامي المثال\t-",
        )
        .unwrap();
        let term = |role: &str, from, to| Term {
            role: role.to_string(),
            from,
            to,
        };
        assert_eq!(
            p.terms,
            [
                term("ambassador", 2010, Some(2015)),
                term("foreign minister", 2019, None),
                term("envoy", 2016, Some(2016)),
            ]
        );
        assert_eq!(p.role(), "foreign minister");
        assert_eq!(p.years_active(), (2010, Term::OPEN_END));
        assert!(p.active_in(2012) && p.active_in(2016) && p.active_in(2026));
        assert!(!p.active_in(2009) && !p.active_in(2017) && !p.active_in(2018));

        let closed = person_from("x\tX\t-\tenvoy@2014-2015 | minister@2016-2018\tفلان\t-").unwrap();
        assert_eq!(closed.role(), "minister");
        assert_eq!(closed.years_active(), (2014, 2018));
        assert!(!closed.active_in(2019));
    }

    #[test]
    fn a_role_without_years_is_an_undated_term_held_always() {
        let p = person_from("x\tX\t-\tspokesman\tفلان\t-").unwrap();
        assert_eq!(p.terms.len(), 1);
        assert!(!p.terms[0].is_dated());
        assert_eq!(p.role(), "spokesman");
        assert!(p.active_in(1990) && p.active_in(2030));
        let none = person_from("x\tX\t-\t-\tفلان\t-").unwrap();
        assert!(none.terms.is_empty() && none.active_in(2020));
        assert_eq!(none.role(), "");
    }

    #[test]
    fn bad_terms_are_errors_that_name_the_file_line_and_term() {
        for (terms, why) in [
            ("minister@2019-2015", "ends (2015) before it starts (2019)"),
            ("minister@19-", "not a Gregorian year"),
            ("minister@2019-now", "\"now\" is not a Gregorian year"),
            ("minister@", "not a Gregorian year"),
            ("@2019-", "role before `@` is empty"),
            ("minister@2019-2020-2021", "not a Gregorian year"),
            ("envoy@2014 | minister@٢٠١٩-", "not a Gregorian year"),
            ("minister@+2019", "not a Gregorian year"),
        ] {
            let people = format!("# header\n\nx\tX\t-\t{terms}\tفلان\t-\n");
            let err = Gazetteer::parse("", "", &people, "")
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("people.tsv:3: term "), "{terms}: {err}");
            assert!(err.contains(why), "{terms}: {err}");
        }
    }

    #[test]
    fn organisations_read_an_optional_member_count() {
        let text = "# h\na\tA\tالالف\t-\t6\nb\tB\tالباء\t-\t-\nc\tC\tالجيم\t-\n";
        let orgs = parse_organisations("organisations.tsv", text).unwrap();
        let members: Vec<Option<u32>> = orgs.iter().map(|(_, o)| o.members).collect();
        assert_eq!(members, [Some(6), None, None]);
        for bad in ["0", "six", "-3", "+6", "6.5"] {
            let text = format!("# h\na\tA\tالالف\t-\t{bad}\n");
            let err = parse_organisations("organisations.tsv", &text).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("organisations.tsv:2: members must be"),
                "{bad}: {err}"
            );
        }
        let err = parse_organisations("organisations.tsv", "a\tA\tالالف\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("expected 4 to 6 tab-separated fields"),
            "{err}"
        );
    }

    /// A user file may use the old people format (a `role` column) or the new one (`terms`).
    #[test]
    fn user_people_files_load_in_the_old_and_the_new_format() {
        for (line, role, active_2010) in [
            (
                "sami-example\tSami Example\tSA\tspokesman\tسامي المثال\t-",
                "spokesman",
                true,
            ),
            (
                "sami-example\tSami Example\tSA\tenvoy@2015-2017 | spokesman@2021-\tسامي المثال\t-",
                "spokesman",
                false,
            ),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let text = format!("# mine\n{line}\n");
            std::fs::write(dir.path().join("people.tsv"), text).unwrap();
            let mine = Gazetteer::from_dir(dir.path()).unwrap();
            let p = mine.person("sami-example").unwrap();
            assert_eq!((p.role(), p.active_in(2010)), (role, active_2010), "{line}");
            let norm = normalize("قال سامي المثال");
            let found = mine.find_entities(&norm);
            assert_eq!(mine.id(found[0].entity), "sami-example");
        }
        let dir = tempfile::tempdir().unwrap();
        let bad = "# mine\nsami-example\tSami\tSA\tenvoy@2015-20x\tسامي المثال\t-\n";
        let path = dir.path().join("people.tsv");
        std::fs::write(&path, bad).unwrap();
        let err = Gazetteer::from_dir(dir.path()).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}:2: term", path.display())),
            "{err}"
        );
    }

    #[test]
    fn a_user_directory_extends_the_builtin_data() {
        let dir = tempfile::tempdir().unwrap();
        let person = "# mine\nsami-example\tSami Example\tSA\tspokesman\tسامي المثال\t-\n";
        std::fs::write(dir.path().join("people.tsv"), person).unwrap();
        let mine = Gazetteer::from_dir(dir.path()).unwrap();
        let norm = normalize("قال سامي المثال في الرياض");
        let found: Vec<&str> = mine
            .find_entities(&norm)
            .iter()
            .map(|m| mine.id(m.entity))
            .collect();
        assert_eq!(found, ["sami-example", "Riyadh"]);
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            Gazetteer::from_dir(empty.path()),
            Err(GazetteerError::NoFiles { .. })
        ));
    }
}
