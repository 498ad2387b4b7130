-- The legacy Flyway history ("release 1.0"), run by the real Flyway before Bellows' releases.
CREATE TABLE customers (id int PRIMARY KEY, email varchar(200), fax varchar(40));
INSERT INTO customers (id, email) VALUES (1, 'ada@example.org'), (2, 'alan@example.org');
