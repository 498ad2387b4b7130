package dev.bellows.instances;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.model.Release;
import dev.bellows.run.RunOptions;
import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code contract=auto} against a real database, through the application's DataSource: the wait is
 * stored where {@code status} reads it, an older instance cancels it, and the contract that runs is
 * recorded in history as automatic; the wait is timed by the database's clock.
 */
class AutoContractorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void contractsAfterTheDelayUnlessAnOlderInstanceComesBack(TestDatabase db) throws Exception {
        new MigrationTree(dir)
                .file("1.2", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, code varchar(20));")
                .file("1.3", "expand", "001_isbn.sql", "ALTER TABLE books ADD isbn varchar(20);")
                .file("1.3", "contract", "001_drop_code.sql", "ALTER TABLE books DROP COLUMN code;");
        DataSource ds = TestDataSources.of(db);
        String url;
        try (Connection c = ds.getConnection()) {
            url = c.getMetaData().getURL();
        }
        ConnectionSettings pool = ConnectionSettings.of(ds, url);
        Bellows bellows = new Bellows(new BellowsConfig(dir, pool, RunOptions.defaults()));
        bellows.applyAll(Release.of("1.2"));
        bellows.upgrade(Release.of("1.3"));

        AutoContractor waitAnHour = new AutoContractor(bellows.runner(), pool,
                new AutoContract(Duration.ofHours(1)), "new-1", Release.of("1.3"));

