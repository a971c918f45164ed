//! The command line: arguments, the run, the report, the exit status.
//!
//! `main.rs` only calls [`main`]; everything here is testable as a library.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};

use crate::baseline::{Baseline, ContradictionKey};
use crate::document::{Input, ReadOptions, discover_with};
use crate::extract::Field;
use crate::lexicon::gazetteer::Gazetteer;
use crate::reconcile::Doc;
use crate::report::spill::Spill;
use crate::report::{self, Format, Outcome, sanitize};
use crate::run::{DocumentResult, Keep, Kept, RunOptions, stream, stream_prepared};
use crate::shard;

const EXAMPLES: &str = "\
Examples:
  reconcile fixtures/                      readable report of every .txt under fixtures/
  reconcile fixtures/ --format json | jq '.contradictions[]'
  reconcile a.txt b.txt --fail-on never
  cat article.txt | reconcile - fixtures/  standard input alongside a folder
  cat a.txt | reconcile --stdin-filename articles/a.txt - --format github
                                           name standard input in reports and annotations
  reconcile fixtures/ --diff member_count  word-level diff of how sources phrase a field
  reconcile articles/ --write-baseline reconcile-baseline.json
  reconcile articles/ --baseline reconcile-baseline.json --format github

Exit status: 0 no contradiction, 1 at least one contradiction (as --fail-on counts
them), 2 the run itself failed: bad arguments, nothing readable, or a PATH named on the
command line that cannot be read (a typo), even when the rest is read and reported. A file
that fails inside a folder is reported but does not fail the run. When the reader of the
output goes away (| head), the status is still the one the run decided.";

/// Reads Arabic news reports of diplomatic meetings, works out what each claims (date, weekday,
/// host, type, co-chairs, participants, member count, priorities, its own date) with exact
/// evidence, groups the reports that describe one meeting into events, and shows where sources
/// about one meeting contradict each other.
#[derive(Debug, Parser)]
#[command(name = "reconcile", version, after_help = EXAMPLES)]
pub struct Args {
    /// Files or folders to read; `-` is standard input. Folders are searched recursively for
    /// `.txt` files (hidden entries skipped), in byte order of the path.
    #[arg(required_unless_present_any = ["print_schema", "generate"], value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The name standard input (`-`) goes by in reports and annotations, and its document id,
    /// as if it were that file. Example: cat a.txt | reconcile --stdin-filename articles/a.txt -
    #[arg(long, value_name = "NAME", conflicts_with = "reduce")]
    pub stdin_filename: Option<PathBuf>,

    /// Output format: `text` for people, `json` for scripts (schema: schema/report.schema.json),
    /// `jsonl` one record per line, `github` workflow-command annotations, `html` a
    /// self-contained page. Example: --format github
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Whether --format was given on the command line (not defaulted): with --write-baseline,
    /// the report is printed only then.
    #[arg(skip)]
    pub format_given: bool,

    /// When to colour the text report. `auto` colours a terminal, and honours NO_COLOR (never),
    /// then FORCE_COLOR and CLICOLOR_FORCE (always, when set and not 0).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Which contradictions make the exit status 1: every `contradiction` (two sources about
    /// one meeting that disagree; the default), only `new` ones missing from the --baseline file
    /// (the default with --baseline), or `never`. Differences between events never count.
    /// Example: --fail-on never
    #[arg(long, value_enum, value_name = "WHICH")]
    pub fail_on: Option<FailOn>,

    /// Exit 0 even when contradictions are found (2 still means the run failed).
    #[arg(long)]
    pub exit_zero: bool,

    /// A baseline of known contradictions (from --write-baseline): only contradictions not in it
    /// fail the run. Example: --baseline reconcile-baseline.json
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record this run's contradictions as the accepted baseline (sorted JSON that diffs
    /// cleanly), say on standard error how many were written, and exit 0. The report is printed
    /// too only when --format is given.
    /// Example: --write-baseline reconcile-baseline.json
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Show a word-level diff of the evidence sentences for FIELD between the first source of
    /// each event that states it and each other one (text format). Repeatable.
    /// Example: --diff member_count
    #[arg(long, value_name = "FIELD")]
    pub diff: Vec<String>,

