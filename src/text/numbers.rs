//! Numbers in Arabic news text (being written).
