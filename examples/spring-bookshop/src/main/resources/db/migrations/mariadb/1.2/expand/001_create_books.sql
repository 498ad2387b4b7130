-- Ids come from the shop's order service (the test's client), not from the database.
CREATE TABLE books (
  id bigint NOT NULL PRIMARY KEY,
  title varchar(200) NOT NULL,
  code varchar(20) NULL
);
