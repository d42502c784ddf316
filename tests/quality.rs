//! Scores parallax's JSON export of the bundled samples against the gold
//! written by reading the articles (`assets/samples/*/expected.json`):
//! precision and recall for shared statements (sentence pairs), unique
//! details, number, name and date discrepancies. Fails below 0.9 on any.
//!
//! Gold entries are quotes, not sentence indices, so the gold survives
//! changes to the sentence splitter. Only content sentences are scored.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const GATE: f64 = 0.9;

/// A located quote: article index, sentence index, byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    article: usize,
    sentence: usize,
    start: usize,
    end: usize,
}

struct Scored {
    name: &'static str,
    true_positives_predicted: usize,
    predicted: usize,
    true_positives_gold: usize,
    gold: usize,
    notes: Vec<String>,
}

impl Scored {
    fn precision(&self) -> f64 {
        if self.predicted == 0 { 1.0 } else { self.true_positives_predicted as f64 / self.predicted as f64 }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 { 1.0 } else { self.true_positives_gold as f64 / self.gold as f64 }
    }
}

struct Sample {
    gold: Value,
    report: Value,
}

impl Sample {
    fn load(folder: &Path) -> Self {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(folder.join("expected.json")).expect("gold file"))
                .expect("gold is JSON");
        let output = Command::cargo_bin("parallax")
            .expect("binary")
            .args(["--export", "-", "--format", "json", "--quiet"])
            // Extra options for tuning runs (e.g. PARALLAX_EVAL_ARGS="--match-threshold 0.3").
            .args(std::env::var("PARALLAX_EVAL_ARGS").unwrap_or_default().split_whitespace())
            .arg(folder)
            .output()
            .expect("parallax runs");
        assert!(output.status.success(), "parallax failed: {}", String::from_utf8_lossy(&output.stderr));
        let report: Value = serde_json::from_slice(&output.stdout).expect("report is JSON");
        Self { gold, report }
    }

    fn article_index(&self, file: &str) -> usize {
        self.report["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .position(|a| {
                Path::new(a["source"].as_str().unwrap_or_default()).file_name().and_then(|f| f.to_str()) == Some(file)
            })
            .unwrap_or_else(|| panic!("gold names {file}, which the report does not hold"))
    }

    fn locate(&self, reference: &Value) -> Place {
        let file = reference["file"].as_str().expect("file");
        let quote = reference["quote"].as_str().expect("quote");
        let article = self.article_index(file);
        let text = self.report["articles"][article]["text"].as_str().expect("text");
        let start = text.find(quote).unwrap_or_else(|| panic!("quote not in {file}: {quote:?}"));
        assert_eq!(text.match_indices(quote).count(), 1, "quote must occur once in {file}: {quote:?}");
        let end = start + quote.len();
        let sentence = self.report["articles"][article]["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .position(|s| {
                s["start"].as_u64().expect("start") as usize <= start
                    && start < s["end"].as_u64().expect("end") as usize
            })
            .unwrap_or_else(|| panic!("no sentence holds {quote:?}"));
        Place { article, sentence, start, end }
    }

    fn places(&self, list: &Value) -> Vec<Place> {
        list.as_array().map(|l| l.iter().map(|r| self.locate(r)).collect()).unwrap_or_default()
    }

    fn kind(&self, article: usize, sentence: usize) -> &str {
        self.report["articles"][article]["sentences"][sentence]["kind"].as_str().unwrap_or_default()
    }

    fn sentence_text(&self, article: usize, sentence: usize) -> String {
        let file = self.report["articles"][article]["source"].as_str().unwrap_or_default();
        let name = Path::new(file)
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default()
            .chars()
            .take(6)
            .collect::<String>();
        let text = self.report["articles"][article]["sentences"][sentence]["text"].as_str().unwrap_or_default();
        format!("[{name}] {}", text.chars().take(90).collect::<String>())
    }

    fn ignored(&self) -> BTreeSet<(usize, usize)> {
        self.places(&self.gold["ignore"]).iter().map(|p| (p.article, p.sentence)).collect()
    }

    fn scored_sentence(&self, article: usize, sentence: usize) -> bool {
        self.kind(article, sentence) == "content" && !self.ignored().contains(&(article, sentence))
    }

    fn discrepancies(&self, kind: &str) -> Vec<&Value> {
        self.report["discrepancies"].as_array().expect("discrepancies").iter().filter(|d| d["kind"] == kind).collect()
    }

    fn mention_places(&self, discrepancy: &Value) -> Vec<Place> {
        discrepancy["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| Place {
                article: m["article"].as_u64().expect("article") as usize,
                sentence: m["sentence"].as_u64().expect("sentence") as usize,
                start: m["start"].as_u64().expect("start") as usize,
                end: m["end"].as_u64().expect("end") as usize,
            })
            .filter(|p| self.scored_sentence(p.article, p.sentence))
            .collect()
    }
}

fn overlaps(a: &Place, b: &Place) -> bool {
    a.article == b.article && a.start < b.end && b.start < a.end
}

