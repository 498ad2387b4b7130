CREATE INDEX tags_name ON tags (name);
