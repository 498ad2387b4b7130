-- Built without blocking writes; runs outside a transaction, and a failed build is cleaned up on retry.
CREATE INDEX CONCURRENTLY IF NOT EXISTS books_isbn_idx ON books (isbn);
