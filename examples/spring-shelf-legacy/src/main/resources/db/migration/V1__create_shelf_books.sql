-- Flyway history (the application used Boot's Flyway until release 1.9): kept, never edited.
CREATE TABLE shelf_books (
  id bigint NOT NULL PRIMARY KEY,
  title varchar(200) NOT NULL
);
INSERT INTO shelf_books (id, title) VALUES (1, '${first_title}');
