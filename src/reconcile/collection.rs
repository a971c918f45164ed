//! The documents of a run as the reconciler sees them: each readable document's reading (one
//! value per scalar field, with the evidence of the claim that states it; the items of list
//! fields), its own date, and what a report needs to name it. Values are interned: one copy of
//! each distinct (field, value), four bytes per value a document states.
//!
//! A run over many documents keeps only this, never their text or their mentions.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::{
    Claim, Evidence, Field, FieldKind, Finding, FindingKind, Meeting, Role, Value,
};
use crate::text::dates::PartialDate;

/// A document, by its index in the collection (input order).
pub type Doc = u32;
/// A distinct (field, value), by its index in the collection.
pub type Entry = u32;

/// Where a reading's value is stated: enough to quote it as `file:line: «…»`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The exact original text (sanitised only when rendered), shared by every quote of the
    /// same words: a large collection quotes the same few words again and again.
    pub text: Arc<str>,
    pub start: u32,
    pub end: u32,
    pub line: u32,
}

impl Quote {
    fn new(e: &Evidence, texts: &mut FxHashSet<Arc<str>>) -> Self {
        let text = match texts.get(e.text.as_str()) {
            Some(t) => Arc::clone(t),
            None => {
                let t: Arc<str> = e.text.as_str().into();
                texts.insert(Arc::clone(&t));
                t
            }
        };
        Quote {
            text,
            start: to_u32(e.start),
            end: to_u32(e.end),
            line: to_u32(e.line),
        }
    }
}

/// One document as the reconciler sees it.
#[derive(Debug, Clone)]
pub struct Reading {
    pub id: Box<str>,
    pub path: Box<str>,
    /// How a reader knows the source: its headline, shortened.
    pub title: Option<Box<str>>,
    /// Why the document reports no meeting; `None` when it reports one.
    pub no_meeting: Option<Box<str>>,
    /// Scalar fields: the reading's value and where it is stated.
    scalars: Vec<(Field, Entry, Quote)>,
    /// List fields: each item's entry, sorted by field then entry order.
    items: Vec<(Field, Entry)>,
    /// The article's own date, where the text gives it whole.
    pub published: Option<PartialDate>,
    /// Years in which every person the reading names held office: a time signal when the text
    /// gives no date (from the gazetteer's terms).
    pub years: Option<(u16, u16)>,
    /// What a reader should know about the text itself (it contradicts itself; direction
    /// overrides), with the line of its evidence.
    pub findings: Vec<(FindingKind, Box<str>, u32)>,
}

/// Longest title kept per document: enough to recognise a source in a report.
const TITLE_CHARS: usize = 80;

/// The readable documents of a run, in input order.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    docs: Vec<Reading>,
    /// Distinct (field, value) pairs, in order of first appearance.
    entries: Vec<(Field, Value)>,
    /// Per field (by `Field::index`): value → its entry.
    index: Vec<FxHashMap<Value, Entry>>,
    /// Every quoted text, once.
    texts: FxHashSet<Arc<str>>,
}

