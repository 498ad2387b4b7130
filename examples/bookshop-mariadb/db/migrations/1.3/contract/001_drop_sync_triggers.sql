-- Every instance runs 1.3: nobody writes subtitle or stock any more, and 1.3 writes sort_title itself.
DROP TRIGGER titles_sync_tagline_ins;
DROP TRIGGER titles_sync_tagline_upd;
DROP TRIGGER titles_sync_stock_count_ins;
DROP TRIGGER titles_sync_stock_count_upd;
DROP TRIGGER titles_fill_sort_title_ins;
DROP TRIGGER titles_fill_sort_title_upd;
