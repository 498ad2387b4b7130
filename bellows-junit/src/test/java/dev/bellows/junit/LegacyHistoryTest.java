package dev.bellows.junit;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

import static dev.bellows.junit.BellowsMigrationTestsTest.failure;
import static dev.bellows.junit.BellowsMigrationTestsTest.message;
import static dev.bellows.junit.BellowsMigrationTestsTest.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension on a project with a legacy history ({@link LegacySamples}): every fresh database is built by the
 * real Flyway (or Liquibase) first, Bellows records the baseline at legacy.release, and only the releases after it
 * are applied and checked; ${name} placeholders in Bellows' files are replaced, an undefined one fails the class.
 * On the test suite's embedded PostgreSQL and MariaDB, through {@code bellows.shadow.url}.
 */
class LegacyHistoryTest {

    /** The checks of release 1.1 and the hooks; never the stale 1.0 copy, which the legacy history stands for. */
    private static final String[] FLYWAY_TESTS = {"1.1/expand/001_support.sql", "1.1/contract/001_drop_fax.sql",
            "release 1.1 after 1.0", "theLegacyReleaseIsWhatFlywayBuilt(BellowsDatabase)",
            "theFirstBellowsReleaseExpandsTheLegacySchema(BellowsDatabase)",
            "afterItsContractTheFaxIsGone(BellowsDatabase)"};

    @AfterEach
    void clearProperties() {
        System.clearProperty(Settings.URL_PROPERTY);
        System.clearProperty(Settings.USER_PROPERTY);
        System.clearProperty(Settings.PASSWORD_PROPERTY);
    }

    private static void use(TestDatabase server) {
        System.setProperty(Settings.URL_PROPERTY, server.url());
        System.setProperty(Settings.USER_PROPERTY, server.user());
        System.setProperty(Settings.PASSWORD_PROPERTY, server.password());
    }

    private static EngineExecutionResults run(Class<?> sample) {
        return Samples.testKit().selectors(selectClass(sample)).execute();
    }

    @Test
    void flywayBuildsEveryFreshDatabaseOnPostgresql() {
        use(Databases.postgres());
        Events events = run(LegacySamples.Flyway.class).testEvents();
        assertThat(events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e)))
                .isEmpty();
        assertThat(names(events.succeeded())).containsExactlyInAnyOrder(FLYWAY_TESTS);
    }

    @Test
    void flywayBuildsEveryFreshDatabaseOnMariadb() {
        use(Databases.mariadb());
        Events events = run(LegacySamples.Flyway.class).testEvents();
        assertThat(events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e)))
                .isEmpty();
        assertThat(names(events.succeeded())).containsExactlyInAnyOrder(FLYWAY_TESTS);
    }

    @Test
    void theLegacyHistoryAndPlaceholdersComeFromTheSettingsFile() {
        use(Databases.postgres());
        Events events = run(LegacySamples.FlywayFromTheSettingsFile.class).testEvents();
        assertThat(events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e)))
                .isEmpty();
        assertThat(names(events.succeeded())).containsExactlyInAnyOrder("1.1/expand/001_support.sql",
                "1.1/contract/001_drop_fax.sql", "release 1.1 after 1.0", "builtByFlyway(BellowsDatabase)");
    }

    @Test
    void liquibaseBuildsEveryFreshDatabaseOnPostgresql() {
        use(Databases.postgres());
        Events events = run(LegacySamples.Liquibase.class).testEvents();
        assertThat(events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e)))
                .isEmpty();
        assertThat(names(events.succeeded())).containsExactlyInAnyOrder("1.1/expand/001_support.sql",
                "1.1/contract/001_drop_fax.sql", "release 1.1 after 1.0",
                "theLegacyReleaseIsWhatLiquibaseBuilt(BellowsDatabase)",
                "afterContractOfTheFirstBellowsRelease(BellowsDatabase)");
    }

    /** Verify runs 1.1 on the schema Flyway built: the drop of a column its R__ view reads is refused there. */
    @Test
    void aReleaseAfterTheLegacyHistoryIsJudgedAgainstWhatTheLegacyHistoryBuilt() {
        use(Databases.postgres());
        Events events = run(LegacySamples.UnsafeAfterFlyway.class).testEvents();
        assertThat(names(events.failed())).containsExactly("release 1.1 after 1.0");
        assertThat(failure(events, "release 1.1 after 1.0")).contains("001_drop_email.sql", "customer_emails");
    }

    @Test
    void aHookInsideTheLegacyHistorySaysItIsBuiltWhole() {
        use(Databases.postgres());
        Events events = run(LegacySamples.HookInsideTheLegacyHistory.class).testEvents();
        assertThat(failure(events, "expandOfTheLegacyRelease(BellowsDatabase)")).contains(
                "release 1.0 is part of the legacy Flyway history (legacy.release 1.0)",
                "use afterContract(\"1.0\") for the schema the legacy history builds");
    }

    @Test
    void anUndefinedPlaceholderFailsTheClassNamingFileLineAndWhereToDefineIt() {
        use(Databases.postgres());
        EngineExecutionResults results = run(LegacySamples.UndefinedPlaceholder.class);
        assertThat(results.testEvents().succeeded().count()).isZero();
        assertThat(results.allEvents().failed().stream().map(BellowsMigrationTestsTest::message).toList())
                .singleElement().asString()
                .contains("001_support.sql: line 1: placeholder ${support_mailbox} has no value",
                        "@BellowsMigrations(placeholders = \"support_mailbox=VALUE\")",
                        "placeholders: in bellows.yaml", "BELLOWS_PLACEHOLDERS_SUPPORT_MAILBOX");
    }
}
