package dev.bellows.junit;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * With {@code -Dbellows.shadow.url} the checks and hooks run on that server instead of the
 * embedded PostgreSQL: here a MariaDB for MySQL migrations. The throwaway databases are dropped when
 * the run ends.
 */
class ServerUrlTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(Settings.URL_PROPERTY);
        System.clearProperty(Settings.USER_PROPERTY);
        System.clearProperty(Settings.PASSWORD_PROPERTY);
        System.clearProperty(Settings.DIALECT_PROPERTY);
    }

    private static TestDatabase useMariaDb() {
        TestDatabase server = Databases.mariadb();
        System.setProperty(Settings.URL_PROPERTY, server.url());
        System.setProperty(Settings.USER_PROPERTY, server.user());
        System.setProperty(Settings.PASSWORD_PROPERTY, server.password());
        return server;
    }

    /** What docs/integrations.md promises: the same test, pointed at MariaDB by -Dbellows.shadow.url alone. */
    @Test
    void withoutADialectTheServerUrlGivesIt() {
        useMariaDb();
        var results = Samples.testKit().selectors(selectClass(Samples.DialectFromTheUrl.class)).execute();
        Events events = results.testEvents();
        assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
        assertThat(events.succeeded().count()).isEqualTo(5);
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("lint (mysql)");
    }

    @Test
    void anExplicitDialectMustMatchTheServerOrBeOverriddenByAProperty() {
        useMariaDb();
        var refused = Samples.testKit().selectors(selectClass(Samples.ExplicitPostgresql.class)).execute();
        String why = refused.allEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage())
                .findFirst().orElseThrow(() -> new AssertionError("nothing failed"));
        assertThat(why).contains("@BellowsMigrations(dialect = \"postgresql\") does not match the database server",
                "which is mysql", "-Dbellows.shadow.dialect=mysql");

        System.setProperty(Settings.DIALECT_PROPERTY, "mysql");
        Events events = Samples.testKit().selectors(selectClass(Samples.ExplicitPostgresql.class)).execute()
                .testEvents();
        assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
        assertThat(events.succeeded().count()).isEqualTo(5);
    }

    @Test
    void mysqlMigrationsAreCheckedOnTheNamedServerAndItsDatabasesDroppedAfterwards() throws Exception {
        TestDatabase server = Databases.mariadb();
        System.setProperty(Settings.URL_PROPERTY, server.url());
        System.setProperty(Settings.USER_PROPERTY, server.user());
        System.setProperty(Settings.PASSWORD_PROPERTY, server.password());

        Events events = Samples.testKit().selectors(selectClass(Samples.MysqlOnAServer.class))
                .execute().testEvents();

        assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
        assertThat(events.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("1.0/expand/001_create_accounts.sql", "1.1/expand/001_add_accounts_name.sql",
                        "1.1/contract/001_drop_accounts_legacy_flag.sql", "release 1.0 (the first)",
                        "release 1.1 after 1.0", "afterExpandKeepsTheOldColumn(BellowsDatabase)",
                        "afterContractTheOldColumnIsGone(BellowsDatabase)");
        assertThat(server.count("SELECT count(*) FROM information_schema.schemata "
                + "WHERE schema_name LIKE 'bellows\\\\_%'"))
                .as("throwaway databases dropped").isZero();
    }
}
