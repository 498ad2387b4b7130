-- In place with concurrent reads and writes (strict SQL mode checks every row while it rebuilds).
ALTER TABLE titles MODIFY sort_title varchar(200) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
