-- One pass over titles in key ranges (each batch a range scan on the primary key); the triggers of
-- expand keep rows written meanwhile up to date. Idempotent: a rerun changes nothing.
-- bellows:keyed table=titles key=id
UPDATE titles
SET sort_title  = COALESCE(sort_title, LOWER(title)),
    tagline     = COALESCE(tagline, subtitle),
    stock_count = COALESCE(stock_count, stock)
WHERE id >= :from AND id < :to
  AND (sort_title IS NULL OR stock_count IS NULL OR (tagline IS NULL AND subtitle IS NOT NULL));
