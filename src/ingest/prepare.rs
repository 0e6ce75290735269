//! The part of ingest that needs no database — hashing, decoding, extraction, placing,
//! folding, duplicate keys and compressing the raw bytes — run on every core.

use std::cell::RefCell;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::source::{Unit, UnitKind};
use super::{Rejection, build_article, decode, dedupe, extract};
use crate::article::Article;
use crate::store::DedupKeys;

/// zstd level for raw bytes: level 3 compresses Chinese pages about threefold at hundreds of
/// MB/s; higher levels gain a few percent for several times the time.
const ZSTD_LEVEL: i32 = 3;

/// An article ready to be stored.
#[derive(Debug, Clone)]
pub struct Ready {
    /// 0 for a single-article file; the line number of a dump's record.
    pub record: usize,
    /// The article (its id is given when stored).
    pub article: Article,
    /// Its duplicate keys.
    pub keys: DedupKeys,
}

/// What became of a unit before the database saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// New bytes with at least one article.
    Fresh,
    /// These exact bytes were stored before.
    Unchanged,
    /// No article could be read from it.
    Rejected,
}

/// A unit prepared for storing.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The file's name.
    pub name: Arc<str>,
    /// 0 for a whole file; the line number of a dump's record.
    pub record: usize,
    /// SHA-256 of the bytes as read, hex.
    pub sha256: String,
    /// The encoding the text was read in.
    pub encoding: Option<&'static str>,
    /// Length of the bytes as read.
    pub size: usize,
    /// The bytes, compressed with zstd.
    pub stored: Vec<u8>,
    /// Its articles, in record order.
    pub articles: Vec<Ready>,
    /// Records or the whole unit rejected, with reasons.
    pub rejected: Vec<Rejection>,
    /// What became of it.
    pub verdict: Verdict,
}

thread_local! {
    // One compression context per worker: creating one costs more than compressing a page.
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
}

/// Compresses raw bytes with zstd, reusing this thread's context.
fn compress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    COMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let compressor = match slot.as_mut() {
            Some(c) => c,
            None => slot.insert(zstd::bulk::Compressor::new(ZSTD_LEVEL)?),
        };
        compressor.compress(bytes)
    })
}

/// SHA-256 of bytes as lowercase hex: the identity of a stored file or record.
pub fn sha256_hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(bytes))
}

/// The name a rejection is reported under: the file, with the line for a dump's record.
pub(crate) fn label(name: &str, record: usize) -> String {
    if record == 0 {
        name.to_string()
    } else {
        format!("{name}:{record}")
    }
}

/// Prepares a unit whose hash was computed and found not stored (`unchanged` false) or stored.
pub fn prepare(unit: Unit, sha256: String, unchanged: bool) -> Prepared {
    let mut out = Prepared {
        name: unit.name.clone(),
        record: unit.record,
        sha256,
        encoding: None,
        size: unit.bytes.len(),
        stored: Vec::new(),
        articles: Vec::new(),
        rejected: Vec::new(),
        verdict: Verdict::Unchanged,
    };
    if unchanged {
        return out;
    }
    let reject = |out: &mut Prepared, reason: String| {
        out.rejected.push(Rejection {
            file: label(&unit.name, unit.record),
            reason,
        });
        out.verdict = Verdict::Rejected;
    };
    let decoded = match unit.kind {
        UnitKind::File => decode::decode(&unit.bytes),
        UnitKind::Record(encoding) => decode::decode_record(&unit.bytes, encoding),
    };
    let (text, encoding) = match decoded {
        Ok(t) => t,
        Err(e) => {
            reject(&mut out, e.to_string());
            return out;
        }
    };
    out.encoding = Some(encoding);
    let records = match unit.kind {
        UnitKind::File => extract::extract(&unit.name, &text),
        UnitKind::Record(_) => vec![extract::extract_record(&text, unit.record)],
    };
    for record in records {
        match record {
            Ok(ex) => {
                let record = ex.record;
                let article = build_article(ex);
                let keys = dedupe::keys(&article);
                out.articles.push(Ready {
                    record,
                    article,
                    keys,
                });
            }
            Err(e) => out.rejected.push(Rejection {
                file: unit.name.to_string(),
                reason: e.to_string(),
            }),
        }
    }
    if out.articles.is_empty() {
        if out.rejected.is_empty() {
            reject(&mut out, "no article text found".to_string());
        }
        out.verdict = Verdict::Rejected;
        return out;
    }
    match compress(&unit.bytes) {
        Ok(stored) => {
            out.stored = stored;
            out.verdict = Verdict::Fresh;
        }
        Err(e) => reject(&mut out, format!("could not compress: {e}")),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_prepared_with_compressed_bytes() {
        let page = "阳泉市出台人才新政\n\n发布时间：2023-05-30\n\n为深入实施人才强市战略，阳泉市出台人才引进实施办法，对来阳泉创业就业的博士给予安家补贴。"
            .repeat(3);
        let unit = Unit::file("page.txt", page.clone().into_bytes());
        let sha = sha256_hex(&unit.bytes);
        let p = prepare(unit, sha, false);
        assert_eq!(p.verdict, Verdict::Fresh, "{:?}", p.rejected);
        assert_eq!(p.articles.len(), 1);
        let raw = zstd::decode_all(p.stored.as_slice()).expect("zstd");
        assert_eq!(raw, page.as_bytes());
        assert!(p.stored.len() < page.len());
    }

    #[test]
    fn a_bad_record_is_rejected_with_its_line() {
        let unit = Unit {
            name: Arc::from("dump.jsonl"),
            record: 7,
            bytes: b"{not json".to_vec(),
            kind: UnitKind::Record(encoding_rs::UTF_8),
        };
        let p = prepare(unit, String::new(), false);
        assert_eq!(p.verdict, Verdict::Rejected);
        assert!(p.rejected[0].reason.contains("line 7"), "{:?}", p.rejected);
    }
}
