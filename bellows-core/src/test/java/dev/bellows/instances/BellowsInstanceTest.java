package dev.bellows.instances;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BellowsInstanceTest {

    private static String table(TestDatabase db) {
        return db.dialect().quote(InstanceRegistry.TABLE);
    }

    static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + max + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    static Object heartbeatAt(TestDatabase db, String id) {
        try {
            return db.queryOne("SELECT heartbeat_at FROM " + table(db) + " WHERE id = '" + id + "'");
        } catch (Exception e) {
            return null;
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void registersHeartbeatsAndDeregistersOnClose(TestDatabase db) throws Exception {
        Markers.expanded(db, "1.2");
        DataSource ds = TestDataSources.of(db);
        try (BellowsInstance instance = BellowsInstance.builder(ds, "1.2").id("api-1").ttl(Duration.ofSeconds(2))
                .heartbeatInterval(Duration.ofMillis(200)).metadata("{\"pod\":\"api-1\"}").register()) {
            assertThat(instance.id()).isEqualTo("api-1");
            Instance row;
            try (Connection c = db.connect()) {
                row = new InstanceRegistry(db.dialect()).find(c, "api-1").orElseThrow();
            }
            assertThat(row.release()).isEqualTo("1.2");
            assertThat(row.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(row.metadata()).isEqualTo("{\"pod\":\"api-1\"}");
            assertThat(row.ttl()).isEqualTo(Duration.ofSeconds(2));

            Object first = heartbeatAt(db, "api-1");
            await("a later heartbeat", Duration.ofSeconds(5), () -> !first.equals(heartbeatAt(db, "api-1")));

            // well past the TTL, the heartbeats keep it live
            Thread.sleep(2500);
            try (Connection c = db.connect()) {
                assertThat(new InstanceRegistry(db.dialect()).live(c)).extracting(Instance::id)
                        .containsExactly("api-1");
            }
            assertThat(instance.consecutiveFailures()).isZero();
        }
        assertThat(db.count("SELECT count(*) FROM " + table(db))).as("close removes the row").isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aVanishedRowIsWrittenAgain(TestDatabase db) throws Exception {
        Markers.expanded(db, "1.0");
        try (BellowsInstance instance = BellowsInstance.builder(TestDataSources.of(db), "1.0").id("worker")
                .ttl(Duration.ofSeconds(2)).heartbeatInterval(Duration.ofMillis(150)).register()) {
            db.execute("DELETE FROM " + table(db));
            await("the row written again", Duration.ofSeconds(5), () -> heartbeatAt(db, "worker") != null);
            db.execute("DROP TABLE " + table(db));
            await("the table and row created again", Duration.ofSeconds(5), () -> heartbeatAt(db, "worker") != null);
            assertThat(instance.consecutiveFailures()).isZero();
        }
    }

    /**
     * An expired row (the instance was silent for longer than its TTL, so a contract could run past its release)
     * is revived by the next heartbeat only after the startup guard looks again, and says so like the re-insert.
     */
    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aHeartbeatThatRevivesAnExpiredRowRunsTheStartupGuardAgain(TestDatabase db) throws Exception {
        Markers.expanded(db, "1.0");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = System.err;
        try (BellowsInstance instance = BellowsInstance.builder(TestDataSources.of(db), "1.0").id("sleeper")
                .ttl(Duration.ofSeconds(30)).heartbeatInterval(Duration.ofMillis(150)).register()) {
            assertThat(instance.schemaRefusal()).isEmpty();
            // while the instance was silent, others counted it as gone and contracted past its release
            Markers.expanded(db, "1.1");
            Markers.complete(db, "1.1", "contract");
            System.setErr(new java.io.PrintStream(new TeeStream(log, err), true));
            db.execute("UPDATE " + table(db) + " SET heartbeat_at = heartbeat_at - INTERVAL '1' HOUR");
            await("the guard's verdict after the revival", Duration.ofSeconds(5),
                    () -> instance.schemaRefusal().isPresent());
            assertThat(instance.schemaRefusal().get().reason()).isEqualTo(StartupRefusal.Reason.CONTRACTED_PAST);
            try (Connection c = db.connect()) {
                assertThat(new InstanceRegistry(db.dialect()).live(c)).extracting(Instance::id)
                        .containsExactly("sleeper");
            }
            await("the log lines", Duration.ofSeconds(2), () -> log.toString().contains("This instance is already"));
            assertThat(log.toString())
                    .contains("instance sleeper had sent no heartbeat for longer than its TTL of 30 s")
                    .contains("ERROR").contains("This instance is already running: its release is no longer served");
            assertThat(instance.consecutiveFailures()).isZero();
        } finally {
            System.setErr(err);
        }
    }

    /** Copies what is written to a buffer and to the real stream. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void theStartupGuardRefusesOrWarns(TestDatabase db) throws Exception {
        Markers.expanded(db, "1.1");
        DataSource ds = TestDataSources.of(db);
        assertThatThrownBy(() -> BellowsInstance.register(ds, "1.2"))
                .isInstanceOfSatisfying(StartupRefusedException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.refusal().reason()).isEqualTo(StartupRefusal.Reason.NOT_EXPANDED);
                    assertThat(e.getMessage()).contains("bellows expand --to 1.2");
                });
        try (Connection c = db.connect()) {
            assertThat(new InstanceRegistry(db.dialect()).exists(c)).as("a refused instance writes nothing").isFalse();
        }

        try (BellowsInstance warned = BellowsInstance.builder(ds, "1.2").guard(GuardMode.WARN).register()) {
            assertThat(db.count("SELECT count(*) FROM " + table(db) + " WHERE release_name = '1.2'")).isEqualTo(1);
            assertThat(warned.id()).contains("-" + ProcessHandle.current().pid() + "-");
        }

        Markers.expanded(db, "1.2");
        Markers.complete(db, "1.2", "contract");
        assertThatThrownBy(() -> BellowsInstance.register(ds, "1.1"))
                .isInstanceOfSatisfying(StartupRefusedException.class, e -> assertThat(e.refusal().reason())
                        .isEqualTo(StartupRefusal.Reason.CONTRACTED_PAST));
        BellowsInstance.register(ds, "1.2").close();
    }

    @Test
    void theHeartbeatIntervalMustBeShorterThanTheTtl() {
        DataSource ds = TestDataSources.of(Databases.postgres());
        assertThatThrownBy(() -> BellowsInstance.builder(ds, "1.0").ttl(Duration.ofSeconds(5))
                .heartbeatInterval(Duration.ofSeconds(5)).register())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shorter than its TTL of 5 s");
        assertThat(BellowsInstance.builder(ds, "1.0").ttl(Duration.ofSeconds(3)).interval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(BellowsInstance.builder(ds, "1.0").interval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anUnreachableDatabaseFailsInFailModeAndIsRetriedInWarnMode() throws Exception {
        TestDatabase db = Databases.postgres();
        Markers.expanded(db, "1.0");
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(db.url());
        ds.setUser(db.user());
        ds.setPassword("wrong");
        ds.setUser("nobody");
        assertThatThrownBy(() -> BellowsInstance.register(ds, "1.0"))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("cannot register instance");

        try (BellowsInstance instance = BellowsInstance.builder(ds, "1.0").id("late").ttl(Duration.ofSeconds(2))
                .heartbeatInterval(Duration.ofMillis(100)).guard(GuardMode.WARN).register()) {
            assertThat(instance.consecutiveFailures()).isPositive();
            ds.setUser(db.user()); // the database becomes reachable
            await("registered once reachable", Duration.ofSeconds(5), () -> heartbeatAt(db, "late") != null);
            await("healthy", Duration.ofSeconds(5), () -> instance.consecutiveFailures() == 0);
        }
        assertThat(heartbeatAt(db, "late")).isNull();
    }
}
