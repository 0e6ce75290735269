//! Running a search: one pass over the matches collects the page, the total and every facet
//! dimension that is not filtered; a filtered dimension is counted in its own pass without its
//! filter, so its facet shows the alternatives to the current choice.

use std::collections::HashMap;
use std::time::Instant;

use super::facets::{self, DateSpec, RegionSpec, Selection};
use super::index::Counted;
use super::pass::{Plan, collect, run};
use super::query::{self, Leave};
use super::schema::Flat;
use super::{
    Facets, Result, SearchIndex, SearchRequest, SearchResults, filters, hit, syntax, validity,
};
use crate::region::Region;

/// Where the text of articles comes from, for snippets: ids in, (id, text) out. The index
/// does not store the text; the archive reads it from the database.
pub type Texts<'a> = &'a dyn Fn(&[String]) -> Result<HashMap<String, String>>;

/// Runs a search: one page of hits, the total, and facet counts.
pub fn search(index: &SearchIndex, req: &SearchRequest) -> Result<SearchResults> {
    search_within(index, req, None, None)
}

/// Like [`search`], giving up with [`SearchError::OverBudget`] once `deadline` has passed;
/// with `texts`, each hit carries a snippet of its text (and the page is cached with them).
pub fn search_within(
    index: &SearchIndex,
    req: &SearchRequest,
    deadline: Option<Instant>,
    texts: Option<Texts>,
) -> Result<SearchResults> {
    let searcher = index.searcher();
    let fields = index.fields();
    let parsed = syntax::parse(&req.q);
    // Validity moves with the calendar: counts and pages are kept per day as well.
    let today = crate::document::today();
    let standing = index.standing(&searcher, today)?;
    let filters = filters(req, &standing);
    let mut results = SearchResults {
        page: req.page,
        per_page: req.per_page,
        ..SearchResults::default()
    };
    if req.unknown_region {
        return Ok(results);
    }
    // With several places of one name, the levels listed are those they share.
    let shared = |level: fn(&Region) -> Option<&str>| {
        let first = level(req.regions.first()?)?;
        req.regions
            .iter()
            .all(|r| level(r) == Some(first))
            .then_some(first)
    };
    let sel = Selection {
        province: shared(|r| Some(r.province.as_str())),
        city: shared(|r| r.city.as_deref()),
        year: req.year,
    };
    let (region_spec, date_spec) = (RegionSpec::new(&sel), DateSpec::new(&sel));
    let generation = searcher.generation().generation_id();
    let key = format!("{}\u{0}{filters:?}\u{0}{today}", req.q.trim());
    let page_key = format!(
        "{key}\u{0}{:?}\u{0}{}\u{0}{}\u{0}{}",
        req.sort,
        req.page,
        req.per_page,
        texts.is_some()
    );
    if let Some(results) = index
        .with_cache(generation, |c| c.pages.get(&page_key).cloned())
        .flatten()
    {
        return Ok(results);
    }
    let cached = index
        .with_cache(generation, |c| c.counts.get(&key).cloned())
        .flatten();
    let region_filtered = !filters.regions.is_empty();
    let date_filtered = filters.when.is_some() || filters.range.is_some();
    let plan = Plan {
        deadline,
        sort: req.effective_sort(),
        limit: req.per_page,
        offset: req.page.saturating_sub(1) * req.per_page,
        count: cached.is_none(),
        regions: (cached.is_none() && !region_filtered).then_some(&region_spec),
        dates: (cached.is_none() && !date_filtered).then_some(&date_spec),
        flat: Flat::ALL
            .into_iter()
            .filter(|dim| cached.is_none() && !filters.flat.iter().any(|(d, _)| d == dim))
            .collect(),
        validity: (cached.is_none() && filters.validity.is_none()).then_some(&standing),
    };
    results.fallback = cached.as_ref().is_some_and(|c| c.fallback);
    let mut text = query::text_query(fields, &parsed, results.fallback);
    let mut pass = run(
        &searcher,
        &query::filtered(fields, text.box_clone(), &filters, Leave::Nothing),
        &plan,
    )?;
    if plan.count && pass.total == 0 && !parsed.is_empty() {
        let loose = query::text_query(fields, &parsed, true);
        let loose_pass = run(
            &searcher,
            &query::filtered(fields, loose.box_clone(), &filters, Leave::Nothing),
            &plan,
        )?;
        if loose_pass.total > 0 {
            results.fallback = true;
            text = loose;
            pass = loose_pass;
        }
    }
    results.terms = if results.fallback {
        parsed
            .positive_terms()
            .iter()
            .flat_map(|t| query::fallback_words(t))
            .collect()
    } else {
        parsed.positive_terms()
    };
    for addr in &pass.page {
        results.hits.push(hit(&searcher, fields, *addr)?);
    }
    if let Some(texts) = texts {
        super::fill::fill_snippets(&mut results, texts)?;
    }
    if let Some(counted) = cached {
        results.total = counted.total;
        results.facets = counted.facets;
        if standing.is_current() {
            index.with_cache(generation, |c| c.pages.put(page_key, results.clone()));
        }
        return Ok(results);
    }
    let (province, city, county) = match pass.regions {
        Some(counts) => counts,
        None => region_spec.read(collect(
            &searcher,
            query::filtered(fields, text.box_clone(), &filters, Leave::Region).as_ref(),
            &region_spec.collector(),
            deadline,
        )?),
    };
    let (year, month) = match pass.dates {
        Some(counts) => counts,
        None => date_spec.read(collect(
            &searcher,
            query::filtered(fields, text.box_clone(), &filters, Leave::When).as_ref(),
            &date_spec.collector(),
            deadline,
        )?),
    };
    // A filtered dimension is counted without its own filter, to show the alternatives.
    let mut flat = pass.flat;
    for dim in Flat::ALL {
        if flat.iter().any(|(d, _)| *d == dim) {
            continue;
        }
        let counts = collect(
            &searcher,
            query::filtered(fields, text.box_clone(), &filters, Leave::Flat(dim)).as_ref(),
            &facets::flat_collector(dim.field_name()),
            deadline,
        )
        .map(facets::read_flat)?;
        flat.push((dim, counts));
    }
    let validity = match pass.validity {
        Some(counts) => counts,
        None => validity::read_counts(collect(
            &searcher,
            query::filtered(fields, text.box_clone(), &filters, Leave::Validity).as_ref(),
            &standing.counter(),
            deadline,
        )?),
    };
    let places = if req.regions.len() > 1 {
        super::fill::count_places(&searcher, fields, text.as_ref(), &filters, req, deadline)?
    } else {
        Vec::new()
    };
    results.total = pass.total;
    results.facets = Facets {
        province,
        city,
        county,
        year,
        month,
        validity,
        places,
        ..Facets::default()
    };
    for (dim, counts) in flat {
        *results.facets.flat_mut(dim) = counts;
    }
    let counted = Counted {
        total: results.total,
        facets: results.facets.clone(),
        fallback: results.fallback,
    };
    // Results read with a previous generation's repeals are answered, not kept.
    if standing.is_current() {
        index.with_cache(generation, |c| c.counts.put(key, counted));
        index.with_cache(generation, |c| c.pages.put(page_key, results.clone()));
    }
    Ok(results)
}
