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

    /** The database-aware lint: with production table sizes, a blocking index on a small table is a warning. */
    @Test
    void tableSizesFromProductionDecideWhetherALockFailsTheLintTest() {
        String file = "1.1/expand/001_tags_name.sql";
        assertThat(names(run(Samples.Locking.class).failed())).contains(file);
        assertThat(names(run(Samples.LockingOnASmallTable.class).failed())).doesNotContain(file);
        Events big = run(Samples.LockingOnABigTable.class);
        assertThat(failure(big, file)).contains("pg-create-index-not-concurrently", "tags has about 2,500,000 rows",
                "700 MB", "estimated lock time");
    }

    @Test
    void aDroppedColumnFailsItsFilesLintTestAndItsReleasesVerifyTest(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path reports) {
        System.setProperty(HtmlReportFile.DIR_PROPERTY, reports.toString());
        Events events;
        try {
            events = run(Samples.Unsafe.class);
        } finally {
            System.clearProperty(HtmlReportFile.DIR_PROPERTY);
        }
        assertThat(reports.toFile().list()).as("the verify run is written as an HTML page").hasSize(1);
        assertThat(reports.resolve(reports.toFile().list()[0])).content()
                .contains("verify-dropped-column", "001_drop_accounts_nickname.sql");
        assertThat(names(events.failed())).containsExactly("1.1/expand/001_drop_accounts_nickname.sql",
                "release 1.1 after 1.0");
        assertThat(failure(events, "1.1/expand/001_drop_accounts_nickname.sql"))
                .startsWith("lint found 1 problem:\n")
                .containsPattern("001_drop_accounts_nickname\\.sql:1:\\d+: error\\[expand-drop-column\\] ")
                .contains("accounts.nickname", "contract");
        assertThat(failure(events, "release 1.1 after 1.0"))
                .startsWith("verify found 1 problem:\n")
                .contains("001_drop_accounts_nickname.sql:1:1: error[verify-dropped-column]", "accounts.nickname");
        assertThat(names(events.succeeded())).containsExactly("1.0/expand/001_create_accounts.sql",
                "1.1/expand/002_add_accounts_name.sql", "1.2/expand/001_add_accounts_city.sql",
                "release 1.0 (the first)", "release 1.2 after 1.1");
    }

    @Test
    void releasesUpToTheCutOverAreAppliedButNotChecked() {
        Events events = run(Samples.UnsafeBeforeTheCutOver.class);
        assertThat(names(events.started())).containsExactly("1.2/expand/001_add_accounts_city.sql",
                "release 1.2 after 1.1");
        assertThat(events.failed().count()).isZero();
    }

    @Test
    void waiversPassUnlessTheyAreNotAllowedAndThenTheFailureSaysWhy() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        Events waived;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            waived = run(Samples.Waived.class);
        } finally {
            System.setOut(stdout);
        }
        assertThat(waived.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e)))
                .isEmpty();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).as("warnings are printed, not failed")
                .containsPattern("lint: \\S*001_create_audit\\.sql:2:1: warning\\[contract-addition\\]");

        Events events = run(Samples.WaivedWithoutWaivers.class);
        assertThat(names(events.failed())).containsExactly("1.1/migrate/001_fill_accounts_name.sql");
        assertThat(failure(events, "1.1/migrate/001_fill_accounts_name.sql")).contains("error[migrate-unbounded-dml]",
                "(waived: accounts holds a handful of rows — but waivers are not allowed here: "
                        + "@BellowsMigrations(allowWaivers = false))");
    }

    @Test
    void aMigrationThatDoesNotApplyFailsItsReleaseAndLaterReleasesAreNotVerified() {
        Events events = run(Samples.Broken.class);
        assertThat(failure(events, "release 1.1 after 1.0"))
                .contains("002_index_missing_column.sql:2:1: error[verify-failed]", "nickname");
        assertThat(names(events.aborted())).containsExactly("release 1.2 after 1.1");
        assertThat(message(events.aborted().stream().findFirst().orElseThrow()))
                .contains("not verified: ", "001_add_accounts_city.sql did not run",
                        "verification stopped at ", "002_index_missing_column.sql");
    }

    /**
     * A migration at or before since is not checked, but when it does not apply nothing after it can be
     * verified: the first checked release fails with its file, line and the database's message (never a green
     * build with aborted tests).
     */
    @Test
    void aMigrationBeforeTheCutOverThatDoesNotApplyFailsTheFirstCheckedRelease() {
        Events events = run(Samples.BrokenBeforeTheCutOver.class);
        assertThat(names(events.failed())).containsExactly("release 1.2 after 1.1");
        assertThat(failure(events, "release 1.2 after 1.1"))
                .startsWith("not verifiable: a migration at or before since = 1.1 does not apply")
                .contains("002_index_missing_column.sql:2:1: error[verify-failed]", "nickname", "does not exist");
        assertThat(names(events.aborted())).isEmpty();
        assertThat(names(events.succeeded())).containsExactly("1.2/expand/001_add_accounts_city.sql");
    }

    @Test
    void mysqlWithoutAServerLintsButCannotVerifyAndSaysWhatToSet() {
        clearProperties();
        Events events;
        try {
            events = run(Samples.MysqlWithoutServer.class);
        } finally {
            useTheSharedServer();
        }
        assertThat(names(events.failed())).contains("release 1.0 (the first)", "release 1.1 after 1.0");
        assertThat(failure(events, "release 1.0 (the first)"))
                .contains("dialect mysql needs a database server", "-Dbellows.shadow.url=");
        assertThat(names(events.succeeded())).contains("1.0/expand/001_create_accounts.sql");
    }

    @Test
    void anUnreachableServerFailsTheVerifyTestsSayingWhatToCheck() {
        System.setProperty(Settings.URL_PROPERTY, "jdbc:postgresql://127.0.0.1:1/nothing");
        Events events;
        try {
            events = run(Samples.Unsafe.class);
        } finally {
            useTheSharedServer();
        }
        assertThat(names(events.failed())).contains("release 1.0 (the first)", "release 1.1 after 1.0",
                "release 1.2 after 1.1");
        assertThat(failure(events, "release 1.2 after 1.1")).contains("cannot connect to "
                + "jdbc:postgresql://127.0.0.1:1/nothing", "-Dbellows.shadow.url, -Dbellows.shadow.user");
    }

    @Test
    void aFlywayFolderIsCheckedFileByFileEachFileItsOwnRelease() {
        Events events = run(Samples.Flyway.class);
        assertThat(names(events.failed())).containsExactlyInAnyOrder("3/expand/V3__drop_accounts_nickname.sql",
                "release 3 after 2", "hooksNeedTheLayout(DataSource)");
        assertThat(failure(events, "3/expand/V3__drop_accounts_nickname.sql")).contains("error[expand-drop-column]");
        assertThat(failure(events, "release 3 after 2")).contains("error[verify-dropped-column]");
        assertThat(failure(events, "hooksNeedTheLayout(DataSource)"))
                .contains("the phase hooks need the release/phase layout");
        assertThat(names(events.succeeded())).contains("4/contract/V4__drop_accounts_email.sql", "release 4 after 3");
    }

    @Test
    void aMissingLocationIsOneClearFailure() {
        Events all = Samples.testKit().selectors(selectClass(Samples.MissingLocation.class))
                .execute().containerEvents();
        assertThat(all.failed().stream().map(BellowsMigrationTestsTest::message).toList()).singleElement()
                .asString().contains("no/such/dir", "is not a directory");
    }
}
