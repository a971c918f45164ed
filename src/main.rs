//! The `reconcile` binary: everything lives in the library; this only hands over.

// Extraction makes many small, short-lived allocations (claims, matches, evidence) on every
// worker thread; mimalloc's thread-local free lists serve them at a fraction of glibc's cost
// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    reconcile::cli::main()
}
