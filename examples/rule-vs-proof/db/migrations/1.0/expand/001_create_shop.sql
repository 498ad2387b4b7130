CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (
    id bigint PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id),
    title text NOT NULL,
    price_cents integer NOT NULL
);
CREATE VIEW book_prices AS SELECT id, title, price_cents AS price FROM books;
