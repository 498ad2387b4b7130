-- Release 1.2 renames the table books to titles, the expand/contract way: the table gets its new
-- name and a view with the old name keeps release 1.1 working (a simple view is updatable, so
-- 1.1's inserts and updates go through it). Both happen in one transaction, so no query ever
-- sees neither name; the rename itself only touches the catalog.
-- bellows:allow expand-rename-table reason: the view books keeps every query of release 1.1 working
ALTER TABLE books RENAME TO titles;

CREATE VIEW books AS SELECT id, title, stock, created_at, isbn FROM titles;