    /// Write each claim's sentence (`context`) in JSON and JSON Lines output.
    #[arg(long)]
    pub context: bool,

    /// Extend the built-in lexicons with the files in DIR: the gazetteer (countries.tsv,
    /// cities.tsv, people.tsv, organisations.tsv) and the word lists (cues.tsv, calendar.tsv,
    /// numbers.tsv, titles.tsv, given_names.tsv, common_words.tsv), each in the format of its
    /// file under data/. Example: --lexicon my-data/
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,

    /// Skip inputs larger than this many bytes. Example: --max-size 1048576
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_size: u64,

    /// Decode every input with this encoding instead of detecting it (a WHATWG label such as
    /// windows-1256, iso-8859-6, utf-16le). Example: --encoding windows-1256
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// Print the JSON Schema of the `--format json` report and exit.
    #[arg(long)]
    pub print_schema: bool,

    /// Map step: write each document's claims as one JSON line (self-contained, with evidence)
    /// instead of reconciling; run it per shard under GNU parallel, Spark or Beam.
    /// Example: reconcile --map shard-07/ > claims-07.jsonl
    #[arg(long, conflicts_with_all = ["reduce", "baseline", "write_baseline"])]
    pub map: bool,

    /// Reduce step: the PATHs are files written by --map (`-` is standard input; each is read
    /// once, so pipes work), in any order; reconcile them exactly as one run over all the
    /// articles would, in the order of their paths (a folder's order). Example: reconcile
    /// --reduce claims-*.jsonl
    #[arg(long)]
    pub reduce: bool,

    /// No progress bar (it is shown only on a terminal, for runs over a second).
    #[arg(long, short)]
    pub quiet: bool,

    /// Print shell completions or the man page and exit.
    /// Example: reconcile --generate completions-bash > /etc/bash_completion.d/reconcile
    #[arg(long, value_enum, value_name = "WHAT")]
    pub generate: Option<Generate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    CompletionsBash,
    CompletionsZsh,
    CompletionsFish,
    CompletionsPowershell,
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any contradiction: two sources about one meeting that disagree.
    #[value(alias = "any", alias = "within-event")]
    Contradiction,
    /// Only contradictions missing from the --baseline file.
    New,
    /// None: report only.
    Never,
}

/// The documented exit statuses (docs/contract.md, "Exit status").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// No contradiction that counts.
    Clean = 0,
    /// At least one contradiction that counts.
    Conflict = 1,
    /// The run itself failed.
    Trouble = 2,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> Self {
        ExitCode::from(s as u8)
    }
}

/// Parses the arguments, runs, reports, and gives the exit code.
pub fn main() -> ExitCode {
    let matches = match Args::command().try_get_matches() {
        Ok(matches) => matches,
        Err(err) => return usage_error(&err),
    };
    let mut args = match Args::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(err) => return usage_error(&err),
    };
    args.format_given =
        matches.value_source("format") == Some(clap::parser::ValueSource::CommandLine);
    match execute(&args) {
        Ok(status) => status.into(),
        Err(err) if is_broken_pipe(&err) => ExitStatus::Clean.into(),
        Err(err) => {
            let mut stderr = io::stderr().lock();
            let _ = writeln!(
                stderr,
                "reconcile: error: {}",
                sanitize::line(&format!("{err:#}"))
            );
            ExitStatus::Trouble.into()
        }
    }
}

