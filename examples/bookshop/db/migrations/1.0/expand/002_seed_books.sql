-- Example data, so that the backfill of 1.1 has rows to move.
INSERT INTO books (title, legacy_code, stock)
SELECT 'Book ' || n, 'LC-' || lpad(n::text, 6, '0'), n % 17
FROM generate_series(1, 5000) AS n;
