-- Instant drops (MariaDB 10.4+): only the table's metadata changes.
ALTER TABLE titles DROP COLUMN subtitle, DROP COLUMN stock, ALGORITHM=INSTANT;
