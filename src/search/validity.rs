//! Validity over the index: which documents other archived documents repeal (worked out once
//! per index generation), and each match's validity on a given day, for the validity filter
//! and facet. Nothing of it is frozen at indexing: the day is the caller's.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use tantivy::collector::{Collector, DocSetCollector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

use super::facets::FacetCount;
use super::schema::{EFFECTIVE, EXPIRES, Fields, IN_FORCE_FROM, REFERS_NUMBER, REFERS_TITLE};
use super::{Result, day_ts};
use crate::document::Validity;
use crate::document::validity::{may_repeal, on_day};

/// The day stamp of a repeal whose repealing document gives no date: in force from the start.
const REPEALED_SINCE_EVER: i64 = i64::MIN;

/// The documents other archived documents repeal, with the day each repeal takes effect, by
/// segment and document.
#[derive(Debug, Default)]
pub struct Repealed {
    by_segment: HashMap<SegmentId, Arc<HashMap<DocId, i64>>>,
}

impl Repealed {
    /// Follows every reference in the repeals field to the documents it names.
    pub fn find(searcher: &Searcher, fields: &Fields) -> Result<Repealed> {
        let mut terms = BTreeSet::new();
        for reader in searcher.segment_readers() {
            let inverted = reader.inverted_index(fields.repeals)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(|e| super::SearchError::Tantivy(e.into()))?;
            while stream.advance() {
                terms.insert(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
        // A repeal takes effect from the earliest day one of its repealers gives; when none
        // gives a day, from ever.
        let mut since: HashMap<DocAddress, Option<i64>> = HashMap::new();
        let mut days = Days::default();
        for term in &terms {
            let named = if let Some(number) = term.strip_prefix(REFERS_NUMBER) {
                Term::from_field_text(fields.doc_number, number)
            } else if let Some(key) = term.strip_prefix(REFERS_TITLE) {
                Term::from_field_text(fields.title_key, key)
            } else {
                continue;
            };
            let repealers = docs(searcher, Term::from_field_text(fields.repeals, term))?;
            if repealers.is_empty() {
                continue;
            }
            let targets = docs(searcher, named)?;
            for repealer in &repealers {
                let day = days.of(searcher, *repealer)?;
                for target in &targets {
                    if target == repealer || !may_repeal(day, days.of(searcher, *target)?) {
                        continue;
                    }
                    let slot = since.entry(*target).or_insert(day);
                    *slot = match (*slot, day) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
            }
        }
        let mut by_segment: HashMap<SegmentId, HashMap<DocId, i64>> = HashMap::new();
        for (address, day) in since {
            let segment = searcher.segment_reader(address.segment_ord).segment_id();
            by_segment
                .entry(segment)
                .or_default()
                .insert(address.doc_id, day.unwrap_or(REPEALED_SINCE_EVER));
        }
        Ok(Repealed {
            by_segment: by_segment
                .into_iter()
                .map(|(k, v)| (k, Arc::new(v)))
                .collect(),
        })
    }
}

impl super::SearchIndex {
    /// Where every document of `searcher` stands on `today`; what documents repeal is worked
    /// out once per index generation. While one search works it out, others use the previous
    /// generation's (documents in new segments count as not repealed meanwhile) rather than
    /// wait; only the very first waits.
    pub fn standing(&self, searcher: &Searcher, today: chrono::NaiveDate) -> Result<Standing> {
        let generation = searcher.generation().generation_id();
        let slot = &self.repealed;
        let known = || {
            slot.current
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .clone()
        };
        let fresh = |k: &Option<(u64, Arc<Repealed>)>| {
            k.as_ref()
                .filter(|(g, _)| *g == generation)
                .map(|(_, r)| r.clone())
        };
        let before = known();
        if let Some(r) = fresh(&before) {
            return Ok(Standing::new(r, today));
        }
        let _finding = match slot.finding.try_lock() {
            Ok(guard) => guard,
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => match before {
                Some((_, previous)) => {
                    let mut stale = Standing::new(previous, today);
                    stale.current = false;
                    return Ok(stale);
                }
                None => slot
                    .finding
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            },
        };
        // Another search may have finished while this one waited.
        if let Some(r) = fresh(&known()) {
            return Ok(Standing::new(r, today));
        }
        let found = Arc::new(Repealed::find(searcher, self.fields())?);
        let mut current = slot
            .current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // A search on an older searcher does not evict the newer generation's.
        if current.as_ref().is_none_or(|(g, _)| *g < generation) {
            *current = Some((generation, found.clone()));
        }
        Ok(Standing::new(found, today))
    }
}

fn docs(searcher: &Searcher, term: Term) -> Result<Vec<DocAddress>> {
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    Ok(searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect())
}

/// The day each document counts from, its column opened once per segment.
#[derive(Default)]
struct Days(HashMap<u32, Option<Column<i64>>>);

impl Days {
    fn of(&mut self, searcher: &Searcher, address: DocAddress) -> Result<Option<i64>> {
        let column = match self.0.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let reader = searcher.segment_reader(address.segment_ord);
                e.insert(reader.fast_fields().column_opt(IN_FORCE_FROM)?)
            }
        };
        Ok(column.as_ref().and_then(|c| c.first(address.doc_id)))
    }
}

/// What archived documents repeal, with the index generation it was worked out for, and the
/// turn to work out the next.
#[derive(Default)]
pub(super) struct RepealedSlot {
    current: std::sync::Mutex<Option<(u64, Arc<Repealed>)>>,
    finding: std::sync::Mutex<()>,
}

/// Where every document of the index stands on one day.
#[derive(Clone)]
pub struct Standing {
    repealed: Arc<Repealed>,
    today: i64,
    current: bool,
}

impl PartialEq for Standing {
    fn eq(&self, other: &Standing) -> bool {
        self.today == other.today && Arc::ptr_eq(&self.repealed, &other.repealed)
    }
}

impl Eq for Standing {}

impl std::fmt::Debug for Standing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Standing({})", self.today)
    }
}

