-- Release 1.2 renames the table books to titles. MariaDB cannot rename a table and create a view in
-- one transaction (DDL commits), so the new name comes first, as an updatable (MERGE) view on books:
-- release 1.2 reads and writes titles through it while 1.1 keeps using books. Contract swaps them.
CREATE ALGORITHM=MERGE VIEW titles AS SELECT id, title, stock, created_at, isbn, subtitle FROM books;
