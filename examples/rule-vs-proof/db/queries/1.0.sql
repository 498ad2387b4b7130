-- Query manifest of release 1.0, written by hand for this example (an application would capture it
-- from its tests with @RecordQueries, or import it with `bellows queries import`).

-- sent 120 | params BIGINT
SELECT books.title, name FROM books JOIN authors ON authors.id = books.author_id WHERE books.id = ?;

-- sent 40 | params INTEGER
SELECT id, title FROM book_prices WHERE price <= ? ORDER BY price;

-- sent 15 | params BIGINT, BIGINT, VARCHAR, INTEGER
INSERT INTO books (id, author_id, title, price_cents) VALUES (?, ?, ?, ?);
