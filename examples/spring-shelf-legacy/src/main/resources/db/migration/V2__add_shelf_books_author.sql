ALTER TABLE shelf_books ADD author varchar(200) NULL;
