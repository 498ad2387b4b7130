package dev.bellows.instances;

import dev.bellows.history.HistoryTable;
import dev.bellows.model.Release;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StartupGuardTest {

    private static Optional<StartupRefusal> check(TestDatabase db, String release) throws Exception {
        try (Connection c = db.connect()) {
            return new StartupGuard(db.dialect()).check(c, Release.of(release));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void nothingAppliedMeansNotExpanded(TestDatabase db) throws Exception {
        StartupRefusal r = check(db, "1.0").orElseThrow();
        assertThat(r.reason()).isEqualTo(StartupRefusal.Reason.NOT_EXPANDED);
        assertThat(r.newestExpanded()).isEmpty();
        assertThat(r.message()).contains("has not been expanded for any release yet", "bellows expand --to 1.0");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aReleaseNeedsItsExpandPhase(TestDatabase db) throws Exception {
        Markers.expanded(db, "1.0");
        Markers.expanded(db, "1.9");
        Markers.complete(db, "1.9", "migrate");

        StartupRefusal r = check(db, "1.10").orElseThrow();
        assertThat(r.reason()).isEqualTo(StartupRefusal.Reason.NOT_EXPANDED);
        assertThat(r.newestExpanded()).contains(Release.of("1.9"));
        assertThat(r.message()).isEqualTo("release 1.10 cannot start: the database schema is expanded only up to "
                + "release 1.9. Run `bellows expand --to 1.10` first.");
        assertThat(check(db, "1.9")).isEmpty();
        assertThat(check(db, "1.8")).as("an older release runs on an expanded schema").isEmpty();

        Markers.expanded(db, "1.10");
        assertThat(check(db, "1.10")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aContractForANewerReleaseShutsOutOlderReleases(TestDatabase db) throws Exception {
        Markers.expanded(db, "1.1");
        Markers.expanded(db, "1.2");
        Markers.complete(db, "1.2", "migrate");
        Markers.complete(db, "1.2", "contract");

        StartupRefusal r = check(db, "1.1").orElseThrow();
        assertThat(r.reason()).isEqualTo(StartupRefusal.Reason.CONTRACTED_PAST);
        assertThat(r.newestContracted()).contains(Release.of("1.2"));
        assertThat(r.message()).contains("the schema was contracted for release 1.2",
                "release 1.1 can no longer run against it", "Deploy release 1.2 or newer");
        assertThat(check(db, "1.2")).as("contract(1.2) only removes what releases before 1.2 needed").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void onlyCompletedMarkersCount(TestDatabase db) throws Exception {
        Markers.expanded(db, "1.0");
        // a file row of 1.1 (not a marker) and a failed marker do not make 1.1 expanded
        db.execute("INSERT INTO " + db.dialect().quote(HistoryTable.NAME)
                        + " (migration, release_name, phase, file_name, checksum, statements_total, started_at,"
                        + " outcome, applied_by, host) VALUES ('1.1/expand/001_a.sql', '1.1', 'expand', '001_a.sql',"
                        + " 'x', 1, CURRENT_TIMESTAMP, 'success', 't', 't')",
                "INSERT INTO " + db.dialect().quote(HistoryTable.NAME)
                        + " (migration, release_name, phase, file_name, checksum, statements_total, started_at,"
                        + " outcome, applied_by, host) VALUES ('1.1/expand', '1.1', 'expand', '', '', 0,"
                        + " CURRENT_TIMESTAMP, 'failed', 't', 't')");
        assertThat(check(db, "1.1")).get().extracting(StartupRefusal::reason)
                .isEqualTo(StartupRefusal.Reason.NOT_EXPANDED);
    }
}
