-- Nullable, no default: release 1.0 keeps inserting without it.
ALTER TABLE accounts ADD COLUMN name text;
