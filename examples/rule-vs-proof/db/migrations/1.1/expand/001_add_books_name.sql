-- A display name for the book page; additive, nullable: safe by every rule.
ALTER TABLE books ADD COLUMN name text;
