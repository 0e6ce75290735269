//! The judged sets of benefit clauses, labelled by hand: precision and recall of the kind, the
//! amounts, the period and the recipients, no amount absent from its sentence, and every record
//! exactly its span. tests/benefits/judged.json (written and real sentences, the extractor
//! refined against it) must reach its targets. Two sets of real sentences only, each labelled
//! apart from the extractor, are measured and printed: real_dev.json (held out at first, then
//! used to refine the extractor) and real_heldout.json (never used to refine it). So are two
//! sets of talent-policy passages written and labelled by passes that never saw the extractor,
//! modelled on many cities' documents, tables and news: policy_dev.json (three passes, each held
//! out at first, then used to refine the extractor) and policy_heldout.json (two passes, never
//! used to refine it).

use std::collections::BTreeMap;

use rencai::benefit::{self, Benefit};
use serde::Deserialize;

const JUDGED: &str = include_str!("benefits/judged.json");
const REAL_DEV: &str = include_str!("benefits/real_dev.json");
const HELD_OUT: &str = include_str!("benefits/real_heldout.json");
const POLICY_DEV: &str = include_str!("benefits/policy_dev.json");
const POLICY_HELD_OUT: &str = include_str!("benefits/policy_heldout.json");

#[derive(Debug, Deserialize)]
struct Judged {
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    id: String,
    text: String,
    benefits: Vec<Label>,
}

#[derive(Debug, Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Label {
    kind: String,
    amount_min: Option<i64>,
    amount_max: Option<i64>,
    period: Option<String>,
    degrees: Vec<String>,
    tiers: Vec<String>,
    age_max: Option<u32>,
}

fn label_of(b: &Benefit) -> Label {
    let mut degrees = b.recipients.degrees.clone();
    degrees.sort();
    let mut tiers = b.recipients.tiers.clone();
    tiers.sort();
    Label {
        kind: b.kind.label().to_string(),
        amount_min: b.amount_min,
        amount_max: b.amount_max,
        period: b.period.map(|p| p.label().to_string()),
        degrees,
        tiers,
        age_max: b.recipients.age_max,
    }
}

fn normalised(mut l: Label) -> Label {
    l.degrees.sort();
    l.tiers.sort();
    l
}

/// Every amount a sentence writes, in 元, under each unit it could carry.
fn written_amounts(text: &str) -> Vec<i64> {
    let numbers =
        regex::Regex::new(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+").expect("regex");
    let mut out = Vec::new();
    for m in numbers.find_iter(text) {
        let n = m.as_str().parse::<f64>().ok().or_else(|| {
            chinese_number::from_chinese_to_u64_ten_thousand(m.as_str())
                .ok()
                .map(|v| v as f64)
        });
        if let Some(n) = n {
            for unit in [1.0, 1e3, 1e4, 1e8] {
                out.push((n * unit).round() as i64);
            }
        }
    }
    out
}

/// What a judged set measured.
struct Measured {
    precision: f64,
    recall: f64,
    labelled: usize,
    negatives: usize,
}

#[test]
fn the_judged_benefit_clauses() {
    let m = measure(JUDGED);
    assert!(m.labelled >= 80, "at least 80 labelled benefit clauses");
    assert!(
        m.negatives >= 30,
        "at least 30 sentences that offer nothing"
    );
    assert!(m.precision >= 0.95, "precision {:.3}", m.precision);
    assert!(m.recall >= 0.90, "recall {:.3}", m.recall);
}

#[test]
fn real_sentences_held_out() {
    assert_whole(&measure(HELD_OUT), "held-out");
}

#[test]
fn real_sentences_used_in_development() {
    assert_whole(&measure(REAL_DEV), "development");
}

#[test]
fn policy_passages_held_out() {
    assert_whole(&measure(POLICY_HELD_OUT), "policy held-out");
}

#[test]
fn policy_passages_used_in_development() {
    let m = measure(POLICY_DEV);
    assert_whole(&m, "policy development");
    // Tuned against, so held to what it reached: a fall here is a regression.
    assert!(m.precision >= 0.95, "precision {:.3}", m.precision);
    assert!(m.recall >= 0.93, "recall {:.3}", m.recall);
}

/// A set is measured only while it still holds what was labelled.
fn assert_whole(m: &Measured, set: &str) {
    assert!(
        m.labelled >= 50 && m.negatives >= 30,
        "the {set} set is whole"
    );
}

/// Runs the extractor over a judged set, checking every record's span and amounts, and prints
/// precision and recall by kind and in all.
fn measure(set: &str) -> Measured {
    let judged: Judged = serde_json::from_str(set).expect("a judged set");
    let (mut extracted, mut labelled, mut matched) = (0usize, 0usize, 0usize);
    let mut by_kind: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let negatives = judged
        .cases
        .iter()
        .filter(|c| c.benefits.is_empty())
        .count();
    let mut misses = Vec::new();
    for case in &judged.cases {
        let found = benefit::extract(&[case.text.as_str()]);
        let chars: Vec<char> = case.text.chars().collect();
        for b in &found {
            let span: String = chars[b.start..b.end].iter().collect();
            assert_eq!(span, b.text, "{}: the record is its span", case.id);
            let written = written_amounts(&b.text);
            for amount in [b.amount_min, b.amount_max].into_iter().flatten() {
                assert!(
                    written.contains(&amount),
                    "{}: {amount} is not written in {:?}",
                    case.id,
                    b.text
                );
            }
        }
        let mut want: Vec<Label> = case.benefits.iter().cloned().map(normalised).collect();
        let got: Vec<Label> = found.iter().map(label_of).collect();
        extracted += got.len();
        labelled += want.len();
        for l in &want {
            by_kind.entry(l.kind.clone()).or_default().1 += 1;
        }
        for g in &got {
            by_kind.entry(g.kind.clone()).or_default().0 += 1;
            if let Some(at) = want.iter().position(|w| w == g) {
                want.remove(at);
                matched += 1;
                by_kind.entry(g.kind.clone()).or_default().2 += 1;
            } else {
                misses.push(format!("{}: extracted {g:?}", case.id));
            }
        }
        for w in want {
            misses.push(format!("{}: missed {w:?}", case.id));
        }
    }
    let precision = matched as f64 / extracted.max(1) as f64;
    let recall = matched as f64 / labelled.max(1) as f64;
    println!("kind                extracted labelled matched");
    for (kind, (e, l, m)) in &by_kind {
        println!("{kind:<16} {e:>9} {l:>8} {m:>7}");
    }
    println!(
        "{} cases ({negatives} offering nothing), {labelled} labelled benefits: precision {precision:.3}, recall {recall:.3}",
        judged.cases.len()
    );
    for m in &misses {
        println!("  {m}");
    }
    Measured {
        precision,
        recall,
        labelled,
        negatives,
    }
}