/// Prints a usage error through the sanitiser (an argument can carry escape sequences, and clap
/// quotes it back) and exits 2. Help and version are clap's own output, printed as clap does.
fn usage_error(err: &clap::Error) -> ExitCode {
    if !err.use_stderr() {
        err.exit();
    }
    let message = err.render().to_string();
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(sanitize::lines(&message).as_bytes());
    ExitStatus::Trouble.into()
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Runs with parsed arguments.
pub fn execute(args: &Args) -> Result<ExitStatus> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.print_schema {
        serde_json::to_writer_pretty(&mut out, &report::json::schema())?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitStatus::Clean);
    }
    if let Some(what) = args.generate {
        generate(what, &mut out)?;
        out.flush()?;
        return Ok(ExitStatus::Clean);
    }
    if args.fail_on == Some(FailOn::New) && args.baseline.is_none() {
        bail!("--fail-on new needs a --baseline FILE to compare with");
    }
    let diff_fields = diff_fields(&args.diff)?;
    let known = match &args.baseline {
        Some(path) => Baseline::load(path)?,
        None => Baseline::default(),
    };
    let encoding = match &args.encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.as_bytes())
                .with_context(|| format!("unknown encoding label {label:?} (try windows-1256, iso-8859-6, utf-8, utf-16le)"))?,
        ),
        None => None,
    };
    let owned;
    let gazetteer = match &args.lexicon {
        Some(dir) => {
            // The word lists first: the gazetteer's sieve is built from their first words.
            crate::lexicon::lists::extend_from(dir)
                .with_context(|| format!("cannot load the lexicon in {}", dir.display()))?;
            owned = Gazetteer::from_dir(dir)
                .with_context(|| format!("cannot load the lexicon in {}", dir.display()))?;
            &owned
        }
        None => Gazetteer::builtin(),
    };
    if args.stdin_filename.is_some() && !args.paths.iter().any(|p| p.as_os_str() == "-") {
        bail!("--stdin-filename names standard input, but no PATH is - (standard input)");
    }
    let inputs = if args.reduce {
        Vec::new()
    } else {
        discover_with(&args.paths, args.stdin_filename.as_deref())
    };
    let mut failed = Failed::new(&inputs);
    let options = RunOptions {
        read: ReadOptions {
            max_size: args.max_size,
            encoding,
        },
        gazetteer,
        keep: Keep {
            text: args.format == Format::Html,
            sentences: args.format == Format::Html
                || args.context
                || args.map
                || !diff_fields.is_empty(),
            titles: matches!(args.format, Format::Text | Format::Github | Format::Html),
        },
    };
    if args.map {
        // Records go out as they are made: a reader that goes away (| head) cuts the run
        // short, and its status is then that of the inputs seen so far.
        let written = stream(&inputs, &options, &mut |d, _| {
            report_unread_one(&d);
            failed.see(&d);
            shard::write_record(&d, &mut out)
        })
        .map_err(anyhow::Error::from)
        .and_then(|kept| Ok(out.flush().map(|()| kept)?));
        match written {
            Ok(kept) if kept.totals.ok == 0 => bail!(
                "no input could be read ({} given or found)",
                kept.totals.documents
            ),
            Ok(_) => {}
            Err(err) if is_broken_pipe(&err) => {}
            Err(err) => return Err(err),
        }
        failed.check()?;
        return Ok(ExitStatus::Clean);
    }
    let fail_on = args.fail_on.unwrap_or(if args.baseline.is_some() {
        FailOn::New
    } else {
        FailOn::Contradiction
    });
    let progress = Progress::new(args, inputs.len());

    // Every format streams: JSON and JSON Lines render each document as it is read (into a
    // spill, until its event is known), the others keep only its reading, except where the
    // report shows text (HTML) or sentences (word diffs).
    let keep_documents =
        args.format == Format::Html || (args.format == Format::Text && !diff_fields.is_empty());
    let document_options = report::json::DocumentOptions {
        context: args.context,
    };
    let mut spill = Spill::default();
    let mut documents = Vec::new();
    let kept = match args.format {
        Format::Json | Format::Jsonl => {
            let json = args.format == Format::Json;
            let render = move |d: &DocumentResult| {
                if json {
                    report::json::render(d, document_options)
                } else {
                    report::jsonl::render(d, document_options)
                }
            };
            each_document(args, &inputs, &options, render, &mut |d, doc, rendered| {
                report_unread_one(&d);
                failed.see(&d);
                progress.tick();
                spill.push(&rendered, doc)
            })?
        }
        _ => each_document(args, &inputs, &options, |_| (), &mut |d, doc, ()| {
            report_unread_one(&d);
            failed.see(&d);
            progress.tick();
            if keep_documents && doc.is_some() {
                documents.push(d);
            }
            Ok(())
        })?,
    };
    progress.done();
    // Every input is read: their paths and ids are not needed any more.
    drop(inputs);
    let (resolved, unread, totals) = kept.reconcile();
    let outcome = Outcome {
        resolved,
        unread,
        totals,
        documents,
    };
    let resolved = &outcome.resolved;
    // A baseline of a run that read nothing would accept nothing: the run fails below instead.
    if let Some(path) = &args.write_baseline
        && totals.ok > 0
    {
        let baseline = Baseline::of(resolved);
        baseline.write(path)?;
        let file = path.to_string_lossy();
        let file = sanitize::line(&file);
        let mut stderr = io::stderr().lock();
        let _ = writeln!(
            stderr,
            "reconcile: wrote {} to {file}; a run with --baseline {file} fails only on new ones",
            plural(baseline.contradictions.len(), "contradiction"),
        );
    }
    let counted: Vec<usize> = resolved
        .contradictions
        .iter()
        .enumerate()
        .filter(|(_, c)| counts(&ContradictionKey::of(resolved, c), fail_on, &known))
        .map(|(i, _)| i)
        .collect();
    let known_count = resolved
        .contradictions
        .iter()
        .filter(|c| known.contains(&ContradictionKey::of(resolved, c)))
        .count();

    // The status is decided before the report is written: a reader that goes away (| head)
    // stops the writing, not the verdict. A run that writes a baseline has accepted what it
    // found.
    let accepted = args.write_baseline.is_some();
    let status = if totals.ok == 0 || failed.any() {
        ExitStatus::Trouble
    } else if counted.is_empty() || args.exit_zero || accepted {
        ExitStatus::Clean
    } else {
        ExitStatus::Conflict
    };
    // Writing a baseline answers with a line on standard error; the report only when asked.
    let shown = if args.write_baseline.is_none() || args.format_given {
        Some(args.format)
    } else {
        None
    };
    let written = match shown {
        None => Ok(()),
        Some(Format::Json) => report::json::write(&mut out, spill, resolved, totals),
        Some(Format::Jsonl) => report::jsonl::write(&mut out, spill, resolved, totals),
        Some(Format::Html) => report::html::write(&outcome, &mut out),
        Some(Format::Github) => report::github::write(&outcome, &counted, known_count, &mut out),
        Some(Format::Text) => {
            let color = colour(args.color, io::stdout().is_terminal(), |name| {
                std::env::var_os(name)
            });
            let options = report::text::TextOptions { color, diff_fields };
            report::text::write(&outcome, &options, &mut out)
        }
    };
    if let Err(err) = written.and_then(|()| out.flush())
        && err.kind() != io::ErrorKind::BrokenPipe
    {
        return Err(err.into());
    }
    // The report lists every input and why it could not be read; then the run fails.
    if totals.ok == 0 {
        bail!(
            "no input could be read ({} given or found)",
            totals.documents
        );
    }
    failed.check()?;
    Ok(status)
}

