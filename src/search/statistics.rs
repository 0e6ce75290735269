//! Ranking statistics of the live documents only, so that two indexes holding the same
//! articles score them alike, whatever old versions either still keeps.
//!
//! tantivy's BM25 counts a replaced or removed document in its statistics until a merge drops
//! it: a node that indexed an article twice scores a little differently from a node built
//! afresh, and near-equal results can change places between nodes behind one load balancer.
//! These statistics depend only on the live documents: their number, how many contain a term,
//! and the sum of their field lengths (as the index stores them, in its one-byte code).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::num::NonZeroUsize;
use std::sync::{LazyLock, Mutex};

use lru::LruCache;
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, Searcher, Term};

/// Term frequencies kept across searches of one index state (a query has up to a few dozen
/// terms; a few thousand cover the queries of a busy while).
const TERMS_KEPT: NonZeroUsize = NonZeroUsize::new(8_192).expect("non-zero");
/// Field lengths kept: a few fields for each segment of a few indexes (an index has a few
/// dozen segments).
const FIELDS_KEPT: NonZeroUsize = NonZeroUsize::new(1_024).expect("non-zero");

/// Computed statistics, across every index of the process. Term frequencies are kept by index
/// state (its segments and how many of their documents are deleted); field lengths by segment
/// and deletions, so that a commit makes only its new segments be read.
struct Kept {
    terms: LruCache<(u64, Term), u64>,
    fields: LruCache<(u64, Field), u64>,
}

/// A segment as it stands: its id and how many of its documents are deleted.
fn segment_key(reader: &tantivy::SegmentReader) -> u64 {
    let mut hasher = DefaultHasher::new();
    reader.segment_id().hash(&mut hasher);
    reader.num_deleted_docs().hash(&mut hasher);
    hasher.finish()
}

static KEPT: LazyLock<Mutex<Kept>> = LazyLock::new(|| {
    Mutex::new(Kept {
        terms: LruCache::new(TERMS_KEPT),
        fields: LruCache::new(FIELDS_KEPT),
    })
});

/// BM25 statistics of a searcher's live documents.
pub struct LiveStatistics<'a> {
    searcher: &'a Searcher,
    state: u64,
}

impl<'a> LiveStatistics<'a> {
    /// The statistics of what `searcher` sees.
    pub fn of(searcher: &'a Searcher) -> LiveStatistics<'a> {
        let mut hasher = DefaultHasher::new();
        for reader in searcher.segment_readers() {
            segment_key(reader).hash(&mut hasher);
        }
        LiveStatistics {
            searcher,
            state: hasher.finish(),
        }
    }
}

fn kept<K, F>(pick: F, key: &(u64, K)) -> Option<u64>
where
    F: FnOnce(&mut Kept) -> &mut LruCache<(u64, K), u64>,
    K: Hash + Eq,
{
    let mut kept = KEPT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    pick(&mut kept).get(key).copied()
}

fn keep<K, F>(pick: F, key: (u64, K), value: u64)
where
    F: FnOnce(&mut Kept) -> &mut LruCache<(u64, K), u64>,
    K: Hash + Eq,
{
    let mut kept = KEPT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    pick(&mut kept).put(key, value);
}

impl super::SearchIndex {
    /// Works out the ranked fields' live lengths of segments not read yet, so that the first
    /// search after a commit does not pay for reading them.
    pub fn warm_ranking(&self) -> tantivy::Result<()> {
        let searcher = self.searcher();
        let live = LiveStatistics::of(&searcher);
        let fields = self.fields();
        for field in [fields.title, fields.title_grams, fields.body_grams] {
            live.total_num_tokens(field)?;
        }
        Ok(())
    }
}

impl Bm25StatisticsProvider for LiveStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let mut total = 0u64;
        for reader in self.searcher.segment_readers() {
            let key = (segment_key(reader), field);
            if let Some(length) = kept(|k| &mut k.fields, &key) {
                total += length;
                continue;
            }
            let norms = reader.get_fieldnorms_reader(field)?;
            let alive = reader.alive_bitset();
            let length = (0..reader.max_doc())
                .filter(|doc| alive.is_none_or(|a| a.is_alive(*doc)))
                .map(|doc| u64::from(norms.fieldnorm(doc)))
                .sum::<u64>();
            keep(|k| &mut k.fields, key, length);
            total += length;
        }
        Ok(total)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.searcher.num_docs())
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let key = (self.state, term.clone());
        if let Some(n) = kept(|k| &mut k.terms, &key) {
            return Ok(n);
        }
        let mut n = 0u64;
        for reader in self.searcher.segment_readers() {
            let index = reader.inverted_index(term.field())?;
            n += match reader.alive_bitset() {
                None => u64::from(index.doc_freq(term)?),
                Some(alive) => index
                    .read_postings(term, IndexRecordOption::Basic)?
                    .map_or(0, |mut postings| u64::from(postings.count(alive))),
            };
        }
        keep(|k| &mut k.terms, key, n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::QueryParser;
    use tantivy::schema::{STRING, Schema, TEXT};
    use tantivy::{Index, IndexWriter, doc};

    use super::*;

    /// An index of `docs` (id, text). When `old` versions are given, they are written first
    /// (with the other documents) and then replaced by their `docs` version, as a node that
    /// held them would have them.
    fn index<'t>(docs: &[(&'t str, &'t str)], old: &[(&'t str, &'t str)]) -> (Index, Field) {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING);
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let first = |key: &str, body: &'t str| -> &'t str {
            old.iter()
                .find(|(k, _)| *k == key)
                .map_or(body, |(_, b)| *b)
        };
        for (key, body) in docs {
            writer
                .add_document(doc!(id => *key, text => first(key, body)))
                .expect("add");
        }
        writer.commit().expect("commit");
        for (key, body) in docs.iter().filter(|(k, _)| old.iter().any(|(o, _)| o == k)) {
            writer.delete_term(Term::from_field_text(id, key));
            writer
                .add_document(doc!(id => *key, text => *body))
                .expect("add");
        }
        writer.commit().expect("commit");
        (index, text)
    }

    fn scores(index: &Index, text: Field, live: bool) -> Vec<f32> {
        let searcher = index.reader().expect("reader").searcher();
        let query = QueryParser::for_index(index, vec![text])
            .parse_query("talent")
            .expect("query");
        let top = TopDocs::with_limit(10).order_by_score();
        let found = if live {
            searcher.search_with_statistics_provider(&query, &top, &LiveStatistics::of(&searcher))
        } else {
            searcher.search(&query, &top)
        };
        let mut scores: Vec<f32> = found.expect("search").into_iter().map(|(s, _)| s).collect();
        scores.sort_by(f32::total_cmp);
        scores
    }

    #[test]
    fn replaced_versions_change_no_score() {
        let docs = [
            ("a", "talent policy housing subsidy"),
            ("b", "talent talent apartment"),
            ("c", "settling policy for graduates"),
        ];
        let old = [("c", "talent talent talent talent talent old version of c")];
        let (fresh, text) = index(&docs, &[]);
        let (followed, followed_text) = index(&docs, &old);
        assert_ne!(
            scores(&fresh, text, false),
            scores(&followed, followed_text, false),
            "tantivy's own statistics count the replaced version"
        );
        assert_eq!(
            scores(&fresh, text, true),
            scores(&followed, followed_text, true)
        );
    }
}
