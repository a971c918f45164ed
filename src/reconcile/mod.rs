//! Comparing claims across documents: events and verdicts.
