-- While release 1.0 still runs it writes only legacy_code: derive isbn from it on every write,
-- so no row written during the rollout is missed by the backfill.
CREATE TRIGGER books_sync_isbn_ins BEFORE INSERT ON books FOR EACH ROW
    SET NEW.isbn = IF(NEW.isbn IS NULL AND NEW.legacy_code IS NOT NULL, CONCAT('ISBN-', NEW.legacy_code), NEW.isbn);
CREATE TRIGGER books_sync_isbn_upd BEFORE UPDATE ON books FOR EACH ROW
    SET NEW.isbn = IF(NEW.isbn IS NULL AND NEW.legacy_code IS NOT NULL, CONCAT('ISBN-', NEW.legacy_code), NEW.isbn);