impl Collection {
    /// Adds a readable document: its reading (claims with role `reading`), its title and
    /// whether it reports a meeting. `years` gives the years in office of a person id, where
    /// known.
    #[allow(clippy::too_many_arguments)] // one document's parts, each kept differently
    pub fn push(
        &mut self,
        id: &str,
        path: &str,
        title: Option<&str>,
        meeting: &Meeting,
        claims: &[Claim],
        findings: &[Finding],
        years: &dyn Fn(&str) -> Option<(u16, u16)>,
    ) {
        let mut scalars: Vec<(Field, Entry, Quote)> = Vec::new();
        let mut items: Vec<(Field, Entry)> = Vec::new();
        let mut published = None;
        let mut span: Option<(u16, u16)> = None;
        for claim in claims.iter().filter(|c| c.role == Role::Reading) {
            let field = claim.field;
            // People named in the reading bound when it can have happened.
            for (from, to) in people(&claim.value).filter_map(years) {
                span = Some(match span {
                    Some((a, b)) => (a.max(from), b.min(to)),
                    None => (from, to),
                });
            }
            match field.kind() {
                FieldKind::List => {
                    let entry = self.intern(field, &claim.value);
                    if !items.contains(&(field, entry)) {
                        items.push((field, entry));
                    }
                }
                FieldKind::PerDocument => {
                    if field == Field::PublishedDate
                        && published.is_none()
                        && let Value::Date(d) = &claim.value
                        && d.weekday().is_some()
                    {
                        published = Some(*d);
                    }
                }
                FieldKind::Scalar => {
                    // One value per field: the first claim of the reading's value quotes it.
                    if !scalars.iter().any(|(f, _, _)| *f == field) {
                        let entry = self.intern(field, &claim.value);
                        let quote = Quote::new(&claim.evidence, &mut self.texts);
                        scalars.push((field, entry, quote));
                    }
                }
            }
        }
        scalars.sort_by_key(|(f, _, _)| *f);
        items.sort_unstable();
        self.docs.push(Reading {
            id: id.into(),
            path: path.into(),
            title: title.map(|t| t.chars().take(TITLE_CHARS).collect::<String>().into()),
            no_meeting: match meeting {
                Meeting::Reported => None,
                Meeting::None { reason } => Some(reason.as_str().into()),
            },
            scalars,
            items,
            published,
            years: span.filter(|(a, b)| a <= b),
            findings: findings
                .iter()
                .filter(|f| !matches!(f.kind, FindingKind::NoClaims | FindingKind::NoArabic))
                .map(|f| {
                    let line = f.evidence.as_ref().map_or(0, |e| to_u32(e.line));
                    (f.kind, f.message.as_str().into(), line)
                })
                .collect(),
        });
    }

    fn intern(&mut self, field: Field, value: &Value) -> Entry {
        if self.index.is_empty() {
            self.index = vec![FxHashMap::default(); Field::ALL.len()];
        }
        let index = &mut self.index[field.index()];
        if let Some(&e) = index.get(value) {
            return e;
        }
        let e = to_u32(self.entries.len());
        self.entries.push((field, value.clone()));
        index.insert(value.clone(), e);
        e
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every document, in input order.
    pub fn documents(&self) -> impl Iterator<Item = Doc> + use<> {
        0..to_u32(self.docs.len())
    }

    pub fn reading(&self, doc: Doc) -> &Reading {
        &self.docs[doc as usize]
    }

    pub fn id(&self, doc: Doc) -> &str {
        &self.docs[doc as usize].id
    }

    /// Every distinct value of the collection, in order of first appearance.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The value of an entry.
    pub fn value(&self, entry: Entry) -> &Value {
        &self.entries[entry as usize].1
    }

    /// The reading's value of a scalar field, with its quote.
    pub fn scalar(&self, doc: Doc, field: Field) -> Option<(Entry, &Quote)> {
        let r = &self.docs[doc as usize];
        r.scalars
            .binary_search_by_key(&field, |(f, _, _)| *f)
            .ok()
            .map(|i| (r.scalars[i].1, &r.scalars[i].2))
    }

    /// The reading's items of a list field.
    pub fn items(&self, doc: Doc, field: Field) -> impl Iterator<Item = Entry> + '_ {
        let r = &self.docs[doc as usize];
        let from = r.items.partition_point(|(f, _)| *f < field);
        r.items[from..]
            .iter()
            .take_while(move |(f, _)| *f == field)
            .map(|(_, e)| *e)
    }

    /// Whether the document states the field at all.
    pub fn states(&self, doc: Doc, field: Field) -> bool {
        match field.kind() {
            FieldKind::List => self.items(doc, field).next().is_some(),
            _ => self.scalar(doc, field).is_some(),
        }
    }
}

/// The people (not countries) a value names.
fn people(value: &Value) -> impl Iterator<Item = &str> {
    let list: &[crate::extract::Entity] = match value {
        Value::Entities(es) => es,
        Value::Entity(e) => std::slice::from_ref(e),
        _ => &[],
    };
    list.iter()
        .filter(|e| !e.is_country())
        .map(|e| e.id.as_str())
}

/// A count or position the collection keeps in four bytes.
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
