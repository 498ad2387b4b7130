package dev.bellows.run;

import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;

/**
 * A small three-phase release history written in each dialect's SQL: 1.0 creates books with
 * legacy_code; 1.1 adds isbn and an index (expand), backfills isbn in batches of 10 (migrate) and
 * drops legacy_code (contract); 1.2 adds a column.
 */
final class Bookshop {

    private Bookshop() {
    }

    static boolean postgres(TestDatabase db) {
        return db.dialect().id().equals("postgresql");
    }

    static MigrationTree write(MigrationTree tree, TestDatabase db) {
        boolean pg = postgres(db);
        StringBuilder rows = new StringBuilder("INSERT INTO books (id, title, legacy_code) VALUES ");
        for (int i = 1; i <= 45; i++) {
            rows.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'Book ").append(i).append("', 'LC")
                    .append(i).append("')");
        }
        tree.file("1.0", "expand", "001_create_books.sql",
                "CREATE TABLE books (id int PRIMARY KEY, title varchar(100) NOT NULL, legacy_code varchar(32));\n"
                        + rows + ";\n");
        tree.file("1.1", "expand", "001_add_isbn.sql", "ALTER TABLE books ADD COLUMN isbn varchar(40);\n");
        tree.file("1.1", "expand", "002_isbn_index.sql", pg
                ? "CREATE INDEX CONCURRENTLY books_isbn_idx ON books (isbn);\n"
                : "CREATE INDEX books_isbn_idx ON books (isbn);\n");
        tree.file("1.1", "migrate", "001_backfill_isbn.sql", pg
                ? "UPDATE books SET isbn = concat('ISBN-', legacy_code)\n"
                + "WHERE id IN (SELECT id FROM books WHERE isbn IS NULL AND legacy_code IS NOT NULL ORDER BY id LIMIT 10);\n"
                : "UPDATE books SET isbn = concat('ISBN-', legacy_code)\n"
                + "WHERE isbn IS NULL AND legacy_code IS NOT NULL ORDER BY id LIMIT 10;\n");
        tree.file("1.1", "contract", "001_drop_legacy_code.sql", "ALTER TABLE books DROP COLUMN legacy_code;\n");
        tree.file("1.2", "expand", "001_add_stock.sql", "ALTER TABLE books ADD COLUMN stock int;\n");
        return tree;
    }
}
