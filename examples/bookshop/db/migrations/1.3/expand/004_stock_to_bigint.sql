-- Release 1.3 counts stock in a bigint. ALTER COLUMN ... TYPE bigint would rewrite the table under
-- an ACCESS EXCLUSIVE lock and break 1.2's reads of stock; instead the new column stock_count is
-- added and kept in sync with stock in both directions until contract drops stock.
ALTER TABLE titles ADD COLUMN stock_count bigint;

CREATE FUNCTION titles_sync_stock_count() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.stock_count IS NULL THEN
            NEW.stock_count := NEW.stock;     -- written by 1.2
        ELSE
            NEW.stock := NEW.stock_count;     -- written by 1.3
        END IF;
    ELSIF NEW.stock_count IS DISTINCT FROM OLD.stock_count THEN
        NEW.stock := NEW.stock_count;
    ELSIF NEW.stock IS DISTINCT FROM OLD.stock OR NEW.stock_count IS NULL THEN
        NEW.stock_count := NEW.stock;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER titles_sync_stock_count
    BEFORE INSERT OR UPDATE ON titles
    FOR EACH ROW EXECUTE FUNCTION titles_sync_stock_count();
