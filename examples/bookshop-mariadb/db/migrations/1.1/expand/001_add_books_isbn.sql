-- Release 1.1 replaces books.legacy_code by books.isbn.
-- Expand: add the new column, nullable and without a default (instant: no table copy), so release 1.0 keeps working.
ALTER TABLE books ADD COLUMN isbn varchar(20) NULL, ALGORITHM=INSTANT;
