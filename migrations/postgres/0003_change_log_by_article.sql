-- Compacting the change log keeps each article's newest change; this index finds it.
CREATE INDEX article_changes_article ON article_changes (article_id, seq);
