-- Every instance runs 1.3: nobody writes code any more, and the next file drops it.
DROP TRIGGER books_sync_isbn_and_code ON books;
DROP FUNCTION books_sync_isbn_and_code();
