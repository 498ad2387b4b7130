package dev.bellows.junit;

/** The README's two lines, on the bookshop example: every check must pass. */
@BellowsMigrations(location = "../examples/bookshop/db/migrations")
class BookshopMigrationsTest implements BellowsMigrationTests {
}