/// Inputs named on the command line that could not be read (a typo in CI): reported with
/// everything else, then they fail the run (exit status 2), as read errors do in ripgrep. A file
/// that fails inside a folder stays a reported, non-fatal error, and so does a named file that
/// was read but is not text (it is judged as the article it is, not as a broken command line).
struct Failed {
    /// Per input, in order: whether it was named on the command line.
    named: Vec<bool>,
    next: usize,
    paths: Vec<String>,
}

impl Failed {
    fn new(inputs: &[Input]) -> Self {
        Failed {
            named: inputs.iter().map(|i| i.named).collect(),
            next: 0,
            paths: Vec::new(),
        }
    }

    /// Notes the next document in input order.
    fn see(&mut self, d: &DocumentResult) {
        if d.unreadable && self.named.get(self.next).copied().unwrap_or(false) {
            self.paths.push(d.path.clone());
        }
        self.next += 1;
    }

    fn any(&self) -> bool {
        !self.paths.is_empty()
    }

    fn check(&self) -> Result<()> {
        const SHOWN: usize = 5;
        let Some(first) = self.paths.first() else {
            return Ok(());
        };
        let mut list = format!("{first:?}");
        for p in self.paths.iter().skip(1).take(SHOWN - 1) {
            list.push_str(&format!(", {p:?}"));
        }
        if self.paths.len() > SHOWN {
            list.push_str(&format!(" and {} more", self.paths.len() - SHOWN));
        }
        bail!(
            "{} named on the command line could not be read: {list} (the report covers the rest)",
            match self.paths.len() {
                1 => "1 path".to_owned(),
                n => format!("{n} paths"),
            }
        )
    }
}