impl Standing {
    /// Validity on `today`, given what the index's documents repeal.
    pub fn new(repealed: Arc<Repealed>, today: chrono::NaiveDate) -> Standing {
        Standing {
            repealed,
            today: day_ts(today),
            current: true,
        }
    }

    /// Whether it knows what the documents of the searcher's own generation repeal (else a
    /// previous generation's, while that is worked out): only then may results be kept.
    pub fn is_current(&self) -> bool {
        self.current
    }

    /// Each document's validity within one segment.
    pub(super) fn segment(&self, reader: &SegmentReader) -> Result<SegmentStanding> {
        let fast = reader.fast_fields();
        Ok(SegmentStanding {
            repealed: self.repealed.by_segment.get(&reader.segment_id()).cloned(),
            effective: fast.column_opt(EFFECTIVE)?,
            expires: fast.column_opt(EXPIRES)?,
            today: self.today,
        })
    }

    /// Matches the documents of one validity.
    pub fn query(&self, wanted: Validity) -> Box<dyn Query> {
        let standing = self.clone();
        let predicate = FunctionPredicate::from(move |reader: &SegmentReader| {
            let segment = standing.segment(reader).map_err(tantivy_error)?;
            Ok(move |doc: DocId| segment.validity(doc) == Some(wanted))
        });
        Box::new(DocPredicateQuery::from(predicate))
    }

    /// Counts the matches of each validity.
    pub fn counter(&self) -> ValidityCounter {
        ValidityCounter(self.clone())
    }
}

pub(super) fn tantivy_error(e: super::SearchError) -> tantivy::TantivyError {
    match e {
        super::SearchError::Tantivy(e) => e,
        other => tantivy::TantivyError::InternalError(other.to_string()),
    }
}

/// Each document's validity within one segment.
pub(super) struct SegmentStanding {
    repealed: Option<Arc<HashMap<DocId, i64>>>,
    effective: Option<Column<i64>>,
    expires: Option<Column<i64>>,
    today: i64,
}

impl SegmentStanding {
    /// The validity of a document of the segment.
    pub(super) fn validity(&self, doc: DocId) -> Option<Validity> {
        let day = |c: &Option<Column<i64>>| c.as_ref().and_then(|c| c.first(doc));
        let repealed = self.repealed.as_ref().and_then(|r| r.get(&doc).copied());
        on_day(
            repealed,
            day(&self.expires),
            day(&self.effective),
            self.today,
        )
    }
}

/// Counts of matches by validity.
pub struct ValidityCounter(Standing);

/// One segment's counts, in the order of [`Validity::ALL`].
pub struct SegmentValidityCounter {
    standing: SegmentStanding,
    counts: [u64; Validity::ALL.len()],
}

impl SegmentCollector for SegmentValidityCounter {
    type Fruit = [u64; Validity::ALL.len()];

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(v) = self.standing.validity(doc)
            && let Some(i) = Validity::ALL.iter().position(|a| *a == v)
        {
            self.counts[i] += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.counts
    }
}

impl Collector for ValidityCounter {
    type Fruit = [u64; Validity::ALL.len()];
    type Child = SegmentValidityCounter;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentValidityCounter> {
        Ok(SegmentValidityCounter {
            standing: self.0.segment(segment).map_err(tantivy_error)?,
            counts: [0; Validity::ALL.len()],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut out = [0; Validity::ALL.len()];
        for fruit in fruits {
            for (sum, n) in out.iter_mut().zip(fruit) {
                *sum += n;
            }
        }
        Ok(out)
    }
}

/// The facet values of the counts, most first, without the empty ones.
pub fn read_counts(counts: [u64; Validity::ALL.len()]) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = Validity::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(v, count)| FacetCount {
            value: v.label().to_string(),
            count,
        })
        .collect();
    out.sort_by_key(|c| std::cmp::Reverse(c.count));
    out
}
