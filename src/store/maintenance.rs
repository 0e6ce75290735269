//! Operator tasks on the database: consistency checks and online backups.

use std::path::Path;

use super::{Backend, Result, Store, StoreError};

/// Problems reported by one check are cut to this many lines: the first few say what is wrong.
const REPORT_LINES: i64 = 20;

/// What the database says about its own health.
#[derive(Debug, Default)]
pub struct Health {
    /// Problems found by SQLite's integrity check (empty when sound; PostgreSQL checks its
    /// pages itself).
    pub integrity: Vec<String>,
    /// Rows whose foreign key points nowhere, as "table rowid → parent" (PostgreSQL enforces
    /// them always).
    pub foreign_keys: Vec<String>,
    /// Articles that lost every link to the raw bytes they came from.
    pub without_source: i64,
    /// Numbered migrations this build knows and the database has not applied.
    pub pending_migrations: usize,
}

impl Store {
    /// Runs SQLite's integrity and foreign-key checks and the archive's own invariants, without
    /// writing; `quick` uses `quick_check`, which skips matching indexes against their tables.
    pub async fn health(&self, quick: bool) -> Result<Health> {
        let mut health = match self.backend {
            Backend::Sqlite => self.sqlite_health(quick).await?,
            Backend::Postgres => Health::default(),
        };
        health.without_source = sqlx::query_scalar(
            "SELECT COUNT(*) FROM articles a
             WHERE NOT EXISTS (SELECT 1 FROM article_files f WHERE f.article_id = a.id)",
        )
        .fetch_one(&self.pool)
        .await?;
        let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations")
            .fetch_all(&self.pool)
            .await?;
        health.pending_migrations = self
            .migrator()
            .iter()
            .filter(|m| !applied.contains(&m.version))
            .count();
        Ok(health)
    }

    /// SQLite's own checks of its pages and references.
    async fn sqlite_health(&self, quick: bool) -> Result<Health> {
        let pragma = if quick {
            "PRAGMA quick_check(20)"
        } else {
            "PRAGMA integrity_check(20)"
        };
        let integrity: Vec<String> = sqlx::query_scalar(pragma)
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .filter(|line: &String| line != "ok")
            .collect();
        let foreign_keys = sqlx::query_as::<_, (String, Option<i64>, String)>(
            "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT $1",
        )
        .bind(REPORT_LINES)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|(table, rowid, parent)| {
            format!("{table} row {} → {parent}", rowid.unwrap_or_default())
        })
        .collect();
        Ok(Health {
            integrity,
            foreign_keys,
            ..Health::default()
        })
    }

    /// Every article id, in order.
    pub async fn article_ids(&self) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT id FROM articles ORDER BY id")
            .fetch_all(&self.pool)
            .await?)
    }

    /// Writes a consistent copy of the whole database to `out` (a new file), while other
    /// connections and processes go on reading and writing.
    pub async fn backup_into(&self, out: &Path) -> Result<()> {
        if self.backend == Backend::Postgres {
            return Err(StoreError::Unsupported(
                "a PostgreSQL archive is backed up with pg_dump (see docs/deploy.md), not rencai backup",
            ));
        }
        let target = out
            .to_str()
            .ok_or_else(|| StoreError::Encode {
                what: "backup path",
                source: format!("{} is not valid UTF-8", out.display()).into(),
            })?
            .to_string();
        // VACUUM INTO reads one snapshot of the database, as a read transaction does in WAL
        // mode, and writes it compacted; writers are not blocked meanwhile.
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
