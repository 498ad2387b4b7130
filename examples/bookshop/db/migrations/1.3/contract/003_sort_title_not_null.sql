-- 1.3 writes sort_title itself now; the fill trigger goes and the column gets a NOT NULL check.
-- NOT VALID makes adding it instant (no scan under the exclusive lock); 004 validates it.
DROP TRIGGER titles_fill_sort_title ON titles;
DROP FUNCTION titles_fill_sort_title();
ALTER TABLE titles ADD CONSTRAINT titles_sort_title_not_null CHECK (sort_title IS NOT NULL) NOT VALID;
