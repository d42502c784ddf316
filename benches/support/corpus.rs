//! Generates benchmark article sets about one event, derived from the
//! bundled samples: sentences are drawn from the samples' reporting,
//! reworded (synonyms, other hedges, other name spellings), reordered and
//! given changed figures, and mixed with filler sentences only one article
//! carries. So matching, alignment and the discrepancy finders do real
//! work, at any size. Deterministic for a given seed.

use std::path::Path;

/// A small, fast, deterministic generator (xorshift64*), so the sets are
/// the same on every machine without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SWAPS: &[(&str, &str)] = &[
    ("killed", "left dead"),
    ("residents", "people"),
    ("About ", "Around "),
    ("about ", "around "),
    ("Some ", "Roughly "),
    ("evacuated", "moved to safety"),
    ("injured", "hurt"),
    ("declared", "announced"),
    ("Kuznetsov", "Kouznetsov"),
    ("Milosevic", "Milošević"),
    ("Jon Ashby", "John Ashby"),
    ("pledged", "promised"),
    ("opened", "launched"),
    ("railway line", "rail link"),
    ("reservoir", "lake behind the dam"),
];

const FILLER_SUBJECTS: &[&str] = &[
    "A shopkeeper on Mill Street",
    "The harbour master",
    "A retired teacher",
    "Two volunteers from the parish",
    "A farmer from the upper valley",
    "The school caretaker",
    "A nurse at the district clinic",
    "The ferry operator",
    "A cyclist crossing the old bridge",
    "Neighbours on Tanners Lane",
    "A delivery driver",
    "The station manager",
];
const FILLER_VERBS: &[&str] = &[
    "described",
    "photographed",
    "recalled",
    "cleaned",
    "inspected",
    "counted",
    "mapped",
    "sketched",
    "reported",
    "repaired",
    "measured",
    "collected",
];
const FILLER_OBJECTS: &[&str] = &[
    "the mud line on the bakery wall",
    "a row of ruined cars",
    "the water marks on the church door",
    "sandbags along the quay",
    "the flooded football pitch",
    "a boat tied to a lamp post",
    "the empty market hall",
    "broken fences in the allotments",
    "the closed petrol station",
    "a line of army trucks",
    "the silent sawmill",
    "crates of bottled water",
];
const FILLER_TIMES: &[&str] =
    &["at dawn", "on Thursday", "before lunch", "late in the evening", "in the rain", "after the water fell"];

/// The reporting sentences of the samples (content lines only).
pub fn sample_sentences(samples: &Path) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut files: Vec<_> =
        std::fs::read_dir(samples).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    for file in files {
        let is_article = file.extension().is_some_and(|e| e == "txt" || e == "md");
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        if !is_article {
            continue;
        }
        for line in text.lines().map(str::trim) {
            let words = line.split_whitespace().count();
            let reporting = words >= 6 && line.ends_with(['.', '"']) && !line.starts_with(['!', '*', '[', '#', '(']);
            if reporting && !line.contains(" min read") && !line.starts_with("By ") {
                sentences.push(line.to_owned());
            }
        }
    }
    sentences
}

fn reword(sentence: &str, rng: &mut Rng) -> String {
    let mut text = sentence.to_owned();
    for (from, to) in SWAPS {
        if text.contains(from) && rng.chance(35) {
            text = text.replacen(from, to, 1);
        }
    }
    if rng.chance(25) {
        text = change_figures(&text, rng);
    }
    text
}

/// Changes each run of digits by a small amount ("4,500" → "4,700").
fn change_figures(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if let Ok(value) = digits.parse::<u64>() {
            let changed = if (1000..2100).contains(&value) && digits.len() == 4 {
                value // a year
            } else if value >= 10 {
                let step = (value / 10).max(1);
                value + step * (1 + rng.below(3) as u64)
            } else {
                value + 1
            };
            out.push_str(&changed.to_string());
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let separator = *c == ',' && !digits.is_empty() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            digits.push(*c);
        } else if separator {
            continue;
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(*c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}

fn filler(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}, and {} more were seen nearby.",
        rng.pick(FILLER_SUBJECTS),
        rng.pick(FILLER_VERBS),
        rng.pick(FILLER_OBJECTS),
        rng.pick(FILLER_TIMES),
        2 + rng.below(40)
    )
}

/// One generated article of about `words` words. `reporting_percent` of the
/// sentences come from the samples' reporting, the rest are filler.
pub fn article(pool: &[String], index: usize, words: usize, reporting_percent: u64, rng: &mut Rng) -> String {
    let mut text = format!("Source: Generated Outlet {index}\n\nVelmora flood, report {index}\n\n");
    let mut count = 0;
    let mut paragraph = 0;
    while count < words {
        let sentence = if rng.chance(reporting_percent) && !pool.is_empty() {
            let chosen: &String = rng.pick(pool);
            reword(chosen, rng)
        } else {
            filler(rng)
        };
        count += sentence.split_whitespace().count();
        text.push_str(&sentence);
        paragraph += 1;
        if paragraph >= 2 + rng.below(3) {
            text.push_str("\n\n");
            paragraph = 0;
        } else {
            text.push(' ');
        }
    }
    text.push('\n');
    text
}

/// A whole set: `articles` articles of about `words` words each, as
/// (file name, text), named in natural order.
pub fn generate(samples: &Path, articles: usize, words: usize, seed: u64) -> Vec<(String, String)> {
    let pool = sample_sentences(samples);
    let mut rng = Rng::new(seed);
    // Long articles are mostly their own material, as long reports are.
    let reporting = if words > 5_000 { 15 } else { 60 };
    (0..articles)
        .map(|i| (format!("article{:04}.txt", i + 1), article(&pool, i + 1, words, reporting, &mut rng)))
        .collect()
}
