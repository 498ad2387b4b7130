-- Example data, so that the backfill of 1.1 has rows to move (seq_1_to_N: MariaDB's Sequence engine).
INSERT INTO books (title, legacy_code, stock)
SELECT CONCAT('Book ', seq), CONCAT('LC-', LPAD(seq, 6, '0')), seq % 17
FROM seq_1_to_5000;
