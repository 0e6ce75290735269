//! rencai against SQLite FTS5 (trigram tokenizer) on the same corpus and the same judged
//! queries: result quality and latency, measured in one run.
//!
//! `cargo bench --bench compare_fts5` — the corpus is the sample, the test fixtures and, when
//! `../shared/corpus` is beside the project, its 1,911 regulations and 4,326 news stories.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rencai::archive::Archive;
use rencai::search::{self, RawParams, SearchRequest};
use serde::Deserialize;
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

#[derive(Deserialize)]
struct Judged {
    about: String,
    params: BTreeMap<String, String>,
    #[serde(default)]
    must: Vec<String>,
    #[serde(default)]
    exact: bool,
}

const QUERIES: &str = include_str!("../tests/judged_queries.json");
const RUNS: usize = 30;

/// An FTS5 MATCH expression for a rencai query: terms are quoted phrases, OR and -exclusion
/// map to FTS5 OR and NOT. Trigram needs 3+ characters; shorter terms use LIKE.
fn fts_query(q: &str) -> (String, Vec<String>) {
    let parsed = rencai::search::syntax::parse(q);
    let mut match_parts = Vec::new();
    let mut likes = Vec::new();
    for group in &parsed.must {
        let long: Vec<&String> = group.iter().filter(|t| t.chars().count() >= 3).collect();
        if long.len() == group.len() {
            let alts: Vec<String> = long.iter().map(|t| format!("\"{t}\"")).collect();
            match_parts.push(format!("({})", alts.join(" OR ")));
        } else {
            likes.extend(group.iter().cloned());
        }
    }
    let mut expr = match_parts.join(" AND ");
    for t in &parsed.must_not {
        if !expr.is_empty() && t.chars().count() >= 3 {
            expr = format!("{expr} NOT \"{t}\"");
        }
    }
    (expr, likes)
}

async fn fts_search(pool: &SqlitePool, q: &str) -> Vec<String> {
    let (expr, likes) = fts_query(q);
    let mut sql = String::from("SELECT id FROM docs WHERE 1");
    if !expr.is_empty() {
        sql.push_str(" AND docs MATCH ?");
    }
    for _ in &likes {
        sql.push_str(" AND (title LIKE ? OR body LIKE ?)");
    }
    sql.push_str(if expr.is_empty() {
        " LIMIT 10"
    } else {
        " ORDER BY bm25(docs, 0, 3.0, 1.0) LIMIT 10"
    });
    let mut query = sqlx::query(&sql);
    if !expr.is_empty() {
        query = query.bind(expr);
    }
    for t in &likes {
        let pattern = format!("%{t}%");
        query = query.bind(pattern.clone()).bind(pattern);
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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let archive = Archive::open(dir.path()).await?;
    archive.ingest_sample().await?;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("tests/fixtures")];
    let shared = root.join("../shared/corpus");
    if shared.exists() {
        paths.push(shared);
    }
    let started = Instant::now();
    let report = archive.ingest_paths(&paths, |_, _, _| {}).await?;
    let ingest_time = started.elapsed();
    let total = archive.store.count_articles().await?;

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
    let mut after = 0;
    let mut titles: BTreeMap<String, String> = BTreeMap::new();
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

    let judged: Vec<Judged> = serde_json::from_str(QUERIES)?;
    let resolve = |fragment: &str| -> Option<String> {
        let found: Vec<&String> = titles
            .iter()
            .filter(|(_, t)| t.contains(fragment))
            .map(|(id, _)| id)
            .collect();
        (found.len() == 1).then(|| found[0].clone())
    };
    let mut rows = Vec::new();
    let (mut r_rencai, mut r_fts, mut p_rencai, mut p_fts, mut n_recall, mut n_prec) =
        (0.0, 0.0, 0.0, 0.0, 0, 0);
    let (mut lat_rencai, mut lat_fts) = (Vec::new(), Vec::new());
    for j in judged
        .iter()
        .filter(|j| j.params.len() == 1 && j.params.contains_key("q"))
    {
        let q = &j.params["q"];
        let raw = RawParams {
            q: Some(q.clone()),
            per_page: Some("10".into()),
            ..RawParams::default()
        };
        let req = SearchRequest::from_params(&raw, 10);
        let ours: Vec<String> = search::search(&archive.index, &req)?
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        let theirs = fts_search(&fts, q).await;
        let mut t_ours = Vec::with_capacity(RUNS);
        let mut t_theirs = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let s = Instant::now();
            let _ = search::search(&archive.index, &req)?;
            t_ours.push(s.elapsed());
            let s = Instant::now();
            let _ = fts_search(&fts, q).await;
            t_theirs.push(s.elapsed());
        }
        let must: BTreeSet<String> = j.must.iter().filter_map(|f| resolve(f)).collect();
        let score = |ids: &[String]| {
            let top: BTreeSet<&String> = ids.iter().take(10).collect();
            let hit = must.iter().filter(|m| top.contains(m)).count() as f64;
            let recall = if must.is_empty() {
                None
            } else {
                Some(hit / must.len().min(10) as f64)
            };
            let precision = (j.exact && !top.is_empty()).then(|| hit / top.len() as f64);
            (recall, precision)
        };
        let (ro, po) = score(&ours);
        let (rf, pf) = score(&theirs);
        if let (Some(a), Some(b)) = (ro, rf) {
            r_rencai += a;
            r_fts += b;
            n_recall += 1;
        }
        if let (Some(a), Some(b)) = (po, pf.or(Some(0.0))) {
            p_rencai += a;
            p_fts += b;
            n_prec += 1;
        }
        lat_rencai.extend(t_ours.iter().copied());
        lat_fts.extend(t_theirs.iter().copied());
        rows.push(format!(
            "| `{q}` | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            j.about,
            must.len(),
            ro.unwrap_or(f64::NAN),
            rf.unwrap_or(f64::NAN),
            median(t_ours).as_secs_f64() * 1000.0,
            median(t_theirs).as_secs_f64() * 1000.0,
        ));
    }
    println!(
        "corpus: {total} articles ({} files; ingest {:.1} s; FTS5 build {:.1} s)",
        report.files + 5,
        ingest_time.as_secs_f64(),
        fts_build.as_secs_f64()
    );
    println!();
    println!(
        "| query | checks | relevant | recall@10 rencai | recall@10 FTS5 | median ms rencai | median ms FTS5 |"
    );
    println!("|---|---|---|---|---|---|---|");
    for r in rows {
        println!("{r}");
    }
    println!();
    println!(
        "| engine | mean recall@10 ({n_recall} queries) | mean precision@10 ({n_prec} exact queries) | median latency | p95 latency |"
    );
    println!("|---|---|---|---|---|");
    println!(
        "| rencai (jieba + bigram, tantivy) | {:.3} | {:.3} | {:.2} ms | {:.2} ms |",
        r_rencai / n_recall.max(1) as f64,
        p_rencai / n_prec.max(1) as f64,
        median(lat_rencai.clone()).as_secs_f64() * 1000.0,
        p95(lat_rencai).as_secs_f64() * 1000.0
    );
    println!(
        "| SQLite FTS5 trigram | {:.3} | {:.3} | {:.2} ms | {:.2} ms |",
        r_fts / n_recall.max(1) as f64,
        p_fts / n_prec.max(1) as f64,
        median(lat_fts.clone()).as_secs_f64() * 1000.0,
        p95(lat_fts).as_secs_f64() * 1000.0
    );
    Ok(())
}
