package dev.bellows.junit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs' pattern for running a whole suite of release N-1's repository tests on release N's
 * expanded schema: one database for the class, from a {@code @BeforeAll} with a {@link BellowsSchema}.
 */
@BellowsMigrations(location = "../examples/bookshop/db/migrations")
class Release11SuiteTest {

    static DataSource db;

    @BeforeAll
    static void schemaDuringTheRolloutOf12(BellowsSchema schema) {
        db = schema.afterExpand("1.2").dataSource();
    }

    @Test
    void addsAndFindsABook() throws SQLException {
        BookRepository11 repo = new BookRepository11(db);
        repo.add("Solaris", "ISBN-9780156027601");
        assertThat(repo.titleOf("ISBN-9780156027601")).contains("Solaris");
    }

    @Test
    void findsTheBackfilledBooks() throws SQLException {
        assertThat(new BookRepository11(db).titleOf("ISBN-LC-000001")).contains("Book 1");
    }
}
