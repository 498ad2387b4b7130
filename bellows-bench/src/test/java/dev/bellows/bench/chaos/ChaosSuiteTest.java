package dev.bellows.bench.chaos;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos suite, small (the full size runs from {@link ChaosBench}): real {@code bellows} processes
 * SIGKILLed at random moments of {@code upgrade --all-phases}, a session terminated by the server, the
 * server restarted under a migrator, four migrators at once, a long snapshot during the concurrent
 * index builds. After each, schema, data and history equal a clean run's, with no INVALID index.
 * Trials are seeded ({@code -Dbellows.chaos.seed=N}) so that a failure can be replayed.
 */
class ChaosSuiteTest {

    static final Path BOOKSHOP = Path.of("..", "examples", "bookshop", "db", "migrations");
    static final long SEED = Long.getLong("bellows.chaos.seed", 16L);

    @TempDir
    Path dir;

    static Supplier<ConnectionSettings> fresh(Supplier<TestDatabase> databases) {
        return () -> {
            TestDatabase db = databases.get();
            return new ConnectionSettings(db.url(), db.user(), db.password());
        };
    }

    /** Kills until {@code trials} are done and at least one left the database mid-run (at most four times as many). */
    static List<Chaos.Trial> kills(Chaos chaos, int trials) throws Exception {
        List<Chaos.Trial> done = new ArrayList<>();
        while (done.size() < trials || (done.stream().noneMatch(Chaos.Trial::landed) && done.size() < 4 * trials)) {
            done.add(chaos.sigkill(0.25, 0.95));
        }
        return done;
    }

    static void assertNoFailure(List<Chaos.Trial> trials) {
        trials.forEach(System.out::println);
        assertThat(trials).filteredOn(Chaos.Trial::failed).as("trials whose rerun did not end like a clean run")
                .isEmpty();
    }

    /** SIGKILLs of a clean run's copies; every rerun ends like the clean run, and some kill landed mid-run. */
    static void killsAreFinishedByTheRerun(Chaos chaos, int trials) throws Exception {
        chaos.clean();
        List<Chaos.Trial> done = kills(chaos, trials);
        assertNoFailure(done);
        assertThat(done).filteredOn(Chaos.Trial::landed).as("kills that left the database mid-run").isNotEmpty();
    }

    @Test
    void sigkilledUpgradesOfTheExampleOnPostgresqlAreFinishedByTheRerunLikeACleanRun() throws Exception {
        killsAreFinishedByTheRerun(new Chaos(BOOKSHOP, dir, fresh(Databases::postgres), SEED), 3);
    }

    @Test
    void sigkilledUpgradesOnMariadbAreFinishedByTheRerunLikeACleanRun() throws Exception {
        killsAreFinishedByTheRerun(new Chaos(Chaos.writeMariadbTree(dir.resolve("tree")), dir,
                fresh(Databases::mariadb), SEED), 2);
    }

    @Test
    void aTerminatedSessionARestartedServerFourMigratorsAndALongSnapshotEndLikeACleanRun() throws Exception {
        Chaos chaos = new Chaos(BOOKSHOP, dir, fresh(Databases::postgres), SEED);
        chaos.clean();
        List<Chaos.Trial> trials = new ArrayList<>();
        // Fresh databases until a termination hits a live session (the run may be between connections).
        while (trials.stream().noneMatch(Chaos.Trial::landed) && trials.size() < 5) {
            trials.add(chaos.terminate());
        }
        assertThat(trials).filteredOn(Chaos.Trial::landed).as("a session terminated mid-run").isNotEmpty();
        try (RestartablePostgres server = new RestartablePostgres(dir.resolve("restartable"))) {
            List<Chaos.Trial> restarts = new ArrayList<>();
            while (restarts.stream().noneMatch(Chaos.Trial::landed) && restarts.size() < 5) {
                restarts.add(chaos.restart(server, "restart_" + restarts.size()));
            }
            assertThat(restarts).filteredOn(Chaos.Trial::landed).as("a restart under a running migrator")
                    .isNotEmpty();
            trials.addAll(restarts);
        }
        trials.add(chaos.fourAtOnce());
        Chaos.Trial snapshot = chaos.longTransaction(3_000);
        assertThat(snapshot.delayMs()).as("the run waited for the snapshot").isGreaterThanOrEqualTo(3_000);
        trials.add(snapshot);
        assertNoFailure(trials);
    }
}
