package dev.bellows.cli.demo;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.embedded.EmbeddedPostgresServer;

import java.util.List;
import java.util.Locale;

/**
 * The demo's database: which embedded server it starts and the few statements of the demo itself
 * (not of Bellows) that differ between PostgreSQL and MariaDB — the seed, the naive migration, the
 * data check. The bookshop's migrations exist in both flavours (examples/bookshop and
 * examples/bookshop-mariadb).
 */
public enum DemoFlavor {

    POSTGRESQL("postgresql", "dev/bellows/cli/demo/migrations",
            List.of("ALTER TABLE titles RENAME COLUMN subtitle TO tagline",
                    "ALTER TABLE titles ALTER COLUMN stock TYPE bigint",
                    "ALTER TABLE titles RENAME COLUMN stock TO stock_count",
                    "ALTER TABLE titles ADD COLUMN sort_title text",
                    "UPDATE titles SET sort_title = lower(title)",
                    "CREATE INDEX titles_sort_title_idx ON titles (sort_title)")) {
        @Override
        public String seed(long rows) {
            return "INSERT INTO titles (title, stock, isbn, subtitle) "
                    + "SELECT 'Title ' || n, n % 50, 'ISBN-' || n, CASE WHEN n % 3 = 0 THEN 'Volume ' || n END "
                    + "FROM generate_series((SELECT count(*) FROM titles) + 1, " + rows + ") AS n";
        }

        @Override
        public String analyze() {
            return "VACUUM ANALYZE titles";
        }

        @Override
        public String inconsistentRows() {
            return "SELECT count(*) FROM titles WHERE sort_title IS DISTINCT FROM lower(title) OR stock_count IS NULL";
        }

        @Override
        public Server start() {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start();
            return new Server() {
                @Override
                public ConnectionSettings create(String name) {
                    return new ConnectionSettings(pg.createDatabase(name), pg.user(), pg.password());
                }

                @Override
                public String describe() {
                    return "PostgreSQL " + pg.serverVersion() + " on port " + pg.port();
                }

                @Override
                public void close() {
                    pg.close();
                }
            };
        }
    },

    MARIADB("mariadb", "dev/bellows/cli/demo/migrations-mariadb",
            List.of("ALTER TABLE titles RENAME COLUMN subtitle TO tagline",
                    "ALTER TABLE titles MODIFY stock bigint NOT NULL DEFAULT 0",
                    "ALTER TABLE titles RENAME COLUMN stock TO stock_count",
                    "ALTER TABLE titles ADD COLUMN sort_title varchar(200)",
                    "UPDATE titles SET sort_title = LOWER(title)",
                    "CREATE INDEX titles_sort_title_idx ON titles (sort_title)")) {
        @Override
        public String seed(long rows) {
            return "INSERT INTO titles (title, stock, isbn, subtitle) "
                    + "SELECT CONCAT('Title ', seq), seq % 50, CONCAT('ISBN-', seq), "
                    + "CASE WHEN seq % 3 = 0 THEN CONCAT('Volume ', seq) END "
                    + "FROM seq_1_to_" + Math.max(1, rows) + " WHERE seq > (SELECT count(*) FROM titles)";
        }

        @Override
        public String analyze() {
            return "ANALYZE TABLE titles";
        }

        @Override
        public String inconsistentRows() {
            return "SELECT count(*) FROM titles WHERE NOT (sort_title <=> LOWER(title)) OR stock_count IS NULL";
        }

        @Override
        public Server start() {
            EmbeddedMariaDbServer db = EmbeddedMariaDbServer.start();
            return new Server() {
                @Override
                public ConnectionSettings create(String name) {
                    return new ConnectionSettings(db.createDatabase(name), db.user(), db.password());
                }

                @Override
                public String describe() {
                    return "MariaDB " + db.serverVersion() + " on port " + db.port();
                }

                @Override
                public void close() {
                    db.close();
                }
            };
        }
    };

    private final String id;
    private final String migrations;
    private final List<String> naiveMigration;

    DemoFlavor(String id, String migrations, List<String> naiveMigration) {
        this.id = id;
        this.migrations = migrations;
        this.naiveMigration = naiveMigration;
    }

    public String id() {
        return id;
    }

    /** Where the bookshop's migrations of this flavour are bundled (class path resource directory). */
    public String migrations() {
        return migrations;
    }

    /** What a hand-written migration for 1.3 typically looks like on this database. */
    public List<String> naiveMigration() {
        return naiveMigration;
    }

    /** Fills titles up to {@code rows} rows. */
    public abstract String seed(long rows);

    public abstract String analyze();

    /** Rows that break what release 1.3 expects once the upgrade is complete. */
    public abstract String inconsistentRows();

    /** Starts the embedded server. */
    public abstract Server start();

    /** {@code postgresql} (also postgres, pg) or {@code mariadb} (also mysql). */
    public static DemoFlavor named(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "mariadb", "mysql" -> MARIADB;
            default -> throw new dev.bellows.ConfigurationException("unknown --database '" + name
                    + "': use --database postgresql or --database mariadb");
        };
    }

    /** An embedded server; {@link #create} makes a fresh database on it. */
    public interface Server extends AutoCloseable {
        ConnectionSettings create(String name);

        String describe();

        @Override
        void close();
    }
}
