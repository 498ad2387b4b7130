-- Its own transaction: VALIDATE scans the table under SHARE UPDATE EXCLUSIVE, which allows reads and writes.
ALTER TABLE titles VALIDATE CONSTRAINT titles_sort_title_not_null;
