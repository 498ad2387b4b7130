package dev.bellows.junit;

/**
 * The README's two lines, verbatim, on this module's own {@code db/migrations} (a safe three-release
 * history): every lint and verify test they contribute must pass.
 */
@BellowsMigrations(location = "db/migrations")
class MigrationsTest implements BellowsMigrationTests {
}
