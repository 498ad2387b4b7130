CREATE TABLE customers (id int PRIMARY KEY, email varchar(200), fax varchar(40));
