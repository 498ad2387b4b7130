-- While release 1.0 still runs it writes only legacy_code: derive isbn from it on every write,
-- so no row written during the rollout is missed by the backfill.
CREATE FUNCTION books_sync_isbn() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.isbn IS NULL AND NEW.legacy_code IS NOT NULL THEN
        NEW.isbn := 'ISBN-' || NEW.legacy_code;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER books_sync_isbn
    BEFORE INSERT OR UPDATE ON books
    FOR EACH ROW EXECUTE FUNCTION books_sync_isbn();
