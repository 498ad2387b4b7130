-- Release 1.3 sorts titles by sort_title (lower-cased title). Expand: add the column, nullable, and
-- fill it on every write, so rows that release 1.2 writes during the rollout get it too.
-- The migrate phase backfills the old rows; contract makes it NOT NULL.
ALTER TABLE titles ADD COLUMN sort_title text;

CREATE FUNCTION titles_fill_sort_title() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sort_title IS NULL OR (TG_OP = 'UPDATE' AND NEW.title IS DISTINCT FROM OLD.title) THEN
        NEW.sort_title := lower(NEW.title);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER titles_fill_sort_title
    BEFORE INSERT OR UPDATE ON titles
    FOR EACH ROW EXECUTE FUNCTION titles_fill_sort_title();
