package dev.bellows.bench.chaos;

import dev.bellows.db.ConnectionSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** An embedded PostgreSQL on its own data directory and port, so that it can be stopped and started again. */
public final class RestartablePostgres implements Chaos.RestartableServer {

    private final Path dataDir;
    private EmbeddedPostgres pg;

    public RestartablePostgres(Path dataDir) throws IOException {
        this.dataDir = Files.createDirectories(dataDir);
        this.pg = start(0);
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Override
    public ConnectionSettings create(String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new ConnectionSettings(pg.getJdbcUrl("postgres", name), "postgres", "");
    }

    @Override
    public void restart() throws IOException {
        int port = pg.getPort();
        pg.close();
        pg = start(port);
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
