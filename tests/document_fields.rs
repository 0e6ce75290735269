//! Document fields against a hand-checked set: notices with their numbers and signatures, a
//! jointly issued notice, regulations with their records, an interpretation, a Q&A page,
//! news reports. Prints precision and recall per field; nothing may be invented.

use std::collections::BTreeMap;
use std::path::Path;

use rencai::document;
use serde_json::{Value, json};

/// The fields checked for each document.
const FIELDS: [&str; 12] = [
    "doc_numbers",
    "issuers",
    "kind",
    "carries",
    "signed",
    "published",
    "adopted",
    "approved",
    "effective",
    "expires",
    "amended",
    "repeals",
];

/// Lowest precision allowed for any field.
const PRECISION_FLOOR: f64 = 0.95;

/// Whether a value states nothing (null or an empty list).
fn is_empty(v: &Value) -> bool {
    v.is_null() || v.as_array().is_some_and(|a| a.is_empty())
}

/// The document fields the reader finds in a file, as JSON.
fn read(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).expect("a UTF-8 document");
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    let extracted = rencai::ingest::extract::extract(&name, &text)
        .into_iter()
        .next()
        .expect("one article")
        .expect("extracted");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    let doc = document::read_extracted(&extracted, &name, today);
    let mut out = serde_json::to_value(&doc.lifecycle).expect("json");
    let extra = json!({
        "doc_numbers": doc.doc_numbers,
        "issuers": doc.issuers,
        "kind": doc.kind,
        "carries": doc.carries,
        "repeals": doc.repeals,
    });
    if let (Some(o), Some(e)) = (out.as_object_mut(), extra.as_object()) {
        o.extend(e.clone());
    }
    out
}

#[test]
fn document_fields_are_precise_and_never_invented() {
    let expected: Vec<Value> =
        serde_json::from_str(include_str!("documents/expected.json")).expect("expected.json");
    // Per field: (found, found right, stated, stated and found).
    let mut tally: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for want in &expected {
        let file = want["file"].as_str().expect("file");
        let got = read(file);
        for field in FIELDS {
            checked += 1;
            let (g, w) = (&got[field], &want[field]);
            let t = tally.entry(field).or_default();
            let right = g == w;
            if !is_empty(g) {
                t.0 += 1;
                t.1 += usize::from(right);
                if !right {
                    wrong.push(format!("{file} {field}: found {g}, stated {w}"));
                }
            }
            if !is_empty(w) {
                t.2 += 1;
                t.3 += usize::from(right);
            }
        }
    }
    println!(
        "{checked} hand-checked fields over {} documents",
        expected.len()
    );
    println!("| field | precision | recall |\n|---|---|---|");
    for (field, (found, right, stated, recalled)) in &tally {
        let share = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
        println!(
            "| {field} | {:.3} ({right}/{found}) | {:.3} ({recalled}/{stated}) |",
            share(*right, *found),
            share(*recalled, *stated)
        );
    }
    for w in &wrong {
        println!("  {w}");
    }
    assert!(checked >= 120, "{checked} fields");
    for (field, (found, right, _, _)) in &tally {
        let precision = if *found == 0 {
            1.0
        } else {
            *right as f64 / *found as f64
        };
        assert!(
            precision >= PRECISION_FLOOR,
            "{field}: precision {precision:.3}"
        );
    }
}
