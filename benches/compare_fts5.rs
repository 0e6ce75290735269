//! rencai against SQLite FTS5 (trigram tokenizer) on the same corpus and the same judged
//! queries: result quality and latency, measured in one run.
//!
//! `cargo bench --bench compare_fts5` — the corpus is the sample, the test fixtures and, when
//! `../shared/corpus` is beside the project, its 1,911 regulations and 4,326 news stories.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rencai::archive::Archive;
use rencai::search::{self, SearchRequest};
use rencai::web::params::{self, RawParams};
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

#[allow(dead_code)]
#[path = "../tests/common/judged.rs"]
mod judged;

use judged::Judged;

const RUNS: usize = 30;

/// The query's terms as typed (not folded): groups joined by AND, alternatives by OR, and
/// exclusions. Quotes group words; a leading `-` excludes.
fn raw_terms(q: &str) -> (Vec<Vec<String>>, Vec<String>) {
    let (mut groups, mut not): (Vec<Vec<String>>, Vec<String>) = (Vec::new(), Vec::new());
    let mut join = false;
    let mut rest = q.trim();
    while !rest.is_empty() {
        let negated = rest.starts_with('-');
        if negated {
            rest = &rest[1..];
        }
        let (term, after) = if let Some(quoted) = rest.strip_prefix('"') {
            quoted.split_once('"').unwrap_or((quoted, ""))
        } else {
            rest.split_once(char::is_whitespace).unwrap_or((rest, ""))
        };
        rest = after.trim_start();
        let term = term.trim().to_string();
        if term.is_empty() || term.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        if term == "OR" && !negated {
            join = !groups.is_empty();
        } else if negated {
            not.push(term);
        } else if std::mem::take(&mut join) {
            if let Some(g) = groups.last_mut() {
                g.push(term);
            }
        } else {
            groups.push(vec![term]);
        }
    }
    (groups, not)
}

/// An FTS5 MATCH expression for a query: terms are quoted phrases, OR and -exclusion map to
/// FTS5 OR and NOT. Trigrams need 3+ characters; shorter terms use LIKE.
fn fts_query(q: &str) -> (String, Vec<Vec<String>>) {
    let (groups, not) = raw_terms(q);
    let mut match_parts = Vec::new();
    let mut likes = Vec::new();
    for group in &groups {
        if group.iter().all(|t| t.chars().count() >= 3) {
            let alts: Vec<String> = group
                .iter()
                .map(|t| format!("\"{}\"", t.replace('"', "")))
                .collect();
            match_parts.push(format!("({})", alts.join(" OR ")));
        } else {
            likes.push(group.clone());
        }
    }
    let mut expr = match_parts.join(" AND ");
    for t in &not {
        if !expr.is_empty() && t.chars().count() >= 3 {
            expr = format!("{expr} NOT \"{t}\"");
        }
    }
    (expr, likes)
}

/// The SQL and bindings of a query: MATCH for 3+ character terms, LIKE for shorter ones.
fn fts_sql(q: &str, select: &str, tail: &str) -> (String, Vec<String>) {
    let (expr, likes) = fts_query(q);
    let mut sql = format!("SELECT {select} FROM docs WHERE 1");
    let mut binds = Vec::new();
    if !expr.is_empty() {
        sql.push_str(" AND docs MATCH ?");
        binds.push(expr.clone());
    }
    for group in &likes {
        let alts: Vec<&str> = group
            .iter()
            .map(|_| "title LIKE ? OR body LIKE ?")
            .collect();
        sql.push_str(&format!(" AND ({})", alts.join(" OR ")));
        for t in group {
            binds.push(format!("%{t}%"));
            binds.push(format!("%{t}%"));
        }
    }
    if !expr.is_empty() {
        sql.push_str(tail);
    }
    (sql, binds)
}

async fn fts_count(pool: &SqlitePool, q: &str) -> i64 {
    let (sql, binds) = fts_sql(q, "COUNT(*)", "");
    let mut query = sqlx::query_scalar(&sql);
    for b in binds {
        query = query.bind(b);
    }
    query.fetch_one(pool).await.unwrap_or(0)
}