/// Whether the text report is coloured. `--color always|never` decides; under `auto`, NO_COLOR
/// (set and not empty) turns colour off, then FORCE_COLOR or CLICOLOR_FORCE (set to anything
/// but empty, `0` or `false`) turns it on, and otherwise standard output must be a terminal
/// that is not `dumb` (no-color.org, bixense.com/clicolors, and Node's FORCE_COLOR).
fn colour(choice: ColorChoice, terminal: bool, env: impl Fn(&str) -> Option<OsString>) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    let forced =
        |name: &str| env(name).is_some_and(|v| !matches!(v.to_str(), Some("" | "0" | "false")));
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto if forced("FORCE_COLOR") || forced("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => terminal && env("TERM").is_none_or(|t| t != "dumb"),
    }
}

/// `n thing` or `n things`.
fn plural(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// The fields named by `--diff`; an unknown name is an error that lists the valid ones.
fn diff_fields(names: &[String]) -> Result<Vec<Field>> {
    names
        .iter()
        .map(|name| {
            Field::parse(name).with_context(|| {
                let valid: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "--diff: unknown field {:?}; valid fields: {}",
                    sanitize::line(name),
                    valid.join(", ")
                )
            })
        })
        .collect()
}

/// Hands every document of the run to `sink` in input order, with its place in the collection
/// and what `prepare` made of it: from the inputs (extracted in parallel, `prepare` on the
/// worker threads) or, with --reduce, from map outputs.
fn each_document<T: Send>(
    args: &Args,
    inputs: &[crate::document::Input],
    options: &RunOptions,
    prepare: impl Fn(&DocumentResult) -> T + Sync,
    sink: &mut dyn FnMut(DocumentResult, Option<Doc>, T) -> io::Result<()>,
) -> Result<Kept> {
    if args.reduce {
        let mut kept = Kept {
            titles: options.keep.titles,
            ..Kept::default()
        };
        let reduced = shard::reduce(&args.paths, &mut |d| {
            let doc = kept.keep(&d, options.gazetteer);
            let prepared = prepare(&d);
            sink(d, doc, prepared)
        })?;
        let mut stderr = io::stderr().lock();
        for name in &reduced.empty {
            let _ = writeln!(
                stderr,
                "reconcile: warning: {}: holds no map record (did its --map step run?)",
                sanitize::line(name)
            );
        }
        Ok(kept)
    } else {
        Ok(stream_prepared(inputs, options, prepare, sink)?)
    }
}

/// A progress bar on standard error, for people watching a long run: whatever the format (the
/// report goes to standard output), only when standard error is a terminal, never with --quiet,
/// and only once the run has taken a second.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
}

