package dev.bellows.data;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --max-commit-latency}: the engine times its own commits. The commits are made slow by the database
 * itself: a deferred constraint trigger sleeps 20 ms per changed row, at COMMIT, on a real PostgreSQL.
 */
class CommitLatencyTest {

    /** Sets {@code done} on the next {@code batchSize} rows that lack it. */
    static final class FillDone implements DataMigration {
        @Override
        public int migrateBatch(Connection c, int batchSize) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET done = true WHERE id IN "
                    + "(SELECT id FROM jobs WHERE NOT done ORDER BY id LIMIT ?)")) {
                ps.setInt(1, batchSize);
                return ps.executeUpdate();
            }
        }
    }

    @Test
    void aSlowCommitCutsTheBatchAndPausesAFastOneChangesNothing() throws Exception {
        TestDatabase db = Databases.postgres();
        db.execute("CREATE TABLE jobs (id int PRIMARY KEY, done boolean NOT NULL DEFAULT false)",
                "INSERT INTO jobs (id) SELECT g FROM generate_series(1, 40) g",
                "CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN PERFORM pg_sleep(0.02); RETURN NULL; END $$",
                "CREATE CONSTRAINT TRIGGER jobs_slow_commit AFTER UPDATE ON jobs DEFERRABLE INITIALLY DEFERRED "
                        + "FOR EACH ROW EXECUTE FUNCTION slow_commit()");

        // 8 rows per batch sleep 160 ms at commit: more than 50 ms
        List<BatchEvent> events = run(db, Duration.ofMillis(50));
        List<BatchEvent> slow = events.stream().filter(e -> e.kind() == BatchEvent.Kind.SLOW_COMMIT).toList();
        assertThat(slow).as(events.toString()).isNotEmpty();
        assertThat(slow.get(0).lastMillis()).as("the commit's own duration").isGreaterThanOrEqualTo(160);
        assertThat(slow.get(0).batchSize()).as("the size was halved").isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE NOT done")).isZero();

        db.execute("UPDATE jobs SET done = false");
        List<BatchEvent> relaxed = run(db, Duration.ofSeconds(30));
        assertThat(relaxed).noneMatch(e -> e.kind() == BatchEvent.Kind.SLOW_COMMIT);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE NOT done")).isZero();

        db.execute("UPDATE jobs SET done = false");
        assertThat(run(db, Duration.ZERO)).as("off by default").noneMatch(e -> e.kind() == BatchEvent.Kind.SLOW_COMMIT);
    }

    private static List<BatchEvent> run(TestDatabase db, Duration maxCommitLatency) throws Exception {
        List<BatchEvent> events = new ArrayList<>();
        BatchOptions options = BatchOptions.defaults().withSizes(8, 2, 8).withMaxCommitLatency(maxCommitLatency)
                .withListener(events::add);
        try (Connection c = db.connect()) {
            BatchEngine engine = new BatchEngine(db.dialect(), options, BatchEngineTest.transactions(c));
            engine.prepare(c);
            BatchRun run = engine.run(c, new BatchJob("t/slow-commit-" + maxCommitLatency.toMillis(), 1, "slow",
                    new JavaWork(new FillDone())), 1_000, BatchRecorder.NONE);
            assertThat(run.finished()).isTrue();
        }
        return events;
    }
}
