-- The first Bellows release after the Flyway history.
ALTER TABLE shelf_books ADD isbn varchar(20) NULL;
