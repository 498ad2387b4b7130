package dev.bellows.instances;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.model.Release;
import dev.bellows.run.RunOptions;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code contract=auto} against a real database, through the application's DataSource: the wait is
 * stored where {@code status} reads it, an older instance cancels it, and the contract that runs is
 * recorded in history as automatic.
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

        AutoContractTest.MutableClock clock = new AutoContractTest.MutableClock(Instant.parse("2026-12-07T04:00:00Z"));
        AutoContractor auto = new AutoContractor(bellows.runner(), pool,
                new AutoContract(Duration.ofMinutes(10), clock), "new-1", Release.of("1.3"));

        BellowsInstance old = BellowsInstance.builder(ds, "1.2").id("old-1").shutdownHook(false).register();
        try (BellowsInstance current = BellowsInstance.builder(ds, "1.3").id("new-1").shutdownHook(false)
                .register()) {
            assertThat(auto.tick()).isEqualTo(AutoContractor.Outcome.BLOCKED);
            assertThat(bellows.pendingAutoContract()).isEmpty();

            old.close();
            assertThat(auto.tick()).isEqualTo(AutoContractor.Outcome.STARTED_WAIT);
            assertThat(bellows.pendingAutoContract()).hasValueSatisfying(p -> {
                assertThat(p.release()).isEqualTo(Release.of("1.3"));
                assertThat(p.due()).isEqualTo(Instant.parse("2026-12-07T04:10:00Z"));
                assertThat(p.decidedBy()).isEqualTo("new-1");
            });

            // the old release comes back (a rollback): the wait is cancelled
            BellowsInstance back = BellowsInstance.builder(ds, "1.2").id("old-2").shutdownHook(false).register();
            clock.now = Instant.parse("2026-12-07T04:20:00Z");
            assertThat(auto.tick()).isEqualTo(AutoContractor.Outcome.BLOCKED);
            assertThat(bellows.pendingAutoContract()).isEmpty();
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.3/contract'"))
                    .isZero();
            back.close();

            assertThat(auto.tick()).isEqualTo(AutoContractor.Outcome.STARTED_WAIT);
            clock.now = Instant.parse("2026-12-07T04:29:59Z");
            assertThat(auto.tick()).isEqualTo(AutoContractor.Outcome.WAITING);
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.3/contract'"))
                    .isZero();
            clock.now = Instant.parse("2026-12-07T04:30:00Z");
            assertThat(auto.tick()).isEqualTo(AutoContractor.Outcome.CONTRACTED);

            assertThat(db.queryOne("SELECT message FROM bellows_schema_history WHERE migration = '1.3/contract'"))
                    .asString().startsWith("AUTOMATIC contract by instance new-1: every live instance ran 1.3");
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history "
                    + "WHERE migration = '1.3/contract/001_drop_code.sql'")).isEqualTo(1);
            assertThat(bellows.pendingAutoContract()).isEmpty();
            assertThat(auto.tick()).isEqualTo(AutoContractor.Outcome.IDLE);
        }
    }
}
