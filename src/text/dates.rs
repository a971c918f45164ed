//! Dates and weekdays in Arabic news text (being written).