impl Progress {
    fn new(args: &Args, total: usize) -> Self {
        let wanted = !args.quiet && io::stderr().is_terminal();
        let bar = wanted.then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {human_pos}/{human_len} documents · {rate} · {eta} left",
            ) {
                bar.set_style(style.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&rate(state.per_sec()));
                    },
                ));
            }
            bar
        });
        Progress {
            bar,
            started: std::time::Instant::now(),
        }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && self.started.elapsed().as_secs() >= 1 {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.inc(1);
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A rate for people: `10,680 documents/s`, `2.5 documents/s` below ten.
fn rate(per_second: f64) -> String {
    if !per_second.is_finite() || per_second <= 0.0 {
        return "– documents/s".to_owned();
    }
    // Below ten, tenths matter (and 9.97 reads 10, not 10.0).
    if per_second < 9.95 {
        return format!("{per_second:.1} documents/s");
    }
    // Positive and finite here; `as` saturates at u64::MAX, far above any real rate.
    let whole = per_second.round() as u64;
    format!("{} documents/s", indicatif::HumanCount(whole))
}

/// Whether a contradiction fails the run under `fail_on` and the baseline.
fn counts(key: &ContradictionKey, fail_on: FailOn, known: &Baseline) -> bool {
    match fail_on {
        FailOn::Contradiction => true,
        FailOn::New => !known.contains(key),
        FailOn::Never => false,
    }
}

fn generate(what: Generate, out: &mut dyn Write) -> Result<()> {
    use clap::CommandFactory;
    use clap_complete::Shell;
    let mut cmd = Args::command();
    let shell = match what {
        Generate::CompletionsBash => Shell::Bash,
        Generate::CompletionsZsh => Shell::Zsh,
        Generate::CompletionsFish => Shell::Fish,
        Generate::CompletionsPowershell => Shell::PowerShell,
        Generate::Man => {
            clap_mangen::Man::new(cmd).render(out)?;
            return Ok(());
        }
    };
    clap_complete::generate(shell, &mut cmd, "reconcile", out);
    Ok(())
}

/// Skipped and failed inputs are also said on standard error, one line each, so a person piping
/// JSON still sees them.
fn report_unread_one(d: &crate::run::DocumentResult) {
    let mut stderr = io::stderr().lock();
    if d.reason.is_some() {
        let _ = writeln!(
            stderr,
            "reconcile: {}: {}: {}",
            match d.status {
                crate::document::Status::Skipped => "skipped",
                _ => "error",
            },
            sanitize::line(&d.path),
            sanitize::line(d.reason.as_deref().unwrap_or(""))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_whole_numbers_with_separators() {
        assert_eq!(rate(10680.1986), "10,680 documents/s");
        assert_eq!(rate(1_234_567.8), "1,234,568 documents/s");
        assert_eq!(rate(42.49), "42 documents/s");
        assert_eq!(rate(2.54), "2.5 documents/s");
        assert_eq!(rate(9.97), "10 documents/s");
        assert_eq!(rate(0.0), "– documents/s");
        assert_eq!(rate(f64::NAN), "– documents/s");
    }

    #[test]
    fn colour_precedence() {
        use ColorChoice::{Always, Auto, Never};
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| OsString::from(v))
            }
        };
        // --color decides over every variable.
        assert!(colour(Always, false, env(&[("NO_COLOR", "1")])));
        assert!(!colour(Never, true, env(&[("FORCE_COLOR", "1")])));
        // NO_COLOR over FORCE_COLOR and CLICOLOR_FORCE, those over the terminal.
        assert!(!colour(
            Auto,
            true,
            env(&[("NO_COLOR", "1"), ("FORCE_COLOR", "1")])
        ));
        assert!(colour(Auto, false, env(&[("FORCE_COLOR", "1")])));
        assert!(colour(Auto, false, env(&[("CLICOLOR_FORCE", "yes")])));
        assert!(colour(
            Auto,
            false,
            env(&[("FORCE_COLOR", "3"), ("TERM", "dumb")])
        ));
        // Empty, 0 or false is not forcing; an empty NO_COLOR is not set.
        for off in ["", "0", "false"] {
            let vars: &'static [(&str, &str)] = match off {
                "" => &[("FORCE_COLOR", "")],
                "0" => &[("FORCE_COLOR", "0")],
                _ => &[("CLICOLOR_FORCE", "false")],
            };
            assert!(!colour(Auto, false, env(vars)), "{off:?}");
        }
        assert!(colour(Auto, true, env(&[("NO_COLOR", "")])));
        // The terminal alone, unless it is dumb.
        assert!(colour(Auto, true, env(&[])));
        assert!(!colour(Auto, false, env(&[])));
        assert!(!colour(Auto, true, env(&[("TERM", "dumb")])));
    }
}
