//! Duplicate detection: MinHash signatures, the same-article test, and permalink ids.

use chrono::NaiveDate;
use data_encoding::BASE32_NOPAD;
use sha2::{Digest, Sha256};

use crate::article::Article;
use crate::fold::compact;
use crate::store::{Candidate, DedupKeys};

const HASHES: usize = 64;
const BAND_ROWS: usize = 4;
const SHINGLE: usize = 4;
/// Reposts appear within days of the original; the same title years apart is a new text.
const MAX_REPOST_DAYS: i64 = 7;

/// A hash that never changes between builds: signatures are stored and compared for years.
fn stable_hash(values: impl IntoIterator<Item = u64>) -> u64 {
    values
        .into_iter()
        .fold(0x243f_6a88_85a3_08d3, |h, v| mix(h ^ mix(v)))
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser: a cheap, well-spread permutation of u64.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// MinHash signature of a compacted text over character shingles.
pub fn signature(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().collect();
    let mut sig = vec![u64::MAX; HASHES];
    let shingles: Vec<u64> = if chars.len() < SHINGLE {
        vec![stable_hash(chars.iter().map(|&c| u64::from(c)))]
    } else {
        chars
            .windows(SHINGLE)
            .map(|w| stable_hash(w.iter().map(|&c| u64::from(c))))
            .collect()
    };
    for h in shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = mix(h ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

/// Estimated Jaccard similarity of two stored signatures.
pub fn similarity(a: &[u8], b: &[u8]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let same = a
        .chunks_exact(8)
        .zip(b.chunks_exact(8))
        .filter(|(x, y)| x == y)
        .count();
    same as f64 / (a.len() / 8) as f64
}

/// The duplicate keys of an article.
pub fn keys(article: &Article) -> DedupKeys {
    let body = compact(&article.body_text());
    let sig = signature(&body);
    let bands = sig
        .chunks(BAND_ROWS)
        .enumerate()
        .map(|(band, rows)| {
            stable_hash(std::iter::once(band as u64).chain(rows.iter().copied())) as i64
        })
        .collect();
    DedupKeys {
        title_key: compact(&article.title),
        body_hash: BASE32_NOPAD.encode(&Sha256::digest(body.as_bytes())),
        signature: sig.iter().flat_map(|v| v.to_be_bytes()).collect(),
        bands,
    }
}

/// The permalink id of an article: short, URL-safe, derived from its content.
pub fn article_id(keys: &DedupKeys, date: Option<NaiveDate>, long: bool) -> String {
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    let digest = Sha256::digest(format!("{}\n{date}\n{}", keys.title_key, keys.body_hash));
    let id = BASE32_NOPAD.encode(&digest).to_ascii_lowercase();
    id[..if long { 16 } else { 10 }].to_string()
}

/// Whether a stored candidate is the same article as a new one.
pub fn same_article(new: &Article, keys: &DedupKeys, c: &Candidate) -> bool {
    if let (Some(a), Some(b)) = (new.date, c.date)
        && (a - b).num_days().abs() > MAX_REPOST_DAYS
    {
        return false;
    }
    // Template laws of two cities share most of their text but are different articles.
    if let ((Some(p1), c1), (Some(p2), c2)) = ((&new.province, &new.city), &c.place)
        && (p1 != p2 || (c1.is_some() && c2.is_some() && c1 != c2))
    {
        return false;
    }
    if keys.body_hash == c.keys.body_hash {
        return true;
    }
    let sim = similarity(&keys.signature, &c.keys.signature);
    sim >= 0.8 || (keys.title_key == c.keys.title_key && !keys.title_key.is_empty() && sim >= 0.3)
}

/// Whether a new text of a stored article is a corrected version (same page, new text) rather
/// than a copy on another site: it comes from a single-article file of the same name, or from
/// the same original URL. Records of one JSON lines file are distinct articles.
pub fn is_correction(
    new: &Article,
    keys: &DedupKeys,
    file_name: &str,
    record: usize,
    c: &Candidate,
    c_files: &[String],
) -> bool {
    if keys.body_hash == c.keys.body_hash && keys.title_key == c.keys.title_key {
        return false;
    }
    let base = |n: &str| n.rsplit(['/', '\\']).next().unwrap_or(n).to_string();
    let same_file = record == 0 && c_files.iter().any(|n| base(n) == base(file_name));
    let same_url = new.original_url.is_some() && new.original_url == c.original_url;
    same_file || same_url
}

/// Whether the new copy should become the canonical one: the earliest publication wins, so
/// the result does not depend on ingest order.
pub fn supersedes(new: &Article, keys: &DedupKeys, c: &Candidate) -> bool {
    let rank = |date: Option<NaiveDate>, hash: &str| (date.is_none(), date, hash.to_string());
    rank(new.date, &keys.body_hash) < rank(c.date, &c.keys.body_hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig_bytes(text: &str) -> Vec<u8> {
        signature(&compact(text))
            .iter()
            .flat_map(|v| v.to_be_bytes())
            .collect()
    }

    #[test]
    fn near_copies_are_similar_and_different_texts_are_not() {
        let base = "阳泉市召开科技创新推进大会，全力打造一流创新生态，积极培育壮大转型发展新动能。"
            .repeat(5);
        let copy = format!("{base}（来源：阳泉日报）");
        let other =
            "呼和浩特市以五大任务六大产业重大需求为导向，坚持创新驱动本质是人才驱动。".repeat(5);
        assert!(similarity(&sig_bytes(&base), &sig_bytes(&copy)) > 0.8);
        assert!(similarity(&sig_bytes(&base), &sig_bytes(&other)) < 0.2);
    }

    #[test]
    fn ids_are_short_url_safe_and_stable() {
        let article = Article {
            id: String::new(),
            title: "标题".into(),
            paragraphs: vec![crate::article::Paragraph::Text("正文内容".into())],
            date: NaiveDate::from_ymd_opt(2023, 5, 30),
            time: None,
            province: None,
            city: None,
            county: None,
            source: None,
            author: None,
            original_url: None,
            cited: vec![],
        };
        let k = keys(&article);
        let id = article_id(&k, article.date, false);
        assert_eq!(id.len(), 10);
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        );
        assert_eq!(id, article_id(&keys(&article), article.date, false));
    }
}
