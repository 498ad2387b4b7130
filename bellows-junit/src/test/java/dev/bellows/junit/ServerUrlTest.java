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