async fn fts_search(pool: &SqlitePool, q: &str) -> Vec<String> {
    let (sql, binds) = fts_sql(q, "id", " ORDER BY bm25(docs, 0, 3.0, 1.0)");
    let sql = format!("{sql} LIMIT 10");
    let mut query = sqlx::query(&sql);
    for b in binds {
        query = query.bind(b);
    }
    match query.fetch_all(pool).await {
        Ok(rows) => rows.iter().filter_map(|r| r.try_get("id").ok()).collect(),
        Err(_) => Vec::new(),
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn p95(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[(v.len() * 95 / 100).min(v.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Both engines over the same cleaned articles.
struct Engines {
    archive: Archive,
    fts: SqlitePool,
    titles: BTreeMap<String, String>,
    _dir: tempfile::TempDir,
}

async fn build(paths: &[PathBuf]) -> anyhow::Result<(Engines, Duration, Duration)> {
    let dir = tempfile::tempdir()?;
    let archive = Archive::open(dir.path()).await?;
    let started = Instant::now();
    archive.ingest_sample().await?;
    archive.ingest_paths(paths).await?;
    let ingest = started.elapsed();
    let fts = SqlitePool::connect_with(
        SqliteConnectOptions::new()
            .filename(dir.path().join("fts.db"))
            .create_if_missing(true),
    )
    .await?;
    sqlx::query(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='trigram')",
    )
    .execute(&fts)
    .await?;
    let started = Instant::now();
    let mut tx = fts.begin().await?;
    let (mut after, mut titles) = (0, BTreeMap::new());
    loop {
        let (articles, last) = archive.store.articles_after(after, 1000).await?;
        if articles.is_empty() {
            break;
        }
        for a in &articles {
            sqlx::query("INSERT INTO docs (id, title, body) VALUES (?, ?, ?)")
                .bind(&a.id)
                .bind(&a.title)
                .bind(a.body_text())
                .execute(&mut *tx)
                .await?;
            titles.insert(a.id.clone(), a.title.clone());
        }
        after = last;
    }
    tx.commit().await?;
    let fts_build = started.elapsed();
    Ok((
        Engines {
            archive,
            fts,
            titles,
            _dir: dir,
        },
        ingest,
        fts_build,
    ))
}

fn request(q: &str) -> SearchRequest {
    let raw = RawParams {
        q: Some(q.to_string()),
        per_page: Some("10".into()),
        ..RawParams::default()
    };
    params::request(&raw, 10).0
}

async fn rencai_ids(e: &Engines, q: &str) -> anyhow::Result<Vec<String>> {
    Ok(search::search(&e.archive.index, &request(q))?
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let judged: Vec<Judged> = judged::load();
    let text_queries: Vec<&Judged> = judged
        .iter()
        .filter(|j| j.params.len() == 1 && j.params.contains_key("q"))
        .collect();

    // Quality: the judged set's own corpus (sample and fixtures), where every relevant article
    // is known.
    let (small, _, _) = build(&[root.join("tests/fixtures")]).await?;
    let resolve = |fragment: &str| -> Option<String> {
        let found: Vec<&String> = small
            .titles
            .iter()
            .filter(|(_, t)| t.contains(fragment))
            .map(|(id, _)| id)
            .collect();
        (found.len() == 1).then(|| found[0].clone())
    };
    let mut rows = Vec::new();
    let mut sums = [0.0f64; 4];
    let (mut n_recall, mut n_exact, mut pass) = (0, 0, [0usize; 2]);
    for j in &text_queries {
        let q = &j.params["q"];
        let must: BTreeSet<String> = j.must.iter().filter_map(|f| resolve(f)).collect();
        let ours = rencai_ids(&small, q).await?;
        let theirs = fts_search(&small.fts, q).await;
        let mut cells = Vec::new();
        for (k, ids) in [&ours, &theirs].into_iter().enumerate() {
            let top: BTreeSet<&String> = ids.iter().take(10).collect();
            let hit = must.iter().filter(|m| top.contains(m)).count() as f64;
            if !must.is_empty() {
                sums[k] += hit / must.len().min(10) as f64;
            }
            if j.exact {
                let relevant = top.iter().filter(|id| must.contains(**id)).count() as f64;
                sums[2 + k] += if top.is_empty() {
                    f64::from(u8::from(must.is_empty()))
                } else {
                    relevant / top.len() as f64
                };
                let exact = relevant as usize == top.len() && top.len() == must.len().min(10);
                pass[k] += usize::from(exact);
                cells.push(if exact { "✓" } else { "✗" });
            } else {
                cells.push("–");
            }
        }
        n_recall += usize::from(!must.is_empty());
        n_exact += usize::from(j.exact);
        rows.push(format!(
            "| `{q}` | {} | {} | {} |",
            j.about, cells[0], cells[1]
        ));
    }

    // Latency: the same query strings over the larger corpus.
    let mut paths = vec![root.join("tests/fixtures")];
    let shared = root.join("../shared/corpus");
    if shared.exists() {
        paths.push(shared);
    }
    let (big, ingest, fts_build) = build(&paths).await?;
    let (mut lat_ours, mut lat_theirs) = (Vec::new(), Vec::new());
    for j in &text_queries {
        let q = &j.params["q"];
        let req = request(q);
        for _ in 0..RUNS {
            let s = Instant::now();
            let _ = search::search(&big.archive.index, &req)?;
            lat_ours.push(s.elapsed());
            let s = Instant::now();
            let _ = fts_search(&big.fts, q).await;
            let _ = fts_count(&big.fts, q).await;
            lat_theirs.push(s.elapsed());
        }
    }

    println!(
        "## Result quality: {} text queries of the judged set, over its corpus ({} articles)\n",
        text_queries.len(),
        small.titles.len()
    );
    println!("| query | checks | rencai exact | FTS5 exact |\n|---|---|---|---|");
    for r in rows {
        println!("{r}");
    }
    println!();
    println!(
        "| engine | queries answered exactly | mean recall@10 ({n_recall}) | mean precision@10 ({n_exact}) |\n|---|---|---|---|"
    );
    println!(
        "| rencai | {}/{n_exact} | {:.3} | {:.3} |",
        pass[0],
        sums[0] / n_recall.max(1) as f64,
        sums[2] / n_exact.max(1) as f64
    );
    println!(
        "| SQLite FTS5 trigram | {}/{n_exact} | {:.3} | {:.3} |",
        pass[1],
        sums[1] / n_recall.max(1) as f64,
        sums[3] / n_exact.max(1) as f64
    );
    println!();
    println!(
        "## Latency: the same queries over {} articles (ingest {:.1} s; FTS5 table build {:.1} s), {RUNS} runs each\n",
        big.titles.len(),
        ingest.as_secs_f64(),
        fts_build.as_secs_f64()
    );
    println!("| engine | what one query does | median | p95 |\n|---|---|---|---|");
    println!(
        "| rencai | top 10 with snippets, total, province/city/county and year/month facets | {} | {} |",
        ms(median(lat_ours.clone())),
        ms(p95(lat_ours))
    );
    println!(
        "| SQLite FTS5 trigram | top 10 ids by bm25, total | {} | {} |",
        ms(median(lat_theirs.clone())),
        ms(p95(lat_theirs))
    );
    Ok(())
}
