-- Articles: the cleaned text and fields a reader sees. SQLite is the source of truth;
-- the search index is derived from this table and can be rebuilt from it at any time.
CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    paragraphs    TEXT NOT NULL,            -- JSON array of {"kind": "text"|"caption"|"heading", "text": ...}
    published_on  TEXT,                     -- YYYY-MM-DD, China time
    published_at  TEXT,                     -- HH:MM:SS when the source gives a time
    province      TEXT,
    city          TEXT,
    county        TEXT,
    source        TEXT,
    author        TEXT,
    original_url  TEXT,
    cited         TEXT NOT NULL DEFAULT '[]', -- JSON array of document titles cited in 《》
    title_key     TEXT NOT NULL,            -- folded title, for duplicate detection
    body_hash     TEXT NOT NULL,            -- hash of the folded body text
    signature     BLOB NOT NULL,            -- MinHash signature of the folded body
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published_on DESC);
CREATE INDEX articles_region ON articles (province, city, county);
CREATE INDEX articles_title_key ON articles (title_key);
CREATE INDEX articles_body_hash ON articles (body_hash);

-- Every file ever ingested, byte for byte, so nothing is lost.
CREATE TABLE raw_files (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    encoding    TEXT,
    bytes       BLOB NOT NULL,
    ingested_at TEXT NOT NULL
);

-- Which file (and which record of it, for JSON lines) each article came from.
CREATE TABLE article_files (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    file_id    INTEGER NOT NULL REFERENCES raw_files (id),
    record     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, file_id, record)
);
CREATE INDEX article_files_file ON article_files (file_id);

-- Locality-sensitive bands of each article's MinHash signature, to find near duplicates
-- with indexed look-ups instead of a scan.
CREATE TABLE article_bands (
    band_hash  INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_bands_hash ON article_bands (band_hash);
CREATE INDEX article_bands_article ON article_bands (article_id);

-- Former ids of merged articles, so an old permalink keeps working.
CREATE TABLE article_aliases (
    alias      TEXT PRIMARY KEY,
    article_id TEXT NOT NULL
);

-- Change log: every write to an article appends its id here. The search index records the
-- last sequence number it has applied, so it can catch up after a crash or another process.
CREATE TABLE article_changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL
);

-- Facts about this archive. `archive_id` is random per database, so a search index built
-- from another database is recognised and rebuilt.
CREATE TABLE archive_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO archive_meta (key, value) VALUES ('archive_id', lower(hex(randomblob(16))));
