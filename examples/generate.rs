//! Writes a deterministic corpus of fixture-like articles for benchmarks:
//! `cargo run --release --example generate -- --seed 42 --count 1000 --out DIR`.
//!
//! Each article is one of the five fixtures cut into paragraphs and put back together (a few
//! paragraphs dropped, one from a sibling fixture sometimes added, sometimes a date line), with
//! the facts the extractor reads rewritten for one of many invented meetings: weekday, date (in
//! Levantine, Egyptian or Maghrebi month names), host city and country, member count (ASCII,
//! Arabic-Indic or Persian digits, or number words), and the spellings of the co-chairs' names.
//! A few articles disagree with their meeting (another count, weekday or host) so the reconciler
//! meets conflicts. The same seed and count always give the same bytes; no `rand` crate, a
//! splitmix64 generator instead. `benches/pipeline.rs` includes this file for its in-memory corpus.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Parser;

/// Arguments of the generator.
#[derive(Debug, Parser)]
struct Args {
    /// Seed of the pseudo-random generator: the same seed gives the same corpus.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// How many articles to write.
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// Folder to write into (created); articles go to DIR/000/000123.txt, 1000 per subfolder.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let corpus = Corpus::new(args.seed, args.count);
    let mut bytes = 0usize;
    let mut folder = None;
    for i in 0..args.count {
        let path = args.out.join(corpus.relative_path(i));
        let parent = path.parent().unwrap_or(Path::new("."));
        if folder.as_deref() != Some(parent) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
            folder = Some(parent.to_path_buf());
        }
        let text = corpus.article(i);
        bytes += text.len();
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    println!(
        "wrote {} articles, {} bytes (mean {} bytes) to {}",
        args.count,
        bytes,
        bytes / args.count.max(1),
        args.out.display()
    );
    Ok(())
}

/// splitmix64: tiny, fast, and good enough to vary test text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0); the modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const FIXTURES: [&str; 5] = [
    include_str!("../fixtures/000_78b0ee22b5934dd2.txt"),
    include_str!("../fixtures/001_50157f04528394b4.txt"),
    include_str!("../fixtures/002_9f48e75677faabb1.txt"),
    include_str!("../fixtures/003_44ace279f8548755.txt"),
    include_str!("../fixtures/004_5bd15f56386ea9c3.txt"),
];

/// The meeting weekday of each fixture (Monday = 0): the first three report a Monday officials'
/// meeting, the last two a Thursday ministerial.
const BASE_WEEKDAY: [usize; 5] = [0, 0, 0, 3, 3];

/// Officials-level fixtures and ministerial ones: an invented meeting is one or the other.
const FAMILIES: [&[usize]; 2] = [&[0, 1, 2], &[3, 4]];

/// Rewrites that turn a fixture into a template: `(fixture or None for all, literal, template)`,
/// applied in order. Placeholders are `{NAME}` or `{WD:k}` (the weekday k days after the meeting).
const RULES: &[(Option<usize>, &str, &str)] = &[
    // Places where a full meeting date may follow the weekday.
    (Some(0), "، الاثنين، اجتماعاً", "، {WD:0}{OPTDATE}، اجتماعاً"),
    (Some(2), "أمس الإثنين،", "أمس {WD:0}{OPTDATE}،"),
    (Some(3), "يوم أمس الخميس،", "يوم أمس {WD:0}{OPTDATE}،"),
    (Some(4), "الخارجية، الخميس،", "الخارجية، {WD:0}{OPTDATE}،"),
    // Dates of fixture 001: the meeting day, and the statement's day (the day after).
    (Some(1), "9 من شباط", "{MDATE}"),
    (Some(1), "الموافق 10 شباط", "الموافق {PDATE}"),
    (Some(1), "١٠ شباط ٢٠٢٦", "{PDATE_Y}"),
    // Host.
    (None, "العاصمة السعودية الرياض", "{CAPITAL}"),
    (None, "الرياض", "{CITY}"),
    (None, "المملكة العربية السعودية", "{COUNTRY_FULL}"),
    (
        Some(1),
        "للحكومة السعودية لاستضافتها",
        "للحكومة {ADJ_F} لاستضافتها",
    ),
    (Some(4), "في السعودية", "في {COUNTRY}"),
    // Member count.
    (None, "رقم 90", "رقم {NUM}"),
    (None, "كـالعضو 90", "كـالعضو {NUM}"),
    (None, "عددهم 85", "عددهم {CARD}"),
    // Names.
    (None, "توم باراك", "{TOM}"),
    (None, "توماس باراك", "{TOM}"),
    (None, "عبدالكريم", "{ABD}"),
    (None, "عبد الكريم", "{ABD}"),
];

