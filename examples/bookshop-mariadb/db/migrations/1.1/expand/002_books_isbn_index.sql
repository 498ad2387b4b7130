-- Built in place while reads and writes go on.
ALTER TABLE books ADD INDEX books_isbn_idx (isbn), ALGORITHM=INPLACE, LOCK=NONE;
