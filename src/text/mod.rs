//! The text layer: normalisation with an offset map, tokens and clitics, numbers, dates.

pub mod dates;
pub mod normalize;
pub mod numbers;
pub mod sieve;
pub mod tokens;

pub use normalize::{NormText, normalize};
