//! The `reconcile` binary: everything lives in the library; this only hands over.

// Extraction makes many small, short-lived allocations (claims, matches, evidence) on every
// worker thread; mimalloc's thread-local free lists serve them at a fraction of glibc's cost
// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc 3's option numbers (`mi_option_e` in its `mimalloc.h`; the Rust bindings' named
/// constants follow an older numbering): `mi_option_arena_eager_commit`, `mi_option_purge_delay`.
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // mimalloc gives freed memory back to the system only after a delay (a second by default),
    // and a run frees most of what each document needed as soon as it is read: peak memory
    // nearly doubles. Give it back at once. Arenas made from here on commit memory as it is
    // used; the first was made before `main`, which only MIMALLOC_ARENA_EAGER_COMMIT=0 in the
    // environment reaches (README, BENCHMARKS.md).
    // SAFETY: setting an option is a plain store into mimalloc's option table.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
    }
    reconcile::cli::main()
}

#[cfg(test)]
mod tests {
    /// The numbers name the options meant: their defaults are mimalloc 3's (2 and 1000 ms).
    #[test]
    fn mimalloc_option_numbers_name_the_options_meant() {
        // SAFETY: reading an option is a plain load from mimalloc's option table.
        let (eager, delay) = unsafe {
            (
                libmimalloc_sys::mi_option_get(super::ARENA_EAGER_COMMIT),
                libmimalloc_sys::mi_option_get(super::PURGE_DELAY),
            )
        };
        assert_eq!((eager, delay), (2, 1000));
    }
}
