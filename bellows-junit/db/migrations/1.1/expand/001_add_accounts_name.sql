-- Nullable and without a default: release 1.0 keeps inserting rows without it.
ALTER TABLE accounts ADD COLUMN name text;
