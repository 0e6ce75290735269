//! The newest matches of each region: what stands for a place when offers are compared. One
//! pass over the matches keeps, per region, the few newest that are neither repealed nor
//! expired today.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::schema::{Facet, Value};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, TantivyDocument};

use super::query::{self, Leave};
use super::schema::{IN_FORCE_FROM, TS};
use super::validity::{SegmentStanding, Standing};
use super::{Result, SearchIndex, SearchRequest, filters, syntax};
use crate::document::Validity;

/// Each region's newest matches, and whether they were judged with the current generation's
/// repeals (only then may they be kept).
pub struct Newest {
    /// The regions, in order.
    pub regions: Vec<RegionNewest>,
    /// See [`super::Standing::is_current`].
    pub current: bool,
}

/// The newest matching articles of one region, newest first.
#[derive(Debug, Clone)]
pub struct RegionNewest {
    /// Province, city and county as far as the articles are attributed.
    pub region: Vec<String>,
    /// Their ids, newest first, each with the day it was ranked by (its publication, else the
    /// day the document counts from).
    pub articles: Vec<(String, Option<chrono::NaiveDate>)>,
}

/// The `per_region` newest matches of `req` in each region, as of today; gives up with
/// [`super::SearchError::OverBudget`] once `deadline` has passed.
pub fn newest_by_region(
    index: &SearchIndex,
    req: &SearchRequest,
    per_region: usize,
    deadline: Option<std::time::Instant>,
) -> Result<Newest> {
    if req.unknown_region {
        return Ok(Newest {
            regions: Vec::new(),
            current: true,
        });
    }
    let searcher = index.searcher();
    let fields = index.fields();
    let standing = index.standing(&searcher, crate::document::today())?;
    let current = standing.is_current();
    let filters = filters(req, &standing);
    let text = query::text_query(fields, &syntax::parse(&req.q), false);
    let query = query::filtered(fields, text, &filters, Leave::Nothing);
    let collector = NewestCollector {
        standing,
        per_region,
    };
    let found = super::pass::collect(&searcher, query.as_ref(), &collector, deadline)?;
    let mut out = Vec::new();
    for (region, docs) in found {
        let mut articles = Vec::new();
        for (ts, address) in docs {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(id) = doc.get_first(fields.id).and_then(|v| v.as_str()) {
                let day = (ts != i64::MIN)
                    .then(|| super::schema::ts_day(ts))
                    .flatten();
                articles.push((id.to_string(), day));
            }
        }
        out.push(RegionNewest { region, articles });
    }
    out.sort_by(|a, b| a.region.cmp(&b.region));
    Ok(Newest {
        regions: out,
        current,
    })
}

/// Newest docs per region (its facet path), newest first.
type Found = HashMap<Vec<String>, Vec<(i64, DocAddress)>>;

struct NewestCollector {
    standing: Standing,
    per_region: usize,
}

struct SegmentNewest {
    segment: SegmentOrdinal,
    standing: SegmentStanding,
    ts: Option<Column<i64>>,
    in_force_from: Option<Column<i64>>,
    reader: tantivy::fastfield::FacetReader,
    per_region: usize,
    by_ord: HashMap<u64, Vec<(i64, DocId)>>,
}

fn keep<T>(list: &mut Vec<(i64, T)>, item: (i64, T), most: usize) {
    let at = list.partition_point(|(t, _)| *t >= item.0);
    if at < most {
        list.insert(at, item);
        list.truncate(most);
    }
}

impl SegmentCollector for SegmentNewest {
    type Fruit = Found;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if matches!(
            self.standing.validity(doc),
            Some(Validity::Repealed | Validity::Expired)
        ) {
            return;
        }
        // Newest by publication, else by the day the document counts from.
        let day = |c: &Option<Column<i64>>| c.as_ref().and_then(|c| c.first(doc));
        let ts = day(&self.ts)
            .or_else(|| day(&self.in_force_from))
            .unwrap_or(i64::MIN);
        if let Some(ord) = self.reader.facet_ords(doc).next() {
            let list = self.by_ord.entry(ord).or_default();
            keep(list, (ts, doc), self.per_region);
        }
    }

    fn harvest(self) -> Found {
        let mut out = Found::new();
        let mut facet = Facet::root();
        for (ord, docs) in self.by_ord {
            if self.reader.facet_from_ord(ord, &mut facet).is_err() {
                continue;
            }
            out.insert(
                facet.to_path().into_iter().map(str::to_string).collect(),
                docs.into_iter()
                    .map(|(ts, d)| (ts, DocAddress::new(self.segment, d)))
                    .collect(),
            );
        }
        out
    }
}

impl Collector for NewestCollector {
    type Fruit = Found;
    type Child = SegmentNewest;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentNewest> {
        let facets = reader.facet_reader("region")?;
        Ok(SegmentNewest {
            segment,
            standing: self
                .standing
                .segment(reader)
                .map_err(super::validity::tantivy_error)?,
            ts: reader.fast_fields().column_opt(TS)?,
            in_force_from: reader.fast_fields().column_opt(IN_FORCE_FROM)?,
            reader: facets,
            per_region: self.per_region,
            by_ord: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Found>) -> tantivy::Result<Found> {
        let mut out = Found::new();
        for fruit in fruits {
            for (path, docs) in fruit {
                let list = out.entry(path).or_default();
                for item in docs {
                    keep(list, item, self.per_region);
                }
            }
        }
        Ok(out)
    }
}
