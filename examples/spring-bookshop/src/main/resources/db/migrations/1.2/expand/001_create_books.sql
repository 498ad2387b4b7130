-- Ids come from the shop's order service (the test's client), so one table definition serves PostgreSQL and MariaDB.
CREATE TABLE books (
  id bigint NOT NULL PRIMARY KEY,
  title varchar(200) NOT NULL,
  code varchar(20) NULL
);
