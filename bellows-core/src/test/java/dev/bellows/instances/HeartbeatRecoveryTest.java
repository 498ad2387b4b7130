package dev.bellows.instances;

import dev.bellows.db.PostgresDialect;
import dev.bellows.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.bellows.instances.BellowsInstanceTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PostgreSQL restart under a registered instance: the server is stopped (fast shutdown, every
 * connection cut) and started again on the same port and data directory. The heartbeat thread must
 * keep failing quietly while it is down and resume on its own afterwards.
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

    private static Instant heartbeat(TestDatabase db) {
        try {
            Object t = db.queryOne("SELECT heartbeat_at FROM bellows_instances WHERE id = 'survivor'");
            return t == null ? null : ((java.sql.Timestamp) t).toInstant();
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
}
