-- Release 1.3 lists titles in sort_title order; the index is built without blocking writes.
CREATE INDEX CONCURRENTLY IF NOT EXISTS titles_sort_title_idx ON titles (sort_title);
