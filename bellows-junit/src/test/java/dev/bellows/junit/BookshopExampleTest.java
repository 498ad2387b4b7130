package dev.bellows.junit;

/** The project's own example must pass the checks it advertises: lint and verify of every release. */
@BellowsMigrations(location = "../examples/bookshop/db/migrations")
class BookshopExampleTest implements BellowsMigrationTests {
}