type Pair = ((usize, usize), (usize, usize));

fn pairs(members: &[(usize, usize)]) -> BTreeSet<Pair> {
    let mut out = BTreeSet::new();
    for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            if a != b {
                out.insert(if a < b { (*a, *b) } else { (*b, *a) });
            }
        }
    }
    out
}

fn score_groups(sample: &Sample) -> Scored {
    let mut gold = BTreeSet::new();
    for group in sample.gold["groups"].as_array().expect("groups") {
        let members: Vec<(usize, usize)> =
            sample.places(&group["members"]).iter().map(|p| (p.article, p.sentence)).collect();
        gold.extend(pairs(&members));
    }
    let mut predicted = BTreeSet::new();
    for group in sample.report["groups"].as_array().expect("groups") {
        let members: Vec<(usize, usize)> = group["members"]
            .as_array()
            .expect("members")
            .iter()
            .map(|m| (m["article"].as_u64().expect("a") as usize, m["sentence"].as_u64().expect("s") as usize))
            .filter(|(a, s)| sample.scored_sentence(*a, *s))
            .collect();
        predicted.extend(pairs(&members));
    }
    let hits = predicted.intersection(&gold).count();
    let mut notes = Vec::new();
    for (a, b) in gold.difference(&predicted) {
        notes.push(format!("missed pair: {} ~ {}", sample.sentence_text(a.0, a.1), sample.sentence_text(b.0, b.1)));
    }
    for (a, b) in predicted.difference(&gold) {
        notes.push(format!("wrong pair:  {} ~ {}", sample.sentence_text(a.0, a.1), sample.sentence_text(b.0, b.1)));
    }
    Scored {
        name: "shared statements (pairs)",
        true_positives_predicted: hits,
        predicted: predicted.len(),
        true_positives_gold: hits,
        gold: gold.len(),
        notes,
    }
}

fn score_uniques(sample: &Sample) -> Scored {
    let gold: BTreeSet<(usize, usize)> =
        sample.places(&sample.gold["unique"]).iter().map(|p| (p.article, p.sentence)).collect();
    let predicted: BTreeSet<(usize, usize)> = sample
        .discrepancies("unique")
        .iter()
        .flat_map(|d| sample.mention_places(d))
        .map(|p| (p.article, p.sentence))
        .collect();
    let hits = predicted.intersection(&gold).count();
    let mut notes = Vec::new();
    for (a, s) in gold.difference(&predicted) {
        notes.push(format!("missed unique: {}", sample.sentence_text(*a, *s)));
    }
    for (a, s) in predicted.difference(&gold) {
        notes.push(format!("wrong unique:  {}", sample.sentence_text(*a, *s)));
    }
    Scored {
        name: "unique details",
        true_positives_predicted: hits,
        predicted: predicted.len(),
        true_positives_gold: hits,
        gold: gold.len(),
        notes,
    }
}

/// Number, date: a predicted discrepancy matches a gold one when most of
/// its (content) mentions are gold mentions of it, it covers at least half
/// of them, none belongs to another gold quantity, and the status agrees.
fn score_spans(sample: &Sample, name: &'static str, kind: &str, gold_key: &str, others_key: Option<&str>) -> Scored {
    let gold: Vec<(Vec<Place>, Option<String>, String)> = sample.gold[gold_key]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|g| {
                    let label = g["quantity"].as_str().or_else(|| g["event"].as_str()).unwrap_or_default().to_owned();
                    (sample.places(&g["mentions"]), g["status"].as_str().map(str::to_owned), label)
                })
                .collect()
        })
        .unwrap_or_default();
    let mut others: Vec<Vec<Place>> = gold.iter().map(|g| g.0.clone()).collect();
    if let Some(key) = others_key {
        others.extend(sample.gold[key].as_array().into_iter().flatten().map(|g| sample.places(&g["mentions"])));
    }
    let predicted = sample.discrepancies(kind);
    let mut matched_gold = vec![false; gold.len()];
    let mut good_predictions = 0;
    let mut notes = Vec::new();
    for discrepancy in &predicted {
        let mentions = sample.mention_places(discrepancy);
        let status = discrepancy["status"].as_str();
        let found = gold.iter().enumerate().find(|(index, (places, gold_status, _))| {
            let hits = mentions.iter().filter(|m| places.iter().any(|p| overlaps(m, p))).count();
            let foreign = mentions.iter().any(|m| {
                others.iter().enumerate().any(|(o, other)| o != *index && other.iter().any(|p| overlaps(m, p)))
                    && !places.iter().any(|p| overlaps(m, p))
            });
            hits >= 2
                && hits * 3 >= mentions.len() * 2
                && hits * 2 >= places.len()
                && !foreign
                && gold_status.as_deref() == status.or(gold_status.as_deref())
        });
        match found {
            Some((index, _)) => {
                good_predictions += 1;
                matched_gold[index] = true;
            }
            None => notes.push(format!("wrong {kind}: {}", discrepancy["summary"].as_str().unwrap_or_default())),
        }
    }
    for (index, (_, _, label)) in gold.iter().enumerate() {
        if !matched_gold[index] {
            notes.push(format!("missed {kind}: {label}"));
        }
    }
    let hits_gold = matched_gold.iter().filter(|m| **m).count();
    Scored {
        name,
        true_positives_predicted: good_predictions,
        predicted: predicted.len(),
        true_positives_gold: hits_gold,
        gold: gold.len(),
        notes,
    }
}

