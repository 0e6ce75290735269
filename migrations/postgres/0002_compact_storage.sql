-- Raw bytes are kept compressed, and a crawler dump is kept as its records (one row a line).
ALTER TABLE raw_files ADD COLUMN record BIGINT NOT NULL DEFAULT 0;
ALTER TABLE raw_files ADD COLUMN compression TEXT;
ALTER TABLE raw_files ADD COLUMN size BIGINT;

-- The cleaned text as zstd-compressed JSON; when it is set, `paragraphs` holds ''.
ALTER TABLE articles ADD COLUMN paragraphs_zstd BYTEA;
