-- Every instance runs 1.1 now: nobody reads or writes legacy_code any more.
DROP TRIGGER books_sync_isbn ON books;
DROP FUNCTION books_sync_isbn();
ALTER TABLE books DROP COLUMN legacy_code;
