//! A time budget for one search, checked before each index segment is collected: a search
//! that has used its budget stops between segments instead of running to the end.

use std::time::Instant;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::{SegmentOrdinal, SegmentReader, TantivyError};

/// The message that marks a search stopped by its budget (tantivy errors carry text only).
const OVER_BUDGET: &str = "rencai: search time budget spent";

/// Wraps a collector so that collecting stops once `deadline` (if any) has passed.
pub(super) struct Budgeted<'a, C> {
    pub(super) inner: &'a C,
    pub(super) deadline: Option<Instant>,
}

impl<C: Collector> Budgeted<'_, C> {
    fn check(&self) -> tantivy::Result<()> {
        if self.deadline.is_some_and(|d| Instant::now() > d) {
            return Err(TantivyError::InternalError(OVER_BUDGET.to_string()));
        }
        Ok(())
    }
}

/// Whether a tantivy error is a budget running out rather than a failure.
pub(super) fn is_over_budget(e: &TantivyError) -> bool {
    matches!(e, TantivyError::InternalError(m) if m == OVER_BUDGET)
}

impl<C: Collector> Collector for Budgeted<'_, C> {
    type Fruit = C::Fruit;
    type Child = C::Child;

    fn for_segment(
        &self,
        segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        self.check()?;
        self.inner.for_segment(segment_local_id, segment)
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        segment_fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        self.inner.merge_fruits(segment_fruits)
    }

    // Delegated whole, so that collectors with their own segment loop (top documents by score
    // skip blocks that cannot compete) keep it.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment_ord: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<<Self::Child as SegmentCollector>::Fruit> {
        self.check()?;
        self.inner.collect_segment(weight, segment_ord, reader)
    }
}
