-- Every instance runs 1.3: nobody writes subtitle or stock any more.
DROP TRIGGER titles_sync_tagline ON titles;
DROP FUNCTION titles_sync_tagline();
DROP TRIGGER titles_sync_stock_count ON titles;
DROP FUNCTION titles_sync_stock_count();
