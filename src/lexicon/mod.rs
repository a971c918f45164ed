//! Entity lexicons: the gazetteer and the cue lists.
