//! A search that has spent its time budget stops with a clear error instead of running on.

mod common;

use std::time::{Duration, Instant};

use common::TestArchive;
use rencai::search::{self, SearchError};
use rencai::web::params::{self, RawParams};

#[tokio::test]
async fn a_spent_budget_stops_the_search() {
    let t = TestArchive::sample().await;
    let raw = RawParams {
        q: Some("人才".into()),
        ..RawParams::default()
    };
    let (req, _) = params::request(&raw, 20);
    let spent = Instant::now();
    std::thread::sleep(Duration::from_millis(2));
    let stopped = search::search_within(&t.archive.index, &req, Some(spent), None);
    assert!(
        matches!(stopped, Err(SearchError::OverBudget)),
        "{stopped:?}"
    );
    let later = Instant::now() + Duration::from_secs(60);
    let found = search::search_within(&t.archive.index, &req, Some(later), None).expect("search");
    assert!(found.total > 0);
}
