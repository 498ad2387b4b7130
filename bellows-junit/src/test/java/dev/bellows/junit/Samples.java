package dev.bellows.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test classes that use the extension on purpose-built migrations, several meant to fail. They run
 * only through the JUnit test kit with {@link #RUN} set ({@link BellowsMigrationTestsTest}); anywhere
 * else (an IDE, {@code -Dtest=...}) they are disabled.
 */
final class Samples {

    static final String RUN = "bellows.samples";

    private Samples() {
    }

    /** The JUnit test kit, set to run the samples. */
    static org.junit.platform.testkit.engine.EngineTestKit.Builder testKit() {
        return org.junit.platform.testkit.engine.EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RUN, "true");
    }

    /** Runs tests of a sample only when the test kit sets {@link #RUN}. */
    static final class OnlyThroughTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(RUN).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the test kit")
                    : ConditionEvaluationResult.disabled("a sample that BellowsMigrationTestsTest runs");
        }
    }

    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/broken")
    static class Broken implements BellowsMigrationTests {
    }

    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/broken", startAfter = "1.1")
    static class BrokenBeforeTheCutOver implements BellowsMigrationTests {
    }

    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/locking")
    static class Locking implements BellowsMigrationTests {
    }

    @BellowsMigrations(location = "classpath:migrations/locking", lintStats = "src/test/resources/lint-stats/small.tsv")
    static class LockingOnASmallTable implements BellowsMigrationTests {
    }

    @BellowsMigrations(location = "classpath:migrations/locking", lintStats = "src/test/resources/lint-stats/big.tsv")
    static class LockingOnABigTable implements BellowsMigrationTests {
    }

    @BellowsMigrations(location = "classpath:migrations/unsafe")
    static class Unsafe implements BellowsMigrationTests {
    }

    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/unsafe", since = "1.1")
    static class UnsafeBeforeTheCutOver implements BellowsMigrationTests {
    }

    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/waived")
    static class Waived implements BellowsMigrationTests {
    }

    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/waived", allowWaivers = false)
    static class WaivedWithoutWaivers implements BellowsMigrationTests {
    }

    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/broken", dialect = "mysql")
    static class MysqlWithoutServer implements BellowsMigrationTests {
    }

    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "no/such/dir")
    static class MissingLocation implements BellowsMigrationTests {
    }

    /** MySQL migrations on the server named by -Dbellows.shadow.url, with a phase hook. */
    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/mysql", dialect = "mysql")
    static class MysqlOnAServer implements BellowsMigrationTests {

        @org.junit.jupiter.api.Test
        void afterExpandKeepsTheOldColumn(@AfterExpand("1.1") BellowsDatabase db) throws Exception {
            try (var c = db.connect(); var st = c.createStatement()) {
                st.execute("INSERT INTO accounts (id, email, legacy_flag, name) VALUES (1, 'a@example.org', 1, 'A')");
            }
        }

        @org.junit.jupiter.api.Test
        void afterContractTheOldColumnIsGone(@AfterContract("1.1") BellowsDatabase db) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                try (var c = db.connect(); var st = c.createStatement()) {
                    st.execute("INSERT INTO accounts (id, email, legacy_flag) VALUES (1, 'a@example.org', 1)");
                }
            }).hasMessageContaining("legacy_flag");
        }
    }

    /** The same MySQL migrations without a dialect: it comes from the server's URL. */
    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/mysql")
    static class DialectFromTheUrl implements BellowsMigrationTests {
    }

    /** An explicit dialect that the server named by -Dbellows.shadow.url may contradict. */
    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/mysql", dialect = "postgresql")
    static class ExplicitPostgresql implements BellowsMigrationTests {
    }

    /** A Flyway folder: each file a release; V3 drops a column in expand, V4 in contract. */
    @ExtendWith(OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:migrations/flyway", flyway = true)
    static class Flyway implements BellowsMigrationTests {

        @org.junit.jupiter.api.Test
        void hooksNeedTheLayout(@AfterExpand("2") javax.sql.DataSource db) {
        }
    }
}