/// Weekday spellings, Monday first; the first is the one the fixtures use.
const WEEKDAYS: [&[&str]; 7] = [
    &["الاثنين", "الإثنين"],
    &["الثلاثاء"],
    &["الأربعاء", "الاربعاء"],
    &["الخميس"],
    &["الجمعة"],
    &["السبت"],
    &["الأحد"],
];

/// Month names: Levantine, Egyptian and Gulf, Maghrebi.
const MONTHS: [[&str; 12]; 3] = [
    [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    [
        "جانفي",
        "فيفري",
        "مارس",
        "أفريل",
        "ماي",
        "جوان",
        "جويلية",
        "أوت",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
];

/// A host: city, whether it is the capital, the country's full and short names, and its
/// feminine adjective with the article.
struct Host {
    city: &'static str,
    capital: bool,
    country_full: &'static str,
    country: &'static str,
    adjective: &'static str,
}

const HOSTS: [Host; 10] = [
    host(
        "الرياض",
        true,
        "المملكة العربية السعودية",
        "السعودية",
        "السعودية",
    ),
    host(
        "جدة",
        false,
        "المملكة العربية السعودية",
        "السعودية",
        "السعودية",
    ),
    host("الدوحة", true, "دولة قطر", "قطر", "القطرية"),
    host("بغداد", true, "جمهورية العراق", "العراق", "العراقية"),
    host("عمّان", true, "المملكة الأردنية الهاشمية", "الأردن", "الأردنية"),
    host("الكويت", true, "دولة الكويت", "الكويت", "الكويتية"),
    host("القاهرة", true, "جمهورية مصر العربية", "مصر", "المصرية"),
    host("الرباط", true, "المملكة المغربية", "المغرب", "المغربية"),
    host("المنامة", true, "مملكة البحرين", "البحرين", "البحرينية"),
    host(
        "أبوظبي",
        true,
        "دولة الإمارات العربية المتحدة",
        "الإمارات",
        "الإماراتية",
    ),
];

const fn host(
    city: &'static str,
    capital: bool,
    country_full: &'static str,
    country: &'static str,
    adjective: &'static str,
) -> Host {
    Host {
        city,
        capital,
        country_full,
        country,
        adjective,
    }
}

/// Cities of date lines: the article's place of writing, never the host.
const DATELINES: [&str; 5] = ["بيروت", "دمشق", "القاهرة", "أربيل", "إسطنبول"];

/// An invented meeting that several articles report.
#[derive(Debug, Clone)]
struct Meeting {
    /// Days since 1970-01-01.
    day: i64,
    host: usize,
    members: u32,
    family: usize,
}

/// A corpus: the templates and the meetings, from which article `i` is made on demand.
pub struct Corpus {
    seed: u64,
    count: usize,
    /// Per fixture, its paragraphs as templates.
    paragraphs: Vec<Vec<String>>,
    /// Per fixture, whether paragraphs are separated by a blank line.
    blank_lines: [bool; 5],
    meetings: Vec<Meeting>,
}

impl Corpus {
    pub fn new(seed: u64, count: usize) -> Self {
        let mut paragraphs = Vec::new();
        let mut blank_lines = [false; 5];
        for (f, text) in FIXTURES.iter().enumerate() {
            let mut t = text.replace("\r\n", "\n");
            blank_lines[f] = t.contains("\n\n");
            for (only, from, to) in RULES {
                if only.is_none_or(|o| o == f) {
                    t = t.replace(from, to);
                }
            }
            for (w, spellings) in WEEKDAYS.iter().enumerate() {
                let k = (w + 7 - BASE_WEEKDAY[f]) % 7;
                for spelling in *spellings {
                    t = t.replace(spelling, &format!("{{WD:{k}}}"));
                }
            }
            paragraphs.push(
                t.lines()
                    .map(str::trim_end)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
            );
        }
        // About 25 articles per meeting, so events grow with the corpus.
        let mut rng = Rng::new(seed ^ 0x6D65_6574_696E_6773);
        let first = days_from_civil(2024, 1, 1);
        let meetings = (0..(count / 25).max(4))
            .map(|_| Meeting {
                day: first + rng.below(3 * 365) as i64,
                host: if rng.chance(0.3) {
                    0
                } else {
                    rng.below(HOSTS.len())
                },
                members: 60 + rng.below(36) as u32,
                family: rng.below(2),
            })
            .collect();
        Corpus {
            seed,
            count,
            paragraphs,
            blank_lines,
            meetings,
        }
    }

    /// Where article `i` goes: `000/000123.txt`, at most 1000 files per folder.
    pub fn relative_path(&self, i: usize) -> PathBuf {
        let width = self.count.saturating_sub(1).to_string().len().max(6);
        let folder_width = width - 3;
        PathBuf::from(format!("{:0folder_width$}", i / 1000)).join(format!("{i:0width$}.txt"))
    }

    /// The text of article `i`.
    pub fn article(&self, i: usize) -> String {
        let mut rng = Rng::new(self.seed.wrapping_mul(0x1000_0000_01B3) ^ (i as u64 + 1));
        rng.next_u64();
        let meeting = &self.meetings[rng.below(self.meetings.len())];
        let family = FAMILIES[meeting.family];
        let base = rng.pick(family);

        // What this article says; a few disagree with their meeting.
        let mut members = meeting.members;
        if rng.chance(0.06) {
            members = (members as i64 + [-5, -2, -1, 1, 3, 5][rng.below(6)]).clamp(60, 95) as u32;
        }
        let mut host = meeting.host;
        if rng.chance(0.03) {
            host = rng.below(HOSTS.len());
        }
        let weekday_slip = if rng.chance(0.03) { 1 } else { 0 };
        let facts = Facts {
            day: meeting.day,
            weekday: (weekday(meeting.day) + weekday_slip) % 7,
            host: &HOSTS[host],
            members,
            months: rng.below(3),
        };

        let mut parts: Vec<&str> = Vec::new();
        let own = &self.paragraphs[base];
        for (n, p) in own.iter().enumerate() {
            // Paragraphs that carry facts are dropped less often, so most articles say something.
            let drop = if p.contains('{') { 0.03 } else { 0.1 };
            if n == 0 || !rng.chance(drop) {
                parts.push(p);
            }
        }
        if rng.chance(0.4) {
            let other = rng.pick(family);
            let fillers: Vec<&String> = self.paragraphs[other]
                .iter()
                .skip(1)
                .filter(|p| !p.contains('{'))
                .collect();
            if !fillers.is_empty() {
                let at = 1 + rng.below(parts.len());
                parts.insert(at.min(parts.len()), rng.pick(&fillers).as_str());
            }
        }
        let dateline;
        if rng.chance(0.25) {
            dateline = format!("{}، {{WD:1}} {{PDATE_Y}}", rng.pick(&DATELINES));
            parts.insert(1.min(parts.len()), &dateline);
        }
        let extra = "ويضم التحالف الدولي لهزيمة داعش {CARD_ACC} عضواً.";
        if rng.chance(0.2) {
            let at = parts.len() / 2;
            parts.insert(at, extra);
        }

        let separator = if self.blank_lines[base] { "\n\n" } else { "\n" };
        let mut out = String::with_capacity(6 * 1024);
        for (n, p) in parts.iter().enumerate() {
            if n > 0 {
                out.push_str(separator);
            }
            facts.render(p, &mut rng, &mut out);
        }
        out.push('\n');
        out
    }
}

/// The facts one article states.
struct Facts<'h> {
    day: i64,
    weekday: usize,
    host: &'h Host,
    members: u32,
    /// Which month names the article uses (an index into `MONTHS`).
    months: usize,
}

impl Facts<'_> {
    /// Appends `template` with its placeholders filled in.
    fn render(&self, template: &str, rng: &mut Rng, out: &mut String) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("placeholders are closed");
            self.fill(&rest[open + 1..close], rng, out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    fn fill(&self, name: &str, rng: &mut Rng, out: &mut String) {
        let h = self.host;
        match name {
            "CITY" => out.push_str(h.city),
            "COUNTRY" => out.push_str(h.country),
            "COUNTRY_FULL" => out.push_str(h.country_full),
            "ADJ_F" => out.push_str(h.adjective),
            "CAPITAL" if h.capital => {
                let _ = write!(out, "العاصمة {} {}", h.adjective, h.city);
            }
            "CAPITAL" => {
                let _ = write!(out, "مدينة {} {}", h.city, h.adjective);
            }
            "MDATE" => self.date(self.day, false, rng, out),
            "PDATE" => self.date(self.day + 1, false, rng, out),
            "PDATE_Y" => self.date(self.day + 1, true, rng, out),
            "OPTDATE" => {
                if rng.chance(0.5) {
                    out.push(' ');
                    self.date(self.day, true, rng, out);
                }
            }
            "NUM" => digits(self.members, rng, out),
            "CARD" | "CARD_ACC" => {
                if rng.chance(0.35) {
                    words(self.members, name == "CARD_ACC", out);
                } else {
                    digits(self.members, rng, out);
                }
            }
            "TOM" => out.push_str(rng.pick(&["توم باراك", "توماس باراك", "توم برّاك"])),
            "ABD" => out.push_str(rng.pick(&["عبدالكريم", "عبد الكريم"])),
            _ => {
                let k: usize = name
                    .strip_prefix("WD:")
                    .and_then(|k| k.parse().ok())
                    .unwrap_or_else(|| panic!("unknown placeholder {{{name}}}"));
                out.push_str(rng.pick(WEEKDAYS[(self.weekday + k) % 7]));
            }
        }
    }

    /// A date as news text writes it: "9 من شباط", "9 فبراير 2026", "9 شباط/فبراير 2026",
    /// "9/2/2026".
    fn date(&self, day: i64, with_year: bool, rng: &mut Rng, out: &mut String) {
        let (y, m, d) = civil_from_days(day);
        let month = MONTHS[self.months][m as usize - 1];
        match rng.below(8) {
            0 if with_year => {
                let _ = write!(out, "{d}/{m}/{y}");
                return;
            }
            1 if !with_year => {
                digits(d, rng, out);
                let _ = write!(out, " من {month}");
            }
            2 | 3 if self.months == 0 => {
                digits(d, rng, out);
                let _ = write!(out, " {month}/{}", MONTHS[1][m as usize - 1]);
            }
            _ => {
                digits(d, rng, out);
                let _ = write!(out, " {month}");
            }
        }
        if with_year {
            out.push(' ');
            digits(y as u32, rng, out);
        }
    }
}

/// `n` in ASCII, Arabic-Indic or Persian digits.
fn digits(n: u32, rng: &mut Rng, out: &mut String) {
    let zero = match rng.below(10) {
        0..=5 => '0',
        6..=8 => '٠',
        _ => '۰',
    };
    for c in n.to_string().chars() {
        let d = c as u32 - '0' as u32;
        out.push(char::from_u32(zero as u32 + d).expect("a digit"));
    }
}

/// `n` (1 to 99) in words: "خمسة وثمانون", or "خمسة وثمانين" in the accusative/genitive.
fn words(n: u32, oblique: bool, out: &mut String) {
    const UNITS: [&str; 10] = [
        "",
        "واحد",
        "اثنان",
        "ثلاثة",
        "أربعة",
        "خمسة",
        "ستة",
        "سبعة",
        "ثمانية",
        "تسعة",
    ];
    const TENS: [&str; 10] = [
        "",
        "عشرة",
        "عشرون",
        "ثلاثون",
        "أربعون",
        "خمسون",
        "ستون",
        "سبعون",
        "ثمانون",
        "تسعون",
    ];
    let (tens, unit) = ((n / 10) as usize, (n % 10) as usize);
    let mut tens_word = TENS[tens].to_owned();
    if oblique && tens >= 2 {
        tens_word = tens_word.replace("ون", "ين");
    }
    match (unit, oblique) {
        (0, _) => out.push_str(&tens_word),
        (2, true) => {
            let _ = write!(out, "اثنين و{tens_word}");
        }
        _ => {
            let _ = write!(out, "{} و{tens_word}", UNITS[unit]);
        }
    }
}

/// Monday = 0.
fn weekday(days: i64) -> usize {
    // 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7) as usize
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
