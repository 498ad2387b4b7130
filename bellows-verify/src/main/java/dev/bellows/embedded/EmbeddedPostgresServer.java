package dev.bellows.embedded;

import dev.bellows.DatabaseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throwaway PostgreSQL server from the binaries bundled with Bellows (no installation needed):
 * the shadow database of {@code verify} and the database of {@code demo}. Close it to stop the
 * server and delete its data directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            throw new DatabaseException("cannot start the embedded PostgreSQL: " + e.getMessage()
                    + "; check that /tmp is writable and has a few hundred MB free", e);
        }
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public String createDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new DatabaseException("cannot create database " + name + " on the embedded PostgreSQL", e);
        }
        return url(name);
    }

    public String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    /** The bundled server's version, e.g. {@code 17.6}. */
    public String serverVersion() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the embedded PostgreSQL's version", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new DatabaseException("cannot stop the embedded PostgreSQL cleanly: " + e.getMessage(), e);
        }
    }
}
