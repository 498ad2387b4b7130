package dev.bellows.junit;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs test classes that use {@link BellowsMigrationTests} on purpose-built migrations (see
 * {@link Samples}) and checks which dynamic tests pass, fail or are aborted, and what the failures say.
 * To save an embedded server start per run, the samples use the test suite's PostgreSQL server
 * through {@code bellows.shadow.url} (the embedded default is what {@link BookshopMigrationsTest}
 * and {@link PhaseHooksTest} use).
 */
class BellowsMigrationTestsTest {

    @BeforeAll
    static void useTheSharedServer() {
        TestDatabase db = Databases.postgres();
        System.setProperty(Settings.URL_PROPERTY, db.url());
        System.setProperty(Settings.USER_PROPERTY, db.user());
        System.setProperty(Settings.PASSWORD_PROPERTY, db.password());
    }

    @AfterAll
    static void clearProperties() {
        System.clearProperty(Settings.URL_PROPERTY);
        System.clearProperty(Settings.USER_PROPERTY);
        System.clearProperty(Settings.PASSWORD_PROPERTY);
    }

    static Events run(Class<?> testClass) {
        return Samples.testKit().selectors(selectClass(testClass)).execute().testEvents();
    }

    static List<String> names(Events events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    }

    static String failure(Events events, String name) {
        return message(events.failed().stream().filter(e -> e.getTestDescriptor().getDisplayName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " did not fail; failed: "
                        + names(events.failed()))));
    }

    /** The names of the tests in a container whose name starts with {@code container} ("lint", "applies"). */
    static List<String> names(Events events, String container) {
        return events.stream().filter(e -> e.getTestDescriptor().getParent()
                        .map(p -> p.getDisplayName().startsWith(container)).orElse(false))
                .map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    /** The failure or abort message of the first event of {@code container}. */
    static String firstMessage(Events events, String container) {
        return message(events.stream().filter(e -> e.getTestDescriptor().getParent()
                .map(p -> p.getDisplayName().startsWith(container)).orElse(false)).findFirst().orElseThrow());
    }

    @Test
    void aDroppedColumnFailsItsFilesLintTestThoughItApplies() {
        Events events = run(Samples.Unsafe.class);
        assertThat(names(events.failed())).containsExactly("1.1/expand/001_drop_accounts_nickname.sql");
        assertThat(failure(events, "1.1/expand/001_drop_accounts_nickname.sql"))
                .startsWith("lint found 1 problem:\n")
                .containsPattern("001_drop_accounts_nickname\\.sql:1:\\d+: error\\[expand-drop-column\\] ")
                .contains("accounts.nickname", "contract");
        assertThat(events.succeeded().count()).isEqualTo(7); // 3 other files' lint tests, 4 apply tests
    }

    @Test
    void releasesUpToTheCutOverAreAppliedButNotChecked() {
        Events events = run(Samples.UnsafeBeforeTheCutOver.class);
        assertThat(names(events.started())).containsExactly("1.2/expand/001_add_accounts_city.sql",
                "1.2/expand/001_add_accounts_city.sql");
        assertThat(events.failed().count()).isZero();
    }

    @Test
    void waiversPassUnlessTheyAreNotAllowedAndThenTheFailureSaysWhy() {
        Events waived = run(Samples.Waived.class);
        assertThat(waived.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e)))
                .isEmpty();

        Events events = run(Samples.WaivedWithoutWaivers.class);
        assertThat(names(events.failed())).containsExactly("1.1/migrate/001_fill_accounts_name.sql");
        assertThat(failure(events, "1.1/migrate/001_fill_accounts_name.sql")).contains("error[migrate-unbounded-dml]",
                "(waived: accounts holds a handful of rows — but waivers are not allowed here: "
                        + "@BellowsMigrations(allowWaivers = false))");
    }

    @Test
    void theMigrationThatDoesNotApplyFailsNamingFileAndLineAndLaterOnesAreNotChecked() {
        Events events = run(Samples.Broken.class);
        assertThat(names(events.succeeded(), "applies")).containsExactly("1.0/expand/001_create_accounts.sql",
                "1.1/expand/001_add_accounts_name.sql");
        assertThat(names(events.failed(), "applies")).containsExactly("1.1/expand/002_index_missing_column.sql");
        assertThat(firstMessage(events.failed(), "applies"))
                .contains("002_index_missing_column.sql:2:1: statement failed", "nickname");
        assertThat(names(events.aborted(), "applies")).containsExactly("1.1/expand/003_add_accounts_phone.sql",
                "1.1/contract/001_drop_accounts_email.sql", "1.2/expand/001_add_accounts_city.sql");
        assertThat(firstMessage(events.aborted(), "applies")).startsWith("not applied: an earlier migration failed: ");
    }

    @Test
    void mysqlWithoutAServerLintsButCannotApplyAndSaysWhatToSet() {
        clearProperties();
        Events events;
        try {
            events = run(Samples.MysqlWithoutServer.class);
        } finally {
            useTheSharedServer();
        }
        assertThat(names(events.failed(), "applies")).hasSize(6);
        assertThat(firstMessage(events.failed(), "applies"))
                .contains("dialect mysql needs a database server", "-Dbellows.shadow.url=");
        assertThat(names(events.succeeded(), "lint")).contains("1.0/expand/001_create_accounts.sql");
    }

    @Test
    void aMissingLocationIsOneClearFailure() {
        Events all = Samples.testKit().selectors(selectClass(Samples.MissingLocation.class))
                .execute().containerEvents();
        assertThat(all.failed().stream().map(BellowsMigrationTestsTest::message).toList()).singleElement()
                .asString().contains("no/such/dir", "is not a directory");
    }
}
