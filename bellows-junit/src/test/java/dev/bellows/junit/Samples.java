package dev.bellows.junit;

/**
 * Test classes that use the extension on purpose-built migrations, run by the tests through the
 * JUnit test kit (their names keep them out of the build's own test run).
 */
final class Samples {

    private Samples() {
    }

    @BellowsMigrations(location = "classpath:migrations/broken")
    static class Broken implements BellowsMigrationTests {
    }

    @BellowsMigrations(location = "classpath:migrations/broken", startAfter = "1.1")
    static class BrokenBeforeTheCutOver implements BellowsMigrationTests {
    }

    @BellowsMigrations(location = "classpath:migrations/broken", dialect = "mysql")
    static class MysqlWithoutServer implements BellowsMigrationTests {
    }

    @BellowsMigrations(location = "no/such/dir")
    static class MissingLocation implements BellowsMigrationTests {
    }

    /** MySQL migrations on the server named by -Dbellows.shadow.url, with a phase hook. */
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
}
