package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;
import dev.bellows.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The shadow database of one verification: embedded (removed on close) or provided by the user. */
final class Shadow implements AutoCloseable {

    static final String DATABASE = "bellows_verify";

    private final ShadowConnector connector;
    private final EmbeddedPostgresServer server;
    private final long startMillis;

    private Shadow(ShadowConnector connector, EmbeddedPostgresServer server, long startMillis) {
        this.connector = connector;
        this.server = server;
        this.startMillis = startMillis;
    }

    static Shadow open(ShadowSpec spec, ShadowProbe probe) {
        long t0 = System.nanoTime();
        if (spec instanceof ShadowSpec.Url u) {
            ShadowConnector c = new ShadowConnector(u.url(), u.user(), u.password());
            requireEmpty(c, probe);
            return new Shadow(c, null, (System.nanoTime() - t0) / 1_000_000);
        }
        ShadowSpec.Embedded e = (ShadowSpec.Embedded) spec;
        if (!probe.dialect().id().equals("postgresql")) {
            throw new ConfigurationException("the embedded shadow database is PostgreSQL; for --dialect "
                    + probe.dialect().id() + " pass --shadow-url jdbc:mariadb://HOST:PORT/EMPTY_DB (an empty database "
                    + "verify may fill)");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try {
            if (e.postgresMajor().isPresent()) {
                String version = server.serverVersion();
                int major = Integer.parseInt(version.split("\\.")[0]);
                if (major != e.postgresMajor().getAsInt()) {
                    throw new ConfigurationException("--pg-version " + e.postgresMajor().getAsInt()
                            + ": Bellows bundles PostgreSQL " + major + " only; use --pg-version " + major
                            + ", or --shadow-url to an empty database on a PostgreSQL " + e.postgresMajor().getAsInt()
                            + " server");
                }
            }
            String url = server.createDatabase(DATABASE);
            return new Shadow(new ShadowConnector(url, server.user(), server.password()), server,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
    }

    private static void requireEmpty(ShadowConnector c, ShadowProbe probe) {
        List<String> existing;
        try (Connection conn = c.connect()) {
            existing = probe.existingObjects(conn);
        } catch (SQLException ex) {
            throw new DatabaseException("cannot connect to the shadow database " + c.url() + ": " + ex.getMessage()
                    + "; check --shadow-url and the user's password", ex);
        }
        if (!existing.isEmpty()) {
            throw new ConfigurationException("the shadow database " + c.url() + " is not empty (" + String.join(", ",
                    existing) + "): verify needs an empty database it may fill; create a new one "
                    + "(CREATE DATABASE verify_shadow) and pass its URL, or leave out --shadow-url to use the "
                    + "embedded PostgreSQL");
        }
    }

    ShadowConnector connector() {
        return connector;
    }

    long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
