-- Only the catalog changes: DROP COLUMN does not rewrite the table.
ALTER TABLE titles DROP COLUMN subtitle;
ALTER TABLE titles DROP COLUMN stock;
