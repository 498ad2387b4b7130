package dev.bellows.junit;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs test classes that use {@link BellowsMigrationTests} on purpose-built migrations and checks
 * which dynamic tests pass, fail or are aborted, and what the failures say.
 */
class BellowsMigrationTestsTest {

    static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    static List<String> names(Events events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    @Test
    void eachMigrationIsATestAndTheOneThatDoesNotApplyFailsNamingFileAndLine() {
        Events events = run(Samples.Broken.class);
        assertThat(names(events.succeeded())).containsExactly("1.0/expand/001_create_accounts.sql",
                "1.1/expand/001_add_accounts_name.sql");
        assertThat(names(events.failed())).containsExactly("1.1/expand/002_index_missing_column.sql");
        Throwable failure = events.failed().stream().findFirst().orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("002_index_missing_column.sql:2:1: statement failed")
                .hasMessageContaining("nickname");
        assertThat(names(events.aborted())).containsExactly("1.1/expand/003_add_accounts_phone.sql",
                "1.1/contract/001_drop_accounts_email.sql", "1.2/expand/001_add_accounts_city.sql");
    }

    @Test
    void releasesUpToTheCutOverAreNotChecked() {
        Events events = run(Samples.BrokenBeforeTheCutOver.class);
        assertThat(names(events.started())).containsExactly("1.2/expand/001_add_accounts_city.sql");
        // 1.1 does not apply, so 1.2 cannot be checked: it says why instead of passing.
        assertThat(names(events.aborted())).containsExactly("1.2/expand/001_add_accounts_city.sql");
    }

    @Test
    void mysqlWithoutAServerFailsSayingWhatToSet() {
        Events events = run(Samples.MysqlWithoutServer.class);
        assertThat(events.failed().count()).isEqualTo(6);
        assertThat(message(events.failed().stream().findFirst().orElseThrow()))
                .contains("dialect mysql needs a database server", "-Dbellows.shadow.url=");
    }

    @Test
    void aMissingLocationIsOneClearFailure() {
        Events all = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Samples.MissingLocation.class)).execute()
                .containerEvents();
        assertThat(all.failed().stream().map(MigrationChecksMessages::of).toList()).singleElement().asString()
                .contains("no/such/dir", "is not a directory");
    }

    static String message(Event event) {
        return MigrationChecksMessages.of(event);
    }

    /** The failure message of an event. */
    static final class MigrationChecksMessages {
        static String of(Event event) {
            return event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                    .getThrowable().orElseThrow().getMessage();
        }
    }
}