        BellowsInstance old = BellowsInstance.builder(ds, "1.2").id("old-1").shutdownHook(false).register();
        try (BellowsInstance current = BellowsInstance.builder(ds, "1.3").id("new-1").shutdownHook(false)
                .register()) {
            assertThat(waitAnHour.tick()).isEqualTo(AutoContractor.Outcome.BLOCKED);
            assertThat(bellows.pendingAutoContract()).isEmpty();

            old.close();
            Instant before = bellows.databaseNow().truncatedTo(ChronoUnit.MILLIS);
            assertThat(waitAnHour.tick()).isEqualTo(AutoContractor.Outcome.STARTED_WAIT);
            Instant after = bellows.databaseNow();
            assertThat(bellows.pendingAutoContract()).hasValueSatisfying(p -> {
                assertThat(p.release()).isEqualTo(Release.of("1.3"));
                assertThat(p.since()).isBetween(before, after);
                // since is stored rounded down, due rounded up, to the millisecond
                assertThat(Duration.between(p.since().plus(Duration.ofHours(1)), p.due()))
                        .isBetween(Duration.ZERO, Duration.ofMillis(1));
                assertThat(p.decidedBy()).isEqualTo("new-1");
            });
            assertThat(waitAnHour.tick()).isEqualTo(AutoContractor.Outcome.WAITING);

            // the old release comes back (a rollback): the wait is cancelled
            BellowsInstance back = BellowsInstance.builder(ds, "1.2").id("old-2").shutdownHook(false).register();
            assertThat(waitAnHour.tick()).isEqualTo(AutoContractor.Outcome.BLOCKED);
            assertThat(bellows.pendingAutoContract()).isEmpty();
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.3/contract'"))
                    .isZero();
            back.close();

            AutoContractor waitASecond = new AutoContractor(bellows.runner(), pool,
                    new AutoContract(Duration.ofSeconds(1)), "new-1", Release.of("1.3"));
            assertThat(waitASecond.tick()).isEqualTo(AutoContractor.Outcome.STARTED_WAIT);
            PendingContract pending = bellows.pendingAutoContract().orElseThrow();
            assertThat(runsOnlyOnceDueByTheDatabaseClock(waitASecond, bellows, pending))
                    .isEqualTo(AutoContractor.Outcome.CONTRACTED);

            assertThat(db.queryOne("SELECT message FROM bellows_schema_history WHERE migration = '1.3/contract'"))
                    .asString().startsWith("AUTOMATIC contract by instance new-1: every live instance ran 1.3");
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history "
                    + "WHERE migration = '1.3/contract/001_drop_code.sql'")).isEqualTo(1);
            assertThat(bellows.pendingAutoContract()).isEmpty();
            assertThat(waitASecond.tick()).isEqualTo(AutoContractor.Outcome.IDLE);
        }
    }

    /**
     * A database whose clock is six hours ahead of the application's (MariaDB lets a session set its own
     * time; every connection of this DataSource does): the wait starts and falls due by the database's clock,
     * which every instance shares, not by the clock of the instance that decides.
     */
    @Test
    void theWaitIsTimedByTheDatabaseClockNotTheInstancesClock() throws Exception {
        TestDatabase db = Databases.mariadb();
        new MigrationTree(dir)
                .file("1.2", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, code varchar(20));")
                .file("1.3", "contract", "001_drop_code.sql", "ALTER TABLE books DROP COLUMN code;");
        DataSource ds = aheadBy(TestDataSources.of(db), Duration.ofHours(6));
        ConnectionSettings pool = ConnectionSettings.of(ds, db.url());
        Bellows bellows = new Bellows(new BellowsConfig(dir, pool, RunOptions.defaults()));
        bellows.applyAll(Release.of("1.2"));
        bellows.upgrade(Release.of("1.3"));
        Instant databaseNow = bellows.databaseNow();
        assertThat(databaseNow).isAfter(Instant.now().plus(Duration.ofHours(5)));

        try (BellowsInstance current = BellowsInstance.builder(ds, "1.3").id("new-1").shutdownHook(false)
                .register()) {
            AutoContractor auto = new AutoContractor(bellows.runner(), pool,
                    new AutoContract(Duration.ofSeconds(2)), "new-1", Release.of("1.3"));
            assertThat(auto.tick()).isEqualTo(AutoContractor.Outcome.STARTED_WAIT);
            PendingContract pending = bellows.pendingAutoContract().orElseThrow();
            // the application's clock would have put the start six hours earlier
            assertThat(pending.since()).isAfterOrEqualTo(databaseNow.truncatedTo(ChronoUnit.SECONDS))
                    .isAfter(Instant.now().plus(Duration.ofHours(5)));
            assertThat(pending.describe(bellows.databaseNow())).contains("(in ").doesNotContain("due now");
            assertThat(runsOnlyOnceDueByTheDatabaseClock(auto, bellows, pending))
                    .isEqualTo(AutoContractor.Outcome.CONTRACTED);
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history "
                    + "WHERE migration = '1.3/contract/001_drop_code.sql'")).isEqualTo(1);
        }
    }

    /**
     * Ticks until the contract runs (or 60 s pass): while the database's time is before the due time every tick
     * waits, and once it is past, the next tick runs it. Returns the last outcome.
     */
    private static AutoContractor.Outcome runsOnlyOnceDueByTheDatabaseClock(AutoContractor auto, Bellows bellows,
                                                                           PendingContract pending)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Instant before = bellows.databaseNow();
            AutoContractor.Outcome outcome = auto.tick();
            Instant after = bellows.databaseNow();
            if (outcome == AutoContractor.Outcome.CONTRACTED) {
                assertThat(after).as("database time when the contract ran").isAfterOrEqualTo(pending.due());
                return outcome;
            }
            assertThat(outcome).isEqualTo(AutoContractor.Outcome.WAITING);
            assertThat(before).as("database time before a tick that still waited").isBefore(pending.due());
            if (System.nanoTime() > deadline) {
                return outcome;
            }
            Thread.sleep(100);
        }
    }

    /** Every connection's session clock set {@code ahead} of the real time (MariaDB's {@code SET timestamp}). */
    private static DataSource aheadBy(DataSource ds, Duration ahead) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(ds, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Connection c) {
                        try (Statement st = c.createStatement()) {
                            st.execute("SET timestamp = UNIX_TIMESTAMP() + " + ahead.toSeconds());
                        }
                    }
                    return result;
                });
    }
}
