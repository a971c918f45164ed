//! Micro benchmarks of each stage on generated fixture-like articles, single-threaded:
//! decode, normalise, extract, reconcile, report, and all of them together. `cargo bench`.
//!
//! Throughput is in bytes of article text per second for the per-document stages and in
//! documents per second for the stages that see the whole collection. The corpus comes from
//! `examples/generate.rs` (same seed, so the same text every run), built in memory.

use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use reconcile::document::{Decoded, Offsets, decode::decode};
use reconcile::lexicon::gazetteer::Gazetteer;
use reconcile::report::json::{DocumentOptions, write_run};
use reconcile::run::{DocumentResult, Keep, process_text, reconcile_documents};
use reconcile::text::NormText;

// The generator's `main` and argument parsing are not used here; only `Corpus` is.
#[allow(dead_code)]
#[path = "../examples/generate.rs"]
mod generate;

fn main() {
    divan::main();
}

/// Articles for the per-document stages: about 0.9 MB of text.
const ARTICLES: usize = 200;

struct Articles {
    texts: Vec<String>,
    bytes: usize,
}

static ARTICLE_SET: LazyLock<Articles> = LazyLock::new(|| {
    let texts = articles(ARTICLES);
    let bytes = texts.iter().map(String::len).sum();
    Articles { texts, bytes }
});

fn articles(count: usize) -> Vec<String> {
    let corpus = generate::Corpus::new(42, count);
    (0..count).map(|i| corpus.article(i)).collect()
}

/// Extracts every article, as a run does (without the file reading).
fn extracted(texts: &[String]) -> Vec<DocumentResult> {
    let g = Gazetteer::builtin();
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let id = format!("{i:06}");
            let decoded = Decoded::new(text.clone(), "UTF-8", Offsets::FileBytes);
            process_text(&id, &format!("{id}.txt"), decoded, g, Keep::default())
        })
        .collect()
}

#[divan::bench]
fn decode_utf8(bencher: Bencher) {
    let set = &*ARTICLE_SET;
    let raw: Vec<Vec<u8>> = set.texts.iter().map(|t| t.as_bytes().to_vec()).collect();
    bencher
        .counter(BytesCount::new(set.bytes))
        .counter(ItemsCount::new(raw.len()))
        .bench(|| {
            for bytes in &raw {
                black_box(decode(black_box(bytes), None).ok());
            }
        });
}

#[divan::bench]
fn normalise(bencher: Bencher) {
    let set = &*ARTICLE_SET;
    bencher
        .counter(BytesCount::new(set.bytes))
        .counter(ItemsCount::new(set.texts.len()))
        .bench(|| {
            for text in &set.texts {
                black_box(NormText::new(black_box(text)));
            }
        });
}

#[divan::bench]
fn extract(bencher: Bencher) {
    let set = &*ARTICLE_SET;
    let g = Gazetteer::builtin();
    bencher
        .counter(BytesCount::new(set.bytes))
        .counter(ItemsCount::new(set.texts.len()))
        .bench(|| {
            for text in &set.texts {
                black_box(reconcile::extract::extract(black_box(text), g));
            }
        });
}

/// Reconciliation alone (linking into events, verdicts, checks, near events), on
/// already-extracted documents, at three sizes to show how it scales.
/// Collection sizes for [`reconcile`]: in a debug build (`cargo test --all-targets` runs every
/// bench once, to check it works) the smallest only, since extracting 100,000 documents
/// unoptimised takes minutes.
const RECONCILE_SIZES: &[usize] = if cfg!(debug_assertions) {
    &[1_000]
} else {
    &[1_000, 10_000, 100_000]
};

#[divan::bench(args = RECONCILE_SIZES, sample_count = 5)]
fn reconcile(bencher: Bencher, documents: usize) {
    let docs = extracted(&articles(documents));
    let kept = reconcile::run::kept(&docs, Gazetteer::builtin());
    bencher
        .counter(ItemsCount::new(docs.len()))
        .with_inputs(|| kept.docs.clone())
        .bench_values(|collection| black_box(reconcile::reconcile::reconcile(collection)));
}

/// The JSON report of a reconciled run, written to a sink. Bytes are bytes of JSON.
#[divan::bench(args = [1_000], sample_count = 20)]
fn report_json(bencher: Bencher, documents: usize) {
    let docs = extracted(&articles(documents));
    let run = reconcile_documents(docs, Gazetteer::builtin());
    let options = DocumentOptions::default();
    let mut json = Vec::new();
    write_run(&run, options, &mut json).expect("writing to memory");
    bencher
        .counter(BytesCount::new(json.len()))
        .counter(ItemsCount::new(run.documents.len()))
        .bench(|| write_run(black_box(&run), options, &mut std::io::sink()));
}

/// Everything after reading the files, on one thread: decode, extract, reconcile, JSON.
#[divan::bench(sample_count = 20)]
fn all_stages(bencher: Bencher) {
    let set = &*ARTICLE_SET;
    let g = Gazetteer::builtin();
    bencher
        .counter(BytesCount::new(set.bytes))
        .counter(ItemsCount::new(set.texts.len()))
        .bench(|| {
            let documents: Vec<DocumentResult> = set
                .texts
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let decoded = decode(text.as_bytes(), None).expect("generated text is UTF-8");
                    process_text(&i.to_string(), "", decoded, g, Keep::default())
                })
                .collect();
            let run = reconcile_documents(documents, g);
            write_run(&run, DocumentOptions::default(), &mut std::io::sink())
        });
}
