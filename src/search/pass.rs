//! One pass over the matches of a query: the page, the total and the facets a plan asks
//! for, collected together; and collecting within a time budget.

use std::time::Instant;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, Count, FruitHandle, MultiCollector, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Order, Score, Searcher, TantivyError};

use super::budget::{Budgeted, is_over_budget};
use super::facets::{self, DateCounts, DateSpec, FacetCount, RegionCounts, RegionSpec};
use super::schema::{EFFECTIVE, Flat, TIE, TS};
use super::statistics::LiveStatistics;
use super::{Result, SearchError, Sort, Standing, validity};

/// Top documents with their sort key and tie key.
pub(super) type Ranked<K> = Vec<((K, Option<u64>), DocAddress)>;

enum TopHandle {
    Score(FruitHandle<Ranked<Score>>),
    Time(FruitHandle<Ranked<Option<i64>>>),
}

/// What one pass over the matches gathered.
pub(super) struct Pass {
    pub(super) total: usize,
    pub(super) page: Vec<DocAddress>,
    pub(super) regions: Option<RegionCounts>,
    pub(super) flat: Vec<(Flat, Vec<FacetCount>)>,
    pub(super) validity: Option<Vec<FacetCount>>,
    pub(super) dates: Option<DateCounts>,
}

pub(super) struct Plan<'a> {
    pub(super) deadline: Option<Instant>,
    pub(super) sort: Sort,
    pub(super) limit: usize,
    pub(super) offset: usize,
    pub(super) count: bool,
    pub(super) regions: Option<&'a RegionSpec>,
    pub(super) flat: Vec<Flat>,
    pub(super) validity: Option<&'a Standing>,
    pub(super) dates: Option<&'a DateSpec>,
}

pub(super) fn run(searcher: &Searcher, query: &dyn Query, plan: &Plan) -> Result<Pass> {
    let mut multi = MultiCollector::new();
    let count = plan.count.then(|| multi.add_collector(Count));
    let top = match plan.sort {
        Sort::Relevance => TopHandle::Score(multi.add_collector(by_score(
            TopDocs::with_limit(plan.limit).and_offset(plan.offset),
        ))),
        sort => TopHandle::Time(multi.add_collector(by_field(
            TopDocs::with_limit(plan.limit).and_offset(plan.offset),
            sort,
        ))),
    };
    let regions = plan
        .regions
        .map(|spec| multi.add_collector(spec.collector()));
    let dates = plan.dates.map(|spec| multi.add_collector(spec.collector()));
    let flat: Vec<_> = plan
        .flat
        .iter()
        .map(|dim| {
            (
                *dim,
                multi.add_collector(facets::flat_collector(dim.field_name())),
            )
        })
        .collect();
    let validity = plan
        .validity
        .map(|standing| multi.add_collector(standing.counter()));
    let mut fruits = collect(searcher, query, &multi, plan.deadline)?;
    let page = match top {
        TopHandle::Score(h) => h.extract(&mut fruits).into_iter().map(|(_, a)| a).collect(),
        TopHandle::Time(h) => h.extract(&mut fruits).into_iter().map(|(_, a)| a).collect(),
    };
    Ok(Pass {
        total: count.map_or(0, |h| h.extract(&mut fruits)),
        page,
        regions: regions
            .zip(plan.regions)
            .map(|(h, spec)| spec.read(h.extract(&mut fruits))),
        dates: dates
            .zip(plan.dates)
            .map(|(h, spec)| spec.read(h.extract(&mut fruits))),
        flat: flat
            .into_iter()
            .map(|(dim, h)| (dim, facets::read_flat(h.extract(&mut fruits))))
            .collect(),
        validity: validity.map(|h| validity::read_counts(h.extract(&mut fruits))),
    })
}

/// Orders by score, then by tie key: equal scores come in the same order on every node.
pub(super) fn by_score(top: TopDocs) -> impl Collector<Fruit = Ranked<Score>> {
    top.order_by((
        (SortBySimilarityScore, Order::Desc),
        (SortByStaticFastValue::<u64>::for_field(TIE), Order::Asc),
    ))
}

/// Orders by a date field, then by tie key: the same day comes in the same order on every
/// node.
pub(super) fn by_field(top: TopDocs, sort: Sort) -> impl Collector<Fruit = Ranked<Option<i64>>> {
    let (field, order) = sort_field(sort);
    top.order_by((
        (SortByStaticFastValue::<i64>::for_field(field), order),
        (SortByStaticFastValue::<u64>::for_field(TIE), Order::Asc),
    ))
}

/// The fast field and direction of an order by date.
pub(super) fn sort_field(sort: Sort) -> (&'static str, Order) {
    match sort {
        Sort::Oldest => (TS, Order::Asc),
        Sort::Effective => (EFFECTIVE, Order::Desc),
        Sort::Newest | Sort::Relevance => (TS, Order::Desc),
    }
}

/// Collects the matches of `query`, stopping between segments once `deadline` has passed.
pub(super) fn collect<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
    deadline: Option<Instant>,
) -> Result<C::Fruit> {
    let budgeted = Budgeted {
        inner: collector,
        deadline,
    };
    searcher
        .search_with_statistics_provider(query, &budgeted, &LiveStatistics::of(searcher))
        .map_err(|e: TantivyError| {
            if is_over_budget(&e) {
                SearchError::OverBudget
            } else {
                e.into()
            }
        })
}
