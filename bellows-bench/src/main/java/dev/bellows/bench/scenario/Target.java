package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.EmbeddedMariaDbServer;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The two databases the scenarios run on, and the few things the harness itself (not Bellows)
 * must say differently to them: a row generator for seeding and the clients' request timeout.
 */
public enum Target {

    POSTGRESQL("postgresql") {
        @Override
        public String series(long rows) {
            return "generate_series(1, " + rows + ") AS s(n)";
        }

        @Override
        public void requestTimeout(Connection c, long millis) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SET statement_timeout = " + millis);
            }
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
                public String version() {
                    return "PostgreSQL " + pg.serverVersion();
                }

                @Override
                public void close() {
                    pg.close();
                }
            };
        }
    },

    MARIADB("mariadb") {
        @Override
        public String series(long rows) {
            return "(SELECT seq AS n FROM seq_1_to_" + rows + ") AS s";
        }

        @Override
        public void requestTimeout(Connection c, long millis) throws SQLException {
            long seconds = Math.max(1, (millis + 999) / 1000);
            try (Statement st = c.createStatement()) {
                st.execute(String.format(Locale.ROOT, "SET SESSION max_statement_time = %.3f", millis / 1000.0));
                st.execute("SET SESSION lock_wait_timeout = " + seconds);
                st.execute("SET SESSION innodb_lock_wait_timeout = " + seconds);
            }
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
                public String version() {
                    return "MariaDB " + db.serverVersion();
                }

                @Override
                public void close() {
                    db.close();
                }
            };
        }
    };

    private final String id;

    Target(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A FROM item yielding the integers 1..rows in a column {@code n}. */
    public abstract String series(long rows);

    /** Makes every statement of the session fail after {@code millis} (lock waits included). */
    public abstract void requestTimeout(Connection c, long millis) throws SQLException;

    /** Starts an embedded server of this kind. */
    public abstract Server start();

    public static Target named(String name) {
        for (Target t : values()) {
            if (t.id.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown database '" + name + "': use postgresql or mariadb");
    }

    /** An embedded server; each {@link #create} is a fresh database on it. */
    public interface Server extends AutoCloseable {
        ConnectionSettings create(String name);

        String version();

        @Override
        void close();
    }
}
