//! Where the database is: a SQLite file in the data directory, or a PostgreSQL server.

use std::path::{Path, PathBuf};

use super::{Result, StoreError};

/// The SQL engines the archive can be stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// One file, no server: the default.
    Sqlite,
    /// A PostgreSQL server shared by any number of nodes.
    Postgres,
}

/// Where the database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL (postgres://…).
    Postgres(String),
}

/// URL schemes that select PostgreSQL.
const POSTGRES_SCHEMES: [&str; 2] = ["postgres://", "postgresql://"];
/// What a file path keeps as it is in a URL; the rest is percent-encoded.
const PATH_KEEPS: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'.')
    .remove(b'_')
    .remove(b'-')
    .remove(b'~');
/// The URL scheme of a SQLite file.
const SQLITE_SCHEME: &str = "sqlite://";

impl Location {
    /// Reads a `--database` URL: postgres://… or postgresql://… for PostgreSQL, sqlite://PATH
    /// for a SQLite file elsewhere than the data directory.
    pub fn parse(url: &str) -> Result<Location> {
        if POSTGRES_SCHEMES.iter().any(|s| url.starts_with(s)) {
            return Ok(Location::Postgres(url.to_string()));
        }
        if let Some(path) = url.strip_prefix(SQLITE_SCHEME) {
            if path.contains('?') {
                return Err(StoreError::Url(format!(
                    "{url}: a sqlite:// URL is a file path and takes no options (write ? in a file name as %3F)"
                )));
            }
            let decoded = percent_encoding::percent_decode_str(path)
                .decode_utf8()
                .map_err(|e| StoreError::Url(format!("{url}: {e}")))?;
            return Ok(Location::Sqlite(PathBuf::from(decoded.as_ref())));
        }
        Err(StoreError::Url(format!(
            "{}: the database URL must start with postgres://, postgresql:// or sqlite://",
            redacted(url)
        )))
    }

    /// Which engine this is.
    pub fn backend(&self) -> Backend {
        match self {
            Location::Sqlite(_) => Backend::Sqlite,
            Location::Postgres(_) => Backend::Postgres,
        }
    }

    /// The location for messages, without a password.
    pub fn describe(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => redacted(url),
        }
    }

    /// The sqlx URL of a SQLite file, absolute and percent-encoded so that any file name
    /// (spaces, `?`, `#`, Chinese) survives the URL.
    pub(super) fn sqlite_url(path: &Path, mode: &str) -> Result<String> {
        let absolute = std::path::absolute(path)
            .map_err(|e| StoreError::Url(format!("{}: {e}", path.display())))?;
        let text = absolute
            .to_str()
            .ok_or_else(|| StoreError::Url(format!("{} is not valid UTF-8", path.display())))?;
        let path = percent_encoding::utf8_percent_encode(text, PATH_KEEPS);
        Ok(format!("{SQLITE_SCHEME}{path}?mode={mode}"))
    }
}

/// A connection URL with its password replaced, for messages and logs.
pub fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        Ok(_) => url.to_string(),
        Err(_) => "(an unreadable URL)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_select_the_backend() {
        let pg = Location::parse("postgres://u:secret@db/rencai").expect("pg");
        assert_eq!(pg.backend(), Backend::Postgres);
        assert!(!pg.describe().contains("secret"), "{}", pg.describe());
        let file = Location::parse("sqlite:///srv/%E4%BA%BA%E6%89%8D.db").expect("sqlite");
        assert_eq!(file, Location::Sqlite(PathBuf::from("/srv/人才.db")));
        assert!(Location::parse("sqlite:///srv/a.db?mode=rwc").is_err());
        let wrong = Location::parse("mysql://u:secret@db/x").expect_err("mysql");
        assert!(!wrong.to_string().contains("secret"), "{wrong}");
    }

    #[test]
    fn sqlite_urls_keep_any_file_name() {
        let url = Location::sqlite_url(Path::new("/d/人才 a?b#c.db"), "rwc").expect("url");
        assert_eq!(
            url,
            "sqlite:///d/%E4%BA%BA%E6%89%8D%20a%3Fb%23c.db?mode=rwc"
        );
    }
}
