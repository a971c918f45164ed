//! Linearity tests that can fail. Work is measured in CPU seconds of the measured code alone
//! (the kernel's account of one child process's user time, or of the test's own thread), not
//! wall-clock time, so the other tests running beside it and the rest of the machine barely move
//! it; system time is left out, as page faults and zeroing make it vary from run to run. Each
//! size is measured three times, interleaved, and the least counts; a ratio over the limit is
//! measured again before it fails. The
//! sizes are chosen at run time: the small size doubles until its work, less the fixed cost of
//! a run, is well above the clock's resolution and start-up noise ([`WORK`]); then four times
//! that size must take at most [`LIMIT`] times as long. Linear growth gives 4; quadratic gives
//! 16, and still over 7 when a quarter of the small run's work is quadratic. On a machine whose
//! two cores ran six processes at once, linear cases measured up to 5.8.
//!
//! The old rule (`large / max(small, 0.25 s) < 9`) compared a large run with a floor, not with
//! the small run: where the small run took 0.05 s it passed anything that finished in 2.25 s.

use std::ffi::OsStr;
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The least work, in CPU seconds beyond the fixed cost, the small size must take.
pub const WORK: f64 = 0.25;
/// How much longer four times the size may take: 1.75 times linear.
pub const LIMIT: f64 = 7.0;
/// How many rounds of three runs of each size, at most, before a ratio over the limit fails.
const ROUNDS: usize = 3;
/// The most doublings of the starting size.
const DOUBLINGS: u32 = 10;

/// Held while a measurement runs: two measurements never share the machine's two cores.
static MEASURING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Takes the measuring lock (a test that failed while holding it does not stop the others).
pub fn exclusive() -> std::sync::MutexGuard<'static, ()> {
    MEASURING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What one run of the binary gave, with the CPU seconds it used in user mode (all its
/// threads).
pub struct Measured {
    pub cpu: f64,
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Measured {
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

fn seconds(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

/// Runs the binary with `args` (from the project root, no colour variables, empty standard
/// input, one worker thread, so that no idle worker's spinning counts) and measures its CPU time
/// with `wait4`, which reports that child alone, while no other measurement runs. A run that
/// takes over two minutes is killed (it is never reaped before, so its pid is still ours) and
/// fails the test.
#[expect(
    clippy::zombie_processes,
    reason = "the child is reaped by wait4, which also gives its CPU time"
)]
pub fn run_measured(args: &[&OsStr]) -> Measured {
    let _alone = exclusive();
    let mut child = Command::new(env!("CARGO_BIN_EXE_reconcile"))
        .args(args)
        .current_dir(crate::root())
        .env("RAYON_NUM_THREADS", "1")
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the reconcile binary runs");
    let read = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let stdout = read(Box::new(child.stdout.take().expect("piped")));
    let stderr = read(Box::new(child.stderr.take().expect("piped")));
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut status = 0;
    // SAFETY: rusage is plain data, filled in by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `status` and `usage` are valid for writes; `pid` is our unreaped child.
        let got = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if got == pid {
            break;
        }
        assert_eq!(got, 0, "wait4: {}", std::io::Error::last_os_error());
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("reconcile {args:?} did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Measured {
        cpu: seconds(usage.ru_utime),
        status: ExitStatus::from_raw(status),
        stdout: stdout.join().expect("stdout read"),
        stderr: stderr.join().expect("stderr read"),
    }
}

/// CPU seconds the calling thread has used: for timing library code that runs on one thread.
pub fn thread_cpu() -> f64 {
    // SAFETY: timespec is plain data, filled in by clock_gettime.
    let mut t: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is valid for writes.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime: {}", std::io::Error::last_os_error());
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// The least of `runs` measurements: the one least disturbed.
fn least(runs: usize, measure: &mut impl FnMut(usize) -> f64, n: usize) -> f64 {
    (0..runs).map(|_| measure(n)).fold(f64::INFINITY, f64::min)
}

/// Checks that the work `measure(n)` (CPU seconds for size `n`) grows linearly in `n`. The fixed
/// cost is `measure(1)`; sizes start at `start` and double until the small run's work reaches
/// [`WORK`]. Returns the small size and the ratio found, for the test to print.
pub fn assert_linear(
    case: &str,
    start: usize,
    mut measure: impl FnMut(usize) -> f64,
) -> (usize, f64) {
    let fixed = least(3, &mut measure, 1);
    let mut n = start;
    let mut small = measure(n) - fixed;
    for _ in 0..DOUBLINGS {
        if small >= WORK {
            break;
        }
        n *= 2;
        small = measure(n) - fixed;
    }
    assert!(
        small >= WORK,
        "{case}: even {n} units take only {small:.3} s of work beyond the fixed {fixed:.3} s: \
         too little to see growth; start larger"
    );
    // Interleaved, so that a change in the machine's load falls on both sizes. A ratio over the
    // limit is measured again (up to twice, three runs of each size more) before it fails: a
    // busy machine can slow a few runs, but not every one, while quadratic growth stays.
    let mut large = f64::INFINITY;
    let mut ratio = f64::INFINITY;
    for _ in 0..ROUNDS {
        for _ in 0..3 {
            large = large.min(measure(4 * n) - fixed);
            small = small.min(measure(n) - fixed);
        }
        ratio = large / small;
        if ratio <= LIMIT {
            break;
        }
    }
    println!(
        "{case}: {n} units {small:.3} s, {} units {large:.3} s (fixed {fixed:.3} s): ratio {ratio:.2}",
        4 * n
    );
    assert!(
        ratio <= LIMIT,
        "{case}: {n} units took {small:.3} s of work and {} units {large:.3} s: {ratio:.1} times \
         as long for 4 times the size (linear is 4, quadratic 16; at most {LIMIT} passes)",
        4 * n
    );
    (n, ratio)
}
