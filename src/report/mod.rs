//! Rendering a run for people and for scripts.
