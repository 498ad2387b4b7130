-- Release 1.3 sorts titles by sort_title (lower-cased title). Expand: add the column, nullable, and
-- fill it on every write, so rows that release 1.2 writes during the rollout get it too.
-- The migrate phase backfills the old rows; contract makes it NOT NULL.
ALTER TABLE titles ADD COLUMN sort_title varchar(200) NULL, ALGORITHM=INSTANT;
CREATE TRIGGER titles_fill_sort_title_ins BEFORE INSERT ON titles FOR EACH ROW
    SET NEW.sort_title = COALESCE(NEW.sort_title, LOWER(NEW.title));
CREATE TRIGGER titles_fill_sort_title_upd BEFORE UPDATE ON titles FOR EACH ROW
    SET NEW.sort_title = IF(NEW.sort_title IS NULL OR NOT (NEW.title <=> OLD.title), LOWER(NEW.title), NEW.sort_title);
