package dev.bellows.junit;

/**
 * The Spring Boot example's PostgreSQL tree (what users copy into their application) passes lint and verify of
 * every release, sync trigger included. Its MariaDB tree runs for real in bellows-spring-boot-it's
 * RollingUpgradeTest.
 */
@BellowsMigrations(location = "../examples/spring-bookshop/src/main/resources/db/migrations/postgresql")
class SpringBookshopExampleTest implements BellowsMigrationTests {
}
