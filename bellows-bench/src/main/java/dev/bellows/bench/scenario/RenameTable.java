package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;

import java.util.List;
import java.util.Map;

/** Release 2.0 calls the table {@code books} {@code titles}. */
final class RenameTable implements Scenario {

    @Override
    public String id() {
        return "rename-table";
    }

    @Override
    public String title() {
        return "rename a table (books -> titles)";
    }

    @Override
    public Map<String, String> release10(Target t) {
        return Map.of("1.0/expand/001_create_books.sql", t == Target.POSTGRESQL
                ? "CREATE TABLE books (id bigserial PRIMARY KEY, title varchar(200) NOT NULL, stock integer NOT NULL DEFAULT 0);"
                : "CREATE TABLE books (id bigint AUTO_INCREMENT PRIMARY KEY, title varchar(200) NOT NULL, "
                + "stock int NOT NULL DEFAULT 0) ENGINE=InnoDB;");
    }

    @Override
    public List<String> seed(Target t, long rows) {
        return List.of("INSERT INTO books (title, stock) SELECT concat('Book ', n), n % 17 FROM " + t.series(rows));
    }

    @Override
    public AppRelease oldRelease() {
        return app("1.0", "books");
    }

    @Override
    public AppRelease newRelease() {
        return app("2.0", "titles");
    }

    private static AppRelease app(String release, String table) {
        return Sql.app(release, (c, r, max) -> {
            int kind = r.nextInt(100);
            long id = Sql.id(r, max);
            if (kind < 15) {
                Sql.update(c, "INSERT INTO " + table + " (title, stock) VALUES (?, ?)", "New book " + r.nextInt(1_000_000),
                        r.nextInt(40));
            } else if (kind < 40) {
                Sql.update(c, "UPDATE " + table + " SET stock = ? WHERE id = ?", r.nextInt(40), id);
            } else {
                Sql.read(c, "SELECT id, title, stock FROM " + table + " WHERE id = ?", id);
            }
        });
    }

    @Override
    public Map<String, String> release20(Target t) {
        if (t == Target.POSTGRESQL) {
            return Map.of(
                    "2.0/expand/001_rename_books_to_titles.sql", """
                            -- One transaction: the table gets its new name and an updatable view keeps the old one,
                            -- so release 1.0 never sees neither name. Only the catalog changes.
                            -- bellows:allow expand-rename-table reason: the view books keeps release 1.0 working
                            ALTER TABLE books RENAME TO titles;
                            CREATE VIEW books AS SELECT id, title, stock FROM titles;
                            """,
                    "2.0/contract/001_drop_books_view.sql", """
                            DROP VIEW books;
                            """);
        }
        return Map.of(
                "2.0/expand/001_titles_view.sql", """
                        -- MariaDB cannot rename a table and create a view in one transaction; instead the new
                        -- name arrives first, as an updatable (MERGE) view on the table.
                        CREATE ALGORITHM=MERGE VIEW titles AS SELECT id, title, stock FROM books;
                        """,
                "2.0/contract/001_swap_table_and_view.sql", """
                        -- One atomic RENAME TABLE swaps the view out and the table in under its new name.
                        RENAME TABLE titles TO titles_view_old, books TO titles;
                        DROP VIEW titles_view_old;
                        """);
    }

    @Override
    public List<String> naive(Target t) {
        return List.of(t == Target.POSTGRESQL ? "ALTER TABLE books RENAME TO titles" : "RENAME TABLE books TO titles");
    }

    @Override
    public String check(Target t) {
        // 0 when books is gone and titles is the table itself (not a view)
        String schema = t == Target.POSTGRESQL ? "current_schema()" : "DATABASE()";
        return "SELECT count(*) FROM information_schema.tables WHERE table_schema = " + schema
                + " AND (table_name = 'books' OR (table_name = 'titles' AND table_type <> 'BASE TABLE'))";
    }
}
