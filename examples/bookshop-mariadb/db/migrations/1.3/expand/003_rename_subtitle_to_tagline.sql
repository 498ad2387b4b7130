-- Release 1.3 renames subtitle to tagline. A RENAME would break every running 1.2 instance at once,
-- so tagline is a new column, kept equal to subtitle by triggers in both directions while 1.2
-- (writes subtitle) and 1.3 (writes tagline) run side by side. Contract drops subtitle.
ALTER TABLE titles ADD COLUMN tagline text NULL, ALGORITHM=INSTANT;
CREATE TRIGGER titles_sync_tagline_ins BEFORE INSERT ON titles FOR EACH ROW
    SET NEW.tagline = COALESCE(NEW.tagline, NEW.subtitle),
        NEW.subtitle = NEW.tagline;
-- tagline changed (1.3 wrote it): copy it to subtitle; otherwise follow subtitle (1.2).
CREATE TRIGGER titles_sync_tagline_upd BEFORE UPDATE ON titles FOR EACH ROW
    SET NEW.tagline = IF(NEW.tagline <=> OLD.tagline, NEW.subtitle, NEW.tagline),
        NEW.subtitle = NEW.tagline;
