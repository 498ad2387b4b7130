-- Every instance runs 1.1 now: nobody reads or writes legacy_code any more.
DROP TRIGGER books_sync_isbn_ins;
DROP TRIGGER books_sync_isbn_upd;
ALTER TABLE books DROP COLUMN legacy_code, ALGORITHM=INSTANT;
