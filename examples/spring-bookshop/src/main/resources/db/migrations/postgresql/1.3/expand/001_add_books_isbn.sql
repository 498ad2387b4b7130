ALTER TABLE books ADD isbn varchar(20) NULL;
