package dev.bellows.data;

import dev.bellows.DatabaseException;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signals of {@link Throttle}, read from real servers. */
class ThrottleTest {

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void countsOtherSessionsRunningAStatementAndYieldsAboveTheLimit(TestDatabase db) throws Exception {
        String sleep = db.kind().equals("postgresql") ? "SELECT pg_sleep(1.5)" : "SELECT SLEEP(1.5)";
        Throttle throttle = new Throttle(db.dialect(), BatchOptions.defaults().withMaxActiveSessions(1));
        try (Connection c = db.connect()) {
            int before = db.dialect().activeSessions(c);
            List<Thread> sleepers = List.of(sleeper(db, sleep), sleeper(db, sleep));
            Thread.sleep(500);
            int during = db.dialect().activeSessions(c);
            assertThat(during).as("two sessions sleep in a statement").isGreaterThanOrEqualTo(before + 2);
            assertThat(throttle.busySessions(c)).isEqualTo(during);
            for (Thread t : sleepers) {
                t.join();
            }
            Thread.sleep(50);
            assertThat(new Throttle(db.dialect(), BatchOptions.defaults().withMaxActiveSessions(during + 5))
                    .busySessions(c)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void theEngineTakesAtMostHalfTheTimeWhileTheServerIsBusy(TestDatabase db) throws Exception {
        String sleep = db.kind().equals("postgresql") ? "SELECT pg_sleep(2)" : "SELECT SLEEP(2)";
        List<BatchEvent> events = new java.util.ArrayList<>();
        BatchOptions options = BatchOptions.defaults().withTarget(Duration.ofMillis(50)).withSizes(500, 500, 500)
                .withMaxActiveSessions(1).withListener(events::add);
        try (Connection c = db.connect()) {
            List<Thread> sleepers = List.of(sleeper(db, sleep), sleeper(db, sleep));
            Thread.sleep(300);
            BatchEngine engine = new BatchEngine(db.dialect(), options, BatchEngineTest.transactions(c));
            engine.prepare(c);
            long t0 = System.nanoTime();
            BatchRun run = engine.run(c, new BatchJob("t/busy", 1, "busy",
                    new JavaWork(new BatchEngineTest.SleepPerRow(6))), 1_000, BatchRecorder.NONE);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            for (Thread t : sleepers) {
                t.join();
            }
            assertThat(run.finished()).isTrue();
            long throttles = events.stream().filter(e -> e.kind() == BatchEvent.Kind.THROTTLE).count();
            assertThat(throttles).as(events.toString()).isGreaterThanOrEqualTo(4);
            assertThat(events.stream().filter(e -> e.kind() == BatchEvent.Kind.THROTTLE))
                    .allMatch(e -> e.lockWaiters() >= 2);
            // six batches of ~50 ms, each but the last followed by a pause as long as the batch
            assertThat(millis).isGreaterThanOrEqualTo(6 * 50 + 4 * 50);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void offByDefault(TestDatabase db) throws Exception {
        Throttle throttle = new Throttle(db.dialect(), BatchOptions.defaults());
        try (Connection c = db.connect()) {
            assertThat(throttle.busySessions(c)).isZero();
            assertThat(throttle.laggingReplica(c)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aServerThatIsNoReplicaIsAClearErrorNotAZeroLag(TestDatabase db) throws Exception {
        ReplicaWatch watch = new ReplicaWatch(Duration.ofSeconds(1), List.of(db.url()), db.user(), db.password());
        try (Connection c = db.connect();
             Throttle throttle = new Throttle(db.dialect(), BatchOptions.defaults().withReplicas(watch))) {
            if (db.kind().equals("postgresql")) {
                // PostgreSQL's replica lag is not read (yet): the dialect reports no replica status
                assertThatThrownBy(() -> throttle.laggingReplica(c)).isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("is not a replica");
            } else {
                assertThat(db.dialect().replicaLag(c)).isEmpty();
                assertThatThrownBy(() -> throttle.laggingReplica(c)).isInstanceOf(DatabaseException.class)
                        .hasMessageContaining(db.url() + " is not a replica");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void withoutReplicaUrlsAndNoneReportedTheWatchSaysWhatToDo(TestDatabase db) throws Exception {
        ReplicaWatch watch = new ReplicaWatch(Duration.ofSeconds(1), List.of(), db.user(), db.password());
        try (Connection c = db.connect();
             Throttle throttle = new Throttle(db.dialect(), BatchOptions.defaults().withReplicas(watch))) {
            assertThatThrownBy(() -> throttle.laggingReplica(c)).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("--replica-url").hasMessageContaining("--max-replica-lag 0");
        }
    }

    private static Thread sleeper(TestDatabase db, String sql) {
        Thread t = new Thread(() -> {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }
}