fn score_names(sample: &Sample) -> Scored {
    let gold: Vec<BTreeSet<String>> = sample.gold["names"]
        .as_array()
        .expect("names")
        .iter()
        .map(|g| g["forms"].as_array().expect("forms").iter().filter_map(|f| f.as_str().map(str::to_owned)).collect())
        .collect();
    let forbidden: Vec<(String, String)> = sample.gold["not_name_variants"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| (p[0].as_str().unwrap_or_default().to_owned(), p[1].as_str().unwrap_or_default().to_owned()))
        .collect();
    let predicted = sample.discrepancies("name");
    let mut matched = vec![false; gold.len()];
    let mut good = 0;
    let mut notes = Vec::new();
    for discrepancy in &predicted {
        let forms: BTreeSet<String> = discrepancy["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .filter_map(|m| m["text"].as_str().map(str::to_owned))
            .collect();
        let clash = forbidden.iter().any(|(a, b)| forms.contains(a) && forms.contains(b));
        let found = gold.iter().position(|g| forms.is_subset(g) && forms.intersection(g).count() >= 2);
        match found {
            Some(index) if !clash => {
                good += 1;
                matched[index] = true;
            }
            _ => notes.push(format!("wrong name: {forms:?}")),
        }
    }
    for (index, forms) in gold.iter().enumerate() {
        if !matched[index] {
            notes.push(format!("missed name: {forms:?}"));
        }
    }
    let hits = matched.iter().filter(|m| **m).count();
    Scored {
        name: "name discrepancies",
        true_positives_predicted: good,
        predicted: predicted.len(),
        true_positives_gold: hits,
        gold: gold.len(),
        notes,
    }
}

fn sample_folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("samples folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    folders.sort();
    folders
}

#[test]
fn samples_meet_the_quality_gate() {
    let mut failures = Vec::new();
    for folder in sample_folders() {
        let sample = Sample::load(&folder);
        let scores = [
            score_groups(&sample),
            score_uniques(&sample),
            score_spans(&sample, "number discrepancies", "number", "numbers", Some("consistent_numbers")),
            score_names(&sample),
            score_spans(&sample, "date discrepancies", "date", "dates", None),
        ];
        println!("\n{}", folder.display());
        println!("{:<28} {:>9} {:>9}   {:>9} {:>9}", "", "precision", "recall", "tp/pred", "tp/gold");
        for score in &scores {
            println!(
                "{:<28} {:>9.3} {:>9.3}   {:>4}/{:<4} {:>4}/{:<4}",
                score.name,
                score.precision(),
                score.recall(),
                score.true_positives_predicted,
                score.predicted,
                score.true_positives_gold,
                score.gold
            );
        }
        for score in &scores {
            for note in &score.notes {
                println!("  {note}");
            }
            if score.precision() < GATE || score.recall() < GATE {
                failures.push(format!(
                    "{}: {} precision {:.3} recall {:.3}",
                    folder.display(),
                    score.name,
                    score.precision(),
                    score.recall()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "below the {GATE} gate:\n{}", failures.join("\n"));
}

#[test]
fn samples_kinds_titles_and_boilerplate_match_the_gold() {
    for folder in sample_folders() {
        let sample = Sample::load(&folder);
        let mut wrong = Vec::new();
        for (key, kind) in [("boilerplate", "boilerplate"), ("captions", "caption")] {
            for place in sample.places(&sample.gold[key]) {
                if sample.kind(place.article, place.sentence) != kind {
                    wrong.push(format!("expected {kind}: {}", sample.sentence_text(place.article, place.sentence)));
                }
            }
        }
        for (file, title) in sample.gold["titles"].as_object().into_iter().flatten() {
            let article = sample.article_index(file);
            let found = sample.report["articles"][article]["title"].as_str().unwrap_or_default();
            if Some(found) != title.as_str() {
                wrong.push(format!("title of {file}: {found:?}, expected {title}"));
            }
        }
        let files: Vec<String> = sample.report["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .filter_map(|a| Path::new(a["source"].as_str()?).file_name()?.to_str().map(str::to_owned))
            .collect();
        let expected: Vec<String> = sample.gold["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .filter_map(|f| f.as_str().map(str::to_owned))
            .collect();
        if files != expected {
            wrong.push(format!("articles in order {files:?}, expected {expected:?}"));
        }
        assert!(wrong.is_empty(), "{}:\n{}", folder.display(), wrong.join("\n"));
    }
}
