package dev.bellows.instances;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.RefusedException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole rolling upgrade through the runner, with the markers the runner itself writes: the
 * startup guard lets each release start only on a schema that serves it, and contract waits for
 * the old instances to deregister or expire.
 */
class ContractGateTest {

    @TempDir
    Path dir;

    private Bellows bellows(TestDatabase db) {
        new MigrationTree(dir)
                .file("1.0", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, code varchar(20));")
                .file("1.1", "expand", "001_isbn.sql", "ALTER TABLE books ADD isbn varchar(20);")
                .file("1.1", "contract", "001_drop_code.sql", "ALTER TABLE books DROP COLUMN code;");
        RunOptions options = RunOptions.defaults().withContractGuard(new LiveInstancesGuard(), false);
        return new Bellows(new BellowsConfig(dir, new ConnectionSettings(db.url(), db.user(), db.password()),
                options));
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aRollingUpgradeFromOneReleaseToTheNext(TestDatabase db) throws Exception {
        Bellows bellows = bellows(db);
        DataSource ds = TestDataSources.of(db);
        Release v11 = Release.of("1.1");

        assertThatThrownBy(() -> BellowsInstance.register(ds, "1.0")).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("bellows expand --to 1.0");
        bellows.upgrade(Release.of("1.0"));
        BellowsInstance old = BellowsInstance.builder(ds, "1.0").id("old").ttl(Duration.ofSeconds(5))
                .heartbeatInterval(Duration.ofSeconds(1)).register();

        assertThatThrownBy(() -> BellowsInstance.register(ds, "1.1")).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("expanded only up to release 1.0");
        bellows.upgrade(v11);
        try (BellowsInstance current = BellowsInstance.builder(ds, "1.1").id("new").register()) {
            assertThatThrownBy(() -> bellows.contract(v11)).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("instance old (host ")
                    .hasMessageContaining("runs release 1.0, last heartbeat")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("instance new"));
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.1/contract'"))
                    .as("nothing contracted").isZero();

            old.close();
            bellows.contract(v11);
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.1/contract'"))
                    .isEqualTo(1);

            assertThatThrownBy(() -> BellowsInstance.register(ds, "1.0"))
                    .isInstanceOfSatisfying(StartupRefusedException.class, e -> assertThat(e.refusal().reason())
                            .isEqualTo(StartupRefusal.Reason.CONTRACTED_PAST))
                    .hasMessageContaining("the schema was contracted for release 1.1");
            assertThat(current.consecutiveFailures()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void contractIsAllowedOnceASilentOldInstanceExpires(TestDatabase db) throws Exception {
        Bellows bellows = bellows(db);
        Release v11 = Release.of("1.1");
        bellows.upgrade(v11);
        InstanceRegistry registry = new InstanceRegistry(db.dialect());
        try (Connection c = db.connect()) {
            // a 1.0 instance that crashed without deregistering: no heartbeats after this one
            registry.register(c, Registration.of(Release.of("1.0")).withId("crashed").withTtl(Duration.ofSeconds(1)));
        }
        assertThatThrownBy(() -> bellows.contract(v11)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("instance crashed");
        Thread.sleep(1200);
        bellows.contract(v11);
        assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.1/contract'"))
                .isEqualTo(1);
    }
}
