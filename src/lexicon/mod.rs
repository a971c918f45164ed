//! Entity lexicons: the gazetteer of countries, cities, people and organisations, loaded from
//! `data/` or a user directory. Everything here matches against normalised text
//! (`crate::text::normalize`), never the original.

pub mod cues;
pub mod gazetteer;
pub mod lists;

pub use gazetteer::{
    City, Country, EntityMatch, EntityRef, Gazetteer, GazetteerError, Organisation, Person, Term,
};
