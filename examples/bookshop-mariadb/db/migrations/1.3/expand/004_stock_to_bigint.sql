-- Release 1.3 counts stock in a bigint. MODIFY stock bigint would copy the table while blocking
-- writes; instead the new column stock_count is added and kept in sync with stock in both directions
-- until contract drops stock.
ALTER TABLE titles ADD COLUMN stock_count bigint NULL, ALGORITHM=INSTANT;
CREATE TRIGGER titles_sync_stock_count_ins BEFORE INSERT ON titles FOR EACH ROW
    SET NEW.stock_count = COALESCE(NEW.stock_count, NEW.stock),
        NEW.stock = NEW.stock_count;
CREATE TRIGGER titles_sync_stock_count_upd BEFORE UPDATE ON titles FOR EACH ROW
    SET NEW.stock_count = IF(NEW.stock_count <=> OLD.stock_count, NEW.stock, NEW.stock_count),
        NEW.stock = NEW.stock_count;
