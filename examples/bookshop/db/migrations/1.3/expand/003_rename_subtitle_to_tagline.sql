-- Release 1.3 renames subtitle to tagline. A RENAME would break every running 1.2 instance at once,
-- so tagline is a new column, kept equal to subtitle by a trigger in both directions while 1.2
-- (writes subtitle) and 1.3 (writes tagline) run side by side. Contract drops subtitle.
ALTER TABLE titles ADD COLUMN tagline text;

CREATE FUNCTION titles_sync_tagline() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.tagline IS NULL THEN
            NEW.tagline := NEW.subtitle;      -- written by 1.2
        ELSE
            NEW.subtitle := NEW.tagline;      -- written by 1.3
        END IF;
    ELSIF NEW.tagline IS DISTINCT FROM OLD.tagline THEN
        NEW.subtitle := NEW.tagline;
    ELSIF NEW.subtitle IS DISTINCT FROM OLD.subtitle THEN
        NEW.tagline := NEW.subtitle;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER titles_sync_tagline
    BEFORE INSERT OR UPDATE ON titles
    FOR EACH ROW EXECUTE FUNCTION titles_sync_tagline();
