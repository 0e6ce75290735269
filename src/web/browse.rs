//! Browse pages: a region's articles (/regions/山西省/阳泉市) and a year's (/years/2023).

use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::{AppState, WebError, links, search};
use crate::region::{Gazetteer, Level};

/// GET /regions/{province}[/{city}[/{county}]], or /regions/{city or county} alone.
pub async fn region(
    State(state): State<AppState>,
    Path(path): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    let names: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if names.is_empty() || names.len() > 3 {
        return Err(WebError::NotFound);
    }
    let g = Gazetteer::bundled();
    let Some(province) = g.lookup(names[0], Some(Level::Province)) else {
        return match names[..] {
            [name] => named(&state, name, query.as_deref()).await,
            _ => Err(WebError::NotFound),
        };
    };
    let mut params = links::parse(query.as_deref());
    params.province = Some(province.province.clone());
    params.city = None;
    params.county = None;
    let mut heading = vec![province.province.clone()];
    if let Some(city) = names.get(1) {
        let found = g
            .lookup_within(city, Level::City, Some(&province.province), None)
            .and_then(|r| r.city)
            .ok_or(WebError::NotFound)?;
        if found != province.province {
            heading.push(found.clone());
        }
        params.city = Some(found.clone());
        if let Some(county) = names.get(2) {
            let found = g
                .lookup_within(
                    county,
                    Level::County,
                    Some(&province.province),
                    Some(&found),
                )
                .and_then(|r| r.county)
                .ok_or(WebError::NotFound)?;
            heading.push(found.clone());
            params.county = Some(found);
        }
    }
    params.sort.get_or_insert_with(|| "newest".to_string());
    Ok(search::render(&state, &params, Some(heading.join(" · ")))
        .await?
        .into_response())
}

/// A city or county named without its province: one such place redirects to its page;
/// several (朝阳区 in 北京市 and in 长春市) share one page, told apart by their parents.
async fn named(state: &AppState, name: &str, query: Option<&str>) -> Result<Response, WebError> {
    let g = Gazetteer::bundled();
    let (cities, counties) = (
        g.lookup_all(name, Level::City, None, None),
        g.lookup_all(name, Level::County, None, None),
    );
    let (level, places) = if counties.is_empty() {
        (Level::City, cities)
    } else {
        (Level::County, counties)
    };
    match places.as_slice() {
        [] => Err(WebError::NotFound),
        [one] => Ok(Redirect::permanent(&links::region_path(one)).into_response()),
        several => {
            let mut params = links::parse(query);
            params.province = None;
            params.city = None;
            params.county = None;
            match level {
                Level::City => params.city = Some(name.to_string()),
                _ => params.county = Some(name.to_string()),
            }
            params.sort.get_or_insert_with(|| "newest".to_string());
            let labels: Vec<String> = several.iter().map(|r| r.label()).collect();
            Ok(search::render(state, &params, Some(labels.join(" 或 ")))
                .await?
                .into_response())
        }
    }
}

/// GET /years/{year}
pub async fn year(
    State(state): State<AppState>,
    Path(year): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Html<String>, WebError> {
    let y: i32 = year.parse().map_err(|_| WebError::NotFound)?;
    if !(1900..=2100).contains(&y) {
        return Err(WebError::NotFound);
    }
    let mut params = links::parse(query.as_deref());
    params.year = Some(y.to_string());
    params.month = None;
    params.sort.get_or_insert_with(|| "newest".to_string());
    search::render(&state, &params, Some(format!("{y}年"))).await
}
