-- The view now shows prices formatted for display; its columns keep their names.
DROP VIEW book_prices;
CREATE VIEW book_prices AS SELECT id, title, to_char(price_cents / 100.0, 'FM999990.00') AS price FROM books;
