//! Claims extracted from one document.
