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
}
