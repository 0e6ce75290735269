-- Raw bytes are kept compressed, and a crawler dump is kept as its records (one row a line)
-- rather than as one blob, so a dump of any size is stored and resumed record by record.
ALTER TABLE raw_files ADD COLUMN record INTEGER NOT NULL DEFAULT 0;      -- 0: a whole file; else the line number
ALTER TABLE raw_files ADD COLUMN compression TEXT;                        -- NULL: bytes as read; 'zstd'
ALTER TABLE raw_files ADD COLUMN size INTEGER;                            -- bytes as read, before compression

-- The cleaned text as zstd-compressed JSON; when it is set, `paragraphs` holds ''.
ALTER TABLE articles ADD COLUMN paragraphs_zstd BLOB;
