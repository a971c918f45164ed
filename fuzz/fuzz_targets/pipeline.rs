//! Fuzz target: decode → normalise → extract → reconcile over arbitrary bytes (`checks::pipeline`:
//! the first byte picks the decoding, the rest is the file).
#![no_main]

#[path = "../../tests/it/oracle.rs"]
mod oracle;

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::pipeline(data));
