package dev.bellows.bench.scenario;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario at a small size on both databases (the full size runs from {@link ScenarioBench}):
 * the Bellows way fails no request and leaves every row right for release 2.0; the naive way fails
 * requests where it really breaks the running release (an incompatible schema), not where it only
 * blocks (that needs a table big enough to outlast the request timeout).
 */
class ScenarioHarnessTest {

    /** Where the naive way breaks release 1.0 or 2.0 outright on that database, at any size. */
    private static final Set<String> NAIVE_BREAKS = Set.of(
            "postgresql/add-not-null-column", "mariadb/add-not-null-column",
            "postgresql/rename-column", "mariadb/rename-column",
            "postgresql/rename-table", "mariadb/rename-table",
            "postgresql/split-column", "mariadb/split-column");

    private static final ScenarioRun.Settings SMALL = new ScenarioRun.Settings(2_000, 16, 4, 800, 400, 2_000);

    static Stream<Arguments> cases() {
        return Stream.of(Target.values()).flatMap(t -> Scenarios.all().stream().filter(s -> s.unsupported(t) == null).map(s -> Arguments.of(t, s.id())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theBellowsWayFailsNoRequest(Target target, String scenario) throws Exception {
        ScenarioRun.Result r = new ScenarioRun(target, server(target), SMALL, line -> { })
                .run(Scenarios.named(scenario), "x");
        ScenarioBench.print(r);
        assertThat(r.bellows().failed()).as("Bellows way: " + r.bellows().latencies().errorSamples()).isZero();
        assertThat(r.bellows().requests()).isGreaterThan(500);
        assertThat(r.wrongRows()).isZero();
        if (NAIVE_BREAKS.contains(target.id() + "/" + scenario)) {
            // failed requests, or (MariaDB: DDL is not transactional) a migration that fails half-way
            assertThat(r.naive().failed() > 0 || r.naive().migrationError() != null)
                    .as("the naive way breaks a running release or itself").isTrue();
        }
    }

    private static Target.Server server(Target target) {
        return new Target.Server() {
            @Override
            public ConnectionSettings create(String name) {
                TestDatabase db = target == Target.POSTGRESQL ? Databases.postgres() : Databases.mariadb();
                return new ConnectionSettings(db.url(), db.user(), db.password());
            }

            @Override
            public String version() {
                return target.id();
            }

            @Override
            public void close() {
            }
        };
    }
}
