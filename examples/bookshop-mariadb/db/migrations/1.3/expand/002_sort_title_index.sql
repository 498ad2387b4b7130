-- Release 1.3 lists titles in sort_title order; the index is built in place while writes go on.
ALTER TABLE titles ADD INDEX titles_sort_title_idx (sort_title), ALGORITHM=INPLACE, LOCK=NONE;
