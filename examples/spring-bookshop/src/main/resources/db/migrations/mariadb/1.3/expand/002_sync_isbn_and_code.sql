-- Until contract 1.3, releases 1.2 (writes only code) and 1.3 (writes only isbn) run side by side:
-- every write fills the other column, so no row written during the rollout misses the backfill
-- (1.2 keeps inserting after migrate 1.3 has passed its rows) and 1.2 reads the code of 1.3's books.
-- MariaDB's SET assigns left to right: the second assignment sees the first one's result.
CREATE TRIGGER books_sync_isbn_and_code_ins BEFORE INSERT ON books FOR EACH ROW
    SET NEW.isbn = COALESCE(NEW.isbn, NEW.code),
        NEW.code = COALESCE(NEW.code, NEW.isbn);
CREATE TRIGGER books_sync_isbn_and_code_upd BEFORE UPDATE ON books FOR EACH ROW
    SET NEW.isbn = IF(NOT (NEW.code <=> OLD.code) AND NEW.isbn <=> OLD.isbn, NEW.code, NEW.isbn),
        NEW.code = IF(NOT (NEW.isbn <=> OLD.isbn) AND NEW.code <=> OLD.code, NEW.isbn, NEW.code);
