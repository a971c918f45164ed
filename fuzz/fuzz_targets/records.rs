//! Fuzz target: the readers of the files the tool writes, over arbitrary bytes
//! (`checks::records`): map records for `--reduce` (inputs split at NUL bytes), then reconciled
//! and rendered, and baselines for `--baseline`, which must write back to themselves.
#![no_main]

#[path = "../../tests/it/oracle.rs"]
mod oracle;

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::records(data));
