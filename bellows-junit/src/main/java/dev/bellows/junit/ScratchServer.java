package dev.bellows.junit;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.db.Dialect;
import dev.bellows.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where throwaway databases come from: the embedded PostgreSQL bundled with Bellows, or a server
 * the user named by URL. Closing it stops the embedded server, or drops the databases it created.
 */
interface ScratchServer extends AutoCloseable {

    /** The dialect id of the embedded server. */
    String EMBEDDED_DIALECT = "postgresql";

    /** A new, empty database. */
    BellowsDatabase create();

    /** The dialect of the server's databases. */
    Dialect dialect();

    @Override
    void close();

    static ScratchServer embedded() {
        return new Embedded(EmbeddedPostgresServer.start());
    }

    static ScratchServer at(String url, String user, String password) {
        return new AtUrl(new ConnectionSettings(url, user, password));
    }

    /** Names of the databases one JVM creates: unique per JVM, so parallel test JVMs do not collide. */
    AtomicInteger COUNTER = new AtomicInteger();

    static String nextName() {
        return "bellows_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    /** The embedded PostgreSQL: one server per test run, one database per use. */
    final class Embedded implements ScratchServer {
        private final EmbeddedPostgresServer server;

        Embedded(EmbeddedPostgresServer server) {
            this.server = server;
        }

        @Override
        public BellowsDatabase create() {
            return new BellowsDatabase(server.createDatabase(nextName()), server.user(), server.password());
        }

        @Override
        public Dialect dialect() {
            return Dialect.named(EMBEDDED_DIALECT);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** A server the user gave: databases are created next to the one in the URL and dropped at the end. */
    final class AtUrl implements ScratchServer {
        private static final Pattern URL = Pattern.compile("(jdbc:[a-z0-9]+://[^/?;]+/)([^?;]*)(.*)");

        private final ConnectionSettings server;
        private final Matcher parts;
        private final List<String> created = new ArrayList<>();

        AtUrl(ConnectionSettings server) {
            this.server = server;
            this.parts = URL.matcher(server.url());
            if (!parts.matches()) {
                throw new ConfigurationException("cannot derive throwaway database URLs from " + server.safeUrl()
                        + ": expected jdbc:SUBPROTOCOL://HOST[:PORT]/DATABASE[?OPTIONS]");
            }
        }

        @Override
        public synchronized BellowsDatabase create() {
            String name = nextName();
            execute("CREATE DATABASE " + dialect().quote(name));
            created.add(name);
            return new BellowsDatabase(parts.group(1) + name + parts.group(3), server.user(), server.password());
        }

        @Override
        public Dialect dialect() {
            return server.dialect();
        }

        @Override
        public synchronized void close() {
            for (String name : created) {
                execute("DROP DATABASE IF EXISTS " + dialect().quote(name));
            }
            created.clear();
        }

        private void execute(String sql) {
            Connection connection;
            try {
                connection = server.connect();
            } catch (DatabaseException e) {
                throw new DatabaseException("cannot connect to " + server + " for throwaway databases: "
                        + e.getCause().getMessage() + "; check @BellowsMigrations(url, user, password) or -D"
                        + Settings.URL_PROPERTY + ", -D" + Settings.USER_PROPERTY + " and -D"
                        + Settings.PASSWORD_PROPERTY, e);
            }
            try (Connection c = connection; Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new DatabaseException(sql + " failed on " + server + ": " + e.getMessage()
                        + "; the user needs the right to create and drop databases there", e);
            }
        }
    }
}
