-- Until contract 1.3, releases 1.2 (writes only code) and 1.3 (writes only isbn) run side by side:
-- every write fills the other column, so no row written during the rollout misses the backfill
-- (1.2 keeps inserting after migrate 1.3 has passed its rows) and 1.2 reads the code of 1.3's books.
CREATE FUNCTION books_sync_isbn_and_code() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.isbn := COALESCE(NEW.isbn, NEW.code);
        NEW.code := COALESCE(NEW.code, NEW.isbn);
    ELSIF NEW.code IS DISTINCT FROM OLD.code AND NEW.isbn IS NOT DISTINCT FROM OLD.isbn THEN
        NEW.isbn := NEW.code;
    ELSIF NEW.isbn IS DISTINCT FROM OLD.isbn AND NEW.code IS NOT DISTINCT FROM OLD.code THEN
        NEW.code := NEW.isbn;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER books_sync_isbn_and_code
    BEFORE INSERT OR UPDATE ON books
    FOR EACH ROW EXECUTE FUNCTION books_sync_isbn_and_code();
